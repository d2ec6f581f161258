"""Summary entries in the store: a summary and its expenses change together, in one transaction."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from pleodesk.storage import open_store

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "schema"


@pytest.fixture
def conn(store):
    c = store.add_connection("Société Démo", "fec", settings={"summary": "monthly"})
    store.ensure_records(c.id, ["a", "b", "c"], job_id="job-1")
    return c


def begin(store, conn, ref="PLEO-S1-M2026-08", members=("a", "b")):
    store.begin_summary(conn.id, reference=ref, grid="monthly", period_start=date(2026, 8, 1),
                        period_end=date(2026, 8, 31), members=[(m, f"key-{m}") for m in members],
                        amount="123.45", currency="EUR")


def test_a_summary_and_its_expenses_go_sending_then_exported_together(store, conn):
    begin(store, conn)
    row = store.summaries(conn.id)["PLEO-S1-M2026-08"]
    assert (row.status, row.expense_count, row.amount, row.period_start, row.period_end, row.attempts) == \
        ("sending", 2, "123.45", date(2026, 8, 1), date(2026, 8, 31), 1)
    recs = store.get_records(conn.id)
    assert {k: (r.status, r.reference, r.idempotency_key) for k, r in recs.items()} == {
        "a": ("sending", "PLEO-S1-M2026-08", "key-a"), "b": ("sending", "PLEO-S1-M2026-08", "key-b"),
        "c": ("pending", None, None)}
    assert store.summary_members(conn.id, "PLEO-S1-M2026-08") == ["a", "b"]
    assert store.finish_summary(conn.id, "PLEO-S1-M2026-08", ledger_id="PLEO-12", ledger_url="x") == ["a", "b"]
    assert store.summaries(conn.id, "exported")["PLEO-S1-M2026-08"].ledger_id == "PLEO-12"
    recs = store.get_records(conn.id)
    assert {k: (r.status, r.ledger_id) for k, r in recs.items()} == {
        "a": ("exported", "PLEO-12"), "b": ("exported", "PLEO-12"), "c": ("pending", None)}


def test_a_period_is_never_summarised_twice(store, conn):
    begin(store, conn)
    with pytest.raises(ValueError, match="summarised once"):
        begin(store, conn, members=("c",))
    store.finish_summary(conn.id, "PLEO-S1-M2026-08", ledger_id="L", ledger_url=None)
    with pytest.raises(ValueError, match="summarised once"):
        begin(store, conn, members=("c",))
    assert store.get_records(conn.id)["c"].status == "pending"


def test_an_abandoned_summary_frees_its_period_and_its_expenses(store, conn):
    begin(store, conn)
    assert store.abandon_summary(conn.id, "PLEO-S1-M2026-08") == ["a", "b"]
    assert store.summaries(conn.id, "sending", "exported") == {}
    assert {r.status for r in store.get_records(conn.id).values()} == {"pending"}
    begin(store, conn, members=("a", "b", "c"))           # the same period, the same reference, again
    row = store.summaries(conn.id)["PLEO-S1-M2026-08"]
    assert (row.status, row.attempts, row.expense_count) == ("sending", 2, 3)


def test_a_refused_summary_marks_its_expenses_failed_with_the_reason(store, conn):
    from pleodesk.storage.rows import Problem

    begin(store, conn)
    store.abandon_summary(conn.id, "PLEO-S1-M2026-08",
                          problem=Problem("Pennylane refused the entry", "closed fiscal year", "Reopen it",
                                          "accounting_system_validation_failure"))
    recs = store.get_records(conn.id)
    assert (recs["a"].status, recs["a"].error_title, recs["a"].error_fix) == ("failed", "Pennylane refused the entry",
                                                                              "Reopen it")
    assert store.summaries(conn.id)["PLEO-S1-M2026-08"].error_title == "Pennylane refused the entry"


def test_an_unknown_expense_records_nothing(store, conn):
    with pytest.raises(ValueError, match="no record of"):
        begin(store, conn, members=("a", "zzz"))
    assert store.summaries(conn.id) == {}
    assert store.get_records(conn.id)["a"].status == "pending"


def test_the_fixture_summary_survives_migrations(tmp_path):
    fixture = SCHEMA / "0004_summaries.sqlite3"
    expected = json.loads(fixture.with_suffix(".expected.json").read_text())
    db = tmp_path / fixture.name
    shutil.copy(fixture, db)
    with open_store(db) as s:
        conns = {c.name: c.id for c in s.list_connections()}
        for name, rows in expected["summaries"].items():
            got = s.summaries(conns[name])
            for want in rows:
                row = got[want["reference"]]
                assert {k: (str(getattr(row, k)) if k.startswith("period") else getattr(row, k)) for k in want} == want


def test_deleting_a_connection_deletes_its_summaries(store, conn):
    begin(store, conn)
    store.delete_connection(conn.id)
    with sqlite3.connect(store.path) as raw:
        assert raw.execute("SELECT count(*) FROM summaries").fetchone() == (0,)
    raw.close()
