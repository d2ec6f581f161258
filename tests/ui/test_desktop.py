"""Showing a file in the file manager, highlighted where the platform can (pleodesk.ui.desktop)."""

from __future__ import annotations

from pleodesk.ui import desktop


def test_reveal_per_platform(tmp_path, monkeypatch, qapp):
    f = tmp_path / "pleo-statement-EUR.ofx"
    f.write_text("x")
    ran, folders = [], []
    monkeypatch.setattr(desktop, "open_folder", lambda folder: folders.append(folder) or True)
    assert desktop.reveal(f, runner=ran.append, platform="win32") == "explorer"
    assert ran[-1] == ["explorer", f"/select,{f}"]
    assert desktop.reveal(f, runner=ran.append, platform="darwin") == "finder"
    assert ran[-1] == ["open", "-R", str(f)]
    monkeypatch.setattr(desktop, "_show_items_over_dbus", lambda path: True)
    assert desktop.reveal(f, runner=ran.append, platform="linux") == "dbus"
    # No file manager on the bus: the folder is opened instead.
    monkeypatch.setattr(desktop, "_show_items_over_dbus", lambda path: False)
    assert desktop.reveal(f, runner=ran.append, platform="linux") == "folder" and folders == [tmp_path]
    assert desktop.reveal(tmp_path / "gone.ofx", runner=ran.append, platform="linux") == "folder"
    assert len(ran) == 2
