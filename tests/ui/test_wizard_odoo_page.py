"""The Odoo connect page as a user clicks it: checks that fail, the demo company's Odoo, and the wizard
moving on only when the user asked it to."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from pleodesk.sandbox.odoo_emulator import OdooState
from pleodesk.ui.wizard import pages as P

from .helpers import WAIT_MS, click_next, free_port, start_wizard


def _type(qtbot, edit, text: str) -> None:
    edit.selectAll()
    edit.clear()
    qtbot.keyClicks(edit, text)


def _idle(qtbot, wiz, page) -> None:
    qtbot.waitUntil(lambda: not page._busy and not page._checking, timeout=WAIT_MS)
    qtbot.wait(200)          # anything still queued (a second Next) would run now


def test_failed_checks_then_demo_odoo_stop_on_the_accounts_page(qtbot, ctx, sandbox):
    """Next with an unreachable address, the demo's Odoo, Check with a wrong database and a wrong key,
    the demo's Odoo again: the wizard is on "Bank account and journals", and Next goes to Categories
    only from there."""
    wiz = start_wizard(qtbot, ctx, sandbox, "odoo", demo=True)
    page = wiz.currentPage()
    odoo_id = wiz.currentId()
    # 1. Next with an address nobody answers on: the check fails, the page stays.
    _type(qtbot, page.url, f"http://127.0.0.1:{free_port()}")
    _type(qtbot, page.database, "pleodesk")
    _type(qtbot, page.login, "admin")
    _type(qtbot, page.key, "wrong")
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "127.0.0.1" in page.status.text() or "connect" in page.status.text().lower(),
                    timeout=WAIT_MS)
    _idle(qtbot, wiz, page)
    assert wiz.currentId() == odoo_id
    # 2. The demo company's Odoo: its administrator may book in two companies, so the page asks which;
    #    what the check found (version, rights, companies) is right under Check.
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.company.count() == 2, timeout=WAIT_MS)
    _idle(qtbot, wiz, page)
    assert wiz.currentId() == odoo_id
    text = page.status.text()
    assert "Odoo 17" in text and "Accountant or Adviser" in text and "2 companies" in text, text
    assert "again" not in text
    check_bottom = page.check_button.mapTo(page, page.check_button.rect().bottomLeft()).y()
    status_top = page.status.mapTo(page, page.status.rect().topLeft()).y()
    assert 0 <= status_top - check_bottom < 20
    # 3. Check with a wrong database, then with a wrong key: both fail, the page stays.
    _type(qtbot, page.database, "nosuchdb")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "nosuchdb" in page.status.text(), timeout=WAIT_MS)
    _idle(qtbot, wiz, page)
    _type(qtbot, page.database, sandbox.odoo.database)
    _type(qtbot, page.key, "not-the-key")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.check_button.isEnabled() and "key" in page.status.text().lower(), timeout=WAIT_MS)
    _idle(qtbot, wiz, page)
    assert wiz.currentId() == odoo_id
    # 4. The demo company's Odoo again, clicked twice as impatient users do: checked and moved on, once,
    #    to "Bank account and journals" (before the fix the second click's check moved it on again).
    moves: list[int] = []
    wiz.currentIdChanged.connect(moves.append)
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.currentId() != odoo_id, timeout=WAIT_MS)
    qtbot.wait(1000)
    assert moves == [P.ID_ACCOUNTS]
    assert wiz.currentId() == P.ID_ACCOUNTS
    assert wiz.currentPage().title() == wiz.page(P.ID_ACCOUNTS).title()
    accounts = wiz.currentPage()
    qtbot.waitUntil(accounts.isComplete, timeout=WAIT_MS)
    assert not page._validated           # no check result is left over for a later Next
    click_next(qtbot, wiz)
    assert wiz.currentId() == P.ID_CATEGORIES
    # Back goes back one page at a time.
    wiz.back()
    assert wiz.currentId() == P.ID_ACCOUNTS
    wiz.back()
    assert wiz.currentId() == odoo_id


def test_a_late_check_does_not_move_the_wizard_from_another_page(qtbot, ctx, sandbox):
    """A check that passes after the user went Back (or on) is dropped: the wizard moves only from the
    page that asked."""
    wiz = start_wizard(qtbot, ctx, sandbox, "odoo", demo=True)
    odoo = wiz.currentPage()
    wiz.back()
    assert wiz.currentId() == P.ID_PLEO
    odoo._validated = False
    odoo.finish_validation()               # what a late answer of the Odoo check does
    qtbot.wait(100)
    assert wiz.currentId() == P.ID_PLEO and not odoo._validated
