"""The category table of the wizard and the Mappings dialog: automatic matching only to accounts of a
type that can take the category, and the rows matched automatically shown so they are checked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pleodesk.core.ledger import LedgerAccount, LedgerChart
from pleodesk.ui.mapping_editors import AUTO_ROLE, CategoryTable
from pleodesk.ui.wizard.state import PleoData, WizardState, auto_match

from .helpers import set_category

PLEO_ACCOUNTS = [{"id": "a1", "code": "1100", "name": "Pleo wallet EUR"},
                 {"id": "a2", "code": "4000", "name": "Travel"},
                 {"id": "a3", "code": "4100", "name": "Meals and entertainment"},
                 {"id": "a4", "code": "1600", "name": "Office supplies"}]
XERO_CHART = LedgerChart(accounts={a.code: a for a in (
    LedgerAccount("090", "Business Bank Account", "bank"), LedgerAccount("1100", "Accounts Receivable", "asset"),
    LedgerAccount("1600", "Accounts Payable", "liability"), LedgerAccount("4000", "Travel", "expense"),
    LedgerAccount("4100", "Meals", "expense"))})


def _table(qtbot):
    st = WizardState(system="xero", chart=XERO_CHART, pleo_data=PleoData(accounts=PLEO_ACCOUNTS))
    table = CategoryTable()
    qtbot.addWidget(table)
    table.set_auto_matcher(lambda: auto_match(st))
    table.set_data(st.pleo_data.categories(), XERO_CHART, st.mappings)
    table.show()
    return st, table


def _account_text(table, key: str) -> str:
    return table.table.cellWidget(table._row_of(key), table.COL_ACCOUNT).currentText()


def test_match_automatically_keeps_to_fitting_accounts_and_marks_the_rows(qtbot):
    st, table = _table(qtbot)
    assert table.counts.text() == "0 mapped · 4 unmapped"
    qtbot.mouseClick(table.auto_button, Qt.MouseButton.LeftButton)
    # The wallet is not booked on receivables, office supplies not on payables: both stay unmapped.
    assert _account_text(table, "1100") == "— not mapped —"
    assert _account_text(table, "1600") == "— not mapped —"
    assert _account_text(table, "4000") == "4000 – Travel"
    assert set(st.mappings.categories) == {"4000", "4100"}
    item = table.table.item(table._row_of("4000"), table.COL_CATEGORY)
    assert item.data(AUTO_ROLE) is True and "automatically" in item.toolTip()
    assert not table.table.item(table._row_of("1100"), table.COL_CATEGORY).data(AUTO_ROLE)
    assert table.counts.text() == ("2 mapped · 2 unmapped · 2 matched automatically (highlighted): "
                                   "check them")
    # Checked and chosen by the user: the mark goes.
    set_category(table, "4000", "4100")
    assert not item.data(AUTO_ROLE)
    assert table.counts.text() == "2 mapped · 2 unmapped · 1 matched automatically (highlighted): check it"
    assert st.mappings.auto_categories == {"4100"}
