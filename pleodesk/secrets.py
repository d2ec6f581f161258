"""Secrets (API keys, OAuth tokens) live in the operating system's keyring, never in a file.

All entries use the service name ``pleodesk``. When no usable keyring exists, every call raises
:class:`SecretStoreUnavailable` with a message the user can act on; there is deliberately no
plaintext fallback.

Which keyring is usable (:func:`keyring_problem`):

* keyring's ``fail`` backend (nothing found, e.g. a machine without a desktop session) and its
  ``null`` backend (keyring disabled): none;
* a backend that keeps secrets in a readable file (every ``keyrings.alt`` file backend, any
  ``Plaintext`` backend): refused;
* keyring's chainer (chosen when several backends are installed): pleodesk uses the first safe
  backend of the chain only, so a secret is never written to, or read from, a file backend behind
  the system keyring;
* :class:`MemoryKeyring`: only where pleodesk installed it itself (:func:`use_memory_keyring`: the
  demo, the self-test, the benchmarks); keyring's discovery never picks it.

Before saving a connection, setup and the wizard also store, read back and delete a probe entry
(:func:`check_keyring`), so a keyring that is installed but locked or broken is found before anything
is saved.
"""

from __future__ import annotations

import logging
import secrets as _random
import sys
from dataclasses import dataclass

import keyring
import keyring.backend
import keyring.errors

log = logging.getLogger(__name__)

SERVICE = "pleodesk"
#: The entry :func:`check_keyring` writes, reads back and deletes.
PROBE_NAME = "keyring-check"

_UNAVAILABLE = (
    "No system keyring is available to store the secret safely. Install and unlock one "
    "(GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager) and try again."
)


def what_to_install() -> str:
    """One sentence: what to install on this kind of system to get a usable keyring."""
    if sys.platform.startswith("linux"):
        return ("On Debian or Ubuntu: sudo apt install gnome-keyring, then log out and in again; "
                "on a machine without a desktop session, see \"Without a desktop\" in pleodesk's README.")
    if sys.platform == "darwin":
        return "macOS Keychain comes with macOS: make sure the login keychain is unlocked."
    if sys.platform == "win32":
        return "Windows Credential Manager comes with Windows: make sure you are logged in to Windows normally."
    return "Install GNOME Keyring or KWallet."


@dataclass(frozen=True)
class KeyringProblem:
    """Why the keyring in force cannot keep pleodesk's secrets.

    ``kind``: ``"missing"`` (no keyring at all), ``"unsafe"`` (a backend that keeps secrets in a file,
    or only in memory) or ``"failed"`` (installed, but it refused to store, read back or delete a
    probe: locked, no D-Bus session, broken). ``backend``: the backend's class; ``detail``: its error."""

    kind: str
    backend: str
    detail: str = ""

    def message(self) -> str:
        if self.kind == "unsafe":
            head = (f"The keyring in use ({self.backend}) would keep secrets in a file or only until pleodesk "
                    "closes; pleodesk does not use it. Install and unlock a system keyring (GNOME Keyring, "
                    "KWallet, macOS Keychain, Windows Credential Manager) and try again.")
        elif self.kind == "failed":
            head = (f"The system keyring ({self.backend}) could not store a secret"
                    f"{' (' + self.detail + ')' if self.detail else ''}. Unlock it (or install one: GNOME Keyring, "
                    "KWallet, macOS Keychain, Windows Credential Manager) and try again.")
        else:
            head = _UNAVAILABLE
        return f"{head} {what_to_install()}"


class SecretStoreUnavailable(RuntimeError):
    """The system keyring is missing, locked or refused the operation."""

    def __init__(self, message: str | None = None, problem: KeyringProblem | None = None) -> None:
        self.problem = problem or KeyringProblem("missing", "")
        super().__init__(message or self.problem.message())


def _name(backend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__name__}"


def _judge(backend) -> KeyringProblem | None:
    """Whether one (non-chainer) backend may keep pleodesk's secrets, without using it."""
    import keyring.backends.fail
    import keyring.backends.null

    name = _name(backend)
    if isinstance(backend, (keyring.backends.fail.Keyring, keyring.backends.null.Keyring)):
        return KeyringProblem("missing", name)
    module = type(backend).__module__
    if (module.startswith(("keyrings.alt.file", "keyrings.alt.pyfs"))
            or "plaintext" in type(backend).__name__.lower()):
        return KeyringProblem("unsafe", name)
    if isinstance(backend, MemoryKeyring) and not backend.installed_by_pleodesk:
        return KeyringProblem("unsafe", name)
    return None


def _resolve():
    """The backend pleodesk uses, or a :class:`KeyringProblem`. keyring's chainer is resolved to its
    first safe backend: pleodesk never writes to, or reads from, a file backend behind the chain."""
    from keyring.backends.chainer import ChainerBackend

    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - e.g. PYTHON_KEYRING_BACKEND names a backend that fails to load
        return None, KeyringProblem("failed", "keyring", str(exc) or type(exc).__name__)
    if isinstance(backend, ChainerBackend):
        chain = list(backend.backends)
        for member in chain:
            if _judge(member) is None:
                return member, None
        first = _judge(chain[0]) if chain else None
        return None, first or KeyringProblem("missing", _name(backend))
    problem = _judge(backend)
    return (None, problem) if problem else (backend, None)


def _backend():
    backend, problem = _resolve()
    if problem is not None:
        raise SecretStoreUnavailable(problem=problem)
    return backend


def active_backend_name() -> str:
    """The backend pleodesk would use (for messages and the self-test), or why there is none."""
    backend, problem = _resolve()
    return _name(backend) if backend is not None else f"none ({problem.kind}: {problem.backend})"


def keyring_problem(*, probe: bool = True) -> KeyringProblem | None:
    """``None`` when the keyring can keep pleodesk's secrets, else why not.

    With ``probe`` (the default) a probe entry is stored, read back and deleted: an installed keyring
    that is locked, has no D-Bus session or is broken is found too. It may show the desktop's unlock
    prompt and block until it is answered: never call it on the GUI thread."""
    backend, problem = _resolve()
    if problem is not None or not probe:
        return problem
    value = _random.token_hex(16)
    try:
        backend.set_password(SERVICE, PROBE_NAME, value)
        back = backend.get_password(SERVICE, PROBE_NAME)
        try:
            backend.delete_password(SERVICE, PROBE_NAME)
        except keyring.errors.PasswordDeleteError:
            pass
    except Exception as exc:  # noqa: BLE001 - any failure of the keyring's own code means "not usable"
        log.debug("the keyring %s failed the probe: %r", _name(backend), exc)
        return KeyringProblem("failed", _name(backend), str(exc) or type(exc).__name__)
    if back != value:
        return KeyringProblem("failed", _name(backend), "it did not give back what was stored")
    return None


def check_keyring(*, probe: bool = True) -> None:
    """Raise :class:`SecretStoreUnavailable` unless the keyring can keep secrets (see
    :func:`keyring_problem`)."""
    problem = keyring_problem(probe=probe)
    if problem is not None:
        raise SecretStoreUnavailable(problem=problem)


def _failed(backend, exc: BaseException) -> SecretStoreUnavailable:
    return SecretStoreUnavailable(problem=KeyringProblem("failed", _name(backend), str(exc) or type(exc).__name__))


def set_secret(name: str, value: str) -> None:
    """Store ``value`` under ``name``, replacing any previous value."""
    if not name:
        raise ValueError("A secret needs a name.")
    backend = _backend()
    try:
        backend.set_password(SERVICE, name, value)
    except Exception as exc:  # noqa: BLE001 - a keyring error, a D-Bus error: the keyring failed
        raise _failed(backend, exc) from exc


def get_secret(name: str) -> str | None:
    """The stored value, or ``None`` when nothing is stored under ``name``."""
    backend = _backend()
    try:
        return backend.get_password(SERVICE, name)
    except Exception as exc:  # noqa: BLE001
        raise _failed(backend, exc) from exc


def delete_secret(name: str) -> None:
    """Remove ``name``; removing a secret that does not exist is not an error."""
    backend = _backend()
    try:
        backend.delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        return
    except Exception as exc:  # noqa: BLE001
        raise _failed(backend, exc) from exc


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Secrets in a dict for this process only, never a file: for the demo company (whose sandbox key
    is made anew at every start), the self-test and the benchmarks. Real connections never use it.

    keyring registers every backend class it sees defined; ``viable = False`` keeps this one out of
    keyring's discovery (and of its chainer), so importing pleodesk never makes it the keyring: it is
    only ever installed by :func:`use_memory_keyring`."""

    priority = 1  # type: ignore[assignment]
    viable = False  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self._data: dict[tuple[str, str], str] = {}
        self.installed_by_pleodesk = False

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
    memory = MemoryKeyring()
    memory.installed_by_pleodesk = True
    keyring.set_keyring(memory)
    return previous
