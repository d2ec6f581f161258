"""The clock pleodesk decides dates by: which months the demo company has, a schedule's first day and
its due periods, the month "Export a month" offers, the times recorded in the store.

Qt-free. Everything that asks "what day is it?" asks this module, never ``datetime.now()`` or
``date.today()`` directly, so one seam moves all of it: tests run it from a fixed moment (and the
suite passes on any day it runs), the demo can show a chosen day.

The clock keeps ticking when it is set: :func:`set_now` moves it to a moment and lets it run on from
there, so durations and the order of recorded times stay real. Intervals (timeouts, rate limits,
back-off) are not dates and keep using ``time.monotonic()``.
"""

from __future__ import annotations

import contextlib
import threading
from datetime import date, datetime, timedelta, timezone
from typing import Iterator

UTC = timezone.utc

_lock = threading.Lock()
_offset = timedelta(0)          # added to the system clock


def now() -> datetime:
    """The current moment, timezone-aware, in UTC."""
    return datetime.now(UTC) + _offset


def today() -> date:
    """The current UTC calendar day (what month bounds, schedules and the demo data count in)."""
    return now().date()


def local_now() -> datetime:
    """The current moment in this computer's time zone (aware)."""
    return now().astimezone()


def local_today() -> date:
    """The current calendar day in this computer's time zone (what a date picker starts on)."""
    return local_now().date()


def set_now(moment: datetime | date | None) -> None:
    """Run the clock from ``moment`` on (a date: its 12:00 UTC; a naive datetime: taken as UTC).
    ``None`` puts it back on the system clock."""
    global _offset
    with _lock:
        if moment is None:
            _offset = timedelta(0)
            return
        if not isinstance(moment, datetime):
            moment = datetime(moment.year, moment.month, moment.day, 12, tzinfo=UTC)
        elif moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        _offset = moment - datetime.now(UTC)


def is_set() -> bool:
    """Whether the clock runs off the system clock (set by :func:`set_now`)."""
    return _offset != timedelta(0)


@contextlib.contextmanager
def running_from(moment: datetime | date) -> Iterator[None]:
    """``with running_from(datetime(2026, 8, 31, 23, 0, tzinfo=UTC)):`` the clock runs from that
    moment inside the block, and is put back as it was after it."""
    global _offset
    saved = _offset
    set_now(moment)
    try:
        yield
    finally:
        with _lock:
            _offset = saved
