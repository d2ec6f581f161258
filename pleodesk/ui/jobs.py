"""What the background jobs do. Qt-free: a job runs on a connection's worker thread, reads and writes
the store, talks to Pleo and the ledger through the engine, and returns a ``JobResult``.

Job kinds:

``export_month``  export one month (``params["month"]``, ``YYYY-MM``)
``queue``         process Pleo's export queue
``feed``          push the bank feed (``pleodesk.core.feed.run_feed``)
``sync``          an administration's scheduled sync of ``params["periods"]`` (ISO date pairs)
``preview``       what exporting ``params["month"]`` would do (nothing is sent)
``retry``         failed and held expenses back to pending, then the queue and their months again
``problems``      the connection's held and failed expenses grouped by cause (nothing is sent)
``check``         can Pleo and the ledger be reached with the stored (or a new) key
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Callable

from pleodesk.core import clock
from pleodesk.core import schedule as sch

log = logging.getLogger(__name__)

_ids = itertools.count(1)

RUN_KIND = {"export_month": "export_month", "queue": "queue", "feed": "feed", "sync": "sync",
            "retry": "queue"}
#: Jobs the scheduler starts; they are skipped (with a reason) for inactive or disconnected connections.
SCHEDULED_KINDS = ("queue", "feed", "sync")
#: Jobs that write to the ledger (the UI shows them as runs, with progress and cancel).
RUN_KINDS = ("export_month", "queue", "feed", "sync", "retry")


def _utcnow() -> datetime:
    return clock.now()


@dataclass
class Job:
    kind: str
    conn_id: int
    trigger: str = "manual"
    params: dict[str, Any] = field(default_factory=dict)
    cancel: threading.Event = field(default_factory=threading.Event, repr=False)
    id: int = field(default_factory=lambda: next(_ids))
    #: The wall clock the job's times are read from (when a scheduled job ran, when the feed runs next):
    #: the scheduler's, so the times it plans with and the times the job stores agree.
    clock: Callable[[], datetime] = field(default=_utcnow, repr=False, compare=False)

    @property
    def is_run(self) -> bool:
        return self.kind in RUN_KINDS

    def same_work(self, other: "Job") -> bool:
        """Whether ``other`` would do the same thing (a queued duplicate is dropped)."""
        return (self.kind, self.conn_id, repr(sorted(self.params.items()))) == \
            (other.kind, other.conn_id, repr(sorted(other.params.items())))


@dataclass
class ProblemGroup:
    """Expenses held or failed for one cause, with one fix."""

    cause: str                  # "mapping" | "ledger" | "receipt" | "ready"
    kind: str                   # validation ProblemKind value, or the ledger's reason type
    source_key: str             # the value a mapping fix applies to ("" for ledger errors)
    source_label: str
    title: str
    fix: str
    expense_ids: list[str] = field(default_factory=list)
    detail: str = ""


@dataclass
class JobResult:
    job: Job
    status: str = "ok"                        # ok | partial | failed | cancelled | skipped
    message: str = ""
    fix: str = ""
    summaries: list[Any] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    ledger_links: list[tuple[str, str]] = field(default_factory=list)
    entries: list[Any] = field(default_factory=list)       # core.engine.ExportedEntry, what was booked
    preview: dict[str, Any] | None = None
    problems: list[ProblemGroup] | None = None
    problem_count: int | None = None          # held + failed records after the job
    state: str | None = None                  # the connection's state after the job
    state_message: str | None = None
    company: dict[str, Any] | None = None     # check: what Pleo says about the company
    finished_at: datetime = field(default_factory=lambda: clock.now())
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "partial", "skipped")


# ------------------------------------------------------------------------------ helpers --------
def _now() -> datetime:
    return clock.now()


def _add_counts(total: dict[str, int], counts: dict[str, int]) -> None:
    for k, v in counts.items():
        if isinstance(v, int):
            total[k] = total.get(k, 0) + v


def _worst(statuses: list[str]) -> str:
    order = ["failed", "cancelled", "partial", "ok", "skipped"]
    for s in order:
        if s in statuses:
            return s
    return "skipped"


def _record_failed_run(store, conn_id: int, kind: str, trigger: str, message: str,
                       status: str = "failed", skip: dict[str, int] | None = None, exc=None) -> None:
    """A run the engine never got to record (it failed, or was skipped, before starting). An error
    the engine or the feed already recorded in its own run (``exc.run_recorded``) is not recorded twice."""
    run_kind = RUN_KIND.get(kind)
    if run_kind is None or getattr(exc, "run_recorded", False):
        return
    try:
        run_id = store.start_run(conn_id, run_kind, trigger)
        store.finish_run(run_id, status, counts={}, skip_reasons=skip or None, message=message)
    except Exception:  # noqa: BLE001 - history is a nicety, never a reason to fail
        log.exception("could not record the run")


def problem_count(store, conn_id: int) -> int:
    counts = store.counts_by_status(conn_id)
    return int(counts.get("held", 0)) + int(counts.get("failed", 0))


def export_period(engine, period: sch.Period, trigger: str):
    """Export every exportable entry booked in ``period`` (a scheduled sync), recorded as kind ``sync``."""
    start, end = period.bounds()
    return engine.export_range(start, end, period.label, trigger=trigger, kind="sync")


# ------------------------------------------------------------------------------ execution ------
def execute(store, job: Job, progress: Callable[[Any], None] | None = None) -> JobResult:
    """Run one job to its end. Never raises: every failure becomes a ``JobResult`` in plain words."""
    started = time.monotonic()
    result = JobResult(job)
    try:
        _execute(store, job, progress or (lambda p: None), result)
    except Exception as exc:  # noqa: BLE001 - the last line of defence; shown to the user
        log.exception("job %s failed", job.kind)
        result.status = "failed"
        result.message = result.message or f"Something unexpected went wrong: {exc}"
        if job.is_run:
            _record_failed_run(store, job.conn_id, job.kind, job.trigger, result.message)
    result.elapsed = time.monotonic() - started
    result.finished_at = _now()
    return result


def _execute(store, job: Job, progress, result: JobResult) -> None:
    from pleodesk.connections import make_engine, make_pleo_client, make_provider
    from pleodesk.core.engine import Cancelled, EngineError
    from pleodesk.providers.base import AuthError, LedgerError
    from pleodesk.providers.pleo import PleoAuthError, PleoError
    from pleodesk.secrets import SecretStoreUnavailable

    conn = store.get_connection(job.conn_id)
    if conn is None:
        result.status = "skipped"
        result.message = "The connection no longer exists."
        return
    if job.kind in SCHEDULED_KINDS and job.trigger != "manual":
        reason = None
        if not conn.active:
            reason = "connection deactivated"
        elif conn.state == "disconnected":
            reason = "connection disconnected: reconnect it"
        if reason:
            result.status = "skipped"
            result.message = reason
            if job.params.get("record_skip", True):
                _record_failed_run(store, conn.id, job.kind, job.trigger, reason, status="skipped",
                                   skip={reason: 1})
            return

    if job.kind == "check":
        _check(store, conn, job, result)
        return

    pleo = provider = None
    side = None
    try:
        try:
            pleo = make_pleo_client(conn)
            if hasattr(pleo, "_sleep"):
                # Waits between Pleo retries end at once when the job is cancelled (quitting the app
                # while Pleo is unreachable must not hang).
                pleo._sleep = lambda seconds, ev=job.cancel: ev.wait(seconds)
            side = "ledger"
            provider = make_provider(conn)
            side = None
        except EngineError as exc:
            raise _Setup(f"{exc} {exc.fix}".strip(), side or "pleo") from exc
        if job.kind == "preview":
            # ``progress`` gets the preview of what Pleo listed so far, a few times a second.
            result.preview = _preview(store, conn, pleo, provider, job.params["month"], progress)
            result.status = "ok"
            return
        if job.kind == "problems":
            result.problems = analyse_problems(store, conn, provider)
            result.problem_count = problem_count(store, conn.id)
            result.status = "ok"
            return
        engine = make_engine(store, conn, progress=progress, cancel=job.cancel, pleo=pleo, provider=provider)
        summaries = _run(store, conn, job, engine, pleo, provider)
        result.summaries = summaries
        statuses = [s.status for s in summaries] or ["skipped"]
        result.status = _worst(statuses)
        for s in summaries:
            _add_counts(result.counts, s.counts())
            result.ledger_links.extend(getattr(s, "ledger_links", []) or [])
            result.entries.extend(getattr(s, "entries", []) or [])
        messages = [s.message for s in summaries if getattr(s, "message", "")]
        if not summaries:
            result.message = "Nothing was waiting in Pleo's export queue."
        elif len(messages) == 1:
            result.message = messages[0]
        else:
            result.message = " ".join(messages[-3:])
        _after_run(store, conn, job, result)
    except _Setup as exc:
        result.status = "failed"
        result.message = str(exc)
        if job.is_run:
            _record_failed_run(store, conn.id, job.kind, job.trigger, result.message)
        _set_state(store, conn.id, "needs_attention", result)
    except Cancelled:
        result.status = "cancelled"
        result.message = "Cancelled. What was sent is recorded; the rest goes with the next run."
    except PleoAuthError as exc:
        result.status = "failed"
        result.message = str(exc)
        result.fix = "Reconnect with a new API key for the same Pleo company."
        if job.is_run:
            _record_failed_run(store, conn.id, job.kind, job.trigger, result.message, exc=exc)
        _set_state(store, conn.id, "disconnected", result)
    except AuthError as exc:
        result.status = "failed"
        result.message = f"{exc.title}. {exc.fix}".strip()
        if job.is_run:
            _record_failed_run(store, conn.id, job.kind, job.trigger, result.message, exc=exc)
        _set_state(store, conn.id, "disconnected", result)
    except (PleoError, LedgerError, EngineError, SecretStoreUnavailable, OSError) as exc:
        result.status = "failed"
        fix = getattr(exc, "fix", "")
        title = getattr(exc, "title", None) or str(exc)
        if getattr(exc, "retry_at", None) is not None and getattr(exc, "detail", ""):
            title = f"{title}. {exc.detail}"        # a daily limit: say when it lifts
        result.message = (f"Pleo: {title}" if isinstance(exc, PleoError) else title)
        result.fix = fix
        if job.is_run:
            _record_failed_run(store, conn.id, job.kind, job.trigger, f"{result.message} {fix}".strip(), exc=exc)
        _set_state(store, conn.id, "needs_attention", result)
    finally:
        for thing in (pleo, provider):
            if thing is not None:
                try:
                    thing.close()
                except Exception:  # noqa: BLE001
                    pass
        if job.kind in ("queue", "feed", "sync") and result.status != "cancelled":
            _persist_schedule(store, job, result)


class _Setup(Exception):
    def __init__(self, message: str, side: str) -> None:
        super().__init__(message)
        self.side = side


def _run(store, conn, job: Job, engine, pleo, provider) -> list:
    if job.kind == "export_month":
        # every job the export finished: an interrupted one first, then the month's
        return engine.export_month(job.params["month"], trigger=job.trigger).every_job()
    if job.kind == "queue":
        return engine.process_queue(trigger=job.trigger)
    if job.kind == "feed":
        try:
            from pleodesk.core.feed import run_feed
        except ImportError:
            _record_failed_run(store, conn.id, "feed", job.trigger, "bank feed not available",
                               status="skipped", skip={"bank feed not available": 1})
            from pleodesk.core.engine import RunSummary
            return [RunSummary(status="skipped", message="bank feed not available")]
        return [run_feed(store, conn, pleo, provider, trigger=job.trigger, now=job.clock())]
    if job.kind == "sync":
        out = []
        for start, end in job.params["periods"]:
            engine._check_cancel()
            period = sch.Period(date.fromisoformat(start), date.fromisoformat(end))
            out.extend(export_period(engine, period, job.trigger).every_job())
        return out
    if job.kind == "retry":
        return _retry(store, conn, job, engine)
    raise ValueError(f"unknown job kind {job.kind!r}")


def _retry(store, conn, job: Job, engine) -> list:
    ids = job.params.get("expense_ids")
    if ids is None:
        statuses = job.params.get("statuses") or ["held", "failed"]
        ids = [r.expense_id for r in store.records_with_status(conn.id, *statuses)]
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    # An expense already in the ledger is never sent again: only its receipts are owed, and
    # process_queue attaches those first (retry_receipts).
    records = store.get_records(conn.id, ids)
    ids = [i for i in ids if i not in records or records[i].status != "exported"]
    if ids:
        store.mark_pending(conn.id, ids)
        store.audit("retry", conn.id, expenses=len(ids), trigger=job.trigger)
    summaries = list(engine.process_queue(trigger=job.trigger))
    # Pleo puts failed expenses back in its export queue: export their months again.
    months = sorted({str(item.get("date", ""))[:7] for item in store.get_pleo_items(ids).values()
                     if item.get("date")})
    for month in months:
        engine._check_cancel()
        for s in engine.export_month(month, trigger=job.trigger).every_job():
            if s.status != "skipped" or not summaries:
                summaries.append(s)
    return summaries


def _preview(store, conn, pleo, provider, month: str, partial: Callable[[dict], None] | None = None) -> dict:
    """``engine.preview_month`` plus the names the window shows. ``partial(preview)``: what was read so
    far, a few times a second while Pleo's list comes in."""
    from pleodesk.core.engine import preview_month

    labels = dict(store.load_mappings(conn.id).category_labels)
    try:
        chart = provider.read_chart()
        names = {code: a.name for code, a in chart.accounts.items()}
    except Exception:  # noqa: BLE001 - names are a nicety
        names = {}

    def named(p: dict) -> dict:
        p["category_labels"] = labels
        p["account_names"] = names
        return p

    # its by_ledger: (account, tax code, amount)
    return named(preview_month(store, conn, pleo, provider, month,
                               progress=(lambda p: partial(named(p))) if partial is not None else None))


def known_of_month(store, conn_id: int, month: str) -> dict[str, int]:
    """What the store knows of a month before Pleo is asked: its expenses stored for the connection's
    company, by their record status on the connection ("" for none)."""
    conn = store.get_connection(conn_id)
    if conn is None or not conn.pleo_company_id:
        return {}
    return store.month_statuses(conn_id, conn.pleo_company_id, month)


def _check(store, conn, job: Job, result: JobResult) -> None:
    """Reach Pleo (with ``params["api_key"]`` if given, else the stored key) and the ledger. With a
    new key that works for the *same* company, store it and mark the connection connected."""
    from pleodesk.connections import make_provider, pleo_secret_name
    from pleodesk.providers.pleo import PleoClient, PleoError
    from pleodesk.secrets import get_secret, set_secret

    new_key = (job.params.get("api_key") or "").strip()
    key = new_key or get_secret(pleo_secret_name(conn.id)) or ""
    if not key:
        result.status = "failed"
        result.message = "No Pleo API key is stored for this connection."
        return
    client = PleoClient(conn.pleo_base_url or "", api_key=key, company_id=conn.pleo_company_id or "",
                        max_retries=1, timeout=20)
    try:
        company = client.get_company()
    except PleoError as exc:
        result.status = "failed"
        result.message = f"Pleo: {exc}"
        if new_key:
            result.fix = ("Check that the key belongs to the same Pleo company "
                          f"({conn.pleo_company_id}); a connection cannot move to another company.")
        return
    except Exception as exc:  # noqa: BLE001 - network
        result.status = "failed"
        result.message = f"Pleo could not be reached: {exc}"
        return
    finally:
        client.close()
    company = company if isinstance(company, dict) else {}
    if company.get("id") and company["id"] != conn.pleo_company_id:
        result.status = "failed"
        result.message = "This API key belongs to another Pleo company."
        return
    result.company = company
    name = company.get("name")
    if name and (conn.settings or {}).get("pleo_company_name") != name:
        store.update_connection(conn.id, settings={"pleo_company_name": str(name)})    # shown in Settings
    try:
        provider = make_provider(conn)
        try:
            check = provider.check()
        finally:
            provider.close()
    except Exception as exc:  # noqa: BLE001
        result.status = "failed"
        result.message = f"The accounting system could not be reached: {exc}"
        return
    if not check.ok:
        result.status = "failed"
        result.message = " ".join(check.messages) or "The accounting system is not ready."
        return
    if new_key:
        set_secret(pleo_secret_name(conn.id), new_key)
    store.audit("reconnected" if new_key else "checked", conn.id, company=conn.pleo_company_id)
    result.status = "ok"
    result.message = "Connected to {name}.".format(name=company.get("name") or conn.pleo_company_id)
    _set_state(store, conn.id, None, result)


# ------------------------------------------------------------------------------ afterwards -----
def _set_state(store, conn_id: int, state: str | None, result: JobResult) -> None:
    """Set the connection's state (None: from its records: needs attention when any are held or
    failed, else connected) and tell the result."""
    try:
        count = problem_count(store, conn_id)
        if state is None:
            state = "needs_attention" if count else "connected"
            message = (f"{count} expense(s) held or failed" if count else None)
        else:
            message = (f"{result.message} {result.fix}".strip() or None)
        conn = store.set_connection_state(conn_id, state, message)
        result.state = conn.state
        result.state_message = conn.state_message
        result.problem_count = count
    except Exception:  # noqa: BLE001 - the connection may just have been deleted
        log.exception("could not update the connection state")


def _after_run(store, conn, job: Job, result: JobResult) -> None:
    fresh = store.get_connection(conn.id)
    if fresh is not None and fresh.state == "disconnected" and result.status == "failed":
        # The engine found the ledger's credentials refused and said so.
        result.state = fresh.state
        result.state_message = fresh.state_message
        result.problem_count = problem_count(store, conn.id)
        return
    if result.status == "failed":
        _set_state(store, conn.id, "needs_attention", result)
    elif result.status != "cancelled":
        _set_state(store, conn.id, None, result)
    else:
        result.problem_count = problem_count(store, conn.id)


def _persist_schedule(store, job: Job, result: JobResult) -> None:
    """When a queue or sync ran (the feed plans its next moment itself, ``run_feed``, also when a
    command runs it). A failed sync stays due."""
    now = result.finished_at = job.clock()
    try:
        if job.kind == "queue":
            store.set_schedule_state(sch.schedule_key(job.conn_id, "queue"), last_run_at=now)
        elif job.kind == "sync" and result.status in ("ok", "partial", "skipped"):
            periods = [sch.Period(date.fromisoformat(a), date.fromisoformat(b)) for a, b in job.params["periods"]]
            if periods:
                key = sch.schedule_key(job.conn_id, "sync")
                _, before = store.get_schedule_state(key)
                upto = sch.after_sync(periods)
                if before is None or upto > before:
                    store.set_schedule_state(key, last_run_at=now, next_run_at=upto)
                else:
                    store.set_schedule_state(key, last_run_at=now)
    except Exception:  # noqa: BLE001
        log.exception("could not save the schedule state")


# ------------------------------------------------------------------------------ problems -------
def analyse_problems(store, conn, provider) -> list[ProblemGroup]:
    """Held and failed expenses grouped by what fixes them. Held ones are checked again against the
    current mappings, so a mapping fixed since shows as "ready to send again"."""
    from pleodesk.core.ledger import ExportOptions
    from pleodesk.core.model import Expense

    groups: list[ProblemGroup] = []
    held = store.records_with_status(conn.id, "held")
    failed = store.records_with_status(conn.id, "failed")
    if held:
        items = store.get_pleo_items([r.expense_id for r in held])
        expenses = []
        unreadable = []
        for r in held:
            item = items.get(r.expense_id)
            if item is None:
                unreadable.append(r)
                continue
            try:
                expenses.append(Expense.from_export_item(item))
            except ValueError:
                unreadable.append(r)
        report = None
        try:
            from pleodesk.core.validation import validate

            s = conn.settings or {}
            options = ExportOptions(ignore_wallet_topups=bool(s.get("ignore_wallet_topups", False)),
                                    post=bool(s.get("post", False)),
                                    export_receipts=bool(s.get("export_receipts", True)))
            report = validate(expenses, store.load_mappings(conn.id), provider.read_chart(), options)
        except Exception:  # noqa: BLE001 - the ledger may be unreachable: group by the stored text
            log.info("could not re-validate held expenses", exc_info=True)
        if report is not None:
            for p in report.problems:
                groups.append(ProblemGroup("mapping", getattr(p.kind, "value", str(p.kind)), p.source_key,
                                           p.source_label, p.message, p.fix, list(p.expense_ids)))
            ready = list(report.ok_ids) + list(report.skipped)
            if ready:
                groups.append(ProblemGroup("ready", "ready", "", "", "Mappings fixed: ready to send again",
                                           "Press Retry to export them.", ready))
        else:
            unreadable = held
        by_title: dict[tuple[str, str], ProblemGroup] = {}
        for r in unreadable:
            k = (r.error_title or "Held", r.error_fix or "")
            g = by_title.get(k)
            if g is None:
                g = by_title[k] = ProblemGroup("mapping", r.reason_type or "held", "", "", k[0], k[1])
                groups.append(g)
            g.expense_ids.append(r.expense_id)
    by_error: dict[tuple[str, str], ProblemGroup] = {}
    for r in failed:
        k = (r.error_title or "Failed", r.error_fix or "")
        g = by_error.get(k)
        if g is None:
            g = by_error[k] = ProblemGroup("ledger", r.reason_type or "failed", "", "", k[0], k[1],
                                           detail=r.error_detail or "")
            groups.append(g)
        g.expense_ids.append(r.expense_id)
    # Only the exported records that still owe receipts (a year of exports is tens of thousands).
    exported = store.exported_owing_receipts(conn.id, "failed", "incomplete")
    receipts = [r for r in exported if r.receipts_status == "failed"]
    if receipts:
        groups.append(ProblemGroup("receipt", "receipt", "", "", "Receipts could not be attached",
                                   "Attach them by hand in the ledger, or press Retry.",
                                   [r.expense_id for r in receipts]))
    by_hand = [r for r in exported if r.receipts_status == "incomplete"]
    if by_hand:
        groups.append(ProblemGroup("receipt", "receipts_by_hand", "", "", "Some receipts must be attached by hand",
                                   "The ledger took what it accepts (a number per entry, a size per file); "
                                   "attach the others by hand.", [r.expense_id for r in by_hand]))
    return groups
