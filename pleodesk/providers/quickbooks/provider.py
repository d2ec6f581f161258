"""QuickBooks Online as a pleodesk accounting system (the ``Provider`` protocol of ``providers/base.py``).

See docs/quickbooks.md for what is booked how. In short: expenses become purchases on the Pleo bank
account (the Expenses list), money back becomes deposits, money between balance sheet accounts becomes
transfers, vendor-based expenses become bills and vendor credits; suppliers become vendors (a name is
unique across vendors, customers and employees, inactive ones included); our reference goes in
``DocNumber`` (21 characters) and the full Pleo id in ``PrivateNote``; receipts are attached through
``/upload`` and read back to check their bytes.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import re
import threading
import time
import uuid
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
from pleodesk.providers.quickbooks import documents, wire
from pleodesk.providers.quickbooks.client import (
    FaultError,
    QboClient,
    QboError,
    QboLimits,
    fault_text,
    parse_fault,
)
from pleodesk.providers.quickbooks.documents import Context, Document, DocumentError, QboAccount, QboRate, QboTaxCode

log = logging.getLogger(__name__)

API_URL = "https://quickbooks.api.intuit.com"
SANDBOX_API_URL = "https://sandbox-quickbooks.api.intuit.com"
WEB_URL = "https://qbo.intuit.com"
SANDBOX_WEB_URL = "https://sandbox.qbo.intuit.com"

#: At most this many items per ``/batch`` (Intuit: 30).
BATCH_SIZE = 30
#: Intuit's limit on one ``/upload`` request; a file is sent alone, with its metadata.
MAX_UPLOAD_BYTES = 100 * 1024 * 1024
UPLOAD_HEADROOM = 64 * 1024
#: Receipts per transaction pleodesk attaches (QuickBooks documents no limit).
MAX_ATTACHMENTS = 50
#: File name extensions ``/upload`` takes (Intuit's attachable reference).
UPLOAD_TYPES = frozenset({"ai", "csv", "doc", "docx", "eps", "gif", "jpeg", "jpg", "ods", "pdf", "png", "rtf", "tif",
                          "txt", "xls", "xlsx", "xml"})
#: The pseudo account VAT postings use: QuickBooks books VAT itself, from the tax code.
VAT_ACCOUNT = "QBO-VAT"
#: The transactions pleodesk creates, in the order a look-up tries them.
KINDS = ("Purchase", "Deposit", "Transfer", "Bill", "VendorCredit")
#: DocNumbers asked for in one query of a look-up of many (a 30-expense batch: one batch request).
FIND_CHUNK = 30

#: The Pleo bank accounts the setup finds or creates (Pleo's help article: FR "512" "Banque Pleo").
WALLET_DEFAULTS = {"FR": ("512", "Banque Pleo"), None: ("", "Pleo Bank")}
POCKET_DEFAULTS = {"FR": ("5121", "Pleo Pocket"), None: ("", "Pleo Pocket")}
#: The journal code of a French bank account the setup creates when none is chosen.
JOURNAL_DEFAULT = "BQ"

_TYPE_MAP = {
    "Bank": "bank", "Accounts Receivable": "asset", "Other Current Asset": "asset", "Fixed Asset": "asset",
    "Other Asset": "asset", "Accounts Payable": "payable", "Credit Card": "liability",
    "Other Current Liability": "liability", "Long Term Liability": "liability", "Equity": "equity",
    "Income": "income", "Other Income": "income", "Cost of Goods Sold": "expense", "Expense": "expense",
    "Other Expense": "expense",
}


@dataclass(frozen=True)
class QboSendResult(SendResult):
    """A SendResult with what pleodesk did to book Pleo's amounts exactly (a VAT override, ...)."""

    notes: tuple[str, ...] = ()

    @property
    def vat_rounding(self) -> bool:
        return any(n.startswith("VAT at ") for n in self.notes)


class SetupRefused(LedgerError):
    def __init__(self, title: str, detail: str = "", fix: str = "") -> None:
        super().__init__(title, detail, fix, reason_type="missing_configuration")


@dataclass
class _Chart:
    info: dict[str, Any]
    prefs: dict[str, Any]
    accounts: dict[str, QboAccount]             # by code
    accounts_by_id: dict[str, QboAccount]
    taxes: dict[str, QboTaxCode]                # by code (name)
    classes: dict[str, str]                     # active value -> id
    locations: dict[str, str]
    projects: dict[str, str]
    location_dimension: str | None
    journal_codes: list[dict[str, Any]]
    ledger: LedgerChart
    loaded_at: float = field(default_factory=time.monotonic)

    @property
    def country(self) -> str:
        return str(self.info.get("Country") or "")

    @property
    def home_currency(self) -> str:
        return str(((self.prefs.get("CurrencyPrefs") or {}).get("HomeCurrency") or {}).get("value") or "")

    @property
    def multicurrency(self) -> bool:
        return bool((self.prefs.get("CurrencyPrefs") or {}).get("MultiCurrencyEnabled"))

    @property
    def accounting(self) -> dict[str, Any]:
        return self.prefs.get("AccountingInfoPrefs") or {}


def account_code(a: Mapping[str, Any]) -> str:
    """The code a QuickBooks account is known by in pleodesk: its number, else its full name."""
    return str(a.get("AcctNum") or a.get("FullyQualifiedName") or a.get("Name") or a.get("Id"))


def _ref_value(ref: Any) -> str | None:
    return str(ref.get("value")) if isinstance(ref, Mapping) and ref.get("value") is not None else None


def _norm(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def display_name(name: str) -> str:
    """A name QuickBooks takes as a ``DisplayName``: no colon, tab or new line, at most 500 characters."""
    clean = re.sub(r"[:\t\r\n]+", " - ", " ".join(str(name).split("\n")))
    return " ".join(clean.split())[:500] or "Pleo"


class QuickBooksProvider:
    system = "quickbooks"

    def __init__(self, settings: Mapping[str, Any], token_source: Callable[[], str], *, name: str = "",
                 force_refresh: Callable[[str], None] | None = None, transport: httpx.BaseTransport | None = None,
                 event_hooks: Mapping[str, list] | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = dict(settings)
        self.name = name
        realm = self.settings.get("realm_id")
        if not realm:
            raise LedgerError("This QuickBooks connection has no company", "",
                              "Connect it to a QuickBooks company first.", reason_type="missing_configuration")
        self.realm_id = str(realm)
        sandbox = self.settings.get("environment") == "sandbox"
        self.api = str(self.settings.get("api_url") or (SANDBOX_API_URL if sandbox else API_URL)).rstrip("/")
        self.web = str(self.settings.get("web_url") or (SANDBOX_WEB_URL if sandbox else WEB_URL))
        self.limits = QboLimits.from_settings(self.settings.get("rate_limits"))
        self.client = QboClient(api_url=self.api, realm_id=self.realm_id, token_source=token_source,
                                limits=self.limits, force_refresh=force_refresh, transport=transport,
                                event_hooks=event_hooks, sleep=sleep,
                                minor_version=str(self.settings.get("minor_version") or "75"))
        self._transport = transport
        self._files = httpx.Client(transport=transport, timeout=120)
        self._chart: _Chart | None = None
        self._lock = threading.RLock()
        self._names: dict[str, list[dict[str, Any]]] | None = None     # normalised name -> records
        self._kinds: dict[str, str] = {}                                # transaction id -> kind
        self._created: set[str] = set()                                 # ids created by this provider
        self._attached: dict[str, set[tuple[str, int]]] = {}            # id -> (file name, size) present
        self.last_notes: dict[str, tuple[str, ...]] = {}

    # ------------------------------------------------------------------ basics --------------------
    def close(self) -> None:
        self.client.close()
        self._files.close()

    def capabilities(self) -> Capabilities:
        return Capabilities(object_kinds=("purchase", "deposit", "transfer", "bill", "vendor_credit"), draft=False,
                            posted=True, batch_size=BATCH_SIZE, max_attachment_bytes=MAX_UPLOAD_BYTES - UPLOAD_HEADROOM,
                            max_attachments=MAX_ATTACHMENTS, feed=False)

    def list_companies(self) -> list[Company]:
        name = self.settings.get("company_name") or self.realm_id
        return [Company(self.realm_id, str(name))]

    def _link(self, kind: str, txn_id: str) -> str:
        return wire.web_link(self.web, kind, txn_id)

    # ------------------------------------------------------------------ check ---------------------
    def check(self) -> CheckResult:
        """Reach the company, and say in plain words what stops an export: a US company (QuickBooks has no
        VAT codes there), no purchase VAT rates, the Pleo bank account gone, another currency."""
        try:
            chart = self._load_chart(refresh=True)
        except AuthError as exc:
            return CheckResult(False, (f"{exc.title}. {exc.fix}".strip(),))
        except LedgerError as exc:
            return CheckResult(False, (f"{exc.title}: {exc.detail}. {exc.fix}".strip(" .:") + ".",))
        messages = list(self._company_problems(chart))
        bank_id = self.settings.get("bank_account_id")
        if bank_id:
            acc = chart.accounts_by_id.get(str(bank_id))
            label = self.settings.get("bank_account_code") or bank_id
            if acc is None:
                messages.append(f"The Pleo bank account {label} is not in QuickBooks any more: run the QuickBooks "
                                "setup again (it is created again) or choose another bank account.")
            elif acc.type != "Bank" or not acc.active:
                messages.append(f"The Pleo bank account {acc.code} ({acc.name}) is not an active bank account in "
                                "QuickBooks: make it active again, or choose another bank account.")
        return CheckResult(not messages, tuple(messages), version=f"QuickBooks Online {chart.country}".strip())

    def _company_problems(self, chart: _Chart) -> Iterable[str]:
        if chart.country == "US" or (chart.prefs.get("TaxPrefs") or {}).get("PartnerTaxEnabled"):
            yield ("This QuickBooks company is a US company: QuickBooks Online has no VAT codes there (only sales "
                   "tax), so Pleo's VAT cannot be booked. pleodesk books into QuickBooks companies that use VAT "
                   "(France, the UK, Canada, Australia, ...); nothing was changed in QuickBooks.")
            return
        if not any(t.active and t.purchase for t in chart.taxes.values()):
            yield ("This QuickBooks company has no active VAT rates for purchases: turn on VAT in QuickBooks (Taxes > "
                   "VAT) and read the chart again.")
        wallet = self.settings.get("wallet_currency")
        if wallet and chart.home_currency and wallet != chart.home_currency and not chart.multicurrency:
            yield (f"The Pleo wallet is in {wallet}, the QuickBooks company in {chart.home_currency} without "
                   f"multicurrency: turn on multicurrency in QuickBooks (Settings > Advanced > Currency).")

    # ------------------------------------------------------------------ chart ---------------------
    def _load_chart(self, refresh: bool = False) -> _Chart:
        with self._lock:
            if self._chart is not None and not refresh:
                return self._chart
            c = self.client
            info = (c.get_json(f"companyinfo/{self.realm_id}") or {}).get("CompanyInfo") or {}
            prefs = (c.get_json("preferences") or {}).get("Preferences") or {}
            accounts = c.query_all("Account", "Active IN (true, false)")
            us = str(info.get("Country") or "") == "US"
            codes = [] if us else c.query_all("TaxCode", "Active IN (true, false)")
            rates = [] if us else c.query_all("TaxRate", "Active IN (true, false)")
            acc_prefs = prefs.get("AccountingInfoPrefs") or {}
            tracks_classes = bool(acc_prefs.get("ClassTrackingPerTxn") or acc_prefs.get("ClassTrackingPerTxnLine"))
            classes = c.query_all("Class", "Active IN (true, false)") if tracks_classes else []
            locations = c.query_all("Department", "Active IN (true, false)") if acc_prefs.get("TrackDepartments") else []
            customers = c.query_all("Customer", "Active IN (true, false)")
            journals = c.query_all("JournalCode", "Active IN (true, false)") if info.get("Country") == "FR" else []
            self._chart = self._chart_from(info, prefs, accounts, codes, rates, classes, locations, customers, journals)
            return self._chart

    def _chart_from(self, info, prefs, accounts_raw, codes_raw, rates_raw, classes_raw, locations_raw, customers_raw,
                    journals) -> _Chart:
        home = str(((prefs.get("CurrencyPrefs") or {}).get("HomeCurrency") or {}).get("value") or "")
        journal_names = {str(j.get("Id")): str(j.get("Name")) for j in journals}
        accounts: dict[str, QboAccount] = {}
        by_id: dict[str, QboAccount] = {}
        for a in accounts_raw:
            acc = QboAccount(id=str(a.get("Id")), code=account_code(a),
                             name=str(a.get("FullyQualifiedName") or a.get("Name") or ""),
                             type=str(a.get("AccountType") or ""), subtype=str(a.get("AccountSubType") or ""),
                             active=bool(a.get("Active", True)),
                             currency=_ref_value(a.get("CurrencyRef")) or home or None,
                             number=str(a.get("AcctNum") or ""),
                             journal_code=journal_names.get(_ref_value(a.get("JournalCodeRef")) or "")
                             or (a.get("JournalCodeRef") or {}).get("name"))
            by_id[acc.id] = acc
            accounts.setdefault(acc.code, acc)
        ledger_accounts = {a.code: LedgerAccount(a.code, a.name, _TYPE_MAP.get(a.type, "expense"), a.active, a.id)
                           for a in accounts.values()}
        ledger_accounts[VAT_ACCOUNT] = LedgerAccount(VAT_ACCOUNT, "VAT (booked by QuickBooks from the tax code)", "tax")
        rates = {str(r.get("Id")): QboRate(str(r.get("Id")), str(r.get("Name") or ""),
                                           Decimal(str(r.get("RateValue") or 0)), str(r.get("SpecialTaxType") or "NONE"))
                 for r in rates_raw}

        def rate_list(lst: Any) -> tuple[QboRate, ...]:
            out = []
            for d in (lst or {}).get("TaxRateDetail") or ():
                rid = _ref_value(d.get("TaxRateRef"))
                if rid in rates:
                    out.append(rates[rid])
            return tuple(out)

        taxes: dict[str, QboTaxCode] = {}
        ledger_taxes: dict[str, LedgerTax] = {}
        for t in codes_raw:
            code = QboTaxCode(str(t.get("Id")), str(t.get("Name") or t.get("Id")), bool(t.get("Active", True)),
                              rate_list(t.get("PurchaseTaxRateList")), rate_list(t.get("SalesTaxRateList")))
            taxes[code.code] = code
            if not code.purchase:
                continue            # sales-only codes are not offered for expenses
            ledger_taxes[code.code] = LedgerTax(code=code.code, name=code.code, rate=code.rate.normalize(),
                                                type="reverse" if code.reverse else "inclusive", active=code.active,
                                                id=code.id, input_account=VAT_ACCOUNT, output_account=VAT_ACCOUNT)
        acc_prefs = prefs.get("AccountingInfoPrefs") or {}
        dims: dict[str, LedgerDimension] = {}

        def dimension(name: str, rows: list[dict], label: Callable[[dict], str]) -> dict[str, str]:
            active = {label(r): str(r["Id"]) for r in rows if r.get("Active", True)}
            archived = frozenset(label(r) for r in rows if not r.get("Active", True)) - set(active)
            dims[name] = LedgerDimension(name, frozenset(active), archived)
            return active

        classes = dimension("Class", classes_raw, lambda r: str(r.get("FullyQualifiedName") or r.get("Name")))  \
            if (acc_prefs.get("ClassTrackingPerTxn") or acc_prefs.get("ClassTrackingPerTxnLine")) else {}
        location_dim = None
        locations: dict[str, str] = {}
        if acc_prefs.get("TrackDepartments"):
            location_dim = str(acc_prefs.get("DepartmentTerminology") or "Location")
            locations = dimension(location_dim, locations_raw,
                                  lambda r: str(r.get("FullyQualifiedName") or r.get("Name")))
        projects = dimension("Project", [c for c in customers_raw if c.get("IsProject")],
                             lambda r: str(r.get("DisplayName")))
        if not projects and not dims["Project"].archived_values:
            dims.pop("Project")
        return _Chart(info, prefs, accounts, by_id, taxes, classes, locations, projects, location_dim, journals,
                      LedgerChart(accounts=ledger_accounts, taxes=ledger_taxes, dimensions=dims))

    def read_chart(self) -> LedgerChart:
        return self._load_chart(refresh=True).ledger

    def journal_codes(self) -> list[dict[str, str]]:
        """The company's journal codes (France), for the setup page: ``{"id", "name", "type", "description"}``."""
        chart = self._load_chart()
        return [{"id": str(j.get("Id")), "name": str(j.get("Name")), "type": str(j.get("Type") or ""),
                 "description": str(j.get("Description") or "")} for j in chart.journal_codes if j.get("Active", True)]

    # ------------------------------------------------------------------ setup ---------------------
    def ensure_setup(self, settings: dict) -> dict:
        """Find or create the Pleo bank account (France: number 512, "Banque Pleo", with a journal code) and,
        when the company uses Pleo Pocket, the Pocket bank account; return the settings to store.

        ``settings["bank_account"]`` / ``["pocket_account"]``: ``{"name", "number", "journal_code"}`` as the
        user edited them (defaults: Pleo's help article); ``bank_account_id`` / ``pocket_account_id``: an
        account chosen before (it must still be an active bank account)."""
        s = {**self.settings, **(settings or {})}
        chart = self._load_chart(refresh=True)
        problems = list(self._company_problems(chart))
        if problems:
            raise SetupRefused("pleodesk cannot book into this QuickBooks company", " ".join(problems))
        out: dict[str, Any] = {"company_name": chart.info.get("CompanyName") or s.get("company_name"),
                               "country": chart.country, "home_currency": chart.home_currency,
                               "multicurrency": chart.multicurrency,
                               "wallet_currency": s.get("wallet_currency") or chart.home_currency}
        roles = [("bank", WALLET_DEFAULTS)]
        if s.get("pocket"):
            roles.append(("pocket", POCKET_DEFAULTS))
        for role, defaults in roles:
            acc = self._ensure_bank(chart, s, role, defaults, str(out["wallet_currency"]))
            out[f"{role}_account_id"] = acc.id
            out[f"{role}_account_code"] = acc.code
            out[f"{role}_account"] = {"name": acc.name, "number": acc.number, "journal_code": acc.journal_code or ""}
            chart = self._load_chart(refresh=True)
        self._chart = None
        result = {**(settings or {}), **out}
        self.settings.update(out)
        return result

    def _ensure_bank(self, chart: _Chart, s: Mapping[str, Any], role: str, defaults: Mapping, wallet: str
                     ) -> QboAccount:
        what = "the Pleo bank account" if role == "bank" else "the Pleo Pocket bank account"
        given = dict(s.get(f"{role}_account") or {})
        number0, name0 = defaults.get(chart.country) or defaults[None]
        name = " ".join(str(given.get("name") or name0).split())
        number = str(given.get("number") if given.get("number") is not None else number0).strip()
        # An account chosen before: by its id, else by its code (another one chosen on the accounts page).
        chosen = chart.accounts_by_id.get(str(s.get(f"{role}_account_id") or "")) or \
            chart.accounts.get(str(s.get(f"{role}_account_code") or ""))
        if chosen is not None and chosen.type == "Bank" and chosen.active:
            return chosen
        acc = next((a for a in chart.accounts_by_id.values() if _norm(a.name) == _norm(name)), None)
        if acc is None and number:
            acc = next((a for a in chart.accounts_by_id.values() if a.number == number), None)
            if acc is not None and _norm(acc.name) != _norm(name):
                raise SetupRefused(f"The account number {number} is already used by {acc.name} in QuickBooks",
                                   "", f"Give {what} another number (for example {number}1), or choose {acc.name} "
                                   "if it is the account for Pleo.")
        if acc is not None:
            if acc.type != "Bank":
                raise SetupRefused(f"The account {acc.name} in QuickBooks is an account of type {acc.type}, so it "
                                   f"cannot be {what}", "", f"Give {what} another name, or change the account's type in "
                                   "QuickBooks to Bank.")
            if not acc.active:
                raise SetupRefused(f"The account {acc.name} is inactive in QuickBooks", "",
                                   f"Make it active again in QuickBooks to use it as {what}, or give {what} another "
                                   "name.")
            if chart.multicurrency and acc.currency and acc.currency != wallet:
                raise SetupRefused(f"The account {acc.name} is in {acc.currency}, the Pleo wallet in {wallet}", "",
                                   f"Give {what} another name: pleodesk creates it in {wallet}.")
            return acc
        body: dict[str, Any] = {"Name": name, "AccountType": "Bank", "AccountSubType": "Checking"}
        if number:
            body["AcctNum"] = number
        if chart.country == "FR":
            body["JournalCodeRef"] = {"value": self._ensure_journal(chart, str(given.get("journal_code") or
                                                                               JOURNAL_DEFAULT), name)}
        if chart.multicurrency and wallet and wallet != chart.home_currency:
            body["CurrencyRef"] = {"value": wallet}
        created = self._create("Account", body, wire.request_id("account", self.realm_id, name, number, uuid.uuid4().hex))
        log.info("quickbooks: created %s (%s %s)", what, number, name)
        return QboAccount(id=str(created["Id"]), code=account_code(created), name=str(created.get("Name") or name),
                          type="Bank", active=True, currency=_ref_value(created.get("CurrencyRef")), number=number,
                          journal_code=(created.get("JournalCodeRef") or {}).get("name"))

    def create_account(self, code: str, name: str, type_: str) -> QboAccount:
        """An account from the setup's "Create…" (pleodesk's account types: bank, expense, liability,
        asset, income, payable, equity); the existing one when the number is taken by the same name.
        ``code`` becomes the account number."""
        kinds = {"bank": ("Bank", "Checking"), "expense": ("Expense", "OtherMiscellaneousServiceCost"),
                 "liability": ("Other Current Liability", "OtherCurrentLiabilities"),
                 "asset": ("Other Current Asset", "OtherCurrentAssets"),
                 "income": ("Other Income", "OtherMiscellaneousIncome"),
                 "payable": ("Accounts Payable", "AccountsPayable"), "equity": ("Equity", "OwnersEquity"),
                 "tax": ("Other Current Liability", "SalesTaxPayable")}
        type_name, sub = kinds.get(type_, kinds["expense"])
        chart = self._load_chart(refresh=True)
        existing = chart.accounts.get(code)
        if existing is not None:
            if existing.type != type_name or _norm(existing.name) != _norm(name):
                raise SetupRefused(f"The account {code} already exists in QuickBooks as {existing.name} "
                                   f"({existing.type})", "", "Choose it, or give the new account another number.")
            return existing
        body: dict[str, Any] = {"Name": " ".join(name.split()), "AccountType": type_name, "AccountSubType": sub}
        if code:
            body["AcctNum"] = code
        if type_name == "Bank" and chart.country == "FR":
            body["JournalCodeRef"] = {"value": self._ensure_journal(chart, JOURNAL_DEFAULT, name)}
        created = self._create("Account", body, wire.request_id("account", self.realm_id, code, name, uuid.uuid4().hex))
        self._chart = None
        return QboAccount(id=str(created["Id"]), code=account_code(created), name=str(created.get("Name") or name),
                          type=type_name, active=True, number=code)

    def _ensure_journal(self, chart: _Chart, name: str, account_name: str) -> str:
        name = name.strip().upper()
        for j in chart.journal_codes:
            if str(j.get("Name")).upper() == name:
                if not j.get("Active", True):
                    raise SetupRefused(f"The journal code {name} is inactive in QuickBooks", "",
                                       "Make it active again, or choose another journal code.")
                return str(j["Id"])
        if not re.fullmatch(r"[A-Z0-9]{1,2}", name):
            raise SetupRefused(f"'{name}' is not a journal code QuickBooks takes", "",
                               "A journal code is one or two capital letters or digits, for example BP.")
        created = self._create("JournalCode", {"Name": name, "Type": "Bank", "Description": account_name},
                               wire.request_id("journal", self.realm_id, name, uuid.uuid4().hex))
        return str(created["Id"])

    def _create(self, kind: str, body: dict[str, Any], request_id: str) -> dict[str, Any]:
        resp = self.client.request("POST", kind.lower(), json_body=body, request_id=request_id)
        data = _json(resp)
        if resp.status_code == 200 and isinstance((data or {}).get(kind), dict):
            return data[kind]
        _t, errors = parse_fault(data)
        raise SetupRefused(f"QuickBooks did not create the {kind.lower()} {body.get('Name') or ''}".rstrip(),
                           fault_text(errors) or f"HTTP {resp.status_code}",
                           "Create it by hand in QuickBooks (Settings > Chart of accounts > New) and run the setup "
                           "again, or choose another name or number.")

    # ------------------------------------------------------------------ payees --------------------
    def _load_names(self) -> dict[str, list[dict[str, Any]]]:
        if self._names is None:
            names: dict[str, list[dict[str, Any]]] = {}
            for kind in ("Vendor", "Employee", "Customer"):
                for r in self.client.query_all(kind, "Active IN (true, false)"):
                    self._remember(kind, r, names)
            self._names = names
        return self._names

    def _remember(self, kind: str, r: Mapping[str, Any], names: dict | None = None) -> None:
        target = self._names if names is None else names
        if target is None or not r.get("DisplayName"):
            return
        target.setdefault(_norm(str(r["DisplayName"])), []).append(
            {"kind": kind, "id": str(r["Id"]), "name": str(r["DisplayName"]), "active": bool(r.get("Active", True))})

    def _pick(self, name: str, vendor_only: bool) -> tuple[dict[str, Any] | None, str | None]:
        """(an existing record to use, or None) and the name a new vendor would get (None: use it)."""
        names = self._load_names()
        records = names.get(_norm(name)) or []
        kinds = ("Vendor",) if vendor_only else ("Vendor", "Employee")
        for kind in kinds:
            rec = next((r for r in records if r["kind"] == kind and r["active"]), None)
            if rec is not None:
                return rec, None
        if not records:
            return None, name
        for n in range(1, 100):
            candidate = display_name(f"{name} (Pleo)" if n == 1 else f"{name} (Pleo {n})")
            found = names.get(_norm(candidate)) or []
            rec = next((r for r in found if r["kind"] == "Vendor" and r["active"]), None)
            if rec is not None:
                return rec, None
            if not found:
                return None, candidate
        return None, None

    def _resolve_payees(self, docs: Sequence[Document]) -> dict[tuple[str, bool], dict[str, Any] | LedgerError]:
        """The payee record (``{"kind", "id", "name"}``) or the error, for every (name, vendor only) the
        documents need; missing vendors are created (in batches)."""
        wanted = {(display_name(d.payee), d.vendor_only) for d in docs if d.payee}
        if not wanted:
            return {}
        with self._lock:
            out: dict[tuple[str, bool], dict[str, Any] | LedgerError] = {}
            create: dict[str, list[tuple[str, bool]]] = {}
            for key in sorted(wanted):
                rec, new_name = self._pick(*key)
                if rec is not None:
                    out[key] = {**rec, "note": None}
                elif new_name is None:
                    out[key] = LedgerError(f"No vendor name is free in QuickBooks for '{key[0]}'", "",
                                           "Create the vendor in QuickBooks by hand, then export again.")
                else:
                    create.setdefault(new_name, []).append(key)
            names = sorted(create)
            for i in range(0, len(names), BATCH_SIZE):
                chunk = names[i:i + BATCH_SIZE]
                items = [{"bId": f"v{n}", "operation": "create",
                          "Vendor": {"DisplayName": nm, "CompanyName": nm[:100], "PrintOnCheckName": nm[:100]}}
                         for n, nm in enumerate(chunk)]
                resp, data = self.client.batch(items, wire.request_id("vendors", self.realm_id, uuid.uuid4().hex, *chunk))
                if resp.status_code != 200:
                    _t, errors = parse_fault(data)
                    err = QboError("QuickBooks refused to create vendors", fault_text(errors) or f"HTTP {resp.status_code}",
                                   "Create the vendors in QuickBooks by hand, then export again.", errors=errors)
                    for nm in chunk:
                        for key in create[nm]:
                            out[key] = err
                    continue
                by_bid = {str(r.get("bId")): r for r in (data or {}).get("BatchItemResponse") or ()}
                for n, nm in enumerate(chunk):
                    item = by_bid.get(f"v{n}") or {}
                    vendor = item.get("Vendor")
                    if isinstance(vendor, dict) and vendor.get("Id"):
                        self._remember("Vendor", vendor)
                        rec = {"kind": "Vendor", "id": str(vendor["Id"]), "name": str(vendor["DisplayName"])}
                    else:
                        _t, errors = parse_fault(item)
                        rec = self._after_duplicate(nm, errors)
                    for key in create[nm]:
                        if isinstance(rec, LedgerError):
                            out[key] = rec
                            continue
                        note = None
                        if _norm(rec["name"]) != _norm(key[0]):
                            note = (f"the name '{key[0]}' belongs to another record in QuickBooks (a customer, an "
                                    f"employee or an inactive vendor); booked to the vendor '{rec['name']}'")
                        out[key] = {**rec, "note": note}
            return out

    def _after_duplicate(self, name: str, errors: list[FaultError]) -> dict[str, Any] | LedgerError:
        """A vendor QuickBooks did not create: with 6240 (the name is taken, maybe since the names were
        read), look the name up again in all three lists and use what is usable."""
        if any(e.code == "6240" for e in errors):
            for kind in ("Vendor", "Employee", "Customer"):
                for r in self.client.query_all(kind, f"DisplayName = {wire.quote(name)} AND Active IN (true, false)"):
                    self._remember(kind, r)
            rec, new_name = self._pick(name, vendor_only=False)
            if rec is not None:
                return {"kind": rec["kind"], "id": rec["id"], "name": rec["name"]}
        return LedgerError(f"QuickBooks did not create the vendor '{name}'", fault_text(errors),
                           "Create the vendor in QuickBooks by hand, then export again.")

    # ------------------------------------------------------------------ export --------------------
    def _context(self, chart: _Chart) -> Context:
        s = self.settings
        no_tax = s.get("no_tax_code")
        if not no_tax:
            zero = [t for t in chart.taxes.values() if t.active and t.purchase and not t.reverse and t.rate == 0]
            no_tax = zero[0].code if zero else None
        acc = chart.accounting
        return Context(accounts=chart.accounts, taxes=chart.taxes, classes=chart.classes, locations=chart.locations,
                       projects=chart.projects, class_dimension="Class",
                       location_dimension=chart.location_dimension, project_dimension="Project",
                       class_per_line=bool(acc.get("ClassTrackingPerTxnLine")),
                       class_per_txn=bool(acc.get("ClassTrackingPerTxn")), us=chart.country == "US",
                       multicurrency=chart.multicurrency, home_currency=chart.home_currency or "EUR",
                       no_tax_code=no_tax)

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
                results[i] = QboSendResult(e.expense_id, error=LedgerError(
                    f"Not sent to QuickBooks: {exc.title}", "", exc.fix, reason_type=exc.reason_type))
        created_any = False
        try:
            payees = self._resolve_payees([d for _, d in docs])
            ready: list[tuple[int, Document]] = []
            for i, d in docs:
                if d.payee:
                    rec = payees.get((display_name(d.payee), d.vendor_only))
                    if isinstance(rec, LedgerError) or rec is None:
                        results[i] = QboSendResult(d.entry.expense_id, error=rec or LedgerError("No QuickBooks vendor"))
                        continue
                    ref = {"value": rec["id"], "name": rec["name"]}
                    if d.payee_field == "Entity":
                        for ln in d.body["Line"]:
                            ln["DepositLineDetail"]["Entity"] = {**ref, "type": rec["kind"]}
                    elif d.payee_field == "EntityRef":
                        d.body["EntityRef"] = {**ref, "type": rec["kind"]}
                    else:
                        d.body["VendorRef"] = ref
                    if rec.get("note"):
                        d.notes.append(str(rec["note"]))
                ready.append((i, d))
            for start in range(0, len(ready), BATCH_SIZE):
                chunk = ready[start:start + BATCH_SIZE]
                for i, res in self._send_chunk(chunk).items():
                    results[i] = res
                    created_any = created_any or res.ok
        except LedgerError as exc:
            if exc.retryable:
                raise          # outcome unknown: the engine settles it by reference before sending again
            if not created_any:
                raise          # nothing was created
            for i, e in enumerate(entries):
                results.setdefault(i, QboSendResult(e.expense_id, error=exc))
        out = []
        for i, e in enumerate(entries):
            r = results[i]
            self.last_notes[e.expense_id] = getattr(r, "notes", ())
            out.append(r)
        return out

    def _send_chunk(self, chunk: list[tuple[int, Document]]) -> dict[int, SendResult]:
        items = [{"bId": f"b{n}", "operation": "create", d.kind: d.body} for n, (_i, d) in enumerate(chunk)]
        # A fresh id per call: a retry of this call (a lost answer) gets QuickBooks' first answer again;
        # after a crash the engine looks every reference up before anything is sent again, and an old id
        # could replay an answer for a transaction deleted since.
        rid = wire.request_id("batch", self.realm_id, uuid.uuid4().hex, *[d.entry.idempotency_key for _, d in chunk])
        resp, data = self.client.batch(items, rid)
        out: dict[int, SendResult] = {}
        if resp.status_code != 200:
            _t, errors = parse_fault(data)
            err = QboError("QuickBooks refused the batch", fault_text(errors) or f"HTTP {resp.status_code}",
                           "Export again; if it happens again, tell support the intuit_tid "
                           f"{self.client.last_tid or ''}".strip(), status=resp.status_code, errors=errors)
            return {i: QboSendResult(d.entry.expense_id, error=err, notes=tuple(d.notes)) for i, d in chunk}
        by_bid = {str(r.get("bId")): r for r in (data or {}).get("BatchItemResponse") or () if isinstance(r, dict)}
        for n, (i, d) in enumerate(chunk):
            item = by_bid.get(f"b{n}")
            if item is None:
                out[i] = QboSendResult(d.entry.expense_id, error=QboError(
                    "QuickBooks' answer did not include this expense", "", "Export it again: it is looked up first.",
                    retryable=True, reason_type="accounting_system_unreachable"))
                continue
            entity = item.get(d.kind)
            if isinstance(entity, dict) and entity.get("Id"):
                out[i] = self._booked(d, entity)
                continue
            _t, errors = parse_fault(item)
            out[i] = QboSendResult(d.entry.expense_id, error=self._refusal(d, errors), notes=tuple(d.notes))
        return out

    def _booked(self, d: Document, entity: dict[str, Any]) -> SendResult:
        txn_id = str(entity["Id"])
        self._kinds[txn_id] = d.kind
        self._created.add(txn_id)
        notes = list(d.notes)
        total = _dec(entity.get("TotalAmt") if d.kind != "Transfer" else entity.get("Amount"))
        if total is not None and total != d.expected_total and d.tax_detail is not None:
            fixed = self._correct_tax(d, entity)
            total = _dec(fixed.get("TotalAmt")) if fixed else total
            if total == d.expected_total:
                notes.append(f"QuickBooks' VAT made the total differ from Pleo's {d.expected_total}; corrected with "
                             "a VAT override")
        if total is not None and total != d.expected_total:
            notes.append(f"QuickBooks' total {total} differs from Pleo's {d.expected_total}: check the VAT of this "
                         "transaction in QuickBooks")
            log.warning("quickbooks: %s booked with total %s, Pleo's is %s", d.reference, total, d.expected_total)
        if notes:
            log.info("quickbooks: %s booked with notes: %s", d.reference, "; ".join(notes))
        return QboSendResult(d.entry.expense_id, ledger_id=txn_id, ledger_url=self._link(d.kind, txn_id),
                             notes=tuple(notes))

    def _correct_tax(self, d: Document, entity: dict[str, Any]) -> dict[str, Any] | None:
        """Send Pleo's VAT as an override to a transaction QuickBooks totalled differently; on a stale
        ``SyncToken`` (5010) read it again and try once more."""
        current = entity
        for attempt in (1, 2):
            body = {"Id": current["Id"], "SyncToken": current["SyncToken"], "sparse": True,
                    "TxnTaxDetail": d.tax_detail}
            resp = self.client.request("POST", d.kind.lower(), json_body=body,
                                       request_id=wire.request_id("tax", self.realm_id, str(current["Id"]),
                                                                  str(current["SyncToken"])))
            data = _json(resp)
            if resp.status_code == 200 and isinstance((data or {}).get(d.kind), dict):
                return data[d.kind]
            _t, errors = parse_fault(data)
            if attempt == 1 and any(e.code == "5010" for e in errors):
                current = (self.client.get_json(f"{d.kind.lower()}/{current['Id']}") or {}).get(d.kind) or current
                continue
            log.warning("quickbooks: VAT override of %s refused: %s", d.reference, fault_text(errors))
            return None
        return None

    def _refusal(self, d: Document, errors: list[FaultError]) -> LedgerError:
        codes = {e.code for e in errors}
        text = fault_text(errors) or "no reason given"
        element = " ".join(e.element for e in errors).lower()
        if "6210" in codes:
            closed = (self._chart.accounting.get("BookCloseDate") if self._chart else None) or ""
            return QboError(f"QuickBooks' books are closed for {d.entry.date.isoformat()}"
                            + (f" (closed up to {closed})" if closed else ""), text,
                            "Reopen the period in QuickBooks (Settings > Advanced > Close the books) or book the "
                            "expense by hand in an open period, then export again.", errors=errors)
        if codes & {"610", "2500"}:
            self._chart = None          # read again: what was deleted or made inactive is held by validation
            if "class" in element:
                what, reason = "class", "tag_unknown"
            elif "department" in element:
                what, reason = "location", "tag_unknown"
            elif "customer" in element or "project" in element:
                what, reason = "project", "tag_unknown"
            elif "taxcode" in element:
                what, reason = "VAT rate", "tax_code_unknown"
            elif "entity" in element or "vendor" in element:
                what, reason = "vendor", "accounting_system_validation_failure"
                self._names = None
            else:
                what, reason = "account", "account_unknown"
            return QboError(f"The {what} this expense is booked on was deleted or made inactive in QuickBooks", text,
                            f"Make the {what} active again in QuickBooks, or map the expense to another {what} in "
                            "pleodesk, then export again.", errors=errors, reason_type=reason)
        if "6000" in codes and "vat" in text.lower():
            return QboError("QuickBooks wants a VAT rate on every line", text,
                            "Map the category or the Pleo tax code to a QuickBooks purchase VAT rate.", errors=errors,
                            reason_type="tax_code_unknown")
        if "2050" in codes:
            return QboError("A text of this expense is longer than QuickBooks takes", text,
                            "Shorten it in Pleo, or book the expense by hand.", errors=errors)
        return QboError(f"QuickBooks refused the {d.kind.lower()}", text,
                        "Fix the cause in QuickBooks or in the mappings, then export again.", errors=errors)

    # ------------------------------------------------------------------ look-ups ------------------
    def find_by_reference(self, reference: str) -> Found | None:
        return self.find_many([(reference, None)])[reference]

    def find_many(self, wanted: Sequence[tuple[str, Any]]) -> dict[str, Found | None]:
        """Look up the references a crash left uncertain (a whole batch of them) together: one batch request
        asks each kind for up to ``FIND_CHUNK`` DocNumbers with ``IN``, and the Transfers' notes are read
        once. QuickBooks allows 40 batch requests a minute: one look-up per expense made settling a killed
        batch of 30 cost 30 of them and 30 queries more. What is found is checked by the full Pleo id in
        ``PrivateNote`` as one look-up checks it."""
        refs = list(dict.fromkeys(ref for ref, _day in wanted))
        out: dict[str, Found | None] = {ref: None for ref in refs}
        failed = f"QuickBooks could not be searched for {'an expense' if len(refs) == 1 else 'expenses'}"
        by_number: dict[str, list[str]] = {}
        for ref in refs:
            by_number.setdefault(wire.doc_number(ref), []).append(ref)
        numbers = list(by_number)
        for start in range(0, len(numbers), FIND_CHUNK):
            chunk = numbers[start:start + FIND_CHUNK]
            listed = ", ".join(wire.quote(n) for n in chunk)
            items = [{"bId": f"q{n}", "Query": f"SELECT * FROM {kind} WHERE DocNumber IN ({listed}) MAXRESULTS 1000"}
                     for n, kind in enumerate(KINDS)]
            resp, data = self.client.batch(items, wire.request_id("find", self.realm_id, uuid.uuid4().hex, *chunk))
            if resp.status_code != 200:
                _t, errors = parse_fault(data)
                raise QboError(failed, fault_text(errors),
                               "Try again later.", retryable=True, reason_type="accounting_system_unreachable")
            by_bid = {str(r.get("bId")): r for r in (data or {}).get("BatchItemResponse") or ()
                      if isinstance(r, dict)}
            for n, kind in enumerate(KINDS):
                item = by_bid.get(f"q{n}") or {}
                if item.get("Fault"):
                    raise QboError(failed, fault_text(parse_fault(item)[1]), "Try again later.", retryable=True,
                                   reason_type="accounting_system_unreachable")
                for row in (item.get("QueryResponse") or {}).get(kind) or ():
                    for ref in by_number.get(str(row.get("DocNumber") or ""), ()):
                        if out[ref] is None and self._ours(row, wire.expense_id_of(ref)):
                            out[ref] = self._found(kind, row)
        missing = [ref for ref in refs if out[ref] is None]
        if missing:
            # Transfers may not keep a DocNumber: ours by the Pleo id in their note, read once for all.
            transfers = self.client.query("SELECT * FROM Transfer ORDERBY MetaData.CreateTime DESC MAXRESULTS 1000"
                                          ).get("Transfer") or ()
            for ref in missing:
                eid = wire.expense_id_of(ref)
                row = next((t for t in transfers if self._ours(t, eid)), None)
                if row is not None:
                    out[ref] = self._found("Transfer", row)
        return out

    @staticmethod
    def _ours(row: Mapping[str, Any], eid: str) -> bool:
        return eid in str(row.get("PrivateNote") or "")

    def _found(self, kind: str, row: Mapping[str, Any]) -> Found:
        txn_id = str(row["Id"])
        self._kinds[txn_id] = kind
        return Found(txn_id, self._link(kind, txn_id))

    # ------------------------------------------------------------------ receipts ------------------
    def upload_receipt(self, found: Found, path: str, mime: str, filename: str) -> None:
        from pleodesk.providers.xero.receipts import is_image, shrink_image

        txn_id = found.ledger_id
        data = Path(path).read_bytes()
        mime = (mime or mimetypes.guess_type(filename)[0] or "application/octet-stream").lower()
        name = _upload_name(filename, mime)
        limit = MAX_UPLOAD_BYTES - UPLOAD_HEADROOM
        ext = name.rsplit(".", 1)[-1].lower()
        if ext not in UPLOAD_TYPES or len(data) > limit:
            small = shrink_image(data, limit) if is_image(mime) else None
            if small is None:
                if ext not in UPLOAD_TYPES:
                    raise LedgerError(f"Receipt {filename} is a {ext.upper()} file, a type QuickBooks does not take as "
                                      "an attachment", "", "Attach it by hand in QuickBooks as a PDF, JPG or PNG.")
                raise LedgerError(f"Receipt {filename} is {len(data) / 1_048_576:.1f} MB; QuickBooks takes at most "
                                  f"{MAX_UPLOAD_BYTES / 1_048_576:.0f} MB per upload", "",
                                  "Attach a smaller copy by hand in QuickBooks.")
            log.info("quickbooks: receipt %s sent as JPEG (%d -> %d bytes)", filename, len(data), len(small))
            data, mime = small, "image/jpeg"
            name = name.rsplit(".", 1)[0] + ".jpg"
        kind = self._kinds.get(txn_id) or wire.kind_from_link(found.ledger_url) or "Purchase"
        present = self._attachments(txn_id, kind)
        if (name, len(data)) in present:
            return                          # attached before (a run that stopped before recording it)
        meta = {"AttachableRef": [{"EntityRef": {"type": kind, "value": txn_id}, "IncludeOnSend": False}],
                "FileName": name, "ContentType": mime, "Category": "Receipt"}
        boundary = "pleodesk-" + uuid.uuid4().hex
        body = _multipart(boundary, meta, name, mime, data)
        for attempt in (1, 2):
            resp = self.client.request("POST", "upload", content=body,
                                       content_type=f"multipart/form-data; boundary={boundary}",
                                       request_id=wire.request_id("upload", self.realm_id, txn_id, name,
                                                                  hashlib.sha256(data).hexdigest(), uuid.uuid4().hex))
            payload = _json(resp)
            if resp.status_code != 200:
                _t, errors = parse_fault(payload)
                raise self._upload_refusal(filename, errors, resp.status_code)
            answers = (payload or {}).get("AttachableResponse") or []
            first = answers[0] if answers else {}
            att = first.get("Attachable") if isinstance(first, dict) else None
            if not isinstance(att, dict):
                raise self._upload_refusal(filename, parse_fault(first)[1], resp.status_code)
            if self._same_bytes(att, data):
                present.add((name, len(data)))
                return
            # The file arrived damaged: remove it, and send it once more.
            self._delete_attachable(att)
            if attempt == 2:
                raise LedgerError(f"Receipt {filename} reached QuickBooks damaged (its bytes differ from the file's)",
                                  "", "It is tried again with the next export; attach it by hand if it keeps failing.",
                                  retryable=True, reason_type="accounting_system_unreachable")

    def _attachments(self, txn_id: str, kind: str) -> set[tuple[str, int]]:
        """What a transaction already has attached: nothing for one this provider just created; read from
        QuickBooks for one found after a crash or created by an earlier run."""
        present = self._attached.get(txn_id)
        if present is None:
            present = set()
            if txn_id not in self._created:
                rows = self.client.query_all("Attachable", f"AttachableRef.EntityRef.Value = {wire.quote(txn_id)}")
                for r in rows:
                    refs = r.get("AttachableRef") or []
                    if any(_ref_value((x or {}).get("EntityRef")) == txn_id for x in refs):
                        present.add((str(r.get("FileName")), int(r.get("Size") or 0)))
            self._attached[txn_id] = present
        return present

    def _same_bytes(self, att: Mapping[str, Any], data: bytes) -> bool:
        """Download the attachment QuickBooks stored (``TempDownloadUri``) and compare it with the file."""
        uri = att.get("TempDownloadUri")
        if att.get("Size") is not None and int(att["Size"]) != len(data):
            return False
        if not uri:
            return True
        try:
            got = self._files.get(str(uri))
        except httpx.HTTPError as exc:
            raise LedgerError("The receipt QuickBooks stored could not be read back to check it", str(exc),
                              "It is checked and sent again with the next export.", retryable=True,
                              reason_type="accounting_system_unreachable") from exc
        if got.status_code != 200:
            raise LedgerError("The receipt QuickBooks stored could not be read back to check it",
                              f"HTTP {got.status_code}", "It is checked and sent again with the next export.",
                              retryable=True, reason_type="accounting_system_unreachable")
        return hashlib.sha256(got.content).digest() == hashlib.sha256(data).digest()

    def _delete_attachable(self, att: Mapping[str, Any]) -> None:
        resp = self.client.request("POST", "attachable", params={"operation": "delete"},
                                   json_body={"Id": att["Id"], "SyncToken": att.get("SyncToken", "0")},
                                   request_id=wire.request_id("unattach", self.realm_id, str(att["Id"])))
        if resp.status_code != 200:
            log.warning("quickbooks: a damaged attachment %s could not be deleted: %s", att.get("Id"),
                        fault_text(parse_fault(_json(resp))[1]))

    @staticmethod
    def _upload_refusal(filename: str, errors: list[FaultError], status: int) -> LedgerError:
        codes = {e.code for e in errors}
        text = fault_text(errors) or f"HTTP {status}"
        if "6030" in codes:
            return LedgerError(f"Receipt {filename} is larger than QuickBooks takes", text,
                               "Attach a smaller copy by hand in QuickBooks.")
        if codes & {"610", "2500"}:
            return LedgerError(f"The QuickBooks transaction for receipt {filename} was not found", text,
                               "It may have been deleted in QuickBooks.")
        return LedgerError(f"QuickBooks refused receipt {filename}", text, "Attach it by hand in QuickBooks.")

    # ------------------------------------------------------------------ bank feed -----------------
    def push_feed(self, lines: Sequence[FeedLine]) -> FeedResult:
        raise LedgerError("QuickBooks Online takes no bank feed from apps", "",
                          "Turn the bank feed off for this connection; QuickBooks' own bank connections bring the "
                          "statement lines.", reason_type="missing_configuration")

    def feed_lines_present(self, transaction_ids: Sequence[str]) -> set[str]:
        """No feed is pushed here, so none of its lines is ever there."""
        return set()


# ---------------------------------------------------------------------------------- helpers ----
def _upload_name(filename: str, mime: str) -> str:
    base, _, ext = Path(filename or "receipt").name.rpartition(".")
    if not base:
        base, ext = ext, ""
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", base).strip("-.") or "receipt"
    ext = re.sub(r"[^A-Za-z0-9]+", "", ext)[:10].lower()
    typed = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/jpg": "jpg", "image/png": "png",
             "image/gif": "gif", "image/tiff": "tif", "text/plain": "txt", "text/csv": "csv",
             "application/xml": "xml", "text/xml": "xml"}.get(mime)
    if not ext or (ext not in UPLOAD_TYPES and typed):
        ext = typed or ext or "bin"
    return f"{base[:100]}.{ext}"


def _multipart(boundary: str, meta: Mapping[str, Any], name: str, mime: str, data: bytes) -> bytes:
    """``file_metadata_0`` (the Attachable, JSON) and ``file_content_0`` (the file, binary), as Intuit's SDK
    sends them."""
    b = boundary.encode()
    return b"".join([
        b"--" + b + b"\r\n",
        b'Content-Disposition: form-data; name="file_metadata_0"\r\n',
        b"Content-Type: application/json; charset=UTF-8\r\n\r\n",
        wire.dumps(meta), b"\r\n",
        b"--" + b + b"\r\n",
        b'Content-Disposition: form-data; name="file_content_0"; filename="' + name.encode() + b'"\r\n',
        b"Content-Type: " + mime.encode() + b"\r\n",
        b"Content-Transfer-Encoding: binary\r\n\r\n",
        data, b"\r\n",
        b"--" + b + b"--\r\n",
    ])


def _json(resp: httpx.Response) -> Any:
    try:
        return wire.loads(resp.content) if resp.content else None
    except ValueError:
        return None


def _dec(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None
