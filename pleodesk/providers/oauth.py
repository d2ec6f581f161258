"""OAuth 2.0 for a desktop app: authorisation code with PKCE and a loopback redirect.

Shared by every connection that signs in with OAuth (Pleo, Xero, QuickBooks, lexoffice).

* :class:`LoopbackAuthorizer` runs the browser sign-in once: it listens on ``127.0.0.1`` on the
  first free port of a fixed list (the redirect URIs registered with the provider), opens the
  browser on the authorise URL, waits for the redirect, checks ``state`` and exchanges the code
  (with the PKCE ``code_verifier``) for a :class:`TokenSet`.
* :func:`refresh` trades a refresh token for a new token set; ``invalid_grant`` means the user
  revoked access: :class:`OAuthRevoked`.
* :class:`TokenStore` keeps a connection's token set in the system keyring and hands out access
  tokens, refreshing ahead of expiry, one refresh at a time across threads and processes, and
  saving a rotated refresh token before anything uses it.
"""

from __future__ import annotations

import hmac
import html
import json
import logging
import os
import queue
import re
import secrets as _secrets
import socket
import threading
import time
import webbrowser
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence
from urllib.parse import parse_qs, urlsplit

import httpx

from pleodesk.locks import FileLock
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge

from pleodesk import __version__, paths
from pleodesk import secrets as secret_store

log = logging.getLogger(__name__)

DEFAULT_PORTS = (53682, 53683, 53684)
REDIRECT_PATH = "/callback"
CLOSE_PAGE = "You can close this window and return to pleodesk."
#: Refresh this many seconds before the access token expires.
REFRESH_LEEWAY = 60
# Token responses that mean "sign in again": the grant was revoked, expired or already used.
_REVOKED_ERRORS = {"invalid_grant", "invalid_refresh_token", "unauthorized_client"}


# ---------------------------------------------------------------------------------- errors -----
class OAuthError(Exception):
    """Signing in or refreshing failed. ``str()`` is one plain sentence; ``error`` is the OAuth code."""

    def __init__(self, message: str, *, error: str | None = None, description: str | None = None,
                 retryable: bool = False) -> None:
        super().__init__(message)
        self.error = error
        self.description = description
        self.retryable = retryable


class OAuthRevoked(OAuthError):
    """The refresh token no longer works (access revoked or expired): the user must sign in again."""


class OAuthNotConnected(OAuthError):
    """No token set is stored for this connection."""


class OAuthStateMismatch(OAuthError):
    """The redirect carried a different ``state``: possibly forged; no code was exchanged."""


class OAuthCancelled(OAuthError):
    """The user cancelled, or denied access in the browser."""


class OAuthTimeout(OAuthError):
    """The browser never came back to pleodesk in time."""


# ---------------------------------------------------------------------------------- tokens -----
_SECRET_FIELDS = ("access_token", "refresh_token", "id_token")


@dataclass(frozen=True)
class TokenSet:
    access_token: str
    refresh_token: str | None
    expires_at: float | None          # seconds since the epoch; None: the server did not say
    scope: str | None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:  # never print tokens into logs
        return (f"TokenSet(access_token='…', refresh_token={'…' if self.refresh_token else None}, "
                f"expires_at={self.expires_at!r}, scope={self.scope!r})")

    @classmethod
    def from_response(cls, body: Mapping[str, Any], *, now: float | None = None,
                      previous_refresh_token: str | None = None) -> "TokenSet":
        now = time.time() if now is None else now
        access = body.get("access_token")
        if not isinstance(access, str) or not access:
            raise OAuthError("The sign-in server answered without an access token; try again.",
                             error="invalid_response")
        expires_at: float | None = None
        if body.get("expires_in") is not None:
            try:
                expires_at = now + float(body["expires_in"])
            except (TypeError, ValueError):
                expires_at = None
        elif body.get("expires_at") is not None:
            try:
                expires_at = float(body["expires_at"])
            except (TypeError, ValueError):
                expires_at = None
        refresh = body.get("refresh_token") or previous_refresh_token
        scope = body.get("scope")
        if isinstance(scope, list):
            scope = " ".join(scope)
        raw = {k: v for k, v in body.items() if k not in _SECRET_FIELDS}
        return cls(access, refresh, expires_at, scope, raw)

    def expires_within(self, seconds: float, now: float | None = None) -> bool:
        if self.expires_at is None:
            return False
        now = time.time() if now is None else now
        return self.expires_at - now <= seconds

    def to_json(self) -> str:
        return json.dumps({"access_token": self.access_token, "refresh_token": self.refresh_token,
                           "expires_at": self.expires_at, "scope": self.scope, "raw": dict(self.raw)},
                          separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "TokenSet":
        d = json.loads(text)
        return cls(d["access_token"], d.get("refresh_token"), d.get("expires_at"), d.get("scope"),
                   d.get("raw") or {})


def _token_request(token_url: str, form: Mapping[str, str], *, client_id: str,
                   client_secret: str | None, transport: httpx.BaseTransport | None,
                   timeout: float, previous_refresh_token: str | None = None) -> TokenSet:
    from pleodesk.urls import AddressError, check_web_address

    try:
        token_url = check_web_address(token_url, "The sign-in server's token address")
    except AddressError as exc:
        raise OAuthError(str(exc), error="insecure_address") from None
    data = dict(form)
    auth = None
    if client_secret is not None:
        auth = httpx.BasicAuth(client_id, client_secret)   # client_secret_basic
    else:
        data["client_id"] = client_id                      # public client
    headers = {"Accept": "application/json", "User-Agent": f"pleodesk/{__version__}"}
    try:
        with httpx.Client(transport=transport, timeout=timeout) as http:
            resp = http.post(token_url, data=data, auth=auth, headers=headers)
    except httpx.HTTPError as exc:
        raise OAuthError("pleodesk could not reach the sign-in server; check the internet connection "
                         "and try again.", error="network", description=str(exc), retryable=True) from exc
    now = time.time()
    try:
        body = resp.json()
    except ValueError:
        body = None
    if resp.status_code == 200 and isinstance(body, Mapping) and "error" not in body:
        return TokenSet.from_response(body, now=now, previous_refresh_token=previous_refresh_token)
    error = body.get("error") if isinstance(body, Mapping) else None
    description = body.get("error_description") if isinstance(body, Mapping) else None
    if error in _REVOKED_ERRORS:
        raise OAuthRevoked("The sign-in is no longer valid (access was revoked or has expired): "
                           "connect again.", error=error, description=description)
    if resp.status_code >= 500 or resp.status_code == 429:
        raise OAuthError("The sign-in server is temporarily unavailable; try again in a few minutes.",
                         error=error or f"http_{resp.status_code}", description=description,
                         retryable=True)
    if error == "invalid_client":
        raise OAuthError("The sign-in server does not recognise pleodesk's client id; check the "
                         "connection settings.", error=error, description=description)
    raise OAuthError(f"The sign-in server refused the request ({error or 'HTTP ' + str(resp.status_code)}).",
                     error=error, description=description)


def refresh(token_url: str, client_id: str, refresh_token: str, *, client_secret: str | None = None,
            scope: str | None = None, transport: httpx.BaseTransport | None = None,
            timeout: float = 30) -> TokenSet:
    """Trade ``refresh_token`` for a new token set. ``invalid_grant`` raises :class:`OAuthRevoked`.

    When the server does not rotate the refresh token the old one is kept in the result."""
    form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
    if scope:
        form["scope"] = scope
    return _token_request(token_url, form, client_id=client_id, client_secret=client_secret,
                          transport=transport, timeout=timeout, previous_refresh_token=refresh_token)


# ---------------------------------------------------------------------------------- loopback ---
def new_code_verifier() -> str:
    """A PKCE code verifier: 64 characters from the unreserved set (RFC 7636 allows 43–128)."""
    verifier = _secrets.token_urlsafe(48)
    assert len(verifier) == 64
    return verifier


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pleodesk</title></head>
<body style="font-family: sans-serif; margin: 3em;">
<p>{headline}</p>
<p>You can close this window and return to pleodesk.</p>
</body></html>
"""


class _LoopbackServer(HTTPServer):
    # On Windows SO_REUSEADDR lets a second socket take over a port in use; ask for exclusive use.
    allow_reuse_address = os.name != "nt"

    def server_bind(self) -> None:
        if os.name == "nt" and hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        super().server_bind()


def _make_handler(result: "queue.Queue[dict[str, str]]", path: str):
    class Handler(BaseHTTPRequestHandler):
        server_version = "pleodesk"
        sys_version = ""

        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            parts = urlsplit(self.path)
            if parts.path != path:
                self._reply(404, "This is not a page pleodesk knows.")
                return
            query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
            if "code" not in query and "error" not in query:
                self._reply(400, "The sign-in answer was incomplete.")
                return
            if "error" in query:
                self._reply(200, "Signing in did not complete.")
            else:
                self._reply(200, "Signing in is complete.")
            result.put(query)

        def _reply(self, status: int, headline: str) -> None:
            page = _PAGE.format(headline=html.escape(headline)).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: Any) -> None:  # never log codes
            log.debug("loopback: %s", self.requestline.split("?")[0])

    return Handler


class LoopbackAuthorizer:
    """One browser sign-in: PKCE (S256), ``state`` check, loopback redirect on ``127.0.0.1``.

    ``redirect_uri``: a page of the service's own choosing (an https "bounce" page, for services that
    refuse loopback redirects) instead of the loopback address. The listener still waits on the
    loopback port, which then travels in ``state`` (``<port>.<random>``, see :func:`port_from_state`):
    the page reads it and sends the browser on to ``http://127.0.0.1:<port>/callback`` with the answer,
    or shows the answer for pasting (:meth:`submit`). ``pkce=False`` leaves the PKCE parameters out.
    ``last_answer`` keeps every parameter of the answer (e.g. QuickBooks' ``realmId``)."""

    def __init__(self, authorize_url: str, token_url: str, client_id: str, scopes: Iterable[str],
                 ports: Sequence[int] = DEFAULT_PORTS,
                 open_browser: Callable[[str], Any] = webbrowser.open, *,
                 client_secret: str | None = None, redirect_path: str = REDIRECT_PATH,
                 extra_params: Mapping[str, str] | None = None,
                 transport: httpx.BaseTransport | None = None, http_timeout: float = 30,
                 redirect_host: str = "127.0.0.1", redirect_uri: str | None = None,
                 pkce: bool = True) -> None:
        if not ports:
            raise ValueError("at least one loopback port is needed")
        from pleodesk.urls import check_web_address

        # The browser carries the sign-in there, the code comes back with the redirect: https only.
        check_web_address(authorize_url, "The sign-in address")
        check_web_address(token_url, "The sign-in server's token address")
        self.authorize_url = authorize_url
        self.token_url = token_url
        self.client_id = client_id
        self.scopes = list(scopes)
        self.ports = tuple(ports)
        self.open_browser = open_browser
        self.client_secret = client_secret
        self.redirect_path = redirect_path
        self.extra_params = dict(extra_params or {})
        self.transport = transport
        self.http_timeout = http_timeout
        #: The host written into the redirect URI. The listener always binds 127.0.0.1; some services
        #: (Xero) match registered redirect URIs exactly and register ``localhost``.
        if redirect_host not in ("127.0.0.1", "localhost"):
            raise ValueError("the redirect host must be 127.0.0.1 or localhost")
        self.redirect_host = redirect_host
        self.external_redirect = redirect_uri
        self.pkce = pkce
        #: The authorise URL of the current or last sign-in (for a "copy link" fallback).
        self.last_url: str | None = None
        self.redirect_uri: str | None = None
        #: Every parameter of the last answer (code, state, and what the service adds).
        self.last_answer: dict[str, str] = {}
        self._answers: "queue.Queue[dict[str, str]] | None" = None

    def _bind(self, handler) -> tuple[HTTPServer, int]:
        last: OSError | None = None
        for port in self.ports:
            try:
                return _LoopbackServer(("127.0.0.1", port), handler), port
            except OSError as exc:
                last = exc
        raise OAuthError(f"pleodesk needs one of the ports {', '.join(map(str, self.ports))} on this "
                         "computer to finish signing in, but all are in use; close the program using "
                         "them and try again.", error="ports_in_use", description=str(last))

    def authorize(self, *, timeout: float = 300, cancel: threading.Event | None = None) -> TokenSet:
        """Run the sign-in and return the token set. Blocks until done, ``timeout`` or ``cancel``."""
        verifier = new_code_verifier()
        state = _secrets.token_urlsafe(32)
        result: "queue.Queue[dict[str, str]]" = queue.Queue()
        self._answers = result
        server, port = self._bind(_make_handler(result, self.redirect_path))
        if self.external_redirect:
            self.redirect_uri = self.external_redirect
            state = f"{port}.{state}"
        else:
            self.redirect_uri = f"http://{self.redirect_host}:{port}{self.redirect_path}"
        challenge = ({"code_challenge": create_s256_code_challenge(verifier), "code_challenge_method": "S256"}
                     if self.pkce else {})
        url = prepare_grant_uri(self.authorize_url, client_id=self.client_id, response_type="code",
                                redirect_uri=self.redirect_uri, scope=" ".join(self.scopes),
                                state=state, **challenge, **self.extra_params)
        self.last_url = url
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                  name="oauth-loopback", daemon=True)
        thread.start()
        try:
            if self.open_browser(url) is False:
                log.warning("could not open a browser for signing in; the link is in last_url")
            answer = self._wait(result, timeout, cancel)
        finally:
            self._answers = None
            server.shutdown()
            server.server_close()
            thread.join(5)
        self.last_answer = dict(answer)
        if "error" in answer:
            if answer["error"] == "access_denied":
                raise OAuthCancelled("Access was not granted in the browser, so pleodesk is not connected.",
                                     error="access_denied", description=answer.get("error_description"))
            raise OAuthError(f"The sign-in server reported a problem ({answer['error']}); try again.",
                             error=answer["error"], description=answer.get("error_description"))
        if not hmac.compare_digest(answer.get("state", ""), state):
            raise OAuthStateMismatch("The answer from the browser did not belong to this sign-in, so "
                                     "pleodesk ignored it; start signing in again.", error="state_mismatch")
        form = {"grant_type": "authorization_code", "code": answer["code"], "redirect_uri": self.redirect_uri}
        if self.pkce:
            form["code_verifier"] = verifier
        return _token_request(self.token_url, form, client_id=self.client_id,
                              client_secret=self.client_secret, transport=self.transport,
                              timeout=self.http_timeout)

    def submit(self, answer: Mapping[str, str] | str) -> bool:
        """Hand over an answer the user pasted (the address the browser ended on, or its parameters)
        while :meth:`authorize` waits. False when no sign-in is waiting or the answer has no ``code``
        (nor ``error``). The ``state`` check applies as to any answer."""
        if isinstance(answer, str):
            query = urlsplit(answer.strip()).query or answer.strip().lstrip("?")
            answer = {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}
        answer = {str(k): str(v) for k, v in answer.items()}
        target = self._answers
        if target is None or ("code" not in answer and "error" not in answer):
            return False
        target.put(answer)
        return True

    @staticmethod
    def _wait(result: "queue.Queue[dict[str, str]]", timeout: float,
              cancel: threading.Event | None) -> dict[str, str]:
        deadline = time.monotonic() + timeout
        while True:
            if cancel is not None and cancel.is_set():
                raise OAuthCancelled("Signing in was cancelled.", error="cancelled")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise OAuthTimeout("The browser did not come back to pleodesk in time; try signing in "
                                   "again.", error="timeout")
            try:
                return result.get(timeout=min(0.1, remaining))
            except queue.Empty:
                continue


def port_from_state(state: str) -> int | None:
    """The loopback port an external redirect page sends the browser on to (``state`` is
    ``<port>.<random>``); None when ``state`` carries none (the page then shows the answer to paste)."""
    head, dot, _rest = (state or "").partition(".")
    if not dot or not head.isdigit() or len(head) > 5:
        return None
    port = int(head)
    return port if 1024 <= port <= 65535 else None


# ---------------------------------------------------------------------------------- storage ----
def _FileLock(path: Path, timeout: float = 120) -> FileLock:
    """The token store's lock file: one refresh at a time across processes."""
    return FileLock(path, timeout, on_timeout=lambda: OAuthError(
        "Another pleodesk window is still refreshing the sign-in; try again in a moment.",
        error="lock_timeout", retryable=True))


_thread_locks: dict[str, threading.Lock] = {}
_thread_locks_guard = threading.Lock()


def _thread_lock(key: str) -> threading.Lock:
    with _thread_locks_guard:
        return _thread_locks.setdefault(key, threading.Lock())


class TokenStore:
    """A connection's OAuth token set in the system keyring, refreshed on demand.

    ``key``: the keyring entry name (one per connection, e.g. ``oauth.pleo.<connection id>``).
    ``get_access_token()`` returns a token valid for at least ``leeway`` seconds, refreshing when
    needed: one refresh at a time across threads (a lock) and processes (an exclusive lock file in
    the user data directory). After taking the locks it re-reads the keyring, because another
    thread or process may have refreshed meanwhile. A rotated refresh token is written to the
    keyring before the new access token is returned."""

    def __init__(self, key: str, token_url: str, client_id: str, *, client_secret: str | None = None,
                 scope: str | None = None, leeway: float = REFRESH_LEEWAY,
                 refresher: Callable[[str], TokenSet] | None = None,
                 transport: httpx.BaseTransport | None = None,
                 clock: Callable[[], float] = time.time, lock_dir: Path | None = None) -> None:
        if not key:
            raise ValueError("a token store needs a key")
        self.key = key
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.scope = scope
        self.leeway = leeway
        self._refresher = refresher
        self._transport = transport
        self._clock = clock
        self._lock_dir = lock_dir
        self._cached: TokenSet | None = None
        self.refresh_count = 0   # refreshes this instance performed (for diagnostics)

    # -- keyring ------------------------------------------------------------------------------
    def load(self) -> TokenSet | None:
        text = secret_store.get_secret(self.key)
        if not text:
            return None
        try:
            return TokenSet.from_json(text)
        except (ValueError, KeyError, TypeError):
            log.warning("stored sign-in for %s is unreadable; treating it as missing", self.key)
            return None

    def save(self, tokens: TokenSet) -> None:
        secret_store.set_secret(self.key, tokens.to_json())
        self._cached = tokens

    def clear(self) -> None:
        secret_store.delete_secret(self.key)
        self._cached = None

    # -- tokens -------------------------------------------------------------------------------
    def _lock_path(self) -> Path:
        base = self._lock_dir if self._lock_dir is not None else paths.data_dir() / "locks"
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", self.key)
        return base / f"oauth-{safe}.lock"

    def _fresh(self, tokens: TokenSet | None) -> bool:
        return tokens is not None and not tokens.expires_within(self.leeway, self._clock())

    def get_access_token(self) -> str:
        cached = self._cached
        if self._fresh(cached):
            assert cached is not None
            return cached.access_token
        tokens = self.load()
        if tokens is None:
            raise OAuthNotConnected("pleodesk is not signed in for this connection: connect it first.",
                                    error="not_connected")
        if self._fresh(tokens):
            self._cached = tokens
            return tokens.access_token
        with _thread_lock(self.key), _FileLock(self._lock_path()):
            # Another thread or process may have refreshed while we waited for the locks.
            tokens = self.load()
            if tokens is None:
                raise OAuthNotConnected("pleodesk is not signed in for this connection: connect it "
                                        "first.", error="not_connected")
            if self._fresh(tokens):
                self._cached = tokens
                return tokens.access_token
            if not tokens.refresh_token:
                raise OAuthRevoked("The sign-in has expired and cannot be renewed: connect again.",
                                   error="no_refresh_token")
            new = self._refresh(tokens.refresh_token)
            if not new.refresh_token:
                new = TokenSet(new.access_token, tokens.refresh_token, new.expires_at, new.scope, new.raw)
            self.save(new)          # rotated refresh token stored before anyone uses the new tokens
            self.refresh_count += 1
            return new.access_token

    def expire(self, access_token: str) -> bool:
        """Mark the stored token set expired, if its access token is still ``access_token`` (the service
        refused it before its time), so the next ``get_access_token`` refreshes. Under the same locks as
        a refresh: read and written outside them, a token set another thread or process had just
        rotated could be written back with its used-up refresh token. Returns whether it was marked."""
        with _thread_lock(self.key), _FileLock(self._lock_path()):
            tokens = self.load()
            if tokens is None or tokens.access_token != access_token:
                return False                 # refreshed meanwhile: the new token is fine
            self.save(TokenSet(tokens.access_token, tokens.refresh_token, 0.0, tokens.scope, tokens.raw))
            return True

    def _refresh(self, refresh_token: str) -> TokenSet:
        if self._refresher is not None:
            return self._refresher(refresh_token)
        return refresh(self.token_url, self.client_id, refresh_token, client_secret=self.client_secret,
                       scope=self.scope, transport=self._transport)

    __call__ = get_access_token   # usable directly as PleoClient(token_source=store)
