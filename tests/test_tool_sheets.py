"""An officer's own sheet that happens to share a name with one of ours is never replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import example
from xlwings_payload import actions_of, book_from

from xl_plans import excel, schema
from xl_plans.cli import main


@pytest.fixture
def plan_with_own_status(tmp_path: Path) -> Path:
    path = tmp_path / "plan.xlsx"
    shutil.copy(example("hart_corporate_services_2022_23"), path)  # reports Q1
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


def test_our_own_sheets_are_recognised() -> None:
    assert schema.written_by_tool("Status", "Status: Housing Services 2022/23, Q1")
    assert schema.written_by_tool("Checks", "Severity")
    assert schema.written_by_tool("Guidance", schema.GUIDANCE_TITLE)
    assert not schema.written_by_tool("Status", "My own project tracker")
    assert not schema.written_by_tool("Status", None)
    assert not schema.written_by_tool("Budget", "Status: x")
