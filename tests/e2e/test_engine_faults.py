"""The engine when something breaks at one particular step: what Pleo's job, the journal and the store
hold afterwards, and after the run that resumes."""

from __future__ import annotations

from pleodesk.cli import EXIT_HELD, EXIT_OK, main
from pleodesk.core.ledger import reference_for
from pleodesk.providers.pleo import PleoClient, PleoUnavailable

from .conftest import MONTH, is_uncategorised, read_journal


def test_a_job_resumed_after_its_completion_was_lost_still_reports_its_failed_items(demo, capsys, monkeypatch):
    """Every item was reported (some failed), then the completion event did not reach Pleo. The run that
    resumes the job has nothing left to send, but the job has failed items: completed_with_errors."""
    sb = demo.sandbox
    held = {e for e in sb.pleo.exportable_entry_ids(MONTH) if is_uncategorised(sb, e)}
    assert held, "the demo month holds expenses without a category"
    real = PleoClient.job_event

    def lose_completion(self, job_id, event, **kw):
        if event in ("completed", "completed_with_errors"):
            raise PleoUnavailable(503, None, "Pleo is temporarily unavailable; try again in a few minutes.")
        return real(self, job_id, event, **kw)

    monkeypatch.setattr(PleoClient, "job_event", lose_completion)
    main(["export", "--month", MONTH])
    capsys.readouterr()
    (job,) = sb.pleo.jobs
    assert job["status"] == "in_progress"
    assert {i["status"] for i in sb.pleo.job_items(job["id"])} == {"successful", "failed"}

    monkeypatch.setattr(PleoClient, "job_event", real)
    assert main(["queue"]) in (EXIT_OK, EXIT_HELD)
    capsys.readouterr()
    assert sb.pleo.job(job["id"])["status"] == "completed_with_errors"
    items = {i["accountingEntryId"]: i for i in sb.pleo.job_items(job["id"])}
    assert {eid for eid, i in items.items() if i["status"] == "failed"} == held
    assert all(len(b) == 1 for b in read_journal(demo.journal).values())
    assert not {reference_for(e) for e in held} & set(read_journal(demo.journal))


def test_one_export_item_pleo_sends_malformed_fails_alone_and_the_job_completes(demo, capsys, monkeypatch):
    """An item without a bookkeeping date cannot be stored or booked: it fails with a reason, the rest
    of the job is exported and the job is completed, instead of the job staying claimed for ever."""
    from pleodesk.sandbox.pleo_emulator import PleoState

    sb = demo.sandbox
    exportable = sb.pleo.exportable_entry_ids(MONTH)
    bad = next(e for e in exportable if not is_uncategorised(sb, e))
    real = PleoState._export_item

    def without_date(self, e, vbb):
        item = real(self, e, vbb)
        if item["accountingEntryId"] == bad:
            del item["date"]
        return item

    monkeypatch.setattr(PleoState, "_export_item", without_date)
    main(["export", "--month", MONTH])
    capsys.readouterr()
    (job,) = sb.pleo.jobs
    assert job["status"] == "completed_with_errors"
    items = {i["accountingEntryId"]: i for i in sb.pleo.job_items(job["id"])}
    assert items[bad]["status"] == "failed"
    assert items[bad]["failureReasonType"] == "validation_failure"
    blocks = read_journal(demo.journal)
    assert reference_for(bad) not in blocks
    good = [e for e in exportable if e != bad and not is_uncategorised(sb, e)]
    assert {reference_for(e) for e in good} == set(blocks)
    assert all(items[e]["status"] == "successful" for e in good)
    assert demo.store.get_records(demo.conn.id, [bad])[bad].status == "failed"


def test_receipts_of_an_entry_found_after_an_unknown_outcome_are_attached(demo, capsys, monkeypatch):
    """A ledger that takes receipts in a call of their own (not with the entry): the entry was created
    but its answer was lost. The next run finds the entry by reference; its receipts must still reach
    the ledger, not be forgotten because the entry was never "sent" by that run."""
    from dataclasses import replace

    from pleodesk.providers.base import LedgerError, SendResult
    from pleodesk.providers.journal_file import JournalFileProvider

    sb = demo.sandbox
    with_receipts = [e for e in sb.pleo.exportable_entry_ids(MONTH)
                     if not is_uncategorised(sb, e) and sb.pleo.export_item(e)["files"]]
    assert with_receipts, "the demo month has receipts"
    lost = with_receipts[0]
    real = JournalFileProvider.send_batch

    def entry_only_and_lose_one_answer(self, entries):
        results = real(self, [replace(e, receipts=()) for e in entries])
        return [SendResult(r.expense_id, error=LedgerError("The answer was lost", retryable=True,
                                                           reason_type="accounting_system_timeout"))
                if r.expense_id == lost else r for r in results]

    monkeypatch.setattr(JournalFileProvider, "send_batch", entry_only_and_lose_one_answer)
    main(["export", "--month", MONTH])
    capsys.readouterr()
    assert demo.store.get_records(demo.conn.id, [lost])[lost].status == "sending"
    receipts_dir = demo.folder / "receipts" / reference_for(lost)
    assert not receipts_dir.exists() or not any(receipts_dir.iterdir())

    monkeypatch.setattr(JournalFileProvider, "send_batch", real)
    main(["export", "--month", MONTH])
    capsys.readouterr()
    rec = demo.store.get_records(demo.conn.id, [lost])[lost]
    assert rec.status == "exported"
    assert len(read_journal(demo.journal)[reference_for(lost)]) == 1
    assert len(list(receipts_dir.iterdir())) == len(sb.pleo.export_item(lost)["files"])
    assert rec.receipts_status == "done"


def test_a_run_interrupted_by_ctrl_c_is_not_recorded_as_ok(demo, capsys, monkeypatch):
    import pytest

    from pleodesk.connections import make_engine
    from pleodesk.providers.journal_file import JournalFileProvider

    def interrupted(self, entries):
        raise KeyboardInterrupt

    monkeypatch.setattr(JournalFileProvider, "send_batch", interrupted)
    conn = demo.store.get_connection(demo.conn.id)
    with pytest.raises(KeyboardInterrupt):
        make_engine(demo.store, conn).export_month(MONTH)
    run = demo.store.list_runs(conn.id, limit=1)[0]
    assert run.status == "cancelled"
    assert not read_journal(demo.journal)
    assert demo.sandbox.pleo.jobs[0]["status"] == "in_progress"     # resumed by the next run


def test_a_feed_interrupted_by_ctrl_c_is_not_recorded_as_ok(demo, monkeypatch):
    from datetime import datetime, timezone

    import pytest

    from pleodesk.connections import make_pleo_client, make_provider
    from pleodesk.core.feed import run_feed
    from pleodesk.providers.journal_file import JournalFileProvider

    def interrupted(self, lines):
        raise KeyboardInterrupt

    monkeypatch.setattr(JournalFileProvider, "push_feed", interrupted)
    conn = demo.store.get_connection(demo.conn.id)
    with pytest.raises(KeyboardInterrupt):
        run_feed(demo.store, conn, make_pleo_client(conn), make_provider(conn),
                 now=datetime(2026, 10, 1, 8, 0, tzinfo=timezone.utc))
    run = demo.store.list_runs(conn.id, limit=1)[0]
    assert run.kind == "feed" and run.status == "cancelled"


def test_a_receipt_pleo_could_not_deliver_is_fetched_again_and_attached_by_a_later_run(demo, capsys, monkeypatch):
    """A receipt's download from Pleo fails: the entry is booked without it, and the receipt stays owed.
    It shows in Problems while it keeps failing; a later run, after the export item's link expired,
    gets a fresh link from Pleo and attaches it. The entry itself is never sent again."""
    from pathlib import Path

    from pleodesk.connections import make_provider
    from pleodesk.providers.pleo import ReceiptError
    from pleodesk.ui.jobs import Job, analyse_problems, execute

    sb = demo.sandbox
    target = next(e for e in sb.pleo.exportable_entry_ids(MONTH)
                  if not is_uncategorised(sb, e) and len(sb.pleo.export_item(e)["files"]) >= 1)
    n_files = len(sb.pleo.export_item(target)["files"])
    receipts_dir = demo.folder / "receipts" / reference_for(target)
    real = PleoClient.download

    def unreachable_for_target(self, url, dest, **kw):
        if Path(dest).parent.name == target:
            raise ReceiptError(None, "RECEIPT_DOWNLOAD_FAILED", "The connection broke while downloading a "
                                                                "receipt from Pleo; try again.")
        return real(self, url, dest, **kw)

    monkeypatch.setattr(PleoClient, "download", unreachable_for_target)
    main(["export", "--month", MONTH])
    out = capsys.readouterr().out
    assert "could not be downloaded" in out
    rec = demo.store.get_records(demo.conn.id, [target])[target]
    assert rec.status == "exported" and rec.receipts_status == "failed"
    assert not receipts_dir.exists() or not any(receipts_dir.iterdir())
    (job,) = sb.pleo.jobs
    assert {i["accountingEntryId"]: i for i in sb.pleo.job_items(job["id"])}[target]["status"] == "successful"

    def receipt_problems():
        provider = make_provider(demo.conn)
        try:
            return {e for g in analyse_problems(demo.store, demo.conn, provider) if g.cause == "receipt"
                    for e in g.expense_ids}
        finally:
            provider.close()

    assert target in receipt_problems()

    # still failing at the next run: still owed, still a receipt problem, the entry not sent again
    main(["queue"])
    capsys.readouterr()
    assert demo.store.get_records(demo.conn.id, [target])[target].receipts_status == "failed"
    assert target in receipt_problems()
    assert len(read_journal(demo.journal)[reference_for(target)]) == 1

    # a day later (the export item's links expired) Pleo delivers: Retry in Problems attaches it
    sb.pleo.advance(25 * 3600)
    monkeypatch.setattr(PleoClient, "download", real)
    result = execute(demo.store, Job("retry", demo.conn.id, params={"expense_ids": [target]}))
    assert result.status != "failed", result.message
    rec = demo.store.get_records(demo.conn.id, [target])[target]
    assert rec.status == "exported" and rec.receipts_status == "done"
    assert len(list(receipts_dir.iterdir())) == n_files
    assert target not in receipt_problems()
    assert len(read_journal(demo.journal)[reference_for(target)]) == 1
    assert len(sb.pleo.jobs) == 1
    assert sb.pleo.entry(target).export_status == "EXPORTED"
