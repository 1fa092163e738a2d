"""The scoring rules as plain functions of cell values (for Excel functions): same answers as
the Status sheet, from what cells hold."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_plans import functions as f
from xl_plans.kpi import kpi_status
from xl_plans.policy import default_policy
from xl_plans.reader import plan_from_tables

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
    (lambda: f.kpi_rag("lots", 2), "actual must be a number"),
    (lambda: f.risk_score(2.5, 2), "likelihood must be a whole number"),
    (lambda: f.risk_score(0, 2), "likelihood must be a whole number of 1 or more"),
    (lambda: f.risk_band(17, "4x4"), "1 to 16"),
    (lambda: f.risk_band(4, "7x7"), "no 7x7 risk matrix"),
    (lambda: f.expected_progress("soon", "May 2023", "April 2023"), "start must be a date"),
    (lambda: f.kpi_direction(1, 2, "Target band"), "Target band"),
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
