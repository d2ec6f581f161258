"""One serial worker per connection (Vorta's per-site queue): a QThread with a job queue.

Jobs of one connection never run in parallel (Pleo allows one export job per company, and a ledger
should see one writer); jobs of different connections do. Results come back to the GUI thread through
signals and are relayed to the app-wide hub. Progress is throttled to at most 10 signals a second.
Cancel sets the running job's ``threading.Event``, which the engine checks between steps.
"""

from __future__ import annotations

import logging
import queue
import threading
import time

from PySide6.QtCore import QObject, QThread, Signal, Slot

from pleodesk.ui.jobs import Job, JobResult, execute

log = logging.getLogger(__name__)

#: At most this many progress signals per second reach the GUI thread.
PROGRESS_PER_SECOND = 10


class ThrottledProgress:
    """Calls ``emit(progress)`` at most ``rate`` times a second; only a run's final ``done``
    always gets through (the engine sends one per export job)."""

    def __init__(self, emit, rate: int = PROGRESS_PER_SECOND, clock=time.monotonic) -> None:
        self.emit = emit
        self.min_gap = 1.0 / rate
        self.clock = clock
        self._last = -1e9
        self._phase = None
        self._lock = threading.Lock()
        self.sent = 0

    def __call__(self, p) -> None:
        now = self.clock()
        with self._lock:
            forced = p.phase == "done"
            if not forced and now - self._last < self.min_gap:
                self._phase = p.phase
                return
            self._last = now
            self._phase = p.phase
            self.sent += 1
        self.emit(p)


class ConnectionWorker(QThread):
    """Runs one connection's jobs, one at a time, oldest first."""

    job_started = Signal(object)             # Job
    job_progress = Signal(object, object)    # Job, Progress
    job_finished = Signal(object, object)    # Job, JobResult

    def __init__(self, store, conn_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.conn_id = conn_id
        self.setObjectName(f"connection-{conn_id}")
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._pending: list[Job] = []
        self._current: Job | None = None
        self._stopping = False

    # ------------------------------------------------------------------ GUI thread -------------
    def submit(self, job: Job) -> bool:
        """Queue ``job``; False when the same work is already waiting (or running, for scheduled
        jobs), so a slow export does not pile up queue checks behind it."""
        with self._lock:
            if self._stopping:
                return False
            others = list(self._pending)
            if self._current is not None and job.trigger != "manual":
                others.append(self._current)
            if any(job.same_work(o) for o in others):
                return False
            self._pending.append(job)
        self._queue.put(job)
        if not self.isRunning():
            self.start()
        return True

    @property
    def current(self) -> Job | None:
        return self._current

    def pending(self) -> list[Job]:
        with self._lock:
            return list(self._pending)

    def busy(self) -> bool:
        with self._lock:
            return self._current is not None or bool(self._pending)

    def cancel_current(self) -> None:
        job = self._current
        if job is not None:
            job.cancel.set()

    def cancel_all(self) -> None:
        with self._lock:
            for j in self._pending:
                j.cancel.set()
            self._pending.clear()
        self.cancel_current()

    def stop(self, timeout_ms: int = 15000) -> bool:
        """Cancel everything and end the thread (waits at most ``timeout_ms``)."""
        with self._lock:
            self._stopping = True
        self.cancel_all()
        self._queue.put(None)
        if self.isRunning():
            return self.wait(timeout_ms)
        return True

    # ------------------------------------------------------------------ worker thread ----------
    def run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            with self._lock:
                if job not in self._pending:       # cancelled while waiting
                    continue
                self._pending.remove(job)
                self._current = job
            try:
                if job.cancel.is_set():
                    result = JobResult(job, status="cancelled", message="Cancelled before it started.")
                else:
                    self.job_started.emit(job)
                    throttle = ThrottledProgress(lambda p, j=job: self.job_progress.emit(j, p))
                    result = execute(self.store, job, throttle)
            except Exception as exc:  # noqa: BLE001 - execute never raises; belt and braces
                log.exception("worker crashed on %s", job.kind)
                result = JobResult(job, status="failed", message=str(exc))
            finally:
                with self._lock:
                    self._current = None
            self.job_finished.emit(job, result)


class Workers(QObject):
    """The workers of all connections; relays their signals to the hub."""

    def __init__(self, store, hub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.hub = hub
        self._workers: dict[int, ConnectionWorker] = {}
        self._problem_counts: dict[int, int] = {}

    def worker(self, conn_id: int) -> ConnectionWorker:
        w = self._workers.get(conn_id)
        if w is None:
            w = ConnectionWorker(self.store, conn_id, self)
            w.job_started.connect(self._started)
            w.job_progress.connect(self._progress)
            w.job_finished.connect(self._finished)
            self._workers[conn_id] = w
        return w

    def submit(self, job: Job) -> bool:
        return self.worker(job.conn_id).submit(job)

    def busy(self, conn_id: int) -> bool:
        w = self._workers.get(conn_id)
        return w is not None and w.busy()

    def current(self, conn_id: int) -> Job | None:
        w = self._workers.get(conn_id)
        return w.current if w else None

    def cancel(self, conn_id: int) -> None:
        w = self._workers.get(conn_id)
        if w is not None:
            w.cancel_current()

    def forget(self, conn_id: int) -> None:
        """Stop a deleted connection's worker."""
        w = self._workers.pop(conn_id, None)
        if w is not None:
            w.stop()

    def stop_all(self, timeout_ms: int = 15000) -> None:
        for w in list(self._workers.values()):
            w.stop(timeout_ms)

    def known_problem_count(self, conn_id: int) -> int | None:
        return self._problem_counts.get(conn_id)

    def set_problem_count(self, conn_id: int, count: int) -> None:
        before = self._problem_counts.get(conn_id)
        self._problem_counts[conn_id] = count
        if before != count:
            self.hub.problems_changed.emit(conn_id, count)

    # ------------------------------------------------------------------ relays -----------------
    @Slot(object)
    def _started(self, job: Job) -> None:
        if job.is_run:
            self.hub.run_started.emit(job.conn_id, job.kind, job.trigger)

    @Slot(object, object)
    def _progress(self, job: Job, p) -> None:
        self.hub.run_progress.emit(job.conn_id, job, p)

    @Slot(object, object)
    def _finished(self, job: Job, result: JobResult) -> None:
        self.hub.run_finished.emit(job.conn_id, result)
        if result.state is not None:
            self.hub.connection_state_changed.emit(job.conn_id, result.state, result.state_message or "")
        if result.problem_count is not None:
            self.set_problem_count(job.conn_id, result.problem_count)
        if job.is_run or job.kind == "check":
            self.hub.records_changed.emit(job.conn_id)
