"""Deterministic demo data for the Pleo emulator: one Dutch company, its master data and its expenses.

Everything follows from ``seed`` (and each month from ``seed`` + the month, so months are independent):
the same seed always gives the same ids, amounts and dates.

The company: **Demo Company B.V.** (NL, wallet currency EUR), 12 employees, 4 teams, a Pleo chart of
accounts with Dutch-looking codes, tax codes ``21%``, ``9%``, ``0%`` (inclusive) and ``RC21`` (reverse
charge), tag groups ``PROJECT`` and ``DEPT``, and about 30 merchants (some in USD, GBP, SEK or DKK).

``country="DE"`` gives the same company as a German one (``PROFILES``): **Pleo Demo GmbH**, categories with
SKR03 account numbers named as Lexware Office names its posting categories, tax codes ``19%``, ``7%``,
``0%`` and ``RC19``, and German merchants in place of the Dutch ones. Everything else (ids, amounts in
supplier currency, dates) follows from the seed as for the Dutch company.

Sign convention (as in ``pleodesk.core.model``): amounts are seen from the company's spending side. A
card purchase, out-of-pocket expense, mileage, per diem, ATM withdrawal, fee, wallet unload or
reimbursement payout is positive; a refund, chargeback, cashback or wallet top-up is negative.

Amounts are exact in minor units. Per line: inclusive tax ``lineAmount = netAmount + tax.amount``; reverse
charge ``lineAmount = netAmount`` and ``tax.amount = round(net * rate)`` (self-assessed, not paid); no
tax: ``lineAmount = netAmount``. The lines add up to the entry amount, in wallet and in supplier currency.
"""

from __future__ import annotations

import calendar
import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

from pleodesk.sandbox.files import ReceiptContent

WALLET_CURRENCY = "EUR"
COMPANY_NAME = "Demo Company B.V."
COMPANY_COUNTRY = "NL"
OTHER_COMPANY_NAME = "Other Company ApS"
NO_ACCOUNT_ID = "00000000-0000-0000-0000-000000000000"
#: Receipts above this size count as "large" (the demo has a handful per month).
LARGE_RECEIPT_BYTES = 10 * 1024 * 1024


def uuid_from(rng: random.Random) -> str:
    """A random (version 4) UUID string drawn from ``rng``."""
    n = rng.getrandbits(128)
    n = (n & ~(0xC000 << 48)) | (0x8000 << 48)
    n = (n & ~(0xF000 << 64)) | (4 << 76)
    h = "%032x" % n
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# ======================================================================== master data ============
@dataclass(frozen=True, slots=True)
class Account:
    """A Pleo bookkeeping account: an expense category or a contra account."""

    id: str
    code: str
    name: str
    external_id: str
    role: str                       # category | wallet | out_of_pocket | external_reimbursement
    default_tax: str | None = None  # tax code used by default on this category


@dataclass(frozen=True, slots=True)
class TaxCode:
    id: str
    code: str
    name: str
    rate: Decimal
    type: str                      # inclusive | reverse
    ingoing_account: str | None = None
    outgoing_account: str | None = None


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name: str
    code: str | None


@dataclass(frozen=True, slots=True)
class Employee:
    id: str
    first_name: str
    last_name: str
    email: str
    code: str | None
    job_title: str
    phone: str
    team: Team

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True, slots=True)
class TagGroup:
    id: str
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Tag:
    id: str
    code: str
    name: str
    group: TagGroup


@dataclass(frozen=True, slots=True)
class Vendor:
    id: str
    name: str
    code: str | None
    external_id: str | None
    default_currency: str
    country: str
    registration_number: str | None
    tax_registration_number: str | None


@dataclass(frozen=True, slots=True)
class Merchant:
    name: str
    country: str
    mcc: str
    category: str              # category code
    currency: str
    taxes: tuple[str, ...]     # tax codes to pick from
    low: float                 # amount range, major units of ``currency``
    high: float
    weight: float
    vendor_key: str | None = None
    oop: bool = False          # also bought out of pocket


# code, name, default tax
CATEGORY_SPECS: tuple[tuple[str, str, str | None], ...] = (
    ("4000", "Travel", "9%"),
    ("4010", "Taxi", "9%"),
    ("4100", "Meals and entertainment", "9%"),
    ("4200", "Software and subscriptions", "21%"),
    ("4300", "Office supplies", "21%"),
    ("4400", "Marketing", "21%"),
    ("4500", "Phone and internet", "21%"),
    ("4600", "Training", "21%"),
    ("4700", "Mileage", "0%"),
    ("4710", "Per diem", "0%"),
    ("4800", "Bank charges", "0%"),
    ("1150", "Wallet top-ups/transfer", None),
    ("1000", "Cash withdrawals", None),
    ("8900", "Cashback", None),
)
# code, name, role
CONTRA_SPECS: tuple[tuple[str, str, str], ...] = (
    ("1100", "Pleo wallet EUR", "wallet"),
    ("1610", "Out-of-pocket expenses payable", "out_of_pocket"),
    ("1620", "Reimbursements contra account", "external_reimbursement"),
)
# code, name, rate, type, ingoing, outgoing
TAX_SPECS: tuple[tuple[str, str, str, str, str | None, str | None], ...] = (
    ("21%", "BTW hoog 21%", "0.21", "inclusive", "1510", None),
    ("9%", "BTW laag 9%", "0.09", "inclusive", "1510", None),
    ("0%", "BTW 0% / vrijgesteld", "0", "inclusive", None, None),
    ("RC21", "BTW verlegd 21%", "0.21", "reverse", "1510", "1520"),
)
TEAM_SPECS: tuple[tuple[str, str | None], ...] = (
    ("Sales", "SALES"), ("Engineering", "ENG"), ("Operations", None), ("Marketing", "MKT"),
)
# first, last, team index, code, job title
EMPLOYEE_SPECS: tuple[tuple[str, str, int, str | None, str], ...] = (
    ("Sanne", "de Vries", 2, "E001", "Managing director"),
    ("Daan", "Jansen", 0, "E002", "Account executive"),
    ("Emma", "Bakker", 1, "E003", "Software engineer"),
    ("Lucas", "Visser", 1, None, "Software engineer"),
    ("Julia", "Smit", 3, "E005", "Marketing lead"),
    ("Sem", "Meijer", 0, "E006", "Sales manager"),
    ("Tess", "de Boer", 2, None, "Office manager"),
    ("Noah", "Mulder", 1, "E008", "Engineering manager"),
    ("Lotte", "de Groot", 3, None, "Content marketer"),
    ("Finn", "Bos", 0, "E010", "Account executive"),
    ("Anna", "Vos", 2, "E011", "Bookkeeper"),
    ("Milan", "Peters", 1, None, "Data analyst"),
)
TAG_SPECS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("PROJECT", "Project"): (
        ("P-ATLAS", "Atlas rollout"), ("P-BOREAS", "Boreas migration"), ("P-CERES", "Ceres pilot"),
        ("P-DELTA", "Delta partnership"), ("P-EOS", "Eos rebrand"), ("P-FENIX", "Fenix internal tools"),
    ),
    ("DEPT", "Department"): (
        ("SALES", "Sales"), ("ENG", "Engineering"), ("OPS", "Operations"), ("MKT", "Marketing"),
    ),
}
# key, official name, code, default currency, country, registration no., VAT no.
VENDOR_SPECS: tuple[tuple[str, str, str | None, str, str, str | None, str | None], ...] = (
    ("google", "Google Ireland Limited", "V1001", "EUR", "IE", "368047", "IE6388047V"),
    ("meta", "Meta Platforms Ireland Limited", "V1002", "EUR", "IE", "462932", "IE9692928F"),
    ("adobe", "Adobe Systems Software Ireland Limited", "V1003", "EUR", "IE", "344609", "IE6364992H"),
    ("aws", "Amazon Web Services EMEA SARL", "V1004", "EUR", "LU", "B186284", "LU26888617"),
    ("slack", "Slack Technologies LLC", None, "USD", "US", None, None),
    ("github", "GitHub Inc.", "V1006", "USD", "US", None, None),
    ("kpn", "KPN B.V.", "V1007", "EUR", "NL", "27124701", "NL009292056B01"),
    ("coolblue", "Coolblue B.V.", "V1008", "EUR", "NL", "24391734", "NL810433941B01"),
    ("bol", "bol.com B.V.", None, "EUR", "NL", "32069355", "NL814488622B01"),
    ("linkedin", "LinkedIn Ireland Unlimited Company", "V1010", "EUR", "IE", "477441", "IE9740425P"),
    ("ns", "NS Reizigers B.V.", "V1011", "EUR", "NL", "30124359", "NL009273236B01"),
    ("notion", "Notion Labs, Inc.", None, "USD", "US", None, None),
)
MERCHANTS: tuple[Merchant, ...] = (
    Merchant("NS Reizigers", "NL", "4112", "4000", "EUR", ("9%",), 3, 60, 6, "ns", True),
    Merchant("KLM Royal Dutch Airlines", "NL", "4511", "4000", "EUR", ("0%",), 90, 900, 2),
    Merchant("Booking.com", "NL", "7011", "4000", "EUR", ("9%",), 80, 600, 2),
    Merchant("Shell Nederland", "NL", "5541", "4000", "EUR", ("21%",), 30, 110, 2, None, True),
    Merchant("Uber B.V.", "NL", "4121", "4010", "EUR", ("9%",), 8, 70, 5, None, True),
    Merchant("Bolt Operations", "EE", "4121", "4010", "EUR", ("9%",), 6, 45, 3),
    Merchant("TCA Taxi Amsterdam", "NL", "4121", "4010", "EUR", ("9%",), 15, 80, 2, None, True),
    Merchant("Albert Heijn", "NL", "5411", "4100", "EUR", ("9%",), 3, 60, 5, None, True),
    Merchant("Restaurant De Kas", "NL", "5812", "4100", "EUR", ("9%", "21%"), 40, 350, 3, None, True),
    Merchant("Café Loetje", "NL", "5812", "4100", "EUR", ("9%", "21%"), 15, 120, 4, None, True),
    Merchant("Starbucks Amsterdam", "NL", "5814", "4100", "EUR", ("9%",), 3, 25, 4, None, True),
    Merchant("Coolblue", "NL", "5732", "4300", "EUR", ("21%",), 10, 900, 3, "coolblue"),
    Merchant("bol.com", "NL", "5942", "4300", "EUR", ("21%",), 8, 250, 3, "bol", True),
    Merchant("HEMA", "NL", "5311", "4300", "EUR", ("21%",), 3, 60, 2, None, True),
    Merchant("KPN", "NL", "4814", "4500", "EUR", ("21%",), 20, 120, 2, "kpn"),
    Merchant("Vodafone Libertel", "NL", "4814", "4500", "EUR", ("21%",), 15, 90, 1),
    Merchant("Google Ads", "IE", "7311", "4400", "EUR", ("RC21",), 50, 2500, 3, "google"),
    Merchant("Meta Ads", "IE", "7311", "4400", "EUR", ("RC21",), 40, 1500, 2, "meta"),
    Merchant("LinkedIn", "IE", "7311", "4400", "EUR", ("RC21",), 30, 900, 1.5, "linkedin"),
    Merchant("Adobe", "IE", "5734", "4200", "EUR", ("RC21",), 20, 90, 2, "adobe"),
    Merchant("AWS EMEA", "LU", "5734", "4200", "EUR", ("RC21",), 40, 1800, 2, "aws"),
    Merchant("Slack", "US", "5734", "4200", "USD", ("RC21",), 8, 400, 2, "slack"),
    Merchant("GitHub", "US", "5734", "4200", "USD", ("RC21",), 4, 250, 2, "github"),
    Merchant("Notion", "US", "5734", "4200", "USD", ("RC21",), 8, 120, 1, "notion"),
    Merchant("Zoom", "US", "5734", "4200", "USD", ("RC21",), 13, 160, 1),
    Merchant("Udemy", "US", "8299", "4600", "USD", ("0%",), 12, 200, 1, None, True),
    Merchant("GoodHabitz", "NL", "8299", "4600", "EUR", ("21%",), 100, 1500, 0.5),
    Merchant("Premier Inn London", "GB", "7011", "4000", "GBP", ("0%",), 70, 260, 1),
    Merchant("Transport for London", "GB", "4111", "4000", "GBP", ("0%",), 3, 30, 1.5, None, True),
    Merchant("Pret A Manger", "GB", "5814", "4100", "GBP", ("0%",), 4, 30, 1.5, None, True),
    Merchant("SJ AB", "SE", "4112", "4000", "SEK", ("0%",), 150, 1400, 1),
    Merchant("Espresso House", "SE", "5814", "4100", "SEK", ("0%",), 45, 350, 1, None, True),
    Merchant("DSB", "DK", "4112", "4000", "DKK", ("0%",), 40, 600, 1),
    Merchant("Joe & The Juice", "DK", "5814", "4100", "DKK", ("0%",), 45, 250, 1, None, True),
)
#: Wallet-currency value of one unit of each supplier currency.
FX_TO_EUR = {"EUR": Decimal(1), "USD": Decimal("0.9213"), "GBP": Decimal("1.1687"),
             "SEK": Decimal("0.0871"), "DKK": Decimal("0.1340")}
#: The German company (``generate(country="DE")``): what differs from the Dutch one. Categories, contra
#: accounts and tax codes are keyed by the Dutch codes the generator uses; merchants by their Dutch name.
PROFILES: dict[str, dict] = {
    "DE": {
        "company_name": "Pleo Demo GmbH",
        "categories": {
            "4000": ("4660", "Reisekosten Arbeitnehmer", "7%"), "4010": ("4673", "Fahrtkosten", "7%"),
            "4100": ("4650", "Bewirtungskosten", "19%"), "4200": ("4806", "Software und Lizenzen", "19%"),
            "4300": ("4930", "Bürobedarf", "19%"), "4400": ("4600", "Werbekosten", "19%"),
            "4500": ("4920", "Telefon und Internet", "19%"), "4600": ("4945", "Fortbildungskosten", "19%"),
            "4700": ("4668", "Kilometergelderstattung", "0%"), "4710": ("4664", "Verpflegungsmehraufwand", "0%"),
            "4800": ("4970", "Nebenkosten des Geldverkehrs", "0%"), "1150": ("1360", "Geldtransit", None),
            "1000": ("1460", "Bargeldabhebung", None), "8900": ("2700", "Cashback", None),
        },
        "contra": {"wallet": ("1210", "Pleo Wallet EUR"), "out_of_pocket": ("1741", "Verbindlichkeiten Privatauslagen"),
                   "external_reimbursement": ("1742", "Gegenkonto Erstattungen")},
        # Dutch code -> (code, name, rate, type, ingoing, outgoing)
        "taxes": {"21%": ("19%", "Vorsteuer 19 %", "0.19", "inclusive", "1576", None),
                  "9%": ("7%", "Vorsteuer 7 %", "0.07", "inclusive", "1571", None),
                  "0%": ("0%", "Ohne Vorsteuer", "0", "inclusive", None, None),
                  "RC21": ("RC19", "§13b UStG 19 %", "0.19", "reverse", "1577", "1787")},
        # Dutch merchant name -> (German name, country)
        "merchants": {
            "NS Reizigers": ("Deutsche Bahn", "DE"), "KLM Royal Dutch Airlines": ("Lufthansa", "DE"),
            "Booking.com": ("Booking.com", "NL"), "Shell Nederland": ("Aral", "DE"), "Uber B.V.": ("Uber Germany", "DE"),
            "Bolt Operations": ("FREE NOW", "DE"), "TCA Taxi Amsterdam": ("Taxi Berlin", "DE"),
            "Albert Heijn": ("REWE", "DE"), "Restaurant De Kas": ("Restaurant Tim Raue", "DE"),
            "Café Loetje": ("Café Einstein", "DE"), "Starbucks Amsterdam": ("Starbucks Berlin", "DE"),
            "Coolblue": ("MediaMarkt", "DE"), "bol.com": ("Amazon.de", "DE"), "HEMA": ("Rossmann", "DE"),
            "KPN": ("Telekom Deutschland", "DE"), "Vodafone Libertel": ("Vodafone GmbH", "DE"),
            "GoodHabitz": ("IHK Akademie", "DE"),
        },
        # vendor key -> (name, country, registration no., VAT no.)
        "vendors": {"kpn": ("Telekom Deutschland GmbH", "DE", "HRB 59211", "DE814645262"),
                    "coolblue": ("MediaMarkt E-Business GmbH", "DE", "HRB 206391", "DE812790138"),
                    "bol": ("Amazon EU S.à r.l.", "LU", "B 101818", "LU20260743"),
                    "ns": ("DB Fernverkehr AG", "DE", "HRB 79808", "DE260543043")},
        "email_domain": "pleo-demo.de",
    },
}

#: Dutch tax-free mileage allowance per km, in cents.
MILEAGE_CENTS_PER_KM = 23
PER_DIEM_CENTS = 4500

# share of a month's entries (percent); card purchases take the rest
TYPE_SHARES: tuple[tuple[str, float], ...] = (
    ("refund", 3.0), ("chargeback", 0.5), ("cashback", 0.5), ("atm_withdrawal", 1.5), ("fee", 2.5),
    ("out_of_pocket", 9.0), ("mileage", 4.0), ("per_diem", 2.0), ("direct_reimbursement", 3.0),
    ("external_reimbursement", 2.0), ("wallet_topup", 2.0), ("wallet_unload", 0.5),
)
SPLIT_CATEGORIES = ("4000", "4010", "4100", "4200", "4300", "4400", "4500", "4600")
NOTES: dict[str, tuple[str, ...]] = {
    "4000": ("Train to Utrecht for client meeting", "Flight to Berlin trade fair", "Hotel during customer workshop",
             "Fuel for company car", "Trip to Rotterdam office"),
    "4010": ("Taxi from Schiphol", "Taxi to client dinner", "Late ride home after release"),
    "4100": ("Client lunch", "Team lunch", "Dinner with prospect", "Coffee with candidate", "Team offsite catering"),
    "4200": ("Monthly subscription", "Extra seats for the team", "Annual plan, prorated"),
    "4300": ("Printer paper and toner", "Monitor for new hire", "Office snacks", "Desk supplies"),
    "4400": ("Campaign Q-boost", "Retargeting campaign", "Event sponsorship ads"),
    "4500": ("Mobile plan", "Office internet"),
    "4600": ("Online course", "Conference workshop", "Certification exam"),
}
ATTENDEES = ("Pieter van Dam (Acme)", "Laura Hendriks (Northwind)", "Joost Willems (Globex)",
             "Eva Dekker (Initech)", "Ruben Kok (Umbrella)", "Iris Verhoeven")
CITIES = ("Amsterdam", "Utrecht", "Rotterdam", "Den Haag", "Eindhoven", "Groningen", "Zwolle", "Antwerpen")
TRIPS = ("Berlin", "Brussels", "London", "Stockholm", "Copenhagen", "Paris")
RECEIPT_SOURCES = ("CAMERA", "EMAIL_FORWARDING", "APP_SHARE", "EMAIL_FETCHING")


# ============================================================================ expenses ==========
@dataclass(slots=True)
class Line:
    id: str
    account: Account | None
    amount: int           # gross, wallet currency minor units (signed)
    amount_sup: int       # gross, supplier currency
    net: int
    net_sup: int
    tax: TaxCode | None
    tax_amount: int
    tax_amount_sup: int
    tags: tuple[Tag, ...] = ()


@dataclass(slots=True)
class Receipt:
    id: str
    content: ReceiptContent
    source: str
    created_at: datetime


@dataclass(slots=True)
class Entry:
    """One accounting entry (one expense), the emulator's source for both API shapes."""

    id: str
    month: str
    type: str                      # ExportItemTypeV3
    sub_type: str | None
    family: str                    # AccountingEntryFamily
    sub_family: str | None
    status: str                    # AccountingEntryStatus
    export_status: str             # ExportStatus (mutable: the export flow changes it)
    review_status: str
    performed_at: datetime
    settled_at: datetime | None
    booked_at: datetime            # bookkeeping date
    currency: str                  # wallet currency
    sup_currency: str
    amount: int                    # wallet currency, signed minor units
    amount_sup: int
    lines: list[Line]
    contra: Account
    reconciliation_id: str
    employee: Employee | None = None
    team: Team | None = None
    merchant: Merchant | None = None
    vendor: Vendor | None = None
    note: str | None = None
    receipts: list[Receipt] = field(default_factory=list)
    attendees: tuple[str, ...] = ()
    reconciled_entries: tuple[str, ...] = ()
    service_period: tuple[datetime, datetime] | None = None
    refund_of: str | None = None
    bookkeeping_method: str = "journal"
    seq: int = 0                   # position in the dataset (sorted by bookkeeping date, then id)

    @property
    def settled(self) -> bool:
        return self.settled_at is not None

    @property
    def exportable(self) -> bool:
        return self.export_status == "QUEUED"


@dataclass
class DemoData:
    seed: int
    months: list[str]
    company_id: str
    organization_id: str
    registration_number: str
    api_key: str
    api_key_id: str
    other_company_id: str
    other_organization_id: str
    other_api_key: str
    secret: bytes
    accounts: list[Account]
    categories: dict[str, Account]          # by code
    contra: dict[str, Account]              # by role
    tax_codes: list[TaxCode]
    taxes: dict[str, TaxCode]               # by code
    teams: list[Team]
    employees: list[Employee]
    tag_groups: list[TagGroup]
    tags: list[Tag]
    vendors: dict[str, Vendor]              # by key
    admin: Employee
    entries: list[Entry]
    by_id: dict[str, Entry]
    company_name: str = COMPANY_NAME
    country: str = COMPANY_COUNTRY
    merchants: tuple[Merchant, ...] = MERCHANTS


# =============================================================================== money ==========
def _round(x: Decimal) -> int:
    """Round half away from zero to an integer (symmetric for negative amounts)."""
    q = abs(x).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(q) if x >= 0 else -int(q)


def split_tax(gross: int, tax: TaxCode | None) -> tuple[int, int]:
    """(net, tax amount) of a gross line amount in minor units.

    Inclusive: ``tax = round(gross * r / (1 + r))``, ``net = gross - tax``. Reverse charge:
    ``net = gross``, ``tax = round(net * r)`` (self-assessed). No tax code: ``net = gross``, tax 0.
    """
    if tax is None:
        return gross, 0
    if tax.type == "reverse":
        return gross, _round(Decimal(gross) * tax.rate)
    t = _round(Decimal(gross) * tax.rate / (1 + tax.rate))
    return gross - t, t


def make_line(rng: random.Random, account: Account | None, amount: int, amount_sup: int,
              tax: TaxCode | None, tags: tuple[Tag, ...] = ()) -> Line:
    net, t = split_tax(amount, tax)
    net_s, t_s = split_tax(amount_sup, tax)
    return Line(uuid_from(rng), account, amount, amount_sup, net, net_s, tax, t, t_s, tags)


def to_wallet(amount_sup: int, currency: str, jitter: float) -> int:
    if currency == WALLET_CURRENCY:
        return amount_sup
    rate = FX_TO_EUR[currency] * Decimal(str(round(1 + jitter, 4)))
    return _round(Decimal(amount_sup) * rate)


# ========================================================================= generation ===========
def _master(seed: int, country: str = COMPANY_COUNTRY) -> dict:
    profile = PROFILES.get(country, {})
    rng = random.Random(f"pleodesk-demo:{seed}:master")
    company_id = uuid_from(rng)
    organization_id = uuid_from(rng)
    api_key = "sbx_" + "%040x" % rng.getrandbits(160)
    api_key_id = uuid_from(rng)
    other_company_id = uuid_from(rng)
    other_organization_id = uuid_from(rng)
    other_api_key = "sbx_" + "%040x" % rng.getrandbits(160)
    secret = rng.getrandbits(256).to_bytes(32, "big")
    registration_number = str(rng.randint(10_000_000, 99_999_999))

    accounts: list[Account] = []
    categories: dict[str, Account] = {}
    for key, name, tax in CATEGORY_SPECS:
        code, name, tax = profile.get("categories", {}).get(key, (key, name, tax))
        acc = Account(uuid_from(rng), code, name, f"GL-{code}", "category", tax)
        accounts.append(acc)
        categories[key] = acc
    contra: dict[str, Account] = {}
    for code, name, role in CONTRA_SPECS:
        code, name = profile.get("contra", {}).get(role, (code, name))
        acc = Account(uuid_from(rng), code, name, f"GL-{code}", role)
        accounts.append(acc)
        contra[role] = acc
    tax_codes = []
    taxes: dict[str, TaxCode] = {}
    for spec in TAX_SPECS:
        code, name, rate, typ, ing, out = profile.get("taxes", {}).get(spec[0], spec)
        t = TaxCode(uuid_from(rng), code, name, Decimal(rate), typ, ing, out)
        tax_codes.append(t)
        taxes[spec[0]] = taxes[code] = t     # by the generator's (Dutch) code and by its own
    teams = [Team(uuid_from(rng), name, code) for name, code in TEAM_SPECS]
    employees = []
    domain = profile.get("email_domain", "demo-company.nl")
    for first, last, team_ix, code, title in EMPLOYEE_SPECS:
        email = f"{first}.{last}".lower().replace(" ", "") + f"@{domain}"
        phone = "+316" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        employees.append(Employee(uuid_from(rng), first, last, email, code, title, phone, teams[team_ix]))
    tag_groups, tags = [], []
    for (gcode, gname), specs in TAG_SPECS.items():
        group = TagGroup(uuid_from(rng), gcode, gname)
        tag_groups.append(group)
        tags.extend(Tag(uuid_from(rng), code, name, group) for code, name in specs)
    vendors = {}
    for key, name, code, cur, v_country, reg, vat in VENDOR_SPECS:
        name, v_country, reg, vat = profile.get("vendors", {}).get(key, (name, v_country, reg, vat))
        vendors[key] = Vendor(uuid_from(rng), name, code, code and f"AP-{code}", cur, v_country, reg, vat)
    names = profile.get("merchants", {})
    merchants = tuple(Merchant(*names.get(mm.name, (mm.name, mm.country)), *astuple_rest(mm))
                      for mm in MERCHANTS) if names else MERCHANTS
    return dict(company_id=company_id, organization_id=organization_id, api_key=api_key, api_key_id=api_key_id,
                other_company_id=other_company_id, other_organization_id=other_organization_id, other_api_key=other_api_key, secret=secret,
                registration_number=registration_number, accounts=accounts, categories=categories, contra=contra,
                tax_codes=tax_codes, taxes=taxes, teams=teams, employees=employees,
                tag_groups=tag_groups, tags=tags, vendors=vendors, admin=employees[0],
                company_name=profile.get("company_name", COMPANY_NAME), country=country if profile else COMPANY_COUNTRY,
                merchants=merchants)


def astuple_rest(mm: Merchant) -> tuple:
    """A merchant's fields after its name and country."""
    return (mm.mcc, mm.category, mm.currency, mm.taxes, mm.low, mm.high, mm.weight, mm.vendor_key, mm.oop)


def _type_counts(n: int) -> dict[str, int]:
    counts = {t: int(n * share / 100) for t, share in TYPE_SHARES}
    if n >= 40:
        counts = {t: max(1, c) for t, c in counts.items()}
    counts["card_purchase"] = n - sum(counts.values())
    return counts


class _MonthBuilder:
    def __init__(self, m: dict, seed: int, month: str, n: int):
        self.m = m
        self.month = month
        self.rng = random.Random(f"pleodesk-demo:{seed}:{month}")
        y, mo = int(month[:4]), int(month[5:])
        self.days = calendar.monthrange(y, mo)[1]
        self.start = datetime(y, mo, 1, tzinfo=timezone.utc)
        self.end = self.start + timedelta(days=self.days) - timedelta(seconds=1)
        self.n = n
        self.counter = 0
        self.entries: list[Entry] = []
        self.referenced: set[str] = set()   # purchases that a refund or chargeback refers to
        self.reimbursed: set[str] = set()   # employee-paid entries settled by a reimbursement
        self.merchants = m["merchants"]
        self.merchant_weights = [mm.weight for mm in self.merchants]
        self.oop_merchants = [mm for mm in self.merchants if mm.oop]
        self.project_tags = [t for t in m["tags"] if t.group.code == "PROJECT"]
        self.dept_tags = {t.code: t for t in m["tags"] if t.group.code == "DEPT"}
        self.team_dept = {"SALES": "SALES", "ENG": "ENG", "MKT": "MKT", None: "OPS"}

    # -------------------------------------------------------------------------------------------
    def rid(self) -> str:
        self.counter += 1
        return f"{self.month.replace('-', '')}-{self.counter:05d}"

    def when(self, hour_lo: int = 7, hour_hi: int = 22) -> datetime:
        r = self.rng
        return self.start + timedelta(days=r.randrange(self.days), hours=r.randint(hour_lo, hour_hi),
                                      minutes=r.randrange(60), seconds=r.randrange(60))

    def after(self, t: datetime, max_days: int) -> datetime:
        r = self.rng
        out = t + timedelta(days=r.randint(0, max_days), hours=r.randint(0, 6), minutes=r.randrange(60))
        return out if out <= self.end else self.end

    def log_amount(self, low: float, high: float) -> int:
        """Minor units, log-uniform between low and high (major units)."""
        v = math.exp(self.rng.uniform(math.log(low), math.log(high)))
        return max(1, int(round(v * 100)))

    def tags_for(self, emp: Employee | None) -> tuple[Tag, ...]:
        r = self.rng
        out = []
        if r.random() < 0.30:
            out.append(r.choice(self.project_tags))
        if emp is not None and r.random() < 0.20:
            out.append(self.dept_tags[self.team_dept.get(emp.team.code, "OPS")])
        return tuple(out)

    def receipts_for(self, entry_id: str, lines: list[str], when: datetime, p_none: float,
                     p_two: float = 0.05) -> list[Receipt]:
        r = self.rng
        if r.random() < p_none:
            return []
        count = 2 if r.random() < p_two else 1
        out = []
        for _ in range(count):
            rid = uuid_from(r)
            kind = "png" if r.random() < 0.6 else "pdf"
            content = ReceiptContent(rid, kind, r.getrandbits(32), tuple(lines))
            out.append(Receipt(rid, content, r.choice(RECEIPT_SOURCES),
                               when + timedelta(minutes=r.randint(1, 600))))
        return out

    def entry(self, **kw) -> Entry:
        e = Entry(id=uuid_from(self.rng), month=self.month, reconciliation_id=self.rid(), **kw)
        self.entries.append(e)
        return e

    # -------------------------------------------------------------------------------------------
    def purchase(self, kind: str) -> Entry:
        r, m = self.rng, self.m
        merchant = r.choice(self.oop_merchants) if kind == "out_of_pocket" else \
            r.choices(self.merchants, self.merchant_weights)[0]
        emp = r.choice(m["employees"])
        total_sup = self.log_amount(merchant.low, merchant.high)
        jitter = r.uniform(-0.01, 0.01)
        total = to_wallet(total_sup, merchant.currency, jitter)
        split = r.random() < 0.10 and total_sup >= 300 and total >= 300
        cats = [merchant.category]
        if split:
            others = [c for c in SPLIT_CATEGORIES if c != merchant.category]
            cats += r.sample(others, r.choice((1, 1, 2)))
        # split the supplier amount, then the wallet amount in the same proportions (remainder last)
        parts_sup: list[int] = []
        remaining = total_sup
        for i in range(len(cats) - 1):
            share = r.uniform(0.2, 0.6) if i == 0 else r.uniform(0.3, 0.7)
            p = max(1, min(remaining - (len(cats) - 1 - i), int(remaining * share)))
            parts_sup.append(p)
            remaining -= p
        parts_sup.append(remaining)
        parts: list[int] = []
        acc = 0
        for p in parts_sup[:-1]:
            w = max(1, _round(Decimal(total) * p / total_sup))
            parts.append(w)
            acc += w
        parts.append(total - acc)
        tax_code = r.choice(merchant.taxes)
        lines = []
        for i, (cat, p, ps) in enumerate(zip(cats, parts, parts_sup)):
            account = m["categories"][cat]
            if i == 0:
                tcode = tax_code
            elif merchant.currency != WALLET_CURRENCY:
                tcode = "0%"
            else:
                tcode = account.default_tax
            tax = m["taxes"][tcode] if tcode else None
            lines.append(make_line(r, account, p, ps, tax, self.tags_for(emp)))
        oop = kind == "out_of_pocket"
        booked = self.when()
        if oop:
            performed = booked
            settled = booked + timedelta(days=r.randint(1, 2), hours=r.randint(0, 5))
        else:
            performed = booked - timedelta(days=r.randint(1, 2), hours=r.randint(0, 5))
            settled = booked
        vendor = m["vendors"].get(merchant.vendor_key) if merchant.vendor_key else None
        note = None
        if r.random() < 0.25 and merchant.category in NOTES:
            note = r.choice(NOTES[merchant.category])
        attendees: tuple[str, ...] = ()
        if merchant.category == "4100" and r.random() < 0.25:
            attendees = tuple(r.sample(ATTENDEES, r.randint(1, 3)))
        service = None
        if merchant.category == "4200":
            service = (self.start, self.end)
        amount_text = f"{merchant.currency} {total_sup / 100:,.2f}"
        e = self.entry(
            type=kind, sub_type=None,
            family="OUT_OF_POCKET" if oop else "CARD_PURCHASE",
            sub_family=None if oop else ("ONLINE" if merchant.category in ("4200", "4400") else "IN_STORE"),
            status="COMPLETED", export_status="QUEUED", review_status="NOT_REQUIRED",
            performed_at=performed, settled_at=settled, booked_at=booked,
            currency=WALLET_CURRENCY, sup_currency=merchant.currency, amount=total, amount_sup=total_sup,
            lines=lines, contra=m["contra"]["out_of_pocket" if oop else "wallet"],
            employee=emp, team=emp.team, merchant=merchant, vendor=vendor, note=note, attendees=attendees,
            service_period=service,
            bookkeeping_method="accounts_payable" if (vendor is not None and vendor.code) else "journal",
        )
        e.receipts = self.receipts_for(e.id, [merchant.name, performed.strftime("%Y-%m-%d %H:%M"), amount_text,
                                              f"Book ID {e.reconciliation_id}"], performed,
                                       p_none=0.05 if oop else 0.06)
        return e

    def reversal(self, kind: str, of: Entry) -> Entry:
        """A refund or chargeback of purchase ``of``: negative, same supplier, account and tax."""
        r, m = self.rng, self.m
        full = kind == "chargeback" or r.random() < 0.6
        amount_sup = of.amount_sup if full else max(1, int(of.amount_sup * r.uniform(0.1, 0.9)))
        amount = of.amount if full else max(1, _round(Decimal(of.amount) * amount_sup / of.amount_sup))
        first = of.lines[0]
        self.referenced.add(of.id)
        line = make_line(r, first.account, -amount, -amount_sup, first.tax, first.tags)
        booked = self.after(of.booked_at, 10)
        performed = booked - timedelta(days=r.randint(1, 2), hours=r.randint(0, 5))
        note = (f"Refund of book ID {of.reconciliation_id}" if kind == "refund"
                else f"Chargeback of disputed book ID {of.reconciliation_id}")
        e = self.entry(
            type=kind, sub_type=None, family="CARD_PURCHASE", sub_family=of.sub_family,
            status="COMPLETED", export_status="QUEUED", review_status="NOT_REQUIRED",
            performed_at=performed, settled_at=booked, booked_at=booked,
            currency=WALLET_CURRENCY, sup_currency=of.sup_currency, amount=-amount, amount_sup=-amount_sup,
            lines=[line], contra=m["contra"]["wallet"], employee=of.employee, team=of.team,
            merchant=of.merchant, vendor=of.vendor, note=note, refund_of=of.id,
            bookkeeping_method=of.bookkeeping_method,
        )
        if kind == "refund" and r.random() < 0.6:
            e.receipts = self.receipts_for(e.id, [f"Credit note {of.merchant.name if of.merchant else ''}",
                                                  f"{of.sup_currency} {-amount_sup / 100:,.2f}"], booked, p_none=0.0,
                                           p_two=0.0)
        return e

    def simple(self, kind: str, *, amount: int, account_code: str | None, tax_code: str | None, family: str,
               sub_family: str | None, contra_role: str, emp: Employee | None, note: str | None,
               sub_type: str | None = None, currency: str = WALLET_CURRENCY, amount_sup: int | None = None,
               booked: datetime | None = None, reconciled: tuple[str, ...] = (),
               receipt_lines: list[str] | None = None) -> Entry:
        r, m = self.rng, self.m
        amount_sup = amount if amount_sup is None else amount_sup
        account = m["categories"][account_code] if account_code else None
        tax = m["taxes"][tax_code] if tax_code else None
        line = make_line(r, account, amount, amount_sup, tax, self.tags_for(emp) if account_code else ())
        booked = booked or self.when(8, 18)
        employee_paid = kind in ("mileage", "per_diem")
        performed = booked if employee_paid else booked - timedelta(days=r.randint(1, 2), hours=r.randint(0, 3))
        settled = booked + timedelta(days=r.randint(1, 2), hours=r.randint(0, 3)) if employee_paid else booked
        e = self.entry(
            type=kind, sub_type=sub_type, family=family, sub_family=sub_family,
            status="COMPLETED", export_status="QUEUED", review_status="NOT_REQUIRED",
            performed_at=performed, settled_at=settled, booked_at=booked,
            currency=WALLET_CURRENCY, sup_currency=currency, amount=amount, amount_sup=amount_sup,
            lines=[line], contra=m["contra"][contra_role], employee=emp, team=emp.team if emp else None,
            note=note, reconciled_entries=reconciled,
        )
        if receipt_lines:
            e.receipts = self.receipts_for(e.id, receipt_lines, booked, p_none=0.0, p_two=0.0)
        return e

    # -------------------------------------------------------------------------------------------
    def build(self) -> list[Entry]:
        r, m = self.rng, self.m
        counts = _type_counts(self.n)
        purchases = [self.purchase("card_purchase") for _ in range(counts["card_purchase"])]
        oops = [self.purchase("out_of_pocket") for _ in range(counts["out_of_pocket"])]
        employee_paid: list[Entry] = list(oops)
        for kind in ("refund", "chargeback"):
            for _ in range(counts[kind]):
                if purchases:
                    self.reversal(kind, r.choice(purchases))
        for _ in range(counts["cashback"]):
            self.simple("cashback", amount=-self.log_amount(5, 60), account_code="8900", tax_code=None,
                        family="CASHBACK", sub_family=None, contra_role="wallet", emp=None,
                        note="Pleo cashback")
        for _ in range(counts["atm_withdrawal"]):
            emp = r.choice(m["employees"])
            if r.random() < 0.2:
                cur = r.choice(("GBP", "USD", "SEK", "DKK"))
                sup = {"GBP": 5000, "USD": 10000, "SEK": 100000, "DKK": 50000}[cur] * r.randint(1, 3)
                amt = to_wallet(sup, cur, r.uniform(-0.01, 0.01))
            else:
                cur, sup = WALLET_CURRENCY, r.choice((2000, 5000, 10000, 20000))
                amt = sup
            self.simple("atm_withdrawal", amount=amt, amount_sup=sup, currency=cur, account_code="1000",
                        tax_code=None, family="CARD_PURCHASE", sub_family="ATM", contra_role="wallet", emp=emp,
                        note=r.choice((None, "Cash for team event", "Petty cash")))
        for _ in range(counts["fee"]):
            interest = r.random() < 0.1
            self.simple("fee", amount=self.log_amount(0.5, 15), account_code="4800", tax_code="0%",
                        family="WALLET", sub_family="INTEREST" if interest else "FEE", contra_role="wallet",
                        emp=None, sub_type="interest" if interest else None,
                        note="Overdraft interest" if interest else r.choice(
                            ("Foreign exchange fee", "ATM fee", "Card replacement fee", "Reimbursement fee")))
        for _ in range(counts["mileage"]):
            emp = r.choice(m["employees"])
            km = r.randint(12, 320)
            a, b = r.sample(CITIES, 2)
            employee_paid.append(self.simple(
                "mileage", amount=km * MILEAGE_CENTS_PER_KM, account_code="4700", tax_code="0%", family="MILEAGE",
                sub_family=None, contra_role="out_of_pocket", emp=emp, note=f"{a} - {b}, {km} km"))
        for _ in range(counts["per_diem"]):
            emp = r.choice(m["employees"])
            days = r.randint(1, 4)
            employee_paid.append(self.simple(
                "per_diem", amount=days * PER_DIEM_CENTS, account_code="4710", tax_code="0%", family="PER_DIEM",
                sub_family=None, contra_role="out_of_pocket", emp=emp,
                note=f"Per diem: {r.choice(TRIPS)}, {days} day{'s' if days > 1 else ''}"))
        for _ in range(counts["wallet_topup"]):
            amt = r.choice((5000, 10000, 15000, 20000, 25000, 40000)) * 100
            self.simple("wallet_topup", amount=-amt, account_code="1150", tax_code=None, family="WALLET",
                        sub_family="LOAD", contra_role="wallet", emp=None, note="Top-up from company bank account",
                        booked=self.when(9, 11))
        for _ in range(counts["wallet_unload"]):
            amt = r.choice((1000, 2500, 5000, 10000)) * 100
            self.simple("wallet_unload", amount=amt, account_code="1150", tax_code=None, family="WALLET",
                        sub_family="UNLOAD", contra_role="wallet", emp=None,
                        note="Transfer to company bank account", booked=self.when(9, 11))
        self._reimbursements(counts, employee_paid)
        self._anomalies(purchases, oops)
        return self.entries

    def _reimbursements(self, counts: dict[str, int], employee_paid: list[Entry]) -> None:
        r, m = self.rng, self.m
        pools: dict[str, list[Entry]] = {}
        for e in sorted(employee_paid, key=lambda x: (x.booked_at, x.id)):
            pools.setdefault(e.employee.id, []).append(e)
        order = list(pools)
        kinds = ["direct_reimbursement"] * counts["direct_reimbursement"] + \
                ["external_reimbursement"] * counts["external_reimbursement"]
        r.shuffle(kinds)
        ptr = 0
        for kind in kinds:
            settled: list[Entry] = []
            emp = None
            for _ in range(len(order)):
                key = order[ptr % len(order)]
                ptr += 1
                if pools[key]:
                    take = min(len(pools[key]), r.randint(1, 3))
                    settled, pools[key] = pools[key][:take], pools[key][take:]
                    emp = settled[0].employee
                    self.reimbursed.update(e.id for e in settled)
                    break
            if settled:
                amount = sum(e.amount for e in settled)
                booked = self.after(max(e.booked_at for e in settled), 5)
                reconciled = tuple(e.reconciliation_id for e in settled)
            else:
                emp = r.choice(m["employees"])
                amount = self.log_amount(20, 300)
                booked = self.when(8, 18)
                reconciled = ()
            direct = kind == "direct_reimbursement"
            self.simple(kind, amount=amount, account_code=None, tax_code=None, family="REIMBURSEMENT",
                        sub_family="REIMBURSEMENT_TO_EMPLOYEE", sub_type="reimbursement_to_employee",
                        contra_role="wallet" if direct else "external_reimbursement", emp=emp,
                        note=("Reimbursed to personal card" if direct else "Paid with salary"), booked=booked,
                        reconciled=reconciled)

    def _anomalies(self, purchases: list[Entry], oops: list[Entry]) -> None:
        """A few entries without a category, not settled, in draft; a handful of large receipts."""
        r = self.rng
        n = self.n
        single = [e for e in purchases if len(e.lines) == 1 and e.id not in self.referenced]
        if n >= 50 and single:
            for e in r.sample(single, min(len(single), max(1, n // 200))):
                e.lines[0].account = None
                e.lines[0].tags = ()
                e.bookkeeping_method = "journal"
            for e in r.sample(single, min(len(single), max(1, n // 150))):
                if e.lines[0].account is None:
                    continue
                e.status, e.export_status, e.settled_at = "PENDING", "CREATED", None
                e.review_status = "NOT_SET"
        drafts = [e for e in oops if e.id not in self.reimbursed and e.export_status == "QUEUED"]
        if n >= 80 and drafts:
            e = r.choice(drafts)
            if e.export_status == "QUEUED":
                e.status, e.export_status, e.review_status = "DRAFT", "CREATED", "WAITING_FOR_EXPENSE_OWNER"
        with_receipt = [e for e in purchases if e.receipts and e.export_status == "QUEUED"]
        big = 2 if n >= 50 else (1 if n >= 10 else 0)
        for e in r.sample(with_receipt, min(big, len(with_receipt))):
            old = e.receipts[0]
            size = r.randint(10_600_000, 13_500_000)
            e.receipts[0] = Receipt(old.id, ReceiptContent(old.id, "pdf", old.content.variant, old.content.lines, size),
                                    "EMAIL_FORWARDING", old.created_at)


def generate(seed: int = 1, months: list[str] | None = None, expenses_per_month: int = 600,
             country: str = COMPANY_COUNTRY) -> DemoData:
    """Build the whole dataset. ``months`` are ``YYYY-MM`` strings (required); ``country`` ``"DE"`` gives
    the German company (``PROFILES``)."""
    if not months:
        raise ValueError("months are required")
    if country != COMPANY_COUNTRY and country not in PROFILES:
        raise ValueError(f"no demo company for the country {country!r} (known: NL, {', '.join(PROFILES)})")
    m = _master(seed, country)
    entries: list[Entry] = []
    for month in sorted(months):
        entries.extend(_MonthBuilder(m, seed, month, expenses_per_month).build())
    entries.sort(key=lambda e: (e.booked_at, e.id))
    for i, e in enumerate(entries):
        e.seq = i
    by_id = {e.id: e for e in entries}
    return DemoData(seed=seed, months=sorted(months), entries=entries, by_id=by_id, **m)
