"""Pennylane as a pleodesk accounting system (the ``Provider`` protocol). See docs/pennylane.md.

Each expense (or, in summary mode, each day's or month's summary) becomes one ledger entry in the Pleo
journal: ``POST /ledger_entries`` with its balanced lines, the expense's receipt uploaded first
(``POST /file_attachments``) and linked with ``file_attachment_id``, then the lines' analytic
categories (``PUT /ledger_entry_lines/{id}/categories``) where tag groups are mapped.

Pennylane has no idempotency key, and a create sent twice makes two entries. So our reference starts
the entry's label (and is its ``piece_number``), and is looked up (``GET /ledger_entries`` filtered on
the journal and the entry's date, the filters Pennylane offers) before anything is sent again after a
crash or a lost answer; a create whose answer is lost is never sent again within the run.

VAT: Pennylane books VAT as lines on its VAT accounts; it has no tax codes on ledger entries. The
chart pleodesk reads offers, for each deductible-VAT account (``4456…``), one tax code per French
rate (``445660@20``: 20 % on 445660) and one reverse-charge code per account (input on it, output on the
VAT-due account ``4452…``), so Pleo's tax codes are mapped to VAT accounts.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import httpx

from pleodesk.core.ledger import LedgerAccount, LedgerChart, LedgerDimension, LedgerEntry, LedgerTax
from pleodesk.providers.base import (Capabilities, CheckResult, Company, FeedLine, FeedResult, Found, LedgerError,
                                     SendResult)
from pleodesk.providers.pennylane.client import (API_URL, OPTIONAL_SCOPES, REQUIRED_SCOPES, Limits, PennylaneClient,
                                                 PennylaneError, PennylaneUncertain, filter_param)

log = logging.getLogger(__name__)

JOURNAL_CODE = "PLEO"
JOURNAL_LABEL = "Pleo"
BANK_ACCOUNT_NUMBER = "512100"
BANK_ACCOUNT_LABEL = "Banque Pleo"
#: The French VAT rates a deductible-VAT account is offered with (percent).
VAT_RATES = ("20", "10", "5.5", "2.1", "0")
#: Pennylane takes at most this many lines in one create.
MAX_LINES = 1000
#: File types Pennylane takes as a file attachment (png, jpeg, tiff, bmp, gif, pdf), at most 100 MB.
ATTACHMENT_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".tif": "image/tiff",
                    ".tiff": "image/tiff", ".bmp": "image/bmp", ".gif": "image/gif", ".pdf": "application/pdf"}
MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024
_SUMMARY_REF = re.compile(r"^PLEO-S[^-]+-(?:D(\d{4}-\d{2}-\d{2})|M(\d{4})-(\d{2}))$")


def _amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):f}"


def label_for(entry: LedgerEntry) -> str:
    """The entry's label: our reference first (what a look-up matches), then what it is."""
    return f"{entry.reference} {entry.description}".strip()[:255]


def reference_of(label: str | None) -> str:
    return (label or "").split(" ", 1)[0]


def tax_code(account: str, rate: str) -> str:
    return f"{account}@{rate}"


@dataclass(frozen=True)
class PennylaneSendResult(SendResult):
    """A SendResult with what could not be done besides the entry (its analytic categories)."""

    notes: tuple[str, ...] = ()


@dataclass
class _Account:
    id: int
    number: str
    label: str
    enabled: bool


class PennylaneProvider:
    system = "pennylane"
    #: One file per ledger entry: a summary entry takes none of its expenses' receipts.
    summary_receipts = False

    def __init__(self, settings: Mapping[str, Any], token_source: Callable[[], str], *, name: str = "",
                 transport: httpx.BaseTransport | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = dict(settings)
        self.name = name
        self.api = str(self.settings.get("api_url") or API_URL).rstrip("/")
        self.limits = Limits.from_settings(self.settings.get("rate_limits"))
        self.client = PennylaneClient(self.api, token_source, limits=self.limits, transport=transport, sleep=sleep)
        self._lock = threading.RLock()
        self._me: dict | None = None
        self._accounts: dict[str, _Account] | None = None
        self._fiscal_years: list[dict] | None = None
        self._groups: dict[str, tuple[int, dict[str, int]]] | None = None   # group label -> (id, value -> id)
        self._attached: set[str] = set()      # entries created with their receipt by this provider

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "PennylaneProvider":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ who and what -------------
    def me(self, refresh: bool = False) -> dict:
        """``GET /me``: the token's company and scopes (needs no scope itself: the token check)."""
        with self._lock:
            if self._me is None or refresh:
                self._me = self.client.get("/me")
            return self._me

    def scopes(self) -> set[str]:
        return set(self.me().get("scopes") or ())

    def missing_scopes(self) -> list[str]:
        have = self.scopes()
        return [s for s in REQUIRED_SCOPES if s not in have]

    def check(self) -> CheckResult:
        try:
            me = self.me(refresh=True)
        except LedgerError as exc:
            return CheckResult(False, (f"{exc.title}. {exc.detail} {exc.fix}".replace("..", ".").strip(),))
        company = me.get("company") or {}
        messages = [f"Connected to {company.get('name')} (SIREN {company.get('reg_no') or '?'})."]
        ok = True
        missing = self.missing_scopes()
        if missing:
            ok = False
            messages.append(f"The API token lacks these permissions: {', '.join(missing)}. Make a token with them "
                            "(Settings > Connectivity > Developers) and reconnect with it.")
        wanted = str(self.settings.get("company_id") or "")
        if wanted and str(company.get("id")) != wanted:
            ok = False
            messages.append(f"This token belongs to {company.get('name')}, not to the company of this connection: "
                            "use a token of the same company.")
        if ok and self.settings.get("journal_id"):
            try:
                self.client.get(f"/journals/{int(self.settings['journal_id'])}")
            except LedgerError as exc:
                ok = False
                messages.append(f"The Pleo journal is not in Pennylane any more ({exc.detail}): choose it again.")
        return CheckResult(ok, tuple(messages), version="Company API v2 (2026)")

    def list_companies(self) -> list[Company]:
        company = self.me().get("company") or {}
        return [Company(str(company.get("id")), str(company.get("name") or company.get("id")))]

    # ------------------------------------------------------------------ chart --------------------
    def _load_accounts(self, refresh: bool = False) -> dict[str, _Account]:
        with self._lock:
            if self._accounts is None or refresh:
                out: dict[str, _Account] = {}
                for a in self.client.pages("/ledger_accounts", limit=1000):
                    out[str(a["number"])] = _Account(int(a["id"]), str(a["number"]), str(a.get("label") or ""),
                                                     bool(a.get("enabled", True)))
                self._accounts = out
            return self._accounts

    def _load_groups(self) -> dict[str, tuple[int, dict[str, int]]]:
        with self._lock:
            if self._groups is None:
                groups: dict[str, tuple[int, dict[str, int]]] = {}
                if "categories:readonly" in self.scopes() or "categories:all" in self.scopes():
                    for g in self.client.pages("/category_groups"):
                        values = {str(c["label"]): int(c["id"])
                                  for c in self.client.pages(f"/category_groups/{int(g['id'])}/categories")}
                        groups[str(g["label"])] = (int(g["id"]), values)
                self._groups = groups
            return self._groups

    def read_chart(self) -> LedgerChart:
        accounts = self._load_accounts(refresh=True)
        with self._lock:
            self._groups = None
        ledger_accounts: dict[str, LedgerAccount] = {}
        for a in accounts.values():
            ledger_accounts[a.number] = LedgerAccount(a.number, a.label, _account_type(a.number), a.enabled, str(a.id))
        vat_in = sorted(n for n, a in accounts.items() if n.startswith("4456") and a.enabled)
        vat_due = str(self.settings.get("vat_due_account") or next(
            (n for n in sorted(accounts) if n.startswith("4452") and accounts[n].enabled), "") or "")
        taxes: dict[str, LedgerTax] = {}
        for number in vat_in:
            label = accounts[number].label
            for rate in VAT_RATES:
                code = tax_code(number, rate)
                taxes[code] = LedgerTax(code, f"TVA {rate.replace('.', ',')} % - {label} ({number})",
                                        Decimal(rate) / 100, "inclusive", input_account=number)
            if vat_due:
                code = tax_code(number, "AI20")
                taxes[code] = LedgerTax(code, f"Autoliquidation 20 % - {number} / {vat_due}", Decimal("0.2"), "reverse",
                                        input_account=number, output_account=vat_due)
        taxes["0"] = LedgerTax("0", "Sans TVA", Decimal(0), "inclusive")
        dims = {label: LedgerDimension(label, frozenset(values), id=str(gid))
                for label, (gid, values) in self._load_groups().items()}
        return LedgerChart(accounts=ledger_accounts, taxes=taxes, dimensions=dims)

    # ------------------------------------------------------------------ setup --------------------
    def list_journals(self) -> list[dict[str, Any]]:
        return [{"id": int(j["id"]), "code": str(j["code"]), "name": str(j.get("label") or j["code"]),
                 "type": str(j.get("type") or "")} for j in self.client.pages("/journals")]

    def ensure_setup(self, settings: dict) -> dict:
        """Find or create the Pleo journal and the Pleo bank ledger account (512…); return the settings
        to store (with the company, the journal's id and the account's number)."""
        s = {**self.settings, **(settings or {})}
        me = self.me(refresh=True)
        missing = self.missing_scopes()
        if missing:
            raise PennylaneError("The Pennylane API token lacks permissions pleodesk needs", ", ".join(missing),
                                 "Make a token with them (Settings > Connectivity > Developers) and reconnect with it.",
                                 reason_type="accounting_system_authentication_failure")
        company = me.get("company") or {}
        out: dict[str, Any] = {"company_id": str(company.get("id")), "company_name": company.get("name"),
                               "company_reg_no": company.get("reg_no")}
        journal = self._ensure_journal(s)
        out.update(journal_id=journal["id"], journal_code=journal["code"])
        number = str(s.get("bank_account_number") or BANK_ACCOUNT_NUMBER)
        acc = self.ensure_account(number, str(s.get("bank_account_label") or BANK_ACCOUNT_LABEL))
        out.update(bank_account_number=acc.number, bank_account_id=acc.id)
        result = {**(settings or {}), **out}
        self.settings.update(out)
        return result

    def _ensure_journal(self, s: Mapping[str, Any]) -> dict:
        journals = self.list_journals()
        wanted = (s.get("journals") or {}).get("pleo") or s.get("journal_id")   # page 4's choice, or the setup's
        if wanted:
            for j in journals:
                if j["id"] == int(wanted):
                    return j
        code = str(s.get("journal_code") or JOURNAL_CODE).upper()
        for j in journals:
            if j["code"].upper() == code:
                return j
        if not re.fullmatch(r"[A-Z]{2,5}", code):
            raise PennylaneError(f"The journal code {code} cannot be created in Pennylane",
                                 "Pennylane journal codes are 2 to 5 letters.", "Choose a code such as PLEO.",
                                 reason_type="invalid_configuration")
        created = self.client.post("/journals", {"code": code, "label": str(s.get("journal_label") or JOURNAL_LABEL)})
        return {"id": int(created["id"]), "code": str(created["code"]), "name": str(created["label"]),
                "type": str(created.get("type") or "")}

    def ensure_account(self, number: str, label: str) -> _Account:
        """The ledger account ``number``, created when Pennylane has none (the wizard's "Create…")."""
        number = number.strip()
        accounts = self._load_accounts(refresh=True)
        if number in accounts:
            acc = accounts[number]
            if not acc.enabled:
                raise PennylaneError(f"The ledger account {number} is disabled in Pennylane", "",
                                     f"Enable {number} in Pennylane, or choose another account.",
                                     reason_type="invalid_configuration")
            return acc
        if not re.fullmatch(r"[1-8][0-9]{2,}", number):
            raise PennylaneError(f"{number} is not a ledger account number Pennylane takes",
                                 "Pennylane's ledger accounts are numbers of the French chart (plan comptable "
                                 "général), such as 512100 or 625100.", "Choose such a number.",
                                 reason_type="invalid_configuration")
        created = self.client.post("/ledger_accounts", {"number": number, "label": label.strip() or number})
        acc = _Account(int(created["id"]), str(created["number"]), str(created["label"]), True)
        with self._lock:
            self._load_accounts()[acc.number] = acc
        return acc

    def capabilities(self) -> Capabilities:
        return Capabilities(object_kinds=("journal_entry",), draft=False, posted=True, batch_size=25,
                            max_attachment_bytes=MAX_ATTACHMENT_BYTES, max_attachments=1, feed=False,
                            summaries=True)

    # ------------------------------------------------------------------ fiscal years -------------
    def _closed_year(self, day: date) -> dict | None:
        """The fiscal year ``day`` falls in when Pennylane has closed or frozen it (None: open, or the token
        may not read fiscal years: Pennylane's own refusal then says it)."""
        with self._lock:
            if self._fiscal_years is None:
                self._fiscal_years = []
                if "fiscal_years:readonly" in self.scopes():
                    try:
                        self._fiscal_years = list(self.client.pages("/fiscal_years"))
                    except PennylaneError as exc:
                        log.info("pennylane: fiscal years not read: %s", exc)
            for fy in self._fiscal_years:
                if fy.get("status") in ("closed", "frozen") and fy["start"] <= day.isoformat() <= fy["finish"]:
                    return fy
        return None

    # ------------------------------------------------------------------ export -------------------
    def send_batch(self, entries: Sequence[LedgerEntry]) -> list[SendResult]:
        if not entries:
            return []
        journal_id = self.settings.get("journal_id")
        if not journal_id:
            raise PennylaneError("This Pennylane connection has no Pleo journal", "",
                                 "Run the setup again (it finds or creates the journal).",
                                 reason_type="missing_configuration")
        self._load_accounts()
        out: list[SendResult] = []
        created_any = False
        for e in entries:
            try:
                res = self._send_one(e, int(journal_id))
            except LedgerError as exc:
                if isinstance(exc, PennylaneUncertain):
                    res = SendResult(e.expense_id, error=exc)      # looked up before it is sent again
                elif exc.reason_type == "accounting_system_authentication_failure" or exc.retryable:
                    if not created_any and not out:
                        raise                                      # nothing was created
                    res = SendResult(e.expense_id, error=exc)
                else:
                    res = SendResult(e.expense_id, error=exc)
            created_any = created_any or res.ok
            out.append(res)
        return out

    def _lines(self, entry: LedgerEntry) -> list[dict[str, Any]] | LedgerError:
        accounts = self._load_accounts()
        lines = []
        for p in entry.postings:
            acc = accounts.get(p.account)
            if acc is None:
                return LedgerError(f"The ledger account {p.account} is not in Pennylane", "",
                                   f"Map the category to an account Pennylane has, or create {p.account} in Pennylane "
                                   "(read the chart again in the connection's settings).", reason_type="account_unknown")
            if not acc.enabled:
                return LedgerError(f"The ledger account {p.account} is disabled in Pennylane", "",
                                   f"Enable {p.account} in Pennylane, or map to another account.",
                                   reason_type="account_unknown")
            lines.append({"debit": _amount(p.debit), "credit": _amount(p.credit), "ledger_account_id": acc.id,
                          "label": (p.description or entry.description)[:255]})
        if len(lines) > MAX_LINES:
            return LedgerError(f"The entry {entry.reference} has {len(lines)} lines", f"Pennylane takes at most "
                               f"{MAX_LINES} per entry.", "Book summaries per day instead of per month.",
                               reason_type="accounting_system_validation_failure")
        return lines

    def _send_one(self, entry: LedgerEntry, journal_id: int) -> SendResult:
        if not entry.postings:
            return SendResult(entry.expense_id)          # nothing to book (all amounts zero)
        lines = self._lines(entry)
        if isinstance(lines, LedgerError):
            return SendResult(entry.expense_id, error=lines)
        fy = self._closed_year(entry.date)
        if fy is not None:
            return SendResult(entry.expense_id, error=LedgerError(
                f"The fiscal year {fy['start']} to {fy['finish']} is {fy['status']} in Pennylane",
                f"The entry is dated {entry.date.isoformat()}.",
                "Reopen the fiscal year in Pennylane, or book this expense by hand in an open year.",
                reason_type="accounting_system_validation_failure"))
        body: dict[str, Any] = {"date": entry.date.isoformat(), "label": label_for(entry), "journal_id": journal_id,
                                "currency": entry.gross.currency, "piece_number": entry.reference,
                                "ledger_entry_lines": lines}
        attached = False
        if entry.receipts and not entry.is_summary:
            try:
                body["file_attachment_id"] = self._upload(Path(entry.receipts[0]))
                attached = True
            except LedgerError as exc:      # the receipt never fails its entry: the engine attaches it later
                log.info("pennylane: receipt of %s not uploaded before the entry: %s", entry.reference, exc)
        created = self.client.post("/ledger_entries", body)
        entry_id = str(created["id"])
        if attached:
            self._attached.add(entry_id)
        notes: list[str] = []
        try:
            self._set_analytics(entry, created)
        except LedgerError as exc:          # the entry exists: it must be recorded as exported all the same
            notes.append(f"analytic categories not set: {exc.title}. {exc.detail}".strip())
            log.warning("pennylane: %s: %s", entry.reference, notes[-1])
        return PennylaneSendResult(entry.expense_id, ledger_id=entry_id, ledger_url=self.url_for(entry_id),
                                   notes=tuple(notes))

    def url_for(self, entry_id: int | str) -> str:
        web = str(self.settings.get("web_url") or "https://app.pennylane.com")
        company = self.settings.get("company_id")
        return f"{web}/companies/{company}/clients/accounting/ledger_entries/{entry_id}" if company else \
            f"{web}/ledger_entries/{entry_id}"

    def _set_analytics(self, entry: LedgerEntry, created: Mapping[str, Any]) -> None:
        """The lines' analytic categories: Pennylane returns the lines in no set order, so each posting is
        matched to a line by account, debit, credit and label."""
        wanted = [p for p in entry.postings if p.dimensions]
        if not wanted:
            return
        groups = self._load_groups()
        free = list(created.get("ledger_entry_lines") or ())
        accounts = self._load_accounts()
        for p in wanted:
            acc = accounts[p.account]
            label = (p.description or entry.description)[:255]
            match = next((ln for ln in free if int((ln.get("ledger_account") or {}).get("id") or
                                                   ln.get("ledger_account_id") or 0) == acc.id
                          and Decimal(ln["debit"]) == p.debit and Decimal(ln["credit"]) == p.credit
                          and ln.get("label") == label), None)
            if match is None:
                log.warning("pennylane: no line of %s matches %s", entry.reference, p)
                continue
            free.remove(match)
            cats = []
            for dim, value in p.dimensions:
                group = groups.get(dim)
                if group and value in group[1]:
                    cats.append({"id": group[1][value], "weight": "1"})
            if cats:
                self.client.put(f"/ledger_entry_lines/{int(match['id'])}/categories", cats)

    def _upload(self, path: Path) -> int:
        mime = ATTACHMENT_TYPES.get(path.suffix.lower())
        if mime is None:
            raise LedgerError(f"Receipt {path.name} is a file type Pennylane does not take", "",
                              "Attach it by hand in Pennylane as a PDF, JPEG or PNG.",
                              reason_type="receipt_upload_failure")
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise LedgerError(f"Receipt {path.name} is over Pennylane's 100 MB", "", "Attach a smaller copy by hand.",
                              reason_type="receipt_file_size_limit_exceeded")
        with open(path, "rb") as fh:
            resp = self.client.request("POST", "/file_attachments", files={"file": (path.name, fh, mime)},
                                       data={"filename": path.name}, ok=(200, 201))
        return int(resp.json()["id"])

    # ------------------------------------------------------------------ look-ups -----------------
    def _entries_on(self, day: date | None) -> list[dict]:
        journal_id = self.settings.get("journal_id")
        conditions: list[tuple[str, str, Any]] = []
        if journal_id:
            conditions.append(("journal_id", "eq", int(journal_id)))
        if day is not None:
            conditions.append(("date", "eq", day.isoformat()))
        params = {"filter": filter_param(*conditions)} if conditions else {}
        return list(self.client.pages("/ledger_entries", params))

    def find_many(self, items: Sequence[tuple[str, date | None]]) -> dict[str, Found]:
        """Our references in the Pleo journal, one list call (cursor pages) per booking date."""
        by_day: dict[date | None, set[str]] = {}
        for ref, day in items:
            by_day.setdefault(day if day is not None else _summary_day(ref), set()).add(ref)
        found: dict[str, Found] = {}
        for day, refs in by_day.items():
            for item in self._entries_on(day):
                ref = item.get("piece_number") if item.get("piece_number") in refs else reference_of(item.get("label"))
                if ref in refs and ref not in found:
                    found[ref] = Found(str(item["id"]), self.url_for(item["id"]))
        return found

    def find_by_reference(self, reference: str) -> Found | None:
        return self.find_many([(reference, _summary_day(reference))]).get(reference)

    def upload_receipt(self, found: Found, path: str, mime: str, filename: str) -> None:
        """Attach a receipt to an entry that has none yet (Pennylane keeps one file per entry)."""
        if found.ledger_id in self._attached:
            return                           # sent with the entry itself
        entry = self.client.get(f"/ledger_entries/{int(found.ledger_id)}")
        if entry.get("attachment"):
            return                           # already attached (a retry): never a second upload
        file_id = self._upload(Path(path))
        self.client.put(f"/ledger_entries/{int(found.ledger_id)}", {"file_attachment_id": file_id})

    def push_feed(self, lines: Sequence[FeedLine]) -> FeedResult:
        return FeedResult(accepted=0, messages=("pleodesk sends no bank feed to Pennylane.",),
                          rejected=tuple(ln.transaction_id for ln in lines))

    def feed_lines_present(self, transaction_ids: Sequence[str]) -> set[str]:
        """No feed is pushed here, so none of its lines is ever there."""
        return set()


def _summary_day(reference: str) -> date | None:
    """A summary's date is the last day of its period, which its reference names."""
    import calendar

    m = _SUMMARY_REF.match(reference)
    if not m:
        return None
    if m.group(1):
        return date.fromisoformat(m.group(1))
    year, month = int(m.group(2)), int(m.group(3))
    return date(year, month, calendar.monthrange(year, month)[1])


def _account_type(number: str) -> str:
    from pleodesk.providers.fec.format import pcg_type

    return pcg_type(number, "asset")
