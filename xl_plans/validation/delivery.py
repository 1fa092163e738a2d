"""Checks of delivery: a priority outcome's Status and % Complete tell the same story."""

from __future__ import annotations

from collections.abc import Iterator

from xl_plans import schema
from xl_plans.model import Status
from xl_plans.policy import as_fraction
from xl_plans.progress import is_complete
from xl_plans.validation.context import Context, describe, quote
from xl_plans.validation.report import Issue

PRIORITIES = schema.SHEETS_BY_NAME["Priorities"]


def check_progress_status(ctx: Context) -> Iterator[Issue]:
    """Status Complete at 60%, or 100% while On track: scoring takes either as complete
    (progress.item_status), so the officer is told which figure to correct."""
    for priority in ctx.plan.priorities:
        percent, _ = as_fraction(priority.percent_complete, ctx.policy)
        status = priority.status
        if percent is None or status is None or status is Status.CANCELLED \
                or percent > 1 + 1e-9:  # (over 100% is percent-over-100's to say)
            continue
        done = is_complete(percent)  # as scoring takes it
        which = describe(PRIORITIES, priority)
        if priority.outcome:
            which += f" ({quote(priority.outcome, 40)})"
        if status is Status.COMPLETE and not done:
            yield ctx.at("progress-status-conflict", PRIORITIES, priority, "percent_complete",
                         f"Status of {which} is Complete but its % Complete is "
                         f"{percent * 100:g}%: it is scored as complete.")
        elif done and status is not Status.COMPLETE:
            yield ctx.at("progress-status-conflict", PRIORITIES, priority, "status",
                         f"% Complete of {which} is 100% but its Status is {status.value}: "
                         "it is scored as complete.")
