"""Consolidation: many plans into one council summary, with bad files isolated and reported."""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import signal
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import example, files_in
from libreoffice import convert
from msoffcrypto.format.ooxml import OOXMLFile

from xl_plans import council_summary
from xl_plans.cli import main
from xl_plans.consolidate import (
    COLUMNS,
    PARALLEL_FROM,
    RISK_COLUMNS,
    FileState,
    Job,
    PlanResult,
    _mark_duplicates,
    _process_in_worker,
    consolidate,
    process_file,
)
from xl_plans.council_summary import write_csvs, write_summary
from xl_plans.files import summary_changed
from xl_plans.policy import default_policy
from xl_plans.reader import read_workbook
from xl_plans.saving import default_mode

AS_OF = dt.date(2022, 8, 12)  # the date of the Hart 2022/23 Q1 report


def rows(frame: Any, *columns: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in frame[list(columns)].itertuples(index=False, name=None)]


@pytest.fixture(scope="module")
def examples_q1() -> Any:
    return consolidate([example("x").parent], "Q1", today=AS_OF)


def test_examples_use_the_usual_year_and_report_the_others(examples_q1: Any) -> None:
    assert examples_q1.year == "2022/23"
    assert rows(examples_q1.tables["Data Quality"], "File", "State", "Code") == [
        ("hart_community_partnerships_2008_09.xlsx", "Other year", "other-year"),
        ("hart_community_services_2023_24.xlsx", "Other year", "other-year"),
        # used, but with no budget line for 2022/23: coded, to filter on with the others
        ("hart_corporate_services_2022_23.xlsx", "Consolidated", "budget-year-missing"),
        ("sefton_neighbourhoods_2010_11.xlsx", "Other year", "other-year"),
        ("three_rivers_housing_2022_25.xlsx", "Consolidated", "budget-year-missing"),
    ]
    assert not examples_q1.complete


def test_examples_kpis_are_scored_and_traced_to_their_cells(examples_q1: Any) -> None:
    kpis = examples_q1.tables["KPIs"]
    cp = kpis[kpis["Service"] == "Corporate Services"]
    assert rows(cp, "Ref", "RAG", "File", "Sheet", "Cell")[5] == (
        "CP6", "Green", "hart_corporate_services_2022_23.xlsx", "KPIs", "N7")
    by_ref = dict(rows(cp, "Ref", "RAG"))
    assert [by_ref[r] for r in ("CP10", "CP11", "CP12", "CP13")] == [
        "No data", "No data", "Not due", "No data"]
    assert len(kpis) == 13 + 4
    summary = examples_q1.tables["Summary"]
    assert rows(summary, "Service", "KPIs", "Green", "Red", "No data", "Not due") == [
        ("Corporate Services", 13, 7, 2, 3, 1), ("Housing Services", 4, 0, 0, 4, 0)]
    exceptions = examples_q1.tables["Exceptions"]
    assert rows(exceptions, "Service", "Ref", "Why listed", "Cell") == [
        ("Corporate Services", "CP1", "Red", "N2"), ("Corporate Services", "CP4", "Red", "N5")]


def test_examples_risks_and_heat_map(examples_q1: Any) -> None:
    risks = examples_q1.tables["Risks"]
    assert rows(risks, "Ref", "Residual Score", "Residual Band", "Matrix", "Cell") == [
        (f"R{n}", 4, "Low", "4x4", f"H{n + 1}") for n in range(1, 7)] + [
        ("R7", 2, "Low", "4x4", "H8")]
    heat = examples_q1.heat_maps["4x4"]
    assert heat.counts[1][1] == 6 and heat.counts[1][0] == 1  # likelihood 2: impact 2 and 1
    assert sum(map(sum, heat.counts)) == 7
    # Corporate Services has no risk register: its default 5x5 matrix drew an empty map
    assert list(examples_q1.heat_maps) == ["4x4"]


def test_examples_overdue_items_and_contracts(examples_q1: Any) -> None:
    priorities = examples_q1.tables["Priorities"]
    assert ("Corporate Services", "Priority", "7", "Overdue", "E13") in rows(
        priorities, "Service", "Kind", "Ref", "Timing", "Cell")
    contracts = examples_q1.tables["Contracts"]
    assert rows(contracts, "Ref", "State", "Cell")[:2] == [("C1", "Expired", "I2"),
                                                          ("C2", "Ongoing", "I3")]


def test_a_year_asked_for_is_the_year_used(examples: Path) -> None:
    result = consolidate([examples], "Q4", year="2008/09", today=dt.date(2009, 3, 31))
    assert [r.service for r in result.used] == ["Community and Partnerships"]
    budget = result.tables["Budget"]
    assert rows(budget, "Service", "Year", "Gross Budget", "Net Budget", "FTE", "Cell") == [
        ("Community and Partnerships", "2008/09", 1_213_090.0, 922_830.0, 14.73, "C3")]


# --------------------------------------------------------------------------- generated plans


def plan_tables(service: str, directorate: str, gross: int, net: int, fte: float,
                **extra: Any) -> dict[str, Any]:
    return {
        "Plan": {"Council": "Test Council", "Service": service, "Directorate": directorate,
                 "Plan Year": "2023/24", "Reporting Quarter": "Q2", "Risk Matrix": "5x5"},
        "KPIs": [{"Ref": "K1", "Indicator": f"{service} visits", "Polarity": "Higher is better",
                  "Measure": "Cumulative", "Unit": "Number", "Annual Target": 100,
                  "Q1": 20, "Q2": 30, "Comment": "Short of staff"}],
        "Risks": [{"Ref": "R1", "Risk": "Staffing", "Residual Likelihood": 3,
                   "Residual Impact": 4, "Review Date": dt.date(2024, 3, 31)}],
        "Budget": [{"Year": "2022/23", "Gross Budget": 1, "Net Budget": 1, "FTE": 1},
                   {"Year": "2023/24", "Gross Budget": gross, "Net Budget": net, "FTE": fte}],
        **extra,
    }


def test_budget_totals_tie_back_to_each_plan(make_plan: Callable[..., Path],
                                             tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name, directorate, gross, net, fte in [
        ("Housing", "Community", 1_000_000, 800_000, 20.5),
        ("Leisure", "Community", 500_000, 250_000, 7.25),
        ("Finance", "Corporate", 2_000_000, 1_900_000, 30),
    ]:
        shutil.move(make_plan(plan_tables(name, directorate, gross, net, fte), f"{name}.xlsx"),
                    folder)
    result = consolidate([folder], "Q2", today=dt.date(2023, 10, 15))
    budget = result.tables["Budget"]
    assert rows(budget, "Directorate", "Service", "Gross Budget", "Net Budget", "FTE", "File",
                "Cell") == [
        ("Community", "Housing", 1_000_000, 800_000, 20.5, "Housing.xlsx", "C3"),
        ("Community", "Leisure", 500_000, 250_000, 7.25, "Leisure.xlsx", "C3"),
        ("Corporate", "Finance", 2_000_000, 1_900_000, 30, "Finance.xlsx", "C3"),
    ]
    out = tmp_path / "council.xlsx"
    write_summary(result, out)
    sheet = openpyxl.load_workbook(out)["Budget"]
    total = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Total")
    assert total[3:6] == (3_500_000, 2_950_000, 57.75)
    # the directorates add up to the same Total, for finance to tie back
    assert list(result.rows("Budget by Directorate")) == [
        ("Community", 2, 1_500_000, 1_050_000, 27.75, None, None),
        ("Corporate", 1, 2_000_000, 1_900_000, 30, None, None)]
    by_directorate = openpyxl.load_workbook(out)["Budget by Directorate"]
    total = next(row for row in by_directorate.iter_rows(values_only=True) if row[0] == "Total")
    assert total[1:5] == (3, 3_500_000, 2_950_000, 57.75)
    # the KPI: 30 against 50 expected by Q2 (100 annual, cumulative) is Red
    assert rows(result.tables["KPIs"], "Service", "RAG") == [
        ("Finance", "Red"), ("Housing", "Red"), ("Leisure", "Red")]


def test_a_batch_survives_bad_files_and_changes_none(make_plan: Callable[..., Path],
                                                    tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for n in range(20):
        path = make_plan(plan_tables(f"Service {n:02d}", "Dir", 1000 * n, 900 * n, n),
                         f"service_{n:02d}.xlsx")
        shutil.move(path, folder)
    good = folder / "service_00.xlsx"
    (folder / "empty.xlsx").write_bytes(b"")
    (folder / "corrupt.xlsx").write_bytes(good.read_bytes()[:3000])
    with good.open("rb") as source, (folder / "encrypted.xlsx").open("wb") as out:
        OOXMLFile(source).encrypt("Secret-2024", out)
    shutil.copy(convert(good, "xls", tmp_path), folder / "old.xls")
    (folder / "~$service_03.xlsx").write_bytes(b"\x0aJane Smith" + b"\x00" * 60)
    shutil.copy(folder / "service_05.xlsx", folder / "zz_service_05_copy.xlsx")
    before = files_in(folder)

    out = tmp_path / "council.xlsx"
    result = CliRunner().invoke(main, ["consolidate", str(folder), "--quarter", "Q2", "-o",
                                       str(out), "--as-of", "2023-10-15"])
    assert result.exit_code == 1, result.output  # completed with problems
    assert "Traceback" not in result.output
    assert files_in(folder) == before  # no input changed, nothing left behind
    book = openpyxl.load_workbook(out)
    quality = {row[0]: row for row in book["Data Quality"].iter_rows(min_row=5, values_only=True)}
    expected = {
        "empty.xlsx": ("Unreadable", "file-empty"),
        "corrupt.xlsx": ("Unreadable", "corrupt-workbook"),
        "encrypted.xlsx": ("Unreadable", "encrypted"),
        "old.xls": ("Unreadable", "legacy-xls"),
        "~$service_03.xlsx": ("Skipped", "lock-file"),
        "zz_service_05_copy.xlsx": ("Duplicate service", "duplicate-service"),
    }
    for name, (state, code) in expected.items():
        assert (quality[name][1], quality[name][7]) == (state, code), name
        assert quality[name][8], f"{name} has no reason"
    assert "held by Jane Smith" in quality["~$service_03.xlsx"][8]
    summary = [row for row in book["Summary"].iter_rows(min_row=5, values_only=True) if row[0]]
    assert sorted(row[0] for row in summary) == [f"Service {n:02d}" for n in range(20)]
    assert sum(1 for row in quality.values() if row[1] == "Consolidated") == 20


def test_parallel_and_serial_runs_agree(make_plan: Callable[..., Path], tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for n in range(14):
        shutil.move(make_plan(plan_tables(f"S{n:02d}", "D", n, n, n), f"s{n:02d}.xlsx"), folder)
    serial = consolidate([folder], "Q2", today=dt.date(2023, 10, 1), workers=1)
    parallel = consolidate([folder], "Q2", today=dt.date(2023, 10, 1), workers=2)
    for name, frame in serial.tables.items():
        assert frame.equals(parallel.tables[name]), name


def test_summary_is_deterministic_opens_in_libreoffice_and_keeps_text_as_text(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    injected = '=HYPERLINK("http://evil.example","Click")'
    folder = tmp_path / "plans"
    folder.mkdir()
    extra = {"Priorities": [{"Ref": "P1", "Priority": injected, "Outcome": "@SUM(A1)",
                             "Target Date": "June 2023", "Status": "On track"}]}
    shutil.move(make_plan(plan_tables("Housing", "Community", 1, 1, 1, **extra), "h.xlsx"),
                folder)
    result = consolidate([folder], "Q2", services=["Housing", "Parking"],
                         today=dt.date(2023, 10, 15))
    assert result.missing_services == ["Parking"]
    first, second = tmp_path / "one.xlsx", tmp_path / "two.xlsx"
    write_summary(result, first)
    write_summary(consolidate([folder], "Q2", services=["Housing", "Parking"],
                              today=dt.date(2023, 10, 15)), second)
    assert first.read_bytes() == second.read_bytes()

    sheet = openpyxl.load_workbook(first)["Priorities"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value == injected]
    assert cells and all(c.data_type == "s" for c in cells)
    with zipfile.ZipFile(first) as archive:
        assert all(b"<f>" not in archive.read(n) for n in archive.namelist()
                   if n.startswith("xl/worksheets/"))

    out = tmp_path / "lo"
    out.mkdir()
    reopened = openpyxl.load_workbook(convert(first, "xlsx", out))
    assert reopened.sheetnames == ["Summary", "KPIs", "Exceptions", "Risks", "Priorities",
                                   "Contracts", "Budget", "Budget by Directorate",
                                   "Data Quality"]
    texts = [c.value for row in reopened["Priorities"].iter_rows() for c in row]
    assert injected in texts

    csvs = write_csvs(result, tmp_path / "csv")
    priorities = (tmp_path / "csv" / "priorities.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in priorities and "'@SUM(A1)" in priorities
    assert len(csvs) == 9
    quality = (tmp_path / "csv" / "data_quality.csv").read_text(encoding="utf-8-sig")
    assert "Missing,Parking,,,,,missing-plan" in quality


def test_cli_refuses_to_overwrite_a_file_it_did_not_write(examples: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious.xlsx"
    shutil.copy(example("three_rivers_housing_2022_25"), precious)
    before = precious.read_bytes()
    result = CliRunner().invoke(main, ["consolidate", str(examples), "--quarter", "Q1",
                                       "-o", str(precious)])
    assert result.exit_code == 2 and "not an xl_plans summary" in result.output
    assert precious.read_bytes() == before
    out = tmp_path / "council.xlsx"
    for _ in range(2):  # its own summary is replaced on the next run
        result = CliRunner().invoke(main, ["consolidate", str(examples), "--quarter", "Q1",
                                           "-o", str(out), "--year", "2022/23"])
        assert result.exit_code == 1 and out.exists()
    assert "\r" not in result.output and "Plans:" not in result.output  # no bar off a terminal


def test_nothing_to_consolidate_is_unusable_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["consolidate", str(tmp_path), "--quarter", "Q1",
                                       "-o", str(tmp_path / "c.xlsx")])
    assert result.exit_code == 2 and "No plan files" in result.output


def test_states_that_count_as_used() -> None:
    assert {s for s in FileState if s.used} == {FileState.CONSOLIDATED, FileState.INVALID}


# --------------------------------------------------------------------------- what review found


def two_matrix_folder(make_plan: Callable[..., Path], tmp_path: Path) -> Path:
    """Housing on a 4x4 matrix (one risk 4x4 = 16, Very High); Waste on 5x5 with a closed
    risk scored 25 and an open one scored 6; items overdue, due, done and cancelled."""
    folder = tmp_path / "plans"
    folder.mkdir()
    housing = plan_tables("Housing", "Community", 100, 90, 3.25)
    housing["Plan"]["Risk Matrix"] = "4x4"
    housing["Risks"] = [{"Ref": "R1", "Risk": "Fire", "Residual Likelihood": 4,
                         "Residual Impact": 4}]
    waste = plan_tables("Waste", "Environment", 200, 150, 12.5)
    waste["Risks"] = [
        {"Ref": "R1", "Risk": "Old contract", "Residual Likelihood": 5, "Residual Impact": 5,
         "Status": "Closed"},
        {"Ref": "R2", "Risk": "Fleet", "Residual Likelihood": 2, "Residual Impact": 3},
    ]
    waste["Priorities"] = [
        {"Ref": "P1", "Priority": "Late", "Target Date": "June 2023", "Status": "On track"},
        {"Ref": "P2", "Priority": "Due", "Target Date": "August 2023", "Status": "On track"},
        {"Ref": "P3", "Priority": "Dropped", "Target Date": "August 2023",
         "Status": "Cancelled"},
        {"Ref": "P4", "Priority": "Done", "Target Date": "August 2023", "Status": "Complete"},
    ]
    for name, tables in (("housing.xlsx", housing), ("waste.xlsx", waste)):
        shutil.move(make_plan(tables, name), folder)
    return folder


def test_every_matrix_has_its_heat_map_in_the_workbook(make_plan: Callable[..., Path],
                                                       tmp_path: Path) -> None:
    result = consolidate([two_matrix_folder(make_plan, tmp_path)], "Q2",
                         today=dt.date(2023, 8, 15))
    assert sorted(result.heat_maps) == ["4x4", "5x5"]
    out = tmp_path / "council.xlsx"
    write_summary(result, out)
    # (the maps start in column E, where the table's columns are of a width)
    column_e = [row[4] for row in openpyxl.load_workbook(out)["Risks"].iter_rows(values_only=True)]
    titles = [v for v in column_e if isinstance(v, str) and v.startswith("Council heat map")]
    assert titles == ["Council heat map (4x4 matrix): open risks",
                      "Council heat map (5x5 matrix): open risks"]
    sheet = openpyxl.load_workbook(out)["Risks"]
    top = column_e.index(titles[0]) + 1  # 1-based row of the 4x4 title
    assert sheet.cell(top + 2, 9).value == 1  # likelihood 4 (first row), impact 4: the fire


def test_summary_counts_agree_with_the_sheets_and_ignore_closed_risks(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    result = consolidate([two_matrix_folder(make_plan, tmp_path)], "Q2",
                         today=dt.date(2023, 8, 15))
    summary = {row[0]: row for row in rows(result.tables["Summary"], "Service",
                                           "Highest residual risk", "Risk band", "Risk ref",
                                           "Overdue outcomes and milestones", "Due this quarter")}
    assert summary["Waste"][1:] == (6, "Low", "R2", 1, 1)  # the closed 25 is not the highest
    assert summary["Housing"][1:4] == (16, "Very High", "R1")
    listed = rows(result.tables["Priorities"], "Service", "Ref", "Timing")
    assert listed == [("Waste", "P1", "Overdue"), ("Waste", "P2", "Due this quarter")]


def test_budget_total_row_keeps_each_columns_format(make_plan: Callable[..., Path],
                                                    tmp_path: Path) -> None:
    out = tmp_path / "council.xlsx"
    write_summary(consolidate([two_matrix_folder(make_plan, tmp_path)], "Q2",
                              today=dt.date(2023, 8, 15)), out)
    sheet = openpyxl.load_workbook(out)["Budget"]
    total = next(row for row in sheet.iter_rows() if row[0].value == "Total")
    gross, fte = total[3], total[5]
    assert (gross.value, gross.number_format) == (300, '"£"#,##0.00')
    assert (fte.value, fte.number_format, fte.font.b) == (15.75, "0.00", True)


def test_plans_with_an_unreadable_year_keep_their_real_reason(make_plan: Callable[..., Path],
                                                             tmp_path: Path) -> None:
    folder = two_matrix_folder(make_plan, tmp_path)
    odd = plan_tables("Parks", "Environment", 1, 1, 1)
    odd["Plan"]["Plan Year"] = "2023/25"
    shutil.move(make_plan(odd, "parks.xlsx"), folder)
    result = consolidate([folder], "Q2", today=dt.date(2023, 8, 15))
    parks = next(r for r in result.results if r.file.endswith("parks.xlsx"))
    # Its year unknown, it may be another year's: left out, never mixed in, and says why.
    assert parks.state is FileState.YEAR_UNKNOWN and "financial year" in parks.reason.lower()
    assert "Parks" not in set(result.tables["Summary"]["Service"])
    assert parks in result.problems


def test_an_earlier_summary_among_the_plans_is_skipped(make_plan: Callable[..., Path],
                                                      tmp_path: Path) -> None:
    folder = two_matrix_folder(make_plan, tmp_path)
    out = folder / "council.xlsx"
    for _ in range(2):
        result = CliRunner().invoke(main, ["consolidate", str(folder), "--quarter", "Q2", "-o",
                                           str(out), "--as-of", "2023-08-15"])
        assert result.exit_code == 0, result.output  # the summary it replaces is no problem
    quality = {r[0]: r for r in openpyxl.load_workbook(out)["Data Quality"].iter_rows(
        min_row=5, values_only=True)}
    assert quality["council.xlsx"][1:2] == ("Ignored",)
    assert quality["council.xlsx"][7] == "summary-file"


def test_a_summary_is_not_a_plan_to_any_command(make_plan: Callable[..., Path],
                                                 tmp_path: Path) -> None:
    folder = two_matrix_folder(make_plan, tmp_path)
    out = folder / "council.xlsx"
    CliRunner().invoke(main, ["consolidate", str(folder), "--quarter", "Q2", "-o", str(out)])
    checked = CliRunner().invoke(main, ["validate", str(folder)])
    assert f"Skipped {out}: [summary-file]" in checked.output
    assert "2 plans checked" in checked.output
    alone = CliRunner().invoke(main, ["validate", str(out)])
    assert alone.exit_code == 2 and "not a plan" in alone.output
    status = CliRunner().invoke(main, ["status", str(out), "--quarter", "Q2"])
    assert status.exit_code == 2 and "council summary written by xl_plans" in status.output
    listed = CliRunner().invoke(main, ["summary", str(folder)])
    assert "council.xlsx" not in listed.stdout


def test_a_damaged_file_never_stops_the_batch_however_it_is_damaged(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    """Its document properties part broken: zlib fails on it, not zipfile."""
    folder = two_matrix_folder(make_plan, tmp_path)
    damaged = folder / "damaged.xlsx"
    with zipfile.ZipFile(next(folder.glob("*.xlsx"))) as source, \
            zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
    data = bytearray(damaged.read_bytes())
    start = data.index(b"docProps/core.xml") + len(b"docProps/core.xml")  # its local header
    data[start + 2:start + 12] = b"\xff" * 10  # inside its deflated bytes
    damaged.write_bytes(bytes(data))
    result = CliRunner().invoke(main, ["consolidate", str(folder), "--quarter", "Q2", "-o",
                                       str(tmp_path / "council.xlsx")])
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert (tmp_path / "council.xlsx").exists()


@pytest.mark.parametrize(("args", "words"), [
    (["--year", "2023/25"], "not a financial year"),
    (["--csv-dir", "FILE"], "is a file, not a folder"),
])
def test_usage_problems_are_plain_messages(make_plan: Callable[..., Path], tmp_path: Path,
                                           args: list[str], words: str) -> None:
    folder = two_matrix_folder(make_plan, tmp_path)
    a_file = tmp_path / "not_a_folder"
    a_file.write_text("x")
    args = [str(a_file) if a == "FILE" else a for a in args]
    result = CliRunner().invoke(main, ["consolidate", str(folder), "--quarter", "Q2", "-o",
                                       str(tmp_path / "c.xlsx"), *args])
    assert result.exit_code == 2 and words in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "c.xlsx").exists()  # refused before any plan was read


def test_the_csv_export_replaces_only_its_own_files_whole(make_plan: Callable[..., Path],
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """An officer's budget.csv in the folder is never written over; an earlier export is
    replaced, and a failure part way leaves it whole, with no temporary file behind."""
    folder = two_matrix_folder(make_plan, tmp_path)
    csv_dir, out = tmp_path / "csv", tmp_path / "c.xlsx"
    csv_dir.mkdir()
    (csv_dir / "budget.csv").write_text("officer,data\n1,2\n")
    run = ["consolidate", str(folder), "--quarter", "Q2", "-o", str(out), "--csv-dir",
           str(csv_dir)]
    refused = CliRunner().invoke(main, run)
    assert refused.exit_code == 2 and "budget.csv already exists" in refused.output
    assert (csv_dir / "budget.csv").read_text() == "officer,data\n1,2\n" and not out.exists()

    (csv_dir / "budget.csv").unlink()
    # risks.csv before Status was added (and before dates and their text went apart)
    earlier = [c for c in RISK_COLUMNS if c not in ("Status", "Review Date as typed")]
    (csv_dir / "risks.csv").write_text(",".join(earlier) + "\r\n", encoding="utf-8-sig")
    first = CliRunner().invoke(main, run)
    assert first.exit_code == 0, first.output
    before = files_in(csv_dir)
    assert len(before) == 9 and "Status" in before["risks.csv"].decode("utf-8-sig")
    assert all(path.stat().st_mode & 0o777 == default_mode() for path in csv_dir.iterdir())
    again = CliRunner().invoke(main, run)  # an earlier export: replaced, the same
    assert again.exit_code == 0 and files_in(csv_dir) == before

    safe = council_summary.csv_safe

    def full_disk(value: Any) -> Any:
        if value == "Consolidated":  # on Data Quality, the last table written
            raise OSError(28, "No space left on device")
        return safe(value)

    monkeypatch.setattr(council_summary, "csv_safe", full_disk)
    failed = CliRunner().invoke(main, run)
    assert failed.exit_code == 2 and "No space left" in failed.output
    assert files_in(csv_dir) == before


def test_an_export_in_the_plans_folder_is_not_read_as_plans(make_plan: Callable[..., Path],
                                                           tmp_path: Path) -> None:
    folder = two_matrix_folder(make_plan, tmp_path)
    run = ["consolidate", str(folder), "--quarter", "Q2", "-o", str(folder / "c.xlsx"),
           "--csv-dir", str(folder / "csv")]
    assert CliRunner().invoke(main, run).exit_code == 0
    again = CliRunner().invoke(main, run)
    assert again.exit_code == 0, again.output
    result = consolidate([folder], "Q2", today=dt.date(2023, 8, 15))
    ignored = [r for r in result.results if r.state is FileState.IGNORED]
    assert sorted(Path(r.file).name for r in ignored) == sorted(
        ["c.xlsx", *(p.name for p in (folder / "csv").iterdir())])
    assert {r.code for r in ignored} == {"summary-file", "export-skipped"}
    # validate and summary on the same folder set the exports aside too (they used to report
    # each CSV as an unusable plan, and validate exited 2)
    for command in (["validate", str(folder)], ["summary", str(folder)]):
        listed = CliRunner().invoke(main, command)
        assert listed.exit_code == 0, listed.output
        assert listed.output.count("[export-skipped]") == len(list((folder / "csv").iterdir()))
        assert "text-not-workbook" not in listed.output


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-16"])
def test_services_list_saved_by_windows_notepad(make_plan: Callable[..., Path],
                                                tmp_path: Path, encoding: str) -> None:
    """ANSI, UTF-8 and "Unicode" (UTF-16 with its mark, which read as junk names); a service
    listed twice is missing once."""
    folder = two_matrix_folder(make_plan, tmp_path)
    services = tmp_path / "services.txt"
    services.write_bytes("Housing\r\nCafé Services\r\nWaste\r\ncafé services\r\n\r\n"
                         .encode(encoding))
    out = tmp_path / "c.xlsx"
    result = CliRunner().invoke(main, ["consolidate", str(folder), "--quarter", "Q2", "-o",
                                       str(out), "--services", str(services)])
    assert result.exit_code == 1, result.output
    assert [line.strip() for line in result.output.splitlines() if "Missing" in line] == [
        "Missing: no plan for Café Services"]


def test_a_services_file_that_is_not_text_is_refused(make_plan: Callable[..., Path],
                                                    tmp_path: Path) -> None:
    services = tmp_path / "services.txt"
    services.write_bytes("Housing\r\n".encode("utf-16-le"))  # no mark: NUL bytes
    result = CliRunner().invoke(main, ["consolidate", str(tmp_path), "--quarter", "Q2", "-o",
                                       str(tmp_path / "c.xlsx"), "--services", str(services)])
    assert result.exit_code == 2 and "not a text file of service names" in result.output


def test_date_columns_hold_dates_and_what_was_typed_is_beside_them(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    """A date column mixed dates and text ("Summer 2021", "Q3 2023/24"), so Power BI read it
    as text: the column holds the day scored against, and the words typed are beside it."""
    tables = plan_tables("Housing", "Community", 1, 1, 1)
    tables["Risks"] += [{"Ref": "R2", "Risk": "Flood", "Residual Likelihood": 2,
                         "Residual Impact": 2, "Review Date": "30/06/2023"},
                        {"Ref": "R3", "Risk": "Fire", "Residual Likelihood": 1,
                         "Residual Impact": 1, "Review Date": "Summer 2021"}]
    tables["Priorities"] = [
        {"Ref": "P1", "Priority": "Homes", "Outcome": "Build", "Target Date": dt.date(2023, 7, 31)},
        {"Ref": "P2", "Priority": "Homes", "Outcome": "Let", "Target Date": "August 2023"}]
    tables["Contracts"] = [{"Ref": "C1", "Contract": "Repairs", "End Date": dt.date(2023, 12, 1),
                            "Review Date": "Q3 2023/24"}]
    plan = make_plan(tables, "housing.xlsx")
    result = consolidate([plan], "Q2", today=dt.date(2023, 9, 15))
    assert rows(result.tables["Risks"], "Ref", "Review Date", "Review Date as typed") == [
        ("R1", dt.date(2024, 3, 31), None), ("R2", dt.date(2023, 6, 30), None),
        ("R3", dt.date(2021, 8, 31), "Summer 2021")]
    assert rows(result.tables["Priorities"], "Ref", "Due", "Due as typed") == [
        ("P1", dt.date(2023, 7, 31), None), ("P2", dt.date(2023, 8, 31), "August 2023")]
    assert rows(result.tables["Contracts"], "Ref", "End Date", "End Date as typed",
                "Review Date", "Review Date as typed") == [
        ("C1", dt.date(2023, 12, 1), None, dt.date(2023, 12, 31), "Q3 2023/24")]
    out = write_summary(result, tmp_path / "council.xlsx")
    sheet = openpyxl.load_workbook(out)["Contracts"]
    header = next(r for r in sheet.iter_rows(min_row=1) if r[0].value == "Service")[0].row
    end = sheet.cell(row=header + 1, column=COLUMNS["Contracts"].index("End Date") + 1)
    assert end.value == dt.datetime(2023, 12, 1) and end.number_format == "dd/mm/yyyy"


def cycles_left(work: Callable[[], Any]) -> int:
    """How many objects `work` leaves in reference cycles (freed only by the cycle collector)."""
    gc.collect()
    gc.disable()
    try:
        work()
        return gc.collect()
    finally:
        gc.enable()


def test_reading_plans_leaves_no_reference_cycles(make_plan: Callable[..., Path],
                                                  tmp_path: Path) -> None:
    """Pool workers run Python's cycle collector rarely (consolidate.WORKER_GC), which is safe
    because a plan's objects are all freed by reference counting: good plans, invalid ones and
    ones holding formulas and error cells alike."""
    formulas = make_plan(plan_tables("Housing", "Dir", 1, 1, 1), "formulas.xlsx")
    book = openpyxl.load_workbook(formulas)
    book["KPIs"]["F2"] = "=SUM(1,2)"  # openpyxl writes no cached value: uncalculated
    book["KPIs"]["G2"] = "#DIV/0!"  # an error cell
    book.save(formulas)
    invalid = make_plan({**plan_tables("Leisure", "Dir", 1, 1, 1),
                         "KPIs": [{"Ref": "K1", "Q1": "lots"}]}, "invalid.xlsx")
    files = [*sorted(example("x").parent.glob("*.xlsx")), formulas, invalid]
    job = Job(2, default_policy(), dt.date(2023, 10, 15))
    results = [process_file(path, job) for path in files]  # caches filled, modules loaded
    assert {r.state for r in results} == {FileState.CONSOLIDATED, FileState.INVALID}
    source = read_workbook(formulas).plan.kpis[0].source
    assert source is not None
    assert {type(v).__name__ for v in source.raw.values()} >= {"Uncalculated", "ErrorValue"}
    assert cycles_left(lambda: [process_file(path, job) for path in files]) == 0


def test_unreadable_files_leave_no_reference_cycles_in_a_worker(tmp_path: Path) -> None:
    """olefile, and a parser stopped by broken XML, leave objects in cycles: a pool worker
    collects them at once rather than letting thousands of bad files pile them up."""
    good = example("hart_corporate_services_2022_23")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "corrupt.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with good.open("rb") as source, (tmp_path / "encrypted.xlsx").open("wb") as out:
        OOXMLFile(source).encrypt("Secret-2024", out)
    with zipfile.ZipFile(good) as zin, \
            zipfile.ZipFile(tmp_path / "broken.xlsx", "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, data.replace(b"</sheetData>", b"<c><f>1</f></sheetData>")
                          if info.filename == "xl/worksheets/sheet3.xml" else data)
    files = [tmp_path / name for name in ("empty.xlsx", "corrupt.xlsx", "encrypted.xlsx",
                                          "broken.xlsx")]
    job = Job(2, default_policy(), dt.date(2023, 10, 15))
    results = [_process_in_worker(path, job) for path in files]
    assert [(r.state, r.code) for r in results] == [
        (FileState.UNREADABLE, code) for code in
        ("file-empty", "corrupt-workbook", "encrypted", "corrupt-workbook")]
    assert cycles_left(lambda: [process_file(path, job) for path in files]) > 0  # why
    assert cycles_left(lambda: [_process_in_worker(path, job) for path in files]) == 0


def test_only_the_plan_years_budget_is_used_and_a_missing_one_is_named(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    """Another year's figures would not tie back to the ledger: a plan with no line for its own
    year shows no budget, is named on Budget by Directorate and warned of on Data Quality."""
    folder = tmp_path / "plans"
    folder.mkdir()
    later = plan_tables("Parks", "Environment", 9, 9, 9)
    later["Budget"] = [{"Year": "2024/25", "Gross Budget": 7, "Net Budget": 7, "FTE": 7}]
    written = plan_tables("Waste", "Environment", 300, 200, 4)
    written["Budget"] = [{"Year": "23/24", "Gross Budget": 300, "Net Budget": 200, "FTE": 4}]
    for tables, name in [(later, "parks.xlsx"), (written, "waste.xlsx")]:
        shutil.move(make_plan(tables, name), folder)
    result = consolidate([folder], "Q2", today=dt.date(2023, 10, 15))
    assert rows(result.tables["Budget"], "Service", "Year", "Gross Budget") == [
        ("Waste", "2023/24", 300)]  # the year as every sheet shows it, however it was typed
    assert list(result.rows("Budget by Directorate")) == [
        ("Environment", 2, 300, 200, 4, "Parks", None)]
    summary = {r["Service"]: r for r in result.tables["Summary"].to_dict("records")}
    assert summary["Parks"]["Gross Budget"] is None and summary["Waste"]["Gross Budget"] == 300
    parks = next(r for r in result.results if r.service == "Parks")
    assert parks.state is FileState.CONSOLIDATED and parks.counts["warnings"] == 1


def test_files_are_named_from_the_folder_searched(make_plan: Callable[..., Path],
                                                  tmp_path: Path) -> None:
    """Two services keep their plan under the same name in their own folders: every sheet says
    which is which."""
    folder = tmp_path / "plans"
    for service in ("Housing", "Waste"):
        (folder / service).mkdir(parents=True)
        shutil.move(make_plan(plan_tables(service, "Place", 1, 1, 1)), folder / service)
    result = consolidate([folder], "Q2", today=dt.date(2023, 10, 15))
    shown = [str(Path(service, "plan.xlsx")) for service in ("Housing", "Waste")]
    for table in ("Summary", "KPIs", "Risks", "Budget", "Data Quality"):
        assert sorted(set(result.tables[table]["File"])) == shown, table
    alone = consolidate([folder / "Housing" / "plan.xlsx"], "Q2", today=dt.date(2023, 10, 15))
    assert list(alone.tables["KPIs"]["File"]) == ["plan.xlsx"]

    os.chdir(folder)  # folders given as relative paths, `consolidate Housing Waste`
    try:
        relative = consolidate(["Housing", "Waste"], "Q2", today=dt.date(2023, 10, 15))
    finally:
        os.chdir(tmp_path)
    assert sorted(set(relative.tables["Data Quality"]["File"])) == shown


def test_a_directorate_typed_two_ways_is_one(make_plan: Callable[..., Path],
                                            tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name, directorate in [("Housing", "Community Services"), ("Leisure", "community services"),
                              ("Finance", "Resources"), ("Waste", "place")]:
        shutil.move(make_plan(plan_tables(name, directorate, 10, 5, 1), f"{name}.xlsx"), folder)
    result = consolidate([folder], "Q2", today=dt.date(2023, 10, 15))
    assert list(result.rows("Budget by Directorate")) == [
        ("Community Services", 2, 20, 10, 2, None, None), ("place", 1, 10, 5, 1, None, None),
        ("Resources", 1, 10, 5, 1, None, None)]
    # The Budget sheet shows and orders them the same way: filtered on a directorate, it
    # gives that directorate's figure (it showed "community services" apart, after Resources).
    assert [row[:2] for row in result.rows("Budget")] == [
        ("Community Services", "Housing"), ("Community Services", "Leisure"),
        ("place", "Waste"), ("Resources", "Finance")]


def test_closed_risks_say_so_and_a_plan_behind_the_quarter_is_noted(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    tables = plan_tables("Parks", "Environment", 1, 1, 1)
    tables["Plan"]["Reporting Quarter"] = "Q1"
    tables["Risks"].append({"Ref": "R2", "Risk": "Old", "Residual Likelihood": 5,
                            "Residual Impact": 5, "Status": "Closed"})
    result = consolidate([make_plan(tables)], "Q2", today=dt.date(2023, 10, 15))
    assert rows(result.tables["Risks"], "Ref", "Status", "Residual Score") == [
        ("R2", "Closed", 25), ("R1", "Open", 12)]
    (quality,) = result.tables["Data Quality"].to_dict("records")
    assert (quality["State"], quality["Code"]) == ("Consolidated", "quarter-not-reported")
    assert quality["Reason"] == ("The plan reports Q1 (its Reporting Quarter), not Q2: its Q2 "
                                 "figures may not be filled in yet")
    assert result.complete  # a note for the performance team, not a problem with the file


def test_a_run_stopped_while_saving_leaves_no_temporary_file(make_plan: Callable[..., Path],
                                                            tmp_path: Path) -> None:
    """SIGTERM (a scheduler, `timeout`) during the save: the summary is not written, and
    nothing is left beside it."""
    folder = two_matrix_folder(make_plan, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    script = (
        "import os, signal, sys\n"
        "from xl_plans import summary_book\n"
        "from xl_plans.cli import main\n"
        "write = summary_book._write\n"
        "def stopped(book, path):\n"
        "    write(book, path)\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "summary_book._write = stopped\n"
        "sys.argv[0] = 'xl-plans'\n"
        "main()\n")
    done = subprocess.run([sys.executable, "-c", script, "consolidate", str(folder), "--quarter",
                           "Q2", "-o", str(out / "c.xlsx"), "--workers", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert list(out.iterdir()) == [] and "Traceback" not in done.stderr


@pytest.mark.parametrize("stop_at", [
    "council_summary.csv_safe",  # writing the last CSV, before the summary is replaced
    "summary_book._write",  # the summary written, about to be moved into place
])
def test_ctrl_c_leaves_the_last_summary_and_export_whole(make_plan: Callable[..., Path],
                                                        tmp_path: Path, stop_at: str) -> None:
    """Ctrl-C ended in "Aborted!" and exit code 1 ("done, with problems"), and could leave
    half the CSVs from the new run beside half from the last one."""
    folder = two_matrix_folder(make_plan, tmp_path)
    out = tmp_path / "out"
    run = ["consolidate", str(folder), "--quarter", "Q2", "-o", str(out / "c.xlsx"),
           "--csv-dir", str(out / "csv"), "--workers", "1"]
    assert CliRunner().invoke(main, [*run, "--as-of", "2023-07-01"]).exit_code == 0
    before = files_in(out)
    module, name = stop_at.split(".")
    script = (
        "import os, signal, sys\n"
        f"from xl_plans import {module} as patched\n"
        "from xl_plans.cli import main\n"
        f"real = patched.{name}\n"
        "def stopped(*args):\n"
        "    result = real(*args)\n"
        "    if args[-1] == 'Consolidated' or len(args) == 2:\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    return result\n"
        f"patched.{name} = stopped\n"
        "sys.argv[0] = 'xl-plans'\n"
        "main()\n")
    done = subprocess.run([sys.executable, "-c", script, *run, "--as-of", "2023-10-15"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 128 + signal.SIGINT, done.stderr
    assert "Stopped (Ctrl-C)" in done.stderr and "Traceback" not in done.stderr
    assert files_in(out) == before  # the last run's summary and CSVs, every one, unchanged


def test_an_earlier_summary_changed_since_is_kept_before_it_is_replaced(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    """The mark that lets a run replace its earlier summary survives editing: an officer's
    notes sheet in it was lost. Changed since written, it is copied aside first."""
    folder = two_matrix_folder(make_plan, tmp_path)
    out = tmp_path / "council.xlsx"
    run = ["consolidate", str(folder), "--quarter", "Q2", "-o", str(out)]
    assert CliRunner().invoke(main, run).exit_code == 0
    assert not summary_changed(out)
    again = CliRunner().invoke(main, run)  # as written: replaced, nothing kept
    assert again.exit_code == 0 and "copy is kept" not in again.output
    assert not (tmp_path / ".xl_plans-backups").exists()

    book = openpyxl.load_workbook(out)
    book.create_sheet("My scrutiny notes")["A1"] = "Cllr Smith asked about R1"
    book.save(out)
    edited = out.read_bytes()
    assert summary_changed(out)
    third = CliRunner().invoke(main, run)
    assert third.exit_code == 0 and "is not as xl_plans wrote it" in third.output
    [kept] = (tmp_path / ".xl_plans-backups").iterdir()
    assert kept.read_bytes() == edited
    assert "My scrutiny notes" not in openpyxl.load_workbook(out).sheetnames
    assert not summary_changed(out)


def test_ctrl_c_while_worker_processes_read_plans_stops_the_batch(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    """The pool: workers leave Ctrl-C to the parent, which drops the plans not yet started."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for n in range(PARALLEL_FROM + 4):
        shutil.move(make_plan(plan_tables(f"Service {n}", "Place", 1, 1, 1), f"p{n}.xlsx"),
                    folder)
    out = tmp_path / "out"
    out.mkdir()
    script = (
        "import os, signal, sys\n"
        "from xl_plans.cli import consolidate as command\n"
        "from xl_plans.cli import main\n"
        "run = command.run_consolidation\n"
        "def interrupted(*args, progress, **kwargs):\n"
        "    def first(done, total):\n"
        "        if done == 1:\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "    return run(*args, progress=first, **kwargs)\n"
        "command.run_consolidation = interrupted\n"
        "sys.argv[0] = 'xl-plans'\n"
        "main()\n")
    done = subprocess.run([sys.executable, "-c", script, "consolidate", str(folder),
                           "--quarter", "Q2", "-o", str(out / "c.xlsx"), "--workers", "2"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 128 + signal.SIGINT, done.stderr
    assert "Stopped (Ctrl-C)" in done.stderr and "Traceback" not in done.stderr
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("loading", ["pydantic", "pandas", "python_calamine"])
def test_ctrl_c_while_the_command_loads_stops_it_without_a_traceback(loading: str) -> None:
    """Loading the commands takes about a second, before any command sets its handlers:
    a Ctrl-C then printed Python's traceback. The signal here arrives as `loading` is
    imported, wherever that happens."""
    script = (
        "import os, signal, sys\n"
        "class Interrupt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name == {loading!r}:\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        "from xl_plans.launch import main\n"
        "sys.argv[0] = 'xl-plans'\n"
        "main()\n")
    done = subprocess.run([sys.executable, "-c", script, "consolidate", "--help"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 128 + signal.SIGINT, done.stderr
    assert "Stopped (Ctrl-C)" in done.stderr and "Traceback" not in done.stderr
    assert "Usage" not in done.stdout


def test_the_installed_command_is_the_launcher() -> None:
    """What `xl-plans` runs is the launcher that answers Ctrl-C while loading (pyproject's
    entry point), and it gets to the commands."""
    script = Path(sys.executable).with_name("xl-plans")
    assert "xl_plans.launch" in script.read_text(encoding="utf-8")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and "xl-plans" in done.stdout, done.stderr


def test_a_workbook_that_is_not_a_plan_is_listed_not_shown_as_a_service(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    """A finance workbook among the plans has none of a plan's sheets: it used to become a
    service row ("Budget notes", 0 KPIs) counted as consolidated."""
    folder = two_matrix_folder(make_plan, tmp_path)
    notes = openpyxl.Workbook()
    notes.active.append(["Cost centre", "Spend"])
    notes.active.append(["H100", 1200])
    notes.save(folder / "Budget notes.xlsx")
    result = consolidate([folder], "Q2", today=dt.date(2023, 8, 15))
    assert sorted(r.service for r in result.used) == ["Housing", "Waste"]
    [other] = [r for r in result.results if Path(r.file).name == "Budget notes.xlsx"]
    assert (other.state, other.code) == (FileState.NOT_A_PLAN, "not-a-plan")
    assert other.reason == ("Budget notes.xlsx: This workbook has none of a service plan's "
                            "sheets (it has Sheet).")
    assert other in result.problems and not result.complete
    assert [row[1] for row in result.rows("Data Quality")
            if row[0] == "Budget notes.xlsx"] == ["Not a plan"]


# --------------------------------------------------------------------------- finance review


def test_a_copy_with_council_blank_is_a_duplicate_and_a_valid_plan_is_kept(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    """A copy of a plan with Council left blank was added twice to every total; of two plans
    for a service, a valid one is used whatever the files are called."""
    folder = tmp_path / "plans"
    for sub in "abc":
        (folder / sub).mkdir(parents=True)
    blank = plan_tables("Parking", "Place", 1000, 900, 2)
    blank["Plan"]["Council"] = None
    shutil.move(make_plan(blank, "parking.xlsx"), folder / "a")  # first in file order...
    blank["KPIs"][0]["Q1"] = "=SUM(1,2)"  # ...but invalid: an uncalculated formula
    (folder / "a" / "parking.xlsx").unlink()
    shutil.move(make_plan(blank, "parking.xlsx"), folder / "a")
    shutil.move(make_plan(plan_tables("Parking", "Place", 1000, 900, 2), "parking.xlsx"),
                folder / "b")
    other = plan_tables("Parking", "Place", 5, 5, 5)
    other["Plan"]["Council"] = "Another Council"
    shutil.move(make_plan(other, "parking.xlsx"), folder / "c")
    result = consolidate([folder], "Q2", today=dt.date(2023, 10, 15))
    states = {Path(r.file).parent.name: r.state for r in result.results}
    assert states == {"a": FileState.DUPLICATE, "b": FileState.CONSOLIDATED,
                      "c": FileState.CONSOLIDATED}  # another council's plan is not a copy
    kept = next(r for r in result.results if r.state is FileState.DUPLICATE)
    assert "b/parking.xlsx is used" in kept.reason.replace(os.sep, "/")
    place = next(iter(result.rows("Budget by Directorate")))
    assert place[2] == 1005  # 1000 once, plus the other council's 5


def test_a_copy_with_council_blank_never_pushes_out_two_councils_plans() -> None:
    """Kept first by file name, the blank copy made both named councils' plans duplicates."""
    results = [PlanResult("a.xlsx", FileState.CONSOLIDATED, service="Parking", council=None),
               PlanResult("b.xlsx", FileState.CONSOLIDATED, service="Parking", council="Hart"),
               PlanResult("c.xlsx", FileState.CONSOLIDATED, service="Parking",
                          council="Rushmoor")]
    _mark_duplicates(results, None)
    assert [r.state for r in results] == [FileState.DUPLICATE, FileState.CONSOLIDATED,
                                          FileState.CONSOLIDATED]


def test_budget_figures_that_are_not_amounts_are_left_out_and_named(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    """A Net Budget typed "5%" was totalled as 5p and a TBC left out unseen: both stay out of
    the totals and are named where finance looks; a directorate with no figure has no Total."""
    folder = tmp_path / "plans"
    folder.mkdir()
    hr = plan_tables("HR", "Resources", 100, 90, 2)
    hr["Budget"][1]["Net Budget"] = "5%"
    policy = plan_tables("Policy", "Resources", 50, 40, 1)
    policy["Budget"][1]["Gross Budget"] = "TBC"
    empty = plan_tables("Parks", "Place", 1, 1, 1)
    empty["Budget"] = [{"Year": "2023/24"}]
    for name, tables in (("hr.xlsx", hr), ("policy.xlsx", policy), ("parks.xlsx", empty)):
        shutil.move(make_plan(tables, name), folder)
    result = consolidate([folder], "Q2", today=dt.date(2023, 10, 15))
    assert rows(result.tables["Budget"], "Service", "Gross Budget", "Net Budget") == [
        ("Parks", None, None), ("HR", 100, None), ("Policy", None, 40)]
    assert list(result.rows("Budget by Directorate")) == [
        ("Place", 1, None, None, None, None, "Parks: Gross Budget, Net Budget, FTE"),
        ("Resources", 2, 100, 40, 3, None, "HR: Net Budget; Policy: Gross Budget")]
    reasons = {r.service: r.reason for r in result.results}
    assert "Budget!C3" in reasons["HR"] and "Budget!B3" in reasons["Policy"]
    out = tmp_path / "council.xlsx"
    write_summary(result, out)
    sheet = openpyxl.load_workbook(out)["Budget by Directorate"]
    grid = [row for row in sheet.iter_rows(values_only=True)]
    total = next(row for row in grid if row[0] == "Total")
    assert total[1:5] == (3, 100, 40, 3)
    place = next(row for row in grid if row[0] == "Place")
    assert place[2:5] == (None, None, None)  # no figures: blank, never a total of 0


def test_contract_value_is_a_number_beside_the_text_typed(examples_q1: Any) -> None:
    """Three Rivers' C2 is "£3,500 per annum": Value 3500 to sum and filter, and the words as
    typed beside it."""
    contracts = examples_q1.tables["Contracts"]
    c2 = next(r for r in contracts.to_dict("records") if r["Ref"] == "C2")
    assert (c2["Value"], c2["Value as typed"]) == (3500, "£3,500 per annum")


def test_a_directorate_is_named_one_way_on_every_sheet(make_plan: Callable[..., Path],
                                                      tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name, directorate in [("Aaa", "PLACE"), ("Housing", "Place"), ("Waste", "place"),
                              ("Parks", "Place"), ("Finance", None)]:
        shutil.move(make_plan(plan_tables(name, directorate, 10, 5, 1), f"{name}.xlsx"),
                    folder)
    result = consolidate([folder], "Q2", today=dt.date(2023, 10, 15))
    for table in ("Summary", "KPIs", "Budget"):  # the commonest spelling; blank said so
        assert sorted(set(result.tables[table]["Directorate"])) == ["(not given)", "Place"], \
            table
    assert [row[0] for row in result.rows("Budget by Directorate")] == ["(not given)", "Place"]


def test_csv_whole_numbers_read_as_typed(make_plan: Callable[..., Path],
                                         tmp_path: Path) -> None:
    result = consolidate([two_matrix_folder(make_plan, tmp_path)], "Q2",
                         today=dt.date(2023, 10, 15))
    write_csvs(result, tmp_path / "csv")
    budget = (tmp_path / "csv" / "budget.csv").read_text(encoding="utf-8-sig").splitlines()
    assert budget[1].split(",")[3:6] == ["100", "90", "3.25"]  # not 100.0


def test_a_reason_names_the_first_errors_and_counts_the_rest(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    tables = plan_tables("Parks", "Place", 1, 1, 1)
    tables["KPIs"] = [{**tables["KPIs"][0], "Ref": f"K{n}", "Q1": "#DIV/0!"} for n in range(5)]
    result = consolidate([make_plan(tables)], "Q2", today=dt.date(2023, 10, 15))
    reason = result.results[0].reason
    assert reason.count("#DIV/0!") == 3 and ".;" not in reason
    assert reason.endswith("; and 2 more (validate the plan to see them all).")


def test_data_quality_says_a_plan_may_be_last_year_s_or_empty(make_plan: Callable[..., Path],
                                                              tmp_path: Path) -> None:
    """Warnings that put a used plan's figures in doubt are its Data Quality code and reason,
    for finance to filter on: a Reporting Quarter of another year (last year's copy?), or a
    plan with nothing in it."""
    folder = tmp_path / "plans"
    folder.mkdir()
    copied = plan_tables("Housing", "Place", 10, 8, 2)
    copied["Plan"]["Reporting Quarter"] = "Q2 2022/23"
    shutil.move(make_plan(copied, "housing.xlsx"), folder)
    empty = plan_tables("Parks", "Place", 10, 8, 2, KPIs=[], Risks=[])
    shutil.move(make_plan(empty, "parks.xlsx"), folder)
    result = consolidate([folder], "Q2", today=dt.date(2023, 10, 15))
    quality = {row[0]: row for row in result.rows("Data Quality")}
    code, reason = COLUMNS["Data Quality"].index("Code"), COLUMNS["Data Quality"].index("Reason")
    assert quality["housing.xlsx"][code] == "reporting-quarter-other-year"
    assert "'Q2 2022/23' is a quarter of 2022/23" in quality["housing.xlsx"][reason]
    assert quality["parks.xlsx"][code] == "plan-empty"
    assert all(r.state is FileState.CONSOLIDATED for r in result.results)
