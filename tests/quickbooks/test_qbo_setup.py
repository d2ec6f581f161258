"""Step 1 of Pleo's help article: the Pleo bank account (France: 512 "Banque Pleo" with a journal code) and,
with Pleo Pocket, the Pocket account, found or created; what the chart offers; companies pleodesk cannot
book into are refused with a clear message and nothing changed."""

from __future__ import annotations

import pytest

from pleodesk.providers.base import LedgerError
from pleodesk.sandbox.qbo_emulator import US_REALM

from qbo_testkit import free_port, sign_in



def _banks(qbo):
    return {a["Name"]: a for a in qbo.demo.all("Account") if a["AccountType"] == "Bank"}


def test_the_pleo_bank_account_is_created_once_with_its_journal_code(provider, qbo, recorder):
    out = provider.ensure_setup({"wallet_currency": "EUR", "pocket": True})
    banks = _banks(qbo)
    pleo, pocket = banks["Banque Pleo"], banks["Pleo Pocket"]
    assert pleo["AcctNum"] == "512" and pleo["JournalCodeRef"]["name"] == "BQ" and pleo["AccountSubType"] == "Checking"
    assert pocket["AcctNum"] == "5121"
    assert out["bank_account_id"] == pleo["Id"] and out["bank_account_code"] == "512"
    assert out["pocket_account_code"] == "5121" and out["country"] == "FR" and out["home_currency"] == "EUR"
    # Again: found, not created twice.
    again = provider.ensure_setup({"wallet_currency": "EUR", "pocket": True})
    assert again["bank_account_id"] == pleo["Id"] and len(_banks(qbo)) == 4
    recorder.assert_valid()


def test_name_number_and_journal_code_as_the_user_edited_them(provider, qbo):
    out = provider.ensure_setup({"bank_account": {"name": "Pleo", "number": "5125", "journal_code": "BP"}})
    acc = _banks(qbo)["Pleo"]
    assert acc["AcctNum"] == "5125" and acc["JournalCodeRef"]["name"] == "BP"
    bp = next(j for j in qbo.demo.all("JournalCode") if j["Name"] == "BP")
    assert bp["Type"] == "Bank" and out["bank_account"] == {"name": "Pleo", "number": "5125", "journal_code": "BP"}
    assert "pocket_account_id" not in out          # no Pleo Pocket: no Pocket account


@pytest.mark.parametrize("given, message", [
    ({"name": "Banque Pleo", "number": "512000"}, "number 512000 is already used by Banque"),
    ({"name": "Fournitures administratives", "number": ""}, "is an account of type Expense"),
    ({"name": "Banque Pleo", "journal_code": "Banque"}, "is not a journal code QuickBooks takes"),
])
def test_what_cannot_be_the_pleo_bank_account_is_named_and_nothing_created(provider, qbo, given, message):
    before = len(qbo.demo.all("Account")), len(qbo.demo.all("JournalCode"))
    with pytest.raises(LedgerError, match=message) as err:
        provider.ensure_setup({"bank_account": given})
    assert err.value.fix
    assert (len(qbo.demo.all("Account")), len(qbo.demo.all("JournalCode"))) == before


def test_a_us_company_is_refused_with_a_clear_message(qbo, base_settings, recorder, monkeypatch):
    from types import SimpleNamespace

    from pleodesk.providers.quickbooks import create_provider

    qbo.consent_realm = US_REALM
    port = free_port()
    from pleodesk.sandbox.qbo_emulator import SANDBOX_CLIENT_ID

    qbo.clients[SANDBOX_CLIENT_ID].redirect_uris.add(f"http://localhost:{port}/callback")
    monkeypatch.setenv("PLEODESK_QBO_REDIRECT_URI", f"http://localhost:{port}/callback")
    settings = {**base_settings, **sign_in(base_settings, port, recorder, conn_id=5)}
    p = create_provider(SimpleNamespace(id=5, name="us", settings=settings), transport=recorder)
    try:
        before = len(qbo.company(US_REALM).all("Account"))
        check = p.check()
        assert not check.ok and "US company" in check.messages[0] and "nothing was changed" in check.messages[0]
        with pytest.raises(LedgerError, match="cannot book into this QuickBooks company"):
            p.ensure_setup({})
        assert len(qbo.company(US_REALM).all("Account")) == before
    finally:
        p.close()


def test_a_company_without_the_pleo_bank_account_any_more(configured, qbo):
    assert configured.check().ok
    pleo = _banks(qbo)["Banque Pleo"]
    del qbo.demo.entities["Account"][pleo["Id"]]
    check = configured.check()
    assert not check.ok and "The Pleo bank account 512 is not in QuickBooks any more" in check.messages[0]


def test_the_chart_offers_expense_accounts_purchase_vat_classes_locations_projects(provider, qbo):
    chart = provider.read_chart()
    assert chart.accounts["625100"].type == "expense" and chart.accounts["512000"].type == "bank"
    assert chart.accounts["401000"].type == "payable" and not chart.accounts["625900"].active
    assert set(chart.taxes) == {"TVA 20 %", "TVA 10 %", "TVA 5,5 %", "TVA 2,1 %", "Exonéré", "Autoliquidation UE 20 %",
                                "TVA 19,6 % (ancien)"}           # purchase rates only; sales-only codes left out
    assert chart.taxes["TVA 5,5 %"].rate == __import__("decimal").Decimal("0.055")
    assert chart.taxes["Autoliquidation UE 20 %"].type == "reverse" and not chart.taxes["TVA 19,6 % (ancien)"].active
    assert chart.dimensions["Class"].values == {"Ventes", "Technique", "Opérations", "Marketing"}
    assert chart.dimensions["Location"].values == {"Paris", "Lyon"} and "Bordeaux" in chart.dimensions["Location"].archived_values
    assert "Atlas rollout" in chart.dimensions["Project"].values and "Mercury" in chart.dimensions["Project"].archived_values
    # Class tracking off: no Class dimension; the location list under the company's own word.
    qbo.demo.set_pref("AccountingInfoPrefs", "ClassTrackingPerTxnLine", False)
    qbo.demo.set_pref("AccountingInfoPrefs", "DepartmentTerminology", "Établissement")
    chart = provider.read_chart()
    assert "Class" not in chart.dimensions and "Établissement" in chart.dimensions


def test_create_account_from_the_accounts_page(connection, qbo):
    from pleodesk.ui.systems.quickbooks import create_account
    from pleodesk.ui.wizard.state import WizardState

    state = WizardState(conn_id=1, system="quickbooks", system_settings=dict(connection.settings))
    acc = create_account(state, "512300", "Pleo USD", "bank")
    assert acc.code == "512300" and acc.type == "bank" and "512300" in state.chart.accounts
    created = next(a for a in qbo.demo.all("Account") if a.get("AcctNum") == "512300")
    assert created["AccountType"] == "Bank" and created["JournalCodeRef"]["name"] == "BQ"
    again = create_account(state, "512300", "Pleo USD", "bank")
    assert again.id == acc.id
    with pytest.raises(LedgerError, match="already exists in QuickBooks as Banque"):
        create_account(state, "512000", "Autre", "bank")


def test_another_bank_account_chosen_on_the_accounts_page_is_kept(configured, qbo):
    """Page 4 may choose another bank account for the wallet (its code, the id forgotten); saving sets up
    again and must keep that choice, not go back to Banque Pleo."""
    from pleodesk.core.ledger import ContraRole, Mappings
    from pleodesk.ui.systems.quickbooks import settings_for_accounts

    m = Mappings(contra={ContraRole.WALLET: "512000"})
    settings = {**configured.settings, **settings_for_accounts(configured.settings, m)}
    assert settings["bank_account_code"] == "512000" and settings["bank_account_id"] is None
    out = configured.ensure_setup(settings)
    assert out["bank_account_code"] == "512000" and out["bank_account"]["name"] == "Banque"
