"""From a balanced ``LedgerEntry`` to the Xero document that books it, to the cent.

Which document:

* a wallet expense (card purchase, fee, ...) or an out-of-pocket expense booked as spend money:
  ``BankTransactions`` ``SPEND`` on the counter account, which must be a Xero bank account; money
  coming back (refund, chargeback, cashback) is ``RECEIVE``, because Xero refuses negative lines;
* an out-of-pocket expense when the user chose bills, and a Pleo invoice (``PAYABLE``): an ``ACCPAY``
  bill (``Invoices``) to the employee or the supplier; when its gross is negative (a supplier credit
  note, a refund), an ``ACCPAYCREDIT`` credit note (``CreditNotes``) to the same contact, with the same
  lines and positive amounts (Xero refuses negative lines on credit notes as on bills);
* money moved between two Xero bank accounts (a reimbursement paid from the wallet to the
  out-of-pocket account): a ``BankTransfers`` transfer.

Amounts: each Pleo line (its expense posting and its tax postings share ``line_id``) becomes one Xero
line with Pleo's net and Pleo's VAT. Xero computes VAT itself, per line, from the tax type's rate and
refuses a ``TaxAmount`` on spend money that differs from its own result ("Tax amount 52.23 is incorrect
for INPUT2 tax type, should be 52.28"). So pleodesk computes what Xero will compute, for both ways of
writing amounts (``Inclusive``: the gross; ``Exclusive``: the net), and takes the one where Xero's VAT is
Pleo's VAT on every line. When no way matches (Pleo rounded the VAT differently by a cent), the
difference is booked explicitly, never dropped:

* Xero would compute *more* VAT than Pleo: the taxed part of the line is made a few cents smaller, so
  that Xero's VAT is exactly Pleo's, and those cents go on a second line on the same account without
  VAT ("VAT rounding"). The expense account and the VAT are both exactly Pleo's.
* Xero would compute *less* VAT than Pleo: the line keeps Pleo's net, Xero books its own (smaller) VAT,
  and the difference goes on a line without VAT to the rounding account. The total stays exact; the
  VAT reclaimed is Xero's, never more than the receipt's.

Either way the document carries ``TaxAmount`` = the VAT Xero must come to, so if Xero ever computes
something else it refuses the document instead of booking a different VAT; and every adjustment is
described in the result's ``notes``. A difference of more than ``TOLERANCE_MINOR`` minor units is not
rounding: the expense is refused with a plain message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any

from pleodesk.core.ledger import ContraRole, LedgerEntry, Posting
from pleodesk.core.money import quantum

#: Largest VAT difference (in minor units) treated as rounding.
TOLERANCE_MINOR = 2
DESCRIPTION_MAX = 4000


@dataclass(frozen=True)
class XeroTax:
    code: str                # TaxType
    name: str
    effective: Decimal       # fraction: 0.21
    display: Decimal         # fraction
    active: bool = True
    expenses: bool = True    # CanApplyToExpenses

    @property
    def reverse(self) -> bool:
        return self.effective == 0 and self.display > 0


@dataclass(frozen=True)
class XeroAccount:
    code: str
    name: str
    type: str                # Xero AccountType (BANK, EXPENSE, ...)
    active: bool
    id: str | None = None
    currency: str | None = None
    system: str | None = None


@dataclass
class Context:
    accounts: dict[str, XeroAccount]
    taxes: dict[str, XeroTax]
    base_currency: str
    no_tax_type: str | None            # a zero-rate tax type for lines without VAT
    rounding_account: str | None       # where a VAT shortfall goes (None: the line's own account)
    out_of_pocket_as: str = "spend_money"   # or "bill"
    post: bool = True                  # False: bills as drafts
    mark_reconciled: bool = False


class DocumentError(ValueError):
    def __init__(self, title: str, fix: str = "", reason_type: str = "accounting_system_validation_failure"):
        super().__init__(title)
        self.title = title
        self.fix = fix
        self.reason_type = reason_type


@dataclass
class Document:
    entry: LedgerEntry
    endpoint: str                      # "BankTransactions" | "Invoices" | "CreditNotes" | "BankTransfers"
    body: dict[str, Any]               # without Contact
    contact_name: str | None           # None: no contact (transfers)
    contact_role: str = "supplier"     # or "employee"
    notes: list[str] = field(default_factory=list)

    @property
    def reference(self) -> str:
        return self.entry.reference


# ------------------------------------------------------------------------------ tax maths -------
def _round(x: Decimal, q: Decimal, mode) -> Decimal:
    return x.quantize(q, rounding=mode)


def xero_tax_candidates(amount: Decimal, rate: Decimal, inclusive: bool, q: Decimal) -> set[Decimal]:
    """The VAT Xero may compute for one line. More than one value: the result depends on a rounding
    rule Xero does not document (half-up or half-even, net first or tax first), so it is not certain."""
    if rate == 0:
        return {Decimal(0).quantize(q)}
    if not inclusive:
        raw = amount * rate
        return {_round(raw, q, ROUND_HALF_UP), _round(raw, q, ROUND_HALF_EVEN)}
    raw = amount * rate / (1 + rate)
    net = amount / (1 + rate)
    return {_round(raw, q, ROUND_HALF_UP), _round(raw, q, ROUND_HALF_EVEN),
            amount - _round(net, q, ROUND_HALF_UP), amount - _round(net, q, ROUND_HALF_EVEN)}


@dataclass
class _Group:
    line_id: str
    account: str
    tax_code: str | None
    net: Decimal                # in the document's direction (positive)
    tax: Decimal                # Pleo's input VAT, same direction
    reverse: bool
    tracking: tuple[tuple[str, str], ...]
    description: str


@dataclass
class _Plan:
    lines: list[dict[str, Any]]
    notes: list[str]
    cost: int


def _plan_group(g: _Group, tax: XeroTax | None, ctx: Context, inclusive: bool, q: Decimal) -> _Plan:
    """Xero lines for one Pleo line, in one amount mode. ``cost``: 0 exact, 1 a VAT-exact split,
    10 a VAT difference on the rounding account; raises DocumentError when impossible."""
    tracking = [{"Name": n, "Option": v} for n, v in g.tracking]

    def line(amount: Decimal, tax_type: str | None, tax_amount: Decimal | None, account: str,
             description: str) -> dict[str, Any]:
        out: dict[str, Any] = {"Description": description[:DESCRIPTION_MAX] or "Pleo expense",
                               "Quantity": Decimal("1"), "UnitAmount": amount, "LineAmount": amount,
                               "AccountCode": account}
        if tax_type:
            out["TaxType"] = tax_type
        if tax_amount is not None:
            out["TaxAmount"] = tax_amount
        if tracking:
            out["Tracking"] = tracking
        return out

    def untaxed(amount: Decimal, account: str, description: str) -> dict[str, Any]:
        if not ctx.no_tax_type:
            raise DocumentError(
                "Xero has no tax rate of 0 % for expenses, which pleodesk needs to book a rounding line",
                "Create a 0 % tax rate for expenses in Xero (Settings > Tax rates) and refresh the chart.")
        return line(amount, ctx.no_tax_type, Decimal(0).quantize(q), account, description)

    if g.tax_code is None:
        if g.tax != 0:
            raise DocumentError(f"line {g.line_id} has VAT but no tax code")
        return _Plan([untaxed(g.net, g.account, g.description)], [], 0)
    if tax is None:
        raise DocumentError(f"tax type {g.tax_code} is not in Xero",
                            "Refresh the chart and map the Pleo tax code to a Xero tax rate.",
                            "tax_code_unknown")
    if not tax.active or not tax.expenses:
        raise DocumentError(f"tax type {g.tax_code} ({tax.name}) cannot be used on expenses in Xero",
                            "Map the Pleo tax code to an active Xero tax rate for expenses.", "tax_code_unknown")

    if g.reverse or tax.reverse:
        if not tax.reverse:
            raise DocumentError(
                f"Pleo booked line {g.line_id} as reverse charge, but Xero tax rate {tax.code} ({tax.name}) "
                "is not a reverse-charge rate", "Map the Pleo tax code to a reverse-charge tax rate in Xero.",
                "tax_code_unknown")
        notes = []
        expected = _round(g.net * tax.display, q, ROUND_HALF_UP)
        if g.reverse and g.tax != expected:
            notes.append(f"reverse charge on line {g.line_id}: Pleo self-assessed {g.tax}; Xero reports "
                         f"{tax.display * 100:.2f}% of {g.net} in the VAT return")
        return _Plan([line(g.net, tax.code, Decimal(0).quantize(q), g.account, g.description)], notes, 0)

    rate = tax.effective
    amount = g.net + g.tax if inclusive else g.net
    cands = xero_tax_candidates(amount, rate, inclusive, q)
    if cands == {g.tax}:
        return _Plan([line(amount, tax.code, g.tax, g.account, g.description)], [], 0)
    tol = q * TOLERANCE_MINOR
    if any(abs(c - g.tax) > tol for c in cands):
        xero_vat = ", ".join(str(c) for c in sorted(cands))
        raise DocumentError(
            f"Pleo booked VAT {g.tax} on line {g.line_id} (net {g.net}), but Xero computes {xero_vat} with "
            f"tax rate {tax.code} ({rate * 100:.2f}%): more than rounding apart",
            "Check the VAT of the expense in Pleo (a receipt with several VAT rates needs one line per rate), "
            "or map the Pleo tax code to the Xero tax rate with the same rate.", "tax_code_unknown")
    if min(cands) >= g.tax:
        # Xero would compute more: tax a slightly smaller part, book the rest without VAT.
        step = amount - q
        while step > 0 and amount - step <= tol * 1000:
            c = xero_tax_candidates(step, rate, inclusive, q)
            if c == {g.tax}:
                rest = amount - step
                rest_net = rest                     # untaxed, so net == gross
                note = (f"VAT rounding on line {g.line_id}: Xero computes VAT per line from the rate; to book "
                        f"Pleo's VAT {g.tax} exactly, {rest_net} of the line is booked without VAT on the same "
                        f"account")
                return _Plan([line(step, tax.code, g.tax, g.account, g.description),
                              untaxed(rest, g.account, f"{g.description} (VAT rounding)")], [note], 1)
            if max(c) < g.tax:
                break
            step -= q
        raise DocumentError(f"line {g.line_id}: no amount gives Pleo's VAT {g.tax} in Xero")
    # Xero would compute less VAT than Pleo booked: book Xero's, put the difference on the rounding account.
    rounding = ctx.rounding_account or g.account
    if inclusive:
        for x in sorted(cands, reverse=True):
            taxed = g.net + x
            if xero_tax_candidates(taxed, rate, True, q) == {x}:
                diff = g.tax - x
                note = (f"VAT rounding on line {g.line_id}: Xero computes VAT {x} where Pleo booked {g.tax}; the "
                        f"difference {diff} is booked without VAT on account {rounding}")
                return _Plan([line(taxed, tax.code, x, g.account, g.description),
                              untaxed(diff, rounding, f"{g.description} (VAT rounding)")], [note], 10)
        raise DocumentError(f"line {g.line_id}: Xero's VAT cannot be predicted for this amount")
    if len(cands) != 1:
        raise DocumentError(f"line {g.line_id}: Xero's VAT cannot be predicted for this amount")
    x = next(iter(cands))
    diff = g.tax - x
    note = (f"VAT rounding on line {g.line_id}: Xero computes VAT {x} where Pleo booked {g.tax}; the difference "
            f"{diff} is booked without VAT on account {rounding}")
    return _Plan([line(g.net, tax.code, x, g.account, g.description),
                  untaxed(diff, rounding, f"{g.description} (VAT rounding)")], [note], 10)


# ------------------------------------------------------------------------------ entries ---------
def _is_contra(p: Posting, entry: LedgerEntry) -> bool:
    return p.line_id is None and p.tax_role is None and p.account == entry.contra_account


def _groups(entry: LedgerEntry, direction: int) -> list[_Group]:
    """Pleo lines of an entry, amounts turned to the document's direction (+1: money out)."""
    groups: dict[str, _Group] = {}
    order: list[str] = []
    contra_seen = False
    last_key: str | None = None
    for i, p in enumerate(entry.postings):
        if not contra_seen and _is_contra(p, entry):
            contra_seen = True
            continue
        signed = p.signed * direction
        if p.tax_role is None:
            key = p.line_id if p.line_id is not None else f"#{i}"
            if key in groups:
                raise DocumentError(f"line {key} has two expense postings; pleodesk cannot book it in Xero")
            groups[key] = _Group(line_id=key, account=p.account, tax_code=p.tax_code, net=signed,
                                 tax=Decimal(0), reverse=False, tracking=p.dimensions,
                                 description=p.description or entry.description)
            order.append(key)
            last_key = key
        else:
            key = p.line_id if p.line_id is not None else last_key
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


def build(entry: LedgerEntry, ctx: Context) -> Document:
    """The Xero document for ``entry`` (raises DocumentError with a plain message)."""
    gross = entry.gross.amount
    currency = entry.gross.currency
    q = quantum(currency)
    if gross == 0 or not entry.postings:
        raise DocumentError("the expense has nothing to book (its amount is zero)")
    if not entry.is_balanced():
        raise DocumentError("the entry does not balance; nothing was sent")
    direction = 1 if gross > 0 else -1
    groups = _groups(entry, direction)
    for g in groups:
        if g.net < 0 or g.tax < 0 or (g.net == 0 and g.tax == 0):
            raise DocumentError(
                "the expense mixes money out and money back on different lines, which Xero's spend money "
                "cannot hold (every line must be positive)", "Book this expense by hand in Xero.")
        if len(g.tracking) > 2:
            raise DocumentError(f"line {g.line_id} has {len(g.tracking)} tracking categories; Xero allows 2",
                                "Map at most two Pleo tag groups to Xero tracking categories.", "tag_unknown")
        acc = ctx.accounts.get(g.account)
        if acc is None:
            raise DocumentError(f"account {g.account} is not in Xero's chart of accounts",
                                "Refresh the chart and map the category to an existing account.", "account_unknown")
        if not acc.active:
            raise DocumentError(f"account {g.account} ({acc.name}) is archived in Xero",
                                "Map the category to an active account.", "account_unknown")

    if len(groups) == 1 and ctx.accounts[groups[0].account].type == "BANK" \
            and entry.contra_role is not ContraRole.PAYABLE:
        return _transfer(entry, groups[0], ctx, direction)
    for g in groups:
        if ctx.accounts[g.account].type == "BANK":
            raise DocumentError(f"line {g.line_id} is booked on the bank account {g.account}; Xero books money "
                                "between bank accounts only as a transfer of the whole amount",
                                "Book this expense by hand in Xero (Bank > Transfer money).")

    bill = entry.contra_role is ContraRole.PAYABLE or (
        entry.contra_role is ContraRole.OUT_OF_POCKET and ctx.out_of_pocket_as == "bill")

    plans: dict[bool, _Plan | DocumentError] = {}
    for inclusive in (True, False):
        try:
            lines: list[dict[str, Any]] = []
            notes: list[str] = []
            cost = 0
            for g in groups:
                p = _plan_group(g, ctx.taxes.get(g.tax_code) if g.tax_code else None, ctx, inclusive, q)
                lines += p.lines
                notes += p.notes
                cost += p.cost
            total = sum((ln["LineAmount"] + (Decimal(0) if inclusive else ln.get("TaxAmount", Decimal(0)))
                         for ln in lines), Decimal(0))
            if total != abs(gross):
                raise DocumentError(f"the Xero lines add up to {total}, the expense is {abs(gross)}")
            plans[inclusive] = _Plan(lines, notes, cost)
        except DocumentError as exc:
            plans[inclusive] = exc
    options = [(p.cost, 0 if inc else 1, inc, p) for inc, p in plans.items() if isinstance(p, _Plan)]
    if not options:
        raise plans[True]  # type: ignore[misc]
    _, _, inclusive, plan = min(options, key=lambda t: (t[0], t[1]))

    body: dict[str, Any] = {"Date": entry.date.isoformat(),
                            "LineAmountTypes": "Inclusive" if inclusive else "Exclusive",
                            "LineItems": plan.lines}
    if entry.web_url:
        body["Url"] = entry.web_url
    if bill:
        employee = entry.contra_role is ContraRole.OUT_OF_POCKET
        name = (entry.employee if employee else entry.payee) or entry.payee or entry.employee or "Pleo"
        role = "employee" if employee else "supplier"
        status = "AUTHORISED" if ctx.post else "DRAFT"
        if direction < 0:
            # Money back on a bill: a credit note. Xero's CreditNote has no Url, and its Reference is
            # for sales credit notes only: our reference goes in CreditNoteNumber, as on bills.
            body.pop("Url", None)
            body.update({"Type": "ACCPAYCREDIT", "CreditNoteNumber": entry.reference, "CurrencyCode": currency,
                         "Status": status})
            return Document(entry, "CreditNotes", body, name, role, plan.notes)
        body.update({"Type": "ACCPAY", "InvoiceNumber": entry.reference, "DueDate": entry.date.isoformat(),
                     "CurrencyCode": currency, "Status": status})
        return Document(entry, "Invoices", body, name, role, plan.notes)

    bank = ctx.accounts.get(entry.contra_account)
    if bank is None or bank.type != "BANK":
        what = "is not in Xero" if bank is None else f"is a {bank.type} account, not a bank account"
        raise DocumentError(f"the counter account {entry.contra_account} {what}; spend money needs a Xero bank account",
                            "Choose the Pleo bank account (or another Xero bank account) for the "
                            f"{entry.contra_role.value.replace('_', ' ')} counter account.", "missing_configuration")
    if not bank.active:
        raise DocumentError(f"the bank account {entry.contra_account} is archived in Xero",
                            "Restore it in Xero or choose another bank account.", "missing_configuration")
    if bank.currency and bank.currency != currency:
        raise DocumentError(f"the bank account {entry.contra_account} is in {bank.currency}, the expense in {currency}",
                            "Choose a bank account in the Pleo wallet's currency.", "missing_configuration")
    body.update({"Type": "SPEND" if direction > 0 else "RECEIVE", "BankAccount": {"Code": entry.contra_account},
                 "Reference": entry.reference, "Status": "AUTHORISED"})
    if ctx.mark_reconciled:
        body["IsReconciled"] = True
    name = entry.payee or entry.employee or "Pleo"
    return Document(entry, "BankTransactions", body, name, "supplier", plan.notes)


def _transfer(entry: LedgerEntry, g: _Group, ctx: Context, direction: int) -> Document:
    if g.tax != 0:
        raise DocumentError("a transfer between bank accounts cannot carry VAT")
    source = ctx.accounts.get(entry.contra_account)
    if source is None or source.type != "BANK":
        raise DocumentError(f"the counter account {entry.contra_account} is not a Xero bank account",
                            "Choose a Xero bank account for it.", "missing_configuration")
    frm, to = (entry.contra_account, g.account) if direction > 0 else (g.account, entry.contra_account)
    body = {"FromBankAccount": {"Code": frm}, "ToBankAccount": {"Code": to}, "Amount": g.net,
            "Date": entry.date.isoformat(), "Reference": entry.reference}
    return Document(entry, "BankTransfers", body, None, notes=[
        f"booked as a transfer from bank account {frm} to bank account {to}"])
