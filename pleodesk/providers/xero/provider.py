"""Xero as a pleodesk accounting system (the ``Provider`` protocol of ``providers/base.py``).

See docs/xero.md for what is booked how. In short: expenses become spend money on the Pleo bank
account (bills for out-of-pocket expenses when the user chooses), suppliers become contacts keyed by
a stable ``ContactNumber``, our reference goes in ``Reference`` (``InvoiceNumber`` on bills,
``CreditNoteNumber`` on credit notes), receipts
are attached afterwards, and the bank feed goes through Xero's Bank Feeds API or, where Xero does not
allow it, into a statement file.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import httpx

from pleodesk.core.ledger import LedgerAccount, LedgerChart, LedgerDimension, LedgerEntry, LedgerTax
from pleodesk.providers.base import (
    AuthError,
    Capabilities,
    CheckResult,
    Company,
    FeedLine,
    FeedResult,
    Found,
    LedgerError,
    SendResult,
)
from pleodesk.providers.xero import documents, receipts, wire
from pleodesk.providers.xero.client import (
    XeroClient,
    XeroDailyLimit,
    XeroError,
    XeroLimits,
    XeroUncertain,
)
from pleodesk.providers.xero.documents import Context, Document, DocumentError, XeroAccount, XeroTax

log = logging.getLogger(__name__)

API_URL = "https://api.xero.com/api.xro/2.0"
BANKFEEDS_URL = "https://api.xero.com/bankfeeds.xro/1.0"
IDENTITY_URL = "https://api.xero.com"
AUTHORIZE_URL = "https://login.xero.com/identity/connect/authorize"
TOKEN_URL = "https://identity.xero.com/connect/token"
REVOCATION_URL = "https://identity.xero.com/connect/revocation"

#: Pleo's own names for what it creates in Xero.
BANK_ACCOUNT_CODE = "PLEOBANK"
BANK_ACCOUNT_NAME = "Pleo Account"
DEFAULT_ACCOUNT_CODE = "PLEO"
DEFAULT_ACCOUNT_NAME = "Pleo expenses without category"
POCKET_ACCOUNT_CODE = "PLEOPOCKET"
POCKET_ACCOUNT_NAME = "Pleo out-of-pocket"

#: The accounts the setup finds or creates, by page-4 role: (settings key, default code, what it is).
SETUP_ROLES = {"wallet": ("bank_account_code", BANK_ACCOUNT_CODE, "the Pleo bank account"),
               "default": ("default_account_code", DEFAULT_ACCOUNT_CODE, "the default expense account"),
               "out_of_pocket": ("out_of_pocket_account_code", POCKET_ACCOUNT_CODE, "the out-of-pocket account")}

BATCH_SIZE = 50
#: Xero's limit on one request body (3.5 MB), with room for headers.
MAX_BODY = 3_400_000
CONTACT_PAGE = 1000
#: How often a batch is asked for again while Xero answers 409 (still working on the same key).
IN_PROGRESS_WAITS = 6
#: Where documents go, in the order they are sent; each one's reference and id fields.
ENDPOINTS = ("BankTransactions", "Invoices", "CreditNotes", "BankTransfers")
REF_FIELD = {"BankTransactions": "Reference", "Invoices": "InvoiceNumber", "CreditNotes": "CreditNoteNumber",
             "BankTransfers": "Reference"}
#: Xero allows two active tracking categories per organisation.
MAX_TRACKING_CATEGORIES = 2

ID_FIELD = {"BankTransactions": "BankTransactionID", "Invoices": "InvoiceID", "CreditNotes": "CreditNoteID",
            "BankTransfers": "BankTransferID"}

_TYPE_MAP = {
    "BANK": "bank", "CURRENT": "asset", "FIXED": "asset", "INVENTORY": "asset", "NONCURRENT": "asset",
    "PREPAYMENT": "asset", "CURRLIAB": "liability", "LIABILITY": "liability", "TERMLIAB": "liability",
    "PAYG": "liability", "EQUITY": "equity", "REVENUE": "income", "SALES": "income", "OTHERINCOME": "income",
    "EXPENSE": "expense", "OVERHEADS": "expense", "DIRECTCOSTS": "expense", "DEPRECIATN": "expense",
}


@dataclass(frozen=True)
class XeroSendResult(SendResult):
    """A SendResult with what pleodesk did to book Pleo's amounts exactly (VAT rounding lines etc.)."""

    notes: tuple[str, ...] = ()

    @property
    def vat_rounding(self) -> bool:
        """Whether the document has an explicit "(VAT rounding)" line (see ``documents``)."""
        return any(n.startswith("VAT rounding") for n in self.notes)


class SetupRefused(LedgerError):
    """Xero did not let pleodesk set up an account (or the one given cannot be used); ``why``: ``us``
    (no bank accounts through the API in a US organisation), ``currency`` (the wallet's currency
    cannot be enabled), ``refused`` (another refusal) or ``unusable`` (wrong type, archived, other
    currency)."""

    def __init__(self, title: str, detail: str = "", fix: str = "", *, why: str = "refused") -> None:
        super().__init__(title, detail, fix, reason_type="missing_configuration")
        self.why = why


@dataclass(frozen=True)
class ManualAccount:
    """An account the setup could not create or use: the user creates it in Xero or chooses another."""

    role: str                # wallet | out_of_pocket | default (page 4's roles)
    code: str                # the code pleodesk wanted
    name: str                # the name pleodesk would have given it
    type: str                # Xero account type: BANK | EXPENSE
    currency: str | None     # a bank account's currency
    why: str                 # as SetupRefused.why
    error: LedgerError


@dataclass
class _Chart:
    organisation: dict[str, Any]
    accounts: dict[str, XeroAccount]
    accounts_by_id: dict[str, XeroAccount]
    taxes: dict[str, XeroTax]
    tracking: list[dict[str, Any]]
    currencies: set[str]
    ledger: LedgerChart
    loaded_at: float = field(default_factory=time.monotonic)


def _contact_number(role: str, name: str) -> str:
    digest = hashlib.sha256(" ".join(name.split()).casefold().encode("utf-8")).hexdigest()[:20]
    return f"PLEO-{'E' if role == 'employee' else 'S'}-{digest}"


def _messages(item: Mapping[str, Any]) -> list[str]:
    out = [str(v.get("Message")) for v in item.get("ValidationErrors") or () if v.get("Message")]
    for line in item.get("LineItems") or ():
        out += [str(v.get("Message")) for v in line.get("ValidationErrors") or () if v.get("Message")]
    return out


class XeroProvider:
    system = "xero"

    def __init__(self, settings: Mapping[str, Any], token_source: Callable[[], str], *,
                 name: str = "", force_refresh: Callable[[str], None] | None = None,
                 transport: httpx.BaseTransport | None = None, event_hooks: Mapping[str, list] | None = None,
                 sleep: Callable[[float], None] = time.sleep, granted_scopes: Callable[[], str | None] | None = None,
                 feed_folder: str | Path | None = None) -> None:
        self.settings = dict(settings)
        kinds = self.settings.get("object_kinds") or {}
        if not self.settings.get("out_of_pocket_as") and kinds.get("reimbursement") in ("spend_money", "bill"):
            self.settings["out_of_pocket_as"] = kinds["reimbursement"]      # the wizard's page 7 choice
        self.name = name
        tenant = self.settings.get("tenant_id")
        if not tenant:
            raise LedgerError("This Xero connection has no organisation", "",
                              "Connect it to a Xero organisation first.", reason_type="missing_configuration")
        self.tenant_id = str(tenant)
        self.api = str(self.settings.get("api_url") or API_URL).rstrip("/")
        self.bankfeeds = str(self.settings.get("bankfeeds_url") or BANKFEEDS_URL).rstrip("/")
        self.identity = str(self.settings.get("identity_url") or IDENTITY_URL).rstrip("/")
        self.web = str(self.settings.get("web_url") or wire.WEB_URL)
        self.limits = XeroLimits.from_settings(self.settings.get("rate_limits"))
        self._sleep = sleep
        self._granted_scopes = granted_scopes
        self.feed_folder = Path(feed_folder) if feed_folder else None
        self.client = XeroClient(tenant_id=self.tenant_id, token_source=token_source, limits=self.limits,
                                 force_refresh=force_refresh, transport=transport, event_hooks=event_hooks,
                                 sleep=sleep)
        self._chart: _Chart | None = None
        self._lock = threading.RLock()
        self._contacts: dict[str, dict[str, Any]] | None = None   # ContactNumber -> contact
        self._contacts_by_name: dict[str, dict[str, Any]] = {}
        self._kinds: dict[str, str] = {}                          # ledger id -> endpoint
        self._attached: dict[str, set[str]] = {}                 # ledger id -> file names attached
        self.last_notes: dict[str, tuple[str, ...]] = {}         # expense id -> notes of the last send

    # ------------------------------------------------------------------ helpers -------------------
    def _url(self, path: str) -> str:
        return self.api + path

    @property
    def max_attachment_bytes(self) -> int:
        mb = self.settings.get("max_attachment_mb")
        return int(float(mb) * 1024 * 1024) if mb else receipts.MAX_ATTACHMENT_BYTES

    def close(self) -> None:
        self.client.close()

    def capabilities(self) -> Capabilities:
        return Capabilities(object_kinds=("bank_transaction", "bill", "credit_note", "bank_transfer"), draft=True,
                            posted=True,
                            batch_size=BATCH_SIZE, max_attachment_bytes=receipts.DOWNLOAD_LIMIT,
                            max_attachments=receipts.MAX_ATTACHMENTS, feed=True, create_dimension_values=True,
                            max_dimensions=MAX_TRACKING_CATEGORIES)

    def create_dimension_values(self, dimension: str, values) -> LedgerDimension:
        """Add a tracking option to the tracking category ``dimension`` for each of ``values`` it has not
        (``PUT /TrackingCategories/{id}/Options``, one option a call, as Xero takes them); returns the
        category as Xero has it now."""
        chart = self._load_chart(refresh=True)
        dim = chart.ledger.dimensions.get(dimension)
        if dim is None or not dim.id:
            raise LedgerError(f"Xero has no active tracking category named {dimension}", "",
                              "Choose another tracking category, or read the chart again.",
                              reason_type="missing_configuration")
        have = {v.casefold() for v in (*dim.values, *dim.archived_values)}
        for value in values:
            value = str(value).strip()[:100]           # Xero: at most 100 characters
            if not value or value.casefold() in have:
                continue
            resp = self.client.request(
                "PUT", self._url(f"/TrackingCategories/{dim.id}/Options"), json_body={"Name": value},
                idempotency_key=wire.stable_uuid(wire.KEY_NAMESPACE, "tracking-option", self.tenant_id, dim.id,
                                                 value))
            if resp.status_code != 200:
                raise LedgerError(f"Xero did not add the option {value} to {dimension}", wire_message(resp),
                                  "Add it in Xero (Accounting > Advanced > Tracking categories), then read the "
                                  "chart again.", reason_type="accounting_system_validation_failure")
            have.add(value.casefold())
        with self._lock:
            self._chart = None
        return self.read_chart().dimensions[dimension]

    # ------------------------------------------------------------------ check ---------------------
    def check(self) -> CheckResult:
        messages: list[str] = []
        try:
            org = self._organisation()
        except AuthError as exc:
            return CheckResult(False, (f"{exc.title}. {exc.fix}".strip(),))
        except LedgerError as exc:
            return CheckResult(False, (f"{exc.title}: {exc.detail}. {exc.fix}".strip(" .:") + ".",))
        try:
            tenants = {c.id for c in self.list_companies()}
            if tenants and self.tenant_id not in tenants:
                messages.append("The Xero organisation of this connection is no longer connected to pleodesk: "
                                "reconnect to the same organisation.")
        except LedgerError as exc:
            messages.append(f"Xero's list of connected organisations could not be read: {exc.title}.")
        code = self.settings.get("bank_account_code")
        if code:
            try:
                chart = self._load_chart()
                acc = chart.accounts.get(code)
                wallet = self.settings.get("wallet_currency")
                if acc is None:
                    messages.append(f"The Pleo bank account {code} is not in Xero any more: run the Xero setup again.")
                elif acc.type != "BANK" or not acc.active:
                    messages.append(f"Account {code} in Xero is not an active bank account: run the Xero setup again.")
                elif wallet and (acc.currency or chart.organisation.get("BaseCurrency")) != wallet:
                    messages.append(f"The Pleo bank account {code} is in {acc.currency}, the Pleo wallet in {wallet}.")
            except LedgerError as exc:
                messages.append(f"Xero's chart of accounts could not be read: {exc.title}.")
        return CheckResult(not messages, tuple(messages), version=str(org.get("Version") or "") or None)

    def _organisation(self) -> dict[str, Any]:
        data = self.client.get_json(self._url("/Organisation"))
        orgs = (data or {}).get("Organisations") or []
        if not orgs:
            raise XeroError("Xero returned no organisation for this connection")
        return orgs[0]

    def list_companies(self) -> list[Company]:
        data = self.client.get_json(self.identity + "/Connections", tenant=False, paced=False)
        return [Company(str(c["tenantId"]), str(c.get("tenantName") or c["tenantId"]))
                for c in data or () if (c.get("tenantType") or "ORGANISATION") == "ORGANISATION"]

    # ------------------------------------------------------------------ chart ---------------------
    def _load_chart(self, refresh: bool = False) -> _Chart:
        with self._lock:
            if self._chart is not None and not refresh:
                return self._chart
            org = self._organisation()
            accounts_raw = (self.client.get_json(self._url("/Accounts")) or {}).get("Accounts") or []
            taxes_raw = (self.client.get_json(self._url("/TaxRates")) or {}).get("TaxRates") or []
            tracking_raw = (self.client.get_json(self._url("/TrackingCategories"),
                                                 {"includeArchived": "true"}) or {}).get("TrackingCategories") or []
            currencies_raw = (self.client.get_json(self._url("/Currencies")) or {}).get("Currencies") or []
            self._chart = self._chart_from(org, accounts_raw, taxes_raw, tracking_raw, currencies_raw)
            return self._chart

    def _chart_from(self, org, accounts_raw, taxes_raw, tracking_raw, currencies_raw) -> _Chart:
        base = org.get("BaseCurrency")
        accounts: dict[str, XeroAccount] = {}
        by_id: dict[str, XeroAccount] = {}
        for a in accounts_raw:
            acc = XeroAccount(code=str(a.get("Code") or ""), name=str(a.get("Name") or ""),
                              type=str(a.get("Type") or ""), active=a.get("Status", "ACTIVE") == "ACTIVE",
                              id=a.get("AccountID"),
                              currency=a.get("CurrencyCode") or (base if a.get("Type") == "BANK" else None),
                              system=a.get("SystemAccount"))
            if acc.id:
                by_id[str(acc.id)] = acc
            if acc.code:
                accounts[acc.code] = acc
        tax_account = next((a.code for a in accounts.values() if a.system == "GST" and a.code), None)
        ledger_accounts = {a.code: LedgerAccount(a.code, a.name, "tax" if a.system == "GST" else
                                                 _TYPE_MAP.get(a.type, "expense"), a.active, a.id)
                           for a in accounts.values()}
        if tax_account is None:
            tax_account = "XERO-TAX"
            ledger_accounts[tax_account] = LedgerAccount(tax_account, "VAT (booked by Xero from the tax rate)", "tax")
        taxes: dict[str, XeroTax] = {}
        ledger_taxes: dict[str, LedgerTax] = {}
        for t in taxes_raw:
            code = t.get("TaxType")
            if not code:
                continue
            eff = Decimal(str(t.get("EffectiveRate") or 0)) / 100
            disp = Decimal(str(t.get("DisplayTaxRate") if t.get("DisplayTaxRate") is not None
                               else t.get("EffectiveRate") or 0)) / 100
            xt = XeroTax(code=code, name=str(t.get("Name") or code), effective=eff, display=disp,
                         active=t.get("Status", "ACTIVE") == "ACTIVE",
                         expenses=bool(t.get("CanApplyToExpenses", True)))
            taxes[code] = xt
            if not xt.expenses:
                continue
            ledger_taxes[code] = LedgerTax(code=code, name=xt.name, rate=(xt.display if xt.reverse else xt.effective)
                                           .normalize(), type="reverse" if xt.reverse else "inclusive",
                                           active=xt.active, input_account=tax_account,
                                           output_account=tax_account)
        dims: dict[str, LedgerDimension] = {}
        for c in tracking_raw:
            if c.get("Status", "ACTIVE") != "ACTIVE":
                continue
            values = frozenset(o["Name"] for o in c.get("Options") or () if o.get("Status", "ACTIVE") == "ACTIVE")
            archived = frozenset(o["Name"] for o in c.get("Options") or () if o.get("Status", "ACTIVE") != "ACTIVE")
            dims[c["Name"]] = LedgerDimension(c["Name"], values, archived, c.get("TrackingCategoryID"))
        currencies = {c.get("Code") for c in currencies_raw if c.get("Code")}
        if base:
            currencies.add(base)
        return _Chart(org, accounts, by_id, taxes, tracking_raw, currencies,
                      LedgerChart(accounts=ledger_accounts, taxes=ledger_taxes, dimensions=dims))

    def read_chart(self) -> LedgerChart:
        return self._load_chart(refresh=True).ledger

    # ------------------------------------------------------------------ setup ---------------------
    def ensure_setup(self, settings: dict) -> dict:
        """Find or create the Pleo bank account (in the wallet's currency), the default expense account
        and the out-of-pocket account, as Pleo does. Where Xero does not let an app create one (a US
        organisation, a currency the organisation has not enabled), raise a LedgerError that says what
        to create by hand or which existing account to choose (``bank_account_code``,
        ``out_of_pocket_account_code``, ``default_account_code``). Roles listed in
        ``accounts_by_hand`` (the wizard asked the user to choose them) are found, never created.

        Returns ``settings`` with what the setup found added (the settings to store, as every provider
        does: ``setup_file.apply_plan`` stores exactly this)."""
        out, missing = self.setup_accounts(settings)
        if missing:
            raise missing[0].error
        return out

    def setup_accounts(self, settings: dict) -> tuple[dict, list[ManualAccount]]:
        """What ``ensure_setup`` does, without giving up on the first account Xero refuses: the
        settings with every account it could find or create, and those it could not, with what to
        do by hand (the wizard then lets the user choose existing accounts for them). The roles it
        could not set up are listed in the settings' ``accounts_by_hand``."""
        s = {**self.settings, **(settings or {})}
        by_hand = {str(r) for r in s.get("accounts_by_hand") or ()}
        chart = self._load_chart(refresh=True)
        org = chart.organisation
        base = org.get("BaseCurrency")
        wallet = str(s.get("wallet_currency") or base or "EUR")
        out: dict[str, Any] = {"organisation_name": org.get("Name"), "base_currency": base,
                               "country": org.get("CountryCode"), "organisation_version": org.get("Version"),
                               "short_code": org.get("ShortCode"), "wallet_currency": wallet}
        currency_error: LedgerError | None = None
        if wallet not in chart.currencies:
            try:
                self._enable_currency(wallet, org)
                chart = self._load_chart(refresh=True)
            except SetupRefused as exc:
                currency_error = exc
        suffix = "" if wallet == base else f" {wallet}"
        roles: list[tuple[str, dict[str, Any], str | None]] = [
            ("wallet", {"Type": "BANK", "Name": BANK_ACCOUNT_NAME + suffix, "BankAccountNumber": f"PLEO-{wallet}",
                        "BankAccountType": "BANK", "CurrencyCode": wallet}, wallet),
            ("default", {"Type": "EXPENSE", "Name": DEFAULT_ACCOUNT_NAME}, None)]
        if (s.get("out_of_pocket_as") or "spend_money") == "spend_money":
            roles.append(("out_of_pocket", {"Type": "BANK", "Name": POCKET_ACCOUNT_NAME + suffix,
                                            "BankAccountNumber": f"PLEOPOCKET-{wallet}", "BankAccountType": "BANK",
                                            "CurrencyCode": wallet}, wallet))
        missing: list[ManualAccount] = []
        for role, spec, currency in roles:
            key, default_code, what = SETUP_ROLES[role]
            given = s.get(key)
            code = str(given or default_code)
            # Asked to be chosen by hand: the default account is used if it is there now, never created.
            create = bool(given) or role not in by_hand
            if currency and currency_error is not None and code not in chart.accounts:
                missing.append(ManualAccount(role, code, spec["Name"], spec["Type"], currency, "currency",
                                             currency_error))
                continue
            try:
                acc = self._ensure_account(chart, code, spec, wallet=currency, what=what, key=key, create=create)
            except SetupRefused as exc:
                missing.append(ManualAccount(role, code, spec["Name"], spec["Type"], currency, exc.why, exc))
                continue
            if acc is None:
                continue
            out[key] = acc.code
            if role == "wallet":
                out["bank_account_id"] = acc.id
        self._chart = None          # read again (with the new accounts) when next needed
        left = sorted({r for r in by_hand if not out.get(SETUP_ROLES[r][0])} | {m.role for m in missing})
        result = {**(settings or {}), **out}
        for target in (result, self.settings):
            target.update(out)
            if left:
                target["accounts_by_hand"] = left
            else:
                target.pop("accounts_by_hand", None)
        return result, missing

    def create_account(self, code: str, name: str, type_: str) -> XeroAccount:
        """Create one account (Xero type ``BANK``, ``EXPENSE``, ...) or return the existing one of that
        code and type. A bank account is made in the wallet's currency."""
        chart = self._load_chart(refresh=True)
        spec: dict[str, Any] = {"Type": type_, "Name": name}
        wallet = None
        if type_ == "BANK":
            wallet = str(self.settings.get("wallet_currency") or chart.organisation.get("BaseCurrency") or "EUR")
            spec.update(BankAccountNumber=f"PLEO-{code}", BankAccountType="BANK", CurrencyCode=wallet)
        account = self._ensure_account(chart, code, spec, wallet=wallet, what=f"account {code}")
        assert account is not None
        self._chart = None
        return account

    def _enable_currency(self, wallet: str, org: Mapping[str, Any]) -> None:
        resp = self.client.request("PUT", self._url("/Currencies"), json_body={"Code": wallet},
                                   idempotency_key=wire.stable_uuid(wire.KEY_NAMESPACE, "currency", self.tenant_id, wallet))
        if resp.status_code == 200:
            return
        raise SetupRefused(
            f"Xero did not let pleodesk add the currency {wallet} to the organisation",
            wire_message(resp),
            f"In Xero, add {wallet} under Settings > Currencies (it needs a plan with multiple currencies), then "
            f"create a bank account in {wallet} by hand and choose it as the Pleo bank account (on the setup "
            f"wizard's page \"Bank account and journals\", or as bank_account_code in a setup file).",
            why="currency")

    def _ensure_account(self, chart: _Chart, code: str, spec: dict[str, Any], *, wallet: str | None,
                        what: str, key: str = "", create: bool = True) -> XeroAccount | None:
        """The account ``code``, checked for ``what``; created from ``spec`` when missing (None when
        missing and ``create`` is False). Raises SetupRefused with what to do by hand."""
        acc = chart.accounts.get(code)
        base = chart.organisation.get("BaseCurrency")
        choose = (f" (on the setup wizard's page \"Bank account and journals\", or as {key} in a setup file)"
                  if key else "")
        if acc is not None:
            if acc.type != spec["Type"]:
                raise SetupRefused(f"Account {code} in Xero is a {acc.type} account, so it cannot be {what}",
                                   "", f"Choose another account for {what}{choose}, or change the account in Xero.",
                                   why="unusable")
            if not acc.active:
                raise SetupRefused(f"Account {code} ({acc.name}) is archived in Xero", "",
                                   f"Restore it in Xero (Accounting > Chart of accounts) to use it as {what}, or "
                                   f"choose another account{choose}.", why="unusable")
            if wallet and (acc.currency or base) != wallet:
                raise SetupRefused(f"Account {code} in Xero is in {acc.currency or base}, the Pleo wallet in {wallet}",
                                   "", f"Choose a bank account in {wallet} as {what}{choose}.", why="unusable")
            return acc
        if not create:
            return None
        body = {"Code": code, **spec}
        if wallet and wallet == base:
            body.pop("CurrencyCode", None)
        resp = self.client.request("PUT", self._url("/Accounts"), json_body=body,
                                   idempotency_key=wire.stable_uuid(wire.KEY_NAMESPACE, "account", self.tenant_id, code))
        data = _json(resp)
        created = ((data or {}).get("Accounts") or [None])[0] if resp.status_code == 200 else None
        if created and created.get("AccountID") and not _messages(created):
            acc = XeroAccount(code=code, name=str(created.get("Name") or spec["Name"]), type=spec["Type"],
                              active=True, id=created.get("AccountID"),
                              currency=created.get("CurrencyCode") or (wallet if spec["Type"] == "BANK" else None))
            chart.accounts[code] = acc
            return acc
        detail = "; ".join(_element_messages(data)) or wire_message(resp)
        us = chart.organisation.get("Version") == "US" or chart.organisation.get("CountryCode") == "US"
        thing = "bank account" if spec["Type"] == "BANK" else "expense account"
        kind = ("a " if spec["Type"] == "BANK" else "an ") + thing
        currency = f" in {wallet}" if wallet else ""
        raise SetupRefused(
            f"Xero did not let pleodesk create {what} ({code})" + (" in a US organisation" if us else ""),
            detail,
            f"In Xero, create {kind} named '{spec['Name']}' with code {code}{currency} by hand "
            f"(Accounting > Chart of accounts > Add {'Bank account' if spec['Type'] == 'BANK' else 'Account'}) "
            f"and run the setup again, or choose an existing {thing}{currency}{choose}.",
            why="us" if us and spec["Type"] == "BANK" else "refused")

    # ------------------------------------------------------------------ contacts ------------------
    def _load_contacts(self) -> None:
        if self._contacts is not None:
            return
        by_number: dict[str, dict[str, Any]] = {}
        page = 1
        while True:
            data = self.client.get_json(self._url("/Contacts"), {"summaryOnly": "true", "includeArchived": "true",
                                                                 "page": page, "pageSize": CONTACT_PAGE})
            items = (data or {}).get("Contacts") or []
            for c in items:
                self._remember_contact(c, by_number)
            pag = (data or {}).get("pagination") or {}
            if len(items) < CONTACT_PAGE or (pag.get("pageCount") and page >= int(pag["pageCount"])):
                break
            page += 1
        self._contacts = by_number

    def _remember_contact(self, c: Mapping[str, Any], by_number: dict | None = None) -> None:
        target = self._contacts if by_number is None else by_number
        if c.get("ContactNumber") and target is not None:
            target[str(c["ContactNumber"])] = dict(c)
        if c.get("Name") and c.get("ContactStatus", "ACTIVE") == "ACTIVE":
            self._contacts_by_name[" ".join(str(c["Name"]).split()).casefold()] = dict(c)

    def _resolve_contacts(self, docs: Sequence[Document]) -> dict[tuple[str, str], str | LedgerError]:
        """ContactID (or the error) for every (role, name) the documents need; creates missing ones."""
        wanted: dict[tuple[str, str], str] = {}
        for d in docs:
            if d.contact_name:
                name = " ".join(d.contact_name.split())[:255] or "Pleo"
                wanted[(d.contact_role, name)] = _contact_number(d.contact_role, name)
        if not wanted:
            return {}
        with self._lock:
            self._load_contacts()
            assert self._contacts is not None
            out: dict[tuple[str, str], str | LedgerError] = {}
            missing: list[tuple[tuple[str, str], str]] = []
            for key, number in wanted.items():
                c = self._contacts.get(number) or self._contacts_by_name.get(key[1].casefold())
                if c is None:
                    missing.append((key, number))
                elif c.get("ContactStatus", "ACTIVE") != "ACTIVE":
                    out[key] = LedgerError(f"The Xero contact '{c.get('Name')}' is archived",
                                           "", "Restore the contact in Xero, then export again.")
                else:
                    out[key] = str(c["ContactID"])
            for i in range(0, len(missing), BATCH_SIZE):
                chunk = missing[i:i + BATCH_SIZE]
                body = {"Contacts": [{"Name": key[1], "ContactNumber": number} for key, number in chunk]}
                resp = self.client.request(
                    "PUT", self._url("/Contacts"), params={"summarizeErrors": "false"}, json_body=body,
                    idempotency_key=wire.stable_uuid(wire.KEY_NAMESPACE, "contacts", self.tenant_id,
                                                     *[n for _, n in chunk]))
                data = _json(resp)
                items = (data or {}).get("Contacts") if resp.status_code == 200 else (data or {}).get("Elements")
                items = items or []
                for pos, (key, number) in enumerate(chunk):
                    item = _match(items, pos, "ContactNumber", number)
                    errs = _messages(item) if item else ["Xero did not answer for this contact"]
                    if item and item.get("ContactID") and not errs:
                        self._remember_contact(item)
                        out[key] = str(item["ContactID"])
                        continue
                    found = self._contact_by_name(key[1]) if any("already" in e for e in errs) else None
                    if found:
                        out[key] = found
                    else:
                        out[key] = LedgerError(f"Xero did not create the contact '{key[1]}'", "; ".join(errs),
                                               "Create the contact in Xero by hand, then export again.")
            return out

    def _contact_by_name(self, name: str) -> str | None:
        data = self.client.get_json(self._url("/Contacts"), {"where": f"Name=={wire.quote_where(name)}"})
        for c in (data or {}).get("Contacts") or ():
            if c.get("ContactStatus", "ACTIVE") == "ACTIVE":
                self._remember_contact(c)
                return str(c["ContactID"])
        return None

    # ------------------------------------------------------------------ export --------------------
    def _context(self, chart: _Chart) -> Context:
        s = self.settings
        no_tax = s.get("no_tax_type")
        if not no_tax:
            zero = [t for t in chart.taxes.values() if t.active and t.expenses and t.effective == 0 and not t.reverse]
            pick = next((t for t in zero if t.code == "NONE"), None) or next(
                (t for t in zero if "EXEMPT" in t.code), None) or (zero[0] if zero else None)
            no_tax = pick.code if pick else None
        rounding = s.get("rounding_account_code") or next(
            (a.code for a in chart.accounts.values() if a.system == "ROUNDING" and a.code and a.active), None)
        return Context(accounts=chart.accounts, taxes=chart.taxes, base_currency=str(chart.organisation.get("BaseCurrency") or ""),
                       no_tax_type=no_tax, rounding_account=rounding,
                       out_of_pocket_as=str(s.get("out_of_pocket_as") or "spend_money"),
                       post=bool(s.get("post", True)), mark_reconciled=bool(s.get("mark_reconciled", False)))

    def send_batch(self, entries: Sequence[LedgerEntry]) -> list[SendResult]:
        if not entries:
            return []
        chart = self._load_chart()
        ctx = self._context(chart)
        results: dict[int, SendResult] = {}
        docs: list[tuple[int, Document]] = []
        for i, e in enumerate(entries):
            try:
                docs.append((i, documents.build(e, ctx)))
            except DocumentError as exc:
                results[i] = XeroSendResult(e.expense_id, error=LedgerError(
                    f"Not sent to Xero: {exc.title}", "", exc.fix, reason_type=exc.reason_type))
        created_any = False
        try:
            contacts = self._resolve_contacts([d for _, d in docs])
            ready: list[tuple[int, Document]] = []
            for i, d in docs:
                if d.contact_name:
                    name = " ".join(d.contact_name.split())[:255] or "Pleo"
                    cid = contacts.get((d.contact_role, name))
                    if isinstance(cid, LedgerError) or cid is None:
                        results[i] = XeroSendResult(d.entry.expense_id, error=cid or LedgerError("No Xero contact"))
                        continue
                    d.body["Contact"] = {"ContactID": cid}
                ready.append((i, d))
            for endpoint in ENDPOINTS:
                group = [(i, d) for i, d in ready if d.endpoint == endpoint]
                for chunk in self._chunks(group, BATCH_SIZE):
                    for i, res in self._send_chunk(endpoint, chunk).items():
                        results[i] = res
                        created_any = created_any or res.ok
        except LedgerError as exc:     # Xero's refusals, the daily limit, a sign-in that stopped working
            if exc.retryable and not isinstance(exc, XeroDailyLimit):
                raise          # outcome unknown: the engine settles it by reference before sending again
            if not created_any:
                raise          # nothing was created
            for i, e in enumerate(entries):
                results.setdefault(i, XeroSendResult(e.expense_id, error=exc))
        out = []
        for i, e in enumerate(entries):
            r = results[i]
            self.last_notes[e.expense_id] = getattr(r, "notes", ())
            out.append(r)
        return out

    @staticmethod
    def _chunks(group: list[tuple[int, Document]], size: int) -> Iterable[list[tuple[int, Document]]]:
        chunk: list[tuple[int, Document]] = []
        weight = 0
        for item in group:
            w = len(wire.dumps(item[1].body))
            if chunk and (len(chunk) >= size or weight + w > MAX_BODY):
                yield chunk
                chunk, weight = [], 0
            chunk.append(item)
            weight += w
        if chunk:
            yield chunk

    def _send_chunk(self, endpoint: str, chunk: list[tuple[int, Document]], attempt: int = 1
                    ) -> dict[int, SendResult]:
        key = wire.stable_uuid(wire.KEY_NAMESPACE, endpoint, self.tenant_id, str(attempt),
                               *[d.entry.idempotency_key for _, d in chunk])
        body = {endpoint: [d.body for _, d in chunk]}
        params = None if endpoint == "BankTransfers" else {"summarizeErrors": "false"}
        try:
            resp = self.client.request("PUT", self._url(f"/{endpoint}"), params=params, json_body=body,
                                       idempotency_key=key)
            waits = 0
            while resp.status_code == 409 and waits < IN_PROGRESS_WAITS:
                # Xero is still working on the request first sent with this key (sent again after a
                # timeout): the same key gets that request's answer once it is done.
                waits += 1
                self._sleep(self.client._backoff(waits))
                resp = self.client.request("PUT", self._url(f"/{endpoint}"), params=params, json_body=body,
                                           idempotency_key=key)
        except XeroUncertain:
            # Xero no longer remembers the key: find what it created before sending anything again.
            if attempt > 2:
                raise
            return self._settle_chunk(endpoint, chunk, attempt)
        if resp.status_code == 409:
            # Still not done: looking it up now could miss what it is about to create, and sending again
            # under a new key would book it twice. The engine looks the references up on its next run.
            raise XeroUncertain("Xero is still working on an earlier request for these expenses, so pleodesk "
                                "does not know yet whether Xero booked them",
                                wire_message(resp), "Nothing is sent again before pleodesk has looked them up "
                                "in Xero; the next export does that.", status=409, retryable=True,
                                reason_type="accounting_system_unreachable")
        data = _json(resp)
        out: dict[int, SendResult] = {}
        if resp.status_code == 413 and len(chunk) > 1:
            half = len(chunk) // 2
            return {**self._send_chunk(endpoint, chunk[:half], attempt),
                    **self._send_chunk(endpoint, chunk[half:], attempt)}
        ref_field = REF_FIELD[endpoint]
        if resp.status_code == 200:
            items = (data or {}).get(endpoint) or []
        elif resp.status_code == 400 and (data or {}).get("Elements"):
            # A summarised 400 (transfers take no summarizeErrors): the elements it lists failed; Xero may
            # still have created the others, so they are looked up before anything is sent again.
            failed = {str(el.get(ref_field)): el for el in data["Elements"] if _messages(el) and el.get(ref_field)}
            for i, d in chunk:
                el = failed.get(d.reference)
                if el is not None:
                    errs = _messages(el)
                    out[i] = XeroSendResult(d.entry.expense_id, error=XeroError(
                        f"Xero refused the {endpoint_label(endpoint)}", "; ".join(errs), _fix_for(errs)),
                        notes=tuple(d.notes))
            rest = [(i, d) for i, d in chunk if i not in out]
            if rest:
                if len(rest) == len(chunk):      # none matched: the answer cannot be attributed
                    err = XeroError(f"Xero refused the {endpoint_label(endpoint)}", wire_message(resp), status=400)
                    return {i: XeroSendResult(d.entry.expense_id, error=err) for i, d in chunk}
                out.update(self._settle_chunk(endpoint, rest, attempt))
            return out
        elif resp.status_code == 400 and "idempotency" in wire_message(resp).lower():
            return self._settle_chunk(endpoint, chunk, attempt)
        else:
            err = XeroError(f"Xero refused the {endpoint_label(endpoint)} (HTTP {resp.status_code})",
                            wire_message(resp), status=resp.status_code)
            return {i: XeroSendResult(d.entry.expense_id, error=err) for i, d in chunk}
        id_field = ID_FIELD[endpoint]
        for pos, (i, d) in enumerate(chunk):
            item = _match(items, pos, ref_field, d.reference)
            if item is None:
                out[i] = XeroSendResult(d.entry.expense_id, error=XeroError(
                    "Xero's answer did not include this expense", "", "Export it again: it is looked up first.",
                    retryable=True))
                continue
            errs = _messages(item)
            ledger_id = item.get(id_field)
            if errs or item.get("StatusAttributeString") == "ERROR" or not ledger_id:
                out[i] = XeroSendResult(d.entry.expense_id, error=XeroError(
                    f"Xero refused the {endpoint_label(endpoint)}", "; ".join(errs) or "no reason given",
                    _fix_for(errs)), notes=tuple(d.notes))
                continue
            warnings = [str(w.get("Message")) for w in item.get("Warnings") or () if w.get("Message")]
            notes = tuple(d.notes) + tuple(f"Xero warned: {w}" for w in warnings)
            if notes:
                log.info("xero: %s booked with notes: %s", d.reference, "; ".join(notes))
            out[i] = XeroSendResult(d.entry.expense_id, ledger_id=str(ledger_id),
                                    ledger_url=self._deep_link(endpoint, str(ledger_id)), notes=notes)
            self._kinds[str(ledger_id)] = endpoint
        return out

    def _settle_chunk(self, endpoint: str, chunk: list[tuple[int, Document]], attempt: int) -> dict[int, SendResult]:
        out: dict[int, SendResult] = {}
        again: list[tuple[int, Document]] = []
        for i, d in chunk:
            try:
                found = self._find(endpoint, d.reference)
            except LedgerError as exc:
                # Whatever stops the look-up (no answer, the daily limit, a sign-in that stopped working),
                # Xero may hold these: the outcome stays unknown, never "nothing was created".
                raise XeroUncertain(f"Xero may have booked these expenses, but pleodesk could not look them up: "
                                    f"{exc.title}", exc.detail,
                                    " ".join(x for x in (exc.fix, "Nothing is sent again before pleodesk has "
                                                         "looked them up in Xero.") if x), retryable=True,
                                    reason_type="accounting_system_unreachable") from exc
            if found is not None:
                out[i] = XeroSendResult(d.entry.expense_id, ledger_id=found.ledger_id, ledger_url=found.ledger_url,
                                        notes=tuple(d.notes))
            else:
                again.append((i, d))
        if again:
            try:
                out.update(self._send_chunk(endpoint, again, attempt + 1))
            except LedgerError as exc:
                if exc.retryable or not out:
                    raise
                # Refused before Xero took them (the daily limit, the sign-in): those the look-up found
                # are booked and must be recorded so, or the engine would send them again.
                out.update({i: XeroSendResult(d.entry.expense_id, error=exc, notes=tuple(d.notes)) for i, d in again})
        return out

    def _deep_link(self, endpoint: str, ledger_id: str) -> str:
        short = (self._chart.organisation.get("ShortCode") if self._chart else None) or self.settings.get("short_code")
        if endpoint == "Invoices":
            return wire.bill_url(self.web, short, ledger_id)
        if endpoint == "CreditNotes":
            return wire.credit_note_url(self.web, short, ledger_id)
        if endpoint == "BankTransfers":
            return wire._deep(self.web, short, f"/Bank/ViewTransfer.aspx?bankTransferID={ledger_id}")
        return wire.bank_transaction_url(self.web, short, ledger_id)

    # ------------------------------------------------------------------ lookups -------------------
    def _find(self, endpoint: str, reference: str) -> Found | None:
        ref = wire.quote_where(reference)
        if endpoint == "BankTransactions":
            where = f'Reference=={ref} AND Status=="AUTHORISED"'
            id_field = "BankTransactionID"
        elif endpoint == "Invoices":
            where = f'InvoiceNumber=={ref} AND Type=="ACCPAY" AND Status!="DELETED" AND Status!="VOIDED"'
            id_field = "InvoiceID"
        elif endpoint == "CreditNotes":
            where = f'CreditNoteNumber=={ref} AND Type=="ACCPAYCREDIT" AND Status!="DELETED" AND Status!="VOIDED"'
            id_field = "CreditNoteID"
        else:
            where = f"Reference=={ref}"
            id_field = "BankTransferID"
        data = self.client.get_json(self._url(f"/{endpoint}"), {"where": where})
        for item in (data or {}).get(endpoint) or ():
            if endpoint == "BankTransfers" and item.get("Status") == "DELETED":
                continue
            if item.get(id_field):
                ledger_id = str(item[id_field])
                self._kinds[ledger_id] = endpoint
                return Found(ledger_id, self._deep_link(endpoint, ledger_id))
        return None

    def find_by_reference(self, reference: str) -> Found | None:
        for endpoint in ENDPOINTS:
            found = self._find(endpoint, reference)
            if found is not None:
                return found
        return None

    # ------------------------------------------------------------------ receipts ------------------
    def upload_receipt(self, found: Found, path: str, mime: str, filename: str) -> None:
        ledger_id = found.ledger_id
        data = Path(path).read_bytes()
        name = receipts.safe_filename(filename, mime)
        limit = self.max_attachment_bytes
        if len(data) > limit:
            small = receipts.shrink_image(data, limit) if receipts.is_image(mime) else None
            if small is None:
                what = "PDF" if mime == "application/pdf" else "file"
                raise LedgerError(
                    f"Receipt {filename} is {len(data) / 1_048_576:.1f} MB; Xero accepts at most "
                    f"{limit / 1_048_576:.0f} MB per file", "",
                    f"Attach a smaller copy of the {what} by hand in Xero.", reason_type="accounting_system_validation_failure")
            log.info("xero: receipt %s shrunk from %d to %d bytes", filename, len(data), len(small))
            data, mime = small, "image/jpeg"
            name = name.rsplit(".", 1)[0] + ".jpg"
        if not receipts.is_supported(name):
            # Xero refuses file types it does not know ("isn't a supported file type"): a photo goes
            # as JPEG, anything else is for the bookkeeper.
            jpeg = receipts.shrink_image(data, limit) if receipts.is_image(mime) else None
            if jpeg is None:
                ext = name.rsplit(".", 1)[1].upper()
                raise LedgerError(
                    f"Receipt {filename} is a {ext} file, a type Xero does not take as an attachment", "",
                    "Attach it by hand in Xero as a PDF, JPG or PNG.",
                    reason_type="accounting_system_validation_failure")
            log.info("xero: receipt %s converted from %s to JPEG", filename, mime)
            data, mime = jpeg, "image/jpeg"
            name = name.rsplit(".", 1)[0] + ".jpg"
        names = self._attached.setdefault(ledger_id, set())
        if name not in names and len(names) >= receipts.MAX_ATTACHMENTS:
            raise LedgerError(f"Xero takes at most {receipts.MAX_ATTACHMENTS} files per transaction", "",
                              "Attach further receipts by hand.")
        endpoints = [self._kinds.get(ledger_id) or self._kind_from_url(found.ledger_url)]
        endpoints += [e for e in ENDPOINTS if e not in endpoints]
        key = wire.stable_uuid(wire.KEY_NAMESPACE, "attachment", self.tenant_id, ledger_id, name,
                               hashlib.sha256(data).hexdigest())
        last: httpx.Response | None = None
        for endpoint in endpoints:
            if endpoint is None:
                continue
            resp = self.client.request("PUT", self._url(f"/{endpoint}/{ledger_id}/Attachments/{name}"),
                                       content=data, content_type=mime, idempotency_key=key)
            last = resp
            if resp.status_code == 404:
                continue
            if resp.status_code == 200:
                self._kinds[ledger_id] = endpoint
                names.add(name)
                return
            if resp.status_code == 413:
                raise LedgerError(f"Xero refused receipt {filename} as too large", wire_message(resp),
                                  "Attach a smaller copy by hand in Xero.")
            raise LedgerError(f"Xero refused receipt {filename}", wire_message(resp),
                              "Attach it by hand in Xero.", retryable=False)
        raise LedgerError(f"The Xero transaction {ledger_id} for receipt {filename} was not found",
                          wire_message(last) if last is not None else "", "It may have been deleted in Xero.")

    @staticmethod
    def _kind_from_url(url: str | None) -> str | None:
        if not url:
            return None
        if "ViewCreditNote" in url:
            return "CreditNotes"
        if "AccountsPayable" in url:
            return "Invoices"
        if "ViewTransfer" in url:
            return "BankTransfers"
        if "ViewTransaction" in url:
            return "BankTransactions"
        return None

    # ------------------------------------------------------------------ bank feed -----------------
    def push_feed(self, lines: Sequence[FeedLine]) -> FeedResult:
        from pleodesk.providers.xero.feed import push_feed

        return push_feed(self, lines)

    def feed_lines_present(self, transaction_ids: Sequence[str]) -> set[str]:
        from pleodesk.providers.xero.feed import lines_in_statement_files

        return lines_in_statement_files(self, transaction_ids)

    def granted_scopes(self) -> str | None:
        return self._granted_scopes() if self._granted_scopes else None


# ---------------------------------------------------------------------------------- helpers ----
def endpoint_label(endpoint: str) -> str:
    return {"BankTransactions": "spend money", "Invoices": "bill", "CreditNotes": "credit note",
            "BankTransfers": "bank transfer"}[endpoint]


def _fix_for(errs: list[str]) -> str:
    text = " ".join(errs).lower()
    if "account" in text and ("archived" in text or "active" in text or "valid" in text):
        return "Map the category to an active account in Xero, or restore the account, then export again."
    if "tracking" in text or "option" in text:
        return "Choose an active tracking option in the label mapping, or restore it in Xero."
    if "lock date" in text or "period" in text:
        return "The date is before Xero's lock date: move the lock date in Xero or book it by hand."
    if "tax" in text:
        return "Check the tax mapping for this expense's tax code."
    return "Fix the cause in Xero or in the mappings, then export again."


def _json(resp: httpx.Response) -> Any:
    try:
        return wire.loads(resp.content) if resp.content else None
    except ValueError:
        return None


def wire_message(resp: httpx.Response | None) -> str:
    if resp is None:
        return ""
    data = _json(resp)
    if isinstance(data, dict):
        msgs = _element_messages(data)
        if msgs:
            return "; ".join(msgs)
        for k in ("Detail", "detail", "Message", "title", "Title"):
            if isinstance(data.get(k), str) and data[k]:
                return data[k]
    return (resp.text or "").strip()[:300] or f"HTTP {resp.status_code}"


def _element_messages(data: Any) -> list[str]:
    out: list[str] = []
    if isinstance(data, dict):
        for el in data.get("Elements") or ():
            out += _messages(el)
        for key in ("Accounts", "Contacts", "BankTransactions", "Invoices", "CreditNotes"):
            for el in data.get(key) or ():
                if isinstance(el, dict):
                    out += _messages(el)
    return out


def _match(items: Sequence[Mapping[str, Any]], pos: int, field_name: str, value: str) -> Mapping[str, Any] | None:
    for it in items:
        if isinstance(it, Mapping) and str(it.get(field_name) or "") == value:
            return it
    if pos < len(items) and isinstance(items[pos], Mapping) and not items[pos].get(field_name):
        return items[pos]
    return None
