"""Trying a call again after a transient failure, the same way for every service (built on tenacity).

A call is written as one attempt that either returns, raises the error it should end with, or raises
:class:`Transient` (the attempt failed in a way another try may fix; it carries the error to raise
when no try is left, and the server's ``Retry-After`` when it sent one). :func:`call_with_retries`
runs attempts until one returns or a limit is reached:

* at most ``max_attempts`` attempts;
* waits: the server's ``Retry-After`` when given, otherwise exponential backoff with jitter;
* never a wait longer than ``max_retry_after`` (the error is raised at once: the caller says when to
  come back), and no wait that would end more than ``max_elapsed`` seconds after the first attempt.

Which failures are transient is the caller's decision, per call: reads and writes the protocol makes
safe to repeat may be tried again after any failure; a write whose outcome is unknown never is.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from dataclasses import dataclass
from datetime import timezone
from typing import Callable, TypeVar

import tenacity

log = logging.getLogger(__name__)

T = TypeVar("T")


class Transient(Exception):
    """One attempt failed, and another may succeed. ``error``: what to raise when no try is left;
    ``retry_after``: the seconds the server asked us to wait (None: it did not say)."""

    def __init__(self, error: BaseException, retry_after: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after


@dataclass(frozen=True)
class RetryPolicy:
    """The limits of one service's retries. ``backoff``: seconds before retry ``n`` (0-based) when the
    server gave no ``Retry-After``."""

    max_attempts: int = 6
    max_elapsed: float = 600.0
    max_retry_after: float = 300.0
    backoff_base: float = 0.5
    backoff_cap: float = 30.0
    jitter: Callable[[], float] = random.random

    def backoff(self, retry: int) -> float:
        """Exponential backoff with equal jitter: between half and all of base * 2**retry (capped)."""
        delay = min(self.backoff_cap, self.backoff_base * (2 ** retry))
        return delay / 2 + self.jitter() * delay / 2


def retry_after_seconds(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """``Retry-After`` as seconds: a number of seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if seconds == seconds else None     # NaN: unreadable
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - now())


def _transient(state: tenacity.RetryCallState) -> Transient:
    exc = state.outcome.exception() if state.outcome is not None else None
    assert isinstance(exc, Transient)
    return exc


def call_with_retries(attempt: Callable[[], T], policy: RetryPolicy, *, what: str = "call",
                      sleep: Callable[[float], None] = time.sleep,
                      clock: Callable[[], float] = time.monotonic) -> T:
    """Run ``attempt()`` until it returns; after a :class:`Transient` wait and try again within
    ``policy``'s limits, then raise the transient's ``error``. Any other exception ends at once.
    ``sleep`` and ``clock`` are injectable (tests record the waits instead of waiting)."""
    started = clock()

    def wait(state: tenacity.RetryCallState) -> float:
        exc = _transient(state)
        if exc.retry_after is not None:
            return exc.retry_after
        return policy.backoff(state.attempt_number - 1)

    def server_asks_too_long(state: tenacity.RetryCallState) -> bool:
        exc = _transient(state)
        return exc.retry_after is not None and exc.retry_after > policy.max_retry_after

    def over_budget(state: tenacity.RetryCallState) -> bool:
        return clock() - started + state.upcoming_sleep > policy.max_elapsed

    def give_up(state: tenacity.RetryCallState) -> T:
        raise _transient(state).error

    def before_sleep(state: tenacity.RetryCallState) -> None:
        exc = _transient(state)
        delay = state.next_action.sleep if state.next_action is not None else 0.0
        log.info("%s: %s; trying again in %.1f s (attempt %d of %d)", what, exc, delay,
                 state.attempt_number + 1, policy.max_attempts)

    retrying = tenacity.Retrying(
        sleep=sleep,
        retry=tenacity.retry_if_exception_type(Transient),
        wait=wait,
        stop=(tenacity.stop_after_attempt(max(1, policy.max_attempts))
              | over_budget
              | server_asks_too_long),
        before_sleep=before_sleep,
        retry_error_callback=give_up,
    )
    return retrying(attempt)
