"""Synthetic plan workbooks of a chosen size, for benchmarks (realistic, messy-ish values)."""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from xl_plans.template import save_workbook, tables_workbook

THEMES = ["People", "Place", "Planet", "Place; People"]
DATES = ["March 2024", "September 2023", "March 2024 and ongoing", "Q3 2023/24",
         dt.date(2024, 1, 31), "TBC"]


def median_time(func: Callable[[int], Any], repeat: int = 7) -> float:
    """Seconds taken by `func(run)` (run = 0, 1, ...), the median of `repeat` runs."""
    times = []
    for run in range(repeat):
        start = time.perf_counter()
        func(run)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plan_tables(rows: int, seed: int = 0, service: str = "Service") -> dict[str, Any]:
    """A 2023/24 plan with `rows` rows on every data sheet."""
    rng = random.Random(seed)
    kpis = []
    for i in range(rows):
        target = rng.choice([100, 250, 0.95, "zero", "INFO ONLY", 40])
        kpis.append({
            "Ref": f"K{i}", "Indicator": f"Indicator {i} for {service}",
            "Polarity": rng.choice(["Higher is better", "Lower is better"]),
            "Measure": rng.choice(["Cumulative", "Snapshot", "Annual"]),
            "Unit": "%" if isinstance(target, float) else "Number",
            "Annual Target": target, "Tolerance %": 0.1,
            "Q1": rng.choice([rng.randint(0, 100), "29.3%", None, "-"]),
            "Q2": rng.choice([rng.randint(0, 100), None]),
            "Last Year Q1": rng.randint(0, 100), "Comment": "On track" if i % 3 else None,
        })
    return {
        "Plan": {"Council": "Test Council", "Service": service, "Plan Year": "2023/24",
                 "Reporting Quarter": "Q2", "Risk Matrix": "5x5"},
        "Priorities": [{"Ref": f"P{i // 2}", "Priority": f"Priority {i // 2}",
                        "Corporate Theme": rng.choice(THEMES), "Outcome": f"Outcome {i}",
                        "Target Date": rng.choice(DATES), "Lead": "Head of Service",
                        "Status": rng.choice(["On track", "Complete", "At risk", None]),
                        "% Complete": rng.choice([0.5, "50%", None])} for i in range(rows)],
        "KPIs": kpis,
        "KPI Years": [{"Ref": f"K{i // 3}", "Year": f"20{20 + i % 3}/{21 + i % 3}",
                       "Target": rng.randint(1, 500)} for i in range(rows)],
        "Risks": [{"Ref": f"R{i}", "Risk": f"Risk {i}", "Owner": "Manager",
                   "Inherent Likelihood": rng.randint(1, 5), "Inherent Impact": rng.randint(1, 5),
                   "Residual Likelihood": rng.randint(1, 5), "Residual Impact": rng.randint(1, 5),
                   "Review Date": dt.date(2023, 6, 30)} for i in range(rows)],
        "Projects": [{"Ref": f"PR{i // 4}", "Project": f"Project {i // 4}",
                      "Milestone": f"Milestone {i}", "Due": f"Q{1 + i % 4} 2023/24"}
                     for i in range(rows)],
        "Contracts": [{"Ref": f"C{i}", "Contract": f"Contract {i}", "Supplier": "Supplier Ltd",
                       "Value": rng.choice([35200, "£3,500 per annum"]),
                       "Start Date": dt.date(2021, 4, 1), "End Date": dt.date(2025, 3, 31)}
                      for i in range(rows)],
        "Budget": [{"Year": f"{2000 + i}/{(i + 1) % 100:02d}", "Gross Budget": 1_000_000 + i,
                    "Net Budget": 900_000 + i, "FTE": 14.73} for i in range(rows)],
        "Versions": [{"Version": f"V{i}", "Date": dt.date(2023, 1, 1), "Author": "Officer"}
                     for i in range(rows)],
    }


def write_plan(path: Path, rows: int, seed: int = 0, service: str = "Service") -> Path:
    save_workbook(tables_workbook(plan_tables(rows, seed, service)), path, overwrite=True)
    return path
