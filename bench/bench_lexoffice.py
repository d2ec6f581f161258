"""Lexware Office benchmark: a month of the German demo company's expenses with their receipts, through
the export engine into the Lexware Office emulator, under lexoffice's limit of 2 calls a second.

lexoffice's limit is a token bucket of 2 calls a second across all endpoints (per key). pleodesk paces
itself just under it (one call every 0.5 s + a 10 ms margin). With ``--time-scale 10`` (the default)
lexoffice's clock runs ten times faster in the emulator and in the provider alike, so a run that would
take half an hour takes three minutes; ``--time-scale 1`` runs at real speed. The emulator answers each
call after ``--latency`` seconds of lexoffice time.

The floor is the shortest time the limit allows for the calls the run made: ``calls / 2`` seconds (the
bucket's two-call burst left out). The figure that matters is the lexoffice phase's wall time over that
floor (target <= 1.05): from the first call to lexoffice until one interval after the last, measured on
the emulator's clock. pleodesk's own preparation before it (reading the month from Pleo, downloading the
receipts) does not speed up with lexoffice's clock; it is reported apart, and the whole run is also
projected to a real one (preparation at real speed, the lexoffice phase at lexoffice's).

Prints a table and one JSON line. Run: .venv/bin/python bench/bench_lexoffice.py [--expenses 2600]
(2,600 expenses in the month give about 2,000 vouchers: the rest are reimbursements, top-ups and a few
without a category, which Lexware Office does not take or pleodesk holds).
"""

from __future__ import annotations

import argparse
import atexit
import collections
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--expenses", type=int, default=2600, help="expenses in the month (about 3/4 become vouchers)")
    ap.add_argument("--time-scale", type=float, default=10.0, help="lexoffice's clock runs this many times faster")
    ap.add_argument("--latency", type=float, default=0.05, help="lexoffice's answer time, in lexoffice seconds")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    month = "2026-08"
    tmp = Path(tempfile.mkdtemp(prefix="pleodesk-bench-lexoffice-"))
    atexit.register(shutil.rmtree, tmp, True)       # the data folder goes with the run
    os.environ["PLEODESK_HOME"] = str(tmp)
    from pleodesk.secrets import use_memory_keyring

    use_memory_keyring()                    # the run's keys stay in this process

    from pleodesk.connections import make_engine
    from pleodesk.demo import lexoffice_demo_plan
    from pleodesk.sandbox.lexoffice_emulator import LexofficeState, mount_lexoffice
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox
    from pleodesk.setup_file import apply_plan
    from pleodesk.storage import open_store

    scale = args.time_scale
    sb = start_sandbox(SandboxConfig(months=[month], expenses_per_month=args.expenses, seed=args.seed, country="DE"))
    lex = mount_lexoffice(sb, LexofficeState(time_scale=scale, latency=args.latency))
    try:
        store = open_store()
        conn = apply_plan(store, lexoffice_demo_plan(sb, time_scale=scale))
        setup_calls = len(lex.requests)
        engine = make_engine(store, conn)
        t0 = time.perf_counter()
        t0_lex = lex.now()
        summary = engine.export_month(month)
        wall = time.perf_counter() - t0
        mine = lex.requests[setup_calls:]
        calls = len(mine)
        ops = collections.Counter()
        for method, path, _status, _t in mine:
            rest = path.split("/v1/", 1)[-1]
            key = "files" if rest.endswith("/files") else rest.split("/")[0]
            ops[f"{method} {key}"] += 1
        interval = 1 / 2.0
        floor = calls * interval                                  # lexoffice seconds
        sends = [i for i, r in enumerate(mine) if r[0] == "POST" and r[1].endswith("/v1/vouchers")]
        start = sends[0] if sends else 0
        first, last = (mine[start][3], mine[-1][3]) if mine else (t0_lex, t0_lex)
        # The lexoffice phase: from the first voucher to one interval after the last call, on lexoffice's clock;
        # the calls before it (the profile, the categories) are counted at the limit's pace.
        active = last - first + interval + start * interval
        prep = (first - t0_lex) / scale - start * interval / scale    # real seconds of pleodesk's own work
        gaps = collections.Counter()
        for a, b in zip(mine[start:], mine[start + 1:]):
            extra = b[3] - a[3] - (1 / 2.0 + 0.010)
            if extra > 0.05:
                gaps["after " + ("files" if a[1].endswith("/files") else a[1].split("/v1/")[-1].split("/")[0])] += extra
        vouchers = len(lex.vouchers())
        files = sum(len(v["files"]) for v in lex.vouchers())
        out = {
            "expenses": args.expenses, "vouchers": vouchers, "exported": summary.exported,
            "failed": summary.failed_count, "held": summary.held_count, "skipped": sum(summary.skipped.values()),
            "receipts_attached": files, "receipt_problems": len(summary.receipt_problems),
            "lexoffice_calls": calls, "calls_per_voucher": round(calls / vouchers, 3) if vouchers else None,
            "calls_by_operation": dict(ops.most_common()), "refused_429": lex.refused_429, "time_scale": scale,
            "latency_lexoffice_s": args.latency, "floor_lexoffice_s": round(floor, 1),
            "active_lexoffice_s": round(active, 1), "ratio": round(active / floor, 4) if floor else None,
            "prep_real_s": round(prep, 1), "wall_real_s": round(wall, 1),
            "projected_real_run_s": round(prep + active, 1),
            "projected_real_ratio": round((prep + active) / floor, 4) if floor else None,
            "status": summary.status,
        }
        print(f"expenses {args.expenses}: {vouchers} vouchers ({summary.exported} exported), {files} receipts attached, "
              f"held {summary.held_count}, skipped {sum(summary.skipped.values())}, failed {summary.failed_count}, "
              f"receipt problems {len(summary.receipt_problems)}")
        print(f"lexoffice calls {calls} ({calls / vouchers:.2f} per voucher), 429s {lex.refused_429}")
        for k, v in ops.most_common():
            print(f"  {k:28} {v}")
        print(f"lexoffice phase {active:.1f} s (lexoffice time) vs floor {floor:.1f} s: ratio {active / floor:.4f}")
        print(f"preparation before the first call {prep:.1f} s (real); whole run {wall:.1f} s real; projected real "
              f"run {prep + active:.0f} s = {(prep + active) / floor:.4f} x floor")
        print("time lost between calls (lexoffice seconds):", {k: round(v, 1) for k, v in gaps.most_common(5)})
        print(json.dumps(out))
        store.close()
    finally:
        sb.stop()


if __name__ == "__main__":
    main()
