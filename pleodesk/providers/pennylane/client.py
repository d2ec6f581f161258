"""HTTP to Pennylane's Company API v2: the token, the 2026 behaviour, pacing under the rate limit,
cursor pagination and Pennylane's errors in plain words.

* Every call carries ``Authorization: Bearer <token>`` and ``X-Use-2026-API-Changes: true`` (the new
  behaviour, while Pennylane still serves both; after its clean-up the header changes nothing).
* Pennylane allows 25 calls per 5 seconds per token. :class:`Pacer` keeps under it *before* sending,
  shared by every client of the same token in this process: by what Pennylane's last answer said
  (``ratelimit-remaining`` calls left until ``ratelimit-reset``), and before any answer by a sliding
  window with a small margin for the time a call takes to arrive. A 429 is still honoured: the client
  waits as ``retry-after`` says and sends again (``pleodesk.providers.retry``).
* Reads, and writes Pennylane has not received (the connection failed before the request left), are
  tried again after a transient failure. A create whose answer was lost is **never** sent again here:
  Pennylane has no idempotency key and a repeated create duplicates, so the outcome is reported as
  unknown (a retryable ``LedgerError``) and the entry is looked up by its reference before anything
  is sent again.
"""

from __future__ import annotations

import collections
import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Mapping

import httpx

from pleodesk import __version__
from pleodesk.providers.base import AuthError, LedgerError
from pleodesk.providers.retry import RetryPolicy, Transient, call_with_retries, retry_after_seconds

log = logging.getLogger(__name__)

API_URL = "https://app.pennylane.com/api/external/v2"
HEADER_2026 = "X-Use-2026-API-Changes"
#: The scopes pleodesk needs since the 2026 changes (the old ``ledger`` scope no longer works with them).
REQUIRED_SCOPES = ("journals:all", "ledger_accounts:all", "ledger_entries:all", "file_attachments:all")
#: Scopes that add something when the token has them.
OPTIONAL_SCOPES = ("categories:readonly", "fiscal_years:readonly")


class PennylaneError(LedgerError):
    """An answer that is not a success; ``status`` is the HTTP status (None: no answer)."""

    def __init__(self, title: str, detail: str = "", fix: str = "", *, status: int | None = None,
                 retryable: bool = False, reason_type: str = "accounting_system_validation_failure") -> None:
        super().__init__(title, detail, fix, retryable=retryable, reason_type=reason_type)
        self.status = status


class PennylaneUncertain(PennylaneError):
    """Pennylane may or may not have done what was asked (no answer came back)."""


class PennylaneAuthError(AuthError):
    def __init__(self, title: str = "Pennylane no longer accepts the connection's API token", detail: str = "",
                 fix: str = "Make a new token in Pennylane (Settings > Connectivity > Developers) and reconnect "
                            "the connection with it.") -> None:
        super().__init__(title, detail, fix)


# ---------------------------------------------------------------------------------- pacing -----
@dataclass(frozen=True)
class Limits:
    per_window: int = 25
    window: float = 5.0
    #: Added to the window: a call is counted when it arrives, a little after it was sent.
    margin: float = 0.06

    @classmethod
    def from_settings(cls, d: Mapping[str, Any] | None) -> "Limits":
        d = d or {}
        window = float(d.get("window", 5.0))
        return cls(per_window=int(d.get("per_window", 25)), window=window,
                   margin=float(d.get("margin", 0.06 * window / 5.0)))


class Pacer:
    """Keeps a token's calls under Pennylane's limit.

    Pennylane says on every answer how many calls the token has left and when its window resets
    (``ratelimit-remaining``, ``ratelimit-reset``): while it has said so, calls go as long as some are
    left, and wait for the reset when none are (then one call goes, and its answer tells the rest). This
    uses the whole allowance whether Pennylane counts in fixed or sliding windows, also after a pause in
    pleodesk's own work. Before the first answer, or when the headers are missing, at most
    ``per_window`` calls start in any ``window + margin`` seconds."""

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time) -> None:
        self.limits = limits
        self._clock = clock
        self._wall = wall
        self._cond = threading.Condition()
        self._sent: collections.deque[float] = collections.deque()
        self._paused_until = 0.0
        self._remaining: int | None = None     # what Pennylane last said, less the calls sent since
        self._reset_at = 0.0                   # when its window resets (wall clock, as Pennylane says)
        self.calls = 0
        self.waited = 0.0

    def acquire(self) -> None:
        span = self.limits.window + self.limits.margin
        start = self._clock()
        with self._cond:
            while True:
                now = self._clock()
                while self._sent and self._sent[0] <= now - span:
                    self._sent.popleft()
                wait = 0.0
                if now < self._paused_until:
                    wait = self._paused_until - now
                elif self._remaining is not None:
                    if self._remaining > 0:
                        self._remaining -= 1
                    else:
                        left = self._reset_at - self._wall()
                        if left > 0:
                            wait = left
                        else:
                            self._remaining = None      # a new window: this call's answer tells how many
                elif len(self._sent) >= self.limits.per_window:
                    wait = self._sent[0] + span - now
                if wait <= 0:
                    self._sent.append(now)
                    self.calls += 1
                    self.waited += now - start
                    return
                self._cond.wait(min(max(wait, 0.0005), 0.25))

    def note(self, remaining: int, reset_at: float) -> None:
        """What Pennylane's answer said: ``remaining`` calls until ``reset_at`` (a Unix time)."""
        with self._cond:
            if self._remaining is None or reset_at > self._reset_at + 1e-3 or remaining < self._remaining:
                self._remaining = max(0, remaining)
            self._reset_at = max(self._reset_at, reset_at) if self._remaining == 0 else reset_at
            self._cond.notify_all()

    def pause(self, seconds: float) -> None:
        with self._cond:
            self._paused_until = max(self._paused_until, self._clock() + seconds)
            self._cond.notify_all()


_pacers: dict[tuple[str, str], Pacer] = {}
_pacers_lock = threading.Lock()


def pacer_for(base_url: str, token: str, limits: Limits) -> Pacer:
    key = (httpx.URL(base_url).host or base_url, hashlib.sha256(token.encode()).hexdigest())
    with _pacers_lock:
        p = _pacers.get(key)
        if p is None or p.limits != limits:
            p = _pacers[key] = Pacer(limits)
        return p


def reset_pacers() -> None:
    with _pacers_lock:
        _pacers.clear()


# ---------------------------------------------------------------------------------- errors -----
def error_text(resp: httpx.Response) -> str:
    """Pennylane's words: ``{"error", "status"}``, or one of the ``{"message", "field", "code"}`` shapes, or
    text (a 429's body)."""
    try:
        body = resp.json()
    except ValueError:
        return (resp.text or "").strip()[:300] or f"HTTP {resp.status_code}"
    if isinstance(body, dict):
        parts = [str(body[k]) for k in ("error", "message") if isinstance(body.get(k), str) and body[k]]
        if body.get("field"):
            parts.append(f"(field {body['field']})")
        if isinstance(body.get("details"), (dict, list)) and body["details"]:
            parts.append(json.dumps(body["details"], ensure_ascii=False)[:200])
        if parts:
            return " ".join(parts)
    return (resp.text or "").strip()[:300] or f"HTTP {resp.status_code}"


# ---------------------------------------------------------------------------------- client -----
class PennylaneClient:
    """One token's HTTP client. Thread-safe."""

    def __init__(self, base_url: str, token_source: Callable[[], str], *, limits: Limits = Limits(),
                 transport: httpx.BaseTransport | None = None, timeout: float = 60.0,
                 sleep: Callable[[float], None] = time.sleep, max_attempts: int = 6,
                 max_retry_after: float = 300.0) -> None:
        self.base = base_url.rstrip("/")
        self._token = token_source
        self.limits = limits
        self._sleep = sleep
        self.retry_policy = RetryPolicy(max_attempts=max_attempts, max_retry_after=max_retry_after,
                                        backoff_base=0.5 * limits.window / 5.0)
        self._http = httpx.Client(transport=transport, timeout=httpx.Timeout(timeout, connect=10.0),
                                  headers={"User-Agent": f"pleodesk/{__version__}", "Accept": "application/json",
                                           HEADER_2026: "true"},
                                  follow_redirects=False)
        self.calls = 0
        self.retries_429 = 0

    def close(self) -> None:
        self._http.close()

    def pacer(self) -> Pacer:
        return pacer_for(self.base, self._token(), self.limits)

    def _note_limits(self, resp: httpx.Response, pacer: Pacer) -> None:
        remaining = resp.headers.get("ratelimit-remaining")
        reset = resp.headers.get("ratelimit-reset")
        if remaining is not None and reset is not None:
            try:
                pacer.note(int(remaining), float(reset))
            except ValueError:
                pass

    def request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None, json_body: Any = None,
                files: Mapping[str, Any] | None = None, data: Mapping[str, Any] | None = None,
                safe: bool | None = None, ok: tuple[int, ...] = (200, 201, 204)) -> httpx.Response:
        """One call; the answer when its status is in ``ok``, else the error in plain words.

        ``safe``: the call may be sent again after a failure that came after Pennylane received it
        (default: reads and PUTs, which set the same values again). A POST whose answer is lost raises
        :class:`PennylaneUncertain`."""
        url = self.base + path
        if safe is None:
            safe = method in ("GET", "HEAD", "PUT")
        what = f"Pennylane {method} {path}"

        def attempt() -> httpx.Response:
            token = self._token()
            pacer = pacer_for(self.base, token, self.limits)
            pacer.acquire()
            headers = {"Authorization": f"Bearer {token}"}
            try:
                resp = self._http.request(method, url, params=params, json=json_body, files=files, data=data,
                                          headers=headers)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                # Nothing reached Pennylane: any call may go again.
                raise Transient(PennylaneError(
                    "Pennylane could not be reached", str(exc) or type(exc).__name__,
                    "Check the internet connection; the export goes on where it stopped.", retryable=True,
                    reason_type="accounting_system_unreachable")) from exc
            except httpx.TransportError as exc:
                if safe:
                    raise Transient(PennylaneError(
                        "Pennylane did not answer", str(exc) or type(exc).__name__,
                        "Check the internet connection; the export goes on where it stopped.", retryable=True,
                        reason_type="accounting_system_unreachable")) from exc
                raise PennylaneUncertain(
                    "Pennylane did not answer, so pleodesk does not know whether it took the request",
                    str(exc) or type(exc).__name__,
                    "Nothing is sent again before pleodesk has looked it up in Pennylane; the next export does "
                    "that.", retryable=True, reason_type="accounting_system_unreachable") from exc
            self.calls += 1
            self._note_limits(resp, pacer)
            status = resp.status_code
            if status == 429:
                self.retries_429 += 1
                wait = retry_after_seconds(resp.headers.get("retry-after"))
                if wait is None:
                    wait = self.limits.window
                pacer.pause(wait)
                # Refused before anything was done: sending it again is safe, also for a create.
                raise Transient(PennylaneError(
                    "Pennylane kept refusing calls for going too fast (HTTP 429)", error_text(resp),
                    "Try again in a few minutes; the export goes on where it stopped.", status=429,
                    retryable=True, reason_type="accounting_system_rate_limit"), wait)
            if status >= 500:
                err_cls = PennylaneError if safe else PennylaneUncertain
                err = err_cls(f"Pennylane had a server error (HTTP {status})", error_text(resp),
                              "Try again later; the export goes on where it stopped." if safe else
                              "Nothing is sent again before pleodesk has looked it up in Pennylane.",
                              status=status, retryable=True, reason_type="accounting_system_unreachable")
                if safe or status == 503:      # 503: not processed (Pennylane is down or in maintenance)
                    raise Transient(err, retry_after_seconds(resp.headers.get("retry-after")))
                raise err
            return resp

        resp = call_with_retries(attempt, self.retry_policy, what=what, sleep=self._sleep)
        if resp.status_code in ok:
            return resp
        self._raise_for(resp, method, path)
        raise AssertionError("unreachable")

    def _raise_for(self, resp: httpx.Response, method: str, path: str) -> None:
        status = resp.status_code
        detail = error_text(resp)
        if status == 401:
            raise PennylaneAuthError(detail=detail)
        if status == 403:
            raise PennylaneError(
                "Pennylane did not allow this request: the API token lacks a permission", detail,
                "Make a token with the permissions pleodesk asks for (journals, ledger accounts, ledger entries and "
                "file attachments: read and write) in Settings > Connectivity > Developers, and reconnect with it.",
                status=403, reason_type="accounting_system_authentication_failure")
        if status == 404:
            raise PennylaneError("Pennylane does not know what pleodesk asked for (HTTP 404)", detail, status=404)
        if status in (400, 422):
            raise PennylaneError(f"Pennylane refused the request (HTTP {status})", detail, _fix_for(detail),
                                 status=status)
        raise PennylaneError(f"Pennylane answered HTTP {status}", detail, status=status)

    # --------------------------------------------------------------------------------------------
    def get(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.request("GET", path, params=params).json()

    def post(self, path: str, body: Any) -> Any:
        return self.request("POST", path, json_body=body, ok=(200, 201)).json()

    def put(self, path: str, body: Any) -> Any:
        return self.request("PUT", path, json_body=body).json()

    def pages(self, path: str, params: Mapping[str, Any] | None = None, limit: int = 100) -> Iterator[dict]:
        """Every item of a cursor-paginated list (``items``, ``has_more``, ``next_cursor``); the filter and
        sort are sent again with every page, as Pennylane asks."""
        query = dict(params or {})
        query["limit"] = limit
        cursor = None
        while True:
            if cursor:
                query["cursor"] = cursor
            data = self.get(path, query)
            yield from data.get("items") or ()
            cursor = data.get("next_cursor")
            if not data.get("has_more") or not cursor:
                return


def filter_param(*conditions: tuple[str, str, Any]) -> str:
    """``filter`` as Pennylane reads it: a JSON array of ``{field, operator, value}``."""
    return json.dumps([{"field": f, "operator": op, "value": v} for f, op, v in conditions], separators=(",", ":"))


def _fix_for(detail: str) -> str:
    text = detail.lower()
    if "fiscal year" in text or "exercice" in text or "closed" in text or "frozen" in text:
        return ("The entry's date is in a fiscal year Pennylane has closed: reopen the year in Pennylane, or book "
                "this expense by hand in an open year.")
    if "ledger account" in text or "ledger_account" in text:
        return ("Map the category to a ledger account that exists in Pennylane (read the chart again in the "
                "connection's settings), then export again.")
    if "journal" in text:
        return "Choose the Pleo journal again in the connection settings (it may have been deleted in Pennylane)."
    if "balance" in text or "balanced" in text:
        return "This is a bug in the posting rules; report it with the expense."
    return "Fix the cause in Pennylane or in the mappings, then export again."
