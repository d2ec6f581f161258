"""Money, dates and times for people: through QLocale (the language chosen in the app).

Amounts stay ``Decimal``; only their digits are laid out the locale's way.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "SEK": "kr", "DKK": "kr.", "NOK": "kr", "CHF": "CHF",
           "PLN": "zł", "JPY": "¥"}


def locale() -> QLocale:
    return QLocale()


def _digits(amount: Decimal, places: int, loc: QLocale) -> str:
    text = f"{abs(amount):,.{places}f}"           # 1,234.50
    group, point = loc.groupSeparator(), loc.decimalPoint()
    return text.replace(",", "\x00").replace(".", point).replace("\x00", group)


def money(amount, currency: str = "", *, places: int = 2, loc: QLocale | None = None) -> str:
    """``Decimal("-1234.5"), "EUR"`` -> "€ -1.234,50" (nl), "-1 234,50 €" (fr), "-€1,234.50" (en)."""
    loc = loc or QLocale()
    try:
        value = amount if isinstance(amount, Decimal) else Decimal(str(amount))
    except (InvalidOperation, ValueError):
        return str(amount)
    digits = _digits(value, places, loc)
    if not currency:
        return (loc.negativeSign() if value < 0 else "") + digits
    symbol = SYMBOLS.get(currency.upper(), currency.upper())
    sample_number = loc.toString(1234.5, "f", 2)
    sample = loc.toCurrencyString(1234.5, symbol, 2)
    if sample_number in sample:
        text = sample.replace(sample_number, digits)
    else:  # unusual locale data: a plain, unambiguous form
        text = f"{digits} {currency.upper()}"
    return (loc.negativeSign() if value < 0 else "") + text


def number(n: int, loc: QLocale | None = None) -> str:
    return (loc or QLocale()).toString(int(n))


_QUOTED = re.compile(r"('(?:[^']|'')*')")
_WEEKDAY = re.compile(r"[\s,]*(?<!d)d{3,4}(?!d)[\s,]*")
_YEAR = re.compile(r"(?<!y)y{1,4}(?!y)")
_MONTH_NAME = re.compile(r"(?<!M)M{4}(?!M)")


def date_format(loc: QLocale | None = None) -> str:
    """The locale's medium date pattern: day, abbreviated month name and four-digit year in the
    locale's order ("16 Dec 2026", "Dec 16, 2026", "16 dec. 2026", "16 déc. 2026", "16. Dez. 2026").

    Qt knows only a long form (with the weekday) and a short one (all digits: "16/12/2026" in one
    country is "12/16/26" in another, and some locales write two-digit years or no separators at
    all). The medium pattern is the long one without the weekday, its month name abbreviated."""
    loc = loc or QLocale()
    parts = _QUOTED.split(loc.dateFormat(QLocale.FormatType.LongFormat))
    out = []
    for i, part in enumerate(parts):
        if i % 2:                          # a quoted literal: kept as it is
            out.append(part)
            continue
        part = _WEEKDAY.sub(" ", part)
        part = _MONTH_NAME.sub("MMM", part)
        out.append(_YEAR.sub("yyyy", part))
    text = re.sub(r" {2,}", " ", "".join(out)).strip(" ,")
    if "yyyy" not in text or "M" not in text:          # unusual locale data: a plain, unambiguous form
        return "d MMM yyyy"
    return text


def day(d: date | datetime | None, fmt: QLocale.FormatType | None = None,
        loc: QLocale | None = None) -> str:
    """A calendar day in the locale's medium form (see :func:`date_format`); ``fmt`` asks for one
    of Qt's own forms instead."""
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = d.date()
    loc = loc or QLocale()
    q = QDate(d.year, d.month, d.day)
    return loc.toString(q, fmt) if fmt is not None else loc.toString(q, date_format(loc))


def month_name(year: int, month: int, loc: QLocale | None = None) -> str:
    """"August 2026" / "augustus 2026" / "août 2026" / "August 2026"."""
    loc = loc or QLocale()
    return loc.toString(QDate(year, month, 1), "MMMM yyyy")


def to_local(dt: datetime) -> QDateTime:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    dt = dt.astimezone(timezone.utc)
    q = QDateTime(QDate(dt.year, dt.month, dt.day), QTime(dt.hour, dt.minute, dt.second),
                  QTimeZone.utc())
    return q.toLocalTime()


def moment(dt: datetime | None, loc: QLocale | None = None) -> str:
    """A moment in the user's local time: the medium date and the locale's time of day
    ("16 Dec 2026 01:00", "16. Dez. 2026 01:00", "Dec 16, 2026 1:00 AM")."""
    if dt is None:
        return ""
    loc = loc or QLocale()
    pattern = f"{date_format(loc)} {loc.timeFormat(QLocale.FormatType.ShortFormat)}"
    return loc.toString(to_local(dt), pattern)


def clock(t, loc: QLocale | None = None) -> str:
    """A ``datetime.time`` as the locale writes a time of day (08:00 / 8:00 AM)."""
    return (loc or QLocale()).toString(QTime(t.hour, t.minute), QLocale.FormatType.ShortFormat)


def duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
