"""QuickBooks Online: purchases on the Pleo bank account, deposits, transfers, bills, vendors and receipts.
See docs/quickbooks.md.

Module contract (``pleodesk.connections``): ``SYSTEM``, ``LABEL``, ``SECRET``, ``create_provider(conn)``
and ``settings_from_setup(section, read_secret)``.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

SYSTEM = "quickbooks"
LABEL = "QuickBooks Online"
#: The keyring entry of a connection's sign-in (``connections.ledger_secret_name(conn_id, SECRET)``).
SECRET = "quickbooks-oauth"

#: Setup-file keys of the [quickbooks] section (see docs/quickbooks.md).
_SETUP_STRINGS = ("realm_id", "company_name", "client_id", "redirect_uri", "api_url", "authorize_url", "token_url",
                  "revoke_url", "web_url", "wallet_currency", "no_tax_code", "minor_version")
_CHOICES = {"environment": ("production", "sandbox")}
_ACCOUNT_KEYS = ("name", "number", "journal_code")


def create_provider(conn, **kwargs: Any):
    """The provider of a stored connection: tokens from the keyring, settings from ``conn.settings``."""
    from pleodesk.providers.quickbooks.auth import force_refresh_for, guarded_token_source, token_store
    from pleodesk.providers.quickbooks.provider import QuickBooksProvider

    settings = dict(conn.settings or {})
    if not settings.get("realm_id"):
        from pleodesk.providers.base import LedgerError

        raise LedgerError("This QuickBooks connection has no company", "", "Connect it to a QuickBooks company first.",
                          reason_type="missing_configuration")
    store = token_store(conn.id, settings, transport=kwargs.get("transport"))
    return QuickBooksProvider(settings, guarded_token_source(store), name=getattr(conn, "name", ""),
                              force_refresh=force_refresh_for(store), **kwargs)


def settings_from_setup(section: Mapping[str, Any], read_secret: Callable[[str, str], str]
                        ) -> tuple[dict[str, Any], dict[str, str]]:
    """``[quickbooks]`` of a setup file to (settings, secrets). ``sandbox_url`` points every address at
    the local sandbox; ``refresh_token_env`` names a variable holding a refresh token (headless setups),
    otherwise the connection is signed in from the app; ``client_id`` + ``client_secret_env`` +
    ``redirect_uri``: the user's own Intuit app (else the one built into pleodesk)."""
    import json

    from pleodesk.providers.quickbooks.auth import APP_SECRET, TOKENS_SECRET

    for key in ("refresh_token", "client_secret"):
        if key in section:
            read_secret(key, "QuickBooks " + key.replace("_", " "))      # refuses a secret written in the file
    known = set(_SETUP_STRINGS) | set(_CHOICES) | {"sandbox_url", "refresh_token_env", "client_secret_env",
                                                    "rate_limits", "pkce", "pocket", "bank_account",
                                                    "pocket_account"}
    unknown = set(section) - known
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]}; known: {', '.join(sorted(known))}")
    settings: dict[str, Any] = {}
    sandbox = section.get("sandbox_url")
    if sandbox:
        if not _loopback_http(str(sandbox)):
            raise ValueError(f"sandbox_url = '{sandbox}' is not the local sandbox: it must be an http address on this "
                             "computer (127.0.0.1, ::1 or localhost)")
        settings.update(sandbox_settings(str(sandbox)))
    for key in _SETUP_STRINGS:
        if section.get(key) not in (None, ""):
            settings[key] = str(section[key])
    for key, allowed in _CHOICES.items():
        if key in section:
            if section[key] not in allowed:
                raise ValueError(f"{key} = '{section[key]}' is not one of {', '.join(allowed)}")
            settings[key] = section[key]
    for key in ("pkce", "pocket"):
        if key in section:
            if not isinstance(section[key], bool):
                raise ValueError(f"{key} must be true or false")
            settings[key] = section[key]
    for key in ("bank_account", "pocket_account"):
        if key in section:
            value = section[key]
            if not isinstance(value, dict) or set(value) - set(_ACCOUNT_KEYS):
                raise ValueError(f"{key} is a table of {', '.join(_ACCOUNT_KEYS)}: "
                                 f'{key} = {{ name = "Banque Pleo", number = "512", journal_code = "BQ" }}')
            settings[key] = {k: str(v) for k, v in value.items()}
    if "rate_limits" in section:
        if not isinstance(section["rate_limits"], dict):
            raise ValueError("rate_limits is a table: per_minute, batch_per_minute, concurrent, time_scale")
        settings["rate_limits"] = dict(section["rate_limits"])
    if not settings.get("realm_id"):
        raise ValueError("realm_id is missing: the QuickBooks company's id (Connections > QuickBooks shows it after "
                         "signing in, or leave the setup file out and connect from the app)")
    secrets: dict[str, str] = {}
    if settings.get("client_id"):
        if not section.get("client_secret_env"):
            raise ValueError("client_secret_env is missing: with your own Intuit app (client_id), name an environment "
                             "variable that holds its client secret")
        if not settings.get("redirect_uri"):
            raise ValueError("redirect_uri is missing: the redirect URI registered with your own Intuit app")
        if not (settings["redirect_uri"].startswith("https://") or _loopback_http(settings["redirect_uri"])):
            raise ValueError("redirect_uri must be an https address (Intuit's production keys take no other), or, "
                             "with development keys, http://localhost:<port>/callback")
        secrets[APP_SECRET] = read_secret("client_secret", "QuickBooks client secret")
        settings["keyring_entries"] = [APP_SECRET]
    elif section.get("client_secret_env"):
        raise ValueError("client_secret_env is only for your own Intuit app: give its client_id too")
    if section.get("refresh_token_env"):
        refresh_token = read_secret("refresh_token", "QuickBooks refresh token")
        secrets[TOKENS_SECRET] = json.dumps({"access_token": "", "refresh_token": refresh_token, "expires_at": 0,
                                             "scope": None, "raw": {}})
    return settings, secrets


def sandbox_settings(sandbox_url: str) -> dict[str, str]:
    """Every QuickBooks address of the local sandbox at ``sandbox_url`` (see
    pleodesk/sandbox/qbo_emulator.py)."""
    base = str(sandbox_url).rstrip("/")
    return {"api_url": f"{base}/qbo", "authorize_url": f"{base}/qbo-oauth/connect/oauth2",
            "token_url": f"{base}/qbo-oauth/oauth2/v1/tokens/bearer",
            "revoke_url": f"{base}/qbo-oauth/v2/oauth2/tokens/revoke", "web_url": f"{base}/qbo-web",
            "environment": "sandbox"}


def _loopback_http(url: str) -> bool:
    """Plain http to this computer only: a literal loopback address or ``localhost`` (never a name that
    merely starts like one)."""
    import ipaddress
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or any(c in url for c in "\\ \t\r\n@"):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
