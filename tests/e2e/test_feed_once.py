"""The bank feed pushes each line once: several feeds at once (the app and commands in terminals, in
other processes), a crash after lines were written, a feed while an export runs, and the command
keeping the scheduler's plan."""

from __future__ import annotations

import csv
from datetime import datetime, timezone

import pytest

from pleodesk.cli import main
from pleodesk.connections import make_pleo_client, make_provider
from pleodesk.core.feed import run_feed



def _statement(folder) -> list[dict]:
    path = folder / "statement.csv"
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


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
    from pleodesk.core import clock
    from pleodesk.core import schedule as sch

    before = clock.now()
    assert main(["feed"]) == 0
    last, nxt = demo.store.get_schedule_state(sch.schedule_key(demo.conn.id, "feed"))
    assert last >= before and nxt == sch.next_feed_time(last)
