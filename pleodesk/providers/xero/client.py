"""HTTP to Xero: the bearer token and tenant header, pacing under Xero's limits, and Xero's errors in
plain words.

Limits (per organisation, Xero's documentation): 5 calls in progress at once, 60 calls in any minute,
5,000 calls a day. :class:`Pacer` keeps under the first two *before* sending, so a normal run never
sees a 429: a call holds one of ``concurrent`` slots while in flight and, once answered, one of
``per_minute`` tokens for a further minute, counted from the moment its answer arrived (never earlier
than Xero counted it). Pacers are shared by every client of the same organisation in this process.

When Xero still answers 429 (another app of the same user, a second computer), the client waits as
``Retry-After`` says and sends again; when the *daily* limit is used up (``X-Rate-Limit-Problem:
day``) it raises :class:`XeroDailyLimit`, which says when the limit resets, and sends nothing more for
that organisation until then.
"""

from __future__ import annotations

import collections
import logging
import random
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Mapping

import httpx

from pleodesk import __version__
from pleodesk.providers.pacing import PacerRegistry
from pleodesk.providers.base import AuthError, LedgerError
from pleodesk.providers.xero import wire

log = logging.getLogger(__name__)

#: Xero keeps Idempotency-Keys this long (seconds); a retry after that is settled by reference lookup.
IDEMPOTENCY_WINDOW = 6 * 60


# ---------------------------------------------------------------------------------- errors -----
class XeroError(LedgerError):
    """A Xero answer that is not a success. ``status`` is the HTTP status (None: no answer)."""

    def __init__(self, title: str, detail: str = "", fix: str = "", *, status: int | None = None,
                 retryable: bool = False, reason_type: str = "accounting_system_validation_failure",
                 body: Any = None) -> None:
        super().__init__(title, detail, fix, retryable=retryable, reason_type=reason_type)
        self.status = status
        self.body = body


class XeroAuthError(AuthError):
    def __init__(self, title: str, detail: str = "",
                 fix: str = "Reconnect pleodesk to the same Xero organisation (Connections > Reconnect).") -> None:
        super().__init__(title, detail, fix)


class XeroDailyLimit(XeroError):
    """Xero's daily call limit for the organisation is used up. ``resets_at``: when it frees up."""

    def __init__(self, resets_at: datetime, per_day: int) -> None:
        local = resets_at.astimezone()
        wait = max(0, int((resets_at - datetime.now(timezone.utc)).total_seconds()))
        hours, rest = divmod(wait, 3600)
        super().__init__(
            f"Xero's daily limit of {per_day:,} calls for this organisation is used up",
            f"Xero accepts calls again at {local:%Y-%m-%d %H:%M} (in {hours} h {rest // 60} min).",
            "Nothing more is sent until then; the export continues with the next run after that time.",
            status=429, retryable=False, reason_type="accounting_system_unreachable")
        self.resets_at = resets_at
        self.retry_at = resets_at


class XeroUncertain(XeroError):
    """The request may or may not have been processed (no answer came back)."""


# ---------------------------------------------------------------------------------- pacing -----
@dataclass(frozen=True)
class XeroLimits:
    per_minute: int = 60
    concurrent: int = 5
    per_day: int = 5000
    #: > 1 runs Xero's clock faster (the sandbox and benchmarks): a minute lasts 60/time_scale s.
    time_scale: float = 1.0

    @property
    def minute(self) -> float:
        return 60.0 / self.time_scale

    @classmethod
    def from_settings(cls, d: Mapping[str, Any] | None) -> "XeroLimits":
        d = d or {}
        return cls(per_minute=int(d.get("per_minute", 60)), concurrent=int(d.get("concurrent", 5)),
                   per_day=int(d.get("per_day", 5000)), time_scale=float(d.get("time_scale", 1.0)))


class Pacer:
    """At most ``concurrent`` calls in flight and ``per_minute`` in any window of a minute."""

    def __init__(self, limits: XeroLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._cond = threading.Condition()
        self._in_flight = 0
        self._recent: collections.deque[float] = collections.deque()   # answer times, oldest first
        self._paused_until = 0.0
        self.day_blocked_until: datetime | None = None
        self.calls = 0
        self.waited = 0.0

    def acquire(self) -> None:
        window = self.limits.minute
        start = self._clock()
        with self._cond:
            while True:
                now = self._clock()
                while self._recent and self._recent[0] <= now - window:
                    self._recent.popleft()
                wait = 0.0
                if now < self._paused_until:
                    wait = self._paused_until - now
                elif self._in_flight >= self.limits.concurrent:
                    wait = window          # woken by release()
                elif self._in_flight + len(self._recent) >= self.limits.per_minute:
                    if self._recent:
                        wait = self._recent[0] + window - now
                    else:
                        wait = window      # all tokens held by calls in flight: woken by release()
                else:
                    self._in_flight += 1
                    self.calls += 1
                    self.waited += now - start
                    return
                self._cond.wait(min(max(wait, 0.0005), 0.25))

    def release(self) -> None:
        with self._cond:
            self._in_flight -= 1
            self._recent.append(self._clock())
            self._cond.notify_all()

    def pause(self, seconds: float) -> None:
        """Hold every call for ``seconds`` (after a 429 with Retry-After)."""
        with self._cond:
            self._paused_until = max(self._paused_until, self._clock() + seconds)
            self._cond.notify_all()


_pacers: PacerRegistry[Pacer] = PacerRegistry(Pacer)
reset_pacers = _pacers.reset


def pacer_for(base_url: str, tenant_id: str, limits: XeroLimits) -> Pacer:
    """The process-wide pacer of one organisation (one per API host and tenant)."""
    return _pacers.get(base_url, tenant_id, limits)


# ---------------------------------------------------------------------------------- client -----
def _header_float(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _xero_message(resp: httpx.Response) -> str:
    """The human part of an error answer (JSON Message/Detail/title, problem+json detail, or text)."""
    try:
        body = wire.loads(resp.content) if resp.content else None
    except ValueError:
        text = resp.text.strip()
        return text[:300]
    if isinstance(body, dict):
        for key in ("Detail", "detail", "Message", "message", "title", "Title", "error_description", "error"):
            if isinstance(body.get(key), str) and body[key]:
                return body[key]
    return ""


class XeroClient:
    """One organisation's HTTP client. Thread-safe."""

    def __init__(self, *, tenant_id: str, token_source: Callable[[], str],
                 limits: XeroLimits = XeroLimits(),
                 force_refresh: Callable[[str], None] | None = None,
                 transport: httpx.BaseTransport | None = None,
                 event_hooks: Mapping[str, list] | None = None,
                 timeout: float = 60.0, max_attempts: int = 4,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.tenant_id = tenant_id
        self._token = token_source
        self._force_refresh = force_refresh
        self.limits = limits
        self._pacers: dict[str, Pacer] = {}
        self.max_attempts = max_attempts
        self._sleep = sleep
        self._http = httpx.Client(transport=transport, timeout=timeout,
                                  event_hooks=dict(event_hooks or {}),
                                  limits=httpx.Limits(max_connections=limits.concurrent + 2,
                                                      max_keepalive_connections=limits.concurrent + 2),
                                  headers={"User-Agent": f"pleodesk/{__version__}"})
        #: Last values of Xero's limit headers, for diagnostics and the benchmark.
        self.day_remaining: int | None = None
        self.minute_remaining: int | None = None
        self.calls = 0
        self.retries_429 = 0

    def close(self) -> None:
        self._http.close()

    def pacer(self, url: str) -> Pacer:
        host = httpx.URL(url).host or url
        p = self._pacers.get(host)
        if p is None:
            p = pacer_for(url, self.tenant_id, self.limits)
            self._pacers[host] = p
        return p

    def _backoff(self, attempt: int) -> float:
        return min(30.0, 0.5 * 2 ** (attempt - 1)) * (0.75 + random.random() / 2) / self.limits.time_scale

    # -------------------------------------------------------------------------------------------
    def request(self, method: str, url: str, *, params: Mapping[str, Any] | None = None,
                json_body: Any = None, content: bytes | None = None, content_type: str | None = None,
                idempotency_key: str | None = None, tenant: bool = True, paced: bool = True,
                ok: tuple[int, ...] = (200, 201, 202, 204),
                accept: str = "application/json") -> httpx.Response:
        """Send one call and return the answer if its status is in ``ok`` (or 400/404/409/413/422,
        which callers interpret); raise the error in plain words otherwise.

        Retries: 429 (as Retry-After says), 500/502/503/504 and lost connections with backoff, but only
        for reads and for writes that carry an Idempotency-Key, and a write only while Xero still
        remembers its key; past that the outcome is reported as uncertain (:class:`XeroUncertain`)."""
        headers = {"Accept": accept}
        if tenant:
            headers["xero-tenant-id"] = self.tenant_id
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        body = content
        if json_body is not None:
            body = wire.dumps(json_body)
            headers["Content-Type"] = "application/json"
        elif content is not None:
            headers["Content-Type"] = content_type or "application/octet-stream"
        safe_to_repeat = method in ("GET", "HEAD", "DELETE") or bool(idempotency_key)
        pacer = self.pacer(url) if paced else None
        first_sent: float | None = None
        refreshed = False
        limit_retries = 0
        attempt = 0
        while True:
            attempt += 1
            if pacer is not None:
                self._check_day(pacer)
                pacer.acquire()
            try:
                token = self._token()
            except BaseException:
                if pacer is not None:
                    pacer.release()
                raise
            headers["Authorization"] = f"Bearer {token}"
            if first_sent is None:
                first_sent = time.monotonic()
            try:
                resp = self._http.request(method, url, params=params, content=body, headers=headers)
                resp.read()
            except httpx.HTTPError as exc:
                if pacer is not None:
                    pacer.release()
                within = (time.monotonic() - first_sent) * self.limits.time_scale < IDEMPOTENCY_WINDOW - 30
                if safe_to_repeat and within and attempt < self.max_attempts:
                    log.info("xero: %s %s: %s; trying again", method, url, exc)
                    self._sleep(self._backoff(attempt))
                    continue
                if method in ("GET", "HEAD"):
                    raise XeroError("Xero could not be reached", str(exc),
                                    "Check the internet connection; the export tries again next time.",
                                    retryable=True, reason_type="accounting_system_unreachable") from exc
                raise XeroUncertain("Xero did not answer, so pleodesk does not know whether it took the request",
                                    str(exc), "Nothing is sent again before pleodesk has looked it up in Xero.",
                                    retryable=True, reason_type="accounting_system_unreachable") from exc
            if pacer is not None:
                pacer.release()
            self.calls += 1
            self._note_limits(resp)
            status = resp.status_code
            if status in ok or status in (400, 404, 409, 413, 422):
                return resp
            if status == 401:
                if not refreshed and self._force_refresh is not None:
                    refreshed = True
                    self._force_refresh(token)
                    attempt -= 1
                    continue
                detail = _xero_message(resp) or "HTTP 401"
                if "authorizationunsuccessful" in detail.lower():
                    # Signed in, but without a permission (scope) this call needs.
                    raise XeroAuthError("pleodesk's sign-in to this Xero organisation lacks a permission it needs",
                                        detail, "Reconnect pleodesk to the same Xero organisation and allow "
                                        "everything it asks for.")
                raise XeroAuthError("Xero no longer accepts pleodesk's sign-in for this organisation", detail)
            if status == 403:
                raise XeroError(
                    "Xero did not allow this request",
                    _xero_message(resp) or "HTTP 403 (forbidden)",
                    "The organisation may have been disconnected from pleodesk, or the sign-in lacks a "
                    "permission: reconnect to the same organisation and allow everything pleodesk asks for.",
                    status=403, reason_type="accounting_system_authentication_failure",
                    body=_safe_json(resp))
            if status == 412:
                raise XeroError("Xero refused the connection's security settings (HTTP 412)",
                                _xero_message(resp),
                                "Xero only accepts TLS 1.2 or newer; update the computer's operating system.",
                                status=412)
            if status == 429:
                problem = (resp.headers.get("X-Rate-Limit-Problem") or "").strip().lower()
                retry_after = _header_float(resp.headers.get("Retry-After"))
                if problem in ("day", "daily"):
                    resets = datetime.now(timezone.utc) + timedelta(seconds=retry_after or 3600)
                    if pacer is not None:
                        pacer.day_blocked_until = resets
                    raise XeroDailyLimit(resets, self.limits.per_day)
                self.retries_429 += 1
                wait = retry_after if retry_after is not None else self.limits.minute
                if pacer is not None:
                    pacer.pause(wait)
                else:
                    self._sleep(wait)
                limit_retries += 1
                if limit_retries <= 8:
                    attempt -= 1
                    continue
                raise XeroError("Xero kept refusing calls for going too fast",
                                f"limit: {problem or 'unknown'}", "Try again in a few minutes.", status=429,
                                retryable=True, reason_type="accounting_system_unreachable")
            if status in (500, 502, 503, 504):
                offline = status == 503
                retry_after = _header_float(resp.headers.get("Retry-After"))
                if safe_to_repeat and attempt < self.max_attempts:
                    self._sleep(retry_after if retry_after is not None else self._backoff(attempt))
                    continue
                title = ("Xero is not available right now, or the organisation is offline (HTTP 503)" if offline
                         else f"Xero had an internal error (HTTP {status})")
                if safe_to_repeat or method in ("GET", "HEAD"):
                    raise XeroError(title, _xero_message(resp), "The export tries again next time.",
                                    status=status, retryable=True,
                                    reason_type="accounting_system_unreachable")
                raise XeroUncertain(title, _xero_message(resp),
                                    "Nothing is sent again before pleodesk has looked it up in Xero.",
                                    status=status, retryable=True, reason_type="accounting_system_unreachable")
            raise XeroError(f"Xero answered HTTP {status}", _xero_message(resp), status=status,
                            body=_safe_json(resp))

    def _check_day(self, pacer: Pacer) -> None:
        blocked = pacer.day_blocked_until
        if blocked is not None:
            if datetime.now(timezone.utc) < blocked:
                raise XeroDailyLimit(blocked, self.limits.per_day)
            pacer.day_blocked_until = None

    def _note_limits(self, resp: httpx.Response) -> None:
        for attr, header in (("day_remaining", "X-DayLimit-Remaining"), ("minute_remaining", "X-MinLimit-Remaining")):
            v = resp.headers.get(header)
            if v is not None:
                try:
                    setattr(self, attr, int(v))
                except ValueError:
                    pass

    # -------------------------------------------------------------------------------------------
    def get_json(self, url: str, params: Mapping[str, Any] | None = None, *, tenant: bool = True,
                 paced: bool = True) -> Any:
        resp = self.request("GET", url, params=params, tenant=tenant, paced=paced)
        if resp.status_code == 404:
            raise XeroError("Xero does not know what pleodesk asked for (HTTP 404)", _xero_message(resp),
                            status=404)
        if resp.status_code >= 400:
            raise XeroError(f"Xero refused a request (HTTP {resp.status_code})", _xero_message(resp),
                            status=resp.status_code, body=_safe_json(resp))
        return wire.loads(resp.content) if resp.content else None


def _safe_json(resp: httpx.Response) -> Any:
    try:
        return wire.loads(resp.content) if resp.content else None
    except ValueError:
        return None
