"""Secrets (API keys, OAuth tokens) live in the operating system's keyring, never in a file.

All entries use the service name ``pleodesk``. When no usable keyring exists, every call raises
:class:`SecretStoreUnavailable` with a message the user can act on; there is deliberately no
plaintext fallback.
"""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.errors

SERVICE = "pleodesk"

_UNAVAILABLE = (
    "No system keyring is available to store the secret safely. Install and unlock one "
    "(GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager) and try again."
)


class SecretStoreUnavailable(RuntimeError):
    """The system keyring is missing, locked or refused the operation."""

    def __init__(self, message: str = _UNAVAILABLE) -> None:
        super().__init__(message)


# Backends that would keep a secret in a readable file or silently drop it are refused.
_UNSAFE_BACKENDS = {
    ("keyring.backends.null", "Keyring"),
    ("keyrings.alt.file", "PlaintextKeyring"),
}


def _backend():
    backend = keyring.get_keyring()
    if (type(backend).__module__, type(backend).__name__) in _UNSAFE_BACKENDS:
        raise SecretStoreUnavailable()
    return backend


def set_secret(name: str, value: str) -> None:
    """Store ``value`` under ``name``, replacing any previous value."""
    if not name:
        raise ValueError("A secret needs a name.")
    try:
        _backend().set_password(SERVICE, name, value)
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailable() from exc


def get_secret(name: str) -> str | None:
    """The stored value, or ``None`` when nothing is stored under ``name``."""
    try:
        return _backend().get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailable() from exc


def delete_secret(name: str) -> None:
    """Remove ``name``; removing a secret that does not exist is not an error."""
    try:
        _backend().delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        return
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailable() from exc


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Secrets in a dict for this process only, never a file: for the demo company (whose sandbox key
    is made anew at every start) and the self-test. Real connections never use it."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self._data: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._data.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


def use_memory_keyring():
    """Install a :class:`MemoryKeyring` for this process; returns the backend it replaced."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    return previous
