"""Settings of one connection: export options, bank feed, the administration's sync schedule, mappings,
edit / deactivate / delete; and the app's language."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QRadioButton, QScrollArea, QSpinBox,
                               QVBoxLayout, QWidget)

from pleodesk.core import clock
from pleodesk.core import schedule as sch
from pleodesk.ui import fmt, systems
from pleodesk.ui.i18n import LANGUAGES
from pleodesk.ui.jobs import Job
from pleodesk.ui.views.common import ConnectionTab
from pleodesk.ui.widgets import ScheduleEditor, hint, set_status


class SettingsTab(ConnectionTab):
    edit_setup = Signal()
    edit_mappings = Signal(str)
    delete_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        lay = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll)

        # --- connection --------------------------------------------------------------------
        box = QGroupBox(self.tr("Connection"), body)
        form = QFormLayout(box)
        name_row = QHBoxLayout()
        self.name = QLineEdit(box)
        self.name.setAccessibleName(self.tr("Connection name"))
        self.rename = QPushButton(self.tr("Re&name"), box)
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.rename)
        name_label = QLabel(self.tr("&Name:"), box)
        name_label.setBuddy(self.name)
        form.addRow(name_label, name_row)
        self.system = QLabel(box)
        form.addRow(self.tr("Accounting system:"), self.system)
        self.company = QLabel(box)
        self.company.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Pleo company:"), self.company)
        buttons = QHBoxLayout()
        self.check = QPushButton(self.tr("C&heck connection"), box)
        self.setup_again = QPushButton(self.tr("Run the &setup again…"), box)
        self.active = QPushButton(box)
        self.delete = QPushButton(self.tr("&Delete…"), box)
        for b in (self.check, self.setup_again, self.active, self.delete):
            buttons.addWidget(b)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.conn_status = QLabel(box)
        self.conn_status.setWordWrap(True)
        self.conn_status.hide()
        form.addRow(self.conn_status)
        lay.addWidget(box)

        # --- mappings ------------------------------------------------------------------------
        box = QGroupBox(self.tr("Mappings"), body)
        ml = QHBoxLayout(box)
        self.map_counts = QLabel(box)
        self.map_counts.setWordWrap(True)        # it gives way, not the buttons (German ones are long)
        ml.addWidget(self.map_counts, 1)
        for tab, text in (("accounts", self.tr("&Accounts…")), ("categories", self.tr("&Categories and VAT…")),
                          ("labels", self.tr("&Labels…"))):
            b = QPushButton(text, box)
            b.setMinimumWidth(b.sizeHint().width())
            b.clicked.connect(lambda _c=False, t=tab: self.edit_mappings.emit(t))
            ml.addWidget(b)
        lay.addWidget(box)

        # --- export ------------------------------------------------------------------------------
        box = QGroupBox(self.tr("Export"), body)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.interval = QSpinBox(box)
        self.interval.setRange(sch.MIN_QUEUE_MINUTES, sch.MAX_QUEUE_MINUTES)
        self.interval.setSuffix(self.tr(" minutes"))
        self.interval.setAccessibleName(self.tr("Export queue interval in minutes"))
        interval_label = QLabel(self.tr("Check the export &queue every:"), box)
        interval_label.setBuddy(self.interval)
        form.addRow(interval_label, self.interval)
        self.posted = QRadioButton(self.tr("Posted"), box)
        self.draft = QRadioButton(self.tr("Drafts"), box)
        grp = QButtonGroup(self)
        grp.addButton(self.posted)
        grp.addButton(self.draft)
        row = QHBoxLayout()
        row.addWidget(self.posted)
        row.addWidget(self.draft)
        row.addStretch(1)
        self.draft_label = QLabel(self.tr("Create entries as:"), box)
        form.addRow(self.draft_label, row)
        self.receipts = QCheckBox(self.tr("Export &receipts"), box)
        self.topups = QCheckBox(self.tr("&Ignore Pleo wallet top-ups"), box)
        form.addRow(self.receipts)
        form.addRow(self.topups)
        self.next_queue = hint("", box)
        form.addRow(self.next_queue)
        lay.addWidget(box)

        # --- bank feed -----------------------------------------------------------------------------
        box = QGroupBox(self.tr("Bank feed"), body)
        fl = QVBoxLayout(box)
        self.feed = QCheckBox(self.tr("Send the Pleo &bank feed at 08:00 and 13:00 UTC"), box)
        self.feed_times = hint("", box)
        self.feed_now = QPushButton(self.tr("Send the feed &now"), box)
        fr = QHBoxLayout()
        fr.addWidget(self.feed, 1)
        fr.addWidget(self.feed_now)
        fl.addLayout(fr)
        fl.addWidget(self.feed_times)
        # A feed written to statement files (Xero): where the newest is, and the step that imports it.
        self.feed_file = QLabel(box)
        self.feed_file.setWordWrap(True)
        self.feed_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.feed_file.setAccessibleName(self.tr("Newest statement file"))
        self.open_folder = QPushButton(self.tr("Open &folder"), box)
        self.open_folder.setToolTip(self.tr("Show the statement files in the file manager, the newest one "
                                            "highlighted."))
        self.import_feed = QPushButton(self.tr("&Import in the ledger…"), box)
        self.import_feed.setToolTip(self.tr("Opens the ledger's statement import in the browser and shows the "
                                            "newest file to pick there."))
        frow = QHBoxLayout()
        frow.addWidget(self.feed_file, 1)
        frow.addWidget(self.open_folder)
        frow.addWidget(self.import_feed)
        fl.addLayout(frow)
        for w in (self.feed_file, self.open_folder, self.import_feed):
            w.hide()
        self.open_folder.clicked.connect(self._open_feed_folder)
        self.import_feed.clicked.connect(self._import_feed)
        lay.addWidget(box)

        # --- schedule -----------------------------------------------------------------------------
        box = QGroupBox(self.tr("Scheduled sync of this administration"), body)
        sl = QVBoxLayout(box)
        self.schedule = ScheduleEditor(box)
        sl.addWidget(self.schedule)
        srow = QHBoxLayout()
        self.save_schedule = QPushButton(self.tr("Save the &schedule"), box)
        self.sync_now = QPushButton(self.tr("S&ync now"), box)
        srow.addWidget(self.save_schedule)
        srow.addWidget(self.sync_now)
        srow.addStretch(1)
        sl.addLayout(srow)
        self.schedule_status = hint("", box)
        sl.addWidget(self.schedule_status)
        lay.addWidget(box)

        # --- application ----------------------------------------------------------------------------
        box = QGroupBox(self.tr("Application"), body)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = QComboBox(box)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setAccessibleName(self.tr("Language"))
        lang_label = QLabel(self.tr("&Language:"), box)
        lang_label.setBuddy(self.language)
        form.addRow(lang_label, self.language)
        lay.addWidget(box)

        # --- data folder (app-wide: retention, size, clean up) ---------------------------------------
        from pleodesk.ui.views.data_folder import DataFolderBox

        self.data_folder = DataFolderBox(ctx, body)
        lay.addWidget(self.data_folder)
        lay.addStretch(1)

        self._loading = False
        self.rename.clicked.connect(self._rename)
        self.check.clicked.connect(self._check)
        self.setup_again.clicked.connect(self.edit_setup)
        self.active.clicked.connect(self._toggle_active)
        self.delete.clicked.connect(self.delete_requested)
        self.interval.valueChanged.connect(lambda v: self._set({"queue_interval_minutes": int(v)}))
        self.posted.toggled.connect(lambda on: self._set({"post": bool(on)}))
        self.receipts.toggled.connect(lambda on: self._set({"export_receipts": bool(on)}))
        self.topups.toggled.connect(lambda on: self._set({"ignore_wallet_topups": bool(on)}))
        self.feed.toggled.connect(self._feed_toggled)
        self.feed_now.clicked.connect(lambda: self.conn and self.ctx.submit(Job("feed", self.conn.id)))
        self.save_schedule.clicked.connect(self._save_schedule)
        self.sync_now.clicked.connect(self._sync_now)
        self.schedule.changed.connect(self._schedule_edited)
        self.language.currentIndexChanged.connect(self._language_changed)
        ctx.hub.run_finished.connect(self._run_finished)

    def _run_finished(self, conn_id: int, _result) -> None:
        if self.conn is not None and conn_id == self.conn.id:
            self._refresh_status()
            self._show_feed_files()

    # ------------------------------------------------------------------ show -------------------
    def set_language(self, code: str) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(code)))
        self.language.blockSignals(False)

    def connection_changed(self, new: bool) -> None:
        c = self.conn
        if c is None:
            return
        self._loading = True
        s = c.settings or {}
        self.name.setText(c.name)
        self.system.setText(systems.label(c.system))
        company = s.get("pleo_company_name") or ""
        self.company.setText(f"{company} ({c.pleo_company_id})" if company else (c.pleo_company_id or ""))
        self.active.setText(self.tr("De&activate") if c.active else self.tr("&Activate"))
        self.interval.setValue(sch.clamp_interval(s.get("queue_interval_minutes", sch.DEFAULT_QUEUE_MINUTES)))
        caps_draft = c.system != "journal_file"
        for w in (self.posted, self.draft, self.draft_label):
            w.setVisible(caps_draft)
        self.posted.setChecked(bool(s.get("post", True)))
        self.draft.setChecked(not bool(s.get("post", True)))
        self.receipts.setChecked(bool(s.get("export_receipts", True)))
        self.topups.setChecked(bool(s.get("ignore_wallet_topups", False)))
        self.feed.setChecked(bool(s.get("bank_feed", False)))
        if new:
            self.schedule.set_schedule(s.get("schedule"))
        self._loading = False
        local = clock.local_now().tzinfo
        pairs = sch.local_feed_times(local)
        joiner = " " + self.tr("and") + " "
        self.feed_times.setText(self.tr("That is {times} your time. The feed and the export carry the same reference, "
                                        "so you match them in reconciliation and nothing is booked twice.").format(
            times=joiner.join(fmt.clock(loc) for _, loc in pairs)))
        problem = systems.feed_problem(c.system, s)
        if problem:                    # e.g. Odoo without the Pleo wallet's bank journal
            self.feed.setEnabled(bool(s.get("bank_feed", False)))   # can still be turned off
            self.feed_times.setText(problem + " " + self.tr("Edit the connection to choose it."))
        else:
            self.feed.setEnabled(True)
        self.feed_now.setEnabled(self.feed.isChecked() and not problem)
        self._show_feed_files()
        if new:
            set_status(self.conn_status, "")
            self._counts()
        self._refresh_status()

    def _counts(self) -> None:
        c = self.conn
        store = self.ctx.store
        rows = store.list_mappings(c.id)
        cats = sum(1 for r in rows if r.kind == "category" and r.target)
        groups = sum(1 for r in rows if r.kind == "tag_group" and r.target)
        taxes = sum(1 for r in rows if r.kind == "tax" and r.target)
        self.map_counts.setText(self.tr("Mapped: {categories}, {taxes}, {groups}.").format(
            categories=self.tr("%n category(-ies)", "", cats), taxes=self.tr("%n VAT code(s)", "", taxes),
            groups=self.tr("%n tag group(s)", "", groups)))

    def _refresh_status(self) -> None:
        if self.conn is None:
            return
        runs = self.ctx.scheduler.next_runs(self.conn.id)
        q = runs.get("queue")
        self.next_queue.setText(self.tr("Next check of the export queue: {when}.").format(when=fmt.moment(q))
                                if q and self.conn.active else "")
        d = self.ctx.scheduler.decisions(self.conn.id)["sync"]
        parts = []
        if d.waiting:
            parts.append(self.tr("Waiting for you to press Sync now: {periods}.").format(
                periods=", ".join(p.label for p in d.waiting)))
        if d.next_at is not None and getattr(d, "skip_reason", None) != "no schedule":
            parts.append(self.tr("Next scheduled sync: {when}.").format(when=fmt.moment(d.next_at)))
        elif d.skip_reason == "the schedule has ended":
            parts.append(self.tr("The schedule has ended."))
        self.schedule_status.setText(" ".join(parts))
        self.sync_now.setEnabled(bool(d.waiting) or bool(d.periods))

    # ------------------------------------------------------------------ changes ----------------
    def _set(self, changes: dict) -> None:
        if self._loading or self.conn is None:
            return
        cid, store, hub = self.conn.id, self.ctx.store, self.ctx.hub

        def done(conn) -> None:
            if self.conn is not None and conn.id == self.conn.id:
                self.conn = conn
            hub.settings_changed.emit(cid)
            self._refresh_status()

        self.ctx.write(lambda: store.update_connection(cid, settings=changes), done,
                       lambda exc: self._not_saved(cid, exc))

    def _not_saved(self, conn_id: int, exc: BaseException) -> None:
        """A change the store refused (a full disk, a locked database): say so, and show again what is
        stored rather than what was lost."""
        if self.conn is None or self.conn.id != conn_id:
            return
        set_status(self.conn_status, self.tr("Not saved: {error}").format(error=str(exc)), False)
        self.connection_changed(False)

    def _show_feed_files(self) -> None:
        """For a feed written to statement files: the newest one, Open folder and Import in <ledger>."""
        c = self.conn
        files = systems.feed_files(c.system, c.settings or {}) if c is not None else None
        shown = files is not None and bool((c.settings or {}).get("bank_feed"))
        for w in (self.feed_file, self.open_folder, self.import_feed):
            w.setVisible(shown)
        if not shown:
            return
        folder, newest = files
        self.import_feed.setText(self.tr("&Import in {system}…").format(system=systems.short_label(c.system)))
        self.import_feed.setEnabled(newest is not None and bool(systems.feed_import_url(c.system, c.settings or {})))
        if newest is None:
            self.feed_file.setText(self.tr("No statement file yet: the first is written at the next feed time, in "
                                           "{folder}.").format(folder=folder))
        else:
            when = datetime.fromtimestamp(newest.stat().st_mtime, tz=timezone.utc)
            self.feed_file.setText(self.tr("Newest statement file: {file} ({when}), in {folder}.").format(
                file=newest.name, when=fmt.moment(when), folder=folder))

    def _open_feed_folder(self) -> None:
        from pleodesk.ui.desktop import open_folder, reveal

        files = systems.feed_files(self.conn.system, self.conn.settings or {}) if self.conn else None
        if files is None:
            return
        folder, newest = files
        reveal(newest) if newest is not None else open_folder(folder)

    def _import_feed(self) -> None:
        """The ledger's import page in the browser, and the file to pick there highlighted."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from pleodesk.ui.desktop import reveal

        if self.conn is None:
            return
        files = systems.feed_files(self.conn.system, self.conn.settings or {})
        url = systems.feed_import_url(self.conn.system, self.conn.settings or {})
        if files is None or files[1] is None or not url:
            return
        QDesktopServices.openUrl(QUrl(url))
        reveal(files[1])
        set_status(self.conn_status, self.tr("In {system}, choose Import a statement's file {file}: lines imported "
                                             "before are skipped.").format(system=systems.short_label(self.conn.system),
                                                                           file=files[1].name), None)

    def _feed_toggled(self, on: bool) -> None:
        self._set({"bank_feed": bool(on)})
        self.feed_now.setEnabled(on)

    def _schedule_edited(self) -> None:
        problems = self.schedule.problems()
        self.save_schedule.setEnabled(not problems)

    def _save_schedule(self) -> None:
        if self.conn is None:
            return
        s = self.schedule.schedule()
        cid, store = self.conn.id, self.ctx.store

        def work():
            # Where syncing resumes stays in the scheduler state; a later start date moves it forward.
            return store.update_connection(cid, settings={"schedule": s})

        def done(conn) -> None:
            self.conn = conn
            self.ctx.hub.settings_changed.emit(cid)
            self._refresh_status()
            self.schedule_status.setText(self.tr("Schedule saved.") + " " + self.schedule_status.text())

        def failed(exc) -> None:
            self.schedule_status.setText(self.tr("The schedule was not saved: {error}").format(error=str(exc)))

        self.ctx.write(work, done, failed)

    def _sync_now(self) -> None:
        if self.conn is None:
            return
        d = self.ctx.scheduler.decisions(self.conn.id)["sync"]
        periods = list(d.waiting or d.periods)
        if not periods:
            return
        self.ctx.submit(Job("sync", self.conn.id, params={
            "periods": [(p.start.isoformat(), p.end.isoformat()) for p in periods]}))
        self.schedule_status.setText(self.tr("Syncing {periods}…").format(periods=", ".join(p.label for p in periods)))

    def _rename(self) -> None:
        if self.conn is None:
            return
        new = self.name.text().strip()
        if not new or new == self.conn.name:
            return
        cid, store, hub = self.conn.id, self.ctx.store, self.ctx.hub

        def failed(exc) -> None:
            set_status(self.conn_status, self.tr("Not renamed: {error}").format(error=str(exc)), False)

        self.ctx.write(lambda: store.update_connection(cid, name=new), lambda _c: hub.connections_changed.emit(),
                       failed)

    def _toggle_active(self) -> None:
        if self.conn is None:
            return
        cid, store, hub = self.conn.id, self.ctx.store, self.ctx.hub
        on = not self.conn.active
        if not on and QMessageBox.question(
                self, self.tr("Deactivate"),
                self.tr("Deactivate {name}? Nothing is exported for it until you activate it again; its history "
                        "stays.").format(name=self.conn.name)) != QMessageBox.StandardButton.Yes:
            return
        if on:
            from pleodesk.setup_file import company_taken_by

            other = company_taken_by(store, self.conn.pleo_company_id, except_id=cid)
            if other is not None:       # Pleo has one accounting integration per company
                set_status(self.conn_status, self.tr(
                    "Not activated: the connection {name} already exports this Pleo company. Deactivate it "
                    "first.").format(name=other.name), False)
                return

        def done(_c) -> None:
            hub.connections_changed.emit()
            hub.settings_changed.emit(cid)

        self.ctx.write(lambda: (store.update_connection(cid, active=on),
                                store.audit("activated" if on else "deactivated", cid)), done,
                       lambda exc: self._not_saved(cid, exc))

    def _check(self) -> None:
        if self.conn is None:
            return
        from pleodesk.ui.jobs import execute
        from pleodesk.ui.tasks import run_task

        set_status(self.conn_status, self.tr("Checking Pleo and the ledger…"))
        job = Job("check", self.conn.id)
        store, hub = self.ctx.store, self.ctx.hub

        def done(r) -> None:
            set_status(self.conn_status, " ".join(x for x in (r.message, r.fix) if x), r.status == "ok")
            if r.state:
                hub.connection_state_changed.emit(job.conn_id, r.state, r.state_message or "")
            if r.company:
                hub.connections_changed.emit()      # the Pleo company's name, as Pleo has it now

        run_task(lambda: execute(store, job), done, owner=self)

    def _language_changed(self) -> None:
        code = self.language.currentData()
        if code:
            self.language_requested.emit(code)
