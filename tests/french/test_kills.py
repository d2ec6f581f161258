"""The export is killed (SIGKILL) at random moments and started again, into Pennylane and into FEC files,
per expense and as summaries: in the end every expense is in the ledger exactly once, none is lost, and
Pleo agrees. Summaries need their period to have ended, so the month is one long past."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

from pleodesk.core.ledger import reference_for
from pleodesk.sandbox import demo_fr
from pleodesk.sandbox.pennylane_emulator import PennylaneState, mount_pennylane
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan, check_plan
from pleodesk.storage import open_store

from tests.e2e.conftest import ROOT, child_env, file_keyring  # noqa: F401 - the fixture
from tests.fec import fec_rules

from .helpers import is_held

MONTH = "2025-03"
KILLS = 20


def export(env, **kw):
    return subprocess.Popen([sys.executable, "-m", "pleodesk", "export", "--month", MONTH], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


@pytest.mark.slow
@pytest.mark.parametrize("system,summary", [("pennylane", "none"), ("pennylane", "daily"), ("fec", "none"),
                                            ("fec", "monthly")])
def test_kills_at_random_moments_lose_nothing_and_book_nothing_twice(tmp_path, pleodesk_home, file_keyring,
                                                                     system, summary):
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=900, seed=13, country="FR"))
    sb.faults.slow(0.002)      # stretch the run so the kills land in every phase
    try:
        state = mount_pennylane(sb, PennylaneState(time_scale=50, api_url=f"{sb.url}/pennylane/api/external/v2"))
        store = open_store()
        folder = tmp_path / "fec"
        if system == "pennylane":
            section = demo_fr.pennylane_section(sb, rate_limits={"window": 0.1})
        else:
            section = {"folder": str(folder), "siren": demo_fr.SIREN, "ledger": "cegid_loop", "journal_code": "PL"}
        plan = demo_fr.plan(sb, system, section, summary=summary)
        assert check_plan(plan, prepare=True) == []
        conn = apply_plan(store, plan)
        store.close()
        env = child_env(pleodesk_home, file_keyring)
        exportable = sb.pleo.exportable_entry_ids(MONTH)
        held = {e for e in exportable if is_held(sb, e)}
        rng = random.Random(f"{system}-{summary}")
        runs_dir = folder / ".pleodesk" / "runs"

        def sending() -> bool:
            """The moment that matters: entries are on their way to the ledger."""
            if system == "fec":
                return runs_dir.is_dir() and any(not p.name.endswith(".done.csv") for p in runs_dir.iterdir())
            with open_store() as s:
                return s.counts_by_status(conn.id)["sending"] > 0

        kills = hot = 0
        for n in range(KILLS * 4):
            if kills >= KILLS:
                break
            proc = export(env)
            if n % 3 == 2:                       # now and then anywhere: fetching, receipts, reporting
                time.sleep(rng.uniform(0.3, 3.0))
            else:                                # mostly while entries are being sent
                deadline = time.monotonic() + 30
                while proc.poll() is None and not sending() and time.monotonic() < deadline:
                    time.sleep(0.02)
                time.sleep(rng.uniform(0.0, 0.3 if system == "fec" else 1.0))
            if proc.poll() is None:
                was_hot = sending()
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                kills += 1
                hot += was_hot
        assert kills >= KILLS, f"only {kills} kills landed"
        assert hot >= KILLS // 3, f"only {hot} kills landed while entries were being sent"
        for _ in range(5):
            done = subprocess.run([sys.executable, "-m", "pleodesk", "export", "--month", MONTH], env=env, cwd=ROOT,
                                  capture_output=True, text=True, timeout=600)
            if done.returncode in (0, 3):
                break
        assert done.returncode in (0, 3), done.stderr

        store = open_store()
        records = store.get_records(conn.id)
        exported = {e for e, r in records.items() if r.status == "exported"}
        assert exported == set(exportable) - held, "every mapped expense is exported, none is lost"
        assert store.counts_by_status(conn.id)["sending"] == 0
        summaries = store.summaries(conn.id, "exported")
        if system == "pennylane":
            refs = Counter(e.label.split(" ", 1)[0] for e in state.entries.values())
        else:
            files = sorted(p for p in folder.glob("*/*.txt") if fec_rules.NAME.match(p.name))
            lines = [ln for f in files for ln in fec_rules.check(f)]
            refs = Counter(k for k, _ in Counter((ln["PieceRef"], ln["EcritureNum"]) for ln in lines))
            assert not [p for p in (folder / ".pleodesk" / "runs").iterdir() if not p.name.endswith(".done.csv")]
        twice = [r for r, n in refs.items() if n != 1]
        assert twice == [], f"booked more than once: {twice[:5]}"
        if summary == "none":
            assert set(refs) == {reference_for(e) for e in exported}
        else:
            assert set(refs) == set(summaries)
            members = Counter(m for ref in summaries for m in store.summary_members(conn.id, ref))
            assert set(members) == exported and set(members.values()) == {1}
        assert not [j for j in sb.pleo.jobs if j["status"] in ("pending", "in_progress")]
        for eid in exportable:
            assert sb.pleo.entry(eid).export_status == ("QUEUED" if eid in held else "EXPORTED"), eid
        store.close()
    finally:
        sb.stop()
