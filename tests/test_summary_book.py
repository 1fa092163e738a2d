"""The council summary as a finance or performance officer reads it: figures in their units,
rows tall enough to read when printed, an honest date, CSVs that never replace a protected
file, and a command line that names files and refuses what it cannot use."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import files_in
from libreoffice import convert
from test_consolidate import plan_tables, two_matrix_folder

from xl_plans.cli import main
from xl_plans.consolidate import consolidate
from xl_plans.council_summary import write_summary
from xl_plans.sheet_xml import text_lines
from xl_plans.summary_book import FILLS

AS_OF = dt.date(2023, 10, 15)
LONG = ("Staff shortages in the contact centre over the summer meant calls waited longer; "
        "two new starters joined in September and the figure is expected to recover by Q3. ")


def invoke(*args: Any) -> Any:
    return CliRunner().invoke(main, [str(a) for a in args])


def header_row(sheet: Any) -> tuple[int, list[Any]]:
    """The 1-based row of a summary table's header (under the titles) and its names."""
    for row in sheet.iter_rows(min_row=1, max_row=40):
        if row[0].value in ("Service", "Directorate", "File"):
            return row[0].row, [c.value for c in row]
    raise AssertionError("no header row")


def width(sheet: Any, column: int) -> float:
    """A column's width (XlsxWriter writes neighbours of one width as one range)."""
    return next(d.width for d in sheet.column_dimensions.values() if d.min <= column <= d.max)


def table(sheet: Any) -> list[dict[str, Any]]:
    """The table's cells (openpyxl cells, by header) under its header row."""
    top, names = header_row(sheet)
    return [dict(zip(names, row, strict=False))
            for row in sheet.iter_rows(min_row=top + 1) if row[0].value is not None]


@pytest.fixture
def unit_folder(make_plan: Callable[..., Path], tmp_path: Path) -> Path:
    """One plan with a KPI in each unit, a long comment, and a half-done overdue priority."""
    folder = tmp_path / "plans"
    folder.mkdir()
    kpi = {"Polarity": "Higher is better", "Measure": "Snapshot"}
    tables = plan_tables("Housing", "Community", 100, 90, 3, Priorities=[
        {"Ref": "P1", "Priority": "Homes", "Outcome": "Sites allocated",
         "Target Date": dt.date(2023, 6, 30), "Status": "On track", "% Complete": 0.5}])
    tables["KPIs"] = [
        {**kpi, "Ref": "K1", "Indicator": "Calls answered", "Unit": "%", "Annual Target": 0.9,
         "Q1": 0.85, "Q2": 0.8, "Comment": LONG * 3},
        {**kpi, "Ref": "K2", "Indicator": "Income", "Unit": "£", "Annual Target": 1500.5,
         "Q1": 1200, "Q2": 1400},
        {**kpi, "Ref": "K3", "Indicator": "Visits", "Unit": "Number", "Annual Target": 1200,
         "Q1": 1100, "Q2": "-"},
        {**kpi, "Ref": "K4", "Indicator": "Budget balanced", "Unit": "Yes/No",
         "Annual Target": 1, "Q1": 0, "Q2": 1},
        # a % KPI typed as plain numbers, and a % target making a blank-unit KPI a % one
        {**kpi, "Ref": "K5", "Indicator": "Rent collected", "Unit": "%", "Annual Target": 97,
         "Q1": 85, "Q2": 96},
        {**kpi, "Ref": "K6", "Indicator": "Repairs on time", "Annual Target": "85%",
         "Q1": 0.7, "Q2": 0.8},
    ]
    shutil.move(make_plan(tables, "housing.xlsx"), folder)
    return folder


def test_kpi_figures_are_shown_in_their_unit_and_progress_as_a_percentage(
        unit_folder: Path, tmp_path: Path) -> None:
    out = write_summary(consolidate([unit_folder], "Q2", today=AS_OF), tmp_path / "c.xlsx")
    book = openpyxl.load_workbook(out)
    kpis = {row["Ref"].value: row for row in table(book["KPIs"])}
    figures = ("Annual Target", "Q1", "Actual", "Expected")
    assert {k: [kpis[k][c].number_format for c in figures] for k in ("K1", "K2", "K4")} == {
        "K1": ["0.0%"] * 4, "K2": ['"£"#,##0.00'] * 4, "K4": ['"Yes";"Yes";"No"'] * 4}
    assert kpis["K3"]["Q1"].number_format == "General"  # "#,##0.##" shows 40 as "40." in Excel
    # words typed are beside the figures, which stay numbers (or blank) for Power BI
    assert kpis["K3"]["Q2"].value is None and kpis["K3"]["Figures as typed"].value == "Q2: -"
    assert kpis["K1"]["Actual"].value == 0.8  # still the number, only shown as 80.0%
    # Figures as the RAG read them, on one scale, in the unit it read them in (97 typed in a
    # % KPI showed as 9700.0%; the blank-unit % KPI's 0.8 as 0.8).
    assert {k: [kpis[k][c].value for c in ("Unit", *figures)] for k in ("K5", "K6")} == {
        "K5": ["%", 0.97, 0.85, 0.96, 0.97], "K6": ["%", 0.85, 0.7, 0.8, 0.85]}
    assert {kpis[k][c].number_format for k in ("K5", "K6") for c in figures} == {"0.0%"}
    [priority] = table(book["Priorities"])
    assert (priority["% Complete"].value, priority["% Complete"].number_format) == (0.5, "0%")


def test_rows_with_long_text_are_tall_enough_to_read_when_printed(unit_folder: Path,
                                                                   tmp_path: Path) -> None:
    out = write_summary(consolidate([unit_folder], "Q2", today=AS_OF), tmp_path / "c.xlsx")
    sheet = openpyxl.load_workbook(out)["KPIs"]
    rows = {row["Ref"].value: row for row in table(sheet)}
    long_row, short_row = rows["K1"]["Ref"].row, rows["K2"]["Ref"].row
    comment = width(sheet, rows["K1"]["Comment"].column)
    assert sheet.row_dimensions[long_row].height >= 15 * len(LONG * 3) / comment
    # A short row is as tall as its longest wrapped cell (every printed column wraps), no more.
    _, names = header_row(sheet)
    printed = names[:names.index("File")]
    needed = max(text_lines(str(rows["K2"][n].value), width(sheet, rows["K2"][n].column))
                 for n in printed if isinstance(rows["K2"][n].value, str))
    assert (sheet.row_dimensions[short_row].height or 15) <= 15 * needed
    # Every cell sits at the top of its row, level with the first line of the wrapped text.
    assert {c.alignment.vertical for c in rows["K1"].values() if c.value is not None} == {"top"}
    assert sheet.oddFooter.left.text == "&A" and sheet.oddFooter.right.text == "Page &P of &N"
    summary = openpyxl.load_workbook(out)["Summary"]
    [housing] = table(summary)
    for column in ("Council", "Directorate"):  # "Three Rivers District Council" wraps
        assert housing[column].alignment.wrap_text

    # LibreOffice, the route to PDF, keeps the heights (it prints without re-measuring).
    lo = tmp_path / "lo"
    lo.mkdir()
    reopened = openpyxl.load_workbook(convert(out, "xlsx", lo))["KPIs"]
    assert reopened.row_dimensions[long_row].height == pytest.approx(
        sheet.row_dimensions[long_row].height, abs=1)


def test_the_day_is_labelled_as_of_and_the_file_claims_no_build_date(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "c.xlsx"
    write_summary(consolidate([two_matrix_folder(make_plan, tmp_path)], "Q2",
                              today=dt.date(2023, 8, 15)), out)
    book = openpyxl.load_workbook(out)
    subtitle = book["Summary"]["A2"].value
    assert subtitle.startswith("Q2 2023/24 · as of 15/08/2023 · 2 plan files used")
    assert "built" not in subtitle
    with zipfile.ZipFile(out) as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "dcterms:created" not in core and "dcterms:modified" not in core
    assert book.properties.subject.startswith("Q2 2023/24 · as of 15/08/2023")


def test_the_chart_tells_info_only_from_no_target_and_counts_in_whole_numbers(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    assert FILLS["Info only"][0] != FILLS["No target"][0]
    out = tmp_path / "c.xlsx"
    write_summary(consolidate([two_matrix_folder(make_plan, tmp_path)], "Q2",
                              today=dt.date(2023, 8, 15)), out)
    with zipfile.ZipFile(out) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert '<c:majorUnit val="1"/>' in chart  # one KPI a service: never a tick at 0.5


# --------------------------------------------------------------------------- CSVs


@pytest.mark.parametrize("protect", ["read-only", "hard link"])
def test_a_protected_earlier_csv_export_is_never_replaced(make_plan: Callable[..., Path],
                                                          tmp_path: Path, protect: str) -> None:
    folder = two_matrix_folder(make_plan, tmp_path)
    csv_dir, out = tmp_path / "csv", tmp_path / "c.xlsx"
    run = ["consolidate", folder, "--quarter", "Q2", "-o", out, "--csv-dir", csv_dir,
           "--as-of", "2023-08-15"]
    assert invoke(*run).exit_code == 0
    kpis = csv_dir / "kpis.csv"
    if protect == "read-only":
        kpis.chmod(0o444)
        words = "kpis.csv is read-only"
    else:
        os.link(kpis, tmp_path / "signed_off.csv")
        words = "hard links"
    out.unlink()
    before, inode = files_in(csv_dir), kpis.stat().st_ino
    refused = invoke(*run)
    assert refused.exit_code == 2 and words in refused.output, refused.output
    assert "Traceback" not in refused.output
    assert files_in(csv_dir) == before and kpis.stat().st_ino == inode
    assert not out.exists()  # refused before anything was read or written


# --------------------------------------------------------------------------- the command line


def test_a_path_that_does_not_exist_is_unusable_input_and_nothing_is_written(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    folder = two_matrix_folder(make_plan, tmp_path)
    out, csv_dir = tmp_path / "c.xlsx", tmp_path / "csv"
    for paths in ([tmp_path / "plnas"], [folder, tmp_path / "plnas"]):
        result = invoke("consolidate", *paths, "--quarter", "Q2", "-o", out, "--csv-dir",
                        csv_dir)
        assert result.exit_code == 2 and "No such file or folder" in result.output
        assert str(tmp_path / "plnas") in result.output and "Traceback" not in result.output
        assert not out.exists() and not csv_dir.exists()
    result = invoke("summary", tmp_path / "plnas")
    assert result.exit_code == 2 and "No such file or folder" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    assert invoke("summary", empty).exit_code == 2


def test_a_folder_of_only_bad_files_still_gives_a_summary_saying_why(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "housing.xlsx").write_bytes(b"not a workbook")
    out = tmp_path / "c.xlsx"
    result = invoke("consolidate", folder, "--quarter", "Q1", "-o", out)
    assert result.exit_code == 1 and out.exists()
    [quality] = table(openpyxl.load_workbook(out)["Data Quality"])
    assert quality["File"].value == "housing.xlsx" and quality["State"].value == "Unreadable"


@pytest.mark.parametrize("typed", ["2023/24", "2023-24", "23/24", "2023/2024"])
def test_a_year_is_shown_as_2023_24_however_it_is_typed(make_plan: Callable[..., Path],
                                                        tmp_path: Path, typed: str) -> None:
    folder = two_matrix_folder(make_plan, tmp_path)
    out = tmp_path / "c.xlsx"
    result = invoke("consolidate", folder, "--quarter", "Q2", "-o", out, "--year", typed)
    assert result.exit_code == 0, result.output
    assert "Q2 2023/24," in result.output
    assert openpyxl.load_workbook(out)["KPIs"]["A2"].value.startswith("Q2 2023/24 · ")


@pytest.mark.parametrize(("command", "typed", "words"), [
    ("consolidate", "2023", "2023 could mean 2022/23 or 2023/24"),
    ("consolidate", "2023/25", "not a financial year"),
    ("new", "2024", "2024 could mean 2023/24 or 2024/25"),
    ("new", "foo", "not a financial year"),
])
def test_a_year_that_is_not_a_financial_year_is_refused(make_plan: Callable[..., Path],
                                                        tmp_path: Path, command: str,
                                                        typed: str, words: str) -> None:
    out = tmp_path / "out.xlsx"
    args = (["consolidate", two_matrix_folder(make_plan, tmp_path), "--quarter", "Q2"]
            if command == "consolidate" else ["new", "--service", "Housing"])
    result = invoke(*args, "--year", typed, "-o", out)
    assert result.exit_code == 2 and words in result.output, result.output
    assert not out.exists()


def test_new_refuses_a_blank_service_and_writes_the_year_as_2024_25(tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    for blank in ("", "   "):
        result = invoke("new", "--service", blank, "--year", "2024/25", "-o", out)
        assert result.exit_code == 2 and "--service" in result.output and not out.exists()
    result = invoke("new", "--service", "Housing", "--year", "24-25", "-o", out)
    assert result.exit_code == 0 and "a blank 2024/25 plan for Housing" in result.output
    plan = openpyxl.load_workbook(out)["Plan"]
    assert "2024/25" in [c.value for row in plan.iter_rows() for c in row]


def services_folders(make_plan: Callable[..., Path], tmp_path: Path) -> Path:
    """Housing/plan.xlsx and Waste/plan.xlsx, each with a Budget line typed twice (an error)."""
    folder = tmp_path / "plans"
    for service in ("Housing", "Waste"):
        (folder / service).mkdir(parents=True)
        tables = plan_tables(service, "Place", 1, 1, 1)
        tables["Budget"].append(dict(tables["Budget"][-1]))
        shutil.move(make_plan(tables), folder / service)
    return folder


def test_consolidate_names_the_file_of_every_problem(make_plan: Callable[..., Path],
                                                     tmp_path: Path) -> None:
    folder = services_folders(make_plan, tmp_path)
    result = invoke("consolidate", folder, "--quarter", "Q2", "-o", tmp_path / "c.xlsx")
    assert result.exit_code == 1
    problems = result.output.splitlines()[1:]
    assert [line.split(": ")[:2] for line in problems] == [
        ["  Consolidated with errors", str(Path("Housing", "plan.xlsx"))],
        ["  Consolidated with errors", str(Path("Waste", "plan.xlsx"))]]
    other = invoke("consolidate", folder, "--quarter", "Q2", "-o", tmp_path / "d.xlsx",
                   "--year", "2022/23")  # each reason that names its file already: said once
    assert all(line.count("plan.xlsx") == 1 for line in other.output.splitlines()[1:])


def test_summary_names_files_from_the_folder_searched(make_plan: Callable[..., Path],
                                                      tmp_path: Path) -> None:
    result = invoke("summary", services_folders(make_plan, tmp_path))
    files = [line.split()[0] for line in result.output.splitlines()[1:3]]
    assert files == [str(Path("Housing", "plan.xlsx")), str(Path("Waste", "plan.xlsx"))]


def test_a_reader_that_stops_reading_gets_no_error_message(tmp_path: Path) -> None:
    """`xl-plans ... | head -1`: the pipe closes before everything is printed."""
    command = [sys.executable, "-c", "from xl_plans.cli import main; main()", "policy", "show"]
    env = {k: v for k, v in os.environ.items() if k != "XL_PLANS_POLICY"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**env, "HOME": str(tmp_path)})
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before the command has written anything
    errors = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Broken pipe" not in errors and "Error" not in errors and "Traceback" not in errors
