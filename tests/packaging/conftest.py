"""Packaging tests: the self-test, upgrades of old data, the installer's parts.

Most run from source. Set ``PLEODESK_BUNDLE`` to a built bundle's executable (``dist/pleodesk/pleodesk``;
``scripts/ci_bundle.sh`` does) and the same checks also run against the frozen app.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

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


@pytest.fixture(params=app_commands(), ids=lambda c: c[0])
def app_command(request) -> list[str]:
    return request.param[1]
