"""An officer's own sheet that happens to share a name with one of ours is never replaced; the
sheets xl_plans wrote, in this release or an earlier one, are."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlwings as xw
from click.testing import CliRunner
from conftest import example
from xlwings_payload import actions_of, apply_actions, book_from, payload

from xl_plans import excel, schema
from xl_plans.cli import main
from xl_plans.ribbon_ids import RibbonAction

HART = "hart_corporate_services_2022_23"  # reports Q1


@pytest.fixture
def plan_with_own_status(tmp_path: Path) -> Path:
    path = tmp_path / "plan.xlsx"
    shutil.copy(example(HART), path)
    book = openpyxl.load_workbook(path)
    book.create_sheet(schema.STATUS_SHEET)["A1"] = "My own project tracker"
    book.save(path)
    return path


def test_status_in_place_refuses_to_replace_an_officers_sheet(plan_with_own_status: Path) -> None:
    before = plan_with_own_status.read_bytes()
    result = CliRunner().invoke(main, ["status", str(plan_with_own_status), "--quarter", "Q1",
                                       "--in-place"])
    assert result.exit_code == 2
    assert "did not write" in result.output and "Traceback" not in result.output
    assert plan_with_own_status.read_bytes() == before


def test_ribbon_update_status_refuses_to_clear_an_officers_sheet(
        plan_with_own_status: Path) -> None:
    book = book_from(plan_with_own_status)
    reply = excel.perform("update_status", book)
    assert reply.problem and "did not write" in reply.text
    assert not any(a["func"] in ("sheetClear", "sheetDelete", "setValues")
                   for a in actions_of(book)
                   if a.get("sheet_position") == len(book.sheets) - 1)


# The top rows of sheets xl_plans wrote: this release's, and earlier releases' (no council,
# no file name, another version) as status_sheet._title and checks_layout have written them.
NOTE = ("Hart District Council. Computed from plan.xlsx as of 12 Aug 2022 under the policy "
        "'xl_plans defaults' (version 1) by xl_plans 0.1.0. Do not edit: compute it again "
        "instead.")
EARLIER_NOTE = ("Computed as of 1 Jul 2022 under the policy 'Hart 2022' (version 3) by "
                "xl_plans 0.0.9. Do not edit: compute it again instead.")
TITLE = "Status: Corporate Services 2022/23, Q1"


@pytest.mark.parametrize(("sheet", "top", "ours"), [
    ("Status", [[TITLE], [NOTE]], True),
    ("Status", [["Status: service plan, Q4"], [EARLIER_NOTE]], True),
    ("Checks", [list(schema.CHECKS_HEADERS)], True),
    ("Checks", [[*schema.CHECKS_HEADERS, None], ["Error", "KPIs!N2"]], True),
    ("Guidance", [[schema.GUIDANCE_TITLE]], True),
    # an officer's own sheets of those names
    ("Status", [["Status: draft for CMT"], ["my notes, keep me"]], False),
    ("Status", [[TITLE], ["my notes, keep me"]], False),  # a title like ours, no note
    ("Status", [["My own project tracker"]], False),
    ("Status", [[None]], False),
    ("Checks", [["Severity", "my own checklist"], ["Call finance"]], False),
    ("Checks", [["Severity"]], False),
    ("Guidance", [[schema.GUIDANCE_TITLE + " (our notes)"]], False),
    ("Budget", [[TITLE], [NOTE]], False),  # not a name xl_plans writes
    ("Status", [], False),
])
def test_our_own_sheets_are_recognised(sheet: str, top: Any, ours: bool) -> None:
    assert schema.written_by_tool(sheet, top) is ours


def with_sheet(name: str, rows: list[list[Any]], first: bool = False) -> openpyxl.Workbook:
    book = openpyxl.load_workbook(example(HART))
    if name in book.sheetnames:  # HART's own Guidance: this one stands in for it
        book.remove(book[name])
    sheet = book.create_sheet(name, 0 if first else None)
    for row in rows:
        sheet.append(row)
    return book


@pytest.mark.parametrize(("name", "rows", "action"), [
    ("Status", [["Status: draft for CMT"], ["my notes, keep me"]], RibbonAction.UPDATE_STATUS),
    ("Status", [[TITLE], ["my notes, keep me"]], RibbonAction.UPDATE_STATUS),
    ("Checks", [["Severity", "my own checklist"], ["Call finance"]], RibbonAction.VALIDATE),
    ("Guidance", [["How to fill in this service plan, by Sam"]], RibbonAction.HELP),
])
def test_the_ribbon_never_clears_an_officers_sheet_that_looks_like_ours(
        name: str, rows: list[list[Any]], action: RibbonAction) -> None:
    start = with_sheet(name, rows, first=name == schema.CHECKS_SHEET)
    book = xw.Book(json=payload(start, "plan.xlsx"))
    reply = excel.perform(action, book)
    assert reply.problem and reply.text.endswith(
        f"The workbook already has a sheet named '{name}' that xl_plans did not write, and it "
        "would be replaced: rename that sheet, then try again.")
    assert actions_of(book) == []
    apply_actions(actions_of(book), start)
    assert [[c.value for c in row] for row in start[name].iter_rows()] == [
        row + [None] * (start[name].max_column - len(row)) for row in rows]


@pytest.mark.parametrize(("name", "rows", "action"), [
    ("Status", [[TITLE], [EARLIER_NOTE], [], ["Key performance indicators (13)"]],
     RibbonAction.UPDATE_STATUS),
    ("Checks", [list(schema.CHECKS_HEADERS), ["Warning", "KPIs!H3", "target-missing"]],
     RibbonAction.VALIDATE),
    ("Guidance", [[schema.GUIDANCE_TITLE], ["Fill in the Plan sheet first"]], RibbonAction.HELP),
])
def test_the_ribbon_replaces_the_sheets_earlier_releases_wrote(
        name: str, rows: list[list[Any]], action: RibbonAction) -> None:
    start = with_sheet(name, rows, first=name == schema.CHECKS_SHEET)
    position = start.sheetnames.index(name)
    book = xw.Book(json=payload(start, "plan.xlsx"))
    reply = excel.perform(action, book)
    assert "did not write" not in reply.text
    actions = actions_of(book)
    assert (actions[0]["func"], actions[0]["sheet_position"]) == ("sheetClear", position)
    assert "addSheet" not in {a["func"] for a in actions}


def test_the_ribbon_replaces_what_the_command_line_wrote(tmp_path: Path) -> None:
    plan = tmp_path / "plan.xlsx"
    shutil.copy(example(HART), plan)
    assert CliRunner().invoke(main, ["status", str(plan), "--in-place"]).exit_code == 0
    checked = tmp_path / "checked.xlsx"
    CliRunner().invoke(main, ["validate", str(plan), "--checks-sheet", str(checked)])
    for action in (RibbonAction.UPDATE_STATUS, RibbonAction.VALIDATE):
        book = book_from(checked)
        reply = excel.perform(action, book)
        assert "did not write" not in reply.text
        assert actions_of(book)[0]["func"] == "sheetClear"


def test_status_in_place_refuses_an_officers_status_titled_like_ours(tmp_path: Path) -> None:
    """The command line reads only A1 (inplace.tool_sheet), where the mark is now whole."""
    plan = tmp_path / "plan.xlsx"
    with_sheet("Status", [["Status: draft for CMT"], ["my notes, keep me"]]).save(plan)
    before = plan.read_bytes()
    result = CliRunner().invoke(main, ["status", str(plan), "--quarter", "Q1", "--in-place"])
    assert result.exit_code == 2 and "did not write" in result.output
    assert plan.read_bytes() == before


@pytest.mark.parametrize(("name", "rows", "command"), [
    ("Checks", [["Severity"], ["Call finance"]], ["validate", "--checks-sheet"]),
    ("Status", [["Status: draft for CMT"], ["my notes, keep me"]], ["status", "--in-place"]),
])
def test_the_command_line_knows_an_officers_sheet_by_its_top_rows(
        tmp_path: Path, name: str, rows: list[list[Any]], command: list[str]) -> None:
    """The copies the command line writes read the same top rows as the ribbon (A1 alone let
    an officer's Checks list headed "Severity" be replaced in the copy)."""
    plan = tmp_path / "plan.xlsx"
    with_sheet(name, rows).save(plan)
    before = plan.read_bytes()
    out = tmp_path / "out.xlsx"
    verb, option = command
    result = CliRunner().invoke(main, [verb, str(plan), option,
                                       *([str(out)] if verb == "validate" else [])])
    assert result.exit_code == 2, result.output
    assert f"already has a sheet named '{name}' that xl_plans did not write" in result.output
    assert not out.exists() and plan.read_bytes() == before
