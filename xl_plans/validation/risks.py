"""Checks of the risk register: every likelihood and impact is a point on the plan's matrix."""

from __future__ import annotations

from collections.abc import Iterator

from xl_plans import schema
from xl_plans.model import Num, NumKind
from xl_plans.validation.context import Context, describe, quote
from xl_plans.validation.report import Issue

RISKS = schema.SHEETS_BY_NAME["Risks"]


def check_scores(ctx: Context) -> Iterator[Issue]:
    size = ctx.matrix_size
    for risk in ctx.plan.risks:
        for name in schema.RISK_SCORE_FIELDS:
            num: Num = getattr(risk, name)
            if num.kind is not NumKind.NUMBER or num.value is None:
                continue  # text is not-a-number; blanks are allowed or value-missing
            if num.value.is_integer() and 1 <= num.value <= size and not num.percent:
                continue
            typed = risk.source.raw.get(name) if risk.source is not None else num.value
            yield ctx.at("score-outside-matrix", RISKS, risk, name,
                         f"{RISKS.column(name).header} of {describe(RISKS, risk)} is "
                         f"{quote(typed)}, not a whole number from 1 to {size} on the plan's "
                         f"{size}x{size} matrix.",
                         hint=f"Score it from 1 to {size}, or set Risk Matrix on the Plan sheet "
                         "if your council uses another matrix.")


def check_matrix_named(ctx: Context) -> Iterator[Issue]:
    """Scored risks with Risk Matrix blank are banded on the policy's default matrix: a 4x4
    register read as 5x5 puts a 16 in High, not Very High, and most risks within appetite.
    (A value that is not a matrix is reported by the cell checks.)"""
    details = ctx.plan.details
    typed = details.source.raw.get("risk_matrix") if details.source is not None else None
    if details.risk_matrix is not None or (typed is not None and str(typed).strip()):
        return
    scored = sum(1 for risk in ctx.plan.risks
                 if risk.residual_likelihood.kind is NumKind.NUMBER
                 and risk.residual_impact.kind is NumKind.NUMBER)
    if scored:
        name = ctx.policy.matrix().name
        yield ctx.at_detail("risk-matrix-missing", "risk_matrix",
                            f"Risk Matrix is blank on the {ctx.plan_sheet_name()} sheet: the "
                            f"{scored} scored risk(s) are banded on the {name} matrix, the "
                            "policy's default.",
                            hint="Choose the matrix the risks are scored on (4x4 or 5x5).")
