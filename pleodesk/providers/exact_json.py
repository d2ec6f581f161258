"""JSON whose amounts never pass through ``float``, as Xero, QuickBooks Online and lexoffice take it.

``dumps`` writes every ``Decimal`` as a JSON number with the digits ``decimal_text`` gives (by default
exactly its own digits) and refuses floats; ``loads`` reads numbers with a fraction as ``Decimal``.
Each system's ``wire`` module says how it writes amounts and moments.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Any, Callable

# A Decimal is first written as a marked string, then the quotes and mark are taken off.
_MARK = "\u0000exactdec:"
_MARKED = re.compile(r'"\\u0000exactdec:(-?[0-9]+(?:\.[0-9]+)?)"')


def _plain_digits(value: Decimal) -> str:
    return f"{value:f}"


def _iso(value: date) -> str:
    return value.isoformat()


def dumps(obj: Any, *, system: str, decimal_text: Callable[[Decimal], str] = _plain_digits,
          moment: Callable[[date], str] = _iso) -> bytes:
    """``obj`` as compact UTF-8 JSON; dates and datetimes as ``moment`` writes them. ValueError for a
    Decimal that is not finite, TypeError for a float (amounts sent to ``system`` must be exact)."""

    def mark(o: Any) -> Any:
        if isinstance(o, Decimal):
            if not o.is_finite():
                raise ValueError(f"not a finite amount: {o}")
            return f"{_MARK}{decimal_text(o)}"
        if isinstance(o, float):
            raise TypeError(f"amounts sent to {system} must be Decimal, never float")
        if isinstance(o, dict):
            return {k: mark(v) for k, v in o.items()}
        if isinstance(o, (list, tuple)):
            return [mark(v) for v in o]
        if isinstance(o, date):                     # a datetime too
            return moment(o)
        return o

    text = json.dumps(mark(obj), separators=(",", ":"), ensure_ascii=False)
    return _MARKED.sub(lambda m: m.group(1), text).encode("utf-8")


def loads(data: bytes | str) -> Any:
    """JSON with every number that has a fraction or exponent read as ``Decimal``."""
    return json.loads(data, parse_float=Decimal)
