"""JSON read and written as the standard library does it, faster where that changes nothing.

Reading tens of thousands of Pleo export items is mostly decoding pages and encoding each item again
to store it; orjson does both several times faster than :mod:`json`. It differs from :mod:`json` in a
few corners, which go to :mod:`json` instead, so that the result is what :mod:`json` gives:

- what orjson refuses to read (``NaN``, lone surrogates, encodings other than UTF-8) or write
  (integers beyond 64 bits, keys that are not text, objects it does not know), and what it would
  write where :mod:`json` refuses or writes it otherwise (datetimes, dates, dataclasses, subclasses
  of the JSON types).

Two differences are kept: a ``UUID`` or a plain enum is written as its text (:mod:`json` refuses
them), and an integer beyond 64 bits reads as a float (:mod:`json` gives the integer).
Pleo's API has no such integers (its numbers are ``int32``/``int64``); an amount that large is
refused either way (``money.MAX_MINOR_UNITS``, far below 2**53, beyond which floats are not exact).
Looking for such integers in the text first cost more than decoding it.

Floats are written as the shortest text that reads back the same (:mod:`json` does the same); ``NaN``
and infinities, which JSON does not have, orjson writes as ``null``.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def loads(data: bytes | bytearray | memoryview | str) -> Any:
    """``json.loads(data)``, faster. ValueError (``json.JSONDecodeError``) when it is not JSON."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        pass                                        # json decides: it reads a little more, or says why not
    if isinstance(data, memoryview):
        data = data.tobytes()
    return json.loads(data)


#: What orjson would write and :mod:`json` refuses (datetimes, dates, dataclasses) or writes its own way
#: (subclasses of str, int, dict and list: an enum of strings, a named tuple) is handed to ``_refuse``,
#: so :mod:`json` decides: a datetime in a sandbox answer must fail as it always did, not become text in
#: orjson's format. UUIDs and plain enums orjson still writes (their text, as ``str()`` gives it).
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS


def _refuse(obj: Any) -> Any:
    raise TypeError(f"{type(obj).__name__} is left to json")


def dumps_compact(obj: Any) -> str:
    """``json.dumps(obj, separators=(",", ":"), ensure_ascii=False)``, faster."""
    try:
        return orjson.dumps(obj, default=_refuse, option=_OPTIONS).decode("utf-8")
    except TypeError:                               # orjson.JSONEncodeError: json decides
        return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
