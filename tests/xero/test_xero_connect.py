"""Connecting to Xero: PKCE sign-in through a fake browser, the organisation, tokens only in the keyring,
rotation under concurrency, revocation, reconnecting to the same organisation, disconnecting."""

from __future__ import annotations

import json
import threading
from types import SimpleNamespace

import pytest

from pleodesk.providers.base import AuthError, LedgerError
from pleodesk.providers.oauth import TokenSet
from pleodesk.providers.xero import create_provider
from pleodesk.providers.xero.auth import GRANULAR_SCOPES, XeroConnector, scopes_for, token_key, token_store

from xero_testkit import OTHER_TENANT, TENANT, fake_browser, requires_specs, sign_in


def test_sign_in_with_pkce_lands_in_the_keyring_only(connection, xero, memory_keyring):
    s = connection.settings
    assert s["tenant_id"] == TENANT and s["tenant_name"] == "Pleo Demo BV"
    assert s["xero_connection_id"] in xero.connections
    assert not any("token" in k for k in s if k not in ("token_url",))   # no token in the settings
    stored = memory_keyring.store[("pleodesk", token_key(1))]
    data = json.loads(stored)
    assert data["access_token"] and data["refresh_token"]
    # PKCE was required and checked by the emulator; the code exchange carried no client secret
    assert [r["grant_type"] for r in xero.token_requests] == ["authorization_code"]
    assert set(GRANULAR_SCOPES) <= set(data["scope"].split()) and "offline_access" in data["scope"]


def test_scopes():
    assert "offline_access" in scopes_for({})
    assert "accounting.banktransactions" in scopes_for({}) and "accounting.transactions" not in scopes_for({})
    assert "accounting.transactions" in scopes_for({"scope_style": "broad"})
    assert "bankfeeds" in scopes_for({"feed": "api"}) and "bankfeeds" not in scopes_for({"feed": "auto"})


def test_the_broad_scopes_of_older_apps_work_too(base_settings, port, recorder, xero):
    settings = {**base_settings, "scope_style": "broad"}
    settings.update(sign_in(settings, port, recorder))
    p = create_provider(SimpleNamespace(id=1, name="x", settings=settings), transport=recorder)
    assert p.check().ok
    p.close()


def test_a_redirect_uri_not_registered_is_refused(base_settings, xero, recorder):
    from xero_testkit import free_port

    connector = XeroConnector(base_settings, ports=[free_port()], open_browser=fake_browser(), transport=recorder)
    with pytest.raises(LedgerError):
        connector.connect(1, timeout=2)


def test_several_organisations_choose_one(base_settings, port, recorder, xero):
    xero.consent = [TENANT, OTHER_TENANT]
    connector = XeroConnector(base_settings, ports=[port], open_browser=fake_browser(), transport=recorder)
    with pytest.raises(LedgerError, match="several"):
        connector.connect(1, timeout=20)
    got = connector.connect(1, timeout=20, choose=lambda ts: next(t for t in ts if t.name == "Pleo Demo Ltd"))
    assert got["tenant_id"] == OTHER_TENANT


@requires_specs
def test_provider_lists_companies_and_checks(provider, recorder):
    assert [(c.id, c.name) for c in provider.list_companies()] == [(TENANT, "Pleo Demo BV")]
    result = provider.check()
    assert result.ok and result.version == "GLOBAL"
    recorder.assert_valid()


def test_rotation_under_concurrency_keeps_the_connection(provider, connection, xero, memory_keyring):
    """Eight threads find the access token expired at once: one refresh, the rotated refresh token is
    stored before use, and every call goes through."""
    store = token_store(1, connection.settings)
    t = store.load()
    store.save(TokenSet(t.access_token, t.refresh_token, 0.0, t.scope, t.raw))      # expired now
    xero.expire_access_tokens()
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def work():
        try:
            barrier.wait()
            provider.client.get_json(provider.api + "/Organisation")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    assert not errors
    refreshes = [r for r in xero.token_requests if r["grant_type"] == "refresh_token"]
    assert len(refreshes) == 1
    new = store.load()
    assert new.refresh_token != t.refresh_token and new.access_token != t.access_token
    # the newest refresh token works; the previous one still does during Xero's 30-minute grace period
    rec = xero.refresh_tokens[t.refresh_token]
    assert rec["rotated_at"] is not None


def test_a_401_with_a_fresh_looking_token_refreshes_once(provider, xero):
    xero.expire_access_tokens()           # Xero says expired; our clock says fine
    org = provider.client.get_json(provider.api + "/Organisation")
    assert org["Organisations"][0]["Name"] == "Pleo Demo BV"
    assert [r["grant_type"] for r in xero.token_requests].count("refresh_token") == 1


def test_previous_refresh_token_grace_then_invalid_grant(connection, xero, sandbox):
    from pleodesk.providers.oauth import OAuthRevoked, refresh

    store = token_store(1, connection.settings)
    old = store.load().refresh_token
    url = connection.settings["token_url"]
    new = refresh(url, connection.settings["client_id"], old)
    assert new.refresh_token != old
    again = refresh(url, connection.settings["client_id"], old)          # within the grace period: accepted
    assert again.access_token
    xero.advance(31 * 60 * xero.time_scale)
    with pytest.raises(OAuthRevoked):
        refresh(url, connection.settings["client_id"], old)


def test_revoked_sign_in_means_reconnect(provider, connection, xero):
    for g in xero.grants.values():
        g.revoked = True
    store = token_store(1, connection.settings)
    t = store.load()
    store.save(TokenSet(t.access_token, t.refresh_token, 0.0, t.scope, t.raw))
    with pytest.raises(AuthError) as exc:
        provider.read_chart()
    assert "reconnect" in exc.value.fix.lower() and "same" in exc.value.fix.lower()
    result = provider.check()
    assert not result.ok and "Reconnect" in result.messages[0]


def test_reconnect_to_the_same_organisation_only(connection, base_settings, port, recorder, xero, memory_keyring):
    before = memory_keyring.store[("pleodesk", token_key(1))]
    # The organisation removed pleodesk (Xero: Settings > Connected apps); the user signs in again and
    # picks another organisation on Xero's page.
    del xero.connections[connection.settings["xero_connection_id"]]
    xero.consent = [OTHER_TENANT]
    connector = XeroConnector(connection.settings, ports=[port], open_browser=fake_browser(), transport=recorder)
    with pytest.raises(LedgerError) as exc:
        connector.reconnect(1, timeout=20)
    assert "Pleo Demo Ltd" in exc.value.title and "Pleo Demo BV" in exc.value.title
    assert memory_keyring.store[("pleodesk", token_key(1))] == before          # nothing stored
    xero.consent = [TENANT]
    got = connector.reconnect(1, timeout=20)
    assert got["tenant_id"] == TENANT
    assert memory_keyring.store[("pleodesk", token_key(1))] != before


def test_disconnect_deletes_the_connection_and_revokes(connection, recorder, xero, memory_keyring):
    cid = connection.settings["xero_connection_id"]
    connector = XeroConnector(connection.settings, transport=recorder)
    problems = connector.disconnect(1)
    assert problems == []
    assert cid not in xero.connections
    assert all(g.revoked for g in xero.grants.values())
    assert ("pleodesk", token_key(1)) not in memory_keyring.store
    ops = {(m, t) for m, t, _ in recorder.operations()}
    assert ("DELETE", "/Connections/{id}") in ops
