"""Export a month: pick the month, see what will happen, press one button, watch it, read the result."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from pleodesk.core import clock
from pleodesk.ui import fmt
from pleodesk.ui.jobs import Job
from pleodesk.ui.resources import icon
from pleodesk.ui.views.common import (
    ConnectionTab,
    counts_text,
    hold_reason_text,
    problem_text,
    run_status_name,
    skip_reason_text,
)
from pleodesk.ui.widgets import heading, hint, set_status

URL_ROLE = Qt.ItemDataRole.UserRole
#: Entries listed under the result (all of them are in the Expenses tab).
SHOWN_LINKS = 200


def recent_months(n: int = 13, today=None) -> list[str]:
    today = today or clock.today()
    y, m = today.year, today.month
    out = []
    for _ in range(n):
        out.append(f"{y:04d}-{m:02d}")
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return out


class _PreviewRelay(QObject):
    """Brings a preview's partial results from the thread reading Pleo to the GUI thread."""

    partial = Signal(object, object)          # the preview job, what it read so far


class ExportTab(ConnectionTab):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self._relay = _PreviewRelay(self)
        self._relay.partial.connect(self._preview_partial)
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
        # What was booked, one row per expense, to check against the ledger: activate a row to open the
        # ledger's own object (its link).
        self.links = QTableWidget(0, 5, self.result_box)
        self.links.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Supplier"), self.tr("Amount"),
                                              self.tr("Account"), self.tr("In the ledger")])
        self.links.setAccessibleName(self.tr("Entries created in the ledger"))
        self.links.verticalHeader().setVisible(False)
        self.links.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.links.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.links.setWordWrap(False)
        hh = self.links.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                    QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                    QHeaderView.ResizeMode.ResizeToContents)):
            hh.setSectionResizeMode(col, mode)
        self.links.setMinimumHeight(120)
        rv.addWidget(self.links, 1)
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
        self.links.cellClicked.connect(lambda row, col: col == 4 and self._open_link(self.links.item(row, 0)))
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
        if job is None and current is not None and current.kind == "export_month":
            job = current            # a month's export already running for this connection
        # Other work under way (the export queue checked right after a setup was saved, the bank feed) is
        # not this tab's: it is not shown as the result of an export, and Export may still be pressed
        # (the export then waits for it). Taking such a run for the tab's own made the first export after
        # a setup do nothing and show "Nothing was waiting in Pleo's export queue".
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
            self._stale = True
            if self.isVisible():
                self.reload()

    def reload(self) -> None:
        """Preview the chosen month (when the tab is shown; a hidden tab waits until it is)."""
        self._stale = False
        self.preview()

    def _refresh_preview(self) -> None:
        if self.isVisible():
            self._preview_timer.start()
        else:
            self._stale = True

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
        """What exporting the month would do. What the store knows of the month is shown at once,
        then Pleo's numbers as its list comes in (100 expenses a page), then the whole preview."""
        if self.conn is None:
            return
        self._stale = False
        month = self.selected_month()
        self.preview_text.setStyleSheet("")
        self.preview_text.setText(self.tr("Asking Pleo what {month} holds…").format(month=self._month_label()))
        self.totals.setRowCount(0)
        self.held_text.setText("")
        job = Job("preview", self.conn.id, params={"month": month})
        self._preview_job = job
        from pleodesk.ui.jobs import execute, known_of_month
        from pleodesk.ui.tasks import run_task

        store, relay, conn_id = self.ctx.store, self._relay, self.conn.id
        run_task(lambda: known_of_month(store, conn_id, month), lambda k, j=job: self._preview_known(j, k),
                 lambda _exc: None, owner=self)
        def partial(p: dict) -> None:          # on the thread reading Pleo
            try:
                relay.partial.emit(job, p)
            except RuntimeError:                # the window was closed meanwhile: nobody to tell
                pass

        run_task(lambda: execute(store, job, partial), lambda r, j=job: self._preview_done(j, r), owner=self)

    def _preview_current(self, job: Job) -> bool:
        return job is self._preview_job and self.conn is not None and job.conn_id == self.conn.id

    def _preview_known(self, job: Job, known: dict) -> None:
        """What the store knows, while Pleo is asked (only until Pleo's first numbers arrive)."""
        exported = (known or {}).get("exported", 0)
        if not self._preview_current(job) or job.params.get("shown") or not exported:
            return
        self.preview_text.setText(self.tr("Asking Pleo what {month} holds… pleodesk has exported %n expense(s) of "
                                          "it so far.", "", exported).format(month=self._month_label()))

    def _preview_partial(self, job: Job, p: dict) -> None:
        if not self._preview_current(job):
            return
        job.params["shown"] = True
        self._show_preview(p)

    def _preview_done(self, job: Job, result) -> None:
        if not self._preview_current(job):
            return
        job.params["shown"] = True
        if not result.ok or result.preview is None:
            set_status(self.preview_text, self.tr("No preview: {reason}").format(reason=result.message), False)
            return
        self._show_preview(result.preview)
        self.loaded.emit()

    def _show_preview(self, p: dict) -> None:
        self.preview_text.setStyleSheet("")

        def amounts(key: str) -> str:
            return ", ".join(fmt.money(Decimal(v), cur) for cur, v in sorted((p.get(key) or {}).items()))

        count = p.get("count", 0)
        if p.get("partial"):
            self.preview_text.setText(self.tr("Reading {month} from Pleo: %n expense(s) waiting for export so far, "
                                              "{total}…", "", count).format(month=self._month_label(),
                                                                             total=amounts("totals") or "0"))
        elif count == 0:
            self.preview_text.setText(self.tr("Nothing of {month} is waiting for export in Pleo.").format(
                month=self._month_label()))
        else:
            # What will be exported as spend is the total; wallet top-ups and unloads (money moved between
            # the bank and the wallet) and held expenses are not in it.
            parts = [self.tr("%n expense(s) waiting for export", "", count),
                     self.tr("%n of them already in the ledger", "", p.get("already_exported", 0))]
            text = "; ".join(parts) + ". "
            text += self.tr("Spend to be booked: {total} (%n expense(s)).", "", p.get("spend_count", 0)).format(
                total=amounts("totals") or fmt.money(Decimal(0)))
            if p.get("wallet_count"):
                text += " " + self.tr("Wallet top-ups and unloads, not in that total: {amount} (%n).", "",
                                      p["wallet_count"]).format(amount=amounts("wallet_moves"))
            self.preview_text.setText(text)
        names = p.get("account_names", {})
        self._preview_names = dict(names)
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
        kinds = p.get("would_hold_kinds") or {}
        skipped = p.get("would_skip") or {}
        refused = p.get("would_refuse") or {}
        blocks = []

        def reason(msg: str) -> str:
            # a tax or tag reason is said as the export's Problems say it; the others have their own words
            if msg in kinds:
                return problem_text(kinds[msg][0], kinds[msg][1], msg, "")[0]
            return hold_reason_text(msg)

        if held:
            lines = "<br>".join(f"• {html.escape(reason(msg))}: {n}" for msg, n in sorted(held.items()))
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
                self._refresh_preview()
            return
        self._job = None
        self._idle()
        self._show_result(result)
        self._refresh_preview()

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
                "%n expense(s) got a VAT rounding line: the ledger computes VAT itself and came to a cent more or "
                "less than Pleo, so that cent is booked on a line of its own. The Expenses tab shows it in each "
                "expense's details.", "", rounded))
        color = {"failed": "#B91C1C", "partial": "#B45309", "cancelled": "#B45309"}.get(result.status, "#15803D")
        self.result_text.setText(f"<span style='color:{color}'>{text}</span>")
        self._fill_entries(result)

    def _fill_entries(self, result) -> None:
        """The booked expenses: date, supplier, amount, account and the ledger object (a link)."""
        entries = list(getattr(result, "entries", None) or [])
        if not entries:           # a result from before entries were kept: the links alone
            from types import SimpleNamespace

            entries = [SimpleNamespace(reference=ref, url=url, date=None, payee="", amount=None, account="")
                       for ref, url in result.ledger_links]
        names = self._account_names()
        shown = entries[:SHOWN_LINKS]
        t = self.links
        t.setUpdatesEnabled(False)
        t.setRowCount(len(shown) + (1 if len(entries) > SHOWN_LINKS else 0))
        link_icon = icon("link")
        for row, e in enumerate(shown):
            amount = fmt.money(e.amount.amount, e.amount.currency) if e.amount is not None else ""
            account = f"{e.account} {names.get(e.account, '')}".strip() if e.account else ""
            cells = [fmt.day(e.date) if e.date else "", e.payee or "", amount, account, e.reference]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(URL_ROLE, e.url)
                if col == 4 and e.url:
                    item.setIcon(link_icon)
                    item.setToolTip(self.tr("Open in the ledger: {url}").format(url=e.url))
                    font = item.font()
                    font.setUnderline(True)
                    item.setFont(font)
                t.setItem(row, col, item)
        if len(entries) > SHOWN_LINKS:
            more = QTableWidgetItem(self.tr("… and %n more (all are in the Expenses tab)", "",
                                            len(entries) - SHOWN_LINKS))
            t.setItem(len(shown), 0, more)
            t.setSpan(len(shown), 0, 1, 5)
        t.setUpdatesEnabled(True)
        t.setVisible(bool(entries))

    def _account_names(self) -> dict[str, str]:
        """Ledger account names, as far as the connection keeps them (its chart, or the last preview)."""
        names: dict[str, str] = dict(getattr(self, "_preview_names", {}) or {})
        chart = (self.conn.settings or {}).get("chart") if self.conn is not None else None
        for a in (chart or {}).get("accounts", []) if isinstance(chart, dict) else []:
            if isinstance(a, dict) and a.get("code"):
                names.setdefault(str(a["code"]), a.get("name") or "")
        return names

    def _open_link(self, item) -> None:
        url = item.data(URL_ROLE) if item is not None else None
        if not url:
            return
        q = QUrl(url)
        if q.isLocalFile():
            q.setFragment(None)
        QDesktopServices.openUrl(q)
