"""Connecting pleodesk to a Xero organisation: sign-in with PKCE, the organisation, disconnecting.

The browser sign-in, the token store in the keyring (refresh ahead of expiry, one refresh at a time
across threads and processes, a rotated refresh token written before it is used) are the shared ones
of ``pleodesk/providers/oauth.py``. This module adds what is Xero's:

* the scopes: ``offline_access`` (for a refresh token) and Xero's granular scopes for apps created
  from 2 March 2026, or the broad ones older apps still use (``scope_style``);
* the client id: the one shipped with pleodesk (``PLEODESK_XERO_CLIENT_ID`` at build time) or the
  user's own Xero app's (Xero counts every connected organisation against the app's tier);
* the organisations: Xero's identity API (``GET /Connections``) lists the organisations a sign-in
  may use; a pleodesk connection is bound to one (``tenant_id``). Reconnecting must come back to the
  same organisation, else nothing is stored;
* disconnecting: ``DELETE /Connections/{id}``, then the token is revoked and removed from the keyring.
"""

from __future__ import annotations

import base64
import inspect
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
from pleodesk.providers.xero import provider as P

log = logging.getLogger(__name__)

#: What the source carries in place of pleodesk's own Xero app id. A distributor registers the app
#: (docs/xero.md, "pleodesk's own Xero app") and builds with ``build_installer.py --xero-client-id``,
#: which writes the id to ``resources/xero-client-id`` in the bundle. A PKCE client id is not a secret.
CLIENT_ID_PLACEHOLDER = "<pleodesk's Xero client id, set when building: build_installer.py --xero-client-id>"
CLIENT_ID_FILE = "xero-client-id"


def built_in_client_id() -> str:
    """pleodesk's own Xero app id: ``PLEODESK_XERO_CLIENT_ID``, else the one the build wrote to the
    resources; "" when this copy has none (the user then enters their own app's id)."""
    cid = os.environ.get("PLEODESK_XERO_CLIENT_ID", "").strip()
    if not cid:
        try:
            from pleodesk.ui.resources import resources_dir

            cid = (resources_dir() / CLIENT_ID_FILE).read_text(encoding="utf-8").strip()
        except (OSError, ImportError, UnicodeDecodeError):
            cid = ""
    return "" if cid == CLIENT_ID_PLACEHOLDER else cid


#: The client id shipped with pleodesk (read once at start); empty: the user enters their own app's.
DEFAULT_CLIENT_ID = built_in_client_id()

GRANULAR_SCOPES = ("offline_access", "accounting.settings", "accounting.contacts", "accounting.banktransactions",
                   "accounting.attachments")
BROAD_SCOPES = ("offline_access", "accounting.settings", "accounting.contacts", "accounting.transactions",
                "accounting.attachments")
#: Redirect URIs to register with the Xero app: http://localhost:<port>/callback for each port.
PORTS = DEFAULT_PORTS


def scopes_for(settings: Mapping[str, Any]) -> list[str]:
    broad = settings.get("scope_style") == "broad"
    scopes = list(BROAD_SCOPES if broad else GRANULAR_SCOPES)
    if not broad and (settings.get("out_of_pocket_as") == "bill" or settings.get("bills", True)):
        scopes.append("accounting.invoices")
    if settings.get("feed") == "api":
        scopes.append("bankfeeds")
    return scopes


def token_key(conn_id: Any) -> str:
    from pleodesk.connections import ledger_secret_name

    return ledger_secret_name(conn_id, "xero-oauth")


def urls(settings: Mapping[str, Any]) -> dict[str, str]:
    return {"authorize": str(settings.get("authorize_url") or P.AUTHORIZE_URL),
            "token": str(settings.get("token_url") or P.TOKEN_URL),
            "revocation": str(settings.get("revocation_url") or P.REVOCATION_URL),
            "identity": str(settings.get("identity_url") or P.IDENTITY_URL).rstrip("/")}


def client_id_of(settings: Mapping[str, Any]) -> str:
    cid = str(settings.get("client_id") or DEFAULT_CLIENT_ID or built_in_client_id())
    if not cid:
        raise LedgerError("This copy of pleodesk has no Xero app built in", "",
                          "Under Advanced, enter the client id of your own Xero app (developer.xero.com > My Apps, an app of type "
                          "'Auth Code with PKCE' with the redirect URIs http://localhost:53682/callback, "
                          "http://localhost:53683/callback and http://localhost:53684/callback).",
                          reason_type="missing_configuration")
    return cid


def token_store(conn_id: Any, settings: Mapping[str, Any], *, transport: httpx.BaseTransport | None = None
                ) -> TokenStore:
    return TokenStore(token_key(conn_id), urls(settings)["token"], client_id_of(settings), transport=transport)


def guarded_token_source(store: TokenStore) -> Callable[[], str]:
    """The store's access token, with sign-in problems as pleodesk's AuthError/LedgerError."""

    def source() -> str:
        try:
            return store.get_access_token()
        except OAuthRevoked as exc:
            raise AuthError("Xero disconnected pleodesk (the sign-in was revoked or expired)", str(exc),
                            "Reconnect to the same Xero organisation.") from exc
        except OAuthNotConnected as exc:
            raise AuthError("pleodesk is not signed in to Xero for this connection", "",
                            "Connect it to Xero first.") from exc
        except OAuthError as exc:
            raise LedgerError("Signing in to Xero failed", str(exc), "Try again in a few minutes.",
                              retryable=exc.retryable, reason_type="accounting_system_unreachable") from exc

    return source


def force_refresh_for(store: TokenStore) -> Callable[[str], None]:
    """After a 401 with a token that should still be valid: mark the stored token set expired (only if
    it is still the one that failed), so the next call refreshes it. Inside the refresh locks
    (``TokenStore.expire``): another thread or process may be rotating the refresh token right now."""

    def force(failed_access_token: str) -> None:
        store.expire(failed_access_token)

    return force


def _jwt_claim(token: str, claim: str) -> Any:
    try:
        payload = token.split(".")[1]
        payload += "=" * (-len(payload) % 4)
        return json.loads(base64.urlsafe_b64decode(payload)).get(claim)
    except (IndexError, ValueError, AttributeError):
        return None


@dataclass(frozen=True)
class Tenant:
    connection_id: str
    tenant_id: str
    name: str
    type: str
    auth_event_id: str | None = None


@dataclass
class SignIn:
    tokens: TokenSet
    tenants: list[Tenant]          # from this sign-in (its auth event) when Xero says which those are
    client_id: str


class XeroConnector:
    """The Xero side of the wizard's connect page and of Reconnect / Disconnect."""

    def __init__(self, settings: Mapping[str, Any], *, ports: Sequence[int] = PORTS,
                 open_browser: Callable[[str], Any] | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.settings = dict(settings)
        self.urls = urls(settings)
        self.ports = tuple(ports)
        self.open_browser = open_browser
        self.transport = transport
        self.authorizer: LoopbackAuthorizer | None = None

    def _authorizer(self) -> LoopbackAuthorizer:
        kwargs: dict[str, Any] = {"transport": self.transport}
        if self.open_browser is not None:
            kwargs["open_browser"] = self.open_browser
        params = inspect.signature(LoopbackAuthorizer.__init__).parameters
        if "redirect_host" in params:          # Xero matches redirect URIs exactly: register localhost ones
            kwargs["redirect_host"] = "localhost"
        return LoopbackAuthorizer(self.urls["authorize"], self.urls["token"], client_id_of(self.settings),
                                  scopes_for(self.settings), self.ports, **kwargs)

    def sign_in(self, *, timeout: float = 300, cancel: threading.Event | None = None) -> SignIn:
        """Run the browser sign-in and list the organisations it covers."""
        self.authorizer = self._authorizer()
        try:
            tokens = self.authorizer.authorize(timeout=timeout, cancel=cancel)
        except OAuthError as exc:
            raise LedgerError("Signing in to Xero did not complete", str(exc), "Try connecting again.",
                              reason_type="accounting_system_authentication_failure") from exc
        event = _jwt_claim(tokens.access_token, "authentication_event_id")
        tenants = self.tenants(tokens.access_token, event)
        if not tenants and event:
            tenants = self.tenants(tokens.access_token)
        return SignIn(tokens, tenants, client_id_of(self.settings))

    def tenants(self, access_token: str, auth_event_id: str | None = None) -> list[Tenant]:
        params = {"authEventId": auth_event_id} if auth_event_id else None
        with httpx.Client(transport=self.transport, timeout=30) as http:
            resp = http.get(self.urls["identity"] + "/Connections", params=params,
                            headers={"Authorization": f"Bearer {access_token}", "Accept": "application/json"})
        if resp.status_code != 200:
            raise LedgerError("Xero's list of organisations could not be read", f"HTTP {resp.status_code}",
                              "Try connecting again.", reason_type="accounting_system_authentication_failure")
        return [Tenant(str(c["id"]), str(c["tenantId"]), str(c.get("tenantName") or ""),
                       str(c.get("tenantType") or "ORGANISATION"), c.get("authEventId"))
                for c in resp.json() if (c.get("tenantType") or "ORGANISATION") == "ORGANISATION"]

    def settings_for(self, sign_in: SignIn, tenant: Tenant) -> dict[str, Any]:
        """What to store in the connection's settings for the chosen organisation."""
        return {"tenant_id": tenant.tenant_id, "tenant_name": tenant.name, "xero_connection_id": tenant.connection_id,
                "client_id": sign_in.client_id, "scope": sign_in.tokens.scope or " ".join(scopes_for(self.settings))}

    def store(self, conn_id: Any, sign_in: SignIn) -> None:
        """Write the token set to the keyring (the only place it lives)."""
        token_store(conn_id, {**self.settings, "client_id": sign_in.client_id}, transport=self.transport).save(
            sign_in.tokens)

    def connect(self, conn_id: Any, *, choose: Callable[[list[Tenant]], Tenant | None] | None = None,
                timeout: float = 300, cancel: threading.Event | None = None) -> dict[str, Any]:
        """Sign in, pick the organisation (``choose``; default: the only one), store the tokens; return
        the settings to store."""
        si = self.sign_in(timeout=timeout, cancel=cancel)
        if not si.tenants:
            raise LedgerError("The Xero sign-in did not give access to any organisation", "",
                              "Connect again and choose an organisation on Xero's page.",
                              reason_type="accounting_system_authentication_failure")
        if choose is None:
            if len(si.tenants) > 1:
                raise LedgerError("The sign-in covers several Xero organisations", "",
                                  "Choose one of them.", reason_type="missing_configuration")
            tenant = si.tenants[0]
        else:
            tenant = choose(si.tenants)
            if tenant is None:
                raise LedgerError("No Xero organisation was chosen", "", "Connect again and choose one.",
                                  reason_type="missing_configuration")
        self.store(conn_id, si)
        return self.settings_for(si, tenant)

    def reconnect(self, conn_id: Any, *, timeout: float = 300, cancel: threading.Event | None = None
                  ) -> dict[str, Any]:
        """Sign in again for an existing connection: only the same organisation is accepted."""
        expected = self.settings.get("tenant_id")
        si = self.sign_in(timeout=timeout, cancel=cancel)
        match = next((t for t in si.tenants if t.tenant_id == expected), None)
        if match is None and si.tenants:
            # The event may list only the organisations chosen this time; look at all of them too.
            event_ids = {t.tenant_id for t in si.tenants}
            match = next((t for t in self.tenants(si.tokens.access_token) if t.tenant_id == expected
                          and t.tenant_id not in event_ids), None)
        if match is None:
            names = ", ".join(t.name for t in si.tenants) or "no organisation"
            raise LedgerError(
                f"You signed in to {names}, but this connection books into "
                f"'{self.settings.get('tenant_name') or expected}'",
                "Nothing was changed: a connection stays with its organisation.",
                f"Reconnect and choose '{self.settings.get('tenant_name') or expected}' on Xero's page, or "
                "create a new connection for the other organisation.",
                reason_type="accounting_system_authentication_failure")
        self.store(conn_id, si)
        return self.settings_for(si, match)

    def disconnect(self, conn_id: Any) -> list[str]:
        """Delete the organisation's connection to the app, revoke the token, clear the keyring.
        Returns what could not be done (the keyring is cleared in any case)."""
        problems: list[str] = []
        store = token_store(conn_id, self.settings, transport=self.transport)
        tokens = store.load()
        try:
            if tokens is not None:
                try:
                    access = store.get_access_token()
                except OAuthError as exc:
                    access = None
                    problems.append(f"The sign-in could not be renewed ({exc}); Xero keeps the connection until "
                                    "it is removed under Settings > Connected apps.")
                if access:
                    with httpx.Client(transport=self.transport, timeout=30) as http:
                        cid = self.settings.get("xero_connection_id")
                        if not cid:
                            for t in self.tenants(access):
                                if t.tenant_id == self.settings.get("tenant_id"):
                                    cid = t.connection_id
                        if cid:
                            r = http.delete(f"{self.urls['identity']}/Connections/{cid}",
                                            headers={"Authorization": f"Bearer {access}"})
                            if r.status_code not in (200, 204, 404):
                                problems.append(f"Xero did not remove the connection (HTTP {r.status_code}).")
                        tokens = store.load() or tokens
                        if tokens.refresh_token:
                            r = http.post(self.urls["revocation"],
                                          data={"token": tokens.refresh_token,
                                                "client_id": client_id_of(self.settings)})
                            if r.status_code not in (200, 204):
                                problems.append(f"Xero did not revoke the sign-in (HTTP {r.status_code}).")
        except httpx.HTTPError as exc:
            problems.append(f"Xero could not be reached to disconnect ({exc}); remove pleodesk under Settings > "
                            "Connected apps in Xero.")
        finally:
            store.clear()
        return problems
