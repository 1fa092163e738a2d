"""Checks of the risk register: every likelihood and impact is a point on the plan's matrix."""

from __future__ import annotations

from collections.abc import Iterator

from xl_plans import schema
from xl_plans.model import Num, NumKind
from xl_plans.validation.context import Context, describe, quote
from xl_plans.validation.report import Issue

RISKS = schema.SHEETS_BY_NAME["Risks"]
SCORE_FIELDS = ("inherent_likelihood", "inherent_impact", "residual_likelihood",
                "residual_impact", "target_likelihood", "target_impact")


def check_scores(ctx: Context) -> Iterator[Issue]:
    size = ctx.matrix_size
    for risk in ctx.plan.risks:
        for name in SCORE_FIELDS:
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
