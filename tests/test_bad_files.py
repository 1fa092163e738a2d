"""Every bad input of notes/reliability.md that concerns reading one workbook, as a small
generated fixture: a clear coded message, the file byte-identical afterwards, nothing left
behind, and (for the dangerous ones) bounded time and memory.

Files that cannot be read give one file-level error (errors.FILE_PROBLEMS); workbooks that can
be read but are odd give the workbook codes, or nothing when the oddity is harmless.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
import resource
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msoffcrypto.format.ooxml
import openpyxl
import pytest
from click.testing import CliRunner
from conftest import files_in
from libreoffice import convert
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.formula import ArrayFormula

from xl_plans.checks_sheet import write_checks_copy
from xl_plans.cli import main
from xl_plans.reader import read_workbook
from xl_plans.template import save_workbook, tables_workbook
from xl_plans.validation import validate

TABLES: dict[str, Any] = {
    "Plan": {"Service": "Housing", "Plan Year": "2024/25", "Reporting Quarter": "Q1",
             "Risk Matrix": "5x5"},
    "KPIs": [{"Ref": "K1", "Indicator": "Homes built", "Polarity": "Higher is better",
              "Measure": "Snapshot",
              "Annual Target": 10, "Q1": 12, "Comment": "Ahead"}],
    "Risks": [{"Ref": "R1", "Risk": "Staff", "Residual Likelihood": 2, "Residual Impact": 2,
               "Review Date": dt.date(2024, 12, 31)}],
    "Budget": [{"Year": "2024/25", "Gross Budget": 1000, "Net Budget": 800, "FTE": 4}],
}
KPI_SHEET = "xl/worksheets/sheet3.xml"  # Plan, Priorities, KPIs, ...


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small, valid plan workbook (no issues) to break in each test."""
    path = tmp_path_factory.mktemp("base") / "plan.xlsx"
    save_workbook(tables_workbook(TABLES), path)
    assert validate(path).issues == ()
    return path


@pytest.fixture(scope="module")
def office(plan: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The plan saved by LibreOffice as a real .xls (an OLE2 file) and as .ods."""
    folder = tmp_path_factory.mktemp("office")
    return {kind: convert(plan, kind, folder) for kind in ("xls", "ods")}


def rewrite(source: Path, target: Path, change: Callable[[str, bytes], bytes | None],
            extra: dict[str, bytes] | None = None) -> Path:
    """Copy a zip part by part through `change(name, data)` (None drops the part)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w",
                                                         zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return target


def in_part(part: str, change: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    return lambda name, data: change(data) if name == part else data


def put_cell(ref: str, xml: str) -> Callable[[bytes], bytes]:
    """Replace cell `ref` of a sheet's XML with `xml` (or add it to its row)."""

    def change(data: bytes) -> bytes:
        new, n = re.subn(rb'<c r="%s"[^>]*?(?:/>|>.*?</c>)' % ref.encode(), xml.encode(), data,
                         count=1)
        if n == 0:
            row = re.match(r"[A-Z]+(\d+)", ref)[1]  # type: ignore[index]
            new, n = re.subn(rb'(<row r="%s"[^>]*>)' % row.encode(), rb"\1" + xml.encode(),
                             data, count=1)
        assert n == 1, ref
        return new

    return change


def without_declaration(data: bytes) -> bytes:
    """A part's XML without its <?xml ...?> declaration."""
    return re.sub(rb"^<\?xml[^>]*\?>", b"", data)


def with_prolog(prolog: bytes) -> Callable[[bytes], bytes]:
    return lambda data: b'<?xml version="1.0" encoding="UTF-8"?>' + prolog + \
        without_declaration(data)


def patch_crc(path: Path, part: str) -> None:
    """Give a part a wrong CRC in both zip headers: its bytes no longer match their check."""
    raw = bytearray(path.read_bytes())
    for signature, name_at, crc_at, header in ((b"PK\x03\x04", 26, 14, 30),
                                               (b"PK\x01\x02", 28, 16, 46)):
        pos = 0
        while (pos := raw.find(signature, pos)) >= 0:
            length = struct.unpack_from("<H", raw, pos + name_at)[0]
            if raw[pos + header: pos + header + length] == part.encode():
                struct.pack_into("<I", raw, pos + crc_at, 0xDEADBEEF)
            pos += 4
    path.write_bytes(bytes(raw))


def lie_about_size(path: Path, part: str, size: int, crc: int) -> None:
    """Declare a part far smaller than it inflates to (a zip bomb hiding from size checks)."""
    raw = bytearray(path.read_bytes())
    for signature, name_at, crc_at, size_at, header in ((b"PK\x03\x04", 26, 14, 22, 30),
                                                        (b"PK\x01\x02", 28, 16, 24, 46)):
        pos = 0
        while (pos := raw.find(signature, pos)) >= 0:
            length = struct.unpack_from("<H", raw, pos + name_at)[0]
            if raw[pos + header: pos + header + length] == part.encode():
                struct.pack_into("<I", raw, pos + crc_at, crc)
                struct.pack_into("<I", raw, pos + size_at, size)
            pos += 4
    path.write_bytes(bytes(raw))


def streamed_sheet(source: Path, target: Path, part: str, rows: int,
                   row_xml: bytes = b'<row r="%d"><c r="A%d"><v>%d</v></c></row>') -> Path:
    """`source` with one sheet's data replaced by `rows` rows, written as a stream (fast)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w",
                                                         zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != part:
                zout.writestr(info.filename, data)
                continue
            head, rest = data.split(b"<sheetData>")
            tail = rest.split(b"</sheetData>")[1]
            with zout.open(part, "w", force_zip64=True) as out:
                out.write(head + b"<sheetData>")
                block: list[bytes] = []
                for r in range(2, rows + 1):
                    block.append(row_xml % ((r,) * row_xml.count(b"%d")))
                    if len(block) == 20_000:
                        out.write(b"".join(block))
                        block = []
                out.write(b"".join(block) + b"</sheetData>" + tail)
    return target


# --------------------------------------------------------------------------- makers


def _zero(folder: Path, plan: Path, office: Any) -> Path:
    (folder / "plan.xlsx").write_bytes(b"")
    return folder / "plan.xlsx"


def _truncated(folder: Path, plan: Path, office: Any) -> Path:
    data = plan.read_bytes()
    (folder / "plan.xlsx").write_bytes(data[: len(data) // 2])
    return folder / "plan.xlsx"


def _bad_crc(folder: Path, plan: Path, office: Any) -> Path:
    target = shutil.copy(plan, folder / "plan.xlsx")
    patch_crc(Path(target), KPI_SHEET)
    return Path(target)


def _bad_deflate(folder: Path, plan: Path, office: Any) -> Path:
    """A sheet's compressed bytes damaged: zlib fails inflating it (zlib.error), not zipfile."""
    target = folder / "plan.xlsx"
    target.write_bytes(damaged_deflate(plan, KPI_SHEET))
    return target


def damaged_deflate(plan: Path, part: str) -> bytes:
    data = bytearray(plan.read_bytes())
    start = data.index(part.encode()) + len(part)  # the end of its local header's name
    data[start + 2:start + 12] = b"\xff" * 10  # inside its deflated bytes
    return bytes(data)


def _docx(folder: Path, plan: Path, office: Any) -> Path:
    target = folder / "plan.xlsx"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return target


def _ods_renamed(folder: Path, plan: Path, office: dict[str, Path]) -> Path:
    return Path(shutil.copy(office["ods"], folder / "plan.xlsx"))


def _ods(folder: Path, plan: Path, office: dict[str, Path]) -> Path:
    return Path(shutil.copy(office["ods"], folder / "plan.ods"))


def _xls(folder: Path, plan: Path, office: dict[str, Path]) -> Path:
    return Path(shutil.copy(office["xls"], folder / "plan.xls"))


def _xls_renamed(folder: Path, plan: Path, office: dict[str, Path]) -> Path:
    return Path(shutil.copy(office["xls"], folder / "plan.xlsx"))


def _csv(folder: Path, plan: Path, office: Any) -> Path:
    (folder / "plan.xlsx").write_text("Ref,Indicator,Q1\nK1,Homes built,12\n", encoding="utf-8")
    return folder / "plan.xlsx"


def _html(folder: Path, plan: Path, office: Any) -> Path:
    (folder / "plan.xlsx").write_text("<!DOCTYPE html><html><body><table><tr><td>Ref</td>"
                                      "</tr></table></body></html>", encoding="utf-8")
    return folder / "plan.xlsx"


def _encrypted(folder: Path, plan: Path, office: Any) -> Path:
    target = folder / "plan.xlsx"
    with plan.open("rb") as source, target.open("wb") as out:
        msoffcrypto.format.ooxml.OOXMLFile(source).encrypt("Secret-2024", out)
    return target


def _lock(folder: Path, plan: Path, office: Any) -> Path:
    owner = "Jane Smith".encode("latin-1")
    (folder / "~$plan.xlsx").write_bytes(bytes([len(owner)]) + owner + b"\x00" * 100)
    return folder / "~$plan.xlsx"


def _xlsb(folder: Path, plan: Path, office: Any) -> Path:
    target = folder / "plan.xlsb"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return target


def _billion_laughs(folder: Path, plan: Path, office: Any) -> Path:
    entities = b'<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10))
    dtd = b"<!DOCTYPE worksheet [" + entities + b"]>"
    return rewrite(plan, folder / "plan.xlsx", in_part(KPI_SHEET, lambda d: with_prolog(dtd)(
        put_cell("B2", '<c r="B2" t="inlineStr"><is><t>&lol9;</t></is></c>')(d))))


def _quadratic(folder: Path, plan: Path, office: Any) -> Path:
    dtd = b'<!DOCTYPE worksheet [<!ENTITY big "' + b"x" * 50_000 + b'">]>'
    return rewrite(plan, folder / "plan.xlsx", in_part(KPI_SHEET, lambda d: with_prolog(dtd)(
        put_cell("B2", '<c r="B2" t="inlineStr"><is><t>' + "&big;" * 2000 + "</t></is></c>")(d))))


def _xxe(folder: Path, plan: Path, office: Any) -> Path:
    dtd = b'<!DOCTYPE workbook [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    return rewrite(plan, folder / "plan.xlsx", in_part("xl/workbook.xml", with_prolog(dtd)))


def _padded_dtd(folder: Path, plan: Path, office: Any) -> Path:
    """A DTD pushed past the first few KB by a comment: no fixed look-ahead may miss it."""
    dtd = b"<!--" + b" " * 20_000 + b'--><!DOCTYPE worksheet [<!ENTITY a "b">]>'
    return rewrite(plan, folder / "plan.xlsx", in_part(KPI_SHEET, with_prolog(dtd)))


def _endless_prolog(folder: Path, plan: Path, office: Any) -> Path:
    """A prolog too long to scan to its end: refused rather than guessed about."""
    return rewrite(plan, folder / "plan.xlsx",
                   in_part(KPI_SHEET, with_prolog(b"<!--" + b" " * 100_000 + b"-->")))


def _dtd_after_open_comment(folder: Path, plan: Path, office: Any) -> Path:
    """"<!-->" opens a comment (it does not close itself): what follows is still prolog."""
    dtd = b"<!-->x" + b" " * 5000 + b'--><!DOCTYPE worksheet [<!ENTITY a "b">]>'
    return rewrite(plan, folder / "plan.xlsx", in_part(KPI_SHEET, with_prolog(dtd)))


def _utf16_no_bom(codec: str) -> Callable[..., Path]:
    """A sheet in UTF-16 with no byte-order mark (expat reads it by its first "<")."""
    def make(folder: Path, plan: Path, office: Any) -> Path:
        def change(data: bytes) -> bytes:
            body = without_declaration(data).decode()
            return ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE worksheet '
                    '[<!ENTITY a "b">]>' + body).encode(codec)
        return rewrite(plan, folder / "plan.xlsx", in_part(KPI_SHEET, change))
    return make


def sheet_not_named_xml(plan: Path, target: Path, change: Callable[[bytes], bytes],
                        extra: dict[str, bytes] | None = None) -> Path:
    """The plan with its KPI sheet (through `change`) stored as a .dat part: the workbook's
    relationships and content types say where it is, as they may."""
    odd = KPI_SHEET.replace(".xml", ".dat")
    with zipfile.ZipFile(plan) as archive:
        sheet = change(archive.read(KPI_SHEET))
    return rewrite(plan, target, lambda name, data: None if name == KPI_SHEET
                   else data.replace(KPI_SHEET.removeprefix("xl/").encode(),
                                     odd.removeprefix("xl/").encode()),
                   extra={odd: sheet, **(extra or {})})


def _dtd_in_oddly_named_sheet(folder: Path, plan: Path, office: Any) -> Path:
    return sheet_not_named_xml(plan, folder / "plan.xlsx",
                               with_prolog(b'<!DOCTYPE worksheet [<!ENTITY a "b">]>'))


def _negative_date(folder: Path, plan: Path, office: Any) -> Path:
    """A huge negative number in a date-formatted cell: python-calamine panics on it."""
    tables = copy.deepcopy(TABLES)
    tables["Risks"][0]["Review Date"] = -1e20
    book = tables_workbook(tables)
    book["Risks"]["L2"].number_format = "dd/mm/yyyy"  # (the template leaves dates General)
    path = folder / "plan.xlsx"
    save_workbook(book, path)
    return path


def _traversal(folder: Path, plan: Path, office: Any) -> Path:
    return rewrite(plan, folder / "plan.xlsx", lambda name, data: data,
                   extra={"../../evil.txt": b"owned"})


MAKERS: list[tuple[str, Callable[..., Path], str]] = [
    ("zero-bytes", _zero, "file-empty"),
    ("truncated-zip", _truncated, "corrupt-workbook"),
    ("bad-crc", _bad_crc, "corrupt-workbook"),
    ("bad-deflate", _bad_deflate, "corrupt-workbook"),
    ("docx-renamed", _docx, "word-document"),
    ("ods-renamed", _ods_renamed, "ods-not-supported"),
    ("ods", _ods, "ods-not-supported"),
    ("csv-named-xlsx", _csv, "text-not-workbook"),
    ("html-named-xlsx", _html, "text-not-workbook"),
    ("real-xls", _xls, "legacy-xls"),
    ("xls-renamed", _xls_renamed, "legacy-xls"),
    ("password", _encrypted, "encrypted"),
    ("lock-file", _lock, "lock-file"),
    ("xlsb", _xlsb, "xlsb-not-supported"),
    ("billion-laughs", _billion_laughs, "unsafe-workbook"),
    ("quadratic-blowup", _quadratic, "unsafe-workbook"),
    ("xxe", _xxe, "unsafe-workbook"),
    ("dtd-after-padding", _padded_dtd, "unsafe-workbook"),
    ("endless-prolog", _endless_prolog, "unsafe-workbook"),
    ("dtd-after-open-comment", _dtd_after_open_comment, "unsafe-workbook"),
    ("dtd-utf16le-no-bom", _utf16_no_bom("utf-16-le"), "unsafe-workbook"),
    ("dtd-utf16be-no-bom", _utf16_no_bom("utf-16-be"), "unsafe-workbook"),
    ("dtd-in-sheet-not-named-xml", _dtd_in_oddly_named_sheet, "unsafe-workbook"),
    ("dot-dot-member", _traversal, "unsafe-workbook"),
    ("huge-negative-date", _negative_date, "corrupt-workbook"),
]


@pytest.mark.parametrize(("name", "make", "code"), MAKERS, ids=[m[0] for m in MAKERS])
def test_an_unreadable_file_gets_one_clear_coded_error(
        tmp_path: Path, plan: Path, office: dict[str, Path], name: str,
        make: Callable[..., Path], code: str) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = make(folder, plan, office)
    before = files_in(folder)
    report = validate(path)
    assert report.flatten(["code", "severity", "location"]) == [[code, "error", ""]]
    assert not report.usable and not report.valid
    issue = report.issues[0]
    assert str(issue).startswith(f"{path.name}: [{code}] ")
    assert "Traceback" not in issue.message and issue.hint
    assert files_in(folder) == before  # byte-identical, nothing left behind


def test_every_command_names_a_damaged_file_and_summary_carries_on(
        tmp_path: Path, plan: Path) -> None:
    """status and summary showed zlib's traceback on a damaged sheet, and summary stopped."""
    folder = tmp_path / "plans"
    folder.mkdir()
    damaged = folder / "damaged.xlsx"
    damaged.write_bytes(damaged_deflate(plan, KPI_SHEET))
    shutil.copy(plan, folder / "good.xlsx")
    before = files_in(folder)
    status = CliRunner().invoke(main, ["status", str(damaged), "--quarter", "Q1"])
    assert status.exit_code == 2 and "[corrupt-workbook] damaged.xlsx" in status.output
    summary = CliRunner().invoke(main, ["summary", str(folder)])
    assert summary.exit_code == 1 and "[corrupt-workbook] damaged.xlsx" in summary.output
    assert "1 plan(s) read, 1 unreadable" in summary.output
    for result in (status, summary):  # an exit with its code, nothing raised
        assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    assert files_in(folder) == before  # byte-identical, nothing left behind


def test_a_file_larger_than_any_workbook_can_be_is_refused_unread(tmp_path: Path) -> None:
    """Over the inflated limit before a byte is read (calamine would read it all into memory):
    a sparse file, so the test writes almost nothing."""
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"PK\x03\x04")
    os.truncate(path, 400 * 2**20)
    assert validate(path).codes() == ["too-large"]
    assert path.stat().st_size == 400 * 2**20 and os.listdir(tmp_path) == ["plan.xlsx"]


def test_a_lock_file_says_who_has_the_plan_open(tmp_path: Path, plan: Path) -> None:
    (issue,) = validate(_lock(tmp_path, plan, None)).issues
    assert "held by Jane Smith" in issue.message


# --------------------------------------------------------------------------- bounded


def run_bounded(path: Path, memory_mb: int = 1024, timeout: int = 120) -> tuple[list[str], int]:
    """validate(path) in a child process limited to `memory_mb` of address space; returns the
    codes and the child's peak resident memory in MB. The timeout only stops a runaway: it is
    not a timing goal (those live in benchmarks/)."""
    script = ("import json, resource, sys\n"
              "from xl_plans.validation import validate\n"
              "report = validate(sys.argv[1])\n"
              "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
              "print(json.dumps([report.codes(), peak, [str(i) for i in report.issues]]))\n")
    codes, peak, _ = json.loads(bounded_child(script, path, memory_mb=memory_mb,
                                              timeout=timeout))
    return codes, peak


def bounded_child(script: str, *args: object, memory_mb: int = 1024, timeout: int = 120) -> str:
    """Run `script` in a child process (and its own children) limited to `memory_mb` of
    address space; its output. It must end normally: a crash (an abort on a huge allocation)
    fails the test."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))

    result = subprocess.run([sys.executable, "-c", script, *map(str, args)], preexec_fn=limit,
                            capture_output=True, text=True, timeout=timeout, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _bomb(folder: Path, plan: Path, megabytes: int) -> Path:
    """A sheet padded with `megabytes` MB of spaces: compresses about 1000 to 1."""
    return streamed_sheet(plan, folder / "plan.xlsx", KPI_SHEET, rows=megabytes * 2**20 // 64,
                          row_xml=b" " * 64)


def _liar(folder: Path, plan: Path) -> Path:
    """A sheet of 300,000 real rows whose zip headers declare 2,000 bytes."""
    path = streamed_sheet(plan, folder / "plan.xlsx", KPI_SHEET, rows=300_000)
    with zipfile.ZipFile(path) as archive:
        head = archive.open(KPI_SHEET).read(2000)
    lie_about_size(path, KPI_SHEET, 2000, zlib.crc32(head))
    return path


def far_cell(row: int, ref: str) -> Callable[[Path, Path], Path]:
    """The plan with one more cell, `ref`, in row `row` of its KPI sheet: a stray value far out,
    as an officer may type by mistake (and a crafted file with its row and cell at odds)."""
    cell = f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>'.encode()
    return lambda folder, plan: rewrite(plan, folder / "plan.xlsx", in_part(
        KPI_SHEET, lambda data: data.replace(b"</sheetData>", cell + b"</sheetData>")))


@pytest.mark.parametrize(("name", "make", "code"), [
    ("zip-bomb-ratio", lambda f, p: _bomb(f, p, 100), "unsafe-workbook"),
    ("zip-bomb-huge", lambda f, p: _bomb(f, p, 300), "too-large"),
    ("zip-bomb-lying-headers", _liar, "corrupt-workbook"),
    ("million-rows", lambda f, p: streamed_sheet(p, f / "plan.xlsx", KPI_SHEET, 1_000_000),
     "too-large"),
    ("billion-laughs", lambda f, p: _billion_laughs(f, p, None), "unsafe-workbook"),
    # calamine allocates a grid to the furthest cell: 26 GB here, aborting the process
    ("far-cell-XFD50000", far_cell(50_000, "XFD50000"), "too-large"),
    ("far-cell-XFD1048576", far_cell(1_048_576, "XFD1048576"), "too-large"),
    ("far-cell-A1048576", far_cell(1_048_576, "A1048576"), "too-large"),
    ("far-cell-in-row-3", far_cell(3, "A1048576"), "too-large"),  # placed by its own ref
    ("far-cell-lower-case", far_cell(9, "xfd9999"), "too-large"),
    ("far-cell-five-letters", far_cell(5000, "AAAAA5000"), "too-large"),
    ("far-cell-long-number", far_cell(9, "A" + "9" * 5000), "too-large"),
], ids=lambda v: v if isinstance(v, str) else "")
def test_dangerous_files_are_refused_in_bounded_memory(
        tmp_path: Path, plan: Path, name: str, make: Callable[[Path, Path], Path],
        code: str) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = make(folder, plan)
    before = files_in(folder)
    codes, peak_mb = run_bounded(path)
    assert codes == [code]
    assert peak_mb < 400, f"{name} took {peak_mb} MB"
    assert files_in(folder) == before


def test_a_far_cell_is_refused_naming_the_sheet_and_how_far_it_reaches(
        tmp_path: Path, plan: Path) -> None:
    """Refused before calamine builds the sheet: in the memory of reading the plan itself."""
    _, plain_mb = run_bounded(plan)
    script = ("import json, sys\n"
              "from xl_plans.validation import validate\n"
              "print(json.dumps([str(i) for i in validate(sys.argv[1]).issues]))\n")
    wide = far_cell(50_000, "XFD50000")(tmp_path, plan)
    assert json.loads(bounded_child(script, wide, memory_mb=plain_mb + 300)) == [
        "plan.xlsx: [too-large] The workbook is far larger than any service plan (sheet KPIs "
        "reaches column XFD and row 50,000: 819,200,000 cells, over 4,000,000)."]
    (tmp_path / "deep").mkdir()
    deep = far_cell(1_048_576, "A1048576")(tmp_path / "deep", plan)
    assert json.loads(bounded_child(script, deep, memory_mb=plain_mb + 300)) == [
        "plan.xlsx: [too-large] The workbook is far larger than any service plan (sheet KPIs "
        "reaches row 1,048,576: over 100,000 rows)."]
    codes, peak_mb = run_bounded(wide)
    assert codes == ["too-large"] and peak_mb < plain_mb + 20, (peak_mb, plain_mb)


def test_a_stray_cell_within_bounds_is_read(tmp_path: Path, plan: Path) -> None:
    """A far column in a short sheet is a small grid (5 rows by 16,384 columns): read."""
    path = far_cell(5, "XFD5")(tmp_path, plan)
    assert "too-large" not in validate(path).codes()
    assert [k.ref for k in read_workbook(path).plan.kpis] == ["K1"]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_far_cell_never_stops_a_consolidation(tmp_path: Path, plan: Path,
                                                workers: int) -> None:
    """In one process or a pool (enough plans that one is used): the file is Unreadable, too
    large, and every other plan is consolidated."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for n in range(12):
        save_workbook(tables_workbook({**TABLES, "Plan": {**TABLES["Plan"],
                                                          "Service": f"Service {n:02}"}}),
                      folder / f"service_{n:02}.xlsx")
    far_cell(50_000, "XFD50000")(folder, plan).rename(folder / "stray.xlsx")
    script = ("import json, sys\n"
              "from xl_plans.consolidate import consolidate\n"
              "result = consolidate([sys.argv[1]], 'Q1', workers=int(sys.argv[2]))\n"
              "print(json.dumps([[r.file, r.state.value, r.code] for r in result.results]))\n")
    results = json.loads(bounded_child(script, folder, workers, memory_mb=2048, timeout=300))
    states = {Path(file).name: (state, code) for file, state, code in results}
    assert states.pop("stray.xlsx") == ("Unreadable", "too-large")
    assert states == {f"service_{n:02}.xlsx": ("Consolidated", "") for n in range(12)}


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path, plan: Path) -> None:
    """Refused on its declared sizes: the reader never inflates its 120 MB (peak memory
    within a few MB of reading the small plan itself)."""
    _, plain_mb = run_bounded(plan)
    codes, peak_mb = run_bounded(_bomb(tmp_path, plan, 120))
    assert codes == ["unsafe-workbook"]
    assert peak_mb < plain_mb + 20, (peak_mb, plain_mb)


# --------------------------------------------------------------------------- readable oddities


def test_a_sheet_not_named_xml_and_binary_parts_mentioning_dtds_are_read(
        tmp_path: Path, plan: Path) -> None:
    """Every part is looked at, but only XML is judged as XML: an image or macro project
    whose bytes happen to hold "<!DOCTYPE html>" is no reason to refuse an officer's plan."""
    path = sheet_not_named_xml(
        plan, tmp_path / "plan.xlsx", lambda data: data,
        extra={"xl/media/image1.png": b"\x89PNG\r\n\x1a\n<!DOCTYPE html>",
               "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 <!ENTITY x>"})
    assert validate(path).issues == ()
    assert [k.ref for k in read_workbook(path).plan.kpis] == ["K1"]


# Where a part's prolog is first looked at (sniff reads 4 KB, then up to 64 KB if undecided):
# a tag cut at that edge must be read on, neither let through nor refused on a guess.
_EDGE = 4096


def _at(offset: int, tail: bytes, utf16: bool = False) -> Callable[[bytes], bytes]:
    """The KPI sheet with a comment padding its prolog so that `tail` starts at byte
    `offset` of the part (after a UTF-16 byte-order mark when `utf16`)."""
    def change(data: bytes) -> bytes:
        body = without_declaration(data)
        if utf16:
            declaration = '<?xml version="1.0" encoding="UTF-16"?>'
            pad = (offset - 2) // 2 - len(declaration) - len("<!---->")
            text = declaration + "<!--" + " " * pad + "-->" + tail.decode() + body.decode()
            return b"\xff\xfe" + text.encode("utf-16-le")
        declaration = b'<?xml version="1.0" encoding="UTF-8"?>'
        pad = offset - len(declaration) - len(b"<!---->")
        return declaration + b"<!--" + b" " * pad + b"-->" + tail + body
    return change


@pytest.mark.parametrize("offset", range(_EDGE - 12, _EDGE + 4))
@pytest.mark.parametrize(("tail", "refused"), [
    (b'<!DOCTYPE worksheet [<!ENTITY a "b">]>', True),
    (b'<!DOCTYPE worksheet SYSTEM "file:///etc/passwd">', True),
    (b"<!-- a comment crossing the edge -->", False),
    (b"<?officer note?>", False),
    (b"", False),  # the root element itself at the edge
])
def test_a_dtd_at_the_edge_of_the_first_look_is_still_found(
        tmp_path: Path, plan: Path, offset: int, tail: bytes, refused: bool) -> None:
    path = rewrite(plan, tmp_path / "plan.xlsx", in_part(KPI_SHEET, _at(offset, tail)))
    with zipfile.ZipFile(path) as archive:
        assert archive.read(KPI_SHEET)[offset:].startswith(tail + b"<worksheet")
    codes = [issue.code for issue in validate(path).issues]
    assert codes == (["unsafe-workbook"] if refused else []), offset


@pytest.mark.parametrize("offset", [_EDGE - 20, _EDGE - 2, _EDGE, _EDGE + 2])
@pytest.mark.parametrize(("tail", "refused"), [
    (b'<!DOCTYPE worksheet [<!ENTITY a "b">]>', True),
    (b"<!-- a comment crossing the edge -->", False),
])
def test_a_dtd_at_the_edge_is_found_in_utf16_too(
        tmp_path: Path, plan: Path, offset: int, tail: bytes, refused: bool) -> None:
    path = rewrite(plan, tmp_path / "plan.xlsx", in_part(KPI_SHEET, _at(offset, tail, True)))
    with zipfile.ZipFile(path) as archive:
        assert archive.read(KPI_SHEET)[offset:].startswith(tail.decode().encode("utf-16-le"))
    codes = [issue.code for issue in validate(path).issues]
    assert ("unsafe-workbook" in codes) is refused, (offset, codes)


def _openpyxl(change: Callable[[openpyxl.Workbook], None]) -> Callable[[Path, Path], Path]:
    def make(folder: Path, plan: Path) -> Path:
        book = openpyxl.load_workbook(plan)
        change(book)
        book.save(folder / "plan.xlsx")
        return folder / "plan.xlsx"

    return make


def _tables(**changes: Any) -> Callable[[Path, Path], Path]:
    """The base plan with KPI K1's typed values changed."""

    def make(folder: Path, plan: Path) -> Path:
        tables = copy.deepcopy(TABLES)
        tables["KPIs"][0].update(changes)
        path = folder / "plan.xlsx"
        save_workbook(tables_workbook(tables), path)
        return path

    return make


def _date_texts(folder: Path, plan: Path) -> Path:
    """Dates typed as text in every common way, and as a bare serial number."""
    tables = copy.deepcopy(TABLES)
    tables["Priorities"] = [
        {"Ref": f"P{n}", "Priority": "Homes", "Target Date": typed}
        for n, typed in enumerate(DATE_TEXTS, start=1)]
    path = folder / "plan.xlsx"
    save_workbook(tables_workbook(tables), path)
    return path


DATE_TEXTS = ["31/03/2025", "2025-03-31", "31 March 2025", "31st March 2025", 45747,
              "March 2025"]


def _xml(part: str, change: Callable[[bytes], bytes]) -> Callable[[Path, Path], Path]:
    return lambda folder, plan: rewrite(plan, folder / "plan.xlsx", in_part(part, change))


def _move_header(book: openpyxl.Workbook) -> None:
    sheet = book["KPIs"]
    sheet.insert_rows(1, 4)
    sheet["A1"] = "Key performance indicators 2024/25"
    sheet["A3"] = "Figures to the end of June"


def _rename_headers(book: openpyxl.Workbook) -> None:
    sheet = book["KPIs"]
    for cell in sheet[1]:
        cell.value = {"Ref": "PI Ref", "Indicator": "KPI Description", "Annual Target": "TARGET",
                      "Q1": "quarter 1 actual"}.get(cell.value, cell.value)
    book["KPIs"].title = "Performance Indicators"


def _duplicate_header(book: openpyxl.Workbook) -> None:
    book["KPIs"]["Y1"] = "Q1"
    book["KPIs"]["Y2"] = 99


def _blank_header(book: openpyxl.Workbook) -> None:
    book["KPIs"]["N1"] = None


def _merged_key(book: openpyxl.Workbook) -> None:
    sheet = book["Priorities"]
    sheet.append(["P1", "Homes", None, "Plan adopted", "March 2025"])
    sheet.append([None, None, None, "Sites allocated", "June 2025"])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")


def _hidden_and_chart(book: openpyxl.Workbook) -> None:
    book["Risks"].sheet_state = "hidden"
    chart = book.create_chartsheet("Chart of KPIs")
    chart.sheet_state = "visible"


def _array_formula(cached: bool) -> Callable[[Path, Path], Path]:
    value = "<v>12</v>" if cached else ""
    return _xml(KPI_SHEET, put_cell(
        "N2", f'<c r="N2"><f t="array" ref="N2">SUM(H2:H2*1.2)</f>{value}</c>'))


def _openpyxl_array(book: openpyxl.Workbook) -> None:
    book["KPIs"]["N2"] = ArrayFormula("N2", "=SUM(H2:H2*1.2)")


def _wrong_dimension(data: bytes) -> bytes:
    return re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1"/>', data)


def _epoch_1904(folder: Path, plan: Path) -> Path:
    book = openpyxl.load_workbook(plan)
    book.epoch = CALENDAR_MAC_1904
    book["Risks"]["L2"] = dt.date(2024, 12, 31)  # rewritten as a 1904 serial
    book["Risks"]["L2"].number_format = "dd/mm/yyyy"
    book.save(folder / "plan.xlsx")
    return folder / "plan.xlsx"


def _control_characters(data: bytes) -> bytes:
    data = put_cell("B2", '<c r="B2" t="inlineStr"><is><t>Homes_x0008_ built_x000D_\n'
                    'in year</t></is></c>')(data)
    return put_cell("V2", '<c r="V2" t="inlineStr"><is><t>' + "Long comment. " * 3000 +
                    "</t></is></c>")(data)


ODDITIES: list[tuple[str, Callable[[Path, Path], Path], list[tuple[str, str]]]] = [
    ("wrong-dimension", _xml(KPI_SHEET, _wrong_dimension), []),
    ("required-sheet-renamed-to-a-synonym", _openpyxl(_rename_headers), []),
    ("required-sheet-missing", _openpyxl(lambda b: b.remove(b["Risks"])),
     [("sheet-missing", "Risks")]),
    ("hidden-and-chart-sheets", _openpyxl(_hidden_and_chart), [("sheet-hidden", "Risks")]),
    ("header-moved-down", _openpyxl(_move_header), []),
    ("header-duplicated", _openpyxl(_duplicate_header), [("column-duplicated", "KPIs!Y1")]),
    # Q1's header blanked: its figure is not read (and so K1 has no Q1 figure)
    # (K1's Comment says why a figure may be missing: no actual-missing beside these)
    ("header-blank", _openpyxl(_blank_header), [("column-unnamed", "KPIs!N2")]),
    ("merged-key-cells", _openpyxl(_merged_key), []),
    ("merged-data-cells", _openpyxl(lambda b: b["KPIs"].merge_cells("H2:I2")),
     [("merged-cells", "KPIs!H2")]),
    ("formula-without-value", _openpyxl(lambda b: b["KPIs"].__setitem__("N2", "=H2*1.2")),
     [("formula-uncalculated", "KPIs!N2")]),
    ("div0", _xml(KPI_SHEET, put_cell("N2", '<c r="N2" t="e"><f>H2/0</f><v>#DIV/0!</v></c>')),
     [("error-cell", "KPIs!N2")]),
    ("ref-error", _xml(KPI_SHEET, put_cell("H2", '<c r="H2" t="e"><v>#REF!</v></c>')),
     [("error-cell", "KPIs!H2")]),
    ("na-error", _openpyxl(lambda b: b["KPIs"].__setitem__("N2", "#N/A")),
     [("error-cell", "KPIs!N2")]),
    ("array-formula-calculated", _array_formula(cached=True), []),
    ("array-formula-not-calculated", _openpyxl(_openpyxl_array),
     [("formula-uncalculated", "KPIs!N2")]),
    ("text-numbers", _tables(**{"Annual Target": "1,234", "Q1": "£1,300.50",
                                "Last Year Q1": "\u00a0(123)\u00a0"}), []),
    ("percent-typed-three-ways", _tables(Unit="%", **{"Annual Target": "85%", "Q1": 0.8,
                                                      "Last Year Q1": 85}),
     [("percent-scale-mixed", "KPIs!R2")]),
    ("dates-as-text-and-serials", _date_texts, []),
    ("date-in-a-1904-workbook", _epoch_1904, []),
    ("na-tbc-dash-blank-rows", _tables(**{"Annual Target": "TBC", "Q1": "N/A",
                                          "Last Year Q1": "-"}),
     [("kpi-target-missing", "KPIs!H2")]),
    ("control-characters-and-long-text", _xml(KPI_SHEET, _control_characters), []),
]


@pytest.mark.parametrize(("name", "make", "expected"), ODDITIES, ids=[o[0] for o in ODDITIES])
def test_readable_oddities_are_reported_or_read_right(
        tmp_path: Path, plan: Path, name: str, make: Callable[[Path, Path], Path],
        expected: list[tuple[str, str]]) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = make(folder, plan)
    before = files_in(folder)
    report = validate(path)
    assert [(issue.code, issue.location) for issue in report.issues] == expected
    assert files_in(folder) == before


def test_values_behind_the_oddities_are_read_right(tmp_path: Path, plan: Path) -> None:
    (tmp_path / "a").mkdir()
    wrong = read_workbook(_xml(KPI_SHEET, _wrong_dimension)(tmp_path / "a", plan)).plan
    assert wrong.kpis[0].q1.value == 12  # a lying <dimension> hides nothing
    (tmp_path / "b").mkdir()
    array = read_workbook(_array_formula(cached=True)(tmp_path / "b", plan)).plan
    assert array.kpis[0].q1.value == 12
    (tmp_path / "c").mkdir()
    epoch = read_workbook(_epoch_1904(tmp_path / "c", plan)).plan
    assert epoch.risks[0].review_date.end == dt.date(2024, 12, 31)
    (tmp_path / "f").mkdir()
    dates = read_workbook(_date_texts(tmp_path / "f", plan)).plan
    assert [p.target_date.end for p in dates.priorities] == [dt.date(2025, 3, 31)] * 6
    (tmp_path / "d").mkdir()
    text = read_workbook(_xml(KPI_SHEET, _control_characters)(tmp_path / "d", plan)).plan
    assert text.kpis[0].indicator == "Homes built\nin year"
    assert text.kpis[0].comment is not None and len(text.kpis[0].comment) > 32_767
    (tmp_path / "e").mkdir()
    numbers = read_workbook(_tables(**{"Annual Target": "1,234", "Q1": "£1,300.50",
                                       "Last Year Q1": "\u00a0(123)\u00a0"})(tmp_path / "e",
                                                                             plan)).plan
    kpi = numbers.kpis[0]
    assert (kpi.annual_target.value, kpi.q1.value, kpi.last_year_q1.value) == (1234, 1300.5,
                                                                               -123)


def test_a_checks_copy_survives_control_characters_and_long_text(tmp_path: Path,
                                                                 plan: Path) -> None:
    def change(data: bytes) -> bytes:
        data = _control_characters(data)
        return put_cell("N2", '<c r="N2" t="inlineStr"><is><t>about_x0008_ 12</t></is></c>')(data)

    path = rewrite(plan, tmp_path / "plan.xlsx", in_part(KPI_SHEET, change))
    report = validate(path)
    assert report.flatten(["code", "location", "value"]) == [
        ["not-a-number", "KPIs!N2", "about\x08 12"]]
    copy = write_checks_copy(path, tmp_path / "checked.xlsx", report)
    sheet = openpyxl.load_workbook(copy.path)["Checks"]
    assert sheet["E2"].value == "about 12"  # the control character cannot go in a cell


def test_non_ascii_and_long_paths(tmp_path: Path, plan: Path) -> None:
    folder = tmp_path / ("Services – Café ü " + "x" * 60) / ("Année 2024–25 " + "y" * 60) / \
        ("Logement ₤ " + "z" * 60)
    folder.mkdir(parents=True)
    path = Path(shutil.copy(plan, folder / "Plan – Logement été 2024.xlsx"))
    assert len(str(path)) > 260
    report = validate(path)
    assert report.issues == () and report.file == str(path)
    copy = write_checks_copy(path, folder / "Plan – vérifié.xlsx", report)
    assert copy.path.exists()
