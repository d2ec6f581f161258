"""Expenses: every expense the connection knows, by status, with search and a receipt preview."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSplitter, QTableView, QToolButton, QVBoxLayout, QWidget)

from pleodesk.ui import fmt
from pleodesk.ui.models import STATUS_GROUPS, ExpensesModel, load_expense_detail, status_counts, update_expense_rows
from pleodesk.ui.resources import icon
from pleodesk.ui.tasks import run_task
from pleodesk.ui.views.common import ConnectionTab
from pleodesk.ui.widgets import hint


#: The columns sized to their texts (the others stretch): date, employee, amount, status, reference.
FITTED_COLUMNS = (0, 2, 3, 5, 6)
REFERENCE_COLUMN = 6

class ReceiptPreview(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.title = QLabel(self.tr("Receipt"), self)
        self.title.setStyleSheet("font-weight: bold;")
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(220, 260)
        self.image.setStyleSheet("QLabel { background: #F8FAFC; border: 1px solid #E2E8F0; border-radius: 6px; }")
        self.image.setAccessibleName(self.tr("Receipt preview"))
        self.note = hint("", self)
        self.open_button = QPushButton(icon("pdf"), self.tr("&Open receipt"), self)
        self.open_button.hide()
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.title)
        lay.addWidget(self.image, 1)
        lay.addWidget(self.note)
        lay.addWidget(self.open_button)
        lay.addWidget(self.details)
        self._path: str | None = None
        self.open_button.clicked.connect(self._open)
        self.show_nothing()

    def show_nothing(self) -> None:
        self._path = None
        self.image.setPixmap(QPixmap())
        self.image.setText(self.tr("Select an expense"))
        self.note.setText("")
        self.details.setText("")
        self.open_button.hide()

    def show_expense(self, row, detail) -> None:
        """``row``: the table row; ``detail``: its ``ExpenseDetail`` (receipts, ledger notes, Pleo's note)."""
        self._path = None
        self.open_button.hide()
        self.image.setPixmap(QPixmap())
        receipts = list(detail.receipts)
        lines = [f"<b>{row.supplier or '—'}</b>", fmt.money(row.amount, row.currency) if row.amount is not None else ""]
        if detail.note:
            lines.append(f"<i>{html.escape(detail.note)}</i>")
        if row.error:
            lines.append(f"<span style='color:#B91C1C'>{row.error}</span>")
            if row.fix:
                lines.append(row.fix)
        if detail.notes and row.status == "exported":
            # What the export did to book Pleo's amounts exactly (the ledger's own words).
            lines.append(self.tr("<b>Booked with:</b>"))
            lines.extend(html.escape(n) for n in detail.notes)
        if detail.pruned:
            lines.append(html.escape(self.tr("Pleo's data of this expense and its receipts were removed from this "
                                             "computer (Settings, Data folder); the ledger entry keeps them.")))
        lines.append(f"<span style='color:#64748B'>{row.expense_id}</span>")
        self.details.setText("<br>".join(x for x in lines if x))
        local = [r for r in receipts if r.local_path and Path(r.local_path).exists()]
        if not receipts:
            self.image.setText(self.tr("No receipt") if not row.receipts else
                               self.tr("The receipt is fetched when the expense is exported."))
            self.note.setText("")
            return
        if not local:
            failed = [r for r in receipts if r.status in ("failed", "too_large", "missing")]
            if any(r.status == "pruned" for r in receipts) and not failed:
                self.image.setText(self.tr("In the ledger"))
                self.note.setText("")
                return
            self.image.setText(self.tr("Receipt not downloaded"))
            self.note.setText(failed[0].error if failed and failed[0].error else "")
            return
        first = local[0]
        self._path = first.local_path
        mime = (first.mime or "").lower()
        if mime.startswith("image/"):
            pix = QPixmap(first.local_path)
            if not pix.isNull():
                self.image.setPixmap(pix.scaled(self.image.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                Qt.TransformationMode.SmoothTransformation))
                self.image.setText("")
            self.open_button.setText(self.tr("&Open receipt"))
            self.open_button.setIcon(icon("receipt"))
        else:
            self.image.setPixmap(icon("pdf").pixmap(96, 96))
            self.open_button.setText(self.tr("&Open PDF"))
            self.open_button.setIcon(icon("pdf"))
        self.open_button.show()
        more = len(receipts) - 1
        self.note.setText(self.tr("%n more attachment(s)", "", more) if more > 0 else "")

    def _open(self) -> None:
        if self._path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._path))


class ExpensesTab(ConnectionTab):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self._loading = False
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[str, QToolButton] = {}
        names = {"all": self.tr("&All"), "exported": self.tr("E&xported"), "pending": self.tr("&Pending"),
                 "held": self.tr("&Held"), "failed": self.tr("&Failed"), "skipped": self.tr("S&kipped")}
        self._names = names
        for key in STATUS_GROUPS:
            b = QToolButton(self)
            b.setCheckable(True)
            b.setText(names[key])
            b.setProperty("group", key)
            b.setAccessibleName(names[key].replace("&", ""))
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.filter_group.addButton(b)
            self.filter_buttons[key] = b
            bar.addWidget(b)
        self.filter_buttons["all"].setChecked(True)
        bar.addStretch(1)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search supplier, employee, category, reference"))
        self.search.setAccessibleName(self.tr("Search expenses"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(260)
        bar.addWidget(self.search)
        lay.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.model = ExpensesModel(self)
        self.table = QTableView(left)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Expenses"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)      # newest first, as the rows are read
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(False)
        for col, width in enumerate((86, 150, 110, 92, 140, 100, 150)):
            self.table.setColumnWidth(col, width)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        hh.setResizeContentsPrecision(100)        # fitting a column reads 100 rows, not 50,000 (200: 40 ms)
        self._fitted = False
        #: (connection id, the store's mark) the rows were read at: the next reload reads what changed since.
        self._listed: tuple[int, int] | None = None
        ll.addWidget(self.table, 1)
        self.footer = QLabel(left)
        self.footer.setAccessibleName(self.tr("Number of expenses shown"))
        ll.addWidget(self.footer)
        self.preview = ReceiptPreview(split)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        self.preview.setMinimumWidth(200)
        self.preview.setMaximumWidth(300)
        lay.addWidget(split, 1)
        self.filter_group.buttonToggled.connect(self._filter_changed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(180)
        self._search_timer.timeout.connect(lambda: self.model.set_search(self.search.text()) or self._update_footer())
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(lambda: self.preview.show_nothing())
        ctx.hub.records_changed.connect(self.mark_stale)

    def connection_changed(self, new: bool) -> None:
        if new:
            self._listed = None
            self.model.set_rows([])
            self._stale = True
            if self.isVisible():
                self.reload()

    def reload(self) -> None:
        gen = self.begin_reload()
        if gen is None:
            return
        conn_id = self.conn.id
        store = self.ctx.store
        if not self.model.rows:
            self.footer.setText(self.tr("Loading expenses…"))

        # After a run only the rows that changed are read (the store logs which), not all 50,000.
        previous, since = None, None
        if self._listed is not None and self._listed[0] == conn_id and self.model.rows:
            previous, since = self.model.rows, self._listed[1]

        def load():
            rows, mark = update_expense_rows(store, conn_id, previous, since)
            return rows, status_counts(rows), mark

        run_task(load, lambda out: self._loaded(gen, conn_id, *out), owner=self)

    def _loaded(self, gen: int, conn_id: int, rows, counts=None, mark: int | None = None) -> None:
        if not self.is_current(gen, conn_id):
            return
        self._listed = (conn_id, mark) if mark is not None else None
        selected = self._selected_id()
        if rows is not self.model.rows:            # nothing changed: the table stays as it is
            self.model.set_rows(rows, counts, newest_first=True)
        self._fit_columns()
        counts = self.model.counts()
        for key, b in self.filter_buttons.items():
            b.setText(f"{self._names[key]} ({counts.get(key, 0)})")
        self._update_footer()
        if selected:
            self.select_expense(selected)
        self.loaded.emit()

    def _fit_columns(self) -> None:
        """Date, employee, amount and status as wide as their header and texts need (in every language),
        once the first rows are there; the reference as wide as its header; supplier and category share the
        rest and elide (their tooltips hold the whole). After that the widths are the user's."""
        if self._fitted or not self.model.rowCount():
            return
        self._fitted = True
        for col in FITTED_COLUMNS:
            self.table.resizeColumnToContents(col)
        # Our reference (PLEO- and the Pleo id) is long and alike from row to row: its header and a part of
        # it shown, the whole in its tooltip, so that the supplier and category keep their room.
        hh = self.table.horizontalHeader()
        self.table.setColumnWidth(REFERENCE_COLUMN, max(hh.sectionSizeHint(REFERENCE_COLUMN),
                                                        min(self.table.columnWidth(REFERENCE_COLUMN), 170)))

    def _filter_changed(self, button, checked: bool) -> None:
        if checked:
            self.model.set_status_filter(STATUS_GROUPS[button.property("group")])
            self._update_footer()

    def show_status(self, group: str) -> None:
        b = self.filter_buttons.get(group)
        if b is not None:
            b.setChecked(True)

    def _update_footer(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.rows)
        if total == 0:
            self.footer.setText(self.tr("No expenses yet: they appear here once an export has read them from Pleo."))
        else:
            self.footer.setText(self.tr("{shown} of {total} expenses").format(shown=fmt.number(shown),
                                                                             total=fmt.number(total)))

    def _selected_id(self) -> str | None:
        idx = self.table.currentIndex()
        row = self.model.row_at(idx.row()) if idx.isValid() else None
        return row.expense_id if row else None

    def select_expense(self, expense_id: str) -> bool:
        row = self.model.find(expense_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _row_changed(self, current, _previous) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is None:
            self.preview.show_nothing()
            return
        # One expense's details, read now: its receipts, ledger notes and Pleo's own data.
        self.preview.show_expense(row, load_expense_detail(self.ctx.store, self.conn.id, row.expense_id))
