"""The Xero page: one "Connect to Xero" button with pleodesk's own Xero app (its client id built in by the
build), a user's own app id under Advanced; a copy without a built-in id says what to do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .helpers import WAIT_MS, start_wizard
from .test_wizard_export_systems import XERO_SCALE, sign_in_with_the_test_browser


@pytest.fixture
def sandbox():
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox

    from .conftest import MONTH

    sb = start_sandbox(SandboxConfig(seed=7, expenses_per_month=10, months=[MONTH]))
    yield sb
    sb.stop()


def _xero_page(qtbot, ctx, sandbox, monkeypatch):
    from pleodesk.providers.xero import sandbox_settings
    from pleodesk.sandbox.xero_emulator import XeroState, mount_xero

    xero = mount_xero(sandbox, XeroState(time_scale=XERO_SCALE))
    xero.consent = [list(xero.orgs)[0]]
    sign_in_with_the_test_browser(monkeypatch, xero)
    wiz = start_wizard(qtbot, ctx, sandbox, "xero")
    page = wiz.currentPage()
    wiz.state.system_settings.update({**sandbox_settings(sandbox.url), "rate_limits": {"time_scale": XERO_SCALE}})
    return wiz, page


def test_connect_uses_the_built_in_app(qtbot, ctx, sandbox, monkeypatch):
    from pleodesk.sandbox.xero_emulator import SANDBOX_CLIENT_ID

    # The build's id (the emulator's registered test app here: never a real one in tests).
    monkeypatch.setenv("PLEODESK_XERO_CLIENT_ID", SANDBOX_CLIENT_ID)
    wiz, page = _xero_page(qtbot, ctx, sandbox, monkeypatch)
    assert page.sign_in_button.text().replace("&", "") == "Connect to Xero…"
    assert page.sign_in_button.isVisible() and page.sign_in_button.isEnabled()
    assert not page.advanced.isChecked() and not page.client_id.isVisible()
    qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.organisation.count() == 1, timeout=WAIT_MS)
    assert "Signed in to" in page.status.text() and page.isComplete()


def test_without_a_built_in_app_advanced_asks_for_one(qtbot, ctx, sandbox, monkeypatch):
    from pleodesk.providers.xero import auth
    from pleodesk.sandbox.xero_emulator import SANDBOX_CLIENT_ID

    monkeypatch.delenv("PLEODESK_XERO_CLIENT_ID", raising=False)
    assert auth.built_in_client_id() == "", "the source carries a placeholder, not an id"
    assert (auth.CLIENT_ID_PLACEHOLDER in
            (__import__("pleodesk.ui.resources", fromlist=["x"]).resources_dir() / auth.CLIENT_ID_FILE).read_text())
    wiz, page = _xero_page(qtbot, ctx, sandbox, monkeypatch)
    qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
    assert "no Xero app built in" in page.status.text() and "Advanced" in page.status.text()
    assert page.advanced.isChecked() and page.client_id.isVisible()
    qtbot.keyClicks(page.client_id, SANDBOX_CLIENT_ID)
    qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.organisation.count() == 1, timeout=WAIT_MS)
    assert page.isComplete()
