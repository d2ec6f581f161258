"""With Pleo as the demo company, the wizard's Odoo, Xero and QuickBooks pages offer the sandbox's own
ledgers ("Use the demo company's …"), and every later start of the app points such a connection at the
new run's sandbox: its addresses, its secrets, (Xero, QuickBooks) a new sign-in to the same company."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pleodesk.connections import ledger_secret_name, make_provider
from pleodesk.secrets import get_secret
from pleodesk.ui.wizard import pages as P

from .helpers import WAIT_MS, click_next, start_wizard


def _saved_connection(ctx, wiz, sandbox):
    """The connection the wizard would finish with (its connect page's answers)."""
    store = ctx.store
    draft = store.get_connection(wiz.state.conn_id)
    settings = {**wiz.state.system_settings, "demo": True}
    conn = store.add_connection(f"{draft.name} (finished)", draft.system, settings=settings,
                                pleo_company_id=sandbox.company_id, pleo_base_url=sandbox.pleo_url)
    return conn


def _relink(qtbot, ctx, new_sandbox) -> None:
    from pleodesk.ui.app import _relink_demo_connections

    ctx.sandbox = new_sandbox
    with qtbot.waitSignal(ctx.hub.connections_changed, timeout=WAIT_MS):
        _relink_demo_connections(ctx)


def _second_sandbox():
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox

    return start_sandbox(SandboxConfig(seed=7, expenses_per_month=20))


def test_the_demo_companys_odoo_and_its_next_run(qtbot, ctx, sandbox):
    wiz = start_wizard(qtbot, ctx, sandbox, "odoo", demo=True)
    page = wiz.currentPage()
    assert page.demo_button.isVisibleTo(page)
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    # The sandbox's administrator may book in two companies: the page asks which one.
    qtbot.waitUntil(lambda: page.company.count() == 2 and page.company.isEnabled(), timeout=WAIT_MS)
    assert page.url.text() == sandbox.odoo_url and page.login.text() == "admin"
    page.company.setCurrentIndex(0)
    click_next(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.currentId() == P.ID_ACCOUNTS, timeout=WAIT_MS)
    s = wiz.state.system_settings
    assert s["demo_ledger"] is True and s["url"] == sandbox.odoo_url and s["company_id"] == page.company.itemData(0)
    conn = _saved_connection(ctx, wiz, sandbox)

    other = _second_sandbox()
    try:
        assert other.odoo_url != sandbox.odoo_url
        _relink(qtbot, ctx, other)
        conn = ctx.store.get_connection(conn.id)
        assert conn.pleo_base_url == other.pleo_url and conn.settings["url"] == other.odoo_url
        assert get_secret(ledger_secret_name(conn.id, "odoo_api_key")) == other.odoo.ADMIN_KEY
        provider = make_provider(conn)
        try:
            assert provider.check().ok
            assert len(provider.read_chart().accounts) > 20      # the new run's chart, read with the new key
        finally:
            provider.close()
    finally:
        other.stop()


def test_the_demo_companys_xero_and_its_next_run(qtbot, ctx, sandbox):
    wiz = start_wizard(qtbot, ctx, sandbox, "xero", demo=True)
    page = wiz.currentPage()
    assert page.demo_button.isVisibleTo(page)
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.organisation.count() == 1, timeout=WAIT_MS)
    assert "Pleo Demo BV" in page.status.text()
    click_next(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.currentId() == P.ID_ACCOUNTS, timeout=WAIT_MS)
    s = wiz.state.system_settings
    tenant = sandbox.xero.demo.tenant_id
    assert s["demo_ledger"] is True and s["tenant_id"] == tenant and s["api_url"].startswith(sandbox.url)
    assert s["bank_account_code"] == "PLEOBANK"
    conn = _saved_connection(ctx, wiz, sandbox)

    other = _second_sandbox()
    try:
        assert not any(a.get("Code") == "PLEOBANK" for a in other.xero.demo.accounts)
        _relink(qtbot, ctx, other)
        conn = ctx.store.get_connection(conn.id)
        assert conn.settings["api_url"].startswith(other.url) and conn.settings["tenant_id"] == tenant
        # Signed in again to the same organisation, and the Pleo bank account set up there again.
        assert any(a.get("Code") == "PLEOBANK" for a in other.xero.demo.accounts)
        provider = make_provider(conn)
        try:
            assert provider.check().ok
        finally:
            provider.close()
    finally:
        other.stop()


def test_the_demo_companys_quickbooks_and_its_next_run(qtbot, ctx, sandbox):
    wiz = start_wizard(qtbot, ctx, sandbox, "quickbooks", demo=True)
    page = wiz.currentPage()
    assert page.demo_button.isVisibleTo(page)
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Société Démo SAS" in page.company.text(), timeout=WAIT_MS)
    click_next(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.currentId() == P.ID_ACCOUNTS, timeout=WAIT_MS)
    s = wiz.state.system_settings
    assert s["demo_ledger"] is True and s["api_url"].startswith(sandbox.url) and s["bank_account_code"] == "512"
    conn = _saved_connection(ctx, wiz, sandbox)

    other = _second_sandbox()
    try:
        assert not any(a["Name"] == "Banque Pleo" for a in other.qbo.demo.all("Account"))
        _relink(qtbot, ctx, other)
        conn = ctx.store.get_connection(conn.id)
        assert conn.settings["api_url"].startswith(other.url) and conn.settings["realm_id"] == s["realm_id"]
        # Signed in again to the same company, and the Pleo bank account set up there again.
        assert any(a["Name"] == "Banque Pleo" for a in other.qbo.demo.all("Account"))
        provider = make_provider(conn)
        try:
            assert provider.check().ok
        finally:
            provider.close()
    finally:
        other.stop()


def test_the_demo_ledger_buttons_are_only_for_the_demo_company(qtbot, ctx, sandbox):
    wiz = start_wizard(qtbot, ctx, sandbox, "odoo")      # Pleo typed in: not "the demo company"
    page = wiz.currentPage()
    assert not page.demo_button.isVisibleTo(page)
