"""Which files in a batch are plans: folders searched recursively, lock files set aside."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from xl_plans.sniff import lock_file_error

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


def find_plans(paths: Iterable[Path]) -> Found:
    """Files to read, in a stable order. Named files are always tried; in folders, files with
    a spreadsheet suffix. Excel lock files (~$name.xlsx) are skipped, saying who holds them,
    and so are council summaries xl_plans wrote (an earlier run's output saved among the
    plans: not a plan)."""
    found = Found()
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        candidates = (
            sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p, path))
            if path.is_dir() else [path]
        )
        for candidate in candidates:
            key = candidate.resolve()
            if key in seen:
                continue
            seen.add(key)
            if candidate.name.startswith("~$"):
                error = lock_file_error(candidate)
                found.skipped.append(Skipped(candidate, error.code, error.message))
            elif is_summary_file(candidate):
                found.skipped.append(Skipped(candidate, SUMMARY_SKIPPED,
                                             summary_message(candidate)))
            else:
                found.files.append(candidate)
    return found


# Written into a council summary's document properties: marks a file xl_plans may replace,
# and never reads as a plan.
SUMMARY_MARK = "Written by xl_plans: council summary"


def is_summary_file(path: Path) -> bool:
    """Was this file written by xl_plans as a council summary?"""
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except Exception:  # not a zip, no properties, damaged: not ours (reading will say why)
        return False
    return SUMMARY_MARK in core


SUMMARY_SKIPPED = "summary-file"


def summary_message(path: Path) -> str:
    return f"{path.name}: this is a council summary written by xl_plans, not a plan."


def _wanted(path: Path, root: Path) -> bool:
    relative = path.relative_to(root)
    if any(part.startswith(".") for part in relative.parts):  # hidden files, our temp files
        return False
    return path.suffix.lower() in SPREADSHEET_SUFFIXES
