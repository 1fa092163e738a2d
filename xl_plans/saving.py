"""Saving workbooks without ever losing an officer's file.

A save writes a temporary file in the target's folder, checks it opens, and only then moves it
into place with os.replace (atomic on one file system): a crash mid-save leaves the old file
whole and no temporary file behind. New files are never written over an existing one unless the
caller says so.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


class SaveError(Exception):
    """A save that was refused or failed; the message is for the officer."""


@dataclass(frozen=True)
class Fingerprint:
    """What a file was when it was read: writing back is refused if it has changed since."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> Fingerprint:
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        return cls(stat.st_size, stat.st_mtime_ns, digest)


def atomic_save(write: Callable[[Path], object], target: Path, *, overwrite: bool = False) -> Path:
    """Call `write(temp_path)`, check the result is a sound workbook, then move it to `target`."""
    target = Path(target)
    if target.exists() and not overwrite:
        raise SaveError(f"{target.name} already exists: choose another name, or remove it first.")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise SaveError(f"The folder {folder} does not exist.")
    handle, temp_name = tempfile.mkstemp(prefix=".~xl_plans-", suffix=target.suffix, dir=folder)
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        _verify(temp)
        # mkstemp makes the file private (0600); give it the mode the target would have had.
        os.chmod(temp, target.stat().st_mode if target.exists() else _default_mode())
        os.replace(temp, target)
    except PermissionError:
        raise SaveError(
            f"Cannot write {target.name}: it is open in Excel or read-only. Close it and try again."
        ) from None
    except OSError as exc:
        raise SaveError(f"Cannot save {target.name}: {exc.strerror or exc}.") from None
    finally:
        temp.unlink(missing_ok=True)
    return target


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _verify(path: Path) -> None:
    """The saved file must be a complete zip with a workbook part."""
    try:
        with zipfile.ZipFile(path) as archive:
            if "xl/workbook.xml" not in archive.namelist() or archive.testzip() is not None:
                raise SaveError(f"The file written for {path.name} is incomplete; nothing saved.")
    except zipfile.BadZipFile:
        raise SaveError(f"The file written for {path.name} is damaged; nothing saved.") from None
