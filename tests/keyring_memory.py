"""An in-memory keyring backend for tests that need to look inside the store."""

from __future__ import annotations

import threading

import keyring.backend
import keyring.errors


class InMemoryKeyring(keyring.backend.KeyringBackend):
    """Keeps passwords in a dict; counts writes so tests can check what was stored and when."""

    priority = 1  # type: ignore[assignment]
    viable = False  # type: ignore[assignment]  # installed explicitly only, never by keyring's discovery

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


class SharedFileKeyring(keyring.backend.KeyringBackend):
    """A keyring several test processes can share: a JSON file, guarded by a lock file.

    Test-only: it exists so cross-process tests can see each other's writes. pleodesk itself never
    stores secrets in files."""

    priority = 1  # type: ignore[assignment]
    viable = False  # type: ignore[assignment]  # installed explicitly only, never by keyring's discovery

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def _locked(self):
        import contextlib
        import fcntl

        @contextlib.contextmanager
        def cm():
            with open(self.path + ".lock", "a+b") as fh:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        return cm()

    def _read(self) -> dict:
        import json
        import os
        if not os.path.exists(self.path):
            return {}
        with open(self.path, encoding="utf-8") as fh:
            text = fh.read()
        return json.loads(text) if text else {}

    def _write(self, data: dict) -> None:
        import json
        import os
        tmp = self.path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        with self._locked():
            return self._read().get(f"{service}\x00{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._locked():
            data = self._read()
            data[f"{service}\x00{username}"] = password
            self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        with self._locked():
            data = self._read()
            if data.pop(f"{service}\x00{username}", None) is None:
                raise keyring.errors.PasswordDeleteError(username)
            self._write(data)
