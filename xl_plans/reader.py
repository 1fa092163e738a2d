"""Officer's workbook -> Plan, with the sheet, row and cell of every value.

The reader finds each sheet by name or synonym, finds its header row, matches headers case-,
space- and punctuation-insensitively (with synonyms, in any order), keeps unknown columns,
skips blank rows and repeated header rows, and parses every value tolerantly (values.py). What it
found, and what it did not, is kept in `PlanRead` for the validator to report.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xl_plans import schema
from xl_plans.cells import (
    CellValue,
    ErrorValue,
    Grid,
    SheetInfo,
    Uncalculated,
    Workbook,
    address,
)
from xl_plans.model import (
    Num,
    NumKind,
    Plan,
    PlanDetails,
    Quarter,
    Source,
    When,
    WhenKind,
    trusted,
)
from xl_plans.values import (
    clean_text,
    fy_start_year,
    normalise_key,
    parse_choice,
    parse_num,
    parse_quarter,
    parse_when,
)


@dataclass
class SheetRead:
    """How one contract sheet was found in the workbook."""

    spec: schema.Sheet
    name: str | None = None  # the workbook's sheet name; None when missing
    hidden: bool = False
    header_row: int | None = None  # 0-based; None when no header row was recognised
    columns: dict[str, int] = field(default_factory=dict)  # field -> column index
    headers: dict[int, str] = field(default_factory=dict)  # column index -> header as typed
    duplicates: dict[str, list[int]] = field(default_factory=dict)  # field -> extra columns
    extra: dict[int, str] = field(default_factory=dict)  # unknown column index -> header
    unnamed: list[int] = field(default_factory=list)  # columns with data but no header


@dataclass
class PlanRead:
    """A plan and everything the reader learned finding it."""

    path: Path
    plan: Plan
    sheets: list[SheetInfo]
    plan_sheet: str | None
    found: dict[str, SheetRead]  # contract sheet name -> how it was found
    grids: dict[str, Grid] = field(default_factory=dict, repr=False)


def read_plan(path: str | Path) -> Plan:
    """Read a plan workbook. Raises WorkbookError (errors.py) if the file is not a workbook."""
    return read_workbook(path).plan


def read_workbook(path: str | Path) -> PlanRead:
    path = Path(path)
    with Workbook(path) as book:
        return _read(path, book.sheets, book.grid, book.date1904)


def read_grids(grids: Mapping[str, Grid], sheets: list[SheetInfo], file: str | Path) -> PlanRead:
    """A plan from sheets already read into grids (a workbook open in Excel: see
    book_reader.py), exactly as read_workbook reads a file. `sheets` lists every sheet in
    workbook order; `grids` holds the worksheets' cells by sheet name."""
    return _read(Path(file), sheets, lambda name: grids[name])


def _read(path: Path, sheets: list[SheetInfo], grid_of: Callable[[str], Grid],
          date1904: bool = False) -> PlanRead:
    """The body shared by read_workbook and read_grids: `grid_of(name)` gives a sheet's
    cells, asked for only the sheets the contract needs. `date1904`: the workbook counts
    date serials from 1904 (old Mac workbooks)."""
    infos = {info.name: info for info in sheets}
    readable = [info.name for info in sheets if info.is_worksheet]
    grids: dict[str, Grid] = {}

    plan_sheet = _match_sheet(schema.PLAN_SHEET, schema.PLAN_SYNONYMS, readable)
    details = PlanDetails()
    if plan_sheet is not None:
        grids[plan_sheet] = grid_of(plan_sheet)
        details = _read_details(grids[plan_sheet], str(path))
    fy_start = fy_start_year(details.plan_year)

    sections: dict[str, Any] = {}
    found: dict[str, SheetRead] = {}
    for spec in schema.SHEETS:
        read = SheetRead(spec)
        found[spec.name] = read
        name = _match_sheet(spec.name, spec.synonyms, readable)
        if name is None:
            continue
        read.name, read.hidden = name, not infos[name].visible
        grids[name] = grid = grid_of(name)
        sections[spec.section] = tuple(_read_rows(grid, read, str(path), fy_start, date1904))

    plan = Plan(
        details=details,
        file=str(path),
        sheets={read.spec.section: read.name for read in found.values()},
        **sections,
    )
    return PlanRead(path, plan, sheets, plan_sheet, found, grids)


def _match_sheet(name: str, synonyms: tuple[str, ...], sheet_names: list[str]) -> str | None:
    """The workbook's sheet for a contract sheet: its own name first, then a synonym."""
    by_key: dict[str, str] = {}
    for sheet_name in sheet_names:
        by_key.setdefault(normalise_key(sheet_name), sheet_name)
    for candidate in (name, *synonyms):
        found = by_key.get(normalise_key(candidate))
        if found is not None:
            return found
    return None


def _column_keys(columns: tuple[schema.Column, ...]) -> dict[str, str]:
    """normalised header or synonym -> field; a canonical header wins over a synonym."""
    keys: dict[str, str] = {}
    for column in columns:
        keys.setdefault(normalise_key(column.header), column.field)
    for column in columns:
        for synonym in column.synonyms:
            keys.setdefault(normalise_key(synonym), column.field)
    return keys


_KEYS = {spec.name: _column_keys(spec.columns) for spec in schema.SHEETS}
_PLAN_KEYS = _column_keys(schema.PLAN_FIELDS)
_PLAN_COLUMNS = {column.field: column for column in schema.PLAN_FIELDS}


def _find_header(grid: Grid, keys: dict[str, str]) -> int | None:
    """The row (within the first rows) that matches the most known headers; at least two."""
    best, best_count = None, 1
    for index, row in enumerate(grid.rows[: schema.HEADER_SEARCH_ROWS]):
        matched = {keys[k] for k in (_key(v) for v in row) if k in keys}
        if len(matched) > best_count:
            best, best_count = index, len(matched)
    return best


def _key(value: CellValue) -> str:
    return normalise_key(value) if isinstance(value, str) else ""


def _map_columns(grid: Grid, read: SheetRead) -> None:
    keys = _KEYS[read.spec.name]
    assert read.header_row is not None
    for col, value in enumerate(grid.rows[read.header_row]):
        text = clean_text(value) if not isinstance(value, ErrorValue | Uncalculated) else None
        if text is None:
            continue
        read.headers[col] = text
        field_name = keys.get(normalise_key(text))
        if field_name is None:
            read.extra[col] = text
        elif field_name in read.columns:
            read.duplicates.setdefault(field_name, []).append(col)
        else:
            read.columns[field_name] = col


def _read_rows(grid: Grid, read: SheetRead, file: str, fy_start: int | None,
               date1904: bool = False) -> list[Any]:
    read.header_row = _find_header(grid, _KEYS[read.spec.name])
    if read.header_row is None:
        return []
    _map_columns(grid, read)
    columns = {column.field: column for column in read.spec.columns}
    fill_down = _merged_fill(grid, read)
    header_cells = grid.rows[read.header_row]
    first_col = min(read.columns.values(), default=0)
    # Values recur down a column ("Higher is better", "March 2024", 100): each distinct one is
    # read once per column. Model values are immutable, so rows may share them.
    mapped: list[tuple[str, int, Converter, Any, dict[Any, Any]]] = [
        (name, col, converter(columns[name]), _BLANKS[columns[name].kind], {})
        for name, col in read.columns.items()]
    reach = max(read.columns.values(), default=-1) + 1  # cells a row needs to hold
    extras = list(read.extra.items())
    unnamed: set[int] = set()
    unheaded: dict[int, list[int]] = {}  # row width -> its columns with no header
    # A row's key fields left blank share the first values typed for its Ref ("Ref 16 |
    # Priority | outcome", then "16 | (blank) | next outcome"): it belongs to that priority.
    shared = [name for name in read.spec.key_fields if name != "ref" and name in read.columns]
    by_ref: dict[Any, dict[str, Any]] = {}
    rows = []
    for index in range(read.header_row + 1, len(grid.rows)):
        cells = grid.rows[index]
        fills = fill_down.get(index, _NO_FILLS)
        width = len(cells)
        if not fills and cells.count(None) == width:
            continue
        if _is_header_again(cells, header_cells, first_col):  # pasted page by page
            continue
        line = cells
        if fills or width < reach:
            line = cells + [None] * (reach - width)
            for col, value in fills.items():
                line[col] = value
        values: dict[str, Any] = {}
        any_value = False
        for name, col, convert_cell, blank, seen in mapped:
            raw = line[col]
            if raw is None:
                values[name] = blank
                continue
            any_value = True
            # Text is most cells; other values are keyed with their type: True == 1 == 1.0.
            key = raw if type(raw) is str else (type(raw), raw)
            value = seen.get(key, _UNSEEN)
            if value is _UNSEEN:
                value = seen[key] = convert_cell(raw, fy_start, date1904)
            values[name] = value
        extra = {header: _extra_value(cells[col] if col < width else None)
                 for col, header in extras} if extras else {}
        if width not in unheaded:
            unheaded[width] = [col for col in range(width) if col not in read.headers]
        if unheaded[width]:
            unnamed.update(col for col in unheaded[width] if cells[col] is not None)
        if not any_value and all(v is None for v in extra.values()):
            continue
        if shared and values.get("ref") is not None:
            first = by_ref.setdefault(values["ref"], {})
            for name in shared:
                if values[name] is None:
                    values[name] = first.get(name)
                else:
                    first.setdefault(name, values[name])
        values["extra"] = extra
        values["source"] = Source.table_row(grid.name, index + 1, read.columns, cells, fills,
                                            file)
        rows.append(trusted(read.spec.model, values))  # the converters made the field types
    read.unnamed = sorted(unnamed)
    return rows


_NO_FILLS: dict[int, CellValue] = {}
_UNSEEN = object()


def _is_header_again(cells: list[CellValue], header: list[CellValue], probe: int) -> bool:
    """A row that repeats the header row (tables pasted page by page repeat it)."""
    if probe >= len(cells) or cells[probe] != header[probe]:
        return False
    return [_key(v) for v in cells] == [_key(v) for v in header]


def _merged_fill(grid: Grid, read: SheetRead) -> dict[int, dict[int, CellValue]]:
    """Values of vertically merged key cells (a Ref merged over a priority's outcome rows),
    for the rows below the top one: each of those rows belongs to that Ref."""
    key_cols = {read.columns[f] for f in read.spec.key_fields if f in read.columns}
    fill: dict[int, dict[int, CellValue]] = {}
    assert read.header_row is not None
    for r0, c0, r1, _c1 in grid.merged:
        if r1 > r0 and c0 in key_cols and r0 > read.header_row:
            for row in range(r0 + 1, r1 + 1):
                fill.setdefault(row, {})[c0] = grid.value(r0, c0)
    return fill


def convert(column: schema.Column, raw: CellValue, fy_start: int | None = None,
            date1904: bool = False) -> Any:
    """A cell's raw value as its column's model type. Error and uncalculated cells are never
    blank: they are kept as text ("#DIV/0!", "=SUM(B2:B5)") for the validator to point at."""
    return converter(column)(raw, fy_start, date1904)


Converter = Callable[[CellValue, "int | None", bool], Any]
_NUMERIC = (schema.Kind.NUMBER, schema.Kind.PERCENT, schema.Kind.MONEY)
_FLAGS = (ErrorValue, Uncalculated)


@functools.cache
def converter(column: schema.Column) -> Converter:
    """`convert` for one column, its kind decided once: the reader calls it for every cell."""
    kind = column.kind
    blank = _BLANKS[kind]
    flagged: Callable[[CellValue], Any]
    parse: Converter
    if kind in _NUMERIC:
        flagged = lambda raw: Num(kind=NumKind.TEXT, text=str(raw))  # noqa: E731
        parse = lambda raw, _fy, _d1904: parse_num(raw)  # noqa: E731
    elif kind is schema.Kind.WHEN:
        flagged = lambda raw: When(kind=WhenKind.TEXT, text=str(raw))  # noqa: E731
        parse = parse_when
    elif kind is schema.Kind.CHOICE:
        assert column.choices is not None
        choices, synonyms = column.choices, schema.CHOICE_SYNONYMS.get(column.choices, {})
        flagged = lambda _raw: None  # noqa: E731
        if choices is Quarter:  # also "Q1 2023/24", as reports are headed
            parse = lambda raw, _fy, _d1904: parse_quarter(raw, synonyms)  # noqa: E731
        else:
            parse = lambda raw, _fy, _d1904: parse_choice(choices, raw, synonyms)  # noqa: E731
    else:
        flagged = str
        parse = lambda raw, _fy, _d1904: clean_text(raw)  # noqa: E731

    def read(raw: CellValue, fy_start: int | None, date1904: bool) -> Any:
        if raw is None:
            return blank
        if type(raw) in _FLAGS:
            return flagged(raw)
        return parse(raw, fy_start, date1904)

    return read


_BLANKS: dict[schema.Kind, Any] = {
    schema.Kind.TEXT: None, schema.Kind.CHOICE: None, schema.Kind.WHEN: When(),
    schema.Kind.NUMBER: Num(), schema.Kind.PERCENT: Num(), schema.Kind.MONEY: Num(),
}


def _extra_value(raw: CellValue) -> Any:
    if isinstance(raw, ErrorValue | Uncalculated):
        return str(raw)
    if isinstance(raw, str):
        return clean_text(raw)
    return raw


def _read_details(grid: Grid, file: str) -> PlanDetails:
    """The Plan sheet: rows of label and value, labels matched like headers."""
    values: dict[str, Any] = {}
    refs: dict[str, str] = {}
    raws: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    header = {normalise_key(h) for h in schema.PLAN_HEADERS}
    for index, cells in enumerate(grid.rows):
        col = next((c for c, v in enumerate(cells) if v is not None), None)
        if col is None:
            continue
        label = clean_text(cells[col])
        if label is None or normalise_key(label) in header:
            continue
        raw = grid.value(index, col + 1)
        field_name = _PLAN_KEYS.get(normalise_key(label))
        if field_name is None:
            if raw is not None:
                extra[label] = _extra_value(raw)
            continue
        if field_name in values:
            continue  # the first occurrence of a label counts
        values[field_name] = convert(_PLAN_COLUMNS[field_name], raw)
        refs[field_name] = address(index, col + 1)
        raws[field_name] = raw
    source = Source(grid.name, 1, cells=refs, raw=raws, file=file)
    return PlanDetails(**values, extra=extra, source=source)


def plan_from_tables(tables: dict[str, Any]) -> Plan:
    """A Plan from values as an officer would type them, keyed by sheet and header:
    {"Plan": {"Service": "Housing", ...}, "KPIs": [{"Ref": "H1", "Q1": "85%"}, ...]}.

    Values go through the same parsing as cells read from a workbook. An unknown sheet or
    header raises KeyError: this is for code and tests, not for officers' files.
    """
    unknown = set(tables) - {schema.PLAN_SHEET, *schema.SHEETS_BY_NAME}
    if unknown:
        raise KeyError(f"unknown sheets: {sorted(unknown)}")
    by_header = {column.header: column for column in schema.PLAN_FIELDS}
    details_in = tables.get(schema.PLAN_SHEET, {})
    details = PlanDetails(**{by_header[h].field: convert(by_header[h], v)
                             for h, v in details_in.items()})
    fy_start = fy_start_year(details.plan_year)
    sections: dict[str, Any] = {}
    for spec in schema.SHEETS:
        columns = {column.header: column for column in spec.columns}
        rows = []
        for row in tables.get(spec.name, ()):
            missing = set(row) - set(columns)
            if missing:
                raise KeyError(f"{spec.name}: unknown headers {sorted(missing)}")
            rows.append(spec.model(**{columns[h].field: convert(columns[h], v, fy_start)
                                      for h, v in row.items()}))
        sections[spec.section] = tuple(rows)
    return Plan(details=details, **sections)
