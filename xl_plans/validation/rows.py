"""Checks across rows: Refs that must be unique, and Refs that must point somewhere."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from xl_plans import schema
from xl_plans.model import Row
from xl_plans.validation.context import Context, quote
from xl_plans.validation.report import Issue
from xl_plans.values import clean_text, fy_start_year

# Sheets where each row's key must be unique: section -> (key fields, what the key is called).
UNIQUE = {
    "kpis": (("ref",), "Ref"),
    "risks": (("ref",), "Ref"),
    "contracts": (("ref",), "Ref"),
    "budget": (("year",), "Year"),
    "kpi_years": (("ref", "year"), "Ref and Year"),
}
# Sheets where several rows share a Ref (a priority's outcomes, a project's milestones), but
# one Ref must not name two different things: section -> the field the Ref names.
SHARED = {"priorities": "priority", "milestones": "project"}


def _key(value: Any) -> str:
    """Refs compare as officers read them: case and outer spaces ignored."""
    text = clean_text(value)
    return " ".join(text.split()).casefold() if text else ""


def _year_key(value: Any) -> str:
    """Years compare as the financial year they name: 2022/23 is 2022-23 is 22/23."""
    start = fy_start_year(clean_text(value))
    return str(start) if start is not None else _key(value)


_KEYS = {"year": _year_key}


def _row_no(row: Row) -> str:
    return f"row {row.source.row}" if row.source is not None else "an earlier row"


def check_unique_refs(ctx: Context) -> Iterator[Issue]:
    for spec in schema.SHEETS:
        rows = getattr(ctx.plan, spec.section)
        if spec.section in UNIQUE:
            fields, label = UNIQUE[spec.section]
            yield from _unique(ctx, spec, rows, fields, label)
        elif spec.section in SHARED:
            yield from _shared(ctx, spec, rows, SHARED[spec.section])


def _unique(ctx: Context, spec: schema.Sheet, rows: tuple[Row, ...], fields: tuple[str, ...],
            label: str) -> Iterator[Issue]:
    first: dict[tuple[str, ...], Row] = {}
    for row in rows:
        key = tuple(_KEYS.get(name, _key)(getattr(row, name)) for name in fields)
        if not all(key):
            continue  # a blank Ref is value-missing, not a duplicate
        if key in first:
            shown = " ".join(str(getattr(row, name)) for name in fields)
            yield ctx.at("duplicate-ref", spec, row, fields[0],
                         f"{label} {quote(shown)} is used twice on the {ctx.sheet_name(spec)} "
                         f"sheet (also on {_row_no(first[key])}).",
                         hint=f"Give each row its own {label}.")
        else:
            first[key] = row


def _shared(ctx: Context, spec: schema.Sheet, rows: tuple[Row, ...], named: str) -> Iterator[Issue]:
    first: dict[str, Row] = {}
    header = spec.column(named).header.lower()
    for row in rows:
        key = _key(getattr(row, "ref", None))
        name = _key(getattr(row, named, None))
        if not key or not name:
            continue
        if key not in first:
            first[key] = row
        elif _key(getattr(first[key], named)) != name:
            yield ctx.at("duplicate-ref", spec, row, "ref",
                         f"Ref {quote(getattr(row, 'ref', None))} names two different "
                         f"{_plural(header)}: "
                         f"{quote(getattr(first[key], named), 40)} on {_row_no(first[key])} and "
                         f"{quote(getattr(row, named), 40)} here.",
                         hint=f"Give each {header} its own Ref; rows of one {header} share "
                         f"its Ref and its {header} text.")


def _plural(noun: str) -> str:
    """"priorities", "projects": the headers named in messages."""
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def check_kpi_year_refs(ctx: Context) -> Iterator[Issue]:
    known = {_key(kpi.ref) for kpi in ctx.plan.kpis if kpi.ref}
    spec = schema.SHEETS_BY_NAME["KPI Years"]
    reported: set[str] = set()
    for row in ctx.plan.kpi_years:
        key = _key(row.ref)
        if key and key not in known and key not in reported:
            reported.add(key)  # once per Ref, at its first row
            yield ctx.at("kpi-ref-unknown", spec, row, "ref",
                         f"The {spec.name} sheet has rows for Ref {quote(row.ref)}, which is "
                         f"not on the {ctx.sheet_name(schema.SHEETS_BY_NAME['KPIs'])} "
                         "sheet.")

