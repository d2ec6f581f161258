"""The one small interface every accounting system implements. See docs/providers.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, Sequence, runtime_checkable

from pleodesk.core.ledger import LedgerChart, LedgerEntry


class LedgerError(Exception):
    """An error from the accounting system, in plain words.

    ``title``: one line; ``detail``: what the system said; ``fix``: what the user can do.
    ``retryable``: a later attempt may succeed unchanged (network, rate limit, 5xx).
    ``reason_type``: the Pleo ``ExportJobItemFailureReasonType`` to report for the item.
    ``retry_at``: set when the system refuses every call until then (a daily API limit): nothing is
    wrong with the expenses or the setup, they wait and are sent after that time.
    """

    retry_at: datetime | None = None

    def __init__(self, title: str, detail: str = "", fix: str = "", *, retryable: bool = False,
                 reason_type: str = "accounting_system_validation_failure"):
        super().__init__(title)
        self.title = title
        self.detail = detail
        self.fix = fix
        self.retryable = retryable
        self.reason_type = reason_type

    def __str__(self) -> str:
        return self.title + (f": {self.detail}" if self.detail else "")


class ReceiptRefused(LedgerError):
    """The accounting system will never take this receipt as it is (its type, or a size that cannot be
    made small enough): it is not tried again; the bookkeeper attaches a copy by hand. The message says
    which file and why."""

    def __init__(self, title: str, detail: str = "", fix: str = "") -> None:
        super().__init__(title, detail, fix, retryable=False, reason_type="receipt_upload_failure")


class AuthError(LedgerError):
    """The connection's credentials no longer work (revoked token, wrong key): reconnect."""

    def __init__(self, title: str = "The accounting system refused our credentials", detail: str = "",
                 fix: str = "Reconnect the connection to the same company.") -> None:
        super().__init__(title, detail, fix, retryable=False,
                         reason_type="accounting_system_authentication_failure")


def connection_failure(url: str, exc: BaseException) -> str:
    """Why nothing answered at ``url``, in words (instead of "[Errno -2] Name or service not known")."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = parts.hostname or url
    where = f"{host}:{parts.port}" if parts.port else host
    text = f"{exc} {exc.__cause__ or ''} {exc.__context__ or ''}".lower()
    name = type(exc).__name__.lower()
    if any(k in text for k in ("name or service not known", "nodename nor servname", "getaddrinfo",
                               "no address associated", "temporary failure in name resolution",
                               "name resolution")):
        return f"the name {host} was not found (a typing error in the address, or no internet connection)"
    if "refused" in text:
        return f"nothing answers at {where} (the connection was refused)"
    if "timeout" in name or "timed out" in text:
        return f"{where} did not answer in time"
    if "ssl" in text or "certificate" in text:
        return f"the secure (https) connection to {host} failed ({exc})"
    if "unreachable" in text:
        return f"{where} cannot be reached from this network"
    return f"the connection to {where} failed ({exc or type(exc).__name__})"


@dataclass(frozen=True)
class NotExported:
    """An expense kind the accounting system does not take (``ExpenseKind`` value). Such expenses are
    never validated, sent or fed; the engine records them as skipped with ``reason`` (what the user
    sees) and tells Pleo: ``handled=True`` as done (they are booked by hand, like wallet top-ups),
    ``handled=False`` as not exportable (failed, with the reason)."""

    kind: str
    reason: str
    handled: bool = False


@dataclass(frozen=True)
class Capabilities:
    object_kinds: tuple[str, ...]        # e.g. ("journal_entry",), ("bank_transaction", "bill")
    draft: bool = False                  # can create drafts
    posted: bool = True                  # can create posted objects
    batch_size: int = 50                 # at most this many entries per send_batch
    max_attachment_bytes: int = 10 * 1024 * 1024
    max_attachments: int = 10
    not_exported: tuple[NotExported, ...] = ()   # expense kinds it does not take (neither exported nor fed)
    feed: bool = False                   # can take bank-feed lines
    #: can create dimension values (analytic accounts, tracking options) for Pleo's tags:
    #: ``create_dimension_values(dimension, values) -> LedgerDimension``
    create_dimension_values: bool = False
    #: how many dimensions (tag groups) may be exported, None: as many as Pleo has (at most five)
    max_dimensions: int | None = None
    summaries: bool = False              # can take summary entries (one per day or month, many expenses)


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    messages: tuple[str, ...] = ()       # plain words, one per finding
    version: str | None = None


@dataclass(frozen=True)
class Company:
    id: str
    name: str


@dataclass(frozen=True)
class SendResult:
    expense_id: str
    ledger_id: str | None = None
    ledger_url: str | None = None
    error: LedgerError | None = None
    #: The ledger already held this entry (our reference, from an earlier run whose record was lost):
    #: nothing was created now. Counted as "already in the ledger", never as exported.
    already: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class Found:
    ledger_id: str
    ledger_url: str | None = None


@dataclass(frozen=True)
class FeedLine:
    transaction_id: str       # our id (the Pleo accounting entry id)
    date: str                 # ISO date
    amount: str               # signed decimal string, negative = money out of the account
    currency: str
    payee: str
    description: str = ""
    employee: str = ""


@dataclass(frozen=True)
class FeedResult:
    accepted: int
    duplicates: int = 0
    messages: tuple[str, ...] = field(default_factory=tuple)
    #: transaction ids the system did not take (not duplicates): they are pushed again next time
    rejected: tuple[str, ...] = ()


@runtime_checkable
class Provider(Protocol):
    system: str               # short id: "journal_file", "odoo", "xero", ...

    def check(self) -> CheckResult: ...

    def list_companies(self) -> list[Company]: ...

    def read_chart(self) -> LedgerChart: ...

    def ensure_setup(self, settings: dict) -> dict:
        """Create or find what the system needs (accounts, journals); return settings to store."""
        ...

    def capabilities(self) -> Capabilities: ...

    def send_batch(self, entries: Sequence[LedgerEntry]) -> list[SendResult]:
        """Create the entries. One element's error never fails the others: one result per entry,
        in order. Raise only when nothing could be sent (AuthError, unreachable)."""
        ...

    def find_by_reference(self, reference: str) -> Found | None: ...

    def upload_receipt(self, found: Found, path: str, mime: str, filename: str) -> None: ...

    def push_feed(self, lines: Sequence[FeedLine]) -> FeedResult: ...

    def feed_lines_present(self, transaction_ids: Sequence[str]) -> set[str]:
        """Which of these statement lines the system (or the statement files) already holds, so lines
        left ``sending`` by a crash are not pushed twice. Lines it cannot see (Xero's bank feed API
        shows no lines) are pushed again, and the system refuses the ones it has."""
        ...

    def close(self) -> None: ...

    # Optional, with ``capabilities().create_dimension_values``:
    # def create_dimension_values(self, dimension: str, values: Sequence[str]) -> LedgerDimension:
    #     """Create the values of ``dimension`` it lacks (those it has are left alone); returns the
    #     dimension as the ledger has it now."""
