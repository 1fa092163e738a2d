"""A one-line-per-plan summary of what plans hold (the README's first look at the examples)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from xl_plans.model import Plan


def plan_summary(plan: Plan) -> dict[str, Any]:
    details = plan.details
    return {
        "File": Path(plan.file).name if plan.file else "",
        "Service": details.service or "",
        "Year": details.plan_year or "",
        "Quarter": details.reporting_quarter or "",
        "Priorities": len(plan.priority_refs),
        "Outcomes": len(plan.priorities),
        "KPIs": len(plan.kpis),
        "Risks": len(plan.risks),
        "Projects": len(plan.project_names),
        "Milestones": len(plan.milestones),
        "Contracts": len(plan.contracts),
        "Budget years": len(plan.budget),
    }


def summary_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "No plans read."
    return pd.DataFrame(rows).to_string(index=False)
