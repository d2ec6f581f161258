"""Automatic matching of Pleo categories and tags (pleodesk.core.matching), without Qt."""

from __future__ import annotations

from pleodesk.core.ledger import LedgerAccount, LedgerChart, LedgerDimension
from pleodesk.core.matching import (category_purpose, match_category, match_dimension, match_dimension_value,
                                    missing_values)


def chart(*accounts: tuple[str, str, str]) -> LedgerChart:
    return LedgerChart(accounts={c: LedgerAccount(c, n, t) for c, n, t in accounts})


XERO = chart(("090", "Business Bank Account", "bank"), ("1100", "Accounts Receivable", "asset"),
             ("1600", "Accounts Payable", "liability"), ("4000", "Travel", "expense"),
             ("4100", "Meals", "expense"), ("8900", "Cashback", "income"))


def test_the_wallet_is_not_matched_to_receivables_with_the_same_code():
    assert category_purpose("Pleo wallet EUR") == "wallet"
    assert match_category("1100", "Pleo wallet EUR", XERO) is None


def test_spend_goes_to_an_expense_account_by_code_then_name():
    assert match_category("4000", "Travel", XERO) == "4000"
    assert match_category("7777", "meals", XERO) == "4100"           # the name, of a fitting type
    assert match_category("1600", "Office supplies", XERO) is None    # 1600 is a liability: never


def test_each_purpose_takes_only_its_types():
    odoo = chart(("1000", "Cash", "bank"), ("1100", "Bank", "bank"), ("1150", "Transfers in transit", "asset"),
                 ("1610", "Out-of-pocket expenses payable", "liability"), ("4000", "Travel", "expense"),
                 ("8900", "Cashback", "income"))
    assert match_category("1100", "Pleo wallet EUR", odoo) == "1100"
    assert match_category("1150", "Wallet top-ups/transfer", odoo) == "1150"
    assert match_category("1000", "Cash withdrawals", odoo) == "1000"
    assert match_category("1610", "Out-of-pocket expenses payable", odoo) == "1610"
    assert match_category("8900", "Cashback", odoo) == "8900"
    assert match_category("4000", "Cashback", chart(("4000", "Travel", "asset"))) is None


def test_archived_accounts_and_ambiguous_names_are_not_taken():
    c = LedgerChart(accounts={"4000": LedgerAccount("4000", "Travel", "expense", active=False),
                              "4001": LedgerAccount("4001", "Taxi", "expense"),
                              "4002": LedgerAccount("4002", "Taxi", "expense")})
    assert match_category("4000", "Travel", c) is None
    assert match_category("9", "Taxi", c) is None


def test_tag_groups_match_singular_and_plural():
    dims = ["Projects", "Departments", "Region"]
    assert match_dimension({"code": "PROJECT", "name": "Project"}, dims) == "Projects"
    assert match_dimension({"code": "DEPT", "name": "Department"}, dims) == "Departments"
    assert match_dimension({"code": "REGIONS", "name": "Regions"}, dims) == "Region"
    assert match_dimension({"code": "COST", "name": "Cost centre"}, dims) is None


def test_missing_values_are_the_unmatched_tag_names_once():
    tags = [{"code": "P-A", "name": "Atlas rollout"}, {"code": "P-B", "name": "Boreas"},
            {"code": "P-C", "name": "atlas rollout"}, {"code": "P-D", "name": ""}, {"code": "P-E", "name": "Eos"}]
    assert match_dimension_value(tags[1], ["boreas"]) == "boreas"
    assert missing_values(tags, ["Boreas"], mapped=["P-E"]) == ["Atlas rollout", "P-D"]
    assert LedgerDimension("x", frozenset()).values == frozenset()
