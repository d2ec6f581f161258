"""Pleo data, receipts, export records, runs, audit log, scheduler state and bank feed."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from pleodesk.core import clock
from pleodesk.providers.base import LedgerError
from pleodesk.storage import Problem, RecordRow, Store


# ---------------------------------------------------------------- pleo items -------------------
def test_upsert_and_get_pleo_items(store: Store, make_item) -> None:
    items = [make_item("e1"), make_item("e2", value=-500, kind="refund"), make_item("e3", company_id="c-2")]
    assert store.upsert_pleo_items(items, job_id="job-1") == 3
    assert store.get_pleo_item("e1") == items[0]
    assert store.get_pleo_item("nope") is None
    got = store.get_pleo_items(["e2", "e3", "nope", "e2"])
    assert got == {"e2": items[1], "e3": items[2]}


def test_upsert_pleo_items_replaces_and_keeps_job(store: Store, make_item) -> None:
    store.upsert_pleo_items([make_item("e1", note="first")], job_id="job-1")
    store.upsert_pleo_items([make_item("e1", note="second")])          # no job: job kept
    assert store.get_pleo_item("e1")["note"] == "second"
    store.upsert_pleo_items(iter([make_item("e1", note="third")]), job_id="job-2")
    assert store.get_pleo_item("e1")["note"] == "third"
    assert store.upsert_pleo_items([]) == 0


def test_upsert_pleo_items_malformed(store: Store, make_item) -> None:
    bad = make_item("e9")
    del bad["amount"]
    with pytest.raises(ValueError, match="e9"):
        store.upsert_pleo_items([make_item("e1"), bad])
    assert store.get_pleo_item("e9") is None


@pytest.mark.parametrize("value", [1250.5, "12.5", True])
def test_upsert_pleo_items_refuses_minor_units_that_are_not_whole(store: Store, make_item, value) -> None:
    bad = make_item("e9")
    bad["amount"]["inWalletCurrency"]["value"] = value
    with pytest.raises(ValueError, match="e9"):
        store.upsert_pleo_items([bad])
    assert store.get_pleo_item("e9") is None
    whole = make_item("e8")
    whole["amount"]["inWalletCurrency"]["value"] = 1250.0      # a JSON number with a zero fraction
    store.upsert_pleo_items([whole])
    assert store.get_pleo_item("e8") is not None


def test_pleo_item_ids_for_month(store: Store, make_item) -> None:
    store.upsert_pleo_items([
        make_item("feb-last", date="2026-02-28T23:59:59Z"),
        make_item("mar-2", date="2026-03-02T08:00:00Z"),
        make_item("mar-1", date="2026-03-01T00:00:00Z"),
        make_item("mar-cet", date="2026-03-31T23:30:00-01:00"),   # 2026-04-01 00:30 UTC, booked on 31 March
        make_item("apr-cest", date="2026-04-01T00:30:00+02:00"),  # 2026-03-31 22:30 UTC, booked on 1 April
        make_item("mar-end", date="2026-03-31T23:59:59.999Z"),
        make_item("other-co", company_id="c-2", date="2026-03-10T00:00:00Z"),
        make_item("dec", date="2026-12-31T12:00:00Z"),
    ])
    # by booking date: the date Pleo shows, in the offset its timestamp was sent with
    assert store.pleo_item_ids_for_month("c-1", "2026-03") == ["mar-1", "mar-2", "mar-cet", "mar-end"]
    assert store.pleo_item_ids_for_month("c-1", "2026-04") == ["apr-cest"]
    assert store.pleo_item_ids_for_month("c-1", "2026-12") == ["dec"]
    assert store.pleo_item_ids_for_month("c-2", "2026-03") == ["other-co"]
    with pytest.raises(ValueError):
        store.pleo_item_ids_for_month("c-1", "2026-13")


# ---------------------------------------------------------------- receipts ---------------------
def test_receipts(store: Store, tmp_path) -> None:
    store.upsert_receipt("e1", 1, url="https://f/2", mime="application/pdf", size=10, status="pending")
    r0 = store.upsert_receipt("e1", 0, url="https://f/1", mime="image/jpeg", size=2048, status="pending")
    assert (r0.expense_id, r0.position, r0.status, r0.local_path) == ("e1", 0, "pending", None)
    r0 = store.upsert_receipt("e1", 0, url="https://f/1", mime="image/jpeg", size=2048, status="downloaded",
                              local_path=tmp_path / "r.jpg", sha256="ab" * 32)
    assert (r0.status, r0.local_path, r0.sha256) == ("downloaded", str(tmp_path / "r.jpg"), "ab" * 32)
    store.upsert_receipt("e2", 0, url="https://f/3", mime="image/png", size=99_000_000, status="too_large",
                         error="larger than 20 MB")
    got = store.receipts_for("e1")
    assert [(r.position, r.status) for r in got] == [(0, "downloaded"), (1, "pending")]
    assert store.receipts_for("e2")[0].error == "larger than 20 MB"
    assert store.receipts_for("none") == []
    assert {k: len(v) for k, v in store.receipts_for_many(["e1", "e2", "e3"]).items()} == {"e1": 2, "e2": 1}
    with pytest.raises(ValueError):
        store.upsert_receipt("e1", 0, url="u", mime=None, size=None, status="lost")


# ---------------------------------------------------------------- export records ---------------
def test_ensure_records(store: Store, conn_id: int) -> None:
    got = store.ensure_records(conn_id, ["e1", "e2"])
    assert set(got) == {"e1", "e2"}
    r = got["e1"]
    assert isinstance(r, RecordRow)
    assert (r.status, r.attempts, r.job_id, r.receipts_status, r.pleo_reported) == \
        ("pending", 0, None, "none", False)

    store.mark_exported(conn_id, "e1", ledger_id="42")
    store.mark_reported(conn_id, ["e1"])
    got = store.ensure_records(conn_id, ["e1", "e3"])          # existing untouched
    assert got["e1"].status == "exported" and got["e1"].pleo_reported
    assert got["e3"].status == "pending"

    got = store.ensure_records(conn_id, ["e1", "e2"], job_id="job-7")   # job id set on all
    assert {k: (v.job_id, v.status) for k, v in got.items()} == {"e1": ("job-7", "exported"),
                                                                  "e2": ("job-7", "pending")}
    assert not got["e1"].pleo_reported       # a new job has not been told the outcome
    store.mark_reported(conn_id, ["e1"])
    assert store.ensure_records(conn_id, ["e1"], job_id="job-7")["e1"].pleo_reported   # same job: unchanged
    assert store.ensure_records(conn_id, []) == {}


def test_get_records(store: Store, conn_id: int) -> None:
    other = store.add_connection("Other", "xero").id
    store.ensure_records(conn_id, ["e1", "e2", "e3"])
    store.ensure_records(other, ["e1"])
    assert list(store.get_records(conn_id)) == ["e1", "e2", "e3"]
    assert set(store.get_records(conn_id, ["e2", "zz"])) == {"e2"}
    assert set(store.get_records(other)) == {"e1"}
    assert store.get_records(conn_id, []) == {}


def test_record_life_cycle(store: Store, conn_id: int) -> None:
    store.ensure_records(conn_id, ["e1", "e2"], job_id="j")
    store.mark_sending(conn_id, [("e1", "PLEO-e1", "idem-1"), ("e2", "PLEO-e2", "idem-2")])
    r = store.get_records(conn_id)["e1"]
    assert (r.status, r.reference, r.idempotency_key, r.attempts) == ("sending", "PLEO-e1", "idem-1", 1)

    store.mark_failed(conn_id, "e1", title="Odoo is unavailable", detail="502 Bad Gateway",
                      fix="Try again later.", reason_type="accounting_system_unavailable")
    r = store.get_records(conn_id)["e1"]
    assert (r.status, r.error_title, r.error_detail, r.error_fix, r.reason_type) == \
        ("failed", "Odoo is unavailable", "502 Bad Gateway", "Try again later.", "accounting_system_unavailable")

    store.mark_sending(conn_id, [("e1", "PLEO-e1", "idem-1")])
    r = store.get_records(conn_id)["e1"]
    assert (r.status, r.attempts, r.error_title) == ("sending", 2, None)

    at = datetime(2026, 3, 15, 9, 30, tzinfo=timezone.utc)
    store.mark_exported(conn_id, "e1", ledger_id="INV/2026/0042", ledger_url="https://acme.odoo.com/m/42",
                        exported_at=at)
    r = store.get_records(conn_id)["e1"]
    assert (r.status, r.ledger_id, r.ledger_url, r.exported_at, r.attempts, r.reference) == \
        ("exported", "INV/2026/0042", "https://acme.odoo.com/m/42", at, 2, "PLEO-e1")

    store.mark_pending(conn_id, ["e2"])      # "sending" that the ledger does not have
    r = store.get_records(conn_id)["e2"]
    assert (r.status, r.idempotency_key, r.attempts) == ("pending", "idem-2", 1)


def test_exported_at_defaults_to_now(store: Store, conn_id: int) -> None:
    before = clock.now()
    store.mark_exported(conn_id, "e1", ledger_id="1")
    r = store.get_records(conn_id)["e1"]
    assert before <= r.exported_at <= clock.now()
    assert r.exported_at.tzinfo is timezone.utc


def test_held_then_fixed(store: Store, conn_id: int) -> None:
    store.ensure_records(conn_id, ["e1"])
    store.mark_held(conn_id, "e1", title="Travel is not mapped", fix="Map the category Travel.",
                    reason_type="account_mapping_missing")
    r = store.get_records(conn_id)["e1"]
    assert (r.status, r.error_title, r.error_detail, r.error_fix, r.attempts) == \
        ("held", "Travel is not mapped", "", "Map the category Travel.", 0)
    store.mark_pending(conn_id, ["e1"])
    r = store.get_records(conn_id)["e1"]
    assert (r.status, r.error_title, r.reason_type) == ("pending", None, None)


def test_mark_skipped(store: Store, conn_id: int) -> None:
    store.mark_skipped(conn_id, "e1", "Wallet top-ups are not exported")
    r = store.get_records(conn_id)["e1"]
    assert (r.status, r.error_title) == ("skipped", "Wallet top-ups are not exported")


def test_batch_marks(store: Store, conn_id: int) -> None:
    ids = [f"e{i}" for i in range(2000)]
    store.ensure_records(conn_id, ids, job_id="j")
    store.mark_sending(conn_id, [(e, f"PLEO-{e}", f"k-{e}") for e in ids])
    store.mark_exported_many(conn_id, [(e, f"L{e}", None) for e in ids[:1000]])
    store.mark_failed_many(conn_id, {e: LedgerError("Rejected", "bad account", "Fix the account",
                                                    reason_type="accounting_system_validation_failure")
                                     for e in ids[1000:1500]})
    store.mark_held_many(conn_id, {e: Problem("No mapping", fix="Map it") for e in ids[1500:1900]})
    store.mark_skipped_many(conn_id, {e: "ignored" for e in ids[1900:]})
    assert store.counts_by_status(conn_id) == {"held": 400, "pending": 0, "sending": 0, "exported": 1000,
                                               "failed": 500, "skipped": 100}
    r = store.get_records(conn_id, ["e1200"])["e1200"]
    assert (r.error_title, r.error_detail, r.error_fix, r.reason_type) == \
        ("Rejected", "bad account", "Fix the account", "accounting_system_validation_failure")
    assert store.get_records(conn_id, ["e1600"])["e1600"].reason_type is None


def test_receipts_status_and_reported(store: Store, conn_id: int) -> None:
    store.ensure_records(conn_id, ["e1", "e2"], job_id="j")
    store.set_receipts_status(conn_id, "e1", "done")
    store.set_receipts_status_many(conn_id, ["e2"], "failed")
    recs = store.get_records(conn_id)
    assert (recs["e1"].receipts_status, recs["e2"].receipts_status) == ("done", "failed")
    with pytest.raises(ValueError):
        store.set_receipts_status(conn_id, "e1", "lost")

    store.mark_exported(conn_id, "e1", ledger_id="1")
    store.mark_failed(conn_id, "e2", title="x")
    assert [r.expense_id for r in store.unreported_records(conn_id, "j")] == ["e1", "e2"]
    store.mark_reported(conn_id, ["e1"])
    assert [r.expense_id for r in store.unreported_records(conn_id, "j")] == ["e2"]
    assert store.get_records(conn_id)["e1"].pleo_reported is True
    store.mark_reported(conn_id, ["e1"], reported=False)
    assert store.get_records(conn_id)["e1"].pleo_reported is False
    assert store.unreported_records(conn_id, "other-job") == []
    # a new outcome has not been reported yet
    store.mark_reported(conn_id, ["e1", "e2"])
    store.mark_exported(conn_id, "e2", ledger_id="2")
    assert [r.expense_id for r in store.unreported_records(conn_id, "j")] == ["e2"]


def test_unreported_skips_records_without_outcome(store: Store, conn_id: int) -> None:
    store.ensure_records(conn_id, ["e1", "e2", "e3"], job_id="j")
    store.mark_sending(conn_id, [("e2", "r", "k")])
    store.mark_held(conn_id, "e3", title="No mapping")
    assert [r.expense_id for r in store.unreported_records(conn_id, "j")] == ["e3"]
    assert [r.expense_id for r in store.unreported_records(conn_id, "j", statuses=("pending", "sending"))] == \
        ["e1", "e2"]


def test_records_with_status_and_counts(store: Store, conn_id: int) -> None:
    store.ensure_records(conn_id, ["e1", "e2", "e3", "e4"])
    store.mark_exported(conn_id, "e2", ledger_id="1")
    store.mark_failed(conn_id, "e3", title="x")
    assert [r.expense_id for r in store.records_with_status(conn_id, "pending")] == ["e1", "e4"]
    assert [r.expense_id for r in store.records_with_status(conn_id, "failed", "exported")] == ["e2", "e3"]
    assert len(store.records_with_status(conn_id)) == 4
    assert store.counts_by_status(conn_id) == {"held": 0, "pending": 2, "sending": 0, "exported": 1,
                                               "failed": 1, "skipped": 0}
    with pytest.raises(ValueError):
        store.records_with_status(conn_id, "lost")


def test_records_need_a_connection(store: Store) -> None:
    from pleodesk.storage import UnknownConnectionError
    with pytest.raises(UnknownConnectionError):
        store.ensure_records(777, ["e1"])
    with pytest.raises(UnknownConnectionError):
        store.mark_exported(777, "e1", ledger_id="1")


def test_naive_datetimes_refused(store: Store, conn_id: int) -> None:
    with pytest.raises(ValueError, match="aware"):
        store.mark_exported(conn_id, "e1", ledger_id="1", exported_at=datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="aware"):
        store.set_schedule_state("k", next_run_at=datetime(2026, 1, 1))
    assert store.get_records(conn_id) == {}
    assert store.get_schedule_state("k") == (None, None)


# ---------------------------------------------------------------- runs -------------------------
def test_runs(store: Store, conn_id: int) -> None:
    r1 = store.start_run(conn_id, "export_job", "manual", job_id="job-1")
    r2 = store.start_run(None, "sync", "scheduled")
    runs = store.list_runs()
    assert [r.id for r in runs] == [r2, r1]
    assert (runs[1].status, runs[1].ended_at, runs[1].job_id, runs[1].kind, runs[1].trigger) == \
        ("running", None, "job-1", "export_job", "manual")

    done = store.finish_run(r1, "partial", counts={"exported": 10, "failed": 2},
                            skip_reasons={"wallet_topup": 3}, message="2 expenses failed")
    assert (done.status, done.counts, done.skip_reasons, done.message) == \
        ("partial", {"exported": 10, "failed": 2}, {"wallet_topup": 3}, "2 expenses failed")
    assert done.ended_at >= done.started_at
    assert store.list_runs(conn_id) == [done]
    assert len(store.list_runs(limit=1)) == 1
    with pytest.raises(ValueError):
        store.start_run(conn_id, "export_job", "by magic")
    with pytest.raises(ValueError):
        store.finish_run(r1, "great")
    with pytest.raises(KeyError):
        store.finish_run(9999, "ok")


# ---------------------------------------------------------------- audit ------------------------
def test_audit(store: Store, conn_id: int) -> None:
    store.audit("connection.added", conn_id, system="odoo", url="https://acme.odoo.com")
    store.audit("settings.changed", None, changed=["schedule"], at=datetime(2026, 1, 1, tzinfo=timezone.utc),
                password="hunter2", nested={"api_key": "k", "ok": 1})
    rows = store.list_audit()
    assert [r.action for r in rows] == ["settings.changed", "connection.added"]
    assert rows[1].connection_id == conn_id
    assert rows[1].detail == {"system": "odoo", "url": "https://acme.odoo.com"}
    assert rows[0].detail == {"changed": ["schedule"], "at": "2026-01-01T00:00:00+00:00",
                              "password": "<redacted>", "nested": {"api_key": "<redacted>", "ok": 1}}
    assert rows[0].at.tzinfo is timezone.utc
    assert len(store.list_audit(limit=1)) == 1
    assert [r.action for r in store.list_audit(conn_id=conn_id)] == ["connection.added"]


# ---------------------------------------------------------------- scheduler --------------------
def test_schedule_state(store: Store) -> None:
    assert store.get_schedule_state("conn:1:queue") == (None, None)
    last = datetime(2026, 3, 1, 6, 0, tzinfo=timezone.utc)
    nxt = last + timedelta(hours=1)
    store.set_schedule_state("conn:1:queue", last_run_at=last, next_run_at=nxt)
    assert store.get_schedule_state("conn:1:queue") == (last, nxt)
    later = nxt + timedelta(hours=1)
    store.set_schedule_state("conn:1:queue", next_run_at=later)          # last kept
    assert store.get_schedule_state("conn:1:queue") == (last, later)
    store.set_schedule_state("conn:1:queue", next_run_at=None)           # explicit None clears
    assert store.get_schedule_state("conn:1:queue") == (last, None)
    cet = timezone(timedelta(hours=1))
    store.set_schedule_state("k", last_run_at=datetime(2026, 3, 1, 7, 0, tzinfo=cet))
    got = store.get_schedule_state("k")[0]
    assert got == last and got.tzinfo is timezone.utc


# ---------------------------------------------------------------- bank feed --------------------
def test_feed(store: Store, conn_id: int) -> None:
    assert store.feed_records(conn_id) == {}
    store.mark_feed(conn_id, "e1", "pending")
    store.mark_feed(conn_id, "e2", "failed", error="Statement line rejected")
    store.mark_feed(conn_id, "e1", "pushed")
    got = store.feed_records(conn_id)
    assert (got["e1"].status, got["e1"].error) == ("pushed", None)
    assert got["e1"].pushed_at is not None
    assert (got["e2"].status, got["e2"].error, got["e2"].pushed_at) == ("failed", "Statement line rejected", None)
    pushed_at = got["e1"].pushed_at
    store.mark_feed(conn_id, "e1", "failed", error="re-push refused")      # keeps when it was pushed
    assert store.feed_records(conn_id, ["e1"])["e1"].pushed_at == pushed_at
    store.mark_feed_many(conn_id, ["e3", "e4"], "pushed")
    assert set(store.feed_records(conn_id, ["e3", "e4", "e9"])) == {"e3", "e4"}
    with pytest.raises(ValueError):
        store.mark_feed(conn_id, "e1", "lost")
