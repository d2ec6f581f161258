"""Posting rules: one Pleo expense becomes one balanced ledger entry in the wallet currency.

Rules (see ``post``):

* Every line debits its mapped ledger account (``mappings.categories[category.key].account``, or
  ``mappings.default_account`` for a line without a category).
* Tax, as Pleo sends it, never recomputed from the rate:

  - inclusive / exclusive: the expense account gets the line's net, the ledger tax's
    ``input_account`` gets Pleo's tax amount (``tax_role="input"``, ``tax_base`` = net). Pleo's
    net + tax must equal the line amount to the minor unit, else ``PostingError``.
  - reverse charge: the line's net is what was paid and goes to the expense account; Pleo's tax
    amount is self-assessed as an input-tax debit and an output-tax credit that cancel. The
    contra receives only what was paid. (Pleo's line amount may be the net or net + tax; anything
    else is refused.)
  - no tax: the whole line amount goes to the expense account, tagged with the category
    mapping's ``tax_code`` if it has one.

* The contra posting carries the expense's gross amount, on the account chosen for its role
  (``contra_role_for``: wallet kinds -> wallet, employee-paid kinds -> out-of-pocket,
  ``external_reimbursement`` -> external reimbursement, ``invoice`` and any ``accounts_payable``
  bookkeeping -> payable, except ``invoice_payment``, which is the wallet paying a bill). The lines' paid amounts must add up to that gross exactly, else
  ``PostingError``: a cent is never invented or lost.
* A negative amount (refund, chargeback, cashback, top-up) gives the mirror entry: each posting
  is a debit when its signed amount is positive and a credit when negative; zero postings are
  dropped. An expense whose amounts are all zero therefore gives an entry with no postings, which
  is balanced and valid (validation skips such expenses as "nothing to book").
* Posting order: for each line, its expense posting then its tax posting(s); the contra posting
  comes last.
* ``Posting.foreign`` (line postings only) is the supplier-currency amount on the same side as the
  posting, when the supplier currency differs from the wallet currency.
* ``Posting.line_id`` is the Pleo line an expense or tax posting books; the contra posting has None.
* ``Posting.tax_base`` (tax postings) is the line's net on the same side as the tax amount, so it is
  positive for a purchase and for its refund alike (and the same on both reverse-charge postings).

``post`` assumes ``validation.validate`` passed; anything still missing raises ``PostingError``
naming the expense. Pleo's supplier-currency amounts are carried as information only and are not
checked. ``options`` is accepted for the engine's convenience; no rule depends on it yet.
"""

from __future__ import annotations

import hashlib
import uuid
from decimal import Decimal

from pleodesk.core.ledger import (
    ContraRole,
    ExportOptions,
    LedgerChart,
    LedgerEntry,
    Mappings,
    Posting,
    reference_for,
)
from pleodesk.core.model import (
    EMPLOYEE_PAID_KINDS,
    WALLET_KINDS,
    Expense,
    ExpenseKind,
    ExpenseLine,
    TaxType,
)
from pleodesk.core.money import Money

#: Namespace of the idempotency keys: ``uuid5(IDEMPOTENCY_NAMESPACE, expense.id)``. Never change it:
#: keys already stored in ledgers would no longer match.
IDEMPOTENCY_NAMESPACE = uuid.UUID("5d0c8a4e-6f1b-5b7e-9c3a-2f4e1d7b9a60")

_ZERO = Decimal(0)


class PostingError(ValueError):
    """An expense cannot be turned into a balanced entry. The message names the expense."""

    def __init__(self, expense_id: str, message: str) -> None:
        super().__init__(f"expense {expense_id}: {message}")
        self.expense_id = expense_id
        self.reason = message


_NAMESPACE_BYTES = IDEMPOTENCY_NAMESPACE.bytes


def idempotency_key_for(expense_id: str) -> str:
    """Stable UUID for an expense: the same expense always gets the same key,
    ``str(uuid.uuid5(IDEMPOTENCY_NAMESPACE, expense_id))``, made here without the ``UUID`` object
    (a fifth of the time of posting an expense went to it)."""
    h = bytearray(hashlib.sha1(_NAMESPACE_BYTES + expense_id.encode("utf-8")).digest()[:16])
    h[6] = (h[6] & 0x0F) | 0x50                 # version 5
    h[8] = (h[8] & 0x3F) | 0x80                 # the RFC 4122 variant
    x = h.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


#: Reimbursement payouts: their lines carry no category and are booked on the out-of-pocket account.
REIMBURSEMENT_KINDS = frozenset({ExpenseKind.DIRECT_REIMBURSEMENT, ExpenseKind.EXTERNAL_REIMBURSEMENT})


def contra_role_for(expense: Expense) -> ContraRole | None:
    """The role of the account an expense's gross is booked against (None: kind not supported).

    ``accounts_payable`` bookkeeping goes to the payable account, except for ``invoice_payment``:
    that is the wallet paying a bill, so its counter account stays the wallet.
    """
    kind = expense.kind
    if kind is ExpenseKind.INVOICE:
        return ContraRole.PAYABLE
    if expense.bookkeeping_method == "accounts_payable" and kind is not ExpenseKind.INVOICE_PAYMENT:
        return ContraRole.PAYABLE
    if kind in WALLET_KINDS:
        return ContraRole.WALLET
    if kind in EMPLOYEE_PAID_KINDS:
        return ContraRole.OUT_OF_POCKET
    if kind is ExpenseKind.EXTERNAL_REIMBURSEMENT:
        return ContraRole.EXTERNAL_REIMBURSEMENT
    return None


def line_paid_amount(line: ExpenseLine) -> Money:
    """What a line contributes to the expense's gross: the net for reverse charge, else the line amount."""
    if line.tax is not None and line.tax.type is TaxType.REVERSE:
        return line.net
    return line.amount


def check_line_amounts(line: ExpenseLine, currency: str) -> str | None:
    """Why Pleo's amounts on a line don't add up (None: they do). Used by posting and validation."""
    for label, m in (("line amount", line.amount), ("net amount", line.net)):
        if m.currency != currency:
            return f"line {line.line_id}: {label} is in {m.currency}, the wallet currency is {currency}"
    tax = line.tax
    if tax is None:
        return None
    if tax.amount.currency != currency:
        return f"line {line.line_id}: tax amount is in {tax.amount.currency}, the wallet currency is {currency}"
    net, tx, amount = line.net.amount, tax.amount.amount, line.amount.amount
    if tax.type is TaxType.REVERSE:
        if amount != net and amount != net + tx:
            return (f"line {line.line_id}: reverse-charge line amount {amount} is neither the net {net} "
                    f"nor net + tax {net + tx}")
        return None
    if net + tx != amount:
        return f"line {line.line_id}: net {net} + tax {tx} = {net + tx}, but the line amount is {amount}"
    return None


def check_expense_amounts(expense: Expense) -> str | None:
    """Why an expense's amounts don't add up (None: they do)."""
    currency = expense.currency
    paid = _ZERO
    for line in expense.lines:
        why = check_line_amounts(line, currency)
        if why:
            return why
        paid += line_paid_amount(line).amount
    if paid != expense.amount.amount:
        return (f"the lines add up to {Money.rounded(paid, currency)}, but the expense amount is "
                f"{expense.amount}")
    return None


def _posting(account: str, signed: Decimal, currency: str, **kw) -> Posting | None:
    if signed == 0:
        return None
    if signed > 0:
        return Posting(account=account, debit=signed, credit=_ZERO, currency=currency, **kw)
    return Posting(account=account, debit=_ZERO, credit=-signed, currency=currency, **kw)


def _foreign(supplier: Money, wallet_currency: str, sign: int) -> Money | None:
    """``supplier`` is the signed supplier-currency twin of a posting's signed wallet amount, whose sign
    is ``sign``; returns it on the posting's side (positive when both have the same sign)."""
    if supplier.currency == wallet_currency:
        return None
    return supplier if sign > 0 else -supplier


def _dimensions(expense: Expense, line: ExpenseLine, mappings: Mappings) -> tuple[tuple[str, str], ...]:
    dims: dict[str, str] = {}
    for tag in line.tags:
        dimension = mappings.tag_groups.get(tag.group_code)
        if not dimension:
            continue
        value = mappings.tags.get((tag.group_code, tag.code))
        if value is None:
            raise PostingError(expense.id, f"tag {tag.code} of group {tag.group_code} has no {dimension} value mapped")
        if dims.get(dimension, value) != value:
            raise PostingError(expense.id, f"line {line.line_id} has two values for {dimension}: "
                                           f"{dims[dimension]} and {value}")
        dims[dimension] = value
    return tuple(sorted(dims.items()))


def post(expense: Expense, mappings: Mappings, chart: LedgerChart,
         options: ExportOptions = ExportOptions()) -> LedgerEntry:
    """Turn one validated expense into a balanced ``LedgerEntry`` (see the module docstring)."""
    eid = expense.id
    currency = expense.currency
    description = expense.description
    why = check_expense_amounts(expense)
    if why:
        raise PostingError(eid, f"Pleo's amounts don't add up: {why}")

    role = contra_role_for(expense)
    if role is None:
        raise PostingError(eid, f"expenses of kind {expense.kind.value} are not supported")
    contra_account = mappings.contra.get(role)
    if not contra_account:
        raise PostingError(eid, f"no ledger account chosen for the {role.value} counter account")

    postings: list[Posting] = []
    for line in expense.lines:
        cat = line.category
        category_key = cat.key if cat else None
        if cat is not None:
            cm = mappings.categories.get(cat.key)
            if cm is None or not cm.account:
                raise PostingError(eid, f"category {cat.name} ({cat.key}) has no ledger account")
            account, default_tax = cm.account, cm.tax_code
        elif expense.kind in REIMBURSEMENT_KINDS:
            # A reimbursement payout settles what the company owes the employee: Pleo sends its lines
            # without a category; they are booked on the out-of-pocket account.
            account, default_tax = mappings.contra.get(ContraRole.OUT_OF_POCKET), None
            if not account:
                raise PostingError(eid, "no ledger account chosen for the out_of_pocket counter account")
        else:
            if not mappings.default_account:
                raise PostingError(eid, f"line {line.line_id} has no category and no default account is set")
            account, default_tax = mappings.default_account, None
        dims = _dimensions(expense, line, mappings)
        tax = line.tax

        if tax is None:
            amount = line.amount.amount
            sign = 1 if amount > 0 else -1
            p = _posting(account, amount, currency, description=description, tax_code=default_tax,
                         dimensions=dims, category_key=category_key, line_id=line.line_id,
                         foreign=_foreign(line.amount_supplier, currency, sign))
            if p:
                postings.append(p)
            continue

        tax_code = mappings.taxes.get(tax.key)
        if not tax_code:
            raise PostingError(eid, f"Pleo tax {tax.key} is not mapped to a ledger tax code")
        ledger_tax = chart.taxes.get(tax_code)
        if ledger_tax is None:
            raise PostingError(eid, f"ledger tax code {tax_code} is not in the ledger")

        net = line.net.amount
        sign = 1 if net > 0 else -1
        p = _posting(account, net, currency, description=description, tax_code=tax_code,
                     dimensions=dims, category_key=category_key, line_id=line.line_id,
                     foreign=_foreign(line.net_supplier, currency, sign))
        if p:
            postings.append(p)

        tax_amount = tax.amount.amount
        if tax_amount == 0:
            continue
        tsign = 1 if tax_amount > 0 else -1
        if not ledger_tax.input_account:
            raise PostingError(eid, f"ledger tax {tax_code} has no input tax account")
        tax_desc = f"{description} (tax {tax_code})"
        base = net if tsign > 0 else -net      # the net on the same side as the tax
        postings.append(_posting(
            ledger_tax.input_account, tax_amount, currency, description=tax_desc, tax_code=tax_code,
            tax_role="input", tax_base=base, dimensions=dims, category_key=category_key, line_id=line.line_id,
            foreign=_foreign(tax.amount_supplier, currency, tsign)))
        if tax.type is TaxType.REVERSE:
            if not ledger_tax.output_account:
                raise PostingError(eid, f"ledger tax {tax_code} has no output tax account for reverse charge")
            postings.append(_posting(
                ledger_tax.output_account, -tax_amount, currency,
                description=f"{description} (reverse charge, tax {tax_code})", tax_code=tax_code,
                tax_role="output", tax_base=base, dimensions=dims, category_key=category_key,
                line_id=line.line_id,
                foreign=_foreign(-tax.amount_supplier, currency, -tsign)))

    contra = _posting(contra_account, -expense.amount.amount, currency, description=description)
    if contra:
        postings.append(contra)

    entry = LedgerEntry(
        expense_id=eid,
        reference=reference_for(eid),
        idempotency_key=idempotency_key_for(eid),
        date=expense.booked_on,
        kind=expense.kind,
        description=description,
        payee=expense.payee,
        employee=(expense.employee.name or "") if expense.employee else "",
        gross=expense.amount,
        contra_role=role,
        contra_account=contra_account,
        postings=tuple(postings),
        web_url=expense.web_url,
        payee_vat=(expense.supplier.tax_identifier or "") if expense.supplier else "",
    )
    if not entry.is_balanced():  # cannot happen after the checks above; never send an unbalanced entry
        raise PostingError(eid, "the entry does not balance")
    return entry
