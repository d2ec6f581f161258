"""The wire formats of Xero, QuickBooks Online and lexoffice: amounts as exact JSON numbers, never floats."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from pleodesk.providers.lexoffice import wire as lexoffice
from pleodesk.providers.quickbooks import wire as quickbooks
from pleodesk.providers.xero import wire as xero


def test_xero_and_quickbooks_write_a_decimal_with_exactly_its_digits() -> None:
    body = {"Amount": Decimal("-12.340"), "Lines": [Decimal("7"), (Decimal("0.1"),)], "Note": "lunch",
            "Date": date(2026, 2, 28), "At": datetime(2026, 2, 28, 23, 58, tzinfo=timezone.utc)}
    for wire in (xero, quickbooks):
        assert wire.dumps(body) == ('{"Amount":-12.340,"Lines":[7,[0.1]],"Note":"lunch","Date":"2026-02-28",'
                                    '"At":"2026-02-28T23:58:00+00:00"}').encode()


def test_lexoffice_writes_two_decimals_rounded_half_up_and_its_timestamp_format() -> None:
    body = {"totalGrossAmount": Decimal("119.005"), "taxRatePercent": Decimal("19"), "voucherDate": date(2026, 1, 1),
            "updatedDate": datetime(2026, 8, 14, 9, 30, tzinfo=timezone(timedelta(hours=2))), "name": "Café Øst"}
    assert lexoffice.dumps(body) == ('{"totalGrossAmount":119.01,"taxRatePercent":19.00,"voucherDate":"2026-01-01",'
                                     '"updatedDate":"2026-08-14T09:30:00.000+02:00","name":"Café Øst"}').encode()


@pytest.mark.parametrize(("wire", "system"), [(xero, "Xero"), (quickbooks, "QuickBooks"), (lexoffice, "lexoffice")])
def test_a_float_or_a_non_finite_amount_is_refused(wire, system) -> None:
    with pytest.raises(TypeError, match=f"amounts sent to {system} must be Decimal, never float"):
        wire.dumps({"Amount": 1.5})
    with pytest.raises(ValueError, match="not a finite amount"):
        wire.dumps([Decimal("NaN")])


@pytest.mark.parametrize("wire", [xero, quickbooks, lexoffice])
def test_answers_read_amounts_as_decimals(wire) -> None:
    got = wire.loads(b'{"Total": 0.10, "Count": 3, "Items": [{"Rate": 1e2}]}')
    assert got == {"Total": Decimal("0.10"), "Count": 3, "Items": [{"Rate": Decimal("1e2")}]}
    assert isinstance(got["Total"], Decimal) and str(got["Total"]) == "0.10"
