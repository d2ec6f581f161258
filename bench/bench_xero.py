"""Xero benchmark: a month of 5,000 Pleo expenses with their receipts, through the export engine into the
Xero emulator, under Xero's real limits with its clock running faster.

Xero's limits per organisation are 60 calls in any minute, 5 at once and 5,000 a day. With
``--time-scale 20`` (the default) a Xero minute lasts three seconds (a day 72 minutes); the provider is
told the same scale, so it paces itself exactly as it would against Xero. The emulator answers each
call after ``--latency`` seconds of Xero time (scaled too).

pleodesk's own work (reading the month from Pleo, downloading receipts, SQLite) does not speed up with
Xero's clock, so the faster the clock, the more it weighs: the run also reports the ratio projected
for a real run, where that work takes seconds against Xero's minutes.

The floor is the shortest time the limits allow for the calls the run made: call *n* may start
only once the (n - 60)th call of the same minute window has left it, and at most 5,000 in a day
(computed by simulating the emulator's own sliding windows with instant answers). The figure that
matters is ``wall / floor``: how close pacing comes to the limits (target <= 1.15).

Prints a table and one JSON line. Run: .venv/bin/python bench/bench_xero.py [--expenses 5000]
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


def floor_seconds(n: int, per_minute: int = 60, per_day: int = 5000, minute: float = 60.0,
                  day: float = 86400.0) -> float:
    """Earliest finish (seconds on Xero's clock) of n instant calls under both sliding windows."""
    starts: list[float] = []
    t = 0.0
    for i in range(n):
        if i >= per_minute:
            t = max(t, starts[i - per_minute] + minute)
        if i >= per_day:
            t = max(t, starts[i - per_day] + day)
        starts.append(t)
    return starts[-1] if starts else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--expenses", type=int, default=5000)
    ap.add_argument("--time-scale", type=float, default=20.0, help="Xero's clock runs this many times faster")
    ap.add_argument("--latency", type=float, default=0.3, help="Xero's answer time, in Xero seconds")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    month = "2026-08"
    tmp = Path(tempfile.mkdtemp(prefix="pleodesk-bench-xero-"))
    atexit.register(shutil.rmtree, tmp, True)       # the data folder goes with the run
    os.environ["PLEODESK_HOME"] = str(tmp)
    from pleodesk.secrets import use_memory_keyring

    use_memory_keyring()                    # the run's tokens and keys stay in this process


    from pleodesk.connections import ledger_secret_name, make_engine, pleo_secret_name
    from pleodesk.demo import sandbox_browser
    from pleodesk.providers.xero import create_provider, sandbox_settings
    from pleodesk.providers.xero.auth import XeroConnector, token_store
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox
    from pleodesk.sandbox.xero_emulator import SANDBOX_CLIENT_ID, XeroState, mount_xero
    from pleodesk.secrets import set_secret
    from pleodesk.setup_file import plan_from_dict
    from pleodesk.storage import open_store

    scale = args.time_scale
    sb = start_sandbox(SandboxConfig(months=[month], expenses_per_month=args.expenses, seed=args.seed))
    xero = mount_xero(sb, XeroState(time_scale=scale, latency=args.latency))
    try:
        # Sign in (the wizard's browser step, with a browser that just follows the redirects).
        import socket

        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        # The connector signs in with http://localhost:<port>/callback (Xero matches redirect URIs exactly).
        xero.clients[SANDBOX_CLIENT_ID].redirect_uris |= {f"http://{h}:{port}/callback"
                                                          for h in ("127.0.0.1", "localhost")}
        browser = sandbox_browser()

        settings = {**sandbox_settings(sb.url), "client_id": SANDBOX_CLIENT_ID, "wallet_currency": "EUR",
                    "rate_limits": {"time_scale": scale}}
        settings.update(XeroConnector(settings, ports=[port], open_browser=browser).connect("wizard", timeout=30))
        from types import SimpleNamespace

        wizard = create_provider(SimpleNamespace(id="wizard", name="w", settings=settings))
        accounts = wizard.ensure_setup({"wallet_currency": "EUR"})
        wizard.close()
        refresh_token = token_store("wizard", settings).load().refresh_token

        data = {
            "connection": {"name": "Bench Xero", "system": "xero"},
            "pleo": {"base_url": sb.pleo_url, "company_id": sb.company_id, "api_key_env": "PLEO_KEY"},
            "xero": {"sandbox_url": sb.url, "client_id": SANDBOX_CLIENT_ID, "tenant_id": settings["tenant_id"],
                     "wallet_currency": "EUR", "refresh_token_env": "XERO_REFRESH",
                     "bank_account_code": accounts["bank_account_code"], "rate_limits": {"time_scale": scale}},
            "accounts": {"wallet": "PLEOBANK", "out_of_pocket": "PLEOPOCKET", "external_reimbursement": "090",
                         "payable": "1600", "default_account": "PLEO"},
            "categories": {**{c: c for c in ("4000", "4010", "4100", "4200", "4300", "4400", "4500", "4600", "4700",
                                             "4710", "4800", "8900")}, "1150": "090", "1000": "1010"},
            "taxes": {"21%": "TAX001", "9%": "TAX002", "0%": "NONE", "RC21": "TAX003"},
            "tag_groups": {"PROJECT": "Project", "DEPT": "Department"},
            "tags": {"PROJECT": {"P-ATLAS": "Atlas rollout", "P-BOREAS": "Boreas migration",
                                 "P-CERES": "Ceres pilot", "P-DELTA": "Delta partnership", "P-EOS": "Eos rebrand",
                                 "P-FENIX": "Fenix internal tools"},
                     "DEPT": {"SALES": "Sales", "ENG": "Engineering", "OPS": "Operations", "MKT": "Marketing"}},
            "options": {"post": True, "export_receipts": True},
        }
        plan = plan_from_dict(data, env={"PLEO_KEY": sb.api_key, "XERO_REFRESH": refresh_token}, where="bench")
        store = open_store()
        conn = store.add_connection(plan.name, plan.system, settings=plan.settings,
                                    pleo_company_id=plan.pleo_company_id, pleo_base_url=plan.pleo_base_url)
        set_secret(pleo_secret_name(conn.id), plan.pleo_api_key)
        for what, value in plan.ledger_secrets.items():
            set_secret(ledger_secret_name(conn.id, what), value)
        store.save_mappings(conn.id, plan.mappings)
        conn = store.get_connection(conn.id)

        org = xero.demo
        calls_before = org.calls
        start_requests = len(xero.requests)
        provider = create_provider(conn)
        engine = make_engine(store, conn, provider=provider)
        t0 = time.perf_counter()
        t0_mono = time.monotonic()
        runs = []
        summary = engine.export_month(month)
        runs.append(summary)
        wall = time.perf_counter() - t0
        calls = org.calls - calls_before

        ops = collections.Counter()
        mine = xero.requests[start_requests:]
        for method, path, status, _ in mine:
            if "/Attachments/" in path:
                key = f"{method} attachments"
            else:
                key = f"{method} {path.split('?')[0].rsplit('/', 1)[-1]}"
            ops[key] += 1
        floor = floor_seconds(calls) / scale
        first_call = mine[0][3] - t0_mono if mine else 0.0
        sending = [r[3] for r in mine if r[1].endswith(("/BankTransactions", "/BankTransfers", "/Invoices",
                                                                  "/CreditNotes"))]
        first_send = (sending[0] - t0_mono) if sending else 0.0
        active = (mine[-1][3] - mine[0][3]) if mine else 0.0
        receipts = sum(len(v) for v in org.attachments.values())
        out = {
            "expenses": args.expenses, "exported": summary.exported, "failed": summary.failed_count,
            "held": summary.held_count, "skipped": sum(summary.skipped.values()),
            "receipts_attached": receipts, "receipt_problems": len(summary.receipt_problems),
            "xero_calls": calls, "calls_by_operation": dict(ops.most_common()),
            "refused_429": dict(org.refused_429), "time_scale": scale, "latency_xero_s": args.latency,
            "wall_s": round(wall, 2), "floor_s": round(floor, 2), "ratio": round(wall / floor, 3) if floor else None,
            "wall_in_xero_time_min": round(wall * scale / 60, 1), "floor_in_xero_time_min": round(floor * scale / 60, 1),
            "first_xero_call_s": round(first_call, 2), "first_send_s": round(first_send, 2),
            "xero_active_s": round(active, 2), "active_ratio": round(active / floor, 3) if floor else None,
            # pleodesk's own preparation (Pleo data, receipt downloads) runs at the computer's speed, not
            # Xero's: at real scale it is seconds, not minutes. Projected real run: prep + the rest scaled.
            "projected_real_ratio": round((first_send + (wall - first_send) * scale) / (floor * scale), 3)
            if floor else None,
            "status": summary.status, "message": summary.message,
        }
        print(f"expenses {args.expenses}: exported {summary.exported}, failed {summary.failed_count}, "
              f"held {summary.held_count}, receipts attached {receipts} ({len(summary.receipt_problems)} problems)")
        print(f"Xero calls {calls}  429s {sum(org.refused_429.values())}")
        for k, v in ops.most_common():
            print(f"  {k:32} {v}")
        print(f"wall {wall:.1f} s, floor {floor:.1f} s, ratio {wall / floor:.3f}  "
              f"(Xero time: {wall * scale / 60:.1f} min vs {floor * scale / 60:.1f} min)")
        print(f"first Xero call after {first_call:.1f} s, first send after {first_send:.1f} s (Pleo data and "
              f"receipt downloads before); Xero busy {active:.1f} s = {active / floor:.3f} x floor")
        print(f"projected for a real run (local work at real speed): "
              f"{(first_send + (wall - first_send) * scale) / (floor * scale):.3f} x floor")
        print(json.dumps(out))
        store.close()
    finally:
        sb.stop()


if __name__ == "__main__":
    main()
