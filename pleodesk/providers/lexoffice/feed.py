"""The Pleo wallet's feed into Lexware Office: through Lexware's partner API, or as CSV statement files.

**Partner API** (a connection signed in with partner credentials, ``auth = "partner"``): as Pleo's own
integration does (research notes §B6), the wallet is a *financial account* in Lexware Office
(``POST /v1/finance/financial-accounts``, found again by its ``externalReference``) and every settled
card line a *transaction* on it (``POST /v1/finance/transactions``, at most 25 in one request), whose
``externalReference`` is the Pleo accounting entry id. The export then sends one *assignment hint* per
voucher (``POST /v1/transaction-assignment-hint {voucherId, externalReference}``), so the user approves
each match under Finanzen > Bank > Zuordnungsvorschläge. A transaction Lexware Office already has (the
same ``externalReference`` on the account) is refused and counted as a duplicate, never sent twice.
The partner documentation is not public: these paths and shapes follow the partner clients named in
the research notes and must be checked against Lexware's partner documentation before release.

**Statement files** (a public API key): the public API has no bank endpoints, so the lines go into CSV
files the user imports into a manual bank account ("Umsätze importieren (CSV)", the only file format
Lexware Office imports for a bank account). Lexware Office does **no duplicate check** on a CSV import,
so each file holds only lines never written before: before writing, pleodesk reads the files it wrote
(their ``Referenz`` column) and leaves out what they already hold; a file is written to a temporary name
and renamed, so a crash leaves either the whole file or none. Columns: Buchungstag, Wertstellung
(dd.mm.yyyy), Auftraggeber/Empfänger, Verwendungszweck (never empty: the Pleo reference first), Betrag
(decimal comma, negative = money out), Währung, Referenz; ``;``-separated, UTF-8.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import tempfile
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from pleodesk.core import clock
from pleodesk.providers.base import FeedLine, FeedResult, LedgerError
from pleodesk.providers.lexoffice import wire
from pleodesk.providers.lexoffice.client import LexError, message_of

if TYPE_CHECKING:
    from pleodesk.providers.lexoffice.provider import LexofficeProvider

log = logging.getLogger(__name__)

#: Transactions per request (partner API).
BATCH = 25
FILE_PREFIX = "pleo-umsaetze-"
CSV_HEADER = ("Buchungstag", "Wertstellung", "Auftraggeber/Empfänger", "Verwendungszweck", "Betrag", "Währung",
              "Referenz")
ACCOUNT_NAME = "Pleo"


def push_feed(provider: "LexofficeProvider", lines: Sequence[FeedLine]) -> FeedResult:
    if not lines:
        return FeedResult(0)
    if provider.partner:
        return push_transactions(provider, lines)
    return write_statement_file(provider, lines)


# ---------------------------------------------------------------------------------- partner ----
def account_reference(provider: "LexofficeProvider") -> str:
    return f"pleodesk-pleo-wallet-{(provider.settings.get('organization_id') or 'x')[:8]}"


def ensure_financial_account(provider: "LexofficeProvider") -> str:
    """The id of the Pleo wallet's financial account, found by its external reference or created."""
    s = provider.settings
    if s.get("financial_account_id"):
        return str(s["financial_account_id"])
    ref = account_reference(provider)
    data = provider.client.get_json("/v1/finance/accounts", {"externalReference": ref})
    found = data if isinstance(data, list) else (data or {}).get("content") or []
    for acc in found:
        if acc.get("externalReference") == ref:
            s["financial_account_id"] = acc["financialAccountId"]
            return str(acc["financialAccountId"])
    body = {"name": ACCOUNT_NAME, "type": "PAYMENT_PROVIDER", "accountSystem": "PaymentProvider",
            "externalReference": ref, "currency": "EUR"}
    resp = provider.client.request("POST", "/v1/finance/financial-accounts", json_body=body)
    if resp.status_code not in (200, 201):
        raise LexError("Lexware Office did not create the Pleo bank account", message_of(resp),
                       "Check that pleodesk's connection may use the bank functions, then run the setup again.",
                       status=resp.status_code)
    acc = wire.loads(resp.content)
    s["financial_account_id"] = acc["financialAccountId"]
    return str(acc["financialAccountId"])


def _timestamp(day: str) -> str:
    """A statement day as lexoffice's timestamp (noon UTC: the same calendar day in Germany)."""
    d = date.fromisoformat(day)
    return wire.format_timestamp(datetime(d.year, d.month, d.day, 12, tzinfo=timezone.utc))


def _purpose(line: FeedLine) -> str:
    text = f"PLEO-{line.transaction_id} {line.description or line.payee}".strip()
    if line.employee:
        text += f" ({line.employee})"
    return text[:500]


def _transaction(account_id: str, line: FeedLine) -> dict[str, Any]:
    ts = _timestamp(line.date)
    return {"financialAccountId": account_id, "valueDate": ts, "bookingDate": ts, "transactionDate": ts,
            "amount": Decimal(line.amount), "purpose": _purpose(line),
            "recipientOrSenderName": (line.payee or "Pleo")[:255], "externalReference": line.transaction_id}


def push_transactions(provider: "LexofficeProvider", lines: Sequence[FeedLine]) -> FeedResult:
    account_id = ensure_financial_account(provider)
    ordered = sorted(lines, key=lambda l: (l.date, l.transaction_id))
    accepted = duplicates = 0
    rejected: list[str] = []
    messages: list[str] = []
    for i in range(0, len(ordered), BATCH):
        chunk = list(ordered[i:i + BATCH])
        while chunk:
            resp = provider.client.request("POST", "/v1/finance/transactions",
                                           json_body=[_transaction(account_id, l) for l in chunk])
            if resp.status_code in (200, 201):
                accepted += len(chunk)
                break
            body = _safe(resp)
            dup = _duplicate_positions(body)
            if resp.status_code in (406, 409) and dup:
                duplicates += len(dup)
                chunk = [l for n, l in enumerate(chunk) if n not in dup]
                continue
            bad = _positions(body)
            if resp.status_code == 406 and bad:
                for n in sorted(bad):
                    if n < len(chunk):
                        rejected.append(chunk[n].transaction_id)
                        messages.append(f"{chunk[n].transaction_id}: {message_of(resp)}")
                chunk = [l for n, l in enumerate(chunk) if n not in bad]
                continue
            raise LexError("Lexware Office refused the Pleo transactions", message_of(resp),
                           "The feed tries again at its next time.", status=resp.status_code,
                           retryable=resp.status_code >= 500)
    messages.insert(0, f"{accepted} transactions sent to the Pleo bank account in Lexware Office; approve the "
                       "matches under Finanzen > Bank > Zuordnungsvorschläge.")
    if duplicates:
        messages.append(f"{duplicates} transactions were already in Lexware Office and were not sent again.")
    return FeedResult(accepted, duplicates, tuple(messages), tuple(rejected))


def lines_present(provider: "LexofficeProvider", transaction_ids: Sequence[str]) -> set[str]:
    wanted = set(transaction_ids)
    if not wanted:
        return set()
    if not provider.partner:
        return wanted & written_references(statement_folder(provider))
    account_id = ensure_financial_account(provider)
    data = provider.client.get_json("/v1/finance/transactions", {"financialAccountId": account_id})
    items = data if isinstance(data, list) else (data or {}).get("content") or []
    return wanted & {str(t.get("externalReference")) for t in items if t.get("externalReference")}


def _safe(resp) -> Any:
    try:
        return wire.loads(resp.content) if resp.content else None
    except ValueError:
        return None


def _positions(body: Any, key: str | None = None) -> set[int]:
    """Item positions an IssueList names (``source`` ``[3].externalReference``)."""
    out: set[int] = set()
    for issue in (body or {}).get("IssueList") or () if isinstance(body, dict) else ():
        if key is not None and issue.get("i18nKey") != key:
            continue
        src = str(issue.get("source") or "")
        if src.startswith("[") and "]" in src:
            try:
                out.add(int(src[1:src.index("]")]))
            except ValueError:
                pass
    return out


def _duplicate_positions(body: Any) -> set[int]:
    return _positions(body, "duplicate_external_reference")


def send_hint(provider: "LexofficeProvider", voucher_id: str, expense_id: str) -> str | None:
    """Tell Lexware Office which transaction a voucher pays (a "Zuordnungsvorschlag"). Returns a note
    when it could not be sent (the voucher is booked either way)."""
    try:
        resp = provider.client.request("POST", "/v1/transaction-assignment-hint",
                                       json_body={"voucherId": voucher_id, "externalReference": expense_id})
    except LedgerError as exc:
        return f"The assignment hint for the bank line was not sent: {exc.title}"
    if resp.status_code in (200, 201, 409):          # 409: the voucher has its hint already
        return None
    return f"The assignment hint for the bank line was not sent: {message_of(resp)}"


# ---------------------------------------------------------------------------------- files ------
def statement_folder(provider: "LexofficeProvider") -> Path:
    if provider.feed_folder is not None:
        folder = provider.feed_folder
    elif provider.settings.get("feed_folder"):
        folder = Path(str(provider.settings["feed_folder"])).expanduser()
    else:
        from pleodesk import paths

        org = str(provider.settings.get("organization_id") or "lexoffice")[:8]
        folder = paths.data_dir() / "statements" / f"lexoffice-{org}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def written_references(folder: Path) -> set[str]:
    """The transaction ids the statement files in ``folder`` already hold (their Referenz column)."""
    out: set[str] = set()
    for path in sorted(folder.glob(f"{FILE_PREFIX}*.csv")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise LedgerError(f"The statement file {path.name} could not be read", str(exc),
                              "Check the statement folder; pleodesk reads it so that no line is written twice.")
        for row in csv.DictReader(io.StringIO(text), delimiter=";"):
            ref = (row.get("Referenz") or "").strip()
            if ref.startswith("PLEO-"):
                out.add(ref[5:])
    return out


def _german_amount(value: Decimal) -> str:
    return f"{wire.amount(value):f}".replace(".", ",")


def csv_text(lines: Sequence[FeedLine]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    for l in lines:
        day = date.fromisoformat(l.date).strftime("%d.%m.%Y")
        w.writerow([day, day, _cell(l.payee or "Pleo"), _cell(_purpose(l)), _german_amount(Decimal(l.amount)),
                    l.currency, f"PLEO-{l.transaction_id}"])
    return buf.getvalue()


def _cell(text: str) -> str:
    """One line of text, without a leading character a spreadsheet would read as a formula."""
    text = " ".join(str(text).split())
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_statement_file(provider: "LexofficeProvider", lines: Sequence[FeedLine]) -> FeedResult:
    folder = statement_folder(provider)
    first_file = not any(folder.glob(f"{FILE_PREFIX}*.csv"))
    have = written_references(folder)
    new = [l for l in sorted(lines, key=lambda l: (l.date, l.transaction_id)) if l.transaction_id not in have]
    duplicates = len(lines) - len(new)
    messages: list[str] = []
    if new:
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        name = f"{FILE_PREFIX}{new[0].date}-bis-{new[-1].date}-{stamp}.csv"
        target = folder / name
        n = 1
        while target.exists():
            n += 1
            target = folder / name.replace(".csv", f"-{n}.csv")
        fd, tmp = tempfile.mkstemp(prefix=".pleo-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
                fh.write(csv_text(new))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise LedgerError(f"The statement file could not be written to {folder}", str(exc),
                              "Check that the folder exists and has room, then push the feed again.",
                              retryable=True) from exc
        messages.append(f"{len(new)} Pleo card lines were written to {target}. In Lexware Office, import this file "
                        f"into the bank account '{ACCOUNT_NAME}' (Finanzen > Bank, the account's … menu, "
                        "Umsätze importieren (CSV)); import every file once: Lexware Office does not check for "
                        "lines imported twice.")
        if first_file:
            messages.append("First import: create the account once as a manual bank account named 'Pleo' "
                            "(Finanzen > Bank > Bankkonto hinzufügen, without online banking), then assign the "
                            "columns Buchungstag → Datum, Verwendungszweck → Verwendungszweck, "
                            "Auftraggeber/Empfänger → Auftraggeber/Empfänger and Betrag → Betrag; Lexware Office "
                            "keeps that assignment for the next files.")
    if duplicates:
        messages.append(f"{duplicates} lines are in statement files written before and were not written again.")
    return FeedResult(len(new), duplicates, tuple(messages))
