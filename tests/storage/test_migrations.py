"""Schema migrations: old databases open and keep their data; models and migrations agree."""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from pleodesk.core.ledger import ContraRole
from pleodesk.storage import Store, open_store
from pleodesk.storage import db as storage_db
from pleodesk.storage.models import Base

REPO = Path(__file__).resolve().parents[2]
SCHEMA_FIXTURES = sorted((REPO / "tests" / "data" / "schema").glob("*.sqlite3"))


def test_there_is_a_fixture_for_every_revision() -> None:
    """Each revision gets a database made by it, so its upgrade path stays tested."""
    revisions = {r.revision for r in storage_db.script_directory().walk_revisions()}
    assert {p.stem for p in SCHEMA_FIXTURES} == revisions


def test_the_head_revision_pleodesk_knows_is_alembics() -> None:
    """A database at ``HEAD_REVISION`` opens without Alembic: it must be the shipped head."""
    assert storage_db.HEAD_REVISION == storage_db.head_revision()


def test_a_database_at_the_head_opens_without_loading_alembic(tmp_path: Path) -> None:
    open_store(tmp_path / "db.sqlite3").close()          # created and migrated (Alembic loaded)
    code = ("import sys; from pleodesk.storage import open_store; "
            f"s = open_store({str(tmp_path / 'db.sqlite3')!r}); s.list_connections(); s.close(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def _dt(s: str | None) -> datetime | None:
    return None if s is None else datetime.fromisoformat(s)


@pytest.mark.parametrize("fixture", SCHEMA_FIXTURES, ids=[p.stem for p in SCHEMA_FIXTURES])
def test_old_database_migrates_and_keeps_its_data(fixture: Path, tmp_path: Path) -> None:
    expected = json.loads(fixture.with_suffix(".expected.json").read_text())
    db = tmp_path / fixture.name
    shutil.copy(fixture, db)
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == expected["revision"]

    with open_store(db) as store:
        assert store.schema_revision() == storage_db.head_revision()
        _check_data(store, expected)
        installation = store.installation_id
    with open_store(db) as store:          # opening again is a no-op
        assert store.schema_revision() == storage_db.head_revision()
        _check_data(store, expected)
        assert store.installation_id == installation
    # The keyring entries are named by the installation id: a database that had one keeps it, one from
    # before it existed gets one (a UUID) when it is migrated.
    assert installation == expected.get("installation_id", installation)
    assert str(uuid.UUID(installation)) == installation


def _check_data(store: Store, expected: dict) -> None:
    conns = {c.name: c for c in store.list_connections()}
    assert set(conns) == set(expected["connections"])
    for name, want in expected["connections"].items():
        c = conns[name]
        assert (c.id, c.system, c.state, c.active, c.ledger_company_name, c.pleo_company_id, c.settings) == \
            (want["id"], want["system"], want["state"], want["active"], want["ledger_company_name"],
             want["pleo_company_id"], want["settings"])
        assert c.created_at == _dt(want["created_at"])

    for name, rows in expected["mappings"].items():
        got = sorted([m.kind, m.source_key, m.source_label, m.target, m.target_tax]
                     for m in store.list_mappings(conns[name].id))
        assert got == sorted(rows)
        loaded = store.load_mappings(conns[name].id)         # and they still make a Mappings
        for kind, key, label, target, tax in rows:
            if kind == "category" and target:
                assert (loaded.categories[key].account, loaded.categories[key].tax_code) == (target, tax)
            if kind == "contra":
                assert loaded.contra[ContraRole(key)] == target

    for name, records in expected["records"].items():
        got = store.get_records(conns[name].id)
        assert set(got) == set(records)
        for eid, want in records.items():
            assert {k: getattr(got[eid], k) for k in want} == want, eid

    pruned = set(expected.get("pruned", ()))
    for company, months in expected["pleo_items"].items():
        for month, ids in months.items():
            assert store.pleo_item_ids_for_month(company, month) == ids
            items = store.get_pleo_items(ids)
            assert all(items[i]["accountingEntryId"] == i for i in ids if i not in pruned)
            assert not pruned & set(items)          # retention removed their data

    for name, listed in expected.get("expense_list", {}).items():
        got = {t[0]: t for t in store.expense_list(conns[name].id)}
        for eid, (day, supplier, employee, category, currency, minor, receipts) in listed.items():
            t = got[eid]
            assert (t[7], t[8], t[9], t[12], t[10], t[11], t[13]) == \
                (day, supplier, employee, category, currency, minor, receipts), eid
            assert bool(t[15]) == (eid in pruned)

    for eid, rows in expected["receipts"].items():
        assert [[r.position, r.status] for r in store.receipts_for(eid)] == rows

    by_id = {c.id: c.name for c in conns.values()}
    runs = store.list_runs()
    assert len(runs) == len(expected["runs"])
    for run, want in zip(runs, expected["runs"]):
        assert (by_id.get(run.connection_id), run.kind, run.trigger, run.status, run.counts, run.skip_reasons,
                run.started_at) == (want["connection"], want["kind"], want["trigger"], want["status"],
                                    want["counts"], want["skip_reasons"], _dt(want["started_at"]))

    assert [[a.action, by_id.get(a.connection_id)] for a in store.list_audit()] == expected["audit"]
    for key, (last, nxt) in expected["schedule"].items():
        assert store.get_schedule_state(key) == (_dt(last), _dt(nxt))
    for name, feed in expected["feed"].items():
        assert {k: v.status for k, v in store.feed_records(conns[name].id).items()} == feed


def test_models_match_migrations(store: Store) -> None:
    """Alembic autogenerate finds nothing to do between a migrated database and the ORM models."""
    with store._engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_downgrade_to_base_and_back(db_path: Path) -> None:
    open_store(db_path).close()
    engine = storage_db.create_sqlite_engine(db_path)
    try:
        with engine.begin() as conn:
            command.downgrade(storage_db.alembic_config(conn), "base")
        with engine.connect() as conn:
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        assert tables <= {"alembic_version", "sqlite_sequence"}
    finally:
        engine.dispose()
    with open_store(db_path) as s:
        assert s.schema_revision() == storage_db.head_revision()
        s.add_connection("A", "odoo")


def test_migrations_found_from_the_package_not_the_working_directory(tmp_path: Path) -> None:
    """No alembic.ini in the working directory is needed (as in an installed wheel or a bundle)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO), "PLEODESK_HOME": str(tmp_path / "home")}
    out = subprocess.run(
        [sys.executable, "-c", "from pleodesk.storage import open_store\n"
                               "s = open_store(); print(s.schema_revision(), s.path); s.close()"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    rev, path = out.stdout.split()
    assert rev == storage_db.head_revision()
    assert Path(path) == tmp_path / "home" / "pleodesk.sqlite3"


def test_migration_files_are_packaged() -> None:
    """Every file Alembic needs at run time matches the package-data globs in pyproject.toml."""
    conf = tomllib.loads((REPO / "pyproject.toml").read_text())
    globs = conf["tool"]["setuptools"]["package-data"]["pleodesk"]
    package = REPO / "pleodesk"
    needed = [storage_db.MIGRATIONS_DIR / "env.py", *sorted((storage_db.MIGRATIONS_DIR / "versions").glob("*.py"))]
    for f in needed:
        rel = f.relative_to(package).as_posix()
        assert any(fnmatch.fnmatch(rel, g) for g in globs), f"{rel} would be missing from the wheel"


def test_the_0002_migration_fills_the_expense_list_from_the_raw_json(tmp_path: Path) -> None:
    """Items stored before 0002 get their list columns from their raw JSON, as the Expenses tab showed
    them when it decoded every item."""
    db = tmp_path / "old.sqlite3"
    shutil.copy(REPO / "tests" / "data" / "schema" / "0001_initial.sqlite3", db)
    with sqlite3.connect(db) as raw:
        raws = {eid: json.loads(r) for eid, r in raw.execute("SELECT id, raw FROM pleo_items")}
    with open_store(db) as store:
        listed = {t[0]: t for t in store.expense_list(1)}
    assert set(listed) == set(raws) == {"ae-1001", "ae-1002", "ae-1003", "ae-1004", "ae-1005"}
    (eid, status, ledger_id, _ref, _url, _err, _fix, day, supplier, employee, currency, minor, category, receipts,
     note, pruned) = listed["ae-1001"]
    assert (status, ledger_id, day, supplier, employee, currency, minor, category, receipts, note, pruned) == \
        ("exported", "BNK1/2026/0007", "2026-03-02", "DSB", "Freja Holm", "DKK", 84_900, "Travel", 1, None, 0)
    for eid, item in raws.items():
        t = listed[eid]
        assert t[7] == item["date"][:10]
        assert t[8] == item["supplier"]["name"] and t[9] == item["user"]["name"]
        assert t[12] == ", ".join(dict.fromkeys(ln["account"]["name"] for ln in item["accountingEntryLines"]))
        assert t[13] == len(item["files"])
    assert listed["ae-1005"][13] == 0 and listed["ae-1005"][11] == -5_000_000
