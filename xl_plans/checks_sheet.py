"""A copy of a plan workbook with a Checks sheet: every issue a row linking to its cell, and
the offending cells highlighted.

The copy is always a new file: openpyxl's load and save loses things (shapes, threaded
comments, slicers, cached formula results; reliability.md), so the officer's own workbook is
only ever read. What openpyxl says it dropped is returned so that the caller can say so. An
.xlsm stays an .xlsm with its macros (keep_vba).

The Checks sheet itself is a layout (`checks_layout`, sheet_layout.py): drawn here into the
copy, and by xl_plans.excel into a workbook open in Excel.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from xl_plans import schema
from xl_plans.errors import WorkbookError
from xl_plans.inplace import tool_sheet
from xl_plans.saving import SaveError, atomic_save
from xl_plans.sheet_layout import SEVERITY_FILLS, Link, SheetLayout, draw_openpyxl, openpyxl_fill
from xl_plans.validation import Issue, Report, Severity, validate
from xl_plans.validation.codes import SEVERITY_RANK

# Fills for the offending cells and the Severity column (Excel's own "Bad", "Neutral" and a
# light blue for a query), so the copy reads like Excel's conditional formatting.
FILLS = {severity: openpyxl_fill(SEVERITY_FILLS[severity.value]) for severity in Severity}
WIDTHS = (10, 16, 26, 18, 24, 60, 50)  # 204 characters: about 8 points printed in Calibri
_LAST_COLUMN = get_column_letter(len(schema.CHECKS_HEADERS))

_HEADERS_BY_FIELD = {
    column.field: column.header
    for columns in (schema.PLAN_FIELDS, *(spec.columns for spec in schema.SHEETS))
    for column in reversed(columns)  # the first sheet naming a field wins
}


@dataclass
class ChecksCopy:
    path: Path
    report: Report
    dropped: list[str] = field(default_factory=list)  # what openpyxl said it could not keep


def write_checks_copy(source: str | Path, target: str | Path, report: Report | None = None,
                      *, overwrite: bool = False) -> ChecksCopy:
    """Write a copy of `source` to `target` with a Checks sheet first and the offending cells
    filled by severity. `source` is never written. Raises WorkbookError when the source
    cannot be read, SaveError when the copy cannot be written."""
    source, target = Path(source), Path(target)
    if target.resolve() == source.resolve():
        raise SaveError(f"{target.name} is the plan itself: the Checks copy must be a new file.")
    macros = source.suffix.lower() == ".xlsm"
    wanted = ".xlsm" if macros else ".xlsx"
    if target.suffix.lower() != wanted:
        raise SaveError(f"Name the Checks copy {target.stem}{wanted}: a copy of "
                        f"{source.name} must be {wanted} to keep what it holds.")
    report = report or validate(source)
    if not report.readable:
        error = report.errors[0]
        raise WorkbookError(error.code, source)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            book = openpyxl.load_workbook(source, keep_vba=macros, keep_links=True)
        except Exception as exc:
            raise WorkbookError("corrupt-workbook", source,
                                f"openpyxl cannot open it to copy: {exc}"[:200]) from None
    as_of = f" as of {report.as_of:%d/%m/%Y}" if report.as_of else ""
    add_checks_sheet(book, report.issues, title=f"Checks of {source.name}{as_of}")
    # A template (.xltx) opens with openpyxl's template flag set, which would give the copy a
    # template's content type: Excel refuses an .xlsx (or .xlsm) that claims to be one.
    book.template = False
    atomic_save(lambda temp: book.save(temp), target, overwrite=overwrite)
    dropped = list(dict.fromkeys(str(w.message) for w in caught))
    return ChecksCopy(target, report, dropped)


def checks_layout(issues: Iterable[Issue], sheet_names: Iterable[str],
                  title: str | None = None) -> SheetLayout:
    """The Checks sheet: a header row, then one row per issue, its Cell linking to the cell
    when the issue's sheet is one of `sheet_names` (the workbook's sheets). `title` heads
    every printed page (the header row stays row 1: it is how the sheet is known)."""
    issues = list(issues)
    names = set(sheet_names)
    layout = SheetLayout(schema.CHECKS_SHEET, freeze="A2", fit_rows=(1, max(2, len(issues) + 1)),
                         autofilter=f"A1:{_LAST_COLUMN}{max(2, len(issues) + 1)}",
                         print_landscape_fit=True, print_titles="1:1", print_header=title)
    for col, (text, width) in enumerate(zip(schema.CHECKS_HEADERS, WIDTHS, strict=True),
                                        start=1):
        layout.put(1, col, text, "heading")
        layout.widths[col] = width
    for row, issue in enumerate(issues, start=2):
        values = (issue.severity.value.capitalize(), issue.location or "(the file)", issue.code,
                  _HEADERS_BY_FIELD.get(issue.field or "", issue.field), issue.value,
                  issue.message, issue.hint)
        for col, value in enumerate(values, start=1):
            layout.put(row, col, value, "wrap_top")
        layout.cells[(row, 1)].wear(f"severity:{issue.severity.value}")
        if issue.sheet in names:
            link = layout.cells[(row, 2)]
            link.link = Link.to(str(issue.sheet), issue.cell or "A1", display=issue.location)
            link.wear("link")
    if not issues:
        layout.put(2, 1, "None")
        layout.put(2, 6, "No problems found.")
    return layout


def failure_layout(message: str, hint: str) -> SheetLayout:
    """The Checks sheet when checking could not finish: one row saying why, so that an old
    list of problems is never left looking current."""
    layout = checks_layout([], [])
    values = ("Error", "(the file)", "internal-error", None, None, message, hint)
    for col, value in enumerate(values, start=1):
        layout.put(2, col, value, "wrap_top")
    layout.cells[(2, 1)].wear("severity:error")
    return layout


def add_checks_sheet(book: Workbook, issues: Iterable[Issue],
                     title: str | None = None) -> Worksheet:
    """Put a fresh Checks sheet first in `book` (replacing an old one) and highlight cells."""
    old = tool_sheet(book, schema.CHECKS_SHEET)
    if old is not None:
        book.remove(old)
    sheet = book.create_sheet(schema.CHECKS_SHEET, 0)
    issues = list(issues)
    draw_openpyxl(sheet, checks_layout(issues, book.sheetnames, title))
    worst: dict[tuple[str, str], Severity] = {}
    for issue in issues:
        if issue.sheet is not None and issue.sheet in book.sheetnames and issue.cell:
            key = (issue.sheet, issue.cell)
            if key not in worst or SEVERITY_RANK[issue.severity] < SEVERITY_RANK[worst[key]]:
                worst[key] = issue.severity
    for (name, address), severity in worst.items():
        book[name][address].fill = FILLS[severity]
    for other in book.worksheets:
        other.sheet_view.tabSelected = False  # else Excel opens with the sheets grouped
    sheet.sheet_view.tabSelected = True
    book.active = 0
    return sheet
