"""Excel without Excel: xlwings' remote interpreter fed from workbook files, and its answers
applied back to a workbook file.

`book_from(path)` builds the JSON payload xlwings Server's Office.js client sends for a
workbook (xlwings/xlwings-server, xlwings_server/static/js/core/xlwingsjs/xlwings.js,
getBookData: each sheet's values from A1 to its last used cell, blanks as "", dates as ISO
text, errors as Excel's literals; visibility as newer clients send it, which xlwings 0.37's
remote interpreter reads) and opens it with `xw.Book(json=...)`, the interpreter that
runs the same Book API code as Excel does.

`apply_actions(actions, book)` does to an openpyxl workbook what that client does to Excel
for each action (its handlers in the same file), so a sheet drawn through xlwings can be
compared cell by cell with the sheet the command line writes. Only the action types the
client handles are known here: anything else fails the test.
"""

from __future__ import annotations

import datetime as dt
import re
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import xlwings as xw
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.colors import Color
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

# Text Excel turns into a date when it is written as a value (xlwings sends dates this way).
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z?)?")


def js_value(cell: Any) -> Any:
    """A cell's value as Office.js sends it."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00.000Z"
    if isinstance(value, dt.time):
        return value.isoformat()
    return value  # numbers, text, booleans and error literals ("#DIV/0!") as they are


def sheet_payload(sheet: Worksheet) -> dict[str, Any]:
    rows = max(sheet.max_row, 1)
    cols = max(sheet.max_column, 1)
    values = [[js_value(sheet.cell(r, c)) for c in range(1, cols + 1)]
              for r in range(1, rows + 1)]
    visibility = {"visible": "Visible", "hidden": "Hidden", "veryHidden": "VeryHidden"}
    return {"name": sheet.title, "values": values, "pictures": [], "tables": [],
            "visibility": visibility[sheet.sheet_state]}


def payload(book: Workbook, name: str, active: int = 0) -> dict[str, Any]:
    return {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": name, "active_sheet_index": active, "selection": "A1"},
        "names": [],
        "sheets": [sheet_payload(sheet) for sheet in book.worksheets],
    }


def payload_from(path: Path) -> dict[str, Any]:
    return payload(openpyxl.load_workbook(path, data_only=True), path.name)


def book_from(path: Path) -> xw.Book:
    """The workbook at `path` as xlwings' remote interpreter sees it open in Excel."""
    return xw.Book(json=payload_from(path))


def blank_book(name: str = "Book1.xlsx", sheets: tuple[str, ...] = ("Sheet1",)) -> xw.Book:
    """A new, empty workbook as Excel opens one."""
    book = Workbook()
    book.active.title = sheets[0]
    for extra in sheets[1:]:
        book.create_sheet(extra)
    return xw.Book(json=payload(book, name))


def actions_of(book: xw.Book) -> list[dict[str, Any]]:
    return list(book.json()["actions"])


# --------------------------------------------------------------------------- applying


@dataclass
class Applied:
    """What applying the actions did, besides changing cells."""

    alerts: list[list[Any]] = field(default_factory=list)  # prompt, title, buttons, mode, ...
    written: set[str] = field(default_factory=set)  # sheets whose cells or formats changed
    autofit: list[tuple[str, str]] = field(default_factory=list)  # sheet, range
    active: str | None = None


def _cells(sheet: Worksheet, action: dict[str, Any]) -> list[list[Any]]:
    top, left = action["start_row"] + 1, action["start_column"] + 1
    return [[sheet.cell(top + r, left + c) for c in range(action["column_count"])]
            for r in range(action["row_count"])]


def excel_reads(value: Any) -> Any:
    """What Excel stores when a value is written: the text prefix makes text of anything;
    an ISO date is a date; other text would be parsed like typing, which xl_plans must never
    rely on (it could turn into a formula, a number or an error)."""
    if value == "" or value is None:
        return None
    if isinstance(value, str):
        if value.startswith("'"):
            return value[1:]
        if _ISO_DATE.fullmatch(value):
            return dt.datetime.fromisoformat(value.rstrip("Z")[:19])
        raise AssertionError(f"text written without Excel's text prefix: {value!r}")
    return value


def _set_values(sheet: Worksheet, action: dict[str, Any]) -> None:
    for row, values in zip(_cells(sheet, action), action["values"], strict=True):
        for cell, value in zip(row, values, strict=True):
            stored = excel_reads(value)
            cell.value = stored
            if isinstance(stored, str):
                cell.data_type = "s"  # stored as text, whatever it looks like


def _font(cell: Any, name: str, value: Any) -> None:
    font = copy(cell.font)
    if name == "bold":
        font.b = bool(value)
    elif name == "italic":
        font.i = bool(value)
    elif name == "size":
        font.sz = float(value)
    elif name == "color":
        font.color = Color(rgb=str(value).lstrip("#").upper())
    elif name == "name":
        font.name = str(value)
    else:
        raise AssertionError(f"setFontProperty {name!r}: not a font property Office.js sets")
    cell.font = Font(name=font.name, sz=font.sz, b=font.b, i=font.i, color=font.color,
                     u=font.u, family=font.family, scheme=font.scheme)


def _clear(book: Workbook, index: int) -> None:
    """Office.js clears contents, formats and links: a fresh sheet of the same name."""
    old = book.worksheets[index]
    book.remove(old)
    book.create_sheet(old.title, index)


def apply_actions(actions: list[dict[str, Any]], book: Workbook) -> Applied:
    applied = Applied()
    for action in actions:
        func, args = action["func"], action["args"]
        position = action["sheet_position"]
        sheet = book.worksheets[position] if position is not None else None
        if func == "addSheet":
            book.create_sheet(args[1], int(args[0]))
            applied.written.add(args[1])
        elif func == "sheetClear":
            assert sheet is not None
            _clear(book, position)
            applied.written.add(sheet.title)
        elif func == "sheetDelete":
            assert sheet is not None
            book.remove(sheet)
        elif func == "activateSheet":
            book.active = int(args[0])
            applied.active = book.worksheets[int(args[0])].title
        elif func == "alert":
            applied.alerts.append(args)
        elif sheet is None:
            raise AssertionError(f"{func}: no sheet")
        else:
            applied.written.add(sheet.title)
            _range_action(sheet, func, args, action, applied)
    return applied


def _range_action(sheet: Worksheet, func: str, args: list[Any], action: dict[str, Any],
                  applied: Applied) -> None:
    cells = [cell for row in _cells(sheet, action) for cell in row]
    if func == "setValues":
        _set_values(sheet, action)
    elif func == "setRangeColor":
        for cell in cells:
            cell.fill = PatternFill("solid", fgColor=str(args[0]).lstrip("#").upper())
    elif func == "setFontProperty":
        for cell in cells:
            _font(cell, args[0], args[1])
    elif func == "setNumberFormat":
        for cell in cells:
            cell.number_format = str(args[0])
    elif func == "addHyperlink":
        address, text = str(args[0]), str(args[1])
        target, _, location = address.partition("#")
        [cell] = cells
        assert cell.value == text, f"{cell.coordinate}: link text {text!r} != {cell.value!r}"
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=location or None,
                                   target=target or None)
    elif func == "setAutofit":
        first, last = cells[0].coordinate, cells[-1].coordinate
        applied.autofit.append((sheet.title, f"{first}:{last}"))
    else:
        raise AssertionError(f"no Office.js handler is modelled for {func!r}")
