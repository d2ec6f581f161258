"""The bank feed: settled card expenses and approved reimbursements as statement lines of the Pleo
bank account, pushed twice a day (08:00 and 13:00 UTC). Qt-free.

How feed and export meet in the ledger: the feed puts the money movement on the Pleo bank account's
statement; the export books the expense against the same bank account. The bookkeeper (or the
ledger's reconciliation rules) matches the two on our reference, the Pleo accounting entry id, which
both carry, so nothing is booked twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from pleodesk.core import clock
from pleodesk.core import schedule as sch
from pleodesk.core.engine import ConnectionBusy
from pleodesk.core.money import Money
from pleodesk.locks import connection_lock
from pleodesk.providers.base import FeedLine

log = logging.getLogger(__name__)

#: Feed times, in UTC, as Pleo's own integrations push them (``pleodesk.core.schedule`` plans them).
FEED_TIMES_UTC = sch.FEED_TIMES_UTC
#: Families whose settled entries move money on the Pleo wallet.
FEED_FAMILIES = ["CARD_PURCHASE", "CASHBACK", "WALLET", "REIMBURSEMENT"]
DEFAULT_LOOKBACK = timedelta(days=35)


@dataclass
class FeedSummary:
    run_id: int | None = None
    status: str = "ok"
    pushed: int = 0
    duplicates: int = 0
    already: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"pushed": self.pushed, "duplicates": self.duplicates, "already": self.already,
                "skipped": sum(self.skipped.values())}


def feed_covered_key(conn_id: int) -> str:
    """The store key (scheduler state, ``last_run_at``) of the moment up to which a connection's feed
    has pushed every settled line."""
    return f"conn:{int(conn_id)}:feed-covered"


#: The first feed moment strictly after a time.
next_feed_time = sch.next_feed_time


def feed_line_from_entry(entry: dict, employees: dict[str, str], wallet_currency: str,
                         payee: str | None = None) -> FeedLine | None:
    """A statement line for one Pleo accounting entry (``AccountingEntryV1``), or None when it does not
    move money on the wallet in its currency."""
    value = entry.get("totalBillValue") or entry.get("transactionValue")
    if not value or value.get("currency") != wallet_currency:
        return None
    amount = Money.from_minor(value["minors"], value["currency"])
    settled = entry.get("settledAt") or entry.get("bookkeepingDate") or entry.get("performedAt")
    payee = payee or employees.get(entry.get("employeeId") or "") if entry.get("family") == "REIMBURSEMENT" else payee
    payee = payee or entry.get("note") or entry.get("family", "").replace("_", " ").title()
    employee = employees.get(entry.get("employeeId") or "", "")
    return FeedLine(
        transaction_id=entry["id"],
        date=settled[:10],
        amount=str(-amount.amount),           # spending takes money out of the bank account
        currency=amount.currency,
        payee=str(payee)[:255],
        description=(entry.get("note") or "")[:255],
        employee=employee,
    )


def run_feed(store, conn, pleo, provider, *, trigger: str = "scheduled", now: datetime | None = None,
             lock_timeout: float = 60.0) -> FeedSummary:
    """Push every settled wallet movement not yet pushed for this connection.

    One feed or export at a time per connection, across threads and processes (the app, ``pleodesk
    feed`` in a terminal): the connection's lock is held for the whole run, so a second feed waits and
    then finds the lines pushed. Lines turn ``sending`` (committed) before they are written; a crash
    leaves them so, and the next run asks the ledger or the statement files which of them arrived
    (``settle_sending``) before anything is pushed again. A run that went through plans the next
    feed moment after ``now`` in the scheduler state, wherever it was started from."""
    now = now or clock.now()
    lock = connection_lock(conn.id, lock_timeout, on_timeout=lambda: ConnectionBusy(
        f"Another pleodesk (the app or a command) is exporting or pushing the bank feed of '{conn.name}' "
        f"right now.", "Try again when it has finished; no statement line was pushed twice."))
    with lock:
        return _run_feed_locked(store, conn, pleo, provider, trigger, now)


def _run_feed_locked(store, conn, pleo, provider, trigger: str, now: datetime) -> FeedSummary:
    settings = conn.settings or {}
    run_id = store.start_run(conn.id, "feed", trigger)
    summary = FeedSummary(run_id=run_id)
    try:
        if not settings.get("bank_feed"):
            summary.status = "skipped"
            summary.skipped["bank feed is off for this connection"] = 1
            _plan_next(store, conn.id, now)
            return summary
        if not provider.capabilities().feed:
            summary.status = "skipped"
            summary.skipped["this accounting system takes no bank feed"] = 1
            _plan_next(store, conn.id, now)
            return summary
        settle_sending(store, conn, provider)
        company = pleo.get_company()
        wallet_currency = (company.get("data", company) or {}).get("currency") or settings.get("wallet_currency", "EUR")
        employees = {}
        try:
            for e in pleo.list_employees():
                employees[e["id"]] = " ".join(x for x in (e.get("firstName"), e.get("lastName")) if x)
        except Exception as exc:  # names are a nicety; the feed goes on without them
            log.info("employees not available for the feed: %s", exc)
        start_setting = settings.get("feed_start")
        covered_key = feed_covered_key(conn.id)
        covered, _ = store.get_schedule_state(covered_key)
        if start_setting:
            start = datetime.fromisoformat(start_setting).replace(tzinfo=timezone.utc)
        else:
            # Look back from the last feed that ran through, not only from now: after weeks without a
            # feed (the app closed on holiday) nothing settled in between is skipped.
            start = min(now, covered or now) - DEFAULT_LOOKBACK
        entries = list(pleo.search_accounting_entries(status=["COMPLETED"], settled=True,
                                                      families=FEED_FAMILIES, settled_from=start,
                                                      settled_to=now))
        done = store.feed_records(conn.id, [e["id"] for e in entries])
        # Pleo's accounting entries carry no merchant name; the export items we stored do.
        stored = store.get_pleo_items([e["id"] for e in entries])
        lines = []
        # Kinds the accounting system does not take (e.g. top-ups it leaves to the bookkeeper) are not fed.
        from pleodesk.core.model import kinds_of_entry

        not_exported = {r.kind: r for r in getattr(provider.capabilities(), "not_exported", ()) or ()}
        for e in entries:
            rec = done.get(e["id"])
            if rec is not None and rec.status == "pushed":
                summary.already += 1
                continue
            item = stored.get(e["id"])
            kinds = [k.value for k in kinds_of_entry(e)]
            if item and item.get("type"):
                kinds = [item["type"]]
            rule = next((not_exported[k] for k in kinds if k in not_exported), None)
            if rule is not None:
                summary.skipped[rule.reason] = summary.skipped.get(rule.reason, 0) + 1
                continue
            if e.get("family") == "REIMBURSEMENT":
                # Only reimbursements paid from the wallet move money on it; the accounting entry does not
                # say which kind it is, the export item does. Unknown yet: wait for its export.
                kind = (item or {}).get("type")
                if kind != "direct_reimbursement":
                    reason = ("reimbursement paid outside Pleo" if kind else
                              "reimbursement not exported yet (its kind is not known)")
                    summary.skipped[reason] = summary.skipped.get(reason, 0) + 1
                    continue
            try:
                line = feed_line_from_entry(e, employees, wallet_currency, _payee(item))
            except ValueError as exc:     # bad data from Pleo (an amount beyond the bound): this line only
                log.warning("feed line %s left out: %s", e.get("id"), exc)
                reason = "Pleo sent an amount pleodesk cannot book"
                summary.skipped[reason] = summary.skipped.get(reason, 0) + 1
                continue
            if line is None:
                summary.skipped["not in the wallet currency"] = summary.skipped.get("not in the wallet currency", 0) + 1
                continue
            lines.append(line)
        if lines:
            # Committed before anything is written: after a crash these are settled, never pushed blind.
            store.mark_feed_many(conn.id, [ln.transaction_id for ln in lines], "sending")
            result = provider.push_feed(lines)
            summary.pushed = result.accepted
            summary.duplicates = result.duplicates
            summary.messages.extend(result.messages)
            rejected = set(result.rejected)
            for tid in rejected:                      # pushed again next time
                store.mark_feed(conn.id, tid, "failed",
                                error="; ".join(m for m in result.messages if tid in m) or None)
            store.mark_feed_many(conn.id, [ln.transaction_id for ln in lines if ln.transaction_id not in rejected],
                                 "pushed")
            if rejected:
                summary.status = "partial"
        # Every line settled up to ``now`` is pushed or recorded as failed (and pushed again next time).
        store.set_schedule_state(covered_key, last_run_at=max(now, covered or now))
        _plan_next(store, conn.id, now)
        return summary
    except Exception as exc:
        summary.status = "failed"
        summary.messages.append(str(exc))
        exc.run_recorded = True               # callers must not record this failure a second time
        raise
    except BaseException:                     # interrupted (Ctrl-C): what was pushed is recorded
        summary.status = "cancelled"
        summary.messages.append("Interrupted.")
        raise
    finally:
        store.finish_run(run_id, summary.status, counts=summary.counts(), skip_reasons=summary.skipped,
                         message="; ".join(summary.messages) or None)


def settle_sending(store, conn, provider) -> int:
    """Lines left ``sending`` by a crash (or a run cut short): the ones the ledger or the statement files
    hold are recorded as pushed; the others turn ``pending`` and go with this run. A provider that
    cannot look lines up leaves them ``sending``: they are pushed again and it refuses duplicates.
    Returns how many were settled."""
    sending = store.feed_records_with_status(conn.id, "sending")
    if not sending:
        return 0
    look = getattr(provider, "feed_lines_present", None)
    if look is None:
        return 0
    ids = list(sending)
    present = set(look(ids))
    found = [t for t in ids if t in present]
    missing = [t for t in ids if t not in present]
    if found:
        store.mark_feed_many(conn.id, found, "pushed")
    if missing:
        store.mark_feed_many(conn.id, missing, "pending")
    store.audit("feed_settled_after_crash", conn.id, found=len(found), not_found=len(missing))
    return len(ids)


def _plan_next(store, conn_id: int, now: datetime) -> None:
    """The feed ran (from the app or a command): the next feed moment is the one after ``now``."""
    store.set_schedule_state(sch.schedule_key(conn_id, "feed"), last_run_at=now,
                             next_run_at=sch.next_feed_time(now))


def _payee(item: dict | None) -> str | None:
    if not item:
        return None
    for key in ("vendor", "supplier"):
        name = (item.get(key) or {}).get("name")
        if name:
            return name
    return None
