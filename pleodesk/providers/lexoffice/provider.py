"""lexoffice (Lexware Office) as a pleodesk accounting system (the ``Provider`` of ``providers/base.py``).

See docs/lexoffice.md. In short: every exportable expense becomes one bookkeeping voucher
(``purchaseinvoice``, or ``purchasecreditnote`` for money back; ``vouchers.py``), its receipts are
uploaded to that voucher (``POST /v1/vouchers/{id}/files``; never ``/v1/files``, which would make a
second voucher), the supplier is an existing vendor contact of that name or the collective contact, and
the Pleo wallet's card lines go to Lexware Office through the partner API or as CSV statement files
(``feed.py``). Reimbursements (Privatauslagen) are not supported by Lexware Office: those expenses are
never sent; wallet top-ups and unloads are left to the bookkeeper, as in Pleo's own integration.

Nothing is ever sent twice: our reference ``PLEO-<id>`` is the voucher number, and every write whose
outcome is unknown (no answer, a 5xx, a 504 after 30 s) is looked up with ``GET /v1/voucherlist`` before
anything is sent again.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import httpx

from pleodesk.core.ledger import LedgerAccount, LedgerChart, LedgerEntry
from pleodesk.providers.base import (
    Capabilities,
    CheckResult,
    Company,
    FeedLine,
    FeedResult,
    Found,
    LedgerError,
    NotExported,
    SendResult,
)
from pleodesk.providers.lexoffice import receipts, vouchers, wire
from pleodesk.providers.lexoffice.client import (
    LexAuthError,
    LexError,
    LexLimits,
    LexofficeClient,
    LexUncertain,
    message_of,
)
from pleodesk.providers.lexoffice.vouchers import Category, Voucher, VoucherError

log = logging.getLogger(__name__)

API_URL = "https://api.lexware.io"
APP_URL = wire.APP_URL
#: The gateway lexoffice used until December 2025; it answers no more.
RETIRED_HOSTS = ("api.lexoffice.io",)

#: The accounts pleodesk shows for what lexoffice has no account for: the Pleo wallet (the bank account
#: the feed fills) and the open item a voucher is until its payment is matched.
WALLET_CODE = "PLEO"
PAYABLE_CODE = "PLEO-OP"
BATCH_SIZE = 25

#: Why expenses are not exported (shown to the user, recorded, and sent to Pleo for the not-exportable).
REIMBURSEMENT_REASON = "Lexware Office does not take reimbursements (Privatauslagen): book it by hand"
WALLET_REASON = "wallet top-ups and unloads are added by hand in Lexware Office"
INVOICE_PAYMENT_REASON = ("invoice payments are added by hand in Lexware Office and matched to their invoice "
                          "(the bank feed does not carry them)")
NOT_EXPORTED = (
    *(NotExported(k, REIMBURSEMENT_REASON) for k in ("out_of_pocket", "mileage", "per_diem",
                                                       "direct_reimbursement", "external_reimbursement")),
    NotExported("wallet_topup", WALLET_REASON, handled=True),
    NotExported("wallet_unload", WALLET_REASON, handled=True),
    NotExported("invoice_payment", INVOICE_PAYMENT_REASON, handled=True),
)


@dataclass(frozen=True)
class LexSendResult(SendResult):
    notes: tuple[str, ...] = ()


def _norm(name: str | None) -> str:
    return " ".join(str(name or "").split()).casefold()


def check_api_url(url: str) -> str:
    """``url`` if pleodesk may send the key there: lexoffice's gateway, or this computer (the sandbox)."""
    from pleodesk.urls import AddressError, check_web_address, host_of, is_loopback_url

    url = check_web_address(url, "api_url")
    host = (host_of(url) or "").lower()
    if host in RETIRED_HOSTS:
        raise AddressError(f"{host} is lexoffice's old address, retired in December 2025: use {API_URL}.")
    if not is_loopback_url(url) and host != "api.lexware.io":
        raise AddressError(f"api_url must be {API_URL} (Lexware Office's only API address), not {url}.")
    return url


class LexofficeProvider:
    system = "lexoffice"

    def __init__(self, settings: Mapping[str, Any], token_source: Callable[[], str], *, name: str = "",
                 transport: httpx.BaseTransport | None = None, sleep: Callable[[float], None] = time.sleep,
                 feed_folder: str | Path | None = None, force_refresh: Callable[[str], None] | None = None,
                 key_id: str | None = None) -> None:
        self.settings = dict(settings)
        self.name = name
        try:
            self.api = check_api_url(str(self.settings.get("api_url") or API_URL))
        except ValueError as exc:
            raise LedgerError("This Lexware Office connection has a wrong address", str(exc),
                              "Run the setup again.", reason_type="invalid_configuration") from exc
        self.app = str(self.settings.get("app_url") or APP_URL).rstrip("/")
        self.partner = self.settings.get("auth") == "partner"
        self.limits = LexLimits.from_settings(self.settings.get("rate_limits"))
        self.feed_folder = Path(feed_folder) if feed_folder else None
        fix = ("Connect again with Lexware Office (Zugriff erlauben)." if self.partner else
               "A key may have been revoked, or it expired (keys are valid for 24 months). In Lexware Office "
               "create a new key under Add-ons > Public API, then reconnect with it.")
        self.client = LexofficeClient(self.api, token_source, limits=self.limits, force_refresh=force_refresh,
                                      transport=transport, sleep=sleep, key_id=key_id, auth_fix=fix)
        self._lock = threading.RLock()
        self._profile: dict[str, Any] | None = None
        self._categories: dict[str, Category] | None = None
        self._contacts: dict[str, str] | None = None          # normalised name -> contact id
        self.last_notes: dict[str, tuple[str, ...]] = {}

    def close(self) -> None:
        self.client.close()

    # ------------------------------------------------------------------ basics --------------------
    def capabilities(self) -> Capabilities:
        return Capabilities(object_kinds=("purchaseinvoice", "purchasecreditnote"), draft=True, posted=True,
                            batch_size=BATCH_SIZE, max_attachment_bytes=receipts.DOWNLOAD_LIMIT,
                            max_attachments=receipts.MAX_FILES, feed=True, not_exported=NOT_EXPORTED)

    def profile(self, refresh: bool = False) -> dict[str, Any]:
        with self._lock:
            if self._profile is None or refresh:
                self._profile = self.client.get_json("/v1/profile") or {}
            return self._profile

    @property
    def small_business(self) -> bool:
        p = self._profile or {}
        return bool(p.get("smallBusiness")) or p.get("taxType") == "vatfree"

    def check(self) -> CheckResult:
        """The key (``GET /v1/profile``), the company, and that the key may read what an export needs."""
        try:
            profile = self.profile(refresh=True)
        except (LexAuthError, LexError) as exc:
            return CheckResult(False, (f"{exc.title}. {exc.fix}".strip(),))
        except LedgerError as exc:
            return CheckResult(False, (f"{exc.title}: {exc.detail}. {exc.fix}".strip(" .:") + ".",))
        messages: list[str] = []
        org = self.settings.get("organization_id")
        if org and profile.get("organizationId") and profile["organizationId"] != org:
            messages.append(f"This key belongs to the company {profile.get('companyName')}, not to the one this "
                            "connection books into: use a key of that company.")
        try:
            self._load_categories(refresh=True)
            self.client.get_json("/v1/voucherlist", {"voucherType": "purchaseinvoice", "voucherStatus": "any",
                                                     "page": 0, "size": 1})
        except LexError as exc:
            messages.append(f"{exc.title}. {exc.fix}".strip())
        return CheckResult(not messages, tuple(messages), version=str(profile.get("taxType") or "") or None)

    def list_companies(self) -> list[Company]:
        p = self.profile()
        return [Company(str(p.get("organizationId") or ""), str(p.get("companyName") or ""))]

    # ------------------------------------------------------------------ chart ---------------------
    def _load_categories(self, refresh: bool = False) -> dict[str, Category]:
        with self._lock:
            if self._categories is not None and not refresh:
                return self._categories
            raw = self.client.get_json("/v1/posting-categories") or []
            outgo = [c for c in raw if c.get("type") == "outgo" and c.get("id")]
            ids = [str(c["id"]) for c in outgo]
            cats: dict[str, Category] = {}
            for c in outgo:
                cid = str(c["id"])
                code = _short_code(cid, ids)
                cats[code] = Category(code, cid, str(c.get("name") or cid), str(c.get("groupName") or ""),
                                      bool(c.get("contactRequired")), bool(c.get("splitAllowed", True)))
            self._categories = cats
            return cats

    def read_chart(self) -> LedgerChart:
        try:
            self.profile()
        except LexError:
            pass
        cats = self._load_categories(refresh=True)
        accounts = {c.code: LedgerAccount(c.code, c.name, "expense", True, c.id) for c in cats.values()}
        accounts[WALLET_CODE] = LedgerAccount(WALLET_CODE, "Pleo (Bankkonto in Lexware Office)", "bank", True,
                                              self.settings.get("financial_account_id"))
        accounts[PAYABLE_CODE] = LedgerAccount(PAYABLE_CODE, "Offener Beleg bis zur Zuordnung der Zahlung",
                                               "payable")
        accounts[vouchers.INPUT_TAX_ACCOUNT] = LedgerAccount(vouchers.INPUT_TAX_ACCOUNT,
                                                             "Vorsteuer (bucht Lexware Office)", "tax")
        accounts[vouchers.OUTPUT_TAX_ACCOUNT] = LedgerAccount(vouchers.OUTPUT_TAX_ACCOUNT,
                                                              "Umsatzsteuer §13b (bucht Lexware Office)", "tax")
        return LedgerChart(accounts=accounts, taxes=vouchers.tax_codes(), dimensions={})

    def category_details(self) -> list[Category]:
        """The expense categories, with what they require (for the wizard and the docs' checks)."""
        return list(self._load_categories().values())

    # ------------------------------------------------------------------ setup ---------------------
    def ensure_setup(self, settings: dict) -> dict:
        """Read the company (profile); with partner access, find or create the Pleo bank account."""
        out = {**(settings or {})}
        p = self.profile(refresh=True)
        out.update(organization_id=p.get("organizationId"), company_name=p.get("companyName"),
                   tax_type=p.get("taxType"), small_business=bool(p.get("smallBusiness")), wallet_currency="EUR")
        self.settings.update(out)
        if self.partner:
            from pleodesk.providers.lexoffice.feed import ensure_financial_account

            out["financial_account_id"] = ensure_financial_account(self)
        return out

    # ------------------------------------------------------------------ contacts ------------------
    def _load_contacts(self) -> dict[str, str]:
        with self._lock:
            if self._contacts is None:
                found: dict[str, str] = {}
                for c in self.client.paged("/v1/contacts", {"vendor": "true"}):
                    if c.get("archived") or "vendor" not in (c.get("roles") or {}):
                        continue
                    for name in _contact_names(c):
                        found.setdefault(_norm(name), str(c["id"]))
                self._contacts = found
            return self._contacts

    def _create_contact(self, name: str) -> str:
        body = {"version": 0, "roles": {"vendor": {}}, "company": {"name": name[:255]}}
        try:
            resp = self.client.request("POST", "/v1/contacts", json_body=body)
        except LexUncertain:
            # It may exist now: look it up before anything is created again.
            self._contacts = None
            cid = self._load_contacts().get(_norm(name))
            if cid:
                return cid
            raise
        if resp.status_code not in (200, 201):
            raise LexError(f"Lexware Office did not create the supplier '{name}'", message_of(resp),
                           "Create the supplier as a contact with the role Lieferant in Lexware Office, then export "
                           "again.", status=resp.status_code)
        cid = str(wire.loads(resp.content)["id"])
        self._load_contacts()[_norm(name)] = cid
        return cid

    def _set_contact(self, v: Voucher) -> None:
        name = " ".join((v.entry.payee or "").split()) or "Pleo"
        cid = self._load_contacts().get(_norm(name))
        if cid:
            v.body["useCollectiveContact"] = False
            v.body["contactId"] = cid
            return
        need = v.needs_contact
        if need:
            if self.settings.get("create_contacts"):
                v.body["useCollectiveContact"] = False
                v.body["contactId"] = self._create_contact(name)
                return
            raise VoucherError(
                f"The Lexware Office category {need[0].name} needs a contact, and there is no supplier '{name}' "
                "among the contacts",
                f"Create '{name}' as a contact with the role Lieferant in Lexware Office (or let pleodesk create "
                "suppliers: create_contacts in the connection's settings), or map the Pleo category to a category "
                "that needs no contact; then export again.", reason_type="vendor_unknown")
        v.body["useCollectiveContact"] = True
        v.body["contactName"] = name[:255]

    # ------------------------------------------------------------------ export --------------------
    @property
    def voucher_status(self) -> str:
        return "open" if self.settings.get("post", True) else "unchecked"

    def send_batch(self, entries: Sequence[LedgerEntry]) -> list[SendResult]:
        if not entries:
            return []
        cats = self._load_categories()
        if self._profile is None:
            self.profile()
        results: list[SendResult | None] = [None] * len(entries)
        created_any = False
        try:
            for i, e in enumerate(entries):
                try:
                    v = vouchers.build(e, cats, status=self.voucher_status, small_business=self.small_business)
                    self._set_contact(v)
                except VoucherError as exc:
                    results[i] = LexSendResult(e.expense_id, error=exc)
                    continue
                res = self._send_one(v)
                results[i] = res
                created_any = created_any or res.ok
        except LedgerError as exc:
            # A refused key, a missing permission, lexoffice out of reach: when nothing was created yet the
            # engine hears it as such; once something was, every entry gets its own result (raising would
            # have the engine send the booked ones again).
            if not created_any:
                raise
            for i, e in enumerate(entries):
                if results[i] is None:
                    results[i] = LexSendResult(e.expense_id, error=exc)
        out = [r for r in results if r is not None]
        for r in out:
            self.last_notes[r.expense_id] = getattr(r, "notes", ())
        return out

    def _send_one(self, v: Voucher) -> SendResult:
        eid = v.entry.expense_id
        try:
            resp = self.client.request("POST", "/v1/vouchers", json_body=v.body)
        except LexUncertain as exc:
            # It may have been booked (a 504 "may have succeeded"): look it up before anything is sent again.
            try:
                found = self.find_by_reference(v.reference)
            except LedgerError as err:
                return LexSendResult(eid, error=LexUncertain(
                    f"Lexware Office may have booked this expense, but pleodesk could not look it up: {err.title}",
                    exc.detail, "Nothing is sent again before pleodesk has looked it up in Lexware Office.",
                    retryable=True, reason_type="accounting_system_unreachable"))
            if found is not None:
                return self._booked(v, found.ledger_id, notes=("Booked although Lexware Office did not confirm it "
                                                                "in time; found by its voucher number.",))
            return LexSendResult(eid, error=LexUncertain(
                exc.title, exc.detail, "It is looked up again before anything is sent: the next export does that.",
                retryable=True, reason_type=exc.reason_type))
        if resp.status_code in (200, 201):
            data = wire.loads(resp.content)
            return self._booked(v, str(data["id"]))
        msgs = message_of(resp)
        keys = wire.issue_keys(_safe(resp))
        return LexSendResult(eid, error=LexError("Lexware Office refused the voucher", msgs, _fix_for(keys, msgs),
                                                 status=resp.status_code, body=_safe(resp)))

    def _booked(self, v: Voucher, voucher_id: str, notes: tuple[str, ...] = ()) -> SendResult:
        if self.partner:
            from pleodesk.providers.lexoffice.feed import send_hint

            note = send_hint(self, voucher_id, v.entry.expense_id)
            if note:
                notes = notes + (note,)
        return LexSendResult(v.entry.expense_id, ledger_id=voucher_id,
                             ledger_url=wire.voucher_url(self.app, voucher_id), notes=notes)

    def find_by_reference(self, reference: str) -> Found | None:
        data = self.client.get_json("/v1/voucherlist", {
            "voucherType": "purchaseinvoice,purchasecreditnote", "voucherStatus": "any",
            "voucherNumber": reference, "page": 0, "size": 250})
        for item in (data or {}).get("content") or ():
            if item.get("voucherNumber") == reference and item.get("voucherStatus") != "voided" and item.get("id"):
                vid = str(item["id"])
                return Found(vid, wire.voucher_url(self.app, vid))
        return None

    # ------------------------------------------------------------------ receipts ------------------
    def upload_receipt(self, found: Found, path: str, mime: str, filename: str) -> None:
        data, mime, name = receipts.prepare(Path(path).read_bytes(), mime, filename)
        resp = self.client.request("POST", f"/v1/vouchers/{found.ledger_id}/files",
                                   files={"file": (name, data, mime)})
        if resp.status_code in (200, 201, 202):
            return
        if resp.status_code == 404:
            raise LedgerError(f"The Lexware Office voucher for receipt {filename} was not found", message_of(resp),
                              "It may have been deleted in Lexware Office; attach the receipt by hand.")
        raise LedgerError(f"Lexware Office refused receipt {filename}", message_of(resp),
                          "Attach it by hand in Lexware Office.", retryable=False,
                          reason_type="receipt_upload_failure")

    # ------------------------------------------------------------------ voucher updates -----------
    def update_voucher(self, voucher_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Change a voucher the only safe way: read it, merge ``changes``, send it back with its
        ``version`` and **its list of files** (a PUT without a file id deletes that file for good), and
        read it again once if someone changed it meanwhile (409)."""
        for attempt in (1, 2):
            current = self.client.get_json(f"/v1/vouchers/{voucher_id}")
            body = {k: v for k, v in current.items()
                    if k not in ("id", "organizationId", "createdDate", "updatedDate")}
            body.update(changes)
            body["files"] = list(current.get("files") or []) + [f for f in changes.get("files") or ()
                                                                   if f not in (current.get("files") or [])]
            body["version"] = current.get("version")
            body["voucherDate"] = str(current.get("voucherDate") or "")[:10]
            if current.get("dueDate"):
                body["dueDate"] = str(current["dueDate"])[:10]
            resp = self.client.request("PUT", f"/v1/vouchers/{voucher_id}", json_body=body)
            if resp.status_code in (200, 201):
                return wire.loads(resp.content)
            if resp.status_code == 409 and attempt == 1:
                continue
            raise LexError("Lexware Office did not take the change to the voucher", message_of(resp),
                           status=resp.status_code, body=_safe(resp))
        raise AssertionError("unreachable")

    # ------------------------------------------------------------------ feed ----------------------
    def push_feed(self, lines: Sequence[FeedLine]) -> FeedResult:
        from pleodesk.providers.lexoffice.feed import push_feed

        return push_feed(self, lines)

    def feed_lines_present(self, transaction_ids: Sequence[str]) -> set[str]:
        """Which of these card lines Lexware Office (partner: the Pleo account's transactions) or the
        statement files already hold, so lines a crash left unrecorded are never sent twice."""
        from pleodesk.providers.lexoffice.feed import lines_present

        return lines_present(self, transaction_ids)


# ---------------------------------------------------------------------------------- helpers ----
def _short_code(cid: str, ids: Sequence[str]) -> str:
    """The shortest prefix of ``cid`` (at least 8 hex digits) no other id shares."""
    plain = cid.replace("-", "")
    others = [i.replace("-", "") for i in ids if i != cid]
    n = 8
    while n < len(plain) and any(o.startswith(plain[:n]) for o in others):
        n += 2
    return plain[:n]


def _contact_names(c: Mapping[str, Any]) -> list[str]:
    names = []
    company = c.get("company") or {}
    if company.get("name"):
        names.append(company["name"])
    person = c.get("person") or {}
    first, last = person.get("firstName") or "", person.get("lastName") or ""
    if last:
        names += [f"{first} {last}".strip(), f"{last}, {first}".strip(", ")]
    return names


def _safe(resp: httpx.Response) -> Any:
    try:
        return wire.loads(resp.content) if resp.content else None
    except ValueError:
        return None


def _fix_for(keys: set[str], message: str) -> str:
    text = message.lower()
    if "categoryid" in text or "category" in text:
        return "Check the category mapping of this expense; the Lexware Office category may no longer exist."
    if "taxrate" in text:
        return "Check the tax mapping of this expense: Lexware Office takes 0, 5, 7, 16 and 19 %."
    if "contact" in text:
        return "Check the supplier: the category may need a contact with the role Lieferant."
    return "Fix the cause in Lexware Office or in the mappings, then export again."
