"""Posting rules: unit cases with exact postings, and properties over random consistent expenses."""

import dataclasses
import uuid
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pleodesk.core.ledger import (
    CategoryMapping,
    ContraRole,
    LedgerAccount,
    LedgerChart,
    LedgerDimension,
    LedgerTax,
    Mappings,
    Posting,
)
from pleodesk.core.model import (
    Category,
    Expense,
    ExpenseKind,
    ExpenseLine,
    Party,
    Supplier,
    Tag,
    Tax,
    TaxType,
)
from pleodesk.core.money import Money, minor_exponent
from pleodesk.core.posting import (
    IDEMPOTENCY_NAMESPACE,
    PostingError,
    contra_role_for,
    idempotency_key_for,
    post,
)

D = Decimal
Z = D(0)

# ------------------------------------------------------------------------ a ledger and its mappings
CHART = LedgerChart(
    accounts={a.code: a for a in [
        LedgerAccount("1100", "Pleo wallet", "bank"),
        LedgerAccount("1510", "Input VAT", "tax"),
        LedgerAccount("1520", "Output VAT (reverse charge)", "tax"),
        LedgerAccount("1600", "Owed to employees", "liability"),
        LedgerAccount("1700", "Payroll clearing", "liability"),
        LedgerAccount("1800", "Accounts payable", "payable"),
        *(LedgerAccount(f"40{i:02d}", f"Expense {i}") for i in range(6)),
        LedgerAccount("4999", "Uncategorised"),
    ]},
    taxes={t.code: t for t in [
        LedgerTax("V21", "VAT 21%", D("0.21"), input_account="1510"),
        LedgerTax("V9", "VAT 9%", D("0.09"), input_account="1510"),
        LedgerTax("V0", "VAT 0%", D("0")),
        LedgerTax("EX15", "Sales tax 15%", D("0.15"), "exclusive", input_account="1510"),
        LedgerTax("RC21", "Reverse charge 21%", D("0.21"), "reverse", input_account="1510",
                  output_account="1520"),
    ]},
    dimensions={"Cost centre": LedgerDimension("Cost centre", frozenset({"Sales", "Ops", "R&D"}))},
)

MAPPINGS = Mappings(
    categories={f"C{i}": CategoryMapping(f"40{i:02d}") for i in range(5)} | {"C5": CategoryMapping("4005", "V0")},
    taxes={"21%": "V21", "9%": "V9", "0%": "V0", "15% exclusive": "EX15", "RC21": "RC21"},
    tag_groups={"CC": "Cost centre"},
    tags={("CC", "S"): "Sales", ("CC", "O"): "Ops", ("CC", "R"): "R&D"},
    contra={ContraRole.WALLET: "1100", ContraRole.OUT_OF_POCKET: "1600",
            ContraRole.EXTERNAL_REIMBURSEMENT: "1700", ContraRole.PAYABLE: "1800"},
    default_account="4999",
)

# Pleo taxes: (code, rate, type)
PLEO_TAXES = {
    "21%": ("21%", D("0.21"), TaxType.INCLUSIVE),
    "9%": ("9%", D("0.09"), TaxType.INCLUSIVE),
    "0%": ("0%", D("0"), TaxType.INCLUSIVE),
    "15% exclusive": (None, D("0.15"), TaxType.EXCLUSIVE),
    "RC21": ("RC21", D("0.21"), TaxType.REVERSE),
}


def M(minor, currency):
    return Money.from_minor(minor, currency)


def cat(key):
    return Category(id=f"id-{key}", name=f"Category {key}", code=key)


def tax(key, minor, currency, minor_supplier=None, supplier_currency=None):
    code, rate, type_ = PLEO_TAXES[key]
    return Tax(code=code, rate=rate, type=type_, amount=M(minor, currency),
               amount_supplier=M(minor if minor_supplier is None else minor_supplier, supplier_currency or currency),
               id=f"tax-{key}")


def line(amount, net, currency="EUR", *, category="C0", tax_=None, tags=(), supplier=None, line_id="L1"):
    """A line from minor units; ``supplier`` = (amount, net, currency) when the supplier currency differs."""
    s_amount, s_net, s_cur = supplier or (amount, net, currency)
    return ExpenseLine(line_id=line_id, category=cat(category) if category else None,
                       amount=M(amount, currency), amount_supplier=M(s_amount, s_cur),
                       net=M(net, currency), net_supplier=M(s_net, s_cur), tax=tax_,
                       tags=tuple(Tag(f"t-{g}-{c}", c, g) for g, c in tags))


def expense(lines, *, kind=ExpenseKind.CARD_PURCHASE, amount=None, currency="EUR", supplier_amount=None,
            eid="e-1", method=None, note="Team lunch"):
    total = sum((ln.amount.minor if not (ln.tax and ln.tax.type is TaxType.REVERSE) else ln.net.minor)
                for ln in lines) if amount is None else amount
    s = supplier_amount or M(total, currency)
    return Expense(id=eid, company_id="co", kind=kind, sub_type=None,
                   booked_at=datetime(2024, 3, 5, 23, 30, tzinfo=timezone.utc),
                   amount=M(total, currency), amount_supplier=s, lines=tuple(lines),
                   supplier=Supplier("Restaurant Blauw"), employee=Party("u1", "Anna de Vries"), note=note,
                   bookkeeping_method=method, web_url="https://app.pleo.io/e/1")


def rows(entry):
    return [(p.account, p.debit, p.credit, p.tax_code, p.tax_role) for p in entry.postings]


# ------------------------------------------------------------------------------------ unit cases
def test_inclusive_vat_split_over_two_categories():
    e = expense([
        line(12100, 10000, tax_=tax("21%", 2100, "EUR"), tags=[("CC", "S")], line_id="L1"),
        line(5450, 5000, category="C1", tax_=tax("9%", 450, "EUR"), line_id="L2"),
    ])
    entry = post(e, MAPPINGS, CHART)
    assert rows(entry) == [
        ("4000", D("100.00"), Z, "V21", None),
        ("1510", D("21.00"), Z, "V21", "input"),
        ("4001", D("50.00"), Z, "V9", None),
        ("1510", D("4.50"), Z, "V9", "input"),
        ("1100", Z, D("175.50"), None, None),
    ]
    assert entry.is_balanced()
    assert entry.postings[1].tax_base == D("100.00") and entry.postings[3].tax_base == D("50.00")
    assert entry.postings[0].dimensions == (("Cost centre", "Sales"),)
    assert entry.postings[1].dimensions == (("Cost centre", "Sales"),)
    assert entry.postings[2].dimensions == () and entry.postings[4].dimensions == ()
    assert entry.postings[0].category_key == "C0" and entry.postings[4].category_key is None
    assert entry.contra_role is ContraRole.WALLET and entry.contra_account == "1100"
    assert entry.gross == M(17550, "EUR")


def test_entry_header():
    entry = post(expense([line(1000, 1000)], eid="3f1c"), MAPPINGS, CHART)
    assert entry.expense_id == "3f1c"
    assert entry.reference == "PLEO-3f1c"
    assert entry.idempotency_key == str(uuid.uuid5(IDEMPOTENCY_NAMESPACE, "3f1c")) == idempotency_key_for("3f1c")
    assert uuid.UUID(entry.idempotency_key).version == 5
    assert entry.date == date(2024, 3, 5)            # the booked date, in UTC
    assert entry.description == "Restaurant Blauw - Team lunch"
    assert entry.payee == "Restaurant Blauw" and entry.employee == "Anna de Vries"
    assert entry.kind is ExpenseKind.CARD_PURCHASE and entry.web_url == "https://app.pleo.io/e/1"
    assert all(p.description.startswith("Restaurant Blauw - Team lunch") for p in entry.postings)


def test_idempotency_key_is_stable_and_distinct():
    assert idempotency_key_for("a") == idempotency_key_for("a") != idempotency_key_for("b")
    assert str(IDEMPOTENCY_NAMESPACE) == "5d0c8a4e-6f1b-5b7e-9c3a-2f4e1d7b9a60"   # never change it


@settings(max_examples=500)
@given(st.text())
def test_idempotency_key_is_uuid5_of_the_expense_id(expense_id):
    # Keys already sent to ledgers must stay what they were: the fast version is uuid5 exactly.
    assert idempotency_key_for(expense_id) == str(uuid.uuid5(IDEMPOTENCY_NAMESPACE, expense_id))


def test_exclusive_tax_books_like_inclusive():
    e = expense([line(11500, 10000, tax_=tax("15% exclusive", 1500, "EUR"))])
    assert rows(post(e, MAPPINGS, CHART)) == [
        ("4000", D("100.00"), Z, "EX15", None),
        ("1510", D("15.00"), Z, "EX15", "input"),
        ("1100", Z, D("115.00"), None, None),
    ]


def test_reverse_charge_self_assesses_and_contra_gets_only_what_was_paid():
    e = expense([line(10000, 10000, tax_=tax("RC21", 2100, "EUR"))])
    entry = post(e, MAPPINGS, CHART)
    assert rows(entry) == [
        ("4000", D("100.00"), Z, "RC21", None),
        ("1510", D("21.00"), Z, "RC21", "input"),
        ("1520", Z, D("21.00"), "RC21", "output"),
        ("1100", Z, D("100.00"), None, None),
    ]
    assert entry.postings[1].tax_base == entry.postings[2].tax_base == D("100.00")


def test_reverse_charge_line_amount_may_include_the_self_assessed_tax():
    e = expense([line(12100, 10000, tax_=tax("RC21", 2100, "EUR"))], amount=10000)
    assert rows(post(e, MAPPINGS, CHART))[-1] == ("1100", Z, D("100.00"), None, None)


def test_reverse_charge_line_amount_must_be_net_or_net_plus_tax():
    e = expense([line(11000, 10000, tax_=tax("RC21", 2100, "EUR"))], amount=10000)
    with pytest.raises(PostingError, match="e-1.*neither the net"):
        post(e, MAPPINGS, CHART)


def test_no_tax_books_the_line_amount_with_the_category_tax_code():
    e = expense([line(2500, 2500, category="C5"), line(1000, 1000, category="C1", line_id="L2")])
    assert rows(post(e, MAPPINGS, CHART)) == [
        ("4005", D("25.00"), Z, "V0", None),
        ("4001", D("10.00"), Z, None, None),
        ("1100", Z, D("35.00"), None, None),
    ]


def test_zero_tax_amount_gives_no_tax_posting():
    e = expense([line(1000, 1000, tax_=tax("0%", 0, "EUR"))])
    assert rows(post(e, MAPPINGS, CHART)) == [("4000", D("10.00"), Z, "V0", None), ("1100", Z, D("10.00"), None, None)]


def test_line_without_category_goes_to_the_default_account():
    e = expense([line(1000, 1000, category=None)])
    assert rows(post(e, MAPPINGS, CHART))[0] == ("4999", D("10.00"), Z, None, None)


def test_refund_is_the_mirror_entry():
    purchase = expense([line(12100, 10000, tax_=tax("21%", 2100, "EUR"))])
    refund = expense([line(-12100, -10000, tax_=tax("21%", -2100, "EUR"))], kind=ExpenseKind.REFUND)
    assert rows(post(refund, MAPPINGS, CHART)) == [
        ("4000", Z, D("100.00"), "V21", None),
        ("1510", Z, D("21.00"), "V21", "input"),
        ("1100", D("121.00"), Z, None, None),
    ]
    assert rows(post(refund, MAPPINGS, CHART)) == [(a, c, d, t, r) for a, d, c, t, r in rows(post(purchase, MAPPINGS, CHART))]


def test_wallet_topup_is_a_negative_amount():
    e = expense([line(-500000, -500000, category="C3")], kind=ExpenseKind.WALLET_TOPUP)
    assert rows(post(e, MAPPINGS, CHART)) == [("4003", Z, D("5000.00"), None, None),
                                              ("1100", D("5000.00"), Z, None, None)]


@pytest.mark.parametrize("kind, method, role, account", [
    (ExpenseKind.CARD_PURCHASE, None, ContraRole.WALLET, "1100"),
    (ExpenseKind.ATM_WITHDRAWAL, "journal", ContraRole.WALLET, "1100"),
    (ExpenseKind.FEE, None, ContraRole.WALLET, "1100"),
    (ExpenseKind.DIRECT_REIMBURSEMENT, None, ContraRole.WALLET, "1100"),
    (ExpenseKind.OUT_OF_POCKET, None, ContraRole.OUT_OF_POCKET, "1600"),
    (ExpenseKind.MILEAGE, None, ContraRole.OUT_OF_POCKET, "1600"),
    (ExpenseKind.PER_DIEM, None, ContraRole.OUT_OF_POCKET, "1600"),
    (ExpenseKind.EXTERNAL_REIMBURSEMENT, None, ContraRole.EXTERNAL_REIMBURSEMENT, "1700"),
    (ExpenseKind.INVOICE, None, ContraRole.PAYABLE, "1800"),
    (ExpenseKind.INVOICE, "journal", ContraRole.PAYABLE, "1800"),
    (ExpenseKind.CARD_PURCHASE, "accounts_payable", ContraRole.PAYABLE, "1800"),
    (ExpenseKind.OUT_OF_POCKET, "accounts_payable", ContraRole.PAYABLE, "1800"),
    # paying a bill from the wallet: the money leaves the wallet even under accounts-payable bookkeeping
    (ExpenseKind.INVOICE_PAYMENT, "accounts_payable", ContraRole.WALLET, "1100"),
])
def test_contra_account_by_kind(kind, method, role, account):
    e = expense([line(1000, 1000)], kind=kind, method=method)
    assert contra_role_for(e) is role
    entry = post(e, MAPPINGS, CHART)
    assert entry.contra_role is role and entry.contra_account == account
    assert entry.postings[-1] == Posting(account, Z, D("10.00"), "EUR", description=entry.description)


def test_every_kind_has_a_contra_role():
    for kind in ExpenseKind:
        assert contra_role_for(expense([line(100, 100)], kind=kind)) is not None, kind


def test_external_reimbursement_debits_out_of_pocket_and_credits_the_external_account():
    # Pleo sends the out-of-pocket liability as the line's account; the user maps it to 1600.
    mappings = dataclasses.replace(MAPPINGS, categories=MAPPINGS.categories | {"OOP": CategoryMapping("1600")})
    e = expense([line(4200, 4200, category="OOP")], kind=ExpenseKind.EXTERNAL_REIMBURSEMENT)
    assert rows(post(e, mappings, CHART)) == [("1600", D("42.00"), Z, None, None), ("1700", Z, D("42.00"), None, None)]


def test_foreign_currency_lines_carry_the_supplier_amount():
    e = expense([line(9187, 9187, tax_=tax("RC21", 1929, "EUR", 2079, "USD"), supplier=(9900, 9900, "USD"))],
                supplier_amount=M(9900, "USD"))
    entry = post(e, MAPPINGS, CHART)
    # on the posting's side: the output-tax credit of 19.29 EUR is a credit of 20.79 USD
    assert [p.foreign for p in entry.postings] == [M(9900, "USD"), M(2079, "USD"), M(2079, "USD"), None]
    assert [bool(p.debit) for p in entry.postings] == [True, True, False, False]
    # amounts stay in the wallet currency
    assert {p.currency for p in entry.postings} == {"EUR"}


def test_same_currency_lines_carry_no_foreign_amount():
    entry = post(expense([line(1000, 800, tax_=tax("21%", 200, "EUR"))]), MAPPINGS, CHART)
    assert all(p.foreign is None for p in entry.postings)


def test_jpy_and_kwd_amounts_keep_their_decimals():
    jpy = post(expense([line(1500, 1500, "JPY")], currency="JPY"), MAPPINGS, CHART)
    assert [str(p.debit or p.credit) for p in jpy.postings] == ["1500", "1500"]
    kwd = post(expense([line(11500, 10000, "KWD", tax_=tax("15% exclusive", 1500, "KWD"))], currency="KWD"),
               MAPPINGS, CHART)
    assert [str(p.debit or p.credit) for p in kwd.postings] == ["10.000", "1.500", "11.500"]


def test_dimensions_are_sorted_and_unmapped_groups_ignored():
    chart = dataclasses.replace(CHART, dimensions=CHART.dimensions | {
        "Area": LedgerDimension("Area", frozenset({"North"}))})
    mappings = dataclasses.replace(MAPPINGS, tag_groups=MAPPINGS.tag_groups | {"AR": "Area"},
                                   tags=MAPPINGS.tags | {("AR", "N"): "North"})
    e = expense([line(1000, 1000, tags=[("CC", "O"), ("PRJ", "X1"), ("AR", "N")])])
    assert post(e, mappings, chart).postings[0].dimensions == (("Area", "North"), ("Cost centre", "Ops"))


def test_zero_expense_gives_a_balanced_entry_without_postings():
    entry = post(expense([line(0, 0)]), MAPPINGS, CHART)
    assert entry.postings == () and entry.is_balanced()
    entry = post(expense([], amount=0), MAPPINGS, CHART)
    assert entry.postings == () and entry.is_balanced()


def test_lines_netting_to_zero_still_post():
    e = expense([line(1000, 1000), line(-1000, -1000, category="C1", line_id="L2")])
    assert rows(post(e, MAPPINGS, CHART)) == [("4000", D("10.00"), Z, None, None), ("4001", Z, D("10.00"), None, None)]


# ------------------------------------------------------------------------------------ refusals
def _without(**changes):
    return dataclasses.replace(MAPPINGS, **changes)


@pytest.mark.parametrize("e, mappings, chart, match", [
    (expense([line(12100, 10000, tax_=tax("21%", 2000, "EUR"))]), MAPPINGS, CHART,
     "net 100.00 \\+ tax 20.00 = 120.00, but the line amount is 121.00"),
    (expense([line(1000, 1000)], amount=1001), MAPPINGS, CHART, "lines add up to 10.00 EUR, but the expense amount is 10.01 EUR"),
    (expense([], amount=100), MAPPINGS, CHART, "lines add up to 0.00 EUR"),
    (expense([line(1000, 1000, "DKK")]), MAPPINGS, CHART, "in DKK, the wallet currency is EUR"),
    (expense([line(1000, 1000, category="C9")]), MAPPINGS, CHART, "category Category C9 \\(C9\\) has no ledger"),
    (expense([line(1000, 1000, category=None)]), _without(default_account=None), CHART, "no default account"),
    (expense([line(1000, 800, tax_=tax("21%", 200, "EUR"))]), _without(taxes={}), CHART, "21% is not mapped"),
    (expense([line(1000, 800, tax_=tax("21%", 200, "EUR"))]), MAPPINGS, LedgerChart(CHART.accounts),
     "V21 is not in the ledger"),
    (expense([line(1000, 800, tax_=tax("21%", 200, "EUR"))]), _without(taxes={"21%": "V0"}), CHART,
     "V0 has no input tax account"),
    (expense([line(1000, 1000, tax_=tax("RC21", 200, "EUR"))]), MAPPINGS,
     dataclasses.replace(CHART, taxes=CHART.taxes | {"RC21": LedgerTax("RC21", "RC", D("0.21"), "reverse",
                                                                       input_account="1510")}),
     "RC21 has no output tax account"),
    (expense([line(1000, 1000)]), _without(contra={}), CHART, "no ledger account chosen for the wallet"),
    (expense([line(1000, 1000, tags=[("CC", "Z")])]), MAPPINGS, CHART, "tag Z of group CC"),
    (expense([line(1000, 1000, tags=[("CC", "S"), ("CC", "O")])]), MAPPINGS, CHART, "two values for Cost centre"),
])
def test_refusals_name_the_expense(e, mappings, chart, match):
    with pytest.raises(PostingError, match=f"^expense e-1: .*{match}") as info:
        post(e, mappings, chart)
    assert info.value.expense_id == "e-1"


# ------------------------------------------------------------------------------------ properties
WALLET_CURRENCIES = ["EUR", "DKK", "SEK", "JPY", "KWD"]
SUPPLIER_CURRENCIES = WALLET_CURRENCIES + ["USD", "GBP", "BHD", "ISK"]
NEGATIVE_KINDS = {ExpenseKind.REFUND, ExpenseKind.CHARGEBACK, ExpenseKind.CASHBACK, ExpenseKind.WALLET_TOPUP}
CATEGORY_KEYS = [None, "C0", "C1", "C2", "C3", "C4", "C5"]
TAX_CHOICES = [None, "21%", "9%", "0%", "15% exclusive", "RC21"]
AMOUNT = st.integers(0, 10**9)          # minor units: up to 10 million EUR, 1 billion JPY, 1 million KWD


@st.composite
def lines_st(draw, wallet: str, supplier: str, sign: int, index: int):
    line_sign = -sign if draw(st.integers(0, 9)) == 0 else sign     # now and then a mixed-sign split
    tax_key = draw(st.sampled_from(TAX_CHOICES))

    def amounts():
        net = draw(AMOUNT)
        tx = 0 if tax_key in (None, "0%") else draw(st.integers(0, max(net // 2, 0)))
        if tax_key is None:
            return net, net, 0, net
        reverse = PLEO_TAXES[tax_key][2] is TaxType.REVERSE
        amount = net + tx if not reverse or draw(st.booleans()) else net
        paid = net if reverse else amount
        return amount, net, tx, paid

    amount, net, tx, paid = amounts()
    s_amount, s_net, s_tx, s_paid = (amount, net, tx, paid) if supplier == wallet else amounts()
    s = line_sign
    tags = draw(st.lists(st.sampled_from([("CC", "S"), ("CC", "O"), ("CC", "R"), ("PRJ", "X")]),
                         max_size=2, unique_by=lambda t: t[0]))
    ln = ExpenseLine(
        line_id=f"L{index}", category=cat(c) if (c := draw(st.sampled_from(CATEGORY_KEYS))) else None,
        amount=M(s * amount, wallet), amount_supplier=M(s * s_amount, supplier),
        net=M(s * net, wallet), net_supplier=M(s * s_net, supplier),
        tax=tax(tax_key, s * tx, wallet, s * s_tx, supplier) if tax_key else None,
        tags=tuple(Tag(f"t{g}{c}", c, g) for g, c in tags))
    return ln, s * paid, s * s_paid


@st.composite
def expenses_st(draw, kinds=tuple(ExpenseKind)):
    wallet = draw(st.sampled_from(WALLET_CURRENCIES))
    supplier = wallet if draw(st.booleans()) else draw(st.sampled_from(SUPPLIER_CURRENCIES))
    kind = draw(st.sampled_from(kinds))
    sign = -1 if kind in NEGATIVE_KINDS else 1
    drawn = [draw(lines_st(wallet, supplier, sign, i)) for i in range(draw(st.integers(1, 4)))]
    return Expense(
        id=draw(st.uuids()).hex, company_id="co", kind=kind, sub_type=None,
        booked_at=draw(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1),
                                    timezones=st.just(timezone.utc))),
        amount=M(sum(p for _, p, _ in drawn), wallet), amount_supplier=M(sum(p for _, _, p in drawn), supplier),
        lines=tuple(ln for ln, _, _ in drawn),
        supplier=Supplier(draw(st.sampled_from([None, "Hotel Okura", "SAS", "Ølbaren; \"Kbh\""]))),
        note=draw(st.sampled_from([None, "", "client visit"])),
        bookkeeping_method=draw(st.sampled_from([None, "journal", "accounts_payable"])),
    )


def _signed(p: Posting) -> Decimal:
    return p.debit - p.credit


def _split(entry):
    """(line postings, contra posting or None): the contra posting is always the last one."""
    if entry.gross.is_zero():
        assert all(p.line_id is not None for p in entry.postings)
        return list(entry.postings), None
    assert entry.postings[-1].line_id is None
    assert all(p.line_id is not None for p in entry.postings[:-1])
    return list(entry.postings[:-1]), entry.postings[-1]


PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(expenses_st())
def test_every_entry_balances_to_the_cent(e):
    entry = post(e, MAPPINGS, CHART)
    assert entry.is_balanced()
    assert sum(p.debit for p in entry.postings) == sum(p.credit for p in entry.postings)
    exponent = -minor_exponent(e.currency)
    for p in entry.postings:
        assert p.currency == e.currency
        assert p.debit >= 0 and p.credit >= 0 and (p.debit == 0) != (p.credit == 0)
        for value in (p.debit, p.credit):
            assert value == value.quantize(Decimal(1).scaleb(exponent))


@PROPERTY
@given(expenses_st())
def test_contra_equals_the_gross_and_lines_add_up_to_it(e):
    entry = post(e, MAPPINGS, CHART)
    lines, contra = _split(entry)
    if contra is not None:
        assert contra.account == entry.contra_account == MAPPINGS.contra[entry.contra_role]
        assert contra.tax_role is None and contra.category_key is None
        assert _signed(contra) == -e.amount.amount
    expense_side = sum((_signed(p) for p in lines if p.tax_role is None), Z)
    input_tax = sum((_signed(p) for p in lines if p.tax_role == "input"), Z)
    output_tax = sum((-_signed(p) for p in lines if p.tax_role == "output"), Z)
    assert expense_side + input_tax - output_tax == e.amount.amount
    # each line's tax posting is exactly Pleo's tax amount, never recomputed
    for ln in e.lines:
        if ln.tax is not None and ln.tax.amount.amount:
            (mine,) = [p for p in lines if p.tax_role == "input" and p.line_id == ln.line_id]
            assert _signed(mine) == ln.tax.amount.amount
            assert mine.tax_base == (ln.net.amount if ln.tax.amount.amount > 0 else -ln.net.amount)


@PROPERTY
@given(expenses_st())
def test_reverse_charge_tax_postings_cancel(e):
    entry = post(e, MAPPINGS, CHART)
    postings = list(entry.postings)
    outputs = [i for i, p in enumerate(postings) if p.tax_role == "output"]
    reverse_lines = [ln for ln in e.lines if ln.tax and ln.tax.type is TaxType.REVERSE and ln.tax.amount.amount]
    assert len(outputs) == len(reverse_lines)
    for i, ln in zip(outputs, reverse_lines):
        inp, out = postings[i - 1], postings[i]
        assert inp.tax_role == "input" and inp.account == "1510" and out.account == "1520"
        assert _signed(inp) + _signed(out) == 0
        assert _signed(inp) == ln.tax.amount.amount
        assert inp.tax_code == out.tax_code == "RC21"


def _no_floats(value, path="entry"):
    assert not isinstance(value, float), path
    if isinstance(value, (tuple, list)):
        for i, v in enumerate(value):
            _no_floats(v, f"{path}[{i}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            _no_floats(getattr(value, f.name), f"{path}.{f.name}")


@PROPERTY
@given(expenses_st())
def test_posting_never_produces_a_float(e):
    entry = post(e, MAPPINGS, CHART)
    _no_floats(entry)
    for p in entry.postings:
        assert type(p.debit) is Decimal and type(p.credit) is Decimal
        assert p.tax_base is None or type(p.tax_base) is Decimal
        assert p.foreign is None or type(p.foreign.amount) is Decimal


def _mirror(e: Expense) -> Expense:
    def neg_tax(t):
        return dataclasses.replace(t, amount=-t.amount, amount_supplier=-t.amount_supplier) if t else None

    return dataclasses.replace(
        e, id=e.id, kind=ExpenseKind.REFUND, amount=-e.amount, amount_supplier=-e.amount_supplier,
        lines=tuple(dataclasses.replace(ln, amount=-ln.amount, amount_supplier=-ln.amount_supplier, net=-ln.net,
                                        net_supplier=-ln.net_supplier, tax=neg_tax(ln.tax)) for ln in e.lines))


@PROPERTY
@given(expenses_st(kinds=(ExpenseKind.CARD_PURCHASE,)))
def test_a_refund_is_exactly_the_mirror_of_the_purchase(purchase):
    refund = _mirror(purchase)
    a, b = post(purchase, MAPPINGS, CHART), post(refund, MAPPINGS, CHART)
    assert len(a.postings) == len(b.postings)
    for p, q in zip(a.postings, b.postings):
        # foreign amounts are on the posting's side, so they stay as they are
        assert q == dataclasses.replace(p, debit=p.credit, credit=p.debit,
                                        description=q.description)   # "card purchase" vs "refund" without payee
    assert b.gross == -a.gross and b.contra_account == a.contra_account


@PROPERTY
@given(expenses_st())
def test_foreign_amounts_are_pleos_supplier_amounts_on_the_posting_side(e):
    entry = post(e, MAPPINGS, CHART)
    by_line = {ln.line_id: ln for ln in e.lines}
    for p in entry.postings:
        if p.line_id is None:
            assert p.foreign is None                   # the contra posting
            continue
        ln = by_line[p.line_id]
        if ln.amount_supplier.currency == e.currency:
            assert p.foreign is None
            continue
        side = 1 if p.debit else -1
        signed_foreign = p.foreign.amount * side
        if p.tax_role is None:
            assert signed_foreign == (ln.net_supplier if ln.tax else ln.amount_supplier).amount
        elif p.tax_role == "input":
            assert signed_foreign == ln.tax.amount_supplier.amount
        else:
            assert signed_foreign == -ln.tax.amount_supplier.amount


def test_reimbursement_lines_without_category_go_to_the_out_of_pocket_account():
    """Pleo sends reimbursement payouts with lines that carry no category: they settle the
    out-of-pocket debt, so they are booked there, not held."""
    from decimal import Decimal

    from pleodesk.core.ledger import ContraRole, LedgerAccount, LedgerChart, Mappings
    from pleodesk.core.model import Expense, ExpenseKind, ExpenseLine, Party
    from pleodesk.core.money import Money
    from pleodesk.core.posting import post
    from pleodesk.core.validation import validate
    from datetime import datetime, timezone

    eur = Money(Decimal("80.00"), "EUR")
    chart = LedgerChart(accounts={c: LedgerAccount(c, c) for c in ("1100", "1610", "1620")})
    m = Mappings(contra={ContraRole.WALLET: "1100", ContraRole.OUT_OF_POCKET: "1610",
                         ContraRole.EXTERNAL_REIMBURSEMENT: "1620"})
    for kind, contra in ((ExpenseKind.DIRECT_REIMBURSEMENT, "1100"), (ExpenseKind.EXTERNAL_REIMBURSEMENT, "1620")):
        e = Expense(id=f"r-{kind.value}", company_id="c", kind=kind, sub_type="reimbursement_to_employee",
                    booked_at=datetime(2026, 8, 3, tzinfo=timezone.utc), amount=eur, amount_supplier=eur,
                    lines=(ExpenseLine("l1", None, eur, eur, eur, eur, None),), employee=Party("u", "Anna Vos"))
        report = validate([e], m, chart)
        assert report.ok_ids == [e.id] and not report.problems
        entry = post(e, m, chart)
        assert [(p.account, p.debit, p.credit) for p in entry.postings] == [
            ("1610", Decimal("80.00"), Decimal(0)), (contra, Decimal(0), Decimal("80.00"))]


def test_a_new_accounts_code_fits_the_chart():
    """Suggested codes follow the chart's usual length and never take a code that is in use."""
    from pleodesk.core.ledger import free_account_code

    dutch = {"161000": 1, "130000": 1, "100000": 1, "4000": 1}           # mostly six digits
    assert free_account_code("1610", dutch) == "161001"
    assert free_account_code("1620", dutch) == "162000"
    assert free_account_code("1610", {"1000": 1, "1600": 1}) == "1610"   # a four-digit chart
    assert free_account_code("1610", {"1610": 1, "1611": 1, "2000": 1}) == "1612"
    assert free_account_code("1610", ()) == "1610"
