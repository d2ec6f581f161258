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


def make_pleo_client(conn):
    from pleodesk.providers.pleo import PleoClient
    from pleodesk.secrets import get_secret

    key = get_secret(pleo_secret_name(conn.id))
    if not key:
        raise EngineError(f"No Pleo API key is stored for the connection '{conn.name}'.",
                          "Run the setup again and enter the key (Pleo: Settings > API keys).")
    if not conn.pleo_base_url or not conn.pleo_company_id:
        raise EngineError(f"The connection '{conn.name}' does not say which Pleo company to read.",
                          "Run the setup again.")
    return PleoClient(conn.pleo_base_url, api_key=key, company_id=conn.pleo_company_id)


def make_provider(conn):
    """The accounting system behind a connection."""
    settings = conn.settings or {}
    if conn.system == "journal_file":
        from pleodesk.providers.journal_file import JournalFileProvider

        folder = settings.get("folder")
        if not folder:
            raise EngineError(f"The connection '{conn.name}' has no journal folder.", "Run the setup again.")
        return JournalFileProvider(Path(folder).expanduser(), chart_from_dict(settings.get("chart") or {}))
    raise EngineError(f"This version of pleodesk does not know the accounting system '{conn.system}'.",
                      "Install a newer version of pleodesk.")


SYSTEMS = {"journal_file": "General journal file (CSV)"}


def make_engine(store, conn, *, progress: Callable[[Progress], None] | None = None,
                cancel: threading.Event | None = None, pleo=None, provider=None) -> ExportEngine:
    return ExportEngine(store, conn, pleo or make_pleo_client(conn), provider or make_provider(conn),
                        receipts_dir=paths.receipts_dir(), progress=progress, cancel=cancel)
