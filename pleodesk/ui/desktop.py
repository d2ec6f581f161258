"""Showing a file to the user in the system's file manager, with the file highlighted where the file
manager can do it: over D-Bus (``org.freedesktop.FileManager1.ShowItems``) on Linux, ``explorer /select``
on Windows, ``open -R`` on macOS; otherwise the folder is opened (``QDesktopServices``)."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

log = logging.getLogger(__name__)


def _show_items_over_dbus(path: Path) -> bool:
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface
    except ImportError:          # pragma: no cover - QtDBus is part of PySide6-Essentials
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    iface = QDBusInterface("org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                           "org.freedesktop.FileManager1", bus)
    if not iface.isValid():
        return False
    reply = iface.call("ShowItems", [QUrl.fromLocalFile(str(path)).toString()], "")
    return not reply.errorName()


def open_folder(folder: Path) -> bool:
    """Open ``folder`` in the file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def reveal(path: Path, *, runner=subprocess.Popen, platform: str | None = None) -> str:
    """Show ``path`` in the file manager, highlighted where possible. Returns how: "dbus", "explorer",
    "finder", "folder" (only the folder was opened) or "" (nothing could be opened)."""
    path = Path(path)
    platform = platform or sys.platform
    if not path.exists():
        return "folder" if path.parent.is_dir() and open_folder(path.parent) else ""
    try:
        if platform == "win32":
            runner(["explorer", f"/select,{path}"])
            return "explorer"
        if platform == "darwin":
            runner(["open", "-R", str(path)])
            return "finder"
        if _show_items_over_dbus(path):
            return "dbus"
    except OSError as exc:
        log.info("the file manager could not show %s: %s", path, exc)
    return "folder" if open_folder(path.parent) else ""
