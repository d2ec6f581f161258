"""Wiring: from a stored connection to a working Pleo client, provider and engine."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Callable

from pleodesk import paths
from pleodesk.core.chart_io import chart_from_dict
from pleodesk.core.engine import EngineError, ExportEngine, Progress

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------ keyring entry names ------
# Entries are named ``<installation id>/connection-<id>/<what>``: the installation id is made with the
# database of the data folder in force (``PLEODESK_HOME`` or the user data directory, like the lock
# files), so two data folders with a connection 1 (the demo and the real one, or two PLEODESK_HOMEs)
# never share an entry. Older versions named them ``connection-<id>/<what>``: see
# ``migrate_secret_names``.
PLEO_API_KEY = "pleo-api-key"
PLEO_OAUTH = "pleo-oauth"
#: Every entry an older pleodesk could have written for a connection (besides its settings'
#: ``keyring_entries``): the Pleo key or sign-in, the Odoo API key, the Xero sign-in.
KNOWN_SECRETS = (PLEO_API_KEY, PLEO_OAUTH, "odoo_api_key", "xero-oauth")
#: ``meta`` key: the entries of this database were renamed to the installation scheme.
SECRET_NAMES_META = "secret_names"


def secret_scope(conn_id, installation: str | None = None) -> str:
    """The prefix of a connection's keyring entries (``installation``: default, the database of the
    data folder in force)."""
    if installation is None:
        from pleodesk.storage import installation_id

        installation = installation_id()
    return f"{installation}/connection-{conn_id}"


def pleo_secret_name(conn_id, installation: str | None = None) -> str:
    return f"{secret_scope(conn_id, installation)}/{PLEO_API_KEY}"


def ledger_secret_name(conn_id, what: str, installation: str | None = None) -> str:
    return f"{secret_scope(conn_id, installation)}/{what}"


def legacy_secret_name(conn_id, what: str) -> str:
    """The name an older pleodesk gave the entry (shared by every data folder)."""
    return f"connection-{conn_id}/{what}"


def connection_secrets(conn) -> list[str]:
    """What (``<what>`` of ``ledger_secret_name``) a connection may keep in the keyring: the known
    entries, its system's, and those its settings or an unfinished wizard list."""
    whats = list(KNOWN_SECRETS)
    mod = _system_module(getattr(conn, "system", "") or "")
    if mod is not None and getattr(mod, "SECRET", None):
        whats.append(mod.SECRET)
    settings = getattr(conn, "settings", None) or {}
    for holder in [settings, *(v for v in settings.values() if isinstance(v, dict))]:
        entries = holder.get("keyring_entries")
        if isinstance(entries, (list, tuple)):
            whats.extend(str(w) for w in entries if w)
    return list(dict.fromkeys(whats))


def forget_connection_secrets(conn, installation: str | None = None) -> list[str]:
    """Delete every keyring entry of a connection that is gone. Returns the names that could not be
    deleted (no usable keyring: they stay where they are, and nothing can read them any more)."""
    from pleodesk.secrets import SecretStoreUnavailable, delete_secret

    left = []
    for what in connection_secrets(conn):
        name = ledger_secret_name(conn.id, what, installation)
        try:
            delete_secret(name)
        except SecretStoreUnavailable as exc:
            log.warning("keyring entry %s not deleted: %s", name, exc)
            left.append(name)
    return left


def migrate_secret_names(store) -> int:
    """Rename the keyring entries an older pleodesk wrote (``connection-<id>/<what>``) to this
    database's names, once: on the first open after the upgrade (the app and every command call it).

    Each entry is read, written under its new name, read back, and only then deleted under the old
    one; an entry that already exists under the new name is kept (it is newer). When the keyring fails
    midway, the rest stays under the old names and the next open goes on (nothing is lost; the flag in
    ``meta`` is set only when every entry was done). Two processes opening at once take a lock file.
    Returns how many entries were renamed; raises ``SecretStoreUnavailable`` when the keyring failed."""
    from pleodesk.locks import FileLock
    from pleodesk.secrets import SecretStoreUnavailable, delete_secret, get_secret, set_secret

    if store.get_meta(SECRET_NAMES_META):
        return 0
    conns = store.list_connections()
    moved = 0
    if conns:
        lock = FileLock(Path(store.path).parent / "locks" / "secret-names.lock", 60.0)
        with lock:
            if store.get_meta(SECRET_NAMES_META):
                return 0
            for conn in conns:
                for what in connection_secrets(conn):
                    old = legacy_secret_name(conn.id, what)
                    value = get_secret(old)
                    if value is None:
                        continue
                    new = ledger_secret_name(conn.id, what, store.installation_id)
                    if get_secret(new) is None:
                        set_secret(new, value)
                        if get_secret(new) != value:
                            raise SecretStoreUnavailable(
                                f"The keyring did not keep the secret {new}; it stays under {old}.")
                    delete_secret(old)
                    moved += 1
                    log.info("keyring entry %s renamed to %s", old, new)
    store.set_meta(SECRET_NAMES_META, "installation")
    return moved


def prepare_secrets(store) -> None:
    """``migrate_secret_names`` for a store just opened; a keyring that fails is logged (the entries
    are renamed at a later start), never an error."""
    from pleodesk.secrets import SecretStoreUnavailable

    try:
        moved = migrate_secret_names(store)
    except SecretStoreUnavailable as exc:    # the commands that need a secret say so themselves
        log.info("keyring entries not renamed yet: %s", exc)
    except Exception:  # noqa: BLE001 - e.g. the lock: never stop a start for this
        log.exception("keyring entries not renamed yet")
    else:
        if moved:
            log.info("%d keyring entries renamed to this data folder's names", moved)


def pleo_token_store(conn):
    """The keyring entry of a connection's Pleo OAuth tokens (refreshed on demand)."""
    from pleodesk.providers.oauth import TokenStore

    oauth = (conn.settings or {}).get("pleo_oauth") or {}
    return TokenStore(ledger_secret_name(conn.id, PLEO_OAUTH), f"{oauth['auth_url']}/oauth/token", oauth["client_id"])


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
_SYSTEM_MODULES = ("odoo", "xero", "quickbooks", "lexoffice", "pennylane", "fec")


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
