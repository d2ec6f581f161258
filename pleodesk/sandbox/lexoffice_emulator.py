"""An emulator of Lexware Office (lexoffice) for the sandbox, tests and benchmarks.

Mounted by the sandbox::

    sb.mount("/lexware", LexofficeApiApp(state))       # {url}/lexware/v1/...   (api.lexware.io)
    sb.mount("/lexware-app", LexofficeWebApp(state))   # /oauth2/authorize, /oauth2/token, /permalink/...

or in one go: ``state = mount_lexoffice(sb)``. Everything is in-process (``LexofficeState``; ``state.lock``
guards it) so tests can look inside.

There is no machine-readable specification of this API (``../shared/specs/lexoffice/SOURCES.md``): the
emulator is built from the documented rules of the reference page (developers.lexware.io/docs, as quoted
section by section in the research notes, part B). Each rule it enforces has an id in ``RULES``; the
tests name the rule each check comes from. Where the reference names no error key, the emulator's own
choice is marked "(emulator)".

The partner API (financial accounts, transactions, assignment hints, OAuth) is not public; its paths and
shapes follow the partner clients the research notes name (§B6) and are marked "(partner, unverified)".

Test controls (in-process): :meth:`LexofficeState.add_key` (scopes, expired, another company),
:meth:`LexofficeState.fail_next` (drop before/after, 500, 503, 504 before or after processing),
:meth:`LexofficeState.set_api_access` (a plan without API access: 402), ``time_scale`` and ``latency``.
"""

from __future__ import annotations

import base64
import collections
import hashlib
import html
import json
import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs, urlencode
from zoneinfo import ZoneInfo

from pleodesk.core import clock
from pleodesk.sandbox.faults import DropConnection, NextCallFaults
from pleodesk.sandbox.server import Request, Response, exact_json

BERLIN = ZoneInfo("Europe/Berlin")
DEMO_API_KEY = "lxsbx_demo_key_pleo_demo_gmbh_0001"
PARTNER_CLIENT_ID = "pleodesk-lexware-sandbox-partner"
PARTNER_CLIENT_SECRET = "sandbox-partner-secret"
DEFAULT_REDIRECT_PORTS = (53682, 53683, 53684)
ALL_SCOPES = frozenset({"profile.read", "vouchers.read", "vouchers.write", "contacts.read", "contacts.write",
                        "files.read", "files.write", "posting-categories.read", "voucherlist.read"})
PARTNER_SCOPES = frozenset({"financial-accounts.read", "financial-accounts.write", "financial-transactions.write",
                            "transaction-assignment-hint.write"})
VOUCHER_TAX_RATES = {Decimal(0), Decimal(5), Decimal(7), Decimal(16), Decimal(19)}
VOUCHER_TYPES = ("salesinvoice", "salescreditnote", "purchaseinvoice", "purchasecreditnote")
ACCOUNT_TYPES = ("GIRO", "SAVINGS", "FIXEDTERM", "SECURITIES", "LOAN", "CREDITCARD", "CASH", "PAYMENT_PROVIDER")
MAX_PAGE = 250
MAX_WINDOW = 10_000
MAX_FILE_BYTES = 5 * 1024 * 1024
FILE_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png"}
_TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_AMOUNT = re.compile(r"^-?\d+(\.\d{1,2})?$")

#: The rules the emulator enforces: id -> (where it is documented, what it says).
RULES: dict[str, tuple[str, str]] = {
    "gateway": ("§B1 Host", "only api.lexware.io serves /v1 (the old api.lexoffice.io is retired)"),
    "auth.401": ("§B1 Public API key; Error Codes", "no, wrong, revoked or expired key: 401 {\"message\": \"Unauthorized\"}"),
    "auth.402": ("HTTP Status Codes", "402 Payment Required: action not accessible due to a contract issue"),
    "auth.403": ("HTTP Status Codes", "403 Forbidden: authenticated but insufficient scope"),
    "rate": ("API Rate Limits", "token bucket of 2 requests a second across all endpoints; above it 429, not performed"),
    "timeout.504": ("HTTP Status Codes", "504 after 30 s: the request may have been processed"),
    "format.415": ("HTTP Status Codes", "POST and PUT need a Content-Type (application/json, multipart for files)"),
    "paging": ("Paging of Resources", "page from 0, size at most 250, at most 10,000 results"),
    "timestamp": ("§B2", "timestamps exactly yyyy-MM-ddTHH:mm:ss.SSSXXX, else 406"),
    "errors.legacy": ("Error Codes", "contacts, files and vouchers answer errors as IssueList"),
    "errors.regular": ("Error Codes", "profile, voucherlist (and the rest) answer errors as the regular error body"),
    "voucher.type": ("§B3", "type is salesinvoice, salescreditnote, purchaseinvoice or purchasecreditnote"),
    "voucher.status": ("§B3", "voucherStatus on create: absent, open or unchecked"),
    "voucher.required": ("§B3", "voucherNumber, voucherDate, totals required unless unchecked"),
    "voucher.dates": ("§B3", "voucherDate and dueDate yyyy-MM-dd; shippingDate for sales types only"),
    "voucher.taxtype": ("§B3", "taxType gross or net; net together with unchecked is prohibited"),
    "voucher.contact": ("§B3", "useCollectiveContact or an existing contactId; categories with contactRequired need a contact"),
    "voucher.items": ("§B3", "items {amount, taxAmount, taxRatePercent, categoryId} all required, ##.00"),
    "voucher.rates": ("§B3", "bookkeeping voucher tax rates are 0, 5, 7, 16 and 19"),
    "voucher.category": ("Posting Categories", "outgo categories for purchase vouchers, income for sales"),
    "voucher.split": ("Posting Categories", "splitAllowed false: one tax rate per category in a voucher"),
    "voucher.totals": ("§B3", "totalGrossAmount = sum of the items (gross), totalTaxAmount = sum of taxAmount"),
    "voucher.version": ("§B3, Optimistic Locking", "version on create omitted, 0 or 1; PUT needs the latest, else 409"),
    "voucher.readonly": ("§B3", "the contents must not contain read-only fields"),
    "voucher.put.files": ("§B3 (since 2023-07-05)", "a PUT that leaves out a file id deletes that file for good"),
    "voucher.put.status": ("§B2", "the only status change allowed is unchecked to open"),
    "files.types": ("§B4", "pdf, jpg, png (xml only with E-Rechnung), at most 5 MB; else 406"),
    "files.dedup": ("§B4", "a file already attached (same checksum) returns the existing id"),
    "files.upload": ("§B4", "POST /v1/files (type=voucher) makes a new voucher, unchecked"),
    "voucherlist.filters": ("§B2", "voucherType and voucherStatus are mandatory (any allowed)"),
    "contacts.create": ("§B2, §B7.3", "version 0 and roles with an empty vendor/customer object; company.name or person.lastName"),
    "contacts.name": ("§B2", "the name filter needs at least 3 characters"),
    "finance.batch": ("§B6 (partner, unverified)", "at most 25 transactions a request; externalReference unique per account"),
    "finance.hint": ("§B6 (partner, unverified)", "one assignment hint per voucher; externalReference and endToEndId not both"),
    "finance.partner": ("§B6", "financial accounts, transactions and hints only for partner connections"),
}


# ================================================================================ errors ==========
class LexApiError(Exception):
    def __init__(self, status: int, body: Any, headers: list[tuple[str, str]] | None = None):
        super().__init__(str(status))
        self.status = status
        self.body = body
        self.headers = headers or []

    def response(self) -> Response:
        return Response.json(self.body, self.status, self.headers)


def issues(status: int, *items: tuple[str, str | None], type_: str = "validation_failure") -> LexApiError:
    """The legacy error body: ``{"IssueList": [{i18nKey, source, type, additionalData, args}]}``."""
    return LexApiError(status, {"IssueList": [{"i18nKey": key, "source": src, "type": type_, "additionalData": None,
                                               "args": None} for key, src in items]})


_PHRASES = {400: "Bad Request", 402: "Payment Required", 404: "Not Found", 406: "Not Acceptable", 409: "Conflict",
            415: "Unsupported Media Type"}


def regular(status: int, path: str, message: str, details: list[tuple[str, str, str]] = ()) -> LexApiError:
    """The regular error body: ``{timestamp, status, error, path, traceId, message, details}``."""
    return LexApiError(status, {"timestamp": ts(clock.now()), "status": status,
                                "error": _PHRASES.get(status, "Error"), "path": path,
                                "traceId": secrets.token_hex(6), "message": message,
                                "details": [{"violation": v, "field": f, "message": m} for v, f, m in details]})


def gateway(status: int, message: str | None) -> LexApiError:
    return LexApiError(status, {"message": message})


def ts(dt: datetime) -> str:
    """lexoffice's timestamp: ``2026-08-14T09:30:00.123+02:00`` in German time."""
    local = dt.astimezone(BERLIN)
    off = local.utcoffset() or timedelta(0)
    total = int(off.total_seconds())
    sign = "+" if total >= 0 else "-"
    total = abs(total)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + f".{local.microsecond // 1000:03d}{sign}{total // 3600:02d}:" \
                                                    f"{total % 3600 // 60:02d}"


def day_ts(d: date) -> str:
    return ts(datetime(d.year, d.month, d.day, tzinfo=BERLIN))


def _num(value: Any) -> Decimal | None:
    """A JSON amount in the format ##.00 (at most two decimals), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
        return None
    text = f"{value:f}" if isinstance(value, Decimal) else str(value)
    if not _AMOUNT.match(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _json(obj: Any, status: int = 200, headers: list[tuple[str, str]] | None = None) -> Response:
    return Response(status, exact_json(obj), headers, "application/json")


# ================================================================================ state ===========
@dataclass
class ApiKey:
    key: str
    org_id: str
    scopes: frozenset[str]
    expires_at: datetime
    revoked: bool = False
    partner: bool = False
    client_id: str | None = None


@dataclass
class Org:
    id: str
    company_name: str
    tax_type: str = "net"
    small_business: bool = False
    api_access: bool = True
    categories: list[dict[str, Any]] = field(default_factory=list)
    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    vouchers: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)
    transactions: dict[str, dict[str, Any]] = field(default_factory=dict)
    hints: dict[str, dict[str, Any]] = field(default_factory=dict)      # voucher id -> hint
    next_vendor_number: int = 70001
    deleted_files: list[str] = field(default_factory=list)

    def category(self, cid: str) -> dict[str, Any] | None:
        return next((c for c in self.categories if c["id"] == cid), None)


@dataclass
class _Bucket:
    tokens: float
    at: float


class LexofficeState:
    """Everything the emulator knows. Thread-safe through ``lock``."""

    def __init__(self, *, time_scale: float = 1.0, per_second: float = 2.0, burst: float = 2.0,
                 latency: float = 0.0, max_file_bytes: int = MAX_FILE_BYTES,
                 redirect_ports: Iterable[int] = DEFAULT_REDIRECT_PORTS) -> None:
        self.lock = threading.RLock()
        self.time_scale = time_scale
        self.per_second = per_second
        self.burst = burst
        self.latency = latency
        self.max_file_bytes = max_file_bytes
        self._t0 = time.monotonic()
        self._offset = 0.0
        self.orgs: dict[str, Org] = {}
        self.keys: dict[str, ApiKey] = {}
        self.buckets: dict[str, _Bucket] = {}
        self.faults = NextCallFaults()
        #: (method, path, status, emulator time) of every API call that reached the emulator
        self.requests: list[tuple[str, str, int, float]] = []
        self.refused_429 = 0
        self.partner_clients: dict[str, dict[str, Any]] = {}
        self.codes: dict[str, dict[str, Any]] = {}
        self.refresh_tokens: dict[str, dict[str, Any]] = {}
        ports = tuple(redirect_ports)
        self.register_partner(PARTNER_CLIENT_ID, PARTNER_CLIENT_SECRET,
                              {f"http://{h}:{p}/callback" for p in ports for h in ("127.0.0.1", "localhost")})
        seed_demo(self)

    # ----------------------------------------------------------------------------- clock --------
    def now(self) -> float:
        """Seconds on lexoffice's clock (scaled by ``time_scale``, plus ``advance``)."""
        return (time.monotonic() - self._t0) * self.time_scale + self._offset

    def advance(self, seconds: float) -> None:
        with self.lock:
            self._offset += seconds

    @property
    def demo(self) -> Org:
        return next(iter(self.orgs.values()))

    # ----------------------------------------------------------------------------- controls -----
    def add_org(self, name: str, *, org_id: str | None = None, **kw: Any) -> Org:
        with self.lock:
            oid = org_id or str(uuid.uuid5(uuid.NAMESPACE_URL, f"lexoffice-sandbox/{name}"))
            org = Org(oid, name, **kw)
            self.orgs[oid] = org
            return org

    def add_key(self, org: Org | None = None, *, scopes: Iterable[str] | None = None, expired: bool = False,
                key: str | None = None) -> str:
        """A public API key of ``org`` (default: the demo company) with ``scopes`` (default: all)."""
        with self.lock:
            org = org or self.demo
            k = key or "lxsbx_" + secrets.token_hex(16)
            life = timedelta(days=-1) if expired else timedelta(days=730)
            self.keys[k] = ApiKey(k, org.id, frozenset(ALL_SCOPES if scopes is None else scopes),
                                  clock.now() + life)
            return k

    def revoke_key(self, key: str) -> None:
        with self.lock:
            self.keys[key].revoked = True

    def set_api_access(self, org: Org, allowed: bool) -> None:
        """A plan with (True) or without (False: every call 402) the Public API."""
        with self.lock:
            org.api_access = allowed

    def fail_next(self, path_contains: str, mode: str, *, method: str | None = None, count: int = 1) -> None:
        """The next ``count`` calls whose path contains ``path_contains``: ``drop_before`` (closed, nothing
        done), ``drop_after`` (done, then closed without an answer), ``500``/``503`` (nothing done),
        ``504_before`` (timed out, nothing done), ``504_after`` (done, then the gateway's 504)."""
        self.faults.add(path_contains, mode, method=method, count=count)

    def register_partner(self, client_id: str, secret: str, redirect_uris: Iterable[str]) -> None:
        with self.lock:
            self.partner_clients[client_id] = {"secret": secret, "redirect_uris": set(redirect_uris)}

    # ----------------------------------------------------------------------------- views --------
    def vouchers(self, org: Org | None = None) -> list[dict[str, Any]]:
        with self.lock:
            return [dict(v) for v in (org or self.demo).vouchers.values()]

    def vouchers_by_number(self, org: Org | None = None) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
        for v in self.vouchers(org):
            out[v.get("voucherNumber") or ""].append(v)
        return dict(out)

    def files_of(self, voucher_id: str, org: Org | None = None) -> list[dict[str, Any]]:
        with self.lock:
            o = org or self.demo
            return [o.files[f] for f in o.vouchers[voucher_id].get("files") or () if f in o.files]

    def suggestions(self, org: Org | None = None) -> list[tuple[str, str]]:
        """"Zuordnungsvorschläge": (voucher id, transaction id) of every hint whose transaction arrived."""
        with self.lock:
            o = org or self.demo
            by_ref = {t["externalReference"]: t["id"] for t in o.transactions.values()}
            return [(vid, by_ref[h["externalReference"]]) for vid, h in o.hints.items()
                    if h["externalReference"] in by_ref]

    def calls(self, method: str | None = None, contains: str = "") -> int:
        with self.lock:
            return sum(1 for m, p, _s, _t in self.requests if (method is None or m == method) and contains in p)


# ================================================================================ seed ============
#: The demo company's expense categories: name, group, contactRequired, splitAllowed. Named as Lexware
#: Office names its posting categories; the Pleo demo company's German categories (SKR03 numbers) carry
#: the same names, so Pleo mirrors these accounts as the help article describes.
DEMO_CATEGORIES = (
    ("Reisekosten Arbeitnehmer", "Reisekosten", False, True),
    ("Fahrtkosten", "Reisekosten", False, True),
    ("Kilometergelderstattung", "Reisekosten", False, True),
    ("Verpflegungsmehraufwand", "Reisekosten", False, True),
    ("Bewirtungskosten", "Bewirtung", False, True),
    ("Software und Lizenzen", "Bürokosten", False, True),
    ("Bürobedarf", "Bürokosten", False, False),
    ("Porto", "Bürokosten", False, False),
    ("Werbekosten", "Werbung", False, True),
    ("Telefon und Internet", "Kommunikation", False, True),
    ("Fortbildungskosten", "Personal", False, True),
    ("Nebenkosten des Geldverkehrs", "Geldverkehr", False, True),
    ("Bargeldabhebung", "Geldverkehr", False, True),
    ("Fremdleistungen", "Fremdleistungen", True, False),
    ("Geringwertige Wirtschaftsgüter", "Anlagevermögen", False, False),
    ("Kfz-Kosten", "Fahrzeug", False, True),
)
INCOME_CATEGORIES = (("Einnahmen", "Einnahmen"), ("Warenverkäufe", "Einnahmen"), ("Dienstleistungen", "Einnahmen"))
DEMO_VENDORS = ("DB Fernverkehr AG", "Lufthansa", "Telekom Deutschland GmbH")


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "lexoffice-sandbox/" + "/".join(parts)))


def seed_demo(state: LexofficeState) -> None:
    org = state.add_org("Pleo Demo GmbH", org_id="aa93e8a8-2aa3-470b-b914-caad8a255dd8", tax_type="net")
    for name, group, contact, split in DEMO_CATEGORIES:
        org.categories.append({"id": _uuid("category", name), "name": name, "type": "outgo",
                               "contactRequired": contact, "splitAllowed": split, "groupName": group})
    for name, group in INCOME_CATEGORIES:
        org.categories.append({"id": _uuid("category", name), "name": name, "type": "income",
                               "contactRequired": False, "splitAllowed": True, "groupName": group})
    for name in DEMO_VENDORS:
        _new_contact(org, {"version": 0, "roles": {"vendor": {}}, "company": {"name": name}})
    old = _new_contact(org, {"version": 0, "roles": {"vendor": {}}, "company": {"name": "Alter Lieferant GmbH"}})
    old["archived"] = True
    _new_contact(org, {"version": 0, "roles": {"customer": {}}, "company": {"name": "Musterkunde AG"}})
    state.add_key(org, key=DEMO_API_KEY)


def _new_contact(org: Org, body: dict[str, Any]) -> dict[str, Any]:
    cid = str(uuid.uuid4())
    roles: dict[str, Any] = {}
    if "customer" in body["roles"]:
        roles["customer"] = {"number": 10000 + len(org.contacts) + 1}
    if "vendor" in body["roles"]:
        roles["vendor"] = {"number": org.next_vendor_number}
        org.next_vendor_number += 1
    c = {"id": cid, "organizationId": org.id, "version": 1, "roles": roles, "archived": False}
    for k in ("company", "person", "note"):
        if body.get(k) is not None:
            c[k] = body[k]
    org.contacts[cid] = c
    return c


# ================================================================================ the API =========
class LexofficeApiApp:
    """``/lexware``: ``/v1/...`` as ``https://api.lexware.io`` serves it."""

    def __init__(self, state: LexofficeState):
        self.s = state

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        req = Request(environ)
        s = self.s
        fault = s.faults.take(req.method, req.path)
        if fault == "drop_before":
            raise DropConnection()
        if fault in ("500", "503"):
            body = {"message": None} if fault == "500" else {"message": "Service Unavailable"}
            return _json(body, int(fault))(environ, start_response)
        if fault == "504_before":
            return _json({"message": "Endpoint request timed out"}, 504)(environ, start_response)
        try:
            key, org = self._authenticate(req)
            self._admit(key)
            if s.latency:
                time.sleep(s.latency / s.time_scale)
            with s.lock:
                resp = self._route(req, key, org)
        except LexApiError as err:
            resp = err.response()
        with s.lock:
            s.requests.append((req.method, req.path, resp.status, s.now()))
        if fault == "drop_after":
            raise DropConnection()
        if fault == "504_after":
            return _json({"message": "Endpoint request timed out"}, 504)(environ, start_response)
        return resp(environ, start_response)

    # ------------------------------------------------------------------------------ gateway ----
    def _authenticate(self, req: Request) -> tuple[ApiKey, Org]:
        """Rules ``auth.401``, ``auth.402``."""
        s = self.s
        auth = req.header("Authorization") or ""
        token = auth[7:].strip() if auth.startswith("Bearer ") else ""
        with s.lock:
            key = s.keys.get(token)
            if key is None or key.revoked or key.expires_at < clock.now():
                raise gateway(401, "Unauthorized")
            org = s.orgs[key.org_id]
            if not org.api_access:
                raise regular(402, req.path, "Action not accessible due to a lexoffice contract issue.")
            return key, org

    def _admit(self, key: ApiKey) -> None:
        """Rule ``rate``: a token bucket of ``per_second`` (``burst`` deep) per key; a refused call is
        not performed."""
        s = self.s
        with s.lock:
            now = s.now()
            b = s.buckets.get(key.key)
            if b is None:
                b = s.buckets[key.key] = _Bucket(s.burst, now)
            b.tokens = min(s.burst, b.tokens + (now - b.at) * s.per_second)
            b.at = now
            if b.tokens < 1:
                s.refused_429 += 1
                raise gateway(429, "Rate limit exceeded")
            b.tokens -= 1

    @staticmethod
    def _scope(key: ApiKey, scope: str) -> None:
        """Rule ``auth.403``."""
        if scope not in key.scopes:
            raise gateway(403, f"Forbidden: the key lacks the permission {scope}")

    @staticmethod
    def _json_body(req: Request, legacy: bool) -> Any:
        """Rule ``format.415``; a body that is not JSON is a 400."""
        if req.content_type != "application/json":
            raise (issues(415, ("unsupported_media_type", None), type_="bad_request_error") if legacy else
                   regular(415, req.path, "Content-Type must be application/json"))
        try:
            return json.loads(req.body or b"null", parse_float=Decimal)
        except ValueError:
            raise (issues(400, ("bad_request_error", None), type_="bad_request_error") if legacy else
                   regular(400, req.path, "Malformed JSON")) from None

    @staticmethod
    def _page(req: Request, legacy: bool) -> tuple[int, int]:
        """Rule ``paging``."""
        try:
            page = int(req.arg("page") or 0)
            size = int(req.arg("size") or 25)
        except ValueError:
            raise regular(400, req.path, "page and size must be numbers") from None
        if page < 0 or not 1 <= size <= MAX_PAGE:
            if legacy:
                raise issues(400, ("bad_request_error", f"size must be between 1 and {MAX_PAGE}"),
                             type_="bad_request_error")
            raise regular(400, req.path, f"size must be between 1 and {MAX_PAGE}")
        if (page + 1) * size > MAX_WINDOW:
            raise regular(400, req.path, "Maximum search window size exceeded")
        return page, size

    @staticmethod
    def _paged(items: list[dict[str, Any]], page: int, size: int, sort: list | None = None) -> dict[str, Any]:
        total = len(items)
        chunk = items[page * size:(page + 1) * size]
        pages = max(1, -(-total // size))
        return {"content": chunk, "first": page == 0, "last": page >= pages - 1, "totalPages": pages,
                "totalElements": total, "numberOfElements": len(chunk), "size": size, "number": page,
                "sort": sort or []}

    def _route(self, req: Request, key: ApiKey, org: Org) -> Response:
        path = req.path.rstrip("/") or "/"
        m, parts = req.method, path.strip("/").split("/")
        if not parts or parts[0] != "v1":
            raise gateway(403, "Resource not available. Possibly wrong Url or method.")
        rest = parts[1:]
        if rest == ["profile"] and m == "GET":
            self._scope(key, "profile.read")
            return self._profile(key, org)
        if rest == ["posting-categories"] and m == "GET":
            self._scope(key, "posting-categories.read")
            return _json(org.categories)
        if rest == ["contacts"] and m == "GET":
            self._scope(key, "contacts.read")
            return self._list_contacts(req, org)
        if rest == ["contacts"] and m == "POST":
            self._scope(key, "contacts.write")
            return self._create_contact(req, org)
        if len(rest) == 2 and rest[0] == "contacts" and m == "GET":
            self._scope(key, "contacts.read")
            c = org.contacts.get(rest[1])
            if c is None:
                raise issues(404, ("not_found", "id"))
            return _json(c)
        if rest == ["vouchers"] and m == "POST":
            self._scope(key, "vouchers.write")
            return self._create_voucher(req, org)
        if len(rest) == 2 and rest[0] == "vouchers" and m == "GET":
            self._scope(key, "vouchers.read")
            return _json(self._voucher_view(org, self._voucher(org, rest[1])))
        if len(rest) == 2 and rest[0] == "vouchers" and m == "PUT":
            self._scope(key, "vouchers.write")
            return self._update_voucher(req, org, rest[1])
        if len(rest) == 3 and rest[0] == "vouchers" and rest[2] == "files" and m == "POST":
            self._scope(key, "files.write")
            return self._upload(req, org, rest[1])
        if rest == ["files"] and m == "POST":
            self._scope(key, "files.write")
            return self._upload(req, org, None)
        if len(rest) == 2 and rest[0] == "files" and m == "GET":
            self._scope(key, "files.read")
            f = org.files.get(rest[1])
            if f is None:
                raise issues(404, ("not_found", "id"))
            return Response(200, f["data"], [("Content-Disposition", f'attachment; filename="{f["name"]}"')],
                            f["mime"])
        if rest == ["voucherlist"] and m == "GET":
            self._scope(key, "vouchers.read")
            return self._voucherlist(req, org)
        if rest[:1] in (["finance"], ["transaction-assignment-hint"]):
            return self._finance(req, key, org, rest)
        raise gateway(403, "Resource not available. Possibly wrong Url or method.")

    # ------------------------------------------------------------------------------ profile ----
    def _profile(self, key: ApiKey, org: Org) -> Response:
        return _json({"organizationId": org.id, "companyName": org.company_name,
                      "created": {"userId": _uuid("user", org.id), "userName": "Frau Anna Vos",
                                  "userEmail": "anna.vos@pleo-demo.de", "date": ts(datetime(2025, 1, 6, 9,
                                                                                            tzinfo=timezone.utc))},
                      "connectionId": _uuid("connection", key.key), "features": ["cashbox"],
                      "businessFeatures": ["INVOICING", "BOOKKEEPING"], "subscriptionStatus": "active",
                      "taxType": org.tax_type, "smallBusiness": org.small_business,
                      "distanceSalesPrinciple": "ORIGIN"})

    # ------------------------------------------------------------------------------ contacts ---
    def _list_contacts(self, req: Request, org: Org) -> Response:
        page, size = self._page(req, legacy=True)
        items = sorted(org.contacts.values(), key=lambda c: _contact_name(c).casefold())
        for role in ("vendor", "customer"):
            want = req.arg(role)
            if want is not None:
                items = [c for c in items if (role in c["roles"]) == (want == "true")]
        name = req.arg("name")
        if name is not None:
            if not 3 <= len(name) <= 255:
                raise issues(400, ("bad_request_error", "size must be between 3 and 255"),
                             type_="bad_request_error")                          # rule contacts.name
            pattern = re.escape(html.unescape(name).casefold()).replace("%", ".*").replace("_", ".")
            items = [c for c in items if re.search(pattern, _contact_name(c).casefold())]
        return _json(self._paged(items, page, size, [{"direction": "ASC", "property": "name"}]))

    def _create_contact(self, req: Request, org: Org) -> Response:
        """Rule ``contacts.create``."""
        body = self._json_body(req, legacy=True)
        if not isinstance(body, dict):
            raise issues(400, ("bad_request_error", None), type_="bad_request_error")
        errs: list[tuple[str, str]] = []
        if body.get("version") is None:
            errs.append(("missing_entity", "version"))
        elif body.get("version") != 0:
            errs.append(("invalid_value", "version"))
        roles = body.get("roles")
        if not isinstance(roles, dict) or not (isinstance(roles.get("vendor"), dict) or
                                               isinstance(roles.get("customer"), dict)):
            errs.append(("missing_entity", "roles.customer or roles.vendor"))
        company, person = body.get("company"), body.get("person")
        if company is None and person is None:
            errs.append(("missing_entity", "company or person"))
        elif company is not None and person is not None:
            errs.append(("invalid_value", "company and person"))
        elif company is not None and not str((company or {}).get("name") or "").strip():
            errs.append(("missing_entity", "company.name"))
        elif person is not None and not str((person or {}).get("lastName") or "").strip():
            errs.append(("missing_entity", "person.lastName"))
        for k in ("id", "organizationId"):
            if k in body:
                errs.append(("read_only", k))
        if errs:
            raise issues(406, *errs)
        c = _new_contact(org, body)
        return _created(req, "contacts", c["id"], c["version"])

    # ------------------------------------------------------------------------------ vouchers ---
    def _voucher(self, org: Org, vid: str) -> dict[str, Any]:
        v = org.vouchers.get(vid)
        if v is None:
            raise issues(404, ("not_found", "id"))
        return v

    @staticmethod
    def _voucher_view(org: Org, v: dict[str, Any]) -> dict[str, Any]:
        return {k: v[k] for k in v if not k.startswith("_")}

    def _check_voucher(self, org: Org, body: Any, *, creating: bool, current: dict | None = None) -> dict:
        """Rules ``voucher.*``. Returns the voucher's fields as stored, or raises the 406 IssueList."""
        if not isinstance(body, dict):
            raise issues(400, ("bad_request_error", None), type_="bad_request_error")
        errs: list[tuple[str, str]] = []
        if creating:
            for k in ("id", "organizationId", "createdDate", "updatedDate"):
                if k in body:
                    errs.append(("read_only", k))                               # rule voucher.readonly
        vtype = body.get("type")
        if vtype not in VOUCHER_TYPES:
            errs.append(("missing_entity" if vtype is None else "invalid_value", "type"))   # voucher.type
        status = body.get("voucherStatus")
        if creating and status not in (None, "open", "unchecked"):
            errs.append(("invalid_value", "voucherStatus"))                     # voucher.status
        if not creating and current is not None and status != current["voucherStatus"] and not (
                current["voucherStatus"] == "unchecked" and status == "open"):
            errs.append(("invalid_status_change", "voucherStatus"))            # voucher.put.status
        unchecked = (status or "open") == "unchecked"
        for k in ("voucherNumber", "voucherDate", "totalGrossAmount", "totalTaxAmount"):
            if body.get(k) in (None, "") and not unchecked:
                errs.append(("missing_entity", k))                             # voucher.required
        dates: dict[str, date] = {}
        for k in ("voucherDate", "dueDate", "shippingDate"):
            val = body.get(k)
            if val in (None, ""):
                continue
            if not isinstance(val, str) or not _DATE.match(val):
                errs.append(("invalid_date", k))                               # voucher.dates
                continue
            try:
                dates[k] = date.fromisoformat(val)
            except ValueError:
                errs.append(("invalid_date", k))
        if "shippingDate" in body and body["shippingDate"] is not None and str(vtype).startswith("purchase"):
            errs.append(("invalid_value", "shippingDate"))
        tax_type = body.get("taxType")
        if tax_type not in ("gross", "net"):
            errs.append(("missing_entity" if tax_type is None else "invalid_value", "taxType"))   # voucher.taxtype
        elif tax_type == "net" and unchecked:
            errs.append(("invalid_value", "taxType"))
        collective = body.get("useCollectiveContact") is True
        contact = None
        if not collective:
            cid = body.get("contactId")
            if not cid:
                errs.append(("missing_entity", "contactId"))                   # voucher.contact
            else:
                contact = org.contacts.get(str(cid))
                role = "vendor" if str(vtype).startswith("purchase") else "customer"
                if contact is None or contact.get("archived"):
                    errs.append(("invalid_value", "contactId"))
                elif role not in contact["roles"]:
                    errs.append(("contact_role_mismatch", "contactId"))
        version = body.get("version")
        if creating and version not in (None, 0, 1):
            errs.append(("invalid_value", "version"))                          # voucher.version
        items = body.get("voucherItems")
        rates_by_cat: dict[str, set[Decimal]] = collections.defaultdict(set)
        gross_sum = tax_sum = Decimal(0)
        stored_items = []
        if not isinstance(items, list) or (not items and not unchecked):
            errs.append(("missing_entity", "voucherItems"))                    # voucher.items
            items = []
        for i, it in enumerate(items):
            src = f"voucherItems[{i}]"
            if not isinstance(it, dict):
                errs.append(("invalid_value", src))
                continue
            amount, tax, rate = _num(it.get("amount")), _num(it.get("taxAmount")), _num(it.get("taxRatePercent"))
            for name_, val in (("amount", amount), ("taxAmount", tax), ("taxRatePercent", rate)):
                if val is None:
                    errs.append(("missing_entity" if it.get(name_) is None else "invalid_value", f"{src}.{name_}"))
            if rate is not None and rate not in VOUCHER_TAX_RATES:
                errs.append(("invalid_tax_rate", f"{src}.taxRatePercent"))       # voucher.rates
            if rate == 0 and tax not in (None, Decimal(0)):
                errs.append(("invalid_value", f"{src}.taxAmount"))
            cat = org.category(str(it.get("categoryId") or ""))
            want = "outgo" if str(vtype).startswith("purchase") else "income"
            if not it.get("categoryId"):
                errs.append(("missing_entity", f"{src}.categoryId"))
            elif cat is None or cat["type"] != want:
                errs.append(("invalid_category", f"{src}.categoryId"))         # voucher.category
            else:
                if rate is not None:
                    rates_by_cat[cat["id"]].add(rate)
                if cat["contactRequired"] and collective:
                    errs.append(("contact_required", f"{src}.categoryId"))     # voucher.contact
            if amount is not None and tax is not None:
                if abs(tax) > abs(amount):
                    errs.append(("invalid_value", f"{src}.taxAmount"))
                gross_sum += amount + (tax if tax_type == "net" else 0)
                tax_sum += tax
            stored_items.append({"amount": amount, "taxAmount": tax, "taxRatePercent": rate,
                                 "categoryId": it.get("categoryId")})
        for cid, rates in rates_by_cat.items():
            cat = org.category(cid)
            if len(rates) > 1 and cat is not None and not cat["splitAllowed"]:
                errs.append(("split_not_allowed", f"voucherItems.categoryId {cid}"))   # voucher.split
        for k, want_sum in (("totalGrossAmount", gross_sum), ("totalTaxAmount", tax_sum)):
            if body.get(k) in (None, "") and unchecked:
                continue
            got = _num(body.get(k))
            if got is None:
                if body.get(k) is not None:
                    errs.append(("invalid_value", k))
            elif got != want_sum:
                errs.append(("invalid_total", k))                              # voucher.totals
        files = body.get("files")
        if creating and files:
            errs.append(("invalid_value", "files"))
        if errs:
            raise issues(406, *errs)
        return {"type": vtype, "voucherStatus": status or "open", "voucherNumber": body.get("voucherNumber"),
                "voucherDate": day_ts(dates["voucherDate"]) if "voucherDate" in dates else None,
                "dueDate": day_ts(dates.get("dueDate") or dates["voucherDate"]) if "voucherDate" in dates else None,
                "totalGrossAmount": _num(body.get("totalGrossAmount")),
                "totalTaxAmount": _num(body.get("totalTaxAmount")), "taxType": tax_type,
                "useCollectiveContact": collective, "contactId": None if collective else str(body.get("contactId")),
                "contactName": (body.get("contactName") if collective else _contact_name(contact or {})) or
                               ("Sammellieferant" if collective else ""),
                "remark": body.get("remark"), "voucherItems": stored_items}

    def _create_voucher(self, req: Request, org: Org) -> Response:
        body = self._json_body(req, legacy=True)
        fields_ = self._check_voucher(org, body, creating=True)
        vid = str(uuid.uuid4())
        now = ts(clock.now())
        v = {"id": vid, "organizationId": org.id, **fields_, "files": [], "createdDate": now, "updatedDate": now,
             "version": 1}
        org.vouchers[vid] = v
        return _created(req, "vouchers", vid, 1, now)

    def _update_voucher(self, req: Request, org: Org, vid: str) -> Response:
        """Rules ``voucher.version`` (409), ``voucher.put.files``, ``voucher.put.status``."""
        v = self._voucher(org, vid)
        body = self._json_body(req, legacy=True)
        if not isinstance(body, dict):
            raise issues(400, ("bad_request_error", None), type_="bad_request_error")
        if body.get("version") != v["version"]:
            raise issues(409, ("conflict", "version"), type_="conflict")
        fields_ = self._check_voucher(org, body, creating=False, current=v)
        keep = [f for f in (body.get("files") or []) if f in v["files"]]
        for f in v["files"]:
            if f not in keep:
                org.files.pop(f, None)
                org.deleted_files.append(f)
        now = ts(clock.now())
        v.update(fields_)
        v.update(files=keep, updatedDate=now, version=v["version"] + 1)
        return _json({"id": vid, "resourceUri": f"https://api.lexware.io/v1/vouchers/{vid}",
                      "createdDate": v["createdDate"], "updatedDate": now, "version": v["version"]})

    # ------------------------------------------------------------------------------ files ------
    def _upload(self, req: Request, org: Org, vid: str | None) -> Response:
        """Rules ``files.types``, ``files.dedup``, ``files.upload``."""
        if vid is not None:
            v = self._voucher(org, vid)
        if req.content_type != "multipart/form-data":
            raise issues(415, ("unsupported_media_type", None), type_="bad_request_error")
        parts = _multipart(req)
        f = parts.get("file")
        if f is None or not f[1]:
            raise issues(500 if vid is None else 406, ("missing_entity", "file"), type_="technical_error")
        filename, data, _ctype = f
        if vid is None:
            upload_type = (parts.get("type") or (None, b"", None))[1].decode("utf-8", "replace")
            if upload_type != "voucher":
                raise issues(400, ("bad_request_error", "type"), type_="bad_request_error")
        ext = (filename or "").rsplit(".", 1)[-1].lower() if "." in (filename or "") else ""
        mime = FILE_TYPES.get(ext)
        if mime is None or not _content_is(mime, data):
            raise issues(406, ("inacceptable_file_extension", "file"))
        if len(data) > self.s.max_file_bytes:
            raise issues(406, ("file_too_large", "file"))                       # emulator's key
        sha = hashlib.sha256(data).hexdigest()
        if vid is not None:
            for fid in v["files"]:
                if org.files.get(fid, {}).get("sha256") == sha:
                    return _json({"id": fid}, 202)
        else:
            for fid, rec in org.files.items():
                if rec["sha256"] == sha and rec.get("uploaded"):
                    return _json({"id": fid, "voucherId": rec["voucherId"]}, 202)
        fid = str(uuid.uuid4())
        if vid is None:
            # A file of its own becomes a voucher of its own, "unchecked" after the text recognition.
            vid = str(uuid.uuid4())
            now = ts(clock.now())
            org.vouchers[vid] = {"id": vid, "organizationId": org.id, "type": "purchaseinvoice",
                                 "voucherStatus": "unchecked", "voucherNumber": None, "voucherDate": None,
                                 "dueDate": None, "totalGrossAmount": None, "totalTaxAmount": None,
                                 "taxType": "gross", "useCollectiveContact": True, "contactId": None,
                                 "contactName": "", "remark": None, "voucherItems": [], "files": [],
                                 "createdDate": now, "updatedDate": now, "version": 1}
            v = org.vouchers[vid]
            org.files[fid] = {"id": fid, "name": filename, "mime": mime, "data": data, "sha256": sha,
                              "voucherId": vid, "uploaded": True}
            v["files"].append(fid)
            return _json({"id": fid, "voucherId": vid}, 202)
        org.files[fid] = {"id": fid, "name": filename, "mime": mime, "data": data, "sha256": sha, "voucherId": vid}
        v["files"].append(fid)
        v["version"] += 1
        v["updatedDate"] = ts(clock.now())
        return _json({"id": fid}, 202)

    # ------------------------------------------------------------------------------ voucherlist -
    def _voucherlist(self, req: Request, org: Org) -> Response:
        """Rules ``voucherlist.filters``, ``paging``."""
        types, statuses = req.arg("voucherType"), req.arg("voucherStatus")
        missing = [n for n, v in (("voucherType", types), ("voucherStatus", statuses)) if not v]
        if missing:
            raise regular(400, req.path, "Required request parameter is missing",
                          [("NOTNULL", n, "darf nicht leer sein") for n in missing])
        page, size = self._page(req, legacy=False)
        want_types = set(types.split(","))
        want_status = set(statuses.split(","))
        items = [v for v in org.vouchers.values() if v["type"] in want_types and
                 ("any" in want_status or v["voucherStatus"] in want_status)]
        number = req.arg("voucherNumber")
        if number is not None:
            items = [v for v in items if v.get("voucherNumber") == number]
        for arg, key, cmp in (("voucherDateFrom", "voucherDate", 1), ("voucherDateTo", "voucherDate", -1)):
            val = req.arg(arg)
            if val is None:
                continue
            if not _DATE.match(val):
                raise regular(400, req.path, f"{arg} must be yyyy-MM-dd")
            items = [v for v in items if v.get(key) and (v[key][:10] >= val if cmp > 0 else v[key][:10] <= val)]
        if req.arg("contactId"):
            items = [v for v in items if v.get("contactId") == req.arg("contactId")]
        items.sort(key=lambda v: (v.get("voucherDate") or "", v["createdDate"]), reverse=True)
        out = [{"id": v["id"], "voucherType": v["type"], "voucherStatus": v["voucherStatus"],
                "voucherNumber": v.get("voucherNumber"), "voucherDate": v.get("voucherDate"),
                "createdDate": v["createdDate"], "updatedDate": v["updatedDate"], "dueDate": v.get("dueDate"),
                "contactId": v.get("contactId"), "contactName": v.get("contactName"),
                "totalAmount": v.get("totalGrossAmount"), "openAmount": v.get("totalGrossAmount"),
                "currency": "EUR", "archived": False} for v in items]
        return _json(self._paged(out, page, size, [{"property": "voucherdate", "direction": "DESC"}]))

    # ------------------------------------------------------------------------------ partner ----
    def _finance(self, req: Request, key: ApiKey, org: Org, rest: list[str]) -> Response:
        """Rules ``finance.*`` (partner, unverified)."""
        if not key.partner:
            raise gateway(403, "Forbidden: this endpoint is available to partner connections only")
        m = req.method
        if rest == ["finance", "financial-accounts"] and m == "POST":
            self._scope(key, "financial-accounts.write")
            body = self._json_body(req, legacy=True)
            errs = []
            if not isinstance(body, dict):
                raise issues(400, ("bad_request_error", None), type_="bad_request_error")
            if not str(body.get("name") or "").strip():
                errs.append(("missing_entity", "name"))
            if body.get("type") not in ACCOUNT_TYPES:
                errs.append(("invalid_value", "type"))
            ref = body.get("externalReference")
            if ref and any(a.get("externalReference") == ref for a in org.accounts.values()):
                raise issues(409, ("duplicate_external_reference", "externalReference"), type_="conflict")
            if errs:
                raise issues(406, *errs)
            aid = str(uuid.uuid4())
            org.accounts[aid] = {"financialAccountId": aid, "name": body["name"], "type": body["type"],
                                 "accountSystem": body.get("accountSystem"), "externalReference": ref,
                                 "currency": body.get("currency") or "EUR", "createdDate": ts(clock.now()),
                                 "lockVersion": 0}
            return _json(org.accounts[aid], 201)
        if rest == ["finance", "accounts"] and m == "GET":
            self._scope(key, "financial-accounts.read")
            items = list(org.accounts.values())
            if req.arg("externalReference"):
                items = [a for a in items if a.get("externalReference") == req.arg("externalReference")]
            return _json(items)
        if rest == ["finance", "transactions"] and m == "POST":
            self._scope(key, "financial-transactions.write")
            return self._transactions(req, org)
        if rest == ["finance", "transactions"] and m == "GET":
            self._scope(key, "financial-accounts.read")
            items = [t for t in org.transactions.values()
                     if not req.arg("financialAccountId") or t["financialAccountId"] == req.arg("financialAccountId")]
            return _json(items)
        if rest == ["transaction-assignment-hint"] and m == "POST":
            self._scope(key, "transaction-assignment-hint.write")
            body = self._json_body(req, legacy=True)
            if not isinstance(body, dict) or not body.get("voucherId"):
                raise issues(406, ("missing_entity", "voucherId"))
            if body.get("externalReference") and body.get("endToEndId"):
                raise issues(406, ("invalid_value", "externalReference and endToEndId"))
            if not body.get("externalReference") and not body.get("endToEndId"):
                raise issues(406, ("missing_entity", "externalReference"))
            vid = str(body["voucherId"])
            self._voucher(org, vid)
            if vid in org.hints:
                raise issues(409, ("hint_already_exists", "voucherId"), type_="conflict")
            org.hints[vid] = {"voucherId": vid, "externalReference": body.get("externalReference"),
                              "endToEndId": body.get("endToEndId")}
            return _json(org.hints[vid], 201)
        raise gateway(403, "Resource not available. Possibly wrong Url or method.")

    def _transactions(self, req: Request, org: Org) -> Response:
        body = self._json_body(req, legacy=True)
        if not isinstance(body, list) or not body:
            raise issues(406, ("missing_entity", "transactions"))
        if len(body) > 25:
            raise issues(406, ("too_many_transactions", "transactions"))            # rule finance.batch
        errs: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for i, t in enumerate(body):
            src = f"[{i}]"
            if not isinstance(t, dict):
                errs.append(("invalid_value", src))
                continue
            acc = org.accounts.get(str(t.get("financialAccountId") or ""))
            if acc is None:
                errs.append(("invalid_value", f"{src}.financialAccountId"))
                continue
            for k in ("valueDate", "bookingDate"):
                if not isinstance(t.get(k), str) or not _TS.match(t[k]):
                    errs.append(("invalid_timestamp", f"{src}.{k}"))             # rule timestamp
            if t.get("transactionDate") is not None and (not isinstance(t["transactionDate"], str) or
                                                         not _TS.match(t["transactionDate"])):
                errs.append(("invalid_timestamp", f"{src}.transactionDate"))
            if _num(t.get("amount")) is None:
                errs.append(("invalid_value", f"{src}.amount"))
            if not str(t.get("purpose") or "").strip():
                errs.append(("missing_entity", f"{src}.purpose"))
            ref = t.get("externalReference")
            if ref:
                k2 = (acc["financialAccountId"], str(ref))
                if k2 in seen or any(x["financialAccountId"] == k2[0] and x.get("externalReference") == k2[1]
                                     for x in org.transactions.values()):
                    errs.append(("duplicate_external_reference", f"{src}.externalReference"))
                seen.add(k2)
        if errs:
            raise issues(406, *errs)
        out = []
        now = ts(clock.now())
        for t in body:
            tid = str(uuid.uuid4())
            org.transactions[tid] = {"id": tid, **{k: t.get(k) for k in (
                "financialAccountId", "valueDate", "bookingDate", "transactionDate", "amount", "purpose",
                "additionalInfo", "recipientOrSenderName", "externalReference")}, "createdDate": now, "lockVersion": 0}
            out.append({"id": tid, "externalReference": t.get("externalReference")})
        return _json(out, 201)


def _created(req: Request, what: str, rid: str, version: int, now: str | None = None) -> Response:
    now = now or ts(clock.now())
    uri = f"https://api.lexware.io/v1/{what}/{rid}"
    return _json({"id": rid, "resourceUri": uri, "createdDate": now, "updatedDate": now, "version": version}, 201,
                 [("Location", uri)])


def _contact_name(c: dict[str, Any]) -> str:
    if c.get("company"):
        return str(c["company"].get("name") or "")
    p = c.get("person") or {}
    return " ".join(x for x in (p.get("firstName"), p.get("lastName")) if x)


def _content_is(mime: str, data: bytes) -> bool:
    if mime == "application/pdf":
        return data.startswith(b"%PDF-")
    if mime == "image/png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    return data.startswith(b"\xff\xd8\xff")


def _multipart(req: Request) -> dict[str, tuple[str | None, bytes, str | None]]:
    """The parts of a multipart/form-data body: name -> (file name, bytes, content type)."""
    ctype = req.header("Content-Type") or ""
    msg = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + ctype.encode("latin-1") + b"\r\n\r\n" + req.body)
    out: dict[str, tuple[str | None, bytes, str | None]] = {}
    if not msg.is_multipart():
        return out
    for part in msg.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            out[str(name)] = (part.get_filename(), part.get_payload(decode=True) or b"", part.get_content_type())
    return out


# ================================================================================ the web app =====
class LexofficeWebApp:
    """``/lexware-app``: the partner sign-in (``/oauth2/authorize``, ``/oauth2/token``) and the pages the
    permanent links open (``/permalink/vouchers/view/{id}``)."""

    def __init__(self, state: LexofficeState):
        self.s = state

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        req = Request(environ)
        path = req.path.rstrip("/")
        try:
            with self.s.lock:
                if path == "/oauth2/authorize" and req.method == "GET":
                    resp = self.authorize(req)
                elif path == "/oauth2/token" and req.method == "POST":
                    resp = self.token(req)
                elif path.startswith("/permalink/vouchers/view/"):
                    resp = self.voucher_page(path.rsplit("/", 1)[-1])
                else:
                    resp = Response(404, b"not found", content_type="text/plain")
        except LexApiError as err:
            resp = err.response()
        return resp(environ, start_response)

    def authorize(self, req: Request) -> Response:
        client = self.s.partner_clients.get(req.arg("client_id") or "")
        redirect = req.arg("redirect_uri") or ""
        if client is None or redirect not in client["redirect_uris"]:
            return Response(400, b"unknown client or redirect_uri", content_type="text/plain")
        if req.arg("response_type") != "code":
            return Response(302, b"", [("Location", redirect + "?" + urlencode({"error": "unsupported_response_type",
                                                                                "state": req.arg("state") or ""}))])
        code = secrets.token_urlsafe(24)
        self.s.codes[code] = {"client_id": req.arg("client_id"), "redirect_uri": redirect,
                              "challenge": req.arg("code_challenge"), "org": self.s.demo.id,
                              "scopes": tuple((req.arg("scope") or "").split())}
        q = {"code": code}
        if req.arg("state") is not None:
            q["state"] = req.arg("state")
        return Response(302, b"", [("Location", redirect + "?" + urlencode(q))])

    def token(self, req: Request) -> Response:
        s = self.s
        auth = req.header("Authorization") or ""
        try:
            cid, _, secret = base64.b64decode(auth[6:]).decode().partition(":") if auth.startswith("Basic ") \
                else ("", "", "")
        except ValueError:
            cid, secret = "", ""
        client = s.partner_clients.get(cid)
        if client is None or client["secret"] != secret:
            return _json({"error": "invalid_client", "error_description": "client authentication failed"}, 401)
        form = {k: v[0] for k, v in parse_qs(req.body.decode("utf-8", "replace")).items()}
        grant = form.get("grant_type")
        if grant == "authorization_code":
            code = s.codes.pop(form.get("code", ""), None)
            if code is None or code["client_id"] != cid or code["redirect_uri"] != form.get("redirect_uri"):
                return _json({"error": "invalid_grant", "error_description": "unknown or used code"}, 400)
            if code["challenge"]:
                verifier = form.get("code_verifier", "")
                digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
                if digest != code["challenge"]:
                    return _json({"error": "invalid_grant", "error_description": "code_verifier mismatch"}, 400)
            org_id, scopes = code["org"], code["scopes"]
        elif grant == "refresh_token":
            rec = s.refresh_tokens.pop(form.get("refresh_token", ""), None)
            if rec is None or rec["client_id"] != cid:
                return _json({"error": "invalid_grant", "error_description": "unknown refresh token"}, 400)
            org_id, scopes = rec["org"], rec["scopes"]
        else:
            return _json({"error": "unsupported_grant_type"}, 400)
        access = "lxpartner_" + secrets.token_hex(16)
        granted = frozenset(scopes) & (ALL_SCOPES | PARTNER_SCOPES) or ALL_SCOPES | PARTNER_SCOPES
        s.keys[access] = ApiKey(access, org_id, granted | {"voucherlist.read"},
                                clock.now() + timedelta(hours=1), partner=True, client_id=cid)
        refresh = "lxrefresh_" + secrets.token_hex(16)
        s.refresh_tokens[refresh] = {"client_id": cid, "org": org_id, "scopes": scopes}
        return _json({"access_token": access, "refresh_token": refresh, "token_type": "Bearer", "expires_in": 3600,
                      "scope": " ".join(sorted(granted))})

    def voucher_page(self, vid: str) -> Response:
        v = next((o.vouchers[vid] for o in self.s.orgs.values() if vid in o.vouchers), None)
        if v is None:
            return Response(404, b"Beleg nicht gefunden", content_type="text/plain; charset=utf-8")
        body = (f"<html><body><h1>Beleg {html.escape(str(v.get('voucherNumber') or ''))}</h1>"
                f"<p>{html.escape(str(v.get('contactName') or ''))}: {v.get('totalGrossAmount')} EUR, "
                f"{html.escape(v['voucherStatus'])}</p></body></html>")
        return Response(200, body.encode("utf-8"), content_type="text/html; charset=utf-8")


# ================================================================================ mounting ========
def mount_lexoffice(sandbox: Any, state: LexofficeState | None = None) -> LexofficeState:
    """Mount the emulator on a sandbox (``/lexware`` and ``/lexware-app``, replacing what is there)."""
    state = state or LexofficeState()
    for prefix in ("/lexware", "/lexware-app"):
        if prefix in sandbox.mounts:
            sandbox.unmount(prefix)
    sandbox.mount("/lexware", LexofficeApiApp(state))
    sandbox.mount("/lexware-app", LexofficeWebApp(state))
    sandbox.lexoffice = state
    return state


__all__ = ["DEMO_API_KEY", "LexofficeApiApp", "LexofficeState", "LexofficeWebApp", "PARTNER_CLIENT_ID",
           "PARTNER_CLIENT_SECRET", "RULES", "mount_lexoffice"]
