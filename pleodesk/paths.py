"""Where pleodesk keeps its files. ``PLEODESK_HOME`` overrides the platform's user data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "pleodesk"


def data_dir() -> Path:
    override = os.environ.get("PLEODESK_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def database_path() -> Path:
    return data_dir() / "pleodesk.sqlite3"


def receipts_dir() -> Path:
    p = data_dir() / "receipts"
    p.mkdir(parents=True, exist_ok=True, mode=0o700)
    return p


def logs_dir() -> Path:
    p = data_dir() / "logs"
    p.mkdir(parents=True, exist_ok=True, mode=0o700)
    return p
