"""Layouts of the sheets only the ribbon writes into an open workbook.

- The plan template and its Guidance sheet: taken from the workbook template.py builds, so the
  template is declared once (template.py); its header, title and label styles are matched
  against template.py's own constants.
- The settings sheet of a council summary workbook (schema.SETTINGS_*).
- The council summary's sheets, placed as summary_book.py places them in the summary file
  (title, subtitle, heat map, table, total row), so both read the same.

What Excel cannot be told through the portable part of xlwings' API (dropdowns, borders,
widths, frozen panes, charts) is left out here; docs/excel-install.md says so.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.worksheet import Worksheet

from xl_plans import schema, template
from xl_plans.sheet_layout import STYLES, SheetLayout
from xl_plans.summary_book import (
    HEAT_MAP_GAP,
    TITLE_ROWS,
    Book,
    HeatMap,
    Table,
    heat_maps_by_sheet,
)


def _template_styles(cell: Any) -> tuple[str, ...]:
    if cell.fill == template.HEADER_FILL:
        return ("heading",)
    if cell.font == template.TITLE_FONT:
        return ("title",)
    if cell.font == template.LABEL_FONT:
        return ("bold",)
    return ()


def layout_of_template_sheet(sheet: Worksheet, fit_header: bool = True) -> SheetLayout:
    """One sheet of template.py's workbook as a layout: values, header/title/label styles,
    number formats (on values, and on the cells and columns officers will type into)."""
    layout = SheetLayout(sheet.title, fit_rows=(1, 1) if fit_header else None)
    for cell in (cell for row in sheet.iter_rows() for cell in row):
        fmt = cell.number_format if cell.number_format != "General" else None
        if cell.value is None:
            if fmt is not None:
                layout.input_formats.append((cell.row, cell.column, cell.row, cell.column, fmt))
            continue
        layout.put(cell.row, cell.column, cell.value, *_template_styles(cell),
                   number_format=None if isinstance(cell.value, str) else fmt)
    for key, dimension in sheet.column_dimensions.items():
        col = column_index_from_string(key)
        if dimension.width:
            layout.widths[col] = dimension.width
        if dimension.number_format and dimension.number_format != "General":
            layout.input_formats.append((2, col, schema.TEMPLATE_ROWS, col,
                                         dimension.number_format))
    return layout


def template_layouts() -> list[SheetLayout]:
    """The blank plan template, sheet by sheet in the template's order (Guidance last)."""
    book = template.new_template()
    return [layout_of_template_sheet(sheet, fit_header=sheet.title != schema.GUIDANCE_SHEET)
            for sheet in book.worksheets]


def guidance_layout() -> SheetLayout:
    return layout_of_template_sheet(template.new_template()[schema.GUIDANCE_SHEET], False)


def settings_layout() -> SheetLayout:
    """A blank settings sheet for a council summary workbook, for the officer to fill in."""
    layout = SheetLayout(schema.SETTINGS_SHEET, fit_rows=(1, len(schema.SETTINGS_FIELDS) + 1))
    for col, text in enumerate(schema.SETTINGS_HEADERS, start=1):
        layout.put(1, col, text, "heading")
    for row, column in enumerate(schema.SETTINGS_FIELDS, start=2):
        layout.put(row, 1, column.header, "bold")
        layout.put(row, 3, column.help or None)
        layout.input_formats.append((row, 2, row, 2, "@"))  # a folder or "Q1" stays text
    return layout


# --------------------------------------------------------------------------- the summary


def summary_layouts(book: Book) -> list[SheetLayout]:
    """Each table of the council summary as a sheet, as summary_book writes it to a file.
    Reads each table's rows once (they may be streamed from disk)."""
    heat_maps = heat_maps_by_sheet(book)
    layouts = []
    for table in book.tables:
        layout = SheetLayout(table.sheet)
        layout.put(1, 1, summary_title(book, table), "title")
        layout.put(2, 1, f"{book.subtitle}{' · ' + table.note if table.note else ''}", "note")
        top = TITLE_ROWS + 1  # 1-based row of what follows the titles
        for heat in heat_maps.get(table.sheet, []):
            top = _heat_map(layout, heat, top) + HEAT_MAP_GAP
        _table(layout, table, top)
        layouts.append(layout)
    return layouts


def summary_title(book: Book, table: Table) -> str:
    """The first cell of a summary sheet: how the ribbon knows a sheet is its own."""
    return f"{book.title}: {table.title}"


def _heat_map(layout: SheetLayout, heat: HeatMap, top: int) -> int:
    """Likelihood down (highest first), impact across; returns the last row used."""
    layout.put(top, 1, heat.title, "heading")
    for impact in range(1, heat.size + 1):
        layout.put(top + 1, impact + 1, f"Impact {impact}", "heading")
    for row, likelihood in enumerate(range(heat.size, 0, -1), start=top + 2):
        layout.put(row, 1, f"Likelihood {likelihood}", "heading")
        for impact in range(1, heat.size + 1):
            band = heat.bands.get((likelihood, impact), "")
            styles = (f"summary:{band}",) if band else ()
            layout.put(row, impact + 1, heat.counts.get((likelihood, impact), 0), *styles)
    return top + 1 + heat.size


def _table(layout: SheetLayout, table: Table, top: int) -> None:
    columns = list(table.columns)
    for col, name in enumerate(columns, start=1):
        layout.put(top, col, name, "heading", "wrap_middle")
        layout.widths[col] = table.widths.get(name, min(max(len(str(name)) + 2, 10), 40))
    coloured = {columns.index(c) for c in table.coloured if c in columns}
    formats = {columns.index(c): f for c, f in table.formats.items() if c in columns}
    totals = {columns.index(c): 0.0 for c in table.total_row if c in columns}
    row = top
    for row, values in enumerate(table.rows, start=top + 1):
        for col, value in enumerate(values):
            named = f"summary:{value}"
            styles = (named,) if col in coloured and named in STYLES else ()
            layout.put(row, col + 1, value, *styles, number_format=formats.get(col))
            if col in totals and isinstance(value, int | float) and not isinstance(value, bool):
                totals[col] += value
    if totals and row > top:
        layout.put(row + 1, 1, "Total", "bold")
        for col, total in totals.items():
            layout.put(row + 1, col + 1, round(total, 6), "bold", number_format="#,##0")
    layout.fit_rows = (top, max(row, top))
