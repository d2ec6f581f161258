"""The wizard's Odoo page against the sandbox (Pleo) and the emulated Odoo behind it."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PLEODESK_LANG", "en")

from pleodesk.sandbox.odoo_emulator import mount_odoo  # noqa: E402

# English as the app has it: its plural forms ("2 companies").
pytestmark = pytest.mark.usefixtures("english_translation")
from pleodesk.ui.systems.odoo import check_connection  # noqa: E402


def test_check_connection_asks_for_the_company_then_reads_its_chart(odoo, odoo_url):
    out = check_connection(odoo_url, "pleodesk", "admin", odoo.ADMIN_KEY, None)
    assert out["companies"] == [(1, "Demo Company B.V."), (2, "Other Company ApS")] and out["chart"] is None
    out = check_connection(odoo_url, "pleodesk", "admin", odoo.ADMIN_KEY, 2)
    assert out["company_id"] == 2 and "4000" in out["chart"].accounts
    other = odoo.USER_KEYS["other@demo.example"]
    out = check_connection(odoo_url, "pleodesk", "other@demo.example", other, None)
    assert out["company_id"] == 2 and out["chart"] is not None          # one company: chosen at once
    with pytest.raises(ValueError, match="no database named"):
        check_connection(odoo_url, "nope", "admin", odoo.ADMIN_KEY, None)


@pytest.fixture
def world(qapp, pleodesk_home):
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox
    from pleodesk.storage import open_store
    from pleodesk.ui.context import AppContext

    sb = start_sandbox(SandboxConfig(seed=7, expenses_per_month=5, months=["2026-08"]))
    state = mount_odoo(sb, 17)
    store = open_store()
    ctx = AppContext(store, scheduler=False)
    yield sb, state, ctx
    ctx.shutdown()
    store.close()
    sb.stop()


def test_wizard_connects_odoo_and_chooses_the_company(qtbot, world):
    from pleodesk.connections import ledger_secret_name
    from pleodesk.secrets import get_secret
    from pleodesk.ui.wizard import pages as P
    from tests.ui.helpers import WAIT_MS, click_next, start_wizard

    sb, odoo, ctx = world
    wiz = start_wizard(qtbot, ctx, sb, "odoo")
    page = wiz.currentPage()
    assert not page.isComplete()
    qtbot.keyClicks(page.url, f"{sb.url}/odoo")
    qtbot.keyClicks(page.database, "pleodesk")
    qtbot.keyClicks(page.login, "admin")
    qtbot.keyClicks(page.key, "wrong key")
    assert page.isComplete()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWizard

    next_button = wiz.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused the login" in page.status.text(), timeout=WAIT_MS)
    page.key.clear()
    qtbot.keyClicks(page.key, odoo.ADMIN_KEY)
    qtbot.waitUntil(next_button.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.company.count() == 2, timeout=WAIT_MS)
    assert "choose the one" in page.status.text()
    page.company.setCurrentIndex(0)
    click_next(qtbot, wiz)
    assert wiz.currentId() == P.ID_ACCOUNTS
    st = wiz.state
    assert st.system_settings["company_id"] == 1 and st.system_settings["company_name"] == "Demo Company B.V."
    assert st.system_settings["url"] == f"{sb.url}/odoo" and "api" not in str(st.system_settings).lower()
    assert get_secret(ledger_secret_name(st.conn_id, "odoo_api_key")) == odoo.ADMIN_KEY
    assert st.chart is not None and "21% INC" in st.chart.taxes


def test_accounts_page_can_create_an_account_in_odoo(odoo, odoo_url):
    from pleodesk.connections import ledger_secret_name
    from pleodesk.secrets import set_secret
    from pleodesk.ui.systems.odoo import create_account
    from pleodesk.ui.wizard.state import WizardState

    state = WizardState(conn_id=5, system="odoo", system_settings={
        "url": odoo_url, "database": "pleodesk", "login": "admin", "company_id": 1})
    set_secret(ledger_secret_name(5, "odoo_api_key"), odoo.ADMIN_KEY)
    acc = create_account(state, "1195", "Pleo wallet USD", "bank")
    assert (acc.code, acc.name) == ("1195", "Pleo wallet USD")
    assert odoo.account("1195")["account_type"] == "asset_current"
    assert "1195" in state.chart.accounts
    assert create_account(state, "1195", "Pleo wallet USD", "bank").id == acc.id     # not created twice


def test_check_button_reports_and_fills_the_company_choice(qtbot, world):
    """"Check" runs the same check as Next but stays on the page: Odoo's version, the user's rights, the
    companies (the choice filled in), and what is missing in plain words; Next then uses it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWizard

    from pleodesk.ui.wizard import pages as P
    from tests.ui.helpers import WAIT_MS, click_next, start_wizard

    sb, odoo, ctx = world
    wiz = start_wizard(qtbot, ctx, sb, "odoo")
    page = wiz.currentPage()
    button = page.check_button
    assert button.isVisible() and not button.isEnabled()               # nothing to check yet
    assert "&h" in button.text().lower() and button.accessibleName()
    qtbot.keyClicks(page.url, f"{sb.url}/odoo")
    qtbot.keyClicks(page.database, "pleodesk")
    qtbot.keyClicks(page.login, "admin")
    qtbot.keyClicks(page.key, odoo.ADMIN_KEY)
    assert button.isEnabled()

    # The admin may book in two companies: the report says so and the choice is filled in.
    odoo.hr_installed = True
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.company.count() == 2 and button.isEnabled(), timeout=WAIT_MS)
    text = page.status.text()
    assert "Odoo 17" in text and "rights" in text and "Employees" in text and "2 companies" in text
    assert page.company.isEnabled() and wiz.currentId() == wiz.system_pages["odoo"]
    assert [page.company.itemText(i) for i in range(2)] == ["Demo Company B.V.", "Other Company ApS"]

    # The second company, checked: its chart is read, the page stays.
    page.company.setCurrentIndex(page.company.findData(2))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Other Company ApS" in page.status.text(), timeout=WAIT_MS)
    assert "accounts" in page.status.text() and page.status.text().startswith("✔")
    assert wiz.currentId() == wiz.system_pages["odoo"]

    # Next takes the company just checked without asking Odoo again.
    calls = len(odoo.calls)
    click_next(qtbot, wiz)
    assert wiz.currentId() == P.ID_ACCOUNTS and wiz.state.system_settings["company_id"] == 2
    assert len(odoo.calls) == calls

    # Back on the page, without the Employees app: the check says what is missing and how to install it.
    while wiz.currentId() != wiz.system_pages["odoo"]:
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    odoo.hr_installed = False
    page.key.clear()
    qtbot.keyClicks(page.key, odoo.ADMIN_KEY)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Employees app (hr) is not installed" in page.status.text(), timeout=WAIT_MS)
    assert page.status.text().startswith("✖") and "Apps" in page.status.text()
    assert wiz.currentId() == wiz.system_pages["odoo"]
