"""Configure: the chart as pleodesk sees it, and the accounts and journals it finds or creates."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pleodesk.providers.base import LedgerError
from pleodesk.providers.odoo import settings_from_setup


def test_taxes_are_keyed_by_amount_type_and_price_include_not_by_name(make_provider, version):
    chart = make_provider().read_chart()
    assert sorted(chart.taxes) == ["0.0-percent-excl", "21.0-percent-excl", "21.0-percent-excl-reverse",
                                   "21.0-percent-incl", "9.0-percent-excl", "9.0-percent-incl"]
    high = chart.taxes["21.0-percent-excl"]
    assert high.name == ("21%" if version == 17 else "BTW te vorderen hoog (inkopen)")
    assert (high.rate, high.type, high.input_account, high.output_account) == (Decimal("0.21"), "exclusive",
                                                                                "1510", None)
    assert chart.taxes["21.0-percent-incl"].type == "inclusive"
    rc = chart.taxes["21.0-percent-excl-reverse"]
    assert (rc.type, rc.input_account, rc.output_account) == ("reverse", "1510", "1520")
    assert all(t.id and t.id.isdigit() for t in chart.taxes.values())


def test_accounts_and_dimensions(make_provider):
    chart = make_provider().read_chart()
    assert chart.accounts["4300"].name == "Office supplies" and chart.accounts["4300"].type == "expense"
    assert chart.accounts["1600"].type == "payable" and chart.accounts["1100"].type == "bank"
    assert chart.accounts["4900"].active is False          # deprecated in Odoo
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
    assert settings["accounts"] == {"wallet": "1190", "out_of_pocket": "1691", "external_reimbursement": "1692",
                                    "payable": "1690"}
    assert len(odoo.records["account.account"]) == accounts_before + 4
    assert len(odoo.records["account.journal"]) == journals_before + 2
    assert odoo.account("1690")["account_type"] == "liability_payable"
    journals = {j["code"]: j for j in odoo.records["account.journal"].values() if j["company_id"] == 1}
    assert journals["PLEO"]["type"] == "general" and journals["PLEOB"]["type"] == "purchase"
    assert settings["journals"] == {"pleo": journals["PLEO"]["id"], "bills": journals["PLEOB"]["id"]}

    again = make_provider().ensure_setup({})        # a new provider finds them by name and code
    assert again["accounts"] == settings["accounts"] and again["journals"] == settings["journals"]
    assert make_provider().ensure_setup(settings)["account_ids"] == settings["account_ids"]
    assert len(odoo.records["account.account"]) == accounts_before + 4
    assert len(odoo.records["account.journal"]) == journals_before + 2


def test_ensure_setup_uses_the_accounts_and_journals_given(make_provider, odoo):
    before = len(odoo.records["account.account"])
    s = make_provider().ensure_setup({"accounts": {"wallet": "1100", "payable": "1600"},
                                      "journals": {"bills": "BILL", "bank": "BNK1"}})
    assert s["accounts"]["wallet"] == "1100" and s["accounts"]["payable"] == "1600"
    assert len(odoo.records["account.account"]) == before + 2        # only the two not given
    bill = next(j for j in odoo.records["account.journal"].values() if j["code"] == "BILL" and j["company_id"] == 1)
    assert s["journals"]["bills"] == bill["id"] and s["journals"]["bank"] == "BNK1"


def test_ensure_setup_refuses_a_payable_account_of_another_type(make_provider):
    with pytest.raises(LedgerError, match="not of the type Payable"):
        make_provider().ensure_setup({"accounts": {"payable": "4300"}})


def test_ensure_setup_in_the_second_company(make_provider, odoo):
    s = make_provider(company_id=2).ensure_setup({})
    assert odoo.account(s["accounts"]["wallet"], company_id=2)
    with pytest.raises(KeyError):
        odoo.account("1691", company_id=1)


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
