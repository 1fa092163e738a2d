"""Writing one value into one cell, safely: openpyxl cells, XlsxWriter sheets and CSV fields.

The one place that decides how a value lands in a cell. Text is always stored as text: openpyxl
and XlsxWriter would otherwise turn "=HYPERLINK(...)" into a live formula and "#N/A" into an
error cell (reliability.md), and a spreadsheet opening a CSV runs "=..." too. Text over Excel's
32,767-character limit is cut with a visible marker rather than silently.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from numbers import Integral, Real
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet as XlsxSheet

from xl_plans.model import EXCEL_ERRORS, as_cell

EXCEL_MAX_TEXT = 32_767
_CUT_MARK = " [cut: too long for one Excel cell]"


def fit_text(text: str) -> str:
    """Text an Excel cell can hold: control characters and the non-characters U+FFFE and
    U+FFFF (which XML cannot carry: openpyxl would write a part Excel refuses) dropped, lone
    surrogates (a file name that is not UTF-8) shown as �, and cut with a visible marker past
    Excel's length limit, which counts UTF-16 units (an emoji is two)."""
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if "\ufffe" in text or "\uffff" in text:
        text = text.translate(_NOT_XML)
    text = unpaired(text)
    if len(text) > EXCEL_MAX_TEXT // 2:  # else it cannot be over, even all emoji
        units = text.encode("utf-16-le")
        if len(units) > 2 * EXCEL_MAX_TEXT:
            # Cut at a unit; "ignore" drops half an emoji left at the end.
            kept = units[: 2 * (EXCEL_MAX_TEXT - len(_CUT_MARK))].decode("utf-16-le", "ignore")
            return kept + _CUT_MARK
    return text


_NOT_XML = dict.fromkeys((0xFFFE, 0xFFFF))
_SURROGATE = re.compile("[\ud800-\udfff]")


def unpaired(text: str) -> str:
    """Text with lone surrogates (which no file can store) replaced by the replacement mark."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


# Measures every writer shares: the height of a line of 11-point text (rows are made tall
# enough for wrapped text, as spreadsheets do not size rows they did not edit themselves),
# Excel's paper sizes and the side margin of printed tables (narrower than Excel's 0.7 inch,
# for wider columns), and how a date is shown.
LINE_HEIGHT = 15  # points
A4, A3 = 9, 8
SIDE_MARGIN = 0.4  # inches, each side
DATE_FORMAT = "dd/mm/yyyy"


def put(cell: Cell, value: Any, number_format: str | None = None) -> None:
    """Write `value` (text, number, date, enum, Num or When) into an openpyxl `cell`."""
    value = plain(value)
    if value is None:
        cell.value = None
        return
    if isinstance(value, str):
        cell.value = fit_text(value)
        cell.data_type = "s"  # never a formula or an error, whatever it starts with
        cell.number_format = "@"
        return
    cell.value = value
    if number_format:
        cell.number_format = number_format


plain = as_cell  # the cell value for a model value (model.as_cell)


def cell_value(value: Any) -> str | int | float | bool | dt.date | None:
    """What a value other than plain text or a plain number is written as, by every writer:
    a model value (Num, When, enum) as its cell value (model.as_cell); booleans and dates as
    themselves; other numbers (numpy's, Decimal) as int or float; anything else as its text."""
    value = plain(value)
    if value is None or isinstance(value, str | bool | dt.date):
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        return float(value)
    return str(value)


def xlsx_put(sheet: XlsxSheet, row: int, col: int, value: Any, fmt: Format | None = None) -> None:
    """Write `value` into an XlsxWriter sheet (0-based row and column) by its type: text with
    write_string, never write(), which would make "=..." a formula."""
    kind = type(value)  # plain text and numbers need no converting
    if kind is not str and kind is not int and kind is not float:
        value = cell_value(value)
        kind = type(value)
    if kind is str:
        sheet.write_string(row, col, fit_text(value), fmt)
    elif value is None:
        if fmt is not None:  # a blank cell without a format is no cell at all
            sheet.write_blank(row, col, None, fmt)
    elif kind is bool:
        sheet.write_boolean(row, col, value, fmt)
    elif kind is int or kind is float:
        if math.isfinite(value):
            sheet.write_number(row, col, value, fmt)
        else:
            sheet.write_blank(row, col, None, fmt)  # no number to show: a blank, not a crash
    else:
        sheet.write_datetime(row, col, value, fmt)


# A spreadsheet opening a CSV runs a field starting with one of these as a formula (OWASP).
_CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# ...but not an officer's "-" (no figure) or a negative number typed as text: nothing runs, and
# a leading ' would make the CSV say something the sheet does not.
_HARMLESS = re.compile(r"-((\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?)?")


def csv_safe(value: Any) -> Any:
    """A CSV field that no spreadsheet will run: text starting =, +, -, @ (a tab or a carriage
    return) gets a leading ', except a lone "-" and a negative number such as "-5"; so does
    text that is one of Excel's error values ("#N/A"), which a spreadsheet would open as that
    error, not as the text typed. A whole number is written as one (1000, not Python's
    1000.0), as the summary's cell shows it; a number too large to be one (inf, nan) is blank,
    as its cell is."""
    value = plain(value)
    if type(value) is float:
        if not math.isfinite(value):
            return None
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
    if isinstance(value, str):
        value = unpaired(value)
        if (value.startswith(_CSV_TRIGGERS) and not _HARMLESS.fullmatch(value)) \
                or value in EXCEL_ERRORS:
            return "'" + value
    return value
