"""Fixtures for the Pennylane tests: the sandbox (the French demo company) with a fresh Pennylane
emulator per test, a recorder that checks every exchange against Pennylane's OpenAPI definition, and a
provider on the emulator.

Pennylane's windows run ``SCALE`` times faster here (25 calls per 0.25 s); the provider is told the
same, so it paces itself exactly as it would against Pennylane."""

from __future__ import annotations

from typing import Any

import pytest

from pleodesk.providers.pennylane import sandbox_settings
from pleodesk.sandbox.pennylane_emulator import PennylaneState, mount_pennylane
from pleodesk.sandbox.server import SandboxConfig, start_sandbox

from pennylane_contract import Recorder, skip_reason, spec_available
from pennylane_testkit import make_provider

SCALE = 20.0


@pytest.fixture(scope="session")
def sandbox():
    sb = start_sandbox(SandboxConfig(months=["2026-08"], expenses_per_month=40, seed=7, country="FR"))
    yield sb
    sb.stop()


@pytest.fixture
def pennylane(sandbox) -> PennylaneState:
    state = PennylaneState(time_scale=SCALE, api_url=f"{sandbox.url}/pennylane/api/external/v2")
    return mount_pennylane(sandbox, state)


@pytest.fixture
def recorder(sandbox):
    if not spec_available():
        pytest.skip(skip_reason())
    return Recorder(sandbox.url)


@pytest.fixture
def settings(sandbox) -> dict[str, Any]:
    return {**sandbox_settings(sandbox.url), "rate_limits": {"window": 5.0 / SCALE}}


@pytest.fixture
def provider(settings, pennylane, recorder):
    p = make_provider(settings, pennylane, recorder)
    yield p
    p.close()


@pytest.fixture
def ready(provider):
    """A provider whose setup ran (the Pleo journal and bank account exist)."""
    provider.settings.update(provider.ensure_setup({}))
    return provider
