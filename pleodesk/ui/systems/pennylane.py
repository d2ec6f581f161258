"""The wizard page of Pennylane: the company's API token, checked with /me, and how expenses are booked.

The token is made in Pennylane (Settings > Connectivity > Developers) with the permissions pleodesk
needs; it is kept in the keyring. "Check" (and Next) read the token's company and permissions off the
GUI thread, then the chart. Page 4 chooses or creates the Pleo journal and the Pleo bank ledger
account (512…); page 5 maps categories to ledger accounts (6…) and tax codes to the VAT accounts
(4456…) at their rate; page 6 maps tag groups to Pennylane's analytic category groups.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QButtonGroup, QFormLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QVBoxLayout,
                               QWidget)

from pleodesk.core.ledger import LedgerAccount
from pleodesk.ui.systems import SystemPage
from pleodesk.ui.widgets import hint

SECRET = "pennylane-token"


def LABEL() -> str:  # noqa: N802 - the plugin contract's name
    return QCoreApplication.translate("pennylane", "Pennylane")


def DESCRIPTION() -> str:  # noqa: N802
    return QCoreApplication.translate(
        "pennylane", "Ledger entries in a Pleo journal in Pennylane, one per expense with its receipt or one per "
                     "day or month; analytic categories as Pleo tag groups.")


def naming() -> dict[str, str]:
    return {
        "account": QCoreApplication.translate("pennylane", "ledger account"),
        "tax": QCoreApplication.translate("pennylane", "VAT account and rate"),
        "dimension": QCoreApplication.translate("pennylane", "analytic category group"),
        "dimensions": QCoreApplication.translate("pennylane", "analytic category groups"),
        "wallet": QCoreApplication.translate("pennylane", "Pleo bank ledger account (512…)"),
        "out_of_pocket": QCoreApplication.translate("pennylane", "Amounts owed to employees (421…)"),
        "external_reimbursement": QCoreApplication.translate("pennylane", "Counter account of reimbursements paid "
                                                                          "outside Pleo"),
        "payable": QCoreApplication.translate("pennylane", "Suppliers (401…)"),
        "accounts_hint": QCoreApplication.translate(
            "pennylane", "The Pleo bank ledger account is the counter side of each entry: choose a 512 account, or "
                         "create one (pleodesk proposes 512100 Banque Pleo). The other accounts are only needed for "
                         "those kinds of expense."),
    }


def JOURNAL_ROLES() -> list[dict[str, Any]]:  # noqa: N802
    from pleodesk.providers.pennylane.provider import JOURNAL_CODE, JOURNAL_LABEL

    return [{"role": "pleo", "types": ("misc", "bank", "purchase", ""), "default_code": JOURNAL_CODE,
             "label": QCoreApplication.translate("pennylane", "Journal for Pleo expenses:"),
             "create": QCoreApplication.translate("pennylane", "Create {code} \"{name}\"").format(
                 code=JOURNAL_CODE, name=JOURNAL_LABEL)}]


def _provider(state):
    from pleodesk.connections import make_provider

    return make_provider(state.provider_connection())


def list_journals(state) -> list[dict[str, Any]]:
    provider = _provider(state)
    try:
        return provider.list_journals()
    finally:
        provider.close()


def create_account(state, code: str, name: str, type_: str) -> LedgerAccount:
    """Page 4's "Create…": the ledger account is created in Pennylane, then the chart is read again."""
    provider = _provider(state)
    try:
        acc = provider.ensure_account(code, name)
        state.set_chart(provider.read_chart())
    finally:
        provider.close()
    return state.chart.accounts.get(acc.number) or LedgerAccount(acc.number, acc.label, type_, True, str(acc.id))


def suggested_accounts(settings: dict[str, Any]) -> dict[str, str]:
    from pleodesk.providers.pennylane.provider import BANK_ACCOUNT_NUMBER

    return {"wallet": settings.get("bank_account_number") or BANK_ACCOUNT_NUMBER}


def account_types() -> dict[str, set[str]]:
    return {"wallet": {"bank"}}


def settings_for_accounts(settings: dict[str, Any], mappings) -> dict[str, Any]:
    from pleodesk.core.ledger import ContraRole

    wallet = mappings.contra.get(ContraRole.WALLET)
    return {"bank_account_number": wallet} if wallet and settings.get("bank_account_number") != wallet else {}


def summary_choices() -> list[tuple[str, str]]:
    return [("none", QCoreApplication.translate("pennylane", "One entry per expense, with its receipt")),
            ("daily", QCoreApplication.translate("pennylane", "One summary entry per day")),
            ("monthly", QCoreApplication.translate("pennylane", "One summary entry per month"))]


def check_token(settings: dict[str, Any], token: str) -> dict[str, Any]:
    """What the page's check does, without Qt: the token's company and permissions, then the chart.
    ValueError in plain words when the token cannot be used."""
    from types import SimpleNamespace

    from pleodesk.providers.pennylane import create_provider

    conn = SimpleNamespace(id="wizard", name="", settings=dict(settings))
    provider = create_provider(conn, token_source=lambda: token)
    try:
        result = provider.check()
        if not result.ok:
            raise ValueError(" ".join(result.messages[1:] or result.messages))
        me = provider.me()
        chart = provider.read_chart()
        return {"company": me.get("company") or {}, "scopes": sorted(me.get("scopes") or ()), "chart": chart,
                "missing_optional": [s for s in ("categories:readonly", "fiscal_years:readonly")
                                     if s not in set(me.get("scopes") or ())
                                     and s.replace(":readonly", ":all") not in set(me.get("scopes") or ())]}
    finally:
        provider.close()


def _stored_token(wizard) -> str | None:
    try:
        return wizard.ledger_secrets().get(SECRET)
    except Exception:  # noqa: BLE001 - no keyring: the user types the token
        return None


class ConnectPage(SystemPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Connect Pennylane"))
        self.setSubTitle(self.tr("pleodesk books into Pennylane with your company's own API token: it needs no "
                                 "partner agreement."))
        self._demo: dict[str, Any] | None = None
        self._last: tuple[tuple, dict] | None = None
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("Pennylane API token"))
        label = QLabel(self.tr("API &token:"), self)
        label.setBuddy(self.token)
        form.addRow(label, self.token)
        self.check_button = QPushButton(self.tr("C&heck"), self)
        self.check_button.setAccessibleName(self.tr("Check the token with Pennylane"))
        self.check_button.clicked.connect(self.check)
        form.addRow("", self.check_button)
        self.demo_button = QPushButton(self.tr("Use the de&mo company's Pennylane"), self)
        self.demo_button.setToolTip(self.tr("Book into a Pennylane emulated on this computer, to try pleodesk with "
                                            "the demo company."))
        self.demo_button.clicked.connect(self._use_demo)
        form.addRow("", self.demo_button)
        lay.addLayout(form)
        lay.addWidget(hint(self.tr(
            "Make the token in Pennylane under Settings > Connectivity > Developers (an administrator, on the "
            "Essential plan or higher). Give it these permissions: journals, ledger accounts, ledger entries and "
            "file attachments (read and write); for analytics and the check of closed fiscal years also categories "
            "and fiscal years (read). Pennylane shows the token once: paste it here."), self))
        lay.addSpacing(6)
        lay.addWidget(QLabel(self.tr("How should expenses be booked?"), self))
        self.modes = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        for value, text in summary_choices():
            b = QRadioButton(text, self)
            self.modes.addButton(b)
            self.mode_buttons[value] = b
            lay.addWidget(b)
        lay.addWidget(hint(self.tr("A summary entry has one line per account, VAT rate and analytic value, balanced "
                                   "against the Pleo bank account, and is made once its day or month has ended; "
                                   "receipts are only attached to entries of one expense."), self))
        lay.addStretch(1)
        lay.addWidget(self.status)
        self.token.textChanged.connect(self._changed)

    def initializePage(self) -> None:
        s = self.state.system_settings
        self.demo_button.setVisible(self.is_demo())
        self._demo = {k: s[k] for k in ("api_url", "web_url") if k in s} if s.get("demo_ledger") else None
        self.token.clear()
        if _stored_token(self.wizard()):
            self.token.setPlaceholderText(self.tr("(stored; paste a new token to replace it)"))
        self.mode_buttons.get(s.get("summary") or "none", self.mode_buttons["none"]).setChecked(True)
        self._last = None
        self._changed()

    def secrets_arrived(self) -> None:
        if _stored_token(self.wizard()):
            self.token.setPlaceholderText(self.tr("(stored; paste a new token to replace it)"))
        self._changed()

    def _changed(self, *_args) -> None:
        self.check_button.setEnabled(self.isComplete() and not self._busy)
        self.completeChanged.emit()

    def _token(self) -> str:
        return self.token.text().strip() or (_stored_token(self.wizard()) or "")

    def isComplete(self) -> bool:
        return bool(self._token())

    def _mode(self) -> str:
        return next((v for v, b in self.mode_buttons.items() if b.isChecked()), "none")

    def _settings(self) -> dict[str, Any]:
        keep = {k: v for k, v in self.state.system_settings.items()
                if k in ("journals", "journal_code", "bank_account_number", "vat_due_account")}
        if self._demo:
            keep.update(self._demo, demo_ledger=True)
        return keep

    def _use_demo(self) -> None:
        from pleodesk.demo import pennylane_demo_login

        def ready(sandbox) -> None:
            login = pennylane_demo_login(sandbox)
            self._demo = login["settings"]
            self.token.setText(login["token"])
            self.wizard().next()

        self.with_demo_sandbox(ready)

    def _run(self, done, failed, reuse: bool = False) -> None:
        settings, token = self._settings(), self._token()
        key = (tuple(sorted(settings.items(), key=str)), token)
        if reuse and self._last is not None and self._last[0] == key:
            out = self._last[1]
            self.run_task(lambda: out, done, failed)
            return

        def checked(out: dict) -> None:
            self._last = (key, out)
            done(out)

        self.run_task(lambda: check_token(settings, token), checked, failed)

    def report(self, out: dict) -> str:
        company = out["company"]
        text = self.tr("Pennylane accepted the token of {company} (SIREN {siren}): {accounts} ledger accounts, "
                       "{groups} analytic category groups.").format(
            company=company.get("name", ""), siren=company.get("reg_no") or "?",
            accounts=len(out["chart"].accounts), groups=len(out["chart"].dimensions))
        if out["missing_optional"]:
            text += " " + self.tr("Without the permissions {scopes} pleodesk sets no analytics and leaves the check "
                                  "of closed fiscal years to Pennylane.").format(
                scopes=", ".join(out["missing_optional"]))
        return text

    def check(self) -> None:
        if not self.isComplete() or self._busy:
            return
        self.set_busy(True)
        self.show_status(self.tr("Checking the token with Pennylane…"))

        def done(out: dict) -> None:
            self.set_busy(False)
            self.show_status(self.report(out), not out["missing_optional"])
            self._changed()

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            self.show_status(str(exc), False)
            self._changed()

        self._run(done, failed)

    def validatePage(self) -> bool:
        if self.take_validated():
            return True
        token = self._token()
        mode = self._mode()
        self.set_busy(True)
        self.show_status(self.tr("Checking the token with Pennylane…"))

        def done(out: dict) -> None:
            settings = self._settings()
            company = out["company"]
            settings.update(company_id=str(company.get("id")), company_name=company.get("name"),
                            company_reg_no=company.get("reg_no"), summary=mode)
            self.save(settings, {SECRET: token}, out["chart"])
            self.show_status(self.report(out), not out["missing_optional"])
            self.finish_validation()

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            self.show_status(str(exc), False)

        self._run(done, failed, reuse=True)
        return False


class ReconnectPanel(QWidget):
    """The Reconnect dialog's Pennylane part: a new API token of the same company, checked (its company
    must be the connection's) off the GUI thread and only then stored."""

    def __init__(self, conn, required: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.conn = conn
        s = conn.settings or {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(hint(self.tr(
            "Pennylane refused the stored API token (it may have been revoked or have expired). Make a new token "
            "for {company} in Pennylane under Settings > Connectivity > Developers and paste it here.").format(
            company=s.get("company_name") or s.get("company_id", "")), self))
        form = QFormLayout()
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("New Pennylane API token"))
        label = QLabel(self.tr("New &Pennylane token:"), self)
        label.setBuddy(self.token)
        form.addRow(label, self.token)
        lay.addLayout(form)

    def pending(self) -> bool:
        return bool(self.token.text().strip())

    def reconnect(self, done, failed) -> None:
        from pleodesk.connections import ledger_secret_name
        from pleodesk.secrets import set_secret
        from pleodesk.ui.tasks import run_task

        settings = dict(self.conn.settings or {})
        conn_id, token = self.conn.id, self.token.text().strip()

        def work() -> dict:
            check_token(settings, token)            # the same company: check() compares company_id
            set_secret(ledger_secret_name(conn_id, SECRET), token)
            return {}

        run_task(work, done, lambda exc: failed(" ".join(x for x in (str(exc), getattr(exc, "fix", "")) if x)),
                 owner=self)

    def cancel(self) -> None:
        """Nothing to stop: the check ends by itself."""
