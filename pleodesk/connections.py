"""Wiring: from a stored connection to a working Pleo client, provider and engine."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from pleodesk import paths
from pleodesk.core.chart_io import chart_from_dict
from pleodesk.core.engine import EngineError, ExportEngine, Progress


def pleo_secret_name(conn_id: int) -> str:
    return f"connection-{conn_id}/pleo-api-key"


def ledger_secret_name(conn_id: int, what: str) -> str:
    return f"connection-{conn_id}/{what}"


def pleo_token_store(conn):
    """The keyring entry of a connection's Pleo OAuth tokens (refreshed on demand)."""
    from pleodesk.providers.oauth import TokenStore

    oauth = (conn.settings or {}).get("pleo_oauth") or {}
    return TokenStore(f"connection-{conn.id}/pleo-oauth", f"{oauth['auth_url']}/oauth/token", oauth["client_id"])


def make_pleo_client(conn):
    from pleodesk.providers.pleo import PleoClient
    from pleodesk.secrets import get_secret

    if (conn.settings or {}).get("pleo_oauth"):
        store = pleo_token_store(conn)
        if store.load() is None:
            raise EngineError(f"The connection '{conn.name}' is not signed in to Pleo.",
                              "Reconnect it: pleodesk opens Pleo's sign-in page in the browser.")
        return PleoClient(conn.pleo_base_url, token_source=store, company_id=conn.pleo_company_id)
    key = get_secret(pleo_secret_name(conn.id))
    if not key:
        raise EngineError(f"No Pleo API key is stored for the connection '{conn.name}'.",
                          "Run the setup again and enter the key (Pleo: Settings > API keys).")
    if not conn.pleo_base_url or not conn.pleo_company_id:
        raise EngineError(f"The connection '{conn.name}' does not say which Pleo company to read.",
                          "Run the setup again.")
    return PleoClient(conn.pleo_base_url, api_key=key, company_id=conn.pleo_company_id)


#: Accounting systems by id. Each one other than the journal file is a module
#: ``pleodesk.providers.<id>`` exposing ``SYSTEM``, ``LABEL``, ``create_provider(conn)`` and
#: ``settings_from_setup(section, read_secret)``; a module that is not installed is simply not offered.
_SYSTEM_MODULES = ("odoo", "xero", "quickbooks", "lexoffice")


def _system_module(system: str):
    import importlib

    if system not in _SYSTEM_MODULES:
        return None
    try:
        return importlib.import_module(f"pleodesk.providers.{system}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(f"pleodesk.providers.{system}"):
            return None
        raise


def available_systems() -> dict[str, str]:
    """System id -> label, for the systems this installation can connect to."""
    out = {"journal_file": "General journal file (CSV)"}
    for system in _SYSTEM_MODULES:
        mod = _system_module(system)
        if mod is not None:
            out[system] = getattr(mod, "LABEL", system)
    return out


def system_module(system: str):
    """The provider module of a system (None for the journal file or an unknown system)."""
    return _system_module(system)


def make_provider(conn):
    """The accounting system behind a connection."""
    settings = conn.settings or {}
    if conn.system == "journal_file":
        from pleodesk.providers.journal_file import JournalFileProvider

        folder = settings.get("folder")
        if not folder:
            raise EngineError(f"The connection '{conn.name}' has no journal folder.", "Run the setup again.")
        return JournalFileProvider(Path(folder).expanduser(), chart_from_dict(settings.get("chart") or {}))
    mod = _system_module(conn.system)
    if mod is None:
        raise EngineError(f"This version of pleodesk does not know the accounting system '{conn.system}'.",
                          "Install a newer version of pleodesk.")
    return mod.create_provider(conn)


class _Systems(dict):
    """``SYSTEMS``: a live view of :func:`available_systems`."""

    def _fresh(self) -> dict[str, str]:
        return available_systems()

    def __contains__(self, key) -> bool:
        return key in self._fresh()

    def __getitem__(self, key):
        return self._fresh()[key]

    def __iter__(self):
        return iter(self._fresh())

    def __len__(self) -> int:
        return len(self._fresh())

    def items(self):
        return self._fresh().items()

    def keys(self):
        return self._fresh().keys()

    def values(self):
        return self._fresh().values()

    def get(self, key, default=None):
        return self._fresh().get(key, default)


SYSTEMS = _Systems()


def make_engine(store, conn, *, progress: Callable[[Progress], None] | None = None,
                cancel: threading.Event | None = None, pleo=None, provider=None) -> ExportEngine:
    """The engine of one run. A run starts by removing the partial receipt files that a download killed
    mid-way left behind (never those of a download still running in another process)."""
    from pleodesk.providers.pleo import clean_partial_downloads

    clean_partial_downloads(paths.receipts_dir())
    return ExportEngine(store, conn, pleo or make_pleo_client(conn), provider or make_provider(conn),
                        receipts_dir=paths.receipts_dir(), progress=progress, cancel=cancel)
