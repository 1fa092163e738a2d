"""Table rows written by sheet_xml read back exactly as XlsxWriter's own cells do.

XlsxWriter (through cellwrite.xlsx_put) is the oracle: the same values written both ways are
read back with openpyxl and compared, for a table of awkward real cases and for any text.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest
import xlsxwriter
from conftest import example
from defusedxml import ElementTree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_plans import sheet_xml
from xl_plans.cellwrite import EXCEL_MAX_TEXT, csv_safe, fit_text, put, xlsx_put
from xl_plans.consolidate import consolidate
from xl_plans.council_summary import write_summary
from xl_plans.model import Rag
from xl_plans.sheet_xml import excel_serial, text_lines
from xl_plans.summary_book import FILLS, TITLE_ROWS, Book, FormatsBy, Table, write_book


class Priority(enum.IntEnum):
    HIGH = 1


CASES: list[Any] = [
    "plain text",
    '=HYPERLINK("http://example.org","click")',  # must stay visible text
    "=1+1", "+44 1234", "-5 days", "@SUM(A1)",
    "a & b < c > d \"quoted\" 'single'",
    "  leading spaces", "trailing spaces  ", " ", "\ttab first",
    "line one\nline two", "windows\r\nline end", "old mac\rline end",
    "_x0041_ looks like an escape", "_x00_ does not", "_X0041_",
    "bell\x07 and null\x00 characters", "non-character \ufffe here",
    "£3,500 per annum", "Ünïcödé ✓ 🚀", "#N/A", "#REF!", "TRUE", "0123",
    "x" * (EXCEL_MAX_TEXT + 10), "y" * 1500,
    "", None,
    0, -3, 2.5, 0.1 + 0.2, 1e-7, 1e20, 123456789012345, -0.0,
    float("nan"), float("inf"), float("-inf"),
    True, False,
    dt.date(2024, 3, 31), dt.date(1900, 1, 15), dt.date(1900, 3, 1),
    dt.datetime(2024, 3, 31, 12, 30),
    Rag.RED, Priority.HIGH,  # an enum is its label, an IntEnum too (model.as_cell)
    Decimal("12.5"), np.int64(7), np.float64(0.25),  # numbers of other types are numbers
]


def _oracle(path: Path, values: list[Any]) -> None:
    """The values written cell by cell with XlsxWriter, under the same title and header rows;
    constant_memory, so its text is inline strings, as ours is."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                           "strings_to_urls": False, "constant_memory": True})
    sheet = book.add_worksheet("T")
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    for row, value in enumerate(values, start=TITLE_ROWS + 1):
        xlsx_put(sheet, row, 0, value, dates if isinstance(value, dt.date) else None)
    book.close()


def _ours(path: Path, values: list[Any]) -> None:
    table = Table(sheet="T", title="T", columns=("Value",), rows=[(v,) for v in values])
    write_book(Book(title="t", subtitle="s", built=dt.date(2024, 1, 1), tables=[table]), path,
               overwrite=True)


def _read(path: Path, count: int) -> list[Any]:
    """The values under the header; empty text counts as no value (we write no cell for it,
    so ISBLANK is true; XlsxWriter writes an empty string)."""
    sheet = openpyxl.load_workbook(path)["T"]
    values = [sheet.cell(row=r, column=1).value
              for r in range(TITLE_ROWS + 2, TITLE_ROWS + 2 + count)]
    return [None if v == "" else v for v in values]


def test_every_case_reads_back_as_xlsxwriter_writes_it(tmp_path: Path) -> None:
    _oracle(tmp_path / "oracle.xlsx", CASES)
    _ours(tmp_path / "ours.xlsx", CASES)
    expected = _read(tmp_path / "oracle.xlsx", len(CASES))
    got = _read(tmp_path / "ours.xlsx", len(CASES))
    for value, want, have in zip(CASES, expected, got, strict=True):
        if isinstance(want, float):  # ours keeps all 17 digits; XlsxWriter rounds to 16
            assert have == pytest.approx(want, rel=1e-15), value
            continue
        assert have == want, f"{value!r:.60}: XlsxWriter gives {want!r:.60}, we give {have!r:.60}"


def test_text_is_never_a_formula_and_dates_are_dates(tmp_path: Path) -> None:
    _ours(tmp_path / "ours.xlsx", CASES)
    sheet = openpyxl.load_workbook(tmp_path / "ours.xlsx")["T"]
    cells = {repr(v): sheet.cell(row=TITLE_ROWS + 2 + i, column=1)
             for i, v in enumerate(CASES)}
    for text in ('=HYPERLINK("http://example.org","click")', "=1+1", "@SUM(A1)", "#N/A"):
        assert cells[repr(text)].data_type == "s"
    assert cells[repr(dt.date(2024, 3, 31))].value == dt.datetime(2024, 3, 31)
    assert cells[repr(dt.date(2024, 3, 31))].number_format == "dd/mm/yyyy"
    assert cells[repr("x" * (EXCEL_MAX_TEXT + 10))].value.endswith("too long for one Excel cell]")


@pytest.mark.parametrize(("day", "serial"), [
    (dt.date(1900, 1, 1), 1), (dt.date(1900, 2, 28), 59), (dt.date(1900, 3, 1), 61),
    (dt.date(2024, 3, 31), 45382), (dt.datetime(2024, 3, 31, 18), 45382.75),
])
def test_excel_serial_numbers(day: dt.date, serial: float) -> None:
    assert excel_serial(day) == serial


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=8))
def test_any_text_reads_back_as_xlsxwriter_writes_it(tmp_path: Path, texts: list[str]) -> None:
    _oracle(tmp_path / "oracle.xlsx", list(texts))
    _ours(tmp_path / "ours.xlsx", list(texts))
    assert _read(tmp_path / "ours.xlsx", len(texts)) == _read(tmp_path / "oracle.xlsx", len(texts))


def test_rows_go_between_header_and_total_in_well_formed_xml(tmp_path: Path) -> None:
    rows = [("Adult Care", 1000.0, 2.5), ("Waste & Recycling", 250.5, None), ("Parks", 10, 1)]
    table = Table(sheet="Budget", title="Budget", columns=("Service", "Net Budget", "FTE"),
                  rows=rows, formats={"Net Budget": '"£"#,##0', "FTE": "0.00"},
                  total_row=("Net Budget", "FTE"))
    path = tmp_path / "budget.xlsx"
    write_book(Book(title="t", subtitle="s", built=dt.date(2024, 1, 1), tables=[table]), path)
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                ElementTree.fromstring(package.read(name))  # every part parses
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    header = TITLE_ROWS + 1
    assert '<dimension ref="A1:C8"/>' in xml
    numbers = [int(n) for n in re.findall(r'<row r="(\d+)"', xml)]
    assert numbers == sorted(numbers) and numbers[-4:] == [header + 1, header + 2, header + 3,
                                                           header + 4]
    sheet = openpyxl.load_workbook(path)["Budget"]
    assert [c.value for c in sheet[header + 4]] == ["Total", 1260.5, 3.5]
    assert sheet.cell(row=header + 1, column=2).number_format == '"£"#,##0'
    assert sheet.auto_filter.ref == f"A{header}:C{header + 3}"


def _book(path: Path, table: Table) -> openpyxl.worksheet.worksheet.Worksheet:
    write_book(Book(title="t", subtitle="s", built=dt.date(2024, 1, 1), tables=[table]), path,
               overwrite=True)
    return openpyxl.load_workbook(path)[table.sheet]


def test_text_is_cut_at_excels_limit_counted_as_excel_counts(tmp_path: Path) -> None:
    """Excel's 32,767 counts UTF-16 units: an emoji is two."""
    sheet = _book(tmp_path / "t.xlsx", Table(sheet="T", title="T", columns=("Text",),
                                             rows=[("🚀" * 20_000,), ("é" * 32_767,)]))
    rocket, accents = (sheet.cell(row=TITLE_ROWS + 2 + i, column=1).value for i in (0, 1))
    assert rocket.endswith("too long for one Excel cell]")
    assert len(rocket.encode("utf-16-le")) // 2 <= EXCEL_MAX_TEXT
    assert accents == "é" * 32_767  # exactly at the limit: kept whole
    assert fit_text("a" + "🚀" * 16_383 + "b").endswith("cell]")


def test_text_openpyxl_writes_is_always_a_file_excel_reads(tmp_path: Path) -> None:
    """U+FFFE went into openpyxl's XML as it was, which no XML reader accepts."""
    book = openpyxl.Workbook()
    put(book.active["A1"], "non-character \ufffe\uffff here\x07")
    book.save(tmp_path / "t.xlsx")
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").active["A1"].value == \
        "non-character  here"


def test_coloured_columns_fill_model_values_and_totals_add_any_number(tmp_path: Path) -> None:
    rows = [(Rag.RED, np.float64(100.5), dt.datetime(2024, 3, 31, 9, 15)),
            ("Amber", 200.0, dt.datetime(2024, 3, 31)),
            ("Not a rating", np.int64(5), None, "an extra cell")]
    table = Table(sheet="T", title="T", columns=("RAG", "Net Budget", "When"), rows=rows,
                  coloured=("RAG",), total_row=("Net Budget",))
    sheet = _book(tmp_path / "t.xlsx", table)
    first = TITLE_ROWS + 2
    fills = [sheet.cell(row=first + i, column=1).fill.fgColor.rgb for i in range(3)]
    assert fills[0].endswith(FILLS["Red"][0][1:]) and fills[1].endswith(FILLS["Amber"][0][1:])
    assert fills[2] == "00000000"  # no fill for text that names none
    assert sheet.cell(row=first, column=1).value == "Red"
    assert sheet.cell(row=first + 1, column=2).value == 200  # written 200, not 200.0
    assert [c.value for c in sheet[first + 3]][:2] == ["Total", 305.5]
    assert sheet.cell(row=first + 2, column=4).value == "an extra cell"
    assert sheet.cell(row=first, column=3).number_format == "dd/mm/yyyy hh:mm"
    assert sheet.cell(row=first + 1, column=3).number_format == "dd/mm/yyyy"


def test_rows_past_the_sheet_limit_are_counted_not_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet_xml, "EXCEL_MAX_ROWS", TITLE_ROWS + 1 + 5)  # room for 3 rows
    rows = [("Service", float(n)) for n in range(10)]
    table = Table(sheet="T", title="T", columns=("Service", "Net Budget"), rows=rows,
                  total_row=("Net Budget",))
    sheet = _book(tmp_path / "t.xlsx", table)
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=TITLE_ROWS + 2)]
    assert values == [["Service", 0], ["Service", 1], ["Service", 2],
                      ["7 more rows do not fit in one Excel sheet: the CSV export (--csv-dir) "
                       "has the whole table.", None], ["Total", 3]]


def test_text_no_file_can_store_is_shown_not_a_crash(tmp_path: Path) -> None:
    """A file name that is not UTF-8 reaches Python with a lone surrogate in it."""
    name = b"caf\xe9.xlsx".decode("utf-8", "surrogateescape")
    sheet = _book(tmp_path / "t.xlsx", Table(sheet="T", title="T", columns=("File",),
                                             rows=[(name,), ("=" + name,)]))
    assert sheet.cell(row=TITLE_ROWS + 2, column=1).value == "caf\ufffd.xlsx"
    assert csv_safe("=" + name) == "'=caf\ufffd.xlsx"


def test_chart_caches_do_not_claim_points_they_lack(tmp_path: Path) -> None:
    summary = write_summary(consolidate([example("x").parent], "Q1", today=dt.date(2022, 8, 12)),
                            tmp_path / "council.xlsx")
    with zipfile.ZipFile(summary) as package:
        charts = [n for n in package.namelist() if n.startswith("xl/charts/chart")]
        assert charts
        for name in charts:
            xml = package.read(name).decode()
            for cache in re.findall(r"<c:(?:num|str)Cache>.*?</c:(?:num|str)Cache>", xml):
                claimed = re.search(r'<c:ptCount val="(\d+)"/>', cache)
                points = len(re.findall(r"<c:pt ", cache))
                assert claimed is None or int(claimed[1]) == points, cache[:200]


def test_formats_chosen_row_by_row_and_rows_tall_enough_for_wrapped_text(tmp_path: Path) -> None:
    """A KPI's figures in its unit's format; a row with long wrapped text grows, even one wider
    than its header; text chosen a format stays text."""
    long = "word " * 40  # 200 characters: 7 lines of a 30-wide column
    rows = [("%", 0.25, "short"), ("£", 1200.5, long), ("Number", "-", "a\nb\nc"),
            (None, 7, "x", long)]
    table = Table(sheet="T", title="T", columns=("Unit", "Actual", "Comment"), rows=rows,
                  formats_by=FormatsBy(key="Unit", columns=("Actual",),
                                       formats={"%": "0.0%", "£": '"£"#,##0.00'}),
                  widths={"Comment": 30})
    sheet = _book(tmp_path / "t.xlsx", table)
    first = TITLE_ROWS + 2
    actual = [sheet.cell(row=first + i, column=2) for i in range(4)]
    assert [c.number_format for c in actual] == ["0.0%", '"£"#,##0.00', "General", "General"]
    assert (actual[2].value, actual[2].data_type) == ("-", "s")
    heights = [sheet.row_dimensions[first + i].height for i in range(4)]
    assert heights == [None, 15 * text_lines(long, 30), 45, None]  # column D does not wrap
    assert text_lines(long, 30) == 7 and text_lines("a\nb", 30) == 2
    assert sheet.cell(row=first, column=1).alignment.vertical == "top"  # level with the text


@pytest.mark.parametrize(("typed", "in_csv"), [
    ("-", "-"), ("-5", "-5"), ("-1,234.50", "-1,234.50"), ("-12%", "-12%"),  # left alone
    ("-2+3", "'-2+3"), ("-5 days", "'-5 days"), ("-A1", "'-A1"), ("- 5", "'- 5"),
    ("=1+1", "'=1+1"), ("+44 1234", "'+44 1234"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("plain", "plain"),
    ("#N/A", "'#N/A"), ("#REF!", "'#REF!"), ("#1 priority", "#1 priority"),  # not an error
    (1000.0, 1000), (3.25, 3.25),  # a whole number as the sheet shows it
])
def test_csv_fields_that_could_run_get_a_quote_and_a_lone_dash_does_not(typed: Any,
                                                                        in_csv: Any) -> None:
    assert csv_safe(typed) == in_csv
    assert str(csv_safe(typed)) == str(in_csv)  # as written: 1000, never 1000.0


@pytest.mark.parametrize(("value", "written"), [
    (1000.0, 1000), (0.25, 0.25), (-5.0, -5), (float("inf"), None), (float("-inf"), None),
    (float("nan"), None), ("-", "-"), ("-5", "-5"), ("=SUM(A1)", "'=SUM(A1)"),
])
def test_a_csv_field_is_what_its_cell_shows(value: Any, written: Any) -> None:
    """A forecast from a figure of 9e307 was "inf" in the CSV, where its cell is blank."""
    assert csv_safe(value) == written
