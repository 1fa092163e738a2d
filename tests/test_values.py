"""Tolerant value parsing, tested with strings as they occur in the seed plans."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_plans import model as m
from xl_plans.schema import CHOICE_SYNONYMS
from xl_plans.values import (
    _TIDY,
    _XML_ESCAPE,
    clean_text,
    fy_start_year,
    parse_choice,
    parse_num,
    parse_quarter,
    parse_when,
    quarter_span,
    typed_quarter,
)

D = dt.date
N = m.NumKind
W = m.WhenKind


@pytest.mark.parametrize(
    ("typed", "kind", "value", "percent"),
    [
        # numbers as typed in the seeds
        ("29.3%", N.NUMBER, 0.293, True),
        ("98%", N.NUMBER, 0.98, True),
        ("100%", N.NUMBER, 1.0, True),
        ("1,234", N.NUMBER, 1234.0, False),
        ("£1,234.50", N.NUMBER, 1234.5, False),
        ("£3,500 per annum", N.NUMBER, 3500.0, False),
        ("£63,746 per annum", N.NUMBER, 63746.0, False),
        ("£35,200", N.NUMBER, 35200.0, False),
        ("£500 per month", N.TEXT, None, False),  # not a yearly sum: kept as words
        ("(123)", N.NUMBER, -123.0, False),
        ("-5", N.NUMBER, -5.0, False),
        ("1800", N.NUMBER, 1800.0, False),
        ("\u00a01\u00a0037 ", N.TEXT, None, False),  # NBSP as a thousands separator is not ours
        ("14.73", N.NUMBER, 14.73, False),
        ("£25", N.NUMBER, 25.0, False),
        ("£500K", N.NUMBER, 500_000.0, False),
        ("zero", N.NUMBER, 0.0, False),
        ("Nil", N.NUMBER, 0.0, False),
        ("Yes", N.NUMBER, 1.0, False),
        ("No", N.NUMBER, 0.0, False),
        # not numbers, kept as typed
        ("INFO ONLY", N.INFO_ONLY, None, False),
        ("Info only", N.INFO_ONLY, None, False),
        ("-", N.NOT_APPLICABLE, None, False),
        ("N/A", N.NOT_APPLICABLE, None, False),
        ("n/a", N.NOT_APPLICABLE, None, False),
        ("TBC", N.TO_BE_CONFIRMED, None, False),
        ("N.A.", N.NOT_APPLICABLE, None, False),  # full stops do not hide the word
        ("n.a.", N.NOT_APPLICABLE, None, False),
        ("T.B.C.", N.TO_BE_CONFIRMED, None, False),
        ("Nil.", N.NUMBER, 0.0, False),
        ("50% of all formal presentations", N.TEXT, None, False),
        ("9" * 400, N.TEXT, None, False),  # beyond any float: not read as infinity
        ("2% reduction", N.TEXT, None, False),
        ("1037 Enquiries 110 Surgeries", N.TEXT, None, False),
        ("14 R (2)", N.TEXT, None, False),
        ("(123", N.TEXT, None, False),
        ("New Indicator", N.TEXT, None, False),
        # a k/m/bn suffix or a % sign is scaled exactly: the float nearest the typed figure
        ("£1.005m", N.NUMBER, 1_005_000.0, False),  # not 1004999.9999999999
        ("£2.007m", N.NUMBER, 2_007_000.0, False),  # not 2007000.0000000002
        ("1.003k", N.NUMBER, 1003.0, False),  # not 1002.9999999999999
        ("£1.2bn", N.NUMBER, 1_200_000_000.0, False),
        ("57.7%", N.NUMBER, 0.577, True),
        ("28.7%", N.NUMBER, 0.287, True),  # seed 001
        ("99.99%", N.NUMBER, 0.9999, True),  # seed 001
        ("-0.5%", N.NUMBER, -0.005, True),
        # hidden characters pasted from web pages and Teams are not there
        ("83%\u200b", N.NUMBER, 0.83, True),
        ("\ufeff29.3%", N.NUMBER, 0.293, True),
        ("2\u200b", N.NUMBER, 2.0, False),
        ("£35,\u00ad200", N.NUMBER, 35200.0, False),  # a soft hyphen
        ("\u2060250\u200d", N.NUMBER, 250.0, False),
        ("\u200946%\u2009", N.NUMBER, 0.46, True),  # thin spaces round it
        # a thin, narrow no-break or figure space between digit groups separates thousands
        ("1\u202f200", N.NUMBER, 1200.0, False),
        ("1\u2009200", N.NUMBER, 1200.0, False),
        ("£1\u2007142\u2007910", N.NUMBER, 1_142_910.0, False),  # seed 002's gross budget
        ("1\u202f20", N.TEXT, None, False),  # not a group of three
        ("0151 934 4580", N.TEXT, None, False),  # plain spaces are no separator (seed 004)
        # a range is no number here (a target band is read where bands are)
        ("5-10", N.TEXT, None, False),
        ("5–10", N.TEXT, None, False),
        # not known, not available: no data, like N/A
        ("n/k", N.NOT_APPLICABLE, None, False),
        ("N/K", N.NOT_APPLICABLE, None, False),
        ("nk", N.NOT_APPLICABLE, None, False),
        ("N.K.", N.NOT_APPLICABLE, None, False),
        ("Not known", N.NOT_APPLICABLE, None, False),
        ("Unknown", N.NOT_APPLICABLE, None, False),
        ("Not available", N.NOT_APPLICABLE, None, False),
        ("n/av", N.NOT_APPLICABLE, None, False),
        ("Awaiting data", N.NOT_APPLICABLE, None, False),
        ("Data not available", N.NOT_APPLICABLE, None, False),
        ("Awaiting the outcome of the consultation", N.TEXT, None, False),  # seed 001: words
    ],
)
def test_parse_num_text(typed: str, kind: m.NumKind, value: float | None, percent: bool) -> None:
    parsed = parse_num(typed)
    assert (parsed.kind, parsed.value, parsed.percent) == (kind, value, percent)
    assert parsed.text == clean_text(typed)  # the text as typed is kept


_SUFFIXES = {"k": 3, "K": 3, "m": 6, "M": 6, "bn": 9, "%": -2}


@given(st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False,
                   allow_infinity=False),
       st.sampled_from(sorted(_SUFFIXES)), st.sampled_from(["", "£"]))
def test_scaled_figures_are_the_float_nearest_the_typed_one(number: Decimal, suffix: str,
                                                             pound: str) -> None:
    """1.005m is 1005000.0 and 57.7% the float nearest 0.577, whatever the binary arithmetic
    of 1.005 * 1e6 or 57.7 / 100 gives."""
    typed = f"{number:f}"
    if suffix == "%" and pound:
        return  # (a pound sign and a per cent sign together are no figure)
    parsed = parse_num(f"{pound}{typed}{suffix}")
    assert parsed.kind is N.NUMBER
    assert parsed.value == float(Decimal(typed) * Decimal(10) ** _SUFFIXES[suffix])


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (None, m.Num()),
        ("", m.Num()),
        ("   ", m.Num()),
        (0.85, m.Num(kind=N.NUMBER, value=0.85)),
        (85, m.Num(kind=N.NUMBER, value=85.0)),
        (True, m.Num(kind=N.NUMBER, value=1.0)),
        (float("nan"), m.Num(kind=N.TEXT, text="nan")),
    ],
)
def test_parse_num_cells(cell: object, expected: m.Num) -> None:
    assert parse_num(cell) == expected


@pytest.mark.parametrize(
    ("typed", "kind", "start", "end", "ongoing"),
    [
        ("September 2023", W.PERIOD, D(2023, 9, 1), D(2023, 9, 30), False),
        ("March 2024", W.PERIOD, D(2024, 3, 1), D(2024, 3, 31), False),
        ("Feb 2024", W.PERIOD, D(2024, 2, 1), D(2024, 2, 29), False),
        ("March 2024 and ongoing", W.PERIOD, D(2024, 3, 1), D(2024, 3, 31), True),
        ("Sep 2024 to March 2026", W.PERIOD, D(2024, 9, 1), D(2026, 3, 31), False),
        ("31 st March 2023", W.DATE, D(2023, 3, 31), D(2023, 3, 31), False),
        ("31st August 2022", W.DATE, D(2022, 8, 31), D(2022, 8, 31), False),
        ("14 March 2023", W.DATE, D(2023, 3, 14), D(2023, 3, 14), False),
        ("01/04/2014", W.DATE, D(2014, 4, 1), D(2014, 4, 1), False),  # UK day-first
        ("13/08/2015", W.DATE, D(2015, 8, 13), D(2015, 8, 13), False),
        ("02/09/19", W.DATE, D(2019, 9, 2), D(2019, 9, 2), False),
        ("Q3 2023/24", W.PERIOD, D(2023, 10, 1), D(2023, 12, 31), False),
        ("Q4 2022/23", W.PERIOD, D(2023, 1, 1), D(2023, 3, 31), False),
        ("Q3 22/23", W.PERIOD, D(2022, 10, 1), D(2022, 12, 31), False),
        ("March 2023/24", W.TEXT, None, None, False),  # not 24 March 2023
        ("Quarter 2 2022/23", W.PERIOD, D(2022, 7, 1), D(2022, 9, 30), False),
        ("2023/24", W.PERIOD, D(2023, 4, 1), D(2024, 3, 31), False),
        ("2024-25", W.PERIOD, D(2024, 4, 1), D(2025, 3, 31), False),
        ("Summer 2021", W.PERIOD, D(2021, 6, 1), D(2021, 8, 31), False),
        ("Winter 2022", W.PERIOD, D(2022, 12, 1), D(2023, 2, 28), False),
        ("2019", W.PERIOD, D(2019, 1, 1), D(2019, 12, 31), False),
        ("By end of March 2025", W.PERIOD, D(2025, 3, 1), D(2025, 3, 31), False),
        ("Ongoing", W.ONGOING, None, None, True),
        ("Ongoing, annual review", W.ONGOING, None, None, True),
        ("TBC", W.TO_BE_CONFIRMED, None, None, False),
        ("N/A", W.NOT_APPLICABLE, None, None, False),
        ("31/02/2024", W.TEXT, None, None, False),  # no such day
        ("When funding allows", W.TEXT, None, None, False),
        ("March 2026 to Sep 2024", W.TEXT, None, None, False),  # backwards range
        # a month written as Excel shows one, or the other way round: the whole month
        ("Jun-2024", W.PERIOD, D(2024, 6, 1), D(2024, 6, 30), False),
        ("June/2024", W.PERIOD, D(2024, 6, 1), D(2024, 6, 30), False),
        ("June, 2024", W.PERIOD, D(2024, 6, 1), D(2024, 6, 30), False),
        ("June of 2024", W.PERIOD, D(2024, 6, 1), D(2024, 6, 30), False),
        ("2024 June", W.PERIOD, D(2024, 6, 1), D(2024, 6, 30), False),
        ("Jun-2024 to Sep-2024", W.PERIOD, D(2024, 6, 1), D(2024, 9, 30), False),
        # several days of one month: the first to the last, never a day taken for the year
        ("14-15 March 2024", W.PERIOD, D(2024, 3, 14), D(2024, 3, 15), False),
        ("30-31 March 2025", W.PERIOD, D(2025, 3, 30), D(2025, 3, 31), False),
        ("20 - 22 March 2024", W.PERIOD, D(2024, 3, 20), D(2024, 3, 22), False),
        ("4/5 March 2024", W.PERIOD, D(2024, 3, 4), D(2024, 3, 5), False),
        ("3rd and 4th March 2024", W.PERIOD, D(2024, 3, 3), D(2024, 3, 4), False),
        ("1 st , 6 th , 7 th , 8 th March 2024", W.PERIOD, D(2024, 3, 1), D(2024, 3, 8), False),
        ("March 14-15, 2024", W.PERIOD, D(2024, 3, 14), D(2024, 3, 15), False),
        ("1-1 January 2000", W.DATE, D(2000, 1, 1), D(2000, 1, 1), False),
        ("Tuesday 14 March 2023", W.DATE, D(2023, 3, 14), D(2023, 3, 14), False),
        ("March 14, 2023", W.DATE, D(2023, 3, 14), D(2023, 3, 14), False),
        ("14 March 2023 at 10", W.TEXT, None, None, False),  # not 10 March, not the year 10
        ("Tuesday 14 March 2023 10:00", W.DATE, D(2023, 3, 14), D(2023, 3, 14), False),
        ("Friday 31st March 2023 - 5pm", W.DATE, D(2023, 3, 31), D(2023, 3, 31), False),
        # a start, not a deadline: the month and ongoing; "from ... to ..." is a range
        ("From April 2024", W.PERIOD, D(2024, 4, 1), D(2024, 4, 30), True),
        ("From Sep 2024 to March 2026", W.PERIOD, D(2024, 9, 1), D(2026, 3, 31), False),
        # two-digit years with no plan year: this century's (and see
        # test_a_two_digit_year_is_the_one_nearest_the_plan_year)
        ("01/04/98", W.DATE, D(2098, 4, 1), D(2098, 4, 1), False),
        ("31/03/30", W.DATE, D(2030, 3, 31), D(2030, 3, 31), False),
        ("T.B.C.", W.TO_BE_CONFIRMED, None, None, False),
    ],
)
def test_parse_when_text(typed: str, kind: m.WhenKind, start: dt.date | None,
                         end: dt.date | None, ongoing: bool) -> None:
    parsed = parse_when(typed)
    assert (parsed.kind, parsed.start, parsed.end, parsed.ongoing) == (kind, start, end, ongoing)
    assert parsed.text == typed


@pytest.mark.parametrize(
    ("typed", "plan_year", "kind", "start", "end", "is_range"),
    [
        # hidden characters pasted with the text are not there
        ("\u200bMarch 2024", None, W.PERIOD, D(2024, 3, 1), D(2024, 3, 31), False),
        ("March\u00ad 2024\ufeff", None, W.PERIOD, D(2024, 3, 1), D(2024, 3, 31), False),
        ("31\u202fMarch\u20092023", None, W.DATE, D(2023, 3, 31), D(2023, 3, 31), False),
        ("2023/24\u200b", None, W.PERIOD, D(2023, 4, 1), D(2024, 3, 31), False),
        ("Q3\u200b", 2023, W.PERIOD, D(2023, 10, 1), D(2023, 12, 31), False),
        # en and em dashes, as Word's autocorrect writes them
        ("2023–24", None, W.PERIOD, D(2023, 4, 1), D(2024, 3, 31), False),
        ("2023 – 24", None, W.PERIOD, D(2023, 4, 1), D(2024, 3, 31), False),
        ("2023—2024", None, W.PERIOD, D(2023, 4, 1), D(2024, 3, 31), False),
        ("Q3 2023–24", None, W.PERIOD, D(2023, 10, 1), D(2023, 12, 31), False),
        ("March 2010 – March 2011", None, W.PERIOD, D(2010, 3, 1), D(2011, 3, 31), True),
        ("April 2024–March 2025", None, W.PERIOD, D(2024, 4, 1), D(2025, 3, 31), True),
        ("April 2024—March 2025", None, W.PERIOD, D(2024, 4, 1), D(2025, 3, 31), True),
        ("April 2024-March 2025", None, W.PERIOD, D(2024, 4, 1), D(2025, 3, 31), True),
        ("Jun-2024-Sep-2024", None, W.PERIOD, D(2024, 6, 1), D(2024, 9, 30), True),
        ("01/04/2024–30/06/2024", None, W.PERIOD, D(2024, 4, 1), D(2024, 6, 30), True),
        ("Q1–Q2", 2023, W.PERIOD, D(2023, 4, 1), D(2023, 9, 30), True),
        ("Q1-Q2", 2023, W.PERIOD, D(2023, 4, 1), D(2023, 9, 30), True),
        ("Q1–Q2", None, W.TEXT, None, None, False),  # no plan year: which Q1?
        ("Apr–Jun 2024", None, W.PERIOD, D(2024, 4, 1), D(2024, 6, 30), True),
        ("January to March 2024", None, W.PERIOD, D(2024, 1, 1), D(2024, 3, 31), True),
        ("Nov–Feb 2024", None, W.PERIOD, D(2023, 11, 1), D(2024, 2, 29), True),
        ("March 2024 – ongoing", None, W.PERIOD, D(2024, 3, 1), D(2024, 3, 31), False),
        ("From April 2024–March 2025", None, W.PERIOD, D(2024, 4, 1), D(2025, 3, 31), True),
        ("March 2025–April 2024", None, W.TEXT, None, None, False),  # backwards
        ("31 st August 2022 – drafts", None, W.TEXT, None, None, False),  # seed 001: words
        ("5-10", None, W.TEXT, None, None, False),
        # "end March": the end of the month named
        ("End March 2024", 2023, W.PERIOD, D(2024, 3, 1), D(2024, 3, 31), False),
        ("by end March 2024", 2023, W.PERIOD, D(2024, 3, 1), D(2024, 3, 31), False),
        ("by the end of March 2024", None, W.PERIOD, D(2024, 3, 1), D(2024, 3, 31), False),
        ("end of March 2024", None, W.PERIOD, D(2024, 3, 1), D(2024, 3, 31), False),
        ("By end of Q3", 2023, W.PERIOD, D(2023, 10, 1), D(2023, 12, 31), False),
        # the year's end is the plan year's last day: unknown without the plan year
        ("end of year", 2023, W.DATE, D(2024, 3, 31), D(2024, 3, 31), False),
        ("Year end", 2023, W.DATE, D(2024, 3, 31), D(2024, 3, 31), False),
        ("year-end", 2022, W.DATE, D(2023, 3, 31), D(2023, 3, 31), False),
        ("End of the financial year", 2023, W.DATE, D(2024, 3, 31), D(2024, 3, 31), False),
        ("by the end of the year", 2023, W.DATE, D(2024, 3, 31), D(2024, 3, 31), False),
        ("Financial year end.", 2023, W.DATE, D(2024, 3, 31), D(2024, 3, 31), False),
        ("end of year", None, W.TEXT, None, None, False),
        ("year end", None, W.TEXT, None, None, False),
        # a month with a two-digit year, the one nearest the plan year
        ("Mar-24", 2023, W.PERIOD, D(2024, 3, 1), D(2024, 3, 31), False),
        ("Apr-24", None, W.PERIOD, D(2024, 4, 1), D(2024, 4, 30), False),
        ("March 24", 2023, W.PERIOD, D(2024, 3, 1), D(2024, 3, 31), False),
        ("March 22", 2022, W.PERIOD, D(2022, 3, 1), D(2022, 3, 31), False),  # seed 001
        ("December 21", 2022, W.PERIOD, D(2021, 12, 1), D(2021, 12, 31), False),  # seed 001
        ("Dec 07", 2008, W.PERIOD, D(2007, 12, 1), D(2007, 12, 31), False),  # seed 002
        ("Sept 23", None, W.TEXT, None, None, False),  # no plan year: 23 Sept just as likely
        # two digits after a space that could be a day, making a year far from the plan's:
        # the day ("June 28" in 2024/25 is no June 2028, which no check would question)
        ("June 28", 2024, W.TEXT, None, None, False),
        ("Feb 29", 2024, W.TEXT, None, None, False),
        ("Jun-28", 2024, W.PERIOD, D(2028, 6, 1), D(2028, 6, 30), False),  # Excel's month
        ("Mar-98", 2008, W.PERIOD, D(1998, 3, 1), D(1998, 3, 31), False),
        ("Mar-24 to Jun-24", 2023, W.PERIOD, D(2024, 3, 1), D(2024, 6, 30), True),
        ("Summer 08", 2008, W.PERIOD, D(2008, 6, 1), D(2008, 8, 31), False),  # seed 002
        ("31 Mar 24", 2023, W.DATE, D(2024, 3, 31), D(2024, 3, 31), False),
        # "May 31" in a 2023/24 plan is more likely a day with no year than May 2031
        ("May 31", 2023, W.TEXT, None, None, False),
        ("May-31", 2023, W.PERIOD, D(2031, 5, 1), D(2031, 5, 31), False),  # as Excel shows it
        # a short financial year is the whole year, like 2023/24, near the plan's year (the
        # same digits are a day and month with no year: "11/12")
        ("23/24", 2023, W.PERIOD, D(2023, 4, 1), D(2024, 3, 31), False),
        ("23/24", None, W.TEXT, None, None, False),
        ("11/12", 2024, W.TEXT, None, None, False),
        ("01/02", 2024, W.TEXT, None, None, False),
        ("22/23", 2022, W.PERIOD, D(2022, 4, 1), D(2023, 3, 31), False),  # seed 001
        ("09/10", 2008, W.PERIOD, D(2009, 4, 1), D(2010, 3, 31), False),  # seed 002
        ("98/99", 2008, W.TEXT, None, None, False),
        ("23–24", 2023, W.PERIOD, D(2023, 4, 1), D(2024, 3, 31), False),
        ("FY 23/24", None, W.PERIOD, D(2023, 4, 1), D(2024, 3, 31), False),
        ("23/25", None, W.TEXT, None, None, False),
        # a deadline not known is a gap to name, not "no deadline" (a figure not known is N/A)
        ("Not known", 2023, W.TEXT, None, None, False),
        ("n/k", None, W.TEXT, None, None, False),
        # a range at a dash never has a bare year at one end
        ("Q2-2024", 2024, W.TEXT, None, None, False),
        ("Q1-2025", 2024, W.TEXT, None, None, False),
        ("2024-2026", 2024, W.TEXT, None, None, False),
        ("2024-2025", 2024, W.PERIOD, D(2024, 4, 1), D(2025, 3, 31), False),  # a financial year
    ],
)
def test_parse_when_in_a_plan_year(typed: str, plan_year: int | None, kind: m.WhenKind,
                                   start: dt.date | None, end: dt.date | None,
                                   is_range: bool) -> None:
    parsed = parse_when(typed, fy_start=plan_year)
    assert (parsed.kind, parsed.start, parsed.end, parsed.is_range) == (kind, start, end,
                                                                         is_range)
    assert parsed.text == clean_text(typed)


def test_a_dash_before_ongoing_and_a_start_with_an_end() -> None:
    assert parse_when("March 2024 – ongoing").ongoing  # (Word's dash)
    assert not parse_when("From April 2024–March 2025").ongoing  # a range names its end
    assert parse_when("From April 2024").ongoing


def test_a_range_says_so_and_a_month_does_not() -> None:
    """Progress is expected from a range's start; "March 2024" starts nothing."""
    assert parse_when("Sep 2024 to March 2026").is_range
    assert not parse_when("March 2024").is_range and not parse_when("14-15 March 2024").is_range


@pytest.mark.parametrize(("typed", "plan_year", "year"), [
    ("31/03/30", 2026, 2030),  # a net-zero target, not 1930
    ("01/04/98", 2026, 1998),
    ("01/04/98", 2008, 1998),
    ("31/03/10", 2008, 2010),
    ("31/03/75", 2026, 2075),  # 49 years on is the furthest forward a two-digit year goes
    ("31/03/76", 2026, 1976),
])
def test_a_two_digit_year_is_the_one_nearest_the_plan_year(typed: str, plan_year: int,
                                                          year: int) -> None:
    parsed = parse_when(typed, fy_start=plan_year)
    assert parsed.end is not None and parsed.end.year == year


def test_bare_quarter_needs_the_plan_year() -> None:
    assert parse_when("Q3", fy_start=2023).end == D(2023, 12, 31)
    assert parse_when("Q1", fy_start=2023).start == D(2023, 4, 1)
    assert parse_when("Q3").kind is W.TEXT  # no plan year: cannot say which Q3


@pytest.mark.parametrize(
    ("cell", "kind", "day"),
    [
        (D(2024, 3, 31), W.DATE, D(2024, 3, 31)),
        (dt.datetime(2024, 3, 31, 0, 0), W.DATE, D(2024, 3, 31)),
        (45382, W.DATE, D(2024, 3, 31)),  # an Excel serial in a date column
        (12, W.TEXT, None),  # not a plausible serial
        (2019, W.PERIOD, D(2019, 12, 31)),  # a year typed into a General cell is a number
    ],
)
def test_parse_when_cells(cell: object, kind: m.WhenKind, day: dt.date | None) -> None:
    parsed = parse_when(cell)
    assert (parsed.kind, parsed.end) == (kind, day)


@pytest.mark.parametrize(
    ("typed", "year"),
    [("2023/24", 2023), ("2023-24", 2023), ("2023/2024", 2023), ("1999/00", 1999),
     ("2023/25", None), ("next year", None), (None, None), ("2024", 2024),
     ("22/23", 2022), ("FY 22-23", 2022), ("30/31", 2030), ("22/24", None), ("2/3", None),
     # en and em dashes (Word's autocorrect), spaced or not; hidden characters
     ("2023–24", 2023), ("2023 – 24", 2023), ("2023—2024", 2023), ("22–23", 2022),
     ("2023–25", None), ("2023/24\u200b", 2023), ("\ufeff2023/24", 2023),
     ("2023\u2009/\u200924", 2023), ("2023\u00a0-\u00a024", 2023)],
)
def test_fy_start_year(typed: str | None, year: int | None) -> None:
    assert fy_start_year(typed) == year


@given(st.integers(1990, 2090), st.integers(1, 4))
def test_quarters_tile_the_financial_year(year: int, quarter: int) -> None:
    start, end = quarter_span(quarter, year)
    assert start.day == 1 and (end - start).days in range(89, 92)
    if quarter < 4:
        assert quarter_span(quarter + 1, year)[0] == end + dt.timedelta(days=1)
    else:
        assert end == D(year + 1, 3, 31)


@pytest.mark.parametrize(("typed", "expected"), [
    ("Q2", (m.Quarter.Q2, None)),
    ("Q1 2023/24", (m.Quarter.Q1, 2023)),
    ("2022/23 Quarter 1", (m.Quarter.Q1, 2022)),  # seed 001's report heading
    ("Quarter 2 2023\u201324", (m.Quarter.Q2, 2023)),  # an en dash
    ("Qtr 3 of 23/24", (m.Quarter.Q3, 2023)),
    ("FY23/24 Q4", (m.Quarter.Q4, 2023)),
    ("2023/24 - Q3", (m.Quarter.Q3, 2023)),
    ("Q2: 2024/25", (m.Quarter.Q2, 2024)),
    ("Q2 (Jul-Sep)", (m.Quarter.Q2, None)),
    ("Q 1 2024/25", (m.Quarter.Q1, 2024)),  # as "Q 1" alone is read
    ("Q1 2023", None),  # a calendar year: which financial year is not known
    ("Q1 2023/27", None),  # not a financial year
    ("2022/23 Q1 2023/24", None),  # two years
    ("Q5", None),
    ("Quarterly", None),
    (None, None),
])
def test_typed_quarter(typed: str | None, expected: object) -> None:
    assert typed_quarter(typed) == expected
    # The cell reads as the quarter, whatever year it names (validation compares the year).
    quarter = expected[0] if isinstance(expected, tuple) else None
    assert parse_quarter(typed, CHOICE_SYNONYMS[m.Quarter]) == quarter


@pytest.mark.parametrize(
    ("enum", "typed", "expected"),
    [
        (m.Polarity, "Higher is better", m.Polarity.HIGHER),
        (m.Polarity, "higher is better ", m.Polarity.HIGHER),
        (m.Polarity, "Lower", m.Polarity.LOWER),
        (m.Polarity, "Target Band", m.Polarity.BAND),
        (m.Measure, "cumulative", m.Measure.CUMULATIVE),
        (m.Measure, "INFO ONLY", m.Measure.INFO_ONLY),
        (m.Measure, "Year to date", m.Measure.CUMULATIVE),
        (m.Unit, "%", m.Unit.PERCENT),
        (m.Unit, "Percentage", m.Unit.PERCENT),
        (m.Unit, "£", m.Unit.MONEY),
        (m.Unit, "yes / no", m.Unit.YES_NO),
        (m.Status, "Completed", m.Status.COMPLETE),
        (m.Status, "Green", m.Status.ON_TRACK),
        (m.Status, "amber", m.Status.AT_RISK),
        (m.Status, "Delayed", m.Status.OFF_TRACK),
        (m.Quarter, "Quarter 2", m.Quarter.Q2),
        (m.Quarter, "q3", m.Quarter.Q3),
        (m.RiskMatrix, "4 x 4", m.RiskMatrix.FOUR),
        (m.ValueBasis, "per annum", m.ValueBasis.ANNUAL),
        (m.Status, "Ongoing", m.Status.ON_TRACK),
        (m.Status, "On-going", m.Status.ON_TRACK),  # seed 002
        (m.Status, "On going", m.Status.ON_TRACK),
        (m.RiskStatus, "Ongoing", m.RiskStatus.OPEN),
        (m.RiskStatus, "on-going", m.RiskStatus.OPEN),
        (m.Status, "\u200bComplete", m.Status.COMPLETE),
        (m.Status, "Sort of", None),
        (m.Polarity, None, None),
    ],
)
def test_parse_choice(enum: type, typed: str | None, expected: object) -> None:
    assert parse_choice(enum, typed, CHOICE_SYNONYMS[enum]) == expected


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("  Housing\u00a0Services ", "Housing Services"),
        ("line one_x000D_\nline two", "line one\nline two"),  # CR LF -> LF
        ("bell\x07 char", "bell char"),
        ("a\r\nb", "a\nb"),
        (12.0, "12"),
        (12.5, "12.5"),
        (D(2024, 3, 31), "2024-03-31"),
        ("   ", None),
        (None, None),
        # hidden characters pasted from web pages go; other spaces are spaces
        ("83%\u200b", "83%"),
        ("\ufeff29.3%", "29.3%"),
        ("zero\u200cwidth\u200djoiners\u2060", "zerowidthjoiners"),
        ("soft\u00adhyphen", "softhyphen"),
        ("1\u202f200", "1 200"),
        ("thin\u2009figure\u2007em\u2003wide\u3000space", "thin figure em wide space"),
        ("line\u2028next", "line\nnext"),
        ("\u200b", None),
    ],
)
def test_clean_text(cell: object, text: str | None) -> None:
    assert clean_text(cell) == text


@given(st.text(alphabet=st.characters(codec="utf-8")
               | st.sampled_from("\r\n\t\x7f\xa0_x0D\u200b\ufeff\u00ad\u202f\u2009\u2028")))
def test_clean_text_tidies_every_text_as_the_full_rule_does(typed: str) -> None:
    """clean_text skips tidying text that is all printable: the full rule must agree."""
    text = _XML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), typed) if "_x" in typed \
        else typed
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TIDY).strip()
    assert clean_text(typed) == (text or None)


@given(st.integers(1960, 2099), st.integers(1, 12), st.integers(1, 28), st.integers(1, 28),
       st.sampled_from(["-", " - ", "/", " and ", ", ", " to ", "–"]),
       st.sampled_from(["{a}{j}{b} {month} {year}", "{month} {a}{j}{b}, {year}"]),
       st.booleans())
def test_days_of_a_month_are_read_in_the_year_typed(year: int, month: int, a: int, b: int,
                                                    joiner: str, form: str,
                                                    short: bool) -> None:
    """A day number is never taken for the year (dateutil would read "14-15 March 2024" as
    15 March 2014)."""
    name = (calendar.month_abbr if short else calendar.month_name)[month]
    parsed = parse_when(form.format(a=a, j=joiner, b=b, month=name, year=year))
    assert (parsed.start, parsed.end) == (D(year, month, min(a, b)), D(year, month, max(a, b)))
