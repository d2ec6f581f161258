"""The main window fits a 1366×768 laptop's screen above its taskbar, and keeps the size it was given."""

from __future__ import annotations

from PySide6.QtCore import QRect

from pleodesk.ui import main_window as mw


def test_the_window_fits_a_small_screen_and_remembers_its_size(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(mw, "screen_area", lambda _w: QRect(0, 0, 1366, 728))    # 768 less a 40 px taskbar
    win = mw.MainWindow(ctx)
    qtbot.addWidget(win)
    assert win.width() + win.FRAME[0] <= 1366 and win.height() + win.FRAME[1] <= 728
    assert win.height() >= 600 and win.width() >= 1200
    win.show()
    # "Add a connection…" and the export result are on the screen.
    assert win.export_tab.result_box.parentWidget() is not None
    add = next(b for b in win.findChildren(type(win.export_tab.export_button))
               if b.text().replace("&", "").startswith("Add a connection"))
    bottom = add.mapTo(win, add.rect().bottomLeft()).y()
    assert 0 < bottom <= win.height()
    win.resize(1000, 640)
    win.remember_size()
    again = mw.MainWindow(ctx)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (1000, 640)
    # A size that no longer fits the screen (another, smaller one) is not kept.
    monkeypatch.setattr(mw, "screen_area", lambda _w: QRect(0, 0, 960, 620))
    small = mw.MainWindow(ctx)
    qtbot.addWidget(small)
    assert small.height() + small.FRAME[1] <= 620 or small.height() == small.minimumHeight()
