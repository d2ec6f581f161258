"""The demo company: the sandbox plus a ready connection to a general-journal file.

``pleodesk --demo`` runs the app on it, in a data directory of its own (``demo/`` inside the user
data directory) so it never mixes with real connections.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

DEMO_CONNECTION = "Demo Company (journal file)"
DEMO_API_KEY_ENV = "PLEODESK_DEMO_PLEO_API_KEY"

#: The demo ledger: a small Dutch chart that matches the sandbox's Pleo categories.
DEMO_LEDGER: dict[str, Any] = {
    "accounts": [
        {"code": "1000", "name": "Kas", "type": "asset"},
        {"code": "1100", "name": "Pleo wallet EUR", "type": "bank"},
        {"code": "1150", "name": "Kruisposten bank", "type": "asset"},
        {"code": "1510", "name": "Te vorderen btw", "type": "tax"},
        {"code": "1520", "name": "Te betalen btw verlegd", "type": "tax"},
        {"code": "1610", "name": "Te betalen declaraties", "type": "liability"},
        {"code": "1620", "name": "Tegenrekening externe declaraties", "type": "liability"},
        {"code": "1700", "name": "Crediteuren", "type": "payable"},
        {"code": "4000", "name": "Reiskosten"},
        {"code": "4010", "name": "Taxikosten"},
        {"code": "4100", "name": "Representatiekosten"},
        {"code": "4200", "name": "Software en abonnementen"},
        {"code": "4300", "name": "Kantoorbenodigdheden"},
        {"code": "4400", "name": "Marketingkosten"},
        {"code": "4500", "name": "Telefoon en internet"},
        {"code": "4600", "name": "Opleidingskosten"},
        {"code": "4700", "name": "Kilometervergoeding"},
        {"code": "4710", "name": "Verblijfkosten"},
        {"code": "4800", "name": "Bankkosten"},
        {"code": "4999", "name": "Oude kostenrekening", "active": False},
        {"code": "8900", "name": "Cashback", "type": "income"},
    ],
    "taxes": [
        {"code": "V21", "name": "Voorbelasting hoog 21%", "rate": "0.21", "type": "inclusive", "input_account": "1510"},
        {"code": "V9", "name": "Voorbelasting laag 9%", "rate": "0.09", "type": "inclusive", "input_account": "1510"},
        {"code": "V0", "name": "Geen btw", "rate": "0", "type": "inclusive"},
        {"code": "VRC21", "name": "Btw verlegd 21%", "rate": "0.21", "type": "reverse",
         "input_account": "1510", "output_account": "1520"},
    ],
    "dimensions": [
        {"name": "Project", "values": ["Atlas rollout", "Boreas migration", "Ceres pilot", "Delta partnership",
                                        "Eos rebrand", "Fenix internal tools"]},
        {"name": "Afdeling", "values": ["Sales", "Engineering", "Operations", "Marketing"]},
    ],
}

DEMO_CATEGORIES = {
    "4000": ("4000", "V9"), "4010": ("4010", "V9"), "4100": ("4100", "V9"), "4200": ("4200", "V21"),
    "4300": ("4300", "V21"), "4400": ("4400", "V21"), "4500": ("4500", "V21"), "4600": ("4600", "V21"),
    "4700": ("4700", "V0"), "4710": ("4710", "V0"), "4800": ("4800", "V0"), "1150": ("1150", None),
    "1000": ("1000", None), "8900": ("8900", None),
}
DEMO_TAXES = {"21%": "V21", "9%": "V9", "0%": "V0", "RC21": "VRC21"}
DEMO_TAGS = {
    "PROJECT": {"P-ATLAS": "Atlas rollout", "P-BOREAS": "Boreas migration", "P-CERES": "Ceres pilot",
                "P-DELTA": "Delta partnership", "P-EOS": "Eos rebrand", "P-FENIX": "Fenix internal tools"},
    "DEPT": {"SALES": "Sales", "ENG": "Engineering", "OPS": "Operations", "MKT": "Marketing"},
}


def demo_setup_dict(pleo_url: str, company_id: str, folder: str | Path, *,
                    name: str = DEMO_CONNECTION, api_key_env: str = DEMO_API_KEY_ENV) -> dict[str, Any]:
    """The demo connection as a setup-file dict (docs/setup-file.md)."""
    return {
        "connection": {"name": name, "system": "journal_file"},
        "pleo": {"base_url": pleo_url, "company_id": company_id, "api_key_env": api_key_env},
        "journal_file": {"folder": str(folder)},
        "ledger": DEMO_LEDGER,
        "accounts": {"wallet": "1100", "out_of_pocket": "1610", "external_reimbursement": "1620",
                     "payable": "1700"},
        "categories": {k: ({"account": a, "tax": t} if t else {"account": a}) for k, (a, t) in DEMO_CATEGORIES.items()},
        "taxes": dict(DEMO_TAXES),
        "tag_groups": {"PROJECT": "Project", "DEPT": "Afdeling"},
        "tags": {g: dict(v) for g, v in DEMO_TAGS.items()},
        "options": {"queue_interval_minutes": 5, "ignore_wallet_topups": False, "post": True,
                    "export_receipts": True, "bank_feed": True},
    }


def demo_plan(sandbox, folder: str | Path, **kw):
    """The demo company's SetupPlan for a running sandbox."""
    from pleodesk.setup_file import plan_from_dict

    data = demo_setup_dict(sandbox.pleo_url, sandbox.company_id, folder, **kw)
    env = {kw.get("api_key_env", DEMO_API_KEY_ENV): sandbox.api_key}
    return plan_from_dict(data, env=env, interactive=False, where="demo")


def start_demo_sandbox(**config):
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox

    return start_sandbox(SandboxConfig(**config))


def start_demo(store=None, *, expenses_per_month: int = 120):
    """Start the sandbox and make sure the demo connection points at it. Uses a data directory of its
    own unless ``PLEODESK_HOME`` is set. Returns the running sandbox (stop it when done)."""
    from pleodesk import paths
    from pleodesk.setup_file import apply_plan

    if not os.environ.get("PLEODESK_HOME"):
        os.environ["PLEODESK_HOME"] = str(paths.data_dir() / "demo")
    # The demo's key is made anew by the sandbox at every start: it needs no system keyring, so the
    # demo also runs where none is installed. (Real connections never use this.)
    from pleodesk.secrets import use_memory_keyring

    use_memory_keyring()
    sandbox = start_demo_sandbox(expenses_per_month=expenses_per_month)
    if store is None:
        from pleodesk.storage import open_store

        store = open_store()
    folder = paths.data_dir() / "demo-journal"
    apply_plan(store, demo_plan(sandbox, folder))
    return sandbox


# ---------------------------------------------------------------- the demo ledgers -------------
# The sandbox also emulates Odoo, Xero, QuickBooks Online and Lexware Office. A connection whose Pleo side is the
# demo company can book into them ("Use the demo ledger" on the wizard's system pages); its settings then carry
# ``demo_ledger``, and every start of the app points it at that run's sandbox again.

def sandbox_browser():
    """A stand-in for the system browser on the sandbox's sign-in pages: it follows the authorise URL
    to the emulator and the emulator's redirect to pleodesk's loopback listener, on a thread, as a
    browser would. Only for the sandbox: a real sign-in always opens the real browser."""
    import threading

    import httpx

    def open_browser(url: str) -> bool:
        def run() -> None:
            r = httpx.get(url, follow_redirects=False, timeout=10)
            if r.status_code in (301, 302, 303):
                httpx.get(r.headers["location"], timeout=10)

        threading.Thread(target=run, daemon=True, name="sandbox-sign-in").start()
        return True

    return open_browser


def odoo_demo_login(sandbox) -> dict[str, str]:
    """The sandbox's Odoo: address, database, login and API key of its administrator."""
    return {"url": sandbox.odoo_url, "database": sandbox.odoo.database, "login": "admin",
            "key": sandbox.odoo.ADMIN_KEY}


def xero_demo_settings(sandbox) -> dict[str, Any]:
    """The settings that point a Xero connection at the sandbox's Xero (its own app registration)."""
    from pleodesk.providers.xero import sandbox_settings
    from pleodesk.sandbox.xero_emulator import SANDBOX_CLIENT_ID

    return {**sandbox_settings(sandbox.url), "client_id": SANDBOX_CLIENT_ID, "demo_ledger": True}


def pennylane_demo_login(sandbox) -> dict[str, Any]:
    """The sandbox's Pennylane: the settings that point at it and its company's API token."""
    from pleodesk.providers.pennylane import sandbox_settings

    return {"settings": sandbox_settings(sandbox.url), "token": sandbox.pennylane.token}


def qbo_demo_settings(sandbox) -> tuple[dict[str, Any], str]:
    """The settings that point a QuickBooks connection at the sandbox's QuickBooks, and the secret of the
    sandbox's own (development) Intuit app, which signs in with a loopback redirect."""
    from pleodesk.providers.quickbooks import sandbox_settings
    from pleodesk.sandbox.qbo_emulator import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET

    return ({**sandbox_settings(sandbox.url), "client_id": SANDBOX_CLIENT_ID,
             "redirect_uri": "http://localhost:53682/callback", "demo_ledger": True}, SANDBOX_CLIENT_SECRET)


def relink_demo_ledger(conn, sandbox) -> dict[str, Any] | None:
    """Point a ``demo_ledger`` connection at this run's sandbox, whose emulated ledger starts afresh:
    the new addresses, the secrets again, and (Xero) a new sign-in to the same organisation and the
    Pleo accounts set up again. Returns the new settings, or None when ``conn`` has no demo ledger.
    Runs off the GUI thread."""
    from types import SimpleNamespace

    from pleodesk.connections import ledger_secret_name
    from pleodesk.secrets import set_secret

    settings = dict(conn.settings or {})
    if not settings.get("demo_ledger"):
        return None
    if conn.system == "odoo":
        login = odoo_demo_login(sandbox)
        settings.update(url=login["url"], database=login["database"], login=login["login"])
        set_secret(ledger_secret_name(conn.id, "odoo_api_key"), login["key"])
        return settings
    if conn.system == "lexoffice":
        from pleodesk.providers.lexoffice import SECRET, sandbox_settings
        from pleodesk.sandbox.lexoffice_emulator import DEMO_API_KEY

        settings.update(sandbox_settings(sandbox.url))
        set_secret(ledger_secret_name(conn.id, SECRET), DEMO_API_KEY)
        return settings
    if conn.system == "xero":
        from pleodesk.providers.xero import create_provider
        from pleodesk.providers.xero.auth import XeroConnector

        settings.update(xero_demo_settings(sandbox))
        connector = XeroConnector(settings, open_browser=sandbox_browser())
        sign_in = connector.sign_in(timeout=30)
        tenant = next(t for t in sign_in.tenants if t.tenant_id == settings.get("tenant_id"))
        settings.update(connector.settings_for(sign_in, tenant))
        connector.store(conn.id, sign_in)
        provider = create_provider(SimpleNamespace(id=conn.id, name=conn.name, settings=settings))
        try:
            settings.update(provider.ensure_setup(settings))
        finally:
            provider.close()
        return settings
    if conn.system == "pennylane":
        from pleodesk.providers.pennylane import SECRET, create_provider as pennylane_provider

        login = pennylane_demo_login(sandbox)
        settings.update(login["settings"])
        settings.pop("journal_id", None)
        settings["journals"] = {}
        set_secret(ledger_secret_name(conn.id, SECRET), login["token"])
        provider = pennylane_provider(SimpleNamespace(id=conn.id, name=conn.name, settings=settings))
        try:
            settings.update(provider.ensure_setup(settings))
        finally:
            provider.close()
        return settings
    if conn.system == "quickbooks":
        from pleodesk.providers.quickbooks import create_provider as create_qbo
        from pleodesk.providers.quickbooks.auth import QboConnector

        demo, secret = qbo_demo_settings(sandbox)
        settings.update(demo)
        connector = QboConnector(settings, secret=secret, open_browser=sandbox_browser())
        sign_in = connector.sign_in(conn_id=conn.id, timeout=30)
        settings.update(connector.settings_for(sign_in))
        connector.store(conn.id, sign_in)
        provider = create_qbo(SimpleNamespace(id=conn.id, name=conn.name, settings=settings))
        try:
            settings.update(provider.ensure_setup(settings))
        finally:
            provider.close()
        return settings
    return None


# ---------------------------------------------------------------- Lexware Office ---------------
LEXOFFICE_DEMO_CONNECTION = "Pleo Demo GmbH (Lexware Office)"
LEXOFFICE_KEY_ENV = "PLEODESK_DEMO_LEXOFFICE_API_KEY"
#: Pleo's categories of the German demo company whose Lexware Office category has another name.
LEXOFFICE_CATEGORY_NAMES = {"Cashback": "Nebenkosten des Geldverkehrs"}
LEXOFFICE_TAXES = {"19%": "19%", "7%": "7%", "0%": "0%", "RC19": "RC19"}


def lexoffice_category_code(category_id: str, all_ids) -> str:
    """pleodesk's code of a Lexware Office category (as the provider makes it: the shortest unique
    prefix of its id, at least 8 hex digits)."""
    from pleodesk.providers.lexoffice.provider import _short_code

    return _short_code(category_id, list(all_ids))


def lexoffice_demo_setup_dict(sandbox, *, name: str = LEXOFFICE_DEMO_CONNECTION,
                              api_key_env: str = DEMO_API_KEY_ENV, time_scale: float | None = None) -> dict[str, Any]:
    """The German demo company (``SandboxConfig(country="DE")``) booked into the sandbox's Lexware Office,
    as a setup-file dict: Pleo's categories mapped to the Lexware Office categories of the same name.
    ``time_scale``: the emulator's clock runs that much faster (tests, benchmarks)."""
    lex = sandbox.lexoffice.demo
    outgo = [c for c in lex.categories if c["type"] == "outgo"]
    ids = [c["id"] for c in outgo]
    by_name = {c["name"]: lexoffice_category_code(c["id"], ids) for c in outgo}
    categories = {}
    for acc in sandbox.pleo.data.categories.values():
        code = by_name.get(LEXOFFICE_CATEGORY_NAMES.get(acc.name, acc.name))
        if code:
            categories[acc.code] = {"account": code, "label": acc.name}
    return {
        "connection": {"name": name, "system": "lexoffice"},
        "pleo": {"base_url": sandbox.pleo_url, "company_id": sandbox.company_id, "api_key_env": api_key_env},
        "lexoffice": {"sandbox_url": sandbox.url, "api_key_env": LEXOFFICE_KEY_ENV,
                      **({"rate_limits": {"time_scale": time_scale}} if time_scale else {})},
        "accounts": {"wallet": "PLEO", "payable": "PLEO-OP"},
        "categories": categories,
        "taxes": dict(LEXOFFICE_TAXES),
        "options": {"queue_interval_minutes": 5, "ignore_wallet_topups": False, "post": True,
                    "export_receipts": True, "bank_feed": True},
    }


def lexoffice_demo_plan(sandbox, **kw):
    """The German demo company's SetupPlan for Lexware Office on a running sandbox."""
    from pleodesk.sandbox.lexoffice_emulator import DEMO_API_KEY
    from pleodesk.setup_file import plan_from_dict

    data = lexoffice_demo_setup_dict(sandbox, **kw)
    env = {kw.get("api_key_env", DEMO_API_KEY_ENV): sandbox.api_key, LEXOFFICE_KEY_ENV: DEMO_API_KEY}
    return plan_from_dict(data, env=env, interactive=False, where="demo")
