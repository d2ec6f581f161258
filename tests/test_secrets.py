"""The keyring wrapper: round trip, missing secrets, and no plaintext fallback without a keyring."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import keyring.backends.null
import keyring.backends.chainer
import keyring.compat.properties
import pytest

from keyring_memory import InMemoryKeyring
from pleodesk import secrets
from pleodesk.secrets import SecretStoreUnavailable, delete_secret, get_secret, set_secret


@pytest.fixture
def store() -> InMemoryKeyring:
    kr = InMemoryKeyring()
    keyring.set_keyring(kr)
    return kr


def test_round_trip_uses_the_pleodesk_service(store: InMemoryKeyring) -> None:
    set_secret("pleo.api_key", "k-123")
    assert get_secret("pleo.api_key") == "k-123"
    assert store.passwords == {("pleodesk", "pleo.api_key"): "k-123"}
    set_secret("pleo.api_key", "k-456")
    assert get_secret("pleo.api_key") == "k-456"


def test_missing_secret_is_none_and_delete_is_idempotent(store: InMemoryKeyring) -> None:
    assert get_secret("nothing-here") is None
    delete_secret("nothing-here")  # no error
    set_secret("x", "1")
    delete_secret("x")
    assert get_secret("x") is None
    assert store.passwords == {}


def test_empty_name_is_refused(store: InMemoryKeyring) -> None:
    with pytest.raises(ValueError):
        set_secret("", "v")


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring, keyring.backends.null.Keyring])
def test_no_keyring_raises_plain_message_and_writes_no_file(backend, pleodesk_home, tmp_path) -> None:
    keyring.set_keyring(backend())
    before = sorted(p for p in tmp_path.rglob("*"))
    for call in (lambda: set_secret("pleo.api_key", "secret-value"),
                 lambda: get_secret("pleo.api_key"),
                 lambda: delete_secret("pleo.api_key")):
        with pytest.raises(SecretStoreUnavailable) as info:
            call()
        message = str(info.value)
        assert message.startswith("No system keyring is available to store the secret safely.")
        assert "GNOME Keyring" in message and "Windows Credential Manager" in message
    # Nothing was written anywhere as a fallback.
    assert sorted(p for p in tmp_path.rglob("*")) == before
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"secret-value" not in path.read_bytes()


def test_keyring_errors_are_translated(store: InMemoryKeyring, monkeypatch) -> None:
    def locked(*args):
        raise keyring.errors.KeyringLocked("locked")

    monkeypatch.setattr(store, "set_password", locked)
    with pytest.raises(SecretStoreUnavailable):
        set_secret("a", "b")
    assert secrets.SERVICE == "pleodesk"


# ------------------------------------------------------------------ which keyring is usable -------
def _clean_env(tmp_path) -> dict[str, str]:
    """A child's environment with no keyring chosen and none reachable (no D-Bus session, no
    keyringrc): what a headless machine has."""
    import os

    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS", "PLEODESK_TEST_KEYRING")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_RUNTIME_DIR=str(tmp_path / "run"), PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    return env


ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def test_importing_pleodesk_or_the_test_keyrings_never_makes_them_the_keyring(tmp_path) -> None:
    """keyring registers every backend class it sees defined: the memory keyrings must not win its
    discovery, or a machine with no keyring "saves" secrets that are gone at the next start."""
    import subprocess
    import sys

    code = ("import pleodesk.secrets, conftest, keyring_memory, keyring_file, keyring, keyring.backend\n"
            "kr = keyring.get_keyring()\n"
            "print(type(kr).__module__, type(kr).__name__)\n"
            "print(sorted(c.__module__ for c in keyring.backend.get_all_keyring()))\n")
    out = subprocess.run([sys.executable, "-c", code], env=_clean_env(tmp_path), capture_output=True, text=True,
                         timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    chosen, viable = out.stdout.splitlines()
    ours = ("pleodesk.secrets", "conftest", "keyring_memory", "keyring_file")
    assert not chosen.startswith(ours), chosen
    assert not any(m in viable for m in ours), viable


class _FixedChain(keyring.backends.chainer.ChainerBackend):
    """keyring's chainer over a given list of backends (never picked by discovery)."""

    viable = False  # type: ignore[assignment]
    chain: list = []

    @keyring.compat.properties.classproperty
    def backends(cls):  # type: ignore[override]
        return cls.chain


def test_the_chainer_is_used_through_its_first_safe_backend_only(tmp_path, monkeypatch) -> None:
    """With keyrings.alt installed beside the system keyring, keyring chains them: pleodesk writes to and
    reads from the system keyring only, never the plaintext file behind it."""
    import keyrings.alt.file

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    plain = keyrings.alt.file.PlaintextKeyring()
    system = InMemoryKeyring()
    monkeypatch.setattr(_FixedChain, "chain", [plain, system])
    keyring.set_keyring(_FixedChain())
    set_secret("pleo.api_key", "k-1")
    assert system.passwords == {("pleodesk", "pleo.api_key"): "k-1"}
    assert not __import__("pathlib").Path(plain.file_path).exists()
    assert get_secret("pleo.api_key") == "k-1"
    assert secrets.keyring_problem() is None
    assert secrets.active_backend_name() == "keyring_memory.InMemoryKeyring"

    monkeypatch.setattr(_FixedChain, "chain", [plain])          # keyrings.alt alone
    with pytest.raises(SecretStoreUnavailable) as info:
        set_secret("pleo.api_key", "k-2")
    assert info.value.problem.kind == "unsafe" and "PlaintextKeyring" in str(info.value)
    assert not __import__("pathlib").Path(plain.file_path).exists()


@pytest.mark.parametrize("make", [
    lambda: __import__("keyrings.alt.file", fromlist=["x"]).PlaintextKeyring(),
    lambda: secrets.MemoryKeyring(),                 # pleodesk's own, but not installed by pleodesk
], ids=["plaintext-file", "memory-not-installed-by-pleodesk"])
def test_file_and_stray_memory_backends_are_refused(make, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    keyring.set_keyring(make())
    problem = secrets.keyring_problem()
    assert problem is not None and problem.kind == "unsafe"
    with pytest.raises(SecretStoreUnavailable, match="does not use it"):
        set_secret("pleo.api_key", "secret-value")
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_the_demo_memory_keyring_is_usable_where_pleodesk_installed_it() -> None:
    previous = secrets.use_memory_keyring()
    try:
        assert secrets.keyring_problem() is None
        set_secret("x", "1")
        assert get_secret("x") == "1"
    finally:
        keyring.set_keyring(previous)


def test_a_keyring_that_fails_the_probe_is_not_usable(store: InMemoryKeyring, monkeypatch) -> None:
    assert secrets.keyring_problem() is None
    assert store.passwords == {}, "the probe entry is deleted again"

    def locked(*_a):
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    monkeypatch.setattr(store, "set_password", locked)
    problem = secrets.keyring_problem()
    assert problem.kind == "failed" and "Failed to unlock" in problem.detail
    assert secrets.keyring_problem(probe=False) is None      # the kind of keyring is fine
    with pytest.raises(SecretStoreUnavailable, match="Unlock it"):
        secrets.check_keyring()
