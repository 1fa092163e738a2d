"""Checks of single cells against their column: formulas, errors, types, dropdowns, blanks.

One pass over every read cell of every row. Error and uncalculated cells are reported as what
they are and never as blank or as wrong-typed text (the reader keeps them as text "#DIV/0!").
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from typing import Any

from xl_plans import schema
from xl_plans.cells import ErrorValue, Uncalculated
from xl_plans.model import Kpi, Num, NumKind, Polarity, Row, When, WhenKind
from xl_plans.validation.context import Context, describe, quote
from xl_plans.validation.report import Issue
from xl_plans.values import day, normalise_key, parse_num, parse_when

_NUMERIC = (schema.Kind.NUMBER, schema.Kind.PERCENT, schema.Kind.MONEY)

# Number columns where words are kept and only stop the KPI being scored or compared (targets,
# last year's figures, other years'): a warning (figure-as-words). Words in this year's actuals,
# a score or a budget are an error (not-a-number).
WORDS_ALLOWED = {
    "kpis": {"annual_target", *(f"q{q}_target" for q in (1, 2, 3, 4)),
             *(f"last_year_q{q}" for q in (1, 2, 3, 4))},
    "kpi_years": {"target", "outturn", "benchmark"},
    "contracts": {"value"},  # "£500 per month": a figure to restate, not to refuse
}
# Required values reported by a more specific check instead of value-missing.
OWN_CHECK = {"kpis": {"annual_target"}}


def check_fields(ctx: Context) -> Iterator[Issue]:
    for spec in schema.SHEETS:
        rows = getattr(ctx.plan, spec.section)
        if not rows:
            continue
        columns = _read_columns(ctx, spec)
        words_allowed = WORDS_ALLOWED.get(spec.section, set())
        own = OWN_CHECK.get(spec.section, set())
        # A blank cell can only be "value-missing": for other columns it is skipped at once
        # (most cells of a plan are blank or plainly fine, and there are thousands).
        blank_matters = {c.field for c in columns if c.required and c.field not in own}
        names = [column.field for column in columns]
        no_cells = [None] * len(names)
        for row in rows:
            source = row.source
            raws = source.values_of(names) if source is not None else no_cells
            for column, name, value in zip(columns, names, raws, strict=True):
                if value is None and source is not None and name not in blank_matters:
                    continue
                kind = type(value)
                if kind is Uncalculated:
                    yield _uncalculated(ctx, spec, row, column, value)
                elif kind is ErrorValue:
                    yield _error(ctx, spec, row, column, value)
                elif not _plainly_fine(getattr(row, name)):
                    yield from _typed(ctx, spec, row, column, source is not None,
                                      name in words_allowed, name in own)


# The kinds of figure and date that a cell check may object to; every other kind is fine.
_NOT_FINE: dict[type, tuple[NumKind | WhenKind, ...]] = {
    Num: (NumKind.TEXT, NumKind.BLANK), When: (WhenKind.TEXT, WhenKind.BLANK)}


def _plainly_fine(value: Any) -> bool:
    """A value no cell check can object to (most cells): skipped cheaply."""
    not_fine = _NOT_FINE.get(type(value))
    if not_fine is not None:
        return value.kind not in not_fine
    return value is not None


def check_details(ctx: Context) -> Iterator[Issue]:
    """The same cell checks for the Plan sheet's values."""
    source = ctx.plan.details.source
    if source is None:
        return
    sheet = ctx.plan_sheet_name()
    for column in schema.PLAN_FIELDS:
        raw = source.raw.get(column.field)
        if isinstance(raw, Uncalculated):
            yield ctx.at_detail("formula-uncalculated", column.field,
                                f"{column.header} on the {sheet} sheet is the formula "
                                f"{quote(raw)}, which has no calculated value.")
        elif isinstance(raw, ErrorValue):
            yield ctx.at_detail("error-cell", column.field,
                                f"{column.header} on the {sheet} sheet shows the error {raw}.")
        elif column.kind is schema.Kind.CHOICE and raw is not None \
                and getattr(ctx.plan.details, column.field) is None:
            yield ctx.at_detail("choice-unknown", column.field, _choice_message(column, raw))


def _read_columns(ctx: Context, spec: schema.Sheet) -> list[schema.Column]:
    """The sheet's columns that were read: all of them for a Plan built in code."""
    if ctx.read is None:
        return list(spec.columns)
    found = ctx.read.found[spec.name].columns
    return [column for column in spec.columns if column.field in found]


def _uncalculated(ctx: Context, spec: schema.Sheet, row: Row, column: schema.Column,
                  raw: Uncalculated) -> Issue:
    return ctx.at("formula-uncalculated", spec, row, column.field,
                  f"{column.header} of {describe(spec, row)} is the formula {quote(raw)}, which "
                  "has no calculated value (the file was saved by a tool that does not "
                  "calculate).")


def _error(ctx: Context, spec: schema.Sheet, row: Row, column: schema.Column,
           raw: ErrorValue) -> Issue:
    return ctx.at("error-cell", spec, row, column.field,
                  f"{column.header} of {describe(spec, row)} shows the error {raw}.")


def _typed(ctx: Context, spec: schema.Sheet, row: Row, column: schema.Column, has_raw: bool,
           words_allowed: bool, own_check: bool) -> Iterator[Issue]:
    name = column.field
    value: Any = getattr(row, name)
    kind = column.kind
    if kind in _NUMERIC:
        if value.kind is NumKind.TEXT:
            yield from _words(ctx, spec, row, column, value,
                              "figure-as-words" if words_allowed else "not-a-number")
        elif value.kind is NumKind.BLANK and column.required and not own_check:
            yield _blank(ctx, spec, row, column)
    elif kind is schema.Kind.WHEN:
        if value.kind is WhenKind.TEXT and not needs_plan_year(ctx, value):
            yield ctx.at("date-unreadable", spec, row, name,
                         f"{column.header} of {describe(spec, row)} is {quote(value.text)}, "
                         "which is not a date, month or quarter.")
        elif value.kind is WhenKind.BLANK and column.required:
            yield _blank(ctx, spec, row, column)
    elif kind is schema.Kind.CHOICE:
        raw = row.source.raw.get(name) if has_raw and row.source is not None else None
        if value is None and raw is not None and str(raw).strip():
            yield ctx.at("choice-unknown", spec, row, name, _choice_message(column, raw),
                         hint=_choice_hint(column, raw))
        elif value is None and column.required:
            yield _blank(ctx, spec, row, column)
    elif value is None and column.required and not own_check:
        yield _blank(ctx, spec, row, column)


# A KPI's targets, which a Target band KPI may type as a band ("5-10", "95% to 105%").
_BAND_FIELDS = {"annual_target", *(f"q{q}_target" for q in (1, 2, 3, 4))}


def _words(ctx: Context, spec: schema.Sheet, row: Row, column: schema.Column, value: Num,
           code: str) -> Iterator[Issue]:
    """Text in a number column: a date Excel made of what was typed, a target band, or words."""
    name, described = column.field, describe(spec, row)
    raw = row.source.raw.get(name) if row.source is not None else None
    if isinstance(raw, dt.date):
        # "1/2" or "5-10" typed in a General cell is stored as a date: the officer sees
        # 01/02/2023, not the '2023-02-01' the text of the cell would show.
        yield ctx.at(code, spec, row, name,
                     f"{column.header} of {described} holds a date ({day(raw)}), which is not "
                     "a number.",
                     hint="Excel may have turned what was typed (such as 1/2 or 5-10) into a "
                          "date: format the cell as Number or Text (Home > Number Format) and "
                          "type the figure again.")
        return
    hint = None
    if isinstance(row, Kpi) and name in _BAND_FIELDS and ctx.reads_as_band(row, name):
        if row.polarity is Polarity.BAND:
            return  # a band is how a Target band KPI's target is typed: it is scored
        hint = ("If the figure should stay within this range, set Polarity to Target band; "
                "otherwise type one figure (50%, 260) and put the words in the Comment.")
    elif spec.section == "risks":  # a score: the Risks sheet has no Comment for the words
        size = ctx.matrix_size
        lead = _leading_figure(value.text) if value.text is not None else None
        # ("7 (Catastrophic)" on a 5x5 matrix, "2.5 (medium)": no score to keep)
        typed = f"Type just the score, {lead[0]}" if lead and lead[0] in map(
            str, range(1, size + 1)) else f"Score it as a whole number from 1 to {size}"
        hint = f"{typed}, on the plan's {size}x{size} matrix: 1 the lowest, {size} the highest."
    elif value.text is not None and (lead := _leading_figure(value.text)) is not None:
        figure, rest = lead
        hint = (f"Type just the figure, {figure}, in the cell; the words ({rest}) belong in a "
                "Comment or Update column, where they are kept.")
    yield ctx.at(code, spec, row, name,
                 f"{column.header} of {described} is {quote(value.text)}, which is not a "
                 "number.", hint=hint)


def _leading_figure(text: str) -> tuple[str, str] | None:
    """A figure with words after it ("75% (provisional)", "4 (Catastrophic)", "15.2 FTE"):
    the figure and the words; None when the text does not start with a figure."""
    match = _LEAD.match(text)
    if match is None or any(char.isdigit() for char in match[2]) \
            or parse_num(match[1]).kind is not NumKind.NUMBER:
        return None  # ("130 Arrests 320 Warnings": two figures, not one with words)
    return match[1].strip(), match[2].strip()


_LEAD = re.compile(r"^\s*(£?-?\d[\d,]*(?:\.\d+)?\s*%?)\s*([(\[a-zA-Z].*)$", re.DOTALL)


def needs_plan_year(ctx: Context, when: When) -> bool:
    """A date typed as part of the plan year ("Q3"), unreadable only because the Plan Year is
    blank or unreadable: the Plan Year's own issue says so (and counts them, see
    unplaced_dates), rather than a "not a date" warning on every such cell."""
    return ctx.fy_start is None and when.kind is WhenKind.TEXT and when.text is not None \
        and parse_when(when.text, _ANY_PLAN_YEAR).kind is not WhenKind.TEXT


# A plan year to try the text with: only whether it reads once a year is known matters, and
# for what this asks about (a quarter, "March", "Q3 and Q4") any year gives the same answer.
_ANY_PLAN_YEAR = 2000


def unplaced_dates(ctx: Context) -> list[tuple[str, str]]:
    """Dates typed that cannot be placed until the Plan Year is known ("Q3"): where (a cell,
    "Priorities!E2", or for a plan built in code the row) and the text."""
    found = []
    for spec in schema.SHEETS:
        columns = [c for c in spec.columns if c.kind is schema.Kind.WHEN]
        for row in getattr(ctx.plan, spec.section) if columns else ():
            for column in columns:
                when: When = getattr(row, column.field)
                if needs_plan_year(ctx, when) and when.text is not None:
                    cell = row.source.cell(column.field) if row.source is not None else None
                    found.append((cell or f"{column.header} of {describe(spec, row)}",
                                  when.text))
    return found


def _blank(ctx: Context, spec: schema.Sheet, row: Row, column: schema.Column) -> Issue:
    if column.field in spec.key_fields:
        # Rows that share a priority or project: a blank Ref is most often a merged cell that
        # Excel's own reading (the ribbon) sees only on its first row. Deleting the row would
        # delete an outcome or milestone.
        hint = (f"Type the {column.header} on every row it belongs to (unmerge a merged cell "
                "and repeat it); delete the row only if it is not needed.")
    else:
        hint = f"Fill in {column.header}, or delete the row if it is not needed."
    return ctx.at("value-missing", spec, row, column.field,
                  f"{column.header} is blank for {describe(spec, row)}.", hint=hint)


def _choice_message(column: schema.Column, raw: object) -> str:
    assert column.choices is not None
    allowed = ", ".join(schema.choice_labels(column.choices))
    return f"{column.header} {quote(raw)} is not an allowed value ({allowed})."


def _choice_hint(column: schema.Column, raw: object) -> str:
    """The dropdown hint, with the closest allowed value when one is close (matched against
    the labels and the words officers use for them, e.g. "Higer" -> Higher is better)."""
    assert column.choices is not None
    key = normalise_key(str(raw))
    candidates = {normalise_key(label): label for label in schema.choice_labels(column.choices)}
    for word, member in schema.CHOICE_SYNONYMS.get(column.choices, {}).items():
        candidates.setdefault(word, str(member.value))
    close = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.6) if key else []
    if close:
        return f"Choose a value from the cell's dropdown: did you mean {candidates[close[0]]}?"
    return "Choose a value from the cell's dropdown."
