"""A whole plan's status: the pure computation, its documented JSON shape, and the command."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner, Result
from conftest import example, files_in
from pydantic import BaseModel

from xl_plans import kpi, progress, risk, status
from xl_plans.cli import main
from xl_plans.model import Rag
from xl_plans.policy import default_policy, load_policy
from xl_plans.reader import plan_from_tables, read_plan
from xl_plans.status import PlanStatus, plan_status

HART = "hart_corporate_services_2022_23"
THREE_RIVERS = "three_rivers_housing_2022_25"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / f"{name}.xlsx"
    shutil.copyfile(example(name), target)
    return target


def test_hart_corporate_services_q1() -> None:
    found = plan_status(read_plan(example(HART)), "Q1", default_policy(), dt.date(2022, 8, 12))
    assert found.kpi_counts == {"Green": 7, "Amber": 0, "Red": 2, "No data": 3, "Not due": 1,
                                "Info only": 0, "No target": 0}
    assert found.period == status.Period(plan_start=dt.date(2022, 4, 1),
                                         quarter_start=dt.date(2022, 4, 1),
                                         quarter_end=dt.date(2022, 6, 30))
    # priority 7 was due 30 June 2022 and is not complete; 6 and 17 are complete
    assert (found.priority_counts["Overdue"], found.priority_counts["Complete"]) == (1, 2)
    overdue = [p for p in found.priorities if p.timing is progress.Timing.OVERDUE]
    assert [(p.ref, p.rag) for p in overdue] == [("7", Rag.RED)]
    assert found.risks == [] and found.heat_map.counts == [[0] * 5 for _ in range(5)]
    assert found.contracts_needing_action == 0  # no dates in the register


def test_three_rivers_q2() -> None:
    found = plan_status(read_plan(example(THREE_RIVERS)), "Q2", default_policy(),
                        dt.date(2022, 10, 15))
    assert found.risk_matrix == status.MatrixRef(name="4x4", size=4, appetite=6)
    assert [r.residual.score for r in found.risks] == [4, 4, 4, 4, 4, 4, 2]
    assert found.risk_counts == {"Low": 7, "Medium": 0, "High": 0, "Very High": 0}
    assert found.heat_map.counts[1] == [1, 6, 0, 0]
    assert found.kpi_counts["No data"] == 4  # a plan, not yet a report: no actuals
    assert [c.ref for c in found.contracts if c.needs_action] == ["C1", "C2"]
    assert found.milestone_counts["Overdue"] == 7


def test_a_council_policy_changes_the_result(tmp_path: Path) -> None:
    plan = read_plan(example(THREE_RIVERS))
    strict = tmp_path / "strict.toml"
    strict.write_text('[risk.matrices."4x4"]\nappetite = 3\n')
    found = plan_status(plan, "Q2", load_policy(strict), dt.date(2022, 10, 15))
    assert found.risks_above_appetite == 6  # the six 2 x 2 = 4 risks
    assert found.policy.name == "strict.toml (over the xl_plans defaults)"  # not "defaults"


def test_plan_status_is_a_pure_function() -> None:
    plan = plan_from_tables({
        "Plan": {"Service": "Parks", "Plan Year": "2024/25"},
        "KPIs": [{"Ref": "K1", "Indicator": "k", "Polarity": "Higher is better",
                  "Measure": "Cumulative", "Annual Target": 100, "Q2": 40}],
        "Risks": [{"Ref": "R1", "Risk": "r", "Residual Likelihood": 5, "Residual Impact": 5}],
    })
    first = plan_status(plan, 2, default_policy(), dt.date(2024, 10, 1))
    again = plan_status(plan, "Q2", default_policy(), dt.date(2024, 10, 1))
    assert first == again
    assert first.file is None
    assert first.kpis[0].rag is Rag.RED and first.kpis[0].cells == {}  # no cells to point at
    assert first.risks_above_appetite == 1


def _fields(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)


DOCUMENTED_MODELS = [PlanStatus, kpi.KpiStatus, kpi.Trend, risk.ScoredRisk, risk.Score,
                     risk.HeatMap, progress.ItemStatus, progress.ProjectStatus,
                     progress.ContractStatus, status.Period, status.PolicyRef, status.MatrixRef]


@pytest.mark.parametrize("model", DOCUMENTED_MODELS, ids=lambda m: m.__name__)
def test_every_json_field_is_documented(model: type[BaseModel]) -> None:
    documented = set(re.findall(r'"(\w+)"', status.__doc__ or ""))
    assert _fields(model) <= documented, _fields(model) - documented


def test_json_is_plain_data_in_the_documented_shape() -> None:
    found = plan_status(read_plan(example(THREE_RIVERS)), "Q2", default_policy(),
                        dt.date(2022, 10, 15))
    data = json.loads(found.model_dump_json())
    assert data["format"] == 1
    assert data["quarter"] == "Q2" and data["as_of"] == "2022-10-15"
    assert data["heat_map"]["bands"][3][3] == "Very High"
    assert data["risks"][0]["residual"] == {"likelihood": 2, "impact": 2, "score": 4,
                                            "band": "Low", "problem": None,
                                            "cells": {"likelihood": "Risks!H2",
                                                      "impact": "Risks!I2"}}
    assert PlanStatus.model_validate(data) == found  # the JSON reads back as the same status


# --------------------------------------------------------------------------- the command


def test_cli_json_equals_the_library(tmp_path: Path) -> None:
    plan = copy(tmp_path, HART)
    before = files_in(tmp_path)
    result = run("status", str(plan), "--as-of", "2022-08-12", "--json")
    assert result.exit_code == 0, result.output
    expected = plan_status(read_plan(plan), "Q1", default_policy(), dt.date(2022, 8, 12))
    assert json.loads(result.stdout) == expected.model_dump(mode="json")
    assert "KPIs 7 Green, 2 Red, 3 No data, 1 Not due" in result.stderr
    assert files_in(tmp_path) == before  # --json alone writes nothing


def test_cli_writes_a_new_file_next_to_the_plan(tmp_path: Path) -> None:
    plan = copy(tmp_path, THREE_RIVERS)
    original = plan.read_bytes()
    result = run("status", str(plan), "--quarter", "q2", "--as-of", "2022-10-15")
    assert result.exit_code == 0, result.output
    out = tmp_path / f"{THREE_RIVERS} - Status Q2.xlsx"
    assert f"Wrote {out}." in result.output
    assert out.exists() and plan.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([plan.name, out.name])
    again = run("status", str(plan), "--quarter", "Q2")
    assert again.exit_code == 2
    assert "already exists" in again.output
    assert plan.read_bytes() == original


def test_cli_output_option_and_quarter_from_the_plan(tmp_path: Path) -> None:
    plan = copy(tmp_path, HART)
    out = tmp_path / "reports" / "hart.xlsx"
    out.parent.mkdir()
    result = run("status", str(plan), "-o", str(out), "--as-of", "2022-08-12")
    assert result.exit_code == 0, result.output
    assert out.exists()
    assert "Corporate Services Q1:" in result.output  # the plan's own Reporting Quarter


@pytest.mark.parametrize(("args", "words"), [
    (["--in-place", "-o", "x.xlsx"], "either --in-place or -o"),
    (["--as-of", "15th October"], "is not a date: write it as 2024-09-30, 30/09/2024 or today"),
    (["--as-of", "2022-02-30"], "is not a date"),
    (["--quarter", "Q5"], "Q5"),
])
def test_cli_usage_errors(tmp_path: Path, args: list[str], words: str) -> None:
    plan = copy(tmp_path, HART)
    result = run("status", str(plan), *args)
    assert result.exit_code == 2
    assert words in result.output


def test_cli_needs_a_quarter_when_the_plan_has_none(tmp_path: Path) -> None:
    plan = copy(tmp_path, THREE_RIVERS)  # no Reporting Quarter on its Plan sheet
    result = run("status", str(plan))
    assert result.exit_code == 2
    assert "has no Reporting Quarter on its Plan sheet: give --quarter" in result.output


@pytest.mark.parametrize(("make", "code"), [
    (lambda p: p.write_bytes(b""), "file-empty"),
    (lambda p: p.write_text("Ref,KPI\n1,2\n"), "text-not-workbook"),
    (lambda p: None, "file-not-found"),
])
def test_cli_unreadable_plan(tmp_path: Path, make: Any, code: str) -> None:
    plan = tmp_path / "plan.xlsx"
    make(plan)
    result = run("status", str(plan), "--quarter", "Q1")
    assert result.exit_code == 2
    assert f"[{code}] plan.xlsx:" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "plan - Status Q1.xlsx").exists()


def test_cli_bad_policy(tmp_path: Path) -> None:
    plan = copy(tmp_path, HART)
    bad = tmp_path / "policy.toml"
    bad.write_text("[risk]\ndefault_matrix = 5\n")
    result = run("status", str(plan), "--policy", str(bad))
    assert result.exit_code == 2
    assert "[policy-invalid] policy.toml: setting risk.default_matrix" in result.output


def test_every_command_has_help() -> None:
    for args in (["status", "--help"], ["policy", "--help"], ["policy", "show", "--help"]):
        result = run(*args)
        assert result.exit_code == 0
        assert "Usage:" in result.output and len(result.output) > 200


@pytest.mark.parametrize(("written", "day"), [
    ("2022-10-15", dt.date(2022, 10, 15)),
    ("15/10/2022", dt.date(2022, 10, 15)),  # day first, as UK officers write it
    (" 2022-10-15 ", dt.date(2022, 10, 15)),
    ("today", dt.date.today()),
    ("TODAY", dt.date.today()),
])
def test_as_of_means_the_same_day_to_every_command(tmp_path: Path, written: str,
                                                   day: dt.date) -> None:
    plan = copy(tmp_path, HART)
    status = json.loads(run("status", str(plan), "--as-of", written, "--json").stdout)
    assert status["as_of"] == day.isoformat()
    reports = json.loads(run("validate", "--json", "--as-of", written, str(plan)).stdout)
    assert reports[0]["as_of"] == day.isoformat()
    out = tmp_path / "council.xlsx"
    result = run("consolidate", str(plan), "--quarter", "Q1", "-o", str(out), "--as-of", written)
    assert result.exit_code in (0, 1), result.output
    assert f"as of {day:%d/%m/%Y}" in openpyxl.load_workbook(out)["Summary"]["A2"].value


def test_a_workbook_that_is_not_a_plan_is_refused_by_status_and_summary(
        tmp_path: Path) -> None:
    """A budget workbook was scored as an empty plan (exit 0), as was a Status workbook
    xl_plans wrote; validate and consolidate already said "not a plan"."""
    budget = tmp_path / "budget.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Budget 2024"
    book.active["A1"] = "Cost centre"
    book.save(budget)
    status_book = tmp_path / "status.xlsx"
    assert run("status", str(example(HART)), "--quarter", "Q1", "-o",
               str(status_book)).exit_code == 0
    before = files_in(tmp_path)
    for path in (budget, status_book):
        result = run("status", str(path), "--quarter", "Q1", "-o", str(tmp_path / "s.xlsx"))
        assert result.exit_code == 2, result.output
        assert f"[not-a-plan] {path.name}: This workbook has none" in result.output
        assert not (tmp_path / "s.xlsx").exists()
    listed = run("summary", str(budget), str(example(HART)))
    assert listed.exit_code == 1 and "budget.xlsx: This workbook has none" in listed.output
    assert "1 plan(s) read, 1 unreadable or not plans" in listed.output
    assert files_in(tmp_path) == before  # read, never written
