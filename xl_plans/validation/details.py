"""Checks of the Plan sheet: whose plan, which year, which quarter, which template."""

from __future__ import annotations

import re
from collections.abc import Iterator

from xl_plans import schema
from xl_plans.cells import ErrorValue, Uncalculated
from xl_plans.model import NumKind
from xl_plans.validation.context import Context, quote
from xl_plans.validation.fields import unplaced_dates
from xl_plans.validation.report import Issue
from xl_plans.values import ambiguous_year, fy_label, typed_quarter

_HEADERS = {column.field: column.header for column in schema.PLAN_FIELDS}


def check_plan_details(ctx: Context) -> Iterator[Issue]:
    details = ctx.plan.details
    sheet = ctx.plan_sheet_name()
    for name in ("service", "plan_year"):
        if getattr(details, name) is None:
            unplaced = _unplaced(ctx, "filled in") if name == "plan_year" else ""
            yield ctx.at_detail("plan-detail-missing", name,
                                f"The {sheet} sheet does not give the {_HEADERS[name]}"
                                f"{unplaced}.",
                                hint=f"Fill in {_HEADERS[name]} on the {sheet} sheet.")
    if details.plan_year is not None and ctx.fy_start is None \
            and not _is_formula_or_error(_raw(ctx, "plan_year")):
        yield ctx.at_detail("plan-year-unreadable", "plan_year",
                            f"Plan Year {quote(details.plan_year)} is not a financial year "
                            f"such as 2024/25{_unplaced(ctx, 'corrected')}.")
    ambiguous = ambiguous_year(details.plan_year)
    if ambiguous is not None:
        read_as, other = ambiguous
        yield ctx.at_detail("plan-year-ambiguous", "plan_year",
                            f"Plan Year {quote(details.plan_year)} could mean {other} or "
                            f"{read_as}: read as {read_as}; write it as {read_as}.",
                            hint=f"Type the financial year in full: {read_as}, or {other} if "
                                 "that is the year the plan is for.")
    # An unknown quarter ("Q5") is reported by the cell checks already.
    if details.reporting_quarter is None and _raw(ctx, "reporting_quarter") is None:
        reported = [kpi for kpi in ctx.plan.kpis
                    if any(kpi.actual(q).kind is NumKind.NUMBER for q in (1, 2, 3, 4))]
        if reported:
            yield ctx.at_detail("reporting-quarter-missing", "reporting_quarter",
                                f"{len(reported)} KPI(s) have actuals but the {sheet} sheet "
                                "does not say which quarter is being reported.")
    yield from _quarter_year(ctx)
    yield from _template(ctx)


def _quarter_year(ctx: Context) -> Iterator[Issue]:
    """A Reporting Quarter typed with a year other than the plan's ("Q4 2022/23" in 2023/24)."""
    raw = _raw(ctx, "reporting_quarter")
    typed = typed_quarter(raw) if isinstance(raw, str) else None
    if typed is None or typed[1] is None or ctx.fy_start is None or typed[1] == ctx.fy_start:
        return
    yield ctx.at_detail("reporting-quarter-other-year", "reporting_quarter",
                        f"Reporting Quarter {quote(raw)} is a quarter of {fy_label(typed[1])}, "
                        f"but the Plan Year is {fy_label(ctx.fy_start)}.")


def _unplaced(ctx: Context, until: str) -> str:
    """What else a missing Plan Year stops: dates typed without a year ("Q3") cannot be
    placed, and are said here once rather than as "not a date" in every such cell."""
    found = unplaced_dates(ctx)
    if not found:
        return ""
    (where, text), others = found[0], [where for where, _ in found[1:]]
    first = f"{quote(text)} at {where}"
    if not others:
        return f", so {first} cannot be placed until it is {until}"
    shown = ", ".join([first, *others[:2]])
    shown += f" and {len(others) - 2} more" if len(others) > 2 else ""
    return (f", so {len(found)} dates typed without a year ({shown}) cannot be placed until "
            f"it is {until}")


def _template(ctx: Context) -> Iterator[Issue]:
    typed = ctx.plan.details.template_version
    if typed is None:
        return  # not made from the template: nothing to compare
    have, current = _version(typed), _version(schema.TEMPLATE_VERSION)
    if have is None:
        message = (f"Template Version {quote(typed)} is not a version of the plan template "
                   f"(the current one is {schema.TEMPLATE_VERSION}).")
    elif have < current:  # type: ignore[operator]
        changes = [change for version, change in schema.TEMPLATE_CHANGES.items()
                   if have < (_version(version) or ())]
        since = f" Since then: {'; '.join(changes)}." if changes else ""
        message = (f"The workbook was made from template {typed}; the current template is "
                   f"{schema.TEMPLATE_VERSION}.{since}")
    else:
        return
    yield ctx.at_detail("template-outdated", "template_version", message)


def _version(text: str) -> tuple[int, ...] | None:
    match = re.fullmatch(r"v?\s*(\d+(?:\.\d+)*)", text.strip(), re.IGNORECASE)
    return tuple(int(part) for part in match[1].split(".")) if match else None


def _raw(ctx: Context, field_name: str) -> object:
    source = ctx.plan.details.source
    return source.raw.get(field_name) if source is not None else None


def _is_formula_or_error(raw: object) -> bool:
    """Reported by the cell checks already, so not again as an unreadable value."""
    return isinstance(raw, ErrorValue | Uncalculated)
