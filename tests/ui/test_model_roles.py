"""What the Expenses and History models answer per role: the texts, tooltips, colours and alignment a
view asks for when it paints, whether it asks with Qt's enum (Python code) or a plain int (the view)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from pleodesk.storage.rows import RunRow
from pleodesk.ui import fmt
from pleodesk.ui.models import ExpenseRow, ExpensesModel, RunsModel, newest_first_key

R = Qt.ItemDataRole


def _row(eid: str, status: str, *, day=date(2026, 8, 3), amount=Decimal("1234.50"), error="", fix="") -> ExpenseRow:
    return ExpenseRow(expense_id=eid, day=day, supplier=f"Supplier {eid}", employee="Ann", amount=amount,
                      currency="EUR", category="Travel", status=status, reference=f"PLEO-{eid}", ledger_url="",
                      receipts=1, error=error, fix=fix, search=eid)


@pytest.mark.parametrize("as_int", [False, True])
def test_expense_cells_answer_each_role(qapp, as_int: bool) -> None:
    m = ExpensesModel()
    m.set_rows([_row("e1", "failed", error="No tax code", fix="Map it."), _row("e2", "exported", day=None, amount=None)])

    def cell(row: int, column: str, role):
        return m.data(m.index(row, m.COLUMNS.index(column)), int(role) if as_int else role)

    assert cell(0, "date", R.DisplayRole) == fmt.day(date(2026, 8, 3))
    assert cell(0, "amount", R.DisplayRole) == fmt.money(Decimal("1234.50"), "EUR")
    assert cell(1, "date", R.DisplayRole) == "" and cell(1, "amount", R.DisplayRole) == ""
    assert cell(0, "supplier", R.DisplayRole) == "Supplier e1"
    assert cell(0, "employee", R.DisplayRole) == "Ann" and cell(0, "category", R.DisplayRole) == "Travel"
    assert cell(0, "status", R.DisplayRole) == "Failed" and cell(1, "status", R.DisplayRole) == "Exported"
    assert cell(0, "reference", R.DisplayRole) == "PLEO-e1"
    assert cell(0, "amount", R.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert cell(0, "supplier", R.TextAlignmentRole) is None
    assert cell(0, "status", R.ToolTipRole) == "No tax code\nMap it."
    assert cell(1, "status", R.ToolTipRole) is None
    assert cell(0, "supplier", R.ToolTipRole) == "Supplier e1" and cell(0, "reference", R.ToolTipRole) == "PLEO-e1"
    assert cell(0, "date", R.ToolTipRole) is None
    assert cell(0, "status", R.ForegroundRole).name().upper() == "#B91C1C"
    assert cell(1, "status", R.ForegroundRole).name().upper() == "#15803D"
    assert cell(0, "supplier", R.ForegroundRole) is None
    assert cell(1, "date", R.UserRole) == "e2"
    assert cell(0, "date", R.FontRole) is None and cell(0, "date", R.DecorationRole) is None
    # The same texts come again (kept formatted), and follow the rows when they change.
    assert cell(0, "amount", R.DisplayRole) == fmt.money(Decimal("1234.50"), "EUR")
    m.set_rows([_row("e3", "held", day=date(2026, 9, 1), amount=Decimal("-7"))])
    assert cell(0, "date", R.DisplayRole) == fmt.day(date(2026, 9, 1))
    assert cell(0, "amount", R.DisplayRole) == fmt.money(Decimal("-7"), "EUR")
    assert cell(0, "status", R.ForegroundRole).name().upper() == "#B45309"


def _run(n: int, status: str, kind: str = "queue") -> RunRow:
    start = datetime(2026, 8, 3, 8, 0, tzinfo=timezone.utc) + timedelta(hours=n)
    return RunRow(id=n, connection_id=1, kind=kind, trigger="scheduled", started_at=start,
                  ended_at=start + timedelta(seconds=75), status=status, counts={"exported": n},
                  skip_reasons=None, message=None, job_id=None)


@pytest.mark.parametrize("as_int", [False, True])
def test_history_cells_answer_each_role_and_a_new_list_its_own_texts(qapp, as_int: bool) -> None:
    m = RunsModel()
    m.set_runs([_run(1, "failed"), _run(2, "ok", "feed")])

    def cell(row: int, column: str, role=R.DisplayRole):
        return m.data(m.index(row, m.COLUMNS.index(column)), int(role) if as_int else role)

    assert cell(0, "started") == fmt.moment(_run(1, "failed").started_at)
    assert cell(0, "took") == "1 min 15 s"
    assert cell(0, "result", R.ForegroundRole).name().upper() == "#B91C1C"
    assert cell(1, "result", R.ForegroundRole) is None and cell(0, "started", R.ForegroundRole) is None
    assert cell(0, "started", R.FontRole) is None
    first = [cell(r, c) for r in range(2) for c in m.COLUMNS]
    # A reload's list in the same rows: its own texts, not the ones shown before.
    m.set_runs([_run(5, "ok", "feed"), _run(6, "partial")])
    again = [cell(r, c) for r in range(2) for c in m.COLUMNS]
    assert again != first
    assert cell(0, "started") == fmt.moment(_run(5, "ok").started_at)
    assert cell(0, "what") != cell(1, "what")
    assert cell(1, "result", R.ForegroundRole).name().upper() == "#B45309"


def test_sorting_by_date_is_the_order_the_rows_are_read_in(qapp) -> None:
    """A list read newest first is shown without a sort (``newest_first``): sorting by the date column
    must give that same order, undated rows (no Pleo data stored) last, each group by id."""
    rows = [_row("e5", "exported", day=date(2026, 8, 3)), _row("e9", "held", day=None),
            _row("e2", "failed", day=date(2026, 9, 1)), _row("e7", "exported", day=date(2026, 8, 3)),
            _row("e1", "pending", day=None)]
    m = ExpensesModel()
    m.set_rows(rows)
    m.sort(0, Qt.SortOrder.DescendingOrder)
    shown = [m.row_at(i).expense_id for i in range(m.rowCount())]
    assert shown == ["e2", "e7", "e5", "e9", "e1"]
    read = ExpensesModel()
    read.set_rows(sorted(rows, key=newest_first_key, reverse=True), newest_first=True)
    read.sort(0, Qt.SortOrder.DescendingOrder)
    assert [read.row_at(i).expense_id for i in range(read.rowCount())] == shown
    m.sort(0, Qt.SortOrder.AscendingOrder)
    assert [m.row_at(i).expense_id for i in range(m.rowCount())] == shown[::-1]
