#!/usr/bin/env python3
"""How late the GUI thread's event loop runs while a big export is going on.

A 10 ms ``QTimer`` (precise) on the GUI thread records how late each tick is; meanwhile the main
window exports a month of 10,000 expenses from the local sandbox (real HTTP, real SQLite, the journal
file) on the connection's worker thread, with its progress bar and status bar updating. Prints p50,
p99 and max lateness while idle and during the export (target: p99 < 30 ms).

    .venv/bin/python bench/bench_ui_latency.py [--expenses 10000] [--no-receipts]
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


class ExternalSandbox:
    """``pleodesk sandbox`` in a child process (what the app sees of the real Pleo: HTTP, elsewhere)."""

    def __init__(self, expenses: int, month: str) -> None:
        import re
        import subprocess

        self.proc = subprocess.Popen([sys.executable, "-m", "pleodesk", "sandbox", "--port", "0", "--seed", "11",
                                      "--expenses-per-month", str(expenses), "--months", month],
                                     cwd=ROOT, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"Pleo API (\S+)\) - API key (\S+) - company (\S+)", line)
        if not m:
            self.proc.kill()
            raise SystemExit(f"the sandbox did not start: {line!r}")
        self.pleo_url, self.api_key, self.company_id = m.groups()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100 * (len(s) - 1)))))
    return s[k]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--expenses", type=int, default=10_000)
    ap.add_argument("--no-receipts", action="store_true", help="do not download and copy receipts")
    ap.add_argument("--idle-seconds", type=float, default=2.0)
    ap.add_argument("--sandbox-in-process", action="store_true",
                    help="serve Pleo from this process (by default it runs in its own process, as the real "
                         "Pleo is on another machine: its work then does not compete for this Python's GIL)")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PLEODESK_HOME"] = tempfile.mkdtemp(prefix="pleodesk-bench-")
    atexit.register(shutil.rmtree, os.environ["PLEODESK_HOME"], True)       # the data folder goes with the run
    os.environ["PLEODESK_LANG"] = "en"
    from pleodesk.secrets import use_memory_keyring

    use_memory_keyring()                    # the run's keys stay in this process

    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(["pleodesk-bench"])
    from pleodesk.demo import demo_plan
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox
    from pleodesk.setup_file import apply_plan
    from pleodesk.storage import open_store
    from pleodesk.ui.context import AppContext
    from pleodesk.ui.main_window import MainWindow
    from pleodesk.ui.wizard.pages import last_full_month

    month = last_full_month()
    t = time.perf_counter()
    if args.sandbox_in_process:
        sandbox = start_sandbox(SandboxConfig(seed=11, expenses_per_month=args.expenses, months=[month]))
    else:
        sandbox = ExternalSandbox(args.expenses, month)
    print(f"sandbox with {args.expenses} expenses ready in {time.perf_counter() - t:.1f} s "
          f"({'in this process' if args.sandbox_in_process else 'in its own process'})")
    store = open_store()
    folder = Path(os.environ["PLEODESK_HOME"]) / "journal"
    plan = demo_plan(sandbox, folder)
    if args.no_receipts:
        plan.settings["export_receipts"] = False
    apply_plan(store, plan)
    ctx = AppContext(store, scheduler=False)
    win = MainWindow(ctx)
    win.resize(1280, 800)
    win.show()
    win.export_tab.set_month(month)
    from pleodesk.runtime import tune_gc

    if not os.environ.get("BENCH_GC_DEFAULT"):
        tune_gc()                                   # as the app does once its window is up

    lateness: list[float] = []
    spikes: list[tuple[float, float]] = []
    clock = QElapsedTimer()
    state = {"last": None, "recording": False}

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        if state["last"] is not None and state["recording"]:
            late = max(0.0, now - state["last"] - 10.0)
            lateness.append(late)
            if late > 40:
                spikes.append((time.monotonic(), late))
        state["last"] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(10)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()

    def run_for(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    run_for(1.0)                                   # let the preview settle
    state["recording"] = True
    run_for(args.idle_seconds)
    idle = list(lateness)
    lateness.clear()

    done = []
    progress = [0]
    ctx.hub.run_finished.connect(lambda cid, r: done.append(r) if r.job.kind == "export_month" else None)
    ctx.hub.run_progress.connect(lambda cid, job, p: progress.__setitem__(0, progress[0] + 1))
    started = time.monotonic()
    win.export_tab.export_button.click()
    while not done:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    elapsed = time.monotonic() - started
    busy = list(lateness)
    timer.stop()
    result = done[0]
    counts = result.counts

    def line(name: str, xs: list[float]) -> str:
        return (f"{name:<22} ticks {len(xs):6d}  p50 {percentile(xs, 50):6.2f} ms  p99 {percentile(xs, 99):6.2f} ms  "
                f"max {max(xs) if xs else float('nan'):7.2f} ms  mean {statistics.fmean(xs) if xs else 0:5.2f} ms")

    print(f"export of {month}: {result.status} in {elapsed:.1f} s - {counts.get('exported', 0)} exported, "
          f"{counts.get('held', 0)} held, {counts.get('skipped', 0)} skipped, {counts.get('failed', 0)} failed; "
          f"receipts {'off' if args.no_receipts else 'on'}; {progress[0]} progress signals "
          f"({progress[0] / elapsed:.1f}/s)")
    print(line("idle", idle))
    print(line("during the export", busy))
    for at, late in spikes:
        print(f"  a {late:.0f} ms stall {at - started:.1f} s after the start")
    p99 = percentile(busy, 99)
    print(f"target p99 < 30 ms: {'met' if p99 < 30 else 'NOT met'} ({p99:.2f} ms)")
    win.close()
    ctx.shutdown()
    store.close()
    sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
