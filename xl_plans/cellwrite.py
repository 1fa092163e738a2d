"""Writing one value into one openpyxl cell, safely.

The one place that decides how a value lands in a cell. Text is always stored as text: openpyxl
would otherwise turn "=HYPERLINK(...)" into a live formula and "#N/A" into an error cell
(reliability.md). Text over Excel's 32,767-character limit is cut with a visible marker rather
than silently.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from openpyxl.cell.cell import Cell

from xl_plans.model import Num, NumKind, When, WhenKind

EXCEL_MAX_TEXT = 32_767
_CUT_MARK = " [cut: too long for one Excel cell]"


def put(cell: Cell, value: Any, number_format: str | None = None) -> None:
    """Write `value` (text, number, date, enum, Num or When) into `cell`."""
    value = plain(value)
    if value is None:
        cell.value = None
        return
    if isinstance(value, str):
        if len(value) > EXCEL_MAX_TEXT:
            value = value[: EXCEL_MAX_TEXT - len(_CUT_MARK)] + _CUT_MARK
        cell.value = value
        cell.data_type = "s"  # never a formula or an error, whatever it starts with
        cell.number_format = "@"
        return
    cell.value = value
    if number_format:
        cell.number_format = number_format


def plain(value: Any) -> Any:
    """The cell value for a model value: text as typed wins, else the number or date."""
    if isinstance(value, Num):
        if value.text is not None:
            return value.text
        return value.value if value.kind is NumKind.NUMBER else None
    if isinstance(value, When):
        if value.text is not None:
            return value.text
        return value.start if value.kind is WhenKind.DATE else None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value
