"""Export a month: pick the month, see what will happen, press one button, watch it, read the result."""

from __future__ import annotations

import html
from datetime import datetime, timezone
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QProgressBar, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from pleodesk.ui import fmt
from pleodesk.ui.jobs import Job
from pleodesk.ui.resources import icon
from pleodesk.ui.views.common import ConnectionTab, counts_text, hold_reason_text, run_status_name, skip_reason_text
from pleodesk.ui.widgets import heading, hint, set_status

URL_ROLE = Qt.ItemDataRole.UserRole
#: Entries listed under the result (all of them are in the Expenses tab).
SHOWN_LINKS = 200


def recent_months(n: int = 13, today=None) -> list[str]:
    today = today or datetime.now(timezone.utc).date()
    y, m = today.year, today.month
    out = []
    for _ in range(n):
        out.append(f"{y:04d}-{m:02d}")
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return out


class ExportTab(ConnectionTab):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self._job: Job | None = None         # the run shown (of the shown connection), if any
        self._exports: dict[int, Job] = {}     # exports started here, per connection, until they end
        self._results: dict[int, object] = {}  # the last export result per connection
        self._preview_job: Job | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Export a month"), self))
        lay.addWidget(hint(self.tr("Sends every settled expense of the month that is waiting for export in Pleo, by "
                                   "its booking date (the date Pleo shows). Expenses already in the ledger are never "
                                   "sent again."),
                           self))
        row = QHBoxLayout()
        self.month = QComboBox(self)
        self.month.setAccessibleName(self.tr("Month to export"))
        month_label = QLabel(self.tr("&Month:"), self)
        month_label.setBuddy(self.month)
        self.refresh = QPushButton(self.tr("&Preview again"), self)
        row.addWidget(month_label)
        row.addWidget(self.month)
        row.addWidget(self.refresh)
        row.addStretch(1)
        lay.addLayout(row)

        self.preview_box = QGroupBox(self.tr("What will be exported"), self)
        pv = QVBoxLayout(self.preview_box)
        self.preview_text = QLabel(self.preview_box)
        self.preview_text.setWordWrap(True)
        self.preview_text.setAccessibleName(self.tr("Preview"))
        pv.addWidget(self.preview_text)
        self.totals = QTableWidget(0, 3, self.preview_box)
        self.totals.setHorizontalHeaderLabels([self.tr("Ledger account"), self.tr("Tax code"), self.tr("Amount")])
        self.totals.setAccessibleName(self.tr("Totals per ledger account and tax code"))
        self.totals.verticalHeader().setVisible(False)
        self.totals.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.totals.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.totals.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.totals.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        pv.addWidget(self.totals, 1)
        self.held_text = QLabel(self.preview_box)
        self.held_text.setWordWrap(True)
        pv.addWidget(self.held_text)
        lay.addWidget(self.preview_box, 2)

        action = QHBoxLayout()
        self.export_button = QPushButton(icon("export"), self.tr("E&xport"), self)
        self.export_button.setDefault(True)
        self.export_button.setAutoDefault(True)
        self.export_button.setMinimumHeight(34)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setTextVisible(True)
        self.cancel = QPushButton(self.tr("&Cancel"), self)
        action.addWidget(self.export_button)
        action.addWidget(self.progress, 1)
        action.addWidget(self.cancel)
        lay.addLayout(action)
        self.progress_text = QLabel(self)
        self.progress_text.setAccessibleName(self.tr("Progress message"))
        lay.addWidget(self.progress_text)

        self.result_box = QGroupBox(self.tr("Result"), self)
        rv = QVBoxLayout(self.result_box)
        self.result_text = QLabel(self.result_box)
        self.result_text.setWordWrap(True)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_text.setAccessibleName(self.tr("Export result"))
        rv.addWidget(self.result_text)
        self.links = QListWidget(self.result_box)
        self.links.setAccessibleName(self.tr("Entries created in the ledger"))
        self.links.setMaximumHeight(130)
        rv.addWidget(self.links)
        lay.addWidget(self.result_box, 1)
        self.result_box.hide()

        for m in recent_months():
            y, mo = int(m[:4]), int(m[5:])
            self.month.addItem(fmt.month_name(y, mo), m)
        self.month.setCurrentIndex(1)
        self._idle()
        self.month.currentIndexChanged.connect(self._month_changed)
        self.refresh.clicked.connect(self.preview)
        self.export_button.clicked.connect(self.export)
        self.cancel.clicked.connect(self._cancel)
        self.links.itemActivated.connect(self._open_link)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(250)
        self._preview_timer.timeout.connect(self.preview)
        hub = ctx.hub
        hub.run_started.connect(self._run_started)
        hub.run_progress.connect(self._run_progress)
        hub.run_finished.connect(self._run_finished)

    # ------------------------------------------------------------------ selection --------------
    def selected_month(self) -> str:
        return self.month.currentData()

    def set_month(self, month: str) -> None:
        idx = self.month.findData(month)
        if idx >= 0:
            self.month.setCurrentIndex(idx)

    def _month_label(self) -> str:
        return self.month.currentText()

    def connection_changed(self, new: bool) -> None:
        """Show the connection's own state: an export started here that still runs or waits (also
        after looking at another connection meanwhile), else a run in progress, else idle with the
        last result."""
        conn_id = self.conn_id
        if new:
            self.result_box.hide()
            self.preview_text.setText("")
            self.totals.setRowCount(0)
            self.held_text.setText("")
            if conn_id in self._results and conn_id not in self._exports:
                self._show_result(self._results[conn_id])
        current = self.ctx.workers.current(conn_id) if conn_id is not None else None
        job = self._exports.get(conn_id) if conn_id is not None else None
        if job is None and current is not None and current.is_run:
            job = current
        self._job = job
        if job is not None:
            self._running(True)
            if job.cancel.is_set():
                self.cancel.setEnabled(False)
            self.progress_text.setText(self.tr("Exporting…") if job is current else
                                       self.tr("Waiting for the work already running to finish…"))
        else:
            self._idle()
        if new:
            self._preview_timer.start()

    def forget_connection(self, conn_id: int) -> None:
        """The connection is being deleted: its work was cancelled and its results go with it."""
        self._exports.pop(conn_id, None)
        self._results.pop(conn_id, None)

    def activated(self) -> None:
        if self.conn is not None and not self.preview_text.text():
            self._preview_timer.start()

    def _month_changed(self) -> None:
        self._update_button()
        self._preview_timer.start()

    def _update_button(self) -> None:
        self.export_button.setText(self.tr("E&xport {month}").format(month=self._month_label()))
        usable = self.conn is not None and self.conn.active and self.conn.state != "disconnected"
        self.export_button.setEnabled(usable and self._job is None)

    # ------------------------------------------------------------------ preview ----------------
    def preview(self) -> None:
        if self.conn is None:
            return
        month = self.selected_month()
        self.preview_text.setText(self.tr("Asking Pleo what {month} holds…").format(month=self._month_label()))
        self.totals.setRowCount(0)
        self.held_text.setText("")
        job = Job("preview", self.conn.id, params={"month": month})
        self._preview_job = job
        from pleodesk.ui.jobs import execute
        from pleodesk.ui.tasks import run_task

        store = self.ctx.store
        run_task(lambda: execute(store, job), lambda r, j=job: self._preview_done(j, r), owner=self)

    def _preview_done(self, job: Job, result) -> None:
        if job is not self._preview_job or self.conn is None or job.conn_id != self.conn.id:
            return
        if not result.ok or result.preview is None:
            set_status(self.preview_text, self.tr("No preview: {reason}").format(reason=result.message), False)
            return
        p = result.preview
        self.preview_text.setStyleSheet("")
        totals = ", ".join(fmt.money(Decimal(v), cur) for cur, v in sorted(p.get("totals", {}).items()))
        count = p.get("count", 0)
        if count == 0:
            self.preview_text.setText(self.tr("Nothing of {month} is waiting for export in Pleo.").format(
                month=self._month_label()))
        else:
            self.preview_text.setText(self.tr("{count} expenses waiting for export, {total} in all; {already} of them "
                                              "already in the ledger.").format(count=count, total=totals or "0",
                                                                              already=p.get("already_exported", 0)))
        names = p.get("account_names", {})
        rows = p.get("by_ledger", [])
        currency = next(iter(p.get("totals", {}) or {"": 0}))
        self.totals.setRowCount(len(rows))
        for n, (acc, tax, amount) in enumerate(rows):
            acc_text = f"{acc} – {names.get(acc, '')}".strip(" –") if acc else self.tr("(not mapped: held)")
            self.totals.setItem(n, 0, QTableWidgetItem(acc_text))
            self.totals.setItem(n, 1, QTableWidgetItem(tax or self.tr("as Pleo sends it")))
            item = QTableWidgetItem(fmt.money(Decimal(amount), currency))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.totals.setItem(n, 2, item)
        held = p.get("would_hold") or {}
        skipped = p.get("would_skip") or {}
        refused = p.get("would_refuse") or {}
        blocks = []
        if held:
            lines = "<br>".join(f"• {html.escape(hold_reason_text(msg))}: {n}" for msg, n in sorted(held.items()))
            blocks.append("<span style='color:#B45309'><b>" + html.escape(self.tr(
                "Will be held until mapped:")) + "</b><br>" + lines + "</span>")
        if skipped:
            lines = "<br>".join(f"• {html.escape(skip_reason_text(msg))}: {n}" for msg, n in sorted(skipped.items()))
            blocks.append("<b>" + html.escape(self.tr("Will be skipped (reported to Pleo as handled, not "
                                                        "booked):")) + "</b><br>" + lines)
        if refused:
            lines = "<br>".join(f"• {html.escape(skip_reason_text(msg))}: {n}" for msg, n in sorted(refused.items()))
            blocks.append("<span style='color:#B45309'><b>" + html.escape(self.tr(
                "Not exported, the accounting system does not take them (reported to Pleo as not exportable):"))
                + "</b><br>" + lines + "</span>")
        self.held_text.setText("<br>".join(blocks))

    # ------------------------------------------------------------------ export -----------------
    def export(self) -> None:
        if self.conn is None or self._job is not None:
            return
        job = Job("export_month", self.conn.id, params={"month": self.selected_month()})
        self._job = job
        self._exports[job.conn_id] = job
        self._results.pop(job.conn_id, None)
        self.result_box.hide()
        self._running(True)
        self.progress_text.setText(self.tr("Waiting for the work already running to finish…")
                                   if self.ctx.workers.busy(self.conn.id) else self.tr("Starting…"))
        if not self.ctx.submit(job):
            # The same export is already waiting (or the worker is shutting down): nothing was queued.
            self._job = None
            self._exports.pop(job.conn_id, None)
            self._running(False)
            self.progress_text.setText(self.tr("This export is already waiting to run; it starts when the "
                                               "work before it has finished."))

    def start_export(self, month: str) -> None:
        """Export ``month`` at once (the wizard's "export right after saving")."""
        self.set_month(month)
        self.export()

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel.set()
            self.progress_text.setText(self.tr("Cancelling after the current step…"))
            self.cancel.setEnabled(False)

    def _running(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel.setVisible(on)
        self.cancel.setEnabled(on)
        self.export_button.setEnabled(not on)
        self.month.setEnabled(not on)
        if on:
            self.progress.setRange(0, 0)

    def _idle(self) -> None:
        self._running(False)
        self.progress_text.setText("")
        self._update_button()

    def _run_started(self, conn_id: int, kind: str, trigger: str) -> None:
        if self.conn is None or conn_id != self.conn.id:
            return
        if self._job is not None:
            self.progress_text.setText(self.tr("Exporting…"))

    def _run_progress(self, conn_id: int, job, p) -> None:
        if job is not self._job:
            return
        if p.total:
            self.progress.setRange(0, p.total)
            self.progress.setValue(min(p.done, p.total))
        else:
            self.progress.setRange(0, 0)
        if p.message:
            self.progress_text.setText(p.message)

    def _run_finished(self, conn_id: int, result) -> None:
        if self._exports.get(conn_id) is result.job:
            del self._exports[conn_id]
            self._results[conn_id] = result
        if result.job is not self._job:
            if self.conn is not None and conn_id == self.conn.id and result.job.is_run:
                self._preview_timer.start()
            return
        self._job = None
        self._idle()
        self._show_result(result)
        self._preview_timer.start()

    def _show_result(self, result) -> None:
        self.result_box.show()
        status = run_status_name(result.status)
        counts = counts_text(result.counts)
        if counts:   # the counts say it in the user's language; the engine's sentence is English
            text = f"<b>{html.escape(status)}:</b> {html.escape(counts)}."
        else:
            text = f"<b>{html.escape(status)}.</b> {html.escape(result.message or '')}"
        if result.fix:
            text += "<br>" + html.escape(result.fix)
        rounded = (result.counts or {}).get("vat_rounding") or 0
        if rounded:
            text += "<br>" + html.escape(self.tr(
                "{n} expense(s) got a VAT rounding line: the ledger computes VAT itself and came to a cent more or "
                "less than Pleo, so that cent is booked on a line of its own. The Expenses tab shows it in each "
                "expense's details.").format(n=rounded))
        color = {"failed": "#B91C1C", "partial": "#B45309", "cancelled": "#B45309"}.get(result.status, "#15803D")
        self.result_text.setText(f"<span style='color:{color}'>{text}</span>")
        self.links.setUpdatesEnabled(False)
        self.links.clear()
        link_icon = icon("link")
        for reference, url in result.ledger_links[:SHOWN_LINKS]:
            item = QListWidgetItem(link_icon, reference)
            item.setData(URL_ROLE, url)
            item.setToolTip(url)
            self.links.addItem(item)
        if len(result.ledger_links) > SHOWN_LINKS:
            self.links.addItem(self.tr("… and {n} more").format(n=len(result.ledger_links) - SHOWN_LINKS))
        self.links.setUpdatesEnabled(True)
        self.links.setVisible(bool(result.ledger_links))

    def _open_link(self, item: QListWidgetItem) -> None:
        url = item.data(URL_ROLE)
        if not url:
            return
        q = QUrl(url)
        if q.isLocalFile():
            q.setFragment(None)
        QDesktopServices.openUrl(q)
