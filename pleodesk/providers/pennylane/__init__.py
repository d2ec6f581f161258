"""Pennylane: ledger entries in a Pleo journal, with their receipts and analytics. See docs/pennylane.md.

Module contract (``pleodesk.connections``): ``SYSTEM``, ``LABEL``, ``create_provider(conn)`` and
``settings_from_setup(section, read_secret)``; ``SECRET`` names the keyring entry of the token.

A connection reaches Pennylane with the company's own API token (Pennylane: Settings > Connectivity >
Developers), kept in the keyring. Partner OAuth 2.0 is used where a build carries a client id
(``resources/pennylane-client-id``, written by ``build_installer.py``): Pennylane grants client ids to
partners only; the token route needs none.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

SYSTEM = "pennylane"
LABEL = "Pennylane"
SECRET = "pennylane-token"

_SETUP_STRINGS = ("api_url", "web_url", "journal_code", "journal_label", "bank_account_number", "bank_account_label",
                  "vat_due_account", "company_id")
SUMMARY_CHOICES = ("none", "daily", "monthly")


def token_source(conn) -> Callable[[], str]:
    """The connection's token, read from the keyring when needed."""
    from pleodesk.connections import ledger_secret_name
    from pleodesk.providers.pennylane.client import PennylaneAuthError
    from pleodesk.secrets import get_secret

    name = ledger_secret_name(conn.id, SECRET)
    cached: list[str] = []

    def token() -> str:
        if not cached:
            value = get_secret(name)
            if not value:
                raise PennylaneAuthError("No Pennylane API token is stored for this connection")
            cached.append(value)
        return cached[0]

    return token


def create_provider(conn, **kwargs: Any):
    from pleodesk.providers.pennylane.provider import PennylaneProvider

    return PennylaneProvider(dict(conn.settings or {}), kwargs.pop("token_source", None) or token_source(conn),
                             name=getattr(conn, "name", ""), **kwargs)


def settings_from_setup(section: Mapping[str, Any], read_secret: Callable[[str, str], str]
                        ) -> tuple[dict[str, Any], dict[str, str]]:
    """``[pennylane]`` of a setup file to (settings, secrets): ``token_env`` names the variable that holds
    the company's API token; ``sandbox_url`` points every address at the local sandbox."""
    from pleodesk.urls import check_web_address

    known = set(_SETUP_STRINGS) | {"token_env", "sandbox_url", "summary", "rate_limits", "token"}
    unknown = set(section) - known
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]}; known: {', '.join(sorted(known - {'token'}))}")
    settings: dict[str, Any] = {}
    if section.get("sandbox_url"):
        settings.update(sandbox_settings(check_web_address(section["sandbox_url"], "sandbox_url")))
    for key in _SETUP_STRINGS:
        if section.get(key) not in (None, ""):
            if not isinstance(section[key], str):
                raise ValueError(f"{key} must be text in quotes")
            settings[key] = check_web_address(section[key], key) if key.endswith("_url") else section[key]
    summary = section.get("summary", "none")
    if summary not in SUMMARY_CHOICES:
        raise ValueError(f"summary = '{summary}' is not one of {', '.join(SUMMARY_CHOICES)}")
    settings["summary"] = summary
    if "rate_limits" in section:
        limits = section["rate_limits"]
        if not isinstance(limits, dict) or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                   for v in limits.values()):
            raise ValueError("rate_limits must be a table of numbers: rate_limits = { per_window = 25, window = 5 }")
        settings["rate_limits"] = dict(limits)
    token = read_secret("token", "Pennylane API token")
    return settings, {SECRET: token}


def sandbox_settings(sandbox_url: str) -> dict[str, str]:
    """The addresses of the local sandbox's Pennylane emulator (pleodesk/sandbox/pennylane_emulator.py)."""
    base = sandbox_url.rstrip("/")
    return {"api_url": f"{base}/pennylane/api/external/v2", "web_url": f"{base}/pennylane/web"}
