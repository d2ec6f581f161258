"""The SQLite side: WAL, pragmas, file modes, threads, two processes, locking, newer schemas, volume."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from pleodesk.paths import database_path
from pleodesk.storage import Store, StoreBusyError, StoreDamaged, StoreError, open_store
from pleodesk.storage import db as storage_db

REPO = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def pragma(store: Store, name: str):
    with store._engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_wal_and_pragmas(store: Store, db_path: Path) -> None:
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "foreign_keys") == 1
    assert pragma(store, "busy_timeout") == 5000
    assert pragma(store, "synchronous") == 1          # NORMAL
    with sqlite3.connect(db_path) as raw:             # WAL is a property of the file, not of our connection
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_path_is_the_user_data_dir(pleodesk_home: Path) -> None:
    with open_store() as s:
        assert s.path == database_path() == pleodesk_home / "pleodesk.sqlite3"
        s.add_connection("A", "odoo")
    with open_store(str(pleodesk_home / "pleodesk.sqlite3")) as s:    # a str works too
        assert [c.name for c in s.list_connections()] == ["A"]


def test_reopen_keeps_data_and_revision(db_path: Path) -> None:
    with open_store(db_path) as s:
        cid = s.add_connection("A", "odoo").id
        s.ensure_records(cid, ["e1"])
        rev = s.schema_revision()
        installation = s.installation_id
    assert rev == storage_db.head_revision()
    with open_store(db_path) as s:
        assert s.schema_revision() == rev
        assert set(s.get_records(cid)) == {"e1"}
        assert s.installation_id == installation


def test_each_database_has_its_own_installation_id(tmp_path: Path) -> None:
    from pleodesk.storage import installation_id

    with open_store(tmp_path / "a.sqlite3") as a, open_store(tmp_path / "b.sqlite3") as b:
        assert a.installation_id and b.installation_id and a.installation_id != b.installation_id
        assert installation_id(tmp_path / "a.sqlite3") == a.installation_id
    assert installation_id(tmp_path / "b.sqlite3") == b.installation_id
    with open_store(tmp_path / "a.sqlite3") as a, pytest.raises(ValueError):
        a.set_meta("installation_id", "mine")


@posix_only
def test_files_are_private(store: Store, db_path: Path, conn_id: int) -> None:
    store.ensure_records(conn_id, [f"e{i}" for i in range(100)])
    files = [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
    assert {p.name for p in files} >= {db_path.name, db_path.name + "-wal", db_path.name + "-shm"}
    for p in files:
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p


@posix_only
def test_existing_database_made_private(db_path: Path) -> None:
    open_store(db_path).close()
    db_path.chmod(0o644)
    with open_store(db_path) as s:
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
        s.add_connection("A", "odoo")
        for p in db_path.parent.iterdir():
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p


@posix_only
def test_umask_restored(db_path: Path) -> None:
    before = os.umask(0o022)
    try:
        open_store(db_path).close()
        assert os.umask(0o022) == 0o022
    finally:
        os.umask(before)


def test_newer_schema_refused(db_path: Path) -> None:
    with open_store(db_path) as s:
        s.add_connection("A", "odoo")
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0042_from_the_future'")
    with pytest.raises(StoreError, match="This data was written by a newer pleodesk"):
        open_store(db_path)
    with sqlite3.connect(db_path) as raw:     # nothing was touched
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0042_from_the_future"
        assert raw.execute("SELECT name FROM connections").fetchall() == [("A",)]


def test_not_a_database(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreDamaged, match="is damaged .* Restore the file from a backup"):
        open_store(db_path)
    assert db_path.read_bytes() == b"this is not sqlite" * 100


def test_threads_do_not_lose_updates(store: Store, conn_id: int) -> None:
    shared = [f"s{i}" for i in range(5)]
    n_threads, rounds = 4, 50
    errors: list[BaseException] = []
    start = threading.Barrier(n_threads)

    def work(t: int) -> None:
        try:
            start.wait()
            own = [f"t{t}-{i}" for i in range(rounds)]
            for i in range(rounds):
                store.ensure_records(conn_id, shared + own[i:i + 2], job_id=f"job-{t}")
                store.mark_sending(conn_id, [(e, f"PLEO-{e}", f"k-{e}") for e in shared])
                store.mark_exported(conn_id, own[i], ledger_id=f"L-{t}-{i}")
                store.audit("tick", conn_id, thread=t, i=i)
        except BaseException as exc:   # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(n_threads)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    recs = store.get_records(conn_id)
    assert all(recs[e].attempts == n_threads * rounds for e in shared)
    assert sum(1 for r in recs.values() if r.status == "exported") == n_threads * rounds
    assert len(store.list_audit(limit=10_000)) == n_threads * rounds


CHILD = textwrap.dedent("""
    import sys
    from pleodesk.storage import open_store
    path, conn_id, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open_store(path) as s:
        print("ready", flush=True)
        sys.stdin.readline()
        for i in range(rounds):
            s.mark_sending(conn_id, [("shared", "PLEO-shared", "k")])
            s.mark_exported(conn_id, f"child-{i}", ledger_id=str(i))
""")


def test_two_processes_do_not_lose_updates(store: Store, db_path: Path, conn_id: int) -> None:
    rounds = 100
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path), str(conn_id), str(rounds)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        child.stdin.write("go\n")
        child.stdin.flush()
        for i in range(rounds):
            store.mark_sending(conn_id, [("shared", "PLEO-shared", "k")])
            store.mark_exported(conn_id, f"parent-{i}", ledger_id=str(i))
        _, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
    finally:
        if child.poll() is None:
            child.kill()
    recs = store.get_records(conn_id)
    assert recs["shared"].attempts == 2 * rounds
    assert store.counts_by_status(conn_id)["exported"] == 2 * rounds


def test_waits_for_a_short_lock(store: Store, db_path: Path, conn_id: int) -> None:
    raw = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    raw.execute("BEGIN IMMEDIATE")
    threading.Timer(0.5, raw.commit).start()
    t0 = time.monotonic()
    store.ensure_records(conn_id, ["e1"])          # waits for the other writer, then goes ahead
    assert time.monotonic() - t0 >= 0.4
    assert set(store.get_records(conn_id)) == {"e1"}
    raw.close()


def test_busy_for_too_long(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_S", 0.2)
    with open_store(db_path) as s:
        cid = s.add_connection("A", "odoo").id
        raw = sqlite3.connect(db_path, isolation_level=None)
        try:
            raw.execute("BEGIN IMMEDIATE")
            with pytest.raises(StoreBusyError, match="busy"):
                s.ensure_records(cid, ["e1"])
            assert s.get_connection(cid) is not None       # reading still works under WAL
        finally:
            raw.rollback()
            raw.close()
        s.ensure_records(cid, ["e1"])


def test_volume_50k(store: Store, conn_id: int, make_item, record_property) -> None:
    n = 50_000
    items = [make_item(f"exp-{i:06d}", date=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00Z", value=i)
             for i in range(n)]
    ids = [it["accountingEntryId"] for it in items]
    timings: dict[str, float] = {}

    def timed(name, fn, *args, **kwargs):
        t0 = time.perf_counter()
        out = fn(*args, **kwargs)
        timings[name] = time.perf_counter() - t0
        return out

    assert timed("upsert_pleo_items insert 50k", store.upsert_pleo_items, items, job_id="job-1") == n
    assert timed("upsert_pleo_items update 50k", store.upsert_pleo_items, items, job_id="job-2") == n
    got = timed("get_pleo_items 50k", store.get_pleo_items, ids)
    assert len(got) == n and got["exp-000042"] == items[42]
    month = timed("pleo_item_ids_for_month", store.pleo_item_ids_for_month, "c-1", "2026-03")
    assert len(month) == sum(1 for i in range(n) if i % 12 == 2)
    timed("ensure_records 50k", store.ensure_records, conn_id, ids, job_id="job-2")
    timed("mark_sending 50k", store.mark_sending, conn_id, [(e, f"PLEO-{e}", f"k-{e}") for e in ids])
    timed("mark_exported_many 50k", store.mark_exported_many, conn_id, [(e, f"L-{e}", None) for e in ids])
    timed("mark_reported 50k", store.mark_reported, conn_id, ids)
    assert timed("counts_by_status", store.counts_by_status, conn_id)["exported"] == n

    report = "; ".join(f"{k}: {v:.2f} s" for k, v in timings.items())
    record_property("timings", report)
    print("\n" + report)
    assert timings["upsert_pleo_items insert 50k"] < 20
    assert timings["upsert_pleo_items update 50k"] < 20


OPENER = textwrap.dedent("""
    import sys
    from pleodesk.storage import open_store
    path, name = sys.argv[1], sys.argv[2]
    print("ready", flush=True)
    sys.stdin.readline()
    with open_store(path) as s:
        s.add_connection(name, "odoo")
        print(s.schema_revision(), flush=True)
""")


def test_processes_creating_the_same_database_at_once(db_path: Path) -> None:
    """The first open creates and migrates the file; the others wait and find it ready."""
    db_path.parent.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(db_path), f"conn-{i}"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for i in range(3)]
    try:
        for p in procs:
            assert p.stdout.readline().strip() == "ready", p.stderr.read()
        for p in procs:
            p.stdin.write("go\n")
            p.stdin.flush()
        for p in procs:
            out, err = p.communicate(timeout=60)
            assert p.returncode == 0, err
            assert out.strip() == storage_db.head_revision()
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    with open_store(db_path) as s:
        assert sorted(c.name for c in s.list_connections()) == ["conn-0", "conn-1", "conn-2"]


def test_stores_opened_at_once_in_threads_all_migrate(tmp_path: Path) -> None:
    """Alembic's migration context is process-wide: databases created by several threads at the same
    moment (a worker naming a keyring entry while the window opens the store) must each be migrated whole."""
    errors: list[BaseException] = []
    for round_ in range(3):
        barrier = threading.Barrier(6)

        def open_one(i: int) -> None:
            try:
                barrier.wait()
                with open_store(tmp_path / f"r{round_}-{i}.sqlite3") as s:
                    assert s.installation_id and s.schema_revision() == storage_db.head_revision()
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=open_one, args=(i,)) for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    assert errors == []
