"""Writing into an officer's own workbook, only when that is proven safe.

openpyxl rewrites the whole file when it saves, and silently drops what it does not understand:
charts, pictures, shapes, threaded comments, slicers, form controls, Excel 2010+ extensions,
formula results and more (notes/reliability.md). So before anything is written in place:

0. A plan someone has open in Excel (its `~$` lock file beside it) is never written: their next
   save would throw the new sheet away. It is looked for before reading and again just before
   the replace. A workbook saved as Strict Open XML is refused too: openpyxl cannot read it
   faithfully, let alone write it.
1. `losses(path)` inspects the file's zip parts, workbook settings, document properties and
   sheet XML (never trusting openpyxl to say what it would lose) and lists every feature the
   save would drop, down to text hidden in merged cells; any at all -> refused, naming them.
   So is a workbook whose structure is protected (Excel allows no sheet to be added), and
   a file that a replace would harm (read-only, hard-linked: saving.replaceable). A link is
   written through to its real file.
2. The file must be byte-for-byte what it was when it was read (its fingerprint); a plan saved
   by someone else in between is never overwritten.
3. A backup copy goes into `.xl_plans-backups` beside the file (a dot folder, so batch runs over
   the folder skip it): a whole copy, or none and nothing written.
4. The new file is written to a temporary file in the same folder, checked (a sound workbook,
   macros byte-identical, the caller's own check, the original still unchanged) and only then
   moved over the original with one atomic replace (saving.atomic_save).

Any writer that adds a sheet to a plan (Status, Checks) uses `write_in_place`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import openpyxl
from defusedxml import ElementTree as SafeET
from openpyxl.utils.cell import (
    column_index_from_string,
    coordinate_from_string,
    get_column_letter,
    range_boundaries,
)
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from xl_plans import schema
from xl_plans.cells import sheet_parts
from xl_plans.files import excel_lock
from xl_plans.saving import Fingerprint, SaveError, atomic_save, replaceable
from xl_plans.sniff import sniff

BACKUP_FOLDER = ".xl_plans-backups"
MACRO_SUFFIXES = {".xlsm", ".xltm"}
# openpyxl copies these parts verbatim from a macro workbook (keep_vba): they must come out
# byte-identical.
_MACRO_PART = re.compile(r"^xl/vba", re.IGNORECASE)


@dataclass(frozen=True)
class _PartRule:
    feature: str
    name: re.Pattern[str]
    content: re.Pattern[bytes] | None = None  # also required inside the part, when given


# Parts openpyxl drops or cannot write back faithfully.
PART_RULES: tuple[_PartRule, ...] = (
    _PartRule("charts", re.compile(r"^xl/charts/")),
    _PartRule("chart sheets", re.compile(r"^xl/chartsheets/")),
    _PartRule("pictures or other media", re.compile(r"^xl/media/")),
    _PartRule("shapes or text boxes", re.compile(r"^xl/drawings/drawing[^/]*\.xml$"),
              re.compile(rb"<(?:\w+:)?(?:sp|grpSp|cxnSp)[\s>/]")),
    _PartRule("SmartArt", re.compile(r"^xl/diagrams/")),
    _PartRule("threaded comments", re.compile(r"^xl/threadedComments/")),
    _PartRule("notes (cell comments: their size and position would be reset)",
              re.compile(r"^xl/comments")),  # Excel: xl/comments1.xml; openpyxl: a folder
    _PartRule("slicers", re.compile(r"^xl/(?:slicers|slicerCaches)/")),
    _PartRule("timelines", re.compile(r"^xl/(?:timelines|timelineCaches)/")),
    _PartRule("form controls (buttons, check boxes, lists)", re.compile(r"^xl/ctrlProps/")),
    _PartRule("ActiveX controls", re.compile(r"^xl/activeX/")),
    _PartRule("embedded objects", re.compile(r"^xl/embeddings/")),
    _PartRule("pictures in cells", re.compile(r"^xl/richData/")),
    _PartRule("check boxes in cells", re.compile(r"^xl/featurePropertyBag/")),
    _PartRule("dynamic array formulas or cell metadata", re.compile(r"^xl/metadata\.xml$")),
    _PartRule("a data model (Power Pivot)", re.compile(r"^xl/model/")),
    _PartRule("data connections or queries",
              re.compile(r"^xl/(?:connections\.xml$|queryTables/)")),
    _PartRule("Office add-in parts", re.compile(r"^xl/webextensions/", re.IGNORECASE)),
    _PartRule("custom XML parts", re.compile(r"^customXml/")),
    _PartRule("a custom ribbon (customUI)", re.compile(r"^customUI/")),
    _PartRule("printer settings", re.compile(r"^xl/printerSettings/")),
    _PartRule("a digital signature on the macros",
              re.compile(r"^xl/_rels/vbaProject\.bin\.rels$")),
)

# Sheet XML openpyxl drops (x14 extensions, custom views) or empties (formula results).
SHEET_RULES: tuple[tuple[str, re.Pattern[bytes]], ...] = (
    ("formulas (their saved results would be erased, so the plan would need recalculating "
     "in Excel before other tools could read it)", re.compile(rb"<(?:\w+:)?f[\s>/]")),
    ("dropdowns that refer to other sheets (Excel 2010 data validation)",
     re.compile(rb"<x14:dataValidations?[\s>/]")),
    ("data bars, icon sets or other newer conditional formats",
     re.compile(rb"<x14:conditionalFormattings?[\s>/]")),
    ("sparklines", re.compile(rb"<x14:sparklineGroups?[\s>/]")),
    ("custom views", re.compile(rb"<(?:\w+:)?customSheetViews[\s>/]")),
    ("ranges users may edit in the protected sheet (Review > Allow Users to Edit Ranges)",
     re.compile(rb"<(?:\w+:)?protectedRanges[\s>/]")),
    ("ignored-error markers (Excel's green triangles would come back)",
     re.compile(rb"<(?:\w+:)?ignoredErrors[\s>/]")),
    ("smart tags", re.compile(rb"<(?:\w+:)?smartTags[\s>/]")),
    ("cell watches", re.compile(rb"<(?:\w+:)?cellWatches[\s>/]")),
)
# Any other extension list in a sheet is dropped too.
_SHEET_EXTENSIONS = ("other Excel extensions", re.compile(rb"<(?:\w+:)?extLst[\s>/]"))
_MERGES = re.compile(rb"<(?:\w+:)?mergeCell[\s>/]")
HIDDEN_MERGED = ("text hidden in merged cells (Excel shows only the first cell of a merge; "
                 "the rest would be deleted)")
_MAX_NAMED = 5  # cells named in a refusal, before "and N more"

# Workbook settings (xl/workbook.xml) openpyxl does not write back.
WORKBOOK_RULES: tuple[tuple[str, str], ...] = (
    ("fileSharing", "its protection settings: read-only recommended, or a password to modify "
                    "(File > Save As > Tools > General Options)"),
    ("customWorkbookViews", "custom views"),
)
# Document properties (docProps/app.xml) that officers set and openpyxl rewrites empty.
APP_PROPERTIES = {"Company": "Company", "Manager": "Manager", "HyperlinkBase": "Hyperlink base"}


@dataclass(frozen=True)
class Loss:
    """A feature the save would drop, and where it is (sheet names or part names)."""

    feature: str
    where: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.feature} (in {', '.join(self.where)})" if self.where else self.feature


class InPlaceRefused(SaveError):
    """Writing in place was refused: the message says why and what to do instead."""

    def __init__(self, path: Path, reasons: list[str], message: str | None = None) -> None:
        self.path = path
        self.reasons = reasons
        listed = "; ".join(reasons)
        super().__init__(message or (
            f"{path.name} was not changed: writing into it would lose {listed}. Write the "
            "result to a new file instead (leave out --in-place)."))


class PlanOpen(SaveError):
    """The plan is open in Excel (its lock file is beside it): it is left alone."""

    code = "file-locked"

    def __init__(self, path: Path, lock: Path, holder: str) -> None:
        self.path = path
        self.lock = lock
        self.holder = holder
        who = f" ({holder})" if holder else ""
        super().__init__(
            f"{path.name} was not changed: it is open in Excel{who}, whose lock file "
            f"{lock.name} is beside it. Close it there and try again. (If no one has it open, "
            f"Excel left the lock file behind: delete {lock.name} and try again.)")


def refuse_if_open(*paths: Path) -> None:
    """Raise PlanOpen if any of `paths` (a plan, and the real file a link to it names) has
    Excel's lock file beside it."""
    for where in dict.fromkeys(paths):
        found = excel_lock(where)
        if found is not None:
            raise PlanOpen(paths[0], *found)


@dataclass
class InPlaceResult:
    path: Path
    backup: Path
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- detection


def losses(path: str | Path) -> list[Loss]:
    """What an openpyxl load-and-save of `path` would drop, from its zip parts and XML.
    Raises WorkbookError when the file is not a readable workbook."""
    path = Path(path)
    with sniff(path) as archive:
        names = archive.namelist()
        found: list[Loss] = []
        for rule in PART_RULES:
            parts = [n for n in names if rule.name.search(n)]
            if rule.content is not None:
                parts = [n for n in parts if rule.content.search(archive.read(n))]
            if parts:
                found.append(Loss(rule.feature))
        if path.suffix.lower() not in MACRO_SUFFIXES and any(
                _MACRO_PART.match(n) for n in names):
            found.append(Loss("macros (the file is not .xlsm, so they would be dropped)"))
        found.extend(_workbook_losses(archive))
        found.extend(_sheet_losses(archive))
    return found


def lossy_features(path: str | Path) -> list[str]:
    """Plain-English list of what writing `path` in place would lose; empty when safe."""
    return [str(loss) for loss in losses(path)]


def _xml(archive: zipfile.ZipFile, part: str) -> Element | None:
    """A part parsed (entities refused), or None when it is missing or not XML."""
    try:
        return SafeET.fromstring(archive.read(part))
    except (KeyError, SafeET.ParseError):
        return None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _workbook_losses(archive: zipfile.ZipFile) -> list[Loss]:
    """Workbook settings and document properties openpyxl would not write back."""
    found: list[Loss] = []
    workbook = _xml(archive, "xl/workbook.xml")
    present = {_local(e.tag) for e in workbook} if workbook is not None else set()
    found.extend(Loss(feature) for element, feature in WORKBOOK_RULES if element in present)
    properties = _xml(archive, "docProps/app.xml")
    if properties is not None:
        named = [APP_PROPERTIES[_local(e.tag)] for e in properties
                 if _local(e.tag) in APP_PROPERTIES and (e.text or "").strip()]
        if named:
            found.append(Loss(f"document properties ({', '.join(named)})"))
    return found


def structure_locked(workbook: Any) -> bool:
    """Is the workbook's structure protected (Review > Protect Workbook)? Excel then allows
    no sheet to be added, so neither may we. `workbook`: the parsed workbook part."""
    return any(_local(e.tag) == "workbookProtection" and e.get("lockStructure") in ("1", "true")
               for e in workbook)


def _sheet_losses(archive: zipfile.ZipFile) -> list[Loss]:
    where: dict[str, list[str]] = {}
    hidden: list[str] = []
    for sheet, part in _sheet_parts(archive).items():
        try:
            data = archive.read(part)
        except KeyError:
            continue
        matched = [feature for feature, pattern in SHEET_RULES if pattern.search(data)]
        specific_extension = any(f in matched for f, _ in SHEET_RULES[1:4])
        if not specific_extension and _SHEET_EXTENSIONS[1].search(data):
            matched.append(_SHEET_EXTENSIONS[0])
        for feature in matched:
            where.setdefault(feature, []).append(sheet)
        if _MERGES.search(data):
            hidden.extend(f"{sheet}!{cell}" for cell in _hidden_in_merges(data))
    order = [f for f, _ in SHEET_RULES] + [_SHEET_EXTENSIONS[0]]
    found = [Loss(f, tuple(where[f])) for f in order if f in where]
    if hidden:
        more = len(hidden) - _MAX_NAMED
        found.append(Loss(HIDDEN_MERGED, (*hidden[:_MAX_NAMED], *(
            [f"and {more} more"] if more > 0 else []))))
    return found


def _hidden_in_merges(data: bytes) -> list[str]:
    """Cells of a sheet holding a value inside a merged range but not at its first cell.
    Excel hides them and LibreOffice keeps them, but openpyxl empties them on loading."""
    try:
        root = SafeET.fromstring(data)
    except SafeET.ParseError:
        return []  # a damaged sheet: openpyxl cannot open the file either, and says so
    merges = []
    for element in root.iter():
        if _local(element.tag) == "mergeCell":
            with contextlib.suppress(TypeError, ValueError):  # a damaged ref merges nothing
                merges.append(range_boundaries(element.get("ref", "")))
    valued = set(_cells_with_values(root))
    hidden: set[tuple[int, int]] = set()
    for first_col, first_row, last_col, last_row in merges:
        if None in (first_col, first_row, last_col, last_row):
            continue  # whole rows or columns: not a merge Excel writes
        area = (last_row - first_row + 1) * (last_col - first_col + 1)
        # Look at whichever is fewer: the range's cells, or the cells holding values.
        cells = (product(range(first_row, last_row + 1), range(first_col, last_col + 1))
                 if area <= len(valued) else iter(valued))
        hidden.update(cell for cell in cells if cell in valued and cell != (first_row, first_col)
                      and first_row <= cell[0] <= last_row and first_col <= cell[1] <= last_col)
    return [f"{get_column_letter(col)}{row}" for row, col in sorted(hidden)]


def _cells_with_values(root: Element) -> Iterator[tuple[int, int]]:
    """(row, column) of every cell with a value or text. A row or cell may leave out its
    position ("r"): it then follows the one before, as spreadsheet applications read it."""
    row_number = 0
    for row in root.iter():
        if _local(row.tag) != "row":
            continue
        row_number = int(row.get("r") or row_number + 1)
        col = 0
        for cell in row:
            if _local(cell.tag) != "c":
                continue
            reference = cell.get("r")
            col = (column_index_from_string(coordinate_from_string(reference)[0]) if reference
                   else col + 1)
            if any(_local(part.tag) in ("v", "is") and "".join(part.itertext()).strip()
                   for part in cell):
                yield row_number, col


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet name -> its XML part ({} when the workbook part cannot be read)."""
    try:
        workbook = SafeET.fromstring(archive.read("xl/workbook.xml"))
        rels = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, SafeET.ParseError):
        return {}
    return sheet_parts(workbook, rels)


STRUCTURE_LOCKED = "its structure is protected"
STRICT_OOXML = "it is saved as Strict Open XML"
# Strict Open XML's namespaces (ISO 29500 Strict) all start so; the usual ("Transitional")
# workbook's start http://schemas.openxmlformats.org/.
_STRICT_NAMESPACE = "{http://purl.oclc.org/ooxml/"


def strict_ooxml(workbook: Any) -> bool:
    """Was the workbook saved as Strict Open XML (Excel's "Strict Open XML Spreadsheet")?
    openpyxl reads it only in part (with a stream of warnings) and cannot write it.
    `workbook`: the parsed workbook part."""
    return workbook.tag.startswith(_STRICT_NAMESPACE) or workbook.get("conformance") == "strict"


def check_in_place(path: str | Path) -> None:
    """Raise InPlaceRefused if a sheet may not be added to `path` in place, or if writing it
    would lose anything."""
    path = Path(path)
    with sniff(path) as archive:  # (the workbook part, read once for both questions)
        workbook = _xml(archive, "xl/workbook.xml")
    if workbook is not None and strict_ooxml(workbook):
        raise InPlaceRefused(path, [STRICT_OOXML], (
            f"{path.name} was not changed: {STRICT_OOXML}, which xl_plans cannot write into. "
            "Save it as an ordinary Excel Workbook (.xlsx) (File > Save As), or leave out "
            "--in-place to write the result to a new file."))
    if workbook is not None and structure_locked(workbook):
        raise InPlaceRefused(path, [STRUCTURE_LOCKED], (
            f"{path.name} was not changed: {STRUCTURE_LOCKED} (Review > Protect Workbook), so "
            "no sheet may be added to it. Write the result to a new file instead (leave out "
            "--in-place), or unprotect the workbook first."))
    found = lossy_features(path)
    if found:
        raise InPlaceRefused(path, found)


def tool_sheet(book: Workbook, name: str) -> Worksheet | None:
    """The sheet xl_plans wrote earlier as `name` (Status, Checks), to be replaced, or None.
    Sheet names are matched as Excel matches them, ignoring case: "status" and "Status"
    cannot both exist. A sheet of that name that xl_plans did not write is the officer's:
    SaveError, and it is left alone."""
    for sheet in book.worksheets:
        if sheet.title.casefold() == name.casefold():
            top = [list(row) for row in sheet.iter_rows(
                max_row=schema.TOOL_MARK_ROWS, max_col=schema.TOOL_MARK_COLUMNS,
                values_only=True)]
            if not schema.written_by_tool(name, top):
                raise SaveError(schema.not_ours_message(sheet.title))
            return sheet
    return None


# --------------------------------------------------------------------------- writing


def backup(path: Path, now: dt.datetime | None = None) -> Path:
    """Copy `path` into .xl_plans-backups beside it, named by the time; never overwrites.
    The copy is whole or not there at all (a part-written backup, on a full disk say, would
    look like a good one): raises SaveError saying the backup could not be made."""
    folder = path.parent / BACKUP_FOLDER
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H%M%S")
    target = folder / f"{path.stem} {stamp}{path.suffix}"
    counter = 1
    try:
        folder.mkdir(exist_ok=True)
        while True:
            try:
                out = target.open("xb")  # exclusive: two runs never share a backup name
                break
            except FileExistsError:
                counter += 1
                target = folder / f"{path.stem} {stamp} ({counter}){path.suffix}"
        try:
            with out, path.open("rb") as source:
                shutil.copyfileobj(source, out)
            shutil.copystat(path, target)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    except OSError as exc:
        _remove_if_empty(folder)
        raise SaveError(f"{path.name} was not changed: its backup could not be made in "
                        f"{folder} ({exc.strerror or exc}).") from None
    return target


def _unchanged(path: Path, fingerprint: Fingerprint) -> None:
    try:
        now = Fingerprint.of(path)
    except OSError as exc:
        raise SaveError(f"{path.name} cannot be read any more ({exc.strerror or exc}); "
                        "nothing was written.") from None
    if (now.size, now.sha256) != (fingerprint.size, fingerprint.sha256):
        raise SaveError(f"{path.name} has changed since it was read (someone may have saved "
                        "it); nothing was written. Run again to use the new version.")


def _same_macros(original: Path, written: Path) -> None:
    with zipfile.ZipFile(original) as before, zipfile.ZipFile(written) as after:
        kept = set(after.namelist())
        for name in before.namelist():
            if _MACRO_PART.match(name) and (name not in kept
                                            or before.read(name) != after.read(name)):
                raise SaveError(f"Saving {original.name} would change its macros ({name}); "
                                "nothing was written.")


def write_in_place(path: str | Path, edit: Callable[[Workbook], object], *,
                   fingerprint: Fingerprint | None = None,
                   verify: Callable[[Path], object] | None = None) -> InPlaceResult:
    """Open `path` with openpyxl, let `edit(book)` change it, and save it back over itself,
    only if nothing would be lost (see the module docstring).

    `fingerprint` is what the file was when the caller read it (taken now if not given);
    `verify(temp_path)` may raise SaveError to stop the save after the new file is written.
    Raises InPlaceRefused or SaveError; the original is then untouched and no file is left.
    """
    path = Path(path)
    refuse_if_open(path)  # before reading
    fingerprint = fingerprint or Fingerprint.of(path)
    _unchanged(path, fingerprint)
    real = replaceable(path)  # a link's real file; refused if read-only or hard-linked
    refuse_if_open(path, real)  # (Excel may have opened the link or the file it names)
    check_in_place(path)
    macro = path.suffix.lower() in MACRO_SUFFIXES
    try:
        with warnings.catch_warnings():  # openpyxl's warnings are not for the officer: what
            warnings.simplefilter("ignore")  # it would drop was checked above
            book = openpyxl.load_workbook(path, keep_vba=macro, keep_links=True,
                                          rich_text=True)
    except Exception as exc:  # openpyxl raises many kinds on parts it cannot parse
        raise SaveError(f"{path.name} could not be opened for writing ({type(exc).__name__}: "
                        f"{exc}); nothing was written.") from None
    edit(book)

    def write(temp: Path) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book.save(temp)
        shutil.copymode(path, temp)  # the temporary file is private; the plan may be shared
        _same_macros(path, temp)
        if verify is not None:
            verify(temp)
        _unchanged(path, fingerprint)  # last look before the replace
        refuse_if_open(path, real)  # (opened in Excel while we wrote)

    saved_copy = backup(real)  # beside the real file, which is the one replaced
    try:
        atomic_save(write, path, overwrite=True)
    except BaseException:
        saved_copy.unlink(missing_ok=True)
        _remove_if_empty(saved_copy.parent)
        raise
    return InPlaceResult(path, saved_copy)


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):  # it holds earlier backups
        folder.rmdir()
