"""Partial receipt files (``*.part``) left by a download that was killed are removed at the start of the
next run; those of a download still running, in this process or another, are not."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from pleodesk.providers.pleo import PARTIAL_GRACE_SECONDS, clean_partial_downloads

ROOT = Path(__file__).resolve().parents[2]

# A download in a child process: the file host sends one chunk, then nothing (until the child is killed).
DOWNLOADER = r"""
import sys, time
sys.path.insert(0, {root!r})
import httpx
from pleodesk.providers.pleo import PleoClient

class Stall(httpx.SyncByteStream):
    def __iter__(self):
        yield b"%PDF-1.7 " + b"x" * 70_000
        print("streaming", flush=True)
        time.sleep(600)
        yield b""

transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=Stall()))
client = PleoClient("https://external.pleo.test", api_key="k", company_id="c", transport=transport)
client.download("https://files.pleo.test/r.pdf", __import__("pathlib").Path({dest!r}))
"""


def fs_now() -> float:
    """The file system's clock: file times come from it. The tests at other dates move the process's clock
    (time-machine), not the file system's, so the clean-up is asked with this one here."""
    probe = Path(tempfile.gettempdir()) / f".pleodesk-fs-clock-{os.getpid()}"
    probe.touch()
    try:
        return probe.stat().st_mtime
    finally:
        probe.unlink()


def clean(folder: Path) -> int:
    return clean_partial_downloads(folder, now=fs_now)


def start_download(dest: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", DOWNLOADER.format(root=str(ROOT), dest=str(dest))],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "streaming"
    return proc


def parts(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.part"))


def age(path: Path, seconds: float, clock=None) -> None:
    t = (clock or fs_now)() - seconds
    os.utime(path, (t, t))


def test_a_killed_download_leaves_a_part_file_that_the_next_cleanup_removes(tmp_path):
    receipts = tmp_path / "receipts"
    dest = receipts / "ae000000-0000-4000-8000-000000000001" / "ae000000-1.pdf"
    proc = start_download(dest)
    try:
        (left,) = parts(receipts)
        age(left, 2 * PARTIAL_GRACE_SECONDS)
        assert clean(receipts) == 0, "a download still running keeps its file"
        assert left.exists()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert left.exists() and not dest.exists()
    age(left, 2 * PARTIAL_GRACE_SECONDS)
    assert clean(receipts) == 1
    assert parts(receipts) == []


def test_fresh_part_files_and_other_files_are_left_alone(tmp_path):
    receipts = tmp_path / "receipts"
    (receipts / "e1").mkdir(parents=True)
    fresh = receipts / "e1" / ".e1-1.pdf.abc.part"
    fresh.write_bytes(b"x")
    old = receipts / "e1" / ".e1-2.pdf.def.part"
    old.write_bytes(b"x")
    age(old, 3600)
    kept = receipts / "e1" / "e1-1.pdf"
    kept.write_bytes(b"receipt")
    age(kept, 3600)
    named_part = receipts / "e1" / "report.part.pdf"
    named_part.write_bytes(b"receipt")
    age(named_part, 3600)
    assert clean(receipts) == 1
    assert not old.exists() and fresh.exists() and kept.exists() and named_part.exists()
    assert clean(tmp_path / "missing") == 0


def test_every_run_starts_by_cleaning(tmp_path, pleodesk_home):
    from types import SimpleNamespace

    from pleodesk import paths
    from pleodesk.connections import make_engine

    left = paths.receipts_dir() / "e1" / ".e1-1.pdf.x1.part"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"half a receipt")
    age(left, 3600, clock=time.time)            # by the clock the engine's clean-up reads
    make_engine(None, SimpleNamespace(id=1, name="Books", settings={}), pleo=object(), provider=object())
    assert not left.exists()


@pytest.mark.skipif(os.name == "nt", reason="POSIX file locks")
def test_a_download_of_this_process_keeps_its_file_too(tmp_path):
    import fcntl

    from pleodesk.providers.pleo import _hold_partial

    folder = tmp_path / "receipts" / "e1"
    folder.mkdir(parents=True)
    path = folder / ".e1-1.pdf.x.part"
    fd = os.open(path, os.O_CREAT | os.O_WRONLY)
    try:
        _hold_partial(fd)
        age(path, 3600)
        assert clean(tmp_path / "receipts") == 0 and path.exists()
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    assert clean(tmp_path / "receipts") == 1


def test_later_looks_open_only_the_folders_changed_since_and_still_find_new_leftovers(tmp_path):
    receipts = tmp_path / "receipts"
    old_dirs = []
    for i in range(50):
        d = receipts / f"e{i}"
        d.mkdir(parents=True)
        (d / f"e{i}-1.pdf").write_bytes(b"receipt")
        t = fs_now() - 86400
        os.utime(d, (t, t))
        old_dirs.append(d)
    legacy = old_dirs[3] / ".e3-2.pdf.old.part"          # left by a version that never cleaned up
    legacy.write_bytes(b"x")
    age(legacy, 86400)
    t = fs_now() - 86400
    os.utime(old_dirs[3], (t, t))
    assert clean(receipts) == 1      # the first look opens every folder

    opened = []
    real_scandir = os.scandir

    def spy(path=None):
        opened.append(Path(path))
        return real_scandir(path)

    later = old_dirs[7] / ".e7-2.pdf.new.part"         # a download killed after the last look
    later.write_bytes(b"x")
    age(later, 3600)
    import pleodesk.providers.pleo as pleo_module

    pleo_module.os.scandir = spy
    try:
        assert clean(receipts) == 1
    finally:
        pleo_module.os.scandir = real_scandir
    assert not later.exists()
    # e3 changed when the first look deleted its leftover; the other 48 folders were not touched since.
    assert set(opened) <= {receipts, old_dirs[3], old_dirs[7]}, "untouched expense folders are not opened again"
