"""The wizard page of QuickBooks Online, in the order of Pleo's help article ("Configuration de
l'intégration directe avec Quickbooks"):

1. **Connect**: "Connect to QuickBooks…" opens Intuit's sign-in in the system browser, where the user
   allows pleodesk and chooses the company. Intuit's answer comes back through pleodesk's redirect page
   to the loopback listener, or is pasted into the page. A user's own Intuit app goes under "Advanced"
   (its secret to the keyring). The wait runs off the GUI thread and can be stopped.
2. **The Pleo bank account** (a one-time step in the article): its name, number and, in France, journal
   code, editable (defaults: 512, "Banque Pleo"); with Pleo Pocket, the Pocket bank account too. "Next"
   finds them in QuickBooks or creates them, and reads the chart.
3. **Choose the Pleo bank account** is the next page ("Bank account and journals"), which proposes it.
4. **What is synchronised** follows: categories on expense accounts, VAT on the active purchase VAT codes,
   tags on classes, projects and locations.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from pleodesk.core.ledger import LedgerAccount
from pleodesk.ui.systems import SystemPage
from pleodesk.ui.widgets import hint

#: The keyring entry (``connections.ledger_secret_name(conn_id, SECRET)``) that holds the token set.
SECRET = "quickbooks-oauth"


def LABEL() -> str:  # noqa: N802 - the plugin contract's name
    return QCoreApplication.translate("quickbooks", "QuickBooks Online")


def DESCRIPTION() -> str:  # noqa: N802
    return QCoreApplication.translate(
        "quickbooks", "Expenses in QuickBooks' Expenses list on a Pleo bank account, receipts attached; classes, "
                      "projects and locations as Pleo tags.")


def naming() -> dict[str, str]:
    return {
        "account": QCoreApplication.translate("quickbooks", "QuickBooks account"),
        "tax": QCoreApplication.translate("quickbooks", "QuickBooks VAT code"),
        "dimension": QCoreApplication.translate("quickbooks", "class, project or location"),
        "dimensions": QCoreApplication.translate("quickbooks", "classes, projects and locations"),
        "wallet": QCoreApplication.translate("quickbooks", "Pleo bank account in QuickBooks"),
        "out_of_pocket": QCoreApplication.translate("quickbooks", "Pleo Pocket bank account in QuickBooks"),
        "external_reimbursement": QCoreApplication.translate("quickbooks",
                                                             "Bank account reimbursements are paid from"),
        "payable": QCoreApplication.translate("quickbooks", "Accounts payable (for Pleo invoices, booked as bills)"),
        "accounts_hint": QCoreApplication.translate(
            "quickbooks", "Choose the Pleo bank account created on the previous page (Banque Pleo), and the Pleo "
                          "Pocket account if you use Pleo Pocket. In QuickBooks these are under Settings > Chart "
                          "of accounts."),
    }


def suggested_accounts(settings: dict[str, Any]) -> dict[str, str]:
    """The bank accounts "Next" found or created, for page 4 (step 3 of the article)."""
    return {"wallet": settings.get("bank_account_code"), "out_of_pocket": settings.get("pocket_account_code")}


def account_types() -> dict[str, set[str]]:
    """Purchases and deposits are booked on bank accounts: page 4 offers only those for Pleo's money."""
    return {"wallet": {"bank"}, "out_of_pocket": {"bank"}}


def settings_for_accounts(settings: dict[str, Any], mappings) -> dict[str, Any]:
    """Another Pleo bank account chosen on page 4 is the one the connection checks."""
    from pleodesk.core.ledger import ContraRole

    out: dict[str, Any] = {}
    for role, key in ((ContraRole.WALLET, "bank"), (ContraRole.OUT_OF_POCKET, "pocket")):
        code = mappings.contra.get(role)
        if code and settings.get(f"{key}_account_code") not in (None, code):
            out[f"{key}_account_code"] = code
            out[f"{key}_account_id"] = None       # found again by its code when the connection is checked
    return out


def feed_problem(settings: dict[str, Any]) -> str | None:
    return QCoreApplication.translate(
        "quickbooks", "QuickBooks Online takes no bank feed from apps: QuickBooks' own bank connections bring the "
                      "statement lines.")


_TYPES = {"bank": "bank", "expense": "expense", "liability": "liability", "asset": "asset", "income": "income",
          "payable": "payable", "equity": "equity", "tax": "tax"}


def create_account(state, code: str, name: str, type_: str) -> LedgerAccount:
    """Page 4's "Create…": the account is created in QuickBooks, then the chart is read again."""
    from pleodesk.connections import make_provider

    provider = make_provider(state.provider_connection())
    try:
        acc = provider.create_account(code, name, _TYPES.get(type_, "expense"))
        chart = provider.read_chart()
        state.set_chart(chart)
    finally:
        provider.close()
    return chart.accounts[acc.code]


def wallet_currency(pleo_data) -> str | None:
    company = (getattr(pleo_data, "company", None) or {})
    company = company.get("data", company)
    return company.get("currency") or (company.get("wallet") or {}).get("currency")


def finish(conn_id: Any, settings: dict[str, Any], sign_in) -> tuple[dict[str, Any], dict[str, str], Any]:
    """What "Next" does, without Qt: keep the sign-in, find or create the Pleo bank accounts, read the
    chart. Returns the settings, the secrets and the chart; raises LedgerError / ValueError with a plain
    message (nothing is created in QuickBooks when the company cannot be used)."""
    from types import SimpleNamespace

    from pleodesk.providers.quickbooks import create_provider
    from pleodesk.providers.quickbooks.auth import QboConnector

    connector = QboConnector(settings, secret=sign_in.app.client_secret if sign_in.app.own else None)
    new = {**settings, **connector.settings_for(sign_in)}
    connector.store(conn_id, sign_in)
    provider = create_provider(SimpleNamespace(id=conn_id, name=sign_in.company_name, settings=new))
    try:
        result = provider.check()
        if not result.ok:
            raise ValueError(" ".join(result.messages))
        new.update(provider.ensure_setup(new))
        chart = provider.read_chart()
    finally:
        provider.close()
    return new, connector.secrets_for(sign_in), chart


def _account_fields(page: QWidget, title: str) -> tuple[QGroupBox, QLineEdit, QLineEdit, QComboBox]:
    box = QGroupBox(title, page)
    form = QFormLayout(box)
    name = QLineEdit(box)
    number = QLineEdit(box)
    journal = QComboBox(box)
    journal.setEditable(True)
    for widget, label in ((name, QCoreApplication.translate("quickbooks", "&Name:")),
                          (number, QCoreApplication.translate("quickbooks", "Num&ber:")),
                          (journal, QCoreApplication.translate("quickbooks", "&Journal code:"))):
        lab = QLabel(label, box)
        lab.setBuddy(widget)
        form.addRow(lab, widget)
    name.setAccessibleName(QCoreApplication.translate("quickbooks", "Account name"))
    number.setAccessibleName(QCoreApplication.translate("quickbooks", "Account number"))
    journal.setAccessibleName(QCoreApplication.translate("quickbooks", "Journal code"))
    return box, name, number, journal


class ConnectPage(SystemPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Connect QuickBooks Online"))
        self.setSubTitle(self.tr("Sign in to Intuit in your browser, allow pleodesk and choose the company. pleodesk "
                                 "then finds or creates the Pleo bank account, as Pleo's help article describes."))
        self._sign_in = None
        self._connector = None
        self._cancel: threading.Event | None = None
        lay = QVBoxLayout(self)

        # --- 1. connect ---------------------------------------------------------------------------
        connect = QGroupBox(self.tr("1. Connect QuickBooks and pleodesk"), self)
        cform = QFormLayout(connect)
        self.sign_in_button = QPushButton(self.tr("&Connect to QuickBooks…"), connect)
        self.sign_in_button.setAccessibleName(self.tr("Sign in to QuickBooks in the browser"))
        self.sign_in_button.clicked.connect(lambda: self._start_sign_in())
        self.stop_button = QPushButton(self.tr("Stop &waiting"), connect)
        self.stop_button.setAccessibleName(self.tr("Stop waiting for the QuickBooks sign-in"))
        self.stop_button.clicked.connect(self.stop_waiting)
        self.stop_button.hide()
        self.demo_button = QPushButton(self.tr("Use the de&mo company's QuickBooks"), connect)
        self.demo_button.setToolTip(self.tr("Sign in to a QuickBooks company emulated on this computer, to try "
                                            "pleodesk with the demo company."))
        self.demo_button.clicked.connect(self._use_demo)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for b in (self.sign_in_button, self.stop_button, self.demo_button):
            row.addWidget(b)
        row.addStretch(1)
        cform.addRow(row)
        self.company = QLabel(self.tr("Not connected yet."), connect)
        self.company.setAccessibleName(self.tr("QuickBooks company"))
        company_label = QLabel(self.tr("Company:"), connect)
        cform.addRow(company_label, self.company)
        # Where the browser cannot hand the answer over: the redirect page shows it for pasting.
        self.paste = QLineEdit(connect)
        self.paste.setAccessibleName(self.tr("The answer the QuickBooks page shows"))
        self.paste.setPlaceholderText("code=…&state=…&realmId=…")   # the answer's form: not words
        self.paste_button = QPushButton(self.tr("&Use it"), connect)
        self.paste_button.clicked.connect(self._use_pasted)
        prow = QHBoxLayout()
        prow.setContentsMargins(0, 0, 0, 0)
        prow.addWidget(self.paste, 1)
        prow.addWidget(self.paste_button)
        self.paste_label = QLabel(self.tr("P&aste the answer:"), connect)
        self.paste_label.setBuddy(self.paste)
        self.paste_row = QWidget(connect)
        self.paste_row.setLayout(prow)
        cform.addRow(self.paste_label, self.paste_row)
        self._show_paste(False)
        # Advanced: the user's own Intuit app.
        self.advanced = QGroupBox(self.tr("Advanced: your own Intuit app"), connect)
        self.advanced.setCheckable(True)
        self.advanced.setChecked(False)
        box = QVBoxLayout(self.advanced)
        self.advanced_fields = QWidget(self.advanced)      # folded away while unchecked
        box.addWidget(self.advanced_fields)
        aform = QFormLayout(self.advanced_fields)
        aform.setContentsMargins(0, 0, 0, 0)
        self.client_id = QLineEdit(self.advanced_fields)
        self.client_secret = QLineEdit(self.advanced_fields)
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.redirect_uri = QLineEdit(self.advanced_fields)
        self.redirect_uri.setPlaceholderText("https://…/qbo-callback.html")
        for widget, text, name in (
                (self.client_id, self.tr("Client &ID:"), self.tr("Intuit app client id")),
                (self.client_secret, self.tr("Client &secret:"), self.tr("Intuit app client secret")),
                (self.redirect_uri, self.tr("&Redirect URI:"), self.tr("Intuit app redirect URI"))):
            widget.setAccessibleName(name)
            lab = QLabel(text, self.advanced_fields)
            lab.setBuddy(widget)
            aform.addRow(lab, widget)
            widget.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.advanced_fields.setVisible(False)
        self.advanced.toggled.connect(self.advanced_fields.setVisible)
        self.advanced.toggled.connect(lambda _on: self.completeChanged.emit())
        cform.addRow(self.advanced)
        lay.addWidget(connect)

        # --- 2. the Pleo bank accounts ------------------------------------------------------------
        self.bank_box, self.bank_name, self.bank_number, self.bank_journal = _account_fields(
            self, self.tr("2. The Pleo bank account (used for Pleo expenses only)"))
        self.pocket = QCheckBox(self.tr("The company uses Pleo &Pocket: a bank account for Pocket expenses too"), self)
        self.pocket_box, self.pocket_name, self.pocket_number, self.pocket_journal = _account_fields(
            self, self.tr("The Pleo Pocket bank account"))
        self.pocket.toggled.connect(self.pocket_box.setVisible)
        self.pocket_box.setVisible(False)
        lay.addWidget(self.bank_box)
        lay.addWidget(self.pocket)
        lay.addWidget(self.pocket_box)
        lay.addWidget(hint(self.tr(
            "pleodesk finds these accounts in QuickBooks' chart of accounts by name, or creates them as bank "
            "accounts (in France with the journal code chosen here)."), self))
        lay.addStretch(1)
        lay.addWidget(self.status)

    # ------------------------------------------------------------------------------------------
    def _show_paste(self, on: bool) -> None:
        for w in (self.paste_label, self.paste_row):
            w.setVisible(on)

    def _own_app(self) -> dict[str, str] | None:
        if not self.advanced.isChecked():
            return None
        return {"client_id": self.client_id.text().strip(), "redirect_uri": self.redirect_uri.text().strip()}

    def _settings(self) -> dict[str, Any]:
        s = dict(self.state.system_settings)
        own = None if s.get("demo_ledger") else self._own_app()     # the demo signs in with the sandbox's app
        if own:
            s.update(own)
        elif not s.get("demo_ledger"):
            for key in ("client_id", "redirect_uri"):
                s.pop(key, None)
        currency = wallet_currency(self.pleo_data)
        if currency:
            s["wallet_currency"] = currency
        edited = {"bank": {"name": self.bank_name.text().strip(), "number": self.bank_number.text().strip(),
                           "journal_code": self.bank_journal.currentText().strip()}}
        s["pocket"] = self.pocket.isChecked()
        if self.pocket.isChecked():
            edited["pocket"] = {"name": self.pocket_name.text().strip(), "number": self.pocket_number.text().strip(),
                                "journal_code": self.pocket_journal.currentText().strip()}
        for role, fields in edited.items():
            before = s.get(f"{role}_account") or {}
            if (before.get("name"), before.get("number")) != (fields["name"], fields["number"]):
                # another name or number than the account found before: find or create that one instead
                s.pop(f"{role}_account_id", None)
                s.pop(f"{role}_account_code", None)
            s[f"{role}_account"] = fields
        return s

    def initializePage(self) -> None:
        from pleodesk.providers.quickbooks.auth import built_in_app

        s = self.state.system_settings
        self.demo_button.setVisible(self.is_demo())
        own = bool(s.get("client_id")) and not s.get("demo_ledger")
        self.advanced.setChecked(own or built_in_app() is None)
        self.client_id.setText(s.get("client_id", "") if own else "")
        self.redirect_uri.setText(s.get("redirect_uri", "") if own else "")
        self._sign_in = None
        self._fill_accounts(s)
        if s.get("realm_id"):
            self.company.setText(f"{s.get('company_name') or s['realm_id']}")
            self.show_status(self.tr("Connected to {name}. Connect again only to renew the connection.").format(
                name=s.get("company_name") or s["realm_id"]), True)
        else:
            self.company.setText(self.tr("Not connected yet."))
        self.completeChanged.emit()

    def _fill_accounts(self, s: dict[str, Any], journals: list[str] | None = None) -> None:
        french = (s.get("country") or "FR") == "FR"
        bank = s.get("bank_account") or {}
        pocket = s.get("pocket_account") or {}
        self.bank_name.setText(bank.get("name") or ("Banque Pleo" if french else "Pleo Bank"))
        self.bank_number.setText(bank.get("number") if bank.get("number") is not None else ("512" if french else ""))
        self.pocket_name.setText(pocket.get("name") or "Pleo Pocket")
        self.pocket_number.setText(pocket.get("number") if pocket.get("number") is not None else
                                   ("5121" if french else ""))
        self.pocket.setChecked(bool(s.get("pocket")))
        for combo, chosen in ((self.bank_journal, bank.get("journal_code")), (self.pocket_journal, pocket.get("journal_code"))):
            combo.clear()
            combo.addItems(journals or ["BQ"])
            combo.setCurrentText(chosen or (journals[0] if journals else "BQ"))
            combo.setEnabled(french)

    def cleanupPage(self) -> None:
        self.stop_waiting()
        super().cleanupPage()

    def is_waiting(self) -> bool:
        return self._cancel is not None and not self._cancel.is_set()

    def stop_waiting(self) -> None:
        """Stop waiting for the browser (Stop waiting, Back, or the wizard closed): the sign-in ends and
        frees its loopback port."""
        if self._cancel is not None:
            self._cancel.set()
            self.stop_button.setEnabled(False)

    def isComplete(self) -> bool:
        own = self._own_app()
        if own is not None and not (own["client_id"] and own["redirect_uri"] and self.client_secret.text().strip()):
            if self._sign_in is None and not self.state.system_settings.get("realm_id"):
                return False
        return self._sign_in is not None or bool(self.state.system_settings.get("realm_id"))

    def _use_demo(self) -> None:
        """Sign in to the sandbox's QuickBooks (no browser needed: it answers at once)."""
        from pleodesk.demo import qbo_demo_settings, sandbox_browser

        def ready(sandbox) -> None:
            demo, secret = qbo_demo_settings(sandbox)
            self.state.system_settings.update(demo)
            self.advanced.setChecked(False)
            self._start_sign_in(open_browser=sandbox_browser(), secret=secret)

        self.with_demo_sandbox(ready)

    def _start_sign_in(self, open_browser=None, secret: str | None = None) -> None:
        from pleodesk.providers.quickbooks.auth import QboConnector

        if open_browser is None and self.state.system_settings.get("demo_ledger"):
            # Signing in for real after trying the demo: QuickBooks' own addresses again.
            from pleodesk.providers.quickbooks import sandbox_settings

            for key in [*sandbox_settings(""), "demo_ledger", "client_id", "redirect_uri"]:
                self.state.system_settings.pop(key, None)
        settings = self._settings()
        if secret is None and self._own_app() and not settings.get("demo_ledger"):
            secret = self.client_secret.text().strip()
        try:
            connector = QboConnector(settings, secret=secret, open_browser=open_browser)
        except Exception as exc:  # noqa: BLE001 - no app: say what to enter
            self.show_status(" ".join(x for x in (str(exc), getattr(exc, "fix", "")) if x), False)
            self.advanced.setChecked(True)
            return
        self._connector = connector
        self._cancel = threading.Event()
        cancel = self._cancel
        self.sign_in_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.stop_button.show()
        self._show_paste(open_browser is None)
        self.show_status(self.tr("Waiting for QuickBooks in your browser… Sign in there, allow pleodesk and choose "
                                 "the company. If the browser shows a line to copy, paste it below."))

        def work():
            return connector.sign_in(conn_id=self.state.conn_id, timeout=600, cancel=cancel)

        def waited() -> None:
            if self._cancel is cancel:
                self._cancel = None
            self.sign_in_button.setEnabled(True)
            self.stop_button.hide()
            self._show_paste(False)

        def done(si) -> None:
            waited()
            expected = self.state.system_settings.get("realm_id")
            if expected and si.realm_id != expected:
                self._sign_in = None
                self.show_status(self.tr("You signed in to {name}, but this connection books into {other}. Connect "
                                         "again and choose that company.").format(
                    name=si.company_name, other=self.state.system_settings.get("company_name") or expected), False)
                self.completeChanged.emit()
                return
            self._sign_in = si
            self.company.setText(f"{si.company_name} ({si.country or '?'})")
            self._fill_accounts({**self._settings(), "country": si.country})
            self._load_journals(si)
            self.show_status(self.tr("Signed in to {name}. Check the Pleo bank account below, then press Next.").format(
                name=si.company_name), True)
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            waited()
            if cancel.is_set():
                self.show_status(self.tr("Stopped waiting for QuickBooks. Press Connect to QuickBooks to try again."),
                                 None)
                return
            self.show_status(" ".join(x for x in (str(exc), getattr(exc, "fix", "")) if x), False)

        self.run_task(work, done, failed)

    def _load_journals(self, si) -> None:
        """The company's bank journal codes (France), for the journal code lists."""
        if si.country != "FR":
            return
        from pleodesk.providers.quickbooks.provider import QuickBooksProvider

        settings = {**self._settings(), "realm_id": si.realm_id}
        token = si.tokens.access_token

        def work():
            p = QuickBooksProvider(settings, lambda: token)
            try:
                return [j["name"] for j in p.journal_codes() if j["type"] in ("Bank", "Cash")] or ["BQ"]
            finally:
                p.close()

        def done(names) -> None:
            s = self._settings()
            self._fill_accounts({**s, "country": "FR"}, names)

        self.run_task(work, done, lambda exc: None)

    def _use_pasted(self) -> None:
        if self._connector is None or not self._connector.submit(self.paste.text()):
            self.show_status(self.tr("That is not the answer of this sign-in: copy the whole line the QuickBooks "
                                     "page shows."), False)
            return
        self.paste.clear()

    def validatePage(self) -> bool:
        if self.take_validated():
            return True
        si = self._sign_in
        settings = self._settings()
        if si is None:
            if not settings.get("realm_id"):
                return False
            return self._setup_again(settings)
        conn_id = self.state.conn_id
        self.set_busy(True)
        self.show_status(self.tr("Setting up the Pleo bank account in QuickBooks…"))

        def done(out) -> None:
            settings_out, secrets, chart = out
            self.save(settings_out, secrets, chart)
            self.show_status(self.tr("Connected to {name}: {accounts} accounts, {taxes} VAT codes for purchases; "
                                     "Pleo bank account {bank}.").format(
                name=si.company_name, accounts=len(chart.accounts), taxes=len(chart.taxes),
                bank=settings_out.get("bank_account_code", "")), True)
            self.finish_validation()

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            self.show_status(" ".join(x for x in (str(exc), getattr(exc, "fix", "")) if x), False)

        self.run_task(lambda: finish(conn_id, settings, si), done, failed)
        return False

    def _setup_again(self, settings: dict[str, Any]) -> bool:
        """Editing a connection without signing in again: the Pleo bank accounts as edited now."""
        from pleodesk.connections import make_provider

        state = self.state
        self.set_busy(True)

        def work():
            from types import SimpleNamespace

            provider = make_provider(SimpleNamespace(id=state.conn_id, name=state.name, system="quickbooks",
                                                     settings=settings))
            try:
                out = provider.ensure_setup(settings)
                return out, provider.read_chart()
            finally:
                provider.close()

        def done(result) -> None:
            out, chart = result
            self.save({**settings, **out}, None, chart)
            self.finish_validation()

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            self.show_status(" ".join(x for x in (str(exc), getattr(exc, "fix", "")) if x), False)

        self.run_task(work, done, failed)
        return False


def disconnect(conn) -> list[str]:
    """Deleting the connection: revoke the sign-in at Intuit and clear the keyring (off the GUI thread)."""
    from pleodesk.providers.quickbooks.auth import QboConnector

    try:
        problems = list(QboConnector(conn.settings or {}).disconnect(conn.id))
    except Exception as exc:  # noqa: BLE001 - the connection is deleted here in any case
        problems = [str(exc)]
    if problems:
        problems.append(QCoreApplication.translate(
            "quickbooks", "In QuickBooks, open Settings > Apps > Connected apps and disconnect pleodesk from this "
                          "company."))
    return problems


def browser_for(settings: dict[str, Any]):
    """The sandbox's stand-in for the browser for the demo company's QuickBooks, else the system browser."""
    if settings.get("demo_ledger"):
        from pleodesk.demo import sandbox_browser

        return sandbox_browser()
    return None


class ReconnectPanel(QWidget):
    """The Reconnect dialog's QuickBooks part: sign in again in the browser, to the same company
    (``QboConnector.reconnect`` refuses another one and changes nothing)."""

    def __init__(self, conn, required: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.conn = conn
        self._cancel: threading.Event | None = None
        self._connector = None
        s = conn.settings or {}
        name = s.get("company_name") or s.get("realm_id", "")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(hint(self.tr(
            "QuickBooks ended pleodesk's sign-in. Reconnect opens Intuit's sign-in in your browser: sign in and "
            "choose {name}. A sign-in to another company is refused, and nothing is changed then.").format(
            name=name), self))
        self.again = QCheckBox(self.tr("Sign in to &QuickBooks again"), self)
        self.again.setVisible(not required)
        self.again.setChecked(required)
        lay.addWidget(self.again)
        row = QHBoxLayout()
        self.waiting = QLabel(self)
        self.waiting.setWordWrap(True)
        self.waiting.hide()
        self.cancel_button = QPushButton(self.tr("&Stop waiting"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        row.addWidget(self.waiting, 1)
        row.addWidget(self.cancel_button)
        lay.addLayout(row)
        self.paste = QLineEdit(self)
        self.paste.setAccessibleName(self.tr("The answer the QuickBooks page shows"))
        self.paste.setPlaceholderText("code=…&state=…&realmId=…")   # the answer's form: not words
        self.paste.returnPressed.connect(self._use_pasted)
        self.paste.hide()
        lay.addWidget(self.paste)

    def pending(self) -> bool:
        return self.again.isChecked()

    def is_waiting(self) -> bool:
        return self._cancel is not None

    def _use_pasted(self) -> None:
        if self._connector is not None and self._connector.submit(self.paste.text()):
            self.paste.clear()

    def reconnect(self, done, failed) -> None:
        from pleodesk.providers.quickbooks.auth import QboConnector
        from pleodesk.ui.tasks import run_task

        settings = dict(self.conn.settings or {})
        conn_id = self.conn.id
        open_browser = browser_for(settings)
        try:
            self._connector = connector = QboConnector(settings, open_browser=open_browser)
        except Exception as exc:  # noqa: BLE001
            failed(" ".join(x for x in (str(exc), getattr(exc, "fix", "")) if x))
            return
        cancel = self._cancel = threading.Event()
        self.waiting.setText(self.tr("Waiting for QuickBooks in your browser… If the browser shows a line to copy, "
                                     "paste it below and press Enter. Press Stop waiting to give up."))
        self.waiting.show()
        self.cancel_button.show()
        self.paste.setVisible(open_browser is None)

        def work() -> dict:
            return connector.reconnect(conn_id, timeout=600, cancel=cancel)

        def finished() -> None:
            self._cancel = None
            self.waiting.hide()
            self.cancel_button.hide()
            self.paste.hide()

        def ok(new: dict) -> None:
            finished()
            done(new)

        def error(exc: BaseException) -> None:
            finished()
            if cancel.is_set():
                failed(self.tr("The sign-in was stopped; nothing was changed."))
                return
            failed(" ".join(x for x in (str(exc), getattr(exc, "fix", "")) if x))

        run_task(work, ok, error, owner=self)

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
