"""The log of the Expenses list's changes: every write that can change a row is in it, whoever made it,
and a reader that has fallen behind the log is told to read the whole list."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

from pleodesk.storage import Store, open_store
from tests.storage.conftest import export_item


def changes(store: Store, conn_id: int, since: int, *, limit: int = 1000) -> set[str] | None:
    return store.expense_list_changes(conn_id, since, store.expense_list_mark(), limit=limit)


def test_every_write_to_a_listed_row_is_logged(store: Store, conn_id: int) -> None:
    start = store.expense_list_mark()
    store.upsert_pleo_items([export_item("a"), export_item("b")])
    store.ensure_records(conn_id, ["a", "b", "no-item"])
    assert changes(store, conn_id, start) == {"a", "b", "no-item"}

    mark = store.expense_list_mark()
    assert changes(store, conn_id, mark) == set()                      # nothing since
    store.mark_exported(conn_id, "a", ledger_id="J-1", ledger_url=None)
    assert changes(store, conn_id, mark) == {"a"}

    mark = store.expense_list_mark()
    store.mark_held(conn_id, "b", title="no account", fix="map it")
    store.upsert_pleo_items([export_item("no-item", note="now it has data")])
    assert changes(store, conn_id, mark) == {"b", "no-item"}


def test_a_write_that_changes_nothing_listed_is_not_logged(store: Store, conn_id: int) -> None:
    store.upsert_pleo_items([export_item("a")])
    store.ensure_records(conn_id, ["a"])
    store.mark_exported(conn_id, "a", ledger_id="J-1", ledger_url=None)
    mark = store.expense_list_mark()
    store.mark_reported(conn_id, ["a"])                  # Pleo told: not a column of the list
    store.upsert_pleo_items([export_item("a")])          # stored again as it was (every export does)
    store.mark_exported(conn_id, "a", ledger_id="J-1", ledger_url=None)
    assert changes(store, conn_id, mark) == set()
    assert store.expense_list_mark() == mark


def test_changes_are_per_connection_and_an_items_change_is_every_connections(store: Store, conn_id: int) -> None:
    other = store.add_connection("Other ApS", "odoo", pleo_company_id="c-1", ledger_company_id="8",
                                 ledger_company_name="Other ApS").id
    store.upsert_pleo_items([export_item("a"), export_item("b")])
    store.ensure_records(conn_id, ["a"])
    store.ensure_records(other, ["b"])
    mark = store.expense_list_mark()
    store.mark_exported(other, "b", ledger_id="X", ledger_url=None)
    assert changes(store, conn_id, mark) == set()
    assert changes(store, other, mark) == {"b"}
    store.upsert_pleo_items([export_item("a", note="changed in Pleo")])
    assert changes(store, conn_id, mark) == {"a"} and changes(store, other, mark) == {"a", "b"}


def test_a_deleted_record_is_logged(store: Store, conn_id: int) -> None:
    store.upsert_pleo_items([export_item("a")])
    store.ensure_records(conn_id, ["a"])
    mark = store.expense_list_mark()
    with store._engine.begin() as c:
        c.exec_driver_sql("DELETE FROM export_records WHERE expense_id = 'a'")
    assert changes(store, conn_id, mark) == {"a"}


def test_another_process_writing_is_logged(store: Store, conn_id: int, db_path: Path) -> None:
    store.upsert_pleo_items([export_item("a")])
    store.ensure_records(conn_id, ["a"])
    mark = store.expense_list_mark()
    raw = sqlite3.connect(db_path)              # no pleodesk code at all: the triggers log it
    raw.execute("UPDATE export_records SET status = 'exported', ledger_id = 'J-9' WHERE expense_id = 'a'")
    raw.commit()
    raw.close()
    assert changes(store, conn_id, mark) == {"a"}


def test_too_many_changes_or_a_log_trimmed_past_the_reader_mean_read_it_all(store: Store, conn_id: int) -> None:
    mark = store.expense_list_mark()
    store.upsert_pleo_items([export_item(f"e{n}") for n in range(30)])
    store.ensure_records(conn_id, [f"e{n}" for n in range(30)])
    assert changes(store, conn_id, mark, limit=29) is None
    assert len(changes(store, conn_id, mark, limit=30)) == 30
    later = store.expense_list_mark()
    with store._engine.begin() as c:              # as the trigger trims the oldest entries
        c.exec_driver_sql("DELETE FROM expense_list_changes WHERE seq <= ?", (mark + 5,))
    assert changes(store, conn_id, mark) is None
    assert changes(store, conn_id, later) == set()
    store.mark_exported(conn_id, "e2", ledger_id="J-2", ledger_url=None)
    with store._engine.begin() as c:              # the log trimmed to nothing: e2's change is gone
        c.exec_driver_sql("DELETE FROM expense_list_changes")
    assert changes(store, conn_id, later) is None
    store.mark_exported(conn_id, "e1", ledger_id="J-1", ledger_url=None)
    assert changes(store, conn_id, later) is None    # e1's is there, e2's still missing


def test_a_log_that_started_again_means_read_it_all(store: Store, conn_id: int) -> None:
    store.upsert_pleo_items([export_item("a")])
    store.ensure_records(conn_id, ["a"])
    mark = store.expense_list_mark()
    assert store.expense_list_changes(conn_id, mark, mark - 1, limit=10) is None     # the mark went back
    assert store.expense_list_changes(conn_id, mark, mark, limit=10) == set()


def test_the_triggers_at_the_newest_schema_are_the_migrations(store: Store) -> None:
    """The triggers are invisible to Alembic's autogenerate, and a table rebuilt by a later migration
    (``batch_alter_table``) loses them: the list would then go stale without a sound."""
    spec = importlib.util.spec_from_file_location(
        "m0005", Path(__file__).resolve().parents[2] / "pleodesk/storage/migrations/versions/0005_expense_list.py")
    m0005 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m0005)
    with store._engine.connect() as c:
        got = {name: sql for name, sql in c.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    assert got == {name: f"CREATE TRIGGER {name} {body}" for name, body in m0005.TRIGGERS.items()}


def test_the_log_trims_itself(store: Store) -> None:
    with store._engine.begin() as c:
        # Explicit numbers move the log's sequence on, as 230,000 writes would.
        c.exec_driver_sql("INSERT INTO expense_list_changes (seq, connection_id, expense_id) "
                          "VALUES (29999, 1, 'old'), (30001, 1, 'kept'), (229999, 1, 'recent')")
        # 230,000 is a multiple of 10,000: the oldest entries, 200,000 and more behind it, go.
        c.exec_driver_sql("INSERT INTO expense_list_changes (connection_id, expense_id) VALUES (1, 'new')")
        left = [r[0] for r in c.exec_driver_sql("SELECT expense_id FROM expense_list_changes ORDER BY seq")]
    assert left == ["kept", "recent", "new"]
    assert store.expense_list_mark() == 230_000
