"""The ``pleodesk`` command. With no subcommand it opens the app."""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from typing import Sequence

from pleodesk import __version__

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_HELD = 3
# The data folder cannot be used; nothing was changed (pleodesk.storage.db says which case).
EXIT_DATA_DAMAGED = 4
EXIT_DATA_TOO_NEW = 5
EXIT_DATA_READ_ONLY = 6
EXIT_DISK_FULL = 7

DESCRIPTION = """\
pleodesk keeps a company's books in step with its Pleo spend account.

With no command it opens the app. The commands do the same work from a terminal:
  setup    save a connection from a setup file (the wizard's answers)
  export   export one month of expenses to the ledger
  queue    process the export jobs waiting in Pleo, once
  feed     push the bank feed (settled wallet movements) now
  sync     make Pleo's accounts, tax codes and tag groups mirror the ledger
  fec      list an FEC connection's runs, or write a run's files again
  status   show connections and what was exported
  sandbox  serve the demo company (Pleo and ledger emulators) on this machine
"""

EPILOG = """\
exit codes: 0 done, nothing failed; 1 something failed (the summary says what to do);
2 bad input (nothing changed); 3 nothing failed, but some expenses are held for missing mappings;
4 the database is damaged; 5 the data was written by a newer pleodesk; 6 the data folder is read-only;
7 the disk is full. With 4-7 pleodesk changed nothing and says in one line what to do.
Data lives in the user data directory (PLEODESK_HOME overrides it); secrets live in the system keyring.
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pleodesk", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"pleodesk {__version__}")
    p.add_argument("--demo", action="store_true",
                   help="open the app on the built-in demo company (starts the local sandbox)")
    p.add_argument("--self-test", action="store_true",
                   help="check this copy of pleodesk end to end (offscreen, on the demo company, in a "
                        "temporary data directory; your data and keyring are not touched); exit 0 or 1")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("setup", help="save a connection from a setup file",
                       description="Save a connection from a TOML setup file (format: docs/setup-file.md). "
                                   "Everything is checked first; on any problem nothing is saved (and, where the "
                                   "system says beforehand what it would create, nothing is created in it).")
    s.add_argument("--file", required=True, help="the setup file (TOML)")
    s.add_argument("--check-only", action="store_true",
                   help="check the file and the services, counting what saving would create; save nothing")

    e = sub.add_parser("export", help="export one month of expenses",
                       description="Export every settled expense of a month that is waiting for export in Pleo. "
                                   "An export job an interrupted run left open in Pleo is finished first. "
                                   "Progress goes to stderr, the summary of every job to stdout.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("--month", required=True, help="the month, as YYYY-MM")
    e.add_argument("--connection", help="the connection's name (needed when there are several)")
    e.add_argument("--dry-run", action="store_true",
                   help="show what would be exported and what would be held (categories, taxes and tags "
                        "checked as the export checks them); send nothing")
    e.add_argument("--json", action="store_true", help="print the summary as JSON")

    q = sub.add_parser("queue", help="process Pleo's export queue once",
                       description="Resume export jobs in progress, then process pending ones, oldest first.")
    q.add_argument("--connection", help="the connection's name (needed when there are several)")
    q.add_argument("--json", action="store_true", help="print the summary as JSON")

    f = sub.add_parser("feed", help="push the bank feed now",
                       description="Push settled card expenses and reimbursements paid from the wallet as "
                                   "statement lines of the Pleo bank account (the app does this at 08:00 and "
                                   "13:00 UTC; after this command its next feed is the next of those moments). "
                                   "Lines pushed before are not pushed again. While the app or another command "
                                   "exports or pushes the feed of the same connection, it waits up to a minute.")
    f.add_argument("--connection", help="the connection's name (needed when there are several)")

    sy = sub.add_parser("sync", help="push the ledger's accounts, tax codes and dimensions to Pleo",
                        description="Make Pleo's chart of accounts, tax codes and tag groups (the dimensions "
                                    "mapped to Pleo tag groups, at most 5) mirror the ledger: create what is "
                                    "missing, update what changed, archive what the ledger no longer has. "
                                    "Running it again changes nothing.")
    sy.add_argument("--connection", help="the connection's name (needed when there are several)")

    fc = sub.add_parser("fec", help="list an FEC connection's runs, or write a run's files again",
                        description="List the runs of an FEC connection (docs/fec.md): each run's folder, whether "
                                    "it was handed over, its entries and files. A handed-over run is never "
                                    "written again, unless asked with --rewrite: its files are rendered again "
                                    "from its log (after losing a file, or changing the ledger choice), the "
                                    "earlier files kept beside them.")
    fc.add_argument("--connection", help="the connection's name (needed when there are several)")
    fc.add_argument("--rewrite", metavar="RUN", help="write this run's files again (a run's name, e.g. 0007_2026-09-01)")
    fc.add_argument("--json", action="store_true", help="print as JSON")

    st = sub.add_parser("status", help="show connections and export counts")
    st.add_argument("--json", action="store_true", help="print as JSON")

    sb = sub.add_parser("sandbox", help="serve the demo company on this machine",
                        description="Serve local emulators of Pleo (and of the accounting systems) over HTTP "
                                    "on this machine, with deterministic demo data. Ctrl-C stops it.")
    sb.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sb.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    sb.add_argument("--seed", type=int, default=1, help="demo data seed (default 1)")
    sb.add_argument("--expenses-per-month", type=int, default=600,
                    help="expenses per month (default 600, at most 50000 in all)")
    sb.add_argument("--months", help="comma-separated YYYY-MM months (default: the last 3 full months)")
    sb.add_argument("--country", choices=("NL", "FR", "DE"), default="NL",
                    help="the demo company: NL (Demo Company B.V., the default), FR (Société Démo SAS, for the "
                         "French ledgers: PCG accounts, VAT 20/10/5.5 %%) or DE (Pleo Demo GmbH, whose categories "
                         "mirror the emulated Lexware Office: SKR03, VAT 19/7 %%)")
    return p


#: Commands that may read and send a month of expenses (the garbage collector is set for them as in the app).
_LONG_RUNS = frozenset({"export", "queue", "feed", "sync"})


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from pleodesk.selftest import run as run_self_test

        return run_self_test()
    if args.command is None:
        from pleodesk.ui.app import run_app

        return run_app(demo=args.demo)
    if args.command in _LONG_RUNS:
        from pleodesk.runtime import tune_gc

        tune_gc()                       # as the app does: a month of expenses in memory, few full collections
    handler = {"setup": cmd_setup, "export": cmd_export, "queue": cmd_queue, "status": cmd_status,
               "sandbox": cmd_sandbox, "feed": cmd_feed,
               "sync": cmd_sync, "fec": cmd_fec}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        _err("Stopped.")
        return EXIT_FAILED
    except Exception as exc:
        problem = storage_problem(exc)
        if problem is None:
            raise
        _err(str(problem))
        return storage_exit_code(problem)


def storage_problem(exc: BaseException):
    """The one-line StoreError for a database or data-folder failure (damaged, newer, read-only, full
    disk), or None when ``exc`` is something else."""
    from pathlib import Path

    from pleodesk.paths import data_dir_location
    from pleodesk.storage import StoreError
    from pleodesk.storage.db import classify_error

    if isinstance(exc, StoreError):
        return exc
    home = data_dir_location()
    if isinstance(exc, OSError):
        if not exc.filename:
            return None
        name = Path(str(exc.filename))
        # A file of pleodesk's own (the database, a receipt, a lock) names the data folder; another one
        # (a journal folder) its own folder.
        folder = home if name == home or home in name.parents else name.parent
        return classify_error(exc, folder / "pleodesk.sqlite3")
    return classify_error(exc, home / "pleodesk.sqlite3")


def storage_exit_code(problem) -> int:
    from pleodesk.storage import StoreDamaged, StoreDiskFull, StoreReadOnly, StoreTooNew

    for cls, code in ((StoreDamaged, EXIT_DATA_DAMAGED), (StoreTooNew, EXIT_DATA_TOO_NEW),
                      (StoreReadOnly, EXIT_DATA_READ_ONLY), (StoreDiskFull, EXIT_DISK_FULL)):
        if isinstance(problem, cls):
            return code
    return EXIT_FAILED


# ------------------------------------------------------------------------------- commands ------
def cmd_sandbox(args) -> int:
    from pleodesk.sandbox.server import SandboxConfig, serve_forever

    months = [m.strip() for m in args.months.split(",")] if args.months else None
    if months:
        from pleodesk.core.engine import month_bounds

        try:
            for m in months:
                month_bounds(m)
        except ValueError as exc:
            _err(str(exc))
            return EXIT_USAGE
    if not 1 <= args.expenses_per_month <= 50_000:
        _err("--expenses-per-month must be between 1 and 50000.")
        return EXIT_USAGE
    if not 0 <= args.port <= 65535:
        _err(f"--port {args.port} is not a port: choose one from 1 to 65535, or 0 for a free one.")
        return EXIT_USAGE
    from pleodesk.urls import is_loopback_host

    if not is_loopback_host(args.host):
        _err(f"--host {args.host}: the sandbox listens only on this computer (127.0.0.1, ::1 or localhost).")
        return EXIT_USAGE
    import errno

    try:
        serve_forever(SandboxConfig(host=args.host, port=args.port, seed=args.seed,
                                    expenses_per_month=args.expenses_per_month, months=months,
                                    country=args.country))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            _err(f"Port {args.port} on {args.host} is already in use (another sandbox or program listens there): "
                 "stop it, or choose another port with --port (--port 0 picks a free one).")
        elif exc.errno in (errno.EACCES, errno.EPERM):
            _err(f"pleodesk may not listen on port {args.port} on {args.host} (ports below 1024 need "
                 "administrator rights): choose another port with --port.")
        elif exc.errno == errno.EADDRNOTAVAIL:
            _err(f"{args.host} is not an address of this computer: use 127.0.0.1.")
        else:
            raise
        return EXIT_FAILED
    return EXIT_OK


def cmd_setup(args) -> int:
    from pleodesk.secrets import SecretStoreUnavailable, keyring_problem
    from pleodesk.setup_file import SetupError, apply_plan, check_plan, load_setup_file

    # The keys can only be kept in a system keyring: without one, say so before asking for any.
    problem = keyring_problem()
    if problem is not None:
        _err(f"The setup was not saved: {problem.message()}")
        return EXIT_FAILED
    try:
        plan = load_setup_file(args.file)
        if plan.pleo_oauth:
            from pleodesk.providers.oauth import OAuthError
            from pleodesk.setup_file import sign_in_to_pleo

            print("Opening Pleo's sign-in page in your browser; sign in and allow pleodesk, then come back here.")
            try:
                sign_in_to_pleo(plan)
            except OAuthError as exc:
                _err(f"Pleo sign-in failed: {exc}")
                return EXIT_FAILED
        problems = check_plan(plan, prepare=not args.check_only)
    except SetupError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except SecretStoreUnavailable as exc:
        _err(f"The setup was not saved: {exc}")
        return EXIT_FAILED
    from pleodesk.setup_file import company_taken_by, company_taken_problem

    store = _store()
    existing = store.get_connection(plan.name)
    other = company_taken_by(store, plan.pleo_company_id, except_name=plan.name)
    if other is not None and (existing is None or existing.active):
        problems.insert(0, company_taken_problem(other))
    if problems:
        _err(f"The setup was not saved. Fix {'this' if len(problems) == 1 else 'these'} first:")
        for pr in problems:
            _err(f"  - {pr}")
        return EXIT_USAGE
    if args.check_only:
        print(f"The setup file is fine: connection '{plan.name}' can be saved.")
        return EXIT_OK
    try:
        conn = apply_plan(store, plan)
    except SecretStoreUnavailable as exc:
        _err(f"The setup was not saved: {exc}")
        return EXIT_FAILED
    except SetupError as exc:
        _err(str(exc))
        return EXIT_USAGE
    print(f"Saved connection '{conn.name}' ({conn.system}): {len(plan.mappings.categories)} categories, "
          f"{len(plan.mappings.taxes)} tax codes, {len(plan.mappings.tag_groups)} tag groups mapped.")
    return EXIT_OK


def cmd_export(args) -> int:
    from pleodesk.core.engine import month_bounds

    try:
        month_bounds(args.month)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_USAGE
    store = _store()
    conn = _pick_connection(store, args.connection)
    if conn is None:
        return EXIT_USAGE
    if args.dry_run:
        return _dry_run(store, conn, args)
    return _run_engine(store, conn, args, lambda eng: [eng.export_month(args.month, trigger="manual")])


def cmd_queue(args) -> int:
    store = _store()
    conn = _pick_connection(store, args.connection)
    if conn is None:
        return EXIT_USAGE
    code = _run_engine(store, conn, args, lambda eng: eng.process_queue(trigger="manual"))
    _queue_ran(store, conn)
    return code


def _queue_ran(store, conn) -> None:
    """A queue run from the command line counts as one for the app's scheduler too (the Settings tab shows
    it, and the next automatic run waits its interval from it), as the app's own runs do."""
    from pleodesk.core import clock
    from pleodesk.core import schedule as sch

    try:
        store.set_schedule_state(sch.schedule_key(conn.id, "queue"), last_run_at=clock.now())
    except Exception as exc:  # noqa: BLE001 - what was exported is recorded; only the time is not
        _err(f"The time of this queue run could not be stored: {exc}")


def cmd_feed(args) -> int:
    from pleodesk.connections import make_pleo_client, make_provider
    from pleodesk.core.engine import EngineError
    from pleodesk.core.feed import run_feed
    from pleodesk.providers.base import LedgerError
    from pleodesk.providers.pleo import PleoError

    store = _store()
    conn = _pick_connection(store, args.connection)
    if conn is None:
        return EXIT_USAGE
    try:
        s = run_feed(store, conn, make_pleo_client(conn), make_provider(conn), trigger="manual")
    except (EngineError, PleoError, LedgerError, OSError) as exc:
        fix = getattr(exc, "fix", "")
        _err(f"The bank feed failed: {exc}" + (f" {fix}" if fix and fix not in str(exc) else ""))
        return EXIT_FAILED
    if s.status == "skipped":
        print("Bank feed skipped: " + "; ".join(s.skipped))
        return EXIT_OK
    print(f"Bank feed: {s.pushed} statement lines pushed, {s.already} pushed before, "
          f"{s.duplicates} duplicates refused by the ledger.")
    for reason, n in sorted(s.skipped.items()):
        print(f"  skipped {n}: {reason}")
    for msg in s.messages:
        print(f"  {msg}")
    return EXIT_OK


def cmd_sync(args) -> int:
    from pleodesk.connections import make_pleo_client, make_provider
    from pleodesk.core.engine import EngineError, sync_master_data
    from pleodesk.providers.base import LedgerError
    from pleodesk.providers.pleo import PleoError, ReconcileError

    store = _store()
    conn = _pick_connection(store, args.connection)
    if conn is None:
        return EXIT_USAGE
    try:
        report = sync_master_data(store, conn, make_pleo_client(conn), make_provider(conn))
    except ReconcileError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except (EngineError, PleoError, LedgerError, OSError) as exc:
        _err(f"The sync failed: {exc}")
        return EXIT_FAILED
    print(report.summary())
    return EXIT_OK


def cmd_fec(args) -> int:
    from pleodesk import paths
    from pleodesk.connections import make_provider
    from pleodesk.core.engine import ConnectionBusy, EngineError
    from pleodesk.locks import FileLock
    from pleodesk.providers.base import LedgerError

    store = _store()
    conn = _pick_connection(store, args.connection)
    if conn is None:
        return EXIT_USAGE
    if conn.system != "fec":
        _err(f"The connection '{conn.name}' books into {conn.system}, not FEC files.")
        return EXIT_USAGE
    lock = FileLock(paths.data_dir() / "locks" / f"connection-{conn.id}.lock", 60.0,
                    on_timeout=lambda: ConnectionBusy(f"Another pleodesk is exporting '{conn.name}' right now.",
                                                      "Try again when it has finished."))
    try:
        with lock, make_provider(conn) as provider:
            written = provider.rewrite_run(args.rewrite) if args.rewrite else []
            runs = provider.runs()
    except (EngineError, LedgerError, OSError) as exc:
        _err(" ".join(x for x in (str(exc), getattr(exc, "fix", "")) if x))
        return EXIT_FAILED
    if args.json:
        print(json.dumps({"runs": runs, "written": [str(w) for w in written]}, indent=2))
        return EXIT_OK
    if written:
        print(f"Written again: {', '.join(str(w) for w in written)}")
    for r in runs:
        state = "handed over" if r["handed_over"] else "not handed over yet (the next export does it)"
        print(f"{r['run']}: {r['entries']} entries, {state}; {r['folder']}: {', '.join(r['files']) or 'no files'}")
    if not runs:
        print("No run yet.")
    return EXIT_OK


def cmd_status(args) -> int:
    store = _store()
    out = []
    for conn in store.list_connections():
        counts = store.counts_by_status(conn.id)
        runs = store.list_runs(conn.id, limit=1)
        last = runs[0] if runs else None
        out.append({
            "name": conn.name, "system": conn.system, "state": conn.state, "state_message": conn.state_message,
            "active": conn.active, "records": counts,
            "last_run": None if last is None else {
                "kind": last.kind, "trigger": last.trigger, "status": last.status,
                "started_at": last.started_at.isoformat() if last.started_at else None,
                "ended_at": last.ended_at.isoformat() if last.ended_at else None, "counts": last.counts,
                "message": last.message},
        })
    if args.json:
        print(json.dumps({"connections": out}, indent=2))
        return EXIT_OK
    if not out:
        print("No connections yet. Open the app to run the setup wizard, or use: pleodesk setup --file FILE")
        return EXIT_OK
    for c in out:
        print(f"{c['name']} ({c['system']}): {c['state']}{' - ' + c['state_message'] if c['state_message'] else ''}")
        rec = c["records"]
        print("  expenses: " + (", ".join(f"{v} {k}" for k, v in sorted(rec.items())) or "none yet"))
        if c["last_run"]:
            lr = c["last_run"]
            print(f"  last run: {lr['kind']} ({lr['trigger']}) {lr['status']} at {lr['started_at']}"
                  + (f": {lr['message']}" if lr["message"] else ""))
    return EXIT_OK


# ------------------------------------------------------------------------------- helpers -------
def _store():
    from pleodesk.connections import prepare_secrets
    from pleodesk.storage import open_store

    store = open_store()
    prepare_secrets(store)          # keyring entries of an older version get this database's names, once
    _mark_interrupted(store)
    return store


def _mark_interrupted(store) -> None:
    """Runs whose pleodesk is gone (killed, crashed) stop saying "running" in the history."""
    try:
        for run in store.mark_interrupted_runs():
            _err(f"An earlier run (started {run.started_at:%Y-%m-%d %H:%M} UTC) was interrupted before it "
                 "finished; it is marked so in the history. Nothing is sent twice.")
    except Exception as exc:  # noqa: BLE001 - the history is a nicety, never a reason not to export
        _err(f"Could not check the history for interrupted runs: {exc}")


def _pick_connection(store, name):
    conns = [c for c in store.list_connections() if c.active]
    if name:
        conn = store.get_connection(name)
        if conn is None:
            known = ", ".join(c.name for c in conns) or "none"
            _err(f"There is no connection named '{name}' (connections: {known}).")
            return None
        return conn
    if not conns:
        _err("There is no connection yet: run the setup first (pleodesk setup --file FILE, or the app's wizard).")
        return None
    if len(conns) > 1:
        _err("There are several connections; choose one with --connection: " + ", ".join(c.name for c in conns))
        return None
    return conns[0]


class _StderrProgress:
    """Progress lines on stderr, at most a few per second."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self._last = 0.0
        self._lock = threading.Lock()

    def __call__(self, p) -> None:
        now = time.monotonic()
        with self._lock:
            if p.phase != "done" and now - self._last < self.interval and p.done != p.total:
                return
            self._last = now
        if p.total:
            _err(f"[{p.phase}] {p.done}/{p.total} {p.message}")
        elif p.message:
            _err(f"[{p.phase}] {p.message}")


def _guarded(work):
    """Run ``work()``. When Pleo or the ledger stops it (refused credentials, unreachable, not set up),
    print one line saying so and what to do: returns ``(result, None)``, or ``(None, exit code)``."""
    from pleodesk.core.engine import EngineError, ledger_message
    from pleodesk.providers.base import LedgerError
    from pleodesk.providers.pleo import PleoError
    from pleodesk.secrets import SecretStoreUnavailable

    try:
        return work(), None
    except EngineError as exc:
        _err(f"{exc} {exc.fix}".strip())
    except SecretStoreUnavailable as exc:
        _err(str(exc))
    except PleoError as exc:
        _err(f"Pleo: {exc}")
    except LedgerError as exc:
        _err(ledger_message(exc))
    except OSError as exc:
        _err(f"Pleo or the ledger could not be reached: {exc}")
    return None, EXIT_FAILED


def _run_engine(store, conn, args, work) -> int:
    from pleodesk.connections import make_engine

    summaries, failed = _guarded(lambda: work(make_engine(store, conn, progress=_StderrProgress())))
    if failed is not None:
        return failed
    # Every job the run finished: an export of a month first finishes a job a kill left in progress.
    summaries = [job for s in summaries for job in s.every_job()]
    if args.json:
        print(json.dumps([_summary_json(s) for s in summaries], indent=2))
    else:
        if not summaries:
            print("Nothing to do: no export jobs are waiting in Pleo.")
        for s in summaries:
            _print_summary(s)
        if len(summaries) > 1:
            print(_total_line(summaries))
    if any(s.status in ("failed", "cancelled") or s.failed for s in summaries):
        return EXIT_FAILED
    if any(s.held_count for s in summaries):
        return EXIT_HELD
    return EXIT_OK


def _total_line(summaries) -> str:
    total: dict[str, int] = {}
    for s in summaries:
        for k, v in s.counts().items():
            total[k] = total.get(k, 0) + v
    words = [("exported", "exported"), ("already_exported", "already in the ledger"), ("skipped", "skipped"),
             ("held", "held for missing mappings"), ("failed", "failed"), ("receipt_problems", "receipt problems")]
    parts = [f"{total.get('exported', 0)} exported"] + [f"{total[k]} {w}" for k, w in words[1:] if total.get(k)]
    return "In all: " + ", ".join(parts) + "."


def _summary_json(s) -> dict:
    return {
        "job_id": s.job_id, "status": s.status, "message": s.message, "counts": s.counts(),
        "skipped": s.skipped,
        "held": [{"kind": p.kind, "source": p.source_key, "label": p.source_label, "message": p.message,
                  "fix": p.fix, "expenses": len(p.expense_ids)} for p in s.held],
        "failed": [{"expense_id": e, "title": t, "fix": f} for e, t, f in s.failed],
        "receipt_problems": [{"expense_id": e, "message": m} for e, m in s.receipt_problems],
    }


def _print_summary(s) -> None:
    print(f"Export job {s.job_id or '-'}: {s.status}. {s.message}")
    for reason, n in sorted(s.skipped.items()):
        print(f"  skipped {n}: {reason}")
    if s.held:
        print("  held (nothing was sent for these; fix the mapping and export again):")
        for p in s.held:
            print(f"    - {p.message} ({len(p.expense_ids)} expense{'s' if len(p.expense_ids) != 1 else ''}). {p.fix}")
    if s.failed:
        print("  failed:")
        for eid, title, fix in s.failed[:50]:
            print(f"    - {eid}: {title}{'. ' + fix if fix else ''}")
        if len(s.failed) > 50:
            print(f"    ... and {len(s.failed) - 50} more (pleodesk status shows them all)")
    if s.receipt_problems:
        print("  receipts:")
        for eid, msg in s.receipt_problems[:20]:
            print(f"    - {eid}: {msg}")


def _dry_run(store, conn, args) -> int:
    from pleodesk.connections import make_pleo_client, make_provider
    from pleodesk.core.engine import preview_month

    preview, failed = _guarded(lambda: preview_month(store, conn, make_pleo_client(conn), make_provider(conn),
                                                     args.month))
    if failed is not None:
        return failed
    if args.json:
        print(json.dumps(preview, indent=2, default=str))
    else:
        print(f"{args.month}: {preview['count']} expenses waiting for export in Pleo "
              f"({preview['already_exported']} already in the ledger). Nothing was sent.")
        for cur, amount in sorted(preview["totals"].items()):
            print(f"  spend to be exported: {amount} {cur} ({preview['spend_count']} expenses)")
        for cur, amount in sorted(preview.get("wallet_moves", {}).items()):
            print(f"  wallet top-ups and unloads, not in that total: {amount} {cur} ({preview['wallet_count']})")
        for acc, amount in sorted(preview["by_account"].items()):
            print(f"  account {acc}: {amount}")
        for msg, n in sorted(preview["would_hold"].items()):
            print(f"  would be held: {msg} ({n})")
    return EXIT_OK


def _err(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)
