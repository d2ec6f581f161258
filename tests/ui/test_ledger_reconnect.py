"""The ledger refused its credentials (a revoked Odoo API key, a Xero sign-in that ended): the banner's
Reconnect asks for new ones for the same Odoo company / Xero organisation, checks them, stores them and
the connection works again; a sign-in to another Xero organisation is refused and changes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from pleodesk.connections import ledger_secret_name, make_provider
from pleodesk.secrets import get_secret
from pleodesk.ui.jobs import Job
from pleodesk.ui.main_window import MainWindow

from .conftest import MONTH
from .helpers import WAIT_MS, free_port

OLD_KEY = "odoo-admin-key-made-last-year"
def odoo_connection(store, sandbox):
    """An Odoo connection to the sandbox's Odoo, set up as ``pleodesk setup --file`` would, with an API key
    of the administrator that is not the sandbox's own."""
    from pleodesk.providers.odoo import OdooProvider
    from pleodesk.sandbox.odoo_emulator import DEMO_CATEGORY_ACCOUNTS, DEMO_TAXES
    from pleodesk.setup_file import apply_plan, plan_from_dict

    odoo = sandbox.odoo
    odoo.keys[OLD_KEY] = odoo.admin_uid
    configure = OdooProvider(sandbox.odoo_url, odoo.database, "admin", OLD_KEY, company_id=1)
    try:
        accounts = configure.ensure_setup({"create_taxes": ["0% excl"]})["accounts"]
    finally:
        configure.close()
    data = {
        "connection": {"name": "Demo B.V. Odoo", "system": "odoo"},
        "pleo": {"base_url": sandbox.pleo_url, "company_id": sandbox.company_id, "api_key_env": "PLEO_KEY"},
        "odoo": {"url": sandbox.odoo_url, "database": odoo.database, "login": "admin", "api_key_env": "ODOO_KEY",
                 "company_id": 1},
        "accounts": dict(accounts),
        "categories": dict(DEMO_CATEGORY_ACCOUNTS),
        "taxes": dict(DEMO_TAXES[odoo.version]),
        "options": {"post": True, "export_receipts": False},
    }
    plan = plan_from_dict(data, env={"PLEO_KEY": sandbox.api_key, "ODOO_KEY": OLD_KEY}, where="test")
    return apply_plan(store, plan)


@pytest.fixture
def xero_port(monkeypatch, sandbox):
    """Xero sign-ins of this test redirect to a loopback port of its own (registered with the emulator's
    app), not to the shared 53682-53684; the browser stays the one the app chooses."""
    import pleodesk.providers.xero.auth as auth
    from pleodesk.sandbox.xero_emulator import SANDBOX_CLIENT_ID

    port = free_port()
    sandbox.xero.clients[SANDBOX_CLIENT_ID].redirect_uris |= {f"http://{h}:{port}/callback"
                                                              for h in ("localhost", "127.0.0.1")}
    original = auth.XeroConnector.__init__

    def connector(self, settings, **kw):
        kw["ports"] = [port]
        original(self, settings, **kw)

    monkeypatch.setattr(auth.XeroConnector, "__init__", connector)
    return port


def xero_connection(store, sandbox):
    """A Xero connection to the sandbox's Xero organisation, signed in through the sandbox's browser."""
    from pleodesk.demo import relink_demo_ledger, xero_demo_settings

    settings = {**xero_demo_settings(sandbox), "tenant_id": sandbox.xero.demo.tenant_id, "wallet_currency": "EUR",
                "demo": True}
    conn = store.add_connection("Demo B.V. Xero", "xero", settings=settings, pleo_company_id=sandbox.company_id,
                                pleo_base_url=sandbox.pleo_url)
    from pleodesk.connections import pleo_secret_name
    from pleodesk.secrets import set_secret

    set_secret(pleo_secret_name(conn.id), sandbox.api_key)
    settings = relink_demo_ledger(conn, sandbox)
    store.update_connection(conn.id, settings=settings, state="connected")
    return store.get_connection(conn.id)


def open_window(qtbot, ctx):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def fail_a_run(qtbot, ctx, win, conn_id: int, system_name: str):
    """An export of the month: the ledger refuses the credentials, the connection is disconnected and the
    banner says the ledger refused them."""
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000) as blocker:
        ctx.submit(Job("export_month", conn_id, params={"month": MONTH}))
    result = blocker.args[1]
    assert result.status == "failed" and result.state == "disconnected", result.message
    qtbot.waitUntil(lambda: win.banner.isVisible() and "Disconnected" in win.banner.text.text(), timeout=WAIT_MS)
    text = win.banner.text.text()
    assert "refused the stored credentials" in text and system_name in text and "Pleo refused" not in text
    assert ctx.store.get_connection(conn_id).state == "disconnected"


def open_reconnect(qtbot, win):
    assert win.banner.button.text().replace("&", "") == "Reconnect…"
    qtbot.mouseClick(win.banner.button, Qt.MouseButton.LeftButton)
    dlg = win.reconnect_dialog
    qtbot.waitExposed(dlg)
    return dlg


def test_a_revoked_odoo_key_is_replaced_from_the_banner(qtbot, ctx, sandbox):
    conn = odoo_connection(ctx.store, sandbox)
    win = open_window(qtbot, ctx)
    assert not win.banner.isVisible()

    sandbox.odoo.revoke_key(OLD_KEY)
    fail_a_run(qtbot, ctx, win, conn.id, "Odoo")
    dlg = open_reconnect(qtbot, win)
    # The ledger refused: the dialog asks for a new Odoo key, not for a Pleo key.
    assert dlg.panel is not None and dlg.panel.key.isVisible() and not dlg.key.isVisible()
    assert dlg.panel.key.accessibleName() == "New Odoo API key"

    # A key Odoo refuses as well: the dialog stays, nothing is stored.
    qtbot.keyClicks(dlg.panel.key, "not a key")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.ledger_error is not None, timeout=WAIT_MS)
    assert dlg.isVisible() and dlg.status.text()
    assert get_secret(ledger_secret_name(conn.id, "odoo_api_key")) == OLD_KEY

    # The administrator's new key: checked, stored, connected again.
    dlg.panel.key.clear()
    qtbot.keyClicks(dlg.panel.key, sandbox.odoo.ADMIN_KEY)
    with qtbot.waitSignal(dlg.finished, timeout=WAIT_MS):
        qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert dlg.result_value.status == "ok"
    assert get_secret(ledger_secret_name(conn.id, "odoo_api_key")) == sandbox.odoo.ADMIN_KEY
    fresh = ctx.store.get_connection(conn.id)
    assert fresh.state == "connected"
    assert fresh.settings["company_id"] == 1 and fresh.settings["login"] == "admin"
    qtbot.waitUntil(lambda: not win.banner.isVisible(), timeout=WAIT_MS)
    assert win.export_tab.export_button.isEnabled()

    # The next export books into Odoo with the new key.
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000) as blocker:
        ctx.submit(Job("export_month", conn.id, params={"month": MONTH}))
    result = blocker.args[1]
    assert result.status in ("ok", "partial"), result.message
    exported = ctx.store.records_with_status(conn.id, "exported")
    assert exported and ctx.store.get_connection(conn.id).state != "disconnected"
    refs = {m["ref"] for m in sandbox.odoo.moves()}
    assert all(r.reference in refs for r in exported)


def _invalidate_xero_sign_in(sandbox, tenant: str) -> None:
    """pleodesk was removed under Xero's Connected apps: the organisation's connection is gone, Xero
    answers invalid_grant to the refresh token, and the access token has expired."""
    xero = sandbox.xero
    with xero.lock:
        for cid in [c for c, conn in xero.connections.items() if conn["tenantId"] == tenant]:
            del xero.connections[cid]
        xero.refresh_tokens.clear()
    xero.expire_access_tokens()


def test_an_ended_xero_sign_in_is_renewed_for_the_same_organisation(qtbot, ctx, sandbox, xero_port):
    conn = xero_connection(ctx.store, sandbox)
    tenant = conn.settings["tenant_id"]
    other = next(t for t in sandbox.xero.orgs if t != tenant)
    win = open_window(qtbot, ctx)
    _invalidate_xero_sign_in(sandbox, tenant)
    fail_a_run(qtbot, ctx, win, conn.id, "Xero")
    before = get_secret(ledger_secret_name(conn.id, "xero-oauth"))

    dlg = open_reconnect(qtbot, win)
    assert dlg.panel is not None and not dlg.key.isVisible()
    assert sandbox.xero.orgs[tenant].name in " ".join(w.text() for w in dlg.panel.findChildren(QLabel))

    # Signed in to another organisation: refused with a message, the stored sign-in untouched.
    sandbox.xero.consent = [other]
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.ledger_error is not None or not dlg.isVisible(), timeout=WAIT_MS)
    assert "this connection books into" in dlg.status.text()
    assert dlg.isVisible() and not dlg.panel.cancel_button.isVisible()
    assert get_secret(ledger_secret_name(conn.id, "xero-oauth")) == before
    fresh = ctx.store.get_connection(conn.id)
    assert fresh.state == "disconnected" and fresh.settings["tenant_id"] == tenant

    # The same organisation: stored, connected, and Xero answers again.
    sandbox.xero.consent = [tenant]
    dlg.ledger_error = None
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.ledger_error is not None or dlg.result_value is not None, timeout=WAIT_MS)
    assert dlg.ledger_error is None, dlg.ledger_error
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=WAIT_MS)
    assert dlg.result_value.status == "ok"
    fresh = ctx.store.get_connection(conn.id)
    assert fresh.state == "connected" and fresh.settings["tenant_id"] == tenant
    assert get_secret(ledger_secret_name(conn.id, "xero-oauth")) != before
    qtbot.waitUntil(lambda: not win.banner.isVisible(), timeout=WAIT_MS)
    provider = make_provider(fresh)
    try:
        assert provider.check().ok
    finally:
        provider.close()


def test_waiting_for_the_xero_sign_in_can_be_stopped(qtbot, ctx, sandbox, monkeypatch, xero_port):
    conn = xero_connection(ctx.store, sandbox)
    ctx.store.set_connection_state(conn.id, "disconnected",
                                   "Xero disconnected pleodesk (the sign-in was revoked or expired)")
    import pleodesk.ui.systems.xero as xero_page

    monkeypatch.setattr(xero_page, "browser_for", lambda settings: (lambda url: True))   # nobody signs in
    win = open_window(qtbot, ctx)
    dlg = open_reconnect(qtbot, win)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dlg.panel.cancel_button.isVisible, timeout=WAIT_MS)
    assert "Waiting for Xero" in dlg.panel.waiting.text()
    qtbot.mouseClick(dlg.panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.ledger_error is not None, timeout=WAIT_MS)
    assert "stopped" in dlg.status.text() and dlg.ok.isEnabled()
    assert ctx.store.get_connection(conn.id).state == "disconnected"
