"""Configure: the chart as pleodesk sees it, and the accounts and journals it finds or creates."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pleodesk.providers.base import LedgerError
from pleodesk.providers.odoo import settings_from_setup


#: The purchase taxes of a fresh Dutch company (l10n_nl) as Odoo names them
PURCHASE_17 = {"9%", "9% INC", "21%", "21% INC", "21% O", "9% S", "21% S", "21% S O", "21% R", "9% EX EU",
               "21% EX EU", "9% EX EU S", "21% EX EU S", "9% EX O EU", "21% EX O EU", "21% EX O EU O",
               "9% EX O EU S", "21% EX O EU S"}


def test_taxes_are_named_as_in_odoo_and_described_by_what_they_are(make_provider, version):
    chart = make_provider().read_chart()
    if version == 17:
        assert set(chart.taxes) == PURCHASE_17          # 18, and no 0 % purchase tax
        incl, rc, eu = chart.taxes["21% INC"], chart.taxes["21% R"], chart.taxes["21% EX EU S"]
        assert incl.name == "21%, price included (VAT receivable high (purchases incl. VAT))"
    else:
        assert len(chart.taxes) == 28 and "BTW te vorderen laag (inkopen) 6%" in chart.taxes
        incl = chart.taxes["BTW te vorderen hoog (inkopen incl. BTW)"]
        rc = chart.taxes["BTW af te dragen verlegd (inkopen)"]
        eu = chart.taxes["Inkopen import binnen EU hoog diensten"]
        assert incl.name == "21%, price included (21% BTW Incl.)"
    assert (incl.rate, incl.type, incl.input_account, incl.output_account) == (Decimal("0.21"), "inclusive",
                                                                                "152000", None)
    # reverse charge: a +100 % and a -100 % tax line (17's "21% R" books both on 150400)
    assert (rc.type, rc.input_account, rc.output_account) == ("reverse", "150400", "150400")
    assert (eu.type, eu.input_account, eu.output_account) == ("reverse", "158400", "157600")
    assert "reverse charge" in eu.name
    assert all(t.id and t.id.isdigit() for t in chart.taxes.values())


def test_a_tax_by_what_it_is_resolves_when_one_fits_and_lists_them_when_several(make_provider, version):
    from pleodesk.providers.odoo.taxes import TaxKeyError

    p = make_provider()
    p.read_chart()
    assert p.resolve_tax_code("21% incl") == ("21% INC" if version == 17 else "BTW te vorderen hoog (inkopen incl. BTW)")
    assert p.resolve_tax_code("9% INC") == ("9% INC" if version == 17 else "BTW te vorderen laag (inkopen incl. BTW) 9%")
    with pytest.raises(TaxKeyError) as info:
        p.resolve_tax_code("21% excl")
    if version == 17:
        assert "fits 4 of Odoo's purchase taxes" in str(info.value)
        for name in ('"21%"', '"21% O"', '"21% S"', '"21% S O"'):
            assert name in str(info.value)
    with pytest.raises(TaxKeyError) as info:
        p.resolve_tax_code("0% excl")
    if version == 17:
        assert "has no active purchase tax of 0%, price excluded, not reverse charge" in str(info.value)
    else:
        # 16's only 0 % purchase taxes are intra-EU imports: refused, with them listed, never chosen silently
        assert "fits 2" in str(info.value) and "Inkopen import binnen EU overig" in str(info.value)
    with pytest.raises(TaxKeyError, match="not the name of one of Odoo's purchase taxes"):
        p.resolve_tax_code("Voorbelasting")


def test_old_keys_in_stored_mappings_migrate_to_the_tax_they_named(make_provider, odoo, version):
    """Keys of earlier versions (``21.0-percent-excl``, the second of a kind with its id) name, on the same
    database, exactly the tax they named before."""
    p = make_provider()
    chart = p.read_chart()
    reps = odoo.records["account.tax.repartition.line"]
    reverse = [t for t in sorted(odoo.records["account.tax"].values(), key=lambda t: t["id"])
               if t["company_id"] == 1 and t["type_tax_use"] == "purchase" and t["amount"] == 21
               and any(reps[i]["factor_percent"] < 0 for i in t["invoice_repartition_line_ids"])]
    first_rc, second_rc = reverse[0], reverse[1]
    renames = p.migrate_tax_codes(["21.0-percent-incl", "21.0-percent-excl-reverse",
                                   f"21.0-percent-excl-reverse-{second_rc['id']}", "21% INC", "nonsense"])
    assert renames == {
        "21.0-percent-incl": "21% INC" if version == 17 else "BTW te vorderen hoog (inkopen incl. BTW)",
        "21.0-percent-excl-reverse": first_rc["name"],
        f"21.0-percent-excl-reverse-{second_rc['id']}": second_rc["name"]}
    assert set(renames.values()) <= set(chart.taxes)
    # in a setup file an old key is read by what it says; its id suffix must name a tax of that meaning
    assert p.resolve_tax_code(f"21.0-percent-excl-reverse-{second_rc['id']}") == second_rc["name"]


def test_accounts_and_dimensions(make_provider, odoo, version):
    odoo.deprecate("439000")
    chart = make_provider().read_chart()
    assert len(chart.accounts) == 355                       # l10n_nl: 346 + what installing the chart adds
    assert chart.accounts["431000"].name == ("Office supplies" if version == 17 else "Kantoorbenodigdheden")
    assert chart.accounts["431000"].type == "expense"
    assert chart.accounts["130000"].type == "payable" and chart.accounts["103001"].type == "bank"
    assert chart.accounts["439000"].active is False          # deprecated in Odoo
    assert set(chart.dimensions) == {"Projects", "Departments"}
    projects = chart.dimensions["Projects"]
    assert projects.values == {"Project Alpha", "Project Beta"}
    assert projects.archived_values == {"Old project"}


def test_every_plan_is_offered_when_more_than_five_exist(make_provider, odoo):
    """The Labels page lets at most 5 go to Pleo; the chart itself hides none of them."""
    extra = [f"Plan {n}" for n in range(1, 6)]
    for name in extra:
        odoo._new("account.analytic.plan", {"name": name, "parent_id": None, "default_applicability": "optional",
                                            "company_id": None})
    chart = make_provider().read_chart()
    assert set(chart.dimensions) == {"Projects", "Departments", *extra}


def test_at_most_the_chosen_plans_are_synced(make_provider):
    chart = make_provider(options={"analytic_plans": ["Departments"]}).read_chart()
    assert list(chart.dimensions) == ["Departments"]


def test_ensure_setup_creates_once_and_finds_the_second_time(make_provider, odoo):
    p = make_provider()
    accounts_before = len(odoo.records["account.account"])
    journals_before = len(odoo.records["account.journal"])
    settings = p.ensure_setup({})
    # the default codes padded to the chart's six digits
    assert settings["accounts"] == {"wallet": "119000", "out_of_pocket": "169100",
                                    "external_reimbursement": "169200", "payable": "169000"}
    assert len(odoo.records["account.account"]) == accounts_before + 4
    assert len(odoo.records["account.journal"]) == journals_before + 2
    assert odoo.account("169000")["account_type"] == "liability_payable"
    journals = {j["code"]: j for j in odoo.records["account.journal"].values() if j["company_id"] == 1}
    assert journals["PLEO"]["type"] == "general" and journals["PLEOB"]["type"] == "purchase"
    assert settings["journals"] == {"pleo": journals["PLEO"]["id"], "bills": journals["PLEOB"]["id"]}

    again = make_provider().ensure_setup({})        # a new provider finds them by name and code
    assert again["accounts"] == settings["accounts"] and again["journals"] == settings["journals"]
    assert make_provider().ensure_setup(settings)["account_ids"] == settings["account_ids"]
    assert len(odoo.records["account.account"]) == accounts_before + 4
    assert len(odoo.records["account.journal"]) == journals_before + 2


def test_preview_setup_plans_what_ensure_setup_makes_and_makes_nothing(make_provider, odoo, version):
    p = make_provider()
    counts = {m: len(odoo.records[m]) for m in ("account.account", "account.journal", "account.tax")}
    chart = p.read_chart()
    planned, with_planned = p.preview_setup({"accounts": {"wallet": "119000"}, "create_taxes": ["0% excl"]}, chart)
    assert {m: len(odoo.records[m]) for m in counts} == counts           # nothing was created
    assert planned["accounts"] == {"wallet": "119000", "out_of_pocket": "169100",
                                   "external_reimbursement": "169200", "payable": "169000"}
    assert {"119000", "169000", "169100", "169200"} <= set(with_planned.accounts) - set(chart.accounts)
    assert with_planned.taxes["0%"].rate == 0 and "0%" not in chart.taxes
    assert p.resolve_tax_code("0%") == "0%"                             # a file may map to it already
    if version == 17:
        assert p.resolve_tax_code("0% excl") == "0%"                    # on 16 the EU-import taxes fit too
    made = make_provider().ensure_setup({"accounts": {"wallet": "119000"}, "create_taxes": ["0% excl"]})
    assert made["accounts"] == planned["accounts"]


def test_the_missing_zero_percent_purchase_tax_is_created_once(make_provider, odoo, version):
    before = len(odoo.records["account.tax"])
    make_provider().ensure_setup({"create_taxes": ["0% excl"]})
    (tax,) = [t for t in odoo.records["account.tax"].values() if t["name"] == "0%" and t["type_tax_use"] == "purchase"]
    assert (tax["amount"], tax["amount_type"], tax["price_include"], tax["company_id"]) == (0.0, "percent", False, 1)
    make_provider().ensure_setup({"create_taxes": ["0% excl"]})
    assert len(odoo.records["account.tax"]) == before + 1
    chart = make_provider().read_chart()
    assert chart.taxes["0%"].type == "exclusive" and chart.taxes["0%"].rate == 0
    with pytest.raises(LedgerError, match="only 0% purchase taxes"):
        make_provider().ensure_setup({"create_taxes": ["21% excl"]})


def test_the_wallet_is_the_account_of_the_pleo_bank_journal(make_provider, odoo):
    journal = odoo.add_pleo_wallet_journal()
    code = odoo.account_code(journal["default_account_id"])
    s = make_provider().ensure_setup({"journals": {"bank": journal["code"]}})
    assert s["accounts"]["wallet"] == code and odoo.account(code)["name"] == "Pleo Wallet"
    with pytest.raises(KeyError):
        odoo.account("119000")                        # no second wallet account


def test_ensure_setup_uses_the_accounts_and_journals_given(make_provider, odoo):
    before = len(odoo.records["account.account"])
    s = make_provider().ensure_setup({"accounts": {"wallet": "103001", "payable": "130000"},
                                      "journals": {"bills": "BILL", "bank": "BNK1"}})
    assert s["accounts"]["wallet"] == "103001" and s["accounts"]["payable"] == "130000"
    assert len(odoo.records["account.account"]) == before + 2        # only the two not given
    bill = next(j for j in odoo.records["account.journal"].values() if j["code"] == "BILL" and j["company_id"] == 1)
    assert s["journals"]["bills"] == bill["id"] and s["journals"]["bank"] == "BNK1"


def test_ensure_setup_refuses_a_payable_account_of_another_type(make_provider):
    with pytest.raises(LedgerError, match="not of the type Payable"):
        make_provider().ensure_setup({"accounts": {"payable": "431000"}})


def test_ensure_setup_in_the_second_company(make_provider, odoo):
    s = make_provider(company_id=2).ensure_setup({})
    assert odoo.account(s["accounts"]["wallet"], company_id=2)
    with pytest.raises(KeyError):
        odoo.account("169100", company_id=1)


def test_user_without_rights_cannot_configure(make_provider, odoo):
    p = make_provider(login="billing@demo.example", key=odoo.USER_KEYS["billing@demo.example"])
    with pytest.raises(LedgerError) as info:
        p.ensure_setup({})
    assert "not allowed" in info.value.title and "Accountant or Adviser" in info.value.fix


# ------------------------------------------------------------------ setup file ------------------
def _secret(key, label):
    assert (key, label) == ("api_key", "Odoo API key")
    return "the-key"


def test_settings_from_setup():
    settings, secrets = settings_from_setup({
        "url": "https://mycompany.odoo.com/web#action=1", "database": "mycompany", "login": "bk@example.com",
        "api_key_env": "ODOO_API_KEY", "company_id": 1, "card_expenses": "bill", "out_of_pocket": "entry",
        "accounts": {"wallet": "1190"}, "journals": {"pleo": "PLEO"}, "bank_journal": "BNK1",
        "analytic_plans": ["Projects"], "draft": True, "kinds": {"refund": "entry"},
    }, _secret)
    assert secrets == {"odoo_api_key": "the-key"}
    assert settings["url"] == "https://mycompany.odoo.com" and settings["company_id"] == 1
    assert settings["journals"] == {"pleo": "PLEO", "bank": "BNK1"}
    assert settings["options"] == {"card_expenses": "bill", "out_of_pocket": "entry", "kinds": {"refund": "entry"},
                                   "analytic_plans": ["Projects"], "post": False}


@pytest.mark.parametrize("section,message", [
    ({"database": "x", "login": "y"}, "url"),
    ({"url": "http://odoo.example.com", "database": "x", "login": "y"}, "must use https"),
    ({"url": "https://o.example.com", "login": "y"}, "database is missing"),
    ({"url": "https://o.example.com", "database": "x", "login": "y", "card_expenses": "invoice"}, "entry"),
    ({"url": "https://o.example.com", "database": "x", "login": "y", "accounts": {"bank": "1"}}, "not a role"),
    ({"url": "https://o.example.com", "database": "x", "login": "y", "colour": "red"}, "not a setting"),
    ({"url": "https://o.example.com", "database": "x", "login": "y",
      "analytic_plans": ["a", "b", "c", "d", "e", "f"]}, "at most 5"),
])
def test_settings_from_setup_refuses_bad_sections(section, message):
    with pytest.raises(ValueError, match=message):
        settings_from_setup(section, _secret)


def test_a_plain_http_odoo_on_the_office_network_needs_allow_http():
    section = {"url": "http://odoo.office.lan:8069", "database": "x", "login": "y", "api_key_env": "ODOO_API_KEY"}
    with pytest.raises(ValueError, match="allow_http = true"):
        settings_from_setup(section, _secret)
    settings, _ = settings_from_setup({**section, "allow_http": True}, _secret)
    assert settings["url"] == "http://odoo.office.lan:8069" and "allow_http" not in settings
    with pytest.raises(ValueError, match="must use https"):
        settings_from_setup({**section, "allow_http": "yes"}, _secret)     # only a real true


def test_example_setup_file_reads(monkeypatch):
    from pathlib import Path

    from pleodesk.setup_file import load_setup_file

    example = Path(__file__).resolve().parents[2] / "examples" / "odoo.toml"
    plan = load_setup_file(example, env={"PLEO_API_KEY": "pleo", "ODOO_API_KEY": "odoo"}, interactive=False)
    assert plan.system == "odoo"
    assert plan.ledger_secrets == {"odoo_api_key": "odoo"}
    assert plan.settings["url"].startswith("https://") and plan.settings["options"]["card_expenses"] == "entry"
