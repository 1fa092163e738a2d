"""The cell scan behind the fast reader: error cells and formulas with no cached value, found
in a sheet's XML however it is written (calamine shows both as blank)."""

from __future__ import annotations

import gc
from io import BytesIO

import pytest
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_plans import cells as cells_module
from xl_plans.cells import (
    MAX_CELLS,
    MAX_ROWS,
    ErrorValue,
    Uncalculated,
    _may_hold_flags,
    _scan_cells,
    far_extent,
    parse_address,
)
from xl_plans.model import column_letter

MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def sheet(cells: str, namespace: str = MAIN, tail: str = "") -> bytes:
    return f'<worksheet {namespace}><sheetData><row r="1">{cells}</row></sheetData>{tail}' \
           f"</worksheet>".encode()


@pytest.mark.parametrize(("xml", "found"), [
    (sheet('<c r="A1" t="e"><v>#DIV/0!</v></c>'), [((0, 0), ErrorValue("#DIV/0!"))]),
    (sheet('<c r="B3" t="e"/>'), [((2, 1), ErrorValue("#N/A"))]),  # no value: #N/A
    (sheet('<c r="A1"><f>SUM(1,2)</f></c>'), [((0, 0), Uncalculated("SUM(1,2)"))]),
    (sheet('<c r="A1"><f>SUM(1,2)</f><v></v></c>'), [((0, 0), Uncalculated("SUM(1,2)"))]),
    (sheet('<c r="A1"><f>SUM(1,2)</f><v>3</v></c>'), []),  # calculated: calamine has it
    (sheet('<c r="A1" t="str"><f>""</f></c>'), []),  # a formula giving empty text
    (sheet('<c r="C1"><f t="shared" si="0"/></c>'), [((0, 2), Uncalculated(""))]),
    # one text the parser hands over in pieces (around entities) is kept whole
    (sheet('<c r="A1"><f>A1&amp;"x"&lt;&gt;B1</f></c>'), [((0, 0), Uncalculated('A1&"x"<>B1'))]),
    # any namespace prefix
    (sheet('<x:c r="AB10" t="e"><x:v>#REF!</x:v></x:c><x:c r="A2"><x:f>1+1</x:f></x:c>',
           'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
     .replace(b"<worksheet", b"<x:worksheet").replace(b"</worksheet", b"</x:worksheet"),
     [((9, 27), ErrorValue("#REF!")), ((1, 0), Uncalculated("1+1"))]),
    # only a cell's own <f> and <v> count: not a <v> inside inline text, nor a data
    # validation's <xm:f> in the extensions
    (sheet('<c r="A1" t="inlineStr"><is><v>9</v></is><f>Y</f></c>',
           tail='<extLst><ext><dv><f>Lists!A1</f></dv></ext></extLst>'),
     [((0, 0), Uncalculated("Y"))]),
    (sheet('<c><f>1+1</f></c>'), []),  # no address: nowhere to put it
    (sheet('<c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c>'), []),
    # malformed for Excel, but read as ElementTree reads it: an element's text ends at its
    # first child, and a cell inside a formula is a cell of its own
    (sheet('<c r="A1"><f>1<x/>2</f></c>'), [((0, 0), Uncalculated("1"))]),
    (sheet('<c r="A1"><f>SUM()</f><v><x/>3</v></c>'), [((0, 0), Uncalculated("SUM()"))]),
    (sheet('<c r="A1"><f><c r="B1"><f>X</f></c></f></c>'),
     [((0, 1), Uncalculated("X")), ((0, 0), Uncalculated(""))]),
])
def test_error_and_uncalculated_cells_are_found(xml: bytes, found: list[object]) -> None:
    assert _scan_cells(xml) == found


@pytest.mark.parametrize(("xml", "error"), [
    (b'<!DOCTYPE x [<!ENTITY a "b">]><worksheet><c r="A1" t="e"><v>&a;</v></c></worksheet>',
     DefusedXmlException),
    (sheet('<c r="A1" t="e"><v>#N/A</v>'), SafeET.ParseError),
    (b"", SafeET.ParseError),
])
def test_entities_and_broken_xml_are_refused(xml: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        _scan_cells(xml)


def test_a_scan_leaves_no_reference_cycles() -> None:
    """Pool workers collect cycles rarely (consolidate.WORKER_GC): a plan with formulas must
    not leave any behind."""
    xml = sheet("".join(f'<c r="A{r}"><f>A{r - 1}+1</f></c>' for r in range(2, 500)))
    _scan_cells(xml)
    gc.collect()
    gc.disable()
    try:
        assert len(_scan_cells(xml)) == 498
        assert gc.collect() == 0
    finally:
        gc.enable()


def element_tree_reading(xml: bytes) -> list[tuple[tuple[int, int], object]]:
    """What the scan must find, as plainly as ElementTree puts it (the reference: it builds
    every element, which the scan is there to avoid)."""
    found: list[tuple[tuple[int, int], object]] = []
    for _event, elem in SafeET.iterparse(BytesIO(xml), events=("end",)):
        if elem.tag.rsplit("}", 1)[-1] != "c" or not elem.get("r"):
            continue
        formula = value = None
        for child in elem:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "f":
                formula = child.text or ""
            elif tag == "v":
                value = child.text
        if elem.get("t", "n") == "e":
            found.append((parse_address(elem.get("r")), ErrorValue(value or "#N/A")))
        elif formula is not None and not value and elem.get("t", "n") != "str":
            found.append((parse_address(elem.get("r")), Uncalculated(formula)))
    return found


PIECES = ["1", "SUM(A1)", "#N/A", " ", "\u00e9", "&amp;", "&lt;", "&#65;", "&#13;", "\r\n",
          "<![CDATA[c<d]]>", "<!-- k -->", "<?pi x?>"]
texts = st.lists(st.sampled_from(PIECES), max_size=3).map("".join)
attributes = st.tuples(st.sampled_from(["", ' r="A1"', ' r="AB10"', ' r="$C$4"', ' r=""']),
                       st.sampled_from(["", ' t="e"', ' t="str"', ' t="s"', ' t="inlineStr"']))
names = st.sampled_from(["c", "c", "x:c", "f", "x:f", "v", "y:v", "is", "t", "cc"])


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda name, attrs, text, kids: f"<{name}{attrs[0]}{attrs[1]}>{text}"
                     f"{''.join(kid + tail for kid, tail in kids)}</{name}>",
                     names, attributes, texts, st.lists(st.tuples(children, texts), max_size=3))


cells = st.recursive(st.builds(lambda name, attrs: f"<{name}{attrs[0]}{attrs[1]}/>",
                               names, attributes), element, max_leaves=12)


@settings(max_examples=400, deadline=None)
@given(st.lists(cells, min_size=1, max_size=4))
def test_the_scan_finds_what_element_tree_finds(row: list[str]) -> None:
    xml = sheet("".join(row), f'{MAIN} xmlns:x="http://schemas.openxmlformats.org/'
                              f'spreadsheetml/2006/main" xmlns:y="urn:other"')
    assert repr(_scan_cells(xml)) == repr(element_tree_reading(xml))


@settings(max_examples=300, deadline=None)
@given(st.lists(cells, min_size=1, max_size=4))
def test_the_quick_look_never_misses_what_the_scan_finds(row: list[str]) -> None:
    """Sheets are only scanned when a quick look at their bytes says they may need it."""
    xml = sheet("".join(row), f'{MAIN} xmlns:x="http://schemas.openxmlformats.org/'
                              f'spreadsheetml/2006/main" xmlns:y="urn:other"')
    if _scan_cells(xml):
        assert _may_hold_flags(xml)


def rows_of(*rows: tuple[str, list[str]]) -> bytes:
    """A sheet with rows (their r) of cells (their r)."""
    return sheet("").replace(b'<row r="1"></row>', "".join(
        f'<row r="{r}">' + "".join(f'<c r="{c}"><v>1</v></c>' for c in cells) + "</row>"
        for r, cells in rows).encode())


@pytest.mark.parametrize(("xml", "extent"), [
    (rows_of(("1", ["A1", "W1"]), ("9999", ["Z9999"])), (0, 0)),  # within A1:Z9999
    (rows_of(("1", ["A1"]), ("50000", ["XFD50000"])), (50_000, 16_384)),
    (rows_of(("3", ["AA3"]), ("40", ["B40"])), (3, 27)),  # 9,999 rows of 27 columns: harmless
    # a column so far out that rows matter: every row is read, and a cell out of its row counts
    # where it says it is
    (rows_of(("3", ["XFD3"]), ("40", ["B40"])), (40, 16_384)),
    (rows_of(("3", ["XFD3", "A9000"])), (9000, 16_384)),
    (rows_of(("123456", [])), (123_456, 0)),  # a row with no cells: rows yet no columns
    (rows_of(("2", ["B12345"])), (12_345, 2)),
    (rows_of(("9", ["xfd9"])), (9, 16_384)),  # calamine reads lower case too
    (rows_of(("9", ["AAAAA9"])), (9, 475_255)),
    (rows_of(("9", ["A" + "9" * 5000])), (10**9, 1)),  # too long to read: past any limit
    (b"<row r='1'><c r='ZZ1'/></row>", (1, 702)),  # either quote
    (rows_of(("1", ["A1"])).replace(b' r="A1"', b""), (0, 0)),  # no references at all
])
@pytest.mark.parametrize("piece", [cells_module._PIECE, 1, 7])
def test_how_far_a_sheet_reaches(xml: bytes, extent: tuple[int, int], piece: int,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The same read a piece at a time, however small: no reference is cut in two."""
    monkeypatch.setattr(cells_module, "_PIECE", piece)
    assert far_extent(xml) == extent


def reference_extent(xml: bytes) -> tuple[int, int]:
    """Rows and columns to the furthest reference, as plainly as ElementTree puts it."""
    rows = cols = 0
    for elem in SafeET.fromstring(xml).iter():
        ref = elem.get("r")
        if ref and elem.tag.rsplit("}", 1)[-1] in ("row", "c"):
            letters = ref.upper().rstrip("0123456789")
            row = int(ref[len(letters):])
            col = parse_address(f"{letters}1")[1] + 1 if letters else 0
            rows, cols = max(rows, row), max(cols, col)
    return rows, cols


def too_large(rows: int, cols: int) -> bool:
    return rows > MAX_ROWS or rows * cols > MAX_CELLS


refs = st.tuples(st.integers(0, 16_383), st.integers(1, 1_048_576)).map(
    lambda ref: f"{column_letter(ref[0])}{ref[1]}")
near = st.tuples(st.integers(0, 25), st.integers(1, 9999)).map(
    lambda ref: f"{column_letter(ref[0])}{ref[1]}")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 200_000), st.lists(near | refs | near, max_size=4)),
                min_size=1, max_size=6), st.booleans())
def test_a_sheet_is_refused_exactly_when_its_grid_is_too_large(
        rows: list[tuple[int, list[str]]], lower: bool) -> None:
    """Whatever the order of rows and cells: a cell need not lie in its row's number."""
    xml = rows_of(*((str(r), cells) for r, cells in rows))
    xml = xml.lower() if lower else xml  # calamine reads "xfd9" as XFD9
    assert too_large(*far_extent(xml)) == too_large(*reference_extent(xml))
