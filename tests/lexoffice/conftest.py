"""Fixtures for the Lexware Office tests: the German demo company in the sandbox, a fresh emulator per
test (its clock ``SCALE`` times faster, the provider told the same), and a provider with the demo key."""

from __future__ import annotations

import pytest

from pleodesk.providers.lexoffice import sandbox_settings
from pleodesk.providers.lexoffice.provider import LexofficeProvider
from pleodesk.sandbox.lexoffice_emulator import DEMO_API_KEY, LexofficeState, mount_lexoffice
from pleodesk.sandbox.server import SandboxConfig, start_sandbox

from lexoffice_testkit import SCALE

MONTH = "2026-08"


@pytest.fixture(scope="session")
def sandbox():
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=60, seed=5, country="DE"))
    yield sb
    sb.stop()


@pytest.fixture
def lex(sandbox) -> LexofficeState:
    state = LexofficeState(time_scale=SCALE)
    mount_lexoffice(sandbox, state)
    return state


@pytest.fixture
def settings(sandbox) -> dict:
    return {**sandbox_settings(sandbox.url), "rate_limits": {"time_scale": SCALE}}


@pytest.fixture
def provider(lex, settings, tmp_path):
    p = LexofficeProvider(settings, lambda: DEMO_API_KEY, feed_folder=tmp_path / "statements")
    yield p
    p.close()
