"""Summary entries: one ledger entry per day or per month instead of one per expense.

The accounting-apps model pleodesk mirrors ("each sync creates one journal entry"): a connection may
book its expenses as **one summary entry per period** (a day or a month, ``schedule.Period``), with
one line per ledger account, tax code, tax role and analytic value, balanced against the Pleo bank
account. Every expense is still posted on its own first (``posting.post``: the same rules, the same
checks), then the entries are added up line by line, so a summary holds exactly the cents of its
expenses; each expense is still recorded as exported once (the engine records it with the summary's
reference, in one transaction with the summary itself).

Which summary an expense goes into (``assign``):

* the summary of the period of its booking date, when that period has none yet;
* otherwise, an expense that reached pleodesk *after* its period was summarised (Pleo queued it late)
  goes into the summary of the **next period that has none yet**, never into a second summary of its
  own period; the summary's lines keep the amounts, its members list says which expenses it holds;
* a summary is made only for a period that has ended, and, with a schedule, once its delay has
  passed (``due``): an expense whose period is not due yet waits (the engine leaves it in Pleo's
  queue) and goes with that period's summary.

A period's summary has a reference made from the connection and the period (``reference_for``), so
it is found again in the ledger after a crash and is never made twice: the engine records it
``sending`` before it goes out and looks it up before anything is sent again.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Callable, Iterable, Mapping, Sequence

from pleodesk.core.ledger import ContraRole, LedgerEntry, Posting
from pleodesk.core.model import LAST_BOOKING_DATE, ExpenseKind
from pleodesk.core.money import Money
from pleodesk.core.schedule import FREQUENCIES, Period, SyncSchedule, period_starting

#: The choices of a connection's ``settings["summary"]``: one entry per expense, or per period.
MODES = ("none", "daily", "monthly")
#: Namespace of the summaries' idempotency keys (never change it).
SUMMARY_NAMESPACE = uuid.UUID("0b6f3c1e-2d4a-5c8e-9f17-6a3b5e2d4c19")

_ZERO = Decimal(0)


def mode_of(settings: Mapping | None) -> str:
    """``"daily"`` or ``"monthly"`` when the connection books summaries, else ``"none"``."""
    value = str((settings or {}).get("summary") or "none")
    return value if value in FREQUENCIES else "none"


def period_of(day: date, grid: str) -> Period:
    """The day or month (``grid``: ``daily`` | ``monthly``) that ``day`` falls in."""
    if grid not in FREQUENCIES:
        raise ValueError(f"summaries are daily or monthly, not {grid!r}")
    first = day if grid == "daily" else day.replace(day=1)
    period = period_starting(SyncSchedule(frequency=grid, start=first), first)
    assert period is not None
    return period


def next_period(period: Period, grid: str) -> Period:
    return period_of(period.end + timedelta(days=1), grid)


def reference_for(conn_id: int | str, period: Period, grid: str) -> str:
    """The summary's reference: the connection and the period (``PLEO-S3-M2026-08``, ``PLEO-S3-D2026-08-14``).
    Never a prefix of another reference, and never one of an expense (``PLEO-<expense id>``)."""
    return f"PLEO-S{conn_id}-{'D' if grid == 'daily' else 'M'}{period.label}"


def period_ended(period: Period, today: date) -> bool:
    return period.end < today


def assign(days: Mapping[str, date], grid: str, taken: Callable[[Period], bool],
           due: Callable[[Period], bool]) -> tuple[dict[str, Period], list[str]]:
    """Which period's summary each expense goes into (see the module docstring).

    ``days``: expense id -> booking date. ``taken(p)``: the period already has a summary (sent or being
    sent). ``due(p)``: the period may be summarised now. Returns (expense id -> period) and the ids that
    wait for a period that is not due yet."""
    out: dict[str, Period] = {}
    waiting: list[str] = []
    memo: dict[Period, Period | None] = {}
    for eid, day in days.items():
        own = period_of(day, grid)
        if own not in memo:
            p: Period | None = own
            while p is not None and taken(p):
                p = next_period(p, grid) if p.end < LAST_BOOKING_DATE else None
            memo[own] = p
        target = memo[own]
        if target is not None and due(target):
            out[eid] = target
        else:
            waiting.append(eid)
    return out, waiting


def _side(account: str, signed: Decimal, currency: str, **kw) -> Posting:
    if signed > 0:
        return Posting(account=account, debit=signed, credit=_ZERO, currency=currency, **kw)
    return Posting(account=account, debit=_ZERO, credit=-signed, currency=currency, **kw)


def summarise(entries: Sequence[LedgerEntry], *, period: Period, reference: str, wallet_account: str,
              label: str | None = None) -> LedgerEntry:
    """Add the entries of one period up into one balanced entry (see the module docstring).

    Postings with the same account, tax code, tax role and analytic values become one line (their
    signed amounts added; a line that adds up to zero is left out). The lines of ``wallet_account``,
    the Pleo bank account, come last: the entry is balanced against it. Foreign amounts are left out
    (a summary mixes currencies). ``label``: the period as people read it (default: the period's
    label)."""
    if not entries:
        raise ValueError("a summary needs at least one entry")
    currency = entries[0].gross.currency
    totals: dict[tuple, Decimal] = {}
    bases: dict[tuple, Decimal] = {}
    order: list[tuple] = []
    gross = _ZERO
    members: list[str] = []
    for e in entries:
        if e.gross.currency != currency:
            raise ValueError(f"entries in {currency} and {e.gross.currency} cannot be summarised together")
        if e.is_summary:
            raise ValueError(f"{e.reference} is a summary already")
        members.append(e.expense_id)
        gross += e.gross.amount
        for p in e.postings:
            if p.currency != currency:
                raise ValueError(f"a posting of {e.reference} is in {p.currency}")
            key = (p.account, p.tax_code or "", p.tax_role or "", p.dimensions)
            if key not in totals:
                totals[key] = _ZERO
                bases[key] = _ZERO
                order.append(key)
            totals[key] += p.signed
            if p.tax_base is not None:
                # the base on the side of its tax amount: added with the sign of that amount
                bases[key] += p.tax_base if p.signed > 0 else -p.tax_base
    shown = label or period.label
    lines: list[Posting] = []
    wallet: list[Posting] = []
    for key in sorted(order, key=lambda k: (k[0] == wallet_account, k[0], k[1], k[2], k[3])):
        amount = totals[key]
        if amount == 0:
            continue
        account, tax_code, tax_role, dims = key
        words = [f"Pleo {shown}"]
        if tax_code:
            words.append(f"{'reverse charge ' if tax_role == 'output' else ''}tax {tax_code}" if tax_role
                         else tax_code)
        words += [f"{d}: {v}" for d, v in dims]
        base = bases[key] if tax_role else None
        if base is not None and amount < 0:
            base = -base
        posting = _side(account, amount, currency, description=" - ".join(words), tax_code=tax_code or None,
                        tax_role=tax_role or None, tax_base=base, dimensions=dims)
        (wallet if account == wallet_account else lines).append(posting)
    count = len(members)
    entry = LedgerEntry(
        expense_id=reference, reference=reference, idempotency_key=str(uuid.uuid5(SUMMARY_NAMESPACE, reference)),
        date=period.end, kind=ExpenseKind.CARD_PURCHASE,
        description=f"Pleo {shown}: {count} expense{'s' if count != 1 else ''}", payee="Pleo", employee="",
        gross=Money(gross, currency), contra_role=ContraRole.WALLET, contra_account=wallet_account,
        postings=tuple(lines + wallet), members=tuple(members), period=period.label)
    if not entry.is_balanced():      # cannot happen: every entry added up balances
        raise ValueError(f"the summary {reference} does not balance")
    return entry


def with_receipts(entry: LedgerEntry, paths: Iterable[str]) -> LedgerEntry:
    return replace(entry, receipts=tuple(paths))
