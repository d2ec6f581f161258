"""The wizard page of Xero: sign in through the browser, choose the organisation, set up the Pleo accounts.

"Connect to Xero" opens the system browser on Xero's sign-in (OAuth with PKCE, a loopback redirect), with
pleodesk's own Xero app (its client id is built in; a user's own app's id goes under "Advanced");
the page waits off the GUI thread and can be cancelled. Xero then lists the organisations the sign-in
covers; one connection books into one of them. "Next" stores the tokens in the keyring (nowhere else),
creates or finds the Pleo bank account in the wallet's currency, the default expense account and the
out-of-pocket account (or explains what to create by hand), and reads the chart.
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
SECRET = "xero-oauth"


def LABEL() -> str:  # noqa: N802 - the plugin contract's name
    return QCoreApplication.translate("xero", "Xero")


def DESCRIPTION() -> str:  # noqa: N802
    return QCoreApplication.translate(
        "xero", "Spend money on a Pleo bank account in Xero (bills for out-of-pocket expenses if you prefer), "
                "receipts attached, tracking categories as Pleo tag groups.")


def naming() -> dict[str, str]:
    return {
        "account": QCoreApplication.translate("xero", "Xero account"),
        "tax": QCoreApplication.translate("xero", "Xero tax rate"),
        "dimension": QCoreApplication.translate("xero", "tracking category"),
        "dimensions": QCoreApplication.translate("xero", "tracking categories"),
        "wallet": QCoreApplication.translate("xero", "Pleo bank account in Xero"),
        "out_of_pocket": QCoreApplication.translate("xero", "Out-of-pocket bank account in Xero"),
        "external_reimbursement": QCoreApplication.translate("xero", "Bank account reimbursements are paid from"),
        "payable": QCoreApplication.translate("xero", "Accounts payable (for Pleo invoices, booked as bills)"),
        "accounts_hint": QCoreApplication.translate(
            "xero", "In Xero these are under Accounting > Chart of accounts. The Pleo wallet and "
                    "out-of-pocket accounts must be bank accounts: pleodesk created PLEOBANK and "
                    "PLEOPOCKET for you where Xero allowed it."),
    }


def OBJECT_KINDS() -> dict[str, list[tuple[str, str]]]:  # noqa: N802
    return {"reimbursement": [
        ("spend_money", QCoreApplication.translate("xero", "Spend money on the out-of-pocket bank account")),
        ("bill", QCoreApplication.translate("xero", "A bill to the employee"))]}


def suggested_accounts(settings: dict[str, Any]) -> dict[str, str]:
    """The accounts "Next" found or created in Xero, for page 4: the Pleo bank account (where the bank
    feed goes), the out-of-pocket bank account and the expense account for lines without a category
    (those Xero refused are missing: page 4 asks for them)."""
    return {"wallet": settings.get("bank_account_code"), "out_of_pocket": settings.get("out_of_pocket_account_code"),
            "default": settings.get("default_account_code")}


def account_types() -> dict[str, set[str]]:
    """Page 4 offers only bank accounts for these roles: spend money and transfers need them."""
    return {"wallet": {"bank"}, "out_of_pocket": {"bank"}}


# Page 4's roles -> the settings keys the provider reads (the setup finds or checks these accounts,
# the bank feed goes to the Pleo bank account, the check looks at it).
_ROLE_KEYS = {"wallet": "bank_account_code", "out_of_pocket": "out_of_pocket_account_code",
              "default": "default_account_code"}


def settings_for_accounts(settings: dict[str, Any], mappings) -> dict[str, Any]:
    """The settings page 4's choices imply: the chosen Pleo bank account, out-of-pocket account and
    account for expenses without a category are the ones the provider uses."""
    from pleodesk.core.ledger import ContraRole

    chosen = {"wallet": mappings.contra.get(ContraRole.WALLET),
              "out_of_pocket": mappings.contra.get(ContraRole.OUT_OF_POCKET),
              "default": mappings.default_account}
    out: dict[str, Any] = {}
    for role, code in chosen.items():
        if code and settings.get(_ROLE_KEYS[role]) != code:
            out[_ROLE_KEYS[role]] = code
    if "bank_account_code" in out:
        # another Pleo bank account: its id and its bank feed are found again
        out["bank_account_id"] = None
        out["feed_connection_id"] = None
    return out


def accounts_note(settings: dict[str, Any]) -> str | None:
    """Page 4: what Xero did not let pleodesk create, and what to do about it, in plain words."""
    roles = [r for r in ("wallet", "out_of_pocket", "default") if r in (settings.get("accounts_by_hand") or ())]
    if not roles:
        return None
    currency = settings.get("wallet_currency") or settings.get("base_currency") or ""
    org = settings.get("organisation_name") or settings.get("tenant_name") or ""
    lines = [QCoreApplication.translate(
        "xero", "Xero did not let pleodesk create these accounts in {organisation}, so this is one step by "
                "hand:").format(organisation=org)]
    if settings.get("organisation_version") == "US" or settings.get("country") == "US":
        lines.append(QCoreApplication.translate(
            "xero", "Xero does not let apps add bank accounts to a US organisation."))
    elif currency and currency != settings.get("base_currency"):
        lines.append(QCoreApplication.translate(
            "xero", "The organisation cannot use {currency} yet: add it in Xero under Settings > Currencies "
                    "(it needs a Xero plan with multiple currencies).").format(currency=currency))
    steps = {
        "wallet": QCoreApplication.translate(
            "xero", "• The Pleo bank account: in Xero, add a bank account in {currency} (Accounting > Chart of "
                    "accounts > Add Bank Account), for example named \"Pleo Account\"."),
        "out_of_pocket": QCoreApplication.translate(
            "xero", "• The out-of-pocket account: add another bank account in {currency}, for example named "
                    "\"Pleo out-of-pocket\" (or book out-of-pocket expenses as bills to the employee, on the "
                    "page Export options)."),
        "default": QCoreApplication.translate(
            "xero", "• The account for expenses without a category: add an expense account, for example named "
                    "\"Pleo expenses without category\"."),
    }
    lines += [steps[r].format(currency=currency) for r in roles]
    lines.append(QCoreApplication.translate(
        "xero", "Then press Read the chart again and choose them below. An existing bank account in {currency} "
                "can be chosen as well.").format(currency=currency))
    return "\n".join(lines)


_TYPES = {"bank": "BANK", "expense": "EXPENSE", "liability": "CURRLIAB", "asset": "CURRENT", "income": "REVENUE",
          "equity": "EQUITY", "tax": "CURRLIAB"}


def create_account(state, code: str, name: str, type_: str) -> LedgerAccount:
    """Page 4's "Create…": the account is created in Xero, then the chart is read again."""
    from pleodesk.connections import make_provider

    provider = make_provider(state.provider_connection())
    try:
        provider.create_account(code, name, _TYPES.get(type_, "EXPENSE"))
        chart = provider.read_chart()
        state.set_chart(chart)
    finally:
        provider.close()
    return chart.accounts[code]


def wallet_currency(pleo_data) -> str | None:
    company = (getattr(pleo_data, "company", None) or {})
    company = company.get("data", company)
    return company.get("currency") or (company.get("wallet") or {}).get("currency")


def finish(conn_id: Any, settings: dict[str, Any], sign_in, tenant) -> tuple[dict[str, Any], dict[str, str], Any]:
    """What "Next" does, without Qt: the settings, the secret and the chart of the chosen organisation.
    Raises LedgerError / ValueError with a plain message."""
    from types import SimpleNamespace

    from pleodesk.providers.xero import create_provider
    from pleodesk.providers.xero.auth import XeroConnector

    connector = XeroConnector(settings)
    new = dict(settings)
    new.update(connector.settings_for(sign_in, tenant))
    connector.store(conn_id, sign_in)
    provider = create_provider(SimpleNamespace(id=conn_id, name=tenant.name, settings=new))
    try:
        result = provider.check()
        if not result.ok:
            raise ValueError(" ".join(result.messages))
        # The accounts Xero does not let pleodesk create are left for page 4, where the user chooses
        # existing ones (settings["accounts_by_hand"] says which; ``accounts_note`` explains).
        out, _missing = provider.setup_accounts(new)
        new.update(out)
        if "accounts_by_hand" not in out:
            new.pop("accounts_by_hand", None)
        chart = provider.read_chart()
    finally:
        provider.close()
    return new, {SECRET: sign_in.tokens.to_json()}, chart


class ConnectPage(SystemPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Connect Xero"))
        self.setSubTitle(self.tr("pleodesk signs in to Xero in your browser; Xero asks which organisation pleodesk "
                                 "may book into. Nothing is stored but a sign-in token, in this computer's keyring."))
        self._sign_in = None
        self._cancel: threading.Event | None = None
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.sign_in_button = QPushButton(self.tr("&Connect to Xero…"), self)
        self.sign_in_button.setAccessibleName(self.tr("Connect to Xero: sign in in the browser and allow pleodesk"))
        self.sign_in_button.setToolTip(self.tr("Opens Xero in your browser: sign in, choose the organisation and "
                                               "allow pleodesk."))
        self.sign_in_button.clicked.connect(lambda: self._start_sign_in())
        self.stop_button = QPushButton(self.tr("Stop &waiting"), self)
        self.stop_button.setAccessibleName(self.tr("Stop waiting for the Xero sign-in"))
        self.stop_button.clicked.connect(self.stop_waiting)
        self.stop_button.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sign_in_button)
        row.addWidget(self.stop_button)
        row.addStretch(1)
        form.addRow("", row)
        self.demo_button = QPushButton(self.tr("Use the de&mo company's Xero"), self)
        self.demo_button.setToolTip(self.tr("Sign in to a Xero organisation emulated on this computer, to try "
                                            "pleodesk with the demo company."))
        self.demo_button.clicked.connect(self._use_demo)
        form.addRow("", self.demo_button)
        self.organisation = QComboBox(self)
        self.organisation.setAccessibleName(self.tr("Xero organisation"))
        self.organisation.setEnabled(False)
        org_label = QLabel(self.tr("&Organisation:"), self)
        org_label.setBuddy(self.organisation)
        form.addRow(org_label, self.organisation)
        form.addRow("", self.status)            # what the sign-in found, right under the button
        self.organisation.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
        lay.addLayout(form)
        # Advanced: a Xero app of the user's own (Xero counts connected organisations against the app's
        # plan, so a larger firm may prefer its own).
        self.advanced = QGroupBox(self.tr("&Advanced: your own Xero app"), self)
        self.advanced.setCheckable(True)
        adv = QFormLayout(self.advanced)
        self.client_id = QLineEdit(self.advanced)
        self.client_id.setAccessibleName(self.tr("Client id of your own Xero app"))
        self.client_id.setPlaceholderText(self.tr("the client id of your Xero app"))
        label = QLabel(self.tr("Xero app &client id:"), self.advanced)
        label.setBuddy(self.client_id)
        adv.addRow(label, self.client_id)
        self.advanced_hint = hint(self.tr(
            "Only needed for a Xero app of your own: at developer.xero.com > My Apps, create an app of type "
            "\"Auth code with PKCE\" (mobile or desktop app) and register the redirect URIs "
            "http://localhost:53682/callback, http://localhost:53683/callback and http://localhost:53684/callback."),
            self.advanced)
        adv.addRow(self.advanced_hint)
        self.advanced.toggled.connect(self._advanced_toggled)
        self.client_id.textChanged.connect(lambda _t: self._update_connect())
        lay.addWidget(self.advanced)
        lay.addStretch(1)

    def _advanced_toggled(self, on: bool) -> None:
        for w in (self.client_id, self.advanced_hint):
            w.setVisible(on)
        label = self.advanced.layout().labelForField(self.client_id)
        if label is not None:
            label.setVisible(on)
        if not on:
            self.client_id.clear()
        self._update_connect()

    def _update_connect(self) -> None:
        self.sign_in_button.setEnabled(not self.is_waiting())
        self.completeChanged.emit()

    def _has_client_id(self) -> bool:
        """pleodesk's own Xero app is built in, or the user gave their own app's id (or the demo's)."""
        from pleodesk.providers.xero.auth import built_in_client_id

        return bool(self.client_id.text().strip() or self.state.system_settings.get("client_id")
                    or built_in_client_id())

    # ------------------------------------------------------------------------------------------
    def _settings(self) -> dict[str, Any]:
        s = {k: v for k, v in self.state.system_settings.items()}
        cid = self.client_id.text().strip()
        if cid:
            s["client_id"] = cid
        currency = wallet_currency(self.pleo_data)
        if currency:
            s["wallet_currency"] = currency
        return s

    def initializePage(self) -> None:
        s = self.state.system_settings
        self.demo_button.setVisible(self.is_demo())
        own = s.get("client_id", "") if not s.get("demo_ledger") else ""
        self.advanced.setChecked(bool(own))
        self._advanced_toggled(self.advanced.isChecked())
        self.client_id.setText(own)
        self.organisation.clear()
        self._sign_in = None
        if s.get("tenant_id"):
            self.organisation.addItem(s.get("tenant_name") or s["tenant_id"], s["tenant_id"])
            self.show_status(self.tr("Connected to {name}. Sign in again only to renew the connection.").format(
                name=s.get("tenant_name") or s["tenant_id"]), True)
        self.completeChanged.emit()

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
        return self.organisation.count() > 0 and (self._sign_in is not None or
                                                  bool(self.state.system_settings.get("tenant_id")))

    def _use_demo(self) -> None:
        """Sign in to the sandbox's Xero (no browser needed: it answers at once)."""
        from pleodesk.demo import sandbox_browser, xero_demo_settings

        def ready(sandbox) -> None:
            demo = xero_demo_settings(sandbox)
            self.state.system_settings.update(demo)      # the sandbox's own app: not typed in by the user
            self._start_sign_in(open_browser=sandbox_browser())

        self.with_demo_sandbox(ready)

    def _start_sign_in(self, open_browser=None) -> None:
        from pleodesk.providers.xero.auth import XeroConnector

        if open_browser is None and self.state.system_settings.get("demo_ledger"):
            # Signing in for real after trying the demo: Xero's own addresses again.
            from pleodesk.providers.xero import sandbox_settings

            for key in [*sandbox_settings(""), "demo_ledger", "client_id"]:
                self.state.system_settings.pop(key, None)
        settings = self._settings()
        if not self._has_client_id():
            # No Xero app built into this copy (a build without --xero-client-id): the user's own.
            self.advanced.setChecked(True)
            self.client_id.setFocus()
            self.show_status(self.tr("This copy of pleodesk has no Xero app built in: enter the client id of your "
                                     "own Xero app under Advanced, then press Connect to Xero."), False)
            return
        self._cancel = threading.Event()
        cancel = self._cancel
        self.sign_in_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.stop_button.show()
        self.show_status(self.tr("Waiting for Xero in your browser… Sign in there and choose the organisation, or "
                                 "press Stop waiting."))

        def work():
            return XeroConnector(settings, open_browser=open_browser).sign_in(timeout=300, cancel=cancel)

        def waited() -> None:
            if self._cancel is cancel:
                self._cancel = None
            self.stop_button.hide()
            self._update_connect()

        def done(si) -> None:
            waited()
            self._sign_in = si
            expected = self.state.system_settings.get("tenant_id")
            tenants = [t for t in si.tenants if not expected or t.tenant_id == expected]
            self.organisation.clear()
            for t in tenants:
                self.organisation.addItem(t.name, t.tenant_id)
            self.organisation.setEnabled(len(tenants) > 1)
            if not tenants:
                self._sign_in = None
                names = ", ".join(t.name for t in si.tenants) or self.tr("no organisation")
                self.show_status(self.tr("You signed in to {names}, but this connection books into {name}. Sign in "
                                         "again and choose that organisation.").format(
                    names=names, name=self.state.system_settings.get("tenant_name") or expected), False)
            elif len(tenants) > 1:
                self.show_status(self.tr("Choose the organisation this connection books into."), None)
            else:
                self.show_status(self.tr("Signed in to {name}.").format(name=tenants[0].name), True)
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            waited()
            if cancel.is_set():
                self.show_status(self.tr("Stopped waiting for Xero. Press Connect to Xero to try again."), None)
                return
            self.show_status(str(exc), False)

        self.run_task(work, done, failed)

    def validatePage(self) -> bool:
        if self.take_validated():
            return True
        si = self._sign_in
        if si is None:           # editing an existing connection without signing in again
            return True
        tenant = next(t for t in si.tenants if t.tenant_id == self.organisation.currentData())
        settings = self._settings()
        conn_id = self.state.conn_id
        self.set_busy(True)
        self.show_status(self.tr("Setting up the Pleo accounts in Xero…"))

        def done(out) -> None:
            settings_out, secrets, chart = out
            self.save(settings_out, secrets, chart)
            note = accounts_note(settings_out)
            if note:
                self.show_status(self.tr("Connected to {name}. Choose the accounts on the next page.").format(
                    name=tenant.name) + "\n" + note, None)
            else:
                self.show_status(self.tr("Connected to {name}: {accounts} accounts, {taxes} tax rates for "
                                         "expenses, {dims} tracking categories; Pleo bank account {bank}.").format(
                    name=tenant.name, accounts=len(chart.accounts), taxes=len(chart.taxes),
                    dims=len(chart.dimensions), bank=settings_out.get("bank_account_code", "")), True)
            self.finish_validation()

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            fix = getattr(exc, "fix", "")
            self.show_status(f"{exc} {fix}".strip(), False)

        self.run_task(lambda: finish(conn_id, settings, si, tenant), done, failed)
        return False


def statement_folder(settings: dict[str, Any]) -> str:
    """Where the bank feed writes its statement files (as ``providers.xero.feed.statement_folder``,
    without creating it)."""
    from pathlib import Path

    if settings.get("feed_folder"):
        return str(Path(str(settings["feed_folder"])).expanduser())
    from pleodesk import paths

    return str(paths.data_dir() / "statements" / f"xero-{str(settings.get('tenant_id') or '')[:8]}")


def feed_files(settings: dict[str, Any]):
    """Where the bank feed's statement files are and the newest one, ``(folder, newest .ofx or None)``,
    or None when the feed goes through Xero's Bank Feeds API (no files)."""
    from pathlib import Path

    if settings.get("feed") == "api":
        return None
    folder = Path(statement_folder(settings))
    files = sorted(folder.glob("pleo-statement-*.ofx"), key=lambda p: (p.stat().st_mtime, p.name)) \
        if folder.is_dir() else []
    return folder, (files[-1] if files else None)


def feed_import_url(settings: dict[str, Any]) -> str | None:
    """Xero's "Import a statement" page of the Pleo bank account (its bank accounts when its id is not
    known); None for the demo's emulated Xero."""
    if settings.get("demo_ledger"):
        return None
    account = settings.get("bank_account_id")
    if account:
        return f"https://go.xero.com/Bank/Import.aspx?accountID={account}"
    return "https://go.xero.com/Bank/BankAccounts.aspx"


def feed_note(settings: dict[str, Any]) -> str | None:
    """Page 8: Xero opens its Bank Feeds API only to approved banking partners, so the feed is a
    statement file to import by hand (unless the connection is set to the API)."""
    if settings.get("feed") == "api":
        return None
    return QCoreApplication.translate(
        "xero", "Xero lets only approved banking partners send bank feeds, so pleodesk writes the statement lines "
                "to files (OFX and CSV) in {folder}. In Xero, open the Pleo bank account ({account}), choose Import "
                "a statement and pick the newest file; lines imported before are skipped.").format(
        folder=statement_folder(settings), account=settings.get("bank_account_code") or "PLEOBANK")


def disconnect(conn) -> list[str]:
    """Deleting the connection: remove the organisation's connection to the app in Xero
    (``DELETE /Connections/{id}``), revoke the token and clear it from the keyring. Off the GUI thread.
    Returns what could not be done, with what to do by hand."""
    from pleodesk.providers.xero.auth import XeroConnector

    try:
        problems = list(XeroConnector(conn.settings or {}).disconnect(conn.id))
    except Exception as exc:  # noqa: BLE001 - the connection is deleted here in any case
        problems = [str(exc)]
    if problems:
        problems.append(QCoreApplication.translate(
            "xero", "In Xero, open Settings > Connected apps and disconnect pleodesk from this organisation."))
    return problems


def browser_for(settings: dict[str, Any]):
    """How a sign-in for these settings opens its page: the sandbox's stand-in for the demo company's
    Xero, else the system browser (None)."""
    if settings.get("demo_ledger"):
        from pleodesk.demo import sandbox_browser

        return sandbox_browser()
    return None


class ReconnectPanel(QWidget):
    """The Reconnect dialog's Xero part: sign in again in the browser, to the same organisation
    (``XeroConnector.reconnect`` refuses another one and then changes nothing). The wait runs off the
    GUI thread and can be stopped."""

    def __init__(self, conn, required: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.conn = conn
        self._cancel: threading.Event | None = None
        s = conn.settings or {}
        name = s.get("tenant_name") or s.get("tenant_id", "")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(hint(self.tr(
            "Xero ended pleodesk's sign-in. Reconnect opens Xero's sign-in in your browser: sign in and choose "
            "{name}. A sign-in to another organisation is refused, and nothing is changed then.").format(
            name=name), self))
        self.again = QCheckBox(self.tr("Sign in to &Xero again"), self)
        self.again.setAccessibleName(self.tr("Sign in to Xero again"))
        self.again.setVisible(not required)
        self.again.setChecked(required)
        lay.addWidget(self.again)
        row = QHBoxLayout()
        self.waiting = QLabel(self)
        self.waiting.setWordWrap(True)
        self.waiting.hide()
        self.cancel_button = QPushButton(self.tr("&Stop waiting"), self)
        self.cancel_button.setAccessibleName(self.tr("Stop waiting for the Xero sign-in"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        row.addWidget(self.waiting, 1)
        row.addWidget(self.cancel_button)
        lay.addLayout(row)

    def pending(self) -> bool:
        return self.again.isChecked()

    def is_waiting(self) -> bool:
        return self._cancel is not None

    def reconnect(self, done, failed) -> None:
        from pleodesk.providers.xero.auth import XeroConnector
        from pleodesk.ui.tasks import run_task

        settings = dict(self.conn.settings or {})
        conn_id = self.conn.id
        open_browser = browser_for(settings)
        cancel = self._cancel = threading.Event()
        self.waiting.setText(self.tr("Waiting for Xero in your browser… Press Stop waiting to give up."))
        self.waiting.show()
        self.cancel_button.show()

        def work() -> dict:
            return XeroConnector(settings, open_browser=open_browser).reconnect(conn_id, timeout=300, cancel=cancel)

        def finished() -> None:
            self._cancel = None
            self.waiting.hide()
            self.cancel_button.hide()

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
        """Stop waiting for the browser: the sign-in ends and its loopback port is freed."""
        if self._cancel is not None:
            self._cancel.set()
