"""The Checks copy: a new workbook with a Checks sheet first, rows linking to the offending
cells, those cells highlighted, macros kept; the officer's file never touched."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from conftest import example, files_in
from libreoffice import convert
from test_validate_codes import CASES, build, good

from xl_plans import schema
from xl_plans.checks_sheet import FILLS, add_checks_sheet, write_checks_copy
from xl_plans.errors import WorkbookError
from xl_plans.saving import SaveError
from xl_plans.validation import Issue, Severity, validate


def case(code: str) -> object:
    return next(c for c in CASES if c.code == code)


@pytest.fixture
def flawed(make_plan: Callable[..., Path]) -> Path:
    """A plan with an error, a warning and a query, two of them on one cell."""
    tables = good()
    tables["KPIs"][0]["Q1"] = "about 40"  # not-a-number (error) at N2
    tables["KPIs"][1]["Q2"] = "50%"  # red-kpi-unexplained (query) at V3
    tables["Risks"][0]["Residual Impact"] = 7  # score-outside-matrix (error) at I2
    tables["Priorities"][0]["% Complete"] = 150  # percent-over-100 (warning) at H2
    return make_plan(tables, "flawed.xlsx")


def test_the_copy_lists_every_issue_and_links_to_its_cell(flawed: Path, tmp_path: Path) -> None:
    report = validate(flawed)
    before = files_in(tmp_path)
    copy = write_checks_copy(flawed, tmp_path / "checked.xlsx")
    assert copy.report == report
    book = openpyxl.load_workbook(copy.path)
    assert book.sheetnames[0] == schema.CHECKS_SHEET and book.active.title == schema.CHECKS_SHEET
    sheet = book[schema.CHECKS_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == schema.CHECKS_HEADERS
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [
        ("Warning", "Priorities!H2", "percent-over-100"),
        ("Error", "KPIs!N2", "not-a-number"),
        ("Query", "KPIs!V3", "red-kpi-unexplained"),
        ("Error", "Risks!I2", "score-outside-matrix"),
    ]
    assert rows[2][3:] == ("Q1", "about 40", report.issues[1].message, report.issues[1].hint)
    links = [sheet.cell(r, 2).hyperlink for r in range(2, 6)]
    assert [link.location for link in links] == [
        "'Priorities'!H2", "'KPIs'!N2", "'KPIs'!V3", "'Risks'!I2"]
    assert book["KPIs"]["N2"].fill.fgColor.rgb.endswith("FFC7CE")  # error
    assert book["KPIs"]["V3"].fill.fgColor.rgb.endswith("DDEBF7")  # query
    assert book["Priorities"]["H2"].fill.fgColor.rgb.endswith("FFEB9C")  # warning
    assert book["KPIs"]["N3"].fill.fill_type is None  # a good cell is left alone
    assert sum(s.sheet_view.tabSelected for s in book.worksheets) == 1  # sheets not grouped
    after = files_in(tmp_path)
    assert after.pop("checked.xlsx")
    assert after == before  # the plan is byte-identical and no temporary file is left


def test_the_worst_severity_colours_a_cell(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Bob's KPIs"
    issues = [Issue(code=code, severity=severity, sheet="Bob's KPIs", cell="C4", message="x.")
              for code, severity in (("cumulative-decreases", Severity.WARNING),
                                     ("not-a-number", Severity.ERROR),
                                     ("red-kpi-unexplained", Severity.QUERY))]
    sheet = add_checks_sheet(book, issues)
    assert book["Bob's KPIs"]["C4"].fill == FILLS[Severity.ERROR]
    assert sheet["B2"].hyperlink.location == "'Bob''s KPIs'!C4"  # apostrophes doubled


def test_text_as_typed_stays_text(make_plan: Callable[..., Path], tmp_path: Path) -> None:
    plan = build(make_plan, case("formula-uncalculated"))
    copy = write_checks_copy(plan, tmp_path / "checked.xlsx")
    sheet = openpyxl.load_workbook(copy.path)[schema.CHECKS_SHEET]
    value = next(row[4] for row in sheet.iter_rows(min_row=2) if row[2].value ==
                 "formula-uncalculated")
    assert (value.value, value.data_type) == ("=SUM(10,20)", "s")


def test_a_plan_with_no_problems_says_so(make_plan: Callable[..., Path], tmp_path: Path) -> None:
    copy = write_checks_copy(build(make_plan), tmp_path / "checked.xlsx")
    rows = list(openpyxl.load_workbook(copy.path)[schema.CHECKS_SHEET].iter_rows(
        values_only=True))
    assert rows[1][0] == "None" and rows[1][5] == "No problems found."


def test_an_old_checks_sheet_is_replaced(flawed: Path, tmp_path: Path) -> None:
    first = write_checks_copy(flawed, tmp_path / "first.xlsx").path
    second = write_checks_copy(first, tmp_path / "second.xlsx").path
    book = openpyxl.load_workbook(second)
    assert book.sheetnames.count(schema.CHECKS_SHEET) == 1
    assert book.sheetnames[0] == schema.CHECKS_SHEET
    assert book[schema.CHECKS_SHEET].max_row == 5  # the same four issues, not eight


def test_the_copy_opens_in_libreoffice(flawed: Path, tmp_path: Path) -> None:
    copy = write_checks_copy(flawed, tmp_path / "checked.xlsx").path
    csv = convert(copy, "csv", tmp_path / "csv")  # the first sheet: Checks
    text = csv.read_text(encoding="utf-8", errors="replace")
    assert text.splitlines()[0] == ",".join(schema.CHECKS_HEADERS)
    assert "KPIs!N2,not-a-number" in text
    resaved = convert(copy, "xlsx", tmp_path / "lo")
    sheet = openpyxl.load_workbook(resaved)[schema.CHECKS_SHEET]
    assert sheet["B3"].hyperlink.location == "'KPIs'!N2"  # the link survives LibreOffice


def _as_xlsm(plan: Path, target: Path) -> bytes:
    """`plan` turned into a macro-enabled workbook holding a VBA project part."""
    vba = b"\xcc\x61VBA project stand-in " + bytes(range(256))
    with zipfile.ZipFile(plan) as source, zipfile.ZipFile(target, "w",
                                                          zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                data = data.replace(b"</Types>", b'<Default Extension="bin" ContentType='
                                    b'"application/vnd.ms-office.vbaProject"/></Types>')
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdVba" Type="'
                                    b'http://schemas.microsoft.com/office/2006/relationships/'
                                    b'vbaProject" Target="vbaProject.bin"/></Relationships>')
            out.writestr(info, data)
        out.writestr("xl/vbaProject.bin", vba)
    return vba


def test_an_xlsm_copy_keeps_its_macros(flawed: Path, tmp_path: Path) -> None:
    xlsm = tmp_path / "macros.xlsm"
    vba = _as_xlsm(flawed, xlsm)
    original = xlsm.read_bytes()
    with pytest.raises(SaveError, match=r"checked\.xlsm"):
        write_checks_copy(xlsm, tmp_path / "checked.xlsx")
    copy = write_checks_copy(xlsm, tmp_path / "checked.xlsm").path
    with zipfile.ZipFile(copy) as archive:
        assert archive.read("xl/vbaProject.bin") == vba
        assert b"macroEnabled" in archive.read("[Content_Types].xml")
    assert xlsm.read_bytes() == original
    assert openpyxl.load_workbook(copy).sheetnames[0] == schema.CHECKS_SHEET


def test_the_plan_itself_is_never_the_target(flawed: Path) -> None:
    original = flawed.read_bytes()
    with pytest.raises(SaveError, match="new file"):
        write_checks_copy(flawed, flawed, overwrite=True)
    assert flawed.read_bytes() == original


def test_an_unreadable_plan_gives_no_copy(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(WorkbookError) as caught:
        write_checks_copy(empty, tmp_path / "copy.xlsx")
    assert caught.value.code == "file-empty"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.xlsx"]


def test_an_example_copy_keeps_every_sheet(tmp_path: Path) -> None:
    source = example("three_rivers_housing_2022_25")
    copy = write_checks_copy(source, tmp_path / "copy.xlsx")
    book = openpyxl.load_workbook(copy.path)
    assert book.sheetnames[1:] == openpyxl.load_workbook(source).sheetnames
    assert copy.dropped == []


def test_a_copy_of_a_template_is_a_workbook(flawed: Path, tmp_path: Path) -> None:
    """openpyxl keeps a template's (.xltx) flag, which gave the .xlsx copy a template's
    content type: Excel refuses to open such a file."""
    template = tmp_path / "plan template.xltx"
    book = openpyxl.load_workbook(flawed)
    book.template = True
    book.save(template)
    with zipfile.ZipFile(template) as archive:
        assert b"template.main+xml" in archive.read("[Content_Types].xml")
    copy = write_checks_copy(template, tmp_path / "checked.xlsx").path
    with zipfile.ZipFile(copy) as archive:
        types = archive.read("[Content_Types].xml")
    assert b"spreadsheetml.sheet.main+xml" in types and b"template" not in types
    assert convert(copy, "csv", tmp_path / "csv").read_bytes().startswith(b"Severity,")


def test_an_officers_checks_sheet_in_any_case_is_never_replaced(flawed: Path,
                                                                tmp_path: Path) -> None:
    book = openpyxl.load_workbook(flawed)
    book.create_sheet("checks", 0)["A1"] = "Checked by J. Smith"
    book.save(flawed)
    with pytest.raises(SaveError, match="already has a sheet named 'checks' that xl_plans did "
                                        "not write"):
        write_checks_copy(flawed, tmp_path / "checked.xlsx")
    assert not (tmp_path / "checked.xlsx").exists()
