"""The module contract the app relies on, and the [xero] section of a setup file."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

import pleodesk.providers.xero as xero_module
from pleodesk.connections import available_systems, make_provider
from pleodesk.providers.base import Provider
from pleodesk.setup_file import SetupError, plan_from_dict


def test_module_contract():
    assert xero_module.SYSTEM == "xero" and xero_module.LABEL == "Xero"
    assert available_systems()["xero"] == "Xero"
    p = make_provider(SimpleNamespace(id=9, name="x", system="xero",
                                      settings={"tenant_id": "t-1", "client_id": "c-1"}))
    assert isinstance(p, Provider) and p.system == "xero"
    caps = p.capabilities()
    assert caps.batch_size == 50 and caps.max_attachments == 10 and caps.feed
    p.close()


def test_a_connection_without_an_organisation_is_refused():
    from pleodesk.providers.base import LedgerError

    with pytest.raises(LedgerError, match="no organisation"):
        make_provider(SimpleNamespace(id=9, name="x", system="xero", settings={"client_id": "c"}))


def _setup(section: dict, env=None):
    data = {"connection": {"name": "X", "system": "xero"},
            "pleo": {"base_url": "https://external.pleo.io", "company_id": "c", "api_key_env": "K"},
            "xero": section}
    return plan_from_dict(data, env={"K": "pleo-key", **(env or {})}, where="setup.toml")


def test_settings_from_setup():
    plan = _setup({"tenant_id": "t-1", "wallet_currency": "EUR", "client_id": "my-app",
                   "out_of_pocket_as": "bill", "feed": "file", "sandbox_url": "http://127.0.0.1:8765"})
    s = plan.settings
    assert s["tenant_id"] == "t-1" and s["client_id"] == "my-app" and s["out_of_pocket_as"] == "bill"
    assert s["api_url"] == "http://127.0.0.1:8765/xero/api.xro/2.0"
    assert s["token_url"] == "http://127.0.0.1:8765/xero-identity/connect/token"
    assert plan.ledger_secrets == {}
    plan = _setup({"tenant_id": "t-1", "wallet_currency": "EUR", "refresh_token_env": "XR"}, env={"XR": "rt-1"})
    stored = json.loads(plan.ledger_secrets["xero-oauth"])
    assert stored["refresh_token"] == "rt-1" and stored["expires_at"] == 0
    assert "rt-1" not in json.dumps(plan.settings)


@pytest.mark.parametrize("section, message", [
    ({"wallet_currency": "EUR"}, "tenant_id is missing"),
    ({"tenant_id": "t"}, "wallet_currency is missing"),
    ({"tenant_id": "t", "wallet_currency": "EUR", "feed": "fax"}, "feed = 'fax' is not one of"),
    ({"tenant_id": "t", "wallet_currency": "EUR", "colour": "red"}, "unknown key colour"),
    ({"tenant_id": "t", "wallet_currency": "EUR", "refresh_token": "x"}, "do not write"),
])
def test_setup_mistakes_are_named(section, message):
    with pytest.raises(SetupError, match=message):
        _setup(section)


def test_the_example_setup_file_parses():
    from pathlib import Path

    from pleodesk.setup_file import load_setup_file

    example = Path(__file__).resolve().parents[2] / "examples" / "xero.toml"
    plan = load_setup_file(example, env={"PLEO_API_KEY": "k", "XERO_REFRESH_TOKEN": "rt"}, interactive=False)
    assert plan.system == "xero" and plan.settings["wallet_currency"] == "EUR"
