"""The cell scan behind the fast reader: error cells and formulas with no cached value, found
in a sheet's XML however it is written (calamine shows both as blank)."""

from __future__ import annotations

import gc

import pytest
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from xl_plans.cells import ErrorValue, Uncalculated, _scan_cells

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
