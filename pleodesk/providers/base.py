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

    def close(self) -> None: ...
