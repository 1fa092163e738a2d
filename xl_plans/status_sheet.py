"""The Status sheet: a plan's status for scrutiny, written from a PlanStatus.

KPI table with RAG fills, direction arrows and the reason for each rating; the risk heat map
coloured by band with counts per cell; counts of priorities and milestones by state, the items
needing attention and the projects; contracts needing action. Every row links to the cells it
was computed from. The sheet is built as a layout (sheet_layout.py) that openpyxl draws into a
file here and xlwings draws into an open workbook (xl_plans.excel); text goes in through
cellwrite.put (or Excel's text prefix), so nothing copied from a plan can become a formula.

By default the sheet goes into a new workbook next to the plan ("<plan> - Status Q1.xlsx"),
never over an existing file. `--in-place` adds it to the plan itself through inplace.py, which
refuses when anything would be lost.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from openpyxl import Workbook
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.worksheet import Worksheet

from xl_plans import __version__, schema
from xl_plans.cellwrite import DATE_FORMAT, LINE_HEIGHT
from xl_plans.inplace import InPlaceResult, tool_sheet, write_in_place
from xl_plans.kpi import Direction, KpiStatus, format_edge, format_value
from xl_plans.model import Rag, Unit
from xl_plans.progress import ContractState, ContractStatus, ItemStatus, Timing
from xl_plans.risk import ScoredRisk
from xl_plans.saving import Fingerprint, SaveError, atomic_save
from xl_plans.sheet_layout import (
    BAND_COLOURS,
    RAG_COLOURS,
    Cell,
    Link,
    SheetLayout,
    band_style,
    draw_openpyxl,
    rag_style,
)
from xl_plans.sheet_xml import text_lines
from xl_plans.status import PlanStatus
from xl_plans.template import document_title

__all__ = ["BAND_COLOURS", "RAG_COLOURS", "add_status_sheet", "default_output",
           "fill_status_sheet", "status_layout", "status_workbook", "write_status_file",
           "write_status_in_place"]

ARROWS: dict[Direction, tuple[str, str]] = {  # text, style (sheet_layout.STYLES)
    Direction.IMPROVING: ("↑", "arrow_better"),
    Direction.WORSENING: ("↓", "arrow_worse"),
    Direction.NO_CHANGE: ("→", "arrow_same"),
    Direction.NOT_AVAILABLE: ("", "arrow_same"),
}
ARROW_LEGEND = (
    "Arrows: ↑ better than, ↓ worse than, → the same as the earlier figure, read through the "
    "polarity (a fall is better when lower is better); blank when there is nothing to compare. "
    "Against last quarter, a cumulative measure compares its share of the value expected to "
    "date."
)
# (A plain number is General: Excel shows 40 in "#,##0.##" as "40." with a stray point.)
NUMBER_FORMATS = {Unit.PERCENT: "0.0%", Unit.MONEY: '"£"#,##0.00', Unit.NUMBER: "General"}

MAX_HEIGHT = 409  # points: the tallest row Excel allows (a long outcome is shown whole)
# Printed through the Reason (I): the Cells links (J) are for the screen. Narrow enough that
# the printed columns print at about 8 point in Calibri on A4 (6 in LibreOffice's wider
# fallback font): long text wraps, and its rows grow.
WIDTHS = {"A": 10, "B": 40, "C": 13, "D": 13, "E": 13, "F": 13, "G": 13, "H": 14, "I": 58,
          "J": 40}
PRINTED_COLUMNS = 9
_WIDTHS = {column_index_from_string(letter): width for letter, width in WIDTHS.items()}

KPI_HEADERS = ("Ref", "Indicator", "Actual", "Expected", "RAG", "vs last quarter",
               "vs last year", "Year-end forecast", "Reason", "Cells")
RISK_HEADERS = ("Ref", "Risk", "Owner", "Likelihood", "Impact", "Score", "Band",
                "Flags", "Reason", "Cells")
# (The item with its priority or project, in one cell: the last column, J, is the screen's
# links to cells in every table, and is not printed.)
ITEM_HEADERS = ("Ref", "Priority or project: outcome or milestone", "Kind", "Due", "RAG",
                "Status", "Timing", "% complete", "Reason", "Cells")
PROJECT_HEADERS = ("Ref", "Project", "Milestones", "Complete", "Overdue", "Due in quarter",
                   "Next due", "RAG")
CONTRACT_HEADERS = ("Ref", "Contract", "Supplier", "Ends", "State", "Review date",
                    "Extension", "Within (months)", "Reason", "Cells")


def default_output(plan_path: Path, status: PlanStatus) -> Path:
    """"<plan> - Status Q1.xlsx" beside the plan."""
    return plan_path.with_name(f"{plan_path.stem} - Status {status.quarter.value}.xlsx")


def status_workbook(status: PlanStatus, plan_link: str | None = None) -> Workbook:
    """A new workbook holding only the Status sheet. `plan_link` is the plan's path relative
    to where the workbook will be saved, for links to the plan's cells."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = schema.STATUS_SHEET
    fill_status_sheet(sheet, status, plan_link)
    book.properties.title = document_title(
        f"Status: {status.service or ''} {status.quarter.value}")
    return book


def add_status_sheet(book: Workbook, status: PlanStatus) -> Worksheet:
    """Add (or replace) the Status sheet in an open plan workbook; links stay in the book."""
    index = None
    old = tool_sheet(book, schema.STATUS_SHEET)
    if old is not None:
        index = book.sheetnames.index(old.title)
        book.remove(old)
    sheet = book.create_sheet(schema.STATUS_SHEET, index)
    fill_status_sheet(sheet, status, None)
    return sheet


def write_status_file(status: PlanStatus, plan_path: Path, output: Path | None = None) -> Path:
    """Write the Status sheet to a new workbook (never over an existing file)."""
    output = output or default_output(plan_path, status)
    if _is_folder(output):  # "-o /", "-o ." ("-o ''" arrives as ".")
        raise SaveError(f"{output} is a folder: name the Status workbook to write, such as "
                        f"{output / default_output(plan_path, status).name}.")
    if output.resolve() == plan_path.resolve():
        raise SaveError(f"{output.name} is the plan itself: to write into the plan, use "
                        "--in-place.")
    if output.suffix.lower() != ".xlsx":
        raise SaveError(f"{output}: the Status workbook must be an .xlsx file.")
    book = status_workbook(status, _link_to(plan_path, output))
    return atomic_save(book.save, output)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir() or not path.name  # ("/" and "." have no name)
    except (OSError, ValueError):  # out of reach: the save says why
        return False


def _link_to(plan_path: Path, output: Path) -> str:
    """The plan as a link target from the Status workbook: a relative URI ("My plan.xlsx" ->
    My%20plan.xlsx), so the two can be moved together; where no relative path exists (on
    Windows, another drive or a network share) the plan's absolute file: URI."""
    plan = plan_path.resolve()
    try:
        relative = os.path.relpath(plan, output.resolve().parent)
    except ValueError:  # Windows: C:\ and \\server\share have no path between them
        return plan.as_uri()
    return quote(Path(relative).as_posix(), safe="/")


def write_status_in_place(status: PlanStatus, plan_path: Path, fingerprint: Fingerprint,
                          verify: Callable[[Path], object] | None = None) -> InPlaceResult:
    """Add the Status sheet to the plan itself, only if nothing would be lost."""
    return write_in_place(plan_path, lambda book: add_status_sheet(book, status),
                          fingerprint=fingerprint, verify=verify)


# --------------------------------------------------------------------------- the sheet


class _Writer:
    """Lays rows down the sheet; `row` is the next free row."""

    def __init__(self, layout: SheetLayout) -> None:
        self.layout = layout
        self.row = 1

    def cell(self, col: int, value: Any, *styles: str, number_format: str | None = None) -> Cell:
        return self.layout.put(self.row, col, value, *styles, number_format=number_format)

    def line(self, text: str, *styles: str) -> None:
        self.cell(1, text, *styles)
        self.row += 1

    def headers(self, headers: tuple[str, ...], start: int = 1) -> None:
        for col, text in enumerate(headers, start=start):
            self.cell(col, text, "heading", "box", "wrap_middle")
        self._fit_height(headers, start)
        self.row += 1

    def values(self, values: list[Any], formats: dict[int, str] | None = None,
               start: int = 1) -> list[Cell]:
        cells = [self.cell(col, value, "table", number_format=(formats or {}).get(col))
                 for col, value in enumerate(values, start=start)]
        self._fit_height(values, start)
        self.row += 1
        return cells

    def _fit_height(self, values: list[Any] | tuple[Any, ...], start: int,
                    row: int | None = None) -> None:
        """Tall enough for wrapped text: spreadsheets do not size rows they did not edit."""
        row = self.row if row is None else row
        lines = 1
        for col, value in enumerate(values, start=start):
            if isinstance(value, str):
                lines = max(lines, text_lines(value, _WIDTHS.get(col, 13)))
        height = min(LINE_HEIGHT * lines, MAX_HEIGHT)
        if lines > 1 and height > self.layout.heights.get(row, 0):
            self.layout.heights[row] = height

    def link(self, cell: Cell, addresses: dict[str, str]) -> None:
        """Show the cells used and link to the first, in this book or in the plan file."""
        if not addresses:
            return
        cell.value = ", ".join(f"{role.replace('_', ' ')} {address}"
                               for role, address in addresses.items())
        self._fit_height([cell.value], cell.col, row=cell.row)  # written after the row
        sheet_name, _, where = next(iter(addresses.values())).rpartition("!")
        cell.link = Link.to(sheet_name, where)
        cell.wear("link")

    def blank(self, rows: int = 1) -> None:
        self.row += rows

    def new_page(self) -> None:
        """Print what follows from the top of a page: a table starts with its header."""
        if self.row > 1:
            self.layout.page_breaks.append(self.row)


def status_layout(status: PlanStatus, plan_link: str | None = None) -> SheetLayout:
    """The Status sheet of `status`; links go to `plan_link` (the plan's file, relative to
    where the sheet is saved) or, when None, to sheets of the same workbook."""
    # Printed: the title rows on every page; each section with a table from a new page, so
    # that it starts with its header (a sheet repeats one set of rows, not one per table).
    layout = SheetLayout(schema.STATUS_SHEET, widths=dict(_WIDTHS), gridlines=False,
                         print_landscape_fit=True, link_target=plan_link,
                         print_titles="1:2", print_columns=PRINTED_COLUMNS,
                         unprinted_note="Cells: in the workbook, not printed")
    w = _Writer(layout)
    _title(w, status)
    _kpis(w, status)
    _risks(w, status)
    _priorities(w, status)
    _contracts(w, status)
    return layout


def fill_status_sheet(sheet: Worksheet, status: PlanStatus, plan_link: str | None) -> None:
    draw_openpyxl(sheet, status_layout(status, plan_link))


def _title(w: _Writer, status: PlanStatus) -> None:
    year = f" {status.plan_year}" if status.plan_year else ""
    w.line(f"Status: {status.service or 'service plan'}{year}, {status.quarter.value}", "title")
    council = f"{status.council}. " if status.council else ""
    source = f" from {Path(status.file).name}" if status.file else ""
    w.line(f"{council}Computed{source} as of {status.as_of:%d %b %Y} under the policy "
           f"'{status.policy.name}' (version {status.policy.version}) by xl_plans "
           f"{__version__}. Do not edit: compute it again instead.", "note")
    w.blank()


def _counts(w: _Writer, title: str, counts: dict[str, int], style: Callable[[str], str],
            coloured: set[str]) -> None:
    """Two rows: each state's name (coloured) above its count, from column C."""
    w.cell(2, title, "bold", "right")
    for col, label in enumerate(counts, start=3):
        cell = w.cell(col, label, "centre_wrap", "box")
        if label in coloured:
            cell.wear(style(label))
    w.row += 1
    for col, count in enumerate(counts.values(), start=3):
        w.cell(col, count, "centre", "box")
    w.row += 1


def _kpis(w: _Writer, status: PlanStatus) -> None:
    w.line(f"Key performance indicators ({len(status.kpis)})", "section")
    if not status.kpis:
        w.line("No KPIs in the plan.")
        w.blank()
        return
    _counts(w, "KPIs by RAG", {k: v for k, v in status.kpi_counts.items()
                               if v or Rag(k) in (Rag.GREEN, Rag.AMBER, Rag.RED)},
            rag_style, {rag.value for rag in RAG_COLOURS})
    w.blank()
    w.headers(KPI_HEADERS)
    for kpi in status.kpis:
        _kpi_row(w, kpi)
    w.line(ARROW_LEGEND, "note")
    w.blank()


def _kpi_row(w: _Writer, kpi: KpiStatus) -> None:
    fmt = NUMBER_FORMATS.get(kpi.unit) if kpi.unit else "General"
    shown = (lambda v: format_value(v, kpi.unit)) if kpi.unit is Unit.YES_NO else (lambda v: v)
    # A band's ends as the reason shows them: "0.125 to 0.375", not "0.12 to 0.38"
    expected = (f"{format_edge(kpi.band[0], kpi.unit)} to {format_edge(kpi.band[1], kpi.unit)}"
                if kpi.band and kpi.band[0] != kpi.band[1] else
                (shown(kpi.expected) if kpi.expected is not None else None))
    forecast = (f"{format_value(kpi.forecast, kpi.unit)}"
                f"{f' ({kpi.forecast_rag.value})' if kpi.forecast_rag else ''}"
                if kpi.forecast is not None else None)
    cells = w.values(
        [kpi.ref, kpi.indicator, None if kpi.actual is None else shown(kpi.actual), expected,
         kpi.rag, ARROWS[kpi.vs_previous.direction][0], ARROWS[kpi.vs_last_year.direction][0],
         forecast, kpi.reason, None],
        {3: fmt or "General", 4: fmt or "General"})
    cells[4].wear(rag_style(kpi.rag))
    for cell, trend in ((cells[5], kpi.vs_previous), (cells[6], kpi.vs_last_year)):
        cell.wear(ARROWS[trend.direction][1], "centre")
    w.link(cells[9], kpi.cells)


def _risks(w: _Writer, status: PlanStatus) -> None:
    matrix = status.risk_matrix
    if status.risks:
        w.new_page()
    w.line(f"Risks ({len(status.risks)}), {matrix.name} matrix", "section")
    if not status.risks:
        w.line("No risks in the plan.")
        w.blank()
        return
    w.line(f"Residual scores of open risks. Above appetite: a residual score above "
           f"{matrix.appetite}: {status.risks_above_appetite} risk(s). Reviews overdue: "
           f"{status.risk_reviews_overdue}.")
    _counts(w, "Open risks by band", status.risk_counts, band_style,
            {band.value for band in BAND_COLOURS})
    w.blank()
    _heat_map(w, status)
    w.blank()
    w.headers(RISK_HEADERS)
    for risk in status.risks:
        _risk_row(w, risk)
    w.blank()


def _heat_map(w: _Writer, status: PlanStatus) -> None:
    """Likelihood down the side (highest at the top), impact along the bottom."""
    heat = status.heat_map
    w.cell(2, "Heat map: open risks in each cell, coloured by band", "bold")
    w.row += 1
    for likelihood in range(heat.size, 0, -1):
        text = f"Likelihood {likelihood}" if likelihood == heat.size else likelihood
        w.cell(2, text, "right", "bold")
        for impact in range(1, heat.size + 1):
            count = heat.counts[likelihood - 1][impact - 1]
            band = heat.bands[likelihood - 1][impact - 1]
            w.cell(impact + 2, count or None, "centre", "box", band_style(band))
        w.row += 1
    for impact in range(1, heat.size + 1):
        w.cell(impact + 2, impact, "centre", "bold")
    w.cell(2, "Impact →", "right", "bold")
    w.row += 1
    if heat.unscored:
        w.line(f"{heat.unscored} open risk(s) have no residual score and are not on the map.",
               "note")


def _risk_row(w: _Writer, risk: ScoredRisk) -> None:
    residual = risk.residual
    flags = [text for flag, text in ((risk.above_appetite, "Above appetite"),
                                     (risk.review_overdue, "Review overdue"),
                                     (not risk.open, "Closed")) if flag]
    cells = w.values([risk.ref, risk.risk, risk.owner, residual.likelihood, residual.impact,
                      residual.score, residual.band, "; ".join(flags) or None, risk.reason,
                      None])
    if residual.band is not None:
        cells[6].wear(band_style(residual.band))
    if risk.above_appetite or risk.review_overdue:
        cells[7].wear("flag")
    w.link(cells[9], residual.cells)


def _priorities(w: _Writer, status: PlanStatus) -> None:
    quarter = status.quarter.value
    w.new_page()
    w.line("Priorities and projects", "section")
    w.headers(("State", "Priority outcomes", "Milestones"), start=2)
    for timing in Timing:
        w.values([timing.value, status.priority_counts[timing.value],
                  status.milestone_counts[timing.value]], start=2)
    w.values([f"Due in {quarter} (whatever their state)",
              sum(i.due_in_quarter for i in status.priorities),
              sum(i.due_in_quarter for i in status.milestones)], start=2)
    w.blank()
    attention = [i for i in [*status.priorities, *status.milestones] if _needs_attention(i)]
    w.line(f"Needing attention: overdue, due in {quarter}, Red or Amber ({len(attention)})",
           "bold")
    if attention:
        w.headers(ITEM_HEADERS)
        for item in attention:
            _item_row(w, item)
    else:
        w.line("None.")
    w.blank()
    if status.projects:
        w.line(f"Projects ({len(status.projects)})", "bold")
        w.headers(PROJECT_HEADERS)
        for project in status.projects:
            cells = w.values([project.ref, project.project, project.milestones,
                              project.complete, project.overdue, project.due_in_quarter,
                              project.next_due, project.rag], {7: DATE_FORMAT})
            if project.rag is not None:
                cells[7].wear(rag_style(project.rag))
        w.blank()


def _needs_attention(item: ItemStatus) -> bool:
    return (item.timing is Timing.OVERDUE or item.due_in_quarter
            or item.rag in (Rag.RED, Rag.AMBER))


def _item_row(w: _Writer, item: ItemStatus) -> None:
    named = ": ".join(part for part in (item.title, item.item) if part) or None
    cells = w.values([item.ref, named, item.kind.capitalize(), item.due_text,
                      item.rag, item.status, item.timing.value, item.percent_complete,
                      item.reason, None], {8: "0%"})
    if item.rag is not None:
        cells[4].wear(rag_style(item.rag))
    w.link(cells[9], item.cells)


def _contracts(w: _Writer, status: PlanStatus) -> None:
    action = [c for c in status.contracts if c.needs_action]
    if len(action) > 5:  # a short list follows the projects on their page
        w.new_page()
    w.line(f"Contracts needing action ({len(action)} of {len(status.contracts)})", "section")
    if not action:
        w.line("None: no contract has ended, ends within the horizons or is past its review "
               "date." if status.contracts else "No contracts in the plan.")
        return
    w.headers(CONTRACT_HEADERS)
    for contract in action:
        _contract_row(w, contract)


def _contract_row(w: _Writer, contract: ContractStatus) -> None:
    extension = {True: "Available", False: "None", None: None}[contract.extension_available]
    cells = w.values([contract.ref, contract.contract, contract.supplier, contract.ends,
                      contract.state.value, contract.review_date, extension,
                      contract.expires_within_months, contract.reason, None],
                     {4: DATE_FORMAT})
    expired = contract.state is ContractState.EXPIRED
    cells[4].wear(rag_style(Rag.RED if expired else Rag.AMBER))
    w.link(cells[9], contract.cells)
