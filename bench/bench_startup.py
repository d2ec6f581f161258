#!/usr/bin/env python3
"""Time from process start to a painted main window (target < 1.5 s).

Starts ``pleodesk`` (``run_app``) in a fresh Python process several times, offscreen, on a private data
directory holding one connection, and measures from the moment the process is spawned until the app
reports that its main window has painted its first frame (``PLEODESK_STARTUP_PROBE``).

    .venv/bin/python bench/bench_startup.py [--runs 7] [--empty]
"""

from __future__ import annotations

import argparse
import atexit
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import os, sys
sys.path.insert(0, {root!r})
sys.path.insert(0, {scripts!r})
from pleodesk.secrets import use_memory_keyring
use_memory_keyring()
from pleodesk.ui.app import run_app
raise SystemExit(run_app())
"""

SETUP = r"""
import os, sys
sys.path.insert(0, {root!r})
from pleodesk.storage import open_store
s = open_store()
c = s.add_connection("Bakkerij Jansen B.V.", "journal_file", settings={{"folder": {folder!r}, "chart": {{}}}},
                     pleo_company_id="2f1e8c7a-0000-4000-8000-000000000001", pleo_base_url="https://external.pleo.io")
s.close()
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--empty", action="store_true", help="no connection yet (the wizard opens too)")
    args = ap.parse_args()
    # An installed pleodesk has its modules' bytecode (pip and the bundle write it); a checkout run with
    # PYTHONDONTWRITEBYTECODE has none and would compile pleodesk at every start (about 0.3 s).
    compileall.compile_dir(str(ROOT / "pleodesk"), quiet=1)
    home = tempfile.mkdtemp(prefix="pleodesk-startup-")
    atexit.register(shutil.rmtree, home, True)       # the data folder goes with the run
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PLEODESK_HOME=home, PLEODESK_STARTUP_PROBE="1", PLEODESK_LANG="en")
    if not args.empty:
        subprocess.run([sys.executable, "-c", SETUP.format(root=str(ROOT), folder=str(Path(home) / "journal"))],
                       env=env, check=True)
    code = CHILD.format(root=str(ROOT), scripts=str(ROOT / "scripts"))
    # One warm-up run (compiled bytecode, translations built, fonts cached), not counted.
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=60)
    wall, inside = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        painted = None
        for line in proc.stdout:
            if line.startswith("painted"):
                painted = time.perf_counter() - t0
                inside.append(float(line.split()[1]))
                break
        proc.wait(timeout=60)
        if painted is None:
            print("the app did not report a painted window", file=sys.stderr)
            return 1
        wall.append(painted)
    med = statistics.median(wall)
    print(f"process start -> painted main window ({'no connection' if args.empty else 'one connection'}), "
          f"{args.runs} runs: median {med * 1000:.0f} ms, min {min(wall) * 1000:.0f} ms, "
          f"max {max(wall) * 1000:.0f} ms (of which in run_app: median {statistics.median(inside) * 1000:.0f} ms)")
    print(f"target < 1500 ms: {'met' if med < 1.5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
