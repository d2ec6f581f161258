"""A 401 that forces a refresh, while another thread refreshes the same sign-in under strict rotation
(Xero keeps no grace period for a used refresh token): the token set that was just rotated is never
written back, so the connection stays connected."""

from __future__ import annotations

import threading

from pleodesk.providers.oauth import TokenSet
from pleodesk.providers.xero.auth import force_refresh_for, token_key, token_store


def test_a_forced_refresh_never_writes_back_a_rotated_refresh_token(connection, provider, xero, memory_keyring):
    xero.refresh_grace_seconds = 0                   # strict rotation: a used refresh token is refused at once
    name = token_key(1)
    first = token_store(1, connection.settings).load()
    # The access token is due for renewal: one thread refreshes it; another just had it refused (401).
    token_store(1, connection.settings).save(
        TokenSet(first.access_token, first.refresh_token, 0.0, first.scope, first.raw))

    forcing_reads = threading.Event()
    refreshed = threading.Event()
    get, set_ = memory_keyring.get_password, memory_keyring.set_password

    def slow_read(service, username):
        value = get(service, username)
        if threading.current_thread().name == "forcing" and username == name and not forcing_reads.is_set():
            forcing_reads.set()
            refreshed.wait(2.0)   # the refresh lands between this read and the write that follows it
        return value

    def noted_write(service, username, password):
        set_(service, username, password)
        if threading.current_thread().name == "refreshing" and username == name:
            refreshed.set()

    memory_keyring.get_password = slow_read
    memory_keyring.set_password = noted_write
    errors: list[BaseException] = []

    def run(fn):
        def body():
            try:
                fn()
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)
        return body

    forcing = threading.Thread(target=run(lambda: force_refresh_for(token_store(1, connection.settings))(
        first.access_token)), name="forcing")
    refreshing = threading.Thread(target=run(lambda: token_store(1, connection.settings).get_access_token()),
                                  name="refreshing")
    forcing.start()
    assert forcing_reads.wait(10)
    refreshing.start()
    forcing.join(30)
    refreshing.join(30)
    assert errors == []

    memory_keyring.get_password, memory_keyring.set_password = get, set_
    stored = token_store(1, connection.settings).load()
    assert stored.refresh_token != first.refresh_token, "the rotated-out refresh token was written back"
    assert xero.refresh_tokens[stored.refresh_token]["rotated_at"] is None
    # And the connection still works: the next call refreshes (or uses) the newest sign-in.
    org = provider.client.get_json(provider.api + "/Organisation")
    assert org["Organisations"][0]["Name"] == "Pleo Demo BV"
