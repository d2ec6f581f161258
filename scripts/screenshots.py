#!/usr/bin/env python3
"""Regenerate the screenshots in docs/screenshots/: every page of the setup wizard and every tab of the
main window, on the demo company (local sandbox), rendered offscreen with ``QWidget.grab()``, at the sizes
they get on a 1366×768 laptop (the main window in the screen's free area above a taskbar).

    .venv/bin/python scripts/screenshots.py [--lang en|nl|fr|de] [--out docs/screenshots] [--only french]

``--only french`` makes only the pages of the French ledgers (Pennylane, FEC), on the French demo
company (``wizard-3-pennylane``, ``wizard-3-fec``).

Nothing touches your real data: a temporary data directory and an in-memory keyring are used.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="en", choices=("en", "nl", "fr", "de"))
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--only", choices=("french",), help="only the pages of the French ledgers")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="pleodesk-shots-")
    os.environ["PLEODESK_HOME"] = home
    os.environ["PLEODESK_LANG"] = args.lang
    from pleodesk.secrets import use_memory_keyring

    use_memory_keyring()                 # the screenshots never touch the user's keyring
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "en" else f"-{args.lang}"

    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QSize
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication, QWizard

    app = QApplication(["pleodesk"])
    app.setFont(QFont("DejaVu Sans", 9))
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox
    from pleodesk.storage import open_store
    from pleodesk.ui.context import AppContext
    from pleodesk.ui.i18n import Translations
    from pleodesk.ui.main_window import MainWindow
    from pleodesk.ui.resources import app_icon
    from pleodesk.ui.wizard import SetupWizard
    from pleodesk.ui.wizard.pages import last_full_month

    app.setWindowIcon(app_icon())
    translations = Translations(app)
    translations.install(args.lang)
    month = last_full_month()
    if args.only == "french":
        return french_pages(app, args, out, suffix, home)
    sandbox = start_sandbox(SandboxConfig(seed=3, expenses_per_month=140, months=[month]))
    store = open_store()
    ctx = AppContext(store, scheduler=False)
    shots: list[str] = []

    def pump(cond, timeout=30.0) -> None:
        end = time.time() + timeout
        while time.time() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if cond():
                for _ in range(5):
                    app.processEvents()
                return
            time.sleep(0.01)
        raise SystemExit(f"timed out waiting ({cond})")

    def grab(widget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
            # Widgets replaced in tables are deleted later; outside app.exec() that needs a nudge.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        shots.append(path.name)

    wiz = SetupWizard.for_new(ctx)
    wiz.resize(QSize(940, 680))
    wiz.show()

    def next_page() -> None:
        before = wiz.currentId()
        pump(lambda: wiz.button(QWizard.WizardButton.NextButton).isEnabled())
        wiz.button(QWizard.WizardButton.NextButton).click()
        pump(lambda: wiz.currentId() != before)

    page = wiz.currentPage()
    page.buttons["journal_file"].setChecked(True)
    grab(wiz, "wizard-1-welcome")
    next_page()
    page = wiz.currentPage()
    page.url.setText(sandbox.pleo_url)
    page.key.setText(sandbox.api_key)
    page.company.setText(sandbox.company_id)
    page.check_button.click()
    pump(page.isComplete)
    grab(wiz, "wizard-2-pleo")
    next_page()
    page = wiz.currentPage()
    page.folder.setText(str(Path(home) / "Pleo journal"))
    grab(wiz, "wizard-3-journal-file")
    next_page()
    page = wiz.currentPage()
    pump(page.isComplete)
    grab(wiz, "wizard-4-accounts")
    next_page()
    page = wiz.currentPage()
    pump(lambda: page.tabs.isEnabled())
    table = page.categories
    table.table.cellWidget(table._row_of("4100"), table.COL_ACCOUNT).setCurrentIndex(0)
    grab(wiz, "wizard-5-categories")
    next_page()
    page = wiz.currentPage()
    pump(lambda: page.editor.isEnabled())
    grab(wiz, "wizard-6-labels")
    next_page()
    grab(wiz, "wizard-7-options")
    next_page()
    wiz.currentPage().enabled.setChecked(True)
    grab(wiz, "wizard-8-bank-feed")
    next_page()
    grab(wiz, "wizard-9-summary")
    wiz.button(QWizard.WizardButton.FinishButton).click()
    pump(lambda: wiz.saved_connection is not None)
    wiz.close()

    win = MainWindow(ctx, translations)
    win.resize(QSize(1350, 688))      # a 1366×768 laptop: its free area less the frame
    win.show()
    tab = win.export_tab
    tab.set_month(month)
    pump(lambda: tab.preview_text.text() and "…" not in tab.preview_text.text())
    grab(win, "main-1-export-preview")
    done = []
    ctx.hub.run_finished.connect(lambda cid, r: done.append(r))
    tab.export_button.click()
    pump(lambda: any(r.job.kind == "export_month" for r in done), 120)
    pump(lambda: tab.result_box.isVisible())
    pump(lambda: tab.preview_text.text() and "…" not in tab.preview_text.text())
    grab(win, "main-2-export-result")
    win.show_tab(win.TAB_EXPENSES)
    pump(lambda: len(win.expenses_tab.model.rows) > 0)
    exported = next((n for n in range(win.expenses_tab.model.rowCount())
                     if win.expenses_tab.model.row_at(n).status == "exported" and win.expenses_tab.model.row_at(n).receipts),
                    0)
    win.expenses_tab.table.selectRow(exported)
    grab(win, "main-3-expenses")
    win.show_tab(win.TAB_PROBLEMS)
    pump(lambda: bool(win.problems_tab.groups))
    grab(win, "main-4-problems")
    win.show_tab(win.TAB_HISTORY)
    pump(lambda: win.history_tab.model.rowCount() > 0)
    grab(win, "main-5-history")
    win.show_tab(win.TAB_SETTINGS)
    grab(win, "main-6-settings")
    # The banner after Pleo revoked the key.
    sandbox.pleo.revoke_api_key()
    from pleodesk.ui.jobs import Job

    done.clear()
    ctx.submit(Job("queue", win.conn.id))
    pump(lambda: bool(done), 60)
    pump(lambda: win.banner.isVisible() and "Disconnected" in win.banner.text.text() or
         win.conn.state == "disconnected")
    win.show_tab(win.TAB_EXPORT)
    grab(win, "main-7-disconnected")
    win.reconnect()
    dlg = win.reconnect_dialog
    grab(dlg, "dialog-reconnect")
    dlg.reject()
    win.open_mappings("categories", "4100")
    dlg = win.mappings_dialog
    dlg.resize(QSize(900, 560))
    pump(lambda: dlg.tabs.isEnabled())
    grab(dlg, "dialog-mappings")
    dlg.reject()
    win.close()

    # The Odoo, Xero and QuickBooks pages, filled in with the demo company's own ledgers (a sandbox whose
    # Pleo key was not revoked above; the context stops it).
    ctx.sandbox = start_sandbox(SandboxConfig(seed=3, expenses_per_month=20, months=[month]))
    for c in store.list_connections():          # one active connection per Pleo company: these are others
        store.update_connection(c.id, active=False)
    for system, name, filled in (
            ("odoo", "wizard-3-odoo", lambda p: p.company.count() > 1 and p.company.isEnabled()),
            ("xero", "wizard-3-xero", lambda p: p.organisation.count() > 0),
            ("quickbooks", "wizard-3-quickbooks", lambda p: "Société" in p.company.text())):
        wiz = SetupWizard.for_new(ctx)
        wiz.resize(QSize(940, 680))
        wiz.show()
        wiz.currentPage().buttons[system].setChecked(True)
        next_page()
        page = wiz.currentPage()
        page.demo_button.click()
        pump(page.isComplete)
        next_page()
        page = wiz.currentPage()
        page.demo_button.click()
        pump(lambda: filled(page))
        grab(wiz, name)
        wiz.close()
    # Lexware Office, on the German demo company (its Pleo categories mirror Lexware Office's): the connect
    # page as the help article has it (before you start, then the key), the accounts, the categories and the
    # bank feed with its one-time CSV import.
    ctx.sandbox.stop()
    ctx.sandbox = start_sandbox(SandboxConfig(seed=3, expenses_per_month=20, months=[month], country="DE"))
    wiz = SetupWizard.for_new(ctx)
    wiz.resize(QSize(900, 660))
    wiz.show()
    wiz.currentPage().buttons["lexoffice"].setChecked(True)
    next_page()
    page = wiz.currentPage()
    page.demo_button.click()
    pump(page.isComplete)
    next_page()
    grab(wiz, "wizard-3-lexoffice")
    page = wiz.currentPage()
    before = wiz.currentId()
    page.demo_button.click()
    pump(lambda: wiz.currentId() != before)
    page = wiz.currentPage()
    pump(page.isComplete)
    grab(wiz, "wizard-lexoffice-4-accounts")
    next_page()
    page = wiz.currentPage()
    pump(lambda: page.tabs.isEnabled())
    grab(wiz, "wizard-lexoffice-5-categories")
    next_page()
    next_page()
    next_page()
    wiz.currentPage().enabled.setChecked(True)
    grab(wiz, "wizard-lexoffice-8-bank-feed")
    wiz.close()
    ctx.shutdown()
    store.close()
    sandbox.stop()
    print(f"{len(shots)} screenshots in {out}:")
    for s in shots:
        print("  " + s)
    return 0


def french_pages(app, args, out: Path, suffix: str, home: str) -> int:
    """The Pennylane and FEC pages, filled in for the French demo company (Société Démo SAS)."""
    from PySide6.QtCore import QEventLoop, QSize
    from PySide6.QtWidgets import QWizard

    from pleodesk.sandbox.server import SandboxConfig, start_sandbox
    from pleodesk.storage import open_store
    from pleodesk.ui.context import AppContext
    from pleodesk.ui.wizard import SetupWizard

    sandbox = start_sandbox(SandboxConfig(seed=3, expenses_per_month=20, months=["2026-08"], country="FR"))
    store = open_store()
    ctx = AppContext(store, scheduler=False)
    shots = []

    def pump(cond, timeout=30.0) -> None:
        end = time.time() + timeout
        while time.time() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if cond():
                for _ in range(5):
                    app.processEvents()
                return
            time.sleep(0.01)
        raise SystemExit(f"timed out waiting ({cond})")

    for system in ("pennylane", "fec"):
        wiz = SetupWizard.for_new(ctx)
        wiz.resize(QSize(900, 660))
        wiz.show()

        def next_page() -> None:
            before = wiz.currentId()
            pump(lambda: wiz.button(QWizard.WizardButton.NextButton).isEnabled())
            wiz.button(QWizard.WizardButton.NextButton).click()
            pump(lambda: wiz.currentId() != before)

        wiz.currentPage().buttons[system].setChecked(True)
        next_page()
        page = wiz.currentPage()
        page.url.setText(sandbox.pleo_url)
        page.key.setText(sandbox.api_key)
        page.company.setText(sandbox.company_id)
        page.check_button.click()
        pump(page.isComplete)
        next_page()
        page = wiz.currentPage()
        if system == "pennylane":
            from pleodesk.demo import pennylane_demo_login

            login = pennylane_demo_login(sandbox)
            page._demo = login["settings"]
            page.token.setText(login["token"])
            page.mode_buttons["monthly"].setChecked(True)
            page.check_button.click()
            pump(lambda: "732829320" in page.status.text())
        else:
            page.folder.setText(str(Path(home) / "FEC Pleo"))
            page.siren.setText("732 829 320")
            page.ledger.setCurrentIndex(page.ledger.findData("inqom"))
            pump(page.isComplete)
        for _ in range(5):
            app.processEvents()
        path = out / f"wizard-3-{system}{suffix}.png"
        wiz.grab().save(str(path))
        shots.append(path.name)
        wiz.close()
    ctx.shutdown()
    store.close()
    sandbox.stop()
    print(f"{len(shots)} screenshots in {out}: {', '.join(shots)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
