"""Mapping validation: one test per problem kind with its exact grouping, held/ok/skipped, timing."""

import dataclasses
import random
import time
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pleodesk.core.ledger import (
    CategoryMapping,
    ContraRole,
    ExportOptions,
    LedgerAccount,
    LedgerChart,
    LedgerDimension,
    LedgerTax,
    Mappings,
)
from pleodesk.core.model import Category, Expense, ExpenseKind, ExpenseLine, Supplier, Tag, Tax, TaxType
from pleodesk.core.money import Money
from pleodesk.core.posting import PostingError, post
from pleodesk.core.validation import Problem, ProblemKind, ValidationReport, validate

D = Decimal

CHART = LedgerChart(
    accounts={a.code: a for a in [
        LedgerAccount("1100", "Pleo wallet", "bank"),
        LedgerAccount("1510", "Input VAT", "tax"),
        LedgerAccount("1520", "Output VAT", "tax"),
        LedgerAccount("1600", "Owed to employees", "liability"),
        LedgerAccount("1800", "Accounts payable", "payable"),
        LedgerAccount("4010", "Taxi"),
        LedgerAccount("4020", "Meals"),
        LedgerAccount("4030", "Hotels"),
        LedgerAccount("4999", "Uncategorised"),
        LedgerAccount("4900", "Old travel", active=False),
        LedgerAccount("1599", "Old VAT account", "tax", active=False),
        LedgerAccount("1999", "Old clearing", "liability", active=False),
    ]},
    taxes={t.code: t for t in [
        LedgerTax("V21", "VAT 21%", D("0.21"), input_account="1510"),
        LedgerTax("V9", "VAT 9%", D("0.09"), input_account="1510"),
        LedgerTax("V0", "VAT 0%", D("0")),
        LedgerTax("RC21", "Reverse charge 21%", D("0.21"), "reverse", input_account="1510", output_account="1520"),
        LedgerTax("V6", "VAT 6% (until 2019)", D("0.06"), input_account="1510", active=False),
        LedgerTax("NOACC", "VAT 21% without accounts", D("0.21")),
        LedgerTax("RCHALF", "Reverse charge without output account", D("0.21"), "reverse", input_account="1510"),
        LedgerTax("OLDACC", "VAT 21% on an archived account", D("0.21"), input_account="1599"),
    ]},
    dimensions={"Cost centre": LedgerDimension("Cost centre", frozenset({"Sales", "Ops"}),
                                               archived_values=frozenset({"Marketing"}))},
)

MAPPINGS = Mappings(
    categories={"4010": CategoryMapping("4010"), "4020": CategoryMapping("4020"), "4030": CategoryMapping("4030")},
    taxes={"21%": "V21", "9%": "V9", "0%": "V0", "RC21": "RC21"},
    tag_groups={"CC": "Cost centre"},
    tags={("CC", "S"): "Sales", ("CC", "O"): "Ops"},
    contra={ContraRole.WALLET: "1100", ContraRole.OUT_OF_POCKET: "1600", ContraRole.PAYABLE: "1800"},
    default_account="4999",
)

CATEGORY_NAMES = {"4010": "Taxi", "4020": "Meals", "4030": "Hotels", "5000": "Software", "5100": "Training",
                  "5200": "Phone"}
TAX_RATES = {"21%": ("0.21", TaxType.INCLUSIVE), "9%": ("0.09", TaxType.INCLUSIVE), "0%": ("0", TaxType.INCLUSIVE),
             "RC21": ("0.21", TaxType.REVERSE), "6%": ("0.06", TaxType.INCLUSIVE)}


def M(minor, currency="EUR"):
    return Money.from_minor(minor, currency)


def line(category="4010", net=1000, tax=None, tax_minor=None, tags=(), line_id="L1", rate=None):
    """A consistent line: ``tax`` is a Pleo tax key; inclusive amount = net + tax, reverse amount = net."""
    t = None
    amount = net
    if tax is not None:
        r, type_ = TAX_RATES.get(tax, ("0.21", TaxType.INCLUSIVE))
        r = D(rate or r)
        minor = int(net * r) if tax_minor is None else tax_minor
        t = Tax(code=tax, rate=r, type=type_, amount=M(minor), amount_supplier=M(minor), id=f"t-{tax}")
        if type_ is not TaxType.REVERSE:
            amount = net + minor
    return ExpenseLine(line_id=line_id, category=Category(f"id-{category}", CATEGORY_NAMES.get(category, "X"),
                                                         category) if category else None,
                       amount=M(amount), amount_supplier=M(amount), net=M(net), net_supplier=M(net), tax=t,
                       tags=tuple(Tag(f"t-{g}-{c}", c, g) for g, c in tags))


def expense(eid, *lines, kind=ExpenseKind.CARD_PURCHASE, amount=None, method=None):
    lines = lines or (line(),)
    total = sum((ln.net if ln.tax and ln.tax.type is TaxType.REVERSE else ln.amount).minor for ln in lines)
    total = total if amount is None else amount
    return Expense(id=eid, company_id="co", kind=kind, sub_type=None,
                   booked_at=datetime(2024, 5, 1, 12, tzinfo=timezone.utc), amount=M(total),
                   amount_supplier=M(total), lines=tuple(lines), supplier=Supplier("Taxi Centrale"),
                   bookkeeping_method=method)


def run(expenses, mappings=MAPPINGS, chart=CHART, options=ExportOptions()) -> ValidationReport:
    report = validate(expenses, mappings, chart, options)
    # invariants of every report
    ids = [e.id for e in expenses]
    assert set(report.ok_ids) | set(report.held) | set(report.skipped) == set(ids)
    assert not (set(report.ok_ids) & set(report.held)) and not (set(report.ok_ids) & set(report.skipped))
    assert not (set(report.held) & set(report.skipped))
    for p in report.problems:
        assert p.expense_ids, p
        assert p.message and p.fix and p.source_label
        for eid in p.expense_ids:
            assert p in report.held[eid]
    for eid, problems in report.held.items():
        assert problems and all(eid in p.expense_ids for p in problems)
    order = [(list(ProblemKind).index(p.kind), p.source_key) for p in report.problems]
    assert order == sorted(order) and len(set(order)) == len(order)
    return report


def only(report: ValidationReport, kind: ProblemKind) -> list[Problem]:
    return [p for p in report.problems if p.kind == kind]


def with_(obj, **changes):
    return dataclasses.replace(obj, **changes)


# ------------------------------------------------------------------------------ one per kind
def test_all_good():
    es = [expense("a"), expense("b", line("4020", 1000, "21%"), line("4030", 500, "9%", line_id="L2"))]
    report = run(es)
    assert report.problems == [] and report.ok and report.ok_ids == ["a", "b"] and report.held == {}
    assert report.summary().startswith("2 expenses ready, 0 held, 0 skipped.")


def test_category_unmapped_groups_by_category():
    es = [expense("t1", line("5000")), expense("t2", line("5000")), expense("t3", line("5000")),
          expense("x1", line("5100")), expense("x2", line("5200"), line("5100", line_id="L2")),
          expense("ok", line("4010"))]
    report = run(es)
    problems = only(report, ProblemKind.CATEGORY_UNMAPPED)
    assert [(p.source_key, p.expense_ids) for p in problems] == [
        ("5000", ["t1", "t2", "t3"]), ("5100", ["x1", "x2"]), ("5200", ["x2"])]
    software = problems[0]
    assert software.source_label == "Software (5000)"
    assert software.message == "category Software (5000): no ledger account"
    assert "Map category Software (5000)" in software.fix
    assert report.ok_ids == ["ok"]
    assert report.held["x2"] == [problems[1], problems[2]]
    assert len(report.problems) == 3


def test_category_label_prefers_the_users_label():
    report = run([expense("a", line("5000"))], mappings=with_(MAPPINGS, category_labels={"5000": "SaaS"}))
    assert report.problems[0].source_label == "SaaS (5000)"


def test_category_missing_without_default_account():
    es = [expense("a", line(None)), expense("b", line(None)), expense("c", line(None)), expense("d")]
    report = run(es, mappings=with_(MAPPINGS, default_account=None))
    (p,) = report.problems
    assert p.kind == ProblemKind.CATEGORY_MISSING and p.expense_ids == ["a", "b", "c"]
    assert p.message == "3 expenses have no category"
    assert "default account" in p.fix
    assert report.ok_ids == ["d"]
    one = run([expense("a", line(None))], mappings=with_(MAPPINGS, default_account=None))
    assert one.problems[0].message == "1 expense has no category"


def test_lines_without_category_use_the_default_account():
    assert run([expense("a", line(None))]).ok_ids == ["a"]


def test_account_unknown_and_archived():
    mappings = with_(MAPPINGS, categories=MAPPINGS.categories | {
        "5000": CategoryMapping("6999"), "5100": CategoryMapping("4900")}, default_account="7777")
    es = [expense("a", line("5000")), expense("b", line("5100")), expense("c", line("5000")),
          expense("d", line(None))]
    report = run(es, mappings=mappings)
    unknown = only(report, ProblemKind.ACCOUNT_UNKNOWN)
    assert [(p.source_key, p.expense_ids) for p in unknown] == [("5000", ["a", "c"]), ("<default>", ["d"])]
    assert unknown[0].message == "category Software (5000) is mapped to account 6999, which is not in the ledger"
    assert "7777" in unknown[1].message and "default" in unknown[1].message
    (archived,) = only(report, ProblemKind.ACCOUNT_ARCHIVED)
    assert archived.source_key == "5100" and archived.expense_ids == ["b"]
    assert "4900 Old travel, which is archived" in archived.message
    assert "reactivate" in archived.fix


def test_tax_unmapped():
    es = [expense("a", line("4010", 1000, "6%")), expense("b", line("4020", 2000, "6%")),
          expense("c", line("4010", 1000, "21%"))]
    report = run(es, mappings=with_(MAPPINGS, taxes={k: v for k, v in MAPPINGS.taxes.items() if k != "6%"}))
    (p,) = report.problems
    assert (p.kind, p.source_key, p.expense_ids) == (ProblemKind.TAX_UNMAPPED, "6%", ["a", "b"])
    assert p.message == "tax code 6%: not mapped to a ledger tax code"
    assert report.ok_ids == ["c"]


def test_tax_unknown_and_archived():
    mappings = with_(MAPPINGS, taxes=MAPPINGS.taxes | {"6%": "V6", "9%": "GONE"})
    es = [expense("a", line("4010", 1000, "6%")), expense("b", line("4010", 1000, "9%")),
          expense("c", line("4010", 1000, "9%"))]
    report = run(es, mappings=mappings)
    (unknown,) = only(report, ProblemKind.TAX_UNKNOWN)
    assert (unknown.source_key, unknown.expense_ids) == ("9%", ["b", "c"])
    assert unknown.message == "tax code 9% is mapped to ledger tax GONE, which is not in the ledger"
    (archived,) = only(report, ProblemKind.TAX_ARCHIVED)
    assert (archived.source_key, archived.expense_ids) == ("6%", ["a"])


def test_category_default_tax_code_is_checked_for_lines_without_tax():
    mappings = with_(MAPPINGS, categories=MAPPINGS.categories | {"4020": CategoryMapping("4020", "GONE")})
    report = run([expense("a", line("4020")), expense("b", line("4020", 1000, "21%"))], mappings=mappings)
    (p,) = report.problems
    assert (p.kind, p.source_key, p.expense_ids) == (ProblemKind.TAX_UNKNOWN, "category:4020", ["a"])


def test_tax_rate_mismatch():
    # Pleo's 21% mapped to the ledger's 9% code
    mappings = with_(MAPPINGS, taxes=MAPPINGS.taxes | {"21%": "V9"})
    es = [expense("a", line("4010", 1000, "21%")), expense("b", line("4010", 1000, "9%"))]
    report = run(es, mappings=mappings)
    (p,) = report.problems
    assert (p.kind, p.source_key, p.expense_ids) == (ProblemKind.TAX_RATE_MISMATCH, "21%", ["a"])
    assert p.message == "tax code 21% is 21% in Pleo, but ledger tax V9 is 9%"
    assert p.fix == "Map Pleo tax code 21% to a ledger tax code with the rate 21%."


def test_tax_rate_compares_numbers_not_spelling():
    chart = with_(CHART, taxes=CHART.taxes | {"V21": with_(CHART.taxes["V21"], rate=D("0.2100"))})
    assert run([expense("a", line("4010", 1000, "21%"))], chart=chart).ok


def test_tax_account_missing():
    mappings = with_(MAPPINGS, taxes=MAPPINGS.taxes | {"21%": "NOACC", "RC21": "RCHALF", "9%": "OLDACC"})
    es = [expense("a", line("4010", 1000, "21%")), expense("b", line("4010", 1000, "RC21")),
          expense("c", line("4010", 1000, "9%", rate="0.21")),
          expense("z", line("4010", 1000, "21%", tax_minor=0))]    # no tax amount: no account needed
    report = run(es, mappings=mappings)
    problems = only(report, ProblemKind.TAX_ACCOUNT_MISSING)
    assert [(p.source_key, p.expense_ids) for p in problems] == [
        ("NOACC/input", ["a"]), ("OLDACC/input", ["c"]), ("RCHALF/output", ["b"])]
    assert problems[0].message == "ledger tax NOACC has no input tax account"
    assert problems[1].message == "the input tax account 1599 of ledger tax OLDACC is archived"
    assert problems[2].message == "ledger tax RCHALF has no output tax account"
    assert report.ok_ids == ["z"]


def test_tag_unmapped_and_unmapped_groups_ignored():
    es = [expense("a", line(tags=[("CC", "X")])), expense("b", line(tags=[("CC", "X"), ("PROJECT", "P1")])),
          expense("c", line(tags=[("PROJECT", "P2")])), expense("d", line(tags=[("CC", "S")]))]
    report = run(es)
    (p,) = report.problems
    assert (p.kind, p.source_key, p.expense_ids) == (ProblemKind.TAG_UNMAPPED, "CC/X", ["a", "b"])
    assert p.message == "tag X (CC): no Cost centre value"
    assert report.ok_ids == ["c", "d"]


def test_dimension_value_unknown_and_archived():
    mappings = with_(MAPPINGS, tags=MAPPINGS.tags | {("CC", "M"): "Marketing", ("CC", "R"): "Research"})
    es = [expense("a", line(tags=[("CC", "M")])), expense("b", line(tags=[("CC", "R")])),
          expense("c", line(tags=[("CC", "R")]))]
    report = run(es, mappings=mappings)
    (archived,) = only(report, ProblemKind.DIMENSION_VALUE_ARCHIVED)
    (unknown,) = only(report, ProblemKind.DIMENSION_VALUE_UNKNOWN)
    assert (archived.source_key, archived.expense_ids) == ("CC/M", ["a"])
    assert (unknown.source_key, unknown.expense_ids) == ("CC/R", ["b", "c"])
    assert unknown.message == "tag R (CC) is mapped to Cost centre Research, which is not in the ledger"


def test_dimension_unknown():
    mappings = with_(MAPPINGS, tag_groups={"CC": "Department"})
    report = run([expense("a", line(tags=[("CC", "S")])), expense("b", line(tags=[("CC", "O")]))],
                 mappings=mappings)
    (p,) = report.problems
    assert (p.kind, p.source_key, p.expense_ids) == (ProblemKind.DIMENSION_UNKNOWN, "CC", ["a", "b"])


def test_dimension_conflict():
    mappings = with_(MAPPINGS, tag_groups=MAPPINGS.tag_groups | {"TEAM": "Cost centre"},
                     tags=MAPPINGS.tags | {("TEAM", "T1"): "Ops"})
    es = [expense("a", line(tags=[("CC", "S"), ("TEAM", "T1")])), expense("b", line(tags=[("CC", "O"), ("TEAM", "T1")]))]
    report = run(es, mappings=mappings)
    (p,) = report.problems
    assert (p.kind, p.source_key, p.expense_ids) == (ProblemKind.DIMENSION_CONFLICT, "Cost centre", ["a"])
    assert report.ok_ids == ["b"]


def test_contra_missing():
    es = [expense("w1"), expense("o1", kind=ExpenseKind.OUT_OF_POCKET), expense("w2", kind=ExpenseKind.FEE),
          expense("x1", kind=ExpenseKind.EXTERNAL_REIMBURSEMENT)]
    mappings = with_(MAPPINGS, contra={ContraRole.OUT_OF_POCKET: "1600"})
    report = run(es, mappings=mappings)
    problems = only(report, ProblemKind.CONTRA_MISSING)
    assert [(p.source_key, p.expense_ids) for p in problems] == [
        ("external_reimbursement", ["x1"]), ("wallet", ["w1", "w2"])]
    assert problems[1].message == "no Pleo wallet account chosen"
    assert problems[1].fix == "Choose the Pleo wallet account in Mappings."
    assert report.ok_ids == ["o1"]


def test_contra_unknown_or_archived():
    mappings = with_(MAPPINGS, contra=MAPPINGS.contra | {ContraRole.WALLET: "1101", ContraRole.PAYABLE: "1999"})
    es = [expense("w"), expense("p", kind=ExpenseKind.INVOICE), expense("ap", method="accounts_payable")]
    report = run(es, mappings=mappings)
    problems = only(report, ProblemKind.CONTRA_UNKNOWN)
    assert [(p.source_key, p.expense_ids) for p in problems] == [("payable", ["p", "ap"]), ("wallet", ["w"])]
    assert problems[0].message == "the accounts payable account 1999 is archived in the ledger"
    assert problems[1].message == "the Pleo wallet account 1101 is not in the ledger"


def test_amounts_inconsistent_is_per_expense():
    bad_tax = expense("a", line("4010", 1000, "21%", tax_minor=210))
    bad_tax = with_(bad_tax, lines=(with_(bad_tax.lines[0], amount=M(1211)),), amount=M(1211),
                    amount_supplier=M(1211))
    es = [bad_tax, expense("b", amount=999), expense("c")]
    report = run(es)
    problems = only(report, ProblemKind.AMOUNTS_INCONSISTENT)
    assert [(p.source_key, p.expense_ids) for p in problems] == [("a", ["a"]), ("b", ["b"])]
    assert "net 10.00 + tax 2.10 = 12.10, but the line amount is 12.11" in problems[0].message
    assert "2024-05-01" in problems[0].message
    assert "the lines add up to 10.00 EUR, but the expense amount is 9.99 EUR" in problems[1].message
    assert report.ok_ids == ["c"]


def test_unsupported_kind(monkeypatch):
    import pleodesk.core.validation as validation

    monkeypatch.setattr(validation, "contra_role_for", lambda e: None if e.kind is ExpenseKind.FEE else
                        ContraRole.WALLET)
    report = run([expense("a", kind=ExpenseKind.FEE), expense("b", kind=ExpenseKind.FEE), expense("c")])
    (p,) = report.problems
    assert (p.kind, p.source_key, p.expense_ids) == (ProblemKind.UNSUPPORTED_KIND, "fee", ["a", "b"])
    assert p.message == "2 expenses of kind fee cannot be booked"


def test_every_problem_kind_is_covered_by_a_test():
    import inspect
    import sys

    source = inspect.getsource(sys.modules[__name__])
    for kind in ProblemKind:
        assert f"ProblemKind.{kind.name}" in source, kind


# ------------------------------------------------------------------------------ held, ok, skipped
def test_one_expense_with_several_problems_is_held_once_per_problem():
    e = expense("a", line("5000", tags=[("CC", "X")]), line("5000", 1000, "6%", line_id="L2"))
    report = run([e, expense("b")], mappings=with_(MAPPINGS, contra={}))
    assert [p.kind for p in report.held["a"]] == [
        ProblemKind.CATEGORY_UNMAPPED, ProblemKind.TAX_UNMAPPED, ProblemKind.TAG_UNMAPPED, ProblemKind.CONTRA_MISSING]
    cat = only(report, ProblemKind.CATEGORY_UNMAPPED)[0]
    assert cat.expense_ids == ["a"]                     # listed once, although two lines have it
    assert report.held["b"] == only(report, ProblemKind.CONTRA_MISSING)
    assert report.ok_ids == []


def test_skips():
    es = [expense("ps", kind=ExpenseKind.PERSONAL_SPEND),
          expense("top", line("5000", -100000), kind=ExpenseKind.WALLET_TOPUP),
          expense("unload", kind=ExpenseKind.WALLET_UNLOAD),
          expense("zero", line("4010", 0)),
          expense("ok")]
    report = run(es, options=ExportOptions(ignore_wallet_topups=True))
    assert report.skipped == {
        "ps": "personal spend is settled with the employee, not booked",
        "top": "wallet top-ups and unloads are not exported (setting)",
        "unload": "wallet top-ups and unloads are not exported (setting)",
        "zero": "nothing to book: every amount is zero",
    }
    assert report.ok_ids == ["ok"] and report.problems == []   # the unmapped top-up category is not a problem
    report = run(es, options=ExportOptions(ignore_wallet_topups=False))
    assert set(report.skipped) == {"ps", "zero"}
    assert report.held["top"][0].kind == ProblemKind.CATEGORY_UNMAPPED and report.ok_ids == ["unload", "ok"]


def test_zero_total_with_nonzero_lines_is_booked():
    e = expense("a", line("4010", 1000), line("4020", -1000, line_id="L2"))
    assert run([e]).ok_ids == ["a"]


def test_duplicate_ids_are_validated_once():
    report = run([expense("a"), expense("a", line("5000"))])
    assert report.ok_ids == ["a"] and report.problems == []


def test_summary_lists_problems_with_their_fix():
    report = run([expense("a", line("5000")), expense("b", line("5000")), expense("c"),
                  expense("d", kind=ExpenseKind.PERSONAL_SPEND)])
    assert report.summary().splitlines() == [
        "1 expense ready, 2 held, 1 skipped.",
        "- category Software (5000): no ledger account (2 expenses). Map category Software (5000) to a ledger "
        "account in Mappings.",
    ]


# ------------------------------------------------------------------------------ validation ⇒ posting
KEYS = ["4010", "4020", "5000", None]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from([None, "21%", "9%", "6%", "RC21", "0%"]),
                          st.sampled_from([(), (("CC", "S"),), (("CC", "X"),), (("CC", "M"),)]),
                          st.integers(-10**6, 10**6)), min_size=1, max_size=4),
       st.sampled_from(list(ExpenseKind)),
       st.sets(st.sampled_from(["no-default", "no-wallet", "21%->V6", "9%->NOACC", "RC21->RCHALF",
                                "M->Marketing", "4020->4900"])))
def test_an_expense_validation_passes_always_posts_to_active_ledger_codes(spec, kind, holes):
    mappings = Mappings(
        categories=dict(MAPPINGS.categories), taxes=dict(MAPPINGS.taxes), tag_groups=dict(MAPPINGS.tag_groups),
        tags=dict(MAPPINGS.tags), contra=dict(MAPPINGS.contra) | {ContraRole.EXTERNAL_REIMBURSEMENT: "1600"},
        default_account=MAPPINGS.default_account)
    if "no-default" in holes:
        mappings.default_account = None
    if "no-wallet" in holes:
        del mappings.contra[ContraRole.WALLET]
    for hole in holes & {"21%->V6", "9%->NOACC", "RC21->RCHALF"}:
        k, v = hole.split("->")
        mappings.taxes[k] = v
    if "M->Marketing" in holes:
        mappings.tags[("CC", "M")] = "Marketing"
    if "4020->4900" in holes:
        mappings.categories["4020"] = CategoryMapping("4900")
    lines = [line(c, net, t, tags=tags, line_id=f"L{i}") for i, (c, t, tags, net) in enumerate(spec)]
    e = expense("e", *lines, kind=kind)
    report = validate([e], mappings, CHART, ExportOptions())
    if report.ok_ids == ["e"]:
        entry = post(e, mappings, CHART)
        assert entry.is_balanced()
        for p in entry.postings:
            assert CHART.accounts[p.account].active
            assert p.tax_code is None or CHART.taxes[p.tax_code].active
            for dim, value in p.dimensions:
                assert value in CHART.dimensions[dim].values
    elif "e" in report.held:
        problems = {p.kind for p in report.held["e"]}
        chart_only = {ProblemKind.ACCOUNT_ARCHIVED, ProblemKind.TAX_ARCHIVED, ProblemKind.TAX_RATE_MISMATCH,
                      ProblemKind.DIMENSION_VALUE_ARCHIVED, ProblemKind.TAX_ACCOUNT_MISSING}
        if problems <= chart_only and not {"9%->NOACC", "RC21->RCHALF"} & holes:
            post(e, mappings, CHART)        # mappings complete: posting works, the ledger would refuse it
        elif not problems <= chart_only:
            with pytest.raises(PostingError):
                post(e, mappings, CHART)


# ------------------------------------------------------------------------------ speed
def _many(n: int) -> list[Expense]:
    rng = random.Random(7)
    cats = ["4010", "4020", "4030", "5000", None]
    taxes = [None, "21%", "9%", "0%", "RC21", "6%"]
    kinds = [ExpenseKind.CARD_PURCHASE] * 6 + [ExpenseKind.OUT_OF_POCKET, ExpenseKind.REFUND,
                                               ExpenseKind.PERSONAL_SPEND, ExpenseKind.EXTERNAL_REIMBURSEMENT]
    out = []
    for i in range(n):
        lines = [line(rng.choice(cats), rng.randint(1, 10**6), rng.choice(taxes),
                      tags=[("CC", rng.choice("SOXM"))] if rng.random() < 0.5 else [], line_id=f"L{j}")
                 for j in range(rng.randint(1, 3))]
        out.append(expense(f"e{i}", *lines, kind=rng.choice(kinds)))
    return out


def test_fifty_thousand_expenses_validate_quickly(capsys):
    expenses = _many(50_000)
    start = time.perf_counter()
    report = validate(expenses, MAPPINGS, CHART, ExportOptions())
    elapsed = time.perf_counter() - start
    with capsys.disabled():
        print(f"\nvalidate: 50,000 expenses ({sum(len(e.lines) for e in expenses):,} lines) in {elapsed:.3f} s; "
              f"{len(report.ok_ids):,} ok, {len(report.held):,} held by {len(report.problems)} problems, "
              f"{len(report.skipped):,} skipped")
    assert len(report.ok_ids) + len(report.held) + len(report.skipped) == 50_000


def test_core_modules_have_no_qt():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, pleodesk.core.posting, pleodesk.core.validation, pleodesk.providers.journal_file; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "[]"
