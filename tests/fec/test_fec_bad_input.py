"""A folder pleodesk cannot write to, and a full disk: a clear message, and nothing changed."""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from . import fec_rules

ROOT = Path(__file__).resolve().parents[2]
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3


def _drop_override() -> None:
    """In the child: even root then obeys file modes."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def child(folder: Path, ids: list[str], preexec=None) -> dict:
    done = subprocess.run([sys.executable, "-m", "tests.fec.child", str(folder), *ids], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, preexec_fn=preexec,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_folder_that_cannot_be_written_is_named_and_nothing_changes(tmp_path):
    probe = subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_drop_override)
    if probe.returncode != 0:
        pytest.skip("running as root without the right to drop CAP_DAC_OVERRIDE, so no folder is read-only here")
    folder = tmp_path / "fec"
    first = child(folder, ["r1"])
    assert first["results"] == [{"ok": True, "title": None, "fix": None}]
    before = snapshot(folder)
    for p in [folder, *folder.rglob("*")]:
        if p.is_dir():
            p.chmod(0o555)
    try:
        out = child(folder, ["r2"], preexec=_drop_override)
    finally:
        for p in [folder, *folder.rglob("*")]:
            if p.is_dir():
                p.chmod(0o755)
    assert any("cannot write to" in m and "Choose a folder you can write to" in m for m in out["check"])
    assert out["raised"]["title"].endswith("no permission to write")
    assert "Nothing was written" in out["raised"]["fix"]
    assert snapshot(folder) == before


def test_a_full_disk_is_named_nothing_is_half_written_and_the_next_run_goes_through(tmp_path):
    folder = tmp_path / "fec"
    first = child(folder, ["f1"])
    assert first["results"][0]["ok"]
    before = snapshot(folder)
    from pleodesk.providers.fec.provider import LOG_HEADER, _csv_line

    limit = len(_csv_line(LOG_HEADER).encode()) + 40      # a new run's log gets its header, no entry fits

    def full_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    out = child(folder, ["f2", "f3"], preexec=full_disk)
    assert [r["ok"] for r in out["results"]] == [False, False]
    assert all("the disk is full" in r["title"] and "Nothing was written" in r["fix"] for r in out["results"])
    after = snapshot(folder)
    assert {k: v for k, v in after.items() if k in before} == before     # what was handed over is intact
    runs = folder / ".pleodesk" / "runs"
    assert not [p for p in runs.iterdir() if not p.name.endswith(".done.csv")]   # the empty run left nothing
    # With room again the same expenses go through, once.
    again = child(folder, ["f1", "f2", "f3"])
    assert [r["ok"] for r in again["results"]] == [True, True, True]
    files = sorted(p for p in folder.glob("*/*.txt") if fec_rules.NAME.match(p.name))
    pieces = [ln["PieceRef"] for f in files for ln in fec_rules.check(f)]
    assert [pieces.count(f"PLEO-f{i}") for i in (1, 2, 3)] == [3, 3, 3]
