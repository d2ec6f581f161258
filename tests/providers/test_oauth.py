"""OAuth 2.0 authorisation code + PKCE over a loopback redirect, refresh, and the token store.

A tiny local authorisation server (below) stands in for the provider: it checks PKCE, the
redirect URI and rotates refresh tokens. A later part runs the same flow against the sandbox's
Pleo OAuth emulator.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import keyring
import pytest

from keyring_memory import InMemoryKeyring
from pleodesk.providers.oauth import (
    CLOSE_PAGE,
    LoopbackAuthorizer,
    OAuthCancelled,
    OAuthError,
    OAuthNotConnected,
    OAuthRevoked,
    OAuthStateMismatch,
    OAuthTimeout,
    TokenSet,
    TokenStore,
    new_code_verifier,
    refresh,
)

CLIENT_ID = "pleodesk-test-client"
SCOPES = ["export-jobs:read", "export-jobs:write"]
TESTS_DIR = Path(__file__).resolve().parents[1]
REPO_ROOT = TESTS_DIR.parent


def free_ports(n: int) -> list[int]:
    """``n`` ports that are free right now (closed again, so the authorizer can bind them)."""
    socks, ports = [], []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(s.getsockname()[1])
    for s in socks:
        s.close()
    return ports


# ------------------------------------------------------------------ a tiny authorisation server -
class AuthServer:
    """Authorise + token endpoints with PKCE (S256) checks and rotating refresh tokens."""

    def __init__(self, *, tamper_state: bool = False, deny: bool = False, refresh_delay: float = 0.0,
                 expires_in: int = 3600) -> None:
        self.tamper_state = tamper_state
        self.deny = deny
        self.refresh_delay = refresh_delay
        self.expires_in = expires_in
        self.codes: dict[str, dict] = {}
        self.refresh_tokens: set[str] = set()
        self.token_requests: list[dict] = []
        self.refreshes = 0
        self.lock = threading.Lock()
        self.n = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                q = {k: v[0] for k, v in parse_qs(parts.query).items()}
                if parts.path != "/oauth/authorize":
                    return self._json(404, {"error": "not_found"})
                assert q["response_type"] == "code" and q["client_id"] == CLIENT_ID
                assert q["code_challenge_method"] == "S256" and q["scope"] == " ".join(SCOPES)
                assert q["redirect_uri"].startswith("http://127.0.0.1:")
                if outer.deny:
                    target = q["redirect_uri"] + "?" + urlencode({"error": "access_denied", "state": q["state"]})
                else:
                    code = outer._next("code")
                    outer.codes[code] = {"challenge": q["code_challenge"], "redirect_uri": q["redirect_uri"]}
                    state = q["state"] + "x" if outer.tamper_state else q["state"]
                    target = q["redirect_uri"] + "?" + urlencode({"code": code, "state": state})
                self.send_response(302)
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                with outer.lock:
                    outer.token_requests.append(form)
                if form.get("client_id") != CLIENT_ID:
                    return self._json(401, {"error": "invalid_client"})
                if form["grant_type"] == "authorization_code":
                    grant = outer.codes.pop(form.get("code", ""), None)
                    if grant is None or grant["redirect_uri"] != form.get("redirect_uri"):
                        return self._json(400, {"error": "invalid_grant"})
                    digest = hashlib.sha256(form["code_verifier"].encode()).digest()
                    if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != grant["challenge"]:
                        return self._json(400, {"error": "invalid_grant", "error_description": "PKCE"})
                    return self._json(200, outer._issue())
                if form["grant_type"] == "refresh_token":
                    time.sleep(outer.refresh_delay)
                    with outer.lock:
                        if form["refresh_token"] not in outer.refresh_tokens:
                            return self._json(400, {"error": "invalid_grant"})
                        outer.refresh_tokens.discard(form["refresh_token"])  # rotation: single use
                        outer.refreshes += 1
                    return self._json(200, outer._issue())
                return self._json(400, {"error": "unsupported_grant_type"})

            def _json(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    def _next(self, prefix: str) -> str:
        with self.lock:
            self.n += 1
            return f"{prefix}-{self.n}"

    def _issue(self) -> dict:
        refresh_token = self._next("rt")
        with self.lock:
            self.refresh_tokens.add(refresh_token)
        return {"access_token": self._next("at"), "token_type": "Bearer", "expires_in": self.expires_in,
                "refresh_token": refresh_token, "scope": " ".join(SCOPES)}

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def auth_server():
    servers = []

    def make(**kwargs) -> AuthServer:
        s = AuthServer(**kwargs)
        servers.append(s)
        return s

    yield make
    for s in servers:
        s.stop()


@pytest.fixture
def store_keyring() -> InMemoryKeyring:
    kr = InMemoryKeyring()
    keyring.set_keyring(kr)
    return kr


class FakeBrowser:
    """Opens the authorise URL like a browser: follows the redirect to the loopback server."""

    def __init__(self, *, edit_url=None) -> None:
        self.pages: list[httpx.Response] = []
        self.urls: list[str] = []
        self.edit_url = edit_url

    def __call__(self, url: str) -> bool:
        self.urls.append(url)
        if self.edit_url:
            url = self.edit_url(url)
        self.pages.append(httpx.get(url, follow_redirects=True, timeout=10))
        return True


# ------------------------------------------------------------------ PKCE + loopback -------------
def test_code_verifier_is_64_unreserved_characters() -> None:
    verifiers = {new_code_verifier() for _ in range(50)}
    assert len(verifiers) == 50
    for v in verifiers:
        assert len(v) == 64
        assert all(c.isalnum() or c in "-_" for c in v)


def test_end_to_end_authorisation_code_with_pkce(auth_server) -> None:
    server = auth_server()
    browser = FakeBrowser()
    ports = free_ports(3)
    authorizer = LoopbackAuthorizer(f"{server.url}/oauth/authorize", f"{server.url}/oauth/token", CLIENT_ID,
                                    SCOPES, ports=ports, open_browser=browser)
    tokens = authorizer.authorize(timeout=10)
    assert isinstance(tokens, TokenSet)
    assert tokens.access_token.startswith("at-") and tokens.refresh_token.startswith("rt-")
    assert tokens.scope == " ".join(SCOPES)
    assert tokens.expires_at == pytest.approx(time.time() + 3600, abs=10)
    # The browser landed on our page.
    page = browser.pages[0]
    assert page.status_code == 200 and CLOSE_PAGE in page.text
    assert str(page.url).startswith(f"http://127.0.0.1:{ports[0]}/callback?code=")
    # The authorise URL carried S256 PKCE and state; the exchange sent the verifier.
    q = parse_qs(urlsplit(browser.urls[0]).query)
    assert q["code_challenge_method"] == ["S256"] and len(q["state"][0]) >= 32
    exchange = server.token_requests[0]
    assert exchange["grant_type"] == "authorization_code" and len(exchange["code_verifier"]) == 64
    assert exchange["redirect_uri"] == f"http://127.0.0.1:{ports[0]}/callback"
    assert "access_token" not in repr(tokens) or "…" in repr(tokens)
    assert tokens.access_token not in repr(tokens)


def test_first_free_port_of_the_list_is_used(auth_server) -> None:
    server = auth_server()
    ports = free_ports(3)
    busy = socket.socket()
    busy.bind(("127.0.0.1", ports[0]))
    busy.listen()
    try:
        browser = FakeBrowser()
        authorizer = LoopbackAuthorizer(f"{server.url}/oauth/authorize", f"{server.url}/oauth/token",
                                        CLIENT_ID, SCOPES, ports=ports, open_browser=browser)
        authorizer.authorize(timeout=10)
        assert authorizer.redirect_uri == f"http://127.0.0.1:{ports[1]}/callback"
    finally:
        busy.close()


def test_all_ports_busy_is_a_plain_error(auth_server) -> None:
    server = auth_server()
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    try:
        authorizer = LoopbackAuthorizer(f"{server.url}/oauth/authorize", f"{server.url}/oauth/token",
                                        CLIENT_ID, SCOPES, ports=[busy.getsockname()[1]],
                                        open_browser=FakeBrowser())
        with pytest.raises(OAuthError, match="all are in use"):
            authorizer.authorize(timeout=5)
    finally:
        busy.close()


def test_state_mismatch_is_refused_without_token_exchange(auth_server) -> None:
    server = auth_server(tamper_state=True)
    browser = FakeBrowser()
    authorizer = LoopbackAuthorizer(f"{server.url}/oauth/authorize", f"{server.url}/oauth/token", CLIENT_ID,
                                    SCOPES, ports=free_ports(3), open_browser=browser)
    with pytest.raises(OAuthStateMismatch):
        authorizer.authorize(timeout=10)
    assert server.token_requests == []
    assert CLOSE_PAGE in browser.pages[0].text


def test_access_denied_in_the_browser(auth_server) -> None:
    server = auth_server(deny=True)
    authorizer = LoopbackAuthorizer(f"{server.url}/oauth/authorize", f"{server.url}/oauth/token", CLIENT_ID,
                                    SCOPES, ports=free_ports(3), open_browser=FakeBrowser())
    with pytest.raises(OAuthCancelled, match="not granted"):
        authorizer.authorize(timeout=10)
    assert server.token_requests == []


def test_timeout_and_cancel_release_the_port(auth_server) -> None:
    server = auth_server()
    ports = free_ports(1)
    authorizer = LoopbackAuthorizer(f"{server.url}/oauth/authorize", f"{server.url}/oauth/token", CLIENT_ID,
                                    SCOPES, ports=ports, open_browser=lambda url: True)
    started = time.monotonic()
    with pytest.raises(OAuthTimeout):
        authorizer.authorize(timeout=0.3)
    assert time.monotonic() - started < 3

    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(OAuthCancelled):
        authorizer.authorize(timeout=30, cancel=cancel)
    # The one-shot server is gone: the port can be bound again.
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", ports[0]))
    s.close()


def test_stray_requests_do_not_end_the_wait(auth_server) -> None:
    server = auth_server()
    ports = free_ports(1)

    def browser(url: str) -> bool:
        assert httpx.get(f"http://127.0.0.1:{ports[0]}/favicon.ico").status_code == 404
        assert httpx.get(f"http://127.0.0.1:{ports[0]}/callback").status_code == 400
        httpx.get(url, follow_redirects=True)
        return True

    authorizer = LoopbackAuthorizer(f"{server.url}/oauth/authorize", f"{server.url}/oauth/token", CLIENT_ID,
                                    SCOPES, ports=ports, open_browser=browser)
    assert authorizer.authorize(timeout=10).access_token


# ------------------------------------------------------------------ refresh -------------------
def test_refresh_rotates_and_a_used_token_is_revoked(auth_server) -> None:
    server = auth_server()
    first = server._issue()
    new = refresh(f"{server.url}/oauth/token", CLIENT_ID, first["refresh_token"])
    assert new.refresh_token != first["refresh_token"]
    with pytest.raises(OAuthRevoked) as info:
        refresh(f"{server.url}/oauth/token", CLIENT_ID, first["refresh_token"])
    assert info.value.error == "invalid_grant"
    assert "connect again" in str(info.value)


def test_refresh_keeps_the_old_refresh_token_when_not_rotated() -> None:
    def handler(request):
        return httpx.Response(200, json={"access_token": "new", "expires_in": 60})

    tokens = refresh("https://auth.test/oauth/token", CLIENT_ID, "keep-me", transport=httpx.MockTransport(handler))
    assert tokens.refresh_token == "keep-me" and tokens.access_token == "new"


def test_refresh_with_client_secret_uses_basic_auth() -> None:
    seen = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json={"access_token": "a", "refresh_token": "b", "expires_in": 60})

    refresh("https://auth.test/oauth/token", CLIENT_ID, "r", client_secret="s3cret",
            transport=httpx.MockTransport(handler))
    assert seen[0].headers["Authorization"] == "Basic " + base64.b64encode(f"{CLIENT_ID}:s3cret".encode()).decode()
    assert b"client_id" not in seen[0].content


def test_refresh_server_errors_are_retryable() -> None:
    transport = httpx.MockTransport(lambda r: httpx.Response(503, text="busy"))
    with pytest.raises(OAuthError) as info:
        refresh("https://auth.test/oauth/token", CLIENT_ID, "r", transport=transport)
    assert info.value.retryable and not isinstance(info.value, OAuthRevoked)


# ------------------------------------------------------------------ token store ---------------
def expired_tokens(refresh_token: str) -> TokenSet:
    return TokenSet("old-access", refresh_token, time.time() + 30, " ".join(SCOPES), {})


def test_store_returns_a_fresh_token_without_refreshing(store_keyring) -> None:
    calls = []
    store = TokenStore("oauth.pleo.conn1", "https://auth.test/oauth/token", CLIENT_ID,
                       refresher=lambda rt: calls.append(rt))
    store.save(TokenSet("a1", "r1", time.time() + 3600, None, {}))
    assert store.get_access_token() == "a1"
    assert calls == []
    assert ("pleodesk", "oauth.pleo.conn1") in store_keyring.passwords


def test_store_refreshes_within_60_seconds_of_expiry_and_saves_first(store_keyring, auth_server) -> None:
    server = auth_server()
    rt = server._issue()["refresh_token"]
    store = TokenStore("oauth.pleo.conn1", f"{server.url}/oauth/token", CLIENT_ID)
    store.save(expired_tokens(rt))
    access = store.get_access_token()
    assert access != "old-access"
    saved = TokenSet.from_json(store_keyring.passwords[("pleodesk", "oauth.pleo.conn1")])
    assert saved.access_token == access and saved.refresh_token != rt
    assert server.refreshes == 1
    # A second store (another window of the app) reads the rotated token from the keyring.
    other = TokenStore("oauth.pleo.conn1", f"{server.url}/oauth/token", CLIENT_ID)
    assert other.get_access_token() == access


def test_store_write_happens_before_the_token_is_used(store_keyring) -> None:
    order = []
    real_set = store_keyring.set_password

    def recording_set(service, username, password):
        order.append(("saved", json.loads(password)["refresh_token"]))
        real_set(service, username, password)

    def refresher(rt):
        order.append(("refreshed", rt))
        return TokenSet("a2", "r2", time.time() + 3600, None, {})

    store = TokenStore("k", "https://auth.test/oauth/token", CLIENT_ID, refresher=refresher)
    store.save(expired_tokens("r1"))
    store_keyring.set_password = recording_set
    assert store.get_access_token() == "a2"
    order.append(("returned", None))
    assert order == [("refreshed", "r1"), ("saved", "r2"), ("returned", None)]


def test_eight_threads_cause_exactly_one_refresh(store_keyring, auth_server) -> None:
    server = auth_server(refresh_delay=0.3)
    rt = server._issue()["refresh_token"]
    store = TokenStore("oauth.pleo.conn8", f"{server.url}/oauth/token", CLIENT_ID)
    store.save(expired_tokens(rt))
    barrier = threading.Barrier(8)
    results, errors = [], []

    def worker():
        barrier.wait()
        try:
            results.append(store.get_access_token())
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert errors == []
    assert server.refreshes == 1
    assert len(results) == 8 and len(set(results)) == 1 and results[0] != "old-access"


def test_separate_store_objects_in_threads_share_one_refresh(store_keyring, auth_server) -> None:
    server = auth_server(refresh_delay=0.2)
    rt = server._issue()["refresh_token"]
    TokenStore("oauth.shared", f"{server.url}/oauth/token", CLIENT_ID).save(expired_tokens(rt))
    stores = [TokenStore("oauth.shared", f"{server.url}/oauth/token", CLIENT_ID) for _ in range(4)]
    out = []
    threads = [threading.Thread(target=lambda s=s: out.append(s.get_access_token())) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert server.refreshes == 1 and len(set(out)) == 1


_CHILD = r"""
import sys, keyring
from keyring_memory import SharedFileKeyring
keyring.set_keyring(SharedFileKeyring(sys.argv[1]))
from pleodesk.providers.oauth import TokenStore
store = TokenStore("oauth.pleo.proc", sys.argv[2], sys.argv[3])
sys.stdin.readline()          # start together
print(store.get_access_token(), flush=True)
"""


@pytest.mark.skipif(os.name == "nt", reason="the shared test keyring uses fcntl")
def test_several_processes_cause_exactly_one_refresh(tmp_path, auth_server, pleodesk_home) -> None:
    from keyring_memory import SharedFileKeyring

    server = auth_server(refresh_delay=0.5)
    rt = server._issue()["refresh_token"]
    shared = str(tmp_path / "keyring.json")
    keyring.set_keyring(SharedFileKeyring(shared))
    # Expired long ago: the children read the expiry with their own clock, which is not this test's when
    # scripts/test_dates.sh moves this process's clock (to a later day, "time.time() + 30" is weeks away).
    TokenStore("oauth.pleo.proc", f"{server.url}/oauth/token", CLIENT_ID).save(
        TokenSet("old-access", rt, 1.0, " ".join(SCOPES), {}))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO_ROOT), str(TESTS_DIR)]),
               PLEODESK_HOME=str(pleodesk_home))
    procs = [subprocess.Popen([sys.executable, "-c", _CHILD, shared, f"{server.url}/oauth/token", CLIENT_ID],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env, text=True) for _ in range(4)]
    time.sleep(0.5)  # let every child import and wait at the start line
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
        outs.append(out.strip())
    assert server.refreshes == 1
    assert len(set(outs)) == 1 and outs[0].startswith("at-")
    assert (pleodesk_home / "locks").is_dir()


def test_store_without_tokens_or_refresh_token(store_keyring) -> None:
    store = TokenStore("none", "https://auth.test/oauth/token", CLIENT_ID, refresher=lambda rt: None)
    with pytest.raises(OAuthNotConnected):
        store.get_access_token()
    store.save(TokenSet("a", None, time.time() - 5, None, {}))
    with pytest.raises(OAuthRevoked):
        store.get_access_token()


def test_revoked_refresh_is_reported_and_keeps_the_stored_tokens(store_keyring, auth_server) -> None:
    server = auth_server()
    store = TokenStore("oauth.revoked", f"{server.url}/oauth/token", CLIENT_ID)
    store.save(expired_tokens("never-issued"))
    with pytest.raises(OAuthRevoked):
        store.get_access_token()
    assert store.load() is not None


def test_token_store_works_as_the_pleo_clients_token_source(store_keyring) -> None:
    from pleodesk.providers.pleo import PleoClient

    seen = []
    store = TokenStore("oauth.pleo.x", "https://auth.test/oauth/token", CLIENT_ID)
    store.save(TokenSet("bearer-1", "r", time.time() + 3600, None, {}))
    client = PleoClient("https://external.pleo.test", token_source=store, company_id="c",
                        transport=httpx.MockTransport(
                            lambda r: seen.append(r.headers["Authorization"]) or httpx.Response(200, json={"data": {}})))
    client.introspect()
    assert seen == ["Bearer bearer-1"]


def test_keyring_entry_holds_no_duplicate_secrets(store_keyring) -> None:
    tokens = TokenSet.from_response({"access_token": "A" * 1500, "refresh_token": "R", "id_token": "I" * 1500,
                                     "expires_in": 10, "token_type": "Bearer"})
    stored = tokens.to_json()
    assert stored.count("A" * 1500) == 1 and "I" * 1500 not in stored
    assert TokenSet.from_json(stored).access_token == "A" * 1500


# =======================================================================================
# Against the sandbox's Pleo OAuth emulator
# =======================================================================================
from pleodesk.providers.pleo import PleoAuthError, PleoClient  # noqa: E402
from pleodesk.sandbox.pleo_emulator import SANDBOX_CLIENT_ID  # noqa: E402
from pleodesk.sandbox.server import SandboxConfig, start_sandbox  # noqa: E402

PLEO_SCOPES = ["export-jobs:read", "export-jobs:write", "export-items:read", "accounting-entries:read"]


@pytest.fixture
def sb():
    sandbox = start_sandbox(SandboxConfig(seed=1, expenses_per_month=10, months=["2026-08"]))
    yield sandbox
    sandbox.stop()


class CountingTransport(httpx.BaseTransport):
    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.inner.handle_request(request)


def pleo_authorizer(sb, browser, transport=None) -> LoopbackAuthorizer:
    return LoopbackAuthorizer(f"{sb.pleo_auth_url}/oauth/authorize", f"{sb.pleo_auth_url}/oauth/token",
                              SANDBOX_CLIENT_ID, PLEO_SCOPES, ports=free_ports(3), open_browser=browser,
                              transport=transport)


def test_sandbox_pkce_sign_in_end_to_end(sb, store_keyring) -> None:
    browser = FakeBrowser()
    tokens = pleo_authorizer(sb, browser).authorize(timeout=10)
    assert CLOSE_PAGE in browser.pages[0].text
    assert tokens.scope == " ".join(PLEO_SCOPES) and tokens.refresh_token
    assert tokens.expires_at == pytest.approx(time.time() + 3600, abs=30)

    store = TokenStore("oauth.pleo.sandbox", f"{sb.pleo_auth_url}/oauth/token", SANDBOX_CLIENT_ID)
    store.save(tokens)
    client = PleoClient(sb.pleo_url, token_source=store, company_id=sb.company_id)
    info = client.introspect()
    assert info["authMethod"] == "OAUTH2" and info["clientId"] == SANDBOX_CLIENT_ID
    assert info["subjectURN"] == f"urn:pleo:company:{sb.company_id}"


def test_sandbox_state_mismatch_is_refused_without_exchanging_the_code(sb) -> None:
    def forge_state(url: str) -> str:
        parts = urlsplit(url)
        q = {k: v[0] for k, v in parse_qs(parts.query).items()}
        q["state"] = "forged-" + q["state"]
        return parts._replace(query=urlencode(q)).geturl()

    transport = CountingTransport()
    browser = FakeBrowser(edit_url=forge_state)
    with pytest.raises(OAuthStateMismatch):
        pleo_authorizer(sb, browser, transport).authorize(timeout=10)
    assert transport.requests == []
    assert CLOSE_PAGE in browser.pages[0].text


def test_sandbox_refresh_rotation_and_revocation(sb, store_keyring) -> None:
    tokens = pleo_authorizer(sb, FakeBrowser()).authorize(timeout=10)
    store = TokenStore("oauth.pleo.rot", f"{sb.pleo_auth_url}/oauth/token", SANDBOX_CLIENT_ID)
    store.save(TokenSet(tokens.access_token, tokens.refresh_token, time.time() + 30, tokens.scope, {}))
    fresh = store.get_access_token()
    assert fresh != tokens.access_token
    rotated = store.load()
    assert rotated.refresh_token != tokens.refresh_token and rotated.access_token == fresh
    with pytest.raises(OAuthRevoked):  # the old refresh token was used up by the rotation
        refresh(f"{sb.pleo_auth_url}/oauth/token", SANDBOX_CLIENT_ID, tokens.refresh_token)

    client = PleoClient(sb.pleo_url, token_source=store, company_id=sb.company_id)
    assert client.list_export_jobs(["pending"]) == []
    sb.pleo.revoke_all_tokens()
    with pytest.raises(PleoAuthError):
        client.list_export_jobs(["pending"])
    store.save(TokenSet(fresh, rotated.refresh_token, time.time() + 30, rotated.scope, {}))
    with pytest.raises(OAuthRevoked):
        store.get_access_token()


def test_sandbox_eight_threads_one_refresh(sb, store_keyring) -> None:
    tokens = pleo_authorizer(sb, FakeBrowser()).authorize(timeout=10)
    calls = []

    def counting_refresh(refresh_token: str) -> TokenSet:
        calls.append(refresh_token)
        time.sleep(0.2)  # widen the window in which other threads could race
        return refresh(f"{sb.pleo_auth_url}/oauth/token", SANDBOX_CLIENT_ID, refresh_token)

    store = TokenStore("oauth.pleo.threads", f"{sb.pleo_auth_url}/oauth/token", SANDBOX_CLIENT_ID,
                       refresher=counting_refresh)
    store.save(TokenSet(tokens.access_token, tokens.refresh_token, time.time() + 10, tokens.scope, {}))
    client = PleoClient(sb.pleo_url, token_source=store, company_id=sb.company_id)
    barrier = threading.Barrier(8)
    results, errors = [], []

    def worker():
        barrier.wait()
        try:
            results.append(client.introspect()["authMethod"])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == [] and results == ["OAUTH2"] * 8
    assert calls == [tokens.refresh_token]
