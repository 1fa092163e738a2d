"""The one error type for a file that cannot be read as a workbook, with its stable codes.

Every way a file can fail to open (empty, corrupt, encrypted, the wrong format, dangerous) ends
here: a `WorkbookError` whose `code` is stable and whose message names the file and says what to
do in plain English. Nothing else of a library's errors escapes the read layer.
"""

from __future__ import annotations

from pathlib import Path

# code -> (what is wrong, what to do). The message is "<file>: <what is wrong> <what to do>".
FILE_PROBLEMS: dict[str, tuple[str, str]] = {
    "file-not-found": ("the file does not exist.", "Check the name and folder."),
    "not-a-file": ("this is a folder or a device, not a file.", "Name a workbook file."),
    "file-unreadable": (
        "the file could not be opened for reading.",
        "Check you have permission to read it and that no other program has it locked.",
    ),
    "file-empty": (
        "the file is empty (0 bytes).",
        "It was probably not saved properly: open the original in Excel and save it again.",
    ),
    "lock-file": (
        "this is an Excel lock file, not a plan: it exists while someone has the plan open.",
        "Ignore it; it disappears when they close the workbook.",
    ),
    "legacy-xls": (
        "this is an old-style Excel 97-2003 (.xls) workbook.",
        "Open it in Excel and use File > Save As > Excel Workbook (.xlsx).",
    ),
    "encrypted": (
        "the workbook is password-protected (encrypted), so it cannot be read.",
        "Remove the password (File > Info > Protect Workbook) and save a copy.",
    ),
    "xlsb-not-supported": (
        "this is an Excel binary workbook (.xlsb), which xl_plans does not read.",
        "Save it as an Excel Workbook (.xlsx).",
    ),
    "ods-not-supported": (
        "this is an OpenDocument spreadsheet (.ods), which xl_plans does not read.",
        "Save it as an Excel Workbook (.xlsx).",
    ),
    "word-document": (
        "this is a Word or other Office document, not an Excel workbook.",
        "Copy the plan into the xl_plans template (xl-plans new) and save that.",
    ),
    "text-not-workbook": (
        "this is a text file (CSV, HTML or similar) with a workbook's name, not a workbook.",
        "Open it in Excel and save it as an Excel Workbook (.xlsx).",
    ),
    "not-a-workbook": (
        "this file is not an Excel workbook.",
        "Check you picked the right file; plans are .xlsx or .xlsm workbooks.",
    ),
    "corrupt-workbook": (
        "the workbook is damaged (its zip container is truncated or fails its checks).",
        "Open it in Excel, which may offer to repair it, and save a new copy.",
    ),
    "unsafe-workbook": (
        "the workbook contains content that could attack the computer reading it.",
        "Do not open it; ask whoever sent it for a clean copy.",
    ),
    "too-large": (
        "the workbook is far larger than any service plan.",
        "Check it is the right file; remove unused rows and sheets and save a copy.",
    ),
}


class WorkbookError(Exception):
    """A file that cannot be read as a plan workbook.

    `code` is one of FILE_PROBLEMS; `detail` adds specifics (a member name, a size).
    """

    def __init__(self, code: str, path: str | Path, detail: str = "") -> None:
        if code not in FILE_PROBLEMS:
            raise ValueError(f"unknown workbook error code {code!r}")
        self.code = code
        self.path = str(path)
        self.detail = detail
        super().__init__(self.message)

    @property
    def problem(self) -> str:
        what = FILE_PROBLEMS[self.code][0]
        return f"{what[:-1]} ({self.detail})." if self.detail else what

    @property
    def hint(self) -> str:
        return FILE_PROBLEMS[self.code][1]

    @property
    def message(self) -> str:
        return f"{Path(self.path).name}: {self.problem} {self.hint}"
