"""Xero: spend money, bills, contacts, receipts and the Pleo bank feed. See docs/xero.md.

Module contract (``pleodesk.connections``): ``SYSTEM``, ``LABEL``, ``create_provider(conn)`` and
``settings_from_setup(section, read_secret)``.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

SYSTEM = "xero"
LABEL = "Xero"

#: Setup-file keys of the [xero] section (see docs/xero.md).
_SETUP_STRINGS = ("client_id", "tenant_id", "tenant_name", "api_url", "bankfeeds_url", "identity_url",
                  "authorize_url", "token_url", "revocation_url", "web_url", "wallet_currency",
                  "bank_account_code", "default_account_code", "out_of_pocket_account_code",
                  "rounding_account_code", "no_tax_type", "feed_folder")
_CHOICES = {"out_of_pocket_as": ("spend_money", "bill"), "feed": ("auto", "api", "file"),
            "scope_style": ("granular", "broad")}


def create_provider(conn, **kwargs: Any):
    """The provider of a stored connection: tokens from the keyring, settings from ``conn.settings``."""
    from pleodesk.providers.xero.auth import force_refresh_for, guarded_token_source, token_store
    from pleodesk.providers.xero.provider import XeroProvider

    settings = dict(conn.settings or {})
    store = token_store(conn.id, settings, transport=kwargs.get("transport"))

    def scopes() -> str | None:
        tokens = store.load()
        return (tokens.scope if tokens else None) or settings.get("scope")

    return XeroProvider(settings, guarded_token_source(store), name=getattr(conn, "name", ""),
                        force_refresh=force_refresh_for(store), granted_scopes=scopes, **kwargs)


def settings_from_setup(section: Mapping[str, Any], read_secret: Callable[[str, str], str]
                        ) -> tuple[dict[str, Any], dict[str, str]]:
    """``[xero]`` of a setup file to (settings, secrets). ``sandbox_url`` points every address at the
    local sandbox; ``refresh_token_env`` names a variable holding a refresh token (headless setups),
    otherwise the connection is signed in from the app (Connections > Connect to Xero)."""
    settings: dict[str, Any] = {}
    if "refresh_token" in section:
        read_secret("refresh_token", "Xero refresh token")   # refuses a secret written in the file
    known = set(_SETUP_STRINGS) | set(_CHOICES) | {"sandbox_url", "refresh_token_env", "mark_reconciled",
                                                    "max_attachment_mb", "rate_limits", "post"}
    unknown = set(section) - known
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]}; known: {', '.join(sorted(known))}")
    from pleodesk.urls import check_web_address

    sandbox = section.get("sandbox_url")
    if sandbox:
        settings.update(sandbox_settings(check_web_address(sandbox, "sandbox_url")))
    for key in _SETUP_STRINGS:
        if section.get(key) not in (None, ""):
            if not isinstance(section[key], str):
                raise ValueError(f"{key} must be text in quotes")
            if key.endswith("_url"):       # tokens and books go there: https, or this computer only
                settings[key] = check_web_address(section[key], key)
            else:
                settings[key] = str(section[key])
    for key, allowed in _CHOICES.items():
        if key in section:
            if section[key] not in allowed:
                raise ValueError(f"{key} = '{section[key]}' is not one of {', '.join(allowed)}")
            settings[key] = section[key]
    if "mark_reconciled" in section:
        settings["mark_reconciled"] = bool(section["mark_reconciled"])
    if "max_attachment_mb" in section:
        settings["max_attachment_mb"] = float(section["max_attachment_mb"])
    if "rate_limits" in section:
        if not isinstance(section["rate_limits"], dict) or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in section["rate_limits"].values()):
            raise ValueError("rate_limits must be a table of numbers: rate_limits = { per_minute = 60 }")
        settings["rate_limits"] = dict(section["rate_limits"])
    if not settings.get("tenant_id"):
        raise ValueError("tenant_id is missing: the Xero organisation's id (Connections > Xero shows it after "
                         "signing in, or leave the setup file out and connect from the app)")
    if not settings.get("wallet_currency"):
        raise ValueError("wallet_currency is missing: the currency of the Pleo wallet, e.g. \"EUR\"")
    secrets: dict[str, str] = {}
    if section.get("refresh_token_env"):
        import json

        refresh_token = read_secret("refresh_token", "Xero refresh token")
        secrets["xero-oauth"] = json.dumps({"access_token": "", "refresh_token": refresh_token, "expires_at": 0,
                                            "scope": None, "raw": {}})
    return settings, secrets


def sandbox_settings(sandbox_url: str) -> dict[str, str]:
    """Every Xero address of the local sandbox at ``sandbox_url`` (see pleodesk/sandbox/xero_emulator.py)."""
    base = sandbox_url.rstrip("/")
    return {"api_url": f"{base}/xero/api.xro/2.0", "bankfeeds_url": f"{base}/xero/bankfeeds.xro/1.0",
            "identity_url": f"{base}/xero-identity", "authorize_url": f"{base}/xero-identity/connect/authorize",
            "token_url": f"{base}/xero-identity/connect/token",
            "revocation_url": f"{base}/xero-identity/connect/revocation", "web_url": f"{base}/xero/web"}
