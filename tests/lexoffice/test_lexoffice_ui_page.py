"""The wizard's Lexware Office page, in the help article's order, against the sandbox's German demo
company and the emulated Lexware Office; and what the Problems tab says about finding the exports."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PLEODESK_LANG", "en")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QWizard  # noqa: E402

WAIT_MS = 30_000


def _world(expenses_per_month: int):
    from pleodesk.sandbox.lexoffice_emulator import LexofficeState, mount_lexoffice
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox
    from pleodesk.storage import open_store
    from pleodesk.ui.context import AppContext

    from lexoffice_testkit import SCALE

    sb = start_sandbox(SandboxConfig(seed=7, expenses_per_month=expenses_per_month, months=["2026-08"], country="DE"))
    lex = mount_lexoffice(sb, LexofficeState(time_scale=SCALE))
    store = open_store()
    ctx = AppContext(store, scheduler=False)
    ctx.sandbox = sb
    yield sb, lex, ctx, store
    ctx.shutdown()
    store.close()
    sb.stop()


@pytest.fixture
def world(qapp, pleodesk_home):
    yield from _world(30)


@pytest.fixture
def bigger_world(qapp, pleodesk_home):
    """A month with wallet top-ups among the expenses (the 30 of ``world`` have none)."""
    yield from _world(150)


def _next(qtbot, wiz) -> None:
    before = wiz.currentId()
    button = wiz.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: button.isEnabled() and button.isVisible(), timeout=WAIT_MS)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.currentId() != before, timeout=WAIT_MS)


def test_the_wizard_connects_lexware_office_in_the_articles_order(qtbot, world):
    from pleodesk.connections import ledger_secret_name
    from pleodesk.core.ledger import ContraRole
    from pleodesk.sandbox.lexoffice_emulator import DEMO_API_KEY
    from pleodesk.secrets import get_secret
    from pleodesk.ui.wizard import SetupWizard
    from pleodesk.ui.wizard import pages as P

    sb, lex, ctx, store = world
    wiz = SetupWizard.for_new(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    welcome = wiz.currentPage()
    assert "lexoffice" in welcome.buttons
    welcome.buttons["lexoffice"].setChecked(True)
    _next(qtbot, wiz)
    pleo = wiz.currentPage()
    qtbot.mouseClick(pleo.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(pleo.isComplete, timeout=WAIT_MS)
    _next(qtbot, wiz)
    page = wiz.currentPage()
    assert wiz.currentId() == wiz.system_pages["lexoffice"]
    # 1. Before you start: no reimbursements, first thing on the page.
    assert page.layout().itemAt(0).widget() is page.before
    assert "Privatauslagen" in page.before.text() and "top-ups" in page.before.text()
    assert not page.partner_button.isVisible()           # this copy carries no partner access
    # 2. Connect: a wrong key (for the sandbox's Lexware Office) is refused in plain words, nothing saved.
    page._demo_url = sb.url
    qtbot.keyClicks(page.key, "wrong-key")
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "does not accept the API key" in page.status.text(), timeout=WAIT_MS)
    assert "Add-ons > Public API" in page.status.text() and wiz.currentPage() is page
    page.key.clear()
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.currentId() == P.ID_ACCOUNTS, timeout=WAIT_MS)
    st = wiz.state
    assert st.system_settings["company_name"] == "Pleo Demo GmbH" and st.system_settings["auth"] == "api_key"
    assert get_secret(ledger_secret_name(st.conn_id, "lexoffice_api_key")) == DEMO_API_KEY
    assert DEMO_API_KEY not in str(st.system_settings)
    accounts = wiz.currentPage()
    qtbot.waitUntil(accounts.isComplete, timeout=WAIT_MS)
    assert st.mappings.contra[ContraRole.WALLET] == "PLEO" and st.mappings.contra[ContraRole.PAYABLE] == "PLEO-OP"
    # 3. Categories mirror Lexware Office's: matched by name; tax rates from Lexware Office.
    _next(qtbot, wiz)
    cats = wiz.currentPage()
    qtbot.waitUntil(lambda: cats.tabs.isEnabled(), timeout=WAIT_MS)
    by_name = {a.name: a.code for a in st.chart.accounts.values()}
    assert st.mappings.categories["4650"].account == by_name["Bewirtungskosten"]
    assert st.mappings.categories["4660"].account == by_name["Reisekosten Arbeitnehmer"]
    assert st.mappings.taxes["19%"] == "19%" and st.mappings.taxes["7%"] == "7%"
    _next(qtbot, wiz)                                     # labels
    _next(qtbot, wiz)                                     # export options
    opts = wiz.currentPage()
    assert opts.draft.isVisible()                         # open (posted) or unchecked (to check)
    _next(qtbot, wiz)
    feed = wiz.currentPage()
    assert feed.enabled.isEnabled() and "Umsätze importieren (CSV)" in feed.note.text()
    assert "does not notice a file imported twice" in feed.note.text()
    feed.enabled.setChecked(True)
    _next(qtbot, wiz)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.saved_connection is not None, timeout=WAIT_MS)
    conn = wiz.saved_connection
    assert conn.system == "lexoffice" and conn.settings["organization_id"] == lex.demo.id
    assert conn.settings.get("bank_feed") is True


def test_problems_tab_says_where_the_vouchers_and_feed_lines_are(qtbot, world):
    from datetime import datetime, timezone

    from pleodesk.connections import make_engine, make_provider
    from pleodesk.core.feed import run_feed
    from pleodesk.demo import lexoffice_demo_plan
    from pleodesk.setup_file import apply_plan
    from pleodesk.ui.views.problems_tab import ProblemsTab, _troubleshooting

    from lexoffice_testkit import SCALE

    sb, lex, ctx, store = world
    conn = apply_plan(store, lexoffice_demo_plan(sb, time_scale=SCALE))
    assert "No voucher has been created yet" in _troubleshooting(store, conn)
    engine = make_engine(store, conn)
    summary = engine.export_month("2026-08")
    assert summary.exported > 0
    run_feed(store, store.get_connection(conn.id), engine.pleo, make_provider(conn),
             now=datetime(2026, 9, 1, 8, tzinfo=timezone.utc))
    text = _troubleshooting(store, conn)
    first = next(iter(lex.vouchers()))
    assert f"Vouchers created: {summary.exported}." in text and "Belege" in text
    assert "/permalink/vouchers/view/" in text and "Zuordnungsvorschläge" in text and "Card lines sent to the Pleo bank account" in text
    assert first["id"] in {r.ledger_id for r in store.records_with_status(conn.id, "exported")}
    tab = ProblemsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_connection(store.get_connection(conn.id))
    qtbot.waitUntil(lambda: tab.where.isVisible(), timeout=WAIT_MS)
    assert "Exported but nothing in Lexware Office?" in tab.where.text()
    assert f"Vouchers created: {summary.exported}." in tab.where.text()


def test_export_tab_preview_says_what_lexware_office_does_not_take(qtbot, bigger_world):
    """The help article: reimbursements are not supported and top-ups are added by hand; the Export
    tab's preview says so before anything is sent (and counts neither as spend)."""
    from pleodesk.demo import lexoffice_demo_plan
    from pleodesk.providers.lexoffice.provider import REIMBURSEMENT_REASON, WALLET_REASON
    from pleodesk.setup_file import apply_plan
    from pleodesk.ui.main_window import MainWindow

    from lexoffice_testkit import SCALE

    sb, lex, ctx, store = bigger_world
    conn = apply_plan(store, lexoffice_demo_plan(sb, time_scale=SCALE))
    kinds = [sb.pleo.export_item(eid)["type"] for eid in sb.pleo.exportable_entry_ids("2026-08")]
    refused = sum(1 for k in kinds if k in {"out_of_pocket", "mileage", "per_diem", "direct_reimbursement",
                                            "external_reimbursement"})
    by_hand = sum(1 for k in kinds if k in {"wallet_topup", "wallet_unload"})
    assert refused and by_hand
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.conn is not None and win.conn.id == conn.id
    tab = win.export_tab
    tab.set_month("2026-08")
    qtbot.waitUntil(lambda: "waiting for export" in tab.preview_text.text()
                    and "Not exported" in tab.held_text.text(), timeout=WAIT_MS)
    held = tab.held_text.text()
    assert ("Not exported, the accounting system does not take them (reported to Pleo as not exportable):"
            in held)
    assert f"{REIMBURSEMENT_REASON}: {refused}" in held
    assert "Will be skipped (reported to Pleo as handled, not booked):" in held
    assert f"{WALLET_REASON}: {by_hand}" in held
    assert "Wallet top-ups and unloads, not in that total" not in tab.preview_text.text()
    assert lex.vouchers() == []
