"""The next calls' faults the Xero, QuickBooks and lexoffice emulators are told to play (``fail_next``)."""

from __future__ import annotations

from decimal import Decimal

from pleodesk.sandbox.faults import NextCallFaults
from pleodesk.sandbox.server import exact_json


def test_each_rule_fails_its_count_of_matching_calls_oldest_first() -> None:
    faults = NextCallFaults()
    faults.add("/vouchers", "503", count=2)
    faults.add("/vouchers", "drop_after", method="POST")
    faults.add("/files", "500", method="GET")
    assert faults.take("POST", "/v1/files") is None                 # another method
    assert faults.take("POST", "/v1/vouchers") == "503"
    assert faults.take("GET", "/v1/vouchers/1") == "503"
    assert faults.take("GET", "/v1/vouchers") is None               # the POST-only rule is next
    assert faults.take("POST", "/v1/vouchers") == "drop_after"
    assert faults.take("POST", "/v1/vouchers") is None
    faults.clear()
    assert faults.take("GET", "/v1/files") is None


def test_emulator_answers_carry_amounts_as_exact_numbers() -> None:
    assert exact_json({"Total": Decimal("119.00"), "Lines": [(Decimal("-0.005"),)], "Name": "Café"}) == \
        '{"Total":119.00,"Lines":[[-0.005]],"Name":"Café"}'.encode()
