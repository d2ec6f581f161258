"""``[lexoffice]`` in a setup file: the key from an environment variable only, Lexware's gateway or the
local sandbox only, clear words for what is wrong and nothing saved."""

from __future__ import annotations

import pytest

from pleodesk.demo import LEXOFFICE_KEY_ENV, lexoffice_demo_setup_dict
from pleodesk.sandbox.lexoffice_emulator import DEMO_API_KEY
from pleodesk.setup_file import SetupError, apply_plan, check_plan, plan_from_dict
from pleodesk.storage import open_store


def _plan(sandbox, env=None, **section):
    data = lexoffice_demo_setup_dict(sandbox)
    data["lexoffice"].update(section)
    env = {"PLEODESK_DEMO_PLEO_API_KEY": sandbox.api_key, LEXOFFICE_KEY_ENV: DEMO_API_KEY, **(env or {})}
    return plan_from_dict(data, env=env, interactive=False, where="lexoffice.toml")


@pytest.mark.parametrize("section, words", [
    ({"api_key": "abc"}, "do not write the Lexware Office API key in the file"),
    ({"api_url": "https://api.lexoffice.io"}, "retired in December 2025"),
    ({"api_url": "https://lexware.example.com"}, "must be https://api.lexware.io"),
    ({"sandbox_url": "http://192.0.2.7:8765"}, "must use https"),
    ({"feed": "partner"}, "is not one of auto, file"),
    ({"create_contacts": "yes"}, "create_contacts must be true or false"),
    ({"colour": "blue"}, "colour is not a setting"),
])
def test_bad_sections_are_refused_with_what_to_fix(sandbox, lex, section, words):
    with pytest.raises(SetupError) as err:
        _plan(sandbox, **section)
    assert words in str(err.value) and "[lexoffice]" in str(err.value)


def test_a_wrong_key_saves_nothing(sandbox, lex):
    plan = _plan(sandbox, env={LEXOFFICE_KEY_ENV: "wrong"})
    problems = check_plan(plan)
    assert any("does not accept the API key" in p for p in problems)


def test_the_demo_setup_saves_a_connection_with_the_company(sandbox, lex):
    plan = _plan(sandbox)
    assert check_plan(plan) == []
    store = open_store()
    try:
        conn = apply_plan(store, plan)
        assert conn.system == "lexoffice" and conn.settings["company_name"] == "Pleo Demo GmbH"
        assert conn.settings["organization_id"] == lex.demo.id and conn.settings["auth"] == "api_key"
        assert DEMO_API_KEY not in str(conn.settings)          # the key is in the keyring only
    finally:
        store.close()


def test_the_example_file_works_against_the_german_sandbox(sandbox, lex):
    """examples/lexoffice.toml, pointed at the sandbox as its comments say, passes every check."""
    import tomllib
    from pathlib import Path

    data = tomllib.loads((Path(__file__).resolve().parents[2] / "examples" / "lexoffice.toml").read_text("utf-8"))
    data["pleo"].update(base_url=sandbox.pleo_url, company_id=sandbox.company_id)
    data["lexoffice"]["sandbox_url"] = sandbox.url
    plan = plan_from_dict(data, env={"PLEO_API_KEY": sandbox.api_key, "LEXOFFICE_API_KEY": DEMO_API_KEY},
                          where="lexoffice.toml")
    assert check_plan(plan) == []
    assert plan.mappings.categories["4650"].account == "4217c396"


def test_a_build_with_a_lexware_partner_app_offers_partner_access(tmp_path, monkeypatch):
    """build_installer.py --lexoffice-partner-client-id puts the partner app into the bundle's resources; the
    app then has partner credentials (and without them, only the API key)."""
    import json
    from pathlib import Path

    import build_installer as bi
    from pleodesk.providers.lexoffice.auth import partner_credentials

    root = Path(__file__).resolve().parents[2]
    bundle = tmp_path / "pleodesk"
    resources = bundle / "_internal" / "resources"
    resources.mkdir(parents=True)
    monkeypatch.delenv("PLEODESK_LEXOFFICE_PARTNER_CLIENT_ID", raising=False)
    monkeypatch.delenv("PLEODESK_LEXOFFICE_PARTNER_CLIENT_SECRET", raising=False)
    monkeypatch.setenv("PLEODESK_RESOURCES", str(resources))
    assert partner_credentials() is None
    with pytest.raises(SystemExit, match="client secret"):
        bi.write_lexoffice_partner(bundle, "partner-id", "")
    [written] = bi.write_lexoffice_partner(bundle, "partner-id", "s3cret")
    assert json.loads(written.read_text()) == {"client_id": "partner-id", "client_secret": "s3cret"}
    creds = partner_credentials()
    assert creds is not None and (creds.client_id, creds.client_secret) == ("partner-id", "s3cret")
    assert not (root / "resources" / "lexoffice-partner.json").exists()     # never in the source


@pytest.mark.parametrize("country, name, address_country, category", [
    ("NL", "Demo Company B.V.", "NL", None),
    ("FR", "Société Démo SAS", "FR", None),
    ("DE", "Pleo Demo GmbH", "DE", "Bürobedarf"),
])
def test_the_sandbox_has_a_dutch_a_french_and_a_german_company(country, name, address_country, category):
    """One sandbox option, three demo companies: the French one for the French ledgers, the German one for
    Lexware Office (its Pleo categories carry Lexware Office's names)."""
    from pleodesk.cli import build_parser
    from pleodesk.sandbox.pleo_emulator import PleoState

    state = PleoState(months=["2026-08"], expenses_per_month=5, country=country)
    company = state._company_json(state.company_id)
    assert company["name"] == name == state.data.company_name
    assert company["address"]["country"] == address_country
    if category:
        assert category in {a.name for a in state.data.categories.values()}
    assert build_parser().parse_args(["sandbox", "--country", country]).country == country


def test_no_demo_company_for_another_country():
    from pleodesk.sandbox.pleo_emulator import PleoState

    with pytest.raises(ValueError, match="NL, FR and DE"):
        PleoState(months=["2026-08"], expenses_per_month=5, country="AT")
