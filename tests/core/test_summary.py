"""Summary entries (pleodesk.core.summary): totals to the cent, every entry balanced, which period an
expense goes into."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pleodesk.core.ledger import ContraRole
from pleodesk.core.model import ExpenseKind
from pleodesk.core.posting import post
from pleodesk.core.schedule import Period
from pleodesk.core.summary import assign, mode_of, next_period, period_of, reference_for, summarise

from tests.fec.helpers import CHART, MAPPINGS, expense

CATEGORIES = ["6064", "6251", "6257", "6510", "6270"]
TAXES = [None, "20%", "10%", "5.5%", "AI20"]
PROJECTS = [(), (("PROJET", "ATL"),), (("PROJET", "BOR"),)]

line = st.tuples(st.sampled_from(CATEGORIES), st.integers(min_value=-50_000, max_value=500_000).filter(bool),
                 st.sampled_from(TAXES))
one_expense = st.tuples(st.lists(line, min_size=1, max_size=4), st.sampled_from(PROJECTS),
                        st.integers(min_value=0, max_value=30), st.booleans())


def build(specs):
    out = []
    for i, (lines, tags, day, oop) in enumerate(specs):
        kind = ExpenseKind.OUT_OF_POCKET if oop else ExpenseKind.CARD_PURCHASE
        e = expense(f"x{i}", day=date(2026, 8, 1) + timedelta(days=day), lines=lines, tags=tags, kind=kind)
        out.append((e, post(e, MAPPINGS, CHART)))
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(one_expense, min_size=1, max_size=25))
def test_a_summary_holds_exactly_the_cents_of_its_expenses_and_balances(specs):
    posted = build(specs)
    entries = [p for _, p in posted]
    period = Period(date(2026, 8, 1), date(2026, 8, 31))
    s = summarise(entries, period=period, reference="PLEO-S1-M2026-08", wallet_account="512100")
    assert s.is_balanced()
    assert s.members == tuple(e.id for e, _ in posted)
    # the total is Pleo's, to the cent
    assert s.gross.amount == sum((e.amount.amount for e, _ in posted), Decimal(0))
    # per account (and tax, role, analytic value): the sum of the expenses' own postings
    want: dict[tuple, Decimal] = defaultdict(Decimal)
    for p in (p for e in entries for p in e.postings):
        want[(p.account, p.tax_code, p.tax_role, p.dimensions)] += p.signed
    got = {(p.account, p.tax_code, p.tax_role, p.dimensions): p.signed for p in s.postings}
    assert got == {k: v for k, v in want.items() if v != 0}
    # one line per key, none of zero, each on one side, the bank account last
    assert len(got) == len(s.postings)
    assert all((p.debit == 0) != (p.credit == 0) and p.debit >= 0 and p.credit >= 0 for p in s.postings)
    wallet_lines = [i for i, p in enumerate(s.postings) if p.account == "512100"]
    assert wallet_lines == ([len(s.postings) - 1] if wallet_lines else [])
    # the Pleo bank account carries what the card expenses cost, the employees' account what they paid
    card = sum((e.amount.amount for e, _ in posted if e.kind is ExpenseKind.CARD_PURCHASE), Decimal(0))
    oop = sum((e.amount.amount for e, _ in posted if e.kind is ExpenseKind.OUT_OF_POCKET), Decimal(0))
    assert sum((p.signed for p in s.postings if p.account == "512100"), Decimal(0)) == -card
    assert sum((p.signed for p in s.postings if p.account == "421000"), Decimal(0)) == -oop


def test_a_summary_line_per_tax_and_analytic_value():
    _, a = build([([("6251", 12000, "20%")], (("PROJET", "ATL"),), 0, False)])[0]
    _, b = build([([("6251", 6000, "20%")], (("PROJET", "BOR"),), 1, False)])[0]
    _, c = build([([("6251", 2400, "20%")], (("PROJET", "ATL"),), 2, False)])[0]
    s = summarise([a, b, c], period=Period(date(2026, 8, 1), date(2026, 8, 31)), reference="R",
                  wallet_account="512100")
    rows = [(p.account, p.tax_code, dict(p.dimensions).get("Projet"), p.debit, p.credit) for p in s.postings]
    assert rows == [
        ("445660", "TVA20", "Atlas", Decimal("24.00"), 0), ("445660", "TVA20", "Borée", Decimal("10.00"), 0),
        ("625100", "TVA20", "Atlas", Decimal("120.00"), 0), ("625100", "TVA20", "Borée", Decimal("50.00"), 0),
        ("512100", None, None, 0, Decimal("204.00"))]
    assert s.date == date(2026, 8, 31) and s.description == "Pleo 2026-08: 3 expenses"
    assert s.contra_role is ContraRole.WALLET and s.is_summary


def test_a_purchase_and_its_full_refund_leave_no_line():
    _, buy = build([([("6251", 12000, "20%")], (), 0, False)])[0]
    refund = post(expense("r", day=date(2026, 8, 3), gross=-12000, kind=ExpenseKind.REFUND), MAPPINGS, CHART)
    s = summarise([buy, refund], period=Period(date(2026, 8, 1), date(2026, 8, 31)), reference="R",
                  wallet_account="512100")
    assert s.postings == () and s.is_balanced() and s.members == ("x0", "r")


def test_summaries_refuse_mixed_currencies():
    from dataclasses import replace

    from pleodesk.core.money import Money

    _, a = build([([("6251", 100, None)], (), 0, False)])[0]
    b = replace(a, expense_id="b", gross=Money.from_minor(100, "USD"))
    with pytest.raises(ValueError, match="cannot be summarised together"):
        summarise([a, b], period=Period(date(2026, 8, 1), date(2026, 8, 1)), reference="R", wallet_account="512100")


# --------------------------------------------------------------------------- periods ----------
def test_periods_and_references():
    assert period_of(date(2026, 2, 14), "monthly") == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert period_of(date(2026, 2, 14), "daily") == Period(date(2026, 2, 14), date(2026, 2, 14))
    assert next_period(Period(date(2026, 12, 1), date(2026, 12, 31)), "monthly") == \
        Period(date(2027, 1, 1), date(2027, 1, 31))
    m = reference_for(3, period_of(date(2026, 8, 1), "monthly"), "monthly")
    d = reference_for(3, period_of(date(2026, 8, 1), "daily"), "daily")
    assert (m, d) == ("PLEO-S3-M2026-08", "PLEO-S3-D2026-08-01")
    assert not d.startswith(m) and not m.startswith(d)
    assert mode_of({"summary": "monthly"}) == "monthly" and mode_of({"summary": "weekly"}) == "none"
    assert mode_of(None) == "none"


def test_an_expense_goes_into_its_own_period_or_the_next_one_without_a_summary():
    taken = {period_of(date(2026, 8, 1), "monthly"), period_of(date(2026, 9, 1), "monthly")}
    today = date(2026, 11, 5)
    days = {"own": date(2026, 7, 31), "late-aug": date(2026, 8, 30), "late-sep": date(2026, 9, 2),
            "oct": date(2026, 10, 15), "nov": date(2026, 11, 2)}
    got, waiting = assign(days, "monthly", taken.__contains__, lambda p: p.end < today)
    assert {k: v.label for k, v in got.items()} == {"own": "2026-07", "late-aug": "2026-10", "late-sep": "2026-10",
                                                    "oct": "2026-10"}
    assert waiting == ["nov"]          # November has not ended: it waits for its own summary


@settings(max_examples=300, deadline=None)
@given(st.sets(st.integers(0, 120), max_size=60), st.lists(st.integers(0, 150), min_size=1, max_size=40),
       st.sampled_from(["daily", "monthly"]), st.integers(0, 160))
def test_no_period_is_summarised_twice_and_nothing_goes_into_a_period_before_its_own(taken_days, days, grid, today_n):
    start = date(2026, 1, 1)
    taken = {period_of(start + timedelta(days=n), grid) for n in taken_days}
    today = start + timedelta(days=today_n)
    got, waiting = assign({f"e{i}": start + timedelta(days=n) for i, n in enumerate(days)}, grid,
                          taken.__contains__, lambda p: p.end < today)
    assert set(got) | set(waiting) == {f"e{i}" for i in range(len(days))} and not set(got) & set(waiting)
    for eid, p in got.items():
        own = period_of(start + timedelta(days=days[int(eid[1:])]), grid)
        assert p not in taken and p.start >= own.start and p.end < today
        # no period without a summary lies between its own and the one chosen
        q = own
        while q != p:
            assert q in taken
            q = next_period(q, grid)
