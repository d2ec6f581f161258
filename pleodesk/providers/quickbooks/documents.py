"""From a balanced ``LedgerEntry`` to the QuickBooks Online transaction that books it, to the cent.

Which transaction (docs/quickbooks.md has the reasoning):

* money out of the Pleo bank account (a card purchase, a fee, an out-of-pocket expense on the Pocket
  account, mileage, per diem): a ``Purchase`` with ``PaymentType=Cash`` on that bank account, one
  ``AccountBasedExpenseLineDetail`` line per Pleo line. It is listed under Expenses, as Pleo's help
  article promises;
* money back into it from a supplier (a refund, a chargeback, cashback): a ``Deposit`` to the same bank
  account, its lines on the expense (or income) accounts with ``TaxApplicableOn=Purchase``, so the
  deductible VAT is reversed. A ``Purchase`` with ``Credit=true`` is only valid on a credit card
  account (XSD), so it is used only where the Pleo account is a credit card account in QuickBooks;
* money moved between two balance sheet accounts (a wallet top-up or unload, a cash withdrawal, a
  reimbursement paid from the wallet to the Pocket account or from the company's bank), without VAT:
  a ``Transfer``. A purchase booked on a balance sheet account that is not a bank or card account (the
  suspense account for expenses without a category) stays a purchase;
* an expense booked against accounts payable (Pleo's vendor-based bookkeeping): a ``Bill`` to the
  supplier, and a ``VendorCredit`` when the amount is negative.

VAT: every line carries a ``TaxCodeRef`` (non-US companies refuse a line without one, 6000), Pleo's net
as ``Amount`` and ``GlobalTaxCalculation=TaxExcluded``. QuickBooks computes VAT per tax rate from the
nets; where that differs from Pleo's VAT (Pleo rounds per receipt line, QuickBooks per rate), the
transaction carries a ``TxnTaxDetail`` with Pleo's amount per rate, which QuickBooks takes as an
override. A difference larger than rounding is not an override: the expense is refused with a plain
message (a Pleo tax code mapped to a QuickBooks code with another rate). The gross QuickBooks returns
(``TotalAmt``) is then checked against Pleo's by the provider.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pleodesk.core.ledger import ContraRole, LedgerEntry, Posting
from pleodesk.core.money import quantum
from pleodesk.providers.quickbooks import wire

DESCRIPTION_MAX = 4000
#: QuickBooks account types money may move between with a Transfer.
TRANSFER_TYPES = frozenset({"Bank", "Other Current Asset", "Credit Card", "Other Current Liability", "Other Asset",
                            "Fixed Asset", "Long Term Liability", "Equity"})
#: Kinds booked on the employee (no supplier): the employee is the payee.
_EMPLOYEE_KINDS = {"mileage", "per_diem"}
#: Kinds that only move money between accounts: a transfer when both accounts are balance sheet ones.
MOVEMENT_KINDS = {"wallet_topup", "wallet_unload", "atm_withdrawal", "direct_reimbursement",
                  "external_reimbursement"}


@dataclass(frozen=True)
class QboAccount:
    id: str
    code: str                 # the account number, or its name where it has none
    name: str
    type: str                 # AccountType: Bank, Expense, Other Current Asset, ...
    subtype: str = ""
    active: bool = True
    currency: str | None = None
    number: str = ""
    journal_code: str | None = None


@dataclass(frozen=True)
class QboRate:
    id: str
    name: str
    value: Decimal            # percent: 20 for 20 %
    special: str = "NONE"     # SpecialTaxType

    @property
    def reverse(self) -> bool:
        return self.special == "REVERSE_CHARGE"


@dataclass(frozen=True)
class QboTaxCode:
    id: str
    code: str                 # its name (what mappings use)
    active: bool
    purchase: tuple[QboRate, ...]
    sales: tuple[QboRate, ...] = ()

    @property
    def reverse(self) -> bool:
        return any(r.reverse for r in self.purchase)

    @property
    def rate(self) -> Decimal:
        """The rate as a fraction (0.20), for a reverse charge code the rate self-assessed."""
        if self.reverse:
            return max((r.value for r in self.purchase if r.reverse), default=Decimal(0)) / 100
        return sum((r.value for r in self.purchase), Decimal(0)) / 100


@dataclass
class Context:
    accounts: dict[str, QboAccount]                    # by code
    taxes: dict[str, QboTaxCode]                       # by code (name)
    classes: dict[str, str] = field(default_factory=dict)     # value -> Class Id
    locations: dict[str, str] = field(default_factory=dict)   # value -> Department Id
    projects: dict[str, str] = field(default_factory=dict)    # value -> Customer Id (a project)
    class_dimension: str | None = "Class"
    location_dimension: str | None = None
    project_dimension: str | None = "Project"
    class_per_line: bool = True
    class_per_txn: bool = False
    us: bool = False
    multicurrency: bool = False
    home_currency: str = "EUR"
    no_tax_code: str | None = None


class DocumentError(ValueError):
    def __init__(self, title: str, fix: str = "", reason_type: str = "accounting_system_validation_failure"):
        super().__init__(title)
        self.title = title
        self.fix = fix
        self.reason_type = reason_type


@dataclass
class Document:
    entry: LedgerEntry
    kind: str                          # Purchase | Deposit | Transfer | Bill | VendorCredit
    body: dict[str, Any]               # without the payee's reference
    payee: str | None                  # name of the vendor / employee, None: no payee
    payee_field: str | None = None     # EntityRef | VendorRef | (Deposit lines') Entity
    vendor_only: bool = False          # a Bill or VendorCredit needs a Vendor
    expected_total: Decimal = Decimal(0)
    overridden: bool = False           # the body carries Pleo's VAT as a TxnTaxDetail override
    tax_detail: dict[str, Any] | None = None   # the override (also when not sent: for a correction)
    notes: list[str] = field(default_factory=list)

    @property
    def reference(self) -> str:
        return self.entry.reference

    @property
    def doc_number(self) -> str:
        return wire.doc_number(self.entry.reference)


# ------------------------------------------------------------------------------ entries ---------
@dataclass
class _Group:
    line_id: str
    account: str
    tax_code: str | None
    net: Decimal
    tax: Decimal
    reverse: bool
    dims: tuple[tuple[str, str], ...]
    description: str


def _is_contra(p: Posting, entry: LedgerEntry) -> bool:
    return p.line_id is None and p.tax_role is None and p.account == entry.contra_account


def _groups(entry: LedgerEntry, direction: int) -> list[_Group]:
    groups: dict[str, _Group] = {}
    order: list[str] = []
    contra_seen = False
    last: str | None = None
    for i, p in enumerate(entry.postings):
        if not contra_seen and _is_contra(p, entry):
            contra_seen = True
            continue
        signed = p.signed * direction
        if p.tax_role is None:
            key = p.line_id if p.line_id is not None else f"#{i}"
            if key in groups:
                raise DocumentError(f"line {key} has two expense postings; pleodesk cannot book it in QuickBooks")
            groups[key] = _Group(key, p.account, p.tax_code, signed, Decimal(0), False, p.dimensions,
                                 p.description or entry.description)
            order.append(key)
            last = key
        else:
            key = p.line_id if p.line_id is not None else last
            g = groups.get(key) if key is not None else None
            if g is None:
                raise DocumentError("a tax posting does not belong to any line")
            if p.tax_role == "input":
                g.tax += signed
            elif p.tax_role == "output":
                g.reverse = True
    if not contra_seen and entry.postings:
        raise DocumentError(f"the entry has no posting on its counter account {entry.contra_account}")
    return [groups[k] for k in order]


def _account(ctx: Context, code: str, what: str) -> QboAccount:
    acc = ctx.accounts.get(code)
    if acc is None:
        raise DocumentError(f"{what} {code} is not in QuickBooks' chart of accounts",
                            "Refresh the chart (Settings > Read the chart again) and map it to an existing account.",
                            "account_unknown")
    if not acc.active:
        raise DocumentError(f"{what} {code} ({acc.name}) is inactive in QuickBooks",
                            "Make the account active again in QuickBooks, or map to another account.",
                            "account_unknown")
    return acc


def _dims(ctx: Context, g: _Group) -> dict[str, str]:
    """The QuickBooks ids of a line's class, location and project."""
    out: dict[str, str] = {}
    known = {ctx.class_dimension: ("class", ctx.classes), ctx.location_dimension: ("location", ctx.locations),
             ctx.project_dimension: ("project", ctx.projects)}
    for dim, value in g.dims:
        role, table = known.get(dim, (None, None))
        if role is None or table is None:
            raise DocumentError(f"line {g.line_id} is tagged for '{dim}', which is not a class, location or project "
                                "in QuickBooks", "Map the Pleo tag group to Class, Project or the location list.",
                                "tag_unknown")
        if value not in table:
            what = {"class": "class", "location": "location", "project": "project"}[role]
            raise DocumentError(f"the {what} '{value}' is not active in QuickBooks",
                                f"Make the {what} active again in QuickBooks, or map the Pleo tag to another one.",
                                "tag_unknown")
        out[role] = table[value]
    return out


def _round(x: Decimal, q: Decimal) -> Decimal:
    return x.quantize(q, rounding=ROUND_HALF_UP)


def _tax_plan(groups: list[_Group], codes: list[QboTaxCode], q: Decimal, tolerance_per_line: int = 1
              ) -> tuple[dict[str, Any] | None, Decimal, list[str]]:
    """(the override ``TxnTaxDetail`` or None when QuickBooks' own VAT is Pleo's, the VAT in the total,
    notes). Raises DocumentError when Pleo's VAT is more than rounding away from QuickBooks'."""
    per_rate: dict[str, dict[str, Any]] = {}
    for g, code in zip(groups, codes):
        plain = [r for r in code.purchase if not r.reverse]
        for r in code.purchase:
            slot = per_rate.setdefault(r.id, {"rate": r, "net": Decimal(0), "pleo": Decimal(0), "lines": 0})
            slot["net"] += g.net
            slot["lines"] += 1
            if r.reverse:
                slot["pleo"] += g.tax if r.value > 0 else -g.tax
        if len(plain) == 1:
            per_rate[plain[0].id]["pleo"] += g.tax
        elif len(plain) > 1 and g.tax:
            raise DocumentError(f"the QuickBooks tax code {code.code} combines several rates; pleodesk cannot split "
                                f"Pleo's VAT {g.tax} of line {g.line_id} between them",
                                "Map the Pleo tax code to a QuickBooks tax code with one rate.", "tax_code_unknown")
        elif not plain and not code.reverse and g.tax:
            raise DocumentError(f"Pleo booked VAT {g.tax} on line {g.line_id}, but the QuickBooks tax code {code.code} "
                                "has no purchase rate", "Map the Pleo tax code to a QuickBooks purchase VAT rate.",
                                "tax_code_unknown")
    differs = False
    total = Decimal(0)
    tax_lines = []
    notes = []
    for rid, slot in per_rate.items():
        rate: QboRate = slot["rate"]
        computed = _round(slot["net"] * rate.value / 100, q)
        pleo = slot["pleo"]
        if computed != pleo:
            if abs(computed - pleo) > q * max(2, slot["lines"] * tolerance_per_line):
                raise DocumentError(
                    f"Pleo booked VAT {pleo} at {rate.name}, but QuickBooks computes {computed} on {slot['net']} "
                    f"({rate.value} %): more than rounding apart",
                    "Map the Pleo tax code to the QuickBooks tax code with the same rate (a receipt with several VAT "
                    "rates needs one line per rate in Pleo).", "tax_code_unknown")
            differs = True
            notes.append(f"VAT at {rate.name}: QuickBooks computes {computed}, Pleo's receipts give {pleo}; booked "
                         f"{pleo} (a VAT override)")
        total += pleo
        tax_lines.append({"Amount": pleo, "DetailType": "TaxLineDetail",
                          "TaxLineDetail": {"TaxRateRef": {"value": rid}, "PercentBased": True,
                                            "TaxPercent": rate.value, "NetAmountTaxable": slot["net"]}})
    detail = {"TotalTax": total, "TaxLine": tax_lines} if tax_lines else None
    return (detail if differs else None), total, notes


def build(entry: LedgerEntry, ctx: Context) -> Document:
    """The QuickBooks transaction for ``entry`` (raises DocumentError with a plain message)."""
    gross = entry.gross.amount
    currency = entry.gross.currency
    q = quantum(currency)
    if gross == 0 or not entry.postings:
        raise DocumentError("the expense has nothing to book (its amount is zero)")
    if not entry.is_balanced():
        raise DocumentError("the entry does not balance; nothing was sent")
    if currency != ctx.home_currency and not ctx.multicurrency:
        raise DocumentError(f"the expense is in {currency}, the QuickBooks company in {ctx.home_currency} without "
                            "multicurrency", "Turn on multicurrency in QuickBooks (Settings > Advanced > Currency) "
                            f"and choose a Pleo bank account in {currency}.", "missing_configuration")
    direction = 1 if gross > 0 else -1
    groups = _groups(entry, direction)
    for g in groups:
        if g.net < 0 or g.tax < 0 or (g.net == 0 and g.tax == 0):
            raise DocumentError("the expense mixes money out and money back on different lines, which a QuickBooks "
                                "transaction cannot hold (every line must be positive)",
                                "Book this expense by hand in QuickBooks.")
        _account(ctx, g.account, "account")
    contra = _account(ctx, entry.contra_account, "the counter account")
    common = {"TxnDate": entry.date.isoformat(), "DocNumber": wire.doc_number(entry.reference),
              "PrivateNote": wire.private_note(entry.reference, entry.description)}

    line_types = {ctx.accounts[g.account].type for g in groups}
    if line_types & {"Accounts Payable", "Accounts Receivable"}:
        raise DocumentError("the expense is booked on an accounts payable or receivable account (a Pleo invoice "
                            "payment); pleodesk does not pay bills in QuickBooks",
                            "Record the payment in QuickBooks (Expenses > Pay bills) and mark the expense as handled "
                            "in Pleo.", "missing_configuration")
    only = ctx.accounts[groups[0].account] if len(groups) == 1 else None
    if (only is not None and entry.contra_role is not ContraRole.PAYABLE and groups[0].tax == 0
            and contra.type in TRANSFER_TYPES and only.type in TRANSFER_TYPES
            and (only.type in ("Bank", "Credit Card") or entry.kind.value in MOVEMENT_KINDS)):
        return _transfer(entry, groups[0], ctx, contra, direction, common)
    banks = [g for g in groups if ctx.accounts[g.account].type == "Bank"]
    if banks:
        raise DocumentError(f"line {banks[0].line_id} is booked on the bank account {banks[0].account}; QuickBooks "
                            "moves money between bank accounts only as a transfer of the whole amount",
                            "Book this expense by hand in QuickBooks (New > Transfer).")

    codes: list[QboTaxCode] = []
    lines_tax: list[str | None] = []
    for g in groups:
        code_name = g.tax_code if g.tax_code else ctx.no_tax_code
        if g.tax_code is None and g.tax:
            raise DocumentError(f"line {g.line_id} has VAT but no tax code")
        if ctx.us:
            if g.tax:
                raise DocumentError(
                    "QuickBooks Online in the US has no VAT codes for purchases, and this expense carries VAT",
                    "Book it by hand in QuickBooks, or map the Pleo tax code to no VAT in Pleo.", "tax_code_unknown")
            lines_tax.append(None)
            continue
        if not code_name:
            raise DocumentError(f"line {g.line_id} has no VAT rate, and QuickBooks refuses expense lines without one "
                                "(error 6000)", "Map the category to a tax code (or create a 0 % purchase rate in "
                                "QuickBooks and read the chart again).", "tax_code_unknown")
        code = ctx.taxes.get(code_name)
        if code is None:
            raise DocumentError(f"the tax code {code_name} is not in QuickBooks",
                                "Read the chart again and map the Pleo tax code to a QuickBooks purchase rate.",
                                "tax_code_unknown")
        if not code.active or not code.purchase:
            raise DocumentError(f"the QuickBooks tax code {code_name} cannot be used on purchases"
                                + ("" if code.active else " (it is inactive)"),
                                "Map the Pleo tax code to an active QuickBooks purchase VAT rate.", "tax_code_unknown")
        if (g.reverse or code.reverse) and not (g.reverse and code.reverse):
            raise DocumentError(f"line {g.line_id}: Pleo's reverse charge and QuickBooks' tax code {code_name} disagree",
                                "Map Pleo's reverse-charge tax code to QuickBooks' reverse-charge (autoliquidation) "
                                "code, and the others to ordinary rates.", "tax_code_unknown")
        codes.append(code)
        lines_tax.append(code.id)
    if ctx.us:
        override, tax_total, notes = None, Decimal(0), []
    else:
        override, tax_total, notes = _tax_plan(groups, codes, q)
    # the reverse charge's paid amount is the net: its VAT lines cancel out
    paid_tax = sum((g.tax for g in groups if not g.reverse), Decimal(0))
    expected = sum((g.net for g in groups), Decimal(0)) + (paid_tax if not ctx.us else Decimal(0))
    if not ctx.us and expected != abs(gross):
        raise DocumentError(f"the QuickBooks lines add up to {expected}, the expense is {abs(gross)}")

    bill = entry.contra_role is ContraRole.PAYABLE
    refund = direction < 0
    if bill:
        if contra.type != "Accounts Payable":
            raise DocumentError(f"the accounts payable account {contra.code} is a {contra.type} account in QuickBooks",
                                "Choose QuickBooks' accounts payable account (Fournisseurs) for Pleo invoices.",
                                "missing_configuration")
        kind = "VendorCredit" if refund else "Bill"
        detail = "AccountBasedExpenseLineDetail"
    elif contra.type == "Credit Card":
        kind, detail = "Purchase", "AccountBasedExpenseLineDetail"
    elif contra.type == "Bank":
        kind = "Deposit" if refund else "Purchase"
        detail = "DepositLineDetail" if refund else "AccountBasedExpenseLineDetail"
    else:
        raise DocumentError(f"the counter account {contra.code} ({contra.name}) is a {contra.type} account; an expense "
                            "paid with Pleo is booked on a bank account in QuickBooks",
                            f"Choose a QuickBooks bank account for the {entry.contra_role.value.replace('_', ' ')} "
                            "counter account (Banque Pleo, Pleo Pocket).", "missing_configuration")

    location: str | None = None
    class_ids: set[str] = set()
    lines = []
    for g, tax_id in zip(groups, lines_tax):
        acc = ctx.accounts[g.account]
        dims = _dims(ctx, g)
        d: dict[str, Any] = {"AccountRef": {"value": acc.id, "name": acc.name}}
        if tax_id is not None:
            d["TaxCodeRef"] = {"value": tax_id}
        if "class" in dims:
            if not (ctx.class_per_line or ctx.class_per_txn):
                raise DocumentError("class tracking is turned off in QuickBooks",
                                    "Turn on class tracking (Settings > Advanced > Categories) or stop mapping the "
                                    "Pleo tag group to classes.", "tag_unknown")
            d["ClassRef"] = {"value": dims["class"]}
            class_ids.add(dims["class"])
        if "location" in dims:
            if location is not None and location != dims["location"]:
                raise DocumentError("the lines of this expense have different locations; QuickBooks takes one "
                                    "location per transaction", "Tag the lines with one location in Pleo.",
                                    "tag_unknown")
            location = dims["location"]
        line: dict[str, Any] = {"Amount": g.net, "DetailType": detail,
                                "Description": (g.description or entry.description or "Pleo")[:DESCRIPTION_MAX]}
        if detail == "DepositLineDetail":
            d["TaxApplicableOn"] = "Purchase"
            if "project" in dims:
                line["ProjectRef"] = {"value": dims["project"]}
        elif "project" in dims:
            d["CustomerRef"] = {"value": dims["project"]}
            d["BillableStatus"] = "NotBillable"
        line[detail] = d
        lines.append(line)
    if ctx.class_per_txn and not ctx.class_per_line and len(class_ids) > 1:
        raise DocumentError("the lines of this expense have different classes; QuickBooks tracks one class per "
                            "transaction in this company", "Tag the lines with one class in Pleo, or turn on class "
                            "tracking per line in QuickBooks.", "tag_unknown")

    body: dict[str, Any] = {**common, "Line": lines}
    if not ctx.us:
        body["GlobalTaxCalculation"] = "TaxExcluded"
        if override is not None:
            body["TxnTaxDetail"] = override
    if location:
        body["DepartmentRef"] = {"value": location}
    if ctx.multicurrency:
        if (contra.currency or ctx.home_currency) != currency:
            raise DocumentError(f"the account {contra.code} is in {contra.currency}, the expense in {currency}",
                                f"Choose a QuickBooks account in {currency} for Pleo's money.", "missing_configuration")
        body["CurrencyRef"] = {"value": currency}
    employee_paid = entry.kind.value in _EMPLOYEE_KINDS
    payee = ((entry.employee if employee_paid else entry.payee) or entry.payee or entry.employee or "").strip() or None
    total = abs(gross) if not ctx.us else sum((g.net for g in groups), Decimal(0))
    full_detail = None
    if not ctx.us and codes:
        full_detail = _tax_plan_full(groups, codes, q)
    doc = Document(entry, kind, body, payee, expected_total=total, overridden=override is not None,
                   tax_detail=full_detail, notes=notes)
    if kind == "Purchase":
        body["PaymentType"] = "CreditCard" if contra.type == "Credit Card" else "Cash"
        body["AccountRef"] = {"value": contra.id, "name": contra.name}
        if refund:
            body["Credit"] = True
        doc.payee_field = "EntityRef"
    elif kind == "Deposit":
        body["DepositToAccountRef"] = {"value": contra.id, "name": contra.name}
        doc.payee_field = "Entity"
    else:
        body["APAccountRef"] = {"value": contra.id, "name": contra.name}
        if kind == "Bill":
            body["DueDate"] = entry.date.isoformat()
        doc.payee_field = "VendorRef"
        doc.vendor_only = True
        doc.payee = (entry.payee or entry.employee or "Pleo").strip() or "Pleo"
    return doc


def _tax_plan_full(groups: list[_Group], codes: list[QboTaxCode], q: Decimal) -> dict[str, Any] | None:
    """Pleo's VAT per rate as a ``TxnTaxDetail``, whether or not QuickBooks' own VAT matches (for a
    correction after the fact)."""
    try:
        detail, _total, _notes = _tax_plan(groups, codes, q, tolerance_per_line=10_000)
    except DocumentError:
        return None
    if detail is not None:
        return detail
    # Same as QuickBooks' own: build it anyway.
    per_rate: dict[str, dict[str, Any]] = {}
    for g, code in zip(groups, codes):
        plain = [r for r in code.purchase if not r.reverse]
        for r in code.purchase:
            slot = per_rate.setdefault(r.id, {"rate": r, "net": Decimal(0), "pleo": Decimal(0)})
            slot["net"] += g.net
            if r.reverse:
                slot["pleo"] += g.tax if r.value > 0 else -g.tax
        if len(plain) == 1:
            per_rate[plain[0].id]["pleo"] += g.tax
    lines = [{"Amount": s["pleo"], "DetailType": "TaxLineDetail",
              "TaxLineDetail": {"TaxRateRef": {"value": rid}, "PercentBased": True, "TaxPercent": s["rate"].value,
                                "NetAmountTaxable": s["net"]}} for rid, s in per_rate.items()]
    return {"TotalTax": sum((s["pleo"] for s in per_rate.values()), Decimal(0)), "TaxLine": lines}


def _transfer(entry: LedgerEntry, g: _Group, ctx: Context, contra: QboAccount, direction: int,
              common: dict[str, Any]) -> Document:
    if g.tax != 0:
        raise DocumentError("a transfer between balance sheet accounts cannot carry VAT")
    other = ctx.accounts[g.account]
    frm, to = (contra, other) if direction > 0 else (other, contra)
    body: dict[str, Any] = {**common, "FromAccountRef": {"value": frm.id, "name": frm.name},
                            "ToAccountRef": {"value": to.id, "name": to.name}, "Amount": g.net}
    dims = _dims(ctx, g)
    if "class" in dims:
        body["ClassRef"] = {"value": dims["class"]}
    if ctx.multicurrency:
        body["CurrencyRef"] = {"value": entry.gross.currency}
    return Document(entry, "Transfer", body, None, expected_total=g.net,
                    notes=[f"booked as a transfer from {frm.code} ({frm.name}) to {to.code} ({to.name})"])
