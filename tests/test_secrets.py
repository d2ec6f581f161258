"""The keyring wrapper: round trip, missing secrets, and no plaintext fallback without a keyring."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import keyring.backends.null
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
