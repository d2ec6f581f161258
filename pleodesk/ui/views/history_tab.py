"""History: every run with its trigger (manual, scheduled, catch-up), times, counts and skip reasons.

A model/view table (``RunsModel``): a reload reads the newest page of runs off the GUI thread and
shows it in one model reset; older runs are read a page at a time as the table is scrolled towards
its end, so a year of scheduled runs opens as fast as a day's. Columns have fixed, adjustable widths
(sizing them to their contents would measure every row)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout

from pleodesk.ui import fmt
from pleodesk.ui.models import RunsModel
from pleodesk.ui.tasks import run_task
from pleodesk.ui.views.common import ConnectionTab, counts_text, kind_name, run_status_name, skip_reason_text, \
    trigger_name

# Column widths in pixels (Counts takes the rest).
WIDTHS = (150, 70, 150, 100, 140)


class HistoryTab(ConnectionTab):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.model = RunsModel(self)
        self.model.headers = {"started": self.tr("Started"), "took": self.tr("Took"), "what": self.tr("What"),
                              "trigger": self.tr("Trigger"), "result": self.tr("Result"),
                              "counts": self.tr("Counts")}
        self.table = QTableView(split)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Runs"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate(WIDTHS):
            self.table.setColumnWidth(col, width)
        hh.setStretchLastSection(True)
        self.details = QLabel(split)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Run details"))
        self.details.setMargin(8)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        lay.addWidget(split)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show(cur.row()))
        ctx.hub.run_finished.connect(self._finished)

    @property
    def runs(self) -> list:
        """The runs read so far, newest first."""
        return self.model.runs

    def connection_changed(self, new: bool) -> None:
        self._stale = True
        if new:
            self.model.set_runs([])
            self.details.setText("")
        if self.isVisible():
            self.reload()

    def _finished(self, conn_id: int, result) -> None:
        if result.job.is_run or result.status == "skipped":
            self.mark_stale(conn_id)

    def reload(self) -> None:
        gen = self.begin_reload()
        if gen is None:
            return
        conn_id, store, page = self.conn.id, self.ctx.store, RunsModel.PAGE
        run_task(lambda: store.list_runs(conn_id, limit=page), lambda runs: self._loaded(gen, conn_id, runs),
                 owner=self)

    def _loaded(self, gen: int, conn_id: int, runs) -> None:
        if not self.is_current(gen, conn_id):
            return
        store, page = self.ctx.store, RunsModel.PAGE
        self.model.set_runs(runs, lambda last: store.list_runs(conn_id, limit=page, before=last))
        if runs:
            self.table.selectRow(0)
            self._show(0)
        else:
            self.details.setText(self.tr("No runs yet."))
        self.loaded.emit()

    def _skip_text(self, r) -> str:
        if r.skip_reasons:
            return "; ".join(skip_reason_text(str(k)) for k in r.skip_reasons)
        return ""

    def _show(self, row: int) -> None:
        r = self.model.run_at(row)
        if r is None:
            return
        parts = [f"<b>{html.escape(kind_name(r.kind))}</b> — {html.escape(trigger_name(r.trigger))}, "
                 f"{html.escape(run_status_name(r.status))}"]
        parts.append(html.escape(self.tr("Started {start}, ended {end}.").format(
            start=fmt.moment(r.started_at), end=fmt.moment(r.ended_at) if r.ended_at else "…")))
        counts = counts_text(r.counts) if r.counts else ""
        # A run that went through is said by its counts, in the user's language (the engine's own
        # sentence, in English, says the same); a failure's message says what went wrong.
        if r.message and not (counts and r.status in ("ok", "partial")):
            parts.append(html.escape(r.message))
        if counts:
            parts.append(html.escape(counts))
        if r.skip_reasons:
            parts.append(html.escape(self.tr("Skipped:")) + " " + html.escape(
                ", ".join(f"{skip_reason_text(str(k))} ({v})" for k, v in r.skip_reasons.items())))
        if r.job_id:
            # (a literal tr() outside the f-string: lupdate does not see one inside it)
            job = self.tr("Pleo export job {id}").format(id=r.job_id)
            parts.append(f"<span style='color:#64748B'>{html.escape(job)}</span>")
        self.details.setText("<br>".join(parts))
