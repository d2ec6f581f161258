"""When background work is due: the export queue, the bank feed and the administrations' syncs.

Qt-free and clock-free: every function takes ``now`` (an aware datetime) and returns what to do, so
the rules are tested without a timer. The desktop app's scheduler (``pleodesk.ui.scheduler``) asks
these functions what is due, runs it on the connection's worker and persists the times with
``Store.set_schedule_state``.

Three kinds of work, each with its own key in the store's scheduler state (``schedule_key``):

``queue``  Pleo's export queue, every N minutes (default 5). ``last_run_at`` = when it last ran.
``feed``   the bank feed, at 08:00 and 13:00 UTC (always computed in UTC, so it does not move when
           the user's clock changes for daylight saving). ``next_run_at`` = the next feed moment.
``sync``   an administration's scheduled sync: daily or monthly periods from a start date to an
           optional end date, each due a delay of 0-14 days after the period has ended, run
           automatically or only by hand. ``next_run_at`` = 00:00 UTC on the first day not yet synced.
           A period's days are booking dates (the dates Pleo shows), like the months of "Export a month".

A run that starts more than ``GRACE`` after it was due (the app was closed, the computer slept) is a
*catch-up* run and is recorded with the trigger ``catch_up``; the rest are ``scheduled``. Missed
moments are caught up with one run, never one per missed moment: every run takes everything that is
waiting.

Clock changes: the wall clock as it is now is taken to be right. A stored time that lies in the future
(the clock was set back since it was stored, or ran ahead when it was) is treated as "now": the queue
counts its interval from now, the feed waits for the next feed moment after now (never longer), and
periods synced before they were due by the clock of now are synced again when they fall due. The
caller persists such a correction as soon as it sees it (``decide_feed``'s ``next_at``,
``corrected_sync_start``), so it still holds once the clock has passed the stored time. Intervals
within a session are measured on a monotonic clock by the caller (``pleodesk.ui.scheduler``).
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Mapping

from pleodesk.core import clock

UTC = timezone.utc

#: Bank-feed moments, in UTC, as Pleo's own integrations push them.
FEED_TIMES_UTC = (time(8, 0), time(13, 0))
#: A run that starts later than this after its due time is a catch-up run.
GRACE = timedelta(minutes=2)
#: Longest delay an administration may wait after a period ends before syncing it.
MAX_DELAY_DAYS = 14
DEFAULT_QUEUE_MINUTES = 5
MIN_QUEUE_MINUTES = 1
MAX_QUEUE_MINUTES = 1440
#: A scheduled sync runs at this UTC time on its due day (period end + delay).
SYNC_AT_UTC = time(1, 0)
FREQUENCIES = ("daily", "monthly")

SCHEDULED = "scheduled"
CATCH_UP = "catch_up"


def schedule_key(conn_id: int, job: str) -> str:
    """The store key of a connection's job (``conn:<id>:<job>``; deleting the connection removes it)."""
    if job not in ("queue", "feed", "sync"):
        raise ValueError(f"unknown scheduled job {job!r}")
    return f"conn:{int(conn_id)}:{job}"


def _aware(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        raise ValueError("scheduling needs timezone-aware datetimes")
    return dt.astimezone(UTC)


def trigger_for(due: datetime, now: datetime, grace: timedelta = GRACE) -> str:
    """``scheduled`` when ``now`` is within ``grace`` of ``due``, else ``catch_up``."""
    return CATCH_UP if _aware(now) - _aware(due) > grace else SCHEDULED


@dataclass(frozen=True)
class Decision:
    """What to do now for one job: run it (with ``trigger``), or not, and when to look again."""

    run: bool
    trigger: str | None = None
    due_at: datetime | None = None      # when the run that is due now was due
    next_at: datetime | None = None     # when it will next be due if it does not run now
    skip_reason: str | None = None      # why it does not run although it would be due


# ------------------------------------------------------------------------------ export queue ----
def decide_queue(interval_minutes: int, last_run: datetime | None, now: datetime, *,
                 grace: timedelta = GRACE) -> Decision:
    """The export queue is due ``interval_minutes`` after its last run; at once if it never ran. A last
    run in the future (the clock was set back since) counts as a run now."""
    now = _aware(now)
    interval = timedelta(minutes=clamp_interval(interval_minutes))
    if last_run is None:
        return Decision(True, SCHEDULED, now, now)
    due = min(_aware(last_run), now) + interval
    if due <= now:
        # Overdue by more than an interval (plus grace): the app was closed or asleep.
        trig = CATCH_UP if now - due > max(grace, interval) else SCHEDULED
        return Decision(True, trig, due, due)
    return Decision(False, None, None, due)


def clamp_interval(minutes: Any) -> int:
    try:
        m = int(minutes)
    except (TypeError, ValueError):
        return DEFAULT_QUEUE_MINUTES
    return max(MIN_QUEUE_MINUTES, min(MAX_QUEUE_MINUTES, m))


# ------------------------------------------------------------------------------ bank feed -------
def next_feed_time(after: datetime) -> datetime:
    """The first feed moment strictly after ``after`` (08:00 or 13:00 UTC)."""
    after = _aware(after)
    d = after.date()
    for day in range(3):
        for t in FEED_TIMES_UTC:
            moment = datetime.combine(d + timedelta(days=day), t, tzinfo=UTC)
            if moment > after:
                return moment
    raise AssertionError("unreachable")


def feed_times_between(start: datetime, end: datetime) -> list[datetime]:
    """Feed moments in ``(start, end]``."""
    out = []
    t = next_feed_time(start)
    end = _aware(end)
    while t <= end:
        out.append(t)
        t = next_feed_time(t)
    return out


def decide_feed(enabled: bool, next_run: datetime | None, now: datetime, *,
                grace: timedelta = GRACE) -> Decision:
    """The feed runs at each feed moment. ``next_run``: the persisted next moment (None: never
    planned; ``next_at`` is then the first moment after ``now``, which the caller persists as the plan,
    see :func:`first_feed_plan`). One catch-up run covers any number of missed moments. A planned
    moment later than the next one after ``now`` was planned by a clock that was ahead: the next
    moment after ``now`` counts instead."""
    now = _aware(now)
    if not enabled:
        return Decision(False, None, None, None, skip_reason="bank feed is off")
    if next_run is None:
        return Decision(False, None, None, first_feed_plan(now))
    next_run = min(_aware(next_run), next_feed_time(now))
    if next_run <= now:
        return Decision(True, trigger_for(next_run, now, grace), next_run, next_feed_time(now))
    return Decision(False, None, None, next_run)


def first_feed_plan(now: datetime) -> datetime:
    """The first feed moment of a connection whose feed has never been planned: the next one after
    ``now`` (persist it, so the moment is kept, and caught up if the app is closed by then)."""
    return next_feed_time(now)


def local_feed_times(tz, day: date | None = None) -> list[tuple[time, time]]:
    """The feed moments of ``day`` (default today) as (UTC, local) pairs in the time zone ``tz``."""
    day = day or clock.today()
    out = []
    for t in FEED_TIMES_UTC:
        moment = datetime.combine(day, t, tzinfo=UTC)
        out.append((t, moment.astimezone(tz).time()))
    return out


# ------------------------------------------------------------------------------ syncs -----------
class ScheduleError(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    """A closed range of calendar days, ``start`` to ``end`` inclusive: the booking dates of the expenses
    it syncs (the date Pleo shows, ``model.booking_date``; the engine widens its search of Pleo by the
    largest time zone offset and keeps the expenses by that date)."""

    start: date
    end: date

    @property
    def label(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        first = self.start.replace(day=1)
        last = self.start.replace(day=calendar.monthrange(self.start.year, self.start.month)[1])
        if self.start == first and self.end == last:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def bounds(self) -> tuple[datetime, datetime]:
        """(first second, last second) of the period's days, as the engine's month bounds are: the engine
        exports the expenses whose booking date is from the first's date to the last's."""
        return (datetime.combine(self.start, time(0, 0), tzinfo=UTC),
                datetime.combine(self.end, time(23, 59, 59), tzinfo=UTC))

    @property
    def month(self) -> str | None:
        """``YYYY-MM`` when the period lies within one month."""
        if (self.start.year, self.start.month) == (self.end.year, self.end.month):
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return None


@dataclass(frozen=True)
class SyncSchedule:
    """An administration's scheduled sync: one export per period (a day or a month)."""

    frequency: str = "monthly"            # daily | monthly
    start: date = field(default_factory=lambda: clock.today().replace(day=1))
    end: date | None = None               # the last day synced; None: no end
    delay_days: int = 0                   # wait this many days after a period ends (0-14)
    automatic: bool = True                # False: only synced by hand
    enabled: bool = True

    def problems(self) -> list[str]:
        out = []
        if self.frequency not in FREQUENCIES:
            out.append(f"frequency must be daily or monthly, not {self.frequency!r}")
        if not 0 <= self.delay_days <= MAX_DELAY_DAYS:
            out.append(f"the delay must be between 0 and {MAX_DELAY_DAYS} days")
        if self.end is not None and self.end < self.start:
            out.append("the end date is before the start date")
        return out

    def validate(self) -> "SyncSchedule":
        probs = self.problems()
        if probs:
            raise ScheduleError("; ".join(probs))
        return self

    # --- storage (connection settings["schedule"]) -------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"frequency": self.frequency, "start": self.start.isoformat(),
                "end": self.end.isoformat() if self.end else None, "delay_days": self.delay_days,
                "automatic": self.automatic, "enabled": self.enabled}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> "SyncSchedule | None":
        """None for no schedule; ScheduleError for a malformed one."""
        if not d:
            return None
        try:
            return cls(frequency=str(d.get("frequency", "monthly")),
                       start=date.fromisoformat(str(d["start"])),
                       end=date.fromisoformat(str(d["end"])) if d.get("end") else None,
                       delay_days=int(d.get("delay_days", 0)),
                       automatic=bool(d.get("automatic", True)),
                       enabled=bool(d.get("enabled", True))).validate()
        except (KeyError, ValueError, TypeError) as exc:
            raise ScheduleError(f"the stored schedule cannot be read: {exc}") from None


def period_starting(schedule: SyncSchedule, first_day: date) -> Period | None:
    """The schedule's period that starts on ``first_day`` (clipped to the end date); None past the end."""
    if schedule.end is not None and first_day > schedule.end:
        return None
    if schedule.frequency == "daily":
        last = first_day
    else:
        last = first_day.replace(day=calendar.monthrange(first_day.year, first_day.month)[1])
    if schedule.end is not None and last > schedule.end:
        last = schedule.end
    return Period(first_day, last)


def due_time(schedule: SyncSchedule, period: Period) -> datetime:
    """When a period may be synced: ``SYNC_AT_UTC`` on the day after it ends, plus the delay."""
    return datetime.combine(period.end + timedelta(days=1 + schedule.delay_days), SYNC_AT_UTC, tzinfo=UTC)


def period_containing(schedule: SyncSchedule, day: date) -> Period:
    """The schedule's period that holds ``day`` (not before the schedule's start, clipped to its end)."""
    first = day if schedule.frequency == "daily" else day.replace(day=1)
    first = max(first, schedule.start)
    p = period_starting(schedule, first)
    return p if p is not None else Period(first, day)


def first_unsynced(schedule: SyncSchedule, next_start: datetime | date | None,
                   now: datetime | None = None) -> date:
    """The first day not yet synced: the persisted one, never before the schedule's start. With ``now``:
    periods before it that are not due yet by the clock of ``now`` (they were synced while the clock
    was ahead) count as not synced."""
    if next_start is None:
        return schedule.start
    d = next_start.astimezone(UTC).date() if isinstance(next_start, datetime) else next_start
    d = max(d, schedule.start)
    if now is not None:
        now = _aware(now)
        while d > schedule.start:
            before = period_containing(schedule, d - timedelta(days=1))
            if due_time(schedule, before) <= now:
                break
            d = before.start
    return d


def corrected_sync_start(schedule: SyncSchedule | None, next_start: datetime | date | None,
                         now: datetime) -> datetime | None:
    """The ``next_run_at`` to persist when periods before ``next_start`` are not due yet by the clock of
    ``now`` (they were synced while the clock was ahead), so they are synced again when they fall due
    even after the clock has passed them; None when nothing needs correcting."""
    if schedule is None or next_start is None:
        return None
    stored = first_unsynced(schedule, next_start)
    right = first_unsynced(schedule, next_start, now)
    if right >= stored:
        return None
    return datetime.combine(right, time(0, 0), tzinfo=UTC)


def due_periods(schedule: SyncSchedule, next_start: datetime | date | None, now: datetime,
                limit: int = 400) -> list[Period]:
    """Every period from the first unsynced day whose due time has passed, oldest first."""
    now = _aware(now)
    out: list[Period] = []
    day = first_unsynced(schedule, next_start, now)
    while len(out) < limit:
        p = period_starting(schedule, day)
        if p is None or due_time(schedule, p) > now:
            break
        out.append(p)
        day = p.end + timedelta(days=1)
    return out


def next_period(schedule: SyncSchedule, next_start: datetime | date | None,
                now: datetime | None = None) -> Period | None:
    return period_starting(schedule, first_unsynced(schedule, next_start, now))


@dataclass(frozen=True)
class SyncDecision:
    run: bool
    periods: tuple[Period, ...] = ()
    trigger: str | None = None
    next_at: datetime | None = None     # when the next period falls due (None: the schedule ended)
    due_at: datetime | None = None      # run: when the first of ``periods`` fell due
    skip_reason: str | None = None
    waiting: tuple[Period, ...] = ()    # manual-only: periods ready for a manual sync


def decide_sync(schedule: SyncSchedule | None, next_start: datetime | date | None, now: datetime, *,
                grace: timedelta = GRACE) -> SyncDecision:
    """Which periods to sync now. Several missed periods are synced in one (catch-up) run."""
    now = _aware(now)
    if schedule is None or not schedule.enabled:
        return SyncDecision(False, skip_reason="no schedule")
    periods = tuple(due_periods(schedule, next_start, now))
    upcoming = (period_starting(schedule, periods[-1].end + timedelta(days=1)) if periods
                else next_period(schedule, next_start, now))
    next_at = due_time(schedule, upcoming) if upcoming is not None else None
    if not periods:
        if upcoming is None:
            return SyncDecision(False, skip_reason="the schedule has ended", next_at=None)
        return SyncDecision(False, next_at=next_at)
    if not schedule.automatic:
        return SyncDecision(False, skip_reason="manual only", waiting=periods, next_at=next_at)
    first_due = due_time(schedule, periods[0])
    trig = CATCH_UP if len(periods) > 1 else trigger_for(first_due, now, grace)
    return SyncDecision(True, periods, trig, next_at=next_at, due_at=first_due)


def after_sync(periods: tuple[Period, ...] | list[Period]) -> datetime:
    """What to persist as ``next_run_at`` once ``periods`` are synced: the day after the last."""
    last = max(p.end for p in periods)
    return datetime.combine(last + timedelta(days=1), time(0, 0), tzinfo=UTC)


def periods_in(schedule: SyncSchedule, start: date, end: date) -> list[Period]:
    """The schedule's periods covering ``start``..``end`` (for a manual sync of a chosen range)."""
    out = []
    day = max(start, schedule.start)
    while day <= end:
        p = period_starting(schedule, day)
        if p is None:
            break
        if p.end > end:
            p = Period(p.start, end)
        out.append(p)
        day = p.end + timedelta(days=1)
    return out


# ------------------------------------------------------------------------------ sleep -----------
def woke_from_sleep(prev_wall: datetime, wall: datetime, prev_mono: float, mono: float,
                    tolerance: timedelta = timedelta(minutes=2)) -> bool:
    """Whether the wall clock ran ahead of the monotonic clock (which stops while the computer
    sleeps) by more than ``tolerance`` between two checks, or jumped backwards by as much."""
    wall_delta = (_aware(wall) - _aware(prev_wall)).total_seconds()
    mono_delta = mono - prev_mono
    return abs(wall_delta - mono_delta) > tolerance.total_seconds()


def timer_delay_ms(until: datetime, now: datetime, *, cap: timedelta = timedelta(minutes=1)) -> int:
    """Milliseconds for a single-shot timer to ``until``: never negative, at most ``cap`` (so sleep
    and clock changes are noticed, and QTimer's 32-bit limit is never reached)."""
    delta = _aware(until) - _aware(now)
    delta = max(timedelta(0), min(delta, cap))
    return math.ceil(delta / timedelta(milliseconds=1))      # never early: a timer woken early finds nothing due
