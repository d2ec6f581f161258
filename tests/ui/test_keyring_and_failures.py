"""The keyring is never used on the GUI thread (a locked keyring can block for as long as its unlock
prompt is open), and when there is no keyring, or the disk is full, the user reads a plain message:
no traceback, no wizard stuck on a busy cursor, no connection left in the list after it was deleted."""

from __future__ import annotations

import threading

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from pleodesk.sandbox.odoo_emulator import OdooState
from pleodesk.ui.main_window import MainWindow
from pleodesk.ui.wizard import SetupWizard
from pleodesk.ui.wizard import pages as P

from .helpers import WAIT_MS, click_next
from .test_wizard_export import run_wizard
from .test_wizard_export_systems import sandbox, start_wizard  # noqa: F401 - the Odoo sandbox fixture


@pytest.fixture
def gui_thread_keyring_calls(memory_keyring):
    """Every keyring call made on the GUI thread, as (method, entry name)."""
    calls: list[tuple[str, str]] = []
    for name in ("get_password", "set_password", "delete_password"):
        original = getattr(memory_keyring, name)

        def wrapped(service, username, *rest, _original=original, _name=name):
            if threading.current_thread() is threading.main_thread():
                calls.append((_name, username))
            return _original(service, username, *rest)

        setattr(memory_keyring, name, wrapped)
    return calls


def test_the_wizard_uses_the_keyring_off_the_gui_thread(qtbot, ctx, sandbox, journal_dir,
                                                       gui_thread_keyring_calls):
    wiz = run_wizard(qtbot, ctx, sandbox, journal_dir)
    with qtbot.waitSignal(wiz.finished_setup, timeout=WAIT_MS):
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    (conn,) = ctx.store.list_connections()
    assert conn.active and conn.pleo_company_id == sandbox.company_id
    # Going through the setup again reads the stored key, off the GUI thread too.
    again = SetupWizard.for_edit(ctx, conn)
    qtbot.addWidget(again)
    again.show()
    click_next(qtbot, again)
    assert again.currentId() == P.ID_PLEO
    qtbot.waitUntil(again.currentPage().isComplete, timeout=WAIT_MS)
    assert gui_thread_keyring_calls == []


@pytest.mark.parametrize("sandbox", [17], ids=["odoo17"], indirect=True)
def test_odoo_page_without_a_keyring_says_so(qtbot, ctx, sandbox, gui_thread_keyring_calls):
    wiz = start_wizard(qtbot, ctx, sandbox, "odoo")
    page = wiz.currentPage()
    qtbot.keyClicks(page.url, sandbox.odoo_url)
    qtbot.keyClicks(page.database, "pleodesk")
    qtbot.keyClicks(page.login, "admin")
    qtbot.keyClicks(page.key, OdooState.ADMIN_KEY)
    assert gui_thread_keyring_calls == [], "typing in the Odoo page must not ask the keyring each time"
    keyring.set_keyring(fail.Keyring())            # the keyring went away (locked, uninstalled)
    next_button = wiz.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.company.count() == 2, timeout=WAIT_MS)
    page.company.setCurrentIndex(page.company.findData(1))
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "keyring" in page.status.text(), timeout=WAIT_MS)
    assert wiz.currentId() == wiz.system_pages["odoo"], "nothing is saved without its key"
    qtbot.waitUntil(next_button.isEnabled, timeout=WAIT_MS)
    assert "odoo_api_key" not in wiz.state.keyring_entries


def test_delete_and_discard_without_a_keyring(qtbot, ctx, demo_conn, monkeypatch):
    from pleodesk.ui.wizard import discard_draft

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    draft = ctx.store.add_connection("Half done", "journal_file", settings={"wizard": {"page": "pleo"}})
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.select_connection(demo_conn.id)
    keyring.set_keyring(fail.Keyring())
    with qtbot.waitSignal(ctx.hub.connections_changed, timeout=WAIT_MS):
        win.delete_connection()
    assert [c.id for c in ctx.store.list_connections()] == [draft.id]
    qtbot.waitUntil(lambda: win.connections.count() == 1, timeout=WAIT_MS)
    with qtbot.waitSignal(ctx.hub.connections_changed, timeout=WAIT_MS):
        discard_draft(ctx, draft)
    assert ctx.store.list_connections() == []


def test_a_setting_that_cannot_be_saved_says_so(qtbot, ctx, demo_conn, monkeypatch):
    from pleodesk.storage import StoreError

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    s = win.settings_tab
    before = s.receipts.isChecked()

    def full(*_a, **_k):
        raise StoreError("database or disk is full")

    monkeypatch.setattr(ctx.store, "update_connection", full)
    s.receipts.click()
    qtbot.waitUntil(lambda: "disk is full" in s.conn_status.text(), timeout=WAIT_MS)
    assert s.conn_status.isVisibleTo(s)
    assert s.receipts.isChecked() == before, "the box shows what is stored, not what was lost"


@pytest.mark.parametrize("backend", ["fail", "plaintext", "locked"])
def test_the_wizard_without_a_usable_keyring_saves_nothing_and_says_what_to_install(qtbot, ctx, backend, tmp_path,
                                                                                     monkeypatch):
    """No keyring (a machine without a desktop session), only keyrings.alt's file, or a keyring that
    refuses to store: the wizard stops on its first page, before even the draft is saved, and says what
    to install."""
    import keyrings.alt.file
    from keyring_file import LockedKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    keyring.set_keyring({"fail": fail.Keyring, "plaintext": keyrings.alt.file.PlaintextKeyring,
                         "locked": LockedKeyring}[backend]())
    wiz = SetupWizard.for_new(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    page = wiz.currentPage()
    page.buttons["journal_file"].setChecked(True)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "gnome-keyring" in page.status.text(), timeout=WAIT_MS)
    text = page.status.text()
    assert "Nothing was saved" in text and "pleodesk --demo" in text
    assert {"fail": "No system keyring", "plaintext": "(keyrings.alt.file.PlaintextKeyring) would keep the keys in a file",
            "locked": "could not keep a key: Failed to unlock the collection!"}[backend] in text
    assert wiz.currentId() == P.ID_WELCOME
    qtbot.waitUntil(wiz.button(QWizard.WizardButton.NextButton).isEnabled, timeout=WAIT_MS)
    assert ctx.store.list_connections() == []
    assert not (tmp_path / "data").exists()


def test_deleting_a_connection_deletes_every_keyring_entry_it_has(qtbot, ctx, demo_conn, memory_keyring, monkeypatch):
    """Its Pleo key, a Pleo sign-in, ledger secrets (listed in its settings or not): all go; another
    connection's, and another data folder's connection with the same id, stay."""
    from pleodesk.connections import ledger_secret_name, pleo_secret_name
    from pleodesk.secrets import set_secret

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    other = ctx.store.add_connection("Other", "journal_file")
    for what in ("pleo-oauth", "odoo_api_key", "xero-oauth"):
        set_secret(ledger_secret_name(demo_conn.id, what), f"{what}-value")
    set_secret(pleo_secret_name(other.id), "other-key")
    set_secret(f"another-installation/connection-{demo_conn.id}/pleo-api-key", "another folder's")
    mine = f"{ctx.store.installation_id}/connection-{demo_conn.id}/"
    assert len([n for (_s, n) in memory_keyring.store if n.startswith(mine)]) == 4
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.select_connection(demo_conn.id)
    with qtbot.waitSignal(ctx.hub.connections_changed, timeout=WAIT_MS):
        win.delete_connection()
    assert [c.id for c in ctx.store.list_connections()] == [other.id]
    assert sorted(n for (_s, n) in memory_keyring.store) == sorted(
        [pleo_secret_name(other.id), f"another-installation/connection-{demo_conn.id}/pleo-api-key"])
