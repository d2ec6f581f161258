"""What Odoo 16 and 17 compute for a vendor-bill line, so a bill is only created when Odoo's numbers
will be Pleo's to the cent.

Odoo computes taxes in floats and rounds with ``odoo.tools.float_round`` (half-up, with a small
epsilon against binary noise). With the default company setting ``round_per_line`` every line's tax
is rounded to the currency's precision before the tax lines are summed; with ``round_globally`` the
unrounded amounts are summed per tax line and rounded once. Only percent taxes are predicted here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal


def float_round(value: float, digits: int) -> float:
    """``odoo.tools.float_utils.float_round(value, precision_digits=digits)`` with HALF-UP."""
    factor = 10.0 ** -digits
    if value == 0:
        return 0.0
    normalized = value / factor
    epsilon_magnitude = math.log(abs(normalized), 2)
    epsilon = 2 ** (epsilon_magnitude - 52)
    normalized += math.copysign(epsilon, normalized)
    return round(normalized) * factor


def to_decimal(value: float, digits: int) -> Decimal:
    """A float amount as Odoo stores it (rounded to the currency) as an exact Decimal."""
    q = Decimal(1).scaleb(-digits)
    return Decimal(repr(float_round(value, digits))).quantize(q)


@dataclass(frozen=True)
class TaxInfo:
    """A purchase tax as read from Odoo."""

    id: int
    key: str                       # our stable code, e.g. "21.0-percent-excl"
    name: str
    amount: Decimal                # percent, e.g. Decimal("21.0")
    amount_type: str               # percent | fixed | group | division
    price_include: bool
    factors: tuple[Decimal, ...]   # factor_percent / 100 of the invoice "tax" repartition lines
    accounts: tuple[int | None, ...]  # their account ids (None: the base line's account)
    active: bool = True

    @property
    def reverse(self) -> bool:
        return any(f < 0 for f in self.factors)

    @property
    def deductible_factor(self) -> Decimal:
        return sum((f for f in self.factors if f > 0), Decimal(0))

    def same_booking(self, other: "TaxInfo") -> bool:
        """Books like ``other`` (same rate, kind and accounts), whatever price_include says."""
        return (self.amount == other.amount and self.amount_type == other.amount_type
                and self.factors == other.factors and self.accounts == other.accounts)


def tax_key(amount: Decimal, amount_type: str, price_include: bool, reverse: bool) -> str:
    """``21.0-percent-excl``; ``-reverse`` for self-assessed (reverse-charge) taxes."""
    amt = Decimal(amount).quantize(Decimal("0.0001")).normalize()
    text = f"{amt:f}"
    if "." not in text:
        text += ".0"
    key = f"{text}-{amount_type}-{'incl' if price_include else 'excl'}"
    return key + ("-reverse" if reverse else "")


@dataclass(frozen=True)
class LinePrediction:
    price_unit: Decimal       # what to send
    subtotal: Decimal         # Odoo's price_subtotal (signed like price_unit)
    tax: Decimal              # the deductible (positive-factor) tax Odoo books, rounded per line or not
    tax_raw: float            # unrounded deductible tax (round_globally)


def predict_line(price_unit: Decimal, tax: TaxInfo | None, digits: int, round_per_line: bool) -> LinePrediction:
    """Odoo's ``compute_all`` for one line, quantity 1, a single percent tax (or none)."""
    base = float_round(float(price_unit), digits)
    if tax is None or tax.amount_type != "percent":
        return LinePrediction(price_unit, to_decimal(base, digits), Decimal(0), 0.0)
    rate = float(tax.amount)
    if tax.price_include:
        raw = base - (base / (1 + rate / 100))
    else:
        raw = base * rate / 100
    prec_digits = digits if round_per_line else digits + 5
    tax_amount = float_round(raw, prec_digits)
    deductible = 0.0
    for f in tax.factors:
        part = float_round(tax_amount * float(f), prec_digits)
        if f > 0:
            deductible += part
    subtotal = base - tax_amount if tax.price_include else base
    return LinePrediction(price_unit, to_decimal(subtotal, digits),
                          to_decimal(deductible, digits) if round_per_line else to_decimal(deductible, digits),
                          deductible)


def choose_line(net: Decimal, pleo_tax: Decimal, candidates: list[TaxInfo], digits: int,
                round_per_line: bool) -> tuple[TaxInfo, LinePrediction] | None:
    """The first candidate tax (and price) with which Odoo books exactly ``net`` and ``pleo_tax``.

    ``net`` and ``pleo_tax`` are signed in the bill's direction (positive on an ordinary bill)."""
    for tax in candidates:
        if tax.amount_type != "percent":
            continue
        if tax.deductible_factor not in (Decimal(0), Decimal(1)):
            continue   # partly deductible taxes split the amount in ways Pleo does not
        price = net + pleo_tax if tax.price_include and not tax.reverse else net
        pred = predict_line(price, tax, digits, round_per_line)
        if pred.subtotal != net:
            continue
        if tax.deductible_factor == 0:
            if pleo_tax == 0:
                return tax, pred
            continue
        if pred.tax == pleo_tax:
            return tax, pred
    return None
