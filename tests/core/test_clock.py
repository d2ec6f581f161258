"""pleodesk's clock (``pleodesk.core.clock``): one seam for "what day is it", set in tests, ticking on."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

from pleodesk.core import clock
from pleodesk.core import schedule as sch
from pleodesk.sandbox.server import SandboxConfig

UTC = timezone.utc


def test_the_tests_run_on_a_fixed_moment(pinned_clock):
    assert abs(clock.now() - pinned_clock) < timedelta(seconds=5)
    assert clock.today() == pinned_clock.date()
    assert clock.now().tzinfo is UTC


def test_a_set_clock_keeps_ticking(clock_at):
    clock_at(datetime(2028, 2, 29, 23, 59, 59, 800_000, tzinfo=UTC))
    first = clock.now()
    time.sleep(0.3)
    second = clock.now()
    assert timedelta(seconds=0.25) < second - first < timedelta(seconds=5)
    assert second.date() == date(2028, 3, 1)          # past midnight: a new day, a new month


def test_running_from_puts_the_clock_back():
    before = clock.today()
    with clock.running_from(date(2027, 1, 1)):
        assert clock.today() == date(2027, 1, 1)
        assert clock.now().hour == 12                 # a date means its noon (UTC)
    assert clock.today() == before


def test_naive_moments_are_utc_and_local_today_follows(clock_at):
    clock_at(datetime(2026, 12, 31, 12, 0))
    assert clock.now().tzinfo is UTC and clock.now().date() == date(2026, 12, 31)
    assert clock.local_today() == clock.local_now().date() == clock.now().astimezone().date()


def test_back_on_the_system_clock():
    try:
        clock.set_now(None)
        assert not clock.is_set()
        assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)
    finally:
        clock.set_now(datetime(2026, 11, 20, 10, 0, tzinfo=UTC))


def test_the_demo_company_has_the_three_months_before_its_today(clock_at):
    assert SandboxConfig(today=date(2027, 1, 1)).resolved_months() == ["2026-10", "2026-11", "2026-12"]
    assert SandboxConfig(today=date(2028, 3, 31)).resolved_months() == ["2027-12", "2028-01", "2028-02"]
    clock_at(datetime(2028, 2, 29, 23, 0, tzinfo=UTC))
    assert SandboxConfig().resolved_months() == ["2027-11", "2027-12", "2028-01"]
    assert SandboxConfig(months=["2025-05"]).resolved_months() == ["2025-05"]


def test_what_the_app_offers_follows_the_clock(clock_at):
    from pleodesk.ui.views.export_tab import recent_months
    from pleodesk.ui.wizard.pages import last_full_month

    clock_at(datetime(2027, 1, 1, 0, 30, tzinfo=UTC))
    assert last_full_month() == "2026-12"
    assert recent_months(3) == ["2027-01", "2026-12", "2026-11"]
    assert sch.SyncSchedule().start == date(2027, 1, 1)
    clock_at(datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
    assert last_full_month() == "2026-11"
    assert sch.SyncSchedule().start == date(2026, 12, 1)
