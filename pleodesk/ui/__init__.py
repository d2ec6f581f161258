"""The desktop app (PySide6).

Layout, following the split the research notes recommend (core logic Qt-free, Qt only here):

``app``            start-up: single instance, languages, the demo, the main window or the wizard
``context``        ``AppContext``: the store, the signal hub, the workers, the scheduler, the tray
``hub``            app-wide signals (run_started, run_finished, connection_state_changed, ...)
``jobs``           what a background job does (Qt-free: engine, feed, syncs, previews, retries)
``workers``        one serial worker thread per connection, plus small one-off background tasks
``scheduler``      QTimer-driven; the maths is in ``pleodesk.core.schedule``
``wizard``         the setup wizard; ``systems`` holds the per-system "connect" pages (plugins)
``main_window``    connections, export a month, expenses, problems, history, settings
``i18n``, ``fmt``  Qt Linguist translations; money and dates through QLocale
"""
