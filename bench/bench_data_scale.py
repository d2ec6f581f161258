#!/usr/bin/env python3
"""The window with a year of data: start-up, each tab, Expenses reload, History, memory.

Prepares a data folder holding one journal-file connection with N exported expenses (Pleo's own
export items, fetched from the sandbox in a child process and stored as an export stores them) and
R finished runs, then starts the app's main window in a fresh process (offscreen) against a sandbox
that again has all N expenses waiting in the month the Export tab previews, and measures:

* start: from process start to the first painted frame, to the visible tab's first content (the
  Export tab's preview: its first numbers, then complete), and to every tab's data loaded;
* each tab opened in turn: time until its rows are shown, and how late a 10 ms timer on the GUI
  thread ran meanwhile (p99 and worst);
* Expenses reloaded while shown: as after a run that changed nothing, after one that booked 1,000
  of the expenses again (those rows are read), and read whole (as when the store's log of changes no
  longer reaches back); History reloaded while shown (as when a run finishes with History open);
* the app's memory (RSS) at the end.

    .venv/bin/python bench/bench_data_scale.py [--expenses 50000] [--runs 10000] [--data DIR]

``--data DIR`` keeps the prepared folder there and reuses it on the next run with the same numbers.
"""

from __future__ import annotations

import argparse
import atexit
import compileall
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

SEED = 11


class Sandbox:
    """``pleodesk sandbox`` in a child process, one month of ``expenses``."""

    def __init__(self, expenses: int, month: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "pleodesk", "sandbox", "--port", "0", "--seed", str(SEED),
                                      "--expenses-per-month", str(expenses), "--months", month],
                                     cwd=ROOT, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"Sandbox at (\S+) \(Pleo API (\S+)\) - API key (\S+) - company (\S+)", line)
        if not m:
            self.proc.kill()
            raise SystemExit(f"the sandbox did not start: {line!r}")
        self.url, self.pleo_url, self.api_key, self.company_id = m.groups()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def preview_month() -> str:
    """The month the Export tab previews when it opens (the one before this one)."""
    from pleodesk.ui.views.export_tab import recent_months

    return recent_months()[1]


# ------------------------------------------------------------------------------ preparing ------
def prepare(home: Path, expenses: int, runs: int, month: str) -> None:
    import httpx

    from pleodesk.demo import demo_plan
    from pleodesk.secrets import use_memory_keyring
    from pleodesk.setup_file import apply_plan
    from pleodesk.storage import open_store

    os.environ["PLEODESK_HOME"] = str(home)
    use_memory_keyring()
    sandbox = Sandbox(expenses, month)
    try:
        t = time.perf_counter()
        store = open_store()
        conn = apply_plan(store, demo_plan(sandbox, home / "journal"))
        job = httpx.post(f"{sandbox.url}/_sandbox/pleo/jobs", json={"exportable": True}, timeout=600).json()
        job = job.get("data", job)
        from pleodesk.providers.pleo import PleoClient

        client = PleoClient(sandbox.pleo_url, api_key=sandbox.api_key, company_id=sandbox.company_id)
        chunk: list[dict] = []
        n = 0

        def flush() -> None:
            ids = [i["accountingEntryId"] for i in chunk]
            store.ensure_records(conn.id, ids, job_id=job["id"])
            store.upsert_pleo_items(chunk, job_id=job["id"])
            store.mark_exported_many(conn.id, [(i, f"PLEO-{i}", None) for i in ids])
            store.set_receipts_status_many(conn.id, ids, "done")
            chunk.clear()

        for item in client.iter_export_items(job["id"]):
            chunk.append(item)
            n += 1
            if len(chunk) >= 1000:
                flush()
        if chunk:
            flush()
        client.close()
        print(f"prepared {n} exported expenses in {time.perf_counter() - t:.1f} s", flush=True)
        t = time.perf_counter()
        kinds = ("queue", "queue", "queue", "feed", "sync", "export_month")
        for i in range(runs):
            kind = kinds[i % len(kinds)]
            run_id = store.start_run(conn.id, kind, "scheduled" if kind != "export_month" else "manual")
            store.finish_run(run_id, "ok" if i % 7 else "partial",
                             counts={"exported": i % 40, "held": i % 3, "skipped": i % 2},
                             skip_reasons={"nothing waiting for export": 1} if i % 5 == 0 else None,
                             message="Nothing was waiting." if i % 5 == 0 else None)
        print(f"prepared {runs} runs in {time.perf_counter() - t:.1f} s", flush=True)
        store.close()
    finally:
        sandbox.stop()


# ------------------------------------------------------------------------------ measuring ------
CHILD = r"""
import sys
sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
from bench_data_scale import child
child({args!r})
"""


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[max(0, min(len(s) - 1, int(round(p / 100 * (len(s) - 1)))))]


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB."""
    cur = peak = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            cur = int(line.split()[1]) / 1024
        elif line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
    return cur, peak


def child(args: dict) -> None:
    t_spawn = args["t_spawn"]
    import os

    os.environ["PLEODESK_HOME"] = args["home"]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PLEODESK_LANG"] = "en"
    from pleodesk.secrets import use_memory_keyring

    use_memory_keyring()                 # the bench never touches the user's keyring
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(["pleodesk-bench"])

    def since_spawn() -> float:
        return time.time() - t_spawn

    marks: dict[str, float] = {}
    lateness: list[tuple[float, float]] = []           # (time since spawn, ms late)
    clock = QElapsedTimer()
    state = {"last": None}

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        if state["last"] is not None:
            lateness.append((since_spawn(), max(0.0, now - state["last"] - 10.0)))
        state["last"] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(10)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()

    from pleodesk.connections import pleo_secret_name
    from pleodesk.runtime import tune_gc
    from pleodesk.secrets import set_secret
    from pleodesk.storage import open_store
    from pleodesk.ui.context import AppContext
    from pleodesk.ui.main_window import MainWindow

    store = open_store()
    conn = store.list_connections()[0]
    set_secret(pleo_secret_name(conn.id), args["api_key"])
    store.update_connection(conn.id, pleo_base_url=args["pleo_url"])
    ctx = AppContext(store, scheduler=False)
    win = MainWindow(ctx)
    tabs = {"export": win.export_tab, "expenses": win.expenses_tab, "problems": win.problems_tab,
            "history": win.history_tab, "settings": win.settings_tab}
    loads: dict[str, list[float]] = {name: [] for name in tabs}

    cpu_at: dict[str, float] = {}

    def watch(name: str, tab, method: str) -> None:
        original = getattr(tab, method)

        def wrapped(*a, **kw):
            out = original(*a, **kw)
            loads[name].append(since_spawn())
            cpu_at.setdefault(name, time.process_time())
            return out

        setattr(tab, method, wrapped)

    watch("expenses", win.expenses_tab, "_loaded")
    watch("problems", win.problems_tab, "_loaded")
    watch("history", win.history_tab, "_loaded")
    watch("export", win.export_tab, "_preview_done")
    for method in ("_preview_known", "_preview_partial"):      # what the tab shows before the whole preview
        if hasattr(win.export_tab, method):
            loads.setdefault("export_first", [])
            watch("export_first", win.export_tab, method)
    win.resize(1280, 800)
    win.show()
    tune_gc()

    def painted() -> None:
        win.repaint()
        marks["painted"] = since_spawn()
        cpu_at["painted"] = time.process_time()
        cpu_at["gui_painted"] = time.thread_time()

    QTimer.singleShot(0, painted)

    def run_until(cond, limit: float) -> bool:
        """Run the event loop (as the app does: idle while nothing happens) until ``cond()`` or
        ``limit`` seconds."""
        loop = QEventLoop()
        check = QTimer()
        check.setInterval(5)
        check.timeout.connect(lambda: loop.quit() if cond() else None)
        QTimer.singleShot(int(limit * 1000), loop.quit)
        if cond():
            return True
        check.start()
        loop.exec()
        check.stop()
        return bool(cond())

    # Start: until the visible tab (Export) has its preview, and every tab that loads at once has.
    run_until(lambda: loads["export"], 120)
    run_until(lambda: False, 1.5)                  # whatever else start-up loads
    start_end = since_spawn()
    out: dict = {"painted_s": marks.get("painted"), "preview_done_s": loads["export"][0] if loads["export"] else None,
                 "preview_first_s": (loads.get("export_first") or loads["export"] or [None])[0],
                 "loaded_at_start": {k: v[0] for k, v in loads.items() if v and k not in ("export", "export_first")}}
    # CPU seconds this process used until then (from its start): on an idle machine the wall time to a
    # usable window is about this; on a busy one the wall time also counts waiting for a CPU.
    out["cpu_painted_s"] = round(cpu_at.get("painted", 0), 2)
    out["gui_cpu_painted_s"] = round(cpu_at.get("gui_painted", 0), 2)
    out["cpu_first_content_s"] = round(cpu_at.get("export_first", cpu_at.get("export", 0)), 2)
    start_late = [ms for at, ms in lateness if at <= start_end]
    out["start_p99_ms"] = percentile(start_late, 99)
    out["start_max_ms"] = max(start_late) if start_late else None

    # The noise floor: nothing happens in this window (the machine may be busy with other work).
    before = len(lateness)
    run_until(lambda: False, 2.0)
    idle = [ms for _, ms in lateness[before:]]
    out["idle_p99_ms"] = round(percentile(idle, 99), 1)
    out["idle_max_ms"] = round(max(idle) if idle else 0.0, 1)

    def measure(name: str, action, done) -> dict:
        before = len(lateness)
        t = since_spawn()
        c, g = time.process_time(), time.thread_time()
        action()
        ok = run_until(done, 60)
        took = since_spawn() - t
        cpu, gui = time.process_time() - c, time.thread_time() - g
        run_until(lambda: False, 1.0)               # what follows the rows: painting, sizing
        late = [ms for _, ms in lateness[before:]]
        return {"shown_s": round(took, 3) if ok else None, "cpu_s": round(cpu, 3), "gui_cpu_s": round(gui, 3),
                "p99_ms": round(percentile(late, 99), 1), "max_ms": round(max(late) if late else 0.0, 1)}

    for index, name in ((1, "expenses"), (2, "problems"), (3, "history"), (4, "settings")):
        n = len(loads.get(name, []))
        already = n > 0 or name == "settings"
        out[f"open_{name}"] = measure(name, lambda i=index: win.tabs.setCurrentIndex(i),
                                      (lambda: True) if already else (lambda nm=name, k=n: len(loads[nm]) > k))
    win.tabs.setCurrentIndex(1)
    run_until(lambda: False, 0.5)
    n = len(loads["expenses"])
    out["reload_expenses"] = measure("expenses", lambda: ctx.hub.records_changed.emit(conn.id),
                                     lambda: len(loads["expenses"]) > n)
    # After a run that booked 1,000 of them again (another ledger id each): those rows are read.
    tab = win.expenses_tab
    booked = [r.expense_id for r in tab.model.rows[:: max(1, len(tab.model.rows) // 1000)]][:1000]
    # A reference of this run's own: a folder kept with --data had the last run's, which changed nothing.
    token = f"{int(time.time()) % 1_000_000:06d}"
    store.mark_exported_many(conn.id, [(eid, f"BENCH{token}-{eid[:8]}", None) for eid in booked])
    run_until(lambda: False, 0.5)
    n = len(loads["expenses"])
    out["reload_expenses_1000"] = measure("expenses", lambda: ctx.hub.records_changed.emit(conn.id),
                                          lambda: len(loads["expenses"]) > n)
    shown = {r.expense_id: r.reference for r in tab.model.rows}
    if any(shown.get(eid) != f"BENCH{token}-{eid[:8]}" for eid in booked) or len(shown) != len(tab.model.rows):
        raise SystemExit("the Expenses tab does not show the 1,000 rows booked again")
    # Read whole, as when the log of changes no longer reaches back to the last read.
    tab._listed = None
    n = len(loads["expenses"])
    out["reload_expenses_all"] = measure("expenses", lambda: ctx.hub.records_changed.emit(conn.id),
                                         lambda: len(loads["expenses"]) > n)
    win.tabs.setCurrentIndex(3)
    run_until(lambda: False, 0.5)
    n = len(loads["history"])
    out["reload_history"] = measure("history", lambda: (win.history_tab.mark_stale(conn.id)),
                                    lambda: len(loads["history"]) > n)
    rows = win.history_tab.table.model().rowCount()
    out["history_rows"] = rows
    cur, peak = rss_mb()
    out["rss_mb"] = round(cur)
    out["peak_rss_mb"] = round(peak)
    timer.stop()
    win.close()
    ctx.shutdown()
    store.close()
    print("RESULT " + json.dumps(out), flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--expenses", type=int, default=50_000)
    ap.add_argument("--runs", type=int, default=10_000)
    ap.add_argument("--data", type=Path, help="keep (and reuse) the prepared data folder here")
    args = ap.parse_args()
    # An installed pleodesk has its modules' bytecode (pip and the bundle write it); a checkout run with
    # PYTHONDONTWRITEBYTECODE has none and would compile pleodesk at every start (about 0.3 s).
    compileall.compile_dir(str(ROOT / "pleodesk"), quiet=1)
    month = preview_month()
    home = args.data or Path(tempfile.mkdtemp(prefix="pleodesk-bench-scale-"))
    if not args.data:
        atexit.register(shutil.rmtree, home, True)       # the prepared folder goes with the run
    marker = home / f"prepared-{args.expenses}-{args.runs}-{month}"
    if not marker.exists():
        home.mkdir(parents=True, exist_ok=True)
        prepare(home, args.expenses, args.runs, month)
        marker.touch()
    sandbox = Sandbox(args.expenses, month)
    try:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        spec = {"home": str(home), "api_key": sandbox.api_key, "pleo_url": sandbox.pleo_url, "t_spawn": time.time()}
        code = CHILD.format(root=str(ROOT), bench=str(ROOT / "bench"), args=spec)
        proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=900)
        line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
        if line is None:
            print(proc.stdout[-3000:], proc.stderr[-3000:], file=sys.stderr)
            return 1
        out = json.loads(line[len("RESULT "):])
    finally:
        sandbox.stop()
    print(f"{args.expenses} exported expenses, {args.runs} runs; the Export tab previews {month} "
          f"({args.expenses} waiting in Pleo)")

    def s(v) -> str:
        return "-" if v is None else f"{v:.2f} s"

    print(f"CPU used from the process start: {out['cpu_painted_s']:.2f} s to the painted window (GUI thread "
          f"{out['gui_cpu_painted_s']:.2f} s), "
          f"{out['cpu_first_content_s']:.2f} s to the Export tab's first numbers")
    print(f"start: painted {s(out['painted_s'])}, preview first shown {s(out['preview_first_s'])}, "
          f"complete {s(out['preview_done_s'])}; loaded at start: "
          + (", ".join(f"{k} {v:.2f} s" for k, v in sorted(out["loaded_at_start"].items())) or "no other tab")
          + f"; GUI late p99 {out['start_p99_ms']:.1f} ms, worst {out['start_max_ms']:.0f} ms")
    for key in ("open_expenses", "open_problems", "open_history", "open_settings", "reload_expenses",
                "reload_expenses_1000", "reload_expenses_all", "reload_history"):
        m = out[key]
        print(f"{key:<20} shown {s(m['shown_s'])} (CPU {m['cpu_s']:.2f} s, GUI thread {m['gui_cpu_s']:.2f} s)  "
              f"late p99 {m['p99_ms']:.1f} ms, "
              f"worst {m['max_ms']:.0f} ms")
    print(f"idle (nothing happening: the machine's own noise) late p99 {out['idle_p99_ms']:.1f} ms, "
          f"worst {out['idle_max_ms']:.0f} ms")
    print(f"history rows in the table: {out['history_rows']}; memory {out['rss_mb']} MB (peak {out['peak_rss_mb']} MB)")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(json.dumps({"expenses": args.expenses, "runs": args.runs, **out}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
