"""Local-pipeline benchmark: 50,000 expenses fetched from the sandbox over HTTP, stored in SQLite,
validated and built into balanced ledger entries.

The sandbox runs in a child process so the numbers are the pipeline's own. Prints one JSON line:
wall seconds per step, and the CPU seconds this process spent on each (``cpu_s``: comparable between
runs on a busy machine, where wall time also counts waiting for a CPU).
The garbage collector is set as pleodesk's commands and app set it (``pleodesk.runtime.tune_gc``);
``--gc-default`` leaves Python's defaults.
Run: .venv/bin/python bench/bench_pipeline.py [--expenses 50000] [--gc-default]
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--expenses", type=int, default=50_000)
    ap.add_argument("--gc-default", action="store_true",
                    help="leave Python's garbage collector at its defaults (pleodesk's commands and app set it "
                         "with pleodesk.runtime.tune_gc, as this benchmark does without this option)")
    args = ap.parse_args()
    months = ["2026-07", "2026-08", "2026-09"]
    per_month = -(-args.expenses // len(months))
    tmp = Path(tempfile.mkdtemp(prefix="pleodesk-bench-"))
    atexit.register(shutil.rmtree, tmp, True)       # the data folder goes with the run
    os.environ["PLEODESK_HOME"] = str(tmp)
    t0 = time.perf_counter()
    sandbox = subprocess.Popen([sys.executable, "-m", "pleodesk", "sandbox", "--port", "0", "--months",
                                ",".join(months), "--expenses-per-month", str(per_month)],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = sandbox.stdout.readline()
        m = re.search(r"Sandbox at (\S+) \(Pleo API (\S+)\) - API key (\S+) - company (\S+)", line)
        if not m:
            raise SystemExit(f"sandbox did not start: {line!r}")
        url, pleo_url, api_key, company = m.groups()
        t_sandbox = time.perf_counter() - t0

        import httpx

        from pleodesk.core.ledger import ExportOptions
        from pleodesk.core.model import Expense
        from pleodesk.core.posting import post
        from pleodesk.core.validation import validate
        from pleodesk.demo import demo_setup_dict
        from pleodesk.providers.pleo import PleoClient
        from pleodesk.setup_file import plan_from_dict
        from pleodesk.storage import open_store

        job = httpx.post(f"{url}/_sandbox/pleo/jobs", json={"exportable": True}, timeout=300).json()
        job = job.get("data", job)
        plan = plan_from_dict(demo_setup_dict(pleo_url, company, tmp / "journal"), env={"PLEODESK_DEMO_PLEO_API_KEY": api_key})

        import gc

        from pleodesk.runtime import tune_gc

        if not args.gc_default:
            tune_gc()                       # as `pleodesk export` and the app do
        gc_runs = [[0, 0.0], [0, 0.0], [0, 0.0]]     # per generation: collections, seconds
        gc_start = [0.0]

        def gc_timed(phase: str, info: dict) -> None:
            if phase == "start":
                gc_start[0] = time.perf_counter()
            else:
                gc_runs[info["generation"]][0] += 1
                gc_runs[info["generation"]][1] += time.perf_counter() - gc_start[0]

        gc.callbacks.append(gc_timed)
        client = PleoClient(pleo_url, api_key=api_key, company_id=company)
        store = open_store()
        # As the engine does it: the data layer streamed in chunks, each stored and parsed, then let go.
        t_fetch = t_store = t_parse = 0.0
        cpu = {"fetch": 0.0, "store": 0.0, "parse": 0.0}
        expenses = []
        n_items = 0
        pages = client.iter_export_items(job["id"])
        while True:
            t, c = time.perf_counter(), time.process_time()
            chunk = [item for _, item in zip(range(1000), pages)]
            t_fetch += time.perf_counter() - t
            cpu["fetch"] += time.process_time() - c
            if not chunk:
                break
            n_items += len(chunk)
            t, c = time.perf_counter(), time.process_time()
            store.upsert_pleo_items(chunk, job_id=job["id"])
            t_store += time.perf_counter() - t
            cpu["store"] += time.process_time() - c
            t, c = time.perf_counter(), time.process_time()
            expenses.extend(Expense.from_export_item(i, keep_raw=False) for i in chunk)
            t_parse += time.perf_counter() - t
            cpu["parse"] += time.process_time() - c
            del chunk
        t, c = time.perf_counter(), time.process_time()
        report = validate(expenses, plan.mappings, plan.chart, ExportOptions())
        t_validate = time.perf_counter() - t
        cpu["validate"] = time.process_time() - c
        t, c = time.perf_counter(), time.process_time()
        ok = set(report.ok_ids)
        n_entries = 0
        for e in expenses:                      # as the engine does: built batch by batch, sent, let go
            if e.id in ok:
                entry = post(e, plan.mappings, plan.chart)
                assert entry.is_balanced()
                n_entries += 1
        t_post = time.perf_counter() - t
        cpu["post"] = time.process_time() - c
        held_by = {}
        for p in report.problems:
            held_by[f"{p.kind.value} {p.source_key}"] = len(p.expense_ids)
        total = t_fetch + t_store + t_parse + t_validate + t_post
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({
            "expenses": n_items, "entries": n_entries, "held": len(report.held),
            "skipped": len(report.skipped), "sandbox_start_s": round(t_sandbox, 2),
            "fetch_s": round(t_fetch, 2), "store_s": round(t_store, 2), "parse_s": round(t_parse, 2),
            "validate_s": round(t_validate, 2), "post_s": round(t_post, 2), "pipeline_s": round(total, 2),
            "peak_rss_mb": round(peak_mb, 1), "held_by": held_by,
            # CPU seconds of this process per step: what the pipeline itself costs, whatever else the
            # machine is doing (the wall times above include waiting for the sandbox and for a CPU).
            "cpu_s": {k: round(v, 2) for k, v in cpu.items()}, "cpu_total_s": round(sum(cpu.values()), 2),
            # The garbage collector's collections per generation and their seconds (within the steps).
            "gc": [[n, round(sec, 2)] for n, sec in gc_runs], "gc_default": args.gc_default,
            "load_avg": round(os.getloadavg()[0], 1),
        }))
    finally:
        sandbox.terminate()
        sandbox.wait(10)


if __name__ == "__main__":
    main()
