"""Money as Decimal in a currency's minor units. Never float.

Pleo sends amounts as minor units (``MoneyModel.value``: 896.96 SEK is ``89696``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import iso4217

#: ISO 4217 codes in use, with their minor units (decimal places), from the ISO 4217 maintenance
#: agency's published table as the ``iso4217`` package ships it (``iso4217.__published__``). Codes
#: without minor units (gold, SDR, the test and "no currency" codes) are not money pleodesk books.
#: Not CLDR's digits (Babel): those are display digits and differ from ISO's minor units (CLDR shows
#: HUF, IDR and COP without decimals; Pleo's minor units follow ISO 4217, where they have two).
_EXPONENTS: dict[str, int] = {
    code: int(entry["CcyMnrUnts"]) for code, entry in iso4217.raw_table.items()
    if code and str(entry.get("CcyMnrUnts") or "").isdigit()
}
ISO4217_PUBLISHED = iso4217.__published__

#: The largest amount pleodesk takes, in minor units either way (10 trillion in a currency with
#: cents). Far above any expense, and far below what SQLite's 64-bit integers hold (2**63 - 1), so
#: sums of many amounts stay exact too. Beyond it an amount is refused as bad data.
MAX_MINOR_UNITS = 10**15


class UnknownCurrency(ValueError):
    """A code that is not an ISO 4217 currency with minor units."""


class AmountOutOfRange(ValueError):
    """More minor units than ``MAX_MINOR_UNITS`` either way."""


def _exponent(currency: str) -> int:
    exp = _EXPONENTS.get(currency.upper()) if isinstance(currency, str) else None
    if exp is None:
        raise UnknownCurrency(f"the currency {currency!r} is not an ISO 4217 currency code")
    return exp


def is_currency(code: object) -> bool:
    """Whether ``code`` is an ISO 4217 currency code in use (any case)."""
    return isinstance(code, str) and len(code) == 3 and code.upper() in _EXPONENTS


def minor_exponent(currency: str) -> int:
    """Number of decimal places of ``currency`` (ISO 4217). ``UnknownCurrency`` for any other code."""
    return _exponent(currency)


def quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_exponent(currency))


def _check_bound(minor: int | Decimal, currency: str) -> None:
    if not -MAX_MINOR_UNITS <= minor <= MAX_MINOR_UNITS:
        raise AmountOutOfRange(f"the amount of {minor} minor units of {currency} is beyond the largest amount "
                               f"pleodesk takes ({MAX_MINOR_UNITS:,} minor units)")


#: Money made from minor units lately, by (minor units, currency as given): see ``Money.from_minor``.
_RECENT: dict[tuple[int, str], "Money"] = {}
_RECENT_MAX = 20_000
_CODES: dict[str, str] = {}


class CurrencyMismatch(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount in one currency, always quantised to the currency's minor unit."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.amount, float):
            raise TypeError("Money never takes a float; use Decimal or a string")
        if not isinstance(self.currency, str) or len(self.currency) != 3 or self.currency.upper() not in _EXPONENTS:
            raise UnknownCurrency(f"the currency {self.currency!r} is not an ISO 4217 currency code")
        try:
            amount = Decimal(self.amount)
        except (InvalidOperation, TypeError) as exc:
            raise ValueError(f"not an amount: {self.amount!r}") from exc
        q = quantum(self.currency)
        if amount != amount.quantize(q):
            raise ValueError(
                f"{amount} has more decimals than {self.currency} allows ({minor_exponent(self.currency)})"
            )
        object.__setattr__(self, "amount", amount.quantize(q))
        object.__setattr__(self, "currency", self.currency.upper())

    # --- construction -------------------------------------------------------------
    @classmethod
    def from_minor(cls, minor: int | str | Decimal, currency: str) -> "Money":
        """From minor units as Pleo sends them (an integer; JSON numbers like 1250.0 are accepted if whole)."""
        if isinstance(minor, float):
            if not minor.is_integer():
                raise ValueError(f"minor units must be whole: {minor!r}")
            minor = int(minor)
        if type(minor) is int and type(currency) is str and cls is Money:
            # Fast path (hot when reading tens of thousands of export items): an integer number of
            # minor units of a known currency is exact by construction, so the checks of
            # __post_init__ hold already; only the currency and the bound are checked.
            # Money is immutable, so equal amounts share one object (an expense repeats its amount in
            # its lines, net and supplier currency; a month repeats common ones): a 50,000-expense
            # job then holds a fraction of the objects, and the currency code once.
            key = (minor, currency)
            m = _RECENT.get(key)
            if m is not None:
                return m
            cur = _CODES.get(currency)
            if cur is None:
                _exponent(currency)                      # UnknownCurrency for anything but ISO 4217
                cur = _CODES[currency] = sys.intern(currency.upper())
            if not -MAX_MINOR_UNITS <= minor <= MAX_MINOR_UNITS:
                _check_bound(minor, cur)
            exp = _EXPONENTS[cur]
            m = object.__new__(cls)
            object.__setattr__(m, "amount", Decimal(minor).scaleb(-exp) if exp else Decimal(minor))
            object.__setattr__(m, "currency", cur)
            if len(_RECENT) >= _RECENT_MAX:
                _RECENT.clear()
            _RECENT[key] = m
            return m
        if isinstance(minor, bool):
            raise ValueError(f"minor units must be a whole number: {minor!r}")
        try:
            value = Decimal(minor)
        except (InvalidOperation, TypeError, ValueError) as exc:
            raise ValueError(f"minor units must be a whole number: {minor!r}") from exc
        if not value.is_finite() or value != value.to_integral_value():
            raise ValueError(f"minor units must be whole: {minor!r}")
        _check_bound(value, currency)
        return cls(value.scaleb(-minor_exponent(currency)), currency)

    @classmethod
    def rounded(cls, amount: Decimal, currency: str) -> "Money":
        """Round half-up to the currency's minor unit (use only where rounding is intended)."""
        return cls(Decimal(amount).quantize(quantum(currency), rounding=ROUND_HALF_UP), currency)

    @classmethod
    def zero(cls, currency: str) -> "Money":
        return cls(Decimal(0), currency)

    # --- views --------------------------------------------------------------------
    @property
    def minor(self) -> int:
        return int(self.amount.scaleb(_EXPONENTS[self.currency]))

    def is_zero(self) -> bool:
        return self.amount == 0

    def __str__(self) -> str:
        return f"{self.amount:,.{_EXPONENTS[self.currency]}f} {self.currency}"

    # --- arithmetic -----------------------------------------------------------------
    def _check(self, other: "Money") -> None:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise CurrencyMismatch(f"{self.currency} vs {other.currency}")

    def __add__(self, other: "Money") -> "Money":
        self._check(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._check(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> "Money":
        return Money(-self.amount, self.currency)

    def __abs__(self) -> "Money":
        return Money(abs(self.amount), self.currency)

    def __lt__(self, other: "Money") -> bool:
        self._check(other)
        return self.amount < other.amount

    def __le__(self, other: "Money") -> bool:
        self._check(other)
        return self.amount <= other.amount

    def __gt__(self, other: "Money") -> bool:
        self._check(other)
        return self.amount > other.amount

    def __ge__(self, other: "Money") -> bool:
        self._check(other)
        return self.amount >= other.amount


def total(items, currency: str) -> Money:
    """Sum Money values of one currency (an empty sum is zero)."""
    acc = Money.zero(currency)
    for m in items:
        acc = acc + m
    return acc
