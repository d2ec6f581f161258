"""Fault knobs for tests and benchmarks: rate limits, injected errors, dropped connections, slowness.

One :class:`Faults` object per sandbox (``sandbox.faults``), applied by a WSGI middleware around
every mounted application except the ``/_sandbox`` controls. Thread-safe. Per request, in order:

1. ``slow(seconds)``: wait before answering;
2. ``inject(...)``: the next ``count`` matching requests fail (FIFO over the injections that match);
3. ``rate_limit(...)``: a sliding window; over the limit the answer is 429 with ``Retry-After``;
4. ``error_rate(...)``: a seeded random share of requests fail.

A 429/500/503 answer has a JSON body ``{"type", "message"}`` (Pleo's ``ExceptionInfo`` shape). ``drop``
closes the connection without answering; ``timeout`` waits ``timeout_seconds`` first, then drops.

The same knobs are served over HTTP at ``/_sandbox/faults`` (for the CLI and demo mode; not part of any
emulated API)::

    GET  /_sandbox/faults                 current knobs and counters
    POST /_sandbox/faults/rate-limit      {"perMinute": 60, "timeScale": 1.0, "pathPrefix": null}
    POST /_sandbox/faults/inject          {"pathPrefix": "/pleo/v3", "fault": "503", "count": 1, "method": null,
                                           "retryAfter": null}
    POST /_sandbox/faults/error-rate      {"rate": 0.1, "status": 503, "seed": 0, "pathPrefix": null}
    POST /_sandbox/faults/slow            {"seconds": 0.2}
    POST /_sandbox/faults/timeout-seconds {"seconds": 5}
    POST /_sandbox/faults/clear
"""

from __future__ import annotations

import collections
import json
import math
import random
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable

FAULT_KINDS = ("503", "500", "429", "drop", "timeout")

_CONTROL_PREFIX = "/_sandbox"


class DropConnection(Exception):
    """Raised by a WSGI app (or the fault middleware) to close the connection without an answer."""


@dataclass
class _Injection:
    path_prefix: str
    fault: str
    remaining: int
    method: str | None
    retry_after: int | None = None

    def matches(self, method: str, path: str) -> bool:
        return self.remaining > 0 and path.startswith(self.path_prefix) and \
            (self.method is None or self.method == method)


class _Window:
    """Sliding-window log: at most ``per_minute`` accepted requests in any window of 60/time_scale s."""

    def __init__(self, per_minute: int, time_scale: float, path_prefix: str | None):
        self.per_minute = per_minute
        self.time_scale = time_scale
        self.window = 60.0 / time_scale
        self.path_prefix = path_prefix
        self.hits: collections.deque[float] = collections.deque()

    def check(self, now: float) -> float | None:
        """None if accepted (and counted); else the real seconds until a slot frees up."""
        while self.hits and self.hits[0] <= now - self.window:
            self.hits.popleft()
        if len(self.hits) < self.per_minute:
            self.hits.append(now)
            return None
        return max(0.0, self.hits[0] + self.window - now)


def _json_answer(start_response: Callable, status: str, body: dict, headers: list | None = None) -> list[bytes]:
    data = json.dumps(body, separators=(",", ":")).encode()
    start_response(status, [("Content-Type", "application/json;charset=UTF-8"),
                            ("Content-Length", str(len(data)))] + list(headers or []))
    return [data]


_STATUS = {
    "429": ("429 Too Many Requests", "TOO_MANY_REQUESTS", "Too many requests: slow down and retry later."),
    "500": ("500 Internal Server Error", "INTERNAL_SERVER_ERROR", "An unexpected error occurred."),
    "503": ("503 Service Unavailable", "SERVICE_UNAVAILABLE", "Service temporarily unavailable; retry later."),
}


def _status_answer(code: int) -> tuple[str, str, str]:
    if str(code) in _STATUS:
        return _STATUS[str(code)]
    return f"{code} Error", "ERROR", f"Injected error {code}."


class Faults:
    """The knobs. Every method is thread-safe and takes effect on the next request."""

    def __init__(self, timeout_seconds: float = 30.0):
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.timeout_seconds = float(timeout_seconds)
        self._injections: list[_Injection] = []
        self._windows: dict[str | None, _Window] = {}
        self._error_rate: tuple[float, int, random.Random, str | None] | None = None
        self._slow = 0.0
        self.stats: collections.Counter[str] = collections.Counter()

    # ----------------------------------------------------------------------------- knobs ------
    def rate_limit(self, per_minute: int, time_scale: float = 1.0, path_prefix: str | None = None) -> None:
        """At most ``per_minute`` requests per sliding minute; a "minute" lasts ``60 / time_scale`` s.

        Over the limit: 429 with ``Retry-After`` = whole real seconds until a slot frees (at least 1).
        ``path_prefix`` limits only paths under it (e.g. ``"/pleo"``); None: every emulator. One limit per
        prefix: calling again with the same prefix replaces it.
        """
        if int(per_minute) < 1:
            raise ValueError("per_minute must be at least 1 (use clear() to remove limits)")
        if time_scale <= 0:
            raise ValueError("time_scale must be positive")
        with self._lock:
            self._windows[path_prefix] = _Window(int(per_minute), float(time_scale), path_prefix)

    def inject(self, path_prefix: str, fault: str, count: int = 1, method: str | None = None,
               retry_after: int | None = None) -> None:
        """The next ``count`` requests whose path starts with ``path_prefix`` (full path, e.g.
        ``"/pleo/v3/export-items"``; the query string is not matched) and, if given, whose method is
        ``method`` fail with ``fault``: ``"503"``, ``"500"``, ``"429"``, ``"drop"`` or ``"timeout"``.
        ``retry_after``: the ``Retry-After`` seconds a 429 or 503 answer carries (a 429 says 1 by default)."""
        fault = str(fault)
        if fault not in FAULT_KINDS:
            raise ValueError(f"fault must be one of {', '.join(FAULT_KINDS)}, not {fault!r}")
        if int(count) < 1:
            raise ValueError("count must be at least 1")
        if retry_after is not None and int(retry_after) < 0:
            raise ValueError("retry_after must not be negative")
        with self._lock:
            self._injections.append(_Injection(path_prefix, fault, int(count), method.upper() if method else None,
                                               None if retry_after is None else int(retry_after)))

    def error_rate(self, rate: float, status: int = 503, seed: int = 0, path_prefix: str | None = None) -> None:
        """Fail a random share ``rate`` (0..1) of requests with ``status``; the draws are seeded."""
        if not 0.0 <= rate <= 1.0:
            raise ValueError("rate must be between 0 and 1")
        with self._lock:
            self._error_rate = (float(rate), int(status), random.Random(seed), path_prefix) if rate > 0 else None

    def slow(self, seconds: float) -> None:
        """Delay every answer by ``seconds`` (0 turns it off)."""
        if seconds < 0:
            raise ValueError("seconds must not be negative")
        with self._lock:
            self._slow = float(seconds)

    def clear(self) -> None:
        """Remove every knob (counters in ``stats`` are kept)."""
        with self._lock:
            self._injections.clear()
            self._windows.clear()
            self._error_rate = None
            self._slow = 0.0

    def pending_injections(self) -> int:
        with self._lock:
            return sum(i.remaining for i in self._injections)

    def describe(self) -> dict[str, Any]:
        with self._lock:
            return {
                "slowSeconds": self._slow,
                "timeoutSeconds": self.timeout_seconds,
                "injections": [{"pathPrefix": i.path_prefix, "fault": i.fault, "remaining": i.remaining,
                                "method": i.method, "retryAfter": i.retry_after}
                               for i in self._injections if i.remaining > 0],
                "rateLimits": [{"pathPrefix": w.path_prefix, "perMinute": w.per_minute, "timeScale": w.time_scale}
                               for w in self._windows.values()],
                "errorRate": None if self._error_rate is None else
                {"rate": self._error_rate[0], "status": self._error_rate[1], "pathPrefix": self._error_rate[3]},
                "stats": dict(self.stats),
            }

    def shutdown(self) -> None:
        """Wake every request that is sleeping in a fault (the sandbox is stopping)."""
        self._stop.set()

    # ------------------------------------------------------------------------ middleware ------
    def _decide(self, method: str, path: str) -> tuple[float, str | None, float | None]:
        """(delay, fault or None, Retry-After seconds: the rate limit's wait or the injection's)."""
        with self._lock:
            delay = self._slow
            for inj in self._injections:
                if inj.matches(method, path):
                    inj.remaining -= 1
                    self._injections = [i for i in self._injections if i.remaining > 0]
                    self.stats["injected_" + inj.fault] += 1
                    return delay, inj.fault, inj.retry_after
            now = time.monotonic()
            for prefix, window in self._windows.items():
                if prefix is not None and not path.startswith(prefix):
                    continue
                wait = window.check(now)
                if wait is not None:
                    self.stats["rate_limited"] += 1
                    return delay, "429", wait
            if self._error_rate is not None:
                rate, status, rng, prefix = self._error_rate
                if (prefix is None or path.startswith(prefix)) and rng.random() < rate:
                    self.stats[f"random_{status}"] += 1
                    return delay, str(status), None
            return delay, None, None

    def middleware(self, app: Callable) -> Callable:
        """Wrap a WSGI app (the sandbox's dispatcher) so that every request passes the knobs."""

        def faulted(environ: dict, start_response: Callable) -> Iterable[bytes]:
            path = environ.get("PATH_INFO") or "/"
            if path == _CONTROL_PREFIX or path.startswith(_CONTROL_PREFIX + "/"):
                return app(environ, start_response)
            method = (environ.get("REQUEST_METHOD") or "GET").upper()
            delay, fault, retry_after = self._decide(method, path)
            if delay > 0:
                self._stop.wait(delay)
            if fault is None:
                return app(environ, start_response)
            if fault == "drop":
                raise DropConnection()
            if fault == "timeout":
                self._stop.wait(self.timeout_seconds)
                raise DropConnection()
            status, type_, message = _status_answer(int(fault))
            headers = []
            if fault == "429":
                seconds = 1 if retry_after is None else max(1, math.ceil(retry_after))
                headers.append(("Retry-After", str(seconds)))
                if retry_after is not None:
                    message = "Rate limit exceeded; retry after the Retry-After delay."
            elif fault == "503" and retry_after is not None:
                headers.append(("Retry-After", str(math.ceil(retry_after))))
            return _json_answer(start_response, status, {"type": type_, "message": message}, headers)

        return faulted


class FaultsAdminApp:
    """``/_sandbox/faults``: the knobs over HTTP (see the module docstring)."""

    def __init__(self, faults: Faults):
        self.faults = faults

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = (environ.get("REQUEST_METHOD") or "GET").upper()
        path = (environ.get("PATH_INFO") or "/").rstrip("/") or "/"
        if path == "/":
            if method != "GET":
                return _json_answer(start_response, "405 Method Not Allowed",
                                    {"type": "METHOD_NOT_ALLOWED", "message": "GET only"}, [("Allow", "GET")])
            return _json_answer(start_response, "200 OK", self.faults.describe())
        actions = {"/rate-limit", "/inject", "/error-rate", "/slow", "/timeout-seconds", "/clear"}
        if path not in actions:
            return _json_answer(start_response, "404 Not Found",
                                {"type": "NOT_FOUND", "message": f"no fault control at {path}"})
        if method != "POST":
            return _json_answer(start_response, "405 Method Not Allowed",
                                {"type": "METHOD_NOT_ALLOWED", "message": "POST only"}, [("Allow", "POST")])
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            raw = environ["wsgi.input"].read(length) if length else b""
            body = json.loads(raw) if raw.strip() else {}
            if not isinstance(body, dict):
                raise ValueError("the body must be a JSON object")
            f = self.faults
            if path == "/rate-limit":
                f.rate_limit(int(body["perMinute"]), float(body.get("timeScale", 1.0)), body.get("pathPrefix"))
            elif path == "/inject":
                f.inject(str(body["pathPrefix"]), str(body["fault"]), int(body.get("count", 1)), body.get("method"),
                         None if body.get("retryAfter") is None else int(body["retryAfter"]))
            elif path == "/error-rate":
                f.error_rate(float(body["rate"]), int(body.get("status", 503)), int(body.get("seed", 0)),
                             body.get("pathPrefix"))
            elif path == "/slow":
                f.slow(float(body["seconds"]))
            elif path == "/timeout-seconds":
                seconds = float(body["seconds"])
                if seconds < 0:
                    raise ValueError("seconds must not be negative")
                f.timeout_seconds = seconds
            else:
                f.clear()
        except KeyError as exc:
            return _json_answer(start_response, "400 Bad Request",
                                {"type": "BAD_REQUEST", "message": f"{exc.args[0]}: required field is missing"})
        except (ValueError, TypeError) as exc:
            return _json_answer(start_response, "400 Bad Request", {"type": "BAD_REQUEST", "message": str(exc)})
        return _json_answer(start_response, "200 OK", self.faults.describe())


# ---------------------------------------------------------------- the next calls' faults -------
@dataclass
class _NextCallFault:
    method: str | None
    path_contains: str
    mode: str
    count: int


class NextCallFaults:
    """What an emulator's ``fail_next`` asks for: the next ``count`` API calls whose path contains
    ``path_contains`` (and whose method is ``method``, if given) fail with ``mode``, which the emulator
    plays (``drop_before``, ``drop_after``, ``500``...). The oldest matching rule is used first.
    Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[_NextCallFault] = []

    def add(self, path_contains: str, mode: str, *, method: str | None = None, count: int = 1) -> None:
        with self._lock:
            self._rules.append(_NextCallFault(method, path_contains, mode, count))

    def take(self, method: str, path: str) -> str | None:
        """The mode of the rule this call meets (one fewer left of it), or None."""
        with self._lock:
            for rule in self._rules:
                if rule.count > 0 and rule.path_contains in path and (rule.method is None or rule.method == method):
                    rule.count -= 1
                    self._rules = [r for r in self._rules if r.count > 0]
                    return rule.mode
        return None

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()
