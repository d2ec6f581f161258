"""Fixtures: the Odoo emulator served over real HTTP on loopback, for Odoo 16 and 17."""

from __future__ import annotations

import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest

from pleodesk.providers.odoo import OdooProvider
from pleodesk.sandbox.odoo_emulator import OdooEmulatorApp, OdooState

DB = "pleodesk"


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Switch:
    """A WSGI app whose emulator state each test replaces."""

    def __init__(self) -> None:
        self.app = OdooEmulatorApp(OdooState(17))

    def __call__(self, environ, start_response):
        # serve under /odoo like the sandbox does
        path = environ.get("PATH_INFO", "")
        if not path.startswith("/odoo"):
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        environ["PATH_INFO"] = path[len("/odoo"):] or "/"
        return self.app(environ, start_response)


@pytest.fixture(scope="session")
def odoo_server():
    switch = _Switch()
    server = make_server("127.0.0.1", 0, switch, server_class=_ThreadingServer, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield switch, f"http://{host}:{port}/odoo"
    server.shutdown()
    server.server_close()


@pytest.fixture(params=[16, 17], ids=["odoo16", "odoo17"])
def version(request) -> int:
    return request.param


@pytest.fixture
def odoo(odoo_server, version) -> OdooState:
    switch, _ = odoo_server
    state = OdooState(version)
    switch.app = OdooEmulatorApp(state)
    return state


@pytest.fixture
def odoo_url(odoo_server) -> str:
    return odoo_server[1]


@pytest.fixture
def make_provider(odoo, odoo_url):
    made = []

    def make(*, login: str = "admin", key: str | None = None, database: str = DB, company_id=1,
             url: str | None = None, **settings) -> OdooProvider:
        p = OdooProvider(url or odoo_url, database, login, key if key is not None else odoo.ADMIN_KEY,
                         company_id=company_id, settings=settings)
        p.rpc.retry_delay = 0.01
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()
