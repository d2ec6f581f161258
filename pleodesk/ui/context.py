"""``AppContext``: what every window shares - the store, the signal hub, the workers, the store
writer, the scheduler and (in demo mode) the local sandbox."""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QObject

from pleodesk.ui.hub import SignalHub
from pleodesk.ui.jobs import Job
from pleodesk.ui.scheduler import Scheduler
from pleodesk.ui.tasks import StoreWriter, run_task, wait_for_tasks
from pleodesk.ui.workers import Workers

log = logging.getLogger(__name__)


def start_demo_sandbox():
    """The demo company's sandbox (``pleodesk.demo`` when present, else the plain sandbox)."""
    try:
        from pleodesk.demo import start_demo_sandbox as start
    except ImportError:
        from pleodesk.sandbox.server import SandboxConfig, start_sandbox

        return start_sandbox(SandboxConfig())
    return start()


class AppContext(QObject):
    def __init__(self, store, *, scheduler: bool = True, parent: QObject | None = None, **clocks) -> None:
        """``clocks``: the scheduler's ``clock`` (wall) and ``mono`` (monotonic), for tests."""
        super().__init__(parent)
        self.store = store
        self.hub = SignalHub(self)
        self.workers = Workers(store, self.hub, self)
        self.writer = StoreWriter(self)
        self.scheduler = Scheduler(store, self.workers, self.hub, parent=self, **clocks)
        self.sandbox = None
        self._sandbox_waiters: list[tuple[Callable, Callable | None]] = []
        self._sandbox_starting = False
        self.demo_mode = False
        self._stopped = False
        self._mark_interrupted_runs()
        if scheduler:
            self.scheduler.start()

    def _mark_interrupted_runs(self) -> None:
        """Runs a pleodesk that is gone left "running" (it was killed, or crashed) are interrupted."""
        try:
            gone = self.store.mark_interrupted_runs()
        except Exception:  # noqa: BLE001 - the history is a nicety, never a reason not to start
            log.exception("could not check for interrupted runs")
            return
        if gone:
            log.info("%d run(s) of a pleodesk that is gone marked interrupted", len(gone))

    # ------------------------------------------------------------------ work -------------------
    def submit(self, job: Job) -> bool:
        return self.workers.submit(job)

    def write(self, fn, on_done=None, on_error=None) -> None:
        """A store write off the GUI thread (in order with every other write asked for)."""
        self.writer.submit(fn, on_done, on_error)

    # ------------------------------------------------------------------ the demo company -------
    def demo_sandbox(self, ready: Callable, failed: Callable | None = None) -> None:
        """The running demo sandbox (started on first use, off the GUI thread)."""
        if self.sandbox is not None:
            ready(self.sandbox)
            return
        self._sandbox_waiters.append((ready, failed))
        if self._sandbox_starting:
            return
        self._sandbox_starting = True

        def done(sb) -> None:
            self._sandbox_starting = False
            self.sandbox = sb
            waiters, self._sandbox_waiters = self._sandbox_waiters, []
            for ok, _err in waiters:
                ok(sb)

        def error(exc) -> None:
            self._sandbox_starting = False
            waiters, self._sandbox_waiters = self._sandbox_waiters, []
            for _ok, err in waiters:
                if err:
                    err(exc)

        run_task(start_demo_sandbox, done, error)

    # ------------------------------------------------------------------ shutdown ---------------
    def shutdown(self, timeout_ms: int = 15000) -> None:
        """Stop the scheduler, cancel and join the workers, finish pending writes, stop the sandbox."""
        if self._stopped:
            return
        self._stopped = True
        self.scheduler.stop()
        self.workers.stop_all(timeout_ms)
        self.writer.flush(timeout_ms / 1000)
        self.writer.stop()
        wait_for_tasks(timeout_ms)
        if self.sandbox is not None:
            try:
                self.sandbox.stop()
            except Exception:  # noqa: BLE001
                log.exception("sandbox did not stop cleanly")
            self.sandbox = None
