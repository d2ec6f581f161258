"""Odoo's purchase taxes as pleodesk names them, and what Odoo 16 and 17 compute for a vendor-bill line,
so a bill is only created when Odoo's numbers will be Pleo's to the cent.

**Naming.** A tax is named by its name in Odoo (``21%``, ``21% INC``, ``21% EX EU S`` on 17;
``BTW te vorderen hoog (inkopen)`` on 16): readable, the same in every database with that chart,
unique per company (Odoo's ``name_company_uniq`` covers name, use and tax scope; a scope is added in
brackets when two taxes share a name). A mapping or setup file may also choose a tax by what it is, a
*meaning key*: ``21% incl``, ``0% excl``, ``21% excl reverse``, ``9% excl services`` (rate, price
included or not, optionally ``goods`` / ``services`` and ``reverse`` for self-assessed taxes with a
+100 % and a -100 % tax line). A meaning key that fits more than one active tax is refused with the
candidates listed; the old keys ``21.0-percent-excl[-reverse][-<id>]`` are read as meaning keys (the id
suffix, a database id, must name a tax of that meaning).

Odoo computes taxes in floats and rounds with ``odoo.tools.float_round`` (half-up, with a small
epsilon against binary noise). With the default company setting ``round_per_line`` every line's tax
is rounded to the currency's precision before the tax lines are summed; with ``round_globally`` the
unrounded amounts are summed per tax line and rounded once. Only percent taxes are predicted here.
"""

from __future__ import annotations

import math
import re
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
    key: str                       # our code: Odoo's name (see the module docstring)
    name: str
    amount: Decimal                # percent, e.g. Decimal("21.0")
    amount_type: str               # percent | fixed | group | division
    price_include: bool
    factors: tuple[Decimal, ...]   # factor_percent / 100 of the invoice "tax" repartition lines
    accounts: tuple[int | None, ...]  # their account ids (None: the base line's account)
    active: bool = True
    scope: str | None = None       # Odoo's tax_scope: "consu" (goods), "service" or None (both)
    description: str = ""          # Odoo's description (17: the long name; 16: the label on invoices)

    @property
    def reverse(self) -> bool:
        return any(f < 0 for f in self.factors)

    @property
    def meaning(self) -> str:
        """Its meaning key: ``21% excl``, ``21% excl services reverse``..."""
        return meaning_key(self.amount, self.price_include, self.reverse, self.scope)

    def describe(self) -> str:
        """What it is, in words: ``21%, price excluded, reverse charge (Imports within EU 21%)``."""
        parts = [_pct(self.amount) + ("" if self.amount_type == "percent" else f" ({self.amount_type})"),
                 "price included" if self.price_include else "price excluded"]
        if self.scope:
            parts.append(SCOPE_WORDS.get(self.scope, self.scope))
        if self.reverse:
            parts.append("reverse charge")
        text = ", ".join(parts)
        extra = self.description.strip()
        if extra and extra != self.name:
            text += f" ({extra})"
        return text

    @property
    def deductible_factor(self) -> Decimal:
        return sum((f for f in self.factors if f > 0), Decimal(0))

    def same_booking(self, other: "TaxInfo") -> bool:
        """Books like ``other`` (same rate, kind and accounts), whatever price_include says."""
        return (self.amount == other.amount and self.amount_type == other.amount_type
                and self.factors == other.factors and self.accounts == other.accounts)


SCOPE_WORDS = {"consu": "goods", "service": "services"}
_SCOPES = {"goods": "consu", "good": "consu", "consu": "consu", "services": "service", "service": "service"}


def _pct(amount: Decimal) -> str:
    text = f"{Decimal(amount).quantize(Decimal('0.0001')).normalize():f}"
    return f"{text}%"


def meaning_key(amount: Decimal, price_include: bool, reverse: bool, scope: str | None = None) -> str:
    parts = [_pct(amount), "incl" if price_include else "excl"]
    if scope:
        parts.append(SCOPE_WORDS.get(scope, scope))
    if reverse:
        parts.append("reverse")
    return " ".join(parts)


@dataclass(frozen=True)
class Meaning:
    """What a meaning key asks for; None: any."""

    amount: Decimal
    price_include: bool | None = None
    reverse: bool | None = None
    scope: str | None = None
    tax_id: int | None = None          # an old key's id suffix

    def fits(self, tax: TaxInfo) -> bool:
        return (tax.amount_type == "percent" and tax.amount == self.amount
                and (self.price_include is None or tax.price_include == self.price_include)
                and (self.reverse is None or tax.reverse == self.reverse)
                and (self.scope is None or tax.scope == self.scope))

    def words(self) -> str:
        parts = [_pct(self.amount)]
        if self.price_include is not None:
            parts.append("price included" if self.price_include else "price excluded")
        if self.scope:
            parts.append(SCOPE_WORDS.get(self.scope, self.scope))
        if self.reverse is not None:
            parts.append("reverse charge" if self.reverse else "not reverse charge")
        return ", ".join(parts)


_OLD_KEY = re.compile(r"(-?\d+(?:\.\d+)?)-percent-(incl|excl)(-reverse)?(?:-(\d+))?")
_NEW_KEY = re.compile(r"(-?\d+(?:[.,]\d+)?)\s*%((?:[\s,]+[a-z-]+)*)", re.IGNORECASE)


def parse_meaning(key: str) -> Meaning | None:
    """``21% incl`` / ``0 % excl goods`` / ``21% excl reverse`` / the old ``21.0-percent-excl-reverse-26``;
    None when ``key`` is neither (then it can only be a tax's name)."""
    text = key.strip()
    m = _OLD_KEY.fullmatch(text)
    if m:
        return Meaning(Decimal(m.group(1)), m.group(2) == "incl", bool(m.group(3)),
                       tax_id=int(m.group(4)) if m.group(4) else None)
    m = _NEW_KEY.fullmatch(text)
    if not m:
        return None
    meaning = {"amount": Decimal(m.group(1).replace(",", ".")), "price_include": None, "reverse": None,
               "scope": None}
    for word in re.split(r"[\s,]+", m.group(2).strip().lower()):
        if not word:
            continue
        if word in ("incl", "included", "inc", "incl."):
            meaning["price_include"] = True
        elif word in ("excl", "excluded", "exc", "excl."):
            meaning["price_include"] = False
        elif word in ("reverse", "reverse-charge", "rc"):
            meaning["reverse"] = True
        elif word in _SCOPES:
            meaning["scope"] = _SCOPES[word]
        else:
            return None
    if meaning["reverse"] is None:
        meaning["reverse"] = False          # "21% excl" is not a reverse-charge tax
    return Meaning(**meaning)


class TaxKeyError(ValueError):
    """A tax key that names no tax, or more than one."""


def resolve_tax(key: str, taxes: dict[str, TaxInfo]) -> TaxInfo:
    """The active purchase tax ``key`` names: a tax's code (its name), else the only active one of
    that meaning. TaxKeyError in plain words otherwise, listing the candidates (at most 8)."""
    key = str(key).strip()
    found = taxes.get(key)
    if found is not None:
        return found
    meaning = parse_meaning(key)
    if meaning is None:
        raise TaxKeyError(f"'{key}' is not the name of one of Odoo's purchase taxes, nor a tax by what it is "
                          "(like \"21% incl\", \"0% excl\" or \"21% excl reverse\")")
    if meaning.tax_id is not None:
        by_id = next((t for t in taxes.values() if t.id == meaning.tax_id), None)
        if by_id is None or not meaning.fits(by_id):
            raise TaxKeyError(f"'{key}' names Odoo tax id {meaning.tax_id}, which is not a purchase tax of "
                              f"{meaning.words()} in this database; write the tax's name instead")
        return by_id
    fits = [t for t in taxes.values() if t.active and meaning.fits(t)]
    if len(fits) == 1:
        return fits[0]
    if not fits:
        raise TaxKeyError(f"'{key}': Odoo has no active purchase tax of {meaning.words()}")
    shown = "; ".join(f"\"{t.key}\" ({t.describe()})" for t in fits[:8])
    more = f"; and {len(fits) - 8} more" if len(fits) > 8 else ""
    raise TaxKeyError(f"'{key}' fits {len(fits)} of Odoo's purchase taxes: {shown}{more}. Write the name of the "
                      "one you mean")


def tax_key(amount: Decimal, amount_type: str, price_include: bool, reverse: bool) -> str:
    """The key of pleodesk before taxes were named (``21.0-percent-excl``, ``-reverse`` for
    self-assessed ones); kept to migrate stored mappings."""
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
