"""``Store``: the repository the rest of the app uses. The only code in pleodesk that talks SQL.

Every method runs in its own short transaction and commits before it returns; reads return frozen
dataclasses (``pleodesk.storage.rows``), never ORM objects, so results may cross threads. One
``Store`` may be shared by all threads of a process; another process may open the same file.
"""

from __future__ import annotations

import copy
import functools
import json
import logging
import re
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping as MappingT, Sequence, TypeVar

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.expression import ClauseElement

from pleodesk.core import clock, jsoncodec
from pleodesk.core.ledger import CategoryMapping, ContraRole, Mappings
from pleodesk.core.model import parse_timestamp
from pleodesk.core.money import MAX_MINOR_UNITS
from pleodesk.core.names import check_connection_name
from pleodesk.storage import db
from pleodesk.storage.listing import list_columns
from pleodesk.storage.db import StoreBusyError, StoreError, UnknownConnectionError
from pleodesk.storage.models import (AuditEntry, Connection, ExportRecord, FeedRecord, Mapping, Meta, PleoItem,
                                     Receipt, Run, SchedulerState)
from pleodesk.storage.rows import (CONNECTION_STATES, DEFAULT_ACCOUNT_KEY, FEED_STATUSES, MAPPING_KINDS,
                                   OUTCOME_STATUSES, RECEIPT_STATUSES, RECEIPTS_STATUSES, RECORD_STATUSES,
                                   RUN_KINDS, RUN_STATUSES, RUN_TRIGGERS, AuditRow, ConnectionRow, FeedRow,
                                   MappingRow, Problem, ReceiptRow, RecordRow, RunRow)

log = logging.getLogger(__name__)

T = TypeVar("T")
#: Rows per statement/transaction in bulk writes, and ids per ``IN (...)`` in bulk reads.
CHUNK = 5000
IN_CHUNK = 500

_UNSET: Any = object()
#: ``Store._upsert_records``' statements by shape.
_RECORD_UPSERTS: dict[tuple, Any] = {}

_CONNECTION_FIELDS = frozenset({
    "name", "system", "ledger_company_id", "ledger_company_name", "pleo_company_id", "pleo_base_url",
    "settings", "state", "state_message", "active",
})


def open_store(path: str | Path | None = None) -> "Store":
    """Open (creating if needed) the database at ``path`` (default: the user's data directory) and
    migrate it to the newest schema. Raises ``StoreError`` if a newer pleodesk wrote it."""
    from pleodesk.paths import database_path

    return Store(Path(path) if path is not None else database_path())


# ---------------------------------------------------------------- installation ids -------------
_installations: dict[Path, str] = {}
_installations_lock = threading.Lock()


def installation_id(path: str | Path | None = None) -> str:
    """The installation id of the database at ``path`` (default: the one of the data folder in force,
    ``PLEODESK_HOME`` or the user data directory), made with the database and never changed.

    Known without a query once a ``Store`` opened that file in this process; otherwise the database is
    opened (created and migrated if needed) to read it."""
    from pleodesk.paths import database_path

    key = _path_key(Path(path) if path is not None else database_path())
    with _installations_lock:
        known = _installations.get(key)
    if known is None:
        with open_store(key) as store:
            known = store.installation_id
    return known


def _path_key(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


# ---------------------------------------------------------------- secrets guard ----------------
_SECRET_WORDS = frozenset({"secret", "password", "passwd", "passphrase", "token", "apikey", "credential",
                           "credentials"})
_SECRET_PAIRS = frozenset({("api", "key"), ("private", "key"), ("access", "key"), ("client", "secret")})
#: A secret-like word followed by one of these names where a secret is, not the secret itself.
_NOT_SECRET_LAST_WORDS = frozenset({"url", "uri", "endpoint", "expiry", "expires", "expiresat"})


def is_secret_key(key: str) -> bool:
    """Whether a settings key is named like a credential (``client_secret``, ``apiKey``, ``token``...).

    ``token_url``, ``token_endpoint`` and ``token_expiry`` are not: they say where or until when.
    """
    words = [w.lower() for w in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", str(key))]
    if not words:
        return False
    if words[-1] in _NOT_SECRET_LAST_WORDS or "".join(words[-2:]) == "expiresat":
        return False
    if any(w in _SECRET_WORDS for w in words):
        return True
    return any(pair in _SECRET_PAIRS for pair in zip(words, words[1:]))


def _refuse_secrets(settings: Any, where: str = "settings") -> None:
    if isinstance(settings, MappingT):
        for key, value in settings.items():
            if is_secret_key(key):
                raise ValueError(f"{where}: {key!r} looks like a secret; secrets belong in the OS keyring, "
                                 "not in the database")
            _refuse_secrets(value, f"{where}.{key}")
    elif isinstance(settings, (list, tuple)):
        for i, value in enumerate(settings):
            _refuse_secrets(value, f"{where}[{i}]")


def _redact(value: Any) -> Any:
    if isinstance(value, MappingT):
        return {str(k): ("<redacted>" if is_secret_key(str(k)) else _redact(v)) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_redact(v) for v in value]
    return value


def _json_safe(value: Any) -> Any:
    """A JSON-compatible copy (datetimes, Decimals, enums, paths... become strings)."""
    def default(o: Any) -> Any:
        if isinstance(o, datetime):
            return o.isoformat()
        if hasattr(o, "value") and isinstance(getattr(o, "value"), (str, int)):
            return o.value
        return str(o)
    return json.loads(json.dumps(value, default=default))


# ---------------------------------------------------------------- helpers ----------------------
def _now() -> datetime:
    return clock.now()


#: What an interrupted run's history says.
INTERRUPTED_MESSAGE = ("pleodesk stopped before this run finished (it was closed, killed, or the computer "
                       "went off). What was sent is recorded; the rest goes with the next run.")
#: The lock files of the runs this process has in progress (path -> held FileLock), whichever Store
#: started them.
_HELD_RUNS: dict[str, Any] = {}
_HELD_RUNS_LOCK = threading.Lock()


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _aware(value: datetime | None, what: str) -> datetime | None:
    if value is not None and (not isinstance(value, datetime) or value.utcoffset() is None):
        raise ValueError(f"{what}: expected an aware datetime (UTC), got {value!r}")
    return value


def _check(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")
    return value


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(str(i) for i in ids))


def _chunks(seq: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _to_row(cls: type[T], obj: Any) -> T:
    return cls(**{name: getattr(obj, name) for name in _field_names(cls)})   # type: ignore[arg-type]


#: Plain (Core) selects of every column: much cheaper than ORM objects for thousands of rows.
_RECORD_COLUMNS = select(*ExportRecord.__table__.c)
_FEED_COLUMNS = select(*FeedRecord.__table__.c)
_RUN_COLUMNS = select(*Run.__table__.c)
_RECEIPT_COLUMNS = select(*Receipt.__table__.c)


@functools.cache
def _receipt_upsert():
    stmt = sqlite_insert(Receipt)
    return stmt.on_conflict_do_update(
        index_elements=[Receipt.expense_id, Receipt.position],
        set_={k: stmt.excluded[k] for k in ("url", "mime", "size", "status", "local_path", "sha256", "error",
                                            "updated_at")})
#: The columns of ``pleo_items`` the Expenses list reads (``pleodesk.storage.listing``).
_LIST_COLUMNS = ("day", "supplier", "employee", "category", "receipt_count", "note")


def _conn_row(c: Connection) -> ConnectionRow:
    values = {name: getattr(c, name) for name in _field_names(ConnectionRow)}
    values["settings"] = copy.deepcopy(c.settings or {})
    return ConnectionRow(**values)


def _audit_row(a: AuditEntry) -> AuditRow:
    return AuditRow(id=a.id, at=a.at, connection_id=a.connection_id, action=a.action, detail=a.detail or {})


def _month_bounds(month: str) -> tuple[datetime, datetime]:
    m = re.fullmatch(r"(\d{4})-(\d{2})", month)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError(f"month {month!r}: expected YYYY-MM")
    y, mo = int(m.group(1)), int(m.group(2))
    start = datetime(y, mo, 1, tzinfo=timezone.utc)
    end = datetime(y + (mo == 12), mo % 12 + 1, 1, tzinfo=timezone.utc)
    return start, end


def _minor_units(value: Any) -> int:
    """Pleo's ``MoneyModel.value``: whole minor units (a JSON number like 1250.0 is accepted). Never
    rounded: 1250.5 is refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"minor units must be a whole number: {value!r}")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(f"minor units must be whole: {value!r}")
    minor = int(value)
    if not -MAX_MINOR_UNITS <= minor <= MAX_MINOR_UNITS:     # SQLite's integers end at 2**63 - 1
        raise ValueError(f"{minor} minor units is beyond the largest amount pleodesk takes")
    return minor


#: ``pleo_items`` columns in the order ``_pleo_item_row`` gives them.
_ITEM_COLUMNS = ("id", "company_id", "kind", "booked_at", "currency", "amount_minor", "raw", "fetched_at", "job_id",
                 "day", "supplier", "employee", "category", "receipt_count", "note", "pruned_at")
#: Insert or replace by id; a missing job id keeps the stored one; storing an item again brings back
#: raw data retention removed. Plain SQL run with the driver's executemany: for 50,000 items the
#: per-row work of a SQLAlchemy statement costs more than SQLite itself.
_UPSERT_ITEMS_SQL = (
    f"INSERT INTO pleo_items ({', '.join(_ITEM_COLUMNS)}) VALUES ({', '.join('?' * len(_ITEM_COLUMNS))}) "
    "ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _ITEM_COLUMNS if c not in ("id", "job_id", "pruned_at"))
    + ", job_id = coalesce(excluded.job_id, pleo_items.job_id), pruned_at = NULL")


@functools.cache
def _sqlite_datetime():
    """SQLAlchemy's own bind processor for a DateTime on SQLite: the stored text is the same as
    every other write's, so comparisons in SQL keep working."""
    from sqlalchemy import DateTime
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    return DateTime().dialect_impl(dialect).bind_processor(dialect)


def _naive_utc(dt: datetime) -> datetime:
    return dt.astimezone(timezone.utc).replace(tzinfo=None)


def _pleo_item_row(item: MappingT[str, Any], job_id: str | None, fetched: str) -> tuple:
    # The raw JSON as stored: compact, UTF-8 as it is.
    try:
        amount = item["amount"]["inWalletCurrency"]
        listed = list_columns(item)
        # the booking date and time as Pleo shows them (its timestamp's wall-clock time, kept as if it
        # were UTC), so that a month of items is the month of their booking dates
        booked = parse_timestamp(item["date"]).replace(tzinfo=None)
        return (str(item["accountingEntryId"]), str(item["companyId"]), str(item["type"]),
                _sqlite_datetime()(booked), str(amount["currency"]),
                _minor_units(amount["value"]), jsoncodec.dumps_compact(item),
                fetched, job_id, listed["day"], listed["supplier"], listed["employee"], listed["category"],
                listed["receipt_count"], listed["note"], None)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        ident = item.get("accountingEntryId", "?") if isinstance(item, MappingT) else "?"
        raise ValueError(f"export item {ident}: malformed ({exc!r})") from exc


# ---------------------------------------------------------------- the store --------------------
class Store:
    """See the module docstring. Create with ``open_store``."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self._engine = db.create_sqlite_engine(self.path)
        except (DBAPIError, sqlite3.DatabaseError, OSError) as exc:
            raise self._open_error(exc) from exc
        try:
            db.migrate(self._engine)
        except (DBAPIError, sqlite3.DatabaseError, OSError) as exc:
            self._engine.dispose()
            raise self._open_error(exc) from exc
        except BaseException:
            self._engine.dispose()
            raise
        db.make_private(self.path)
        self._read_session = sessionmaker(self._engine, expire_on_commit=False)
        self._write_session = sessionmaker(self._engine.execution_options(**{db.WRITE_OPTION: True}),
                                           expire_on_commit=False)
        try:
            #: Made with the database (schema migration), never changed: names its keyring entries.
            self.installation_id = self._installation_id()
        except BaseException:
            self._engine.dispose()
            raise
        with _installations_lock:
            _installations[_path_key(self.path)] = self.installation_id

    def _open_error(self, exc: BaseException) -> StoreError:
        if db.is_busy_error(exc):
            return StoreBusyError(f"{self.path} is busy: another pleodesk is using it. Try again.")
        known = db.classify_error(exc, self.path)
        if known is not None:
            return known
        if isinstance(exc, OSError):
            raise exc
        return StoreError(f"Could not open the pleodesk database {self.path}: {getattr(exc, 'orig', None) or exc}")

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close every pooled connection (the last one out checkpoints the WAL)."""
        self._engine.dispose()

    def schema_revision(self) -> str:
        with self._engine.connect() as conn:
            return db.current_revision(conn) or ""

    # ------------------------------------------------------------ meta -------------------------
    def _installation_id(self) -> str:
        value = self.get_meta("installation_id")
        if value:
            return value
        import uuid

        with self._write() as s:    # the migration made one; a row deleted by hand is made again
            s.execute(sqlite_insert(Meta).values(key="installation_id", value=str(uuid.uuid4()))
                      .on_conflict_do_nothing())
        return self.get_meta("installation_id") or ""

    def get_meta(self, key: str) -> str | None:
        """A value of the ``meta`` table (facts about this database), or None."""
        with self._read() as s:
            row = s.get(Meta, key)
            return row.value if row is not None else None

    def set_meta(self, key: str, value: str) -> None:
        if key == "installation_id":
            raise ValueError("the installation id never changes")
        with self._write() as s:
            s.execute(sqlite_insert(Meta).values(key=key, value=str(value))
                      .on_conflict_do_update(index_elements=[Meta.key], set_={"value": str(value)}))

    # ------------------------------------------------------------ transactions -----------------
    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with self._read_session() as s, s.begin():
                yield s
        except (OperationalError, sqlite3.OperationalError) as exc:   # the latter: driver-level reads
            self._raise_busy(exc)
            self._raise_known(exc)
            raise
        except DBAPIError as exc:
            self._raise_known(exc)
            raise

    @contextmanager
    def _write(self) -> Iterator[Session]:
        try:
            with self._write_session() as s, s.begin():
                yield s
        except (OperationalError, sqlite3.OperationalError) as exc:   # the latter: executemany
            self._raise_busy(exc)
            self._raise_known(exc)
            raise
        except IntegrityError as exc:
            if "FOREIGN KEY" in str(exc.orig).upper():
                raise UnknownConnectionError("no such connection") from exc
            raise
        except DBAPIError as exc:
            self._raise_known(exc)
            raise

    def _raise_known(self, exc: DBAPIError) -> None:
        """A full disk, a read-only folder, a damaged file: the one-line StoreError that says so."""
        known = db.classify_error(exc, self.path)
        if known is not None and not isinstance(known, StoreBusyError):
            raise known from exc

    def _raise_busy(self, exc: OperationalError) -> None:
        if db.is_busy_error(exc):
            raise StoreBusyError(
                f"The pleodesk database is busy (another pleodesk held it for more than "
                f"{db.BUSY_TIMEOUT_S:g} s). Try again.") from exc

    @staticmethod
    def _connection(s: Session, conn_id: int) -> Connection:
        c = s.get(Connection, conn_id)
        if c is None:
            raise UnknownConnectionError(f"no connection with id {conn_id}")
        return c

    # ------------------------------------------------------------ connections ------------------
    def add_connection(self, name: str, system: str, *, settings: dict[str, Any] | None = None,
                       pleo_company_id: str | None = None, pleo_base_url: str | None = None,
                       ledger_company_id: str | None = None,
                       ledger_company_name: str | None = None) -> ConnectionRow:
        """Add a connection (state "connected", active). ValueError if the name is taken or a
        settings key is named like a secret."""
        name = check_connection_name(name)      # ConnectionNameError is a ValueError
        settings = dict(settings or {})
        _refuse_secrets(settings)
        now = _now()
        c = Connection(name=name, system=system, settings=_json_safe(settings),
                       pleo_company_id=pleo_company_id, pleo_base_url=pleo_base_url,
                       ledger_company_id=ledger_company_id, ledger_company_name=ledger_company_name,
                       state="connected", active=True, created_at=now, updated_at=now)
        try:
            with self._write() as s:
                s.add(c)
                s.flush()
                return _conn_row(c)
        except IntegrityError as exc:
            raise ValueError(f"a connection named {name!r} already exists") from exc

    def get_connection(self, name_or_id: int | str) -> ConnectionRow | None:
        """By id (an int) or by name (a str)."""
        with self._read() as s:
            if isinstance(name_or_id, int):
                c = s.get(Connection, name_or_id)
            else:
                c = s.scalars(select(Connection).where(Connection.name == name_or_id)).one_or_none()
            return _conn_row(c) if c else None

    def list_connections(self, include_inactive: bool = True) -> list[ConnectionRow]:
        q = select(Connection).order_by(Connection.name, Connection.id)
        if not include_inactive:
            q = q.where(Connection.active.is_(True))
        with self._read() as s:
            return [_conn_row(c) for c in s.scalars(q)]

    def update_connection(self, conn_id: int, *, replace_settings: bool = False,
                          **changes: Any) -> ConnectionRow:
        """Change any of: name, system, ledger_company_id, ledger_company_name, pleo_company_id,
        pleo_base_url, settings, state, state_message, active. ``settings`` is merged into the stored
        settings (``dict.update``) unless ``replace_settings=True``."""
        unknown = set(changes) - _CONNECTION_FIELDS
        if unknown:
            raise TypeError(f"update_connection: unknown field(s) {', '.join(sorted(unknown))}")
        if "settings" in changes:
            _refuse_secrets(changes["settings"] or {})
        if "state" in changes:
            _check(changes["state"], CONNECTION_STATES, "connection state")
        if "name" in changes:
            changes["name"] = check_connection_name(changes["name"])
        try:
            with self._write() as s:
                c = self._connection(s, conn_id)
                for key, value in changes.items():
                    if key == "settings":
                        new = {} if replace_settings else dict(c.settings or {})
                        new.update(value or {})
                        value = _json_safe(new)
                    elif key == "active":
                        value = bool(value)
                    setattr(c, key, value)
                c.updated_at = _now()
                s.flush()
                return _conn_row(c)
        except IntegrityError as exc:
            raise ValueError(f"a connection named {changes.get('name')!r} already exists") from exc

    def set_connection_state(self, conn_id: int, state: str, message: str | None = None) -> ConnectionRow:
        return self.update_connection(conn_id, state=state, state_message=message)

    def delete_connection(self, conn_id: int) -> list[str]:
        """Delete a connection with its mappings, export and feed records, runs and scheduler state,
        and the Pleo data and receipt records of its expenses that no other connection has a record
        of. Its audit entries stay, with no connection. Returns the local paths the deleted receipt
        records named: delete those files with ``pleodesk.storage.retention.remove_files``. Deleting
        an unknown id does nothing."""
        with self._write() as s:
            ids = list(s.scalars(select(ExportRecord.expense_id).where(ExportRecord.connection_id == conn_id)))
            s.execute(delete(Connection).where(Connection.id == conn_id))
            s.execute(delete(SchedulerState).where(SchedulerState.key.like(f"conn:{int(conn_id)}:%")))
            return forget_unowned(s, ids)

    # ------------------------------------------------------------ mappings ---------------------
    def load_mappings(self, conn_id: int) -> Mappings:
        m = Mappings()
        for row in self.list_mappings(conn_id):
            if row.kind == "category":
                if row.source_label is not None:
                    m.category_labels[row.source_key] = row.source_label
                if row.target is not None:
                    m.categories[row.source_key] = CategoryMapping(row.target, row.target_tax)
            elif row.target is None:
                continue
            elif row.kind == "tax":
                m.taxes[row.source_key] = row.target
            elif row.kind == "tag_group":
                m.tag_groups[row.source_key] = row.target
            elif row.kind == "tag":
                group, sep, tag = row.source_key.partition("/")
                if sep:
                    m.tags[(group, tag)] = row.target
            elif row.kind == "contra":
                try:
                    m.contra[ContraRole(row.source_key)] = row.target
                except ValueError:
                    log.warning("connection %s: ignoring contra mapping for unknown role %r",
                                conn_id, row.source_key)
            elif row.kind == "default_account":
                m.default_account = row.target
        return m

    def save_mappings(self, conn_id: int, mappings: Mappings) -> None:
        """Replace all mappings of the connection with ``mappings``."""
        now = _now()
        rows: list[dict[str, Any]] = []

        def add(kind: str, key: str, target: str | None, tax: str | None = None,
                label: str | None = None) -> None:
            rows.append({"connection_id": conn_id, "kind": kind, "source_key": key, "target": target,
                         "target_tax": tax, "source_label": label, "updated_at": now})

        for key, cm in mappings.categories.items():
            add("category", key, cm.account, cm.tax_code, mappings.category_labels.get(key))
        for key, label in mappings.category_labels.items():
            if key not in mappings.categories:
                add("category", key, None, None, label)
        for key, code in mappings.taxes.items():
            add("tax", key, code)
        for key, dim in mappings.tag_groups.items():
            add("tag_group", key, dim)
        for (group, tag), value in mappings.tags.items():
            add("tag", _tag_key(group, tag), value)
        for role, account in mappings.contra.items():
            add("contra", ContraRole(role).value, account)
        if mappings.default_account is not None:
            add("default_account", DEFAULT_ACCOUNT_KEY, mappings.default_account)

        with self._write() as s:
            self._connection(s, conn_id)
            s.execute(delete(Mapping).where(Mapping.connection_id == conn_id))
            if rows:
                s.connection().execute(sqlite_insert(Mapping), rows)

    def set_mapping(self, conn_id: int, kind: str, source_key: str, target: str | None, *,
                    target_tax: str | None = None, label: str | None = None) -> MappingRow:
        """Add or change one mapping. ``label`` is kept as it was when not given."""
        _check(kind, MAPPING_KINDS, "mapping kind")
        now = _now()
        stmt = sqlite_insert(Mapping).values(connection_id=conn_id, kind=kind, source_key=source_key,
                                             target=target, target_tax=target_tax, source_label=label,
                                             updated_at=now)
        stmt = stmt.on_conflict_do_update(
            index_elements=[Mapping.connection_id, Mapping.kind, Mapping.source_key],
            set_={"target": stmt.excluded.target, "target_tax": stmt.excluded.target_tax,
                  "source_label": func.coalesce(stmt.excluded.source_label, Mapping.source_label),
                  "updated_at": stmt.excluded.updated_at})
        with self._write() as s:
            s.execute(stmt)
            m = s.scalars(select(Mapping).where(Mapping.connection_id == conn_id, Mapping.kind == kind,
                                                Mapping.source_key == source_key)).one()
            return _to_row(MappingRow, m)

    def delete_mapping(self, conn_id: int, kind: str, source_key: str) -> None:
        with self._write() as s:
            s.execute(delete(Mapping).where(Mapping.connection_id == conn_id, Mapping.kind == kind,
                                            Mapping.source_key == source_key))

    def list_mappings(self, conn_id: int, kind: str | None = None) -> list[MappingRow]:
        q = select(Mapping).where(Mapping.connection_id == conn_id).order_by(Mapping.kind, Mapping.source_key)
        if kind is not None:
            q = q.where(Mapping.kind == _check(kind, MAPPING_KINDS, "mapping kind"))
        with self._read() as s:
            return [_to_row(MappingRow, m) for m in s.scalars(q)]

    # ------------------------------------------------------------ pleo data --------------------
    def upsert_pleo_items(self, items: Iterable[MappingT[str, Any]], job_id: str | None = None) -> int:
        """Store raw ``ExportItemV3`` dicts (insert or replace by accountingEntryId); returns how many.

        Written in chunks of ``CHUNK``, each its own transaction, so another process is never kept
        waiting long. ValueError on a malformed item (the chunks before it are kept: storing an item
        twice is harmless). ``job_id`` None keeps an item's stored job id.
        """
        fetched = _sqlite_datetime()(_naive_utc(_now()))
        total = 0
        chunk: list[tuple] = []

        def flush() -> None:
            nonlocal total
            with self._write() as s:
                s.connection().connection.driver_connection.executemany(_UPSERT_ITEMS_SQL, chunk)
            total += len(chunk)
            chunk.clear()

        for item in items:
            chunk.append(_pleo_item_row(item, job_id, fetched))
            if len(chunk) >= CHUNK:
                flush()
        if chunk:
            flush()
        return total

    def get_pleo_item(self, expense_id: str) -> dict[str, Any] | None:
        """The stored item; None when it is not stored or retention removed its data."""
        with self._read() as s:
            raw = s.scalar(select(PleoItem.raw).where(PleoItem.id == expense_id))
        return jsoncodec.loads(raw) if raw else None

    def get_pleo_items(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored items among ``ids``, by id (ids not stored, or whose data retention removed,
        are absent)."""
        ids = _unique(ids)
        out: dict[str, dict[str, Any]] = {}
        with self._read() as s:
            for part in _chunks(ids, IN_CHUNK):
                for eid, raw in s.execute(select(PleoItem.id, PleoItem.raw).where(PleoItem.id.in_(part))):
                    if raw:
                        out[eid] = jsoncodec.loads(raw)
        return out

    def expense_list(self, conn_id: int, expense_ids: Iterable[str] | None = None, *,
                     newest_first: bool = False) -> list[tuple]:
        """The Expenses list of a connection, without decoding any raw JSON: one tuple per export
        record, all of them (``newest_first``: those with a day by day, then id, both descending; then
        the others, whose Pleo data is not stored or has no day, by id descending) or those among
        ``expense_ids``, with the stored item's list columns (None where Pleo's data of the expense is
        not stored). Fields, in order: expense_id, status, ledger_id, reference, ledger_url,
        error_title, error_fix, day, supplier, employee, currency, amount_minor, category,
        receipt_count, note, pruned (1 when retention removed its raw data)."""
        record = "r.expense_id, r.status, r.ledger_id, r.reference, r.ledger_url, r.error_title, r.error_fix, "
        item = ("i.day, i.supplier, i.employee, i.currency, i.amount_minor, i.category, i.receipt_count, i.note, "
                "i.pruned_at IS NOT NULL ")
        sql = (f"SELECT {record}{item}"
               "FROM export_records AS r LEFT OUTER JOIN pleo_items AS i ON i.id = r.expense_id "
               "WHERE r.connection_id = ?")
        with self._read() as s:
            cur = s.connection().connection.driver_connection.cursor()
            try:
                if expense_ids is None and newest_first:
                    # Read backwards through the list columns' index by day: in order, with no sort.
                    # SQLite lets go of the interpreter lock while it works.
                    by_day = (f"SELECT {record}{item}"
                              "FROM pleo_items AS i INDEXED BY ix_pleo_items_by_day "
                              "JOIN export_records AS r ON r.connection_id = ? AND r.expense_id = i.id ")
                    rows = cur.execute(by_day + "WHERE i.day IS NOT NULL ORDER BY i.day DESC, i.id DESC",
                                       (conn_id,)).fetchall()
                    undated = cur.execute(by_day + "WHERE i.day IS NULL", (conn_id,)).fetchall()
                    undated += cur.execute(
                        f"SELECT {record}NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0 "
                        "FROM export_records AS r WHERE r.connection_id = ? AND NOT EXISTS "
                        "(SELECT 1 FROM pleo_items AS i WHERE i.id = r.expense_id)", (conn_id,)).fetchall()
                    undated.sort(key=lambda t: t[0], reverse=True)
                    return rows + undated
                if expense_ids is None:
                    return cur.execute(sql + " ORDER BY r.id", (conn_id,)).fetchall()
                out: list[tuple] = []
                for part in _chunks(_unique(expense_ids), IN_CHUNK):
                    marks = ",".join("?" * len(part))
                    out.extend(cur.execute(f"{sql} AND r.expense_id IN ({marks})", (conn_id, *part)).fetchall())
                return out
            finally:
                cur.close()

    def expense_list_mark(self) -> int:
        """Where the log of the Expenses list's changes stands (``expense_list_changes``): the number
        of its newest entry, 0 when it has none. Read it before the list: a change after it is in the
        next ``expense_list_changes``."""
        with self._read() as s:
            mark = s.connection().exec_driver_sql(
                "SELECT seq FROM sqlite_sequence WHERE name = 'expense_list_changes'").scalar()
        return int(mark or 0)

    def expense_list_changes(self, conn_id: int, since: int, until: int, *, limit: int) -> set[str] | None:
        """The expenses whose rows in the connection's list may have changed after mark ``since`` up
        to mark ``until`` (written by triggers: by this process or any other). None when the log no
        longer holds all of those changes (it keeps the newest 200,000) or they are more than
        ``limit``: then read the whole list again. Also None when ``until`` is before ``since``: the
        log started again (the database was replaced, or migrated down and up)."""
        if until == since:
            return set()
        if until < since:
            return None
        with self._read() as s:
            con = s.connection()
            oldest = con.exec_driver_sql("SELECT min(seq) FROM expense_list_changes").scalar()
            if oldest is None or oldest > since + 1:
                return None                     # trimmed past ``since``: some changes are no longer known
            ids = con.exec_driver_sql(
                "SELECT DISTINCT expense_id FROM expense_list_changes WHERE seq > ? AND seq <= ? "
                "AND (connection_id = ? OR connection_id IS NULL) LIMIT ?",
                (since, until, conn_id, limit + 1)).scalars().all()
        return set(ids) if len(ids) <= limit else None

    def pleo_item_ids_for_month(self, company_id: str, month: str) -> list[str]:
        """Ids of the company's items booked in ``month`` ("YYYY-MM"), by booking date (the date Pleo
        shows: ``model.booking_date``)."""
        start, end = _month_bounds(month)
        q = (select(PleoItem.id)
             .where(PleoItem.company_id == company_id, PleoItem.booked_at >= start, PleoItem.booked_at < end)
             .order_by(PleoItem.booked_at, PleoItem.id))
        with self._read() as s:
            return list(s.scalars(q))

    def month_statuses(self, conn_id: int, company_id: str, month: str) -> dict[str, int]:
        """How many of the company's stored items booked in ``month`` (UTC) have each record status on
        the connection ("" for none): what the store knows of a month before Pleo is asked."""
        start, end = _month_bounds(month)
        i, r = PleoItem.__table__.c, ExportRecord.__table__.c
        q = (select(r.status, func.count())
             .select_from(PleoItem.__table__.outerjoin(
                 ExportRecord.__table__, (r.expense_id == i.id) & (r.connection_id == conn_id)))
             .where(i.company_id == company_id, i.booked_at >= start, i.booked_at < end)
             .group_by(r.status))
        with self._read() as s:
            return {status or "": n for status, n in s.execute(q)}

    def upsert_receipt(self, expense_id: str, position: int, *, url: str, mime: str | None,
                       size: int | None, status: str, local_path: str | Path | None = None,
                       sha256: str | None = None, error: str | None = None) -> ReceiptRow:
        _check(status, RECEIPT_STATUSES, "receipt status")
        values = {"expense_id": expense_id, "position": int(position), "url": url, "mime": mime,
                  "size": size, "status": status, "local_path": str(local_path) if local_path else None,
                  "sha256": sha256, "error": error, "updated_at": _now()}
        with self._write() as s:
            s.connection().execute(_receipt_upsert(), values)
            r = s.execute(_RECEIPT_COLUMNS.where(Receipt.expense_id == expense_id,
                                                 Receipt.position == int(position))).one()
            return ReceiptRow(**r._mapping)

    def receipts_for(self, expense_id: str) -> list[ReceiptRow]:
        return self.receipts_for_many([expense_id]).get(expense_id, [])

    def receipts_for_many(self, expense_ids: Iterable[str]) -> dict[str, list[ReceiptRow]]:
        """Receipts by expense id, each list by position (expenses with none are absent)."""
        out: dict[str, list[ReceiptRow]] = {}
        with self._read() as s:
            for part in _chunks(_unique(expense_ids), IN_CHUNK):
                q = (_RECEIPT_COLUMNS.where(Receipt.expense_id.in_(part))
                     .order_by(Receipt.expense_id, Receipt.position))
                for r in s.execute(q):
                    out.setdefault(r.expense_id, []).append(ReceiptRow(**r._mapping))
        return out

    # ------------------------------------------------------------ export records ---------------
    def get_records(self, conn_id: int, expense_ids: Iterable[str] | None = None) -> dict[str, RecordRow]:
        """Records of the connection by expense id: all of them, or those among ``expense_ids``."""
        with self._read() as s:
            return self._get_records(s, conn_id, expense_ids)

    @staticmethod
    def _get_records(s: Session, conn_id: int, expense_ids: Iterable[str] | None) -> dict[str, RecordRow]:
        base = _RECORD_COLUMNS.where(ExportRecord.connection_id == conn_id)
        if expense_ids is None:
            return {r.expense_id: RecordRow(**r._mapping) for r in s.execute(base.order_by(ExportRecord.id))}
        out: dict[str, RecordRow] = {}
        for part in _chunks(_unique(expense_ids), IN_CHUNK):
            for r in s.execute(base.where(ExportRecord.expense_id.in_(part))):
                out[r.expense_id] = RecordRow(**r._mapping)
        return out

    @staticmethod
    def _record_list(s: Session, query: Any) -> list[RecordRow]:
        return [RecordRow(**r._mapping) for r in s.execute(query)]

    def ensure_records(self, conn_id: int, expense_ids: Iterable[str],
                       job_id: str | None = None) -> dict[str, RecordRow]:
        """Create "pending" records for the expenses that have none; return all of them.

        Existing records keep their status. With ``job_id``, every record is linked to that Pleo
        export job; a record that moves to a different job is marked not reported, so the new job
        gets told its outcome.
        """
        ids = _unique(expense_ids)
        now = _now()
        stmt = sqlite_insert(ExportRecord)
        if job_id is None:
            stmt = stmt.on_conflict_do_nothing(index_elements=[ExportRecord.connection_id, ExportRecord.expense_id])
        else:
            stmt = stmt.on_conflict_do_update(
                index_elements=[ExportRecord.connection_id, ExportRecord.expense_id],
                set_={"job_id": stmt.excluded.job_id, "pleo_reported": False, "updated_at": stmt.excluded.updated_at},
                where=ExportRecord.job_id.is_distinct_from(stmt.excluded.job_id))
        with self._write() as s:
            for part in _chunks(ids, CHUNK):
                s.connection().execute(stmt, [{"connection_id": conn_id, "expense_id": eid, "status": "pending",
                                  "job_id": job_id, "updated_at": now} for eid in part])
            return self._get_records(s, conn_id, ids)

    def _upsert_records(self, conn_id: int, rows: list[dict[str, Any]], *, status: str,
                        fixed: dict[str, Any] | None = None, from_row: Sequence[str] = (),
                        insert_defaults: dict[str, Any] | None = None) -> None:
        """Set ``status`` and the given columns on the records in ``rows`` (creating missing ones).

        ``rows``: dicts with ``expense_id`` and the ``from_row`` columns; ``fixed``: the same value
        (or SQL expression) for every row. Every change of status makes the record "not reported".
        """
        if not rows:
            return
        now = _now()
        fixed = dict(fixed or {})
        values = [{"connection_id": conn_id, "status": status, "pleo_reported": False, "updated_at": now,
                   **{k: v for k, v in fixed.items() if not isinstance(v, ClauseElement)},
                   **(insert_defaults or {}), **r} for r in rows]
        # One statement per shape, made once: building an upsert (its "excluded" columns) costs
        # milliseconds, and an export marks each expense exported on its own.
        key = (tuple(from_row), tuple((k, "<sql>" if isinstance(v, ClauseElement) else repr(v))
                                      for k, v in sorted(fixed.items())))
        stmt = _RECORD_UPSERTS.get(key)
        if stmt is None:
            stmt = sqlite_insert(ExportRecord)
            set_: dict[str, Any] = {"status": stmt.excluded.status, "pleo_reported": False,
                                    "updated_at": stmt.excluded.updated_at}
            set_.update({k: stmt.excluded[k] for k in from_row})
            set_.update(fixed)
            stmt = _RECORD_UPSERTS[key] = stmt.on_conflict_do_update(
                index_elements=[ExportRecord.connection_id, ExportRecord.expense_id], set_=set_)
        with self._write() as s:
            for part in _chunks(values, CHUNK):
                s.connection().execute(stmt, list(part))

    _NO_ERROR = {"error_title": None, "error_detail": None, "error_fix": None, "reason_type": None}

    def mark_sending(self, conn_id: int, items: Iterable[tuple[str, str, str]]) -> None:
        """``items``: (expense_id, reference, idempotency_key). Status "sending", attempts + 1, the
        last error cleared; all in one transaction, before anything is sent."""
        rows = [{"expense_id": str(e), "reference": ref, "idempotency_key": key} for e, ref, key in items]
        self._upsert_records(conn_id, rows, status="sending",
                             from_row=("reference", "idempotency_key"),
                             fixed={**self._NO_ERROR, "attempts": ExportRecord.attempts + 1},
                             insert_defaults={"attempts": 1})

    def mark_exported(self, conn_id: int, expense_id: str, *, ledger_id: str, ledger_url: str | None = None,
                      exported_at: datetime | None = None) -> None:
        self.mark_exported_many(conn_id, [(expense_id, ledger_id, ledger_url)], exported_at=exported_at)

    def mark_exported_many(self, conn_id: int, items: Iterable[tuple[str, str, str | None]], *,
                           exported_at: datetime | None = None) -> None:
        """``items``: (expense_id, ledger_id, ledger_url). ``exported_at`` defaults to now."""
        at = _aware(exported_at, "exported_at") or _now()
        rows = [{"expense_id": str(e), "ledger_id": str(lid), "ledger_url": url, "exported_at": at}
                for e, lid, url in items]
        self._upsert_records(conn_id, rows, status="exported", fixed=dict(self._NO_ERROR),
                             from_row=("ledger_id", "ledger_url", "exported_at"))

    def mark_failed(self, conn_id: int, expense_id: str, *, title: str, detail: str = "", fix: str = "",
                    reason_type: str | None = None) -> None:
        """Sending failed (the ledger refused it, or we could not tell): the error, in plain words."""
        self.mark_failed_many(conn_id, {expense_id: Problem(title, detail, fix, reason_type)})

    def mark_failed_many(self, conn_id: int, problems: MappingT[str, Any]) -> None:
        """``problems``: expense_id -> anything with title/detail/fix/reason_type (``Problem``,
        ``LedgerError``)."""
        self._mark_problem(conn_id, "failed", problems)

    def mark_held(self, conn_id: int, expense_id: str, *, title: str, detail: str = "", fix: str = "",
                  reason_type: str | None = None) -> None:
        """Not sent because something is missing (a mapping, usually): nothing reached the ledger."""
        self.mark_held_many(conn_id, {expense_id: Problem(title, detail, fix, reason_type)})

    def mark_held_many(self, conn_id: int, problems: MappingT[str, Any]) -> None:
        self._mark_problem(conn_id, "held", problems)

    def _mark_problem(self, conn_id: int, status: str, problems: MappingT[str, Any]) -> None:
        rows = [{"expense_id": str(e), "error_title": p.title, "error_detail": getattr(p, "detail", "") or "",
                 "error_fix": getattr(p, "fix", "") or "", "reason_type": getattr(p, "reason_type", None)}
                for e, p in problems.items()]
        self._upsert_records(conn_id, rows, status=status,
                             from_row=("error_title", "error_detail", "error_fix", "reason_type"))

    def mark_skipped(self, conn_id: int, expense_id: str, reason: str) -> None:
        """Deliberately not exported (e.g. a wallet top-up when those are ignored); ``reason`` is
        kept in ``error_title``."""
        self.mark_skipped_many(conn_id, {expense_id: reason})

    def mark_skipped_many(self, conn_id: int, reasons: MappingT[str, str]) -> None:
        rows = [{"expense_id": str(e), "error_title": reason} for e, reason in reasons.items()]
        self._upsert_records(conn_id, rows, status="skipped", from_row=("error_title",),
                             fixed={"error_detail": None, "error_fix": None, "reason_type": None})

    def mark_pending(self, conn_id: int, expense_ids: Iterable[str]) -> None:
        """Back to "pending", error cleared; reference and idempotency key are kept (a "sending"
        record the ledger does not have is sent again with the same key)."""
        rows = [{"expense_id": e} for e in _unique(expense_ids)]
        self._upsert_records(conn_id, rows, status="pending", fixed=dict(self._NO_ERROR))

    def set_receipts_status(self, conn_id: int, expense_id: str, status: str) -> None:
        self.set_receipts_status_many(conn_id, [expense_id], status)

    def set_receipts_status_many(self, conn_id: int, expense_ids: Iterable[str], status: str) -> None:
        """Set ``receipts_status`` (none | pending | done | failed | incomplete) of existing records."""
        _check(status, RECEIPTS_STATUSES, "receipts status")
        ids = _unique(expense_ids)
        with self._write() as s:
            for part in _chunks(ids, IN_CHUNK):
                s.execute(update(ExportRecord)
                          .where(ExportRecord.connection_id == conn_id, ExportRecord.expense_id.in_(part))
                          .values(receipts_status=status, updated_at=_now()))

    def mark_reported(self, conn_id: int, expense_ids: Iterable[str], reported: bool = True) -> None:
        """Record that Pleo's export job item was (or, ``reported=False``, was not) told the outcome."""
        ids = _unique(expense_ids)
        with self._write() as s:
            for part in _chunks(ids, IN_CHUNK):
                s.execute(update(ExportRecord)
                          .where(ExportRecord.connection_id == conn_id, ExportRecord.expense_id.in_(part))
                          .values(pleo_reported=bool(reported), updated_at=_now()))

    def records_with_status(self, conn_id: int, *statuses: str) -> list[RecordRow]:
        """The connection's records in any of ``statuses`` (all records if none given), oldest first."""
        q = _RECORD_COLUMNS.where(ExportRecord.connection_id == conn_id).order_by(ExportRecord.id)
        if statuses:
            for st in statuses:
                _check(st, RECORD_STATUSES, "record status")
            q = q.where(ExportRecord.status.in_(statuses))
        with self._read() as s:
            return self._record_list(s, q)

    def exported_owing_receipts(self, conn_id: int, *receipts_statuses: str) -> list[RecordRow]:
        """Exported records whose ``receipts_status`` is one of ``receipts_statuses`` (default: failed
        and incomplete), oldest first: without reading every exported record."""
        wanted = list(receipts_statuses or ("failed", "incomplete"))
        for st in wanted:
            _check(st, RECEIPTS_STATUSES, "receipts status")
        q = (_RECORD_COLUMNS.where(ExportRecord.connection_id == conn_id, ExportRecord.status == "exported",
                                   ExportRecord.receipts_status.in_(wanted))
             .order_by(ExportRecord.id))
        with self._read() as s:
            return self._record_list(s, q)

    def counts_by_status(self, conn_id: int) -> dict[str, int]:
        """Number of records per status; every status is present (0 if none)."""
        out = dict.fromkeys(RECORD_STATUSES, 0)
        q = (select(ExportRecord.status, func.count()).where(ExportRecord.connection_id == conn_id)
             .group_by(ExportRecord.status))
        with self._read() as s:
            for status, n in s.execute(q):
                out[status] = n
        return out

    def unreported_records(self, conn_id: int, job_id: str,
                           statuses: Sequence[str] = OUTCOME_STATUSES) -> list[RecordRow]:
        """Records of Pleo export job ``job_id`` with an outcome (held, exported, failed, skipped by
        default) that Pleo has not been told yet."""
        q = (_RECORD_COLUMNS
             .where(ExportRecord.connection_id == conn_id, ExportRecord.job_id == job_id,
                    ExportRecord.pleo_reported.is_(False), ExportRecord.status.in_(list(statuses)))
             .order_by(ExportRecord.id))
        with self._read() as s:
            return self._record_list(s, q)

    # ------------------------------------------------------------ runs -------------------------
    def start_run(self, conn_id: int | None, kind: str, trigger: str, job_id: str | None = None) -> int:
        """Record a run as ``running``. Until :meth:`finish_run`, this process holds the run's lock file
        (taken before the row is committed, so no other process ever sees the run without it): that
        is how :meth:`mark_interrupted_runs` tells a run in progress from one whose process is gone."""
        _check(kind, RUN_KINDS, "run kind")
        _check(trigger, RUN_TRIGGERS, "run trigger")
        run_id = None
        try:
            with self._write() as s:
                run = Run(connection_id=conn_id, kind=kind, trigger=trigger, started_at=_now(),
                          status="running", job_id=job_id)
                s.add(run)
                s.flush()
                run_id = run.id
                self._hold_run(run_id)
        except BaseException:
            if run_id is not None:
                self._release_run(run_id)
            raise
        return run_id

    def finish_run(self, run_id: int, status: str, *, counts: MappingT[str, Any] | None = None,
                   skip_reasons: MappingT[str, Any] | None = None, message: str | None = None) -> RunRow:
        _check(status, RUN_STATUSES, "run status")
        try:
            with self._write() as s:
                run = s.get(Run, run_id)
                if run is None:
                    raise KeyError(f"no run with id {run_id}")
                run.status = status
                run.ended_at = _now()
                if counts is not None:
                    run.counts = _json_safe(dict(counts))
                if skip_reasons is not None:
                    run.skip_reasons = _json_safe(dict(skip_reasons))
                if message is not None:
                    run.message = message
                s.flush()
                return _to_row(RunRow, run)
        finally:
            self._release_run(run_id)

    def mark_interrupted_runs(self) -> list[RunRow]:
        """Runs left ``running`` by a pleodesk process that is gone (killed, crashed, the computer
        switched off) become ``interrupted``; returns them. Runs of live processes, this one's included,
        are left alone. Called when the app or a command starts.

        A run is live while its process holds the run's lock file (``locks/run-<id>.lock`` beside the
        database, an OS lock: ``flock`` / ``msvcrt.locking``). The operating system lets go of it
        when the process ends, however it ends, so a lock that can be taken means the process is
        gone; a reused process id or a clock change cannot make a dead run look alive, and two
        processes starting at once both come to the same answer."""
        with self._read() as s:
            ids = list(s.scalars(select(Run.id).where(Run.status == "running").order_by(Run.id)))
        probes = []
        try:
            for run_id in ids:
                probe = self._probe_run(run_id)
                if probe is not None:
                    probes.append((run_id, probe))
            if not probes:
                return []
            marked = []
            with self._write() as s:
                for run_id, _ in probes:
                    # Only if still running: it may have finished (or been marked) since it was read.
                    done = s.execute(update(Run).where(Run.id == run_id, Run.status == "running")
                                     .values(status="interrupted", message=INTERRUPTED_MESSAGE))
                    if done.rowcount == 1:
                        run = s.get(Run, run_id)
                        s.refresh(run)
                        marked.append(_to_row(RunRow, run))
                        s.add(AuditEntry(at=_now(), connection_id=run.connection_id, action="run_interrupted",
                                         detail=_json_safe({"run_id": run.id, "kind": run.kind,
                                                            "job_id": run.job_id})))
            return marked
        finally:
            for run_id, probe in probes:
                probe.__exit__(None, None, None)
                _unlink_quietly(self._run_lock_path(run_id))

    # run lock files: see mark_interrupted_runs
    def _run_lock_path(self, run_id: int) -> Path:
        return self.path.parent / "locks" / f"run-{int(run_id)}.lock"

    def _hold_run(self, run_id: int) -> None:
        from pleodesk.locks import FileLock, LockTimeout

        path = self._run_lock_path(run_id)
        lock = FileLock(path, timeout=0)
        try:
            lock.__enter__()
        except (LockTimeout, OSError) as exc:   # e.g. a read-only folder: the run is recorded all the same
            log.warning("run %s: could not hold its lock file %s: %s", run_id, path, exc)
            return
        with _HELD_RUNS_LOCK:
            _HELD_RUNS[str(path)] = lock

    def _release_run(self, run_id: int) -> None:
        path = self._run_lock_path(run_id)
        with _HELD_RUNS_LOCK:
            lock = _HELD_RUNS.pop(str(path), None)
        if lock is not None:
            lock.__exit__(None, None, None)
            _unlink_quietly(path)

    def _probe_run(self, run_id: int):
        """The run's lock, taken (its process is gone), or None (a live process holds it)."""
        from pleodesk.locks import FileLock, LockTimeout

        path = self._run_lock_path(run_id)
        with _HELD_RUNS_LOCK:
            if str(path) in _HELD_RUNS:
                return None                  # this process's own run
        lock = FileLock(path, timeout=0)
        try:
            lock.__enter__()
        except LockTimeout:
            return None
        except OSError as exc:
            log.warning("run %s: its lock file %s cannot be checked: %s", run_id, path, exc)
            return None
        return lock

    def list_runs(self, conn_id: int | None = None, limit: int | None = 50,
                  before: RunRow | None = None) -> list[RunRow]:
        """Newest first; all connections' runs when ``conn_id`` is None; ``limit`` None: all of them.
        ``before``: only the runs after that one in this order (the next page: runs started meanwhile
        do not shift it)."""
        q = _RUN_COLUMNS.order_by(Run.started_at.desc(), Run.id.desc())
        if conn_id is not None:
            q = q.where(Run.connection_id == conn_id)
        if before is not None:
            q = q.where((Run.started_at < before.started_at)
                        | ((Run.started_at == before.started_at) & (Run.id < before.id)))
        if limit is not None:
            q = q.limit(limit)
        with self._read() as s:
            return [RunRow(**r._mapping) for r in s.execute(q)]

    def count_runs(self, conn_id: int | None = None) -> int:
        q = select(func.count()).select_from(Run)
        if conn_id is not None:
            q = q.where(Run.connection_id == conn_id)
        with self._read() as s:
            return int(s.scalar(q) or 0)

    # ------------------------------------------------------------ audit ------------------------
    def audit(self, action: str, conn_id: int | None = None, **detail: Any) -> None:
        """Append to the audit log. Values named like secrets are stored as "<redacted>"."""
        with self._write() as s:
            s.add(AuditEntry(at=_now(), connection_id=conn_id, action=action,
                             detail=_json_safe(_redact(detail))))

    def list_audit(self, limit: int = 100, conn_id: int | None = None) -> list[AuditRow]:
        """Newest first."""
        q = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
        if conn_id is not None:
            q = q.where(AuditEntry.connection_id == conn_id)
        with self._read() as s:
            return [_audit_row(a) for a in s.scalars(q)]

    def ledger_notes(self, conn_id: int, expense_ids: Iterable[str] | None = None) -> dict[str, list[str]]:
        """expense id -> the notes of its latest export (audit action ``ledger_notes``: what the
        provider did to book Pleo's amounts exactly, such as a VAT rounding line)."""
        q = (select(AuditEntry.detail).where(AuditEntry.connection_id == conn_id,
                                             AuditEntry.action == "ledger_notes")
             .order_by(AuditEntry.at, AuditEntry.id))
        wanted = {str(e) for e in expense_ids} if expense_ids is not None else None
        if wanted is not None and len(wanted) <= IN_CHUNK and _has_json_functions():
            # Only the entries of these expenses are decoded (one expense's details: not every note).
            q = q.where(func.json_extract(AuditEntry.__table__.c.detail, "$.expense_id").in_(sorted(wanted)))
        out: dict[str, list[str]] = {}
        with self._read() as s:
            for detail in s.scalars(q):
                eid = str((detail or {}).get("expense_id") or "")
                if eid and (wanted is None or eid in wanted):
                    out[eid] = [str(n) for n in (detail or {}).get("notes") or ()]
        return out

    # ------------------------------------------------------------ scheduler --------------------
    def get_schedule_state(self, key: str) -> tuple[datetime | None, datetime | None]:
        """(last_run_at, next_run_at); (None, None) for a key never set."""
        with self._read() as s:
            st = s.get(SchedulerState, key)
            return (st.last_run_at, st.next_run_at) if st else (None, None)

    def set_schedule_state(self, key: str, *, last_run_at: datetime | None = _UNSET,
                           next_run_at: datetime | None = _UNSET) -> None:
        """Set either or both times; one not passed is left as it is, an explicit None clears it."""
        if last_run_at is not _UNSET:
            _aware(last_run_at, "last_run_at")
        if next_run_at is not _UNSET:
            _aware(next_run_at, "next_run_at")
        with self._write() as s:
            st = s.get(SchedulerState, key)
            if st is None:
                st = SchedulerState(key=key)
                s.add(st)
            if last_run_at is not _UNSET:
                st.last_run_at = last_run_at
            if next_run_at is not _UNSET:
                st.next_run_at = next_run_at

    def plan_schedule(self, key: str, next_run_at: datetime) -> datetime:
        """Set ``next_run_at`` unless one is stored already (another process may have planned or run the
        job meanwhile); returns the stored one."""
        _aware(next_run_at, "next_run_at")
        with self._write() as s:
            st = s.get(SchedulerState, key)
            if st is None:
                st = SchedulerState(key=key)
                s.add(st)
            if st.next_run_at is None:
                st.next_run_at = next_run_at
            return st.next_run_at

    # ------------------------------------------------------------ bank feed --------------------
    def feed_records(self, conn_id: int, expense_ids: Iterable[str] | None = None) -> dict[str, FeedRow]:
        base = _FEED_COLUMNS.where(FeedRecord.connection_id == conn_id)
        with self._read() as s:
            if expense_ids is None:
                return {f.expense_id: FeedRow(**f._mapping) for f in s.execute(base.order_by(FeedRecord.id))}
            out: dict[str, FeedRow] = {}
            for part in _chunks(_unique(expense_ids), IN_CHUNK):
                for f in s.execute(base.where(FeedRecord.expense_id.in_(part))):
                    out[f.expense_id] = FeedRow(**f._mapping)
            return out

    def feed_records_with_status(self, conn_id: int, *statuses: str) -> dict[str, FeedRow]:
        """The connection's feed records in any of ``statuses``, oldest first."""
        for st in statuses:
            _check(st, FEED_STATUSES, "feed status")
        q = (_FEED_COLUMNS.where(FeedRecord.connection_id == conn_id, FeedRecord.status.in_(statuses))
             .order_by(FeedRecord.id))
        with self._read() as s:
            return {f.expense_id: FeedRow(**f._mapping) for f in s.execute(q)}

    def mark_feed(self, conn_id: int, expense_id: str, status: str, error: str | None = None) -> None:
        self.mark_feed_many(conn_id, [expense_id], status, error)

    def mark_feed_many(self, conn_id: int, expense_ids: Iterable[str], status: str,
                       error: str | None = None) -> None:
        """Set the feed status of the expenses (creating their feed records). "pushed" stamps
        ``pushed_at`` and clears the error; the other statuses keep ``pushed_at`` as it was."""
        _check(status, FEED_STATUSES, "feed status")
        now = _now()
        rows = [{"connection_id": conn_id, "expense_id": e, "status": status,
                 "error": None if status == "pushed" else error,
                 "pushed_at": now if status == "pushed" else None, "updated_at": now}
                for e in _unique(expense_ids)]
        if not rows:
            return
        stmt = sqlite_insert(FeedRecord)
        stmt = stmt.on_conflict_do_update(
            index_elements=[FeedRecord.connection_id, FeedRecord.expense_id],
            set_={"status": stmt.excluded.status, "error": stmt.excluded.error,
                  "pushed_at": func.coalesce(stmt.excluded.pushed_at, FeedRecord.pushed_at),
                  "updated_at": stmt.excluded.updated_at})
        with self._write() as s:
            for part in _chunks(rows, CHUNK):
                s.connection().execute(stmt, list(part))

    # ------------------------------------------------------------ summaries --------------------
    # A summary entry (pleodesk.core.summary) and the records of its expenses change together, in one
    # transaction: "sending" before it goes to the ledger, then "exported", or back to "pending".

    def summaries(self, conn_id: int, *statuses: str) -> dict[str, SummaryRow]:
        """The connection's summaries by reference (all, or those in ``statuses``), oldest period first."""
        from pleodesk.storage.models import Summary
        from pleodesk.storage.rows import SUMMARY_STATUSES, SummaryRow

        q = select(*Summary.__table__.c).where(Summary.connection_id == conn_id).order_by(Summary.period_start,
                                                                                         Summary.id)
        for st in statuses:
            _check(st, SUMMARY_STATUSES, "summary status")
        if statuses:
            q = q.where(Summary.status.in_(statuses))
        with self._read() as s:
            return {r.reference: SummaryRow(**r._mapping) for r in s.execute(q)}

    def summary_members(self, conn_id: int, reference: str) -> list[str]:
        """The expenses recorded with a summary's reference (whatever their status)."""
        q = (select(ExportRecord.expense_id)
             .where(ExportRecord.connection_id == conn_id, ExportRecord.reference == reference)
             .order_by(ExportRecord.id))
        with self._read() as s:
            return [r[0] for r in s.execute(q)]

    def begin_summary(self, conn_id: int, *, reference: str, grid: str, period_start: Any, period_end: Any,
                      members: Sequence[tuple[str, str]], amount: str, currency: str) -> None:
        """Record a summary as "sending" together with its expenses (``members``: (expense id, its
        idempotency key)), which turn "sending" with the summary's reference: one transaction, committed
        before anything goes to the ledger."""
        from pleodesk.storage.models import Summary

        now = _now()
        ids = [str(e) for e, _ in members]
        stmt = sqlite_insert(Summary).values(
            connection_id=conn_id, reference=reference, grid=grid, period_start=period_start,
            period_end=period_end, status="sending", expense_count=len(ids), amount=amount, currency=currency,
            attempts=1, created_at=now, updated_at=now)
        stmt = stmt.on_conflict_do_update(
            index_elements=[Summary.connection_id, Summary.reference],
            set_={"status": "sending", "expense_count": len(ids), "amount": amount, "currency": currency,
                  "period_start": period_start, "period_end": period_end, "attempts": Summary.attempts + 1,
                  "error_title": None, "ledger_id": None, "ledger_url": None, "updated_at": now})
        with self._write() as s:
            existing = s.execute(select(Summary.status).where(Summary.connection_id == conn_id,
                                                              Summary.reference == reference)).scalar()
            if existing in ("sending", "exported"):
                raise ValueError(f"the summary {reference} is {existing} already: a period is summarised once")
            s.execute(stmt)
            changed = 0
            for eid, key in members:
                changed += s.execute(
                    update(ExportRecord)
                    .where(ExportRecord.connection_id == conn_id, ExportRecord.expense_id == str(eid))
                    .values(status="sending", reference=reference, idempotency_key=key,
                            attempts=ExportRecord.attempts + 1, pleo_reported=False, updated_at=now,
                            **self._NO_ERROR)).rowcount
            if changed != len(set(ids)):      # the transaction is rolled back: nothing was recorded
                raise ValueError(f"the summary {reference} names expenses this connection has no record of")

    def finish_summary(self, conn_id: int, reference: str, *, ledger_id: str | None, ledger_url: str | None,
                       exported_at: datetime | None = None) -> list[str]:
        """The ledger has the summary: it and its expenses still "sending" turn "exported" together.
        Returns those expenses."""
        from pleodesk.storage.models import Summary

        at = _aware(exported_at, "exported_at") or _now()
        with self._write() as s:
            ids = [r[0] for r in s.execute(select(ExportRecord.expense_id).where(
                ExportRecord.connection_id == conn_id, ExportRecord.reference == reference,
                ExportRecord.status == "sending").order_by(ExportRecord.id))]
            s.execute(update(Summary).where(Summary.connection_id == conn_id, Summary.reference == reference)
                      .values(status="exported", ledger_id=ledger_id, ledger_url=ledger_url, exported_at=at,
                              error_title=None, updated_at=at))
            s.execute(update(ExportRecord)
                      .where(ExportRecord.connection_id == conn_id, ExportRecord.reference == reference,
                             ExportRecord.status == "sending")
                      .values(status="exported", ledger_id=ledger_id or reference, ledger_url=ledger_url,
                              exported_at=at, pleo_reported=False, updated_at=at, **self._NO_ERROR))
            return ids

    def abandon_summary(self, conn_id: int, reference: str, *, problem: Any = None) -> list[str]:
        """The ledger does not have the summary (it refused it, or a crash came before it was sent): the
        summary turns "failed" and its expenses still "sending" go back to "pending" (with ``problem``:
        "failed", with its title, detail and fix), in one transaction. Returns those expenses."""
        from pleodesk.storage.models import Summary

        now = _now()
        with self._write() as s:
            ids = [r[0] for r in s.execute(select(ExportRecord.expense_id).where(
                ExportRecord.connection_id == conn_id, ExportRecord.reference == reference,
                ExportRecord.status == "sending").order_by(ExportRecord.id))]
            s.execute(update(Summary).where(Summary.connection_id == conn_id, Summary.reference == reference)
                      .values(status="failed", error_title=getattr(problem, "title", None), updated_at=now))
            values: dict[str, Any] = dict(self._NO_ERROR)
            if problem is not None:
                values = {"error_title": problem.title, "error_detail": getattr(problem, "detail", "") or "",
                          "error_fix": getattr(problem, "fix", "") or "",
                          "reason_type": getattr(problem, "reason_type", None)}
            s.execute(update(ExportRecord)
                      .where(ExportRecord.connection_id == conn_id, ExportRecord.reference == reference,
                             ExportRecord.status == "sending")
                      .values(status="failed" if problem is not None else "pending", pleo_reported=False,
                              updated_at=now, **values))
            return ids


@functools.cache
def _has_json_functions() -> bool:
    """Whether this SQLite has json_extract (built in since 3.38; optional before)."""
    con = sqlite3.connect(":memory:")
    try:
        con.execute("SELECT json_extract('{\"a\": 1}', '$.a')")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        con.close()


def forget_unowned(s: Session, expense_ids: Sequence[str]) -> list[str]:
    """Delete the stored Pleo items and receipt records of those of ``expense_ids`` that no
    connection has an export record of; return the local paths of the receipt files they named."""
    paths: list[str] = []
    owned = select(ExportRecord.id).where(ExportRecord.expense_id == PleoItem.id).exists()
    owned_receipt = select(ExportRecord.id).where(ExportRecord.expense_id == Receipt.expense_id).exists()
    for part in _chunks(_unique(expense_ids), IN_CHUNK):
        gone = list(part)
        paths.extend(p for p in s.scalars(select(Receipt.local_path).where(
            Receipt.expense_id.in_(gone), Receipt.local_path.is_not(None), ~owned_receipt)) if p)
        s.execute(delete(Receipt).where(Receipt.expense_id.in_(gone), ~owned_receipt)
                  .execution_options(synchronize_session=False))
        s.execute(delete(PleoItem).where(PleoItem.id.in_(gone), ~owned)
                  .execution_options(synchronize_session=False))
    return paths


def _tag_key(group: str, tag: str) -> str:
    if "/" in group:
        raise ValueError(f"tag group code {group!r} contains '/', which the stored key uses as separator")
    return f"{group}/{tag}"
