"""A copy of a plan workbook with a Checks sheet: every issue a row linking to its cell, and
the offending cells highlighted.

The copy is always a new file: openpyxl's load and save loses things (shapes, threaded
comments, slicers, cached formula results; reliability.md), so the officer's own workbook is
only ever read. What openpyxl says it dropped is returned so that the caller can say so. An
.xlsm stays an .xlsm with its macros (keep_vba).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from xl_plans import schema
from xl_plans.cellwrite import put
from xl_plans.errors import WorkbookError
from xl_plans.saving import SaveError, atomic_save
from xl_plans.validation import Issue, Report, Severity, validate
from xl_plans.validation.codes import SEVERITY_RANK

# Fills for the offending cells and the Severity column (Excel's own "Bad", "Neutral" and a
# light blue for a query), so the copy reads like Excel's conditional formatting.
FILLS = {
    Severity.ERROR: PatternFill("solid", fgColor="FFC7CE"),
    Severity.WARNING: PatternFill("solid", fgColor="FFEB9C"),
    Severity.QUERY: PatternFill("solid", fgColor="DDEBF7"),
}
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
WIDTHS = (10, 16, 26, 18, 24, 70, 60)
WRAP = Alignment(wrap_text=True, vertical="top")

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
    add_checks_sheet(book, report.issues)
    atomic_save(lambda temp: book.save(temp), target, overwrite=overwrite)
    dropped = list(dict.fromkeys(str(w.message) for w in caught))
    return ChecksCopy(target, report, dropped)


def add_checks_sheet(book: Workbook, issues: Iterable[Issue]) -> Worksheet:
    """Put a fresh Checks sheet first in `book` (replacing an old one) and highlight cells."""
    if schema.CHECKS_SHEET in book.sheetnames:
        book.remove(book[schema.CHECKS_SHEET])
    sheet = book.create_sheet(schema.CHECKS_SHEET, 0)
    for col, (text, width) in enumerate(zip(schema.CHECKS_HEADERS, WIDTHS, strict=True),
                                        start=1):
        cell = sheet.cell(1, col)
        put(cell, text)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        sheet.column_dimensions[get_column_letter(col)].width = width
    issues = list(issues)
    worst: dict[tuple[str, str], Severity] = {}
    for row, issue in enumerate(issues, start=2):
        _write_issue(book, sheet, row, issue)
        if issue.sheet is not None and issue.sheet in book.sheetnames and issue.cell:
            key = (issue.sheet, issue.cell)
            if key not in worst or SEVERITY_RANK[issue.severity] < SEVERITY_RANK[worst[key]]:
                worst[key] = issue.severity
    if not issues:
        put(sheet.cell(2, 1), "None")
        put(sheet.cell(2, 6), "No problems found.")
    for (name, address), severity in worst.items():
        book[name][address].fill = FILLS[severity]
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(schema.CHECKS_HEADERS))
    sheet.auto_filter.ref = f"A1:{last}{max(2, len(issues) + 1)}"
    for other in book.worksheets:
        other.sheet_view.tabSelected = False  # else Excel opens with the sheets grouped
    sheet.sheet_view.tabSelected = True
    book.active = 0
    return sheet


def _write_issue(book: Workbook, sheet: Worksheet, row: int, issue: Issue) -> None:
    values = (issue.severity.value.capitalize(), issue.location or "(the file)", issue.code,
              _HEADERS_BY_FIELD.get(issue.field or "", issue.field), issue.value, issue.message,
              issue.hint)
    for col, value in enumerate(values, start=1):
        cell = sheet.cell(row, col)
        if isinstance(value, str):  # a value as typed may hold control characters (_x0008_),
            value = ILLEGAL_CHARACTERS_RE.sub("", value)  # which no cell may hold
        put(cell, value)
        cell.alignment = WRAP
    sheet.cell(row, 1).fill = FILLS[issue.severity]
    if issue.sheet in book.sheetnames:
        link = sheet.cell(row, 2)
        quoted = "'" + str(issue.sheet).replace("'", "''") + "'"
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quoted}!{issue.cell or 'A1'}",
                                   display=issue.location)
        link.font = Font(color="0563C1", underline="single")
