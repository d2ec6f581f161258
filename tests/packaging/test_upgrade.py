"""An upgrade keeps the user's data: the database an earlier pleodesk wrote (every schema fixture in
tests/data/schema) is opened by the app's own start-up path, migrates itself, and still holds its
connections, mappings and export history."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from pleodesk.storage import db as storage_db
from pleodesk.storage import open_store

from bundle_helpers import REPO, app_env

FIXTURES = sorted((REPO / "tests" / "data" / "schema").glob("*.sqlite3"))


def _dt(s):
    return None if s is None else datetime.fromisoformat(s)


def _install_old_database(fixture: Path, home: Path) -> dict:
    expected = json.loads(fixture.with_suffix(".expected.json").read_text())
    home.mkdir(parents=True, exist_ok=True)
    db = home / "pleodesk.sqlite3"
    shutil.copy(fixture, db)
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == expected["revision"]
    return expected


def _check_intact(home: Path, expected: dict, *, app_ran: bool = False) -> None:
    """``app_ran``: the app has started on this data; it may have re-checked a connection and marked it
    "needs attention" (here: no system keyring holds its secrets), which is its job, not data loss."""
    with open_store(home / "pleodesk.sqlite3") as store:
        assert store.schema_revision() == storage_db.head_revision()
        conns = {c.name: c for c in store.list_connections()}
        assert set(conns) == set(expected["connections"])
        for name, want in expected["connections"].items():
            c = conns[name]
            assert (c.id, c.system, c.active, c.pleo_company_id, c.settings) == \
                (want["id"], want["system"], want["active"], want["pleo_company_id"], want["settings"])
            assert c.state == want["state"] or (app_ran and c.state == "needs_attention"), (name, c.state)
        for name, rows in expected["mappings"].items():
            got = sorted([m.kind, m.source_key, m.source_label, m.target, m.target_tax]
                         for m in store.list_mappings(conns[name].id))
            assert got == sorted(rows)
        for name, records in expected["records"].items():
            got = store.get_records(conns[name].id)
            assert set(got) == set(records)
            for eid, want in records.items():
                assert {k: getattr(got[eid], k) for k in want} == want, eid
        by_id = {c.id: c.name for c in conns.values()}
        runs = store.list_runs()
        assert [(by_id.get(r.connection_id), r.kind, r.status, r.counts, r.started_at) for r in runs] == \
            [(w["connection"], w["kind"], w["status"], w["counts"], _dt(w["started_at"])) for w in expected["runs"]]
        assert [[a.action, by_id.get(a.connection_id)] for a in store.list_audit()][-len(expected["audit"]):] \
            == expected["audit"]


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_app_start_migrates_old_data_and_keeps_it(fixture: Path, app_command, tmp_path: Path) -> None:
    """The real app (source or bundle) starts on the old database, paints its window and quits."""
    home = tmp_path / "user-data"
    expected = _install_old_database(fixture, home)
    proc = subprocess.run(app_command, env=app_env(home, PLEODESK_STARTUP_PROBE="1"),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert "painted" in proc.stdout
    _check_intact(home, expected, app_ran=True)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_store_opened_as_the_app_opens_it(fixture: Path, pleodesk_home: Path) -> None:
    """In process: ``open_store()`` with no path, as the app and every command call it."""
    expected = _install_old_database(fixture, pleodesk_home)
    with open_store() as store:
        assert store.path == pleodesk_home / "pleodesk.sqlite3"
    _check_intact(pleodesk_home, expected)
