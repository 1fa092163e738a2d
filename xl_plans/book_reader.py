"""A plan from a workbook open in Excel: the values xlwings reads, as the reader's grids.

xl_plans.excel hands over each sheet's values as xlwings gives them (read from A1 with
`err_to_str=True`); this module turns them into the same `cells.Grid` a file gives and reads
them with `reader.read_grids`, so the ribbon and the command line read a plan alike.

The differences from reading a file, and why:
- Error cells arrive as text: Excel's error literals ("#DIV/0!", "#N/A", ...) from Office.js
  and from xlwings on a Mac, or, on Windows, as COM error numbers that xlwings leaves as
  integers when it has no name for them (#SPILL!, #CALC!, ...). Exactly those literals and
  numbers become `ErrorValue`s; nothing else does. Text an officer typed as "#N/A" cannot be
  told apart from the error, and is treated as the error.
- Excel calculates, so there is no formula without a value (`Uncalculated`).
- Numbers arrive as floats: whole ones become ints, as the file reader does.
- Merged cells: Excel's own engines (Windows, Mac) show where a merge may hide a value
  (xl_plans.excel.merged_areas), so a Ref merged over several rows is filled down as the file
  reader does; xlwings' remote engines (Office.js) cannot show merges, and there such a Ref is
  read once, at its first row.
- Number formats: Excel itself shows them, and xl_plans.excel turns a date shown as a month
  ("Mar-24") into the month, as the file reader does; xlwings' remote engines (Office.js,
  xlwings Server) cannot, and there such a date stays its 1st.
Sheets are only read when the contract needs them (`values_of` is called per sheet).

`read_settings` and `summary_settings` read the settings sheet of a council summary workbook
(schema.SETTINGS_*): what the ribbon's Consolidate button consolidates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xl_plans import schema
from xl_plans.cells import CellValue, ErrorValue, Grid, SheetInfo, address
from xl_plans.model import EXCEL_ERRORS, Quarter
from xl_plans.reader import PlanRead, read_grids
from xl_plans.values import normalise_key, parse_choice

# On Windows an error cell reaches Python as the COM error number -2146828288 + Excel's
# XlCVError code; xlwings names only the seven oldest, so the rest are named here.
_COM_BASE = -2146828288
COM_ERRORS: dict[int, str] = {_COM_BASE + code: literal for code, literal in {
    2000: "#NULL!", 2007: "#DIV/0!", 2015: "#VALUE!", 2023: "#REF!", 2029: "#NAME?",
    2036: "#NUM!", 2042: "#N/A", 2043: "#GETTING_DATA", 2045: "#SPILL!", 2046: "#CONNECT!",
    2047: "#BLOCKED!", 2048: "#UNKNOWN!", 2049: "#FIELD!", 2050: "#CALC!",
}.items()}

Values = Sequence[Sequence[Any]]


def cell_value(value: Any) -> CellValue:
    """One value as xlwings read it -> the reader's cell value."""
    if isinstance(value, str):
        if value in EXCEL_ERRORS:
            return ErrorValue(value)
        return value if value != "" else None
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in COM_ERRORS:
        return ErrorValue(COM_ERRORS[value])
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


Merged = list[tuple[int, int, int, int]]  # merged areas, 0-based (r0, c0, r1, c1)


def grid_of(name: str, values: Values, merged: Merged | None = None) -> Grid:
    return Grid(name, [[cell_value(value) for value in row] for row in values], merged or [])


class _Grids(Mapping[str, Grid]):
    """Grids read on first use."""

    def __init__(self, names: list[str], values_of: Callable[[str], Values],
                 merged_of: Callable[[str, Values], Merged] | None = None) -> None:
        self._names = names
        self._values_of = values_of
        self._merged_of = merged_of
        self._read: dict[str, Grid] = {}

    def __getitem__(self, name: str) -> Grid:
        if name not in self._names:
            raise KeyError(name)
        if name not in self._read:
            values = self._values_of(name)
            merged = self._merged_of(name, values) if self._merged_of is not None else None
            self._read[name] = grid_of(name, values, merged)
        return self._read[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def read_open_book(file: str, sheets: list[SheetInfo], values_of: Callable[[str], Values],
                   merged_of: Callable[[str, Values], Merged] | None = None) -> PlanRead:
    """The plan in an open workbook named `file` (its full name, or its name when it has
    never been saved): `sheets` in workbook order, `values_of(name)` a sheet's values from A1,
    `merged_of(name, values)` its merged areas where the engine can tell."""
    return read_grids(_Grids([info.name for info in sheets], values_of, merged_of), sheets, file)


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Setting:
    """One value of the settings sheet and its cell ("B2"), for messages."""

    value: CellValue
    cell: str


_SETTING_KEYS = {normalise_key(label): column.field for column in schema.SETTINGS_FIELDS
                 for label in (column.header, *column.synonyms)}


def read_settings(values: Values) -> dict[str, Setting]:
    """The settings sheet (rows of Field | Value, labels matched like the Plan sheet's) by
    field name; the first row naming a field counts."""
    found: dict[str, Setting] = {}
    for row, raw in enumerate(values):
        cells = [cell_value(value) for value in raw]
        col = next((c for c, value in enumerate(cells) if value is not None), None)
        if col is None or not isinstance(cells[col], str):
            continue
        field = _SETTING_KEYS.get(normalise_key(str(cells[col])))
        if field is not None and field not in found:
            value = cells[col + 1] if col + 1 < len(cells) else None
            found[field] = Setting(value, address(row, col + 1))
    return found


class SettingsProblem(Exception):
    """A settings sheet that cannot be used; the message names the cell and what to type."""


@dataclass(frozen=True)
class SummarySettings:
    folder: Path
    quarter: Quarter
    year: str | None
    services: list[str]


def summary_settings(values: Values, workbook: str | None) -> SummarySettings:
    """What Consolidate needs from the settings sheet of the summary workbook at `workbook` (its
    path: a relative Folder is taken from its folder; None when it has no path on this
    computer). Raises SettingsProblem."""
    settings = read_settings(values)
    return SummarySettings(_folder(settings, workbook), _quarter(settings),
                           _text(settings.get("year")),
                           [service.strip() for service in re.split(r"[;\n]", _text(
                               settings.get("services")) or "") if service.strip()])


def _text(setting: Setting | None) -> str | None:
    if setting is None or setting.value is None:
        return None
    return str(setting.value).strip() or None


def _where(settings: dict[str, Setting], field: str) -> str:
    """"'xl_plans settings'!B2": the setting's cell, or where the new sheet puts it."""
    cell = settings[field].cell if field in settings else address(
        1 + [c.field for c in schema.SETTINGS_FIELDS].index(field), 1)
    return f"'{schema.SETTINGS_SHEET}'!{cell}"


def _folder(settings: dict[str, Setting], workbook: str | None) -> Path:
    text = _text(settings.get("folder"))
    if text is None:
        raise SettingsProblem(f"Type the folder of the service plans in "
                              f"{_where(settings, 'folder')}, then click Consolidate again.")
    folder = Path(text).expanduser()
    if not folder.is_absolute():
        if workbook is None or not Path(workbook).is_absolute():
            raise SettingsProblem(
                f"The folder in {_where(settings, 'folder')} is relative, and this workbook has "
                "no folder on this computer (it has not been saved, or it is open from "
                "OneDrive, SharePoint or Teams): give the full path of the plans' folder "
                "on this computer, or save the workbook in a folder first.")
        folder = Path(workbook).parent / folder
    if not folder.is_dir():
        raise SettingsProblem(f"The folder in {_where(settings, 'folder')} does not exist: "
                              f"{folder}.")
    return folder


def _quarter(settings: dict[str, Setting]) -> Quarter:
    raw = settings["quarter"].value if "quarter" in settings else None
    quarter = parse_choice(Quarter, raw, schema.CHOICE_SYNONYMS.get(Quarter, {}))
    if not isinstance(quarter, Quarter):
        shown = f"'{raw}'" if raw is not None else "blank"
        raise SettingsProblem(f"The Quarter in {_where(settings, 'quarter')} is {shown}: type "
                              "Q1, Q2, Q3 or Q4.")
    return quarter
