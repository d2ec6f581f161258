"""Reloading the Expenses list by what changed gives exactly the list read whole, in its order."""

from __future__ import annotations

import random
from datetime import datetime, timezone

from pleodesk.storage import Store, open_store
from pleodesk.storage import retention
from pleodesk.ui import models
from pleodesk.ui.models import load_expense_rows, update_expense_rows
from tests.storage.conftest import export_item


def _item(eid: str, rnd: random.Random) -> dict:
    item = export_item(eid, date=f"2026-0{rnd.randint(1, 3)}-{rnd.randint(1, 5):02d}T{rnd.randint(0, 23):02d}:00:00Z",
                       value=rnd.randint(1, 99_999), note=rnd.choice([None, "lunch", "Train to Aarhus"]))
    item["supplier"]["name"] = rnd.choice(["SAS", "Netto", "Café Øst", "DSB"])
    return item


def test_after_any_mix_of_changes_the_updated_list_is_the_list_read_whole(tmp_path) -> None:
    rnd = random.Random(16)
    with open_store(tmp_path / "db.sqlite3") as store:
        conn = store.add_connection("Acme ApS", "odoo", pleo_company_id="c-1", ledger_company_id="7",
                                    ledger_company_name="Acme ApS").id
        other = store.add_connection("Other ApS", "odoo", pleo_company_id="c-1", ledger_company_id="8",
                                     ledger_company_name="Other ApS").id
        rows, mark = update_expense_rows(store, conn, None, None)
        assert rows == []
        ids: list[str] = []
        incremental = 0
        for step in range(60):
            for _ in range(rnd.randint(1, 4)):
                _change(store, conn, other, ids, rnd)
            before = rows
            rows, mark = update_expense_rows(store, conn, rows, mark)
            assert rows == load_expense_rows(store, conn), f"step {step}"
            incremental += rows is not before and len(rows) > 0
        assert incremental > 30            # the updates really were merged, not all read whole


def _change(store: Store, conn: int, other: int, ids: list[str], rnd: random.Random) -> None:
    op = rnd.choice(["new", "new", "status", "status", "item", "delete", "bare", "other", "prune"])
    if op == "new" or not ids:
        eid = f"e{len(ids):03d}"
        ids.append(eid)
        store.upsert_pleo_items([_item(eid, rnd)])
        store.ensure_records(conn, [eid])
    elif op == "status":
        eid = rnd.choice(ids)
        store.ensure_records(conn, [eid])
        what = rnd.choice(["exported", "held", "failed", "pending", "skipped"])
        if what == "exported":
            store.mark_exported(conn, eid, ledger_id=f"J-{rnd.randint(1, 999)}", ledger_url=None)
        elif what == "held":
            store.mark_held(conn, eid, title="no account", fix="map it")
        elif what == "failed":
            store.mark_failed(conn, eid, title="refused", fix="")
        elif what == "skipped":
            store.mark_skipped(conn, eid, "not booked")
        else:
            store.mark_pending(conn, [eid])
    elif op == "item":                          # Pleo's data changed: another day, supplier, amount
        store.upsert_pleo_items([_item(rnd.choice(ids), rnd)])
    elif op == "delete":
        eid = rnd.choice(ids)
        with store._engine.begin() as c:
            c.exec_driver_sql("DELETE FROM export_records WHERE connection_id = ? AND expense_id = ?", (conn, eid))
    elif op == "bare":                          # a record whose Pleo data is not stored
        eid = f"bare{rnd.randint(0, 9)}"
        store.ensure_records(conn, [eid])
    elif op == "other":
        eid = rnd.choice(ids)
        store.ensure_records(other, [eid])
        store.mark_exported(other, eid, ledger_id="X-1", ledger_url=None)
    else:
        retention.prune(store, [rnd.choice(ids)], datetime(2027, 6, 1, tzinfo=timezone.utc))


def test_nothing_changed_keeps_the_same_rows_and_too_much_reads_it_all(tmp_path, monkeypatch) -> None:
    with open_store(tmp_path / "db.sqlite3") as store:
        conn = store.add_connection("Acme ApS", "odoo", pleo_company_id="c-1", ledger_company_id="7",
                                    ledger_company_name="Acme ApS").id
        store.upsert_pleo_items([export_item(f"e{n}") for n in range(10)])
        store.ensure_records(conn, [f"e{n}" for n in range(10)])
        rows, mark = update_expense_rows(store, conn, None, None)
        again, mark2 = update_expense_rows(store, conn, rows, mark)
        assert again is rows and mark2 == mark

        calls = []
        real = store.expense_list
        monkeypatch.setattr(store, "expense_list", lambda *a, **k: calls.append((a, k)) or real(*a, **k))
        store.mark_exported(conn, "e3", ledger_id="J-3", ledger_url=None)
        rows, mark = update_expense_rows(store, conn, rows, mark)
        assert calls == [((conn, {"e3"}), {})]              # only the changed row was read
        assert next(r for r in rows if r.expense_id == "e3").status == "exported"

        monkeypatch.setattr(models, "RELOAD_ALL_ABOVE", 2)
        for eid in ("e1", "e2", "e4"):
            store.mark_failed(conn, eid, title="refused", fix="")
        calls.clear()
        rows, mark = update_expense_rows(store, conn, rows, mark)
        assert calls == [((conn,), {"newest_first": True})]  # three changed, more than 2: read whole
        assert rows == load_expense_rows(store, conn)
