"""The wizard's bank-feed page says how the feed reaches Xero: Xero keeps its Bank Feeds API for approved
partners, so the statement lines go to files the user imports in Xero (where, and how). Systems that take
the feed themselves show no such note."""

from __future__ import annotations

from pleodesk.connections import make_provider
from pleodesk.ui.wizard import SetupWizard
from pleodesk.ui.wizard import pages as P

from .test_ledger_reconnect import xero_connection, xero_port  # noqa: F401 - a fixture


def _feed_page(qtbot, ctx, conn):
    """The setup of ``conn`` run again, opened on the bank-feed page (with what the ledger can do)."""
    provider = make_provider(conn)
    try:
        caps = provider.capabilities()
    finally:
        provider.close()
    wiz = SetupWizard.for_edit(ctx, conn)
    qtbot.addWidget(wiz)
    wiz.state.capabilities = caps
    wiz.show()
    page = wiz.page(P.ID_FEED)
    page.initializePage()
    page.show()
    return wiz, page


def test_the_feed_page_says_where_xero_statement_files_go(qtbot, ctx, sandbox, tmp_path, xero_port):
    conn = xero_connection(ctx.store, sandbox)
    folder = tmp_path / "Pleo statements"
    conn = ctx.store.update_connection(conn.id, settings={"feed_folder": str(folder)})
    wiz, page = _feed_page(qtbot, ctx, conn)
    assert page.enabled.isEnabled()
    assert page.note.isVisible()
    text = page.note.text()
    assert "approved banking partners" in text and str(folder) in text
    assert "Import a statement" in text and "PLEOBANK" in text


def test_no_note_for_a_journal_file(qtbot, ctx, demo_conn):
    wiz, page = _feed_page(qtbot, ctx, demo_conn)
    assert page.enabled.isEnabled() and not page.note.isVisible()
