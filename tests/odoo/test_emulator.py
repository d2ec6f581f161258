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


def _entry(odoo, debit="100.0", credit="100.0", dist=None, code="431000"):
    line = {"account_id": odoo.account(code)["id"], "name": "x", "debit": float(debit), "credit": 0.0}
    if dist:
        line["analytic_distribution"] = dist
    return {"move_type": "entry", "date": "2026-11-22", "ref": "t",
            "line_ids": [[0, 0, line], [0, 0, {"account_id": odoo.account("103001")["id"], "name": "x",
                                               "debit": 0.0, "credit": float(credit)}]]}


def test_unbalanced_and_deprecated_are_user_errors(odoo, odoo_url):
    name, message = err(kw(odoo_url, odoo.ADMIN_KEY, "account.move", "create", [_entry(odoo, credit="99.0")]))
    assert name == "odoo.exceptions.UserError" and "is not balanced" in message
    odoo.deprecate("439000")
    name, message = err(kw(odoo_url, odoo.ADMIN_KEY, "account.move", "create", [_entry(odoo, code="439000")]))
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
    tax = odoo.records["res.company"][1]["account_purchase_tax_id"]      # the company's default: 21 % excluded
    line = [0, 0, {"account_id": odoo.account("431000")["id"], "name": "Stand", "quantity": 2, "price_unit": 50.0,
                   "tax_ids": [[6, 0, [tax]]]}]
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
        line = [0, 0, {"account_id": odoo.account("431000")["id"], "name": "Stand", "price_unit": price,
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

    settings = make_provider().ensure_setup({"create_taxes": ["0% excl"]})
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
        ("431000", 100.0, 0.0), ("152000", 21.0, 0.0), ("119000", 0.0, 121.0)]
    assert m["id"] == int(r.ledger_id) and m["state"] == "posted"


def test_a_model_of_an_app_not_installed_does_not_exist(odoo, odoo_url):
    odoo.hr_installed = False
    assert err(kw(odoo_url, odoo.ADMIN_KEY, "hr.employee", "search_read", [[]], {"fields": ["name"]})) == (
        "odoo.exceptions.UserError", "Object hr.employee doesn't exist")
    assert err(kw(odoo_url, odoo.ADMIN_KEY, "no.such.model", "search", [[]])) == (
        "odoo.exceptions.UserError", "Object no.such.model doesn't exist")


# ------------------------------------------------------------------ Community as it is ----------
def test_statement_lines_have_community_fields_only(odoo, odoo_url):
    """Community 16 / 17: no unique_import_id (that comes with the statement-import module); the line's
    journal entry fields (ref, narration...) are its own through _inherits and can be searched."""
    key = odoo.ADMIN_KEY
    fields = kw(odoo_url, key, "account.bank.statement.line", "fields_get", [["unique_import_id", "ref", "amount"]],
                {"attributes": ["type"]})["result"]
    assert fields == {"ref": {"type": "char"}, "amount": {"type": "float"}}
    name, message = err(kw(odoo_url, key, "account.bank.statement.line", "search_read",
                           [[["unique_import_id", "in", ["pleo-1", "pleo-2"]]]], {"fields": ["id"]}))
    assert name == "builtins.ValueError"
    assert message.startswith("Invalid field account.bank.statement.line.unique_import_id in leaf")
    bank = next(j for j in odoo.records["account.journal"].values() if j["code"] == "BNK1" and j["company_id"] == 1)
    name, _ = err(kw(odoo_url, key, "account.bank.statement.line", "create",
                     [{"journal_id": bank["id"], "date": "2026-10-14", "amount": -12.1, "payment_ref": "x",
                       "unique_import_id": "pleo-1"}]))
    assert name == "builtins.ValueError"
    sid = kw(odoo_url, key, "account.bank.statement.line", "create",
             [{"journal_id": bank["id"], "date": "2026-10-14", "amount": -12.1, "payment_ref": "Coolblue",
               "ref": "pleo-1"}])["result"]
    found = kw(odoo_url, key, "account.bank.statement.line", "search_read", [[["ref", "in", ["pleo-1"]]]],
               {"fields": ["ref", "amount", "payment_ref", "move_id"]})["result"]
    assert [(r["id"], r["ref"], r["amount"], r["payment_ref"]) for r in found] == [(sid, "pleo-1", -12.1, "Coolblue")]
    (move,) = [m for m in odoo.moves() if m["statement_line_id"] == sid]
    assert move["state"] == "posted" and move["journal_code"] == "BNK1"
    assert [(ln["account_code"], ln["debit"], ln["credit"]) for ln in move["lines"]] == [
        ("103001", 0.0, 12.1), ("103002", 12.1, 0.0)]            # the bank account against its suspense account


def test_employees_get_a_work_contact_like_the_real_app(odoo, odoo_url, version):
    """17 makes a work contact for every employee; 16 only for one with a work e-mail or mobile."""
    key = odoo.ADMIN_KEY
    bare = kw(odoo_url, key, "hr.employee", "create", [{"name": "Daan Smit"}])["result"]
    mailed = kw(odoo_url, key, "hr.employee", "create", [{"name": "Eva Kok", "work_email": "eva@x.example"}])["result"]
    rows = {r["id"]: r for r in kw(odoo_url, key, "hr.employee", "read", [[bare, mailed], ["work_contact_id"]])["result"]}
    assert bool(rows[mailed]["work_contact_id"])
    assert bool(rows[bare]["work_contact_id"]) == (version == 17)
    kw(odoo_url, key, "hr.employee", "write", [[bare], {"mobile_phone": "+31612345678"}])
    (row,) = kw(odoo_url, key, "hr.employee", "read", [[bare], ["work_contact_id"]])["result"]
    assert row["work_contact_id"] and row["work_contact_id"][1] == "Daan Smit"


def test_active_currencies_of_a_fresh_database(odoo, odoo_url, version):
    active = kw(odoo_url, odoo.ADMIN_KEY, "res.currency", "search_read", [[]], {"fields": ["name"]})["result"]
    # 16 keeps only the company's currency (and the second company's DKK); 17 also USD
    assert sorted(c["name"] for c in active) == (["DKK", "EUR", "USD"] if version == 17 else ["DKK", "EUR"])


def test_payment_state_after_reconciling_with_journal_entries(odoo, odoo_url):
    """A bill matched with the entry that paid it is "paid"; a credit note matched with an entry is "reversed"."""
    key = odoo.ADMIN_KEY
    payable, wallet = odoo.account("130000")["id"], odoo.account("103001")["id"]
    partner = next(p["id"] for p in odoo.partners() if p["name"] == "KPN B.V.")
    states = {}
    for move_type, sign in (("in_invoice", 1), ("in_refund", -1)):
        bill = kw(odoo_url, key, "account.move", "create", [{
            "move_type": move_type, "partner_id": partner, "invoice_date": "2026-10-14",
            "invoice_line_ids": [[0, 0, {"account_id": odoo.account("431000")["id"], "name": "x", "price_unit": 10.0,
                                         "tax_ids": [[6, 0, []]]}]]}])["result"]
        pay = kw(odoo_url, key, "account.move", "create", [{"move_type": "entry", "date": "2026-10-14", "line_ids": [
            [0, 0, {"account_id": payable, "partner_id": partner, "debit": 10.0 if sign > 0 else 0.0,
                    "credit": 0.0 if sign > 0 else 10.0}],
            [0, 0, {"account_id": wallet, "debit": 0.0 if sign > 0 else 10.0, "credit": 10.0 if sign > 0 else 0.0}]]}]
                 )["result"]
        kw(odoo_url, key, "account.move", "action_post", [[bill, pay]])
        assert kw(odoo_url, key, "account.move", "read", [[bill], ["payment_state"]])["result"][0][
            "payment_state"] == "not_paid"
        lines = kw(odoo_url, key, "account.move.line", "search_read",
                   [[["move_id", "in", [bill, pay]], ["account_id", "=", payable]]], {"fields": ["id"]})["result"]
        kw(odoo_url, key, "account.move.line", "reconcile", [[ln["id"] for ln in lines]])
        states[move_type] = kw(odoo_url, key, "account.move", "read", [[bill], ["payment_state"]])["result"][0][
            "payment_state"]
    assert states == {"in_invoice": "paid", "in_refund": "reversed"}


def test_a_payable_line_of_a_bill_may_move_to_another_payable_account_only(odoo, odoo_url):
    """Odoo: a bill's payment-term line must stay on a payable account, and nothing else may be on one."""
    key = odoo.ADMIN_KEY
    bill = kw(odoo_url, key, "account.move", "create", [{
        "move_type": "in_invoice", "partner_id": 1, "invoice_date": "2026-10-14",
        "invoice_line_ids": [[0, 0, {"account_id": odoo.account("431000")["id"], "name": "x", "price_unit": 10.0,
                                     "tax_ids": [[6, 0, []]]}]]}])["result"]
    (term,) = kw(odoo_url, key, "account.move.line", "search_read",
                 [[["move_id", "=", bill], ["display_type", "=", "payment_term"]]], {"fields": ["account_id"]})["result"]
    assert term["account_id"][1] == "130000 Creditors" if odoo.version == 17 else "130000 Crediteuren"
    name, message = err(kw(odoo_url, key, "account.move.line", "write",
                           [[term["id"]], {"account_id": odoo.account("431000")["id"]}]))
    assert name == "odoo.exceptions.UserError" and "payable account must have a due date" in message
    other = kw(odoo_url, key, "account.account", "create", [{"code": "169000", "name": "Pleo creditors",
                                                            "account_type": "liability_payable"}])["result"]
    assert kw(odoo_url, key, "account.move.line", "write", [[term["id"]], {"account_id": other}])["result"] is True
