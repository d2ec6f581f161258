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
