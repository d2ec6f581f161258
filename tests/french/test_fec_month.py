"""A month of the French demo company into FEC files: per expense, and as daily and monthly summaries.
Every expense once, the totals Pleo's to the cent, a second export adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from pleodesk.connections import make_provider
from pleodesk.sandbox import demo_fr
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan, check_plan
from pleodesk.storage import open_store

from tests.fec import fec_rules

from .helpers import check_totals, engine, is_held, totals_by_account

MONTH = "2026-08"


@pytest.fixture(scope="module")
def sandbox():
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=120, seed=5, country="FR"))
    yield sb
    sb.stop()


def fec_lines(folder: Path):
    files = sorted(p for p in folder.glob("*/*.txt") if fec_rules.NAME.match(p.name))
    out = []
    first: dict[str, int] = {}
    for f in files:
        lines = fec_rules.check(f, first_numbers=first or None)
        for ln in lines:
            first[ln["JournalCode"]] = int(ln["EcritureNum"]) + 1
        out += lines
    return files, out


@pytest.mark.parametrize("summary", ["none", "daily", "monthly"])
def test_a_month_into_fec_files(tmp_path, sandbox, summary):
    sandbox.pleo.reset_exports() if hasattr(sandbox.pleo, "reset_exports") else None
    store = open_store()
    folder = tmp_path / "fec"
    plan = demo_fr.plan(sandbox, "fec", {"folder": str(folder), "siren": demo_fr.SIREN, "ledger": "inqom"},
                        summary=summary)
    assert check_plan(plan) == []
    conn = apply_plan(store, plan)
    waiting = sandbox.pleo.exportable_entry_ids(MONTH)
    held = {e for e in waiting if is_held(sandbox, e)}
    with make_provider(conn) as provider:
        result = engine(store, conn, provider).export_month(MONTH)
    assert result.status == "partial" and result.held_count == len(held)
    records = store.get_records(conn.id)
    exported = {e for e, r in records.items() if r.status == "exported"}
    assert exported == set(waiting) - held
    files, lines = fec_lines(folder)
    assert len(files) == 1                                 # one run, one file
    pieces = fec_rules.entries_by_piece(lines)
    if summary == "none":
        assert set(pieces) == {f"PLEO-{e}" for e in exported}
    else:
        summaries = store.summaries(conn.id)
        assert set(pieces) == set(summaries) and all(s.status == "exported" for s in summaries.values())
        members = [m for ref in summaries for m in store.summary_members(conn.id, ref)]
        assert sorted(members) == sorted(exported)          # every expense in exactly one summary
        want = 31 if summary == "daily" else 1
        assert len(summaries) <= want and all(r.reference in summaries for e, r in records.items() if e in exported)
    check_totals(totals_by_account((ln["CompteNum"], fec_rules._amount(ln["Debit"]) - fec_rules._amount(ln["Credit"]))
                                   for ln in lines), store, exported)
    for eid in exported:
        assert sandbox.pleo.entry(eid).export_status == "EXPORTED"
    # Exporting again adds nothing: no new file, no new entry.
    with make_provider(conn) as provider:
        again = engine(store, conn, provider).export_month(MONTH)
    assert again.exported == 0
    files2, lines2 = fec_lines(folder)
    assert files2 == files and lines2 == lines
    store.close()
    sandbox.pleo.reset_exports()
