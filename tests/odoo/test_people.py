"""Who is on the lines in Odoo: suppliers found by VAT number and by name without legal forms, new
suppliers without a payable account of their own, the employee on out-of-pocket and payout lines,
and a warning when an employee has no work contact (Odoo 16)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pleodesk.core.model import ExpenseKind, Supplier
from pleodesk.providers.odoo.partners import best_match, normalise_name

from .helpers import entries, expense, line

WALLET, OOP, PAYABLE = "119000", "169100", "169000"


@pytest.fixture
def setup(make_provider):
    settings = make_provider().ensure_setup({"create_taxes": ["0% excl"]})

    def provider(**options):
        return make_provider(**{**settings, "post": True, "options": options})

    provider.settings = settings
    return provider


def book(p, *expenses):
    es = entries(expenses, p.settings, p.read_chart())
    return es, p.send_batch(es)


def partner_named(odoo, name):
    return [p for p in odoo.partners() if p["name"] == name]


@pytest.mark.parametrize("pleo, odoo_name", [
    ("Coolblue", "Coolblue B.V."), ("coolblue bv", "Coolblue B.V."), ("Zalando", "Zalando SE"),
    ("Acme GmbH & Co. KG", "ACME"), ("Maersk A/S", "Maersk"), ("Amazon EU S.à r.l.", "Amazon EU"),
    ("Pleo Technologies ApS", "Pleo Technologies"), ("Société Générale SAS", "Societe Generale"),
])
def test_names_are_compared_without_legal_forms(pleo, odoo_name):
    assert normalise_name(pleo) == normalise_name(odoo_name)


def test_a_different_name_is_not_the_same_supplier():
    assert normalise_name("Coolblue") != normalise_name("Coolblue Zakelijk")
    partners = [{"id": 1, "name": "Coolblue Zakelijk B.V.", "vat": None, "is_company": True}]
    assert best_match("Coolblue", None, partners) is None


def test_the_vat_number_wins_over_the_name():
    partners = [{"id": 1, "name": "Coolblue B.V.", "vat": None, "is_company": True},
                {"id": 2, "name": "Coolblue Belgie", "vat": "BE 0867.686.774", "is_company": True}]
    assert best_match("Coolblue", "BE0867686774", partners)["id"] == 2
    assert best_match("Coolblue", None, partners)["id"] == 1


def test_a_bill_goes_to_the_supplier_odoo_has_by_name_or_vat(setup, odoo):
    kpn = partner_named(odoo, "KPN B.V.")[0]
    odoo._new("res.partner", {"name": "Coolblue B.V.", "company_id": None, "is_company": True, "supplier_rank": 2,
                              "active": True, "email": None, "vat": None, "country_code": "NL", "_payable": {}})
    coolblue = partner_named(odoo, "Coolblue B.V.")[0]
    before = len(odoo.partners())
    by_vat = replace(expense("v1", line("4300", "121.00", "21%"), supplier="Koninklijke KPN"),
                     supplier=Supplier("Koninklijke KPN", "NL", tax_identifier="NL 0092.92.056.B01"))
    _, results = book(setup(card_expenses="bill"), expense("n1", line("4300", "121.00", "21%"), supplier="Coolblue"),
                      by_vat)
    assert all(r.ok for r in results), [r.error for r in results]
    bills = {m["ref"]: m for m in odoo.moves() if m["move_type"] == "in_invoice"}
    assert bills["PLEO-n1"]["partner_id"] == coolblue["id"]
    assert bills["PLEO-v1"]["partner_id"] == kpn["id"]
    assert len(odoo.partners()) == before                    # nobody new


def test_new_suppliers_keep_odoos_payable_account_and_the_bill_owes_on_pleos(setup, odoo):
    """A supplier pleodesk creates gets no payable account of its own, so bills entered in Odoo later
    default to Odoo's Creditors; pleodesk's bill owes the supplier on the Pleo payable account."""
    _, results = book(setup(card_expenses="bill"), expense("p1", line("4300", "121.00", "21%"), supplier="Bol.com"),
                      expense("p2", line("4300", "60.50", "21%"), supplier="Bol.com"))
    assert all(r.ok for r in results)
    (bol,) = partner_named(odoo, "Bol.com")                  # created once, with the batch
    assert bol["_payable"] == {} and bol["supplier_rank"] == 1
    p = setup()
    (row,) = p.rpc.execute("res.partner", "read", [bol["id"]], ["property_account_payable_id"])
    assert row["property_account_payable_id"][1].startswith("130000")
    for m in odoo.moves():
        if m["move_type"] == "in_invoice":
            term = [ln for ln in m["lines"] if ln["display_type"] == "payment_term"]
            assert [ln["account_code"] for ln in term] == [PAYABLE]
            assert m["payment_state"] == "paid"               # matched with the entry that paid it


def test_lines_on_a_payable_account_carry_the_supplier(setup, odoo):
    """A Pleo invoice paid from the wallet debits the payable account: that line is with the supplier,
    so Odoo can match it with the supplier's bill."""
    from pleodesk.core.ledger import CategoryMapping
    from pleodesk.core.posting import post

    from .helpers import mappings

    p = setup()
    chart = p.read_chart()
    m = mappings(setup.settings, odoo.version)
    m.categories["AP"] = CategoryMapping(PAYABLE)
    paid = replace(expense("i2", line("AP", "60.50", None), kind=ExpenseKind.INVOICE_PAYMENT, supplier="KPN B.V."))
    (r,) = p.send_batch([post(paid, m, chart)])
    assert r.ok, r.error
    kpn = partner_named(odoo, "KPN B.V.")[0]["id"]
    (payment,) = odoo.moves()
    assert [(ln["account_code"], ln["debit"], ln["partner_id"]) for ln in payment["lines"]] == [
        (PAYABLE, 60.5, kpn), (WALLET, 0.0, None)]


@pytest.mark.parametrize("kind, contra", [(ExpenseKind.DIRECT_REIMBURSEMENT, WALLET),
                                          (ExpenseKind.EXTERNAL_REIMBURSEMENT, "169200")])
def test_reimbursement_payouts_carry_the_employee(setup, odoo, kind, contra):
    """"Reimbursed to personal card" / "Paid with salary": the line settling what the company owes the
    employee says who it is, so the out-of-pocket account can be matched per person."""
    _, results = book(setup(), expense("r1", line(None, "-45.00", None), kind=kind, supplier=None))
    assert results[0].ok, results[0].error
    (m,) = odoo.moves()
    anna = partner_named(odoo, "Anna de Vries")[0]["id"]
    owed = [ln for ln in m["lines"] if ln["account_code"] == OOP]
    assert owed and all(ln["partner_id"] == anna for ln in owed)
    assert [ln["account_code"] for ln in m["lines"] if ln["account_code"] != OOP] == [contra]


def test_an_employee_without_a_work_contact_is_named_with_the_expense(setup, odoo, version, caplog):
    _, results = book(setup(), expense("m1", line("4700", "23.10", None), kind=ExpenseKind.MILEAGE, supplier=None,
                                       employee="Bram Jansen"),
                      expense("m2", line("4700", "12.00", None), kind=ExpenseKind.MILEAGE, supplier=None,
                              employee="Bram Jansen"))
    assert all(r.ok for r in results)
    moves = {m["ref"]: m for m in odoo.moves()}
    (owed,) = [ln for ln in moves["PLEO-m1"]["lines"] if ln["account_code"] == OOP]
    if version == 16:
        assert owed["partner_id"] is None
        assert all("Bram Jansen has no work contact in Odoo" in r.notes[0] for r in results)
        assert sum("Bram Jansen" in rec.getMessage() for rec in caplog.records) == 1     # warned once
    else:
        bram = partner_named(odoo, "Bram Jansen")[0]["id"]
        assert owed["partner_id"] == bram and results[0].notes == ()


def test_a_supplier_odoo_will_not_create_fails_only_its_expenses(setup, odoo, monkeypatch):
    from pleodesk.sandbox import odoo_emulator

    real = odoo_emulator.Env.create

    def refuse(self, model, vals):
        if model == "res.partner":
            raise odoo_emulator.access_error("You are not allowed to create 'Contact' (res.partner) records.")
        return real(self, model, vals)

    monkeypatch.setattr(odoo_emulator.Env, "create", refuse)
    _, results = book(setup(card_expenses="bill"), expense("k1", line("4300", "121.00", "21%"), supplier="KPN B.V."),
                      expense("k2", line("4300", "60.50", "21%"), supplier="Bol.com"))
    assert results[0].ok and not results[1].ok
    assert "Odoo did not create the supplier Bol.com" in results[1].error.title
    assert {m["ref"] for m in odoo.moves()} == {"PLEO-k1"}
