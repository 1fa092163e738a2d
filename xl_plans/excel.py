"""The Service Plans ribbon and the XLP_ worksheet functions: the only module importing xlwings.

A button click runs `run(button_id)` (macros/XlPlans.bas), which finds the workbook with
`xw.Book.caller()`, calls that button's action and shows its one-line answer in a message box.
Every action is a plain function of an `xw.Book`: it reads the sheets' values, works with the
same library functions as the command line, and writes only the tool's own sheets (Checks,
Status, Guidance, a summary's sheets): an officer's cells are never changed.

Only the portable part of xlwings' Book API is used to write (values, fills, fonts, number
formats, hyperlinks, sheets added, cleared, activated and deleted, column autofit, alerts), so
the same code runs through the classic add-in on Windows and Mac and through xlwings Server's
Office.js client; tests/test_excel_actions.py checks every action it emits against that
client's list. Reading also asks Excel's own engines what the remote one cannot say (a cell's
number format, merged cells, a sheet's protection), and does without where it cannot.
Sheets are drawn from the renderer-neutral layouts of sheet_layout.py.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

import xlwings as xw

from xl_plans import functions, schema
from xl_plans.book_reader import SettingsProblem, read_open_book, summary_settings
from xl_plans.cells import MAX_ROWS, SheetInfo, month_format, month_shown
from xl_plans.cellwrite import fit_text
from xl_plans.checks_sheet import checks_layout, failure_layout
from xl_plans.consolidate import consolidate
from xl_plans.council_summary import summary_book
from xl_plans.errors import WorkbookError
from xl_plans.excel_layouts import (
    guidance_layout,
    settings_layout,
    summary_layouts,
    summary_title,
    template_layouts,
)
from xl_plans.excel_setup import (
    addin_xlwings_version,
    policy_in_force,
    setup_findings,
    setup_report,
)
from xl_plans.policy import Policy, PolicyError
from xl_plans.reader import PlanRead
from xl_plans.ribbon_ids import RibbonAction
from xl_plans.saving import SaveError
from xl_plans.sheet_layout import SheetLayout, final_look, is_number_like, rectangles
from xl_plans.status import plan_status
from xl_plans.status_sheet import status_layout
from xl_plans.validation import Issue, validate
from xl_plans.validation.context import quote
from xl_plans.validation.run import file_issue
from xl_plans.validation.structure import is_plan
from xl_plans.values import normalise_key

TITLE = "Service Plans"  # the message boxes' title, as the ribbon tab
REPORT_HINT = ("Nothing in your own sheets was changed. Please report this to whoever supports "
               "xl_plans, with the workbook.")


class Refusal(Exception):
    """An action that will not run on this workbook; the message says why and what to do."""


class DrawFailed(Exception):
    """Excel would not change one of the tool's sheets (protected, most often): which sheet,
    and what Excel said."""

    def __init__(self, sheet: str, cause: Exception) -> None:
        super().__init__(sheet)
        self.sheet = sheet
        self.said = _excel_said(cause)


UNPROTECT = ("If the sheet or the workbook is protected, unprotect it (Review > Unprotect "
             "Sheet, or Protect Workbook to unprotect its structure)")


def _excel_said(exc: Exception) -> str:
    """What Excel said, in one line: a COM error carries it in its exception info, (code,
    text, (0, 'Microsoft Excel', 'Clear method of Range class failed', ...), None)."""
    args = exc.args
    if len(args) >= 3 and isinstance(args[2], tuple) and len(args[2]) > 2 \
            and isinstance(args[2][2], str) and args[2][2].strip():
        return " ".join(args[2][2].split())
    return _one_line(exc)


def protected(sheet: xw.Sheet) -> bool:
    """Is the sheet's content protected? Asked where Excel answers (Windows' COM, a Mac's
    AppleScript); xlwings' remote engines cannot tell, and there Excel's refusal, if any,
    comes when drawing (DrawFailed)."""
    try:
        api = sheet.api
    except Exception:
        return False
    for answer in (lambda: api.ProtectContents, lambda: api.protect_contents.get()):
        try:
            return answer() is True
        except Exception:
            continue
    return False


@dataclass(frozen=True)
class Reply:
    """What an action tells the officer: one message, and whether it is a problem."""

    text: str
    problem: bool = False


# --------------------------------------------------------------------------- reading


def _visible(sheet: xw.Sheet) -> bool:
    try:
        return sheet.visible in (True, -1)  # -1: Excel's xlSheetVisible through COM
    except KeyError:  # Office.js clients that do not send visibility: all sheets show
        return True


def sheet_values(sheet: xw.Sheet) -> list[list[Any]]:
    """A sheet's values from A1 to its last used cell, errors as Excel's literals."""
    last = sheet.used_range.last_cell
    if last.row > MAX_ROWS:
        raise WorkbookError("too-large", sheet.book.name,
                            f"sheet {sheet.name} has over {MAX_ROWS:,} rows")
    values = sheet.range((1, 1), (last.row, last.column)).options(
        ndim=2, err_to_str=True).value
    if values:
        _show_months(sheet, values)
    return values or []


def _show_months(sheet: xw.Sheet, values: list[list[Any]]) -> None:
    """Dates Excel shows as a month ("Mar-24": what an officer typing March 2024 gets) become
    that month, as the file reader takes them (cells.show_months), so the ribbon and the
    command line give an item one deadline. A column's dates are asked for their format in
    one call, cell by cell only where the column mixes formats. xlwings' remote engines
    (Office.js, xlwings Server) cannot read formats: there dates stay dates (book_reader)."""
    columns: dict[int, list[int]] = {}
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                columns.setdefault(c, []).append(r)
    try:
        for c, rows in columns.items():
            shared = sheet.range((rows[0] + 1, c + 1), (rows[-1] + 1, c + 1)).number_format
            for r in rows:
                code = shared if shared else sheet.range((r + 1, c + 1)).number_format
                if code and month_format(code):
                    values[r][c] = month_shown(values[r][c])
    except NotImplementedError:
        return


def read_book(book: xw.Book) -> PlanRead:
    """The plan in the workbook, read as read_workbook reads a file (book_reader.py)."""
    sheets = {sheet.name: sheet for sheet in book.sheets}
    infos = [SheetInfo(name, _visible(sheet), True) for name, sheet in sheets.items()]
    return read_open_book(local_path(book) or book.name, infos,
                          lambda name: sheet_values(sheets[name]),
                          lambda name, values: merged_areas(sheets[name], values))


# Merges that matter hide a value in the columns a row is keyed by (Ref, Priority, Project...),
# which come first; further right only Validate's merged-cells warning would notice one.
MERGE_COLUMNS = 12


def merged_areas(sheet: xw.Sheet,
                 values: Sequence[Sequence[Any]]) -> list[tuple[int, int, int, int]]:
    """The sheet's merged areas that can hide a value, 0-based (r0, c0, r1, c1), as the file
    reader finds them in a file: a Ref merged down over a priority's outcome rows. One call
    says whether the sheet has any merge; if so, each blank cell under one that is not (in the
    first MERGE_COLUMNS columns) is asked for its merge area: a merge's top-left cell holds
    its value, the cells below or beside it are blank. xlwings' remote engines cannot show
    merges: none there (book_reader)."""
    try:
        if sheet.used_range.merge_cells is False:  # (None: some cells merged; True: all)
            return []
        found: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        covered: set[tuple[int, int]] = set()
        for r in range(1, len(values)):
            row, above = values[r], values[r - 1]
            for c in range(min(len(row), MERGE_COLUMNS)):
                if _blank(row[c]) and (r, c) not in covered and c < len(above) \
                        and not _blank(above[c]):
                    area = sheet.range((r + 1, c + 1)).merge_area
                    last = area.last_cell
                    box = (area.row - 1, area.column - 1, last.row - 1, last.column - 1)
                    if box[:2] != box[2:] and box[:2] not in found:
                        found[box[:2]] = box
                        covered.update((rr, cc) for rr in range(box[0], box[2] + 1)
                                       for cc in range(box[1], box[3] + 1))
        return sorted(found.values())
    except Exception:  # (NotImplementedError on the remote engines; any engine's refusal)
        # Best effort: without the merges, a merged Ref is read at its first row, as before,
        # and Validate says so on each other row; a button never fails for want of them.
        return []


def _blank(value: Any) -> bool:
    return value is None or value == ""


def local_path(book: xw.Book) -> str | None:
    """The workbook's path on this computer; None when it has none: not yet saved, or open
    from OneDrive, SharePoint or Teams with no synced copy xlwings can find. (For those, Excel's
    full name is a web address, and xlwings raises trying to turn it into a local path: the
    buttons failed with an xlwings error. Only Consolidate needs the folder, for a relative
    Folder setting; everything else names the workbook.)"""
    try:
        name = str(book.fullname)
    except Exception:  # xlwings' XlwingsError: "Couldn't find the local OneDrive ... folder"
        return None
    absolute = PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute()
    return name if absolute and "://" not in name else None


def _has_data(sheet: xw.Sheet) -> bool:
    """Does the sheet hold anything of the officer's: a value, or a picture, chart or shape
    (a logo on an otherwise empty sheet)? When the engine cannot say, it may."""
    if any(value is not None for row in sheet_values(sheet) for value in row):
        return True
    try:  # shapes are every drawing in Excel; the remote engines know only pictures
        return bool(len(sheet.shapes) or len(sheet.pictures) or len(sheet.charts))
    except Exception:
        return True


def _find_sheet(book: xw.Book, name: str) -> xw.Sheet | None:
    """A sheet by name, ignoring case as Excel does."""
    return next((s for s in book.sheets if s.name.casefold() == name.casefold()), None)


# --------------------------------------------------------------------------- drawing


def excel_value(value: Any) -> Any:
    """A layout value as written to Excel. Text gets Excel's text prefix (an apostrophe, not
    shown), so Excel stores it as typed: never a formula, number, date or error ("=SUM(A1)",
    "1.10", "March 2024", "#N/A" all stay text), the ribbon's cellwrite.put. Empty text is a
    blank cell: a lone prefix would be a cell holding empty text (not ISBLANK, counted by
    COUNTA), which the command line's file does not have."""
    if value == "":
        return None
    if isinstance(value, str):
        return "'" + fit_text(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


Box = tuple[int, int, int, int]  # first row, first column, last row, last column (1-based)


def _range(sheet: xw.Sheet, box: Box) -> xw.Range:
    first_row, first_col, last_row, last_col = box
    return sheet.range((first_row, first_col), (last_row, last_col))


def draw(sheet: xw.Sheet, layout: SheetLayout) -> None:
    """Draw a layout on an empty (new or cleared) sheet: the values as one block, then
    number formats, fills and fonts, each over the largest ranges that share them, then links.
    Borders, alignment, widths and print settings are not portable: left to files."""
    grid = layout.grid()
    if grid:
        sheet.range((1, 1)).value = [[excel_value(value) for value in row] for row in grid]
    cells = list(layout.cells.values())
    formats = _grouped((cell.number_format, (cell.row, cell.col)) for cell in cells
                       if cell.number_format and is_number_like(cell.value))
    for fmt, boxes in formats.items():
        for box in boxes:
            _range(sheet, box).number_format = fmt
    for r0, c0, r1, c1, fmt in layout.input_formats:
        _range(sheet, (r0, c0, r1, c1)).number_format = fmt
    looks = [(cell, final_look(cell)) for cell in cells]
    for colour, boxes in _grouped((look.fill, (cell.row, cell.col)) for cell, look in looks
                                  if look.fill).items():
        for box in boxes:
            _range(sheet, box).color = f"#{colour}"
    fonts = ((cell, look.font) for cell, look in looks if look.font is not None)
    font_parts = _grouped(((name, value), (cell.row, cell.col)) for cell, font in fonts
                          for name, value in (("bold", font.bold), ("italic", font.italic),
                                              ("size", font.size), ("color", font.colour))
                          if value is not None)
    for (name, value), boxes in font_parts.items():
        for box in boxes:
            setattr(_range(sheet, box).font, name, f"#{value}" if name == "color" else value)
    for cell in cells:
        if cell.link is not None:
            where = f"{layout.link_target or ''}#{cell.link.location}"
            text = fit_text(str(cell.value if cell.value is not None else cell.link.location))
            sheet.range((cell.row, cell.col)).add_hyperlink(
                where, text_to_display=text, screen_tip=f"Go to {cell.link.location}")
    if layout.fit_rows and layout.last_col:
        first, last = layout.fit_rows
        _range(sheet, (first, 1, last, layout.last_col)).columns.autofit()


def _grouped(items: Iterable[tuple[Any, tuple[int, int]]]) -> dict[Any, list[Box]]:
    """key -> the rectangles covering the cells that share it."""
    points: dict[Any, list[tuple[int, int]]] = {}
    for key, point in items:
        points.setdefault(key, []).append(point)
    return {key: list(rectangles(cells)) for key, cells in points.items()}


def written_by_tool(sheet: xw.Sheet) -> bool:
    """Is this one of the sheets xl_plans writes (Status, Checks, Guidance), written by it?
    Known by its top rows (schema.TOOL_SHEET_MARKS), its name matched as Excel does."""
    name = next((name for name in schema.TOOL_SHEET_MARKS
                 if name.casefold() == sheet.name.casefold()), None)
    if name is None:
        return False
    top = sheet.range((1, 1), (schema.TOOL_MARK_ROWS, schema.TOOL_MARK_COLUMNS)).options(
        ndim=2).value
    return schema.written_by_tool(name, top)


def own_sheet(book: xw.Book, name: str, *, first: bool = False) -> xw.Sheet:
    """The tool's sheet `name`, emptied if it exists (it keeps its place), else added first or
    last. A sheet of that name the officer made is refused, never cleared: the ribbon does not
    save, but Undo cannot bring back what a macro cleared."""
    sheet = _find_sheet(book, name)
    if sheet is not None:
        if name in schema.TOOL_SHEET_MARKS and not written_by_tool(sheet):
            raise Refusal(schema.not_ours_message(sheet.name))
        if protected(sheet):
            raise Refusal(f"The '{sheet.name}' sheet is protected, so it cannot be updated: "
                          "unprotect it (Review > Unprotect Sheet) and click again.")
        sheet.clear()
        return sheet
    if first:
        return book.sheets.add(name, before=book.sheets[0])
    return book.sheets.add(name, after=book.sheets[-1])


def _policy() -> Policy:
    try:
        return policy_in_force()[0]
    except PolicyError as exc:
        raise Refusal(f"The scoring policy cannot be used: {exc.message} Click Check setup "
                      "for where it comes from.") from None


def _refuse_summary_book(book: xw.Book, action: str) -> None:
    if _find_sheet(book, schema.SETTINGS_SHEET) is not None:
        raise Refusal(f"This is a council summary workbook (it has the '{schema.SETTINGS_SHEET}'"
                      f" sheet): {action} works in a service plan.")


# --------------------------------------------------------------------------- the actions


def new_plan(book: xw.Book) -> Reply:
    """Fill an empty workbook with the plan template; refuse if it holds anything of the
    officer's. Sheets xl_plans wrote are not the officer's (a first-time officer clicks Help,
    or Validate, before New plan): the template's Guidance replaces an earlier Guidance sheet
    in its place, and the others go, with the blank Sheet1 a new workbook starts with."""
    existing = list(book.sheets)
    ours = {sheet.name.casefold(): sheet for sheet in existing if written_by_tool(sheet)}
    officers = [sheet for sheet in existing if sheet.name.casefold() not in ours]
    if any(_has_data(sheet) for sheet in officers):
        raise Refusal("New plan fills an empty workbook, and this one already holds data. "
                      "Open a new blank workbook (File > New) and click New plan there.")
    layouts = template_layouts()
    taken = {sheet.name.casefold() for sheet in officers} & {
        layout.name.casefold() for layout in layouts}
    if taken:
        raise Refusal(f"New plan adds the template's sheets, and this workbook already has an "
                      f"(empty) sheet named {', '.join(sorted(taken))}. Open a new blank "
                      "workbook (File > New) and click New plan there.")
    previous = None
    for layout in layouts:
        sheet = ours.pop(layout.name.casefold(), None)  # Guidance, from Help
        if sheet is not None:
            sheet.clear()
        elif previous is None:
            sheet = book.sheets.add(layout.name, before=existing[0])
        else:
            sheet = book.sheets.add(layout.name, after=previous)
        draw(sheet, layout)
        previous = sheet
    for sheet in [*officers, *ours.values()]:  # all blank, or the tool's
        sheet.delete()
    book.sheets[schema.PLAN_SHEET].activate()
    return Reply(f"New plan: {', '.join(layout.name for layout in layouts)}. Fill in the Plan "
                 "sheet first, then save the workbook; the Guidance sheet explains each sheet.")


def validate_plan(book: xw.Book) -> Reply:
    """List every problem on the Checks sheet (first), each linking to its cell."""
    _refuse_summary_book(book, "Validate")
    policy = _policy()
    try:
        read = read_book(book)
        report = validate(read, policy=policy)
    except WorkbookError as exc:  # the workbook cannot be read as a plan (too large, ...)
        _show(book, checks_layout([for_the_ribbon(file_issue(exc))], []), first=True)
        return Reply(f"Validate: {exc.problem} {ribbon_route(exc.hint)}", problem=True)
    except Exception as exc:  # a fault of ours: say so on the Checks sheet, not a stale list
        _show(book, failure_layout(f"xl_plans could not check this workbook "
                                   f"({_one_line(exc)}).", REPORT_HINT), first=True)
        raise
    names = [sheet.name for sheet in book.sheets]
    issues = [for_the_ribbon(issue) for issue in report.issues]
    _show(book, checks_layout(issues, [*names, schema.CHECKS_SHEET]), first=True)
    if not issues:
        return Reply("Validate: no problems found.")
    # checks_layout links an issue to its cell when it is on one of the workbook's sheets
    linked = any(issue.sheet in names for issue in issues)
    return Reply(f"Validate: {report.summary()}. Each is listed on the Checks sheet"
                 f"{' with a link to its cell' if linked else ''}.", problem=not report.valid)


# Advice written for the command line (validation/codes.py, structure.py, errors.py) that an
# officer using only the ribbon cannot follow, and what they do instead.
RIBBON_ROUTES = {"(xl-plans new)": "(in a blank workbook, click New plan)"}


def ribbon_route(text: str) -> str:
    for command, click in RIBBON_ROUTES.items():
        text = text.replace(command, click)
    return text


def for_the_ribbon(issue: Issue) -> Issue:
    """The issue as the ribbon's Checks sheet shows it: its advice the ribbon's way."""
    return issue.model_copy(update={"message": ribbon_route(issue.message),
                                    "hint": ribbon_route(issue.hint) if issue.hint else issue.hint})


def update_status(book: xw.Book, today: dt.date | None = None) -> Reply:
    """Score the plan for its Reporting Quarter and refresh the Status sheet (last)."""
    _refuse_summary_book(book, "Update status")
    policy = _policy()
    read = read_book(book)
    quarter = read.plan.details.reporting_quarter
    if quarter is None:
        raise Refusal(_no_quarter(read))
    status = plan_status(read.plan, quarter, policy, today or dt.date.today())
    _show(book, status_layout(status))
    counts = ", ".join(f"{n} {rag}" for rag, n in status.kpi_counts.items() if n) or "none"
    overdue = status.priority_counts["Overdue"] + status.milestone_counts["Overdue"]
    return Reply(f"Status {status.quarter.value} updated: KPIs {counts}; "
                 f"{status.risks_above_appetite} risk(s) above appetite; {overdue} item(s) "
                 f"overdue; {status.contracts_needing_action} contract(s) need action.")


def _no_quarter(read: PlanRead) -> str:
    """Why there is no quarter to score, naming the cell and what it holds as Validate does
    (not-a-plan, choice-unknown), and what to type there."""
    if not is_plan(read):
        names = ", ".join(info.name for info in read.sheets  # not the tool's own Checks
                          if info.name not in schema.OUTPUT_SHEETS) or "no sheet of its own"
        return (f"This workbook has none of a service plan's sheets (it has {names}). Open "
                "your plan and click Update status there; to start a plan, click New plan in "
                "a blank workbook.")
    source = read.plan.details.source
    if read.plan_sheet is None or source is None:
        return (f"This workbook has no {schema.PLAN_SHEET} sheet, which gives the Reporting "
                "Quarter: copy the Plan sheet from a new plan (click New plan in a blank "
                "workbook), fill it in and click Update status again.")
    cell = source.cells.get("reporting_quarter")
    if cell is None:
        return (f"The {read.plan_sheet} sheet has no Reporting Quarter row: add one (Reporting "
                "Quarter in column A, the quarter beside it: Q1, Q2, Q3 or Q4) and click Update "
                "status again.")
    raw = source.raw.get("reporting_quarter")
    where = f"The Reporting Quarter in {source.sheet}!{cell}"
    if raw is None:
        return (f"{where} is blank: type the latest quarter with actuals filled in (Q1, Q2, Q3 "
                "or Q4) there and click Update status again.")
    # "Q2 2024" (a calendar year) or "Q2 of the year" names one quarter: suggest it
    named = {match.upper() for match in re.findall(r"\bQ[1-4]\b", str(raw), re.IGNORECASE)}
    what = f"only {named.pop()}" if len(named) == 1 else "Q1, Q2, Q3 or Q4"
    return (f"{where} is {quote(raw)}, which is not read as a quarter: type {what} there and "
            "click Update status again.")


def consolidate_plans(book: xw.Book, today: dt.date | None = None) -> Reply:
    """In a council summary workbook: consolidate the plans in the folder on its settings
    sheet and write the summary sheets (replacing only sheets xl_plans wrote)."""
    settings_sheet = _find_sheet(book, schema.SETTINGS_SHEET)
    if settings_sheet is None:
        return _start_summary_book(book)
    try:
        settings = summary_settings(sheet_values(settings_sheet), local_path(book))
    except SettingsProblem as exc:
        raise Refusal(str(exc)) from None
    policy = _policy()
    folder = settings.folder
    result = consolidate([folder], settings.quarter, year=settings.year, policy=policy,
                         today=today, services=settings.services,
                         workers=1)  # no worker processes inside Excel
    try:
        if not result.results:
            raise Refusal(f"No plan files (.xlsx, .xlsm) were found in {folder}.")
        summary = summary_book(result)
        for table in summary.tables:
            _check_ours(book, table.sheet, summary_title(summary, table))
        layouts = summary_layouts(summary)
    finally:
        result.close()
    # Every sheet is checked before any is changed: a summary half one quarter and half
    # another is worse than none.
    for layout in layouts:
        sheet = _find_sheet(book, layout.name)
        if sheet is not None and protected(sheet):
            raise Refusal(f"The '{sheet.name}' sheet is protected, so the summary cannot be "
                          "updated: unprotect it (Review > Unprotect Sheet) and click "
                          "Consolidate again. Nothing was changed.")
    drawn: list[str] = []
    try:
        for layout in layouts:
            _show(book, layout, activate=False)
            drawn.append(layout.name)
    except DrawFailed as failed:
        before = (f"The sheets before it ({', '.join(drawn)}) now show {result.quarter.value}; "
                  "the others still show what they showed before." if drawn else
                  "Nothing was changed.")
        raise Refusal(f"Consolidate stopped at the '{failed.sheet}' sheet: Excel would not "
                      f"change it ({failed.said}). {UNPROTECT}, and click Consolidate again. "
                      f"{before}") from None
    book.sheets[layouts[0].name].activate()
    used = len(result.used)
    text = (f"Consolidated {used} plan{'s' if used != 1 else ''} for {result.quarter.value}"
            f"{' ' + result.year if result.year else ''} from {folder}.")
    if not result.complete:
        text += (f" {len(result.problems)} file(s) not used cleanly and "
                 f"{len(result.missing_services)} service(s) missing: see Data Quality.")
    return Reply(text, problem=not result.complete)


def _start_summary_book(book: xw.Book) -> Reply:
    plan_like = {normalise_key(name) for name in (
        schema.PLAN_SHEET, *schema.PLAN_SYNONYMS,
        *(name for spec in schema.SHEETS for name in (spec.name, *spec.synonyms)))}
    if any(normalise_key(sheet.name) in plan_like for sheet in book.sheets):
        raise Refusal("This workbook looks like a service plan. Consolidate works in a council "
                      "summary workbook: open a new blank workbook and click Consolidate there.")
    sheet = book.sheets.add(schema.SETTINGS_SHEET, before=book.sheets[0])
    draw(sheet, settings_layout())
    sheet.activate()
    return Reply(f"This is now a council summary workbook: fill in the Folder and Quarter on the "
                 f"'{schema.SETTINGS_SHEET}' sheet, then click Consolidate again.")


def _check_ours(book: xw.Book, name: str, title: str) -> None:
    """Refuse to replace a sheet xl_plans did not write (its first cell says who did)."""
    sheet = _find_sheet(book, name)
    if sheet is None:
        return
    first = sheet.range((1, 1)).value
    if first != title:
        raise Refusal(f"The sheet '{sheet.name}' was not written by xl_plans, and Consolidate "
                      "would replace it: rename it or move it to another workbook, then click "
                      "Consolidate again.")


def check_setup(book: xw.Book) -> Reply:
    """Python, xlwings and xl_plans versions and the policy in force, with advice."""
    findings = setup_findings(xw.__version__, addin_xlwings=addin_xlwings_version())
    return Reply(setup_report(findings), problem=not all(f.ok for f in findings))


def show_help(book: xw.Book) -> Reply:
    """Write (or refresh) the Guidance sheet and go to it."""
    _show(book, guidance_layout())
    return Reply("In a blank workbook, click New plan to start a service plan; the Guidance "
                 "sheet explains how to fill it in. In a plan, Validate lists every problem on "
                 "the Checks sheet, and Update status scores KPIs, risks and deadlines on the "
                 "Status sheet. In another blank workbook, Consolidate combines the plans in a "
                 "folder into a council summary. Check setup shows what Excel is running.")


def _show(book: xw.Book, layout: SheetLayout, *, first: bool = False,
          activate: bool = True) -> None:
    try:
        sheet = own_sheet(book, layout.name, first=first)
        draw(sheet, layout)
    except Refusal:
        raise
    except Exception as exc:  # Excel refused a change: a protected sheet or workbook
        raise DrawFailed(layout.name, exc) from exc
    if activate:
        sheet.activate()


ACTIONS: dict[RibbonAction, Callable[[xw.Book], Reply]] = {
    RibbonAction.NEW_PLAN: new_plan,
    RibbonAction.VALIDATE: validate_plan,
    RibbonAction.UPDATE_STATUS: update_status,
    RibbonAction.CONSOLIDATE: consolidate_plans,
    RibbonAction.CHECK_SETUP: check_setup,
    RibbonAction.HELP: show_help,
}


# --------------------------------------------------------------------------- the dispatcher


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text[:300]}"


def perform(action_id: str, book: xw.Book) -> Reply:
    """Run one button's action; every failure becomes a plain Reply, never a traceback."""
    try:
        action = RibbonAction(action_id)
    except ValueError:
        return Reply(f"'{action_id}' is not a Service Plans button: the add-in and xl_plans "
                     "installed do not match. Install both again (see the install guide).", True)
    label = action.value.replace("_", " ").capitalize()
    try:
        return ACTIONS[action](book)
    except Refusal as exc:  # "New plan fills ..." names its button already
        text = str(exc)
        return Reply(text if text.startswith(label) else f"{label}: {text}", problem=True)
    except DrawFailed as failed:
        return Reply(f"{label} could not write the '{failed.sheet}' sheet: Excel would not "
                     f"change it ({failed.said}). {UNPROTECT}, and click {label} again. Until "
                     "then that sheet may show an earlier result, or part of this one.", True)
    except WorkbookError as exc:
        return Reply(f"{label}: {exc.problem} {ribbon_route(exc.hint)}", problem=True)
    except (PolicyError, SaveError) as exc:
        return Reply(f"{label}: {exc}", problem=True)
    except Exception as exc:  # a fault of ours: a plain message, never a traceback
        return Reply(f"{label} could not finish ({_one_line(exc)}). {REPORT_HINT}", True)


def run(action_id: str, book: xw.Book | None = None) -> None:
    """What a ribbon button calls (macros/XlPlans.bas): act on the calling workbook and show
    the answer in a message box."""
    try:
        book = book if book is not None else xw.Book.caller()
    except Exception as exc:
        # No workbook to show a message in: xlwings shows what Python prints on stderr.
        raise SystemExit(f"{TITLE}: Python could not reach the workbook ({_one_line(exc)}). "
                         "Click Check setup, or see the install guide.") from None
    reply = perform(action_id, book)
    try:
        book.app.alert(reply.text, title=TITLE, mode="critical" if reply.problem else "info")
    except Exception:
        raise SystemExit(f"{TITLE}: {reply.text}") from None


# --------------------------------------------------------------------------- worksheet functions
# =XLP_RAG(...) and friends: the scoring rules (functions.py) as Excel functions, with the
# policy in force. The arguments carry no type hints on purpose: xlwings would take a hint as a
# converter for the cell's value. A value that cannot be used gives its reason as the result.


def _udf(rule: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    try:
        return rule(*args, **kwargs)
    except ValueError as exc:
        return f"Cannot compute: {exc}"


def _udf_policy(rule: Callable[..., Any], *args: Any) -> Any:
    try:
        policy = policy_in_force()[0]
    except PolicyError as exc:
        return f"Cannot compute: {exc.message}"
    return _udf(rule, *args, policy=policy)


@xw.func
def XLP_RAG(actual, expected, polarity=None, tolerance=None, unit=None):
    """KPI RAG: Green, Amber, Red, No data or No target, by the council's tolerance."""
    return _udf_policy(functions.kpi_rag, actual, expected, polarity, tolerance, unit)


@xw.func
def XLP_EXPECTED(annual_target, quarter, measure="Cumulative", quarter_target=None, unit=None):
    """The value a KPI should have reached by the end of a quarter (a % KPI's as a fraction)."""
    return _udf_policy(functions.kpi_expected, annual_target, quarter, measure, quarter_target,
                       unit)


@xw.func
def XLP_DIRECTION(current, earlier, polarity=None, unit=None, target=None):
    """Improving, Worsening, No change or Not available, read through the polarity; a % KPI's
    figures on one scale (unit "%" or a % target); a Target band needs its target."""
    return _udf_policy(functions.kpi_direction, current, earlier, polarity, unit, target)


@xw.func
def XLP_RISK_SCORE(likelihood, impact):
    """Likelihood x impact."""
    return _udf(functions.risk_score, likelihood, impact)


@xw.func
def XLP_RISK_BAND(score, matrix=None):
    """The band of a risk score on the 4x4 or 5x5 matrix (blank: the policy's default)."""
    return _udf_policy(functions.risk_band, score, matrix)


@xw.func
def XLP_RISK_CELL_BAND(likelihood, impact, matrix=None):
    """The band of a likelihood x impact cell of the matrix."""
    return _udf_policy(functions.risk_cell_band, likelihood, impact, matrix)


@xw.func
def XLP_PROGRESS_EXPECTED(start, due, today):
    """Linear expected progress (0 to 1) from start (a plan year such as 2023/24 from its first
    day) to due on a day."""
    return _udf_policy(functions.expected_progress, start, due, today)


@xw.func
def XLP_PROGRESS_RAG(percent_complete, expected, status=None):
    """RAG of a priority from its status and % complete against expected ("Cancelled": not
    rated)."""
    return _udf_policy(functions.progress_rag, percent_complete, expected, status)


@xw.func
def XLP_CONTRACT_EXPIRY(end_date, today):
    """Expired, Expires within N months, Active, Ongoing or No end date."""
    return _udf_policy(functions.contract_expiry, end_date, today)
