"""An in-memory keyring backend for tests that need to look inside the store."""

from __future__ import annotations

import threading

import keyring.backend
import keyring.errors


class InMemoryKeyring(keyring.backend.KeyringBackend):
    """Keeps passwords in a dict; counts writes so tests can check what was stored and when."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}
        self.writes: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self.passwords[(service, username)] = password
            self.writes.append((service, username, password))

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            if (service, username) not in self.passwords:
                raise keyring.errors.PasswordDeleteError(username)
            del self.passwords[(service, username)]
