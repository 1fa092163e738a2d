"""Checks of dates: far from the plan year, contracts ending before they start, review dates
that have passed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from xl_plans import schema
from xl_plans.model import Contract, Risk, RiskStatus, Row, When
from xl_plans.validation.context import Context, cap, describe, quote
from xl_plans.validation.report import Issue

# A target or due date this far from the plan year is almost always a mistyped year. Plans are
# written in the year before they start (targets then are normal), and multi-year plans and
# projects run a few years on.
YEARS_BEFORE = 2
YEARS_AFTER = 5

# section -> the fields holding targets and deadlines
DEADLINES = {"priorities": ("target_date",), "milestones": ("due",)}
CONTRACTS = schema.SHEETS_BY_NAME["Contracts"]
RISKS = schema.SHEETS_BY_NAME["Risks"]


def check_date_range(ctx: Context) -> Iterator[Issue]:
    if ctx.fy_start is None:
        return
    fy_first, _ = ctx.quarter_span(1)
    _, fy_last = ctx.quarter_span(4)
    first = _years(fy_first, -YEARS_BEFORE)
    last = _years(fy_last, YEARS_AFTER)
    for spec in schema.SHEETS:
        for name in DEADLINES.get(spec.section, ()):
            for row in getattr(ctx.plan, spec.section):
                when: When = getattr(row, name)
                if when.end is None or when.start is None:
                    continue
                if when.end < first or when.start > last:
                    yield ctx.at("date-out-of-range", spec, row, name,
                                 f"{spec.column(name).header} of {describe(spec, row)} is "
                                 f"{quote(_typed(row, name, when))}, far from the plan year "
                                 f"{ctx.plan.details.plan_year} (expected between "
                                 f"{first:%B %Y} and {last:%B %Y}).")


def _years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def check_contract_dates(ctx: Context) -> Iterator[Issue]:
    for contract in ctx.plan.contracts:
        start, end = contract.start_date, contract.end_date
        if start.start is None or end.end is None:
            continue
        if end.end < start.start:
            yield ctx.at("contract-dates-reversed", CONTRACTS, contract, "end_date",
                         f"{cap(describe(CONTRACTS, contract))} ends "
                         f"({quote(_typed(contract, 'end_date', end))}) before it starts "
                         f"({quote(_typed(contract, 'start_date', start))}).")


def check_review_dates(ctx: Context) -> Iterator[Issue]:
    as_of = ctx.as_of
    assert as_of is not None
    for risk in ctx.plan.risks:
        if risk.status is RiskStatus.CLOSED:
            continue
        yield from _passed(ctx, RISKS, risk, as_of)
    for contract in ctx.plan.contracts:
        end = contract.end_date
        if end.end is not None and end.end < as_of and not end.ongoing:
            continue  # the contract has ended: its review no longer matters
        yield from _passed(ctx, CONTRACTS, contract, as_of)


def _passed(ctx: Context, spec: schema.Sheet, row: Risk | Contract,
            as_of: dt.date) -> Iterator[Issue]:
    when = row.review_date
    if when.end is None or when.end >= as_of:
        return
    yield ctx.at("review-date-passed", spec, row, "review_date",
                 f"The review date of {describe(spec, row)} "
                 f"({quote(_typed(row, 'review_date', when))}) passed before {as_of:%d %B %Y}.")


def _typed(row: Row, name: str, when: When) -> object:
    if row.source is not None and name in row.source.raw:
        return row.source.raw[name]
    return when.text if when.text is not None else when.start
