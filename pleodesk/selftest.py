"""``pleodesk --self-test``: prove that this copy of pleodesk works, end to end, without touching the
user's data or keyring.

It runs offscreen (``QT_QPA_PLATFORM=offscreen`` unless a platform is already chosen), in a temporary
data directory and with an in-memory keyring installed for this run only. It starts the demo sandbox
(Pleo and a journal-file ledger on 127.0.0.1), walks the setup wizard through its public widgets,
exports last month from the main window's "Export a month" tab and checks the ledger: every journal
entry balances and the number of entries is what the month should export. It also checks that the
translations, the icons and the database migrations shipped with this copy are usable.

The result is one line on stdout (``self-test passed: ...`` / ``self-test failed: <reason>``) and the
exit code 0 or 1. The code lives in the package, not under ``tests/``, because a frozen bundle has no
tests: the same check runs from a source checkout and from an installed bundle.
"""

from __future__ import annotations

import csv
import logging
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Callable

EXIT_OK = 0
EXIT_FAILED = 1

#: The whole self-test must finish within this many seconds (each wait has its own limit too).
DEADLINE_S = 240.0
WAIT_S = 30.0
EXPORT_WAIT_S = 120.0
SANDBOX = {"seed": 7, "expenses_per_month": 60}
#: The accounting systems every copy of pleodesk can connect to (their modules are imported by name,
#: so a bundle missing one would only notice when a user picks it).
EXPECTED_SYSTEMS = ("journal_file", "odoo", "xero")
RUNTIME_MODULES = ("pleodesk.providers.oauth", "pleodesk.providers.pleo", "sqlalchemy", "alembic", "httpx", "authlib", "keyring", "platformdirs",
                   "iso4217",
                   "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtNetwork")


class SelfTestFailed(Exception):
    """One step failed; the message is the one-line reason."""


def run(*, keep_home: bool = False) -> int:
    """Run the self-test; print one line; return the exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import keyring

    saved_env = {k: os.environ.get(k) for k in ("PLEODESK_HOME", "PLEODESK_LANG")}
    home = Path(tempfile.mkdtemp(prefix="pleodesk-selftest-"))
    os.environ["PLEODESK_HOME"] = str(home)
    os.environ["PLEODESK_LANG"] = "en"
    from pleodesk.secrets import use_memory_keyring

    previous_keyring = use_memory_keyring()
    started = time.monotonic()
    try:
        summary = _self_test(home, deadline=started + DEADLINE_S)
    except SelfTestFailed as exc:
        line, code = f"self-test failed: {exc}", EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - any surprise is a failure with a reason, not a traceback
        logging.getLogger(__name__).exception("self-test crashed")
        line, code = f"self-test failed: {type(exc).__name__}: {exc}".splitlines()[0], EXIT_FAILED
    else:
        line, code = f"self-test passed: {summary} in {time.monotonic() - started:.1f} s", EXIT_OK
    finally:
        keyring.set_keyring(previous_keyring)
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        if not keep_home:
            shutil.rmtree(home, ignore_errors=True)
    print(line, flush=True)
    return code


# ----------------------------------------------------------------------------------- the walk -----
def _self_test(home: Path, *, deadline: float) -> str:
    _check_imports()
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QLocale
    from PySide6.QtWidgets import QApplication, QWizard

    app = QApplication.instance() or QApplication(["pleodesk"])
    locale_before = QLocale()

    def pump(what: str, cond: Callable[[], bool], timeout: float = WAIT_S) -> None:
        end = min(time.monotonic() + timeout, deadline)
        while True:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            try:
                if cond():
                    return
            except Exception:  # noqa: BLE001 - a widget not there yet: keep waiting
                pass
            if time.monotonic() > end:
                raise SelfTestFailed(f"timed out after {timeout:.0f} s waiting for {what}")
            time.sleep(0.005)

    from pleodesk import __version__
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox
    from pleodesk.storage import open_store
    from pleodesk.storage import db as storage_db
    from pleodesk.ui import systems
    from pleodesk.ui.context import AppContext
    from pleodesk.ui.i18n import TRANSLATED, Translations
    from pleodesk.ui.main_window import MainWindow
    from pleodesk.ui.resources import app_icon, icon_path
    from pleodesk.ui.wizard import SetupWizard
    from pleodesk.ui.wizard import pages as P

    _check_resources(app, icon_path, app_icon, TRANSLATED)
    available = systems.available()
    if "journal_file" not in available:
        raise SelfTestFailed(f"the wizard offers no journal file page (it offers: {', '.join(available) or 'none'})")

    month = P.last_full_month()
    translations = Translations(app)
    translations.install("en")
    sandbox = start_sandbox(SandboxConfig(months=[month], **SANDBOX))
    store = ctx = wiz = win = None
    try:
        store = open_store()
        if store.schema_revision() != storage_db.head_revision():
            raise SelfTestFailed(f"the database was not migrated to {storage_db.head_revision()}")
        ctx = AppContext(store, scheduler=False)
        folder = home / "journal"
        exportable = set(sandbox.pleo.exportable_entry_ids(month))
        if not exportable:
            raise SelfTestFailed(f"the sandbox has nothing to export for {month}")

        # ---- the setup wizard, page by page, as a user would fill it in
        wiz = SetupWizard.for_new(ctx)
        wiz.show()
        next_button = wiz.button(QWizard.WizardButton.NextButton)

        def next_page(name: str) -> None:
            before = wiz.currentId()
            pump(f"Next to be enabled on the {name} page",
                 lambda: next_button.isEnabled() and next_button.isVisible())
            next_button.click()
            pump(f"the wizard to leave the {name} page", lambda: wiz.currentId() != before)

        def expect_page(page_id: int, name: str):
            if wiz.currentId() != page_id:
                raise SelfTestFailed(f"the wizard showed page {wiz.currentId()} where the {name} page belongs")
            return wiz.currentPage()

        page = expect_page(P.ID_WELCOME, "welcome")
        page.buttons["journal_file"].setChecked(True)
        next_page("welcome")
        page = expect_page(P.ID_PLEO, "Connect Pleo")
        page.url.setText(sandbox.pleo_url)
        page.key.setText(sandbox.api_key)
        page.company.setText(sandbox.company_id)
        page.check_button.click()
        pump("Pleo to answer the connection check", page.isComplete)
        next_page("Connect Pleo")
        page = expect_page(wiz.system_pages["journal_file"], "journal file")
        page.folder.setText(str(folder))
        next_page("journal file")
        page = expect_page(P.ID_ACCOUNTS, "bank account and journals")
        pump("the ledger's chart of accounts", page.isComplete)
        next_page("bank account and journals")
        page = expect_page(P.ID_CATEGORIES, "categories")
        pump("the category mappings", lambda: page.tabs.isEnabled())
        next_page("categories")
        page = expect_page(P.ID_LABELS, "labels")
        pump("the tag group mappings", lambda: page.editor.isEnabled())
        next_page("labels")
        expect_page(P.ID_OPTIONS, "options")
        next_page("options")
        page = expect_page(P.ID_FEED, "bank feed")
        page.enabled.setChecked(True)
        next_page("bank feed")
        expect_page(P.ID_SUMMARY, "summary")
        finish = wiz.button(QWizard.WizardButton.FinishButton)
        pump("Save to be enabled on the summary page", finish.isEnabled)
        finish.click()
        pump("the wizard to save the connection", lambda: wiz.saved_connection is not None)
        wiz.close()
        conn = wiz.saved_connection
        if not (conn.active and conn.system == "journal_file"):
            raise SelfTestFailed(f"the wizard saved an unusable connection ({conn.system}, active={conn.active})")

        # ---- export the month from the main window
        win = MainWindow(ctx, translations)
        win.show()
        pump("the main window to show the new connection", lambda: win.conn is not None and win.conn.id == conn.id)
        tab = win.export_tab
        tab.set_month(month)
        finished: list = []
        ctx.hub.run_finished.connect(
            lambda _cid, result: finished.append(result) if result.job.kind == "export_month" else None)
        pump("the Export button", tab.export_button.isEnabled)
        tab.export_button.click()
        pump(f"the export of {month} to finish", lambda: bool(finished), EXPORT_WAIT_S)
        pump("the export result to be shown", tab.result_box.isVisible)
        result = finished[0]
        if result.status not in ("ok", "partial"):
            raise SelfTestFailed(f"the export ended {result.status}: {result.message}")

        # ---- what the ledger holds
        counts = store.counts_by_status(conn.id)
        entries = _journal_entries(folder)
        exported, held, skipped = counts.get("exported", 0), counts.get("held", 0), counts.get("skipped", 0)
        if counts.get("failed"):
            raise SelfTestFailed(f"{counts['failed']} expenses failed to export")
        if exported == 0:
            raise SelfTestFailed(f"nothing was exported for {month} ({_fmt_counts(counts)})")
        should = len(exportable) - held - skipped
        if len(entries) != should or exported != should:
            raise SelfTestFailed(f"the ledger has {len(entries)} journal entries and {exported} are recorded as "
                                 f"exported; {month} should export {should} "
                                 f"({len(exportable)} waiting in Pleo, {held} held, {skipped} skipped)")
        recorded = set(store.get_records(conn.id))
        if recorded != exportable:
            raise SelfTestFailed(f"{len(exportable)} expenses were waiting in Pleo but {len(recorded)} have an export "
                                 f"record ({len(exportable - recorded)} missing, {len(recorded - exportable)} extra)")
        unbalanced = sorted(ref for ref, rows in entries.items() if not _balanced(rows))
        if unbalanced:
            raise SelfTestFailed(f"{len(unbalanced)} journal entries do not balance, e.g. {unbalanced[0]}")
        strangers = sorted(ref for ref in entries if ref.removeprefix("PLEO-") not in exportable)
        if strangers:
            raise SelfTestFailed(f"the ledger has entries for expenses that were not waiting: {strangers[0]}")
        still_waiting = set(sandbox.pleo.exportable_entry_ids(month))
        if still_waiting & {ref.removeprefix("PLEO-") for ref in entries}:
            raise SelfTestFailed("Pleo still lists exported expenses as waiting for export")
        return (f"pleodesk {__version__}, wizard done, {month} exported: {len(entries)} balanced journal "
                f"entries ({held} held, {skipped} skipped)")
    finally:
        for w in (win, wiz):
            if w is not None:
                w.close()
        if ctx is not None:
            ctx.shutdown()
        sandbox.stop()
        if store is not None:
            store.close()
        for w in (win, wiz):
            if w is not None:
                w.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QLocale.setDefault(locale_before)   # Translations.install("en") set it for this run


def _check_imports() -> None:
    import importlib

    for name in RUNTIME_MODULES:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001
            raise SelfTestFailed(f"cannot import {name}: {exc}") from exc
    from pleodesk.core.money import minor_exponent

    try:       # the ISO 4217 table is a data file of its package: a bundle must carry it
        exponents = (minor_exponent("EUR"), minor_exponent("HUF"), minor_exponent("JPY"), minor_exponent("KWD"))
    except Exception as exc:  # noqa: BLE001
        raise SelfTestFailed(f"the ISO 4217 currency table cannot be read: {exc}") from exc
    if exponents != (2, 2, 0, 3):
        raise SelfTestFailed(f"the ISO 4217 currency table is wrong: EUR, HUF, JPY, KWD have {exponents} decimals")
    from pleodesk.connections import available_systems

    try:
        systems = available_systems()
    except Exception as exc:  # noqa: BLE001
        raise SelfTestFailed(f"an accounting system's module cannot be loaded: {exc}") from exc
    missing = [s for s in EXPECTED_SYSTEMS if s not in systems]
    if missing:
        raise SelfTestFailed(f"this copy cannot connect to {', '.join(missing)} (it knows {', '.join(systems)})")


def _check_resources(app, icon_path, app_icon, translated) -> None:
    """The app icon and the compiled translations this copy ships (no compiler needed to use them)."""
    from PySide6.QtCore import QTranslator

    from pleodesk.ui.i18n import qm_path

    if not icon_path("app").exists():
        raise SelfTestFailed(f"the app icon is missing ({icon_path('app')})")
    if app_icon().pixmap(32, 32).isNull():
        raise SelfTestFailed("the app icon cannot be drawn (Qt's SVG support is missing)")
    for lang in translated:
        qm = qm_path(lang)
        if qm is None:
            raise SelfTestFailed(f"the {lang} translation is missing")
        tr = QTranslator(app)
        if not tr.load(str(qm)) or tr.isEmpty():
            raise SelfTestFailed(f"the {lang} translation cannot be loaded ({qm})")


def _journal_entries(folder: Path) -> dict[str, list[dict]]:
    """The journal file's rows grouped by entry reference."""
    path = folder / "journal.csv"
    out: dict[str, list[dict]] = defaultdict(list)
    if not path.exists():
        raise SelfTestFailed(f"the export wrote no journal file ({path})")
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[row["reference"]].append(row)
    return out


def _balanced(rows: list[dict]) -> bool:
    debit = sum((Decimal(r["debit"] or 0) for r in rows), Decimal(0))
    credit = sum((Decimal(r["credit"] or 0) for r in rows), Decimal(0))
    return debit == credit and debit > 0


def _fmt_counts(counts: dict) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no records"


def main() -> int:
    """``python -m pleodesk.selftest``: the same as ``pleodesk --self-test``."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    return run()


if __name__ == "__main__":
    raise SystemExit(main())
