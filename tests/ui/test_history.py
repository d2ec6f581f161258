"""The History tab after a crash: a run whose process is gone shows as interrupted, not running."""

from __future__ import annotations

from pleodesk.ui.main_window import MainWindow

from .helpers import WAIT_MS


def test_a_run_whose_process_is_gone_shows_as_interrupted_when_the_app_starts(qtbot, qapp, store, demo_conn):
    from pleodesk.ui.context import AppContext

    run_id = store.start_run(demo_conn.id, "export_month", "manual", job_id="job-killed")
    store._release_run(run_id)           # its process is gone (killed): nobody holds the run's lock now
    live = store.start_run(demo_conn.id, "feed", "manual")      # this process's own: still running
    ctx = AppContext(store, scheduler=False)
    try:
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        win.show()
        win.show_tab(win.TAB_HISTORY)
        tab = win.history_tab
        qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=WAIT_MS)
        status = {r.id: r.status for r in store.list_runs(demo_conn.id)}
        assert status == {run_id: "interrupted", live: "running"}
        row = next(i for i, r in enumerate(tab.runs) if r.id == run_id)
        assert tab.model.index(row, 4).data() == "Interrupted"
        tab.table.selectRow(row)
        tab._show(row)
        assert "stopped before this run finished" in tab.details.text()
    finally:
        store.finish_run(live, "ok")
        ctx.shutdown()
