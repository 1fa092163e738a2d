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
    HEADER,
    HEAT_MAP_GAP,
    TITLE_ROWS,
    Book,
    HeatMap,
    Table,
    column_width,
    heat_map_cells,
    heat_maps_by_sheet,
    number_formats,
    titles,
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
        title, subtitle = titles(book, table)
        layout.put(1, 1, title, "title")
        layout.put(2, 1, subtitle, "note")
        top = TITLE_ROWS + 1  # 1-based row of what follows the titles
        for heat in heat_maps.get(table.sheet, []):
            top = _heat_map(layout, heat, top) + HEAT_MAP_GAP
        _table(layout, table, top)
        layouts.append(layout)
    return layouts


def summary_title(book: Book, table: Table) -> str:
    """The first cell of a summary sheet: how the ribbon knows a sheet is its own."""
    return titles(book, table)[0]


def _heat_map(layout: SheetLayout, heat: HeatMap, top: int) -> int:
    """Returns the last row used."""
    for row, col, value, style in heat_map_cells(heat):
        styles = ("heading",) if style == HEADER else (f"summary:{style}",) if style else ()
        layout.put(top + row, col + 1, value, *styles)
    return top + 1 + heat.size


def _table(layout: SheetLayout, table: Table, top: int) -> None:
    columns = list(table.columns)
    for col, name in enumerate(columns, start=1):
        layout.put(top, col, name, "heading", "wrap_middle")
        layout.widths[col] = column_width(table, name)
    coloured = {columns.index(c) for c in table.coloured if c in columns}
    formats = number_formats(table)
    totals: dict[int, float | None] = {columns.index(c): None for c in table.total_row
                                       if c in columns}
    row = top
    for row, values in enumerate(table.rows, start=top + 1):
        row_formats = number_formats(table, values)  # a KPI's figures by its Unit
        for col, value in enumerate(values):
            named = f"summary:{value}"
            styles = (named,) if col in coloured and named in STYLES else ()
            layout.put(row, col + 1, value, *styles, number_format=row_formats.get(col))
            if col in totals and isinstance(value, int | float) and not isinstance(value, bool):
                total = totals[col]
                totals[col] = value if total is None else total + value
    if totals and row > top:
        layout.put(row + 1, 1, "Total", "bold")
        for col, total in totals.items():
            # In its column's format, as in the file: money as money, FTE to two places; blank
            # where the column has no figure at all.
            layout.put(row + 1, col + 1, None if total is None else round(total, 6), "bold",
                       number_format=formats.get(col))
    layout.fit_rows = (top, max(row, top))
