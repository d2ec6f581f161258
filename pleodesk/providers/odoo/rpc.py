"""Odoo's external JSON-RPC API (``POST {url}/jsonrpc``) with an API key, and its errors in plain words.

Only ``/jsonrpc`` is used: ``common.version``, ``common.authenticate`` and ``object.execute_kw``.
``/web/session/authenticate`` refuses API keys (it is an interactive login) and is never called.

Retries (:mod:`pleodesk.providers.retry`), decided per call:

* a request that never reached Odoo (the connection could not be made), a ``429`` (as its
  ``Retry-After`` says) and a ``503`` (the server or its proxy took nothing) are sent again, whatever
  the call;
* a timeout, a broken connection, a ``500``, ``502`` or ``504`` may come after Odoo did the work: only
  calls that change nothing (``READ_METHODS``, the version, the login) are sent again. The writes
  pleodesk makes (``create``, ``action_post``, ``message_post``, ``reconcile``, ``unlink``) would
  duplicate or fail when repeated, so their error goes to the caller, which looks the entry up by its
  reference before anything is sent again.
"""

from __future__ import annotations

import itertools
import logging
import random
import re
import time
from typing import Any, Callable
from urllib.parse import urlparse

import httpx

from pleodesk.providers.base import AuthError, LedgerError
from pleodesk.providers.retry import RetryPolicy, Transient, call_with_retries, retry_after_seconds
from pleodesk.urls import is_loopback_url

log = logging.getLogger(__name__)

SUPPORTED_MAJOR_VERSIONS = (16, 17)

#: Methods that change nothing: safe to send again whatever happened to the first try.
READ_METHODS = frozenset({"search", "search_read", "search_count", "read", "fields_get", "name_search"})

#: The app that brings a model, for Odoo's "Object hr.employee doesn't exist".
_APPS = {"account": "Invoicing", "hr": "Employees", "mail": "Discuss"}

_FIX_RIGHTS = ("In Odoo, open Settings > Users & Companies > Users, choose the user, and set Accounting to "
               "Accountant or Adviser and Administration to Settings.")


class DatabaseNotFound(LedgerError):
    """The database named in the connection is not on the server."""


class OdooError(LedgerError):
    """An error Odoo answered with; ``name`` is Odoo's exception class (``odoo.exceptions.UserError``)."""

    def __init__(self, title: str, detail: str = "", fix: str = "", *, name: str = "", retryable: bool = False,
                 reason_type: str = "accounting_system_validation_failure") -> None:
        super().__init__(title, detail, fix, retryable=retryable, reason_type=reason_type)
        self.name = name


def normalise_url(url: str) -> str:
    """``https://x.odoo.com/web#...`` -> ``https://x.odoo.com``; ValueError in plain words."""
    url = (url or "").strip()
    if not url:
        raise ValueError("the Odoo address (url) is missing")
    if "://" not in url:
        url = "https://" + url
    u = urlparse(url)
    if u.scheme not in ("http", "https") or not u.hostname:
        raise ValueError(f"'{url}' is not a web address; write it like https://mycompany.odoo.com")
    path = u.path.rstrip("/")
    if path.endswith("/jsonrpc"):
        path = path[: -len("/jsonrpc")]
    i = path.find("/web")
    if i >= 0 and (len(path) == i + 4 or path[i + 4] == "/"):
        path = path[:i]
    return f"{u.scheme}://{u.netloc}{path.rstrip('/')}"


def map_error(error: dict, *, login: str = "") -> LedgerError:
    """Odoo's JSON-RPC error object -> AuthError / LedgerError with a plain title and a fix."""
    data = error.get("data") or {}
    name = str(data.get("name") or "")
    # Odoo's messages may repeat a whole request (a domain of thousands of ids): keep them short
    message = _short(str(data.get("message") or error.get("message") or "").strip(), 400)
    first = _short(message.splitlines()[0], 160) if message else ""
    who = f" '{login}'" if login else ""
    if name.endswith("AccessDenied"):
        return AuthError("Odoo refused the API key",
                         message or "Access Denied",
                         "Create a new API key in Odoo (your profile > Account Security > New API Key) for the "
                         "same user and reconnect.")
    if name.endswith("AccessError") and "compan" in message.lower():
        return OdooError(f"The Odoo user{who} may not use this company", message,
                         "In Odoo, add the company to the user's Allowed Companies, or connect another company.",
                         name=name, reason_type="authorization_failure")
    if name.endswith("AccessError"):
        return OdooError(f"The Odoo user{who} is not allowed to do this", message, _FIX_RIGHTS, name=name,
                         reason_type="authorization_failure")
    if name.endswith("MissingError"):
        return OdooError("Something this expense refers to no longer exists in Odoo", message,
                         "Refresh the chart of accounts in pleodesk, check the mappings, and export again.",
                         name=name)
    if "OperationalError" in name and "does not exist" in message:
        return DatabaseNotFound("That database does not exist on the Odoo server", first,
                                "Check the database name: in Odoo, open the user menu > My Databases, or turn on "
                                "developer mode and read it under the user icon.",
                                reason_type="invalid_configuration")
    missing = re.fullmatch(r"Object (\S+) doesn't exist", first)
    if name.endswith("UserError") and missing:       # the model's app is not installed
        app = _APPS.get(missing.group(1).split(".")[0])
        if app:
            return OdooError(f"The {app} app is not installed in this Odoo database", message,
                             f"In Odoo, open Apps, search '{app}' and install it, then try again.", name=name,
                             reason_type="invalid_configuration")
        return OdooError("An app pleodesk needs is not installed in this Odoo database", message,
                         "Install the Invoicing (or Accounting), Employees and Discuss apps in Odoo, then try "
                         "again.", name=name, reason_type="invalid_configuration")
    if name.endswith("UserError") or name.endswith("ValidationError") or name.endswith("RedirectWarning"):
        return OdooError(f"Odoo refused it: {first}" if first else "Odoo refused it", message,
                         _fix_for(message), name=name)
    if name.endswith("ValueError") and "Invalid field" in message:
        return OdooError("This Odoo server does not have a field pleodesk needs", message,
                         "Check that the server runs Odoo 16 or 17 with the Invoicing or Accounting app.",
                         name=name, reason_type="invalid_configuration")
    return OdooError("Odoo could not process the request", message or str(error.get("message") or ""),
                     "Try again later; if it keeps failing, send the details to your Odoo administrator.",
                     name=name, reason_type="accounting_system_validation_failure")


def _short(text: str, limit: int) -> str:
    """``text`` cut at ``limit`` characters (at a word or a list separator), saying how much was left out."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    for sep in (", ", " "):
        i = cut.rfind(sep)
        if i > limit // 2:
            cut = cut[:i]
            break
    return f"{cut} … ({len(text) - len(cut)} more characters)"


def _fix_for(message: str) -> str:
    low = message.lower()
    if "lock date" in low or "vergrendel" in low or "locked" in low:
        return ("The period is locked in Odoo. Move the lock date (Accounting > Configuration > Settings > "
                "Lock dates) or book the expense in an open period, then export again.")
    if "deprecated" in low or "verouderd" in low:
        return "The account is deprecated in Odoo: map the category to an active account, then export again."
    if "not balanced" in low:
        return "pleodesk sent an entry Odoo found unbalanced; please report this."
    if "date is required" in low:
        return "The expense has no date; check it in Pleo."
    if "incompatible compan" in low or "company" in low:
        return "An account, journal or tax belongs to another Odoo company: check the mappings of this connection."
    return "Correct it in Odoo or in the mappings, then export again."


class OdooRpc:
    """A small JSON-RPC client for one database, login and API key."""

    def __init__(self, url: str, database: str, login: str, api_key: str | None, *,
                 timeout: float = 60.0, transport: httpx.BaseTransport | None = None,
                 max_retries: int = 4, retry_delay: float = 0.5, max_retry_after: float = 300.0,
                 max_elapsed: float = 600.0, sleep: Callable[[float], None] = time.sleep,
                 jitter: Callable[[], float] = random.random) -> None:
        self.url = normalise_url(url)
        self.database = database
        self.login = login
        self.api_key = api_key
        self.max_retries = max(0, int(max_retries))
        #: Backoff before the first retry (doubling after that) when Odoo gives no Retry-After.
        self.retry_delay = retry_delay
        self.max_retry_after = max_retry_after
        self.max_elapsed = max_elapsed
        self._sleep = sleep
        self._jitter = jitter
        self._ids = itertools.count(1)
        self._http = httpx.Client(timeout=httpx.Timeout(timeout, connect=10.0), transport=transport,
                                  headers={"User-Agent": "pleodesk"}, follow_redirects=False)
        self.uid: int | None = None
        self._version: dict | None = None
        self.context: dict[str, Any] = {}

    def close(self) -> None:
        self._http.close()

    @property
    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(max_attempts=self.max_retries + 1, max_elapsed=self.max_elapsed,
                           max_retry_after=self.max_retry_after, backoff_base=self.retry_delay,
                           jitter=self._jitter)

    # ------------------------------------------------------------------ transport ----------
    def call(self, service: str, method: str, *args: Any, safe: bool = False) -> Any:
        """One JSON-RPC call. ``safe``: the call changes nothing, so it may be sent again after a
        failure that may have come after Odoo did the work (see the module docstring)."""
        body = {"jsonrpc": "2.0", "method": "call",
                "params": {"service": service, "method": method, "args": list(args)},
                "id": next(self._ids)}
        endpoint = f"{self.url}/jsonrpc"

        def attempt() -> httpx.Response:
            try:
                resp = self._http.post(endpoint, json=body)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                # Nothing reached Odoo: any call may go again.
                raise Transient(LedgerError(f"Odoo could not be reached at {self.url}",
                                            str(exc) or type(exc).__name__,
                                            "Check the internet connection and the Odoo address, then try "
                                            "again.", retryable=True,
                                            reason_type="accounting_system_unreachable")) from exc
            except httpx.TimeoutException as exc:
                err = LedgerError("Odoo did not answer in time", str(exc) or type(exc).__name__,
                                  "Try again later; a large export goes on where it stopped.", retryable=True,
                                  reason_type="accounting_system_timeout")
                if safe:
                    raise Transient(err) from exc
                raise err from exc
            except httpx.TransportError as exc:
                from pleodesk.providers.base import connection_failure

                err = LedgerError(f"Odoo could not be reached at {self.url}", connection_failure(self.url, exc),
                                  "Check the internet connection and the Odoo address, then try again.",
                                  retryable=True, reason_type="accounting_system_unreachable")
                if safe:
                    raise Transient(err) from exc
                raise err from exc
            status = resp.status_code
            if status == 429:
                wait = retry_after_seconds(resp.headers.get("Retry-After"))
                raise Transient(LedgerError(
                    "Odoo asks pleodesk to slow down (HTTP 429) and kept refusing",
                    f"HTTP 429, Retry-After {resp.headers.get('Retry-After') or 'not given'}",
                    "Try again in a few minutes; the export goes on where it stopped.",
                    retryable=True, reason_type="accounting_system_rate_limit"), wait)
            if status >= 500:
                err = LedgerError(f"Odoo had a server error (HTTP {status})", f"HTTP {status} from {endpoint}",
                                  "Try again later; if it keeps failing, ask your Odoo administrator or "
                                  "provider whether the server is up.",
                                  retryable=True, reason_type="accounting_system_unreachable")
                if status == 503 or safe:
                    raise Transient(err, retry_after_seconds(resp.headers.get("Retry-After")))
                raise err
            return resp

        resp = call_with_retries(attempt, self.retry_policy, what=f"Odoo {service}.{method}", sleep=self._sleep)
        if resp.status_code in (301, 302, 303, 307, 308):
            raise LedgerError(f"The Odoo address {self.url} redirects elsewhere",
                              f"HTTP {resp.status_code} to {resp.headers.get('location', '?')}",
                              "Use the address Odoo shows in the browser (usually https://...).",
                              reason_type="invalid_configuration")
        if resp.status_code == 404:
            raise LedgerError(f"There is no Odoo server at {self.url}", "HTTP 404 for /jsonrpc",
                              "Check the address: open Odoo in the browser and copy the part before /web or /odoo.",
                              reason_type="invalid_configuration")
        try:
            payload = resp.json()
        except ValueError:
            raise LedgerError(f"The address {self.url} does not answer like an Odoo server",
                              f"HTTP {resp.status_code}, {resp.headers.get('content-type', 'no content type')}",
                              "Check the Odoo address.", reason_type="invalid_configuration") from None
        if not isinstance(payload, dict):
            raise LedgerError(f"The address {self.url} does not answer like an Odoo server", "",
                              "Check the Odoo address.", reason_type="invalid_configuration")
        if payload.get("error"):
            raise map_error(payload["error"], login=self.login)
        return payload.get("result")

    # ------------------------------------------------------------------ services -----------
    def version(self) -> dict:
        if self._version is None:
            self._version = self.call("common", "version", safe=True) or {}
        return self._version

    def major_version(self) -> int | None:
        info = self.version().get("server_version_info") or []
        try:
            return int(info[0])
        except (IndexError, TypeError, ValueError):
            sv = str(self.version().get("server_version") or "")
            try:
                return int(sv.split(".")[0].split("-")[-1].replace("saas~", ""))
            except ValueError:
                return None

    def server_version(self) -> str:
        return str(self.version().get("server_version") or "unknown")

    def ensure_supported(self) -> None:
        major = self.major_version()
        if major not in SUPPORTED_MAJOR_VERSIONS:
            raise LedgerError(f"This server runs Odoo {self.server_version()}, which pleodesk does not support",
                              "pleodesk works with Odoo 16 and 17.",
                              "Connect an Odoo 16 or 17 database.", reason_type="invalid_configuration")

    def authenticate(self) -> int:
        if self.uid is not None:
            return self.uid
        if not self.api_key:
            raise AuthError("No Odoo API key is stored for this connection", "",
                            "Run the setup again and enter the API key.")
        self.ensure_supported()
        uid = self.call("common", "authenticate", self.database, self.login, self.api_key, {}, safe=True)
        if not uid:
            raise AuthError("Odoo refused the login and API key",
                            f"login '{self.login}' on database '{self.database}'",
                            "Check the login (the e-mail address of the user who made the key) and create a new "
                            "API key in Odoo: your profile > Account Security > New API Key.")
        self.uid = int(uid)
        return self.uid

    def execute(self, model: str, method: str, *args: Any, context: dict | None = None, company: bool = True,
                **kwargs: Any) -> Any:
        """``object.execute_kw``; the connection's company goes in the context unless ``company=False``."""
        uid = self.authenticate()
        ctx = dict(self.context) if company else {}
        if context:
            ctx.update(context)
        if ctx:
            kwargs["context"] = ctx
        return self.call("object", "execute_kw", self.database, uid, self.api_key, model, method, list(args),
                         kwargs, safe=method in READ_METHODS)

    def list_databases(self) -> list[str] | None:
        """The server's databases, when it lists them (many hosted servers do not)."""
        try:
            dbs = self.call("db", "list", safe=True)
        except LedgerError:
            return None
        return [str(d) for d in dbs] if isinstance(dbs, list) else None
