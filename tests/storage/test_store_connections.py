"""Connections and mappings."""

from __future__ import annotations

from datetime import timezone

import pytest

from pleodesk.core.ledger import CategoryMapping, ContraRole, Mappings
from pleodesk.storage import ConnectionRow, Store, UnknownConnectionError, is_secret_key


# ---------------------------------------------------------------- connections ------------------
def test_add_and_get_connection(store: Store) -> None:
    row = store.add_connection("Acme ApS", "odoo", settings={"url": "https://acme.odoo.com", "db": "acme"},
                               pleo_company_id="c-1", pleo_base_url="https://external.pleo.io",
                               ledger_company_id="7", ledger_company_name="Acme ApS (DK)")
    assert isinstance(row, ConnectionRow)
    assert row.id > 0
    assert (row.name, row.system, row.state, row.active) == ("Acme ApS", "odoo", "connected", True)
    assert row.settings == {"url": "https://acme.odoo.com", "db": "acme"}
    assert row.created_at.tzinfo is timezone.utc and row.updated_at == row.created_at

    assert store.get_connection(row.id) == row
    assert store.get_connection("Acme ApS") == row
    assert store.get_connection("Nope") is None
    assert store.get_connection(999) is None


def test_row_is_frozen_and_settings_is_a_copy(store: Store) -> None:
    row = store.add_connection("A", "xero", settings={"tenant": "t"})
    with pytest.raises(AttributeError):
        row.name = "B"  # type: ignore[misc]
    row.settings["tenant"] = "changed"
    assert store.get_connection(row.id).settings == {"tenant": "t"}


def test_duplicate_name_refused(store: Store) -> None:
    store.add_connection("Acme", "odoo")
    with pytest.raises(ValueError, match="already exists"):
        store.add_connection("Acme", "xero")
    other = store.add_connection("Other", "xero")
    with pytest.raises(ValueError, match="already exists"):
        store.update_connection(other.id, name="Acme")
    assert [c.name for c in store.list_connections()] == ["Acme", "Other"]


def test_list_connections_inactive(store: Store) -> None:
    a = store.add_connection("A", "odoo")
    b = store.add_connection("B", "journal_file")
    store.update_connection(b.id, active=False)
    assert [c.id for c in store.list_connections()] == [a.id, b.id]
    assert [c.id for c in store.list_connections(include_inactive=False)] == [a.id]


def test_update_connection_merges_settings(store: Store) -> None:
    c = store.add_connection("A", "odoo", settings={"url": "u", "db": "d"})
    row = store.update_connection(c.id, settings={"db": "d2", "company": 3}, ledger_company_name="New")
    assert row.settings == {"url": "u", "db": "d2", "company": 3}
    assert row.ledger_company_name == "New"
    assert row.updated_at >= c.updated_at
    row = store.update_connection(c.id, settings={"only": True}, replace_settings=True)
    assert row.settings == {"only": True}
    assert store.get_connection(c.id) == row


def test_update_connection_rejects_unknown_fields_and_ids(store: Store, conn_id: int) -> None:
    with pytest.raises(TypeError, match="colour"):
        store.update_connection(conn_id, colour="red")
    with pytest.raises(UnknownConnectionError):
        store.update_connection(12345, name="x")
    with pytest.raises(ValueError):
        store.update_connection(conn_id, state="on fire")


def test_set_connection_state(store: Store, conn_id: int) -> None:
    row = store.set_connection_state(conn_id, "needs_attention", "The Odoo password was changed")
    assert (row.state, row.state_message) == ("needs_attention", "The Odoo password was changed")
    row = store.set_connection_state(conn_id, "connected")
    assert (row.state, row.state_message) == ("connected", None)
    assert store.get_connection(conn_id).state == "connected"


@pytest.mark.parametrize("key", ["secret", "password", "token", "api_key", "apiKey", "client_secret",
                                 "clientSecret", "refresh_token", "access_token", "odoo_password",
                                 "PRIVATE_KEY", "webhook-secret", "credentials"])
def test_secrets_refused(store: Store, key: str) -> None:
    assert is_secret_key(key)
    with pytest.raises(ValueError, match="keyring"):
        store.add_connection("A", "xero", settings={key: "hunter2"})
    c = store.add_connection("B", "xero")
    with pytest.raises(ValueError, match="keyring"):
        store.update_connection(c.id, settings={key: "hunter2"})
    with pytest.raises(ValueError, match="keyring"):
        store.update_connection(c.id, settings={"nested": {key: "hunter2"}})
    assert store.get_connection(c.id).settings == {}


@pytest.mark.parametrize("key", ["url", "token_url", "token_endpoint", "tenant_id", "client_id",
                                 "keyring_service", "token_expires_at", "database"])
def test_ordinary_keys_allowed(store: Store, key: str) -> None:
    assert not is_secret_key(key)
    assert store.add_connection("A", "xero", settings={key: "v"}).settings == {key: "v"}


def test_delete_connection_cascades(store: Store, conn_id: int) -> None:
    other = store.add_connection("Other", "xero").id
    for cid in (conn_id, other):
        store.set_mapping(cid, "category", "6100", "6100")
        store.ensure_records(cid, ["e1", "e2"])
        store.mark_feed(cid, "e1", "pushed")
        store.finish_run(store.start_run(cid, "queue", "scheduled"), "ok")
        store.set_schedule_state(f"conn:{cid}:queue", last_run_at=None)
        store.audit("connected", cid, system="x")

    store.delete_connection(conn_id)

    assert store.get_connection(conn_id) is None
    assert store.list_mappings(conn_id) == []
    assert store.get_records(conn_id) == {}
    assert store.feed_records(conn_id) == {}
    assert store.list_runs(conn_id) == []
    assert [a.connection_id for a in store.list_audit()] == [other, None]   # audit history stays
    # the other connection is untouched
    assert len(store.list_mappings(other)) == 1
    assert set(store.get_records(other)) == {"e1", "e2"}
    assert len(store.list_runs(other)) == 1
    # ids are not reused, so nothing stale can attach to a new connection
    assert store.add_connection("New", "odoo").id > other
    store.delete_connection(99999)   # unknown id: nothing happens


# ---------------------------------------------------------------- mappings ---------------------
def full_mappings() -> Mappings:
    return Mappings(
        categories={"6100": CategoryMapping("6100", "I25"), "acc-2": CategoryMapping("6200")},
        category_labels={"6100": "Travel", "acc-2": "Meals", "acc-9": "Unmapped but named"},
        taxes={"25%": "I25", "0% reverse": "RC0"},
        tag_groups={"PROJ": "Projects"},
        tags={("PROJ", "P-1"): "Apollo", ("PROJ", "P-2"): "Gemini"},
        contra={ContraRole.WALLET: "5820", ContraRole.OUT_OF_POCKET: "6900"},
        default_account="9999",
    )


def test_save_and_load_mappings_round_trip(store: Store, conn_id: int) -> None:
    m = full_mappings()
    store.save_mappings(conn_id, m)
    assert store.load_mappings(conn_id) == m

    rows = {(r.kind, r.source_key): r for r in store.list_mappings(conn_id)}
    assert rows[("tag", "PROJ/P-1")].target == "Apollo"
    assert rows[("category", "6100")].target_tax == "I25"
    assert rows[("category", "6100")].source_label == "Travel"
    assert rows[("category", "acc-9")].target is None
    assert rows[("default_account", "default")].target == "9999"
    assert [r.kind for r in store.list_mappings(conn_id, "contra")] == ["contra", "contra"]


def test_save_mappings_replaces(store: Store, conn_id: int) -> None:
    store.save_mappings(conn_id, full_mappings())
    small = Mappings(categories={"6100": CategoryMapping("6110")})
    store.save_mappings(conn_id, small)
    assert store.load_mappings(conn_id) == small
    store.save_mappings(conn_id, Mappings())
    assert store.list_mappings(conn_id) == []


def test_mappings_are_per_connection(store: Store, conn_id: int) -> None:
    other = store.add_connection("Other", "xero").id
    store.save_mappings(conn_id, full_mappings())
    assert store.load_mappings(other) == Mappings()


def test_save_mappings_unknown_connection(store: Store) -> None:
    with pytest.raises(UnknownConnectionError):
        store.save_mappings(4242, full_mappings())
    with pytest.raises(UnknownConnectionError):
        store.set_mapping(4242, "tax", "25%", "I25")


def test_set_and_delete_mapping(store: Store, conn_id: int) -> None:
    row = store.set_mapping(conn_id, "category", "6100", "6100", target_tax="I25", label="Travel")
    assert (row.kind, row.source_key, row.target, row.target_tax, row.source_label) == \
        ("category", "6100", "6100", "I25", "Travel")
    # changing the target keeps the label when none is given
    row = store.set_mapping(conn_id, "category", "6100", "6110")
    assert (row.target, row.target_tax, row.source_label) == ("6110", None, "Travel")
    store.set_mapping(conn_id, "tag", "PROJ/P-1", "Apollo")
    store.set_mapping(conn_id, "contra", "wallet", "5820")
    store.set_mapping(conn_id, "default_account", "default", "9999")
    m = store.load_mappings(conn_id)
    assert m.categories == {"6100": CategoryMapping("6110")}
    assert m.category_labels == {"6100": "Travel"}
    assert m.tags == {("PROJ", "P-1"): "Apollo"}
    assert m.contra == {ContraRole.WALLET: "5820"}
    assert m.default_account == "9999"

    store.delete_mapping(conn_id, "category", "6100")
    assert [r.kind for r in store.list_mappings(conn_id)] == ["contra", "default_account", "tag"]
    with pytest.raises(ValueError):
        store.set_mapping(conn_id, "colour", "x", "y")


def test_tag_group_with_slash_refused(store: Store, conn_id: int) -> None:
    with pytest.raises(ValueError, match="separator"):
        store.save_mappings(conn_id, Mappings(tags={("A/B", "C"): "v"}))
