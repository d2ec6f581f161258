"""The desktop app's entry point."""

from __future__ import annotations

import os
import sys


def run_app(demo: bool = False) -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux") \
            and not os.environ.get("QT_QPA_PLATFORM"):
        print("No display is available: pleodesk needs a desktop session. "
              "(Set QT_QPA_PLATFORM=offscreen to run without one.)", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from pleodesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pleodesk")
    sandbox = None
    if demo:
        from pleodesk.demo import start_demo

        sandbox = start_demo()
    win = MainWindow()
    win.show()
    try:
        return app.exec()
    finally:
        if sandbox is not None:
            sandbox.stop()
