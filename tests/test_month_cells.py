"""A month typed into Excel ("March 2024") is kept as the date 1 March 2024 with a number format
that shows no day ("mmm-yy"): the file reader gives it as the month the officer sees, so its
deadline is the month's end, as the same words typed as text (cells.py: month_format)."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from click.testing import CliRunner
from defusedxml import ElementTree as SafeET
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from xl_plans import cells as cells_module
from xl_plans.cells import Workbook, month_format, month_styles, show_months
from xl_plans.cli import main
from xl_plans.errors import WorkbookError
from xl_plans.model import WhenKind
from xl_plans.reader import read_workbook
from xl_plans.template import save_workbook, tables_workbook
from xl_plans.validation import validate

MARCH_1 = dt.date(2024, 3, 1)
MONTH = (WhenKind.PERIOD, MARCH_1, dt.date(2024, 3, 31))
DAY = (WhenKind.DATE, MARCH_1, MARCH_1)
PLAN = {"Service": "Housing", "Plan Year": "2023/24", "Reporting Quarter": "Q4"}


@pytest.mark.parametrize(("code", "month"), [
    ("mmm-yy", True), ("mmmm yyyy", True), ("mmm yyyy", True), ("MMM-YY", True),
    ("[$-809]mmmm yyyy;@", True), ("[$-409]mmm-yy;@", True), ("mmmm\\ yyyy", True),
    ("mm/yyyy", True), ("m/yy", True), ("[Red]mmm yy", True), ('"Due "mmm yyyy', True),
    ('"day "mmm', True),  # a "d" in quoted text is not a day
    ("mmm", True),  # a month with no year shown: still a month (the date's year is kept)
    ("mmm;dd/mm/yyyy", True),  # a date is positive: the first section counts
    ("dd/mm/yyyy", False), ("d-mmm", False), ("d mmmm yyyy", False), ("yyyy-mm-dd", False),
    ("[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", False), ("dd/mm/yyyy;mmm-yy", False),
    ("mmm-yy h:mm", False), ("mm:ss", False), ("[mm]:ss", False), ("[h]:mm", False),
    ("mmm yy AM/PM", False), ("mmm yy A/P", False),  # a time, so the m may be minutes
    ("yyyy", False), ("General", False), ("0.0%", False), ('"£"#,##0', False), ("@", False),
    ('0 "m"', False), ("0.0\\m", False), ("_m0", False), ("*m0", False),  # m as literal text
    ("", False), ("[mmm", False), ('"mmm', False),  # never closed: the rest is not tokens
])
def test_a_month_format_shows_a_month_and_no_day_nor_time(code: str, month: bool) -> None:
    assert month_format(code) is month


# ----------------------------------------------------------------------- read from files


def plan_book(values: list[Any], formats: list[str | None]) -> openpyxl.Workbook:
    """A plan whose priority i and milestone i are due `values[i]`, in a cell formatted
    `formats[i]` (None: the template's own, dd/mm/yyyy)."""
    book = tables_workbook({
        "Plan": PLAN,
        "Priorities": [{"Ref": str(i), "Priority": f"P{i}", "Outcome": "Done",
                        "Target Date": value, "Lead": "KG", "Status": "On track"}
                       for i, value in enumerate(values, start=1)],
        "Projects": [{"Ref": f"M{i}", "Project": "Build", "Milestone": f"Step {i}",
                      "Due": value, "Status": "On track"}
                     for i, value in enumerate(values, start=1)],
    })
    for sheet_name, header in (("Priorities", "Target Date"), ("Projects", "Due")):
        sheet = book[sheet_name]
        col = [cell.value for cell in sheet[1]].index(header) + 1
        for row, number_format in enumerate(formats, start=2):
            if number_format is not None:
                sheet.cell(row, col).number_format = number_format
    return book


def dues(path: Path) -> list[tuple[tuple[Any, ...], tuple[Any, ...]]]:
    """(target date, milestone due) of each priority and milestone, as (kind, start, end)."""
    plan = read_workbook(path).plan
    return [((p.target_date.kind, p.target_date.start, p.target_date.end),
             (m.due.kind, m.due.start, m.due.end))
            for p, m in zip(plan.priorities, plan.milestones, strict=True)]


CASES: list[tuple[Any, str | None, tuple[Any, ...]]] = [
    (dt.datetime(2024, 3, 1), "mmm-yy", MONTH),  # openpyxl writes built-in format 17
    (dt.datetime(2024, 3, 1), "MMM-YY", MONTH),  # the same as a format of the file's own
    (dt.datetime(2024, 3, 1), "mmmm yyyy", MONTH),
    (dt.datetime(2024, 3, 1), "mmm yyyy", MONTH),
    (dt.datetime(2024, 3, 1), "[$-809]mmmm yyyy;@", MONTH),
    (dt.date(2024, 3, 1), "mm/yyyy", MONTH),
    (dt.datetime(2024, 3, 1), "mmm", MONTH),
    (dt.datetime(2024, 3, 15), "mmm-yy", MONTH),  # the officer sees Mar-24, not the 15th
    (45352, "mmm-yy", MONTH),  # a number in a date format is a date to Excel (1 Mar 2024)
    (dt.datetime(2024, 3, 1), "dd/mm/yyyy", DAY),
    (dt.datetime(2024, 3, 1), None, DAY),
    (dt.datetime(2024, 3, 1), "d mmmm yyyy", DAY),
    (dt.datetime(2024, 3, 1), "mmm-yy h:mm", DAY),  # a time shown: left as it is
    (dt.datetime(2024, 3, 1), "yyyy", DAY),  # no month shown
    ("TBC", "mmm-yy", (WhenKind.TO_BE_CONFIRMED, None, None)),  # text stays text
    ("March 2024", "mmm-yy", MONTH),
]


def test_a_date_formatted_as_a_month_is_read_as_the_month(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    save_workbook(plan_book([v for v, _, _ in CASES], [f for _, f, _ in CASES]), path)
    with zipfile.ZipFile(path) as archive:
        assert re.search(rb'<xf numFmtId="17"', archive.read("xl/styles.xml"))  # built-in 17
    assert dues(path) == [(want, want) for _, _, want in CASES]
    (row, *_) = read_workbook(path).plan.priorities
    assert row.target_date.text == "March 2024"
    assert row.source is not None and row.source.raw["target_date"] == "March 2024"


def test_a_month_in_a_1904_workbook(tmp_path: Path) -> None:
    """calamine gives the date in the workbook's own date system; its month is the month."""
    book = plan_book([dt.datetime(2024, 3, 1), dt.datetime(2024, 3, 1)], ["mmm-yy", None])
    book.epoch = CALENDAR_MAC_1904
    path = tmp_path / "plan.xlsx"
    save_workbook(book, path)
    with Workbook(path) as workbook:
        assert workbook.date1904
    assert dues(path) == [(MONTH, MONTH), (DAY, DAY)]


def test_a_month_written_by_xlsxwriter(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    formats = ["mmm-yy", "mmmm yyyy", "[$-809]mmm yyyy;@", "dd/mm/yyyy"]
    with xlsxwriter.Workbook(str(path)) as book:
        styles = [book.add_format({"num_format": code}) for code in formats]
        priorities = book.add_worksheet("Priorities")
        projects = book.add_worksheet("Projects")
        priorities.write_row(0, 0, ["Ref", "Priority", "Target Date"])
        projects.write_row(0, 0, ["Ref", "Project", "Milestone", "Due"])
        for i, style in enumerate(styles, start=1):
            priorities.write_row(i, 0, [str(i), f"P{i}"])
            priorities.write_datetime(i, 2, dt.datetime(2024, 3, 1), style)
            projects.write_row(i, 0, [f"M{i}", "Build", f"Step {i}"])
            projects.write_number(i, 3, 45352, style)  # the serial of 1 March 2024
    assert dues(path) == [(MONTH, MONTH)] * 3 + [(DAY, DAY)]


def test_a_month_is_not_overdue_on_the_15th(tmp_path: Path) -> None:
    """End to end: due "March 2024" typed into Excel is due by 31 March, so on 15 March it is
    due this quarter, not overdue; a real 1 March is overdue."""
    path = tmp_path / "plan.xlsx"
    save_workbook(plan_book([dt.datetime(2024, 3, 1)] * 2, ["mmm-yy", "dd/mm/yyyy"]), path)
    result = CliRunner().invoke(main, ["status", str(path), "--as-of", "2024-03-15", "--json"])
    assert result.exit_code == 0, result.output
    status = json.loads(result.stdout)
    month, day = status["priorities"]
    assert (month["due"], month["due_text"], month["timing"]) == (
        "2024-03-31", "March 2024", "Due this quarter")
    assert month["rag"] != "Red"
    assert (day["due"], day["timing"]) == ("2024-03-01", "Overdue")
    month, day = status["milestones"]
    assert month["due"] == "2024-03-31" and month["timing"] != "Overdue"
    assert day["due"] == "2024-03-01" and day["timing"] == "Overdue"


# ------------------------------------------------------------- the styles part and cells


def test_styles_are_read_once_and_parsed_only_when_a_month_format_is_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Most plans have no month format: their styles part is read, never parsed."""
    plain = tmp_path / "plain.xlsx"
    save_workbook(plan_book([dt.datetime(2024, 3, 1)], [None]), plain)
    months = tmp_path / "months.xlsx"
    save_workbook(plan_book([dt.datetime(2024, 3, 1)], ["mmmm yyyy"]), months)
    calls: list[str] = []
    parse, read = cells_module.month_styles, Workbook._read_month_styles

    def counted_parse(styles: Any) -> frozenset[int]:
        calls.append("parsed")
        return parse(styles)

    def counted_read(self: Workbook) -> frozenset[int]:
        calls.append("read")
        return read(self)

    monkeypatch.setattr(cells_module, "month_styles", counted_parse)
    monkeypatch.setattr(Workbook, "_read_month_styles", counted_read)
    assert dues(plain) == [(DAY, DAY)]
    assert calls == ["read"]  # once, for both sheets, and not parsed
    calls.clear()
    assert dues(months) == [(MONTH, MONTH)]
    assert calls == ["read", "parsed"]


STYLES = (
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="mmmm yyyy"/>'
    '<numFmt numFmtId="165" formatCode="dd/mm/yyyy"/>'
    '<numFmt numFmtId="166" formatCode="&quot;Due &quot;mmm-yy"/></numFmts>'
    '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="17"/><xf numFmtId="164"/>'
    '<xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId=" 166 "/><xf numFmtId="x"/></cellXfs>'
    # a differential format's numFmt (conditional formatting) is no cell style
    '<dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="mmm-yy"/></dxf></dxfs>'
    "</styleSheet>"
)


def test_month_styles_of_a_styles_part() -> None:
    assert month_styles(SafeET.fromstring(STYLES)) == {1, 2, 5}
    # a format of the file's own takes the place of a built-in one with its number
    redefined = STYLES.replace('numFmtId="165" formatCode="dd/mm/yyyy"',
                               'numFmtId="17" formatCode="dd/mm/yyyy"')
    assert month_styles(SafeET.fromstring(redefined)) == {2, 5}
    assert month_styles(SafeET.fromstring("<styleSheet/>")) == set()


def sheet_rows(count: int = 3) -> list[list[Any]]:
    return [[MARCH_1, dt.datetime(2024, 4, 1, 9, 30), "text", 45352] for _ in range(count)]


@pytest.mark.parametrize(("cells", "styles", "months"), [
    ('<c r="A1" s="3"><v>1</v></c>', {3}, {(0, 0)}),
    ("<c s='3' r='B2'/>", {3}, {(1, 1)}),  # the style first, either quote, no content
    ('<x:c r="A3" t="n" s="3"><x:v>1</x:v></x:c>', {3}, {(2, 0)}),  # a namespace prefix
    ('<c r="A1" s="30"/><c r="B1" s="13"/>', {3}, set()),  # not style 3
    ('<c s="3"><v>1</v></c>', {3}, set()),  # no reference: cannot be placed
    ('<c r="C1" s="3"/><c r="D1" s="3"/>', {3}, set()),  # text and a number: not dates
    ('<c r="A1" s="3"/><c r="B1" s="4"/><c r="A2" s="5"/>', {3, 4}, {(0, 0), (0, 1)}),
    ('<c r="A1"/><c r="B1" s="0"/><c r="A2" s="1"/>', {0}, {(0, 0), (0, 1)}),  # style 0
    ('<c r="Z99" s="3"/><c r="A0" s="3"/><c r="A1%s" s="3"/>' % ("9" * 5000), {3}, set()),
    ('<cols><col s="3"/></cols><row r="1" s="3"/>', {3}, set()),  # not cells
])
def test_show_months_finds_the_styled_cells(cells: str, styles: set[int],
                                            months: set[tuple[int, int]]) -> None:
    rows = sheet_rows()
    show_months(rows, f"<worksheet><sheetData>{cells}</sheetData></worksheet>".encode(),
                frozenset(styles))
    found = {(r, c) for r, row in enumerate(rows) for c, value in enumerate(row)
             if value != sheet_rows()[r][c]}
    assert found == months
    assert all(rows[r][c] in ("March 2024", "April 2024") for r, c in found)


# ----------------------------------------------------------------- unsafe or broken styles


def with_styles(source: Path, target: Path, change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, change(data) if item.filename == "xl/styles.xml" else data)
    return target


def prolog(dtd: bytes) -> Callable[[bytes], bytes]:
    return lambda data: b'<?xml version="1.0"?>' + dtd + re.sub(rb"^<\?xml[^>]*\?>", b"", data)


LAUGHS = (b'<!DOCTYPE styleSheet [<!ENTITY a "aaaaaaaaaa">'
          b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')


def styled_plan(tmp_path: Path, month: bool, change: Callable[[bytes], bytes]) -> Path:
    """A plan due 1 March 2024, formatted "mmm yyyy" if `month`, its styles part changed."""
    source = tmp_path / "source.xlsx"
    save_workbook(plan_book([dt.datetime(2024, 3, 1)], ["mmm yyyy" if month else None]), source)
    return with_styles(source, tmp_path / "plan.xlsx", change)


XXE = b'<!DOCTYPE styleSheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("month", [True, False])
@pytest.mark.parametrize("dtd", [LAUGHS, XXE])
def test_a_styles_part_with_a_dtd_is_refused(tmp_path: Path, month: bool, dtd: bytes,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """As every part is: the file is refused before it is read (sniff.py). Were that check
    passed, the styles part is parsed safely, when it is parsed: only if it holds a month
    format, as a sheet is only parsed if it may hold a formula."""
    path = styled_plan(tmp_path, month, prolog(dtd))
    assert validate(path).codes() == ["unsafe-workbook"]
    monkeypatch.setattr("xl_plans.sniff._check_xml_head", lambda *args: None)
    if month:
        with Workbook(path) as workbook, pytest.raises(WorkbookError) as caught:
            workbook.grid("Priorities")
        assert caught.value.code == "unsafe-workbook" and "styles part" in caught.value.detail
    else:
        assert dues(path) == [(DAY, DAY)]


@pytest.mark.parametrize("change", [
    lambda data: data + b"<junk>",
    lambda data: data.replace(b"<fonts", b"<fonts a=1", 1),
], ids=["content-after-the-root", "an-unquoted-attribute"])
def test_a_styles_part_calamine_reads_but_elementtree_does_not(
        tmp_path: Path, change: Callable[[bytes], bytes]) -> None:
    """Not well-formed, yet calamine reads it (and its dates): the dates stay dates, as before,
    rather than a plan it reads being refused."""
    path = styled_plan(tmp_path, True, change)
    assert dues(path) == [(DAY, DAY)]
    assert "corrupt-workbook" not in validate(path).codes()


def test_a_styles_part_calamine_cannot_read(tmp_path: Path) -> None:
    path = styled_plan(tmp_path, True, lambda data: data.replace(b"</styleSheet>", b""))
    assert validate(path).codes() == ["corrupt-workbook"]


def test_a_workbook_with_no_styles_part(tmp_path: Path) -> None:
    """calamine then sees no date formats at all: nothing is a month (nor a date)."""
    source = tmp_path / "source.xlsx"
    save_workbook(plan_book([dt.datetime(2024, 3, 1)], ["mmm-yy"]), source)
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            if item.filename != "xl/styles.xml":
                zout.writestr(item, zin.read(item.filename))
    with Workbook(path) as workbook:
        assert workbook._read_month_styles() == set()
        workbook.grid("Priorities")
