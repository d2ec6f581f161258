"""The data folder in Settings: how long pleodesk keeps Pleo's data and receipts of exported
expenses, how big the folder is, and "Clean up now"; and the clean-up the app does once a day on
its own (``Housekeeping``). The work is ``pleodesk.storage.retention``'s, done on the store writer's
thread."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QLocale, QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from pleodesk import paths
from pleodesk.storage import retention
from pleodesk.ui import prefs
from pleodesk.ui.tasks import run_task
from pleodesk.ui.widgets import hint, set_status

log = logging.getLogger(__name__)

MONTHS_KEY = "data/retention_months"
LAST_CLEANUP_KEY = "data/last_cleanup"
# The app cleans up on its own this long after it started, then once a day.
FIRST_CLEANUP_MS = 2 * 60 * 1000
CLEANUP_EVERY_S = 24 * 3600


def retention_months() -> int:
    """The months chosen in Settings (``retention.DEFAULT_MONTHS`` until one is chosen; 0: keep all)."""
    try:
        months = int(prefs.get(MONTHS_KEY, retention.DEFAULT_MONTHS))
    except (TypeError, ValueError):
        return retention.DEFAULT_MONTHS
    return months if months >= 0 else retention.DEFAULT_MONTHS


def size_text(n: int) -> str:
    """A size as the user's language writes it ("1.2 GB", "1,2 Go")."""
    return QLocale().formattedDataSize(max(0, int(n)), 1)


def any_export_running(ctx) -> bool:
    return any(ctx.workers.busy(c.id) for c in ctx.store.list_connections())


class DataFolderBox(QGroupBox):
    """Settings > Data folder."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Data folder"), parent)
        self.ctx = ctx
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.months = QComboBox(self)
        for n in retention.CHOICES:
            self.months.addItem(self.tr("%n month(s)", "", n) if n else self.tr("Keep everything"), n)
        self.months.setCurrentIndex(max(0, self.months.findData(retention_months())))
        self.months.setAccessibleName(self.tr("Keep Pleo's data and receipts of exported expenses for"))
        label = QLabel(self.tr("&Keep Pleo's data and receipts of exported expenses for:"), self)
        label.setBuddy(self.months)
        form.addRow(label, self.months)
        form.addRow(hint(self.tr(
            "After that, pleodesk removes its own copy of Pleo's data and the receipts it downloaded for "
            "expenses the ledger has confirmed; they stay listed under Expenses. The ledger is the record: "
            "keep it as long as the law asks (often 5 to 10 years). Held, failed and waiting expenses are "
            "never removed, and a deleted connection's data goes with it."), self))
        row = QHBoxLayout()
        self.size = QLabel(self)
        self.size.setAccessibleName(self.tr("Size of the data folder"))
        self.size.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open folder"), self)
        self.clean_button = QPushButton(self.tr("Clean &up now"), self)
        row.addWidget(self.size, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.clean_button)
        form.addRow(row)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Clean-up result"))
        form.addRow(self.status)
        self.months.currentIndexChanged.connect(self._months_changed)
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.store.path.parent))))
        self.clean_button.clicked.connect(self.clean_up)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()

    def _months_changed(self) -> None:
        prefs.set(MONTHS_KEY, int(self.months.currentData()))

    def refresh(self) -> None:
        """Measure the folder (off the GUI thread: it counts every receipt file)."""
        store = self.ctx.store
        root = paths.receipts_dir()
        run_task(lambda: retention.data_folder_size(store, root), self._show_size, lambda _exc: None, owner=self)

    def _show_size(self, size) -> None:
        self.size.setText(self.tr("{folder}: {total} (database {database}, receipts {receipts})").format(
            folder=str(self.ctx.store.path.parent), total=size_text(size.total), database=size_text(size.database),
            receipts=size_text(size.receipts)))

    def clean_up(self) -> None:
        store, months, root = self.ctx.store, int(self.months.currentData()), paths.receipts_dir()
        # A whole VACUUM (an older database's first) holds the database for a while: not while this
        # pleodesk exports; then only the small steps are done, and the rest at a later clean-up.
        full = not any_export_running(self.ctx)
        self.clean_button.setEnabled(False)
        set_status(self.status, self.tr("Cleaning up…"))

        def done(result) -> None:
            self.clean_button.setEnabled(True)
            prefs.set(LAST_CLEANUP_KEY, time.time())
            text = self.tr("Freed {size}.").format(size=size_text(result.freed))
            if result.compacted in ("busy", "none") or result.errors:
                text += " " + self.tr("The database itself is compacted at a later clean-up, when no export "
                                      "is running.")
            set_status(self.status, text, True)
            if result.after is not None:
                self._show_size(result.after)

        def failed(exc) -> None:
            self.clean_button.setEnabled(True)
            set_status(self.status, self.tr("Not cleaned up: {error}").format(error=str(exc)), False)

        self.ctx.write(lambda: retention.clean_up(store, months=months, receipts_root=root, full_vacuum=full),
                       done, failed)


class Housekeeping(QObject):
    """Retention on its own: a while after start-up, then once a day (never more than once a day,
    across starts). Small steps only: the full VACUUM is left to "Clean up now"."""

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.run)

    def start(self, first_ms: int = FIRST_CLEANUP_MS) -> None:
        self.timer.start(first_ms)

    def due(self, now: float | None = None) -> bool:
        try:
            last = float(prefs.get(LAST_CLEANUP_KEY, 0) or 0)
        except (TypeError, ValueError):
            last = 0.0
        return (now if now is not None else time.time()) - last >= CLEANUP_EVERY_S

    def run(self) -> None:
        self.timer.start(CLEANUP_EVERY_S * 1000 // 24)          # look again in an hour
        if not self.due():
            return
        prefs.set(LAST_CLEANUP_KEY, time.time())
        store, months, root = self.ctx.store, retention_months(), paths.receipts_dir()

        def done(result) -> None:
            log.info("clean-up: %d expenses pruned, %d of no connection, %d files, %s, %d bytes freed",
                     result.pruned, result.orphans, result.files, result.compacted, result.freed)

        self.ctx.write(lambda: retention.clean_up(store, months=months, receipts_root=root), done,
                       lambda exc: log.warning("clean-up failed: %s", exc))
