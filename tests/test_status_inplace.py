"""Writing into the plan itself: refused when anything would be lost; otherwise backed up,
checked, and saved atomically, with macros kept byte for byte."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import stat
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from click.testing import CliRunner
from conftest import files_in
from libreoffice import convert
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.workbook.protection import WorkbookProtection
from PIL import Image as PILImage
from test_saving import nearly_full_disk

from xl_plans import schema
from xl_plans.cli import main
from xl_plans.errors import WorkbookError
from xl_plans.inplace import (
    BACKUP_FOLDER,
    InPlaceRefused,
    lossy_features,
    write_in_place,
)
from xl_plans.policy import default_policy
from xl_plans.reader import read_plan
from xl_plans.saving import Fingerprint, SaveError
from xl_plans.status import plan_status
from xl_plans.status_sheet import write_status_in_place

TABLES: dict[str, Any] = {
    "Plan": {"Council": "Test Council", "Service": "Parks", "Plan Year": "2023/24",
             "Reporting Quarter": "Q1"},
    "KPIs": [{"Ref": "K1", "Indicator": "Parks visits", "Polarity": "Higher is better",
              "Measure": "Cumulative", "Unit": "Number", "Annual Target": 1000, "Q1": 260}],
    "Risks": [{"Ref": "R1", "Risk": "Storm damage", "Residual Likelihood": 3,
               "Residual Impact": 4}],
}
VBA = bytes(range(256)) * 20  # stands in for a compiled VBA project: any bytes must survive


@pytest.fixture
def plan(make_plan: Callable[..., Path]) -> Path:
    return make_plan(TABLES)


def refused_in_place(path: Path, folder: Path) -> str:
    """`status --in-place` on `path`, refused (exit code 2), leaving every file in `folder`
    byte-identical with no backup or temporary file added: its output, for the message."""
    before = files_in(folder)
    result = CliRunner().invoke(main, ["status", str(path), "--in-place", "--as-of",
                                       "2023-08-01"])
    assert result.exit_code == 2, result.output
    assert files_in(folder) == before
    return result.output


def chart_and_image(path: Path) -> Path:
    """Add a bar chart and a picture to a plan, as an officer might."""
    book = openpyxl.load_workbook(path)
    sheet = book["KPIs"]
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=14, min_row=1, max_row=2), titles_from_data=True)
    sheet.add_chart(chart, "Z2")
    picture = path.with_name("logo.png")
    PILImage.new("RGB", (8, 8), "green").save(picture)
    sheet.add_image(Image(str(picture)), "Z20")
    book.save(path)
    picture.unlink()
    return path


def rebuilt(path: Path, target: Path, change: Callable[[str, bytes], bytes] = lambda n, d: d,
            add: dict[str, bytes] | None = None) -> Path:
    """A copy of a workbook's zip with parts changed or added."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w",
                                                          zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info, change(info.filename, source.read(info.filename)))
        for name, data in (add or {}).items():
            out.writestr(name, data)
    return target


def as_xlsm(path: Path, target: Path) -> Path:
    """The plan as a macro workbook with a VBA project."""

    def change(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            data = data.replace(
                b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            return data.replace(b"</Types>", b'<Default Extension="bin" ContentType='
                                b'"application/vnd.ms-office.vbaProject"/></Types>')
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(b"</Relationships>", b'<Relationship Id="rIdVba" Type='
                                b'"http://schemas.microsoft.com/office/2006/relationships/'
                                b'vbaProject" Target="vbaProject.bin"/></Relationships>')
        return data

    return rebuilt(path, target, change, {"xl/vbaProject.bin": VBA})


def status_for(path: Path) -> Any:
    return plan_status(read_plan(path), "Q1", default_policy(), dt.date(2023, 8, 1))


# --------------------------------------------------------------------------- detection


def test_a_plan_made_by_the_template_is_safe(plan: Path) -> None:
    assert lossy_features(plan) == []


PARTS = [
    # (part added, its bytes, the feature named)
    ("xl/charts/chart1.xml", b"<c:chartSpace/>", "charts"),
    ("xl/chartsheets/sheet1.xml", b"<chartsheet/>", "chart sheets"),
    ("xl/media/image1.png", b"\x89PNG", "pictures or other media"),
    ("xl/drawings/drawing1.xml", b"<xdr:wsDr><xdr:twoCellAnchor><xdr:sp macro=''>"
     b"<xdr:txBody/></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>", "shapes or text boxes"),
    ("xl/diagrams/data1.xml", b"<dgm:dataModel/>", "SmartArt"),
    ("xl/threadedComments/threadedComment1.xml", b"<ThreadedComments/>", "threaded comments"),
    ("xl/comments1.xml", b"<comments/>",
     "notes (cell comments: their size and position would be reset)"),
    ("xl/slicers/slicer1.xml", b"<slicers/>", "slicers"),
    ("xl/slicerCaches/slicerCache1.xml", b"<slicerCacheDefinition/>", "slicers"),
    ("xl/timelines/timeline1.xml", b"<timelines/>", "timelines"),
    ("xl/ctrlProps/ctrlProp1.xml", b"<formControlPr/>",
     "form controls (buttons, check boxes, lists)"),
    ("xl/activeX/activeX1.xml", b"<ax:ocx/>", "ActiveX controls"),
    ("xl/embeddings/oleObject1.bin", b"\xd0\xcf", "embedded objects"),
    ("xl/richData/rdrichvalue.xml", b"<rvData/>", "pictures in cells"),
    ("xl/featurePropertyBag/featurePropertyBag.xml", b"<FeaturePropertyBags/>",
     "check boxes in cells"),
    ("xl/metadata.xml", b"<metadata/>", "dynamic array formulas or cell metadata"),
    ("xl/model/item.data", b"\x00", "a data model (Power Pivot)"),
    ("xl/connections.xml", b"<connections/>", "data connections or queries"),
    ("xl/queryTables/queryTable1.xml", b"<queryTable/>", "data connections or queries"),
    ("xl/webextensions/webextension1.xml", b"<we:webextension/>", "Office add-in parts"),
    ("customXml/item1.xml", b"<root/>", "custom XML parts"),
    ("customUI/customUI14.xml", b"<customUI/>", "a custom ribbon (customUI)"),
    ("xl/printerSettings/printerSettings1.bin", b"\x00", "printer settings"),
    ("xl/vbaProject.bin", VBA, "macros (the file is not .xlsm, so they would be dropped)"),
]


@pytest.mark.parametrize(("name", "data", "feature"), PARTS, ids=[p[0] for p in PARTS])
def test_parts_that_would_be_lost(plan: Path, tmp_path: Path, name: str, data: bytes,
                                  feature: str) -> None:
    target = rebuilt(plan, tmp_path / "with.xlsx", add={name: data})
    assert lossy_features(target) == [feature]


def test_a_drawing_holding_only_a_chart_frame_is_not_a_shape(plan: Path,
                                                             tmp_path: Path) -> None:
    drawing = b"<xdr:wsDr><xdr:twoCellAnchor><xdr:graphicFrame/></xdr:twoCellAnchor></xdr:wsDr>"
    target = rebuilt(plan, tmp_path / "frame.xlsx", add={"xl/drawings/drawing1.xml": drawing})
    assert lossy_features(target) == []


X14 = b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"'
SHEET_XML = [
    # (XML added to the KPIs sheet, the feature named)
    (b"<extLst><ext " + X14 + b"><x14:dataValidations count='1'/></ext></extLst>",
     "dropdowns that refer to other sheets (Excel 2010 data validation) (in KPIs)"),
    (b"<extLst><ext " + X14 + b"><x14:conditionalFormattings/></ext></extLst>",
     "data bars, icon sets or other newer conditional formats (in KPIs)"),
    (b"<extLst><ext " + X14 + b"><x14:sparklineGroups/></ext></extLst>", "sparklines (in KPIs)"),
    (b"<extLst><ext uri='{something}'/></extLst>", "other Excel extensions (in KPIs)"),
    (b"<customSheetViews><customSheetView guid='{1}'/></customSheetViews>",
     "custom views (in KPIs)"),
    (b"<ignoredErrors><ignoredError sqref='A1' numberStoredAsText='1'/></ignoredErrors>",
     "ignored-error markers (Excel's green triangles would come back) (in KPIs)"),
]


@pytest.mark.parametrize(("xml", "feature"), SHEET_XML)
def test_sheet_content_that_would_be_lost(plan: Path, tmp_path: Path, xml: bytes,
                                          feature: str) -> None:
    kpis = f"xl/worksheets/sheet{[*schema.SHEETS_BY_NAME].index('KPIs') + 2}.xml"

    def change(name: str, data: bytes) -> bytes:
        return data.replace(b"</worksheet>", xml + b"</worksheet>") if name == kpis else data

    assert lossy_features(rebuilt(plan, tmp_path / "x14.xlsx", change)) == [feature]


def test_real_features_made_by_spreadsheet_libraries(plan: Path, tmp_path: Path) -> None:
    assert lossy_features(chart_and_image(plan)) == ["charts", "pictures or other media"]

    book = openpyxl.load_workbook(plan)
    book["Budget"]["B2"] = "=SUM(1,2)"
    book["KPIs"]["A2"].comment = Comment("Check this", "Officer")
    book.save(tmp_path / "formula.xlsx")
    assert lossy_features(tmp_path / "formula.xlsx") == [
        "charts", "pictures or other media",
        "notes (cell comments: their size and position would be reset)",
        "formulas (their saved results would be erased, so the plan would need recalculating "
        "in Excel before other tools could read it) (in Budget)"]

    shapes = tmp_path / "shapes.xlsx"
    with xlsxwriter.Workbook(shapes) as xbook:
        xbook.add_worksheet("Plan").insert_textbox("B2", "Read me first")
    assert lossy_features(shapes) == ["shapes or text boxes"]


def test_files_that_are_not_workbooks_are_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(WorkbookError) as caught:
        lossy_features(empty)
    assert caught.value.code == "file-empty"


# --------------------------------------------------------------------------- the command


def test_chart_and_image_plan_status_goes_to_a_new_file(plan: Path) -> None:
    chart_and_image(plan)
    original = plan.read_bytes()
    result = CliRunner().invoke(main, ["status", str(plan), "--as-of", "2023-08-01"])
    assert result.exit_code == 0, result.output
    assert plan.read_bytes() == original
    out = plan.with_name("plan - Status Q1.xlsx")
    assert schema.STATUS_SHEET in openpyxl.load_workbook(out).sheetnames


def test_chart_and_image_plan_in_place_is_refused(plan: Path) -> None:
    chart_and_image(plan)
    output = refused_in_place(plan, plan.parent)  # byte-identical, no backup, no temporary file
    assert ("plan.xlsx was not changed: writing into it would lose charts; pictures or other "
            "media. Write the result to a new file instead (leave out --in-place).") \
        in output


def test_in_place_on_a_safe_plan(plan: Path) -> None:
    os.chmod(plan, 0o644)
    original = plan.read_bytes()
    content = read_plan(plan).content()
    result = CliRunner().invoke(main, ["status", str(plan), "--in-place", "--as-of",
                                       "2023-08-01"])
    assert result.exit_code == 0, result.output
    assert "Added the Status sheet to" in result.output
    (backup,) = (plan.parent / BACKUP_FOLDER).iterdir()
    assert backup.read_bytes() == original
    book = openpyxl.load_workbook(plan)
    assert book.sheetnames[-1] == schema.STATUS_SHEET
    assert read_plan(plan).content() == content  # the officer's data is as it was
    assert lossy_features(plan) == []
    assert stat.S_IMODE(plan.stat().st_mode) == 0o644
    assert sorted(p.name for p in plan.parent.iterdir()) == [BACKUP_FOLDER, plan.name]

    again = CliRunner().invoke(main, ["status", str(plan), "--in-place"])
    assert again.exit_code == 0, again.output
    assert openpyxl.load_workbook(plan).sheetnames.count(schema.STATUS_SHEET) == 1
    assert len(list((plan.parent / BACKUP_FOLDER).iterdir())) == 2


def test_macros_are_kept_byte_for_byte(plan: Path, tmp_path: Path) -> None:
    macro = as_xlsm(plan, tmp_path / "macro.xlsm")
    assert lossy_features(macro) == []
    result = write_status_in_place(status_for(macro), macro, Fingerprint.of(macro))
    assert result.backup.exists()
    with zipfile.ZipFile(macro) as archive:
        assert archive.read("xl/vbaProject.bin") == VBA
        assert b"macroEnabled" in archive.read("[Content_Types].xml")
        assert schema.STATUS_SHEET.encode() in archive.read("xl/workbook.xml")


# --------------------------------------------------------------------------- refusals


def test_refused_when_the_file_changed_since_it_was_read(plan: Path) -> None:
    read_at = Fingerprint.of(plan)
    book = openpyxl.load_workbook(plan)
    book["KPIs"]["N2"] = 300  # someone else saves a new figure
    book.save(plan)
    theirs = files_in(plan.parent)
    with pytest.raises(SaveError, match="has changed since it was read"):
        write_status_in_place(status_for(plan), plan, read_at)
    assert files_in(plan.parent) == theirs


def test_refused_when_the_file_changes_during_the_save(plan: Path) -> None:
    def someone_saves(_: Path) -> None:
        plan.write_bytes(plan.read_bytes() + b"\0")

    with pytest.raises(SaveError, match="has changed since it was read"):
        write_in_place(plan, lambda book: book.create_sheet("Status"),
                       verify=someone_saves)
    assert sorted(p.name for p in plan.parent.iterdir()) == [plan.name]


def test_refused_by_the_callers_check(plan: Path) -> None:
    before = files_in(plan.parent)

    def refuse(_: Path) -> None:
        raise SaveError("not today")

    with pytest.raises(SaveError, match="not today"):
        write_in_place(plan, lambda book: book.create_sheet("Status"), verify=refuse)
    assert files_in(plan.parent) == before


def test_an_edit_that_fails_leaves_the_plan_alone(plan: Path) -> None:
    before = files_in(plan.parent)

    def broken(book: Any) -> None:
        raise RuntimeError("bug in a writer")

    with pytest.raises(RuntimeError):
        write_in_place(plan, broken)
    assert files_in(plan.parent) == before


def test_refusal_lists_every_feature(plan: Path, tmp_path: Path) -> None:
    target = rebuilt(chart_and_image(plan), tmp_path / "busy.xlsx",
                     add={"xl/threadedComments/t1.xml": b"<x/>", "xl/slicers/s1.xml": b"<x/>"})
    before = files_in(tmp_path)
    with pytest.raises(InPlaceRefused) as caught:
        write_in_place(target, lambda book: None)
    assert caught.value.reasons == ["charts", "pictures or other media", "threaded comments",
                                    "slicers"]
    assert files_in(tmp_path) == before


# --------------------------------------------------------------------------- protection


def with_workbook_xml(plan: Path, target: Path, before: bytes, xml: bytes) -> Path:
    """A copy of the plan with `xml` put into its workbook part just before `before`."""
    def change(name: str, data: bytes) -> bytes:
        return data.replace(before, xml + before, 1) if name == "xl/workbook.xml" else data

    return rebuilt(plan, target, change)


PROTECTION = [
    # (part, XML inserted, before what, the feature named)
    ("xl/workbook.xml", b'<fileSharing readOnlyRecommended="1" userName="Performance" '
     b'algorithmName="SHA-512" hashValue="Zm9v" saltValue="c2FsdA==" spinCount="100000"/>',
     b"<workbookPr", "its protection settings: read-only recommended, or a password to modify "
     "(File > Save As > Tools > General Options)"),
    ("xl/workbook.xml", b'<customWorkbookViews><customWorkbookView name="Print" '
     b'guid="{6F9619FF-8B86-D011-B42D-00C04FC964FF}" windowWidth="800" windowHeight="600" '
     b'activeSheetId="1"/>'
     b"</customWorkbookViews>", b"<calcPr", "custom views"),
    ("docProps/app.xml", b"<Manager>Jane Smith</Manager><Company>Hart District Council"
     b"</Company><HyperlinkBase>\\\\hart\\plans\\</HyperlinkBase>", b"</Properties>",
     "document properties (Manager, Company, Hyperlink base)"),
    ("KPIs", b'<protectedRanges><protectedRange sqref="N2:Q20" name="Actuals"/>'
     b"</protectedRanges>", b"<pageMargins",
     "ranges users may edit in the protected sheet (Review > Allow Users to Edit Ranges) "
     "(in KPIs)"),
]


@pytest.mark.parametrize(("part", "xml", "before", "feature"), PROTECTION,
                         ids=[p[3][:30] for p in PROTECTION])
def test_settings_openpyxl_would_not_write_back(plan: Path, tmp_path: Path, part: str,
                                               xml: bytes, before: bytes, feature: str) -> None:
    if part == "KPIs":
        part = f"xl/worksheets/sheet{[*schema.SHEETS_BY_NAME].index('KPIs') + 2}.xml"

    def change(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        assert before in data
        return data.replace(before, xml + before, 1)

    target = rebuilt(plan, tmp_path / "protected.xlsx", change)
    assert lossy_features(target) == [feature]
    # What is named is really lost: openpyxl's save writes none of it back.
    book = openpyxl.load_workbook(target)
    book.save(tmp_path / "resaved.xlsx")
    first_element = xml[:xml.index(b">")].split()[0].rstrip(b"/")  # b"<fileSharing"
    with zipfile.ZipFile(tmp_path / "resaved.xlsx") as resaved:
        assert first_element not in resaved.read(part)


def test_a_password_to_modify_is_refused_by_the_command(plan: Path, tmp_path: Path) -> None:
    target = with_workbook_xml(plan, tmp_path / "shared.xlsx", b"<workbookPr",
                               b'<fileSharing readOnlyRecommended="1"/>')
    output = refused_in_place(target, tmp_path)
    assert ("shared.xlsx was not changed: writing into it would lose its protection settings: "
            "read-only recommended") in output


def test_a_workbook_whose_structure_is_protected_gets_no_sheet(plan: Path) -> None:
    book = openpyxl.load_workbook(plan)
    book.security = WorkbookProtection(lockStructure=True)  # Review > Protect Workbook
    book.save(plan)
    assert lossy_features(plan) == []  # nothing would be lost: Excel's rule refuses it
    output = refused_in_place(plan, plan.parent)
    assert ("plan.xlsx was not changed: its structure is protected (Review > Protect "
            "Workbook), so no sheet may be added to it.") in output


# --------------------------------------------------------------------------- merged cells


def with_hidden_merged_text(plan: Path, target: Path, cells: bytes) -> Path:
    """The plan with KPIs!AA2:AB2 merged and `cells` (XML) added to row 2: a sheet as
    LibreOffice saves one whose merged cells hold text beyond the first."""
    kpis = f"xl/worksheets/sheet{[*schema.SHEETS_BY_NAME].index('KPIs') + 2}.xml"

    def change(name: str, data: bytes) -> bytes:
        if name != kpis:
            return data
        row2 = data.index(b"</row>", data.index(b'<row r="2"'))
        data = data[:row2] + cells + data[row2:]
        if b"<mergeCells" in data:
            return data.replace(b"</mergeCells>", b'<mergeCell ref="AA2:AB2"/></mergeCells>')
        return data.replace(b"</sheetData>", b'</sheetData><mergeCells count="1">'
                            b'<mergeCell ref="AA2:AB2"/></mergeCells>')

    return rebuilt(plan, target, change)


def test_text_hidden_in_merged_cells_is_named(plan: Path, tmp_path: Path) -> None:
    target = with_hidden_merged_text(plan, tmp_path / "merged.xlsx", (
        b'<c r="AA2" t="inlineStr"><is><t>Shown</t></is></c>'
        b'<c r="AB2" t="inlineStr"><is><t>Officer note under the merge</t></is></c>'))
    hidden = ("text hidden in merged cells (Excel shows only the first cell of a merge; the "
              "rest would be deleted) (in KPIs!AB2)")
    assert lossy_features(target) == [hidden]
    output = refused_in_place(target, tmp_path)
    assert hidden in output
    # LibreOffice keeps the hidden text; openpyxl would drop it.
    resaved = convert(target, "xlsx", tmp_path / "lo")
    assert b"Officer note under the merge" in zipfile.ZipFile(resaved).read(
        "xl/sharedStrings.xml")
    assert lossy_features(resaved) == [hidden]


def test_merged_cells_without_hidden_text_are_safe(plan: Path, tmp_path: Path) -> None:
    # A value in the first cell only; blank and empty-text cells in the rest; cells with no
    # "r" (allowed: each follows the one before) still placed right.
    target = with_hidden_merged_text(plan, tmp_path / "merged.xlsx", (
        b'<c r="AA2" t="inlineStr"><is><t>Shown</t></is></c><c s="0"/>'))
    assert lossy_features(target) == []
    numbered = with_hidden_merged_text(plan, tmp_path / "unnumbered.xlsx", (
        b'<c r="AA2" t="inlineStr"><is><t>Shown</t></is></c><c><v>42</v></c>'))
    assert lossy_features(numbered) == [
        "text hidden in merged cells (Excel shows only the first cell of a merge; the rest "
        "would be deleted) (in KPIs!AB2)"]
    book = openpyxl.load_workbook(plan)
    book["KPIs"]["AA5"] = "A merged heading"
    book["KPIs"].merge_cells("AA5:AD7")
    book.save(plan)
    assert lossy_features(plan) == []


# --------------------------------------------------------------------------- the file itself


def test_a_backup_that_cannot_be_made_leaves_nothing(plan: Path, tmp_path: Path) -> None:
    # Room for the plan, not for its backup as well.
    with nearly_full_disk(tmp_path / "disk", free=4096, holding={"plan.xlsx": plan}) as disk:
        target = disk / "plan.xlsx"
        output = refused_in_place(target, disk)  # no part-written "backup", no backup folder
        assert (f"plan.xlsx was not changed: its backup could not be made in "
                f"{disk / BACKUP_FOLDER} (No space left on device).") in output
        assert not (disk / BACKUP_FOLDER).exists()


def test_a_backup_cut_short_is_removed(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same where no small disk can be mounted: the copy fails half way."""
    def half_then_full(source: Any, out: Any, *args: Any) -> None:
        out.write(source.read(1000))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfileobj", half_then_full)
    before = files_in(plan.parent)
    with pytest.raises(SaveError, match="its backup could not be made"):
        write_status_in_place(status_for(plan), plan, Fingerprint.of(plan))
    assert files_in(plan.parent) == before


def linked(plan: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The plan moved into a shared folder, and a link to it: (link, the real file)."""
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "parks.xlsx"
    plan.rename(real)
    link = tmp_path / "my plan.xlsx"
    link.symlink_to(real)
    return link, real


def test_a_linked_plan_is_written_through_the_link(plan: Path, tmp_path: Path) -> None:
    link, real = linked(plan, tmp_path)
    result = CliRunner().invoke(main, ["status", str(link), "--in-place", "--as-of",
                                       "2023-08-01"])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real
    assert openpyxl.load_workbook(real).sheetnames[-1] == schema.STATUS_SHEET
    assert len(list((real.parent / BACKUP_FOLDER).iterdir())) == 1  # beside the real plan


def test_a_hard_linked_plan_is_refused(plan: Path) -> None:
    os.link(plan, plan.with_name("other name.xlsx"))
    output = refused_in_place(plan, plan.parent)
    assert "plan.xlsx was not changed: it is one file with 2 names on disk (hard links)" \
        in output


def test_a_read_only_plan_is_refused(plan: Path) -> None:
    plan.chmod(0o444)
    output = refused_in_place(plan, plan.parent)
    assert "plan.xlsx is read-only, so it was not changed." in output
    assert stat.S_IMODE(plan.stat().st_mode) == 0o444


# --------------------------------------------------------------------------- sheet names


def test_sheet_names_are_matched_as_excel_matches_them(plan: Path) -> None:
    book = openpyxl.load_workbook(plan)
    book.create_sheet("status")["A1"] = "My own notes on status"  # an officer's sheet
    book.save(plan)
    output = refused_in_place(plan, plan.parent)
    assert "already has a sheet named 'status' that xl_plans did not write" in output


def test_our_status_sheet_renamed_in_another_case_is_replaced(plan: Path) -> None:
    write_status_in_place(status_for(plan), plan, Fingerprint.of(plan))
    book = openpyxl.load_workbook(plan)
    book[schema.STATUS_SHEET].title = "renamed"  # openpyxl, like Excel, would make "STATUS1"
    book["renamed"].title = "STATUS"              # of "Status" renamed in one step
    book.save(plan)
    write_status_in_place(status_for(plan), plan, Fingerprint.of(plan))
    names = openpyxl.load_workbook(plan).sheetnames
    assert [n for n in names if n.casefold().startswith("status")] == [schema.STATUS_SHEET]


# --------------------------------------------------------------------------- open in Excel


def excel_lock_file(path: Path, holder: str = "Alice") -> Path:
    """The lock file Excel writes beside a workbook it has open: the user's name first,
    after its length in one byte."""
    path.write_bytes(bytes([len(holder)]) + holder.encode("latin-1") + b"\0" * 40)
    return path


def test_a_plan_open_in_excel_is_never_written(plan: Path) -> None:
    excel_lock_file(plan.with_name("~$plan.xlsx"))
    output = refused_in_place(plan, plan.parent)  # byte-identical, no backup
    assert ("plan.xlsx was not changed: it is open in Excel (held by Alice), whose lock file "
            "~$plan.xlsx is beside it. Close it there and try again.") in output
    assert "delete ~$plan.xlsx" in output  # a lock file Excel left behind after a crash


def test_excel_s_shortened_lock_file_for_a_long_name_counts_too(
        make_plan: Callable[..., Path]) -> None:
    plan = make_plan(TABLES, "Parks and open spaces 2023-24.xlsx")
    excel_lock_file(plan.with_name("~$rks and open spaces 2023-24.xlsx"), "Bob")
    output = refused_in_place(plan, plan.parent)
    assert "it is open in Excel (held by Bob)" in output


def test_a_lock_file_beside_the_real_file_a_link_names(plan: Path, tmp_path: Path) -> None:
    link, real = linked(plan, tmp_path)
    shared = real.parent
    excel_lock_file(shared / "~$parks.xlsx")
    before = files_in(shared)
    with pytest.raises(SaveError, match=r"my plan\.xlsx was not changed: it is open in Excel "
                                        r"\(held by Alice\), whose lock file ~\$parks\.xlsx"):
        write_status_in_place(status_for(link), link, Fingerprint.of(link))
    assert files_in(shared) == before


def test_a_plan_opened_in_excel_during_the_save_is_left_alone(plan: Path) -> None:
    """Looked for again just before the replace: someone may open it while we write."""
    before = files_in(plan.parent)
    lock = plan.with_name("~$plan.xlsx")

    def someone_opens_it(_: Path) -> None:
        excel_lock_file(lock, "Carol")

    with pytest.raises(SaveError, match=r"it is open in Excel \(held by Carol\)"):
        write_status_in_place(status_for(plan), plan, Fingerprint.of(plan),
                              verify=someone_opens_it)
    lock.unlink()
    assert files_in(plan.parent) == before  # and no backup or temporary file left


def test_lock_files_of_other_workbooks_do_not_stop_it(plan: Path) -> None:
    excel_lock_file(plan.with_name("~$budget.xlsx"))
    plan.with_name("~$plan.xlsx").mkdir()  # not Excel's: a folder
    write_status_in_place(status_for(plan), plan, Fingerprint.of(plan))
    assert openpyxl.load_workbook(plan).sheetnames[-1] == schema.STATUS_SHEET


# --------------------------------------------------------------------------- Strict Open XML

TRANSITIONAL_TO_STRICT = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main":
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
}


def as_strict(path: Path, target: Path) -> Path:
    """The workbook as Excel's "Strict Open XML Spreadsheet" would save it: the same parts
    in the Strict namespaces."""

    def change(name: str, data: bytes) -> bytes:
        if name.endswith((".xml", ".rels")):
            for transitional, strict in TRANSITIONAL_TO_STRICT.items():
                data = data.replace(transitional, strict)
        return data

    return rebuilt(path, target, change)


def test_a_strict_open_xml_plan_is_refused_with_the_reason(tmp_path: Path) -> None:
    made = tmp_path / "made.xlsx"
    new = CliRunner().invoke(main, ["new", "--service", "Parks", "--year", "2023/24",
                                    "-o", str(made)])
    assert new.exit_code == 0, new.output
    folder = tmp_path / "plans"
    folder.mkdir()
    strict = as_strict(made, folder / "strict.xlsx")
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        result = CliRunner().invoke(main, ["status", str(strict), "--in-place", "--quarter",
                                           "Q1", "--as-of", "2023-08-01"])
    assert result.exit_code == 2, result.output
    assert ("strict.xlsx was not changed: it is saved as Strict Open XML, which xl_plans "
            "cannot write into. Save it as an ordinary Excel Workbook (.xlsx)") in result.output
    assert "leave out --in-place" in result.output
    assert "Warning" not in result.output
    assert [str(w.message) for w in shown if "openpyxl" in w.filename] == []
    assert sorted(p.name for p in folder.iterdir()) == ["strict.xlsx"]
    # Written to a new file, it is fine.
    written = CliRunner().invoke(main, ["status", str(strict), "--quarter", "Q1", "-o",
                                        str(tmp_path / "status.xlsx")])
    assert written.exit_code == 0, written.output


def test_openpyxl_warnings_never_reach_the_officer(plan: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl warns as it reads and writes (a part it does not know, a style it replaces):
    what would be lost was checked before, and its raw warnings mean nothing to an officer."""
    load, save = openpyxl.load_workbook, openpyxl.Workbook.save

    def loud_load(*args: Any, **kwargs: Any) -> Any:
        warnings.warn("File contains an invalid specification", UserWarning, stacklevel=1)
        return load(*args, **kwargs)

    def loud_save(self: Any, *args: Any, **kwargs: Any) -> Any:
        warnings.warn("Data Validation extension is not supported", UserWarning,
                      stacklevel=1)
        return save(self, *args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", loud_load)
    monkeypatch.setattr(openpyxl.Workbook, "save", loud_save)
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        write_status_in_place(status_for(plan), plan, Fingerprint.of(plan))
    assert [str(w.message) for w in shown] == []
    assert load(plan).sheetnames[-1] == schema.STATUS_SHEET
