"""An emulator of Pleo's partner API, its OAuth server and its receipt storage, for the sandbox.

Built field by field from Pleo's OpenAPI documents (export API v3, gjoll, chart of accounts, oberon, app
marketplace): the same paths, parameter names, request and response schemas, envelopes
(``{"data": ...}``, ``{"data": [...], "pagination": CursorPageInfo}``) and error shape
(``ExceptionInfo {type, message}``). All validation is hand-written here; the documents are not needed
at run time.

Served under the sandbox's ``/pleo`` (the API), ``/pleo-auth`` (OAuth) and ``/pleo-files`` (receipts).

**Authentication.** HTTP Basic with the API key as user name and an empty password, or
``Bearer <access token>`` from the OAuth flow. Missing, wrong or revoked credentials: 401
``UNAUTHORIZED``. A key of another company (``PleoState.other_api_key``) asking for the demo company: 403
``FORBIDDEN``. Scopes are recorded (and shown by ``/v1/introspect``) but not enforced.

**Choices where Pleo documents nothing** (the sandbox's own, kept stable):

* Listing limits: export API and other cursor lists take ``limit`` 0..1000 (default 20); accounting
  entries 1..100 (default 20), receipts 1..100 (default 10). Out of range: 400.
* Cursors are opaque base32 strings (``[A-Z2-7=]``) bound to the listing they came from; ``offset`` is
  accepted where the spec lists it, but not together with a cursor.
* ``POST /v3/export-jobs``: unknown entry ids answer 400 ``ACCOUNTING_ENTRIES_NOT_FOUND``; entries that
  are not ready to export (not ``QUEUED``: already exported, in another job, not settled, draft) answer
  400 ``ACCOUNTING_ENTRIES_NOT_EXPORTABLE``.
* Export items carry ``vendor`` and ``bookkeeping`` only when the job has ``vendorBasedBookkeeping``
  (as the spec's ``Options`` says). Jobs made by :meth:`PleoState.create_job_as_user` have it on.
* When a job ends, items still ``pending``/``in_progress`` become ``abandoned`` and their entries go
  back to ``QUEUED``. An expired job (no event or item update for ``expiresIn`` seconds, counted on the
  emulator's clock) becomes ``failed`` with ``failureReasonType`` ``job_expired``.
* Creates answer 201, updates 200, deletes 204 where the spec only documents ``default``.
* Tax codes: a ``code`` must be unique in the company (409). Tag groups: ``code`` unique (409); tags:
  ``code`` unique in the group, case-insensitively (409). Chart of accounts: ``externalId`` unique (409;
  the same request again answers 200 with the existing account).
* Reimbursement lines (``direct_reimbursement``, ``external_reimbursement``) carry no ``account``: they
  move money between the out-of-pocket account and the wallet (direct) or the reimbursements contra
  account (external), which are the item's ``contraAccount``.

**The clock.** Job expiry, OAuth token lifetimes and receipt URL expiry run on the emulator's clock:
real time multiplied by ``PleoState.time_scale`` (default 1), plus whatever :meth:`PleoState.advance`
added. ``time_scale = 3600`` makes an hour pass in a second.

**Controls** (``/_sandbox/pleo``, not Pleo's API; no authentication; loopback only)::

    GET  /_sandbox/pleo                         summary: company, key, counts, jobs
    GET  /_sandbox/pleo/entries                 ?exportStatus=&type=&month=&limit=(100)&offset=(0)
    GET  /_sandbox/pleo/entries/{id}            {"accountingEntry": AccountingEntryV1, "exportItem": ExportItemV3}
    GET  /_sandbox/pleo/export-items/{id}       ExportItemV3 of one entry
    POST /_sandbox/pleo/jobs                    {"accountingEntryIds": [...]} or {"exportable": true,
                                                "month": "YYYY-MM", "limit": 50}; optional
                                                "vendorBasedBookkeeping" (default true): what clicking
                                                Export in Pleo's web app does; 201 ExportJobV3
    GET  /_sandbox/pleo/jobs                    every job (ExportJobV3)
    GET  /_sandbox/pleo/jobs/{jobId}/items      the job's ExportJobItemV3 list
    POST /_sandbox/pleo/contra-accounts-missing {"missing": true}
    POST /_sandbox/pleo/time-scale              {"timeScale": 3600}
    POST /_sandbox/pleo/advance                 {"seconds": 3600}
    POST /_sandbox/pleo/revoke-tokens | /revoke-api-key | /restore-api-key | /reset-exports
"""

from __future__ import annotations

import base64
import binascii
import gc
import hashlib
import hmac
import json
import re
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Callable, Iterable, Sequence

from pleodesk.sandbox.demo_data import (
    COMPANY_COUNTRY, NO_ACCOUNT_ID, OTHER_COMPANY_NAME, Account, DemoData, Entry, generate,
)
from pleodesk.sandbox.files import ReceiptContent, ReceiptFiles
from pleodesk.sandbox.server import ApiError, Request, Response, Router, utc_iso

#: The OAuth client id the sandbox accepts (a public client: no secret, PKCE S256, loopback redirects).
SANDBOX_CLIENT_ID = "6f1c2a9e-4b7d-4e21-9c3a-58d0f7b2e6a4"
SANDBOX_APPLICATION_NAME = "pleodesk (sandbox client)"
ALL_SCOPES = (
    "export-jobs:read", "export-jobs:write", "export-items:read", "accounting-entries:read",
    "accounts:read", "accounts:write", "tax-codes:read", "tax-codes:write", "tag-groups:read",
    "tag-groups:write", "companies:read", "users:read", "receipts:read",
)
#: ``ExportJobV3.expiresIn``: seconds a job lives after its last update.
JOB_EXPIRES_IN = 3600
ACCESS_TOKEN_TTL = 3600
REFRESH_TOKEN_TTL = 30 * 24 * 3600
AUTH_CODE_TTL = 600
#: At most this many export job items per ``PUT /v3/export-jobs/{jobId}/items``.
ITEM_UPDATE_LIMIT = 100

EXPORT_JOB_STATUSES = ("pending", "in_progress", "failed", "completed", "completed_with_errors")
ACTIVE_JOB_STATUSES = ("pending", "in_progress")
EXPORT_JOB_EVENTS = ("started", "failed", "completed", "completed_with_errors")
EXPORT_JOB_ITEM_STATUSES = ("pending", "in_progress", "failed", "successful", "abandoned")
EXPORT_JOB_FAILURE_REASON_TYPES = (
    "invalid_configuration", "missing_configuration", "authentication_failure",
    "accounting_system_authentication_failure", "pleo_rate_limit", "accounting_system_rate_limit",
    "service_unreachable", "accounting_system_unreachable", "validation_failure", "authorization_failure",
    "integration_unusable", "job_expired", "service_timeout", "accounting_system_timeout", "canceled_by_user",
)
EXPORT_JOB_ITEM_FAILURE_REASON_TYPES = (
    "receipt_upload_failure", "receipt_download_failure", "receipt_file_size_limit_exceeded",
    "receipt_conversion_failure", "unexpected_failure", "invalid_configuration", "missing_configuration",
    "accounting_system_authentication_failure", "accounting_system_rate_limit", "accounting_system_unreachable",
    "validation_failure", "accounting_system_validation_failure", "authorization_failure",
    "accounting_system_timeout", "vendor_unknown", "account_unknown", "tax_code_unknown", "tag_unknown",
)
EXPORT_STATUSES = ("CREATED", "EXPORTED", "EXPORTING", "NOT_CREATED", "NOT_EXPORTED", "QUEUED")
ENTRY_STATUSES = ("DRAFT", "PENDING", "COMPLETED", "COMPLETED_EXTERNALLY", "CANCELLED", "REJECTED", "ERROR")
FAMILIES = ("BALANCE_AMENDMENT", "BILL_INVOICE", "CARD_PURCHASE", "CASHBACK", "CREDIT_NOTE", "MILEAGE",
            "OUT_OF_POCKET", "OVERDRAFT", "PER_DIEM", "PLEO_INVOICE", "REIMBURSEMENT", "WALLET",
            "BILL_INVOICE_PAYMENT")
SUB_FAMILIES = ("ATM", "IN_STORE", "ONLINE", "PLEO_INVOICE", "PLEO_INVOICE_REFUND", "REIMBURSEMENT_TO_COMPANY",
                "REIMBURSEMENT_TO_EMPLOYEE", "REIMBURSEMENT_TO_EMPLOYEE_REFUND", "LOAD", "UNLOAD", "WITHDRAWAL",
                "FEE", "INTEREST", "BILL_INVOICE_PAYMENT_RETURNED", "BILL_INVOICE_PAYMENT_RECEIVED")
REVIEW_STATUSES = ("NOT_OK", "NOT_REQUIRED", "NOT_SET", "OK", "WAITING_FOR_EXPENSE_OWNER", "WAITING_FOR_REVIEWER",
                   "WAITING_FOR_COMPANY_REVIEWER", "WAITING_FOR_TEAM_REVIEWER", "WAITING_FOR_TAG_REVIEWER")
ENTRY_SORTING_KEYS = ("settledAt", "performedAt", "id", "bookkeepingDate")
PAGE_ORDERS = ("ASC", "ASC_NULLS_FIRST", "ASC_NULLS_LAST", "DESC", "DESC_NULLS_FIRST", "DESC_NULLS_LAST")
TAX_CODE_TYPES = ("inclusive", "exclusive", "reverse")
RECEIPT_FILE_TYPES = ("EMBED", "ORIGINAL", "THUMBNAIL", "PREVIEW")
RECEIPT_SOURCES = ("APP_SHARE", "BOLT", "CAMERA", "CASHBACK", "EMAIL_FETCHING", "EMAIL_FETCHING_BATCHED",
                   "EMAIL_FORWARDING", "GENERATED_RECEIPT", "LOST_RECEIPT", "ROGER", "STOREBOX", "STRIPE",
                   "TRAVELPERK", "USER")
MAX_ACTIVE_TAGS_PER_GROUP = 5000
#: From this many entries on, the dataset's objects are moved out of the cyclic GC's reach (gc.freeze).
LARGE_DATASET = 20_000

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_CURSOR = re.compile(r"^[A-Z2-7=~]+$")
_PKCE = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")


# ==================================================================================== clock =====
class Clock:
    """Emulated time: real time × ``time_scale`` + ``advance()``d seconds, starting at real now."""

    def __init__(self, time_scale: float = 1.0):
        self._lock = threading.Lock()
        self._base_epoch = time.time()
        self._base_mono = time.monotonic()
        self._scale = float(time_scale)

    def epoch(self) -> float:
        with self._lock:
            return self._base_epoch + (time.monotonic() - self._base_mono) * self._scale

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.epoch(), timezone.utc)

    @property
    def time_scale(self) -> float:
        return self._scale

    @time_scale.setter
    def time_scale(self, value: float) -> None:
        if value <= 0:
            raise ValueError("time_scale must be positive")
        with self._lock:
            mono = time.monotonic()
            self._base_epoch += (mono - self._base_mono) * self._scale
            self._base_mono = mono
            self._scale = float(value)

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._base_epoch += float(seconds)


# =============================================================================== validation =====
def bad(message: str, type_: str = "BAD_REQUEST") -> ApiError:
    return ApiError(400, type_, message)


def is_uuid(value: Any) -> bool:
    return isinstance(value, str) and bool(_UUID.match(value))


def parse_datetime(value: str, where: str) -> datetime:
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except (ValueError, AttributeError):
        raise bad(f"{where}: not an ISO 8601 date-time: {value!r}") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def path_uuid(value: str, name: str) -> str:
    if not is_uuid(value):
        raise bad(f"{name}: not a valid UUID: {value!r}")
    return value.lower()


def q_uuid(req: Request, name: str, required: bool = False) -> str | None:
    v = req.arg(name)
    if v is None or v == "":
        if required:
            raise bad(f"{name}: required query parameter is missing")
        return None
    if not is_uuid(v):
        raise bad(f"{name}: not a valid UUID: {v!r}")
    return v.lower()


def q_bool(req: Request, name: str, default: bool | None = None) -> bool | None:
    v = req.arg(name)
    if v is None or v == "":
        return default
    if v.lower() in ("true", "false"):
        return v.lower() == "true"
    raise bad(f"{name}: must be true or false, not {v!r}")


def q_int(req: Request, name: str, *, minimum: int | None = None, maximum: int | None = None,
          default: int | None = None) -> int | None:
    v = req.arg(name)
    if v is None or v == "":
        return default
    try:
        n = int(v)
    except ValueError:
        raise bad(f"{name}: must be an integer, not {v!r}") from None
    if (minimum is not None and n < minimum) or (maximum is not None and n > maximum):
        lo = "" if minimum is None else str(minimum)
        hi = "" if maximum is None else str(maximum)
        raise bad(f"{name}: must be between {lo or '-inf'} and {hi or 'inf'}, not {n}")
    return n


def q_enum(req: Request, name: str, values: Sequence[str]) -> str | None:
    v = req.arg(name)
    if v is None or v == "":
        return None
    if v not in values:
        raise bad(f"{name}: must be one of {', '.join(values)}, not {v!r}")
    return v


def q_enum_list(req: Request, name: str, values: Sequence[str]) -> list[str]:
    out: list[str] = []
    for raw in req.args(name):
        for v in raw.split(","):
            v = v.strip()
            if not v:
                continue
            if v not in values:
                raise bad(f"{name}: must be one of {', '.join(values)}, not {v!r}")
            out.append(v)
    return out


def json_body(req: Request) -> Any:
    if req.content_type and req.content_type != "application/json" and not req.content_type.endswith("+json"):
        raise ApiError(415, "UNSUPPORTED_MEDIA_TYPE",
                       f"Content-Type {req.content_type!r} is not supported; send application/json")
    raw = req.body
    if not raw.strip():
        raise bad("the request body is required (a JSON document)")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise bad(f"malformed JSON in the request body: {exc}") from None


_MISSING = object()


class Obj:
    """Typed, required/optional field access on a JSON object, with 400s naming the field."""

    def __init__(self, value: Any, where: str = ""):
        if not isinstance(value, dict):
            raise bad(f"{where or 'body'}: must be a JSON object")
        self.d = value
        self.where = where

    def _name(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def _get(self, name: str, required: bool) -> Any:
        v = self.d.get(name, _MISSING)
        if v is _MISSING or v is None:
            if required:
                raise bad(f"{self._name(name)}: required field is missing" if v is _MISSING
                          else f"{self._name(name)}: must not be null")
            return _MISSING
        return v

    def str(self, name: str, required: bool = False, *, min_len: int | None = None, max_len: int | None = None,
            default: Any = None) -> Any:
        v = self._get(name, required)
        if v is _MISSING:
            return default
        if not isinstance(v, str):
            raise bad(f"{self._name(name)}: must be a string, not {type(v).__name__}")
        if min_len is not None and len(v) < min_len:
            raise bad(f"{self._name(name)}: must have at least {min_len} character(s)")
        if max_len is not None and len(v) > max_len:
            raise bad(f"{self._name(name)}: must have at most {max_len} characters")
        return v

    def bool(self, name: str, required: bool = False, default: Any = None) -> Any:
        v = self._get(name, required)
        if v is _MISSING:
            return default
        if not isinstance(v, bool):
            raise bad(f"{self._name(name)}: must be true or false, not {json.dumps(v)}")
        return v

    def uuid(self, name: str, required: bool = False) -> str | None:
        v = self.str(name, required)
        if v is None:
            return None
        if not is_uuid(v):
            raise bad(f"{self._name(name)}: not a valid UUID: {v!r}")
        return v.lower()

    def enum(self, name: str, values: Sequence[str], required: bool = False) -> str | None:
        v = self.str(name, required)
        if v is None:
            return None
        if v not in values:
            raise bad(f"{self._name(name)}: must be one of {', '.join(values)}, not {v!r}")
        return v

    def number(self, name: str, required: bool = False) -> Decimal | None:
        v = self._get(name, required)
        if v is _MISSING:
            return None
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise bad(f"{self._name(name)}: must be a number, not {json.dumps(v)}")
        return Decimal(str(v))

    def datetime(self, name: str, required: bool = False) -> datetime | None:
        v = self.str(name, required)
        return None if v is None else parse_datetime(v, self._name(name))

    def list(self, name: str, required: bool = False, *, item: Callable[[Any, str], Any] | None = None,
             min_items: int | None = None, max_items: int | None = None) -> list | None:
        v = self._get(name, required)
        if v is _MISSING:
            return None
        if not isinstance(v, list):
            raise bad(f"{self._name(name)}: must be an array, not {type(v).__name__}")
        if min_items is not None and len(v) < min_items:
            raise bad(f"{self._name(name)}: must have at least {min_items} item(s)")
        if max_items is not None and len(v) > max_items:
            raise bad(f"{self._name(name)}: must have at most {max_items} items")
        if item is None:
            return list(v)
        return [item(x, f"{self._name(name)}[{i}]") for i, x in enumerate(v)]

    def obj(self, name: str, required: bool = False) -> "Obj | None":
        v = self._get(name, required)
        if v is _MISSING:
            return None
        return Obj(v, self._name(name))

    def map_of_str(self, name: str, required: bool = False) -> dict | None:
        v = self._get(name, required)
        if v is _MISSING:
            return None
        if not isinstance(v, dict) or not all(isinstance(x, str) for x in v.values()):
            raise bad(f"{self._name(name)}: must be an object of strings")
        return dict(v)


def item_uuid(v: Any, where: str) -> str:
    if not is_uuid(v):
        raise bad(f"{where}: not a valid UUID: {v!r}")
    return v.lower()


def item_enum(values: Sequence[str]) -> Callable[[Any, str], str]:
    def check(v: Any, where: str) -> str:
        if v not in values:
            raise bad(f"{where}: must be one of {', '.join(values)}, not {json.dumps(v)}")
        return v
    return check


def item_str(v: Any, where: str) -> str:
    if not isinstance(v, str):
        raise bad(f"{where}: must be a string")
    return v


# =============================================================================== pagination =====
@dataclass
class PageRequest:
    after: int | None
    before: int | None
    offset: int | None
    limit: int
    info: dict


def encode_cursor(kind: str, index: int, ident: str) -> str:
    return base64.b32encode(f"{kind}\x1f{index}\x1f{ident}".encode()).decode()


def _decode_cursor(value: str, name: str, kind: str, seq: Sequence, id_of: Callable[[Any], str],
                   strict_pattern: bool) -> int:
    if strict_pattern and not _CURSOR.match(value):
        raise bad(f"{name}: not a valid cursor (must match ^[A-Z2-7=~]+$)")
    try:
        raw = base64.b32decode(value.replace("~", "="), casefold=False).decode()
        k, idx_s, ident = raw.split("\x1f")
        idx = int(idx_s)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise bad(f"{name}: not a valid cursor") from None
    if k != kind:
        raise bad(f"{name}: this cursor belongs to another listing or query")
    if 0 <= idx < len(seq) and id_of(seq[idx]) == ident:
        return idx
    for i, x in enumerate(seq):  # the listing moved: find the anchor by id
        if id_of(x) == ident:
            return i
    raise bad(f"{name}: the cursor no longer points into this listing")


def page_request(req: Request, kind: str, seq: Sequence, id_of: Callable[[Any], str], *, default_limit: int = 20,
                 min_limit: int = 0, max_limit: int = 1000, strict_pattern: bool = True,
                 allow_offset: bool = True) -> PageRequest:
    after_s, before_s = req.arg("after"), req.arg("before")
    after_s = after_s or None
    before_s = before_s or None
    offset = q_int(req, "offset", minimum=0) if allow_offset else None
    if after_s and before_s:
        raise bad("after and before cannot be used together")
    if offset is not None and (after_s or before_s):
        raise bad("offset cannot be used together with after or before")
    limit = q_int(req, "limit", minimum=min_limit, maximum=max_limit, default=default_limit)
    after = _decode_cursor(after_s, "after", kind, seq, id_of, strict_pattern) if after_s else None
    before = _decode_cursor(before_s, "before", kind, seq, id_of, strict_pattern) if before_s else None
    info: dict[str, Any] = {}
    if after_s:
        info["after"] = after_s
    if before_s:
        info["before"] = before_s
    if offset is not None:
        info["offset"] = offset
    info["limit"] = limit
    skip = {"after", "before", "offset", "limit", "sorting_keys", "sorting_order"}
    info["parameters"] = {k: list(v) for k, v in req.query.items() if k not in skip}
    if req.args("sorting_keys"):
        info["sortingKeys"] = req.args("sorting_keys")
    if req.args("sorting_order"):
        info["sortingOrder"] = req.args("sorting_order")
    return PageRequest(after, before, offset, limit, info)


def paginate(kind: str, seq: Sequence, id_of: Callable[[Any], str], match: Callable[[Any], bool] | None,
             pr: PageRequest, render: Callable[[Any], Any], total: int | None = None) -> dict:
    """One page of ``seq`` (in order) filtered by ``match``: ``{"data": [...], "pagination": CursorPageInfo}``."""
    ok = match or (lambda _x: True)
    n = len(seq)
    picked: list[int] = []
    if pr.before is not None:
        i = pr.before - 1
        while i >= 0 and len(picked) < pr.limit + 1:
            if ok(seq[i]):
                picked.append(i)
            i -= 1
        has_prev = len(picked) > pr.limit
        picked = picked[:pr.limit]
        picked.reverse()
        j = pr.before
        has_next = False
        while j < n:
            if ok(seq[j]):
                has_next = True
                break
            j += 1
    else:
        start = pr.after + 1 if pr.after is not None else 0
        skip = pr.offset or 0
        i = start
        while i < n and len(picked) < pr.limit + 1:
            if ok(seq[i]):
                if skip:
                    skip -= 1
                else:
                    picked.append(i)
            i += 1
        has_next = len(picked) > pr.limit
        picked = picked[:pr.limit]
        first = picked[0] if picked else i
        has_prev = False
        j = min(first, n) - 1
        while j >= 0:
            if ok(seq[j]):
                has_prev = True
                break
            j -= 1
    page: dict[str, Any] = {"currentRequestPagination": pr.info, "hasNextPage": has_next,
                            "hasPreviousPage": has_prev}
    if picked:
        page["startCursor"] = encode_cursor(kind, picked[0], id_of(seq[picked[0]]))
        page["endCursor"] = encode_cursor(kind, picked[-1], id_of(seq[picked[-1]]))
    page["total"] = total if total is not None else (n if match is None else sum(1 for x in seq if ok(x)))
    return {"data": [render(seq[i]) for i in picked], "pagination": page}


# ==================================================================================== state =====
@dataclass
class Principal:
    company_id: str
    organization_id: str
    auth_method: str          # API_KEY | OAUTH2
    client_id: str
    scope: str


@dataclass
class JobItem:
    entry_id: str
    job_id: str
    status: str = "pending"
    exported_at: str | None = None
    external_id: str | None = None
    external_url: str | None = None
    failure_reason: str | None = None
    failure_reason_type: str | None = None

    def json(self) -> dict:
        out = {"accountingEntryId": self.entry_id, "exportJobId": self.job_id, "status": self.status,
               "exportedAt": self.exported_at, "externalId": self.external_id, "externalUrl": self.external_url,
               "failureReason": self.failure_reason}
        if self.failure_reason_type is not None:  # not nullable in the spec: absent when unset
            out["failureReasonType"] = self.failure_reason_type
        return out


@dataclass
class Job:
    id: str
    company_id: str
    entry_ids: list[str]
    items: dict[str, JobItem]
    is_interactive: bool
    vendor_based_bookkeeping: bool
    created_at: datetime
    created_by: str | None
    status: str = "pending"
    started_at: datetime | None = None
    last_updated_at: datetime | None = None
    completed_at: datetime | None = None
    expired_at: datetime | None = None
    failure_reason: str | None = None
    failure_reason_type: str | None = None
    item_list: list[JobItem] = field(default_factory=list)   # the items in the job's order

    def __post_init__(self) -> None:
        if not self.item_list:
            self.item_list = [self.items[eid] for eid in self.entry_ids]

    @property
    def active(self) -> bool:
        return self.status in ACTIVE_JOB_STATUSES

    def json(self) -> dict:
        return {
            "id": self.id, "companyId": self.company_id, "status": self.status, "numberOfItems": len(self.entry_ids),
            "isInteractive": self.is_interactive, "vendorBasedBookkeeping": self.vendor_based_bookkeeping,
            "createdAt": utc_iso(self.created_at), "createdBy": self.created_by, "startedAt": utc_iso(self.started_at),
            "lastUpdatedAt": utc_iso(self.last_updated_at), "completedAt": utc_iso(self.completed_at),
            "expiredAt": utc_iso(self.expired_at), "expiresIn": JOB_EXPIRES_IN, "failureReason": self.failure_reason,
            **({"failureReasonType": self.failure_reason_type} if self.failure_reason_type else {}),
        }


@dataclass
class Token:
    value: str
    company_id: str
    client_id: str
    scope: str
    expires_at: float
    family: str
    used: bool = False


@dataclass
class AuthCode:
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    challenge: str
    expires_at: float
    used: bool = False
    issued: list[str] = field(default_factory=list)


def booked_iso(dt: datetime) -> str:
    """A bookkeeping timestamp as Pleo sends it: ``2024-01-31T12:00:00Z`` in UTC, or with the offset it
    has (``send_as_is`` can give one, as another Pleo region might send). Four-digit years always."""
    offset = dt.utcoffset()
    if offset is None or not offset:
        return dt.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
    return dt.isoformat(timespec="seconds")


class PleoState:
    """The emulator's data and rules. Thread-safe (one lock). Test hooks are plain methods."""

    def __init__(self, *, seed: int = 1, months: list[str], expenses_per_month: int = 600,
                 pleo_url: str = "http://127.0.0.1/pleo", files_url: str = "http://127.0.0.1/pleo-files",
                 sandbox_url: str = "http://127.0.0.1", country: str = "NL"):
        self.lock = threading.RLock()
        self.clock = Clock()
        if country not in ("NL", "FR", "DE"):
            raise ValueError(f"the sandbox has demo companies in NL, FR and DE, not {country!r}")
        # The German company (Lexware Office) is generated as such (demo_data.PROFILES); the French one is
        # the Dutch company made French (pleodesk/sandbox/demo_fr.py).
        self.data: DemoData = generate(seed, months, expenses_per_month, country="DE" if country == "DE" else "NL")
        self.company_name = self.data.company_name
        self.company_address = {"addressLine1": "Keizersgracht 123", "locality": "Amsterdam", "postalCode": "1015 CJ",
                                "region": "Noord-Holland", "country": COMPANY_COUNTRY}
        if country == "FR":
            from pleodesk.sandbox import demo_fr

            self.data = demo_fr.frenchify(self.data)
            self.company_name, self.company_address = demo_fr.COMPANY_NAME, dict(demo_fr.COMPANY_ADDRESS)
        elif country == "DE":
            self.company_address = {"addressLine1": "Friedrichstraße 68", "locality": "Berlin", "postalCode": "10117",
                                    "region": "Berlin", "country": "DE"}
        d = self.data
        self.seed = seed
        self.months = d.months
        self.pleo_url = pleo_url.rstrip("/")
        self.sandbox_url = sandbox_url.rstrip("/")
        self.company_id = d.company_id
        self.organization_id = d.organization_id
        self.api_key = d.api_key
        self.other_company_id = d.other_company_id
        self.other_organization_id = d.other_organization_id
        self.other_api_key = d.other_api_key
        self.oauth_client_id = SANDBOX_CLIENT_ID
        self._api_key_revoked = False
        self._contra_missing = False
        self.version = 0                       # bumped on every export status change (cache key)
        self._total_cache: dict[tuple, int] = {}
        self._views: dict[tuple, list[Entry]] = {}
        self._jobs: list[Job] = []
        self._jobs_by_id: dict[str, Job] = {}
        self._last_job_of_entry: dict[str, Job] = {}
        self._tokens: dict[str, Token] = {}
        self._refresh: dict[str, Token] = {}
        self._codes: dict[str, AuthCode] = {}
        self._receipts: dict[str, tuple[Entry, Any]] = {}
        for e in d.entries:
            for r in e.receipts:
                self._receipts[r.id] = (e, r)
        self.receipt_files = ReceiptFiles(d.secret, files_url, self.clock.epoch, self._lookup_receipt)
        t0 = datetime(int(d.months[0][:4]), int(d.months[0][5:]), 1, tzinfo=timezone.utc) - timedelta(days=30)
        self._seed_time = t0
        # master data (mutable records, shaped like the API's models)
        self.coa: dict[str, dict] = {}
        for a in d.accounts:
            self.coa[a.id] = {"id": a.id, "companyId": self.company_id, "externalId": a.external_id, "name": a.name,
                              "code": a.code, "archived": False, "taxCodeExternalId": a.default_tax,
                              "metadata": None}
        self.tax_codes: dict[str, dict] = {}
        for t in d.tax_codes:
            self.tax_codes[t.id] = {"id": t.id, "companyId": self.company_id, "code": t.code, "name": t.name,
                                    "rate": t.rate, "type": t.type, "archived": False,
                                    "ingoingTaxAccount": t.ingoing_account, "outgoingTaxAccount": t.outgoing_account,
                                    "accountingIntegrationSystem": None, "createdAt": t0, "updatedAt": t0}
        self.tag_groups: dict[str, dict] = {}
        for g in d.tag_groups:
            self.tag_groups[g.id] = {"id": g.id, "companyId": self.company_id, "code": g.code, "name": g.name,
                                     "archived": False, "metadata": {}, "createdAt": t0, "updatedAt": t0}
        self.tags: dict[str, dict] = {}
        for t in d.tags:
            self.tags[t.id] = {"id": t.id, "groupId": t.group.id, "code": t.code, "name": t.name, "archived": False,
                               "createdAt": t0, "updatedAt": t0}
        self._used_accounts = {ln.account.id for e in d.entries for ln in e.lines if ln.account} | \
            {a.id for a in d.contra.values()}
        self._used_taxes = {ln.tax.id for e in d.entries for ln in e.lines if ln.tax}
        self._frozen = False
        if len(d.entries) >= LARGE_DATASET:
            # The dataset lives as long as the sandbox: keep the cyclic GC from rescanning its
            # millions of objects on every collection (it halves the cost of serving export items,
            # and of everything else in this process). close() undoes it.
            gc.freeze()
            self._frozen = True

    def close(self) -> None:
        """Let the dataset be garbage-collected again (``Sandbox.stop()`` calls this)."""
        with self.lock:
            if self._frozen:
                self._frozen = False
                gc.unfreeze()

    # ======================================================================== test hooks ========
    @property
    def entries(self) -> list[Entry]:
        """Every accounting entry (live objects, sorted by bookkeeping date; read them, don't change them)."""
        return self.data.entries

    def entry(self, entry_id: str) -> Entry:
        e = self.data.by_id.get(entry_id)
        if e is None:
            raise KeyError(entry_id)
        return e

    #: What ``send_as_is`` may change: the fields bad data from Pleo comes in.
    AS_IS_FIELDS = frozenset({"amount", "amount_sup", "currency", "sup_currency", "booked_at", "note"})

    def send_as_is(self, entry_id: str, **changes: Any) -> None:
        """Test hook: from now on Pleo sends this entry with ``changes``, unchecked, as bad data from Pleo
        would come: ``amount=2**63`` (wallet minor units, on the entry and each of its lines' gross),
        ``currency="XYZ"``, ``booked_at`` with an offset of its own (sent with that offset, as
        ``2026-08-01T00:30:00+02:00``) or in year 1, a ``note`` of 200,000 characters. Both API shapes
        (export items, accounting entries) send it; its month becomes that of ``booked_at``'s date."""
        unknown = set(changes) - self.AS_IS_FIELDS
        if unknown:
            raise ValueError(f"send_as_is cannot change {', '.join(sorted(unknown))}")
        with self.lock:
            e = self.entry(entry_id)
            for name, value in changes.items():
                setattr(e, name, value)
            if "amount" in changes:
                for ln in e.lines:
                    ln.amount = changes["amount"]
            if "booked_at" in changes:
                e.month = f"{e.booked_at.year:04d}-{e.booked_at.month:02d}"
            self._views.clear()
            self._total_cache.clear()
            self.version += 1

    def exportable_entry_ids(self, month: str | None = None, limit: int | None = None,
                             types: Iterable[str] | None = None) -> list[str]:
        """Ids of entries ready to export (``QUEUED``), oldest first."""
        wanted = set(types) if types else None
        with self.lock:
            self._tick()
            out = [e.id for e in self.data.entries if e.export_status == "QUEUED"
                   and (month is None or e.month == month) and (wanted is None or e.type in wanted)]
        return out if limit is None else out[:limit]

    @property
    def jobs(self) -> list[dict]:
        """Every export job (``ExportJobV3``), oldest first."""
        with self.lock:
            self._tick()
            return [j.json() for j in self._jobs]

    def job(self, job_id: str) -> dict:
        with self.lock:
            self._tick()
            return self._jobs_by_id[job_id].json()

    def job_items(self, job_id: str) -> list[dict]:
        """The job's items (``ExportJobItemV3``), in the job's order."""
        with self.lock:
            self._tick()
            job = self._jobs_by_id[job_id]
            return [job.items[eid].json() for eid in job.entry_ids]

    def create_job_as_user(self, entry_ids: Iterable[str], *, vendor_based_bookkeeping: bool = True,
                           employee_id: str | None = None) -> dict:
        """What clicking Export in Pleo's web app does: a pending, interactive job for these entries.

        Raises :class:`ApiError` for the same reasons ``POST /v3/export-jobs`` refuses (409 while another
        job is pending or in progress, 400 for unknown or not exportable entries or missing contra accounts).
        """
        with self.lock:
            self._tick()
            job = self._create_job(self.company_id, list(entry_ids), is_interactive=True,
                                   vbb=vendor_based_bookkeeping,
                                   created_by=employee_id or self.data.admin.id)
            return job.json()

    def set_contra_accounts_missing(self, missing: bool = True) -> None:
        """While set, creating jobs and reading export items answer 400 ``MISSING_CONTRA_ACCOUNTS``."""
        with self.lock:
            self._contra_missing = bool(missing)

    @property
    def contra_accounts_missing(self) -> bool:
        return self._contra_missing

    def export_item(self, entry_id: str, *, vendor_based_bookkeeping: bool = True) -> dict:
        """The ``ExportItemV3`` JSON of one entry (file URLs signed from now)."""
        with self.lock:
            return self._export_item(self.entry(entry_id), vendor_based_bookkeeping)

    def accounting_entry(self, entry_id: str) -> dict:
        """The ``AccountingEntryV1`` JSON of one entry."""
        with self.lock:
            return self._accounting_entry(self.entry(entry_id))

    @property
    def time_scale(self) -> float:
        return self.clock.time_scale

    @time_scale.setter
    def time_scale(self, value: float) -> None:
        self.clock.time_scale = value

    def advance(self, seconds: float) -> None:
        """Move the emulator's clock forward (jobs expire, tokens and receipt URLs run out)."""
        self.clock.advance(seconds)

    def now(self) -> datetime:
        return self.clock.now()

    def revoke_all_tokens(self) -> None:
        """Every OAuth access and refresh token stops working (as if the user disconnected the app)."""
        with self.lock:
            self._tokens.clear()
            self._refresh.clear()
            for c in self._codes.values():
                c.used = True

    def revoke_api_key(self) -> None:
        """The demo company's API key stops working (401) until :meth:`restore_api_key`."""
        with self.lock:
            self._api_key_revoked = True

    def restore_api_key(self) -> None:
        with self.lock:
            self._api_key_revoked = False

    def reset_exports(self) -> None:
        """Forget every job and put every exportable entry back to ``QUEUED`` (the initial state)."""
        with self.lock:
            self._jobs.clear()
            self._jobs_by_id.clear()
            self._last_job_of_entry.clear()
            for e in self.data.entries:
                if e.export_status in ("EXPORTING", "EXPORTED"):
                    e.export_status = "QUEUED"
            self._bump()

    def summary(self) -> dict:
        with self.lock:
            self._tick()
            counts: dict[str, int] = {}
            for e in self.data.entries:
                counts[e.export_status] = counts.get(e.export_status, 0) + 1
            return {"companyId": self.company_id, "companyName": self.company_name, "organizationId": self.organization_id,
                    "apiKey": self.api_key, "apiKeyRevoked": self._api_key_revoked,
                    "pleoBaseUrl": self.pleo_url, "oauthClientId": SANDBOX_CLIENT_ID, "months": self.months,
                    "entries": len(self.data.entries), "exportStatus": counts,
                    "contraAccountsMissing": self._contra_missing, "timeScale": self.clock.time_scale,
                    "now": utc_iso(self.clock.now()), "jobs": [j.json() for j in self._jobs]}

    # ====================================================================== internals ==========
    def _cached_total(self, key: tuple, seq: Sequence, match: Callable[[Any], bool] | None) -> int:
        """The number of matches in ``seq``, cached until the next export status change."""
        if match is None:
            return len(seq)
        full = key + (self.version,)
        total = self._total_cache.get(full)
        if total is None:
            total = sum(1 for x in seq if match(x))
            self._total_cache[full] = total
        return total

    def _bump(self) -> None:
        self.version += 1
        if len(self._total_cache) > 256:
            self._total_cache.clear()

    def _lookup_receipt(self, file_id: str) -> ReceiptContent | None:
        hit = self._receipts.get(file_id)
        return hit[1].content if hit else None

    def _tick(self) -> None:
        """Expire jobs whose last update is older than ``expiresIn`` (lazily, on every access)."""
        now = self.clock.now()
        for job in self._jobs:
            if job.active and job.last_updated_at is not None and \
                    now >= job.last_updated_at + timedelta(seconds=JOB_EXPIRES_IN):
                job.expired_at = job.last_updated_at + timedelta(seconds=JOB_EXPIRES_IN)
                self._finish(job, "failed", job.expired_at, reason="The export job expired: it was not updated "
                             f"within {JOB_EXPIRES_IN} seconds.", reason_type="job_expired")

    def _finish(self, job: Job, status: str, when: datetime, reason: str | None = None,
                reason_type: str | None = None) -> None:
        job.status = status
        job.completed_at = when
        job.last_updated_at = when if status != "failed" or reason_type != "job_expired" else job.last_updated_at
        if status == "failed":
            job.failure_reason = reason
            job.failure_reason_type = reason_type
        for eid in job.entry_ids:
            item = job.items[eid]
            if item.status in ("pending", "in_progress"):
                item.status = "abandoned"
            e = self.data.by_id[eid]
            if e.export_status == "EXPORTING":
                e.export_status = "QUEUED"
        self._bump()

    def _company(self, p: Principal, company_id: str | None) -> str:
        if company_id is None or company_id == p.company_id:
            return p.company_id
        raise ApiError(403, "FORBIDDEN", f"These credentials give no access to company {company_id}.")

    def _active_job(self, company_id: str) -> Job | None:
        for job in reversed(self._jobs):
            if job.company_id == company_id and job.active:
                return job
        return None

    def _create_job(self, company_id: str, entry_ids: list[str], *, is_interactive: bool, vbb: bool,
                    created_by: str | None) -> Job:
        if not entry_ids:
            raise bad("accountingEntryIds: must have at least 1 item(s)")
        if len(set(entry_ids)) != len(entry_ids):
            raise bad("accountingEntryIds: the same accounting entry is listed twice")
        if self._contra_missing:
            raise ApiError(400, "MISSING_CONTRA_ACCOUNTS", "Contra accounts are not fully configured. Please map "
                           "contra accounts in the Accounting settings.")
        active = self._active_job(company_id)
        if active is not None:
            raise ApiError(409, "EXPORT_ALREADY_IN_PROGRESS",
                           f"Export Job already in progress for this company (job {active.id}, {active.status}).")
        company_entries = self.data.by_id if company_id == self.company_id else {}
        unknown = [i for i in entry_ids if i not in company_entries]
        if unknown:
            raise ApiError(400, "ACCOUNTING_ENTRIES_NOT_FOUND",
                           f"{len(unknown)} accounting entr{'y does' if len(unknown) == 1 else 'ies do'} not exist "
                           f"in this company: {', '.join(unknown[:10])}")
        not_ready = [(i, company_entries[i].export_status) for i in entry_ids
                     if company_entries[i].export_status != "QUEUED"]
        if not_ready:
            shown = ", ".join(f"{i} ({s})" for i, s in not_ready[:10])
            raise ApiError(400, "ACCOUNTING_ENTRIES_NOT_EXPORTABLE",
                           f"{len(not_ready)} accounting entr{'y is' if len(not_ready) == 1 else 'ies are'} not ready "
                           f"to export (already exported, in another job, or not settled): {shown}")
        now = self.clock.now()
        job_id = _new_uuid()
        job = Job(id=job_id, company_id=company_id, entry_ids=list(entry_ids),
                  items={eid: JobItem(eid, job_id) for eid in entry_ids}, is_interactive=is_interactive,
                  vendor_based_bookkeeping=vbb, created_at=now, created_by=created_by, last_updated_at=now)
        for eid in entry_ids:
            company_entries[eid].export_status = "EXPORTING"
            self._last_job_of_entry[eid] = job
        self._jobs.append(job)
        self._jobs_by_id[job.id] = job
        self._bump()
        return job

    def _job_for(self, p: Principal, job_id: str) -> Job:
        job = self._jobs_by_id.get(job_id)
        if job is None:
            raise ApiError(404, "EXPORT_NOT_FOUND", "Export job not found.")
        self._company(p, job.company_id)
        return job

    # ------------------------------------------------------------------------ shapes ----------
    def _money(self, w: int, s: int, e: Entry) -> dict:
        return {"inSupplierCurrency": {"currency": e.sup_currency, "value": s},
                "inWalletCurrency": {"currency": e.currency, "value": w}}

    def _account_v3(self, a: Account) -> dict:
        rec = self.coa.get(a.id)
        out = {"id": a.id, "name": rec["name"] if rec else a.name}
        code = rec["code"] if rec else a.code
        if code is not None:
            out["code"] = code
        out["identifier"] = rec["externalId"] if rec else a.external_id
        return out

    def _tag_v3(self, t: Any) -> dict:
        rec = self.tags.get(t.id)
        group = self.tag_groups.get(t.group.id)
        return {"id": t.id, "code": rec["code"] if rec else t.code, "groupCode": group["code"] if group else t.group.code}

    def _export_item(self, e: Entry, vbb: bool) -> dict:
        lines = []
        for ln in e.lines:
            d: dict[str, Any] = {"accountingEntryLineId": ln.id, "lineAmount": self._money(ln.amount, ln.amount_sup, e),
                                 "netAmount": self._money(ln.net, ln.net_sup, e)}
            if ln.account is not None:
                d["account"] = self._account_v3(ln.account)
            if ln.tax is not None:
                rec = self.tax_codes.get(ln.tax.id)
                tax: dict[str, Any] = {"id": ln.tax.id, "code": rec["code"] if rec else ln.tax.code,
                                       "rate": float(ln.tax.rate), "type": ln.tax.type,
                                       "amount": self._money(ln.tax_amount, ln.tax_amount_sup, e)}
                if ln.tax.ingoing_account:
                    tax["ingoingTaxAccount"] = ln.tax.ingoing_account
                if ln.tax.outgoing_account:
                    tax["outgoingTaxAccount"] = ln.tax.outgoing_account
                d["tax"] = tax
            d["tags"] = [self._tag_v3(t) for t in ln.tags]
            lines.append(d)
        info: dict[str, Any] = {"reconciliationId": e.reconciliation_id}
        if e.attendees:
            info["attendees"] = list(e.attendees)
        if e.family == "REIMBURSEMENT":
            info["reconciledEntries"] = list(e.reconciled_entries)
        web = f"{self.sandbox_url}/_sandbox/pleo/entries/{e.id}"
        item: dict[str, Any] = {
            "_links": {"web": {"exportItem": web}, "api": {"exportItem": f"{self.pleo_url}/v1/accounting-entries/{e.id}"},
                       "mobile": {"exportItem": f"pleo://expenses/{e.id}"}},
            "accountingEntryId": e.id,
            "companyId": self.company_id,
            "type": e.type,
            "date": booked_iso(e.booked_at),
            "amount": self._money(e.amount, e.amount_sup, e),
            "accountingEntryLines": lines,
            "additionalInformation": info,
            "contraAccount": self._account_v3(e.contra),
            "files": [{"url": self.receipt_files.url_for(r.content), "type": r.content.mime, "size": r.content.size()}
                      for r in e.receipts],
        }
        if e.sub_type:
            item["subType"] = e.sub_type
        if e.note:
            item["note"] = e.note
        if e.service_period:
            item["servicePeriod"] = {"from": utc_iso(e.service_period[0]), "to": utc_iso(e.service_period[1])}
        if e.merchant is not None:
            item["supplier"] = {"name": e.merchant.name, "country": e.merchant.country, "categoryCode": e.merchant.mcc}
        if e.employee is not None:
            user = {"id": e.employee.id, "name": e.employee.name}
            if e.employee.code:
                user["code"] = e.employee.code
            item["user"] = user
        if e.team is not None:
            team = {"id": e.team.id, "name": e.team.name}
            if e.team.code:
                team["code"] = e.team.code
            item["team"] = team
        if vbb:
            item["bookkeeping"] = {"method": e.bookkeeping_method}
            if e.vendor is not None:
                v = e.vendor
                vd: dict[str, Any] = {"id": v.id, "name": v.name, "defaultCurrency": v.default_currency,
                                      "country": v.country}
                for key, val in (("code", v.code), ("externalId", v.external_id),
                                 ("registrationNumber", v.registration_number),
                                 ("taxRegistrationNumber", v.tax_registration_number)):
                    if val:
                        vd[key] = val
                item["vendor"] = vd
        return item

    def _accounting_entry(self, e: Entry) -> dict:
        def tags(ts: Iterable[Any]) -> list[dict]:
            return [{"tagGroupId": t.group.id, "tagId": t.id} for t in ts]

        created = e.performed_at + timedelta(minutes=3)
        updated = max(created, e.settled_at or created)
        out: dict[str, Any] = {
            "id": e.id, "companyId": self.company_id, "createdAt": utc_iso(created), "updatedAt": utc_iso(updated),
            "exportStatus": e.export_status, "family": e.family, "status": e.status, "reviewStatus": e.review_status,
            "performedAt": utc_iso(e.performed_at),
            "transactionValue": {"currency": e.sup_currency, "minors": e.amount_sup},
            "totalBillValue": {"currency": e.currency, "minors": e.amount},
            "receiptIds": [r.id for r in e.receipts], "attendees": [], "tags": [], "splitItems": [],
        }
        if e.sub_family:
            out["subFamily"] = e.sub_family
        if e.settled_at is not None:
            out["settledAt"] = utc_iso(e.settled_at)
            out["bookkeepingDate"] = booked_iso(e.booked_at)
        elif e.family in ("OUT_OF_POCKET", "MILEAGE", "PER_DIEM"):
            out["bookkeepingDate"] = booked_iso(e.booked_at)
        if e.employee is not None:
            out["employeeId"] = e.employee.id
        if e.team is not None:
            out["teamId"] = e.team.id
        if e.note:
            out["note"] = e.note
        if len(e.lines) == 1:
            ln = e.lines[0]
            if ln.account is not None:
                out["accountId"] = ln.account.id
                out["accountCode"] = self._account_v3(ln.account).get("code")
            elif e.family != "REIMBURSEMENT":
                out["accountId"] = NO_ACCOUNT_ID
            if ln.tax is not None:
                out["taxCodeId"] = ln.tax.id
            out["tags"] = tags(ln.tags)
        else:
            for ln in e.lines:
                split: dict[str, Any] = {
                    "id": ln.id, "createdAt": utc_iso(created), "updatedAt": utc_iso(updated), "tags": tags(ln.tags),
                    "totalBillValue": {"currency": e.currency, "minors": ln.amount},
                    "transactionValue": {"currency": e.sup_currency, "minors": ln.amount_sup},
                }
                if ln.account is not None:
                    split["accountId"] = ln.account.id
                    split["accountCode"] = self._account_v3(ln.account).get("code")
                if ln.tax is not None:
                    split["taxCodeId"] = ln.tax.id
                out["splitItems"].append(split)
        return out

    def _receipt_json(self, e: Entry, r: Any, file_type: str = "ORIGINAL") -> dict:
        return {"id": r.id, "accountingEntryId": e.id, "url": self.receipt_files.url_for(r.content),
                "mimeType": r.content.mime, "fileType": file_type, "sizeInBytes": r.content.size(),
                "source": r.source, "createdAt": utc_iso(r.created_at)}

    def _company_json(self, company_id: str) -> dict:
        if company_id == self.company_id:
            return {"id": self.company_id, "name": self.company_name, "organizationId": self.organization_id,
                    "registrationNumber": self.data.registration_number, "address": dict(self.company_address)}
        return {"id": self.other_company_id, "name": OTHER_COMPANY_NAME, "organizationId": self.other_organization_id,
                "address": {"addressLine1": "Strandvejen 1", "locality": "København", "postalCode": "2100",
                            "country": "DK"}}

    @staticmethod
    def _employee_json(emp: Any, company_id: str) -> dict:
        out = {"id": emp.id, "companyId": company_id, "email": emp.email, "firstName": emp.first_name,
               "lastName": emp.last_name, "jobTitle": emp.job_title, "phone": emp.phone}
        if emp.code:
            out["code"] = emp.code
        return out

    @staticmethod
    def _coa_json(rec: dict) -> dict:
        return dict(rec)

    @staticmethod
    def _tax_code_json(rec: dict) -> dict:
        out = dict(rec)
        out["rate"] = float(rec["rate"])
        out["createdAt"] = utc_iso(rec["createdAt"])
        out["updatedAt"] = utc_iso(rec["updatedAt"])
        return out

    def _tag_group_json(self, rec: dict, with_count: bool = False) -> dict:
        out = dict(rec)
        out["createdAt"] = utc_iso(rec["createdAt"])
        out["updatedAt"] = utc_iso(rec["updatedAt"])
        if with_count:
            out["totalTagsCount"] = sum(1 for t in self.tags.values() if t["groupId"] == rec["id"])
        return out

    @staticmethod
    def _tag_json(rec: dict) -> dict:
        out = dict(rec)
        out["createdAt"] = utc_iso(rec["createdAt"])
        out["updatedAt"] = utc_iso(rec["updatedAt"])
        return out

    # ---------------------------------------------------------------------------- auth --------
    def authenticate(self, req: Request) -> Principal:
        header = req.header("Authorization") or ""
        scheme, _, cred = header.partition(" ")
        scheme = scheme.lower()
        cred = cred.strip()
        if scheme == "basic" and cred:
            try:
                user, _, password = base64.b64decode(cred, validate=True).decode("utf-8").partition(":")
            except (binascii.Error, ValueError, UnicodeDecodeError):
                raise _unauthorized("The Basic credentials are not valid base64.") from None
            if password:
                raise _unauthorized("Send the API key as the user name with an empty password.")
            if user == self.api_key and not self._api_key_revoked:
                return Principal(self.company_id, self.organization_id, "API_KEY", self.data.api_key_id,
                                 " ".join(ALL_SCOPES))
            if user == self.other_api_key:
                return Principal(self.other_company_id, self.other_organization_id, "API_KEY",
                                 self.other_company_id, " ".join(ALL_SCOPES))
            if user == self.api_key:
                raise _unauthorized("The API key has been revoked.")
            raise _unauthorized("The API key is not valid.")
        if scheme == "bearer" and cred:
            tok = self._tokens.get(cred)
            if tok is None:
                raise _unauthorized("The access token is not valid or has been revoked.")
            if self.clock.epoch() >= tok.expires_at:
                raise _unauthorized("The access token has expired.")
            org = self.organization_id if tok.company_id == self.company_id else self.other_organization_id
            return Principal(tok.company_id, org, "OAUTH2", tok.client_id, tok.scope)
        raise _unauthorized("Authentication is required: HTTP Basic with an API key, or a Bearer access token.")

    # --------------------------------------------------------------------------- oauth --------
    def _issue_tokens(self, company_id: str, client_id: str, scope: str, family: str | None = None) -> dict:
        now = self.clock.epoch()
        access = _jwt(self.data.secret, {"iss": "pleo.sandbox", "aud": self.pleo_url, "sub": f"urn:pleo:company:{company_id}",
                                         "client_id": client_id, "scope": scope, "iat": int(now),
                                         "exp": int(now + ACCESS_TOKEN_TTL), "jti": secrets.token_hex(8)})
        family = family or secrets.token_hex(8)
        refresh = secrets.token_urlsafe(32)
        self._tokens[access] = Token(access, company_id, client_id, scope, now + ACCESS_TOKEN_TTL, family)
        self._refresh[refresh] = Token(refresh, company_id, client_id, scope, now + REFRESH_TOKEN_TTL, family)
        return {"access_token": access, "token_type": "Bearer", "expires_in": ACCESS_TOKEN_TTL,
                "refresh_token": refresh, "scope": scope}

    def _revoke_family(self, family: str) -> None:
        for store in (self._tokens, self._refresh):
            for k in [k for k, t in store.items() if t.family == family]:
                del store[k]


def _new_uuid() -> str:
    import uuid
    return str(uuid.uuid4())


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _jwt(secret: bytes, payload: dict) -> str:
    head = _b64url(json.dumps({"alg": "HS256", "typ": "at+JWT"}, separators=(",", ":")).encode())
    body = _b64url(json.dumps(payload, separators=(",", ":")).encode())
    sig = _b64url(hmac.new(secret, f"{head}.{body}".encode(), hashlib.sha256).digest())
    return f"{head}.{body}.{sig}"


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "UNAUTHORIZED", message, headers=[("WWW-Authenticate", 'Basic realm="Pleo API", Bearer')])


# ================================================================================ the API app ====
class PleoApiApp:
    """WSGI app for ``/pleo``: the partner API."""

    def __init__(self, state: PleoState):
        self.s = state
        r = self.router = Router()
        r.add("GET", "/v1/introspect", self.introspect)
        r.add("GET", "/v1/companies", self.list_companies)
        r.add("GET", "/v1/companies/{companyId}", self.get_company)
        r.add("GET", "/v2/employees", self.list_employees)
        r.add("GET", "/v2/employees/{employeeId}", self.get_employee)
        r.add("GET", "/v3/export-jobs", self.list_jobs)
        r.add("POST", "/v3/export-jobs", self.create_job)
        r.add("GET", "/v3/export-jobs/{jobId}", self.get_job)
        r.add("POST", "/v3/export-job-events", self.create_event)
        r.add("GET", "/v3/export-jobs/{jobId}/items", self.list_job_items)
        r.add("PUT", "/v3/export-jobs/{jobId}/items", self.update_job_items)
        r.add("GET", "/v3/export-items", self.list_export_items)
        r.add("GET", "/v3/export-job-items", self.get_job_item_by_entry)
        r.add("POST", "/v1/accounting-entries:search", self.search_entries)
        r.add("GET", "/v1/accounting-entries/{accountingEntryId}", self.get_entry)
        r.add("GET", "/v1/accounting-entries/{accountingEntryId}/receipts", self.list_receipts)
        r.add("GET", "/v1/accounting-entries/{accountingEntryId}/receipts/{receiptId}", self.get_receipt)
        r.add("POST", "/v1/chart-of-accounts", self.create_account)
        r.add("POST", "/v1/chart-of-accounts/batch", self.create_accounts_batch)
        r.add("GET", "/v1/chart-of-accounts/{accountId}", self.get_account)
        r.add("PUT", "/v1/chart-of-accounts/{accountId}", self.update_account)
        r.add("DELETE", "/v1/chart-of-accounts/{accountId}", self.delete_account)
        r.add("POST", "/v1/chart-of-accounts:search", self.search_accounts)
        r.add("POST", "/v0/tax-codes", self.create_tax_code)
        r.add("GET", "/v0/tax-codes/{taxCodeId}", self.get_tax_code)
        r.add("PUT", "/v0/tax-codes/{taxCodeId}", self.update_tax_code)
        r.add("DELETE", "/v0/tax-codes/{taxCodeId}", self.delete_tax_code)
        r.add("POST", "/v0/tax-codes:search", self.search_tax_codes)
        r.add("GET", "/v0/tag-groups", self.list_tag_groups)
        r.add("POST", "/v0/tag-groups", self.create_tag_group)
        r.add("GET", "/v0/tag-groups/{groupId}", self.get_tag_group)
        r.add("PUT", "/v0/tag-groups/{groupId}", self.update_tag_group)
        r.add("GET", "/v0/tag-groups/{groupId}/tags", self.list_tags)
        r.add("POST", "/v0/tag-groups/{groupId}/tags", self.create_tag)
        r.add("GET", "/v0/tags/{tagId}", self.get_tag)
        r.add("PUT", "/v0/tags/{tagId}", self.update_tag)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        req = Request(environ)
        try:
            handler, params = self.router.dispatch(req.method, req.path)
            with self.s.lock:
                self.s._tick()
                principal = self.s.authenticate(req)
                resp = handler(req, principal, **params)
        except ApiError as err:
            resp = err.response()
        return resp(environ, start_response)

    # ------------------------------------------------------------------ marketplace, oberon ---
    def introspect(self, req: Request, p: Principal) -> Response:
        return Response.json({"data": {"authMethod": p.auth_method, "clientId": p.client_id, "scope": p.scope,
                                       "subjectURN": f"urn:pleo:company:{p.company_id}",
                                       "applicationName": SANDBOX_APPLICATION_NAME if p.auth_method == "OAUTH2"
                                       else "Sandbox API key"}})

    def list_companies(self, req: Request, p: Principal) -> Response:
        org = q_uuid(req, "organization_id")
        if org is not None and org != p.organization_id:
            raise ApiError(403, "FORBIDDEN", f"These credentials give no access to organization {org}.")
        seq = [p.company_id]
        pr = page_request(req, "companies", seq, lambda x: x)
        return Response.json(paginate("companies", seq, lambda x: x, None, pr, self.s._company_json))

    def get_company(self, req: Request, p: Principal, companyId: str) -> Response:
        cid = path_uuid(companyId, "companyId")
        if cid not in (self.s.company_id, self.s.other_company_id):
            raise ApiError(404, "NOT_FOUND", f"Company {cid} not found.")
        self.s._company(p, cid)
        return Response.json({"data": self.s._company_json(cid)})

    def _employees(self, company_id: str) -> list:
        return list(self.s.data.employees) if company_id == self.s.company_id else []

    def list_employees(self, req: Request, p: Principal) -> Response:
        cid = self.s._company(p, q_uuid(req, "companyId"))
        email, code = req.arg("email"), req.arg("code")
        seq = self._employees(cid)

        def match(emp: Any) -> bool:
            return (not email or emp.email.lower() == email.lower()) and (not code or emp.code == code)

        pr = page_request(req, "employees", seq, lambda x: x.id)
        return Response.json(paginate("employees", seq, lambda x: x.id, match if (email or code) else None, pr,
                                      lambda emp: self.s._employee_json(emp, cid)))

    def get_employee(self, req: Request, p: Principal, employeeId: str) -> Response:
        eid = path_uuid(employeeId, "employeeId")
        for emp in self.s.data.employees:
            if emp.id == eid:
                self.s._company(p, self.s.company_id)
                return Response.json({"data": self.s._employee_json(emp, self.s.company_id)})
        raise ApiError(404, "NOT_FOUND", f"Employee {eid} not found.")

    # ------------------------------------------------------------------------- export v3 -------
    def list_jobs(self, req: Request, p: Principal) -> Response:
        cid = self.s._company(p, q_uuid(req, "company_id"))
        statuses = set(q_enum_list(req, "statuses", EXPORT_JOB_STATUSES))
        seq = [j for j in self.s._jobs if j.company_id == cid]
        pr = page_request(req, "jobs", seq, lambda j: j.id)
        match = (lambda j: j.status in statuses) if statuses else None
        return Response.json(paginate("jobs", seq, lambda j: j.id, match, pr, lambda j: j.json()))

    def create_job(self, req: Request, p: Principal) -> Response:
        body = Obj(json_body(req))
        ids = body.list("accountingEntryIds", True, item=item_uuid)
        company_id = body.uuid("companyId", True)
        employee_id = body.uuid("employeeId")
        interactive = body.bool("isInteractive", default=True)
        options = body.obj("options")
        vbb = options.bool("vendorBasedBookkeeping", default=False) if options else False
        cid = self.s._company(p, company_id)
        if employee_id is not None and employee_id not in {e.id for e in self._employees(cid)}:
            raise bad(f"employeeId: no employee {employee_id} in this company")
        job = self.s._create_job(cid, ids, is_interactive=interactive, vbb=vbb, created_by=employee_id)
        return Response.json({"data": job.json()}, 201)

    def get_job(self, req: Request, p: Principal, jobId: str) -> Response:
        job = self.s._job_for(p, path_uuid(jobId, "jobId"))
        return Response.json({"data": job.json()})

    def create_event(self, req: Request, p: Principal) -> Response:
        body = Obj(json_body(req))
        event = body.enum("event", EXPORT_JOB_EVENTS, True)
        job_id = body.uuid("jobId", True)
        reason = body.str("failureReason")
        reason_type = body.enum("failureReasonType", EXPORT_JOB_FAILURE_REASON_TYPES)
        job = self.s._job_for(p, job_id)
        now = self.s.clock.now()
        allowed = {"started": ("pending",), "completed": ("in_progress",), "completed_with_errors": ("in_progress",),
                   "failed": ("in_progress",)}[event]
        if job.status not in allowed:
            raise ApiError(422, "INVALID_EXPORT_JOB_STATUS_CHANGE",
                           f"Export Job status change failed: cannot apply '{event}' to a job that is {job.status}.")
        if event == "started":
            job.status = "in_progress"
            job.started_at = now
            job.last_updated_at = now
            self.s._bump()
        else:
            self.s._finish(job, event, now, reason=reason, reason_type=reason_type)
        return Response.empty(202)

    def list_job_items(self, req: Request, p: Principal, jobId: str) -> Response:
        job = self.s._job_for(p, path_uuid(jobId, "jobId"))
        status = q_enum(req, "status", EXPORT_JOB_ITEM_STATUSES)
        seq = job.item_list
        kind = f"job-items:{job.id}"
        pr = page_request(req, kind, seq, lambda it: it.entry_id)
        match = (lambda it: it.status == status) if status else None
        total = self.s._cached_total(("job-items", job.id, status), seq, match)
        return Response.json(paginate(kind, seq, lambda it: it.entry_id, match, pr, lambda it: it.json(), total))

    def update_job_items(self, req: Request, p: Principal, jobId: str) -> Response:
        job = self.s._job_for(p, path_uuid(jobId, "jobId"))
        body = json_body(req)
        if not isinstance(body, list):
            raise bad("body: must be a JSON array of UpdateExportJobItemV3")
        if len(body) > ITEM_UPDATE_LIMIT:
            raise ApiError(413, "EXPORT_JOB_ITEMS_UPDATE_LIMIT",
                           f"Number of items to update is more than {ITEM_UPDATE_LIMIT} ({len(body)}).")
        updates = []
        for i, raw in enumerate(body):
            o = Obj(raw, f"[{i}]")
            exported_at = o.datetime("exportedAt")
            updates.append((o.uuid("accountingEntryId", True), o.enum("status", EXPORT_JOB_ITEM_STATUSES, True),
                            exported_at, o.str("externalId"), o.str("externalUrl"), o.str("failureReason"),
                            o.enum("failureReasonType", EXPORT_JOB_ITEM_FAILURE_REASON_TYPES)))
        if not job.active:
            raise ApiError(422, "EXPORT_JOB_STATUS_UNPROCESSABLE", f"Export job is finished ({job.status}).")
        now = self.s.clock.now()
        data, errors = [], []
        for eid, status, exported_at, ext_id, ext_url, reason, reason_type in updates:
            item = job.items.get(eid)
            if item is None:
                if eid in self.s.data.by_id:
                    errors.append({"accountingEntryId": eid, "type": "EXPORT_ENTRY_STATUS_UPDATE_FAILED",
                                   "message": f"Accounting entry {eid} is not part of export job {job.id}."})
                else:
                    errors.append({"accountingEntryId": eid, "type": "ACCOUNTING_ENTRY_DOES_NOT_EXIST",
                                   "message": f"Accounting entry {eid} does not exist."})
                continue
            item.status = status
            if status == "successful":
                item.exported_at = utc_iso(exported_at or now)
            elif exported_at is not None:
                item.exported_at = utc_iso(exported_at)
            if ext_id is not None:
                item.external_id = ext_id
            if ext_url is not None:
                item.external_url = ext_url
            if status == "failed":
                item.failure_reason, item.failure_reason_type = reason, reason_type
            else:
                item.failure_reason = item.failure_reason_type = None
            entry = self.s.data.by_id[eid]
            entry.export_status = {"successful": "EXPORTED", "failed": "QUEUED", "abandoned": "QUEUED"}.get(
                status, "EXPORTING")
            data.append(item.json())
        job.last_updated_at = now
        self.s._bump()
        return Response.json({"data": data, "errors": errors})

    def list_export_items(self, req: Request, p: Principal) -> Response:
        job_id = q_uuid(req, "job_id", required=True)
        job = self.s._job_for(p, job_id)  # type: ignore[arg-type]
        if self.s._contra_missing:
            raise ApiError(400, "MISSING_CONTRA_ACCOUNTS", "Contra accounts are not fully configured. Please map "
                           "contra accounts in the Accounting settings.")
        if not job.active:
            raise ApiError(422, "EXPORT_JOB_STATUS_UNPROCESSABLE",
                           "Export Job is finished and can no longer be processed.")
        seq = job.entry_ids
        kind = f"export-items:{job.id}"
        pr = page_request(req, kind, seq, lambda x: x)
        by_id = self.s.data.by_id
        vbb = job.vendor_based_bookkeeping
        return Response.json(paginate(kind, seq, lambda x: x, None, pr,
                                      lambda eid: self.s._export_item(by_id[eid], vbb)))

    def get_job_item_by_entry(self, req: Request, p: Principal) -> Response:
        self.s._company(p, q_uuid(req, "company_id"))
        eid = q_uuid(req, "accounting_entry_id", required=True)
        job = self.s._last_job_of_entry.get(eid)  # type: ignore[arg-type]
        if job is None or job.company_id != p.company_id:
            raise ApiError(404, "EXPORT_ENTRY_NOT_FOUND", "Export Job Item not found")
        return Response.json({"data": job.items[eid].json()})  # type: ignore[index]

    # ----------------------------------------------------------------- accounting entries -----
    def _entries_company(self, req: Request, p: Principal) -> str:
        cid = q_uuid(req, "company_id")
        org = q_uuid(req, "organization_id")
        if cid is None and org is None:
            raise bad("company_id: required (or organization_id)")
        if org is not None and org != p.organization_id:
            raise ApiError(403, "FORBIDDEN", f"These credentials give no access to organization {org}.")
        return self.s._company(p, cid)

    def _view(self, keys: list[str], orders: list[str]) -> list[Entry]:
        sig = (tuple(keys), tuple(orders))
        view = self.s._views.get(sig)
        if view is not None:
            return view
        view = list(self.s.data.entries)

        def value(e: Entry, key: str) -> Any:
            if key == "id":
                return e.id
            if key == "performedAt":
                return e.performed_at
            if key == "settledAt":
                return e.settled_at
            return e.booked_at if (e.settled_at is not None or e.family in ("OUT_OF_POCKET", "MILEAGE", "PER_DIEM")) \
                else None

        for key, order in reversed(list(zip(keys, orders))):
            desc = order.startswith("DESC")
            nulls_first = order.endswith("NULLS_FIRST") or (order == "DESC")
            present = [e for e in view if value(e, key) is not None]
            absent = [e for e in view if value(e, key) is None]
            present.sort(key=lambda e: value(e, key), reverse=desc)
            view = absent + present if nulls_first else present + absent
        self.s._views[sig] = view
        return view

    def search_entries(self, req: Request, p: Principal) -> Response:
        cid = self._entries_company(req, p)
        keys = [k for raw in req.args("sorting_keys") for k in raw.split(",") if k]
        orders = [o for raw in req.args("sorting_order") for o in raw.split(",") if o]
        for k in keys:
            if k not in ENTRY_SORTING_KEYS:
                raise bad(f"sorting_keys: must be one of {', '.join(ENTRY_SORTING_KEYS)}, not {k!r}")
        for o in orders:
            if o not in PAGE_ORDERS:
                raise bad(f"sorting_order: must be one of {', '.join(PAGE_ORDERS)}, not {o!r}")
        if orders and len(orders) != len(keys):
            raise bad("sorting_order: must have one order per sorting key")
        if not keys:
            keys, orders = ["bookkeepingDate", "id"], ["ASC", "ASC"]
        elif not orders:
            orders = ["ASC"] * len(keys)
        if "id" not in keys:
            keys, orders = keys + ["id"], orders + ["ASC"]
        body = Obj(json_body(req))
        include_deleted = body.bool("includeDeleted", True)
        filters: list[Callable[[Entry], bool]] = []
        sig: list[Any] = [include_deleted]

        def in_set(name: str, values: Sequence[str] | None, get: Callable[[Entry], Any]) -> None:
            v = body.list(name, item=item_enum(values) if values else item_str)
            if v:
                wanted = set(v)
                filters.append(lambda e: get(e) in wanted)
                sig.append((name, tuple(sorted(wanted))))

        in_set("exportStatus", EXPORT_STATUSES, lambda e: e.export_status)
        in_set("status", ENTRY_STATUSES, lambda e: e.status)
        in_set("families", FAMILIES, lambda e: e.family)
        in_set("subFamilies", SUB_FAMILIES, lambda e: e.sub_family)
        in_set("reviewStatus", REVIEW_STATUSES, lambda e: e.review_status)
        in_set("transactionValueCurrencies", None, lambda e: e.sup_currency)
        for name, get in (("employeeIds", lambda e: e.employee.id if e.employee else None),
                          ("teamIds", lambda e: e.team.id if e.team else None)):
            v = body.list(name, item=item_uuid, max_items=100)
            if v:
                wanted = set(v)
                filters.append(lambda e, g=get, w=wanted: g(e) in w)
                sig.append((name, tuple(sorted(wanted))))
        for name, get_many in (("accountIds", lambda e: {ln.account.id for ln in e.lines if ln.account}),
                               ("taxCodeIds", lambda e: {ln.tax.id for ln in e.lines if ln.tax}),
                               ("tagRowIds", lambda e: {t.id for ln in e.lines for t in ln.tags})):
            v = body.list(name, item=item_uuid, max_items=100)
            if v:
                wanted = set(v)
                filters.append(lambda e, g=get_many, w=wanted: bool(g(e) & w))
                sig.append((name, tuple(sorted(wanted))))
        settled = body.bool("settled")
        if settled is not None:
            filters.append(lambda e: e.settled == settled)
            sig.append(("settled", settled))
        has_account = body.bool("hasAccount")
        if has_account is not None:
            filters.append(lambda e: all(ln.account is not None for ln in e.lines) == has_account)
            sig.append(("hasAccount", has_account))
        has_note = body.bool("hasNote")
        if has_note is not None:
            filters.append(lambda e: bool(e.note) == has_note)
            sig.append(("hasNote", has_note))
        windows = []
        for prefix, get in (("bookkeepingDate", lambda e: e.booked_at if e.settled or e.family in (
                "OUT_OF_POCKET", "MILEAGE", "PER_DIEM") else None),
                            ("performedAt", lambda e: e.performed_at), ("settledAt", lambda e: e.settled_at)):
            start, end = body.datetime(prefix + "Start"), body.datetime(prefix + "End")
            if start is None and end is None:
                continue
            windows.append(prefix)
            if start is not None and end is not None and end < start:
                raise bad(f"{prefix}End: must not be before {prefix}Start")

            def in_window(e: Entry, g=get, s=start, t=end) -> bool:
                v = g(e)
                return v is not None and (s is None or v >= s) and (t is None or v <= t)

            filters.append(in_window)
            sig.append((prefix, start, end))
        if len(windows) > 1:
            raise bad(f"{windows[0]}Start/End cannot be combined with {windows[1]}Start/End: use one date filter")
        if cid != self.s.company_id:
            filters.append(lambda e: False)
        view = self._view(keys, orders)
        kind = "entries|" + ",".join(f"{k}:{o}" for k, o in zip(keys, orders))
        pr = page_request(req, kind, view, lambda e: e.id, default_limit=20, min_limit=1, max_limit=100,
                          strict_pattern=False, allow_offset=False)
        match = (lambda e: all(f(e) for f in filters)) if filters else None
        total = self.s._cached_total(("entries", cid, repr(sig)), view, match)
        return Response.json(paginate(kind, view, lambda e: e.id, match, pr, self.s._accounting_entry, total))

    def _entry_for(self, p: Principal, entry_id: str) -> Entry:
        eid = path_uuid(entry_id, "accountingEntryId")
        e = self.s.data.by_id.get(eid)
        if e is None:
            raise ApiError(404, "NOT_FOUND", f"Accounting entry {eid} not found.")
        self.s._company(p, self.s.company_id)
        return e

    def get_entry(self, req: Request, p: Principal, accountingEntryId: str) -> Response:
        q_bool(req, "include_deleted")
        e = self._entry_for(p, accountingEntryId)
        return Response.json({"data": self.s._accounting_entry(e)})

    def list_receipts(self, req: Request, p: Principal, accountingEntryId: str) -> Response:
        e = self._entry_for(p, accountingEntryId)
        file_type = q_enum(req, "file_type", RECEIPT_FILE_TYPES) or "ORIGINAL"
        sources = set(q_enum_list(req, "source", RECEIPT_SOURCES))
        seq = e.receipts
        kind = f"receipts:{e.id}"
        pr = page_request(req, kind, seq, lambda r: r.id, default_limit=10, min_limit=1, max_limit=100,
                          strict_pattern=False, allow_offset=False)
        match = (lambda r: r.source in sources) if sources else None
        return Response.json(paginate(kind, seq, lambda r: r.id, match, pr,
                                      lambda r: self.s._receipt_json(e, r, file_type)))

    def get_receipt(self, req: Request, p: Principal, accountingEntryId: str, receiptId: str) -> Response:
        e = self._entry_for(p, accountingEntryId)
        rid = path_uuid(receiptId, "receiptId")
        file_type = q_enum(req, "file_type", RECEIPT_FILE_TYPES) or "ORIGINAL"
        for r in e.receipts:
            if r.id == rid:
                return Response.json({"data": self.s._receipt_json(e, r, file_type)})
        raise ApiError(404, "NOT_FOUND", f"Receipt {rid} not found on accounting entry {e.id}.")

    # ------------------------------------------------------------------ chart of accounts -----
    def _account_fields(self, o: Obj, *, create: bool) -> dict:
        fields: dict[str, Any] = {"archived": o.bool("archived", True)}
        if create:
            fields["externalId"] = o.str("externalId", True, min_len=1, max_len=255)
        fields["name"] = o.str("name", True, max_len=255)
        fields["code"] = o.str("code", max_len=255)
        fields["taxCodeExternalId"] = o.str("taxCodeExternalId")
        meta = o._get("metadata", False)
        if meta is not _MISSING and not isinstance(meta, dict):
            raise bad(f"{o._name('metadata')}: must be an object")
        fields["metadata"] = None if meta is _MISSING else meta
        return fields

    def _find_external(self, company_id: str, external_id: str) -> dict | None:
        for rec in self.s.coa.values():
            if rec["companyId"] == company_id and rec["externalId"] == external_id:
                return rec
        return None

    def create_account(self, req: Request, p: Principal) -> Response:
        o = Obj(json_body(req))
        cid = self.s._company(p, o.uuid("companyId", True))
        fields = self._account_fields(o, create=True)
        existing = self._find_external(cid, fields["externalId"])
        if existing is not None:
            same = all(existing.get(k) == v for k, v in fields.items())
            if same:
                return Response.json({"data": self.s._coa_json(existing)}, 200)
            raise ApiError(409, "CONFLICT", f"An account with externalId {fields['externalId']!r} already exists "
                           f"({existing['id']}).")
        rec = {"id": _new_uuid(), "companyId": cid, **fields}
        self.s.coa[rec["id"]] = rec
        return Response.json({"data": self.s._coa_json(rec)}, 201)

    def create_accounts_batch(self, req: Request, p: Principal) -> Response:
        o = Obj(json_body(req))
        cid = self.s._company(p, o.uuid("companyId", True))
        items = o.list("items", True, min_items=1, max_items=1000)
        created, failed = [], []
        seen: set[str] = set()
        for i, raw in enumerate(items or []):
            if not isinstance(raw, dict):
                raise bad(f"items[{i}]: must be a JSON object")
            reasons = []
            ext, name, code = raw.get("externalId"), raw.get("name"), raw.get("code")
            if not isinstance(raw.get("archived"), bool):
                raise bad(f"items[{i}].archived: required field is missing" if "archived" not in raw
                          else f"items[{i}].archived: must be true or false")
            for fname, val in (("externalId", ext), ("name", name)):
                if val is not None and not isinstance(val, str):
                    raise bad(f"items[{i}].{fname}: must be a string")
            if code is not None and not isinstance(code, str):
                raise bad(f"items[{i}].code: must be a string")
            if not ext:
                reasons.append("EXTERNAL_ID_EMPTY")
            elif len(ext) > 255:
                reasons.append("EXTERNAL_ID_TOO_LONG")
            elif ext in seen or self._find_external(cid, ext) is not None:
                reasons.append("EXTERNAL_ID_ALREADY_EXISTS")
            if not name:
                reasons.append("NAME_EMPTY")
            elif len(name) > 255:
                reasons.append("NAME_TOO_LONG")
            if code is not None and len(code) > 255:
                reasons.append("CODE_TOO_LONG")
            if reasons:
                failed.append({"reasons": reasons, "request": raw})
                continue
            seen.add(ext)
            rec = {"id": _new_uuid(), "companyId": cid, "externalId": ext, "name": name, "code": code,
                   "archived": raw["archived"], "taxCodeExternalId": raw.get("taxCodeExternalId"),
                   "metadata": raw.get("metadata")}
            self.s.coa[rec["id"]] = rec
            created.append(self.s._coa_json(rec))
        return Response.json({"data": {"created": created, "failed": failed}}, 201)

    def _owned(self, p: Principal, table: dict, raw_id: str, param: str, what: str) -> dict:
        """The record ``raw_id`` of ``table`` (404 if unknown), after checking the caller may see its company."""
        rid = path_uuid(raw_id, param)
        rec = table.get(rid)
        if rec is None:
            raise ApiError(404, "NOT_FOUND", f"{what} {rid} not found.")
        company = rec.get("companyId")
        if company is None:               # a tag: its company is its group's
            group = self.s.tag_groups.get(rec.get("groupId"))
            company = group["companyId"] if group else self.s.company_id
        self.s._company(p, company)
        return rec

    def _account_rec(self, p: Principal, account_id: str) -> dict:
        return self._owned(p, self.s.coa, account_id, "accountId", "Account")

    def get_account(self, req: Request, p: Principal, accountId: str) -> Response:
        return Response.json({"data": self.s._coa_json(self._account_rec(p, accountId))})

    def update_account(self, req: Request, p: Principal, accountId: str) -> Response:
        rec = self._account_rec(p, accountId)
        fields = self._account_fields(Obj(json_body(req)), create=False)
        rec.update(fields)
        return Response.json({"data": self.s._coa_json(rec)})

    def delete_account(self, req: Request, p: Principal, accountId: str) -> Response:
        rec = self._account_rec(p, accountId)
        if rec["id"] in self.s._used_accounts:
            raise ApiError(409, "CONFLICT", "The account is linked to accounting entries and cannot be deleted; "
                           "archive it instead.")
        del self.s.coa[rec["id"]]
        return Response.empty(204)

    def search_accounts(self, req: Request, p: Principal) -> Response:
        o = Obj(json_body(req))
        cid = self.s._company(p, o.uuid("companyId", True))
        o.bool("excludeIfAssignedToCategory", True)
        exclude_contra = o.bool("excludeIfAssignedToContraAccount", True)
        archived = o.bool("archived")
        codes = o.list("codes", item=item_str)
        code = o.str("code")
        ext = o.str("externalId")
        ids = o.list("ids", item=item_uuid)
        name = o.str("name")
        contra_ids = {a.id for a in self.s.data.contra.values()}

        def match(rec: dict) -> bool:
            return ((archived is None or rec["archived"] == archived)
                    and (not codes or rec["code"] in codes) and (code is None or rec["code"] == code)
                    and (ext is None or rec["externalId"] == ext) and (not ids or rec["id"] in ids)
                    and (name is None or name.lower() in (rec["name"] or "").lower())
                    and not (exclude_contra and rec["id"] in contra_ids))

        seq = [r for r in self.s.coa.values() if r["companyId"] == cid]
        pr = page_request(req, "accounts", seq, lambda r: r["id"])
        return Response.json(paginate("accounts", seq, lambda r: r["id"], match, pr, self.s._coa_json))

    # ------------------------------------------------------------------------- tax codes ------
    def _tax_fields(self, o: Obj) -> dict:
        fields = {"archived": o.bool("archived", True), "companyId": o.uuid("companyId", True),
                  "name": o.str("name", True, min_len=1), "rate": o.number("rate", True),
                  "type": o.enum("type", TAX_CODE_TYPES, True), "code": o.str("code"),
                  "ingoingTaxAccount": o.str("ingoingTaxAccount"), "outgoingTaxAccount": o.str("outgoingTaxAccount")}
        if not Decimal(0) <= fields["rate"] <= Decimal(1):
            raise bad("rate: must be a decimal between 0 and 1 (0.21 for 21 %)")
        return fields

    def _check_tax_code_unique(self, cid: str, code: str | None, own_id: str | None) -> None:
        if code is None:
            return
        for rec in self.s.tax_codes.values():
            if rec["companyId"] == cid and rec["code"] == code and rec["id"] != own_id:
                raise ApiError(409, "CONFLICT", f"A tax code with code {code!r} already exists ({rec['id']}).")

    def create_tax_code(self, req: Request, p: Principal) -> Response:
        fields = self._tax_fields(Obj(json_body(req)))
        cid = self.s._company(p, fields["companyId"])
        self._check_tax_code_unique(cid, fields["code"], None)
        now = self.s.clock.now()
        rec = {"id": _new_uuid(), **fields, "companyId": cid, "accountingIntegrationSystem": None,
               "createdAt": now, "updatedAt": now}
        self.s.tax_codes[rec["id"]] = rec
        return Response.json({"data": self.s._tax_code_json(rec)}, 201)

    def _tax_rec(self, p: Principal, tax_id: str) -> dict:
        return self._owned(p, self.s.tax_codes, tax_id, "taxCodeId", "Tax code")

    def get_tax_code(self, req: Request, p: Principal, taxCodeId: str) -> Response:
        return Response.json({"data": self.s._tax_code_json(self._tax_rec(p, taxCodeId))})

    def update_tax_code(self, req: Request, p: Principal, taxCodeId: str) -> Response:
        rec = self._tax_rec(p, taxCodeId)
        fields = self._tax_fields(Obj(json_body(req)))
        self.s._company(p, fields["companyId"])
        self._check_tax_code_unique(rec["companyId"], fields["code"], rec["id"])
        rec.update(fields)
        rec["updatedAt"] = self.s.clock.now()
        return Response.json({"data": self.s._tax_code_json(rec)})

    def delete_tax_code(self, req: Request, p: Principal, taxCodeId: str) -> Response:
        rec = self._tax_rec(p, taxCodeId)
        if rec["id"] in self.s._used_taxes:
            raise ApiError(409, "CONFLICT", "The tax code is used by accounting entries; archive it instead.")
        del self.s.tax_codes[rec["id"]]
        return Response.empty(204)

    def search_tax_codes(self, req: Request, p: Principal) -> Response:
        cid = self.s._company(p, q_uuid(req, "company_id"))
        o = Obj(json_body(req)) if req.body.strip() else Obj({})
        archived = o.bool("archived")
        code = o.str("code")
        ids = o.list("taxCodeIds", item=item_uuid)
        typ = o.enum("type", TAX_CODE_TYPES)

        def match(rec: dict) -> bool:
            return ((archived is None or rec["archived"] == archived) and (code is None or rec["code"] == code)
                    and (not ids or rec["id"] in ids) and (typ is None or rec["type"] == typ))

        seq = [r for r in self.s.tax_codes.values() if r["companyId"] == cid]
        pr = page_request(req, "tax-codes", seq, lambda r: r["id"], strict_pattern=False)
        return Response.json(paginate("tax-codes", seq, lambda r: r["id"], match, pr, self.s._tax_code_json))

    # ------------------------------------------------------------------------------ tags ------
    def list_tag_groups(self, req: Request, p: Principal) -> Response:
        cid = q_uuid(req, "company_id")
        org = q_uuid(req, "organization_id")
        if cid is None and org is None:
            raise bad("company_id: required (or organization_id)")
        if org is not None and org != p.organization_id:
            raise ApiError(403, "FORBIDDEN", f"These credentials give no access to organization {org}.")
        cid = self.s._company(p, cid)
        include_archived = q_bool(req, "include_archived", False)
        with_count = q_bool(req, "include_tags_count", False)
        data = [self.s._tag_group_json(g, bool(with_count)) for g in self.s.tag_groups.values()
                if g["companyId"] == cid and (include_archived or not g["archived"])]
        return Response.json({"data": data})

    def _group_fields(self, o: Obj, *, update: bool) -> dict:
        fields = {"archived": o.bool("archived", True), "code": o.str("code", True, min_len=1),
                  "name": o.str("name", True, min_len=1)}
        meta = o.map_of_str("metadata", update)
        fields["metadata"] = meta if meta is not None else {}
        return fields

    def _check_group_code(self, cid: str, code: str, own_id: str | None) -> None:
        for g in self.s.tag_groups.values():
            if g["companyId"] == cid and g["code"].lower() == code.lower() and g["id"] != own_id:
                raise ApiError(409, "CONFLICT", f"A tag group with code {code!r} already exists ({g['id']}).")

    def create_tag_group(self, req: Request, p: Principal) -> Response:
        cid = self.s._company(p, q_uuid(req, "company_id"))
        fields = self._group_fields(Obj(json_body(req)), update=False)
        self._check_group_code(cid, fields["code"], None)
        now = self.s.clock.now()
        rec = {"id": _new_uuid(), "companyId": cid, **fields, "createdAt": now, "updatedAt": now}
        self.s.tag_groups[rec["id"]] = rec
        return Response.json({"data": self.s._tag_group_json(rec)}, 201)

    def _group_rec(self, p: Principal, group_id: str) -> dict:
        return self._owned(p, self.s.tag_groups, group_id, "groupId", "Tag group")

    def get_tag_group(self, req: Request, p: Principal, groupId: str) -> Response:
        return Response.json({"data": self.s._tag_group_json(self._group_rec(p, groupId), True)})

    def update_tag_group(self, req: Request, p: Principal, groupId: str) -> Response:
        rec = self._group_rec(p, groupId)
        fields = self._group_fields(Obj(json_body(req)), update=True)
        self._check_group_code(rec["companyId"], fields["code"], rec["id"])
        rec.update(fields)
        rec["updatedAt"] = self.s.clock.now()
        return Response.json({"data": self.s._tag_group_json(rec)})

    def list_tags(self, req: Request, p: Principal, groupId: str) -> Response:
        group = self._group_rec(p, groupId)
        include_archived = q_bool(req, "include_archived", False)
        seq = [t for t in self.s.tags.values() if t["groupId"] == group["id"]]
        kind = f"tags:{group['id']}"
        pr = page_request(req, kind, seq, lambda t: t["id"], strict_pattern=False)
        match = None if include_archived else (lambda t: not t["archived"])
        return Response.json(paginate(kind, seq, lambda t: t["id"], match, pr, self.s._tag_json))

    def _check_tag_code(self, group_id: str, code: str, own_id: str | None) -> None:
        for t in self.s.tags.values():
            if t["groupId"] == group_id and t["code"].lower() == code.lower() and t["id"] != own_id:
                raise ApiError(409, "CONFLICT", f"A tag with code {code!r} already exists in this group ({t['id']}).")

    def create_tag(self, req: Request, p: Principal, groupId: str) -> Response:
        group = self._group_rec(p, groupId)
        o = Obj(json_body(req))
        archived = o.bool("archived", True)
        code = o.str("code", True, min_len=1)
        name = o.str("name")
        o.list("otherDimensionValues", item=item_str)
        self._check_tag_code(group["id"], code, None)
        active = sum(1 for t in self.s.tags.values() if t["groupId"] == group["id"] and not t["archived"])
        if not archived and active >= MAX_ACTIVE_TAGS_PER_GROUP:
            raise bad(f"The tag group already holds the maximum of {MAX_ACTIVE_TAGS_PER_GROUP} active tags.",
                      "TAG_GROUP_TAG_LIMIT")
        now = self.s.clock.now()
        rec = {"id": _new_uuid(), "groupId": group["id"], "code": code, "name": name, "archived": archived,
               "createdAt": now, "updatedAt": now}
        self.s.tags[rec["id"]] = rec
        return Response.json({"data": self.s._tag_json(rec)}, 201)

    def _tag_rec(self, p: Principal, tag_id: str) -> dict:
        return self._owned(p, self.s.tags, tag_id, "tagId", "Tag")

    def get_tag(self, req: Request, p: Principal, tagId: str) -> Response:
        return Response.json({"data": self.s._tag_json(self._tag_rec(p, tagId))})

    def update_tag(self, req: Request, p: Principal, tagId: str) -> Response:
        rec = self._tag_rec(p, tagId)
        o = Obj(json_body(req))
        archived = o.bool("archived", True)
        code = o.str("code", True, min_len=1)
        name = o.str("name")
        o.list("otherDimensionValues", item=item_str)
        self._check_tag_code(rec["groupId"], code, rec["id"])
        rec.update({"archived": archived, "code": code})
        if name is not None:
            rec["name"] = name
        rec["updatedAt"] = self.s.clock.now()
        return Response.json({"data": self.s._tag_json(rec)})


# ============================================================================ the OAuth app =====
class OAuthError(Exception):
    def __init__(self, error: str, description: str, status: int = 400):
        super().__init__(description)
        self.error, self.description, self.status = error, description, status

    def response(self) -> Response:
        headers = [("Cache-Control", "no-store"), ("Pragma", "no-cache")]
        if self.status == 401:
            headers.append(("WWW-Authenticate", 'Basic realm="Pleo OAuth"'))
        return Response.json({"error": self.error, "error_description": self.description}, self.status, headers)


def is_loopback_redirect(uri: str) -> bool:
    try:
        u = urllib.parse.urlsplit(uri)
        u.port  # noqa: B018 - raises on a bad port
    except ValueError:
        return False
    return u.scheme == "http" and u.hostname in ("127.0.0.1", "localhost", "::1") and not u.fragment


class PleoAuthApp:
    """WSGI app for ``/pleo-auth``: OAuth 2.0 authorisation code + PKCE (S256), refresh-token rotation.

    ``GET /oauth/authorize`` approves at once (the sandbox's user always consents) with a 302 to
    ``redirect_uri?code=...&state=...``. ``POST /oauth/token`` (form) exchanges a code (with
    ``code_verifier``) or a refresh token (rotated: the old one stops working). ``POST /oauth/revoke``
    (RFC 7009) revokes a token. Errors are RFC 6749 JSON.
    """

    def __init__(self, state: PleoState):
        self.s = state

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        req = Request(environ)
        path = req.path.rstrip("/")
        routes = {"/oauth/authorize": ("GET", self.authorize), "/oauth/token": ("POST", self.token),
                  "/oauth/revoke": ("POST", self.revoke),
                  "/.well-known/oauth-authorization-server": ("GET", self.metadata)}
        try:
            if path not in routes:
                raise ApiError(404, "NOT_FOUND", f"No such endpoint: {req.method} {req.path}")
            method, handler = routes[path]
            if req.method != method and not (method == "GET" and req.method == "HEAD"):
                raise ApiError(405, "METHOD_NOT_ALLOWED", f"{req.method} is not allowed here",
                               headers=[("Allow", method)])
            with self.s.lock:
                resp = handler(req)
        except OAuthError as err:
            resp = err.response()
        except ApiError as err:
            resp = err.response()
        return resp(environ, start_response)

    def metadata(self, req: Request) -> Response:
        base = req.host_url + req.script_name
        return Response.json({"issuer": base, "authorization_endpoint": f"{base}/oauth/authorize",
                              "token_endpoint": f"{base}/oauth/token", "revocation_endpoint": f"{base}/oauth/revoke",
                              "response_types_supported": ["code"],
                              "grant_types_supported": ["authorization_code", "refresh_token"],
                              "code_challenge_methods_supported": ["S256"], "scopes_supported": list(ALL_SCOPES),
                              "token_endpoint_auth_methods_supported": ["none", "client_secret_basic"]})

    def authorize(self, req: Request) -> Response:
        client_id = req.arg("client_id")
        redirect_uri = req.arg("redirect_uri")
        if not client_id:
            raise OAuthError("invalid_request", "client_id is required")
        if client_id != SANDBOX_CLIENT_ID:
            raise OAuthError("invalid_client", f"unknown client_id {client_id!r}", 400)
        if not redirect_uri or not is_loopback_redirect(redirect_uri):
            raise OAuthError("invalid_request", "redirect_uri must be a loopback http URL "
                             "(http://127.0.0.1:<port>/..., http://localhost:<port>/...) for the sandbox client")
        state = req.arg("state")

        def fail(error: str, description: str) -> Response:
            params = {"error": error, "error_description": description}
            if state is not None:
                params["state"] = state
            return self._redirect(redirect_uri, params)

        if req.arg("response_type") != "code":
            return fail("unsupported_response_type", "response_type must be code")
        scope = " ".join((req.arg("scope") or "").split()) or " ".join(ALL_SCOPES)
        unknown = [s for s in scope.split() if s not in ALL_SCOPES]
        if unknown:
            return fail("invalid_scope", f"unknown scope(s): {' '.join(unknown)}")
        challenge = req.arg("code_challenge")
        method = req.arg("code_challenge_method")
        if not challenge:
            return fail("invalid_request", "code_challenge is required (PKCE)")
        if method != "S256":
            return fail("invalid_request", "code_challenge_method must be S256")
        if not re.match(r"^[A-Za-z0-9_-]{43}$", challenge):
            return fail("invalid_request", "code_challenge must be the base64url SHA-256 of the verifier (43 chars)")
        code = secrets.token_urlsafe(32)
        self.s._codes[code] = AuthCode(code, client_id, redirect_uri, scope, challenge,
                                       self.s.clock.epoch() + AUTH_CODE_TTL)
        params = {"code": code}
        if state is not None:
            params["state"] = state
        return self._redirect(redirect_uri, params)

    @staticmethod
    def _redirect(uri: str, params: dict) -> Response:
        sep = "&" if urllib.parse.urlsplit(uri).query else "?"
        return Response(302, b"", headers=[("Location", uri + sep + urllib.parse.urlencode(params)),
                                           ("Cache-Control", "no-store")])

    def _client(self, req: Request, form: dict[str, list[str]]) -> str:
        header = req.header("Authorization") or ""
        basic_id = None
        if header.lower().startswith("basic "):
            try:
                user, _, _pw = base64.b64decode(header[6:].strip(), validate=True).decode().partition(":")
            except (binascii.Error, ValueError, UnicodeDecodeError):
                raise OAuthError("invalid_client", "malformed Basic client authentication", 401) from None
            basic_id = urllib.parse.unquote(user)
        form_id = (form.get("client_id") or [None])[0]
        if basic_id and form_id and basic_id != form_id:
            raise OAuthError("invalid_request", "client_id differs between the form and the Authorization header")
        client_id = basic_id or form_id
        if not client_id:
            raise OAuthError("invalid_client", "client authentication is required (client_id)", 401)
        if client_id != SANDBOX_CLIENT_ID:
            raise OAuthError("invalid_client", f"unknown client_id {client_id!r}", 401)
        return client_id

    def _form(self, req: Request) -> dict[str, list[str]]:
        if req.content_type != "application/x-www-form-urlencoded":
            raise OAuthError("invalid_request", "the body must be application/x-www-form-urlencoded")
        try:
            return urllib.parse.parse_qs(req.body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise OAuthError("invalid_request", "the body is not UTF-8") from None

    def token(self, req: Request) -> Response:
        form = self._form(req)
        client_id = self._client(req, form)

        def one(name: str) -> str | None:
            v = form.get(name)
            if v and len(v) > 1:
                raise OAuthError("invalid_request", f"{name} is repeated")
            return v[0] if v else None

        grant = one("grant_type")
        if not grant:
            raise OAuthError("invalid_request", "grant_type is required")
        now = self.s.clock.epoch()
        if grant == "authorization_code":
            code_s, verifier, redirect_uri = one("code"), one("code_verifier"), one("redirect_uri")
            if not code_s:
                raise OAuthError("invalid_request", "code is required")
            if not verifier:
                raise OAuthError("invalid_request", "code_verifier is required (PKCE)")
            if not _PKCE.match(verifier):
                raise OAuthError("invalid_request", "code_verifier must be 43-128 characters of [A-Za-z0-9-._~]")
            code = self.s._codes.get(code_s)
            if code is None:
                raise OAuthError("invalid_grant", "the authorization code is not valid")
            if code.used:
                for t in code.issued:  # a replayed code revokes what it gave out
                    self.s._revoke_family(t)
                raise OAuthError("invalid_grant", "the authorization code has already been used")
            if now >= code.expires_at:
                raise OAuthError("invalid_grant", "the authorization code has expired")
            if code.client_id != client_id:
                raise OAuthError("invalid_grant", "the authorization code was issued to another client")
            if redirect_uri != code.redirect_uri:
                raise OAuthError("invalid_grant", "redirect_uri does not match the one used to authorize")
            digest = _b64url(hashlib.sha256(verifier.encode("ascii")).digest())
            if not hmac.compare_digest(digest, code.challenge):
                raise OAuthError("invalid_grant", "code_verifier does not match the code_challenge")
            code.used = True
            family = secrets.token_hex(8)
            code.issued.append(family)
            body = self.s._issue_tokens(self.s.company_id, client_id, code.scope, family)
        elif grant == "refresh_token":
            value = one("refresh_token")
            if not value:
                raise OAuthError("invalid_request", "refresh_token is required")
            tok = self.s._refresh.get(value)
            if tok is None:
                raise OAuthError("invalid_grant", "the refresh token is not valid or has been revoked")
            if tok.used:
                raise OAuthError("invalid_grant", "the refresh token has already been used (tokens rotate)")
            if now >= tok.expires_at:
                raise OAuthError("invalid_grant", "the refresh token has expired")
            if tok.client_id != client_id:
                raise OAuthError("invalid_grant", "the refresh token was issued to another client")
            scope = tok.scope
            requested = one("scope")
            if requested:
                extra = set(requested.split()) - set(tok.scope.split())
                if extra:
                    raise OAuthError("invalid_scope", f"scope exceeds the original grant: {' '.join(sorted(extra))}")
                scope = " ".join(requested.split())
            tok.used = True
            body = self.s._issue_tokens(tok.company_id, client_id, scope, tok.family)
        else:
            raise OAuthError("unsupported_grant_type", f"grant_type {grant!r} is not supported")
        return Response.json(body, 200, [("Cache-Control", "no-store"), ("Pragma", "no-cache")])

    def revoke(self, req: Request) -> Response:
        form = self._form(req)
        self._client(req, form)
        value = (form.get("token") or [None])[0]
        if not value:
            raise OAuthError("invalid_request", "token is required")
        tok = self.s._tokens.get(value) or self.s._refresh.get(value)
        if tok is not None:
            self.s._revoke_family(tok.family)
        return Response(200, b"")


# ============================================================================ controls app ======
class PleoAdminApp:
    """WSGI app for ``/_sandbox/pleo``: test and demo controls (see the module docstring)."""

    def __init__(self, state: PleoState):
        self.s = state
        r = self.router = Router()
        r.add("GET", "/", self.summary)
        r.add("GET", "/entries", self.entries)
        r.add("GET", "/entries/{entryId}", self.entry)
        r.add("GET", "/export-items/{entryId}", self.export_item)
        r.add("GET", "/jobs", self.jobs)
        r.add("POST", "/jobs", self.create_job)
        r.add("GET", "/jobs/{jobId}/items", self.job_items)
        r.add("POST", "/contra-accounts-missing", self.contra_missing)
        r.add("POST", "/time-scale", self.time_scale)
        r.add("POST", "/advance", self.advance)
        r.add("POST", "/revoke-tokens", lambda req: self._do(self.s.revoke_all_tokens))
        r.add("POST", "/revoke-api-key", lambda req: self._do(self.s.revoke_api_key))
        r.add("POST", "/restore-api-key", lambda req: self._do(self.s.restore_api_key))
        r.add("POST", "/reset-exports", lambda req: self._do(self.s.reset_exports))

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        req = Request(environ)
        path = req.path.rstrip("/") or "/"
        try:
            handler, params = self.router.dispatch(req.method, path)
            with self.s.lock:
                resp = handler(req, **params)
        except ApiError as err:
            resp = err.response()
        except (KeyError, ValueError, TypeError) as exc:
            resp = bad(str(exc)).response()
        return resp(environ, start_response)

    def _body(self, req: Request) -> Obj:
        return Obj(json_body(req)) if req.body.strip() else Obj({})

    def _do(self, fn: Callable[[], None]) -> Response:
        fn()
        return Response.json(self.s.summary())

    def summary(self, req: Request) -> Response:
        return Response.json(self.s.summary())

    def entries(self, req: Request) -> Response:
        self.s._tick()
        status = req.arg("exportStatus")
        typ = req.arg("type")
        month = req.arg("month")
        limit = q_int(req, "limit", minimum=1, maximum=10000, default=100)
        offset = q_int(req, "offset", minimum=0, default=0)
        rows = [e for e in self.s.data.entries if (not status or e.export_status == status)
                and (not typ or e.type == typ) and (not month or e.month == month)]
        data = [{"id": e.id, "type": e.type, "date": booked_iso(e.booked_at), "exportStatus": e.export_status,
                 "amount": e.amount, "currency": e.currency, "supplierAmount": e.amount_sup,
                 "supplierCurrency": e.sup_currency, "lines": len(e.lines), "receipts": len(e.receipts),
                 "payee": (e.merchant.name if e.merchant else (e.employee.name if e.employee else None)),
                 "reconciliationId": e.reconciliation_id}
                for e in rows[offset:offset + limit]]  # type: ignore[operator]
        return Response.json({"data": data, "total": len(rows)})

    def entry(self, req: Request, entryId: str) -> Response:
        e = self.s.data.by_id.get(entryId)
        if e is None:
            raise ApiError(404, "NOT_FOUND", f"no entry {entryId}")
        return Response.json({"accountingEntry": self.s._accounting_entry(e),
                              "exportItem": self.s._export_item(e, True)})

    def export_item(self, req: Request, entryId: str) -> Response:
        e = self.s.data.by_id.get(entryId)
        if e is None:
            raise ApiError(404, "NOT_FOUND", f"no entry {entryId}")
        return Response.json(self.s._export_item(e, True))

    def jobs(self, req: Request) -> Response:
        return Response.json({"data": self.s.jobs})

    def create_job(self, req: Request) -> Response:
        o = self._body(req)
        ids = o.list("accountingEntryIds", item=item_uuid)
        vbb = o.bool("vendorBasedBookkeeping", default=True)
        if ids is None:
            if not o.bool("exportable", default=False):
                raise bad("give accountingEntryIds, or exportable: true (with optional month and limit)")
            limit = o.number("limit")
            ids = self.s.exportable_entry_ids(month=o.str("month"), limit=int(limit) if limit is not None else None)
        job = self.s.create_job_as_user(ids, vendor_based_bookkeeping=vbb)
        return Response.json(job, 201)

    def job_items(self, req: Request, jobId: str) -> Response:
        try:
            return Response.json({"data": self.s.job_items(jobId)})
        except KeyError:
            raise ApiError(404, "EXPORT_NOT_FOUND", "Export job not found.") from None

    def contra_missing(self, req: Request) -> Response:
        self.s.set_contra_accounts_missing(bool(self._body(req).bool("missing", default=True)))
        return Response.json(self.s.summary())

    def time_scale(self, req: Request) -> Response:
        value = self._body(req).number("timeScale", True)
        self.s.time_scale = float(value)  # type: ignore[arg-type]
        return Response.json(self.s.summary())

    def advance(self, req: Request) -> Response:
        value = self._body(req).number("seconds", True)
        self.s.advance(float(value))  # type: ignore[arg-type]
        return Response.json(self.s.summary())
