"""What a sheet the tool writes looks like, said once and drawn two ways.

A `SheetLayout` is the cells of one result sheet (value, named styles, number format, link),
its column widths, row heights and a few sheet settings: no spreadsheet library in sight. The
Status and Checks sheets (status_sheet.py, checks_sheet.py) build one; `draw_openpyxl` draws it
into a workbook file, and xl_plans.excel draws the same layout into a workbook open in Excel
through xlwings. So a Status sheet made by the command line and one made by the ribbon cannot
drift apart.

Styles are a small closed set of names (`STYLES`). A cell lists the names it wears, applied in
order; each style sets only what it defines, and a later font or fill replaces an earlier one.
Excel through xlwings can show fills, fonts and number formats everywhere (the portable part of
the Book API); borders, alignment, widths, heights and print settings only reach files written
with openpyxl.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from copy import copy
from dataclasses import dataclass, field
from typing import Any

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from xl_plans.cellwrite import A4, SIDE_MARGIN, plain, put
from xl_plans.model import Band, Rag
from xl_plans.summary_book import FILLS as SUMMARY_FILLS

# --------------------------------------------------------------------------- the styles

# Excel's own Good / Neutral / Bad cell styles, so the colours look familiar: (fill, font).
RAG_COLOURS: dict[Rag, tuple[str, str]] = {
    Rag.GREEN: ("C6EFCE", "006100"),
    Rag.AMBER: ("FFEB9C", "9C5700"),
    Rag.RED: ("FFC7CE", "9C0006"),
    Rag.NO_DATA: ("D9D9D9", "404040"),
    Rag.NOT_DUE: ("DDEBF7", "1F4E79"),
    Rag.INFO_ONLY: ("DDEBF7", "1F4E79"),
    Rag.NO_TARGET: ("EDEDED", "404040"),
}
BAND_COLOURS: dict[Band, tuple[str, str]] = {
    Band.LOW: ("C6EFCE", "006100"),
    Band.MEDIUM: ("FFEB9C", "9C5700"),
    Band.HIGH: ("F8CBAD", "843C0C"),
    Band.VERY_HIGH: ("FF7C80", "600000"),
}
# Validation severities (validation.Severity values): Excel's "Bad", "Neutral" and a light blue.
SEVERITY_FILLS: dict[str, str] = {"error": "FFC7CE", "warning": "FFEB9C", "query": "DDEBF7"}
TABLE_STYLE_NAME = "xl_plans table"  # an openpyxl named style: far faster than border + wrap


@dataclass(frozen=True)
class FontLook:
    """Only the attributes given are set (None: not set)."""

    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    colour: str | None = None  # "1F4E79"
    underline: bool | None = None


@dataclass(frozen=True)
class AlignLook:
    horizontal: str | None = None
    vertical: str | None = None
    wrap: bool | None = None


@dataclass(frozen=True)
class Look:
    font: FontLook | None = None
    fill: str | None = None  # a solid fill colour, "C6EFCE"
    box: bool = False  # a thin grey border all round
    align: AlignLook | None = None
    named: bool = False  # the "xl_plans table" named style (box, wrapped at the top)


def _paint(fill: str, font: str) -> Look:
    return Look(font=FontLook(bold=True, colour=font), fill=fill)


STYLES: dict[str, Look] = {
    "title": Look(font=FontLook(bold=True, size=14, colour="1F4E79")),
    "section": Look(font=FontLook(bold=True, size=12, colour="1F4E79")),
    "note": Look(font=FontLook(italic=True, colour="595959")),
    "bold": Look(font=FontLook(bold=True)),
    "heading": Look(font=FontLook(bold=True, colour="FFFFFF"), fill="1F4E79"),
    "box": Look(box=True),
    "wrap_middle": Look(align=AlignLook(vertical="center", wrap=True)),
    "wrap_top": Look(align=AlignLook(vertical="top", wrap=True)),
    "centre": Look(align=AlignLook(horizontal="center", vertical="center")),
    "centre_wrap": Look(align=AlignLook(horizontal="center", wrap=True)),
    "right": Look(align=AlignLook(horizontal="right")),
    "table": Look(named=True),
    "link": Look(font=FontLook(colour="0563C1", underline=True)),
    "flag": Look(font=FontLook(bold=True, colour="9C0006")),
    # Direction-of-travel arrows: better, worse, the same (or nothing to compare).
    "arrow_better": Look(font=FontLook(bold=True, size=12, colour="006100")),
    "arrow_worse": Look(font=FontLook(bold=True, size=12, colour="9C0006")),
    "arrow_same": Look(font=FontLook(bold=True, size=12, colour="595959")),
    **{f"rag:{rag.value}": _paint(*colours) for rag, colours in RAG_COLOURS.items()},
    **{f"band:{band.value}": _paint(*colours) for band, colours in BAND_COLOURS.items()},
    **{f"severity:{name}": Look(fill=colour) for name, colour in SEVERITY_FILLS.items()},
    # The council summary's fills (summary_book.FILLS): background and font colour.
    **{f"summary:{name}": Look(font=FontLook(colour=fg.lstrip("#")), fill=bg.lstrip("#"))
       for name, (bg, fg) in SUMMARY_FILLS.items()},
}


def rag_style(rag: Rag | str) -> str:
    return f"rag:{Rag(rag).value}"


def band_style(band: Band | str) -> str:
    return f"band:{Band(band).value}"


# --------------------------------------------------------------------------- the layout


@dataclass(frozen=True)
class Link:
    """A link to a cell: `location` is "'KPIs'!N7" (in this workbook, or in the layout's
    `link_target` file); `display` is the text Excel shows for it, if set."""

    location: str
    display: str | None = None

    @classmethod
    def to(cls, sheet: str, cell: str, display: str | None = None) -> Link:
        """A link to `cell` on `sheet`; an apostrophe in the sheet's name is doubled, as
        Excel's own references write it ('Bob''s KPIs'!A1)."""
        return cls("'" + sheet.replace("'", "''") + f"'!{cell}", display)


@dataclass
class Cell:
    row: int  # 1-based, as Excel numbers them
    col: int
    value: Any  # a plain cell value: text, number, date, bool or None
    styles: tuple[str, ...] = ()
    number_format: str | None = None  # for numbers and dates; text is always text
    link: Link | None = None

    def wear(self, *styles: str) -> Cell:
        unknown = [name for name in styles if name not in STYLES]
        if unknown:
            raise KeyError(f"no such style: {unknown}")
        self.styles = (*self.styles, *styles)
        return self


@dataclass
class SheetLayout:
    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)  # column (1-based) -> width
    heights: dict[int, float] = field(default_factory=dict)  # row -> height in points
    freeze: str | None = None  # the first unfrozen cell, "A2"
    autofilter: str | None = None  # "A1:G5"
    gridlines: bool = True
    # Print settings (files only: the ribbon leaves printing to Excel). print_landscape_fit:
    # A4 landscape, one page wide, with the sheet's name and "Page n of N" in the footer.
    print_landscape_fit: bool = False
    print_titles: str | None = None  # rows repeated at the top of every printed page, "1:2"
    page_breaks: list[int] = field(default_factory=list)  # rows a new page starts before
    print_header: str | None = None  # a line at the top of every printed page
    # The last column printed (1-based), when the ones after it stay on screen only (links to
    # cells, of no use on paper), and what the footer says of them.
    print_columns: int | None = None
    unprinted_note: str = ""
    link_target: str | None = None  # the file links point into (a relative URI); None: this one
    # Rows (first, last) whose text sizes the columns where widths cannot be set (Excel through
    # xlwings): autofit over those rows only, so a long title line does not widen column A.
    fit_rows: tuple[int, int] | None = None
    # Number formats for cells officers will type into (first row, first col, last row,
    # last col, format): drawn in Excel only; template.py gives files column formats itself.
    input_formats: list[tuple[int, int, int, int, str]] = field(default_factory=list)

    def put(self, row: int, col: int, value: Any, *styles: str,
            number_format: str | None = None, link: Link | None = None) -> Cell:
        """Place a value (a model value is turned into its cell value) with styles."""
        cell = Cell(row, col, plain(value), number_format=number_format, link=link)
        cell.wear(*styles)
        self.cells[(row, col)] = cell
        return cell

    @property
    def last_row(self) -> int:
        return max((row for row, _ in self.cells), default=0)

    @property
    def last_col(self) -> int:
        return max((col for _, col in self.cells), default=0)

    def grid(self) -> list[list[Any]]:
        """Every value from A1 to the last cell, blanks as None: one block to write."""
        rows = [[None] * self.last_col for _ in range(self.last_row)]
        for (row, col), cell in self.cells.items():
            rows[row - 1][col - 1] = cell.value
        return rows


def final_look(cell: Cell) -> Look:
    """The font and fill a cell ends up with: each style laid over the ones before it."""
    font: FontLook | None = None
    fill: str | None = None
    for name in cell.styles:
        look = STYLES[name]
        font = look.font or font
        fill = look.fill or fill
    return Look(font=font, fill=fill)


def is_number_like(value: Any) -> bool:
    """A value a number format applies to (cellwrite.put sets formats on anything not text)."""
    return value is not None and not isinstance(value, str)


def rectangles(points: Iterable[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Cover a set of (row, col) cells with rectangles (first row, first col, last row,
    last col): runs along each row, stacked where consecutive rows have the same run. Fewer,
    larger ranges for Excel to format."""
    runs: dict[tuple[int, int], list[int]] = {}  # (first col, last col) -> rows
    for row, first, last in _row_runs(sorted(set(points))):
        runs.setdefault((first, last), []).append(row)
    found = []
    for (first, last), rows in runs.items():
        start = previous = rows[0]
        for row in rows[1:]:
            if row != previous + 1:
                found.append((start, first, previous, last))
                start = row
            previous = row
        found.append((start, first, previous, last))
    return sorted(found)


def _row_runs(points: list[tuple[int, int]]) -> Iterator[tuple[int, int, int]]:
    run: tuple[int, int, int] | None = None
    for row, col in points:
        if run is not None and run[0] == row and run[2] == col - 1:
            run = (row, run[1], col)
            continue
        if run is not None:
            yield run
        run = (row, col, col)
    if run is not None:
        yield run


# --------------------------------------------------------------------------- openpyxl

_THIN = Side(style="thin", color="BFBFBF")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
# Every font a file gets names its face and size: a font without them is the application's
# choice, and LibreOffice chose a serif one beside the sans of unstyled cells.
FONT_NAME, FONT_SIZE = "Calibri", 11
TABLE_STYLE = NamedStyle(name=TABLE_STYLE_NAME, border=_BOX,
                         font=Font(name=FONT_NAME, size=FONT_SIZE),
                         alignment=Alignment(wrap_text=True, vertical="top"))


def openpyxl_font(look: FontLook) -> Font:
    kwargs: dict[str, Any] = {"name": FONT_NAME, "bold": look.bold, "italic": look.italic,
                              "size": look.size or FONT_SIZE, "color": look.colour,
                              "underline": "single" if look.underline else None}
    return Font(**{k: v for k, v in kwargs.items() if v is not None})


def openpyxl_fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


def _alignment(look: AlignLook) -> Alignment:
    kwargs: dict[str, Any] = {"horizontal": look.horizontal, "vertical": look.vertical,
                              "wrap_text": look.wrap}
    return Alignment(**{k: v for k, v in kwargs.items() if v is not None})


@functools.cache
def _openpyxl_parts(name: str) -> tuple[Font | None, PatternFill | None, Border | None,
                                        Alignment | None]:
    """A style's openpyxl font, fill, border and alignment, made once and shared."""
    look = STYLES[name]
    return (None if look.font is None else openpyxl_font(look.font),
            None if look.fill is None else openpyxl_fill(look.fill),
            _BOX if look.box else None,
            None if look.align is None else _alignment(look.align))


def draw_openpyxl(sheet: Worksheet, layout: SheetLayout) -> None:
    """Draw `layout` into an openpyxl sheet (an empty one: cells are written, not cleared)."""
    book = sheet.parent
    named = any(STYLES[name].named for cell in layout.cells.values() for name in cell.styles)
    if named and TABLE_STYLE_NAME not in book.named_styles:
        book.add_named_style(copy(TABLE_STYLE))
    for cell in layout.cells.values():
        target = sheet.cell(cell.row, cell.col)
        if any(STYLES[name].named for name in cell.styles):
            target.style = TABLE_STYLE_NAME  # first: a named style resets the number format
        put(target, cell.value, cell.number_format)
        for name in cell.styles:
            font, fill, border, alignment = _openpyxl_parts(name)
            if fill is not None:
                target.fill = fill
            if font is not None:
                target.font = font
            if border is not None:
                target.border = border
            if alignment is not None:
                target.alignment = alignment
        if cell.link is not None:
            target.hyperlink = Hyperlink(ref=target.coordinate, location=cell.link.location,
                                         target=layout.link_target, display=cell.link.display)
    for row, height in layout.heights.items():
        sheet.row_dimensions[row].height = height
    for col, width in layout.widths.items():
        sheet.column_dimensions[get_column_letter(col)].width = width
    if layout.freeze:
        sheet.freeze_panes = layout.freeze
    if layout.autofilter:
        sheet.auto_filter.ref = layout.autofilter
    if not layout.gridlines:
        sheet.sheet_view.showGridLines = False
    _print_setup(sheet, layout)


def fit_to_width(sheet: Worksheet, *, landscape: bool = True) -> None:
    """Printed one page wide and as many long as needed, on A4 (unset, LibreOffice prints on
    US Letter), with narrow side margins; each page says which sheet it is from and where in
    it (&A, &P of &N)."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.left.text = "&A"
    sheet.oddFooter.right.text = "Page &P of &N"
    sheet.page_margins.left = sheet.page_margins.right = SIDE_MARGIN


def _print_setup(sheet: Worksheet, layout: SheetLayout) -> None:
    if layout.print_landscape_fit:
        fit_to_width(sheet)
    if layout.print_columns:
        sheet.print_area = f"A1:{get_column_letter(layout.print_columns)}{max(sheet.max_row, 1)}"
        if layout.unprinted_note:
            sheet.oddFooter.center.text = layout.unprinted_note.replace("&", "&&")
    if layout.print_header:
        sheet.oddHeader.left.text = layout.print_header.replace("&", "&&")
    if layout.print_titles:
        sheet.print_title_rows = layout.print_titles
    for row in layout.page_breaks:
        sheet.row_breaks.append(Break(id=row - 1))  # a break after the row above
