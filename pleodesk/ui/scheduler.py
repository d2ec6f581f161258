"""The scheduler: a QTimer that asks ``pleodesk.core.schedule`` what is due and hands it to the
connection's worker.

One single-shot timer, re-armed after every check for the earliest next due moment and never for
more than a minute, so a sleeping computer or a changed clock is noticed within a minute of waking
(the wall clock then runs ahead of the monotonic clock; missed work is caught up with the trigger
``catch_up``). The last and next run times live in the store (``Store.get_schedule_state``), so a
closed app catches up when it opens again. Every job records its own run and trigger; a job that
cannot run (connection deactivated or disconnected) is recorded once as skipped, with the reason,
not again until the reason changes.
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


#: After a failed scheduled feed or sync, wait this long before trying again.
RETRY_AFTER_FAILURE = timedelta(minutes=15)


def _utcnow() -> datetime:
    return clock.now()


def is_draft(conn) -> bool:
    return bool((conn.settings or {}).get("wizard"))


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
        self._inflight: set[tuple[int, str]] = set()
        self._skip_noted: dict[tuple[int, str], str] = {}
        self._retry_at: dict[tuple[int, str], datetime] = {}
        self._last_wall = clock()
        self._last_mono = mono()
        self.running = False
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
        self._conns = {c.id: c for c in self.store.list_connections() if not is_draft(c)}
        for cid in list(self._conns):
            self._load_state(cid)
        for key in list(self._state):
            if key[0] not in self._conns:
                self._state.pop(key, None)
        if self.running:
            self.check()

    def _load_state(self, conn_id: int) -> None:
        for job in ("queue", "feed", "sync"):
            self._state[(conn_id, job)] = self.store.get_schedule_state(sch.schedule_key(conn_id, job))

    @Slot(int)
    def _on_settings_changed(self, conn_id: int) -> None:
        conn = self.store.get_connection(conn_id)
        if conn is None or is_draft(conn):
            self._conns.pop(conn_id, None)
        else:
            self._conns[conn_id] = conn
            self._load_state(conn_id)
        for key in [k for k in self._skip_noted if k[0] == conn_id]:
            self._skip_noted.pop(key, None)
        if self.running:
            self.check()

    @Slot(int, object)
    def _on_finished(self, conn_id: int, result) -> None:
        kind = result.job.kind
        if kind in ("queue", "feed", "sync"):
            self._inflight.discard((conn_id, kind))
            if result.status == "failed":
                # A failed feed or sync stays due; wait before trying again (Pleo or the ledger may be
                # down for a while) instead of filling the history with a failed run every minute.
                self._retry_at[(conn_id, kind)] = self.clock() + RETRY_AFTER_FAILURE
            else:
                self._retry_at.pop((conn_id, kind), None)
            if conn_id in self._conns:
                self._load_state(conn_id)
        if self.running:
            self._arm()

    # ------------------------------------------------------------------ planning ---------------
    def decisions(self, conn_id: int, now: datetime | None = None) -> dict[str, object]:
        """What is due for a connection now (for the scheduler and the settings page)."""
        now = now or self.clock()
        conn = self._conns.get(conn_id) or self.store.get_connection(conn_id)
        s = (conn.settings or {}) if conn else {}
        q_last, _ = self._state.get((conn_id, "queue"), (None, None))
        _, f_next = self._state.get((conn_id, "feed"), (None, None))
        _, s_next = self._state.get((conn_id, "sync"), (None, None))
        try:
            schedule = sch.SyncSchedule.from_dict(s.get("schedule"))
        except sch.ScheduleError:
            schedule = None
        return {
            "queue": sch.decide_queue(s.get("queue_interval_minutes", sch.DEFAULT_QUEUE_MINUTES), q_last, now),
            "feed": sch.decide_feed(bool(s.get("bank_feed")), f_next, now),
            "sync": sch.decide_sync(schedule, s_next, now),
        }

    @Slot()
    def check(self) -> None:
        """Hand every due job to its worker, then re-arm the timer."""
        if not self.running:
            return
        now, mono = self.clock(), self.mono()
        if sch.woke_from_sleep(self._last_wall, now, self._last_mono, mono):
            log.info("woke up (or the clock changed): catching up")
            self.woke.emit()
            # The persisted state may have moved on in another process meanwhile.
            for cid in list(self._conns):
                self._load_state(cid)
        self._last_wall, self._last_mono = now, mono
        for conn_id, conn in list(self._conns.items()):
            for kind, d in self.decisions(conn_id, now).items():
                self._maybe_dispatch(conn, kind, d, now)
        self._arm()

    def _maybe_dispatch(self, conn, kind: str, d, now: datetime) -> None:
        key = (conn.id, kind)
        if not d.run or key in self._inflight:
            return
        retry_at = self._retry_at.get(key)
        if retry_at is not None and now < retry_at:
            return
        reason = None
        if not conn.active:
            reason = "connection deactivated"
        elif conn.state == "disconnected":
            reason = "connection disconnected: reconnect it"
        if reason is not None:
            if self._skip_noted.get(key) != reason:
                self._skip_noted[key] = reason
                self.workers.submit(Job(kind, conn.id, trigger=d.trigger, params={"record_skip": True}))
            return
        self._skip_noted.pop(key, None)
        params: dict = {"due_at": (d.due_at or now).isoformat()}
        if kind == "sync":
            params["periods"] = [(p.start.isoformat(), p.end.isoformat()) for p in d.periods]
        job = Job(kind, conn.id, trigger=d.trigger or sch.SCHEDULED, params=params)
        if self.workers.submit(job):
            self._inflight.add(key)
            # Until the job reports, plan as if it ran now (no re-dispatch on the next tick).
            if kind == "queue":
                self._state[key] = (now, None)
            elif kind == "feed":
                self._state[key] = (now, sch.next_feed_time(now))
            self.dispatched.emit(conn.id, kind, job.trigger)

    def _arm(self) -> None:
        if not self.running:
            return
        now = self.clock()
        earliest = now + timedelta(minutes=1)
        for conn_id in self._conns:
            for d in self.decisions(conn_id, now).values():
                nxt = getattr(d, "next_at", None)
                if nxt is not None and nxt < earliest:
                    earliest = nxt
        self._timer.start(max(1000, sch.timer_delay_ms(earliest, now)))

    # ------------------------------------------------------------------ for the settings page --
    def waiting_periods(self, conn_id: int) -> list[sch.Period]:
        d = self.decisions(conn_id)["sync"]
        return list(getattr(d, "waiting", ()) or ())

    def next_runs(self, conn_id: int) -> dict[str, datetime | None]:
        out = {}
        for kind, d in self.decisions(conn_id).items():
            out[kind] = d.due_at if d.run else d.next_at
        return out
