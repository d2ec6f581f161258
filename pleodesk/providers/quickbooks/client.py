"""HTTP to QuickBooks Online: the bearer token, ``minorversion``, pacing under Intuit's limits,
``requestid`` on writes, and QuickBooks' ``Fault`` answers in plain words.

Limits, per company (realm) and app: 500 requests in any minute, 40 batch requests in any minute, 10
requests at once. :class:`Pacer` keeps under all three *before* sending, so a normal run never sees a
429: a request holds one of the ``concurrent`` slots while in flight and, once answered, a token of the
minute window (and a batch token for ``/batch``) for a further minute, counted from the moment its answer
arrived (never earlier than Intuit counted it). Pacers are shared by every client of the same company in
this process.

When QuickBooks still answers 429 (another app of the same user, a second computer), every request to
that company waits (the answer's ``Retry-After`` when it has one, else a growing pause) and the request is
sent again. Server errors and lost connections are tried again for reads, and for writes, which always
carry a ``requestid``: QuickBooks answers a repeated ``requestid`` with the first answer instead of
doing the work twice. Retries go through :func:`pleodesk.providers.retry.call_with_retries`.

A 401 means the access token has expired: the token set is marked expired (under the refresh locks) and
the request sent once more with a fresh token; a second 401 is :class:`QboAuthError`.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

import httpx

from pleodesk import __version__
from pleodesk.providers.base import AuthError, LedgerError
from pleodesk.providers.quickbooks import wire
from pleodesk.providers.retry import RetryPolicy, Transient, call_with_retries, retry_after_seconds

log = logging.getLogger(__name__)

MINOR_VERSION = "75"
#: Rows per query page (the query language's maximum).
PAGE = 1000


# ---------------------------------------------------------------------------------- errors -----
@dataclass(frozen=True)
class FaultError:
    code: str
    message: str
    detail: str = ""
    element: str = ""

    def text(self) -> str:
        return self.detail or self.message


def parse_fault(data: Any) -> tuple[str, list[FaultError]]:
    """``(type, errors)`` of a ``Fault`` (QuickBooks writes it ``Fault``/``Error``, and ``fault``/``error``
    on some authentication answers); ``("", [])`` when ``data`` holds none."""
    if not isinstance(data, Mapping):
        return "", []
    fault = next((v for k, v in data.items() if k.lower() == "fault"), None)
    if not isinstance(fault, Mapping):
        return "", []
    errors = next((v for k, v in fault.items() if k.lower() == "error"), None) or []
    out = []
    for e in errors if isinstance(errors, list) else [errors]:
        if not isinstance(e, Mapping):
            continue
        low = {k.lower(): v for k, v in e.items()}
        out.append(FaultError(str(low.get("code") or ""), str(low.get("message") or ""), str(low.get("detail") or ""),
                              str(low.get("element") or "")))
    return str(fault.get("type") or fault.get("Type") or ""), out


def fault_text(errors: Sequence[FaultError]) -> str:
    return "; ".join(f"{e.text()} (code {e.code})" if e.code else e.text() for e in errors)


class QboError(LedgerError):
    """An answer from QuickBooks that is not a success. ``status``: the HTTP status (None: no answer);
    ``errors``: the ``Fault``'s errors."""

    def __init__(self, title: str, detail: str = "", fix: str = "", *, status: int | None = None,
                 errors: Sequence[FaultError] = (), retryable: bool = False,
                 reason_type: str = "accounting_system_validation_failure") -> None:
        super().__init__(title, detail, fix, retryable=retryable, reason_type=reason_type)
        self.status = status
        self.errors = list(errors)

    @property
    def codes(self) -> set[str]:
        return {e.code for e in self.errors}


class QboAuthError(AuthError):
    def __init__(self, title: str = "QuickBooks no longer accepts pleodesk's sign-in for this company",
                 detail: str = "", fix: str = "Reconnect pleodesk to the same QuickBooks company "
                                               "(Connections > Reconnect).") -> None:
        super().__init__(title, detail, fix)


class QboUncertain(QboError):
    """The request may or may not have been processed (no answer came back)."""


# ---------------------------------------------------------------------------------- pacing -----
@dataclass(frozen=True)
class QboLimits:
    per_minute: int = 500
    batch_per_minute: int = 40
    concurrent: int = 10
    #: > 1 runs QuickBooks' clock faster (the sandbox and benchmarks): a minute lasts 60/time_scale s.
    time_scale: float = 1.0

    @property
    def minute(self) -> float:
        return 60.0 / self.time_scale

    @classmethod
    def from_settings(cls, d: Mapping[str, Any] | None) -> "QboLimits":
        d = d or {}
        return cls(per_minute=int(d.get("per_minute", 500)), batch_per_minute=int(d.get("batch_per_minute", 40)),
                   concurrent=int(d.get("concurrent", 10)), time_scale=float(d.get("time_scale", 1.0)))


class Pacer:
    """At most ``concurrent`` requests in flight, ``per_minute`` in any minute and ``batch_per_minute``
    batch requests in any minute (a token is held from the answer on, for a minute)."""

    def __init__(self, limits: QboLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._cond = threading.Condition()
        self._in_flight = 0
        self._batch_in_flight = 0
        self._recent: collections.deque[float] = collections.deque()
        self._recent_batch: collections.deque[float] = collections.deque()
        self._paused_until = 0.0
        self.calls = 0
        self.batch_calls = 0
        self.waited = 0.0

    def acquire(self, batch: bool = False) -> None:
        window = self.limits.minute
        start = self._clock()
        with self._cond:
            while True:
                now = self._clock()
                for dq in (self._recent, self._recent_batch):
                    while dq and dq[0] <= now - window:
                        dq.popleft()
                wait = 0.0
                if now < self._paused_until:
                    wait = self._paused_until - now
                elif self._in_flight >= self.limits.concurrent:
                    wait = window
                elif self._in_flight + len(self._recent) >= self.limits.per_minute:
                    wait = self._recent[0] + window - now if self._recent else window
                elif batch and self._batch_in_flight + len(self._recent_batch) >= self.limits.batch_per_minute:
                    wait = self._recent_batch[0] + window - now if self._recent_batch else window
                else:
                    self._in_flight += 1
                    self.calls += 1
                    if batch:
                        self._batch_in_flight += 1
                        self.batch_calls += 1
                    self.waited += now - start
                    return
                self._cond.wait(min(max(wait, 0.0005), 0.25))

    def release(self, batch: bool = False) -> None:
        with self._cond:
            now = self._clock()
            self._in_flight -= 1
            self._recent.append(now)
            if batch:
                self._batch_in_flight -= 1
                self._recent_batch.append(now)
            self._cond.notify_all()

    def pause(self, seconds: float) -> None:
        """Hold every request for ``seconds`` (after a 429)."""
        with self._cond:
            self._paused_until = max(self._paused_until, self._clock() + seconds)
            self._cond.notify_all()


_pacers: dict[tuple[str, str], Pacer] = {}
_pacers_lock = threading.Lock()


def pacer_for(base_url: str, realm_id: str, limits: QboLimits) -> Pacer:
    """The process-wide pacer of one company (one per API host and realm)."""
    key = (httpx.URL(base_url).host or base_url, realm_id)
    with _pacers_lock:
        p = _pacers.get(key)
        if p is None or p.limits != limits:
            p = Pacer(limits)
            _pacers[key] = p
        return p


def reset_pacers() -> None:
    """Forget every company's pacing state (tests; a new sandbox)."""
    with _pacers_lock:
        _pacers.clear()


# ---------------------------------------------------------------------------------- client -----
@dataclass
class _Attempt:
    refreshed: bool = False
    throttled: int = 0
    sent: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class QboClient:
    """One company's HTTP client. Thread-safe."""

    def __init__(self, *, api_url: str, realm_id: str, token_source: Callable[[], str],
                 limits: QboLimits = QboLimits(), force_refresh: Callable[[str], None] | None = None,
                 transport: httpx.BaseTransport | None = None, event_hooks: Mapping[str, list] | None = None,
                 timeout: float = 60.0, max_attempts: int = 5, minor_version: str = MINOR_VERSION,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.api_url = api_url.rstrip("/")
        self.realm_id = realm_id
        self._token = token_source
        self._force_refresh = force_refresh
        self.limits = limits
        self.minor_version = str(minor_version)
        self._sleep = sleep
        self.pacer = pacer_for(self.api_url, realm_id, limits)
        self.policy = RetryPolicy(max_attempts=max_attempts, max_elapsed=600.0 / limits.time_scale,
                                  max_retry_after=300.0 / limits.time_scale, backoff_base=1.0 / limits.time_scale,
                                  backoff_cap=60.0 / limits.time_scale)
        self._http = httpx.Client(transport=transport, timeout=timeout, event_hooks=dict(event_hooks or {}),
                                  limits=httpx.Limits(max_connections=limits.concurrent + 2,
                                                      max_keepalive_connections=limits.concurrent + 2),
                                  headers={"User-Agent": f"pleodesk/{__version__}"})
        self.calls = 0
        self.retries_429 = 0
        #: ``intuit_tid`` of the last answer (Intuit's support asks for it).
        self.last_tid: str | None = None

    def close(self) -> None:
        self._http.close()

    def url(self, path: str) -> str:
        return f"{self.api_url}/v3/company/{self.realm_id}/{path.lstrip('/')}"

    # -------------------------------------------------------------------------------------------
    def request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None, json_body: Any = None,
                content: bytes | None = None, content_type: str | None = None, request_id: str | None = None,
                batch: bool = False) -> httpx.Response:
        """Send one request and return the answer when it is a success or a 400 (whose ``Fault`` the caller
        reads); raise the error in plain words otherwise (:class:`QboAuthError`, :class:`QboError`, or
        :class:`QboUncertain` for a write whose outcome is unknown)."""
        q: dict[str, Any] = {"minorversion": self.minor_version}
        if params:
            q.update(params)
        if request_id:
            q["requestid"] = request_id
        headers = {"Accept": "application/json"}
        body = content
        if json_body is not None:
            body = wire.dumps(json_body)
            headers["Content-Type"] = "application/json"
        elif content is not None:
            headers["Content-Type"] = content_type or "application/octet-stream"
        write = method not in ("GET", "HEAD")
        safe = not write or bool(request_id)
        url = self.url(path)
        state = _Attempt()

        def attempt() -> httpx.Response:
            self.pacer.acquire(batch)
            try:
                token = self._token()
            except BaseException:
                self.pacer.release(batch)
                raise
            headers["Authorization"] = f"Bearer {token}"
            try:
                resp = self._http.request(method, url, params=q, content=body, headers=headers)
                resp.read()
            except httpx.HTTPError as exc:
                if not safe:
                    raise QboUncertain("QuickBooks did not answer, so pleodesk does not know whether it took the "
                                       "request", str(exc), "Nothing is sent again before pleodesk has looked it "
                                       "up in QuickBooks.", retryable=True,
                                       reason_type="accounting_system_unreachable") from exc
                error = (QboUncertain("QuickBooks did not answer, so pleodesk does not know whether it took the "
                                      "request", str(exc), "Nothing is sent again before pleodesk has looked it up "
                                      "in QuickBooks.", retryable=True, reason_type="accounting_system_unreachable")
                         if write else
                         QboError("QuickBooks could not be reached", str(exc),
                                  "Check the internet connection; the export tries again next time.", retryable=True,
                                  reason_type="accounting_system_unreachable"))
                raise Transient(error) from exc
            finally:
                self.pacer.release(batch)
            state.sent += 1
            self.calls += 1
            self.last_tid = resp.headers.get("intuit_tid") or self.last_tid
            status = resp.status_code
            if status < 300 or status == 400:
                return resp
            if status == 401:
                if not state.refreshed and self._force_refresh is not None:
                    state.refreshed = True
                    self._force_refresh(token)
                    raise Transient(QboAuthError(detail=_message(resp)), retry_after=0.0)
                raise QboAuthError(detail=_message(resp) or "HTTP 401")
            if status == 403:
                raise QboError("QuickBooks did not allow this request", _message(resp) or "HTTP 403",
                               "The company may have been disconnected from pleodesk, or the signed-in user lacks "
                               "the rights: reconnect to the same company as an administrator.", status=403,
                               errors=parse_fault(_json(resp))[1],
                               reason_type="accounting_system_authentication_failure")
            if status == 429:
                self.retries_429 += 1
                state.throttled += 1
                wait = retry_after_seconds(resp.headers.get("Retry-After"))
                if wait is None:
                    wait = min(self.limits.minute, self.policy.backoff(state.throttled))
                self.pacer.pause(wait)
                raise Transient(QboError("QuickBooks kept refusing requests for going too fast (HTTP 429)",
                                         _message(resp), "Try again in a few minutes.", status=429, retryable=True,
                                         reason_type="accounting_system_rate_limit"), retry_after=0.0)
            if status in (500, 502, 503, 504):
                title = ("QuickBooks is not available right now (HTTP 503)" if status == 503
                         else f"QuickBooks had an internal error (HTTP {status})")
                if not safe:
                    raise QboUncertain(title, _message(resp), "Nothing is sent again before pleodesk has looked it "
                                       "up in QuickBooks.", status=status, retryable=True,
                                       reason_type="accounting_system_unreachable")
                err_cls = QboUncertain if write else QboError
                raise Transient(err_cls(title, _message(resp), "The export tries again next time.", status=status,
                                        retryable=True, reason_type="accounting_system_unreachable"),
                                retry_after=retry_after_seconds(resp.headers.get("Retry-After")))
            raise QboError(f"QuickBooks answered HTTP {status}", _message(resp), status=status,
                           errors=parse_fault(_json(resp))[1])

        policy = self.policy
        # A throttled request waits on the pacer (the pause above), not on the retry helper; it may take
        # more turns than a failing one.
        return call_with_retries(attempt, RetryPolicy(
            max_attempts=policy.max_attempts + 8, max_elapsed=policy.max_elapsed, max_retry_after=policy.max_retry_after,
            backoff_base=policy.backoff_base, backoff_cap=policy.backoff_cap),
            what=f"quickbooks {method} {path.split('?')[0]}", sleep=self._sleep)

    # -------------------------------------------------------------------------------------------
    def get_json(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        resp = self.request("GET", path, params=params)
        data = _json(resp)
        if resp.status_code >= 300:
            _t, errors = parse_fault(data)
            raise QboError("QuickBooks refused a request", fault_text(errors) or f"HTTP {resp.status_code}",
                           status=resp.status_code, errors=errors)
        return data

    def query(self, statement: str) -> dict[str, Any]:
        """Run one query; its ``QueryResponse`` (``{}`` when nothing matched)."""
        data = self.get_json("query", {"query": statement})
        return (data or {}).get("QueryResponse") or {}

    def query_all(self, entity: str, where: str = "", *, order: str = "") -> list[dict[str, Any]]:
        """Every row of a query, page by page (at most 1000 a page)."""
        out: list[dict[str, Any]] = []
        start = 1
        while True:
            sql = f"SELECT * FROM {entity}" + (f" WHERE {where}" if where else "") + \
                  (f" ORDERBY {order}" if order else "") + f" STARTPOSITION {start} MAXRESULTS {PAGE}"
            rows = self.query(sql).get(entity) or []
            out.extend(rows)
            if len(rows) < PAGE:
                return out
            start += PAGE

    def batch(self, items: list[dict[str, Any]], request_id: str) -> tuple[httpx.Response, Any]:
        """``POST /batch`` (at most 30 items); the answer and its JSON."""
        resp = self.request("POST", "batch", json_body={"BatchItemRequest": items}, request_id=request_id, batch=True)
        return resp, _json(resp)


def _json(resp: httpx.Response) -> Any:
    try:
        return wire.loads(resp.content) if resp.content else None
    except ValueError:
        return None


def _message(resp: httpx.Response) -> str:
    data = _json(resp)
    _t, errors = parse_fault(data)
    if errors:
        return fault_text(errors)
    if isinstance(data, Mapping):
        for key in ("error_description", "error", "message"):
            if isinstance(data.get(key), str) and data[key]:
                return data[key]
    return (resp.text or "").strip()[:300]
