"""Helpers of the Pennylane tests, in a module of a name no other test folder uses (a test module that
imported them from ``conftest`` got another folder's conftest when the suite runs in several processes)."""

from __future__ import annotations

import time
from types import SimpleNamespace

from pleodesk.providers.pennylane import create_provider


def make_provider(settings, pennylane, recorder=None, token=None, **kw):
    conn = SimpleNamespace(id=1, name="Société Démo SAS", system="pennylane", settings=dict(settings))
    return create_provider(conn, token_source=lambda: token or pennylane.token, transport=recorder,
                           sleep=kw.pop("sleep", None) or time.sleep, **kw)
