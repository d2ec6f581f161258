"""The main window: connections on the left; for the chosen one, a banner when it needs attention and
the tabs Export a month, Expenses, Problems, History and Settings."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QProgressBar, QPushButton, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout,
                               QWidget)

from pleodesk import __version__
from pleodesk.ui import systems
from pleodesk.ui.i18n import LANGUAGES
from pleodesk.ui.resources import app_icon, icon, resources_dir, state_icon
from pleodesk.ui.tasks import run_task
from pleodesk.ui.views.common import connection_state, counts_text, kind_name, run_status_name, state_name
from pleodesk.ui.views.dialogs import MappingsDialog, ReconnectDialog, failed_side
from pleodesk.ui.views.expenses_tab import ExpensesTab
from pleodesk.ui.views.export_tab import ExportTab
from pleodesk.ui.views.history_tab import HistoryTab
from pleodesk.ui.views.problems_tab import ProblemsTab
from pleodesk.ui.views.settings_tab import SettingsTab
from pleodesk.ui.widgets import Banner, heading, hint

log = logging.getLogger(__name__)

CONN_ROLE = Qt.ItemDataRole.UserRole


def screen_area(widget):
    """The screen's free area (without taskbars and panels) where ``widget`` is, or None."""
    screen = widget.screen() if widget is not None else None
    return screen.availableGeometry() if screen is not None else None


class MainWindow(QMainWindow):
    TAB_EXPORT, TAB_EXPENSES, TAB_PROBLEMS, TAB_HISTORY, TAB_SETTINGS = range(5)

    def __init__(self, ctx=None, translations=None, store=None) -> None:
        super().__init__()
        if ctx is None:  # a bare window (no app around it): make the shared parts here
            from pleodesk.storage import open_store
            from pleodesk.ui.context import AppContext

            ctx = AppContext(store or open_store(), scheduler=False, parent=self)
        self.ctx = ctx
        self.store = ctx.store
        self.translations = translations
        self.wizard = None
        self.conn = None
        self._conns: list = []
        # (connection id, kind) -> why the scheduler could not plan it (0: every connection)
        self._background_problems: dict[tuple[int, str], str] = {}
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setMinimumSize(900, 600)
        self._place()
        self._build()
        hub = ctx.hub
        hub.connections_changed.connect(self.refresh_connections)
        hub.connection_state_changed.connect(self._state_changed)
        hub.problems_changed.connect(self._problems_changed)
        hub.run_started.connect(self._run_started)
        hub.run_progress.connect(self._run_progress)
        hub.run_finished.connect(self._run_finished)
        hub.background_problem.connect(self._background_problem)
        self.refresh_connections()

    # ------------------------------------------------------------------ building ---------------
    def _build(self) -> None:
        self.setWindowTitle(self.tr("pleodesk"))
        self._build_menu()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(8, 8, 8, 8)
        # A notice about the whole app (not one connection): e.g. its data was not found.
        self.notice = QLabel(central)
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.setStyleSheet("QLabel { background: #FEF3C7; border: 1px solid #F59E0B; border-radius: 4px; "
                                  "padding: 8px; color: #78350F; }")
        self.notice.hide()
        column.addWidget(self.notice)
        outer = QHBoxLayout()
        outer.setContentsMargins(0, 0, 0, 0)
        column.addLayout(outer, 1)
        split = QSplitter(Qt.Orientation.Horizontal, central)
        outer.addWidget(split)

        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Connections"), left)
        title.setStyleSheet("font-weight: bold;")
        ll.addWidget(title)
        self.connections = QListWidget(left)
        self.connections.setAccessibleName(self.tr("Connections"))
        self.connections.setIconSize(QSize(16, 16))
        self.connections.setSpacing(2)
        self.connections.setMinimumWidth(230)
        self.connections.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.connections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.connections.setUniformItemSizes(False)
        title.setBuddy(self.connections)
        ll.addWidget(self.connections, 1)
        self.add_button = QPushButton(icon("add"), self.tr("&Add a connection…"), left)
        self.add_button.setAccessibleName(self.tr("Add a connection"))
        ll.addWidget(self.add_button)
        split.addWidget(left)

        self.stack = QStackedWidget(split)
        split.addWidget(self.stack)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([250, 930])

        # empty: no connection yet
        empty = QWidget(self.stack)
        el = QVBoxLayout(empty)
        el.addStretch(1)
        logo = QLabel(empty)
        logo.setPixmap(app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        el.addWidget(logo)
        h = heading(self.tr("Connect Pleo to your books"), empty, 1.6)
        h.setAlignment(Qt.AlignmentFlag.AlignCenter)
        el.addWidget(h)
        t = hint(self.tr("pleodesk sends your company's Pleo expenses to your accounting system, with categories, "
                         "VAT, labels and receipts. Set up a connection for each administration."), empty)
        t.setAlignment(Qt.AlignmentFlag.AlignCenter)
        el.addWidget(t)
        b = QPushButton(icon("add"), self.tr("&Set up a connection"), empty)
        b.setDefault(True)
        b.clicked.connect(self.add_connection)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(b)
        row.addStretch(1)
        el.addLayout(row)
        el.addStretch(2)
        self.stack.addWidget(empty)
        self.empty_page = empty

        # draft: a setup that was not finished
        draft = QWidget(self.stack)
        dl = QVBoxLayout(draft)
        dl.addStretch(1)
        self.draft_title = heading("", draft, 1.4)
        self.draft_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        dl.addWidget(self.draft_title)
        self.draft_text = hint("", draft)
        self.draft_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        dl.addWidget(self.draft_text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.continue_button = QPushButton(self.tr("&Continue the setup"), draft)
        self.continue_button.setDefault(True)
        self.discard_button = QPushButton(self.tr("&Discard it"), draft)
        row.addWidget(self.continue_button)
        row.addWidget(self.discard_button)
        row.addStretch(1)
        dl.addLayout(row)
        dl.addStretch(2)
        self.stack.addWidget(draft)
        self.draft_page = draft

        # a connection
        page = QWidget(self.stack)
        pl = QVBoxLayout(page)
        pl.setContentsMargins(4, 0, 0, 0)
        head = QHBoxLayout()
        self.conn_title = heading("", page, 1.4)
        self.conn_subtitle = hint("", page)
        head.addWidget(self.conn_title)
        head.addWidget(self.conn_subtitle, 1)
        pl.addLayout(head)
        self.banner = Banner(page)
        pl.addWidget(self.banner)
        self.tabs = QTabWidget(page)
        self.tabs.setDocumentMode(True)
        self.export_tab = ExportTab(self.ctx, self.tabs)
        self.expenses_tab = ExpensesTab(self.ctx, self.tabs)
        self.problems_tab = ProblemsTab(self.ctx, self.tabs)
        self.history_tab = HistoryTab(self.ctx, self.tabs)
        self.settings_tab = SettingsTab(self.ctx, self.tabs)
        self.tabs.addTab(self.export_tab, icon("export"), self.tr("E&xport a month"))
        self.tabs.addTab(self.expenses_tab, icon("expenses"), self.tr("Ex&penses"))
        self.tabs.addTab(self.problems_tab, icon("problems"), self.tr("P&roblems"))
        self.tabs.addTab(self.history_tab, icon("history"), self.tr("H&istory"))
        self.tabs.addTab(self.settings_tab, icon("settings"), self.tr("Se&ttings"))
        pl.addWidget(self.tabs, 1)
        self.stack.addWidget(page)
        self.conn_page = page
        self.setCentralWidget(central)

        self.status_text = QLabel(self)
        self.status_text.setAccessibleName(self.tr("Status"))
        self.status_progress = QProgressBar(self)
        self.status_progress.setMaximumWidth(180)
        self.status_progress.setMaximumHeight(14)
        self.status_progress.setTextVisible(False)
        self.status_progress.hide()
        self.statusBar().addWidget(self.status_text, 1)
        self.statusBar().addPermanentWidget(self.status_progress)

        self.connections.currentItemChanged.connect(self._selection_changed)
        self.add_button.clicked.connect(self.add_connection)
        self.continue_button.clicked.connect(lambda: self.conn and self.continue_setup(self.conn))
        self.discard_button.clicked.connect(self._discard_draft)
        self.banner.action.connect(self._banner_action)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.problems_tab.fix_requested.connect(self.open_mappings)
        self.problems_tab.show_expense.connect(self._show_expense)
        self.settings_tab.edit_setup.connect(lambda: self.conn and self.edit_setup(self.conn))
        self.settings_tab.edit_mappings.connect(lambda tab: self.open_mappings(tab, ""))
        self.settings_tab.delete_requested.connect(self.delete_connection)
        self.settings_tab.language_requested.connect(self.set_language)
        self.settings_tab.set_language(self.translations.language if self.translations else "en")

    def _build_menu(self) -> None:
        mb = self.menuBar()
        mb.clear()
        file_menu = mb.addMenu(self.tr("&File"))
        a = QAction(icon("add"), self.tr("&Add a connection…"), self)
        a.setShortcut(QKeySequence.StandardKey.New)
        a.triggered.connect(self.add_connection)
        file_menu.addAction(a)
        a = QAction(self.tr("Check the export &queue now"), self)
        a.setShortcut(QKeySequence("Ctrl+R"))
        a.triggered.connect(self.run_queue_now)
        file_menu.addAction(a)
        file_menu.addSeparator()
        a = QAction(self.tr("&Quit"), self)
        a.setShortcut(QKeySequence.StandardKey.Quit)
        a.triggered.connect(self._quit)
        file_menu.addAction(a)
        view = mb.addMenu(self.tr("&View"))
        a = QAction(self.tr("&Refresh"), self)
        a.setShortcut(QKeySequence.StandardKey.Refresh)
        a.triggered.connect(self.refresh_all)
        view.addAction(a)
        for n, name in enumerate((self.tr("Export a month"), self.tr("Expenses"), self.tr("Problems"),
                                  self.tr("History"), self.tr("Settings"))):
            a = QAction(name, self)
            a.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            a.triggered.connect(lambda _c=False, i=n: self.show_tab(i))
            view.addAction(a)
        lang = mb.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = self.translations.language if self.translations else "en"
        for code, name in LANGUAGES.items():
            a = QAction(name, self)
            a.setCheckable(True)
            a.setChecked(code == current)
            a.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            group.addAction(a)
            lang.addAction(a)
        help_menu = mb.addMenu(self.tr("&Help"))
        a = QAction(self.tr("&User guide"), self)
        a.setShortcut(QKeySequence.StandardKey.HelpContents)
        a.triggered.connect(self.open_guide)
        help_menu.addAction(a)
        a = QAction(self.tr("&About pleodesk"), self)
        a.triggered.connect(self.about)
        help_menu.addAction(a)

    # ------------------------------------------------------------------ connections ------------
    @staticmethod
    def had_connections() -> bool:
        """Whether pleodesk had connections when it last ran (read before the store is opened)."""
        from pleodesk.ui import prefs

        return prefs.get("data/has_connections", "false") in (True, "true")

    def check_data_found(self, database_existed: bool, had_connections: bool) -> None:
        """At start: when pleodesk had connections before but its database is gone (deleted or moved while
        the app was closed), say so, and where the data folder is, before the setup starts anew."""
        from pleodesk import paths

        if database_existed or not had_connections:
            return
        self.notice.setText(self.tr(
            "No pleodesk data was found in {folder}: its database was deleted or moved while pleodesk was closed. "
            "The setup starts anew. To go on with the earlier connections, quit pleodesk and put the file {file} "
            "back in that folder.").format(folder=paths.data_dir(), file=paths.database_path().name))
        self.notice.show()

    def _remember_data(self) -> None:
        from pleodesk.ui import prefs

        has = "true" if any(not (c.settings or {}).get("wizard") for c in self._conns) else "false"
        if prefs.get("data/has_connections", "false") != has:
            prefs.set("data/has_connections", has)

    def refresh_connections(self) -> None:
        current = self.conn.id if self.conn is not None else None
        self._conns = self.store.list_connections()
        self._remember_data()
        self.connections.blockSignals(True)
        self.connections.clear()
        select_row = -1
        for n, c in enumerate(self._conns):
            item = QListWidgetItem(self._conn_text(c))
            state = connection_state(c)
            item.setIcon(state_icon(state))
            item.setData(CONN_ROLE, c.id)
            item.setToolTip(state_name(state) + (f"\n{c.state_message}" if c.state_message else ""))
            self.connections.addItem(item)
            if c.id == current:
                select_row = n
        self.connections.blockSignals(False)
        if not self._conns:
            self.conn = None
            self.stack.setCurrentWidget(self.empty_page)
            self.status_text.setText(self.tr("No connection yet."))
            return
        self.connections.setCurrentRow(select_row if select_row >= 0 else 0)
        if select_row >= 0:
            self._show_connection(self._conns[select_row])

    def _conn_text(self, c) -> str:
        # The state first: in a narrow list the end of the line is cut off, and the state matters most.
        return f"{c.name}\n{state_name(connection_state(c))} · {systems.short_label(c.system)}"

    def _selection_changed(self, item, _previous) -> None:
        if item is None:
            return
        cid = item.data(CONN_ROLE)
        conn = next((c for c in self._conns if c.id == cid), None)
        if conn is not None:
            self._show_connection(conn)

    def select_connection(self, conn_id: int) -> None:
        for row in range(self.connections.count()):
            if self.connections.item(row).data(CONN_ROLE) == conn_id:
                self.connections.setCurrentRow(row)
                return

    def _show_connection(self, conn) -> None:
        self.conn = conn
        state = connection_state(conn)
        if state == "draft":
            self.draft_title.setText(self.tr("The setup of {name} is not finished").format(name=conn.name))
            self.draft_text.setText(self.tr("Continue where you left off, or discard it. Nothing has been exported "
                                            "for it."))
            self.stack.setCurrentWidget(self.draft_page)
            return
        self.stack.setCurrentWidget(self.conn_page)
        self.conn_title.setText(conn.name)
        company = (conn.settings or {}).get("pleo_company_name") or ""
        self.conn_subtitle.setText(" · ".join(x for x in (systems.label(conn.system), company,
                                                          self.tr("demo") if (conn.settings or {}).get("demo") else "")
                                              if x))
        self._update_banner()
        for tab in (self.export_tab, self.expenses_tab, self.problems_tab, self.history_tab, self.settings_tab):
            tab.set_connection(conn)
        count = self.ctx.workers.known_problem_count(conn.id)
        self._set_problem_tab_title(count)

    def _update_banner(self) -> None:
        c = self.conn
        if c is None:
            return
        state = connection_state(c)
        if state == "inactive":
            self.banner.show_message("info", self.tr("This connection is deactivated: nothing is exported for it."),
                                     self.tr("&Activate"), state_icon("inactive"))
        elif state == "disconnected":
            msg = html.escape(c.state_message or "")
            side = failed_side(c)
            if side == "pleo":
                text = self.tr("<b>Disconnected.</b> Pleo refused the stored API key.")
            elif side == "ledger":
                text = self.tr("<b>Disconnected.</b> {system} refused the stored credentials.").format(
                    system=html.escape(systems.label(c.system)))
            else:
                text = self.tr("<b>Disconnected.</b> pleodesk cannot reach Pleo or the ledger with the stored "
                               "credentials.")
            self.banner.show_message("error", text + (f"<br>{msg}" if msg else ""),
                                     self.tr("&Reconnect…"), state_icon("disconnected"))
        elif state == "needs_attention":
            count = self.ctx.workers.known_problem_count(c.id)
            if count:
                text = self.tr("%n expense(s) held or failed: nothing was lost, but not in the ledger yet.", "",
                               count)
            else:
                text = html.escape(c.state_message or self.tr("Some expenses need attention."))
            self.banner.show_message("warning", text, self.tr("Show &problems"), state_icon("needs_attention"))
        elif self._background_text(c.id):
            self.banner.show_message("warning", html.escape(self._background_text(c.id)), None,
                                     state_icon("needs_attention"))
        else:
            self.banner.hide()

    def _background_text(self, conn_id: int) -> str:
        """What the scheduler could not plan for a connection, in a sentence ("" when all is well)."""
        found = [(kind, msg) for (cid, kind), msg in sorted(self._background_problems.items())
                 if cid in (0, conn_id)]
        if not found:
            return ""
        kind, msg = found[0]
        what = kind_name(kind) if kind != "connections" else self.tr("Background work")
        return self.tr("{what} could not be planned: {error}. The rest of the background work goes on; the "
                       "details are in the log.").format(what=what, error=msg)

    def _background_problem(self, conn_id: int, kind: str, message: str) -> None:
        if message:
            self._background_problems[(conn_id, kind)] = message
            name = self._conn_name(conn_id) or self.tr("pleodesk")
            what = kind_name(kind) if kind != "connections" else self.tr("Background work")
            self.status_text.setText(self.tr("{name}: {what} could not be planned: {error}").format(
                name=name, what=what, error=message))
        else:
            self._background_problems.pop((conn_id, kind), None)
        if self.conn is not None and conn_id in (0, self.conn.id):
            self._update_banner()

    def _banner_action(self) -> None:
        c = self.conn
        if c is None:
            return
        state = connection_state(c)
        if state == "disconnected":
            self.reconnect()
        elif state == "needs_attention":
            self.show_tab(self.TAB_PROBLEMS)
        elif state == "inactive":
            self.settings_tab.conn = c
            self.settings_tab._toggle_active()

    def _reload_current(self) -> None:
        if self.conn is None:
            return
        fresh = self.store.get_connection(self.conn.id)
        if fresh is None:
            self.refresh_connections()
            return
        for row in range(self.connections.count()):
            item = self.connections.item(row)
            if item.data(CONN_ROLE) == fresh.id:
                item.setText(self._conn_text(fresh))
                item.setIcon(state_icon(connection_state(fresh)))
        self._conns = [fresh if c.id == fresh.id else c for c in self._conns]
        self._show_connection(fresh)

    def _state_changed(self, conn_id: int, state: str, message: str) -> None:
        for row in range(self.connections.count()):
            item = self.connections.item(row)
            if item.data(CONN_ROLE) == conn_id:
                fresh = self.store.get_connection(conn_id)
                if fresh is not None:
                    item.setText(self._conn_text(fresh))
                    item.setIcon(state_icon(connection_state(fresh)))
                    self._conns = [fresh if c.id == conn_id else c for c in self._conns]
        if self.conn is not None and conn_id == self.conn.id:
            self._reload_current()

    def _problems_changed(self, conn_id: int, count: int) -> None:
        if self.conn is not None and conn_id == self.conn.id:
            self._set_problem_tab_title(count)
            self._update_banner()

    def _set_problem_tab_title(self, count: int | None) -> None:
        self.tabs.setTabText(self.TAB_PROBLEMS, self.tr("P&roblems ({n})").format(n=count) if count
                             else self.tr("P&roblems"))

    def show_tab(self, index: int) -> None:
        if self.stack.currentWidget() is self.conn_page:
            self.tabs.setCurrentIndex(index)

    def _tab_changed(self, index: int) -> None:
        w = self.tabs.widget(index)
        if hasattr(w, "activated"):
            w.activated()

    def _show_expense(self, expense_id: str) -> None:
        self.show_tab(self.TAB_EXPENSES)
        self.expenses_tab.show_status("all")
        if not self.expenses_tab.select_expense(expense_id):
            self.expenses_tab.search.setText(expense_id)

    # ------------------------------------------------------------------ runs in the status bar --
    def _conn_name(self, conn_id: int) -> str:
        c = next((c for c in self._conns if c.id == conn_id), None)
        return c.name if c else ""

    def _run_started(self, conn_id: int, kind: str, trigger: str) -> None:
        self.status_text.setText(self.tr("{name}: {what} running…").format(name=self._conn_name(conn_id),
                                                                          what=kind_name(kind)))
        self.status_progress.setRange(0, 0)
        self.status_progress.show()

    def _run_progress(self, conn_id: int, job, p) -> None:
        if p.total:
            self.status_progress.setRange(0, p.total)
            self.status_progress.setValue(min(p.done, p.total))

    def _run_finished(self, conn_id: int, result) -> None:
        if not result.job.is_run:
            return
        self.status_progress.hide()
        counts = counts_text(result.counts)
        self.status_text.setText(self.tr("{name}: {what} — {status}{counts}").format(
            name=self._conn_name(conn_id), what=kind_name(result.job.kind), status=run_status_name(result.status),
            counts=f" ({counts})" if counts else ""))

    # ------------------------------------------------------------------ actions ----------------
    def add_connection(self) -> None:
        from pleodesk.ui.wizard import SetupWizard

        self._open_wizard(SetupWizard.for_new(self.ctx, self))

    def continue_setup(self, conn) -> None:
        from pleodesk.ui.wizard import SetupWizard

        self._open_wizard(SetupWizard.for_draft(self.ctx, conn, self))

    def edit_setup(self, conn) -> None:
        from pleodesk.ui.wizard import SetupWizard

        self._open_wizard(SetupWizard.for_edit(self.ctx, conn, self))

    def _open_wizard(self, wizard) -> None:
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            wizard.deleteLater()
            return
        self.wizard = wizard
        wizard.setWindowModality(Qt.WindowModality.WindowModal)
        wizard.finished_setup.connect(self._setup_done)
        wizard.finished.connect(lambda _r: self.refresh_connections())
        wizard.show()

    def _setup_done(self, conn, month) -> None:
        self.refresh_connections()
        self.select_connection(conn.id)
        self.show_tab(self.TAB_EXPORT)
        if month:
            QTimer.singleShot(0, lambda: self.export_tab.start_export(month))

    def _discard_draft(self) -> None:
        from pleodesk.ui.wizard import discard_draft

        c = self.conn
        if c is None:
            return
        if QMessageBox.question(self, self.tr("Discard the setup"),
                                self.tr("Discard the unfinished setup {name}?").format(name=c.name)) \
                != QMessageBox.StandardButton.Yes:
            return
        self.conn = None
        discard_draft(self.ctx, c, lambda exc: QMessageBox.warning(
            self, self.tr("Discard the setup"),
            self.tr("{name} was not discarded: {error}").format(name=c.name, error=str(exc))))

    def reconnect(self) -> None:
        if self.conn is None:
            return
        dlg = ReconnectDialog(self.ctx, self.conn, self)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.finished.connect(lambda _r: self._reload_current())
        self.reconnect_dialog = dlg
        dlg.show()

    def open_mappings(self, tab: str, key: str) -> None:
        if self.conn is None:
            return
        dlg = MappingsDialog(self.ctx, self.conn, tab, key, self)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.finished.connect(lambda _r: self.settings_tab._counts() if self.conn else None)
        self.mappings_dialog = dlg
        dlg.show()

    def delete_connection(self) -> None:
        c = self.conn
        if c is None:
            return
        if QMessageBox.warning(
                self, self.tr("Delete the connection"),
                self.tr("Delete {name} with its mappings, history, Pleo data and downloaded receipts? The ledger keeps "
                        "what was exported. This cannot be undone.").format(name=c.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Yes:
            return
        self.ctx.workers.forget(c.id)
        self.export_tab.forget_connection(c.id)
        self.conn = None
        disconnect = systems.disconnector(c.system)
        if disconnect is None:
            self._delete_locally(c, [])
            return
        # First end the connection in the ledger too (off the GUI thread), while its secrets are still
        # in the keyring; the connection is deleted here whatever the ledger says.
        self.status_text.setText(self.tr("Disconnecting {name} from {system}…").format(
            name=c.name, system=systems.label(c.system)))

        def ledger_done(problems) -> None:
            self._delete_locally(c, [str(p) for p in (problems or [])])

        def ledger_failed(exc: BaseException) -> None:
            self._delete_locally(c, [str(exc)])

        run_task(lambda: disconnect(c), ledger_done, ledger_failed, owner=self)

    def _delete_locally(self, c, ledger_problems: list[str]) -> None:
        """Delete ``c`` from the store and its secrets from the keyring; then say what the ledger could
        not be told."""
        store, hub = self.store, self.ctx.hub

        def work():
            from pleodesk import paths
            from pleodesk.connections import forget_connection_secrets
            from pleodesk.storage.retention import remove_files

            # Its Pleo data and downloaded receipts go with it (those another connection has stay).
            remove_files(store.delete_connection(c.id), paths.receipts_dir())
            store.audit("connection_deleted", None, connection=c.name, system=c.system)
            forget_connection_secrets(c)

        def failed(exc) -> None:
            hub.connections_changed.emit()
            QMessageBox.warning(self, self.tr("Delete the connection"),
                                self.tr("{name} was not deleted: {error}").format(name=c.name, error=str(exc)))

        def done(_r) -> None:
            hub.connections_changed.emit()
            if ledger_problems:
                QMessageBox.warning(
                    self, self.tr("Delete the connection"),
                    self.tr("{name} was deleted here, but {system} could not be told.\n\n{problems}").format(
                        name=c.name, system=systems.label(c.system), problems=" ".join(ledger_problems)))

        self.ctx.write(work, done, failed)

    def run_queue_now(self) -> None:
        from pleodesk.ui.jobs import Job

        if self.conn is not None and self.conn.active:
            self.ctx.submit(Job("queue", self.conn.id))

    def refresh_all(self) -> None:
        self.refresh_connections()
        if self.conn is not None:
            self.ctx.hub.records_changed.emit(self.conn.id)

    def set_language(self, code: str) -> None:
        """Switch the language now: the window is rebuilt in the new one."""
        from pleodesk.ui import prefs

        prefs.set_language(code)
        if self.translations is None or self.translations.language == code:
            return
        self.translations.install(code)
        current = self.conn.id if self.conn is not None else None
        tab = self.tabs.currentIndex()
        old = self.centralWidget()
        # The export tab's results and exports under way outlive the rebuild (the result panel stays).
        kept = (dict(self.export_tab._results), dict(self.export_tab._exports))
        self._build()
        self.export_tab._results.update(kept[0])
        self.export_tab._exports.update(kept[1])
        old.deleteLater()
        self.refresh_connections()
        if current is not None:
            self.select_connection(current)
            self.tabs.setCurrentIndex(tab)

    def open_guide(self) -> None:
        guide = resources_dir().parent / "docs" / "user-guide.md"
        if guide.exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(guide)))
        else:
            QMessageBox.information(self, self.tr("User guide"),
                                    self.tr("The user guide is in docs/user-guide.md of the pleodesk source."))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About pleodesk"),
                          self.tr("<b>pleodesk {version}</b><br>Keeps your company's books in step with its Pleo "
                                  "spend account.").format(version=__version__))

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # The tray icon (``pleodesk.ui.tray.Tray``), set by the app. Where a system tray shows it, closing
    # the window keeps pleodesk running there: the export queue, the bank feed and the scheduled
    # syncs go on. File > Quit and the tray menu's Quit end it.
    tray = None
    _told_about_tray = False
    _quitting = False

    #: The window's size where the screen has room (1366×768 laptops have less: the window then fits the
    #: screen's free area, above the taskbar); the size the user gave it is remembered.
    DEFAULT_SIZE = (1280, 800)
    FRAME = (16, 40)            # what the window manager adds around the window (borders, title bar)

    def _place(self) -> None:
        from pleodesk.ui import prefs

        area = screen_area(self)
        try:
            w, h = (int(x) for x in str(prefs.get("window/size", "") or "").split("x"))
        except ValueError:
            w = h = 0
        if w and h and (area is None or (w + self.FRAME[0] <= area.width() and h + self.FRAME[1] <= area.height())):
            self.resize(max(w, self.minimumWidth()), max(h, self.minimumHeight()))
            if prefs.get("window/maximized", "false") in (True, "true"):
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
            return
        width, height = self.DEFAULT_SIZE
        if area is not None:
            width = min(width, area.width() - self.FRAME[0])
            height = min(height, area.height() - self.FRAME[1])
            self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))
            self.move(area.x() + max(0, (area.width() - self.width() - self.FRAME[0]) // 2), area.y())
        else:
            self.resize(width, height)

    def remember_size(self) -> None:
        from pleodesk.ui import prefs

        try:
            maximized = self.isMaximized()
            if not maximized:
                prefs.set("window/size", f"{self.width()}x{self.height()}")
            prefs.set("window/maximized", "true" if maximized else "false")
        except Exception:  # noqa: BLE001 - a preference that cannot be written is not worth a crash
            pass

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.remember_size()
        if self.tray is not None and self.tray.available and not self._quitting:
            event.ignore()
            self.hide()
            if not self._told_about_tray:
                self._told_about_tray = True
                self.tray.inform(self.tr("pleodesk keeps running"),
                                 self.tr("Exports and the bank feed go on in the background. Open pleodesk from its "
                                         "tray icon; quit it there or with File > Quit."))
            return
        super().closeEvent(event)

    def _quit(self) -> None:
        """File > Quit and the tray menu's Quit: end pleodesk (Qt asks the windows to close first)."""
        from PySide6.QtWidgets import QApplication

        self._quitting = True
        self.remember_size()
        QApplication.instance().quit()
