"""One test per issue code: plant the problem in a generated plan workbook and find it, with its
severity, at its cell.

Every case starts from GOOD, a small plan with no issues at all, changes its typed values
(`tables`) and/or the saved workbook (`post`, with openpyxl, for what typing cannot produce:
formulas, error cells, merges, hidden sheets), and names the one place the code must be
reported. File-level codes (unreadable files) are tested in test_bad_files.py.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from xl_plans import schema
from xl_plans.reader import read_workbook
from xl_plans.validation import CODES, validate
from xl_plans.validation.codes import CHECK_CODES

GOOD: dict[str, Any] = {
    "Plan": {"Council": "Test District Council", "Service": "Housing", "Plan Year": "2024/25",
             "Reporting Quarter": "Q2", "Risk Matrix": "5x5"},
    "Priorities": [
        {"Ref": "P1", "Priority": "More homes", "Outcome": "Local plan adopted",
         "Target Date": "March 2025", "Status": "On track", "% Complete": 0.5},
        {"Ref": "P1", "Priority": "More homes", "Outcome": "Sites allocated",
         "Target Date": dt.date(2025, 1, 31), "Status": "Not started", "% Complete": "0%"},
    ],
    "KPIs": [
        {"Ref": "K1", "Indicator": "Homes built", "Polarity": "Higher is better",
         "Measure": "Cumulative", "Unit": "Number", "Annual Target": 100, "Q1": 30, "Q2": 55,
         "Comment": "On track"},
        {"Ref": "K2", "Indicator": "Calls answered in 30 seconds", "Polarity": "Higher is better",
         "Measure": "Snapshot", "Unit": "%", "Annual Target": 0.9, "Q1": 0.91, "Q2": "92%"},
        {"Ref": "K3", "Indicator": "Rough sleepers", "Measure": "Info only", "Unit": "Number",
         "Annual Target": "INFO ONLY", "Q1": 4, "Q2": 3},
    ],
    "KPI Years": [{"Ref": "K1", "Year": "2023/24", "Target": 90, "Outturn": 95}],
    "Risks": [
        {"Ref": "R1", "Risk": "Staff shortages", "Residual Likelihood": 2, "Residual Impact": 3,
         "Review Date": dt.date(2024, 12, 31), "Status": "Open"},
        {"Ref": "R2", "Risk": "Old register", "Residual Likelihood": 1, "Residual Impact": 1,
         "Review Date": dt.date(2023, 1, 31), "Status": "Closed"},
    ],
    "Projects": [
        {"Ref": "PR1", "Project": "New depot", "Milestone": "Design", "Due": "Q3 2024/25"},
        {"Ref": "PR1", "Project": "New depot", "Milestone": "Build", "Due": "2025/26"},
    ],
    "Contracts": [
        {"Ref": "C1", "Contract": "Waste collection", "Value": "£3,500 per annum",
         "Value Basis": "Annual", "Start Date": dt.date(2020, 4, 1),
         "End Date": dt.date(2027, 3, 31), "Review Date": dt.date(2025, 3, 1)},
        {"Ref": "C2", "Contract": "Old lease", "Start Date": dt.date(2015, 4, 1),
         "End Date": dt.date(2020, 3, 31), "Review Date": dt.date(2019, 1, 1)},  # ended
    ],
    "Budget": [{"Year": "2024/25", "Gross Budget": 1_200_000, "Net Budget": 900_000,
                "FTE": 21.5}],
    "Versions": [{"Version": "1.0", "Date": dt.date(2024, 3, 1)}],
}

Tables = dict[str, Any]
Book = openpyxl.Workbook


def good() -> Tables:
    return copy.deepcopy(GOOD)


def _emptied(*sheets: str) -> Callable[[Tables], None]:
    """The sheets left with their headers and no rows."""

    def change(tables: Tables) -> None:
        for sheet in sheets:
            tables[sheet] = []

    return change


def setting(sheet: str, index: int, **values: Any) -> Callable[[Tables], None]:
    """Change typed values of one row: setting("KPIs", 0, Q1="about 40")."""

    def change(tables: Tables) -> None:
        row = tables[sheet][index]
        for header, value in values.items():
            header = header.replace("_", " ")
            if value is None:
                row.pop(header, None)
            else:
                row[header] = value

    return change


def detail(header: str, value: Any) -> Callable[[Tables], None]:
    def change(tables: Tables) -> None:
        if value is None:
            tables["Plan"].pop(header, None)
        else:
            tables["Plan"][header] = value

    return change


def adding(sheet: str, row: dict[str, Any]) -> Callable[[Tables], None]:
    def change(tables: Tables) -> None:
        tables.setdefault(sheet, []).append(row)

    return change


def cell(sheet: str, address: str, value: Any) -> Callable[[Book], None]:
    """Set a cell in the saved workbook the way openpyxl does: "=..." is a formula, "#DIV/0!"
    an error cell."""

    def change(book: Book) -> None:
        book[sheet][address] = value

    return change


@dataclass
class Case:
    code: str
    severity: str
    location: str  # where the issue must be reported: "KPIs!N2", "Risks" (a sheet), "" (file)
    tables: Callable[[Tables], None] | None = None
    post: Callable[[Book], None] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _not_a_plan(book: Book) -> None:
    for name in list(book.sheetnames):
        del book[name]
    summary = book.create_sheet("Summary")
    summary.append(["Cost centre", "Budget", "Spend"])
    summary.append(["H100", 1000, 900])


def _rename(old: str, new: str) -> Callable[[Book], None]:
    def change(book: Book) -> None:
        book[old].title = new

    return change


def _hide(name: str) -> Callable[[Book], None]:
    def change(book: Book) -> None:
        book[name].sheet_state = "hidden"

    return change


def _clear_header(name: str) -> Callable[[Book], None]:
    def change(book: Book) -> None:
        for header in book[name][1]:
            header.value = None

    return change


def _merge(name: str, cells: str) -> Callable[[Book], None]:
    def change(book: Book) -> None:
        book[name].merge_cells(cells)

    return change


CASES = [
    Case("not-a-plan", "error", "", post=_not_a_plan),
    Case("sheet-missing", "error", "KPIs", post=_rename("KPIs", "KPI's 2024")),
    Case("plan-empty", "warning", "Priorities", tables=_emptied(
        "Priorities", "KPIs", "Risks", "Projects", "Contracts", "KPI Years")),
    Case("sheet-hidden", "warning", "Risks", post=_hide("Risks")),
    Case("header-row-missing", "error", "KPIs", post=_clear_header("KPIs")),
    Case("column-missing", "error", "KPIs!B1", post=cell("KPIs", "B1", "Indicatr")),
    Case("column-unrecognised", "warning", "KPIs!E1", post=cell("KPIs", "E1", "Polarty")),
    # "Target" is a synonym of Annual Target: a second column meaning the same
    Case("column-duplicated", "warning", "KPIs!X1", tables=setting("KPIs", 0, Target=120)),
    Case("column-unnamed", "warning", "KPIs!Z3", post=cell("KPIs", "Z3", "stray note")),
    Case("merged-cells", "warning", "KPIs!N2", post=_merge("KPIs", "N2:O2")),
    Case("plan-detail-missing", "error", "Plan!B3", tables=detail("Service", None)),
    Case("plan-year-unreadable", "error", "Plan!B7", tables=detail("Plan Year", "Next year")),
    Case("plan-year-ambiguous", "warning", "Plan!B7", tables=detail("Plan Year", "2024")),
    Case("reporting-quarter-missing", "warning", "Plan!B9",
         tables=detail("Reporting Quarter", None)),
    Case("reporting-quarter-other-year", "warning", "Plan!B9",
         tables=detail("Reporting Quarter", "Q2 2023/24")),
    Case("template-outdated", "warning", "Plan!B12", post=cell("Plan", "B12", "0.9")),
    Case("progress-status-conflict", "warning", "Priorities!G2",
         tables=setting("Priorities", 0, **{"% Complete": 1})),
    Case("formula-uncalculated", "error", "KPIs!N2", post=cell("KPIs", "N2", "=SUM(10,20)")),
    Case("error-cell", "error", "KPIs!O3", post=cell("KPIs", "O3", "#DIV/0!")),
    Case("choice-unknown", "error", "KPIs!E2", tables=setting("KPIs", 0, Polarity="Higer")),
    Case("not-a-number", "error", "KPIs!N2", tables=setting("KPIs", 0, Q1="about 40")),
    Case("figure-as-words", "warning", "KPIs!H2",
         tables=setting("KPIs", 0, Annual_Target="260 visits")),
    Case("date-unreadable", "warning", "Priorities!E2",
         tables=setting("Priorities", 0, Target_Date="when funding allows")),
    Case("value-missing", "warning", "KPIs!B3", tables=setting("KPIs", 1, Indicator=None)),
    Case("duplicate-ref", "error", "KPIs!A3", tables=setting("KPIs", 1, Ref="k1 ")),
    Case("kpi-ref-unknown", "warning", "KPI Years!A3",
         tables=adding("KPI Years", {"Ref": "K9", "Year": "2023/24", "Target": 5})),
    Case("kpi-target-missing", "warning", "KPIs!H2",
         tables=setting("KPIs", 0, Annual_Target="TBC")),
    Case("percent-over-100", "warning", "Priorities!H2",
         tables=setting("Priorities", 0, **{"%_Complete": 150})),
    Case("percent-scale-mixed", "warning", "KPIs!O3", tables=setting("KPIs", 1, Q2=92)),
    Case("actual-missing", "warning", "KPIs!O2",
         tables=setting("KPIs", 0, Q2=None, Comment=None)),
    Case("cumulative-decreases", "warning", "KPIs!O2", tables=setting("KPIs", 0, Q2=25)),
    Case("actual-after-reporting-quarter", "warning", "KPIs!P2",
         tables=setting("KPIs", 0, Q3=80)),
    Case("red-kpi-unexplained", "query", "KPIs!V3", tables=setting("KPIs", 1, Q2="50%")),
    Case("score-outside-matrix", "error", "Risks!I2",
         tables=setting("Risks", 0, Residual_Impact=6)),
    Case("date-out-of-range", "warning", "Priorities!E2",
         tables=setting("Priorities", 0, Target_Date="31/03/2204")),
    Case("contract-dates-reversed", "error", "Contracts!I2",
         tables=setting("Contracts", 0, End_Date=dt.date(2019, 3, 31))),
    Case("review-date-passed", "warning", "Risks!L2",
         tables=setting("Risks", 0, Review_Date=dt.date(2024, 6, 30))),
    Case("cumulative-profile", "warning", "KPIs!M2",
         tables=setting("KPIs", 0, Q1_Target=25, Q2_Target=25, Q3_Target=25, Q4_Target=25)),
    Case("risk-matrix-missing", "warning", "Plan!B11", tables=detail("Risk Matrix", None)),
    Case("budget-year-missing", "warning", "Budget",
         tables=setting("Budget", 0, Year="2023/24")),
    Case("budget-year-unreadable", "warning", "Budget!A2",
         tables=setting("Budget", 0, Year="This year")),
    Case("budget-year-ambiguous", "warning", "Budget!A2",
         tables=setting("Budget", 0, Year="2024")),
    Case("percent-on-non-percent-kpi", "warning", "KPIs!O2",
         tables=setting("KPIs", 0, Q2="55%")),
    Case("yes-no-on-figure-kpi", "warning", "KPIs!O2", tables=setting("KPIs", 0, Q2="Yes")),
    Case("kpi-rule-missing", "warning", "KPIs!E2", tables=setting("KPIs", 0, Polarity=None)),
    Case("budget-figure-missing", "warning", "Budget!C2",
         tables=setting("Budget", 0, Net_Budget="TBC")),
    Case("budget-figure-unlikely", "warning", "Budget!B2",
         tables=setting("Budget", 0, Gross_Budget=-1250000)),
]


def build(make_plan: Callable[..., Path], case: Case | None = None,
          name: str = "plan.xlsx") -> Path:
    tables = good()
    if case is not None and case.tables is not None:
        case.tables(tables)
    path = make_plan(tables, name)
    if case is not None and case.post is not None:
        book = openpyxl.load_workbook(path)
        case.post(book)
        book.save(path)
    return path


def test_the_good_plan_has_no_issues_at_all(make_plan: Callable[..., Path]) -> None:
    report = validate(build(make_plan))
    assert report.issues == () and report.valid
    assert report.as_of == dt.date(2024, 9, 30)  # the end of the reporting quarter, Q2 2024/25


@pytest.mark.parametrize("case", CASES, ids=[case.code for case in CASES])
def test_each_code_is_found_at_its_cell(make_plan: Callable[..., Path], case: Case) -> None:
    report = validate(build(make_plan, case))
    found = [issue for issue in report.issues if issue.code == case.code]
    assert [(i.code, i.severity.value, i.location) for i in found] == [
        (case.code, case.severity, case.location)]
    issue = found[0]
    assert issue.file == report.file and Path(issue.file).name == "plan.xlsx"
    assert issue.message.endswith((".", "?")) and issue.hint
    assert report.valid is (not report.errors)


def test_every_workbook_code_has_a_case() -> None:
    assert sorted(case.code for case in CASES) == sorted(CHECK_CODES)
    assert all(CODES[case.code].severity.value == case.severity for case in CASES)


# --------------------------------------------------------------------------- details of cases


def test_a_missing_sheet_names_the_sheets_found_and_the_closest(
        make_plan: Callable[..., Path]) -> None:
    case = next(c for c in CASES if c.code == "sheet-missing")
    (issue,) = [i for i in validate(build(make_plan, case)).issues if i.code == "sheet-missing"]
    assert issue.message == (
        "There is no KPIs sheet: the sheets are Plan, Priorities, KPI's 2024, KPI Years, Risks, "
        "Projects, Contracts, Budget, Versions, Guidance; is it KPI's 2024?")


def test_a_missing_column_suggests_the_closest_header(make_plan: Callable[..., Path]) -> None:
    case = next(c for c in CASES if c.code == "column-missing")
    (issue,) = [i for i in validate(build(make_plan, case)).issues if i.code == "column-missing"]
    assert issue.message == "The KPIs sheet has no Indicator column; is it 'Indicatr' (column B)?"
    assert issue.value == "Indicatr"


def test_an_unknown_dropdown_value_lists_the_allowed_ones(make_plan: Callable[..., Path]) -> None:
    case = next(c for c in CASES if c.code == "choice-unknown")
    (issue,) = [i for i in validate(build(make_plan, case)).issues if i.code == "choice-unknown"]
    assert issue.message == ("Polarity 'Higer' is not an allowed value (Higher is better, "
                             "Lower is better, Target band).")
    assert issue.hint.endswith("did you mean Higher is better?")
    assert (issue.value, issue.field, issue.row) == ("Higer", "polarity", 2)


def test_the_matrix_size_comes_from_the_plan_sheet(make_plan: Callable[..., Path]) -> None:
    tables = good()
    tables["Plan"]["Risk Matrix"] = "4x4"
    tables["Risks"][0]["Residual Impact"] = 5
    tables["Risks"][0]["Inherent Likelihood"] = 2.5
    report = validate(make_plan(tables))
    assert report.flatten(["code", "location", "value"]) == [
        ["score-outside-matrix", "Risks!E2", 2.5],
        ["score-outside-matrix", "Risks!I2", 5],
    ]
    tables["Plan"].pop("Risk Matrix")  # default 5x5: 5 is on the matrix, 2.5 still is not
    assert validate(make_plan(tables)).flatten(["code", "location"]) == [
        ["risk-matrix-missing", "Plan!B11"], ["score-outside-matrix", "Risks!E2"]]


def test_a_red_kpi_with_a_comment_or_action_is_not_queried(make_plan: Callable[..., Path]) -> None:
    tables = good()
    tables["KPIs"][1]["Q2"] = "50%"
    tables["KPIs"][1]["Corrective Action"] = "Extra staff from October"
    assert validate(make_plan(tables)).issues == ()


@pytest.mark.parametrize(("values", "expected"), [
    # whole numbers in a % column are read as percentages (policy), but mixed with fractions
    ({"Q1": 91, "Q2": 92}, [("percent-scale-mixed", "KPIs!N3"),
                            ("percent-scale-mixed", "KPIs!O3")]),
    ({"Annual Target": 90, "Q1": 91, "Q2": 92}, []),  # one way throughout: fine
    ({"Q2": 1.2}, [("percent-over-100", "KPIs!O3")]),  # 1.2 is 120%
    ({"Q2": "120%"}, []),  # typed with its sign: meant, not a guessed scale
    ({"Q2": 250}, [("percent-over-100", "KPIs!O3")]),  # 250 -> 250%
])
def test_percentages(make_plan: Callable[..., Path], values: dict[str, Any],
                     expected: list[tuple[str, str]]) -> None:
    tables = good()
    tables["KPIs"][1].update(values)
    report = validate(make_plan(tables))
    assert [(i.code, i.location) for i in report.issues] == expected


def test_review_dates_are_judged_as_of_a_given_day(make_plan: Callable[..., Path]) -> None:
    path = build(make_plan)
    late = validate(path, as_of=dt.date(2025, 6, 1))
    assert late.flatten(["code", "location"]) == [
        ["review-date-passed", "Risks!L2"], ["review-date-passed", "Contracts!J2"]]
    assert late.as_of == dt.date(2025, 6, 1)


def test_issues_come_sheet_by_sheet_row_by_row(make_plan: Callable[..., Path]) -> None:
    tables = good()
    tables["Risks"][0]["Residual Impact"] = 9
    tables["KPIs"][1]["Q1"] = "about 40"
    tables["KPIs"][0]["Polarity"] = "Higer"
    tables["Plan"]["Plan Year"] = "Next year"
    report = validate(make_plan(tables), as_of=dt.date(2024, 9, 30))
    assert [i.location for i in report.issues] == [
        "Plan!B7", "KPIs!E2", "KPIs!N3", "Risks!I2"]


@pytest.mark.parametrize(("targets", "message"), [
    ((25, 50, 75, 100), None),  # year to date: fine
    ((25, 25, 25, 100), None),  # nothing more expected in Q2 and Q3: still year to date
    ((None, 50, None, 100), None),  # a profile for some quarters only
    ((30, 20, 75, 100), "KPI K1 is cumulative but its Q2 target ('20') is below its Q1 target: "
                        "quarter targets of a cumulative measure are year to date."),
    ((25, 25, 25, 25), "KPI K1 is cumulative but its Q4 target ('25') is not its annual target "
                       "('100'): quarter targets of a cumulative measure are year to date, "
                       "reaching the annual target in Q4."),
])
def test_a_cumulative_profile_is_year_to_date(make_plan: Callable[..., Path],
                                              targets: tuple[int | None, ...],
                                              message: str | None) -> None:
    """Per-quarter targets on a cumulative measure (25 a quarter for 100 a year) would score
    80 at Q4 Green against 25: said, once per indicator."""
    tables = good()
    tables["KPIs"][0].update({f"Q{q} Target": t for q, t in enumerate(targets, start=1)
                              if t is not None})
    found = [i.message for i in validate(make_plan(tables)).issues
             if i.code == "cumulative-profile"]
    assert found == ([message] if message else [])


def test_stray_columns_side_by_side_are_one_issue(make_plan: Callable[..., Path]) -> None:
    """A block pasted beside a table is one issue naming its columns, not one per column."""
    case = next(c for c in CASES if c.code == "column-unnamed")

    def stray(book: Book) -> None:
        assert case.post is not None
        case.post(book)  # Z3
        for col in range(30, 300):  # AE3 to KN3
            book["KPIs"].cell(row=3, column=col + 1, value="pasted")

    path = build(make_plan, Case("column-unnamed", "warning", "", post=stray))
    found = [(i.location, i.message) for i in validate(path).issues
             if i.code == "column-unnamed"]
    assert found == [
        ("KPIs!Z3", "Column Z holds data but has no header, so it is not read."),
        ("KPIs!AE3", "Columns AE to KN hold data but have no header, so they are not read."),
    ]


# --------------------------------------------------------------------------- one KPI, real cases


def one_kpi(kpi: dict[str, Any], **plan: Any) -> Tables:
    """The good plan with one KPI (row 2 of the KPIs sheet) and the Plan sheet as changed."""
    tables = good()
    tables["KPIs"] = [{"Ref": "K1", **kpi}]
    tables["KPI Years"] = []
    for header, value in plan.items():
        detail(header.replace("_", " "), value)(tables)
    return tables


MISSED_BINS = {"Indicator": "Number of missed collections excluding garden waste (per 100,000)",
               "Polarity": "Lower is better", "Measure": "Snapshot", "Unit": "Number",
               "Annual Target": 40, "Q1": 38}
SERCO = ("This is subject to a contractual dispute with Serco – they are not providing the "
         "data and are disputing the definition of ‘missed bin’ Legal advice is being sought")


@pytest.mark.parametrize(("q2", "explained", "found"), [
    (None, {}, ["KPIs!O2"]),
    ("N/A", {}, ["KPIs!O2"]),
    ("-", {}, ["KPIs!O2"]),
    (None, {"Comment": SERCO}, []),  # Hart CP10: the Comment says why
    ("N/A", {"Comment": SERCO}, []),
    (None, {"Corrective Action": "Data to be requested under the contract's audit clause"},
     []),
])
def test_no_figure_is_asked_about_only_when_nothing_says_why(
        make_plan: Callable[..., Path], q2: Any, explained: dict[str, str],
        found: list[str]) -> None:
    """The hint says "or say in the Comment why there is none": once it is said, the gap is
    explained (Hart 2022/23 CP10, CP11 and CP13 in the waste contract dispute)."""
    kpi = {**MISSED_BINS, **explained}
    if q2 is not None:
        kpi["Q2"] = q2
    report = validate(make_plan(one_kpi(kpi)))
    assert [i.location for i in report.issues if i.code == "actual-missing"] == found


DFG = {"Indicator": "% Disabled Facilities Grant spent against budget",
       "Polarity": "Higher is better", "Measure": "Snapshot", "Unit": "%",
       "Annual Target": "100%", "Q1": "64%", "Comment": "Two large adaptations completed early"}


@pytest.mark.parametrize(("q2", "found"), [
    ("112%", []),  # typed with its sign: an overspend, meant
    ("150%", []),
    (1.12, [("KPIs!O2", "Q2 of KPI K1 is '1.12', read as 112%, which is over 100%.")]),
    (112, [("KPIs!O2", "Q2 of KPI K1 is '112', read as 112%, which is over 100%.")]),
    ("1.5", [("KPIs!O2", "Q2 of KPI K1 is '1.5', read as 150%, which is over 100%.")]),
])
def test_over_100_percent_is_asked_about_only_when_the_scale_was_guessed(
        make_plan: Callable[..., Path], q2: Any, found: list[tuple[str, str]]) -> None:
    """Spend against budget (Hart 2023/24 KPI 6) can be 112%: typed with its sign it is not a
    slip. A plain 1.12 or 112 was read at a guessed scale, which is what is asked about."""
    report = validate(make_plan(one_kpi({**DFG, "Q2": q2})))
    assert [(i.location, i.message) for i in report.issues
            if i.code == "percent-over-100"] == found


@pytest.mark.parametrize("typed", ["150%", 1.5, 150])
def test_a_percent_complete_over_100_is_asked_about_however_typed(
        make_plan: Callable[..., Path], typed: Any) -> None:
    """Over 100% complete means nothing, typed with its sign or not (Excel stores 150% typed
    in a % cell as 1.5): only an indicator's figure may be over 100% on purpose."""
    tables = good()
    setting("Priorities", 0, **{"%_Complete": typed})(tables)
    assert "percent-over-100" in validate(make_plan(tables)).codes()


BAND = {"Indicator": "Average days to process a change of circumstances",
        "Polarity": "Target band", "Measure": "Snapshot", "Unit": "Number", "Q1": 7, "Q2": 8,
        "Comment": "Within the band"}
TO_BAND = ("If the figure should stay within this range, set Polarity to Target band; "
           "otherwise type one figure (50%, 260) and put the words in the Comment.")
WORDS = CODES["figure-as-words"].hint


@pytest.mark.parametrize(("kpi", "found"), [
    ({"Annual Target": "5-10"}, []),  # read as a band by the scoring: not words
    ({"Annual Target": "5 – 10"}, []),  # Word's en dash
    ({"Annual Target": "between 5 and 10"}, []),
    ({"Annual Target": "95% to 105%", "Unit": "%", "Q1": "98%", "Q2": "101%"}, []),
    ({"Annual Target": 7, "Q2 Target": "5-10"}, []),  # a quarter's band (scored at Q2)
    ({"Annual Target": "5-10", "Q2 Target": "6-9"}, []),  # the annual band, not scored at Q2
    ({"Annual Target": "10-5"}, [("KPIs!H2", WORDS)]),  # not a band: high end first
    ({"Annual Target": "260 visits"}, [("KPIs!H2", "Type just the figure, 260, in the cell; "
                                       "the words (visits) belong in a Comment or Update "
                                       "column, where they are kept.")]),
    ({"Annual Target": "5-10", "Polarity": "Higher is better"}, [("KPIs!H2", TO_BAND)]),
    ({"Annual Target": "5-10", "Polarity": None}, [("KPIs!H2", TO_BAND)]),
])
@pytest.mark.parametrize("quarter", ["Q2", None])  # scored for the plan already, or not
def test_a_target_band_typed_as_a_range_is_not_words(
        make_plan: Callable[..., Path], kpi: dict[str, Any], quarter: str | None,
        found: list[tuple[str, str]]) -> None:
    """A Target band KPI's target "5-10" is scored as a band (Status: "Green (inside 5 to
    10)"), so validation must not call it words and tell the officer to delete it. Whether it
    is a band is the scoring's own reading, with or without a reporting quarter."""
    row = {key: value for key, value in {**BAND, **kpi}.items() if value is not None}
    report = validate(make_plan(one_kpi(row, Reporting_Quarter=quarter)))
    assert [(i.location, i.hint) for i in report.issues if i.code == "figure-as-words"] == found


def test_a_band_is_read_the_same_for_a_plan_built_in_code(make_plan: Callable[..., Path]) -> None:
    plan = read_workbook(make_plan(one_kpi({**BAND, "Annual Target": "5-10"}))).plan
    assert "figure-as-words" not in validate(plan).codes()


def test_no_target_column_is_one_error_not_a_warning_per_kpi(
        make_plan: Callable[..., Path]) -> None:
    """Seed 001's header "Annual Target / Target" is not the Annual Target column: every
    target then reads blank, which column-missing explains; "Annual Target is blank" on each
    KPI (with no cell) would not."""
    path = build(make_plan, Case("column-missing", "error", "",
                                 post=cell("KPIs", "H1", "Goal for the year")))
    codes = validate(path).codes()
    assert "column-missing" in codes and "kpi-target-missing" not in codes


@pytest.mark.parametrize(("plan_year", "dates", "found"), [
    ("2024/25", ["Q3", "Q4"], []),
    (None, ["Q3", "March 2025"],
     [("plan-detail-missing", "Plan!B7",
       "The Plan sheet does not give the Plan Year, so 'Q3' at Priorities!E2 cannot be placed "
       "until it is filled in.")]),
    ("Next year", ["Q3", "Q4"],
     [("plan-year-unreadable", "Plan!B7",
       "Plan Year 'Next year' is not a financial year such as 2024/25, so 2 dates typed "
       "without a year ('Q3' at Priorities!E2, Priorities!E3) cannot be placed until it is "
       "corrected.")]),
    ("Next year", ["when funding allows", "March 2025"],
     [("plan-year-unreadable", "Plan!B7",
       "Plan Year 'Next year' is not a financial year such as 2024/25."),
      ("date-unreadable", "Priorities!E2",
       "Target Date of priority P1 is 'when funding allows', which is not a date, month or "
       "quarter.")]),
])
def test_a_quarter_without_its_year_waits_for_the_plan_year(
        make_plan: Callable[..., Path], plan_year: str | None, dates: list[str],
        found: list[tuple[str, str, str]]) -> None:
    """"Q3" is a quarter: with no readable Plan Year it cannot be placed, which the Plan Year's
    own error says (once), rather than "not a date, month or quarter" on every such cell."""
    tables = good()
    detail("Plan Year", plan_year)(tables)
    tables["Projects"] = []  # (their dates carry their year)
    for row, when in zip(tables["Priorities"], dates, strict=True):
        row["Target Date"] = when
    report = validate(make_plan(tables))
    assert [(i.code, i.location, i.message) for i in report.issues
            if i.code not in ("budget-year-missing", "review-date-passed")] == found


def test_a_quarter_count_goes_on_past_three(make_plan: Callable[..., Path]) -> None:
    tables = good()
    detail("Plan Year", "Next year")(tables)
    tables["Projects"] = [{"Ref": "PR1", "Project": "New depot", "Milestone": f"Stage {q}",
                           "Due": f"Q{q}"} for q in (1, 2, 3, 4)]
    (issue,) = [i for i in validate(make_plan(tables)).issues
                if i.code == "plan-year-unreadable"]
    assert issue.message.endswith(
        "so 4 dates typed without a year ('Q1' at Projects!G2, Projects!G3, Projects!G4 and 1 "
        "more) cannot be placed until it is corrected.")


@pytest.mark.parametrize(("plan_year", "budget_year", "found"), [
    ("2024/25", "2024/25", []),
    ("2024-25", "24/25", []),
    ("2024", "2024/25",
     [("plan-year-ambiguous", "Plan!B7",
       "Plan Year '2024' could mean 2023/24 or 2024/25: read as 2024/25; write it as 2024/25.",
       "Type the financial year in full: 2024/25, or 2023/24 if that is the year the plan is "
       "for.")]),
    (2024, "2024/25",  # a number cell
     [("plan-year-ambiguous", "Plan!B7",
       "Plan Year '2024' could mean 2023/24 or 2024/25: read as 2024/25; write it as 2024/25.",
       "Type the financial year in full: 2024/25, or 2023/24 if that is the year the plan is "
       "for.")]),
    ("2024/25", "2024",
     [("budget-year-ambiguous", "Budget!A2",
       "Year '2024' on the Budget sheet could mean 2023/24 or 2024/25: read as 2024/25, the "
       "plan year's line the council summary totals; write it as 2024/25.",
       "Type the financial year in full: 2024/25, or 2023/24 if those are that year's "
       "figures.")]),
    ("2024/25", 2025,  # "Budget 2025" meaning 2024/25: read as 2025/26, so not taken
     [("budget-year-missing", "Budget",
       "The Budget sheet has no line for the plan year 2024/25 (it has '2025'): the council "
       "summary shows no budget or FTE for this service.",
       CODES["budget-year-missing"].hint),
      ("budget-year-ambiguous", "Budget!A2",
       "Year '2025' on the Budget sheet could mean 2024/25 or 2025/26: read as 2025/26; write "
       "it as 2025/26.",
       "Type the financial year in full: 2025/26, or 2024/25 if those are that year's "
       "figures.")]),
])
def test_a_year_typed_as_one_year_is_said_to_be_ambiguous(
        make_plan: Callable[..., Path], plan_year: Any, budget_year: Any,
        found: list[tuple[str, str, str, str]]) -> None:
    """"2024" could be 2023/24 (councils name budgets by the year they end) or 2024/25: it is
    read as 2024/25, and said, so the officer writes what is meant."""
    tables = good()
    detail("Plan Year", plan_year)(tables)
    setting("Budget", 0, Year=budget_year)(tables)
    report = validate(make_plan(tables))
    assert [(i.code, i.location, i.message, i.hint) for i in report.issues] == found


@pytest.mark.parametrize(("typed", "found"), [
    ("Q2 2024/25", []),
    ("2024/25 Quarter 2", []),
    ("Q2 (Jul-Sep)", []),
    ("Q2 2023/24", [("reporting-quarter-other-year", "Plan!B9",
                     "Reporting Quarter 'Q2 2023/24' is a quarter of 2023/24, but the Plan Year "
                     "is 2024/25.")]),
    ("Q2 2024", [("choice-unknown", "Plan!B9",
                  "Reporting Quarter 'Q2 2024' is not an allowed value (Q1, Q2, Q3, Q4).")]),
])
def test_a_reporting_quarter_typed_with_its_year(make_plan: Callable[..., Path], typed: str,
                                                 found: list[tuple[str, str, str]]) -> None:
    """Reports are headed "Q2 2024/25": typed so, the quarter is read, and a year other than
    the plan's (last year's plan copied forward) is said."""
    tables = good()
    detail("Reporting Quarter", typed)(tables)
    path = make_plan(tables)
    report = validate(path)
    assert [(i.code, i.location, i.message) for i in report.issues] == found
    if not found:
        assert read_workbook(path).plan.details.reporting_quarter == "Q2"


@pytest.mark.parametrize(("status", "percent", "found"), [
    ("On track", 0.5, []),
    ("Complete", 1, []),
    ("Complete", "100%", []),
    ("Cancelled", 1, []),
    ("On track", None, []),
    (None, 1, []),
    ("On track", 1.5, []),  # 150%: percent-over-100 says so, not this too
    ("Complete", 0.6, [("Priorities!H2", "Status of priority P1 ('Local plan adopted') is "
                                         "Complete but its % Complete is 60%: it is scored as "
                                         "complete.")]),
    ("On track", "100%", [("Priorities!G2", "% Complete of priority P1 ('Local plan adopted') "
                                            "is 100% but its Status is On track: it is scored "
                                            "as complete.")]),
    ("At risk", 100, [("Priorities!G2", "% Complete of priority P1 ('Local plan adopted') is "
                                        "100% but its Status is At risk: it is scored as "
                                        "complete.")]),  # a plain 100: read as 100%
])
def test_status_and_percent_complete_must_agree(make_plan: Callable[..., Path],
                                                status: str | None, percent: Any,
                                                found: list[tuple[str, str]]) -> None:
    """100% complete while "On track" was scored Complete and Green with no word to the
    officer (review 3)."""
    tables = good()
    row = tables["Priorities"][0]
    for header, value in (("Status", status), ("% Complete", percent)):
        if value is None:
            row.pop(header, None)
        else:
            row[header] = value
    issues = [i for i in validate(make_plan(tables)).issues
              if i.code == "progress-status-conflict"]
    assert [(i.location, i.message) for i in issues] == found


@pytest.mark.parametrize(("typed", "hint"), [
    ("Medium", "Score it as a whole number from 1 to 5, on the plan's 5x5 matrix: 1 the lowest, "
               "5 the highest."),
    ("4 (Catastrophic)", "Type just the score, 4, on the plan's 5x5 matrix: 1 the lowest, 5 the "
                         "highest."),
    ("7 (Catastrophic)", "Score it as a whole number from 1 to 5, on the plan's 5x5 matrix: 1 "
                         "the lowest, 5 the highest."),
    ("2.5 (medium)", "Score it as a whole number from 1 to 5, on the plan's 5x5 matrix: 1 the "
                     "lowest, 5 the highest."),
])
def test_a_risk_score_in_words_is_told_how_to_score(make_plan: Callable[..., Path], typed: str,
                                                    hint: str) -> None:
    """The hint was the number columns' "... leave it blank and explain in the Comment", and
    the Risks sheet has no Comment."""
    tables = good()
    tables["Risks"][0]["Residual Likelihood"] = typed
    [issue] = [i for i in validate(make_plan(tables)).issues if i.code == "not-a-number"]
    assert (issue.location, issue.hint) == ("Risks!H2", hint)


def test_only_an_unfilled_plan_is_said_to_be_empty(make_plan: Callable[..., Path]) -> None:
    """A plan with nothing in it was "valid" (review of the template); a plan with any
    priority, KPI, risk, milestone or contract, or with a sheet missing (said as
    sheet-missing), is not "empty"."""
    def empty(tables: Tables) -> list[str]:
        return [i.code for i in validate(make_plan(tables)).issues if i.code == "plan-empty"]

    every = {"Priorities", "KPIs", "Risks", "Projects", "Contracts"}
    tables = good()
    _emptied(*every, "KPI Years")(tables)
    assert empty(tables) == ["plan-empty"]
    for kept in sorted(every):
        tables = good()
        _emptied(*(every - {kept}), "KPI Years")(tables)
        assert empty(tables) == [], kept


NON_PERCENT = {"Indicator": "Number housed in to the PRS (cumulative)",
               "Polarity": "Higher is better", "Measure": "Snapshot", "Unit": "Number",
               "Annual Target": 30, "Q1": 12, "Q2": 31, "Comment": "On track"}


@pytest.mark.parametrize(("kpi", "years", "found"), [
    ({}, {}, []),
    ({"Annual Target": "90%", "Q2": 85},  # scored Green: 85 against 0.9
     {}, [("KPIs!H2", "Annual Target of KPI K1 is typed as a percentage ('90%') but the "
                      "indicator's Unit is Number, so it is read as 0.9.")]),
    ({"Annual Target": 90, "Q2": "85%"},
     {}, [("KPIs!O2", "Q2 of KPI K1 is typed as a percentage ('85%') but the indicator's Unit "
                      "is Number, so it is read as 0.85.")]),
    ({"Indicator": "Overall cost of waste per household", "Polarity": "Lower is better",
      "Unit": "£", "Annual Target": "£25", "Q2": "24%"},
     {}, [("KPIs!O2", "Q2 of KPI K1 is typed as a percentage ('24%') but the indicator's Unit "
                      "is £, so it is read as 0.24.")]),
    ({"Indicator": "Management plan in place", "Unit": "Yes/No", "Annual Target": "Yes",
      "Q2": "100%"},
     {}, [("KPIs!O2", "Q2 of KPI K1 is typed as a percentage ('100%') but the indicator's "
                      "Unit is Yes/No, so it is read as 1.")]),
    ({}, {"Outturn": "95%"},
     [("KPI Years!D2", "Outturn of KPI Years row K1 2023/24 is typed as a percentage ('95%') "
                       "but the indicator's Unit is Number, so it is read as 0.95.")]),
    ({"Unit": "%", "Annual Target": "90%", "Q2": "85%"}, {}, []),
    ({"Unit": None, "Annual Target": "90%", "Q1": "80%", "Q2": "85%"}, {}, []),  # read as %
])
def test_a_percent_on_a_kpi_that_is_not_a_percentage_is_said(
        make_plan: Callable[..., Path], kpi: dict[str, Any], years: dict[str, Any],
        found: list[tuple[str, str]]) -> None:
    """A % sign makes a figure a fraction (90% is 0.9): on a Number, £ or Yes/No KPI it is
    scored against plain figures, silently, unless said."""
    row = {key: value for key, value in {**NON_PERCENT, **kpi}.items() if value is not None}
    tables = one_kpi(row)
    if years:
        tables["KPI Years"] = [{"Ref": "K1", "Year": "2023/24", **years}]
    report = validate(make_plan(tables))
    assert [(i.location, i.message) for i in report.issues
            if i.code == "percent-on-non-percent-kpi"] == found


@pytest.mark.parametrize(("address", "code", "where"), [
    ("O2", "not-a-number", "Q2 of KPI K1"),  # "1/2" typed: 1 Feb
    ("H2", "figure-as-words", "Annual Target of KPI K1"),  # "1-2" typed: 1 Feb
])
def test_a_date_in_a_number_column_is_shown_as_the_officer_sees_it(
        make_plan: Callable[..., Path], address: str, code: str, where: str) -> None:
    """Excel turns "1/2" or "5-10" typed in a General cell into a date: the message says it
    holds a date, as a day (not '2024-02-01'), and how to type the figure again."""
    path = make_plan(one_kpi(NON_PERCENT))
    book = openpyxl.load_workbook(path)
    cell("KPIs", address, dt.datetime(2024, 2, 1))(book)  # a date cell, as Excel makes it
    book.save(path)
    (issue,) = [i for i in validate(path).issues if i.code == code]
    assert issue.message == f"{where} holds a date (1 Feb 2024), which is not a number."
    assert issue.hint == ("Excel may have turned what was typed (such as 1/2 or 5-10) into a "
                          "date: format the cell as Number or Text (Home > Number Format) and "
                          "type the figure again.")


def test_a_plan_from_an_older_template_is_told_what_it_would_gain(
        make_plan: Callable[..., Path]) -> None:
    """Template 1.0 formatted date columns dd/mm/yyyy, where "March 2025" typed became 1 March:
    plans made from it are told what the current template does better."""
    path = make_plan(good())
    book = openpyxl.load_workbook(path)
    book["Plan"]["B12"] = "1.0"
    book.save(path)
    [issue] = [i for i in validate(path).issues if i.code == "template-outdated"]
    assert issue.message == (
        f"The workbook was made from template 1.0; the current template is "
        f"{schema.TEMPLATE_VERSION}. Since then: {schema.TEMPLATE_CHANGES['1.1']}.")
    assert "March 2025" in issue.message
