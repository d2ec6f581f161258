"""One Pleo expense as one lexoffice bookkeeping voucher (``POST /v1/vouchers``).

The rules (reference page, "Vouchers Endpoint", as quoted in the research notes §B3):

* ``type``: ``purchaseinvoice`` for spending, ``purchasecreditnote`` for money back (a refund, a
  chargeback, cashback); a credit note carries positive amounts. An expense that mixes both in its
  lines cannot be one voucher and is refused, with what to do.
* ``voucherStatus``: ``open`` (booked) or ``unchecked`` (lands under "Zu prüfen"), as the user chose.
* ``voucherNumber``: our reference ``PLEO-<accounting entry id>``: lexoffice has no idempotency key, so
  this is what pleodesk looks a voucher up by (``GET /v1/voucherlist?voucherNumber=``).
* ``voucherDate`` = ``dueDate`` = the booking date, ``yyyy-MM-dd``.
* ``taxType`` ``gross``: item amounts include their tax (``net`` together with ``unchecked`` is refused
  by lexoffice; pleodesk never sends it).
* ``voucherItems``: grouped by category and tax rate, ``{amount, taxAmount, taxRatePercent,
  categoryId}``; ``totalGrossAmount`` and ``totalTaxAmount`` are their sums, to the cent, and the
  gross equals Pleo's amount exactly (else nothing is sent). Tax rates are 0, 5, 7, 16 or 19. A
  category with ``splitAllowed: false`` takes only one tax rate in a voucher.
* EUR only (lexoffice books nothing else): the wallet amount Pleo settled in euros is what is booked;
  an expense without a settled amount in euros is refused.

Tax codes pleodesk offers for lexoffice (``TAX_CODES``; the Pleo tax codes are mapped to them):

* ``19%``, ``7%``, ``16%``, ``5%``, ``0%``: German input tax at that rate, Pleo's tax amount as
  ``taxAmount``;
* ``RC19``, ``RC7``: reverse charge (§13b UStG): Pleo's line is what was paid; it goes in at 0 %. The
  public API has no field for "the recipient owes the tax", so such a voucher is created ``unchecked``
  (under "Zu prüfen", whatever the connection's choice) with a remark saying so: the bookkeeper sets the
  §13b tax in Lexware Office and books it;
* ``AUSL-<rate>``: foreign VAT on a receipt (a French 20 %, a Dutch 21 %). It is not German input tax,
  so the line goes in **gross at 0 %**: the whole amount is the expense.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pleodesk.core.ledger import LedgerEntry, LedgerTax
from pleodesk.providers.base import LedgerError
from pleodesk.providers.lexoffice import wire

_ZERO = Decimal(0)

#: Tax rates lexoffice takes on bookkeeping vouchers (reference page, "Supported tax rates").
VOUCHER_TAX_RATES = (Decimal(0), Decimal(5), Decimal(7), Decimal(16), Decimal(19))
#: The synthetic ledger accounts input tax and reverse-charge output tax are "booked" on: lexoffice books
#: tax from the rate itself, so these only let pleodesk's posting rules balance.
INPUT_TAX_ACCOUNT = "LX-VST"
OUTPUT_TAX_ACCOUNT = "LX-UST13B"

#: code, German rate in percent, name
GERMAN_TAXES = (("19%", 19, "19 % Vorsteuer"), ("7%", 7, "7 % Vorsteuer"),
                ("16%", 16, "16 % Vorsteuer (Juli bis Dezember 2020)"),
                ("5%", 5, "5 % Vorsteuer (Juli bis Dezember 2020)"), ("0%", 0, "0 % (ohne Vorsteuer)"))
REVERSE_TAXES = (("RC19", 19, "§13b UStG 19 % (Lexware Office bucht die Steuer über die Kategorie)"),
                 ("RC7", 7, "§13b UStG 7 % (Lexware Office bucht die Steuer über die Kategorie)"))
#: VAT rates of other countries a receipt may show (EU standard and reduced rates, the UK, Switzerland,
#: Norway): each is booked gross at 0 %.
FOREIGN_RATES = ("2.1", "2.6", "3", "3.8", "4", "5", "5.5", "6", "7", "8", "8.1", "9", "10", "11", "12", "13",
                 "13.5", "14", "15", "17", "18", "19", "20", "21", "22", "23", "24", "25", "25.5", "27")
FOREIGN_PREFIX = "AUSL-"


def tax_codes() -> dict[str, LedgerTax]:
    """The tax codes a lexoffice connection maps Pleo's tax codes to (see the module docstring)."""
    out: dict[str, LedgerTax] = {}
    for code, pct, name in GERMAN_TAXES:
        out[code] = LedgerTax(code, name, Decimal(pct) / 100, "inclusive", input_account=INPUT_TAX_ACCOUNT)
    for code, pct, name in REVERSE_TAXES:
        out[code] = LedgerTax(code, name, Decimal(pct) / 100, "reverse", input_account=INPUT_TAX_ACCOUNT,
                              output_account=OUTPUT_TAX_ACCOUNT)
    for r in FOREIGN_RATES:
        code = f"{FOREIGN_PREFIX}{r}"
        out[code] = LedgerTax(code, f"Ausländische USt {r.replace('.', ',')} % (brutto zu 0 % gebucht)",
                              Decimal(r) / 100, "inclusive", input_account=INPUT_TAX_ACCOUNT)
    return out


def german_rate(code: str | None) -> Decimal | None:
    """The German rate (percent) a tax code is booked with; None for the foreign and §13b codes."""
    for c, pct, _ in GERMAN_TAXES:
        if c == code:
            return Decimal(pct)
    return None


@dataclass(frozen=True)
class Category:
    """A lexoffice posting category of type ``outgo``."""

    code: str                 # pleodesk's short code (first hex digits of the id, unique)
    id: str
    name: str
    group: str = ""
    contact_required: bool = False
    split_allowed: bool = True
    active: bool = True


class VoucherError(LedgerError):
    """The expense cannot be one lexoffice voucher as it stands (refused before anything is sent)."""

    def __init__(self, title: str, fix: str = "", *, reason_type: str = "accounting_system_validation_failure"):
        super().__init__(title, "", fix, retryable=False, reason_type=reason_type)


@dataclass
class Voucher:
    entry: LedgerEntry
    body: dict[str, Any]
    categories: list[Category] = field(default_factory=list)

    @property
    def reference(self) -> str:
        return self.entry.reference

    @property
    def needs_contact(self) -> list[Category]:
        return [c for c in self.categories if c.contact_required]


def build(entry: LedgerEntry, categories: dict[str, Category], *, status: str = "open",
          small_business: bool = False) -> Voucher:
    """The voucher body for ``entry`` (contact fields are added by the provider). Raises VoucherError."""
    if entry.gross.currency != "EUR":
        raise VoucherError(
            f"Lexware Office books in euros only, and this expense has no settled amount in euros (it is in "
            f"{entry.gross.currency})",
            "Book it by hand in Lexware Office at the euro amount your bank charged, or export it once Pleo "
            "shows the settled amount in euros.", reason_type="validation_failure")
    lines: dict[str, dict[str, Any]] = {}
    for p in entry.postings:
        if p.line_id is None:
            continue                                   # the counter posting: lexoffice has none
        ln = lines.setdefault(p.line_id, {"category": None, "tax_code": None, "net": _ZERO, "input": _ZERO,
                                          "output": _ZERO})
        signed = p.debit - p.credit
        if p.tax_role is None:
            ln["category"] = p.account
            ln["tax_code"] = p.tax_code
            ln["net"] += signed
        elif p.tax_role == "input":
            ln["input"] += signed
            ln["tax_code"] = ln["tax_code"] or p.tax_code
        elif p.tax_role == "output":
            ln["output"] += signed
    items: dict[tuple[str, Decimal], list[Decimal]] = {}
    used: dict[str, Category] = {}
    reverse_charge = False
    for line_id, ln in lines.items():
        code = ln["category"]
        cat = categories.get(code or "")
        if cat is None:
            raise VoucherError(f"The Lexware Office category {code} of this expense is not in Lexware Office "
                               "any more (or is not an expense category)",
                               "Map the Pleo category to an existing expense category, then export again.",
                               reason_type="account_unknown")
        if not cat.active:
            raise VoucherError(f"The Lexware Office category {cat.name} is no longer in use",
                               "Map the Pleo category to another expense category, then export again.",
                               reason_type="account_unknown")
        used[cat.code] = cat
        tax_code = ln["tax_code"]
        net, tax_in, tax_out = ln["net"], ln["input"], ln["output"]
        if tax_out:
            # Reverse charge: what was paid goes in at 0 %; lexoffice books the tax from the category.
            if not (tax_code or "").startswith("RC"):
                raise VoucherError(
                    f"A reverse-charge line is mapped to tax code {tax_code}, which Lexware Office would book as "
                    "German input tax",
                    "Map Pleo's reverse-charge tax code to RC19 (or RC7) and use a §13b category.",
                    reason_type="tax_code_unknown")
            gross, tax, rate = net, _ZERO, _ZERO
            reverse_charge = True
        elif tax_code is None or tax_code.startswith(FOREIGN_PREFIX) or tax_code.startswith("RC"):
            # No tax, or foreign VAT (not German input tax): the whole line at 0 %.
            gross, tax, rate = net + tax_in, _ZERO, _ZERO
        else:
            rate = german_rate(tax_code)
            if rate is None:
                raise VoucherError(f"Tax code {tax_code} is not one Lexware Office books",
                                   "Map the Pleo tax code to 19%, 7%, 0%, RC19 or a foreign-VAT code.",
                                   reason_type="tax_code_unknown")
            gross, tax = net + tax_in, tax_in
            if rate == 0 and tax:
                raise VoucherError(f"A line carries {abs(tax)} of tax but is mapped to 0 %",
                                   "Map Pleo's tax code to the German rate it has, or to a foreign-VAT code.",
                                   reason_type="tax_code_unknown")
        if small_business and (rate or tax):
            # A small business (Kleinunternehmer, §19 UStG) deducts no input tax: all of it is expense.
            rate, tax = _ZERO, _ZERO
        if gross == 0 and tax == 0:
            continue
        acc = items.setdefault((cat.code, rate), [_ZERO, _ZERO])
        acc[0] += gross
        acc[1] += tax
    if not items:
        raise VoucherError("Nothing in this expense can be booked (every amount is zero)", "",
                           reason_type="validation_failure")
    signs = {(a > 0) - (a < 0) for a, _ in items.values() if a != 0}
    if len(signs) > 1:
        raise VoucherError("This expense mixes spending and money back in its lines, and a Lexware Office voucher is "
                           "either an invoice or a credit note",
                           "Book it by hand in Lexware Office as two vouchers (an invoice and a credit note).",
                           reason_type="validation_failure")
    sign = signs.pop() if signs else 1
    for code, cat in used.items():
        rates = {r for (c, r) in items if c == code}
        if len(rates) > 1 and not cat.split_allowed:
            shown = ", ".join(f"{r:f} %".replace(".00", "") for r in sorted(rates))
            raise VoucherError(
                f"The Lexware Office category {cat.name} does not allow different tax rates in one voucher, and "
                f"this expense has {shown} in it",
                "Give the lines different categories in Pleo (or split the expense), or map the Pleo category to a "
                "Lexware Office category that allows splitting.", reason_type="accounting_system_validation_failure")
    voucher_items = []
    total_gross = total_tax = _ZERO
    for (code, rate), (gross, tax) in sorted(items.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        g, t = wire.amount(gross * sign), wire.amount(tax * sign)
        if g == 0 and t == 0:
            continue
        voucher_items.append({"amount": g, "taxAmount": t, "taxRatePercent": rate,
                              "categoryId": used[code].id})
        total_gross += g
        total_tax += t
    expected = wire.amount(abs(entry.gross.amount))
    if total_gross != expected:
        raise VoucherError(f"The voucher's items add up to {total_gross:f} EUR, Pleo's amount is {expected:f} EUR",
                           "Check the expense's lines in Pleo; nothing was sent.", reason_type="validation_failure")
    remark = entry.description
    if reverse_charge:
        remark = ("§13b UStG (Steuerschuldnerschaft des Leistungsempfängers): Steuer in Lexware Office setzen, "
                  "dann buchen. " + remark)
        status = "unchecked"
    if entry.employee:
        remark += f" · {entry.employee}"
    dims = sorted({f"{d}: {v}" for p in entry.postings for d, v in p.dimensions})
    if dims:
        remark += " · " + ", ".join(dims)
    if entry.web_url:
        remark += f" · Pleo: {entry.web_url}"
    body: dict[str, Any] = {
        "type": "purchaseinvoice" if sign > 0 else "purchasecreditnote",
        "voucherStatus": status,
        "voucherNumber": entry.reference,
        "voucherDate": entry.date.isoformat(),
        "dueDate": entry.date.isoformat(),
        "totalGrossAmount": total_gross,
        "totalTaxAmount": total_tax,
        "taxType": "gross",
        "voucherItems": voucher_items,
        "remark": remark[:1000],
    }
    return Voucher(entry, body, list(used.values()))
