"""Keyring entries are named per database (``<installation id>/connection-<id>/...``): two data folders
with a connection 1 keep their own secrets, and the entries an older pleodesk named
``connection-<id>/...`` are renamed once, at the first open, without losing one when the keyring
fails half-way."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import keyring
import keyring.backends.fail
import keyring.errors
import pytest

from keyring_memory import InMemoryKeyring
from pleodesk.connections import (SECRET_NAMES_META, ledger_secret_name, make_pleo_client, migrate_secret_names,
                                  pleo_secret_name, prepare_secrets)
from pleodesk.demo import demo_plan
from pleodesk.providers.xero.auth import token_key
from pleodesk.secrets import SecretStoreUnavailable, get_secret
from pleodesk.setup_file import apply_plan
from pleodesk.storage import open_store

FIXTURE_0001 = Path(__file__).resolve().parent / "data" / "schema" / "0001_initial.sqlite3"


@pytest.fixture
def kr() -> InMemoryKeyring:
    k = InMemoryKeyring()
    keyring.set_keyring(k)
    return k


def _key_used(conn, monkeypatch) -> str:
    """The API key ``make_pleo_client`` gives the Pleo client of ``conn``."""
    import pleodesk.providers.pleo as pleo

    seen: dict = {}
    with monkeypatch.context() as m:
        m.setattr(pleo, "PleoClient", lambda base_url, **kw: seen.update(kw))
        make_pleo_client(conn)
    return seen["api_key"]


def _plan(tmp_path: Path, key: str):
    pleo = SimpleNamespace(pleo_url="http://127.0.0.1:9/pleo", company_id="cmp-1", api_key=key)
    return demo_plan(pleo, tmp_path / f"journal-{key}")


def test_two_data_folders_in_one_process_keep_their_own_secrets(tmp_path, monkeypatch, kr) -> None:
    conns = {}
    for folder, key in (("a", "key-of-a"), ("b", "key-of-b")):
        monkeypatch.setenv("PLEODESK_HOME", str(tmp_path / folder))
        with open_store() as store:
            conns[folder] = apply_plan(store, _plan(tmp_path, key))
    assert conns["a"].id == conns["b"].id == 1
    assert len([n for (_s, n) in kr.passwords if n.endswith("/connection-1/pleo-api-key")]) == 2

    for folder, key in (("a", "key-of-a"), ("b", "key-of-b"), ("a", "key-of-a")):
        monkeypatch.setenv("PLEODESK_HOME", str(tmp_path / folder))
        assert get_secret(pleo_secret_name(1)) == key
        assert _key_used(conns[folder], monkeypatch) == key
    monkeypatch.setenv("PLEODESK_HOME", str(tmp_path / "a"))
    xero_a = token_key(1)
    monkeypatch.setenv("PLEODESK_HOME", str(tmp_path / "b"))
    assert token_key(1) != xero_a, "a Xero sign-in refreshed in one folder never replaces the other's"


class _FailsAfter(InMemoryKeyring):
    """A keyring that refuses every write after the first ``n`` (locked half-way)."""

    viable = False  # type: ignore[assignment]

    def __init__(self, passwords: dict, n: int) -> None:
        super().__init__()
        self.passwords = passwords
        self.left = n

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.left <= 0:
            raise keyring.errors.KeyringLocked("the keyring was locked")
        self.left -= 1
        super().set_password(service, username, password)


LEGACY = {("pleodesk", "connection-1/pleo-api-key"): "pleo-key-1",
          ("pleodesk", "connection-1/odoo_api_key"): "odoo-key-1",
          ("pleodesk", "connection-2/pleo-api-key"): "pleo-key-2",
          ("pleodesk", "connection-1/pleo-oauth"): '{"access_token": "a"}',
          ("other-app", "connection-1/pleo-api-key"): "not ours"}


def test_a_0001_database_gets_its_entries_renamed_once_and_none_is_lost(pleodesk_home, kr, monkeypatch) -> None:
    shutil.copy(FIXTURE_0001, pleodesk_home / "pleodesk.sqlite3")      # a real database of the old schema
    passwords = dict(LEGACY)
    keyring.set_keyring(_FailsAfter(passwords, 2))                   # locked after two writes
    with open_store() as store:
        assert [c.id for c in store.list_connections()] == [1, 2]
        with pytest.raises(SecretStoreUnavailable):
            migrate_secret_names(store)
        assert store.get_meta(SECRET_NAMES_META) is None             # to be finished at the next open
        for (service, old), value in LEGACY.items():
            if service != "pleodesk":
                continue
            conn_id, what = old.removeprefix("connection-").split("/")
            new = ledger_secret_name(int(conn_id), what)
            assert value in (passwords.get(("pleodesk", old)), passwords.get(("pleodesk", new))), old
        renamed_before = {n for (_s, n) in passwords if "/connection-" in n and not n.startswith("connection-")}
        assert len(renamed_before) == 2

    keyring.set_keyring(kr)
    kr.passwords = passwords
    with open_store() as store:
        prepare_secrets(store)
        assert store.get_meta(SECRET_NAMES_META)
        assert get_secret(pleo_secret_name(1)) == "pleo-key-1"
        assert get_secret(ledger_secret_name(1, "odoo_api_key")) == "odoo-key-1"
        assert get_secret(ledger_secret_name(1, "pleo-oauth")) == '{"access_token": "a"}'
        assert get_secret(pleo_secret_name(2)) == "pleo-key-2"
        assert not any(n.startswith("connection-") for (s, n) in kr.passwords if s == "pleodesk")
        assert kr.passwords[("other-app", "connection-1/pleo-api-key")] == "not ours"
        assert _key_used(store.get_connection(1), monkeypatch) == "pleo-key-1"

    keyring.set_keyring(keyring.backends.fail.Keyring())           # done once: no keyring call any more
    with open_store() as store:
        assert migrate_secret_names(store) == 0


def test_an_entry_already_under_its_new_name_is_kept(pleodesk_home, kr) -> None:
    shutil.copy(FIXTURE_0001, pleodesk_home / "pleodesk.sqlite3")
    with open_store() as store:
        kr.passwords.update({("pleodesk", "connection-1/pleo-api-key"): "old",
                             ("pleodesk", pleo_secret_name(1)): "newer"})
        assert migrate_secret_names(store) == 1
        assert get_secret(pleo_secret_name(1)) == "newer"
        assert ("pleodesk", "connection-1/pleo-api-key") not in kr.passwords


def test_the_command_line_renames_them_at_its_first_open(pleodesk_home, kr, capsys) -> None:
    from pleodesk.cli import main

    shutil.copy(FIXTURE_0001, pleodesk_home / "pleodesk.sqlite3")
    kr.passwords.update({("pleodesk", "connection-1/pleo-api-key"): "pleo-key-1"})
    assert main(["status"]) == 0
    assert "Nordlys ApS" in capsys.readouterr().out
    assert get_secret(pleo_secret_name(1)) == "pleo-key-1"
    assert ("pleodesk", "connection-1/pleo-api-key") not in kr.passwords
