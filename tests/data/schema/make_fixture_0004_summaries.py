"""Regenerate ``0004_summaries.sqlite3``: a database as schema revision 0004_summaries left it.

    .venv/bin/python tests/data/schema/make_fixture_0004_summaries.py

The data is the 0003_expense_list_retention fixture's (``make_fixture_0003_expense_list_retention.build``),
brought to 0004_summaries by that migration itself, plus one exported monthly summary of the first
connection (its row is checked by tests/storage/test_summaries.py after every later migration).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[2]))

import make_fixture  # noqa: E402
import make_fixture_0003_expense_list_retention as previous  # noqa: E402
from alembic import command  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from pleodesk.storage.db import alembic_config  # noqa: E402

REVISION = "0004_summaries"
SUMMARY = {"reference": "PLEO-S1-M2026-01", "grid": "monthly", "period_start": "2026-01-01",
           "period_end": "2026-01-31", "status": "exported", "expense_count": 2, "amount": "1234.56",
           "currency": "DKK", "ledger_id": "PLEO-7", "ledger_url": None, "attempts": 1}


def build(db: Path) -> dict:
    expected = previous.build(db)
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), REVISION)
    engine.dispose()
    raw = sqlite3.connect(db)
    cols = ", ".join(SUMMARY)
    raw.execute(f"INSERT INTO summaries (connection_id, {cols}, created_at, exported_at, updated_at) "
                f"VALUES (1, {', '.join('?' for _ in SUMMARY)}, '2026-02-01 01:00:00.000000', "
                "'2026-02-01 01:00:05.000000', '2026-02-01 01:00:05.000000')", list(SUMMARY.values()))
    raw.commit()
    raw.execute("PRAGMA journal_mode=DELETE")
    raw.execute("VACUUM")
    raw.close()
    expected["revision"] = REVISION
    expected["summaries"] = {"Nordlys ApS": [SUMMARY]}
    return expected


def main() -> None:
    make_fixture.write(REVISION, build)


if __name__ == "__main__":
    main()
