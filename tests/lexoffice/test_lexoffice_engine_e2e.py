"""End to end: the German demo company's month from Pleo's sandbox, through the setup file, the export
engine and the feed, into the Lexware Office emulator. Outcomes are read from the emulator's ledger,
pleodesk's store and Pleo's export items."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from pleodesk.connections import make_engine, make_provider
from pleodesk.core.feed import run_feed
from pleodesk.core.ledger import reference_for
from pleodesk.core.model import Expense
from pleodesk.demo import lexoffice_demo_plan
from pleodesk.providers.lexoffice.provider import REIMBURSEMENT_REASON, WALLET_REASON
from pleodesk.sandbox.lexoffice_emulator import LexofficeState, mount_lexoffice
from pleodesk.sandbox.server import SandboxConfig, start_sandbox
from pleodesk.setup_file import apply_plan, check_plan
from pleodesk.storage import open_store

from lexoffice_testkit import SCALE

MONTH = "2026-08"
RATES = {"19%": Decimal(19), "7%": Decimal(7), "0%": Decimal(0), "RC19": Decimal(0)}
NOT_EXPORTABLE = {"out_of_pocket", "mileage", "per_diem", "direct_reimbursement", "external_reimbursement"}
BY_HAND = {"wallet_topup", "wallet_unload"}


@pytest.fixture
def world(tmp_path):
    sb = start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=150, seed=7, country="DE"))
    lex = mount_lexoffice(sb, LexofficeState(time_scale=SCALE))
    store = open_store()
    plan = lexoffice_demo_plan(sb, time_scale=SCALE)
    assert check_plan(plan) == []
    conn = apply_plan(store, plan)
    yield sb, lex, store, conn
    store.close()
    sb.stop()


def _expected_items(sb, conn, store, eid: str) -> dict[tuple[str, Decimal], tuple[Decimal, Decimal]]:
    """What the voucher's items must be, worked out from Pleo's export item on its own."""
    exp = Expense.from_export_item(sb.pleo.export_item(eid))
    mappings = store.load_mappings(conn.id)
    chart = {a.code: a.id for a in make_provider(conn).read_chart().accounts.values()}
    out: dict[tuple[str, Decimal], list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for ln in exp.lines:
        cat = chart[mappings.categories[ln.category.key].account]
        code = ln.tax.code if ln.tax else mappings.categories[ln.category.key].tax_code
        rate = RATES[code] if code else Decimal(0)
        reverse = ln.tax is not None and ln.tax.type.value == "reverse"
        gross = ln.net.amount if reverse else ln.amount.amount
        tax = ln.tax.amount.amount if ln.tax and not reverse and rate else Decimal(0)
        out[(cat, rate)][0] += abs(gross)
        out[(cat, rate)][1] += abs(tax)
    return {k: (v[0], v[1]) for k, v in out.items() if v[0] or v[1]}


def test_a_month_into_lexware_office(world, tmp_path):
    sb, lex, store, conn = world
    exportable = sb.pleo.exportable_entry_ids(MONTH)
    kinds = {eid: sb.pleo.export_item(eid)["type"] for eid in exportable}
    uncategorised = {eid for eid in exportable if kinds[eid] not in NOT_EXPORTABLE | BY_HAND and not all(
        ln.get("account") for ln in sb.pleo.export_item(eid)["accountingEntryLines"])}
    booked = {eid for eid in exportable if kinds[eid] not in NOT_EXPORTABLE | BY_HAND} - uncategorised
    assert booked and {k for k in kinds.values()} & NOT_EXPORTABLE and {k for k in kinds.values()} & BY_HAND

    engine = make_engine(store, conn)
    summary = engine.export_month(MONTH)

    # Every exportable expense once, nothing else.
    by_number = lex.vouchers_by_number()
    assert set(by_number) == {reference_for(e) for e in booked}
    assert all(len(v) == 1 for v in by_number.values())
    assert summary.exported == len(booked) and not summary.failed
    # The right type, category, tax and totals, to the cent.
    for eid in booked:
        v = by_number[reference_for(eid)][0]
        gross = Decimal(sb.pleo.export_item(eid)["amount"]["inWalletCurrency"]["value"]) / 100
        assert v["type"] == ("purchaseinvoice" if gross > 0 else "purchasecreditnote"), eid
        items = {(i["categoryId"], i["taxRatePercent"]): (i["amount"], i["taxAmount"]) for i in v["voucherItems"]}
        assert items == _expected_items(sb, conn, store, eid), eid
        assert v["totalGrossAmount"] == abs(gross)
        assert v["totalTaxAmount"] == sum(t for _a, t in items.values())
        assert v["voucherStatus"] == ("unchecked" if any(
            (ln.get("tax") or {}).get("type") == "reverse" for ln in sb.pleo.export_item(eid)["accountingEntryLines"])
            else "open")
    # Receipts: on their voucher, every file Pleo has (one copy of identical files, as lexoffice keeps them;
    # those over 5 MB reported, not attached).
    records = store.get_records(conn.id)
    attached = 0
    for eid in booked:
        files = lex.files_of(by_number[reference_for(eid)][0]["id"])
        pleo_files = sb.pleo.export_item(eid).get("files") or []
        rows = [r for r in store.receipts_for(eid) if r.status == "downloaded"]
        assert {hashlib.sha256(f["data"]).hexdigest() for f in files} == {r.sha256 for r in rows}, eid
        assert len(rows) == sum(1 for f in pleo_files if int(f["size"]) <= 5_000_000)
        attached += len(files)
        if len(rows) < len(pleo_files):
            assert records[eid].receipts_status == "incomplete"
            assert any("at most 5 MB" in (r.error or "") for r in store.receipts_for(eid))
    assert attached > 0 and lex.calls("POST", "/v1/files") == 0
    # Reimbursements: skipped with the reason, told to Pleo as not exportable; top-ups left to the bookkeeper.
    for eid, kind in kinds.items():
        if kind in NOT_EXPORTABLE:
            assert records[eid].status == "skipped" and REIMBURSEMENT_REASON in (records[eid].error_title or "")
            assert sb.pleo.entry(eid).export_status == "QUEUED"
            item = next(i for j in sb.pleo.jobs for i in sb.pleo.job_items(j["id"]) if i["accountingEntryId"] == eid)
            assert item["status"] == "failed" and "Privatauslagen" in item["failureReason"]
        elif kind in BY_HAND:
            assert records[eid].status == "skipped" and sb.pleo.entry(eid).export_status == "EXPORTED"
    assert summary.skipped[REIMBURSEMENT_REASON] == sum(1 for k in kinds.values() if k in NOT_EXPORTABLE)
    assert summary.skipped[WALLET_REASON] == sum(1 for k in kinds.values() if k in BY_HAND)
    # The run result links every voucher.
    assert len(summary.ledger_links) == len(booked)
    assert all("/permalink/vouchers/view/" in url for _ref, url in summary.ledger_links)

    # Export again: nothing new in Lexware Office.
    calls = len(lex.requests)
    again = engine.export_month(MONTH)
    assert again.exported == 0 and lex.vouchers_by_number() == by_number
    assert len(lex.requests) - calls < 10

    # The feed: the card lines of the month in a statement file; top-ups and reimbursements not.
    provider = make_provider(conn)
    provider.feed_folder = tmp_path / "statements"
    fed = run_feed(store, store.get_connection(conn.id), engine.pleo, provider,
                   now=datetime(2026, 9, 1, 8, tzinfo=timezone.utc))
    assert fed.pushed > 0 and WALLET_REASON in fed.skipped
    text = "".join(p.read_text(encoding="utf-8-sig") for p in (tmp_path / "statements").glob("*.csv"))
    for eid, kind in kinds.items():
        if kind in BY_HAND | {"direct_reimbursement"}:
            assert f"PLEO-{eid}" not in text


def test_preview_says_what_is_skipped_and_what_lexware_office_does_not_take(world):
    from pleodesk.core.engine import preview_month

    sb, lex, store, conn = world
    provider = make_provider(conn)
    kinds = {eid: sb.pleo.export_item(eid)["type"] for eid in sb.pleo.exportable_entry_ids(MONTH)}
    refused = sum(1 for k in kinds.values() if k in NOT_EXPORTABLE)
    by_hand = sum(1 for k in kinds.values() if k in BY_HAND)
    assert refused and by_hand
    partials = []
    p = preview_month(store, conn, make_engine(store, conn).pleo, provider, MONTH, progress=partials.append)
    # Each expense Lexware Office does not take is counted once, under its reason, and nowhere else.
    assert p["count"] == len(kinds)
    assert p["would_refuse"] == {REIMBURSEMENT_REASON: refused}
    assert p["would_skip"] == {WALLET_REASON: by_hand}
    assert p["wallet_count"] == 0 and p["wallet_moves"] == {}
    assert p["spend_count"] + p["would_hold_total"] == len(kinds) - refused - by_hand
    assert not any("reimburse" in msg.lower() or "out-of-pocket" in msg.lower() for msg in p["would_hold"])
    # The partial previews carry the same keys while Pleo's pages come in.
    assert all("would_refuse" in q and q["partial"] for q in partials)
    assert lex.vouchers() == []
