"""The wizard page of Lexware Office (lexoffice), in the order of Pleo's help article.

1. *Before you start*: Lexware Office does not take reimbursements (Privatauslagen); wallet top-ups and
   unloads are added by hand. The page says so first, in a box of its own.
2. *Connect*: with partner access built into this copy, one button opens Lexware Office's "Zugriff
   erlauben" in the browser; otherwise (and always under it) the public API key the user creates under
   Add-ons > Public API. The check (``GET /v1/profile`` and the categories) runs off the GUI thread and
   says which company, its tax type and whether it is a small business.
3. The next pages map Pleo's categories to Lexware Office's expense categories and its tax codes to the
   rates Lexware Office books; page 8 explains the Pleo bank account's feed (the partner feed, or the
   CSV files and the one-time import).
"""

from __future__ import annotations

import html
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pleodesk.ui.systems import SystemPage
from pleodesk.ui.widgets import WARN_COLOR, hint

SECRET = "lexoffice_api_key"
OAUTH_SECRET = "lexoffice-oauth"


def LABEL() -> str:  # noqa: N802 - the plugin contract's name
    return QCoreApplication.translate("lexoffice", "Lexware Office (lexoffice)")


def DESCRIPTION() -> str:  # noqa: N802
    return QCoreApplication.translate(
        "lexoffice", "Bookkeeping vouchers in Lexware Office with the receipts attached, and the Pleo card lines "
                     "for its bank account. No reimbursements (Privatauslagen).")


def naming() -> dict[str, str]:
    return {
        "account": QCoreApplication.translate("lexoffice", "Lexware Office category"),
        "tax": QCoreApplication.translate("lexoffice", "tax rate"),
        "dimension": QCoreApplication.translate("lexoffice", "cost centre"),
        "dimensions": QCoreApplication.translate("lexoffice", "cost centres"),
        "wallet": QCoreApplication.translate("lexoffice", "Pleo bank account in Lexware Office"),
        "payable": QCoreApplication.translate("lexoffice", "Open voucher until its payment is matched"),
        "out_of_pocket": QCoreApplication.translate("lexoffice", "Reimbursements (not supported by Lexware Office)"),
        "external_reimbursement": QCoreApplication.translate(
            "lexoffice", "Reimbursements paid outside Pleo (not supported by Lexware Office)"),
        "accounts_hint": QCoreApplication.translate(
            "lexoffice", "Lexware Office books every expense as a voucher (Beleg) that stays open until it is "
                         "matched with its line on the Pleo bank account, so these two are all it needs; pleodesk "
                         "chose them."),
    }


def suggested_accounts(settings: dict[str, Any]) -> dict[str, str]:
    return {"wallet": "PLEO", "payable": "PLEO-OP"}


def account_types() -> dict[str, set[str]]:
    return {"wallet": {"bank"}, "payable": {"payable"}}


def partner_available() -> bool:
    from pleodesk.providers.lexoffice.auth import partner_credentials

    return partner_credentials() is not None


def statement_folder(settings: dict[str, Any]) -> str:
    """Where the feed writes its CSV files (as ``providers.lexoffice.feed.statement_folder``, without
    creating it)."""
    from pathlib import Path

    if settings.get("feed_folder"):
        return str(Path(str(settings["feed_folder"])).expanduser())
    from pleodesk import paths

    return str(paths.data_dir() / "statements" / f"lexoffice-{str(settings.get('organization_id') or 'lexoffice')[:8]}")


def feed_note(settings: dict[str, Any]) -> str | None:
    """Page 8: how the Pleo bank account's lines reach Lexware Office."""
    if settings.get("auth") == "partner":
        return QCoreApplication.translate(
            "lexoffice", "Lexware Office gets the Pleo card lines as transactions of its bank account \"Pleo\" "
                         "(pleodesk created it). Every exported voucher comes with an assignment hint: approve the "
                         "matches in Lexware Office under Finanzen > Bank > Zuordnungsvorschläge. Wallet top-ups "
                         "and unloads are not sent; add them by hand.")
    return QCoreApplication.translate(
        "lexoffice", "Without Lexware partner access, pleodesk writes the Pleo card lines to CSV files in {folder}. "
                     "Once: in Lexware Office add a bank account named \"Pleo\" without online banking (Finanzen > "
                     "Bank > Bankkonto hinzufügen), and at the first import assign the columns Buchungstag to Datum, "
                     "Verwendungszweck, Auftraggeber/Empfänger and Betrag. Then import every new file once (the "
                     "account's … menu > Umsätze importieren (CSV)): Lexware Office does not notice a file "
                     "imported twice, and pleodesk never writes a line twice. Wallet top-ups and unloads are not "
                     "in the files; add them by hand.").format(folder=statement_folder(settings))


def check_key(key: str, settings: dict[str, Any]) -> dict[str, Any]:
    """What the page's check does, without Qt: the company, the settings to store and the chart.
    ValueError: why not, in plain words."""
    from pleodesk.providers.lexoffice.provider import LexofficeProvider

    provider = LexofficeProvider(settings, lambda: key)
    try:
        return _finish(provider, settings)
    finally:
        provider.close()


def _finish(provider, settings: dict[str, Any]) -> dict[str, Any]:
    result = provider.check()
    if not result.ok:
        raise ValueError(" ".join(result.messages))
    new = provider.ensure_setup(dict(settings))
    chart = provider.read_chart()
    cats = provider.category_details()
    return {"settings": new, "chart": chart, "company": new.get("company_name") or "",
            "tax_type": new.get("tax_type") or "", "small_business": bool(new.get("small_business")),
            "categories": len(cats), "need_contact": sorted(c.name for c in cats if c.contact_required)}


def connect_partner(settings: dict[str, Any], open_browser=None, cancel=None) -> dict[str, Any]:
    """The one-click connection ("Zugriff erlauben"): sign in through the browser, then as ``check_key``.
    The token set is returned as ``secret`` (it goes to the keyring with the page's other answers)."""
    from pleodesk.providers.lexoffice import auth
    from pleodesk.providers.lexoffice.provider import LexofficeProvider

    s = {**settings, "auth": "partner"}
    tokens = auth.sign_in(s, open_browser=open_browser, timeout=300, cancel=cancel)
    provider = LexofficeProvider(s, lambda: tokens.access_token, key_id="partner-wizard")
    try:
        out = _finish(provider, s)
    finally:
        provider.close()
    out["secret"] = tokens.to_json()
    # Deleting the connection deletes this keyring entry too (connections.connection_secrets).
    out["settings"]["keyring_entries"] = [OAUTH_SECRET]
    return out


def _stored_key(wizard) -> str | None:
    try:
        return wizard.ledger_secrets().get(SECRET)
    except Exception:  # noqa: BLE001 - no keyring: the user types the key
        return None


def report(out: dict[str, Any]) -> str:
    tax = {"net": QCoreApplication.translate("lexoffice", "net"),
           "gross": QCoreApplication.translate("lexoffice", "gross"),
           "vatfree": QCoreApplication.translate("lexoffice", "VAT-free")}.get(out["tax_type"], out["tax_type"])
    text = QCoreApplication.translate(
        "lexoffice", "Connected to {company} (taxation: {tax}); expense categories: {n}.").format(
        company=out["company"], tax=tax, n=out["categories"])
    if out["small_business"]:
        text += " " + QCoreApplication.translate(
            "lexoffice", "A small business (Kleinunternehmer): every expense is booked at 0 %, without input tax.")
    if out["need_contact"]:
        text += " " + QCoreApplication.translate(
            "lexoffice", "These categories need a supplier among the contacts: {names}.").format(
            names=", ".join(out["need_contact"]))
    return text


class ConnectPage(SystemPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Connect Lexware Office"))
        self.setSubTitle(self.tr("pleodesk books every Pleo expense as a voucher (Beleg) in Lexware Office, with its "
                                 "receipts, through Lexware's public API."))
        self._partner: dict[str, Any] | None = None
        self._cancel: threading.Event | None = None
        self._demo_url: str | None = None
        lay = QVBoxLayout(self)
        self.before = QLabel(self.tr(
            "<b>Before you start:</b> Lexware Office does not take reimbursements (Privatauslagen). Out-of-pocket "
            "expenses, mileage, per diems and reimbursement payouts are not exported: pleodesk skips them, shows "
            "why, and tells Pleo they cannot be exported. Wallet top-ups and unloads are not exported either; add "
            "them by hand in Lexware Office."), self)
        self.before.setWordWrap(True)
        self.before.setTextFormat(Qt.TextFormat.RichText)
        self.before.setStyleSheet(f"border: 1px solid {WARN_COLOR}; border-radius: 4px; padding: 8px;")
        self.before.setAccessibleName(self.tr("Before you start"))
        lay.addWidget(self.before)
        row = QHBoxLayout()
        self.partner_button = QPushButton(self.tr("&Connect with Lexware Office (Zugriff erlauben)…"), self)
        self.partner_button.setToolTip(self.tr("Opens Lexware Office in your browser: sign in and allow pleodesk "
                                               "access. pleodesk then creates the Pleo bank account and sends its "
                                               "card lines."))
        self.partner_button.clicked.connect(self._start_partner)
        self.stop_button = QPushButton(self.tr("&Stop waiting"), self)
        self.stop_button.clicked.connect(self.stop_waiting)
        self.stop_button.hide()
        row.addWidget(self.partner_button)
        row.addWidget(self.stop_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.partner_hint = hint(self.tr("Or connect with an API key:"), self)
        lay.addWidget(self.partner_hint)
        form = QFormLayout()
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("Lexware Office API key"))
        key_label = QLabel(self.tr("API &key:"), self)
        key_label.setBuddy(self.key)
        form.addRow(key_label, self.key)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("C&heck"), self)
        self.check_button.setAccessibleName(self.tr("Check the API key with Lexware Office"))
        self.check_button.clicked.connect(self.check)
        self.demo_button = QPushButton(self.tr("Use the de&mo company's Lexware Office"), self)
        self.demo_button.setToolTip(self.tr("Book into a Lexware Office emulated on this computer, to try "
                                            "pleodesk with the demo company."))
        self.demo_button.clicked.connect(self._use_demo)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        lay.addLayout(form)
        lay.addWidget(hint(self.tr(
            "The key: in Lexware Office open Add-ons > Public API (app.lexware.de/addons/public-api), create a key "
            "that may use vouchers, contacts, files, posting categories and the profile, and paste it here. A key "
            "is valid for 24 months; the company's plan must include the Public API."), self))
        lay.addStretch(1)
        lay.addWidget(self.status)
        self.key.textChanged.connect(self._changed)

    # ------------------------------------------------------------------ state -----------------
    def _settings(self) -> dict[str, Any]:
        keep = ("feed_folder", "create_contacts", "feed")
        s = {k: v for k, v in self.state.system_settings.items() if k in keep}
        if self._demo_url:
            from pleodesk.providers.lexoffice import sandbox_settings

            s.update(sandbox_settings(self._demo_url), demo_ledger=True)
        return s

    def initializePage(self) -> None:
        s = self.state.system_settings
        self.demo_button.setVisible(self.is_demo())
        self._demo_url = s.get("api_url", "").rsplit("/lexware", 1)[0] if s.get("demo_ledger") else None
        partner = partner_available()
        self.partner_button.setVisible(partner)
        self.partner_hint.setVisible(partner)
        self._partner = None
        self.key.clear()
        if _stored_key(self.wizard()):
            self.key.setPlaceholderText(self.tr("(stored; type a new key to replace it)"))
        self._changed()

    def secrets_arrived(self) -> None:
        if _stored_key(self.wizard()):
            self.key.setPlaceholderText(self.tr("(stored; type a new key to replace it)"))
        self._changed()

    def _key(self) -> str:
        return self.key.text().strip() or (_stored_key(self.wizard()) or "")

    def _changed(self, *_args) -> None:
        self.check_button.setEnabled(bool(self._key()) and not self._busy)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._partner is not None or bool(self._key())

    # ------------------------------------------------------------------ partner ---------------
    def _start_partner(self) -> None:
        cancel = self._cancel = threading.Event()
        settings = self._settings()
        self.set_busy(True)
        self.stop_button.show()
        self.show_status(self.tr("Waiting for Lexware Office in your browser… Sign in and press Zugriff erlauben."))

        def done(out: dict) -> None:
            self._cancel = None
            self.stop_button.hide()
            self.set_busy(False)
            self._partner = out
            self.show_status(report(out), True)
            self._changed()

        def failed(exc: BaseException) -> None:
            self._cancel = None
            self.stop_button.hide()
            self.set_busy(False)
            self.show_status(self.tr("Not connected: the sign-in was stopped.") if cancel.is_set() else str(exc),
                             False)

        self.run_task(lambda: connect_partner(settings, cancel=cancel), done, failed)

    def stop_waiting(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    # ------------------------------------------------------------------ key -------------------
    def _use_demo(self) -> None:
        def ready(sandbox) -> None:
            from pleodesk.sandbox.lexoffice_emulator import DEMO_API_KEY

            self._demo_url = sandbox.url
            self.key.setText(DEMO_API_KEY)
            self.wizard().next()

        self.with_demo_sandbox(ready)

    def check(self) -> None:
        if not self._key() or self._busy:
            return
        key, settings = self._key(), self._settings()
        self.set_busy(True)
        self.show_status(self.tr("Checking the key with Lexware Office…"))

        def done(out: dict) -> None:
            self.set_busy(False)
            self.show_status(report(out), True)
            self._changed()

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            self.show_status(str(exc), False)
            self._changed()

        self.run_task(lambda: check_key(key, settings), done, failed)

    def validatePage(self) -> bool:
        if self.take_validated():
            return True
        if self._partner is not None:
            out = self._partner
            self.save(out["settings"], {OAUTH_SECRET: out["secret"]}, out["chart"])
            self.finish_validation()
            return False
        key, settings = self._key(), self._settings()
        settings["auth"] = "api_key"
        self.set_busy(True)
        self.show_status(self.tr("Checking the key with Lexware Office…"))

        def done(out: dict) -> None:
            self.save(out["settings"], {SECRET: key}, out["chart"])
            self.show_status(report(out), True)
            self.finish_validation()

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            self.show_status(str(exc), False)

        self.run_task(lambda: check_key(key, settings), done, failed)
        return False


# ---------------------------------------------------------------------------- troubleshooting --
def troubleshooting(conn, store, limit: int = 5) -> str | None:
    """The article's "exported but see nothing": which vouchers the last exports created (links to open
    them) and what the feed sent, so the user can look under Belege and Zuordnungsvorschläge. HTML."""
    exported = sorted((r for r in store.records_with_status(conn.id, "exported") if r.ledger_url),
                      key=lambda r: r.exported_at or r.updated_at, reverse=True)
    runs = [r for r in store.list_runs(conn.id, limit=50) if r.kind == "feed" and r.status in ("ok", "partial")]
    feed = store.feed_records(conn.id)
    pushed = sum(1 for f in feed.values() if f.status == "pushed")
    title = QCoreApplication.translate("lexoffice", "Exported but nothing in Lexware Office?")
    parts = [f"<b>{html.escape(title)}</b>"]
    if exported:
        links = ", ".join(f"<a href='{html.escape(r.ledger_url or '')}'>{html.escape(r.reference or r.expense_id)}</a>"
                          for r in exported[:limit])
        parts.append(html.escape(QCoreApplication.translate(
            "lexoffice", "Vouchers created: {n}. Look for them in Lexware Office under Belege > Alle Belege (the "
                         "voucher number is the Pleo reference). The newest:").format(n=len(exported))) + " " + links)
    else:
        parts.append(html.escape(QCoreApplication.translate(
            "lexoffice", "No voucher has been created yet: the Export tab and the problems below say why.")))
    if pushed:
        last = runs[0].message if runs and runs[0].message else ""
        parts.append(html.escape(QCoreApplication.translate(
            "lexoffice", "Card lines sent to the Pleo bank account: {n}. If the vouchers are there but nothing "
                         "shows under Finanzen > Bank > Zuordnungsvorschläge, the lines have not reached Lexware "
                         "Office yet.").format(n=pushed)) + (f" <i>{html.escape(last[:400])}</i>" if last else ""))
    else:
        parts.append(html.escape(QCoreApplication.translate(
            "lexoffice", "No card lines have been sent yet (the bank feed runs at 08:00 and 13:00 UTC when it is "
                         "on).")))
    return "<br>".join(parts)


# ---------------------------------------------------------------------------- reconnect --------
class ReconnectPanel(QWidget):
    """The Reconnect dialog's Lexware Office part: a new API key of the same company (checked off the GUI
    thread, then stored; a key of another company is refused and nothing is changed)."""

    def __init__(self, conn, required: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.conn = conn
        s = conn.settings or {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(hint(self.tr(
            "Lexware Office refused the stored API key (keys expire after 24 months). Create a new key in Lexware "
            "Office under Add-ons > Public API for the company {company} and paste it here.").format(
            company=s.get("company_name") or ""), self))
        form = QFormLayout()
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("New Lexware Office API key"))
        self.key.setPlaceholderText(self.tr("Leave empty to try the stored key again"))
        label = QLabel(self.tr("New &Lexware Office API key:"), self)
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

        def work() -> dict:
            out = check_key(key, s)
            if s.get("organization_id") and out["settings"].get("organization_id") != s["organization_id"]:
                raise ValueError(QCoreApplication.translate(
                    "lexoffice", "This key belongs to {company}, not to {expected}: nothing was changed.").format(
                    company=out["company"], expected=s.get("company_name") or ""))
            set_secret(ledger_secret_name(conn_id, SECRET), key)
            return {}

        def error(exc: BaseException) -> None:
            failed(" ".join(x for x in (str(exc), getattr(exc, "fix", "")) if x))

        run_task(work, done, error, owner=self)

    def cancel(self) -> None:
        """Nothing to stop: the check ends by itself."""
