"""The council summary workbook: tidy tables, titled and print-ready, with RAG fills and charts.

Written with XlsxWriter into a new file (never an officer's plan): every sheet has a title, the
quarter, the day its figures are as of and the files used; tables have a header row repeated on
every printed page, landscape, fit to one page wide, with the sheet and page number in the
footer; rows with long wrapped text are made tall enough to show it.

Printed so a committee can read it: text wraps in every column rather than being cut off, long
headers wrap over narrow figure columns, figure columns are as wide as the widest figure written
(its Total in bold included, so nothing shows ###), the provenance columns at the end of a table
(File, Sheet, Cell) stay on screen but off the paper, and a sheet too wide for A4 at a readable
size (PRINTED_POINTS) is printed on A3. Titles, headers and heat
maps go through cellwrite.xlsx_put and the tables' rows through sheet_xml: both write text
copied from a plan as text, never run as a formula. The same inputs give the same file: no
clock is read, and the file carries no creation date of its own (the subtitle says what day the
figures are as of).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook as XlsxBook
from xlsxwriter.worksheet import Worksheet as XlsxSheet

from xl_plans import sheet_xml
from xl_plans.cellwrite import A3, A4, DATE_FORMAT, LINE_HEIGHT, SIDE_MARGIN, xlsx_put
from xl_plans.files import DIGEST_PART, DIGEST_PLACEHOLDER, DIGEST_PROPERTY, content_digest
from xl_plans.saving import atomic_save

# Fills for ratings and bands, shared by every sheet: (background, font colour).
FILLS: dict[str, tuple[str, str]] = {
    "Green": ("#C6EFCE", "#006100"),
    "Amber": ("#FFEB9C", "#7F6000"),
    "Red": ("#FFC7CE", "#9C0006"),
    "No data": ("#D9D9D9", "#3F3F3F"),
    "Not due": ("#DDEBF7", "#1F4E79"),
    "Info only": ("#F2F2F2", "#3F3F3F"),
    "No target": ("#E4DFEC", "#3F3F3F"),  # not Info only's: the chart tells them apart
    "Low": ("#C6EFCE", "#006100"),
    "Medium": ("#FFEB9C", "#7F6000"),
    "High": ("#F8CBAD", "#833C0B"),
    "Very High": ("#FF7C80", "#600000"),
    "error": ("#FFC7CE", "#9C0006"),
    "warning": ("#FFEB9C", "#7F6000"),
    "query": ("#DDEBF7", "#1F4E79"),
}
TITLE_ROWS = 3  # title, subtitle, blank; the table header follows
MIN_WIDTH = 7  # characters: the narrowest column (a header word or a short figure)

# Printing. Body text is 11 point, shrunk to fit the page's width: a sheet goes on A4 landscape
# if its printed columns fit there with text at PRINTED_POINTS or more, else on A3 landscape
# (where a performance team's wide tables usually go to committee).
PRINTED_POINTS = 7.0
_LANDSCAPE_POINTS = {A4: 841.9, A3: 1190.6}  # the paper's long side


def column_points(width: float) -> float:
    """A column's printed width at 100% in points. Excel gives a column of `width` characters
    7 pixels a character (Calibri 11's digits) and 5 of padding, at 96 pixels an inch; where
    Calibri (or its metric twin Carlito) is missing, LibreOffice measures characters in its
    fallback font (DejaVu Sans), a third wider, and shrinks the page to match. Sized for the
    wider, so the text prints at PRINTED_POINTS or more either way."""
    return (width * 9.4 + 5) * 0.75


def paper_for(widths: Iterable[float]) -> tuple[int, float]:
    """The paper (A4 or A3) for printed columns of these widths, and the size body text
    (11 point on screen) prints at when fit to the paper's width."""
    needed = sum(column_points(w) for w in widths) or 1.0
    for paper in (A4, A3):
        usable = _LANDSCAPE_POINTS[paper] - 2 * SIDE_MARGIN * 72
        points = 11 * min(1.0, usable / needed)
        if points >= PRINTED_POINTS:
            break
    return paper, points


@dataclass(frozen=True)
class FormatsBy:
    """Number formats that differ row by row, chosen by the value in one column of the row:
    a KPI's figures by its Unit ("%" as a percentage, "£" as money)."""

    key: str  # the column whose value chooses ("Unit")
    columns: tuple[str, ...]  # the columns formatted
    formats: dict[str, str]  # the key column's value -> Excel number format


@dataclass
class Table:
    """One sheet of the summary: a tidy table's columns and rows, and how to show them. The
    rows are read once, as they are written (they may be streamed from disk)."""

    sheet: str
    title: str
    columns: tuple[str, ...]
    rows: Iterable[tuple[Any, ...]]
    coloured: tuple[str, ...] = ()  # columns whose values name a fill (RAG, band, severity)
    formats: dict[str, str] = field(default_factory=dict)  # column -> Excel number format
    formats_by: FormatsBy | None = None  # formats chosen row by row, over `formats`
    widths: dict[str, int] = field(default_factory=dict)
    total_row: tuple[str, ...] = ()  # columns summed in a Total row under the table
    note: str = ""  # a line under the title saying what the sheet holds
    # Columns that stay on screen but are not printed, when they end the table (File, Sheet,
    # Cell: where each figure came from): they do not wrap and are as wide as their text.
    unprinted: tuple[str, ...] = ()


@dataclass
class HeatMap:
    """Counts of risks per likelihood x impact cell, with each cell's band."""

    sheet: str
    title: str
    counts: dict[tuple[int, int], int]  # (likelihood, impact) -> number of risks
    bands: dict[tuple[int, int], str]
    size: int
    # The column of its labels (0: A): the impacts go in the `size` columns after it, which
    # should be of one width, so that no impact looks bigger than another.
    left: int = 0


@dataclass
class StackedBar:
    """A stacked bar chart of some columns of a table, one bar per row (e.g. KPI RAG by
    service)."""

    sheet: str
    title: str
    table: str  # the Table's sheet holding the data
    category: str  # the column naming each bar
    series: tuple[str, ...]  # the columns stacked, each filled with its FILLS colour
    longest: float | None = None  # the longest bar, if known: short ones get whole ticks


@dataclass
class Book:
    title: str
    subtitle: str  # "Q2 2023/24 · as of 23/11/2023 · 20 plan files (see Data Quality)"
    built: dt.date  # the day the figures are as of (never the clock's: see the module's doc)
    tables: list[Table]
    heat_maps: list[HeatMap] = field(default_factory=list)
    charts: list[StackedBar] = field(default_factory=list)
    mark: str = "Written by xl_plans"  # the document's comments property


# Rows from the last row of a heat map to what follows it (the next map, or the table).
HEAT_MAP_GAP = 2


# What follows is shared by the two writers of a summary, this file's (XlsxWriter) and the
# ribbon's (excel_layouts.summary_layouts, through xlwings), so both place and show the same.


def titles(book: Book, table: Table) -> tuple[str, str]:
    """A summary sheet's title (how the ribbon knows a sheet is its own) and subtitle."""
    return (f"{book.title}: {table.title}",
            f"{book.subtitle}{' · ' + table.note if table.note else ''}")


def column_width(table: Table, name: str) -> int:
    """A column's width in characters: the table's, or its header's longest word (headers
    wrap), and never under MIN_WIDTH. The summary file widens figure columns to their widest
    figure once written (_fitted_widths)."""
    return table.widths.get(name, max(MIN_WIDTH, header_word(name) + 2))


def header_word(name: str) -> int:
    """The longest word of a header, in characters."""
    return max((len(word) for word in str(name).split()), default=0)


def header_lines(name: str, width: float) -> int:
    """How many lines a header wraps to, word by word, in a column `width` characters wide."""
    usable = max(1.0, width - 1)
    lines, line = 1, 0
    for word in str(name).split():
        if line and line + 1 + len(word) > usable:
            lines, line = lines + 1, len(word)
        else:
            line += (1 if line else 0) + len(word)
    return lines


def printed_columns(table: Table) -> int:
    """How many columns are printed: all but the unprinted ones ending the table."""
    count = len(table.columns)
    while count > 1 and table.columns[count - 1] in table.unprinted:
        count -= 1
    return count


def number_formats(table: Table, row: Sequence[Any] | None = None) -> dict[int, str]:
    """The number format of each column (by index) that has one; for a `row`, with the formats
    its formats_by value chooses."""
    columns = list(table.columns)
    formats = {columns.index(c): f for c, f in table.formats.items() if c in columns}
    by = table.formats_by
    if row is not None and by is not None and by.key in columns:
        chosen = by.formats.get(row[columns.index(by.key)])
        if chosen is not None:
            formats.update({columns.index(c): chosen for c in by.columns if c in columns})
    return formats


HEADER = "header"  # the style of a heat map's labels, as of a table's header


def heat_map_cells(heat: HeatMap) -> Iterator[tuple[int, int, Any, str | None]]:
    """A heat map's cells as (row, column) from its top left, value, and style: HEADER for its
    labels, else the band the cell falls in. Likelihood down (highest first), impact across;
    heat.size + 2 rows."""
    left = heat.left
    yield 0, left, heat.title, HEADER
    for impact in range(1, heat.size + 1):
        yield 1, left + impact, f"Impact {impact}", HEADER
    for row, likelihood in enumerate(range(heat.size, 0, -1), start=2):
        yield row, left, f"Likelihood {likelihood}", HEADER
        for impact in range(1, heat.size + 1):
            yield (row, left + impact, heat.counts.get((likelihood, impact), 0),
                   heat.bands.get((likelihood, impact)) or None)


def heat_maps_by_sheet(book: Book) -> dict[str, list[HeatMap]]:
    """Each sheet's heat maps, in order: one per risk matrix, drawn one under another."""
    maps: dict[str, list[HeatMap]] = {}
    for heat in book.heat_maps:
        maps.setdefault(heat.sheet, []).append(heat)
    return maps


def write_book(book: Book, target: Path, *, overwrite: bool = False,
               with_it: Callable[[], object] | None = None) -> Path:
    return atomic_save(lambda temp: _write(book, temp), target, overwrite=overwrite,
                       with_it=with_it)


def _write(book: Book, path: Path) -> None:
    # XlsxWriter writes the workbook without the tables' rows, into a temporary file;
    # sheet_xml renders the rows into temporary files and splices them in, so memory stays
    # flat however many plans there are. See sheet_xml for why. (constant_memory: XlsxWriter
    # then leaves charts' cached values empty, for Excel to fill, rather than wrong.)
    parts = tempfile.TemporaryDirectory(prefix="xl_plans-")
    draft = Path(parts.name) / "draft.xlsx"
    workbook = xlsxwriter.Workbook(str(draft), {"constant_memory": True,
                                                "strings_to_formulas": False,
                                                "strings_to_urls": False})
    workbook.set_properties({"title": book.title, "subject": book.subtitle,
                             "comments": book.mark})
    workbook.set_custom_property(DIGEST_PROPERTY, DIGEST_PLACEHOLDER)
    styles = _Styles(workbook)
    placed: dict[str, _Placed] = {}
    heat_maps = heat_maps_by_sheet(book)
    rows: dict[str, sheet_xml.Rows] = {}
    try:
        for number, table in enumerate(book.tables, start=1):
            sheet = workbook.add_worksheet(table.sheet)
            _titles(sheet, book, table, styles)
            top = TITLE_ROWS
            maps = heat_maps.get(table.sheet, [])
            for heat in maps:
                top = _heat_map(sheet, heat, top, styles) + HEAT_MAP_GAP
            rendered, printed = _table(sheet, table, top, styles, frozen=not maps)
            # XlsxWriter names worksheet parts by the order they are added.
            rows[f"xl/worksheets/sheet{number}.xml"] = rendered
            placed[table.sheet] = _Placed(sheet, table, top, rendered.count, printed)
        for chart in book.charts:
            _stacked_bar(workbook, placed, chart)
        workbook.close()
        sheet_xml.splice(draft, path, rows, {"docProps/core.xml": _undated},
                         last={DIGEST_PART: _stamped})
    finally:
        for rendered in rows.values():
            rendered.close()
        parts.cleanup()


def _stamped(custom: bytes, digests: dict[str, str]) -> bytes:
    """The custom properties part with the digest of every other part (files.summary_changed
    tells from it whether the file is still exactly as written)."""
    return custom.replace(DIGEST_PLACEHOLDER.encode(), content_digest(digests).encode(), 1)


def _undated(core: bytes) -> bytes:
    """The document properties without the created and modified dates XlsxWriter always
    writes (the clock's, or a day given): the file would claim to be made on the day its
    figures are as of, or differ from run to run."""
    return re.sub(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>", b"", core)


DATE, DATE_TIME = DATE_FORMAT, f"{DATE_FORMAT} hh:mm"


class _Styles:
    def __init__(self, workbook: XlsxBook) -> None:
        self.title = workbook.add_format({"bold": True, "font_size": 14, "font_color": "#1F4E79"})
        self.subtitle = workbook.add_format({"italic": True, "font_color": "#595959"})
        header = {"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E79",
                  "valign": "vcenter", "border": 1}
        self.header = workbook.add_format({**header, "text_wrap": True})
        self.heading = workbook.add_format(header)  # a heat map's title: one line, merged
        self.subtitle_wrapped = workbook.add_format({"italic": True, "font_color": "#595959",
                                                     "text_wrap": True, "valign": "top"})
        self.total = workbook.add_format({"bold": True, "top": 1})
        # Text wraps in every printed column (nothing is cut off where the next cell holds
        # text), its rows grown to fit (sheet_xml.render); figure columns wrap too, for a
        # summary table given text in one by its caller.
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        # Every cell at the top of its row, as wrapped text is: a row grown to show a long
        # comment keeps its service and ref level with it.
        self.top = workbook.add_format({"valign": "top"})
        self.date = workbook.add_format({"num_format": DATE, "valign": "top"})
        self.date_time = workbook.add_format({"num_format": DATE_TIME, "valign": "top"})
        self.fills = {name: workbook.add_format({"bg_color": bg, "font_color": fg,
                                                 "valign": "top", "text_wrap": True})
                      for name, (bg, fg) in FILLS.items()}
        self._formats: dict[str, Any] = {}
        self._workbook = workbook

    def number(self, fmt: str) -> Any:
        if fmt not in self._formats:
            self._formats[fmt] = self._workbook.add_format({"num_format": fmt, "valign": "top",
                                                            "text_wrap": True})
        return self._formats[fmt]

    def total_of(self, fmt: str | None) -> Any:
        """A Total cell: bold with a rule above, in its column's number format."""
        key = f"total:{fmt}"
        if key not in self._formats:
            spec: dict[str, Any] = {"bold": True, "top": 1}
            if fmt:
                spec["num_format"] = fmt
            self._formats[key] = self._workbook.add_format(spec)
        return self._formats[key]


def _titles(sheet: XlsxSheet, book: Book, table: Table, styles: _Styles) -> None:
    title, subtitle = titles(book, table)
    xlsx_put(sheet, 0, 0, title, styles.title)
    # The subtitle wraps across the printed columns: left to run on to the right, it would
    # widen the printed area (LibreOffice prints text running past the last column) or be cut
    # at the print area's edge.
    printed = printed_columns(table)
    if printed < 2:
        xlsx_put(sheet, 1, 0, subtitle, styles.subtitle)
        return
    width = sum(column_width(table, name) for name in table.columns[:printed])
    sheet.merge_range(1, 0, 1, printed - 1, "", styles.subtitle_wrapped)
    xlsx_put(sheet, 1, 0, subtitle, styles.subtitle_wrapped)
    lines = sheet_xml.text_lines(subtitle, width)
    if lines > 1:
        sheet.set_row(1, LINE_HEIGHT * lines)


@dataclass
class _Placed:
    sheet: XlsxSheet
    table: Table
    header_row: int
    count: int  # data rows written
    printed: list[float]  # the widths of the printed columns


def _table(sheet: XlsxSheet, table: Table, top: int, styles: _Styles,
           frozen: bool = True) -> tuple[sheet_xml.Rows, list[float]]:
    """Write the table's header at row `top`, render its rows to go under it and set up its
    printing. Returns the rows and the printed columns' widths."""
    columns = list(table.columns)
    printed = printed_columns(table)
    widths = [float(column_width(table, name)) for name in columns]
    formats: dict[int, Format] = {col: styles.number(f)
                                  for col, f in number_formats(table).items()}
    # Every printed column wraps, so rows grow to show their text whole (a column without a
    # number format of its own wraps as sheet_xml's `plain`, so that a date in it still gets
    # the date style); the unprinted ones (File, Sheet, Cell) keep to one line and are made
    # as wide as their text.
    wrapped = {col: widths[col] for col in range(printed)}
    for col in range(printed, len(columns)):
        formats.setdefault(col, styles.top)
    for col, name in enumerate(columns):
        xlsx_put(sheet, top, col, name, styles.header)
    sheet.set_row(top, LINE_HEIGHT * max(2, *(header_lines(name, widths[col])
                                               for col, name in enumerate(columns))))
    fills = {name: style_index(fmt) for name, fmt in styles.fills.items()}
    by = table.formats_by
    by_row = None
    shown_as = {style_index(styles.date): DATE, style_index(styles.date_time): DATE_TIME}
    shown_as.update({style_index(styles.number(f)): f for f in table.formats.values()})
    if by is not None and by.key in columns:
        chosen = [columns.index(c) for c in by.columns if c in columns]
        by_row = (columns.index(by.key),
                  {value: {col: style_index(styles.number(fmt)) for col in chosen}
                   for value, fmt in by.formats.items()})
        shown_as.update({style_index(styles.number(f)): f for f in by.formats.values()})
    row_styles = sheet_xml.Styles(
        columns=[style_index(formats[col]) if col in formats else 0 for col in range(len(columns))],
        fills={columns.index(c): fills for c in table.coloured if c in columns},
        date=style_index(styles.date), date_time=style_index(styles.date_time),
        by_row=by_row, wrapped=wrapped, plain=style_index(styles.wrap))
    totals: dict[int, float | None] = {columns.index(c): None for c in table.total_row
                                       if c in columns}
    rendered = sheet_xml.render(table.rows, top + 1, row_styles, totals)
    last = top + rendered.count  # 0-based, the last data row
    shown_totals: dict[int, tuple[str, float]] = {}
    if totals and rendered.count:
        xlsx_put(sheet, last + 1, 0, "Total", styles.total)
        for col, total in totals.items():
            fmt = table.formats.get(columns[col])
            # A column with no figure at all has no total, not a total of 0.
            shown = None if total is None else round(total, 6)
            if shown is not None:
                shown_totals[col] = (fmt or "General", shown)
        # Written across the row, so the rule above the Total runs unbroken under the table.
        for col in sorted({*range(1, printed), *totals}):
            figure = shown_totals.get(col)
            xlsx_put(sheet, last + 1, col, None if figure is None else figure[1],
                     styles.total_of(table.formats.get(columns[col])))
    widths = _fitted_widths(widths, rendered, shown_as, shown_totals, printed)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width, formats.get(col, styles.wrap))
    if columns:
        sheet.autofilter(top, 0, last, len(columns) - 1)
        # Under a heat map, frozen rows would hold the maps too, leaving a laptop's window
        # little room for the table: the header repeats on paper, and scrolls on screen.
        if frozen:
            sheet.freeze_panes(top + 1, 0)
        sheet.repeat_rows(top)
    _print_setup(sheet, table, widths[:printed], last + 1 if totals else last)
    return rendered, widths[:printed]


def _fitted_widths(widths: list[float], rendered: sheet_xml.Rows, shown_as: dict[int, str],
                   totals: dict[int, tuple[str, float]], printed: int) -> list[float]:
    """The columns' widths made wide enough for every figure written (in its number format;
    a Total in bold), so none shows ###, and the unprinted columns as wide as their text."""
    fitted = list(widths)
    for (col, style), (lo, hi) in rendered.extents.items():
        fmt = shown_as.get(style, "General")
        needed = max(shown_length(fmt, lo), shown_length(fmt, hi)) + 2
        fitted[col] = max(fitted[col], needed)
    for col, (fmt, value) in totals.items():
        fitted[col] = max(fitted[col], math.ceil(1.1 * shown_length(fmt, value)) + 2)
    for col, longest in rendered.longest.items():
        if col >= printed and col < len(fitted):
            fitted[col] = max(fitted[col], longest + 2)
    return fitted


def shown_length(fmt: str, value: float) -> int:
    """How many characters a number shows as in an Excel number format (the formats the
    summary uses: money, fixed decimals, percentages, Yes/No, dates, General)."""
    if fmt == DATE_TIME:
        return len("31/12/2024 23:59")
    if fmt == DATE:
        return len("31/12/2024")
    if fmt.startswith('"Yes"'):
        return 3
    if fmt == "General":
        return min(len(sheet_xml.number_text(value)), 11)  # Excel shows 11 characters at most
    decimals = len(fmt.rpartition(".")[2].rstrip("%")) if "." in fmt else 0
    if fmt.endswith("%"):
        return len(f"{value * 100:.{decimals}f}%")
    text = f"{value:{',' if ',' in fmt else ''}.{decimals}f}"
    return len(text) + ('"£"' in fmt)


def _print_setup(sheet: XlsxSheet, table: Table, printed: list[float], last_row: int) -> None:
    """Landscape, one page wide, A4 or A3 (paper_for), the provenance columns left off."""
    paper, _ = paper_for(printed)
    sheet.set_landscape()
    sheet.set_paper(paper)
    sheet.set_margins(left=SIDE_MARGIN, right=SIDE_MARGIN)
    sheet.fit_to_pages(1, 0)  # one page wide, as many long as needed
    left_off = table.columns[len(printed):]
    if left_off:  # (_stacked_bar stretches it over a chart under the table)
        sheet.print_area(0, 0, last_row, len(printed) - 1)
    # Each printed page says which sheet it is from, and where in it: &A the sheet's name,
    # &P and &N the page and pages; and which columns are only on screen.
    centre = (f"&C{', '.join(left_off).replace('&', '&&')}: in the workbook, not printed"
              if left_off else "")
    sheet.set_footer(f"&L&A{centre}&RPage &P of &N")


def style_index(fmt: Format) -> int:
    """The index XlsxWriter gives a format in styles.xml, for cells written by sheet_xml.
    Format._get_xf_index is how XlsxWriter itself registers a format when a cell uses it (one
    method, stable since XlsxWriter 0.x; pyproject pins the major version)."""
    return int(fmt._get_xf_index())


def _heat_map(sheet: XlsxSheet, heat: HeatMap, top: int, styles: _Styles) -> int:
    """Returns the last row used."""
    for row, col, value, style in heat_map_cells(heat):
        fmt = styles.header if style == HEADER else styles.fills.get(style or "")
        if row == 0:  # the title: on one line across the map (wrapped, it was cut)
            sheet.merge_range(top, col, top, col + heat.size, "", styles.heading)
            fmt = styles.heading
        xlsx_put(sheet, top + row, col, value, fmt)
    return top + 1 + heat.size


def _stacked_bar(workbook: XlsxBook, placed: dict[str, _Placed], chart: StackedBar) -> None:
    shown, data = placed[chart.sheet], placed[chart.table]
    if not data.count:
        return
    columns = list(data.table.columns)
    top = data.header_row
    first, last = top + 1, top + data.count
    category = columns.index(chart.category)
    bar = workbook.add_chart({"type": "bar", "subtype": "stacked"})
    for name in chart.series:
        col = columns.index(name)
        bar.add_series({
            "name": [data.table.sheet, top, col],
            "categories": [data.table.sheet, first, category, last, category],
            "values": [data.table.sheet, first, col, last, col],
            "fill": {"color": FILLS.get(name, ("#808080", ""))[0]},
            "border": {"color": "#595959"},
        })
    # The chart prints shrunk with its sheet (to fit the table's width): as wide as the
    # printed table, with larger text, it prints as readable as the table.
    width = max(720, round(sum(column_points(w) for w in shown.printed) / 0.75))
    grow = width / 720
    text = {"size": round(10 * min(grow, 1.6))}
    bar.set_title({"name": chart.title, "name_font": {"size": round(14 * min(grow, 1.6))}})
    bar.set_y_axis({"reverse": True, "num_font": text})
    # A bar chart's x axis is its values, here counts: never ticks at 0.5 (a spreadsheet's
    # own choice for short bars); for longer bars, its choice is whole steps anyway.
    if chart.longest is not None and chart.longest <= 10:
        bar.set_x_axis({"min": 0, "major_unit": 1, "num_font": text})
    else:
        bar.set_x_axis({"num_font": text})
    bar.set_legend({"position": "bottom", "font": text})
    height = round(max(300, 24 * data.count + 120) * min(grow, 1.6))
    bar.set_size({"width": width, "height": height})
    # Under the sheet's table (and its Total row), so it prints with it: in its print area.
    anchor = shown.header_row + shown.count + 3
    shown.sheet.insert_chart(anchor, 0, bar)
    if len(shown.printed) < len(shown.table.columns):
        rows = math.ceil(height / (LINE_HEIGHT / 0.75))  # rows of 15 points, 20 pixels
        shown.sheet.print_area(0, 0, anchor + rows + 1, len(shown.printed) - 1)
