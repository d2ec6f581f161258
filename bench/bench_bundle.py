#!/usr/bin/env python3
"""The frozen app: bundle size and start-up time to a painted main window (targets < 200 MB, < 2 s).

Measures the PyInstaller bundle that ``build_installer.py`` made (``dist/pleodesk/``): its size on disk,
the size of the installer archive beside it, and the time from spawning the program until it reports
that its main window painted its first frame (``PLEODESK_STARTUP_PROBE=1`` makes the app print
``painted <s>`` and quit), offscreen. Two cases: the first start (empty data directory: the main window
and the setup wizard open) and a start with one connection. Each case runs ``--runs`` times (default 5),
median reported. Runs are "cold" when the OS lets us drop its file cache (root on Linux), else warm
after one uncounted run; the output says which.

    .venv/bin/python build_installer.py --bundle-only     # if dist/pleodesk is not there yet
    .venv/bin/python bench/bench_bundle.py [--bundle dist/pleodesk] [--runs 5]
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SETUP = r"""
import sys
sys.path.insert(0, {root!r})
from pleodesk.storage import open_store
s = open_store()
s.add_connection("Bakkerij Jansen B.V.", "journal_file", settings={{"folder": {folder!r}, "chart": {{}}}},
                 pleo_company_id="2f1e8c7a-0000-4000-8000-000000000001", pleo_base_url="https://external.pleo.io")
s.close()
"""


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def drop_caches() -> bool:
    """Empty the OS file cache so the next start reads the bundle from disk (Linux, root only)."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def one_start(exe: Path, env: dict) -> tuple[float, float]:
    """(wall seconds from spawn to the "painted" line, seconds the app itself reports)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(exe)], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    painted = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("painted"):
            painted = (time.perf_counter() - t0, float(line.split()[1]))
            break
    proc.wait(timeout=60)
    if painted is None:
        raise SystemExit(f"{exe} did not report a painted window (exit {proc.returncode})")
    return painted


def measure(exe: Path, home: Path, runs: int, cold: bool) -> tuple[list[float], list[float], bool]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLEODESK_")}
    env.update(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PLEODESK_HOME=str(home),
               PLEODESK_STARTUP_PROBE="1", PLEODESK_LANG="en")
    if not cold:
        one_start(exe, env)            # warm-up, not counted
    wall, inside = [], []
    for _ in range(runs):
        if cold and not drop_caches():
            cold = False
            one_start(exe, env)
        w, i = one_start(exe, env)
        wall.append(w)
        inside.append(i)
    return wall, inside, cold


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bundle", default=str(ROOT / "dist" / "pleodesk"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warm", action="store_true", help="do not drop the file cache between runs")
    args = ap.parse_args()
    bundle = Path(args.bundle).resolve()
    exe = bundle / ("pleodesk-cli.exe" if sys.platform == "win32" else "pleodesk")
    if not exe.exists():
        print(f"no bundle at {bundle}: run build_installer.py first", file=sys.stderr)
        return 1
    size = dir_size(bundle)
    archives = sorted(p for p in bundle.parent.glob("pleodesk-*") if p.is_file())
    print(f"bundle {bundle}: {size / 1e6:.1f} MB on disk ({sum(1 for _ in bundle.rglob('*'))} files); "
          f"target < 200 MB: {'met' if size < 200e6 else 'NOT met'}")
    for a in archives:
        print(f"  {a.name}: {a.stat().st_size / 1e6:.1f} MB")

    ok = size < 200e6
    for label, with_connection in (("first start, no connection (main window + setup wizard)", False),
                                   ("start with one connection", True)):
        home = Path(tempfile.mkdtemp(prefix="pleodesk-bench-bundle-"))
        atexit.register(shutil.rmtree, home, True)       # the data folder goes with the run
        if with_connection:
            env = dict(os.environ, PLEODESK_HOME=str(home))
            subprocess.run([sys.executable, "-c", SETUP.format(root=str(ROOT), folder=str(home / "journal"))],
                           env=env, check=True)
        wall, inside, cold = measure(exe, home, args.runs, cold=not args.warm)
        med = statistics.median(wall)
        ok = ok and med < 2.0
        print(f"{label}, {args.runs} {'cold' if cold else 'warm'} runs: process start -> painted main window "
              f"median {med * 1000:.0f} ms (min {min(wall) * 1000:.0f}, max {max(wall) * 1000:.0f}; "
              f"after pleodesk.ui.app was imported: median {statistics.median(inside) * 1000:.0f} ms); "
              f"target < 2000 ms: {'met' if med < 2.0 else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
