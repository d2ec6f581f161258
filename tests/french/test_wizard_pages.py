"""The wizard's Pennylane and FEC pages, with real widgets, against the French demo company in the
sandbox (Pleo and the Pennylane emulator)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PLEODESK_LANG", "en")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QWizard  # noqa: E402

from tests.ui.helpers import WAIT_MS, click_next, fill_pleo_page  # noqa: E402


@pytest.fixture
def world(qapp, pleodesk_home):
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox
    from pleodesk.storage import open_store
    from pleodesk.ui.context import AppContext

    sb = start_sandbox(SandboxConfig(seed=7, expenses_per_month=5, months=["2026-08"], country="FR"))
    store = open_store()
    ctx = AppContext(store, scheduler=False)
    yield sb, ctx
    ctx.shutdown()
    store.close()
    sb.stop()


def start(qtbot, ctx, sb, system):
    from pleodesk.ui.wizard import SetupWizard
    from pleodesk.ui.wizard import pages as P

    wiz = SetupWizard.for_new(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    wiz.currentPage().buttons[system].setChecked(True)
    click_next(qtbot, wiz)
    assert wiz.currentId() == P.ID_PLEO
    fill_pleo_page(qtbot, wiz.currentPage(), sb)
    assert "Société Démo SAS" in wiz.currentPage().status.text()
    click_next(qtbot, wiz)
    assert wiz.currentId() == wiz.system_pages[system]
    return wiz


def test_the_pennylane_page_checks_the_token_and_keeps_the_choice_of_entries(qtbot, world):
    from pleodesk.connections import ledger_secret_name
    from pleodesk.secrets import get_secret
    from pleodesk.ui.systems.pennylane import create_account, list_journals
    from pleodesk.ui.wizard import pages as P

    sb, ctx = world
    wiz = start(qtbot, ctx, sb, "pennylane")
    page = wiz.currentPage()
    assert not page.isComplete() and not page.check_button.isEnabled()
    page._demo = {"api_url": f"{sb.url}/pennylane/api/external/v2", "web_url": f"{sb.url}/pennylane/web"}
    qtbot.keyClicks(page.token, "pl_revoked_or_wrong")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "no longer accepts" in page.status.text(), timeout=WAIT_MS)
    assert "Settings > Connectivity > Developers" in page.status.text()
    page.token.clear()
    qtbot.keyClicks(page.token, sb.pennylane.token)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "accepted the token" in page.status.text(), timeout=WAIT_MS)
    assert "Société Démo SAS" in page.status.text() and "732829320" in page.status.text()
    page.mode_buttons["monthly"].setChecked(True)
    click_next(qtbot, wiz)
    assert wiz.currentId() == P.ID_ACCOUNTS
    st = wiz.state
    assert st.system_settings["summary"] == "monthly" and st.system_settings["company_id"] == "4242"
    assert "token" not in str(st.system_settings).lower()
    assert get_secret(ledger_secret_name(st.conn_id, "pennylane-token")) == sb.pennylane.token
    assert "445660@20" in st.chart.taxes and "Projet" in st.chart.dimensions
    # Page 4: the journals to choose from (or create PLEO), and the Pleo bank account created in Pennylane.
    journals = list_journals(st)
    assert {j["code"] for j in journals} >= {"HA", "BQ", "OD"}
    page4 = wiz.currentPage()
    qtbot.waitUntil(lambda: "pleo" in page4.journal_combos and page4.journal_combos["pleo"].count() > 1,
                    timeout=WAIT_MS)
    assert page4.journal_combos["pleo"].itemText(0) == 'Create PLEO "Pleo"'
    acc = create_account(st, "512100", "Banque Pleo", "bank")
    assert (acc.code, acc.type) == ("512100", "bank") and sb.pennylane.account_by_number("512100")
    assert "512100" in st.chart.accounts


def test_the_fec_page_checks_the_siren_shows_the_ledgers_import_steps_and_keeps_the_chart(qtbot, world, tmp_path):
    from pleodesk.ui.systems.fec import CHART_KEY, create_account
    from pleodesk.ui.wizard import pages as P

    sb, ctx = world
    wiz = start(qtbot, ctx, sb, "fec")
    page = wiz.currentPage()
    page.folder.setText(str(tmp_path / "fec"))
    next_button = wiz.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(page.siren, "12345678")
    assert not page.isComplete() and not next_button.isEnabled()
    assert "9-digit number" in page.status.text()
    page.siren.clear()
    qtbot.keyClicks(page.siren, "732 829 321")
    assert not page.isComplete() and "wrong check digit" in page.status.text()
    page.siren.clear()
    qtbot.keyClicks(page.siren, "732 829 320")
    assert page.isComplete()
    page.ledger.setCurrentIndex(page.ledger.findData("cegid_loop"))
    page.journal.setText("AN")
    assert not page.isComplete() and "keeps the journal code AN" in page.status.text()
    page.journal.setText("PL")
    assert "Comptabilité > Imports > Écritures > FEC" in page.steps.text()
    page.ledger.setCurrentIndex(page.ledger.findData("tiime"))
    assert "not confirmed" in page.steps.text()
    page.ledger.setCurrentIndex(page.ledger.findData("inqom"))
    assert "import icon at the top right" in page.steps.text()
    page.mode_buttons["daily"].setChecked(True)
    click_next(qtbot, wiz)
    assert wiz.currentId() == P.ID_ACCOUNTS
    st = wiz.state
    s = st.system_settings
    assert (s["siren"], s["ledger"], s["journal_code"], s["summary"], s["fiscal_year_end"]) == \
        ("732829320", "inqom", "PL", "daily", "12-31")
    chart = st.chart
    assert chart.accounts["512100"].type == "bank" and chart.accounts["625100"].type == "expense"
    assert "512100" in {a["code"] for a in s[CHART_KEY]["accounts"]}
    acc = create_account(st, "512900", "Banque Pleo USD", "bank")
    assert acc.code in st.chart.accounts and "512900" in {a["code"] for a in st.system_settings[CHART_KEY]["accounts"]}
    with pytest.raises(ValueError, match="not an account of the plan comptable"):
        create_account(st, "PLEOBANK", "Pleo", "bank")
