"""From LedgerEntry to Xero document: amounts exactly as Pleo booked them, VAT rounding made explicit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pleodesk.core.ledger import ContraRole, LedgerEntry, Posting
from pleodesk.core.model import ExpenseKind
from pleodesk.core.money import Money
from pleodesk.providers.xero import documents as D
from pleodesk.providers.xero.documents import Context, DocumentError, XeroAccount, XeroTax

Z = Decimal(0)


def ctx(**kw) -> Context:
    accounts = {c: XeroAccount(c, n, t, True, f"id-{c}", "EUR" if t == "BANK" else None)
                for c, n, t in [("PLEOBANK", "Pleo", "BANK"), ("PLEOPOCKET", "Pocket", "BANK"), ("090", "Bank", "BANK"),
                                ("4000", "Travel", "EXPENSE"), ("4100", "Meals", "EXPENSE"),
                                ("8600", "Rounding", "EXPENSE"), ("1600", "AP", "CURRLIAB")]}
    accounts["4900"] = XeroAccount("4900", "Old", "EXPENSE", False)
    taxes = {t.code: t for t in [
        XeroTax("TAX001", "21%", Decimal("0.21"), Decimal("0.21")),
        XeroTax("TAX002", "9%", Decimal("0.09"), Decimal("0.09")),
        XeroTax("NONE", "No VAT", Z, Z),
        XeroTax("TAX003", "Reverse 21%", Z, Decimal("0.21")),
        XeroTax("TAX005", "old", Decimal("0.06"), Decimal("0.06"), active=False)]}
    base = dict(accounts=accounts, taxes=taxes, base_currency="EUR", no_tax_type="NONE", rounding_account="8600")
    base.update(kw)
    return Context(**base)


def P(account, amount, *, tax_code=None, role=None, base=None, line="l1", dims=()):
    amount = Decimal(amount)
    return Posting(account=account, debit=max(amount, Z), credit=max(-amount, Z), currency="EUR",
                   description="Taxi - ride", tax_code=tax_code, tax_role=role, tax_base=base, dimensions=dims,
                   line_id=line)


def entry(*postings, contra="PLEOBANK", role=ContraRole.WALLET, kind=ExpenseKind.CARD_PURCHASE, eid="e1"):
    lines = list(postings)
    gross = sum((p.signed for p in lines), Z)          # money out of the counter account: positive
    contra_p = Posting(account=contra, debit=max(-gross, Z), credit=max(gross, Z), currency="EUR",
                       description="Taxi - ride")
    return LedgerEntry(expense_id=eid, reference=f"PLEO-{eid}", idempotency_key="k-" + eid, date=date(2026, 5, 4),
                       kind=kind, description="Taxi - ride", payee="Uber", employee="Emma Bakker",
                       gross=Money(gross, "EUR"), contra_role=role, contra_account=contra,
                       postings=tuple(lines) + (contra_p,), web_url="https://app.pleo.io/expenses/e1")


def test_inclusive_vat_as_pleo_computes_it_is_one_line():
    # 10.00 gross at 21 %: Pleo's VAT 1.74, net 8.26. Inclusive 10.00 gives Xero 1.74 exactly.
    e = entry(P("4000", "8.26", tax_code="TAX001"), P("1500", "1.74", tax_code="TAX001", role="input", base=Decimal("8.26")))
    doc = D.build(e, ctx())
    assert doc.endpoint == "BankTransactions"
    b = doc.body
    assert b["Type"] == "SPEND" and b["BankAccount"] == {"Code": "PLEOBANK"} and b["Reference"] == "PLEO-e1"
    assert b["LineAmountTypes"] == "Inclusive"
    assert b["LineItems"] == [{"Description": "Taxi - ride", "Quantity": Decimal(1), "UnitAmount": Decimal("10.00"),
                               "LineAmount": Decimal("10.00"), "AccountCode": "4000", "TaxType": "TAX001",
                               "TaxAmount": Decimal("1.74")}]
    assert doc.notes == [] and doc.contact_name == "Uber"


def test_vat_computed_from_net_or_gross_is_always_one_exact_line():
    """Whether Pleo took the VAT from the net (net x rate) or from the gross (gross x rate / (1 + rate)),
    one of Xero's two ways of writing amounts reproduces it: no rounding line, unless the product sits
    exactly on a half cent (where Xero's rounding rule is not documented)."""
    q = Decimal("0.01")
    c = ctx()
    for code, rate in (("TAX001", Decimal("0.21")), ("TAX002", Decimal("0.09"))):
        for cents in range(1, 5000, 3):
            amount = Decimal(cents) / 100
            for net, vat in ((amount, (amount * rate).quantize(q, rounding="ROUND_HALF_UP")),
                             (amount - (amount * rate / (1 + rate)).quantize(q, rounding="ROUND_HALF_UP"),
                              (amount * rate / (1 + rate)).quantize(q, rounding="ROUND_HALF_UP"))):
                if net <= 0 or vat == 0:
                    continue
                doc = D.build(entry(P("4000", net, tax_code=code),
                                    P("1500", vat, tax_code=code, role="input", base=net)), c)
                exact = len(doc.body["LineItems"]) == 1 and not doc.notes
                tie = (net * rate * 1000) % 10 == 5 or ((net + vat) * rate / (1 + rate) * 1000) % 10 == 5
                assert exact or tie, (code, net, vat, doc.body)


def test_vat_a_cent_below_xeros_is_kept_exact_with_an_untaxed_rest():
    # net 8.26, Pleo VAT 1.72: Xero would compute 1.73 (Exclusive) or 1.73/1.74 (Inclusive). The taxed part
    # shrinks until Xero's VAT is 1.72; the rest goes without VAT on the same account.
    e = entry(P("4000", "8.26", tax_code="TAX001"), P("1500", "1.72", tax_code="TAX001", role="input", base=Decimal("8.26")))
    doc = D.build(e, ctx())
    lines = doc.body["LineItems"]
    assert len(lines) == 2
    taxed, rest = lines
    assert taxed["TaxType"] == "TAX001" and taxed["TaxAmount"] == Decimal("1.72")
    assert rest["TaxType"] == "NONE" and rest["TaxAmount"] == Z and rest["AccountCode"] == "4000"
    inclusive = doc.body["LineAmountTypes"] == "Inclusive"
    total = sum(l["LineAmount"] for l in lines) + (Z if inclusive else taxed["TaxAmount"])
    assert total == Decimal("9.98")
    assert "VAT rounding" in doc.notes[0] and "1.72" in doc.notes[0]
    # the Xero VAT of the taxed part is certain (no rounding tie)
    assert D.xero_tax_candidates(taxed["LineAmount"], Decimal("0.21"), inclusive, Decimal("0.01")) == {Decimal("1.72")}


def test_vat_a_cent_above_xeros_goes_to_the_rounding_account():
    e = entry(P("4000", "8.26", tax_code="TAX001"), P("1500", "1.75", tax_code="TAX001", role="input", base=Decimal("8.26")))
    doc = D.build(e, ctx())
    lines = doc.body["LineItems"]
    assert doc.body["LineAmountTypes"] == "Inclusive"     # Xero's 1.74 is closer: one cent on the rounding account
    assert [(l["AccountCode"], l["TaxType"], l["LineAmount"], l["TaxAmount"]) for l in lines] == [
        ("4000", "TAX001", Decimal("10.00"), Decimal("1.74")), ("8600", "NONE", Decimal("0.01"), Z)]
    assert sum(l["LineAmount"] for l in lines) == Decimal("10.01")
    assert "8600" in doc.notes[0] and "0.01" in doc.notes[0]


def test_more_than_rounding_apart_is_refused():
    e = entry(P("4000", "100.00", tax_code="TAX001"), P("1500", "10.00", tax_code="TAX001", role="input", base=Decimal(100)))
    with pytest.raises(DocumentError) as exc:
        D.build(e, ctx())
    assert "more than rounding apart" in exc.value.title and "several VAT rates" in exc.value.fix


def test_no_tax_code_sends_an_explicit_zero_rate():
    e = entry(P("4000", "12.50"))
    line = D.build(e, ctx()).body["LineItems"][0]
    assert line["TaxType"] == "NONE" and line["TaxAmount"] == Z and line["LineAmount"] == Decimal("12.50")
    with pytest.raises(DocumentError, match="0 %"):
        D.build(e, ctx(no_tax_type=None))


def test_a_category_default_tax_with_a_rate_but_no_pleo_vat_is_refused():
    e = entry(P("4000", "12.10", tax_code="TAX001"))
    with pytest.raises(DocumentError, match="Pleo booked VAT 0"):
        D.build(e, ctx())


def test_reverse_charge_books_the_net_with_the_reverse_rate():
    e = entry(P("4000", "100.00", tax_code="TAX003"),
              P("1500", "21.00", tax_code="TAX003", role="input", base=Decimal(100)),
              P("1510", "-21.00", tax_code="TAX003", role="output", base=Decimal(100)))
    doc = D.build(e, ctx())
    assert [(l["LineAmount"], l["TaxType"], l["TaxAmount"]) for l in doc.body["LineItems"]] == [
        (Decimal("100.00"), "TAX003", Z)]
    # a reverse-charge expense mapped to a normal rate is refused
    e2 = entry(P("4000", "100.00", tax_code="TAX001"),
               P("1500", "21.00", tax_code="TAX001", role="input", base=Decimal(100)),
               P("1510", "-21.00", tax_code="TAX001", role="output", base=Decimal(100)))
    with pytest.raises(DocumentError, match="not a reverse-charge rate"):
        D.build(e2, ctx())


def test_refund_is_receive_money_with_positive_lines():
    e = entry(P("4000", "-8.26", tax_code="TAX001"), P("1500", "-1.74", tax_code="TAX001", role="input", base=Decimal("-8.26")),
              kind=ExpenseKind.REFUND)
    doc = D.build(e, ctx())
    assert doc.body["Type"] == "RECEIVE"
    assert doc.body["LineItems"][0]["LineAmount"] == Decimal("10.00")


def test_mixed_signs_and_too_many_tracking_categories_are_refused():
    mixed = entry(P("4000", "20.00", line="a"), P("4100", "-5.00", line="b"))
    with pytest.raises(DocumentError, match="every line must be positive"):
        D.build(mixed, ctx())
    dims = (("Department", "Sales"), ("Project", "Atlas"), ("Region", "North"))
    with pytest.raises(DocumentError, match="Xero allows 2"):
        D.build(entry(P("4000", "5.00", dims=dims)), ctx())


def test_tracking_and_several_lines():
    e = entry(P("4000", "8.26", tax_code="TAX001", line="a", dims=(("Department", "Sales"),)),
              P("1500", "1.74", tax_code="TAX001", role="input", base=Decimal("8.26"), line="a"),
              P("4100", "9.17", tax_code="TAX002", line="b", dims=(("Department", "Sales"), ("Project", "Atlas"))),
              P("1500", "0.83", tax_code="TAX002", role="input", base=Decimal("9.17"), line="b"))
    doc = D.build(e, ctx())
    lines = doc.body["LineItems"]
    assert [l["AccountCode"] for l in lines] == ["4000", "4100"]
    assert lines[1]["Tracking"] == [{"Name": "Department", "Option": "Sales"}, {"Name": "Project", "Option": "Atlas"}]
    assert sum(l["LineAmount"] for l in lines) == Decimal("20.00")


def test_archived_account_and_inactive_tax_are_refused_before_sending():
    with pytest.raises(DocumentError, match="archived"):
        D.build(entry(P("4900", "5.00")), ctx())
    with pytest.raises(DocumentError, match="cannot be used on expenses"):
        D.build(entry(P("4000", "5.00", tax_code="TAX005"), P("1500", "0.30", tax_code="TAX005", role="input",
                                                              base=Decimal(5))), ctx())


def test_out_of_pocket_as_bill_or_spend_money():
    e = entry(P("4100", "9.17", tax_code="TAX002"), P("1500", "0.83", tax_code="TAX002", role="input", base=Decimal("9.17")),
              contra="PLEOPOCKET", role=ContraRole.OUT_OF_POCKET, kind=ExpenseKind.OUT_OF_POCKET)
    spend = D.build(e, ctx())
    assert spend.endpoint == "BankTransactions" and spend.body["BankAccount"] == {"Code": "PLEOPOCKET"}
    bill = D.build(e, ctx(out_of_pocket_as="bill", post=False))
    assert bill.endpoint == "Invoices" and bill.contact_name == "Emma Bakker" and bill.contact_role == "employee"
    assert bill.body["Type"] == "ACCPAY" and bill.body["InvoiceNumber"] == "PLEO-e1" and bill.body["Status"] == "DRAFT"
    assert "Reference" not in bill.body


def test_a_negative_invoice_is_a_supplier_credit_note_with_positive_lines():
    # a Pleo invoice (accounts payable) with money back: 100.00 net + 21.00 VAT credited by the supplier
    e = entry(P("4000", "-100.00", tax_code="TAX001", dims=(("Department", "Sales"),)),
              P("1500", "-21.00", tax_code="TAX001", role="input", base=Decimal("-100.00")),
              contra="1600", role=ContraRole.PAYABLE, kind=ExpenseKind.INVOICE)
    doc = D.build(e, ctx())
    assert doc.endpoint == "CreditNotes" and doc.contact_name == "Uber" and doc.contact_role == "supplier"
    b = doc.body
    assert b["Type"] == "ACCPAYCREDIT" and b["CreditNoteNumber"] == "PLEO-e1" and b["Status"] == "AUTHORISED"
    assert b["CurrencyCode"] == "EUR" and b["Date"] == "2026-05-04"
    # Xero's CreditNote has no Url, and Reference is for sales credit notes only
    assert "Url" not in b and "Reference" not in b and "InvoiceNumber" not in b and "DueDate" not in b
    assert b["LineItems"] == [{"Description": "Taxi - ride", "Quantity": Decimal(1), "UnitAmount": Decimal("121.00"),
                               "LineAmount": Decimal("121.00"), "AccountCode": "4000", "TaxType": "TAX001",
                               "TaxAmount": Decimal("21.00"), "Tracking": [{"Name": "Department", "Option": "Sales"}]}]
    assert D.build(e, ctx(post=False)).body["Status"] == "DRAFT"


def test_a_credit_note_keeps_pleos_vat_with_an_explicit_rounding_line():
    e = entry(P("4000", "-8.26", tax_code="TAX001"), P("1500", "-1.75", tax_code="TAX001", role="input", base=Decimal("-8.26")),
              contra="1600", role=ContraRole.PAYABLE, kind=ExpenseKind.INVOICE)
    doc = D.build(e, ctx())
    assert doc.endpoint == "CreditNotes"
    assert [(l["AccountCode"], l["TaxType"], l["LineAmount"], l["TaxAmount"]) for l in doc.body["LineItems"]] == [
        ("4000", "TAX001", Decimal("10.00"), Decimal("1.74")), ("8600", "NONE", Decimal("0.01"), Z)]
    assert "VAT rounding" in doc.notes[0]


def test_a_negative_out_of_pocket_bill_is_a_credit_note_to_the_employee():
    e = entry(P("4100", "-9.17", tax_code="TAX002"), P("1500", "-0.83", tax_code="TAX002", role="input", base=Decimal("-9.17")),
              contra="PLEOPOCKET", role=ContraRole.OUT_OF_POCKET, kind=ExpenseKind.OUT_OF_POCKET)
    assert D.build(e, ctx()).body["Type"] == "RECEIVE"                  # booked as money: receive money
    doc = D.build(e, ctx(out_of_pocket_as="bill", post=False))
    assert doc.endpoint == "CreditNotes" and doc.contact_name == "Emma Bakker" and doc.contact_role == "employee"
    assert doc.body["Type"] == "ACCPAYCREDIT" and doc.body["Status"] == "DRAFT"
    assert sum(l["LineAmount"] for l in doc.body["LineItems"]) == Decimal("10.00")
    mixed = entry(P("4000", "-20.00", line="a"), P("4100", "5.00", line="b"), contra="1600", role=ContraRole.PAYABLE,
                  kind=ExpenseKind.INVOICE)
    with pytest.raises(DocumentError, match="every line must be positive"):
        D.build(mixed, ctx())


def test_a_counter_account_that_is_not_a_bank_account_is_refused():
    e = entry(P("4000", "5.00"), contra="1600", role=ContraRole.EXTERNAL_REIMBURSEMENT)
    with pytest.raises(DocumentError, match="spend money needs a Xero bank account"):
        D.build(e, ctx())


def test_money_between_bank_accounts_is_a_transfer():
    topup = entry(P("090", "-500.00"), kind=ExpenseKind.WALLET_TOPUP)
    doc = D.build(topup, ctx())
    assert doc.endpoint == "BankTransfers" and doc.contact_name is None
    assert doc.body == {"FromBankAccount": {"Code": "090"}, "ToBankAccount": {"Code": "PLEOBANK"},
                        "Amount": Decimal("500.00"), "Date": "2026-05-04", "Reference": "PLEO-e1"}


def test_every_rounding_case_keeps_the_total_and_pleos_net():
    """Exhaustive: for nets 0.01..30.00 at 21 % and 9 %, with Pleo's VAT computed three ways (and a cent
    off), the document's total is always the gross, and the expense account gets Pleo's net exactly
    whenever Xero can be made to book Pleo's VAT."""
    c = ctx()
    q = Decimal("0.01")
    checked = 0
    for code, rate in (("TAX001", Decimal("0.21")), ("TAX002", Decimal("0.09"))):
        for cents in range(1, 3001, 7):
            net = Decimal(cents) / 100
            base_vat = (net * rate).quantize(q, rounding="ROUND_HALF_UP")
            for vat in {base_vat, base_vat + q, max(base_vat - q, Z)}:
                e = entry(P("4000", net, tax_code=code), *( [P("1500", vat, tax_code=code, role="input", base=net)]
                                                          if vat else []))
                try:
                    doc = D.build(e, c)
                except DocumentError:
                    continue
                lines = doc.body["LineItems"]
                inclusive = doc.body["LineAmountTypes"] == "Inclusive"
                total = sum(l["LineAmount"] + (Z if inclusive else l["TaxAmount"]) for l in lines)
                assert total == net + vat, (net, vat)
                assert all(l["LineAmount"] > 0 for l in lines)
                xero_vat = sum(l["TaxAmount"] for l in lines)
                on_account = sum(l["LineAmount"] - (l["TaxAmount"] if inclusive else Z)
                                 for l in lines if l["AccountCode"] == "4000")
                if xero_vat == vat:
                    assert on_account == net
                else:
                    assert xero_vat < vat and any(l["AccountCode"] == "8600" for l in lines)
                checked += 1
    assert checked > 2000
