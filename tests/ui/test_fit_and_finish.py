"""Fit and finish, through what the window shows: the Pleo company's name in Settings, the history's job
line in the user's language, the export result kept across a language switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pleodesk.ui.jobs import Job

from .conftest import MONTH
from .helpers import WAIT_MS


def _window(qtbot, ctx, translations=None):
    from pleodesk.ui.main_window import MainWindow

    win = MainWindow(ctx, translations)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.conn is not None, timeout=WAIT_MS)
    return win


def test_settings_show_the_pleo_companys_name(qtbot, ctx, demo_conn):
    assert not (demo_conn.settings or {}).get("pleo_company_name")
    win = _window(qtbot, ctx)
    tab = win.settings_tab
    win.show_tab(win.TAB_SETTINGS)
    assert tab.company.text() == demo_conn.pleo_company_id
    qtbot.mouseClick(tab.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.company.text().startswith("Demo Company B.V."), timeout=WAIT_MS)
    assert tab.company.text() == f"Demo Company B.V. ({demo_conn.pleo_company_id})"


def test_switching_the_language_keeps_the_result_and_translates_the_history(qtbot, qapp, ctx, demo_conn):
    from pleodesk.ui.i18n import Translations

    t = Translations(qapp)
    t.install("en")
    win = _window(qtbot, ctx, t)
    tab = win.export_tab
    tab.set_month(MONTH)
    try:
        with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000,
                              check_params_cb=lambda _c, r: r.job.kind == "export_month"):
            qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(tab.result_box.isVisible, timeout=WAIT_MS)
        rows = tab.links.rowCount()
        win.set_language("de")
        tab = win.export_tab
        qtbot.waitUntil(tab.result_box.isVisible, timeout=WAIT_MS)
        assert "exportiert" in tab.result_text.text() and tab.links.rowCount() == rows
        assert tab.links.horizontalHeaderItem(0).text() == "Datum"
        win.set_language("nl")
        win.show_tab(win.TAB_HISTORY)
        qtbot.waitUntil(lambda: win.history_tab.model.rowCount() >= 1, timeout=WAIT_MS)
        win.history_tab.table.selectRow(0)
        qtbot.waitUntil(lambda: "Pleo" in win.history_tab.details.text(), timeout=WAIT_MS)
        assert "Pleo-exportopdracht" in win.history_tab.details.text()
        assert "Pleo export job" not in win.history_tab.details.text()
    finally:
        t.install("en")


def test_a_deleted_database_is_noticed(qtbot, ctx, demo_conn, tmp_path):
    """pleodesk had a connection; its database is then gone at the next start: the window says so and where
    the data folder is (the setup then starts anew)."""
    from pleodesk import paths
    from pleodesk.ui.main_window import MainWindow

    win = _window(qtbot, ctx)
    assert MainWindow.had_connections()
    win.check_data_found(True, True)             # the database is there: nothing to say
    assert not win.notice.isVisible()
    win.check_data_found(False, MainWindow.had_connections())
    assert win.notice.isVisible()
    text = win.notice.text()
    assert "No pleodesk data was found" in text and str(paths.data_dir()) in text and "starts anew" in text
    # A first start ever (nothing was there before) says nothing.
    fresh = MainWindow(ctx)
    qtbot.addWidget(fresh)
    fresh.check_data_found(False, False)
    assert not fresh.notice.isVisible()


def test_demo_sh_says_a_desktop_session_is_needed(tmp_path):
    import os
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    out = subprocess.run(["bash", str(root / "scripts" / "demo.sh")], env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 1 and "needs a desktop session" in out.stderr
    assert "offscreen" not in out.stderr + out.stdout and "pip" not in out.stdout


def test_no_clipped_buttons_or_connection_states_in_german(qtbot, qapp, ctx, demo_conn, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QPushButton

    from pleodesk.ui import main_window as mw
    from pleodesk.ui.i18n import Translations

    monkeypatch.setattr(mw, "screen_area", lambda _w: QRect(0, 0, 1366, 728))
    t = Translations(qapp)
    try:
        t.install("de")
        win = _window(qtbot, ctx, t)
        win.show_tab(win.TAB_SETTINGS)
        qtbot.wait(50)
        buttons = [b for b in win.settings_tab.findChildren(QPushButton) if b.isVisible()]
        assert any("Kategorien" in b.text() for b in buttons)
        for b in buttons:
            assert b.width() >= b.sizeHint().width(), b.text()
        # The connection list: the state and the ledger, not cut off ("Verbunden · Journaldatei").
        item = win.connections.item(0)
        second = item.text().split("\n")[1]
        assert second == "Verbunden · Journaldatei"
        width = win.connections.fontMetrics().horizontalAdvance(second)
        assert width < win.connections.viewport().width()
    finally:
        t.install("en")


@pytest.mark.parametrize("lang", ["en", "de", "fr", "nl"])
def test_the_expenses_columns_show_their_texts_whole(qtbot, qapp, ctx, demo_conn, lang):
    """Date, employee, amount and status are not cut: each column is as wide as its header and its texts need;
    the reference's header is whole and the supplier keeps its room (supplier, category and reference elide,
    with the whole text in their tooltips)."""
    from pleodesk.ui.i18n import Translations
    from pleodesk.ui.jobs import Job

    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000):
        ctx.submit(Job("export_month", demo_conn.id, params={"month": MONTH}))
    t = Translations(qapp)
    try:
        t.install(lang)
        win = _window(qtbot, ctx, t)
        win.resize(1366, 728)
        win.show_tab(win.TAB_EXPENSES)
        tab = win.expenses_tab
        qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=WAIT_MS)
        table, hh = tab.table, tab.table.horizontalHeader()
        for col in (0, 2, 3, 5, 6):
            name = tab.model.headerData(col, Qt.Orientation.Horizontal)
            assert table.columnWidth(col) >= hh.sectionSizeHint(col), f"header {name!r} cut"
            if col != 6:
                assert table.columnWidth(col) >= table.sizeHintForColumn(col), f"a text of {name!r} cut"
        # The reference (long, alike in every row) shows its start; the whole is in its tooltip, and the
        # supplier keeps room for a name.
        index = tab.model.index(0, 6)
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data() and index.data().startswith("PLEO-")
        assert table.columnWidth(1) >= 120
    finally:
        t.install("en")
