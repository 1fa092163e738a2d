"""Which files in a batch are plans: folders searched recursively, lock files set aside."""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from xl_plans.errors import WorkbookError
from xl_plans.schema import SETTINGS_SHEET
from xl_plans.sniff import check_file, lock_file_error, os_reason

# Files in a folder worth trying: the readable kinds, and the kinds an officer may have saved a
# plan as by mistake, so that they are reported rather than silently passed over.
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv"}


@dataclass(frozen=True)
class Skipped:
    path: Path
    code: str
    reason: str


@dataclass
class Found:
    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def find_plans(paths: Iterable[Path],
               set_aside: Callable[[Path], Skipped | None] | None = None) -> Found:
    """Files to read, in a stable order. Named files are always tried (reading says what is
    wrong with one that is missing or out of reach); in folders, files with a spreadsheet
    suffix. Excel lock files (~$name.xlsx) are skipped, saying who holds them, and so are
    council summaries xl_plans wrote (an earlier run's output saved among the plans: not a
    plan), and in folders whatever cannot be read: a folder, a link to nothing, a FIFO.
    `set_aside(path)` may skip more (consolidate's CSV exports: this layer does not know the
    summary's columns)."""
    found = Found()
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        candidates = _search(path, found.skipped) if _is_folder(path) else [path]
        for candidate in candidates:
            key = _identity(candidate)
            if key in seen:
                continue
            seen.add(key)
            if candidate.name.startswith("~$"):
                error = lock_file_error(candidate)
                found.skipped.append(Skipped(candidate, error.code, error.message))
            elif is_summary_file(candidate):
                found.skipped.append(Skipped(candidate, SUMMARY_SKIPPED,
                                             summary_message(candidate)))
            elif set_aside is not None and (skip := set_aside(candidate)) is not None:
                found.skipped.append(skip)
            else:
                found.files.append(candidate)
    return found


def excel_lock(path: Path) -> tuple[Path, str] | None:
    """The lock file Excel keeps beside `path` while someone has it open, and who that is
    ("held by Alice", or "" when the lock file does not say); None when there is none.
    Excel names it "~$" + the file's name, or, for a long name, "~$" in place of the name's
    first two characters: both are looked for. A folder or a pipe of that name is not
    Excel's; a lock file out of our reach is taken as a lock (its holder unknown)."""
    if path.name.startswith("~$"):
        return None
    for name in dict.fromkeys(("~$" + path.name, "~$" + path.name[2:])):
        lock = path.with_name(name)
        error = lock_file_error(lock)  # (stats it first: a pipe is never opened)
        if error.code == "lock-file":
            return lock, error.detail
        if error.code == "file-unreadable":
            return lock, ""
    return None


# Written into a council summary's document properties: marks a file xl_plans may replace,
# and never reads as a plan.
SUMMARY_MARK = "Written by xl_plans: council summary"


def is_summary_file(path: Path) -> bool:
    """Was this file written by xl_plans as a council summary? The command line marks its
    summaries in the document properties; one the ribbon drew, saved by Excel, has no such mark
    but has the settings sheet Consolidate starts from. Either is never read as a plan."""
    return _summary_kind(path) is not None


def is_command_line_summary(path: Path) -> bool:
    """A summary the command line wrote (its mark): the only kind `consolidate -o` replaces.
    One the ribbon drew holds the officer's settings and perhaps their own sheets."""
    return _summary_kind(path) == "marked"


# A council summary records a digest of its own parts (all but the part holding it), so a
# later run can tell the file is exactly as written (replace it) from one someone has since
# opened and saved or written notes in (keep a copy first: summary_changed).
DIGEST_PROPERTY = "xl_plans content"
DIGEST_PART = "docProps/custom.xml"
DIGEST_PLACEHOLDER = "0" * 64  # written by XlsxWriter, then replaced by the digest


def content_digest(part_digests: Mapping[str, str]) -> str:
    """One digest of a workbook's parts, from each part's sha256 (name -> hex digest), but
    DIGEST_PART's."""
    digest = hashlib.sha256()
    for name in sorted(part_digests):
        if name != DIGEST_PART:
            digest.update(f"{name}\0{part_digests[name]}\n".encode())
    return digest.hexdigest()


def summary_changed(path: Path) -> bool:
    """Has a summary xl_plans wrote changed since (saved by Excel, notes added)? True also
    when that cannot be proved either way (an earlier release's summary, a damaged file)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = {info.filename: hashlib.sha256(archive.read(info)).hexdigest()
                     for info in archive.infolist() if not info.is_dir()}
            custom = archive.read(DIGEST_PART).decode("utf-8", "replace") \
                if DIGEST_PART in parts else ""
    except Exception:  # damaged or unreadable: not proven unchanged
        return True
    stamped = _DIGEST_VALUE.search(custom)
    return stamped is None or stamped[1] != content_digest(parts)


_DIGEST_VALUE = re.compile(rf'name="{DIGEST_PROPERTY}"[^>]*>\s*<vt:lpwstr>([0-9a-f]{{64}})<')


def _summary_kind(path: Path) -> str | None:
    try:
        check_file(path)  # never open a FIFO or device: it would wait for ever
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            core = archive.read("docProps/core.xml").decode("utf-8", "replace") \
                if "docProps/core.xml" in names else ""
            if SUMMARY_MARK in core:
                return "marked"
            book = archive.read("xl/workbook.xml").decode("utf-8", "replace") \
                if "xl/workbook.xml" in names else ""
    except Exception:  # not a zip, damaged: not ours (reading will say why)
        return None
    return "settings sheet" if _SETTINGS_SHEET_XML.search(book) is not None else None


# The settings sheet's entry in xl/workbook.xml (its name needs no XML escaping).
_SETTINGS_SHEET_XML = re.compile(rf"""<(?:\w+:)?sheet\s[^>]*name\s*=\s*["']{SETTINGS_SHEET}["']""")


SUMMARY_SKIPPED = "summary-file"


def summary_message(path: Path) -> str:
    return f"{path.name}: this is a council summary written by xl_plans, not a plan."


# An unreadable folder is reported with the code of an unreadable file: it is the same
# problem (permission) with the same cure.
FOLDER_UNREADABLE = "file-unreadable"


def _search(folder: Path, skipped: list[Skipped]) -> list[Path]:
    """The files under `folder` worth trying, sorted. Hidden files and folders (ours among
    them: temporary files) are passed over; links to folders are not followed (a link back up
    the tree would never end). What cannot be read is added to `skipped`, never silently
    dropped: a folder that cannot be listed, and an entry with a spreadsheet suffix that is
    not a readable file (a link to nothing, a link loop, a FIFO)."""
    files: list[Path] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            skipped.append(Skipped(current, FOLDER_UNREADABLE, (
                f"cannot read the folder {current} ({os_reason(exc)}): any plans in it were "
                "left out. Check you have permission to open it.")))
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(current, entry.name)
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
                is_plain_file = entry.is_file(follow_symlinks=False)
            except OSError:  # (the file system could not say): check_file below will
                is_folder = is_plain_file = False
            if is_folder:
                folders.append(path)
            elif path.suffix.lower() not in SPREADSHEET_SUFFIXES:
                continue
            elif is_plain_file:
                files.append(path)
            else:  # a link, a FIFO, a device: stat it (never open it) to see what it is
                try:
                    check_file(path)
                    files.append(path)
                except WorkbookError as error:
                    skipped.append(Skipped(path, error.code, error.message))
        pending.extend(reversed(folders))  # depth first, in name order: a stable report
    return sorted(files)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # out of reach: tried as a file, and reading says why
        return False


def _identity(path: Path) -> Path:
    """The file a path names, so that one named twice (or by a link) is read once. Never
    raises: a path in a link loop or out of reach is its own identity."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return path.absolute()
