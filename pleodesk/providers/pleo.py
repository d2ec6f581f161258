"""Pleo's partner API: the export queue (export API v3), accounting entries, master data.

One :class:`PleoClient` per connection. It authenticates with an API key (HTTP Basic, the key as
user name and an empty password) or with an OAuth access token from ``token_source`` (asked again
for every request, so a refreshed token is used at once).

Reliability rules (the retries run on :mod:`pleodesk.providers.retry`):

* ``429`` and ``503`` are retried with exponential backoff and jitter; ``Retry-After`` (seconds or
  an HTTP date) is honoured. After ``max_retries`` retries, or when the next wait would end more than
  ``max_elapsed`` seconds after the first try, the call raises :class:`PleoRateLimited` or
  :class:`PleoUnavailable`; so does a ``Retry-After`` longer than ``max_retry_after`` (the wait is
  then left to the caller, in ``PleoRateLimited.retry_after``). Idempotent calls also retry
  ``500``/``502``/``504``; for a creating POST a ``502``/``504`` means the outcome is unknown
  (:class:`PleoUncertain`) and a ``500`` is reported as it is, never sent again.
* A broken connection is retried for idempotent calls (GET, PUT, the read-only ``:search`` POSTs).
* A creating POST (an export job, a job event, master data) is retried after a connection error only
  when the request cannot have reached Pleo (the connection was never made). When the outcome is
  unknown the call raises :class:`PleoUncertain` and the caller re-reads Pleo's state.

Every error's ``str()`` is one plain sentence a bookkeeper can act on; Pleo's own ``type`` and
``message`` are kept on the exception for logs.

The paths and bodies follow Pleo's OpenAPI documents: export API v3 (``pleo-export-openapi.yml``),
gjoll (tags, tax codes, accounting entries), chart of accounts, oberon (companies, employees) and
the app marketplace (``/v1/introspect``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import random
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import httpx

from pleodesk import __version__
from pleodesk.core import jsoncodec
from pleodesk.providers.readahead import read_ahead as _read_ahead
from pleodesk.urls import check_web_address
from pleodesk.providers.retry import (RetryPolicy, Transient, call_with_retries,
                                       retry_after_seconds)

log = logging.getLogger(__name__)

USER_AGENT = f"pleodesk/{__version__} (Python {platform.python_version()}; httpx {httpx.__version__})"

#: Pleo accepts at most this many export job item updates per ``PUT``.
UPDATE_LIMIT = 100
#: Accounting entries search pages hold at most 100 entries.
SEARCH_LIMIT = 100
#: Export items read ahead of the caller (in whole pages): one chunk of the export engine's, which stores
#: and parses 1,000 at a time, so the pages of a chunk are there when the chunk before is done (with two
#: pages, the engine waited for eight of ten; bench/bench_pipeline.py). About 8 MB of decoded items, and
#: the page the reading thread holds.
READ_AHEAD_ITEMS = 1_000
#: Pleo syncs at most this many accounting-system dimensions as tag groups.
MAX_DIMENSIONS = 5

EXPORT_JOB_STATUSES = ("pending", "in_progress", "failed", "completed", "completed_with_errors")
EXPORT_JOB_EVENTS = ("started", "failed", "completed", "completed_with_errors")
EXPORT_JOB_ITEM_STATUSES = ("pending", "in_progress", "failed", "successful", "abandoned")
EXPORT_JOB_FAILURE_REASON_TYPES = (
    "invalid_configuration", "missing_configuration", "authentication_failure",
    "accounting_system_authentication_failure", "pleo_rate_limit", "accounting_system_rate_limit",
    "service_unreachable", "accounting_system_unreachable", "validation_failure",
    "authorization_failure", "integration_unusable", "job_expired", "service_timeout",
    "accounting_system_timeout", "canceled_by_user",
)
EXPORT_JOB_ITEM_FAILURE_REASON_TYPES = (
    "receipt_upload_failure", "receipt_download_failure", "receipt_file_size_limit_exceeded",
    "receipt_conversion_failure", "unexpected_failure", "invalid_configuration",
    "missing_configuration", "accounting_system_authentication_failure",
    "accounting_system_rate_limit", "accounting_system_unreachable", "validation_failure",
    "accounting_system_validation_failure", "authorization_failure", "accounting_system_timeout",
    "vendor_unknown", "account_unknown", "tax_code_unknown", "tag_unknown",
)
TAX_CODE_TYPES = ("inclusive", "exclusive", "reverse")

_AUTH_MESSAGE_KEY = ("Pleo refused the API key/token: create a new key in Pleo (Settings → API keys) "
                     "and enter it again.")
_AUTH_MESSAGE_TOKEN = "Pleo refused the API key/token: connect pleodesk to Pleo again and try once more."


# ---------------------------------------------------------------------------------- errors -----
class PleoError(Exception):
    """An error from Pleo (or from reaching it).

    ``status``: the HTTP status, ``None`` when there was no answer. ``type``: Pleo's
    ``ExceptionInfo.type`` (e.g. ``EXPORT_ALREADY_IN_PROGRESS``) or our own code.
    ``message``: one plain sentence for the user (also ``str()``). ``pleo_message``: Pleo's own text.
    """

    def __init__(self, status: int | None, type: str | None, message: str, *,
                 pleo_message: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.type = type
        self.message = message
        self.pleo_message = pleo_message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, type={self.type!r}, message={self.message!r})"


class PleoAuthError(PleoError):
    """401/403: the API key or token is wrong, expired, revoked or lacks a scope."""


class PleoBadRequest(PleoError):
    """400, e.g. ``MISSING_CONTRA_ACCOUNTS``."""


class PleoNotFound(PleoError):
    """404, e.g. ``EXPORT_NOT_FOUND``."""


class PleoConflict(PleoError):
    """409, e.g. ``EXPORT_ALREADY_IN_PROGRESS``."""


class PleoTooLarge(PleoError):
    """413, e.g. ``EXPORT_JOB_ITEMS_UPDATE_LIMIT``."""


class PleoUnprocessable(PleoError):
    """422, e.g. ``INVALID_EXPORT_JOB_STATUS_CHANGE``, ``EXPORT_JOB_STATUS_UNPROCESSABLE``."""


class PleoRateLimited(PleoError):
    """429 after every retry. ``retry_after``: seconds Pleo asked us to wait, when it said."""

    def __init__(self, *args: Any, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.retry_after = retry_after


class PleoUnavailable(PleoError):
    """503 (or no connection) after every retry."""


class PleoUncertain(PleoError):
    """A creating request may or may not have reached Pleo: re-read Pleo's state before retrying."""

    def __init__(self, *args: Any, method: str = "", path: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.method = method
        self.path = path


class PleoProtocolError(PleoError):
    """Pleo answered something we cannot use (not JSON, a page cursor that does not advance)."""


class ReceiptError(PleoError):
    """A receipt file could not be downloaded."""


class ReceiptExpired(ReceiptError):
    """The receipt's download link expired (it is valid 24 hours after the export item was read)."""


class ReceiptTooLarge(ReceiptError):
    """The receipt is larger than ``max_bytes``; nothing was kept."""

    def __init__(self, *args: Any, size: int | None = None, max_bytes: int | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.size = size
        self.max_bytes = max_bytes


_ERROR_FOR_STATUS: dict[int, type[PleoError]] = {
    400: PleoBadRequest, 401: PleoAuthError, 403: PleoAuthError, 404: PleoNotFound,
    409: PleoConflict, 413: PleoTooLarge, 422: PleoUnprocessable, 429: PleoRateLimited,
    502: PleoUnavailable, 503: PleoUnavailable, 504: PleoUnavailable,
}

# Plain sentences for the error types Pleo documents.
_KNOWN_TYPES: dict[str, str] = {
    "EXPORT_ALREADY_IN_PROGRESS": ("Pleo is already running an export for this company: wait until it "
                                   "has finished, then try again."),
    "MISSING_CONTRA_ACCOUNTS": ("Pleo cannot export yet because its contra accounts are not set up: map "
                                "them in Pleo under Settings → Accounting, then try again."),
    "EXPORT_JOB_STATUS_UNPROCESSABLE": ("This export job has already finished in Pleo, so its expenses "
                                        "can no longer be read from it."),
    "INVALID_EXPORT_JOB_STATUS_CHANGE": ("Pleo refused to change the export job's status because the job "
                                         "has already moved on (it may have finished or expired)."),
    "EXPORT_NOT_FOUND": "Pleo could not find this export job; it may have been removed.",
    "EXPORT_JOB_ITEMS_UPDATE_LIMIT": "Pleo accepts at most 100 expense results at a time.",
}


def _sentence(text: str) -> str:
    text = " ".join(str(text).split())
    return text if text.endswith((".", "!", "?")) else text + "."


def _plain_message(status: int, type_: str | None, pleo_message: str | None, auth_message: str) -> str:
    if status in (401, 403):
        return auth_message
    if type_ and type_ in _KNOWN_TYPES:
        return _KNOWN_TYPES[type_]
    detail = f": {pleo_message.rstrip('.')}" if pleo_message else ""
    if status == 400:
        return _sentence(f"Pleo rejected the request as invalid{detail}")
    if status == 404:
        return _sentence(f"Pleo could not find what was asked for; it may have been deleted{detail}")
    if status == 409:
        return _sentence(f"Pleo refused the change because it conflicts with what Pleo already has{detail}")
    if status == 413:
        return _sentence(f"Pleo refused the request because it was too large{detail}")
    if status == 422:
        return _sentence(f"Pleo could not process the request in the current state{detail}")
    if status == 429:
        return ("Pleo is limiting how fast pleodesk may send requests and kept refusing after several "
                "attempts; try again in a few minutes.")
    if status in (502, 503, 504):
        return "Pleo is temporarily unavailable; try again in a few minutes."
    if status >= 500:
        return _sentence(f"Pleo had an internal error (HTTP {status}); try again later")
    return _sentence(f"Pleo answered with an unexpected error (HTTP {status}){detail}")


def _error_from_response(resp: httpx.Response, auth_message: str) -> PleoError:
    type_: str | None = None
    pleo_message: str | None = None
    try:
        body = resp.json()
    except (ValueError, UnicodeDecodeError):
        body = None
    if isinstance(body, Mapping):  # ExceptionInfo {type, message}
        if isinstance(body.get("type"), str):
            type_ = body["type"]
        if isinstance(body.get("message"), str):
            pleo_message = body["message"]
    cls = _ERROR_FOR_STATUS.get(resp.status_code, PleoError)
    message = _plain_message(resp.status_code, type_, pleo_message, auth_message)
    return cls(resp.status_code, type_, message, pleo_message=pleo_message)


# ---------------------------------------------------------------------------------- utilities --
def format_datetime(value: datetime | date) -> str:
    """ISO 8601 in UTC with a ``Z``, as Pleo writes it. A naive datetime is taken as UTC."""
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    elif value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    value = value.astimezone(timezone.utc)
    if value.microsecond:
        return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (datetime, date)):
        return format_datetime(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot send {type(value).__name__} to Pleo")


def _as_list(value: str | Iterable[str] | None) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    return list(value)


def _chunks(seq: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


class _BearerAuth(httpx.Auth):
    """``Authorization: Bearer`` with a token fetched for every request (refreshes apply at once)."""

    def __init__(self, token_source: Callable[[], str]) -> None:
        self._token_source = token_source

    def auth_flow(self, request: httpx.Request):
        request.headers["Authorization"] = f"Bearer {self._token_source()}"
        yield request


# Errors raised before any byte of the request reached the server: always safe to retry.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Errors after the request may have been sent: the outcome is unknown.
_MAYBE_SENT = (httpx.ReadTimeout, httpx.WriteTimeout, httpx.ReadError, httpx.WriteError,
               httpx.RemoteProtocolError, httpx.CloseError)


# ---------------------------------------------------------------------------------- client -----
class PleoClient:
    """A small, strict client for the parts of Pleo's API pleodesk uses."""

    def __init__(self, base_url: str, *, api_key: str | None = None,
                 token_source: Callable[[], str] | None = None, company_id: str,
                 timeout: float = 30, max_retries: int = 5,
                 transport: httpx.BaseTransport | None = None,
                 event_hooks: Mapping[str, list[Callable[..., Any]]] | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 page_limit: int = 100,
                 backoff_base: float = 0.5, backoff_cap: float = 30.0,
                 max_retry_after: float = 300.0, max_elapsed: float = 600.0,
                 jitter: Callable[[], float] = random.random,
                 clock: Callable[[], float] = time.monotonic,
                 download_transport: httpx.BaseTransport | None = None,
                 download_event_hooks: Mapping[str, list[Callable[..., Any]]] | None = None) -> None:
        if (api_key is None) == (token_source is None):
            raise ValueError("PleoClient needs exactly one of api_key or token_source")
        if not company_id:
            raise ValueError("PleoClient needs the Pleo company id")
        if page_limit < 1:
            raise ValueError("page_limit must be at least 1")
        # The API key or token goes with every request: https, or this computer (the sandbox).
        self.base_url = check_web_address(base_url, "The Pleo address")
        self.company_id = company_id
        self.max_retries = max(0, int(max_retries))
        self.page_limit = page_limit
        self._sleep = sleep
        self._clock = clock
        self.retry_policy = RetryPolicy(max_attempts=self.max_retries + 1, max_elapsed=max_elapsed,
                                        max_retry_after=max_retry_after, backoff_base=backoff_base,
                                        backoff_cap=backoff_cap, jitter=jitter)
        if api_key is not None:
            auth: httpx.Auth = httpx.BasicAuth(api_key, "")
            self._auth_message = _AUTH_MESSAGE_KEY
        else:
            assert token_source is not None
            auth = _BearerAuth(token_source)
            self._auth_message = _AUTH_MESSAGE_TOKEN
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        self._http = httpx.Client(base_url=self.base_url, auth=auth, headers=headers,
                                  timeout=timeout, transport=transport,
                                  event_hooks=dict(event_hooks or {}), follow_redirects=False)
        # Receipt files live on a file host with signed URLs: no Pleo credentials go there.
        self._files = httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=timeout,
                                   transport=download_transport or transport,
                                   event_hooks=dict(download_event_hooks or {}),
                                   follow_redirects=True)

    # ------------------------------------------------------------------ lifecycle -------------
    def close(self) -> None:
        self._http.close()
        self._files.close()

    def __enter__(self) -> "PleoClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ transport -------------
    def _send(self, client: httpx.Client, method: str, url: str, *, idempotent: bool,
              params: Mapping[str, Any] | None = None, body: Any = None,
              stream: bool = False, what: str = "Pleo") -> httpx.Response:
        """Send with retries. Returns a response with a 2xx/3xx status, or raises a PleoError."""
        content = None
        headers = {}
        if body is not None:
            content = json.dumps(body, default=_json_default, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"

        def attempt() -> httpx.Response:
            request = client.build_request(method, url, params=params, content=content, headers=headers)
            try:
                resp = client.send(request, stream=stream)
            except _NOT_SENT as exc:
                from pleodesk.providers.base import connection_failure

                raise Transient(PleoUnavailable(
                    None, "CONNECTION_FAILED",
                    f"Nothing answered at {what} ({request.url.scheme}://{request.url.netloc.decode()}): "
                    f"{connection_failure(str(request.url), exc)}. Check that address and the internet connection.",
                    pleo_message=str(exc))) from exc
            except _MAYBE_SENT as exc:
                if not idempotent:
                    raise PleoUncertain(
                        None, "OUTCOME_UNKNOWN",
                        "The connection to Pleo broke before Pleo answered, so it is unknown whether "
                        "Pleo carried out the request; pleodesk checks Pleo before trying again.",
                        pleo_message=str(exc), method=method, path=str(request.url.path)) from exc
                raise Transient(PleoUnavailable(
                    None, "CONNECTION_FAILED", f"The connection to {what} kept breaking; check the internet "
                    "connection and try again.", pleo_message=str(exc))) from exc
            status = resp.status_code
            # 429 and 503: Pleo did not take the request, so even a create may go again. A 500 or a
            # gateway error may come after Pleo carried it out: only a repeatable call goes again.
            retryable = status in (429, 503) or (idempotent and status in (500, 502, 504))
            if status < 400 or not retryable:
                if status >= 400 and stream:
                    resp.read()
                if not idempotent and status in (502, 504):
                    resp.close()
                    raise PleoUncertain(
                        status, "OUTCOME_UNKNOWN",
                        "Pleo's gateway timed out before Pleo answered, so it is unknown whether "
                        "Pleo carried out the request; pleodesk checks Pleo before trying again.",
                        method=method, path=str(request.url.path))
                return resp
            retry_after = retry_after_seconds(resp.headers.get("Retry-After"))
            if stream:
                resp.read()
            resp.close()
            err = _error_from_response(resp, self._auth_message)
            if isinstance(err, PleoRateLimited):
                err.retry_after = retry_after
            raise Transient(err, retry_after)

        return call_with_retries(attempt, self.retry_policy, what=f"{method} {url}", sleep=self._sleep,
                                 clock=self._clock)

    def _call(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
              body: Any = None, idempotent: bool | None = None) -> Any:
        """One API call; returns the decoded JSON body (``None`` for an empty body)."""
        if idempotent is None:
            idempotent = method in ("GET", "PUT", "DELETE", "HEAD")
        resp = self._send(self._http, method, path, params=params, body=body, idempotent=idempotent)
        if resp.status_code >= 400:
            raise _error_from_response(resp, self._auth_message)
        if not resp.content:
            return None
        try:
            return jsoncodec.loads(resp.content)
        except ValueError as exc:
            raise PleoProtocolError(resp.status_code, "NOT_JSON",
                                    "Pleo answered with something that is not valid data; try again "
                                    "later.") from exc

    def _data(self, method: str, path: str, **kwargs: Any) -> Any:
        body = self._call(method, path, **kwargs)
        if not isinstance(body, Mapping) or "data" not in body:
            raise PleoProtocolError(None, "UNEXPECTED_BODY",
                                    "Pleo answered without the expected data; try again later.")
        return body["data"]

    def paginate(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                 body: Any = None, limit: int | None = None, read_ahead: int = 0) -> Iterator[dict]:
        """Every item of a cursor-paginated list: ``after=endCursor`` while ``hasNextPage``.

        Raises :class:`PleoProtocolError` when the next cursor does not advance (it repeats the
        current one or an earlier one), instead of looping forever. ``read_ahead``: up to that many
        items (in whole pages, two at least) wait for the caller, fetched on a thread while it works
        on the ones before, and the thread holds one page more (see ``providers.readahead``)."""
        pages = self._pages(method, path, params=params, body=body, limit=limit)
        if read_ahead:
            depth = max(2, -(-read_ahead // (limit or self.page_limit)))
            pages = _read_ahead(pages, depth=depth, name="pleodesk-pleo-pages")
        try:
            for page in pages:
                yield from page
        finally:
            pages.close()                       # a caller that stops early stops the reading ahead

    def _pages(self, method: str, path: str, *, params: Mapping[str, Any] | None,
               body: Any, limit: int | None) -> Iterator[list]:
        page_params = dict(params or {})
        page_params["limit"] = limit or self.page_limit
        seen: set[str] = set()
        after: str | None = None
        while True:
            if after is not None:
                page_params["after"] = after
            page = self._call(method, path, params=page_params, body=body, idempotent=True)
            if not isinstance(page, Mapping) or not isinstance(page.get("data"), list):
                raise PleoProtocolError(None, "UNEXPECTED_BODY",
                                        "Pleo answered a list request without the expected data.")
            yield page["data"]
            info = page.get("pagination") or {}
            if not info.get("hasNextPage"):
                return
            cursor = info.get("endCursor")
            if not cursor or cursor == after or cursor in seen:
                raise PleoProtocolError(None, "CURSOR_NOT_ADVANCING",
                                        "Pleo kept returning the same page of results, so pleodesk "
                                        "stopped reading; try again later.")
            seen.add(cursor)
            after = cursor

    # ------------------------------------------------------------------ who am I --------------
    def introspect(self) -> dict:
        """``GET /v1/introspect``: how we are authenticated (``authMethod``, ``scope``, ``subjectURN``)."""
        return self._data("GET", "/v1/introspect")

    def get_company(self) -> dict:
        """``GET /v1/companies/{companyId}``."""
        return self._data("GET", f"/v1/companies/{self.company_id}")

    def list_employees(self) -> list[dict]:
        """``GET /v2/employees?companyId=`` (all pages)."""
        return list(self.paginate("GET", "/v2/employees", params={"companyId": self.company_id}))

    # ------------------------------------------------------------------ export jobs (v3) ------
    def list_export_jobs(self, statuses: Iterable[str]) -> list[dict]:
        """Export jobs in ``statuses``, oldest first (by ``createdAt``)."""
        statuses = _as_list(statuses) or []
        for s in statuses:
            if s not in EXPORT_JOB_STATUSES:
                raise ValueError(f"unknown export job status {s!r}")
        params: dict[str, Any] = {"company_id": self.company_id}
        if statuses:
            params["statuses"] = statuses
        jobs = list(self.paginate("GET", "/v3/export-jobs", params=params))
        far_future = datetime.max.replace(tzinfo=timezone.utc)
        jobs.sort(key=lambda j: (parse_datetime(j.get("createdAt")) or far_future, j.get("id", "")))
        return jobs

    def get_export_job(self, job_id: str) -> dict:
        return self._data("GET", f"/v3/export-jobs/{job_id}")

    def create_export_job(self, entry_ids: list[str], *, is_interactive: bool = False) -> dict:
        """``POST /v3/export-jobs``. Never retried blindly: may raise :class:`PleoUncertain`."""
        if not entry_ids:
            raise ValueError("an export job needs at least one accounting entry")
        body = {"accountingEntryIds": list(entry_ids), "companyId": self.company_id,
                "isInteractive": bool(is_interactive)}
        return self._data("POST", "/v3/export-jobs", body=body, idempotent=False)

    def job_event(self, job_id: str, event: str, *, failure_reason: str | None = None,
                  failure_reason_type: str | None = None) -> None:
        """``POST /v3/export-job-events`` (``CreateExportJobEvent``; the id field is ``jobId``)."""
        if event not in EXPORT_JOB_EVENTS:
            raise ValueError(f"unknown export job event {event!r}")
        if failure_reason_type is not None and failure_reason_type not in EXPORT_JOB_FAILURE_REASON_TYPES:
            raise ValueError(f"unknown export job failure reason type {failure_reason_type!r}")
        body: dict[str, Any] = {"jobId": job_id, "event": event}
        if failure_reason is not None:
            body["failureReason"] = failure_reason
        if failure_reason_type is not None:
            body["failureReasonType"] = failure_reason_type
        self._call("POST", "/v3/export-job-events", body=body, idempotent=False)

    def iter_job_items(self, job_id: str, status: str | None = None) -> Iterator[dict]:
        """``GET /v3/export-jobs/{jobId}/items`` (all pages): the control layer."""
        params: dict[str, Any] = {}
        if status is not None:
            if status not in EXPORT_JOB_ITEM_STATUSES:
                raise ValueError(f"unknown export job item status {status!r}")
            params["status"] = status
        return self.paginate("GET", f"/v3/export-jobs/{job_id}/items", params=params)

    def iter_export_items(self, job_id: str) -> Iterator[dict]:
        """``GET /v3/export-items?job_id=`` (all pages): the data layer. The next ``READ_AHEAD_ITEMS``
        are read on a thread while the caller works on the ones before (``providers.readahead``)."""
        return self.paginate("GET", "/v3/export-items", params={"job_id": job_id}, read_ahead=READ_AHEAD_ITEMS)

    def update_job_items(self, job_id: str, updates: list[dict]) -> list[dict]:
        """``PUT /v3/export-jobs/{jobId}/items`` in chunks of at most 100; returns all ``errors[]``."""
        errors: list[dict] = []
        for update in updates:
            if "accountingEntryId" not in update or "status" not in update:
                raise ValueError("each item update needs accountingEntryId and status")
            if update["status"] not in EXPORT_JOB_ITEM_STATUSES:
                raise ValueError(f"unknown export job item status {update['status']!r}")
            frt = update.get("failureReasonType")
            if frt is not None and frt not in EXPORT_JOB_ITEM_FAILURE_REASON_TYPES:
                raise ValueError(f"unknown export job item failure reason type {frt!r}")
        for chunk in _chunks(list(updates), UPDATE_LIMIT):
            body = [{k: v for k, v in u.items() if v is not None} for u in chunk]
            result = self._call("PUT", f"/v3/export-jobs/{job_id}/items", body=body)
            if isinstance(result, Mapping):
                errors.extend(result.get("errors") or [])
        return errors

    # ------------------------------------------------------------------ accounting entries ----
    def search_accounting_entries(self, *, export_status: str | Iterable[str] | None = None,
                                  status: str | Iterable[str] | None = None,
                                  settled: bool | None = None,
                                  bookkeeping_from: datetime | None = None,
                                  bookkeeping_to: datetime | None = None,
                                  families: str | Iterable[str] | None = None,
                                  settled_from: datetime | None = None,
                                  settled_to: datetime | None = None,
                                  limit: int = SEARCH_LIMIT) -> Iterator[dict]:
        """``POST /v1/accounting-entries:search`` (read only, all pages, deleted entries excluded).

        The spec makes the date windows exclusive of each other: give bookkeeping or settled dates."""
        if (bookkeeping_from or bookkeeping_to) and (settled_from or settled_to):
            raise ValueError("search by bookkeeping date or by settled date, not both")
        body: dict[str, Any] = {"includeDeleted": False}
        for key, values in (("exportStatus", export_status), ("status", status), ("families", families)):
            if values is not None:
                body[key] = _as_list(values)
        if settled is not None:
            body["settled"] = bool(settled)
        for key, moment in (("bookkeepingDateStart", bookkeeping_from), ("bookkeepingDateEnd", bookkeeping_to),
                            ("settledAtStart", settled_from), ("settledAtEnd", settled_to)):
            if moment is not None:
                body[key] = format_datetime(moment)
        limit = max(1, min(SEARCH_LIMIT, limit))
        return self.paginate("POST", "/v1/accounting-entries:search",
                             params={"company_id": self.company_id}, body=body, limit=limit)

    # ------------------------------------------------------------------ receipts --------------
    def list_receipts(self, accounting_entry_id: str) -> list[dict]:
        """``GET /v1/accounting-entries/{id}/receipts`` (all pages): the entry's receipt files as
        ``ReceiptModel {id, url, mimeType, sizeInBytes, ...}``, each with a fresh download link (valid
        24 hours). For receipts whose export-item link expired before they could be downloaded."""
        return list(self.paginate("GET", f"/v1/accounting-entries/{accounting_entry_id}/receipts",
                                  params={"file_type": "ORIGINAL"}, limit=SEARCH_LIMIT))

    def download(self, url: str, dest: Path, *, max_bytes: int | None = None) -> tuple[int, str]:
        """Download a receipt file to ``dest``: returns ``(size, sha256 hex)``.

        The file is streamed to a temporary file next to ``dest`` and moved into place only when
        complete. ``max_bytes`` exceeded: :class:`ReceiptTooLarge`, and nothing is kept. An expired
        link (403/410 from the file host): :class:`ReceiptExpired`. Receipt URLs are absolute links
        on a file host and get no Pleo credentials."""
        check_web_address(url, "The receipt's download link")      # AddressError: a ValueError
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)

        def attempt() -> tuple[int, str]:
            resp = self._send(self._files, "GET", url, idempotent=True, stream=True,
                              what="Pleo's file store")
            try:
                if resp.status_code in (403, 410):
                    raise ReceiptExpired(resp.status_code, "RECEIPT_LINK_EXPIRED",
                                         "The receipt's download link from Pleo has expired; read the "
                                         "export job again to get a fresh link.")
                if resp.status_code >= 400:
                    raise ReceiptError(resp.status_code, "RECEIPT_DOWNLOAD_FAILED",
                                       f"The receipt could not be downloaded from Pleo (HTTP "
                                       f"{resp.status_code}).")
                declared = resp.headers.get("Content-Length")
                if max_bytes is not None and declared and declared.isdigit() and int(declared) > max_bytes:
                    raise self._too_large(int(declared), max_bytes)
                try:
                    return self._stream_to(resp, dest, max_bytes)
                except _MAYBE_SENT as exc:
                    raise Transient(ReceiptError(None, "RECEIPT_DOWNLOAD_FAILED",
                                                 "The connection broke while downloading a receipt from "
                                                 "Pleo; try again.", pleo_message=str(exc))) from exc
            finally:
                resp.close()

        return call_with_retries(attempt, self.retry_policy, what="receipt download", sleep=self._sleep,
                                 clock=self._clock)

    @staticmethod
    def _too_large(size: int | None, max_bytes: int) -> ReceiptTooLarge:
        limit = f"{max_bytes / 1_048_576:.1f} MB"
        text = (f"The receipt is {size / 1_048_576:.1f} MB, more than the {limit} allowed, so it was not "
                "downloaded." if size else
                f"The receipt is larger than the {limit} allowed, so it was not downloaded.")
        return ReceiptTooLarge(None, "RECEIPT_TOO_LARGE", text, size=size, max_bytes=max_bytes)

    def _stream_to(self, resp: httpx.Response, dest: Path, max_bytes: int | None) -> tuple[int, str]:
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=PARTIAL_SUFFIX, dir=dest.parent)
        tmp = Path(tmp_name)
        try:
            _hold_partial(fd)     # tells clean_partial_downloads in any process that this one is alive
            with os.fdopen(fd, "wb") as fh:
                for chunk in resp.iter_bytes(64 * 1024):
                    size += len(chunk)
                    if max_bytes is not None and size > max_bytes:
                        raise self._too_large(None, max_bytes)
                    digest.update(chunk)
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, dest)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return size, digest.hexdigest()

    # ------------------------------------------------------------------ chart of accounts -----
    def search_accounts(self, *, archived: bool | None = None) -> list[dict]:
        """``POST /v1/chart-of-accounts:search`` (all pages; archived ones too unless ``archived``)."""
        body: dict[str, Any] = {"companyId": self.company_id, "excludeIfAssignedToCategory": False,
                                "excludeIfAssignedToContraAccount": False}
        if archived is not None:
            body["archived"] = archived
        return list(self.paginate("POST", "/v1/chart-of-accounts:search", body=body))

    def create_account(self, external_id: str, name: str, *, code: str | None = None,
                       archived: bool = False, tax_code_external_id: str | None = None,
                       metadata: Mapping[str, Any] | None = None) -> dict:
        """``POST /v1/chart-of-accounts``; ``externalId`` is the matching key."""
        body: dict[str, Any] = {"archived": archived, "companyId": self.company_id,
                                "externalId": external_id, "name": name}
        if code is not None:
            body["code"] = code
        if tax_code_external_id is not None:
            body["taxCodeExternalId"] = tax_code_external_id
        if metadata is not None:
            body["metadata"] = dict(metadata)
        return self._data("POST", "/v1/chart-of-accounts", body=body, idempotent=False)

    def update_account(self, account_id: str, *, name: str, archived: bool, code: str | None = None,
                       tax_code_external_id: str | None = None,
                       metadata: Mapping[str, Any] | None = None) -> dict:
        """``PUT /v1/chart-of-accounts/{accountId}`` (a full replacement)."""
        body: dict[str, Any] = {"archived": archived, "name": name}
        if code is not None:
            body["code"] = code
        if tax_code_external_id is not None:
            body["taxCodeExternalId"] = tax_code_external_id
        if metadata is not None:
            body["metadata"] = dict(metadata)
        return self._data("PUT", f"/v1/chart-of-accounts/{account_id}", body=body)

    # ------------------------------------------------------------------ tax codes -------------
    def search_tax_codes(self) -> list[dict]:
        """``POST /v0/tax-codes:search?company_id=`` (all pages, archived ones included)."""
        return list(self.paginate("POST", "/v0/tax-codes:search",
                                  params={"company_id": self.company_id}, body={}))

    def _tax_body(self, name: str, rate: Decimal, type: str, code: str | None, archived: bool,
                  ingoing_tax_account: str | None, outgoing_tax_account: str | None) -> dict:
        if type not in TAX_CODE_TYPES:
            raise ValueError(f"unknown tax code type {type!r}")
        body: dict[str, Any] = {"archived": archived, "companyId": self.company_id, "name": name,
                                "rate": Decimal(str(rate)), "type": type}
        if code is not None:
            body["code"] = code
        if ingoing_tax_account is not None:
            body["ingoingTaxAccount"] = ingoing_tax_account
        if outgoing_tax_account is not None:
            body["outgoingTaxAccount"] = outgoing_tax_account
        return body

    def create_tax_code(self, name: str, rate: Decimal, type: str, *, code: str | None = None,
                        archived: bool = False, ingoing_tax_account: str | None = None,
                        outgoing_tax_account: str | None = None) -> dict:
        """``POST /v0/tax-codes``; ``rate`` is a fraction (0.25 for 25 %)."""
        body = self._tax_body(name, rate, type, code, archived, ingoing_tax_account, outgoing_tax_account)
        return self._data("POST", "/v0/tax-codes", body=body, idempotent=False)

    def update_tax_code(self, tax_code_id: str, *, name: str, rate: Decimal, type: str,
                        code: str | None = None, archived: bool = False,
                        ingoing_tax_account: str | None = None,
                        outgoing_tax_account: str | None = None) -> dict:
        """``PUT /v0/tax-codes/{taxCodeId}`` (a full replacement)."""
        body = self._tax_body(name, rate, type, code, archived, ingoing_tax_account, outgoing_tax_account)
        return self._data("PUT", f"/v0/tax-codes/{tax_code_id}", body=body)

    # ------------------------------------------------------------------ tags ------------------
    def list_tag_groups(self, include_archived: bool = True) -> list[dict]:
        """``GET /v0/tag-groups?company_id=&include_archived=``."""
        return list(self._data("GET", "/v0/tag-groups",
                               params={"company_id": self.company_id,
                                       "include_archived": include_archived}))

    def create_tag_group(self, code: str, name: str, *, archived: bool = False,
                         metadata: Mapping[str, str] | None = None) -> dict:
        """``POST /v0/tag-groups?company_id=``."""
        body: dict[str, Any] = {"archived": archived, "code": code, "name": name}
        if metadata is not None:
            body["metadata"] = dict(metadata)
        return self._data("POST", "/v0/tag-groups", params={"company_id": self.company_id},
                          body=body, idempotent=False)

    def update_tag_group(self, group_id: str, *, code: str, name: str, archived: bool,
                         metadata: Mapping[str, str] | None = None) -> dict:
        """``PUT /v0/tag-groups/{groupId}`` (``metadata`` is required by Pleo; ``{}`` when none)."""
        body = {"archived": archived, "code": code, "name": name, "metadata": dict(metadata or {})}
        return self._data("PUT", f"/v0/tag-groups/{group_id}", body=body)

    def list_tags(self, group_id: str, include_archived: bool = True) -> list[dict]:
        """``GET /v0/tag-groups/{groupId}/tags`` (all pages)."""
        return list(self.paginate("GET", f"/v0/tag-groups/{group_id}/tags",
                                  params={"include_archived": include_archived}))

    def create_tag(self, group_id: str, code: str, name: str, *, archived: bool = False) -> dict:
        """``POST /v0/tag-groups/{groupId}/tags``."""
        body = {"archived": archived, "code": code, "name": name}
        return self._data("POST", f"/v0/tag-groups/{group_id}/tags", body=body, idempotent=False)

    def update_tag(self, tag_id: str, *, code: str, name: str, archived: bool) -> dict:
        """``PUT /v0/tags/{tagId}``."""
        body = {"archived": archived, "code": code, "name": name}
        return self._data("PUT", f"/v0/tags/{tag_id}", body=body)


# ---------------------------------------------------------------------------------- partial files --
#: A receipt being downloaded is written to ``.<name>.<random>.part`` beside its place, then moved there.
PARTIAL_SUFFIX = ".part"
#: A partial file younger than this may belong to a download that has only just started.
PARTIAL_GRACE_SECONDS = 60.0


def _hold_partial(fd: int) -> None:
    """Lock a partial file for as long as its download runs (the lock goes with the process: a killed
    download leaves an unlocked file). On Windows an open file cannot be deleted, which does the same."""
    if os.name != "nt":
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:                 # a file system without locks: the grace period still protects it
            pass


def _in_use(path: Path) -> bool:
    """Whether a running download (of any process) holds ``path``."""
    if os.name == "nt":  # pragma: no cover - deleting an open file fails there, which is the answer
        return False
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return True                     # gone or unreadable: leave it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)                    # closing releases the probe's own lock
    return False


#: In the receipts folder: its modification time says from when on expense folders must be looked at again.
PARTIAL_MARK = ".partials-checked"
#: Slack for file systems whose clocks or time stamps are coarse.
_MTIME_SLACK = 120.0


def clean_partial_downloads(folder: Path, *, grace: float = PARTIAL_GRACE_SECONDS,
                            now: Callable[[], float] = time.time) -> int:
    """Delete the partial receipt files (``*.part``) that downloads killed mid-way left in ``folder`` and
    its sub-folders (one per expense). A file some download is still writing, in this process or another
    (two pleodesk processes may export at once), is locked by it or was touched within ``grace``
    seconds: it stays. Returns how many files were deleted.

    Only the expense folders changed since the last look are opened (a partial file is made, renamed or
    deleted in its folder, which changes the folder's time stamp); the time of the last look is kept as
    the time stamp of ``PARTIAL_MARK``, held back to the oldest folder whose partial file had to stay."""
    folder = Path(folder)
    started = now()
    mark = folder / PARTIAL_MARK
    try:
        since = mark.stat().st_mtime - _MTIME_SLACK
    except OSError:
        since = float("-inf")                       # never looked: every folder
    try:
        with os.scandir(folder) as it:
            dirs = [Path(e.path) for e in it if e.is_dir(follow_symlinks=False)
                    and e.stat(follow_symlinks=False).st_mtime >= since]
    except FileNotFoundError:
        return 0
    removed = 0
    look_again_from = started
    for directory in [folder, *dirs]:
        try:
            with os.scandir(directory) as it:
                entries = [e for e in it if e.name.endswith(PARTIAL_SUFFIX) and e.is_file(follow_symlinks=False)]
            dir_mtime = directory.stat().st_mtime
        except OSError:
            continue
        for entry in entries:
            try:
                if now() - entry.stat(follow_symlinks=False).st_mtime < grace or _in_use(Path(entry.path)):
                    look_again_from = min(look_again_from, dir_mtime)
                    continue
                os.unlink(entry.path)
                removed += 1
            except OSError:             # gone meanwhile, or held open (Windows): look again next time
                look_again_from = min(look_again_from, dir_mtime)
    try:
        mark.touch()
        os.utime(mark, (look_again_from, look_again_from))
    except OSError:
        pass
    if removed:
        log.info("removed %d partial receipt file(s) left by an interrupted download", removed)
    return removed


# ---------------------------------------------------------------------------------- reconcile --
@dataclass
class ReconcileCounts:
    created: int = 0
    updated: int = 0
    unarchived: int = 0
    archived: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.unarchived + self.archived


@dataclass
class ReconcileReport:
    """What a master-data reconciliation changed in Pleo. ``changes``: one plain line per change."""

    accounts: ReconcileCounts = field(default_factory=ReconcileCounts)
    tax_codes: ReconcileCounts = field(default_factory=ReconcileCounts)
    tag_groups: ReconcileCounts = field(default_factory=ReconcileCounts)
    tags: ReconcileCounts = field(default_factory=ReconcileCounts)
    changes: list[str] = field(default_factory=list)

    def _total(self, attr: str) -> int:
        return sum(getattr(c, attr) for c in (self.accounts, self.tax_codes, self.tag_groups, self.tags))

    @property
    def created(self) -> int:
        return self._total("created")

    @property
    def updated(self) -> int:
        """Updated, unarchived included."""
        return self._total("updated") + self._total("unarchived")

    @property
    def archived(self) -> int:
        return self._total("archived")

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.archived

    def summary(self) -> str:
        if not self.changed:
            return "Pleo's accounts, tax codes and tags were already up to date."
        return (f"Pleo's accounts, tax codes and tags updated: {self.created} created, "
                f"{self.updated} changed, {self.archived} archived.")


class ReconcileError(ValueError):
    """The data to reconcile cannot be sent to Pleo as it is; the message says why."""


def _norm(code: str | None) -> str:
    return (code or "").strip().casefold()


def _same_rate(a: Any, b: Decimal) -> bool:
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except (InvalidOperation, TypeError, ValueError):
        return False


def _pick(candidates: list[dict]) -> dict:
    """Of several Pleo records matching one key, prefer an active one."""
    for c in candidates:
        if not c.get("archived"):
            return c
    return candidates[0]


def _note(counts: ReconcileCounts, changes: list[str], was_archived: bool, now_archived: bool,
          label: str, differs: bool) -> None:
    if was_archived and not now_archived:
        counts.unarchived += 1
        changes.append(f"Restored {label}")
    elif now_archived and not was_archived:
        counts.archived += 1
        changes.append(f"Archived {label}")
    elif differs:
        counts.updated += 1
        changes.append(f"Updated {label}")
    else:
        counts.unchanged += 1


def reconcile_master_data(client: PleoClient,
                          accounts: Sequence[tuple[str, str | None, str, bool]],
                          taxes: Sequence[tuple[str, str, Decimal, str]],
                          dimensions: Sequence[tuple[str, str, Sequence[tuple[str, str]]]],
                          ) -> ReconcileReport:
    """Make Pleo's accounts, tax codes and tags mirror the accounting system (one way, idempotent).

    ``accounts``: ``(external_id, code, name, active)``; ``taxes``: ``(code, name, rate, type)``
    (the active ones); ``dimensions``: ``(code, name, [(tag_code, tag_name), ...])`` (at most 5).

    Pleo's documented procedure: fetch everything in Pleo, archived records included; match
    accounts by ``externalId``, tax codes by ``code``, tag groups and tags by ``code`` ignoring
    case; create what is missing, update or unarchive what matched, archive what no longer exists.
    Order: tax codes, then accounts, then tags. Running it again changes nothing."""
    if len(dimensions) > MAX_DIMENSIONS:
        raise ReconcileError(
            f"Pleo can take at most {MAX_DIMENSIONS} dimensions as tag groups, but {len(dimensions)} "
            f"were chosen; choose at most {MAX_DIMENSIONS} and try again.")
    _check_unique([a[0] for a in accounts], "account", str.strip)
    _check_unique([t[0] for t in taxes], "tax code", str.strip)
    _check_unique([d[0] for d in dimensions], "dimension", _norm)
    for code, _name, tags in dimensions:
        _check_unique([t[0] for t in tags], f"value of dimension {code}", _norm)
    for _code, _name, _rate, type_ in taxes:
        if type_ not in TAX_CODE_TYPES:
            raise ReconcileError(f"Tax type {type_!r} is not one Pleo knows (inclusive, exclusive, reverse).")

    report = ReconcileReport()
    _reconcile_taxes(client, taxes, report)
    _reconcile_accounts(client, accounts, report)
    _reconcile_tags(client, dimensions, report)
    return report


def _check_unique(keys: Iterable[str], what: str, norm: Callable[[str], str]) -> None:
    seen: set[str] = set()
    for key in keys:
        if not key or not str(key).strip():
            raise ReconcileError(f"Every {what} needs a code to be sent to Pleo.")
        k = norm(str(key))
        if k in seen:
            raise ReconcileError(f"The {what} code {key!r} appears twice; codes must be unique for Pleo.")
        seen.add(k)


def _reconcile_taxes(client: PleoClient, taxes: Sequence[tuple[str, str, Decimal, str]],
                     report: ReconcileReport) -> None:
    counts = report.tax_codes
    existing: dict[str, list[dict]] = {}
    for tc in client.search_tax_codes():
        existing.setdefault((tc.get("code") or "").strip(), []).append(tc)
    matched: set[str] = set()
    for code, name, rate, type_ in taxes:
        code = code.strip()
        rate = Decimal(str(rate))
        found = existing.get(code)
        label = f"tax code {code} ({name})"
        if not found:
            client.create_tax_code(name, rate, type_, code=code)
            counts.created += 1
            report.changes.append(f"Created {label}")
            continue
        tc = _pick(found)
        matched.add(tc["id"])
        differs = (tc.get("name") != name or not _same_rate(tc.get("rate"), rate)
                   or tc.get("type") != type_)
        if differs or tc.get("archived"):
            client.update_tax_code(tc["id"], name=name, rate=rate, type=type_, code=code, archived=False,
                                   ingoing_tax_account=tc.get("ingoingTaxAccount"),
                                   outgoing_tax_account=tc.get("outgoingTaxAccount"))
        _note(counts, report.changes, bool(tc.get("archived")), False, label, differs)
    for group in existing.values():
        for tc in group:
            if tc["id"] in matched or tc.get("archived"):
                continue
            client.update_tax_code(tc["id"], name=tc["name"], rate=Decimal(str(tc["rate"])),
                                   type=tc["type"], code=tc.get("code"), archived=True,
                                   ingoing_tax_account=tc.get("ingoingTaxAccount"),
                                   outgoing_tax_account=tc.get("outgoingTaxAccount"))
            counts.archived += 1
            report.changes.append(f"Archived tax code {tc.get('code') or ''} ({tc['name']})".replace("  ", " "))


def _reconcile_accounts(client: PleoClient, accounts: Sequence[tuple[str, str | None, str, bool]],
                        report: ReconcileReport) -> None:
    counts = report.accounts
    existing: dict[str, list[dict]] = {}
    for acc in client.search_accounts():
        existing.setdefault(acc["externalId"].strip(), []).append(acc)
    matched: set[str] = set()
    for external_id, code, name, active in accounts:
        external_id = external_id.strip()
        found = existing.get(external_id)
        label = f"account {code or external_id} {name}"
        if not found:
            if active:
                client.create_account(external_id, name, code=code)
                counts.created += 1
                report.changes.append(f"Created {label}")
            continue
        acc = _pick(found)
        matched.add(acc["id"])
        want_archived = not active
        differs = acc.get("name") != name or (acc.get("code") or None) != (code or None)
        if differs or bool(acc.get("archived")) != want_archived:
            client.update_account(acc["id"], name=name, archived=want_archived, code=code,
                                  tax_code_external_id=acc.get("taxCodeExternalId"),
                                  metadata=acc.get("metadata"))
        _note(counts, report.changes, bool(acc.get("archived")), want_archived, label, differs)
    for group in existing.values():
        for acc in group:
            if acc["id"] in matched or acc.get("archived"):
                continue
            client.update_account(acc["id"], name=acc["name"], archived=True, code=acc.get("code"),
                                  tax_code_external_id=acc.get("taxCodeExternalId"),
                                  metadata=acc.get("metadata"))
            counts.archived += 1
            report.changes.append(f"Archived account {acc.get('code') or acc['externalId']} {acc['name']}")


def _reconcile_tags(client: PleoClient,
                    dimensions: Sequence[tuple[str, str, Sequence[tuple[str, str]]]],
                    report: ReconcileReport) -> None:
    counts = report.tag_groups
    existing: dict[str, list[dict]] = {}
    for grp in client.list_tag_groups(include_archived=True):
        existing.setdefault(_norm(grp.get("code")), []).append(grp)
    matched: set[str] = set()
    for code, name, tags in dimensions:
        code = code.strip()
        found = existing.get(_norm(code))
        label = f"tag group {code} ({name})"
        if not found:
            grp = client.create_tag_group(code, name)
            counts.created += 1
            report.changes.append(f"Created {label}")
            pleo_tags: list[dict] = []
        else:
            grp = _pick(found)
            was_archived = bool(grp.get("archived"))
            differs = grp.get("name") != name or grp.get("code") != code
            if differs or was_archived:
                client.update_tag_group(grp["id"], code=code, name=name, archived=False,
                                        metadata=grp.get("metadata") or {})
            _note(counts, report.changes, was_archived, False, label, differs)
            pleo_tags = client.list_tags(grp["id"], include_archived=True)
        matched.add(grp["id"])
        _reconcile_group_tags(client, grp["id"], code, tags, pleo_tags, report)
    for group in existing.values():
        for grp in group:
            if grp["id"] in matched or grp.get("archived"):
                continue
            client.update_tag_group(grp["id"], code=grp["code"], name=grp["name"], archived=True,
                                    metadata=grp.get("metadata") or {})
            counts.archived += 1
            report.changes.append(f"Archived tag group {grp['code']} ({grp['name']})")


def _reconcile_group_tags(client: PleoClient, group_id: str, group_code: str,
                          tags: Sequence[tuple[str, str]], pleo_tags: list[dict],
                          report: ReconcileReport) -> None:
    counts = report.tags
    existing: dict[str, list[dict]] = {}
    for tag in pleo_tags:
        existing.setdefault(_norm(tag.get("code")), []).append(tag)
    matched: set[str] = set()
    for code, name in tags:
        code = code.strip()
        found = existing.get(_norm(code))
        label = f"tag {group_code}/{code} ({name})"
        if not found:
            client.create_tag(group_id, code, name)
            counts.created += 1
            report.changes.append(f"Created {label}")
            continue
        tag = _pick(found)
        matched.add(tag["id"])
        differs = tag.get("name") != name or tag.get("code") != code
        if differs or tag.get("archived"):
            client.update_tag(tag["id"], code=code, name=name, archived=False)
        _note(counts, report.changes, bool(tag.get("archived")), False, label, differs)
    for group in existing.values():
        for tag in group:
            if tag["id"] in matched or tag.get("archived"):
                continue
            client.update_tag(tag["id"], code=tag["code"], name=tag.get("name") or tag["code"],
                              archived=True)
            counts.archived += 1
            report.changes.append(f"Archived tag {group_code}/{tag['code']}")
