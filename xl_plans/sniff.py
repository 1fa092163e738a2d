"""Is this file a workbook we can safely read? Decided from its bytes, not its name.

Checks run before any spreadsheet library touches the file: lock files, empty files, formats
told apart by their content (OLE2 .xls or encrypted package, zip, text), zip container health,
member names that escape the folder, zip bombs (refused before anything is inflated) and XML
with document type declarations (entity expansion attacks: OOXML never has a DTD).
"""

from __future__ import annotations

import errno
import lzma
import os
import stat
import zipfile
import zlib
from pathlib import Path

import olefile

from xl_plans.errors import WorkbookError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK"

# Limits far above any real service plan (a 500-row plan is about 200 KB inflated).
MAX_TOTAL_INFLATED = 256 * 1024 * 1024
# A zip is its parts plus headers, so a larger file cannot be within the limit above; it is
# refused before calamine, which reads the whole file into memory, sees it.
MAX_FILE_BYTES = MAX_TOTAL_INFLATED + 32 * 1024 * 1024
MAX_MEMBER_INFLATED = 128 * 1024 * 1024
MAX_MEMBERS = 10_000
# Real sheet XML compresses 10-30x; 200x on a member over 1 MB means a zip bomb.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
# Office parts start with an XML declaration and the root element; no real prolog comes near.
MAX_PROLOG = 64 * 1024
_FIRST = 4096
# What reading a damaged zip member raises: a bad CRC or header, a cut-off file, and a
# compressed stream that does not inflate (zlib, and LZMA, which Excel never writes).
ZIP_READ_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError,
                   zlib.error, lzma.LZMAError)


def sniff(path: Path) -> zipfile.ZipFile:
    """Open `path` as an OOXML zip after the safety checks, or raise WorkbookError."""
    if path.name.startswith("~$"):
        raise lock_file_error(path)
    size = check_file(path).st_size
    if size > MAX_FILE_BYTES:
        raise WorkbookError("too-large", path, f"{size // (1024 * 1024):,} MB")
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        raise WorkbookError("file-unreadable", path, os_reason(exc)) from None
    if not head:
        raise WorkbookError("file-empty", path)
    if head.startswith(OLE2_MAGIC):
        raise WorkbookError(_ole_kind(path), path)
    if not head.startswith(ZIP_MAGIC):
        raise WorkbookError(_text_kind(head), path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise WorkbookError("corrupt-workbook", path, str(exc)) from None
    try:
        _check_members(archive, path)
    except BaseException:
        archive.close()
        raise
    return archive


def check_file(path: Path) -> os.stat_result:
    """`path`'s status when it is a regular file; otherwise the WorkbookError saying why (it is
    missing, a folder, a FIFO or device, or out of reach). Every path is checked so before
    anything opens it: opening a FIFO waits for a writer that never comes."""
    try:
        status = path.stat()
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise WorkbookError("file-not-found", path, _dangling(path)) from None
        raise WorkbookError("file-unreadable", path, os_reason(exc)) from None
    except ValueError:  # a NUL byte in the name: no such file can exist
        raise WorkbookError("file-not-found", path) from None
    if not stat.S_ISREG(status.st_mode):
        raise WorkbookError("not-a-file", path)
    return status


# Why a file or folder cannot be reached, in plain words, by errno (else the system's words).
_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "it is a link that leads round in a loop",
    errno.ENAMETOOLONG: "the name is too long for the file system",
}


def os_reason(exc: OSError) -> str:
    """Why the system refused a file or folder, for a message ("permission denied")."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__


def _dangling(path: Path) -> str:
    """For a missing file that is a link: where the link points (which does not exist)."""
    try:
        return f"it is a link to {os.readlink(path)}, which does not exist"
    except (OSError, ValueError):
        return ""


def lock_file_error(path: Path) -> WorkbookError:
    """The error for an Excel lock file (~$plan.xlsx), naming who has the plan open; or, when
    it is not a regular file at all, the error saying so (a FIFO is never read)."""
    try:
        check_file(path)
    except WorkbookError as error:
        return error
    return WorkbookError("lock-file", path, _lock_owner(path))


def _lock_owner(path: Path) -> str:
    """Excel writes the user's name into its lock file: say who has the plan open."""
    try:
        data = path.read_bytes()[:200]
    except OSError:
        return ""
    name = data[1 : 1 + data[0]].decode("latin-1", "replace").strip() if data else ""
    return f"held by {name}" if name.isprintable() and name else ""


def _ole_kind(path: Path) -> str:
    """An OLE2 file is either an encrypted OOXML package or a legacy binary workbook."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                return "encrypted"
            if ole.exists("Workbook") or ole.exists("Book"):
                return "legacy-xls"
            if ole.exists("WordDocument"):
                return "word-document"
    except (OSError, ValueError, IndexError) as exc:  # olefile raises these on damage
        raise WorkbookError("corrupt-workbook", path, str(exc)) from None
    return "not-a-workbook"


def _text_kind(head: bytes) -> str:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" in head:
            return "not-a-workbook"
    return "text-not-workbook"


def _check_members(archive: zipfile.ZipFile, path: Path) -> None:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if len(infos) > MAX_MEMBERS:
        raise WorkbookError("too-large", path, f"{len(infos)} parts")
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in Path(name.replace("\\", "/")).parts:
            raise WorkbookError("unsafe-workbook", path, f"a part named {name!r}")
    if "xl/workbook.bin" in names:
        raise WorkbookError("xlsb-not-supported", path)
    if "mimetype" in names or "content.xml" in names:
        raise WorkbookError("ods-not-supported", path)
    if "word/document.xml" in names or "ppt/presentation.xml" in names:
        raise WorkbookError("word-document", path)
    if "xl/workbook.xml" not in names:
        raise WorkbookError("not-a-workbook", path, "no workbook part inside")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER_INFLATED or total > MAX_TOTAL_INFLATED:
            raise WorkbookError("too-large", path, f"{total // (1024 * 1024)} MB inflated")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise WorkbookError("unsafe-workbook", path, f"{info.filename} is a zip bomb")
    for info in infos:  # every part, whatever its name: a sheet may be stored as "sheet1.dat"
        if not info.is_dir():
            _check_xml_head(archive, info, path)


def _check_xml_head(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Refuse any XML part declaring a DTD: the route of billion-laughs and external entities.
    Parts that are not XML (images, a macro project) are left alone."""
    # A DTD can be pushed past any fixed look-ahead by padding the prolog with comments or
    # spaces, so the prolog is read to its end (the root element): within the first 4 KB for
    # real files, and only then further (inflating a whole sheet costs time in a batch).
    try:
        with archive.open(info) as member:
            head = member.read(_FIRST)
            text = _as_utf8(head)
            if not text.lstrip(b" \t\r\n").startswith(b"<"):
                return  # not XML: no parser will read it as XML either
            declares = _prolog_declares_dtd(text, whole=len(head) < _FIRST)
            if declares is None and len(head) == _FIRST:
                head += member.read(MAX_PROLOG - _FIRST)
                declares = _prolog_declares_dtd(_as_utf8(head), whole=len(head) < MAX_PROLOG)
    except ZIP_READ_ERRORS as exc:
        raise WorkbookError("corrupt-workbook", path, f"{info.filename}: {exc}") from None
    shouted = text.upper()  # (the first 4 KB: "<!doctype" is refused too)
    if b"<!DOCTYPE" in shouted or b"<!ENTITY" in shouted:
        raise WorkbookError("unsafe-workbook", path, f"{info.filename} declares a DTD")
    if declares or (declares is None and len(head) >= MAX_PROLOG):
        raise WorkbookError("unsafe-workbook", path, f"{info.filename} declares a DTD"
                            if declares else f"{info.filename} has an XML prolog over "
                            f"{MAX_PROLOG // 1024} KB")


def _as_utf8(head: bytes) -> bytes:
    """A part's first bytes as UTF-8, as an XML parser would read them: UTF-16 is told by its
    byte-order mark, or without one by a first "<" beside a zero byte (expat reads it so)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", "ignore").encode("utf-8")
    if head.startswith((b"<\x00", b"\x00<")):
        return head.decode("utf-16-le" if head[0] else "utf-16-be", "ignore").encode("utf-8")
    return head.removeprefix(b"\xef\xbb\xbf")


def _prolog_declares_dtd(text: bytes, whole: bool) -> bool | None:
    """Does the XML prolog (what comes before the root element) of `text` (UTF-8) declare a
    DTD? None when the prolog does not end within `text`. `whole` says `text` is all there is
    to read; when it is not, a tag cut short at its end ("<", "<!", "<!-", "<!DOC") is
    undecided, not judged."""
    i, n = 0, len(text)
    while True:
        while i < n and text[i] in b" \t\r\n":
            i += 1
        if i >= n:
            return None
        # A declaration ends after its opener: "<?>" and "<!-->" do not close themselves.
        if text.startswith(b"<?", i):
            end, step = text.find(b"?>", i + 2), 2
        elif text.startswith(b"<!--", i):
            end, step = text.find(b"-->", i + 4), 3
        elif not whole and n - i < len(b"<!DOCTYPE"):
            return None  # a tag cut short: "<!-" may be a comment, "<" a "<!DOCTYPE"
        else:  # "<!DOCTYPE" (or any other declaration), or the root element
            return text.startswith(b"<!", i)
        if end < 0:
            return None
        i = end + step
