"""The system-tray icon: the last run's status at a glance, a desktop notification only when the
number of problems grows (never for the same problems twice, also across restarts), and a message when
the bank feed wrote a new statement file to import by hand (clicked: the file, highlighted)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from pleodesk.ui import prefs, systems
from pleodesk.ui.resources import app_icon, state_icon
from pleodesk.ui.views.common import counts_text, kind_name, run_status_name


def badged_icon(state: str | None) -> QIcon:
    """The app icon with a small state badge in the corner."""
    base = app_icon().pixmap(64, 64)
    if state in (None, "connected"):
        return QIcon(base)
    pix = QPixmap(base)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor("white"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QPoint(48, 48), 16, 16)
    state_icon(state).paint(p, QRect(34, 34, 28, 28))
    p.end()
    return QIcon(pix)


class Tray(QObject):
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.notifications: list[tuple[str, str]] = []     # (title, message), newest last
        self.messages: list[tuple[str, str]] = []          # information shown from the tray (not problems)
        self.tooltip = "pleodesk"
        self.state: str | None = None
        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(badged_icon(None), self)
            # Owned by the window when there is one, so it goes with it (not after the application).
            menu = QMenu(parent) if isinstance(parent, QWidget) else QMenu()
            self._menu = menu
            open_action = QAction(self.tr("&Open pleodesk"), menu)
            open_action.triggered.connect(self.open_requested)
            quit_action = QAction(self.tr("&Quit"), menu)
            quit_action.triggered.connect(self.quit_requested)
            menu.addAction(open_action)
            menu.addSeparator()
            menu.addAction(quit_action)
            self.icon.setContextMenu(menu)
            self.icon.activated.connect(self._activated)
            self.icon.setToolTip(self.tooltip)
            self.icon.show()
        self.ready_file = None                 # the statement file the last "ready" message was about
        if self.icon is not None:
            self.icon.messageClicked.connect(self._message_clicked)
        ctx.hub.run_finished.connect(self._run_finished)
        ctx.hub.run_finished.connect(self._feed_file_ready)
        ctx.hub.problems_changed.connect(self._problems_changed)
        ctx.hub.connection_state_changed.connect(self._state_changed)

    def _activated(self, reason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def _set(self, tooltip: str | None = None, state: str | None = None) -> None:
        if tooltip is not None:
            self.tooltip = tooltip
        if state is not None:
            self.state = state
        if self.icon is not None:
            self.icon.setToolTip(self.tooltip)
            self.icon.setIcon(badged_icon(self.state))

    def _feed_file_ready(self, conn_id: int, result) -> None:
        """A bank feed written to a statement file to import by hand (Xero): say that a new one is ready,
        and show it (highlighted in its folder) when the message is clicked."""
        if result.job.kind != "feed" or not result.ok:
            return
        conn = self.ctx.store.get_connection(conn_id)
        files = systems.feed_files(conn.system, conn.settings or {}) if conn is not None else None
        if not files or files[1] is None:
            return
        newest = files[1]
        key = f"tray/statement/{conn_id}"
        if prefs.get(key, "") == str(newest):
            return                                 # nothing new since the last message
        prefs.set(key, str(newest))
        self.ready_file = newest
        self.inform(self.tr("A new statement file is ready"),
                    self.tr("{name}: import {file} in {system} (Settings > Bank feed > Import). Click to show the "
                            "file.").format(name=conn.name, file=newest.name, system=systems.short_label(conn.system)))

    def _message_clicked(self) -> None:
        if self.ready_file is not None:
            from pleodesk.ui.desktop import reveal

            reveal(self.ready_file)

    def _run_finished(self, conn_id: int, result) -> None:
        if not result.job.is_run:
            return
        conn = self.ctx.store.get_connection(conn_id)
        name = conn.name if conn else "?"
        counts = counts_text(result.counts)
        text = self.tr("{name}: {what} — {status}").format(name=name, what=kind_name(result.job.kind),
                                                          status=run_status_name(result.status))
        if counts:
            text += f" ({counts})"
        state = {"failed": "needs_attention", "partial": "needs_attention"}.get(result.status, "connected")
        if result.state == "disconnected":
            state = "disconnected"
        self._set("pleodesk\n" + text, state)

    def _state_changed(self, conn_id: int, state: str, message: str) -> None:
        if state == "disconnected":
            self._set(None, "disconnected")

    def _problems_changed(self, conn_id: int, count: int) -> None:
        key = f"tray/problems/{conn_id}"
        try:
            before = int(prefs.get(key, 0) or 0)
        except (TypeError, ValueError):
            before = 0
        prefs.set(key, int(count))
        if count > before:
            conn = self.ctx.store.get_connection(conn_id)
            name = conn.name if conn else ""
            title = self.tr("pleodesk: %n expense(s) need attention", "", count)
            message = self.tr("{name}: {new} more held or failed since the last run. Open Problems to fix them.").format(
                name=name, new=count - before)
            self.notify(title, message)

    def notify(self, title: str, message: str) -> None:
        self.notifications.append((title, message))
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Warning, 10000)

    @property
    def available(self) -> bool:
        """Whether pleodesk's icon is in a system tray (the app can then run with its window closed)."""
        return self.icon is not None

    def inform(self, title: str, message: str) -> None:
        """A one-off information balloon (not a problem notification)."""
        self.messages.append((title, message))
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 8000)

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
