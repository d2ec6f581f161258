"""Table models over store rows, fast for 50,000 expenses.

``load_expense_rows`` (Qt-free) runs off the GUI thread and builds compact rows from the store's list
columns (no raw JSON); the model only keeps them, filters and sorts an index list, and formats the few
cells that are on screen. ``RunsModel`` shows History a page of runs at a time.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import Any, Iterable, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from pleodesk.core.money import minor_exponent
from pleodesk.ui import fmt
from pleodesk.ui.views.common import counts_text, kind_name, run_status_name, skip_reason_text, trigger_name

#: The filter buttons: a label key -> the record statuses it shows.
STATUS_GROUPS = {
    "all": None,
    "exported": ("exported",),
    "pending": ("pending", "sending"),
    "held": ("held",),
    "failed": ("failed",),
    "skipped": ("skipped",),
}


#: Item data roles as plain integers, which is how a view asks for them: a view asks for about eight
#: roles of every cell it paints, and comparing with Qt's enum members costs several times as much
#: (a 30-row paint spent 6-8 ms in ``data``; bench/bench_data_scale.py).
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
USER = int(Qt.ItemDataRole.UserRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: Formatted cells kept per model (dates, amounts, run times): at most this many, then started afresh.
TEXTS_MAX = 20_000


def _kept(texts: dict, key, make, *args) -> str:
    """``texts[key]``, made with ``make(*args)`` the first time (``texts`` holds ``TEXTS_MAX`` at most)."""
    text = texts.get(key)
    if text is None:
        if len(texts) >= TEXTS_MAX:
            texts.clear()
        text = texts[key] = make(*args)
    return text


class ExpenseRow(NamedTuple):
    """One row of the Expenses table (a tuple: 50,000 of them are made in a fraction of a second)."""

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


_EXPONENT: dict[str, int | None] = {}      # currency (upper case) -> minor units; None: not a currency
_days: dict[str, date | None] = {}


def _exponent(cur: str) -> int | None:
    try:
        exp: int | None = minor_exponent(cur)
    except ValueError:                          # not a currency pleodesk knows: no amount to show
        exp = None
    _EXPONENT[cur] = exp
    return exp


def _day(value: str) -> date | None:
    try:
        d: date | None = date.fromisoformat(value)
    except ValueError:
        d = None
    if len(_days) < 20_000:
        _days[value] = d
    return d


def expense_rows_from(listed: Iterable[tuple]) -> list[ExpenseRow]:
    """Table rows from tuples of ``Store.expense_list`` (an export record with its stored item's list
    columns; no raw JSON is read), in their order. One tight loop: it runs for 50,000 rows on every
    reload. Amounts are the minor units read as ``Money.from_minor`` reads them."""
    exponents, days, new_row = _EXPONENT, _days, tuple.__new__
    rows: list[ExpenseRow] = []
    add = rows.append
    for (eid, status, ledger_id, reference, url, error, fix, day, supplier, employee, currency, minor, category,
         receipts, note, _pruned) in listed:
        amount = None
        if currency:
            currency = currency.upper()
            if minor is not None:
                exp = exponents[currency] if currency in exponents else _exponent(currency)
                if exp is not None:
                    amount = Decimal(minor).scaleb(-exp) if exp else Decimal(minor)
        else:
            currency = ""
        if day:
            day = days[day] if day in days else _day(day)
        else:
            day = None
        supplier, employee, category = supplier or "", employee or "", category or ""
        reference = ledger_id or reference or ""
        error, fix = error or "", fix or ""
        add(new_row(ExpenseRow, (
            eid, day, supplier, employee, amount, currency, category, status or "pending", reference, url or "",
            receipts or 0, error, fix, f"{eid} {supplier} {employee} {category} {reference} {error} {note or ''}".lower())))
    return rows


def expense_row_from(listed: tuple) -> ExpenseRow:
    """One table row from a tuple of ``Store.expense_list``."""
    return expense_rows_from((listed,))[0]


def expense_rows(store, conn_id: int, expense_ids) -> dict[str, ExpenseRow]:
    """The rows of some expenses of a connection, by id (those it has no record of are absent)."""
    return {r.expense_id: r for r in expense_rows_from(store.expense_list(conn_id, expense_ids))}


def load_expense_rows(store, conn_id: int) -> list[ExpenseRow]:
    """Every expense the connection has a record of, newest first (runs off the GUI thread). Read
    from the store's list columns, in that order: no raw JSON is decoded, and no sort holds the
    interpreter lock for long (the GUI thread needs it too)."""
    return expense_rows_from(store.expense_list(conn_id, newest_first=True))


#: More rows changed than this since the list was read: it is read whole again (as quick by then).
RELOAD_ALL_ABOVE = 5_000


def newest_first_key(row: ExpenseRow) -> tuple:
    """``load_expense_rows``' order, descending: rows with a day by day and id, then the others by id."""
    return (row.day is not None, row.day or date.min, row.expense_id)


def update_expense_rows(store, conn_id: int, rows: list[ExpenseRow] | None,
                        since: int | None) -> tuple[list[ExpenseRow], int]:
    """The connection's rows now, and the store's mark to pass next time (runs off the GUI thread).

    ``rows``, read at mark ``since``, are brought up to date with only the rows that changed after it
    (after a run: those the run touched, out of 50,000), in ``load_expense_rows``' order; unchanged
    rows are the same objects. Without ``rows``, or when too much changed or the store's log of
    changes no longer reaches back to ``since``, the whole list is read again."""
    mark = store.expense_list_mark()          # first: what changes after it is read next time
    changed = None
    if rows is not None and since is not None:
        changed = store.expense_list_changes(conn_id, since, mark, limit=RELOAD_ALL_ABOVE)
    if changed is None:
        return load_expense_rows(store, conn_id), mark
    if not changed:
        return rows, mark
    fresh = expense_rows_from(store.expense_list(conn_id, changed))
    fresh.sort(key=newest_first_key, reverse=True)
    kept = [r for r in rows if r.expense_id not in changed]
    return list(heapq.merge(kept, fresh, key=newest_first_key, reverse=True)), mark


def status_counts(rows: list[ExpenseRow]) -> dict[str, int]:
    """How many rows each filter button shows."""
    by_status: dict[str, int] = {}
    for r in rows:
        by_status[r.status] = by_status.get(r.status, 0) + 1
    out = {group: sum(by_status.get(st, 0) for st in sts) for group, sts in STATUS_GROUPS.items() if sts}
    out["all"] = len(rows)
    return out


@dataclass(frozen=True, slots=True)
class ExpenseDetail:
    """What the details of one selected expense show beyond its row (read when it is selected)."""

    receipts: tuple = ()
    notes: tuple[str, ...] = ()          # what the export did to book it exactly (a VAT rounding line)
    note: str = ""                       # the expense's note in Pleo
    pruned: bool = False                 # retention removed Pleo's data and the receipts here


def load_expense_detail(store, conn_id: int, expense_id: str) -> ExpenseDetail:
    """The receipts, ledger notes and Pleo note of one expense; the only place the Expenses tab
    decodes an expense's raw JSON (runs off the GUI thread)."""
    try:
        item = store.get_pleo_item(expense_id)
    except ValueError:          # damaged data: the details show what the row knows
        item = None
    listed = store.expense_list(conn_id, [expense_id])
    pruned = bool(listed and listed[0][-1])
    notes = tuple(store.ledger_notes(conn_id, [expense_id]).get(expense_id, ()))
    note = (item or {}).get("note") or ""
    return ExpenseDetail(tuple(store.receipts_for(expense_id)), notes, note if isinstance(note, str) else "",
                         pruned)


_supplier = attrgetter("supplier")
_employee = attrgetter("employee")
_category = attrgetter("category")
_reference = attrgetter("reference")


class ExpensesModel(QAbstractTableModel):
    COLUMNS = ("date", "supplier", "employee", "amount", "category", "status", "reference")
    #: The sort of ``load_expense_rows``' order: by date, newest first.
    NEWEST_FIRST = (0, Qt.SortOrder.DescendingOrder)
    loaded = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ExpenseRow] = []
        self._counts: dict[str, int] | None = None
        self._newest_first = False
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
        from PySide6.QtGui import QColor

        self._status_colors = {"failed": QColor("#B91C1C"), "held": QColor("#B45309"), "exported": QColor("#15803D")}
        # Dates and amounts formatted once (the locale's formats cost tens of microseconds a cell); the
        # window is built anew when the language changes, and its models with it.
        self._day_texts: dict[date, str] = {}
        self._money_texts: dict[tuple[Decimal, str], str] = {}
        self._display = (self._day_text, _supplier, _employee, self._money_text, _category, self._status_text,
                         _reference)

    # ------------------------------------------------------------------ data -------------------
    def set_rows(self, rows: list[ExpenseRow], counts: dict[str, int] | None = None, *,
                 newest_first: bool = False) -> None:
        """All rows at once (``counts``: their ``status_counts``, if known already; ``newest_first``:
        they are in the date column's descending order already, as ``load_expense_rows`` gives them,
        so that order needs no sort here on the GUI thread)."""
        self.beginResetModel()
        self.rows = rows
        self._counts = counts
        self._newest_first = newest_first
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
        if self._sort is not None and not (self._newest_first and self._sort == self.NEWEST_FIRST):
            col, order = self._sort
            key = self._sort_key(col)
            view.sort(key=lambda i: key(rows[i]), reverse=order == Qt.SortOrder.DescendingOrder)
        self.view = view

    def counts(self) -> dict[str, int]:
        if self._counts is None:
            self._counts = status_counts(self.rows)
        return dict(self._counts)

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

    _ROLES = frozenset({DISPLAY, ALIGNMENT, TOOLTIP, FOREGROUND, USER})

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        # Most of what a view asks (font, decoration, check state, background, size) is answered first.
        if role not in self._ROLES or not index.isValid():
            return None
        r = self.rows[self.view[index.row()]]
        col = index.column()
        if role == DISPLAY:
            return self._display[col](r)
        name = self.COLUMNS[col]
        if role == ALIGNMENT:
            return _RIGHT if name == "amount" else None
        if role == TOOLTIP:
            if name == "status":
                return f"{r.error}\n{r.fix}".strip() if r.error else None
            if name in ("supplier", "category", "reference"):
                return getattr(r, name) or None             # the whole text of a column that elides
            return None
        if role == FOREGROUND:
            return self._status_colors.get(r.status) if name == "status" else None
        return r.expense_id                                 # USER

    def _day_text(self, r: ExpenseRow) -> str:
        return _kept(self._day_texts, r.day, fmt.day, r.day) if r.day else ""

    def _money_text(self, r: ExpenseRow) -> str:
        if r.amount is None:
            return ""
        return _kept(self._money_texts, (r.amount, r.currency), fmt.money, r.amount, r.currency)

    def _status_text(self, r: ExpenseRow) -> str:
        return self.status_names.get(r.status, r.status)

    def _sort_key(self, column: int):
        col = self.COLUMNS[column]
        if col == "date":
            return newest_first_key                 # the order the rows are read in (descending)
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


class RunsModel(QAbstractTableModel):
    """History's runs, newest first, a page at a time: the first page comes with a reload (one model
    reset); the view asks for the next one (``fetchMore``) when it is scrolled near the end, and
    ``page_loader(last_run)`` reads it off the GUI thread. Cells are formatted only when shown."""

    COLUMNS = ("started", "took", "what", "trigger", "result", "counts")
    PAGE = 200
    page_added = Signal(int)            # rows added by fetchMore

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runs: list = []
        self._more = False
        self._fetching = False
        self._generation = 0
        self.page_loader = None          # callable(last RunRow) -> list[RunRow], run off the GUI thread
        #: The column titles (History sets them in the user's language).
        self.headers = {"started": "Started", "took": "Took", "what": "What", "trigger": "Trigger",
                        "result": "Result", "counts": "Counts"}
        from PySide6.QtGui import QColor

        self._colors = {status: QColor(color) for status, color in RUN_COLORS.items()}
        #: (row, column) -> the cell's text, formatted once (a run does not change once listed).
        self._texts: dict[tuple[int, int], str] = {}

    def set_runs(self, runs: list, loader=None) -> None:
        """The first page (a full page means there may be more, read by ``loader``)."""
        self.beginResetModel()
        self._generation += 1
        self.runs = list(runs)
        self._texts = {}
        self.page_loader = loader
        self._more = loader is not None and len(runs) >= self.PAGE
        self._fetching = False
        self.endResetModel()

    def run_at(self, row: int):
        return self.runs[row] if 0 <= row < len(self.runs) else None

    # ------------------------------------------------------------------ paging -----------------
    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or not self._more or self._fetching or not self.runs or self.page_loader is None:
            return
        from pleodesk.ui.tasks import run_task

        self._fetching = True
        gen, last, loader = self._generation, self.runs[-1], self.page_loader
        run_task(lambda: loader(last), lambda page: self._page(gen, page), lambda _exc: self._page(gen, None),
                 owner=self)

    def _page(self, generation: int, page) -> None:
        if generation != self._generation:
            return                          # a reload came in between: that page belongs to the old list
        self._fetching = False
        if not page:
            self._more = False
            return
        first = len(self.runs)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self.runs.extend(page)
        self.endInsertRows()
        self._more = len(page) >= self.PAGE
        self.page_added.emit(len(page))

    # ------------------------------------------------------------------ Qt model ---------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.runs)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[self.COLUMNS[section]]
        return None

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if role == DISPLAY:
            if not index.isValid():
                return None
            row, col = index.row(), index.column()
            return _kept(self._texts, (row, col), self._text, self.runs[row], self.COLUMNS[col])
        if role == FOREGROUND and index.isValid() and self.COLUMNS[index.column()] == "result":
            return self._colors.get(self.runs[index.row()].status)
        return None

    @staticmethod
    def _text(r, col: str) -> str:
        if col == "started":
            return fmt.moment(r.started_at)
        if col == "took":
            return fmt.duration((r.ended_at - r.started_at).total_seconds()) if r.ended_at else "…"
        if col == "what":
            return kind_name(r.kind)
        if col == "trigger":
            return trigger_name(r.trigger)
        if col == "result":
            return run_status_name(r.status)
        return counts_text(r.counts) or skip_text(r)


RUN_COLORS = {"failed": "#B91C1C", "partial": "#B45309", "cancelled": "#B45309", "interrupted": "#B45309",
              "skipped": "#64748B"}


def skip_text(run) -> str:
    """A run's skip reasons in the user's language, for a run without counts."""
    if run.skip_reasons:
        return "; ".join(skip_reason_text(str(k)) for k in run.skip_reasons)
    return ""
