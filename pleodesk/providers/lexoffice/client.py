"""HTTP to lexoffice (Lexware Office): the bearer key, pacing under its limit, retries, errors in plain words.

The limit (reference page, "API Rate Limits"): a token bucket of **2 requests a second across all
endpoints** per key; above it lexoffice answers 429 and does *not* perform the call. :class:`Pacer`
keeps a client under it before sending: one call every ``1 / per_second`` seconds plus a small margin
for jitter, shared by every client of the same key in this process. A 429 that still comes (another
program with the same key, a second computer) pauses every call of the key (``Retry-After`` when the
answer has one, else exponential backoff) and the call is sent again: a 429 was not performed.

Other failures are tried again only where that cannot book anything twice (:mod:`..retry`, on
tenacity): reads (GET), and uploads to a voucher (lexoffice recognises a file it already has by its
checksum). A write that got no answer, a 5xx or a **504** ("it is possible that your request has been
processed successfully", after 30 s) is *uncertain* (:class:`LexUncertain`): the caller looks it up
(``voucherNumber``) before anything is sent again. There is no idempotency key.

Status codes (reference page, "HTTP Status Codes"): 401 wrong, revoked or expired key (keys live 24
months); 402 the company's plan has no API access ("contract issue"); 403 the key lacks a scope; 404;
406 validation; 409 stale ``version``; 415 no Content-Type; 429; 500/503; 504.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Mapping

import httpx

from pleodesk import __version__
from pleodesk.providers.base import AuthError, LedgerError
from pleodesk.providers.pacing import PacerRegistry
from pleodesk.providers.lexoffice import wire
from pleodesk.providers.retry import RetryPolicy, Transient, call_with_retries, retry_after_seconds

log = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------- errors -----
class LexError(LedgerError):
    """An answer from lexoffice that is not a success. ``status``: HTTP status (None: no answer);
    ``body``: the parsed error body; ``keys``: its ``i18nKey``s / ``violation``s."""

    def __init__(self, title: str, detail: str = "", fix: str = "", *, status: int | None = None,
                 retryable: bool = False, reason_type: str = "accounting_system_validation_failure",
                 body: Any = None) -> None:
        super().__init__(title, detail, fix, retryable=retryable, reason_type=reason_type)
        self.status = status
        self.body = body
        self.keys = wire.issue_keys(body)


class LexAuthError(AuthError):
    """401: the key (or the partner sign-in) is not accepted any more."""


class LexUncertain(LexError):
    """A write that may or may not have been performed (no answer, 5xx, 504 after 30 s)."""


# ---------------------------------------------------------------------------------- pacing -----
@dataclass(frozen=True)
class LexLimits:
    per_second: float = 2.0
    #: Added to every interval, for the jitter between our clock and lexoffice's bucket (seconds of
    #: lexoffice time). 10 ms: 1.96 calls a second instead of 2, 2 % under the limit; a 429 that still
    #: comes is waited out.
    margin: float = 0.010
    #: > 1 runs lexoffice's clock faster (the sandbox's tests and the benchmark): a second lasts
    #: 1 / time_scale real seconds.
    time_scale: float = 1.0

    @property
    def interval(self) -> float:
        """Real seconds between two calls."""
        return (1.0 / self.per_second + self.margin) / self.time_scale

    @classmethod
    def from_settings(cls, d: Mapping[str, Any] | None) -> "LexLimits":
        d = d or {}
        return cls(per_second=float(d.get("per_second", 2.0)), margin=float(d.get("margin", 0.010)),
                   time_scale=float(d.get("time_scale", 1.0)))


class Pacer:
    """A token bucket of one token, refilled every ``limits.interval``: calls start at least that far
    apart, across threads. ``pause`` holds every call (after a 429)."""

    def __init__(self, limits: LexLimits, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.limits = limits
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next = 0.0
        self.calls = 0
        self.waited = 0.0

    def acquire(self) -> None:
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.limits.interval
            self.calls += 1
            wait = start - now
            self.waited += wait
        if wait > 0:
            self._sleep(wait)

    def pause(self, seconds: float) -> None:
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)


_pacers: PacerRegistry[Pacer] = PacerRegistry(Pacer)
reset_pacers = _pacers.reset


def pacer_for(base_url: str, key_id: str, limits: LexLimits) -> Pacer:
    """The process-wide pacer of one key (or one partner connection) on one host."""
    return _pacers.get(base_url, key_id, limits)


# ---------------------------------------------------------------------------------- client -----
def _body(resp: httpx.Response) -> Any:
    try:
        return wire.loads(resp.content) if resp.content else None
    except ValueError:
        return None


def message_of(resp: httpx.Response) -> str:
    msgs = wire.error_messages(_body(resp))
    if msgs:
        return "; ".join(msgs)[:500]
    return (resp.text or "").strip()[:300] or f"HTTP {resp.status_code}"


#: Methods and paths that may be sent again after any failure (reads; uploads deduplicated by checksum).
def _safe_to_repeat(method: str, path: str) -> bool:
    return method in ("GET", "HEAD") or (method == "POST" and path.rstrip("/").endswith("/files")
                                         and "/vouchers/" in path)


class LexofficeClient:
    """One key's (or partner connection's) HTTP client. Thread-safe."""

    def __init__(self, base_url: str, token_source: Callable[[], str], *, limits: LexLimits = LexLimits(),
                 force_refresh: Callable[[str], None] | None = None,
                 transport: httpx.BaseTransport | None = None, timeout: float = 60.0,
                 sleep: Callable[[float], None] = time.sleep, key_id: str | None = None,
                 auth_fix: str = "") -> None:
        self.base_url = base_url.rstrip("/")
        self._token = token_source
        self._force_refresh = force_refresh
        self.limits = limits
        self._sleep = sleep
        self.auth_fix = auth_fix
        # Pacing is per key: the key's hash names it (never the key itself).
        if key_id is None:
            key_id = hashlib.sha256(token_source().encode()).hexdigest()[:16]
        self.pacer = pacer_for(self.base_url, key_id, limits)
        self._http = httpx.Client(transport=transport, timeout=timeout,
                                  headers={"User-Agent": f"pleodesk/{__version__}"})
        self.policy = RetryPolicy(max_attempts=8, max_elapsed=600.0 / limits.time_scale,
                                  max_retry_after=300.0, backoff_base=0.5 / limits.time_scale,
                                  backoff_cap=30.0 / limits.time_scale)
        self.calls = 0
        self.retries_429 = 0

    def close(self) -> None:
        self._http.close()

    def url(self, path: str) -> str:
        return self.base_url + path

    # -------------------------------------------------------------------------------------------
    def request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                json_body: Any = None, files: Any = None, ok: tuple[int, ...] = (200, 201, 202, 204),
                accept: str = "application/json", passthrough: tuple[int, ...] = (400, 404, 406, 409),
                ) -> httpx.Response:
        """Send one call; return the answer when its status is in ``ok`` or ``passthrough`` (the caller
        reads those), raise a :class:`LexError` in plain words otherwise. Retries as the module says."""
        headers = {"Accept": accept}
        content = None
        if json_body is not None:
            content = wire.dumps(json_body)
            headers["Content-Type"] = "application/json"
        safe = _safe_to_repeat(method, path)
        refreshed = [False]

        def attempt() -> httpx.Response:
            self.pacer.acquire()
            token = self._token()
            headers["Authorization"] = f"Bearer {token}"
            try:
                resp = self._http.request(method, self.url(path), params=params, content=content, files=files,
                                          headers=headers)
                resp.read()
            except httpx.HTTPError as exc:
                if safe:
                    raise Transient(LexError("Lexware Office could not be reached", str(exc),
                                             "Check the internet connection; the export tries again next time.",
                                             retryable=True, reason_type="accounting_system_unreachable")) from exc
                raise LexUncertain("Lexware Office did not answer, so pleodesk does not know whether it took the "
                                   "request", str(exc), "Nothing is sent again before pleodesk has looked it up "
                                   "in Lexware Office.", retryable=True,
                                   reason_type="accounting_system_unreachable") from exc
            self.calls += 1
            status = resp.status_code
            if status in ok or status in passthrough:
                return resp
            if status == 401:
                if self._force_refresh is not None and not refreshed[0]:
                    refreshed[0] = True
                    self._force_refresh(token)
                    raise Transient(LexAuthError("Lexware Office refused the sign-in"), retry_after=0.0)
                raise LexAuthError(
                    "Lexware Office does not accept the API key any more",
                    message_of(resp) or "HTTP 401",
                    self.auth_fix or "A key may have been revoked, or it expired (keys are valid for 24 months). "
                    "In Lexware Office create a new key under Add-ons > Public API, then reconnect with it.")
            if status == 402:
                raise LexError("The Lexware Office plan of this company does not include API access (HTTP 402)",
                               message_of(resp), "Change to a plan with the Public API (Lexware Office: "
                               "Einstellungen > Vertrag), then try again.", status=402,
                               reason_type="accounting_system_authentication_failure", body=_body(resp))
            if status == 403:
                raise LexError("The API key may not do this (HTTP 403: a permission is missing)",
                               message_of(resp), "Create a new key in Lexware Office under Add-ons > Public API "
                               "with every permission pleodesk needs (vouchers, contacts, files, posting "
                               "categories, profile) and reconnect with it.", status=403,
                               reason_type="accounting_system_authentication_failure", body=_body(resp))
            if status == 429:
                self.retries_429 += 1
                wait = retry_after_seconds(resp.headers.get("Retry-After"))
                if wait is None:
                    wait = self.policy.backoff(min(self.retries_429, 6) - 1)
                self.pacer.pause(wait)
                raise Transient(LexError("Lexware Office kept refusing calls for going too fast (HTTP 429)",
                                         message_of(resp), "Another program may be using the same API key; "
                                         "the export tries again next time.", status=429, retryable=True,
                                         reason_type="accounting_system_rate_limit"), retry_after=wait)
            if status == 415:
                raise LexError("Lexware Office did not take the request's format (HTTP 415)", message_of(resp),
                               status=415, body=_body(resp))
            if status in (500, 502, 503, 504):
                title = ("Lexware Office did not finish the request in time (HTTP 504)" if status == 504 else
                         f"Lexware Office had a problem (HTTP {status})")
                if safe:
                    raise Transient(LexError(title, message_of(resp), "The export tries again next time.",
                                             status=status, retryable=True,
                                             reason_type="accounting_system_unreachable"),
                                    retry_after=retry_after_seconds(resp.headers.get("Retry-After")))
                raise LexUncertain(title, message_of(resp), "lexoffice may have taken it: nothing is sent again "
                                   "before pleodesk has looked it up in Lexware Office.", status=status,
                                   retryable=True, reason_type="accounting_system_timeout" if status == 504
                                   else "accounting_system_unreachable")
            raise LexError(f"Lexware Office answered HTTP {status}", message_of(resp), status=status,
                           body=_body(resp))

        return call_with_retries(attempt, self.policy, what=f"lexoffice {method} {path}", sleep=self._sleep)

    def get_json(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        resp = self.request("GET", path, params=params)
        if resp.status_code >= 400:
            raise LexError(f"Lexware Office refused a request (HTTP {resp.status_code})", message_of(resp),
                           status=resp.status_code, body=_body(resp))
        return wire.loads(resp.content) if resp.content else None

    def paged(self, path: str, params: Mapping[str, Any] | None = None, *, size: int = 250,
              limit_pages: int = 40):
        """Every element of a paged list (pages of at most 250; lexoffice stops at 10,000 results)."""
        page = 0
        while page < limit_pages:
            data = self.get_json(path, {**(params or {}), "page": page, "size": size})
            for item in (data or {}).get("content") or ():
                yield item
            if not data or data.get("last", True) or not data.get("content"):
                return
            page += 1


__all__ = ["LexAuthError", "LexError", "LexLimits", "LexUncertain", "LexofficeClient", "Pacer", "message_of",
           "pacer_for", "reset_pacers"]
