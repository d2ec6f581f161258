"""lexoffice (Lexware Office): bookkeeping vouchers with their receipts, and the Pleo wallet's feed.

Module contract (``pleodesk.connections``): ``SYSTEM``, ``LABEL``, ``SECRET``, ``create_provider(conn)``
and ``settings_from_setup(section, read_secret)``. See docs/lexoffice.md.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from pleodesk.providers.lexoffice.auth import API_KEY_SECRET, OAUTH_SECRET

SYSTEM = "lexoffice"
LABEL = "Lexware Office (lexoffice)"
#: The keyring entry (``ledger_secret_name(conn.id, SECRET)``) that holds the public API key.
SECRET = API_KEY_SECRET

_SECTION_KEYS = {"api_key_env", "api_url", "app_url", "sandbox_url", "feed", "feed_folder", "create_contacts",
                 "rate_limits"}


def create_provider(conn: Any, **kwargs: Any):
    """The provider of a stored connection: its key (or partner sign-in) from the keyring."""
    from pleodesk.connections import ledger_secret_name
    from pleodesk.providers.lexoffice.provider import LexofficeProvider

    settings = dict(conn.settings or {})
    if settings.get("auth") == "partner":
        from pleodesk.providers.lexoffice.auth import token_store

        store = token_store(conn.id, settings, transport=kwargs.get("transport"))

        def force_refresh(token: str) -> None:
            store.expire(token)

        return LexofficeProvider(settings, store, name=getattr(conn, "name", ""), force_refresh=force_refresh,
                                 key_id=f"partner-{conn.id}-{settings.get('organization_id') or ''}", **kwargs)
    from pleodesk.providers.base import LedgerError
    from pleodesk.secrets import get_secret

    key = get_secret(ledger_secret_name(conn.id, SECRET))
    if not key:
        raise LedgerError(f"No Lexware Office API key is stored for the connection '{getattr(conn, 'name', '')}'",
                          "", "Reconnect it with a key from Lexware Office (Add-ons > Public API).",
                          reason_type="accounting_system_authentication_failure")
    return LexofficeProvider(settings, lambda: key, name=getattr(conn, "name", ""), **kwargs)


def sandbox_settings(sandbox_url: str) -> dict[str, str]:
    """The addresses of the local sandbox's Lexware Office (see pleodesk/sandbox/lexoffice_emulator.py)."""
    base = sandbox_url.rstrip("/")
    return {"api_url": f"{base}/lexware", "app_url": f"{base}/lexware-app",
            "authorize_url": f"{base}/lexware-app/oauth2/authorize", "token_url": f"{base}/lexware-app/oauth2/token"}


def settings_from_setup(section: Mapping[str, Any], read_secret: Callable[[str, str], str]
                        ) -> tuple[dict[str, Any], dict[str, str]]:
    """``[lexoffice]`` of a setup file to (settings, secrets). The key comes from ``api_key_env`` (or a
    prompt), never from the file. ValueError names what to fix."""
    from pleodesk.providers.lexoffice.provider import check_api_url

    unknown = set(section) - _SECTION_KEYS
    unknown.discard("api_key")          # read_secret explains that the key never goes in the file
    if unknown:
        raise ValueError(f"{sorted(unknown)[0]} is not a setting; known: {', '.join(sorted(_SECTION_KEYS))}")
    settings: dict[str, Any] = {"auth": "api_key"}
    if section.get("sandbox_url"):
        from pleodesk.urls import AddressError, check_web_address, is_loopback_url

        try:
            base = check_web_address(str(section["sandbox_url"]), "sandbox_url")
        except AddressError as exc:
            raise ValueError(str(exc)) from None
        if not is_loopback_url(base):
            raise ValueError("sandbox_url must be the local sandbox on this computer (http://127.0.0.1:...)")
        settings.update(sandbox_settings(base))
    for key in ("api_url", "app_url"):
        if section.get(key):
            settings[key] = str(section[key])
    try:
        settings["api_url"] = check_api_url(settings.get("api_url") or "https://api.lexware.io")
    except ValueError as exc:
        raise ValueError(str(exc)) from None
    if "feed" in section:
        if section["feed"] not in ("auto", "file"):
            raise ValueError(f"feed = '{section['feed']}' is not one of auto, file (the partner API needs partner "
                             "access, which a setup file cannot sign in with)")
        settings["feed"] = section["feed"]
    if section.get("feed_folder"):
        settings["feed_folder"] = str(section["feed_folder"])
    if "create_contacts" in section:
        if not isinstance(section["create_contacts"], bool):
            raise ValueError("create_contacts must be true or false")
        settings["create_contacts"] = section["create_contacts"]
    if "rate_limits" in section:
        if not isinstance(section["rate_limits"], dict):
            raise ValueError("rate_limits must be a table")
        settings["rate_limits"] = dict(section["rate_limits"])
    key = read_secret("api_key", "Lexware Office API key")
    return settings, {SECRET: key}


__all__ = ["LABEL", "OAUTH_SECRET", "SECRET", "SYSTEM", "create_provider", "sandbox_settings",
           "settings_from_setup"]
