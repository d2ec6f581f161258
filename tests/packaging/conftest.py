"""Packaging tests: the self-test, upgrades of old data, the installer's parts.

Most run from source. Set ``PLEODESK_BUNDLE`` to a built bundle's executable (``dist/pleodesk/pleodesk``;
``scripts/ci_bundle.sh`` does) and the same checks also run against the frozen app.
"""

from __future__ import annotations

import pytest
from bundle_helpers import app_commands


@pytest.fixture(params=app_commands(), ids=lambda c: c[0])
def app_command(request) -> list[str]:
    return request.param[1]
