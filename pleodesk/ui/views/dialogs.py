"""Dialogs: reconnect a connection to the same Pleo company, and edit the mappings."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QTabWidget, QVBoxLayout, QWidget)

from pleodesk.ui import systems
from pleodesk.ui.jobs import Job, execute
from pleodesk.ui.mapping_editors import CategoryTable, ContraEditor, TagEditor, TaxTable
from pleodesk.ui.resources import app_icon
from pleodesk.ui.tasks import run_task
from pleodesk.ui.widgets import hint, set_status


def failed_side(conn) -> str:
    """Which credentials the connection's state message says were refused: ``"pleo"``, ``"ledger"`` or,
    when it does not say, ``"both"``. Pleo's refusals start with "Pleo" (the engine writes "Pleo: ...")
    or speak of the Pleo API key or company; the ledger's name the system or the accounting system."""
    import re

    msg = (conn.state_message or "").strip().lower()
    if not msg:
        return "both"
    if re.match(r"pleo\b", msg) or "pleo api key" in msg or "pleo company" in msg:
        return "pleo"
    names = {conn.system.replace("_", " "), systems.label(conn.system).lower(), "accounting system", "ledger"}
    if any(n and n in msg for n in names):
        return "ledger"
    return "both"


class ReconnectDialog(QDialog):
    """Reconnect a disconnected connection to the *same* Pleo company and ledger company: a new Pleo
    API key when Pleo refused the stored one; the system's own ``ReconnectPanel`` (a new Odoo API key,
    a new Xero sign-in) when the ledger refused its credentials; both when it is not clear which.
    Everything is checked before anything is stored."""

    def __init__(self, ctx, conn, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.conn = conn
        self.result_value = None
        self.side = failed_side(conn)
        panel_class = systems.reconnect_panel(conn.system)
        self.setWindowTitle(self.tr("Reconnect {name}").format(name=conn.name))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        if conn.state_message:
            why = QLabel(self.tr("What went wrong: {message}").format(message=conn.state_message), self)
            why.setWordWrap(True)
            lay.addWidget(why)
        self.panel = None
        if panel_class is not None and self.side != "pleo":
            self.panel = panel_class(conn, self.side == "ledger", self)
            lay.addWidget(self.panel)
        self.pleo_box = QWidget(self)
        pl = QVBoxLayout(self.pleo_box)
        pl.setContentsMargins(0, 0, 0, 0)
        company = (conn.settings or {}).get("pleo_company_name") or conn.pleo_company_id
        pl.addWidget(hint(self.tr("In Pleo, open Settings → API keys, create a new key for {company} and paste it "
                                  "here. The connection stays with the same Pleo company; a key for another "
                                  "company is refused.").format(company=company), self.pleo_box))
        form = QFormLayout()
        self.key = QLineEdit(self.pleo_box)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("New Pleo API key"))
        self.key.setPlaceholderText(self.tr("Leave empty to try the stored key again"))
        label = QLabel(self.tr("New API &key:"), self.pleo_box)
        label.setBuddy(self.key)
        form.addRow(label, self.key)
        pl.addLayout(form)
        lay.addWidget(self.pleo_box)
        self._ask_pleo = self.panel is None or self.side != "ledger"
        self.pleo_box.setVisible(self._ask_pleo)
        self.ledger_error: str | None = None
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
        if self.panel is not None and self.panel.pending():
            self.ledger_error = None
            set_status(self.status, self.tr("Checking the new credentials with the ledger…"))
            self.panel.reconnect(self._ledger_done, self._ledger_failed)
        else:
            self._check()

    def _ledger_done(self, settings) -> None:
        if not settings:
            self._check()
            return
        store, conn_id = self.ctx.store, self.conn.id

        def saved(conn) -> None:
            self.conn = conn
            self._check()

        self.ctx.write(lambda: store.update_connection(conn_id, settings=dict(settings)), saved,
                       lambda exc: self._ledger_failed(str(exc)))

    def _ledger_failed(self, message: str) -> None:
        self.ok.setEnabled(True)
        self.ledger_error = message
        set_status(self.status, message, False)

    def _check(self) -> None:
        set_status(self.status, self.tr("Checking with Pleo and the ledger…"))
        key = self.key.text().strip() if self._ask_pleo else ""
        job = Job("check", self.conn.id, params={"api_key": key})
        store = self.ctx.store
        run_task(lambda: execute(store, job), self._done, owner=self)

    def _done(self, result) -> None:
        self.ok.setEnabled(True)
        self.result_value = result
        if result.status == "ok":
            name = (result.company or {}).get("name") or self.conn.pleo_company_id
            set_status(self.status, self.tr("Connected to {company}").format(company=name), True)
            hub = self.ctx.hub
            hub.connection_state_changed.emit(self.conn.id, result.state or "connected", result.state_message or "")
            hub.settings_changed.emit(self.conn.id)
            hub.connections_changed.emit()
            self.accept()
        else:
            set_status(self.status, " ".join(x for x in (result.message, result.fix) if x), False)

    def done(self, r: int) -> None:
        if self.panel is not None and r != QDialog.DialogCode.Accepted:
            self.panel.cancel()
        super().done(r)


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
        self.accounts.role_types = systems.account_types(conn.system)
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

        implied = systems.settings_for_accounts(conn.system, dict(conn.settings or {}), mappings)

        def work():
            store.save_mappings(conn.id, mappings)
            if implied:     # the accounts the provider reads from its settings (Xero's Pleo bank account)
                store.update_connection(conn.id, settings=implied)
            store.audit("mappings_changed", conn.id, source="app")

        def done(_r) -> None:
            self.saved = True
            self.ctx.hub.settings_changed.emit(conn.id)
            if retry:
                self.ctx.submit(Job("retry", conn.id, params={"statuses": ["held"]}))
            self.accept()

        self.ctx.write(work, done, lambda exc: (set_status(self.status, str(exc), False),
                                                self.save_button.setEnabled(True)))
