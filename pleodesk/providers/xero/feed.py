"""The Pleo bank feed into Xero: statement lines through the Bank Feeds API, or a statement file.

Xero opens its Bank Feeds API only to approved financial-services partners. pleodesk tries it when the
connection may (the setting ``feed`` is ``"api"``, or ``"auto"`` and the sign-in was granted the
``bankfeeds`` scope); when Xero refuses (403, ``invalid-application``) or the connection may not, the
lines go into statement files in the bank folder the user imports in Xero (Bank account > Import a
statement): an OFX file (each line carries our id as ``FITID``, so Xero skips lines imported before)
and the same lines as CSV in Xero's columns (Date, Amount, Payee, Description, Reference).

Through the API: one feed connection for the Pleo bank account (``accountToken`` ``pleodesk-…``,
matched to the account by its id), then statements: the lines of one push, sorted by date, with a
start balance equal to the end balance of the feed's last delivered statement (0 for the first one:
Pleo's own feed also starts from 0) and an end balance of start + lines, as Xero checks. Each
statement is polled until Xero reports it ``DELIVERED`` or ``REJECTED``. A ``duplicate-statement``
answer is narrowed down by halves, so the lines Xero already has are counted as duplicates and the
others still delivered.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence
from xml.sax.saxutils import escape, unescape

from pleodesk.core import clock
from pleodesk.providers.base import FeedLine, FeedResult, LedgerError
from pleodesk.providers.xero import wire
from pleodesk.providers.xero.client import XeroError

if TYPE_CHECKING:
    from pleodesk.providers.xero.provider import XeroProvider

log = logging.getLogger(__name__)

#: Lines per statement file (Xero imports at most 1,000 lines at a time).
FILE_LINES = 1000
#: Lines per statement sent through the API (keeps a request well under its 3 MB limit).
API_LINES = 1000
POLLS = 12


class FeedRefused(Exception):
    """Xero does not let this registration use the Bank Feeds API."""


@dataclass
class _Outcome:
    accepted: int = 0
    duplicates: int = 0


def push_feed(provider: "XeroProvider", lines: Sequence[FeedLine]) -> FeedResult:
    if not lines:
        return FeedResult(0)
    mode = str(provider.settings.get("feed") or "auto")
    messages: list[str] = []
    if mode in ("api", "auto"):
        scopes = provider.granted_scopes()
        may = mode == "api" or (scopes is not None and "bankfeeds" in scopes.split())
        if may:
            try:
                out, msgs = _push_api(provider, lines)
                return FeedResult(out.accepted, out.duplicates, tuple(msgs))
            except FeedRefused as exc:
                messages.append(f"Xero does not let pleodesk use its bank feed for this organisation ({exc}); "
                                "Xero opens it only to approved banking partners.")
        else:
            messages.append("This Xero connection may not use Xero's bank feed (only approved banking partners "
                            "may).")
    paths = write_statement_files(provider, lines)
    names = ", ".join(str(p) for p in paths)
    messages.append(f"The {len(lines)} statement lines were written to {names}. In Xero, open the bank account "
                    f"'{provider.settings.get('bank_account_code') or 'Pleo Account'}', choose Import a statement and "
                    "pick the .ofx file (it carries each expense's id, so lines imported before are skipped).")
    return FeedResult(len(lines), 0, tuple(messages))


# ---------------------------------------------------------------------------------- API --------
def _problem(resp) -> tuple[str, str]:
    try:
        body = wire.loads(resp.content) if resp.content else {}
    except ValueError:
        body = {}
    if isinstance(body, dict):
        if body.get("type"):
            return str(body.get("type")), str(body.get("detail") or body.get("title") or "")
        for item in body.get("items") or ():
            for err in ([item.get("error")] if item.get("error") else []) + list(item.get("errors") or ()):
                if err:
                    return str(err.get("type") or ""), str(err.get("detail") or err.get("title") or "")
    return "", resp.text[:200] if resp.content else f"HTTP {resp.status_code}"


def _call(provider: "XeroProvider", method: str, path: str, **kw):
    try:
        resp = provider.client.request(method, provider.bankfeeds + path, **kw)
    except XeroError as exc:
        if exc.status == 403:
            raise FeedRefused(exc.detail or "HTTP 403") from exc
        raise
    return resp


def _feed_connection(provider: "XeroProvider") -> str:
    s = provider.settings
    if s.get("feed_connection_id"):
        return str(s["feed_connection_id"])
    bank_code = s.get("bank_account_code")
    chart = provider._load_chart()
    bank = chart.accounts.get(bank_code) if bank_code else None
    if bank is None or not bank.id:
        raise LedgerError("The bank feed needs the Pleo bank account in Xero", "",
                          "Run the Xero setup first.", reason_type="missing_configuration")
    token = f"pleodesk-{bank.id}"[:50]
    page = 1
    while True:
        resp = _call(provider, "GET", "/FeedConnections", params={"page": page, "pageSize": 100})
        if resp.status_code not in (200, 202):
            raise XeroError("Xero's feed connections could not be read", _problem(resp)[1], status=resp.status_code)
        data = wire.loads(resp.content)
        for item in data.get("items") or ():
            if item.get("accountToken") == token or item.get("accountId") == bank.id:
                s["feed_connection_id"] = item["id"]
                return str(item["id"])
        pag = data.get("pagination") or {}
        if page >= int(pag.get("pageCount") or 1):
            break
        page += 1
    body = {"items": [{"accountToken": token, "accountId": bank.id, "accountType": "BANK",
                       "currency": bank.currency or chart.organisation.get("BaseCurrency")}]}
    resp = _call(provider, "POST", "/FeedConnections", json_body=body,
                 idempotency_key=wire.stable_uuid(wire.KEY_NAMESPACE, "feedconnection", provider.tenant_id, token))
    data = wire.loads(resp.content) if resp.content else {}
    item = (data.get("items") or [{}])[0]
    if resp.status_code == 202 and item.get("id") and item.get("status") != "REJECTED":
        s["feed_connection_id"] = item["id"]
        return str(item["id"])
    kind, detail = _problem(resp)
    if kind == "invalid-application":
        raise FeedRefused(detail)
    if kind in ("feed-already-connected-in-current-organisation",) and item.get("id"):
        s["feed_connection_id"] = item["id"]
        return str(item["id"])
    raise XeroError("Xero did not connect the Pleo bank account to a bank feed", f"{kind}: {detail}",
                    "Check the Pleo bank account in Xero; it must be a bank account in the wallet's currency.",
                    status=resp.status_code)


def _last_balance(provider: "XeroProvider", feed_id: str) -> Decimal:
    best: tuple[str, Decimal] | None = None
    page = 1
    while page <= 50:
        resp = _call(provider, "GET", "/Statements", params={"page": page, "pageSize": 100})
        if resp.status_code != 200:
            break
        data = wire.loads(resp.content)
        for st in data.get("items") or ():
            if st.get("feedConnectionId") != feed_id or st.get("status") != "DELIVERED":
                continue
            end = st.get("endBalance") or {}
            amount = Decimal(str(end.get("amount") or 0))
            if end.get("creditDebitIndicator") == "DEBIT":
                amount = -amount
            key = str(st.get("endDate") or "")
            if best is None or key >= best[0]:
                best = (key, amount)
        pag = data.get("pagination") or {}
        if page >= int(pag.get("pageCount") or 1):
            break
        page += 1
    return best[1] if best else Decimal(0)


def _balance(amount: Decimal) -> dict[str, Any]:
    return {"amount": abs(amount), "creditDebitIndicator": "CREDIT" if amount >= 0 else "DEBIT"}


def _statement(feed_id: str, lines: Sequence[FeedLine], start: Decimal) -> tuple[dict[str, Any], Decimal]:
    total = sum((Decimal(l.amount) for l in lines), Decimal(0))
    end = start + total
    body = {"feedConnectionId": feed_id, "startDate": min(l.date for l in lines),
            "endDate": max(l.date for l in lines), "startBalance": _balance(start), "endBalance": _balance(end),
            "statementLines": [_line(l) for l in lines]}
    return body, end


def _line(l: FeedLine) -> dict[str, Any]:
    amount = Decimal(l.amount)
    desc = l.description or l.payee or "Pleo"
    if l.employee:
        desc = f"{desc} ({l.employee})"
    return {"postedDate": l.date, "description": desc[:2000], "amount": abs(amount),
            "creditDebitIndicator": "CREDIT" if amount >= 0 else "DEBIT", "transactionId": l.transaction_id,
            "payeeName": (l.payee or "Pleo")[:255], "reference": f"PLEO-{l.transaction_id}"[:255],
            "transactionType": "Pleo"}


def _push_api(provider: "XeroProvider", lines: Sequence[FeedLine]) -> tuple[_Outcome, list[str]]:
    feed_id = _feed_connection(provider)
    balance = _last_balance(provider, feed_id)
    ordered = sorted(lines, key=lambda l: (l.date, l.transaction_id))
    out = _Outcome()
    msgs: list[str] = []
    for i in range(0, len(ordered), API_LINES):
        balance = _send_statement(provider, feed_id, ordered[i:i + API_LINES], balance, out, msgs)
    if out.duplicates:
        msgs.append(f"{out.duplicates} statement lines were already in Xero and were not sent again.")
    msgs.insert(0, f"{out.accepted} statement lines delivered to Xero's bank feed.")
    return out, msgs


def _send_statement(provider: "XeroProvider", feed_id: str, lines: Sequence[FeedLine], start: Decimal,
                    out: _Outcome, msgs: list[str]) -> Decimal:
    body, end = _statement(feed_id, lines, start)
    key = wire.stable_uuid(wire.KEY_NAMESPACE, "statement", provider.tenant_id, feed_id, str(start),
                           *[l.transaction_id for l in lines])
    resp = _call(provider, "POST", "/Statements", json_body={"items": [body]}, idempotency_key=key)
    kind, detail = _problem(resp) if resp.status_code >= 400 else ("", "")
    if resp.status_code == 202:
        items = (wire.loads(resp.content).get("items") or [{}])
        status = _poll(provider, items[0].get("id"), items[0].get("status"))
        if status == "DELIVERED" or status == "PENDING":
            out.accepted += len(lines)
            if status == "PENDING":
                msgs.append("Xero has not confirmed the last statement yet; it shows in Xero once processed.")
            return end
        if status.startswith("REJECTED:duplicate-statement"):
            kind = "duplicate-statement"
        else:
            raise XeroError("Xero rejected a bank-feed statement", status.partition(":")[2])
    if resp.status_code == 409 or kind == "duplicate-statement":
        if len(lines) == 1:
            out.duplicates += 1
            return start
        half = len(lines) // 2
        mid = _send_statement(provider, feed_id, lines[:half], start, out, msgs)
        return _send_statement(provider, feed_id, lines[half:], mid, out, msgs)
    if resp.status_code == 413 and len(lines) > 1:
        half = len(lines) // 2
        mid = _send_statement(provider, feed_id, lines[:half], start, out, msgs)
        return _send_statement(provider, feed_id, lines[half:], mid, out, msgs)
    if kind == "invalid-application" or resp.status_code == 403:
        raise FeedRefused(detail)
    if resp.status_code == 422:
        raise XeroError("Xero refused the statement's balances", f"{kind}: {detail}",
                        "Report this to pleodesk's support: the statement's balances are computed from its lines.",
                        status=422)
    raise XeroError(f"Xero refused a bank-feed statement (HTTP {resp.status_code})", f"{kind}: {detail}",
                    status=resp.status_code, retryable=resp.status_code >= 500)


def _poll(provider: "XeroProvider", statement_id: str | None, status: str | None) -> str:
    if not statement_id:
        return status or "PENDING"
    delay = 0.5
    for _ in range(POLLS):
        if status and status != "PENDING":
            break
        provider._sleep(delay / provider.limits.time_scale)
        delay = min(delay * 2, 30)
        resp = _call(provider, "GET", f"/Statements/{statement_id}")
        if resp.status_code != 200:
            continue
        st = wire.loads(resp.content)
        status = st.get("status")
        if status == "REJECTED":
            err = (st.get("errors") or [{}])[0]
            return f"REJECTED:{err.get('type')}: {err.get('detail') or err.get('title') or ''}"
    return status or "PENDING"


# ---------------------------------------------------------------------------------- files ------
def statement_folder(provider: "XeroProvider") -> Path:
    if provider.feed_folder is not None:
        folder = provider.feed_folder
    elif provider.settings.get("feed_folder"):
        folder = Path(str(provider.settings["feed_folder"])).expanduser()
    else:
        from pleodesk import paths

        folder = paths.data_dir() / "statements" / f"xero-{provider.tenant_id[:8]}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _us(provider: "XeroProvider") -> bool:
    org = provider._chart.organisation if provider._chart else {}
    return (org.get("CountryCode") or provider.settings.get("country")) == "US"


def csv_text(lines: Sequence[FeedLine], us_dates: bool = False) -> str:
    """Xero's statement CSV: Date, Amount (negative = money out), Payee, Description, Reference."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["Date", "Amount", "Payee", "Description", "Reference"])
    for l in lines:
        d = date.fromisoformat(l.date)
        shown = d.strftime("%m/%d/%Y") if us_dates else d.strftime("%d/%m/%Y")
        desc = l.description or l.payee
        if l.employee:
            desc = f"{desc} ({l.employee})"
        w.writerow([shown, f"{Decimal(l.amount):f}", l.payee, desc, f"PLEO-{l.transaction_id}"])
    return buf.getvalue()


def ofx_text(lines: Sequence[FeedLine], currency: str, account_id: str, now: datetime | None = None) -> str:
    """An OFX 2.2 bank statement (XML); ``FITID`` is our id, so Xero recognises lines imported before."""
    now = now or clock.now()
    first = min(l.date for l in lines).replace("-", "")
    last = max(l.date for l in lines).replace("-", "")
    total = sum((Decimal(l.amount) for l in lines), Decimal(0))
    trns = []
    for l in lines:
        amount = Decimal(l.amount)
        memo = l.description or l.payee
        if l.employee:
            memo = f"{memo} ({l.employee})"
        trns.append(
            "<STMTTRN>"
            f"<TRNTYPE>{'CREDIT' if amount >= 0 else 'DEBIT'}</TRNTYPE>"
            f"<DTPOSTED>{l.date.replace('-', '')}120000</DTPOSTED>"
            f"<TRNAMT>{amount:f}</TRNAMT>"
            f"<FITID>{escape(l.transaction_id)}</FITID>"
            f"<NAME>{escape((l.payee or 'Pleo')[:32])}</NAME>"
            f"<MEMO>{escape(f'PLEO-{l.transaction_id} {memo}'[:255])}</MEMO>"
            "</STMTTRN>")
    stamp = now.strftime("%Y%m%d%H%M%S")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>\n'
        "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>"
        f"<DTSERVER>{stamp}</DTSERVER><LANGUAGE>ENG</LANGUAGE></SONRS></SIGNONMSGSRSV1>"
        "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>"
        f"<STMTRS><CURDEF>{escape(currency)}</CURDEF>"
        f"<BANKACCTFROM><BANKID>PLEO</BANKID><ACCTID>{escape(account_id[:22])}</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE>"
        "</BANKACCTFROM>"
        f"<BANKTRANLIST><DTSTART>{first}</DTSTART><DTEND>{last}</DTEND>{''.join(trns)}</BANKTRANLIST>"
        f"<LEDGERBAL><BALAMT>{total:f}</BALAMT><DTASOF>{last}</DTASOF></LEDGERBAL>"
        "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n")


_FITID = re.compile(r"<FITID>([^<]*)</FITID>")


def lines_in_statement_files(provider: "XeroProvider", transaction_ids: Sequence[str]) -> set[str]:
    """Which of these lines the statement files in the bank folder hold: in an OFX file (by its
    ``FITID``) and in a CSV file (by its ``PLEO-<id>`` reference), as every push writes both. A line left
    ``sending`` by a crash that is in both is not written again; one in neither, or only in the OFX file
    (the crash came between the two), is written again (Xero's OFX import skips a FITID it has). Lines
    sent through the Bank Feeds API are not in the files; Xero refuses those as duplicates when they are
    pushed again."""
    wanted = set(transaction_ids)
    if not wanted:
        return set()
    folder = statement_folder(provider)
    in_ofx: set[str] = set()
    in_csv: set[str] = set()
    for path in sorted(folder.glob("*.ofx")) + sorted(folder.glob("*.csv")):
        try:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        except OSError as exc:
            raise LedgerError(f"Could not read the statement file {path.name}", exc.strerror or str(exc),
                              "Check the bank folder's disk, then run the feed again.") from exc
        if path.suffix == ".ofx":
            in_ofx.update(t for t in (unescape(m) for m in _FITID.findall(text)) if t in wanted)
        else:
            for row in csv.DictReader(io.StringIO(text)):
                ref = (row.get("Reference") or "").removeprefix("PLEO-")
                if ref in wanted:
                    in_csv.add(ref)
    return in_ofx & in_csv


def write_statement_files(provider: "XeroProvider", lines: Sequence[FeedLine]) -> list[Path]:
    folder = statement_folder(provider)
    ordered = sorted(lines, key=lambda l: (l.date, l.transaction_id))
    currency = ordered[0].currency
    paths: list[Path] = []
    for part, i in enumerate(range(0, len(ordered), FILE_LINES), 1):
        chunk = ordered[i:i + FILE_LINES]
        stem = f"pleo-statement-{currency}-{chunk[0].date}-to-{chunk[-1].date}"
        if len(ordered) > FILE_LINES:
            stem += f"-part{part}"
        n = 1
        while (folder / f"{stem}.ofx").exists():
            n += 1
            stem = f"{stem.rsplit('~', 1)[0]}~{n}"
        ofx = folder / f"{stem}.ofx"
        ofx.write_text(ofx_text(chunk, currency, f"PLEO-{currency}"), encoding="utf-8")
        cs = folder / f"{stem}.csv"
        cs.write_text(csv_text(chunk, _us(provider)), encoding="utf-8-sig")
        paths += [ofx, cs]
    return paths
