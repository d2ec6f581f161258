"""End to end through the command line: sandbox + setup + export of a demo month to the journal file."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from pleodesk.cli import EXIT_FAILED, EXIT_HELD, EXIT_OK, EXIT_USAGE, main
from pleodesk.core.ledger import reference_for
from pleodesk.core.money import Money

from .conftest import MONTH, block_balance, is_uncategorised, read_journal

CONTRA_ACCOUNTS = {"1100", "1610", "1620", "1700"}


def _item_gross(sb, eid) -> Decimal:
    amount = sb.pleo.export_item(eid)["amount"]["inWalletCurrency"]
    return Money.from_minor(amount["value"], amount["currency"]).amount


def _has_category(sb, eid) -> bool:
    return not is_uncategorised(sb, eid)


def test_export_month_books_every_mapped_expense_once(demo, capsys):
    sb = demo.sandbox
    exportable = sb.pleo.exportable_entry_ids(MONTH)
    assert len(exportable) > 40
    uncategorised = {e for e in exportable if not _has_category(sb, e)}

    rc = main(["export", "--month", MONTH])
    out = capsys.readouterr()
    assert rc == (EXIT_HELD if uncategorised else EXIT_OK), out.err
    assert "exported" in out.out

    blocks = read_journal(demo.journal)
    expected = {reference_for(e) for e in exportable if e not in uncategorised}
    assert set(blocks) == expected
    for ref, entry_blocks in blocks.items():
        assert len(entry_blocks) == 1, f"{ref} booked twice"
        block = entry_blocks[0]
        assert block_balance(block) == 0, f"{ref} does not balance"
        assert len(block) == int(block[0]["entry_lines"])
        # the contra posting (always the entry's last line) carries exactly the expense's gross amount
        last = block[-1]
        assert last["account"] in CONTRA_ACCOUNTS
        contra = Decimal(last["credit"]) - Decimal(last["debit"])
        assert contra == _item_gross(sb, ref.removeprefix("PLEO-"))

    # Pleo's job and items end with the right statuses
    job = sb.pleo.jobs[-1]
    assert job["status"] == ("completed_with_errors" if uncategorised else "completed")
    items = {i["accountingEntryId"]: i for i in sb.pleo.job_items(job["id"])}
    for eid in exportable:
        if eid in uncategorised:
            assert items[eid]["status"] == "failed"
            assert items[eid]["failureReasonType"] == "account_unknown"
        else:
            assert items[eid]["status"] == "successful"
            assert items[eid]["externalId"] == reference_for(eid)
            assert sb.pleo.entry(eid).export_status == "EXPORTED"

    # the store agrees
    counts = demo.store.counts_by_status(demo.conn.id)
    assert counts["exported"] == len(expected)
    assert counts["held"] == len(uncategorised)
    assert counts["sending"] == 0

    # a second run exports nothing new
    before = demo.journal.read_bytes()
    rc2 = main(["export", "--month", MONTH])
    capsys.readouterr()
    assert rc2 in (EXIT_OK, EXIT_HELD)
    assert demo.journal.read_bytes() == before


def test_unmapped_category_is_held_and_the_rest_goes_through(demo, capsys):
    sb = demo.sandbox
    demo.store.delete_mapping(demo.conn.id, "category", "4010")   # Taxi
    exportable = sb.pleo.exportable_entry_ids(MONTH)
    taxi = {e for e in exportable
            if any((ln.get("account") or {}).get("code") == "4010"
                   for ln in sb.pleo.export_item(e)["accountingEntryLines"])}
    assert taxi, "the demo month should have taxi expenses"

    rc = main(["export", "--month", MONTH, "--json"])
    out = capsys.readouterr()
    assert rc == EXIT_HELD
    summary = json.loads(out.out)[0]
    held = {h["source"]: h for h in summary["held"]}
    assert held["4010"]["kind"] == "category_unmapped"
    assert held["4010"]["expenses"] == len(taxi)
    assert "Taxi" in held["4010"]["message"]

    blocks = read_journal(demo.journal)
    assert not {reference_for(e) for e in taxi} & set(blocks), "nothing is sent for held expenses"
    assert summary["counts"]["exported"] == len(blocks) > 0
    records = demo.store.get_records(demo.conn.id, taxi)
    assert {r.status for r in records.values()} == {"held"}
    assert all("Taxi" in r.error_title for r in records.values())

    # fixing the mapping and exporting again sends exactly the held ones
    demo.store.set_mapping(demo.conn.id, "category", "4010", "4010", target_tax="V9")
    rc2 = main(["export", "--month", MONTH])
    capsys.readouterr()
    blocks2 = read_journal(demo.journal)
    assert {reference_for(e) for e in taxi} <= set(blocks2)
    assert all(len(b) == 1 for b in blocks2.values())
    assert rc2 in (EXIT_OK, EXIT_HELD)


def test_dry_run_sends_nothing(demo, capsys):
    rc = main(["export", "--month", MONTH, "--dry-run", "--json"])
    out = capsys.readouterr()
    assert rc == EXIT_OK
    preview = json.loads(out.out)
    assert preview["count"] == len(demo.sandbox.pleo.exportable_entry_ids(MONTH))
    assert not demo.journal.exists() or read_journal(demo.journal) == {}
    assert demo.sandbox.pleo.jobs == []


@pytest.mark.parametrize("trouble", ["key refused", "unreachable"])
def test_dry_run_when_pleo_refuses_the_key_or_is_unreachable_is_one_clear_line(demo, capsys, monkeypatch, trouble):
    """The preview meets the same Pleo trouble as an export: one line saying what is wrong, no
    traceback, the same exit code as the export itself."""
    from pleodesk import connections

    real = connections.make_pleo_client

    def without_waiting(conn):
        client = real(conn)
        client._sleep = lambda seconds: None       # Pleo's retries, without the backoff
        return client

    monkeypatch.setattr(connections, "make_pleo_client", without_waiting)
    if trouble == "key refused":
        demo.sandbox.pleo.revoke_api_key()
    else:
        demo.sandbox.faults.inject("/pleo/", "503", count=10_000)

    rc = main(["export", "--month", MONTH, "--dry-run"])
    out = capsys.readouterr()
    assert rc == EXIT_FAILED
    assert out.out == ""
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Pleo: "), out.err
    assert "Traceback" not in out.err
    if trouble == "key refused":
        assert "API key" in lines[0]
    else:
        assert "unavailable" in lines[0].lower() or "reach" in lines[0].lower(), lines[0]

    assert main(["export", "--month", MONTH]) == rc        # the export itself says the same
    capsys.readouterr()
    assert demo.store.counts_by_status(demo.conn.id).get("exported", 0) == 0
    assert not read_journal(demo.journal)


@pytest.mark.parametrize("month", ["2026-13", "26-08", "August", "2026-8x"])
def test_bad_month_is_one_clear_line_and_changes_nothing(demo, capsys, month):
    rc = main(["export", "--month", month])
    err = capsys.readouterr().err
    assert rc == EXIT_USAGE
    assert "YYYY-MM" in err and len(err.strip().splitlines()) == 1
    assert demo.sandbox.pleo.jobs == []


def test_revoked_pleo_key_fails_clearly_and_changes_nothing(demo, capsys):
    demo.sandbox.pleo.revoke_api_key()
    rc = main(["export", "--month", MONTH])
    err = capsys.readouterr().err
    assert rc == EXIT_FAILED
    assert "API key" in err
    assert demo.store.counts_by_status(demo.conn.id)["exported"] == 0
    assert not read_journal(demo.journal)


def test_unknown_connection_name(demo, capsys):
    rc = main(["export", "--month", MONTH, "--connection", "Nope"])
    assert rc == EXIT_USAGE
    assert "no connection named 'Nope'" in capsys.readouterr().err


def test_status_json_reports_counts(demo, capsys):
    main(["export", "--month", MONTH])
    capsys.readouterr()
    assert main(["status", "--json"]) == EXIT_OK
    status = json.loads(capsys.readouterr().out)
    (conn,) = status["connections"]
    assert conn["name"] == demo.conn.name
    assert conn["records"]["exported"] > 0
    assert conn["last_run"]["kind"] == "export_month"


def test_queue_processes_a_job_made_in_pleo(demo, capsys):
    sb = demo.sandbox
    ids = [e for e in sb.pleo.exportable_entry_ids(MONTH) if _has_category(sb, e)][:7]
    job = sb.pleo.create_job_as_user(ids)
    rc = main(["queue"])
    capsys.readouterr()
    assert rc == EXIT_OK
    assert sb.pleo.job(job["id"])["status"] == "completed"
    assert set(read_journal(demo.journal)) == {reference_for(e) for e in ids}
    # nothing left: a second pass does nothing
    assert main(["queue"]) == EXIT_OK
    assert "Nothing to do" in capsys.readouterr().out


def test_example_setup_file_works_against_the_sandbox(tmp_path, pleodesk_home, monkeypatch, capsys):
    """examples/journal-file.toml, pointed at a running sandbox, is accepted and saved by the CLI."""
    from pathlib import Path

    from pleodesk.sandbox.server import SandboxConfig, start_sandbox

    example = Path(__file__).resolve().parents[2] / "examples" / "journal-file.toml"
    with start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=20, seed=1)) as sb:
        text = example.read_text().replace("http://127.0.0.1:8765/pleo", sb.pleo_url)
        text = text.replace("~/pleodesk-demo-journal", str(tmp_path / "journal"))
        assert sb.company_id in text, "the example names the seed-1 demo company"
        setup = tmp_path / "setup.toml"
        setup.write_text(text)
        monkeypatch.setenv("PLEO_API_KEY", sb.api_key)
        assert main(["setup", "--file", str(setup)]) == EXIT_OK
        assert "Saved connection 'Demo Company (journal file)'" in capsys.readouterr().out
        monkeypatch.setenv("PLEO_API_KEY", "sbx_wrong")
        assert main(["setup", "--file", str(setup), "--check-only"]) == EXIT_USAGE
        assert "Pleo" in capsys.readouterr().err


def test_setup_file_problems_change_nothing(tmp_path, pleodesk_home, capsys):
    from pleodesk.storage import open_store

    bad = tmp_path / "bad.toml"
    bad.write_text('[connection]\nname = "X"\nsystem = "journal_file"\n[pleo]\nbase_url = "ftp://x"\n'
                   'company_id = "c"\napi_key_env = "NOPE"\n[journal_file]\nfolder = "/tmp/x"\n')
    assert main(["setup", "--file", str(bad)]) == EXIT_USAGE
    assert "base_url" in capsys.readouterr().err
    assert main(["setup", "--file", str(tmp_path / "missing.toml")]) == EXIT_USAGE
    assert "no setup file" in capsys.readouterr().err
    bad.write_text('[connection]\nname = "X"\nsystem = "journal_file"\n[pleo]\nbase_url = "http://127.0.0.1:9/pleo"\n'
                   'company_id = "c"\napi_key = "sbx_in_the_file"\n[journal_file]\nfolder = "/tmp/x"\n')
    assert main(["setup", "--file", str(bad)]) == EXIT_USAGE
    assert "do not write the Pleo API key in the file" in capsys.readouterr().err
    assert open_store().list_connections() == []


def test_pleo_outage_mid_run_is_recorded_as_failed_and_resumes(demo, capsys):
    sb = demo.sandbox
    # every export-items page fails: the job is claimed, then Pleo stops answering
    sb.faults.inject("/pleo/v3/export-items", "503", count=1000)
    rc = main(["export", "--month", MONTH])
    err = capsys.readouterr().err
    assert rc == EXIT_FAILED and "Pleo" in err
    run = demo.store.list_runs(demo.conn.id, limit=1)[0]
    assert run.status == "failed"
    assert [j["status"] for j in sb.pleo.jobs] == ["in_progress"]
    assert not read_journal(demo.journal)
    # Pleo is back: the same job is resumed (not claimed again) and finished
    sb.faults.clear()
    rc = main(["export", "--month", MONTH])
    capsys.readouterr()
    assert rc in (EXIT_OK, EXIT_HELD)
    assert sb.pleo.jobs[0]["status"] in ("completed", "completed_with_errors")
    assert read_journal(demo.journal)


def test_receipts_that_failed_are_attached_by_a_later_run(demo, capsys, monkeypatch):
    """A receipt that could not be attached never fails its entry, and the next run attaches it."""
    from pleodesk.providers.base import LedgerError
    from pleodesk.providers.journal_file import JournalFileProvider

    real = JournalFileProvider.upload_receipt

    def broken(self, found, path, mime, filename):
        raise LedgerError("The receipt store is full", retryable=False)

    monkeypatch.setattr(JournalFileProvider, "upload_receipt", broken)
    monkeypatch.setattr("pleodesk.core.engine.RECEIPT_ATTEMPTS", 1)
    main(["export", "--month", MONTH])
    capsys.readouterr()
    with_receipts = [r for r in demo.store.records_with_status(demo.conn.id, "exported")
                     if r.receipts_status == "failed"]
    assert with_receipts, "the demo month has receipts"
    assert not any(r.receipts_status == "done" for r in demo.store.records_with_status(demo.conn.id, "exported")
                   if r.expense_id in {x.expense_id for x in with_receipts})

    calls = []

    def counting(self, found, path, mime, filename):
        calls.append(found.ledger_id)
        return real(self, found, path, mime, filename)

    monkeypatch.setattr(JournalFileProvider, "upload_receipt", counting)
    main(["queue"])
    capsys.readouterr()
    after = demo.store.get_records(demo.conn.id, [r.expense_id for r in with_receipts])
    assert {r.receipts_status for r in after.values()} == {"done"}
    assert set(calls) == {r.ledger_id for r in with_receipts}


def test_preview_totals_per_ledger_account_add_up(demo, capsys):
    from decimal import Decimal

    rc = main(["export", "--month", MONTH, "--dry-run", "--json"])
    preview = json.loads(capsys.readouterr().out)
    assert rc == EXIT_OK
    by_ledger = {(a, t): Decimal(v) for a, t, v in preview["by_ledger"]}

    def total(key: str) -> Decimal:
        return sum((Decimal(v) for v in preview[key].values()), Decimal(0))

    # The total is the spend that will be exported: held expenses and wallet movements are apart.
    assert sum(by_ledger.values()) == total("totals") + total("wallet_moves") + total("held_totals")
    assert total("totals") > 0 and total("wallet_moves") != 0
    assert preview["spend_count"] + preview["wallet_count"] + sum(preview["would_hold"].values()) == \
        preview["count"]
    # reimbursement payouts are booked on the out-of-pocket account, not shown as unmapped
    reimbursements = [e for e in demo.sandbox.pleo.exportable_entry_ids(MONTH)
                      if demo.sandbox.pleo.entry(e).type in ("direct_reimbursement", "external_reimbursement")]
    if reimbursements:
        assert ("1610", "") in by_ledger
    held = by_ledger.get(("", ""), Decimal(0))
    uncategorised = [e for e in demo.sandbox.pleo.exportable_entry_ids(MONTH) if is_uncategorised(demo.sandbox, e)]
    assert (held != 0) == bool(uncategorised)


def test_an_entry_whose_outcome_is_unknown_is_looked_up_before_it_is_sent_again(demo, capsys, monkeypatch):
    """The ledger created the entry but its answer for it was lost: the next run finds it by reference
    instead of booking it a second time."""
    from pleodesk.providers.base import LedgerError, SendResult
    from pleodesk.providers.journal_file import JournalFileProvider

    real = JournalFileProvider.send_batch
    lost: list[str] = []

    def lose_one_answer(self, entries):
        results = real(self, entries)
        if lost:
            return results
        lost.append(results[0].expense_id)
        return [SendResult(results[0].expense_id, error=LedgerError("The answer was lost", retryable=True,
                                                                      reason_type="accounting_system_timeout"))
                ] + results[1:]

    monkeypatch.setattr(JournalFileProvider, "send_batch", lose_one_answer)
    assert main(["export", "--month", MONTH]) == EXIT_FAILED
    capsys.readouterr()
    assert demo.store.get_records(demo.conn.id, lost)[lost[0]].status == "sending"
    monkeypatch.setattr(JournalFileProvider, "send_batch", real)
    assert main(["export", "--month", MONTH]) in (EXIT_OK, EXIT_HELD)
    capsys.readouterr()
    blocks = read_journal(demo.journal)
    assert len(blocks[reference_for(lost[0])]) == 1, "booked once, not twice"
    assert demo.store.get_records(demo.conn.id, lost)[lost[0]].status == "exported"
    assert demo.sandbox.pleo.entry(lost[0]).export_status == "EXPORTED"


def test_preview_says_which_wallet_top_ups_will_be_skipped(demo, capsys):
    """With "ignore wallet top-ups" on, the preview lists them as skipped and leaves them out of the
    totals; the export then skips exactly those."""
    from decimal import Decimal

    pleo = demo.sandbox.pleo
    wallet = [e for e in pleo.exportable_entry_ids(MONTH) if pleo.entry(e).type in ("wallet_topup", "wallet_unload")]
    assert wallet, "the demo month has wallet top-ups"
    assert any(pleo.entry(e).family == "WALLET" and pleo.entry(e).type == "fee"
               for e in pleo.exportable_entry_ids(MONTH)), "and Pleo fees (family WALLET too), which are booked"
    main(["export", "--month", MONTH, "--dry-run", "--json"])
    before = json.loads(capsys.readouterr().out)
    assert before["would_skip"] == {}
    demo.store.update_connection(demo.conn.id, settings={"ignore_wallet_topups": True})
    main(["export", "--month", MONTH, "--dry-run", "--json"])
    after = json.loads(capsys.readouterr().out)
    assert after["would_skip"] == {"wallet top-ups and unloads are not exported (setting)": len(wallet)}
    def value(e):
        v = pleo._accounting_entry(pleo.entry(e))
        v = v.get("totalBillValue") or v["transactionValue"]
        return Decimal(v["minors"]) / 100

    moved = sum(value(e) for e in wallet)
    total = lambda p, key="totals": sum(Decimal(v) for v in p[key].values())   # noqa: E731
    # Wallet movements are never in the spend total; counted apart while they are exported.
    assert total(before) == total(after) and total(before, "wallet_moves") == moved
    assert after["wallet_moves"] == {} and before["wallet_count"] == len(wallet)
    main(["export", "--month", MONTH, "--json"])
    capsys.readouterr()
    skipped = demo.store.records_with_status(demo.conn.id, "skipped")
    assert sorted(r.expense_id for r in skipped) == sorted(wallet)


def test_setup_file_refuses_a_second_active_connection_for_the_same_pleo_company(tmp_path, pleodesk_home,
                                                                                  monkeypatch, capsys):
    """Pleo has one accounting integration per company: a second setup file for the same company under
    another name is refused, naming the connection that has it; deactivated, it may be saved."""
    from pathlib import Path

    from pleodesk.sandbox.server import SandboxConfig, start_sandbox
    from pleodesk.storage import open_store

    example = Path(__file__).resolve().parents[2] / "examples" / "journal-file.toml"
    with start_sandbox(SandboxConfig(months=[MONTH], expenses_per_month=5, seed=1)) as sb:
        text = example.read_text().replace("http://127.0.0.1:8765/pleo", sb.pleo_url)
        text = text.replace("~/pleodesk-demo-journal", str(tmp_path / "journal"))
        first, second = tmp_path / "first.toml", tmp_path / "second.toml"
        first.write_text(text)
        second.write_text(text.replace("Demo Company (journal file)", "Second books")
                          .replace(str(tmp_path / "journal"), str(tmp_path / "journal2")))
        monkeypatch.setenv("PLEO_API_KEY", sb.api_key)
        assert main(["setup", "--file", str(first)]) == EXIT_OK
        capsys.readouterr()
        for extra in (["--check-only"], []):
            assert main(["setup", "--file", str(second), *extra]) == EXIT_USAGE
            err = capsys.readouterr().err
            assert "already exported by the connection 'Demo Company (journal file)'" in err, err
        store = open_store()
        assert [c.name for c in store.list_connections()] == ["Demo Company (journal file)"]
        # Saving the same connection again is no conflict; once it is deactivated the second one may go.
        assert main(["setup", "--file", str(first)]) == EXIT_OK
        store.update_connection(store.get_connection("Demo Company (journal file)").id, active=False)
        store.close()
        assert main(["setup", "--file", str(second)]) == EXIT_OK


@pytest.mark.parametrize("via", ["command", "app"])
def test_with_the_database_lost_what_the_ledger_has_is_counted_as_already_there(demo, capsys, via):
    """The database is gone (deleted, or a new computer) but the journal is kept, and Pleo queues the
    month again: the export finds every expense in the ledger and sends nothing twice. It said
    "117 exported, 0 already in the ledger"; the summary, the JSON, the app's result and the history
    now count them as already in the ledger."""
    from pleodesk.demo import demo_plan
    from pleodesk.paths import database_path
    from pleodesk.setup_file import apply_plan
    from pleodesk.storage import open_store

    sb = demo.sandbox
    assert main(["export", "--month", MONTH]) in (EXIT_OK, EXIT_HELD)
    capsys.readouterr()
    booked = set(read_journal(demo.journal))
    assert len(booked) > 40
    before = demo.journal.read_bytes()

    demo.store.close()
    for suffix in ("", "-wal", "-shm"):
        database_path().with_name(database_path().name + suffix).unlink(missing_ok=True)
    store = open_store()
    conn = apply_plan(store, demo_plan(sb, demo.folder))
    sb.pleo.reset_exports()
    try:
        if via == "command":
            rc = main(["export", "--month", MONTH, "--json"])
            (summary,) = json.loads(capsys.readouterr().out)
            assert rc == EXIT_HELD
            counts, message = summary["counts"], summary["message"]
        else:
            from pleodesk.ui.jobs import Job, execute

            result = execute(store, Job("export_month", conn.id, params={"month": MONTH}))
            assert result.status == "partial", result.message
            counts, message = result.counts, result.message
        assert counts["exported"] == 0
        assert counts["already_exported"] == len(booked)
        assert message.startswith(f"0 exported, {len(booked)} already in the ledger"), message

        assert demo.journal.read_bytes() == before                  # nothing written twice
        (run,) = [r for r in store.list_runs(conn.id) if r.kind == "export_month"]
        assert (run.counts["exported"], run.counts["already_exported"]) == (0, len(booked))
        records = store.get_records(conn.id)
        found = {eid for eid, r in records.items() if r.status == "exported"}
        assert {reference_for(e) for e in found} == booked
        assert all(records[e].ledger_id == reference_for(e) for e in found)
        job = sb.pleo.jobs[-1]
        items = {i["accountingEntryId"]: i for i in sb.pleo.job_items(job["id"])}
        assert all(items[e]["status"] == "successful" and items[e]["externalId"] == reference_for(e) for e in found)
        assert len([a for a in store.list_audit(limit=1000) if a.action == "found_in_ledger"]) == len(booked)
    finally:
        store.close()


def test_the_text_summary_says_already_in_the_ledger(demo, capsys):
    """The same from the terminal's text summary."""
    from pleodesk.paths import database_path

    main(["export", "--month", MONTH])
    capsys.readouterr()
    booked = len(read_journal(demo.journal))
    demo.store.delete_connection(demo.conn.id)                      # its records go with it
    from pleodesk.demo import demo_plan
    from pleodesk.setup_file import apply_plan

    apply_plan(demo.store, demo_plan(demo.sandbox, demo.folder))
    demo.sandbox.pleo.reset_exports()
    assert database_path().exists()
    main(["export", "--month", MONTH])
    out = capsys.readouterr().out
    assert f": partial. 0 exported, {booked} already in the ledger" in out, out
