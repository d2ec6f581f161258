"""Odoo benchmark: a month of 5,000 Pleo expenses with their receipts, through the export engine into
the Odoo emulator (Odoo 16 and 17), and into a real Odoo server when one is given.

The sandbox (Pleo and the Odoo emulator) runs in a child process, so time and memory are the
client's. The connection is set up the way ``pleodesk setup --file`` does it (``check_plan``, then
``apply_plan``: the Pleo accounts and journals, the 0 % purchase tax the Dutch chart lacks; the demo
company's categories to accounts of Odoo's Dutch chart, its tax codes to Odoo's taxes by name), then
``make_engine(...).export_month(month)`` exports the month over real HTTP, receipts on. Every JSON-RPC
call pleodesk sends to Odoo is counted on the way out (an httpx transport around the provider's
client); against the emulator that count is checked against the emulator's own.

At the end the bench checks, over JSON-RPC and in the same way for the emulator and a real server,
what Odoo holds: one posted, balanced move (or set of moves) per exported expense and nothing else
under pleodesk's references, the receipts attached to the main move and made its main attachment;
and, in the sandbox, Pleo's job items reported as exported with Odoo's id. Any difference stops the
bench with an error, so it cannot print the numbers of a broken run. It also checks the call goal:
at most 1.3 JSON-RPC calls per exported expense with card expenses as journal entries, 1.8 as
vendor bills.

A real server: set ODOO_URL, ODOO_DB, ODOO_LOGIN and ODOO_KEY (an API key of that login) and, for a
user with several companies, ODOO_COMPANY_ID. It must be an Odoo 16 or 17 company with the Dutch
chart (l10n_nl) in EUR, a database you can throw away: the bench creates the Pleo accounts, journals,
the 0 % tax, the analytic plans Projects and Departments with a few accounts, contacts and a month of
posted moves. The bench then runs the emulator of that version too and prints both.

Prints a table per run and one JSON line each.
Run: .venv/bin/python bench/bench_odoo.py [--version 16|17] [--expenses 5000] [--card-expenses entry|bill]
     [--profile]
"""

from __future__ import annotations

import argparse
import atexit
import collections
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MONTH = "2026-08"
TAGS = {"PROJECT": {"P-ATLAS": "Project Alpha", "P-BOREAS": "Project Beta", "P-CERES": "Project Alpha",
                    "P-DELTA": "Project Beta", "P-EOS": "Project Alpha", "P-FENIX": "Project Beta"},
        "DEPT": {"SALES": "Sales", "ENG": "R&D", "OPS": "Operations", "MKT": "Sales"}}
PLANS = {"Projects": ["Project Alpha", "Project Beta"], "Departments": ["Sales", "R&D", "Operations"]}
#: JSON-RPC calls per exported expense (receipts on), at most
GOALS = {"entry": 1.3, "bill": 1.8}
CHUNK = 500


def _rss_mb(pid: str = "self") -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# ============================================================================ the sandbox (child) ====
def serve(version: int, expenses: int, seed: int) -> None:
    """Child process: serve the sandbox; answer ``mark``, ``calls``, ``pleo <file>`` and ``quit`` on stdin."""
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox

    t0 = time.perf_counter()
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=expenses, seed=seed, odoo_version=version))
    odoo = sb.odoo

    def say(obj) -> None:
        sys.stdout.write(json.dumps(obj) + "\n")
        sys.stdout.flush()

    say({"url": sb.url, "pleo_url": sb.pleo_url, "odoo_url": sb.odoo_url, "api_key": sb.api_key,
         "company_id": sb.company_id, "database": odoo.database, "odoo_key": odoo.ADMIN_KEY,
         "version": odoo.version, "start_s": round(time.perf_counter() - t0, 2)})
    try:
        for line in sys.stdin:
            cmd, _, arg = line.strip().partition(" ")
            if cmd == "mark":                       # the emulator's count of execute_kw calls so far
                with odoo.lock:
                    say({"calls": len(odoo.calls)})
            elif cmd == "calls":                    # the calls since a mark, by model.method
                with odoo.lock:
                    calls = collections.Counter(f"{m}.{meth}" for m, meth in odoo.calls[int(arg):])
                say({"execute_kw": dict(calls.most_common()), "execute_kw_total": sum(calls.values()),
                     "sandbox_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)})
            elif cmd == "pleo":
                say(_pleo_side(sb, json.loads(Path(arg).read_text())))
            elif cmd == "quit":
                break
    finally:
        sb.stop()


def _pleo_side(sb, run: dict) -> dict:
    """Per exported expense: how many receipt files Pleo has, and what its job item says."""
    job = sb.pleo.jobs[-1]
    items = {i["accountingEntryId"]: i for i in sb.pleo.job_items(job["id"])}
    out = {}
    for eid, _ref, _ledger_id in run["exported"]:
        it = items.get(eid) or {}
        out[eid] = {"files": len(sb.pleo.export_item(eid).get("files") or []), "status": it.get("status"),
                    "external_id": it.get("externalId")}
    return out


# ============================================================================ the client (parent) ====
_CALL = re.compile(rb'"service":\s*"(\w+)",\s*"method":\s*"(\w+)",\s*"args":\s*\[\s*"[^"]*",\s*\d+,\s*"[^"]*",'
                   rb'\s*"([\w.]+)",\s*"(\w+)"')
_SERVICE = re.compile(rb'"service":\s*"(\w+)",\s*"method":\s*"(\w+)"')


def counting_transport():
    """An httpx transport that counts the JSON-RPC calls it carries and the time spent on each kind."""
    import httpx

    class Counting(httpx.BaseTransport):
        def __init__(self) -> None:
            self.inner = httpx.HTTPTransport()
            self.lock = threading.Lock()
            self.calls: collections.Counter[str] = collections.Counter()
            self.seconds: collections.Counter[str] = collections.Counter()
            self.bytes_sent = 0

        def handle_request(self, request):
            body = request.content
            head = body[:600]
            m = _CALL.search(head)
            if m and m.group(2) == b"execute_kw":
                kind = f"{m.group(3).decode()}.{m.group(4).decode()}"
            else:
                m = _SERVICE.search(head)
                kind = f"{m.group(1).decode()}.{m.group(2).decode()}" if m else "other"
            t = time.perf_counter()
            resp = self.inner.handle_request(request)
            resp.read()
            dt = time.perf_counter() - t
            with self.lock:
                self.calls[kind] += 1
                self.seconds[kind] += dt
                self.bytes_sent += len(body)
            return resp

        def close(self) -> None:
            self.inner.close()

    return Counting()


def _chunks(items: list, n: int = CHUNK):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def odoo_state(x) -> dict:
    """What Odoo holds before the export: the highest move id of the company."""
    rows = x("account.move", "search_read", [], fields=["id"], order="id desc", limit=1)
    return {"max_move_id": rows[0]["id"] if rows else 0}


def verify_in_odoo(x, exported: list, before: dict, pleo: dict, receipt_problems: collections.Counter) -> dict:
    """What Odoo holds after the run, read over JSON-RPC (the same for the emulator and a real server),
    against what the engine says it exported and what Pleo has."""
    errors: list[str] = []
    refs = {ref for _, ref, _ in exported}
    if len(refs) != len(exported):
        errors.append(f"{len(exported)} exported records but {len(refs)} distinct references")
    new = []
    for part in _chunks(sorted(refs)):
        new += x("account.move", "search_read", [["ref", "in", part]],
                 fields=["id", "ref", "state", "move_type", "message_main_attachment_id"])
    extra = x("account.move", "search_read", [["id", ">", before["max_move_id"]], ["statement_line_id", "=", False]],
              fields=["id", "ref"])
    stray = {m["ref"] for m in extra} - refs
    if stray:
        errors.append(f"{len(stray)} references in Odoo that the run did not export, e.g. {sorted(map(str, stray))[:3]}")
    by_ref: dict[str, list[dict]] = collections.defaultdict(list)
    for m in new:
        by_ref[m["ref"]].append(m)
    ids = [m["id"] for m in new]
    balance: dict[int, Decimal] = collections.defaultdict(Decimal)
    n_lines = 0
    for part in _chunks(ids, 200):
        for ln in x("account.move.line", "search_read", [["move_id", "in", part]], fields=["move_id", "debit", "credit"]):
            balance[ln["move_id"][0]] += Decimal(str(ln["debit"])) - Decimal(str(ln["credit"]))
            n_lines += 1
    main_ids = [int(ledger_id) for _, _, ledger_id in exported]
    att_by_move: collections.Counter[int] = collections.Counter()
    for part in _chunks(main_ids):
        for a in x("ir.attachment", "search_read", [["res_model", "=", "account.move"], ["res_id", "in", part]],
                   fields=["res_id"]):
            att_by_move[a["res_id"]] += 1
    n_moves = n_posted = n_attached = n_expected = 0
    for eid, ref, ledger_id in exported:
        ms = by_ref.get(ref)
        if not ms:
            errors.append(f"{ref} is not in Odoo")
            continue
        n_moves += len(ms)
        first = min(m["id"] for m in ms)
        if str(first) != str(ledger_id):
            errors.append(f"{ref}: the engine recorded move {ledger_id}, Odoo's first move is {first}")
        for m in ms:
            if m["state"] == "posted":
                n_posted += 1
            else:
                errors.append(f"{ref}: move {m['id']} is {m['state']}")
            if balance.get(m["id"], Decimal(1)) != 0:
                errors.append(f"{ref}: move {m['id']} is not balanced (or has no lines)")
        want = min(pleo[eid]["files"], 10) - receipt_problems[eid]
        got = att_by_move.get(int(ledger_id), 0)
        n_expected += want
        n_attached += got
        main = next(m for m in ms if m["id"] == first)
        if got != want:
            errors.append(f"{ref}: {got} receipts attached in Odoo, {want} expected")
        elif want and not main["message_main_attachment_id"]:
            errors.append(f"{ref}: no main attachment")
        if pleo[eid]["status"] != "successful" or str(pleo[eid]["external_id"]) != str(ledger_id):
            errors.append(f"{ref}: Pleo's job item is {pleo[eid]['status']} / {pleo[eid]['external_id']}")
    return {"errors": errors[:20], "error_count": len(errors), "expenses_in_odoo": len(refs & set(by_ref)),
            "moves": n_moves, "posted": n_posted, "lines": n_lines, "receipts_attached": n_attached,
            "receipts_expected": n_expected}


def ensure_analytic(x, company_id: int) -> None:
    """On a real server: the analytic plans and accounts the bench's tags go to (made when missing)."""
    plans = {p["name"]: p["id"] for p in x("account.analytic.plan", "search_read", [], fields=["name"])}
    for plan, names in PLANS.items():
        if plan not in plans:
            plans[plan] = x("account.analytic.plan", "create", {"name": plan})
        have = {a["name"] for a in x("account.analytic.account", "search_read", [["plan_id", "=", plans[plan]]],
                                     fields=["name"])}
        for name in names:
            if name not in have:
                x("account.analytic.account", "create", {"name": name, "plan_id": plans[plan], "company_id": company_id})


def run(version: int, args, server: dict | None = None) -> dict:
    """One export of the month: into the emulator of ``version``, or into ``server`` (a real Odoo)."""
    tmp = Path(tempfile.mkdtemp(prefix=f"pleodesk-bench-odoo{version}-"))
    atexit.register(shutil.rmtree, tmp, True)       # the data folder goes with the run
    os.environ["PLEODESK_HOME"] = str(tmp)
    child = subprocess.Popen([sys.executable, __file__, "--serve", str(version), "--expenses", str(args.expenses),
                              "--seed", str(args.seed)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             cwd=ROOT)

    def ask(cmd: str) -> dict:
        child.stdin.write(cmd + "\n")
        child.stdin.flush()
        line = child.stdout.readline()
        if not line:
            raise SystemExit(f"the sandbox stopped (exit {child.wait()})")
        return json.loads(line)

    try:
        line = child.stdout.readline()
        if not line:
            raise SystemExit(f"the sandbox did not start (exit {child.wait()})")
        sb = json.loads(line)
        assert sb["version"] == version, sb
        target = server or {"url": sb["odoo_url"], "database": sb["database"], "login": "admin",
                            "key": sb["odoo_key"], "company_id": 1}
        where = f"Odoo {version} server {target['url']}" if server else f"Odoo {version} emulator"

        from pleodesk.connections import make_engine
        from pleodesk.providers.odoo import SECRET, OdooProvider
        from pleodesk.sandbox.odoo_emulator import DEMO_CATEGORY_ACCOUNTS, DEMO_TAXES
        from pleodesk.secrets import get_secret
        from pleodesk.connections import ledger_secret_name
        from pleodesk.setup_file import apply_plan, check_plan, plan_from_dict
        from pleodesk.storage import open_store

        # What Odoo holds before, and (a real server) the analytic accounts the tags go to; read and made
        # with a provider of its own, whose calls are not the export's.
        check = OdooProvider(target["url"], target["database"], target["login"], target["key"],
                             company_id=target["company_id"])
        check.rpc.retry_delay = 0.5
        x = check.rpc.execute
        if server:
            ensure_analytic(x, check._cid())

        # Setup, as `pleodesk setup --file` does it: checked, then Configure makes what is missing.
        data = {
            "connection": {"name": f"Bench Odoo {version}", "system": "odoo"},
            "pleo": {"base_url": sb["pleo_url"], "company_id": sb["company_id"], "api_key_env": "PLEO_KEY"},
            "odoo": {"url": target["url"], "database": target["database"], "login": target["login"],
                     "api_key_env": "ODOO_KEY", "company_id": check._cid(), "card_expenses": args.card_expenses,
                     "create_taxes": ["0% excl"], "allow_http": True},
            "categories": dict(DEMO_CATEGORY_ACCOUNTS),
            "taxes": dict(DEMO_TAXES[version]),
            "tag_groups": {"PROJECT": "Projects", "DEPT": "Departments"},
            "tags": TAGS,
            "options": {"post": True, "export_receipts": True},
        }
        plan = plan_from_dict(data, env={"PLEO_KEY": sb["api_key"], "ODOO_KEY": target["key"]}, where="bench")
        problems = check_plan(plan, prepare=True)
        if problems:
            raise SystemExit(f"{where}: the setup does not check out: {problems}")
        store = open_store()
        conn = apply_plan(store, plan)

        # The export, with a provider whose HTTP goes through the counting transport.
        transport = counting_transport()
        settings = dict(conn.settings or {})
        provider = OdooProvider(settings["url"], settings["database"], settings["login"],
                                get_secret(ledger_secret_name(conn.id, SECRET)), company_id=settings.get("company_id"),
                                settings=settings, transport=transport)
        phases: dict[str, float] = {}

        def progress(p) -> None:
            phases.setdefault(p.phase, time.perf_counter())

        before = odoo_state(x)
        mark = ask("mark")["calls"]
        rss_before = _rss_mb()
        engine = make_engine(store, conn, provider=provider, progress=progress)
        profiler = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        cpu0 = os.times()
        t0 = time.perf_counter()
        summary = engine.export_month(MONTH)
        wall = time.perf_counter() - t0
        cpu1 = os.times()
        cpu = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
        if profiler:
            profiler.disable()
        peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rss_after = _rss_mb()
        provider.close()

        emulator = None if server else ask(f"calls {mark}")      # before the checks' own calls
        # What Odoo and Pleo hold.
        exported = [[r.expense_id, r.reference, r.ledger_id] for r in store.records_with_status(conn.id, "exported")]
        run_file = tmp / "run.json"
        run_file.write_text(json.dumps({"exported": exported}))
        pleo = ask(f"pleo {run_file}")
        checked = verify_in_odoo(x, exported, before, pleo,
                                 collections.Counter(eid for eid, _ in summary.receipt_problems))
        check.close()
        counts = store.counts_by_status(conn.id)
        store.close()

        rpc_calls = sum(transport.calls.values())
        failures = []
        if summary.failed_count:
            failures.append(f"{summary.failed_count} failed: {summary.failed[:3]}")
        if summary.exported != len(exported) or summary.exported != checked["expenses_in_odoo"]:
            failures.append(f"the engine says {summary.exported} exported, the store has {len(exported)}, "
                            f"Odoo has {checked['expenses_in_odoo']}")
        if summary.exported < 0.9 * args.expenses:
            failures.append(f"only {summary.exported} of {args.expenses} exported: {summary.message}")
        if checked["error_count"]:
            failures.append(f"{checked['error_count']} differences in Odoo: {checked['errors']}")
        if counts.get("sending"):
            failures.append(f"{counts['sending']} records left 'sending'")
        kw_client = sum(v for k, v in transport.calls.items() if not k.startswith(("common.", "db.", "other")))
        if emulator and kw_client != emulator["execute_kw_total"]:
            failures.append(f"counted {kw_client} execute_kw calls, the emulator saw {emulator['execute_kw_total']}")
        if failures:
            raise SystemExit(f"{where}: the run is broken:\n  " + "\n  ".join(failures))

        per_expense = rpc_calls / max(summary.exported, 1)
        goal = GOALS[args.card_expenses]
        order = ["fetching", "receipts", "validating", "sending", "reporting", "done"]
        seen = [p for p in order if p in phases]
        phase_s = {p: round((phases[seen[i + 1]] if i + 1 < len(seen) else t0 + wall) - phases[p], 2)
                   for i, p in enumerate(seen) if p != "done"}
        http_s = sum(transport.seconds.values())
        out = {
            "target": "server" if server else "emulator", "odoo_version": version, "expenses": args.expenses,
            "card_expenses": args.card_expenses,
            "exported": summary.exported, "held": summary.held_count, "skipped": sum(summary.skipped.values()),
            "failed": summary.failed_count, "moves": checked["moves"], "move_lines": checked["lines"],
            "receipts_attached": checked["receipts_attached"], "receipt_problems": len(summary.receipt_problems),
            "jsonrpc_calls": rpc_calls, "calls_per_expense": round(per_expense, 3), "calls_goal": goal,
            "calls_by_kind": dict(transport.calls.most_common()),
            "seconds_by_kind": {k: round(v, 2) for k, v in transport.seconds.most_common()},
            "mb_sent_to_odoo": round(transport.bytes_sent / 1e6, 1),
            "wall_s": round(wall, 2), "client_cpu_s": round(cpu, 2), "odoo_http_s": round(http_s, 2),
            "phases_s": phase_s,
            "peak_rss_mb": round(peak_rss, 1), "rss_before_export_mb": round(rss_before, 1),
            "rss_after_export_mb": round(rss_after, 1), "sandbox_start_s": sb["start_s"],
            "sandbox_peak_rss_mb": emulator["sandbox_peak_rss_mb"] if emulator else None, "status": summary.status,
        }
        print(f"{where}: {args.expenses} expenses, card expenses as {'journal entries' if args.card_expenses == 'entry' else 'vendor bills'}, exported "
              f"{summary.exported} (held {summary.held_count}, skipped {out['skipped']}, failed 0); in Odoo: "
              f"{checked['moves']} posted moves, {checked['receipts_attached']} receipts "
              f"({len(summary.receipt_problems)} receipt problems)")
        print(f"  JSON-RPC calls {rpc_calls}: {per_expense:.2f} per expense (goal at most {goal}: "
              f"{'met' if per_expense <= goal else 'NOT MET'}); {out['mb_sent_to_odoo']} MB sent, "
              f"{http_s:.1f} s waiting for Odoo")
        for k, v in transport.calls.most_common():
            print(f"    {k:38} {v:6}  {transport.seconds[k]:7.1f} s")
        print(f"  wall {wall:.1f} s, pleodesk's CPU {cpu:.1f} s; phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in phase_s.items()))
        print(f"  peak RSS {peak_rss:.0f} MB (before the export {rss_before:.0f} MB, after {rss_after:.0f} MB)"
              + (f"; sandbox process {emulator['sandbox_peak_rss_mb']:.0f} MB" if emulator else ""))
        if profiler:
            import pstats

            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        print(json.dumps(out))
        if per_expense > goal:
            raise SystemExit(f"{where}: {per_expense:.2f} calls per expense, over the goal of {goal}")
        return out
    finally:
        try:
            child.stdin.write("quit\n")
            child.stdin.flush()
        except (BrokenPipeError, ValueError):
            pass
        try:
            child.wait(30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def real_server() -> dict | None:
    """The real Odoo server named by ODOO_URL, ODOO_DB, ODOO_LOGIN, ODOO_KEY (ODOO_COMPANY_ID), or None."""
    if not os.environ.get("ODOO_URL"):
        return None
    missing = [v for v in ("ODOO_DB", "ODOO_LOGIN", "ODOO_KEY") if not os.environ.get(v)]
    if missing:
        raise SystemExit(f"ODOO_URL is set: set {', '.join(missing)} too")
    company = os.environ.get("ODOO_COMPANY_ID")
    return {"url": os.environ["ODOO_URL"], "database": os.environ["ODOO_DB"], "login": os.environ["ODOO_LOGIN"],
            "key": os.environ["ODOO_KEY"], "company_id": int(company) if company else None}


def server_version(server: dict) -> int:
    from pleodesk.providers.odoo import OdooRpc

    rpc = OdooRpc(server["url"], server["database"], server["login"], server["key"])
    try:
        rpc.ensure_supported()
        return int(rpc.major_version() or 0)
    finally:
        rpc.close()


def main() -> None:
    ap = argparse.ArgumentParser(description="A month of expenses into the Odoo emulator (16 and 17) and, with "
                                             "ODOO_URL/ODOO_DB/ODOO_LOGIN/ODOO_KEY set, into that real server.")
    ap.add_argument("--version", type=int, choices=(16, 17), action="append",
                    help="Odoo version of the emulator (repeatable; default both, or the server's)")
    ap.add_argument("--expenses", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--card-expenses", choices=("entry", "bill"), default="entry",
                    help="card expenses as journal entries (the default, as in examples/odoo.toml) or vendor bills")
    ap.add_argument("--profile", action="store_true", help="profile the export (slower; for finding hot spots)")
    ap.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--target", choices=("emulator", "server"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.serve, args.expenses, args.seed)
        return
    from pleodesk.secrets import use_memory_keyring

    use_memory_keyring()                    # the run's tokens and keys stay in this process
    server = real_server()
    if args.target:                         # one run, in this process
        version = args.version[0]
        run(version, args, server if args.target == "server" else None)
        return
    runs: list[tuple[int, str]] = []
    if server:
        version = server_version(server)
        runs = [(version, "server"), (version, "emulator")]
    else:
        runs = [(v, "emulator") for v in (args.version or [16, 17])]
    # Each run in its own process, so the peak memory of one does not carry over into the other.
    for version, target in runs:
        cmd = [sys.executable, __file__, "--version", str(version), "--target", target, "--expenses",
               str(args.expenses), "--seed", str(args.seed), "--card-expenses", args.card_expenses]
        if args.profile:
            cmd.append("--profile")
        rc = subprocess.call(cmd, cwd=ROOT)
        if rc:
            raise SystemExit(rc)


if __name__ == "__main__":
    main()
