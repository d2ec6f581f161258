"""The local sandbox: one HTTP server on loopback that serves emulators of the outside services.

Mounted by path prefix (``Sandbox.mount``):

==================  ==========================================================================
``/lexware``        Lexware Office's public and partner API (``lexoffice_emulator``; ``/lexware-app``: its web app)
``/pleo``           Pleo's partner API (base URL ``{url}/pleo``; e.g. ``{url}/pleo/v3/export-jobs``)
``/pleo-auth``      Pleo's OAuth 2.0 server (``/pleo-auth/oauth/authorize``, ``/pleo-auth/oauth/token``)
``/pleo-files``     receipt files behind signed, expiring URLs (like a storage bucket)
``/pennylane``      Pennylane's Company API v2 (``/pennylane/api/external/v2/...``; ``pennylane_emulator``)
``/_sandbox/pleo``  test and demo controls of the Pleo emulator (not Pleo's API; see ``pleo_emulator``)
``/_sandbox/faults`` fault controls (see ``faults``)
``/odoo``, ``/xero``, ``/xero-identity``, ``/qbo``, ``/qbo-oauth``, ``/qbo-files``: the accounting
                    systems' emulators (``odoo_emulator``, ``xero_emulator``, ``qbo_emulator``)
==================  ==========================================================================

Only the standard library is used: a ``ThreadingHTTPServer`` (daemon threads) runs a small WSGI
gateway, so every emulator is a plain WSGI application. Every mounted application is wrapped in the
fault middleware (``faults.Faults``); ``/_sandbox`` routes are never faulted.

Public API::

    sb = start_sandbox(SandboxConfig(seed=1), expenses_per_month=100)   # listening on return
    sb.url, sb.pleo_url, sb.pleo_auth_url, sb.api_key, sb.company_id, sb.pleo, sb.faults
    sb.mount("/odoo", odoo_wsgi_app)
    sb.stop()                                                          # or: with start_sandbox() as sb:

The module also holds the small WSGI toolkit the emulators share: :class:`Request`,
:class:`Response`, :class:`Router` and :class:`ApiError`.
"""

from __future__ import annotations

import io
import json
import logging
import re
import socket
import sys
import threading
import urllib.parse
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timezone
from decimal import Decimal
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Iterable

from pleodesk.core import jsoncodec
from pleodesk.sandbox.faults import DropConnection, Faults, FaultsAdminApp

log = logging.getLogger(__name__)

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]

#: Requests bodies above this size are refused with 413 (the sandbox is not a file store).
MAX_REQUEST_BODY = 32 * 1024 * 1024


# =============================================================================== WSGI toolkit ====
class ApiError(Exception):
    """An error answer. The default body is Pleo's ``ExceptionInfo`` ``{"type", "message"}``."""

    def __init__(self, status: int, type: str, message: str, *, headers: list[tuple[str, str]] | None = None,
                 body: Any = None):
        super().__init__(f"{status} {type}: {message}")
        self.status = status
        self.type = type
        self.message = message
        self.headers = headers or []
        self.body = body

    def response(self) -> "Response":
        body = self.body if self.body is not None else {"type": self.type, "message": self.message}
        return Response.json(body, self.status, headers=self.headers)


def status_line(code: int) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"{code} Status {code}"


_EXACT_MARK = "\u0000exactdec:"
_EXACT_MARKED = re.compile(r'"\\u0000exactdec:(-?[0-9]+(?:\.[0-9]+)?)"')


def exact_json(obj: Any) -> bytes:
    """Compact UTF-8 JSON with every ``Decimal`` written as a JSON number with exactly its digits (the
    emulators of Xero, QuickBooks Online and lexoffice answer amounts so, never through ``float``)."""

    def mark(o: Any) -> Any:
        if isinstance(o, Decimal):
            return f"{_EXACT_MARK}{o:f}"
        if isinstance(o, dict):
            return {k: mark(v) for k, v in o.items()}
        if isinstance(o, (list, tuple)):
            return [mark(v) for v in o]
        return o

    text = json.dumps(mark(obj), separators=(",", ":"), ensure_ascii=False)
    return _EXACT_MARKED.sub(lambda m: m.group(1), text).encode("utf-8")


class Response:
    """A WSGI answer: status, headers and a body (bytes, or an iterable of bytes to stream)."""

    def __init__(self, status: int = 200, body: bytes | Iterable[bytes] = b"",
                 headers: list[tuple[str, str]] | None = None, content_type: str | None = None,
                 length: int | None = None):
        self.status = status
        self.headers = list(headers or [])
        self.body = body
        if content_type:
            self.headers.append(("Content-Type", content_type))
        if isinstance(body, (bytes, bytearray)):
            self.headers.append(("Content-Length", str(len(body))))
        elif length is not None:
            self.headers.append(("Content-Length", str(length)))

    @classmethod
    def json(cls, obj: Any, status: int = 200, headers: list[tuple[str, str]] | None = None) -> "Response":
        data = jsoncodec.dumps_compact(obj).encode("utf-8")
        return cls(status, data, headers, "application/json;charset=UTF-8")

    @classmethod
    def empty(cls, status: int = 204, headers: list[tuple[str, str]] | None = None) -> "Response":
        return cls(status, b"", headers)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        start_response(status_line(self.status), self.headers)
        if environ.get("REQUEST_METHOD") == "HEAD":
            close = getattr(self.body, "close", None)
            if close:
                close()
            return [b""]
        if isinstance(self.body, (bytes, bytearray)):
            return [bytes(self.body)]
        return self.body


class Request:
    """The parts of a WSGI environ the emulators use."""

    def __init__(self, environ: dict):
        self.environ = environ
        self.method: str = environ.get("REQUEST_METHOD", "GET").upper()
        self.path: str = environ.get("PATH_INFO", "") or "/"
        self.script_name: str = environ.get("SCRIPT_NAME", "")
        self.query_string: str = environ.get("QUERY_STRING", "")
        self.query: dict[str, list[str]] = urllib.parse.parse_qs(self.query_string, keep_blank_values=True)
        self._body: bytes | None = None

    def header(self, name: str, default: str | None = None) -> str | None:
        key = name.upper().replace("-", "_")
        if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            return self.environ.get(key) or default
        return self.environ.get("HTTP_" + key, default)

    @property
    def content_type(self) -> str:
        return (self.environ.get("CONTENT_TYPE") or "").split(";", 1)[0].strip().lower()

    @property
    def body(self) -> bytes:
        if self._body is None:
            stream = self.environ.get("wsgi.input")
            try:
                length = int(self.environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            self._body = stream.read(length) if (stream is not None and length > 0) else b""
        return self._body

    def arg(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def args(self, name: str) -> list[str]:
        return list(self.query.get(name, []))

    @property
    def host_url(self) -> str:
        """``scheme://host[:port]`` as the client addressed us."""
        scheme = self.environ.get("wsgi.url_scheme", "http")
        host = self.environ.get("HTTP_HOST")
        if not host:
            host = f"{self.environ.get('SERVER_NAME', '127.0.0.1')}:{self.environ.get('SERVER_PORT', '80')}"
        return f"{scheme}://{host}"


_PARAM = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class Router:
    """Method + path-template routing: ``/v3/export-jobs/{jobId}`` (a parameter is one path segment).

    ``dispatch`` raises :class:`ApiError` 404 for an unknown path and 405 (with ``Allow``) for a
    known path with another method.
    """

    def __init__(self) -> None:
        self._routes: list[tuple[re.Pattern[str], dict[str, Callable]]] = []
        self._by_template: dict[str, dict[str, Callable]] = {}

    def add(self, method: str, template: str, handler: Callable) -> None:
        methods = self._by_template.get(template)
        if methods is None:
            regex = "^" + _PARAM.sub(lambda m: f"(?P<{m.group(1)}>[^/]+)", re.escape(template).replace(r"\{", "{")
                                     .replace(r"\}", "}")) + "$"
            methods = {}
            self._by_template[template] = methods
            self._routes.append((re.compile(regex), methods))
        methods[method.upper()] = handler

    def route(self, method: str, template: str) -> Callable[[Callable], Callable]:
        def deco(fn: Callable) -> Callable:
            self.add(method, template, fn)
            return fn
        return deco

    def dispatch(self, method: str, path: str) -> tuple[Callable, dict[str, str]]:
        allowed: set[str] = set()
        for regex, methods in self._routes:
            m = regex.match(path)
            if not m:
                continue
            handler = methods.get(method) or (methods.get("GET") if method == "HEAD" else None)
            if handler is not None:
                return handler, {k: urllib.parse.unquote(v) for k, v in m.groupdict().items()}
            allowed.update(methods)
        if allowed:
            raise ApiError(405, "METHOD_NOT_ALLOWED", f"{method} is not allowed on {path}; allowed: "
                           + ", ".join(sorted(allowed)), headers=[("Allow", ", ".join(sorted(allowed)))])
        raise ApiError(404, "NOT_FOUND", f"No such endpoint: {method} {path}")


def utc_iso(dt: datetime | None) -> str | None:
    """``2024-01-31T12:00:00Z`` (seconds precision, UTC), or None."""
    if dt is None:
        return None
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ============================================================================ HTTP gateway ======
class _Handler(BaseHTTPRequestHandler):
    """Runs the server's WSGI application for each request (HTTP/1.1, keep-alive)."""

    protocol_version = "HTTP/1.1"
    server_version = "pleodesk-sandbox/1"
    sys_version = ""
    timeout = 120  # seconds a connection may sit idle or block on a write

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - BaseHTTPRequestHandler's name
        log.debug("%s - %s", self.address_string(), format % args)

    def setup(self) -> None:
        super().setup()
        try:  # headers and body go out in separate writes: don't let Nagle hold the second one back
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass
        self.server.track(self.connection, True)  # type: ignore[attr-defined]

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, False)  # type: ignore[attr-defined]

    def _read_body(self) -> bytes | None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            out = bytearray()
            while True:
                line = self.rfile.readline(65537)
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass
                    return bytes(out)
                out += self.rfile.read(size)
                self.rfile.readline(3)
                if len(out) > MAX_REQUEST_BODY:
                    return None
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BODY:
            return None
        return self.rfile.read(length) if length > 0 else b""

    def _environ(self, body: bytes) -> dict:
        path, _, query = self.path.partition("?")
        if "://" in path:  # absolute-form request target
            path = urllib.parse.urlsplit(path).path or "/"
        env = {
            "REQUEST_METHOD": self.command,
            "SCRIPT_NAME": "",
            "PATH_INFO": urllib.parse.unquote(path, encoding="latin-1"),
            "QUERY_STRING": query,
            "SERVER_NAME": self.server.server_address[0],
            "SERVER_PORT": str(self.server.server_address[1]),
            "SERVER_PROTOCOL": self.request_version,
            "REMOTE_ADDR": self.client_address[0],
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        ctype = self.headers.get("Content-Type")
        if ctype:
            env["CONTENT_TYPE"] = ctype
        for key, value in self.headers.items():
            k = key.upper().replace("-", "_")
            if k in ("CONTENT_TYPE", "CONTENT_LENGTH"):
                continue
            k = "HTTP_" + k
            env[k] = f"{env[k]},{value}" if k in env else value
        return env

    def _serve(self) -> None:
        try:
            body = self._read_body()
        except (ValueError, OSError):
            self.close_connection = True
            return
        if body is None:
            self._send_simple(413, b'{"type":"PAYLOAD_TOO_LARGE","message":"request body too large"}')
            self.close_connection = True
            return
        environ = self._environ(body)
        state: dict[str, Any] = {"status": None, "headers": None, "sent": False}

        def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable:
            if exc_info and state["sent"]:
                raise exc_info[1].with_traceback(exc_info[2])
            state["status"], state["headers"] = status, headers
            return write

        chunked = False

        def send_headers() -> None:
            nonlocal chunked
            code, _, reason = state["status"].partition(" ")
            self.send_response_only(int(code), reason or None)
            names = set()
            for k, v in state["headers"]:
                names.add(k.lower())
                self.send_header(k, v)
            if "content-length" not in names and self.command != "HEAD" and int(code) not in (204, 304) \
                    and int(code) >= 200:
                chunked = True
                self.send_header("Transfer-Encoding", "chunked")
            if "date" not in names:
                self.send_header("Date", self.date_time_string())
            if "server" not in names:
                self.send_header("Server", self.version_string())
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            state["sent"] = True

        def write(data: bytes) -> None:
            if not state["sent"]:
                send_headers()
            if not data or self.command == "HEAD":
                return
            if chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            else:
                self.wfile.write(data)

        result = None
        try:
            result = self.server.app(environ, start_response)  # type: ignore[attr-defined]
            for chunk in result:
                if chunk:
                    write(chunk)
            if not state["sent"]:
                send_headers()
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except DropConnection:
            self._drop()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, socket.timeout):
            self.close_connection = True
        except Exception:  # noqa: BLE001 - an emulator bug must not kill the server
            log.exception("sandbox: unhandled error in %s %s", self.command, self.path)
            if not state["sent"]:
                self._send_simple(500, b'{"type":"INTERNAL_SERVER_ERROR","message":"sandbox error"}')
            self.close_connection = True
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                try:
                    close()
                except Exception:  # noqa: BLE001
                    pass

    def _send_simple(self, code: int, body: bytes) -> None:
        try:
            self.send_response_only(code)
            self.send_header("Content-Type", "application/json;charset=UTF-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Date", self.date_time_string())
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
        except OSError:
            self.close_connection = True

    def _drop(self) -> None:
        """Close the connection without (the rest of) an answer."""
        self.close_connection = True
        try:
            self.wfile.flush()
        except OSError:
            pass
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _serve


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], app: WSGIApp):
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.address_family = family
        self.app = app
        self._conns: set[socket.socket] = set()
        self._conns_lock = threading.Lock()
        super().__init__(address, _Handler)

    def track(self, conn: socket.socket, add: bool) -> None:
        with self._conns_lock:
            (self._conns.add if add else self._conns.discard)(conn)

    def close_all_connections(self) -> None:
        with self._conns_lock:
            conns = list(self._conns)
        for c in conns:
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("sandbox: connection error from %s", client_address, exc_info=True)


# ============================================================================== the sandbox =====
def _default_months(today: date) -> list[str]:
    """The 3 full calendar months before ``today``'s month."""
    y, m = today.year, today.month
    out = []
    for _ in range(3):
        m -= 1
        if m == 0:
            y, m = y - 1, 12
        out.append(f"{y:04d}-{m:02d}")
    return sorted(out)


_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass
class SandboxConfig:
    host: str = "127.0.0.1"
    port: int = 0
    seed: int = 1
    expenses_per_month: int = 600
    #: ``YYYY-MM`` months of demo data; default: the 3 full calendar months before ``today``.
    months: list[str] | None = None
    #: The demo company's "today" (UTC day): its months of data end before this month. Default: the
    #: day on pleodesk's clock (``pleodesk.core.clock``) when the sandbox starts.
    today: date | None = None
    #: Binding anything but a loopback address needs this explicit flag (the sandbox has no real security).
    allow_non_loopback: bool = False
    #: The Odoo emulator answers like this version (16 or 17).
    odoo_version: int = 17
    #: The demo company's country: "NL" (Demo Company B.V.), "FR" (Société Démo SAS, for the French ledgers) or
    #: "DE" (Pleo Demo GmbH, for Lexware Office).
    country: str = "NL"

    def resolved_months(self) -> list[str]:
        if self.months:
            months = list(self.months)
        else:
            from pleodesk.core import clock

            months = _default_months(self.today or clock.today())
        for mo in months:
            if not _MONTH.match(mo):
                raise ValueError(f"not a YYYY-MM month: {mo!r}")
        if len(set(months)) != len(months):
            raise ValueError("months must not repeat")
        return sorted(months)


def _is_loopback(host: str) -> bool:
    from pleodesk.urls import is_loopback_host

    return is_loopback_host(host)


class _Dispatcher:
    """Routes by the longest mounted prefix (on a path-segment boundary) and sets SCRIPT_NAME/PATH_INFO."""

    def __init__(self, sandbox: "Sandbox"):
        self.sandbox = sandbox
        self.mounts: dict[str, WSGIApp] = {}
        self.lock = threading.Lock()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO") or "/"
        with self.lock:
            prefixes = sorted(self.mounts, key=len, reverse=True)
            mounts = dict(self.mounts)
        for prefix in prefixes:
            if path == prefix or path.startswith(prefix + "/"):
                environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + prefix
                environ["PATH_INFO"] = path[len(prefix):] or "/"
                return mounts[prefix](environ, start_response)
        if path == "/":
            return Response.json({"sandbox": True, "mounts": sorted(mounts),
                                  "pleoBaseUrl": self.sandbox.pleo_url})(environ, start_response)
        return ApiError(404, "NOT_FOUND", f"Nothing is mounted at {path}").response()(environ, start_response)


class Sandbox:
    """A running sandbox. Use :func:`start_sandbox` to make one."""

    def __init__(self, config: SandboxConfig):
        from pleodesk.sandbox.pleo_emulator import (
            SANDBOX_CLIENT_ID, PleoAdminApp, PleoApiApp, PleoAuthApp, PleoState,
        )
        from pleodesk.sandbox.files import FilesApp

        if not config.allow_non_loopback and not _is_loopback(config.host):
            raise ValueError(f"refusing to listen on {config.host!r}: the sandbox binds loopback only "
                             "(set allow_non_loopback=True to override)")
        if config.expenses_per_month < 0:
            raise ValueError("expenses_per_month must not be negative")
        self.config = config
        months = config.resolved_months()
        self.faults = Faults()
        self._dispatcher = _Dispatcher(self)
        self._server = _Server((config.host, config.port), self.faults.middleware(self._dispatcher))
        host, port = self._server.server_address[:2]
        shown = f"[{host}]" if ":" in host else host
        self.host: str = host
        self.port: int = port
        self.url: str = f"http://{shown}:{port}"
        self.pleo_url: str = f"{self.url}/pleo"
        self.pleo_auth_url: str = f"{self.url}/pleo-auth"
        self.files_url: str = f"{self.url}/pleo-files"
        self.oauth_client_id: str = SANDBOX_CLIENT_ID
        try:
            self.pleo: PleoState = PleoState(seed=config.seed, months=months,
                                             expenses_per_month=config.expenses_per_month,
                                             pleo_url=self.pleo_url, files_url=self.files_url,
                                             sandbox_url=self.url, country=config.country)
        except BaseException:
            self._server.server_close()
            raise
        self.api_key: str = self.pleo.api_key
        self.company_id: str = self.pleo.company_id
        self.mount("/pleo", PleoApiApp(self.pleo))
        self.mount("/pleo-auth", PleoAuthApp(self.pleo))
        self.mount("/pleo-files", FilesApp(self.pleo.receipt_files))
        self.mount("/_sandbox/pleo", PleoAdminApp(self.pleo))
        self.mount("/_sandbox/faults", FaultsAdminApp(self.faults))
        # The accounting systems' emulators (tests may mount fresh ones over these).
        from pleodesk.sandbox.odoo_emulator import OdooEmulatorApp, OdooState

        self.odoo = OdooState(config.odoo_version)
        self.odoo.seed_demo_company([(e.name, e.email if e.code else None) for e in self.pleo.data.employees])
        self.odoo_url: str = f"{self.url}/odoo"
        self.mount("/odoo", OdooEmulatorApp(self.odoo))
        from pleodesk.sandbox.xero_emulator import mount_xero

        self.xero = mount_xero(self)
        self.xero_url: str = f"{self.url}/xero"
        from pleodesk.sandbox.pennylane_emulator import mount_pennylane

        self.pennylane = mount_pennylane(self)
        self.pennylane_url: str = f"{self.url}/pennylane"

        from pleodesk.sandbox.qbo_emulator import mount_qbo

        self.qbo = mount_qbo(self)
        self.qbo_url: str = f"{self.url}/qbo"

        from pleodesk.sandbox.lexoffice_emulator import mount_lexoffice

        self.lexoffice = mount_lexoffice(self)
        self._thread: threading.Thread | None = None
        self._stopped = False

    # -------------------------------------------------------------------------------------------
    def mount(self, prefix: str, app: WSGIApp) -> None:
        """Serve ``app`` under ``prefix`` (e.g. ``"/odoo"``), also while running.

        Contract for ``app``: a WSGI callable (PEP 3333). It gets ``SCRIPT_NAME`` = the sandbox's own
        prefix + ``prefix`` and ``PATH_INFO`` = the rest of the path (``"/"`` at least); the body is
        already read into ``wsgi.input`` with ``CONTENT_LENGTH`` set; ``QUERY_STRING`` is raw. It may be
        called from several threads at once, so it must lock its own state. It may stream a large
        answer as an iterable of chunks; with a ``Content-Length`` header the bytes are sent as they
        are, without one they are sent chunked. Raising :class:`faults.DropConnection` closes the
        connection without an answer. The fault middleware (``sandbox.faults``) wraps it, except for
        prefixes under ``/_sandbox`` (controls must keep working while faults are on).
        """
        if not prefix.startswith("/") or prefix.endswith("/") or "//" in prefix or len(prefix) < 2:
            raise ValueError(f"a mount prefix looks like '/name', not {prefix!r}")
        with self._dispatcher.lock:
            if prefix in self._dispatcher.mounts:
                raise ValueError(f"{prefix} is already mounted")
            self._dispatcher.mounts[prefix] = app

    def unmount(self, prefix: str) -> None:
        with self._dispatcher.lock:
            self._dispatcher.mounts.pop(prefix, None)

    @property
    def mounts(self) -> list[str]:
        with self._dispatcher.lock:
            return sorted(self._dispatcher.mounts)

    # -------------------------------------------------------------------------------------------
    def _start(self) -> None:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"sandbox-{self.port}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and close every open connection. Safe to call twice."""
        if self._stopped:
            return
        self._stopped = True
        self.faults.shutdown()
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()
        self._server.close_all_connections()
        self.pleo.close()

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"<Sandbox {self.url} company={self.company_id}>"


def start_sandbox(config: SandboxConfig | None = None, **overrides: Any) -> Sandbox:
    """Build the demo data, bind the port and serve in background threads; return once listening.

    ``overrides`` replace fields of ``config`` (e.g. ``start_sandbox(seed=2, expenses_per_month=50)``).
    """
    config = config or SandboxConfig()
    if overrides:
        names = {f.name for f in fields(SandboxConfig)}
        unknown = set(overrides) - names
        if unknown:
            raise TypeError(f"unknown SandboxConfig field(s): {', '.join(sorted(unknown))}")
        config = replace(config, **overrides)
    sandbox = Sandbox(config)
    sandbox._start()
    return sandbox


def serve_forever(config: SandboxConfig | None = None) -> None:
    """Run a sandbox in the foreground: print one line (URL, API key, company id), block until Ctrl-C."""
    sandbox = start_sandbox(config)
    print(f"Sandbox at {sandbox.url} (Pleo API {sandbox.pleo_url}) - API key {sandbox.api_key} - "
          f"company {sandbox.company_id}", flush=True)
    stop = threading.Event()
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()


__all__ = [
    "ApiError", "Request", "Response", "Router", "Sandbox", "SandboxConfig", "serve_forever", "start_sandbox",
    "status_line", "utc_iso",
]
