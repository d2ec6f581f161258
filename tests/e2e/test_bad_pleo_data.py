"""Bad data from Pleo fails one item, never the run or the queue; the journal file never loses a booked
entry. Each test runs the ``pleodesk`` command against the sandbox, with the emulator sending one entry
as bad data would come (``PleoState.send_as_is``), and checks Pleo's job, the journal and the store."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from pleodesk.cli import EXIT_FAILED, EXIT_OK, main
from pleodesk.core.ledger import reference_for

from .conftest import MONTH, is_uncategorised, read_journal

HUGE_NOTE = ("A note typed into Pleo at length. " * 6100)[:200_000]


def _bookable(sb, n=1, *, of=None):
    ids = [e for e in (of or sb.pleo.exportable_entry_ids(MONTH)) if not is_uncategorised(sb, e)]
    assert len(ids) >= n
    return ids[:n] if n > 1 else ids[0]


def _items(sb, job):
    return {i["accountingEntryId"]: i for i in sb.pleo.job_items(job["id"])}


def _assert_fails_alone(demo, bad, reason_part):
    sb = demo.sandbox
    (job,) = sb.pleo.jobs
    assert job["status"] == "completed_with_errors"
    items = _items(sb, job)
    assert items[bad]["status"] == "failed"
    assert items[bad]["failureReasonType"] == "validation_failure"
    assert reason_part in items[bad]["failureReason"]
    assert not [e for e, i in items.items() if i["status"] in ("pending", "in_progress")]
    blocks = read_journal(demo.journal)
    assert reference_for(bad) not in blocks
    good = [e for e in items if e != bad and not is_uncategorised(sb, e)]
    assert good and all(items[e]["status"] == "successful" for e in good)
    assert {reference_for(e) for e in good} <= set(blocks)
    rec = demo.store.get_records(demo.conn.id, [bad])[bad]
    assert rec.status == "failed" and reason_part in rec.error_title


@pytest.mark.parametrize("amount", [2**63, -(2**63) - 1, 10**15 + 1])
def test_an_amount_beyond_the_bound_fails_alone_and_the_job_completes(demo, capsys, amount):
    """2**63 minor units stopped every run with an OverflowError from the store: the job's items stayed
    "exporting" in Pleo and the job open, run after run."""
    sb = demo.sandbox
    bad = _bookable(sb)
    sb.pleo.send_as_is(bad, amount=amount)
    code = main(["export", "--month", MONTH])
    out = capsys.readouterr()
    assert "Traceback" not in out.err and "OverflowError" not in out.err
    assert code == EXIT_FAILED                          # one item failed, with its reason; the job is done
    _assert_fails_alone(demo, bad, "beyond the largest amount pleodesk takes")
    assert demo.store.get_pleo_item(bad) is None
    assert main(["queue"]) == EXIT_OK                   # nothing left open: the next run is quiet
    assert len(sb.pleo.jobs) == 1


@pytest.mark.parametrize("field", ["currency", "sup_currency"])
@pytest.mark.parametrize("code", ["XYZ", "=1+"])
def test_a_currency_that_is_not_iso_4217_fails_alone(demo, capsys, field, code):
    sb = demo.sandbox
    bad = _bookable(sb)
    sb.pleo.send_as_is(bad, **{field: code})
    main(["export", "--month", MONTH])
    capsys.readouterr()
    _assert_fails_alone(demo, bad, f"the currency '{code}' is not an ISO 4217 currency code")
    assert code not in demo.journal.read_text(encoding="utf-8")


def test_the_booking_date_is_the_date_pleo_shows(demo, capsys):
    """Pleo's timestamp with an offset: 00:30 on 1 August at +02:00 is booked on 1 August (its UTC date
    is 31 July) and 23:30 on 31 August at -05:00 on 31 August (UTC: 1 September). "Export a month" takes
    them in August, and leaves out an expense of 1 September that is still 31 August in UTC."""
    sb = demo.sandbox
    first, last, september = _bookable(sb, 3)
    sb.pleo.send_as_is(first, booked_at=datetime(2026, 8, 1, 0, 30, tzinfo=timezone(timedelta(hours=2))))
    sb.pleo.send_as_is(last, booked_at=datetime(2026, 8, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5))))
    sb.pleo.send_as_is(september, booked_at=datetime(2026, 9, 1, 0, 30, tzinfo=timezone(timedelta(hours=2))))
    assert sb.pleo.export_item(first)["date"] == "2026-08-01T00:30:00+02:00"
    main(["export", "--month", MONTH])
    capsys.readouterr()
    blocks = read_journal(demo.journal)
    assert {r["date"] for r in blocks[reference_for(first)][0]} == {"2026-08-01"}
    assert {r["date"] for r in blocks[reference_for(last)][0]} == {"2026-08-31"}
    assert reference_for(september) not in blocks
    (job,) = sb.pleo.jobs
    assert september not in _items(sb, job)
    assert september in sb.pleo.exportable_entry_ids()  # still waiting in Pleo, for September
    main(["export", "--month", "2026-09"])
    capsys.readouterr()
    blocks = read_journal(demo.journal)
    assert {r["date"] for r in blocks[reference_for(september)][0]} == {"2026-09-01"}
    assert demo.store.pleo_item_ids_for_month(sb.pleo.company_id, "2026-09") == [september]
    assert first in demo.store.pleo_item_ids_for_month(sb.pleo.company_id, MONTH)


@pytest.mark.parametrize("booked_at", [
    datetime(1, 1, 1, tzinfo=timezone.utc),
    datetime(9999, 12, 31, tzinfo=timezone.utc),
    datetime(1999, 12, 31, 23, tzinfo=timezone.utc),
])
def test_an_absurd_booking_date_fails_alone(demo, capsys, booked_at):
    """Year 1 was booked as 0001-01-01. An expense Pleo queued with such a date fails with the reason."""
    sb = demo.sandbox
    ids = sb.pleo.exportable_entry_ids(MONTH)[:8]
    bad = _bookable(sb, of=ids)
    sb.pleo.send_as_is(bad, booked_at=booked_at)
    sb.pleo.create_job_as_user(ids)
    main(["queue"])
    capsys.readouterr()
    _assert_fails_alone(demo, bad, "is not a date pleodesk books")


def test_a_huge_note_on_the_last_entry_survives_the_next_export(demo, capsys):
    """A note of 200,000 characters, then any later export: journal.csv was cut back to the entries
    before it, while the store and Pleo said exported, so it was never sent again."""
    sb = demo.sandbox
    ids = sb.pleo.exportable_entry_ids(MONTH)
    noted = _bookable(sb)
    sb.pleo.send_as_is(noted, note=HUGE_NOTE)
    sb.pleo.create_job_as_user([noted])
    assert main(["queue"]) == EXIT_OK
    capsys.readouterr()
    size = demo.journal.stat().st_size
    assert size > 200_000
    main(["export", "--month", MONTH])                  # the rest of the month, appended after it
    capsys.readouterr()
    assert demo.journal.stat().st_size > size
    blocks = read_journal(demo.journal)
    (block,) = blocks[reference_for(noted)]
    assert all(HUGE_NOTE in r["description"] for r in block)
    assert {reference_for(e) for e in ids if not is_uncategorised(sb, e)} == set(blocks)
    assert demo.store.get_records(demo.conn.id, [noted])[noted].status == "exported"


def test_a_cut_short_entry_recorded_as_exported_is_never_cut_away(demo, capsys):
    """The file lost the end of a booked entry (a sync tool, a restore gone wrong): the next export must
    not "repair" it by cutting the entry away for good. It stops, says so, and leaves the file as it is."""
    sb = demo.sandbox
    first, second = _bookable(sb, 2)
    sb.pleo.create_job_as_user([first])
    assert main(["queue"]) == EXIT_OK
    capsys.readouterr()
    data = demo.journal.read_bytes()
    demo.journal.write_bytes(data[:-40])                 # the last row of the entry, cut short
    damaged = demo.journal.read_bytes()
    sb.pleo.create_job_as_user([second])
    code = main(["queue"])
    out = capsys.readouterr()
    assert code == EXIT_FAILED
    assert "journal.csv is damaged" in out.out + out.err
    assert demo.journal.read_bytes() == damaged
    assert demo.store.get_records(demo.conn.id, [first])[first].status == "exported"
    assert demo.store.get_records(demo.conn.id, [second])[second].status != "exported"


def test_the_preview_takes_the_same_expenses_as_the_export(demo, capsys):
    """The preview of a month reads Pleo's accounting entries: it counts by the same booking date as the
    export, and an entry it cannot read is counted as one that would not go, instead of failing it."""
    sb = demo.sandbox
    first, september, bad = _bookable(sb, 3)
    sb.pleo.send_as_is(first, booked_at=datetime(2026, 8, 1, 0, 30, tzinfo=timezone(timedelta(hours=2))))
    sb.pleo.send_as_is(september, booked_at=datetime(2026, 9, 1, 0, 30, tzinfo=timezone(timedelta(hours=2))))
    sb.pleo.send_as_is(bad, currency="XYZ")
    assert main(["export", "--month", MONTH, "--dry-run", "--json"]) == EXIT_OK
    preview = json.loads(capsys.readouterr().out)
    assert [n for msg, n in preview["would_hold"].items() if "'XYZ' is not an ISO 4217 currency code" in msg] == [1]
    main(["export", "--month", MONTH])
    capsys.readouterr()
    (job,) = sb.pleo.jobs
    items = _items(sb, job)
    assert preview["count"] == job["numberOfItems"] == len(items)
    assert first in items and september not in items and items[bad]["status"] == "failed"


def test_a_scheduled_daily_sync_takes_the_expenses_booked_on_its_day(demo):
    """A scheduled sync's period is a range of booking dates, like a month."""
    from datetime import date

    from pleodesk.connections import make_engine
    from pleodesk.core.schedule import Period

    sb = demo.sandbox
    first, second = _bookable(sb, 2)
    plus2 = timezone(timedelta(hours=2))
    sb.pleo.send_as_is(first, booked_at=datetime(2026, 8, 1, 0, 30, tzinfo=plus2))    # UTC: 31 July
    sb.pleo.send_as_is(second, booked_at=datetime(2026, 8, 2, 0, 30, tzinfo=plus2))   # UTC: 1 August
    period = Period(date(2026, 8, 1), date(2026, 8, 1))
    engine = make_engine(demo.store, demo.store.get_connection(demo.conn.id))
    summary = engine.export_range(*period.bounds(), period.label, trigger="scheduled", kind="sync")
    (job,) = sb.pleo.jobs
    assert set(_items(sb, job)) == {first} and summary.exported == 1
    (block,) = read_journal(demo.journal)[reference_for(first)]
    assert {r["date"] for r in block} == {"2026-08-01"}
