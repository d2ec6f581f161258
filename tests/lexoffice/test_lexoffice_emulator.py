"""The emulator keeps lexoffice's documented rules. Each test names the rule (``lexoffice_emulator.RULES``)
its checks come from; the rules quote the reference page as the research notes (part B) do."""

from __future__ import annotations

import httpx

from pleodesk.sandbox.lexoffice_emulator import DEMO_API_KEY, RULES

from lexoffice_testkit import PDF, category_id, raw, voucher_body


def _issue_keys(resp) -> set[str]:
    return {i["i18nKey"] for i in resp.json()["IssueList"]}


def test_every_rule_named_by_these_tests_exists():
    for rule in ("rate", "auth.401", "auth.402", "auth.403", "timeout.504", "paging", "timestamp", "errors.legacy",
                 "errors.regular", "voucher.totals", "voucher.rates", "voucher.split", "voucher.contact",
                 "voucher.taxtype", "voucher.version", "voucher.put.files", "voucher.put.status", "files.types",
                 "files.dedup", "files.upload", "contacts.create", "contacts.name", "finance.batch",
                 "finance.hint", "finance.partner", "voucherlist.filters", "format.415", "voucher.readonly"):
        assert rule in RULES


def test_rule_rate_more_than_two_a_second_is_refused_and_not_performed(sandbox, lex):
    """rule ``rate``: 2 a second across endpoints; a refused call is not performed."""
    statuses = []
    with httpx.Client() as c:
        for i in range(12):
            r = c.post(f"{sandbox.url}/lexware/v1/vouchers", json=voucher_body(lex, number=f"R-{i}"),
                       headers={"Authorization": f"Bearer {DEMO_API_KEY}"})
            statuses.append(r.status_code)
    assert 429 in statuses
    assert statuses.count(201) == len(lex.vouchers())          # only what was taken exists
    assert lex.refused_429 == statuses.count(429)


def test_rule_auth_401_wrong_and_expired_key(sandbox, lex):
    """rule ``auth.401``: ``{"message": "Unauthorized"}`` for a wrong, revoked or expired key."""
    expired = lex.add_key(expired=True)
    revoked = lex.add_key()
    lex.revoke_key(revoked)
    for key in ("nope", expired, revoked):
        r = raw(sandbox, key, "GET", "/v1/profile")
        assert r.status_code == 401 and r.json() == {"message": "Unauthorized"}


def test_rule_auth_402_plan_without_api_access(sandbox, lex):
    """rule ``auth.402`` (regular body)."""
    lex.set_api_access(lex.demo, False)
    r = raw(sandbox, DEMO_API_KEY, "GET", "/v1/profile")
    assert r.status_code == 402
    assert r.json()["status"] == 402 and "contract" in r.json()["message"]


def test_rule_auth_403_key_without_scope(sandbox, lex):
    """rule ``auth.403``: a key without vouchers.write reads but cannot create."""
    key = lex.add_key(scopes={"profile.read", "vouchers.read", "posting-categories.read"})
    assert raw(sandbox, key, "GET", "/v1/profile").status_code == 200
    assert raw(sandbox, key, "POST", "/v1/vouchers", json=voucher_body(lex)).status_code == 403
    assert lex.vouchers() == []


def test_rule_errors_legacy_and_regular_shapes(sandbox, lex):
    """rules ``errors.legacy`` (vouchers) and ``errors.regular`` (voucherlist)."""
    r = raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json={"type": "purchaseinvoice"})
    assert r.status_code == 406
    assert {"i18nKey", "source", "type", "additionalData", "args"} <= set(r.json()["IssueList"][0])
    r = raw(sandbox, DEMO_API_KEY, "GET", "/v1/voucherlist")
    assert r.status_code == 400
    body = r.json()
    assert {"timestamp", "status", "error", "path", "traceId", "message", "details"} <= set(body)
    assert {d["field"] for d in body["details"]} == {"voucherType", "voucherStatus"}   # voucherlist.filters


def test_rule_format_415_without_content_type(sandbox, lex):
    r = raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", content=b"{}")
    assert r.status_code == 415


def test_rules_voucher_totals_rates_and_readonly(sandbox, lex):
    """rules ``voucher.totals``, ``voucher.rates``, ``voucher.readonly``."""
    cat = category_id(lex, "Bewirtungskosten")
    bad_total = voucher_body(lex, totalGrossAmount=118.99)
    assert _issue_keys(raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=bad_total)) == {"invalid_total"}
    bad_rate = voucher_body(lex, items=[{"amount": 121.00, "taxAmount": 21.00, "taxRatePercent": 21,
                                         "categoryId": cat}], totalGrossAmount=121.00, totalTaxAmount=21.00)
    assert "invalid_tax_rate" in _issue_keys(raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=bad_rate))
    three_decimals = voucher_body(lex, items=[{"amount": 119.001, "taxAmount": 19.00, "taxRatePercent": 19,
                                               "categoryId": cat}])
    assert raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=three_decimals).status_code == 406
    read_only = voucher_body(lex, id="x")
    assert "read_only" in _issue_keys(raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=read_only))
    assert lex.vouchers() == []
    ok = raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=voucher_body(lex))
    assert ok.status_code == 201 and ok.headers["Location"].endswith(ok.json()["id"])
    assert ok.json()["version"] == 1


def test_rule_voucher_split_one_rate_per_category_unless_allowed(sandbox, lex):
    """rule ``voucher.split``: Bürobedarf has splitAllowed false, Bewirtungskosten true."""
    def two_rates(name):
        cat = category_id(lex, name)
        return voucher_body(lex, items=[{"amount": 119.00, "taxAmount": 19.00, "taxRatePercent": 19, "categoryId": cat},
                                        {"amount": 107.00, "taxAmount": 7.00, "taxRatePercent": 7, "categoryId": cat}],
                            totalGrossAmount=226.00, totalTaxAmount=26.00)
    assert "split_not_allowed" in _issue_keys(raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers",
                                                  json=two_rates("Bürobedarf")))
    assert raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=two_rates("Bewirtungskosten")).status_code == 201


def test_rule_voucher_contact_required_categories_need_a_contact(sandbox, lex):
    """rule ``voucher.contact``: Fremdleistungen needs a contact; the collective contact is not one."""
    cat = category_id(lex, "Fremdleistungen")
    body = voucher_body(lex, items=[{"amount": 100.00, "taxAmount": 0, "taxRatePercent": 0, "categoryId": cat}],
                        totalGrossAmount=100.00, totalTaxAmount=0)
    assert "contact_required" in _issue_keys(raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=body))
    vendor = next(c["id"] for c in lex.demo.contacts.values() if c.get("company", {}).get("name") == "Lufthansa")
    body.update(useCollectiveContact=False, contactId=vendor)
    assert raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=body).status_code == 201
    customer = next(c["id"] for c in lex.demo.contacts.values() if "vendor" not in c["roles"])
    body.update(contactId=customer, voucherNumber="other")
    assert "contact_role_mismatch" in _issue_keys(raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=body))


def test_rule_voucher_taxtype_net_with_unchecked_is_prohibited(sandbox, lex):
    """rules ``voucher.taxtype`` and ``voucher.required`` (unchecked needs no number)."""
    body = voucher_body(lex, voucherStatus="unchecked", taxType="net")
    assert raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=body).status_code == 406
    body = voucher_body(lex, voucherStatus="unchecked")
    del body["voucherNumber"]
    assert raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=body).status_code == 201
    body = voucher_body(lex, voucherDate="14.08.2026")
    assert "invalid_date" in _issue_keys(raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=body))


def test_rules_put_version_files_and_status(sandbox, lex):
    """rules ``voucher.version`` (409), ``voucher.put.files`` (a PUT without files deletes them) and
    ``voucher.put.status`` (only unchecked -> open)."""
    vid = raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=voucher_body(lex)).json()["id"]
    up = raw(sandbox, DEMO_API_KEY, "POST", f"/v1/vouchers/{vid}/files", files={"file": ("r.pdf", PDF, "application/pdf")})
    assert up.status_code == 202
    fid = up.json()["id"]
    current = raw(sandbox, DEMO_API_KEY, "GET", f"/v1/vouchers/{vid}").json()
    assert current["files"] == [fid] and current["version"] == 2
    body = {k: v for k, v in current.items() if k not in ("id", "organizationId", "createdDate", "updatedDate")}
    body["voucherDate"] = current["voucherDate"][:10]
    body["dueDate"] = current["dueDate"][:10]
    stale = dict(body, version=1)
    assert raw(sandbox, DEMO_API_KEY, "PUT", f"/v1/vouchers/{vid}", json=stale).status_code == 409
    back = dict(body, voucherStatus="unchecked")
    assert "invalid_status_change" in _issue_keys(raw(sandbox, DEMO_API_KEY, "PUT", f"/v1/vouchers/{vid}", json=back))
    without_files = dict(body)
    without_files.pop("files")
    assert raw(sandbox, DEMO_API_KEY, "PUT", f"/v1/vouchers/{vid}", json=without_files).status_code == 200
    assert lex.demo.vouchers[vid]["files"] == [] and fid not in lex.demo.files
    assert fid in lex.demo.deleted_files


def test_rules_files_types_size_dedup_and_files_endpoint(sandbox, lex):
    """rules ``files.types``, ``files.dedup`` and ``files.upload`` (``/v1/files`` makes a voucher)."""
    vid = raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=voucher_body(lex)).json()["id"]
    path = f"/v1/vouchers/{vid}/files"
    docx = raw(sandbox, DEMO_API_KEY, "POST", path, files={"file": ("r.docx", b"PK\x03\x04", "application/msword")})
    assert docx.status_code == 406 and _issue_keys(docx) == {"inacceptable_file_extension"}
    big = PDF + b"0" * (5 * 1024 * 1024)
    assert raw(sandbox, DEMO_API_KEY, "POST", path, files={"file": ("big.pdf", big, "application/pdf")}).status_code == 406
    a = raw(sandbox, DEMO_API_KEY, "POST", path, files={"file": ("a.pdf", PDF, "application/pdf")}).json()["id"]
    b = raw(sandbox, DEMO_API_KEY, "POST", path, files={"file": ("again.pdf", PDF, "application/pdf")}).json()["id"]
    assert a == b and lex.demo.vouchers[vid]["files"] == [a]
    before = len(lex.vouchers())
    r = raw(sandbox, DEMO_API_KEY, "POST", "/v1/files", files={"file": ("x.pdf", PDF + b"x", "application/pdf")},
            data={"type": "voucher"})
    assert r.status_code == 202 and len(lex.vouchers()) == before + 1
    assert lex.demo.vouchers[r.json()["voucherId"]]["voucherStatus"] == "unchecked"


def test_rule_timeout_504_may_have_been_processed(sandbox, lex):
    """rule ``timeout.504``: the voucher exists although the answer was a 504."""
    lex.fail_next("/v1/vouchers", "504_after", method="POST")
    r = raw(sandbox, DEMO_API_KEY, "POST", "/v1/vouchers", json=voucher_body(lex, number="PLEO-504"))
    assert r.status_code == 504 and r.json() == {"message": "Endpoint request timed out"}
    assert list(lex.vouchers_by_number()) == ["PLEO-504"]


def test_rules_paging_and_contacts(sandbox, lex):
    """rules ``paging``, ``contacts.name`` and ``contacts.create`` (roles with an empty object, version 0)."""
    assert raw(sandbox, DEMO_API_KEY, "GET", "/v1/contacts", params={"size": 251}).status_code == 400
    assert raw(sandbox, DEMO_API_KEY, "GET", "/v1/voucherlist", params={
        "voucherType": "purchaseinvoice", "voucherStatus": "any", "size": 251}).status_code == 400
    assert raw(sandbox, DEMO_API_KEY, "GET", "/v1/contacts", params={"name": "DB"}).status_code == 400
    found = raw(sandbox, DEMO_API_KEY, "GET", "/v1/contacts", params={"name": "Fernverkehr", "vendor": "true"}).json()
    assert [c["company"]["name"] for c in found["content"]] == ["DB Fernverkehr AG"]
    no_roles = {"version": 0, "company": {"name": "Neu GmbH"}}
    assert ("missing_entity", "roles.customer or roles.vendor") in {
        (i["i18nKey"], i["source"]) for i in raw(sandbox, DEMO_API_KEY, "POST", "/v1/contacts", json=no_roles).json()["IssueList"]}
    no_version = {"roles": {"vendor": {}}, "company": {"name": "Neu GmbH"}}
    assert raw(sandbox, DEMO_API_KEY, "POST", "/v1/contacts", json=no_version).status_code == 406
    ok = raw(sandbox, DEMO_API_KEY, "POST", "/v1/contacts", json={**no_version, "version": 0})
    assert ok.status_code == 201
    assert lex.demo.contacts[ok.json()["id"]]["roles"]["vendor"]["number"] >= 70001


def test_rules_partner_endpoints(sandbox, lex):
    """rules ``finance.partner``, ``finance.batch``, ``timestamp`` and ``finance.hint``."""
    assert raw(sandbox, DEMO_API_KEY, "POST", "/v1/finance/financial-accounts",
               json={"name": "Pleo", "type": "PAYMENT_PROVIDER"}).status_code == 403
    from pleodesk.sandbox.lexoffice_emulator import ALL_SCOPES, PARTNER_SCOPES, ApiKey
    from datetime import datetime, timedelta, timezone
    token = "partner-test-token"
    lex.keys[token] = ApiKey(token, lex.demo.id, frozenset(ALL_SCOPES | PARTNER_SCOPES),
                             datetime.now(timezone.utc) + timedelta(hours=1), partner=True)
    acc = raw(sandbox, token, "POST", "/v1/finance/financial-accounts",
              json={"name": "Pleo", "type": "PAYMENT_PROVIDER", "externalReference": "w"}).json()["financialAccountId"]

    def tx(i, when="2026-08-14T12:00:00.000Z"):
        return {"financialAccountId": acc, "valueDate": when, "bookingDate": when, "amount": -1.5,
                "purpose": f"P {i}", "externalReference": f"e{i}"}
    assert raw(sandbox, token, "POST", "/v1/finance/transactions", json=[tx(i) for i in range(26)]).status_code == 406
    bad = raw(sandbox, token, "POST", "/v1/finance/transactions", json=[tx(0, "2026-08-14T12:00:00Z")])
    assert "invalid_timestamp" in _issue_keys(bad)
    assert raw(sandbox, token, "POST", "/v1/finance/transactions", json=[tx(i) for i in range(25)]).status_code == 201
    dup = raw(sandbox, token, "POST", "/v1/finance/transactions", json=[tx(30), tx(3)])
    assert dup.status_code == 406 and {(i["i18nKey"], i["source"]) for i in dup.json()["IssueList"]} == {
        ("duplicate_external_reference", "[1].externalReference")}
    assert len(lex.demo.transactions) == 25
    vid = raw(sandbox, token, "POST", "/v1/vouchers", json=voucher_body(lex)).json()["id"]
    assert raw(sandbox, token, "POST", "/v1/transaction-assignment-hint",
               json={"voucherId": vid, "externalReference": "e3"}).status_code == 201
    assert raw(sandbox, token, "POST", "/v1/transaction-assignment-hint",
               json={"voucherId": vid, "externalReference": "e4"}).status_code == 409
    assert lex.suggestions() == [(vid, next(t["id"] for t in lex.demo.transactions.values()
                                             if t["externalReference"] == "e3"))]
