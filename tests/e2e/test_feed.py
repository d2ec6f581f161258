"""The bank feed: settled wallet movements as statement lines, each pushed once."""

from __future__ import annotations

import csv
from datetime import datetime, timezone
from decimal import Decimal

import pytest

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


# ------------------------------------------------------------------------------ several at once
def _xero_file_connection(demo, folder):
    """A Xero connection whose feed goes into statement files (no Xero call is needed for those)."""
    from pleodesk.connections import pleo_secret_name
    from pleodesk.secrets import get_secret, set_secret

    journal = demo.store.get_connection(demo.conn.id)
    conn = demo.store.add_connection(
        "Demo Xero", "xero", pleo_company_id=journal.pleo_company_id, pleo_base_url=journal.pleo_base_url,
        settings={"tenant_id": "tenant-1", "client_id": "pleodesk-test", "wallet_currency": "EUR", "feed": "file",
                  "feed_folder": str(folder),
                  "bank_feed": True, "feed_start": "2026-01-01T00:00:00"})
    set_secret(pleo_secret_name(conn.id), get_secret(pleo_secret_name(journal.id)))
    demo.store.set_connection_state(conn.id, "connected")
    return demo.store.get_connection(conn.id)


def _fitids(folder) -> list[str]:
    import re

    ids: list[str] = []
    for path in sorted(folder.glob("*.ofx")):
        ids += re.findall(r"<FITID>([^<]+)</FITID>", path.read_text(encoding="utf-8"))
    return ids


def _csv_references(folder) -> list[str]:
    refs: list[str] = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8-sig") as fh:
            refs += [r["Reference"].removeprefix("PLEO-") for r in csv.DictReader(fh)]
    return refs


@pytest.mark.parametrize("system", ["journal_file", "xero_file"])
def test_concurrent_feeds_in_several_processes_push_each_line_once(file_keyring, demo, tmp_path, system):
    """The app's feed, slowed down by its ledger while it writes, and two ``pleodesk feed`` started in
    terminals meanwhile: every statement line is written once, and the three runs' counts add up."""
    import subprocess
    import sys
    import threading
    import time

    from .conftest import ROOT, child_env

    if system == "journal_file":
        # the feed looks back from a fixed day, so the sandbox's month is in it whatever today is
        conn = demo.store.update_connection(demo.conn.id, settings={"feed_start": "2026-01-01T00:00:00"})
        written = lambda: [r["transaction_id"] for r in _statement(demo.folder)]  # noqa: E731
    else:
        folder = tmp_path / "statements"
        conn = _xero_file_connection(demo, folder)
        written = lambda: _fitids(folder)  # noqa: E731

    provider = make_provider(conn)
    real_push = provider.push_feed
    writing, release = threading.Event(), threading.Event()

    def slow_push(lines):                       # a slow ledger: the app's lines are on their way
        writing.set()
        release.wait(30)
        return real_push(lines)

    provider.push_feed = slow_push
    in_app: list = []
    t = threading.Thread(target=lambda: in_app.append(
        run_feed(demo.store, conn, make_pleo_client(conn), provider, trigger="scheduled")))
    t.start()
    assert writing.wait(30)
    env = child_env(demo.home, file_keyring)
    children = [subprocess.Popen([sys.executable, "-m", "pleodesk", "feed", "--connection", conn.name], env=env,
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
    deadline = time.monotonic() + 8              # the commands run meanwhile (or wait for the app's feed)
    for c in children:
        try:
            c.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    release.set()
    outs = [c.communicate(timeout=180) for c in children]
    t.join(180)
    for c, (out, err) in zip(children, outs):
        assert c.returncode == 0, out + err
    ids = written()
    assert ids and len(ids) == len(set(ids)), f"{len(ids)} lines for {len(set(ids))} transactions"
    if system == "xero_file":
        assert sorted(_csv_references(folder)) == sorted(ids)
    pushed = [int(out.split("Bank feed: ")[1].split(" ")[0]) for out, _ in outs] + [in_app[0].pushed]
    assert sum(pushed) == len(ids), pushed
    records = demo.store.feed_records(conn.id)
    assert {k for k, r in records.items() if r.status == "pushed"} == set(ids)


# ------------------------------------------------------------------------------ crash and lock -
@pytest.mark.parametrize("system", ["journal_file", "xero_file"])
def test_lines_written_before_a_crash_are_settled_not_written_again(demo, tmp_path, system):
    """The feed wrote its lines, then the process died before it recorded them as pushed: they stay
    ``sending``; the next feed finds them in the statement file and records them, writing nothing twice."""
    if system == "journal_file":
        conn = demo.store.update_connection(demo.conn.id, settings={"feed_start": "2026-01-01T00:00:00"})
        written = lambda: [r["transaction_id"] for r in _statement(demo.folder)]  # noqa: E731
    else:
        folder = tmp_path / "statements"
        conn = _xero_file_connection(demo, folder)
        written = lambda: _fitids(folder)  # noqa: E731
    provider = make_provider(conn)
    real_push = provider.push_feed

    def push_then_die(lines):
        real_push(lines[: len(lines) // 2])        # half of the lines reached the file
        raise KeyboardInterrupt                    # and then the process was stopped

    provider.push_feed = push_then_die
    now = datetime(2026, 10, 1, 8, 0, tzinfo=timezone.utc)
    with pytest.raises(KeyboardInterrupt):
        run_feed(demo.store, conn, make_pleo_client(conn), provider, now=now)
    half = written()
    sending = demo.store.feed_records_with_status(conn.id, "sending")
    assert half and set(half) < set(sending), "every line of the cut-short push is still 'sending'"

    again = run_feed(demo.store, conn, make_pleo_client(conn), make_provider(conn), now=now)
    ids = written()
    assert len(ids) == len(set(ids)) == len(sending), "the written half once, the other half pushed now"
    assert again.pushed == len(sending) - len(half) and again.already == len(half)
    assert demo.store.feed_records_with_status(conn.id, "sending") == {}
    assert set(demo.store.feed_records_with_status(conn.id, "pushed")) == set(ids)
    (audit,) = [a for a in demo.store.list_audit(conn_id=conn.id) if a.action == "feed_settled_after_crash"]
    assert audit.detail == {"found": len(half), "not_found": len(sending) - len(half)}


def test_a_feed_waits_for_an_export_of_the_same_connection(demo):
    """The feed takes the export's lock: while an export of the connection runs (here: holds the lock),
    a feed gives up after its wait with a plain message, records no run and writes nothing."""
    import threading

    from pleodesk.connections import make_engine
    from pleodesk.core.engine import ConnectionBusy

    conn = demo.store.update_connection(demo.conn.id, settings={"feed_start": "2026-01-01T00:00:00"})
    engine = make_engine(demo.store, conn)
    held, release = threading.Event(), threading.Event()

    def export_running() -> None:
        with engine.exclusive():
            held.set()
            release.wait(10)

    t = threading.Thread(target=export_running)
    t.start()
    try:
        assert held.wait(5)
        with pytest.raises(ConnectionBusy, match="bank feed"):
            run_feed(demo.store, conn, make_pleo_client(conn), make_provider(conn), lock_timeout=0.3)
        assert _statement(demo.folder) == [] and demo.store.list_runs(conn.id) == []
    finally:
        release.set()
        t.join()
    assert run_feed(demo.store, conn, make_pleo_client(conn), make_provider(conn)).pushed > 0


def test_the_feed_command_plans_the_next_feed_moment(demo, capsys):
    """``pleodesk feed`` keeps the scheduler's state right: the next feed is the moment after the run."""
    from pleodesk.core import schedule as sch

    before = datetime.now(timezone.utc)
    assert main(["feed"]) == 0
    last, nxt = demo.store.get_schedule_state(sch.schedule_key(demo.conn.id, "feed"))
    assert last >= before and nxt == sch.next_feed_time(last)
