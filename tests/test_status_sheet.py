"""The Status sheet: what a scrutiny member reads, written safely to a new file."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import example, files_in

from xl_plans import schema
from xl_plans.model import Band, Rag
from xl_plans.policy import default_policy
from xl_plans.reader import read_plan
from xl_plans.risk import band_grid
from xl_plans.saving import SaveError
from xl_plans.status import PlanStatus, plan_status
from xl_plans.status_sheet import (
    BAND_COLOURS,
    ITEM_HEADERS,
    KPI_HEADERS,
    RAG_COLOURS,
    RISK_HEADERS,
    add_status_sheet,
    default_output,
    write_status_file,
)

HART = "hart_corporate_services_2022_23"
THREE_RIVERS = "three_rivers_housing_2022_25"


def status_of(path: Path, quarter: str, today: dt.date) -> PlanStatus:
    return plan_status(read_plan(path), quarter, default_policy(), today)


def written(tmp_path: Path, name: str, quarter: str, today: dt.date) -> tuple[Path, Any]:
    plan = tmp_path / f"{name}.xlsx"
    shutil.copyfile(example(name), plan)
    out = write_status_file(status_of(plan, quarter, today), plan)
    return out, openpyxl.load_workbook(out)[schema.STATUS_SHEET]


def table(sheet: Any, headers: tuple[str, ...]) -> list[list[Any]]:
    """The rows of cells under a header row, up to the first row that is not a table row."""
    rows = list(sheet.iter_rows())
    start = next(i for i, row in enumerate(rows)
                 if tuple(c.value for c in row[:len(headers)]) == headers)
    body = []
    for row in rows[start + 1:]:
        if row[0].value is None or row[1].value is None:
            break
        body.append(list(row))
    return body


def fill(cell: Any) -> str:
    return str(cell.fill.fgColor.rgb)[-6:]


def test_the_kpi_table(tmp_path: Path) -> None:
    _, sheet = written(tmp_path, HART, "Q1", dt.date(2022, 8, 12))
    rows = {row[0].value: row for row in table(sheet, KPI_HEADERS)}
    assert list(rows) == [f"CP{n}" for n in range(1, 14)]
    cp6 = rows["CP6"]
    assert cp6[2].value == pytest.approx(0.293) and cp6[2].number_format == "0.0%"
    assert cp6[3].value == pytest.approx(0.245)
    assert cp6[4].value == "Green" and fill(cp6[4]) == RAG_COLOURS[Rag.GREEN][0]
    assert cp6[5].value is None  # first quarter of a cumulative measure: nothing to compare
    assert cp6[6].value == "↑"  # up on 20% at Q1 last year
    assert cp6[7].value == "100% (Green)"  # 29.3% x 4 is 117.2%: a rate stops at 100%
    assert cp6[8].value == ("29.3% vs 24.5% expected by Q1 (98% annual, cumulative): Green; "
                            "year-end forecast capped at 100% (117.2% at this pace)")
    assert cp6[9].value == "actual KPIs!N7, target KPIs!H7, last year KPIs!R7"
    assert cp6[9].hyperlink.target == f"{HART}.xlsx"
    assert cp6[9].hyperlink.location == "'KPIs'!N7"
    assert rows["CP4"][2].value == "No" and rows["CP4"][3].value == "Yes"
    for ref, rag in (("CP1", Rag.RED), ("CP10", Rag.NO_DATA), ("CP12", Rag.NOT_DUE)):
        assert rows[ref][4].value == rag.value
        assert fill(rows[ref][4]) == RAG_COLOURS[rag][0]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("Arrows: ↑ better than, ↓ worse than, → the same as") for t in texts)


def test_the_risk_heat_map_and_table(tmp_path: Path) -> None:
    _, sheet = written(tmp_path, THREE_RIVERS, "Q2", dt.date(2022, 10, 15))
    cells = {c.value: c for row in sheet.iter_rows() for c in row if c.value is not None}
    map_title = cells["Heat map: open risks in each cell, coloured by band"]
    top = map_title.row + 1  # likelihood 4 on top, then 3, 2, 1; impact 1..4 in C..F
    grid = [[sheet.cell(top + 4 - likelihood, 2 + impact) for impact in range(1, 5)]
            for likelihood in range(1, 5)]
    assert [[c.value for c in row] for row in grid] == [
        [None, None, None, None], [1, 6, None, None], [None] * 4, [None] * 4]
    bands = band_grid(default_policy().matrix("4x4"))
    assert [[fill(c) for c in row] for row in grid] == [
        [BAND_COLOURS[band][0] for band in row] for row in bands]
    assert sheet.cell(top + 4, 2).value == "Impact →"
    risks = table(sheet, RISK_HEADERS)
    assert [(r[0].value, r[5].value, r[6].value) for r in risks] == [
        ("R1", 4, "Low"), ("R2", 4, "Low"), ("R3", 4, "Low"), ("R4", 4, "Low"),
        ("R5", 4, "Low"), ("R6", 4, "Low"), ("R7", 2, "Low")]
    assert fill(risks[0][6]) == BAND_COLOURS[Band.LOW][0]


def test_priorities_projects_and_contracts(tmp_path: Path) -> None:
    _, sheet = written(tmp_path, THREE_RIVERS, "Q2", dt.date(2022, 10, 15))
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    state_rows = {row[1]: row[2:4] for row in values if row[1] in (
        "Overdue", "Not yet due", "No date", "Due in Q2 (whatever their state)")}
    assert state_rows == {"Overdue": [0, 7], "Not yet due": [0, 9], "No date": [7, 0],
                          "Due in Q2 (whatever their state)": [0, 4]}
    contracts = [row for row in values if row[0] in ("C1", "C2")]
    assert [(row[1], row[4]) for row in contracts] == [
        ("Homelessness Reviews", "Expired"), ("Homelessness Out of Hours Service", "Ongoing")]
    headings = [row[0] for row in values if str(row[0]).startswith("Contracts")]
    assert headings == ["Contracts needing action (2 of 7)"]


def test_text_from_the_plan_never_becomes_a_formula(make_plan: Any, tmp_path: Path) -> None:
    plan = make_plan({
        "Plan": {"Service": "=HYPERLINK(\"http://x\",\"click\")", "Plan Year": "2023/24"},
        "KPIs": [{"Ref": "@SUM(A1)", "Indicator": "=1+1", "Polarity": "Higher is better",
                  "Measure": "Snapshot", "Annual Target": 10, "Q1": 5}],
        "Risks": [{"Ref": "#N/A", "Risk": "+44 1252 622122", "Residual Likelihood": 1,
                   "Residual Impact": 1}],
    })
    out = write_status_file(status_of(plan, "Q1", dt.date(2023, 8, 1)), plan)
    with zipfile.ZipFile(out) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b't="e"' not in sheet_xml
    values = {c.value for row in openpyxl.load_workbook(out)[schema.STATUS_SHEET].iter_rows()
              for c in row}
    assert {"@SUM(A1)", "=1+1", "#N/A", "+44 1252 622122"} <= values


def test_the_plan_is_untouched_and_nothing_is_overwritten(tmp_path: Path) -> None:
    plan = tmp_path / f"{HART}.xlsx"
    shutil.copyfile(example(HART), plan)
    found = status_of(plan, "Q1", dt.date(2022, 8, 12))
    before = files_in(tmp_path)
    out = write_status_file(found, plan)
    assert out == default_output(plan, found) == tmp_path / f"{HART} - Status Q1.xlsx"
    after = files_in(tmp_path)
    assert {k: v for k, v in after.items() if k != out.name} == before  # no temp files either
    with pytest.raises(SaveError, match="already exists"):
        write_status_file(found, plan)
    assert files_in(tmp_path) == after
    with pytest.raises(SaveError, match="the plan itself"):
        write_status_file(found, plan, plan)
    with pytest.raises(SaveError, match=r"must be an \.xlsx"):
        write_status_file(found, plan, tmp_path / "status.csv")


def test_adding_the_sheet_again_replaces_it(tmp_path: Path) -> None:
    found = status_of(example(HART), "Q1", dt.date(2022, 8, 12))
    book = openpyxl.load_workbook(example(HART))
    add_status_sheet(book, found)
    position = book.sheetnames.index(schema.STATUS_SHEET)
    add_status_sheet(book, found)
    assert book.sheetnames.count(schema.STATUS_SHEET) == 1
    assert book.sheetnames.index(schema.STATUS_SHEET) == position
    links = [c.hyperlink for row in book[schema.STATUS_SHEET].iter_rows() for c in row
             if c.hyperlink is not None]
    assert links and all(link.target is None and link.location for link in links)


def test_a_plan_with_little_in_it(make_plan: Any, tmp_path: Path) -> None:
    plan = make_plan({"Plan": {"Service": "Office of the Mayor"}}, name="mayor's plan.xlsx")
    out = write_status_file(status_of(plan, "Q3", dt.date(2024, 1, 10)), plan)
    values = [c.value for row in openpyxl.load_workbook(out)[schema.STATUS_SHEET].iter_rows()
              for c in row if c.value is not None]
    assert "Status: Office of the Mayor, Q3" in values
    for missing in ("No KPIs in the plan.", "No risks in the plan.",
                    "No contracts in the plan."):
        assert missing in values


def test_links_to_a_plan_elsewhere_are_relative_uris(tmp_path: Path) -> None:
    folder = tmp_path / "Service plans"
    folder.mkdir()
    plan = folder / "Hart corporate.xlsx"
    shutil.copyfile(example(HART), plan)
    out = write_status_file(status_of(plan, "Q1", dt.date(2022, 8, 12)), plan,
                            tmp_path / "status.xlsx")
    links = {c.hyperlink.target for row in openpyxl.load_workbook(out)[schema.STATUS_SHEET]
             .iter_rows() for c in row if c.hyperlink is not None}
    assert links == {"Service%20plans/Hart%20corporate.xlsx"}


def test_a_plan_with_no_relative_path_is_linked_by_its_full_address(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows a plan on \\\\server\\share and a Status file on C: have no relative path:
    os.path.relpath raises ValueError. The link then names the plan in full."""
    plan = tmp_path / "Hart corporate.xlsx"
    shutil.copyfile(example(HART), plan)

    def across_drives(path: str, start: str | None = None) -> str:
        raise ValueError("path is on mount '\\\\server\\share', start on mount 'C:'")

    monkeypatch.setattr(os.path, "relpath", across_drives)
    out = write_status_file(status_of(plan, "Q1", dt.date(2022, 8, 12)), plan,
                            tmp_path / "status.xlsx")
    links = {c.hyperlink.target for row in openpyxl.load_workbook(out)[schema.STATUS_SHEET]
             .iter_rows() for c in row if c.hyperlink is not None}
    assert links == {plan.resolve().as_uri()}  # file:///.../Hart%20corporate.xlsx


def test_an_officers_sheet_named_status_in_any_case_is_never_replaced(tmp_path: Path) -> None:
    found = status_of(example(HART), "Q1", dt.date(2022, 8, 12))
    book = openpyxl.load_workbook(example(HART))
    book.create_sheet("STATUS")["A1"] = "Notes for the portfolio holder"
    names = book.sheetnames
    with pytest.raises(SaveError, match="already has a sheet named 'STATUS' that xl_plans did "
                                        "not write"):
        add_status_sheet(book, found)
    assert book.sheetnames == names
    assert book["STATUS"]["A1"].value == "Notes for the portfolio holder"


def test_a_band_s_ends_show_as_the_reason_shows_them(tmp_path: Path,
                                                    make_plan: Any) -> None:
    """The Expected column showed a band of 0.125 to 0.375 as "0.12 to 0.38", where the
    reason beside it says "0.125 to 0.375"."""
    path = make_plan({"Plan": {"Service": "Parks", "Plan Year": "2024/25"},
                      "KPIs": [{"Ref": "K1", "Indicator": "Visits per head",
                                "Polarity": "Target band", "Measure": "Cumulative",
                                "Unit": "Number", "Annual Target": "0.5 to 1.5", "Q1": 0.3}]})
    out = write_status_file(status_of(path, "Q1", dt.date(2024, 7, 15)), path)
    [row] = table(openpyxl.load_workbook(out)[schema.STATUS_SHEET], KPI_HEADERS)
    assert row[3].value == "0.125 to 0.375"
    assert "0.3 vs 0.125 to 0.375" in row[8].value


def test_an_item_needing_attention_names_its_priority_or_project_where_it_prints(
        tmp_path: Path) -> None:
    """The project's name was in the last column, which is not printed: on paper, "Review
    existing scheme" was overdue with no word of which project (review of the day's diff)."""
    _, sheet = written(tmp_path, THREE_RIVERS, "Q1", dt.date(2022, 8, 12))
    rows = table(sheet, ITEM_HEADERS)
    named = [row[1].value for row in rows]
    assert "Review the Rent Deposit Guarantee Scheme (RDGS): Review existing scheme" in named
    assert ITEM_HEADERS[-1] == "Cells" and all(row[9].hyperlink for row in rows)
    assert sheet.print_area.endswith(f"$A$1:$I${sheet.max_row}")  # through the Reason
