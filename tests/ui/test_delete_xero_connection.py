"""Deleting a Xero connection disconnects it in Xero too: the organisation's connection to the app is
removed and the sign-in revoked, before the keyring entries go. When Xero cannot be reached the
connection is still deleted here, and the user is told to remove pleodesk under Connected apps."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from pleodesk.connections import ledger_secret_name, pleo_secret_name
from pleodesk.providers.xero.auth import token_store
from pleodesk.secrets import get_secret
from pleodesk.ui.main_window import MainWindow

from .helpers import WAIT_MS, free_port
from .test_ledger_reconnect import xero_connection, xero_port  # noqa: F401 - a fixture


def _window(qtbot, ctx, conn_id):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.select_connection(conn_id)
    assert win.conn.id == conn_id
    return win


def _answers(monkeypatch) -> list[str]:
    """Press Yes in every warning; keep their texts."""
    said: list[str] = []

    def warning(_parent, _title, text, *a, **k):
        said.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return said


def test_deleting_a_xero_connection_disconnects_it_in_xero(qtbot, ctx, sandbox, monkeypatch, xero_port):
    conn = xero_connection(ctx.store, sandbox)
    xero = sandbox.xero
    connection_id = conn.settings["xero_connection_id"]
    assert connection_id in xero.connections
    refresh = token_store(conn.id, conn.settings).load().refresh_token
    grant = xero.grants[xero.refresh_tokens[refresh]["grant"]]
    assert not grant.revoked
    said = _answers(monkeypatch)
    win = _window(qtbot, ctx, conn.id)

    with qtbot.waitSignal(ctx.hub.connections_changed, timeout=WAIT_MS):
        win.delete_connection()
    assert ctx.store.list_connections() == []
    assert connection_id not in xero.connections
    assert not any(c["tenantId"] == conn.settings["tenant_id"] for c in xero.connections.values())
    assert grant.revoked
    assert get_secret(ledger_secret_name(conn.id, "xero-oauth")) is None
    assert get_secret(pleo_secret_name(conn.id)) is None
    assert len(said) == 1          # only the question; nothing to do by hand
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.empty_page, timeout=WAIT_MS)


def test_xero_out_of_reach_the_connection_is_still_deleted(qtbot, ctx, sandbox, monkeypatch, xero_port):
    conn = xero_connection(ctx.store, sandbox)
    nowhere = f"http://127.0.0.1:{free_port()}"
    conn = ctx.store.update_connection(conn.id, settings={"identity_url": nowhere, "revocation_url": nowhere})
    said = _answers(monkeypatch)
    win = _window(qtbot, ctx, conn.id)

    with qtbot.waitSignal(ctx.hub.connections_changed, timeout=WAIT_MS):
        win.delete_connection()
    assert ctx.store.list_connections() == []
    assert get_secret(ledger_secret_name(conn.id, "xero-oauth")) is None
    qtbot.waitUntil(lambda: len(said) == 2, timeout=WAIT_MS)
    assert "could not be told" in said[1] and "Connected apps" in said[1]
    assert conn.settings["xero_connection_id"] in sandbox.xero.connections     # Xero still has it
