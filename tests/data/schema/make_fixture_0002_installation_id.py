"""Regenerate ``0002_installation_id.sqlite3``: a database as schema revision 0002_installation_id left it.

    .venv/bin/python tests/data/schema/make_fixture_0002_installation_id.py

The data is the 0001 fixture's (``make_fixture.build``), brought to 0002_installation_id by that migration
itself; its installation id is then set to a known value, which ``tests/storage/test_migrations.py``
checks is kept by every later migration (the keyring entries of its connections are named by it).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[2]))

import make_fixture  # noqa: E402
from alembic import command  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from pleodesk.storage.db import alembic_config  # noqa: E402

REVISION = "0002_installation_id"
INSTALLATION_ID = "5b0c2f0e-8d7a-4c1e-9f3b-2a6d4e8c1f07"


def build(db: Path) -> dict:
    expected = make_fixture.build(db)
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), REVISION)
    engine.dispose()
    raw = sqlite3.connect(db)
    raw.execute("UPDATE meta SET value = ? WHERE key = 'installation_id'", (INSTALLATION_ID,))
    raw.commit()
    raw.execute("PRAGMA journal_mode=DELETE")
    raw.execute("VACUUM")
    raw.close()
    expected["revision"] = REVISION
    expected["installation_id"] = INSTALLATION_ID
    return expected


def main() -> None:
    make_fixture.write(REVISION, build)


if __name__ == "__main__":
    main()
