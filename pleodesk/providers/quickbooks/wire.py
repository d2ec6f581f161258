"""QuickBooks Online's wire format: exact JSON numbers, the query language's literals, our reference in
``DocNumber``, and links into QuickBooks' web app.

Amounts never pass through ``float``: requests are encoded from ``Decimal`` to JSON numbers with exactly
the digits given, and answers are parsed with ``parse_float=Decimal``.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from typing import Any

from pleodesk.providers import exact_json


#: QuickBooks' limit on ``DocNumber`` (the XSD has none; Intuit's reference page: 21 characters).
DOC_NUMBER_MAX = 21
PRIVATE_NOTE_MAX = 4000
#: Namespace of every ``requestid`` this package derives (never change: ids must stay stable).
REQUEST_NAMESPACE = uuid.UUID("3f7a9c2e-8b41-4d6a-a0e5-5c2d1b9e7f34")


def dumps(obj: Any) -> bytes:
    """JSON with every ``Decimal`` written as a JSON number carrying exactly its digits."""
    return exact_json.dumps(obj, system="QuickBooks")


loads = exact_json.loads


def quote(value: str) -> str:
    """A string literal of the query language: single quotes, ``'`` and ``\\`` escaped with ``\\``."""
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def doc_number(reference: str) -> str:
    """Our reference as a ``DocNumber`` (at most 21 characters): ``PLEO-`` and the first 16 hex digits of
    the Pleo id when it is a UUID (so a bookkeeper can search for it), else of a hash of the reference.
    The full Pleo id goes in ``PrivateNote``; a look-up checks it there."""
    ref = str(reference)
    eid = ref[5:] if ref.startswith("PLEO-") else ref
    hexed = eid.replace("-", "").lower()
    if not re.fullmatch(r"[0-9a-f]{16,}", hexed):
        hexed = hashlib.sha256(ref.encode("utf-8")).hexdigest()
    out = "PLEO-" + hexed[:16]
    assert len(out) <= DOC_NUMBER_MAX
    return out


def expense_id_of(reference: str) -> str:
    return reference[5:] if reference.startswith("PLEO-") else reference


def private_note(reference: str, text: str = "") -> str:
    """What goes in ``PrivateNote``: the full Pleo id first (a look-up checks it), then the description."""
    head = f"Pleo {expense_id_of(reference)}"
    body = " ".join(str(text or "").split())
    return (f"{head} · {body}" if body else head)[:PRIVATE_NOTE_MAX]


def request_id(*parts: str) -> str:
    """A stable ``requestid`` (36 characters: fits both the 50 of a single call and the 36 of ``/batch``)."""
    return str(uuid.uuid5(REQUEST_NAMESPACE, "\u001f".join(parts)))


WEB_URL = "https://qbo.intuit.com"
_WEB_PAGES = {"Purchase": "expense", "Deposit": "deposit", "Transfer": "transfer", "Bill": "bill",
              "VendorCredit": "vendorcredit"}


def web_link(web: str, kind: str, txn_id: str) -> str:
    """The transaction in QuickBooks' web app (``/app/expense?txnId=123``)."""
    return f"{web.rstrip('/')}/app/{_WEB_PAGES.get(kind, kind.lower())}?txnId={txn_id}"


def kind_from_link(url: str | None) -> str | None:
    if not url:
        return None
    m = re.search(r"/app/([a-z]+)\?txnId=", url)
    if not m:
        return None
    page = m.group(1)
    return next((k for k, v in _WEB_PAGES.items() if v == page), None)
