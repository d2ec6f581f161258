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


def day(d: date | datetime | None, fmt: QLocale.FormatType = QLocale.FormatType.ShortFormat,
        loc: QLocale | None = None) -> str:
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = d.date()
    return (loc or QLocale()).toString(QDate(d.year, d.month, d.day), fmt)


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
    return (loc or QLocale()).toString(to_local(dt), QLocale.FormatType.ShortFormat)


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
