"""A small French company for the FEC and summary tests: a PCG chart, mappings and expenses."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from pleodesk.core.ledger import (CategoryMapping, ContraRole, LedgerAccount, LedgerChart, LedgerDimension,
                                  LedgerTax, Mappings)
from pleodesk.core.model import Category, Expense, ExpenseKind, ExpenseLine, Party, Supplier, Tag, Tax, TaxType
from pleodesk.core.money import Money
from pleodesk.core.posting import post

D = Decimal
SIREN = "732829320"          # a valid SIREN (Luhn)

CHART = LedgerChart(
    accounts={a.code: a for a in [
        LedgerAccount("512100", "Banque Pleo", "bank"),
        LedgerAccount("421000", "Personnel - rémunérations dues", "liability"),
        LedgerAccount("445660", "TVA déductible sur autres biens et services", "tax"),
        LedgerAccount("445662", "TVA déductible intracommunautaire", "tax"),
        LedgerAccount("445200", "TVA due intracommunautaire", "tax"),
        LedgerAccount("606400", "Fournitures administratives"),
        LedgerAccount("625100", "Voyages et déplacements"),
        LedgerAccount("625700", "Réceptions"),
        LedgerAccount("651000", "Redevances pour logiciels"),
        LedgerAccount("627000", "Services bancaires"),
        LedgerAccount("609999", "Ancien compte", active=False),
        LedgerAccount("WALLET", "Not a PCG account", "bank"),
    ]},
    taxes={t.code: t for t in [
        LedgerTax("TVA20", "TVA 20 %", D("0.20"), input_account="445660"),
        LedgerTax("TVA10", "TVA 10 %", D("0.10"), input_account="445660"),
        LedgerTax("TVA55", "TVA 5,5 %", D("0.055"), input_account="445660"),
        LedgerTax("AI20", "Autoliquidation 20 %", D("0.20"), "reverse", input_account="445662",
                  output_account="445200"),
    ]},
    dimensions={"Projet": LedgerDimension("Projet", frozenset({"Atlas", "Borée"}))},
)
MAPPINGS = Mappings(
    categories={"6064": CategoryMapping("606400"), "6251": CategoryMapping("625100"),
                "6257": CategoryMapping("625700"), "6510": CategoryMapping("651000"),
                "6270": CategoryMapping("627000")},
    taxes={"20%": "TVA20", "10%": "TVA10", "5.5%": "TVA55", "AI20": "AI20"},
    tag_groups={"PROJET": "Projet"},
    tags={("PROJET", "ATL"): "Atlas", ("PROJET", "BOR"): "Borée"},
    contra={ContraRole.WALLET: "512100", ContraRole.OUT_OF_POCKET: "421000"},
)
RATES = {"20%": D("0.20"), "10%": D("0.10"), "5.5%": D("0.055"), "AI20": D("0.20")}


def M(minor: int, currency: str = "EUR") -> Money:
    return Money.from_minor(minor, currency)


def expense(eid: str, *, day: date = date(2026, 8, 14), category: str | None = "6251", gross: int = 12000,
            tax: str | None = "20%", supplier: tuple[int, str] | None = None, kind=ExpenseKind.CARD_PURCHASE,
            tags: tuple[tuple[str, str], ...] = (), note: str | None = None, payee: str = "SNCF Voyageurs",
            lines: list[tuple[str | None, int, str | None]] | None = None, receipts=()) -> Expense:
    """One expense. ``gross`` in cents (negative for money back); ``tax``: a key of ``RATES`` or None;
    ``lines``: several (category, gross, tax) lines instead of one."""
    specs = lines or [(category, gross, tax)]
    out_lines = []
    total = 0
    for i, (cat, g, tx) in enumerate(specs):
        t = None
        net = g
        if tx:
            rate = RATES[tx]
            if tx == "AI20":
                amount = (abs(g) * rate).quantize(D(1))
                t = Tax(tx, rate, TaxType.REVERSE, M(int(amount) * (1 if g >= 0 else -1)),
                        M(int(amount) * (1 if g >= 0 else -1)), id="t-ai")
            else:
                amount = (abs(g) * rate / (1 + rate)).quantize(D(1))
                signed = int(amount) * (1 if g >= 0 else -1)
                net = g - signed
                t = Tax(tx, rate, TaxType.INCLUSIVE, M(signed), M(signed), id=f"t-{tx}")
        sup_amount = M(g) if supplier is None else M(supplier[0] if i == 0 else 0, supplier[1])
        sup_net = M(net) if supplier is None else sup_amount
        out_lines.append(ExpenseLine(
            f"{eid}-l{i}", Category(f"cat-{cat}", f"Category {cat}", cat) if cat else None, M(g), sup_amount,
            M(net), sup_net, t, tuple(Tag(f"tag-{c}", c, grp) for grp, c in tags)))
        total += g
    when = datetime(day.year, day.month, day.day, 10, 30, tzinfo=timezone(timedelta(hours=2)))
    sup_total = M(total) if supplier is None else M(supplier[0], supplier[1])
    return Expense(id=eid, company_id="co", kind=kind, sub_type=None, booked_at=when, amount=M(total),
                   amount_supplier=sup_total, lines=tuple(out_lines), supplier=Supplier(payee, "FR"),
                   employee=Party("u1", "Camille Martin"), note=note)


def entry(eid: str, receipts: tuple[str, ...] = (), **kw):
    from dataclasses import replace

    e = post(expense(eid, **kw), MAPPINGS, CHART)
    return replace(e, receipts=receipts) if receipts else e


def settings(folder, **kw) -> dict:
    out = {"folder": str(folder), "siren": SIREN, "ledger": "other", "journal_code": "PLEO", "journal_label": "Pleo",
           "fiscal_year_end": "12-31"}
    out.update(kw)
    return out
