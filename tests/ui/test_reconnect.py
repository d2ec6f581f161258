"""A revoked Pleo key: the banner appears; Reconnect with a key for the same company restores the
connection, a key for another company is refused."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pleodesk.ui.jobs import Job
from pleodesk.ui.main_window import MainWindow

from .helpers import WAIT_MS


def test_revoked_key_banner_and_reconnect(qtbot, ctx, sandbox, demo_conn):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    assert not win.banner.isVisible()

    sandbox.pleo.revoke_api_key()
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=WAIT_MS) as blocker:
        ctx.submit(Job("queue", demo_conn.id, trigger="scheduled"))
    result = blocker.args[1]
    assert result.status == "failed" and result.state == "disconnected"
    qtbot.waitUntil(lambda: win.banner.isVisible() and "Disconnected" in win.banner.text.text(), timeout=WAIT_MS)
    assert win.banner.button.text().replace("&", "") == "Reconnect…"
    assert ctx.store.get_connection(demo_conn.id).state == "disconnected"
    assert not win.export_tab.export_button.isEnabled()
    runs = ctx.store.list_runs(demo_conn.id)
    assert runs and runs[0].status == "failed" and runs[0].trigger == "scheduled"

    # Reconnect with a key of another Pleo company: refused, nothing changes.
    qtbot.mouseClick(win.banner.button, Qt.MouseButton.LeftButton)
    dlg = win.reconnect_dialog
    qtbot.waitExposed(dlg)
    qtbot.keyClicks(dlg.key, sandbox.pleo.other_api_key)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.result_value is not None, timeout=WAIT_MS)
    assert dlg.result_value.status == "failed"
    assert "same Pleo company" in dlg.status.text()
    assert dlg.isVisible()
    assert ctx.store.get_connection(demo_conn.id).state == "disconnected"

    # A new key for the same company (the sandbox's key works again once restored).
    sandbox.pleo.restore_api_key()
    dlg.key.clear()
    qtbot.keyClicks(dlg.key, sandbox.api_key)
    with qtbot.waitSignal(dlg.finished, timeout=WAIT_MS):
        qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    conn = ctx.store.get_connection(demo_conn.id)
    assert conn.state == "connected"
    assert conn.pleo_company_id == sandbox.company_id == demo_conn.pleo_company_id
    assert dlg.status.text().endswith("Connected to Demo Company B.V.")
    qtbot.waitUntil(lambda: not win.banner.isVisible(), timeout=WAIT_MS)
    assert win.export_tab.export_button.isEnabled()
    audit = [a.action for a in ctx.store.list_audit(conn_id=conn.id)]
    assert "reconnected" in audit


def test_the_reconnect_dialog_speaks_the_users_language(qtbot, qapp, ctx, sandbox, demo_conn):
    """"Connected to …" came from the worker in English; the dialog says it in the user's language."""
    from pleodesk.ui.i18n import Translations
    from pleodesk.ui.views.dialogs import ReconnectDialog

    t = Translations(qapp)
    try:
        t.install("nl")
        dlg = ReconnectDialog(ctx, ctx.store.get_connection(demo_conn.id))
        qtbot.addWidget(dlg)
        dlg.show()
        with qtbot.waitSignal(dlg.finished, timeout=WAIT_MS):
            qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
        assert dlg.status.text().endswith("Verbonden met Demo Company B.V."), dlg.status.text()
    finally:
        t.install("en")
