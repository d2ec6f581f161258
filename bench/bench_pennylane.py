"""Pennylane benchmark: a month of 2,000 Pleo expenses with their receipts, through the export engine
into the Pennylane emulator, under Pennylane's limit of 25 calls per 5 seconds per token.

By default the window is Pennylane's own (5 seconds: the run takes about 17 minutes); with
``--time-scale 10`` it lasts half a second, and the provider is told the same window, so it paces
itself exactly as it would against Pennylane (at high scales pleodesk's own work per call, and the
emulator's in the same process, start to count: 25 calls per half second leave 20 ms each). Each
expense costs one file upload (when it has a receipt), one ledger entry, and one call per line with
analytic categories.

The floor is the shortest time the limit allows for the calls the run made while sending: call *n*
may start only once the (n - 25)th has left the window, so n instant calls take (n - 1) // 25 windows.
The figure that matters is ``active / floor``: how close pacing comes to the limit from the first entry
sent to the last call (target <= 1.05). (The few reads when the job starts, before Pleo's data and the
receipts are downloaded, are counted apart.) The whole run also includes pleodesk's own work (reading the month from Pleo,
downloading receipts), which does not speed up with Pennylane's clock: the run reports the ratio
projected for a real, unscaled run too.

Prints a table and one JSON line. Run: .venv/bin/python bench/bench_pennylane.py [--expenses 2000]
"""

from __future__ import annotations

import argparse
import atexit
import collections
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def floor_seconds(n: int, per_window: int = 25, window: float = 5.0) -> float:
    """Earliest start of the last of n instant calls under a sliding window of per_window calls."""
    return ((n - 1) // per_window) * window if n else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--expenses", type=int, default=2000)
    ap.add_argument("--time-scale", type=float, default=1.0, help="Pennylane's window runs this many times faster")
    ap.add_argument("--summary", choices=("none", "daily", "monthly"), default="none")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    month = "2025-06"
    tmp = Path(tempfile.mkdtemp(prefix="pleodesk-bench-pennylane-"))
    atexit.register(shutil.rmtree, tmp, True)       # the data folder goes with the run
    os.environ["PLEODESK_HOME"] = str(tmp)
    from pleodesk.secrets import use_memory_keyring

    use_memory_keyring()

    from datetime import datetime, timezone

    from pleodesk import paths
    from pleodesk.connections import make_pleo_client, make_provider
    from pleodesk.core.engine import ExportEngine
    from pleodesk.sandbox import demo_fr
    from pleodesk.sandbox.pennylane_emulator import PennylaneState, mount_pennylane
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox
    from pleodesk.setup_file import apply_plan, check_plan
    from pleodesk.storage import open_store

    scale = args.time_scale
    window = 5.0 / scale
    sb = start_sandbox(SandboxConfig(months=[month], expenses_per_month=args.expenses, seed=args.seed, country="FR"))
    state = mount_pennylane(sb, PennylaneState(time_scale=scale, api_url=f"{sb.url}/pennylane/api/external/v2"))
    try:
        store = open_store()
        plan = demo_fr.plan(sb, "pennylane", demo_fr.pennylane_section(sb, rate_limits={"window": window}),
                            summary=args.summary)
        problems = check_plan(plan, prepare=True)
        assert not problems, problems
        conn = apply_plan(store, plan)
        provider = make_provider(conn)
        engine = ExportEngine(store, conn, make_pleo_client(conn), provider, receipts_dir=paths.receipts_dir(),
                              now=lambda: datetime(2026, 1, 1, tzinfo=timezone.utc))
        # The setup's calls used the token's window: wait for it to clear, so the run starts afresh.
        time.sleep(window * 1.2)
        start_log = len(state.log)
        t0 = time.perf_counter()
        t0_mono = time.monotonic()
        summary = engine.export_month(month)
        wall = time.perf_counter() - t0
        everything = state.log[start_log:]
        first_post = next((i for i, m in enumerate(everything) if m[0] == "POST"), 0)
        # The chart is read when the job starts; the sending starts after Pleo's data and the receipts.
        reads, mine = everything[:first_post], everything[first_post:]
        calls = len(mine)
        ops = collections.Counter()
        for method, path, status, _ in mine:
            key = re.sub(r"/\d+", "/{id}", path.split("/api/external/v2", 1)[-1])
            ops[f"{method} {key}" + (f" -> {status}" if status == 429 else "")] += 1
        throttled = sum(1 for m in mine if m[2] == 429)
        floor = floor_seconds(calls, 25, window)
        first_call = mine[0][3] - t0_mono if mine else 0.0
        for method, path, status, _ in reads:
            ops[f"{method} {path.split('/api/external/v2', 1)[-1]} (before sending)"] += 1
        active = (mine[-1][3] - mine[0][3]) if mine else 0.0
        attached = sum(1 for e in state.entries.values() if e.attachment_id)
        out = {
            "expenses": args.expenses, "summary": args.summary, "exported": summary.exported,
            "failed": summary.failed_count, "held": summary.held_count, "entries": len(state.entries),
            "receipts_attached": attached, "receipt_problems": len(summary.receipt_problems),
            "pennylane_calls": calls + len(reads), "calls_while_sending": calls, "calls_by_operation": dict(ops.most_common()), "refused_429": throttled,
            "time_scale": scale, "window_s": window, "wall_s": round(wall, 2), "floor_s": round(floor, 2),
            "first_pennylane_call_s": round(first_call, 2), "pennylane_active_s": round(active, 2),
            "active_ratio": round(active / floor, 4) if floor else None,
            "wall_ratio": round(wall / floor, 3) if floor else None,
            # pleodesk's own preparation (Pleo data, receipt downloads) runs at the computer's speed, not
            # Pennylane's: at real scale it is seconds, the calls minutes. Projected real run: prep + the rest scaled.
            "projected_real_ratio": round((first_call + (wall - first_call) * scale) / (floor * scale), 4)
            if floor else None,
            "status": summary.status,
        }
        print(f"expenses {args.expenses} ({args.summary}): exported {summary.exported}, failed "
              f"{summary.failed_count}, held {summary.held_count}; {len(state.entries)} entries, {attached} with "
              f"their receipt ({len(summary.receipt_problems)} receipt problems)")
        print(f"Pennylane calls {calls + len(reads)} ({len(reads)} before sending), 429s {throttled}")
        for k, v in ops.most_common():
            print(f"  {k:48} {v}")
        print(f"first entry sent after {first_call:.1f} s (Pleo data and receipt downloads before); from there "
              f"Pennylane busy {active:.1f} s for {calls} calls, floor {floor:.1f} s: {active / floor:.4f} x floor")
        print(f"whole run {wall:.1f} s = {wall / floor:.3f} x floor; projected for a real run (25 calls per 5 s, "
              f"local work at real speed): {out['projected_real_ratio']} x floor")
        print(json.dumps(out))
        provider.close()
        store.close()
    finally:
        sb.stop()


if __name__ == "__main__":
    main()
