"""The template an officer fills in, and the `xl-plans new` command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from libreoffice import convert

from xl_plans import schema
from xl_plans.cli import main
from xl_plans.reader import read_workbook
from xl_plans.template import document_title, new_template, save_workbook


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "housing.xlsx"
    save_workbook(new_template("Housing", "2024/25", "Three Rivers District Council"), path)
    return path


def test_template_has_every_sheet_and_header(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == [schema.PLAN_SHEET, *(s.name for s in schema.SHEETS),
                               schema.GUIDANCE_SHEET]
    for spec in schema.SHEETS:
        sheet = book[spec.name]
        assert [c.value for c in sheet[1]] == [c.header for c in spec.columns]
        assert sheet.freeze_panes in ("A2", "C2")
        assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("1F4E79")
        for index, column in enumerate(spec.columns, start=1):
            dimension = sheet.column_dimensions[openpyxl.utils.get_column_letter(index)]
            assert dimension.width == column.width
            assert dimension.number_format == column.format


def test_every_choice_column_has_a_dropdown(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    for spec in schema.SHEETS:
        lists = {str(v.sqref): v.formula1 for v in book[spec.name].data_validations.dataValidation}
        for index, column in enumerate(spec.columns, start=1):
            if column.choices is None:
                continue
            letter = openpyxl.utils.get_column_letter(index)
            key = f"{letter}2:{letter}{schema.TEMPLATE_ROWS}"
            assert lists[key] == '"' + ",".join(schema.choice_labels(column.choices)) + '"'
    plan_lists = [v.formula1 for v in book[schema.PLAN_SHEET].data_validations.dataValidation]
    assert '"Q1,Q2,Q3,Q4"' in plan_lists and '"4x4,5x5"' in plan_lists


def test_plan_sheet_is_filled_and_stamped(template: Path) -> None:
    details = read_workbook(template).plan.details
    assert (details.service, details.plan_year, details.council, details.template_version) == (
        "Housing", "2024/25", "Three Rivers District Council", schema.TEMPLATE_VERSION)
    guidance = openpyxl.load_workbook(template)[schema.GUIDANCE_SHEET]
    text = "\n".join(str(row[0].value) for row in guidance.iter_rows())
    assert "KPI Years" in text and "Template version " + schema.TEMPLATE_VERSION in text


def test_guidance_lists_every_choice_without_relying_on_dropdowns(template: Path) -> None:
    """A plan made with the ribbon's New plan has no dropdowns: every allowed list is in the
    Guidance, the Plan sheet's choices too."""
    lines = [str(c.value) for c in openpyxl.load_workbook(template)[schema.GUIDANCE_SHEET]["A"]]
    assert not any("Dropdowns offer" in line for line in lines)
    for column in (*schema.PLAN_FIELDS, *(c for spec in schema.SHEETS for c in spec.columns)):
        if column.choices is not None:
            allowed = ", ".join(schema.choice_labels(column.choices))
            assert f"{column.header}: one of {allowed}." in lines, column.header


def test_template_opens_in_libreoffice(template: Path, tmp_path: Path) -> None:
    out = tmp_path / "lo"
    out.mkdir()
    resaved = convert(template, "xlsx", out)
    read = read_workbook(resaved)  # what LibreOffice saved is still our plan
    assert read.plan.details.service == "Housing"
    assert all(found.name == name for name, found in read.found.items())
    book = openpyxl.load_workbook(resaved)
    assert book["Priorities"].data_validations.dataValidation  # dropdowns survived


def test_text_that_looks_like_a_formula_stays_text(make_plan: Callable[..., Path]) -> None:
    path = make_plan({"Priorities": [{"Ref": "1", "Priority": '=HYPERLINK("http://x","go")',
                                      "Outcome": "#N/A", "Update": "+44 1252 622122"}]})
    sheet = openpyxl.load_workbook(path)["Priorities"]
    assert [sheet[a].data_type for a in ("B2", "D2", "I2")] == ["s", "s", "s"]
    (row,) = read_workbook(path).plan.priorities
    assert (row.priority, row.outcome, row.update) == ('=HYPERLINK("http://x","go")', "#N/A",
                                                       "+44 1252 622122")


def test_cli_new_writes_a_plan_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "housing.xlsx"
    runner = CliRunner()
    args = ["new", "--service", "Housing", "--year", "2024/25", "-o", str(target)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert read_workbook(target).plan.details.service == "Housing"
    before = target.read_bytes()
    again = runner.invoke(main, args)
    assert again.exit_code == 2
    assert "already exists" in again.output and "Traceback" not in again.output
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["housing.xlsx"]  # no temp files left


def test_cli_new_refuses_other_formats(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["new", "--service", "H", "--year", "2024/25",
                                       "-o", str(tmp_path / "plan.xls")])
    assert result.exit_code == 2 and ".xlsx" in result.output


def test_cli_summary_of_examples_and_a_bad_file(examples: Path, tmp_path: Path) -> None:
    bad = tmp_path / "empty.xlsx"
    bad.write_bytes(b"")
    result = CliRunner().invoke(main, ["summary", str(examples), str(bad)])
    assert result.exit_code == 1
    assert "[file-empty] " in result.output and "empty.xlsx: the file is empty" in result.output
    assert "5 plan(s) read, 1 unreadable" in result.output
    assert "Community Services" in result.output and "Traceback" not in result.output


def test_control_characters_in_the_service_never_break_the_file(tmp_path: Path) -> None:
    """The document title (File > Info) is cleaned as cell text is: a bell or a start-of-
    heading character pasted into --service made a core.xml that is not XML."""
    target = tmp_path / "bell.xlsx"
    result = CliRunner().invoke(main, ["new", "--service", "Bell\x07\x01", "--council",
                                       "Three\x0bRivers", "--year", "2024/25", "-o",
                                       str(target)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)  # before, ParseError: not well-formed
    assert book.properties.title == "Service plan: Bell"
    assert read_workbook(target).plan.details.service == "Bell"
    assert read_workbook(target).plan.details.council == "ThreeRivers"


def test_the_title_keeps_what_xml_can_carry(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    save_workbook(new_template("Parks \U0001f333 & <Open> Spaces", "2024/25"), path)
    assert openpyxl.load_workbook(path).properties.title == \
        "Service plan: Parks \U0001f333 & <Open> Spaces"
    assert document_title(" Parks\x00\ufffe\uffff\ud800 ") == "Parks\ufffd"
