"""QuickBooks Online benchmark: a month of 5,000 Pleo expenses with their receipts, through the export engine
into the QuickBooks emulator, under Intuit's limits with QuickBooks' clock running faster.

Intuit's limits per company are 500 requests in any minute, 40 batch requests in any minute and 10 at
once. With ``--time-scale 2`` (the default) a QuickBooks minute lasts 30 seconds; the provider is told the
same scale, so it paces itself exactly as against QuickBooks. (Faster clocks make pleodesk's own work per
request, about 30 ms with a receipt, the limit instead of Intuit's.) The emulator answers each request after
``--latency`` seconds of QuickBooks time (scaled too).

The floor is the shortest time the limits allow for the requests the run made: request *n* may start only
once the (n - 500)th request of the same minute window has left it, and a batch request once the
(n - 40)th batch has (simulated with instant answers, on the emulator's sliding windows). The figure that
matters is the QuickBooks part's ``wall / floor`` (target <= 1.10): from the first batch to the last receipt,
over the floor for the requests made in it. The engine reads the month from Pleo and downloads every
receipt before it sends anything; that preparation is no QuickBooks request, does not speed up with
QuickBooks' clock and is reported apart, with the whole run's ratio and the ratio projected for a real,
unscaled run (the preparation at the computer's speed plus the QuickBooks part at QuickBooks' own).

At the end the bench checks in the emulator that every exported expense is there once, with its receipts,
and that no request was refused with a 429; any difference stops it.

Prints a table and one JSON line. Run: .venv/bin/python bench/bench_quickbooks.py [--expenses 5000]
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

PER_MINUTE, BATCH_PER_MINUTE = 500, 40


def floor_seconds(batch_flags: list[bool], per_minute: int = PER_MINUTE, batch_per_minute: int = BATCH_PER_MINUTE,
                  minute: float = 60.0) -> float:
    """Earliest start of the last of these requests (seconds on QuickBooks' clock) with instant answers,
    under both sliding windows (every request; batch requests)."""
    starts: list[float] = []
    batch_starts: list[float] = []
    t = 0.0
    for is_batch in batch_flags:
        n = len(starts)
        if n >= per_minute:
            t = max(t, starts[n - per_minute] + minute)
        if is_batch and len(batch_starts) >= batch_per_minute:
            t = max(t, batch_starts[len(batch_starts) - batch_per_minute] + minute)
        starts.append(t)
        if is_batch:
            batch_starts.append(t)
    return starts[-1] if starts else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--expenses", type=int, default=5000)
    ap.add_argument("--time-scale", type=float, default=2.0, help="QuickBooks' clock runs this many times faster")
    ap.add_argument("--latency", type=float, default=0.02, help="QuickBooks' answer time, in QuickBooks seconds")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    month = "2026-08"
    tmp = Path(tempfile.mkdtemp(prefix="pleodesk-bench-qbo-"))
    atexit.register(shutil.rmtree, tmp, True)       # the data folder goes with the run
    os.environ["PLEODESK_HOME"] = str(tmp)
    from pleodesk.secrets import use_memory_keyring

    use_memory_keyring()                    # the run's tokens and keys stay in this process

    import socket

    from pleodesk.connections import make_engine
    from pleodesk.demo import sandbox_browser
    from pleodesk.providers.quickbooks import create_provider, sandbox_settings, wire
    from pleodesk.providers.quickbooks.auth import QboConnector, token_store
    from pleodesk.sandbox.qbo_emulator import FR_REALM, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, QboState, mount_qbo
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox
    from pleodesk.setup_file import apply_plan, check_plan, plan_from_dict
    from pleodesk.storage import open_store

    scale = args.time_scale
    os.environ["PLEODESK_QBO_CLIENT_ID"] = SANDBOX_CLIENT_ID
    os.environ["PLEODESK_QBO_CLIENT_SECRET"] = SANDBOX_CLIENT_SECRET
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    os.environ["PLEODESK_QBO_REDIRECT_URI"] = f"http://localhost:{port}/callback"
    sb = start_sandbox(SandboxConfig(months=[month], expenses_per_month=args.expenses, seed=args.seed,
                                     country="FR"))
    qbo = mount_qbo(sb, QboState(time_scale=scale, latency=args.latency))
    qbo.clients[SANDBOX_CLIENT_ID].redirect_uris.add(f"http://localhost:{port}/callback")
    try:
        settings = {**sandbox_settings(sb.url), "rate_limits": {"time_scale": scale}}
        QboConnector(settings, ports=[port], open_browser=sandbox_browser()).connect("wizard", timeout=30)
        refresh_token = token_store("wizard", settings).load().refresh_token
        categories = {c: c for c in ("625100", "625110", "625700", "651100", "606400", "623000", "626000", "618500",
                                     "625120", "625600", "627000", "758000", "580000", "530000")}
        data = {
            "connection": {"name": "Bench QuickBooks", "system": "quickbooks"},
            "pleo": {"base_url": sb.pleo_url, "company_id": sb.company_id, "api_key_env": "PLEO_KEY"},
            "quickbooks": {"sandbox_url": sb.url, "realm_id": FR_REALM, "wallet_currency": "EUR",
                           "refresh_token_env": "QBO_REFRESH", "pocket": True, "rate_limits": {"time_scale": scale}},
            "accounts": {"wallet": "512", "out_of_pocket": "5121", "external_reimbursement": "512000",
                         "payable": "401000", "default_account": "471000"},
            "categories": categories,
            "taxes": {"20%": "TVA 20 %", "10%": "TVA 10 %", "5.5%": "TVA 5,5 %", "2.1%": "TVA 2,1 %",
                      "0%": "Exonéré", "AI20": "Autoliquidation UE 20 %"},
            "tag_groups": {"DEPT": "Class", "PROJECT": "Project"},
            "tags": {"DEPT": {"SALES": "Ventes", "ENG": "Technique", "OPS": "Opérations", "MKT": "Marketing"},
                     "PROJECT": {"P-ATLAS": "Atlas rollout", "P-BOREAS": "Boreas migration", "P-CERES": "Ceres pilot",
                                 "P-DELTA": "Delta partnership", "P-EOS": "Eos rebrand",
                                 "P-FENIX": "Fenix internal tools"}},
            "options": {"post": True, "export_receipts": True},
        }
        plan = plan_from_dict(data, env={"PLEO_KEY": sb.api_key, "QBO_REFRESH": refresh_token}, where="bench")
        problems = check_plan(plan, prepare=True)
        if problems:
            raise SystemExit("setup: " + "; ".join(problems))
        store = open_store()
        conn = apply_plan(store, plan)

        company = qbo.demo
        start_requests = len(qbo.requests)
        provider = create_provider(conn)
        engine = make_engine(store, conn, provider=provider)
        t0 = time.perf_counter()
        t0_mono = time.monotonic()
        summary = engine.export_month(month)
        wall = time.perf_counter() - t0

        mine = qbo.requests[start_requests:]
        ops = collections.Counter()
        for method, path, status, _ in mine:
            ops[f"{method} {path.split('?')[0].rsplit('/', 1)[-1] if '/v3/company/' in path else path}"] += 1
        flags = [path.rstrip("/").endswith("/batch") for _m, path, _s, _t in mine]
        floor = floor_seconds(flags) / scale
        first_call = (mine[0][3] - t0_mono) if mine else 0.0
        active = (mine[-1][3] - mine[0][3]) if mine else 0.0
        batches = [t for (_m, path, _s, t), f in zip(mine, flags) if f]
        first_send = (batches[0] - t0_mono) if batches else 0.0
        # The QuickBooks part: from the first batch (after pleodesk read Pleo and downloaded the receipts, which
        # no QuickBooks limit governs) to the last request; its own floor (the windows are empty by then).
        sent_from = next((i for i, f in enumerate(flags) if f), len(flags))
        sending = (mine[-1][3] - batches[0]) if batches else 0.0
        send_floor = floor_seconds(flags[sent_from:]) / scale

        # The end state: every exported expense once, with its receipts; no 429.
        books: dict[str, str] = {}
        for kind in ("Purchase", "Deposit", "Transfer", "Bill", "VendorCredit"):
            for t in company.entities[kind].values():
                if t["DocNumber"] in books:
                    raise SystemExit(f"booked twice: {t['DocNumber']}")
                books[t["DocNumber"]] = t["Id"]
        exported = store.records_with_status(conn.id, "exported")
        if len(books) != len(exported) or any(wire.doc_number(r.reference) not in books for r in exported):
            raise SystemExit(f"{len(exported)} exported, {len(books)} in QuickBooks")
        attached = collections.Counter(a["AttachableRef"][0]["EntityRef"]["value"]
                                       for a in company.entities["Attachable"].values())
        owed = sum(1 for r in exported if r.receipts_status in ("pending", "failed"))
        if owed:
            raise SystemExit(f"{owed} exported expenses still owe receipts")
        if sum(company.refused_429.values()):
            raise SystemExit(f"refused with 429: {dict(company.refused_429)}")
        receipts = sum(attached.values())
        out = {
            "expenses": args.expenses, "exported": summary.exported, "failed": summary.failed_count,
            "held": summary.held_count, "receipts_attached": receipts, "receipt_problems": len(summary.receipt_problems),
            "receipts_owed": owed, "requests": len(mine), "batch_requests": sum(flags),
            "requests_by_operation": dict(ops.most_common()), "refused_429": dict(company.refused_429),
            "time_scale": scale, "latency_qbo_s": args.latency,
            "wall_s": round(wall, 2), "floor_s": round(floor, 2), "ratio": round(wall / floor, 3) if floor else None,
            "first_qbo_call_s": round(first_call, 2), "first_send_s": round(first_send, 2),
            "sending_s": round(sending, 2), "sending_floor_s": round(send_floor, 2),
            "sending_ratio": round(sending / send_floor, 3) if send_floor else None, "qbo_active_s": round(active, 2),
            "active_ratio": round(active / floor, 3) if floor else None,
            # pleodesk's own preparation (Pleo data, receipt downloads) runs at the computer's speed, not
            # QuickBooks': at real scale it is seconds against QuickBooks' minutes.
            "projected_real_ratio": round((first_send + sending * scale) / (floor * scale), 3) if floor else None,
            "status": summary.status, "message": summary.message,
        }
        print(f"expenses {args.expenses}: exported {summary.exported}, failed {summary.failed_count}, held "
              f"{summary.held_count}, receipts attached {receipts} ({len(summary.receipt_problems)} problems)")
        print(f"QuickBooks requests {len(mine)} ({sum(flags)} batches), 429s {sum(company.refused_429.values())}")
        for k, v in ops.most_common():
            print(f"  {k:32} {v}")
        if not floor:
            print("fewer requests than a minute's worth: no floor (use more expenses)")
            floor = float("nan")
        print(f"wall {wall:.1f} s, floor {floor:.1f} s, ratio {wall / floor:.3f}  (QuickBooks time: "
              f"{wall * scale / 60:.1f} min vs {floor * scale / 60:.1f} min)")
        print(f"first QuickBooks request after {first_call:.1f} s, first batch after {first_send:.1f} s (Pleo data "
              f"and receipt downloads before)")
        print(f"the QuickBooks part: {sending:.1f} s, floor {send_floor:.1f} s, ratio "
              f"{sending / send_floor if send_floor else 0:.3f}")
        print(f"projected for a real run (local work at real speed): "
              f"{(first_send + sending * scale) / (floor * scale):.3f} x floor")
        print(json.dumps(out))
        store.close()
    finally:
        sb.stop()


if __name__ == "__main__":
    main()
