"""Helpers of the packaging tests (a module of its own: these tests are no package, so that
``tests/packaging`` never shadows the ``packaging`` library)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def app_commands() -> list[tuple[str, list[str]]]:
    """How to start pleodesk: from source always; the frozen bundle when PLEODESK_BUNDLE names one."""
    cmds = [("source", [sys.executable, "-m", "pleodesk"])]
    bundle = os.environ.get("PLEODESK_BUNDLE")
    if bundle:
        cmds.append(("bundle", [str(Path(bundle).resolve())]))
    return cmds


def app_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLEODESK_", "QT_"))}
    env.update({"PLEODESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO),
                "XDG_DATA_HOME": str(home.parent / "xdg-data"), "PLEODESK_LANG": "en"})
    env.update(extra)
    return env
