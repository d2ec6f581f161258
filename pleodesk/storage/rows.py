"""What ``Store`` returns: plain frozen dataclasses (safe to hand to another thread), and the
values its status-like fields can take. All datetimes are aware, in UTC."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

# ---------------------------------------------------------------- allowed values ---------------
CONNECTION_STATES = ("connected", "needs_attention", "disconnected")
MAPPING_KINDS = ("category", "tax", "tag_group", "tag", "contra", "default_account")
RECEIPT_STATUSES = ("pending", "downloaded", "missing", "too_large", "failed")
RECORD_STATUSES = ("held", "pending", "sending", "exported", "failed", "skipped")
#: Statuses that are an outcome Pleo's export job item can be told about.
OUTCOME_STATUSES = ("held", "exported", "failed", "skipped")
RECEIPTS_STATUSES = ("none", "pending", "done", "failed", "incomplete")
RUN_KINDS = ("export_job", "export_month", "queue", "feed", "sync")
RUN_TRIGGERS = ("manual", "scheduled", "catch_up", "cli")
#: ``interrupted``: its process ended before it finished (see ``Store.mark_interrupted_runs``).
RUN_STATUSES = ("running", "ok", "partial", "failed", "cancelled", "skipped", "interrupted")
FEED_STATUSES = ("pending", "sending", "pushed", "failed")

#: The ``source_key`` of the single ``default_account`` mapping of a connection.
DEFAULT_ACCOUNT_KEY = "default"


@dataclass(frozen=True, slots=True)
class ConnectionRow:
    id: int
    name: str
    system: str
    ledger_company_id: str | None
    ledger_company_name: str | None
    pleo_company_id: str | None
    pleo_base_url: str | None
    settings: dict[str, Any]          # a copy: changing it changes nothing stored
    state: str
    state_message: str | None
    active: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class MappingRow:
    id: int
    connection_id: int
    kind: str
    source_key: str
    source_label: str | None
    target: str | None                # None: a category label only, not mapped
    target_tax: str | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ReceiptRow:
    id: int
    expense_id: str
    position: int
    url: str
    mime: str | None
    size: int | None
    local_path: str | None
    sha256: str | None
    status: str
    error: str | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class RecordRow:
    id: int
    connection_id: int
    expense_id: str
    status: str
    reference: str | None
    idempotency_key: str | None
    ledger_id: str | None
    ledger_url: str | None
    attempts: int
    error_title: str | None
    error_detail: str | None
    error_fix: str | None
    reason_type: str | None
    job_id: str | None
    receipts_status: str
    pleo_reported: bool
    exported_at: datetime | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class RunRow:
    id: int
    connection_id: int | None
    kind: str
    trigger: str
    started_at: datetime
    ended_at: datetime | None
    status: str
    counts: dict[str, Any] | None
    skip_reasons: dict[str, Any] | None
    message: str | None
    job_id: str | None


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    connection_id: int | None
    action: str
    detail: dict[str, Any]


@dataclass(frozen=True, slots=True)
class FeedRow:
    id: int
    connection_id: int
    expense_id: str
    status: str
    pushed_at: datetime | None
    error: str | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Problem:
    """Why an expense was held or failed; ``LedgerError`` has the same attributes and works too."""

    title: str
    detail: str = ""
    fix: str = ""
    reason_type: str | None = None


#: ``Summary.status``: sending | exported | failed (not in the ledger; the period may be summarised again).
SUMMARY_STATUSES = ("sending", "exported", "failed")


@dataclass(frozen=True, slots=True)
class SummaryRow:
    id: int
    connection_id: int
    reference: str
    grid: str
    period_start: date
    period_end: date
    status: str
    expense_count: int
    amount: str | None
    currency: str | None
    ledger_id: str | None
    ledger_url: str | None
    attempts: int
    error_title: str | None
    created_at: datetime
    exported_at: datetime | None
    updated_at: datetime
