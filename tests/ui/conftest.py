"""Qt fixtures for the desktop app's tests: a real sandbox over HTTP, a real SQLite store, real widgets
(offscreen). ``tests/conftest.py`` already sets QT_QPA_PLATFORM=offscreen, an in-memory keyring and a
private PLEODESK_HOME per test."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PLEODESK_LANG", "en")

from pleodesk.ui.wizard.pages import last_full_month  # noqa: E402

MONTH = last_full_month()


@pytest.fixture(scope="session")
def qapp_args():
    return ["pleodesk-tests"]


@pytest.fixture(scope="session", autouse=True)
def english(english_translation):
    """English as the app installs it (tests/conftest.py): its translation holds the plural forms."""
    yield english_translation


@pytest.fixture
def sandbox():
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox

    sb = start_sandbox(SandboxConfig(seed=7, expenses_per_month=60, months=[MONTH]))
    yield sb
    sb.stop()


@pytest.fixture
def store(pleodesk_home):
    from pleodesk.storage import open_store

    s = open_store()
    yield s
    s.close()


@pytest.fixture
def ctx(request, qapp, store):
    """The app's shared parts, without the scheduler (tests start work themselves). A test's sandbox
    is started first, so it is still up while the context shuts its workers down."""
    from pleodesk.ui.context import AppContext

    if "sandbox" in request.fixturenames or "demo_conn" in request.fixturenames:
        request.getfixturevalue("sandbox")
    c = AppContext(store, scheduler=False)
    yield c
    c.shutdown()


@pytest.fixture
def journal_dir(tmp_path):
    d = tmp_path / "journal"
    return d


@pytest.fixture
def demo_conn(store, sandbox, journal_dir):
    """A ready journal-file connection to the sandbox's demo company (the demo setup, applied as
    ``pleodesk setup`` would)."""
    from pleodesk.demo import demo_plan
    from pleodesk.setup_file import apply_plan

    return apply_plan(store, demo_plan(sandbox, journal_dir))
