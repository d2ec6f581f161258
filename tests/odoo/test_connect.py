"""Connect and check against the emulated Odoo 16 and 17 over real HTTP: every reason a connection
cannot work is reported in plain words."""

from __future__ import annotations

import httpx
import pytest

from pleodesk.core.model import ExpenseKind
from pleodesk.providers.base import AuthError, LedgerError
from pleodesk.providers.odoo import OdooProvider
from pleodesk.providers.odoo.rpc import map_error, normalise_url
from pleodesk.sandbox.odoo_emulator import OdooEmulatorApp, OdooState

from .conftest import DB
from .helpers import entries, expense, line


def test_check_passes_and_names_the_version(make_provider, version):
    result = make_provider().check()
    assert result.ok, result.messages
    assert result.version.startswith(f"Odoo {version}.0")
    assert any("Mitchell Admin" in m for m in result.messages)


def _problems(result) -> list[str]:
    return [m for m in result.messages if not m.startswith("Warning")]


def test_check_warns_of_employees_without_a_work_contact(make_provider, odoo, version):
    """Odoo 16 makes an employee's work contact only with a work e-mail or mobile: Bram Jansen has
    neither, so his out-of-pocket lines could carry no partner. 17 makes one for everyone."""
    result = make_provider().check()
    assert result.ok
    warnings = [m for m in result.messages if m.startswith("Warning")]
    if version == 16:
        (w,) = warnings
        assert "no work contact in Odoo (Bram Jansen)" in w and "work e-mail" in w
    else:
        assert warnings == []
    odoo.add_employee("Cas Wit", work_email="cas@demo.example")        # with an e-mail: a contact on 16 too
    assert not any("Cas Wit" in m for m in make_provider().check().messages)


def test_wrong_database_is_named(make_provider):
    result = make_provider(database="pleodesk_prod").check()
    assert not result.ok
    (msg,) = result.messages
    assert "no database named 'pleodesk_prod'" in msg
    assert "The server has: pleodesk" in msg


def test_wrong_key_is_refused_plainly(make_provider):
    result = make_provider(key="not-the-key").check()
    assert not result.ok
    assert "refused the login 'admin'" in result.messages[0]
    assert "New API Key" in result.messages[0]


def test_user_without_accountant_group(make_provider, odoo):
    p = make_provider(login="billing@demo.example", key=odoo.USER_KEYS["billing@demo.example"])
    result = p.check()
    assert not result.ok
    assert len(_problems(result)) == 1
    assert "Accountant or Adviser" in result.messages[0]
    assert "account.group_account_user" in result.messages[0]


def test_user_without_settings_group(make_provider, odoo):
    p = make_provider(login="nosettings@demo.example", key=odoo.USER_KEYS["nosettings@demo.example"])
    result = p.check()
    assert not result.ok
    assert len(_problems(result)) == 1
    assert "Administration group Settings" in result.messages[0]
    assert "base.group_system" in result.messages[0]


def test_employees_app_missing(make_provider, odoo):
    odoo.hr_installed = False
    result = make_provider().check()
    assert not result.ok
    assert "Employees app (hr) is not installed" in result.messages[0]


def test_invoicing_app_missing(make_provider, odoo):
    odoo._module("account")["state"] = "uninstalled"
    p = make_provider()
    result = p.check()
    assert not result.ok
    assert "Invoicing app (account) is not installed" in " ".join(result.messages)
    with pytest.raises(LedgerError) as info:
        p.read_chart()
    assert info.value.title == "The Invoicing app is not installed in this Odoo database"
    assert "Apps" in info.value.fix and info.value.reason_type == "invalid_configuration"


def test_out_of_pocket_without_the_employees_app_is_booked_without_the_employee(make_provider, odoo):
    settings = make_provider().ensure_setup({})
    odoo.hr_installed = False
    p = make_provider(**settings, post=True)
    es = entries([expense("o1", line("4300", "12.10", "21%"), kind=ExpenseKind.OUT_OF_POCKET)], p.settings,
                 p.read_chart())
    (result,) = p.send_batch(es)
    assert result.ok, result.error
    (m,) = odoo.moves()
    (owed,) = [ln for ln in m["lines"] if ln["account_code"] == settings["accounts"]["out_of_pocket"]]
    assert owed["credit"] == 12.1 and owed["partner_id"] is None


def test_company_the_user_may_not_use(make_provider, odoo):
    p = make_provider(login="other@demo.example", key=odoo.USER_KEYS["other@demo.example"], company_id=1)
    result = p.check()
    assert not result.ok
    assert "may not use the chosen company" in " ".join(result.messages)


def test_odoo_15_is_refused(odoo_server):
    switch, url = odoo_server
    state = OdooState(15)
    switch.app = OdooEmulatorApp(state)
    p = OdooProvider(url, DB, "admin", state.ADMIN_KEY, company_id=1)
    try:
        result = p.check()
        assert not result.ok
        assert "Odoo 15.0" in result.messages[0] and "16 and 17" in result.messages[0]
        with pytest.raises(LedgerError, match="does not support"):
            p.read_chart()
    finally:
        p.close()


def test_plain_http_to_a_remote_host_is_warned_about(odoo):
    transport = httpx.WSGITransport(app=OdooEmulatorApp(odoo))
    p = OdooProvider("http://odoo.example.com", DB, "admin", odoo.ADMIN_KEY, company_id=1, transport=transport)
    try:
        result = p.check()
        assert result.ok
        assert "unencrypted" in result.messages[0] and "https://" in result.messages[0]
    finally:
        p.close()
    # loopback http (the sandbox) is not warned about
    local = OdooProvider("http://127.0.0.1:8069", DB, "admin", odoo.ADMIN_KEY, company_id=1, transport=transport)
    try:
        assert not any("unencrypted" in m for m in local.check().messages)
    finally:
        local.close()


def test_list_companies_per_user(make_provider, odoo):
    assert [c.name for c in make_provider().list_companies()] == ["Demo Company B.V.", "Other Company ApS"]
    other = make_provider(login="other@demo.example", key=odoo.USER_KEYS["other@demo.example"], company_id=None)
    assert [(c.id, c.name) for c in other.list_companies()] == [("2", "Other Company ApS")]


def test_each_company_sees_only_its_own_chart(make_provider):
    second = make_provider(company_id=2).read_chart()
    assert sorted(second.accounts) == ["1100", "1510", "1600", "4000"]
    assert list(second.taxes) == ["25% purchase"]
    first = make_provider(company_id=1).read_chart()
    assert "431000" in first.accounts and "4000" not in first.accounts and "25% purchase" not in first.taxes


def test_revoked_key_is_an_auth_error(make_provider, odoo):
    p = make_provider()
    p.read_chart()
    odoo.revoke_key()
    with pytest.raises(AuthError) as info:
        p.read_chart()
    assert "API key" in info.value.title and "New API Key" in info.value.fix


def test_unreachable_server_is_retryable(odoo):
    p = OdooProvider("http://127.0.0.1:9", DB, "admin", odoo.ADMIN_KEY, company_id=1, timeout=2)
    p.rpc.retry_delay = 0.01
    try:
        result = p.check()
        assert not result.ok and "could not be reached" in result.messages[0]
        with pytest.raises(LedgerError) as info:
            p.send_batch([object()])  # type: ignore[list-item]
        assert info.value.retryable
    finally:
        p.close()


def test_session_login_refuses_api_keys_like_odoo(odoo, odoo_url):
    r = httpx.post(f"{odoo_url}/web/session/authenticate",
                   json={"jsonrpc": "2.0", "method": "call", "params": {"db": DB, "login": "admin",
                                                                         "password": odoo.ADMIN_KEY}, "id": 1})
    assert r.json()["error"]["data"]["name"] == "odoo.exceptions.AccessDenied"


def test_error_shapes_map_to_plain_errors():
    def err(name, message):
        return {"code": 200, "message": "Odoo Server Error", "data": {"name": name, "message": message}}

    assert isinstance(map_error(err("odoo.exceptions.AccessDenied", "Access Denied")), AuthError)
    e = map_error(err("odoo.exceptions.AccessError", "You are not allowed to create 'Journal Entry'"), login="bea")
    assert e.title == "The Odoo user 'bea' is not allowed to do this" and "Accountant or Adviser" in e.fix
    e = map_error(err("odoo.exceptions.UserError", "You cannot add/modify entries prior to and inclusive of the "
                                                  "lock date 01/31/2026."))
    assert e.title.startswith("Odoo refused it: You cannot add/modify") and "lock date" in e.fix.lower()
    e = map_error(err("odoo.exceptions.ValidationError", "Cannot create a purchase document in a non purchase journal"))
    assert not e.retryable and e.reason_type == "accounting_system_validation_failure"
    e = map_error(err("odoo.exceptions.MissingError", "Record does not exist or has been deleted."))
    assert "no longer exists" in e.title
    e = map_error(err("psycopg2.OperationalError", 'FATAL:  database "x" does not exist'))
    assert "database does not exist" in e.title


@pytest.mark.parametrize("raw,expected", [
    ("mycompany.odoo.com", "https://mycompany.odoo.com"),
    ("https://mycompany.odoo.com/web#action=123&model=account.move", "https://mycompany.odoo.com"),
    ("https://erp.example.com/jsonrpc", "https://erp.example.com"),
    ("http://127.0.0.1:8000/odoo/", "http://127.0.0.1:8000/odoo"),
])
def test_addresses_are_normalised(raw, expected):
    assert normalise_url(raw) == expected
