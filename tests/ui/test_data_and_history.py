"""A year of use in the window: History shows every run a page at a time; the Expenses list comes from
the store's columns (also for expenses stored before they existed); tabs load when they are shown;
the preview fills in as Pleo answers; the data folder is cleaned up, and a deleted connection takes
its data with it. Behaviour, not timings: the timings are in bench/."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from pleodesk import paths
from pleodesk.core import clock
from pleodesk.storage import retention
from pleodesk.ui import fmt
from pleodesk.ui.jobs import Job
from pleodesk.ui.main_window import MainWindow
from pleodesk.ui.models import RunsModel

from .conftest import MONTH
from .helpers import WAIT_MS

REPO = Path(__file__).resolve().parents[2]


def _window(qtbot, ctx, conn_id: int | None = None) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    if conn_id is not None:
        win.select_connection(conn_id)
    return win


def _loads(tab) -> list[int]:
    seen: list[int] = []
    tab.loaded.connect(lambda: seen.append(1))
    return seen


# ---------------------------------------------------------------- History -----------------------
def test_history_shows_every_run_a_page_at_a_time(qtbot, ctx, store):
    conn = store.add_connection("Nordlys", "journal_file", settings={"folder": "/tmp/x"})
    total = 2 * RunsModel.PAGE + 57                      # more than the old cap of 500 would need pages too
    first = store.start_run(conn.id, "export_month", "manual")
    store.finish_run(first, "ok", counts={"exported": 3})
    for i in range(total - 1):
        store.finish_run(store.start_run(conn.id, "queue", "scheduled"), "skipped",
                         skip_reasons={"nothing waiting for export": 1})
    win = _window(qtbot, ctx, conn.id)
    win.show_tab(win.TAB_HISTORY)
    model = win.history_tab.model
    qtbot.waitUntil(lambda: model.rowCount() == RunsModel.PAGE, timeout=WAIT_MS)
    assert win.history_tab.table.model() is model          # a model/view table, not cell by cell
    assert model.data(model.index(0, 3)) == "Scheduled"
    # Scrolling to the end reads the next pages, until every run is there.
    table = win.history_tab.table
    for _ in range(10):
        table.scrollToBottom()
        if model.rowCount() == total:
            break
        qtbot.waitUntil(lambda n=model.rowCount(): model.rowCount() > n or model.rowCount() == total,
                        timeout=WAIT_MS)
    assert model.rowCount() == total
    assert [r.id for r in model.runs] == [r.id for r in store.list_runs(conn.id, limit=None)]
    last = model.rowCount() - 1
    assert model.runs[last].id == first and model.data(model.index(last, 2)) == "Export a month"
    assert model.data(model.index(last, 5)) == "3 exported"
    table.selectRow(last)
    assert "Export a month" in win.history_tab.details.text()
    # A run that finishes while History is shown: the newest page is read again, the new run on top.
    with qtbot.waitSignal(win.history_tab.loaded, timeout=WAIT_MS):
        with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000):
            ctx.submit(Job("feed", conn.id))
    assert model.runs[0].kind == "feed" and model.rowCount() == RunsModel.PAGE


# ---------------------------------------------------------------- Expenses ----------------------
@pytest.fixture
def old_database(pleodesk_home):
    """The 0001 fixture database (made by the first schema, before the list columns) as the app's."""
    shutil.copy(REPO / "tests" / "data" / "schema" / "0001_initial.sqlite3", pleodesk_home / "pleodesk.sqlite3")
    return pleodesk_home / "pleodesk.sqlite3"


def test_expenses_stored_before_the_list_columns_show_as_before(qtbot, old_database, qapp):
    from pleodesk.storage import open_store
    from pleodesk.ui.context import AppContext

    store = open_store()
    ctx = AppContext(store, scheduler=False)
    try:
        # The list must not need the raw JSON: spoil it after the migration filled the columns.
        with store._engine.begin() as c:
            c.exec_driver_sql("UPDATE pleo_items SET raw = 'not json' WHERE id = 'ae-1002'")
        win = _window(qtbot, ctx, 1)
        win.show_tab(win.TAB_EXPENSES)
        tab = win.expenses_tab
        qtbot.waitUntil(lambda: len(tab.model.rows) == 5, timeout=WAIT_MS)
        m = tab.model

        def cells(eid: str) -> list[str]:
            row = m.find(eid)
            return [m.data(m.index(row, c)) for c in range(m.columnCount())]

        def day(s: str) -> str:
            return fmt.day(datetime.fromisoformat(s).date())

        assert cells("ae-1001") == [day("2026-03-02"), "DSB", "Freja Holm", fmt.money(Decimal("849.00"), "DKK"),
                                    "Travel", "Exported", "BNK1/2026/0007"]
        assert cells("ae-1002") == [day("2026-03-05"), "Restaurant Kronborg", "Freja Holm",
                                    fmt.money(Decimal("237.50"), "DKK"), "Meals", "Failed", "PLEO-ae-1002"]
        assert cells("ae-1004")[4:6] == ["Software", "Held"]
        assert cells("ae-1005")[3] == fmt.money(Decimal("-50000.00"), "DKK")
        assert [m.row_at(i).expense_id for i in range(5)] == ["ae-1005", "ae-1004", "ae-1003", "ae-1002",
                                                               "ae-1001"]      # newest first
        assert tab.filter_buttons["failed"].text().endswith("(1)")
        tab.search.setText("kronborg")
        qtbot.waitUntil(lambda: m.rowCount() == 1, timeout=WAIT_MS)
        assert m.row_at(0).expense_id == "ae-1002"
        # The details of a selected row are read then; a spoiled item shows what the row knows.
        assert tab.select_expense("ae-1002")
        assert "Restaurant Kronborg" in tab.preview.details.text()
        tab.search.setText("")
        qtbot.waitUntil(lambda: m.rowCount() == 5, timeout=WAIT_MS)
        win.close()
    finally:
        ctx.shutdown()
        store.close()


def test_a_pruned_expense_stays_listed_and_says_the_ledger_keeps_it(qtbot, ctx, store, pleodesk_home):
    conn = store.add_connection("Nordlys", "journal_file", settings={"folder": "/tmp/x"})
    item = {"accountingEntryId": "e1", "companyId": "c", "type": "card_purchase", "date": "2026-01-05T10:00:00Z",
            "amount": {"inWalletCurrency": {"value": 12_345, "currency": "EUR"}}, "supplier": {"name": "KLM"},
            "note": "Flight to Oslo", "files": [{"url": "u"}], "accountingEntryLines": []}
    store.upsert_pleo_items([item])
    store.ensure_records(conn.id, ["e1"])
    store.mark_exported(conn.id, "e1", ledger_id="PLEO-e1")
    store.upsert_receipt("e1", 0, url="u", mime="image/jpeg", size=1, status="downloaded",
                         local_path=paths.receipts_dir() / "e1" / "r.jpg")
    win = _window(qtbot, ctx, conn.id)
    win.show_tab(win.TAB_EXPENSES)
    tab = win.expenses_tab
    qtbot.waitUntil(lambda: len(tab.model.rows) == 1, timeout=WAIT_MS)
    assert tab.select_expense("e1")
    assert "Flight to Oslo" in tab.preview.details.text()             # Pleo's note, from the raw item
    retention.prune(store, ["e1"])
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        ctx.hub.records_changed.emit(conn.id)
    assert tab.select_expense("e1")
    details = tab.preview.details.text()
    assert "KLM" in details and "the ledger entry keeps them" in details and "Flight to Oslo" not in details
    assert tab.preview.image.text() == "In the ledger"


# ---------------------------------------------------------------- lazy tabs ---------------------
def test_hidden_tabs_load_only_when_they_are_shown(qtbot, ctx, demo_conn):
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000):
        ctx.submit(Job("export_month", demo_conn.id, params={"month": MONTH}))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    loads = {name: _loads(getattr(win, f"{name}_tab")) for name in ("export", "expenses", "problems", "history")}
    win.show()
    qtbot.waitExposed(win)
    assert win.tabs.currentWidget() is win.export_tab
    qtbot.waitUntil(lambda: bool(loads["export"]), timeout=WAIT_MS)             # the visible tab: its preview
    qtbot.wait(300)
    assert not loads["expenses"] and not loads["problems"] and not loads["history"]
    assert win.expenses_tab.model.rows == [] and win.history_tab.model.rowCount() == 0
    win.show_tab(win.TAB_HISTORY)
    qtbot.waitUntil(lambda: bool(loads["history"]), timeout=WAIT_MS)
    assert win.history_tab.model.rowCount() >= 1
    assert not loads["expenses"] and not loads["problems"]
    win.show_tab(win.TAB_EXPENSES)
    qtbot.waitUntil(lambda: bool(loads["expenses"]), timeout=WAIT_MS)
    assert len(win.expenses_tab.model.rows) == sum(ctx.store.counts_by_status(demo_conn.id).values())
    assert not loads["problems"]
    # Data that changes while a tab is hidden is read when it is shown again, not before.
    n = len(loads["history"])
    ctx.hub.records_changed.emit(demo_conn.id)
    win.history_tab.mark_stale(demo_conn.id)                # as a run finishing does
    qtbot.wait(300)
    assert len(loads["history"]) == n
    win.show_tab(win.TAB_HISTORY)
    qtbot.waitUntil(lambda: len(loads["history"]) > n, timeout=WAIT_MS)


def test_the_preview_shows_pleos_numbers_while_they_come_in(qtbot, ctx, demo_conn, monkeypatch):
    from pleodesk.core import engine

    monkeypatch.setattr(engine, "PREVIEW_PROGRESS_S", 0.0)              # a partial preview after every entry
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    tab = win.export_tab
    tab.set_month(MONTH)
    texts: list[str] = []
    original = tab._show_preview

    def spy(p):
        original(p)
        texts.append((bool(p.get("partial")), tab.preview_text.text(), p["count"]))

    monkeypatch.setattr(tab, "_show_preview", spy)
    win.show()
    qtbot.waitUntil(lambda: bool(texts) and not texts[-1][0], timeout=WAIT_MS)
    partial = [t for t in texts if t[0]]
    final = texts[-1]
    assert partial and all("so far" in text for _p, text, _n in partial)
    assert [n for _p, _t, n in partial] == sorted(n for _p, _t, n in partial)      # growing
    assert final[2] > 0 and "waiting for export" in final[1] and "so far" not in final[1]
    assert final[2] >= partial[-1][2]


# ---------------------------------------------------------------- the data folder ---------------
def _exported_with_receipts(store, conn_id: int, ids: list[str], exported_at: datetime) -> list[Path]:
    files = []
    store.upsert_pleo_items([{"accountingEntryId": eid, "companyId": "c", "type": "card_purchase",
                              "date": "2026-01-05T10:00:00Z", "note": "n" * 5000,
                              "amount": {"inWalletCurrency": {"value": 100, "currency": "EUR"}}}
                             for eid in ids])
    store.ensure_records(conn_id, ids)
    store.mark_exported_many(conn_id, [(eid, f"L-{eid}", None) for eid in ids], exported_at=exported_at)
    store.set_receipts_status_many(conn_id, ids, "done")
    for eid in ids:
        f = paths.receipts_dir() / eid / f"{eid}-1.pdf"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(b"%PDF" + bytes(30_000))
        store.upsert_receipt(eid, 0, url="u", mime="application/pdf", size=f.stat().st_size, status="downloaded",
                             local_path=f)
        files.append(f)
    return files


def test_clean_up_now_removes_what_retention_allows_and_says_how_much_it_freed(qtbot, ctx, store, monkeypatch):
    results = []
    clean_up = retention.clean_up
    monkeypatch.setattr(retention, "clean_up", lambda *a, **k: results.append(clean_up(*a, **k)) or results[-1])
    conn = store.add_connection("Nordlys", "journal_file", settings={"folder": "/tmp/x"})
    old = _exported_with_receipts(store, conn.id, [f"old{i}" for i in range(20)],
                                  clock.now() - timedelta(days=800))
    recent = _exported_with_receipts(store, conn.id, ["new"], clock.now() - timedelta(days=3))
    win = _window(qtbot, ctx, conn.id)
    win.show_tab(win.TAB_SETTINGS)
    box = win.settings_tab.data_folder
    assert box.months.currentData() == retention.DEFAULT_MONTHS
    qtbot.waitUntil(lambda: "receipts" in box.size.text(), timeout=WAIT_MS)
    before = retention.data_folder_size(store, paths.receipts_dir())
    box.clean_button.click()
    qtbot.waitUntil(lambda: "Freed" in box.status.text(), timeout=WAIT_MS)
    after = retention.data_folder_size(store, paths.receipts_dir())
    from pleodesk.ui.views.data_folder import size_text

    (result,) = results
    assert before.total - after.total > 20 * 30_000
    # What it says it freed is what left the folder (give or take the few bytes of app.ini that
    # remember when it cleaned up).
    assert abs(result.freed - (before.total - after.total)) < 512
    assert box.status.text() == f"✔ Freed {size_text(result.freed)}."
    assert not any(f.exists() for f in old) and all(f.exists() for f in recent)
    assert store.get_pleo_item("old3") is None and store.get_pleo_item("new") is not None
    assert box.size.text().endswith(f"(database {size_text(after.database)}, receipts {size_text(after.receipts)})")


def test_the_retention_setting_is_kept_and_used(qtbot, ctx, store):
    from pleodesk.ui.views.data_folder import retention_months

    conn = store.add_connection("Nordlys", "journal_file", settings={"folder": "/tmp/x"})
    files = _exported_with_receipts(store, conn.id, ["e1"], clock.now() - timedelta(days=800))
    win = _window(qtbot, ctx, conn.id)
    win.show_tab(win.TAB_SETTINGS)
    box = win.settings_tab.data_folder
    box.months.setCurrentIndex(box.months.findData(0))                  # keep everything
    assert retention_months() == 0
    box.clean_button.click()
    qtbot.waitUntil(lambda: "Freed" in box.status.text(), timeout=WAIT_MS)
    assert files[0].exists() and store.get_pleo_item("e1") is not None
    box.months.setCurrentIndex(box.months.findData(24))
    assert retention_months() == 24
    box.clean_button.click()
    qtbot.waitUntil(lambda: box.clean_button.isEnabled(), timeout=WAIT_MS)
    assert not files[0].exists() and store.get_pleo_item("e1") is None


def test_deleting_a_connection_deletes_its_pleo_data_and_receipts(qtbot, ctx, store, monkeypatch):
    gone = store.add_connection("Old books", "journal_file", settings={"folder": "/tmp/x"})
    kept = store.add_connection("New books", "journal_file", settings={"folder": "/tmp/y"})
    mine = _exported_with_receipts(store, gone.id, ["a1", "a2"], clock.now())
    shared = _exported_with_receipts(store, gone.id, ["s1"], clock.now())
    store.ensure_records(kept.id, ["s1"])
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    win = _window(qtbot, ctx, gone.id)
    with qtbot.waitSignal(ctx.hub.connections_changed, timeout=WAIT_MS):
        win.delete_connection()
    assert [c.name for c in store.list_connections()] == ["New books"]
    assert store.get_pleo_items(["a1", "a2", "s1"]).keys() == {"s1"}
    assert store.receipts_for("a1") == [] and not any(f.exists() for f in mine)
    assert not (paths.receipts_dir() / "a1").exists()
    assert all(f.exists() for f in shared) and store.receipts_for("s1")[0].status == "downloaded"
