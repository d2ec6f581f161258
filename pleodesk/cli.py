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

DESCRIPTION = """\
pleodesk keeps a company's books in step with its Pleo spend account.

With no command it opens the app. The commands do the same work from a terminal:
  setup    save a connection from a setup file (the wizard's answers)
  export   export one month of expenses to the ledger
  queue    process the export jobs waiting in Pleo, once
  feed     push the bank feed (settled wallet movements) now
  sync     make Pleo's accounts, tax codes and tag groups mirror the ledger
  status   show connections and what was exported
  sandbox  serve the demo company (Pleo and ledger emulators) on this machine
"""

EPILOG = """\
exit codes: 0 done, nothing failed; 1 something failed (the summary says what to do);
2 bad input (nothing changed); 3 nothing failed, but some expenses are held for missing mappings.
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
                                   "Everything is checked first; on any problem nothing is saved.")
    s.add_argument("--file", required=True, help="the setup file (TOML)")
    s.add_argument("--check-only", action="store_true", help="check the file and the services, save nothing")

    e = sub.add_parser("export", help="export one month of expenses",
                       description="Export every settled expense of a month that is waiting for export in Pleo. "
                                   "Progress goes to stderr, the summary to stdout.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("--month", required=True, help="the month, as YYYY-MM")
    e.add_argument("--connection", help="the connection's name (needed when there are several)")
    e.add_argument("--dry-run", action="store_true",
                   help="show what would be exported and what would be held; send nothing")
    e.add_argument("--json", action="store_true", help="print the summary as JSON")

    q = sub.add_parser("queue", help="process Pleo's export queue once",
                       description="Resume export jobs in progress, then process pending ones, oldest first.")
    q.add_argument("--connection", help="the connection's name (needed when there are several)")
    q.add_argument("--json", action="store_true", help="print the summary as JSON")

    f = sub.add_parser("feed", help="push the bank feed now",
                       description="Push settled card expenses and reimbursements paid from the wallet as "
                                   "statement lines of the Pleo bank account (the app does this at 08:00 and "
                                   "13:00 UTC). Lines pushed before are not pushed again.")
    f.add_argument("--connection", help="the connection's name (needed when there are several)")

    sy = sub.add_parser("sync", help="push the ledger's accounts, tax codes and dimensions to Pleo",
                        description="Make Pleo's chart of accounts, tax codes and tag groups (the dimensions "
                                    "mapped to Pleo tag groups, at most 5) mirror the ledger: create what is "
                                    "missing, update what changed, archive what the ledger no longer has. "
                                    "Running it again changes nothing.")
    sy.add_argument("--connection", help="the connection's name (needed when there are several)")

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
    sb.add_argument("--country", default="NL", choices=("NL", "DE"),
                    help="the demo company: NL (Demo Company B.V., default) or DE (Pleo Demo GmbH, whose categories "
                         "mirror the emulated Lexware Office)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from pleodesk.selftest import run as run_self_test

        return run_self_test()
    if args.command is None:
        from pleodesk.ui.app import run_app

        return run_app(demo=args.demo)
    handler = {"setup": cmd_setup, "export": cmd_export, "queue": cmd_queue, "status": cmd_status,
               "sandbox": cmd_sandbox, "feed": cmd_feed,
               "sync": cmd_sync}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        _err("Stopped.")
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
    serve_forever(SandboxConfig(host=args.host, port=args.port, seed=args.seed,
                                expenses_per_month=args.expenses_per_month, months=months, country=args.country))
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
    if problems:
        _err(f"The setup was not saved. Fix {'this' if len(problems) == 1 else 'these'} first:")
        for pr in problems:
            _err(f"  - {pr}")
        return EXIT_USAGE
    if args.check_only:
        print(f"The setup file is fine: connection '{plan.name}' can be saved.")
        return EXIT_OK
    store = _store()
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
    return _run_engine(store, conn, args, lambda eng: eng.process_queue(trigger="manual"))


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
        _err(f"The bank feed failed: {exc}")
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
    return store


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
    if args.json:
        print(json.dumps([_summary_json(s) for s in summaries], indent=2))
    else:
        if not summaries:
            print("Nothing to do: no export jobs are waiting in Pleo.")
        for s in summaries:
            _print_summary(s)
    if any(s.status in ("failed", "cancelled") or s.failed for s in summaries):
        return EXIT_FAILED
    if any(s.held_count for s in summaries):
        return EXIT_HELD
    return EXIT_OK


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
            print(f"  total {amount} {cur}")
        for acc, amount in sorted(preview["by_account"].items()):
            print(f"  account {acc}: {amount}")
        for msg, n in sorted(preview["would_hold"].items()):
            print(f"  would be held: {msg} ({n})")
    return EXIT_OK


def _err(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)
