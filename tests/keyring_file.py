"""A keyring kept in a JSON file, for tests that run pleodesk in a child process only.

The app never uses it (it refuses plaintext backends it knows of, and this module is not shipped):
a child process is pointed at it with ``PYTHON_KEYRING_BACKEND=keyring_file.FileKeyring`` and
``PLEODESK_TEST_KEYRING=<file>``, because an in-memory keyring cannot cross a process boundary.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
from keyring.errors import PasswordDeleteError


class FileKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]
    viable = False  # type: ignore[assignment]  # only where PYTHON_KEYRING_BACKEND names it

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        super().__init__()
        self.path = Path(path or os.environ["PLEODESK_TEST_KEYRING"])

    def _load(self) -> dict:
        try:
            return json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}

    def _save(self, data: dict) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data))
        os.replace(tmp, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x00{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\x00{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if f"{service}\x00{username}" not in data:
            raise PasswordDeleteError(username)
        del data[f"{service}\x00{username}"]
        self._save(data)


class LockedKeyring(keyring.backend.KeyringBackend):
    """A system keyring that is there but refuses every write (locked, its unlock prompt dismissed)."""

    priority = 1  # type: ignore[assignment]
    viable = False  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        from keyring.errors import KeyringLocked

        raise KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError(username)
