"""Odoo 16 and 17: journal entries or vendor bills over Odoo's JSON-RPC API with an API key.

The app finds a system through this module's contract: ``SYSTEM``, ``LABEL``,
``create_provider(conn)`` and ``settings_from_setup(section, read_secret)``. See docs/odoo.md.
"""

from __future__ import annotations

from typing import Any, Callable

from pleodesk.providers.odoo.provider import (
    DEFAULT_ACCOUNTS,
    DEFAULT_JOURNALS,
    MAX_SYNCED_PLANS,
    OdooProvider,
)
from pleodesk.providers.odoo.rpc import OdooRpc, is_loopback_url, normalise_url

SYSTEM = "odoo"
LABEL = "Odoo 16 / 17"
#: The keyring entry (``ledger_secret_name(conn.id, SECRET)``) that holds the API key.
SECRET = "odoo_api_key"

_CHOICES = ("entry", "bill")
_OPTION_KEYS = {"card_expenses", "out_of_pocket", "invoices", "kinds", "locked_period", "analytic_plans", "post"}
_SECTION_KEYS = {"url", "database", "login", "api_key_env", "company_id", "company", "accounts", "journals",
                 "bank_journal", "card_expenses", "out_of_pocket", "invoices", "kinds", "locked_period",
                 "analytic_plans", "draft", "allow_http", "create_taxes"}


def create_provider(conn: Any) -> OdooProvider:
    """The provider for a stored connection (its API key comes from the keyring)."""
    from pleodesk.connections import ledger_secret_name
    from pleodesk.secrets import get_secret

    settings = dict(conn.settings or {})
    key = get_secret(ledger_secret_name(conn.id, SECRET))
    return OdooProvider(settings.get("url", ""), settings.get("database", ""), settings.get("login", ""), key,
                        company_id=settings.get("company_id"), settings=settings)


def settings_from_setup(section: dict, read_secret: Callable[[str, str], str]) -> tuple[dict, dict]:
    """The setup file's ``[odoo]`` section -> (settings, secrets). ValueError names what to fix."""
    unknown = set(section) - _SECTION_KEYS
    if "api_key" in unknown:
        unknown.discard("api_key")   # read_secret explains that the key never goes in the file
    if unknown:
        raise ValueError(f"{sorted(unknown)[0]} is not a setting; known: {', '.join(sorted(_SECTION_KEYS))}")
    try:
        url = normalise_url(str(section.get("url") or ""))
    except ValueError as exc:
        raise ValueError(f"url: {exc}") from None
    if url.startswith("http://") and not is_loopback_url(url) and section.get("allow_http") is not True:
        # The wizard warns and goes on; a file must say so on purpose (a self-hosted Odoo on the office
        # network that has no https), and the connection check keeps warning.
        raise ValueError(f"url = '{url}' must use https: over http the API key would travel unencrypted. "
                         "If this Odoo is only reachable over plain http on your own network, add "
                         "allow_http = true to [odoo]")
    settings: dict[str, Any] = {"url": url}
    for key in ("database", "login"):
        value = str(section.get(key) or "").strip()
        if not value:
            raise ValueError(f"{key} is missing" + (" (the e-mail address of the user who made the API key)"
                                                     if key == "login" else
                                                     " (Odoo: user menu > My Databases)"))
        settings[key] = value
    if section.get("company_id") not in (None, ""):
        try:
            settings["company_id"] = int(section["company_id"])
        except (TypeError, ValueError):
            raise ValueError(f"company_id must be a number (Odoo's company id), not {section['company_id']!r}") \
                from None
    if section.get("company"):
        settings["company_name"] = str(section["company"])

    accounts = section.get("accounts") or {}
    if not isinstance(accounts, dict):
        raise ValueError("accounts must be a table: [odoo.accounts] wallet = \"1190\"")
    bad = set(accounts) - set(DEFAULT_ACCOUNTS)
    if bad:
        raise ValueError(f"accounts.{sorted(bad)[0]} is not a role; known: {', '.join(DEFAULT_ACCOUNTS)}")
    settings["accounts"] = {k: str(v) for k, v in accounts.items()}
    journals = section.get("journals") or {}
    if not isinstance(journals, dict):
        raise ValueError("journals must be a table: [odoo.journals] pleo = \"PLEO\"")
    bad = set(journals) - set(DEFAULT_JOURNALS) - {"bank"}
    if bad:
        raise ValueError(f"journals.{sorted(bad)[0]} is not a journal role; known: pleo, bills, bank")
    settings["journals"] = {k: v if isinstance(v, int) else str(v) for k, v in journals.items()}
    if section.get("bank_journal"):
        settings["journals"]["bank"] = section["bank_journal"]

    options: dict[str, Any] = {}
    for key in ("card_expenses", "out_of_pocket", "invoices"):
        if key in section:
            value = str(section[key])
            if value not in _CHOICES:
                raise ValueError(f"{key} must be \"entry\" (journal entry) or \"bill\" (vendor bill), not {value!r}")
            options[key] = value
    kinds = section.get("kinds") or {}
    if not isinstance(kinds, dict) or any(str(v) not in _CHOICES for v in kinds.values()):
        raise ValueError("kinds must be a table of expense kind = \"entry\" | \"bill\"")
    if kinds:
        options["kinds"] = {str(k): str(v) for k, v in kinds.items()}
    if "locked_period" in section:
        value = str(section["locked_period"])
        if value not in ("refuse", "next_open_day"):
            raise ValueError("locked_period must be \"refuse\" or \"next_open_day\"")
        options["locked_period"] = value
    plans = section.get("analytic_plans")
    if plans is not None:
        if not isinstance(plans, list) or len(plans) > MAX_SYNCED_PLANS:
            raise ValueError(f"analytic_plans must be a list of at most {MAX_SYNCED_PLANS} plan names")
        options["analytic_plans"] = [str(x) for x in plans]
    if "draft" in section:
        if not isinstance(section["draft"], bool):
            raise ValueError("draft must be true or false")
        options["post"] = not section["draft"]
    settings["options"] = options
    create = section.get("create_taxes")
    if create is not None:
        from pleodesk.providers.odoo.taxes import parse_meaning

        if not isinstance(create, list) or not all(isinstance(x, str) for x in create):
            raise ValueError('create_taxes must be a list of taxes by what they are, like ["0% excl"]')
        for key in create:
            meaning = parse_meaning(key)
            if meaning is None or meaning.price_include is None or meaning.tax_id is not None:
                raise ValueError(f'create_taxes: "{key}" must say the rate and incl or excl, like "0% excl"')
            if meaning.amount != 0 or meaning.reverse:
                raise ValueError(f'create_taxes: "{key}": pleodesk creates only 0% purchase taxes (the chart\'s own '
                                 "taxes carry its VAT accounts and tax report tags); create it in Odoo")
        settings["create_taxes"] = list(create)
    key = read_secret("api_key", "Odoo API key")
    return settings, {SECRET: key}


__all__ = ["LABEL", "SECRET", "SYSTEM", "OdooProvider", "OdooRpc", "create_provider", "settings_from_setup"]
