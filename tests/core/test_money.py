from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pleodesk.core.money import (MAX_MINOR_UNITS, AmountOutOfRange, CurrencyMismatch, Money, UnknownCurrency,
                                 is_currency, minor_exponent, quantum, total)


@pytest.mark.parametrize("currency, exponent", [
    ("EUR", 2), ("DKK", 2), ("SEK", 2), ("USD", 2), ("GBP", 2),
    ("JPY", 0), ("ISK", 0), ("KRW", 0),
    ("KWD", 3), ("BHD", 3), ("TND", 3),
    ("CLF", 4),
    ("jpy", 0), ("kwd", 3),
    ("HUF", 2), ("IDR", 2), ("COP", 2), ("IQD", 3),   # ISO 4217's minor units, not CLDR's display digits
])
def test_minor_exponent(currency, exponent):
    assert minor_exponent(currency) == exponent
    assert quantum(currency) == Decimal(1).scaleb(-exponent)


@pytest.mark.parametrize("minor, currency, amount", [
    (89696, "SEK", "896.96"),
    (6366, "GBP", "63.66"),
    (1500, "JPY", "1500"),
    (1250, "KWD", "1.250"),
    (-1, "EUR", "-0.01"),
    (0, "EUR", "0.00"),
    ("12345", "DKK", "123.45"),
    (1250.0, "EUR", "12.50"),          # JSON numbers that are whole
    (Decimal("7"), "EUR", "0.07"),
])
def test_from_minor(minor, currency, amount):
    m = Money.from_minor(minor, currency)
    assert m.amount == Decimal(amount)
    assert str(m.amount) == amount            # quantised to the currency's decimals
    assert m.currency == currency
    assert m.minor == int(Decimal(str(minor)))


@pytest.mark.parametrize("minor", [12.5, "12.5", Decimal("0.1")])
def test_from_minor_refuses_fractions(minor):
    with pytest.raises(ValueError, match="whole"):
        Money.from_minor(minor, "EUR")


def test_refuses_float():
    with pytest.raises(TypeError, match="float"):
        Money(0.1, "EUR")  # type: ignore[arg-type]


@pytest.mark.parametrize("amount, currency", [
    ("1.005", "EUR"), ("0.5", "JPY"), ("1.0001", "KWD"), ("0.001", "USD"),
])
def test_refuses_over_precise_amounts(amount, currency):
    with pytest.raises(ValueError, match="more decimals"):
        Money(Decimal(amount), currency)


def test_accepts_trailing_zeros_and_quantises():
    assert str(Money(Decimal("1.50000"), "EUR").amount) == "1.50"
    assert str(Money(Decimal("3"), "KWD").amount) == "3.000"
    assert str(Money(Decimal("1500.00"), "JPY").amount) == "1500"
    assert Money("2.10", "EUR").amount == Decimal("2.10")     # strings are exact


@pytest.mark.parametrize("currency", ["EU", "EURO", "", None, 978])
def test_refuses_bad_currency(currency):
    with pytest.raises(ValueError):
        Money(Decimal(1), currency)  # type: ignore[arg-type]


def test_refuses_non_amount():
    with pytest.raises(ValueError, match="not an amount"):
        Money("twelve", "EUR")  # type: ignore[arg-type]


def test_currency_normalised_to_upper_case():
    assert Money(Decimal("1"), "eur") == Money(Decimal("1.00"), "EUR")


def test_arithmetic():
    a = Money(Decimal("10.10"), "EUR")
    b = Money(Decimal("0.20"), "EUR")
    assert a + b == Money(Decimal("10.30"), "EUR")
    assert a - b == Money(Decimal("9.90"), "EUR")
    assert -a == Money(Decimal("-10.10"), "EUR")
    assert abs(-a) == a
    assert b < a and a > b and a >= a and b <= b
    assert (a - a).is_zero()
    assert Money.zero("JPY").amount == 0 and str(Money.zero("JPY").amount) == "0"


def test_addition_of_tenths_is_exact():
    # The classic float trap: 0.1 + 0.2 != 0.3. Never with Money.
    assert Money("0.10", "EUR") + Money("0.20", "EUR") == Money("0.30", "EUR")


def test_currency_mismatch():
    eur, dkk = Money("1", "EUR"), Money("1", "DKK")
    for op in (lambda: eur + dkk, lambda: eur - dkk, lambda: eur < dkk, lambda: eur >= dkk):
        with pytest.raises(CurrencyMismatch, match="EUR vs DKK"):
            op()
    assert issubclass(CurrencyMismatch, ValueError)


def test_cannot_mix_with_plain_numbers():
    with pytest.raises(TypeError):
        Money("1", "EUR") + Decimal(1)  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money("1", "EUR") + 1  # type: ignore[operator]


def test_rounded_is_half_up_and_explicit():
    assert Money.rounded(Decimal("1.005"), "EUR").amount == Decimal("1.01")
    assert Money.rounded(Decimal("-1.005"), "EUR").amount == Decimal("-1.01")
    assert Money.rounded(Decimal("2.5"), "JPY").amount == Decimal("3")
    assert Money.rounded(Decimal("0.0005"), "KWD").amount == Decimal("0.001")


def test_total():
    items = [Money("1.10", "EUR"), Money("2.20", "EUR"), Money("-0.30", "EUR")]
    assert total(items, "EUR") == Money("3.00", "EUR")
    assert total([], "KWD") == Money.zero("KWD")
    with pytest.raises(CurrencyMismatch):
        total([Money("1", "EUR")], "DKK")


def test_str():
    assert str(Money("1234.5", "EUR")) == "1,234.50 EUR"
    assert str(Money("1500", "JPY")) == "1,500 JPY"
    assert str(Money("-1.25", "KWD")) == "-1.250 KWD"


def test_hash_and_equality_ignore_trailing_zeros():
    assert hash(Money(Decimal("1.0"), "EUR")) == hash(Money(Decimal("1.00"), "EUR"))
    assert Money("1", "EUR") != Money("1", "DKK")


CURRENCIES = st.sampled_from(["EUR", "DKK", "JPY", "KWD", "CLF"])


@given(st.integers(-10**15, 10**15), st.integers(-10**15, 10**15), CURRENCIES)
def test_minor_units_round_trip_and_add_exactly(a, b, currency):
    ma, mb = Money.from_minor(a, currency), Money.from_minor(b, currency)
    assert ma.minor == a and mb.minor == b
    assert (ma + mb).minor == a + b
    assert (ma - mb).minor == a - b
    assert (-ma).minor == -a
    assert isinstance(ma.amount, Decimal)
    assert ma.amount.as_tuple().exponent == -minor_exponent(currency)


@pytest.mark.parametrize("currency", ["XYZ", "=1+", "ABC", "XXX", "XAU", "XTS", "DEM", "", "EURO", None, 978])
def test_only_iso_4217_currencies_with_minor_units(currency):
    """Any three characters passed as a currency (the fast path of from_minor checked only the length),
    and an unknown code was given two decimals."""
    assert not is_currency(currency)
    with pytest.raises(UnknownCurrency):
        Money.from_minor(100, currency)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Money.from_minor("100", currency)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Money(Decimal(1), currency)  # type: ignore[arg-type]
    if isinstance(currency, str):
        with pytest.raises(UnknownCurrency):
            minor_exponent(currency)


@pytest.mark.parametrize("minor", [MAX_MINOR_UNITS + 1, -MAX_MINOR_UNITS - 1, 2**63, -(2**63) - 1, 10**30,
                                   str(2**63), 1e20])
def test_amounts_are_bounded(minor):
    """2**63 minor units reached SQLite, which cannot hold it (OverflowError, every run)."""
    with pytest.raises(AmountOutOfRange, match="beyond the largest amount"):
        Money.from_minor(minor, "EUR")


def test_the_bound_itself_is_an_amount():
    assert Money.from_minor(MAX_MINOR_UNITS, "EUR").amount == Decimal("10000000000000.00")
    assert Money.from_minor(-MAX_MINOR_UNITS, "JPY").minor == -MAX_MINOR_UNITS
    assert MAX_MINOR_UNITS * 9000 < 2**63           # sums of many stay within SQLite's integers
