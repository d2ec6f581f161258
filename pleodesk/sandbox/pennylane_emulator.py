"""An emulator of Pennylane's Company API v2 (the 2026 behaviour), for the sandbox.

Built field by field from Pennylane's OpenAPI definition (a copy lives outside the project, see
docs/pennylane.md): the same paths, parameters, request and answer shapes, errors ``{"error",
"status"}`` (401, 403, 404, 422) and ``{"message", "field", "code"}`` (400). The contract tests check
every request pleodesk sends and every answer given here against that definition.

Served under the sandbox's ``/pennylane/api/external/v2``; controls under ``/_sandbox/pennylane``.

What it enforces, as Pennylane does:

* **Tokens**: ``Authorization: Bearer <token>``; unknown or revoked: 401. Each token has scopes; an
  operation needs one of those its definition lists (``ledger_entries:all`` to create an entry...):
  403 otherwise. ``GET /me`` needs none.
* **The 2026 behaviour**: ``X-Use-2026-API-Changes`` or ``use_2026_api_changes``; both given and
  different: 400. Asking for the old behaviour: 400 (it was removed when the clean-up phase began).
* **Rate limit**: 25 calls per 5 seconds per token (fixed windows), ``ratelimit-limit``,
  ``ratelimit-remaining`` and ``ratelimit-reset`` (a Unix time) on every answer; over it, 429 with
  ``retry-after`` and the text ``Rate limit exceeded. Please retry in X seconds.`` ``time_scale`` runs
  the windows faster (tests and benchmarks).
* **Ledger entries**: lines must balance (422), name ledger accounts and a journal that exist (422),
  have a date in a fiscal year that is not closed or frozen (422), amounts as decimal strings (400).
  **No idempotency**: the same create sent twice makes two entries, as Pennylane does.
* **Cursor pagination**: ``limit`` (1 to 100; ledger accounts 1 to 1000), opaque ``cursor`` (a
  cursor from another list or query: 400), ``has_more``/``next_cursor``; the old page fields present and
  null. ``filter`` is a JSON array of ``{field, operator, value}`` on the fields each list allows.

Controls (``/_sandbox/pennylane``, not Pennylane's API)::

    GET  /_sandbox/pennylane                  the company, tokens, counts
    POST /_sandbox/pennylane/tokens           {"scopes": [...]} -> {"token": ...}
    POST /_sandbox/pennylane/revoke           {"token": ...} (default: the demo token)
    POST /_sandbox/pennylane/fiscal-years     {"year": 2026, "status": "closed"}
    POST /_sandbox/pennylane/time-scale       {"timeScale": 10}
"""

from __future__ import annotations

import base64
import email.parser
import email.policy
import hashlib
import json
import math
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from pleodesk.core import clock
from pleodesk.sandbox.server import ApiError, Request, Response, Router

API_PREFIX = "/api/external/v2"
ALL_SCOPES = ("journals:all", "journals:readonly", "ledger_accounts:all", "ledger_accounts:readonly",
              "ledger_entries:all", "ledger_entries:readonly", "file_attachments:all", "categories:readonly",
              "categories:all", "fiscal_years:readonly")
ATTACHMENT_TYPES = ("image/png", "image/jpeg", "image/tiff", "image/bmp", "image/gif", "application/pdf")
MAX_ATTACHMENT = 100 * 1024 * 1024
#: The currencies a ledger entry may be in (the ``currency`` enum of ``postLedgerEntries``).
CURRENCIES = frozenset((
    "EUR", "USD", "GBP", "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD",
    "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BYR", "BZD", "CAD",
    "CDF", "CHE", "CHF", "CLF", "CLP", "CNY", "COP", "CRC", "CUC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP",
    "DZD", "EGP", "ERN", "ETB", "FJD", "FKP", "GEL", "GGP", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD",
    "HNL", "HRK", "HTG", "HUF", "IDR", "ILS", "IMP", "INR", "IQD", "IRR", "ISK", "JEP", "JMD", "JOD", "JPY",
    "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LTL",
    "LVL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRO", "MRU", "MUR", "MVR", "MWK", "MXN",
    "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN",
    "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLL", "SLE",
    "SOS", "SRD", "STD", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
    "UAH", "UGX", "UYU", "UZS", "VEF", "VND", "VUV", "WST", "XAF", "XCD", "XDR", "XOF", "XPF", "YER", "ZAR",
    "ZMK", "ZMW", "ZWL",
))
_AMOUNT = re.compile(r"^(-?\d+(\.\d+)?)?$")
_CODES = ("InvalidDateFormat", "InvalidPattern", "NotExistRequiredKey", "NotAllowedKey", "InvalidType",
          "InvalidValue")


def _now_iso() -> str:
    return clock.now().isoformat(timespec="microseconds").replace("+00:00", "Z")


def _err(status: int, text: str, headers: list[tuple[str, str]] | None = None) -> ApiError:
    """Pennylane's ``{"error", "status"}`` (401, 403, 404, 422)."""
    return ApiError(status, "error", text, headers=headers, body={"error": text, "status": status})


def _bad(message: str, field_name: str | None = None, code: str = "InvalidValue") -> ApiError:
    body: dict[str, Any] = {"message": message, "code": code}
    if field_name:
        body["field"] = field_name
    return ApiError(400, "bad_request", message, body=body)


@dataclass
class Token:
    value: str
    scopes: tuple[str, ...]
    revoked: bool = False
    window_start: float = 0.0
    used: int = 0


@dataclass
class Line:
    id: int
    debit: Decimal
    credit: Decimal
    account_id: int
    label: str
    categories: list[tuple[int, str]] = field(default_factory=list)     # (category id, weight)


@dataclass
class Entry:
    id: int
    date: str
    label: str
    journal_id: int
    piece_number: str | None
    currency: str
    lines: list[Line]
    attachment_id: int | None
    created_at: str
    updated_at: str


class PennylaneState:
    """The company's books and the API's rules. Thread-safe (one lock)."""

    def __init__(self, *, seed: int = 1, time_scale: float = 1.0, per_window: int = 25, window: float = 5.0,
                 api_url: str = "http://127.0.0.1/pennylane" + API_PREFIX) -> None:
        from pleodesk.sandbox import demo_fr

        self.lock = threading.RLock()
        self.api_url = api_url.rstrip("/")
        self.time_scale = time_scale
        self.per_window = per_window
        self.base_window = window
        self.clock: Callable[[], float] = time.monotonic
        self.company = {"id": 4242, "name": demo_fr.COMPANY_NAME, "reg_no": demo_fr.SIREN}
        self.user = {"id": 77, "first_name": "Camille", "last_name": "Martin", "email": "camille.martin@societe-demo.fr",
                     "locale": "fr"}
        digest = hashlib.sha256(f"pennylane-sandbox:{seed}".encode()).hexdigest()
        self.token = f"pl_sbx_{digest[:40]}"
        self.tokens: dict[str, Token] = {self.token: Token(self.token, ALL_SCOPES)}
        self._ids = {"journal": 1000, "account": 5000, "entry": 70000, "line": 900000, "file": 3000,
                     "group": 20, "category": 400}
        self.journals: dict[int, dict] = {}
        for code, label, typ in (("HA", "Achats", "purchase"), ("BQ", "Banque", "bank"),
                                 ("OD", "Opérations diverses", "misc")):
            self._add_journal(code, label, typ)
        self.accounts: dict[int, dict] = {}
        self._add_account("512000", "Banque")
        for a in demo_fr.LEDGER["accounts"]:
            if a["code"] != "512100":          # the Pleo bank account: the setup creates it
                self._add_account(a["code"], a["name"])
        self._add_account("471000", "Compte d'attente")
        self._add_account("609000", "Ancien compte", enabled=False)
        self.entries: dict[int, Entry] = {}
        self.files: dict[int, dict] = {}
        self.groups: dict[int, dict] = {}
        self.categories: dict[int, dict] = {}
        for dim in demo_fr.LEDGER["dimensions"]:
            gid = self._next("group")
            self.groups[gid] = {"id": gid, "label": dim["name"], "created_at": _now_iso(), "updated_at": _now_iso()}
            for value in dim["values"]:
                cid = self._next("category")
                self.categories[cid] = {"id": cid, "label": value, "group": gid, "direction": "cash_out",
                                        "analytical_code": None, "created_at": _now_iso(), "updated_at": _now_iso()}
        self.fiscal_years = [{"id": 1 + i, "start": f"{y}-01-01", "finish": f"{y}-12-31",
                              "status": "closed" if y < 2025 else "open", "created_at": _now_iso(),
                              "updated_at": _now_iso()} for i, y in enumerate(range(2023, 2029))]
        self.calls = 0
        self.throttled = 0
        self.creates = 0
        #: Every call: (method, path, status, time.monotonic() of its answer), for benchmarks and tests.
        self.log: list[tuple[str, str, int, float]] = []
        #: Answers to lose *after* the call was done: (method, path suffix, how many). The caller gets no
        #: answer while Pennylane did the work (a lost answer), as happens when a connection drops late.
        self.lost_answers: list[list] = []

    # ------------------------------------------------------------------ data -----------------------
    def _next(self, kind: str) -> int:
        self._ids[kind] += 1
        return self._ids[kind]

    def _add_journal(self, code: str, label: str, typ: str = "misc") -> dict:
        jid = self._next("journal")
        self.journals[jid] = {"id": jid, "code": code, "label": label, "type": typ}
        return self.journals[jid]

    def _add_account(self, number: str, label: str, enabled: bool = True) -> dict:
        aid = self._next("account")
        now = _now_iso()
        self.accounts[aid] = {"id": aid, "number": number, "label": label, "vat_rate": "", "country_alpha2": "",
                              "enabled": enabled, "type": "general", "letterable": number.startswith(("40", "41", "42")),
                              "created_at": now, "updated_at": now}
        return self.accounts[aid]

    def account_by_number(self, number: str) -> dict | None:
        return next((a for a in self.accounts.values() if a["number"] == number), None)

    def journal_by_code(self, code: str) -> dict | None:
        return next((j for j in self.journals.values() if j["code"] == code), None)

    def new_token(self, scopes: tuple[str, ...] = ALL_SCOPES) -> str:
        with self.lock:
            value = f"pl_sbx_{hashlib.sha256(f'{self.token}:{len(self.tokens)}'.encode()).hexdigest()[:40]}"
            self.tokens[value] = Token(value, tuple(scopes))
            return value

    def lose_answers(self, method: str, path_suffix: str, count: int = 1) -> None:
        """The next ``count`` calls ``method`` on a path ending with ``path_suffix`` are done, but their
        answer never arrives (the connection is closed)."""
        with self.lock:
            self.lost_answers.append([method.upper(), path_suffix, count])

    def _lose(self, method: str, path: str) -> bool:
        for rule in self.lost_answers:
            if rule[2] > 0 and rule[0] == method and path.endswith(rule[1]):
                rule[2] -= 1
                return True
        return False

    def revoke(self, token: str | None = None) -> None:
        with self.lock:
            self.tokens[token or self.token].revoked = True

    def set_fiscal_year(self, year: int, status: str) -> None:
        with self.lock:
            for fy in self.fiscal_years:
                if fy["start"].startswith(f"{year}-"):
                    fy["status"] = status

    def entries_with_reference(self, reference: str) -> list[Entry]:
        with self.lock:
            return [e for e in self.entries.values() if e.label.split(" ", 1)[0] == reference]

    # ------------------------------------------------------------------ rate limit -----------------
    @property
    def window(self) -> float:
        return self.base_window / self.time_scale

    def take(self, token: Token) -> list[tuple[str, str]]:
        """Count one call; the rate-limit headers, or ApiError 429 when the window is used up."""
        now = self.clock()
        window = self.window
        if now - token.window_start >= window:
            token.window_start = now - ((now - token.window_start) % window) if token.window_start else now
            token.used = 0
        reset_in = token.window_start + window - now
        reset_at = time.time() + reset_in
        if token.used >= self.per_window:
            self.throttled += 1
            retry = max(1, math.ceil(reset_in))
            headers = [("ratelimit-limit", str(self.per_window)), ("ratelimit-remaining", "0"),
                       ("ratelimit-reset", _reset_text(reset_at, window)), ("retry-after", str(retry))]
            raise ApiError(429, "rate_limited", "", headers=headers,
                           body=f"Rate limit exceeded. Please retry in {retry} seconds.")
        token.used += 1
        return [("ratelimit-limit", str(self.per_window)), ("ratelimit-remaining", str(self.per_window - token.used)),
                ("ratelimit-reset", _reset_text(reset_at, window))]


def _reset_text(reset_at: float, window: float) -> str:
    return str(math.ceil(reset_at)) if window >= 1 else f"{reset_at:.3f}"


# ---------------------------------------------------------------------------------- the API -------
_SCOPES: dict[tuple[str, str], tuple[str, ...]] = {
    ("GET", "/journals"): ("journals:readonly", "journals:all"),
    ("POST", "/journals"): ("journals:all",),
    ("GET", "/journals/{id}"): ("journals:readonly", "journals:all"),
    ("GET", "/ledger_accounts"): ("ledger_accounts:readonly", "ledger_accounts:all"),
    ("POST", "/ledger_accounts"): ("ledger_accounts:all",),
    ("GET", "/ledger_accounts/{id}"): ("ledger_accounts:readonly", "ledger_accounts:all"),
    ("GET", "/ledger_entries"): ("ledger_entries:readonly", "ledger_entries:all"),
    ("POST", "/ledger_entries"): ("ledger_entries:all",),
    ("GET", "/ledger_entries/{id}"): ("ledger_entries:readonly", "ledger_entries:all"),
    ("PUT", "/ledger_entries/{id}"): ("ledger_entries:all",),
    ("PUT", "/ledger_entry_lines/{id}/categories"): ("ledger_entries:all",),
    ("POST", "/file_attachments"): ("file_attachments:all",),
    ("GET", "/category_groups"): ("categories:all", "categories:readonly"),
    ("GET", "/category_groups/{id}/categories"): ("categories:all", "categories:readonly"),
    ("GET", "/fiscal_years"): ("fiscal_years:readonly",),
}


class PennylaneApp:
    """The WSGI application of the API (mounted at ``/pennylane``)."""

    def __init__(self, state: PennylaneState) -> None:
        self.s = state
        r = self.router = Router()
        for (method, template), _ in _SCOPES.items():
            handler = getattr(self, "_" + method.lower() + "_" + re.sub(r"[^a-z]+", "_", template.replace("{id}", "one"))
                              .strip("_"))
            r.add(method, API_PREFIX + template, self._wrap(method, template, handler))
        r.add("GET", API_PREFIX + "/me", self._wrap("GET", "/me", self._get_me))

    def __call__(self, environ: dict, start_response: Callable) -> Any:
        req = Request(environ)
        try:
            handler, params = self.router.dispatch(req.method, req.path)
            resp = handler(req, **params)
        except ApiError as exc:
            if isinstance(exc.body, str):
                resp = Response(exc.status, exc.body.encode(), exc.headers, "text/plain; charset=utf-8")
            else:
                resp = exc.response()
                if exc.body is None or exc.type == "NOT_FOUND" or exc.type == "METHOD_NOT_ALLOWED":
                    resp = Response.json({"error": exc.message, "status": exc.status}, exc.status, exc.headers)
        return resp(environ, start_response)

    def _wrap(self, method: str, template: str, handler: Callable) -> Callable:
        scopes = _SCOPES.get((method, template), ())

        def run(req: Request, **params: str) -> Response:
            s = self.s
            with s.lock:
                auth = req.header("Authorization") or ""
                token = s.tokens.get(auth[7:].strip()) if auth.startswith("Bearer ") else None
                if token is None or token.revoked:
                    raise _err(401, "Access token is missing or invalid" if token is None
                               else "The access token was revoked")
                try:
                    headers = s.take(token)
                except ApiError as exc:
                    s.log.append((req.method, req.path, exc.status, time.monotonic()))
                    raise
                s.calls += 1
                try:
                    self._check_2026(req)
                    if scopes and not set(scopes) & set(token.scopes):
                        raise _err(403, f"Missing scope: this endpoint requires one of {', '.join(scopes)}")
                    resp = handler(req, **params)
                except ApiError as exc:
                    exc.headers = list(exc.headers) + headers
                    s.log.append((req.method, req.path, exc.status, time.monotonic()))
                    raise
                s.log.append((req.method, req.path, resp.status, time.monotonic()))
                if s._lose(req.method, req.path):
                    from pleodesk.sandbox.faults import DropConnection

                    raise DropConnection()
                resp.headers.extend(headers)
                return resp
        return run

    @staticmethod
    def _check_2026(req: Request) -> None:
        header = req.header("X-Use-2026-API-Changes")
        query = req.arg("use_2026_api_changes")
        if header is not None and query is not None and header.lower() != query.lower():
            raise _bad("X-Use-2026-API-Changes and use_2026_api_changes disagree", "use_2026_api_changes")
        for value in (header, query):
            if value is not None and value.lower() not in ("true", "false"):
                raise _bad(f"{value!r} is not true or false", "use_2026_api_changes", "InvalidType")
            if value is not None and value.lower() == "false":
                raise _bad("The behaviour before the 2026 API changes is no longer available", "use_2026_api_changes")

    # ------------------------------------------------------------------ helpers --------------------
    def _json(self, req: Request) -> Any:
        if req.content_type != "application/json":
            raise _bad("The request body must be JSON", code="InvalidType")
        try:
            return json.loads(req.body or b"null")
        except ValueError:
            raise _bad("The request body is not valid JSON", code="InvalidType") from None

    @staticmethod
    def _object(body: Any, allowed: dict[str, type | tuple], required: tuple[str, ...], where: str = "") -> dict:
        if not isinstance(body, dict):
            raise _bad(f"{where or 'The body'} must be an object", where or None, "InvalidType")
        for key in required:
            if key not in body:
                raise _bad(f"{where + '.' if where else ''}{key} is required", f"{where + '.' if where else ''}{key}",
                           "NotExistRequiredKey")
        for key, value in body.items():
            if key not in allowed:
                raise _bad(f"{key} is not allowed", key, "NotAllowedKey")
            want = allowed[key]
            if value is None and isinstance(want, tuple) and type(None) in want:
                continue
            if isinstance(value, bool) and want is int:
                raise _bad(f"{key} must be an integer", key, "InvalidType")
            if not isinstance(value, want):
                raise _bad(f"{key} has the wrong type", key, "InvalidType")
        return body

    @staticmethod
    def _date(value: Any, name: str) -> str:
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            raise _bad(f"{name} must be a date (YYYY-MM-DD)", name, "InvalidDateFormat") from None
        return value

    @staticmethod
    def _decimal(value: Any, name: str) -> Decimal:
        if not isinstance(value, str) or not _AMOUNT.match(value):
            raise _bad(f"{name} must be a decimal number written as text, like \"120.00\"", name, "InvalidPattern")
        try:
            return Decimal(value or "0")
        except InvalidOperation:
            raise _bad(f"{name} is not a number", name, "InvalidPattern") from None

    def _page(self, req: Request, items: list[dict], *, max_limit: int = 100, key: str = "",
              old_fields: bool = True) -> dict:
        limit_text = req.arg("limit")
        try:
            limit = int(limit_text) if limit_text is not None else 20
        except ValueError:
            raise _bad("limit must be an integer", "limit", "InvalidType") from None
        if not 1 <= limit <= max_limit:
            raise _bad(f"limit must be between 1 and {max_limit}", "limit")
        signature = hashlib.sha256(f"{req.path}|{req.arg('filter')}|{req.arg('sort')}|{key}".encode()).hexdigest()[:12]
        offset = 0
        cursor = req.arg("cursor")
        if cursor:
            try:
                raw = base64.urlsafe_b64decode(cursor.encode() + b"=" * (-len(cursor) % 4)).decode()
                sig, off = raw.split(":")
                offset = int(off)
            except (ValueError, UnicodeDecodeError):
                raise _bad("The cursor is invalid", "cursor") from None
            if sig != signature:
                raise _bad("The cursor does not belong to this list (send the same filter and sort again)", "cursor")
        page = items[offset:offset + limit]
        more = offset + limit < len(items)
        nxt = base64.urlsafe_b64encode(f"{signature}:{offset + limit}".encode()).decode().rstrip("=") if more else None
        out: dict[str, Any] = {"items": page, "has_more": more, "next_cursor": nxt}
        if old_fields:
            out.update(total_pages=None, current_page=None, total_items=None, per_page=None)
        return out

    @staticmethod
    def _filters(req: Request, allowed: dict[str, tuple[str, ...]]) -> list[tuple[str, str, Any]]:
        text = req.arg("filter")
        if not text:
            return []
        try:
            rules = json.loads(text)
        except ValueError:
            raise _bad("filter must be a JSON array", "filter") from None
        if not isinstance(rules, list):
            raise _bad("filter must be a JSON array", "filter")
        out = []
        for rule in rules:
            if not isinstance(rule, dict) or set(rule) != {"field", "operator", "value"}:
                raise _bad("each filter is {field, operator, value}", "filter")
            if rule["field"] not in allowed or rule["operator"] not in allowed[rule["field"]]:
                raise _bad(f"filter on {rule['field']} with {rule['operator']} is not available", "filter")
            out.append((rule["field"], rule["operator"], rule["value"]))
        return out

    @staticmethod
    def _match(value: Any, op: str, want: Any) -> bool:
        if op == "eq":
            return value == want
        if op == "not_eq":
            return value != want
        if op == "in":
            return value in want
        if op == "not_in":
            return value not in want
        if value is None:
            return False
        return {"lt": value < want, "lteq": value <= want, "gt": value > want, "gteq": value >= want}[op]

    def _sorted(self, req: Request, items: list[dict], allowed: tuple[str, ...], default: str) -> list[dict]:
        sort = req.arg("sort") or default
        name = sort.lstrip("-")
        if name not in allowed:
            raise _bad(f"sort on {name} is not available", "sort")
        return sorted(items, key=lambda x: (x.get(name) is None, x.get(name), x["id"]), reverse=sort.startswith("-"))

    def _int_id(self, value: str, what: str) -> int:
        try:
            return int(value)
        except ValueError:
            raise _err(404, f"Couldn't find {what} with 'id'={value}") from None

    # ------------------------------------------------------------------ me ------------------------
    def _get_me(self, req: Request) -> Response:
        auth = req.header("Authorization") or ""
        token = self.s.tokens[auth[7:].strip()]
        return Response.json({"user": dict(self.s.user), "company": dict(self.s.company), "scopes": list(token.scopes)})

    # ------------------------------------------------------------------ journals ------------------
    def _get_journals(self, req: Request) -> Response:
        rules = self._filters(req, {"type": ("eq", "not_eq", "in", "not_in")})
        items = [dict(j) for j in self.s.journals.values()
                 if all(self._match(j["type"], op, v) for _, op, v in rules)]
        return Response.json(self._page(req, self._sorted(req, items, ("id",), "-id")))

    def _post_journals(self, req: Request) -> Response:
        body = self._object(self._json(req), {"code": str, "label": str}, ("code", "label"))
        code = body["code"]
        if not re.fullmatch(r"[A-Za-z]{2,5}", code):
            raise _err(422, "Code must be 2 to 5 letters")
        if self.s.journal_by_code(code.upper()):
            raise _err(422, f"Code {code} has already been taken")
        return Response.json(dict(self.s._add_journal(code.upper(), body["label"])), 201)

    def _get_journals_one(self, req: Request, id: str) -> Response:
        j = self.s.journals.get(self._int_id(id, "Journal"))
        if j is None:
            raise _err(404, f"Couldn't find Journal with 'id'={id}")
        return Response.json(dict(j))

    # ------------------------------------------------------------------ ledger accounts -----------
    def _get_ledger_accounts(self, req: Request) -> Response:
        rules = self._filters(req, {"id": ("lt", "lteq", "gt", "gteq", "eq", "not_eq", "in", "not_in"),
                                    "number": ("start_with", "eq", "in"), "enabled": ("eq",)})
        items = []
        for a in self.s.accounts.values():
            keep = True
            for f, op, v in rules:
                if op == "start_with":
                    keep = keep and str(a[f]).startswith(str(v))
                else:
                    keep = keep and self._match(a[f], op, v)
            if keep:
                items.append(dict(a))
        return Response.json(self._page(req, self._sorted(req, items, ("id",), "-id"), max_limit=1000))

    def _post_ledger_accounts(self, req: Request) -> Response:
        body = self._object(self._json(req), {"number": str, "label": str, "vat_rate": str, "country_alpha2": str},
                            ("number", "label"))
        if not re.fullmatch(r"[0-9]{3,}", body["number"]):
            raise _err(422, "Number must be a ledger account number of digits")
        if self.s.account_by_number(body["number"]):
            raise _err(422, f"Number {body['number']} has already been taken")
        return Response.json(dict(self.s._add_account(body["number"], body["label"])), 201)

    def _get_ledger_accounts_one(self, req: Request, id: str) -> Response:
        a = self.s.accounts.get(self._int_id(id, "LedgerAccount"))
        if a is None:
            raise _err(404, f"Couldn't find LedgerAccount with 'id'={id}")
        return Response.json(dict(a))

    # ------------------------------------------------------------------ ledger entries ------------
    def _categories_json(self, cats: list[tuple[int, str]]) -> list[dict]:
        out = []
        for cid, weight in cats:
            c = self.s.categories[cid]
            out.append({"id": cid, "label": c["label"], "weight": weight, "category_group": {"id": c["group"]},
                        "analytical_code": c["analytical_code"], "created_at": c["created_at"],
                        "updated_at": c["updated_at"]})
        return out

    def _entry_categories(self, e: Entry) -> list[dict]:
        seen: dict[int, str] = {}
        for ln in e.lines:
            for cid, weight in ln.categories:
                seen.setdefault(cid, weight)
        return self._categories_json(list(seen.items()))

    def _attachment(self, e: Entry) -> dict | None:
        if e.attachment_id is None:
            return None
        f = self.s.files[e.attachment_id]
        return {"filename": f["filename"], "url": f["url"]}

    def _line_json(self, ln: Line, *, with_deprecated: bool) -> dict:
        acc = self.s.accounts[ln.account_id]
        out: dict[str, Any] = {"id": ln.id, "debit": f"{ln.debit:.2f}", "credit": f"{ln.credit:.2f}"}
        if with_deprecated:
            out["ledger_account_id"] = ln.account_id
        out["ledger_account"] = {"id": acc["id"], "number": acc["number"],
                                 "url": f"{self.s.api_url}/ledger_accounts/{acc['id']}"}
        out["label"] = ln.label
        return out

    def _entry_json(self, e: Entry, shape: str) -> dict:
        """``shape``: "list" (GET /ledger_entries items), "one" (GET /ledger_entries/{id}), "write" (the
        answer to POST and PUT) — each with exactly the fields its schema lists."""
        journal = {"id": e.journal_id, "url": f"{self.s.api_url}/journals/{e.journal_id}"}
        attachment = self._attachment(e)
        base: dict[str, Any] = {"id": e.id, "label": e.label, "piece_number": e.piece_number, "date": e.date,
                                "due_date": None, "invoice_number": None}
        if shape == "list":
            return {"id": e.id, "created_at": e.created_at, "updated_at": e.updated_at, "label": e.label,
                    "piece_number": e.piece_number, "date": e.date, "due_date": None, "invoice_number": None,
                    "journal_id": e.journal_id, "journal": journal, "categories": self._entry_categories(e),
                    "ledger_attachment_filename": attachment["filename"] if attachment else None,
                    "attachment": attachment}
        if shape == "one":
            return {**base, "created_at": e.created_at, "updated_at": e.updated_at, "journal": journal,
                    "categories": self._entry_categories(e), "attachment": attachment,
                    "ledger_entry_lines": [self._line_json(ln, with_deprecated=False) for ln in e.lines]}
        return {**base, "journal_id": e.journal_id, "journal": journal, "categories": self._entry_categories(e),
                "ledger_attachment_filename": attachment["filename"] if attachment else None,
                "ledger_attachment_id": None, "attachment": attachment,
                "ledger_entry_lines": [self._line_json(ln, with_deprecated=True) for ln in e.lines]}

    def _get_ledger_entries(self, req: Request) -> Response:
        rules = self._filters(req, {"id": ("lt", "lteq", "gt", "gteq", "eq", "not_eq", "in", "not_in"),
                                    "date": ("lt", "lteq", "gt", "gteq", "eq", "not_eq"),
                                    "journal_id": ("lt", "lteq", "gt", "gteq", "eq", "not_eq", "in", "not_in")})
        out = []
        for e in self.s.entries.values():
            values = {"id": e.id, "date": e.date, "journal_id": e.journal_id}
            if all(self._match(values[f], op, v) for f, op, v in rules):
                out.append((e, values))
        sort = req.arg("sort") or "-id"
        name = sort.lstrip("-")
        if name not in ("id", "date"):
            raise _bad(f"sort on {name} is not available", "sort")
        out.sort(key=lambda ev: (ev[1][name], ev[0].id), reverse=sort.startswith("-"))
        return Response.json(self._page(req, [self._entry_json(e, "list") for e, _ in out]))

    def _check_lines(self, lines: Any, where: str = "ledger_entry_lines") -> list[tuple[Decimal, Decimal, int, str]]:
        if not isinstance(lines, list):
            raise _bad(f"{where} must be an array", where, "InvalidType")
        out = []
        for i, ln in enumerate(lines):
            here = f"{where}[{i}]"
            self._object(ln, {"debit": str, "credit": str, "ledger_account_id": int, "label": str},
                         ("debit", "credit", "ledger_account_id"), here)
            debit = self._decimal(ln["debit"], f"{here}.debit")
            credit = self._decimal(ln["credit"], f"{here}.credit")
            out.append((debit, credit, ln["ledger_account_id"], ln.get("label") or ""))
        return out

    def _validate_lines(self, lines: list[tuple[Decimal, Decimal, int, str]]) -> None:
        if not lines:
            raise _err(422, "A ledger entry needs at least one line")
        if len(lines) > 1000:
            raise _err(422, "A ledger entry takes at most 1000 lines")
        for debit, credit, account_id, _ in lines:
            if debit < 0 or credit < 0:
                raise _err(422, "Debit and credit must not be negative")
            if debit == 0 and credit == 0:
                raise _err(422, "Each line needs a debit or a credit")
            acc = self.s.accounts.get(account_id)
            if acc is None:
                raise _err(422, f"Ledger account with id {account_id} not found")
            if not acc["enabled"]:
                raise _err(422, f"Ledger account {acc['number']} is disabled")
        debit = sum((d for d, _, _, _ in lines), Decimal(0))
        credit = sum((c for _, c, _, _ in lines), Decimal(0))
        if debit != credit:
            raise _err(422, f"Ledger entry lines are not balanced (debit {debit:.2f}, credit {credit:.2f})")

    def _check_open(self, day: str) -> None:
        for fy in self.s.fiscal_years:
            if fy["start"] <= day <= fy["finish"]:
                if fy["status"] in ("closed", "frozen"):
                    raise _err(422, f"The fiscal year from {fy['start']} to {fy['finish']} is {fy['status']}: "
                                    "entries cannot be created or changed in it")
                return
        raise _err(422, f"No fiscal year covers {day}")

    def _file(self, file_id: Any) -> int:
        if file_id is None:
            return None  # type: ignore[return-value]
        if file_id not in self.s.files:
            raise _err(422, f"File attachment with id {file_id} not found")
        return file_id

    def _post_ledger_entries(self, req: Request) -> Response:
        body = self._object(self._json(req), {
            "date": str, "due_date": (str, type(None)), "label": str, "journal_id": int, "ledger_attachment_id": int,
            "file_attachment_id": int, "currency": str, "piece_number": str, "ledger_entry_lines": list},
            ("date", "label", "journal_id", "ledger_entry_lines"))
        day = self._date(body["date"], "date")
        if body.get("due_date") is not None:
            self._date(body["due_date"], "due_date")
        currency = body.get("currency", "EUR")
        if currency not in CURRENCIES:
            raise _bad(f"currency {currency!r} is not one Pennylane takes", "currency")
        lines = self._check_lines(body["ledger_entry_lines"])
        if body["journal_id"] not in self.s.journals:
            raise _err(422, f"Journal with id {body['journal_id']} not found")
        self._validate_lines(lines)
        self._check_open(day)
        file_id = self._file(body.get("file_attachment_id"))
        now = _now_iso()
        e = Entry(self.s._next("entry"), day, body["label"], body["journal_id"], body.get("piece_number"), currency,
                  [Line(self.s._next("line"), d, c, a, lbl) for d, c, a, lbl in lines], file_id, now, now)
        self.s.entries[e.id] = e
        self.s.creates += 1
        return Response.json(self._entry_json(e, "write"), 201)

    def _get_ledger_entries_one(self, req: Request, id: str) -> Response:
        e = self.s.entries.get(self._int_id(id, "LedgerEntry"))
        if e is None:
            raise _err(404, f"Couldn't find LedgerEntry with 'id'={id}")
        return Response.json(self._entry_json(e, "one"))

    def _put_ledger_entries_one(self, req: Request, id: str) -> Response:
        e = self.s.entries.get(self._int_id(id, "LedgerEntry"))
        if e is None:
            raise _err(404, f"Couldn't find LedgerEntry with 'id'={id}")
        body = self._object(self._json(req), {
            "date": str, "label": str, "journal_id": int, "ledger_attachment_id": int, "file_attachment_id": int,
            "currency": str, "piece_number": str, "ledger_entry_lines": dict}, ())
        self._check_open(e.date)
        if "date" in body:
            self._check_open(self._date(body["date"], "date"))
        if "journal_id" in body and body["journal_id"] not in self.s.journals:
            raise _err(422, f"Journal with id {body['journal_id']} not found")
        if "ledger_entry_lines" in body:
            raise _err(422, "Changing lines is not supported by this sandbox")
        file_id = self._file(body.get("file_attachment_id"))
        for key in ("date", "label", "journal_id", "piece_number", "currency"):
            if key in body:
                setattr(e, {"journal_id": "journal_id"}.get(key, key), body[key])
        if file_id is not None:
            e.attachment_id = file_id
        e.updated_at = _now_iso()
        return Response.json(self._entry_json(e, "write"))

    def _put_ledger_entry_lines_one_categories(self, req: Request, id: str) -> Response:
        try:
            line_id = int(float(id))
        except ValueError:
            raise _err(404, f"Couldn't find LedgerEntryLine with 'id'={id}") from None
        entry = next((e for e in self.s.entries.values() for ln in e.lines if ln.id == line_id), None)
        if entry is None:
            raise _err(404, f"Couldn't find LedgerEntryLine with 'id'={id}")
        line = next(ln for ln in entry.lines if ln.id == line_id)
        body = self._json(req)
        if isinstance(body, dict):
            self._object(body, {"categories_ids": list}, ("categories_ids",))
            pairs = [(c, "1") for c in body["categories_ids"]]
        elif isinstance(body, list):
            pairs = []
            for i, item in enumerate(body):
                self._object(item, {"id": int, "weight": str}, ("id", "weight"), f"[{i}]")
                pairs.append((item["id"], item["weight"]))
        else:
            raise _bad("The body must be an array of {id, weight}", code="InvalidType")
        by_group: dict[int, Decimal] = {}
        for cid, weight in pairs:
            if cid not in self.s.categories:
                raise _err(422, f"Category with id {cid} not found")
            w = self._decimal(weight, "weight")
            group = self.s.categories[cid]["group"]
            by_group[group] = by_group.get(group, Decimal(0)) + w
        if any(total != 1 for total in by_group.values()):
            raise _err(422, "The weights of the categories of one group must add up to 1")
        self._check_open(entry.date)
        line.categories = [(cid, weight) for cid, weight in pairs]
        return Response.json({"ledger_entry_line": {"id": line.id, "label": line.label,
                                                    "categories": self._categories_json(line.categories)}})

    # ------------------------------------------------------------------ files ---------------------
    def _post_file_attachments(self, req: Request) -> Response:
        if req.content_type != "multipart/form-data":
            raise _bad("The body must be multipart/form-data", code="InvalidType")
        raw = b"Content-Type: " + (req.header("Content-Type") or "").encode() + b"\r\n\r\n" + req.body
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
        parts = {}
        for part in msg.iter_parts() if msg.is_multipart() else ():
            name = part.get_param("name", header="content-disposition")
            parts[name] = part
        unknown = set(parts) - {"file", "filename"}
        if unknown:
            raise _bad(f"{sorted(unknown)[0]} is not allowed", sorted(unknown)[0], "NotAllowedKey")
        if "file" not in parts:
            raise _bad("file is required", "file", "NotExistRequiredKey")
        part = parts["file"]
        data = part.get_payload(decode=True) or b""
        mime = part.get_content_type()
        if mime not in ATTACHMENT_TYPES:
            raise _err(422, f"Content type {mime} is not allowed (png, jpeg, tiff, bmp, gif or pdf)")
        if len(data) > MAX_ATTACHMENT:
            raise _err(422, "The file is larger than 100 MB")
        if not data:
            raise _err(422, "The file is empty")
        filename = (parts["filename"].get_payload(decode=True) or b"").decode("utf-8") if "filename" in parts else \
            (part.get_filename() or "file")
        if len(filename) > 255:
            raise _bad("filename is longer than 255 characters", "filename")
        fid = self.s._next("file")
        now = _now_iso()
        self.s.files[fid] = {"id": fid, "url": f"{self.s.api_url.rsplit(API_PREFIX, 1)[0]}/files/{fid}/{filename}",
                             "filename": filename, "created_at": now, "updated_at": now,
                             "sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "mime": mime}
        return Response.json({k: self.s.files[fid][k] for k in ("id", "url", "filename", "created_at", "updated_at")},
                             201)

    # ------------------------------------------------------------------ analytics -----------------
    def _get_category_groups(self, req: Request) -> Response:
        items = [{"id": g["id"], "label": g["label"],
                  "categories": {"url": f"{self.s.api_url}/category_groups/{g['id']}/categories"},
                  "created_at": g["created_at"], "updated_at": g["updated_at"]} for g in self.s.groups.values()]
        return Response.json(self._page(req, items, old_fields=False))

    def _get_category_groups_one_categories(self, req: Request, id: str) -> Response:
        gid = self._int_id(id, "CategoryGroup")
        if gid not in self.s.groups:
            raise _err(404, f"Couldn't find CategoryGroup with 'id'={id}")
        items = [{"id": c["id"], "label": c["label"], "direction": c["direction"], "analytical_code": c["analytical_code"],
                  "created_at": c["created_at"], "updated_at": c["updated_at"]}
                 for c in self.s.categories.values() if c["group"] == gid]
        return Response.json(self._page(req, items, old_fields=False))

    def _get_fiscal_years(self, req: Request) -> Response:
        items = self._sorted(req, [dict(fy) for fy in self.s.fiscal_years], ("id", "start"), "-id")
        return Response.json(self._page(req, items))


class PennylaneAdminApp:
    """``/_sandbox/pennylane``: controls for tests and the demo."""

    def __init__(self, state: PennylaneState) -> None:
        self.s = state
        r = self.router = Router()
        r.add("GET", "/", lambda req: Response.json(self.summary()))
        r.add("POST", "/tokens", lambda req: Response.json({"token": self.s.new_token(
            tuple(self._body(req).get("scopes") or ALL_SCOPES))}, 201))
        r.add("POST", "/revoke", lambda req: self._ok(self.s.revoke, self._body(req).get("token")))
        r.add("POST", "/fiscal-years", lambda req: self._ok(self.s.set_fiscal_year, int(self._body(req)["year"]),
                                                            str(self._body(req)["status"])))
        r.add("POST", "/time-scale", lambda req: self._ok(setattr, self.s, "time_scale",
                                                          float(self._body(req)["timeScale"])))

    @staticmethod
    def _body(req: Request) -> dict:
        try:
            return json.loads(req.body or b"{}")
        except ValueError:
            raise ApiError(400, "BAD_REQUEST", "not JSON") from None

    def _ok(self, fn: Callable, *args: Any) -> Response:
        with self.s.lock:
            fn(*args)
        return Response.json(self.summary())

    def summary(self) -> dict:
        s = self.s
        with s.lock:
            return {"company": s.company, "token": s.token, "entries": len(s.entries), "files": len(s.files),
                    "journals": [j["code"] for j in s.journals.values()], "calls": s.calls, "throttled": s.throttled,
                    "timeScale": s.time_scale, "perWindow": s.per_window}

    def __call__(self, environ: dict, start_response: Callable) -> Any:
        req = Request(environ)
        try:
            handler, params = self.router.dispatch(req.method, req.path)
            resp = handler(req, **params)
        except ApiError as exc:
            resp = exc.response()
        return resp(environ, start_response)


def mount_pennylane(sandbox, state: PennylaneState | None = None) -> PennylaneState:
    """Mount (or replace) the Pennylane emulator on a running sandbox."""
    state = state or PennylaneState(api_url=f"{sandbox.url}/pennylane{API_PREFIX}")
    for prefix in ("/pennylane", "/_sandbox/pennylane"):
        sandbox.unmount(prefix)
    sandbox.mount("/pennylane", PennylaneApp(state))
    sandbox.mount("/_sandbox/pennylane", PennylaneAdminApp(state))
    sandbox.pennylane = state
    return state
