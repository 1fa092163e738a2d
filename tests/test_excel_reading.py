"""Reading a workbook open in Excel (book_reader.py, xl_plans.excel.read_book): the same plan,
cell for cell, as reading its file; Excel's error values; the summary settings sheet."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openpyxl
import pytest
import xlwings as xw
from conftest import example
from xlwings_payload import actions_of, book_from, payload_from

from xl_plans import excel
from xl_plans.book_reader import (
    COM_ERRORS,
    Setting,
    SettingsProblem,
    SummarySettings,
    cell_value,
    read_open_book,
    read_settings,
    summary_settings,
)
from xl_plans.cells import ErrorValue, SheetInfo
from xl_plans.excel_layouts import settings_layout
from xl_plans.model import Quarter
from xl_plans.reader import read_workbook
from xl_plans.template import tables_workbook
from xl_plans.validation import validate

EXAMPLE_NAMES = sorted(path.stem for path in example("x").parent.glob("*.xlsx"))


@pytest.mark.parametrize(("given", "read"), [
    ("#DIV/0!", ErrorValue("#DIV/0!")),
    ("#N/A", ErrorValue("#N/A")),  # typed as "#N/A", Excel makes it the error too
    ("#SPILL!", ErrorValue("#SPILL!")),
    ("#GETTING_DATA", ErrorValue("#GETTING_DATA")),
    ("#div/0!", "#div/0!"),  # not Excel's spelling: text
    ("#1 priority", "#1 priority"),
    ("", None),
    ("  ", "  "),
    (-2146826281, ErrorValue("#DIV/0!")),  # COM error numbers (Windows)
    (-2146826243, ErrorValue("#SPILL!")),
    (-2146826238, ErrorValue("#CALC!")),
    (-2146826200, -2146826200),  # an ordinary (if odd) number
    (3.0, 3),  # Excel's numbers are floats: whole ones are ints, as from a file
    (2.5, 2.5),
    (True, True),
    (dt.datetime(2024, 3, 31), dt.datetime(2024, 3, 31)),
    (None, None),
])
def test_cell_values_from_excel(given: Any, read: Any) -> None:
    assert cell_value(given) == read
    assert type(cell_value(given)) is type(read)


def test_com_error_numbers_agree_with_xlwings() -> None:
    """xlwings names seven COM error numbers (its Windows engine, read here as text since it
    imports only on Windows); ours are the same numbers for the same errors, and more."""
    spec = importlib.util.find_spec("xlwings")
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).with_name("_xlwindows.py").read_text(encoding="utf-8")
    named = {int(number): literal for number, literal in
             re.findall(r"(-21468\d{5}): \"(#[A-Z0-9/!?]+)\"", source)}
    assert len(named) == 7
    assert {number: COM_ERRORS[number] for number in named} == named
    assert len(COM_ERRORS) == 14


def without_file(content: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in content.items() if k != "file"}


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_an_open_workbook_reads_as_its_file(name: str) -> None:
    from_file = read_workbook(example(name))
    from_excel = excel.read_book(book_from(example(name)))
    assert without_file(from_excel.plan.content()) == without_file(from_file.plan.content())
    assert from_excel.plan.file == f"{name}.xlsx"
    for section in ("kpis", "risks", "priorities", "milestones", "contracts"):
        assert [row.source.cells for row in getattr(from_excel.plan, section)] == [
            row.source.cells for row in getattr(from_file.plan, section)], section
    assert from_excel.sheets == from_file.sheets
    assert {k: (v.name, v.header_row, v.columns) for k, v in from_excel.found.items()} == {
        k: (v.name, v.header_row, v.columns) for k, v in from_file.found.items()}


def test_only_the_sheets_a_plan_needs_are_read() -> None:
    asked: list[str] = []
    sheets = [SheetInfo(name, True, True) for name in ("Plan", "KPIs", "Pivot of last year")]

    sheet_values: dict[str, list[list[Any]]] = {
        "Plan": [["Field", "Value"], ["Service", "Parks"]],
        "KPIs": [["Ref", "Indicator", "Q1"], ["K1", "Visits", 10.0]]}

    def values_of(name: str) -> list[list[Any]]:
        asked.append(name)
        return sheet_values[name]

    read = read_open_book("Parks.xlsx", sheets, values_of)
    assert asked == ["Plan", "KPIs"]
    assert read.plan.details.service == "Parks"
    [kpi] = read.plan.kpis
    assert kpi.source is not None
    assert (kpi.ref, kpi.q1.value, kpi.source.cell("q1")) == ("K1", 10, "KPIs!C2")


def test_a_sheet_too_large_for_a_plan_is_reported_not_read(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(excel, "MAX_ROWS", 10)
    book = book_from(example("hart_corporate_services_2022_23"))
    reply = excel.perform("validate", book)
    assert reply.problem and reply.text.startswith(
        "Validate: the workbook is far larger than any service plan (sheet Plan has over 10 "
        "rows).")
    [values] = [a["values"] for a in actions_of(book) if a["func"] == "setValues"]
    assert values[1][:3] == ["'Error", "'(the file)", "'too-large"]


def test_the_settings_sheet() -> None:
    values: list[list[Any]] = [
        ["", "Council summary", ""],
        ["", "Field", "Value"],
        ["", "Reporting quarter", "q3"],  # a synonym, any case
        ["", "FOLDER", "S:\\Performance\\Plans 2024-25"],
        ["", "Folder", "ignored: the first one counts"],
        ["", "Services", "Housing; Planning"],
        ["", "Notes", "not a setting"],
    ]
    assert read_settings(values) == {
        "quarter": Setting("q3", "C3"),
        "folder": Setting("S:\\Performance\\Plans 2024-25", "C4"),
        "services": Setting("Housing; Planning", "C6"),
    }


def test_the_settings_sheet_the_ribbon_creates_is_read_back() -> None:
    grid = settings_layout().grid()
    for row, value in zip(grid[1:], ("Plans", "Q2", "2024/25", "Housing"), strict=True):
        row[1] = value
    assert read_settings(grid) == {
        "folder": Setting("Plans", "B2"), "quarter": Setting("Q2", "B3"),
        "year": Setting("2024/25", "B4"), "services": Setting("Housing", "B5")}


def test_a_workbook_never_saved_has_only_a_name() -> None:
    data = payload_from(example("hart_corporate_services_2022_23"))
    data["book"]["name"] = "Book2"
    assert excel.read_book(xw.Book(json=data)).path == Path("Book2")


def test_summary_settings_for_consolidate(tmp_path: Path) -> None:
    (tmp_path / "plans" / "2024-25").mkdir(parents=True)
    grid = settings_layout().grid()
    for row, value in zip(grid[1:], ("plans/2024-25", "quarter 2", " 2024/25 ",
                                     "Housing; Planning\nParks;;"), strict=True):
        row[1] = value
    settings = summary_settings(grid, str(tmp_path / "Council summary.xlsx"))
    assert settings == SummarySettings(tmp_path / "plans" / "2024-25", Quarter.Q2, "2024/25",
                                       ["Housing", "Planning", "Parks"])


@pytest.mark.parametrize(("folder", "quarter", "workbook", "message"), [
    (None, "Q1", "/s/Summary.xlsx", "Type the folder of the service plans in "
     "'xl_plans settings'!B2, then click Consolidate again."),
    ("plans", "Q1", "Summary", "The folder in 'xl_plans settings'!B2 is relative, and this "
     "workbook has no folder on this computer (it has not been saved, or it is open from "
     "OneDrive, SharePoint or Teams): give the full path"),
    ("plans", "Q1", None, "The folder in 'xl_plans settings'!B2 is relative, and this "
     "workbook has no folder on this computer"),
    ("/no/such/folder", "Q1", "/s/Summary.xlsx", "The folder in 'xl_plans settings'!B2 does "
     "not exist: /no/such/folder."),
    ("/", "Q5", "/s/Summary.xlsx", "The Quarter in 'xl_plans settings'!B3 is 'Q5': type Q1"),
    ("/", None, "/s/Summary.xlsx", "The Quarter in 'xl_plans settings'!B3 is blank"),
])
def test_summary_settings_that_cannot_be_used(folder: str | None, quarter: str | None,
                                              workbook: str | None, message: str) -> None:
    grid = settings_layout().grid()
    grid[1][1], grid[2][1] = folder, quarter
    with pytest.raises(SettingsProblem) as caught:
        summary_settings(grid, workbook)
    assert str(caught.value).startswith(message)


def test_a_missing_setting_is_named_where_the_sheet_puts_it() -> None:
    with pytest.raises(SettingsProblem, match=r"'xl_plans settings'!B3 is blank"):
        summary_settings([["Folder", "/"]], "/s/Summary.xlsx")


class _FormatsOnly:
    """A sheet as Excel's own (COM) xlwings gives it, for the one thing xlwings' remote engine
    cannot show: number formats (book_reader). `formats` maps 1-based (row, col) to a cell's
    format; a range of several cells has one only if they all share it, as in Excel."""

    def __init__(self, formats: dict[tuple[int, int], str]) -> None:
        self.formats = formats
        self.asked = 0

    def range(self, first: tuple[int, int], last: tuple[int, int] | None = None) -> Any:
        last = last or first
        cells = [(r, c) for r in range(first[0], last[0] + 1)
                 for c in range(first[1], last[1] + 1)]
        found = {self.formats.get(cell, "General") for cell in cells}
        self.asked += 1
        return type("Range", (), {"number_format": found.pop() if len(found) == 1 else None})


def test_a_month_shown_date_is_the_month_to_the_ribbon_as_to_the_command_line() -> None:
    """Excel stores "March 2024" typed in a cell as 1 March with format mmm-yy: the file
    reader takes the month (cells.show_months); the ribbon read 1 March, overdue from the 2nd."""
    march, april = dt.datetime(2024, 3, 1), dt.datetime(2024, 4, 15)
    values = [["Ref", "Target Date"], ["1", march], ["2", april], ["3", march], ["4", "Q3"]]
    sheet = _FormatsOnly({(2, 2): "mmm-yy", (3, 2): "dd/mm/yyyy", (4, 2): "[$-809]mmmm yyyy;@"})
    excel._show_months(sheet, values)  # type: ignore[arg-type]
    assert [row[1] for row in values[1:]] == ["March 2024", april, "March 2024", "Q3"]
    column = _FormatsOnly({(r, 2): "mmm-yy" for r in (2, 3, 4)})
    same = [["Ref", "Due"], ["1", march], ["2", april], ["3", march]]
    excel._show_months(column, same)  # type: ignore[arg-type]
    assert [row[1] for row in same[1:]] == ["March 2024", "April 2024", "March 2024"]
    assert column.asked == 1  # one call for a column that shares its format


def test_the_remote_engine_cannot_show_formats_and_dates_stay_dates() -> None:
    book = book_from(example("hart_corporate_services_2022_23"))
    with pytest.raises(NotImplementedError):
        _ = book.sheets[0].range((2, 1)).number_format
    values = [["Due"], [dt.datetime(2024, 3, 1)]]
    excel._show_months(book.sheets[0], values)  # xlwings: NotImplementedError, caught
    assert values[1][0] == dt.datetime(2024, 3, 1)


class _MergesOnly:
    """A sheet as Excel's own (COM, Mac) xlwings gives it, for what xlwings' remote engine
    cannot show: merged cells. `areas` are openpyxl's merged ranges (1-based bounds); a range
    answers merge_area as Excel does (the cell itself when it is in no merge)."""

    def __init__(self, areas: list[tuple[int, int, int, int]]) -> None:
        self.areas = areas
        self.asked = 0
        self.used_range = SimpleNamespace(merge_cells=None if areas else False)

    def range(self, cell: tuple[int, int]) -> Any:
        self.asked += 1
        row, col = cell
        r0, c0, r1, c1 = next(((a, b, c, d) for a, b, c, d in self.areas
                               if a <= row <= c and b <= col <= d), (row, col, row, col))
        return SimpleNamespace(merge_area=SimpleNamespace(
            row=r0, column=c0, last_cell=SimpleNamespace(row=r1, column=c1)))


def _as_excel_reads(path: Path) -> tuple[list[SheetInfo], dict[str, list[list[Any]]],
                                          dict[str, _MergesOnly]]:
    """A workbook's sheets, values (None where a merge hides the cell) and merges, as
    Excel's own xlwings engines give them."""
    book = openpyxl.load_workbook(path)
    values = {s.title: [[c.value for c in row] for row in s.iter_rows()] for s in book}
    merges = {s.title: _MergesOnly([(m.min_row, m.min_col, m.max_row, m.max_col)
                                    for m in s.merged_cells.ranges]) for s in book}
    infos = [SheetInfo(s.title, True, True) for s in book]
    return infos, values, merges


def test_a_merged_ref_reads_in_excel_as_from_the_file(tmp_path: Path) -> None:
    """A Ref, Priority and Theme merged down over a priority's outcome rows: the ribbon read
    them at the first row only, so Validate warned of a blank Ref on every other row and the
    Status sheet showed rows with no Ref (review of the ribbon)."""
    tables = {"Plan": {"Service": "Parks", "Plan Year": "2024/25", "Reporting Quarter": "Q1"},
              "Priorities": [
                  {"Ref": "P1", "Priority": "Greener parks", "Corporate Theme": "Place",
                   "Outcome": "Plant trees", "Target Date": "March 2025", "Status": "On track"},
                  {"Outcome": "New play area", "Target Date": "June 2024",
                   "Status": "On track"},
                  {"Outcome": "Café", "Target Date": "Q3 2024/25", "Status": "Not started"}],
              "Projects": [
                  {"Ref": "PR1", "Project": "Depot", "Milestone": "Design", "Due": "Q2 2024/25"},
                  {"Milestone": "Build", "Due": "Q4 2024/25"}]}
    path = tmp_path / "parks.xlsx"
    book = tables_workbook(tables)
    for cells in ("A2:A4", "B2:B4", "C2:C4"):
        book["Priorities"].merge_cells(cells)
    for cells in ("A2:A3", "B2:B3"):
        book["Projects"].merge_cells(cells)
    book.save(path)
    infos, values, merges = _as_excel_reads(path)
    read = read_open_book("parks.xlsx", infos, lambda name: values[name],
                          lambda name, got: excel.merged_areas(merges[name], got))
    from_file = read_workbook(path)
    assert [(p.ref, p.priority, p.theme) for p in read.plan.priorities] == \
        [(p.ref, p.priority, p.theme) for p in from_file.plan.priorities] == \
        [("P1", "Greener parks", "Place")] * 3
    assert [(m.ref, m.project) for m in read.plan.milestones] == [("PR1", "Depot")] * 2
    assert [i.code for i in validate(read).issues] == [i.code for i in validate(from_file).issues]
    # A sheet with no merge costs one call; one with merges, one per blank under a value.
    assert merges["KPIs"].asked == 0 and merges["Priorities"].asked <= 12


def test_merged_areas_are_the_merges_a_value_can_hide_under() -> None:
    # (each is found from a blank cell under one holding a value: B3 under B2, E2 under E1)
    values = [["Ref", "Priority", "Outcome", "Note", "More"],
              ["P1", "Parks", "Trees", "Wide note", None],
              [None, None, "Play area", None, None],
              [None, None, "Café", None, None],
              ["P2", "Roads", "Potholes", None, None]]
    sheet = _MergesOnly([(2, 1, 4, 1), (2, 2, 4, 2), (2, 4, 2, 5)])  # A2:A4, B2:B4, D2:E2
    assert excel.merged_areas(sheet, values) == [(1, 0, 3, 0), (1, 1, 3, 1), (1, 3, 1, 4)]  # type: ignore[arg-type]
    assert excel.merged_areas(_MergesOnly([]), values) == []  # type: ignore[arg-type]
    # xlwings' remote engine cannot show merges: none, as before
    book = book_from(example("hart_corporate_services_2022_23"))
    assert excel.merged_areas(book.sheets[1], [["Ref"], [None]]) == []
