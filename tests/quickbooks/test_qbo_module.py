"""The module contract the app relies on, and the [quickbooks] section of a setup file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import pleodesk.providers.quickbooks as qbo_module
from pleodesk.connections import available_systems, connection_secrets, make_provider
from pleodesk.providers.base import LedgerError, Provider
from pleodesk.setup_file import SetupError, plan_from_dict

ROOT = Path(__file__).resolve().parents[2]


def test_module_contract(monkeypatch):
    monkeypatch.setenv("PLEODESK_QBO_CLIENT_ID", "cid")
    monkeypatch.setenv("PLEODESK_QBO_CLIENT_SECRET", "secret")
    monkeypatch.setenv("PLEODESK_QBO_REDIRECT_URI", "https://example.org/qbo-callback.html")
    assert qbo_module.SYSTEM == "quickbooks" and qbo_module.LABEL == "QuickBooks Online"
    assert available_systems()["quickbooks"] == "QuickBooks Online"
    p = make_provider(SimpleNamespace(id=9, name="x", system="quickbooks", settings={"realm_id": "123"}))
    assert isinstance(p, Provider) and p.system == "quickbooks"
    caps = p.capabilities()
    assert caps.batch_size == 30 and not caps.feed and caps.max_attachment_bytes <= 100 * 1024 * 1024
    p.close()
    conn = SimpleNamespace(id=9, system="quickbooks", settings={"keyring_entries": ["quickbooks-client-secret"]})
    assert {"quickbooks-oauth", "quickbooks-client-secret"} <= set(connection_secrets(conn))


def test_a_connection_without_a_company_is_refused():
    with pytest.raises(LedgerError, match="no company"):
        make_provider(SimpleNamespace(id=9, name="x", system="quickbooks", settings={}))


def test_a_copy_without_an_intuit_app_says_what_to_enter(monkeypatch, tmp_path):
    for var in ("PLEODESK_QBO_CLIENT_ID", "PLEODESK_QBO_CLIENT_SECRET", "PLEODESK_QBO_REDIRECT_URI"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PLEODESK_RESOURCES", str(tmp_path))      # no resources/quickbooks-app.json
    with pytest.raises(LedgerError, match="no Intuit app built in") as err:
        make_provider(SimpleNamespace(id=9, name="x", system="quickbooks", settings={"realm_id": "1"}))
    assert "Advanced" in err.value.fix


def test_the_source_carries_no_intuit_app():
    from pleodesk.providers.quickbooks.auth import APP_PLACEHOLDER

    data = json.loads((ROOT / "resources" / "quickbooks-app.json").read_text())
    assert data["client_id"] == APP_PLACEHOLDER and not data["client_secret"]


def test_the_core_imports_no_provider():
    code = ("import sys, pleodesk.core.engine, pleodesk.core.posting, pleodesk.core.validation; "
            "print(sorted(m for m in sys.modules if m.startswith('pleodesk.providers.quickbooks')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def _setup(section: dict, env=None):
    data = {"connection": {"name": "Q", "system": "quickbooks"},
            "pleo": {"base_url": "https://external.pleo.io", "company_id": "c", "api_key_env": "K"},
            "quickbooks": section}
    return plan_from_dict(data, env={"K": "pleo-key", **(env or {})}, where="setup.toml")


def test_settings_from_setup():
    plan = _setup({"realm_id": "9341", "wallet_currency": "EUR", "sandbox_url": "http://127.0.0.1:8765",
                   "pocket": True, "bank_account": {"name": "Banque Pleo", "number": "512", "journal_code": "BP"}})
    s = plan.settings
    assert s["realm_id"] == "9341" and s["pocket"] is True and s["bank_account"]["journal_code"] == "BP"
    assert s["api_url"] == "http://127.0.0.1:8765/qbo" and s["environment"] == "sandbox"
    assert s["token_url"] == "http://127.0.0.1:8765/qbo-oauth/oauth2/v1/tokens/bearer"
    assert plan.ledger_secrets == {}
    plan = _setup({"realm_id": "9341", "refresh_token_env": "QR", "client_id": "own", "client_secret_env": "QS",
                   "redirect_uri": "https://books.example/qbo-callback.html"}, env={"QR": "rt-1", "QS": "s3cret"})
    assert json.loads(plan.ledger_secrets["quickbooks-oauth"])["refresh_token"] == "rt-1"
    assert plan.ledger_secrets["quickbooks-client-secret"] == "s3cret"
    assert plan.settings["keyring_entries"] == ["quickbooks-client-secret"]
    assert "s3cret" not in json.dumps(plan.settings) and "rt-1" not in json.dumps(plan.settings)


@pytest.mark.parametrize("section, message", [
    ({}, "realm_id is missing"),
    ({"realm_id": "1", "environment": "staging"}, "environment = 'staging' is not one of"),
    ({"realm_id": "1", "colour": "red"}, "unknown key colour"),
    ({"realm_id": "1", "refresh_token": "x"}, "do not write"),
    ({"realm_id": "1", "client_secret": "x"}, "do not write"),
    ({"realm_id": "1", "client_id": "own", "redirect_uri": "https://x.example/cb"}, "client_secret_env is missing"),
    ({"realm_id": "1", "client_id": "own", "client_secret_env": "S", "redirect_uri": "http://books.example/cb"},
     "must be an https address"),
    ({"realm_id": "1", "sandbox_url": "http://127.attacker.example"}, "is not the local sandbox"),
    ({"realm_id": "1", "bank_account": {"colour": "red"}}, "bank_account is a table"),
    ({"realm_id": "1", "pocket": "yes"}, "pocket must be true or false"),
])
def test_setup_mistakes_are_named(section, message):
    with pytest.raises(SetupError, match=message):
        _setup(section, env={"S": "x"})


def test_the_example_setup_file_parses():
    from pleodesk.setup_file import load_setup_file

    plan = load_setup_file(ROOT / "examples" / "quickbooks.toml",
                           env={"PLEO_API_KEY": "k", "QBO_REFRESH_TOKEN": "rt"}, interactive=False)
    assert plan.system == "quickbooks" and plan.settings["realm_id"]
    assert plan.settings["bank_account"]["number"] == "512"
