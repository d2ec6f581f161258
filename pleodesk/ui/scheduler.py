"""The scheduler: a QTimer that asks ``pleodesk.core.schedule`` what is due and hands it to the
connection's worker.

One single-shot timer, re-armed after every check (whatever happened in it) for the earliest next due
moment and never for more than a minute, so a sleeping computer or a changed clock is noticed within a
minute of waking (the wall clock then runs ahead of the monotonic clock; missed work is caught up
with the trigger ``catch_up``). Work that is due but waits (a failed run's retry, a connection that
cannot run) does not wake it: it sleeps until the next moment something can start.

The last and next run times live in the store (``Store.get_schedule_state``), so a closed app catches
up when it opens again. Within a session the queue's interval is measured on the monotonic clock
(``mono``), so setting the clock back does not delay it and setting it ahead does not stall it once it
is set right; a stored time in the future counts as "now" (``pleodesk.core.schedule``). A failed run
waits ``RETRY_AFTER_FAILURE`` on the monotonic clock before it is tried again.

Every job records its own run and trigger; a job that cannot run (connection deactivated or
disconnected) is recorded once as skipped, with the reason, not again until the reason changes.

Planning one kind of work for one connection can fail (a bug, unreadable settings): that is logged,
reported once on the hub (``background_problem``, which the main window shows) and the other kinds and
connections go on; the timer is re-armed whatever happens.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from pleodesk.core import clock
from pleodesk.core import schedule as sch
from pleodesk.ui.jobs import Job

log = logging.getLogger(__name__)

KINDS = ("queue", "feed", "sync")

#: After a failed scheduled feed or sync, wait this long before trying again.
RETRY_AFTER_FAILURE = timedelta(minutes=15)
#: The timer never sleeps longer than this (sleep and clock changes are noticed within it).
LONGEST_SLEEP = timedelta(minutes=1)
#: Nor shorter than this.
SHORTEST_SLEEP_MS = 1000


def _utcnow() -> datetime:
    return clock.now()


def is_draft(conn) -> bool:
    return bool((conn.settings or {}).get("wizard"))


def cannot_run(conn) -> str | None:
    """Why scheduled work of ``conn`` cannot run now (None: it can)."""
    if not conn.active:
        return "connection deactivated"
    if conn.state == "disconnected":
        return "connection disconnected: reconnect it"
    return None


class Scheduler(QObject):
    #: connection id, job kind, trigger - a scheduled job was handed to a worker
    dispatched = Signal(int, str, str)
    #: the computer woke up (or the clock jumped): missed work is being caught up
    woke = Signal()

    def __init__(self, store, workers, hub, *, clock=_utcnow, mono=time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.workers = workers
        self.hub = hub
        self.clock = clock
        self.mono = mono
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._conns: dict[int, object] = {}
        self._state: dict[tuple[int, str], tuple[datetime | None, datetime | None]] = {}
        #: connection id -> the monotonic time of the queue's last run (as the stored wall time says,
        #: a stored time in the future taken as the moment it was first seen)
        self._queue_mono: dict[int, float] = {}
        self._inflight: set[tuple[int, str]] = set()
        self._skip_noted: dict[tuple[int, str], str] = {}
        #: (connection id, kind) -> the monotonic time before which a failed job is not tried again
        self._retry_mono: dict[tuple[int, str], float] = {}
        #: (connection id, kind) -> the planning error reported for it (reported once, until it clears)
        self._problems: dict[tuple[int, str], str] = {}
        self._last_wall = clock()
        self._last_mono = mono()
        self.running = False
        #: how often ``check`` ran, and the timer's last delay (ms): for the log and for tests
        self.checks = 0
        self.sleep_ms: int | None = None
        hub.run_finished.connect(self._on_finished)
        hub.settings_changed.connect(self._on_settings_changed)
        hub.connections_changed.connect(self.reload)
        hub.connection_state_changed.connect(lambda cid, state, msg: self._on_settings_changed(cid))

    # ------------------------------------------------------------------ control ----------------
    def start(self) -> None:
        self.running = True
        self.reload()

    def stop(self) -> None:
        self.running = False
        self._timer.stop()

    @Slot()
    def reload(self) -> None:
        """Re-read connections and their schedule state (small reads), then check."""
        try:
            self._conns = {c.id: c for c in self.store.list_connections() if not is_draft(c)}
            for cid in list(self._conns):
                self._load_state(cid)
            for key in list(self._state):
                if key[0] not in self._conns:
                    self._state.pop(key, None)
            for cid in list(self._queue_mono):
                if cid not in self._conns:
                    self._queue_mono.pop(cid, None)
            self._cleared(0, "connections")
        except Exception as exc:  # noqa: BLE001 - the store is busy or gone: try again at the next check
            self._report(0, "connections", exc)
        if self.running:
            self.check()

    def _load_state(self, conn_id: int) -> None:
        for job in KINDS:
            self._state[(conn_id, job)] = self.store.get_schedule_state(sch.schedule_key(conn_id, job))

    @Slot(int)
    def _on_settings_changed(self, conn_id: int) -> None:
        try:
            conn = self.store.get_connection(conn_id)
            if conn is None or is_draft(conn):
                self._conns.pop(conn_id, None)
            else:
                self._conns[conn_id] = conn
                self._load_state(conn_id)
            for key in [k for k in self._skip_noted if k[0] == conn_id]:
                self._skip_noted.pop(key, None)
            self._cleared(conn_id, "connections")
        except Exception as exc:  # noqa: BLE001
            self._report(conn_id, "connections", exc)
        if self.running:
            self.check()

    @Slot(int, object)
    def _on_finished(self, conn_id: int, result) -> None:
        try:
            kind = result.job.kind
            if kind in KINDS:
                key = (conn_id, kind)
                self._inflight.discard(key)
                if result.status == "failed":
                    # A failed feed or sync stays due; wait before trying again (Pleo or the ledger may be
                    # down for a while) instead of filling the history with a failed run every minute.
                    self._retry_mono[key] = self.mono() + RETRY_AFTER_FAILURE.total_seconds()
                else:
                    self._retry_mono.pop(key, None)
                if kind == "queue" and result.status != "cancelled":
                    self._queue_mono[conn_id] = self.mono()      # the job stored its wall time just now
                if conn_id in self._conns:
                    self._load_state(conn_id)
                    self._cleared(conn_id, "connections")
        except Exception as exc:  # noqa: BLE001
            self._report(conn_id, "connections", exc)
        finally:
            if self.running:
                self._arm()

    # ------------------------------------------------------------------ planning ---------------
    def decisions(self, conn_id: int, now: datetime | None = None) -> dict[str, object]:
        """What is due for a connection now (for the settings page; it changes nothing). Never raises:
        a kind whose planning failed is reported and comes back as not due, with the error as its
        ``skip_reason``."""
        now = now or self.clock()
        mono = self.mono()
        return {kind: self._decide(conn_id, kind, now, mono) for kind in KINDS}

    def _decide(self, conn_id: int, kind: str, now: datetime, mono: float, *, keep: bool = False):
        """One kind's decision. ``keep`` (the scheduler's own check): a plan made or corrected on the
        way (a first feed moment, a stored time a clock change made wrong) is kept, in memory and in
        the store; otherwise nothing is changed."""
        try:
            d = self._decide_unguarded(conn_id, kind, now, mono, keep)
        except Exception as exc:  # noqa: BLE001 - one kind's failure never stops the others
            self._report(conn_id, kind, exc)
            reason = f"planning failed: {exc}"
            return sch.SyncDecision(False, skip_reason=reason) if kind == "sync" else \
                sch.Decision(False, skip_reason=reason)
        self._cleared(conn_id, kind)
        return d

    def _decide_unguarded(self, conn_id: int, kind: str, now: datetime, mono: float, keep: bool):
        conn = self._conns.get(conn_id) or self.store.get_connection(conn_id)
        s = (conn.settings or {}) if conn else {}
        if kind == "queue":
            return sch.decide_queue(s.get("queue_interval_minutes", sch.DEFAULT_QUEUE_MINUTES),
                                    self._queue_last(conn_id, now, mono, keep), now)
        if kind == "feed":
            enabled = bool(s.get("bank_feed"))
            _, f_next = self._state.get((conn_id, "feed"), (None, None))
            if enabled and f_next is None and keep:
                f_next = self._plan_first_feed(conn_id, now)
            d = sch.decide_feed(enabled, f_next, now)
            if enabled and keep and not d.run and d.next_at != f_next:
                # planned by a clock that was ahead: the next moment after now is the plan, kept
                # (the stored one would skip that moment once the clock passes it)
                self._correct(conn_id, "feed", d.next_at)
            return d
        try:
            schedule = sch.SyncSchedule.from_dict(s.get("schedule"))
        except sch.ScheduleError:
            schedule = None
        _, s_next = self._state.get((conn_id, "sync"), (None, None))
        fixed = sch.corrected_sync_start(schedule, s_next, now)
        if fixed is not None and (conn_id, "sync") not in self._inflight:
            # periods synced while the clock was ahead: synced again when they are due
            if keep:
                self._correct(conn_id, "sync", fixed)
            s_next = fixed
        return sch.decide_sync(schedule, s_next, now)

    def _correct(self, conn_id: int, kind: str, next_run_at: datetime) -> None:
        """Replace a stored next run time that a clock change made wrong (in memory, and in the store so
        another start of the app agrees)."""
        key = (conn_id, kind)
        last, before = self._state.get(key, (None, None))
        self._state[key] = (last, next_run_at)
        log.info("the clock changed: %s of connection %s planned for %s instead of %s", kind, conn_id,
                 next_run_at, before)
        try:
            self.store.set_schedule_state(sch.schedule_key(conn_id, kind), next_run_at=next_run_at)
        except Exception:  # noqa: BLE001 - kept in memory; stored with the next run
            log.warning("could not store the corrected plan of %s", key, exc_info=True)

    def _queue_last(self, conn_id: int, now: datetime, mono: float, keep: bool = True) -> datetime | None:
        """When the queue last ran, as the later of the stored wall time and the monotonic clock say:
        the clock set back does not delay it, set ahead and back again does not stall it, and after
        sleep (the monotonic clock stood still) the wall clock's gap makes it due."""
        last, _ = self._state.get((conn_id, "queue"), (None, None))
        if last is None:
            return None
        wall_elapsed = (now - last).total_seconds()
        ref = self._queue_mono.get(conn_id)
        if ref is None:
            ref = mono - max(0.0, wall_elapsed)
            if keep:
                self._queue_mono[conn_id] = ref
        elapsed = max(mono - ref, wall_elapsed, 0.0)
        return now - timedelta(seconds=elapsed)

    def _plan_first_feed(self, conn_id: int, now: datetime) -> datetime:
        """A connection whose feed was never planned (new, or only ever run from the command line before
        it planned): its first feed is the next feed moment, kept in the store so it is caught up if
        the app is closed by then."""
        key = (conn_id, "feed")
        plan = sch.first_feed_plan(now)
        try:
            plan = self.store.plan_schedule(sch.schedule_key(conn_id, "feed"), plan)
        except Exception:  # noqa: BLE001 - the store is busy: the plan holds in memory (the feed's run stores the next)
            log.warning("could not store the first feed plan of connection %s", conn_id, exc_info=True)
        last, _ = self._state.get(key, (None, None))
        self._state[key] = (last, plan)
        return plan

    # ------------------------------------------------------------------ problems ---------------
    def _report(self, conn_id: int, kind: str, exc: BaseException) -> None:
        key = (conn_id, kind)
        message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        if self._problems.get(key) == message:
            return
        self._problems[key] = message
        log.error("planning %s of connection %s failed: %s", kind, conn_id, message,
                  exc_info=(type(exc), exc, exc.__traceback__))
        self._emit_problem(conn_id, kind, message)

    def _cleared(self, conn_id: int, kind: str) -> None:
        if self._problems.pop((conn_id, kind), None) is not None:
            log.info("planning %s of connection %s works again", kind, conn_id)
            self._emit_problem(conn_id, kind, "")

    def _emit_problem(self, conn_id: int, kind: str, message: str) -> None:
        signal = getattr(self.hub, "background_problem", None)
        if signal is not None:
            try:
                signal.emit(conn_id, kind, message)
            except Exception:  # noqa: BLE001 - a broken listener must not stop the scheduler
                log.exception("could not report a background problem")

    def in_flight(self) -> set[tuple[int, str]]:
        """The scheduled jobs handed to workers that have not reported yet: (connection id, kind)."""
        return set(self._inflight)

    def problems(self) -> dict[tuple[int, str], str]:
        """Planning errors not cleared yet: (connection id, kind) -> message."""
        return dict(self._problems)

    # ------------------------------------------------------------------ the loop ---------------
    @Slot()
    def check(self) -> None:
        """Hand every due job to its worker, then re-arm the timer (always, whatever failed)."""
        if not self.running:
            return
        try:
            self.checks += 1
            now, mono = self.clock(), self.mono()
            if sch.woke_from_sleep(self._last_wall, now, self._last_mono, mono):
                log.info("woke up (or the clock changed): catching up")
                self.woke.emit()
                # The persisted state may have moved on in another process meanwhile.
                for cid in list(self._conns):
                    try:
                        self._load_state(cid)
                    except Exception as exc:  # noqa: BLE001
                        self._report(cid, "connections", exc)
            self._last_wall, self._last_mono = now, mono
            for conn_id, conn in list(self._conns.items()):
                for kind in KINDS:
                    try:
                        d = self._decide(conn_id, kind, now, mono, keep=True)
                        self._maybe_dispatch(conn, kind, d, now, mono)
                    except Exception as exc:  # noqa: BLE001 - the other kinds and connections go on
                        self._report(conn_id, kind, exc)
        except Exception:  # noqa: BLE001
            log.exception("the scheduler's check failed")
        finally:
            self._arm()

    def _maybe_dispatch(self, conn, kind: str, d, now: datetime, mono: float | None = None) -> None:
        key = (conn.id, kind)
        if not d.run or key in self._inflight:
            return
        mono = self.mono() if mono is None else mono
        retry_at = self._retry_mono.get(key)
        if retry_at is not None and mono < retry_at:
            return
        reason = cannot_run(conn)
        if reason is not None:
            if self._skip_noted.get(key) != reason:
                self._skip_noted[key] = reason
                self.workers.submit(Job(kind, conn.id, trigger=d.trigger, params={"record_skip": True},
                                        clock=self.clock))
            return
        self._skip_noted.pop(key, None)
        params: dict = {"due_at": (d.due_at or now).isoformat()}
        if kind == "sync":
            params["periods"] = [(p.start.isoformat(), p.end.isoformat()) for p in d.periods]
        job = Job(kind, conn.id, trigger=d.trigger or sch.SCHEDULED, params=params, clock=self.clock)
        if self.workers.submit(job):
            self._inflight.add(key)
            # Until the job reports, plan as if it ran now (no re-dispatch on the next tick).
            if kind == "queue":
                self._state[key] = (now, None)
                self._queue_mono[conn.id] = mono
            elif kind == "feed":
                self._state[key] = (now, sch.next_feed_time(now))
            self.dispatched.emit(conn.id, kind, job.trigger)

    def _arm(self) -> None:
        """Sleep until the next moment something can start (at most ``LONGEST_SLEEP``)."""
        if not self.running:
            return
        delay = int(LONGEST_SLEEP.total_seconds() * 1000)
        try:
            now, mono = self.clock(), self.mono()
            earliest = now + LONGEST_SLEEP
            for conn_id, conn in list(self._conns.items()):
                if cannot_run(conn) is not None:
                    continue          # re-planned when the connection is activated or reconnected
                for kind in KINDS:
                    key = (conn_id, kind)
                    if key in self._inflight:
                        continue      # its end re-arms the timer
                    d = self._decide(conn_id, kind, now, mono)
                    when = d.due_at if d.run else d.next_at
                    if when is None:
                        continue
                    retry_at = self._retry_mono.get(key)
                    if retry_at is not None and retry_at > mono:
                        when = max(when, now + timedelta(seconds=retry_at - mono))
                    if when <= now:
                        continue      # due, but its worker has the same work queued: that job's end re-arms
                    earliest = min(earliest, when)
            delay = sch.timer_delay_ms(earliest, now, cap=LONGEST_SLEEP)
        except Exception:  # noqa: BLE001 - sleep the longest, then look again
            log.exception("the scheduler could not plan its next check")
        finally:
            if self.running:
                self.sleep_ms = max(SHORTEST_SLEEP_MS, delay)
                self._timer.start(self.sleep_ms)

    # ------------------------------------------------------------------ for the settings page --
    def waiting_periods(self, conn_id: int) -> list[sch.Period]:
        d = self.decisions(conn_id)["sync"]
        return list(getattr(d, "waiting", ()) or ())

    def next_runs(self, conn_id: int) -> dict[str, datetime | None]:
        """When each kind of work runs next (None: not planned, or its planning failed)."""
        out = {}
        for kind, d in self.decisions(conn_id).items():
            out[kind] = d.due_at if d.run else d.next_at
        return out
