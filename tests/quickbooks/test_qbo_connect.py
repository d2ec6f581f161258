"""Signing in to QuickBooks from a desktop app: the https redirect page handing the answer to the loopback
listener (the port in ``state``), pasting it where the browser cannot, PKCE and ``state``, the company
(realm), reconnecting to the same company only, a 401 refreshed once, rotating refresh tokens refreshed
one at a time across processes, and the user's own Intuit app with its secret in the keyring."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from pleodesk.providers.base import AuthError, LedgerError
from pleodesk.providers.oauth import TokenSet
from pleodesk.providers.quickbooks import create_provider
from pleodesk.providers.quickbooks.auth import QboConnector, app_secret_key, token_key, token_store
from pleodesk.sandbox.qbo_emulator import (
    FR_REALM,
    PRODUCTION_CLIENT_ID,
    PRODUCTION_CLIENT_SECRET,
    PRODUCTION_REDIRECT_URI,
    US_REALM,
)
from pleodesk.secrets import get_secret

from qbo_testkit import fake_browser, free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def production(monkeypatch):
    """pleodesk's built-in app as a production key: redirects only to the https page."""
    monkeypatch.setenv("PLEODESK_QBO_CLIENT_ID", PRODUCTION_CLIENT_ID)
    monkeypatch.setenv("PLEODESK_QBO_CLIENT_SECRET", PRODUCTION_CLIENT_SECRET)
    monkeypatch.setenv("PLEODESK_QBO_REDIRECT_URI", PRODUCTION_REDIRECT_URI)


def test_signing_in_through_the_https_redirect_page(qbo, base_settings, recorder, production):
    log: list[str] = []
    port = free_port()
    connector = QboConnector(base_settings, ports=[port], open_browser=fake_browser(log), transport=recorder)
    settings = connector.connect(7, timeout=20)
    assert settings["realm_id"] == FR_REALM and settings["company_name"] == "Société Démo SAS"
    assert settings["country"] == "FR" and "client_id" not in settings      # the built-in app: nothing to keep
    from urllib.parse import parse_qs, urlsplit

    q = {k: v[0] for k, v in parse_qs(urlsplit(log[0]).query).items()}
    assert q["redirect_uri"] == PRODUCTION_REDIRECT_URI
    assert q["state"].startswith(f"{port}.") and len(q["state"]) > 30       # the port travels in state
    assert q["code_challenge_method"] == "S256" and q["code_challenge"]     # PKCE where accepted
    stored = token_store(7, settings).load()
    assert stored.refresh_token and json.loads(get_secret(token_key(7)))["refresh_token"] == stored.refresh_token
    [token_call] = [ex for ex in recorder.exchanges if ex.request.url.path.endswith("/tokens/bearer")]
    form = dict(parse_qs(token_call.request.content.decode()))
    assert form["redirect_uri"] == [PRODUCTION_REDIRECT_URI] and "code_verifier" in form
    assert token_call.request.headers["Authorization"].startswith("Basic ")   # the secret at the token endpoint
    recorder.assert_valid()


def test_pasting_the_answer_when_the_browser_cannot_reach_pleodesk(qbo, base_settings, production):
    landed: list[str] = []
    connector = QboConnector(base_settings, ports=[free_port()],
                             open_browser=fake_browser(land=landed, follow_bounce=False))
    out: dict = {}

    def run():
        try:
            out["settings"] = connector.connect(8, timeout=20)
        except BaseException as exc:  # noqa: BLE001
            out["error"] = exc

    t = threading.Thread(target=run)
    t.start()
    deadline = time.monotonic() + 10
    while not landed and time.monotonic() < deadline:
        time.sleep(0.05)
    assert landed, "the browser never reached the redirect page"
    assert not connector.submit("https://elsewhere.example/?nothing=here")    # no code: not taken
    assert connector.submit(landed[0])             # what the page shows, pasted into pleodesk
    t.join(20)
    assert out.get("settings", {}).get("realm_id") == FR_REALM, out


def test_a_pasted_answer_of_another_sign_in_is_refused(qbo, base_settings, production):
    landed: list[str] = []
    connector = QboConnector(base_settings, ports=[free_port()],
                             open_browser=fake_browser(land=landed, follow_bounce=False))
    errors: list[BaseException] = []
    t = threading.Thread(target=lambda: _catch(errors, lambda: connector.connect(9, timeout=20)))
    t.start()
    while not landed:
        time.sleep(0.05)
    forged = landed[0].replace("state=", "state=1234.x")
    assert connector.submit(forged)
    t.join(20)
    assert errors and "did not belong to this sign-in" in str(errors[0].detail)
    assert token_store(9, base_settings).load() is None


def _catch(errors, fn):
    try:
        fn()
    except BaseException as exc:  # noqa: BLE001
        errors.append(exc)


def test_access_denied_on_intuits_page(qbo, base_settings, port):
    qbo.deny_next = True
    with pytest.raises(LedgerError, match="did not complete") as err:
        QboConnector(base_settings, ports=[port], open_browser=fake_browser()).connect(3, timeout=20)
    assert "not granted" in err.value.detail


def test_reconnecting_to_another_company_changes_nothing(qbo, connection, port, base_settings):
    before = get_secret(token_key(1))
    qbo.consent_realm = US_REALM
    connector = QboConnector(connection.settings, ports=[port], open_browser=fake_browser())
    with pytest.raises(LedgerError, match="this connection books into 'Société Démo SAS'") as err:
        connector.reconnect(1, timeout=20)
    assert "Nothing was changed" in err.value.detail
    assert get_secret(token_key(1)) == before
    us_grants = [g for g in qbo.grants.values() if g.realm == US_REALM]
    assert us_grants and all(g.revoked for g in us_grants)      # the stray sign-in was revoked again
    qbo.consent_realm = FR_REALM
    settings = connector.reconnect(1, timeout=20)
    assert settings["realm_id"] == FR_REALM and get_secret(token_key(1)) != before


def test_a_401_is_refreshed_once_then_the_call_goes_through(qbo, provider, connection):
    qbo.rotate_after_seconds = 0                 # every refresh rotates the refresh token
    first = token_store(1, connection.settings).load()
    qbo.expire_access_tokens()                   # QuickBooks ends the access token before its time
    assert provider.read_chart().accounts["512000"].name == "Banque"
    now = token_store(1, connection.settings).load()
    assert now.refresh_token != first.refresh_token and now.access_token != first.access_token
    assert [r["grant_type"] for r in qbo.token_requests].count("refresh_token") == 1


def test_a_revoked_sign_in_says_reconnect_to_the_same_company(qbo, provider):
    qbo.revoke_all()
    qbo.expire_access_tokens()
    with pytest.raises(AuthError) as err:
        provider.read_chart()
    assert "Reconnect to the same QuickBooks company" in err.value.fix
    check = provider.check()
    assert not check.ok and "Reconnect" in check.messages[0]


def test_the_users_own_intuit_app_keeps_its_secret_in_the_keyring(qbo, base_settings, port, monkeypatch):
    from pleodesk.sandbox.qbo_emulator import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET

    for var in ("PLEODESK_QBO_CLIENT_ID", "PLEODESK_QBO_CLIENT_SECRET", "PLEODESK_QBO_REDIRECT_URI"):
        monkeypatch.delenv(var)
    monkeypatch.setenv("PLEODESK_RESOURCES", "/nonexistent")
    own = {**base_settings, "client_id": SANDBOX_CLIENT_ID, "redirect_uri": f"http://localhost:{port}/callback"}
    connector = QboConnector(own, secret=SANDBOX_CLIENT_SECRET, ports=[port], open_browser=fake_browser())
    settings = {**own, **connector.connect(4, timeout=20)}
    assert settings["keyring_entries"] == ["quickbooks-client-secret"]
    assert SANDBOX_CLIENT_SECRET not in json.dumps(settings)
    assert get_secret(app_secret_key(4)) == SANDBOX_CLIENT_SECRET
    p = create_provider(SimpleNamespace(id=4, name="own", settings=settings))
    try:
        qbo.expire_access_tokens()               # the refresh needs the secret from the keyring
        assert p.read_chart().accounts
    finally:
        p.close()
    assert QboConnector(settings).disconnect(4) == []
    assert get_secret(app_secret_key(4)) is None and get_secret(token_key(4)) is None
    assert all(g.revoked for g in qbo.grants.values() if g.client_id == SANDBOX_CLIENT_ID)


_CHILD = """
import json, sys
from pleodesk.providers.oauth import TokenStore
store = TokenStore(sys.argv[1], sys.argv[2], sys.argv[3], client_secret=sys.argv[4])
print(json.dumps({"access": store.get_access_token()}))
"""


def test_two_processes_refreshing_at_once_keep_the_connection(qbo, connection, tmp_path, pleodesk_home):
    """Strict rotation (the old refresh token is refused once a new one was handed out): the second process
    waits for the first one's refresh and uses the token set it stored, instead of refreshing with the
    replaced refresh token (which would disconnect the user)."""
    from keyring_file import FileKeyring

    import keyring

    qbo.rotate_after_seconds = 0
    key = token_key(1)
    tokens = token_store(1, connection.settings).load()
    kr = FileKeyring(tmp_path / "keyring.json")
    kr.set_password("pleodesk", key, TokenSet(tokens.access_token, tokens.refresh_token, 0.0, tokens.scope,
                                              tokens.raw).to_json())
    env = {**os.environ, "PLEODESK_HOME": str(pleodesk_home), "PYTHON_KEYRING_BACKEND": "keyring_file.FileKeyring",
           "PLEODESK_TEST_KEYRING": str(tmp_path / "keyring.json"),
           "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    args = [sys.executable, "-c", _CHILD, key, connection.settings["token_url"],
            os.environ["PLEODESK_QBO_CLIENT_ID"], os.environ["PLEODESK_QBO_CLIENT_SECRET"]]
    procs = [subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-500:] for o in outs]
    stored = TokenSet.from_json(kr.get_password("pleodesk", key))
    assert [r["grant_type"] for r in qbo.token_requests].count("refresh_token") == 1
    assert {json.loads(o[0])["access"] for o in outs} == {stored.access_token}
    assert not qbo.refresh_tokens[stored.refresh_token]["dead"]          # the newest one is stored, alive
    keyring.get_keyring()                                                # (the test's own keyring is untouched)


def test_an_expired_sign_in_says_reconnect_too(qbo, provider):
    qbo.refresh_token_seconds = 0                # not used for 100 days: Intuit ends it
    qbo.expire_access_tokens()
    with pytest.raises(AuthError) as err:
        provider.read_chart()
    assert "revoked or has expired" in err.value.title and "same QuickBooks company" in err.value.fix
