"""The plan template: a blank workbook built from the schema, and a Plan written into it.

Styled header rows, widths, frozen panes, dropdowns for every choice column and a 1-to-5 check
on risk scores, each column's help shown when its cell is selected (an input message: notes
would stop `status --in-place`, which refuses plans holding notes), number formats on whole
columns (so new rows an officer types get them too; date columns are left General, see
schema.NUMBER_FORMATS), print settings, a Guidance sheet and a template version stamp on the
Plan sheet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from xl_plans import schema
from xl_plans.cellwrite import LINE_HEIGHT, fit_text, plain, put
from xl_plans.model import Plan
from xl_plans.saving import atomic_save
from xl_plans.sheet_layout import fit_to_width
from xl_plans.sheet_xml import text_lines

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
LABEL_FONT = Font(bold=True)
HEADER_BORDER = Border(bottom=Side(style="thin", color="000000"))
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TITLE_FONT = Font(bold=True, size=14, color="1F4E79")


Tables = dict[str, Any]  # {"Plan": {header: value}, "KPIs": [{header: value}, ...], ...}


def new_template(service: str | None = None, year: str | None = None,
                 council: str | None = None) -> Workbook:
    """A blank plan workbook, with the service, year and council filled in if given."""
    details = {"Service": service, "Plan Year": year, "Council": council}
    return tables_workbook({schema.PLAN_SHEET: {k: v for k, v in details.items() if v}})


def plan_workbook(plan: Plan) -> Workbook:
    """The template with `plan` written into it."""
    return tables_workbook(plan_tables(plan))


def plan_tables(plan: Plan) -> Tables:
    """A plan as the cell values an officer would have typed, by sheet and header."""
    details = {c.header: plain(getattr(plan.details, c.field)) for c in schema.PLAN_FIELDS}
    tables: Tables = {schema.PLAN_SHEET: {**details, **plan.details.extra}}
    for spec in schema.SHEETS:
        tables[spec.name] = [
            {**{c.header: plain(getattr(row, c.field)) for c in spec.columns}, **row.extra}
            for row in getattr(plan, spec.section)
        ]
    return tables


def tables_workbook(tables: Tables) -> Workbook:
    """The template with cell values written under their headers, exactly as given: values
    are not checked, so tests can plant the mistakes officers make. Unknown headers become
    extra columns (or extra Plan fields) after the template's own."""
    book = Workbook()
    plan_sheet = book.active
    assert plan_sheet is not None
    plan_sheet.title = schema.PLAN_SHEET
    _write_details(plan_sheet, dict(tables.get(schema.PLAN_SHEET, {})))
    for spec in schema.SHEETS:
        _write_table(book.create_sheet(spec.name), spec, list(tables.get(spec.name, ())))
    _write_guidance(book.create_sheet(schema.GUIDANCE_SHEET))
    service = tables.get(schema.PLAN_SHEET, {}).get("Service") or ""
    book.properties.title = document_title(f"Service plan: {service}")
    book.properties.keywords = f"xl_plans template {schema.TEMPLATE_VERSION}"
    return book


def document_title(text: str) -> str:
    """Text for a workbook's title (File > Info), cleaned as cell text is: a control
    character pasted into --service would otherwise break the file's properties part."""
    return fit_text(text).strip()


def save_workbook(book: Workbook, target: Path, *, overwrite: bool = False) -> Path:
    return atomic_save(lambda temp: book.save(temp), target, overwrite=overwrite)


def _header(cell: Any, text: str) -> None:
    put(cell, text)
    cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, HEADER_BORDER
    cell.alignment = Alignment(wrap_text=True, vertical="center")


def _input_rule(sheet: Worksheet, column: schema.Column, cells: str) -> None:
    """What Excel offers and checks as a cell is filled in: a dropdown for a choice column, a
    whole number from 1 to 5 for a risk score, and for every column with help, that help as
    the message shown when one of its cells is selected."""
    if column.choices is not None:
        labels = schema.choice_labels(column.choices)
        validation = DataValidation(
            type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True,
            showErrorMessage=True, errorTitle=column.header[:32],
            error=f"Choose one of: {', '.join(labels)}.")
    elif column.field in schema.RISK_SCORE_FIELDS:  # (1 to 5: validation checks the matrix)
        validation = DataValidation(
            type="whole", operator="between", formula1="1", formula2="5", allow_blank=True,
            showErrorMessage=True, errorTitle=column.header[:32],
            error="Type a whole number from 1 to 5 (1 to 4 on a 4x4 matrix).")
    elif column.help:
        validation = DataValidation(allow_blank=True)  # any value: only the message
    else:
        return
    if column.help:
        validation.showInputMessage = True
        validation.promptTitle = column.header[:32]
        validation.prompt = column.help[:255]
    validation.add(cells)
    sheet.add_data_validation(validation)


def _format_of(value: Any, column_format: str) -> str:
    """The number format of a value written into a cell: a date xl_plans writes is shown as
    a date (schema.DATE_FORMAT) in a column left General for what officers type."""
    return schema.DATE_FORMAT if isinstance(plain(value), dt.date) else column_format


def _write_details(sheet: Worksheet, values: dict[str, Any]) -> None:
    for col, text in enumerate((*schema.PLAN_HEADERS, "Notes"), start=1):
        _header(sheet.cell(1, col), text)
    # The stamp says which template wrote the file.
    values[_TEMPLATE_VERSION_HEADER] = schema.TEMPLATE_VERSION
    for row, column in enumerate(schema.PLAN_FIELDS, start=2):
        label = sheet.cell(row, 1)
        put(label, column.header)
        label.font = LABEL_FONT
        value = values.pop(column.header, None)
        put(sheet.cell(row, 2), value, _format_of(value, column.format))
        sheet.cell(row, 2).number_format = _format_of(value, column.format)
        put(sheet.cell(row, 3), column.help or None)
        if column.choices is not None:
            _input_rule(sheet, column, f"B{row}")
    for label, value in values.items():
        row = sheet.max_row + 1
        put(sheet.cell(row, 1), label)
        put(sheet.cell(row, 2), value)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 45
    sheet.column_dimensions["C"].width = 55
    sheet.freeze_panes = "A2"
    fit_to_width(sheet, landscape=False)
    sheet.print_title_rows = "1:1"


_TEMPLATE_VERSION_HEADER = next(c.header for c in schema.PLAN_FIELDS
                                if c.field == "template_version")


def _write_table(sheet: Worksheet, spec: schema.Sheet, rows: list[dict[str, Any]]) -> None:
    own = [column.header for column in spec.columns]
    extras = [key for key in dict.fromkeys(k for row in rows for k in row) if key not in own]
    headers = own + extras
    for col, text in enumerate(headers, start=1):
        _header(sheet.cell(1, col), text)
    last_row = max(schema.TEMPLATE_ROWS, len(rows) + 1)
    for col, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(col)
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        dimension.number_format = column.format  # new rows typed by officers get it too
        _input_rule(sheet, column, f"{letter}2:{letter}{last_row}")
    formats = [column.format for column in spec.columns] + ["General"] * len(extras)
    wrap = [column.kind is schema.Kind.TEXT and column.width >= 30 for column in spec.columns]
    for r, row in enumerate(rows, start=2):
        for col, header in enumerate(headers, start=1):
            cell = sheet.cell(r, col)
            put(cell, row.get(header), _format_of(row.get(header), formats[col - 1]))
            if col <= len(wrap) and wrap[col - 1]:
                cell.alignment = WRAP_TOP
    sheet.freeze_panes = "C2" if len(spec.columns) > 6 else "A2"
    sheet.row_dimensions[1].height = 32
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}1"
    fit_to_width(sheet)
    sheet.print_title_rows = "1:1"


def _write_guidance(sheet: Worksheet) -> None:
    lines: list[tuple[str, str]] = [
        ("title", schema.GUIDANCE_TITLE),
        ("text", "Fill in the Plan sheet first: service, plan year and the reporting quarter. "
                 "Then one sheet at a time. Keep the header rows as they are; you may add "
                 "columns of your own to the right, and they are kept."),
        # A plan made with the ribbon's New plan has no dropdowns (excel_layouts.py): the
        # allowed values are listed below, sheet by sheet, so that no one depends on them.
        ("text", "Where a column takes one of a few values, the allowed values are listed "
                 "below, sheet by sheet (some plans also offer them in a dropdown). Dates may "
                 "be typed as dates (31/03/2025) or as text such as 'March 2025', 'Q3 2024/25' "
                 "or 'March 2025 and ongoing'."),
        ("text", "Numbers: type percentages with a % sign (85%). Where there is no data, leave "
                 "the cell blank and say why in the Comment: a blank is 'No data', never Red."),
        ("text", "Text such as 'INFO ONLY', 'TBC', 'N/A' or 'zero' is understood in number "
                 "columns and kept exactly as you typed it."),
    ]
    sections = [(schema.PLAN_SHEET, "", schema.PLAN_FIELDS),
                *((spec.name, spec.help, spec.columns) for spec in schema.SHEETS)]
    for name, help_text, columns in sections:
        lines.append(("heading", name))
        if help_text:
            lines.append(("text", help_text))
        for column in columns:
            said = [column.help] if column.help else []
            if column.choices is not None:
                said.append(f"One of {', '.join(schema.choice_labels(column.choices))}.")
            if said:
                lines.append(("text", f"{column.header}: {' '.join(said)}"))
    lines.append(("heading", "KPI Years (multi-year plans)"))
    lines.append(("text", "The KPIs sheet holds the plan year's targets and quarterly actuals. "
                          "Targets and outturns of earlier and later years go on the KPI Years "
                          "sheet, one row per indicator per year, with the same Ref."))
    lines.append(("heading", "Checking the plan"))
    lines.append(("text", "Click Validate on the Service Plans ribbon (or run "
                          "'xl-plans validate PLAN.xlsx') to list every problem with a link to "
                          "its cell. Template version " + schema.TEMPLATE_VERSION + "."))
    sheet.column_dimensions["A"].width = GUIDANCE_WIDTH
    for row, (style, text) in enumerate(lines, start=1):
        cell = sheet.cell(row, 1)
        put(cell, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if style == "title":
            cell.font = TITLE_FONT
        elif style == "heading":
            cell.font = LABEL_FONT
        else:
            # Spreadsheets do not grow rows they did not edit themselves: LibreOffice printed
            # these paragraphs over one another.
            sheet.row_dimensions[row].height = LINE_HEIGHT * text_lines(text, GUIDANCE_WIDTH)
    fit_to_width(sheet, landscape=False)


GUIDANCE_WIDTH = 110
