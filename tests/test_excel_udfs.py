"""The XLP_ worksheet functions, called as plain functions with the tables the scoring rules
are tested with (test_functions.py): the same answers, the council's policy, and a plain
reason in the cell instead of an error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_functions import KPI_RAG

from xl_plans import excel
from xl_plans.excel_setup import POLICY_VARIABLE


@pytest.fixture(autouse=True)
def no_council_policy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(POLICY_VARIABLE, raising=False)
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")


@pytest.mark.parametrize(("actual", "expected", "polarity", "tolerance", "unit", "rag"),
                         KPI_RAG)
def test_xlp_rag(actual: object, expected: object, polarity: object, tolerance: object,
                 unit: object, rag: str) -> None:
    assert excel.XLP_RAG(actual, expected, polarity, tolerance, unit) == rag


RESULTS: list[tuple[Callable[..., Any], tuple[Any, ...], Any]] = [
    (excel.XLP_EXPECTED, (0.98, 1), pytest.approx(0.245)),
    (excel.XLP_EXPECTED, (0.98, "Q3", "Cumulative"), pytest.approx(0.735)),
    (excel.XLP_EXPECTED, (100, 2.0, "Cumulative", 60), 60),  # Excel passes 2 as 2.0
    (excel.XLP_EXPECTED, (75, 2, "Snapshot"), 75),
    (excel.XLP_DIRECTION, (0.293, 0.2, "Higher is better"), "Improving"),
    (excel.XLP_DIRECTION, (30, 35, "Lower is better"), "Improving"),
    (excel.XLP_DIRECTION, (30, 30), "No change"),
    (excel.XLP_DIRECTION, (None, 30), "Not available"),
    # Review C: the worksheet functions give the Status sheet's answer for the same cells
    (excel.XLP_RAG, (80, "90%"), "Red"),  # blank unit, % target: 80 is 80%
    (excel.XLP_RAG, (4, "5%", "Lower is better"), "Green"),
    (excel.XLP_RAG, ("awaiting data", 100), "No data"),
    (excel.XLP_RAG, ("lots", 2), "No data"),
    (excel.XLP_RAG, (12, "INFO ONLY"), "Info only"),
    (excel.XLP_DIRECTION, (0.8, 75, None, "%"), "Improving"),  # 75 typed is 75%
    (excel.XLP_DIRECTION, (0.8, 75, None, None, "90%"), "Improving"),  # a % target
    (excel.XLP_DIRECTION, (95, 120, "Target band", None, 100), "Improving"),
    (excel.XLP_EXPECTED, (98, 1, "Cumulative", None, "%"), pytest.approx(0.245)),
    (excel.XLP_EXPECTED, ("90%", 2, "Cumulative", 20), pytest.approx(0.2)),
    (excel.XLP_PROGRESS_RAG, ("20%", 0.62, "Cancelled"), "Cancelled"),
    (excel.XLP_PROGRESS_RAG, ("100%", 0.62, "On hold"), "Green"),
    (excel.XLP_RISK_SCORE, (2, 2), 4),
    (excel.XLP_RISK_SCORE, (2.0, "3"), 6),
    (excel.XLP_RISK_BAND, (4, "4x4"), "Low"),
    (excel.XLP_RISK_BAND, (6, "4x4"), "Medium"),
    (excel.XLP_RISK_BAND, (12, "4x4"), "Very High"),
    (excel.XLP_RISK_BAND, (12,), "Medium"),  # the default 5x5 matrix
    (excel.XLP_RISK_BAND, (25, "5x5"), "Very High"),
    (excel.XLP_RISK_CELL_BAND, (3, 3, "4x4"), "High"),
    (excel.XLP_PROGRESS_EXPECTED,
     (dt.datetime(2023, 4, 1), "May 2023", dt.datetime(2023, 4, 16)), pytest.approx(15 / 60)),
    (excel.XLP_PROGRESS_EXPECTED, ("2023/24", "31/03/2024", dt.datetime(2023, 9, 15)),
     pytest.approx(167 / 365)),  # a plan year from its first day, not its last
    (excel.XLP_PROGRESS_EXPECTED, ("April 2023", "31/03/2024", dt.datetime(2023, 9, 15)),
     pytest.approx(167 / 365)),
    (excel.XLP_PROGRESS_EXPECTED, ("Q1 2023/24", "31/03/2024", dt.datetime(2023, 9, 15)),
     pytest.approx(167 / 365)),
    (excel.XLP_PROGRESS_RAG, (0.2, 0.37, "On track"), "Amber"),
    (excel.XLP_PROGRESS_RAG, ("10%", 0.37), "Red"),
    (excel.XLP_PROGRESS_RAG, (0, 0.9, "Complete"), "Green"),
    (excel.XLP_PROGRESS_RAG, (None, None), "No data"),
    (excel.XLP_CONTRACT_EXPIRY, (dt.datetime(2023, 12, 1), dt.datetime(2023, 8, 15)),
     "Expires within 6 months"),
    (excel.XLP_CONTRACT_EXPIRY, ("March 2022", dt.datetime(2023, 8, 15)), "Expired"),
    (excel.XLP_CONTRACT_EXPIRY, (None, dt.datetime(2023, 8, 15)), "No end date"),
]


@pytest.mark.parametrize(("udf", "args", "result"), RESULTS,
                         ids=[f"{u.__name__}{a}" for u, a, _ in RESULTS])
def test_xlp_functions(udf: Callable[..., Any], args: tuple[Any, ...], result: Any) -> None:
    assert udf(*args) == result


BAD: list[tuple[Callable[..., Any], tuple[Any, ...], str]] = [
    (excel.XLP_RAG, (1, 2, "Sideways"), "polarity must be one of Higher is better"),
    (excel.XLP_RAG, (1, 2, None, None, "Furlongs"), "unit must be one of Number, %"),
    (excel.XLP_RISK_SCORE, (2.5, 2), "likelihood must be a whole number"),
    (excel.XLP_RISK_BAND, (17, "4x4"), "1 to 16"),
    (excel.XLP_RISK_BAND, (4, "7x7"), "no 7x7 risk matrix"),
    (excel.XLP_PROGRESS_EXPECTED, ("soon", "May 2023", "April 2023"), "start must be a date"),
    (excel.XLP_DIRECTION, (1, 2, "Target band"), "Target band needs its target"),
    (excel.XLP_PROGRESS_EXPECTED, ("2023/24", "TBC", "April 2023"), "due must be a date"),
]


@pytest.mark.parametrize(("udf", "args", "words"), BAD,
                         ids=[f"{u.__name__}{a}" for u, a, _ in BAD])
def test_a_value_that_cannot_be_used_gives_its_reason_in_the_cell(
        udf: Callable[..., Any], args: tuple[Any, ...], words: str) -> None:
    result = udf(*args)
    assert isinstance(result, str) and result.startswith("Cannot compute: ") and words in result


def test_the_councils_policy_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert excel.XLP_RAG(42, 50) == "Red"  # default tolerance 10%
    assert excel.XLP_RISK_BAND(12) == "Medium"  # default matrix 5x5
    policy = tmp_path / "policy.toml"
    policy.write_text('[kpi]\ntolerance = 0.2\n[risk]\ndefault_matrix = "4x4"\n',
                      encoding="utf-8")
    monkeypatch.setenv(POLICY_VARIABLE, str(policy))
    assert excel.XLP_RAG(42, 50) == "Amber"
    assert excel.XLP_RISK_BAND(12) == "Very High"
    policy.write_text("[year]\nfy_start_month = 7\n", encoding="utf-8")
    # the plan year 2023/24 starts on 1 July 2023: half way to 30 June 2024 on 31 Dec 2023
    assert excel.XLP_PROGRESS_EXPECTED("2023/24", "30/06/2024", dt.datetime(2023, 12, 31)) == \
        pytest.approx(183 / 365)
    policy.write_text("[kpi]\ntolerance = 'lots'\n", encoding="utf-8")
    assert excel.XLP_RAG(42, 50).startswith("Cannot compute: policy.toml: setting kpi.tolerance")
