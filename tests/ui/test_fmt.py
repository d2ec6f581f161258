"""Dates and times for people (``pleodesk.ui.fmt``): the locale's medium date, always with a four-digit
year and never digits alone, in the app's four languages and in the locales Qt falls back to."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import QLocale

from pleodesk.ui import fmt

DAY = date(2026, 12, 16)

# The app's languages as pleodesk sets them (English: en_GB unless the system is English), the
# system's regional variants a user may keep, and the "C" locale of a bare machine.
MEDIUM = {
    "en_GB": "16 Dec 2026",
    "en_US": "Dec 16, 2026",
    "nl_NL": "16 dec 2026",
    "nl_BE": "16 dec 2026",
    "fr_FR": "16 déc. 2026",
    "fr_CH": "16 déc. 2026",
    "de_DE": "16. Dez. 2026",
    "de_AT": "16. Dez. 2026",
    "C": "16 Dec 2026",
}


@pytest.mark.parametrize("name", sorted(MEDIUM))
def test_a_day_is_written_in_the_medium_form(name):
    loc = QLocale(name)
    assert fmt.day(DAY, loc=loc) == MEDIUM[name]
    assert fmt.day(datetime(2026, 12, 16, 23, 0, tzinfo=timezone.utc), loc=loc) == MEDIUM[name]
    assert fmt.day(None, loc=loc) == ""


@pytest.mark.parametrize("name", sorted(MEDIUM))
def test_a_moment_has_the_medium_date_and_the_time_of_day(name):
    loc = QLocale(name)
    moment = datetime(2026, 12, 16, 1, 0, tzinfo=timezone.utc)
    local = fmt.to_local(moment)
    expected = f"{fmt.day(date(local.date().year(), local.date().month(), local.date().day()), loc=loc)} " \
               f"{loc.toString(local.time(), QLocale.FormatType.ShortFormat)}"
    assert fmt.moment(moment, loc=loc) == expected
    assert "2026" in expected


@pytest.mark.parametrize("name", ["C", "en_US", "de_DE", "nl_NL", "fr_FR", "en_GB", "ja_JP", "hu_HU", "es_ES",
                                  "da_DK", "ru_RU", "pt_BR", "fi_FI", "ko_KR"])
def test_every_locale_gets_a_four_digit_year_and_a_month_name(name):
    loc = QLocale(name)
    pattern = fmt.date_format(loc)
    assert "yyyy" in pattern and "yyyyy" not in pattern
    assert "dddd" not in pattern                       # no weekday
    text = fmt.day(date(2031, 3, 5), loc=loc)
    assert "2031" in text and "03" not in text.replace("2031", "")   # the month as a name, not "03"


def test_qt_forms_are_still_there_when_asked_for():
    assert fmt.day(DAY, QLocale.FormatType.ShortFormat, loc=QLocale("de_DE")) == "16.12.26"
