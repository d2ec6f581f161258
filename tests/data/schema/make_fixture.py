"""Regenerate ``0001_initial.sqlite3``: a database as schema revision 0001_initial left it.

    .venv/bin/python tests/data/schema/make_fixture.py

The schema is built by the 0001_initial migration itself and the data is written in plain SQL
against that schema (not through ``Store``, whose code moves on with later revisions), so this
script keeps producing a genuine 0001 database after the schema changes. ``0001_initial.expected.json``
says what ``tests/storage/test_migrations.py`` must read back after migrating a copy to head.

When a later revision changes the schema, add a ``make_fixture_<rev>.py`` beside this one (or a
function here) producing ``<rev>.sqlite3`` and ``<rev>.expected.json``; do not regenerate the old
files with new code.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from alembic import command  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from pleodesk.storage.db import alembic_config  # noqa: E402

REVISION = "0001_initial"


def ts(s: str) -> str:
    """SQLAlchemy's SQLite DATETIME format for a naive UTC time."""
    return s.replace("T", " ") + ".000000"


def item(eid: str, kind: str, date: str, value: int, supplier: str, account: tuple[str, str, str],
         tag: tuple[str, str] | None = None, files: int = 1) -> dict:
    money = {"inWalletCurrency": {"value": value, "currency": "DKK"},
             "inSupplierCurrency": {"value": value, "currency": "DKK"}}
    net = {"inWalletCurrency": {"value": value * 4 // 5, "currency": "DKK"},
           "inSupplierCurrency": {"value": value * 4 // 5, "currency": "DKK"}}
    tax_amt = {"inWalletCurrency": {"value": value - value * 4 // 5, "currency": "DKK"},
               "inSupplierCurrency": {"value": value - value * 4 // 5, "currency": "DKK"}}
    return {
        "accountingEntryId": eid,
        "companyId": "cmp-nordlys",
        "type": kind,
        "date": date + "Z",
        "amount": money,
        "accountingEntryLines": [{
            "accountingEntryLineId": f"{eid}-1",
            "account": {"id": account[0], "name": account[1], "code": account[2]},
            "lineAmount": money, "netAmount": net,
            "tax": {"id": "tax-25", "code": "25%", "rate": 0.25, "type": "inclusive", "amount": tax_amt},
            "tags": [{"id": "tag-" + tag[1], "code": tag[1], "groupCode": tag[0]}] if tag else [],
        }],
        "supplier": {"name": supplier, "country": "DK"},
        "user": {"id": "usr-1", "name": "Freja Holm"},
        "note": None,
        "files": [{"url": f"https://files.pleo.example/{eid}/{i}", "type": "image/jpeg", "size": 180_000}
                  for i in range(files)],
    }


ITEMS = [
    item("ae-1001", "card_purchase", "2026-03-02T09:14:00", 84_900, "DSB", ("acc-travel", "Travel", "6100"),
         ("PROJ", "P-APOLLO")),
    item("ae-1002", "card_purchase", "2026-03-05T12:31:00", 23_750, "Restaurant Kronborg",
         ("acc-meals", "Meals", "6200")),
    item("ae-1003", "out_of_pocket", "2026-03-09T16:02:00", 12_000, "Bog & Ide", ("acc-office", "Office", "6300")),
    item("ae-1004", "card_purchase", "2026-03-11T08:45:00", 199_900, "Adobe", ("acc-soft", "Software", None)),
    item("ae-1005", "wallet_topup", "2026-03-12T07:00:00", -5_000_000, "Pleo", ("acc-wallet", "Wallet", "5820"),
         files=0),
]


def build(db: Path) -> dict:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), REVISION)
    engine.dispose()

    raw = sqlite3.connect(db)
    x = raw.execute
    x("""INSERT INTO connections (id, name, system, ledger_company_id, ledger_company_name, pleo_company_id,
         pleo_base_url, settings, state, state_message, active, created_at, updated_at)
         VALUES (1, 'Nordlys ApS', 'odoo', '1', 'Nordlys ApS', 'cmp-nordlys', 'https://external.pleo.io',
         ?, 'connected', NULL, 1, ?, ?)""",
      (json.dumps({"url": "https://nordlys.odoo.com", "database": "nordlys", "journal_code": "PLEO",
                   "post": False}), ts("2026-02-20T10:00:00"), ts("2026-03-01T08:00:00")))
    x("""INSERT INTO connections (id, name, system, ledger_company_id, ledger_company_name, pleo_company_id,
         pleo_base_url, settings, state, state_message, active, created_at, updated_at)
         VALUES (2, 'Nordlys journal file', 'journal_file', NULL, NULL, 'cmp-nordlys', NULL, ?,
         'needs_attention', 'The export folder is not writable', 0, ?, ?)""",
      (json.dumps({"folder": "/home/freja/Pleo export", "format": "csv"}), ts("2026-02-21T10:00:00"),
       ts("2026-02-22T10:00:00")))
    mappings = [
        ("category", "6100", "Travel", "6100", "I25"),
        ("category", "6200", "Meals", "6210", "I25"),
        ("category", "6300", "Office", "6300", None),
        ("category", "acc-soft", "Software", None, None),          # named, not mapped yet
        ("tax", "25%", None, "I25", None),
        ("tag_group", "PROJ", None, "Projects", None),
        ("tag", "PROJ/P-APOLLO", None, "Apollo", None),
        ("contra", "wallet", None, "5820", None),
        ("contra", "out_of_pocket", None, "6900", None),
        ("default_account", "default", None, "9999", None),
    ]
    for kind, key, label, target, tax in mappings:
        x("""INSERT INTO mappings (connection_id, kind, source_key, source_label, target, target_tax, updated_at)
             VALUES (1, ?, ?, ?, ?, ?, ?)""", (kind, key, label, target, tax, ts("2026-03-01T08:00:00")))
    for it in ITEMS:
        x("""INSERT INTO pleo_items (id, company_id, kind, booked_at, currency, amount_minor, raw, fetched_at, job_id)
             VALUES (?, ?, ?, ?, 'DKK', ?, ?, ?, 'job-2026-03')""",
          (it["accountingEntryId"], it["companyId"], it["type"], ts(it["date"][:-1]),
           it["amount"]["inWalletCurrency"]["value"], json.dumps(it, separators=(",", ":")),
           ts("2026-03-15T06:00:00")))
    x("""INSERT INTO receipts (expense_id, position, url, mime, size, local_path, sha256, status, error, updated_at)
         VALUES ('ae-1001', 0, 'https://files.pleo.example/ae-1001/0', 'image/jpeg', 180000,
         '/home/freja/.local/share/pleodesk/receipts/ae-1001-0.jpg', ?, 'downloaded', NULL, ?)""",
      ("3f" * 32, ts("2026-03-15T06:01:00")))
    x("""INSERT INTO receipts (expense_id, position, url, mime, size, status, error, updated_at)
         VALUES ('ae-1002', 0, 'https://files.pleo.example/ae-1002/0', 'image/jpeg', 180000, 'failed',
         'HTTP 404', ?)""", (ts("2026-03-15T06:01:00"),))
    records = [
        # expense, status, reference, key, ledger_id, url, attempts, title, detail, fix, reason, receipts, reported, exported_at
        ("ae-1001", "exported", "PLEO-ae-1001", "idem-ae-1001", "BNK1/2026/0007",
         "https://nordlys.odoo.com/odoo/action-account.action_move_journal_line/7", 1, None, None, None, None,
         "done", 1, ts("2026-03-15T06:02:00")),
        ("ae-1002", "failed", "PLEO-ae-1002", "idem-ae-1002", None, None, 3, "Odoo refused the entry",
         "The account 6210 is deprecated", "Map Meals to an active account.",
         "accounting_system_validation_failure", "none", 1, None),
        ("ae-1003", "pending", None, None, None, None, 0, None, None, None, None, "none", 0, None),
        ("ae-1004", "held", None, None, None, None, 0, "Software is not mapped", "",
         "Map the category Software to an account.", "account_mapping_missing", "none", 0, None),
        ("ae-1005", "skipped", None, None, None, None, 0, "Wallet top-ups are not exported", None, None, None,
         "none", 1, None),
    ]
    for r in records:
        x("""INSERT INTO export_records (connection_id, expense_id, status, reference, idempotency_key, ledger_id,
             ledger_url, attempts, error_title, error_detail, error_fix, reason_type, job_id, receipts_status,
             pleo_reported, exported_at, updated_at)
             VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'job-2026-03', ?, ?, ?, ?)""",
          (*r, ts("2026-03-15T06:03:00")))
    x("""INSERT INTO runs (connection_id, kind, trigger, started_at, ended_at, status, counts, skip_reasons,
         message, job_id) VALUES (1, 'export_job', 'scheduled', ?, ?, 'partial', ?, ?,
         '1 expense failed, 1 held', 'job-2026-03')""",
      (ts("2026-03-15T06:00:00"), ts("2026-03-15T06:03:30"),
       json.dumps({"exported": 1, "failed": 1, "held": 1, "skipped": 1, "pending": 1}),
       json.dumps({"wallet_topup": 1})))
    x("""INSERT INTO audit_log (at, connection_id, action, detail) VALUES (?, 1, 'connection.added', ?)""",
      (ts("2026-02-20T10:00:00"), json.dumps({"system": "odoo"})))
    x("""INSERT INTO audit_log (at, connection_id, action, detail) VALUES (?, 1, 'mappings.saved', ?)""",
      (ts("2026-03-01T08:00:00"), json.dumps({"count": len(mappings)})))
    x("""INSERT INTO scheduler_state (key, last_run_at, next_run_at) VALUES ('conn:1:queue', ?, ?)""",
      (ts("2026-03-15T06:00:00"), ts("2026-03-15T07:00:00")))
    x("""INSERT INTO feed_records (connection_id, expense_id, status, pushed_at, error, updated_at)
         VALUES (1, 'ae-1001', 'pushed', ?, NULL, ?)""", (ts("2026-03-15T06:04:00"), ts("2026-03-15T06:04:00")))
    x("""INSERT INTO feed_records (connection_id, expense_id, status, pushed_at, error, updated_at)
         VALUES (1, 'ae-1002', 'failed', NULL, 'Statement line rejected', ?)""", (ts("2026-03-15T06:04:00"),))
    raw.commit()
    x("PRAGMA journal_mode=DELETE")        # one self-contained file to commit
    x("VACUUM")
    raw.close()

    return {
        "revision": REVISION,
        "connections": {
            "Nordlys ApS": {"id": 1, "system": "odoo", "state": "connected", "active": True,
                            "ledger_company_name": "Nordlys ApS", "pleo_company_id": "cmp-nordlys",
                            "settings": {"url": "https://nordlys.odoo.com", "database": "nordlys",
                                         "journal_code": "PLEO", "post": False},
                            "created_at": "2026-02-20T10:00:00+00:00"},
            "Nordlys journal file": {"id": 2, "system": "journal_file", "state": "needs_attention",
                                     "active": False, "ledger_company_name": None,
                                     "pleo_company_id": "cmp-nordlys",
                                     "settings": {"folder": "/home/freja/Pleo export", "format": "csv"},
                                     "created_at": "2026-02-21T10:00:00+00:00"},
        },
        "mappings": {"Nordlys ApS": [list(m) for m in mappings], "Nordlys journal file": []},
        "records": {"Nordlys ApS": {r[0]: {"status": r[1], "reference": r[2], "ledger_id": r[4], "attempts": r[6],
                                           "error_title": r[7], "reason_type": r[10], "receipts_status": r[11],
                                           "pleo_reported": bool(r[12]), "job_id": "job-2026-03"}
                                    for r in records}},
        "pleo_items": {"cmp-nordlys": {"2026-03": [it["accountingEntryId"] for it in ITEMS]}},
        "receipts": {"ae-1001": [[0, "downloaded"]], "ae-1002": [[0, "failed"]]},
        "runs": [{"connection": "Nordlys ApS", "kind": "export_job", "trigger": "scheduled", "status": "partial",
                  "counts": {"exported": 1, "failed": 1, "held": 1, "skipped": 1, "pending": 1},
                  "skip_reasons": {"wallet_topup": 1}, "started_at": "2026-03-15T06:00:00+00:00"}],
        "audit": [["mappings.saved", "Nordlys ApS"], ["connection.added", "Nordlys ApS"]],
        "schedule": {"conn:1:queue": ["2026-03-15T06:00:00+00:00", "2026-03-15T07:00:00+00:00"]},
        "feed": {"Nordlys ApS": {"ae-1001": "pushed", "ae-1002": "failed"}},
    }


def upgrade(db: Path, revision: str) -> None:
    """Bring the fixture database to ``revision`` with the migrations themselves."""
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
    engine.dispose()


def settle(raw: sqlite3.Connection) -> None:
    """Close ``raw`` leaving one self-contained, compact file to commit."""
    raw.execute("PRAGMA journal_mode=DELETE")
    raw.execute("VACUUM")
    raw.close()


def write(revision: str, build) -> None:
    """Make ``<revision>.sqlite3`` with ``build(path)`` and write what it returns as its expected.json."""
    db = HERE / f"{revision}.sqlite3"
    expected = build(db)
    (HERE / f"{revision}.expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {db.relative_to(HERE.parents[2])} and its expected.json")


def main() -> None:
    write(REVISION, build)


if __name__ == "__main__":
    main()
