"""Fixtures for the QuickBooks tests: the sandbox (its Pleo company French) with the QuickBooks emulator
mounted, a signed-in connection, and a recorder that checks every request and answer against Intuit's
XSDs.

QuickBooks' clock runs ``SCALE`` times faster in these tests (a minute lasts a second); the provider is
told the same, so it paces itself exactly as against QuickBooks."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Iterator

import pytest

from pleodesk.providers.quickbooks import create_provider, sandbox_settings
from pleodesk.sandbox.qbo_emulator import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, QboState, mount_qbo, unmount_qbo
from pleodesk.sandbox.server import SandboxConfig, start_sandbox

from qbo_contract import Recorder
from qbo_testkit import SCALE, free_port, sign_in


@pytest.fixture(autouse=True)
def _sandbox_app_keys(monkeypatch):
    """The tests sign in with the sandbox's development keys as the app built into pleodesk (the pacing
    starts empty in every test: tests/conftest.py)."""
    monkeypatch.setenv("PLEODESK_QBO_CLIENT_ID", SANDBOX_CLIENT_ID)
    monkeypatch.setenv("PLEODESK_QBO_CLIENT_SECRET", SANDBOX_CLIENT_SECRET)


@pytest.fixture(scope="session")
def sandbox():
    sb = start_sandbox(SandboxConfig(expenses_per_month=40, seed=7, country="FR"))
    yield sb
    sb.stop()


@pytest.fixture
def qbo(sandbox) -> Iterator[QboState]:
    state = QboState(time_scale=SCALE)
    mount_qbo(sandbox, state)
    yield state
    unmount_qbo(sandbox)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def port(qbo, monkeypatch) -> int:
    p = free_port()
    monkeypatch.setenv("PLEODESK_QBO_REDIRECT_URI", f"http://localhost:{p}/callback")
    qbo.clients[SANDBOX_CLIENT_ID].redirect_uris |= {f"http://localhost:{p}/callback"}
    return p


@pytest.fixture
def base_settings(sandbox) -> dict[str, Any]:
    return {**sandbox_settings(sandbox.url), "wallet_currency": "EUR", "rate_limits": {"time_scale": SCALE}}


@pytest.fixture
def connection(base_settings, port, recorder):
    settings = dict(base_settings)
    settings.update(sign_in(settings, port, recorder))
    return SimpleNamespace(id=1, name="Société Démo SAS", system="quickbooks", settings=settings)


@pytest.fixture
def provider(connection, recorder):
    p = create_provider(connection, transport=recorder)
    yield p
    p.close()


@pytest.fixture
def configured(provider):
    """A provider after the QuickBooks setup (the Pleo bank account 512 and the Pocket account 5121)."""
    provider.settings.update(provider.ensure_setup({"wallet_currency": "EUR", "pocket": True}))
    return provider
