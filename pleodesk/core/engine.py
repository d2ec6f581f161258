"""The export engine: Pleo export jobs in, ledger objects out. Nothing twice, nothing lost.

Qt-free. The desktop app runs it on a worker thread; the CLI runs it directly.

The protocol follows Pleo's integration design for export API v3:

1. find pending export jobs, oldest first, one at a time (``in_progress`` ones are resumed first,
   without claiming them again);
2. claim the job (``started``), check the accounting system is reachable and configured;
3. read every job item (control layer) and every export item (data layer), store the raw data and
   download the receipts at once (their URLs live 24 hours);
4. validate all mappings for the whole job; expenses with a missing mapping are *held*: nothing is
   sent for them and Pleo is told why, per item;
5. send the rest in batches sized per provider. Before a batch goes out its records turn ``sending``
   (committed first); after a crash every ``sending`` record is settled by asking the ledger for our
   reference before anything is sent again;
6. upload receipts after each entry (retried; a receipt never fails its entry);
7. report every item's outcome (at most 100 per update), then complete the job.
"""

from __future__ import annotations

import calendar
import contextlib
import logging
import mimetypes
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from pleodesk.core import clock
from pleodesk.core.ledger import ContraRole, ExportOptions, LedgerChart, LedgerEntry, Mappings, reference_for
from pleodesk.core.model import (FIRST_BOOKING_DATE, LAST_BOOKING_DATE, MAX_UTC_OFFSET, Expense, Refused,
                                 booking_date, format_datetime)
from pleodesk.core.money import Money
from pleodesk.core.posting import PostingError, post
from pleodesk.core.summary import mode_of as summary_mode
from pleodesk.core.validation import SKIP_WALLET, Problem, ValidationReport, validate
from pleodesk.providers.base import AuthError, Found, LedgerError, Provider, ReceiptRefused, SendResult

log = logging.getLogger(__name__)

#: Pleo accepts at most this many item updates per request.
PLEO_UPDATE_LIMIT = 100
#: Export items are stored and parsed this many at a time.
FETCH_CHUNK = 1000
RECEIPT_ATTEMPTS = 3

# Problem kinds -> Pleo ExportJobItemFailureReasonType
_REASON_FOR_PROBLEM = {
    "category_unmapped": "account_unknown",
    "category_missing": "account_unknown",
    "account_unknown": "account_unknown",
    "account_archived": "account_unknown",
    "tax_unmapped": "tax_code_unknown",
    "tax_unknown": "tax_code_unknown",
    "tax_archived": "tax_code_unknown",
    "tax_rate_mismatch": "tax_code_unknown",
    "tax_account_missing": "missing_configuration",
    "tag_unmapped": "tag_unknown",
    "dimension_value_unknown": "tag_unknown",
    "dimension_value_archived": "tag_unknown",
    "contra_missing": "missing_configuration",
    "contra_unknown": "missing_configuration",
}


@dataclass
class Progress:
    phase: str          # "fetching" | "receipts" | "validating" | "sending" | "reporting" | "done"
    done: int
    total: int
    message: str = ""


@dataclass(frozen=True)
class ExportedEntry:
    """One expense booked by a run, as the run's result lists it: what a bookkeeper checks it by."""

    reference: str                 # PLEO-<expense id>
    date: date
    payee: str                     # the supplier (or the employee, for a reimbursement)
    amount: Money                  # signed, wallet currency
    account: str                   # the ledger account of its largest expense line
    url: str | None = None         # the ledger object, where the ledger has an address for it


def exported_entry(entry: LedgerEntry, url: str | None) -> ExportedEntry:
    lines = [p for p in entry.postings if p.tax_role is None and p.account != entry.contra_account]
    main = max(lines, key=lambda p: abs(p.signed), default=None)
    return ExportedEntry(entry.reference, entry.date, entry.payee or entry.employee, entry.gross,
                         main.account if main is not None else "", url)


@dataclass
class RunSummary:
    run_id: int | None = None
    job_id: str | None = None
    status: str = "ok"                     # ok | partial | failed | cancelled | skipped
    total: int = 0
    exported: int = 0
    already_exported: int = 0
    skipped: dict[str, int] = field(default_factory=dict)   # reason -> count
    held: list[Problem] = field(default_factory=list)
    held_count: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (expense id, title, fix)
    receipt_problems: list[tuple[str, str]] = field(default_factory=list)  # (expense id, message)
    #: Expenses booked with an explicit VAT rounding line (the ledger's own VAT differed by a cent).
    vat_rounding: int = 0
    message: str = ""
    ledger_links: list[tuple[str, str]] = field(default_factory=list)  # (reference, url)
    entries: list[ExportedEntry] = field(default_factory=list)       # what was booked, in order
    #: The ledger refuses calls until then (a daily API limit): what was not sent waits for that time.
    retry_at: datetime | None = None
    #: Summary mode: the summary entries sent, and the expenses that wait for their period to be due
    #: (left in Pleo's export queue, not reported).
    summaries: int = 0
    waiting: int = 0
    #: What went wrong when handing over files the run wrote (a file ledger), if anything.
    hand_over_problem: str = ""
    #: Jobs this run finished before this one: an export of a month first finishes the job a crash or
    #: a kill left in progress (Pleo runs one job at a time). ``every_job`` lists them all.
    earlier: list["RunSummary"] = field(default_factory=list)

    def every_job(self) -> list["RunSummary"]:
        """The summaries of every job this run finished, oldest first, this one last."""
        out: list[RunSummary] = []
        for s in self.earlier:
            out.extend(s.every_job())
        out.append(self)
        return out

    @property
    def failed_count(self) -> int:
        return len(self.failed)

    def counts(self) -> dict[str, int]:
        return {
            "total": self.total, "exported": self.exported, "already_exported": self.already_exported,
            "skipped": sum(self.skipped.values()), "held": self.held_count, "failed": self.failed_count,
            "receipt_problems": len(self.receipt_problems), "vat_rounding": self.vat_rounding,
            "summaries": self.summaries, "waiting": self.waiting,
        }


class EngineError(Exception):
    """The run could not go on; ``fix`` says what the user can do."""

    def __init__(self, message: str, fix: str = "") -> None:
        super().__init__(message)
        self.fix = fix


class Cancelled(Exception):
    pass


class ConnectionBusy(EngineError):
    """Another export of the same connection is running (in this process or another one)."""


class ExportEngine:
    """Runs export jobs for one connection. Not thread-safe: one engine per worker thread."""

    def __init__(self, store, connection, pleo, provider: Provider, *,
                 receipts_dir: Path,
                 progress: Callable[[Progress], None] | None = None,
                 cancel: threading.Event | None = None,
                 receipt_retry_delay: float = 1.0,
                 lock_timeout: float = 60.0,
                 now: Callable[[], datetime] | None = None) -> None:
        self.store = store
        self.conn = connection
        self.pleo = pleo
        self.provider = provider
        self.receipts_dir = Path(receipts_dir)
        self._progress = progress or (lambda p: None)
        self.cancel = cancel or threading.Event()
        self.receipt_retry_delay = receipt_retry_delay
        self.lock_timeout = lock_timeout
        #: The clock summaries are judged by (which periods have ended); tests set their own.
        self.now = now or clock.now
        self._lock_depth = 0
        guard = getattr(provider, "guard_exported", None)
        if callable(guard):         # a file-based ledger never cuts away an entry recorded as exported
            guard(self._exported_references)

    def _exported_references(self, references: Sequence[str]) -> set[str]:
        """Which of the ledger ``references`` the records hold as exported."""
        wanted = {r.removeprefix("PLEO-"): r for r in references}
        records = self.store.get_records(self.conn.id, list(wanted))
        return {wanted[eid] for eid, rec in records.items()
                if rec.status == "exported" and reference_for(eid) == wanted[eid]}

    # ------------------------------------------------------------------ settings -------------
    @property
    def options(self) -> ExportOptions:
        s = self.conn.settings or {}
        return ExportOptions(
            ignore_wallet_topups=bool(s.get("ignore_wallet_topups", False)),
            post=bool(s.get("post", False)),
            export_receipts=bool(s.get("export_receipts", True)),
        )

    @contextlib.contextmanager
    def exclusive(self):
        """One export at a time per connection, across threads and processes (the app's worker, a
        ``pleodesk export`` in a terminal): two would both see a record ``sending`` or a job
        ``in_progress`` and could both send it. Re-entrant within one engine."""
        if self._lock_depth:
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        from pleodesk import paths
        from pleodesk.locks import FileLock

        lock = FileLock(paths.data_dir() / "locks" / f"connection-{self.conn.id}.lock", self.lock_timeout,
                        on_timeout=lambda: ConnectionBusy(
                            f"Another pleodesk (the app or a command) is exporting '{self.conn.name}' right now.",
                            "Try again when it has finished; nothing was sent twice."))
        with lock:
            self._lock_depth = 1
            try:
                yield
            finally:
                self._lock_depth = 0

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled()

    # ------------------------------------------------------------------ recovery -------------
    def settle_uncertain(self) -> int:
        """Settle records left ``sending`` by a crash: ask the ledger for our reference.

        Found: the entry exists, record it as exported. Not found: it was never created, so it is
        safe to send again. Returns how many were settled."""
        with self.exclusive():
            return self._settle_uncertain()

    def _settle_uncertain(self, records=None) -> int:
        n = 0
        if records is None:
            records = self.store.records_with_status(self.conn.id, "sending")
        # A summary's expenses share its reference: it is looked up once, and settled with them.
        summaries = self.store.summaries(self.conn.id, "sending")
        for ref in sorted({r.reference for r in records if r.reference in summaries}):
            found = self.provider.find_by_reference(ref)
            if found is not None:
                ids = self.store.finish_summary(self.conn.id, ref, ledger_id=found.ledger_id,
                                                ledger_url=found.ledger_url)
            else:
                ids = self.store.abandon_summary(self.conn.id, ref)
            self.store.audit("settled_after_crash", self.conn.id, reference=ref, summary=True,
                             outcome="found" if found is not None else "not_found", expenses=len(ids),
                             ledger_id=found.ledger_id if found is not None else None)
            n += len(ids)
        records = [r for r in records if r.reference not in summaries]
        found_many = self._find_many(records)
        for rec in records:
            found = found_many[rec.expense_id] if found_many is not None else \
                self.provider.find_by_reference(rec.reference)
            if found is not None:
                self.store.mark_exported(self.conn.id, rec.expense_id, ledger_id=found.ledger_id,
                                         ledger_url=found.ledger_url)
                self.store.audit("settled_after_crash", self.conn.id, expense_id=rec.expense_id,
                                 outcome="found", ledger_id=found.ledger_id)
            else:
                self.store.mark_pending(self.conn.id, [rec.expense_id])
                self.store.audit("settled_after_crash", self.conn.id, expense_id=rec.expense_id,
                                 outcome="not_found")
            n += 1
        return n

    def _find_many(self, records) -> dict | None:
        """Look several references up at once where the provider can (``find_many``: grouped by booking
        date, the only filter some ledgers offer); None where it cannot."""
        find_many = getattr(self.provider, "find_many", None)
        if not callable(find_many) or not records:
            return None
        items = self.store.get_pleo_items([r.expense_id for r in records])
        wanted = []
        for rec in records:
            try:
                day = booking_date(items[rec.expense_id]["date"])
            except (KeyError, TypeError, ValueError):
                day = None
            wanted.append((rec.reference, day))
        got = find_many(wanted)
        return {rec.expense_id: got.get(rec.reference) for rec in records}

    def retry_receipts(self, limit: int = 200) -> int:
        """Attach the receipts still owed to entries in the ledger: those that could not be downloaded
        from Pleo or attached (a network error, an expired link, a daily API limit), or were never tried
        because the entry was found in the ledger after a crash or an unknown outcome. Receipts not on
        disk are fetched afresh from Pleo first (new links: the export item's expire after 24 hours).
        The entry itself is never sent again. Returns how many expenses now have all their receipts."""
        with self.exclusive():
            return self._retry_receipts(limit)

    def _retry_receipts(self, limit: int) -> int:
        from pleodesk.providers.pleo import PleoError, PleoNotFound

        owed = [r for r in self.store.exported_owing_receipts(self.conn.id, "failed", "pending")
                if r.ledger_id][:limit]
        fixed = 0
        for rec in owed:
            self._check_cancel()
            summary = RunSummary()
            try:
                local = self._owed_receipt_files(rec.expense_id, summary)
            except PleoNotFound as exc:
                log.warning("receipts of %s: %s", rec.expense_id, exc)
                continue
            except PleoError as exc:          # Pleo out of reach or refusing us: try again next run
                log.warning("receipts not retried now: %s", exc)
                break
            self._upload_receipts(Found(rec.ledger_id, rec.ledger_url), rec.expense_id, local, summary)
            if not summary.receipt_problems:
                fixed += 1
        return fixed

    def _owed_receipt_files(self, eid: str, summary: RunSummary) -> list[tuple[Path, str, str]]:
        """The expense's receipt files on disk, after downloading again, with fresh links from Pleo,
        those that are not (their download failed, or the file is gone)."""
        cap = self.provider.capabilities()
        rows = self.store.receipts_for(eid)
        need = [r for r in rows if r.status in ("failed", "pending") or (r.status == "downloaded" and not _on_disk(r))]
        if need:
            fresh = self.pleo.list_receipts(eid)
            taken: set[int] = set()
            for row in need:
                i = _matching_receipt(fresh, row, taken)
                if i is None:
                    msg = f"Receipt {row.position + 1} is no longer in Pleo, so it could not be attached."
                    self.store.upsert_receipt(eid, row.position, url=row.url, mime=row.mime, size=row.size,
                                              status="failed", error=msg)
                    summary.receipt_problems.append((eid, msg))
                    continue
                taken.add(i)
                rf = fresh[i]
                self._fetch_receipt(eid, row.position, rf.get("url") or "", rf.get("mimeType") or row.mime or "",
                                    int(rf.get("sizeInBytes") or 0), cap, summary)
            rows = self.store.receipts_for(eid)
        return [(Path(r.local_path), r.mime or "", Path(r.local_path).name) for r in rows
                if r.status == "downloaded" and _on_disk(r)]

    # ------------------------------------------------------------------ entry points ----------
    def process_queue(self, trigger: str = "scheduled") -> list[RunSummary]:
        """Process Pleo's export queue: resume jobs in progress, then the pending ones, oldest first,
        one at a time."""
        with self.exclusive():
            return self._process_queue(trigger)

    def _process_queue(self, trigger: str) -> list[RunSummary]:
        self.settle_uncertain()
        self.retry_receipts()
        summaries = []
        seen: set[str] = set()
        while True:
            self._check_cancel()
            jobs = self.pleo.list_export_jobs(["in_progress"]) or self.pleo.list_export_jobs(["pending"])
            jobs = [j for j in jobs if j["id"] not in seen]
            if not jobs:
                break
            job = jobs[0]
            seen.add(job["id"])
            summaries.append(self.run_job(job, trigger))
            if summaries[-1].retry_at is not None:
                break           # the ledger takes nothing before then: the other jobs wait, unclaimed
        return summaries

    def export_month(self, month: str, trigger: str = "manual") -> RunSummary:
        """Export every exportable accounting entry of ``month`` (YYYY-MM): settled, completed and
        queued for export in Pleo, not yet exported. Creates a Pleo export job for them and runs
        it through the same path as the queue, so Pleo's own export status stays true."""
        start, end = month_bounds(month)
        return self.export_range(start, end, month, trigger, kind="export_month")

    def export_range(self, start: datetime, end: datetime, label: str, trigger: str = "manual",
                     kind: str = "export_month") -> RunSummary:
        """Export what is waiting in Pleo with a booking date (``model.booking_date``) from the date of
        ``start`` to the date of ``end`` (both included): a month, or an administration's scheduled daily
        or monthly sync (``kind="sync"``)."""
        with self.exclusive():
            return self._export_range(start, end, label, trigger, kind)

    def _export_range(self, start: datetime, end: datetime, label: str, trigger: str, kind: str) -> RunSummary:
        self.settle_uncertain()
        self.retry_receipts()
        # A job that is already running blocks new ones (Pleo allows one per company): finish it first.
        earlier: list[RunSummary] = []
        for job in self.pleo.list_export_jobs(["in_progress", "pending"]):
            caught_up = self.run_job(job, "catch_up" if trigger == "scheduled" else trigger)
            if caught_up.retry_at is not None:
                caught_up.earlier = earlier
                return caught_up        # the ledger takes nothing before then: no new job either
            earlier.append(caught_up)
        summary = self._export_waiting(start, end, label, trigger, kind)
        summary.earlier = earlier
        return summary

    def _export_waiting(self, start: datetime, end: datetime, label: str, trigger: str, kind: str) -> RunSummary:
        self._emit("fetching", 0, 0, f"Looking for the expenses of {label} in Pleo")
        if summary_mode(self.conn.settings) != "none" and self.provider.capabilities().summaries:
            # Summary mode: a period's run takes every expense waiting in Pleo up to the period's end, so
            # one that arrived after its own period was summarised goes into this run's summary.
            start = datetime.combine(FIRST_BOOKING_DATE, datetime.min.time(), tzinfo=timezone.utc)
        ids = [e["id"] for e in _booked_between(self.pleo, start, end)]
        if not ids:
            run_id = self.store.start_run(self.conn.id, kind, trigger)
            summary = RunSummary(run_id=run_id, status="skipped",
                                 message=f"No expenses of {label} are waiting for export in Pleo.")
            self.store.finish_run(run_id, "skipped", counts=summary.counts(), message=summary.message,
                                  skip_reasons={"nothing waiting for export": 1})
            return summary
        job = self.pleo.create_export_job(ids, is_interactive=False)
        return self.run_job(job, trigger, kind=kind)

    # ------------------------------------------------------------------ one job ---------------
    def run_job(self, job: dict, trigger: str, kind: str = "export_job") -> RunSummary:
        with self.exclusive():
            return self._run_job_locked(job, trigger, kind)

    def _run_job_locked(self, job: dict, trigger: str, kind: str) -> RunSummary:
        job_id = job["id"]
        run_id = self.store.start_run(self.conn.id, kind, trigger, job_id=job_id)
        summary = RunSummary(run_id=run_id, job_id=job_id)
        try:
            self._run_job(job, summary)
        except Cancelled:
            summary.status = "cancelled"
            summary.message = "Cancelled. What was sent is recorded; the rest will go with the next run."
        except AuthError as exc:
            summary.status = "failed"
            summary.message = f"{exc.title}. {exc.fix}"
            self.store.set_connection_state(self.conn.id, "disconnected", exc.title)
            self._fail_job(job_id, "accounting_system_authentication_failure", exc.title)
        except LedgerError as exc:
            summary.status = "failed"
            if exc.retry_at is not None:
                self._defer(job_id, exc, summary)
            else:
                summary.message = f"{exc.title}. {exc.fix}".strip()
                self._fail_job(job_id, "accounting_system_unreachable" if exc.retryable else "invalid_configuration",
                               exc.title)
        except EngineError as exc:
            summary.status = "failed"
            summary.message = f"{exc} {exc.fix}".strip()
            self._fail_job(job_id, "missing_configuration", str(exc))
        except Exception as exc:
            # Pleo unreachable, rate limited past our patience, refused our credentials, or a bug: the
            # job stays in progress and is resumed next time; the run is recorded as failed.
            summary.status = "failed"
            summary.message = str(exc) or type(exc).__name__
            if getattr(exc, "status", None) in (401, 403):
                self.store.set_connection_state(self.conn.id, "disconnected", f"Pleo: {exc}")
            exc.run_recorded = True           # callers must not record this failure a second time
            raise
        except BaseException:
            # Interrupted (Ctrl-C in a terminal): the job stays in progress and is resumed next time.
            summary.status = "cancelled"
            summary.message = "Interrupted. What was sent is recorded; the rest will go with the next run."
            raise
        finally:
            self._hand_over(summary)
            self.store.finish_run(run_id, summary.status, counts=summary.counts(),
                                  skip_reasons=summary.skipped, message=summary.message or None)
            self._emit("done", summary.total, summary.total, summary.message)
        return summary

    def _hand_over(self, summary: RunSummary) -> None:
        """A ledger that writes a file per run (the FEC) writes it now that the run ends, whatever its
        outcome. A failure here loses nothing: the entries are in the run's log, and the next export
        writes the file first; the run's message says so."""
        finish = getattr(self.provider, "finish_run", None)
        if not callable(finish):
            return
        try:
            finish()
        except Exception as exc:  # noqa: BLE001 - reported in the run's message, handed over next time
            log.warning("the files of this run could not be written: %s", exc)
            summary.hand_over_problem = (f"The file of this run could not be written yet ({exc}); the entries are "
                                         "kept and the next export writes it.")
            summary.message = f"{summary.message} {summary.hand_over_problem}".strip()

    def _defer(self, job_id: str, exc: LedgerError, summary: RunSummary) -> None:
        """The ledger refuses every call until ``exc.retry_at`` (a daily API limit). Nothing is wrong
        with the expenses or the setup: those not sent stay pending here and are not reported failed to
        Pleo. The job fails with ``accounting_system_rate_limit`` (Pleo's reason for a rate limit the
        integration cannot wait out), so Pleo releases their items back into its export queue at once
        instead of keeping them locked in a job that would expire unattended; the first export after
        that time takes them. What was exported before the limit was reported successful already."""
        summary.retry_at = exc.retry_at
        waiting = max(0, summary.total - summary.exported - summary.already_exported
                      - sum(summary.skipped.values()) - summary.held_count - summary.failed_count)
        parts = [ledger_message(exc)]
        if summary.exported:
            parts.append(f"{summary.exported} exported before that.")
        if waiting:
            parts.append(f"{waiting} not sent yet: nothing is wrong with them, they wait in Pleo's export "
                         "queue and go with the first export after that time.")
        summary.message = " ".join(parts)
        self._fail_job(job_id, "accounting_system_rate_limit",
                       f"{exc.title}. {exc.detail} Nothing is wrong with the expenses not exported: export "
                       "them again after that time.")

    def _fail_job(self, job_id: str, reason_type: str, reason: str) -> None:
        try:
            self.pleo.job_event(job_id, "failed", failure_reason=reason[:500], failure_reason_type=reason_type)
        except Exception as exc:  # the job stays in progress and is resumed next time
            log.warning("could not mark job %s failed: %s", job_id, exc)

    def _run_job(self, job: dict, summary: RunSummary) -> None:
        job_id = job["id"]
        if job.get("status") == "pending":
            self.pleo.job_event(job_id, "started")
        # Pre-validate: the ledger must be reachable and configured.
        chart = self.provider.read_chart()
        mappings = migrate_mappings(self.store, self.conn, self.provider, self.store.load_mappings(self.conn.id))
        options = self.options

        # Control layer first (fetch all), then the data layer.
        self._emit("fetching", 0, 0, "Reading the export job from Pleo")
        items = list(self.pleo.iter_job_items(job_id))
        open_ids = [i["accountingEntryId"] for i in items if i["status"] in ("pending", "in_progress")]
        # Items reported failed before this run (a job resumed after a crash or a lost completion) are
        # not processed again, but the job still completes with errors.
        failed_before = any(i["status"] == "failed" for i in items)
        summary.total = len(open_ids)
        records = self.store.ensure_records(self.conn.id, open_ids, job_id=job_id)
        # A record still "sending" (an earlier job of this run stopped on an unknown outcome, then Pleo
        # queued the expense again) is looked up in the ledger before anything is sent again.
        uncertain = [r for r in records.values() if r.status == "sending"]
        if uncertain:
            self._settle_uncertain(uncertain)
            records = self.store.get_records(self.conn.id, open_ids)
        outcomes: dict[str, dict] = {}          # expense id -> Pleo item update
        to_send: list[Expense] = []
        # Expenses booked before (an earlier run, or a crash before Pleo was told) are only reported.
        wanted = set()
        for eid in open_ids:
            rec = records[eid]
            if rec.status == "exported":
                summary.already_exported += 1
                outcomes[eid] = _success(eid, rec.ledger_id, rec.ledger_url, rec.exported_at)
            else:
                wanted.add(eid)
        # The data layer, streamed: each chunk is stored (raw JSON) and parsed, then let go, so a job
        # of tens of thousands of expenses keeps memory flat.
        seen: set[str] = set()
        if wanted:
            chunk: list[dict] = []
            # Closed when the loop ends in any way: the pages read ahead stop with it.
            with _closing(self.pleo.iter_export_items(job_id)) as export_items:
                for item in export_items:
                    if item["accountingEntryId"] in wanted:
                        chunk.append(item)
                    if len(chunk) >= FETCH_CHUNK:
                        self._take_items(chunk, job_id, seen, to_send, outcomes, summary)
                        chunk = []
                        self._emit("fetching", len(seen), len(wanted), "Reading expenses from Pleo")
                        self._check_cancel()
            self._take_items(chunk, job_id, seen, to_send, outcomes, summary)
        for eid in wanted - seen:
            msg = "Pleo did not return this expense's data in the export job."
            self.store.mark_failed(self.conn.id, eid, title=msg, fix="Export it again from Pleo.",
                                   reason_type="unexpected_failure")
            summary.failed.append((eid, msg, "Export it again from Pleo."))
            outcomes[eid] = _failure(eid, "unexpected_failure", msg)

        # What the accounting system does not take at all is never validated, downloaded or sent.
        to_send = self._not_exported(to_send, outcomes, summary)

        # Report what is already settled now, so Pleo's view advances even if we stop later.
        self._report(job_id, outcomes)
        self._check_cancel()

        # Receipts first: their URLs expire 24 hours after the job was read.
        # A ledger that takes no receipts with its summary entries (one file per entry) needs none.
        wants_receipts = options.export_receipts and not (
            summary_mode(self.conn.settings) != "none" and self.provider.capabilities().summaries
            and not getattr(self.provider, "summary_receipts", False))
        receipts = self._download_receipts(to_send, summary) if wants_receipts else {}

        self._emit("validating", 0, len(to_send), "Checking mappings")
        report = validate(to_send, mappings, chart, options)
        summary.held = report.problems
        for eid, reason in report.skipped.items():
            self.store.mark_skipped(self.conn.id, eid, reason)
            summary.skipped[reason] = summary.skipped.get(reason, 0) + 1
            outcomes[eid] = _success(eid, None, None, None)
        for eid, problems in report.held.items():
            first = problems[0]
            title = "; ".join(p.message for p in problems)
            self.store.mark_held(self.conn.id, eid, title=title, fix=first.fix,
                                 reason_type=_REASON_FOR_PROBLEM.get(first.kind, "missing_configuration"))
            outcomes[eid] = _failure(eid, _REASON_FOR_PROBLEM.get(first.kind, "missing_configuration"),
                                     f"{title}. {first.fix}")
        summary.held_count = len(report.held)
        self._report(job_id, {k: outcomes[k] for k in list(report.skipped) + list(report.held)})

        ok_ids = set(report.ok_ids)          # once: built per expense, it made a 50k month quadratic
        ready = [e for e in to_send if e.id in ok_ids]
        grid = summary_mode(self.conn.settings)
        if grid != "none" and self.provider.capabilities().summaries:
            self._send_summaries(job_id, ready, mappings, chart, options, receipts, summary, grid)
        else:
            self._send_all(job_id, ready, mappings, chart, options, receipts, summary)

        failed_any = summary.failed_count or summary.held_count
        event = "completed_with_errors" if failed_any or failed_before else "completed"
        self.pleo.job_event(job_id, event)
        summary.status = "partial" if failed_any else "ok"
        summary.message = _summary_text(summary)

    def _not_exported(self, to_send: list[Expense], outcomes: dict[str, dict], summary: RunSummary) -> list[Expense]:
        """Leave out the expenses of kinds the accounting system does not take (``Capabilities.not_exported``):
        recorded as skipped with the system's reason, reported to Pleo as handled or as not exportable."""
        rules = _not_exported_rules(self.provider)
        if not rules:
            return to_send
        keep: list[Expense] = []
        for exp in to_send:
            rule = rules.get(exp.kind.value)
            if rule is None:
                keep.append(exp)
                continue
            self.store.mark_skipped(self.conn.id, exp.id, rule.reason)
            summary.skipped[rule.reason] = summary.skipped.get(rule.reason, 0) + 1
            outcomes[exp.id] = (_success(exp.id, None, None, None) if rule.handled
                                else _failure(exp.id, "validation_failure", rule.reason))
        return keep

    def _take_items(self, chunk: list[dict], job_id: str, seen: set[str], to_send: list[Expense],
                    outcomes: dict[str, dict], summary: RunSummary) -> None:
        if not chunk:
            return
        # Parsed before they are stored: one malformed item fails alone, it does not stop the job.
        good: list[dict] = []
        for item in chunk:
            eid = item["accountingEntryId"]
            if eid in seen:
                continue
            seen.add(eid)
            try:
                to_send.append(Expense.from_export_item(item, keep_raw=False))
                good.append(item)
            except ValueError as exc:
                # Unreadable, or readable but not bookable (an unknown currency, an amount beyond the
                # bound, an absurd date): this item fails with the reason, the job goes on.
                if isinstance(exc, Refused):
                    msg = f"Pleo sent data pleodesk cannot book: {exc}"
                    fix = "Correct the expense in Pleo, then export it again."
                else:
                    msg, fix = f"The expense's data from Pleo could not be read: {exc}", ""
                self.store.mark_failed(self.conn.id, eid, title=msg, fix=fix,
                                       reason_type="validation_failure")
                summary.failed.append((eid, msg, fix))
                outcomes[eid] = _failure(eid, "validation_failure", f"{msg}. {fix}" if fix else msg)
        if good:
            self.store.upsert_pleo_items(good, job_id=job_id)

    # ------------------------------------------------------------------ sending ----------------
    def _send_all(self, job_id: str, ready: Sequence[Expense], mappings: Mappings, chart: LedgerChart,
                  options: ExportOptions, receipts: dict[str, list[tuple[Path, str, str]]],
                  summary: RunSummary) -> None:
        batch_size = max(1, self.provider.capabilities().batch_size)
        done = 0
        total = len(ready)
        # Expenses with receipts owe them from the moment their entry may exist, downloaded or not.
        owed = {exp.id for exp in ready if exp.receipts} if options.export_receipts else set()
        self._emit("sending", 0, total, "Sending to the ledger")
        for start in range(0, total, batch_size):
            self._check_cancel()
            batch = ready[start:start + batch_size]
            entries: list[LedgerEntry] = []
            outcomes: dict[str, dict] = {}
            deferred: LedgerError | None = None
            for exp in batch:
                try:
                    entry = post(exp, mappings, chart, options)
                except PostingError as exc:
                    self.store.mark_failed(self.conn.id, exp.id, title=str(exc), reason_type="validation_failure")
                    summary.failed.append((exp.id, str(exc), ""))
                    outcomes[exp.id] = _failure(exp.id, "validation_failure", str(exc))
                    continue
                local = receipts.get(exp.id, [])
                if local:
                    entry = _with_receipts(entry, [str(p) for p, _, _ in local])
                entries.append(entry)
            if entries:
                # Receipts are owed from now on: an entry found in the ledger later (after a crash or an
                # unknown outcome), or whose receipts could not be downloaded, gets them from retry_receipts.
                self.store.set_receipts_status_many(self.conn.id, [e.expense_id for e in entries
                                                                   if e.expense_id in owed], "pending")
                # Committed before the request: a crash from here on is settled by reference lookup.
                self.store.mark_sending(self.conn.id, [(e.expense_id, e.reference, e.idempotency_key)
                                                       for e in entries])
                try:
                    results = self.provider.send_batch(entries)
                except (AuthError, LedgerError) as exc:
                    if isinstance(exc, AuthError) or not exc.retryable:
                        # Nothing was created (the provider raises only then): back to pending.
                        self.store.mark_pending(self.conn.id, [e.expense_id for e in entries])
                    # else: outcome unknown, records stay "sending" and are settled next time.
                    raise
                if len(results) != len(entries):
                    raise EngineError("The accounting system answered for a different number of entries "
                                      "than were sent; stopped to keep the books safe.",
                                      "Run the export again: nothing is sent twice.")
                for entry, res in zip(entries, results):
                    if res.error is not None and res.error.retry_at is not None and not res.error.retryable:
                        # Refused before it was created (a daily limit reached mid-batch): it waits.
                        self.store.mark_pending(self.conn.id, [entry.expense_id])
                        deferred = deferred or res.error
                        continue
                    self._record_result(entry, res, receipts.get(entry.expense_id, []), outcomes, summary,
                                        owes_receipts=entry.expense_id in owed)
            self._report(job_id, outcomes)
            if deferred is not None:
                raise deferred
            done += len(batch)
            self._emit("sending", done, total, f"Sent {done} of {total}")

    def _summary_due(self):
        """Whether a period may be summarised now: it has ended, and with a schedule, its delay has passed."""
        from pleodesk.core.schedule import ScheduleError, SyncSchedule, due_time

        now = self.now()
        today = now.date()
        try:
            schedule = SyncSchedule.from_dict((self.conn.settings or {}).get("schedule"))
        except ScheduleError:
            schedule = None

        def due(period) -> bool:
            if period.end >= today:
                return False
            return schedule is None or due_time(schedule, period) <= now
        return due

    def _send_summaries(self, job_id: str, ready: Sequence[Expense], mappings: Mappings, chart: LedgerChart,
                        options: ExportOptions, receipts: dict[str, list[tuple[Path, str, str]]],
                        summary: RunSummary, grid: str) -> None:
        """Summary mode (``pleodesk.core.summary``): the expenses' entries added up into one entry per
        period. A summary is recorded "sending" with its expenses in one transaction before it goes out;
        the ledger's answer records both, or, when the outcome is unknown, leaves both "sending" to be
        looked up by the summary's reference before anything is sent again."""
        from pleodesk.core.summary import assign, reference_for as summary_reference, summarise

        posted: dict[str, LedgerEntry] = {}
        failures: dict[str, dict] = {}
        for exp in ready:
            try:
                posted[exp.id] = post(exp, mappings, chart, options)
            except PostingError as exc:
                self.store.mark_failed(self.conn.id, exp.id, title=str(exc), reason_type="validation_failure")
                summary.failed.append((exp.id, str(exc), ""))
                failures[exp.id] = _failure(exp.id, "validation_failure", str(exc))
        self._report(job_id, failures)
        existing = self.store.summaries(self.conn.id, "sending", "exported").values()
        spans = [(r.period_start, r.period_end) for r in existing]

        def taken(period) -> bool:
            return any(start <= period.end and period.start <= end for start, end in spans)

        targets, waiting = assign({eid: e.date for eid, e in posted.items()}, grid, taken, self._summary_due())
        # Those whose period is not due yet are not reported: when the job completes Pleo puts them back
        # in its export queue, and the run of their period takes them.
        summary.waiting += len(waiting)
        wallet = mappings.contra.get(ContraRole.WALLET) or next(iter(posted.values())).contra_account \
            if posted else ""
        takes_receipts = bool(getattr(self.provider, "summary_receipts", False)) and options.export_receipts
        by_period: dict = {}
        for eid in sorted(targets, key=lambda i: (posted[i].date, i)):
            by_period.setdefault(targets[eid], []).append(eid)
        total = len(targets)
        done = 0
        self._emit("sending", 0, total, "Sending summaries to the ledger")
        for period in sorted(by_period, key=lambda p: p.start):
            self._check_cancel()
            ids = by_period[period]
            ref = summary_reference(self.conn.id, period, grid)
            entry = summarise([posted[i] for i in ids], period=period, reference=ref, wallet_account=wallet)
            if takes_receipts:
                entry = _with_receipts(entry, [str(p) for i in ids for p, _, _ in receipts.get(i, [])])
            self.store.begin_summary(self.conn.id, reference=ref, grid=grid, period_start=period.start,
                                     period_end=period.end, members=[(i, posted[i].idempotency_key) for i in ids],
                                     amount=str(entry.gross.amount), currency=entry.gross.currency)
            try:
                results = self.provider.send_batch([entry])
            except (AuthError, LedgerError) as exc:
                if isinstance(exc, AuthError) or not exc.retryable:
                    self.store.abandon_summary(self.conn.id, ref)     # nothing was created
                raise                                                  # else: settled by look-up next time
            if len(results) != 1:
                raise EngineError("The accounting system answered for a different number of entries than were "
                                  "sent; stopped to keep the books safe.", "Run the export again: nothing is sent "
                                  "twice.")
            res = results[0]
            outcomes: dict[str, dict] = {}
            if res.ok:
                now = clock.now()
                exported = self.store.finish_summary(self.conn.id, ref, ledger_id=res.ledger_id,
                                                     ledger_url=res.ledger_url, exported_at=now)
                summary.exported += len(exported)
                summary.summaries += 1
                if res.ledger_url:
                    summary.ledger_links.append((ref, res.ledger_url))
                for i in exported:
                    outcomes[i] = _success(i, res.ledger_id or ref, res.ledger_url, now)
                self._summary_receipts(ids, receipts, takes_receipts)
            elif res.error.retryable:
                fix = "Export again: pleodesk first checks whether the ledger already has the summary."
                for i in ids:
                    summary.failed.append((i, res.error.title, fix))
                    outcomes[i] = _failure(i, res.error.reason_type, f"{res.error.title}. {fix}")
            else:
                err = res.error
                self.store.abandon_summary(self.conn.id, ref, problem=err)
                for i in ids:
                    summary.failed.append((i, err.title, err.fix))
                    outcomes[i] = _failure(i, err.reason_type, f"{err.title}. {err.detail} {err.fix}".strip())
            self._report(job_id, outcomes)
            done += len(ids)
            self._emit("sending", done, total, f"Sent {done} of {total}")

    def _summary_receipts(self, ids: Sequence[str], receipts: dict[str, list[tuple[Path, str, str]]],
                          taken: bool) -> None:
        """After a summary went out: its expenses' receipts went with it (a file ledger copies them beside
        its file) or go nowhere (a ledger that attaches one file per entry): nothing is owed later."""
        if not taken:
            return
        done = [i for i in ids if receipts.get(i)]
        self.store.set_receipts_status_many(self.conn.id, done, "done")

    def _record_result(self, entry: LedgerEntry, res: SendResult, local_receipts, outcomes, summary, *,
                       owes_receipts: bool = False) -> None:
        eid = entry.expense_id
        if res.ok:
            now = clock.now()
            self.store.mark_exported(self.conn.id, eid, ledger_id=res.ledger_id, ledger_url=res.ledger_url,
                                     exported_at=now)
            if getattr(res, "already", False):
                # The ledger had it before this run (a database lost or restored from a backup): found
                # by our reference, not created again.
                summary.already_exported += 1
                self.store.audit("found_in_ledger", self.conn.id, expense_id=eid, reference=entry.reference,
                                 ledger_id=res.ledger_id)
            else:
                summary.exported += 1
            if res.ledger_url:
                summary.ledger_links.append((entry.reference, res.ledger_url))
            summary.entries.append(exported_entry(entry, res.ledger_url))
            outcomes[eid] = _success(eid, res.ledger_id, res.ledger_url, now)
            notes = [str(n) for n in getattr(res, "notes", ()) or ()]
            if notes:
                # What the provider did to book Pleo's amounts exactly (a VAT rounding line, ...): kept
                # with the expense, for its details in the Expenses tab.
                self.store.audit("ledger_notes", self.conn.id, expense_id=eid, reference=entry.reference,
                                 notes=notes)
            if getattr(res, "vat_rounding", False):
                summary.vat_rounding += 1
            if local_receipts or owes_receipts:
                self._upload_receipts(Found(res.ledger_id or entry.reference, res.ledger_url), eid,
                                      local_receipts, summary)
        else:
            err = res.error
            assert err is not None
            if err.retryable:
                # Outcome unknown (a lost answer, a timeout): the ledger may hold the entry. The record
                # stays "sending" and is looked up by reference before anything is sent again.
                fix = "Export it again: pleodesk first checks whether the ledger already has it."
                summary.failed.append((eid, err.title, fix))
                outcomes[eid] = _failure(eid, err.reason_type, f"{err.title}. {err.detail} {fix}".strip())
                return
            self.store.mark_failed(self.conn.id, eid, title=err.title, detail=err.detail, fix=err.fix,
                                   reason_type=err.reason_type)
            summary.failed.append((eid, err.title, err.fix))
            outcomes[eid] = _failure(eid, err.reason_type, f"{err.title}. {err.detail} {err.fix}".strip())

    def _upload_receipts(self, found: Found, eid: str, local: list[tuple[Path, str, str]], summary) -> None:
        ok = True
        for path, mime, filename in local:
            for attempt in range(1, RECEIPT_ATTEMPTS + 1):
                try:
                    self.provider.upload_receipt(found, str(path), mime, filename)
                    break
                except ReceiptRefused as exc:
                    # The ledger never takes this file as it is: kept in Problems, not tried again.
                    msg = f"Receipt {filename} could not be attached: {exc.title}. {exc.fix}".strip()
                    for row in self.store.receipts_for(eid):
                        if row.local_path and Path(row.local_path) == Path(path):
                            self.store.upsert_receipt(eid, row.position, url=row.url, mime=row.mime, size=row.size,
                                                      status="missing", local_path=row.local_path,
                                                      sha256=row.sha256, error=msg)
                    summary.receipt_problems.append((eid, msg))
                    break
                except LedgerError as exc:
                    if attempt == RECEIPT_ATTEMPTS or not exc.retryable:
                        ok = False
                        summary.receipt_problems.append((eid, f"Receipt {filename} could not be attached: "
                                                              f"{exc.title}. {exc.fix}".strip()))
                        break
                    time.sleep(self.receipt_retry_delay * attempt)
        # Done only when every receipt reached the ledger; one that could not even be downloaded from
        # Pleo is still owed: "failed" keeps it in Problems and retry_receipts fetches it afresh. Those
        # pleodesk cannot attach (too large, over the ledger's number per entry) are for the bookkeeper:
        # "incomplete" keeps them in Problems without trying again.
        rows = self.store.receipts_for(eid)
        if not ok or any(r.status in ("failed", "pending") for r in rows):
            status = "failed"
        elif any(r.status in ("too_large", "missing") for r in rows):
            status = "incomplete"
        else:
            status = "done"
        self.store.set_receipts_status(self.conn.id, eid, status)

    # ------------------------------------------------------------------ receipts ---------------
    def _download_receipts(self, expenses: Iterable[Expense], summary: RunSummary
                           ) -> dict[str, list[tuple[Path, str, str]]]:
        cap = self.provider.capabilities()
        out: dict[str, list[tuple[Path, str, str]]] = {}
        todo = [e for e in expenses if e.receipts]
        for n, exp in enumerate(todo, 1):
            self._check_cancel()
            files = []
            existing = {r.position: r for r in self.store.receipts_for(exp.id)}
            for pos, rf in enumerate(exp.receipts[:cap.max_attachments]):
                prev = existing.get(pos)
                if prev is not None and prev.status == "downloaded" and _on_disk(prev):
                    files.append((Path(prev.local_path), rf.mime, Path(prev.local_path).name))
                    continue
                dest = self._fetch_receipt(exp.id, pos, rf.url, rf.mime, rf.size, cap, summary)
                if dest is not None:
                    files.append((dest, rf.mime, dest.name))
            extra = exp.receipts[cap.max_attachments:]
            if extra:
                # The ledger takes no more per entry: the first ones go, the rest is for the bookkeeper.
                for pos, rf in enumerate(extra, cap.max_attachments):
                    self.store.upsert_receipt(exp.id, pos, url=rf.url, mime=rf.mime, size=rf.size, status="missing",
                                              error=f"Receipt {pos + 1} was not attached: the accounting system "
                                                    f"takes at most {cap.max_attachments} files per entry. "
                                                    "Attach it by hand.")
                which = (f"receipt {len(exp.receipts)}" if len(extra) == 1 else
                         f"receipts {cap.max_attachments + 1}-{len(exp.receipts)}")
                summary.receipt_problems.append((exp.id, (
                    f"{len(extra)} of {len(exp.receipts)} receipts {'was' if len(extra) == 1 else 'were'} not "
                    f"attached: the accounting system takes at most {cap.max_attachments} files per entry. "
                    f"Attach {which} by hand.")))
            if files:
                out[exp.id] = files
            if n % 20 == 0:
                self._emit("receipts", n, len(todo), "Downloading receipts")
        return out

    def _fetch_receipt(self, eid: str, pos: int, url: str, mime: str, size: int, cap, summary: RunSummary
                       ) -> Path | None:
        """Download receipt ``pos`` of an expense and record it; None (and a receipt problem) when it
        is too large for the ledger or the download failed. A receipt never fails its expense."""
        ext = mimetypes.guess_extension(mime) or ".bin"
        dest = self.receipts_dir / eid / f"{eid[:8]}-{pos + 1}{ext}"
        if size > cap.max_attachment_bytes:
            msg = (f"Receipt {pos + 1} is {size / 1_048_576:.1f} MB, over the "
                   f"{cap.max_attachment_bytes / 1_048_576:.0f} MB the accounting system accepts: "
                   "attach a smaller copy by hand.")
            self.store.upsert_receipt(eid, pos, url=url, mime=mime, size=size, status="too_large", error=msg)
            summary.receipt_problems.append((eid, msg))
            return None
        try:
            got, sha = self.pleo.download(url, dest, max_bytes=cap.max_attachment_bytes)
        except Exception as exc:  # a receipt never fails its expense
            msg = (f"Receipt {pos + 1} could not be downloaded from Pleo: {exc} "
                   "pleodesk fetches it again with the next run.")
            self.store.upsert_receipt(eid, pos, url=url, mime=mime, size=size, status="failed", error=msg)
            summary.receipt_problems.append((eid, msg))
            return None
        self.store.upsert_receipt(eid, pos, url=url, mime=mime, size=got, status="downloaded",
                                  local_path=str(dest), sha256=sha)
        return dest

    # ------------------------------------------------------------------ Pleo reporting ---------
    def _report(self, job_id: str, outcomes: dict[str, dict]) -> None:
        if not outcomes:
            return
        updates = list(outcomes.values())
        for i in range(0, len(updates), PLEO_UPDATE_LIMIT):
            chunk = updates[i:i + PLEO_UPDATE_LIMIT]
            errors = self.pleo.update_job_items(job_id, chunk)
            bad = {e.get("accountingEntryId") for e in errors or ()}
            self.store.mark_reported(self.conn.id, [u["accountingEntryId"] for u in chunk
                                                    if u["accountingEntryId"] not in bad])

    def _emit(self, phase: str, done: int, total: int, message: str = "") -> None:
        try:
            self._progress(Progress(phase, done, total, message))
        except Exception:  # a broken progress listener must not break an export
            log.exception("progress callback failed")


# ---------------------------------------------------------------------- helpers ---------------
#: Pleo's timestamps carry offsets from -12:00 to +14:00, so the expenses booked on a day (the date
#: Pleo shows, ``model.booking_date``) have moments from 14 hours before that day in UTC to 12 after.
_OFFSET_SLACK = MAX_UTC_OFFSET


def _booked_between(pleo, start: datetime, end: datetime) -> Iterator[dict]:
    """Pleo's accounting entries waiting for export whose booking date is from ``start``'s date to
    ``end``'s, as Pleo's pages come in. Pleo filters on the moment, so the search is widened by the
    largest offset and the entries are then kept by their date as sent; one whose date cannot be read is
    kept, so that its export item fails with the reason instead of waiting in Pleo unseen."""
    first, last = start.date(), end.date()
    try:
        wide_from, wide_to = start - _OFFSET_SLACK, end + _OFFSET_SLACK
    except OverflowError:
        wide_from, wide_to = start, end
    for e in pleo.search_accounting_entries(export_status=["QUEUED"], status=["COMPLETED"], settled=True,
                                            bookkeeping_from=wide_from, bookkeeping_to=wide_to):
        try:
            day = booking_date(e["bookkeepingDate"])
        except (KeyError, TypeError, ValueError):
            day = None
        if day is None or first <= day <= last:
            yield e


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """``"2026-08"`` -> (2026-08-01T00:00Z, 2026-08-31T23:59:59Z): the first and last booking date of
    the month (``model.booking_date``). ValueError with a plain message, also for a month outside the
    booking dates pleodesk takes."""
    try:
        year_s, mon_s = month.split("-")
        year, mon = int(year_s), int(mon_s)
        if len(year_s) != 4 or not 1 <= mon <= 12:
            raise ValueError
    except ValueError:
        raise ValueError(f"'{month}' is not a month: write it as YYYY-MM, for example 2026-08.") from None
    if not FIRST_BOOKING_DATE.year <= year <= LAST_BOOKING_DATE.year:
        raise ValueError(f"'{month}' is not a month pleodesk exports: it books dates from "
                         f"{FIRST_BOOKING_DATE:%Y-%m} to {LAST_BOOKING_DATE:%Y-%m}.")
    last = calendar.monthrange(year, mon)[1]
    return (datetime(year, mon, 1, tzinfo=timezone.utc),
            datetime(year, mon, last, 23, 59, 59, tzinfo=timezone.utc))


def ledger_message(exc: LedgerError) -> str:
    """One line for a ledger error that stopped a run: what happened and what to do; for a limit that
    lifts at a known time (``retry_at``), also when that is."""
    if exc.retry_at is not None and exc.detail:
        return f"{exc.title}. {exc.detail} {exc.fix}".strip()
    return f"{exc.title}. {exc.fix}".strip()


@contextlib.contextmanager
def _closing(items: Iterator[dict]) -> Iterator[Iterator[dict]]:
    """``items``, closed afterwards if it can be (a generator; a plain iterator needs no closing)."""
    try:
        yield items
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()


def _success(eid: str, ledger_id, ledger_url, exported_at) -> dict:
    upd = {"accountingEntryId": eid, "status": "successful",
           "exportedAt": format_datetime(exported_at or clock.now())}
    if ledger_id:
        upd["externalId"] = str(ledger_id)
    if ledger_url:
        upd["externalUrl"] = ledger_url
    return upd


def _failure(eid: str, reason_type: str, message: str) -> dict:
    return {"accountingEntryId": eid, "status": "failed", "failureReasonType": reason_type,
            "failureReason": message[:1000]}


def _on_disk(row) -> bool:
    return bool(row.local_path) and Path(row.local_path).exists()


def _matching_receipt(fresh: list[dict], row, taken: set[int]) -> int | None:
    """Which of Pleo's receipts (``ReceiptModel``) is the stored receipt ``row``: the only one of the
    same type and size if there is one, else the one in the same place (the entry's receipts are taken
    to be listed in the order of the export item's files), else any of the same type and size left."""
    same = [i for i, f in enumerate(fresh) if i not in taken
            and f.get("mimeType") == row.mime and row.size and f.get("sizeInBytes") == row.size]
    if len(same) == 1:
        return same[0]
    if row.position < len(fresh) and row.position not in taken:
        return row.position
    return same[0] if same else None


def _with_receipts(entry: LedgerEntry, paths: list[str]) -> LedgerEntry:
    from dataclasses import replace

    return replace(entry, receipts=tuple(paths))


def _summary_text(s: RunSummary) -> str:
    parts = [f"{s.exported} exported"]
    if s.already_exported:
        parts.append(f"{s.already_exported} already in the ledger")
    if s.skipped:
        parts.append(f"{sum(s.skipped.values())} skipped")
    if s.held_count:
        parts.append(f"{s.held_count} held for missing mappings")
    if s.failed:
        parts.append(f"{len(s.failed)} failed")
    if s.receipt_problems:
        parts.append(f"{len(s.receipt_problems)} receipt problems")
    if s.vat_rounding:
        parts.append(f"{s.vat_rounding} with a VAT rounding line")
    if s.summaries:
        parts.append(f"in {s.summaries} summary entr{'y' if s.summaries == 1 else 'ies'}")
    if s.waiting:
        parts.append(f"{s.waiting} wait for their period to end before they are summarised")
    text = ", ".join(parts) + "."
    if s.hand_over_problem:
        text += " " + s.hand_over_problem
    return text


#: A preview reports what it has read so far at most this often (seconds).
PREVIEW_PROGRESS_S = 0.3

#: Pleo families whose counter account the export preview can tell without the export item.
_PREVIEW_CONTRA = {"OUT_OF_POCKET": ContraRole.OUT_OF_POCKET, "MILEAGE": ContraRole.OUT_OF_POCKET,
                   "PER_DIEM": ContraRole.OUT_OF_POCKET, "CARD_PURCHASE": ContraRole.WALLET,
                   "CASHBACK": ContraRole.WALLET, "WALLET": ContraRole.WALLET}


def migrate_mappings(store, conn, provider, mappings: Mappings) -> Mappings:
    """Ledger tax codes a provider renamed (``provider.migrate_tax_codes(codes) -> {old: new}``, e.g. Odoo's
    taxes, keyed by their Odoo name since) renamed in the stored mappings once, saved and audited."""
    migrate = getattr(provider, "migrate_tax_codes", None)
    if not callable(migrate):
        return mappings
    codes = set(mappings.taxes.values()) | {cm.tax_code for cm in mappings.categories.values() if cm.tax_code}
    renames = migrate(sorted(codes)) if codes else {}
    if not renames:
        return mappings
    from pleodesk.core.ledger import CategoryMapping

    mappings.taxes = {k: renames.get(v, v) for k, v in mappings.taxes.items()}
    mappings.categories = {k: CategoryMapping(cm.account, renames.get(cm.tax_code, cm.tax_code) if cm.tax_code
                                              else cm.tax_code) for k, cm in mappings.categories.items()}
    store.save_mappings(conn.id, mappings)
    store.audit("mappings_migrated", conn.id, tax_codes=dict(renames))
    log.info("tax codes of %s renamed: %s", conn.name, renames)
    return mappings


def preview_month(store, conn, pleo, provider, month: str,
                  progress: Callable[[dict], None] | None = None) -> dict:
    """What "Export a month" would do, without creating anything: the number of expenses, totals per
    currency of what will be exported as spend (``totals``, ``spend_count``: neither held expenses nor
    the wallet's top-ups and unloads, which are counted apart in ``wallet_moves``, ``wallet_count``),
    totals per Pleo category and per ledger account, which would be held and why, and which would be
    skipped (wallet top-ups and unloads when the connection ignores them).

    Reads Pleo's accounting entries (no export job is created, so nothing is locked in Pleo) and, to
    check taxes, tags and counter accounts as the export does (``validation.LineChecker``), Pleo's tax
    codes and tags. ``would_hold`` counts expenses per reason; ``would_hold_kinds`` gives a tax or tag
    reason's problem kind and source (Pleo's tax code, ``group/tag``), so the window can say it in the
    user's language. Pleo lists the entries 100 at a time: ``progress(preview)``, if given, gets the
    preview of what was read so far (``"partial": True``) every few tenths of a second, so a big month
    shows its numbers while they come in."""
    from decimal import Decimal

    from pleodesk.core.model import Tag, Tax, TaxType
    from pleodesk.core.validation import LineChecker

    start, end = month_bounds(month)
    mappings = migrate_mappings(store, conn, provider, store.load_mappings(conn.id))
    chart = provider.read_chart()
    # Kinds the accounting system does not take (``Capabilities.not_exported``), as ExportEngine._not_exported:
    # not sent, not in the totals; listed as skipped (``handled``) or as not taken (``would_refuse``).
    not_taken = _not_exported_rules(provider)
    not_taken_skip: dict[str, int] = {}
    would_refuse: dict[str, int] = {}
    totals: dict[str, Decimal] = {}
    by_account: dict[str, Decimal] = {}
    would_hold: dict[str, int] = {}
    by_ledger: dict[tuple[str, str], Decimal] = {}   # (ledger account, ledger tax code) -> amount
    would_skip: dict[str, int] = {}
    ignore_wallet = bool((conn.settings or {}).get("ignore_wallet_topups", False))
    no_account = "00000000-0000-0000-0000-000000000000"
    wallet_moves: dict[str, Decimal] = {}          # top-ups and unloads: money moved, not spent
    held_totals: dict[str, Decimal] = {}
    seen = {"count": 0, "already": 0, "spend": 0, "wallet": 0, "held": 0}
    unchecked: list[str] = []              # ids not yet looked up in the store
    checker = LineChecker(mappings, chart)
    hold_kinds: dict[str, list[str]] = {}
    pleo_taxes: dict[str, dict] | None = None
    pleo_groups: dict[str, dict] | None = None
    pleo_tags: dict[str, dict[str, dict]] = {}

    def tax_of(tax_id: str | None) -> Tax | None:
        nonlocal pleo_taxes
        if not tax_id:
            return None
        if pleo_taxes is None:
            pleo_taxes = {t["id"]: t for t in pleo.search_tax_codes()}
        t = pleo_taxes.get(tax_id)
        if t is None:
            return None
        rate = Decimal(str(t.get("rate") or 0))
        nothing = Money(Decimal(1 if rate else 0), "EUR")     # the amount is not known here: is there VAT?
        try:
            typ = TaxType(t.get("type") or "inclusive")
        except ValueError:
            typ = TaxType.INCLUSIVE
        return Tax(code=t.get("code"), rate=rate, type=typ, amount=nothing, amount_supplier=nothing, id=tax_id)

    def tags_of(refs) -> list[Tag]:
        nonlocal pleo_groups
        out = []
        for ref in refs or ():
            if pleo_groups is None:
                pleo_groups = {g["id"]: g for g in pleo.list_tag_groups()}
            group = pleo_groups.get(ref.get("tagGroupId"))
            if group is None or group.get("code") not in mappings.tag_groups:
                continue                      # a group that is not mapped is not exported: nothing to check
            if group["id"] not in pleo_tags:
                pleo_tags[group["id"]] = {t["id"]: t for t in pleo.list_tags(group["id"])}
            tag = pleo_tags[group["id"]].get(ref.get("tagId"))
            if tag is not None:
                out.append(Tag(tag["id"], tag.get("code") or tag["id"], group["code"]))
        return out

    def check_records() -> None:
        # What the store already knows: which of them are in the ledger, looked up as they come.
        if unchecked:
            records = store.get_records(conn.id, unchecked)
            seen["already"] += sum(1 for r in records.values() if r.status == "exported")
            unchecked.clear()

    def result(partial: bool) -> dict:
        out = {
            "month": month, "count": seen["count"], "already_exported": seen["already"],
            "totals": {k: str(v) for k, v in totals.items()},
            "spend_count": seen["spend"],
            "wallet_moves": {k: str(v) for k, v in wallet_moves.items()},
            "wallet_count": seen["wallet"],
            "held_totals": {k: str(v) for k, v in held_totals.items()},
            "by_account": {k: str(v) for k, v in by_account.items()},
            "by_ledger": [(acc, tax, str(v)) for (acc, tax), v in sorted(by_ledger.items())],
            "would_hold": dict(would_hold),
            "would_hold_kinds": {msg: hold_kinds[msg] for msg in would_hold if msg in hold_kinds},
            "would_hold_total": seen["held"],       # expenses held for any reason
            "would_skip": {**would_skip, **not_taken_skip},
            "would_refuse": dict(would_refuse),
        }
        if partial:
            out["partial"] = True
        return out

    last = time.monotonic()
    for e in _booked_between(pleo, start, end):
        seen["count"] += 1
        unchecked.append(e["id"])
        if progress is not None and time.monotonic() - last >= PREVIEW_PROGRESS_S:
            check_records()
            try:
                progress(result(True))
            except Exception:  # a broken listener must not break the preview
                log.exception("preview progress callback failed")
            last = time.monotonic()
        rule = _not_exported_rule(not_taken, e)
        if rule is not None:
            target = not_taken_skip if rule.handled else would_refuse
            target[rule.reason] = target.get(rule.reason, 0) + 1
            continue
        is_wallet = e.get("family") == "WALLET" and e.get("subFamily") in ("LOAD", "UNLOAD")
        if ignore_wallet and is_wallet:
            # as validation.SKIP_WALLET: not sent, reported to Pleo as handled, not in the totals
            would_skip[SKIP_WALLET] = would_skip.get(SKIP_WALLET, 0) + 1
            continue
        value = e.get("totalBillValue") or e["transactionValue"]
        parts = e.get("splitItems") or [e]          # a split entry: one part per split item
        try:
            m = Money.from_minor(value["minors"], value["currency"])
            amounts = [Money.from_minor(pv["minors"], pv["currency"]).amount for pv in
                       (part.get("totalBillValue") or part.get("transactionValue") or value for part in parts)]
        except ValueError as exc:                   # as the export: this expense would fail alone
            why = f"Pleo sent data pleodesk cannot book: {exc}"
            would_hold[why] = would_hold.get(why, 0) + 1
            seen["held"] += 1
            continue
        reasons: set[str] = set()
        # the counter account, where the family says it plainly (paid by the employee, or from the wallet)
        role = _PREVIEW_CONTRA.get(e.get("family") or "")
        for kind, source, msg in checker.contra(role) if role else ():
            reasons.add(msg)
            hold_kinds[msg] = [kind, source]
        for part, amount in zip(parts, amounts):
            key = part.get("accountCode") or part.get("accountId")
            if key == no_account:
                key = None
            if key is None and e.get("family") == "REIMBURSEMENT":
                # a reimbursement payout settles the out-of-pocket debt: booked on that account
                oop = mappings.contra.get(ContraRole.OUT_OF_POCKET, "")
                by_ledger[(oop, "")] = by_ledger.get((oop, ""), Decimal(0)) + amount
                for kind, source, msg in checker.contra(ContraRole.OUT_OF_POCKET):
                    reasons.add(msg)
                    hold_kinds[msg] = [kind, source]
                continue
            label = key or "(no category)"
            by_account[label] = by_account.get(label, Decimal(0)) + amount
            cm = mappings.categories.get(key) if key is not None else None
            if cm is not None:
                ledger_key = (cm.account, cm.tax_code or "")
            elif key is None and mappings.default_account:
                ledger_key = (mappings.default_account, "")
            else:
                ledger_key = ("", "")          # held: no ledger account
            by_ledger[ledger_key] = by_ledger.get(ledger_key, Decimal(0)) + amount
            if key is None and not mappings.default_account:
                reasons.add("no category and no default account")
            elif key is not None and key not in mappings.categories:
                reasons.add(f"category {key}: no ledger account")
            elif key is not None and mappings.categories[key].account not in chart.accounts:
                reasons.add(f"category {key}: account {mappings.categories[key].account} is not in the ledger")
            # taxes and tags, as the export checks them
            for kind, source, msg in checker.check(tax_of(part.get("taxCodeId")), tags_of(part.get("tags"))):
                reasons.add(msg)
                hold_kinds[msg] = [kind, source]
        for msg in reasons:
            would_hold[msg] = would_hold.get(msg, 0) + 1
        seen["held"] += bool(reasons)
        # The totals count what will be exported as spend: not what is held, not the wallet's top-ups and
        # unloads (booked between bank and wallet; counted apart, so the total does not go negative).
        if is_wallet:
            wallet_moves[m.currency] = wallet_moves.get(m.currency, Decimal(0)) + m.amount
            seen["wallet"] += 1
        elif not reasons:
            totals[m.currency] = totals.get(m.currency, Decimal(0)) + m.amount
            seen["spend"] += 1
        else:
            held_totals[m.currency] = held_totals.get(m.currency, Decimal(0)) + m.amount
    check_records()
    return result(False)


def _not_exported_rules(provider) -> dict:
    """The accounting system's ``Capabilities.not_exported``, by expense kind."""
    return {r.kind: r for r in getattr(provider.capabilities(), "not_exported", ()) or ()}


def _not_exported_rule(rules: dict, entry: dict):
    """The rule that leaves this Pleo accounting entry out (its family says it is of a kind the accounting
    system does not take), or None."""
    if not rules:
        return None
    from pleodesk.core.model import kinds_of_entry

    return next((rules[k.value] for k in kinds_of_entry(entry) if k.value in rules), None)


def sync_master_data(store, conn, pleo, provider, *, trigger: str = "manual"):
    """Make Pleo mirror the ledger: its chart of accounts, tax codes and at most 5 mapped dimensions
    (as tag groups with their tags). One way and idempotent (Pleo's documented reconciliation): a
    second run changes nothing. Returns the client's ReconcileReport."""
    from pleodesk.providers.pleo import reconcile_master_data

    run_id = store.start_run(conn.id, "sync", trigger)
    status, message = "failed", None
    try:
        chart = provider.read_chart()
        mappings = store.load_mappings(conn.id)
        accounts = [(a.id or a.code, a.code, a.name, a.active) for a in chart.accounts.values()]
        taxes = [(t.code, t.name, t.rate, t.type) for t in chart.taxes.values() if t.active]
        # The dimensions the user mapped to Pleo tag groups keep their Pleo code; others are not pushed.
        dims = []
        for group_code, dim_name in mappings.tag_groups.items():
            dim = chart.dimensions.get(dim_name)
            if dim is None:
                continue
            by_value = {v: t for (g, t), v in mappings.tags.items() if g == group_code}
            dims.append((group_code, dim_name, [(by_value.get(v, v), v) for v in sorted(dim.values)]))
        report = reconcile_master_data(pleo, accounts, taxes, dims)
        status, message = "ok", report.summary()
        store.audit("master_data_synced", conn.id, created=report.created, updated=report.updated,
                    archived=report.archived)
        return report
    except Exception as exc:
        message = str(exc)
        exc.run_recorded = True               # callers must not record this failure a second time
        raise
    finally:
        store.finish_run(run_id, status, message=message)
