"""The main window's parts: Fix and Retry, a scheduled sync, the expenses table at 50,000 rows,
settings, and what keyboard and screen-reader users need."""

from __future__ import annotations

import re
import sqlite3
import time
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QDateEdit, QLabel, QLineEdit,
                               QMessageBox, QWidget)

from pleodesk.core import schedule as sch
from pleodesk.ui.jobs import Job
from pleodesk.ui.main_window import MainWindow
from pleodesk.ui.models import ExpenseRow, ExpensesModel, load_expense_rows

from .conftest import MONTH
from .helpers import WAIT_MS, journal_entries


def _window(qtbot, ctx) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_fix_a_mapping_then_retry_exports_the_held_expenses(qtbot, ctx, demo_conn, journal_dir):
    m = ctx.store.load_mappings(demo_conn.id)
    del m.categories["4100"]
    ctx.store.save_mappings(demo_conn.id, m)
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000):
        ctx.submit(Job("export_month", demo_conn.id, params={"month": MONTH}))
    held = ctx.store.counts_by_status(demo_conn.id)["held"]
    assert held > 0
    before = len(journal_entries(journal_dir))

    win = _window(qtbot, ctx)
    win.show_tab(win.TAB_PROBLEMS)
    tab = win.problems_tab
    qtbot.waitUntil(lambda: any(g.kind == "category_unmapped" for g in tab.groups), timeout=WAIT_MS)
    group = next(g for g in tab.groups if g.kind == "category_unmapped")
    assert group.source_key == "4100" and "Meals" in group.source_label
    item = next(tab.tree.topLevelItem(0).child(i) for i in range(tab.tree.topLevelItem(0).childCount())
                if tab.tree.topLevelItem(0).child(i).data(0, Qt.ItemDataRole.UserRole) is group)
    # Each held expense is listed by date, supplier and amount (its id in the tooltip).
    from pleodesk.ui import fmt

    first = item.child(0)
    eid = first.toolTip(0)
    assert eid in group.expense_ids and first.data(0, Qt.ItemDataRole.UserRole + 1) == eid
    row = next(r for r in load_expense_rows(ctx.store, demo_conn.id) if r.expense_id == eid)
    assert first.text(0) == " · ".join(x for x in (fmt.day(row.day), row.supplier or row.employee,
                                                   fmt.money(row.amount, row.currency)) if x)
    fix_button = tab.tree.itemWidget(item, 3)
    assert fix_button.text() == "Fix…"
    with qtbot.waitSignal(tab.fix_requested) as fix:
        qtbot.mouseClick(fix_button, Qt.MouseButton.LeftButton)
    assert fix.args == ["categories", "4100"]
    dlg = win.mappings_dialog
    qtbot.waitUntil(lambda: dlg.tabs.isEnabled(), timeout=WAIT_MS)
    assert dlg.tabs.currentWidget() is dlg.categories
    table = dlg.categories
    row = table._row_of("4100")
    combo = table.table.cellWidget(row, table.COL_ACCOUNT)
    assert combo.hasFocus() or table.table.currentRow() == row
    combo.setCurrentIndex(combo.findData("4100"))
    assert dlg.retry.isChecked()
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000,
                          check_params_cb=lambda cid, r: r.job.kind == "retry"):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    counts = ctx.store.counts_by_status(demo_conn.id)
    assert counts["held"] < held
    after = journal_entries(journal_dir)
    assert len(after) == before + (held - counts["held"])
    assert ctx.store.load_mappings(demo_conn.id).categories["4100"].account == "4100"


def test_a_scheduled_sync_exports_its_period_as_a_sync_run(qtbot, ctx, demo_conn, journal_dir):
    y, mo = int(MONTH[:4]), int(MONTH[5:])
    start = date(y, mo, 1)
    end = (date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1))
    schedule = sch.SyncSchedule("monthly", start=start, delay_days=3)
    ctx.store.update_connection(demo_conn.id, settings={"schedule": schedule.to_dict()})
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000) as blocker:
        ctx.submit(Job("sync", demo_conn.id, trigger="scheduled",
                       params={"periods": [(start.isoformat(), end.isoformat())]}))
    result = blocker.args[1]
    assert result.status in ("ok", "partial")
    runs = ctx.store.list_runs(demo_conn.id)
    assert runs[0].kind == "sync" and runs[0].trigger == "scheduled"
    assert len(journal_entries(journal_dir)) == result.counts["exported"] > 0
    _, nxt = ctx.store.get_schedule_state(sch.schedule_key(demo_conn.id, "sync"))
    assert nxt.date() == end + timedelta(days=1)


def test_expenses_table_stays_fast_at_50000_rows(qapp):
    rows = [ExpenseRow(f"id-{i:05d}", date(2026, 1 + i % 12, 1 + i % 28), f"Supplier {i % 300}",
                       f"Employee {i % 40}", Decimal(i % 5000) / 7, "EUR", f"Category {i % 30}",
                       ("exported", "pending", "held", "failed", "skipped")[i % 5], f"PLEO-{i}", "", i % 2, "",
                       "", f"id-{i:05d} supplier {i % 300} employee {i % 40} category {i % 30}".lower())
            for i in range(50_000)]
    model = ExpensesModel()
    t = time.perf_counter()
    model.set_rows(rows)
    assert model.rowCount() == 50_000
    model.set_status_filter(("held",))
    assert model.rowCount() == 10_000
    model.set_search("supplier 17")
    assert 0 < model.rowCount() < 10_000
    model.set_status_filter(None)
    model.set_search("")
    model.sort(3, Qt.SortOrder.DescendingOrder)
    first = model.row_at(0)
    assert first.amount == max(r.amount for r in rows)
    for r in range(30):                                   # one screenful
        for c in range(model.columnCount()):
            model.data(model.index(r, c))
    elapsed = time.perf_counter() - t
    assert elapsed < 1.5, f"{elapsed:.2f} s"
    assert model.counts()["held"] == 10_000


def test_expense_rows_come_from_the_store(qtbot, ctx, demo_conn):
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000):
        ctx.submit(Job("export_month", demo_conn.id, params={"month": MONTH}))
    rows = load_expense_rows(ctx.store, demo_conn.id)
    counts = ctx.store.counts_by_status(demo_conn.id)
    assert len(rows) == sum(counts.values())
    exported = [r for r in rows if r.status == "exported"]
    assert exported and all(r.reference for r in exported)
    assert all(r.day is not None and r.currency == "EUR" for r in rows)
    assert rows == sorted(rows, key=lambda r: (r.day, r.expense_id), reverse=True)
    win = _window(qtbot, ctx)
    win.show_tab(win.TAB_EXPENSES)
    tab = win.expenses_tab
    qtbot.waitUntil(lambda: len(tab.model.rows) == len(rows), timeout=WAIT_MS)
    with_receipt = next(n for n in range(tab.model.rowCount())
                        if tab.model.row_at(n).status == "exported" and tab.model.row_at(n).receipts)
    tab.table.selectRow(with_receipt)
    qtbot.waitUntil(lambda: tab.preview.open_button.isVisible(), timeout=WAIT_MS)


def test_after_a_change_by_another_process_the_expenses_tab_shows_it_reading_only_that_row(qtbot, ctx, demo_conn):
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000):
        ctx.submit(Job("export_month", demo_conn.id, params={"month": MONTH}))
    win = _window(qtbot, ctx)
    win.show_tab(win.TAB_EXPENSES)
    tab = win.expenses_tab
    total = len(load_expense_rows(ctx.store, demo_conn.id))
    qtbot.waitUntil(lambda: len(tab.model.rows) == total, timeout=WAIT_MS)
    before = list(tab.model.rows)
    target = next(r for r in before if r.status == "exported")
    raw = sqlite3.connect(ctx.store.path)               # as a command-line export would, in its own process
    raw.execute("UPDATE export_records SET status = 'failed', error_title = 'Refused by the ledger' "
                "WHERE connection_id = ? AND expense_id = ?", (demo_conn.id, target.expense_id))
    raw.commit()
    raw.close()
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        ctx.hub.records_changed.emit(demo_conn.id)
    after = tab.model.rows
    assert [r.expense_id for r in after] == [r.expense_id for r in before]
    changed = [(b, a) for b, a in zip(before, after) if a is not b]
    assert [(a.expense_id, a.status, a.error) for _, a in changed] == \
        [(target.expense_id, "failed", "Refused by the ledger")]
    row = tab.model.find(target.expense_id)
    assert tab.model.data(tab.model.index(row, ExpensesModel.COLUMNS.index("status"))) == "Failed"
    assert "Failed (1)" in " ".join(b.text() for b in tab.filter_buttons.values())


def test_settings_are_saved_off_the_gui_thread(qtbot, ctx, demo_conn):
    win = _window(qtbot, ctx)
    win.show_tab(win.TAB_SETTINGS)
    s = win.settings_tab
    with qtbot.waitSignal(ctx.hub.settings_changed, timeout=WAIT_MS):
        s.interval.setValue(15)
    assert ctx.store.get_connection(demo_conn.id).settings["queue_interval_minutes"] == 15
    with qtbot.waitSignal(ctx.hub.settings_changed, timeout=WAIT_MS):
        s.feed.setChecked(False)
    assert ctx.store.get_connection(demo_conn.id).settings["bank_feed"] is False
    s.schedule.enabled.setChecked(True)
    s.schedule.frequency.setCurrentIndex(0)
    s.schedule.delay.setValue(14)
    s.schedule.automatic.setChecked(False)
    with qtbot.waitSignal(ctx.hub.settings_changed, timeout=WAIT_MS):
        s.save_schedule.click()
    saved = sch.SyncSchedule.from_dict(ctx.store.get_connection(demo_conn.id).settings["schedule"])
    assert saved.frequency == "daily" and saved.delay_days == 14 and not saved.automatic
    assert "Sync now" in s.schedule_status.text()      # manual only: past days wait for the button


def test_the_next_scheduled_sync_is_written_with_a_readable_date(qtbot, ctx, demo_conn):
    """It read "Next scheduled sync: 16 12 2026 01:00" (Qt's short form in the C locale): a medium date
    with the month's name and a four-digit year instead, as everywhere in the app."""
    from PySide6.QtCore import QLocale

    from pleodesk.ui import fmt

    saved_locale = QLocale()
    QLocale.setDefault(QLocale("C"))
    try:
        win = _window(qtbot, ctx)
        win.show_tab(win.TAB_SETTINGS)
        s = win.settings_tab
        s.schedule.enabled.setChecked(True)
        s.schedule.frequency.setCurrentIndex(1)                      # monthly, from the 1st of this month
        s.schedule.delay.setValue(0)
        s.schedule.automatic.setChecked(True)
        with qtbot.waitSignal(ctx.hub.settings_changed, timeout=WAIT_MS):
            s.save_schedule.click()
        due = datetime(2026, 12, 1, 1, 0, tzinfo=timezone.utc)        # November is synced on 1 December
        text = s.schedule_status.text()
        assert f"Next scheduled sync: {fmt.moment(due)}." in text, text
        assert re.search(r"Next scheduled sync: (1 Dec|30 Nov) 2026 \d\d:\d\d\.", text), text
    finally:
        QLocale.setDefault(saved_locale)


def test_deactivate_and_delete(qtbot, ctx, demo_conn, monkeypatch, memory_keyring):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    win = _window(qtbot, ctx)
    with qtbot.waitSignal(ctx.hub.connections_changed, timeout=WAIT_MS):
        win.settings_tab.active.click()
    assert not ctx.store.get_connection(demo_conn.id).active
    qtbot.waitUntil(lambda: win.banner.isVisible() and "deactivated" in win.banner.text.text(), timeout=WAIT_MS)
    assert not win.export_tab.export_button.isEnabled()
    # The list says the state right after the name (a narrow list cuts off the end of the line).
    assert win.connections.item(0).text().split("\n")[1].startswith("Deactivated · ")
    with qtbot.waitSignal(ctx.hub.connections_changed, timeout=WAIT_MS):
        win.delete_connection()
    assert ctx.store.list_connections() == []
    assert memory_keyring.store == {} or all("connection-1/" not in k[1] for k in memory_keyring.store)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.empty_page, timeout=WAIT_MS)


def _unnamed_inputs(root: QWidget) -> list[str]:
    """Inputs a screen reader could not name: no accessible name and no label pointing at them."""
    buddies = {id(lab.buddy()) for lab in root.findChildren(QLabel) if lab.buddy() is not None}
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, (QLineEdit, QComboBox, QAbstractSpinBox)) or isinstance(w.parent(), (QComboBox,
                                                                                                   QDateEdit)):
            continue
        if w.parent() is not None and w.parent().inherits("QAbstractSpinBox"):
            continue
        if not w.accessibleName() and id(w) not in buddies:
            out.append(f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__}")
    return out


def test_inputs_have_names_and_buttons_have_mnemonics(qtbot, ctx, demo_conn):
    from pleodesk.ui.wizard import SetupWizard

    win = _window(qtbot, ctx)
    assert _unnamed_inputs(win) == []
    wiz = SetupWizard.for_new(ctx)
    qtbot.addWidget(wiz)
    assert _unnamed_inputs(wiz) == []
    labelled = [b for b in win.findChildren(QAbstractButton) if b.text() and b.isVisibleTo(win)]
    without = [b.text() for b in labelled if "&" not in b.text() and not b.text().startswith(("PLEO", "…"))
               and b.parent().inherits("QTabBar") is False and not b.inherits("QToolButton")]
    assert without == [], without
    assert win.export_tab.export_button.isDefault()


def test_an_export_that_is_already_waiting_is_not_left_spinning(qtbot, monkeypatch, ctx, demo_conn):
    """When the worker refuses the export (the same one is already queued), the tab says so and is
    usable again instead of showing a Cancel button that does nothing."""
    from pleodesk.ui.views.export_tab import ExportTab

    conn = demo_conn
    tab = ExportTab(ctx)
    qtbot.addWidget(tab)
    tab.set_connection(ctx.store.get_connection(conn.id))
    monkeypatch.setattr(ctx, "submit", lambda job: False)
    tab.export()
    assert tab._job is None
    assert tab.export_button.isEnabled() and not tab.cancel.isVisible()
    assert "already waiting" in tab.progress_text.text()


def test_the_export_tab_keeps_each_connections_export_when_switching(qtbot, monkeypatch, ctx, store, sandbox,
                                                                      demo_conn, journal_dir, tmp_path):
    """An export that waits behind other work stays this connection's: looking at another connection
    meanwhile neither shows it there nor loses it, and its result is shown on coming back."""
    import threading

    from pleodesk.demo import demo_plan
    from pleodesk.setup_file import apply_plan
    from pleodesk.ui import workers
    from pleodesk.ui.jobs import JobResult

    plan = demo_plan(sandbox, tmp_path / "other-journal", name="Second administration")
    plan.pleo_company_id = "another-pleo-company"        # one active connection per Pleo company
    other = apply_plan(store, plan)
    release = threading.Event()
    real_execute = workers.execute

    def execute(store_, job, progress=None):
        if job.kind == "queue":                # the work already running on the first connection
            release.wait(60)
            return JobResult(job, status="ok", message="")
        return real_execute(store_, job, progress)

    monkeypatch.setattr(workers, "execute", execute)
    try:
        _switch_connections_while_an_export_waits(qtbot, ctx, store, demo_conn.id, other.id, journal_dir, release)
    finally:
        release.set()


def _switch_connections_while_an_export_waits(qtbot, ctx, store, first_id, second_id, journal_dir, release):
    from pleodesk.ui.views.export_tab import ExportTab

    first = store.get_connection(first_id)
    second = store.get_connection(second_id)
    tab = ExportTab(ctx)
    qtbot.addWidget(tab)
    tab.set_connection(first)
    tab.set_month(MONTH)
    with qtbot.waitSignal(ctx.hub.run_started, timeout=WAIT_MS):
        assert ctx.submit(Job("queue", first.id, trigger="schedule"))
    tab.export()
    export_job = tab._job
    assert export_job is not None and export_job.kind == "export_month"
    assert "Waiting" in tab.progress_text.text() and tab.cancel.isVisibleTo(tab)

    tab.set_connection(second)                 # the other administration is free
    assert tab._job is None and tab.export_button.isEnabled() and not tab.cancel.isVisibleTo(tab)

    tab.set_connection(first)                  # back: still waiting, still cancellable
    assert tab._job is export_job and not tab.export_button.isEnabled() and tab.cancel.isEnabled()

    tab.set_connection(second)
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000,
                          check_params_cb=lambda cid, r: r.job is export_job):
        release.set()
    assert not tab.result_box.isVisibleTo(tab)  # the first connection's result is not shown here
    assert tab.export_button.isEnabled()
    exported = store.counts_by_status(first.id)["exported"]
    assert exported > 0 and len(journal_entries(journal_dir)) == exported

    tab.set_connection(first)                  # back again: the result is there, the tab is free
    assert tab._job is None and tab.export_button.isEnabled() and not tab.cancel.isVisibleTo(tab)
    assert tab.result_box.isVisibleTo(tab)
    assert str(exported) in tab.result_text.text()


def test_send_the_feed_now_follows_the_feed_setting(qtbot, ctx, demo_conn):
    """With the feed off, "Send the feed now" is off too (it would run a feed that is skipped)."""
    ctx.store.update_connection(demo_conn.id, settings={"bank_feed": False})
    win = _window(qtbot, ctx)
    win.show_tab(win.TAB_SETTINGS)
    s = win.settings_tab
    assert not s.feed.isChecked() and not s.feed_now.isEnabled()
    with qtbot.waitSignal(ctx.hub.settings_changed, timeout=WAIT_MS):
        s.feed.setChecked(True)
    assert s.feed_now.isEnabled()


def test_closing_the_window_keeps_pleodesk_running_in_the_tray(qtbot, ctx, demo_conn, monkeypatch):
    """Where a system tray shows pleodesk's icon, closing the window hides it (exports and the feed
    go on), says so once, and Quit still ends the app; without a tray, closing closes."""
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    from pleodesk.ui.tray import Tray

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    win = _window(qtbot, ctx)
    win.tray = Tray(ctx, win)
    assert win.tray.available
    assert not win.close() and not win.isVisible()          # hidden, not closed
    assert len(win.tray.messages) == 1 and "keeps running" in win.tray.messages[0][0]
    win.bring_to_front()
    assert win.isVisible()
    win.close()
    assert len(win.tray.messages) == 1                      # said once
    quits = []
    monkeypatch.setattr(QApplication.instance(), "quit", lambda: quits.append(1))
    win.bring_to_front()
    win._quit()                                             # File > Quit / the tray's Quit
    assert quits and win.close() and not win.isVisible()    # closing is no longer refused

    plain = _window(qtbot, ctx)                             # no tray icon: closing closes
    assert plain.close() and not plain.isVisible()
