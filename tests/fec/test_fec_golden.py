"""One golden run per ledger choice: the files a run writes for a fixed set of entries, byte for byte.

A change to what is written shows up here as a diff of the files under tests/fec/golden/. To accept a
deliberate change: ``PLEODESK_UPDATE_GOLDEN=1 pytest tests/fec/test_fec_golden.py``, then read the diff.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from pleodesk.core.model import ExpenseKind
from pleodesk.providers.fec.ledgers import LEDGERS
from pleodesk.providers.fec.provider import FecProvider

from . import fec_rules
from .helpers import CHART, entry, settings

GOLDEN = Path(__file__).parent / "golden"


def golden_entries(tmp: Path):
    receipt = tmp / "receipts" / "g-taxi" / "g-taxi-1.pdf"
    receipt.parent.mkdir(parents=True)
    receipt.write_bytes(b"%PDF-1.4 taxi")
    return [
        entry("g-taxi", receipts=(str(receipt),), note="Gare de Lyon → bureau", payee="G7 Taxi"),
        entry("g-dinner", day=date(2026, 8, 20), lines=[("6257", 8800, "10%"), ("6257", 1200, "20%")],
              payee="Brasserie de l'Est", tags=(("PROJET", "BOR"),)),
        entry("g-saas", day=date(2026, 8, 21), category="6510", gross=4599, tax="AI20", supplier=(4999, "USD"),
              payee="Notion Labs, Inc."),
        entry("g-refund", day=date(2026, 8, 22), gross=-2400, kind=ExpenseKind.REFUND, payee="SNCF Voyageurs"),
        entry("g-books", day=date(2026, 8, 31), category="6064", gross=2110, tax="5.5%", payee="Librairie Gibert"),
    ]


@pytest.mark.parametrize("ledger", sorted(LEDGERS))
def test_golden_run_per_ledger_choice(tmp_path, ledger):
    folder = tmp_path / "fec"
    with FecProvider(settings(folder, ledger=ledger, journal_code="PL" if ledger == "cegid_loop" else "PLEO"),
                     CHART, today=lambda: date(2026, 9, 1)) as p:
        results = p.send_batch(golden_entries(tmp_path))
        assert all(r.ok for r in results)
        p.finish_run()
    run = folder / "0001_2026-09-01"
    produced = {q.relative_to(run).as_posix(): q.read_bytes() for q in sorted(run.rglob("*")) if q.is_file()}
    for name in produced:
        if fec_rules.NAME.match(name):
            fec_rules.check(run / name)
    target = GOLDEN / ledger
    if os.environ.get("PLEODESK_UPDATE_GOLDEN"):
        for name, data in produced.items():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(data)
    expected = {q.relative_to(target).as_posix(): q.read_bytes() for q in sorted(target.rglob("*")) if q.is_file()}
    assert sorted(produced) == sorted(expected)
    for name, data in expected.items():
        assert produced[name] == data, f"{ledger}/{name} differs from the golden file"
