"""Hand-built Pleo expenses and the mappings the Odoo tests book them with."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal

from pleodesk.core.ledger import CategoryMapping, ContraRole, LedgerChart, LedgerEntry, Mappings
from pleodesk.core.model import (
    Category,
    Expense,
    ExpenseKind,
    ExpenseLine,
    Party,
    ReceiptFile,
    Supplier,
    Tag,
    Tax,
    TaxType,
)
from pleodesk.core.money import Money
from pleodesk.core.posting import post

CATEGORIES = {
    "4000": "Travel", "4010": "Taxi", "4100": "Meals and entertainment", "4200": "Software and subscriptions",
    "4300": "Office supplies", "4400": "Marketing", "4500": "Phone and internet", "4600": "Training",
    "4700": "Mileage", "4710": "Per diem", "4800": "Bank charges",
}
#: Pleo's demo categories -> accounts of Odoo's Dutch chart (l10n_nl, six digits), as a bookkeeper maps them
ACCOUNTS = {
    "4000": "451000", "4010": "404200", "4100": "451500", "4200": "436000", "4300": "431000", "4400": "452000",
    "4500": "434000", "4600": "404500", "4700": "401800", "4710": "401900", "4800": "463000",
}
#: Pleo's demo tax codes -> Odoo's taxes, by their names (Pleo's 21 % / 9 % are VAT-inclusive amounts); the
#: Dutch chart has no 0 % purchase tax: the tests make one (``zero_tax``)
TAXES = {
    16: {"21%": "BTW te vorderen hoog (inkopen incl. BTW)", "9%": "BTW te vorderen laag (inkopen incl. BTW) 9%",
         "0%": "0%", "RC21": "BTW af te dragen verlegd (inkopen)"},
    17: {"21%": "21% INC", "9%": "9% INC", "0%": "0%", "RC21": "21% R"},
}
RATES = {"21%": (Decimal("0.21"), TaxType.INCLUSIVE), "9%": (Decimal("0.09"), TaxType.INCLUSIVE),
         "0%": (Decimal("0"), TaxType.INCLUSIVE), "RC21": (Decimal("0.21"), TaxType.REVERSE)}


def mappings(settings: dict, version: int = 17) -> Mappings:
    acc = settings["accounts"]
    return Mappings(
        categories={code: CategoryMapping(account=ACCOUNTS[code]) for code in CATEGORIES},
        taxes=dict(TAXES[version]),
        tag_groups={"PROJECT": "Projects", "DEPT": "Departments"},
        tags={("PROJECT", "P1"): "Project Alpha", ("PROJECT", "P2"): "Project Beta",
              ("DEPT", "SALES"): "Sales", ("DEPT", "RND"): "R&D"},
        contra={ContraRole.WALLET: acc["wallet"], ContraRole.OUT_OF_POCKET: acc["out_of_pocket"],
                ContraRole.EXTERNAL_REIMBURSEMENT: acc["external_reimbursement"],
                ContraRole.PAYABLE: acc["payable"]},
    )


def _q(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def line(category: str | None, gross: str, tax: str | None = "21%", *, tags: tuple[tuple[str, str], ...] = (),
         currency: str = "EUR", supplier: tuple[str, str] | None = None, n: int = 1) -> ExpenseLine:
    """A Pleo line of ``gross`` (wallet currency) with Pleo's tax computed as the demo data does."""
    g = Decimal(gross)
    t = None
    net = g
    line_amount = g
    if tax is not None:
        rate, typ = RATES[tax]
        if typ is TaxType.REVERSE:
            tax_amount = _q(g * rate)
            net = g
        else:
            tax_amount = _q(g * rate / (1 + rate))
            net = g - tax_amount
        t = Tax(code=tax, rate=rate, type=typ, amount=Money(tax_amount, currency),
                amount_supplier=Money(tax_amount, currency), id=f"tax-{tax}")
    sup_amount = Money(Decimal(supplier[1]), supplier[0]) if supplier else Money(line_amount, currency)
    sup_net = sup_amount if supplier else Money(net, currency)
    return ExpenseLine(
        line_id=f"line-{n}-{category}-{gross}",
        category=Category(id=f"cat-{category}", name=CATEGORIES.get(category or "", "?"), code=category)
        if category else None,
        amount=Money(line_amount, currency), amount_supplier=sup_amount,
        net=Money(net, currency), net_supplier=sup_net, tax=t,
        tags=tuple(Tag(id=f"{g_}-{c}", code=c, group_code=g_) for g_, c in tags))


def expense(eid: str, *lines: ExpenseLine, kind: ExpenseKind = ExpenseKind.CARD_PURCHASE, day: str = "2026-10-14",
            supplier: str | None = "Coolblue", employee: str = "Anna de Vries", note: str | None = None,
            bookkeeping: str | None = None, sign: int = 1) -> Expense:
    if sign < 0:
        lines = tuple(_negate(ln) for ln in lines)
    currency = lines[0].amount.currency
    total = sum((ln.net.amount if ln.tax and ln.tax.type is TaxType.REVERSE else ln.amount.amount for ln in lines),
                Decimal(0))
    sup_cur = lines[0].amount_supplier.currency
    sup_total = sum((ln.amount_supplier.amount for ln in lines), Decimal(0))
    return Expense(
        id=eid, company_id="pleo-company", kind=kind, sub_type=None,
        booked_at=datetime.fromisoformat(day).replace(hour=12, tzinfo=timezone.utc),
        amount=Money(total, currency), amount_supplier=Money(sup_total, sup_cur), lines=tuple(lines),
        supplier=Supplier(supplier, "NL") if supplier else None,
        employee=Party(f"emp-{employee}", employee), note=note,
        receipts=(ReceiptFile(f"https://files.example/{eid}.pdf", "application/pdf", 10),),
        bookkeeping_method=bookkeeping, web_url=f"https://app.pleo.io/expenses/{eid}")


def _negate(ln: ExpenseLine) -> ExpenseLine:
    from dataclasses import replace

    tax = replace(ln.tax, amount=-ln.tax.amount, amount_supplier=-ln.tax.amount_supplier) if ln.tax else None
    return replace(ln, amount=-ln.amount, amount_supplier=-ln.amount_supplier, net=-ln.net,
                   net_supplier=-ln.net_supplier, tax=tax)


def entries(expenses, settings: dict, chart: LedgerChart, taxes: dict[str, str] | None = None
            ) -> list[LedgerEntry]:
    version = 16 if "BTW te vorderen hoog (inkopen)" in chart.taxes else 17
    m = mappings(settings, version)
    m.taxes.update(taxes or {})
    return [post(e, m, chart) for e in expenses]
