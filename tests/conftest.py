"""Test-wide setup: Qt offscreen, an in-memory keyring, a private data directory per test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backend
import pytest

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT.parent / "shared" / "specs"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in memory: tests never touch the user's real keyring. Installed explicitly
    by the fixture below; ``viable = False`` keeps keyring's discovery from ever choosing it (keyring
    registers every backend class on definition)."""

    priority = 1  # type: ignore[assignment]
    viable = False  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.store:
            raise PasswordDeleteError(username)
        del self.store[(service, username)]


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    return kr


@pytest.fixture(autouse=True)
def pleodesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PLEODESK_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def english_translation(qapp):
    """English as the app installs it: its translation holds the plural forms ("1 expense", "2
    expenses"). Window tests use it (tests/ui does for all of its tests)."""
    from pleodesk.ui.i18n import Translations

    t = Translations(qapp)
    t.install("en")
    yield t
