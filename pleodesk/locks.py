"""An exclusive lock on a file: held by one holder at a time, across threads and processes
(``flock`` on POSIX, ``msvcrt.locking`` on Windows)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable


class LockTimeout(Exception):
    pass


class FileLock:
    """``with FileLock(path, timeout):`` waits up to ``timeout`` seconds for the lock, then raises what
    ``on_timeout()`` returns (a :class:`LockTimeout` by default)."""

    def __init__(self, path: Path, timeout: float = 120,
                 on_timeout: Callable[[], BaseException] | None = None) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self.on_timeout = on_timeout or (lambda: LockTimeout(f"{self.path} is locked"))
        self._fh = None

    def __enter__(self) -> "FileLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+b")
        deadline = time.monotonic() + self.timeout
        try:
            while True:
                try:
                    self._lock(fh)
                    break
                except OSError:
                    if time.monotonic() >= deadline:
                        raise self.on_timeout() from None
                    time.sleep(0.05)
        except BaseException:
            fh.close()
            raise
        self._fh = fh
        return self

    def __exit__(self, *exc: object) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        try:
            self._unlock(fh)
        finally:
            fh.close()

    if os.name == "nt":  # pragma: no cover - exercised on Windows
        @staticmethod
        def _lock(fh) -> None:
            import msvcrt
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

        @staticmethod
        def _unlock(fh) -> None:
            import msvcrt
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        @staticmethod
        def _lock(fh) -> None:
            import fcntl
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

        @staticmethod
        def _unlock(fh) -> None:
            import fcntl
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def connection_lock(conn_id: int, timeout: float = 120,
                    on_timeout: Callable[[], BaseException] | None = None) -> FileLock:
    """The lock of one connection's writes to its ledger (an export, the bank feed), in the user data
    directory: held by one thread or process at a time (the app's worker, a ``pleodesk`` command)."""
    from pleodesk import paths

    return FileLock(paths.data_dir() / "locks" / f"connection-{int(conn_id)}.lock", timeout, on_timeout)
