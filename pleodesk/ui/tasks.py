"""Small background tasks: run a function off the GUI thread, get its result back on it.

``run_task(fn, on_done, on_error)`` is Picard's ``run_task``/``to_main`` pattern on a QThreadPool:
the function runs on a pool thread, the callbacks run on the GUI thread. ``StoreWriter`` runs store
writes one after another on one thread, so the GUI thread never waits for SQLite's write lock.
"""

from __future__ import annotations

import atexit
import weakref

import logging
import queue
import threading
import traceback
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

_live: set["_Relay"] = set()       # keeps relays alive until their task has reported


def _call(callback, value) -> None:
    """Run a result callback; one that touches a widget closed meanwhile is a no-op, not an error."""
    try:
        callback(value)
    except RuntimeError as exc:
        if "already deleted" not in str(exc):
            raise
        log.debug("result for a closed window dropped: %s", exc)


def _owner_of(callback) -> QObject | None:
    owner = getattr(callback, "__self__", None)
    return owner if isinstance(owner, QObject) else None


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done, on_error, owner: QObject | None) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._owner = owner or _owner_of(on_done)
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    def _owner_gone(self) -> bool:
        """The widget that asked for the result was closed meanwhile: nobody wants it any more."""
        return self._owner is not None and not shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver_done(self, value) -> None:
        _live.discard(self)
        if self._on_done is not None and not self._owner_gone():
            _call(self._on_done, value)

    @Slot(object)
    def _deliver_error(self, exc) -> None:
        _live.discard(self)
        if self._owner_gone():
            return
        if self._on_error is not None:
            _call(self._on_error, exc)
        else:
            log.error("background task failed: %s", "".join(traceback.format_exception(exc)))


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread
            self._emit(self.relay.failed, exc)
        else:
            self._emit(self.relay.done, result)

    @staticmethod
    def _emit(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The application (and with it the relay) is gone: nobody is left to take the answer.
            log.debug("background result dropped: its receiver no longer exists")


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def run_task(fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, *, owner: QObject | None = None) -> None:
    """Run ``fn()`` on a pool thread; ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

    ``owner``: the widget the result is for (default: the callback's object, for a bound method); if
    it is gone by the time the result arrives, the result is dropped. Call from the GUI thread."""
    relay = _Relay(on_done, on_error, owner)
    _live.add(relay)
    pool().start(_Runnable(fn, relay))


def wait_for_tasks(msecs: int = 10000) -> bool:
    return pool().waitForDone(msecs)


_writers: "weakref.WeakSet[StoreWriter]" = weakref.WeakSet()


@atexit.register
def _stop_writers() -> None:
    """A writer thread still running when Python exits would abort the process ("QThread: Destroyed
    while thread is still running"): finish and stop every one first."""
    for w in list(_writers):
        try:
            w.stop()
        except RuntimeError:  # its C++ side is already gone
            pass


class StoreWriter(QThread):
    """One thread that performs store writes in the order they were asked for."""

    wrote = Signal(object, object)      # (callback, result)
    write_failed = Signal(object, object)  # (callback, exception)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("store-writer")
        self._queue: queue.Queue = queue.Queue()
        self._idle = threading.Event()
        self._idle.set()
        self._pending = 0
        self._lock = threading.Lock()
        self._stopped = False
        _writers.add(self)
        self.wrote.connect(self._done)
        self.write_failed.connect(self._failed)

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        if self._stopped:
            # A late write after shutdown (a closing window's last answer): do it here and now rather
            # than start the thread again, which would outlive the application.
            try:
                result = fn()
            except BaseException as exc:  # noqa: BLE001
                log.error("store write failed: %s", "".join(traceback.format_exception(exc)))
                if on_error is not None:
                    _call(on_error, exc)
            else:
                if on_done is not None:
                    _call(on_done, result)
            return
        with self._lock:
            self._pending += 1
            self._idle.clear()
        self._queue.put((fn, on_done, on_error))
        if not self.isRunning():
            self.start()

    def run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            fn, on_done, on_error = item
            try:
                result = fn()
            except BaseException as exc:  # noqa: BLE001
                log.error("store write failed: %s", "".join(traceback.format_exception(exc)))
                self.write_failed.emit(on_error, exc)
            else:
                self.wrote.emit(on_done, result)
            finally:
                with self._lock:
                    self._pending -= 1
                    if self._pending == 0:
                        self._idle.set()

    @Slot(object, object)
    def _done(self, callback, result) -> None:
        if callback is not None:
            _call(callback, result)

    @Slot(object, object)
    def _failed(self, callback, exc) -> None:
        if callback is not None:
            _call(callback, exc)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every submitted write is done (callbacks still come through the event loop)."""
        return self._idle.wait(timeout)

    def stop(self) -> None:
        self._stopped = True
        if self.isRunning():
            self._queue.put(None)
            self.wait(10000)
