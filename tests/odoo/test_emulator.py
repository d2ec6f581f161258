"""The emulator answers like the real Odoo 16 / 17 servers of the research notes (raw JSON-RPC)."""

from __future__ import annotations

import httpx

from .conftest import DB


def rpc(url, service, method, *args):
    r = httpx.post(f"{url}/jsonrpc", json={"jsonrpc": "2.0", "method": "call", "id": 7,
                                           "params": {"service": service, "method": method, "args": list(args)}})
    assert r.status_code == 200
    body = r.json()
    assert body["jsonrpc"] == "2.0" and body["id"] == 7
    return body


def kw(url, key, model, method, args, kwargs=None, uid=2):
    return rpc(url, "object", "execute_kw", DB, uid, key, model, method, args, kwargs or {})


def err(body):
    e = body["error"]
    assert e["code"] == 200 and e["message"] == "Odoo Server Error"
    return e["data"]["name"], e["data"]["message"]


def test_version_and_authenticate(odoo, odoo_url, version):
    v = rpc(odoo_url, "common", "version")["result"]
    assert v["server_version_info"][0] == version
    assert v["server_version"] == ("17.0" if version == 17 else "16.0-20231208")
    assert rpc(odoo_url, "common", "authenticate", DB, "admin", odoo.ADMIN_KEY, {})["result"] == 2
    assert rpc(odoo_url, "common", "authenticate", DB, "admin", "wrong", {})["result"] is False
    assert err(kw(odoo_url, "wrong", "res.partner", "search", [[]])) == ("odoo.exceptions.AccessDenied",
                                                                         "Access Denied")


def test_chart_template_field_differs_by_version(odoo, odoo_url, version):
    good, bad = ("chart_template", "chart_template_id") if version == 17 else ("chart_template_id", "chart_template")
    assert kw(odoo_url, odoo.ADMIN_KEY, "res.company", "read", [[1], [good]])["result"][0][good]
    name, message = err(kw(odoo_url, odoo.ADMIN_KEY, "res.company", "read", [[1], [bad]]))
    assert name == "builtins.ValueError" and "Invalid field" in message


def test_reading_moves_without_fields_fails_like_the_real_server(odoo, odoo_url):
    mid = kw(odoo_url, odoo.ADMIN_KEY, "account.move", "create", [{"move_type": "entry", "line_ids": []}])["result"]
    name, message = err(kw(odoo_url, odoo.ADMIN_KEY, "account.move", "read", [[mid]]))
    assert "frozendict" in message
    assert kw(odoo_url, odoo.ADMIN_KEY, "account.move", "read", [[mid], ["state"]])["result"] == [
        {"id": mid, "state": "draft"}]


def _entry(odoo, debit="100.0", credit="100.0", dist=None, code="4300"):
    line = {"account_id": odoo.account(code)["id"], "name": "x", "debit": float(debit), "credit": 0.0}
    if dist:
        line["analytic_distribution"] = dist
    return {"move_type": "entry", "date": "2026-11-22", "ref": "t",
            "line_ids": [[0, 0, line], [0, 0, {"account_id": odoo.account("1100")["id"], "name": "x",
                                               "debit": 0.0, "credit": float(credit)}]]}


def test_unbalanced_and_deprecated_are_user_errors(odoo, odoo_url):
    name, message = err(kw(odoo_url, odoo.ADMIN_KEY, "account.move", "create", [_entry(odoo, credit="99.0")]))
    assert name == "odoo.exceptions.UserError" and "is not balanced" in message
    name, message = err(kw(odoo_url, odoo.ADMIN_KEY, "account.move", "create", [_entry(odoo, code="4900")]))
    assert name == "odoo.exceptions.UserError" and "deprecated" in message


def test_combined_analytic_keys_post_on_17_only(odoo, odoo_url, version):
    ids = [a["id"] for a in odoo.records["account.analytic.account"].values()][:2]
    mid = kw(odoo_url, odoo.ADMIN_KEY, "account.move", "create",
             [_entry(odoo, dist={f"{ids[0]},{ids[1]}": 100})])["result"]
    body = kw(odoo_url, odoo.ADMIN_KEY, "account.move", "action_post", [[mid]])
    if version == 17:
        assert body["result"] is False
    else:
        assert err(body) == ("builtins.ValueError", f"invalid literal for int() with base 10: '{ids[0]},{ids[1]}'")
    mid = kw(odoo_url, odoo.ADMIN_KEY, "account.move", "create", [_entry(odoo, dist={"999": 100})])["result"]
    assert err(kw(odoo_url, odoo.ADMIN_KEY, "account.move", "action_post", [[mid]]))[0] == \
        "odoo.exceptions.MissingError"


def test_bill_needs_a_date_to_post_and_a_purchase_journal(odoo, odoo_url):
    misc = next(j["id"] for j in odoo.records["account.journal"].values() if j["code"] == "MISC")
    line = [0, 0, {"account_id": odoo.account("4300")["id"], "name": "Stand", "quantity": 2, "price_unit": 50.0,
                   "tax_ids": [[6, 0, [1]]]}]
    name, message = err(kw(odoo_url, odoo.ADMIN_KEY, "account.move", "create",
                           [{"move_type": "in_invoice", "journal_id": misc, "invoice_line_ids": [line]}]))
    assert (name, message) == ("odoo.exceptions.ValidationError",
                               "Cannot create a purchase document in a non purchase journal")
    mid = kw(odoo_url, odoo.ADMIN_KEY, "account.move", "create",
             [{"move_type": "in_invoice", "partner_id": 1, "invoice_line_ids": [line]}])["result"]
    assert err(kw(odoo_url, odoo.ADMIN_KEY, "account.move", "action_post", [[mid]])) == (
        "odoo.exceptions.UserError", "The Bill/Refund date is required to validate this document.")
    read = kw(odoo_url, odoo.ADMIN_KEY, "account.move", "read",
              [[mid], ["amount_untaxed", "amount_tax", "amount_total", "journal_id"]])["result"][0]
    assert (read["amount_untaxed"], read["amount_tax"], read["amount_total"]) == (100.0, 21.0, 121.0)
    assert read["journal_id"][1] == "Vendor Bills"


def test_a_bill_needs_a_vendor_and_a_total_of_zero_or_more_to_post(odoo, odoo_url):
    def bill(price, partner=True):
        line = [0, 0, {"account_id": odoo.account("4300")["id"], "name": "Stand", "price_unit": price,
                       "tax_ids": [[6, 0, []]]}]
        vals = {"move_type": "in_invoice", "invoice_date": "2026-11-22", "invoice_line_ids": [line]}
        if partner:
            vals["partner_id"] = 1
        return kw(odoo_url, odoo.ADMIN_KEY, "account.move", "create", [vals])["result"]

    name, message = err(kw(odoo_url, odoo.ADMIN_KEY, "account.move", "action_post", [[bill(10.0, partner=False)]]))
    assert name == "odoo.exceptions.UserError" and "'Vendor' is required" in message
    name, message = err(kw(odoo_url, odoo.ADMIN_KEY, "account.move", "action_post", [[bill(-10.0)]]))
    assert name == "odoo.exceptions.UserError" and "negative total amount" in message
    assert {m["state"] for m in odoo.moves()} == {"draft"}
    assert kw(odoo_url, odoo.ADMIN_KEY, "account.move", "action_post", [[bill(10.0)]])["result"] is False


def test_companies_the_user_may_not_use_are_refused(odoo, odoo_url):
    key = odoo.USER_KEYS["other@demo.example"]
    uid = rpc(odoo_url, "common", "authenticate", DB, "other@demo.example", key, {})["result"]
    body = kw(odoo_url, key, "account.account", "search", [[]], {"context": {"allowed_company_ids": [1]}}, uid=uid)
    assert err(body) == ("odoo.exceptions.AccessError", "Access to unauthorized or invalid companies.")


def test_a_tax_changed_in_odoo_after_the_chart_was_read_is_caught(make_provider, odoo):
    """Odoo computing other totals than predicted removes the bill and books Pleo's journal entry."""
    from .helpers import entries, expense, line

    settings = make_provider().ensure_setup({})
    p = make_provider(**{**settings, "post": True, "options": {"card_expenses": "bill"}})
    es = entries([expense("v1", line("4300", "121.00", "21%"))], settings, p.read_chart())
    for tax in odoo.records["account.tax"].values():
        if tax["amount"] == 21 and tax["price_include"]:
            tax["amount"] = 20.0          # someone edits the tax in Odoo meanwhile
    (r,) = p.send_batch(es)
    assert r.ok
    (m,) = odoo.moves()
    assert m["move_type"] == "entry" and "Odoo's total is" in m["narration"]
    assert [(ln["account_code"], ln["debit"], ln["credit"]) for ln in m["lines"]] == [
        ("4300", 100.0, 0.0), ("1510", 21.0, 0.0), ("1190", 0.0, 121.0)]
    assert m["id"] == int(r.ledger_id) and m["state"] == "posted"


def test_a_model_of_an_app_not_installed_does_not_exist(odoo, odoo_url):
    odoo.hr_installed = False
    assert err(kw(odoo_url, odoo.ADMIN_KEY, "hr.employee", "search_read", [[]], {"fields": ["name"]})) == (
        "odoo.exceptions.UserError", "Object hr.employee doesn't exist")
    assert err(kw(odoo_url, odoo.ADMIN_KEY, "no.such.model", "search", [[]])) == (
        "odoo.exceptions.UserError", "Object no.such.model doesn't exist")
