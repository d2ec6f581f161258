"""The scheduler's rules, without Qt and without a clock: every case passes ``now``."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from pleodesk.core import schedule as sch
from pleodesk.core.schedule import Period, SyncSchedule

UTC = timezone.utc
AMS = ZoneInfo("Europe/Amsterdam")


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# ------------------------------------------------------------------------------ queue -----------
def test_queue_runs_at_once_when_it_never_ran():
    d = sch.decide_queue(5, None, utc(2026, 5, 1, 10, 0))
    assert d.run and d.trigger == "scheduled"


def test_queue_next_run_is_last_run_plus_interval():
    last = utc(2026, 5, 1, 10, 0)
    d = sch.decide_queue(5, last, utc(2026, 5, 1, 10, 3))
    assert not d.run and d.next_at == utc(2026, 5, 1, 10, 5)
    d = sch.decide_queue(5, last, utc(2026, 5, 1, 10, 5, 30))
    assert d.run and d.trigger == "scheduled" and d.due_at == utc(2026, 5, 1, 10, 5)


def test_queue_after_a_night_closed_is_one_catch_up_run():
    d = sch.decide_queue(5, utc(2026, 5, 1, 18, 0), utc(2026, 5, 2, 8, 30))
    assert d.run and d.trigger == "catch_up"


@pytest.mark.parametrize("given, used", [(0, 1), (-3, 1), (5, 5), (99999, 1440), ("x", 5), (None, 5)])
def test_queue_interval_is_clamped(given, used):
    assert sch.clamp_interval(given) == used


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        sch.decide_queue(5, datetime(2026, 5, 1, 10, 0), utc(2026, 5, 1, 10, 0))


# ------------------------------------------------------------------------------ feed ------------
@pytest.mark.parametrize("after, expected", [
    (utc(2026, 5, 1, 7, 59), utc(2026, 5, 1, 8, 0)),
    (utc(2026, 5, 1, 8, 0), utc(2026, 5, 1, 13, 0)),      # strictly after
    (utc(2026, 5, 1, 12, 0), utc(2026, 5, 1, 13, 0)),
    (utc(2026, 5, 1, 13, 0), utc(2026, 5, 2, 8, 0)),
    (utc(2026, 12, 31, 23, 0), utc(2027, 1, 1, 8, 0)),
])
def test_next_feed_time(after, expected):
    assert sch.next_feed_time(after) == expected


def test_feed_times_are_utc_across_daylight_saving():
    # Amsterdam moves its clocks on 2026-03-29 and 2026-10-25; the feed stays at 08:00/13:00 UTC.
    before = datetime(2026, 3, 28, 9, 30, tzinfo=AMS)     # 08:30 UTC (CET, UTC+1)
    after = datetime(2026, 3, 30, 9, 30, tzinfo=AMS)      # 07:30 UTC (CEST, UTC+2)
    assert sch.next_feed_time(before) == utc(2026, 3, 28, 13, 0)
    assert sch.next_feed_time(after) == utc(2026, 3, 30, 8, 0)
    assert sch.next_feed_time(after).astimezone(AMS).time() == time(10, 0)
    winter = sch.local_feed_times(AMS, date(2026, 1, 15))
    summer = sch.local_feed_times(AMS, date(2026, 7, 15))
    assert winter == [(time(8, 0), time(9, 0)), (time(13, 0), time(14, 0))]
    assert summer == [(time(8, 0), time(10, 0)), (time(13, 0), time(15, 0))]
    # The night the clocks go back: exactly two feed moments that UTC day.
    assert sch.feed_times_between(utc(2026, 10, 25, 0, 0), utc(2026, 10, 26, 0, 0)) == [
        utc(2026, 10, 25, 8, 0), utc(2026, 10, 25, 13, 0)]


def test_feed_first_plan_runs_nothing_yet():
    d = sch.decide_feed(True, None, utc(2026, 5, 1, 9, 0))
    assert not d.run and d.next_at == utc(2026, 5, 1, 13, 0)


def test_feed_due_on_time_and_caught_up_once_after_sleep():
    d = sch.decide_feed(True, utc(2026, 5, 1, 13, 0), utc(2026, 5, 1, 13, 0, 30))
    assert d.run and d.trigger == "scheduled" and d.next_at == utc(2026, 5, 2, 8, 0)
    # The laptop slept over three feed moments: one catch-up run, next plan after now.
    d = sch.decide_feed(True, utc(2026, 5, 1, 13, 0), utc(2026, 5, 2, 15, 10))
    assert d.run and d.trigger == "catch_up" and d.next_at == utc(2026, 5, 3, 8, 0)
    assert len(sch.feed_times_between(utc(2026, 5, 1, 12, 0), utc(2026, 5, 2, 15, 10))) == 3


def test_feed_off_is_a_skip_with_a_reason():
    d = sch.decide_feed(False, utc(2026, 5, 1, 13, 0), utc(2026, 5, 1, 14, 0))
    assert not d.run and d.skip_reason == "bank feed is off"


# ------------------------------------------------------------------------------ syncs -----------
def test_monthly_periods_and_delay():
    s = SyncSchedule("monthly", start=date(2026, 1, 1), delay_days=3)
    p = sch.period_starting(s, date(2026, 2, 1))
    assert p == Period(date(2026, 2, 1), date(2026, 2, 28)) and p.label == "2026-02" and p.month == "2026-02"
    assert sch.due_time(s, p) == utc(2026, 3, 4, 1, 0)        # 1 March + 3 days, at 01:00 UTC
    d = sch.decide_sync(s, date(2026, 2, 1), utc(2026, 3, 4, 0, 59))
    assert not d.run and d.next_at == utc(2026, 3, 4, 1, 0)
    d = sch.decide_sync(s, date(2026, 2, 1), utc(2026, 3, 4, 1, 0))
    assert d.run and d.periods == (p,) and d.trigger == "scheduled"
    assert sch.after_sync(d.periods) == utc(2026, 3, 1)


def test_daily_periods_with_zero_delay():
    s = SyncSchedule("daily", start=date(2026, 5, 1))
    d = sch.decide_sync(s, None, utc(2026, 5, 2, 1, 0, 30))
    assert d.run and d.periods == (Period(date(2026, 5, 1), date(2026, 5, 1)),)
    assert d.periods[0].label == "2026-05-01"
    assert d.next_at == utc(2026, 5, 3, 1, 0)


def test_missed_periods_are_caught_up_in_one_run():
    s = SyncSchedule("daily", start=date(2026, 5, 1), delay_days=2)
    d = sch.decide_sync(s, date(2026, 5, 1), utc(2026, 5, 10, 12, 0))
    assert d.run and d.trigger == "catch_up"
    assert [p.start.day for p in d.periods] == [1, 2, 3, 4, 5, 6, 7]     # day 7 due 10 May 01:00
    assert d.next_at == utc(2026, 5, 11, 1, 0)


def test_a_late_single_period_is_catch_up():
    s = SyncSchedule("monthly", start=date(2026, 4, 1))
    d = sch.decide_sync(s, None, utc(2026, 5, 3, 9, 0))
    assert d.run and d.trigger == "catch_up" and d.periods[0].label == "2026-04"


def test_end_date_clips_the_last_period_and_stops():
    s = SyncSchedule("monthly", start=date(2026, 1, 15), end=date(2026, 3, 10))
    d = sch.decide_sync(s, None, utc(2026, 6, 1))
    assert [p.label for p in d.periods] == ["2026-01-15..2026-01-31", "2026-02", "2026-03-01..2026-03-10"]
    assert d.next_at is None
    after = sch.after_sync(d.periods)
    d2 = sch.decide_sync(s, after, utc(2026, 7, 1))
    assert not d2.run and d2.skip_reason == "the schedule has ended"


def test_manual_only_never_runs_but_says_what_waits():
    s = SyncSchedule("monthly", start=date(2026, 1, 1), automatic=False)
    d = sch.decide_sync(s, None, utc(2026, 3, 15))
    assert not d.run and d.skip_reason == "manual only"
    assert [p.label for p in d.waiting] == ["2026-01", "2026-02"]


def test_start_date_wins_over_an_older_persisted_day():
    s = SyncSchedule("daily", start=date(2026, 5, 10))
    assert sch.first_unsynced(s, utc(2026, 5, 1)) == date(2026, 5, 10)


@pytest.mark.parametrize("kwargs, problem", [
    ({"frequency": "weekly"}, "frequency"),
    ({"delay_days": 15}, "delay"),
    ({"delay_days": -1}, "delay"),
    ({"end": date(2025, 1, 1)}, "end date"),
])
def test_schedule_validation(kwargs, problem):
    s = SyncSchedule(start=date(2026, 1, 1), **kwargs)
    assert any(problem in p for p in s.problems())
    with pytest.raises(sch.ScheduleError):
        s.validate()


def test_schedule_round_trip_and_bad_stored_data():
    s = SyncSchedule("daily", start=date(2026, 1, 1), end=date(2026, 12, 31), delay_days=14, automatic=False)
    assert SyncSchedule.from_dict(s.to_dict()) == s
    assert SyncSchedule.from_dict(None) is None
    with pytest.raises(sch.ScheduleError):
        SyncSchedule.from_dict({"start": "not a date"})


def test_periods_in_a_manual_range():
    s = SyncSchedule("monthly", start=date(2026, 1, 1))
    got = sch.periods_in(s, date(2026, 1, 20), date(2026, 3, 5))
    assert [p.label for p in got] == ["2026-01-20..2026-01-31", "2026-02", "2026-03-01..2026-03-05"]


# ------------------------------------------------------------------------------ clocks ----------
def test_sleep_is_seen_as_a_wall_clock_gap():
    t0 = utc(2026, 5, 1, 10, 0)
    assert not sch.woke_from_sleep(t0, t0 + timedelta(seconds=60), 100.0, 160.5)
    assert sch.woke_from_sleep(t0, t0 + timedelta(hours=3), 100.0, 160.0)
    assert sch.woke_from_sleep(t0, t0 - timedelta(hours=1), 100.0, 160.0)     # clock set back


def test_timer_delay_is_capped_and_never_negative():
    now = utc(2026, 5, 1, 10, 0)
    assert sch.timer_delay_ms(now - timedelta(minutes=5), now) == 0
    assert sch.timer_delay_ms(now + timedelta(seconds=20), now) == 20_000
    assert sch.timer_delay_ms(now + timedelta(days=40), now) == 60_000


def test_schedule_keys():
    assert sch.schedule_key(7, "feed") == "conn:7:feed"
    with pytest.raises(ValueError):
        sch.schedule_key(7, "weekly")


def test_module_has_no_qt():
    import subprocess
    import sys

    code = "import sys, pleodesk.core.schedule; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------------------------ clock changes ---
def test_a_queue_run_stored_in_the_future_counts_as_now():
    """The clock was set back 3 hours after the queue ran: it is due an interval from now, not in
    3 hours and 5 minutes."""
    now = utc(2026, 5, 1, 7, 2)
    d = sch.decide_queue(5, utc(2026, 5, 1, 10, 0), now)
    assert not d.run and d.next_at == now + timedelta(minutes=5)


def test_a_feed_planned_by_a_clock_that_ran_ahead_waits_for_the_next_moment_only():
    """The clock was a day ahead when the feed ran (it planned day 2, 13:00); set right on day 1 at
    10:06, the feed runs at 13:00 that day, not a day later."""
    d = sch.decide_feed(True, utc(2026, 5, 2, 13, 0), utc(2026, 5, 1, 10, 6))
    assert not d.run and d.next_at == utc(2026, 5, 1, 13, 0)
    # the caller persists that plan; at 13:00 the feed is due
    d = sch.decide_feed(True, d.next_at, utc(2026, 5, 1, 13, 0, 20))
    assert d.run and d.trigger == "scheduled" and d.due_at == utc(2026, 5, 1, 13, 0)


def test_a_never_planned_feed_gets_the_next_moment_as_its_plan():
    assert sch.first_feed_plan(utc(2026, 5, 1, 7, 0)) == utc(2026, 5, 1, 8, 0)
    d = sch.decide_feed(True, None, utc(2026, 5, 1, 7, 0))
    assert not d.run and d.next_at == utc(2026, 5, 1, 8, 0)


def test_periods_synced_while_the_clock_was_ahead_are_synced_again_when_due():
    """A daily sync ran for 1 May while the clock said 2 May 10:00; set back to 1 May 10:06, 1 May is
    not synced yet: it is due again at 2 May 01:00. A month synced early likewise."""
    daily = SyncSchedule("daily", start=date(2026, 4, 1))
    assert sch.first_unsynced(daily, utc(2026, 5, 2), utc(2026, 5, 1, 10, 6)) == date(2026, 5, 1)
    d = sch.decide_sync(daily, utc(2026, 5, 2), utc(2026, 5, 1, 10, 6))
    assert not d.run and d.next_at == utc(2026, 5, 2, 1, 0)
    # the caller persists the correction; at 01:00 the day is due again
    fixed = sch.corrected_sync_start(daily, utc(2026, 5, 2), utc(2026, 5, 1, 10, 6))
    assert fixed == utc(2026, 5, 1)
    d = sch.decide_sync(daily, fixed, utc(2026, 5, 2, 1, 0, 30))
    assert d.run and [p.label for p in d.periods] == ["2026-05-01"] and d.due_at == utc(2026, 5, 2, 1, 0)
    # clock right: nothing moves
    assert sch.first_unsynced(daily, utc(2026, 5, 2), utc(2026, 5, 2, 9, 0)) == date(2026, 5, 2)
    assert sch.corrected_sync_start(daily, utc(2026, 5, 2), utc(2026, 5, 2, 9, 0)) is None
    assert sch.corrected_sync_start(daily, None, utc(2026, 5, 2, 9, 0)) is None
    monthly = SyncSchedule("monthly", start=date(2026, 1, 15), delay_days=5)
    assert sch.first_unsynced(monthly, utc(2026, 5, 1), utc(2026, 5, 3)) == date(2026, 4, 1)
    assert sch.first_unsynced(monthly, utc(2026, 5, 1), utc(2026, 5, 6, 1)) == date(2026, 5, 1)
    assert sch.first_unsynced(monthly, utc(2026, 2, 1), utc(2025, 1, 1)) == date(2026, 1, 15)   # never before start


def test_a_due_sync_says_when_it_fell_due():
    s = SyncSchedule("monthly", start=date(2026, 1, 1), delay_days=2)
    d = sch.decide_sync(s, None, utc(2026, 3, 10))
    assert d.run and d.due_at == utc(2026, 2, 3, 1, 0) and d.trigger == "catch_up"


def test_timer_delay_is_never_short():
    now = utc(2026, 5, 1, 10, 0)
    assert sch.timer_delay_ms(now + timedelta(microseconds=1500), now) == 2
