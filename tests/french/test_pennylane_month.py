"""A month of the French demo company into the Pennylane emulator: per expense, and as daily and monthly
summaries. Every expense once, the totals Pleo's to the cent, a second export adds nothing; and bad
input (a revoked token, a closed fiscal year, an account Pennylane does not have) says what is wrong
and changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pleodesk.connections import make_provider
from pleodesk.providers.pennylane.client import reset_pacers
from pleodesk.sandbox import demo_fr
from pleodesk.sandbox.pennylane_emulator import PennylaneState, mount_pennylane
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan, check_plan
from pleodesk.storage import open_store

from .helpers import check_totals, engine, is_held, totals_by_account

MONTH = "2026-08"
SCALE = 50.0


@pytest.fixture(scope="module")
def sandbox():
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=120, seed=5, country="FR"))
    yield sb
    sb.stop()


@pytest.fixture
def pennylane(sandbox):
    reset_pacers()
    sandbox.pleo.reset_exports()
    state = PennylaneState(time_scale=SCALE, api_url=f"{sandbox.url}/pennylane/api/external/v2")
    yield mount_pennylane(sandbox, state)
    reset_pacers()


def connect(sandbox, summary="none", token=None):
    store = open_store()
    plan = demo_fr.plan(sandbox, "pennylane", demo_fr.pennylane_section(
        sandbox, rate_limits={"window": 5.0 / SCALE}), summary=summary, token=token)
    assert check_plan(plan, prepare=True) == []
    return store, apply_plan(store, plan)


def ledger_lines(state: PennylaneState, journal_id: int):
    out = []
    for e in state.entries.values():
        if e.journal_id == journal_id:
            for ln in e.lines:
                out.append((state.accounts[ln.account_id]["number"], ln.debit - ln.credit))
    return out


@pytest.mark.parametrize("summary", ["none", "daily", "monthly"])
def test_a_month_into_pennylane(sandbox, pennylane, summary):
    store, conn = connect(sandbox, summary)
    waiting = sandbox.pleo.exportable_entry_ids(MONTH)
    held = {e for e in waiting if is_held(sandbox, e)}
    with make_provider(conn) as provider:
        result = engine(store, conn, provider).export_month(MONTH)
    assert result.held_count == len(held) and result.failed_count == 0, result.message
    records = store.get_records(conn.id)
    exported = {e for e, r in records.items() if r.status == "exported"}
    assert exported == set(waiting) - held
    journal = conn.settings["journal_id"] if "journal_id" in conn.settings else store.get_connection(
        conn.id).settings["journal_id"]
    refs = [e.label.split(" ", 1)[0] for e in pennylane.entries.values()]
    assert len(refs) == len(set(refs))                      # nothing twice
    if summary == "none":
        assert set(refs) == {f"PLEO-{e}" for e in exported}
        with_receipt = [e for e in pennylane.entries.values() if e.attachment_id]
        assert with_receipt and all(pennylane.files[e.attachment_id]["size"] > 0 for e in with_receipt)
    else:
        summaries = store.summaries(conn.id)
        assert set(refs) == set(summaries)
        members = [m for ref in summaries for m in store.summary_members(conn.id, ref)]
        assert sorted(members) == sorted(exported)
        assert all(e.attachment_id is None for e in pennylane.entries.values())
        assert not any(store.receipts_for(e) for e in exported)     # so none were downloaded
    check_totals(totals_by_account(ledger_lines(pennylane, journal)), store, exported)
    for eid in exported:
        assert sandbox.pleo.entry(eid).export_status == "EXPORTED"
    before = len(pennylane.entries)
    with make_provider(conn) as provider:
        again = engine(store, conn, provider).export_month(MONTH)
    assert again.exported == 0 and len(pennylane.entries) == before
    assert pennylane.throttled == 0
    store.close()


def test_a_revoked_token_says_so_and_nothing_changes(sandbox, pennylane):
    store, conn = connect(sandbox)
    pennylane.revoke()
    with make_provider(conn) as provider:
        result = engine(store, conn, provider).export_month(MONTH)
    assert result.status == "failed" and "no longer accepts the connection's API token" in result.message
    assert "Settings > Connectivity > Developers" in result.message
    assert pennylane.entries == {} and store.get_connection(conn.id).state == "disconnected"
    assert store.counts_by_status(conn.id)["exported"] == 0 and store.counts_by_status(conn.id)["sending"] == 0
    store.close()


def test_a_closed_fiscal_year_fails_those_expenses_with_what_to_do(sandbox, pennylane):
    store, conn = connect(sandbox)
    pennylane.set_fiscal_year(2026, "closed")
    with make_provider(conn) as provider:
        result = engine(store, conn, provider).export_month(MONTH)
    assert result.exported == 0 and result.failed_count > 0 and pennylane.entries == {}
    titles = {t for _, t, _ in result.failed}
    assert titles == {"The fiscal year 2026-01-01 to 2026-12-31 is closed in Pennylane"}
    assert all("Reopen the fiscal year" in fix for _, _, fix in result.failed)
    store.close()


def test_an_account_pennylane_does_not_have_holds_the_expenses_and_sends_nothing(sandbox, pennylane):
    store, conn = connect(sandbox)
    # The category's account is deleted in Pennylane after the setup.
    gone = pennylane.account_by_number("625100")
    del pennylane.accounts[gone["id"]]
    with make_provider(conn) as provider:
        result = engine(store, conn, provider).export_month(MONTH)
    held = [p for p in result.held if "625100" in p.message]
    assert held and "is not in the ledger" in held[0].message
    travel = set(held[0].expense_ids)
    assert not any(e.label.split(" ", 1)[0][5:] in travel for e in pennylane.entries.values())
    assert all(store.get_records(conn.id)[e].status == "held" for e in travel)
    store.close()
