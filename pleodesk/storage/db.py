"""The SQLite engine and the schema migrations.

* One engine per database file; sessions are short and per call (``Store`` does that).
* WAL journal, ``synchronous=NORMAL``, foreign keys on, a 5 s busy timeout: the app and a CLI export
  can use the same file at once; SQLite's locks serialise the writers. ``journal_size_limit`` keeps the
  WAL file from staying at its largest size after a checkpoint.
* A new database file is created with ``auto_vacuum=INCREMENTAL``, so pages freed by retention can be
  given back to the disk a few at a time (``pleodesk.storage.retention.compact``). An older file
  keeps ``auto_vacuum=NONE`` until a full ``VACUUM`` switches it (SQLite allows the switch only then).
* Writes start with ``BEGIN IMMEDIATE`` (take the write lock up front, waiting up to the busy timeout)
  rather than SQLite's deferred ``BEGIN``: a deferred transaction that reads and then writes fails
  at once with ``SQLITE_BUSY`` if another process wrote in between, and no timeout helps with that.
* The database file and its ``-wal``/``-shm`` companions are private to the user (mode 0600).
* Migrations are Alembic revisions shipped in ``migrations/`` next to this module; Alembic is
  configured in code, so no ``alembic.ini`` or working directory is needed at run time.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

BUSY_TIMEOUT_S = 5.0
#: After a checkpoint the WAL file is cut back to this size (SQLite otherwise leaves it at its
#: largest, which an export of a big month makes hundreds of MB).
JOURNAL_SIZE_LIMIT = 32 * 1024 * 1024
WRITE_OPTION = "pleodesk_write"          # execution option: begin with BEGIN IMMEDIATE
PRIVATE_MODE = 0o600
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")
#: The newest revision of the shipped migrations (tests/storage/test_migrations.py checks that it is
#: Alembic's head). A database already at it opens without loading Alembic and its scripts (about a
#: quarter of a second of every start on the development machine).
HEAD_REVISION = "0005_expense_list"

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


class StoreError(Exception):
    """The database cannot be used as it is (newer schema, not a database, locked for too long).
    ``str()`` is one line saying what is wrong and what to do; ``where``: the file or folder concerned
    (or the unknown schema revision), for a message in the user's language."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.where = where


class StoreBusyError(StoreError):
    """Another program held the database for longer than the busy timeout."""


class StoreDamaged(StoreError):
    """The database file is not a readable SQLite database (corrupt, truncated, something else)."""


class StoreTooNew(StoreError):
    """The database was written by a newer pleodesk (a schema revision this version does not know)."""


class StoreReadOnly(StoreError):
    """The data folder or the database file cannot be written by this user."""


class StoreDiskFull(StoreError):
    """Writing failed for want of space (a full disk, a quota, a file size limit) or a failing disk."""


_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG} | ({errno.EDQUOT} if hasattr(errno, "EDQUOT") else set())
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def classify_error(exc: BaseException, path: Path) -> StoreError | None:
    """The :class:`StoreError` that says in one line what ``exc`` (from SQLite, or from the file system
    while opening ``path``) means for the user, or None when it is none of the cases pleodesk knows."""
    if isinstance(exc, StoreError):
        return exc
    orig = getattr(exc, "orig", None) or exc
    folder = Path(path).parent
    if isinstance(orig, OSError) and not isinstance(orig, sqlite3.Error):
        if orig.errno in _FULL_ERRNOS:
            return disk_full(folder)
        if orig.errno in _READ_ONLY_ERRNOS:
            return read_only(folder)
        return None
    if not isinstance(orig, sqlite3.Error):
        return None
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    text = str(orig).lower()
    if is_busy_error(orig):
        return StoreBusyError(f"The pleodesk database {path} is busy: another pleodesk held it for more than "
                              f"{BUSY_TIMEOUT_S:g} s. Try again.")
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "not a database" in text or "malformed" in text:
        return StoreDamaged(f"The pleodesk database {path} is damaged (it is not a readable database), so "
                            "pleodesk changed nothing. Restore the file from a backup, or move it away to start "
                            "afresh (then set up the connections again).", str(path))
    if name.startswith("SQLITE_READONLY") or "readonly" in text or name == "SQLITE_CANTOPEN" \
            or "unable to open database" in text:
        return read_only(folder)
    if name == "SQLITE_FULL" or "disk is full" in text or name.startswith("SQLITE_IOERR") or "disk i/o" in text:
        return disk_full(folder)
    return None


def read_only(folder: Path) -> StoreReadOnly:
    return StoreReadOnly(f"pleodesk cannot write to its data folder {folder}: it is read-only for this user. "
                         "Make it writable (or set PLEODESK_HOME to a folder that is) and try again; nothing "
                         "was changed.", str(folder))


def disk_full(folder: Path) -> StoreDiskFull:
    return StoreDiskFull(f"pleodesk could not write to its data folder {folder}: the disk is full (or failing). "
                         "Free some space and try again; what was saved before is intact.", str(folder))


class UnknownConnectionError(StoreError, KeyError):
    """A connection id that is not (or no longer) in the database."""

    def __str__(self) -> str:          # KeyError would show the repr
        return str(self.args[0]) if self.args else "unknown connection"


# ---------------------------------------------------------------- alembic ----------------------
def alembic_config(connection=None) -> Config:
    """An Alembic configuration for the shipped migrations; ``connection`` is used by ``env.py``."""
    from alembic.config import Config

    if not (MIGRATIONS_DIR / "env.py").is_file():
        raise StoreError(f"The database migrations are missing from this installation ({MIGRATIONS_DIR}).")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    heads = script_directory().get_heads()
    if len(heads) != 1:
        raise StoreError(f"The database migrations have {len(heads)} heads; expected one: {heads}")
    return heads[0]


def current_revision(connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    heads = MigrationContext.configure(connection).get_current_heads()
    return heads[0] if len(heads) == 1 else (",".join(heads) or None)


_MIGRATE_LOCK = threading.Lock()


def migrate(engine: Engine, revision: str = "head") -> str:
    """Bring the database to ``revision`` (head by default) and return the revision it is at.

    Runs inside one ``BEGIN IMMEDIATE`` transaction: a second process opening the same file waits,
    then finds the schema already current. A database stamped with a revision this version of the
    app does not know was written by a newer pleodesk: refuse it rather than guess.
    """
    if revision == "head" and _stamped(engine) == [HEAD_REVISION]:
        return HEAD_REVISION                    # nothing to do: no need to load Alembic
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    script = script_directory()
    known = {rev.revision for rev in script.walk_revisions()}
    # Alembic's ``op`` and ``context`` are process-wide: two threads migrating at once (two stores
    # opened at the same moment) would run each other's revisions half-configured.
    with _MIGRATE_LOCK, _immediate(engine) as conn:
        current = MigrationContext.configure(conn).get_current_heads()
        unknown = [rev for rev in current if rev not in known]
        if unknown:
            raise StoreTooNew(
                "This data was written by a newer pleodesk (database schema "
                f"{', '.join(unknown)}). Update pleodesk to open it; nothing was changed.", ", ".join(unknown))
        command.upgrade(alembic_config(conn), revision)
        return current_revision(conn) or ""


def _stamped(engine: Engine) -> list[str] | None:
    """The revisions the database is stamped with (None: not stamped yet, a new file)."""
    try:
        with engine.connect() as conn:
            return [row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")]
    except Exception:                  # no such table (a new file), or unreadable: the full path decides
        return None


@contextmanager
def _immediate(engine: Engine) -> Iterator:
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            yield conn


# ---------------------------------------------------------------- engine -----------------------
def create_sqlite_engine(path: Path) -> Engine:
    """An engine for the database file at ``path`` (created, private, in WAL mode)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    engine = create_engine(
        URL.create("sqlite", database=str(path)),
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)

    old_umask = os.umask(0o077)    # the -wal/-shm SQLite creates now are private from the start
    try:
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_RDWR, PRIVATE_MODE))
        _new_file_incremental_vacuum(engine)
        mode = _switch_to_wal(engine)
        if str(mode).lower() != "wal":
            raise StoreError(f"Could not switch {path} to WAL journal mode (got {mode!r}).")
    except BaseException:
        engine.dispose()
        raise
    finally:
        os.umask(old_umask)
    make_private(path)
    return engine


def _new_file_incremental_vacuum(engine: Engine) -> None:
    """On an empty (new) file, choose incremental auto-vacuum before anything is written: SQLite lets
    auto_vacuum change from NONE only before the first table is created, or by a full VACUUM."""
    raw = engine.raw_connection()
    try:
        con = raw.driver_connection
        if con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
            con.execute("PRAGMA auto_vacuum=INCREMENTAL")
    except sqlite3.OperationalError as exc:   # another process is creating it: it sets the same
        if not is_busy_error(exc):
            raise
    finally:
        raw.close()


def _switch_to_wal(engine: Engine) -> str:
    """Put the file in WAL mode and return the journal mode it ends in.

    Switching needs an exclusive lock, and SQLite answers "database is locked" at once, without
    calling the busy handler, while another process is creating or migrating the same new file.
    So wait here, up to the same busy timeout as every other statement, for that process to finish.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    delay = 0.01
    while True:
        raw = engine.raw_connection()      # outside any transaction: the journal mode needs that
        try:
            cur = raw.cursor()
            try:
                mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
                if str(mode).lower() != "wal":
                    mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()[0]
                return str(mode)
            finally:
                cur.close()
        except sqlite3.OperationalError as exc:
            if not is_busy_error(exc) or time.monotonic() >= deadline:
                raise
        finally:
            raw.close()
        time.sleep(delay)
        delay = min(delay * 2, 0.2)


def make_private(path: Path) -> None:
    """chmod 0600 the database and its companions (SQLite gives new -wal/-shm files the same mode)."""
    if sys.platform == "win32":      # per-user profile ACLs protect the data directory there
        return
    for suffix in SQLITE_SUFFIXES:
        p = Path(f"{path}{suffix}")
        try:
            if stat.S_IMODE(p.stat().st_mode) != PRIVATE_MODE:
                p.chmod(PRIVATE_MODE)
        except FileNotFoundError:
            pass
        except PermissionError:      # not our file: leave it, SQLite will say if it cannot use it
            pass


def _on_connect(dbapi_conn, _record) -> None:
    # Let SQLAlchemy's "begin" event (below) issue BEGIN, instead of the sqlite3 module's own
    # implicit transactions (which start only at the first write and never for SELECT).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA journal_size_limit={JOURNAL_SIZE_LIMIT}")
    finally:
        cur.close()


def _on_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")


def is_busy_error(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text
