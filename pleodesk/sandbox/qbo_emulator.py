"""An emulator of the parts of QuickBooks Online (Accounting API v3, JSON) pleodesk uses, for the
sandbox, tests and benchmarks.

Mounted by the sandbox (``Sandbox.mount``)::

    sb.mount("/qbo", QboApiApp(state))             # {url}/qbo/v3/company/{realmId}/...
    sb.mount("/qbo-oauth", QboOAuthApp(state))     # /connect/oauth2, /oauth2/v1/tokens/bearer,
                                                   # /v2/oauth2/tokens/revoke
    sb.mount("/qbo-files", QboFilesApp(state))     # the attachments' TempDownloadUri

or in one go: ``state = mount_qbo(sb)``. Everything lives in-process (``QboState``, guarded by
``state.lock``) so tests can look inside.

Shapes follow Intuit's XSDs (``shared/specs/quickbooks``) as QBO writes them in JSON: an entity wrapped
in an object named after it (``{"Purchase": {...}, "time": "..."}``), references as ``{"value", "name"}``,
``QueryResponse`` with ``startPosition``/``maxResults`` (``{}`` when nothing matched), ``BatchItemResponse``
per ``bId``, ``AttachableResponse`` for uploads, and errors as ``{"Fault": {"Error": [{"Message", "Detail",
"code", "element"}], "type"}, "time"}``. The contract tests check every answer against the XSDs.

Rules the emulator enforces, each refused with QBO's code:

* fields: an entity may carry only the fields its XSD type has (``FIELDS``), 2010 otherwise; lengths
  from Intuit's reference pages (``DocNumber`` 21, ``PrivateNote`` 4000, ``Name`` 100, ``DisplayName``
  500...) give 2050;
* references (accounts, tax codes, classes, locations, customers/projects, vendors): an unknown id is
  2500 *Invalid Reference Id*, an inactive one 610 *Object Not Found*;
* purchases: ``PaymentType`` Cash/Check on a Bank account (CreditCard on a Credit Card account), at least
  one line; in a non-US company every line needs a ``TaxCodeRef`` usable for purchases (6000 "Make sure
  all your transactions have a VAT rate"); ``ClassRef`` only where class tracking is on; one class per
  transaction when it is tracked per transaction; ``DepartmentRef`` only when locations are tracked;
  ``CurrencyRef`` only with multicurrency (and the account's currency); a ``TxnDate`` on or before the
  books' close date is 6210 *Account Period Closed*;
* VAT: QBO computes it per tax rate from the lines' net amounts (half up to the cent); a
  ``TxnTaxDetail`` sent with the transaction overrides the amount of a rate (its ``NetAmountTaxable``
  must be what the lines give), and ``TotalAmt`` = lines + VAT;
* names: ``DisplayName`` unique across vendors, customers and employees, inactive ones included (6240);
  an account's ``Name`` and ``AcctNum`` unique; in a French company a Bank account needs a
  ``JournalCodeRef`` (2020);
* updates: a stale ``SyncToken`` is 5010;
* the query language: ``SELECT * | count(*) FROM <Entity> [WHERE a op v AND ...] [ORDERBY f [ASC|DESC]]
  [STARTPOSITION n] [MAXRESULTS n]`` with ``=, <, >, <=, >=, IN, LIKE``; ``OR`` and ``MAXRESULTS`` over
  1000 are refused (4000); unknown fields are 4001; name lists return active records unless ``Active`` is
  filtered;
* batches: at most 30 items (each alone: one refused item never fails the others), ``bId`` at most 10
  characters;
* uploads: multipart ``file_metadata_N`` (an Attachable, 6040 otherwise) + ``file_content_N``; the
  entity types of ``ATTACHABLE_ENTITIES`` (6050), the file types of ``UPLOAD_TYPES``, the request at most
  ``max_upload_bytes`` (100 MB, 6030);
* ``requestid``: the same id again (≤ 50 characters, ≤ 36 on ``/batch``) replays the first answer,
  whatever the body;
* limits per company (realm), on the emulator's clock (``time_scale`` > 1 runs it faster): 500 requests
  in any minute, 40 batch requests in any minute, 10 at once; over them HTTP 429 with a
  ``ThrottleExceeded`` fault and no ``Retry-After``;
* OAuth: authorisation code (with PKCE when the client sends a challenge), the client secret at the token
  endpoint (HTTP Basic), redirect URIs matched exactly: https only for production keys, ``http://localhost``
  also for development keys; access tokens of an hour (401 after); refresh tokens that rotate (a new one
  once the old is ``rotate_after_seconds`` old; the old one is then refused with ``invalid_grant``).

Sandbox controls (in-process): :meth:`QboState.fail_next`, :meth:`QboState.advance`,
:meth:`QboState.expire_access_tokens`, :meth:`QboState.corrupt_next_upload`, ``state.consent_realm``,
``state.deny_next``, and the company objects themselves (``state.company(realm)``).
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
from datetime import date, datetime, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs, urlencode, urlsplit

from pleodesk.sandbox.faults import DropConnection, NextCallFaults
from pleodesk.sandbox.server import Request, Response, exact_json

#: Development keys: redirects to http://localhost are allowed (Intuit allows them for development keys).
SANDBOX_CLIENT_ID = "pleodesk-qbo-development"
SANDBOX_CLIENT_SECRET = "pleodesk-qbo-development-secret"
#: Production keys: https redirect URIs only (the bounce page).
PRODUCTION_CLIENT_ID = "pleodesk-qbo-production"
PRODUCTION_CLIENT_SECRET = "pleodesk-qbo-production-secret"
#: Where the production keys redirect (the project's bounce page, see docs/site/qbo-callback.html).
PRODUCTION_REDIRECT_URI = "https://pleodesk.example/qbo-callback.html"
DEFAULT_REDIRECT_PORTS = (53682, 53683, 53684)
SCOPE_ACCOUNTING = "com.intuit.quickbooks.accounting"
KNOWN_SCOPES = {SCOPE_ACCOUNTING, "openid", "profile", "email", "phone", "address"}

#: The demo companies' realm ids.
FR_REALM = "9341453050298765"
US_REALM = "4620816365289107"

_Q = Decimal("0.01")
MAX_RESULTS = 1000
BATCH_ITEMS = 30

#: File name extensions /upload takes (Intuit's attachable reference).
UPLOAD_TYPES = frozenset({"ai", "csv", "doc", "docx", "eps", "gif", "jpeg", "jpg", "ods", "pdf", "png", "rtf", "tif",
                          "txt", "xls", "xlsx", "xml"})
ATTACHABLE_ENTITIES = frozenset({"Purchase", "Deposit", "Transfer", "Bill", "VendorCredit", "JournalEntry",
                                 "Invoice", "Vendor", "Customer", "Employee", "Estimate", "BillPayment"})

#: Lengths from Intuit's reference pages (the XSDs carry none): (entity or "*", field) -> max.
MAX_LENGTHS: dict[tuple[str, str], int] = {
    ("*", "DocNumber"): 21, ("*", "PrivateNote"): 4000, ("Account", "Name"): 100, ("Account", "AcctNum"): 20,
    ("Account", "Description"): 100, ("*", "DisplayName"): 500, ("Class", "Name"): 100,
    ("Department", "Name"): 100, ("Attachable", "FileName"): 1000, ("Attachable", "Note"): 2000,
    ("JournalCode", "Name"): 2, ("Line", "Description"): 4000, ("*", "Memo"): 4000,
}

_TXN_FIELDS = ("Id", "SyncToken", "MetaData", "domain", "sparse", "DocNumber", "TxnDate", "DepartmentRef",
               "CurrencyRef", "ExchangeRate", "PrivateNote", "Line", "TxnTaxDetail", "ProjectRef",
               "TransactionLocationType", "LinkedTxn", "TxnSource", "TxnStatus")
#: Fields the emulator keeps per entity (a subset of each XSD type; the contract tests check that).
FIELDS: dict[str, tuple[str, ...]] = {
    "Purchase": _TXN_FIELDS + ("AccountRef", "PaymentType", "EntityRef", "Credit", "TotalAmt", "GlobalTaxCalculation",
                               "PaymentMethodRef", "PaymentRefNum", "PrintStatus", "Memo"),
    "Deposit": _TXN_FIELDS + ("DepositToAccountRef", "TotalAmt", "GlobalTaxCalculation", "HomeTotalAmt"),
    "Transfer": _TXN_FIELDS + ("FromAccountRef", "ToAccountRef", "Amount", "ClassRef"),
    "Bill": _TXN_FIELDS + ("VendorRef", "APAccountRef", "TotalAmt", "GlobalTaxCalculation", "DueDate", "Balance"),
    "VendorCredit": _TXN_FIELDS + ("VendorRef", "APAccountRef", "TotalAmt", "GlobalTaxCalculation", "Balance"),
    "Account": ("Id", "SyncToken", "MetaData", "domain", "sparse", "Name", "SubAccount", "ParentRef", "Description",
                "FullyQualifiedName", "Active", "Classification", "AccountType", "AccountSubType", "AcctNum",
                "CurrentBalance", "CurrentBalanceWithSubAccounts", "CurrencyRef", "TaxCodeRef", "JournalCodeRef"),
    "Vendor": ("Id", "SyncToken", "MetaData", "domain", "sparse", "DisplayName", "CompanyName", "GivenName",
               "FamilyName", "PrintOnCheckName", "Active", "Balance", "CurrencyRef", "TaxIdentifier", "Vendor1099",
               "PrimaryEmailAddr", "Notes", "AcctNum", "BillAddr"),
    "Customer": ("Id", "SyncToken", "MetaData", "domain", "sparse", "DisplayName", "CompanyName", "FullyQualifiedName",
                 "Active", "Job", "ParentRef", "Level", "IsProject", "Balance", "BalanceWithJobs", "CurrencyRef"),
    "Employee": ("Id", "SyncToken", "MetaData", "domain", "sparse", "DisplayName", "GivenName", "FamilyName",
                 "PrintOnCheckName", "Active", "PrimaryEmailAddr"),
    "Class": ("Id", "SyncToken", "MetaData", "domain", "sparse", "Name", "SubClass", "ParentRef", "FullyQualifiedName",
              "Active"),
    "Department": ("Id", "SyncToken", "MetaData", "domain", "sparse", "Name", "SubDepartment", "ParentRef",
                   "FullyQualifiedName", "Active"),
    "TaxCode": ("Id", "SyncToken", "MetaData", "domain", "sparse", "Name", "Description", "Active", "Hidden", "Taxable",
                "TaxGroup", "SalesTaxRateList", "PurchaseTaxRateList"),
    "TaxRate": ("Id", "SyncToken", "MetaData", "domain", "sparse", "Name", "Description", "Active", "RateValue",
                "AgencyRef", "SpecialTaxType", "DisplayType"),
    "JournalCode": ("Id", "SyncToken", "MetaData", "domain", "sparse", "Name", "Type", "Description", "Active"),
    "Attachable": ("Id", "SyncToken", "MetaData", "domain", "sparse", "FileName", "FileAccessUri", "TempDownloadUri",
                   "Size", "ContentType", "Category", "Note", "AttachableRef"),
    "CompanyInfo": ("Id", "SyncToken", "MetaData", "domain", "sparse", "CompanyName", "LegalName", "CompanyAddr",
                    "Country", "CompanyStartDate", "FiscalYearStartMonth", "SupportedLanguages", "DefaultTimeZone",
                    "NameValue"),
    "Preferences": ("Id", "SyncToken", "MetaData", "domain", "sparse", "AccountingInfoPrefs", "TaxPrefs",
                    "CurrencyPrefs", "VendorAndPurchasesPrefs"),
}
#: Entities the API creates or updates (POST /{lower-case name}).
WRITABLE = ("Purchase", "Deposit", "Transfer", "Bill", "VendorCredit", "Account", "Vendor", "JournalCode",
            "Attachable")
#: Name lists: queries return only active records unless ``Active`` is in the WHERE clause.
NAME_LISTS = ("Account", "Vendor", "Customer", "Employee", "Class", "Department", "TaxCode", "TaxRate", "JournalCode")
LINE_FIELDS = ("Id", "LineNum", "Description", "Amount", "DetailType", "AccountBasedExpenseLineDetail",
               "DepositLineDetail", "TaxLineDetail", "ProjectRef", "LinkedTxn")
ABE_FIELDS = ("CustomerRef", "ClassRef", "AccountRef", "BillableStatus", "TaxAmount", "TaxCodeRef", "TaxInclusiveAmt")
DEPOSIT_LINE_FIELDS = ("Entity", "ClassRef", "AccountRef", "PaymentMethodRef", "CheckNum", "TxnType", "TaxCodeRef",
                       "TaxApplicableOn")
#: Account types a transfer may move money between, and that a deposit may go to.
BALANCE_TYPES = ("Bank", "Other Current Asset", "Credit Card", "Other Current Liability", "Other Asset",
                 "Fixed Asset", "Long Term Liability", "Equity")


# ================================================================================ JSON ===========
def _dec(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def _json_response(obj: Any, status: int = 200, headers: list[tuple[str, str]] | None = None) -> Response:
    return Response(status, exact_json(obj), headers, "application/json;charset=UTF-8")


def qbo_time(dt: datetime) -> str:
    """QBO's timestamps: ``2026-08-03T10:15:00.000-07:00`` (the company's zone; here UTC)."""
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}+00:00"


class QboFault(Exception):
    """An error answer with QBO's ``Fault`` body."""

    def __init__(self, status: int, code: str, message: str, detail: str = "", *, element: str = "",
                 type_: str = "ValidationFault", headers: list[tuple[str, str]] | None = None) -> None:
        super().__init__(f"{code} {message}: {detail}")
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.element = element
        self.type = type_
        self.headers = headers or []

    def fault(self) -> dict[str, Any]:
        err: dict[str, Any] = {"Message": self.message, "Detail": self.detail, "code": self.code}
        if self.element:
            err["element"] = self.element
        return {"Error": [err], "type": self.type}


def validation(code: str, message: str, detail: str = "", element: str = "") -> QboFault:
    return QboFault(400, code, message, detail, element=element)


def business(detail: str, element: str = "") -> QboFault:
    return validation("6000", "A business validation error has occurred while processing your request",
                      f"Business Validation Error: {detail}", element)


def invalid_ref(kind: str, ref: Any, element: str) -> QboFault:
    value = ref.get("value") if isinstance(ref, dict) else ref
    return validation("2500", "Invalid Reference Id", f"Invalid Reference Id : {kind} element id {value} not found",
                      element)


def inactive_ref(element: str) -> QboFault:
    return validation("610", "Object Not Found", "Something you're trying to use has been made inactive. Check the "
                      "fields with accounts, customers, items, vendors or employees.", element)


# ============================================================================ query language =====
class QueryError(QboFault):
    pass


_QTOKEN = re.compile(r"\s*(?:(?P<str>'(?:\\.|[^'\\])*')|(?P<num>-?\d+(?:\.\d+)?)(?![\w.])|(?P<op><=|>=|!=|<>|=|<|>)|"
                     r"(?P<punct>[(),*])|(?P<word>[A-Za-z_][A-Za-z0-9_.]*))")


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _QTOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise QueryError(400, "4000", "Error parsing query",
                             f"QueryParserError: Encountered \"{text[pos:pos + 10]}\" at column {pos + 1}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


@dataclass
class Query:
    entity: str
    count: bool
    where: list[tuple[str, str, Any]]          # (field path, op, value or list)
    order: tuple[str, bool] | None             # (field, descending)
    start: int
    max_results: int


def _literal(kind: str, text: str) -> Any:
    if kind == "str":
        return re.sub(r"\\(.)", r"\1", text[1:-1])
    if kind == "num":
        return Decimal(text)
    if kind == "word" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    raise QueryError(400, "4000", "Error parsing query", f"QueryParserError: unexpected {text!r}")


def parse_query(text: str) -> Query:
    toks = _tokens(text)
    i = 0

    def peek(n: int = 0) -> tuple[str, str]:
        return toks[i + n] if i + n < len(toks) else ("", "")

    def take(word: str | None = None) -> tuple[str, str]:
        nonlocal i
        tok = peek()
        if word is not None and tok[1].upper() != word:
            raise QueryError(400, "4000", "Error parsing query",
                             f"QueryParserError: Encountered \"{tok[1] or '<EOF>'}\", expected {word}")
        i += 1
        return tok

    take("SELECT")
    count = False
    if peek()[1] == "*":
        take()
    elif peek()[1].lower() == "count":
        take()
        take("(")
        take("*")
        take(")")
        count = True
    else:
        raise QueryError(400, "4000", "Error parsing query",
                         "QueryParserError: only SELECT * or SELECT count(*) are supported")
    take("FROM")
    kind, entity = take()
    if kind != "word":
        raise QueryError(400, "4000", "Error parsing query", "QueryParserError: an entity name is expected")
    where: list[tuple[str, str, Any]] = []
    order = None
    start, max_results = 1, 100
    if peek()[1].upper() == "WHERE":
        take()
        while True:
            kind, name = take()
            if kind != "word":
                raise QueryError(400, "4000", "Error parsing query", f"QueryParserError: unexpected {name!r}")
            op_kind, op = take()
            if op_kind == "word" and op.upper() in ("IN", "LIKE"):
                op = op.upper()
            elif op_kind != "op" or op in ("!=", "<>"):
                raise QueryError(400, "4000", "Error parsing query", f"QueryParserError: operator {op!r} is not supported")
            if op == "IN":
                take("(")
                values = []
                while True:
                    k, t = take()
                    values.append(_literal(k, t))
                    if peek()[1] == ",":
                        take()
                        continue
                    take(")")
                    break
                where.append((name, op, values))
            else:
                k, t = take()
                where.append((name, op, _literal(k, t)))
            nxt = peek()[1].upper()
            if nxt == "AND":
                take()
                continue
            if nxt == "OR":
                raise QueryError(400, "4000", "Error parsing query",
                                 "QueryParserError: Encountered \" <OR> \"OR \"\" (OR is not supported)")
            break
    while peek()[0]:
        word = peek()[1].upper()
        if word in ("ORDERBY", "ORDER"):
            take()
            if word == "ORDER":
                take("BY")
            _k, fname = take()
            desc = False
            if peek()[1].upper() in ("ASC", "DESC"):
                desc = take()[1].upper() == "DESC"
            order = (fname, desc)
        elif word == "STARTPOSITION":
            take()
            start = int(_literal(*take()))
        elif word == "MAXRESULTS":
            take()
            max_results = int(_literal(*take()))
        elif word == "OR":
            raise QueryError(400, "4000", "Error parsing query",
                             "QueryParserError: Encountered \" <OR> \"OR \"\" (OR is not supported)")
        else:
            raise QueryError(400, "4000", "Error parsing query", f"QueryParserError: Encountered \"{peek()[1]}\"")
    if max_results > MAX_RESULTS or max_results < 1:
        raise QueryError(400, "4001", "Invalid query",
                         f"QueryValidationError: MAXRESULTS must be between 1 and {MAX_RESULTS}")
    if start < 1:
        raise QueryError(400, "4001", "Invalid query", "QueryValidationError: STARTPOSITION must be at least 1")
    return Query(entity, count, where, order, start, max_results)


def _path_value(item: Any, path: str) -> Any:
    """The value at a dotted path (case-insensitive; a reference gives its ``value``; through a list, the
    list of values)."""
    head, _, rest = path.partition(".")
    if isinstance(item, list):
        return [_path_value(x, path) for x in item]
    if not isinstance(item, dict):
        return None
    key = next((k for k in item if k.lower() == head.lower()), None)
    if key is None:
        return None
    cur = item[key]
    if rest:
        return _path_value(cur, rest)
    if isinstance(cur, dict) and "value" in cur:
        return cur["value"]
    return cur


def _compare(a: Any, op: str, b: Any) -> bool:
    if isinstance(a, list):
        return any(_compare(x, op, b) for x in a)
    if a is None:
        return False
    if isinstance(b, bool) or isinstance(a, bool):
        a = a if isinstance(a, bool) else str(a).lower() == "true"
        return (a == b) if op == "=" else False
    if isinstance(b, Decimal):
        da = _dec(a)
        if da is None:
            return False
        a = da
    else:
        a, b = str(a), str(b)
    if op == "=":
        return a == b
    if op == "<":
        return a < b
    if op == ">":
        return a > b
    if op == "<=":
        return a <= b
    if op == ">=":
        return a >= b
    return False


def _like(a: Any, pattern: str) -> bool:
    if isinstance(a, list):
        return any(_like(x, pattern) for x in a)
    if a is None:
        return False
    regex = "^" + ".*".join(re.escape(p) for p in pattern.split("%")) + "$"
    return re.match(regex, str(a), re.IGNORECASE | re.DOTALL) is not None


# ============================================================================== state ============
@dataclass
class Client:
    client_id: str
    secret: str
    redirect_uris: set[str]
    development: bool = False


@dataclass
class Grant:
    id: str
    client_id: str
    scopes: tuple[str, ...]
    realm: str
    revoked: bool = False


@dataclass
class Company:
    realm: str
    info: dict[str, Any]
    prefs: dict[str, Any]
    country: str
    home_currency: str
    entities: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: collections.defaultdict(dict))
    next_id: int = 1
    requestids: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)          # Attachable Id -> bytes
    minute_hits: collections.deque = field(default_factory=collections.deque)
    batch_hits: collections.deque = field(default_factory=collections.deque)
    in_flight: int = 0
    calls: int = 0
    batch_calls: int = 0
    refused_429: collections.Counter = field(default_factory=collections.Counter)

    @property
    def name(self) -> str:
        return self.info["CompanyName"]

    @property
    def french(self) -> bool:
        return self.country == "FR"

    @property
    def us(self) -> bool:
        return self.country == "US"

    def all(self, entity: str) -> list[dict[str, Any]]:
        return list(self.entities[entity].values())

    def get(self, entity: str, id_: Any) -> dict[str, Any] | None:
        return self.entities[entity].get(str(id_))

    def find(self, entity: str, **where: Any) -> dict[str, Any] | None:
        for e in self.entities[entity].values():
            if all(e.get(k) == v for k, v in where.items()):
                return e
        return None

    @property
    def accounting_prefs(self) -> dict[str, Any]:
        return self.prefs.setdefault("AccountingInfoPrefs", {})

    def set_pref(self, section: str, key: str, value: Any) -> None:
        """Change a preference (``AccountingInfoPrefs``, ``TaxPrefs``, ``CurrencyPrefs``)."""
        self.prefs.setdefault(section, {})[key] = value

    @property
    def multicurrency(self) -> bool:
        return bool((self.prefs.get("CurrencyPrefs") or {}).get("MultiCurrencyEnabled"))


class QboState:
    """Everything the emulator knows. Thread-safe through ``lock``."""

    def __init__(self, *, seed: int = 1, time_scale: float = 1.0, per_minute: int = 500, batch_per_minute: int = 40,
                 concurrent: int = 10, access_token_seconds: int = 3600,
                 refresh_token_seconds: int = 100 * 86400, rotate_after_seconds: float = 86400,
                 max_upload_bytes: int = 100 * 1024 * 1024, latency: float = 0.0, batch_latency: float = 0.0,
                 redirect_ports: Iterable[int] = DEFAULT_REDIRECT_PORTS, sandbox_url: str = "") -> None:
        self.lock = threading.RLock()
        self.seed = seed
        self.time_scale = time_scale
        self.per_minute = per_minute
        self.batch_per_minute = batch_per_minute
        self.concurrent = concurrent
        self.access_token_seconds = access_token_seconds
        self.refresh_token_seconds = refresh_token_seconds
        self.rotate_after_seconds = rotate_after_seconds
        self.max_upload_bytes = max_upload_bytes
        self.latency = latency
        #: Extra time a batch request takes (emulated seconds): thirty items are more work than one.
        self.batch_latency = batch_latency
        self.sandbox_url = sandbox_url.rstrip("/")
        self._offset = 0.0
        self._t0_real = time.monotonic()
        self._t0_wall = time.time()
        self.companies: dict[str, Company] = {}
        self.clients: dict[str, Client] = {}
        ports = tuple(redirect_ports)
        self.register_client(SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET,
                             {f"http://localhost:{p}/callback" for p in ports}
                             | {f"http://127.0.0.1:{p}/callback" for p in ports}
                             | {PRODUCTION_REDIRECT_URI}, development=True)
        self.register_client(PRODUCTION_CLIENT_ID, PRODUCTION_CLIENT_SECRET, {PRODUCTION_REDIRECT_URI})
        self.codes: dict[str, dict[str, Any]] = {}
        self.grants: dict[str, Grant] = {}
        self.access_tokens: dict[str, dict[str, Any]] = {}
        self.refresh_tokens: dict[str, dict[str, Any]] = {}
        self.consent_realm: str | None = None     # the company the next sign-in opens (None: the first)
        self.deny_next = False                    # the next sign-in is refused by the user (access_denied)
        self.faults = NextCallFaults()
        self._corrupt_uploads = 0
        self.token_requests: list[dict[str, str]] = []
        self.requests: list[tuple[str, str, int, float]] = []   # (method, path, status, real time)
        seed_demo(self)

    # ------------------------------------------------------------------------------ clock ------
    def now(self) -> float:
        return (time.monotonic() - self._t0_real) * self.time_scale + self._offset

    def wall(self) -> datetime:
        return datetime.fromtimestamp(self._t0_wall + self.now(), tz=timezone.utc)

    def advance(self, seconds: float) -> None:
        with self.lock:
            self._offset += seconds

    def scaled(self, emulated_seconds: float) -> float:
        return emulated_seconds / self.time_scale

    # ------------------------------------------------------------------------------ setup ------
    def register_client(self, client_id: str, secret: str, redirect_uris: Iterable[str], *,
                        development: bool = False) -> Client:
        with self.lock:
            c = Client(client_id, secret, set(redirect_uris), development)
            self.clients[client_id] = c
            return c

    def company(self, realm: str = FR_REALM) -> Company:
        return self.companies[realm]

    @property
    def demo(self) -> Company:
        return self.companies[FR_REALM]

    def new_id(self, company: Company) -> str:
        with self.lock:
            company.next_id += 1
            return str(company.next_id)

    def stamp(self, entity: dict[str, Any], *, created: bool) -> None:
        now = qbo_time(self.wall())
        meta = entity.setdefault("MetaData", {})
        if created or "CreateTime" not in meta:
            meta["CreateTime"] = now
        meta["LastUpdatedTime"] = now

    # ------------------------------------------------------------------------------ controls ---
    def fail_next(self, path_contains: str, mode: str, *, method: str | None = None, count: int = 1) -> None:
        """The next ``count`` API calls whose path contains ``path_contains`` fail: ``drop_before`` (closed,
        nothing done), ``drop_after`` (done, then closed before the answer), ``500``/``503``/``429``."""
        self.faults.add(path_contains, mode, method=method, count=count)

    def corrupt_next_upload(self, count: int = 1) -> None:
        """The next uploads are stored with different bytes (their TempDownloadUri serves those)."""
        with self.lock:
            self._corrupt_uploads += count

    def expire_access_tokens(self) -> None:
        with self.lock:
            for t in self.access_tokens.values():
                t["expires"] = self.now() - 1

    def revoke_all(self) -> None:
        """The user disconnected pleodesk in QuickBooks: every token stops working."""
        with self.lock:
            for g in self.grants.values():
                g.revoked = True

    def entities(self, kind: str, realm: str = FR_REALM) -> list[dict[str, Any]]:
        """What the company holds of one kind (``Purchase``, ``Deposit``...), in creation order."""
        with self.lock:
            return [copy.deepcopy(e) for e in self.companies[realm].entities[kind].values()]


# ================================================================================ seed ===========
def _ref(value: Any, name: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"value": str(value)}
    if name is not None:
        out["name"] = name
    return out


def add_company(state: QboState, realm: str, name: str, *, country: str = "FR", currency: str = "EUR",
                chart: bool = True) -> Company:
    """A company with its preferences (and, with ``chart``, the demo chart of its country)."""
    info = {"Id": "1", "SyncToken": "0", "domain": "QBO", "sparse": False, "CompanyName": name, "LegalName": name,
            "Country": country, "CompanyStartDate": "2024-01-01", "FiscalYearStartMonth": "January",
            "SupportedLanguages": "fr" if country == "FR" else "en", "DefaultTimeZone": "Europe/Paris"
            if country == "FR" else "America/New_York",
            "CompanyAddr": {"Line1": "12 rue de la Paix", "City": "Paris", "PostalCode": "75002",
                            "Country": "FR"} if country == "FR" else {"Line1": "1 Main St", "City": "Boston",
                                                                        "CountrySubDivisionCode": "MA", "Country": "US"},
            "NameValue": [{"Name": "OfferingSku", "Value": "QuickBooks Online Plus"}]}
    prefs = {"Id": "1", "SyncToken": "0", "domain": "QBO", "sparse": False,
             "AccountingInfoPrefs": {"UseAccountNumbers": True, "TrackDepartments": True,
                                     "DepartmentTerminology": "Location", "ClassTrackingPerTxn": False,
                                     "ClassTrackingPerTxnLine": True, "CustomerTerminology": "Customers"},
             "TaxPrefs": {"UsingSalesTax": True, "PartnerTaxEnabled": country == "US"},
             "CurrencyPrefs": {"MultiCurrencyEnabled": False, "HomeCurrency": _ref(currency)},
             "VendorAndPurchasesPrefs": {"TrackingByCustomer": True, "BillableExpenseTracking": True}}
    c = Company(realm, info, prefs, country, currency, next_id=100)
    with state.lock:
        state.companies[realm] = c
        if chart:
            (seed_french_chart if country == "FR" else seed_us_chart)(state, c)
    return c


def _put(state: QboState, c: Company, kind: str, body: dict[str, Any], id_: str | None = None) -> dict[str, Any]:
    e = {"Id": id_ or state.new_id(c), "SyncToken": "0", "domain": "QBO", "sparse": False, **body}
    state.stamp(e, created=True)
    c.entities[kind][e["Id"]] = e
    return e


CLASSIFICATION = {"Bank": "Asset", "Accounts Receivable": "Asset", "Other Current Asset": "Asset",
                  "Fixed Asset": "Asset", "Other Asset": "Asset", "Accounts Payable": "Liability",
                  "Credit Card": "Liability", "Other Current Liability": "Liability",
                  "Long Term Liability": "Liability", "Equity": "Equity", "Income": "Revenue",
                  "Other Income": "Revenue", "Cost of Goods Sold": "Expense", "Expense": "Expense",
                  "Other Expense": "Expense"}


def _account(state: QboState, c: Company, num: str, name: str, type_: str, sub: str, *, active: bool = True,
             journal: str | None = None, currency: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"Name": name, "SubAccount": False, "FullyQualifiedName": name, "Active": active,
                            "Classification": CLASSIFICATION[type_], "AccountType": type_, "AccountSubType": sub,
                            "CurrentBalance": Decimal("0"), "CurrentBalanceWithSubAccounts": Decimal("0"),
                            "CurrencyRef": _ref(currency or c.home_currency)}
    if num:
        body["AcctNum"] = num
    if journal:
        jc = c.find("JournalCode", Name=journal)
        if jc:
            body["JournalCodeRef"] = _ref(jc["Id"], jc["Name"])
    return _put(state, c, "Account", body)


#: The French demo company's chart (PCG numbers), as (number, name, type, detail type).
FR_ACCOUNTS: tuple[tuple[str, str, str, str], ...] = (
    ("411000", "Clients", "Accounts Receivable", "AccountsReceivable"),
    ("401000", "Fournisseurs", "Accounts Payable", "AccountsPayable"),
    ("421000", "Personnel - rémunérations dues", "Other Current Liability", "OtherCurrentLiabilities"),
    ("445200", "TVA due intracommunautaire", "Other Current Liability", "SalesTaxPayable"),
    ("445660", "TVA déductible sur autres biens et services", "Other Current Asset", "OtherCurrentAssets"),
    ("445710", "TVA collectée", "Other Current Liability", "SalesTaxPayable"),
    ("467000", "Autres comptes débiteurs ou créditeurs", "Other Current Liability", "OtherCurrentLiabilities"),
    ("471000", "Compte d'attente", "Other Current Asset", "OtherCurrentAssets"),
    ("580000", "Virements internes", "Other Current Asset", "OtherCurrentAssets"),
    ("606400", "Fournitures administratives", "Expense", "SuppliesMaterials"),
    ("618500", "Frais de formation", "Expense", "OtherMiscellaneousServiceCost"),
    ("623000", "Publicité", "Expense", "AdvertisingPromotional"),
    ("625100", "Voyages et déplacements", "Expense", "Travel"),
    ("625110", "Taxis", "Expense", "Travel"),
    ("625120", "Indemnités kilométriques", "Expense", "Auto"),
    ("625600", "Missions", "Expense", "TravelMeals"),
    ("625700", "Réceptions", "Expense", "EntertainmentMeals"),
    ("626000", "Frais postaux et de télécommunications", "Expense", "Utilities"),
    ("627000", "Services bancaires", "Expense", "BankCharges"),
    ("651100", "Logiciels et abonnements", "Expense", "DuesSubscriptions"),
    ("706000", "Prestations de services", "Income", "ServiceFeeIncome"),
    ("758000", "Produits divers de gestion courante", "Other Income", "OtherMiscellaneousIncome"),
)
#: Pleo's tag groups in the French demo company: classes (departments), locations and projects.
FR_CLASSES = ("Ventes", "Technique", "Opérations", "Marketing")
FR_LOCATIONS = ("Paris", "Lyon")
FR_PROJECTS = ("Atlas rollout", "Boreas migration", "Ceres pilot", "Delta partnership", "Eos rebrand",
               "Fenix internal tools")


def seed_french_chart(state: QboState, c: Company) -> None:
    for name, type_, desc in (("BQ", "Bank", "Banque"), ("CA", "Cash", "Caisse"), ("AC", "Expenses", "Achats"),
                              ("VT", "Sales", "Ventes"), ("OD", "Others", "Opérations diverses")):
        _put(state, c, "JournalCode", {"Name": name, "Type": type_, "Description": desc, "Active": True})
    _account(state, c, "512000", "Banque", "Bank", "Checking", journal="BQ")
    _account(state, c, "530000", "Caisse", "Bank", "CashOnHand", journal="CA")
    for num, name, type_, sub in FR_ACCOUNTS:
        _account(state, c, num, name, type_, sub)
    _account(state, c, "625900", "Anciens frais de déplacement", "Expense", "Travel", active=False)

    def rate(name: str, value: str, special: str = "NONE", active: bool = True) -> dict[str, Any]:
        return _put(state, c, "TaxRate", {"Name": name, "Description": name, "Active": active,
                                          "RateValue": Decimal(value), "AgencyRef": _ref("1"),
                                          "SpecialTaxType": special, "DisplayType": "ReadOnly"})

    def code(name: str, purchase: list[dict], sales: list[dict], active: bool = True) -> dict[str, Any]:
        def rate_list(rates: list[dict]) -> dict[str, Any]:
            return {"TaxRateDetail": [{"TaxRateRef": _ref(r["Id"], r["Name"]), "TaxTypeApplicable": "TaxOnAmount",
                                       "TaxOrder": 0} for r in rates]}

        return _put(state, c, "TaxCode", {"Name": name, "Description": name, "Active": active, "Hidden": False,
                                          "Taxable": bool(purchase or sales), "TaxGroup": True,
                                          "PurchaseTaxRateList": rate_list(purchase),
                                          "SalesTaxRateList": rate_list(sales)})

    p20, p10, p55, p21 = (rate("TVA déductible 20 %", "20"), rate("TVA déductible 10 %", "10"),
                          rate("TVA déductible 5,5 %", "5.5"), rate("TVA déductible 2,1 %", "2.1"))
    p0 = rate("TVA déductible 0 % (exonéré)", "0", "ZERO_RATE")
    rc_in = rate("TVA autoliquidée déductible 20 %", "20", "REVERSE_CHARGE")
    rc_out = rate("TVA autoliquidée due 20 %", "-20", "REVERSE_CHARGE")
    s20, s10, s55, s21 = (rate("TVA collectée 20 %", "20"), rate("TVA collectée 10 %", "10"),
                          rate("TVA collectée 5,5 %", "5.5"), rate("TVA collectée 2,1 %", "2.1"))
    s0 = rate("TVA collectée 0 % (exonéré)", "0", "ZERO_RATE")
    old = rate("TVA déductible 19,6 %", "19.6", active=False)
    code("TVA 20 %", [p20], [s20])
    code("TVA 10 %", [p10], [s10])
    code("TVA 5,5 %", [p55], [s55])
    code("TVA 2,1 %", [p21], [s21])
    code("Exonéré", [p0], [s0])
    code("Autoliquidation UE 20 %", [rc_in, rc_out], [])
    code("TVA 20 % (ventes)", [], [s20])
    code("TVA 19,6 % (ancien)", [old], [], active=False)

    def tree(kind: str, names: Iterable[str], inactive: str) -> None:
        for n in names:
            _put(state, c, kind, {"Name": n, "FullyQualifiedName": n, "Active": True,
                                  ("SubClass" if kind == "Class" else "SubDepartment"): False})
        _put(state, c, kind, {"Name": inactive, "FullyQualifiedName": inactive, "Active": False,
                              ("SubClass" if kind == "Class" else "SubDepartment"): False})

    tree("Class", FR_CLASSES, "Ancienne équipe")
    tree("Department", FR_LOCATIONS, "Bordeaux")
    client = _put(state, c, "Customer", {"DisplayName": "Client Démo", "CompanyName": "Client Démo",
                                         "FullyQualifiedName": "Client Démo", "Active": True, "Job": False,
                                         "Level": 0, "IsProject": False, "Balance": Decimal("0"),
                                         "BalanceWithJobs": Decimal("0"), "CurrencyRef": _ref(c.home_currency)})
    for n, active in [(p, True) for p in FR_PROJECTS] + [("Mercury", False)]:
        _put(state, c, "Customer", {"DisplayName": n, "FullyQualifiedName": f"Client Démo:{n}", "Active": active,
                                    "Job": True, "ParentRef": _ref(client["Id"], "Client Démo"), "Level": 1,
                                    "IsProject": True, "Balance": Decimal("0"), "BalanceWithJobs": Decimal("0"),
                                    "CurrencyRef": _ref(c.home_currency)})
    # A customer named like a Pleo supplier (the name is taken for a vendor), vendors, an employee.
    _put(state, c, "Customer", {"DisplayName": "Coolblue", "CompanyName": "Coolblue B.V.",
                                "FullyQualifiedName": "Coolblue", "Active": True, "Job": False, "Level": 0,
                                "IsProject": False, "Balance": Decimal("0"), "BalanceWithJobs": Decimal("0"),
                                "CurrencyRef": _ref(c.home_currency)})
    for n, active in (("SNCF Voyageurs", True), ("Uber B.V.", True), ("Ancien fournisseur", False)):
        _put(state, c, "Vendor", {"DisplayName": n, "CompanyName": n, "PrintOnCheckName": n, "Active": active,
                                  "Balance": Decimal("0"), "Vendor1099": False, "CurrencyRef": _ref(c.home_currency)})
    _put(state, c, "Employee", {"DisplayName": "Camille Martin", "GivenName": "Camille", "FamilyName": "Martin",
                                "PrintOnCheckName": "Camille Martin", "Active": True})


def seed_us_chart(state: QboState, c: Company) -> None:
    _account(state, c, "1000", "Checking", "Bank", "Checking")
    _account(state, c, "2000", "Accounts Payable (A/P)", "Accounts Payable", "AccountsPayable")
    for num, name, sub in (("6000", "Travel", "Travel"), ("6100", "Meals", "TravelMeals"),
                           ("6200", "Software", "DuesSubscriptions"), ("6300", "Bank Charges", "BankCharges")):
        _account(state, c, num, name, "Expense", sub)
    # US companies have no VAT codes: only the TAX / NON pseudo codes of sales tax.
    c.prefs["TaxPrefs"] = {"UsingSalesTax": True, "PartnerTaxEnabled": True}


def seed_demo(state: QboState) -> None:
    add_company(state, FR_REALM, "Société Démo SAS", country="FR", currency="EUR")
    add_company(state, US_REALM, "Demo Inc.", country="US", currency="USD")


# ============================================================================== OAuth ============
def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _oauth_error(error: str, description: str, status: int = 400) -> Response:
    return _json_response({"error": error, "error_description": description}, status)


class QboOAuthApp:
    """``/qbo-oauth``: ``/connect/oauth2`` (Intuit's authorise page), ``/oauth2/v1/tokens/bearer`` and
    ``/v2/oauth2/tokens/revoke``."""

    def __init__(self, state: QboState):
        self.s = state

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        req = Request(environ)
        path = req.path.rstrip("/")
        with self.s.lock:
            if path == "/connect/oauth2" and req.method == "GET":
                resp = self.authorize(req)
            elif path == "/oauth2/v1/tokens/bearer" and req.method == "POST":
                resp = self.token(req)
            elif path == "/v2/oauth2/tokens/revoke" and req.method == "POST":
                resp = self.revoke(req)
            else:
                resp = _json_response({"error": "not_found"}, 404)
        return resp(environ, start_response)

    def authorize(self, req: Request) -> Response:
        s = self.s
        client = s.clients.get(req.arg("client_id") or "")
        redirect_uri = req.arg("redirect_uri") or ""
        if client is None:
            return Response(400, b"Invalid client_id", content_type="text/plain")
        if redirect_uri not in client.redirect_uris:
            return Response(400, b"The redirect_uri query parameter value is invalid. Make sure it is listed in "
                                 b"the Redirect URIs section on your app's keys tab and matches it exactly.",
                            content_type="text/plain")
        u = urlsplit(redirect_uri)
        local = u.hostname in ("localhost",)
        if not (u.scheme == "https" and not re.match(r"^[\d.]+$|^\[", u.hostname or "")) and not (
                client.development and local and u.scheme == "http"):
            return Response(400, b"Production redirect URIs must use https and may not be IP addresses",
                            content_type="text/plain")
        state = req.arg("state")

        def back(q: dict[str, str]) -> Response:
            if state is not None:
                q["state"] = state
            return Response(302, b"", [("Location", redirect_uri + "?" + urlencode(q))])

        if req.arg("response_type") != "code":
            return back({"error": "unsupported_response_type"})
        scopes = tuple((req.arg("scope") or "").split())
        if SCOPE_ACCOUNTING not in scopes or any(x not in KNOWN_SCOPES for x in scopes):
            return back({"error": "invalid_scope"})
        if s.deny_next:
            s.deny_next = False
            return back({"error": "access_denied"})
        realm = s.consent_realm or next(iter(s.companies))
        code = secrets.token_urlsafe(24)
        s.codes[code] = {"client_id": client.client_id, "redirect_uri": redirect_uri, "scopes": scopes,
                         "challenge": req.arg("code_challenge"), "method": req.arg("code_challenge_method"),
                         "expires": s.now() + 300 * s.time_scale, "realm": realm}
        return back({"code": code, "realmId": realm})

    def _client(self, req: Request) -> Client | None:
        auth = req.header("Authorization") or ""
        if not auth.startswith("Basic "):
            return None
        try:
            cid, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return None
        c = self.s.clients.get(cid)
        return c if c is not None and secrets.compare_digest(c.secret, secret) else None

    def _issue(self, grant: Grant, refresh_token: str | None = None) -> dict[str, Any]:
        s = self.s
        access = _b64(json.dumps({"realm": grant.realm, "g": grant.id, "n": secrets.token_hex(8)}).encode())
        # Lifetimes are real seconds (time_scale speeds the limits up, not the sign-in).
        s.access_tokens[access] = {"grant": grant.id, "expires": s.now() + s.access_token_seconds * s.time_scale}
        if refresh_token is None:
            refresh_token = "RT1-" + secrets.token_urlsafe(32)
            s.refresh_tokens[refresh_token] = {"grant": grant.id, "created": s.now(), "dead": False}
        rec = s.refresh_tokens[refresh_token]
        left = int(s.refresh_token_seconds - (s.now() - rec["created"]) / s.time_scale)
        return {"token_type": "bearer", "access_token": access, "expires_in": s.access_token_seconds,
                "refresh_token": refresh_token, "x_refresh_token_expires_in": max(0, left)}

    def token(self, req: Request) -> Response:
        s = self.s
        form = {k: v[0] for k, v in parse_qs(req.body.decode("utf-8", "replace"), keep_blank_values=True).items()}
        s.token_requests.append({k: v for k, v in form.items() if k == "grant_type"})
        client = self._client(req)
        if client is None:
            return _oauth_error("invalid_client", "client authentication failed (HTTP Basic with the secret)", 401)
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            code = s.codes.pop(form.get("code", ""), None)
            if code is None or code["expires"] < s.now() or code["client_id"] != client.client_id:
                return _oauth_error("invalid_grant", "the code is unknown, used or expired")
            if form.get("redirect_uri") != code["redirect_uri"]:
                return _oauth_error("invalid_grant", "redirect_uri does not match the authorisation request")
            if code["challenge"]:
                verifier = form.get("code_verifier", "")
                if code["method"] != "S256" or _b64(hashlib.sha256(verifier.encode()).digest()) != code["challenge"]:
                    return _oauth_error("invalid_grant", "code_verifier does not match the code_challenge")
            grant = Grant(str(uuid.uuid4()), client.client_id, code["scopes"], code["realm"])
            s.grants[grant.id] = grant
            return _json_response(self._issue(grant))
        if grant_type == "refresh_token":
            rt = form.get("refresh_token", "")
            rec = s.refresh_tokens.get(rt)
            grant = s.grants.get(rec["grant"]) if rec else None
            if rec is None or grant is None or grant.revoked or grant.client_id != client.client_id:
                return _oauth_error("invalid_grant", "Incorrect or invalid refresh token")
            if rec["dead"]:
                return _oauth_error("invalid_grant", "Incorrect or invalid refresh token (it was replaced by a newer one)")
            age = (s.now() - rec["created"]) / s.time_scale
            if age > s.refresh_token_seconds:
                return _oauth_error("invalid_grant", "The refresh token has expired")
            if age >= s.rotate_after_seconds:
                rec["dead"] = True
                return _json_response(self._issue(grant))
            return _json_response(self._issue(grant, refresh_token=rt))
        return _oauth_error("unsupported_grant_type", f"grant_type {grant_type!r}")

    def revoke(self, req: Request) -> Response:
        s = self.s
        if self._client(req) is None:
            return _oauth_error("invalid_client", "client authentication failed", 401)
        try:
            token = json.loads(req.body or b"{}").get("token", "")
        except ValueError:
            token = ""
        rec = s.refresh_tokens.get(token) or s.access_tokens.get(token)
        if rec is not None:
            s.grants[rec["grant"]].revoked = True
        return Response(200, b"")


# ============================================================================ the API ============
class QboApiApp:
    """``/qbo``: ``/v3/company/{realmId}/...``."""

    def __init__(self, state: QboState):
        self.s = state

    # ------------------------------------------------------------------------------ gateway ----
    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        req = Request(environ)
        fault = self.s.faults.take(req.method, req.path)
        if fault == "drop_before":
            raise DropConnection()
        try:
            if fault in ("500", "503"):
                raise QboFault(int(fault), "10000" if fault == "500" else "10001",
                               "An application error has occurred while processing your request"
                               if fault == "500" else "Service unavailable", "System Failure Error", type_="SystemFault")
            company, grant = self._authenticate(req)
            if fault == "429":
                company.refused_429["injected"] += 1
                raise self._throttled()
            self._admit(company, req)
            try:
                extra = self.s.batch_latency if req.path.rstrip("/").endswith("/batch") else 0.0
                if self.s.latency or extra:
                    time.sleep(self.s.scaled(self.s.latency + extra))
                resp = self._idempotent(req, company)
            finally:
                with self.s.lock:
                    company.in_flight -= 1
        except QboFault as f:
            resp = self._fault(f)
        with self.s.lock:
            self.s.requests.append((req.method, req.path, resp.status, time.monotonic()))
        if fault == "drop_after":
            raise DropConnection()
        return resp(environ, start_response)

    def _fault(self, f: QboFault) -> Response:
        return _json_response({"Fault": f.fault(), "time": qbo_time(self.s.wall())}, f.status,
                              headers=[("intuit_tid", str(uuid.uuid4()))] + f.headers)

    @staticmethod
    def _throttled() -> QboFault:
        return QboFault(429, "3001", "message=ThrottleExceeded; errorCode=003001; statusCode=429",
                        "The request limit was reached.", type_="SystemFault")

    def _authenticate(self, req: Request) -> tuple[Company, Grant]:
        s = self.s
        m = re.match(r"^/v3/company/([^/]+)(/.*)?$", req.path)
        if not m:
            raise QboFault(404, "610", "Object Not Found", f"No such resource: {req.path}")
        realm = m.group(1)
        with s.lock:
            auth = req.header("Authorization") or ""
            token = auth[7:] if auth.startswith("Bearer ") else ""
            rec = s.access_tokens.get(token)
            grant = s.grants.get(rec["grant"]) if rec else None
            if rec is None or grant is None or grant.revoked:
                raise QboFault(401, "3200", "message=AuthenticationFailed; errorCode=003200; statusCode=401",
                               "Authentication failed", type_="AuthenticationFault")
            if rec["expires"] < s.now():
                raise QboFault(401, "3200", "message=AuthenticationFailed; errorCode=003200; statusCode=401",
                               "Token expired", type_="AuthenticationFault")
            if grant.realm != realm or realm not in s.companies:
                raise QboFault(403, "3100", "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
                               "The application is not authorized for this company", type_="AuthorizatonFault")
            return s.companies[realm], grant

    def _admit(self, c: Company, req: Request) -> None:
        s = self.s
        batch = req.path.rstrip("/").endswith("/batch")
        with s.lock:
            now = s.now()
            for window in (c.minute_hits, c.batch_hits):
                while window and window[0] <= now - 60:
                    window.popleft()
            if c.in_flight >= s.concurrent:
                c.refused_429["concurrent"] += 1
                raise self._throttled()
            if len(c.minute_hits) >= s.per_minute:
                c.refused_429["minute"] += 1
                raise self._throttled()
            if batch and len(c.batch_hits) >= s.batch_per_minute:
                c.refused_429["batch"] += 1
                raise self._throttled()
            c.minute_hits.append(now)
            if batch:
                c.batch_hits.append(now)
                c.batch_calls += 1
            c.in_flight += 1
            c.calls += 1

    def _idempotent(self, req: Request, c: Company) -> Response:
        rid = req.arg("requestid")
        if rid is None or req.method != "POST":
            return self._route(req, c)
        batch = req.path.rstrip("/").endswith("/batch")
        if len(rid) > (36 if batch else 50):
            raise validation("2010", "Request has invalid or unsupported property",
                             f"requestid must be at most {36 if batch else 50} characters")
        with self.s.lock:
            seen = c.requestids.get(rid)
            if seen is not None:
                return Response(seen["status"], seen["body"], list(seen["headers"]))
        try:
            resp = self._route(req, c)
        except QboFault as f:
            resp = self._fault(f)
        body = resp.body if isinstance(resp.body, bytes) else b"".join(resp.body)
        resp.body = body
        with self.s.lock:
            c.requestids[rid] = {"status": resp.status, "body": body,
                                 "headers": [h for h in resp.headers if h[0].lower() != "content-length"]}
        return resp

    def _envelope(self, **items: Any) -> dict[str, Any]:
        return {**items, "time": qbo_time(self.s.wall())}

    def _route(self, req: Request, c: Company) -> Response:
        rest = re.match(r"^/v3/company/[^/]+(/.*)?$", req.path).group(1) or "/"
        parts = [p for p in rest.split("/") if p]
        mv = req.arg("minorversion")
        if mv is not None and not mv.isdigit():
            raise validation("2010", "Request has invalid or unsupported property", "minorversion must be a number")
        if not parts:
            raise QboFault(404, "610", "Object Not Found", "No resource")
        head = parts[0].lower()
        with self.s.lock:
            if head == "companyinfo" and req.method == "GET" and len(parts) == 2:
                if parts[1] != c.realm:
                    raise QboFault(404, "610", "Object Not Found", "Object Not Found : CompanyInfo")
                return _json_response(self._envelope(CompanyInfo=c.info))
            if head == "preferences" and req.method == "GET" and len(parts) == 1:
                return _json_response(self._envelope(Preferences=c.prefs))
            if head == "query" and len(parts) == 1:
                if req.method == "GET":
                    text = req.arg("query") or ""
                elif req.method == "POST":
                    text = req.body.decode("utf-8", "replace")
                else:
                    raise QboFault(405, "500", "Unsupported Operation", "GET or POST only")
                return _json_response(self._envelope(QueryResponse=self.query(c, text)))
            if head == "batch" and req.method == "POST" and len(parts) == 1:
                return self._batch(req, c)
            if head == "upload" and req.method == "POST" and len(parts) == 1:
                return self._upload(req, c)
            kind = _entity_name(head)
            if kind is None:
                raise QboFault(400, "500", "Unsupported Operation", f"Operation {parts[0]} is not supported.")
            if req.method == "GET" and len(parts) == 2:
                e = c.get(kind, parts[1])
                if e is None:
                    raise validation("610", "Object Not Found", f"Object Not Found : Something you're trying to use "
                                     f"has been made inactive or deleted: {kind} {parts[1]}")
                return _json_response(self._envelope(**{kind: e}))
            if req.method == "POST" and len(parts) == 1:
                body = self._body(req)
                if not isinstance(body, dict):
                    raise validation("2010", "Request has invalid or unsupported property", "the body is not an object")
                # A bare entity, or wrapped in its name as the SDKs send it.
                if set(body) == {kind}:
                    body = body[kind]
                op = (req.arg("operation") or "create").lower()
                return _json_response(self._envelope(**{kind: self.write(c, kind, op, body)}))
        raise QboFault(400, "500", "Unsupported Operation", f"{req.method} {rest} is not supported.")

    def _body(self, req: Request) -> Any:
        if req.content_type not in ("application/json", "application/text", ""):
            raise QboFault(415, "500", "Unsupported Operation", f"Content-Type {req.content_type} is not supported")
        try:
            return json.loads(req.body or b"null", parse_float=Decimal)
        except ValueError:
            raise validation("2010", "Request has invalid or unsupported property",
                             "The request body is not valid JSON") from None

    # ------------------------------------------------------------------------------ query ------
    def query(self, c: Company, text: str) -> dict[str, Any]:
        q = parse_query(text)
        kind = _entity_name(q.entity)
        if kind is None:
            raise QueryError(400, "4001", "Invalid query", f"QueryValidationError: Invalid entity {q.entity}")
        if kind in ("CompanyInfo", "Preferences"):
            items = [c.info if kind == "CompanyInfo" else c.prefs]
        elif kind == "JournalCode" and not c.french:
            raise QueryError(400, "4001", "Invalid query", "QueryValidationError: JournalCode is available in France only")
        else:
            items = list(c.entities[kind].values())
        allowed = {f.lower() for f in FIELDS.get(kind, ())} | {"metadata"}
        active_filtered = False
        for fname, op, value in q.where:
            top = fname.split(".")[0].lower()
            if top not in allowed and top != "id":
                raise QueryError(400, "4001", "Invalid query",
                                 f"QueryValidationError: property '{fname}' is not queryable")
            if top == "id" and op not in ("=", "IN"):
                raise QueryError(400, "4001", "Invalid query", "QueryValidationError: Id filters take only = and IN")
            if top == "active":
                active_filtered = True
        if kind in NAME_LISTS and not active_filtered:
            items = [e for e in items if e.get("Active", True)]
        for fname, op, value in q.where:
            if op == "IN":
                items = [e for e in items if any(_compare(_path_value(e, fname), "=", v) for v in value)]
            elif op == "LIKE":
                items = [e for e in items if _like(_path_value(e, fname), str(value))]
            else:
                items = [e for e in items if _compare(_path_value(e, fname), op, value)]
        if q.count:
            return {"totalCount": len(items)}
        if q.order:
            fname, desc = q.order
            items.sort(key=lambda e: str(_path_value(e, fname) or ""), reverse=desc)
        page = items[q.start - 1:q.start - 1 + q.max_results]
        if not page:
            return {}
        return {kind: copy.deepcopy(page), "startPosition": q.start, "maxResults": len(page)}

    # ------------------------------------------------------------------------------ batch ------
    def _batch(self, req: Request, c: Company) -> Response:
        body = self._body(req)
        items = (body or {}).get("BatchItemRequest") if isinstance(body, dict) else None
        if not isinstance(items, list) or not items:
            raise validation("2020", "Required param missing, need to supply the required value for the API",
                             "Required parameter BatchItemRequest is missing in the request")
        if len(items) > BATCH_ITEMS:
            raise validation("2010", "Request has invalid or unsupported property",
                             f"Number of items in the batch request ({len(items)}) exceeds the limit of {BATCH_ITEMS}")
        out = []
        seen: set[str] = set()
        for item in items:
            bid = str(item.get("bId") or "")
            if not bid or len(bid) > 10 or bid in seen:
                raise validation("2010", "Request has invalid or unsupported property",
                                 f"bId {bid!r}: each item needs its own bId of at most 10 characters")
            seen.add(bid)
            try:
                with self.s.lock:
                    if "Query" in item:
                        out.append({"bId": bid, "QueryResponse": self.query(c, str(item["Query"]))})
                        continue
                    op = str(item.get("operation") or "")
                    kinds = [k for k in item if k not in ("bId", "operation", "optionsData")]
                    if op not in ("create", "update", "delete") or len(kinds) != 1 or _entity_name(kinds[0]) != kinds[0]:
                        raise validation("2010", "Request has invalid or unsupported property",
                                         "a batch item is a Query or one entity with operation create, update or delete")
                    kind = kinds[0]
                    out.append({"bId": bid, kind: self.write(c, kind, op, item[kind])})
            except QboFault as f:
                out.append({"bId": bid, "Fault": f.fault()})
        return _json_response(self._envelope(BatchItemResponse=out))

    # ------------------------------------------------------------------------------ writes -----
    def write(self, c: Company, kind: str, op: str, body: Any) -> dict[str, Any]:
        if kind not in WRITABLE:
            raise QboFault(400, "500", "Unsupported Operation", f"Operation create is not supported for {kind}.")
        if not isinstance(body, dict):
            raise validation("2010", "Request has invalid or unsupported property", f"{kind} must be an object")
        self._check_fields(kind, body)
        if op == "delete":
            e = self._current(c, kind, body)
            if kind in ("Account", "Vendor", "JournalCode"):
                raise QboFault(400, "500", "Unsupported Operation", f"Operation delete is not supported for {kind}.")
            del c.entities[kind][e["Id"]]
            return {**e, "status": "Deleted"}
        if op == "update" or body.get("Id"):
            old = self._current(c, kind, body)
            new = copy.deepcopy(old) if body.get("sparse") else {k: old[k] for k in ("Id", "MetaData") if k in old}
            for k, v in body.items():
                if k not in ("SyncToken", "MetaData", "sparse"):
                    new[k] = copy.deepcopy(v)
            new["SyncToken"] = str(int(old["SyncToken"]) + 1)
            new.setdefault("domain", "QBO")
            new["sparse"] = False
            checked = self._checked(c, kind, new, existing=old)
            self.s.stamp(checked, created=False)
            c.entities[kind][checked["Id"]] = checked
            return copy.deepcopy(checked)
        if body.get("SyncToken") is not None:
            raise validation("2010", "Request has invalid or unsupported property", "SyncToken is for updates only")
        new = {"Id": self.s.new_id(c), "SyncToken": "0", "domain": "QBO", "sparse": False,
               **{k: copy.deepcopy(v) for k, v in body.items() if k not in ("sparse", "domain")}}
        checked = self._checked(c, kind, new, existing=None)
        self.s.stamp(checked, created=True)
        c.entities[kind][checked["Id"]] = checked
        return copy.deepcopy(checked)

    def _current(self, c: Company, kind: str, body: dict[str, Any]) -> dict[str, Any]:
        e = c.get(kind, body.get("Id"))
        if e is None:
            raise validation("610", "Object Not Found", f"Object Not Found : {kind} {body.get('Id')}")
        if str(body.get("SyncToken")) != e["SyncToken"]:
            raise validation("5010", "Stale Object Error",
                             f"Stale Object Error : You and {kind} were working on this at the same time. {kind} "
                             "finished before you did, so your work was not saved.")
        return e

    def _check_fields(self, kind: str, body: dict[str, Any]) -> None:
        allowed = set(FIELDS[kind]) | {"sparse", "domain", "status"}
        for k in body:
            if k not in allowed:
                raise validation("2010", "Request has invalid or unsupported property",
                                 f"Property Name:{k} specified is unsupported or invalid", element=k)
        for k, v in body.items():
            limit = MAX_LENGTHS.get((kind, k)) or MAX_LENGTHS.get(("*", k))
            if limit is not None and isinstance(v, str) and len(v) > limit:
                raise validation("2050", "String length is either shorter or longer than supported by specification",
                                 f"String length specified does not match the supported length. Min:0 Max:{limit} "
                                 f"supported. Supplied length:{len(v)}", element=k)
        for i, line in enumerate(body.get("Line") or ()):
            if not isinstance(line, dict):
                raise validation("2010", "Request has invalid or unsupported property", "a line must be an object")
            for k in line:
                if k not in LINE_FIELDS:
                    raise validation("2010", "Request has invalid or unsupported property",
                                     f"Property Name:{k} specified is unsupported or invalid", element=f"Line[{i}].{k}")
            desc = line.get("Description")
            if isinstance(desc, str) and len(desc) > MAX_LENGTHS[("Line", "Description")]:
                raise validation("2050", "String length is either shorter or longer than supported by specification",
                                 "Line Description: Max:4000", element="Line.Description")
            for detail, fields in (("AccountBasedExpenseLineDetail", ABE_FIELDS), ("DepositLineDetail", DEPOSIT_LINE_FIELDS)):
                for k in line.get(detail) or {}:
                    if k not in fields:
                        raise validation("2010", "Request has invalid or unsupported property",
                                         f"Property Name:{k} specified is unsupported or invalid", element=f"{detail}.{k}")

    # -- references ----------------------------------------------------------------------------
    def _ref(self, c: Company, kind: str | tuple[str, ...], ref: Any, element: str) -> dict[str, Any]:
        kinds = (kind,) if isinstance(kind, str) else kind
        value = ref.get("value") if isinstance(ref, dict) else None
        if value in (None, ""):
            raise validation("2020", "Required param missing, need to supply the required value for the API",
                             f"Required parameter {element} is missing in the request", element)
        if isinstance(ref, dict) and ref.get("type") and ref["type"] in kinds:
            kinds = (ref["type"],)
        for k in kinds:
            e = c.get(k, value)
            if e is not None:
                if not e.get("Active", True):
                    raise inactive_ref(element)
                return e
        raise invalid_ref(kinds[0], ref, element)

    def _named(self, e: dict[str, Any], kind: str) -> dict[str, Any]:
        name = e.get("FullyQualifiedName") or e.get("DisplayName") or e.get("Name")
        out = _ref(e["Id"], name)
        if kind in ("Vendor", "Customer", "Employee"):
            out["type"] = kind
        return out

    def _date(self, c: Company, value: Any, element: str = "TxnDate") -> str:
        if value is None:
            return self.s.wall().date().isoformat()
        try:
            d = date.fromisoformat(str(value))
        except ValueError:
            raise validation("2010", "Request has invalid or unsupported property",
                             f"{element}: {value!r} is not a date (YYYY-MM-DD)", element) from None
        closed = c.accounting_prefs.get("BookCloseDate")
        if closed and d <= date.fromisoformat(closed):
            raise validation("6210", "Account Period Closed",
                             f"The account period has closed and the books are locked as of {closed}: "
                             f"you cannot add or change transactions dated {d.isoformat()}", element)
        return d.isoformat()

    # -- entities ------------------------------------------------------------------------------
    def _checked(self, c: Company, kind: str, e: dict[str, Any], existing: dict[str, Any] | None) -> dict[str, Any]:
        fn = getattr(self, f"_check_{kind.lower()}")
        return fn(c, e, existing)

    def _check_account(self, c: Company, e: dict[str, Any], existing: dict | None) -> dict[str, Any]:
        name = str(e.get("Name") or "").strip()
        if not name:
            raise validation("2020", "Required param missing, need to supply the required value for the API",
                             "Required parameter Name is missing in the request", "Name")
        if '"' in name or ":" in name:
            raise business("The account name may not contain a double quote or a colon", "Name")
        if not e.get("AccountType") and not e.get("AccountSubType"):
            raise validation("6010", "Invalid account type", "Either AccountType or AccountSubType is required",
                             "AccountType")
        if e.get("AccountType") not in CLASSIFICATION:
            raise validation("2170", "Invalid Enumeration", f"Invalid AccountType: {e.get('AccountType')}",
                             "AccountType")
        for other in c.all("Account"):
            if existing is not None and other["Id"] == existing["Id"]:
                continue
            if other["Name"].casefold() == name.casefold():
                raise validation("6240", "Duplicate Name Exists Error",
                                 f"Another account is already using this name. : Id={other['Id']}", "Name")
            if e.get("AcctNum") and other.get("AcctNum") == e.get("AcctNum"):
                raise business(f"Another account is already using this number: {e['AcctNum']}", "AcctNum")
        if c.french and e["AccountType"] == "Bank":
            jref = e.get("JournalCodeRef")
            if not jref:
                raise validation("2020", "Required param missing, need to supply the required value for the API",
                                 "Required parameter JournalCodeRef is missing in the request: bank accounts need a "
                                 "journal code in France", "JournalCodeRef")
            jc = self._ref(c, "JournalCode", jref, "JournalCodeRef")
            e["JournalCodeRef"] = _ref(jc["Id"], jc["Name"])
        elif e.get("JournalCodeRef") and not c.french:
            raise validation("2010", "Request has invalid or unsupported property",
                             "JournalCodeRef is for French companies only", "JournalCodeRef")
        cur = (e.get("CurrencyRef") or {}).get("value") or c.home_currency
        if cur != c.home_currency and not c.multicurrency:
            raise business("Multicurrency is not turned on: accounts are in the home currency", "CurrencyRef")
        e["Name"] = name
        e["FullyQualifiedName"] = name
        e.setdefault("Active", True)
        e.setdefault("SubAccount", False)
        e["Classification"] = CLASSIFICATION[e["AccountType"]]
        e["CurrencyRef"] = _ref(cur)
        if existing is None:
            e["CurrentBalance"] = Decimal("0")
            e["CurrentBalanceWithSubAccounts"] = Decimal("0")
        return e

    def _check_journalcode(self, c: Company, e: dict[str, Any], existing: dict | None) -> dict[str, Any]:
        if not c.french:
            raise QboFault(400, "500", "Unsupported Operation", "Journal codes exist in French companies only")
        name = str(e.get("Name") or "")
        if not re.fullmatch(r"[A-Z0-9]{1,2}", name):
            raise business("A journal code is one or two capital letters or digits", "Name")
        if e.get("Type") not in ("Expenses", "Sales", "Bank", "Nouveaux", "Wages", "Cash", "Others"):
            raise validation("2170", "Invalid Enumeration", f"Invalid journal code Type: {e.get('Type')}", "Type")
        for other in c.all("JournalCode"):
            if other["Name"] == name and (existing is None or other["Id"] != existing["Id"]):
                raise validation("6240", "Duplicate Name Exists Error",
                                 f"The name supplied already exists. : Id={other['Id']}", "Name")
        e.setdefault("Active", True)
        return e

    def _check_vendor(self, c: Company, e: dict[str, Any], existing: dict | None) -> dict[str, Any]:
        name = str(e.get("DisplayName") or "")
        if not name.strip():
            raise validation("2020", "Required param missing, need to supply the required value for the API",
                             "Required parameter DisplayName is missing in the request", "DisplayName")
        if any(ch in name for ch in ":\t\n\r"):
            raise business("The name may not contain a colon, a tab or a new line", "DisplayName")
        for kind in ("Vendor", "Customer", "Employee"):
            for other in c.all(kind):
                if kind == "Vendor" and existing is not None and other["Id"] == existing["Id"]:
                    continue
                if str(other.get("DisplayName") or "").casefold() == name.casefold():
                    raise validation("6240", "Duplicate Name Exists Error",
                                     f"The name supplied already exists. : Another customer, vendor or employee is "
                                     f"already using this name. Please use a different name. Id={other['Id']}",
                                     "DisplayName")
        e.setdefault("Active", True)
        e.setdefault("PrintOnCheckName", name)
        e.setdefault("Balance", Decimal("0"))
        e.setdefault("Vendor1099", False)
        e.setdefault("CurrencyRef", _ref(c.home_currency))
        return e

    def _check_attachable(self, c: Company, e: dict[str, Any], existing: dict | None) -> dict[str, Any]:
        if existing is None:
            raise QboFault(400, "500", "Unsupported Operation", "Attachables with a file are created through /upload")
        return e

    def _lines(self, c: Company, e: dict[str, Any], detail: str) -> list[dict[str, Any]]:
        lines = e.get("Line")
        if not isinstance(lines, list) or not lines:
            raise validation("2020", "Required param missing, need to supply the required value for the API",
                             "Required parameter Line is missing in the request", "Line")
        prefs = c.accounting_prefs
        per_line = bool(prefs.get("ClassTrackingPerTxnLine"))
        per_txn = bool(prefs.get("ClassTrackingPerTxn"))
        classes = set()
        for n, ln in enumerate(lines, 1):
            if ln.get("DetailType") != detail or not isinstance(ln.get(detail), dict):
                raise validation("2010", "Request has invalid or unsupported property",
                                 f"Line {n}: DetailType must be {detail} with its {detail}", "Line.DetailType")
            amount = _dec(ln.get("Amount"))
            if amount is None:
                raise validation("2020", "Required param missing, need to supply the required value for the API",
                                 f"Line {n}: Amount is missing", "Line.Amount")
            if amount.as_tuple().exponent < -2:
                raise business(f"Line {n}: the amount {amount} has more than 2 decimals", "Line.Amount")
            d = ln[detail]
            acc = self._ref(c, "Account", d.get("AccountRef"), f"Line.{detail}.AccountRef")
            d["AccountRef"] = self._named(acc, "Account")
            if d.get("ClassRef"):
                if not (per_line or per_txn):
                    raise business("Class tracking is turned off in this company", "ClassRef")
                cl = self._ref(c, "Class", d["ClassRef"], "ClassRef")
                d["ClassRef"] = self._named(cl, "Class")
                classes.add(cl["Id"])
            if d.get("CustomerRef"):
                cu = self._ref(c, "Customer", d["CustomerRef"], "CustomerRef")
                d["CustomerRef"] = self._named(cu, "Customer")
                d.setdefault("BillableStatus", "NotBillable")
            if ln.get("ProjectRef"):
                pr = self._ref(c, "Customer", ln["ProjectRef"], "ProjectRef")
                if not pr.get("IsProject"):
                    raise invalid_ref("Project", ln["ProjectRef"], "ProjectRef")
                ln["ProjectRef"] = _ref(pr["Id"], pr["DisplayName"])
            if d.get("Entity"):
                ent = self._ref(c, ("Vendor", "Customer", "Employee"), d["Entity"], "Entity")
                d["Entity"] = self._named(ent, next(k for k in ("Vendor", "Customer", "Employee")
                                                    if c.get(k, ent["Id"]) is ent))
            ln["LineNum"] = n
            ln["Id"] = str(n)
            ln["Amount"] = amount
        if per_txn and not per_line and len(classes) > 1:
            raise business("Class tracking is per transaction in this company: one class per transaction",
                           "ClassRef")
        return lines

    def _tax(self, c: Company, e: dict[str, Any], lines: list[dict[str, Any]], detail: str,
             applicable: Callable[[dict], str]) -> Decimal:
        """VAT of a transaction: per tax rate from the lines' nets, or the transaction's overrides."""
        gtc = e.get("GlobalTaxCalculation")
        if gtc is not None and gtc not in ("TaxInclusive", "TaxExcluded", "NotApplicable"):
            raise validation("2170", "Invalid Enumeration", f"Invalid GlobalTaxCalculation: {gtc}",
                             "GlobalTaxCalculation")
        if c.us:
            for ln in lines:
                if ln[detail].get("TaxCodeRef") and ln[detail]["TaxCodeRef"].get("value") not in ("TAX", "NON"):
                    raise invalid_ref("TaxCode", ln[detail]["TaxCodeRef"], "TaxCodeRef")
            e["GlobalTaxCalculation"] = "NotApplicable"
            e.pop("TxnTaxDetail", None)
            return Decimal(0)
        groups: dict[str, dict[str, Any]] = {}
        for n, ln in enumerate(lines, 1):
            d = ln[detail]
            if not d.get("TaxCodeRef"):
                raise business("Make sure all your transactions have a VAT rate before you save.", "TaxCodeRef")
            code = self._ref(c, "TaxCode", d["TaxCodeRef"], "TaxCodeRef")
            d["TaxCodeRef"] = _ref(code["Id"], code["Name"])
            side = applicable(d)
            rate_list = ((code.get("PurchaseTaxRateList") if side == "Purchase" else code.get("SalesTaxRateList"))
                         or {}).get("TaxRateDetail") or []
            if not rate_list:
                raise business(f"Line {n}: the VAT rate {code['Name']} cannot be used on "
                               f"{'purchases' if side == 'Purchase' else 'sales'}", "TaxCodeRef")
            for rd in rate_list:
                rate = c.get("TaxRate", rd["TaxRateRef"]["value"])
                g = groups.setdefault(rate["Id"], {"rate": rate, "net": Decimal(0)})
                g["net"] += ln["Amount"]
        overrides: dict[str, dict[str, Any]] = {}
        detail_in = e.get("TxnTaxDetail") or {}
        for tl in detail_in.get("TaxLine") or ():
            tld = tl.get("TaxLineDetail") or {}
            rid = (tld.get("TaxRateRef") or {}).get("value")
            if rid not in groups:
                raise business(f"TxnTaxDetail: the tax rate {rid} is not used by any line", "TxnTaxDetail")
            net = _dec(tld.get("NetAmountTaxable"))
            if net is not None and net != groups[rid]["net"]:
                raise business(f"TxnTaxDetail: NetAmountTaxable {net} for tax rate {rid} is not the lines' "
                               f"{groups[rid]['net']}", "TxnTaxDetail")
            amount = _dec(tl.get("Amount"))
            if amount is None:
                raise validation("2020", "Required param missing, need to supply the required value for the API",
                                 "TxnTaxDetail.TaxLine.Amount is missing", "TxnTaxDetail")
            overrides[rid] = {"amount": amount}
        tax_lines = []
        total = Decimal(0)
        for rid, g in groups.items():
            rate = g["rate"]
            value = Decimal(str(rate["RateValue"]))
            computed = (g["net"] * value / 100).quantize(_Q, ROUND_HALF_UP)
            amount = overrides.get(rid, {}).get("amount", computed)
            line: dict[str, Any] = {"Amount": amount, "DetailType": "TaxLineDetail",
                                    "TaxLineDetail": {"TaxRateRef": _ref(rate["Id"], rate["Name"]),
                                                      "PercentBased": True, "TaxPercent": value,
                                                      "NetAmountTaxable": g["net"]}}
            if amount != computed:
                line["TaxLineDetail"]["OverrideDeltaAmount"] = amount - computed
            tax_lines.append(line)
            total += amount
        e["GlobalTaxCalculation"] = gtc or "TaxExcluded"
        e["TxnTaxDetail"] = {"TotalTax": total, "TaxLine": tax_lines}
        return total

    def _currency(self, c: Company, e: dict[str, Any], account: dict[str, Any]) -> None:
        cur = (e.get("CurrencyRef") or {}).get("value")
        account_cur = (account.get("CurrencyRef") or {}).get("value") or c.home_currency
        if cur is None:
            cur = c.home_currency
        if not c.multicurrency:
            if cur != c.home_currency or e.get("ExchangeRate") is not None:
                raise business("Multicurrency is not turned on in this company: transactions are in the home "
                               "currency only", "CurrencyRef")
            e.pop("CurrencyRef", None)
            return
        if cur != account_cur:
            raise business(f"The transaction is in {cur}, its account {account['Name']} in {account_cur}",
                           "CurrencyRef")
        e["CurrencyRef"] = _ref(cur)
        if cur == c.home_currency:
            e["ExchangeRate"] = Decimal(1)

    def _common(self, c: Company, e: dict[str, Any]) -> None:
        e["TxnDate"] = self._date(c, e.get("TxnDate"))
        if e.get("DepartmentRef"):
            if not c.accounting_prefs.get("TrackDepartments"):
                raise business("Location tracking is turned off in this company", "DepartmentRef")
            dep = self._ref(c, "Department", e["DepartmentRef"], "DepartmentRef")
            e["DepartmentRef"] = self._named(dep, "Department")
        if e.get("ProjectRef"):
            pr = self._ref(c, "Customer", e["ProjectRef"], "ProjectRef")
            e["ProjectRef"] = _ref(pr["Id"], pr["DisplayName"])

    def _check_purchase(self, c: Company, e: dict[str, Any], existing: dict | None) -> dict[str, Any]:
        pt = e.get("PaymentType")
        if pt not in ("Cash", "Check", "CreditCard"):
            raise validation("2170" if pt else "2020", "Invalid Enumeration" if pt else
                             "Required param missing, need to supply the required value for the API",
                             f"PaymentType {pt!r}: Cash, Check or CreditCard", "PaymentType")
        acc = self._ref(c, "Account", e.get("AccountRef"), "AccountRef")
        want = "Credit Card" if pt == "CreditCard" else "Bank"
        if acc["AccountType"] != want:
            raise business(f"PaymentType {pt} needs a {want} account; {acc['Name']} is {acc['AccountType']}",
                           "AccountRef")
        if e.get("Credit") and pt != "CreditCard":
            raise business("Credit is only valid with PaymentType CreditCard", "Credit")
        e["AccountRef"] = self._named(acc, "Account")
        if e.get("EntityRef"):
            ent = self._ref(c, ("Vendor", "Customer", "Employee"), e["EntityRef"], "EntityRef")
            kind = next(k for k in ("Vendor", "Customer", "Employee") if c.get(k, ent["Id"]) is ent)
            e["EntityRef"] = self._named(ent, kind)
        self._common(c, e)
        lines = self._lines(c, e, "AccountBasedExpenseLineDetail")
        for ln in lines:
            if ln["Amount"] < 0:
                raise business("Expense lines cannot be negative", "Line.Amount")
            if ln["AccountBasedExpenseLineDetail"]["AccountRef"]["value"] == acc["Id"]:
                raise business("An expense line cannot use the payment account", "Line.AccountRef")
        tax = self._tax(c, e, lines, "AccountBasedExpenseLineDetail", lambda d: "Purchase")
        self._currency(c, e, acc)
        e["TotalAmt"] = sum((ln["Amount"] for ln in lines), Decimal(0)) + tax
        if pt == "Check":
            e.setdefault("PrintStatus", "NotSet")
        if pt == "CreditCard":
            e.setdefault("Credit", False)
        return e

    def _check_deposit(self, c: Company, e: dict[str, Any], existing: dict | None) -> dict[str, Any]:
        acc = self._ref(c, "Account", e.get("DepositToAccountRef"), "DepositToAccountRef")
        if acc["AccountType"] not in ("Bank", "Other Current Asset"):
            raise business(f"A deposit goes to a bank account; {acc['Name']} is {acc['AccountType']}",
                           "DepositToAccountRef")
        e["DepositToAccountRef"] = self._named(acc, "Account")
        self._common(c, e)
        lines = self._lines(c, e, "DepositLineDetail")
        for ln in lines:
            if ln["DepositLineDetail"]["AccountRef"]["value"] == acc["Id"]:
                raise business("A deposit line cannot use the account deposited to", "Line.AccountRef")
            side = ln["DepositLineDetail"].get("TaxApplicableOn")
            if side is not None and side not in ("Purchase", "Sales"):
                raise validation("2170", "Invalid Enumeration", f"Invalid TaxApplicableOn: {side}", "TaxApplicableOn")
        tax = self._tax(c, e, lines, "DepositLineDetail", lambda d: d.get("TaxApplicableOn") or "Sales")
        self._currency(c, e, acc)
        e["TotalAmt"] = sum((ln["Amount"] for ln in lines), Decimal(0)) + tax
        if e["TotalAmt"] <= 0:
            raise business("A deposit must be more than zero", "TotalAmt")
        return e

    def _check_transfer(self, c: Company, e: dict[str, Any], existing: dict | None) -> dict[str, Any]:
        frm = self._ref(c, "Account", e.get("FromAccountRef"), "FromAccountRef")
        to = self._ref(c, "Account", e.get("ToAccountRef"), "ToAccountRef")
        for a, el in ((frm, "FromAccountRef"), (to, "ToAccountRef")):
            if a["AccountType"] not in BALANCE_TYPES:
                raise business(f"Transfers move money between balance sheet accounts; {a['Name']} is "
                               f"{a['AccountType']}", el)
        if frm["Id"] == to["Id"]:
            raise business("The accounts of a transfer must differ", "ToAccountRef")
        amount = _dec(e.get("Amount"))
        if amount is None or amount <= 0:
            raise business("A transfer amount must be more than zero", "Amount")
        e["FromAccountRef"] = self._named(frm, "Account")
        e["ToAccountRef"] = self._named(to, "Account")
        e["Amount"] = amount
        if e.get("Line"):
            raise validation("2010", "Request has invalid or unsupported property", "A transfer has no lines", "Line")
        if e.get("ClassRef"):
            cl = self._ref(c, "Class", e["ClassRef"], "ClassRef")
            e["ClassRef"] = self._named(cl, "Class")
        self._common(c, e)
        self._currency(c, e, frm)
        return e

    def _payable(self, c: Company, e: dict[str, Any], kind: str) -> dict[str, Any]:
        vendor = self._ref(c, "Vendor", e.get("VendorRef"), "VendorRef")
        e["VendorRef"] = self._named(vendor, "Vendor")
        if e.get("APAccountRef"):
            ap = self._ref(c, "Account", e["APAccountRef"], "APAccountRef")
        else:
            ap = next((a for a in c.all("Account") if a["AccountType"] == "Accounts Payable" and a["Active"]), None)
            if ap is None:
                raise business("The company has no accounts payable account", "APAccountRef")
        if ap["AccountType"] != "Accounts Payable":
            raise business(f"{ap['Name']} is not an accounts payable account", "APAccountRef")
        e["APAccountRef"] = self._named(ap, "Account")
        self._common(c, e)
        lines = self._lines(c, e, "AccountBasedExpenseLineDetail")
        tax = self._tax(c, e, lines, "AccountBasedExpenseLineDetail", lambda d: "Purchase")
        self._currency(c, e, ap)
        e["TotalAmt"] = sum((ln["Amount"] for ln in lines), Decimal(0)) + tax
        e["Balance"] = e["TotalAmt"]
        return e

    def _check_bill(self, c: Company, e: dict[str, Any], existing: dict | None) -> dict[str, Any]:
        e = self._payable(c, e, "Bill")
        e["DueDate"] = str(e.get("DueDate") or e["TxnDate"])
        return e

    def _check_vendorcredit(self, c: Company, e: dict[str, Any], existing: dict | None) -> dict[str, Any]:
        return self._payable(c, e, "VendorCredit")

    # ------------------------------------------------------------------------------ upload -----
    def _upload(self, req: Request, c: Company) -> Response:
        s = self.s
        if len(req.body) > s.max_upload_bytes:
            raise validation("6030", "Upload request size exceeds allowed limit",
                             f"The request is {len(req.body)} bytes; at most {s.max_upload_bytes} are allowed")
        ctype = req.header("Content-Type") or ""
        m = re.search(r'boundary="?([^";]+)"?', ctype)
        if not ctype.lower().startswith("multipart/form-data") or not m:
            raise validation("2010", "Request has invalid or unsupported property",
                             "An upload is multipart/form-data")
        parts = _multipart(req.body, m.group(1).encode())
        metas = {k[len("file_metadata_"):]: v for k, v in parts.items() if k.startswith("file_metadata_")}
        contents = {k[len("file_content_"):]: v for k, v in parts.items() if k.startswith("file_content_")}
        if not contents:
            raise validation("2020", "Required param missing, need to supply the required value for the API",
                             "The upload has no file_content_N part")
        out = []
        for n in sorted(contents):
            headers, data = contents[n]
            try:
                out.append({"Attachable": self._attach(c, n, metas.get(n), headers, data)})
            except QboFault as f:
                out.append({"Fault": f.fault()})
        return _json_response(self._envelope(AttachableResponse=out))

    def _attach(self, c: Company, n: str, meta_part, headers: dict[str, str], data: bytes) -> dict[str, Any]:
        s = self.s
        meta: dict[str, Any] = {}
        if meta_part is not None:
            try:
                meta = json.loads(meta_part[1] or b"{}")
            except ValueError:
                meta = None  # type: ignore[assignment]
        if not isinstance(meta, dict):
            raise validation("6040", "Invalid metadata", "The file_metadata part must be an Attachable")
        allowed = set(FIELDS["Attachable"]) | {"sparse", "domain"}
        if any(k not in allowed for k in meta):
            raise validation("6040", "Invalid metadata",
                             f"The file_metadata part must be an Attachable (unknown {sorted(set(meta) - allowed)[0]})")
        disposition = headers.get("content-disposition", "")
        fm = re.search(r'filename="([^"]*)"', disposition)
        filename = str(meta.get("FileName") or (fm.group(1) if fm else ""))
        if not filename:
            raise validation("2020", "Required param missing, need to supply the required value for the API",
                             "FileName is missing")
        if len(filename) > 1000:
            raise validation("2050", "String length is either shorter or longer than supported by specification",
                             "FileName: Max:1000")
        ext = filename.rsplit(".", 1)[1].lower() if "." in filename else ""
        if ext not in UPLOAD_TYPES:
            raise business(f"The file type .{ext or '(none)'} is not supported for attachments", "FileName")
        content_type = headers.get("content-type") or meta.get("ContentType") or "application/octet-stream"
        refs = meta.get("AttachableRef") or []
        checked_refs = []
        for r in refs:
            ent = (r or {}).get("EntityRef") or {}
            kind = ent.get("type")
            if kind not in ATTACHABLE_ENTITIES:
                raise validation("6050", "Invalid EntityRef type", f"Attachments cannot be linked to {kind!r}")
            target = c.get(kind, ent.get("value"))
            if target is None:
                raise invalid_ref(kind, ent, "AttachableRef.EntityRef")
            checked_refs.append({"EntityRef": {"value": target["Id"], "type": kind}, "IncludeOnSend": False})
        if s._corrupt_uploads > 0:
            s._corrupt_uploads -= 1
            data = data[:-1] + bytes([(data[-1] + 1) % 256]) if data else b"x"
        att: dict[str, Any] = {"Id": s.new_id(c), "SyncToken": "0", "domain": "QBO", "sparse": False,
                               "FileName": filename, "Size": len(data), "ContentType": content_type,
                               "Category": meta.get("Category") or ("Image" if content_type.startswith("image/")
                                                                    else "Document"),
                               "AttachableRef": checked_refs}
        if meta.get("Note"):
            att["Note"] = str(meta["Note"])[:2000]
        token = hashlib.sha256(f"{c.realm}/{att['Id']}/{s.seed}".encode()).hexdigest()[:24]
        att["FileAccessUri"] = f"/v3/company/{c.realm}/download/{att['Id']}"
        att["TempDownloadUri"] = f"{s.sandbox_url}/qbo-files/{c.realm}/{att['Id']}/{token}"
        s.stamp(att, created=True)
        c.entities["Attachable"][att["Id"]] = att
        c.files[att["Id"]] = data
        return copy.deepcopy(att)


def _multipart(body: bytes, boundary: bytes) -> dict[str, tuple[dict[str, str], bytes]]:
    """The parts of a multipart/form-data body by name: (headers in lower case, content)."""
    out: dict[str, tuple[dict[str, str], bytes]] = {}
    delimiter = b"--" + boundary
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break
        chunk = chunk[2:] if chunk.startswith(b"\r\n") else chunk
        head, _, content = chunk.partition(b"\r\n\r\n")
        if content.endswith(b"\r\n"):
            content = content[:-2]
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            k, _, v = line.partition(":")
            if k:
                headers[k.strip().lower()] = v.strip()
        m = re.search(r'name="([^"]+)"', headers.get("content-disposition", ""))
        if m:
            out[m.group(1)] = (headers, content)
    return out


def _entity_name(text: str) -> str | None:
    """``purchase`` / ``Purchase`` -> ``Purchase`` (the entities the emulator knows)."""
    low = text.lower()
    for name in FIELDS:
        if name.lower() == low:
            return name
    return None


class QboFilesApp:
    """``/qbo-files/{realm}/{attachable id}/{token}``: the bytes of an uploaded attachment (what a
    ``TempDownloadUri`` points at; not an API call, not counted against the limits)."""

    def __init__(self, state: QboState):
        self.s = state

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        req = Request(environ)
        parts = [p for p in req.path.split("/") if p]
        resp = Response(404, b"<Error><Code>NoSuchKey</Code></Error>", content_type="application/xml")
        if len(parts) == 3:
            with self.s.lock:
                c = self.s.companies.get(parts[0])
                att = c.get("Attachable", parts[1]) if c else None
                if att is not None and att["TempDownloadUri"].rsplit("/", 1)[-1] == parts[2]:
                    resp = Response(200, c.files[att["Id"]], content_type=att["ContentType"])
        return resp(environ, start_response)


# ============================================================================ mounting ==========
def mount_qbo(sandbox: Any, state: QboState | None = None) -> QboState:
    """Mount the emulator on a sandbox (``/qbo``, ``/qbo-oauth``, ``/qbo-files``); return its state."""
    state = state or QboState()
    state.sandbox_url = sandbox.url
    for prefix in ("/qbo", "/qbo-oauth", "/qbo-files"):
        if prefix in sandbox.mounts:
            sandbox.unmount(prefix)
    sandbox.mount("/qbo", QboApiApp(state))
    sandbox.mount("/qbo-oauth", QboOAuthApp(state))
    sandbox.mount("/qbo-files", QboFilesApp(state))
    return state


def unmount_qbo(sandbox: Any) -> None:
    for prefix in ("/qbo", "/qbo-oauth", "/qbo-files"):
        sandbox.unmount(prefix)


__all__ = ["QboState", "QboApiApp", "QboOAuthApp", "QboFilesApp", "mount_qbo", "unmount_qbo", "parse_query",
           "SANDBOX_CLIENT_ID", "SANDBOX_CLIENT_SECRET", "PRODUCTION_CLIENT_ID", "PRODUCTION_CLIENT_SECRET",
           "PRODUCTION_REDIRECT_URI", "FR_REALM", "US_REALM", "add_company", "FIELDS", "MAX_LENGTHS"]
