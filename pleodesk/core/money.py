"""Money as Decimal in a currency's minor units. Never float.

Pleo sends amounts as minor units (``MoneyModel.value``: 896.96 SEK is ``89696``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# ISO 4217 minor-unit exponents that differ from 2. Every other code uses 2.
_EXPONENTS: dict[str, int] = {
    # zero-decimal
    "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
    "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0,
    "XPF": 0,
    # three-decimal
    "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    # four-decimal
    "CLF": 4, "UYW": 4,
}


def minor_exponent(currency: str) -> int:
    """Number of decimal places of ``currency`` (ISO 4217)."""
    return _EXPONENTS.get(currency.upper(), 2)


def quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_exponent(currency))


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
        if not isinstance(self.currency, str) or len(self.currency) != 3:
            raise ValueError(f"not an ISO 4217 currency code: {self.currency!r}")
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
        if type(minor) is int and type(currency) is str and len(currency) == 3 and cls is Money:
            # Fast path (hot when reading tens of thousands of export items): an integer number of
            # minor units is exact by construction, so the checks of __post_init__ hold already.
            # Money is immutable, so equal amounts share one object (an expense repeats its amount in
            # its lines, net and supplier currency; a month repeats common ones): a 50,000-expense
            # job then holds a fraction of the objects, and the currency code once.
            key = (minor, currency)
            m = _RECENT.get(key)
            if m is not None:
                return m
            cur = _CODES.get(currency)
            if cur is None:
                cur = _CODES[currency] = sys.intern(currency.upper())
            exp = _EXPONENTS.get(cur, 2)
            m = object.__new__(cls)
            object.__setattr__(m, "amount", Decimal(minor).scaleb(-exp) if exp else Decimal(minor))
            object.__setattr__(m, "currency", cur)
            if len(_RECENT) >= _RECENT_MAX:
                _RECENT.clear()
            _RECENT[key] = m
            return m
        value = Decimal(minor)
        if value != value.to_integral_value():
            raise ValueError(f"minor units must be whole: {minor!r}")
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
        return int(self.amount.scaleb(minor_exponent(self.currency)))

    def is_zero(self) -> bool:
        return self.amount == 0

    def __str__(self) -> str:
        return f"{self.amount:,.{minor_exponent(self.currency)}f} {self.currency}"

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
