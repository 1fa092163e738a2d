"""validate(): a workbook (or a Plan) in, a Report out, whatever is wrong with it.

The checks run in a fixed order and each yields Issues; the Report lists them in the order an
officer works through a workbook: sheet by sheet, row by row, cell by cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from xl_plans.cells import parse_address
from xl_plans.errors import WorkbookError
from xl_plans.kpi import KpiStatus
from xl_plans.model import Plan
from xl_plans.policy import Policy, default_policy
from xl_plans.reader import PlanRead, read_workbook
from xl_plans.validation import (
    budget,
    dates,
    delivery,
    details,
    fields,
    kpis,
    risks,
    rows,
    structure,
)
from xl_plans.validation.codes import SEVERITY_RANK, Severity
from xl_plans.validation.context import Context
from xl_plans.validation.report import Issue, Report

Check = Callable[[Context], Iterator[Issue]]

CHECKS: tuple[Check, ...] = (
    structure.check_sheets,
    structure.check_plan_filled,
    fields.check_details,
    details.check_plan_details,
    fields.check_fields,
    rows.check_unique_refs,
    rows.check_kpi_year_refs,
    kpis.check_targets,
    kpis.check_scoring_rules,
    kpis.check_percentages,
    kpis.check_percent_units,
    kpis.check_yes_no_words,
    kpis.check_quarters,
    kpis.check_reported,
    risks.check_scores,
    risks.check_matrix_named,
    budget.check_budget_year,
    budget.check_budget_figures,
    delivery.check_progress_status,
    dates.check_date_range,
    dates.check_contract_dates,
    dates.check_review_dates,
)


def validate(source: str | Path | Plan | PlanRead, *, as_of: dt.date | None = None,
             policy: Policy | None = None,
             kpis_scored: Sequence[KpiStatus] | None = None) -> Report:
    """Every problem in a plan workbook, each with its code, severity, cell and a hint.

    `source` is a workbook path, a PlanRead (read_workbook's result) or a Plan built in code
    (then only the plan's content is checked: there are no sheets or cells to point at).
    `as_of` is the day review dates are judged against: by default the last day of the plan's
    reporting quarter, else the first day of its plan year (Context.plan_date).
    `kpis_scored`: the plan's KPIs already scored by `policy` (kpi.kpi_status), when the caller
    has them, so they are not scored twice; used only if they are for the reporting quarter.

    Never raises for a bad file: a file that cannot be read gives a Report with one error
    whose code is the reader's (errors.FILE_PROBLEMS).
    """
    policy = policy or default_policy()
    if isinstance(source, Plan):
        ctx = Context(plan=source, as_of=as_of, file=source.file, policy=policy,
                      kpis_scored=kpis_scored)
    else:
        if isinstance(source, PlanRead):
            read = source
        else:
            path = Path(source)
            try:
                read = read_workbook(path)
            except WorkbookError as exc:
                return Report.of(str(path), [file_issue(exc)], as_of)
            except Exception as exc:
                error = WorkbookError("corrupt-workbook", path,
                                      f"{type(exc).__name__}: {exc}"[:200])
                return Report.of(str(path), [file_issue(error)], as_of)
        ctx = Context(plan=read.plan, read=read, as_of=as_of, file=str(read.path),
                      policy=policy, kpis_scored=kpis_scored)
        if not structure.is_plan(read):
            return Report.of(ctx.file, list(structure.check_not_a_plan(ctx)), ctx.as_of)
    issues = [issue for check in CHECKS for issue in check(ctx)]
    return Report.of(ctx.file, sort_issues(issues, ctx), ctx.as_of)


def file_issue(error: WorkbookError) -> Issue:
    """The one Issue of a file that could not be read, with the reader's code."""
    problem = error.problem
    return Issue(code=error.code, severity=Severity.ERROR, file=error.path,
                 message=problem[:1].upper() + problem[1:], hint=error.hint)


def sort_issues(issues: list[Issue], ctx: Context) -> list[Issue]:
    """Sheet by sheet in workbook order (missing sheets first), then row, column, severity."""
    order = {info.name: n for n, info in enumerate(ctx.read.sheets)} if ctx.read else {}

    def key(issue: Issue) -> tuple[int, int, int, int]:
        sheet = order.get(issue.sheet or "", -1)
        row, col = parse_address(issue.cell) if issue.cell else (-1, -1)
        return sheet, row, col, SEVERITY_RANK[issue.severity]

    return sorted(issues, key=key)
