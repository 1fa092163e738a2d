"""Checks of the Budget sheet against the plan year: the one line the council summary takes."""

from __future__ import annotations

from collections.abc import Iterator

from xl_plans import schema
from xl_plans.model import BudgetLine, NumKind
from xl_plans.validation.context import Context, quote
from xl_plans.validation.report import Issue
from xl_plans.values import ambiguous_year, fy_start_year

_SPEC = schema.SHEETS_BY_NAME["Budget"]


def check_budget_year(ctx: Context) -> Iterator[Issue]:
    """Every line's Year reads as a financial year, and one of them is the plan year's. Not
    when the plan has no Budget sheet (it is optional) or the plan year cannot be read (the
    Plan sheet's checks say so)."""
    lines = ctx.plan.budget
    has_sheet = ctx.read.found[_SPEC.name].name is not None if ctx.read is not None \
        else bool(lines)  # (a plan built in code has no sheets: its lines stand for one)
    if not has_sheet:
        return
    starts = [fy_start_year(line.year) for line in lines]
    for line, start in zip(lines, starts, strict=True):
        if line.year is not None and start is None:
            yield ctx.at("budget-year-unreadable", _SPEC, line, "year",
                         f"Year {quote(line.year)} on the {ctx.sheet_name(_SPEC)} sheet is not "
                         "a financial year such as 2024/25.")
        elif (ambiguous := ambiguous_year(line.year)) is not None:
            yield _ambiguous(ctx, line, *ambiguous, plan_year=start == ctx.fy_start)
    if ctx.fy_start is None or ctx.fy_start in starts:
        return
    years = [line.year for line in lines if line.year is not None]
    has = f" (it has {_listed(years)})" if years else ""
    yield ctx.issue("budget-year-missing",
                    f"The {ctx.sheet_name(_SPEC)} sheet has no line for the plan year "
                    f"{ctx.plan.details.plan_year}{has}: the council summary shows no budget "
                    "or FTE for this service.", sheet=ctx.sheet_name(_SPEC))


def _ambiguous(ctx: Context, line: BudgetLine, read_as: str, other: str,
               plan_year: bool) -> Issue:
    """A Year typed "2024": read as 2024/25, though a council naming its budgets by the year
    they end means 2023/24, and the summary would total the wrong year's figures."""
    taken = ", the plan year's line the council summary totals" if plan_year else ""
    return ctx.at("budget-year-ambiguous", _SPEC, line, "year",
                  f"Year {quote(line.year)} on the {ctx.sheet_name(_SPEC)} sheet could mean "
                  f"{other} or {read_as}: read as {read_as}{taken}; write it as {read_as}.",
                  hint=f"Type the financial year in full: {read_as}, or {other} if those are "
                       "that year's figures.")


def plan_year_line(lines: tuple[BudgetLine, ...], fy_start: int | None) -> BudgetLine | None:
    """The Budget line for the plan year (its first): the one line the council summary totals,
    and the one whose missing figures are flagged."""
    if fy_start is None:
        return None
    return next((line for line in lines if fy_start_year(line.year) == fy_start), None)


# Figures that are never below zero: spending before income, and staff. (A net budget is
# below zero when a service's income exceeds its spending: parking, building control.)
_NEVER_NEGATIVE = ("gross_budget", "fte")
_FIGURES = ("gross_budget", "net_budget", "fte")


def check_budget_figures(ctx: Context) -> Iterator[Issue]:
    """Figures finance would query before totalling them: a gross budget or FTE below zero,
    and any budget figure typed as a percentage (a % in a money column is a slip, and the
    summary would total 0.05 as £0.05)."""
    plan_year = plan_year_line(ctx.plan.budget, ctx.fy_start)
    for line in ctx.plan.budget:
        for name in _FIGURES:
            figure = getattr(line, name)
            header = _SPEC.column(name).header
            if figure.value is None:
                if line is plan_year and figure.kind is not NumKind.TEXT:  # (text: not-a-number)
                    typed = "blank" if figure.kind is NumKind.BLANK else quote(figure.text)
                    yield ctx.at("budget-figure-missing", _SPEC, line, name,
                                 f"{header} for the plan year {quote(line.year)} is {typed}: "
                                 f"the council summary's {header} total leaves this service "
                                 "out.")
                continue
            what = "a number of staff" if name == "fte" else "an amount of money"
            if figure.percent:
                yield ctx.at("budget-figure-unlikely", _SPEC, line, name,
                             f"{header} for {quote(line.year)} is typed as a percentage: "
                             f"it should be {what}.")
            elif figure.value < 0 and name in _NEVER_NEGATIVE:
                yield ctx.at("budget-figure-unlikely", _SPEC, line, name,
                             f"{header} for {quote(line.year)} is below zero, which "
                             f"{what if name == 'fte' else 'spending before income'} never is.")


def _listed(years: list[str]) -> str:
    shown = [quote(year) for year in dict.fromkeys(years)]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
