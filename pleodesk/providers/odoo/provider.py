"""The Odoo 16 / 17 provider: journal entries or vendor bills, drafts or posted, receipts, bank feed.

See docs/odoo.md for what is booked where. In short:

* **Journal entry** (``move_type`` ``entry``) in the Pleo card journal: Pleo's postings as they are
  (expense lines at the net, a line per input/output tax on the tax's account, the counter line), so
  every amount is Pleo's to the cent. Foreign-currency lines carry ``currency_id`` and
  ``amount_currency``; debit/credit are what the wallet was charged.
* **Vendor bill** (``in_invoice`` / ``in_refund`` for refunds) in the bills journal, partner = the
  supplier (found by name or created), one invoice line per Pleo line with the Odoo tax. Odoo computes
  the tax itself, so before sending we compute what Odoo will compute (``taxes.py``) and only send a
  bill when it equals Pleo's tax to the cent (trying the price-included twin of the mapped tax when
  that gives Pleo's numbers). Otherwise the expense is booked as a journal entry, and the entry's
  narration says why. After creation the totals are read back; a difference removes the draft and
  books the journal entry instead. When the money did not come from accounts payable (a card purchase
  or an employee's out-of-pocket expense booked as a bill), a second entry in the Pleo journal moves
  the bill's payable to the wallet / out-of-pocket account, created in the same request as the bill
  and reconciled with it once posted.
* Everything is created as drafts first, in one ``create`` for the batch (one by one when that
  fails, so only the bad expense fails), checked, then posted with ``action_post`` when the connection
  posts. A failed post removes that expense's drafts and reports why; the others are untouched.
"""

from __future__ import annotations

import base64
import logging
import mimetypes
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

from pleodesk.core.ledger import (
    ContraRole,
    free_account_code,
    LedgerAccount,
    LedgerChart,
    LedgerDimension,
    LedgerEntry,
    LedgerTax,
    Posting,
)
from pleodesk.core.model import ExpenseKind
from pleodesk.core.posting import REIMBURSEMENT_KINDS
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
from pleodesk.providers.odoo.partners import best_match, normalise_vat, search_domain
from pleodesk.providers.odoo.rpc import DatabaseNotFound, OdooRpc, is_loopback_url, normalise_url
from pleodesk.providers.odoo.taxes import (
    SCOPE_WORDS,
    TaxInfo,
    TaxKeyError,
    choose_line,
    meaning_key,
    parse_meaning,
    resolve_tax,
    tax_key,
    to_decimal,
)

log = logging.getLogger(__name__)

SYSTEM = "odoo"
MAX_SYNCED_PLANS = 5
BATCH_SIZE = 25
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
#: Receipts of a batch go to Odoo in one ``ir.attachment.create`` per this many bytes of files.
ATTACH_CHUNK_BYTES = 15 * 1024 * 1024
#: Feed lines looked up per search (the domain lists their ids).
FEED_LOOKUP_CHUNK = 500

#: Defaults for the accounts ensure_setup finds or creates: role -> (code, name, account_type).
DEFAULT_ACCOUNTS: dict[str, tuple[str, str, str]] = {
    "wallet": ("1190", "Pleo wallet", "asset_current"),
    "out_of_pocket": ("1691", "Pleo out-of-pocket expenses", "liability_current"),
    "external_reimbursement": ("1692", "Pleo external reimbursements", "liability_current"),
    "payable": ("1690", "Pleo creditors", "liability_payable"),
}
#: Journals: role -> (code, name, type).
DEFAULT_JOURNALS: dict[str, tuple[str, str, str]] = {
    "pleo": ("PLEO", "Pleo card expenses", "general"),
    "bills": ("PLEOB", "Pleo vendor bills", "purchase"),
}

#: Which expense kinds may become a vendor bill, and the option that decides it.
CARD_KINDS = frozenset({ExpenseKind.CARD_PURCHASE, ExpenseKind.CARD_INVOICE, ExpenseKind.REFUND,
                        ExpenseKind.CHARGEBACK})
OUT_OF_POCKET_KINDS = frozenset({ExpenseKind.OUT_OF_POCKET})
INVOICE_KINDS = frozenset({ExpenseKind.INVOICE})
BILLABLE_KINDS = CARD_KINDS | OUT_OF_POCKET_KINDS | INVOICE_KINDS

_ACCOUNT_TYPES = {
    "asset_cash": "bank", "liability_credit_card": "bank", "liability_payable": "payable",
    "asset_receivable": "asset", "equity": "equity", "equity_unaffected": "equity",
    "income": "income", "income_other": "income",
}

_ROLE_LABEL = {
    ContraRole.WALLET: "Pleo wallet",
    ContraRole.OUT_OF_POCKET: "owed to the employee",
    ContraRole.EXTERNAL_REIMBURSEMENT: "reimbursed outside Pleo",
    ContraRole.PAYABLE: "accounts payable",
}


def _account_type(odoo_type: str) -> str:
    if odoo_type in _ACCOUNT_TYPES:
        return _ACCOUNT_TYPES[odoo_type]
    for prefix, ours in (("expense", "expense"), ("liability", "liability"), ("asset", "asset")):
        if odoo_type.startswith(prefix):
            return ours
    return "asset" if odoo_type == "off_balance" else odoo_type


def _m2o_id(value: Any) -> int | None:
    if isinstance(value, (list, tuple)) and value:
        return int(value[0])
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def _dec(value: Any, digits: int = 2) -> Decimal:
    return to_decimal(float(value or 0.0), digits)


# ------------------------------------------------------------------------ chart cache ----------
@dataclass
class _Chart:
    accounts: dict[str, dict] = field(default_factory=dict)        # code -> {id, name, account_type, deprecated}
    account_codes: dict[int, str] = field(default_factory=dict)    # id -> code
    taxes: dict[str, TaxInfo] = field(default_factory=dict)        # our key (Odoo's name) -> tax
    legacy: dict[str, str] = field(default_factory=dict)   # an old key ("21.0-percent-excl", by meaning) -> ours
    analytic: dict[tuple[str, str], int] = field(default_factory=dict)   # (plan name, value) -> account id
    analytic_active: dict[int, bool] = field(default_factory=dict)
    ledger: LedgerChart | None = None


@dataclass
class _Company:
    id: int
    name: str
    currency: str
    currency_id: int
    digits: int
    round_per_line: bool
    lock_date: str | None          # the date up to which posting is locked for this user (no tax)
    tax_lock_date: str | None


@dataclass
class _Line:
    """One Pleo line: its expense posting and the tax postings booked with it."""

    posting: Posting
    taxes: list[Posting] = field(default_factory=list)

    @property
    def input_tax(self) -> Decimal:
        return sum((t.signed for t in self.taxes if t.tax_role == "input"), Decimal(0))


@dataclass
class _Plan:
    """What one expense becomes in Odoo."""

    index: int
    entry: LedgerEntry
    kind: str = "entry"                    # entry | bill
    moves: list[dict] = field(default_factory=list)
    expected: list[dict] = field(default_factory=list)   # per move: move_type, amount_total, amount_tax
    note: str = ""                         # why a bill became a journal entry
    ids: list[int] = field(default_factory=list)
    existing: bool = False
    payable_account: int | None = None     # a bill's payable line goes to this account (the Pleo payable)
    settled: bool = False                  # a bill with the entry that paid it (from the wallet, the employee)
    notes: list[str] = field(default_factory=list)   # what the user should know (with the expense)
    attachments: list[tuple[str, int, str]] = field(default_factory=list)   # receipts: (name, id, mime)
    payable_lines: list[dict] = field(default_factory=list)   # its open lines on the payable account
    error: LedgerError | None = None
    alt: "_Plan | None" = None             # a bill's journal-entry twin, booked if Odoo's totals differ
    fallback: "_Plan | None" = None        # set when the twin is to be booked instead

    @property
    def main_id(self) -> int | None:
        return self.ids[0] if self.ids else None


def _amount_problems(ids: list[int], expected: list[dict], rows: dict[int, dict], company: _Company) -> list[str]:
    """How the moves ``ids`` (as read: ``rows``) differ from what Pleo booked (``expected``, per move)."""
    problems = []
    for mid, exp in zip(ids, expected):
        r = rows.get(mid)
        if r is None:
            problems.append(f"move {mid} is missing")
            continue
        # an entry's amount_total adds up its debit lines in their own currencies (USD and EUR
        # alike); amount_total_signed is the debits in the company currency
        total = _dec(abs(r["amount_total_signed"]) if r["move_type"] == "entry" else r["amount_total"],
                     company.digits)
        tax = _dec(r["amount_tax"], company.digits)
        if total != exp["amount_total"] or tax != exp["amount_tax"]:
            problems.append(f"Odoo's total is {total} (VAT {tax}), Pleo's is {exp['amount_total']} "
                            f"(VAT {exp['amount_tax']})")
    return problems


class OdooProvider:
    """One Odoo database, user and company (see the module docstring)."""

    system = SYSTEM

    def __init__(self, url: str, database: str, login: str, api_key: str | None, *,
                 company_id: int | str | None = None, settings: dict | None = None,
                 transport: Any = None, timeout: float = 60.0) -> None:
        self.url = normalise_url(url)
        self.database = database
        self.login = login
        self.settings: dict = dict(settings or {})
        self.rpc = OdooRpc(self.url, database, login, api_key, timeout=timeout, transport=transport)
        self.company_id: int | None = int(company_id) if company_id not in (None, "") else None
        self._chart: _Chart | None = None
        self._company: _Company | None = None
        self._groups: set[str] | None = None
        self._currency_ids: dict[str, int | None] = {}
        self._partner_cache: dict[tuple[str, str], int] = {}   # (supplier name, VAT number) -> partner id
        self._pending: dict[tuple[str, str], _NewPartner] = {}  # suppliers to create with the next moves
        self._employee_cache: dict[str, int | None] = {}    # employee name -> work contact partner id
        self._employee_state: dict[str, str] = {}           # employee name -> ok | no_contact | unknown | ...
        self._warned_employees: set[str] = set()
        self._attached: dict[tuple[int, str], int] = {}     # (move id, file name) -> attachment id
        self._statement_fields: set[str] | None = None
        self._planned_taxes: dict[str, TaxInfo] = {}          # taxes preview_setup would create
        if self.company_id:
            self.rpc.context = {"allowed_company_ids": [self.company_id]}

    # ================================================================== basics ==============
    def close(self) -> None:
        self.rpc.close()

    def capabilities(self) -> Capabilities:
        return Capabilities(object_kinds=("journal_entry", "bill"), draft=True, posted=True,
                            batch_size=BATCH_SIZE, max_attachment_bytes=MAX_ATTACHMENT_BYTES,
                            max_attachments=10, feed=True, create_dimension_values=True)

    def create_dimension_values(self, dimension: str, values) -> LedgerDimension:
        """Create an analytic account in the analytic plan ``dimension`` for each of ``values`` it has not
        (active or archived), in this connection's company; returns the plan as Odoo has it now."""
        chart = self._ensure_chart()
        dim = chart.ledger.dimensions.get(dimension)
        if dim is None or not dim.id:
            raise LedgerError(f"Odoo has no analytic plan named {dimension}", "",
                              "Choose another analytic plan, or read the chart again.",
                              reason_type="missing_configuration")
        have = {v.casefold() for v in (*dim.values, *dim.archived_values)}
        cid = self._cid()
        for value in values:
            value = str(value).strip()
            if not value or value.casefold() in have:
                continue
            self._x("account.analytic.account", "create", {"name": value, "plan_id": int(dim.id), "company_id": cid})
            have.add(value.casefold())
        self._chart = None
        return self.read_chart().dimensions[dimension]

    @property
    def options(self) -> dict:
        """The Odoo options; the wizard's ``object_kinds`` choices ("card", "reimbursement") count too."""
        opts = dict(self.settings.get("options") or {})
        kinds = self.settings.get("object_kinds") or {}
        if kinds.get("card") in ("entry", "bill"):
            opts.setdefault("card_expenses", kinds["card"])
        if kinds.get("reimbursement") in ("entry", "bill"):
            opts.setdefault("out_of_pocket", kinds["reimbursement"])
        return opts

    @property
    def post_entries(self) -> bool:
        opts = self.options
        if "post" in opts:
            return bool(opts["post"])
        return bool(self.settings.get("post", False))

    def _x(self, model: str, method: str, *args: Any, **kwargs: Any) -> Any:
        return self.rpc.execute(model, method, *args, **kwargs)

    def _cid(self) -> int:
        if self.company_id is None:
            companies = self.list_companies()
            wanted = str(self.settings.get("company_name") or "").strip().lower()
            if wanted:
                companies = [c for c in companies if c.name.strip().lower() == wanted] or companies
            if len(companies) != 1:
                raise LedgerError("No Odoo company is chosen for this connection",
                                  f"The user may use {len(companies)} companies.",
                                  "Run the setup again and choose the company to export to.",
                                  reason_type="missing_configuration")
            self.company_id = int(companies[0].id)
            self.rpc.context = {"allowed_company_ids": [self.company_id]}
        return self.company_id

    def ledger_url(self, move_id: int) -> str:
        return f"{self.url}/web#id={move_id}&model=account.move&view_type=form"

    # ================================================================== check ===============
    def check(self) -> CheckResult:
        messages: list[str] = []
        ok = True
        if self.url.startswith("http://") and not is_loopback_url(self.url):
            messages.append(f"Warning: {self.url} uses plain http, so the API key would travel unencrypted. "
                            "Use the https:// address of your Odoo.")
        if not self.rpc.api_key:
            return CheckResult(False, tuple(messages + ["No Odoo API key is stored for this connection: run the "
                                                        "setup again and enter it."]))
        try:
            self.rpc.version()
        except LedgerError as exc:
            return CheckResult(False, tuple(messages + [_sentence(exc)]))
        version = f"Odoo {self.rpc.server_version()}"
        try:
            self.rpc.ensure_supported()
        except LedgerError as exc:
            return CheckResult(False, tuple(messages + [f"{exc.title}: pleodesk works with Odoo 16 and 17."]),
                               version=version)
        try:
            uid = self.rpc.authenticate()
        except DatabaseNotFound:
            dbs = self.rpc.list_databases()
            hint = f" The server has: {', '.join(dbs)}." if dbs else ""
            return CheckResult(False, tuple(messages + [
                f"There is no database named '{self.database}' on this Odoo server.{hint} Check the database "
                "name: in Odoo, open the user menu > My Databases, or turn on developer mode and read it under "
                "the user icon."]), version=version)
        except AuthError:
            return CheckResult(False, tuple(messages + [
                f"Odoo refused the login '{self.login}' with this API key on database '{self.database}'. Check "
                "the login (the e-mail address of the user who made the key) and create a new API key in Odoo: "
                "your profile > Account Security > New API Key."]), version=version)
        except LedgerError as exc:
            return CheckResult(False, tuple(messages + [_sentence(exc)]), version=version)
        try:
            user = self._x("res.users", "read", [uid], ["name", "company_ids"], company=False)[0]
            groups = self._user_groups(uid)
            if not groups & {"account.group_account_user", "account.group_account_manager"}:
                ok = False
                messages.append(
                    f"The Odoo user {user['name']} ({self.login}) is not in the Accounting group Accountant or "
                    "Adviser (account.group_account_user / account.group_account_manager), which pleodesk needs "
                    "to create journal entries, bills and accounts. In Odoo: Settings > Users & Companies > "
                    f"Users > {user['name']} > Accounting: choose Accountant or Adviser.")
            if "base.group_system" not in groups:
                ok = False
                messages.append(
                    f"The Odoo user {user['name']} ({self.login}) is not in the Administration group Settings "
                    "(base.group_system), which pleodesk needs to read the configuration. In Odoo: Settings > "
                    f"Users & Companies > Users > {user['name']} > Administration: choose Settings.")
            installed = {m["name"] for m in self._x("ir.module.module", "search_read",
                                                    [["name", "in", ["account", "hr"]], ["state", "=", "installed"]],
                                                    fields=["name"], company=False)}
            if "account" not in installed:
                ok = False
                messages.append("The Invoicing app (account) is not installed in Odoo; pleodesk books journal "
                                "entries and vendor bills with it. In Odoo: Apps > search 'Invoicing' > Install.")
            if "hr" not in installed:
                ok = False
                messages.append("The Employees app (hr) is not installed in Odoo; pleodesk needs it to book "
                                "out-of-pocket expenses to the right employee. In Odoo: Apps > search "
                                "'Employees' > Install.")
            if self.company_id and self.company_id not in user["company_ids"]:
                ok = False
                messages.append(f"The Odoo user {user['name']} may not use the chosen company (id "
                                f"{self.company_id}). Add it to the user's Allowed Companies, or choose another "
                                "company.")
            elif "hr" in installed:
                warning = self._employees_without_contact()
                if warning:
                    messages.append(warning)
        except LedgerError as exc:
            return CheckResult(False, tuple(messages + [_sentence(exc)]), version=version)
        if ok:
            messages.append(f"Connected to {version} as {user['name']}.")
        return CheckResult(ok, tuple(messages), version=version)

    def _employees_without_contact(self) -> str | None:
        """A warning naming the employees that have no work contact (Odoo 16 makes one only for an
        employee with a work e-mail or mobile): the lines owed to them would carry no partner."""
        domain: list = [["work_contact_id", "=", False]]
        if self.company_id:
            domain.append(["company_id", "in", [self.company_id, False]])
        try:
            rows = self._x("hr.employee", "search_read", domain, fields=["name"], order="name", limit=6)
        except AuthError:
            raise
        except LedgerError:
            return ("Warning: this Odoo user may not read the Employees app's employees, so the lines of "
                    "out-of-pocket expenses and reimbursements would carry no partner. In Odoo, give the user "
                    "the Employees right Officer, or book them without.")
        if not rows:
            return None
        names = ", ".join(r["name"] for r in rows[:5]) + (" and more" if len(rows) > 5 else "")
        return (f"Warning: some employees have no work contact in Odoo ({names}), so the lines of their "
                "out-of-pocket expenses and reimbursements would carry no partner. In Odoo, open Employees and "
                "give each of them a work e-mail or mobile (Odoo 16 then makes the contact).")

    def _user_groups(self, uid: int) -> set[str]:
        if self._groups is not None:
            return self._groups
        user = self._x("res.users", "read", [uid], ["groups_id"], company=False)[0]
        wanted = {("account", "group_account_user"), ("account", "group_account_manager"),
                  ("base", "group_system")}
        data = self._x("ir.model.data", "search_read",
                       [["model", "=", "res.groups"], ["module", "in", ["account", "base"]],
                        ["name", "in", sorted({n for _, n in wanted})]],
                       fields=["module", "name", "res_id"], company=False)
        have = set(user["groups_id"] or [])
        self._groups = {f"{d['module']}.{d['name']}" for d in data
                        if (d["module"], d["name"]) in wanted and d["res_id"] in have}
        return self._groups

    def list_companies(self) -> list[Company]:
        uid = self.rpc.authenticate()
        user = self._x("res.users", "read", [uid], ["company_ids"], company=False)[0]
        ids = list(user["company_ids"] or [])
        if not ids:
            return []
        rows = self._x("res.company", "read", ids, ["name"], context={"allowed_company_ids": ids})
        return [Company(str(r["id"]), r["name"]) for r in sorted(rows, key=lambda r: r["id"])]

    # ================================================================== chart ===============
    def read_chart(self) -> LedgerChart:
        cid = self._cid()
        self._company = None          # lock dates and rounding are read again with the chart
        self._currency_ids.clear()
        chart = _Chart()
        accounts = self._x("account.account", "search_read", [["company_id", "=", cid]],
                           fields=["code", "name", "account_type", "deprecated"], order="code")
        ledger_accounts: dict[str, LedgerAccount] = {}
        for a in accounts:
            chart.accounts[a["code"]] = a
            chart.account_codes[a["id"]] = a["code"]
            ledger_accounts[a["code"]] = LedgerAccount(code=a["code"], name=a["name"],
                                                       type=_account_type(a["account_type"]),
                                                       active=not a["deprecated"], id=str(a["id"]))
        taxes = self._x("account.tax", "search_read",
                        [["type_tax_use", "=", "purchase"], ["company_id", "=", cid]],
                        fields=["name", "description", "amount", "amount_type", "price_include", "active",
                                "tax_scope", "invoice_repartition_line_ids"],
                        order="id", context={"active_test": False})
        rep_ids = [i for t in taxes for i in t["invoice_repartition_line_ids"]]
        reps = {r["id"]: r for r in (self._x("account.tax.repartition.line", "read", rep_ids,
                                             ["factor_percent", "repartition_type", "account_id"])
                                     if rep_ids else [])}
        taxes = [t for t in taxes if t["amount_type"] == "percent"]
        names = defaultdict(int)
        for t in taxes:
            names[t["name"]] += 1
        ledger_taxes: dict[str, LedgerTax] = {}
        for t in taxes:
            tax_reps = [reps[i] for i in t["invoice_repartition_line_ids"]
                        if i in reps and reps[i]["repartition_type"] == "tax"]
            factors = tuple(Decimal(str(r["factor_percent"])) / 100 for r in tax_reps)
            accounts_ = tuple(_m2o_id(r["account_id"]) for r in tax_reps)
            amount = Decimal(str(t["amount"]))
            reverse = any(f < 0 for f in factors)
            scope = t.get("tax_scope") or None
            # Odoo's name is the key (unique per company, use and scope: the scope is added when two share it)
            key = t["name"].strip()
            if names[t["name"]] > 1:
                key += f" [{SCOPE_WORDS.get(scope, 'goods and services') if scope else 'goods and services'}]"
            legacy = tax_key(amount, t["amount_type"], bool(t["price_include"]), reverse)
            if legacy in chart.legacy:
                legacy = f"{legacy}-{t['id']}"
            chart.legacy[legacy] = key
            info = TaxInfo(id=t["id"], key=key, name=t["name"], amount=amount, amount_type=t["amount_type"],
                           price_include=bool(t["price_include"]), factors=factors, accounts=accounts_,
                           active=bool(t["active"]), scope=scope, description=str(t.get("description") or ""))
            chart.taxes[key] = info
            inp = next((a for f, a in zip(factors, accounts_) if f > 0 and a), None)
            out = next((a for f, a in zip(factors, accounts_) if f < 0 and a), None)
            ledger_taxes[key] = LedgerTax(
                code=key, name=info.describe(), rate=amount / 100,
                type="reverse" if reverse else ("inclusive" if t["price_include"] else "exclusive"),
                active=bool(t["active"]), id=str(t["id"]),
                input_account=chart.account_codes.get(inp) if inp else None,
                output_account=chart.account_codes.get(out) if out else None)
        dimensions = self._read_dimensions(cid, chart)
        chart.ledger = LedgerChart(accounts=ledger_accounts, taxes=ledger_taxes, dimensions=dimensions)
        self._chart = chart
        return chart.ledger

    def _read_dimensions(self, cid: int, chart: _Chart) -> dict[str, LedgerDimension]:
        plans = self._x("account.analytic.plan", "search_read", [], fields=["name", "parent_id"], order="id")
        by_id = {p["id"]: p for p in plans}

        def root(pid: int) -> int:
            seen = set()
            while by_id.get(pid) and _m2o_id(by_id[pid]["parent_id"]) and pid not in seen:
                seen.add(pid)
                pid = _m2o_id(by_id[pid]["parent_id"])  # type: ignore[assignment]
            return pid

        roots = [p for p in plans if not _m2o_id(p["parent_id"])]
        wanted = self.options.get("analytic_plans")
        if wanted:
            names = [str(w) for w in wanted]
            roots = [p for p in roots if p["name"] in names or str(p["id"]) in names]
        # Every plan is offered (the wizard's Labels page lets at most 5 go to Pleo as tag groups); a
        # setup file's ``analytic_plans`` (at most 5) narrows them down.
        root_ids = {p["id"] for p in roots}
        accounts = self._x("account.analytic.account", "search_read",
                           [["company_id", "in", [cid, False]]], fields=["name", "code", "plan_id", "active"],
                           order="id", context={"active_test": False})
        per_plan: dict[int, list[dict]] = defaultdict(list)
        for a in accounts:
            pid = _m2o_id(a["plan_id"])
            if pid is None:
                continue
            rid = root(pid)
            if rid in root_ids:
                per_plan[rid].append(a)
        dims: dict[str, LedgerDimension] = {}
        for p in roots:
            accs = per_plan.get(p["id"], [])
            counts: dict[str, int] = defaultdict(int)
            for a in accs:
                counts[a["name"]] += 1
            active, archived = set(), set()
            for a in accs:
                value = a["name"] if counts[a["name"]] == 1 else f"{a['name']} ({a['code'] or a['id']})"
                chart.analytic[(p["name"], value)] = a["id"]
                chart.analytic_active[a["id"]] = bool(a["active"])
                (active if a["active"] else archived).add(value)
            dims[p["name"]] = LedgerDimension(name=p["name"], values=frozenset(active),
                                              archived_values=frozenset(archived), id=str(p["id"]))
        return dims

    def _ensure_chart(self) -> _Chart:
        if self._chart is None:
            self.read_chart()
        assert self._chart is not None
        return self._chart

    def _company_info(self) -> _Company:
        if self._company is not None:
            return self._company
        cid = self._cid()
        c = self._x("res.company", "read", [cid], ["name", "currency_id", "tax_calculation_rounding_method",
                                                    "fiscalyear_lock_date", "period_lock_date", "tax_lock_date"])[0]
        cur_id = _m2o_id(c["currency_id"])
        cur = self._x("res.currency", "read", [cur_id], ["name", "decimal_places"], context={"active_test": False})[0]
        groups = self._user_groups(self.rpc.authenticate())
        locks = [c["fiscalyear_lock_date"] or None]
        if "account.group_account_manager" not in groups:
            locks.append(c["period_lock_date"] or None)
        lock = max((d for d in locks if d), default=None)
        self._company = _Company(id=cid, name=c["name"], currency=cur["name"], currency_id=cur_id or 0,
                                 digits=int(cur["decimal_places"]),
                                 round_per_line=c["tax_calculation_rounding_method"] != "round_globally",
                                 lock_date=lock, tax_lock_date=c["tax_lock_date"] or None)
        return self._company

    # ================================================================== setup ===============
    def list_journals(self) -> list[dict]:
        """The company's journals (``id``, ``code``, ``name``, ``type``), archived ones left out, for
        choosing the Pleo journals and the bank journal of the bank feed."""
        return self._x("account.journal", "search_read", [["company_id", "=", self._cid()]],
                       fields=["id", "code", "name", "type"], order="code")

    def ensure_setup(self, settings: dict) -> dict:
        """Find or create the four accounts, the two journals and the purchase taxes named in
        ``create_taxes``; returns ``settings`` with ``accounts`` (role -> code), ``account_ids`` (role ->
        id) and ``journals`` (role -> id)."""
        return self._setup(settings, create=True)[0]

    def preview_setup(self, settings: dict, chart: LedgerChart) -> tuple[dict, LedgerChart]:
        """What ``ensure_setup`` would do, creating nothing: the settings it would return and ``chart``
        with the accounts and taxes it would create (a check before saving then agrees with saving)."""
        out, accounts, taxes = self._setup(settings, create=False)
        return out, LedgerChart(accounts={**chart.accounts, **{a.code: a for a in accounts}},
                                taxes={**chart.taxes, **{t.code: t for t in taxes}}, dimensions=dict(chart.dimensions))

    @staticmethod
    def default_contra(settings: dict) -> dict[str, str]:
        """The counter accounts the setup found or made, by role (``wallet``, ``payable``...): a setup
        file that leaves out ``[accounts]`` books on them."""
        return {role: str(code) for role, code in (settings.get("accounts") or {}).items() if code}

    def _setup(self, settings: dict, *, create: bool) -> tuple[dict, list[LedgerAccount], list[LedgerTax]]:
        cid = self._cid()
        out = dict(settings or {})
        want_accounts = dict(out.get("accounts") or {})
        want_journals = dict(out.get("journals") or {})
        journals_found = self._x("account.journal", "search_read", [["company_id", "=", cid]],
                                 fields=["code", "name", "type", "default_account_id"],
                                 context={"active_test": False})
        existing = self._x("account.account", "search_read", [["company_id", "=", cid]],
                           fields=["code", "name", "account_type", "deprecated"])
        by_code = {a["code"]: a for a in existing}
        by_name = {a["name"].strip().lower(): a for a in existing}
        planned_accounts: list[LedgerAccount] = []
        # The wallet is the account of the Pleo wallet's bank journal, when one is chosen and no wallet
        # account is: statement lines and expenses then meet on one account.
        bank = self._find_journal(journals_found, want_journals.get("bank"))
        if not want_accounts.get("wallet") and bank is not None and _m2o_id(bank.get("default_account_id")):
            acc_id = _m2o_id(bank["default_account_id"])
            acc = next((a for a in existing if a["id"] == acc_id), None)
            if acc is not None:
                want_accounts["wallet"] = acc["code"]
        accounts, account_ids = {}, {}
        for role, (default_code, name, typ) in DEFAULT_ACCOUNTS.items():
            code = str(want_accounts.get(role) or "")
            acc = by_code.get(code) if code else by_name.get(name.lower())
            if acc is None and not code:
                code = free_account_code(default_code, by_code)
            if acc is None:
                if create:
                    new_id = self._x("account.account", "create",
                                     {"code": code, "name": name, "account_type": typ,
                                      "reconcile": typ == "liability_payable"})
                    log.info("created Odoo account %s %s", code, name)
                else:
                    new_id = None
                    planned_accounts.append(LedgerAccount(code=code, name=name, type=_account_type(typ)))
                acc = {"id": new_id, "code": code, "name": name, "account_type": typ, "deprecated": False}
                by_code[code] = acc
            if role == "payable" and acc["account_type"] != "liability_payable":
                raise LedgerError(f"Account {acc['code']} {acc['name']} is not of the type Payable",
                                  f"Its type in Odoo is {acc['account_type']}.",
                                  "Choose an account of the type Payable (Crediteuren) for vendor bills, or leave it "
                                  "empty and pleodesk creates one.", reason_type="invalid_configuration")
            if acc.get("deprecated"):
                raise LedgerError(f"Account {acc['code']} {acc['name']} is deprecated in Odoo", "",
                                  "Choose an active account.", reason_type="invalid_configuration")
            accounts[role] = acc["code"]
            if acc["id"] is not None:
                account_ids[role] = acc["id"]
        journals: dict[str, Any] = {k: v for k, v in want_journals.items() if k not in DEFAULT_JOURNALS}
        for role, (default_code, name, typ) in DEFAULT_JOURNALS.items():
            want = want_journals.get(role)
            j = self._find_journal(journals_found, want)
            if j is None and not want:
                j = next((x for x in journals_found if x["code"] == default_code), None)
            if j is None:
                code = str(want) if isinstance(want, str) and want else default_code
                new_id = None
                if create:
                    new_id = self._x("account.journal", "create", {"name": name, "code": code, "type": typ})
                    log.info("created Odoo journal %s %s", code, name)
                j = {"id": new_id, "code": code, "name": name, "type": typ}
                journals_found.append(j)
            if j["type"] != typ:
                raise LedgerError(f"Journal {j['code']} {j['name']} has the type {j['type']}",
                                  f"The {role} journal must be of the type {typ}.",
                                  f"Choose a journal of the type {typ}.", reason_type="invalid_configuration")
            journals[role] = j["id"] if j["id"] is not None else j["code"]
        planned_taxes = self._ensure_taxes(out.get("create_taxes") or (), create=create)
        out["accounts"] = accounts
        out["account_ids"] = account_ids
        out["journals"] = journals
        out["company_id"] = cid
        if create:
            self.settings.update(out)
            self._chart = None
        return out, planned_accounts, planned_taxes

    @staticmethod
    def _find_journal(journals: list[dict], want: Any) -> dict | None:
        if isinstance(want, int) and not isinstance(want, bool):
            return next((x for x in journals if x["id"] == want), None)
        if want:
            return next((x for x in journals if x["code"] == str(want)), None)
        return None

    # ------------------------------------------------------------------ taxes ---------------
    def resolve_tax_code(self, key: str) -> str:
        """The tax code (Odoo's name) a mapping's ``key`` means: a name, or a meaning key such as
        ``21% incl`` when one active purchase tax fits (see ``taxes.py``). ValueError in plain words,
        listing the candidates of an ambiguous key."""
        return resolve_tax(key, {**self._ensure_chart().taxes, **self._planned_taxes}).key

    def migrate_tax_codes(self, codes) -> dict[str, str]:
        """Stored mapping codes of the keys pleodesk used before taxes were named by their Odoo name
        (``21.0-percent-excl``, ``21.0-percent-excl-26``) -> the same tax's code now. Read on the same
        database, so every old key names exactly the tax it named before."""
        chart = self._ensure_chart()
        return {c: chart.legacy[c] for c in codes if c and c not in chart.taxes and c in chart.legacy}

    def _ensure_taxes(self, keys, *, create: bool) -> list[LedgerTax]:
        """Create the purchase taxes ``keys`` (meaning keys such as ``0% excl``) that Odoo does not have.
        Only 0 % taxes are made: the chart's own taxes carry its VAT accounts and tax report tags."""
        planned: list[LedgerTax] = []
        if not keys:
            return planned
        chart = self._ensure_chart()
        made = False
        for key in keys:
            meaning = parse_meaning(str(key))
            if meaning is None or meaning.price_include is None or meaning.tax_id is not None:
                raise LedgerError(f"create_taxes: '{key}' does not say what tax to create",
                                  "Write it as a rate and incl or excl, like \"0% excl\".", "",
                                  reason_type="invalid_configuration")
            if meaning.amount != 0 or meaning.reverse:
                raise LedgerError(f"create_taxes: pleodesk creates only 0% purchase taxes, not '{key}'",
                                  "Odoo's own taxes carry the chart's VAT accounts and tax report tags.",
                                  "Create this tax in Odoo (Accounting > Configuration > Taxes), or map to one "
                                  "Odoo has.", reason_type="invalid_configuration")
            # named like 17's own taxes ("0%", "0% INC"); one of that name that fits is used as it is (a
            # meaning alone is not enough: on 16, "0% excl" also fits the two intra-EU import taxes)
            name = self._new_tax_name(meaning)
            same = chart.taxes.get(name) or self._planned_taxes.get(name)
            if same is not None:
                if meaning.fits(same):
                    continue
                raise LedgerError(f"create_taxes: Odoo already has a purchase tax named {name}, which is "
                                  f"{same.describe()}", "",
                                  "Rename that tax in Odoo, or map to it by its name instead.",
                                  reason_type="invalid_configuration")
            vals = {"name": name, "amount": 0.0, "amount_type": "percent", "type_tax_use": "purchase",
                    "price_include": bool(meaning.price_include),
                    "description": "Purchases without VAT (created by pleodesk)"}
            if meaning.scope:
                vals["tax_scope"] = meaning.scope
            if create:
                tid = self._x("account.tax", "create", vals)
                log.info("created Odoo purchase tax %s (id %s)", name, tid)
                made = True
            else:
                info = TaxInfo(id=0, key=name, name=name, amount=Decimal(0), amount_type="percent",
                               price_include=bool(meaning.price_include), factors=(Decimal(1),), accounts=(None,),
                               scope=meaning.scope, description=vals["description"])
                self._planned_taxes[name] = info
                planned.append(LedgerTax(code=name, name=info.describe(), rate=Decimal(0),
                                         type="inclusive" if meaning.price_include else "exclusive"))
        if made:
            self._chart = None
        return planned

    @staticmethod
    def _new_tax_name(meaning) -> str:
        return meaning_key(meaning.amount, bool(meaning.price_include), False, meaning.scope) \
            .replace(" excl", "").replace(" incl", " INC")

    def create_tax(self, key: str) -> LedgerTax:
        """Create the 0 % purchase tax ``key`` (``0% excl`` or ``0% incl``) unless Odoo has it (named ``0%``
        / ``0% INC``); returns it."""
        self._ensure_taxes([key], create=True)
        chart = self._ensure_chart()
        return chart.ledger.taxes[self._new_tax_name(parse_meaning(key))]  # type: ignore[union-attr]

    #: our account types -> Odoo's ``account_type`` for accounts pleodesk creates
    ODOO_ACCOUNT_TYPES = {"bank": "asset_current", "asset": "asset_current", "payable": "liability_payable",
                          "liability": "liability_current", "tax": "liability_current", "equity": "equity",
                          "income": "income", "expense": "expense"}

    def create_account(self, code: str, name: str, type_: str = "expense") -> LedgerAccount:
        """Create one account in the company (or return it if it exists with that code)."""
        cid = self._cid()
        code = code.strip()
        found = self._x("account.account", "search_read", [["code", "=", code], ["company_id", "=", cid]],
                        fields=["code", "name", "account_type", "deprecated"])
        if found:
            a = found[0]
        else:
            typ = self.ODOO_ACCOUNT_TYPES.get(type_, "expense")
            new_id = self._x("account.account", "create", {"code": code, "name": name.strip() or code,
                                                           "account_type": typ,
                                                           "reconcile": typ == "liability_payable"})
            a = {"id": new_id, "code": code, "name": name.strip() or code, "account_type": typ, "deprecated": False}
        self._chart = None
        return LedgerAccount(code=a["code"], name=a["name"], type=_account_type(a["account_type"]),
                             active=not a["deprecated"], id=str(a["id"]))

    def _journal(self, role: str) -> int:
        journals = self.settings.get("journals") or {}
        want = journals.get(role)
        if isinstance(want, int) and not isinstance(want, bool):
            return want
        code = str(want) if want else DEFAULT_JOURNALS.get(role, ("", "", ""))[0]
        if code:
            found = self._x("account.journal", "search_read",
                            [["code", "=", code], ["company_id", "=", self._cid()]], fields=["id", "type"])
            if found:
                journals = dict(journals)
                journals[role] = found[0]["id"]
                self.settings["journals"] = journals
                return found[0]["id"]
        raise LedgerError(f"The {role} journal is not set up in Odoo", "",
                          "Run Configure for this connection (it creates the Pleo journals).",
                          reason_type="missing_configuration")

    # ================================================================== export ==============
    def find_by_reference(self, reference: str) -> Found | None:
        """The expense's main move, or None. Drafts of an export that meant to post them (a crash
        between creating and posting) count as not exported yet: the engine then sends the expense
        again, and ``send_batch`` finds those drafts first and posts them only once they hold Pleo's
        amounts (nothing is created twice)."""
        rows = self._find_moves([reference]).get(reference)
        if not rows:
            return None
        if self.post_entries and any(r["state"] == "draft" for r in rows):
            return None
        main = _main_move(rows)
        return Found(str(main["id"]), self.ledger_url(main["id"]))

    def _find_moves(self, references: Sequence[str]) -> dict[str, list[dict]]:
        if not references:
            return {}
        rows = self._x("account.move", "search_read",
                       [["ref", "in", list(references)], ["company_id", "=", self._cid()],
                        ["move_type", "in", ["entry", "in_invoice", "in_refund"]],
                        ["statement_line_id", "=", False]],
                       fields=["id", "ref", "move_type", "state", "name"], order="id")
        out: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            out[r["ref"]].append(r)
        return out

    def send_batch(self, entries: Sequence[LedgerEntry]) -> list[SendResult]:
        if not entries:
            return []
        chart = self._ensure_chart()
        company = self._company_info()
        plans = [_Plan(i, e) for i, e in enumerate(entries)]

        # 1. already in Odoo (a re-run, or a record lost): never create twice
        found = self._find_moves([e.reference for e in entries])
        for p in plans:
            rows = found.get(p.entry.reference)
            if rows:
                p.existing = True
                main = _main_move(rows)
                ordered = [main] + [r for r in rows if r["id"] != main["id"]]
                p.ids = [r["id"] for r in ordered]
                p.kind = "bill" if main["move_type"] != "entry" else "entry"
                p.moves = [{"_state": r["state"]} for r in ordered]

        # 2. build what each expense becomes
        todo = [p for p in plans if not p.existing]
        self._prepare_partners(todo, chart)
        for p in todo:
            try:
                self._build(p, chart, company)
            except LedgerError as exc:
                p.error = exc

        # 3. the receipts first, in one create for the batch, so each move links its own and names its
        #    main attachment in its create (no call per move); then create, check, fall back
        self._upload_receipts(todo)
        self._create(todo)
        self._verify(todo, company)
        retry = [p.fallback for p in todo if p.fallback is not None and p.error is None]
        if retry:
            self._create([r for r in retry if r is not None])
            self._verify([r for r in retry if r is not None], company)
            for p in todo:
                if p.fallback is not None:
                    p.ids, p.error, p.kind, p.note = p.fallback.ids, p.fallback.error, "entry", p.fallback.note

        # 4. post (drafts of an earlier run only when they hold Pleo's amounts)
        if self.post_entries:
            found_drafts = [p for p in plans if p.existing and p.error is None
                            and any(m.get("_state") == "draft" for m in p.moves)]
            if found_drafts:
                self._check_found_drafts(found_drafts, chart, company)
            to_post = [p for p in plans if p.error is None and p.ids
                       and (not p.existing or any(m.get("_state") == "draft" for m in p.moves))]
            self._post(to_post)

        # 5. what the receipts ended on: the engine's upload_receipt then sends nothing more for them;
        #    those of expenses that failed are removed again
        self._settle_receipts(todo)

        results: list[SendResult] = []
        for p in plans:
            if p.error is not None or not p.ids:
                err = p.error or LedgerError("Odoo did not create this expense", "", "Export it again.")
                results.append(OdooSendResult(p.entry.expense_id, error=err))
            else:
                results.append(OdooSendResult(p.entry.expense_id, str(p.main_id), self.ledger_url(p.main_id),
                                              already=p.existing, notes=tuple(p.notes)))
        return results

    # ------------------------------------------------------------------ building ------------
    def _object_for(self, entry: LedgerEntry) -> str:
        """"bill" or "entry" for this expense, from the connection's options."""
        if entry.kind not in BILLABLE_KINDS and entry.contra_role is not ContraRole.PAYABLE:
            return "entry"
        opts = self.options
        kinds = opts.get("kinds") or {}
        if entry.kind.value in kinds:
            choice = kinds[entry.kind.value]
        elif entry.kind in INVOICE_KINDS or entry.contra_role is ContraRole.PAYABLE:
            choice = opts.get("invoices", "bill")
        elif entry.kind in CARD_KINDS:
            choice = opts.get("card_expenses", "entry")
        elif entry.kind in OUT_OF_POCKET_KINDS:
            choice = opts.get("out_of_pocket", "entry")
        else:
            choice = "entry"
        return "bill" if choice == "bill" else "entry"

    def _build(self, p: _Plan, chart: _Chart, company: _Company) -> None:
        e = p.entry
        if not e.postings:
            raise LedgerError("There is nothing to book for this expense", "All its amounts are zero.", "",
                              reason_type="validation_failure")
        if e.gross.currency != company.currency:
            raise LedgerError(f"The Odoo company books in {company.currency}, the Pleo wallet in {e.gross.currency}",
                              "", "Connect the Odoo company whose currency is the Pleo wallet's currency.",
                              reason_type="invalid_configuration")
        if not e.is_balanced():
            raise LedgerError("The entry does not balance", "", "Please report this.", reason_type="validation_failure")
        for posting in e.postings:
            acc = chart.accounts.get(posting.account)
            if acc is None:
                raise LedgerError(f"Account {posting.account} is not in Odoo's chart of accounts", "",
                                  "Map the category to an existing account, then export again.",
                                  reason_type="account_unknown")
            if acc["deprecated"]:
                raise LedgerError(f"Account {posting.account} {acc['name']} is deprecated in Odoo", "",
                                  "Map the category to an active account, then export again.",
                                  reason_type="account_unknown")
        locked = self._lock_problem(e, company)
        if locked:
            raise locked
        employee_note = self._employee_note(e)
        if employee_note:
            p.notes.append(employee_note)
        if self._object_for(e) == "bill":
            if self._build_bill(p, chart, company) is None:
                self._build_entry(p, chart, company, note=p.note)
            return
        self._build_entry(p, chart, company)

    def _lock_problem(self, e: LedgerEntry, company: _Company) -> LedgerError | None:
        if self.options.get("locked_period", "refuse") != "refuse":
            return None
        has_tax = any(pst.tax_code for pst in e.postings)
        day = e.date.isoformat()
        lock = company.lock_date
        if has_tax and company.tax_lock_date and (lock is None or company.tax_lock_date > lock) \
                and self._object_for(e) == "bill":
            lock = company.tax_lock_date
        if lock and day <= lock:
            return LedgerError(
                f"The expense's date {day} is in a period locked in Odoo (locked up to {lock})",
                "Odoo would move it to the first open day after the lock date.",
                "Unlock the period in Odoo (Accounting > Configuration > Settings > Lock dates), or let pleodesk "
                "book such expenses on the first open day (locked_period = \"next_open_day\"), then export again.",
                reason_type="accounting_system_validation_failure")
        return None

    def _label(self, e: LedgerEntry, posting: Posting | None = None, suffix: str = "") -> str:
        base = e.description or e.payee or e.kind.label
        if posting is not None and posting.foreign is not None:
            base += f" ({posting.foreign.currency} {abs(posting.foreign.amount)})"
        return f"{base} {suffix}".strip()

    def _analytic(self, posting: Posting, chart: _Chart) -> dict[str, float] | None:
        if not posting.dimensions:
            return None
        out: dict[str, float] = {}
        for dim, value in posting.dimensions:
            aid = chart.analytic.get((dim, value))
            if aid is None:
                raise LedgerError(f"The analytic account {value} ({dim}) is not in Odoo", "",
                                  "Map the Pleo tag to an existing analytic account, then export again.",
                                  reason_type="tag_unknown")
            out[str(aid)] = 100.0    # one key per analytic account: accepted by 16 and 17
        return out

    def _currency_id(self, code: str) -> int | None:
        if code not in self._currency_ids:
            rows = self._x("res.currency", "search_read", [["name", "=", code]], fields=["id"])
            self._currency_ids[code] = rows[0]["id"] if rows else None
        return self._currency_ids[code]

    def _entry_line(self, e: LedgerEntry, posting: Posting, chart: _Chart, *, label: str,
                    analytic: bool, partner: Any = None) -> list:
        vals: dict[str, Any] = {"account_id": chart.accounts[posting.account]["id"], "name": label,
                                "debit": float(posting.debit), "credit": float(posting.credit)}
        if analytic:
            dist = self._analytic(posting, chart)
            if dist:
                vals["analytic_distribution"] = dist
        if posting.foreign is not None and posting.foreign.amount != 0:
            cur = self._currency_id(posting.foreign.currency)
            if cur:
                magnitude = float(abs(posting.foreign.amount))
                vals["currency_id"] = cur
                vals["amount_currency"] = magnitude if posting.signed > 0 else -magnitude
        if partner:
            vals["partner_id"] = partner
        return [0, 0, vals]

    def _build_entry(self, p: _Plan, chart: _Chart, company: _Company, note: str = "") -> None:
        e = p.entry
        contra = _contra_posting(e)
        employee = self._employee_partner(e)
        # who a counter line is with: the employee it is owed to, or the supplier of a Pleo invoice
        contra_partner = employee if e.contra_role is ContraRole.OUT_OF_POCKET else \
            self._partner_id_for(e) if e.contra_role is ContraRole.PAYABLE else None
        lines = []
        for posting in e.postings:
            if posting.tax_role is None and posting is not contra and _is_payable(chart, posting.account) \
                    and e.payee:
                # a line on a payable account (a Pleo invoice paid from the wallet) is with the supplier
                lines.append(self._entry_line(e, posting, chart, label=self._label(e, posting), analytic=False,
                                              partner=self._partner_id_for(e)))
            elif posting is contra:
                label = self._label(e, None, f"({_ROLE_LABEL.get(e.contra_role, 'counter account')})")
                lines.append(self._entry_line(e, posting, chart, label=label, analytic=False,
                                              partner=contra_partner))
            elif posting.tax_role:
                tax = chart.ledger.taxes.get(posting.tax_code or "") if chart.ledger else None
                what = "reverse charge VAT" if posting.tax_role == "output" else "VAT"
                label = self._label(e, None, f"({what} {tax.code if tax else posting.tax_code})")
                lines.append(self._entry_line(e, posting, chart, label=label, analytic=False))
            elif e.kind in REIMBURSEMENT_KINDS and posting.category_key is None:
                # a reimbursement payout settles what is owed to the employee: the line says to whom
                lines.append(self._entry_line(e, posting, chart, label=self._label(e, posting, "(owed to the "
                                                                                            "employee)"),
                                              analytic=False, partner=employee))
            else:
                lines.append(self._entry_line(e, posting, chart, label=self._label(e, posting), analytic=True))
        narration = _narration(e, note)
        vals = {"move_type": "entry", "journal_id": self._journal("pleo"), "date": e.date.isoformat(),
                "ref": e.reference, "line_ids": lines}
        if narration:
            vals["narration"] = narration
        total = sum((pst.debit for pst in e.postings), Decimal(0))
        p.kind = "entry"
        p.moves = [vals]
        p.expected = [{"move_type": "entry", "amount_total": total, "amount_tax": Decimal(0)}]
        p.note = note

    def _candidates(self, tax_code: str, chart: _Chart) -> list[TaxInfo]:
        mapped = chart.taxes.get(tax_code)
        if mapped is None:
            raise LedgerError(f"Tax {tax_code} is not one of Odoo's purchase taxes", "",
                              "Map the Pleo tax code to an existing Odoo tax, then export again.",
                              reason_type="tax_code_unknown")
        twins = [t for t in chart.taxes.values()
                 if t.id != mapped.id and t.active and t.same_booking(mapped) and t.price_include != mapped.price_include]
        return [mapped] + twins

    def _pleo_payable(self, e: LedgerEntry, chart: _Chart) -> int | None:
        """The account a bill of this expense owes the supplier on: the Pleo payable account (Pleo's
        own for a Pleo invoice; else the one the setup made), never the supplier's default."""
        if e.contra_role is ContraRole.PAYABLE and e.contra_account in chart.accounts:
            return chart.accounts[e.contra_account]["id"]
        payable = (self.settings.get("account_ids") or {}).get("payable")
        if payable:
            return int(payable)
        code = (self.settings.get("accounts") or {}).get("payable")
        return chart.accounts[code]["id"] if code in chart.accounts else None

    def _build_bill(self, p: _Plan, chart: _Chart, company: _Company) -> bool | None:
        """Plan a vendor bill; None (and nothing planned) when Odoo would not book Pleo's exact amounts."""
        e = p.entry
        contra = _contra_posting(e)
        lines = _group_lines(e, contra)
        direction = Decimal(1) if e.gross.amount > 0 else Decimal(-1)
        move_type = "in_invoice" if direction > 0 else "in_refund"
        invoice_lines = []
        expected_tax = Decimal(0)
        group_pleo: dict[int, Decimal] = defaultdict(Decimal)
        group_raw: dict[int, float] = defaultdict(float)
        for ln in lines:
            pst = ln.posting
            net = pst.signed * direction
            pleo_tax = ln.input_tax * direction
            vals: dict[str, Any] = {"name": self._label(e, pst), "account_id": chart.accounts[pst.account]["id"],
                                    "quantity": 1}
            dist = self._analytic(pst, chart)
            if dist:
                vals["analytic_distribution"] = dist
            if pst.tax_code:
                chosen = choose_line(net, pleo_tax, self._candidates(pst.tax_code, chart), company.digits,
                                     company.round_per_line)
                if chosen is None:
                    wanted = chart.taxes[pst.tax_code]
                    p.note = (f"Booked as a journal entry, not a vendor bill: Odoo's tax {wanted.name} on "
                              f"{net} would not come to Pleo's VAT of {pleo_tax} {e.gross.currency}.")
                    return None
                tax, pred = chosen
                vals["price_unit"] = float(pred.price_unit)
                vals["tax_ids"] = [[6, 0, [tax.id]]]
                if not tax.reverse:
                    expected_tax += pleo_tax
                group_pleo[tax.id] += pleo_tax
                group_raw[tax.id] += pred.tax_raw
            else:
                if ln.taxes:
                    p.note = "Booked as a journal entry, not a vendor bill: a tax line has no Odoo tax."
                    return None
                vals["price_unit"] = float(net)
                vals["tax_ids"] = [[6, 0, []]]
            invoice_lines.append([0, 0, vals])
        if not company.round_per_line:
            for tid, raw in group_raw.items():
                if to_decimal(raw, company.digits) != group_pleo[tid]:
                    p.note = ("Booked as a journal entry, not a vendor bill: Odoo rounds taxes globally and would "
                              "not come to Pleo's VAT.")
                    return None
        payable = self._pleo_payable(e, chart)
        if payable is None and e.contra_role is not ContraRole.PAYABLE:
            p.note = "Booked as a journal entry, not a vendor bill: no Pleo payable account is set up in Odoo."
            return None
        partner = self._partner_id_for(e)
        journal = self._journal("bills")
        bill: dict[str, Any] = {"move_type": move_type, "journal_id": journal, "partner_id": partner,
                                "invoice_date": e.date.isoformat(), "date": e.date.isoformat(),
                                "ref": e.reference, "invoice_line_ids": invoice_lines}
        narration = _narration(e, "")
        if narration:
            bill["narration"] = narration
        p.kind = "bill"
        p.moves = [bill]
        p.expected = [{"move_type": move_type, "amount_total": abs(e.gross.amount), "amount_tax": expected_tax}]
        p.payable_account = payable
        if e.contra_role is not ContraRole.PAYABLE and contra is not None:
            employee = self._employee_partner(e) if e.contra_role is ContraRole.OUT_OF_POCKET else None
            gross = e.gross.amount
            settle = {
                "move_type": "entry", "journal_id": self._journal("pleo"), "date": e.date.isoformat(),
                "ref": e.reference,
                "line_ids": [
                    [0, 0, {"account_id": payable, "partner_id": partner, "name": self._label(e, None, "(bill paid)"),
                            "debit": float(max(gross, Decimal(0))), "credit": float(max(-gross, Decimal(0)))}],
                    [0, 0, {"account_id": chart.accounts[contra.account]["id"],
                            "name": self._label(e, None, f"({_ROLE_LABEL.get(e.contra_role, 'counter account')})"),
                            "debit": float(contra.debit), "credit": float(contra.credit),
                            **({"partner_id": employee} if employee else {})}],
                ]}
            p.moves.append(settle)
            p.expected.append({"move_type": "entry", "amount_total": abs(gross), "amount_tax": Decimal(0)})
            p.settled = True
        # the journal entry to book instead if Odoo's totals come out different after all
        alt = _Plan(p.index, e)
        self._build_entry(alt, chart, company)
        p.alt = alt
        return True

    # ------------------------------------------------------------------ partners ------------
    def _supplier_key(self, e: LedgerEntry) -> tuple[str, str]:
        return _payee(e), normalise_vat(e.payee_vat)

    def _needs_supplier(self, e: LedgerEntry, chart: _Chart) -> bool:
        return self._object_for(e) == "bill" or e.contra_role is ContraRole.PAYABLE or bool(e.payee) and any(
            p.tax_role is None and _is_payable(chart, p.account) for p in e.postings)

    def _prepare_partners(self, plans: list[_Plan], chart: _Chart) -> None:
        """Look up the suppliers of the batch's bills (by VAT number, then by name without legal forms)
        and the employees of its out-of-pocket expenses and payouts, in one request each."""
        wanted = {self._supplier_key(p.entry) for p in plans if self._needs_supplier(p.entry, chart)}
        wanted -= set(self._partner_cache)
        if wanted:
            domain = search_domain([n for n, _ in wanted], [v for _, v in wanted])
            rows = self._x("res.partner", "search_read", domain,
                           fields=["id", "name", "vat", "is_company", "parent_id", "supplier_rank"], order="id") \
                if domain else []
            for name, vat in wanted:
                match = best_match(name, vat, rows)
                if match is not None:
                    self._partner_cache[(name, vat)] = match["id"]
        employees = sorted({p.entry.employee for p in plans if p.entry.employee and _owed_to_employee(p.entry)})
        missing = [n for n in employees if n not in self._employee_cache]
        if missing:
            try:
                rows = self._x("hr.employee", "search_read", [["name", "in", missing]],
                               fields=["name", "work_contact_id"])
            except AuthError:
                raise
            except LedgerError as exc:   # no rights on employees: book without the employee as partner
                log.info("employees not readable: %s", exc)
                rows = None
            for n in missing:
                self._employee_cache[n] = None
                self._employee_state[n] = "unreadable" if rows is None else "unknown"
            for r in rows or []:
                self._employee_cache[r["name"]] = _m2o_id(r.get("work_contact_id"))
                self._employee_state[r["name"]] = "ok" if r.get("work_contact_id") else "no_contact"

    def _employee_partner(self, e: LedgerEntry) -> int | None:
        return self._employee_cache.get(e.employee) if e.employee and _owed_to_employee(e) else None

    def _employee_note(self, e: LedgerEntry) -> str | None:
        """Why this expense's lines with the employee carry no partner, once per employee in the log."""
        if not e.employee or not _owed_to_employee(e):
            return None
        state = self._employee_state.get(e.employee)
        if state == "no_contact":
            note = (f"The employee {e.employee} has no work contact in Odoo, so the line owed to them carries no "
                    "partner. In Odoo, give the employee a work e-mail (Odoo 16 makes the contact then).")
        elif state == "unknown":
            note = (f"There is no employee {e.employee} in Odoo's Employees app, so the line owed to them carries "
                    "no partner.")
        else:
            return None
        if e.employee not in self._warned_employees:
            self._warned_employees.add(e.employee)
            log.warning(note)
        return note

    def _partner_id_for(self, e: LedgerEntry) -> Any:
        """The supplier's contact id, or a placeholder for one to create with the batch's moves."""
        key = self._supplier_key(e)
        pid = self._partner_cache.get(key)
        if pid is not None:
            return pid
        return self._pending.setdefault(key, _NewPartner(key[0]))

    def _create_partners(self, plans: list[_Plan]) -> None:
        """Create the suppliers the batch's moves need and do not find, in one request. A new supplier gets
        no payable account of its own: later bills outside Pleo keep Odoo's default (Creditors). When Odoo
        refuses, the expenses that need one fail (and say why); the others go on."""
        needed: dict[int, _NewPartner] = {}
        for p in plans:
            for v in p.moves:
                for ref in _walk(v):
                    if isinstance(ref, _NewPartner) and ref.id is None:
                        needed[id(ref)] = ref
        refs = list(needed.values())
        if refs:
            try:
                ids = self._x("res.partner", "create", [{"name": r.name, "is_company": True, "supplier_rank": 1}
                                                        for r in refs])
            except AuthError:
                raise
            except LedgerError as exc:
                if exc.retryable:
                    raise
                ids = []
                for p in plans:
                    missing = [r.name for v in p.moves for r in _walk(v) if isinstance(r, _NewPartner)]
                    if missing:
                        p.error = LedgerError(f"Odoo did not create the supplier {missing[0]}: {exc.title}",
                                              exc.detail, "Create the contact in Odoo, then export again.",
                                              reason_type=exc.reason_type)
            for ref, pid in zip(refs, ids):
                ref.id = pid
                for key, pending in list(self._pending.items()):
                    if pending is ref:
                        self._partner_cache[key] = pid
                        del self._pending[key]
        for p in plans:
            if p.error is None:
                p.moves = [_resolve(v) for v in p.moves]
                if p.alt is not None:
                    p.alt.moves = [_resolve(v) for v in p.alt.moves]

    # ------------------------------------------------------------------ create / verify -----
    def _create(self, plans: list[_Plan]) -> None:
        ready = [p for p in plans if p.error is None and p.moves]
        if not ready:
            return
        self._create_partners(ready)
        ready = [p for p in ready if p.error is None]
        if not ready:
            return
        vals = [v for p in ready for v in p.moves]
        try:
            ids = self._x("account.move", "create", vals)
        except AuthError:
            raise
        except LedgerError as exc:
            if exc.retryable:
                raise           # the outcome is unknown: the engine settles by reference
            log.info("batch create failed (%s); creating one by one", exc.title)
            for p in ready:
                try:
                    p.ids = list(self._x("account.move", "create", p.moves))
                except AuthError:
                    raise
                except LedgerError as one:
                    if one.retryable:
                        raise
                    p.error = one
            return
        pos = 0
        for p in ready:
            p.ids = list(ids[pos:pos + len(p.moves)])
            pos += len(p.moves)

    def _verify(self, plans: list[_Plan], company: _Company) -> None:
        created = [p for p in plans if p.error is None and p.ids]
        if not created:
            return
        # A bill's payable line goes to the Pleo payable account (Odoo puts it on the supplier's default):
        # moved in one write for the batch, before the totals are read back.
        bills = [p for p in created if p.kind == "bill" and p.payable_account]
        term_lines: dict[int, list[dict]] = defaultdict(list)
        if bills:
            # the bills' payable lines and the payable lines of the entries that paid them, in one search
            # (the latter are what posting reconciles them with)
            settle_ids = [i for p in bills if p.settled for i in p.ids[1:]]
            payables = sorted({p.payable_account for p in bills if p.settled})
            domain: list = [["move_id", "in", [p.ids[0] for p in bills] + settle_ids]]
            domain += ["|", ["display_type", "=", "payment_term"], ["account_id", "in", payables]] if settle_ids \
                else [["display_type", "=", "payment_term"]]
            found: dict[int, list[dict]] = defaultdict(list)
            for ln in self._x("account.move.line", "search_read", domain,
                              fields=["move_id", "account_id", "balance", "display_type"]):
                found[_m2o_id(ln["move_id"]) or 0].append(ln)
            for p in bills:
                term_lines[p.ids[0]] = [ln for ln in found.get(p.ids[0], []) if ln["display_type"] == "payment_term"]
                p.payable_lines = term_lines[p.ids[0]] + [ln for i in p.ids[1:] for ln in found.get(i, [])
                                                          if _m2o_id(ln["account_id"]) == p.payable_account]
            move: dict[int, list[int]] = defaultdict(list)
            for p in bills:
                for ln in term_lines.get(p.ids[0], []):
                    if _m2o_id(ln["account_id"]) != p.payable_account:
                        move[p.payable_account].append(ln["id"])
            for account, line_ids in move.items():
                try:
                    self._x("account.move.line", "write", line_ids, {"account_id": account})
                except AuthError:
                    raise
                except LedgerError as exc:
                    if exc.retryable:
                        raise
                    log.warning("could not move the payable lines %s to account %s: %s", line_ids, account, exc)
                    continue
                for lines in term_lines.values():
                    for ln in lines:
                        if ln["id"] in line_ids:
                            ln["account_id"] = account
        all_ids = [i for p in created for i in p.ids]
        rows = {r["id"]: r for r in self._x("account.move", "read", all_ids,
                                            ["move_type", "amount_total", "amount_total_signed", "amount_tax",
                                             "state"])}
        for p in created:
            problems = _amount_problems(p.ids, p.expected, rows, company)
            if p.kind == "bill" and p.payable_account and p.settled:
                accs = {_m2o_id(ln["account_id"]) for ln in term_lines.get(p.ids[0], [])}
                if accs and accs != {p.payable_account}:
                    problems.append("the bill's payable line is on another account than the entry that pays it")
            if not problems:
                continue
            left, p.ids = p.ids, []
            fb = p.alt
            if not self._discard(left):
                # Booking the fallback now would leave two moves under one reference, and posting
                # them books the expense twice: stop here, and say what to remove first.
                p.error = LedgerError(
                    "Odoo booked other amounts than Pleo's, and pleodesk could not remove its draft",
                    "; ".join(problems) + f" (draft {p.entry.reference}, Odoo id {', '.join(map(str, left))})",
                    f"Delete the draft {p.entry.reference} in Odoo (Accounting > Vendors > Bills or Journal Entries, "
                    "search for the reference), then press Retry.",
                    reason_type="accounting_system_validation_failure")
            elif p.kind == "bill" and fb is not None:
                # Odoo removed the bill's receipts with it: upload_receipt attaches them to the entry
                p.attachments = []
                fb.moves[0].pop("attachment_ids", None)
                fb.moves[0].pop("message_main_attachment_id", None)
                fb.note = ("Booked as a journal entry, not a vendor bill: " + "; ".join(problems) + ".")
                fb.moves[0]["narration"] = _narration(p.entry, fb.note)
                fb.notes = list(p.notes)
                log.warning("%s: %s", p.entry.reference, fb.note)
                p.fallback = fb
            else:
                p.attachments = []                    # removed by Odoo with the moves
                p.error = LedgerError("Odoo booked other amounts than Pleo's", "; ".join(problems),
                                      "Nothing was kept in Odoo. Please report this.",
                                      reason_type="accounting_system_validation_failure")

    def _check_found_drafts(self, plans: list[_Plan], chart: _Chart, company: _Company) -> None:
        """Drafts found under an expense's reference (an earlier run that stopped, or a bill pleodesk
        could not remove) are posted only when they hold Pleo's amounts; otherwise the expense fails
        and says which draft to delete, so posting never books other amounts than Pleo's."""
        twins = [(p, _Plan(p.index, p.entry)) for p in plans]
        self._prepare_partners([q for _, q in twins], chart)
        checkable: list[tuple[_Plan, list[dict]]] = []
        for p, q in twins:
            try:
                self._build(q, chart, company)
            except LedgerError:
                continue          # what it would be cannot be said now: the draft is posted as found
            expected = q.alt.expected if (p.kind == "entry" and q.kind == "bill" and q.alt is not None) \
                else q.expected
            if len(expected) == len(p.ids):     # else booked under other options: nothing to compare
                checkable.append((p, expected))
        ids = [i for p, _ in checkable for i in p.ids]
        if not ids:
            return
        rows = {r["id"]: r for r in self._x("account.move", "read", ids,
                                            ["move_type", "amount_total", "amount_total_signed", "amount_tax",
                                             "state"])}
        for p, expected in checkable:
            problems = _amount_problems(p.ids, expected, rows, company)
            if problems:
                p.error = LedgerError(
                    "A draft in Odoo under this expense's reference has other amounts than Pleo's",
                    "; ".join(problems),
                    f"Delete the draft {p.entry.reference} in Odoo (Accounting > Vendors > Bills or Journal "
                    "Entries, search for the reference), then press Retry.",
                    reason_type="accounting_system_validation_failure")

    def _discard(self, ids: list[int]) -> bool:
        """Delete drafts pleodesk just created; False (and a log line) when Odoo did not."""
        try:
            self._x("account.move", "unlink", ids)
        except AuthError:
            raise
        except LedgerError as exc:
            log.warning("could not remove drafts %s: %s", ids, exc)
            return False
        return True

    def _post(self, plans: list[_Plan]) -> None:
        if not plans:
            return
        ids = [i for p in plans for i in self._draft_ids(p)]
        try:
            if ids:
                self._x("account.move", "action_post", ids)
        except AuthError:
            raise
        except LedgerError as exc:
            if exc.retryable:
                raise
            for p in plans:
                own = self._draft_ids(p)
                if not own:
                    continue
                try:
                    self._x("account.move", "action_post", own)
                except AuthError:
                    raise
                except LedgerError as one:
                    if one.retryable:
                        raise
                    if not p.existing:
                        if self._discard(p.ids):
                            p.attachments = []        # removed by Odoo with the moves
                        p.ids = []
                    p.error = LedgerError(f"Odoo could not post it: {one.detail.splitlines()[0] if one.detail else one.title}",
                                          one.detail, one.fix, reason_type=one.reason_type)
        self._reconcile_settlements([p for p in plans if p.error is None and len(p.ids) > 1])

    @staticmethod
    def _draft_ids(p: _Plan) -> list[int]:
        if p.existing:
            return [i for i, m in zip(p.ids, p.moves) if m.get("_state") == "draft"] if p.moves else []
        return list(p.ids)

    def _reconcile_settlements(self, plans: list[_Plan]) -> None:
        """Match each bill's payable line with the entry that paid it: the lines were found when the
        drafts were checked (one search for the batch); one ``reconcile`` per bill (a reconcile of several
        bills at once would match across suppliers). Drafts of an earlier run are looked up in one search.
        Best effort: both moves are booked anyway, the bookkeeper can match them."""
        lookup = [p for p in plans if not p.payable_lines]
        if lookup:
            try:
                rows = self._x("account.move.line", "search_read",
                               [["move_id", "in", [i for p in lookup for i in p.ids]], ["reconciled", "=", False],
                                ["account_id.account_type", "=", "liability_payable"],
                                ["parent_state", "=", "posted"]], fields=["id", "move_id", "account_id", "balance"])
            except AuthError:
                raise
            except LedgerError as exc:
                log.warning("could not look up the payable lines to reconcile: %s", exc)
                rows = []
            by_move: dict[int, list[dict]] = defaultdict(list)
            for r in rows:
                by_move[_m2o_id(r["move_id"]) or 0].append(r)
            for p in lookup:
                p.payable_lines = [r for mid in p.ids for r in by_move.get(mid, [])]
        for p in plans:
            by_account: dict[int, list[dict]] = defaultdict(list)
            for r in p.payable_lines:
                by_account[_m2o_id(r["account_id"]) or 0].append(r)
            for lines in by_account.values():
                if len(lines) < 2 or round(sum(r["balance"] for r in lines), 6) != 0:
                    continue
                try:
                    self._x("account.move.line", "reconcile", [r["id"] for r in lines])
                except AuthError:
                    raise
                except LedgerError as exc:
                    log.warning("could not reconcile the moves of %s: %s", p.entry.reference, exc)

    # ================================================================== receipts ============
    def _upload_receipts(self, plans: list[_Plan]) -> None:
        """The batch's receipts as attachments, one ``ir.attachment.create`` per 15 MB of files, before the
        moves: each move's create then links its own (``attachment_ids``) and sets its main attachment
        (the one Odoo previews beside the bill; ``message_main_attachment_id``, which a plain attachment
        does not set). Files it cannot take here are left to ``upload_receipt``, which the engine calls
        for every receipt and which then reports the problem."""
        todo: list[tuple[_Plan, Path, int]] = []
        for p in plans:
            if p.error is not None or not p.moves:
                continue
            seen = set()
            for path in p.entry.receipts:
                f = Path(path)
                try:
                    size = f.stat().st_size
                except OSError:
                    continue
                if size > MAX_ATTACHMENT_BYTES or f.name in seen:
                    continue
                seen.add(f.name)
                todo.append((p, f, size))
        chunk: list[tuple[_Plan, Path, int]] = []
        size = 0
        for item in todo + [None]:                       # type: ignore[list-item]
            if item is not None and (not chunk or size + item[2] <= ATTACH_CHUNK_BYTES):
                chunk.append(item)
                size += item[2]
                continue
            vals, owners = [], []
            for p, f, _ in chunk:
                try:
                    data = f.read_bytes()
                except OSError:
                    continue
                vals.append({"name": f.name, "res_model": "account.move", "type": "binary",
                             "mimetype": mimetypes.guess_type(f.name)[0] or "application/octet-stream",
                             "datas": base64.b64encode(data).decode("ascii")})
                owners.append(p)
            if vals:
                try:
                    ids = self._x("ir.attachment", "create", vals)
                except AuthError:
                    raise
                except LedgerError as exc:
                    if exc.retryable:
                        raise
                    log.warning("could not attach %d receipts with their moves (%s); they are attached one by "
                                "one", len(vals), exc.title)
                    ids = []
                for v, att_id, p in zip(vals, ids, owners):
                    p.attachments.append((v["name"], att_id, v["mimetype"]))
            chunk = [item] if item is not None else []
            size = item[2] if item is not None else 0
        for p in plans:
            if p.attachments:
                _link_receipts(p.moves[0], p.attachments)
                if p.alt is not None:                  # a bill's fallback entry takes them over
                    _link_receipts(p.alt.moves[0], p.attachments)

    def _settle_receipts(self, plans: list[_Plan]) -> None:
        orphans: list[int] = []
        for p in plans:
            if not p.attachments:
                continue
            if p.error is None and p.ids:
                for name, att_id, _ in p.attachments:
                    self._attached[(p.main_id, name)] = att_id   # type: ignore[index]
            else:
                orphans += [att_id for _, att_id, _ in p.attachments]
        if orphans:
            try:
                self._x("ir.attachment", "unlink", orphans)
            except AuthError:
                raise
            except LedgerError as exc:
                log.warning("could not remove the receipts of expenses that failed (%s): %s", orphans, exc)

    def upload_receipt(self, found: Found, path: str, mime: str, filename: str) -> None:
        move_id = int(found.ledger_id)
        if (move_id, filename) in self._attached:
            return          # attached with its move's batch
        data = Path(path).read_bytes()
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise LedgerError(f"The receipt {filename} is too large for Odoo",
                              f"{len(data) / 1_048_576:.1f} MB", "Attach a smaller copy by hand.",
                              reason_type="receipt_file_size_limit_exceeded")
        mime = mime or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        existing = self._x("ir.attachment", "search_read",
                           [["res_model", "=", "account.move"], ["res_id", "=", move_id], ["name", "=", filename]],
                           fields=["id"], limit=1)
        if existing:
            att_id = existing[0]["id"]
            move = self._x("account.move", "read", [move_id], ["message_main_attachment_id"])[0]
            if move["message_main_attachment_id"]:
                self._attached[(move_id, filename)] = att_id
                return
        else:
            att_id = self._x("ir.attachment", "create", {
                "name": filename, "res_model": "account.move", "res_id": move_id, "type": "binary",
                "mimetype": mime, "datas": base64.b64encode(data).decode("ascii")})
        # message_post makes it the main attachment, which Odoo previews next to the bill
        self._x("account.move", "message_post", [move_id], body=f"Receipt from Pleo: {filename}",
                attachment_ids=[att_id])
        self._attached[(move_id, filename)] = att_id

    # ================================================================== bank feed ===========
    def _feed_fields(self) -> set[str]:
        """The statement-line fields this server has of those the feed may use: Community 16 and 17 have
        no ``unique_import_id`` (it comes with the statement-import module of Enterprise / OCA)."""
        if self._statement_fields is None:
            got = self._x("account.bank.statement.line", "fields_get", ["unique_import_id", "ref", "payment_ref"],
                          attributes=["type"])
            self._statement_fields = set(got or {})
        return self._statement_fields

    def _feed_journal(self) -> int:
        """The id of the Pleo wallet's bank journal the feed writes to (LedgerError when none is chosen
        or it is not a bank journal)."""
        journal_want = (self.settings.get("journals") or {}).get("bank")
        if not journal_want:
            raise LedgerError("No bank journal is chosen for the Pleo bank feed", "",
                              "Edit the connection and choose the bank journal of the Pleo wallet on the page "
                              "\"Bank account and journals\".",
                              reason_type="missing_configuration")
        domain = [["company_id", "=", self._cid()]]
        domain.append(["id", "=", journal_want] if isinstance(journal_want, int) else ["code", "=", str(journal_want)])
        journals = self._x("account.journal", "search_read", domain, fields=["id", "type", "name"])
        if not journals or journals[0]["type"] not in ("bank", "cash"):
            raise LedgerError(f"The bank feed journal {journal_want} is not a bank journal in Odoo", "",
                              "Choose a journal of the type Bank.", reason_type="invalid_configuration")
        return journals[0]["id"]

    def _present_feed_refs(self, journal: int, refs: list[str]) -> set[str]:
        """Which of our ids (``pleo-<transaction id>``) the journal's statement lines hold, in ``ref`` or,
        where the server has it, ``unique_import_id``."""
        fields = self._feed_fields()
        present: set[str] = set()
        for start in range(0, len(refs), FEED_LOOKUP_CHUNK):
            part = refs[start:start + FEED_LOOKUP_CHUNK]
            dom: list = [["journal_id", "=", journal], ["ref", "in", part]]
            wanted = ["ref"]
            if "unique_import_id" in fields:
                dom = [["journal_id", "=", journal], "|", ["ref", "in", part], ["unique_import_id", "in", part]]
                wanted.append("unique_import_id")
            for r in self._x("account.bank.statement.line", "search_read", dom, fields=wanted):
                present.update(v for v in (r.get("ref"), r.get("unique_import_id")) if v)
        return present

    def feed_lines_present(self, transaction_ids: Sequence[str]) -> set[str]:
        """The lines Odoo holds, by the id push_feed gives each (``pleo-<id>``)."""
        if not transaction_ids:
            return set()
        present = self._present_feed_refs(self._feed_journal(), [f"pleo-{t}" for t in transaction_ids])
        return {t for t in transaction_ids if f"pleo-{t}" in present}

    def push_feed(self, lines: Sequence[FeedLine]) -> FeedResult:
        """Statement lines in the Pleo wallet's bank journal, each once: our id ``pleo-<transaction id>``
        goes in the line's ``ref`` (its journal entry's reference; searchable on every server), and also
        in ``unique_import_id`` where the server has that field (lines pushed there before are found by
        it too)."""
        if not lines:
            return FeedResult(0)
        journal = self._feed_journal()
        company = self._company_info()
        fields = self._feed_fields()
        if "ref" not in fields:
            raise LedgerError("This Odoo server's bank statement lines have no reference field", "",
                              "Check that the server runs Odoo 16 or 17 with the Invoicing or Accounting app.",
                              reason_type="invalid_configuration")
        uids = {f"pleo-{ln.transaction_id}": ln for ln in lines}
        present = self._present_feed_refs(journal, list(uids))
        messages: list[str] = []
        rejected: list[str] = []
        todo = []
        for uid, ln in uids.items():
            if uid in present:
                continue
            if ln.currency != company.currency:
                messages.append(f"{ln.transaction_id}: in {ln.currency}, the bank journal books in "
                                f"{company.currency}; skipped.")
                rejected.append(ln.transaction_id)
                continue
            label = " - ".join(x for x in (ln.payee, ln.description, ln.employee) if x) or "Pleo"
            vals = {"journal_id": journal, "date": ln.date, "amount": float(Decimal(ln.amount)),
                    "payment_ref": label[:250], "partner_name": ln.payee or False, "ref": uid}
            if "unique_import_id" in fields:
                vals["unique_import_id"] = uid
            todo.append(vals)
        accepted = 0
        if todo:
            try:
                accepted = len(self._x("account.bank.statement.line", "create", todo))
            except AuthError:
                raise
            except LedgerError as exc:
                if exc.retryable:
                    raise
                for vals in todo:
                    try:
                        self._x("account.bank.statement.line", "create", vals)
                        accepted += 1
                    except AuthError:
                        raise
                    except LedgerError as one:
                        messages.append(f"{uids[vals['ref']].transaction_id}: {one.title}")
                        rejected.append(uids[vals["ref"]].transaction_id)
        return FeedResult(accepted=accepted, duplicates=len(present & set(uids)), messages=tuple(messages),
                          rejected=tuple(rejected))


# ------------------------------------------------------------------------ helpers ---------------
def _sentence(exc: LedgerError) -> str:
    parts = [exc.title.rstrip(".") + "."]
    if exc.detail:
        parts.append(exc.detail.rstrip(".") + ".")
    if exc.fix:
        parts.append(exc.fix)
    return " ".join(parts)


def _main_move(rows: list[dict]) -> dict:
    for r in rows:
        if r["move_type"] != "entry":
            return r
    return rows[0]


def _payee(e: LedgerEntry) -> str:
    return (e.payee or "").strip() or "Unknown supplier (Pleo)"


def _narration(e: LedgerEntry, note: str) -> str:
    parts = []
    if note:
        parts.append(note)
    if e.web_url:
        parts.append(f"Pleo: {e.web_url}")
    return "\n".join(parts)


def _contra_posting(e: LedgerEntry) -> Posting | None:
    for posting in reversed(e.postings):
        if posting.account == e.contra_account and posting.tax_role is None and posting.signed == -e.gross.amount:
            return posting
    return None


def _group_lines(e: LedgerEntry, contra: Posting | None) -> list[_Line]:
    """Expense postings with their tax postings: by ``line_id`` where set, else the tax postings that
    follow an expense posting belong to it (the posting order of ``core.posting``)."""
    lines: list[_Line] = []
    by_line_id: dict[str, _Line] = {}
    for posting in e.postings:
        if posting is contra:
            continue
        if posting.tax_role is None:
            ln = _Line(posting)
            lines.append(ln)
            if posting.line_id:
                by_line_id[posting.line_id] = ln
            continue
        owner = by_line_id.get(posting.line_id) if posting.line_id else None
        if owner is None:
            owner = next((ln for ln in reversed(lines) if ln.posting.tax_code == posting.tax_code), None)
        if owner is None:
            raise LedgerError("A tax line of this expense has no expense line", "", "Please report this.",
                              reason_type="validation_failure")
        owner.taxes.append(posting)
    return lines


@dataclass(frozen=True)
class OdooSendResult(SendResult):
    """A SendResult with what the user should know about how it was booked (shown with the expense)."""

    notes: tuple[str, ...] = ()


class _NewPartner:
    """A supplier to create with the batch's moves; its id once created."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.id: int | None = None


def _walk(value: Any):
    if isinstance(value, dict):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _walk(v)
    else:
        yield value


def _resolve(value: Any) -> Any:
    """``value`` with every created supplier placeholder replaced by its id."""
    if isinstance(value, _NewPartner):
        if value.id is None:
            raise LedgerError(f"The supplier {value.name} could not be created in Odoo", "",
                              "Create the contact in Odoo, then export again.", reason_type="validation_failure")
        return value.id
    if isinstance(value, dict):
        return {k: _resolve(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_resolve(v) for v in value)
    return value


def _link_receipts(move: dict, attachments: list[tuple[str, int, str]]) -> None:
    """A move's create links its receipts and makes one the main attachment, choosing as Odoo does (a
    PDF, else an image, else the first)."""
    move["attachment_ids"] = [[4, att_id] for _, att_id, _ in attachments]
    main = max(attachments, key=lambda a: (a[2].endswith("pdf"), a[2].startswith("image")))
    move["message_main_attachment_id"] = main[1]


def _is_payable(chart: _Chart, code: str) -> bool:
    acc = chart.accounts.get(code)
    return bool(acc) and acc["account_type"] == "liability_payable"


def _owed_to_employee(e: LedgerEntry) -> bool:
    """An expense with a line owed to (or settled with) the employee: out-of-pocket, mileage, per diem
    (the counter line), and reimbursement payouts (their out-of-pocket lines)."""
    return e.contra_role is ContraRole.OUT_OF_POCKET or e.kind in REIMBURSEMENT_KINDS
