"""The ribbon's actions, run through xlwings' remote interpreter (`xw.Book(json=...)`) on
payloads built from workbooks, with every action they emit checked against what xlwings
Server's Office.js client can do, and applied back to a workbook file to compare with what the
command line writes.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openpyxl
import pytest
import xlwings as xw
from click.testing import CliRunner
from conftest import EXAMPLES, example
from test_validate_codes import CASES, Case, build
from xlwings.utils import fullname_url_to_local_path
from xlwings_payload import (
    Applied,
    actions_of,
    apply_actions,
    blank_book,
    book_from,
    payload,
    payload_from,
)

from xl_plans import excel, schema
from xl_plans.checks_sheet import write_checks_copy
from xl_plans.cli import main
from xl_plans.consolidate import COLUMNS, FileState, consolidate
from xl_plans.excel_setup import POLICY_VARIABLE
from xl_plans.reader import read_plan
from xl_plans.ribbon_ids import RibbonAction
from xl_plans.template import new_template

# The action types xlwings Server's Office.js client handles: the `funcs` map of
# xlwings/xlwings-server, xlwings_server/static/js/core/xlwingsjs/xlwings.js at commit
# 03a4ae0da798f94614f0ae6f511635808b639cec (44 of the action types xlwings can emit).
# Anything else the Python side emits fails in Excel with "callbacks[action.func] is not a
# function". Kept here, not in the package: it describes the client the tests target.
OFFICE_JS_ACTIONS = frozenset({
    "setValues", "addSheet", "setSheetName", "setAutofit", "setRangeColor", "activateSheet",
    "addHyperlink", "setNumberFormat", "setPictureName", "setPictureWidth", "setPictureHeight",
    "deletePicture", "addPicture", "updatePicture", "alert", "setRangeName", "namesAdd",
    "nameDelete", "runMacro", "rangeDelete", "rangeInsert", "rangeSelect",
    "rangeClearContents", "rangeClearFormats", "rangeGroup", "rangeUngroup", "rangeClear",
    "rangeAdjustIndent", "addTable", "setTableName", "resizeTable", "showAutofilterTable",
    "showHeadersTable", "showTotalsTable", "setTableStyle", "copyRange", "copyFromRange",
    "sheetDelete", "sheetClear", "sheetClearFormats", "sheetClearContents",
    "freezePaneAtRange", "freezePaneUnfreeze", "setFontProperty",
})
assert len(OFFICE_JS_ACTIONS) == 44

TOOL_SHEETS = {schema.CHECKS_SHEET, schema.STATUS_SHEET, schema.GUIDANCE_SHEET,
               schema.SETTINGS_SHEET, *COLUMNS}
HART = "hart_corporate_services_2022_23"
QUARTERS = {  # each example's reporting quarter and the day it is scored
    HART: ("Q1", dt.date(2022, 8, 12)),
    "three_rivers_housing_2022_25": ("Q2", dt.date(2022, 10, 15)),
    "hart_community_services_2023_24": ("Q3", dt.date(2024, 1, 10)),
    "hart_community_partnerships_2008_09": ("Q2", dt.date(2008, 10, 1)),
    "sefton_neighbourhoods_2010_11": ("Q4", dt.date(2011, 4, 20)),
}


def emitted(book: xw.Book) -> list[dict[str, Any]]:
    """The actions an action emitted, each a type the Office.js client handles."""
    actions = actions_of(book)
    funcs = {action["func"] for action in actions}
    assert funcs <= OFFICE_JS_ACTIONS, funcs - OFFICE_JS_ACTIONS
    return actions


def applied_to(path: Path, book: xw.Book, saved: Path) -> tuple[Applied, openpyxl.Workbook]:
    """The actions applied to a copy of the workbook at `path`, saved and read back."""
    copy = openpyxl.load_workbook(path)
    applied = apply_actions(emitted(book), copy)
    copy.save(saved)
    return applied, openpyxl.load_workbook(saved)


# --------------------------------------------------------------------------- comparing sheets


def _colour(color: Any) -> str | None:
    return str(color.rgb)[-6:] if color is not None and color.type == "rgb" else None


def look(cell: Any) -> tuple[Any, ...]:
    """What the two ways of writing a sheet must agree on: value, fill, font (but underline,
    which xlwings cannot set), number format of numbers and dates, link target."""
    font = cell.font
    fill = str(cell.fill.fgColor.rgb)[-6:] if cell.fill.fill_type == "solid" else None
    number_format = (cell.number_format if cell.value is not None
                     and not isinstance(cell.value, str) else None)
    link = (cell.hyperlink.location, cell.hyperlink.target) if cell.hyperlink else None
    return (cell.value, fill, bool(font.b), bool(font.i), _colour(font.color), font.sz or 11,
            number_format, link)


def differences(cli: Any, excel_sheet: Any) -> list[tuple[str, Any, Any]]:
    coordinates = {c.coordinate for sheet in (cli, excel_sheet) for row in sheet.iter_rows()
                   for c in row}
    return [(where, look(cli[where]), look(excel_sheet[where])) for where in sorted(coordinates)
            if look(cli[where]) != look(excel_sheet[where])]


# --------------------------------------------------------------------------- Validate


@pytest.mark.parametrize("name", list(QUARTERS))
def test_validate_writes_the_checks_sheet_the_command_line_writes(name: str,
                                                                  tmp_path: Path) -> None:
    cli_copy = tmp_path / "checked.xlsx"
    CliRunner().invoke(main, ["validate", str(example(name)), "--checks-sheet", str(cli_copy)])
    book = book_from(example(name))
    reply = excel.perform(RibbonAction.VALIDATE, book)
    applied, result = applied_to(example(name), book, tmp_path / "excel.xlsx")
    cli = openpyxl.load_workbook(cli_copy)
    assert differences(cli[schema.CHECKS_SHEET], result[schema.CHECKS_SHEET]) == []
    assert result.sheetnames == cli.sheetnames  # Checks first, then the plan's own sheets
    assert applied.written == {schema.CHECKS_SHEET} and applied.active == schema.CHECKS_SHEET
    issues = cli[schema.CHECKS_SHEET].max_row - 1
    assert reply.text.startswith("Validate: ") and (str(issues) in reply.text or
                                                     "no problems found" in reply.text)


# What the file reader sees that Excel does not show through the portable API, or the other
# way round: the only issue codes allowed to differ between the two.
EXCEL_DIFFERS = {
    "merged-cells": "merged cells are not visible through the portable Book API",
    "formula-uncalculated": "Excel calculates every formula, so none is without its value",
}


@pytest.mark.parametrize("case", CASES, ids=[case.code for case in CASES])
def test_every_issue_reaches_the_checks_sheet_as_from_the_command_line(
        case: Case, make_plan: Callable[..., Path], tmp_path: Path) -> None:
    plan = build(make_plan, case)
    cli = write_checks_copy(plan, tmp_path / "checked.xlsx")
    book = book_from(plan)
    excel.perform(RibbonAction.VALIDATE, book)
    _, result = applied_to(plan, book, tmp_path / "excel.xlsx")
    cli_sheet = openpyxl.load_workbook(cli.path)[schema.CHECKS_SHEET]
    codes = [row[2] for row in result[schema.CHECKS_SHEET].iter_rows(min_row=2,
                                                                     values_only=True)]
    if case.code in EXCEL_DIFFERS:
        assert case.code not in codes
    else:
        assert case.code in codes
        assert but_the_route(differences(cli_sheet, result[schema.CHECKS_SHEET])) == []
    shown = [v for row in result[schema.CHECKS_SHEET].iter_rows(values_only=True) for v in row]
    assert not any("xl-plans" in str(value) for value in shown)  # no terminal for an officer


# The one way the ribbon's Checks sheet may differ from the command line's: advice to run a
# command is given as the button to click.
ROUTES = {"(xl-plans new)": "(in a blank workbook, click New plan)"}


def but_the_route(found: list[tuple[str, Any, Any]]) -> list[tuple[str, Any, Any]]:
    def same(cli: tuple[Any, ...], ribbon: tuple[Any, ...]) -> bool:
        text = str(cli[0])
        for command, click in ROUTES.items():
            text = text.replace(command, click)
        return text == ribbon[0] and cli[1:] == ribbon[1:]
    return [(where, cli, ribbon) for where, cli, ribbon in found if not same(cli, ribbon)]


@pytest.mark.parametrize(("code", "before", "after"), [
    ("not-a-plan", "a new plan starts from the template (xl-plans new).",
     "a new plan starts from the template (in a blank workbook, click New plan)."),
    ("sheet-missing", "or copy the KPIs sheet from the template (xl-plans new).",
     "or copy the KPIs sheet from the template (in a blank workbook, click New plan)."),
    ("template-outdated", "Copy the plan into a new template (xl-plans new) when convenient.",
     "Copy the plan into a new template (in a blank workbook, click New plan) when convenient."),
])
def test_checks_sheet_advice_is_for_the_ribbon_not_the_terminal(
        code: str, before: str, after: str, make_plan: Callable[..., Path],
        tmp_path: Path) -> None:
    plan = build(make_plan, next(c for c in CASES if c.code == code))
    cli = openpyxl.load_workbook(write_checks_copy(plan, tmp_path / "checked.xlsx").path)
    book = book_from(plan)
    excel.perform(RibbonAction.VALIDATE, book)
    _, result = applied_to(plan, book, tmp_path / "excel.xlsx")
    def hint(sheet: Any) -> str:
        return str(next(row[6] for row in sheet.iter_rows(min_row=2, values_only=True)
                        if row[2] == code))
    assert hint(cli[schema.CHECKS_SHEET]).endswith(before)  # the command line keeps its route
    assert hint(result[schema.CHECKS_SHEET]).endswith(after)


@pytest.mark.parametrize(("first", "reply"), [
    ("notes", "Validate: 1 error, no warnings, no queries. Each is listed on the Checks sheet."),
    (None, "Validate: 1 error, no warnings, no queries. Each is listed on the Checks sheet."),
])
def test_validate_promises_links_only_when_there_are_some(first: str | None,
                                                          reply: str) -> None:
    """Not a plan: the one row is about the workbook, with no cell to link to."""
    start = openpyxl.Workbook()
    start.active["A1"] = first
    book = xw.Book(json=payload(start, "Book1.xlsx"))
    assert excel.perform(RibbonAction.VALIDATE, book).text == reply


def test_error_values_from_excel_are_errors_and_typed_text_stays_text(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    """Error literals become error-cell issues; text that looks like a formula or a phone
    number is written back as text (the applier refuses anything else). (Text typed as "#N/A"
    is an error in Excel itself: book_reader's tests.)"""
    plan = make_plan({
        "Plan": {"Service": "=HYPERLINK(\"http://x\",\"click\")", "Plan Year": "2023/24",
                 "Reporting Quarter": "Q1"},
        "KPIs": [{"Ref": "@SUM(A1)", "Indicator": "=1+1", "Polarity": "Higher is better",
                  "Measure": "Snapshot", "Annual Target": 10, "Q1": "about 5"}],
        "Risks": [{"Ref": "-R1", "Risk": "+44 1252 622122", "Residual Likelihood": 1,
                   "Residual Impact": 9}],
    })
    with_error = openpyxl.load_workbook(plan)
    with_error["KPIs"]["O2"] = "#REF!"  # an error cell, as openpyxl writes one
    with_error.save(plan)
    book = book_from(plan)
    excel.perform(RibbonAction.VALIDATE, book)
    _, result = applied_to(plan, book, tmp_path / "excel.xlsx")
    rows = list(result[schema.CHECKS_SHEET].iter_rows(min_row=2, values_only=True))
    assert ("Error", "KPIs!O2", "error-cell") in [row[:3] for row in rows]
    assert {"about 5", "#REF!"} <= {row[4] for row in rows}
    cli = write_checks_copy(plan, tmp_path / "cli.xlsx")
    assert differences(openpyxl.load_workbook(cli.path)[schema.CHECKS_SHEET],
                       result[schema.CHECKS_SHEET]) == []


def test_validating_again_replaces_the_checks_sheet_in_its_place(tmp_path: Path) -> None:
    book = book_from(example(HART))
    excel.perform(RibbonAction.VALIDATE, book)
    applied_to(example(HART), book, once := tmp_path / "once.xlsx")
    again = book_from(once)
    excel.perform(RibbonAction.VALIDATE, again)
    actions = emitted(again)
    assert [a["func"] for a in actions][:2] == ["sheetClear", "setValues"]
    assert actions[0]["sheet_position"] == 0
    assert "addSheet" not in {a["func"] for a in actions}


def test_sheets_count_as_visible_when_the_client_does_not_say(
        make_plan: Callable[..., Path]) -> None:
    """Older Office.js clients send no visibility: no sheet is then reported hidden."""
    plan = build(make_plan, next(c for c in CASES if c.code == "sheet-hidden"))
    data = payload_from(plan)
    for sheet in data["sheets"]:
        del sheet["visibility"]
    book = xw.Book(json=data)
    reply = excel.perform(RibbonAction.VALIDATE, book)
    assert reply.text == "Validate: no problems found."


# --------------------------------------------------------------------------- Update status


def with_quarter(name: str, folder: Path) -> Path:
    """A copy of an example with its Reporting Quarter filled in (most examples leave it)."""
    quarter = QUARTERS[name][0]
    folder.mkdir()
    path = folder / f"{name}.xlsx"
    source = read_plan(example(name)).details.source
    assert source is not None
    cell = source.cells["reporting_quarter"]
    book = openpyxl.load_workbook(example(name))
    book[schema.PLAN_SHEET][cell] = quarter
    book.save(path)
    return path


@pytest.mark.parametrize("name", list(QUARTERS))
def test_update_status_writes_the_status_sheet_the_command_line_writes(
        name: str, tmp_path: Path) -> None:
    quarter, day = QUARTERS[name]
    plan = with_quarter(name, tmp_path / "plan")
    cli_plan = tmp_path / "cli" / plan.name
    cli_plan.parent.mkdir()
    shutil.copyfile(plan, cli_plan)
    result = CliRunner().invoke(main, ["status", str(cli_plan), "--in-place", "--as-of",
                                       day.isoformat()])
    assert result.exit_code == 0, result.output
    book = book_from(plan)
    reply = excel.update_status(book, today=day)
    applied, excel_book = applied_to(plan, book, tmp_path / "excel.xlsx")
    cli = openpyxl.load_workbook(cli_plan)
    assert differences(cli[schema.STATUS_SHEET], excel_book[schema.STATUS_SHEET]) == []
    assert excel_book.sheetnames == cli.sheetnames  # Status last
    assert applied.written == {schema.STATUS_SHEET} and applied.active == schema.STATUS_SHEET
    assert reply.text.startswith(f"Status {quarter} updated: KPIs ")


def test_update_status_fills_and_links(tmp_path: Path) -> None:
    book = book_from(example(HART))
    excel.update_status(book, today=QUARTERS[HART][1])
    actions = emitted(book)
    fills = {a["args"][0] for a in actions if a["func"] == "setRangeColor"}
    assert {"#C6EFCE", "#FFC7CE", "#1F4E79"} <= fills  # Green, Red, the header
    links = [a["args"] for a in actions if a["func"] == "addHyperlink"]
    assert links[0] == ["#'KPIs'!N2", "actual KPIs!N2, target KPIs!H2", "Go to 'KPIs'!N2"]
    # one per KPI, and one per priority outcome needing attention (HART: one overdue)
    assert len(links) == 14 and links[-1][0].startswith("#'Priorities'!")
    [block] = [a for a in actions if a["func"] == "setValues"]  # all values in one block
    assert block["values"][0][0] == "'Status: Corporate Services 2022/23, Q1"


@pytest.mark.parametrize(("value", "sent"), [
    ("", None), ("Q1", "'Q1"), ("=SUM(A1)", "'=SUM(A1)"), (0, 0), (None, None),
    (float("nan"), None),
])
def test_excel_value_keeps_a_blank_blank(value: Any, sent: Any) -> None:
    assert excel.excel_value(value) == sent


def test_update_status_leaves_blank_cells_blank() -> None:
    """A lone text prefix is a cell holding empty text in Excel (ISBLANK false, counted by
    COUNTA), where the command line's file has an empty cell: arrows with nothing to compare."""
    book = book_from(example(HART))
    excel.update_status(book, today=QUARTERS[HART][1])
    [block] = [a for a in emitted(book) if a["func"] == "setValues"]
    assert "'" not in [value for row in block["values"] for value in row]


def test_update_status_needs_a_reporting_quarter() -> None:
    book = book_from(example("three_rivers_housing_2022_25"))
    reply = excel.perform(RibbonAction.UPDATE_STATUS, book)
    assert reply.problem and reply.text == (
        "Update status: The Reporting Quarter in Plan!B9 is blank: type the latest quarter "
        "with actuals filled in (Q1, Q2, Q3 or Q4) there and click Update status again.")
    assert emitted(book) == []  # nothing written


@pytest.mark.parametrize(("typed", "told"), [
    ("Q2 2024", "is 'Q2 2024', which is not read as a quarter: type only Q2 there"),
    ("Apr-Jun", "is 'Apr-Jun', which is not read as a quarter: type Q1, Q2, Q3 or Q4 there"),
    ("Quarter two", "is 'Quarter two', which is not read as a quarter: type Q1, Q2, Q3 or Q4 "
     "there"),
    ("Q5", "is 'Q5', which is not read as a quarter: type Q1, Q2, Q3 or Q4 there"),
    ("Q1-Q2", "is 'Q1-Q2', which is not read as a quarter: type Q1, Q2, Q3 or Q4 there"),
    (dt.datetime(2024, 9, 30), "is '2024-09-30', which is not read as a quarter: type Q1, Q2"),
])
def test_update_status_names_the_quarter_cell_and_what_it_holds(typed: Any, told: str,
                                                                 tmp_path: Path) -> None:
    """As Validate's choice-unknown does: an officer who has filled it in sees what is wrong."""
    start = openpyxl.load_workbook(example(HART))
    start[schema.PLAN_SHEET]["B9"] = typed  # HART's Reporting Quarter
    book = xw.Book(json=payload(start, "plan.xlsx"))
    reply = excel.perform(RibbonAction.UPDATE_STATUS, book)
    assert reply.problem and reply.text.startswith(
        f"Update status: The Reporting Quarter in Plan!B9 {told}"), reply.text
    assert reply.text.endswith(" and click Update status again.")
    assert emitted(book) == []


@pytest.mark.parametrize("typed", ["Q1 2022/23", "2022/23 Quarter 1", "Qtr 1"])
def test_update_status_reads_a_quarter_typed_with_its_year(typed: str) -> None:
    """Reports are headed "Q1 2022/23": typed so in the Plan sheet, Update status refused it."""
    start = openpyxl.load_workbook(example(HART))
    start[schema.PLAN_SHEET]["B9"] = typed
    reply = excel.update_status(xw.Book(json=payload(start, "plan.xlsx")),
                                today=QUARTERS[HART][1])
    assert not reply.problem and reply.text.startswith("Status Q1 updated"), reply.text


def _renamed(book: openpyxl.Workbook) -> None:
    for sheet in book.worksheets:
        sheet.title = f"{sheet.title.lower()}1"


@pytest.mark.parametrize(("make", "sheets"), [
    (lambda: openpyxl.Workbook(), "Sheet"),
    (lambda: finance_book(), "Budget monitoring"),
    (lambda: changed(example(HART), _renamed), "plan1, priorities1, kpis1, kpi years1, risks1, "
     "projects1, contracts1, budget1, versions1, guidance1"),
])
def test_update_status_says_a_workbook_is_not_a_plan(make: Callable[[], openpyxl.Workbook],
                                                     sheets: str) -> None:
    """As Validate's not-a-plan does, not "needs the Reporting Quarter on the Plan sheet"."""
    book = xw.Book(json=payload(make(), "Book1.xlsx"))
    reply = excel.perform(RibbonAction.UPDATE_STATUS, book)
    assert reply.problem and reply.text == (
        f"Update status: This workbook has none of a service plan's sheets (it has {sheets}). "
        "Open your plan and click Update status there; to start a plan, click New plan in a "
        "blank workbook.")
    assert emitted(book) == []


def finance_book() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    book.active.title = "Budget monitoring"
    book.active["A1"], book.active["B2"] = "Budget monitoring", 1000
    return book


def changed(path: Path, change: Callable[[openpyxl.Workbook], None]) -> openpyxl.Workbook:
    book = openpyxl.load_workbook(path)
    change(book)
    return book


def test_update_status_without_a_plan_sheet_says_where_the_quarter_goes() -> None:
    book = xw.Book(json=payload(changed(example(HART), lambda b: b.remove(b["Plan"])),
                                "plan.xlsx"))
    reply = excel.perform(RibbonAction.UPDATE_STATUS, book)
    assert reply.problem and reply.text == (
        "Update status: This workbook has no Plan sheet, which gives the Reporting Quarter: "
        "copy the Plan sheet from a new plan (click New plan in a blank workbook), fill it in "
        "and click Update status again.")


@pytest.mark.parametrize("action", list(RibbonAction))
def test_a_refusal_names_its_button_once(action: RibbonAction) -> None:
    """"Update status: Update status needs ..." repeated the button's label."""
    plan = openpyxl.load_workbook(example("three_rivers_housing_2022_25"))
    plan.create_sheet(schema.STATUS_SHEET)["A1"] = "Status: draft for CMT"
    plan.create_sheet(schema.CHECKS_SHEET)["A1"] = "Severity"
    plan.create_sheet(schema.GUIDANCE_SHEET)["A1"] = "My guidance"
    for start in (plan, openpyxl.Workbook()):
        reply = excel.perform(action, xw.Book(json=payload(start, "Book1.xlsx")))
        label = action.value.replace("_", " ").capitalize()
        assert not reply.text.startswith(f"{label}: {label}"), reply.text


# --------------------------------------------------------------------------- protected sheets


def com_error(what: str) -> Exception:
    """An error as Excel gives it over COM (pywin32's com_error: code, text, exception info,
    argument), when it refuses to change a protected sheet."""
    return Exception(-2147352567, "Exception occurred.",
                     (0, "Microsoft Excel", what, "xlmain11.chm", 0, -2146827284), None)


def protecting(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The sheet `name` protected, as Excel's own engines tell (COM's Sheet.ProtectContents):
    xlwings' remote engine, which runs the actions here, cannot say."""
    monkeypatch.setattr(xw.Sheet, "api", property(
        lambda sheet: SimpleNamespace(ProtectContents=sheet.name == name)))


def refusing_to_clear(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Excel refusing to clear the sheet `name`, as it does a protected sheet (on an engine
    that could not tell it was protected)."""
    clear = xw.Sheet.clear

    def refused(sheet: xw.Sheet) -> None:
        if sheet.name == name:
            raise com_error("Clear method of Range class failed")
        clear(sheet)

    monkeypatch.setattr(xw.Sheet, "clear", refused)


def drawn_summary(tmp_path: Path) -> openpyxl.Workbook:
    """A summary workbook Consolidate has drawn once (Q1), to be consolidated again."""
    start = settings_filled(str(EXAMPLES), "Q1")
    book = xw.Book(json=payload(start, "Council summary.xlsx"))
    excel.consolidate_plans(book, today=dt.date(2022, 8, 12))
    apply_actions(emitted(book), start)
    start[schema.SETTINGS_SHEET]["B3"] = "Q2"
    return start


def test_consolidate_checks_every_sheet_for_protection_before_changing_any(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    start = drawn_summary(tmp_path)
    protecting(monkeypatch, "Risks")
    book = xw.Book(json=payload(start, "Council summary.xlsx"))
    reply = excel.perform(RibbonAction.CONSOLIDATE, book)
    assert reply.problem and reply.text == (
        "Consolidate: The 'Risks' sheet is protected, so the summary cannot be updated: "
        "unprotect it (Review > Unprotect Sheet) and click Consolidate again. Nothing was "
        "changed.")
    assert emitted(book) == []


def test_consolidate_stopped_by_excel_says_which_sheets_changed(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Drawing stopped at a protected sheet used to say "could not finish (com_error: ...).
    Nothing in your own sheets was changed", leaving a summary half Q2 and half Q1."""
    start = drawn_summary(tmp_path)
    refusing_to_clear(monkeypatch, "Risks")
    book = xw.Book(json=payload(start, "Council summary.xlsx"))
    reply = excel.perform(RibbonAction.CONSOLIDATE, book)
    assert reply.problem and reply.text == (
        "Consolidate stopped at the 'Risks' sheet: Excel would not change it (Clear method of "
        "Range class failed). If the sheet or the workbook is protected, unprotect it (Review "
        "> Unprotect Sheet, or Protect Workbook to unprotect its structure), and click "
        "Consolidate again. The sheets before it (Summary, KPIs, Exceptions) now show Q2; the "
        "others still show what they showed before.")


@pytest.mark.parametrize(("action", "sheet"), [
    (RibbonAction.VALIDATE, schema.CHECKS_SHEET),
    (RibbonAction.UPDATE_STATUS, schema.STATUS_SHEET),
])
def test_a_protected_checks_or_status_sheet_is_named_with_what_to_do(
        monkeypatch: pytest.MonkeyPatch, action: RibbonAction, sheet: str) -> None:
    plan = book_from(example(HART))
    excel.perform(action, plan)  # the sheet, written once
    start = openpyxl.load_workbook(example(HART))
    apply_actions(emitted(plan), start)
    label = action.value.replace("_", " ").capitalize()
    protecting(monkeypatch, sheet)
    again = xw.Book(json=payload(start, "plan.xlsx"))
    reply = excel.perform(action, again)
    assert reply.problem and reply.text == (
        f"{label}: The '{sheet}' sheet is protected, so it cannot be updated: unprotect it "
        "(Review > Unprotect Sheet) and click again.")
    assert emitted(again) == []
    monkeypatch.undo()
    refusing_to_clear(monkeypatch, sheet)
    again = xw.Book(json=payload(start, "plan.xlsx"))
    reply = excel.perform(action, again)
    assert reply.problem and reply.text == (
        f"{label} could not write the '{sheet}' sheet: Excel would not change it (Clear "
        "method of Range class failed). If the sheet or the workbook is protected, unprotect "
        "it (Review > Unprotect Sheet, or Protect Workbook to unprotect its structure), and "
        f"click {label} again. Until then that sheet may show an earlier result, or part of "
        "this one.")


def test_a_workbook_too_large_for_a_plan_is_said_in_words_by_every_button(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Update status said "[too-large] plan.xlsx: ...": a code meant for logs, in a message
    box."""
    monkeypatch.setattr(excel, "MAX_ROWS", 10)
    for action in (RibbonAction.VALIDATE, RibbonAction.UPDATE_STATUS):
        reply = excel.perform(action, book_from(example(HART)))
        label = action.value.replace("_", " ").capitalize()
        assert reply.problem and reply.text == (
            f"{label}: the workbook is far larger than any service plan (sheet Plan has over 10 "
            "rows). Check it is the right file; remove unused rows and sheets and save a copy.")


# --------------------------------------------------------------------------- New plan and Help


def test_new_plan_keeps_a_sheet_holding_only_a_picture() -> None:
    """A sheet with no values but the council's logo was deleted, picture and all."""
    data = payload(openpyxl.Workbook(), "Book1.xlsx")
    data["sheets"][0]["pictures"] = [{"name": "Council logo", "height": 50, "width": 120}]
    book = xw.Book(json=data)
    reply = excel.perform(RibbonAction.NEW_PLAN, book)
    assert reply.problem and "already holds data" in reply.text
    assert emitted(book) == []


def test_new_plan_fills_an_empty_workbook_with_the_template(tmp_path: Path) -> None:
    book = blank_book()
    reply = excel.perform(RibbonAction.NEW_PLAN, book)
    assert not reply.problem and reply.text.startswith("New plan: Plan, Priorities, KPIs")
    start = openpyxl.Workbook()
    applied = apply_actions(emitted(book), start)
    template = new_template()
    assert start.sheetnames == template.sheetnames  # the blank Sheet1 is gone
    assert applied.active == schema.PLAN_SHEET
    for sheet in template.worksheets:
        ours = start[sheet.title]
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        assert [[c.value for c in row] for row in ours.iter_rows(
            max_row=sheet.max_row, max_col=sheet.max_column)] == values
    kpis = start["KPIs"]
    assert str(kpis["A1"].fill.fgColor.rgb).endswith("1F4E79") and kpis["A1"].font.b
    assert kpis["H2"].number_format == "General" and kpis["I300"].number_format == "0.0%"
    assert kpis["A500"].number_format == "@"  # a Ref typed later stays text


@pytest.mark.parametrize("first", [RibbonAction.HELP, RibbonAction.VALIDATE,
                                   RibbonAction.CHECK_SETUP])
def test_new_plan_after_other_buttons_in_a_blank_workbook(first: RibbonAction) -> None:
    """A first-time officer clicks Help (a Guidance sheet) or Validate (a Checks sheet) first:
    those sheets are the tool's, not the officer's data, and New plan still works."""
    start = openpyxl.Workbook()
    clicks(first, start, times=1)
    reply = clicks_reply(RibbonAction.NEW_PLAN, start)
    assert not reply.problem and reply.text.startswith("New plan: Plan, Priorities, KPIs")
    assert start.sheetnames == new_template().sheetnames  # Guidance once, no Checks or Sheet
    assert [c.value for c in start[schema.GUIDANCE_SHEET]["A"]] == [
        c.value for c in new_template()[schema.GUIDANCE_SHEET]["A"]]


@pytest.mark.parametrize(("name", "cells"), [
    (schema.GUIDANCE_SHEET, {"A1": "Our team's guidance", "A2": "Ring Sam first"}),
    (schema.CHECKS_SHEET, {"A1": "Severity", "B1": "Who checks", "A2": "High"}),
    ("Notes", {"A1": "notes"}),
])
def test_new_plan_still_refuses_an_officers_own_sheet(name: str, cells: dict[str, str]) -> None:
    start = openpyxl.Workbook()
    sheet = start.create_sheet(name)
    for where, value in cells.items():
        sheet[where] = value
    book = xw.Book(json=payload(start, "Book1.xlsx"))
    reply = excel.perform(RibbonAction.NEW_PLAN, book)
    assert reply.problem and reply.text.startswith(
        "New plan fills an empty workbook, and this one already holds data.")
    assert emitted(book) == []


def test_a_ribbon_made_plan_says_the_allowed_values_it_has_no_dropdowns_for() -> None:
    """New plan cannot add dropdowns (not in the portable API): the Guidance and the Plan
    sheet's notes must not rely on them."""
    start = openpyxl.Workbook()
    clicks(RibbonAction.NEW_PLAN, start, times=1)
    assert not any(sheet.data_validations.dataValidation for sheet in start.worksheets)
    guidance = [str(c.value) for c in start[schema.GUIDANCE_SHEET]["A"]]
    assert not any("Dropdowns offer" in line for line in guidance)
    for header, allowed in (("Reporting Quarter", "Q1, Q2, Q3, Q4"), ("Risk Matrix", "4x4, 5x5")):
        assert any(line.startswith(f"{header}: ") and line.endswith(f"One of {allowed}.")
                   for line in guidance), header
    notes = {row[0]: row[2] for row in start[schema.PLAN_SHEET].iter_rows(values_only=True)}
    assert notes["Reporting Quarter"].startswith("Q1, Q2, Q3 or Q4")
    assert notes["Risk Matrix"].startswith("4x4 or 5x5")


def test_new_plan_refuses_a_workbook_with_data() -> None:
    book = book_from(example(HART))
    reply = excel.perform(RibbonAction.NEW_PLAN, book)
    assert reply.problem and "already holds data" in reply.text
    assert emitted(book) == []


def test_new_plan_will_not_add_a_sheet_over_an_empty_one_of_the_same_name() -> None:
    book = blank_book(sheets=("Sheet1", "kpis"))
    reply = excel.perform(RibbonAction.NEW_PLAN, book)
    assert reply.problem and "already has an (empty) sheet named kpis" in reply.text
    assert emitted(book) == []


def test_help_says_what_every_button_does() -> None:
    reply = excel.perform(RibbonAction.HELP, blank_book())
    assert reply.text.startswith("In a blank workbook, click New plan to start a service plan")
    for label in ("New plan", "Validate", "Update status", "Consolidate", "Check setup"):
        assert label in reply.text


def test_help_adds_the_guidance_sheet_or_refreshes_it() -> None:
    book = blank_book()
    excel.perform(RibbonAction.HELP, book)
    start = openpyxl.Workbook()
    applied = apply_actions(emitted(book), start)
    assert start.sheetnames == ["Sheet", schema.GUIDANCE_SHEET]
    assert applied.active == schema.GUIDANCE_SHEET
    guidance = new_template()[schema.GUIDANCE_SHEET]
    assert [c.value for c in start[schema.GUIDANCE_SHEET]["A"]] == [c.value for c in
                                                                   guidance["A"]]
    plan = book_from(example(HART))  # has a Guidance sheet: refreshed where it is
    excel.perform(RibbonAction.HELP, plan)
    actions = emitted(plan)
    assert actions[0]["func"] == "sheetClear"
    assert actions[0]["sheet_position"] == 9  # Guidance, the plan's last sheet


# --------------------------------------------------------------------------- Consolidate


def settings_filled(folder: str | None, quarter: str | None, *, year: str | None = None,
                    services: str | None = None) -> openpyxl.Workbook:
    """A summary workbook as Consolidate starts it, with the officer's settings typed in."""
    book = blank_book("Council summary.xlsx")
    reply = excel.perform(RibbonAction.CONSOLIDATE, book)
    assert "fill in the Folder and Quarter" in reply.text
    start = openpyxl.Workbook()
    apply_actions(emitted(book), start)
    settings = start[schema.SETTINGS_SHEET]
    for row, value in ((2, folder), (3, quarter), (4, year), (5, services)):
        assert settings.cell(row, 1).value == schema.SETTINGS_FIELDS[row - 2].header
        settings.cell(row, 2).value = value
    return start


def test_consolidate_writes_the_summary_the_command_line_writes(tmp_path: Path) -> None:
    day = dt.date(2022, 8, 12)
    cli_file = tmp_path / "summary.xlsx"
    CliRunner().invoke(main, ["consolidate", str(EXAMPLES), "--quarter", "Q1", "--as-of",
                              day.isoformat(), "--workers", "1", "-o", str(cli_file),
                              "--services", str(services_file(tmp_path))])
    start = settings_filled(str(EXAMPLES), "q1", services="Corporate Services;\nParks")
    book = xw.Book(json=payload(start, "Council summary.xlsx"))
    reply = excel.consolidate_plans(book, today=day)
    assert reply.problem and "Consolidated 2 plans for Q1 2022/23" in reply.text
    assert "3 file(s) not used cleanly and 1 service(s) missing" in reply.text
    applied = apply_actions(emitted(book), start)
    assert applied.written == set(COLUMNS) and applied.active == "Summary"
    start.save(tmp_path / "excel.xlsx")
    ours = openpyxl.load_workbook(tmp_path / "excel.xlsx")
    cli = openpyxl.load_workbook(cli_file)
    assert ours.sheetnames == [schema.SETTINGS_SHEET, "Sheet", *cli.sheetnames]
    def shown(cell: Any) -> tuple[Any, ...]:  # value, fill, and a number's format
        number = isinstance(cell.value, int | float)
        return cell.value, look(cell)[1], cell.number_format if number else None

    for name in cli.sheetnames:
        assert [[shown(c) for c in row] for row in cli[name].iter_rows()] == [
            [shown(c) for c in row] for row in ours[name].iter_rows()], name
    fills = {look(c)[1] for row in ours["Risks"].iter_rows() for c in row}
    assert {"1F4E79", "C6EFCE"} <= fills  # headers and the heat map's Low band, as in the file
    again = xw.Book(json=payload(ours, "Council summary.xlsx"))
    excel.consolidate_plans(again, today=day)
    funcs = [a["func"] for a in emitted(again)]
    assert funcs.count("sheetClear") == len(COLUMNS) and "addSheet" not in funcs


def test_a_summary_the_ribbon_drew_is_never_read_back_as_a_plan(tmp_path: Path) -> None:
    """Saved by Excel, the ribbon's summary has no document-property mark; it is known by its
    settings sheet. Read as a plan it was a service "Council summary" whose KPIs counted twice."""
    folder = tmp_path / "plans"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("source", "*.py"))
    day = dt.date(2022, 8, 12)
    start = settings_filled(str(folder), "Q1")
    for _ in range(2):  # saved among the plans, then consolidated again
        book = xw.Book(json=payload(start, "Council summary.xlsx"))
        reply = excel.consolidate_plans(book, today=day)
        assert "Consolidated 2 plans for Q1 2022/23" in reply.text, reply.text
        apply_actions(emitted(book), start)
        start.save(folder / "Council summary.xlsx")
    result = consolidate([folder], "Q1", today=day)
    ignored = [r for r in result.results if r.state is FileState.IGNORED]
    assert [(Path(r.file).name, r.code) for r in ignored] == [
        ("Council summary.xlsx", "summary-file")]
    assert sorted(r.service for r in result.used) == ["Corporate Services", "Housing Services"]
    # ... nor replaced by the command line's summary: it holds the officer's settings
    drawn = folder / "Council summary.xlsx"
    before = drawn.read_bytes()
    refused = CliRunner().invoke(main, ["consolidate", str(folder), "--quarter", "Q1", "-o",
                                        str(drawn)])
    assert refused.exit_code == 2, refused.output
    assert "is a council summary drawn in Excel" in refused.output
    assert drawn.read_bytes() == before


def services_file(folder: Path) -> Path:
    path = folder / "services.txt"
    path.write_text("Corporate Services\nParks\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("folder", "quarter", "message"), [
    (None, "Q1", "Type the folder of the service plans in 'xl_plans settings'!B2"),
    ("no such folder", "Q1", "is relative, and this workbook has no folder on this computer"),
    ("/no/such/folder", "Q1", "The folder in 'xl_plans settings'!B2 does not exist"),
    (str(EXAMPLES), "Q5", "The Quarter in 'xl_plans settings'!B3 is 'Q5': type Q1, Q2"),
    (str(EXAMPLES), None, "The Quarter in 'xl_plans settings'!B3 is blank"),
])
def test_consolidate_says_what_is_wrong_with_the_settings(folder: str | None,
                                                          quarter: str | None,
                                                          message: str) -> None:
    book = xw.Book(json=payload(settings_filled(folder, quarter), "Council summary.xlsx"))
    reply = excel.perform(RibbonAction.CONSOLIDATE, book)
    assert reply.problem and message in reply.text
    assert emitted(book) == []


ONEDRIVE = ("https://westshire-my.sharepoint.com/personal/jo_bloggs_westshire_gov_uk/Documents/"
            "Plans/Council summary.xlsx")


@pytest.fixture
def open_from_onedrive(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workbooks open from OneDrive, SharePoint or Teams with no synced copy: Excel's full name
    is a web address, which xlwings' Windows and Mac engines turn into a local path with this
    function, raising when there is none."""
    for variable in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(xw.Book, "fullname", property(
        lambda _book: fullname_url_to_local_path(url=ONEDRIVE)))


@pytest.mark.usefixtures("open_from_onedrive")
def test_the_buttons_work_in_a_workbook_open_from_onedrive() -> None:
    """Every button failed with "could not finish (XlwingsError: Couldn't find the local
    OneDrive for Business folder ...)": only Consolidate needs the workbook's folder, and
    only for a relative Folder."""
    with pytest.raises(xw.XlwingsError):
        xw.Book(json=payload_from(example(HART))).fullname  # noqa: B018  (as xlwings does)
    plan = book_from(example(HART))
    for action in (RibbonAction.VALIDATE, RibbonAction.UPDATE_STATUS):
        reply = excel.perform(action, plan)
        assert "could not finish" not in reply.text, reply.text
    assert excel.read_book(book_from(example(HART))).plan.file == example(HART).name
    summary = xw.Book(json=payload(settings_filled(str(EXAMPLES), "Q1"), "Council summary.xlsx"))
    reply = excel.consolidate_plans(summary, today=dt.date(2022, 8, 12))
    assert "Consolidated 2 plans for Q1 2022/23" in reply.text, reply.text
    relative = xw.Book(json=payload(settings_filled("Plans", "Q1"), "Council summary.xlsx"))
    reply = excel.perform(RibbonAction.CONSOLIDATE, relative)
    assert reply.problem and reply.text == (
        "Consolidate: The folder in 'xl_plans settings'!B2 is relative, and this workbook has "
        "no folder on this computer (it has not been saved, or it is open from OneDrive, "
        "SharePoint or Teams): give the full path of the plans' folder on this computer, or "
        "save the workbook in a folder first.")
    assert emitted(relative) == []


@pytest.mark.parametrize(("fullname", "path"), [
    ("C:\\Users\\jo\\Plans\\Housing.xlsx", "C:\\Users\\jo\\Plans\\Housing.xlsx"),
    ("\\\\council\\plans\\Housing.xlsx", "\\\\council\\plans\\Housing.xlsx"),
    ("/Users/jo/Plans/Housing.xlsx", "/Users/jo/Plans/Housing.xlsx"),
    ("Book1", None),  # not saved yet
    ("https://westshire.sharepoint.com/sites/Plans/Housing.xlsx", None),  # Excel on the web
])
def test_a_workbook_s_path_on_this_computer(monkeypatch: pytest.MonkeyPatch, fullname: str,
                                            path: str | None) -> None:
    monkeypatch.setattr(xw.Book, "fullname", property(lambda _book: fullname))
    assert excel.local_path(blank_book()) == path


def test_consolidate_never_replaces_a_sheet_it_did_not_write(tmp_path: Path) -> None:
    start = settings_filled(str(EXAMPLES), "Q1")
    start.create_sheet("KPIs")["A1"] = "My own KPI notes"
    book = xw.Book(json=payload(start, "Council summary.xlsx"))
    reply = excel.perform(RibbonAction.CONSOLIDATE, book)
    assert reply.problem and "The sheet 'KPIs' was not written by xl_plans" in reply.text
    assert emitted(book) == []


def test_consolidate_in_a_plan_and_plan_buttons_in_a_summary_are_refused() -> None:
    plan = book_from(example(HART))
    reply = excel.perform(RibbonAction.CONSOLIDATE, plan)
    assert reply.problem and "looks like a service plan" in reply.text
    summary = xw.Book(json=payload(settings_filled(str(EXAMPLES), "Q1"), "Summary.xlsx"))
    for action in (RibbonAction.VALIDATE, RibbonAction.UPDATE_STATUS):
        reply = excel.perform(action, summary)
        assert reply.problem and "This is a council summary workbook" in reply.text
    assert emitted(plan) == emitted(summary) == []


# --------------------------------------------------------------------------- Check setup


def test_check_setup_reports_versions_and_the_policy() -> None:
    book = blank_book()
    reply = excel.perform(RibbonAction.CHECK_SETUP, book)
    assert f"xlwings: {xw.__version__}" in reply.text
    assert "Scoring policy: 'xl_plans defaults' (version 1)" in reply.text
    assert emitted(book) == []  # a message only: the workbook is not touched


def test_check_setup_shows_a_bad_policy_file_as_a_problem(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bad = tmp_path / "policy.toml"
    bad.write_text("[kpi]\ntolerance = 'ten'\n", encoding="utf-8")
    monkeypatch.setenv(POLICY_VARIABLE, str(bad))
    book = blank_book()
    excel.run(RibbonAction.CHECK_SETUP, book)
    [alert] = [a["args"] for a in emitted(book)]
    assert alert[1:4] == ["Service Plans", "ok", "critical"]
    assert alert[0].startswith("1 problem to fix.") and "policy.toml" in alert[0]
    validate = book_from(example(HART))  # and the plan buttons refuse plainly
    excel.run(RibbonAction.VALIDATE, validate)
    [alert] = [a["args"] for a in emitted(validate)]
    assert alert[0].startswith("Validate: The scoring policy cannot be used: policy.toml")


# --------------------------------------------------------------------------- the dispatcher


def test_run_acts_on_the_calling_workbook_and_answers_in_a_message_box(
        monkeypatch: pytest.MonkeyPatch) -> None:
    book = book_from(example(HART))
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: book))
    excel.run("validate")
    actions = emitted(book)
    assert actions[-1]["func"] == "alert"
    assert actions[-1]["args"] == [
        "Validate: no errors, 8 warnings, no queries. Each is listed on the Checks sheet with "
        "a link to its cell.", "Service Plans", "ok", "info", ""]


def test_every_button_has_an_action() -> None:
    assert set(excel.ACTIONS) == set(RibbonAction)


def test_an_unknown_button_is_a_plain_message() -> None:
    book = blank_book()
    excel.run("print_plan", book)
    [alert] = [a["args"] for a in emitted(book)]
    assert alert[0].startswith("'print_plan' is not a Service Plans button")


def test_a_broken_workbook_gives_one_line_never_a_traceback(tmp_path: Path) -> None:
    data = payload_from(example(HART))
    data["sheets"][2]["values"] = [["Ref", "Indicator"], None]  # a row missing
    book = xw.Book(json=data)
    excel.run("validate", book)
    actions = emitted(book)
    alert = actions[-1]["args"]
    assert alert[3] == "critical" and "\n" not in alert[0] and "Traceback" not in alert[0]
    assert alert[0].startswith("Validate could not finish (") and "Please report" in alert[0]
    start = openpyxl.load_workbook(example(HART))
    apply_actions(actions, start)
    checks = [c.value for c in start[schema.CHECKS_SHEET][2]]  # no stale list of problems
    assert checks[:3] == ["Error", "(the file)", "internal-error"]
    assert checks[5].startswith("xl_plans could not check this workbook (")


def test_without_a_calling_workbook_the_message_goes_to_stderr(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_caller() -> xw.Book:
        raise RuntimeError("Book.caller() is only available when called from Excel")

    monkeypatch.setattr(xw.Book, "caller", staticmethod(no_caller))
    with pytest.raises(SystemExit) as stopped:
        excel.run("validate")
    assert str(stopped.value) == (
        "Service Plans: Python could not reach the workbook (RuntimeError: Book.caller() is "
        "only available when called from Excel). Click Check setup, or see the install guide.")


def clicks(action: RibbonAction, start: openpyxl.Workbook, times: int = 2) -> set[str]:
    """Click a button `times` times on a workbook (each click sees what the one before wrote,
    its alert included); the action types emitted."""
    used: set[str] = set()
    for _ in range(times):
        book = xw.Book(json=payload(start, "Book.xlsx"))
        excel.run(action, book)
        actions = emitted(book)
        apply_actions(actions, start)
        used |= {a["func"] for a in actions}
    return used


def clicks_reply(action: RibbonAction, start: openpyxl.Workbook) -> excel.Reply:
    """Click a button once on a workbook, applying what it did; its reply."""
    book = xw.Book(json=payload(start, "Book1.xlsx"))
    reply = excel.perform(action, book)
    apply_actions(emitted(book), start)
    return reply


def test_every_action_type_any_button_emits_is_one_the_office_js_client_handles() -> None:
    """Every button on the workbooks it is meant for, twice (the second click replaces what
    the first wrote): all action types are on the client's list (checked by emitted()), and
    they are these."""
    plan = lambda: openpyxl.load_workbook(example(HART))  # noqa: E731
    summary = openpyxl.Workbook()
    used = (clicks(RibbonAction.NEW_PLAN, openpyxl.Workbook(), times=1)
            | clicks(RibbonAction.VALIDATE, plan()) | clicks(RibbonAction.UPDATE_STATUS, plan())
            | clicks(RibbonAction.CONSOLIDATE, summary, times=1)
            | clicks(RibbonAction.CHECK_SETUP, plan()) | clicks(RibbonAction.HELP, plan()))
    summary[schema.SETTINGS_SHEET]["B2"] = str(EXAMPLES)
    summary[schema.SETTINGS_SHEET]["B3"] = "Q1"
    used |= clicks(RibbonAction.CONSOLIDATE, summary)
    assert used == {"addSheet", "sheetClear", "sheetDelete", "setValues", "setRangeColor",
                    "setFontProperty", "setNumberFormat", "addHyperlink", "setAutofit",
                    "activateSheet", "alert"}
