"""Runs left "running" by a process that is gone are marked interrupted at the next start; runs of live
processes (another pleodesk, or this one) never are. A run is live while its process holds the run's
lock file, which the operating system lets go of when the process ends, however it ends."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from pleodesk.storage import Store, open_store

REPO = Path(__file__).resolve().parents[2]

_CHILD = textwrap.dedent("""
    import sys, time
    from pleodesk.storage import open_store
    store = open_store(sys.argv[1])
    conn = store.list_connections()[0]
    print(store.start_run(conn.id, "export_job", "manual", job_id="job-1"), flush=True)
    if sys.argv[2] == "finish":
        print(store.finish_run(int(store.list_runs(conn.id, 1)[0].id), "ok").status, flush=True)
    time.sleep(120)
""")


def _child(db_path: Path, mode: str = "hold") -> tuple[subprocess.Popen, int]:
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(db_path), mode], stdout=subprocess.PIPE,
                            text=True, cwd=REPO)
    line = proc.stdout.readline()
    assert line.strip().isdigit(), f"the child did not start a run: {line!r}"
    return proc, int(line)


def _status(store: Store, run_id: int) -> str:
    return next(r.status for r in store.list_runs() if r.id == run_id)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_process_run_is_marked_interrupted_at_the_next_start(store, conn_id, db_path):
    proc, run_id = _child(db_path)
    try:
        assert store.mark_interrupted_runs() == []          # its process is alive: left alone
        assert _status(store, run_id) == "running"
        assert (db_path.parent / "locks" / f"run-{run_id}.lock").exists()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    marked = store.mark_interrupted_runs()
    assert [r.id for r in marked] == [run_id]
    run = next(r for r in store.list_runs(conn_id) if r.id == run_id)
    assert (run.status, run.job_id) == ("interrupted", "job-1")
    assert "stopped before this run finished" in run.message
    assert not (db_path.parent / "locks" / f"run-{run_id}.lock").exists()
    assert [a.detail["run_id"] for a in store.list_audit() if a.action == "run_interrupted"] == [run_id]
    assert store.mark_interrupted_runs() == []           # once


def test_this_process_runs_are_live_whichever_store_asks(store, conn_id, db_path):
    run_id = store.start_run(conn_id, "feed", "manual")
    other = open_store(db_path)                         # a second Store of this process, as the CLI opens one
    try:
        assert other.mark_interrupted_runs() == []
        assert store.mark_interrupted_runs() == []
    finally:
        other.close()
    assert _status(store, run_id) == "running"
    store.finish_run(run_id, "ok")
    assert _status(store, run_id) == "ok"
    assert not (db_path.parent / "locks" / f"run-{run_id}.lock").exists()


def test_a_run_left_running_by_an_older_pleodesk_is_interrupted(store, conn_id, db_path):
    """A row with no lock file (written before runs held one, or its file deleted) has no live process."""
    run_id = store.start_run(conn_id, "sync", "scheduled")
    store._release_run(run_id)                          # as if its process had ended without a word
    assert [r.id for r in store.mark_interrupted_runs()] == [run_id]
    assert _status(store, run_id) == "interrupted"


def test_finished_runs_are_never_touched(store, conn_id, db_path):
    proc, run_id = _child(db_path, "finish")
    try:
        assert proc.stdout.readline().strip() == "ok"
    finally:
        proc.kill()
        proc.wait()
    assert store.mark_interrupted_runs() == []
    assert _status(store, run_id) == "ok"


def test_two_starts_at_once_mark_a_dead_run_once(store, conn_id, db_path):
    run_id = store.start_run(conn_id, "export_job", "manual")
    store._release_run(run_id)
    stores = [open_store(db_path) for _ in range(4)]
    results: list[list[int]] = []
    barrier = threading.Barrier(len(stores))

    def sweep(s: Store) -> None:
        barrier.wait()
        results.append([r.id for r in s.mark_interrupted_runs()])

    threads = [threading.Thread(target=sweep, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert sorted(sum(results, [])) == [run_id]
    assert [a.action for a in store.list_audit() if a.action == "run_interrupted"] == ["run_interrupted"]
