"""Problems: held and failed expenses grouped by what fixes them, one Fix per missing mapping value,
ledger errors in plain words, and Retry."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout)

from pleodesk.ui import fmt
from pleodesk.ui.jobs import Job, execute
from pleodesk.ui.resources import icon
from pleodesk.ui.tasks import run_task
from pleodesk.ui.views.common import ConnectionTab, problem_text
from pleodesk.ui.widgets import cap, heading, hint

#: Problem kinds -> the mapping editor tab that fixes them.
FIX_TARGET = {
    "category_unmapped": "categories", "category_missing": "accounts", "account_unknown": "categories",
    "account_archived": "categories", "tax_unmapped": "taxes", "tax_unknown": "taxes", "tax_archived": "taxes",
    "tax_rate_mismatch": "taxes", "tag_unmapped": "labels", "dimension_unknown": "labels",
    "dimension_value_unknown": "labels", "dimension_value_archived": "labels", "dimension_conflict": "labels",
    "contra_missing": "accounts", "contra_unknown": "accounts",
}


class ProblemsTab(ConnectionTab):
    fix_requested = Signal(str, str)     # editor tab, source key
    show_expense = Signal(str)           # expense id

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.groups = []
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = heading(self.tr("Problems"), self)
        top.addWidget(self.title)
        top.addStretch(1)
        self.refresh = QPushButton(self.tr("&Check again"), self)
        self.retry_all = QPushButton(icon("reconnect"), self.tr("&Retry all"), self)
        self.retry_all.setToolTip(self.tr("Put every held and failed expense back in the queue and export them."))
        top.addWidget(self.refresh)
        top.addWidget(self.retry_all)
        lay.addLayout(top)
        self.summary = hint("", self)
        lay.addWidget(self.summary)
        # Where to find in the ledger what was exported (systems that say so: ui.systems.troubleshooting).
        self.where = hint("", self)
        self.where.setTextFormat(Qt.TextFormat.RichText)
        self.where.setAccessibleName(self.tr("Where to find the exports in the ledger"))
        self.where.hide()
        lay.addWidget(self.where)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Cause"), self.tr("Expenses"), self.tr("What to do"), ""])
        self.tree.setAccessibleName(self.tr("Problems grouped by cause"))
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        hh = self.tree.header()
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.tree.setColumnWidth(3, 96)
        lay.addWidget(self.tree, 1)
        # The advice is the point: the chosen problem's "What to do", whole, however long the text is in
        # the user's language (a tree cell cuts it off).
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice.setAccessibleName(self.tr("What to do"))
        self.advice.setStyleSheet("QLabel { background: #F1F5F9; border: 1px solid #CBD5E1; border-radius: 4px; "
                                  "padding: 8px; }")
        self.advice.hide()
        lay.addWidget(self.advice)
        self.tree.currentItemChanged.connect(self._show_advice)
        self.refresh.clicked.connect(self.reload)
        self.retry_all.clicked.connect(lambda: self.retry(None))
        self.tree.itemActivated.connect(self._activated)
        ctx.hub.records_changed.connect(self.mark_stale)
        ctx.hub.settings_changed.connect(self.mark_stale)

    def connection_changed(self, new: bool) -> None:
        if new:
            self.tree.clear()
            self._stale = True
        if self.isVisible():
            self.reload()
        elif new:
            self._count_problems()

    def _count_problems(self) -> None:
        """While hidden, only how many expenses are held or failed (the tab title and the banner say
        it); the problems themselves are read when the tab is shown."""
        from pleodesk.ui.jobs import problem_count

        conn_id, store, workers = self.conn.id, self.ctx.store, self.ctx.workers
        run_task(lambda: problem_count(store, conn_id), lambda n: workers.set_problem_count(conn_id, n), owner=self)

    def reload(self) -> None:
        gen = self.begin_reload()
        if gen is None:
            return
        job = Job("problems", self.conn.id)
        store = self.ctx.store
        self.summary.setText(self.tr("Looking for problems…"))
        run_task(lambda: _problems_with_rows(store, job), lambda out: self._loaded(gen, *out), owner=self)
        conn = self.conn
        run_task(lambda: _troubleshooting(store, conn), lambda text: self._where_loaded(gen, conn.id, text),
                 owner=self)

    def _where_loaded(self, gen: int, conn_id: int, text: str | None) -> None:
        if not self.is_current(gen, conn_id):
            return
        self.where.setText(text or "")
        self.where.setVisible(bool(text))

    def _loaded(self, gen: int, result, rows: dict | None = None) -> None:
        if not self.is_current(gen, result.job.conn_id):
            return
        if result.problems is None:
            self.summary.setText(self.tr("Problems could not be read: {reason}").format(reason=result.message))
            return
        if result.problem_count is not None:
            self.ctx.workers.set_problem_count(self.conn.id, result.problem_count)
        self.groups = result.problems
        self._rows = rows or {}
        self._render()
        self.loaded.emit()

    def _render(self) -> None:
        self.tree.clear()
        sections = {
            "mapping": self.tr("Missing mappings (nothing was sent)"),
            "ledger": self.tr("Refused by the ledger"),
            "receipt": self.tr("Receipts"),
            "ready": self.tr("Ready to send again"),
        }
        total = 0
        tops: dict[str, QTreeWidgetItem] = {}
        for g in self.groups:
            if g.cause != "ready":
                total += len(g.expense_ids)
            top = tops.get(g.cause)
            if top is None:
                top = QTreeWidgetItem([sections.get(g.cause, g.cause), "", "", ""])
                f = top.font(0)
                f.setBold(True)
                top.setFont(0, f)
                self.tree.addTopLevelItem(top)
                top.setExpanded(True)
                tops[g.cause] = top
            if g.cause == "mapping":
                # A tax code's words already say "tax code": the code itself, not "tax code tax code 0%".
                named = g.source_key if g.kind.startswith("tax_") and g.source_key else g.source_label
                title, fix = problem_text(g.kind, named or g.source_key, g.title, g.fix)
            elif g.cause == "ready":
                title, fix = self.tr("Mappings fixed: ready to send again"), self.tr("Press Retry to export them.")
            elif g.cause == "receipt" and g.kind == "receipts_by_hand":
                title, fix = (self.tr("Some receipts must be attached by hand"),
                              self.tr("The ledger took what it accepts (a number per entry, a size per file); "
                                      "attach the others by hand."))
            elif g.cause == "receipt":
                title, fix = (self.tr("Receipts could not be attached"),
                              self.tr("Attach them by hand in the ledger, or press Retry."))
            else:
                title, fix = g.title, g.fix
            item = QTreeWidgetItem([cap(title), str(len(g.expense_ids)), cap(fix), ""])
            item.setToolTip(0, g.detail or g.title)
            item.setToolTip(2, cap(fix))
            item.setData(2, Qt.ItemDataRole.UserRole, (cap(title), cap(fix), g.detail or ""))
            item.setData(0, Qt.ItemDataRole.UserRole, g)
            top.addChild(item)
            top.setText(1, str(sum(len(x.expense_ids) for x in self.groups if x.cause == g.cause)))
            if g.cause == "mapping" and g.kind in FIX_TARGET:
                b = QPushButton(self.tr("Fix…"), self.tree)
                b.setAccessibleName(self.tr("Fix: {problem}").format(problem=g.title))
                b.clicked.connect(lambda _c=False, grp=g: self.fix_requested.emit(FIX_TARGET[grp.kind], grp.source_key))
                self.tree.setItemWidget(item, 3, b)
            elif g.kind != "receipts_by_hand" and (g.cause in ("ledger", "ready", "receipt") or g.cause == "mapping"):
                b = QPushButton(self.tr("Retry"), self.tree)
                b.setAccessibleName(self.tr("Retry: {problem}").format(problem=g.title))
                b.clicked.connect(lambda _c=False, grp=g: self.retry(list(grp.expense_ids)))
                self.tree.setItemWidget(item, 3, b)
            for eid in g.expense_ids[:SHOWN_PER_GROUP]:
                child = QTreeWidgetItem([self._expense_label(eid), "", "", ""])
                child.setToolTip(0, eid)
                child.setData(0, Qt.ItemDataRole.UserRole + 1, eid)
                child.setForeground(0, Qt.GlobalColor.darkGray)
                item.addChild(child)
            if len(g.expense_ids) > SHOWN_PER_GROUP:
                item.addChild(QTreeWidgetItem([self.tr("… and %n more", "", len(g.expense_ids) - SHOWN_PER_GROUP)]))
        first = next((tops[c].child(0) for c in tops if tops[c].childCount()), None)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._show_advice(self.tree.currentItem())
        if total:
            self.title.setText(self.tr("Problems ({n})").format(n=total))
            self.summary.setText(self.tr("%n expense(s) need attention. Fix the cause, then press Retry: nothing that "
                                         "reached the ledger is sent twice.", "", total))
        else:
            self.title.setText(self.tr("Problems"))
            self.summary.setText(self.tr("No problems: everything that was read from Pleo is exported or waiting."))
        self.retry_all.setEnabled(bool(self.groups))

    def _show_advice(self, item, _previous=None) -> None:
        """Under the list: the chosen problem (or the problem of the chosen expense) and what to do."""
        import html

        while item is not None and item.data(2, Qt.ItemDataRole.UserRole) is None:
            item = item.parent()
        advice = item.data(2, Qt.ItemDataRole.UserRole) if item is not None else None
        if not advice:
            self.advice.hide()
            self.advice.clear()
            return
        title, fix, detail = advice
        text = f"<b>{html.escape(title)}</b>"
        if detail and detail != title:
            text += "<br>" + html.escape(detail)
        text += "<br><b>" + html.escape(self.tr("What to do:")) + "</b> " + html.escape(fix)
        self.advice.setText(text)
        self.advice.show()

    def _expense_label(self, eid: str) -> str:
        """Date, supplier (or employee) and amount of an expense, so it can be recognised; its id if
        Pleo's data for it was not stored."""
        row = getattr(self, "_rows", {}).get(eid)
        if row is None:
            return eid
        parts = [fmt.day(row.day) if row.day else "", row.supplier or row.employee,
                 fmt.money(row.amount, row.currency) if row.amount is not None else ""]
        return " · ".join(p for p in parts if p) or eid

    def _activated(self, item: QTreeWidgetItem, _col: int) -> None:
        eid = item.data(0, Qt.ItemDataRole.UserRole + 1)
        if eid:
            self.show_expense.emit(eid)
            return
        g = item.data(0, Qt.ItemDataRole.UserRole)
        if g is not None and g.cause == "mapping" and g.kind in FIX_TARGET:
            self.fix_requested.emit(FIX_TARGET[g.kind], g.source_key)

    def retry(self, expense_ids: list[str] | None) -> None:
        if self.conn is None:
            return
        params = {} if expense_ids is None else {"expense_ids": expense_ids}
        self.ctx.submit(Job("retry", self.conn.id, params=params))
        self.summary.setText(self.tr("Retrying… the result appears in History."))


#: Expenses listed under each problem (all of them are in the Expenses tab).
SHOWN_PER_GROUP = 200


def _troubleshooting(store, conn) -> str | None:
    """The system's "where to find it in the ledger" (off the GUI thread); None when it has none or fails."""
    from pleodesk.ui import systems

    try:
        return systems.troubleshooting(conn.system, conn, store)
    except Exception:  # noqa: BLE001 - a hint must never break the Problems tab
        import logging

        logging.getLogger(__name__).exception("troubleshooting hint of %s", conn.system)
        return None


def _problems_with_rows(store, job):
    """The problem groups, and the table rows (date, supplier, amount) of the expenses listed under
    them (runs off the GUI thread)."""
    from pleodesk.ui.models import expense_rows

    result = execute(store, job)
    ids = [eid for g in (result.problems or []) for eid in g.expense_ids[:SHOWN_PER_GROUP]]
    if not ids:
        return result, {}
    return result, expense_rows(store, job.conn_id, ids)
