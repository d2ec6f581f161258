"""One export at a time per connection, across processes: the app's worker and a terminal command
never send the same expense twice."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from pleodesk import paths
from pleodesk.cli import EXIT_FAILED, main
from pleodesk.connections import make_engine
from pleodesk.core.engine import ConnectionBusy
from pleodesk.locks import FileLock

from .conftest import MONTH, ROOT, child_env, read_journal


def _lock_path(conn):
    return paths.data_dir() / "locks" / f"connection-{conn.id}.lock"


def test_a_second_export_waits_for_the_first_and_sends_nothing_twice(file_keyring, demo):
    env = child_env(demo.home, file_keyring)
    with FileLock(_lock_path(demo.conn), timeout=1):
        # another process (here: this test) is exporting: the command waits for it
        child = subprocess.Popen([sys.executable, "-m", "pleodesk", "export", "--month", MONTH], env=env, cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(2.0)
        assert child.poll() is None, "the command must wait while the connection is busy"
        assert not read_journal(demo.journal)
    out, err = child.communicate(timeout=120)
    assert child.returncode in (0, 3), err
    blocks = read_journal(demo.journal)
    assert blocks and all(len(b) == 1 for b in blocks.values())


def test_busy_connection_gives_up_with_a_plain_message(demo):
    conn = demo.store.get_connection(demo.conn.id)
    engine = make_engine(demo.store, conn)
    engine.lock_timeout = 0.3
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with FileLock(_lock_path(conn), timeout=1):
            held.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    try:
        assert held.wait(5)
        with pytest.raises(ConnectionBusy, match="exporting"):
            engine.export_month(MONTH)
        assert demo.sandbox.pleo.jobs == [], "nothing was started in Pleo"
        assert demo.store.list_runs(conn.id) == []
    finally:
        release.set()
        t.join()
    summary = engine.export_month(MONTH)
    assert summary.exported > 0


def test_engine_lock_is_reentrant(demo):
    engine = make_engine(demo.store, demo.store.get_connection(demo.conn.id))
    with engine.exclusive():
        with engine.exclusive():
            pass
        summary = engine.export_month(MONTH)      # nested entry points inside one engine
    assert summary.exported > 0
