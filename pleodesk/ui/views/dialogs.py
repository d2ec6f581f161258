"""Dialogs: reconnect a connection to the same Pleo company, and edit the mappings."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QTabWidget, QVBoxLayout)

from pleodesk.ui import systems
from pleodesk.ui.jobs import Job, execute
from pleodesk.ui.mapping_editors import CategoryTable, ContraEditor, TagEditor, TaxTable
from pleodesk.ui.resources import app_icon
from pleodesk.ui.tasks import run_task
from pleodesk.ui.widgets import hint, set_status


class ReconnectDialog(QDialog):
    """A new Pleo API key for the *same* company; checked before anything is stored."""

    def __init__(self, ctx, conn, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.conn = conn
        self.result_value = None
        self.setWindowTitle(self.tr("Reconnect {name}").format(name=conn.name))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        company = (conn.settings or {}).get("pleo_company_name") or conn.pleo_company_id
        lay.addWidget(hint(self.tr("In Pleo, open Settings → API keys, create a new key for {company} and paste it "
                                   "here. The connection stays with the same Pleo company; a key for another "
                                   "company is refused.").format(company=company), self))
        if conn.state_message:
            why = QLabel(self.tr("What went wrong: {message}").format(message=conn.state_message), self)
            why.setWordWrap(True)
            lay.addWidget(why)
        form = QFormLayout()
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("New Pleo API key"))
        self.key.setPlaceholderText(self.tr("Leave empty to try the stored key again"))
        label = QLabel(self.tr("New API &key:"), self)
        label.setBuddy(self.key)
        form.addRow(label, self.key)
        lay.addLayout(form)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        lay.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Reconnect"))
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.reconnect)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def reconnect(self) -> None:
        self.ok.setEnabled(False)
        set_status(self.status, self.tr("Checking with Pleo and the ledger…"))
        job = Job("check", self.conn.id, params={"api_key": self.key.text().strip()})
        store = self.ctx.store
        run_task(lambda: execute(store, job), self._done, owner=self)

    def _done(self, result) -> None:
        self.ok.setEnabled(True)
        self.result_value = result
        if result.status == "ok":
            set_status(self.status, result.message, True)
            hub = self.ctx.hub
            hub.connection_state_changed.emit(self.conn.id, result.state or "connected", result.state_message or "")
            hub.settings_changed.emit(self.conn.id)
            hub.connections_changed.emit()
            self.accept()
        else:
            set_status(self.status, " ".join(x for x in (result.message, result.fix) if x), False)


class MappingsDialog(QDialog):
    """Edit a connection's mappings: accounts, categories, VAT codes, labels."""

    TABS = ("accounts", "categories", "taxes", "labels")

    def __init__(self, ctx, conn, tab: str = "categories", focus_key: str = "", parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.conn = conn
        self.saved = False
        self._focus = (tab, focus_key)
        naming = systems.naming(conn.system)
        self.setWindowTitle(self.tr("Mappings of {name}").format(name=conn.name))
        self.setWindowIcon(app_icon())
        self.resize(900, 600)
        lay = QVBoxLayout(self)
        self.status = QLabel(self.tr("Reading Pleo's categories and the ledger's chart…"), self)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.tabs = QTabWidget(self)
        self.accounts = ContraEditor(self.tabs, naming)
        self.categories = CategoryTable(self.tabs, naming)
        self.taxes = TaxTable(self.tabs, naming)
        self.labels = TagEditor(self.tabs, naming)
        self.tabs.addTab(self.accounts, self.tr("&Accounts"))
        self.tabs.addTab(self.categories, self.tr("&Categories"))
        self.tabs.addTab(self.taxes, self.tr("&VAT codes"))
        self.tabs.addTab(self.labels, self.tr("&Labels"))
        self.tabs.setEnabled(False)
        lay.addWidget(self.tabs, 1)
        self.retry = QCheckBox(self.tr("Retry the held expenses after saving"), self)
        self.retry.setChecked(True)
        lay.addWidget(self.retry)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.tabs.setCurrentIndex(self.TABS.index(tab) if tab in self.TABS else 1)
        self._load()

    def _load(self) -> None:
        conn, store = self.conn, self.ctx.store

        def work():
            from pleodesk.connections import make_provider, pleo_secret_name
            from pleodesk.secrets import get_secret
            from pleodesk.ui.wizard.state import PleoData, fetch_pleo_data

            mappings = store.load_mappings(conn.id)
            provider = make_provider(conn)
            try:
                chart = provider.read_chart()
            finally:
                provider.close()
            key = get_secret(pleo_secret_name(conn.id))
            try:
                data = fetch_pleo_data(conn.pleo_base_url, conn.pleo_company_id, key) if key else PleoData()
                note = ""
            except Exception as exc:  # noqa: BLE001 - mappings stay editable from what is stored
                data = PleoData()
                note = str(exc)
            return mappings, chart, data, note

        run_task(work, self._loaded, lambda exc: set_status(self.status, str(exc), False), owner=self)

    def _loaded(self, result) -> None:
        mappings, chart, data, note = result
        self.mappings = mappings
        cats = data.categories()
        known = {c["key"] for c in cats}
        for key in sorted(set(mappings.categories) | set(mappings.category_labels)):
            if key not in known:
                cats.append({"key": key, "code": key, "name": mappings.category_labels.get(key, ""),
                             "default_tax": None})
        self.accounts.set_data(chart, mappings)
        self.categories.set_data(cats, chart, mappings)
        from pleodesk.ui.wizard.state import WizardState, auto_match

        def matcher() -> int:
            st = WizardState(chart=chart, mappings=mappings, pleo_data=data)
            return auto_match(st)

        self.categories.set_auto_matcher(matcher)
        taxes = data.taxes()
        known_t = {t["key"] for t in taxes}
        for key in mappings.taxes:
            if key not in known_t:
                taxes.append({"key": key, "code": key, "name": key, "rate": "", "type": ""})
        self.taxes.set_data(taxes, chart, mappings)
        self.labels.set_data(data.active_groups(), data.tags, chart, mappings)
        self.tabs.setEnabled(True)
        self.save_button.setEnabled(True)
        if note:
            set_status(self.status, self.tr("Pleo could not be read ({error}); showing what is stored.").format(
                error=note), None)
        else:
            self.status.hide()
        tab, key = self._focus
        if key:
            editor = {"accounts": self.accounts, "categories": self.categories, "taxes": self.taxes,
                      "labels": self.labels}.get(tab)
            if editor is not None:
                editor.focus_key(key)

    def save(self) -> None:
        self.save_button.setEnabled(False)
        conn, store, mappings = self.conn, self.ctx.store, self.mappings
        retry = self.retry.isChecked()

        def work():
            store.save_mappings(conn.id, mappings)
            store.audit("mappings_changed", conn.id, source="app")

        def done(_r) -> None:
            self.saved = True
            self.ctx.hub.settings_changed.emit(conn.id)
            if retry:
                self.ctx.submit(Job("retry", conn.id, params={"statuses": ["held"]}))
            self.accept()

        self.ctx.write(work, done, lambda exc: (set_status(self.status, str(exc), False),
                                                self.save_button.setEnabled(True)))
