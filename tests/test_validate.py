"""validate() as a library: the example plans, reports that always come back, the catalogue and
its generated documentation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import example
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from xl_plans import schema
from xl_plans.cells import parse_address
from xl_plans.checks_sheet import write_checks_copy
from xl_plans.errors import FILE_PROBLEMS
from xl_plans.model import Measure, Quarter, Rag
from xl_plans.policy import default_policy
from xl_plans.reader import plan_from_tables, read_workbook
from xl_plans.status import plan_status
from xl_plans.template import save_workbook, tables_workbook
from xl_plans.validation import CODES, Issue, Report, Severity, validate
from xl_plans.validation import docs as codes_doc
from xl_plans.values import parse_choice

# What each example's report holds, by code. No example has an error: every warning here is a
# true one (checked against the seed documents in the tests below and in the transcriptions'
# NOTES).
EXAMPLES = {
    "hart_community_partnerships_2008_09": {
        "figure-as-words": 44,  # targets such as "260 Visits", outturns such as "New Indicator"
        "date-unreadable": 4,  # "Spring / Summer 08", "October", "Jan", "March 2008 (links)."
        "value-missing": 7,  # project rows with no milestone named
        "yes-no-on-figure-kpi": 2,  # "Top Quartile: Yes" as a benchmark: it read as 1 (100%)
    },
    "hart_community_services_2023_24": {
        "figure-as-words": 1,  # KPI 2's target "50% of all formal presentations"
        "kpi-rule-missing": 2,  # KPIs 9 and 13: demand-led counts, polarity not given
        "budget-year-missing": 1,  # the plan gives no budget (nor do the three below)
    },
    "hart_corporate_services_2022_23": {
        # (CP10, CP11, CP13 have no Q1 data, but their Comment says why: no actual-missing)
        "value-missing": 7,  # the seven contracts have no end date in the document
        "budget-year-missing": 1,
    },
    "sefton_neighbourhoods_2010_11": {"budget-year-missing": 1},
    "three_rivers_housing_2022_25": {
        "review-date-passed": 1,  # contract C2's review in 2019
        "budget-year-missing": 1,
    },
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_have_no_errors_and_only_their_true_warnings(name: str) -> None:
    report = validate(example(name))
    assert report.valid and report.errors == []
    assert dict(Counter(report.codes())) == EXAMPLES[name]


def test_the_waste_dispute_kpis_have_no_data_and_say_why() -> None:
    """CP10, CP11 and CP13 have no Q1 figure while Serco withholds the data, and their Comment
    says so: No data, explained, so not asked about (the hint would ask for that Comment)."""
    path = example("hart_corporate_services_2022_23")
    plan = read_workbook(path).plan
    report = validate(path)
    statuses = plan_status(plan, 1, default_policy(), dt.date(2022, 6, 30)).kpis
    no_data = [status.ref for status in statuses if status.rag is Rag.NO_DATA]
    assert no_data == ["CP10", "CP11", "CP13"]
    kpis = [kpi for kpi in plan.kpis if kpi.ref in no_data]
    assert all("dispute with Serco" in (kpi.comment or "") for kpi in kpis)
    assert "actual-missing" not in report.codes()
    assert report.as_of == dt.date(2022, 6, 30)  # end of Q1 2022/23


def test_three_rivers_review_passed_only_on_a_running_contract() -> None:
    (issue,) = [issue for issue in validate(example("three_rivers_housing_2022_25")).issues
                if issue.code != "budget-year-missing"]
    assert (issue.code, issue.location, issue.value) == ("review-date-passed", "Contracts!J3",
                                                         "2019")
    assert issue.message == "The review date of contract C2 ('2019') passed before 01 April 2022."


# --------------------------------------------------------------------------- always a report


@pytest.mark.parametrize(("make", "code"), [
    (lambda folder: folder / "absent.xlsx", "file-not-found"),
    (lambda folder: folder, "not-a-file"),
    (lambda folder: _write(folder / "empty.xlsx", b""), "file-empty"),
    (lambda folder: _write(folder / "notes.xlsx", b"Ref,Indicator\nK1,Calls\n"),
     "text-not-workbook"),
])
def test_an_unreadable_file_is_a_report_with_one_coded_error(
        tmp_path: Path, make: Any, code: str) -> None:
    path = make(tmp_path)
    report = validate(path)
    assert report.flatten(["code", "severity", "location"]) == [[code, Severity.ERROR, ""]]
    (issue,) = report.issues
    assert issue.file == str(path) and issue.hint == FILE_PROBLEMS[code][1]
    assert not report.valid and not report.readable and not report.usable
    assert str(issue).startswith(f"{path.name}: [{code}] ")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


RULES = {"Polarity": "Higher is better", "Measure": "Snapshot"}  # (blank is kpi-rule-missing)


def test_a_plan_built_in_code_is_checked_without_cells() -> None:
    plan = plan_from_tables({
        "Plan": {"Service": "Housing", "Plan Year": "2024/25", "Reporting Quarter": "Q1"},
        "KPIs": [{"Ref": "K1", "Indicator": "Homes", **RULES, "Annual Target": 10,
                  "Q1": 5},
                 {"Ref": "K1", "Indicator": "Homes again", **RULES,
                  "Annual Target": 10, "Q1": 12, "Q2": 3}],
    })
    report = validate(plan)
    assert report.flatten(["code", "sheet", "cell", "value"]) == [
        ["duplicate-ref", "KPIs", None, "K1"],
        ["actual-after-reporting-quarter", "KPIs", None, 3],
        ["red-kpi-unexplained", "KPIs", None, None],
    ]


def test_a_read_workbook_gives_the_same_report_as_its_path(make_plan: Any) -> None:
    path = make_plan({"Plan": {"Service": "Housing", "Plan Year": "2024/25"},
                      "KPIs": [{"Ref": "K1", "Indicator": "Homes", "Annual Target": "TBC"}]})
    assert validate(read_workbook(path)) == validate(path)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_kpis_already_scored_give_the_same_report(name: str) -> None:
    """Consolidation passes the RAGs it worked out; for the reporting quarter they are the
    ones validation would work out, and for another quarter they are set aside."""
    read = read_workbook(example(name))
    policy = default_policy()
    for q in (1, 2, 3, 4):
        details = read.plan.details.model_copy(update={"reporting_quarter": Quarter(f"Q{q}")})
        as_q = dataclasses.replace(read, plan=read.plan.model_copy(update={"details": details}))
        alone = validate(as_q, policy=policy)
        for scored_q in (1, 2, 3, 4):
            scored = plan_status(as_q.plan, scored_q, policy, dt.date(2030, 1, 1)).kpis
            assert validate(as_q, policy=policy, kpis_scored=scored) == alone


def test_kpis_already_scored_are_the_ones_used() -> None:
    """(The test above cannot tell reuse from recomputing: here the statuses passed say Red.)"""
    plan = plan_from_tables({
        "Plan": {"Service": "Housing", "Plan Year": "2024/25", "Reporting Quarter": "Q1"},
        "KPIs": [{"Ref": "K1", "Indicator": "Homes", **RULES,
                  "Annual Target": 10, "Q1": 10}],
    })
    scored = plan_status(plan, 1, default_policy(), dt.date(2024, 7, 1)).kpis
    assert scored[0].rag is Rag.GREEN
    assert validate(plan, kpis_scored=scored).issues == ()
    red = [scored[0].model_copy(update={"rag": Rag.RED})]
    assert [i.code for i in validate(plan, kpis_scored=red).issues] == ["red-kpi-unexplained"]


def test_kpis_scored_for_other_kpis_are_set_aside() -> None:
    """Statuses that are not the plan's KPIs in sheet order are worked out again, not used."""
    plan = plan_from_tables({
        "Plan": {"Service": "Housing", "Plan Year": "2024/25", "Reporting Quarter": "Q1"},
        "KPIs": [{"Ref": "K1", "Indicator": "Homes", **RULES,
                  "Annual Target": 10, "Q1": 10},
                 {"Ref": "K2", "Indicator": "Visits", **RULES,
                  "Annual Target": 10, "Q1": 2}],
    })
    scored = plan_status(plan, 1, default_policy(), dt.date(2024, 7, 1)).kpis
    assert [s.rag for s in scored] == [Rag.GREEN, Rag.RED]
    alone = validate(plan)
    assert [i.code for i in alone.issues] == ["red-kpi-unexplained"]
    renamed = [scored[0], scored[1].model_copy(update={"indicator": "Other"})]
    for wrong in (scored[::-1], renamed, [scored[0], scored[0]]):
        assert validate(plan, kpis_scored=wrong) == alone

    twice = plan_from_tables({  # the same KPI on two rows, with different figures
        "Plan": {"Service": "Housing", "Plan Year": "2024/25", "Reporting Quarter": "Q1"},
        "KPIs": [{"Ref": "K1", "Indicator": "Homes", **RULES,
                  "Annual Target": 10, "Q1": q1} for q1 in (10, 2)],
    })
    alone = validate(twice)
    assert [i.code for i in alone.issues] == ["duplicate-ref", "red-kpi-unexplained"]
    assert validate(twice, kpis_scored=[scored[0], scored[0]]) == alone


def test_a_report_is_json_and_back() -> None:
    report = validate(example("hart_corporate_services_2022_23"))
    data = json.loads(json.dumps(report.to_dict()))
    assert Report.model_validate(data) == report
    assert data["stats"] == {"error": 0, "warning": 8, "query": 0}
    assert data["issues"][0] == {
        "code": "value-missing", "severity": "warning", "file": report.file,
        "sheet": "Contracts", "cell": "I2", "row": 2, "field": "end_date", "value": None,
        "message": "End Date is blank for contract C1.",
        "hint": "Fill in End Date, or delete the row if it is not needed.",
    }


def test_an_issue_code_must_be_in_the_catalogue() -> None:
    with pytest.raises(ValidationError, match="not in the issue catalogue"):
        Issue(code="made-up", severity=Severity.ERROR, message="x")


# --------------------------------------------------------------------------- the catalogue


def test_every_code_is_kebab_case_and_documented() -> None:
    for code in CODES.values():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code.code), code.code
        assert code.title and code.when and code.example and code.hint, code.code
        assert code.hint.endswith((".", ")")), code.code


def test_the_issue_codes_doc_is_up_to_date() -> None:
    """docs/issue-codes.md is generated: run `python -m xl_plans.validation.docs` after a
    change to the catalogue."""
    assert codes_doc.DOC.read_text(encoding="utf-8") == codes_doc.render()
    for code in CODES:
        assert f"### {code}\n" in codes_doc.render()


# --------------------------------------------------------------------------- properties

_cell_values = st.one_of(
    st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    # text an officer can type (control characters are planted in raw XML in test_bad_files)
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
    st.sampled_from(["85%", "N/A", "TBC", "-", "#N/A", "=1+1", "zero", "£1,234.50", "(123)",
                     "31/02/2024", "Q5", "Higer", "INFO ONLY", "1\u00a0234"]),
    st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)),
)
_kpi_headers = [c.header for c in schema.SHEETS_BY_NAME["KPIs"].columns]
_risk_headers = [c.header for c in schema.SHEETS_BY_NAME["Risks"].columns]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kpis=st.lists(st.dictionaries(st.sampled_from(_kpi_headers), _cell_values, max_size=8),
                  max_size=4),
    risks=st.lists(st.dictionaries(st.sampled_from(_risk_headers), _cell_values, max_size=6),
                   max_size=3),
    quarter=st.sampled_from([None, "Q1", "Q2", "Q3", "Q4", "Q7"]),
)
def test_any_typed_values_give_a_report_pointing_at_real_cells(
        kpis: list[dict[str, Any]], risks: list[dict[str, Any]], quarter: str | None) -> None:
    tables = {"Plan": {"Service": "Housing", "Plan Year": "2024/25",
                       "Reporting Quarter": quarter}, "KPIs": kpis, "Risks": risks}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        save_workbook(tables_workbook(tables), path)
        report = validate(path)
        names = read_workbook(path).grids.keys() if report.readable else set()
        if report.usable:  # and its Checks copy lists every issue
            copy = write_checks_copy(path, Path(folder) / "checked.xlsx", report)
            checks = openpyxl.load_workbook(copy.path)[schema.CHECKS_SHEET]
            assert checks.max_row == max(2, len(report.issues) + 1)
    assert report.valid == (report.stats["error"] == 0)
    for issue in report.issues:
        assert issue.code in CODES and issue.severity is CODES[issue.code].severity
        if issue.cell is not None:
            assert issue.sheet in names
            row, _ = parse_address(issue.cell)
            assert issue.row == row + 1
    json.dumps(report.to_dict())  # always serialisable


def _budget(years: list[str | None]) -> dict[str, Any]:
    return {"Plan": {"Service": "Housing", "Plan Year": "2024/25"},
            "Budget": [{"Year": year, "Gross Budget": 100 + n, "Net Budget": 80,
                        "FTE": 2} for n, year in enumerate(years)]}


@pytest.mark.parametrize(("years", "found"), [
    (["2024/25"], []),
    (["2023/24", "2024-25", "2025/26"], []),  # the plan year however it is written
    (["24/25"], []),
    ([], [("budget-year-missing", None,
           "The Budget sheet has no line for the plan year 2024/25: the council summary "
           "shows no budget or FTE for this service.")]),
    (["2023/24", "2025/26"], [("budget-year-missing", None,
                               "The Budget sheet has no line for the plan year 2024/25 (it has "
                               "'2023/24' and '2025/26'): the council summary shows no budget "
                               "or FTE for this service.")]),
    (["Next year"], [("budget-year-missing", None,
                      "The Budget sheet has no line for the plan year 2024/25 (it has "
                      "'Next year'): the council summary shows no budget or FTE for this "
                      "service."),
                     ("budget-year-unreadable", "A2",
                      "Year 'Next year' on the Budget sheet is not a financial year such as "
                      "2024/25.")]),
    (["2024/25", "2024-25"], [("duplicate-ref", "A3",
                               "Year '2024-25' is used twice on the Budget sheet (also on row "
                               "2).")]),
])
def test_the_budget_has_one_line_for_the_plan_year(make_plan: Any, years: list[str],
                                                  found: list[tuple[str, str | None, str]]
                                                  ) -> None:
    """The council summary takes the plan year's budget line and no other: a line for another
    year would not tie back to the ledger, so a missing one is said, not filled in."""
    report = validate(make_plan(_budget(years)))
    # (a plan of only a budget is also plan-empty: not what this is about)
    assert [(i.code, i.cell, i.message) for i in report.issues
            if i.code != "plan-empty"] == found


def test_a_plan_without_a_budget_sheet_is_not_asked_for_one(make_plan: Any) -> None:
    path = make_plan(_budget([]))
    book = openpyxl.load_workbook(path)
    del book["Budget"]
    book.save(path)
    assert "budget-year-missing" not in validate(path).codes()


@pytest.mark.parametrize(("line", "found"), [
    ({"Gross Budget": 100, "Net Budget": "TBC", "FTE": None},
     [("C2", "Net Budget for the plan year '2024/25' is 'TBC': the council summary's Net "
             "Budget total leaves this service out."),
      ("D2", "FTE for the plan year '2024/25' is blank: the council summary's FTE total leaves "
             "this service out.")]),
    ({"Gross Budget": 100, "Net Budget": 80, "FTE": "N/A"},
     [("D2", "FTE for the plan year '2024/25' is 'N/A': the council summary's FTE total leaves "
             "this service out.")]),
])
def test_a_plan_year_budget_figure_left_out_of_the_totals_is_said(
        make_plan: Any, line: dict[str, Any], found: list[tuple[str, str]]) -> None:
    """The summary's totals add up what is there: a TBC or blank figure on the plan year's line
    is flagged, so finance know a total is short (other years' lines are not totalled)."""
    tables = _budget(["2023/24", "2024/25"])
    tables["Budget"][0].update({"Net Budget": "TBC"})  # another year's: not flagged
    tables["Budget"][1].update(line)
    for row in tables["Budget"]:
        for header in [h for h, v in row.items() if v is None]:
            del row[header]
    report = validate(make_plan(tables))
    assert [(i.cell, i.message) for i in report.issues
            if i.code == "budget-figure-missing"] == [(cell.replace("2", "3"), message)
                                                      for cell, message in found]


@pytest.mark.parametrize(("line", "found"), [
    ({"Gross Budget": 1_250_000, "Net Budget": -40_000, "FTE": 24.5}, []),  # income > spending
    ({"Gross Budget": "£1,250,000", "Net Budget": "(£40,000)", "FTE": 0}, []),
    ({"Gross Budget": -1_250_000, "Net Budget": 80, "FTE": 2},
     [("B2", "Gross Budget for '2024/25' is below zero, which spending before income never "
             "is.")]),
    ({"Gross Budget": 100, "Net Budget": 80, "FTE": -3},
     [("D2", "FTE for '2024/25' is below zero, which a number of staff never is.")]),
    ({"Gross Budget": 100, "Net Budget": "5%", "FTE": "12%"},
     [("C2", "Net Budget for '2024/25' is typed as a percentage: it should be an amount of "
             "money."),
      ("D2", "FTE for '2024/25' is typed as a percentage: it should be a number of staff.")]),
])
def test_budget_figures_finance_would_query(make_plan: Any, line: dict[str, Any],
                                            found: list[tuple[str, str]]) -> None:
    """A gross budget or FTE below zero, or a figure typed as a %, is totalled as it stands on
    the council summary: it is flagged before finance ties the totals to the ledger."""
    tables = _budget(["2024/25"])
    tables["Budget"][0].update(line)
    report = validate(make_plan(tables))
    assert [(i.cell, i.message) for i in report.issues
            if i.code == "budget-figure-unlikely"] == found
    assert all(i.severity.value == "warning" for i in report.issues
               if i.code == "budget-figure-unlikely")


def test_a_blank_ref_on_a_shared_row_is_never_answered_with_delete_the_row(
        make_plan: Any) -> None:
    """Through the ribbon a Ref merged over a priority's outcomes reads blank below its first
    row; "delete the row" would have deleted real outcomes."""
    path = make_plan({"Plan": {"Service": "Housing", "Plan Year": "2024/25"},
                      "Priorities": [{"Ref": "P1", "Priority": "Homes", "Outcome": "a"},
                                     {"Priority": "Homes", "Outcome": "b"}]})
    (blank,) = [i for i in validate(path).issues if i.code == "value-missing"]
    assert (blank.cell, blank.hint) == ("A3", "Type the Ref on every row it belongs to (unmerge "
                                        "a merged cell and repeat it); delete the row only if "
                                        "it is not needed.")


def test_kpi_rule_missing_offers_only_choices_that_exist(make_plan: Any) -> None:
    """The advice named a Measure "Average", which is not one (choosing it gave an error), and
    a dropdown that a plan made by the ribbon does not have."""
    path = make_plan({"Plan": {"Service": "Housing", "Plan Year": "2024/25"},
                      "KPIs": [{"Ref": "K1", "Indicator": "Homes", "Annual Target": 10}]})
    hints = {i.field: i.hint for i in validate(path).issues if i.code == "kpi-rule-missing"}
    assert hints == {"polarity": "Choose the Polarity: Higher is better, Lower is better, "
                                 "Target band.",
                     "measure": "Choose the Measure: Cumulative, Snapshot, Annual, Info only."}
    advice = CODES["kpi-rule-missing"].hint
    offered = advice[advice.index("Measure (") + 9:advice.index(")", advice.index("Measure ("))]
    assert [parse_choice(Measure, label, {}) for label in offered.split(", ")] == list(Measure)


def test_a_ref_naming_two_priorities_says_priorities(make_plan: Any) -> None:
    path = make_plan({"Plan": {"Service": "Parks", "Plan Year": "2023/24"},
                      "Priorities": [{"Ref": "1", "Priority": "Play areas", "Outcome": "A"},
                                     {"Ref": "1", "Priority": "Toilets", "Outcome": "B"}]})
    [issue] = [i for i in validate(path).issues if i.code == "duplicate-ref"]
    assert "names two different priorities:" in issue.message
    assert "Give each priority its own Ref" in issue.hint


@pytest.mark.parametrize(("typed", "figure", "words"), [
    ("75% (provisional)", "75%", "(provisional)"),  # an actual with a qualifier
    ("260 Visits", "260", "Visits"),  # seed 002's targets
    ("130 Arrests 320 Warnings", None, None),  # two figures: no one figure to suggest
    ("Not yet known", None, None),
])
def test_a_figure_with_words_is_told_to_keep_just_the_figure(
        make_plan: Any, typed: str, figure: str | None, words: str | None) -> None:
    path = make_plan({"Plan": {"Service": "Parks", "Plan Year": "2023/24"},
                      "KPIs": [{"Ref": "K1", "Indicator": "Visits", "Unit": "Number",
                                "Annual Target": typed}]})
    [issue] = [i for i in validate(path).issues if i.code == "figure-as-words"]
    if figure is None:
        assert "Type just the figure" not in issue.hint
    else:
        assert issue.hint.startswith(f"Type just the figure, {figure}, in the cell; the words "
                                     f"({words})")
