"""Xero's wire format: exact JSON numbers, ``/Date(…)/`` timestamps, ``where`` filters, deep links.

Amounts never pass through ``float``: requests are encoded from ``Decimal`` to JSON numbers with
exactly the digits given, and responses are parsed with ``parse_float=Decimal``.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timezone
from typing import Any

from pleodesk.providers import exact_json


def dumps(obj: Any) -> bytes:
    """JSON with every ``Decimal`` written as a JSON number carrying exactly its digits."""
    return exact_json.dumps(obj, system="Xero")


loads = exact_json.loads


_MSDATE = re.compile(r"^/Date\((-?\d+)([+-]\d{4})?\)/$")


def parse_msdate(value: str | None) -> datetime | None:
    """``/Date(1690000000000+0000)/`` (milliseconds since the epoch, UTC) to an aware datetime."""
    if not value:
        return None
    m = _MSDATE.match(value.strip())
    if m:
        return datetime.fromtimestamp(int(m.group(1)) / 1000, tz=timezone.utc)
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def quote_where(value: str) -> str:
    """A string literal for a ``where`` filter (double quotes, backslash-escaped)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stable_uuid(namespace: uuid.UUID, *parts: str) -> str:
    return str(uuid.uuid5(namespace, "\u001f".join(parts)))


#: Namespace of every Idempotency-Key this module derives (never change: keys must stay stable).
KEY_NAMESPACE = uuid.UUID("9b1f3c52-5e0a-4d7b-8f43-2a6c1e9d7b10")

WEB_URL = "https://go.xero.com"


def bank_transaction_url(web: str, short_code: str | None, txn_id: str) -> str:
    path = f"/Bank/ViewTransaction.aspx?bankTransactionID={txn_id}"
    return _deep(web, short_code, path)


def bill_url(web: str, short_code: str | None, invoice_id: str) -> str:
    path = f"/AccountsPayable/View.aspx?InvoiceID={invoice_id}"
    return _deep(web, short_code, path)


def credit_note_url(web: str, short_code: str | None, credit_note_id: str) -> str:
    path = f"/AccountsPayable/ViewCreditNote.aspx?creditNoteID={credit_note_id}"
    return _deep(web, short_code, path)


def _deep(web: str, short_code: str | None, path: str) -> str:
    web = web.rstrip("/")
    if short_code:
        from urllib.parse import quote
        return f"{web}/organisationlogin/default.aspx?shortcode={quote(short_code)}&redirecturl={quote(path, safe='')}"
    return web + path
