"""Odoo benchmark: a month of 5,000 Pleo expenses with their receipts, through the export engine into
the Odoo emulator (Odoo 16 and 17).

The sandbox (Pleo and the Odoo emulator) runs in a child process, so time and memory are the
client's: the connection is set up the way a setup file does it (accounts and journals from
``ensure_setup``, the mappings saved), then ``make_engine(...).export_month(month)`` exports the month
over real HTTP, receipts on. Every JSON-RPC call pleodesk sends to Odoo is counted on the way out
(an httpx transport around the provider's client) and checked against the emulator's own count of
``execute_kw`` calls.

At the end the child checks what Odoo holds: one posted, balanced move (or set of moves) per exported
expense and nothing else, the receipts attached to the main move, and Pleo's job items reported as
exported with Odoo's id. Any difference stops the bench with an error, so it cannot print the numbers
of a broken run.

Prints a table per version and one JSON line each.
Run: .venv/bin/python bench/bench_odoo.py [--version 16|17] [--expenses 5000] [--profile]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MONTH = "2026-08"
CATEGORIES = ["1000", "1150", "4000", "4010", "4100", "4200", "4300", "4400", "4500", "4600", "4700", "4710",
              "4800", "8900"]
TAGS = {"PROJECT": {"P-ATLAS": "Project Alpha", "P-BOREAS": "Project Beta", "P-CERES": "Project Alpha",
                    "P-DELTA": "Project Beta", "P-EOS": "Project Alpha", "P-FENIX": "Project Beta"},
        "DEPT": {"SALES": "Sales", "ENG": "R&D", "OPS": "Operations", "MKT": "Sales"}}


def _rss_mb(pid: str = "self") -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# ============================================================================ the sandbox (child) ====
def serve(version: int, expenses: int, seed: int) -> None:
    """Child process: serve the sandbox; answer ``calls``, ``verify <file>`` and ``quit`` on stdin."""
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
            if cmd == "mark":                       # before the export: what Odoo already holds
                with odoo.lock:
                    say({"calls": len(odoo.calls), "moves": sorted(odoo.records["account.move"])})
            elif cmd == "verify":
                say(_verify(sb, json.loads(Path(arg).read_text())))
            elif cmd == "quit":
                break
    finally:
        sb.stop()


def _verify(sb, run: dict) -> dict:
    """What Odoo and Pleo hold after the run, against what the engine says it exported."""
    odoo = sb.odoo
    errors: list[str] = []
    exported = run["exported"]                      # [[expense id, reference, ledger id], ...]
    problems = collections.Counter(run["receipt_problem_ids"])
    before = set(run["moves_before"])
    with odoo.lock:
        calls = collections.Counter(f"{m}.{meth}" for m, meth in odoo.calls[run["calls_before"]:])
        moves = dict(odoo.records["account.move"])
        lines_by_move: dict[int, list[dict]] = collections.defaultdict(list)
        for ln in odoo.records["account.move.line"].values():
            lines_by_move[ln["move_id"]].append(ln)
        att_by_move: dict[int, int] = collections.Counter(
            a["res_id"] for a in odoo.records["ir.attachment"].values() if a["res_model"] == "account.move")
        by_ref: dict[str, list[dict]] = collections.defaultdict(list)
        for m in moves.values():
            if m["id"] not in before:
                by_ref[m.get("ref") or ""].append(m)
        refs = {ref for _, ref, _ in exported}
        if len(refs) != len(exported):
            errors.append(f"{len(exported)} exported records but {len(refs)} distinct references")
        extra = set(by_ref) - refs
        if extra:
            errors.append(f"{len(extra)} references in Odoo that the run did not export, e.g. {sorted(extra)[:3]}")
        n_moves = n_posted = n_attached = n_expected_att = n_lines = 0
        for eid, ref, ledger_id in exported:
            ms = by_ref.get(ref)
            if not ms:
                errors.append(f"{ref} is not in Odoo")
                continue
            n_moves += len(ms)
            if str(min(m["id"] for m in ms)) != str(ledger_id):
                errors.append(f"{ref}: the engine recorded move {ledger_id}, Odoo's first move is "
                              f"{min(m['id'] for m in ms)}")
            for m in ms:
                if m["state"] == "posted":
                    n_posted += 1
                else:
                    errors.append(f"{ref}: move {m['id']} is {m['state']}")
                lns = lines_by_move[m["id"]]
                n_lines += len(lns)
                if not lns or round(sum(ln["debit"] - ln["credit"] for ln in lns), 2) != 0:
                    errors.append(f"{ref}: move {m['id']} is not balanced")
            files = sb.pleo.export_item(eid).get("files") or []
            want = min(len(files), 10) - problems[eid]
            got = att_by_move.get(int(ledger_id), 0)
            n_expected_att += want
            n_attached += got
            if got != want:
                errors.append(f"{ref}: {got} receipts attached in Odoo, {want} expected")
            elif want and not moves[int(ledger_id)].get("message_main_attachment_id"):
                errors.append(f"{ref}: no main attachment")
    job = sb.pleo.jobs[-1]
    items = {i["accountingEntryId"]: i for i in sb.pleo.job_items(job["id"])}
    for eid, ref, ledger_id in exported:
        it = items.get(eid)
        if not it or it.get("status") != "successful" or str(it.get("externalId")) != str(ledger_id):
            errors.append(f"{ref}: Pleo's job item is {it and it.get('status')} / {it and it.get('externalId')}")
    return {"errors": errors[:20], "error_count": len(errors), "expenses_in_odoo": len(refs & set(by_ref)),
            "moves": n_moves, "posted": n_posted, "lines": n_lines, "receipts_attached": n_attached,
            "receipts_expected": n_expected_att, "execute_kw": dict(calls.most_common()),
            "execute_kw_total": sum(calls.values()),
            "sandbox_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


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

        def reset(self) -> None:
            with self.lock:
                self.calls.clear()
                self.seconds.clear()
                self.bytes_sent = 0

    return Counting()


def run_version(version: int, args) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix=f"pleodesk-bench-odoo{version}-"))
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

        from pleodesk.connections import ledger_secret_name, make_engine, pleo_secret_name
        from pleodesk.providers.odoo import OdooProvider
        from pleodesk.secrets import set_secret
        from pleodesk.setup_file import check_plan, plan_from_dict
        from pleodesk.storage import open_store

        # Setup, as `pleodesk setup --file` does it: Configure, then the connection and its mappings.
        configure = OdooProvider(sb["odoo_url"], sb["database"], "admin", sb["odoo_key"], company_id=1)
        accounts = configure.ensure_setup({})["accounts"]
        configure.close()
        data = {
            "connection": {"name": f"Bench Odoo {version}", "system": "odoo"},
            "pleo": {"base_url": sb["pleo_url"], "company_id": sb["company_id"], "api_key_env": "PLEO_KEY"},
            "odoo": {"url": sb["odoo_url"], "database": sb["database"], "login": "admin", "api_key_env": "ODOO_KEY",
                     "company_id": 1, "card_expenses": args.card_expenses},
            "accounts": dict(accounts),
            "categories": {c: c for c in CATEGORIES},
            "taxes": {"21%": "21.0-percent-incl", "9%": "9.0-percent-incl", "0%": "0.0-percent-excl",
                      "RC21": "21.0-percent-excl-reverse"},
            "tag_groups": {"PROJECT": "Projects", "DEPT": "Departments"},
            "tags": TAGS,
            "options": {"post": True, "export_receipts": True},
        }
        plan = plan_from_dict(data, env={"PLEO_KEY": sb["api_key"], "ODOO_KEY": sb["odoo_key"]}, where="bench")
        problems = check_plan(plan)
        if problems:
            raise SystemExit(f"the setup does not check out: {problems}")
        store = open_store()
        conn = store.add_connection(plan.name, plan.system, settings=plan.settings,
                                    pleo_company_id=plan.pleo_company_id, pleo_base_url=plan.pleo_base_url)
        set_secret(pleo_secret_name(conn.id), plan.pleo_api_key)
        for what, value in plan.ledger_secrets.items():
            set_secret(ledger_secret_name(conn.id, what), value)
        store.save_mappings(conn.id, plan.mappings)
        store.set_connection_state(conn.id, "connected")
        conn = store.get_connection(conn.id)

        # The export, with a provider whose HTTP goes through the counting transport.
        transport = counting_transport()
        settings = dict(conn.settings or {})
        from pleodesk.secrets import get_secret
        from pleodesk.providers.odoo import SECRET

        provider = OdooProvider(settings["url"], settings["database"], settings["login"],
                                get_secret(ledger_secret_name(conn.id, SECRET)), company_id=settings.get("company_id"),
                                settings=settings, transport=transport)
        phases: dict[str, float] = {}

        def progress(p) -> None:
            phases.setdefault(p.phase, time.perf_counter())

        mark = ask("mark")
        calls_before, moves_before = mark["calls"], mark["moves"]
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

        # What Odoo holds, checked in the sandbox process.
        exported = [[r.expense_id, r.reference, r.ledger_id] for r in store.records_with_status(conn.id, "exported")]
        run_file = tmp / "run.json"
        run_file.write_text(json.dumps({"exported": exported, "calls_before": calls_before,
                                        "moves_before": moves_before,
                                        "receipt_problem_ids": [eid for eid, _ in summary.receipt_problems]}))
        check = ask(f"verify {run_file}")
        counts = store.counts_by_status(conn.id)
        store.close()

        rpc_calls = sum(transport.calls.values())
        failures = []
        if summary.failed_count:
            failures.append(f"{summary.failed_count} failed: {summary.failed[:3]}")
        if summary.exported != len(exported) or summary.exported != check["expenses_in_odoo"]:
            failures.append(f"the engine says {summary.exported} exported, the store has {len(exported)}, "
                            f"Odoo has {check['expenses_in_odoo']}")
        if summary.exported < 0.9 * args.expenses:
            failures.append(f"only {summary.exported} of {args.expenses} exported: {summary.message}")
        if check["error_count"]:
            failures.append(f"{check['error_count']} differences in Odoo: {check['errors']}")
        if counts.get("sending"):
            failures.append(f"{counts['sending']} records left 'sending'")
        kw_client = sum(v for k, v in transport.calls.items() if not k.startswith(("common.", "db.", "other")))
        if kw_client != check["execute_kw_total"]:
            failures.append(f"counted {kw_client} execute_kw calls, the emulator saw {check['execute_kw_total']}")
        if failures:
            raise SystemExit(f"Odoo {version}: the run is broken:\n  " + "\n  ".join(failures))

        order = ["fetching", "receipts", "validating", "sending", "reporting", "done"]
        seen = [p for p in order if p in phases]
        phase_s = {p: round((phases[seen[i + 1]] if i + 1 < len(seen) else t0 + wall) - phases[p], 2)
                   for i, p in enumerate(seen) if p != "done"}
        http_s = sum(transport.seconds.values())
        out = {
            "odoo_version": version, "expenses": args.expenses, "card_expenses": args.card_expenses,
            "exported": summary.exported, "held": summary.held_count, "skipped": sum(summary.skipped.values()),
            "failed": summary.failed_count, "moves": check["moves"], "move_lines": check["lines"],
            "receipts_attached": check["receipts_attached"], "receipt_problems": len(summary.receipt_problems),
            "jsonrpc_calls": rpc_calls, "calls_by_kind": dict(transport.calls.most_common()),
            "seconds_by_kind": {k: round(v, 2) for k, v in transport.seconds.most_common()},
            "mb_sent_to_odoo": round(transport.bytes_sent / 1e6, 1),
            "wall_s": round(wall, 2), "client_cpu_s": round(cpu, 2), "odoo_http_s": round(http_s, 2),
            "phases_s": phase_s,
            "peak_rss_mb": round(peak_rss, 1), "rss_before_export_mb": round(rss_before, 1),
            "rss_after_export_mb": round(rss_after, 1), "sandbox_start_s": sb["start_s"],
            "sandbox_peak_rss_mb": check["sandbox_peak_rss_mb"], "status": summary.status,
        }
        print(f"Odoo {version}: {args.expenses} expenses, exported {summary.exported} (held {summary.held_count}, "
              f"skipped {out['skipped']}, failed 0); in Odoo: {check['moves']} posted moves, "
              f"{check['receipts_attached']} receipts ({len(summary.receipt_problems)} receipt problems)")
        print(f"  JSON-RPC calls {rpc_calls} ({out['mb_sent_to_odoo']} MB sent), "
              f"{http_s:.1f} s waiting for Odoo (summed over threads)")
        for k, v in transport.calls.most_common():
            print(f"    {k:38} {v:6}  {transport.seconds[k]:7.1f} s")
        print(f"  wall {wall:.1f} s, pleodesk's CPU {cpu:.1f} s; phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in phase_s.items()))
        print(f"  peak RSS {peak_rss:.0f} MB (before the export {rss_before:.0f} MB, after {rss_after:.0f} MB); "
              f"sandbox process {check['sandbox_peak_rss_mb']:.0f} MB")
        if profiler:
            import pstats

            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        print(json.dumps(out))
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--version", type=int, choices=(16, 17), action="append",
                    help="Odoo version (repeatable; default both)")
    ap.add_argument("--expenses", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--card-expenses", choices=("entry", "bill"), default="entry",
                    help="card expenses as journal entries (the default, as in examples/odoo.toml) or vendor bills")
    ap.add_argument("--profile", action="store_true", help="profile the export (slower; for finding hot spots)")
    ap.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.serve, args.expenses, args.seed)
        return
    from pleodesk.secrets import use_memory_keyring

    use_memory_keyring()                    # the run's tokens and keys stay in this process
    for version in args.version or [16, 17]:
        # Each version in its own process, so the peak memory of one does not carry over into the other.
        if len(args.version or [16, 17]) > 1:
            cmd = [sys.executable, __file__, "--version", str(version), "--expenses", str(args.expenses),
                   "--seed", str(args.seed), "--card-expenses", args.card_expenses]
            if args.profile:
                cmd.append("--profile")
            rc = subprocess.call(cmd, cwd=ROOT)
            if rc:
                raise SystemExit(rc)
            continue
        run_version(version, args)


if __name__ == "__main__":
    main()
