"""Table models over store rows, fast for 50,000 expenses.

``load_expense_rows`` (Qt-free) runs off the GUI thread and returns compact tuples; the model only
keeps them, filters and sorts an index list, and formats the few cells that are on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from pleodesk.ui import fmt

#: The filter buttons: a label key -> the record statuses it shows.
STATUS_GROUPS = {
    "all": None,
    "exported": ("exported",),
    "pending": ("pending", "sending"),
    "held": ("held",),
    "failed": ("failed",),
    "skipped": ("skipped",),
}


@dataclass(frozen=True, slots=True)
class ExpenseRow:
    expense_id: str
    day: date | None
    supplier: str
    employee: str
    amount: Decimal | None
    currency: str
    category: str
    status: str
    reference: str
    ledger_url: str
    receipts: int
    error: str
    fix: str
    search: str            # lower-cased text the search box matches
    notes: tuple[str, ...] = ()   # what the export did to book it exactly (a VAT rounding line, ...)


def _minor(value: dict | None) -> tuple[Decimal | None, str]:
    if not value:
        return None, ""
    from pleodesk.core.money import Money

    try:
        m = Money.from_minor(value["value"], value["currency"])
    except (KeyError, TypeError, ValueError):
        return None, str(value.get("currency", ""))
    return m.amount, m.currency


def expense_row(record, item: dict | None, notes: tuple[str, ...] = ()) -> ExpenseRow:
    """One table row from an export record and its stored Pleo export item (either may lack data)."""
    item = item or {}
    d = None
    raw_date = item.get("date")
    if isinstance(raw_date, str) and len(raw_date) >= 10:
        try:
            d = date.fromisoformat(raw_date[:10])
        except ValueError:
            d = None
    supplier = ((item.get("vendor") or {}).get("name") or (item.get("supplier") or {}).get("name") or "")
    employee = (item.get("user") or {}).get("name") or ""
    amount, currency = _minor((item.get("amount") or {}).get("inWalletCurrency"))
    cats = []
    for ln in item.get("accountingEntryLines") or ():
        acc = ln.get("account") or {}
        name = acc.get("name")
        if name and name not in cats:
            cats.append(name)
    category = ", ".join(cats)
    status = record.status if record is not None else "pending"
    reference = ""
    url = ""
    error = fix = ""
    if record is not None:
        reference = record.ledger_id or record.reference or ""
        url = record.ledger_url or ""
        error = record.error_title or ""
        fix = record.error_fix or ""
    eid = record.expense_id if record is not None else item.get("accountingEntryId", "")
    receipts = len(item.get("files") or ())
    text = " ".join((eid, supplier, employee, category, reference, error, item.get("note") or "")).lower()
    return ExpenseRow(eid, d, supplier, employee, amount, currency, category, status, reference, url, receipts,
                      error, fix, text, tuple(notes))


def load_expense_rows(store, conn_id: int) -> list[ExpenseRow]:
    """Every expense the connection has a record of, newest first (runs off the GUI thread)."""
    records = store.get_records(conn_id)
    items = store.get_pleo_items(records.keys()) if records else {}
    notes = store.ledger_notes(conn_id) if records else {}
    rows = [expense_row(rec, items.get(eid), tuple(notes.get(eid, ()))) for eid, rec in records.items()]
    rows.sort(key=lambda r: (r.day or date.min, r.expense_id), reverse=True)
    return rows


class ExpensesModel(QAbstractTableModel):
    COLUMNS = ("date", "supplier", "employee", "amount", "category", "status", "reference")
    loaded = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ExpenseRow] = []
        self.view: list[int] = []
        self._statuses: tuple[str, ...] | None = None
        self._needle = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.headers = {
            "date": self.tr("Date"), "supplier": self.tr("Supplier"), "employee": self.tr("Employee"),
            "amount": self.tr("Amount"), "category": self.tr("Category"), "status": self.tr("Status"),
            "reference": self.tr("Ledger reference"),
        }
        self.status_names = {
            "exported": self.tr("Exported"), "pending": self.tr("Pending"), "sending": self.tr("Sending"),
            "held": self.tr("Held"), "failed": self.tr("Failed"), "skipped": self.tr("Skipped"),
        }

    # ------------------------------------------------------------------ data -------------------
    def set_rows(self, rows: list[ExpenseRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._apply()
        self.endResetModel()
        self.loaded.emit()

    def set_filter(self, statuses: tuple[str, ...] | None = None, needle: str | None = None) -> None:
        self.beginResetModel()
        if statuses is not None or needle is None:
            self._statuses = statuses
        if needle is not None:
            self._needle = needle.strip().lower()
        self._apply()
        self.endResetModel()

    def set_status_filter(self, statuses: tuple[str, ...] | None) -> None:
        self.beginResetModel()
        self._statuses = statuses
        self._apply()
        self.endResetModel()

    def set_search(self, needle: str) -> None:
        self.beginResetModel()
        self._needle = needle.strip().lower()
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        rows, st, needle = self.rows, self._statuses, self._needle
        if st is None and not needle:
            view = list(range(len(rows)))
        elif not needle:
            wanted = set(st)
            view = [i for i, r in enumerate(rows) if r.status in wanted]
        else:
            wanted = set(st) if st else None
            view = [i for i, r in enumerate(rows)
                    if (wanted is None or r.status in wanted) and needle in r.search]
        if self._sort is not None:
            col, order = self._sort
            key = self._sort_key(col)
            view.sort(key=lambda i: key(rows[i]), reverse=order == Qt.SortOrder.DescendingOrder)
        self.view = view

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUS_GROUPS, 0)
        for r in self.rows:
            for group, sts in STATUS_GROUPS.items():
                if sts is not None and r.status in sts:
                    out[group] += 1
        out["all"] = len(self.rows)
        return out

    def row_at(self, row: int) -> ExpenseRow | None:
        if 0 <= row < len(self.view):
            return self.rows[self.view[row]]
        return None

    def find(self, expense_id: str) -> int:
        for n, i in enumerate(self.view):
            if self.rows[i].expense_id == expense_id:
                return n
        return -1

    # ------------------------------------------------------------------ Qt model ---------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.view)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[self.COLUMNS[section]]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[self.view[index.row()]]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "date":
                return fmt.day(r.day) if r.day else ""
            if col == "supplier":
                return r.supplier
            if col == "employee":
                return r.employee
            if col == "amount":
                return fmt.money(r.amount, r.currency) if r.amount is not None else ""
            if col == "category":
                return r.category
            if col == "status":
                return self.status_names.get(r.status, r.status)
            if col == "reference":
                return r.reference
        elif role == Qt.ItemDataRole.TextAlignmentRole and col == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.ToolTipRole and col == "status" and r.error:
            return f"{r.error}\n{r.fix}".strip()
        elif role == Qt.ItemDataRole.ForegroundRole and col == "status":
            from PySide6.QtGui import QColor

            return {"failed": QColor("#B91C1C"), "held": QColor("#B45309"),
                    "exported": QColor("#15803D")}.get(r.status)
        elif role == Qt.ItemDataRole.UserRole:
            return r.expense_id
        return None

    def _sort_key(self, column: int):
        col = self.COLUMNS[column]
        if col == "date":
            return lambda r: (r.day or date.min, r.expense_id)
        if col == "amount":
            return lambda r: (r.amount if r.amount is not None else Decimal("-1e30"))
        attr = {"supplier": "supplier", "employee": "employee", "category": "category", "status": "status",
                "reference": "reference"}[col]
        return lambda r: getattr(r, attr).casefold()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply()
        self.layoutChanged.emit()
