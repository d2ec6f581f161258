"""Driving the real widgets from tests."""

from __future__ import annotations

import csv
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

WAIT_MS = 20_000


def click_next(qtbot, wizard) -> None:
    """Press Next (or Save on the last page) and wait until the wizard moved on."""
    before = wizard.currentId()
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).isEnabled()
                    and wizard.button(QWizard.WizardButton.NextButton).isVisible(), timeout=WAIT_MS)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() != before, timeout=WAIT_MS)
    assert wizard.currentPage() is not page


def fill_pleo_page(qtbot, page, sandbox) -> None:
    page.url.clear()
    qtbot.keyClicks(page.url, sandbox.pleo_url)
    page.key.clear()
    qtbot.keyClicks(page.key, sandbox.api_key)
    page.company.clear()
    qtbot.keyClicks(page.company, sandbox.company_id)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)


def start_wizard(qtbot, ctx, sandbox, system: str, *, demo: bool = False):
    """Pages 1 and 2: choose ``system``, connect Pleo (the sandbox: typed in, or with "Use the demo
    company" when ``demo``); the wizard is then on the system's own page."""
    from pleodesk.ui.wizard import SetupWizard
    from pleodesk.ui.wizard import pages as P

    wiz = SetupWizard.for_new(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    assert wiz.currentId() == P.ID_WELCOME
    wiz.currentPage().buttons[system].setChecked(True)
    click_next(qtbot, wiz)
    assert wiz.currentId() == P.ID_PLEO
    page = wiz.currentPage()
    if demo:
        ctx.sandbox = sandbox                  # the demo company's sandbox is the test's
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    else:
        fill_pleo_page(qtbot, page, sandbox)
    assert "Demo Company" in page.status.text()
    click_next(qtbot, wiz)
    assert wiz.currentId() == wiz.system_pages[system]
    return wiz


def journal_entries(folder: Path) -> dict[str, list[dict]]:
    """journal.csv rows grouped by reference."""
    path = Path(folder) / "journal.csv"
    out: dict[str, list[dict]] = defaultdict(list)
    if not path.exists():
        return out
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[row["reference"]].append(row)
    return out


def balanced(rows: list[dict]) -> bool:
    debit = sum((Decimal(r["debit"] or 0) for r in rows), Decimal(0))
    credit = sum((Decimal(r["credit"] or 0) for r in rows), Decimal(0))
    return debit == credit



def set_category(table, key: str, account: str | None) -> None:
    """In a ``CategoryTable``: choose ledger ``account`` (None: not mapped) for Pleo category ``key``."""
    combo = table.table.cellWidget(table._row_of(key), table.COL_ACCOUNT)
    index = combo.findData(account) if account else 0
    assert index >= 0, f"{account} is not offered for {key}"
    combo.setCurrentIndex(index)


def set_tax(table, key: str, code: str) -> None:
    """In a ``TaxTable``: choose ledger tax ``code`` for Pleo tax code ``key``."""
    from pleodesk.ui.mapping_editors import KEY_ROLE

    row = next(r for r in range(table.table.rowCount()) if table.table.item(r, 0).data(KEY_ROLE) == key)
    combo = table.table.cellWidget(row, 2)
    assert combo.findData(code) >= 0, f"{code} is not offered for {key}"
    combo.setCurrentIndex(combo.findData(code))


def map_tag_group(editor, group: str, dimension: str, tags: dict[str, str] | None = None) -> None:
    """In a ``TagEditor``: export Pleo tag group ``group`` as ``dimension``, then map ``tags``
    ({tag code: value}) as the user would, group row selected first."""
    from pleodesk.ui.mapping_editors import KEY_ROLE

    gt = editor.group_table
    row = next(r for r in range(gt.rowCount()) if gt.item(r, 0).data(KEY_ROLE) == group)
    combo = gt.cellWidget(row, 1)
    if combo.currentData() != dimension:
        assert combo.findData(dimension) >= 0, f"{dimension} is not offered for {group}"
        combo.setCurrentIndex(combo.findData(dimension))
    gt.selectRow(row)
    tt = editor.tag_table
    for r in range(tt.rowCount()):
        code = tt.item(r, 0).data(KEY_ROLE)
        if code in (tags or {}):
            value = tt.cellWidget(r, 1)
            assert value.findData(tags[code]) >= 0, f"{tags[code]} is not offered for {code}"
            value.setCurrentIndex(value.findData(tags[code]))


def create_account(qtbot, page, role: str) -> tuple[str, str]:
    """On the wizard's accounts page: press "Create…" next to ``role``, accept the dialog with the
    code and name it suggests, wait until the new account is chosen. Returns (code, name)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[tuple[str, str]] = []

    def accept() -> None:            # runs inside the dialog's own event loop
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(20, accept)
            return
        seen.append((dlg.code.text(), dlg.name.text()))
        dlg.accept()

    QTimer.singleShot(0, accept)
    qtbot.mouseClick(page.editor.buttons[role], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and page.editor.combos[role].currentData() == seen[0][0], timeout=WAIT_MS)
    return seen[0]


def free_port() -> int:
    """A loopback port nobody listens on (for an OAuth redirect)."""
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def fake_browser():
    """A browser for OAuth sign-ins against the sandbox (the app's own, for the demo ledgers)."""
    from pleodesk.demo import sandbox_browser

    return sandbox_browser()
