"""The first export after the wizard's Save does what the user asked, while the export queue is checked
for the new connection at the same time (as the scheduler does as soon as a connection is saved)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from pleodesk.ui.jobs import Job, JobResult

from .conftest import MONTH
from .helpers import WAIT_MS
from .test_wizard_export import run_wizard


def test_export_right_after_saving_runs_while_the_queue_is_checked(qtbot, monkeypatch, ctx, sandbox, journal_dir):
    from pleodesk.ui import workers
    from pleodesk.ui.main_window import MainWindow

    release = threading.Event()
    real_execute = workers.execute

    def execute(store_, job, progress=None):
        if job.kind == "queue":                 # the scheduler's first look at Pleo's export queue
            release.wait(30)
            return JobResult(job, status="skipped", message="Nothing was waiting in Pleo's export queue.")
        return real_execute(store_, job, progress)

    monkeypatch.setattr(workers, "execute", execute)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    wiz = run_wizard(qtbot, ctx, sandbox, journal_dir)
    # What the scheduler does when a connection is saved: check the queue at once (before the window
    # shows the new connection).
    def check_queue(conn, _month) -> None:
        import time

        ctx.submit(Job("queue", conn.id, trigger="schedule"))
        deadline = time.monotonic() + 10
        while ctx.workers.current(conn.id) is None and time.monotonic() < deadline:
            time.sleep(0.01)                   # running on its worker thread before the window looks

    wiz.finished_setup.connect(check_queue)
    wiz.finished_setup.connect(win._setup_done)
    summary = wiz.currentPage()
    assert summary.export_now.property("month") == MONTH
    summary.export_now.setChecked(True)
    exports = []
    ctx.hub.run_finished.connect(lambda _cid, r: exports.append(r) if r.job.kind == "export_month" else None)
    try:
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        tab = win.export_tab
        qtbot.waitUntil(lambda: "Waiting for the work already running" in tab.progress_text.text(), timeout=WAIT_MS)
        assert not tab.result_box.isVisible()
    finally:
        release.set()
    qtbot.waitUntil(lambda: bool(exports), timeout=60_000)
    qtbot.waitUntil(tab.result_box.isVisible, timeout=WAIT_MS)
    text = tab.result_text.text()
    assert "Nothing was waiting" not in text and f"{exports[0].counts['exported']} exported" in text
    assert exports[0].counts["exported"] > 0
    runs = ctx.store.list_runs(win.conn.id)
    assert [r.kind for r in runs if r.kind == "export_month"] == ["export_month"]


def test_a_queue_check_running_is_not_shown_as_an_export(qtbot, monkeypatch, ctx, sandbox, demo_conn):
    """Unticked: the window shows the new connection while its queue is checked; the check's result is
    not the export tab's, and Export can be pressed (it waits for the check)."""
    from pleodesk.ui import workers
    from pleodesk.ui.main_window import MainWindow

    release = threading.Event()
    real_execute = workers.execute

    def execute(store_, job, progress=None):
        if job.kind == "queue":
            release.wait(30)
            return JobResult(job, status="skipped", message="Nothing was waiting in Pleo's export queue.")
        return real_execute(store_, job, progress)

    monkeypatch.setattr(workers, "execute", execute)
    with qtbot.waitSignal(ctx.hub.run_started, timeout=WAIT_MS):
        ctx.submit(Job("queue", demo_conn.id, trigger="schedule"))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    tab = win.export_tab
    qtbot.waitUntil(lambda: tab.conn is not None, timeout=WAIT_MS)
    tab.set_month(MONTH)
    assert tab.export_button.isEnabled()
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=WAIT_MS, check_params_cb=lambda _c, r: r.job.kind == "queue"):
        release.set()
    qtbot.wait(100)
    assert not tab.result_box.isVisible()
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000,
                          check_params_cb=lambda _c, r: r.job.kind == "export_month"):
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.result_box.isVisible, timeout=WAIT_MS)
    assert "exported" in tab.result_text.text()
