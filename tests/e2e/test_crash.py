"""The export process is killed (SIGKILL) at random moments and restarted: in the end every expense is
exported exactly once, and Pleo's items agree."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest

from pleodesk.core.ledger import reference_for
from pleodesk.demo import demo_plan
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan
from pleodesk.storage import open_store

from .conftest import ROOT, block_balance, child_env, is_uncategorised, read_journal

MONTH = "2026-09"
KILLS = 24


@pytest.mark.slow
def test_sigkill_at_random_moments_exports_each_expense_exactly_once(tmp_path, pleodesk_home, file_keyring):
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=1500, seed=11))
    sb.faults.slow(0.002)   # stretch the run so the kills land in every phase
    try:
        store = open_store()
        folder = tmp_path / "journal"
        conn = apply_plan(store, demo_plan(sb, folder))
        store.close()
        env = child_env(pleodesk_home, file_keyring)
        exportable = sb.pleo.exportable_entry_ids(MONTH)
        uncategorised = {e for e in exportable if is_uncategorised(sb, e)}
        rng = random.Random(20261123)
        kills = 0
        finished_early = 0
        for _ in range(KILLS * 3):
            if kills >= KILLS:
                break
            proc = subprocess.Popen([sys.executable, "-m", "pleodesk", "export", "--month", MONTH], env=env,
                                    cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.3, 2.0))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                kills += 1
            else:
                finished_early += 1
        assert kills >= 20, f"only {kills} kills landed"

        # Restart until a run finishes cleanly.
        for _ in range(5):
            done = subprocess.run([sys.executable, "-m", "pleodesk", "export", "--month", MONTH], env=env, cwd=ROOT,
                                  capture_output=True, text=True, timeout=300)
            if done.returncode in (0, 3):
                break
        assert done.returncode in (0, 3), done.stderr

        blocks = read_journal(folder / "journal.csv")
        expected = {reference_for(e) for e in exportable if e not in uncategorised}
        duplicates = [ref for ref, b in blocks.items() if len(b) != 1]
        assert duplicates == [], f"booked more than once: {duplicates}"
        assert set(blocks) == expected, "every mapped expense is in the ledger, and nothing else"
        assert all(block_balance(b[0]) == 0 for b in blocks.values())

        store = open_store()
        records = store.get_records(conn.id)
        assert {r.status for eid, r in records.items() if eid not in uncategorised} == {"exported"}
        assert store.counts_by_status(conn.id)["sending"] == 0
        # Pleo agrees: the exported entries are EXPORTED, the held ones wait in the queue, no job is left open.
        assert not [j for j in sb.pleo.jobs if j["status"] in ("pending", "in_progress")]
        for eid in exportable:
            want = "QUEUED" if eid in uncategorised else "EXPORTED"
            assert sb.pleo.entry(eid).export_status == want, eid
        store.close()
    finally:
        sb.stop()


def test_after_a_kill_the_next_export_reports_every_job_it_finished(tmp_path, pleodesk_home, file_keyring, capsys):
    """The export is killed while it reports to Pleo, its job in progress. The next export first finishes
    that job, then exports what is still waiting: its summary covers both jobs (it printed only the
    second, "0 exported, 1 held"), and the killed run is marked interrupted instead of "running" forever."""
    from pleodesk.cli import EXIT_HELD, main

    month = "2026-08"
    sb = start_sandbox(SandboxConfig(months=[month], expenses_per_month=60, seed=3))
    try:
        store = open_store()
        folder = tmp_path / "journal"
        conn = apply_plan(store, demo_plan(sb, folder))
        exportable = sb.pleo.exportable_entry_ids(month)
        held = {e for e in exportable if is_uncategorised(sb, e)}
        assert held and len(exportable) - len(held) > 20
        # The first report to Pleo (the held expenses) hangs: the process is killed there.
        sb.faults.timeout_seconds = 20
        sb.faults.inject("/pleo/v3/export-jobs/", "timeout", method="PUT")
        proc = subprocess.Popen([sys.executable, "-m", "pleodesk", "export", "--month", month],
                                env=child_env(pleodesk_home, file_keyring), cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while sb.faults.pending_injections() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert sb.faults.pending_injections() == 0, "the export never reported to Pleo"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        sb.faults.clear()
        (killed_job,) = sb.pleo.jobs
        assert killed_job["status"] == "in_progress"
        (killed_run,) = store.list_runs(conn.id)
        assert killed_run.status == "running" and killed_run.job_id == killed_job["id"]

        rc = main(["export", "--month", month])
        out = capsys.readouterr()
        assert rc == EXIT_HELD, out.err
        first, second = sb.pleo.jobs
        assert first["id"] == killed_job["id"] and first["status"] == "completed_with_errors"
        mapped = len(exportable) - len(held)
        # Both jobs' summaries, then the total.
        assert f"Export job {first['id']}: partial. {mapped} exported, {len(held)} held" in out.out, out.out
        assert f"Export job {second['id']}: partial. 0 exported, {len(held)} held" in out.out, out.out
        assert f"In all: {mapped} exported, {len(held) * 2} held for missing mappings." in out.out, out.out
        assert "interrupted" in out.err
        assert len(read_journal(folder / "journal.csv")) == mapped

        runs = {r.id: r for r in store.list_runs(conn.id)}
        assert runs[killed_run.id].status == "interrupted"
        assert "stopped before this run finished" in runs[killed_run.id].message
        assert not [r for r in runs.values() if r.status == "running"]
        store.close()
    finally:
        sb.stop()


def test_the_json_summary_lists_the_job_finished_first(demo, capsys):
    """In-process, a job left in progress (a cancelled run) is finished by the next export of the month:
    the JSON has one element per job, the app's result counts both."""
    import json
    import threading

    from pleodesk.cli import main
    from pleodesk.connections import make_engine
    from pleodesk.ui.jobs import Job, execute

    sb = demo.sandbox
    cancel = threading.Event()
    engine = make_engine(demo.store, demo.conn, cancel=cancel,
                         progress=lambda p: cancel.set() if p.phase == "sending" else None)
    stopped = engine.export_month("2026-08")
    assert stopped.status == "cancelled"
    (job,) = sb.pleo.jobs
    assert job["status"] == "in_progress"

    main(["export", "--month", "2026-08", "--json"])
    summaries = json.loads(capsys.readouterr().out)
    assert [s["job_id"] for s in summaries] == [j["id"] for j in sb.pleo.jobs]
    assert len(summaries) == 2 and summaries[0]["job_id"] == job["id"]
    assert summaries[0]["counts"]["exported"] > 0

    sb.pleo.reset_exports()                     # and the app: its result covers every job too
    demo.store.delete_connection(demo.conn.id)
    from pleodesk.demo import demo_plan
    from pleodesk.setup_file import apply_plan

    conn = apply_plan(demo.store, demo_plan(sb, demo.folder))
    engine = make_engine(demo.store, conn, cancel=(cancel := threading.Event()),
                         progress=lambda p: cancel.set() if p.phase == "sending" else None)
    assert engine.export_month("2026-08").status == "cancelled"
    result = execute(demo.store, Job("export_month", conn.id, params={"month": "2026-08"}))
    assert len(result.summaries) == 2
    assert result.counts["exported"] + result.counts["already_exported"] == \
        sum(s.exported + s.already_exported for s in result.summaries) > 0
