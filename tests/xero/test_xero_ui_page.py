"""The wizard's Xero page: sign in through the (fake) browser, choose the organisation, Next sets up the
Pleo accounts and reads the chart; the token goes to the keyring only."""

from __future__ import annotations

import os
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PLEODESK_LANG", "en")


def test_finish_stores_the_token_sets_up_and_reads_the_chart(base_settings, port, xero, memory_keyring):
    from pleodesk.connections import ledger_secret_name
    from pleodesk.providers.xero.auth import XeroConnector
    from pleodesk.ui.systems.xero import SECRET, finish, wallet_currency
    from xero_testkit import fake_browser

    assert wallet_currency(SimpleNamespace(company={"data": {"currency": "EUR"}})) == "EUR"
    si = XeroConnector(base_settings, ports=[port], open_browser=fake_browser()).sign_in(timeout=20)
    settings, secrets, chart = finish(7, dict(base_settings), si, si.tenants[0])
    assert settings["tenant_name"] == "Pleo Demo BV" and settings["bank_account_code"] == "PLEOBANK"
    assert "PLEOBANK" in chart.accounts and "TAX001" in chart.taxes
    assert not any("access_token" in str(v) for v in settings.values())
    assert SECRET in secrets and ("pleodesk", ledger_secret_name(7, SECRET)) in memory_keyring.store


def test_create_account_from_the_accounts_page(connection, xero):
    from pleodesk.ui.systems.xero import create_account
    from pleodesk.ui.wizard.state import WizardState

    state = WizardState(conn_id=1, system="xero", system_settings=dict(connection.settings))
    acc = create_account(state, "PLEOUSD", "Pleo Account USD", "bank")
    assert acc.code == "PLEOUSD" and acc.type == "bank" and "PLEOUSD" in state.chart.accounts
    created = next(a for a in xero.demo.accounts if a["Code"] == "PLEOUSD")
    assert created["Type"] == "BANK"
    again = create_account(state, "PLEOUSD", "Pleo Account USD", "bank")
    assert again.id == acc.id


def test_wizard_signs_in_and_chooses_the_organisation(qtbot, qapp, sandbox, xero, base_settings, port, pleodesk_home):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWizard

    from pleodesk.connections import ledger_secret_name
    from pleodesk.secrets import get_secret
    from pleodesk.storage import open_store
    from pleodesk.ui.context import AppContext
    from pleodesk.ui.wizard import pages as P
    from tests.ui.helpers import WAIT_MS, start_wizard
    from xero_testkit import OTHER_TENANT, TENANT, fake_browser

    import pleodesk.providers.xero.auth as auth

    xero.consent = [TENANT, OTHER_TENANT]
    original = auth.XeroConnector.__init__

    def patched(self, settings, **kw):      # the test's browser and port
        original(self, settings, ports=[port], open_browser=fake_browser())

    store = open_store()
    ctx = AppContext(store, scheduler=False)
    try:
        auth.XeroConnector.__init__ = patched
        wiz = start_wizard(qtbot, ctx, sandbox, "xero")
        page = wiz.currentPage()
        assert wiz.currentId() == wiz.system_pages["xero"]
        assert not page.isComplete()
        # the sandbox's Xero addresses (what the app's sandbox mode puts in the connection's settings)
        wiz.state.system_settings.update(base_settings)
        qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.organisation.count() == 2, timeout=WAIT_MS)
        assert "Choose the organisation" in page.status.text()
        page.organisation.setCurrentIndex(page.organisation.findData(TENANT))
        next_button = wiz.button(QWizard.WizardButton.NextButton)
        qtbot.waitUntil(next_button.isEnabled, timeout=WAIT_MS)
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wiz.currentId() == P.ID_ACCOUNTS, timeout=WAIT_MS)
        assert wiz.currentId() == P.ID_ACCOUNTS
        st = wiz.state
        assert st.system_settings["tenant_id"] == TENANT and st.system_settings["bank_account_code"] == "PLEOBANK"
        assert "token" not in str({k: v for k, v in st.system_settings.items() if not k.endswith("_url")})
        assert get_secret(ledger_secret_name(st.conn_id, "xero-oauth"))
        assert st.chart is not None and "PLEOBANK" in st.chart.accounts
        # Page 4 proposes the accounts just set up in Xero (not the business bank account, whose
        # name also says "bank"): the bank feed goes to PLEOBANK.
        page = wiz.currentPage()
        qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
        combos = page.editor.combos
        assert combos["wallet"].currentData() == "PLEOBANK"
        assert combos["out_of_pocket"].currentData() == "PLEOPOCKET" and combos["default"].currentData() == "PLEO"
    finally:
        auth.XeroConnector.__init__ = original
        ctx.shutdown()
        store.close()


def _port_free(port: int) -> bool:
    import socket

    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
        return True
    except OSError:
        return False
    finally:
        s.close()


def test_waiting_for_the_browser_can_be_stopped(qtbot, qapp, sandbox, xero, base_settings, port, pleodesk_home):
    """Nobody signs in: "Stop waiting" ends the wait and frees the loopback port; so does the wizard's
    own Cancel."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWizard

    from pleodesk.storage import open_store
    from pleodesk.ui.context import AppContext
    from tests.ui.helpers import WAIT_MS, start_wizard

    import pleodesk.providers.xero.auth as auth

    opened: list[str] = []
    original = auth.XeroConnector.__init__

    def patched(self, settings, **kw):      # the test's port; a browser where nobody signs in
        original(self, settings, ports=[port], open_browser=lambda url: opened.append(url) or True)

    store = open_store()
    ctx = AppContext(store, scheduler=False)
    try:
        auth.XeroConnector.__init__ = patched
        wiz = start_wizard(qtbot, ctx, sandbox, "xero")
        page = wiz.currentPage()
        wiz.state.system_settings.update(base_settings)
        assert not page.stop_button.isVisible()

        qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(opened) and not _port_free(port), timeout=WAIT_MS)
        assert page.stop_button.isVisible() and not page.sign_in_button.isEnabled()
        assert "&w" in page.stop_button.text() and page.stop_button.accessibleName()
        assert "Stop waiting" in page.status.text() and "close the browser tab" not in page.status.text()
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(page.sign_in_button.isEnabled, timeout=WAIT_MS)
        assert not page.stop_button.isVisible() and "Stopped waiting" in page.status.text()
        assert _port_free(port) and not page.isComplete()

        # Waiting again, then the wizard's Cancel: the wait ends with it.
        qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(opened) == 2 and not _port_free(port), timeout=WAIT_MS)
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not wiz.isVisible() and _port_free(port), timeout=WAIT_MS)
    finally:
        auth.XeroConnector.__init__ = original
        ctx.shutdown()
        store.close()
