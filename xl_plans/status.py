"""A whole plan's status for a reporting quarter: KPIs, risks, priorities, projects, contracts.

`plan_status(plan, quarter, policy, today)` is a pure function of its arguments (no files, no
clock), so the Status sheet, the JSON output and council-wide consolidation all get the same
numbers. `today` decides what is overdue, expiring or past review.

The JSON shape (`xl-plans status PLAN --json`, `PlanStatus.model_dump(mode="json")`), format
`format: 1`. Dates are ISO strings; figures of % KPIs are fractions (0.293 is 29.3%):

    {
      "format": 1,
      "file": "plan.xlsx" | null, "council", "service", "plan_year": "2022/23",
      "quarter": "Q1", "as_of": "2022-08-12",
      "policy": {"name": "xl_plans defaults", "version": 1},
      "period": {"plan_start": "2022-04-01", "quarter_start", "quarter_end"},
      "kpis": [{"ref", "indicator", "quarter", "polarity", "measure", "unit", "actual",
                "expected", "band": [low, high] | null, "tolerance", "rag", "reason",
                "vs_previous": {"direction", "compared_with", "text"},
                "vs_last_year": {...}, "forecast", "forecast_rag",
                "cells": {"actual": "KPIs!N7", "target": "KPIs!H7", ...}}],
      "kpi_counts": {"Green": 8, "Amber": 0, "Red": 2, "No data": 3, ...},
      "risk_matrix": {"name": "4x4", "size": 4, "appetite": 6},
      "risks": [{"ref", "risk", "owner", "open", "inherent" | "residual" | "target":
                 {"likelihood", "impact", "score", "band", "problem", "cells"},
                 "above_appetite", "review_date", "review_overdue", "reason"}],
      "heat_map": {"matrix", "size", "counts": [[...]], "bands": [[...]], "unscored"},
      "risk_counts": {"Low": 7, "Medium": 0, "High": 0, "Very High": 0},
      "risks_above_appetite": 0, "risk_reviews_overdue": 0,
      "priorities": [{"kind": "priority", "ref", "title", "item", "due", "due_text", "status",
                      "percent_complete", "expected_progress", "timing", "due_in_quarter",
                      "rag", "reason", "cells"}],
      "priority_counts": {"Complete": 2, "Overdue": 1, "Due this quarter": 0, ...},
      "milestones": [... as priorities, "kind": "milestone"],
      "milestone_counts": {...},
      "projects": [{"ref", "project", "milestones", "complete", "overdue", "due_in_quarter",
                    "next_due", "rag"}],
      "contracts": [{"ref", "contract", "supplier", "end_date", "ends", "state",
                     "expires_within_months", "review_date", "review_passed", "extension",
                     "extension_available", "needs_action", "reason", "cells"}],
      "contracts_needing_action": 2
    }

Counts list every state, zeros included, in a fixed order. Matrix cells are indexed
[likelihood - 1][impact - 1].
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from xl_plans.kpi import KpiStatus, kpi_status, quarter_number, rag_counts
from xl_plans.model import Plan, Quarter
from xl_plans.policy import Policy
from xl_plans.progress import (
    ContractStatus,
    ItemStatus,
    ProjectStatus,
    ReportingPeriod,
    contract_status,
    milestone_status,
    priority_status,
    project_statuses,
    timing_counts,
)
from xl_plans.risk import HeatMap, ScoredRisk, band_counts, heat_map, scored_risk

STATUS_FORMAT = 1


class PolicyRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    version: int


class Period(BaseModel):
    model_config = ConfigDict(frozen=True)

    plan_start: dt.date | None
    quarter_start: dt.date | None
    quarter_end: dt.date | None


class MatrixRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    size: int
    appetite: int


class PlanStatus(BaseModel):
    """Everything the Status sheet shows, as data (see the module docstring for the shape)."""

    model_config = ConfigDict(frozen=True)

    format: int = STATUS_FORMAT
    file: str | None
    council: str | None
    service: str | None
    plan_year: str | None
    quarter: Quarter
    as_of: dt.date
    policy: PolicyRef
    period: Period
    kpis: list[KpiStatus]
    kpi_counts: dict[str, int]
    risk_matrix: MatrixRef
    risks: list[ScoredRisk]
    heat_map: HeatMap
    risk_counts: dict[str, int]
    risks_above_appetite: int
    risk_reviews_overdue: int
    priorities: list[ItemStatus]
    priority_counts: dict[str, int]
    milestones: list[ItemStatus]
    milestone_counts: dict[str, int]
    projects: list[ProjectStatus]
    contracts: list[ContractStatus]
    contracts_needing_action: int


def plan_status(plan: Plan, quarter: Quarter | int | str, policy: Policy,
                today: dt.date) -> PlanStatus:
    """The status of every KPI, risk, priority, milestone and contract of `plan` for
    `quarter`, scored by `policy`, as of `today`."""
    q = quarter_number(quarter)
    details = plan.details
    period = ReportingPeriod.of(details.plan_year, q, policy)
    matrix = policy.matrix(details.risk_matrix)

    kpis = [kpi_status(kpi, q, policy) for kpi in plan.kpis]
    risks = [scored_risk(risk, matrix, today) for risk in plan.risks]
    priorities = [priority_status(p, period, policy, today) for p in plan.priorities]
    milestones = [milestone_status(m, period, policy, today) for m in plan.milestones]
    contracts = [contract_status(c, policy, today) for c in plan.contracts]
    return PlanStatus(
        file=plan.file, council=details.council, service=details.service,
        plan_year=details.plan_year, quarter=Quarter(f"Q{q}"), as_of=today,
        policy=PolicyRef(name=policy.name, version=policy.version),
        period=Period(plan_start=period.plan_start, quarter_start=period.quarter_start,
                      quarter_end=period.quarter_end),
        kpis=kpis, kpi_counts=rag_counts(kpis),
        risk_matrix=MatrixRef(name=matrix.name, size=matrix.size, appetite=matrix.appetite),
        risks=risks, heat_map=heat_map(risks, matrix), risk_counts=band_counts(risks),
        risks_above_appetite=sum(r.above_appetite for r in risks),
        risk_reviews_overdue=sum(r.review_overdue for r in risks),
        priorities=priorities, priority_counts=timing_counts(priorities),
        milestones=milestones, milestone_counts=timing_counts(milestones),
        projects=project_statuses(milestones),
        contracts=contracts, contracts_needing_action=sum(c.needs_action for c in contracts))
