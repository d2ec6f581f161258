"""The folder ``../shared`` beside the repository: the services' published specs the contract tests read
(never copied into the project).

A clone on its own has no ``../shared``: every test that needs it skips, all with the one reason
``MISSING`` names. CI has it, and sets ``PLEODESK_REQUIRE_SHARED=1``: then any such skip is a failure
(see ``tests/conftest.py``), so a moved or renamed spec cannot silently switch contract tests off.

Every reason given here mentions ``../shared``: that is how the hook recognises these skips.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared").resolve()
SPECS = SHARED / "specs"
#: The environment switch: skips for want of ../shared fail the run instead.
REQUIRE_ENV = "PLEODESK_REQUIRE_SHARED"
#: The one reason every test that needs ../shared skips with when the folder is absent.
MISSING = (f"../shared is not beside the repository (looked for {SHARED}): the contract tests read the "
           "services' specs from it")


def required() -> bool:
    return os.environ.get(REQUIRE_ENV, "") not in ("", "0")


def missing(paths: list[Path] | tuple[Path, ...]) -> list[Path]:
    return [p for p in paths if not Path(p).is_file()]


def skip_reason(paths: list[Path] | tuple[Path, ...]) -> str | None:
    """None when every file is there; else why the test skips (the one ``MISSING`` reason when
    ``../shared`` itself is absent)."""
    gone = missing(paths)
    if not gone:
        return None
    if not SHARED.is_dir():
        return MISSING
    names = ", ".join(str(Path(p).relative_to(SHARED)) if Path(p).is_relative_to(SHARED) else str(p)
                      for p in gone)
    return f"../shared is there but lacks {names}"


def skip_unless(paths: list[Path] | tuple[Path, ...]) -> None:
    """Skip the running test when one of ``paths`` is missing."""
    reason = skip_reason(paths)
    if reason:
        pytest.skip(reason)


def mark(paths: list[Path] | tuple[Path, ...]):
    """``@mark([...])``: skip the test when one of ``paths`` is missing."""
    reason = skip_reason(paths)
    return pytest.mark.skipif(reason is not None, reason=reason or "")
