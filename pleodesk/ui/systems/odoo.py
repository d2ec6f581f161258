"""The wizard page of Odoo 16 / 17: address, database, login, API key, then the company to book in.

The check runs off the GUI thread: the server's version, the database, the key, the user's groups and
the Employees app (``OdooProvider.check``), then the companies the user may use. With more than one
company the page asks which one (one connection per company) before it reads the chart.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pleodesk.core.ledger import LedgerAccount, LedgerTax
from pleodesk.ui.systems import SystemPage
from pleodesk.ui.widgets import hint

SECRET = "odoo_api_key"


def LABEL() -> str:  # noqa: N802 - the plugin contract's name
    return QCoreApplication.translate("odoo", "Odoo 16 / 17")


def SHORT_LABEL() -> str:  # noqa: N802
    return QCoreApplication.translate("odoo", "Odoo")


def DESCRIPTION() -> str:  # noqa: N802
    return QCoreApplication.translate(
        "odoo", "Journal entries or vendor bills in Odoo, drafts or posted, with the receipts attached; analytic "
                "plans as Pleo tag groups.")


def naming() -> dict[str, str]:
    return {
        "account": QCoreApplication.translate("odoo", "Odoo account"),
        "tax": QCoreApplication.translate("odoo", "Odoo tax"),
        "dimension": QCoreApplication.translate("odoo", "analytic plan"),
        "dimensions": QCoreApplication.translate("odoo", "analytic plans"),
        "wallet": QCoreApplication.translate("odoo", "Pleo wallet account"),
        "out_of_pocket": QCoreApplication.translate("odoo", "Pleo account for out-of-pocket expenses"),
        "external_reimbursement": QCoreApplication.translate("odoo", "Pleo counter account for external reimbursements"),
        "payable": QCoreApplication.translate("odoo", "Accounts payable (type Payable, for vendor bills)"),
        "accounts_hint": QCoreApplication.translate(
            "odoo", "In Odoo these live under Accounting > Configuration > Chart of Accounts. Any type "
                    "will do, except that accounts payable must be of the type Payable."),
    }


def OBJECT_KINDS() -> dict[str, list[tuple[str, str]]]:  # noqa: N802
    choices = [("entry", QCoreApplication.translate("odoo", "Journal entry")),
               ("bill", QCoreApplication.translate("odoo", "Vendor bill"))]
    return {"card": list(choices), "reimbursement": list(choices)}


def JOURNAL_ROLES() -> list[dict[str, Any]]:  # noqa: N802
    """The journals page 4 asks for, as Pleo's Odoo integration does (its help: "link the journals and
    accounts"): the card-expense journal (Miscellaneous) and the vendor-bill journal (Purchase),
    which pleodesk creates when none is chosen, and the bank journal of the Pleo wallet that the bank
    feed writes its statement lines to (Bank; Odoo must have it)."""
    from pleodesk.providers.odoo.provider import DEFAULT_JOURNALS

    pleo_code, pleo_name, _ = DEFAULT_JOURNALS["pleo"]
    bills_code, bills_name, _ = DEFAULT_JOURNALS["bills"]
    return [
        {"role": "pleo", "types": ("general",), "default_code": pleo_code,
         "label": QCoreApplication.translate("odoo", "Journal for Pleo expenses (type Miscellaneous):"),
         "create": QCoreApplication.translate("odoo", "Create {code} \"{name}\"").format(code=pleo_code,
                                                                                         name=pleo_name)},
        {"role": "bills", "types": ("purchase",), "default_code": bills_code,
         "label": QCoreApplication.translate("odoo", "Journal for vendor bills (type Purchase):"),
         "create": QCoreApplication.translate("odoo", "Create {code} \"{name}\"").format(code=bills_code,
                                                                                         name=bills_name)},
        {"role": "bank", "types": ("bank", "cash"), "default_code": None,
         "label": QCoreApplication.translate("odoo", "Bank journal of the Pleo wallet, for the bank feed:"),
         "create": None},
    ]


def list_journals(state) -> list[dict[str, Any]]:
    """The Odoo company's journals (off the GUI thread)."""
    from pleodesk.connections import make_provider

    provider = make_provider(state.provider_connection())
    try:
        return provider.list_journals()
    finally:
        provider.close()


def feed_problem(settings: dict[str, Any]) -> str | None:
    """Why the bank feed cannot be turned on yet, or None."""
    if (settings.get("journals") or {}).get("bank"):
        return None
    return QCoreApplication.translate(
        "odoo", "The bank feed needs the bank journal of the Pleo wallet: choose it on the page \"Bank account and "
                "journals\". If Odoo has none yet, create one there (Accounting > Configuration > Journals > New, "
                "type Bank, with the Pleo wallet account as its account) and read the journals again.")


def create_account(state, code: str, name: str, type_: str) -> LedgerAccount:
    """Page 4's "Create…": the account is created in Odoo, then the chart is read again."""
    from pleodesk.connections import make_provider

    provider = make_provider(state.provider_connection())
    try:
        account = provider.create_account(code, name, type_)
        state.set_chart(provider.read_chart())
    finally:
        provider.close()
    return account


def create_tax(state, key: str) -> LedgerTax:
    """The Categories page's "Create a 0 % purchase tax": made in Odoo (named ``0%``, as Odoo 17 names
    its taxes), then the chart is read again."""
    from pleodesk.connections import make_provider

    provider = make_provider(state.provider_connection())
    try:
        tax = provider.create_tax(key)
        state.set_chart(provider.read_chart())
    finally:
        provider.close()
    return tax


def tax_missing(chart) -> bool:
    """Whether the chart lacks the 0 % purchase tax pleodesk would create (named ``0%``): the Dutch chart
    has none on 17, and on 16 only two for intra-EU imports, which a domestic 0 % must not use."""
    return "0%" not in chart.taxes


def _stored_key(wizard) -> str | None:
    try:
        return wizard.ledger_secrets().get(SECRET)
    except Exception:  # noqa: BLE001 - no keyring: the user types the key
        return None


def check_connection(url: str, database: str, login: str, key: str, company_id: int | None,
                     settings: dict | None = None) -> dict:
    """What the page's check does, without Qt: ``{"companies", "messages", "company_id", "chart"}``;
    ``chart`` is None when the user still has to choose among several companies. ValueError: why not."""
    from pleodesk.providers.odoo import OdooProvider

    provider = OdooProvider(url, database, login, key, company_id=company_id, settings=settings or {})
    try:
        result = provider.check()
        if not result.ok:
            raise ValueError(" ".join(result.messages))
        companies = provider.list_companies()
        ids = [int(c.id) for c in companies]
        out = {"companies": [(int(c.id), c.name) for c in companies], "messages": list(result.messages),
               "version": result.version, "company_id": company_id, "chart": None}
        if company_id is None:
            if len(companies) != 1:
                return out
            company_id = ids[0]
        elif company_id not in ids:
            raise ValueError(QCoreApplication.translate(
                "odoo", "The Odoo user may not use the chosen company. Choose another one."))
        out["company_id"] = company_id
        provider.company_id = company_id
        provider.rpc.context = {"allowed_company_ids": [company_id]}
        result = provider.check()
        if not result.ok:
            raise ValueError(" ".join(result.messages))
        out["chart"] = provider.read_chart()
        return out
    finally:
        provider.close()


class ConnectPage(SystemPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Connect Odoo"))
        self.setSubTitle(self.tr("pleodesk books each expense in Odoo through its API, with an API key of a user "
                                 "who is an Accountant or Adviser and has the Settings right."))
        self._companies: list[tuple[int, str]] = []
        self._demo_url: str | None = None
        self._checking = False
        self._last_check: tuple[tuple, dict] | None = None      # (the values checked, what the check said)
        lay = QVBoxLayout(self)
        form = QFormLayout()

        def field(text: str, accessible: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit(self)
            edit.setAccessibleName(accessible)
            if placeholder:
                edit.setPlaceholderText(placeholder)
            label = QLabel(text, self)
            label.setBuddy(edit)
            form.addRow(label, edit)
            edit.textChanged.connect(self._changed)
            return edit

        self.url = field(self.tr("&Address:"), self.tr("Odoo address"), "https://mycompany.odoo.com")
        self.database = field(self.tr("&Database:"), self.tr("Odoo database"), "mycompany")
        self.login = field(self.tr("&Login:"), self.tr("Odoo login"), "bookkeeper@example.com")
        self.key = field(self.tr("API &key:"), self.tr("Odoo API key"))
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.company = QComboBox(self)
        self.company.setAccessibleName(self.tr("Odoo company"))
        self.company.setEnabled(False)
        company_label = QLabel(self.tr("&Company:"), self)
        company_label.setBuddy(self.company)
        form.addRow(company_label, self.company)
        self.check_button = QPushButton(self.tr("C&heck"), self)
        self.check_button.setAccessibleName(self.tr("Check the connection to Odoo"))
        self.check_button.setToolTip(self.tr("Check the address, database, login and key, and report Odoo's "
                                             "version, the user's rights and missing apps, and the companies."))
        self.check_button.clicked.connect(self.check)
        form.addRow("", self.check_button)
        form.addRow("", self.status)           # the check's result right under Check, as on the Pleo page
        self.demo_button = QPushButton(self.tr("Use the de&mo company's Odoo"), self)
        self.demo_button.setToolTip(self.tr("Book into an Odoo emulated on this computer, to try pleodesk with "
                                            "the demo company."))
        self.demo_button.clicked.connect(self._use_demo)
        form.addRow("", self.demo_button)
        lay.addLayout(form)
        lay.addWidget(hint(self.tr(
            "Address: copy it from the browser, up to .com (or your own domain). Database: in Odoo, user menu > "
            "My Databases; or, in developer mode, under the user icon; or right-click a page, Inspect, search for "
            "db and copy the word in quotes after it. API key: your profile > Account Security > New API Key. "
            "The Employees app must be installed."), self))
        lay.addStretch(1)

    def initializePage(self) -> None:
        s = self.state.system_settings
        self.demo_button.setVisible(self.is_demo())
        self._demo_url = s.get("url") if s.get("demo_ledger") else None
        self.url.setText(s.get("url", ""))
        self.database.setText(s.get("database", ""))
        self.login.setText(s.get("login", ""))
        self.key.clear()
        if _stored_key(self.wizard()):
            self.key.setPlaceholderText(self.tr("(stored; type a new key to replace it)"))
        self.company.clear()
        self._companies = []
        self._last_check = None
        if s.get("company_id"):
            self.company.addItem(s.get("company_name") or str(s["company_id"]), int(s["company_id"]))
            self.company.setEnabled(True)
        self._changed()

    def secrets_arrived(self) -> None:
        """The stored key was read (off the GUI thread) after the page was shown."""
        if _stored_key(self.wizard()):
            self.key.setPlaceholderText(self.tr("(stored; type a new key to replace it)"))
        self._changed()

    def _changed(self, *_args) -> None:
        self.check_button.setEnabled(self.isComplete() and not self._checking)
        self.completeChanged.emit()

    def _key(self) -> str:
        return self.key.text().strip() or (_stored_key(self.wizard()) or "")

    def isComplete(self) -> bool:
        return all(w.text().strip() for w in (self.url, self.database, self.login)) and bool(
            self.key.text().strip() or _stored_key(self.wizard()))

    def _use_demo(self) -> None:
        """Fill in the sandbox's Odoo and check it, as Next would."""
        from pleodesk.demo import odoo_demo_login

        def ready(sandbox) -> None:
            login = odoo_demo_login(sandbox)
            self.url.setText(login["url"])
            self.database.setText(login["database"])
            self.login.setText(login["login"])
            self.key.setText(login["key"])
            self._demo_url = login["url"]
            self.wizard().next()

        self.with_demo_sandbox(ready)

    def _values(self) -> tuple:
        """What a check depends on: address, database, login, key and the chosen company (or None)."""
        company_id = self.company.currentData() if self.company.isEnabled() else None
        return (self.url.text().strip(), self.database.text().strip(), self.login.text().strip(), self._key(),
                company_id)

    def _run_check(self, done, failed, reuse: bool = False) -> None:
        """Check the values off the GUI thread. With ``reuse`` (Next), a check that just passed for the same
        values (the Check button's) is not repeated."""
        values = self._values()
        if reuse and self._last_check is not None and self._last_check[0] == values:
            out = self._last_check[1]
            self.run_task(lambda: out, done, failed)
            return

        def checked(out: dict) -> None:
            self._last_check = (values, out)
            done(out)

        def not_checked(exc: BaseException) -> None:
            self._last_check = None
            failed(exc)

        self.run_task(lambda: check_connection(*values), checked, not_checked)

    def _fill_companies(self, out: dict) -> None:
        """The companies the user may book in; the one the check settled on (or the current one) chosen."""
        self._companies = out["companies"]
        current = out["company_id"] or (self.company.currentData() if self.company.isEnabled() else None)
        self.company.blockSignals(True)
        self.company.clear()
        for cid, name in self._companies:
            self.company.addItem(name, cid)
        index = self.company.findData(current) if current is not None else -1
        self.company.setCurrentIndex(max(index, 0))
        self.company.blockSignals(False)
        self.company.setEnabled(bool(self._companies))

    def report(self, out: dict) -> tuple[str, bool]:
        """The check's result in plain words: version, rights, apps, warnings, companies, chart."""
        warnings = [m for m in out["messages"] if m.startswith("Warning")]
        parts = [self.tr("{version} accepted the login {login} and its API key. The user has the rights pleodesk "
                         "needs (Accountant or Adviser, and Settings); the Invoicing and Employees apps are "
                         "installed.").format(version=out["version"] or "Odoo", login=self.login.text().strip())]
        parts += warnings
        n = len(out["companies"])
        chart = out["chart"]
        if chart is None:
            parts.append(self.tr("This user may book in %n company(-ies): choose the one for this connection, then "
                                 "press Next.", "", n))
        else:
            name = next((nm for cid, nm in out["companies"] if cid == out["company_id"]), "")
            parts.append(self.tr("Company {company} (of {n} this user may book in): {accounts} accounts, {taxes} "
                                 "purchase taxes, {plans} analytic plans.").format(
                company=name, n=n, accounts=len(chart.accounts), taxes=len(chart.taxes),
                plans=len(chart.dimensions)))
        return " ".join(parts), not warnings

    def check(self) -> None:
        """The Check button: run the check, show its report and fill the company choice; stay on the page."""
        if not self.isComplete() or self._busy:
            return
        self._checking = True
        self.check_button.setEnabled(False)
        self.set_busy(True)
        self.show_status(self.tr("Checking Odoo…"))

        def done(out: dict) -> None:
            self._checking = False
            self.set_busy(False)
            self._fill_companies(out)
            text, ok = self.report(out)
            self.show_status(text, ok if out["chart"] is not None else None)
            self._changed()

        def failed(exc: BaseException) -> None:
            self._checking = False
            self.set_busy(False)
            self.show_status(str(exc), False)
            self._changed()

        self._run_check(done, failed)

    def validatePage(self) -> bool:
        if self.take_validated():
            return True
        url, database, login = self.url.text().strip(), self.database.text().strip(), self.login.text().strip()
        key = self._key()
        previous = dict(self.state.system_settings)
        self.set_busy(True)
        self.show_status(self.tr("Checking Odoo…"))

        def done(out: dict) -> None:
            if out["chart"] is None:
                self._fill_companies(out)
                self.set_busy(False)
                self.show_status(self.report(out)[0], None)     # version, rights, then: choose the company
                return
            self._companies = out["companies"]
            name = next((n for cid, n in self._companies if cid == out["company_id"]), "")
            settings = {k: v for k, v in previous.items()
                        if k in ("accounts", "account_ids", "journals", "options")}
            settings.update({"url": url, "database": database, "login": login,
                             "company_id": out["company_id"], "company_name": name})
            from pleodesk.providers.odoo.rpc import normalise_url

            settings["url"] = normalise_url(url)
            if self._demo_url and settings["url"] == normalise_url(self._demo_url):
                settings["demo_ledger"] = True     # pointed at each run's sandbox again (pleodesk.demo)
            self.save(settings, {SECRET: key}, out["chart"])
            warnings = [m for m in out["messages"] if m.startswith("Warning")]
            chart = out["chart"]
            text = self.tr("Connected to {version}, company {company}: {accounts} accounts, {taxes} purchase "
                           "taxes, {plans} analytic plans.").format(
                version=out["version"], company=name, accounts=len(chart.accounts), taxes=len(chart.taxes),
                plans=len(chart.dimensions))
            self.show_status(" ".join(warnings + [text]), not warnings)
            self.finish_validation()

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            self.show_status(str(exc), False)

        self._run_check(done, failed, reuse=True)
        return False

class ReconnectPanel(QWidget):
    """The Reconnect dialog's Odoo part: a new API key of the same user, for the same database and
    company. It is checked off the GUI thread (as the connect page does) and only then stored."""

    def __init__(self, conn, required: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.conn = conn
        s = conn.settings or {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(hint(self.tr(
            "Odoo refused the stored API key. Sign in to Odoo as {login}, open your profile > Account Security > "
            "New API Key and paste the key here. The connection stays with the database {database} and the "
            "company {company}.").format(login=s.get("login", ""), database=s.get("database", ""),
                                         company=s.get("company_name") or s.get("company_id", "")), self))
        form = QFormLayout()
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("New Odoo API key"))
        self.key.setPlaceholderText(self.tr("Leave empty to try the stored key again"))
        label = QLabel(self.tr("New &Odoo API key:"), self)
        label.setBuddy(self.key)
        form.addRow(label, self.key)
        lay.addLayout(form)

    def pending(self) -> bool:
        return bool(self.key.text().strip())

    def reconnect(self, done, failed) -> None:
        from pleodesk.connections import ledger_secret_name
        from pleodesk.secrets import set_secret
        from pleodesk.ui.tasks import run_task

        s = dict(self.conn.settings or {})
        conn_id, key = self.conn.id, self.key.text().strip()
        company_id = int(s["company_id"]) if s.get("company_id") else None

        def work() -> dict:
            check_connection(s.get("url", ""), s.get("database", ""), s.get("login", ""), key, company_id,
                             settings=s)
            set_secret(ledger_secret_name(conn_id, SECRET), key)
            return {}

        def error(exc: BaseException) -> None:
            failed(" ".join(x for x in (str(exc), getattr(exc, "fix", "")) if x))

        run_task(work, done, error, owner=self)

    def cancel(self) -> None:
        """Nothing to stop: the check ends by itself."""
