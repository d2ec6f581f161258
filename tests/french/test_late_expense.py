"""Summary mode: an expense that reaches Pleo's export queue after its month was summarised goes into
the next month's summary, never into a second summary of its own month; a month not yet due waits."""

from __future__ import annotations

from datetime import datetime, timezone

from pleodesk.connections import make_provider
from pleodesk.sandbox import demo_fr
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan, check_plan
from pleodesk.storage import open_store

from tests.fec import fec_rules

from .helpers import check_totals, engine, is_held, totals_by_account


def test_a_late_expense_goes_into_the_next_summary_and_a_month_not_ended_waits(tmp_path):
    sb = start_sandbox(SandboxConfig(months=["2026-08", "2026-09"], expenses_per_month=60, seed=21, country="FR"))
    try:
        store = open_store()
        folder = tmp_path / "fec"
        plan = demo_fr.plan(sb, "fec", {"folder": str(folder), "siren": demo_fr.SIREN}, summary="monthly")
        assert check_plan(plan, prepare=True) == []
        conn = apply_plan(store, plan)
        august = [e for e in sb.pleo.exportable_entry_ids("2026-08") if not is_held(sb, e)]
        late = august[0]
        sb.pleo.entry(late).export_status = "CREATED"          # not in Pleo's queue yet
        sb.pleo._bump()

        # On 15 September, September has not ended: its expenses wait, August is summarised.
        mid_september = datetime(2026, 9, 15, 12, tzinfo=timezone.utc)
        with make_provider(conn) as p:
            first = engine(store, conn, p, now=mid_september).export_month("2026-08")
            waiting = engine(store, conn, p, now=mid_september).export_month("2026-09")
        assert first.summaries == 1 and first.exported == len(august) - 1
        assert waiting.summaries == 0 and waiting.exported == 0 and waiting.waiting > 0
        assert "wait for their period to end" in waiting.message
        assert set(store.summaries(conn.id)) == {"PLEO-S1-M2026-08"}
        september = [e for e in sb.pleo.exportable_entry_ids("2026-09") if not is_held(sb, e)]
        assert all(sb.pleo.entry(e).export_status == "QUEUED" for e in september)   # back in Pleo's queue

        # The late August expense reaches the queue; September's run (after it ended) takes it along.
        sb.pleo.entry(late).export_status = "QUEUED"
        sb.pleo._bump()
        with make_provider(conn) as p:
            second = engine(store, conn, p, now=datetime(2026, 10, 2, tzinfo=timezone.utc)).export_month("2026-09")
        assert second.summaries == 1
        summaries = store.summaries(conn.id)
        assert set(summaries) == {"PLEO-S1-M2026-08", "PLEO-S1-M2026-09"}
        assert late in store.summary_members(conn.id, "PLEO-S1-M2026-09")
        assert late not in store.summary_members(conn.id, "PLEO-S1-M2026-08")
        assert sorted(store.summary_members(conn.id, "PLEO-S1-M2026-09")) == sorted(september + [late])
        # In the files: August once, September once (with the late expense's cents), dated each month's end.
        lines = [ln for f in sorted(folder.glob("*/*.txt")) if fec_rules.NAME.match(f.name) for ln in fec_rules.check(f)]
        pieces = fec_rules.entries_by_piece(lines)
        assert set(pieces) == {"PLEO-S1-M2026-08", "PLEO-S1-M2026-09"}
        assert {ln["EcritureDate"] for ln in pieces["PLEO-S1-M2026-09"]} == {"20260930"}
        check_totals(totals_by_account((ln["CompteNum"], fec_rules._amount(ln["Debit"]) - fec_rules._amount(ln["Credit"]))
                                       for ln in pieces["PLEO-S1-M2026-09"]), store, september + [late])
        store.close()
    finally:
        sb.stop()
