"""lexoffice's wire format: amounts as ``##.00``, its one timestamp format, its two error bodies, links.

Sources (the reference page developers.lexware.io/docs, read as quoted in the project's research notes,
part B): amounts are JSON numbers "in format ##.00"; every timestamp is ``yyyy-MM-ddTHH:mm:ss.SSSXXX``
(three millisecond digits, ``Z`` or ``+01:00``); dates are ``yyyy-MM-dd``; errors come either as the
legacy ``{"IssueList": [{"i18nKey", "source", "type", "additionalData", "args"}]}`` (contacts, files,
vouchers) or as the regular ``{"timestamp", "status", "error", "path", "traceId", "message",
"details": [{"violation", "field", "message"}]}`` (profile, voucherlist, ...), and the gateway's own
answers as ``{"message": "..."}``.

Amounts never pass through ``float``: requests are encoded from ``Decimal`` with exactly two decimals,
answers are parsed with ``parse_float=Decimal``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pleodesk.providers import exact_json

CENT = Decimal("0.01")

#: ``yyyy-MM-ddTHH:mm:ss.SSSXXX``: exactly three millisecond digits and ``Z`` or ``±HH:MM``.
TIMESTAMP_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def amount(value: Decimal) -> Decimal:
    """``value`` to the cent (half up), as lexoffice's ``##.00``."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def _moment(value: date) -> str:
    return format_timestamp(value) if isinstance(value, datetime) else value.isoformat()


def _two_decimals(value: Decimal) -> str:
    return f"{amount(value):f}"


def dumps(obj: Any) -> bytes:
    """JSON with every ``Decimal`` written as a number with exactly two decimals (``119.00``)."""
    return exact_json.dumps(obj, system="lexoffice", decimal_text=_two_decimals, moment=_moment)


loads = exact_json.loads


def format_timestamp(dt: datetime) -> str:
    """``2026-08-14T09:30:00.000+02:00`` (``Z`` for UTC): lexoffice's one timestamp format."""
    if dt.tzinfo is None:
        raise ValueError("a timestamp for lexoffice needs a time zone")
    ms = dt.microsecond // 1000
    off = dt.utcoffset() or timedelta(0)
    if off == timedelta(0):
        zone = "Z"
    else:
        total = int(off.total_seconds())
        sign = "+" if total >= 0 else "-"
        total = abs(total)
        zone = f"{sign}{total // 3600:02d}:{total % 3600 // 60:02d}"
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + f".{ms:03d}{zone}"


def parse_timestamp(value: str) -> datetime:
    """A timestamp in exactly lexoffice's format; ValueError for anything else."""
    if not isinstance(value, str) or not TIMESTAMP_RE.match(value):
        raise ValueError(f"{value!r} is not a timestamp of the form yyyy-MM-ddTHH:mm:ss.SSSXXX")
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def parse_date(value: str) -> date:
    """``yyyy-MM-dd`` exactly; ValueError for anything else."""
    if not isinstance(value, str) or not DATE_RE.match(value):
        raise ValueError(f"{value!r} is not a date of the form yyyy-MM-dd")
    return date.fromisoformat(value)


# ---------------------------------------------------------------------------------- errors -----
def error_messages(body: Any) -> list[str]:
    """What an error body says, whichever of lexoffice's shapes it has, in a few plain pieces."""
    out: list[str] = []
    if isinstance(body, dict):
        for issue in body.get("IssueList") or ():
            if isinstance(issue, dict):
                key = issue.get("i18nKey") or issue.get("type") or "error"
                src = issue.get("source")
                out.append(f"{key} ({src})" if src else str(key))
        for d in body.get("details") or ():
            if isinstance(d, dict):
                field = d.get("field")
                msg = d.get("message") or d.get("violation") or ""
                out.append(f"{field}: {msg}" if field else str(msg))
        if not out and body.get("message"):
            out.append(str(body["message"]))
        if not out and body.get("error"):
            out.append(str(body["error"]))
    elif isinstance(body, list):            # a list of IssueList bodies (finance batches)
        for b in body:
            out += error_messages(b)
    return out


def issue_keys(body: Any) -> set[str]:
    """The ``i18nKey``s (legacy) and ``violation``s (regular) of an error body."""
    keys: set[str] = set()
    if isinstance(body, dict):
        for issue in body.get("IssueList") or ():
            if isinstance(issue, dict) and issue.get("i18nKey"):
                keys.add(str(issue["i18nKey"]))
        for d in body.get("details") or ():
            if isinstance(d, dict) and d.get("violation"):
                keys.add(str(d["violation"]))
    return keys


# ---------------------------------------------------------------------------------- links ------
APP_URL = "https://app.lexware.de"


def voucher_url(app_url: str, voucher_id: str) -> str:
    """The permanent link that opens a voucher in Lexware Office (``/permalink/vouchers/view/{id}``)."""
    return f"{app_url.rstrip('/')}/permalink/vouchers/view/{voucher_id}"
