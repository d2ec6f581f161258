"""Parsing Pleo's ``ExportItemV3`` into the Expense model. The fixtures are written by hand from
Pleo's export OpenAPI document, and checked against its ExportItemV3 schema when the document is there."""

import copy
import re
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
import shared_specs

from pleodesk.core.model import Expense, ExpenseKind, Refused, TaxType, booking_date
from pleodesk.core.money import Money

SPEC = shared_specs.SPECS / "pleo" / "pleo-export-openapi.yml"

COMPANY = "0b5f3c9e-6a5d-4c1e-9a51-2f6d1c0e7b11"


def money(value, currency):
    return {"currency": currency, "value": value}


def amount(wallet, supplier=None, currency="EUR", supplier_currency=None):
    return {"inWalletCurrency": money(wallet, currency),
            "inSupplierCurrency": money(wallet if supplier is None else supplier, supplier_currency or currency)}


# A card purchase split over two categories, each with Dutch 21 % VAT included, tagged with a cost centre.
CARD_PURCHASE_SPLIT = {
    "accountingEntryId": "5a8f6a5e-2c4b-4f0e-8d59-1c3e7b9a0f01",
    "companyId": COMPANY,
    "type": "card_purchase",
    "date": "2024-03-05T14:22:10Z",
    "amount": amount(12100),
    "accountingEntryLines": [
        {
            "accountingEntryLineId": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e01",
            "account": {"id": "9d4c1b6a-1f2e-4a3b-9c8d-7e6f5a4b3c01", "name": "Software", "code": "4600",
                        "identifier": "software"},
            "lineAmount": amount(7260),
            "netAmount": amount(6000),
            "tax": {"id": "3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c01", "code": "21%", "rate": 0.21,
                    "type": "inclusive", "amount": amount(1260),
                    "ingoingTaxAccount": "1510"},
            "tags": [{"id": "6f5e4d3c-2b1a-4f0e-9d8c-7b6a5f4e3d01", "code": "CC-SALES", "groupCode": "COSTCENTRE"}],
        },
        {
            "accountingEntryLineId": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e02",
            "account": {"id": "9d4c1b6a-1f2e-4a3b-9c8d-7e6f5a4b3c02", "name": "Office supplies", "code": "4300"},
            "lineAmount": amount(4840),
            "netAmount": amount(4000),
            "tax": {"id": "3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c01", "code": "21%", "rate": 0.21,
                    "type": "inclusive", "amount": amount(840)},
            "tags": [],
        },
    ],
    "additionalInformation": {"reconciliationId": "B-10234", "attendees": None},
    "bookkeeping": {"method": "journal"},
    "contraAccount": {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c01", "name": "Pleo wallet", "code": "1100"},
    "supplier": {"name": "Coolblue", "country": "NL", "code": None, "categoryCode": "5732",
                 "taxIdentifier": "NL810433941B01"},
    "user": {"id": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d01", "name": "Anna de Vries", "code": "E001"},
    "team": {"id": "4d5e6f7a-8b9c-4d0e-af1a-2b3c4d5e6f01", "name": "Sales", "code": "T-SALES"},
    "note": "Laptop stand and licence",
    "files": [{"url": "https://files.example.com/receipt-1.pdf", "type": "application/pdf", "size": 48213}],
    "_links": {"web": {"exportItem": "https://app.pleo.io/export/5a8f6a5e"}},
}

# A US software subscription paid in USD from a EUR wallet, Dutch reverse-charge VAT (self-assessed,
# not paid: the line amount is the net), vendor-based bookkeeping.
FOREIGN_REVERSE_CHARGE = {
    "accountingEntryId": "5a8f6a5e-2c4b-4f0e-8d59-1c3e7b9a0f02",
    "companyId": COMPANY,
    "type": "card_purchase",
    "date": "2024-03-31T23:59:59Z",
    "amount": amount(9187, 9900, "EUR", "USD"),
    "accountingEntryLines": [{
        "accountingEntryLineId": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e03",
        "account": {"id": "9d4c1b6a-1f2e-4a3b-9c8d-7e6f5a4b3c01", "name": "Software", "code": "4600"},
        "lineAmount": amount(9187, 9900, "EUR", "USD"),
        "netAmount": amount(9187, 9900, "EUR", "USD"),
        "tax": {"id": "3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c02", "code": "RC21", "rate": 0.21, "type": "reverse",
                "amount": amount(1929, 2079, "EUR", "USD"),
                "ingoingTaxAccount": "1510", "outgoingTaxAccount": "1520"},
    }],
    "additionalInformation": {"reconciliationId": "B-10235"},
    "bookkeeping": {"method": "accounts_payable"},
    "vendor": {"id": "8a9b0c1d-2e3f-4a5b-8c7d-9e0f1a2b3c01", "name": "GitHub, Inc.", "code": "V-GH",
               "externalId": "2001", "defaultCurrency": "USD", "country": "US"},
    "supplier": {"name": "GITHUB", "country": "US"},
    "user": {"id": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d02", "name": "Bram Jansen"},
    "files": [],
    "_links": {},
}

# The bare minimum the schema requires: no category yet, no tax, no tags, no optional objects. JPY wallet.
MINIMAL = {
    "accountingEntryId": "5a8f6a5e-2c4b-4f0e-8d59-1c3e7b9a0f03",
    "companyId": COMPANY,
    "type": "out_of_pocket",
    "date": "2024-04-01T09:00:00Z",
    "amount": amount(1500, currency="JPY"),
    "accountingEntryLines": [{
        "accountingEntryLineId": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e04",
        "lineAmount": amount(1500, currency="JPY"),
        "netAmount": amount(1500, currency="JPY"),
    }],
    "additionalInformation": {"reconciliationId": "B-10236"},
    "_links": {},
}

# A refund in a KWD wallet: negative amounts (the sign convention of model.py).
REFUND_KWD = {
    "accountingEntryId": "5a8f6a5e-2c4b-4f0e-8d59-1c3e7b9a0f04",
    "companyId": COMPANY,
    "type": "refund",
    "date": "2024-04-02T10:15:00+02:00",
    "amount": amount(-11500, currency="KWD"),
    "accountingEntryLines": [{
        "accountingEntryLineId": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e05",
        "account": {"id": "9d4c1b6a-1f2e-4a3b-9c8d-7e6f5a4b3c03", "name": "Travel", "code": None},
        "lineAmount": amount(-11500, currency="KWD"),
        "netAmount": amount(-10000, currency="KWD"),
        "tax": {"id": "3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c03", "code": None, "rate": 0.15, "type": "exclusive",
                "amount": amount(-1500, currency="KWD")},
        "tags": None,
    }],
    "additionalInformation": {"reconciliationId": "B-10237"},
    "supplier": {"name": "Jazeera Airways"},
    "note": None,
    "files": None,
    "_links": {},
}

FIXTURES = [CARD_PURCHASE_SPLIT, FOREIGN_REVERSE_CHARGE, MINIMAL, REFUND_KWD]


@pytest.fixture(scope="module")
def export_item_validator():
    shared_specs.skip_unless([SPEC])
    yaml = pytest.importorskip("yaml")
    oas = pytest.importorskip("openapi_schema_validator")
    referencing = pytest.importorskip("referencing")
    from referencing.jsonschema import DRAFT4

    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    registry = referencing.Registry().with_resource(
        "pleo-export", referencing.Resource.from_contents(spec, default_specification=DRAFT4))
    return oas.OAS30Validator({"$ref": "pleo-export#/components/schemas/ExportItemV3"}, registry=registry,
                              format_checker=oas.OAS30Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("item", FIXTURES, ids=["split", "foreign-reverse", "minimal", "refund-kwd"])
def test_fixtures_follow_the_spec(item, export_item_validator):
    errors = [e for e in export_item_validator.iter_errors(item)
              # The spec writes the date format as a literal "pattern" (YYYY-MM-DDTHH:mi:ssZ) that no real
              # date matches; the date-time format is checked instead.
              if not (e.validator == "pattern" and "YYYY" in str(e.validator_value))]
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_split_card_purchase():
    e = Expense.from_export_item(CARD_PURCHASE_SPLIT)
    assert e.id == "5a8f6a5e-2c4b-4f0e-8d59-1c3e7b9a0f01"
    assert e.company_id == COMPANY
    assert e.kind is ExpenseKind.CARD_PURCHASE
    assert e.booked_at == datetime(2024, 3, 5, 14, 22, 10, tzinfo=timezone.utc)
    assert e.booked_on == date(2024, 3, 5)
    assert e.amount == Money(Decimal("121.00"), "EUR") and e.currency == "EUR"
    assert not e.is_foreign
    assert len(e.lines) == 2
    a, b = e.lines
    assert a.category.key == "4600" and a.category.name == "Software" and a.category.identifier == "software"
    assert a.amount == Money("72.60", "EUR") and a.net == Money("60.00", "EUR")
    assert a.tax.code == "21%" and a.tax.key == "21%" and a.tax.rate == Decimal("0.21")
    assert a.tax.type is TaxType.INCLUSIVE and a.tax.amount == Money("12.60", "EUR")
    assert a.tax.ingoing_account == "1510" and a.tax.outgoing_account is None
    assert [(t.group_code, t.code) for t in a.tags] == [("COSTCENTRE", "CC-SALES")]
    assert b.category.key == "4300" and b.tags == ()
    assert sum((ln.amount.amount for ln in e.lines), Decimal(0)) == e.amount.amount
    assert e.supplier.name == "Coolblue" and e.supplier.category_code == "5732"
    assert e.employee.name == "Anna de Vries" and e.team.code == "T-SALES"
    assert e.note == "Laptop stand and licence"
    assert e.payee == "Coolblue"
    assert e.description == "Coolblue - Laptop stand and licence"
    assert e.bookkeeping_method == "journal"
    assert e.reconciliation_id == "B-10234"
    assert e.contra_account.code == "1100"
    assert e.receipts[0].mime == "application/pdf" and e.receipts[0].size == 48213
    assert e.raw is CARD_PURCHASE_SPLIT


def test_foreign_reverse_charge():
    e = Expense.from_export_item(FOREIGN_REVERSE_CHARGE)
    assert e.is_foreign
    assert e.amount == Money("91.87", "EUR") and e.amount_supplier == Money("99.00", "USD")
    (line,) = e.lines
    assert line.amount == line.net == Money("91.87", "EUR")
    assert line.net_supplier == Money("99.00", "USD")
    assert line.tax.type is TaxType.REVERSE and line.tax.key == "RC21"
    assert line.tax.amount == Money("19.29", "EUR") and line.tax.amount_supplier == Money("20.79", "USD")
    assert line.tax.outgoing_account == "1520"
    assert line.tags == ()
    assert e.bookkeeping_method == "accounts_payable"
    assert e.vendor.code == "V-GH" and e.vendor.default_currency == "USD"
    assert e.payee == "GitHub, Inc."          # the vendor wins over the card merchant
    assert e.description == "GitHub, Inc."
    assert e.booked_on == date(2024, 3, 31)
    assert e.receipts == () and e.web_url is None


def test_minimal_item_with_missing_optional_fields():
    e = Expense.from_export_item(MINIMAL)
    assert e.kind is ExpenseKind.OUT_OF_POCKET
    assert e.amount == Money(Decimal("1500"), "JPY") and str(e.amount.amount) == "1500"
    (line,) = e.lines
    assert line.category is None and line.tax is None and line.tags == ()
    for attr in ("supplier", "vendor", "employee", "team", "note", "contra_account", "bookkeeping_method",
                 "sub_type", "web_url"):
        assert getattr(e, attr) is None, attr
    assert e.receipts == ()
    assert e.payee == "" and e.description == "out of pocket"


def test_negative_refund_in_three_decimal_currency():
    e = Expense.from_export_item(REFUND_KWD)
    assert e.kind is ExpenseKind.REFUND
    assert e.amount == Money(Decimal("-11.500"), "KWD")
    assert e.booked_at == datetime(2024, 4, 2, 8, 15, tzinfo=timezone.utc)   # the same moment,
    assert e.booked_at.utcoffset() == timedelta(hours=2)                      # kept in Pleo's offset
    (line,) = e.lines
    assert line.category.key == line.category.id        # no code: the id is the mapping key
    assert line.tax.code is None and line.tax.key == "15% exclusive"
    assert line.net.amount + line.tax.amount.amount == line.amount.amount
    assert e.receipts == () and line.tags == ()


def test_whole_json_floats_are_accepted_as_minor_units():
    item = copy.deepcopy(MINIMAL)
    item["amount"]["inWalletCurrency"]["value"] = 1500.0
    assert Expense.from_export_item(item).amount == Money("1500", "JPY")


def _broken(mutate):
    item = copy.deepcopy(CARD_PURCHASE_SPLIT)
    mutate(item)
    return item


MALFORMED = {
    "no lines": lambda i: i.pop("accountingEntryLines"),
    "no amount": lambda i: i.pop("amount"),
    "no wallet amount": lambda i: i["amount"].pop("inWalletCurrency"),
    "no date": lambda i: i.pop("date"),
    "no type": lambda i: i.pop("type"),
    "no line id": lambda i: i["accountingEntryLines"][0].pop("accountingEntryLineId"),
    "no net amount": lambda i: i["accountingEntryLines"][1].pop("netAmount"),
    "tax without amount": lambda i: i["accountingEntryLines"][0]["tax"].pop("amount"),
    "tax without rate": lambda i: i["accountingEntryLines"][0]["tax"].pop("rate"),
    "tag without group": lambda i: i["accountingEntryLines"][0]["tags"][0].pop("groupCode"),
    "account without name": lambda i: i["accountingEntryLines"][0]["account"].pop("name"),
    "lines not a list": lambda i: i.__setitem__("accountingEntryLines", 7),
    "amount is null": lambda i: i.__setitem__("amount", None),
    "file without size": lambda i: i["files"][0].pop("size"),
}


@pytest.mark.parametrize("mutate", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_items_name_the_entry(mutate):
    with pytest.raises(ValueError, match="5a8f6a5e-2c4b-4f0e-8d59-1c3e7b9a0f01"):
        Expense.from_export_item(_broken(mutate))


# Bad *values* (rather than missing keys) raise ValueError too, but model.py only wraps KeyError and
# TypeError with the entry id, so these messages do not name the entry yet.
BAD_VALUES = {
    "unknown type": lambda i: i.__setitem__("type", "space_travel"),
    "unknown tax type": lambda i: i["accountingEntryLines"][0]["tax"].__setitem__("type", "mystery"),
    "fractional minor units": lambda i: i["amount"]["inWalletCurrency"].__setitem__("value", 12100.5),
    "currency UNDEFINED": lambda i: i["amount"]["inWalletCurrency"].__setitem__("currency", "UNDEFINED"),
    "bad date": lambda i: i.__setitem__("date", "yesterday"),
}


@pytest.mark.parametrize("mutate", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_bad_values_are_refused(mutate):
    with pytest.raises(ValueError):
        Expense.from_export_item(_broken(mutate))


@pytest.mark.parametrize("mutate", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_bad_values_name_the_entry(mutate):
    with pytest.raises(ValueError, match="5a8f6a5e-2c4b-4f0e-8d59-1c3e7b9a0f01"):
        Expense.from_export_item(_broken(mutate))


def test_web_link_in_the_spec_shape():
    assert Expense.from_export_item(CARD_PURCHASE_SPLIT).web_url == "https://app.pleo.io/export/5a8f6a5e"


def test_web_link_as_string_or_href():
    item = copy.deepcopy(MINIMAL)
    item["_links"] = {"web": "https://app.pleo.io/e/1"}
    assert Expense.from_export_item(item).web_url == "https://app.pleo.io/e/1"
    item["_links"] = {"web": {"href": "https://app.pleo.io/e/2"}}
    assert Expense.from_export_item(item).web_url == "https://app.pleo.io/e/2"


# ------------------------------------------------------------------------- bad data from Pleo
def _with(**changes):
    item = copy.deepcopy(CARD_PURCHASE_SPLIT)
    for key, value in changes.items():
        item[key] = value
    return item


@pytest.mark.parametrize("stamp, booked_on", [
    ("2026-08-01T00:30:00+02:00", date(2026, 8, 1)),     # UTC: 31 July
    ("2026-08-31T23:30:00-05:00", date(2026, 8, 31)),    # UTC: 1 September
    ("2026-08-31T23:30:00Z", date(2026, 8, 31)),
    ("2026-08-31T23:30:00", date(2026, 8, 31)),          # no offset: as sent
    ("2026-12-31T23:59:59+14:00", date(2026, 12, 31)),
    ("2026-01-01T00:00:00-12:00", date(2026, 1, 1)),
])
def test_the_booking_date_is_the_date_pleo_shows(stamp, booked_on):
    """It was the UTC date of Pleo's timestamp: 00:30 on 1 August at +02:00 was booked on 31 July."""
    e = Expense.from_export_item(_with(date=stamp))
    assert e.booked_on == booked_on
    assert booking_date(stamp) == booked_on


@pytest.mark.parametrize("stamp", ["0001-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2100-01-01T00:00:00Z",
                                   "9999-12-31T23:59:59Z", "2026-08-01T00:30:00+15:00",
                                   "2026-08-01T00:30:00-14:30"])
def test_absurd_booking_dates_are_refused_with_the_reason(stamp):
    with pytest.raises(Refused, match="5a8f6a5e-2c4b-4f0e-8d59-1c3e7b9a0f01: the bookkeeping date"):
        Expense.from_export_item(_with(date=stamp))


@pytest.mark.parametrize("where", ["wallet", "supplier", "line", "tax"])
@pytest.mark.parametrize("value, reason", [
    (2**63, "beyond the largest amount"), (-(2**63), "beyond the largest amount"),
    (10**15 + 1, "beyond the largest amount"),
])
def test_amounts_beyond_the_bound_are_refused_with_the_reason(where, value, reason):
    item = copy.deepcopy(CARD_PURCHASE_SPLIT)
    target = {"wallet": lambda: item["amount"]["inWalletCurrency"],
              "supplier": lambda: item["amount"]["inSupplierCurrency"],
              "line": lambda: item["accountingEntryLines"][0]["lineAmount"]["inWalletCurrency"],
              "tax": lambda: item["accountingEntryLines"][0]["tax"]["amount"]["inSupplierCurrency"]}[where]()
    target["value"] = value
    with pytest.raises(Refused, match=reason):
        Expense.from_export_item(item)


@pytest.mark.parametrize("code", ["XYZ", "=1+", "eu", "XAU"])
def test_currencies_that_are_not_iso_4217_are_refused_with_the_reason(code):
    item = copy.deepcopy(CARD_PURCHASE_SPLIT)
    item["amount"]["inSupplierCurrency"]["currency"] = code
    with pytest.raises(Refused, match=f"the currency '{re.escape(code)}' is not an ISO 4217 currency code"):
        Expense.from_export_item(item)
