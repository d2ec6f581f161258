#!/usr/bin/env python3
"""The whole export of one month, with receipts, into the general-journal file.

The sandbox (Pleo, in a child process, real HTTP) serves one month of N expenses; a journal-file
connection is set up as the demo's setup file does it (receipts on) and the export engine exports the
month as ``pleodesk export`` does. Prints the wall time, the time of each phase (from the engine's
progress), pleodesk's peak memory, and the size of the database, the downloaded receipts and the
journal folder; one JSON line at the end. Run it at 10,000 and at 50,000 expenses to see whether the
export grows linearly.

    .venv/bin/python bench/bench_export.py [--expenses 10000] [--no-receipts] [--profile FILE] [--gc-default]

``--profile FILE`` runs the export under cProfile, writes the statistics to FILE and prints the 25
functions with the most cumulative time. The garbage collector is set as ``pleodesk export`` sets it;
``--gc-default`` leaves Python's defaults.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def folder_size(path: Path, seen: set | None = None) -> int:
    """Bytes of the files under ``path``; a file already in ``seen`` (a hard link to one counted
    before) is not counted again."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for f in files:
            try:
                st = os.lstat(os.path.join(dirpath, f))
            except OSError:
                continue
            if seen is not None:
                if (st.st_dev, st.st_ino) in seen:
                    continue
                seen.add((st.st_dev, st.st_ino))
            total += st.st_size
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--expenses", type=int, default=10_000)
    ap.add_argument("--month", default="2026-08")
    ap.add_argument("--no-receipts", action="store_true", help="do not download and copy receipts")
    ap.add_argument("--profile", metavar="FILE", help="run under cProfile and write its statistics here")
    ap.add_argument("--gc-default", action="store_true",
                    help="leave Python's garbage collector at its defaults (pleodesk export sets it with "
                         "pleodesk.runtime.tune_gc, as this benchmark does without this option)")
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="pleodesk-bench-export-"))
    atexit.register(shutil.rmtree, home, True)       # the data folder goes with the run
    os.environ["PLEODESK_HOME"] = str(home)

    from bench_ui_latency import ExternalSandbox

    from pleodesk.connections import make_engine
    from pleodesk.demo import demo_plan
    from pleodesk.runtime import tune_gc
    from pleodesk.secrets import use_memory_keyring
    from pleodesk.setup_file import apply_plan
    from pleodesk.storage import open_store

    use_memory_keyring()
    if not args.gc_default:
        tune_gc()                           # as `pleodesk export` does
    t = time.perf_counter()
    sandbox = ExternalSandbox(args.expenses, args.month)
    print(f"sandbox with {args.expenses} expenses in {args.month} ready in {time.perf_counter() - t:.1f} s",
          flush=True)
    try:
        store = open_store()
        folder = home / "journal"
        plan = demo_plan(sandbox, folder)
        plan.settings["export_receipts"] = not args.no_receipts
        conn = apply_plan(store, plan)

        phases: dict[str, list[float]] = {}
        started = time.perf_counter()
        cpu0 = time.process_time()

        def progress(p) -> None:
            now = time.perf_counter() - started
            span = phases.setdefault(p.phase, [now, now])
            span[1] = now

        engine = make_engine(store, conn, progress=progress)
        if args.profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            summary = prof.runcall(engine.export_month, args.month, "cli")
            prof.dump_stats(args.profile)
            pstats.Stats(args.profile).sort_stats("cumulative").print_stats(25)
        else:
            summary = engine.export_month(args.month, trigger="cli")
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu0
        engine.provider.close()
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        store.close()
        db = sum(folder_size(p) if p.is_dir() else p.stat().st_size
                 for p in home.glob("pleodesk.sqlite3*"))
        seen: set = set()
        receipts = folder_size(home / "receipts", seen)
        journal = folder_size(folder)
        journal_own = folder_size(folder, seen)          # what the journal folder adds on disk
        counts = summary.counts()
        print(f"export of {args.month}: {summary.status} in {wall:.1f} s - {counts['exported']} exported, "
              f"{counts['held']} held, {counts['skipped']} skipped, {counts['failed']} failed, "
              f"{counts['receipt_problems']} receipt problems; receipts {'off' if args.no_receipts else 'on'}")
        order = ("fetching", "receipts", "validating", "sending", "reporting", "done")
        for name in sorted(phases, key=lambda n: order.index(n) if n in order else 99):
            a, b = phases[name]
            print(f"  {name:<11} {a:7.1f} s -> {b:7.1f} s")
        print(f"pleodesk's CPU time {cpu:.1f} s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"peak memory (RSS) {peak_mb:.0f} MB; database {db / 1e6:.1f} MB, downloaded receipts "
              f"{receipts / 1e6:.1f} MB, journal folder {journal / 1e6:.1f} MB (of which not shared with the "
              f"downloads: {journal_own / 1e6:.1f} MB); on disk in all {(db + receipts + journal_own) / 1e6:.1f} MB")
        print(json.dumps({"expenses": args.expenses, "status": summary.status, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
                          "counts": counts, "phases": {k: [round(a, 1), round(b, 1)] for k, (a, b) in phases.items()},
                          "peak_rss_mb": round(peak_mb), "db_mb": round(db / 1e6, 1),
                          "receipts_mb": round(receipts / 1e6, 1), "journal_mb": round(journal / 1e6, 1),
                          "disk_mb": round((db + receipts + journal_own) / 1e6, 1)}))
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
