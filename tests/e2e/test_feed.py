"""The bank feed: settled wallet movements as statement lines, each pushed once."""

from __future__ import annotations

import csv
from datetime import datetime, timezone
from decimal import Decimal

from pleodesk.cli import main
from pleodesk.connections import make_pleo_client, make_provider
from pleodesk.core.feed import next_feed_time, run_feed

from .conftest import MONTH


def _statement(folder):
    path = folder / "statement.csv"
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_feed_pushes_settled_wallet_movements_once(demo, capsys):
    sb = demo.sandbox
    main(["export", "--month", MONTH])          # the export items give payees and reimbursement kinds
    capsys.readouterr()
    conn = demo.store.get_connection(demo.conn.id)
    now = datetime(2026, 10, 1, 8, 0, tzinfo=timezone.utc)
    summary = run_feed(demo.store, conn, make_pleo_client(conn), make_provider(conn), now=now)
    rows = _statement(demo.folder)
    assert summary.status == "ok" and summary.pushed == len(rows) > 0
    ids = {r["transaction_id"] for r in rows}
    assert len(ids) == len(rows)
    for r in rows:
        e = sb.pleo.entry(r["transaction_id"])
        assert e.settled_at is not None
        assert e.type not in ("external_reimbursement", "out_of_pocket", "mileage", "per_diem")
        # spending takes money out of the bank account: the statement amount is minus Pleo's amount
        assert Decimal(r["amount"]) == -Decimal(e.amount) / 100
    purchases = [r for r in rows if sb.pleo.entry(r["transaction_id"]).type == "card_purchase"]
    assert purchases and all(r["payee"] and r["payee"] != "Card Purchase" for r in purchases)

    again = run_feed(demo.store, conn, make_pleo_client(conn), make_provider(conn), now=now)
    assert again.pushed == 0 and again.already == summary.pushed
    assert len(_statement(demo.folder)) == len(rows)
    runs = [r for r in demo.store.list_runs(conn.id) if r.kind == "feed"]
    assert [r.counts["pushed"] for r in runs] == [0, summary.pushed]


def test_feed_is_skipped_when_off(demo):
    conn = demo.store.update_connection(demo.conn.id, settings={"bank_feed": False})
    summary = run_feed(demo.store, conn, make_pleo_client(conn), make_provider(conn))
    assert summary.status == "skipped"
    assert _statement(demo.folder) == []
    assert "bank feed is off for this connection" in summary.skipped


def test_feed_times_are_08_and_13_utc():
    assert next_feed_time(datetime(2026, 3, 29, 7, 59, tzinfo=timezone.utc)) == datetime(2026, 3, 29, 8, 0, tzinfo=timezone.utc)
    assert next_feed_time(datetime(2026, 3, 29, 8, 0, tzinfo=timezone.utc)) == datetime(2026, 3, 29, 13, 0, tzinfo=timezone.utc)
    assert next_feed_time(datetime(2026, 3, 29, 13, 0, tzinfo=timezone.utc)) == datetime(2026, 3, 30, 8, 0, tzinfo=timezone.utc)


def test_feed_command(demo, capsys):
    assert main(["feed"]) == 0
    out = capsys.readouterr().out
    assert "statement lines pushed" in out
    n = len(_statement(demo.folder))
    assert f"Bank feed: {n} statement lines pushed" in out


def test_lines_the_ledger_rejects_are_pushed_again_next_time(demo, capsys, monkeypatch):
    from pleodesk.providers.base import FeedResult
    from pleodesk.providers.journal_file import JournalFileProvider

    main(["export", "--month", MONTH])
    capsys.readouterr()
    conn = demo.store.get_connection(demo.conn.id)
    real = JournalFileProvider.push_feed
    refused: list[str] = []

    def refuse_first(self, lines):
        first, rest = lines[0], list(lines[1:])
        refused.append(first.transaction_id)
        got = real(self, rest)
        return FeedResult(got.accepted, got.duplicates, got.messages + (f"{first.transaction_id}: refused",),
                          rejected=(first.transaction_id,))

    monkeypatch.setattr(JournalFileProvider, "push_feed", refuse_first)
    now = datetime(2026, 10, 1, 8, 0, tzinfo=timezone.utc)
    first = run_feed(demo.store, conn, make_pleo_client(conn), make_provider(conn), now=now)
    assert first.status == "partial"
    assert demo.store.feed_records(conn.id, refused)[refused[0]].status == "failed"
    assert refused[0] not in {r["transaction_id"] for r in _statement(demo.folder)}

    monkeypatch.setattr(JournalFileProvider, "push_feed", real)
    second = run_feed(demo.store, conn, make_pleo_client(conn), make_provider(conn), now=now)
    assert second.pushed == 1 and second.already == first.pushed
    ids = [r["transaction_id"] for r in _statement(demo.folder)]
    assert refused[0] in ids and len(ids) == len(set(ids))


def test_a_feed_that_did_not_run_for_weeks_pushes_everything_settled_since_its_last_run(demo, capsys):
    """The app was closed for longer than the feed's look-back: the next feed still pushes every line
    settled since the last feed that ran, not only those of the last weeks."""
    main(["export", "--month", MONTH])
    capsys.readouterr()
    conn = demo.store.get_connection(demo.conn.id)
    first = run_feed(demo.store, conn, make_pleo_client(conn), make_provider(conn),
                     now=datetime(2026, 8, 12, 8, 0, tzinfo=timezone.utc))
    assert first.status == "ok"
    later = run_feed(demo.store, conn, make_pleo_client(conn), make_provider(conn),
                     now=datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc))
    assert later.status == "ok" and later.pushed > 0
    pushed = [r["transaction_id"] for r in _statement(demo.folder)]
    assert len(pushed) == len(set(pushed))

    # a feed that looks back to the beginning finds nothing left to push
    conn = demo.store.update_connection(conn.id, settings={"feed_start": "2026-01-01T00:00:00"})
    everything = run_feed(demo.store, conn, make_pleo_client(conn), make_provider(conn),
                          now=datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc))
    assert everything.pushed == 0 and everything.already == len(pushed)
