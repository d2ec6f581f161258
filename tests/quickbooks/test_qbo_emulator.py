"""The QuickBooks emulator refuses what QuickBooks refuses, answers in its shapes, and its field tables
agree with Intuit's XSDs."""

from __future__ import annotations

import json
import threading
import time
from decimal import Decimal

import httpx
import pytest

from pleodesk.sandbox.qbo_emulator import (
    FIELDS,
    FR_REALM,
    PRODUCTION_CLIENT_ID,
    PRODUCTION_REDIRECT_URI,
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    QboState,
    mount_qbo,
    parse_query,
)

from qbo_contract import REQUIRED_BY_MISTAKE, Recorder, _children_of, required_extensions, schema
from qbo_testkit import requires_specs


@pytest.fixture
def api(sandbox):
    """A signed-in raw HTTP client on the emulator (no pleodesk code in between), recorded."""
    state = QboState(time_scale=60.0)
    mount_qbo(sandbox, state)
    client = state.clients[SANDBOX_CLIENT_ID]
    client.redirect_uris.add("http://localhost:1/callback")
    r = httpx.get(f"{sandbox.url}/qbo-oauth/connect/oauth2", params={
        "client_id": SANDBOX_CLIENT_ID, "response_type": "code", "scope": "com.intuit.quickbooks.accounting",
        "redirect_uri": "http://localhost:1/callback", "state": "s"})
    assert r.status_code == 302
    q = dict(httpx.URL(r.headers["location"]).params)
    assert q["realmId"] == FR_REALM and q["state"] == "s"
    tok = httpx.post(f"{sandbox.url}/qbo-oauth/oauth2/v1/tokens/bearer", auth=(SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET),
                     data={"grant_type": "authorization_code", "code": q["code"],
                           "redirect_uri": "http://localhost:1/callback"}).json()
    rec = Recorder()
    http = httpx.Client(base_url=f"{sandbox.url}/qbo/v3/company/{FR_REALM}/", transport=rec,
                        headers={"Authorization": f"Bearer {tok['access_token']}", "Accept": "application/json"},
                        params={"minorversion": "75"})
    yield state, http, rec, tok
    http.close()


def _fault(resp) -> tuple[str, str]:
    err = resp.json()["Fault"]["Error"][0]
    return err["code"], err.get("Detail", "")


def test_the_query_language_subset(api):
    state, http, rec, _tok = api
    r = http.get("query", params={"query": "SELECT * FROM Account WHERE AccountType = 'Bank'"})
    names = {a["Name"] for a in r.json()["QueryResponse"]["Account"]}
    assert names == {"Banque", "Caisse"}
    assert r.json()["QueryResponse"]["startPosition"] == 1
    # name lists: active only unless Active is filtered
    r = http.get("query", params={"query": "SELECT * FROM Account WHERE AcctNum = '625900'"})
    assert r.json()["QueryResponse"] == {}
    r = http.get("query", params={"query": "SELECT * FROM Account WHERE AcctNum = '625900' AND Active IN (true, false)"})
    assert r.json()["QueryResponse"]["Account"][0]["Active"] is False
    r = http.get("query", params={"query": "SELECT count(*) FROM Customer WHERE IsProject = true"})
    assert r.json()["QueryResponse"]["totalCount"] == 6
    r = http.get("query", params={"query": "SELECT * FROM Vendor WHERE DisplayName LIKE 'SNCF%'"})
    assert r.json()["QueryResponse"]["Vendor"][0]["DisplayName"] == "SNCF Voyageurs"
    r = http.get("query", params={"query": "select * from account STARTPOSITION 3 MAXRESULTS 2"})
    assert r.json()["QueryResponse"]["startPosition"] == 3 and len(r.json()["QueryResponse"]["Account"]) == 2
    for bad, code in [("SELECT * FROM Account WHERE Name = 'a' OR Name = 'b'", "4000"),
                      ("SELECT * FROM Account MAXRESULTS 1001", "4001"),
                      ("SELECT * FROM Account WHERE Colour = 'red'", "4001"),
                      ("SELECT Name FROM Account", "4000"),
                      ("SELECT * FROM Account WHERE Id > '3'", "4001")]:
        r = http.get("query", params={"query": bad})
        assert r.status_code == 400 and _fault(r)[0] == code, bad
    assert parse_query("SELECT * FROM Vendor WHERE DisplayName = 'O\\'Neil'").where[0][2] == "O'Neil"
    rec.assert_valid(requests=False)     # the bad requests above are deliberate


def _purchase(**over):
    body = {"PaymentType": "Cash", "AccountRef": {"value": "101"}, "TxnDate": "2026-08-03", "DocNumber": "PLEO-1",
            "Line": [{"Amount": Decimal("10.00"), "DetailType": "AccountBasedExpenseLineDetail",
                      "AccountBasedExpenseLineDetail": {"AccountRef": {"value": "116"}, "TaxCodeRef": {"value": "0"}}}]}
    body.update(over)
    return body


def _ids(state):
    c = state.demo
    acc = {a.get("AcctNum"): a["Id"] for a in c.all("Account")}
    codes = {t["Name"]: t["Id"] for t in c.all("TaxCode")}
    return acc, codes


def _post(http, path, body, rid=None):
    from pleodesk.providers.quickbooks import wire

    return http.post(path, content=wire.dumps(body), params={"requestid": rid or str(time.monotonic_ns())},
                     headers={"Content-Type": "application/json"})


def test_purchases_and_their_vat(api):
    state, http, rec, _tok = api
    acc, codes = _ids(state)
    line = lambda amount, code: {"Amount": Decimal(amount), "DetailType": "AccountBasedExpenseLineDetail",  # noqa: E731
                                 "AccountBasedExpenseLineDetail": {"AccountRef": {"value": acc["625100"]},
                                                                   "TaxCodeRef": {"value": codes[code]}}}
    r = _post(http, "purchase", _purchase(AccountRef={"value": acc["512000"]}, GlobalTaxCalculation="TaxExcluded",
                                          Line=[line("10.04", "TVA 20 %"), line("10.04", "TVA 20 %")]))
    p = r.json()["Purchase"]
    assert p["TxnTaxDetail"]["TotalTax"] == 4.02 and p["TotalAmt"] == 24.10      # 20.08 * 20 % = 4.016 -> 4.02
    # an override per rate (Pleo's receipts: 2.01 + 2.01 = 4.02 ... or 4.01)
    rate = p["TxnTaxDetail"]["TaxLine"][0]["TaxLineDetail"]["TaxRateRef"]["value"]
    over = {"TotalTax": Decimal("4.01"), "TaxLine": [{"Amount": Decimal("4.01"), "DetailType": "TaxLineDetail",
                                                      "TaxLineDetail": {"TaxRateRef": {"value": rate},
                                                                        "NetAmountTaxable": Decimal("20.08")}}]}
    r = _post(http, "purchase", _purchase(AccountRef={"value": acc["512000"]}, TxnTaxDetail=over,
                                          Line=[line("10.04", "TVA 20 %"), line("10.04", "TVA 20 %")]))
    assert r.json()["Purchase"]["TotalAmt"] == 24.09
    # refusals
    cases = [
        (_purchase(AccountRef={"value": acc["512000"]}, Line=[{**line("1", "TVA 20 %"), "AccountBasedExpenseLineDetail":
                                                               {"AccountRef": {"value": acc["625100"]}}}]), "6000"),
        (_purchase(AccountRef={"value": acc["625100"]}, Line=[line("1", "TVA 20 %")]), "6000"),       # not a bank
        (_purchase(AccountRef={"value": acc["512000"]}, PaymentType="Card", Line=[line("1", "TVA 20 %")]), "2170"),
        (_purchase(AccountRef={"value": acc["512000"]}, Line=[line("1", "TVA 20 % (ventes)")]), "6000"),
        (_purchase(AccountRef={"value": acc["512000"]}, Line=[line("1", "TVA 19,6 % (ancien)")]), "610"),
        (_purchase(AccountRef={"value": "99999"}, Line=[line("1", "TVA 20 %")]), "2500"),
        (_purchase(AccountRef={"value": acc["512000"]}, DocNumber="X" * 22, Line=[line("1", "TVA 20 %")]), "2050"),
        (_purchase(AccountRef={"value": acc["512000"]}, Colour="red", Line=[line("1", "TVA 20 %")]), "2010"),
        (_purchase(AccountRef={"value": acc["512000"]}, Credit=True, Line=[line("1", "TVA 20 %")]), "6000"),
        (_purchase(AccountRef={"value": acc["512000"]}, CurrencyRef={"value": "USD"}, Line=[line("1", "TVA 20 %")]),
         "6000"),
    ]
    for body, code in cases:
        r = _post(http, "purchase", body)
        assert r.status_code == 400 and _fault(r)[0] == code, (code, r.text)
    inactive = next(a["Id"] for a in state.demo.all("Account") if a.get("AcctNum") == "625900")
    bad = line("1", "TVA 20 %")
    bad["AccountBasedExpenseLineDetail"]["AccountRef"] = {"value": inactive}
    r = _post(http, "purchase", _purchase(AccountRef={"value": acc["512000"]}, Line=[bad]))
    assert _fault(r)[0] == "610"
    state.demo.set_pref("AccountingInfoPrefs", "BookCloseDate", "2026-08-31")
    r = _post(http, "purchase", _purchase(AccountRef={"value": acc["512000"]}, Line=[line("1", "TVA 20 %")]))
    assert _fault(r)[0] == "6210" and "2026-08-31" in _fault(r)[1]
    rec.assert_valid(requests=False)     # the bad requests above are deliberate


def test_requestid_replays_the_first_answer(api):
    state, http, rec, _tok = api
    acc, codes = _ids(state)
    body = _purchase(AccountRef={"value": acc["512000"]}, Line=[{
        "Amount": Decimal("5"), "DetailType": "AccountBasedExpenseLineDetail",
        "AccountBasedExpenseLineDetail": {"AccountRef": {"value": acc["627000"]}, "TaxCodeRef": {"value": codes["Exonéré"]}}}])
    first = _post(http, "purchase", body, rid="same-id")
    second = _post(http, "purchase", {**body, "DocNumber": "changed"}, rid="same-id")
    assert first.json()["Purchase"]["Id"] == second.json()["Purchase"]["Id"]
    assert len(state.entities("Purchase")) == 1
    r = _post(http, "purchase", body, rid="x" * 51)
    assert r.status_code == 400
    rec.assert_valid(requests=False)     # the bad requests above are deliberate


def test_batches_items_apart_and_at_most_thirty(api):
    state, http, rec, _tok = api
    acc, codes = _ids(state)
    good = {"DisplayName": "Nouveau fournisseur"}
    taken = {"DisplayName": "Coolblue"}                      # a customer's name: unique across the lists
    r = _post(http, "batch", {"BatchItemRequest": [
        {"bId": "1", "operation": "create", "Vendor": good}, {"bId": "2", "operation": "create", "Vendor": taken},
        {"bId": "3", "Query": "SELECT * FROM Vendor WHERE DisplayName = 'SNCF Voyageurs'"}]})
    items = {i["bId"]: i for i in r.json()["BatchItemResponse"]}
    assert items["1"]["Vendor"]["DisplayName"] == "Nouveau fournisseur"
    assert items["2"]["Fault"]["Error"][0]["code"] == "6240"
    assert items["3"]["QueryResponse"]["Vendor"][0]["Active"] is True
    r = _post(http, "batch", {"BatchItemRequest": [{"bId": str(i), "Query": "SELECT * FROM Class"} for i in range(31)]})
    assert r.status_code == 400
    # an inactive vendor still holds its name
    r = _post(http, "vendor", {"DisplayName": "Ancien fournisseur"})
    assert _fault(r)[0] == "6240"
    rec.assert_valid(requests=False)     # the 31-item batch is deliberate


def test_stale_sync_token_and_sparse_update(api):
    state, http, rec, _tok = api
    v = _post(http, "vendor", {"DisplayName": "Papeterie Martin"}).json()["Vendor"]
    r = _post(http, "vendor", {"Id": v["Id"], "SyncToken": v["SyncToken"], "sparse": True, "Notes": "ok"})
    assert r.json()["Vendor"]["SyncToken"] == "1" and r.json()["Vendor"]["DisplayName"] == "Papeterie Martin"
    r = _post(http, "vendor", {"Id": v["Id"], "SyncToken": "0", "sparse": True, "Notes": "late"})
    assert _fault(r)[0] == "5010"
    rec.assert_valid(requests=False)     # the bad requests above are deliberate


def test_french_bank_accounts_need_a_journal_code(api):
    state, http, rec, _tok = api
    r = _post(http, "account", {"Name": "Banque Pleo", "AccountType": "Bank", "AcctNum": "512"})
    assert _fault(r)[0] == "2020" and "JournalCodeRef" in _fault(r)[1]
    bq = next(j for j in state.demo.all("JournalCode") if j["Name"] == "BQ")
    r = _post(http, "account", {"Name": "Banque Pleo", "AccountType": "Bank", "AcctNum": "512",
                                "JournalCodeRef": {"value": bq["Id"]}})
    assert r.json()["Account"]["JournalCodeRef"] == {"value": bq["Id"], "name": "BQ"}
    r = _post(http, "account", {"Name": "Banque Pleo", "AccountType": "Bank", "AcctNum": "513",
                                "JournalCodeRef": {"value": bq["Id"]}})
    assert _fault(r)[0] == "6240"
    r = _post(http, "account", {"Name": "Autre", "AccountType": "Bank", "AcctNum": "512",
                                "JournalCodeRef": {"value": bq["Id"]}})
    assert _fault(r)[0] == "6000"
    rec.assert_valid(requests=False)     # the bad requests above are deliberate


def test_uploads_types_size_and_the_stored_bytes(api, sandbox):
    state, http, rec, _tok = api
    acc, codes = _ids(state)
    p = _post(http, "purchase", _purchase(AccountRef={"value": acc["512000"]}, Line=[{
        "Amount": Decimal("5"), "DetailType": "AccountBasedExpenseLineDetail",
        "AccountBasedExpenseLineDetail": {"AccountRef": {"value": acc["627000"]},
                                          "TaxCodeRef": {"value": codes["Exonéré"]}}}])).json()["Purchase"]

    def upload(name, data, ctype, meta=None):
        meta = meta or {"AttachableRef": [{"EntityRef": {"type": "Purchase", "value": p["Id"]}}], "FileName": name,
                        "ContentType": ctype}
        files = {"file_metadata_0": (None, json.dumps(meta), "application/json"),
                 "file_content_0": (name, data, ctype)}
        return http.post("upload", files=files, params={"requestid": str(time.monotonic_ns())})

    r = upload("r.pdf", b"%PDF-1.4 receipt", "application/pdf")
    att = r.json()["AttachableResponse"][0]["Attachable"]
    assert att["Size"] == 16 and httpx.get(att["TempDownloadUri"]).content == b"%PDF-1.4 receipt"
    r = upload("r.heic", b"\x00heic", "image/heic")
    assert r.json()["AttachableResponse"][0]["Fault"]["Error"][0]["code"] == "6000"
    r = upload("r.pdf", b"%PDF", "application/pdf",
               meta={"AttachableRef": [{"EntityRef": {"type": "Account", "value": acc["512000"]}}], "FileName": "r.pdf"})
    assert r.json()["AttachableResponse"][0]["Fault"]["Error"][0]["code"] == "6050"
    state.max_upload_bytes = 1000
    r = upload("big.pdf", b"%PDF" + b"0" * 2000, "application/pdf")
    assert r.status_code == 400 and _fault(r)[0] == "6030"
    rec.assert_valid(requests=False)     # the bad requests above are deliberate


def test_throttling_429_for_the_minute_the_batches_and_concurrency(api, sandbox):
    state, http, _rec, _tok = api
    state.per_minute = 5
    codes = [http.get("preferences").status_code for _ in range(7)]
    assert codes[:5] == [200] * 5 and codes[5:] == [429, 429]
    r = http.get("preferences")
    assert r.json()["Fault"]["Error"][0]["code"] == "3001" and "Retry-After" not in r.headers
    state.advance(61)
    state.per_minute, state.batch_per_minute = 500, 2
    body = {"BatchItemRequest": [{"bId": "1", "Query": "SELECT * FROM Class"}]}
    codes = [_post(http, "batch", body).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    state.advance(61)
    state.concurrent, state.latency = 2, 0.5 * state.time_scale   # each call takes half a second
    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(http.get("preferences").status_code)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [200, 200, 429, 429]
    assert state.demo.refused_429["concurrent"] == 2


def test_tokens_rotate_and_a_replaced_refresh_token_is_refused(api, sandbox):
    state, http, _rec, tok = api
    url = f"{sandbox.url}/qbo-oauth/oauth2/v1/tokens/bearer"
    auth = (SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET)
    r = httpx.post(url, auth=auth, data={"grant_type": "refresh_token", "refresh_token": tok["refresh_token"]})
    assert r.json()["refresh_token"] == tok["refresh_token"]          # young: not rotated yet
    state.rotate_after_seconds = 0
    r = httpx.post(url, auth=auth, data={"grant_type": "refresh_token", "refresh_token": tok["refresh_token"]})
    new = r.json()["refresh_token"]
    assert new != tok["refresh_token"]
    r = httpx.post(url, auth=auth, data={"grant_type": "refresh_token", "refresh_token": tok["refresh_token"]})
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant"
    r = httpx.post(url, data={"grant_type": "refresh_token", "refresh_token": new})
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"      # the secret is required
    state.expire_access_tokens()
    r = http.get("preferences")
    assert r.status_code == 401 and r.json()["Fault"]["type"] == "AuthenticationFault"


def test_production_keys_redirect_only_to_https(sandbox):
    state = QboState()
    mount_qbo(sandbox, state)
    state.clients[PRODUCTION_CLIENT_ID].redirect_uris.add("http://localhost:9/callback")
    base = {"client_id": PRODUCTION_CLIENT_ID, "response_type": "code", "scope": "com.intuit.quickbooks.accounting",
            "state": "s"}
    r = httpx.get(f"{sandbox.url}/qbo-oauth/connect/oauth2", params={**base, "redirect_uri": "http://localhost:9/callback"})
    assert r.status_code == 400 and b"https" in r.content
    r = httpx.get(f"{sandbox.url}/qbo-oauth/connect/oauth2", params={**base, "redirect_uri": PRODUCTION_REDIRECT_URI})
    assert r.status_code == 302 and r.headers["location"].startswith(PRODUCTION_REDIRECT_URI + "?code=")


@requires_specs
def test_the_emulators_field_tables_are_the_xsds():
    for entity, fields in FIELDS.items():
        decls = _children_of(schema().elements[entity].type)
        attrs = {a for a in schema().elements[entity].type.attributes}
        missing = [f for f in fields if f not in decls and f not in attrs]
        assert missing == [], f"{entity}: {missing} are not in the XSD"


@requires_specs
def test_the_xsds_required_extensions_are_the_known_mistakes():
    assert required_extensions() == set(REQUIRED_BY_MISTAKE)


@requires_specs
def test_the_harness_fails_on_a_mismatch():
    from qbo_contract import query_errors, validate_element

    assert validate_element("Purchase", {"PaymentType": "Card"})
    assert validate_element("Purchase", {"Colour": "red"})
    assert validate_element("Purchase", {"TxnDate": "03/08/2026"})
    assert validate_element("Purchase", {"Line": [{"Amount": "ten"}]})
    assert validate_element("Purchase", {"DocNumber": "X" * 22})
    assert validate_element("IntuitResponse", {"Fault": {"Error": [{"code": "1"}], "type": "Oops"}})
    assert query_errors("SELECT * FROM Purchase WHERE Colour = 'x'")
    assert query_errors("SELECT * FROM Purchase WHERE DocNumber = 'a' OR DocNumber = 'b'")
    assert query_errors("SELECT * FROM Purchase MAXRESULTS 5000")
    assert validate_element("Purchase", {"PaymentType": "Cash", "AccountRef": {"value": "1", "name": "x"},
                                         "Line": [{"Amount": Decimal("1"), "DetailType": "AccountBasedExpenseLineDetail",
                                                   "AccountBasedExpenseLineDetail": {"AccountRef": {"value": "2"}}}]}) == []
