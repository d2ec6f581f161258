"""The wizard's bank-feed page says how the feed reaches Xero: Xero keeps its Bank Feeds API for approved
partners, so the statement lines go to files the user imports in Xero (where, and how). Systems that take
the feed themselves show no such note."""

from __future__ import annotations

from PySide6.QtCore import Qt

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


def test_the_feed_page_is_on_by_default_where_the_feed_works(qtbot, ctx, sandbox, xero_port):
    conn = xero_connection(ctx.store, sandbox)
    wiz, page = _feed_page(qtbot, ctx, conn)
    wiz.state.visited.remove("feed")          # the page seen for the first time
    page.initializePage()
    assert page.enabled.isEnabled() and page.enabled.isChecked()


def test_a_new_statement_file_is_announced_and_imported_from_settings(qtbot, ctx, sandbox, tmp_path, xero_port,
                                                                      monkeypatch):
    """The feed written at its time: the tray says a new file is ready; Settings show it with Open folder
    and Import in Xero, which opens Xero's import page and shows the file highlighted."""
    from pleodesk.core.engine import month_bounds  # noqa: F401 - the feed runs as the scheduler runs it
    from pleodesk.ui import desktop
    from pleodesk.ui.jobs import Job
    from pleodesk.ui.main_window import MainWindow
    from pleodesk.ui.tray import Tray

    from .helpers import WAIT_MS

    revealed, opened = [], []
    monkeypatch.setattr(desktop, "reveal", lambda path, **kw: revealed.append(path) or "dbus")
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url.toString()) or True)
    conn = xero_connection(ctx.store, sandbox)
    folder = tmp_path / "statements"
    conn = ctx.store.update_connection(conn.id, settings={"feed_folder": str(folder), "bank_feed": True,
                                                          "demo_ledger": False, "bank_account_id": "acc-1"})
    tray = Tray(ctx)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    tab = win.settings_tab
    qtbot.waitUntil(lambda: tab.conn is not None and tab.conn.id == conn.id, timeout=WAIT_MS)
    win.show_tab(win.TAB_SETTINGS)
    assert tab.feed_file.isVisible() and "No statement file yet" in tab.feed_file.text()
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000, check_params_cb=lambda _c, r: r.job.kind == "feed"):
        ctx.submit(Job("feed", conn.id, trigger="scheduled"))
    files = sorted(folder.glob("pleo-statement-*.ofx"))
    assert files, "the feed wrote a statement file"
    assert tray.messages and tray.messages[-1][0] == "A new statement file is ready"
    assert files[-1].name in tray.messages[-1][1]
    tray._message_clicked()
    assert revealed == [files[-1]]
    qtbot.waitUntil(lambda: files[-1].name in tab.feed_file.text(), timeout=WAIT_MS)
    assert tab.import_feed.text().replace("&", "") == "Import in Xero…" and tab.import_feed.isEnabled()
    qtbot.mouseClick(tab.open_folder, Qt.MouseButton.LeftButton)
    assert revealed[-1] == files[-1]
    qtbot.mouseClick(tab.import_feed, Qt.MouseButton.LeftButton)
    assert opened == ["https://go.xero.com/Bank/Import.aspx?accountID=acc-1"] and revealed[-1] == files[-1]
    # The same file is not announced twice.
    n = len(tray.messages)
    tray._feed_file_ready(conn.id, type("R", (), {"job": Job("feed", conn.id), "ok": True})())
    assert len(tray.messages) == n
