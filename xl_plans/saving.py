"""Saving workbooks without ever losing an officer's file.

A save writes a temporary file in the target's folder, checks it opens, and only then moves it
into place with os.replace (atomic on one file system): a crash mid-save leaves the old file
whole and no temporary file behind. New files are never written over an existing one unless the
caller says so, and then only when replacing it cannot surprise anyone (`replaceable`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import stat
import tempfile
import traceback
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from xl_plans.errors import WorkbookError


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
        """Raises OSError when the file cannot be read, WorkbookError("not-a-file") for a
        folder, a pipe or a device: those are never opened (reading a pipe waits for ever)."""
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise WorkbookError("not-a-file", path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        return cls(status.st_size, status.st_mtime_ns, digest)


def replaceable(target: Path) -> Path:
    """The file a save over the existing `target` must replace: a symbolic link's real file
    (replacing the link itself would leave the real file behind, the two copies drifting
    apart). Raises SaveError when replacing it would do what the owner did not ask for."""
    real = target.resolve() if target.is_symlink() else target
    status = real.stat()
    # Root may write anything, so the mode bits are checked as well as os.access: a file its
    # owner made read-only (Windows' read-only attribute clears them all) says "leave me be".
    if not os.access(real, os.W_OK) or not stat.S_IMODE(status.st_mode) & 0o222:
        raise SaveError(f"{target.name} is read-only, so it was not changed. Make it "
                        "writable if it should be changed, or write to a new file.")
    # os.replace gives the path a new file: other names of the old one (hard links) would
    # keep the old contents, silently splitting what was one file in two.
    if status.st_nlink > 1:
        raise SaveError(f"{target.name} was not changed: it is one file with "
                        f"{status.st_nlink} names on disk (hard links), and replacing it "
                        "would split them apart. Write to a new file instead.")
    return real


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back (and delivered after) for a few quick steps that must all
    happen or none. Only where the platform and thread allow; elsewhere a no-op."""
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    except (AttributeError, ValueError, OSError):  # Windows; not the main thread
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def atomic_save(write: Callable[[Path], object], target: Path, *, overwrite: bool = False,
                with_it: Callable[[], object] | None = None) -> Path:
    """Call `write(temp_path)`, check the result is a sound workbook, then move it to `target`
    (through a symbolic link, to the file it points at). `with_it`, if given, runs straight
    after the move with Ctrl-C and SIGTERM held back, so the two happen together or not at all
    (a summary and its CSV export). Raises SaveError."""
    target = Path(target)
    if target.exists():
        if not overwrite:
            raise SaveError(f"{target.name} already exists: choose another name, or remove "
                            "it first.")
        real = replaceable(target)
    else:
        real = target.resolve() if target.is_symlink() else target  # a dangling link
    folder = real.parent
    if not folder.is_dir():
        raise SaveError(_missing_folder(target, real))
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".~xl_plans-", suffix=target.suffix,
                                             dir=folder)
    except OSError as exc:  # the message names the target, never our temporary name
        raise SaveError(f"Cannot write {target.name}: no new file can be made in the folder "
                        f"{target.parent} ({exc.strerror or exc}).") from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        try:
            write(temp)
        except BaseException as exc:
            _close_half_written_zips(exc)
            raise
        _verify(temp, target)
        # mkstemp makes the file private (0600); give it the mode the target would have had.
        os.chmod(temp, real.stat().st_mode if real.exists() else default_mode())
        with signals_held():
            os.replace(temp, real)
            if with_it is not None:
                with_it()
    except PermissionError:
        raise SaveError(
            f"Cannot write {target.name}: it is open in Excel or read-only. Close it and try again."
        ) from None
    except OSError as exc:
        raise SaveError(f"Cannot save {target.name}: {exc.strerror or exc}.") from None
    finally:
        temp.unlink(missing_ok=True)
    return target


def _missing_folder(target: Path, real: Path) -> str:
    """Why `target` cannot be written: its folder, or for a link the folder of the file it
    names, does not exist."""
    if not target.is_symlink():
        return f"The folder {target.parent} does not exist."
    try:
        link = Path(os.readlink(target))
    except OSError:
        link = real
    # The folder as the link names it, unless that exists (a link to a link): then the real one.
    named = link.parent if not (target.parent / link.parent).is_dir() else real.parent
    return (f"{target.name} is a link to {link}, whose folder {named} does not exist: "
            "nothing was written.")


def _close_half_written_zips(exc: BaseException) -> None:
    """Close, now and quietly, any zip a failed write left open: openpyxl leaves its archive
    open when a write fails. Left alone, the zip closes itself when it is garbage-collected:
    on a full disk it fails again and prints an "Exception ignored in ZipFile.__del__"
    traceback after our own message; on Windows its open handle stops the temporary file
    being removed."""
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        for value in frame.f_locals.values():
            if isinstance(value, zipfile.ZipFile) and value.fp is not None:
                with contextlib.suppress(OSError):
                    value.fp.close()  # the buffered bytes cannot be written: drop them
                value.fp = None  # ZipFile.close() (and __del__) then does nothing


def default_mode() -> int:
    """The mode a new file gets here: 0o666 less the umask (mkstemp's files are private)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# Parts every workbook we write has (docProps/core.xml: whenever there are properties),
# parsed on every save: small, and where text from a plan or the command line lands outside
# the sheets (the document title, sheet names), so a character XML cannot carry shows here.
_PARSED_PARTS = ("[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                 "docProps/core.xml", "docProps/app.xml")


def _verify(path: Path, target: Path) -> None:
    """The file saved at `path` for `target` must be a complete zip with a workbook part, and
    its workbook and document-property parts well-formed XML (Excel calls a file with a broken
    one damaged, and openpyxl cannot open it at all)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names or archive.testzip() is not None:
                raise SaveError(f"The file written for {target.name} is incomplete; nothing "
                                "saved.")
            for part in _PARSED_PARTS:
                if part in names:
                    try:
                        SafeET.fromstring(archive.read(part))
                    except (SafeET.ParseError, DefusedXmlException) as exc:
                        raise SaveError(
                            f"The file written for {target.name} would be damaged (its part "
                            f"{part} is not well-formed XML: {exc}); nothing saved. Please "
                            "report this.") from None
    except zipfile.BadZipFile:
        raise SaveError(f"The file written for {target.name} is damaged; nothing "
                        "saved.") from None
