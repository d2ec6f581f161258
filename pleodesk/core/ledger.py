"""What the core hands to an accounting system: the ledger's chart, the user's mappings and the
balanced entries the posting rules build. Pure data, no I/O."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pleodesk.core.model import ExpenseKind
from pleodesk.core.money import Money


# ---------------------------------------------------------------- the ledger's side ------------
@dataclass(frozen=True, slots=True)
class LedgerAccount:
    code: str
    name: str
    type: str = "expense"      # expense | bank | liability | payable | asset | tax | equity | income
    active: bool = True        # False: archived / deprecated in the ledger
    id: str | None = None      # the ledger's own id, where it has one


@dataclass(frozen=True, slots=True)
class LedgerTax:
    code: str
    name: str
    rate: Decimal              # 0.21
    type: str = "inclusive"    # inclusive | exclusive | reverse
    active: bool = True
    id: str | None = None
    input_account: str | None = None    # ledger account code for input (deductible) tax
    output_account: str | None = None   # ledger account code for output tax (reverse charge)


@dataclass(frozen=True, slots=True)
class LedgerDimension:
    """A tracking category / class / project / analytic plan, with its active values."""

    name: str
    values: frozenset[str]
    archived_values: frozenset[str] = frozenset()
    id: str | None = None


@dataclass(frozen=True)
class LedgerChart:
    accounts: dict[str, LedgerAccount] = field(default_factory=dict)        # by code
    taxes: dict[str, LedgerTax] = field(default_factory=dict)               # by code
    dimensions: dict[str, LedgerDimension] = field(default_factory=dict)    # by name


def free_account_code(base: str, taken) -> str:
    """A code for a new account: ``base`` padded to the chart's usual code length (a Dutch chart's
    six digits make "1610" into "161000"), counting up until no account in ``taken`` (codes) has it."""
    lengths: dict[int, int] = {}
    for code in taken:
        if code.isdigit():
            lengths[len(code)] = lengths.get(len(code), 0) + 1
    width = max(lengths, key=lambda k: lengths[k]) if lengths else len(base)
    code = base.ljust(width, "0") if width > len(base) else base
    n = int(code) if code.isdigit() else None
    while code in taken and n is not None:
        n += 1
        code = str(n).zfill(len(code))
    return code


# ---------------------------------------------------------------- the user's mappings ----------
class ContraRole(str, enum.Enum):
    WALLET = "wallet"                                  # the Pleo bank account
    OUT_OF_POCKET = "out_of_pocket"                    # owed to employees
    EXTERNAL_REIMBURSEMENT = "external_reimbursement"  # reimbursements paid outside Pleo
    PAYABLE = "payable"                                # accounts payable (vendor bills)


@dataclass(frozen=True, slots=True)
class CategoryMapping:
    account: str                 # ledger account code
    tax_code: str | None = None  # ledger tax code used when Pleo's line carries no tax


@dataclass
class Mappings:
    categories: dict[str, CategoryMapping] = field(default_factory=dict)   # Category.key -> ...
    category_labels: dict[str, str] = field(default_factory=dict)          # Category.key -> friendly name
    taxes: dict[str, str] = field(default_factory=dict)                    # Tax.key -> ledger tax code
    tag_groups: dict[str, str] = field(default_factory=dict)               # Pleo tag group code -> dimension
    tags: dict[tuple[str, str], str] = field(default_factory=dict)         # (group code, tag code) -> value
    contra: dict[ContraRole, str] = field(default_factory=dict)            # role -> ledger account code
    default_account: str | None = None     # for lines with no category; None: such lines are held
    #: categories whose account was matched automatically and not yet looked at (shown so they are checked)
    auto_categories: set[str] = field(default_factory=set, compare=False)


@dataclass(frozen=True)
class ExportOptions:
    ignore_wallet_topups: bool = False
    post: bool = False            # False: drafts where the system has them
    export_receipts: bool = True


# ---------------------------------------------------------------- what gets booked -------------
@dataclass(frozen=True, slots=True)
class Posting:
    account: str                          # ledger account code
    debit: Decimal                        # >= 0
    credit: Decimal                       # >= 0; exactly one of debit/credit is non-zero
    currency: str                         # the wallet currency
    description: str = ""
    tax_code: str | None = None           # on expense lines: the ledger tax code they are booked with
    tax_role: str | None = None           # None (expense/contra line) | "input" | "output" (tax lines)
    tax_base: Decimal | None = None       # on tax lines: the base the tax was computed on
    dimensions: tuple[tuple[str, str], ...] = ()   # ((dimension, value), ...)
    foreign: Money | None = None          # the same line in the supplier currency, if different
    category_key: str | None = None       # where it came from (Pleo category), for reports
    line_id: str | None = None            # the Pleo accounting-entry line it books (expense and tax postings
                                          # of one line share it; the contra posting has None)

    @property
    def signed(self) -> Decimal:
        return self.debit - self.credit


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    expense_id: str
    reference: str                 # our reference, unique per expense: what "find by reference" finds
    idempotency_key: str
    date: date
    kind: ExpenseKind
    description: str
    payee: str
    employee: str
    gross: Money                   # signed, wallet currency
    contra_role: ContraRole
    contra_account: str
    postings: tuple[Posting, ...]
    web_url: str | None = None
    receipts: tuple[str, ...] = ()  # local file paths, filled in by the engine
    payee_vat: str = ""            # the supplier's VAT number as Pleo has it (matching contacts)
    #: A summary entry (``pleodesk.core.summary``): the expenses it books, and the period it is for
    #: (``schedule.Period.label``); empty / None for the entry of one expense.
    members: tuple[str, ...] = ()
    period: str | None = None

    @property
    def is_summary(self) -> bool:
        return bool(self.members)

    def is_balanced(self) -> bool:
        return sum((p.debit - p.credit for p in self.postings), Decimal(0)) == 0


def reference_for(expense_id: str) -> str:
    """Our reference for an expense: stable, unique, short enough for every ledger's reference field."""
    return f"PLEO-{expense_id}"
