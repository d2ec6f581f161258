"""The database schema, as SQLAlchemy typed ORM models.

Only ``pleodesk.storage`` imports this module: the rest of the app goes through ``Store`` and gets
plain dataclasses back. Every change here needs an Alembic revision in ``migrations/versions``
(``tests/storage/test_migrations.py`` fails when the two disagree).

Conventions:

* Timestamps are ``UTCDateTime``: stored as naive UTC, returned as aware UTC datetimes. Naive
  datetimes are refused when written, so no local time can slip in unnoticed.
* Status-like columns are plain strings validated by ``Store`` (no CHECK constraints, so adding a
  status later needs no table rebuild on SQLite).
* No column holds a secret: credentials live in the OS keyring.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Text,
                        UniqueConstraint, text)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from pleodesk.core import clock

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return clock.now()


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime, stored as naive UTC (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: pass an aware datetime (UTC)")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Connection(Base):
    """A link between one Pleo company and one company in an accounting system."""

    __tablename__ = "connections"
    __table_args__ = {"sqlite_autoincrement": True}   # ids are never reused (audit log, scheduler keys)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    system: Mapped[str] = mapped_column(String(50))
    ledger_company_id: Mapped[str | None] = mapped_column(String(200))
    ledger_company_name: Mapped[str | None] = mapped_column(String(300))
    pleo_company_id: Mapped[str | None] = mapped_column(String(100))
    pleo_base_url: Mapped[str | None] = mapped_column(String(500))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default=text("'{}'"))
    state: Mapped[str] = mapped_column(String(30), default="connected", server_default="connected")
    state_message: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("1"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Mapping(Base):
    """One user mapping. ``kind``: category | tax | tag_group | tag | contra | default_account.

    ``source_key`` is the Pleo side (Category.key, Tax.key, tag group code, "GROUP/TAG", ContraRole
    value, "default"); ``target`` the ledger side (account code, tax code, dimension, value). A
    category row with ``target`` NULL only carries a friendly label.
    """

    __tablename__ = "mappings"
    __table_args__ = (UniqueConstraint("connection_id", "kind", "source_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    connection_id: Mapped[int] = mapped_column(ForeignKey("connections.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    source_key: Mapped[str] = mapped_column(String(300))
    source_label: Mapped[str | None] = mapped_column(String(300))
    target: Mapped[str | None] = mapped_column(String(300))
    target_tax: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class PleoItem(Base):
    """One ``ExportItemV3`` as fetched from Pleo; ``raw`` is its JSON, unchanged.

    The columns the Expenses list shows (``day``, ``supplier``, ``employee``, ``category``,
    ``receipt_count``, ``note``, with ``currency`` and ``amount_minor``) are taken from the item when
    it is stored, so the list is read without decoding ``raw``. Retention (``pleodesk.storage.retention``)
    empties ``raw`` of expenses the ledger confirmed long ago and stamps ``pruned_at``; the list columns
    stay. An item belongs to the connections that have an export record of it.
    """

    __tablename__ = "pleo_items"
    __table_args__ = (
        Index(None, "company_id", "booked_at"),
        # Covers the Expenses list: read from this index, the columns after ``raw`` (which sits in
        # overflow pages) need no walk through the raw JSON, and in the list's order (newest first:
        # read backwards), so the whole list comes sorted without a sort (0005_expense_list).
        Index("ix_pleo_items_by_day", "day", "id", "supplier", "employee", "currency", "amount_minor", "category",
              "receipt_count", "note", "pruned_at"),
    )

    id: Mapped[str] = mapped_column(String(100), primary_key=True)     # accountingEntryId
    company_id: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(50))
    # The booking date and time as Pleo shows them: the wall-clock time of Pleo's timestamp in the offset
    # it was sent with, stored as if it were UTC (so its date is the booking date, model.booking_date).
    booked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    currency: Mapped[str] = mapped_column(String(3))
    amount_minor: Mapped[int] = mapped_column(Integer)
    raw: Mapped[str] = mapped_column(Text)                              # "" once pruned
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    job_id: Mapped[str | None] = mapped_column(String(100), index=True)
    day: Mapped[str | None] = mapped_column(String(10))                 # the item's date, YYYY-MM-DD
    supplier: Mapped[str | None] = mapped_column(String(300))
    employee: Mapped[str | None] = mapped_column(String(300))
    category: Mapped[str | None] = mapped_column(Text)                  # its lines' account names
    receipt_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    note: Mapped[str | None] = mapped_column(Text)
    pruned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Receipt(Base):
    """A receipt file of an expense. ``status``: pending | downloaded | missing (not attached: over the
    ledger's number per entry) | too_large | failed | pruned (downloaded, then removed from this
    computer by retention once the ledger had it)."""

    __tablename__ = "receipts"
    __table_args__ = (UniqueConstraint("expense_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    expense_id: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(Text)
    mime: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int | None] = mapped_column(Integer)
    local_path: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="pending", server_default="pending")
    error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class ExportRecord(Base):
    """What happened to one expense on one connection.

    ``status``: held | pending | sending | exported | failed | skipped.
    ``receipts_status``: none | pending | done | failed | incomplete (some receipts must be attached by
    hand: too large, or more than the ledger takes per entry; not tried again).
    """

    __tablename__ = "export_records"
    __table_args__ = (
        UniqueConstraint("connection_id", "expense_id"),
        Index(None, "connection_id", "status"),
        Index(None, "connection_id", "job_id"),
        Index(None, "expense_id"),          # which connections have an expense (its Pleo data belongs to them)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    connection_id: Mapped[int] = mapped_column(ForeignKey("connections.id", ondelete="CASCADE"))
    expense_id: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="pending", server_default="pending")
    reference: Mapped[str | None] = mapped_column(String(200))
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    ledger_id: Mapped[str | None] = mapped_column(String(200))
    ledger_url: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    error_title: Mapped[str | None] = mapped_column(Text)
    error_detail: Mapped[str | None] = mapped_column(Text)
    error_fix: Mapped[str | None] = mapped_column(Text)
    reason_type: Mapped[str | None] = mapped_column(String(100))
    job_id: Mapped[str | None] = mapped_column(String(100))
    receipts_status: Mapped[str] = mapped_column(String(20), default="none", server_default="none")
    pleo_reported: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    exported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Run(Base):
    """One run of a job. ``status``: running | ok | partial | failed | cancelled | skipped | interrupted."""

    __tablename__ = "runs"
    __table_args__ = (Index(None, "connection_id", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    connection_id: Mapped[int | None] = mapped_column(ForeignKey("connections.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    trigger: Mapped[str] = mapped_column(String(30))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="running", server_default="running")
    counts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    skip_reasons: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    message: Mapped[str | None] = mapped_column(Text)
    job_id: Mapped[str | None] = mapped_column(String(100))


class AuditEntry(Base):
    """Who did what, when. Kept when its connection is deleted (``connection_id`` becomes NULL)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    connection_id: Mapped[int | None] = mapped_column(
        ForeignKey("connections.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(100))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class SchedulerState(Base):
    """When a scheduled job (key such as ``conn:3:queue``) last ran and is due next."""

    __tablename__ = "scheduler_state"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class FeedRecord(Base):
    """A bank feed statement line pushed (or not) for an expense. ``status``: pending | sending (being
    written; after a crash the feed asks the ledger whether it arrived) | pushed | failed."""

    __tablename__ = "feed_records"
    __table_args__ = (
        UniqueConstraint("connection_id", "expense_id"),
        Index(None, "connection_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    connection_id: Mapped[int] = mapped_column(ForeignKey("connections.id", ondelete="CASCADE"))
    expense_id: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="pending", server_default="pending")
    pushed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Meta(Base):
    """Facts about this database itself, one value per key: ``installation_id`` (made with the database,
    never changed: the keyring entries of its connections are named by it) and what one-time work was
    done on it (``secret_names``: the keyring entries were renamed to that scheme)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class ExpenseListChange(Base):
    """Which expenses' rows in the Expenses list may have changed (migration ``0005_expense_list``):
    written by triggers on ``export_records`` and ``pleo_items``, never by pleodesk's code, so a
    change made by any process is in it. ``seq`` only grows; ``connection_id`` None: an item's data
    changed (every connection listing it). Trimmed by a trigger to the newest 200,000 entries."""

    __tablename__ = "expense_list_changes"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    connection_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    expense_id: Mapped[str] = mapped_column(String(100))


class Summary(Base):
    """A summary entry of a connection (``pleodesk.core.summary``): the entry of one day or month.

    ``status``: sending (recorded before it goes out; looked up in the ledger after a crash) | exported
    | failed (the ledger does not have it: the period may be summarised again, under the same
    reference). Its expenses are the connection's export records with this ``reference``.
    """

    __tablename__ = "summaries"
    __table_args__ = (
        UniqueConstraint("connection_id", "reference"),
        Index(None, "connection_id", "period_start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    connection_id: Mapped[int] = mapped_column(ForeignKey("connections.id", ondelete="CASCADE"))
    reference: Mapped[str] = mapped_column(String(200))
    grid: Mapped[str] = mapped_column(String(10))                  # daily | monthly
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="sending", server_default="sending")
    expense_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    amount: Mapped[str | None] = mapped_column(String(40))          # signed decimal, the wallet currency
    currency: Mapped[str | None] = mapped_column(String(3))
    ledger_id: Mapped[str | None] = mapped_column(String(200))
    ledger_url: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    error_title: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    exported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
