"""History: every run with its trigger (manual, scheduled, catch-up), times, counts and skip reasons."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from pleodesk.ui import fmt
from pleodesk.ui.tasks import run_task
from pleodesk.ui.views.common import (ConnectionTab, counts_text, kind_name, run_status_name, skip_reason_text,
                                      trigger_name)

LIMIT = 500


class HistoryTab(ConnectionTab):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.runs = []
        lay = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableWidget(0, 6, split)
        self.table.setHorizontalHeaderLabels([self.tr("Started"), self.tr("Took"), self.tr("What"), self.tr("Trigger"),
                                              self.tr("Result"), self.tr("Counts")])
        self.table.setAccessibleName(self.tr("Runs"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        hh = self.table.horizontalHeader()
        for c in range(5):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
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
        self.table.currentCellChanged.connect(lambda r, *_: self._show(r))
        ctx.hub.run_finished.connect(self._finished)

    def connection_changed(self, new: bool) -> None:
        self._stale = True
        if self.isVisible() or new:
            self.reload()

    def _finished(self, conn_id: int, result) -> None:
        if result.job.is_run or result.status == "skipped":
            self.mark_stale(conn_id)

    def reload(self) -> None:
        gen = self.begin_reload()
        if gen is None:
            return
        conn_id, store = self.conn.id, self.ctx.store
        run_task(lambda: store.list_runs(conn_id, limit=LIMIT), lambda runs: self._loaded(gen, conn_id, runs),
                 owner=self)

    def _loaded(self, gen: int, conn_id: int, runs) -> None:
        if not self.is_current(gen, conn_id):
            return
        self.runs = runs
        t = self.table
        t.setRowCount(len(runs))
        colors = {"failed": "#B91C1C", "partial": "#B45309", "cancelled": "#B45309", "interrupted": "#B45309",
                  "skipped": "#64748B"}
        for row, r in enumerate(runs):
            took = fmt.duration((r.ended_at - r.started_at).total_seconds()) if r.ended_at else "…"
            cells = [fmt.moment(r.started_at), took, kind_name(r.kind), trigger_name(r.trigger),
                     run_status_name(r.status), counts_text(r.counts) or self._skip_text(r)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4 and r.status in colors:
                    from PySide6.QtGui import QColor

                    item.setForeground(QColor(colors[r.status]))
                t.setItem(row, col, item)
        if runs:
            t.selectRow(0)
            self._show(0)
        else:
            self.details.setText(self.tr("No runs yet."))

    def _skip_text(self, r) -> str:
        if r.skip_reasons:
            return "; ".join(skip_reason_text(str(k)) for k in r.skip_reasons)
        return ""

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.runs):
            return
        r = self.runs[row]
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
