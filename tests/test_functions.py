"""The scoring rules as plain functions of cell values (for Excel functions): same answers as
the Status sheet, from what cells hold."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_plans import functions as f
from xl_plans.kpi import KpiStatus, kpi_status
from xl_plans.policy import Policy, default_policy
from xl_plans.progress import ItemStatus
from xl_plans.reader import plan_from_tables
from xl_plans.status import plan_status

KPI_RAG = [
    # (actual, expected, polarity, tolerance, unit, RAG)
    (0.293, 0.245, "Higher is better", None, None, "Green"),
    ("29.3%", "24.5%", "higher", None, None, "Green"),
    (45, 50, None, None, None, "Amber"),  # blank polarity: higher is better
    (29.3, 0.3, "Higher is better", None, "%", "Amber"),  # 29.3 in a % KPI is 29.3%
    (0.293, 30, "Higher is better", None, "%", "Amber"),  # as the Status sheet reads them
    (0.005, 0, "Lower is better", None, "%", "Amber"),  # zero target: within 1 point
    (0.4, "0%", "Lower is better", None, "%", "Red"),
    (44, 50, "Higher is better", 0.1, None, "Red"),
    (44, 50, "Higher is better", "15%", None, "Amber"),  # its own tolerance
    (44, 50, "Higher is better", 15, None, "Amber"),  # 15 typed: 15%
    (43, 40, "Lower is better", None, None, "Amber"),
    (45, 40, "lower", None, None, "Red"),
    (1, "zero", "Lower is better", None, None, "Amber"),
    (2, 0, "Lower is better", None, None, "Red"),
    (52, 50, "Target band", None, None, "Green"),
    (59, 50, "Target band", None, None, "Amber"),
    ("No", "Yes", "Higher is better", None, "Yes/No", "Red"),
    ("Yes", "Yes", None, None, "Yes/No", "Green"),
    (None, 50, "Higher is better", None, None, "No data"),
    ("-", 50, "Higher is better", None, None, "No data"),
    (10, None, "Higher is better", None, None, "No target"),
    (10, "TBC", "Higher is better", None, None, "No target"),
    (80, "90%", None, None, None, "Red"),  # a % target makes a % KPI: 80 is 80%
    ("awaiting data", 100, None, None, None, "No data"),  # text is no figure, never an error
    (12, "INFO ONLY", None, None, None, "Info only"),
]


@pytest.mark.parametrize(("actual", "expected", "polarity", "tolerance", "unit", "rag"),
                         KPI_RAG)
def test_kpi_rag(actual: object, expected: object, polarity: object, tolerance: object,
                 unit: object, rag: str) -> None:
    assert f.kpi_rag(actual, expected, polarity, tolerance, unit) == rag


@given(st.sampled_from(["Higher is better", "Lower is better", "Target band"]),
       st.floats(0, 1000), st.floats(0, 1000), st.sampled_from([None, 0.05, 0.2]))
def test_kpi_rag_agrees_with_the_status_sheet(polarity: str, actual: float, target: float,
                                              tolerance: float | None) -> None:
    kpi = plan_from_tables({"KPIs": [{
        "Ref": "K", "Indicator": "k", "Polarity": polarity, "Measure": "Snapshot",
        "Annual Target": target, "Tolerance %": tolerance, "Q1": actual}]}).kpis[0]
    assert f.kpi_rag(actual, target, polarity, tolerance) == kpi_status(kpi, 1).rag.value


def test_kpi_expected_and_direction() -> None:
    assert f.kpi_expected(0.98, 1) == pytest.approx(0.245)
    assert f.kpi_expected(0.98, "Q3", "Cumulative") == pytest.approx(0.735)
    assert f.kpi_expected(100, 2, "Cumulative", 60) == 60
    assert f.kpi_expected(75, 2, "Snapshot") == 75
    assert f.kpi_direction(0.293, 0.2, "Higher is better") == "Improving"
    assert f.kpi_direction(30, 35, "Lower is better") == "Improving"
    assert f.kpi_direction(30, 30) == "No change"
    assert f.kpi_direction(None, 30) == "Not available"


def test_risk_functions() -> None:
    assert f.risk_score(2, 2) == 4
    assert f.risk_score(2.0, "3") == 6  # Excel passes numbers as floats
    assert f.risk_band(4, "4x4") == "Low"
    assert f.risk_band(6, "4x4") == "Medium"
    assert f.risk_band(12, "4x4") == "Very High"
    assert f.risk_band(12) == "Medium"  # the default 5x5 matrix
    assert f.risk_band(25, "5x5") == "Very High"
    assert f.risk_cell_band(3, 3, "4x4") == "High"


def test_progress_and_contract_functions() -> None:
    assert f.expected_progress(dt.date(2023, 4, 1), "May 2023", dt.datetime(2023, 4, 16)) == \
        pytest.approx(15 / 60)
    assert f.progress_rag(0.2, 0.37, "On track") == "Amber"
    assert f.progress_rag("10%", 0.37) == "Red"
    assert f.progress_rag(None, 0.37, "Not started") == "Red"
    assert f.progress_rag(None, None, "At risk") == "Amber"
    assert f.progress_rag(None, None) == "No data"
    assert f.progress_rag(0, 0.9, "Complete") == "Green"
    today = dt.date(2023, 8, 15)
    assert f.contract_expiry(dt.date(2023, 12, 1), today) == "Expires within 6 months"
    assert f.contract_expiry("March 2024", today) == "Expires within 12 months"
    assert f.contract_expiry("March 2022", today) == "Expired"
    assert f.contract_expiry("Ongoing", today) == "Ongoing"
    assert f.contract_expiry(None, today) == "No end date"
    assert f.contract_expiry(dt.date(2030, 1, 1), today) == "Active"


BAD = [
    (lambda: f.kpi_rag(1, 2, "Sideways"), "polarity must be one of"),
    (lambda: f.kpi_rag(1, 2, None, None, "Furlongs"), "unit must be one of"),
    (lambda: f.risk_score(2.5, 2), "likelihood must be a whole number"),
    (lambda: f.risk_score(0, 2), "likelihood must be a whole number of 1 or more"),
    (lambda: f.risk_band(17, "4x4"), "1 to 16"),
    (lambda: f.risk_band(4, "7x7"), "no 7x7 risk matrix"),
    (lambda: f.expected_progress("soon", "May 2023", "April 2023"), "start must be a date"),
    (lambda: f.expected_progress("2023/24", "TBC", "April 2023"), "due must be a date"),
    (lambda: f.expected_progress("2023/24", "Ongoing", "April 2023"), "due must be a date"),
    (lambda: f.kpi_direction(1, 2, "Target band"), "Target band needs its target"),
]


@pytest.mark.parametrize(("call", "words"), BAD)
def test_bad_values_raise_a_plain_message(call: object, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        call()  # type: ignore[operator]


def test_a_council_policy_is_used_when_given() -> None:
    policy = default_policy().model_copy(
        update={"kpi": default_policy().kpi.model_copy(update={"tolerance": 0.2})})
    assert f.kpi_rag(42, 50) == "Red"
    assert f.kpi_rag(42, 50, policy=policy) == "Amber"


# ------------------------------------------------------------------ same cells, same answer
# Each UDF against the Status sheet (status.plan_status) for the plan row its cells make: the
# promise of functions.py. Each case also names the answer, so a rule changing in both shows.

POLICY = default_policy()
AS_OF = dt.date(2023, 10, 20)  # in Q3 2023/24, reporting Q2


def batch_kpi(quarter: int = 2, today: dt.date = AS_OF, policy: Policy = POLICY,
              **row: Any) -> KpiStatus:
    cells = {"Ref": "K1", **{k.replace("_", " "): v for k, v in row.items()}}
    plan = plan_from_tables({"Plan": {"Plan Year": "2023/24"}, "KPIs": [cells]})
    return plan_status(plan, quarter, policy, today).kpis[0]


AGREE_RAG: list[tuple[dict[str, Any], str]] = [
    # (the KPIs row as typed, Q2 its figure; the RAG on the Status sheet and from XLP_RAG)
    ({"Annual_Target": "90%", "Q2": 80}, "Red"),  # blank unit, % target: 80 read as 80%
    ({"Polarity": "Lower is better", "Annual_Target": "5%", "Q2": 4}, "Green"),  # 4%
    ({"Annual_Target": "90%", "Q2": 0.85}, "Amber"),
    ({"Annual_Target": "90%", "Q2": "88%"}, "Amber"),
    ({"Unit": "Number", "Annual_Target": "90%", "Q2": 80}, "Green"),  # Number: 80 is 80
    ({"Unit": "%", "Annual_Target": 90, "Q2": 0.8}, "Red"),
    ({"Annual_Target": 100, "Q2": "awaiting data"}, "No data"),
    ({"Annual_Target": 100, "Q2": "n/a"}, "No data"),
    ({"Annual_Target": 100, "Q2": "-"}, "No data"),
    ({"Annual_Target": 100, "Q2": None}, "No data"),
    ({"Annual_Target": "INFO ONLY", "Q2": 12}, "Info only"),
    ({"Annual_Target": "TBC", "Q2": 12}, "No target"),
    ({"Annual_Target": "to improve", "Q2": 12}, "No target"),
    ({"Annual_Target": "zero", "Polarity": "Lower is better", "Q2": 1}, "Amber"),
    ({"Annual_Target": 50, "Tolerance_%": "15%", "Q2": 44}, "Amber"),
    ({"Annual_Target": 50, "Tolerance_%": 15, "Q2": 42}, "Red"),
    ({"Polarity": "Target band", "Annual_Target": "95% to 105%", "Q2": 1.07}, "Amber"),
    ({"Polarity": "Target band", "Unit": "%", "Annual_Target": "95% to 105%", "Q2": 99},
     "Green"),
    ({"Unit": "Yes/No", "Annual_Target": "Yes", "Q2": "No"}, "Red"),
]


@pytest.mark.parametrize(("row", "rag"), AGREE_RAG, ids=[str(row) for row, _ in AGREE_RAG])
def test_xlp_rag_gives_the_status_sheets_rag(row: dict[str, Any], rag: str) -> None:
    batch = batch_kpi(Measure="Snapshot", **row)
    udf = f.kpi_rag(row.get("Q2"), row.get("Annual_Target"), row.get("Polarity"),
                    row.get("Tolerance_%"), row.get("Unit"), policy=POLICY)
    assert (batch.rag.value, udf) == (rag, rag), batch.reason


def test_xlp_rag_agrees_with_the_status_sheet_on_the_reviewers_grid() -> None:
    """Every combination of figures, targets, polarities, tolerances and units typed as
    officers type them (review C's grid), with no case left out."""
    actuals = [0, 1, 2, 0.5, 85, 0.85, "85%", "2%", "zero", 1.2, 100, 120, 0.02, "n/a", None,
               "awaiting data"]
    targets = [0, 1, 2, 0.85, 85, "85%", "2%", "zero", 100, "TBC", 1.2, "0%", "INFO ONLY"]
    polarities = ["Higher is better", "Lower is better", "Target band"]
    tolerances = [None, 5, 0.5, 1]
    units = [None, "%", "Number", "Yes/No"]
    wrong = []
    for actual, target, polarity, tolerance, unit in itertools.product(
            actuals, targets, polarities, tolerances, units):
        row = {"Ref": "K", "Polarity": polarity, "Measure": "Snapshot", "Annual Target": target,
               "Tolerance %": tolerance, "Unit": unit, "Q1": actual}
        batch = kpi_status(plan_from_tables({"KPIs": [row]}).kpis[0], 1, POLICY).rag.value
        udf = f.kpi_rag(actual, target, polarity, tolerance, unit, policy=POLICY)
        if udf != batch:
            wrong.append((actual, target, polarity, tolerance, unit, batch, udf))
    assert wrong == []


AGREE_DIRECTION: list[tuple[dict[str, Any], str]] = [
    # (the KPIs row as typed, Q1 last quarter and Q2 this; the direction against Q1)
    ({"Unit": "%", "Annual_Target": "90%", "Q1": 75, "Q2": 0.8}, "Improving"),  # 75 is 75%
    ({"Annual_Target": "90%", "Q1": 75, "Q2": 0.8}, "Improving"),  # % target: a % KPI
    ({"Unit": "%", "Q1": "75%", "Q2": 80}, "Improving"),
    ({"Unit": "%", "Q1": 0.8, "Q2": 80}, "No change"),
    ({"Q1": 75, "Q2": 0.8}, "Worsening"),  # nothing says %: 0.8 is less than 75
    ({"Polarity": "Lower is better", "Unit": "%", "Q1": 0.05, "Q2": 4}, "Improving"),
    ({"Polarity": "Lower is better", "Q1": 30, "Q2": 35}, "Worsening"),
    ({"Q1": "n/a", "Q2": 35}, "Not available"),
    ({"Q1": 30, "Q2": "awaiting data"}, "Not available"),
    ({"Polarity": "Target band", "Annual_Target": 100, "Q1": 120, "Q2": 95}, "Improving"),
    ({"Polarity": "Target band", "Annual_Target": "95% to 105%", "Q1": 1, "Q2": 1.1},
     "Worsening"),
    ({"Polarity": "Target band", "Annual_Target": "95% to 105%", "Q1": 0.96, "Q2": 1.04},
     "No change"),  # both inside the band
    ({"Polarity": "Target band", "Annual_Target": "TBC", "Q1": 1, "Q2": 2}, "Not available"),
]


@pytest.mark.parametrize(("row", "direction"), AGREE_DIRECTION,
                         ids=[str(row) for row, _ in AGREE_DIRECTION])
def test_xlp_direction_gives_the_status_sheets_direction(row: dict[str, Any],
                                                         direction: str) -> None:
    batch = batch_kpi(Measure="Snapshot", **row).vs_previous
    udf = f.kpi_direction(row.get("Q2"), row.get("Q1"), row.get("Polarity"), row.get("Unit"),
                          row.get("Annual_Target"), policy=POLICY)
    assert (batch.direction.value, udf) == (direction, direction), batch.text


AGREE_EXPECTED: list[tuple[dict[str, Any], int, float | None]] = [
    # (the KPIs row as typed, the quarter; the value expected by its end)
    ({"Measure": "Cumulative", "Annual_Target": "98%"}, 1, 0.245),
    ({"Measure": "Cumulative", "Unit": "%", "Annual_Target": 98}, 1, 0.245),  # 98 is 98%
    ({"Measure": "Cumulative", "Annual_Target": "90%", "Q2_Target": 20}, 2, 0.2),  # 20%
    ({"Measure": "Cumulative", "Annual_Target": 100, "Q2_Target": 60}, 2, 60),
    ({"Measure": "Cumulative", "Annual_Target": 100}, 3, 75),
    ({"Measure": "Snapshot", "Annual_Target": 75}, 2, 75),
    ({"Annual_Target": 75}, 2, 75),  # a blank measure is a snapshot
    ({"Measure": "Annual", "Annual_Target": 40}, 4, 40),
    ({"Measure": "Cumulative", "Unit": "Yes/No", "Annual_Target": "Yes"}, 2, 1),  # not pro rata
    ({"Measure": "Cumulative", "Annual_Target": "TBC"}, 2, None),
    ({"Measure": "Cumulative", "Annual_Target": "INFO ONLY"}, 2, None),
    ({"Measure": "Cumulative", "Annual_Target": "to improve"}, 2, None),
]


@pytest.mark.parametrize(("row", "quarter", "expected"), AGREE_EXPECTED,
                         ids=[f"{row} Q{q}" for row, q, _ in AGREE_EXPECTED])
def test_xlp_expected_gives_the_status_sheets_expected_value(
        row: dict[str, Any], quarter: int, expected: float | None) -> None:
    batch = batch_kpi(quarter=quarter, **row).expected
    udf = f.kpi_expected(row.get("Annual_Target"), quarter, row.get("Measure"),
                         row.get(f"Q{quarter}_Target"), row.get("Unit"), policy=POLICY)
    if expected is None:
        assert (batch, udf) == (None, None)
    else:
        assert (batch, udf) == (pytest.approx(expected), pytest.approx(expected))


def batch_priority(today: dt.date, policy: Policy = POLICY, **row: Any) -> ItemStatus:
    cells = {"Ref": "P1", "Outcome": "x", **{k.replace("_", " "): v for k, v in row.items()}}
    plan = plan_from_tables({"Plan": {"Plan Year": "2023/24"}, "Priorities": [cells]})
    quarter = {4: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 3, 11: 3, 12: 3}.get(today.month, 4)
    return plan_status(plan, quarter, policy, today).priorities[0]


# The plan's start typed every way: the plan year, its first month, quarter and day.
STARTS: list[Any] = ["2023/24", "April 2023", "Q1 2023/24", "01/04/2023", dt.date(2023, 4, 1)]
AGREE_PROGRESS: list[tuple[dict[str, Any], dt.date, float | None, str]] = [
    # (the Priorities row as typed, today; expected progress and RAG on the Status sheet)
    ({"Target_Date": "31/03/2024", "Status": "On track", "%_Complete": "10%"},
     dt.date(2023, 9, 15), 0.4575, "Red"),
    ({"Target_Date": "31/03/2024", "Status": "On track", "%_Complete": 40},  # 40 is 40%
     dt.date(2023, 9, 15), 0.4575, "Green"),
    ({"Target_Date": "March 2024", "Status": "At risk", "%_Complete": 0.3},
     dt.date(2023, 9, 15), 0.4575, "Amber"),
    ({"Target_Date": "Q4 2023/24", "%_Complete": "20%"}, dt.date(2023, 9, 15), 0.4575, "Red"),
    ({"Target_Date": "Q3", "Status": "On track", "%_Complete": "50%"},  # Q3 of the plan year
     dt.date(2023, 10, 1), 0.6679, "Amber"),
    ({"Target_Date": "Sep 2023 to March 2024", "Status": "On track", "%_Complete": "10%"},
     dt.date(2023, 11, 15), 0.3538, "Red"),  # nothing expected before September
    ({"Target_Date": "31/03/2024", "Status": "Cancelled", "%_Complete": "20%"},
     dt.date(2023, 11, 15), None, "Cancelled"),  # not rated
    ({"Target_Date": "31/03/2024", "Status": "Complete", "%_Complete": "20%"},
     dt.date(2023, 11, 15), None, "Green"),
    ({"Target_Date": "31/03/2024", "Status": "On hold", "%_Complete": "100%"},
     dt.date(2023, 11, 15), None, "Green"),  # 100% complete is complete
    ({"Target_Date": "March 2023 and ongoing", "Status": "At risk", "%_Complete": "10%"},
     dt.date(2023, 11, 15), None, "Amber"),  # ongoing: no expected progress
    ({"Target_Date": "31/03/2024", "%_Complete": "awaiting"},
     dt.date(2023, 11, 15), 0.6247, "No data"),
]


@pytest.mark.parametrize("start", STARTS, ids=str)
@pytest.mark.parametrize(("row", "today", "expected", "rag"), AGREE_PROGRESS,
                         ids=[str(row) for row, *_ in AGREE_PROGRESS])
def test_xlp_progress_functions_give_the_status_sheets_answer(
        row: dict[str, Any], today: dt.date, expected: float | None, rag: str,
        start: Any) -> None:
    """XLP_PROGRESS_EXPECTED with the plan's start, the target date and today, and
    XLP_PROGRESS_RAG with its answer, give the Status sheet's expected progress and RAG for a
    priority that is not overdue (overdue is Red there whatever its progress: the UDF is not
    told the dates)."""
    batch = batch_priority(today, **row)
    shown = "Cancelled" if batch.rag is None and batch.timing.value == "Cancelled" else \
        batch.rag.value if batch.rag is not None else None
    assert shown == rag, batch.reason
    if expected is not None:
        assert batch.expected_progress == pytest.approx(expected, abs=1e-4)
        wanted = f.expected_progress(start, row["Target_Date"], today, policy=POLICY)
        assert wanted == pytest.approx(batch.expected_progress)
    elif batch.timing.value == "Ongoing":
        wanted = f.expected_progress(start, row["Target_Date"], today, policy=POLICY)
        assert wanted is None
    else:
        wanted = None
    assert f.progress_rag(row.get("%_Complete"), wanted, row.get("Status"),
                          policy=POLICY) == rag


def test_xlp_progress_expected_starts_a_plan_year_in_the_councils_first_month() -> None:
    policy = POLICY.model_copy(
        update={"year": POLICY.year.model_copy(update={"fy_start_month": 7})})
    today = dt.date(2023, 12, 15)
    batch = batch_priority(today, policy, Target_Date="30/06/2024", Status="On track",
                           **{"%_Complete": "10%"})
    assert batch.expected_progress == pytest.approx(167 / 365)
    assert f.expected_progress("2023/24", "30/06/2024", today, policy=policy) == \
        pytest.approx(batch.expected_progress)
