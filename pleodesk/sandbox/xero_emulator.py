"""An emulator of the parts of Xero pleodesk uses, for the sandbox, tests and benchmarks.

Mounted by the sandbox (``Sandbox.mount``)::

    sb.mount("/xero", XeroApiApp(state))            # {url}/xero/api.xro/2.0, {url}/xero/bankfeeds.xro/1.0
    sb.mount("/xero-identity", XeroIdentityApp(state))   # /connect/authorize, /connect/token,
                                                         # /connect/revocation, /Connections

or in one go: ``state = mount_xero(sb)``. Everything is in-process (``XeroState``) so tests can look
inside; ``state.lock`` guards it.

Shapes follow Xero's OpenAPI documents (``xero_accounting.yaml``, ``xero_bankfeeds.yaml``,
``xero-identity.yaml``): PascalCase bodies, the ``Id``/``Status``/``ProviderName``/``DateTimeUTC``
envelope, ``/Date(1690000000000+0000)/`` dates, ``summarizeErrors=false`` answering 200 with
``StatusAttributeString``/``ValidationErrors`` per element (and, as in Xero, the valid elements of a
batch created even when the answer is a 400), ``Elements`` in a 400 ``ValidationException``, and
``application/problem+json`` for the Bank Feeds API.

Rules pleodesk depends on (each refused the way Xero does, with a validation message):

* accounts: an archived or unknown ``AccountCode`` is refused, bank accounts cannot be line accounts;
  ``PUT /Accounts`` creates one account (unique code and name); US organisations cannot create bank
  accounts through the API (``us_bank_accounts_by_api``), a currency must be enabled first;
* tax: ``TaxType`` must be active and usable on expenses; Xero computes VAT per line (half-up to the
  cent, from ``EffectiveRate``) and refuses a ``TaxAmount`` that differs ("Tax amount 1.73 is incorrect
  for TAX001 tax type, should be 1.74");
* lines: a description, ``UnitAmount`` > 0, ``LineAmount`` = quantity × unit amount, at most two
  tracking categories, no archived tracking option;
* contacts: names unique among active contacts (case-insensitive);
* bills (``Invoices`` ``ACCPAY``) and supplier credit notes (``CreditNotes`` ``ACCPAYCREDIT``): a contact,
  the line rules above, ``Status`` DRAFT, SUBMITTED or AUTHORISED, an enabled currency; a credit note's
  ``Reference`` is not kept (sales credit notes only), ``POST /CreditNotes`` creates but updates nothing;
* attachments: at most ``max_attachment_bytes`` (10 MB) each (413 above), ``max_attachments`` (10) per
  document, only the file types of ``ATTACHMENT_TYPES`` by the name's extension (``.webp``, ``.heic``,
  no extension: "isn't a supported file type"); the same file name again replaces the file;
* bank feeds: only for a client registered as a financial-services partner (403
  ``invalid-application`` otherwise), end balance = start balance + lines (422), a statement with a
  line already delivered is a ``duplicate-statement`` (409), 3,000,000 bytes per request (413).

Limits, per organisation, on the emulator's clock (``time_scale`` > 1 makes it run faster): 60 calls in
any minute, 5 in progress at once, 5,000 in any day (a 429 with ``Retry-After`` and
``X-Rate-Limit-Problem: minute|concurrent|day``; every answer carries ``X-DayLimit-Remaining``,
``X-MinLimit-Remaining``, ``X-AppMinLimit-Remaining``), request bodies up to 3.5 MB (413).
Idempotency: the same ``Idempotency-Key`` with the same method, path and body within 6 minutes gets
the first answer again; with a different request, a 400. OAuth: authorisation code with PKCE (S256),
redirect URIs matched exactly against the client's registered list, access tokens of 30 minutes,
refresh tokens that rotate, the previous one still accepted for 30 minutes.

Sandbox controls (in-process): :meth:`XeroState.fail_next` (drop the connection before or after
processing, or answer 500/503), :meth:`XeroState.advance` (move the clock), ``time_scale``,
:meth:`XeroState.hold_next` (a call Xero has taken but not yet finished),
:meth:`XeroState.forget_idempotency_keys`, :meth:`XeroState.use_day_calls`.
"""

from __future__ import annotations

import base64
import collections
import copy
import hashlib
import json
import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs, urlencode

from pleodesk.core import clock
from pleodesk.sandbox.faults import DropConnection, NextCallFaults
from pleodesk.sandbox.server import Request, Response, exact_json

PROVIDER_NAME = "pleodesk sandbox"
SANDBOX_CLIENT_ID = "pleodesk-xero-sandbox"
PARTNER_CLIENT_ID = "pleodesk-xero-partner"
DEFAULT_REDIRECT_PORTS = (53682, 53683, 53684)

KNOWN_SCOPES = {
    "openid", "profile", "email", "offline_access", "bankfeeds", "files", "files.read",
    "accounting.settings", "accounting.settings.read", "accounting.contacts", "accounting.contacts.read",
    "accounting.transactions", "accounting.transactions.read", "accounting.attachments",
    "accounting.attachments.read", "accounting.reports.read", "accounting.journals.read",
    "accounting.banktransactions", "accounting.banktransactions.read", "accounting.invoices",
    "accounting.invoices.read", "accounting.payments", "accounting.payments.read",
    "accounting.manualjournals", "accounting.manualjournals.read",
}
_Q = Decimal("0.01")
#: File name extensions Xero takes as attachments (its release note on files, community.xero.com
#: developer discussion 3095073, and the list integrations document); others are refused.
ATTACHMENT_TYPES = frozenset({
    "bmp", "csv", "doc", "docx", "eml", "gif", "jpeg", "jpg", "key", "keynote", "msg", "numbers", "odf", "ods",
    "odt", "pages", "pdf", "png", "ppt", "pptx", "rar", "rtf", "tif", "tiff", "txt", "xls", "xlsx", "zip",
})


# ================================================================================ helpers =========
def msdate(dt: datetime, offset: bool = True) -> str:
    ms = int(dt.timestamp() * 1000)
    return f"/Date({ms}+0000)/" if offset else f"/Date({ms})/"


def _date_of(value: Any) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    m = re.match(r"^/Date\((-?\d+)([+-]\d{4})?\)/$", value)
    if m:
        return datetime.fromtimestamp(int(m.group(1)) / 1000, tz=timezone.utc).date()
    try:
        return datetime.fromisoformat(value[:19]).date() if "T" in value else date.fromisoformat(value)
    except ValueError:
        return None


def _dec(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _num(d: Decimal) -> Any:
    """A JSON number for an amount (written by ``server.exact_json`` with its digits)."""
    return d


def _json_response(obj: Any, status: int = 200, headers: list[tuple[str, str]] | None = None,
                   content_type: str = "application/json; charset=utf-8") -> Response:
    return Response(status, exact_json(obj), headers, content_type)


class XeroApiError(Exception):
    def __init__(self, status: int, body: Any, headers: list[tuple[str, str]] | None = None,
                 content_type: str = "application/json; charset=utf-8"):
        super().__init__(f"{status}")
        self.status = status
        self.body = body
        self.headers = headers or []
        self.content_type = content_type

    def response(self) -> Response:
        if isinstance(self.body, (bytes, str)):
            data = self.body.encode() if isinstance(self.body, str) else self.body
            return Response(self.status, data, self.headers, "text/plain; charset=utf-8")
        return _json_response(self.body, self.status, self.headers, self.content_type)


def problem(status: int, type_: str, title: str, detail: str) -> XeroApiError:
    return XeroApiError(status, {"type": type_, "title": title, "status": status, "detail": detail},
                        content_type="application/problem+json")


def unauthorized(detail: str) -> XeroApiError:
    return XeroApiError(401, {"Type": None, "Title": "Unauthorized", "Status": 401, "Detail": detail,
                              "Instance": str(uuid.uuid4()), "Extensions": {}})


def forbidden(detail: str) -> XeroApiError:
    return XeroApiError(403, {"Type": None, "Title": "Forbidden", "Status": 403, "Detail": detail,
                              "Instance": str(uuid.uuid4()), "Extensions": {}})


MAX_TRACKING_OPTIONS = 100       # Xero: options per tracking category


def validation_error(elements: list[dict], message: str = "A validation exception occurred") -> XeroApiError:
    return XeroApiError(400, {"ErrorNumber": 10, "Type": "ValidationException", "Message": message,
                              "Elements": elements})


def not_found(what: str) -> XeroApiError:
    return XeroApiError(404, f"The resource you're looking for cannot be found ({what})")


# --------------------------------------------------------------------------- where filters ------
_TOKEN = re.compile(r'\s*(?:(?P<and>AND\b|&&)|(?P<or>OR\b|\|\|)|(?P<field>[A-Za-z][A-Za-z0-9_.]*)\s*'
                    r'(?P<op>==|!=|>=|<=|>|<)\s*(?P<value>"(?:[^"\\]|\\.)*"|[^\s&|)]+))', re.IGNORECASE)


def parse_where(text: str) -> Callable[[dict], bool]:
    """``Field=="v" AND Other!="w" OR X==1`` (AND binds tighter). Raises ValueError."""
    pos = 0
    groups: list[list[tuple[str, str, Any]]] = [[]]
    expect_clause = True
    while pos < len(text):
        if not text[pos:].strip():
            break
        m = _TOKEN.match(text, pos)
        if not m:
            raise ValueError(f"cannot parse where clause at: {text[pos:pos + 30]!r}")
        pos = m.end()
        if m.group("and"):
            if expect_clause:
                raise ValueError("AND without a condition")
            expect_clause = True
        elif m.group("or"):
            if expect_clause:
                raise ValueError("OR without a condition")
            groups.append([])
            expect_clause = True
        else:
            if not expect_clause:
                raise ValueError("two conditions without AND/OR")
            raw = m.group("value")
            if raw.upper() in ("AND", "OR"):
                raise ValueError(f"{m.group('field')}{m.group('op')} has no value")
            if raw.startswith('"'):
                value: Any = re.sub(r"\\(.)", r"\1", raw[1:-1])
            elif raw.lower() in ("true", "false"):
                value = raw.lower() == "true"
            else:
                value = _dec(raw) if _dec(raw) is not None else raw
            groups[-1].append((m.group("field"), m.group("op"), value))
            expect_clause = False
    if expect_clause and any(groups):
        raise ValueError("where clause ends without a condition")

    def get(item: dict, path: str) -> Any:
        cur: Any = item
        for part in path.split("."):
            if not isinstance(cur, dict):
                return None
            cur = next((v for k, v in cur.items() if k.lower() == part.lower()), None)
        return cur

    def test(item: dict) -> bool:
        for group in groups:
            ok = True
            for fld, op, value in group:
                actual = get(item, fld)
                if isinstance(value, Decimal):
                    actual = _dec(actual)
                elif isinstance(value, str) and actual is not None and not isinstance(actual, str):
                    actual = str(actual)
                if op == "==":
                    ok = actual == value
                elif op == "!=":
                    ok = actual != value
                else:
                    try:
                        ok = {">": actual > value, "<": actual < value, ">=": actual >= value,
                              "<=": actual <= value}[op]
                    except TypeError:
                        ok = False
                if not ok:
                    break
            if ok:
                return True
        return not any(groups)

    return test


# ================================================================================ state ===========
@dataclass
class Client:
    client_id: str
    redirect_uris: set[str]
    partner: bool = False          # may use the Bank Feeds API


@dataclass
class Grant:
    """One sign-in (an auth event): its refresh-token family and the organisations it opened."""

    id: str
    client_id: str
    scopes: tuple[str, ...]
    tenants: list[str]
    revoked: bool = False


@dataclass
class Org:
    tenant_id: str
    data: dict[str, Any]
    accounts: list[dict[str, Any]] = field(default_factory=list)
    tax_rates: list[dict[str, Any]] = field(default_factory=list)
    tracking: list[dict[str, Any]] = field(default_factory=list)
    currencies: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    bank_transactions: list[dict[str, Any]] = field(default_factory=list)
    invoices: list[dict[str, Any]] = field(default_factory=list)
    credit_notes: list[dict[str, Any]] = field(default_factory=list)
    bank_transfers: list[dict[str, Any]] = field(default_factory=list)
    attachments: dict[str, list[dict[str, Any]]] = field(default_factory=dict)   # object id -> files
    attachment_bytes: dict[str, bytes] = field(default_factory=dict)             # AttachmentID -> bytes
    feed_connections: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    delivered_transaction_ids: dict[str, set[str]] = field(default_factory=dict)  # feed id -> ids
    multicurrency: bool = True
    # limits
    minute_hits: collections.deque = field(default_factory=collections.deque)
    day_hits: collections.deque = field(default_factory=collections.deque)
    in_flight: int = 0
    idempotency: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: int = 0
    refused_429: collections.Counter = field(default_factory=collections.Counter)

    @property
    def name(self) -> str:
        return self.data["Name"]


@dataclass
class Hold:
    """A call Xero has taken (its Idempotency-Key recorded) but not finished: ``arrived`` is set when
    it gets there, it goes on after :meth:`release`."""

    method: str | None
    path_contains: str
    arrived: threading.Event = field(default_factory=threading.Event)
    go: threading.Event = field(default_factory=threading.Event)

    def release(self) -> None:
        self.go.set()


class XeroState:
    """Everything the emulator knows. Thread-safe through ``lock``."""

    def __init__(self, *, seed: int = 1, time_scale: float = 1.0, per_minute: int = 60, concurrent: int = 5,
                 per_day: int = 5000, app_per_minute: int = 10_000, idempotency_seconds: float = 360,
                 access_token_seconds: int = 1800, refresh_grace_seconds: float = 1800,
                 max_body: int = 3_500_000, max_attachment_bytes: int = 10 * 1024 * 1024,
                 max_attachments: int = 10, statement_max_body: int = 3_000_000,
                 us_bank_accounts_by_api: bool = False, latency: float = 0.0,
                 redirect_ports: Iterable[int] = DEFAULT_REDIRECT_PORTS) -> None:
        self.lock = threading.RLock()
        self.seed = seed
        self.time_scale = time_scale
        self.per_minute = per_minute
        self.concurrent = concurrent
        self.per_day = per_day
        self.app_per_minute = app_per_minute
        self.idempotency_seconds = idempotency_seconds
        self.access_token_seconds = access_token_seconds
        self.refresh_grace_seconds = refresh_grace_seconds
        self.max_body = max_body
        self.max_attachment_bytes = max_attachment_bytes
        self.max_attachments = max_attachments
        self.statement_max_body = statement_max_body
        self.us_bank_accounts_by_api = us_bank_accounts_by_api
        self.latency = latency
        self._offset = 0.0
        self._t0_real = time.monotonic()
        # Its calendar (document dates, a feed statement's one-year limit) is pleodesk's clock, so the
        # sandbox and the app agree on what day it is (tests run that clock from a fixed moment).
        self._t0_wall = clock.now().timestamp()
        self.orgs: dict[str, Org] = {}
        self.clients: dict[str, Client] = {}
        ports = tuple(redirect_ports)
        uris = {f"http://{h}:{p}/callback" for p in ports for h in ("localhost", "127.0.0.1")}
        self.register_client(SANDBOX_CLIENT_ID, uris)
        self.register_client(PARTNER_CLIENT_ID, uris, partner=True)
        self.codes: dict[str, dict[str, Any]] = {}
        self.grants: dict[str, Grant] = {}
        self.access_tokens: dict[str, dict[str, Any]] = {}
        self.refresh_tokens: dict[str, dict[str, Any]] = {}
        self.connections: dict[str, dict[str, Any]] = {}       # connection id -> Connection
        self.consent: list[str] | None = None                  # tenants the next sign-in opens (None: first org)
        self.faults = NextCallFaults()
        self.holds: list[Hold] = []
        self.token_requests: list[dict[str, str]] = []
        self.requests: list[tuple[str, str, int, float]] = []  # (method, path, status, real time) of API calls
        seed_demo(self)

    # ----------------------------------------------------------------------------- clock --------
    def now(self) -> float:
        """Seconds on the emulator's clock (monotonic, scaled, plus ``advance``)."""
        return (time.monotonic() - self._t0_real) * self.time_scale + self._offset

    def wall(self) -> datetime:
        return datetime.fromtimestamp(self._t0_wall + self.now(), tz=timezone.utc)

    def advance(self, seconds: float) -> None:
        with self.lock:
            self._offset += seconds

    def scaled(self, emulated_seconds: float) -> float:
        """Real seconds an emulated span takes."""
        return emulated_seconds / self.time_scale

    # ----------------------------------------------------------------------------- setup --------
    def register_client(self, client_id: str, redirect_uris: Iterable[str], *, partner: bool = False) -> Client:
        with self.lock:
            c = Client(client_id, set(redirect_uris), partner)
            self.clients[client_id] = c
            return c

    def add_org(self, name: str, *, country: str = "NL", currency: str = "EUR", version: str = "GLOBAL",
                tenant_id: str | None = None, chart: bool = True) -> Org:
        with self.lock:
            tid = tenant_id or str(uuid.uuid5(uuid.NAMESPACE_URL, f"xero-sandbox/{self.seed}/{name}"))
            org = Org(tid, {
                "OrganisationID": tid, "Name": name, "LegalName": name, "PaysTax": True, "Version": version,
                "OrganisationType": "COMPANY", "BaseCurrency": currency, "CountryCode": country,
                "IsDemoCompany": True, "OrganisationStatus": "ACTIVE", "FinancialYearEndDay": 31,
                "FinancialYearEndMonth": 12, "SalesTaxBasis": "ACCRUALS" if version == "GLOBAL" else "INVOICE",
                "DefaultSalesTax": "Tax Exclusive", "DefaultPurchasesTax": "Tax Inclusive",
                "CreatedDateUTC": msdate(datetime(2024, 1, 1, tzinfo=timezone.utc), offset=False),
                "Timezone": "WEUROPESTANDARDTIME" if country != "US" else "EASTERNSTANDARDTIME",
                "ShortCode": "!" + hashlib.sha1(tid.encode()).hexdigest()[:5],
                "Class": "STANDARD", "Edition": "BUSINESS", "Addresses": [], "Phones": [], "ExternalLinks": [],
                "PaymentTerms": {}})
            org.currencies.append({"Code": currency, "Description": currency})
            if chart:
                seed_chart(org)
            self.orgs[tid] = org
            return org

    def org(self, tenant_id: str) -> Org:
        return self.orgs[tenant_id]

    @property
    def demo(self) -> Org:
        return next(iter(self.orgs.values()))

    # ----------------------------------------------------------------------------- controls -----
    def fail_next(self, path_contains: str, mode: str, *, method: str | None = None, count: int = 1) -> None:
        """The next ``count`` API calls whose path contains ``path_contains`` fail: ``drop_before`` (the
        connection closes, nothing processed), ``drop_after`` (processed, then the connection closes
        before the answer), ``500`` or ``503`` (nothing processed)."""
        self.faults.add(path_contains, mode, method=method, count=count)

    def hold_next(self, path_contains: str, *, method: str | None = None) -> Hold:
        """The next API call whose path contains ``path_contains`` is taken (an Idempotency-Key it
        carries is recorded, as Xero does on arrival) and then waits until the returned hold is
        released: a slow Xero still working on a request when the client's retry comes."""
        with self.lock:
            hold = Hold(method, path_contains)
            self.holds.append(hold)
            return hold

    def _take_hold(self, method: str, path: str) -> Hold | None:
        with self.lock:
            for h in self.holds:
                if h.path_contains in path and (h.method is None or h.method == method):
                    self.holds.remove(h)
                    return h
        return None

    def forget_idempotency_keys(self) -> None:
        with self.lock:
            for org in self.orgs.values():
                org.idempotency.clear()

    def use_day_calls(self, tenant_id: str, n: int) -> None:
        """Count ``n`` calls as made now (to reach the daily limit quickly)."""
        with self.lock:
            org = self.orgs[tenant_id]
            now = self.now()
            org.day_hits.extend([now] * n)

    def expire_access_tokens(self) -> None:
        with self.lock:
            for t in self.access_tokens.values():
                t["expires"] = self.now() - 1


# ================================================================================ seed ============
PLEO_DEMO_ACCOUNTS = [
    ("4000", "Travel"), ("4010", "Taxi"), ("4100", "Meals"), ("4200", "Software"), ("4300", "Office supplies"),
    ("4400", "Marketing"), ("4500", "Phone and internet"), ("4600", "Training"), ("4700", "Mileage"),
    ("4710", "Per diem"), ("4800", "Bank charges"),
]


def _id(org: Org, *parts: str) -> str:
    return str(uuid.uuid5(uuid.UUID(org.tenant_id), "/".join(parts)))


def seed_chart(org: Org) -> None:
    cur = org.data["BaseCurrency"]
    stamp = msdate(datetime(2024, 1, 1, tzinfo=timezone.utc))

    def acc(code: str, name: str, type_: str, *, status: str = "ACTIVE", system: str | None = None,
            tax: str = "TAX001", **extra: Any) -> dict[str, Any]:
        a = {"AccountID": _id(org, "account", code), "Code": code, "Name": name, "Type": type_, "Status": status,
             "TaxType": tax, "Class": {"BANK": "ASSET", "CURRENT": "ASSET", "CURRLIAB": "LIABILITY",
                                       "EQUITY": "EQUITY", "REVENUE": "REVENUE"}.get(type_, "EXPENSE"),
             "EnablePaymentsToAccount": False, "ShowInExpenseClaims": type_ == "EXPENSE",
             "ReportingCode": "EXP", "ReportingCodeName": "Expense", "HasAttachments": False,
             "UpdatedDateUTC": stamp, "AddToWatchlist": False}
        if system:
            a["SystemAccount"] = system
        a.update(extra)
        return a

    org.accounts = [
        acc("090", "Business Bank Account", "BANK", tax="NONE", BankAccountNumber="NL00BANK0123456789",
            BankAccountType="BANK", CurrencyCode=cur),
        acc("1010", "Petty cash", "BANK", tax="NONE", BankAccountNumber="CASH", BankAccountType="NONE",
            CurrencyCode=cur),
        acc("1100", "Accounts Receivable", "CURRENT", system="DEBTORS", tax="NONE"),
        acc("1500", "VAT", "CURRLIAB", system="GST", tax="NONE"),
        acc("1600", "Accounts Payable", "CURRLIAB", system="CREDITORS", tax="NONE"),
        acc("3000", "Sales", "REVENUE", tax="TAX004"),
        *[acc(code, name, "EXPENSE") for code, name in PLEO_DEMO_ACCOUNTS],
        acc("4900", "Old expenses", "EXPENSE", status="ARCHIVED"),
        acc("8600", "Rounding", "EXPENSE", system="ROUNDING", tax="NONE"),
        acc("8900", "Cashback", "OTHERINCOME", tax="NONE"),
    ]

    def rate(code: str, name: str, eff: str, *, display: str | None = None, expenses: bool = True,
             status: str = "ACTIVE", components: list | None = None) -> dict[str, Any]:
        return {"Name": name, "TaxType": code, "Status": status, "ReportTaxType": "INPUT" if expenses else "OUTPUT",
                "CanApplyToAssets": expenses, "CanApplyToEquity": expenses, "CanApplyToExpenses": expenses,
                "CanApplyToLiabilities": expenses, "CanApplyToRevenue": not expenses,
                "DisplayTaxRate": Decimal(display or eff), "EffectiveRate": Decimal(eff),
                "TaxComponents": components or [{"Name": "VAT", "Rate": Decimal(eff), "IsCompound": False,
                                                 "IsNonRecoverable": False}]}

    org.tax_rates = [
        rate("TAX001", "21% VAT on expenses", "21.0000"),
        rate("TAX002", "9% VAT on expenses", "9.0000"),
        rate("NONE", "No VAT", "0.0000"),
        rate("TAX003", "Reverse charge 21% (EU services)", "0.0000", display="21.0000",
             components=[{"Name": "VAT input", "Rate": Decimal("21.0000"), "IsCompound": False, "IsNonRecoverable": False},
                         {"Name": "VAT output", "Rate": Decimal("-21.0000"), "IsCompound": False,
                          "IsNonRecoverable": False}]),
        rate("TAX004", "21% VAT on sales", "21.0000", expenses=False),
        rate("TAX005", "6% VAT (old)", "6.0000", status="ARCHIVED"),
    ]

    def category(name: str, options: list[tuple[str, str]]) -> dict[str, Any]:
        cid = _id(org, "tracking", name)
        return {"TrackingCategoryID": cid, "Name": name, "Status": "ACTIVE",
                "Options": [{"TrackingOptionID": _id(org, "tracking", name, o), "Name": o, "Status": st,
                             "TrackingCategoryID": cid} for o, st in options]}

    org.tracking = [
        category("Department", [("Sales", "ACTIVE"), ("Engineering", "ACTIVE"), ("Marketing", "ACTIVE"),
                                ("Operations", "ACTIVE"), ("Legacy", "ARCHIVED")]),
        category("Project", [("Atlas rollout", "ACTIVE"), ("Boreas migration", "ACTIVE"), ("Ceres pilot", "ACTIVE"),
                             ("Delta partnership", "ACTIVE"), ("Eos rebrand", "ACTIVE"),
                             ("Fenix internal tools", "ACTIVE"), ("Mercury", "ARCHIVED")]),
    ]
    for code, desc in (("GBP", "British Pound"), ("USD", "United States Dollar")):
        if code != cur:
            org.currencies.append({"Code": code, "Description": desc})
    for name, status in (("KLM", "ACTIVE"), ("Uber", "ACTIVE"), ("Old Supplier", "ARCHIVED")):
        org.contacts.append(_contact(org, {"Name": name}, status=status))


def _contact(org: Org, body: dict[str, Any], status: str = "ACTIVE") -> dict[str, Any]:
    c = {"ContactID": str(uuid.uuid4()), "ContactStatus": status, "Name": body["Name"],
         "EmailAddress": body.get("EmailAddress", ""), "BankAccountDetails": "", "Addresses": [], "Phones": [],
         "UpdatedDateUTC": msdate(clock.now()), "ContactGroups": [], "IsSupplier": True,
         "IsCustomer": False, "ContactPersons": [], "HasAttachments": False, "HasValidationErrors": False}
    if body.get("ContactNumber"):
        c["ContactNumber"] = body["ContactNumber"]
    return c


def seed_demo(state: XeroState) -> None:
    state.add_org("Pleo Demo BV", country="NL", currency="EUR", tenant_id="8c3f2e0b-6d1a-4c59-9e7b-0a1d2c3b4e5f")
    state.add_org("Pleo Demo Ltd", country="GB", currency="GBP", version="UK",
                  tenant_id="1f2e3d4c-5b6a-4798-8a9b-cadbecfd0e1f")


# ================================================================================ identity ========
def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


class XeroIdentityApp:
    """``/xero-identity``: ``/connect/authorize``, ``/connect/token``, ``/connect/revocation``,
    ``/Connections`` (also ``/connections``) and ``DELETE /Connections/{id}``."""

    def __init__(self, state: XeroState):
        self.s = state

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        req = Request(environ)
        path = req.path.rstrip("/") or "/"
        low = path.lower()
        try:
            with self.s.lock:
                if low == "/connect/authorize" and req.method == "GET":
                    resp = self.authorize(req)
                elif low == "/connect/token" and req.method == "POST":
                    resp = self.token(req)
                elif low == "/connect/revocation" and req.method == "POST":
                    resp = self.revoke(req)
                elif low == "/connections" and req.method == "GET":
                    resp = self.list_connections(req)
                elif low.startswith("/connections/") and req.method == "DELETE":
                    resp = self.delete_connection(req, path.split("/")[-1])
                else:
                    raise not_found(f"{req.method} {path}")
        except XeroApiError as err:
            resp = err.response()
        return resp(environ, start_response)

    # -- authorise ---------------------------------------------------------------------------
    def authorize(self, req: Request) -> Response:
        s = self.s
        client = s.clients.get(req.arg("client_id") or "")
        redirect_uri = req.arg("redirect_uri") or ""
        if client is None:
            raise XeroApiError(400, "Error: unauthorized_client : Unknown client or client not enabled")
        if redirect_uri not in client.redirect_uris:
            raise XeroApiError(400, "Error: unauthorized_client : Invalid redirect_uri")
        state = req.arg("state")

        def fail(error: str, description: str) -> Response:
            q = {"error": error, "error_description": description}
            if state is not None:
                q["state"] = state
            return Response(302, b"", [("Location", redirect_uri + "?" + urlencode(q))])

        if req.arg("response_type") != "code":
            return fail("unsupported_response_type", "response_type must be code")
        scopes = tuple((req.arg("scope") or "").split())
        unknown = [x for x in scopes if x not in KNOWN_SCOPES]
        if not scopes or unknown:
            return fail("invalid_scope", f"unknown scope {unknown[0] if unknown else '(none)'}")
        if "bankfeeds" in scopes and not client.partner:
            return fail("invalid_scope", "bankfeeds is only available to approved financial-services partners")
        if req.arg("code_challenge_method") != "S256" or not req.arg("code_challenge"):
            return fail("invalid_request", "PKCE with code_challenge_method=S256 is required")
        tenants = list(s.consent) if s.consent is not None else [next(iter(s.orgs))]
        code = secrets.token_urlsafe(24)
        s.codes[code] = {"client_id": client.client_id, "redirect_uri": redirect_uri, "scopes": scopes,
                         "challenge": req.arg("code_challenge"), "expires": s.now() + 300, "tenants": tenants}
        q = {"code": code, "scope": " ".join(scopes)}
        if state is not None:
            q["state"] = state
        return Response(302, b"", [("Location", redirect_uri + "?" + urlencode(q))])

    # -- tokens ------------------------------------------------------------------------------
    @staticmethod
    def _oauth_error(error: str, description: str, status: int = 400) -> XeroApiError:
        return XeroApiError(status, {"error": error, "error_description": description})

    def _issue(self, grant: Grant, *, with_refresh: bool) -> dict[str, Any]:
        s = self.s
        access_payload = {"nbf": int(s.wall().timestamp()), "exp": int(s.wall().timestamp()) + s.access_token_seconds,
                          "client_id": grant.client_id, "authentication_event_id": grant.id,
                          "scope": list(grant.scopes), "jti": secrets.token_hex(8)}
        access = ".".join((_b64(b'{"alg":"none","typ":"JWT"}'), _b64(json.dumps(access_payload).encode()),
                           _b64(secrets.token_bytes(16))))
        # Token lifetimes are real seconds (time_scale speeds up the rate limits, not the sign-in), so a
        # client's clock agrees with the emulator's; advance() and expire_access_tokens() move them.
        s.access_tokens[access] = {"grant": grant.id, "expires": s.now() + s.access_token_seconds * s.time_scale}
        body: dict[str, Any] = {"access_token": access, "expires_in": s.access_token_seconds,
                                "token_type": "Bearer", "scope": " ".join(grant.scopes),
                                "id_token": access.split(".")[0] + "." + _b64(b'{"sub":"sandbox-user"}') + "."}
        if with_refresh:
            rt = secrets.token_urlsafe(32)
            s.refresh_tokens[rt] = {"grant": grant.id, "rotated_at": None, "created": s.now(), "successor": None}
            body["refresh_token"] = rt
        return body

    def token(self, req: Request) -> Response:
        s = self.s
        form = {k: v[0] for k, v in parse_qs(req.body.decode("utf-8", "replace"), keep_blank_values=True).items()}
        s.token_requests.append({k: v for k, v in form.items() if k in ("grant_type", "client_id")})
        client = s.clients.get(form.get("client_id", ""))
        if client is None:
            raise self._oauth_error("invalid_client", "unknown client")
        if form.get("client_secret"):
            raise self._oauth_error("invalid_client", "a PKCE client has no secret")
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            code = s.codes.pop(form.get("code", ""), None)
            if code is None or code["expires"] < s.now() or code["client_id"] != client.client_id:
                raise self._oauth_error("invalid_grant", "the code is unknown, used or expired")
            if form.get("redirect_uri") != code["redirect_uri"]:
                raise self._oauth_error("invalid_grant", "redirect_uri does not match the authorisation request")
            verifier = form.get("code_verifier", "")
            if not 43 <= len(verifier) <= 128 or _b64(hashlib.sha256(verifier.encode()).digest()) != code["challenge"]:
                raise self._oauth_error("invalid_grant", "code_verifier does not match the code_challenge")
            grant = Grant(str(uuid.uuid4()), client.client_id, code["scopes"], list(code["tenants"]))
            s.grants[grant.id] = grant
            # Xero writes these without a zone ("2019-12-07T18:46:19.5165400"), which its own document's
            # date-time format does not allow; the emulator adds the "Z" so the answer is valid.
            now = s.wall().strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"
            for tid in grant.tenants:
                existing = next((c for c in s.connections.values()
                                 if c["tenantId"] == tid and c["_client"] == client.client_id), None)
                if existing:
                    existing["authEventId"] = grant.id
                    existing["updatedDateUtc"] = now
                    existing["_grant"] = grant.id
                else:
                    cid = str(uuid.uuid4())
                    s.connections[cid] = {"id": cid, "authEventId": grant.id, "tenantId": tid,
                                          "tenantType": "ORGANISATION", "tenantName": s.orgs[tid].name,
                                          "createdDateUtc": now, "updatedDateUtc": now,
                                          "_client": client.client_id, "_grant": grant.id}
            return _json_response(self._issue(grant, with_refresh="offline_access" in grant.scopes))
        if grant_type == "refresh_token":
            rt = form.get("refresh_token", "")
            rec = s.refresh_tokens.get(rt)
            grant = s.grants.get(rec["grant"]) if rec else None
            if rec is None or grant is None or grant.revoked or grant.client_id != client.client_id:
                raise self._oauth_error("invalid_grant", "the refresh token is unknown or revoked")
            if rec["rotated_at"] is not None and s.now() - rec["rotated_at"] > s.refresh_grace_seconds * s.time_scale:
                raise self._oauth_error("invalid_grant", "the refresh token was already used")
            if s.now() - rec["created"] > 60 * 86400 * s.time_scale and rec["rotated_at"] is None:
                raise self._oauth_error("invalid_grant", "the refresh token expired (unused for 60 days)")
            if rec["rotated_at"] is None:
                rec["rotated_at"] = s.now()
            return _json_response(self._issue(grant, with_refresh=True))
        raise self._oauth_error("unsupported_grant_type", f"grant_type {grant_type!r}")

    def revoke(self, req: Request) -> Response:
        s = self.s
        form = {k: v[0] for k, v in parse_qs(req.body.decode("utf-8", "replace")).items()}
        rec = s.refresh_tokens.get(form.get("token", ""))
        if rec is not None:
            grant = s.grants[rec["grant"]]
            grant.revoked = True
            for cid in [c for c, conn in s.connections.items() if conn["_grant"] == grant.id]:
                del s.connections[cid]
        return Response(200, b"")

    # -- connections -------------------------------------------------------------------------
    def _grant_of(self, req: Request) -> Grant:
        auth = req.header("Authorization") or ""
        token = auth[7:] if auth.startswith("Bearer ") else ""
        rec = self.s.access_tokens.get(token)
        if rec is None:
            raise unauthorized("AuthenticationUnsuccessful")
        if rec["expires"] < self.s.now():
            raise unauthorized("TokenExpired: token expired")
        grant = self.s.grants[rec["grant"]]
        if grant.revoked:
            raise unauthorized("AuthenticationUnsuccessful")
        return grant

    def list_connections(self, req: Request) -> Response:
        grant = self._grant_of(req)
        event = req.arg("authEventId")
        out = [{k: v for k, v in c.items() if not k.startswith("_")} for c in self.s.connections.values()
               if c["_client"] == grant.client_id and (event is None or c["authEventId"] == event)]
        return _json_response(out)

    def delete_connection(self, req: Request, cid: str) -> Response:
        grant = self._grant_of(req)
        conn = self.s.connections.get(cid)
        if conn is None or conn["_client"] != grant.client_id:
            raise not_found(f"connection {cid}")
        del self.s.connections[cid]
        return Response(204, b"")


# ================================================================================ the API =========
_SCOPES_FOR = {
    "Organisation": ("accounting.settings",), "Accounts": ("accounting.settings",),
    "TaxRates": ("accounting.settings",), "TrackingCategories": ("accounting.settings",),
    "Currencies": ("accounting.settings",), "Contacts": ("accounting.contacts",),
    "BankTransactions": ("accounting.transactions", "accounting.banktransactions"),
    "Invoices": ("accounting.transactions", "accounting.invoices"),
    "CreditNotes": ("accounting.transactions", "accounting.invoices"),
    "BankTransfers": ("accounting.transactions", "accounting.banktransactions"),
}


class XeroApiApp:
    """``/xero``: ``/api.xro/2.0/...`` (Accounting) and ``/bankfeeds.xro/1.0/...`` (Bank Feeds)."""

    def __init__(self, state: XeroState):
        self.s = state

    # ------------------------------------------------------------------------------ gateway ----
    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        req = Request(environ)
        fault = self.s.faults.take(req.method, req.path)
        if fault == "drop_before":
            raise DropConnection()
        if fault in ("500", "503"):
            body = (b"The Xero API is currently offline for maintenance" if fault == "503"
                    else b'{"Title":"An error occurred","Status":500,"Detail":"Internal error"}')
            ctype = "text/plain" if fault == "503" else "application/json"
            return Response(int(fault), body, content_type=ctype)(environ, start_response)
        try:
            org, grant = self._authenticate(req)
            limit_headers = self._admit(org)
            try:
                if self.s.latency:
                    time.sleep(self.s.scaled(self.s.latency))
                resp = self._idempotent(req, org, grant)
            finally:
                with self.s.lock:
                    org.in_flight -= 1
            resp.headers.extend(limit_headers)
        except XeroApiError as err:
            resp = err.response()
        with self.s.lock:
            self.s.requests.append((req.method, req.path, resp.status, time.monotonic()))
        if fault == "drop_after":
            raise DropConnection()
        return resp(environ, start_response)

    def _authenticate(self, req: Request) -> tuple[Org, Grant]:
        s = self.s
        with s.lock:
            auth = req.header("Authorization") or ""
            token = auth[7:] if auth.startswith("Bearer ") else ""
            rec = s.access_tokens.get(token)
            if rec is None:
                raise unauthorized("AuthenticationUnsuccessful")
            if rec["expires"] < s.now():
                raise unauthorized("TokenExpired: token expired at "
                                   f"{(s.wall() - timedelta(seconds=s.now() - rec['expires'])):%m/%d/%Y %H:%M:%S}")
            grant = s.grants[rec["grant"]]
            if grant.revoked:
                raise unauthorized("AuthenticationUnsuccessful")
            tenant = req.header("xero-tenant-id")
            if not tenant:
                raise forbidden("AuthenticationUnsuccessful: the xero-tenant-id header is missing")
            conn = next((c for c in s.connections.values() if c["tenantId"] == tenant
                         and c["_client"] == grant.client_id), None)
            if conn is None or tenant not in s.orgs:
                raise forbidden("AuthenticationUnsuccessful: the organisation is not connected to this app")
            return s.orgs[tenant], grant

    def _admit(self, org: Org) -> list[tuple[str, str]]:
        """Count the call against the organisation's limits, or refuse it with a 429."""
        s = self.s
        with s.lock:
            now = s.now()
            while org.minute_hits and org.minute_hits[0] <= now - 60:
                org.minute_hits.popleft()
            while org.day_hits and org.day_hits[0] <= now - 86400:
                org.day_hits.popleft()

            def refuse(kind: str, wait: float) -> XeroApiError:
                org.refused_429[kind] += 1
                real = s.scaled(wait)
                shown = str(max(1, int(-(-real // 1)))) if s.time_scale == 1 else f"{max(real, 0.001):.3f}"
                return XeroApiError(429, {"Title": "Too Many Requests", "Status": 429,
                                          "Detail": f"Rate limit exceeded: {kind}"},
                                    headers=[("Retry-After", shown), ("X-Rate-Limit-Problem", kind),
                                             ("X-DayLimit-Remaining", str(max(0, s.per_day - len(org.day_hits)))),
                                             ("X-MinLimit-Remaining", str(max(0, s.per_minute - len(org.minute_hits))))])

            if len(org.day_hits) >= s.per_day:
                raise refuse("day", org.day_hits[0] + 86400 - now)
            if org.in_flight >= s.concurrent:
                raise refuse("concurrent", 1.0)
            if len(org.minute_hits) >= s.per_minute:
                raise refuse("minute", org.minute_hits[0] + 60 - now)
            org.minute_hits.append(now)
            org.day_hits.append(now)
            org.in_flight += 1
            org.calls += 1
            return [("X-DayLimit-Remaining", str(s.per_day - len(org.day_hits))),
                    ("X-MinLimit-Remaining", str(s.per_minute - len(org.minute_hits))),
                    ("X-AppMinLimit-Remaining", str(s.app_per_minute - len(org.minute_hits)))]

    def _idempotent(self, req: Request, org: Org, grant: Grant) -> Response:
        key = req.header("Idempotency-Key")
        if key is None or req.method not in ("PUT", "POST"):
            self._wait_if_held(req)
            return self._route(req, org, grant)
        if len(key) > 128:
            raise validation_error([], "The Idempotency-Key must be at most 128 characters")
        fingerprint = hashlib.sha256(b"%s %s?%s\n" % (req.method.encode(), req.path.encode(),
                                                      req.query_string.encode()) + req.body).hexdigest()
        with self.s.lock:
            now = self.s.now()
            for k in [k for k, v in org.idempotency.items() if v["at"] < now - self.s.idempotency_seconds]:
                del org.idempotency[k]
            seen = org.idempotency.get(key)
            if seen is not None:
                if seen["fingerprint"] != fingerprint:
                    raise validation_error([], "The Idempotency-Key has already been used for a different request")
                if seen.get("status") is None:
                    raise XeroApiError(409, {"Title": "Conflict", "Status": 409,
                                             "Detail": "A request with this Idempotency-Key is still in progress"})
                return Response(seen["status"], seen["body"], list(seen["headers"]))
            org.idempotency[key] = {"fingerprint": fingerprint, "at": now, "status": None}
        self._wait_if_held(req)
        try:
            resp = self._route(req, org, grant)
        except XeroApiError as err:
            resp = err.response()
        with self.s.lock:
            body = resp.body if isinstance(resp.body, bytes) else b"".join(resp.body)
            resp.body = body
            headers = [h for h in resp.headers if h[0].lower() != "content-length"]
            org.idempotency[key].update(status=resp.status, body=body, headers=headers)
        return resp

    def _wait_if_held(self, req: Request) -> None:
        hold = self.s._take_hold(req.method, req.path)
        if hold is not None:
            hold.arrived.set()
            hold.go.wait(60)

    def _route(self, req: Request, org: Org, grant: Grant) -> Response:
        path = req.path
        if path.startswith("/api.xro/2.0/"):
            return self._accounting(req, org, grant, path[len("/api.xro/2.0"):])
        if path.startswith("/bankfeeds.xro/1.0/"):
            return self._bankfeeds(req, org, grant, path[len("/bankfeeds.xro/1.0"):])
        raise not_found(path)

    # ------------------------------------------------------------------------------ accounting --
    def _envelope(self, key: str | None = None, items: Any = None, **extra: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"Id": str(uuid.uuid4()), "Status": "OK", "ProviderName": PROVIDER_NAME,
                               "DateTimeUTC": msdate(self.s.wall(), offset=False)}
        out.update(extra)
        if key is not None:
            out[key] = items
        return out

    def _check_scope(self, grant: Grant, resource: str, write: bool) -> None:
        needed = _SCOPES_FOR.get(resource)
        if not needed:
            return
        have = set(grant.scopes)
        options = set(needed) | ({f"{n}.read" for n in needed} if not write else set())
        if resource in ("Attachments",):
            options = {"accounting.attachments"}
        if not have & options:
            raise unauthorized("AuthorizationUnsuccessful: insufficient scope")

    def _body(self, req: Request) -> Any:
        if len(req.body) > self.s.max_body:
            raise XeroApiError(413, {"Title": "RequestEntityTooLarge", "Status": 413,
                                     "Detail": f"The request body exceeds {self.s.max_body} bytes"})
        try:
            return json.loads(req.body or b"null", parse_float=Decimal)
        except ValueError:
            raise validation_error([], "The request body is not valid JSON") from None

    def _accounting(self, req: Request, org: Org, grant: Grant, path: str) -> Response:
        parts = [p for p in path.split("/") if p]
        resource = parts[0] if parts else ""
        write = req.method in ("PUT", "POST")
        if len(parts) >= 3 and parts[2] == "Attachments":
            if not {"accounting.attachments"} & set(grant.scopes) and not (
                    not write and "accounting.attachments.read" in grant.scopes):
                raise unauthorized("AuthorizationUnsuccessful: insufficient scope")
            return self._attachments(req, org, resource, parts[1], parts[3] if len(parts) > 3 else None)
        self._check_scope(grant, resource, write)
        with self.s.lock:
            if resource == "Organisation" and req.method == "GET" and len(parts) == 1:
                return _json_response(self._envelope("Organisations", [org.data]))
            if resource == "Accounts" and len(parts) == 1:
                if req.method == "GET":
                    return _json_response(self._envelope("Accounts", self._filter(req, org.accounts)))
                if req.method == "PUT":
                    return self._create_account(org, self._body(req))
            if resource == "TaxRates" and req.method == "GET" and len(parts) == 1:
                return _json_response(self._envelope("TaxRates", self._filter(req, org.tax_rates)))
            if resource == "TrackingCategories" and req.method == "GET" and len(parts) == 1:
                cats = copy.deepcopy(org.tracking)
                if req.arg("includeArchived") != "true":
                    cats = [c for c in cats if c["Status"] == "ACTIVE"]
                    for c in cats:
                        c["Options"] = [o for o in c["Options"] if o["Status"] == "ACTIVE"]
                return _json_response(self._envelope("TrackingCategories", self._filter(req, cats)))
            if resource == "TrackingCategories" and req.method == "PUT" and len(parts) == 3 and parts[2] == "Options":
                return self._create_tracking_option(org, parts[1], self._body(req))
            if resource == "Currencies" and len(parts) == 1:
                if req.method == "GET":
                    return _json_response(self._envelope("Currencies", self._filter(req, org.currencies)))
                if req.method == "PUT":
                    return self._create_currency(org, self._body(req))
            if resource == "Contacts" and len(parts) == 1:
                if req.method == "GET":
                    return self._list(req, org.contacts, "Contacts", include_archived_key="includeArchived",
                                      summary=True)
                if req.method == "PUT":
                    return self._batch(req, org, "Contacts", self._create_contact)
            if resource == "BankTransactions" and len(parts) == 1:
                if req.method == "GET":
                    return self._list(req, org.bank_transactions, "BankTransactions")
                if req.method == "PUT":
                    return self._batch(req, org, "BankTransactions", self._create_bank_transaction)
            if resource == "BankTransactions" and len(parts) == 2 and req.method == "GET":
                found = [t for t in org.bank_transactions if t["BankTransactionID"] == parts[1]]
                if not found:
                    raise not_found(parts[1])
                return _json_response(self._envelope("BankTransactions", found))
            if resource == "Invoices" and len(parts) == 1:
                if req.method == "GET":
                    return self._list(req, org.invoices, "Invoices")
                if req.method == "PUT":
                    return self._batch(req, org, "Invoices", self._create_invoice)
            if resource == "CreditNotes" and len(parts) == 1:
                if req.method == "GET":
                    return self._list(req, org.credit_notes, "CreditNotes")
                if req.method == "PUT":
                    return self._batch(req, org, "CreditNotes", self._create_credit_note)
                if req.method == "POST":
                    return self._batch(req, org, "CreditNotes", self._create_or_update_credit_note)
            if resource == "CreditNotes" and len(parts) == 2 and req.method == "GET":
                found = [c for c in org.credit_notes if c["CreditNoteID"] == parts[1]]
                if not found:
                    raise not_found(parts[1])
                return _json_response(self._envelope("CreditNotes", copy.deepcopy(found)))
            if resource == "BankTransfers" and len(parts) == 1:
                if req.method == "GET":
                    return _json_response(self._envelope("BankTransfers", self._filter(req, org.bank_transfers)))
                if req.method == "PUT":
                    return self._batch(req, org, "BankTransfers", self._create_transfer, summarize_param=False)
        raise not_found(f"{req.method} {path}")

    def _filter(self, req: Request, items: list[dict]) -> list[dict]:
        where = req.arg("where")
        if not where:
            return copy.deepcopy(items)
        try:
            test = parse_where(where)
        except ValueError as exc:
            raise validation_error([], f"The where clause is not valid: {exc}") from None
        return [copy.deepcopy(i) for i in items if test(i)]

    def _list(self, req: Request, items: list[dict], key: str, include_archived_key: str | None = None,
              summary: bool = False) -> Response:
        rows = self._filter(req, items)
        if include_archived_key and req.arg(include_archived_key) != "true":
            rows = [r for r in rows if r.get("ContactStatus", "ACTIVE") != "ARCHIVED"]
        if summary and req.arg("summaryOnly") == "true":
            keep = ("ContactID", "ContactNumber", "ContactStatus", "Name", "UpdatedDateUTC", "IsSupplier",
                    "IsCustomer", "HasAttachments", "HasValidationErrors")
            rows = [{k: r[k] for k in keep if k in r} for r in rows]
        extra: dict[str, Any] = {}
        page = req.arg("page")
        if page is not None:
            try:
                p = max(1, int(page))
                size = min(1000, max(1, int(req.arg("pageSize") or 100)))
            except ValueError:
                raise validation_error([], "page and pageSize must be numbers") from None
            count = len(rows)
            rows = rows[(p - 1) * size:p * size]
            extra["pagination"] = {"page": p, "pageSize": size, "pageCount": max(1, -(-count // size)),
                                   "itemCount": count}
        return _json_response(self._envelope(key, rows, **extra))

    def _batch(self, req: Request, org: Org, key: str, create: Callable[[Org, dict], dict],
               summarize_param: bool = True) -> Response:
        body = self._body(req)
        items = body.get(key) if isinstance(body, dict) else None
        if not isinstance(items, list) or not items:
            raise validation_error([], f"The request must contain a {key} array")
        summarize = req.arg("summarizeErrors") != "false" if summarize_param else True
        results = [create(org, it if isinstance(it, dict) else {}) for it in items]
        errors = [r for r in results if r.get("ValidationErrors")]
        if errors and summarize:
            # As in Xero: the valid elements ARE created even though the answer is a 400.
            return validation_error([{**r, "StatusAttributeString": "ERROR"} for r in errors]).response()
        return _json_response(self._envelope(key, results))

    # -- accounts / currencies ----------------------------------------------------------------
    def _create_account(self, org: Org, body: Any) -> Response:
        if not isinstance(body, dict):
            raise validation_error([], "The request must be one Account")
        errs = []
        code, name, type_ = str(body.get("Code") or ""), str(body.get("Name") or ""), body.get("Type")
        if not code or len(code) > 10:
            errs.append("Please enter a Code of at most 10 characters.")
        if not name or len(name) > 150:
            errs.append("Please enter a Name of at most 150 characters.")
        if any(a.get("Code") == code for a in org.accounts):
            errs.append("Please enter a unique Code.")
        if any(a.get("Name", "").casefold() == name.casefold() for a in org.accounts):
            errs.append("Please enter a unique Name.")
        if type_ not in ("BANK", "CURRENT", "CURRLIAB", "DEPRECIATN", "DIRECTCOSTS", "EQUITY", "EXPENSE", "FIXED",
                         "INVENTORY", "LIABILITY", "NONCURRENT", "OTHERINCOME", "OVERHEADS", "PREPAYMENT",
                         "REVENUE", "SALES", "TERMLIAB"):
            errs.append("Please enter a valid account Type.")
        currency = body.get("CurrencyCode")
        if type_ == "BANK":
            if org.data["Version"] == "US" and not self.s.us_bank_accounts_by_api:
                errs.append("Bank accounts cannot be created through the API for this organisation; "
                            "add the bank account in Xero.")
            if not body.get("BankAccountNumber"):
                errs.append("Please enter a Bank Account Number.")
            if currency and currency not in {c["Code"] for c in org.currencies}:
                errs.append(f"The currency {currency} is not enabled for this organisation.")
        elif currency:
            errs.append("Only bank accounts have a currency.")
        if errs:
            raise validation_error([{**body, "AccountID": "00000000-0000-0000-0000-000000000000",
                                     "ValidationErrors": [{"Message": m} for m in errs]}])
        acc = {"AccountID": str(uuid.uuid4()), "Code": code, "Name": name, "Type": type_, "Status": "ACTIVE",
               "TaxType": body.get("TaxType") or ("NONE" if type_ == "BANK" else "TAX001"),
               "Class": "ASSET" if type_ == "BANK" else "EXPENSE", "EnablePaymentsToAccount": False,
               "ShowInExpenseClaims": False, "ReportingCode": "EXP", "ReportingCodeName": "Expense",
               "HasAttachments": False, "UpdatedDateUTC": msdate(self.s.wall()), "AddToWatchlist": False}
        if body.get("Description"):
            acc["Description"] = body["Description"]
        if type_ == "BANK":
            acc.update(BankAccountNumber=body["BankAccountNumber"],
                       BankAccountType=body.get("BankAccountType") or "BANK",
                       CurrencyCode=currency or org.data["BaseCurrency"])
        org.accounts.append(acc)
        return _json_response(self._envelope("Accounts", [copy.deepcopy(acc)]))

    def _create_currency(self, org: Org, body: Any) -> Response:
        code = body.get("Code") if isinstance(body, dict) else None
        if not isinstance(code, str) or len(code) != 3:
            raise validation_error([], "Please enter a currency Code")
        if not org.multicurrency:
            raise validation_error([{"Code": code, "ValidationErrors": [
                {"Message": "Multi-currency is not available on this organisation's plan."}]}])
        if code not in {c["Code"] for c in org.currencies}:
            org.currencies.append({"Code": code, "Description": code})
        return _json_response(self._envelope("Currencies", [{"Code": code, "Description": code}]))

    def _create_tracking_option(self, org: Org, category_id: str, body: Any) -> Response:
        """``PUT /TrackingCategories/{id}/Options`` with one TrackingOption (``{"Name": ...}``), as Xero
        takes it: a name of 1 to 100 characters, unique in the category (archived options count), at
        most 100 options per category; the category must be active."""
        cat = next((c for c in org.tracking if c["TrackingCategoryID"] == category_id), None)
        if cat is None:
            raise not_found(f"TrackingCategory {category_id}")
        name = str(body.get("Name") or "").strip() if isinstance(body, dict) else ""
        if not name:
            raise validation_error([], "Tracking option name must not be empty")
        if len(name) > 100:
            raise validation_error([], "The tracking option name must be 100 characters or less")
        if cat["Status"] != "ACTIVE":
            raise validation_error([], "Options cannot be added to an archived tracking category")
        if any(o["Name"].casefold() == name.casefold() for o in cat["Options"]):
            raise validation_error([], "For each specified tracking option the name must be unique.")
        if len(cat["Options"]) >= MAX_TRACKING_OPTIONS:
            raise validation_error([], f"A tracking category can have at most {MAX_TRACKING_OPTIONS} options")
        opt = {"TrackingOptionID": str(uuid.uuid4()), "Name": name, "Status": "ACTIVE",
               "TrackingCategoryID": category_id}
        cat["Options"].append(opt)
        return _json_response(self._envelope("Options", [{**copy.deepcopy(opt), "HasValidationErrors": False,
                                                           "IsDeleted": False, "IsArchived": False,
                                                           "IsActive": True}]))

    # -- contacts -----------------------------------------------------------------------------
    def _create_contact(self, org: Org, body: dict) -> dict:
        errs = []
        name = str(body.get("Name") or "").strip()
        if not name:
            errs.append("The contact name must be specified.")
        elif len(name) > 255:
            errs.append("The contact name must be at most 255 characters.")
        elif any(c["Name"].casefold() == name.casefold() and c["ContactStatus"] == "ACTIVE" for c in org.contacts):
            errs.append(f"The contact name {name} is already assigned to another contact. The contact name must "
                        "be unique across all active contacts.")
        if len(str(body.get("ContactNumber") or "")) > 50:
            errs.append("The ContactNumber must be at most 50 characters.")
        if errs:
            return {**body, "StatusAttributeString": "ERROR", "HasValidationErrors": True,
                    "ValidationErrors": [{"Message": m} for m in errs]}
        c = _contact(org, {**body, "Name": name})
        org.contacts.append(c)
        return {**copy.deepcopy(c), "StatusAttributeString": "OK"}

    def _contact_ref(self, org: Org, body: Any, errs: list[str]) -> dict | None:
        if not isinstance(body, dict) or not (body.get("ContactID") or body.get("ContactNumber") or body.get("Name")):
            errs.append("The Contact must contain at least 1 of the following elements to identify the contact: "
                        "Name, ContactID, ContactNumber")
            return None
        c = None
        if body.get("ContactID"):
            c = next((x for x in org.contacts if x["ContactID"] == body["ContactID"]), None)
        elif body.get("ContactNumber"):
            c = next((x for x in org.contacts if x.get("ContactNumber") == body["ContactNumber"]), None)
        else:
            c = next((x for x in org.contacts if x["Name"].casefold() == str(body["Name"]).casefold()
                      and x["ContactStatus"] == "ACTIVE"), None)
            if c is None:
                c = _contact(org, {"Name": body["Name"]})
                org.contacts.append(c)
        if c is None:
            errs.append("The contact could not be found.")
            return None
        if c["ContactStatus"] != "ACTIVE":
            errs.append(f"The contact {c['Name']} is archived.")
        return c

    # -- transactions -------------------------------------------------------------------------
    def _account_by(self, org: Org, ref: Any) -> dict | None:
        if not isinstance(ref, dict):
            return None
        if ref.get("AccountID"):
            return next((a for a in org.accounts if a["AccountID"] == ref["AccountID"]), None)
        if ref.get("Code"):
            return next((a for a in org.accounts if a.get("Code") == ref["Code"]), None)
        return None

    def _lines(self, org: Org, lines: Any, amount_types: str, errs: list[str], *, kind: str) -> tuple[list, Decimal, Decimal]:
        if not isinstance(lines, list) or not lines:
            errs.append("At least one line item is required.")
            return [], Decimal(0), Decimal(0)
        out, sub, tax_total = [], Decimal(0), Decimal(0)
        for ln in lines:
            if not isinstance(ln, dict):
                errs.append("A line item must be an object.")
                continue
            lerrs: list[str] = []
            if not str(ln.get("Description") or "").strip():
                lerrs.append("Description needs to be at least 1 char long")
            qty = _dec(ln.get("Quantity")) if ln.get("Quantity") is not None else Decimal(1)
            unit = _dec(ln.get("UnitAmount"))
            if qty is None or qty < 0:
                lerrs.append("Quantity must be >= 0")
                qty = Decimal(1)
            if unit is None or unit <= 0:
                lerrs.append("Lineitem unit amount must be > 0")
                unit = Decimal(0)
            expected_line = (qty * unit).quantize(_Q, ROUND_HALF_UP)
            line_amount = _dec(ln.get("LineAmount"))
            if line_amount is None:
                line_amount = expected_line
            elif line_amount != expected_line:
                lerrs.append(f"The line total {line_amount} does not match the expected line total {expected_line}")
            acc = next((a for a in org.accounts if a.get("Code") == ln.get("AccountCode")), None) \
                if ln.get("AccountCode") else None
            if acc is None:
                lerrs.append("Account code '%s' is not a valid code for this document." % ln.get("AccountCode"))
            elif acc["Status"] != "ACTIVE":
                lerrs.append("AccountCode must be active for the organisation")
            elif acc["Type"] == "BANK":
                lerrs.append(f"Account code '{acc['Code']}' is a bank account and cannot be used on a line item.")
            tax_type = ln.get("TaxType") or (acc or {}).get("TaxType") or "NONE"
            rate = next((t for t in org.tax_rates if t["TaxType"] == tax_type), None)
            if rate is None or rate["Status"] != "ACTIVE" or (kind == "expense" and not rate["CanApplyToExpenses"]):
                lerrs.append(f"The TaxType code {tax_type} does not exist or cannot be used for this type of transaction.")
                eff = Decimal(0)
            else:
                eff = Decimal(rate["EffectiveRate"]) / 100
            if amount_types == "NoTax":
                tax = Decimal(0)
            elif amount_types == "Inclusive":
                tax = (line_amount * eff / (1 + eff)).quantize(_Q, ROUND_HALF_UP)
            else:
                tax = (line_amount * eff).quantize(_Q, ROUND_HALF_UP)
            given = _dec(ln.get("TaxAmount"))
            if given is not None and given != tax and not lerrs:
                lerrs.append(f"Tax amount {given} is incorrect for {tax_type} tax type, should be {tax}")
            tracking = ln.get("Tracking") or []
            if len(tracking) > 2:
                lerrs.append("Any LineItem can have a maximum of 2 <TrackingCategory> elements.")
            out_tracking = []
            for tr in tracking[:2]:
                cat = next((c for c in org.tracking if c["Name"] == tr.get("Name")
                            or c["TrackingCategoryID"] == tr.get("TrackingCategoryID")), None)
                if cat is None or cat["Status"] != "ACTIVE":
                    lerrs.append(f"The tracking category {tr.get('Name')} does not exist or is archived.")
                    continue
                opt = next((o for o in cat["Options"] if o["Name"] == tr.get("Option")
                            or o["TrackingOptionID"] == tr.get("TrackingOptionID")), None)
                if opt is None:
                    lerrs.append(f"The TrackingOption '{tr.get('Option')}' does not exist in {cat['Name']}.")
                elif opt["Status"] != "ACTIVE":
                    lerrs.append(f"The TrackingOption '{opt['Name']}' of {cat['Name']} is archived.")
                else:
                    out_tracking.append({"TrackingCategoryID": cat["TrackingCategoryID"],
                                         "TrackingOptionID": opt["TrackingOptionID"], "Name": cat["Name"],
                                         "Option": opt["Name"]})
            errs += lerrs
            net = line_amount - tax if amount_types == "Inclusive" else line_amount
            sub += net
            tax_total += tax
            item = {"LineItemID": str(uuid.uuid4()), "Description": ln.get("Description") or "",
                    "Quantity": qty.quantize(Decimal("0.0001")), "UnitAmount": unit, "TaxType": tax_type,
                    "TaxAmount": tax, "LineAmount": line_amount, "AccountCode": ln.get("AccountCode"),
                    "Tracking": out_tracking}
            if acc is not None:
                item["AccountID"] = acc["AccountID"]
            out.append(item)
        return out, sub, tax_total

    def _check_date(self, org: Org, value: Any, errs: list[str]) -> date:
        d = _date_of(value) if value else self.s.wall().date()
        if d is None:
            errs.append("The Date is not a valid date.")
            return self.s.wall().date()
        lock = _date_of(org.data.get("PeriodLockDate"))
        if lock and d <= lock:
            errs.append("The document date cannot be before the period lock date.")
        return d

    def _create_bank_transaction(self, org: Org, body: dict) -> dict:
        errs: list[str] = []
        type_ = body.get("Type")
        if type_ not in ("SPEND", "RECEIVE"):
            errs.append("The Type must be SPEND or RECEIVE (the sandbox books no overpayments or prepayments).")
        bank = self._account_by(org, body.get("BankAccount"))
        if bank is None:
            errs.append("The BankAccount could not be found.")
        elif bank["Type"] != "BANK":
            errs.append("The BankAccount must be a bank account.")
        elif bank["Status"] != "ACTIVE":
            errs.append("The BankAccount is archived.")
        contact = self._contact_ref(org, body.get("Contact"), errs)
        amount_types = _amount_types(body, errs)
        lines, sub, tax = self._lines(org, body.get("LineItems"), amount_types, errs, kind="expense")
        d = self._check_date(org, body.get("Date"), errs)
        url = body.get("Url")
        if url and not re.match(r"^https?://[^\s]+$", str(url)):
            errs.append("The Url is not a valid URL.")
        currency = (bank or {}).get("CurrencyCode") or org.data["BaseCurrency"]
        if body.get("CurrencyCode") and body["CurrencyCode"] != currency:
            errs.append("The CurrencyCode must be the bank account's currency.")
        if len(str(body.get("Reference") or "")) > 255:
            errs.append("The Reference must be at most 255 characters.")
        if errs:
            return {**body, "StatusAttributeString": "ERROR", "ValidationErrors": [{"Message": m} for m in errs]}
        now = self.s.wall()
        t = {"BankTransactionID": str(uuid.uuid4()), "Type": type_,
             "BankAccount": {"AccountID": bank["AccountID"], "Code": bank["Code"], "Name": bank["Name"]},
             "Contact": {"ContactID": contact["ContactID"], "Name": contact["Name"]},
             "Reference": body.get("Reference") or "", "IsReconciled": bool(body.get("IsReconciled", False)),
             "CurrencyRate": Decimal("1.000000"), "DateString": f"{d.isoformat()}T00:00:00",
             "Date": msdate(datetime(d.year, d.month, d.day, tzinfo=timezone.utc)), "Status": "AUTHORISED",
             "LineAmountTypes": amount_types, "LineItems": lines, "SubTotal": sub, "TotalTax": tax,
             "Total": sub + tax, "UpdatedDateUTC": msdate(now), "CurrencyCode": currency, "HasAttachments": False}
        if contact.get("ContactNumber"):
            t["Contact"]["ContactNumber"] = contact["ContactNumber"]
        if url:
            t["Url"] = url
        org.bank_transactions.append(t)
        return {**copy.deepcopy(t), "StatusAttributeString": "OK"}

    def _payable_document(self, org: Org, body: dict, errs: list[str], number_field: str) -> tuple:
        """What a bill and a supplier credit note are checked for alike: the contact, the line amount
        types and lines, the date, the status, an enabled currency and the number's length."""
        contact = self._contact_ref(org, body.get("Contact"), errs)
        amount_types = _amount_types(body, errs)
        lines, sub, tax = self._lines(org, body.get("LineItems"), amount_types, errs, kind="expense")
        d = self._check_date(org, body.get("Date"), errs)
        status = body.get("Status") or "DRAFT"
        if status not in ("DRAFT", "SUBMITTED", "AUTHORISED"):
            errs.append("Status must be DRAFT, SUBMITTED or AUTHORISED.")
        currency = body.get("CurrencyCode") or org.data["BaseCurrency"]
        if currency not in {c["Code"] for c in org.currencies}:
            errs.append(f"The currency {currency} is not enabled for this organisation.")
        if len(str(body.get(number_field) or "")) > 255:
            errs.append(f"The {number_field} must be at most 255 characters.")
        return contact, amount_types, lines, sub, tax, d, status, currency

    def _create_invoice(self, org: Org, body: dict) -> dict:
        errs: list[str] = []
        if body.get("Type") != "ACCPAY":
            errs.append("The sandbox books bills only: Type must be ACCPAY.")
        contact, amount_types, lines, sub, tax, d, status, currency = self._payable_document(
            org, body, errs, "InvoiceNumber")
        due = _date_of(body.get("DueDate")) if body.get("DueDate") else None
        if errs:
            return {**body, "StatusAttributeString": "ERROR", "HasErrors": True,
                    "ValidationErrors": [{"Message": m} for m in errs]}
        inv = {"InvoiceID": str(uuid.uuid4()), "Type": "ACCPAY",
               "Contact": {"ContactID": contact["ContactID"], "Name": contact["Name"]},
               "Date": msdate(datetime(d.year, d.month, d.day, tzinfo=timezone.utc)),
               "DateString": f"{d.isoformat()}T00:00:00", "Status": status, "LineAmountTypes": amount_types,
               "LineItems": lines, "SubTotal": sub, "TotalTax": tax, "Total": sub + tax,
               "AmountDue": sub + tax, "AmountPaid": Decimal(0), "CurrencyCode": currency,
               "InvoiceNumber": body.get("InvoiceNumber") or "", "UpdatedDateUTC": msdate(self.s.wall()),
               "HasAttachments": False, "HasErrors": False}
        if due:
            inv["DueDate"] = msdate(datetime(due.year, due.month, due.day, tzinfo=timezone.utc))
        if body.get("Url"):
            inv["Url"] = body["Url"]
        org.invoices.append(inv)
        return {**copy.deepcopy(inv), "StatusAttributeString": "OK"}

    def _create_credit_note(self, org: Org, body: dict) -> dict:
        """``PUT /CreditNotes``: as a bill (the same line rules), with Xero's credit-note fields. On a
        supplier credit note ``CreditNoteNumber`` is the supplier's number (kept as given, not unique, not
        generated) and ``Reference`` is not kept (the document: "ACCRECCREDIT only")."""
        errs: list[str] = []
        if body.get("CreditNoteID"):
            errs.append("A new credit note cannot have a CreditNoteID: send it with POST to update it.")
        type_ = body.get("Type")
        if type_ not in ("ACCPAYCREDIT", "ACCRECCREDIT"):
            errs.append("The Type must be ACCPAYCREDIT or ACCRECCREDIT.")
        elif type_ != "ACCPAYCREDIT":
            errs.append("The sandbox books supplier credit notes only: Type must be ACCPAYCREDIT.")
        contact, amount_types, lines, sub, tax, d, status, currency = self._payable_document(
            org, body, errs, "CreditNoteNumber")
        if errs:
            return {**body, "StatusAttributeString": "ERROR", "HasErrors": True,
                    "ValidationErrors": [{"Message": m} for m in errs]}
        cn = {"CreditNoteID": str(uuid.uuid4()), "CreditNoteNumber": body.get("CreditNoteNumber") or "",
              "Type": "ACCPAYCREDIT", "Reference": "",
              "Contact": {"ContactID": contact["ContactID"], "Name": contact["Name"]},
              "Date": msdate(datetime(d.year, d.month, d.day, tzinfo=timezone.utc)),
              "DateString": f"{d.isoformat()}T00:00:00", "Status": status, "LineAmountTypes": amount_types,
              "LineItems": lines, "SubTotal": sub, "TotalTax": tax, "Total": sub + tax,
              "RemainingCredit": sub + tax, "Allocations": [], "Payments": [], "CurrencyCode": currency,
              "CurrencyRate": Decimal("1.000000"), "UpdatedDateUTC": msdate(self.s.wall()),
              "HasAttachments": False, "HasErrors": False}
        if contact.get("ContactNumber"):
            cn["Contact"]["ContactNumber"] = contact["ContactNumber"]
        org.credit_notes.append(cn)
        return {**copy.deepcopy(cn), "StatusAttributeString": "OK"}

    def _create_or_update_credit_note(self, org: Org, body: dict) -> dict:
        """``POST /CreditNotes``: creates one without ``CreditNoteID``; the sandbox updates none."""
        cid = body.get("CreditNoteID")
        if not cid:
            return self._create_credit_note(org, body)
        message = ("An existing Credit Note with the specified CreditNoteID could not be found"
                   if not any(c["CreditNoteID"] == cid for c in org.credit_notes)
                   else "The sandbox does not update credit notes.")
        return {**body, "StatusAttributeString": "ERROR", "HasErrors": True, "ValidationErrors": [{"Message": message}]}

    def _create_transfer(self, org: Org, body: dict) -> dict:
        errs: list[str] = []
        frm = self._account_by(org, body.get("FromBankAccount"))
        to = self._account_by(org, body.get("ToBankAccount"))
        for label, a in (("FromBankAccount", frm), ("ToBankAccount", to)):
            if a is None or a["Type"] != "BANK" or a["Status"] != "ACTIVE":
                errs.append(f"The {label} must be an active bank account.")
        if frm is not None and to is not None and frm["AccountID"] == to["AccountID"]:
            errs.append("The two bank accounts must be different.")
        amount = _dec(body.get("Amount"))
        if amount is None or amount <= 0:
            errs.append("The Amount must be greater than zero.")
        d = self._check_date(org, body.get("Date"), errs)
        if errs:
            return {**body, "ValidationErrors": [{"Message": m} for m in errs]}
        tr = {"BankTransferID": str(uuid.uuid4()),
              "FromBankAccount": {"AccountID": frm["AccountID"], "Code": frm["Code"], "Name": frm["Name"]},
              "ToBankAccount": {"AccountID": to["AccountID"], "Code": to["Code"], "Name": to["Name"]},
              "Amount": amount, "Date": msdate(datetime(d.year, d.month, d.day, tzinfo=timezone.utc)),
              "Reference": body.get("Reference") or "", "CurrencyRate": Decimal("1.000000"),
              "FromBankTransactionID": str(uuid.uuid4()), "ToBankTransactionID": str(uuid.uuid4()),
              "FromIsReconciled": False, "ToIsReconciled": False, "HasAttachments": False,
              "CreatedDateUTC": msdate(self.s.wall()), "Status": "AUTHORISED"}
        org.bank_transfers.append(tr)
        return copy.deepcopy(tr)

    # -- attachments --------------------------------------------------------------------------
    def _attachments(self, req: Request, org: Org, resource: str, object_id: str, filename: str | None) -> Response:
        with self.s.lock:
            store = {"BankTransactions": (org.bank_transactions, "BankTransactionID"),
                     "Invoices": (org.invoices, "InvoiceID"),
                     "CreditNotes": (org.credit_notes, "CreditNoteID"),
                     "BankTransfers": (org.bank_transfers, "BankTransferID")}.get(resource)
            if store is None:
                raise not_found(resource)
            obj = next((o for o in store[0] if o[store[1]] == object_id), None)
            if obj is None:
                raise not_found(f"{resource} {object_id}")
            files = org.attachments.setdefault(object_id, [])
            if req.method == "GET" and filename is None:
                return _json_response(self._envelope("Attachments", copy.deepcopy(files)))
            if req.method not in ("PUT", "POST") or filename is None:
                raise not_found(req.path)
            data = req.body
            if len(data) > self.s.max_attachment_bytes:
                raise XeroApiError(413, {"Title": "RequestEntityTooLarge", "Status": 413,
                                         "Detail": f"The file exceeds {self.s.max_attachment_bytes} bytes"})

            def refused(message: str) -> XeroApiError:
                # As Xero answers (XeroAPI/Xero-Java#142): the attachment as an element with its errors.
                return validation_error([{"AttachmentID": "00000000-0000-0000-0000-000000000000",
                                          "FileName": filename, "MimeType": req.content_type or
                                          "application/octet-stream", "ContentLength": len(data),
                                          "ValidationErrors": [{"Message": message}]}])

            ext = filename.rsplit(".", 1)[1].lower() if "." in filename else ""
            if ext not in ATTACHMENT_TYPES:
                raise refused("The file couldn't be uploaded because it isn't a supported file type.")
            if not data:
                raise refused("The attachment is empty.")
            existing = next((f for f in files if f["FileName"] == filename), None)
            if existing is None and len(files) >= self.s.max_attachments:
                raise refused(f"A document can have at most {self.s.max_attachments} attachments.")
            att_id = existing["AttachmentID"] if existing else str(uuid.uuid4())
            att = {"AttachmentID": att_id, "FileName": filename,
                   "Url": f"https://api.xero.com/api.xro/2.0/{resource}/{object_id}/Attachments/{filename}",
                   "MimeType": req.content_type or "application/octet-stream", "ContentLength": len(data)}
            if existing:
                existing.update(att)
            else:
                files.append(att)
            org.attachment_bytes[att_id] = data
            obj["HasAttachments"] = True
            return _json_response(self._envelope("Attachments", [copy.deepcopy(att)]))

    # ------------------------------------------------------------------------------ bank feeds --
    def _bankfeeds(self, req: Request, org: Org, grant: Grant, path: str) -> Response:
        client = self.s.clients[grant.client_id]
        if not client.partner or "bankfeeds" not in grant.scopes:
            raise problem(403, "invalid-application", "Invalid Application",
                          "The application has not been configured to use these API endpoints.")
        parts = [p for p in path.split("/") if p]
        with self.s.lock:
            if parts == ["FeedConnections"] and req.method == "GET":
                items = [{k: v for k, v in f.items() if not (k == "status" and v == "ACTIVE")}
                         for f in org.feed_connections]
                return self._paged(req, items, status=202)
            if parts == ["FeedConnections"] and req.method == "POST":
                return self._create_feed_connections(org, self._body(req))
            if len(parts) == 2 and parts[0] == "FeedConnections" and parts[1] != "DeleteRequests" and req.method == "GET":
                fc = next((f for f in org.feed_connections if f["id"] == parts[1]), None)
                if fc is None:
                    raise problem(404, "bank-feed-not-found", "Not Found", "The feed connection was not found.")
                fc["status"] = "ACTIVE"
                return _json_response({k: v for k, v in fc.items() if k != "status"})
            if parts == ["FeedConnections", "DeleteRequests"] and req.method == "POST":
                body = self._body(req)
                out = []
                for it in (body or {}).get("items") or []:
                    fc = next((f for f in org.feed_connections if f["id"] == it.get("id")), None)
                    if fc is None:
                        out.append({"id": it.get("id"), "status": "REJECTED",
                                    "error": {"type": "feed-not-found-or-already-deleted", "title": "Not found",
                                              "status": 404, "detail": "Feed not found or already deleted."}})
                    else:
                        org.feed_connections.remove(fc)
                        out.append({"id": fc["id"], "status": "PENDING"})
                return _json_response({"items": out}, 202)
            if parts == ["Statements"] and req.method == "GET":
                items = [self._statement_view(st) for st in org.statements]
                return self._paged(req, items, status=200)
            if parts == ["Statements"] and req.method == "POST":
                return self._create_statements(req, org)
            if len(parts) == 2 and parts[0] == "Statements" and req.method == "GET":
                st = next((x for x in org.statements if x["id"] == parts[1]), None)
                if st is None:
                    raise problem(404, "statement-not-found", "Not Found", "The statement was not found.")
                if st["status"] == "PENDING":
                    st["status"] = "DELIVERED"
                return _json_response(self._statement_view(st))
        raise problem(404, "invalid-request", "Not Found", f"No such endpoint: {req.method} {path}")

    @staticmethod
    def _statement_view(st: dict) -> dict:
        return {k: v for k, v in st.items() if k not in ("statementLines",)} | {"statementLineCount": len(st["statementLines"])}

    def _paged(self, req: Request, items: list, status: int) -> Response:
        try:
            page = max(1, int(req.arg("page") or 1))
            size = max(1, min(100, int(req.arg("pageSize") or 10)))
        except ValueError:
            page, size = 1, 10
        rows = items[(page - 1) * size:page * size]
        return _json_response({"pagination": {"page": page, "pageSize": size,
                                              "pageCount": max(1, -(-len(items) // size)), "itemCount": len(items)},
                               "items": rows}, status, content_type="application/json")

    def _create_feed_connections(self, org: Org, body: Any) -> Response:
        items = (body or {}).get("items") if isinstance(body, dict) else None
        if not isinstance(items, list) or not items:
            raise problem(400, "invalid-request", "Invalid Request", "items is required")
        out, rejected = [], False
        for it in items:
            token = str(it.get("accountToken") or "")
            err = None
            acc = None
            if not token or len(token) > 50:
                err = ("invalid-request", 400, "For the request field 'AccountToken' the value is missing or too long.")
            elif it.get("accountId"):
                acc = next((a for a in org.accounts if a["AccountID"] == it["accountId"]), None)
                if acc is None or acc["Type"] != "BANK":
                    err = ("account-not-valid", 400, "The account is not a bank account of this organisation.")
            elif not it.get("accountNumber"):
                err = ("invalid-request", 400, "AccountNumber or AccountId is required.")
            if err is None and any(f["accountToken"] == token for f in org.feed_connections):
                err = ("feed-already-connected-in-current-organisation", 409,
                       "The AccountToken is already connected to a bank account in this organisation.")
            if err is None and it.get("currency") and it["currency"] != org.data["BaseCurrency"] and not org.multicurrency:
                err = ("invalid-organisation-multi-currency", 400, "The organisation cannot use other currencies.")
            if err:
                rejected = True
                existing = next((f for f in org.feed_connections if f["accountToken"] == token), None)
                row = {"accountToken": token, "status": "REJECTED",
                       "error": {"type": err[0], "title": err[0].replace("-", " ").capitalize(), "status": err[1],
                                 "detail": err[2]}}
                if existing and err[1] == 409:
                    row["id"] = existing["id"]
                out.append(row)
                continue
            if acc is None:
                acc = {"AccountID": str(uuid.uuid4()), "Code": "", "Name": it.get("accountName") or "Bank feed",
                       "Type": "BANK", "Status": "ACTIVE", "CurrencyCode": it.get("currency") or org.data["BaseCurrency"]}
                org.accounts.append(acc)
            fc = {"id": str(uuid.uuid4()), "accountToken": token, "accountType": it.get("accountType") or "BANK",
                  "accountName": (it.get("accountName") or acc.get("Name") or "")[:30], "accountId": acc["AccountID"],
                  "currency": it.get("currency") or acc.get("CurrencyCode"), "country": org.data["CountryCode"],
                  "status": "PENDING"}
            if it.get("accountNumber"):
                fc["accountNumber"] = it["accountNumber"]
            org.feed_connections.append(fc)
            out.append({"id": fc["id"], "accountToken": token, "status": "PENDING"})
        return _json_response({"items": out}, 400 if rejected else 202, content_type="application/json")

    def _create_statements(self, req: Request, org: Org) -> Response:
        if len(req.body) > self.s.statement_max_body:
            raise problem(413, "invalid-request", "Request too large",
                          f"Request size of {len(req.body)} bytes exceeds the limit of {self.s.statement_max_body} bytes.")
        body = self._body(req)
        items = (body or {}).get("items") if isinstance(body, dict) else None
        if not isinstance(items, list) or not items:
            raise problem(400, "invalid-request", "Invalid Request", "items is required")
        today = self.s.wall().date()
        results = []
        for st in items:
            fc = next((f for f in org.feed_connections if f["id"] == st.get("feedConnectionId")), None)
            if fc is None:
                raise problem(403, "invalid-feed-connection", "Invalid Feed Connection",
                              "The feed connection is not valid for this organisation.")
            start, end = _date_of(st.get("startDate")), _date_of(st.get("endDate"))
            if start is None or end is None or end < start:
                raise problem(400, "invalid-start-and-end-date", "Invalid Start and End Date",
                              "The start date must be on or before the end date.")
            if start < today - timedelta(days=365):
                raise problem(400, "invalid-start-date", "Invalid Start Date",
                              "The start date can be no older than one year from the current date.")

            def signed(bal: Any) -> Decimal:
                amount = _dec((bal or {}).get("amount")) or Decimal(0)
                return -amount if (bal or {}).get("creditDebitIndicator") == "DEBIT" else amount

            lines = st.get("statementLines") or []
            total = Decimal(0)
            for ln in lines:
                amount = _dec(ln.get("amount")) or Decimal(0)
                if ln.get("creditDebitIndicator") not in ("CREDIT", "DEBIT"):
                    raise problem(400, "invalid-request", "Invalid Request", "creditDebitIndicator is required.")
                total += -amount if ln["creditDebitIndicator"] == "DEBIT" else amount
                posted = _date_of(ln.get("postedDate"))
                if posted is None or not start <= posted <= end:
                    raise problem(400, "invalid-request", "Invalid Request",
                                  "Every statement line's postedDate must lie between the start and end dates.")
                for fld, limit in (("description", 2000), ("payeeName", 255), ("reference", 255),
                                   ("chequeNumber", 20), ("transactionType", 30)):
                    if len(str(ln.get(fld) or "")) > limit:
                        raise problem(400, "invalid-request", "Invalid Request",
                                      f"For the request field 'StatementLine.{fld}' exceeded the maximum length of {limit}.")
            if signed(st.get("startBalance")) + total != signed(st.get("endBalance")):
                raise problem(422, "invalid-end-balance", "Invalid End Balance",
                              "End balance does not match start balance +/- statement line amounts.")
            seen = org.delivered_transaction_ids.setdefault(fc["id"], set())
            ids = [str(ln.get("transactionId")) for ln in lines if ln.get("transactionId")]
            sid = str(uuid.uuid4())
            record = {"id": sid, "feedConnectionId": fc["id"], "status": "PENDING", "startDate": start.isoformat(),
                      "endDate": end.isoformat(), "startBalance": st.get("startBalance"),
                      "endBalance": st.get("endBalance"), "statementLines": lines}
            if any(i in seen for i in ids):
                record["status"] = "REJECTED"
                record["errors"] = [{"type": "duplicate-statement", "title": "Duplicate Statement Received",
                                     "status": 409, "detail": "The received statement was marked as a duplicate."}]
                org.statements.append(record)
                return _json_response({"items": [{"id": sid, "feedConnectionId": fc["id"], "status": "REJECTED",
                                                  "errors": record["errors"]}]}, 409,
                                      content_type="application/problem+json")
            seen.update(ids)
            org.statements.append(record)
            results.append({"id": sid, "feedConnectionId": fc["id"], "status": "PENDING"})
        return _json_response({"items": results}, 202, content_type="application/json")


# ================================================================================ mounting ========
def _amount_types(body: dict, errs: list[str]) -> str:
    """A document's ``LineAmountTypes`` (Exclusive when absent); another value is refused."""
    amount_types = body.get("LineAmountTypes") or "Exclusive"
    if amount_types not in ("Exclusive", "Inclusive", "NoTax"):
        errs.append("LineAmountTypes must be Exclusive, Inclusive or NoTax.")
        amount_types = "Exclusive"
    return amount_types


def mount_xero(sandbox: Any, state: XeroState | None = None) -> XeroState:
    """Mount the emulator on a running sandbox (``/xero`` and ``/xero-identity``); return its state."""
    state = state or XeroState()
    for prefix in ("/xero", "/xero-identity"):      # replace the sandbox's own emulator
        if prefix in sandbox.mounts:
            sandbox.unmount(prefix)
    sandbox.mount("/xero", XeroApiApp(state))
    sandbox.mount("/xero-identity", XeroIdentityApp(state))
    return state


def unmount_xero(sandbox: Any) -> None:
    sandbox.unmount("/xero")
    sandbox.unmount("/xero-identity")


__all__ = ["XeroState", "XeroApiApp", "XeroIdentityApp", "mount_xero", "unmount_xero", "SANDBOX_CLIENT_ID",
           "PARTNER_CLIENT_ID", "parse_where", "msdate"]
