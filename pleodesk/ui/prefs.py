"""App-wide preferences (not per connection): a small INI file in the data directory."""

from __future__ import annotations

from pleodesk import paths


def _settings():
    from PySide6.QtCore import QSettings

    return QSettings(str(paths.data_dir() / "app.ini"), QSettings.Format.IniFormat)


def get(key: str, default=None):
    value = _settings().value(key, default)
    return default if value is None else value


def set(key: str, value) -> None:  # noqa: A001 - mirrors QSettings
    s = _settings()
    s.setValue(key, value)
    s.sync()


def language() -> str | None:
    value = get("ui/language")
    return str(value) if value else None


def set_language(code: str) -> None:
    set("ui/language", code)
