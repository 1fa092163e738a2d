"""Tolerant reading of what officers type into cells: numbers, dates, periods, choices, text.

The one place where cell values are interpreted. Every parser keeps the text as typed next to
what it was read as, and never raises for bad data: what it cannot read comes back as TEXT for
the validator to point at.
"""

from __future__ import annotations

import calendar
import datetime as dt
import decimal
import functools
import math
import re
from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

from dateutil import parser as dateparser

from xl_plans.model import Num, NumKind, Quarter, When, WhenKind

E = TypeVar("E", bound=Enum)

# Excel's serial day 0: in the 1900 date system (counting its phantom 29 Feb 1900), and in the
# 1904 system that old Mac workbooks use.
EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_EPOCH_1904 = dt.date(1904, 1, 1)
# Serial numbers we accept as dates in a date column: 1 Jan 1960 .. 31 Dec 2099.
SERIAL_RANGE = (21916, 73415)

_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# Control characters (but tab and line feed) go; so do the invisible characters that come with
# text pasted from web pages, Teams or SharePoint (zero-width space and joiners, word joiner,
# byte order mark, soft hyphen): an officer cannot see them, so "83%\u200b" is 83%.
_CONTROLS = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]
_INVISIBLE = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]
# Every other Unicode space (non-breaking, thin, narrow non-breaking, figure, em ...) is a space.
_SPACES = [0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000]
_TIDY: dict[int, str | None] = dict.fromkeys(_CONTROLS + _INVISIBLE)
_TIDY.update(dict.fromkeys(_SPACES, " "))
_TIDY.update(dict.fromkeys((0x2028, 0x2029), "\n"))  # line and paragraph separators
# (All of these are non-printable to str.isprintable, so clean_text's fast path stays right.)


def clean_text(value: object) -> str | None:
    """Text of a cell, tidied: NBSP and other Unicode spaces to space, `_x000D_` escapes, control
    and invisible characters removed, Windows line ends to \\n, outer white space stripped.
    Blank -> None."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        return "Yes" if value else "No"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, dt.datetime) and value.time() == dt.time(0):
        text = value.date().isoformat()
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    if "_x" in text:
        text = _XML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if not text.isprintable():  # (most text is: then there is nothing to tidy but the ends)
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = text.translate(_TIDY)
    text = text.strip()
    return text or None


@functools.lru_cache(maxsize=4096)
def normalise_key(text: str) -> str:
    """Key for matching headers and choices: case, spaces and punctuation ignored."""
    text = text.lower().replace("%", " pct ").replace("£", " gbp ").replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "", text)


# --------------------------------------------------------------------------- numbers

# "Not applicable", in a figure or a date: no figure (no data, never Red), no deadline.
_NA_WORDS = {"na", "n/a", "-", "–", "—", "not applicable", "nil return"}
# A figure not known yet is no data too. (Not a date: a deadline "not known" is a gap the
# validator names, not "no deadline".)
_NOT_KNOWN_WORDS = {"n/k", "nk", "not known", "unknown", "not available", "n/av",
                    "awaiting data", "data not available"}
_TBC_WORDS = {"tbc", "tba", "tbd", "to be confirmed", "to be agreed", "to be determined"}
_INFO_WORDS = {"info only", "information only", "for information", "for information only"}
_ZERO_WORDS = {"zero", "nil", "none", "nought"}
# Trailing words that qualify a sum without changing it ("£3,500 per annum").
# (Not "per month": read as the sum it would be 12 times too low; it stays words for the
# validator to query.)
_QUALIFIERS = re.compile(
    r"\s*(per\s+annum|p\.?\s?a\.?|per\s+year|a\s+year|annually|in\s+total|total)\s*\.?$",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"""^(?P<neg>-|−|\()?\s*(?P<cur>£)?\s*(?P<neg2>-)?\s*
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
        \s*(?P<scale>k|m|bn)?\s*(?P<pct>%)?\s*(?P<close>\))?$""",
    re.VERBOSE | re.IGNORECASE,
)
# A k/m/bn suffix or a % sign moves the decimal point: done in decimal, so "£1.005m" is
# 1005000 and "57.7%" the float nearest 0.577 (binary 1.005 * 1e6 is 1004999.9999999999).
_POWERS = {"k": 3, "m": 6, "bn": 9}
_EXACT = decimal.Context(prec=decimal.MAX_PREC)  # scaleb then rounds nothing
# A thin, narrow no-break or figure space between digit groups is a thousands separator
# ("1\u202f200", as some systems and French/SI style type it). A plain or non-breaking space
# is not: "0151 934 4580" is a phone number.
_GROUP_SPACE = re.compile(r"(?<=\d)[\u2007\u2009\u202f](?=\d{3}(?!\d))")


def parse_num(value: object) -> Num:
    """Read a number-like cell. Real numbers pass through; text is read tolerantly:
    `1,234`, `£1,234.50`, `(123)`, `85%`, `zero`, `INFO ONLY`, `-`, `N/A`, `TBC`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Num()
    if isinstance(value, bool):
        return Num(kind=NumKind.NUMBER, value=1.0 if value else 0.0)
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return Num(kind=NumKind.TEXT, text=str(value))
        return Num(kind=NumKind.NUMBER, value=float(value))
    text = clean_text(value)
    if text is None:
        return Num()
    if isinstance(value, str) and not value.isascii() and _GROUP_SPACE.search(value):
        grouped = _parse_num_text(clean_text(_GROUP_SPACE.sub("", value)) or "")
        if grouped.kind is NumKind.NUMBER:
            return grouped.model_copy(update={"text": text})  # (the text as typed is kept)
    return _parse_num_text(text)


def _word(text: str) -> str:
    """A cell's text as a word to look up: case, spacing and full stops ignored ("N.A.",
    "T.B.C.", "Nil.")."""
    return " ".join(text.lower().replace(".", "").split())


# Yes and No are a Yes/No indicator's figures (1 and 0); anywhere else they are a slip that
# validation names (yes-no-on-figure-kpi): see is_yes_no.
_YES_WORDS = {"yes", "y", "true"}
_NO_WORDS = {"no", "n", "false"}


def is_yes_no(num: Num) -> bool:
    """Was this figure typed as Yes or No (read as 1 or 0)?"""
    return num.text is not None and num.kind is NumKind.NUMBER \
        and _word(num.text) in _YES_WORDS | _NO_WORDS


@functools.lru_cache(maxsize=4096)
def _parse_num_text(text: str) -> Num:
    word = _word(text)
    if word in _NA_WORDS or word in _NOT_KNOWN_WORDS:
        return Num(kind=NumKind.NOT_APPLICABLE, text=text)
    if word in _TBC_WORDS:
        return Num(kind=NumKind.TO_BE_CONFIRMED, text=text)
    if word in _INFO_WORDS:
        return Num(kind=NumKind.INFO_ONLY, text=text)
    if word in _ZERO_WORDS:
        return Num(kind=NumKind.NUMBER, value=0.0, text=text)
    if word in _YES_WORDS:
        return Num(kind=NumKind.NUMBER, value=1.0, text=text)
    if word in _NO_WORDS:
        return Num(kind=NumKind.NUMBER, value=0.0, text=text)
    core = _QUALIFIERS.sub("", text).strip()
    match = _NUMBER.match(core)
    if not match or (match["neg"] == "(") != bool(match["close"]):
        return Num(kind=NumKind.TEXT, text=text)
    digits = match["num"].replace(",", "")
    percent = bool(match["pct"])
    shift = (_POWERS[match["scale"].lower()] if match["scale"] else 0) - (2 if percent else 0)
    number = float(decimal.Decimal(digits).scaleb(shift, _EXACT)) if shift else float(digits)
    if not math.isfinite(number):  # 400 nines: no figure anyone means, and no cell holds it
        return Num(kind=NumKind.TEXT, text=text)
    if match["neg"] or match["neg2"]:
        number = -number
    return Num(kind=NumKind.NUMBER, value=number, text=text, percent=percent)


# --------------------------------------------------------------------------- dates

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}

_ONGOING = re.compile(
    r"\s*(?:[,;–—-]|and|&)?\s*(?:then\s+)?"
    r"(?:ongoing|on-going|onwards?|continuous|annual\s+review)\b.*$",
    re.IGNORECASE,
)
# "By the end of March 2024", "end of March 2024", "End March 2024", "by end March 2024", "by
# March 2024": the deadline is the end of what follows.
_LEAD_IN = re.compile(
    r"^(?:(?:(?:by|before)\s+)?(?:the\s+)?end\s+(?:of\s+)?|(?:by|before)\s+)", re.IGNORECASE
)
# "End of year", "year end", "year-end", "by the end of the financial year": the plan year's
# last day, as plans are for a financial year. (Unknown without the plan year: then words.)
_YEAR_WORDS = r"(?:financial\s+year|fy|year)"
_YEAR_END = re.compile(
    rf"^(?:(?:by|before)\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+)?{_YEAR_WORDS}"
    rf"|{_YEAR_WORDS}[\s-]*end)\.?$",
    re.IGNORECASE,
)
# En and em dashes (Word's autocorrect of "-"), figure dash, horizontal bar and minus sign read
# as a hyphen in dates and years: "2023–24" is 2023/24. (Not in numbers: "5–10" is a band,
# read elsewhere.)
_DASHES = dict.fromkeys((0x2012, 0x2013, 0x2014, 0x2015, 0x2212), "-")
_READ_YEAR = {**_TIDY, **_DASHES}
# "From April 2024" names when something starts, not a deadline: read as "April 2024 and
# ongoing". ("From Sep 2024 to March 2026" is a range, read as one.)
_FROM = re.compile(r"^(?:from|starting|commencing)\s+", re.IGNORECASE)
_ORDINAL = re.compile(r"(\d{1,2})\s*(?:st|nd|rd|th)\b", re.IGNORECASE)
_FY = re.compile(r"^(?:fy\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$", re.IGNORECASE)
_FY_SHORT = re.compile(r"^(?:fy\s*)?(\d{2})\s*[/-]\s*(\d{2})$", re.IGNORECASE)  # "22/23"
# (These and the patterns below see dates with every dash made a hyphen: see _DASHES.)
_QUARTER = re.compile(
    r"^(?:q|quarter\s*)([1-4])(?:\s*(?:of\s+)?(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{2}|\d{4}))?$",
    re.IGNORECASE,
)
# "June 2024", "Jun-2024", "June/2024", "June, 2024", "June of 2024"; with two digits for the
# year, "Jun-24" (how Excel shows a month), "March 22", "Dec 07" (seeds 001 and 002). But see
# _day_not_year: "May 31" may be a day with its year left off.
_MONTH_YEAR = re.compile(rf"^({_MONTH_RE})\.?(?:\s*[-/,]\s*|\s+of\s+|\s+)(\d{{4}}|\d{{2}})$",
                         re.IGNORECASE)
_MONTH_ONLY = re.compile(rf"^({_MONTH_RE})\.?$", re.IGNORECASE)
_YEAR_MONTH = re.compile(rf"^(\d{{4}})(?:\s*[-/]\s*|\s+)({_MONTH_RE})\.?$", re.IGNORECASE)
# Several days of one month: "14-15 March 2024", "3rd and 4th March 2024", "1, 6, 7, 8 March
# 2024", "March 14-15, 2024": the first day to the last.
_DAYS = r"\d{1,2}(?:\s*(?:-|–|—|/|&|,|and|to)\s*\d{1,2})+"
_DAYS_MONTH_YEAR = re.compile(rf"^({_DAYS})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})$", re.IGNORECASE)
_MONTH_DAYS_YEAR = re.compile(rf"^({_MONTH_RE})\.?\s+({_DAYS}),?\s+(\d{{4}})$", re.IGNORECASE)
_SEASON_YEAR = re.compile(r"^(spring|summer|autumn|fall|winter)\s+(\d{4}|\d{2})$",
                          re.IGNORECASE)  # "Summer 2021", "Summer 08" (seed 002)
_YEAR = re.compile(r"^(\d{4})$")
_RANGE = re.compile(r"^(.+?)\s+(?:to|until|till|-)\s+(.+)$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")  # 2025-03-31, as systems export dates
_TIME = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b", re.IGNORECASE)
_TEXT_DATE = re.compile(rf"^(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}}|\d{{2}})$",
                        re.IGNORECASE)


def fy_start_year(plan_year: str | None) -> int | None:
    """First calendar year of a financial year written `2023/24`, `2023-24`, `2023/2024` or
    `23/24` (in the 2000s: see full_year), with any dash (`2023–24`) and hidden characters
    ignored."""
    if not plan_year:
        return None
    text = plan_year.strip() if plan_year.isascii() else plan_year.translate(_READ_YEAR).strip()
    if match := _FY.match(text):
        return _fy_start(match)
    if short := _FY_SHORT.match(text):
        return _short_fy_start(short, None)
    match_year = _YEAR.match(text)
    return int(match_year[1]) if match_year else None


def fy_label(start: int) -> str:
    """The financial year starting in `start` as every title and sheet shows it: 2023/24."""
    return f"{start}/{(start + 1) % 100:02d}"


def ambiguous_year(text: str | None) -> tuple[str, str] | None:
    """A financial year typed as one calendar year ("2023"), read as the year it starts in
    (2023/24) though councils also name a year by its end ("Budget 2023" is 2022/23): the
    year read, and the other it could mean. None for anything else. (Validation warns of
    it in a plan; the command line's --year refuses it.)"""
    if text is None or not text.strip().isdigit():
        return None
    start = fy_start_year(text)
    if start is None:
        return None  # not read at all: reported as unreadable
    return fy_label(start), fy_label(start - 1)


def _fy_start(match: re.Match[str]) -> int | None:
    """First year of a financial year matched by _FY ("2023/24"), if the second follows."""
    start, end = int(match[1]), match[2]
    end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
    if end_year % 100 != (start + 1) % 100:
        return None
    return start


def _short_fy_start(match: re.Match[str], near: int | None) -> int | None:
    """First year of a financial year matched by _FY_SHORT ("22/23"), if the second follows."""
    start = full_year(int(match[1]), near)
    return start if int(match[2]) == (start + 1) % 100 else None


def full_year(two_digits: int, near: int | None = None) -> int:
    """A year typed with two digits: the one nearest the plan year's start (`near`), within
    50 years either side, so "31/03/30" in a 2026/27 plan is 2030 and "01/04/98" in it 1998;
    in the 2000s when no plan year is known (plans are this century's)."""
    if near is None:
        return 2000 + two_digits
    year = near - near % 100 + two_digits
    if year < near - 50:
        return year + 100
    if year >= near + 50:
        return year - 100
    return year


def quarter_span(quarter: int, fy_start: int, fy_start_month: int = 4) -> tuple[dt.date, dt.date]:
    """First and last day of quarter 1..4 of the financial year starting in `fy_start`."""
    month0 = fy_start_month - 1 + 3 * (quarter - 1)
    year = fy_start + month0 // 12
    month = month0 % 12 + 1
    end_month0 = month0 + 2
    end_year = fy_start + end_month0 // 12
    end_month = end_month0 % 12 + 1
    return dt.date(year, month, 1), _month_end(end_year, end_month)


def _year(written: str, fy_start: int | None) -> int:
    """A year as typed in a date: four digits, or two (the one nearest the plan year)."""
    return int(written) if len(written) == 4 else full_year(int(written), fy_start)


def _day_not_year(written: str, two_digits: str, year: int, fy_start: int | None) -> bool:
    """Whether "June 28" is more likely 28 June of no year than June 2028: two digits that could
    be a day, after a space (Excel's "Jun-28" is a month), unless they make a year of the plan
    year or the one either side ("March 22", "December 21" in a 2022/23 plan, "Dec 07" in
    2008/09, as seeds 001 and 002 write them). Without a plan year, always a day: a misread
    year would be wrong by years, and no check would notice."""
    if len(two_digits) != 2 or int(two_digits) > 31 or any(sep in written for sep in "-/"):
        return False
    return fy_start is None or not fy_start - 1 <= year <= fy_start + 1


def _near(start_year: int, fy_start: int | None) -> bool:
    """A financial year written short ("23/24") in a date is read only near the plan's: the
    same digits are also how a day and month are written without a year ("11/12")."""
    return fy_start is not None and abs(start_year - fy_start) <= 1


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def day(date: dt.date) -> str:
    """31 Mar 2022, as reasons show a day (English month names whatever the machine's locale,
    unlike %b)."""
    return f"{date.day} {_SHORT_MONTHS[date.month]} {date.year}"


_SHORT_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                 "Dec")


def excel_serial_to_date(serial: float, date1904: bool = False) -> dt.date:
    return (EXCEL_EPOCH_1904 if date1904 else EXCEL_EPOCH) + dt.timedelta(days=int(serial))


def parse_when(value: object, fy_start: int | None = None, date1904: bool = False) -> When:
    """Read a date-like cell. Real dates pass through; text is read tolerantly and kept:
    `01/04/2024` (UK day-first), `31 st March 2023`, `March 2024`, `Sep 2024 to March 2026`,
    `March 2024 and ongoing`, `Q3`, `Q3 2023/24`, `2023/24`, `Summer 2021`, `Ongoing`, `TBC`.

    `fy_start` is the first calendar year of the plan year, used for a bare quarter (`Q3`);
    `date1904` says a bare serial number counts from 1904 (the workbook's date system).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return When()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return When(kind=WhenKind.DATE, start=value, end=value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if SERIAL_RANGE[0] <= value <= SERIAL_RANGE[1]:
            day = excel_serial_to_date(value, date1904)
            return When(kind=WhenKind.DATE, start=day, end=day)
        if float(value).is_integer() and 1900 <= value <= 2100:  # a year typed as 2019
            return _parse_when_text(str(int(value)), fy_start)
        return When(kind=WhenKind.TEXT, text=clean_text(value))
    text = clean_text(value)
    if text is None:
        return When()
    return _parse_when_text(text, fy_start)


@functools.lru_cache(maxsize=4096)
def _parse_when_text(text: str, fy_start: int | None) -> When:
    word = _word(text)
    if word in _NA_WORDS:
        return When(kind=WhenKind.NOT_APPLICABLE, text=text)
    if word in _TBC_WORDS:
        return When(kind=WhenKind.TO_BE_CONFIRMED, text=text)
    core, ongoing = text, False
    stripped = _ONGOING.sub("", text).strip(" ,;")
    if stripped != text.strip():
        ongoing = True
        core = stripped
    if not core:
        return When(kind=WhenKind.ONGOING, ongoing=True, text=text)
    if starts := _FROM.match(core):
        core = core[starts.end():]
    span = _span(core, fy_start)
    if span is None:
        ongoing = ongoing or (bool(starts) and _RANGE.match(core.translate(_DASHES)) is None)
        return When(kind=WhenKind.TEXT, text=text, ongoing=ongoing)
    start, end, is_day, is_range = span
    ongoing = ongoing or (bool(starts) and not is_range)  # a start, and no end named
    kind = WhenKind.DATE if is_day and start == end else WhenKind.PERIOD
    return When(kind=kind, start=start, end=end, ongoing=ongoing, text=text, is_range=is_range)


def _span(text: str, fy_start: int | None) -> tuple[dt.date, dt.date, bool, bool] | None:
    """(first day, last day, is a single day, is a range "X to Y") of a date or period written
    as text."""
    text = " ".join((text if text.isascii() else text.translate(_DASHES)).split())
    if "end" in text.lower() and _YEAR_END.match(text):
        if fy_start is None:
            return None
        year_end = dt.date(fy_start + 1, 3, 31)
        return year_end, year_end, True, False
    text = _LEAD_IN.sub("", text)
    single = _single_span(text, fy_start)
    if single is not None:
        return *single, False
    if (match := _RANGE.match(text)) and (span := _range(match[1], match[2], fy_start)):
        return span
    # "April 2024-March 2025", "Q1-Q2" (en dashes, as Word writes them, are hyphens by now):
    # a range when the two sides of some dash read as dates or periods. Never with a bare year
    # on either side: "Q2-2024" is no range from Q2 to the calendar year 2024, and "2024-2026"
    # would be calendar years where "2024-25" is a financial one.
    for dash in (i for i, char in enumerate(text) if char == "-"):
        first, last = text[:dash].strip(), text[dash + 1:].strip()
        if _YEAR.match(first) or _YEAR.match(last):
            continue
        if span := _range(first, last, fy_start):
            return span
    return None


def _range(first_text: str, last_text: str,
           fy_start: int | None) -> tuple[dt.date, dt.date, bool, bool] | None:
    """A range from one date or period to another, or None (also when it runs backwards).
    A bare month takes its year from the end: "Apr-Jun 2024", "Nov to Feb 2024"."""
    last = _single_span(last_text, fy_start)
    if last is None:
        return None
    first = _single_span(first_text, fy_start)
    if first is None and (month := _MONTH_ONLY.match(first_text.strip())):
        number = _MONTHS[month[1].lower()]
        year = last[0].year if number <= last[0].month else last[0].year - 1
        first = dt.date(year, number, 1), _month_end(year, number), False
    if first and first[0] <= last[1]:
        return first[0], last[1], False, True
    return None


def _single_span(text: str, fy_start: int | None) -> tuple[dt.date, dt.date, bool] | None:
    text = _ORDINAL.sub(r"\1", text.strip()).strip(" ,.")
    try:
        if m := _ISO_DATE.match(text):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, True
        if m := _NUMERIC_DATE.match(text):
            day, month, year = int(m[1]), int(m[2]), int(m[3])
            if year < 100:
                year = full_year(year, fy_start)
            d = dt.date(year, month, day)
            return d, d, True
        if m := _TEXT_DATE.match(text):
            d = dt.date(_year(m[3], fy_start), _MONTHS[m[2].lower()], int(m[1]))
            return d, d, True
        if (m := _DAYS_MONTH_YEAR.match(text)) or (m := _MONTH_DAYS_YEAR.match(text)):
            days_at, month_at = (1, 2) if m[1][0].isdigit() else (2, 1)
            days = [int(d) for d in re.findall(r"\d+", m[days_at])]
            year, month = int(m[3]), _MONTHS[m[month_at].lower()]
            day_one, day_last = dt.date(year, month, min(days)), dt.date(year, month, max(days))
            return day_one, day_last, day_one == day_last
        if (m := _MONTH_YEAR.match(text)) or (m := _YEAR_MONTH.match(text)):
            month_at, year_at = (1, 2) if m[2].isdigit() else (2, 1)
            year, month = _year(m[year_at], fy_start), _MONTHS[m[month_at].lower()]
            if _day_not_year(m[0], m[year_at], year, fy_start):
                return None
            return dt.date(year, month, 1), _month_end(year, month), False
        if m := _SEASON_YEAR.match(text):
            first, last = _SEASONS[m[1].lower()]
            year = _year(m[2], fy_start)
            end_year = year + 1 if last < first else year
            return dt.date(year, first, 1), _month_end(end_year, last), False
        if m := _QUARTER.match(text):
            # "Q3 2022/23", or "Q3 22/23": after a quarter, two digits can only be a year
            written = m[2] if not m[2] or len(m[2]) == 4 else str(full_year(int(m[2]), fy_start))
            start_year = fy_start_year(f"{written}/{m[3]}") if m[2] else fy_start
            if start_year is None:
                return None
            first_day, last_day = quarter_span(int(m[1]), start_year)
            return first_day, last_day, False
        if (m := _FY.match(text)) or (m := _FY_SHORT.match(text)):  # "2023/24", "23/24"
            start_year = _fy_start(m) if len(m[1]) == 4 else _short_fy_start(m, fy_start)
            if start_year is None or (len(m[1]) == 2 and m[0][:2].lower() != "fy"
                                      and not _near(start_year, fy_start)):
                return None  # "01/02", "11/12": a day and month with no year, more likely
            return dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31), False
        if m := _YEAR.match(text):
            year = int(m[1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31), False
    except ValueError:  # 31/02/2024 and the like: not a date
        return None
    if re.search(r"\d{4}", text) and re.search(_MONTH_RE, text, re.IGNORECASE) \
            and not re.search(r"\d{4}\s*/\s*\d{2}", text):  # "March 2023/24" is no day
        try:  # "Tuesday 14 March 2023", "March 14, 2023": dateutil knows more spellings
            parsed = dateparser.parse(text, dayfirst=True, default=dt.datetime(1, 1, 1))
        except (ValueError, OverflowError):
            return None
        # Only a day, a month and a year, each where dateutil found it: it would take a spare
        # number ("14-15 March 2024", "at 10") for the year or the day without a word.
        numbers = [int(n) for n in re.findall(r"\d+", _TIME.sub(" ", text))]  # (a time is fine)
        if parsed.year > 1 and sorted(numbers) == sorted([parsed.day, parsed.year]):
            return parsed.date(), parsed.date(), True
    return None


# --------------------------------------------------------------------------- choices


def parse_choice(enum: type[E], value: object, synonyms: Mapping[str, E]) -> E | None:
    """Read a dropdown cell: the enum's own labels or a synonym, matched like headers."""
    text = clean_text(value)
    if text is None:
        return None
    key = normalise_key(text)
    return _labels(enum).get(key) or synonyms.get(key)


# A Reporting Quarter typed with its year, as reports are headed: "Q1 2023/24", "Quarter 2
# 2023-24", "2022/23 Quarter 1" (seed 001), "Qtr 3 of 23/24", "Q2 (Jul-Sep)". A bracket after
# it is a note on the quarter ("(Jul-Sep)", "(provisional)").
_FY_WORDS = r"(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{2}|\d{4})"
_TYPED_QUARTER = re.compile(
    rf"^(?:{_FY_WORDS}\s*[,:-]?\s*)?(?:q\s*|qtr\.?\s*|quarter\s*)([1-4])"
    rf"(?:\s*[,:-]?\s*(?:of\s+)?{_FY_WORDS})?(?:\s*\([^()]*\))?$", re.IGNORECASE)


def typed_quarter(value: object) -> tuple[Quarter, int | None] | None:
    """A quarter typed with or without its financial year ("Q1 2023/24", "2022/23 Quarter 1"):
    the quarter, and the year it starts in if one is given (None if not). None if the text is
    not a quarter, or names a year that is not a financial year ("Q1 2023/27")."""
    text = clean_text(value)
    if text is None:
        return None
    text = " ".join((text if text.isascii() else text.translate(_DASHES)).split())
    match = _TYPED_QUARTER.match(text)
    if match is None or (match[1] and match[4]):  # a year before it and after it
        return None
    first, second = (match[1], match[2]) if match[1] else (match[4], match[5])
    if first is None:
        return Quarter(f"Q{match[3]}"), None
    start = fy_start_year(f"{first}/{second}")
    return (Quarter(f"Q{match[3]}"), start) if start is not None else None


def parse_quarter(value: object, synonyms: Mapping[str, Enum]) -> Quarter | None:
    """A Reporting Quarter cell: a dropdown choice, or a quarter typed with its year (whose
    year validation compares with the plan's)."""
    chosen = parse_choice(Quarter, value, synonyms)
    if isinstance(chosen, Quarter):
        return chosen
    typed = typed_quarter(value)
    return typed[0] if typed is not None else None


@functools.cache
def _labels(enum: type[E]) -> dict[str, E]:
    return {normalise_key(str(member.value)): member for member in enum}
