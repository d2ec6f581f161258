"""Regenerate ``0005_expense_list.sqlite3``: a database as schema revision 0005_expense_list left it.

    .venv/bin/python tests/data/schema/make_fixture_0005_expense_list.py

The data is the 0004_summaries fixture's (``make_fixture_0004_summaries.build``), brought to
0005_expense_list by that migration itself (an index, the change log and its triggers; no data).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[2]))

import make_fixture_0004_summaries as previous  # noqa: E402
from alembic import command  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from pleodesk.storage.db import alembic_config  # noqa: E402

REVISION = "0005_expense_list"


def build(db: Path) -> dict:
    expected = previous.build(db)
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), REVISION)
    engine.dispose()
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA journal_mode=DELETE")
    raw.execute("VACUUM")
    raw.close()
    expected["revision"] = REVISION
    return expected


def main() -> None:
    db = HERE / f"{REVISION}.sqlite3"
    expected = build(db)
    (HERE / f"{REVISION}.expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {db.relative_to(HERE.parents[2])} and its expected.json")


if __name__ == "__main__":
    main()
