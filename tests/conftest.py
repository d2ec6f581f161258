"""Test-wide setup: Qt offscreen, an in-memory keyring, a private data directory per test, and the
rules for tests that need ``../shared``.

Environment switches:

``PLEODESK_REQUIRE_SHARED=1``  (CI) a test skipped for want of ``../shared`` fails instead, and the run
                               stops at once when ``../shared`` is not there at all.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backend
import pytest
import shared_specs

ROOT = Path(__file__).resolve().parents[1]
SPECS = shared_specs.SPECS


def pytest_configure(config: pytest.Config) -> None:
    if shared_specs.required() and not shared_specs.SHARED.is_dir():
        pytest.exit(f"{shared_specs.REQUIRE_ENV}=1, but {shared_specs.MISSING}.", returncode=1)


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [f"{shared_specs.MISSING}; those tests skip"] if not shared_specs.SHARED.is_dir() else []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """With ``PLEODESK_REQUIRE_SHARED=1`` a skip for want of ``../shared`` is a failure."""
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and shared_specs.required()):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if "../shared" in reason:
        report.outcome = "failed"
        report.longrepr = (f"{shared_specs.REQUIRE_ENV}=1 (CI) and this test was skipped: {reason}. "
                           "The specs must be in ../shared beside the repository.")


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in memory: tests never touch the user's real keyring."""

    priority = 1  # type: ignore[assignment]

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
