"""The expense model, as Pleo's export API v3 describes it (``ExportItemV3``).

Booking date: an expense is booked on the date Pleo shows the user, which is the calendar date of
Pleo's bookkeeping timestamp (the item's ``date``; ``bookkeepingDate`` of an accounting entry) in the
offset Pleo sent it with: ``2026-08-01T00:30:00+02:00`` is booked on 1 August, not on 31 July (its UTC
date), and ``2026-08-31T23:30:00-05:00`` on 31 August. A timestamp in UTC (``…Z``, which is what the
spec's pattern shows) is booked on its UTC date. Months and sync periods select expenses by this date
too (``booking_date``). Dates outside ``FIRST_BOOKING_DATE`` to ``LAST_BOOKING_DATE``, and offsets
beyond ±14 hours, are refused: the item fails alone, with the reason, and the rest of the job goes on.

Amounts are bounded: an amount beyond ``money.MAX_MINOR_UNITS`` minor units, or in a currency that is
not an ISO 4217 code, is refused the same way.

Sign convention (Pleo's spec states none; this is the convention of Pleo's accounting entries and of
our sandbox): amounts are seen from the company's spending side. A card purchase, an out-of-pocket
expense, an ATM withdrawal, a fee, a wallet unload or a reimbursement payout is *positive*; a refund,
a chargeback, cashback or a wallet top-up is *negative*. Posting rules use the sign as it comes, so a
negative amount simply swaps debit and credit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Mapping

from pleodesk.core.money import AmountOutOfRange, Money, UnknownCurrency


class ExpenseKind(str, enum.Enum):
    """``ExportItemTypeV3``."""

    CARD_PURCHASE = "card_purchase"
    CARD_INVOICE = "card_invoice"
    OUT_OF_POCKET = "out_of_pocket"
    MILEAGE = "mileage"
    PER_DIEM = "per_diem"
    EXTERNAL_REIMBURSEMENT = "external_reimbursement"
    DIRECT_REIMBURSEMENT = "direct_reimbursement"
    INVOICE = "invoice"
    INVOICE_PAYMENT = "invoice_payment"
    CHARGEBACK = "chargeback"
    REFUND = "refund"
    CASHBACK = "cashback"
    ATM_WITHDRAWAL = "atm_withdrawal"
    WALLET_TOPUP = "wallet_topup"
    WALLET_UNLOAD = "wallet_unload"
    PERSONAL_SPEND = "personal_spend"
    FEE = "fee"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


#: Kinds paid from the Pleo wallet (their contra account is the wallet).
WALLET_KINDS = frozenset({
    ExpenseKind.CARD_PURCHASE, ExpenseKind.CARD_INVOICE, ExpenseKind.CHARGEBACK, ExpenseKind.REFUND,
    ExpenseKind.CASHBACK, ExpenseKind.ATM_WITHDRAWAL, ExpenseKind.WALLET_TOPUP, ExpenseKind.WALLET_UNLOAD,
    ExpenseKind.PERSONAL_SPEND, ExpenseKind.FEE, ExpenseKind.DIRECT_REIMBURSEMENT,
    ExpenseKind.INVOICE_PAYMENT,
})
#: Kinds an employee paid themselves (the company owes them: contra is the out-of-pocket account).
EMPLOYEE_PAID_KINDS = frozenset({ExpenseKind.OUT_OF_POCKET, ExpenseKind.MILEAGE, ExpenseKind.PER_DIEM})
#: Kinds that go to the bank feed (statement lines of the Pleo bank account).
FEED_KINDS = frozenset({
    ExpenseKind.CARD_PURCHASE, ExpenseKind.REFUND, ExpenseKind.CHARGEBACK, ExpenseKind.CASHBACK,
    ExpenseKind.ATM_WITHDRAWAL, ExpenseKind.FEE, ExpenseKind.DIRECT_REIMBURSEMENT,
    ExpenseKind.WALLET_TOPUP, ExpenseKind.WALLET_UNLOAD, ExpenseKind.PERSONAL_SPEND,
})


#: The expense kinds an accounting entry of Pleo's (``AccountingEntryV1``: ``family``, ``subFamily``) can
#: be, for looking at entries before their export items are read (the preview, the bank feed). A
#: reimbursement's entry does not say whether it was paid from the wallet or outside Pleo: both kinds.
_FAMILY_KINDS: dict[tuple[str, str | None], tuple[ExpenseKind, ...]] = {
    ("WALLET", "LOAD"): (ExpenseKind.WALLET_TOPUP,),
    ("WALLET", "UNLOAD"): (ExpenseKind.WALLET_UNLOAD,),
    ("WALLET", "FEE"): (ExpenseKind.FEE,),
    ("WALLET", "INTEREST"): (ExpenseKind.FEE,),
    ("CARD_PURCHASE", "ATM"): (ExpenseKind.ATM_WITHDRAWAL,),
    ("OUT_OF_POCKET", None): (ExpenseKind.OUT_OF_POCKET,),
    ("MILEAGE", None): (ExpenseKind.MILEAGE,),
    ("PER_DIEM", None): (ExpenseKind.PER_DIEM,),
    ("REIMBURSEMENT", None): (ExpenseKind.DIRECT_REIMBURSEMENT, ExpenseKind.EXTERNAL_REIMBURSEMENT),
    ("CASHBACK", None): (ExpenseKind.CASHBACK,),
    ("BILL_INVOICE_PAYMENT", None): (ExpenseKind.INVOICE_PAYMENT,),
}


def kinds_of_entry(entry: Mapping[str, Any]) -> tuple[ExpenseKind, ...]:
    """The expense kinds a Pleo accounting entry may be, from its family and sub-family (empty when the
    family says nothing more specific than "a purchase")."""
    family = entry.get("family")
    return _FAMILY_KINDS.get((family, entry.get("subFamily")), ()) or _FAMILY_KINDS.get((family, None), ())


class TaxType(str, enum.Enum):
    INCLUSIVE = "inclusive"
    EXCLUSIVE = "exclusive"
    REVERSE = "reverse"


@dataclass(frozen=True, slots=True)
class Tax:
    code: str | None          # Pleo's tax code (e.g. "21%"); None if Pleo has no code for it
    rate: Decimal             # 0.21 for 21 %
    type: TaxType
    amount: Money             # in the wallet currency
    amount_supplier: Money    # in the supplier currency
    id: str = ""
    ingoing_account: str | None = None
    outgoing_account: str | None = None

    @property
    def key(self) -> str:
        """The value a tax mapping is keyed by."""
        return self.code or f"{(self.rate * 100).normalize()}% {self.type.value}"


@dataclass(frozen=True, slots=True)
class Tag:
    id: str
    code: str
    group_code: str


@dataclass(frozen=True, slots=True)
class Category:
    """The Pleo account (category) of a line."""

    id: str
    name: str
    code: str | None = None
    identifier: str | None = None

    @property
    def key(self) -> str:
        """The value a category mapping is keyed by: the code when Pleo has one, else the id."""
        return self.code or self.id


@dataclass(frozen=True, slots=True)
class ExpenseLine:
    line_id: str
    category: Category | None     # None: the expense has no category yet
    amount: Money                 # gross line amount, wallet currency
    amount_supplier: Money
    net: Money                    # wallet currency
    net_supplier: Money
    tax: Tax | None
    tags: tuple[Tag, ...] = ()


@dataclass(frozen=True, slots=True)
class Party:
    id: str | None
    name: str | None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Supplier:
    name: str | None
    country: str | None = None
    code: str | None = None
    category_code: str | None = None
    tax_identifier: str | None = None


@dataclass(frozen=True, slots=True)
class Vendor:
    id: str
    name: str
    code: str | None = None
    external_id: str | None = None
    default_currency: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class ReceiptFile:
    url: str
    mime: str
    size: int


@dataclass(frozen=True, slots=True)
class Expense:
    id: str                      # accountingEntryId
    company_id: str
    kind: ExpenseKind
    sub_type: str | None
    booked_at: datetime          # Pleo's bookkeeping timestamp, in the offset Pleo sent it with
    amount: Money                # wallet currency (what the company's books are in)
    amount_supplier: Money       # supplier currency
    lines: tuple[ExpenseLine, ...]
    supplier: Supplier | None = None
    vendor: Vendor | None = None
    employee: Party | None = None
    team: Party | None = None
    note: str | None = None
    receipts: tuple[ReceiptFile, ...] = ()
    contra_account: Category | None = None
    bookkeeping_method: str | None = None   # none | journal | accounts_payable
    reconciliation_id: str | None = None
    web_url: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def booked_on(self) -> date:
        """The date the expense is booked on: the date Pleo shows (see the module docstring)."""
        return self.booked_at.date()

    @property
    def currency(self) -> str:
        return self.amount.currency

    @property
    def is_foreign(self) -> bool:
        return self.amount_supplier.currency != self.amount.currency

    @property
    def payee(self) -> str:
        if self.vendor and self.vendor.name:
            return self.vendor.name
        if self.supplier and self.supplier.name:
            return self.supplier.name
        if self.employee and self.employee.name:
            return self.employee.name
        return ""

    @property
    def description(self) -> str:
        parts = [self.payee or self.kind.label]
        if self.note:
            parts.append(self.note)
        return " - ".join(parts)

    # --- parsing ------------------------------------------------------------------
    @classmethod
    def from_export_item(cls, item: Mapping[str, Any], *, keep_raw: bool = True) -> "Expense":
        """Build an Expense from one ``ExportItemV3`` JSON object. Raises ValueError on bad data.

        ``keep_raw=False`` does not keep the JSON on the Expense (the engine stores it in the database
        and keeps memory flat on large jobs)."""
        try:
            return _parse_item(item, keep_raw)
        except Refused as exc:
            raise Refused(f"export item {item.get('accountingEntryId', '?')}: {exc}") from exc
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            what = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
            raise ValueError(f"export item {item.get('accountingEntryId', '?')}: malformed ({what})") from exc


class Refused(ValueError):
    """Data from Pleo that is well formed but cannot be booked: an unknown currency, an amount beyond
    the bound, an absurd date. The message says which value and why."""


#: The booking dates pleodesk takes (see the module docstring); anything else is refused per item.
FIRST_BOOKING_DATE = date(2000, 1, 1)
LAST_BOOKING_DATE = date(2099, 12, 31)
#: Offsets of real time zones lie from -12:00 to +14:00.
MAX_UTC_OFFSET = timedelta(hours=14)


def money_of(m: Mapping[str, Any]) -> Money:
    """``MoneyModel {currency, value (minor units)}`` to Money. ``Refused`` for a currency that is not
    ISO 4217 or an amount beyond ``MAX_MINOR_UNITS``."""
    try:
        return Money.from_minor(m["value"], m["currency"])
    except (UnknownCurrency, AmountOutOfRange) as exc:
        raise Refused(str(exc)) from exc


def parse_timestamp(value: str) -> datetime:
    """A Pleo timestamp as sent: aware, in the offset it came with (UTC when it has none)."""
    if not isinstance(value, str):
        raise TypeError(f"a timestamp must be text, not {type(value).__name__}")
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=timezone.utc)


def booking_timestamp(value: str) -> datetime:
    """Pleo's bookkeeping timestamp, checked: ``Refused`` for an offset no time zone has or a booking
    date outside ``FIRST_BOOKING_DATE`` to ``LAST_BOOKING_DATE``."""
    dt = parse_timestamp(value)
    offset = dt.utcoffset()
    if offset is None or abs(offset) > MAX_UTC_OFFSET:
        raise Refused(f"the bookkeeping date {value!r} has an offset no time zone has")
    if not FIRST_BOOKING_DATE <= dt.date() <= LAST_BOOKING_DATE:
        raise Refused(f"the bookkeeping date {value!r} is not a date pleodesk books (it takes "
                      f"{FIRST_BOOKING_DATE.isoformat()} to {LAST_BOOKING_DATE.isoformat()})")
    return dt


def booking_date(value: str) -> date:
    """The date an expense is booked on: the calendar date of Pleo's timestamp in the offset it was
    sent with (``2026-08-01T00:30:00+02:00`` -> 1 August). ValueError if it is not a timestamp."""
    return parse_timestamp(value).date()


def parse_datetime(value: str) -> datetime:
    """A Pleo timestamp as an aware UTC datetime (the moment; not for booking dates)."""
    return parse_timestamp(value).astimezone(timezone.utc)


def format_datetime(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _link(value: Any) -> str | None:
    """A link from ``_links``: a plain string, ``{"href": url}``, or the spec's map such as
    ``{"exportItem": url}`` (the first string value)."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        if isinstance(value.get("href"), str):
            return value["href"]
        for v in value.values():
            if isinstance(v, str):
                return v
    return None


def _opt(d: Mapping[str, Any] | None, key: str) -> Any:
    return None if not d else d.get(key)


#: Immutable parts that many expenses of a month repeat (categories, tags, people, suppliers, tax
#: rates), shared instead of made anew for each: a job of 50,000 expenses holds far fewer objects.
_SHARED: dict[tuple, Any] = {}
_SHARED_MAX = 20_000


def _shared(key: tuple, make) -> Any:
    obj = _SHARED.get(key)
    if obj is None:
        if len(_SHARED) >= _SHARED_MAX:
            _SHARED.clear()
        obj = _SHARED[key] = make()
    return obj


def _category(acc: Mapping[str, Any]) -> Category:
    key = ("category", acc["id"], acc["name"], acc.get("code"), acc.get("identifier"))
    return _shared(key, lambda: Category(*key[1:]))


def _tags(tags) -> tuple[Tag, ...]:
    if not tags:
        return ()
    key = ("tags", *((t["id"], t["code"], t["groupCode"]) for t in tags))
    return _shared(key, lambda: tuple(Tag(*t) for t in key[1:]))


def _rate(value: Any) -> Decimal:
    text = str(value)
    return _shared(("rate", text), lambda: Decimal(text))


def _party(p: Mapping[str, Any] | None) -> Party | None:
    if not p:
        return None
    key = ("party", p["id"], p["name"], p.get("code"))
    return _shared(key, lambda: Party(*key[1:]))


_NO_RAW: Mapping[str, Any] = MappingProxyType({})
#: Pleo's values of the enums, looked up directly (calling the enum costs more, 100,000 times a job).
_KINDS: dict[Any, ExpenseKind] = {k.value: k for k in ExpenseKind}
_TAX_TYPES: dict[Any, TaxType] = {t.value: t for t in TaxType}


def _parse_item(item: Mapping[str, Any], keep_raw: bool = True) -> Expense:
    lines = []
    for ln in item["accountingEntryLines"]:
        acc = ln.get("account")
        tax = ln.get("tax")
        lines.append(ExpenseLine(
            line_id=ln["accountingEntryLineId"],
            category=_category(acc) if acc else None,
            amount=money_of(ln["lineAmount"]["inWalletCurrency"]),
            amount_supplier=money_of(ln["lineAmount"]["inSupplierCurrency"]),
            net=money_of(ln["netAmount"]["inWalletCurrency"]),
            net_supplier=money_of(ln["netAmount"]["inSupplierCurrency"]),
            tax=Tax(
                code=tax.get("code"),
                rate=_rate(tax["rate"]),
                type=_TAX_TYPES.get(tax["type"]) or TaxType(tax["type"]),
                amount=money_of(tax["amount"]["inWalletCurrency"]),
                amount_supplier=money_of(tax["amount"]["inSupplierCurrency"]),
                id=tax["id"],
                ingoing_account=tax.get("ingoingTaxAccount"),
                outgoing_account=tax.get("outgoingTaxAccount"),
            ) if tax else None,
            tags=_tags(ln.get("tags")),
        ))
    sup = item.get("supplier")
    ven = item.get("vendor")
    user = item.get("user")
    team = item.get("team")
    contra = item.get("contraAccount")
    links = item.get("_links") or {}
    web = _link(links.get("web"))
    return Expense(
        id=item["accountingEntryId"],
        company_id=item["companyId"],
        kind=_KINDS.get(item["type"]) or ExpenseKind(item["type"]),
        sub_type=item.get("subType"),
        booked_at=booking_timestamp(item["date"]),
        amount=money_of(item["amount"]["inWalletCurrency"]),
        amount_supplier=money_of(item["amount"]["inSupplierCurrency"]),
        lines=tuple(lines),
        supplier=_shared(("supplier", sup.get("name"), sup.get("country"), sup.get("code"), sup.get("categoryCode"),
                          sup.get("taxIdentifier")), lambda: Supplier(sup.get("name"), sup.get("country"),
                          sup.get("code"), sup.get("categoryCode"), sup.get("taxIdentifier"))) if sup else None,
        vendor=Vendor(ven["id"], ven["name"], ven.get("code"), ven.get("externalId"), ven.get("defaultCurrency"),
                      ven.get("country")) if ven else None,
        employee=_party(user),
        team=_party(team),
        note=item.get("note"),
        receipts=tuple(ReceiptFile(f["url"], f["type"], int(f["size"])) for f in item.get("files") or ()),
        contra_account=_category(contra) if contra else None,
        bookkeeping_method=_opt(item.get("bookkeeping"), "method"),
        reconciliation_id=_opt(item.get("additionalInformation"), "reconciliationId"),
        web_url=web,
        raw=item if keep_raw else _NO_RAW,
    )
