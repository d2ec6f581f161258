"""Regenerate ``0005_expense_list.sqlite3``: a database as schema revision 0005_expense_list left it.

    .venv/bin/python tests/data/schema/make_fixture_0005_expense_list.py

The data is the 0004_summaries fixture's (``make_fixture_0004_summaries.build``), brought to
0005_expense_list by that migration itself (an index, the change log and its triggers; no data).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[2]))

import make_fixture  # noqa: E402
import make_fixture_0004_summaries as previous  # noqa: E402

REVISION = "0005_expense_list"


def build(db: Path) -> dict:
    expected = previous.build(db)
    make_fixture.upgrade(db, REVISION)
    make_fixture.settle(sqlite3.connect(db))
    expected["revision"] = REVISION
    return expected


if __name__ == "__main__":
    make_fixture.write(REVISION, build)
