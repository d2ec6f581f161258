"""Where pleodesk keeps its files. ``PLEODESK_HOME`` overrides the platform's user data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "pleodesk"


def data_dir_location() -> Path:
    """Where the data folder is, without making it (for messages about it)."""
    override = os.environ.get("PLEODESK_HOME")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    path = data_dir_location()
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
