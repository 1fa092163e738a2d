"""Checks of the workbook's shape: is it a plan, are its sheets and columns where they belong.

These need what the reader learned finding each sheet (PlanRead.found), so they are skipped for
a Plan built in code.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from xl_plans import schema
from xl_plans.cells import Grid, address, column_letter
from xl_plans.reader import PlanRead, SheetRead
from xl_plans.validation.context import Context, quote
from xl_plans.validation.report import Issue
from xl_plans.values import normalise_key

# How alike two names must be (difflib ratio on normalised keys) to be offered as "did you
# mean": low enough for "KPI's 2024" -> KPIs and "Anual Trgt" -> Annual Target.
SUGGEST_CUTOFF = 0.6
# A stricter bar for raising a warning about an unrecognised header on its own.
UNRECOGNISED_CUTOFF = 0.8


def is_plan(read: PlanRead) -> bool:
    """Does the workbook have anything of a plan: a Plan sheet or a plan sheet with headers?"""
    return read.plan_sheet is not None or any(
        found.name is not None and found.header_row is not None for found in read.found.values()
    )


def not_a_plan(read: PlanRead) -> str | None:
    """Why a workbook read is not a plan (None when it is one): for every command that reads
    plans, so none scores or lists a budget workbook as an empty plan."""
    if is_plan(read):
        return None
    names = [info.name for info in read.sheets]
    return f"This workbook has none of a service plan's sheets (it has {_list(names)})."


def check_not_a_plan(ctx: Context) -> Iterator[Issue]:
    read = ctx.read
    assert read is not None
    yield ctx.issue("not-a-plan", not_a_plan(read) or "",
                    value=", ".join(info.name for info in read.sheets))


def check_plan_filled(ctx: Context) -> Iterator[Issue]:
    """A plan whose required sheets (Priorities, KPIs, Risks) are there, with their headers,
    and nothing in it: no priorities, KPIs, risks, project milestones or contracts. An
    unfilled template, which was "valid" once a Budget line was in. (A missing sheet or header
    is reported as such, not as this too.)"""
    read = ctx.read
    if read is None:
        return
    required = [spec for spec in schema.SHEETS if spec.required]
    delivery = [*required, *(spec for spec in schema.SHEETS
                             if spec.section in ("milestones", "contracts"))]
    if all(read.found[spec.name].header_row is not None for spec in required) \
            and not any(getattr(ctx.plan, spec.section) for spec in delivery):
        yield ctx.issue("plan-empty", "The plan has nothing in it yet: no priorities, KPIs, "
                        "risks, project milestones or contracts.",
                        sheet=ctx.sheet_name(required[0]))


def check_sheets(ctx: Context) -> Iterator[Issue]:
    read = ctx.read
    if read is None:
        return
    used = {read.plan_sheet, *(found.name for found in read.found.values())}
    spare = [info.name for info in read.sheets if info.name not in used
             and info.name not in schema.OUTPUT_SHEETS]
    infos = {info.name: info for info in read.sheets}
    if read.plan_sheet is None:
        yield _missing(ctx, schema.PLAN_SHEET, schema.PLAN_SYNONYMS, read, spare)
    elif not infos[read.plan_sheet].visible:
        yield _hidden(ctx, read.plan_sheet)
    for spec in schema.SHEETS:
        found = read.found[spec.name]
        if found.name is None:
            if spec.required:
                yield _missing(ctx, spec.name, spec.synonyms, read, spare)
            continue
        if found.hidden:
            yield _hidden(ctx, found.name)
        if found.header_row is None:
            grid = read.grids.get(found.name)
            has_data = grid is not None and any(v is not None for r in grid.rows for v in r)
            if has_data or spec.required:
                headers = ", ".join(c.header for c in spec.columns if c.required)
                yield ctx.issue(
                    "header-row-missing",
                    f"The {found.name} sheet has no header row (one with {headers}) in its "
                    f"first {schema.HEADER_SEARCH_ROWS} rows, so none of its rows can be read.",
                    sheet=found.name,
                )
            continue
        yield from _columns(ctx, spec, found)
        yield from _merged(ctx, spec, found, read.grids[found.name])


def _missing(ctx: Context, name: str, synonyms: tuple[str, ...], read: PlanRead,
             spare: list[str]) -> Issue:
    message = f"There is no {name} sheet: the sheets are {_list(_names(read))}."
    charts = [info.name for info in read.sheets if not info.is_worksheet
              and normalise_key(info.name) in {normalise_key(n) for n in (name, *synonyms)}]
    if charts:
        message = f"There is no {name} sheet: {charts[0]} is a chart sheet, not a worksheet."
    else:
        closest = _closest((name, *synonyms), spare)
        if closest:
            message = message[:-1] + f"; is it {closest}?"
    return ctx.issue("sheet-missing", message, sheet=name,
                     value=", ".join(_names(read)),
                     hint=f"Rename the sheet to {name}, or copy the {name} sheet from the "
                     "template (xl-plans new).")


def _hidden(ctx: Context, sheet: str) -> Issue:
    return ctx.issue("sheet-hidden", f"The {sheet} sheet is hidden, so reviewers may not see "
                     "rows that are reported.", sheet=sheet)


def _columns(ctx: Context, spec: schema.Sheet, found: SheetRead) -> Iterator[Issue]:
    sheet = found.name
    assert sheet is not None and found.header_row is not None
    header_row = found.header_row
    suggested: set[int] = set()
    for column in spec.columns:
        if column.field in found.columns or not column.required:
            continue
        col = _closest_column(column, found.extra, exclude=suggested)
        message = f"The {sheet} sheet has no {column.header} column."
        if col is not None:
            suggested.add(col)
            message = message[:-1] + (f"; is it {quote(found.extra[col])} "
                                      f"(column {column_letter(col)})?")
        yield ctx.issue("column-missing", message, sheet=sheet,
                        cell=address(header_row, col) if col is not None else None,
                        row=header_row + 1, field_name=column.field,
                        value=found.extra.get(col) if col is not None else None,
                        hint=f"Name a column {column.header} (or rename the one meant), as in "
                        "the template.")
    for column in spec.columns:
        if column.field in found.columns or column.required:
            continue
        col = _closest_column(column, found.extra, exclude=suggested,
                              cutoff=UNRECOGNISED_CUTOFF)
        if col is not None:
            suggested.add(col)
            yield ctx.at_grid(
                "column-unrecognised", sheet, header_row, col,
                f"The header {quote(found.extra[col])} is not recognised, so its values are not "
                f"used; is it {column.header}?", value=found.extra[col],
                field_name=column.field, hint=f"Rename the header to {column.header}.")
    for field_name, cols in found.duplicates.items():
        first = found.columns[field_name]
        for col in cols:
            yield ctx.at_grid(
                "column-duplicated", sheet, header_row, col,
                f"{quote(found.headers[col])} is a second {spec.column(field_name).header} "
                f"column; only column {column_letter(first)} is read.",
                value=found.headers[col], field_name=field_name)
    grid = ctx.read.grids[sheet] if ctx.read else None
    for first, last in _runs(found.unnamed):
        row0 = _first_data_row(grid, first, header_row) if grid else header_row + 1
        columns = f"Column {column_letter(first)} holds" if first == last \
            else f"Columns {column_letter(first)} to {column_letter(last)} hold"
        yield ctx.at_grid(
            "column-unnamed", sheet, row0, first,
            f"{columns} data but {'has' if first == last else 'have'} no header, so "
            f"{'it is' if first == last else 'they are'} not read.",
            value=grid.value(row0, first) if grid else None)


def _runs(columns: list[int]) -> Iterator[tuple[int, int]]:
    """Sorted column indexes as runs of neighbours (first, last): a block of stray data is
    one issue, not one per column (a row pasted 16,384 columns wide)."""
    start = end = None
    for col in columns:
        if end is not None and col == end + 1:
            end = col
            continue
        if start is not None and end is not None:
            yield start, end
        start = end = col
    if start is not None and end is not None:
        yield start, end


def _merged(ctx: Context, spec: schema.Sheet, found: SheetRead, grid: Grid) -> Iterator[Issue]:
    """Merges hiding values: any merge in the data area other than a key column merged down."""
    assert found.header_row is not None and found.name is not None
    key_cols = {found.columns[f] for f in spec.key_fields if f in found.columns}
    field_of = {col: f for f, col in found.columns.items()}
    for r0, c0, r1, c1 in grid.merged:
        if r0 <= found.header_row:
            continue
        if c0 == c1 and c0 in key_cols:
            continue  # a Ref or title merged down over its rows: read for every row
        hidden = [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
                  if (r, c) != (r0, c0) and c in field_of]
        if not hidden:
            continue  # only unread columns are covered: nothing is lost
        covered = sorted({spec.column(field_of[c]).header for _, c in hidden})
        yield ctx.at_grid(
            "merged-cells", found.name, r0, c0,
            f"Cells {address(r0, c0)}:{address(r1, c1)} are merged, so only {address(r0, c0)} "
            f"is read and {', '.join(covered)} on the other rows or columns look blank.",
            value=grid.value(r0, c0), field_name=field_of.get(c0))


def _first_data_row(grid: Grid, col: int, header_row: int) -> int:
    for index in range(header_row + 1, len(grid.rows)):
        if grid.value(index, col) is not None:
            return index
    return header_row


def _closest_column(column: schema.Column, extra: dict[int, str], exclude: set[int],
                    cutoff: float = SUGGEST_CUTOFF) -> int | None:
    best, best_ratio = None, cutoff
    for col, header in extra.items():
        if col in exclude:
            continue
        ratio = _likeness(header, (column.header, *column.synonyms))
        if ratio >= best_ratio:
            best, best_ratio = col, ratio
    return best


def _closest(names: Iterable[str], candidates: list[str]) -> str | None:
    best, best_ratio = None, SUGGEST_CUTOFF
    names = tuple(names)
    for candidate in candidates:
        ratio = _likeness(candidate, names)
        if ratio >= best_ratio:
            best, best_ratio = candidate, ratio
    return best


def _likeness(text: str, names: Iterable[str]) -> float:
    """How alike `text` is to the closest of `names`, ignoring case, spaces and punctuation;
    a name contained in the text ("KPIs 2024" holds "KPIs") counts as alike."""
    key = normalise_key(text)
    best = 0.0
    for name in names:
        other = normalise_key(name)
        if not key or not other:
            continue
        if len(other) >= 3 and other in key:
            best = max(best, 0.9)
        best = max(best, difflib.SequenceMatcher(None, key, other).ratio())
    return best


def _names(read: PlanRead) -> list[str]:
    return [info.name for info in read.sheets]


def _list(names: list[str]) -> str:
    return ", ".join(names) if names else "no sheets"
