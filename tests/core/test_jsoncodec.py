"""The fast JSON codec reads and writes what the standard library does."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pleodesk.core import jsoncodec

_INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
_JSON = st.recursive(
    st.none() | st.booleans() | _INT64 | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_what_it_writes_reads_back_the_same_with_either(value) -> None:
    text = jsoncodec.dumps_compact(value)
    assert json.loads(text) == value
    assert jsoncodec.loads(text) == value
    assert jsoncodec.loads(text.encode("utf-8")) == value


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_it_reads_what_the_standard_library_writes(value) -> None:
    for text in (json.dumps(value), json.dumps(value, ensure_ascii=False, separators=(",", ":"))):
        assert jsoncodec.loads(text) == json.loads(text)


def test_the_corners_orjson_does_not_take_go_to_the_standard_library() -> None:
    assert math.isnan(jsoncodec.loads(b"NaN"))                      # not JSON, but json reads it
    assert jsoncodec.loads('"\\ud800"') == "\ud800"                 # a lone surrogate
    assert jsoncodec.loads('{"a": 1}'.encode("utf-16")) == {"a": 1}  # json detects UTF-16
    assert jsoncodec.dumps_compact({1: "a", "b": 2**70}) == '{"1":"a","b":1180591620717411303424}'
    assert jsoncodec.dumps_compact({"é": "ü"}) == '{"é":"ü"}'       # UTF-8 as it is, like ensure_ascii=False


def test_what_json_refuses_to_write_it_refuses_too() -> None:
    import dataclasses
    import enum
    from datetime import date, datetime, timezone
    from decimal import Decimal

    @dataclasses.dataclass
    class Point:
        x: int

    for value in (datetime(2026, 1, 1, tzinfo=timezone.utc), date(2026, 1, 1), Point(1), Decimal("1.10"),
                  {"when": datetime(2026, 1, 1)}):
        with pytest.raises(TypeError):
            json.dumps(value)
        with pytest.raises(TypeError):
            jsoncodec.dumps_compact(value)

    class Kind(str, enum.Enum):
        CARD = "card_purchase"

    # Subclasses of the JSON types are written as json writes them.
    assert jsoncodec.dumps_compact({"type": Kind.CARD, "n": True}) == json.dumps(
        {"type": Kind.CARD, "n": True}, separators=(",", ":"), ensure_ascii=False)


def test_what_is_not_json_is_a_value_error() -> None:
    for bad in (b"", b"{", b"nope", b"\xff\xfe\x00"):
        try:
            jsoncodec.loads(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} was read")
