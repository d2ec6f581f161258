"""Closing the wizard half-way keeps the answers (no secrets) and reopening resumes on that page."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from pleodesk.ui.main_window import MainWindow
from pleodesk.ui.wizard import SetupWizard
from pleodesk.ui.wizard import pages as P

from .helpers import WAIT_MS, click_next
from .test_wizard_export import UNMAPPED, run_wizard


def test_close_and_resume_on_the_same_page(qtbot, ctx, sandbox, journal_dir):
    wiz = run_wizard(qtbot, ctx, sandbox, journal_dir, stop_at="categories")
    assert wiz.currentId() == P.ID_CATEGORIES
    wiz.close()
    assert ctx.writer.flush(10)
    qtbot.waitUntil(lambda: not wiz.isVisible())

    (draft_conn,) = ctx.store.list_connections()
    draft = draft_conn.settings["wizard"]
    assert draft["page"] == "categories"
    assert not draft_conn.active
    assert draft["mappings"]["categories"].get(UNMAPPED) is None
    text = json.dumps(draft_conn.settings)
    assert sandbox.api_key not in text, "the API key never goes into the draft"

    # The main window offers to continue it.
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    assert win.stack.currentWidget() is win.draft_page
    assert draft_conn.name in win.draft_title.text()

    again = SetupWizard.for_draft(ctx, draft_conn)
    qtbot.addWidget(again)
    again.show()
    assert again.currentId() == P.ID_CATEGORIES
    page = again.currentPage()
    qtbot.waitUntil(lambda: page.tabs.isEnabled(), timeout=WAIT_MS)
    assert page.categories.counts_tuple()[1] == 1, "the unmapped category stayed unmapped"
    assert again.state.system_settings["folder"] == str(journal_dir)
    # Back goes to the pages before it.
    qtbot.mouseClick(again.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert again.currentId() == P.ID_ACCOUNTS
    click_next(qtbot, again)
    assert again.currentId() == P.ID_CATEGORIES
    for _ in range(4):
        click_next(qtbot, again)
    assert again.currentId() == P.ID_SUMMARY
    with qtbot.waitSignal(again.finished_setup, timeout=WAIT_MS):
        qtbot.mouseClick(again.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    (conn,) = ctx.store.list_connections()
    assert conn.id == draft_conn.id and conn.active and "wizard" not in conn.settings
    assert UNMAPPED not in ctx.store.load_mappings(conn.id).categories


def test_a_draft_can_be_discarded(qtbot, ctx, sandbox, journal_dir, memory_keyring):
    wiz = run_wizard(qtbot, ctx, sandbox, journal_dir, stop_at="pleo")
    wiz.close()
    assert ctx.writer.flush(10)
    (draft_conn,) = ctx.store.list_connections()
    assert any(v == sandbox.api_key for v in memory_keyring.store.values())
    from pleodesk.ui.wizard import discard_draft

    with qtbot.waitSignal(ctx.hub.connections_changed, timeout=WAIT_MS):
        discard_draft(ctx, draft_conn)
    assert ctx.store.list_connections() == []
    assert not any(v == sandbox.api_key for v in memory_keyring.store.values())


def test_run_the_setup_again_on_an_existing_connection(qtbot, ctx, demo_conn):
    before = ctx.store.load_mappings(demo_conn.id)
    wiz = SetupWizard.for_edit(ctx, demo_conn)
    qtbot.addWidget(wiz)
    wiz.show()
    welcome = wiz.currentPage()
    assert welcome.buttons["journal_file"].isChecked()
    assert all(not b.isEnabled() for s, b in welcome.buttons.items() if s != "journal_file")
    click_next(qtbot, wiz)
    assert wiz.currentId() == P.ID_PLEO
    # The stored key is used (read from the keyring off the GUI thread).
    qtbot.waitUntil(wiz.currentPage().isComplete, timeout=WAIT_MS)
    click_next(qtbot, wiz)
    assert wiz.currentPage().folder.text() == demo_conn.settings["folder"]
    for _ in range(3):                     # journal file, accounts, categories
        click_next(qtbot, wiz)
    assert wiz.currentId() == P.ID_LABELS
    click_next(qtbot, wiz)
    options = wiz.currentPage()
    options.interval.setValue(10)
    click_next(qtbot, wiz)
    click_next(qtbot, wiz)
    assert wiz.currentId() == P.ID_SUMMARY
    assert not wiz.currentPage().export_now.isVisible()
    with qtbot.waitSignal(wiz.finished_setup, timeout=WAIT_MS):
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    (conn,) = ctx.store.list_connections()
    assert conn.id == demo_conn.id and conn.name == demo_conn.name and conn.active
    assert conn.settings["queue_interval_minutes"] == 10
    assert "wizard_edit" not in conn.settings
    after = ctx.store.load_mappings(demo_conn.id)
    assert after.categories == before.categories and after.tags == before.tags and after.contra == before.contra
