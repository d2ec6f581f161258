"""Test-wide setup: Qt offscreen, an in-memory keyring, a private data directory per test, pleodesk's
clock running from a fixed moment, and the rules for tests that need ``../shared``.

Environment switches:

``PLEODESK_REQUIRE_SHARED=1``  (CI) a test skipped for want of ``../shared`` fails instead, and the run
                               stops at once when ``../shared`` is not there at all.
``PLEODESK_TEST_SYSTEM_TIME``  an ISO moment (``2028-02-29T12:00:00+00:00``): the test process's system
                               clock runs from there (time-machine), to show that nothing depends on the
                               day the tests run (``scripts/test_dates.sh``). Child processes keep the
                               real clock.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backend
import pytest
import shared_specs

from pleodesk.core import clock

ROOT = Path(__file__).resolve().parents[1]
SPECS = shared_specs.SPECS

#: pleodesk's clock runs from this moment in every test (it ticks on from there). Tests about other
#: moments move it with the ``clock_at`` fixture. Chosen mid-month: the demo company's default months
#: are 2026-08..2026-10, and a schedule that starts on the 1st has days that are due.
TEST_NOW = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)


def _travel():
    moment = os.environ.get("PLEODESK_TEST_SYSTEM_TIME", "").strip()
    if not moment:
        return None
    import time_machine

    traveller = time_machine.travel(datetime.fromisoformat(moment), tick=True)
    traveller.start()
    return traveller


# At import, before any other conftest or test module: what they compute on import agrees too.
_system_time = _travel()
clock.set_now(TEST_NOW)


def pytest_configure(config: pytest.Config) -> None:
    if shared_specs.required() and not shared_specs.SHARED.is_dir():
        pytest.exit(f"{shared_specs.REQUIRE_ENV}=1, but {shared_specs.MISSING}.", returncode=1)


def pytest_unconfigure(config: pytest.Config) -> None:
    global _system_time
    if _system_time is not None:
        _system_time.stop()
        _system_time = None


def pytest_report_header(config: pytest.Config) -> list[str]:
    lines = [f"pleodesk's clock in tests: from {TEST_NOW.isoformat()}; "
             f"system clock: {datetime.now(timezone.utc).isoformat(timespec='seconds')}"
             + (" (time-machine)" if _system_time is not None else "")]
    if not shared_specs.SHARED.is_dir():
        lines.append(f"{shared_specs.MISSING}; those tests skip")
    return lines


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """With ``PLEODESK_REQUIRE_SHARED=1`` a skip for want of ``../shared`` is a failure."""
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and shared_specs.required()):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if "../shared" in reason:
        report.outcome = "failed"
        report.longrepr = (f"{shared_specs.REQUIRE_ENV}=1 (CI) and this test was skipped: {reason}. "
                           "The specs must be in ../shared beside the repository.")


@pytest.fixture(scope="session", autouse=True)
def _clock_for_the_session():
    """Session-wide fixtures (a sandbox shared by a folder's tests) see the fixed moment too."""
    clock.set_now(TEST_NOW)
    yield
    clock.set_now(None)


@pytest.fixture(autouse=True)
def pinned_clock(_clock_for_the_session):
    """Every test starts at ``TEST_NOW`` on pleodesk's clock, whatever day it runs."""
    clock.set_now(TEST_NOW)
    yield TEST_NOW
    clock.set_now(TEST_NOW)


@pytest.fixture
def clock_at(pinned_clock):
    """``clock_at(datetime(...))``: pleodesk's clock runs from that moment for the rest of the test."""
    def move(moment):
        clock.set_now(moment)
        return moment
    return move


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in memory: tests never touch the user's real keyring. Installed explicitly
    by the fixture below; ``viable = False`` keeps keyring's discovery from ever choosing it (keyring
    registers every backend class on definition)."""

    priority = 1  # type: ignore[assignment]
    viable = False  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.store:
            raise PasswordDeleteError(username)
        del self.store[(service, username)]


@pytest.fixture(autouse=True)
def _fresh_pacers():
    """The pacing of calls to a service is per organisation and process-wide (as in the app, where every
    window and worker shares it). Each test has emulators of its own: it starts with no calls counted, so
    the calls of the tests before it never make it wait out a minute's limit."""
    import pleodesk.providers.lexoffice.client  # noqa: F401 - each client module registers its pacers
    import pleodesk.providers.pennylane.client  # noqa: F401
    import pleodesk.providers.quickbooks.client  # noqa: F401
    import pleodesk.providers.xero.client  # noqa: F401
    from pleodesk.providers.pacing import reset_all

    reset_all()
    yield
    reset_all()


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    return kr


@pytest.fixture(autouse=True)
def gc_as_it_was():
    """The garbage collector as Python sets it, for every test: a command run in the test's process
    (``cli.main(["export", ...])``) tunes it for the whole process, as pleodesk's commands do."""
    import gc

    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


@pytest.fixture(autouse=True)
def pleodesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PLEODESK_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def english_translation(qapp):
    """English as the app installs it: its translation holds the plural forms ("1 expense", "2
    expenses"). Window tests use it (tests/ui does for all of its tests)."""
    from pleodesk.ui.i18n import Translations

    t = Translations(qapp)
    t.install("en")
    yield t
