"""Configure: the chart as pleodesk sees it, and the Pleo accounts created (or explained) as Pleo does."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from pleodesk.providers.base import LedgerError
from pleodesk.providers.xero import create_provider

from xero_testkit import requires_specs, sign_in


@requires_specs
def test_read_chart(provider, recorder):
    chart = provider.read_chart()
    acc = chart.accounts
    assert {c: acc[c].name for c in ("4000", "4010", "4100", "4800")} == {
        "4000": "Travel", "4010": "Taxi", "4100": "Meals", "4800": "Bank charges"}
    assert acc["4000"].type == "expense" and acc["090"].type == "bank" and acc["1500"].type == "tax"
    assert acc["4900"].active is False                              # archived in Xero
    taxes = chart.taxes
    assert taxes["TAX001"].rate == Decimal("0.21") and taxes["TAX002"].rate == Decimal("0.09")
    assert taxes["NONE"].rate == 0
    assert taxes["TAX003"].type == "reverse" and taxes["TAX003"].rate == Decimal("0.21")
    assert "TAX004" not in taxes                                    # sales only: not usable on expenses
    assert taxes["TAX005"].active is False                          # archived
    assert all(t.input_account == "1500" for t in taxes.values())   # Xero's VAT system account
    dept = chart.dimensions["Department"]
    assert "Sales" in dept.values and "Legacy" in dept.archived_values and "Legacy" not in dept.values
    assert "Mercury" in chart.dimensions["Project"].archived_values
    assert provider._chart.currencies >= {"EUR", "GBP"}
    recorder.assert_valid()


@requires_specs
def test_ensure_setup_creates_the_pleo_accounts_once(provider, xero, recorder):
    out = provider.ensure_setup({"wallet_currency": "EUR"})
    assert out["bank_account_code"] == "PLEOBANK" and out["default_account_code"] == "PLEO"
    assert out["out_of_pocket_account_code"] == "PLEOPOCKET"
    accounts = {a["Code"]: a for a in xero.demo.accounts}
    assert accounts["PLEOBANK"]["Type"] == "BANK" and accounts["PLEOBANK"]["Name"] == "Pleo Account"
    assert accounts["PLEOBANK"]["CurrencyCode"] == "EUR"
    assert accounts["PLEO"]["Type"] == "EXPENSE" and accounts["PLEOPOCKET"]["Type"] == "BANK"
    n = len(xero.demo.accounts)
    again = provider.ensure_setup({"wallet_currency": "EUR"})
    assert again["bank_account_id"] == out["bank_account_id"] and len(xero.demo.accounts) == n
    recorder.assert_valid()


def test_bills_mode_needs_no_pocket_account(provider, xero):
    out = provider.ensure_setup({"wallet_currency": "EUR", "out_of_pocket_as": "bill"})
    assert "out_of_pocket_account_code" not in out
    assert "PLEOPOCKET" not in {a["Code"] for a in xero.demo.accounts}


def test_a_wallet_in_another_enabled_currency(provider, xero):
    out = provider.ensure_setup({"wallet_currency": "GBP"})
    bank = next(a for a in xero.demo.accounts if a["Code"] == "PLEOBANK")
    assert bank["CurrencyCode"] == "GBP" and bank["Name"] == "Pleo Account GBP"
    assert out["wallet_currency"] == "GBP"


def test_a_currency_that_cannot_be_enabled_is_explained(provider, xero):
    xero.demo.multicurrency = False
    with pytest.raises(LedgerError) as exc:
        provider.ensure_setup({"wallet_currency": "SEK"})
    assert "SEK" in exc.value.title and "Settings > Currencies" in exc.value.fix
    assert exc.value.reason_type == "missing_configuration"


def test_enabling_a_currency(provider, xero):
    provider.ensure_setup({"wallet_currency": "DKK"})
    assert "DKK" in {c["Code"] for c in xero.demo.currencies}


def test_an_existing_account_that_is_not_a_bank_account_is_explained(provider):
    with pytest.raises(LedgerError) as exc:
        provider.ensure_setup({"wallet_currency": "EUR", "bank_account_code": "4000"})
    assert "EXPENSE account" in exc.value.title and "Choose another account" in exc.value.fix


def test_a_us_organisation_asks_for_the_accounts_by_hand(base_settings, port, recorder, xero, tmp_path):
    us = xero.add_org("Pleo Demo Inc", country="US", currency="USD", version="US")
    xero.consent = [us.tenant_id]
    settings = {**base_settings, "wallet_currency": "USD"}
    settings.update(sign_in(settings, port, recorder, conn_id=2))
    p = create_provider(SimpleNamespace(id=2, name="US", settings=settings), transport=recorder)
    with pytest.raises(LedgerError) as exc:
        p.ensure_setup({"wallet_currency": "USD"})
    e = exc.value
    assert "US organisation" in e.title and "PLEOBANK" in e.title
    assert "create a bank account named 'Pleo Account' with code PLEOBANK in USD by hand" in e.fix
    assert "cannot be created through the API" in e.detail
    # the user creates it by hand; the setup then picks it up
    us.accounts.append({"AccountID": "7f1e4a9c-0000-4000-8000-000000000001", "Code": "PLEOBANK",
                        "Name": "Pleo Account", "Type": "BANK", "Status": "ACTIVE", "CurrencyCode": "USD",
                        "BankAccountNumber": "1234", "BankAccountType": "BANK"})
    us.accounts.append({"AccountID": "7f1e4a9c-0000-4000-8000-000000000002", "Code": "PLEOPOCKET",
                        "Name": "Pleo out-of-pocket", "Type": "BANK", "Status": "ACTIVE", "CurrencyCode": "USD",
                        "BankAccountNumber": "5678", "BankAccountType": "BANK"})
    out = p.ensure_setup({"wallet_currency": "USD"})
    assert out["bank_account_code"] == "PLEOBANK" and out["default_account_code"] == "PLEO"
    p.close()


def test_a_us_organisation_sets_up_what_it_can_and_leaves_the_rest_to_choose(base_settings, port, recorder, xero):
    """The wizard's way: the accounts Xero refuses are listed, not fatal; the ones the user then
    chooses are checked, the one left unchosen is not asked for again."""
    us = xero.add_org("Pleo Demo Inc", country="US", currency="USD", version="US")
    xero.consent = [us.tenant_id]
    settings = {**base_settings, "wallet_currency": "USD"}
    settings.update(sign_in(settings, port, recorder, conn_id=3))
    p = create_provider(SimpleNamespace(id=3, name="US", settings=settings), transport=recorder)
    out, missing = p.setup_accounts({"wallet_currency": "USD"})
    assert [(m.role, m.type, m.currency, m.why) for m in missing] == [("wallet", "BANK", "USD", "us"),
                                                                       ("out_of_pocket", "BANK", "USD", "us")]
    assert "bank_account_code" not in out and "out_of_pocket_account_code" not in out
    assert out["default_account_code"] == "PLEO" and out["accounts_by_hand"] == ["out_of_pocket", "wallet"]
    fix = missing[0].error.fix
    assert "Bank account and journals" in fix and "bank_account_code" in fix and "Xero settings" not in fix
    again = p.ensure_setup({**out, "bank_account_code": "090"})
    assert again["bank_account_code"] == "090" and again["accounts_by_hand"] == ["out_of_pocket"]
    assert "out_of_pocket_account_code" not in again
    with pytest.raises(LedgerError) as exc:          # a chosen account that cannot be the Pleo bank account
        p.ensure_setup({**out, "bank_account_code": "4000"})
    assert "EXPENSE account" in exc.value.title
    assert not any(a["Code"] in ("PLEOBANK", "PLEOPOCKET") for a in us.accounts)
    p.close()


def test_check_reports_a_missing_bank_account(configured, xero):
    assert configured.check().ok
    xero.demo.accounts = [a for a in xero.demo.accounts if a["Code"] != "PLEOBANK"]
    configured._chart = None
    result = configured.check()
    assert not result.ok and "PLEOBANK" in result.messages[0] and "setup again" in result.messages[0]


def test_ensure_setup_returns_the_settings_to_store(provider):
    """As every provider's: the settings it was given, with what the setup found added."""
    given = {**provider.settings, "wallet_currency": "EUR", "post": True, "bank_feed": True}
    out = provider.ensure_setup(dict(given))
    assert {k: out[k] for k in given} == given
    assert out["bank_account_code"] == "PLEOBANK" and out["out_of_pocket_account_code"] == "PLEOPOCKET"


def test_saving_a_setup_keeps_the_connection_settings(sandbox, xero, base_settings, port, recorder, pleodesk_home):
    """``pleodesk setup`` and the wizard save through check_plan(prepare=True) and apply_plan, which
    store what ensure_setup returns: the organisation, the addresses and the options stay."""
    from pleodesk.providers.xero.auth import token_store
    from pleodesk.sandbox.xero_emulator import SANDBOX_CLIENT_ID
    from pleodesk.setup_file import apply_plan, check_plan, plan_from_dict
    from pleodesk.storage import open_store

    from xero_testkit import SCALE, TENANT

    settings = dict(base_settings)
    settings.update(sign_in(settings, port, recorder, conn_id="sign-in"))
    refresh_token = token_store("sign-in", settings).load().refresh_token
    data = {
        "connection": {"name": "Demo B.V. Xero", "system": "xero"},
        "pleo": {"base_url": sandbox.pleo_url, "company_id": sandbox.company_id, "api_key_env": "PLEO_KEY"},
        "xero": {"sandbox_url": sandbox.url, "client_id": SANDBOX_CLIENT_ID, "tenant_id": TENANT,
                 "wallet_currency": "EUR", "refresh_token_env": "XERO_REFRESH", "rate_limits": {"time_scale": SCALE}},
        "accounts": {"wallet": "PLEOBANK"},
        "categories": {"4000": "4000"},
        "options": {"post": True, "bank_feed": True},
    }
    plan = plan_from_dict(data, env={"PLEO_KEY": sandbox.api_key, "XERO_REFRESH": refresh_token}, where="test")
    assert check_plan(plan, prepare=True) == []
    store = open_store()
    try:
        conn = apply_plan(store, plan)
    finally:
        store.close()
    s = conn.settings
    assert s["tenant_id"] == TENANT and s["client_id"] == SANDBOX_CLIENT_ID
    assert s["api_url"] == base_settings["api_url"] and s["token_url"] == base_settings["token_url"]
    assert s["post"] is True and s["bank_feed"] is True
    assert s["bank_account_code"] == "PLEOBANK" and s["default_account_code"] == "PLEO"
