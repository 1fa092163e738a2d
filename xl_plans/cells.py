"""Raw cell grids from a workbook file: fast values, and error and formula cells told apart.

python-calamine reads values quickly but shows an error cell (#DIV/0!) and a formula that was
never calculated as blank (reliability.md). Blank, error and uncalculated must never be confused,
so each sheet's XML is also scanned for those two cases (only when it holds formulas or errors at
all) and they are marked as ErrorValue and Uncalculated. The grid starts at A1: row and column
indexes are the sheet's, 0-based.

A month typed into Excel ("March 2024") is stored as the date 1 March 2024 with a number format
that shows no day ("mmm-yy"), and calamine gives only the date. So a date whose cell's format
shows a month but no day (`month_format`) is given as the month the officer sees, "March 2024",
which the reader takes as the whole month, not its first day. The styles part is read once per
workbook, and parsed only if its number formats include such a format.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine as calamine
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from xl_plans.errors import WorkbookError
from xl_plans.model import column_letter
from xl_plans.sniff import ZIP_READ_ERRORS, os_reason, sniff

# A sheet with more rows than this is not a service plan (and would cost seconds to read).
MAX_ROWS = 100_000
# calamine allocates a sheet's whole grid, up to its furthest cell, before anything can be
# checked: one stray cell at XFD50000 asks for 26 GB and aborts the process. So the grid's
# size (rows x columns) is bounded from the sheet's XML first. This is about 130 MB in
# calamine, 200 times a large plan's widest sheet.
MAX_CELLS = 4_000_000

# What follows "<f" or ":f" (with or without a namespace prefix) in a formula element's tag.
_AFTER_F = (b">", b" ", b"/")
_ADDRESS = re.compile(r"([A-Z]+)(\d+)")
# The references (r="...") of rows and cells beyond column Z or row 9,999, as (letters,
# digits): a plan has few or none, so finding them all costs one quick scan. Any case and either
# quote, as calamine reads them. Every other reference lies within A1:Z9999.
_FAR_REF = re.compile(rb' r=["\']([A-Za-z]{2,}|[A-Za-z]?(?=\d{5}))(\d+)["\']')
_NEAR_ROWS = 9_999
_ANY_ROW = re.compile(rb' r=["\'][A-Za-z]*(\d+)["\']')
# The XML is searched this much at a time, so that the lists of references found stay small
# however many a crafted sheet holds.
_PIECE = 4 * 1024 * 1024
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

# Where calamine reads number formats (it looks nowhere else), so where dates are decided.
STYLES_PART = "xl/styles.xml"
# Built-in number formats (no <numFmt> in the file) that show a month without a day: 17 is
# "mmm-yy", what Excel gives a cell when "March 2024" is typed into it.
_BUILTIN_MONTH_FORMATS = {17: "mmm-yy"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
# Quick looks at the styles part's bytes, to parse it only when it may hold a month format.
_FORMAT_CODE = re.compile(rb"""formatCode\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_BUILTIN_MONTH_ID = re.compile(rb"""numFmtId\s*=\s*["']\s*0*(?:%s)\s*["']""" % b"|".join(
    str(n).encode() for n in _BUILTIN_MONTH_FORMATS))
# A cell's start tag (any namespace prefix): any cell's, or one naming one of some styles
# (%s: "12|15"); and its style and reference attributes, as Excel and other tools write them.
_ANY_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c(?:\s[^>]*)?>")
_STYLED_CELL = rb"""<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?(?<=\s)s=["'](?:%s)["'][^>]*>"""
_STYLE_ATTR = re.compile(rb"""(?<=\s)s=["'](\d+)["']""")
_REF_ATTR = re.compile(rb"""(?<=\s)r=["']([^"']*)["']""")
# Elapsed time in a format: [h], [mm], [ss].
_ELAPSED = re.compile(r"[hms]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ErrorValue:
    """An error cell: #DIV/0!, #REF!, #N/A, ..."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True, slots=True)
class Uncalculated:
    """A formula saved without its result (the file was written by a tool that does not
    calculate): its value is unknown, not blank."""

    formula: str

    def __str__(self) -> str:
        return f"={self.formula}"


CellValue = (
    str | float | int | bool | dt.date | dt.datetime | dt.time | ErrorValue | Uncalculated | None
)


def address(row: int, col: int) -> str:
    """0-based row and column -> "B12"."""
    return f"{column_letter(col)}{row + 1}"


def parse_address(ref: str) -> tuple[int, int]:
    """"B12" -> (11, 1), 0-based."""
    match = _ADDRESS.fullmatch(ref.replace("$", "").upper())
    if not match:
        raise ValueError(f"not a cell address: {ref!r}")
    col = 0
    for char in match[1]:
        col = col * 26 + ord(char) - 64
    return int(match[2]) - 1, col - 1


@dataclass(frozen=True)
class SheetInfo:
    name: str
    visible: bool
    is_worksheet: bool  # False for chart sheets, dialog and macro sheets


@dataclass
class Grid:
    name: str
    rows: list[list[CellValue]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1

    def value(self, row: int, col: int) -> CellValue:
        if row < len(self.rows) and col < len(self.rows[row]):
            return self.rows[row][col]
        return None


class Workbook:
    """An open workbook file. Use as a context manager; `grid(name)` reads one sheet."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.date1904 = False  # the 1904 date system (old Mac workbooks): serials shift
        self._archive = sniff(self.path)
        try:
            handle = self.path.open("rb")
        except OSError as exc:  # gone or locked since it was sniffed
            self.close()
            raise WorkbookError("file-unreadable", self.path, os_reason(exc)) from None
        try:
            # From the open file, not its name: calamine cannot open a name that is not valid
            # UTF-8 (Python holds its bytes as surrogates), and reading this way is as fast.
            with handle:
                self._book = calamine.CalamineWorkbook.from_filelike(handle)
            metadata = self._book.sheets_metadata
        except calamine.PasswordError:
            self.close()
            raise WorkbookError("encrypted", self.path) from None
        except Exception as exc:  # calamine's errors (zip, XML, unsupported) are all "damaged"
            self.close()
            raise WorkbookError("corrupt-workbook", self.path, _short(exc)) from None
        self.sheets = [
            SheetInfo(
                name=meta.name,
                visible=meta.visible == calamine.SheetVisibleEnum.Visible,
                is_worksheet=meta.typ == calamine.SheetTypeEnum.WorkSheet,
            )
            for meta in metadata
        ]
        self._members = self._sheet_members()
        self._month_styles: frozenset[int] | None = None  # read at the first grid()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._archive.close()
        book = getattr(self, "_book", None)
        if book is not None:
            book.close()

    @property
    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.sheets]

    def grid(self, name: str) -> Grid:
        """All cells of a worksheet from A1, with error and uncalculated cells marked."""
        data = self._sheet_xml(name)
        self._check_extent(name, data)
        try:
            sheet = self._book.get_sheet_by_name(name)
            end = sheet.end  # calamine's own count: rows written without a number, too
            if end is not None and end[0] >= MAX_ROWS:
                raise WorkbookError("too-large", self.path,
                                    f"sheet {name} has over {MAX_ROWS:,} rows")
            # skip_empty_area=False: the grid starts at A1, so indexes are the sheet's own.
            rows = [_values(raw) for raw in sheet.to_python(skip_empty_area=False)]
            merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []]
        except WorkbookError:
            raise
        except Exception as exc:  # damaged sheet XML, bad CRC
            raise WorkbookError("corrupt-workbook", self.path, f"sheet {name}: {_short(exc)}") \
                from None
        except BaseException as exc:
            # A Rust panic inside python-calamine is a BaseException (PanicException), e.g. on a
            # large negative number in a date-formatted cell: the sheet cannot be read.
            if type(exc).__name__ != "PanicException":
                raise
            raise WorkbookError("corrupt-workbook", self.path,
                                f"sheet {name}: a value cannot be read ({_short(exc)})") from None
        if self._month_styles is None:
            self._month_styles = self._read_month_styles()
        if self._month_styles:
            show_months(rows, data, self._month_styles)
        for (row, col), flag in self._flags(name, data):
            while len(rows) <= row:  # calamine drops rows holding only uncalculated formulas
                rows.append([])
            cells = rows[row]
            if len(cells) <= col:
                cells.extend([None] * (col + 1 - len(cells)))
            cells[col] = flag
        return Grid(name, rows, merged)

    def _read_month_styles(self) -> frozenset[int]:
        """The cell styles (indexes of the styles part's cellXfs, a cell's s="N") whose number
        format shows a month but no day. Read once per workbook, at its first grid(). The part
        is parsed only if its bytes show such a format (most plans have none), and then
        safely: a DTD is refused as in a sheet, though sniff() has refused any part declaring
        one already. A part that is not well-formed gives none, as a missing one does:
        calamine has read it (or the file would not be open), so its dates stay dates."""
        try:
            data = self._archive.read(STYLES_PART)
        except KeyError:
            return frozenset()
        except ZIP_READ_ERRORS as exc:
            raise WorkbookError("corrupt-workbook", self.path, f"styles: {_short(exc)}") \
                from None
        if not _may_hold_month_formats(data):
            return frozenset()
        try:
            styles = SafeET.fromstring(data)
        except DefusedXmlException as exc:  # entities or a DTD: refused, never expanded
            raise WorkbookError("unsafe-workbook", self.path, f"styles part: {exc!r}") \
                from None
        except SafeET.ParseError:
            return frozenset()
        return month_styles(styles)

    def _sheet_members(self) -> dict[str, str]:
        """Sheet name -> its XML part; also notes the workbook's date system."""
        try:
            workbook = SafeET.fromstring(self._archive.read("xl/workbook.xml"))
            rels = SafeET.fromstring(self._archive.read("xl/_rels/workbook.xml.rels"))
        except DefusedXmlException as exc:  # entities or a DTD: refused, never expanded
            raise WorkbookError("unsafe-workbook", self.path, f"workbook part: {exc!r}") \
                from None
        except (KeyError, SafeET.ParseError, *ZIP_READ_ERRORS) as exc:
            raise WorkbookError("corrupt-workbook", self.path, _short(exc)) from None
        self.date1904 = any(
            element.tag.endswith("}workbookPr")
            and element.get("date1904", "").lower() in ("1", "true")
            for element in workbook.iter()
        )
        return sheet_parts(workbook, rels)

    def _sheet_xml(self, name: str) -> bytes:
        """A sheet's XML, read once for both checks (b"" if the workbook part does not list
        it: calamine then says what is wrong)."""
        member = self._members.get(name)
        if member is None:
            return b""
        try:
            return self._archive.read(member)
        except (KeyError, *ZIP_READ_ERRORS) as exc:
            raise WorkbookError("corrupt-workbook", self.path, f"sheet {name}: {_short(exc)}") \
                from None

    def _check_extent(self, name: str, data: bytes) -> None:
        """Refuse a sheet whose grid would be too large, before calamine allocates it."""
        rows, cols = far_extent(data)
        if rows > MAX_ROWS:
            raise WorkbookError("too-large", self.path,
                                f"sheet {name} reaches row {rows:,}: over {MAX_ROWS:,} rows")
        if rows * cols > MAX_CELLS:
            raise WorkbookError("too-large", self.path, (
                f"sheet {name} reaches column {column_letter(cols - 1)} and row {rows:,}: "
                f"{rows * cols:,} cells, over {MAX_CELLS:,}"))

    def _flags(self, name: str,
               data: bytes) -> Iterator[tuple[tuple[int, int], ErrorValue | Uncalculated]]:
        if not _may_hold_flags(data):
            return
        try:
            yield from _scan_cells(data)
        except DefusedXmlException as exc:  # entities or a DTD: refused, never expanded
            raise WorkbookError("unsafe-workbook", self.path, f"sheet {name}: {exc!r}") \
                from None
        except SafeET.ParseError as exc:
            raise WorkbookError("corrupt-workbook", self.path, f"sheet {name}: {_short(exc)}") \
                from None


def month_format(code: str) -> bool:
    """Does a number format show a date's month but not its day, nor a time? "mmm-yy",
    "mmmm yyyy", "[$-809]mmmm yyyy;@", "mm/yyyy", "mmm" do; "dd/mm/yyyy", "d-mmm",
    "mmm-yy h:mm", "yyyy", "0.0%" do not. Dates are positive, so only the first section (up
    to ";") counts; quoted text, escaped characters and [...] (locale, colour, condition) are
    not tokens. With no hour or second shown, every m is a month, never minutes."""
    tokens: list[str] = []
    chars = iter(code)
    for char in chars:
        if char == ";":
            break
        if char in "\"[":
            closing = '"' if char == '"' else "]"
            inside = "".join(iter(chars.__next__, closing))  # (to the end, if never closed)
            if char == "[" and _ELAPSED.fullmatch(inside):
                return False  # [h]:mm, [mm]:ss: a duration
        elif char in "\\_*":  # \x shows x; _x leaves x's width; *x repeats x
            next(chars, None)
        else:
            tokens.append(char)
    text = "".join(tokens).lower()
    if "am/pm" in text or "a/p" in text:
        return False
    return "m" in text and not any(char in text for char in "dhs")


def month_styles(styles: Any) -> frozenset[int]:
    """The cellXfs indexes (a cell's s="N") of a parsed styles part whose number format is a
    `month_format`: one of the file's own <numFmt>s, or a built-in one (17, "mmm-yy")."""
    codes: dict[int, str] = {}
    xfs: list[Any] = []
    for part in styles:
        local = _local(part.tag)
        if local == "numFmts":
            for fmt in part:
                number = _number(fmt.get("numFmtId"))
                if _local(fmt.tag) == "numFmt" and number is not None:
                    codes[number] = fmt.get("formatCode", "")
        elif local == "cellXfs":
            xfs = [xf for xf in part if _local(xf.tag) == "xf"]
    found = set()
    for index, xf in enumerate(xfs):
        number = _number(xf.get("numFmtId", "0"))
        if number is None:
            continue
        code = codes.get(number, _BUILTIN_MONTH_FORMATS.get(number, ""))
        if code and month_format(code):
            found.add(index)
    return frozenset(found)


def show_months(rows: list[list[CellValue]], data: bytes, styles: frozenset[int]) -> None:
    """Turn each date in `rows` whose cell (in the sheet's XML, `data`) has one of `styles`
    into the month, as text ("March 2024"): what a cell formatted to show the month but no day
    shows. Only dates: a number or text in such a cell is what it is. A cell is found by its
    start tag naming the style (s="N"; or naming none, if the first style, 0, is one) and
    placed by its reference; one with no reference is left as it is."""
    if 0 in styles:
        pattern = _ANY_CELL
    else:
        if not any(b's="%d"' % n in data or b"s='%d'" % n in data for n in styles):
            return  # quick: this sheet has no such cell (re caches the pattern below)
        pattern = re.compile(_STYLED_CELL % b"|".join(b"%d" % n for n in sorted(styles)))
    for match in pattern.finditer(data):
        tag = match[0]
        style = _STYLE_ATTR.search(tag)
        if style is not None and (len(style[1]) > 9 or int(style[1]) not in styles):
            continue
        ref = _REF_ATTR.search(tag)
        try:
            row, col = parse_address(ref[1].decode("ascii")) if ref else (-1, -1)
        except (ValueError, UnicodeDecodeError):
            continue
        if 0 <= row < len(rows) and col < len(rows[row]):
            value = rows[row][col]
            if isinstance(value, dt.date):  # a datetime too
                rows[row][col] = month_shown(value)


def month_shown(date: dt.date) -> str:
    """A date as a cell formatted to show its month shows it, as the reader takes it: the
    month ("March 2024"), a deadline at the month's end."""
    return f"{_MONTHS[date.month - 1]} {date.year}"


def _may_hold_month_formats(data: bytes) -> bool:
    """Could a styles part hold a month format? Decided on its bytes (a built-in month
    format's number, or a format code of its own that reads as one), since parsing the part
    costs more than reading a plan's sheet."""
    if _BUILTIN_MONTH_ID.search(data):
        return True
    return any(map(_month_code, _FORMAT_CODE.findall(data)))


@functools.lru_cache(maxsize=1024)
def _month_code(quoted: tuple[bytes, bytes]) -> bool:
    """`month_format` of a format code as the styles part's bytes hold it (a match of
    _FORMAT_CODE): most plans share their template's few formats, so each is read once."""
    code = quoted[0] or quoted[1]
    if b"m" not in code and b"M" not in code:
        return False
    return month_format(html.unescape(code.decode("utf-8", "replace")))


def _local(tag: str) -> str:
    return tag[tag.rfind("}") + 1:]


def _number(text: str | None) -> int | None:
    """An id attribute as a number (None if it is not one)."""
    text = (text or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else None


def sheet_parts(workbook: Any, rels: Any) -> dict[str, str]:
    """Sheet name -> its XML part, from the parsed workbook part and its relationships."""
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    parts = {}
    for sheet in workbook.iter():
        if sheet.tag.endswith("}sheet") and sheet.get(_REL_NS) in targets:
            target = targets[sheet.get(_REL_NS)].replace("\\", "/")
            target = target[1:] if target.startswith("/") else posixpath.join("xl", target)
            parts[sheet.get("name", "")] = posixpath.normpath(target)
    return parts


def far_extent(data: bytes) -> tuple[int, int]:
    """How far a sheet's references reach, as (rows, columns) counted from A1, read from its
    XML without parsing it: only references beyond A1:Z9999 count (a grid within is harmless),
    so (0, 0) for most sheets. Stops as soon as the grid is known to be too large. Only when a
    column lies so far out that rows below 10,000 could make the grid too large is every row
    reference read: calamine places a cell by its own reference, which need not lie in the
    last row (a crafted file's cell A9999 may sit in row 3)."""
    rows = cols = 0
    for start, end in _pieces(data):
        refs = _FAR_REF.findall(data, start, end)
        cols = max(cols, max(map(_column, {letters for letters, _ in refs}), default=0))
        rows = max(rows, _largest({digits for _, digits in refs}))
        if rows > MAX_ROWS or rows * cols > MAX_CELLS:
            return rows, cols
    if max(rows, _NEAR_ROWS) * cols > MAX_CELLS:
        for start, end in _pieces(data):
            rows = max(rows, _largest(set(_ANY_ROW.findall(data, start, end))))
            if rows * cols > MAX_CELLS:
                break
    return rows, cols


def _pieces(data: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of slices of `data` about _PIECE long, each ending before a "<": XML allows
    no "<" in an attribute, so no reference is cut in two."""
    start = 0
    while start < len(data):
        end = data.find(b"<", start + _PIECE)
        end = len(data) if end < 0 else end
        yield start, end
        start = end


def _column(letters: bytes) -> int:
    """b"XFD" -> 16384, b"" -> 0: the columns a grid from A1 needs. Letters past the fifth
    cannot matter (five reach far beyond Excel's 16,384 columns) and would cost time."""
    col = 0
    for char in letters[:5].upper():
        col = col * 26 + char - 64
    return col


def _largest(numbers: set[bytes]) -> int:
    """The largest row number of a set (0 for none). One too long to read, which a crafted file
    may hold (int() refuses thousands of digits), counts as far beyond any sheet."""
    if not numbers:
        return 0
    if max(map(len, numbers)) >= 10:
        return _TOO_FAR
    return max(map(int, numbers))


_TOO_FAR = 10**9  # rows: far beyond any sheet (Excel stops at 1,048,576)


def _may_hold_flags(data: bytes) -> bool:
    """Could a sheet hold a formula or an error cell? Decided on its bytes, since the full scan
    costs far more: a formula element (<f>, <f ...>, <f/>, any prefix) or t="e". Plain
    searches are far faster than a regular expression, and each is a pass over the sheet, so
    the formula tags are found by two searches and a look at the byte after, not five."""
    for opener in (b"<f", b":f"):
        at = data.find(opener)
        while at >= 0:
            if data[at + 2:at + 3] in _AFTER_F:
                return True
            at = data.find(opener, at + 2)
    return b't="e"' in data or b"t='e'" in data


def _scan_cells(data: bytes) -> list[tuple[tuple[int, int], ErrorValue | Uncalculated]]:
    """Error cells and formulas with no cached value, from a sheet's XML."""
    parser = SafeET.DefusedXMLParser(target=_CellFlags())  # entities refused, as everywhere
    parser.feed(data)
    found: list[tuple[tuple[int, int], ErrorValue | Uncalculated]] = parser.close()
    return found


class _CellFlags:
    """An XML parser target noting error cells and formulas with no cached value as the parser
    meets them. It builds no elements (iterparse's cost a quarter more time, and its iterator
    left a reference cycle behind for each sheet, which pool workers rarely collect), yet reads
    what ElementTree would: a cell's own <f> and <v>, each one's text up to its first child."""

    def __init__(self) -> None:
        self.found: list[tuple[tuple[int, int], ErrorValue | Uncalculated]] = []
        self._tags: list[str] = []  # the open elements' local names, outermost first
        self._cells: list[list[Any]] = []  # open <c> elements: [ref, type, formula, value]
        # for each open element: None, or (a cell's own <f> or <v>) its text as read so far,
        # a list of pieces, then a str once a child element has begun
        self._texts: list[list[str] | str | None] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        local = tag[tag.rfind("}") + 1:]  # any namespace prefix: x:c is a cell too
        tags, texts = self._tags, self._texts
        if texts and type(texts[-1]) is list:
            texts[-1] = "".join(texts[-1])  # a child: the text before it is the element's
        if local == "c":
            self._cells.append([attrib.get("r"), attrib.get("t", "n"), None, None])
        texts.append([] if (local == "f" or local == "v") and tags and tags[-1] == "c"
                     else None)
        tags.append(local)

    def data(self, text: str) -> None:
        texts = self._texts
        if texts and type(texts[-1]) is list:
            texts[-1].append(text)  # (in pieces, around entities)

    def end(self, tag: str) -> None:
        local = self._tags.pop()
        text = self._texts.pop()
        if text is not None:
            text = text if type(text) is str else "".join(text)
            if local == "f":
                self._cells[-1][2] = text
            else:
                self._cells[-1][3] = text or None
        elif local == "c":
            ref, cell_type, formula, value = self._cells.pop()
            if not ref:
                return
            if cell_type == "e":
                self.found.append((parse_address(ref), ErrorValue(value or "#N/A")))
            elif formula is not None and not value and cell_type != "str":
                self.found.append((parse_address(ref), Uncalculated(formula)))

    def close(self) -> list[tuple[tuple[int, int], ErrorValue | Uncalculated]]:
        return self.found


def _values(raw: list[Any]) -> list[CellValue]:
    """A row as calamine gives it, with empty text as None and whole floats as ints (how they
    were typed). One loop, not a call per cell: a plan has thousands of cells."""
    row: list[CellValue] = []
    append = row.append
    for value in raw:
        kind = type(value)
        if kind is str:
            append(value or None)
        elif kind is float and value.is_integer() and -_EXACT < value < _EXACT:
            append(int(value))
        else:
            append(value)
    return row


_EXACT = 2**53  # floats up to this are whole numbers exactly


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
