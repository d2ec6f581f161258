"""Connecting pleodesk to a QuickBooks Online company: Intuit's sign-in from a desktop app.

What Intuit requires, and how pleodesk meets it:

* **A confidential client.** The token endpoint wants the app's client secret (HTTP Basic). pleodesk
  uses either the Intuit app its build carries (``build_installer.py --quickbooks-client-id/-secret/
  -redirect-uri`` writes ``resources/quickbooks-app.json`` into the bundle; the source holds none), or
  the user's own Intuit app, entered under "Advanced" (its secret goes to the keyring, named per
  connection, never in a file). A secret shipped in a desktop app is not really secret; it identifies
  the app, and Intuit's limits count per app and company.
* **Redirect URIs.** Production keys take only ``https`` redirects that are not IP addresses; plain
  ``http://localhost`` is for development keys. So pleodesk's redirect is a static https page, kept in
  this repository (``docs/site/qbo-callback.html``) and served from the project's site: it reads
  ``code``, ``state`` and ``realmId`` and hands them to pleodesk's loopback listener on this computer,
  whose port travels in ``state`` (``<port>.<random>``); where the browser cannot reach it, the page
  shows the answer for pasting into pleodesk. Development keys (and the sandbox) may redirect straight
  to ``http://localhost:<port>/callback``.
* **PKCE where Intuit accepts it** (``pkce`` setting, on by default; Intuit ignores it where it does not
  use it), ``state`` always (checked before the code is exchanged).
* **The company.** Intuit's own page asks which company (realm) to connect; its id comes back as
  ``realmId``. One pleodesk connection books into one company; reconnecting must come back to the same
  one, else nothing is stored.
* **Tokens.** Access tokens last an hour; refresh tokens rotate (Intuit hands out a new one about once a
  day and refuses the old one from then on). The shared :class:`~pleodesk.providers.oauth.TokenStore`
  stores the newest pair in the keyring before anything uses it and serialises refreshes per connection
  across threads and processes, so two pleodesk processes refreshing at once never lose the newest
  token. ``invalid_grant`` means the sign-in ended: reconnect, to the same company only.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import httpx

from pleodesk.providers.base import AuthError, LedgerError
from pleodesk.providers.oauth import (
    DEFAULT_PORTS,
    LoopbackAuthorizer,
    OAuthError,
    OAuthNotConnected,
    OAuthRevoked,
    TokenSet,
    TokenStore,
)

log = logging.getLogger(__name__)

AUTHORIZE_URL = "https://appcenter.intuit.com/connect/oauth2"
TOKEN_URL = "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"
REVOKE_URL = "https://developer.api.intuit.com/v2/oauth2/tokens/revoke"
SCOPES = ("com.intuit.quickbooks.accounting",)
PORTS = DEFAULT_PORTS

#: The keyring entries of a connection (``connections.ledger_secret_name(conn_id, ...)``).
TOKENS_SECRET = "quickbooks-oauth"
APP_SECRET = "quickbooks-client-secret"
#: The file the build writes pleodesk's own Intuit app into (``build_installer.py --quickbooks-...``).
APP_FILE = "quickbooks-app.json"
#: What the source carries in place of the built-in app (a build without the options keeps it).
APP_PLACEHOLDER = "<set when building: build_installer.py --quickbooks-client-id>"


@dataclass(frozen=True)
class App:
    """The Intuit app pleodesk signs in with."""

    client_id: str
    client_secret: str
    redirect_uri: str
    own: bool = False          # the user's own app (its secret is in the connection's keyring entry)


def built_in_app() -> App | None:
    """pleodesk's own Intuit app: ``PLEODESK_QBO_CLIENT_ID`` / ``_CLIENT_SECRET`` / ``_REDIRECT_URI``, else
    what the build wrote to the resources; None when this copy has none (the user enters their own)."""
    env = os.environ
    cid = env.get("PLEODESK_QBO_CLIENT_ID", "").strip()
    secret = env.get("PLEODESK_QBO_CLIENT_SECRET", "").strip()
    redirect = env.get("PLEODESK_QBO_REDIRECT_URI", "").strip()
    if not cid:
        try:
            from pleodesk.ui.resources import resources_dir

            data = json.loads((resources_dir() / APP_FILE).read_text(encoding="utf-8"))
            cid, secret, redirect = (str(data.get(k) or "").strip() for k in ("client_id", "client_secret",
                                                                               "redirect_uri"))
        except (OSError, ImportError, ValueError, AttributeError):
            return None
    if not cid or cid == APP_PLACEHOLDER or not secret or not redirect:
        return None
    return App(cid, secret, redirect)


def app_for(settings: Mapping[str, Any], secret: str | None = None) -> App:
    """The app a connection signs in with: its own (``client_id`` in the settings, the secret given or
    from the keyring by the caller) or the built-in one. Raises LedgerError with what to do."""
    cid = str(settings.get("client_id") or "")
    if cid:
        if not secret:
            raise LedgerError("The client secret of your own Intuit app is missing", "",
                              "Under Advanced, enter the client secret of your Intuit app (developer.intuit.com > "
                              "your app > Keys and credentials).", reason_type="missing_configuration")
        redirect = str(settings.get("redirect_uri") or "")
        if not redirect:
            raise LedgerError("The redirect URI of your own Intuit app is missing", "",
                              "Under Advanced, enter one of your Intuit app's redirect URIs: the address of "
                              "pleodesk's redirect page (docs/site/qbo-callback.html) where you host it, or, with "
                              "development keys, http://localhost:53682/callback.",
                              reason_type="missing_configuration")
        return App(cid, secret, redirect, own=True)
    app = built_in_app()
    if app is None:
        raise LedgerError("This copy of pleodesk has no Intuit app built in", "",
                          "Under Advanced, enter your own Intuit app's client id, client secret and redirect URI "
                          "(developer.intuit.com > My apps; see docs/quickbooks.md).",
                          reason_type="missing_configuration")
    return app


def urls(settings: Mapping[str, Any]) -> dict[str, str]:
    return {"authorize": str(settings.get("authorize_url") or AUTHORIZE_URL),
            "token": str(settings.get("token_url") or TOKEN_URL),
            "revoke": str(settings.get("revoke_url") or REVOKE_URL)}


def token_key(conn_id: Any) -> str:
    from pleodesk.connections import ledger_secret_name

    return ledger_secret_name(conn_id, TOKENS_SECRET)


def app_secret_key(conn_id: Any) -> str:
    from pleodesk.connections import ledger_secret_name

    return ledger_secret_name(conn_id, APP_SECRET)


def stored_app(conn_id: Any, settings: Mapping[str, Any]) -> App:
    """The app of a stored connection (its own app's secret read from the keyring)."""
    secret = None
    if settings.get("client_id"):
        from pleodesk.secrets import get_secret

        secret = get_secret(app_secret_key(conn_id))
    return app_for(settings, secret)


def token_store(conn_id: Any, settings: Mapping[str, Any], *, app: App | None = None,
                transport: httpx.BaseTransport | None = None) -> TokenStore:
    app = app or stored_app(conn_id, settings)
    return TokenStore(token_key(conn_id), urls(settings)["token"], app.client_id, client_secret=app.client_secret,
                      transport=transport)


def guarded_token_source(store: TokenStore) -> Callable[[], str]:
    """The store's access token, with sign-in problems as pleodesk's AuthError/LedgerError."""

    def source() -> str:
        try:
            return store.get_access_token()
        except OAuthRevoked as exc:
            raise AuthError("QuickBooks ended pleodesk's sign-in (it was revoked or has expired)", str(exc),
                            "Reconnect to the same QuickBooks company (Connections > Reconnect).") from exc
        except OAuthNotConnected as exc:
            raise AuthError("pleodesk is not signed in to QuickBooks for this connection", "",
                            "Connect it to QuickBooks first.") from exc
        except OAuthError as exc:
            raise LedgerError("Signing in to QuickBooks failed", str(exc), "Try again in a few minutes.",
                              retryable=exc.retryable, reason_type="accounting_system_unreachable") from exc

    return source


def force_refresh_for(store: TokenStore) -> Callable[[str], None]:
    """After a 401: mark the stored token set expired (if it is still the one refused), under the
    refresh locks, so the next request refreshes it."""

    def force(failed_access_token: str) -> None:
        store.expire(failed_access_token)

    return force


@dataclass
class SignIn:
    tokens: TokenSet
    realm_id: str
    company_name: str
    country: str
    app: App


class QboConnector:
    """The QuickBooks side of the wizard's connect page and of Reconnect / Disconnect."""

    def __init__(self, settings: Mapping[str, Any], *, secret: str | None = None, ports: Sequence[int] = PORTS,
                 open_browser: Callable[[str], Any] | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.settings = dict(settings)
        self.urls = urls(settings)
        self.app = app_for(settings, secret) if secret or not settings.get("client_id") else None
        self.ports = tuple(ports)
        self.open_browser = open_browser
        self.transport = transport
        self.authorizer: LoopbackAuthorizer | None = None

    def _app(self, conn_id: Any = None) -> App:
        if self.app is None:
            self.app = stored_app(conn_id, self.settings)
        return self.app

    def _authorizer(self, app: App) -> LoopbackAuthorizer:
        kwargs: dict[str, Any] = {"transport": self.transport, "client_secret": app.client_secret,
                                  "pkce": bool(self.settings.get("pkce", True))}
        if self.open_browser is not None:
            kwargs["open_browser"] = self.open_browser
        loopback = app.redirect_uri.startswith(("http://localhost:", "http://127.0.0.1:"))
        if loopback:
            kwargs["redirect_host"] = "localhost" if "localhost" in app.redirect_uri else "127.0.0.1"
        else:
            kwargs["redirect_uri"] = app.redirect_uri
        return LoopbackAuthorizer(self.urls["authorize"], self.urls["token"], app.client_id, SCOPES, self.ports,
                                  **kwargs)

    def submit(self, pasted: str) -> bool:
        """The answer the redirect page showed, pasted by the user (see ``LoopbackAuthorizer.submit``)."""
        return self.authorizer.submit(pasted) if self.authorizer is not None else False

    def sign_in(self, *, conn_id: Any = None, timeout: float = 300,
                cancel: threading.Event | None = None) -> SignIn:
        """Run the browser sign-in; the company comes back as ``realmId``."""
        app = self._app(conn_id)
        self.authorizer = self._authorizer(app)
        try:
            tokens = self.authorizer.authorize(timeout=timeout, cancel=cancel)
        except OAuthError as exc:
            raise LedgerError("Signing in to QuickBooks did not complete", str(exc), "Try connecting again.",
                              reason_type="accounting_system_authentication_failure") from exc
        realm = self.authorizer.last_answer.get("realmId") or ""
        if not realm:
            raise LedgerError("QuickBooks did not say which company was connected", "the answer had no realmId",
                              "Connect again and choose a company on Intuit's page.",
                              reason_type="accounting_system_authentication_failure")
        name, country = self.company(tokens.access_token, realm)
        return SignIn(tokens, realm, name, country, app)

    def company(self, access_token: str, realm: str) -> tuple[str, str]:
        """The company's name and country (``CompanyInfo``)."""
        api = str(self.settings.get("api_url") or _api_url(self.settings)).rstrip("/")
        with httpx.Client(transport=self.transport, timeout=30) as http:
            resp = http.get(f"{api}/v3/company/{realm}/companyinfo/{realm}", params={"minorversion": "75"},
                            headers={"Authorization": f"Bearer {access_token}", "Accept": "application/json"})
        if resp.status_code != 200:
            raise LedgerError("QuickBooks' company details could not be read", f"HTTP {resp.status_code}",
                              "Try connecting again.", reason_type="accounting_system_authentication_failure")
        info = (resp.json() or {}).get("CompanyInfo") or {}
        return str(info.get("CompanyName") or realm), str(info.get("Country") or "")

    def settings_for(self, sign_in: SignIn) -> dict[str, Any]:
        """What to store in the connection's settings (no secret)."""
        out: dict[str, Any] = {"realm_id": sign_in.realm_id, "company_name": sign_in.company_name,
                               "country": sign_in.country}
        if sign_in.app.own:
            out.update(client_id=sign_in.app.client_id, redirect_uri=sign_in.app.redirect_uri,
                       keyring_entries=[APP_SECRET])
        return out

    def secrets_for(self, sign_in: SignIn) -> dict[str, str]:
        """The keyring entries to store: the tokens, and the own app's secret."""
        out = {TOKENS_SECRET: sign_in.tokens.to_json()}
        if sign_in.app.own:
            out[APP_SECRET] = sign_in.app.client_secret
        return out

    def store(self, conn_id: Any, sign_in: SignIn) -> None:
        from pleodesk.secrets import set_secret

        if sign_in.app.own:
            set_secret(app_secret_key(conn_id), sign_in.app.client_secret)
        token_store(conn_id, self.settings, app=sign_in.app, transport=self.transport).save(sign_in.tokens)

    def connect(self, conn_id: Any, *, timeout: float = 300, cancel: threading.Event | None = None
                ) -> dict[str, Any]:
        """Sign in, store the tokens; return the settings to store."""
        si = self.sign_in(conn_id=conn_id, timeout=timeout, cancel=cancel)
        self.store(conn_id, si)
        return self.settings_for(si)

    def reconnect(self, conn_id: Any, *, timeout: float = 300, cancel: threading.Event | None = None
                  ) -> dict[str, Any]:
        """Sign in again for an existing connection: only the same company is accepted; for another one
        the new sign-in is revoked again and nothing is stored."""
        expected = str(self.settings.get("realm_id") or "")
        si = self.sign_in(conn_id=conn_id, timeout=timeout, cancel=cancel)
        if si.realm_id != expected:
            self._revoke(si.app, si.tokens.refresh_token)
            name = self.settings.get("company_name") or expected
            raise LedgerError(
                f"You signed in to {si.company_name}, but this connection books into '{name}'",
                "Nothing was changed: a connection stays with its company.",
                f"Reconnect and choose '{name}' on Intuit's page, or create a new connection for the other company.",
                reason_type="accounting_system_authentication_failure")
        self.store(conn_id, si)
        return self.settings_for(si)

    def _revoke(self, app: App, token: str | None) -> bool:
        if not token:
            return True
        try:
            with httpx.Client(transport=self.transport, timeout=30) as http:
                r = http.post(self.urls["revoke"], json={"token": token}, auth=(app.client_id, app.client_secret),
                              headers={"Accept": "application/json"})
            return r.status_code in (200, 204)
        except httpx.HTTPError as exc:
            log.info("quickbooks: revoking a sign-in failed: %s", exc)
            return False

    def disconnect(self, conn_id: Any) -> list[str]:
        """Revoke the sign-in at Intuit and clear the keyring. Returns what could not be done (the keyring
        is cleared in any case)."""
        problems: list[str] = []
        try:
            app = self._app(conn_id)
        except LedgerError as exc:
            app = None
            problems.append(f"{exc.title}; the sign-in could not be revoked at Intuit.")
        store = token_store(conn_id, self.settings, app=app or App("", "", ""), transport=self.transport)
        try:
            tokens = store.load()
            if tokens is not None and app is not None and not self._revoke(app, tokens.refresh_token):
                problems.append("Intuit did not revoke the sign-in.")
        finally:
            store.clear()
            from pleodesk.secrets import delete_secret

            delete_secret(app_secret_key(conn_id))
        return problems


def _api_url(settings: Mapping[str, Any]) -> str:
    from pleodesk.providers.quickbooks.provider import API_URL, SANDBOX_API_URL

    return SANDBOX_API_URL if settings.get("environment") == "sandbox" else API_URL
