"""Regenerate ``0003_expense_list_retention.sqlite3``: a database as schema revision 0003_expense_list_retention left it.

    .venv/bin/python tests/data/schema/make_fixture_0003_expense_list_retention.py

The 0001 data (``make_fixture.build``) migrated to 0003 (which fills the Expenses list columns from
the raw JSON), then what 0003 added, in plain SQL: an expense whose Pleo data and receipt retention
removed, an expense exported by both connections, and a receipt the ledger has and pleodesk removed.
``0003_expense_list_retention.expected.json`` says what ``tests/storage/test_migrations.py`` must read back.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[2]))

from alembic import command  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

import make_fixture  # noqa: E402
from make_fixture import item, ts  # noqa: E402
from pleodesk.storage.db import alembic_config  # noqa: E402

REVISION = "0003_expense_list_retention"

PRUNED = item("ae-0901", "card_purchase", "2025-02-03T10:00:00", 45_000, "SAS", ("acc-travel", "Travel", "6100"))
SHARED = item("ae-1006", "card_purchase", "2026-03-20T14:30:00", 9_900, "Netto", ("acc-meals", "Meals", "6200"))


def build(db: Path) -> dict:
    expected = make_fixture.build(db)
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), REVISION)
    engine.dispose()

    raw = sqlite3.connect(db)
    x = raw.execute
    # Pleo's data of an expense exported long ago, removed by retention: the list columns stay.
    x("""INSERT INTO pleo_items (id, company_id, kind, booked_at, currency, amount_minor, raw, fetched_at, job_id,
         day, supplier, employee, category, receipt_count, note, pruned_at)
         VALUES ('ae-0901', 'cmp-nordlys', 'card_purchase', ?, 'DKK', 45000, '', ?, 'job-2025-02', '2025-02-03',
         'SAS', 'Freja Holm', 'Travel', 1, NULL, ?)""",
      (ts("2025-02-03T10:00:00"), ts("2025-02-15T06:00:00"), ts("2026-03-15T07:00:00")))
    x("""INSERT INTO receipts (expense_id, position, url, mime, size, local_path, sha256, status, error, updated_at)
         VALUES ('ae-0901', 0, 'https://files.pleo.example/ae-0901/0', 'image/jpeg', 180000, NULL, ?, 'pruned', NULL, ?)""",
      ("4a" * 32, ts("2026-03-15T07:00:00")))
    x("""INSERT INTO export_records (connection_id, expense_id, status, reference, idempotency_key, ledger_id,
         ledger_url, attempts, error_title, error_detail, error_fix, reason_type, job_id, receipts_status,
         pleo_reported, exported_at, updated_at)
         VALUES (1, 'ae-0901', 'exported', 'PLEO-ae-0901', 'idem-ae-0901', 'BNK1/2025/0031', NULL, 1, NULL, NULL,
         NULL, NULL, 'job-2025-02', 'done', 1, ?, ?)""", (ts("2025-02-15T06:02:00"), ts("2025-02-15T06:02:00")))
    # An expense both connections have (its data goes only with the last of them).
    x("""INSERT INTO pleo_items (id, company_id, kind, booked_at, currency, amount_minor, raw, fetched_at, job_id,
         day, supplier, employee, category, receipt_count, note, pruned_at)
         VALUES ('ae-1006', 'cmp-nordlys', 'card_purchase', ?, 'DKK', 9900, ?, ?, 'job-2026-03b', '2026-03-20',
         'Netto', 'Freja Holm', 'Meals', 1, NULL, NULL)""",
      (ts("2026-03-20T14:30:00"), json.dumps(SHARED, separators=(",", ":")), ts("2026-03-21T06:00:00")))
    for conn_id, ledger_id in ((1, "BNK1/2026/0008"), (2, "PLEO-ae-1006")):
        x("""INSERT INTO export_records (connection_id, expense_id, status, reference, idempotency_key, ledger_id,
             ledger_url, attempts, error_title, error_detail, error_fix, reason_type, job_id, receipts_status,
             pleo_reported, exported_at, updated_at)
             VALUES (?, 'ae-1006', 'exported', 'PLEO-ae-1006', 'idem-ae-1006', ?, NULL, 1, NULL, NULL, NULL, NULL,
             'job-2026-03b', 'done', 1, ?, ?)""", (conn_id, ledger_id, ts("2026-03-21T06:02:00"),
                                                   ts("2026-03-21T06:02:00")))
    raw.commit()
    x("PRAGMA journal_mode=DELETE")
    x("VACUUM")
    raw.close()

    expected["revision"] = REVISION
    expected["records"]["Nordlys ApS"]["ae-0901"] = {"status": "exported", "ledger_id": "BNK1/2025/0031",
                                                     "receipts_status": "done", "job_id": "job-2025-02"}
    expected["records"]["Nordlys ApS"]["ae-1006"] = {"status": "exported", "ledger_id": "BNK1/2026/0008"}
    expected["records"]["Nordlys journal file"] = {"ae-1006": {"status": "exported", "ledger_id": "PLEO-ae-1006"}}
    expected["pleo_items"]["cmp-nordlys"]["2026-03"].append("ae-1006")
    expected["pleo_items"]["cmp-nordlys"]["2025-02"] = ["ae-0901"]
    expected["pruned"] = ["ae-0901"]
    expected["receipts"]["ae-0901"] = [[0, "pruned"]]
    # What the Expenses list reads of each (day, supplier, employee, category, currency, amount in minor
    # units, receipts), without decoding raw JSON.
    expected["expense_list"] = {
        "Nordlys ApS": {
            "ae-0901": ["2025-02-03", "SAS", "Freja Holm", "Travel", "DKK", 45000, 1],
            "ae-1001": ["2026-03-02", "DSB", "Freja Holm", "Travel", "DKK", 84900, 1],
            "ae-1005": ["2026-03-12", "Pleo", "Freja Holm", "Wallet", "DKK", -5000000, 0],
            "ae-1006": ["2026-03-20", "Netto", "Freja Holm", "Meals", "DKK", 9900, 1],
        },
    }
    return expected


def main() -> None:
    make_fixture.write(REVISION, build)


if __name__ == "__main__":
    main()
