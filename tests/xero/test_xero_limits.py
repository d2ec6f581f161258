"""Xero's limits and error statuses: paced under 60 a minute and 5 at once, Retry-After honoured, the
daily limit stops the run with its reset time, and 401/403/404/412/500/503 in plain words."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from pleodesk.providers.base import AuthError
from pleodesk.providers.xero.client import Pacer, XeroClient, XeroDailyLimit, XeroError, XeroLimits

from xero_testkit import SCALE, TENANT, demo_entries


def test_pacing_keeps_under_the_minute_and_concurrency_limits(provider, xero):
    """130 reads from 8 threads: no 429 at all, and it takes at least the two minutes (on Xero's
    clock) that 60 calls a minute impose."""
    minute = 60 / SCALE
    n = 130
    start = time.monotonic()
    errors = []

    def work(k):
        try:
            for _ in range(k):
                provider.client.get_json(provider.api + "/Currencies")
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n // 8 + (1 if i < n % 8 else 0),)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    elapsed = time.monotonic() - start
    assert not errors
    assert sum(xero.demo.refused_429.values()) == 0, xero.demo.refused_429
    floor = (n // 60) * minute                          # calls 61.. wait a minute, calls 121.. another
    assert floor <= elapsed < floor + 1.5 * minute


def test_pacer_counts_a_token_until_a_minute_after_the_answer():
    clock = [0.0]
    p = Pacer(XeroLimits(per_minute=2, concurrent=5), clock=lambda: clock[0])
    p.acquire(); p.release()
    p.acquire(); clock[0] = 10.0; p.release()       # answered at t=10
    done = []
    t = threading.Thread(target=lambda: (p.acquire(), done.append(clock[0])))
    t.start()
    time.sleep(0.05)
    assert not done
    clock[0] = 60.0                                 # the first token frees at 60
    t.join(2)
    assert done == [60.0]


def test_a_429_waits_as_retry_after_says(provider, xero):
    """Another app of the same user used the minute up: Xero answers 429 minute; pleodesk waits and goes on."""
    org = xero.demo
    now = xero.now()
    with xero.lock:
        org.minute_hits.extend([now] * xero.per_minute)
    start = time.monotonic()
    data = provider.client.get_json(provider.api + "/Organisation")
    assert data["Organisations"][0]["Name"] == "Pleo Demo BV"
    assert org.refused_429["minute"] >= 1 and provider.client.retries_429 >= 1
    assert time.monotonic() - start >= 0.9 * 60 / SCALE


def test_the_daily_limit_stops_the_run_and_says_when_it_resets(sandbox, configured, xero):
    entries = demo_entries(sandbox, configured, limit=5, kinds={"card_purchase"}, roles={"wallet"})
    configured.read_chart()
    used = xero.per_day - len(xero.demo.day_hits)
    xero.use_day_calls(TENANT, used)
    with pytest.raises(XeroDailyLimit) as exc:
        configured.send_batch(entries)
    e = exc.value
    assert not e.retryable and e.reason_type == "accounting_system_unreachable"
    assert "daily limit of 5,000 calls" in e.title and "accepts calls again at" in e.detail
    expected = datetime.now(timezone.utc) + timedelta(seconds=86400 / SCALE)
    assert abs((e.resets_at - expected).total_seconds()) < 5
    assert not xero.demo.bank_transactions
    calls = xero.demo.calls
    with pytest.raises(XeroDailyLimit):               # nothing more is sent until the reset
        configured.find_by_reference("PLEO-x")
    assert xero.demo.calls == calls


def test_503_is_retried_and_then_explained(provider, xero):
    xero.fail_next("/Organisation", "503", count=2)
    assert provider.client.get_json(provider.api + "/Organisation")["Organisations"]
    xero.fail_next("/Organisation", "503", count=10)
    with pytest.raises(XeroError) as exc:
        provider.client.get_json(provider.api + "/Organisation")
    assert exc.value.retryable and "organisation is offline" in exc.value.title
    assert "maintenance" in exc.value.detail          # Xero's plain-text body, read as text


def test_500_on_a_keyed_write_is_retried_without_duplicates(sandbox, configured, xero):
    entries = demo_entries(sandbox, configured, limit=4, kinds={"card_purchase"}, roles={"wallet"})
    xero.fail_next("/BankTransactions", "500", method="PUT", count=1)
    results = configured.send_batch(entries)
    assert all(r.ok for r in results)
    assert len(xero.demo.bank_transactions) == 4


def test_403_when_the_organisation_was_disconnected(provider, xero, connection):
    del xero.connections[connection.settings["xero_connection_id"]]
    with pytest.raises(XeroError) as exc:
        provider.read_chart()
    assert exc.value.status == 403 and "reconnect" in exc.value.fix
    result = provider.check()
    assert not result.ok


def test_404_and_412_in_plain_words():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/Old"):
            return httpx.Response(404, text="The resource you're looking for cannot be found")
        return httpx.Response(412, text="Precondition Failed")

    c = XeroClient(tenant_id="t", token_source=lambda: "tok", transport=httpx.MockTransport(handler),
                   limits=XeroLimits(time_scale=1e6))
    with pytest.raises(XeroError) as exc:
        c.get_json("https://api.xero.test/api.xro/2.0/Old")
    assert exc.value.status == 404 and "does not know" in exc.value.title
    with pytest.raises(XeroError) as exc:
        c.get_json("https://api.xero.test/api.xro/2.0/Organisation")
    assert exc.value.status == 412 and "TLS 1.2" in exc.value.fix
    c.close()


def test_a_401_that_refreshing_cannot_fix_is_an_auth_error():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.headers["Authorization"])
        return httpx.Response(401, json={"Title": "Unauthorized", "Status": 401, "Detail": "AuthenticationUnsuccessful"})

    refreshed = []
    c = XeroClient(tenant_id="t", token_source=lambda: f"tok{len(refreshed)}", force_refresh=refreshed.append,
                   transport=httpx.MockTransport(handler), limits=XeroLimits(time_scale=1e6))
    with pytest.raises(AuthError) as exc:
        c.get_json("https://api.xero.test/api.xro/2.0/Organisation")
    assert refreshed == ["tok0"] and calls == ["Bearer tok0", "Bearer tok1"]
    assert "AuthenticationUnsuccessful" in exc.value.detail and "same Xero organisation" in exc.value.fix
    c.close()


def test_a_401_for_a_missing_permission_says_so(configured, xero):
    """Xero answers 401 ``AuthorizationUnsuccessful`` when the sign-in lacks a scope: reconnecting and
    allowing what pleodesk asks for fixes it, so the message must not say the sign-in was withdrawn."""
    for grant in xero.grants.values():
        grant.scopes = tuple(s for s in grant.scopes if s not in ("accounting.banktransactions",
                                                                  "accounting.transactions"))
    with pytest.raises(AuthError) as exc:
        configured.find_by_reference("PLEO-anything")
    assert "permission" in exc.value.title and "AuthorizationUnsuccessful" in exc.value.detail
    assert "same Xero organisation" in exc.value.fix and "allow" in exc.value.fix


def test_headers_on_every_call(provider, recorder):
    provider.read_chart()
    for ex in recorder.exchanges:
        if "/api.xro/" in str(ex.request.url):
            h = ex.request.headers
            assert h["xero-tenant-id"] == TENANT and h["Accept"] == "application/json"
            assert h["Authorization"].startswith("Bearer ") and h["User-Agent"].startswith("pleodesk/")
            assert ex.response.headers["X-DayLimit-Remaining"]
    assert provider.client.day_remaining is not None and provider.client.day_remaining < 5000
