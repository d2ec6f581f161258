"""The real scheduler over simulated days: the app's context, its worker threads and the sandbox, on an
injected wall clock and monotonic clock. The test does what the timer would: it lets the jobs end,
reads how long the scheduler chose to sleep, moves both clocks on by that much and calls ``check``.
Clock changes move the wall clock only. Every run is counted: each one that falls due happens once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlparse

import pytest

from pleodesk.core import schedule as sch
from pleodesk.ui.scheduler import RETRY_AFTER_FAILURE

from .helpers import WAIT_MS

UTC = timezone.utc


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


class SimClock:
    """A wall clock and a monotonic clock that move only when the test says so."""

    def __init__(self, start: datetime) -> None:
        self.wall = start
        self.mono = 50_000.0

    def now(self) -> datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def run(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds

    def set_wall(self, wall: datetime) -> None:
        """Someone (or NTP) changed the clock: the monotonic clock does not move."""
        self.wall = wall


@dataclass
class Run:
    conn_id: int
    kind: str
    trigger: str
    wall: datetime            # the wall clock when it was handed to the worker
    mono: float
    status: str = ""
    periods: tuple = ()


@pytest.fixture
def sim():
    return SimClock(utc(2031, 3, 31, 0, 0))


@pytest.fixture
def ctx(qapp, store, sandbox, sim):
    """The app's context with its scheduler on the simulated clocks (not started: the test does)."""
    from pleodesk.ui.context import AppContext

    c = AppContext(store, scheduler=False, clock=sim.now, mono=sim.monotonic)
    yield c
    c.shutdown()


class Driver:
    def __init__(self, qtbot, ctx, sim: SimClock) -> None:
        self.qtbot = qtbot
        self.ctx = ctx
        self.sim = sim
        self.sched = ctx.scheduler
        self.runs: list[Run] = []
        self._open: dict[tuple[int, str], Run] = {}
        self.sched.dispatched.connect(self._dispatched)
        ctx.hub.run_finished.connect(self._finished)

    def _dispatched(self, cid: int, kind: str, trigger: str) -> None:
        run = Run(cid, kind, trigger, self.sim.wall, self.sim.mono)
        self.runs.append(run)
        self._open[(cid, kind)] = run

    def _finished(self, cid: int, result) -> None:
        run = self._open.pop((cid, result.job.kind), None)
        if run is not None:
            run.status = result.status
            run.periods = tuple(tuple(p) for p in result.job.params.get("periods", ()))

    def start(self) -> None:
        self.sched.start()
        self._settle()

    def _settle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.sched.in_flight(), timeout=WAIT_MS)

    def step(self) -> int:
        """One timer period: returns how long the scheduler slept (ms)."""
        self._settle()
        timer = self.sched._timer
        assert timer.isActive(), "the scheduler always re-arms its timer"
        ms = timer.interval()
        timer.stop()                  # the test fires it, on the simulated clock
        self.sim.run(ms / 1000)
        self.sched.check()
        return ms

    def run_until(self, wall: datetime) -> None:
        while self.sim.wall < wall:
            self.step()
        self._settle()

    def of(self, cid: int, kind: str) -> list[Run]:
        return [r for r in self.runs if r.conn_id == cid and r.kind == kind]


def _connection(store, sandbox, tmp_path, name: str, **settings):
    from pleodesk.demo import demo_plan
    from pleodesk.setup_file import apply_plan

    conn = apply_plan(store, demo_plan(sandbox, tmp_path / name, name=name))
    return store.update_connection(conn.id, settings=settings)


def _schedule(frequency: str, start: date, end: date | None = None, delay: int = 0, automatic: bool = True):
    return sch.SyncSchedule(frequency, start=start, end=end, delay_days=delay, automatic=automatic).to_dict()


def _one_day(d: str) -> tuple[str, str]:
    return (d, d)


def _near(wall: datetime, expected: datetime) -> bool:
    """Within the minute after ``expected`` (the timer notices a changed clock within a minute)."""
    return expected <= wall <= expected + timedelta(minutes=1)


# ------------------------------------------------------------------------------ several days ---
@pytest.fixture
def other_companies():
    """Three more Pleo companies (sandboxes of their own): pleodesk allows one active connection per
    Pleo company, as Pleo has one accounting integration per company."""
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox

    boxes = [start_sandbox(SandboxConfig(seed=seed, expenses_per_month=20, months=["2031-03"]))
             for seed in (11, 12, 13)]
    yield boxes
    for sb in boxes:
        sb.stop()


def test_every_due_run_happens_once_over_days_with_the_clock_changed_both_ways(qtbot, ctx, sandbox, sim, tmp_path,
                                                                                other_companies):
    """Three and a half days, four connections: the export queue every 2 hours and the bank feed at
    08:00 and 13:00 UTC (a new connection: never planned before), a daily sync with an end date, a
    monthly sync with a delay, a manual-only sync, a daily sync with a delay and an end date. On day 1
    at 18:30 the clock is set back 3 hours; on day 2 at 10:00 it runs 24 hours ahead for 6 minutes and
    is then set right."""
    store = ctx.store
    daily = _connection(store, sandbox, tmp_path, "Daily", queue_interval_minutes=120, bank_feed=True,
                        schedule=_schedule("daily", date(2031, 3, 28), end=date(2031, 4, 1)))
    second, third, fourth = other_companies
    monthly = _connection(store, second, tmp_path, "Monthly", queue_interval_minutes=720, bank_feed=False,
                          schedule=_schedule("monthly", date(2031, 3, 1), delay=2))
    manual = _connection(store, third, tmp_path, "Manual", queue_interval_minutes=1440, bank_feed=False,
                         schedule=_schedule("daily", date(2031, 3, 29), automatic=False))
    delayed = _connection(store, fourth, tmp_path, "Delayed", queue_interval_minutes=1440, bank_feed=False,
                          schedule=_schedule("daily", date(2031, 3, 29), end=date(2031, 3, 31), delay=1))

    drv = Driver(qtbot, ctx, sim)
    # the settings page before the first check: two days of the daily sync are due (it raised)
    assert drv.sched.next_runs(daily.id)["sync"] == utc(2031, 3, 29, 1, 0)
    drv.start()
    first = drv.sched.next_runs(daily.id)                       # what the settings page shows
    assert first["feed"] == utc(2031, 3, 31, 8, 0), "a new connection's first feed is the next feed moment"
    assert store.get_schedule_state(sch.schedule_key(daily.id, "feed"))[1] == utc(2031, 3, 31, 8, 0)
    assert first["sync"] == utc(2031, 3, 31, 1, 0)

    drv.run_until(utc(2031, 3, 31, 18, 30))
    sim.set_wall(sim.wall - timedelta(hours=3))                 # set back 3 hours
    drv.run_until(utc(2031, 4, 1, 10, 0))
    ahead_at = sim.mono
    sim.set_wall(sim.wall + timedelta(hours=24))                # 24 hours ahead...
    while sim.mono < ahead_at + 6 * 60:
        drv.step()
    sim.set_wall(sim.wall - timedelta(hours=24))                # ...for 6 minutes, then set right
    drv.run_until(utc(2031, 4, 3, 12, 0))
    while_ahead = lambda r: ahead_at < r.mono <= ahead_at + 7 * 60  # noqa: E731

    # --- the bank feed: every feed moment once, plus one catch-up while the clock was ahead
    feeds = [(r.wall, r.trigger) for r in drv.of(daily.id, "feed")]
    ahead = [(r.wall, r.trigger) for r in drv.of(daily.id, "feed") if while_ahead(r)]
    assert len(ahead) == 1 and ahead[0][1] == "catch_up" and _near(ahead[0][0], utc(2031, 4, 2, 10))
    moments = [utc(2031, 3, 31, 8), utc(2031, 3, 31, 13),
               utc(2031, 4, 1, 8), utc(2031, 4, 1, 13), utc(2031, 4, 2, 8), utc(2031, 4, 2, 13),
               utc(2031, 4, 3, 8)]
    on_time = [(w, t) for w, t in feeds if t != "catch_up"]
    assert [w.replace(second=0, microsecond=0) for w, _ in on_time] == moments
    assert all(t == "scheduled" and w - m < timedelta(seconds=2) for (w, t), m in zip(on_time, moments))
    feed_runs = [r for r in store.list_runs(daily.id, limit=500) if r.kind == "feed"]
    assert len(feed_runs) == len(feeds) == 8 and all(r.status == "ok" for r in feed_runs)

    # --- the export queue: every 2 hours on the monotonic clock, never later; one catch-up when
    # the clock jumped ahead; no 3-hour delay, no 24-hour stall
    queue = drv.of(daily.id, "queue")
    gaps = [round((b.mono - a.mono) / 60) for a, b in zip(queue, queue[1:])]
    assert max(gaps) == 120, gaps
    assert len([g for g in gaps if g != 120]) == 1, gaps
    assert [r.trigger for r in queue].count("catch_up") == 1 and [while_ahead(r) for r in queue].count(True) == 1
    hours = (sim.mono - queue[0].mono) / 3600
    assert len(queue) in (int(hours) // 2 + 1, int(hours) // 2 + 2)   # + the catch-up
    assert all(r.status in ("ok", "skipped") for r in queue)         # nothing waits in Pleo's queue

    # --- the daily sync with an end date: two missed days caught up in one run, then each day once;
    # the day synced while the clock was ahead is synced again when it is really due
    syncs = drv.of(daily.id, "sync")
    assert while_ahead(syncs[3]) and not any(while_ahead(r) for r in syncs[:3] + syncs[4:])
    assert [(r.trigger, r.periods) for r in syncs] == [
        ("catch_up", (_one_day("2031-03-28"), _one_day("2031-03-29"))),
        ("scheduled", (_one_day("2031-03-30"),)),
        ("scheduled", (_one_day("2031-03-31"),)),
        ("catch_up", (_one_day("2031-04-01"),)),                # the clock said 2 April, 10:00
        ("scheduled", (_one_day("2031-04-01"),)),               # 2 April, 01:00, really
    ]
    assert [r.wall for r in syncs][1:3] == [utc(2031, 3, 31, 1), utc(2031, 4, 1, 1)]
    assert syncs[-1].wall == utc(2031, 4, 2, 1)
    assert len([r for r in store.list_runs(daily.id, limit=500) if r.kind == "sync"]) == 6   # a run per day
    assert drv.sched.decisions(daily.id)["sync"].skip_reason == "the schedule has ended"

    # --- the monthly sync with a 2-day delay: March on 3 April at 01:00, not while the clock was ahead
    assert [(r.wall, r.trigger, r.periods) for r in drv.of(monthly.id, "sync")] == [
        (utc(2031, 4, 3, 1), "scheduled", (("2031-03-01", "2031-03-31"),))]
    assert drv.sched.next_runs(monthly.id)["sync"] == utc(2031, 5, 3, 1)

    # --- manual only: never run, every due day waits for the button
    assert drv.of(manual.id, "sync") == []
    assert [p.label for p in drv.sched.waiting_periods(manual.id)] == [
        "2031-03-29", "2031-03-30", "2031-03-31", "2031-04-01", "2031-04-02"]

    # --- daily with a 1-day delay and an end date
    delayed_syncs = drv.of(delayed.id, "sync")
    assert [r.periods for r in delayed_syncs] == [
        (_one_day("2031-03-29"),), (_one_day("2031-03-30"),),
        (_one_day("2031-03-31"),),                               # the clock was ahead
        (_one_day("2031-03-31"),),                               # really due
    ]
    assert [r.wall for r in delayed_syncs[:2]] == [utc(2031, 3, 31, 1), utc(2031, 4, 1, 1)]
    assert while_ahead(delayed_syncs[2]) and delayed_syncs[3].wall == utc(2031, 4, 2, 1)
    assert drv.sched.decisions(delayed.id)["sync"].skip_reason == "the schedule has ended"

    # --- the queues of the other connections: every 12 and 24 hours (plus the catch-up when ahead)
    for conn, every in ((monthly, 720), (manual, 1440), (delayed, 1440)):
        runs = drv.of(conn.id, "queue")
        assert [while_ahead(r) for r in runs].count(True) == 1, conn.name
        steady = [round((b.mono - a.mono) / 60) for a, b in zip(runs, runs[1:])
                  if not while_ahead(a) and not while_ahead(b)]
        assert steady and all(g == every for g in steady), (conn.name, steady)
        assert max(round((b.mono - a.mono) / 60) for a, b in zip(runs, runs[1:])) == every

    # --- nothing failed, nothing is still planned wrong, and the timer slept: at most one check a minute
    assert drv.sched.problems() == {}
    assert [r for r in drv.runs if r.status not in ("ok", "skipped")] == []
    minutes = (sim.mono - 50_000.0) / 60
    assert drv.sched.checks <= minutes + len(drv.runs) + 10


# ------------------------------------------------------------------------------ retries --------
def test_a_failed_queue_waits_its_retry_asleep(qtbot, ctx, sandbox, sim, tmp_path):
    """Pleo answers the queue with an error: the next try is 15 minutes later on the monotonic clock,
    and meanwhile the scheduler wakes at most once a minute (it woke every second: 140 checks in
    140 seconds)."""
    conn = _connection(ctx.store, sandbox, tmp_path, "Queue", queue_interval_minutes=5, bank_feed=False)
    sim.set_wall(utc(2031, 6, 2, 9, 0))
    drv = Driver(qtbot, ctx, sim)
    drv.start()
    drv.run_until(utc(2031, 6, 2, 9, 12))
    export_jobs = urlparse(sandbox.pleo_url).path.rstrip("/") + "/v3/export-jobs"
    # as many 500s as the Pleo client tries (a single one is tried again within the run): the queue fails
    from pleodesk.providers.pleo import PleoClient

    tries = PleoClient(sandbox.pleo_url, api_key="key", company_id="c").retry_policy.max_attempts
    sandbox.faults.inject(export_jobs, "500", count=tries)
    while not [r for r in drv.of(conn.id, "queue") if r.status == "failed"]:
        drv.step()
    (failed,) = [r for r in drv.of(conn.id, "queue") if r.status == "failed"]
    failed_at, checks_then = failed.mono, drv.sched.checks
    sim.set_wall(sim.wall - timedelta(hours=2))                   # the clock set back meanwhile changes nothing
    slept = []
    while len(drv.of(conn.id, "queue")) == 4:
        slept.append(drv.step())
    retry = drv.of(conn.id, "queue")[-1]
    assert retry.mono - failed_at == pytest.approx(RETRY_AFTER_FAILURE.total_seconds(), abs=1)
    assert drv.sched.checks - checks_then <= 16 and min(slept) >= 1000, slept
    drv.run_until(sim.wall + timedelta(minutes=11))
    after = drv.of(conn.id, "queue")[4:]
    assert [r.status in ("ok", "skipped") for r in after] == [True, True, True]
    assert [round((b.mono - a.mono) / 60) for a, b in zip(after, after[1:])] == [5, 5]


# ------------------------------------------------------------------------------ failures -------
def test_a_kind_that_cannot_be_planned_stops_nothing_else_and_shows_in_the_window(qtbot, ctx, sandbox, sim, tmp_path,
                                                                                   monkeypatch):
    """Planning the sync raises (here: a bug injected into decide_sync): the queue and the feed go on,
    the timer is re-armed, the settings page still opens, and the window says what failed; when the
    planning works again the message goes."""
    from pleodesk.ui.main_window import MainWindow

    conn = _connection(ctx.store, sandbox, tmp_path, "Broken", queue_interval_minutes=30, bank_feed=True,
                       schedule=_schedule("daily", date(2031, 6, 1)))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.select_connection(conn.id)
    real = sch.decide_sync

    def broken(*args, **kwargs):
        raise RuntimeError("the schedule's periods cannot be counted")

    monkeypatch.setattr(sch, "decide_sync", broken)
    sim.set_wall(utc(2031, 6, 2, 7, 0))
    drv = Driver(qtbot, ctx, sim)
    drv.start()
    drv.run_until(utc(2031, 6, 2, 14, 0))
    assert [r.wall for r in drv.of(conn.id, "feed")] == [utc(2031, 6, 2, 8), utc(2031, 6, 2, 13)]
    assert len(drv.of(conn.id, "queue")) == 15                    # 07:00 to 14:00, every 30 minutes
    assert drv.of(conn.id, "sync") == []
    assert drv.sched.next_runs(conn.id)["sync"] is None           # the settings page does not fail
    assert "cannot be counted" in drv.sched.decisions(conn.id)["sync"].skip_reason
    assert drv.sched._timer.isActive()
    assert list(drv.sched.problems()) == [(conn.id, "sync")]
    assert "Scheduled sync could not be planned" in win.banner.text.text()
    assert "cannot be counted" in win.banner.text.text() and win.banner.isVisible()

    monkeypatch.setattr(sch, "decide_sync", real)
    drv.run_until(utc(2031, 6, 2, 14, 5))
    assert [r.periods for r in drv.of(conn.id, "sync")] == [(_one_day("2031-06-01"),)]
    assert drv.sched.problems() == {} and not win.banner.isVisible()
