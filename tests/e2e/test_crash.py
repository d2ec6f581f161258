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
