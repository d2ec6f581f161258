"""Fixtures for the Xero tests: the sandbox with the Xero emulator mounted, a signed-in connection,
and a recorder that checks every request and answer against Xero's OpenAPI documents.

Xero's clock runs ``SCALE`` times faster in these tests (a minute lasts 0.5 s); the provider is told
the same, so its pacing is Xero's 60 calls a minute, 5 at once, on that clock."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Iterator

import pytest

from pleodesk.providers.xero import create_provider, sandbox_settings
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.sandbox.xero_emulator import SANDBOX_CLIENT_ID, XeroState, mount_xero, unmount_xero

from xero_contract import Recorder, skip_reason, specs_available
from xero_testkit import SCALE, free_port, sign_in


@pytest.fixture(scope="session")
def sandbox():
    sb = start_sandbox(SandboxConfig(expenses_per_month=40, seed=7))
    yield sb
    sb.stop()


@pytest.fixture
def xero(sandbox) -> Iterator[XeroState]:
    state = XeroState(time_scale=SCALE)
    mount_xero(sandbox, state)
    yield state
    unmount_xero(sandbox)


@pytest.fixture
def recorder(sandbox) -> Recorder:
    """Checks every request and answer against Xero's OpenAPI documents in ../shared: tests that use
    it skip when they are missing."""
    if not specs_available():
        pytest.skip(skip_reason())
    return Recorder(sandbox.url)


@pytest.fixture
def base_settings(sandbox) -> dict[str, Any]:
    return {**sandbox_settings(sandbox.url), "client_id": SANDBOX_CLIENT_ID, "wallet_currency": "EUR",
            "rate_limits": {"time_scale": SCALE}}


@pytest.fixture
def port(xero) -> int:
    p = free_port()
    client = xero.clients[SANDBOX_CLIENT_ID]
    client.redirect_uris |= {f"http://127.0.0.1:{p}/callback", f"http://localhost:{p}/callback"}
    return p


@pytest.fixture
def connection(base_settings, port, recorder):
    settings = dict(base_settings)
    settings.update(sign_in(settings, port, recorder))
    return SimpleNamespace(id=1, name="Pleo Demo BV", system="xero", settings=settings)


@pytest.fixture
def provider(connection, recorder, tmp_path):
    p = create_provider(connection, transport=recorder, feed_folder=tmp_path / "statements")
    yield p
    p.close()


@pytest.fixture
def configured(provider):
    """A provider after the Xero setup (Pleo bank account, default and out-of-pocket accounts)."""
    provider.settings.update(provider.ensure_setup({"wallet_currency": "EUR"}))
    return provider


