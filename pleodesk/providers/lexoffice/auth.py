"""Connecting to Lexware Office: the user's public API key, or Lexware's partner OAuth.

**Public API key** (every copy of pleodesk): the user creates a key in Lexware Office under Add-ons >
Public API (``https://app.lexware.de/addons/public-api``); it is checked with ``GET /v1/profile`` and kept in
the system keyring (``lexoffice_api_key``, named per installation). Keys live 24 months.

**Partner OAuth** (a build that carries Lexware partner credentials): the one-click "Zugriff erlauben"
of Pleo's own integration. Lexware gives partner apps a client id and secret; the authorisation code
flow runs in the browser (``https://app.lexware.de/oauth2/authorize``), the code comes back to
pleodesk's loopback listener (the redirect URIs ``http://127.0.0.1:5368x/callback`` registered with
the partner app) and is exchanged at ``https://app.lexware.de/oauth2/token`` with the client
credentials (HTTP Basic). The token set goes to the keyring (``lexoffice-oauth``) and is refreshed
ahead of expiry (:class:`pleodesk.providers.oauth.TokenStore`). Only this path may use the partner
API: the Pleo bank account (financial account), its transactions and the assignment hints.

Where the credentials come from: ``PLEODESK_LEXOFFICE_PARTNER_CLIENT_ID`` and
``PLEODESK_LEXOFFICE_PARTNER_CLIENT_SECRET``, or the file ``resources/lexoffice-partner.json``
(``{"client_id": ..., "client_secret": ...}``) that a distributor with a Lexware partner contract puts
into the build. Without them the wizard offers the API key only.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any, Mapping

AUTHORIZE_URL = "https://app.lexware.de/oauth2/authorize"
TOKEN_URL = "https://app.lexware.de/oauth2/token"
#: What pleodesk asks a partner connection for (scopes seen in Lexware partner plugins; research §B1).
PARTNER_SCOPES = ("profile.read", "vouchers.read", "vouchers.write", "contacts.read", "contacts.write",
                  "files.read", "files.write", "posting-categories.read", "financial-accounts.read",
                  "financial-accounts.write", "financial-transactions.write", "transaction-assignment-hint.write")
API_KEY_SECRET = "lexoffice_api_key"
OAUTH_SECRET = "lexoffice-oauth"
PARTNER_FILE = "lexoffice-partner.json"


@dataclass(frozen=True)
class PartnerCredentials:
    client_id: str
    client_secret: str


def partner_credentials(settings: Mapping[str, Any] | None = None) -> PartnerCredentials | None:
    """The partner app this copy carries, or None (then only the API key is offered)."""
    cid = os.environ.get("PLEODESK_LEXOFFICE_PARTNER_CLIENT_ID", "").strip()
    secret = os.environ.get("PLEODESK_LEXOFFICE_PARTNER_CLIENT_SECRET", "").strip()
    if cid and secret:
        return PartnerCredentials(cid, secret)
    try:
        from pleodesk.ui.resources import resources_dir

        data = json.loads((resources_dir() / PARTNER_FILE).read_text(encoding="utf-8"))
        if data.get("client_id") and data.get("client_secret"):
            return PartnerCredentials(str(data["client_id"]), str(data["client_secret"]))
    except (OSError, ValueError, ImportError, AttributeError):
        pass
    return None


def urls(settings: Mapping[str, Any]) -> tuple[str, str]:
    return (str(settings.get("authorize_url") or AUTHORIZE_URL), str(settings.get("token_url") or TOKEN_URL))


def token_store(conn_id: Any, settings: Mapping[str, Any], *, transport=None):
    """The keyring entry of a partner connection's token set (refreshed on demand)."""
    from pleodesk.connections import ledger_secret_name
    from pleodesk.providers.oauth import TokenStore

    creds = partner_credentials(settings)
    if creds is None:
        from pleodesk.providers.base import LedgerError

        raise LedgerError("This copy of pleodesk has no Lexware partner access built in", "",
                          "Connect with an API key of Lexware Office instead (Add-ons > Public API).",
                          reason_type="missing_configuration")
    _, token_url = urls(settings)
    return TokenStore(ledger_secret_name(conn_id, OAUTH_SECRET), token_url, creds.client_id,
                      client_secret=creds.client_secret, transport=transport)


def sign_in(settings: Mapping[str, Any], *, open_browser=None, timeout: float = 300, cancel=None,
            transport=None):
    """The browser sign-in ("Zugriff erlauben"); returns the TokenSet."""
    import webbrowser

    from pleodesk.providers.oauth import LoopbackAuthorizer

    creds = partner_credentials(settings)
    if creds is None:
        raise ValueError("no Lexware partner credentials in this copy of pleodesk")
    authorize_url, token_url = urls(settings)
    auth = LoopbackAuthorizer(authorize_url, token_url, creds.client_id, PARTNER_SCOPES,
                              open_browser=open_browser or webbrowser.open, client_secret=creds.client_secret,
                              transport=transport)
    return auth.authorize(timeout=timeout, cancel=cancel)
