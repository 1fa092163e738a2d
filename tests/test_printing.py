"""The workbooks as a committee member reads them on paper: the council summary printed at a
readable size (measured in LibreOffice's PDF), with no figure shown as ### and nothing cut
off; the Status and Checks sheets set up to print (A4 landscape, fit to width, repeated
headers, page numbers)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from libreoffice import convert
from test_consolidate import plan_tables, two_matrix_folder

from xl_plans.checks_sheet import write_checks_copy
from xl_plans.consolidate import COLUMNS, consolidate
from xl_plans.council_summary import write_summary
from xl_plans.policy import default_policy
from xl_plans.reader import read_plan
from xl_plans.status import plan_status
from xl_plans.status_sheet import write_status_file
from xl_plans.summary_book import (
    PRINTED_POINTS,
    Book,
    HeatMap,
    Table,
    paper_for,
    shown_length,
    write_book,
)

AS_OF = dt.date(2023, 8, 15)
EXAMPLES = Path(__file__).parent.parent / "workbooks" / "examples"


def printed_sizes(pdf: Path) -> list[float]:
    """The size most text on each page of a LibreOffice PDF prints at (its body text), read
    from the pages' font operators ("/F1 7.4 Tf": LibreOffice writes the size shrunk)."""
    data = pdf.read_bytes()
    sizes = []
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            page = zlib.decompress(data[match.end():data.find(b"endstream", match.end())])
        except zlib.error:
            continue
        counts = Counter(float(size) for size in re.findall(rb"/F\d+ ([\d.]+) Tf", page))
        if counts:
            sizes.append(counts.most_common(1)[0][0])
    return sizes


def widths(sheet: Any) -> dict[int, float]:
    return {col: d.width for d in sheet.column_dimensions.values()
            for col in range(d.min, d.max + 1)}


def test_the_summary_prints_at_a_readable_size_without_provenance(tmp_path: Path) -> None:
    out = write_summary(consolidate([EXAMPLES], "Q1", year="2022/23",
                                    today=dt.date(2022, 8, 12)), tmp_path / "c.xlsx")
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.paperSize in ("9", "8", 9, 8)  # A4, or A3 for wide ones
        assert sheet.oddFooter.right.text == "Page &P of &N"
    # File, Sheet and Cell stay on screen, off paper; the footer says so.
    kpis = book["KPIs"]
    last = openpyxl.utils.get_column_letter(COLUMNS["KPIs"].index("Corrective Action") + 1)
    assert kpis.print_area is not None and f"$A$1:${last}$" in kpis.print_area
    assert "File, Sheet, Cell" in kpis.oddFooter.center.text
    assert not book["Budget by Directorate"].print_area  # no provenance: all printed
    sizes = printed_sizes(convert(out, "pdf", tmp_path))
    # Measured with whatever font LibreOffice has for Calibri (here DejaVu Sans, a third
    # wider): KPIs' 22 printed columns print smallest, the rest at PRINTED_POINTS or more.
    assert min(sizes) >= 5.5, sizes
    assert sorted(sizes)[len(sizes) // 3] >= PRINTED_POINTS, sizes


def test_paper_is_a3_only_for_tables_too_wide_for_a4() -> None:
    assert paper_for([20] * 5) == (9, 11.0)
    paper, points = paper_for([20] * 10)
    assert paper == 8 and points >= PRINTED_POINTS


def test_budget_figures_at_council_sizes_never_show_hashes(make_plan: Callable[..., Path],
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for n, name in enumerate(("Neighbourhoods and Investment Programmes", "Waste", "Parks")):
        tables = plan_tables(name, "Environment and Community Services", 25_123_456.78 + n,
                             24_987_654.32 + n, 1234.5)
        shutil.move(make_plan(tables, f"plan_{n}.xlsx"), folder)
    out = write_summary(consolidate([folder], "Q2", today=AS_OF), tmp_path / "c.xlsx")
    sheet = openpyxl.load_workbook(out)["Budget"]
    names = [c.value for c in sheet[4]]
    total = next(row for row in sheet.iter_rows(min_row=5) if row[0].value == "Total")
    for name in ("Gross Budget", "Net Budget"):
        col = names.index(name)
        shown = shown_length('"£"#,##0.00', total[col].value)  # £74,962,965.96: 14 long
        assert shown == 14
        assert widths(sheet)[col + 1] >= 1.1 * shown + 2  # bold


def test_text_wraps_in_every_printed_column_and_rows_grow(make_plan: Callable[..., Path],
                                                          tmp_path: Path) -> None:
    out = write_summary(consolidate([two_matrix_folder(make_plan, tmp_path)], "Q2",
                                    today=AS_OF), tmp_path / "c.xlsx")
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        names = [c.value for c in sheet[sheet.print_title_rows.split(":")[0].strip("$")]]
        printed = names.index("File") if names[-1] == "File" or "Sheet" in names else len(names)
        for row in sheet.iter_rows(min_row=int(sheet.print_title_rows.split(":")[0]
                                               .strip("$")) + 1):
            for cell in row[:printed]:
                if isinstance(cell.value, str) and cell.value != "Total":
                    assert cell.alignment.wrap_text, (sheet.title, cell.coordinate)


def test_the_heat_map_has_equal_impact_columns_a_whole_title_and_frees_the_window(
        tmp_path: Path) -> None:
    table = Table(sheet="Risks", title="Risks",
                  columns=("Service", "Ref", "Risk", "Owner", "Status", "Matrix", "A", "B"),
                  rows=[("Parks", "R1", "A long risk " * 5, "Me", "Open", "4x4", 1, 2)],
                  widths={"Risk": 30, "Status": 14, "Matrix": 11, "A": 11, "B": 11})
    heat = HeatMap(sheet="Risks", title="Council heat map (3x3 matrix): open risks",
                   counts={(1, 1): 2}, bands={}, size=3, left=4)
    path = write_book(Book(title="C", subtitle="Q1", built=AS_OF, tables=[table],
                           heat_maps=[heat]), tmp_path / "s.xlsx")
    sheet = openpyxl.load_workbook(path)["Risks"]
    assert sheet["E4"].value == heat.title and "E4:H4" in sheet.merged_cells
    assert not sheet["E4"].alignment.wrap_text  # one line, never cut top and bottom
    assert sheet["F5"].value == "Impact 1"
    assert len({widths(sheet)[col] for col in (6, 7, 8)}) == 1
    assert sheet.freeze_panes is None  # the maps are not frozen over the window


def test_the_status_sheet_prints_on_a4_with_headers_and_page_numbers(tmp_path: Path) -> None:
    plan = EXAMPLES / "sefton_neighbourhoods_2010_11.xlsx"
    status = plan_status(read_plan(plan), "Q2", default_policy(), dt.date(2010, 11, 15))
    out = write_status_file(status, plan, tmp_path / "status.xlsx")
    sheet = openpyxl.load_workbook(out)["Status"]
    setup = sheet.page_setup
    assert (setup.orientation, str(setup.paperSize), setup.fitToWidth) == ("landscape", "9", 1)
    assert sheet.print_title_rows == "$1:$2"
    assert sheet.oddFooter.right.text == "Page &P of &N"
    assert sheet.row_breaks.brk  # each section with a table starts a page
    assert all(c.font.name == "Calibri" for row in sheet.iter_rows() for c in row if c.value)
    # A long outcome is not cut at 12 lines.
    assert max(d.height or 0 for d in sheet.row_dimensions.values()) <= 409
    # Printed through the Reason: the Cells links stay on screen, and the footer says so.
    assert sheet.print_area.endswith(f"$A$1:$I${sheet.max_row}")
    assert sheet.oddFooter.center.text == "Cells: in the workbook, not printed"
    # Its nine printed columns print at 6.5 points where LibreOffice measures them in DejaVu
    # Sans (no Calibri or Carlito), about 8.5 with Calibri (all ten, wider: 4.6 and 6).
    pdf = convert(out, "pdf", tmp_path)
    assert min(printed_sizes(pdf)) >= 6.4, printed_sizes(pdf)


def test_the_checks_sheet_prints_landscape_with_its_title(tmp_path: Path) -> None:
    plan = EXAMPLES / "three_rivers_housing_2022_25.xlsx"
    copy = write_checks_copy(plan, tmp_path / "checks.xlsx")
    sheet = openpyxl.load_workbook(copy.path)["Checks"]
    assert (sheet.page_setup.orientation, str(sheet.page_setup.paperSize)) == ("landscape", "9")
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.oddHeader.left.text.startswith("Checks of three_rivers_housing_2022_25.xlsx")
    assert sheet.oddFooter.right.text == "Page &P of &N"
    assert sheet["A1"].font.name == "Calibri"


@pytest.mark.parametrize("fmt, value, shown", [
    ('"£"#,##0.00', 25_123_456.78, "£25,123,456.78"), ("0.00", 14.734, "14.73"),
    ("0.0%", 0.293, "29.3%"), ("0%", 1, "100%"), ("General", 1172.5, "1172.5"),
    ("dd/mm/yyyy", 45000, "01/03/2023"), ('"Yes";"Yes";"No"', 1, "Yes"),
])
def test_shown_length_counts_what_the_format_shows(fmt: str, value: float, shown: str) -> None:
    assert shown_length(fmt, value) == len(shown)
