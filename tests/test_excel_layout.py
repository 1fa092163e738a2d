"""Sheet layouts (sheet_layout.py) and how xl_plans.excel draws one through xlwings: the
values in one block, text always as text, formats over the fewest ranges."""

from __future__ import annotations

import datetime as dt
from typing import Any

import openpyxl
import pytest
import xlwings as xw
from hypothesis import given
from hypothesis import strategies as st
from xlwings_payload import actions_of, apply_actions, payload

from xl_plans import excel
from xl_plans.excel_layouts import summary_layouts
from xl_plans.sheet_layout import (
    STYLES,
    Cell,
    FontLook,
    Link,
    SheetLayout,
    draw_openpyxl,
    final_look,
    rectangles,
)
from xl_plans.summary_book import Book, HeatMap, Table, write_book

points = st.sets(st.tuples(st.integers(1, 12), st.integers(1, 8)), max_size=60)


@given(points)
def test_rectangles_cover_the_cells_exactly_once(cells: set[tuple[int, int]]) -> None:
    covered = [(row, col) for r0, c0, r1, c1 in rectangles(cells)
               for row in range(r0, r1 + 1) for col in range(c0, c1 + 1)]
    assert sorted(covered) == sorted(cells)  # every cell, none twice, nothing else


@pytest.mark.parametrize(("cells", "boxes"), [
    ({(1, 1), (1, 2), (1, 3)}, [(1, 1, 1, 3)]),  # a row
    ({(2, 2), (3, 2), (4, 2)}, [(2, 2, 4, 2)]),  # a column
    ({(1, 1), (1, 2), (2, 1), (2, 2)}, [(1, 1, 2, 2)]),  # a block
    ({(1, 1), (1, 3)}, [(1, 1, 1, 1), (1, 3, 1, 3)]),  # a gap
    ({(1, 1), (2, 1), (2, 2)}, [(1, 1, 1, 1), (2, 1, 2, 2)]),  # an L
    (set(), []),
])
def test_rectangles(cells: set[tuple[int, int]], boxes: list[tuple[int, ...]]) -> None:
    assert rectangles(cells) == boxes


def test_later_styles_replace_the_font_and_fill_of_earlier_ones() -> None:
    layout = SheetLayout("S")
    cell = layout.put(1, 1, "Amber", "table", "heading", "rag:Amber")
    look = final_look(cell)
    assert look.fill == "FFEB9C"
    assert look.font == FontLook(bold=True, colour="9C5700")  # heading's white is replaced
    assert final_look(layout.put(1, 2, "x")).font is None


def test_styles_are_a_closed_set() -> None:
    with pytest.raises(KeyError, match="no such style"):
        SheetLayout("S").put(1, 1, "x", "sparkly")
    assert {"rag:Green", "band:Very High", "severity:error", "summary:Red"} <= set(STYLES)


def test_a_layout_holds_plain_cell_values() -> None:
    from xl_plans.model import Rag

    layout = SheetLayout("S")
    layout.put(2, 3, Rag.GREEN)
    layout.put(1, 1, dt.date(2024, 3, 31))
    assert layout.grid() == [[dt.date(2024, 3, 31), None, None], [None, None, "Green"]]


def sample() -> SheetLayout:
    layout = SheetLayout("Sample", link_target=None, fit_rows=(2, 3))
    layout.put(1, 1, "Title", "title")
    for col, text in enumerate(("Ref", "Value", "When", "RAG"), start=1):
        layout.put(2, col, text, "heading")
    layout.put(3, 1, "=1+1", "table")  # text that looks like a formula
    layout.put(3, 2, 0.293, "table", number_format="0.0%")
    layout.put(3, 3, dt.date(2024, 3, 31), "table", number_format="dd/mm/yyyy")
    layout.put(3, 4, "Red", "table", "rag:Red")
    layout.put(4, 1, "KPIs!N7", "link", link=Link("'KPIs'!N7"))
    layout.put(4, 2, "1.10", number_format="0.0%")  # text: no number format applies
    return layout


def drawn(layout: SheetLayout) -> list[dict[str, Any]]:
    start = openpyxl.Workbook()
    book = xw.Book(json=payload(start, "x.xlsx"))
    excel.draw(book.sheets[0], layout)
    return actions_of(book)


def test_drawing_in_excel() -> None:
    actions = drawn(sample())
    block = actions[0]
    assert block["func"] == "setValues" and (block["row_count"], block["column_count"]) == (4, 4)
    assert block["values"][2] == ["'=1+1", 0.293, "2024-03-31", "'Red"]  # text as text
    assert [(a["args"][0], a["start_row"], a["start_column"]) for a in actions
            if a["func"] == "setNumberFormat"] == [("0.0%", 2, 1), ("dd/mm/yyyy", 2, 2)]
    fills = [(a["args"][0], a["start_row"], a["column_count"]) for a in actions
             if a["func"] == "setRangeColor"]
    assert fills == [("#1F4E79", 1, 4), ("#FFC7CE", 2, 1)]  # the header row as one range
    [link] = [a for a in actions if a["func"] == "addHyperlink"]
    assert link["args"] == ["#'KPIs'!N7", "KPIs!N7", "Go to 'KPIs'!N7"]
    [fit] = [a for a in actions if a["func"] == "setAutofit"]
    assert (fit["start_row"], fit["row_count"], fit["args"]) == (1, 2, ["columns"])


def test_excel_and_openpyxl_draw_the_same_cells() -> None:
    """The sample drawn into a file and drawn in Excel (actions applied back to a file)."""
    layout = sample()
    file_book = openpyxl.Workbook()
    draw_openpyxl(file_book.active, layout)
    excel_book = openpyxl.Workbook()
    apply_actions(drawn(layout), excel_book)
    for row in range(1, 5):
        for col in range(1, 5):
            ours, theirs = excel_book.active.cell(row, col), file_book.active.cell(row, col)
            assert ours.value == theirs.value or (ours.value, theirs.value) == (
                dt.datetime(2024, 3, 31), dt.date(2024, 3, 31))
            assert ours.fill.fgColor.rgb[-6:] == theirs.fill.fgColor.rgb[-6:]
            assert bool(ours.font.b) == bool(theirs.font.b)
            if theirs.value is not None and not isinstance(theirs.value, str):
                assert ours.number_format == theirs.number_format
    assert excel_book.active["A4"].hyperlink.location == "'KPIs'!N7"


def test_a_cell_never_gets_a_style_name_it_does_not_know() -> None:
    cell = Cell(1, 1, "x")
    with pytest.raises(KeyError):
        cell.wear("heading", "glitter")


def test_summary_sheets_are_placed_as_in_the_summary_file() -> None:
    table = Table(sheet="Risks", title="Risks", columns=("Service", "Residual Band", "Value"),
                  rows=iter([("Parks", "High", 1200), ("Housing", "Low", None)]),
                  coloured=("Residual Band",), formats={"Value": '"£"#,##0'},
                  total_row=("Value",))
    heat = HeatMap(sheet="Risks", title="Heat map", counts={(2, 1): 3},
                   bands={(li, ii): "Low" for li in (1, 2) for ii in (1, 2)}, size=2)
    book = Book(title="Council", subtitle="Q1", built=dt.date(2024, 7, 1), tables=[table],
                heat_maps=[heat])
    [layout] = summary_layouts(book)
    assert layout.grid() == [
        ["Council: Risks", None, None], ["Q1", None, None], [None, None, None],
        ["Heat map", None, None], [None, "Impact 1", "Impact 2"],
        ["Likelihood 2", 3, 0], ["Likelihood 1", 0, 0], [None, None, None],
        ["Service", "Residual Band", "Value"], ["Parks", "High", 1200],
        ["Housing", "Low", None], ["Total", None, 1200]]
    assert layout.cells[(10, 2)].styles == ("summary:High",)
    assert layout.cells[(6, 2)].styles == ("summary:Low",)
    assert layout.cells[(10, 3)].number_format == '"£"#,##0'
    assert layout.cells[(12, 3)].number_format == '"£"#,##0'  # the Total too
    assert layout.fit_rows == (9, 11)


def test_the_ribbon_and_the_file_show_the_same_cells_with_the_same_formats(tmp_path: Any) -> None:
    budget = Table(sheet="Budget", title="Budget", columns=("Service", "Net Budget", "FTE"),
                   rows=[("Parks", 1200.5, 14.73), ("Housing", 800, 2.5)],
                   formats={"Net Budget": '"£"#,##0', "FTE": "0.00"},
                   total_row=("Net Budget", "FTE"), note="A note")
    risks = Table(sheet="Risks", title="Risks", columns=("Service", "Residual Band"),
                  rows=[("Parks", "High")], coloured=("Residual Band",))
    heat = HeatMap(sheet="Risks", title="Heat map", counts={(2, 1): 3},
                   bands={(li, ii): "Low" for li in (1, 2) for ii in (1, 2)}, size=2)

    def book() -> Book:  # rows are read once, so one book each
        return Book(title="Council", subtitle="Q1", built=dt.date(2024, 7, 1),
                    tables=[Table(**{**vars(t), "rows": list(t.rows)}) for t in (budget, risks)],
                    heat_maps=[heat])

    path = write_book(book(), tmp_path / "summary.xlsx")
    written = openpyxl.load_workbook(path)
    for layout in summary_layouts(book()):
        sheet = written[layout.name]
        for (row, col), cell in layout.cells.items():
            theirs = sheet.cell(row=row, column=col)
            assert cell.value == theirs.value, (layout.name, row, col)
            if isinstance(cell.value, int | float):
                assert (cell.number_format or "General") == theirs.number_format, (row, col)
        assert sheet.max_row == max(row for row, _ in layout.cells)


def test_links_to_a_sheet_with_an_apostrophe_are_quoted_as_excel_does() -> None:
    from xl_plans.sheet_layout import Link

    assert Link.to("Bob's KPIs", "N7").location == "'Bob''s KPIs'!N7"
    assert Link.to("KPIs", "A1", display="KPIs!A1") == Link("'KPIs'!A1", "KPIs!A1")
