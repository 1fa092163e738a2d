"""The template an officer fills in, and the `xl-plans new` command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from libreoffice import convert, typed_into

from xl_plans import schema
from xl_plans.cli import main
from xl_plans.reader import read_workbook
from xl_plans.template import document_title, new_template, save_workbook, tables_workbook


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
            assert any(line.startswith(f"{column.header}: ") and f"One of {allowed}." in line
                       for line in lines), column.header


def test_every_scoring_column_is_explained_where_it_is_filled_in(template: Path) -> None:
    """Measure, Polarity, Tolerance and the risk scores decide every rating, and nothing in
    the workbook said what they meant: each column's help is the message Excel shows when one
    of its cells is selected, and a line of the Guidance."""
    book = openpyxl.load_workbook(template)
    guidance = [str(c.value) for c in book[schema.GUIDANCE_SHEET]["A"]]
    explained = 0
    for spec in schema.SHEETS:
        prompts = {str(v.sqref): v.prompt for v in book[spec.name].data_validations.dataValidation
                   if v.showInputMessage}
        for index, column in enumerate(spec.columns, start=1):
            if not column.help:
                continue
            letter = openpyxl.utils.get_column_letter(index)
            assert prompts[f"{letter}2:{letter}{schema.TEMPLATE_ROWS}"] == column.help
            assert any(line.startswith(f"{column.header}: {column.help}") for line in guidance)
            explained += 1
    assert explained >= 20
    kpis = {c.field: c.help for c in schema.SHEETS_BY_NAME["KPIs"].columns}
    assert "pro rata" in kpis["measure"] and "45%" in kpis["tolerance"]


def test_risk_scores_are_whole_numbers_from_1_to_5(template: Path) -> None:
    """"Medium" typed as a likelihood was caught only by Validate."""
    sheet = openpyxl.load_workbook(template)["Risks"]
    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    for index, column in enumerate(schema.SHEETS_BY_NAME["Risks"].columns, start=1):
        letter = openpyxl.utils.get_column_letter(index)
        rule = rules.get(f"{letter}2:{letter}{schema.TEMPLATE_ROWS}")
        if "Likelihood" in column.header or "Impact" in column.header:
            assert rule is not None and (rule.type, rule.formula1, rule.formula2) == (
                "whole", "1", "5"), column.header
            assert rule.showErrorMessage


def test_date_columns_take_the_format_of_what_is_typed(template: Path, tmp_path: Path) -> None:
    """Date columns were formatted dd/mm/yyyy. A review date typed "2019" (seed 003) then
    became 11/07/1905, a review long passed; and "March 2025" became 01/03/2025, a deadline a
    month early, where in a General column Excel shows it as "Mar-25", which is read as the
    whole month (cells.month_format). Typed in LibreOffice, as an officer types them."""
    book = openpyxl.load_workbook(template)
    for spec in schema.SHEETS:
        for index, column in enumerate(spec.columns, start=1):
            if column.kind is schema.Kind.WHEN:
                letter = openpyxl.utils.get_column_letter(index)
                assert book[spec.name].column_dimensions[letter].number_format == "General"
    typed = typed_into(template, [("Contracts", "J2", "2019"), ("Contracts", "I2", "2026"),
                                  ("Risks", "L2", "2025")], tmp_path / "typed.xlsx")
    plan = read_workbook(typed).plan
    [contract] = plan.contracts
    assert (contract.review_date.start, contract.review_date.end) == (
        dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert contract.end_date.end == dt.date(2026, 12, 31)
    [risk] = plan.risks
    assert risk.review_date.end == dt.date(2025, 12, 31)
    # "March 2025" as Excel stores it typed into a General cell: the 1st, shown "mmm-yy"
    sheet = book["Priorities"]
    sheet["A2"], sheet["B2"], sheet["E2"] = "P1", "Homes", dt.datetime(2025, 3, 1)
    sheet["E2"].number_format = "mmm-yy"
    book.save(tmp_path / "excel.xlsx")
    [priority] = read_workbook(tmp_path / "excel.xlsx").plan.priorities
    assert priority.target_date.end == dt.date(2025, 3, 31)


def test_a_date_written_into_the_template_shows_as_a_date(tmp_path: Path) -> None:
    """Date columns are left General for what officers type; a date xl_plans writes (a plan
    copied into the template) still shows as a date, not as a serial number."""
    path = tmp_path / "plan.xlsx"
    save_workbook(tables_workbook({"Plan": {"Service": "Housing", "Plan Year": "2024/25"},
                                   "Priorities": [{"Ref": "P1", "Priority": "Homes",
                                                   "Target Date": dt.date(2025, 1, 31)}]}),
                  path)
    cell = openpyxl.load_workbook(path)["Priorities"]["E2"]
    assert cell.value == dt.datetime(2025, 1, 31) and cell.number_format == schema.DATE_FORMAT


def test_every_sheet_prints_one_page_wide_with_its_header(template: Path) -> None:
    """The empty template printed 32 pages, the KPIs sheet 7 pages wide."""
    book = openpyxl.load_workbook(template)
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert (setup.fitToWidth, setup.fitToHeight, setup.paperSize) == (1, 0, 9), sheet.title
        if sheet.title != schema.GUIDANCE_SHEET:
            assert sheet.print_title_rows == "$1:$1", sheet.title
    guidance = book[schema.GUIDANCE_SHEET]
    long_rows = [row for row in range(2, guidance.max_row + 1)
                 if len(str(guidance.cell(row, 1).value)) > 150]
    assert long_rows and all(guidance.row_dimensions[row].height >= 30 for row in long_rows)


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
