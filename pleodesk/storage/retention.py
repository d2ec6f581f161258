"""Keeping the data folder lean: retention of Pleo's data and receipts, deleted connections' data,
and compacting the database.

What pleodesk keeps is a working copy. **The ledger is the record** a bookkeeper keeps for years
(often five to ten, as the law asks): the entries pleodesk created there, with their receipts
attached. So once the ledger has confirmed an expense (its export record is ``exported`` and its
receipts are settled) and ``months`` have passed since, pleodesk removes:

* the raw JSON of Pleo's export item (``pleo_items.raw`` becomes empty and ``pruned_at`` is set;
  the columns the Expenses list shows stay, so the expense stays listed with its ledger link);
* the receipt files it downloaded for the expense (the receipt records stay, with status ``pruned``).

Never anything of an expense that is held, failed, pending, sending or skipped, or whose receipts
are still owed to the ledger, on any connection that has it. An expense's data belongs to the
connections that have an export record of it: deleting the last of them deletes it
(``Store.delete_connection``); :func:`forget_orphans` deletes what an older version left behind.

Compacting: a new database is created with ``auto_vacuum=INCREMENTAL`` and is compacted in small
steps (``PRAGMA incremental_vacuum``) after a clean-up. SQLite cannot switch an existing database
from ``NONE`` to ``INCREMENTAL`` except by a full ``VACUUM`` (it rewrites the whole file, holds the
write lock meanwhile and needs as much free disk again), so :func:`compact` does that only when asked
to (``full=True``: "Clean up now" in Settings, when no export runs).
"""

from __future__ import annotations

import calendar
import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from pleodesk.core import clock
from typing import Iterable

from sqlalchemy import case, func, select, update

from pleodesk.storage.db import is_busy_error
from pleodesk.storage.models import ExportRecord, PleoItem, Receipt
from pleodesk.storage.store import IN_CHUNK, Store, _chunks, _sqlite_datetime, forget_unowned

log = logging.getLogger(__name__)

#: Months after the ledger confirmed an expense that its Pleo data and receipts are kept.
DEFAULT_MONTHS = 12
#: The choices Settings offers (0: keep everything).
CHOICES = (3, 6, 12, 24, 0)
#: Receipt statuses of an export record whose receipts are settled: nothing is owed to the ledger.
SETTLED_RECEIPTS = ("none", "done", "incomplete")
#: Files in the receipts folder that no receipt record names are deleted only when older than this
#: (a download in progress writes its file before its record).
STRAY_FILE_AGE_S = 24 * 3600
#: Pages freed per ``incremental_vacuum`` step (each holds the write lock briefly).
VACUUM_STEP_PAGES = 2048


def months_before(moment: datetime, months: int) -> datetime:
    """``moment`` minus ``months`` calendar months (the day clamped to the month's length)."""
    y, m = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(y, m + 1)[1])
    return moment.replace(year=y, month=m + 1, day=day)


# ---------------------------------------------------------------------------- the database ------
def prunable(store: Store, months: int, now: datetime | None = None) -> list[str]:
    """Expenses whose raw data and receipts retention removes now: stored and not yet pruned, with an
    export record on at least one connection, and on every connection that has one: exported more
    than ``months`` ago with its receipts settled."""
    if months <= 0:
        return []
    cutoff = months_before(now or clock.now(), months)
    r, i = ExportRecord.__table__.c, PleoItem.__table__.c
    confirmed = ((r.status == "exported") & r.receipts_status.in_(SETTLED_RECEIPTS)
                 & r.exported_at.is_not(None) & (r.exported_at < cutoff))
    q = (select(r.expense_id)
         .select_from(ExportRecord.__table__.join(PleoItem.__table__, i.id == r.expense_id))
         .where(i.pruned_at.is_(None))
         .group_by(r.expense_id)
         .having(func.sum(case((confirmed, 0), else_=1)) == 0)
         .order_by(r.expense_id))
    with store._read() as s:
        return list(s.scalars(q))


def prune(store: Store, expense_ids: Iterable[str], now: datetime | None = None) -> list[str]:
    """Empty the raw data of these expenses and mark their downloaded receipts ``pruned``; returns the
    local paths of those receipt files (delete them with :func:`remove_files`). A few hundred
    expenses per transaction, so an export running meanwhile is never kept waiting long.

    The items are deleted and written again (same rowid, empty ``raw``) rather than updated: SQLite
    merges the pages a delete leaves nearly empty, which an update that shrinks a row does not, so
    the space comes free (about nine tenths of ``pleo_items``) and ``compact`` can give it back."""
    now = now or clock.now()
    stamp = _sqlite_datetime()(now.astimezone(timezone.utc).replace(tzinfo=None))
    columns = [c.name for c in PleoItem.__table__.columns]
    at = {name: i for i, name in enumerate(columns, 1)}            # 0 is the rowid
    insert = (f"INSERT INTO pleo_items (rowid, {', '.join(columns)}) "
              f"VALUES ({', '.join('?' * (len(columns) + 1))})")
    paths: list[str] = []
    for part in _chunks(list(dict.fromkeys(expense_ids)), IN_CHUNK):
        with store._write() as s:
            downloaded = (Receipt.expense_id.in_(part), Receipt.status == "downloaded")
            paths.extend(p for p in s.scalars(select(Receipt.local_path).where(*downloaded)) if p)
            s.execute(update(Receipt).where(*downloaded)
                      .values(status="pruned", local_path=None, updated_at=now)
                      .execution_options(synchronize_session=False))
            con = s.connection().connection.driver_connection
            marks = ", ".join("?" * len(part))
            where = f"id IN ({marks}) AND pruned_at IS NULL"
            rows = [list(r) for r in con.execute(f"SELECT rowid, {', '.join(columns)} FROM pleo_items WHERE {where}",
                                                 tuple(part))]
            for r in rows:
                r[at["raw"]] = ""
                r[at["pruned_at"]] = stamp
            con.execute(f"DELETE FROM pleo_items WHERE {where}", tuple(part))
            con.executemany(insert, rows)
    return paths


def forget_orphans(store: Store) -> tuple[int, list[str]]:
    """Delete the Pleo items and receipt records that no connection has an export record of (those
    of connections deleted by a pleodesk before this one). Returns (expenses, receipt file paths)."""
    r = ExportRecord.__table__.c
    with store._read() as s:
        ids = set(s.scalars(select(PleoItem.id).where(~select(r.id).where(r.expense_id == PleoItem.id).exists())))
        ids.update(s.scalars(select(Receipt.expense_id).where(
            ~select(r.id).where(r.expense_id == Receipt.expense_id).exists())))
    paths: list[str] = []
    for part in _chunks(sorted(ids), IN_CHUNK):
        with store._write() as s:
            paths.extend(forget_unowned(s, part))
    return len(ids), paths


def compact(store: Store, *, full: bool = False) -> str:
    """Give the free pages of the database back to the disk. Returns what was done: "incremental",
    "full" (a whole VACUUM, which also switched the file to incremental vacuum), "busy" (another
    program held the database) or "none" (an old database and ``full`` not asked)."""
    raw = store._engine.raw_connection()
    try:
        con = raw.driver_connection
        mode = con.execute("PRAGMA auto_vacuum").fetchone()[0]
        try:
            if mode == 0:
                if not full:
                    done = "none"
                else:
                    con.execute("PRAGMA auto_vacuum=INCREMENTAL")
                    con.execute("VACUUM")
                    done = "full"
            else:
                while con.execute("PRAGMA freelist_count").fetchone()[0] > 0:
                    # Each step is a transaction of its own; the rows must be read for it to run.
                    con.execute(f"PRAGMA incremental_vacuum({VACUUM_STEP_PAGES})").fetchall()
                done = "incremental"
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.OperationalError as exc:
            if not is_busy_error(exc):
                raise
            log.info("database not compacted now: %s", exc)
            done = "busy"
        return done
    finally:
        raw.close()


# ---------------------------------------------------------------------------- the files ---------
def remove_files(paths: Iterable[str], root: Path) -> int:
    """Delete the files among ``paths`` that are inside ``root`` (pleodesk's receipts folder: a
    path anywhere else is never touched), and the folders left empty by that. Returns the bytes freed."""
    root = Path(root).resolve()
    freed = 0
    folders: set[Path] = set()
    for p in paths:
        try:
            path = Path(p).resolve()
        except (OSError, RuntimeError):
            continue
        if root not in path.parents:
            continue
        try:
            size = path.stat().st_size
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("could not delete %s: %s", path, exc)
            continue
        freed += size
        folders.add(path.parent)
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        while folder != root and root in folder.parents:
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent
    return freed


def stray_files(store: Store, root: Path, now: float | None = None) -> list[str]:
    """Files in the receipts folder that no receipt record names, last changed more than a day ago
    (left by a download that was cut short, or by a deletion that failed)."""
    root = Path(root)
    if not root.is_dir():
        return []
    with store._read() as s:
        known = {str(Path(p)) for p in s.scalars(select(Receipt.local_path).where(Receipt.local_path.is_not(None)))}
    limit = (now if now is not None else time.time()) - STRAY_FILE_AGE_S
    out = []
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(dirpath, name)
            if path in known:
                continue
            try:
                if os.lstat(path).st_mtime < limit:
                    out.append(path)
            except OSError:
                pass
    return out


def folder_size(path: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(dirpath, name)).st_size
            except OSError:
                pass
    return total


@dataclass
class FolderSize:
    database: int
    receipts: int
    other: int

    @property
    def total(self) -> int:
        return self.database + self.receipts + self.other


def data_folder_size(store: Store, receipts_root: Path) -> FolderSize:
    """The size of the database (with its -wal and -shm), of the receipts folder and of everything
    else in the data folder the database is in."""
    base = store.path
    database = 0
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            database += os.stat(f"{base}{suffix}").st_size
        except OSError:
            pass
    receipts = folder_size(Path(receipts_root))
    total = folder_size(base.parent)
    inside = Path(receipts_root).resolve().parent == base.parent.resolve()
    return FolderSize(database, receipts, max(0, total - database - (receipts if inside else 0)))


# ---------------------------------------------------------------------------- clean up ----------
@dataclass
class CleanupResult:
    pruned: int = 0                 # expenses whose Pleo data and receipts were removed
    orphans: int = 0                # expenses of no connection, deleted
    files: int = 0                  # receipt files deleted
    compacted: str = "none"         # see compact()
    before: FolderSize | None = None
    after: FolderSize | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def freed(self) -> int:
        if self.before is None or self.after is None:
            return 0
        return max(0, self.before.total - self.after.total)


def clean_up(store: Store, *, months: int, receipts_root: Path, now: datetime | None = None,
             full_vacuum: bool = False) -> CleanupResult:
    """Retention (``months``; 0 keeps everything), the data of no connection, stray receipt files,
    then compact the database. Safe while an export runs (short transactions; only settled data)."""
    result = CleanupResult(before=data_folder_size(store, receipts_root))
    ids = prunable(store, months, now)
    paths = prune(store, ids, now)
    result.pruned = len(ids)
    result.orphans, orphan_paths = forget_orphans(store)
    paths += orphan_paths
    paths += stray_files(store, receipts_root)
    result.files = len(paths)
    remove_files(paths, receipts_root)
    try:
        result.compacted = compact(store, full=full_vacuum)
    except sqlite3.DatabaseError as exc:       # a full disk during VACUUM: the file is unchanged
        log.warning("database not compacted: %s", exc)
        result.errors.append(str(exc))
    result.after = data_folder_size(store, receipts_root)
    return result
