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
from datetime import datetime, time, timedelta, timezone

from pleodesk.core.money import Money
from pleodesk.providers.base import FeedLine

log = logging.getLogger(__name__)

#: Feed times, in UTC, as Pleo's own integrations push them.
FEED_TIMES_UTC = (time(8, 0), time(13, 0))
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


def next_feed_time(after: datetime) -> datetime:
    """The next feed moment strictly after ``after`` (computed in UTC)."""
    after = after.astimezone(timezone.utc)
    for day in range(0, 2):
        d = (after + timedelta(days=day)).date()
        for t in FEED_TIMES_UTC:
            moment = datetime.combine(d, t, tzinfo=timezone.utc)
            if moment > after:
                return moment
    raise AssertionError("unreachable")


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


def run_feed(store, conn, pleo, provider, *, trigger: str = "scheduled", now: datetime | None = None) -> FeedSummary:
    """Push every settled wallet movement not yet pushed for this connection."""
    now = now or datetime.now(timezone.utc)
    settings = conn.settings or {}
    run_id = store.start_run(conn.id, "feed", trigger)
    summary = FeedSummary(run_id=run_id)
    try:
        if not settings.get("bank_feed"):
            summary.status = "skipped"
            summary.skipped["bank feed is off for this connection"] = 1
            return summary
        if not provider.capabilities().feed:
            summary.status = "skipped"
            summary.skipped["this accounting system takes no bank feed"] = 1
            return summary
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
            result = provider.push_feed(lines)
            summary.pushed = result.accepted
            summary.duplicates = result.duplicates
            summary.messages.extend(result.messages)
            rejected = set(result.rejected)
            for line in lines:
                if line.transaction_id in rejected:      # pushed again next time
                    store.mark_feed(conn.id, line.transaction_id, "failed",
                                    error="; ".join(m for m in result.messages if line.transaction_id in m) or None)
                else:
                    store.mark_feed(conn.id, line.transaction_id, "pushed")
            if rejected:
                summary.status = "partial"
        # Every line settled up to ``now`` is pushed or recorded as failed (and pushed again next time).
        store.set_schedule_state(covered_key, last_run_at=max(now, covered or now))
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


def _payee(item: dict | None) -> str | None:
    if not item:
        return None
    for key in ("vendor", "supplier"):
        name = (item.get(key) or {}).get("name")
        if name:
            return name
    return None
