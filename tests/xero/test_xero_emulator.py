"""The Xero emulator's own rules, seen over HTTP: shapes, limits, idempotency, validation."""

from __future__ import annotations

import threading
from decimal import Decimal

import httpx
import pytest

from pleodesk.sandbox.xero_emulator import parse_where

from xero_testkit import SCALE, TENANT


@pytest.fixture
def http(provider, connection):
    """A raw client with the connection's token and tenant (no pacing, no retries)."""
    token = provider.client._token()
    with httpx.Client(base_url=connection.settings["api_url"], timeout=10,
                      headers={"Authorization": f"Bearer {token}", "xero-tenant-id": TENANT,
                               "Accept": "application/json"}) as c:
        yield c


def test_envelope_dates_and_limit_headers(http):
    r = http.get("/Organisation")
    assert r.status_code == 200
    body = r.json()
    assert body["Status"] == "OK" and body["ProviderName"] and body["DateTimeUTC"].startswith("/Date(")
    org = body["Organisations"][0]
    assert org["BaseCurrency"] == "EUR" and org["CountryCode"] == "NL"
    assert int(r.headers["X-DayLimit-Remaining"]) < 5000 and int(r.headers["X-MinLimit-Remaining"]) < 60
    assert r.headers["X-AppMinLimit-Remaining"]


def test_same_key_same_body_same_answer_different_body_refused(http, xero):
    body = {"Contacts": [{"Name": "Idem Supplier", "ContactNumber": "X-1"}]}
    h = {"Idempotency-Key": "k-1"}
    a = http.put("/Contacts", params={"summarizeErrors": "false"}, json=body, headers=h)
    b = http.put("/Contacts", params={"summarizeErrors": "false"}, json=body, headers=h)
    assert a.status_code == b.status_code == 200 and a.content == b.content
    assert sum(c["Name"] == "Idem Supplier" for c in xero.demo.contacts) == 1
    c = http.put("/Contacts", params={"summarizeErrors": "false"}, json={"Contacts": [{"Name": "Other"}]}, headers=h)
    assert c.status_code == 400 and "Idempotency-Key" in c.json()["Message"]
    xero.advance(7 * 60)                                # after 6 minutes the key is forgotten
    d = http.put("/Contacts", params={"summarizeErrors": "false"}, json=body, headers=h)
    assert d.json()["Contacts"][0]["StatusAttributeString"] == "ERROR"     # unique names: refused now


def test_summarize_errors_true_is_a_400_but_creates_the_valid_ones(http, xero):
    body = {"Contacts": [{"Name": "Valid One"}, {"Name": ""}]}
    r = http.put("/Contacts", json=body)
    assert r.status_code == 400
    err = r.json()
    assert err["ErrorNumber"] == 10 and err["Type"] == "ValidationException"
    assert err["Elements"][0]["ValidationErrors"][0]["Message"]
    assert any(c["Name"] == "Valid One" for c in xero.demo.contacts)       # as Xero does


def test_unique_contact_names(http):
    r = http.put("/Contacts", params={"summarizeErrors": "false"}, json={"Contacts": [{"Name": "uber"}]})
    el = r.json()["Contacts"][0]
    assert el["StatusAttributeString"] == "ERROR"
    assert "must be unique across all active contacts" in el["ValidationErrors"][0]["Message"]


def _txn(**line):
    ln = {"Description": "Taxi", "Quantity": 1, "UnitAmount": 10, "LineAmount": 10, "AccountCode": "4010",
          "TaxType": "TAX001", "TaxAmount": 1.74}
    ln.update(line)
    return {"BankTransactions": [{"Type": "SPEND", "BankAccount": {"Code": "090"}, "Contact": {"Name": "Uber"},
                                  "LineAmountTypes": "Inclusive", "Date": "2026-05-04", "LineItems": [ln]}]}


@pytest.mark.parametrize("line, message", [
    ({"TaxAmount": 1.73}, "Tax amount 1.73 is incorrect for TAX001 tax type, should be 1.74"),
    ({"AccountCode": "4900"}, "AccountCode must be active"),
    ({"AccountCode": "090"}, "is a bank account"),
    ({"UnitAmount": 0, "LineAmount": 0}, "unit amount must be > 0"),
    ({"Description": ""}, "at least 1 char"),
    ({"TaxType": "TAX004"}, "cannot be used for this type of transaction"),
    ({"Tracking": [{"Name": "Department", "Option": "Legacy"}]}, "'Legacy' of Department is archived"),
    ({"Tracking": [{"Name": "Department", "Option": "Sales"}, {"Name": "Project", "Option": "Eos rebrand"},
                   {"Name": "Department", "Option": "Sales"}]}, "maximum of 2"),
    ({"LineAmount": 11}, "does not match the expected line total"),
])
def test_line_rules(http, xero, line, message):
    r = http.put("/BankTransactions", params={"summarizeErrors": "false"}, json=_txn(**line))
    assert r.status_code == 200
    el = r.json()["BankTransactions"][0]
    assert el["StatusAttributeString"] == "ERROR"
    assert any(message in v["Message"] for v in el["ValidationErrors"]), el["ValidationErrors"]
    assert not xero.demo.bank_transactions


def test_a_valid_spend_with_totals(http, xero):
    r = http.put("/BankTransactions", params={"summarizeErrors": "false"}, json=_txn())
    el = r.json()["BankTransactions"][0]
    assert el["StatusAttributeString"] == "OK" and el["Total"] == 10 and el["TotalTax"] == 1.74
    assert el["SubTotal"] == 8.26 and el["Date"].startswith("/Date(") and el["Date"].endswith("+0000)/")
    found = http.get("/BankTransactions", params={"where": f'BankTransactionID=="{el["BankTransactionID"]}"'})
    assert len(found.json()["BankTransactions"]) == 1


def _credit_note(**line):
    ln = {"Description": "Returned chairs", "Quantity": 1, "UnitAmount": 121, "LineAmount": 121, "AccountCode": "4010",
          "TaxType": "TAX001", "TaxAmount": 21}
    ln.update(line)
    return {"Type": "ACCPAYCREDIT", "Contact": {"Name": "KLM"}, "Date": "2026-05-04", "LineAmountTypes": "Inclusive",
            "CreditNoteNumber": "PLEO-cn-1", "CurrencyCode": "EUR", "Status": "AUTHORISED", "LineItems": [ln]}


@pytest.mark.parametrize("change, message", [
    ({"line": {"TaxAmount": 20.99}}, "Tax amount 20.99 is incorrect for TAX001 tax type, should be 21.00"),
    ({"line": {"AccountCode": "4900"}}, "AccountCode must be active"),
    ({"line": {"UnitAmount": -121, "LineAmount": -121, "TaxAmount": -21}}, "unit amount must be > 0"),
    ({"line": {"Tracking": [{"Name": "Department", "Option": "Legacy"}]}}, "'Legacy' of Department is archived"),
    ({"Contact": None}, "at least 1 of the following elements to identify the contact"),
    ({"Type": "ACCPAY"}, "ACCPAYCREDIT or ACCRECCREDIT"),
    ({"Date": "04/05/2026"}, "not a valid date"),
    ({"Status": "PAID"}, "Status must be DRAFT, SUBMITTED or AUTHORISED"),
    ({"CurrencyCode": "JPY"}, "JPY is not enabled"),
    ({"LineItems": []}, "At least one line item"),
])
def test_credit_note_rules(http, xero, change, message):
    body = _credit_note(**change.pop("line", {}))
    body.update(change)
    r = http.put("/CreditNotes", params={"summarizeErrors": "false"}, json={"CreditNotes": [body]})
    assert r.status_code == 200
    el = r.json()["CreditNotes"][0]
    assert el["StatusAttributeString"] == "ERROR" and el["HasErrors"] is True
    assert any(message in v["Message"] for v in el["ValidationErrors"]), el["ValidationErrors"]
    assert not xero.demo.credit_notes


@pytest.mark.parametrize("endpoint", ["Invoices", "CreditNotes"])
def test_bills_and_credit_notes_refuse_an_unknown_line_amount_type(http, xero, endpoint):
    body = _credit_note(LineAmount=121)
    body["LineAmountTypes"] = "Gross"
    if endpoint == "Invoices":
        body = {**{k: v for k, v in body.items() if k != "CreditNoteNumber"}, "Type": "ACCPAY",
                "InvoiceNumber": "PLEO-b-1"}
    r = http.put(f"/{endpoint}", params={"summarizeErrors": "false"}, json={endpoint: [body]})
    el = r.json()[endpoint][0]
    assert any("LineAmountTypes must be" in v["Message"] for v in el["ValidationErrors"]), el
    assert not xero.demo.invoices and not xero.demo.credit_notes


def test_a_valid_credit_note_with_totals_found_by_its_number(http, xero):
    calls = xero.demo.calls
    body = {**_credit_note(), "Reference": "ignored on supplier credit notes"}
    r = http.put("/CreditNotes", params={"summarizeErrors": "false"}, json={"CreditNotes": [body]})
    el = r.json()["CreditNotes"][0]
    assert el["StatusAttributeString"] == "OK" and el["Type"] == "ACCPAYCREDIT" and el["Status"] == "AUTHORISED"
    assert el["Total"] == 121 and el["TotalTax"] == 21 and el["SubTotal"] == 100 and el["RemainingCredit"] == 121
    assert el["CreditNoteNumber"] == "PLEO-cn-1" and el["Reference"] == "" and el["Contact"]["Name"] == "KLM"
    assert el["Date"].startswith("/Date(") and el["Date"].endswith("+0000)/")
    where = 'CreditNoteNumber=="PLEO-cn-1" AND Type=="ACCPAYCREDIT" AND Status!="DELETED" AND Status!="VOIDED"'
    found = http.get("/CreditNotes", params={"where": where}).json()["CreditNotes"]
    assert [c["CreditNoteID"] for c in found] == [el["CreditNoteID"]]
    assert http.get("/CreditNotes", params={"where": 'Reference=="ignored on supplier credit notes"'}).json()[
        "CreditNotes"] == []
    one = http.get(f"/CreditNotes/{el['CreditNoteID']}").json()["CreditNotes"]
    assert one[0]["LineItems"][0]["TaxAmount"] == 21
    assert http.get("/CreditNotes/00000000-0000-0000-0000-000000000000").status_code == 404
    # summarised errors: a 400 with the refused element, the valid one created all the same (as in Xero)
    bad = _credit_note(AccountCode="4900")
    r = http.put("/CreditNotes", json={"CreditNotes": [bad, {**_credit_note(), "CreditNoteNumber": "PLEO-cn-2"}]})
    assert r.status_code == 400 and r.json()["Elements"][0]["ValidationErrors"]
    assert [c["CreditNoteNumber"] for c in xero.demo.credit_notes] == ["PLEO-cn-1", "PLEO-cn-2"]
    # POST creates too, and updates nothing
    r = http.post("/CreditNotes", params={"summarizeErrors": "false"},
                  json={"CreditNotes": [{**_credit_note(), "CreditNoteID": el["CreditNoteID"]}]})
    assert r.json()["CreditNotes"][0]["StatusAttributeString"] == "ERROR"
    r = http.post("/CreditNotes", params={"summarizeErrors": "false"},
                  json={"CreditNotes": [{**_credit_note(), "CreditNoteNumber": "PLEO-cn-3", "Status": "DRAFT"}]})
    assert r.json()["CreditNotes"][0]["Status"] == "DRAFT" and len(xero.demo.credit_notes) == 3
    # attachments on a credit note
    r = http.put(f"/CreditNotes/{el['CreditNoteID']}/Attachments/r.pdf", content=b"%PDF-1.4",
                 headers={"Content-Type": "application/pdf"})
    assert r.status_code == 200 and r.json()["Attachments"][0]["FileName"] == "r.pdf"
    assert xero.demo.credit_notes[0]["HasAttachments"] is True
    # every call counted against the organisation's limits
    assert xero.demo.calls == calls + 9


@pytest.mark.parametrize("name", ["receipt.webp", "receipt.heic", "receipt"])
def test_attachments_of_a_type_xero_does_not_take_are_refused(http, xero, name):
    txn = http.put("/BankTransactions", params={"summarizeErrors": "false"}, json=_txn()).json()["BankTransactions"][0]
    r = http.put(f"/BankTransactions/{txn['BankTransactionID']}/Attachments/{name}", content=b"RIFF....WEBP",
                 headers={"Content-Type": "image/webp"})
    assert r.status_code == 400
    err = r.json()
    assert err["Type"] == "ValidationException"
    assert err["Elements"][0]["FileName"] == name
    assert "isn't a supported file type" in err["Elements"][0]["ValidationErrors"][0]["Message"]
    assert not xero.demo.attachments.get(txn["BankTransactionID"])


def test_request_body_limit(http):
    big = _txn(Description="x" * 3_600_000)
    r = http.put("/BankTransactions", params={"summarizeErrors": "false"}, json=big)
    assert r.status_code == 413


def test_concurrency_and_minute_limits_answer_429(http, xero):
    xero.latency = 0.2 * SCALE            # each call takes 0.2 s
    statuses = []

    def call():
        statuses.append(http.get("/Currencies"))

    threads = [threading.Thread(target=call) for _ in range(7)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    refused = [r for r in statuses if r.status_code == 429]
    assert refused and all(r.headers["X-Rate-Limit-Problem"] == "concurrent" for r in refused)
    xero.latency = 0
    with xero.lock:
        xero.demo.minute_hits.extend([xero.now()] * 60)
    r = http.get("/Currencies")
    assert r.status_code == 429 and r.headers["X-Rate-Limit-Problem"] == "minute"
    assert 0 < float(r.headers["Retry-After"]) <= 60 / SCALE + 0.01


def test_daily_limit_answer(http, xero):
    xero.use_day_calls(TENANT, 5000)
    r = http.get("/Organisation")
    assert r.status_code == 429 and r.headers["X-Rate-Limit-Problem"] == "day"
    assert float(r.headers["Retry-After"]) > 60 / SCALE


def test_where_parser():
    test = parse_where('Reference=="PLEO-1" AND Status=="AUTHORISED" OR Type=="RECEIVE"')
    assert test({"Reference": "PLEO-1", "Status": "AUTHORISED", "Type": "SPEND"})
    assert not test({"Reference": "PLEO-1", "Status": "DELETED", "Type": "SPEND"})
    assert test({"Reference": "x", "Status": "DELETED", "Type": "RECEIVE"})
    assert parse_where('Name=="A \\"quoted\\" name"')({"Name": 'A "quoted" name'})
    assert parse_where("Total>=10 && Contact.Name!=\"Uber\"")({"Total": Decimal(12), "Contact": {"Name": "KLM"}})
    with pytest.raises(ValueError):
        parse_where('Reference== AND')


def test_bank_feeds_refused_for_a_registration_that_is_not_a_partner(http, connection):
    url = connection.settings["bankfeeds_url"] + "/FeedConnections"
    r = httpx.get(url, headers=dict(http.headers))
    assert r.status_code == 403 and r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"] == "invalid-application"


def test_missing_tenant_header_and_bad_token(connection):
    base = connection.settings["api_url"]
    r = httpx.get(base + "/Organisation", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.json()["Detail"] == "AuthenticationUnsuccessful"
