"""The whole setup wizard against the sandbox for the journal file, then Export a month in the main
window: what the ledger holds and what the window shows."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from pleodesk.ui import fmt
from pleodesk.ui.main_window import MainWindow
from pleodesk.ui.views.export_tab import URL_ROLE
from pleodesk.ui.wizard import SetupWizard
from pleodesk.ui.wizard import pages as P

from .conftest import MONTH
from .helpers import WAIT_MS, balanced, click_next, fill_pleo_page, journal_entries

UNMAPPED = "4100"   # Meals and entertainment: left unmapped on purpose, so its expenses are held


def run_wizard(qtbot, ctx, sandbox, folder, *, stop_at: str | None = None) -> SetupWizard:
    wiz = SetupWizard.for_new(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    # 1. Welcome: the journal file is the system.
    welcome = wiz.currentPage()
    assert wiz.currentId() == P.ID_WELCOME
    welcome.buttons["journal_file"].setChecked(True)
    click_next(qtbot, wiz)
    assert ctx.store.list_connections()[0].settings.get("wizard"), "a draft was saved"
    # 2. Pleo.
    assert wiz.currentId() == P.ID_PLEO
    fill_pleo_page(qtbot, wiz.currentPage(), sandbox)
    assert "Demo Company" in wiz.currentPage().status.text()
    if stop_at == "pleo":
        return wiz
    click_next(qtbot, wiz)
    # 3. The journal file's own page.
    page = wiz.currentPage()
    assert wiz.currentId() == wiz.system_pages["journal_file"]
    page.folder.clear()
    qtbot.keyClicks(page.folder, str(folder))
    assert page.from_pleo.isChecked()
    click_next(qtbot, wiz)
    if stop_at == "accounts":
        return wiz
    # 4. Bank account and journals: the wallet is found by name.
    page = wiz.currentPage()
    assert wiz.currentId() == P.ID_ACCOUNTS
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    assert page.editor.combos["wallet"].currentData() == "1100"
    click_next(qtbot, wiz)
    # 5. Categories: all matched by code; unmap one.
    page = wiz.currentPage()
    assert wiz.currentId() == P.ID_CATEGORIES
    qtbot.waitUntil(lambda: page.tabs.isEnabled(), timeout=WAIT_MS)
    table = page.categories
    assert table.counts_tuple()[1] == 0
    row = table._row_of(UNMAPPED)
    table.table.cellWidget(row, table.COL_ACCOUNT).setCurrentIndex(0)
    assert table.counts_tuple()[1] == 1
    table.only_unmapped.setChecked(True)
    visible = [r for r in range(table.table.rowCount()) if not table.table.isRowHidden(r)]
    assert visible == [row]
    table.only_unmapped.setChecked(False)
    qtbot.keyClicks(table.search, "taxi")
    visible = [r for r in range(table.table.rowCount()) if not table.table.isRowHidden(r)]
    assert len(visible) == 1
    table.search.clear()
    if stop_at == "categories":
        return wiz
    click_next(qtbot, wiz)
    # 6. Labels: both tag groups found as dimensions.
    page = wiz.currentPage()
    assert wiz.currentId() == P.ID_LABELS
    qtbot.waitUntil(lambda: page.editor.isEnabled(), timeout=WAIT_MS)
    assert len(wiz.state.mappings.tag_groups) == 2
    click_next(qtbot, wiz)
    # 7. Options: the export queue every 5 minutes by default.
    page = wiz.currentPage()
    assert wiz.currentId() == P.ID_OPTIONS
    assert page.interval.value() == 5
    click_next(qtbot, wiz)
    # 8. Bank feed.
    page = wiz.currentPage()
    assert wiz.currentId() == P.ID_FEED
    assert "08:00" in page.times.text() and "13:00" in page.times.text()
    page.enabled.setChecked(True)
    click_next(qtbot, wiz)
    # 9. Summary: save.
    assert wiz.currentId() == P.ID_SUMMARY
    return wiz


def test_wizard_then_export_a_month(qtbot, ctx, sandbox, journal_dir):
    wiz = run_wizard(qtbot, ctx, sandbox, journal_dir)
    summary = wiz.currentPage()
    assert "16 mapped, 1 not mapped" in summary.summary.text()
    with qtbot.waitSignal(wiz.finished_setup, timeout=WAIT_MS):
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    conns = ctx.store.list_connections()
    assert len(conns) == 1
    conn = conns[0]
    assert conn.active and conn.state == "connected" and "wizard" not in conn.settings
    assert conn.settings["folder"] == str(journal_dir) and conn.settings["bank_feed"] is True
    assert conn.pleo_company_id == sandbox.company_id
    mappings = ctx.store.load_mappings(conn.id)
    assert UNMAPPED not in mappings.categories and mappings.contra

    exportable = set(sandbox.pleo.exportable_entry_ids(MONTH))
    assert exportable
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.conn is not None and win.conn.id == conn.id
    tab = win.export_tab
    tab.set_month(MONTH)
    assert tab.selected_month() == MONTH
    qtbot.waitUntil(lambda: "waiting for export" in tab.preview_text.text() and "so far" not in tab.preview_text.text(),
                    timeout=WAIT_MS)             # the whole month read, not the first page of it
    assert str(len(exportable)) in tab.preview_text.text()
    # The total is what will be booked as spend: positive, without the wallet's top-ups (shown apart).
    preview = tab.preview_text.text()
    assert re.search(r"Spend to be booked: €?[1-9][0-9,.]*€? \(\d+ expenses?\)\.", preview), preview
    assert re.search(r"Wallet top-ups and unloads, not in that total: -", preview), preview
    assert "Wallet top-ups and unloads, not in that total: -€" in preview or "Wallet top-ups and unloads, " \
        "not in that total: €-" in preview or "not in that total: -" in preview, preview
    assert "Will be held" in tab.held_text.text()
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000,
                          check_params_cb=lambda cid, r: r.job.kind == "export_month"):
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.result_box.isVisible(), timeout=WAIT_MS)

    counts = ctx.store.counts_by_status(conn.id)
    entries = journal_entries(journal_dir)
    assert counts["held"] > 0 and counts["failed"] == 0
    assert len(entries) == counts["exported"]
    assert len(entries) == len(exportable) - counts["held"] - counts["skipped"]
    assert all(balanced(rows) for rows in entries.values())
    held_ids = {r.expense_id for r in ctx.store.records_with_status(conn.id, "held")}
    assert all(f"PLEO-{eid}" not in entries for eid in held_ids)
    # What the window shows.
    assert f"{counts['exported']} exported" in tab.result_text.text()
    assert f"{counts['held']} held" in tab.result_text.text()
    assert tab.links.rowCount() == min(counts["exported"], 200) + (counts["exported"] > 200)
    # Each booked expense with its date, supplier, amount, account and the ledger object.
    headers = [tab.links.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers == ["Date", "Supplier", "Amount", "Account", "In the ledger"]
    ref = tab.links.item(0, 4).text()
    assert ref.startswith("PLEO-") and tab.links.item(0, 4).data(URL_ROLE).startswith("file:")
    expense = next(r for r in ctx.store.records_with_status(conn.id, "exported") if f"PLEO-{r.expense_id}" == ref)
    rows = entries[ref]
    assert tab.links.item(0, 0).text() == fmt.day(date.fromisoformat(rows[0]["date"]))
    assert rows[0]["account"] in tab.links.item(0, 3).text() and tab.links.item(0, 1).text()
    assert tab.links.item(0, 2).text().endswith("€") or "€" in tab.links.item(0, 2).text()
    assert expense is not None
    qtbot.waitUntil(lambda: win.conn.state == "needs_attention", timeout=WAIT_MS)
    assert win.banner.isVisible()
    # Problems: grouped by cause, one group (and one Fix) for the unmapped category.
    win.show_tab(win.TAB_PROBLEMS)
    qtbot.waitUntil(lambda: bool(win.problems_tab.groups), timeout=WAIT_MS)
    groups = {g.kind: g for g in win.problems_tab.groups if g.cause == "mapping"}
    assert groups["category_unmapped"].source_key == UNMAPPED
    assert sum(len(g.expense_ids) for g in groups.values()) == counts["held"]
    # Expenses: the table lists them; the held filter shows exactly the held ones.
    win.show_tab(win.TAB_EXPENSES)
    qtbot.waitUntil(lambda: len(win.expenses_tab.model.rows) == sum(counts.values()), timeout=WAIT_MS)
    win.expenses_tab.filter_buttons["held"].click()
    assert win.expenses_tab.model.rowCount() == counts["held"]
    # History records the manual run.
    win.show_tab(win.TAB_HISTORY)
    history = win.history_tab.model
    qtbot.waitUntil(lambda: history.rowCount() >= 1, timeout=WAIT_MS)
    assert history.data(history.index(0, 3)) == "Manual"
    # Its details say the counts once, in the user's words (not also the engine's English sentence).
    from pleodesk.ui.views.common import counts_text

    run = win.history_tab.runs[0]
    details = win.history_tab.details.text()
    assert html.escape(counts_text(run.counts)) in details and (run.message or "@@") not in details


@pytest.mark.parametrize("typed,words", [("Books\u202efdp.exe", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
                                         ("Books\x07", "U+0007 (BELL)"),
                                         ("   ", "needs a name")])
def test_the_summary_page_refuses_names_that_are_not_visible_text(qtbot, ctx, sandbox, journal_dir, typed, words):
    """The wizard follows the setup file's name rule (pleodesk.core.names): one line of visible text."""
    from pleodesk.core.names import MAX_NAME_LENGTH

    wiz = run_wizard(qtbot, ctx, sandbox, journal_dir)
    summary = wiz.currentPage()
    draft = [c.name for c in ctx.store.list_connections()]      # the wizard's draft, under its suggested name
    assert summary.name.maxLength() == MAX_NAME_LENGTH
    summary.name.setText(typed)
    summary._name_edited(typed)
    if typed.strip():
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        assert words in summary.status.text()
    else:
        assert not wiz.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert [c.name for c in ctx.store.list_connections()] == draft
    summary.name.setText("Books")
    summary._name_edited("Books")
    with qtbot.waitSignal(wiz.finished_setup, timeout=WAIT_MS):
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert [c.name for c in ctx.store.list_connections()] == ["Books"]


def test_a_pleo_company_name_with_control_characters_becomes_a_clean_suggestion():
    from pleodesk.ui.wizard.state import unique_name

    assert unique_name("Acme\u202e B.V.\n\x07", ["Other"]) == "Acme B.V."
    assert unique_name("\u2066\u2069", []) == "Pleo"
    assert len(unique_name("A" * 500, [])) <= 100
