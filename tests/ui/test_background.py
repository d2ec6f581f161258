"""Workers, progress throttling, the scheduler, the signal canary, one instance, the tray."""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QObject, Signal

from pleodesk.core.clock import now as clock_now
from pleodesk.core import schedule as sch
from pleodesk.core.engine import Progress
from pleodesk.ui.jobs import Job
from pleodesk.ui.workers import ThrottledProgress

from .conftest import MONTH
from .helpers import WAIT_MS


# ------------------------------------------------------------------------------ canary ---------
class _Emitter(QObject):
    ping = Signal(int)


def test_signal_emit_canary_5000(qapp):
    """PySide6 6.12.0 on Python 3.11 takes a reference from True on every Python-side emit and aborts
    the process after a few hundred. Guard the pin: 5,000 emits, True's refcount unchanged."""
    o = _Emitter()
    got = []
    o.ping.connect(got.append)
    before = sys.getrefcount(True)
    for i in range(5000):
        o.ping.emit(i)
    assert len(got) == 5000
    assert sys.getrefcount(True) >= before - 20


# ------------------------------------------------------------------------------ throttling -----
def test_progress_is_throttled_to_ten_a_second():
    t = [0.0]
    sent = []
    th = ThrottledProgress(sent.append, clock=lambda: t[0])
    for i in range(1000):                   # 1,000 updates over one second
        t[0] = i / 1000
        th(Progress("sending", i, 1000))
    th(Progress("done", 1000, 1000))
    assert 10 <= len(sent) <= 12
    assert sent[-1].phase == "done"


def test_worker_runs_serially_and_drops_queued_duplicates(qtbot, ctx, demo_conn, sandbox):
    worker = ctx.workers.worker(demo_conn.id)
    finished = []
    worker.job_finished.connect(lambda job, result: finished.append((job, result)))
    first = Job("preview", demo_conn.id, params={"month": MONTH})
    assert worker.submit(first)
    dup_a = Job("queue", demo_conn.id, trigger="scheduled")
    dup_b = Job("queue", demo_conn.id, trigger="scheduled")
    assert worker.submit(dup_a)
    assert not worker.submit(dup_b), "the same scheduled work is not queued twice"
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=WAIT_MS)
    assert [j.kind for j, _ in finished] == ["preview", "queue"]
    assert finished[0][1].preview["count"] > 0


def test_cancel_stops_an_export_between_batches(qtbot, ctx, demo_conn):
    job = Job("export_month", demo_conn.id, params={"month": MONTH})
    job.cancel.set()
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=WAIT_MS) as blocker:
        ctx.submit(job)
    assert blocker.args[1].status == "cancelled"
    assert ctx.store.counts_by_status(demo_conn.id)["exported"] == 0


def test_progress_signals_reach_the_gui_at_most_ten_a_second(qtbot, ctx, demo_conn):
    seen = []
    ctx.hub.run_progress.connect(lambda cid, job, p: seen.append(time.monotonic()))
    start = time.monotonic()
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000,
                          check_params_cb=lambda cid, r: r.job.kind == "export_month"):
        ctx.submit(Job("export_month", demo_conn.id, params={"month": MONTH}))
    elapsed = time.monotonic() - start
    assert seen
    assert len(seen) <= 10 * elapsed + 3


# ------------------------------------------------------------------------------ scheduler ------
def _conn_running_scheduler(ctx, clock):
    from pleodesk.ui.scheduler import Scheduler

    sched = Scheduler(ctx.store, ctx.workers, ctx.hub, clock=clock)
    return sched


def test_scheduler_catches_up_the_queue_after_a_closed_app(qtbot, ctx, demo_conn, sandbox):
    now = clock_now()
    ctx.store.set_schedule_state(sch.schedule_key(demo_conn.id, "queue"), last_run_at=now - timedelta(hours=9))
    ids = sandbox.pleo.exportable_entry_ids(MONTH, limit=5)
    sandbox.pleo.create_job_as_user(ids)            # someone queued five expenses for export in Pleo
    sched = _conn_running_scheduler(ctx, lambda: clock_now())
    dispatched = []
    sched.dispatched.connect(lambda cid, kind, trig: dispatched.append((kind, trig)))
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=WAIT_MS,
                          check_params_cb=lambda cid, r: r.job.kind == "queue"):
        sched.start()
    sched.stop()
    assert ("queue", "catch_up") in dispatched
    runs = ctx.store.list_runs(demo_conn.id)
    assert runs[0].kind == "export_job" and runs[0].trigger == "catch_up"
    assert runs[0].counts["exported"] + runs[0].counts["held"] + runs[0].counts["skipped"] == 5
    last, _ = ctx.store.get_schedule_state(sch.schedule_key(demo_conn.id, "queue"))
    assert last > now


def test_scheduler_records_a_skip_once_for_a_disconnected_connection(qtbot, ctx, demo_conn):
    ctx.store.set_connection_state(demo_conn.id, "disconnected", "Pleo refused the key")
    clock = [clock_now()]
    sched = _conn_running_scheduler(ctx, lambda: clock[0])
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=WAIT_MS):
        sched.start()
    clock[0] += timedelta(minutes=30)
    sched.check()
    qtbot.wait(200)
    sched.stop()
    runs = ctx.store.list_runs(demo_conn.id)
    skipped = [r for r in runs if r.status == "skipped"]
    assert len(skipped) == 1
    assert skipped[0].skip_reasons == {"connection disconnected: reconnect it": 1}


def test_scheduler_runs_the_feed_at_its_utc_moment(qtbot, ctx, demo_conn):
    ctx.store.update_connection(demo_conn.id, settings={"bank_feed": True})
    ctx.store.set_schedule_state(sch.schedule_key(demo_conn.id, "queue"),
                                 last_run_at=clock_now())
    moment = sch.next_feed_time(clock_now())
    ctx.store.set_schedule_state(sch.schedule_key(demo_conn.id, "feed"), next_run_at=moment)
    clock = [moment - timedelta(minutes=1)]
    sched = _conn_running_scheduler(ctx, lambda: clock[0])
    sched.start()
    assert sched.next_runs(demo_conn.id)["feed"] == moment
    clock[0] = moment + timedelta(seconds=20)
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=WAIT_MS,
                          check_params_cb=lambda cid, r: r.job.kind == "feed"):
        sched.check()
    sched.stop()
    (run,) = [r for r in ctx.store.list_runs(demo_conn.id) if r.kind == "feed"]
    assert run.trigger == "scheduled"
    _, nxt = ctx.store.get_schedule_state(sch.schedule_key(demo_conn.id, "feed"))
    assert nxt > moment


# ------------------------------------------------------------------------------ one instance ---
def test_a_second_launch_activates_the_first(qtbot, tmp_path):
    from pleodesk.ui.single_instance import SingleInstance, notify_running, server_name

    name = server_name(tmp_path)
    first = SingleInstance(name)
    assert first.listen()
    try:
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert notify_running(name)
        second = SingleInstance(name)
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert not second.listen()
        assert notify_running(name), "the first instance still holds the name"
        qtbot.wait(50)
    finally:
        first.close()
    assert not notify_running(name, 200)
    qtbot.wait(50)


# ------------------------------------------------------------------------------ tray -----------
def test_tray_notifies_only_when_problems_grow(qapp, ctx, demo_conn):
    from pleodesk.ui.tray import Tray

    tray = Tray(ctx)
    hub = ctx.hub
    hub.problems_changed.emit(demo_conn.id, 3)
    hub.problems_changed.emit(demo_conn.id, 3)          # the same: quiet
    hub.problems_changed.emit(demo_conn.id, 1)          # fewer: quiet
    assert [n for n, _ in tray.notifications] == ["pleodesk: 3 expenses need attention"]
    hub.problems_changed.emit(demo_conn.id, 4)          # grew again: three new ones
    assert len(tray.notifications) == 2 and "3 more" in tray.notifications[-1][1]
    # A restart remembers the count: the same problems are not notified again.
    again = Tray(ctx)
    hub.problems_changed.emit(demo_conn.id, 4)
    assert again.notifications == []


def test_a_failed_scheduled_sync_waits_before_it_is_tried_again(qtbot, ctx, demo_conn):
    """Pleo or the ledger down: a failed feed/sync is not started again on every one-minute check. The
    wait is measured on the monotonic clock: the wall clock set back meanwhile does not lengthen it."""
    from types import SimpleNamespace

    from pleodesk.ui.scheduler import RETRY_AFTER_FAILURE, Scheduler

    class Workers:
        def __init__(self) -> None:
            self.jobs = []

        def submit(self, job) -> bool:
            self.jobs.append(job)
            return True

    clock = [datetime(2026, 11, 23, 8, 0, 30, tzinfo=timezone.utc)]
    mono = [1000.0]
    workers = Workers()
    sched = Scheduler(ctx.store, workers, ctx.hub, clock=lambda: clock[0], mono=lambda: mono[0])
    conn = ctx.store.get_connection(demo_conn.id)
    due = SimpleNamespace(run=True, trigger="scheduled", due_at=clock[0], periods=[])
    sched._maybe_dispatch(conn, "feed", due, clock[0])
    assert [j.kind for j in workers.jobs] == ["feed"]
    failed = SimpleNamespace(job=workers.jobs[0], status="failed")
    sched._on_finished(conn.id, failed)
    start = clock[0]
    for minutes in (1, 5, 14):
        mono[0] = 1000.0 + minutes * 60
        clock[0] = start + timedelta(minutes=minutes) - timedelta(hours=3)      # the clock was set back
        sched._maybe_dispatch(conn, "feed", due, clock[0])
    assert len(workers.jobs) == 1, "no retry inside the waiting time"
    mono[0] = 1000.0 + RETRY_AFTER_FAILURE.total_seconds() + 1
    sched._maybe_dispatch(conn, "feed", due, clock[0])
    assert len(workers.jobs) == 2
    sched._on_finished(conn.id, SimpleNamespace(job=workers.jobs[1], status="ok"))
    mono[0] += 120
    sched._maybe_dispatch(conn, "feed", due, clock[0])
    assert len(workers.jobs) == 3, "after a success the schedule decides again"
    sched.stop()


def test_a_failed_feed_is_recorded_once(demo_conn, ctx, sandbox):
    """The feed records its own failed run; the worker does not add a second one."""
    from pleodesk.ui.jobs import Job, execute

    ctx.store.update_connection(demo_conn.id, settings={"bank_feed": True})
    sandbox.faults.inject("/pleo/v1/companies", "500", count=1000)
    result = execute(ctx.store, Job("feed", demo_conn.id, trigger="manual"))
    assert result.status == "failed"
    runs = [r for r in ctx.store.list_runs(demo_conn.id) if r.kind == "feed"]
    assert len(runs) == 1 and runs[0].status == "failed"


def test_a_write_after_shutdown_does_not_restart_the_writer_thread(qapp, store):
    from pleodesk.ui.tasks import StoreWriter

    w = StoreWriter()
    done = []
    w.submit(lambda: 1, done.append)
    assert w.flush(5)
    w.stop()
    assert not w.isRunning()
    w.submit(lambda: 2, done.append)          # a closing window's late write
    assert not w.isRunning(), "the thread would outlive the application"
    qapp.processEvents()
    assert 2 in done
