"""The data folder stays lean: the Expenses list from columns, retention, a deleted connection's
data, orphans, compacting. Real SQLite files and real receipt files; a fixed clock."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from pleodesk.storage import Store, open_store
from pleodesk.storage import retention
from pleodesk.storage.retention import (clean_up, compact, data_folder_size, forget_orphans, months_before,
                                        prunable, prune, remove_files)


NOW = datetime(2031, 6, 15, 12, 0, tzinfo=timezone.utc)
LONG_AGO = NOW - timedelta(days=500)        # more than 12 months before NOW
RECENTLY = NOW - timedelta(days=40)


export_item = None          # the storage conftest's ``make_item``, set for every test


@pytest.fixture(autouse=True)
def _item_maker(make_item):
    global export_item
    export_item = make_item


@pytest.fixture
def receipts_root(db_path: Path) -> Path:
    root = db_path.parent / "receipts"
    root.mkdir(parents=True, exist_ok=True)
    return root


def add(store: Store, conn_id: int, eid: str, root: Path, *, status: str = "exported",
        exported_at: datetime | None = LONG_AGO, receipts: str = "done", files: int = 1,
        store_item: bool = True) -> list[Path]:
    """An expense of ``conn_id`` in the given state, with ``files`` downloaded receipts on disk."""
    if store_item:
        store.upsert_pleo_items([export_item(eid)])
    store.ensure_records(conn_id, [eid])
    if status == "exported":
        store.mark_exported(conn_id, eid, ledger_id=f"L-{eid}", exported_at=exported_at)
    elif status == "held":
        store.mark_held(conn_id, eid, title="Travel is not mapped")
    elif status == "failed":
        store.mark_failed(conn_id, eid, title="refused")
    elif status == "skipped":
        store.mark_skipped(conn_id, eid, "wallet top-ups are not exported")
    elif status == "sending":
        store.mark_sending(conn_id, [(eid, f"PLEO-{eid}", f"k-{eid}")])
    if receipts != "none":
        store.set_receipts_status(conn_id, eid, receipts)
    paths = []
    for pos in range(files):
        p = root / eid / f"{eid}-{pos + 1}.jpg"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"\xff\xd8" + bytes(1000 * (pos + 1)))
        store.upsert_receipt(eid, pos, url=f"https://f/{eid}/{pos}", mime="image/jpeg", size=p.stat().st_size,
                             status="downloaded", local_path=p, sha256="ab" * 32)
        paths.append(p)
    return paths


# ---------------------------------------------------------------- the Expenses list -------------
def test_the_expense_list_is_read_from_columns_written_with_the_item(store: Store, conn_id: int) -> None:
    item = export_item("e1", value=84_900, note="Train to Aarhus")
    item["user"] = {"id": "u1", "name": "Freja Holm"}
    item["accountingEntryLines"].append({**item["accountingEntryLines"][0], "accountingEntryLineId": "e1-l2",
                                         "account": {"id": "acc-2", "name": "Meals", "code": "6200"}})
    store.upsert_pleo_items([item])
    store.ensure_records(conn_id, ["e1", "no-item"])
    store.mark_exported(conn_id, "e1", ledger_id="J-7", ledger_url="file:///j#J-7")
    with store._engine.begin() as c:          # the list must not need the raw JSON
        c.exec_driver_sql("UPDATE pleo_items SET raw = 'not json'")
    got = {t[0]: t for t in store.expense_list(conn_id)}
    assert got["e1"] == ("e1", "exported", "J-7", None, "file:///j#J-7", None, None, "2026-03-14", "SAS",
                         "Freja Holm", "DKK", 84_900, "Travel, Meals", 1, "Train to Aarhus", 0)
    assert got["no-item"][:2] == ("no-item", "pending") and got["no-item"][7:] == (None,) * 8 + (0,)
    assert [t[0] for t in store.expense_list(conn_id, ["no-item", "other"])] == ["no-item"]


def test_storing_an_item_again_brings_back_its_pruned_data(store: Store, conn_id: int, receipts_root: Path) -> None:
    add(store, conn_id, "e1", receipts_root)
    prune(store, ["e1"], NOW)
    assert store.get_pleo_item("e1") is None and store.get_pleo_items(["e1"]) == {}
    assert store.expense_list(conn_id)[0][15] == 1
    store.upsert_pleo_items([export_item("e1", note="again")])
    assert store.get_pleo_item("e1")["note"] == "again"
    assert store.expense_list(conn_id)[0][15] == 0


# ---------------------------------------------------------------- retention ---------------------
def test_the_expense_list_newest_first(store: Store, conn_id: int) -> None:
    store.upsert_pleo_items([export_item("b", date="2026-03-02T10:00:00Z"), export_item("a", date="2026-03-02T09:00:00Z"),
                             export_item("c", date="2026-01-31T23:00:00Z")])
    store.ensure_records(conn_id, ["c", "a", "no-item", "b"])
    assert [t[0] for t in store.expense_list(conn_id, newest_first=True)] == ["b", "a", "c", "no-item"]
    assert [t[0] for t in store.expense_list(conn_id)] == ["c", "a", "no-item", "b"]      # as recorded


def test_the_expense_list_newest_first_is_the_connections_list_in_order(store: Store, conn_id: int) -> None:
    """Read through the index by day: the same rows as the list by id, of this connection only,
    whatever other connections hold, with their statuses and pruned flags."""
    other = store.add_connection("Other ApS", "odoo", pleo_company_id="c-2", ledger_company_id="8",
                                 ledger_company_name="Other ApS").id
    days = [f"2026-0{1 + n % 3}-{1 + n % 27:02d}T{n % 24:02d}:00:00Z" for n in range(60)]
    store.upsert_pleo_items([export_item(f"e{n:02d}", date=d) for n, d in enumerate(days)])
    store.ensure_records(conn_id, [f"e{n:02d}" for n in range(0, 60, 2)] + ["gone-1", "gone-2"])
    store.ensure_records(other, [f"e{n:02d}" for n in range(1, 60, 2)])
    store.mark_exported(conn_id, "e04", ledger_id="J-4", ledger_url=None)
    newest = store.expense_list(conn_id, newest_first=True)
    assert sorted(newest) == sorted(store.expense_list(conn_id))
    ids = [t[0] for t in newest]
    assert ids[-2:] == ["gone-2", "gone-1"]                  # no Pleo data: last
    dated = [(t[7], t[0]) for t in newest[:-2]]
    assert dated == sorted(dated, reverse=True) and len(dated) == 30
    assert not {t[0] for t in newest} & {f"e{n:02d}" for n in range(1, 60, 2)}
    assert dict((t[0], t[1:3]) for t in newest)["e04"] == ("exported", "J-4")


def test_one_expenses_ledger_notes(store: Store, conn_id: int) -> None:
    store.audit("ledger_notes", conn_id, expense_id="e1", notes=["VAT rounding on line 1"])
    store.audit("ledger_notes", conn_id, expense_id="e2", notes=["other"])
    store.audit("ledger_notes", conn_id, expense_id="e1", notes=["VAT rounding on line 2"])
    assert store.ledger_notes(conn_id, ["e1"]) == {"e1": ["VAT rounding on line 2"]}
    assert store.ledger_notes(conn_id) == {"e1": ["VAT rounding on line 2"], "e2": ["other"]}
    assert store.ledger_notes(conn_id, ["nope"]) == {}


def test_months_before_clamps_the_day() -> None:
    assert months_before(datetime(2031, 3, 31, tzinfo=timezone.utc), 1) == datetime(2031, 2, 28, tzinfo=timezone.utc)
    assert months_before(datetime(2031, 1, 15, tzinfo=timezone.utc), 12) == datetime(2030, 1, 15, tzinfo=timezone.utc)
    assert months_before(datetime(2031, 1, 15, tzinfo=timezone.utc), 13) == datetime(2029, 12, 15, tzinfo=timezone.utc)


def test_retention_prunes_exactly_the_expenses_the_ledger_confirmed_long_ago(
        store: Store, conn_id: int, receipts_root: Path, tmp_path: Path) -> None:
    other = store.add_connection("Other", "journal_file").id
    files = {
        "old-done": add(store, conn_id, "old-done", receipts_root),
        "old-no-receipts": add(store, conn_id, "old-no-receipts", receipts_root, receipts="none", files=0),
        "old-incomplete": add(store, conn_id, "old-incomplete", receipts_root, receipts="incomplete", files=2),
        "recent": add(store, conn_id, "recent", receipts_root, exported_at=RECENTLY),
        "owed-failed": add(store, conn_id, "owed-failed", receipts_root, receipts="failed"),
        "owed-pending": add(store, conn_id, "owed-pending", receipts_root, receipts="pending"),
        "held": add(store, conn_id, "held", receipts_root, status="held", receipts="none"),
        "failed": add(store, conn_id, "failed", receipts_root, status="failed", receipts="none"),
        "pending": add(store, conn_id, "pending", receipts_root, status="pending", receipts="none"),
        "sending": add(store, conn_id, "sending", receipts_root, status="sending", receipts="pending"),
        "skipped": add(store, conn_id, "skipped", receipts_root, status="skipped", receipts="none"),
        "shared-both": add(store, conn_id, "shared-both", receipts_root),
        "shared-one": add(store, conn_id, "shared-one", receipts_root),
    }
    add(store, other, "shared-both", receipts_root, files=0)
    add(store, other, "shared-one", receipts_root, status="pending", receipts="none", files=0)
    store.upsert_pleo_items([export_item("no-record")])           # Pleo data of no connection: not retention's
    outside = tmp_path / "elsewhere" / "mine.jpg"                 # a receipt path outside pleodesk's folder
    outside.parent.mkdir()
    outside.write_bytes(b"keep me")
    store.upsert_receipt("old-done", 5, url="u", mime="image/jpeg", size=7, status="downloaded", local_path=outside)

    assert prunable(store, 0, NOW) == []                          # "keep everything"
    ids = prunable(store, 12, NOW)
    assert set(ids) == {"old-done", "old-no-receipts", "old-incomplete", "shared-both"}
    paths = prune(store, ids, NOW)
    freed = remove_files(paths, receipts_root)

    assert freed == 1002 + (1002 + 2002) + 1002            # old-done, old-incomplete, shared-both
    for eid, fs in files.items():
        gone = eid in ids
        assert (store.get_pleo_item(eid) is None) == gone, eid
        assert all(p.exists() != gone for p in fs), eid
        statuses = {r.status for r in store.receipts_for(eid)}
        assert statuses <= ({"pruned"} if gone else {"downloaded"}), (eid, statuses)
    assert outside.exists()                                       # never outside the receipts folder
    assert store.get_pleo_item("no-record") is not None
    # The Expenses list still shows the pruned ones, with their ledger reference.
    listed = {t[0]: t for t in store.expense_list(conn_id)}
    assert listed["old-done"][2] == "L-old-done" and listed["old-done"][8] == "SAS" and listed["old-done"][15] == 1
    assert not (receipts_root / "old-done").exists()              # its emptied folder is gone too
    assert prunable(store, 12, NOW) == []                         # done once
    # A later month: the recent one's turn.
    assert prunable(store, 12, NOW + timedelta(days=400)) == ["recent"]


def test_a_deleted_connection_takes_its_pleo_data_and_receipts_with_it(
        store: Store, conn_id: int, receipts_root: Path) -> None:
    other = store.add_connection("Other", "journal_file").id
    mine = add(store, conn_id, "mine", receipts_root, status="held", receipts="none", files=2)
    shared = add(store, conn_id, "shared", receipts_root)
    add(store, other, "shared", receipts_root, files=0)
    theirs = add(store, other, "theirs", receipts_root)
    store.audit("connection.added", conn_id)

    paths = store.delete_connection(conn_id)
    assert sorted(paths) == sorted(str(p) for p in mine)
    assert remove_files(paths, receipts_root) == 1002 + 2002
    assert not any(p.exists() for p in mine) and not (receipts_root / "mine").exists()
    assert store.get_pleo_item("mine") is None and store.receipts_for("mine") == []
    # What the other connection still has stays: its own expense and the one they shared.
    assert store.get_pleo_item("shared") is not None and all(p.exists() for p in shared)
    assert store.get_pleo_item("theirs") is not None and all(p.exists() for p in theirs)
    assert [r.status for r in store.receipts_for("shared")] == ["downloaded"]
    assert [a.action for a in store.list_audit()] == ["connection.added"]
    assert store.delete_connection(99999) == []


def test_data_an_older_version_left_behind_is_deleted(store: Store, conn_id: int, receipts_root: Path) -> None:
    kept = add(store, conn_id, "kept", receipts_root, status="pending", receipts="none")
    store.upsert_pleo_items([export_item("orphan")])                # its connection was deleted long ago
    orphan_file = receipts_root / "orphan" / "o.jpg"
    orphan_file.parent.mkdir()
    orphan_file.write_bytes(b"x" * 500)
    store.upsert_receipt("orphan", 0, url="u", mime="image/jpeg", size=500, status="downloaded",
                         local_path=orphan_file)
    store.upsert_receipt("receipt-only", 0, url="u", mime="image/jpeg", size=1, status="failed")
    count, paths = forget_orphans(store)
    assert count == 2 and paths == [str(orphan_file)]
    assert store.get_pleo_item("orphan") is None and store.receipts_for("orphan") == []
    assert store.receipts_for("receipt-only") == []
    assert store.get_pleo_item("kept") is not None and all(p.exists() for p in kept)


def test_remove_files_never_leaves_the_receipts_folder(tmp_path: Path) -> None:
    root = tmp_path / "receipts"
    (root / "e1").mkdir(parents=True)
    inside = root / "e1" / "a.pdf"
    inside.write_bytes(b"12345")
    outside = tmp_path / "a.pdf"
    outside.write_bytes(b"1")
    sneaky = root / "e1" / ".." / ".." / "a.pdf"
    assert remove_files([str(outside), str(sneaky), str(root / "missing.pdf"), str(inside)], root) == 5
    assert outside.exists() and not inside.exists() and root.exists() and not (root / "e1").exists()


# ---------------------------------------------------------------- compacting --------------------
def _file_size(db: Path) -> int:
    return sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists())


def test_a_new_database_gives_pruned_space_back_to_the_disk(db_path: Path, conn_id: int, store: Store,
                                                             receipts_root: Path) -> None:
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA auto_vacuum").fetchone()[0] == 2          # incremental
    big = "x" * 20_000
    items = [export_item(f"e{i}", note=big) for i in range(300)]
    store.upsert_pleo_items(items)
    store.ensure_records(conn_id, [f"e{i}" for i in range(300)])
    store.mark_exported_many(conn_id, [(f"e{i}", f"L{i}", None) for i in range(300)], exported_at=LONG_AGO)
    compact(store)
    before = _file_size(db_path)
    result = clean_up(store, months=12, receipts_root=receipts_root, now=NOW)
    assert result.pruned == 300 and result.compacted == "incremental"
    after = _file_size(db_path)
    assert after < before - 300 * 15_000
    assert result.freed >= before - after - 4096 * 4 and result.freed == result.before.total - result.after.total


def test_pruning_ordinary_sized_items_frees_their_pages(db_path: Path, conn_id: int, store: Store,
                                                       receipts_root: Path) -> None:
    """Items of a couple of KB sit in the table's own pages (no overflow pages to free): pruning must
    still give most of the table's space back."""
    items = []
    for i in range(2000):                       # about 2.5 KB of JSON each, as Pleo's items are
        item = export_item(f"e{i}")
        item["files"] = [{"url": f"https://files.example/e{i}/{k}/" + "x" * 250, "type": "image/jpeg",
                          "size": 2048} for k in range(8)]
        items.append(item)
    store.upsert_pleo_items(items)
    ids = [f"e{i}" for i in range(2000)]
    store.ensure_records(conn_id, ids)
    store.mark_exported_many(conn_id, [(e, f"L{e}", None) for e in ids], exported_at=LONG_AGO)
    compact(store)
    before = _file_size(db_path)
    result = clean_up(store, months=12, receipts_root=receipts_root, now=NOW)
    after = _file_size(db_path)
    assert result.pruned == 2000
    assert after < before - 2000 * 2000
    listed = {t[0]: t for t in store.expense_list(conn_id)}
    assert len(listed) == 2000 and listed["e7"][8] == "SAS" and listed["e7"][15] == 1   # still listed
    assert [t[0] for t in store.expense_list(conn_id, newest_first=True)][:1] and store.get_pleo_item("e7") is None


def test_an_old_database_is_switched_to_incremental_vacuum_only_when_asked(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    with sqlite3.connect(db) as raw:                       # as pleodesk 0.1 created it: auto_vacuum NONE
        raw.execute("CREATE TABLE t (x)")
    with open_store(db) as store:
        assert compact(store) == "none"
        with sqlite3.connect(db) as raw:
            assert raw.execute("PRAGMA auto_vacuum").fetchone()[0] == 0
        assert compact(store, full=True) == "full"
        with sqlite3.connect(db) as raw:
            assert raw.execute("PRAGMA auto_vacuum").fetchone()[0] == 2
        assert compact(store) == "incremental"


def test_the_wal_file_is_kept_small(store: Store, db_path: Path) -> None:
    from pleodesk.storage.db import JOURNAL_SIZE_LIMIT

    raw = store._engine.raw_connection()
    try:
        assert raw.driver_connection.execute("PRAGMA journal_size_limit").fetchone()[0] == JOURNAL_SIZE_LIMIT
    finally:
        raw.close()


def test_data_folder_size(store: Store, db_path: Path, receipts_root: Path, conn_id: int) -> None:
    add(store, conn_id, "e1", receipts_root, files=2)
    (db_path.parent / "logs").mkdir()
    (db_path.parent / "logs" / "pleodesk.log").write_bytes(b"l" * 777)
    size = data_folder_size(store, receipts_root)
    assert size.receipts == 1002 + 2002
    assert size.database == sum(Path(f"{db_path}{s}").stat().st_size for s in ("", "-wal", "-shm")
                                if Path(f"{db_path}{s}").exists())
    assert size.other >= 777 and size.total == size.database + size.receipts + size.other


def test_defaults() -> None:
    assert retention.DEFAULT_MONTHS in retention.CHOICES and retention.DEFAULT_MONTHS >= 12
