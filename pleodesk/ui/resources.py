"""Where the app's resources (icons, translations) are, and cached icons."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pleodesk


def resources_dir() -> Path:
    """``resources/`` beside the package (a source checkout), or inside it (an installed copy);
    ``PLEODESK_RESOURCES`` overrides both."""
    override = os.environ.get("PLEODESK_RESOURCES")
    if override:
        return Path(override)
    pkg = Path(pleodesk.__file__).resolve().parent
    for candidate in (pkg.parent / "resources", pkg / "resources"):
        if candidate.is_dir():
            return candidate
    return pkg.parent / "resources"


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / f"{name}.svg"


@lru_cache(maxsize=None)
def icon(name: str):
    """A QIcon from ``resources/icons/<name>.svg`` (an empty icon if the file is missing)."""
    from PySide6.QtGui import QIcon

    path = icon_path(name)
    return QIcon(str(path)) if path.exists() else QIcon()


def app_icon():
    return icon("app")


STATE_ICONS = {"connected": "state-connected", "needs_attention": "state-attention",
               "disconnected": "state-disconnected", "draft": "state-draft", "inactive": "state-inactive"}


def state_icon(state: str):
    return icon(STATE_ICONS.get(state, "state-attention"))
