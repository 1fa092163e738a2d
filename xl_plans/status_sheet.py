"""The Status sheet: a plan's status for scrutiny, written from a PlanStatus.

KPI table with RAG fills, direction arrows and the reason for each rating; the risk heat map
coloured by band with counts per cell; counts of priorities and milestones by state, the items
needing attention and the projects; contracts needing action. Every row links to the cells it
was computed from. Text goes in through cellwrite.put, so nothing copied from a plan can become
a formula.

By default the sheet goes into a new workbook next to the plan ("<plan> - Status Q1.xlsx"),
never over an existing file. `--in-place` adds it to the plan itself through inplace.py, which
refuses when anything would be lost.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from copy import copy
from pathlib import Path
from typing import Any
from urllib.parse import quote

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from xl_plans import __version__, schema
from xl_plans.cellwrite import put
from xl_plans.inplace import InPlaceResult, write_in_place
from xl_plans.kpi import Direction, KpiStatus, format_value
from xl_plans.model import Band, Rag, Unit
from xl_plans.progress import ContractState, ContractStatus, ItemStatus, Timing
from xl_plans.risk import ScoredRisk
from xl_plans.saving import Fingerprint, SaveError, atomic_save
from xl_plans.status import PlanStatus

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
NUMBER_FORMATS = {Unit.PERCENT: "0.0%", Unit.MONEY: '"£"#,##0.00', Unit.NUMBER: "#,##0.##"}

LINE_HEIGHT = 15  # points per line of 11-point text
MAX_LINES = 12
WIDTHS = {"A": 10, "B": 46, "C": 13, "D": 13, "E": 13, "F": 13, "G": 13, "H": 14, "I": 70,
          "J": 40}
_WIDTHS = {column_index_from_string(letter): width for letter, width in WIDTHS.items()}

KPI_HEADERS = ("Ref", "Indicator", "Actual", "Expected", "RAG", "vs last quarter",
               "vs last year", "Year-end forecast", "Reason", "Cells")
RISK_HEADERS = ("Ref", "Risk", "Owner", "Likelihood", "Impact", "Score", "Band",
                "Flags", "Reason", "Cells")
ITEM_HEADERS = ("Ref", "Outcome or milestone", "Kind", "Due", "RAG", "Status", "Timing",
                "% complete", "Reason", "Priority or project")
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
    book.properties.title = f"Status: {status.service or ''} {status.quarter.value}".strip()
    return book


def add_status_sheet(book: Workbook, status: PlanStatus) -> Worksheet:
    """Add (or replace) the Status sheet in an open plan workbook; links stay in the book."""
    index = None
    if schema.STATUS_SHEET in book.sheetnames:
        old = book[schema.STATUS_SHEET]
        index = book.sheetnames.index(schema.STATUS_SHEET)
        book.remove(old)
    sheet = book.create_sheet(schema.STATUS_SHEET, index)
    fill_status_sheet(sheet, status, None)
    return sheet


def write_status_file(status: PlanStatus, plan_path: Path, output: Path | None = None) -> Path:
    """Write the Status sheet to a new workbook (never over an existing file)."""
    output = output or default_output(plan_path, status)
    if output.resolve() == plan_path.resolve():
        raise SaveError(f"{output.name} is the plan itself: to write into the plan, use "
                        "--in-place.")
    if output.suffix.lower() != ".xlsx":
        raise SaveError(f"{output.name}: the Status workbook must be an .xlsx file.")
    relative = Path(os.path.relpath(plan_path.resolve(), output.resolve().parent)).as_posix()
    link = quote(relative, safe="/")  # a link's target is a URI: "My plan.xlsx" -> My%20plan
    book = status_workbook(status, link)
    return atomic_save(book.save, output)


def write_status_in_place(status: PlanStatus, plan_path: Path, fingerprint: Fingerprint,
                          verify: Callable[[Path], object] | None = None) -> InPlaceResult:
    """Add the Status sheet to the plan itself, only if nothing would be lost."""
    return write_in_place(plan_path, lambda book: add_status_sheet(book, status),
                          fingerprint=fingerprint, verify=verify)


# --------------------------------------------------------------------------- the sheet


class _Writer:
    """Writes rows down the sheet; `row` is the next free row."""

    def __init__(self, sheet: Worksheet, plan_link: str | None) -> None:
        self.sheet = sheet
        self.row = 1
        self.plan_link = plan_link

    def cell(self, col: int, value: Any, number_format: str | None = None) -> Any:
        cell = self.sheet.cell(self.row, col)
        put(cell, value, number_format)
        return cell

    def line(self, text: str, font: Font | None = None) -> None:
        cell = self.cell(1, text)
        if font is not None:
            cell.font = font
        self.row += 1

    def headers(self, headers: tuple[str, ...], start: int = 1) -> None:
        for col, text in enumerate(headers, start=start):
            cell = self.cell(col, text)
            cell.fill, cell.font, cell.border = HEAD_FILL, HEAD_FONT, BOX
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        self._fit_height(headers, start)
        self.row += 1

    def values(self, values: list[Any], formats: dict[int, str] | None = None,
               start: int = 1) -> list[Any]:
        cells = []
        for col, value in enumerate(values, start=start):
            cell = self.sheet.cell(self.row, col)
            cell.style = TABLE_STYLE.name  # one named style: far faster than border + wrap
            put(cell, value, (formats or {}).get(col))
            cells.append(cell)
        self._fit_height(values, start)
        self.row += 1
        return cells

    def _fit_height(self, values: list[Any] | tuple[Any, ...], start: int) -> None:
        """Tall enough for wrapped text: spreadsheets do not size rows they did not edit."""
        lines = 1
        for col, value in enumerate(values, start=start):
            if isinstance(value, str):
                width = WIDTHS.get(get_column_letter(col), 13) - 1
                lines = max(lines, sum(max(1, math.ceil(len(part) / width))
                                       for part in value.split("\n")))
        if lines > 1:
            self.sheet.row_dimensions[self.row].height = LINE_HEIGHT * min(lines, MAX_LINES)

    def link(self, cell: Any, addresses: dict[str, str]) -> None:
        """Show the cells used and link to the first, in this book or in the plan file."""
        if not addresses:
            return
        put(cell, ", ".join(f"{role.replace('_', ' ')} {address}"
                            for role, address in addresses.items()))
        sheet_name, _, where = next(iter(addresses.values())).rpartition("!")
        location = f"'{sheet_name}'!{where}"
        if self.plan_link is None:
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=location)
        else:
            cell.hyperlink = Hyperlink(ref=cell.coordinate, target=self.plan_link,
                                       location=location)
        cell.font = LINK_FONT

    def blank(self, rows: int = 1) -> None:
        self.row += rows


def _paint(cell: Any, colours: tuple[str, str]) -> None:
    fill, font = colours
    cell.fill = PatternFill("solid", fgColor=fill)
    cell.font = Font(bold=True, color=font)


def fill_status_sheet(sheet: Worksheet, status: PlanStatus, plan_link: str | None) -> None:
    book = sheet.parent
    if TABLE_STYLE.name not in book.named_styles:
        book.add_named_style(copy(TABLE_STYLE))
    w = _Writer(sheet, plan_link)
    _title(w, status)
    _kpis(w, status)
    _risks(w, status)
    _priorities(w, status)
    _contracts(w, status)
    for letter, width in WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    sheet.sheet_view.showGridLines = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _title(w: _Writer, status: PlanStatus) -> None:
    year = f" {status.plan_year}" if status.plan_year else ""
    w.line(f"Status: {status.service or 'service plan'}{year}, {status.quarter.value}", TITLE)
    council = f"{status.council}. " if status.council else ""
    source = f" from {Path(status.file).name}" if status.file else ""
    w.line(f"{council}Computed{source} as of {status.as_of:%d %b %Y} under the policy "
           f"'{status.policy.name}' (version {status.policy.version}) by xl_plans "
           f"{__version__}. Do not edit: compute it again instead.", NOTE_FONT)
    w.blank()


def _counts(w: _Writer, title: str, counts: dict[str, int],
            colours: dict[Any, tuple[str, str]], enum: type[Any]) -> None:
    """Two rows: each state's name (coloured) above its count, from column C."""
    w.cell(2, title).font = Font(bold=True)
    w.sheet.cell(w.row, 2).alignment = Alignment(horizontal="right")
    for col, label in enumerate(counts, start=3):
        cell = w.cell(col, label)
        cell.alignment, cell.border = Alignment(horizontal="center", wrap_text=True), BOX
        if enum(label) in colours:
            _paint(cell, colours[enum(label)])
    w.row += 1
    for col, count in enumerate(counts.values(), start=3):
        cell = w.cell(col, count)
        cell.alignment, cell.border = CENTRE, BOX
    w.row += 1


def _kpis(w: _Writer, status: PlanStatus) -> None:
    w.line(f"Key performance indicators ({len(status.kpis)})", SECTION)
    if not status.kpis:
        w.line("No KPIs in the plan.")
        w.blank()
        return
    _counts(w, "KPIs by RAG", {k: v for k, v in status.kpi_counts.items()
                               if v or Rag(k) in (Rag.GREEN, Rag.AMBER, Rag.RED)},
            RAG_COLOURS, Rag)
    w.blank()
    w.headers(KPI_HEADERS)
    for kpi in status.kpis:
        _kpi_row(w, kpi)
    w.line(ARROW_LEGEND, NOTE_FONT)
    w.blank()


def _kpi_row(w: _Writer, kpi: KpiStatus) -> None:
    fmt = NUMBER_FORMATS.get(kpi.unit) if kpi.unit else "General"
    shown = (lambda v: format_value(v, kpi.unit)) if kpi.unit is Unit.YES_NO else (lambda v: v)
    expected = (f"{format_value(kpi.band[0], kpi.unit)} to {format_value(kpi.band[1], kpi.unit)}"
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
    _paint(cells[4], RAG_COLOURS[kpi.rag])
    for cell, trend in ((cells[5], kpi.vs_previous), (cells[6], kpi.vs_last_year)):
        cell.font = Font(bold=True, size=12, color=ARROWS[trend.direction][1])
        cell.alignment = CENTRE
    w.link(cells[9], kpi.cells)


def _risks(w: _Writer, status: PlanStatus) -> None:
    matrix = status.risk_matrix
    w.line(f"Risks ({len(status.risks)}), {matrix.name} matrix", SECTION)
    if not status.risks:
        w.line("No risks in the plan.")
        w.blank()
        return
    w.line(f"Residual scores of open risks. Above appetite: a residual score above "
           f"{matrix.appetite}: {status.risks_above_appetite} risk(s). Reviews overdue: "
           f"{status.risk_reviews_overdue}.")
    _counts(w, "Open risks by band", status.risk_counts, BAND_COLOURS, Band)
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
    title = w.cell(2, "Heat map: open risks in each cell, coloured by band")
    title.font = Font(bold=True)
    w.row += 1
    for likelihood in range(heat.size, 0, -1):
        text = f"Likelihood {likelihood}" if likelihood == heat.size else likelihood
        label = w.cell(2, text)
        label.alignment, label.font = Alignment(horizontal="right"), Font(bold=True)
        for impact in range(1, heat.size + 1):
            count = heat.counts[likelihood - 1][impact - 1]
            cell = w.cell(impact + 2, count or None)
            cell.alignment, cell.border = CENTRE, BOX
            _paint(cell, BAND_COLOURS[heat.bands[likelihood - 1][impact - 1]])
        w.row += 1
    for impact in range(1, heat.size + 1):
        cell = w.cell(impact + 2, impact)
        cell.alignment, cell.font = CENTRE, Font(bold=True)
    impact_label = w.cell(2, "Impact →")
    impact_label.alignment, impact_label.font = Alignment(horizontal="right"), Font(bold=True)
    w.row += 1
    if heat.unscored:
        w.line(f"{heat.unscored} open risk(s) have no residual score and are not on the map.",
               NOTE_FONT)


def _risk_row(w: _Writer, risk: ScoredRisk) -> None:
    residual = risk.residual
    flags = [text for flag, text in ((risk.above_appetite, "Above appetite"),
                                     (risk.review_overdue, "Review overdue"),
                                     (not risk.open, "Closed")) if flag]
    cells = w.values([risk.ref, risk.risk, risk.owner, residual.likelihood, residual.impact,
                      residual.score, residual.band, "; ".join(flags) or None, risk.reason,
                      None])
    if residual.band is not None:
        _paint(cells[6], BAND_COLOURS[residual.band])
    if risk.above_appetite or risk.review_overdue:
        cells[7].font = Font(bold=True, color="9C0006")
    w.link(cells[9], residual.cells)


def _priorities(w: _Writer, status: PlanStatus) -> None:
    quarter = status.quarter.value
    w.line("Priorities and projects", SECTION)
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
           Font(bold=True))
    if attention:
        w.headers(ITEM_HEADERS)
        for item in attention:
            _item_row(w, item)
    else:
        w.line("None.")
    w.blank()
    if status.projects:
        w.line(f"Projects ({len(status.projects)})", Font(bold=True))
        w.headers(PROJECT_HEADERS)
        for project in status.projects:
            cells = w.values([project.ref, project.project, project.milestones,
                              project.complete, project.overdue, project.due_in_quarter,
                              project.next_due, project.rag], {7: "dd/mm/yyyy"})
            if project.rag is not None:
                _paint(cells[7], RAG_COLOURS[project.rag])
        w.blank()


def _needs_attention(item: ItemStatus) -> bool:
    return (item.timing is Timing.OVERDUE or item.due_in_quarter
            or item.rag in (Rag.RED, Rag.AMBER))


def _item_row(w: _Writer, item: ItemStatus) -> None:
    cells = w.values([item.ref, item.item or item.title, item.kind.capitalize(), item.due_text,
                      item.rag, item.status, item.timing.value, item.percent_complete,
                      item.reason, item.title], {8: "0%"})
    if item.rag is not None:
        _paint(cells[4], RAG_COLOURS[item.rag])


def _contracts(w: _Writer, status: PlanStatus) -> None:
    action = [c for c in status.contracts if c.needs_action]
    w.line(f"Contracts needing action ({len(action)} of {len(status.contracts)})", SECTION)
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
                     {4: "dd/mm/yyyy"})
    expired = contract.state is ContractState.EXPIRED
    _paint(cells[4], RAG_COLOURS[Rag.RED if expired else Rag.AMBER])
    w.link(cells[9], contract.cells)
