"""Money, dates and times for people: through QLocale (the language chosen in the app).

Amounts stay ``Decimal``; only their digits are laid out the locale's way.
"""

from __future__ import annotations

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


def _four_digit_year(pattern: str) -> str:
    """A locale's date pattern with the year in four digits ("dd.MM.yy" -> "dd.MM.yyyy")."""
    import re

    return re.sub(r"(?<!y)y{1,2}(?!y)", "yyyy", pattern)


def short_date_format(loc: QLocale | None = None) -> str:
    """The locale's short date pattern, with a four-digit year (a "26" is easily misread)."""
    return _four_digit_year((loc or QLocale()).dateFormat(QLocale.FormatType.ShortFormat))


def medium_date_format(loc: QLocale | None = None) -> str:
    """The locale's date with the month's short name and a four-digit year, without the weekday:
    "Dec 5, 2026" (en_US), "5 Dec 2026" (en_GB), "5 dec 2026" (nl), "5 déc. 2026" (fr), "5. Dez. 2026" (de).
    Derived from the locale's long format, so the order of day, month and year is the locale's."""
    import re

    pattern = (loc or QLocale()).dateFormat(QLocale.FormatType.LongFormat)
    pattern = re.sub(r"d{4}[,\s]*", "", pattern)          # no weekday
    pattern = re.sub(r"M{4}", "MMM", pattern)
    pattern = re.sub(r"^[\s,]+|[\s,]+$", "", pattern)
    return _four_digit_year(pattern)


def day(d: date | datetime | None, fmt: QLocale.FormatType | str = QLocale.FormatType.ShortFormat,
        loc: QLocale | None = None) -> str:
    """A date as the locale writes it, always with a four-digit year (ShortFormat: "05/12/2026")."""
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = d.date()
    loc = loc or QLocale()
    if fmt == QLocale.FormatType.ShortFormat:
        fmt = short_date_format(loc)
    return loc.toString(QDate(d.year, d.month, d.day), fmt)


def medium_day(d: date | datetime | None, loc: QLocale | None = None) -> str:
    """A date with the month's name where there is room: "Dec 5, 2026" / "5 dec 2026" / "5. Dez. 2026"."""
    if d is None:
        return ""
    loc = loc or QLocale()
    return day(d, medium_date_format(loc), loc)


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
    """A moment in the user's local time, short form."""
    if dt is None:
        return ""
    loc = loc or QLocale()
    pattern = f"{short_date_format(loc)} {loc.timeFormat(QLocale.FormatType.ShortFormat)}"
    return loc.toString(to_local(dt), pattern)


def medium_moment(dt: datetime | None, loc: QLocale | None = None) -> str:
    """A moment in the user's local time with the month's name: "Dec 5, 2026 14:05"."""
    if dt is None:
        return ""
    loc = loc or QLocale()
    pattern = f"{medium_date_format(loc)} {loc.timeFormat(QLocale.FormatType.ShortFormat)}"
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
