"""The wizard's QuickBooks page, in the article's order: connect (Intuit's sign-in through the fake browser,
the company chosen there), the Pleo bank account and Pocket account as edited on the page, Next finds or
creates them and reads the chart, the next page proposes them; the tokens go to the keyring only."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PLEODESK_LANG", "en")


@pytest.fixture
def nl_sandbox():
    """A sandbox of its own (the wizard's Pleo page expects the Dutch demo company)."""
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox

    sb = start_sandbox(SandboxConfig(seed=7, expenses_per_month=20))
    yield sb
    sb.stop()


@pytest.fixture
def wizard_qbo(nl_sandbox, monkeypatch):
    from pleodesk.sandbox.qbo_emulator import SANDBOX_CLIENT_ID, QboState, mount_qbo

    from qbo_testkit import SCALE, fake_browser, free_port

    import pleodesk.providers.quickbooks.auth as auth

    state = mount_qbo(nl_sandbox, QboState(time_scale=SCALE))
    port = free_port()
    state.clients[SANDBOX_CLIENT_ID].redirect_uris.add(f"http://localhost:{port}/callback")
    monkeypatch.setenv("PLEODESK_QBO_REDIRECT_URI", f"http://localhost:{port}/callback")
    original = auth.QboConnector.__init__

    def patched(self, settings, **kw):         # the test's browser and port
        original(self, settings, secret=kw.get("secret"), ports=[port], open_browser=fake_browser())

    monkeypatch.setattr(auth.QboConnector, "__init__", patched)
    return state


def test_the_page_connects_sets_up_the_pleo_accounts_and_page_4_proposes_them(qtbot, qapp, nl_sandbox, wizard_qbo,
                                                                              pleodesk_home):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWizard

    from pleodesk.connections import ledger_secret_name
    from pleodesk.providers.quickbooks import sandbox_settings
    from pleodesk.secrets import get_secret
    from pleodesk.storage import open_store
    from pleodesk.ui.context import AppContext
    from pleodesk.ui.wizard import pages as P
    from tests.ui.helpers import WAIT_MS, start_wizard

    store = open_store()
    ctx = AppContext(store, scheduler=False)
    try:
        wiz = start_wizard(qtbot, ctx, nl_sandbox, "quickbooks")
        page = wiz.currentPage()
        assert wiz.currentId() == wiz.system_pages["quickbooks"]
        assert not page.isComplete() and not page.advanced.isChecked()     # the built-in app: nothing to enter
        assert page.bank_name.text() == "Banque Pleo" and page.bank_number.text() == "512"
        wiz.state.system_settings.update({**sandbox_settings(nl_sandbox.url), "rate_limits": {"time_scale": 60}})
        qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Société Démo SAS" in page.company.text(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: page.bank_journal.findText("CA") >= 0, timeout=WAIT_MS)   # the company's codes
        assert page.isComplete() and "Signed in to Société Démo SAS" in page.status.text()
        page.bank_journal.setCurrentText("BQ")
        page.pocket.setChecked(True)
        assert page.pocket_box.isVisibleTo(page) and page.pocket_number.text() == "5121"
        next_button = wiz.button(QWizard.WizardButton.NextButton)
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wiz.currentId() == P.ID_ACCOUNTS, timeout=WAIT_MS)
        st = wiz.state
        assert st.system_settings["realm_id"] and st.system_settings["bank_account_code"] == "512"
        assert st.system_settings["pocket_account_code"] == "5121"
        assert "token" not in str({k: v for k, v in st.system_settings.items() if not k.endswith("_url")})
        assert get_secret(ledger_secret_name(st.conn_id, "quickbooks-oauth"))
        banks = {a["Name"]: a for a in wizard_qbo.demo.all("Account") if a["AccountType"] == "Bank"}
        assert banks["Banque Pleo"]["JournalCodeRef"]["name"] == "BQ" and "Pleo Pocket" in banks
        assert st.chart is not None and st.chart.accounts["512"].type == "bank"
        page = wiz.currentPage()
        qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
        combos = page.editor.combos
        assert combos["wallet"].currentData() == "512" and combos["out_of_pocket"].currentData() == "5121"
        # only bank accounts for the Pleo money
        codes = {combos["wallet"].itemData(i) for i in range(combos["wallet"].count())} - {None, ""}
        assert codes <= {a.code for a in st.chart.accounts.values() if a.type == "bank"}
    finally:
        ctx.shutdown()
        store.close()


def test_a_copy_without_an_intuit_app_opens_advanced_and_says_so(qtbot, qapp, nl_sandbox, wizard_qbo, monkeypatch,
                                                                 pleodesk_home, tmp_path):
    from PySide6.QtCore import Qt

    from pleodesk.storage import open_store
    from pleodesk.ui.context import AppContext
    from tests.ui.helpers import WAIT_MS, start_wizard

    for var in ("PLEODESK_QBO_CLIENT_ID", "PLEODESK_QBO_CLIENT_SECRET", "PLEODESK_QBO_REDIRECT_URI"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PLEODESK_RESOURCES", str(tmp_path))
    store = open_store()
    ctx = AppContext(store, scheduler=False)
    try:
        wiz = start_wizard(qtbot, ctx, nl_sandbox, "quickbooks")
        page = wiz.currentPage()
        assert page.advanced.isChecked()
        page.advanced.setChecked(False)
        qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "no Intuit app built in" in page.status.text(), timeout=WAIT_MS)
        assert page.advanced.isChecked() and "Advanced" in page.status.text()
    finally:
        ctx.shutdown()
        store.close()


def test_the_feed_is_off_for_quickbooks_and_says_why():
    from pleodesk.ui import systems

    assert "no bank feed" in systems.feed_problem("quickbooks", {})
    assert systems.account_types("quickbooks") == {"wallet": {"bank"}, "out_of_pocket": {"bank"}}
    assert systems.suggested_accounts("quickbooks", {"bank_account_code": "512"}) == {"wallet": "512"}
