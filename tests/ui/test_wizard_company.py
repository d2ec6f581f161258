"""One active connection per Pleo company, in the wizard (Pleo has one accounting integration per
company: the first connection to export takes all that waits in Pleo's export queue)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pleodesk.ui.wizard import SetupWizard
from pleodesk.ui.wizard import pages as P

from .helpers import WAIT_MS, click_next


def test_the_wizard_refuses_a_pleo_company_another_connection_exports(qtbot, ctx, sandbox, demo_conn):
    assert demo_conn.active and demo_conn.pleo_company_id == sandbox.company_id
    wiz = SetupWizard.for_new(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.currentPage().buttons["odoo"].setChecked(True)
    click_next(qtbot, wiz)
    page = wiz.currentPage()
    ctx.sandbox = sandbox
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already exports" in page.status.text(), timeout=WAIT_MS)
    assert demo_conn.name in page.status.text() and "Deactivate or delete" in page.status.text()
    assert not page.isComplete() and wiz.currentId() == P.ID_PLEO
    wiz.next()
    assert wiz.currentId() == P.ID_PLEO
    # Deactivated, the other connection no longer stands in the way.
    ctx.store.update_connection(demo_conn.id, active=False)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    assert "Connected to Demo Company B.V." in page.status.text()
    click_next(qtbot, wiz)
    assert wiz.state.name == "Demo Company B.V. – Odoo"


def test_activating_a_second_connection_for_the_company_is_refused(qtbot, ctx, sandbox, demo_conn):
    from pleodesk.ui.main_window import MainWindow

    other = ctx.store.add_connection("Second books", "journal_file", settings=dict(demo_conn.settings),
                                     pleo_company_id=demo_conn.pleo_company_id,
                                     pleo_base_url=demo_conn.pleo_base_url)
    other = ctx.store.update_connection(other.id, active=False)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.connections.count() == 2, timeout=WAIT_MS)
    win.select_connection(other.id)
    tab = win.settings_tab
    qtbot.waitUntil(lambda: tab.conn is not None and tab.conn.id == other.id, timeout=WAIT_MS)
    assert tab.active.text().replace("&", "") == "Activate"
    qtbot.mouseClick(tab.active, Qt.MouseButton.LeftButton)
    assert "Not activated" in tab.conn_status.text() and demo_conn.name in tab.conn_status.text()
    assert not ctx.store.get_connection(other.id).active


def test_an_unreachable_pleo_address_is_said_in_words(qtbot, ctx, sandbox):
    from .helpers import free_port

    wiz = SetupWizard.for_new(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.currentPage().buttons["journal_file"].setChecked(True)
    click_next(qtbot, wiz)
    page = wiz.currentPage()
    port = free_port()
    page.url.setText(f"http://127.0.0.1:{port}/pleo")
    page.key.setText(sandbox.api_key)
    page.company.setText(sandbox.company_id)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing answered" in page.status.text(), timeout=WAIT_MS)
    text = page.status.text()
    assert f"http://127.0.0.1:{port}" in text and "connection was refused" in text
    assert "Pleo answered" not in text and not page.isComplete()
