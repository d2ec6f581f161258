"""The desktop app's entry point: ``run_app()`` (``pleodesk``) and ``run_app(demo=True)``
(``pleodesk --demo``)."""

from __future__ import annotations

import logging
import os
import sys
import time

log = logging.getLogger(__name__)

T0 = time.perf_counter()


def _no_display() -> bool:
    return (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"))


def use_demo_home() -> None:
    """``--demo`` works in a data directory of its own, so it never mixes with real connections."""
    from pleodesk import paths

    os.environ["PLEODESK_HOME"] = str(paths.data_dir() / "demo")


def run_app(demo: bool = False, argv: list[str] | None = None) -> int:
    if _no_display():
        print("No display is available: pleodesk is a desktop app and needs a desktop session. Start it from "
              "your desktop (not over ssh or in a bare console); for exports without a window, use the command "
              "line: pleodesk export --help.", file=sys.stderr)
        return 2
    if demo:
        use_demo_home()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from pleodesk import paths
    from pleodesk.storage import StoreError
    from pleodesk.ui.i18n import Translations, chosen_language
    from pleodesk.ui.resources import app_icon
    from pleodesk.ui.single_instance import SingleInstance, server_name

    app = QApplication.instance() or QApplication((argv or sys.argv)[:1])
    app.setApplicationName("pleodesk")
    app.setApplicationDisplayName("pleodesk")
    app.setOrganizationName("pleodesk")
    app.setDesktopFileName("pleodesk")
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(True)

    try:
        instance = SingleInstance(server_name(paths.data_dir()))
    except OSError as exc:
        return _storage_dialog(exc, Translations(app), chosen_language())
    if not instance.listen():
        print("pleodesk is already running; it has been brought to the front.", file=sys.stderr)
        return 0

    translations = Translations(app)
    translations.install(chosen_language())

    from pleodesk.storage import open_store

    database_existed = paths.database_path().exists()
    from pleodesk.ui.main_window import MainWindow

    had_connections = MainWindow.had_connections()
    try:
        store = open_store()
    except (StoreError, OSError) as exc:
        instance.close()
        return _storage_dialog(exc)

    from pleodesk.ui.context import AppContext
    from pleodesk.ui.main_window import MainWindow
    from pleodesk.ui.tray import Tray

    ctx = AppContext(store, scheduler=False)
    if demo:
        _prepare_demo(ctx)
    win = MainWindow(ctx, translations)
    if not demo:
        win.check_data_found(database_existed, had_connections)
    tray = Tray(ctx, win)
    tray.open_requested.connect(win.bring_to_front)
    tray.quit_requested.connect(win._quit)
    # With a tray icon, closing the window leaves pleodesk running there (MainWindow.closeEvent).
    win.tray = tray
    app.setQuitOnLastWindowClosed(not tray.available)
    instance.activated.connect(win.bring_to_front)
    win.show()
    from pleodesk.runtime import tune_gc

    tune_gc()
    _relink_demo_connections(ctx)
    # Start background work once the window is up and the keyring entries of an older version have
    # their new names (once, off the GUI thread: the keyring may ask to be unlocked); the first
    # scheduler check catches up.
    _prepare_secrets_then(ctx, lambda: QTimer.singleShot(300, ctx.scheduler.start))
    from pleodesk.ui.views.data_folder import Housekeeping

    housekeeping = Housekeeping(ctx, ctx)          # retention, once a day
    housekeeping.start()
    if not store.list_connections():
        QTimer.singleShot(0, win.add_connection)
    if os.environ.get("PLEODESK_STARTUP_PROBE"):
        # bench/bench_startup.py: report when the first frame is painted, then leave.
        def painted() -> None:
            win.repaint()
            print(f"painted {time.perf_counter() - T0:.3f}", flush=True)
            app.quit()

        QTimer.singleShot(0, painted)
    try:
        return app.exec()
    finally:
        tray.hide()
        ctx.shutdown()
        instance.close()
        store.close()


def _prepare_secrets_then(ctx, then) -> None:
    from pleodesk.connections import SECRET_NAMES_META, prepare_secrets
    from pleodesk.ui.tasks import run_task

    store = ctx.store
    if store.get_meta(SECRET_NAMES_META):
        then()
        return
    run_task(lambda: prepare_secrets(store), lambda _r: then(), lambda _exc: then())


def storage_problem_text(problem) -> str:
    """The words of ``pleodesk``'s one-line message for a storage problem, in the user's language."""
    from PySide6.QtCore import QCoreApplication

    from pleodesk.storage import StoreDamaged, StoreDiskFull, StoreReadOnly, StoreTooNew

    where = getattr(problem, "where", "") or ""
    translate = QCoreApplication.translate
    if isinstance(problem, StoreDamaged):
        return translate(
            "storage", "The pleodesk database {path} is damaged (it is not a readable database), so pleodesk "
            "changed nothing. Restore the file from a backup, or move it away to start afresh (then set up the "
            "connections again).").format(path=where)
    if isinstance(problem, StoreTooNew):
        return translate(
            "storage", "This data was written by a newer pleodesk (database schema {revision}). Update pleodesk "
            "to open it; nothing was changed.").format(revision=where)
    if isinstance(problem, StoreReadOnly):
        return translate(
            "storage", "pleodesk cannot write to its data folder {folder}: it is read-only for this user. Make it "
            "writable (or set PLEODESK_HOME to a folder that is) and try again; nothing was "
            "changed.").format(folder=where)
    if isinstance(problem, StoreDiskFull):
        return translate(
            "storage", "pleodesk could not write to its data folder {folder}: the disk is full (or failing). Free "
            "some space and try again; what was saved before is intact.").format(folder=where)
    return str(problem)


def _storage_dialog(exc: BaseException, *keep) -> int:
    """The database or the data folder cannot be used: say so in a dialog (the words of the command
    line, translated) and return the command line's exit code for it. Anything else is raised."""
    from PySide6.QtWidgets import QMessageBox

    from pleodesk.cli import storage_exit_code, storage_problem

    problem = storage_problem(exc)
    if problem is None:
        raise exc
    if len(keep) == 2:                  # translations not installed yet (the data folder failed first)
        keep[0].install(keep[1])
    log.error("%s", problem)
    QMessageBox.critical(None, "pleodesk", storage_problem_text(problem))
    return storage_exit_code(problem)


def _prepare_demo(ctx) -> None:
    """Start the sandbox and point the demo connection at it (its port changes at every start)."""
    from pleodesk.demo import start_demo

    ctx.sandbox = start_demo(ctx.store)
    ctx.demo_mode = True


def _relink_demo_connections(ctx) -> None:
    """Connections made with "Use the demo company" point at a sandbox that lived in an earlier run:
    start one (off the GUI thread) and point them at it: Pleo, and the emulated Odoo or Xero where
    the wizard's "Use the demo ledger" chose it (``pleodesk.demo.relink_demo_ledger``)."""
    demo_conns = [c for c in ctx.store.list_connections()
                  if (c.settings or {}).get("demo") and not (c.settings or {}).get("wizard")]
    if not demo_conns:
        return

    def ready(sandbox) -> None:
        from pleodesk.connections import pleo_secret_name
        from pleodesk.demo import relink_demo_ledger
        from pleodesk.secrets import set_secret
        from pleodesk.ui.tasks import run_task

        store = ctx.store

        def relink():                        # the keyring and the sandbox: off the GUI thread
            changes = []
            for c in demo_conns:
                if c.pleo_company_id != sandbox.company_id:
                    continue
                set_secret(pleo_secret_name(c.id), sandbox.api_key)
                try:
                    settings = relink_demo_ledger(c, sandbox)
                except Exception:  # noqa: BLE001 - the connection then shows what its ledger says
                    log.exception("could not point %s at the demo ledger", c.name)
                    settings = None
                changes.append((c.id, settings))
            return changes

        def save(changes) -> None:
            def write():
                for conn_id, settings in changes:
                    extra = {"settings": settings} if settings is not None else {}
                    store.update_connection(conn_id, pleo_base_url=sandbox.pleo_url, **extra)

            ctx.write(write, lambda _r: ctx.hub.connections_changed.emit())

        run_task(relink, save, lambda exc: log.warning("demo connections not relinked: %s", exc))

    ctx.demo_sandbox(ready, lambda exc: log.warning("demo sandbox did not start: %s", exc))
