"""The summary's table rows as SpreadsheetML, spliced into the workbook XlsxWriter wrote.

Why by hand: a summary of 1,000 plans holds about 5.5 million cells, and XlsxWriter spends
about 4.5 µs on each (a call, a tuple and three regular expressions per cell): 25 s, half of the
whole consolidation. Table rows are the simplest part of the file format (numbers, inline text,
a style index), so they are written here in a fraction of that, and XlsxWriter still writes
everything else: styles, titles, headers, heat maps, Total rows, charts, filters, print setup.

The rules are XlsxWriter's, so a cell reads back the same either way (a test compares the two):
text is always an inline string, so "=HYPERLINK(...)" stays visible text and never a formula;
control characters are dropped and over-long text is cut (cellwrite.fit_text); a carriage
return and text that looks like Excel's own _xHHHH_ escape are escaped as Excel expects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from xlsxwriter.utility import xl_col_to_name

from xl_plans.cellwrite import LINE_HEIGHT, cell_value, fit_text

# Text needing more than the plain copy: XML's three markup characters, characters Excel
# stores as _xHHHH_ (control characters, \r, two non-characters) and text that already looks
# like such an escape (Excel would decode it, so its underscore is escaped: _x005F_).
_ATTENTION = re.compile("[\x00-\x08\x0b-\x1f&<>\ud800-\udfff\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_LOOKS_ESCAPED = re.compile("(_x[0-9a-fA-F]{4}_)")
_EXCEL_ESCAPED = re.compile("[\x0d\ufffe\uffff]")
_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 in the 1900 date system, from 1 March 1900
_FLUSH_ROWS = 500
# Texts whose XML is remembered: short ones (services, files, ratings, reasons), 10 MB at most.
_SEEN_MAX = 20_000
_SEEN_LONGEST = 200
EXCEL_MAX_ROWS = 1_048_576
MAX_HEIGHT = 409  # points: the tallest row Excel allows


@dataclass
class Rows:
    """Table rows rendered into a temporary file, to go straight after row `after` (1-based,
    the table's header) of a sheet."""

    after: int
    count: int
    data: IO[bytes]
    # What the columns hold, to size them once all is written (summary_book): each column's
    # lowest and highest number (or date serial) per style they were shown in, since a column's
    # width depends on its number format; and the longest text of each column that does not
    # wrap (its text is shown whole on one line).
    extents: dict[tuple[int, int], tuple[float, float]] = field(default_factory=dict)
    longest: dict[int, int] = field(default_factory=dict)

    def close(self) -> None:
        self.data.close()


@dataclass
class Styles:
    """The style of each column's cells (XlsxWriter's xf index; 0: none of its own), the styles
    of text values that name a fill (RAG, band) in coloured columns, the styles for dates and
    for dates with a time, and for anything else, `plain`, used where the column has no style
    of its own.

    `by_row` gives some columns a style that differs row by row, chosen by the value in one
    column of the row: (that column, its value -> column -> style), as a KPI's figures are
    formatted by its Unit. `wrapped` gives the width (in characters) of the columns whose text
    wraps: a row is made tall enough for its longest, since spreadsheets do not size rows they
    did not edit themselves (LibreOffice prints the extra lines over the rows below)."""

    columns: Sequence[int]
    fills: Mapping[int, Mapping[str, int]]  # column -> value -> style
    date: int
    date_time: int
    by_row: tuple[int, Mapping[Any, Mapping[int, int]]] | None = None
    wrapped: Mapping[int, float] = field(default_factory=dict)  # column -> width
    plain: int = 0


def render(rows: Iterable[Sequence[Any]], after: int, styles: Styles,
           sums: dict[int, float | None] | None = None) -> Rows:
    """Write `rows` as <row> elements numbered from `after + 1`. `sums` (column -> running
    total, None until a number passes) adds up the numbers in those columns as they pass.
    Rows past the last one a sheet can hold (leaving one for a Total row) are counted in a
    closing note row instead."""
    attrs = [f' s="{s or styles.plain}"' if s or styles.plain else "" for s in styles.columns]
    dated = [not s for s in styles.columns]  # the columns where a date gets a date style
    # The whole row's style attributes for each value of the by_row column.
    key, by_value = styles.by_row or (-1, {})
    row_attrs = {value: [f' s="{chosen[col]}"' if col in chosen else attr
                         for col, attr in enumerate(attrs)]
                 for value, chosen in by_value.items()}
    fill_attrs = {col: {v: f' s="{s}"' for v, s in fills.items()}
                  for col, fills in styles.fills.items()}
    date_attrs = (f' s="{styles.date}"', f' s="{styles.date_time}"')
    letters = [xl_col_to_name(col) for col in range(len(attrs))]
    wrap_at = [styles.wrapped.get(col, 0) for col in range(len(attrs))]
    longest = [0] * len(attrs)
    extents: dict[tuple[int, str], list[float]] = {}  # (column, style attribute) -> [lo, hi]
    room = EXCEL_MAX_ROWS - after - 2  # rows that fit, with one for a note and one for a Total
    out = tempfile.TemporaryFile()  # noqa: SIM115  (Rows.close closes it, or the except)
    try:
        batch: list[str] = []
        seen: dict[str, str] = {}
        count = left_out = 0
        for values in rows:
            if count == room:
                left_out += 1
                continue
            count += 1
            r = str(after + count)
            if len(values) > len(letters):  # wider than its header: still shown
                letters += [xl_col_to_name(c) for c in range(len(letters), len(values))]
                more = len(values) - len(attrs)
                for each in (attrs, *row_attrs.values()):
                    each += [f' s="{styles.plain}"' if styles.plain else ""] * more
                wrap_at += [0] * more
                longest += [0] * more
                dated += [True] * more
            shown = row_attrs.get(values[key], attrs) if 0 <= key < len(values) else attrs
            lines = 1
            cells = []
            for col, value in enumerate(values):
                kind = type(value)
                if kind is not str and kind is not int and kind is not float:
                    if value is None:
                        continue
                    value = cell_value(value)
                    kind = type(value)
                if kind is str:
                    if not value:
                        continue
                    attr = shown[col]
                    if col in fill_attrs:
                        attr = fill_attrs[col].get(value, attr)
                    wrap = wrap_at[col]
                    if not wrap:
                        if len(value) > longest[col]:
                            longest[col] = len(value)
                    elif len(value) >= wrap or "\n" in value:
                        needed = text_lines(value, wrap)
                        if needed > lines:
                            lines = needed
                    text = seen.get(value)  # services, files, ratings, reasons repeat a lot
                    if text is None:
                        text = _text(value)
                        if len(value) <= _SEEN_LONGEST and len(seen) < _SEEN_MAX:
                            seen[value] = text
                    cells.append(f'<c r="{letters[col]}{r}"{attr} t="inlineStr"><is>{text}'
                                 "</is></c>")
                elif kind is int or kind is float:
                    if not math.isfinite(value):
                        continue
                    attr = shown[col]
                    cells.append(f'<c r="{letters[col]}{r}"{attr}><v>{number_text(value)}</v></c>')
                    span = extents.get((col, attr))
                    if span is None:
                        extents[(col, attr)] = [value, value]
                    elif value > span[1]:
                        span[1] = value
                    elif value < span[0]:
                        span[0] = value
                    if sums is not None and col in sums:
                        total = sums[col]
                        sums[col] = value if total is None else total + value
                elif kind is bool:
                    cells.append(f'<c r="{letters[col]}{r}"{shown[col]} t="b"><v>{int(value)}'
                                 "</v></c>")
                elif value is not None:  # a date
                    timed = isinstance(value, dt.datetime) and value.time() != dt.time(0)
                    attr = date_attrs[timed] if dated[col] else shown[col]
                    serial = excel_serial(value)
                    cells.append(f'<c r="{letters[col]}{r}"{attr}><v>{number_text(serial)}</v></c>')
                    extents.setdefault((col, attr), [serial, serial])
            height = (f' ht="{min(lines * LINE_HEIGHT, MAX_HEIGHT)}" customHeight="1"'
                      if lines > 1 else "")
            batch.append(f'<row r="{r}"{height}>{"".join(cells)}</row>')
            if len(batch) == _FLUSH_ROWS:
                out.write("".join(batch).encode())
                batch.clear()
        if left_out:
            count += 1
            note = (f"{left_out:,} more rows do not fit in one Excel sheet: the CSV export "
                    "(--csv-dir) has the whole table.")
            batch.append(f'<row r="{after + count}"><c r="A{after + count}" t="inlineStr">'
                         f"<is>{_text(note)}</is></c></row>")
        out.write("".join(batch).encode())
        out.seek(0)
    except BaseException:
        out.close()
        raise
    return Rows(after, count, out,
                {(col, _style_of(attr)): (lo, hi) for (col, attr), (lo, hi) in extents.items()},
                {col: n for col, n in enumerate(longest) if n})


def _style_of(attr: str) -> int:
    """The style index in a cell's style attribute (' s="12"'); 0 for none."""
    return int(attr[4:-1]) if attr else 0


def text_lines(text: str, width: float) -> int:
    """How many lines `text` wraps to in a column `width` characters wide: for every writer
    (the summary's rows here, the Status sheet, the template's Guidance)."""
    usable = max(1, int(width) - 1)
    if "\n" not in text:  # the usual case, and render's hot path: no splitting
        return max(1, -(-len(text) // usable))
    return sum(max(1, -(-len(part) // usable)) for part in text.split("\n"))


def number_text(value: int | float) -> str:
    """The shortest text that reads back as exactly this number; 45, not 45.0."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def _text(text: str) -> str:
    """An inline string's <t> element."""
    if _ATTENTION.search(text) or len(text) > 1000:
        text = fit_text(text)
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        text = _LOOKS_ESCAPED.sub(r"_x005F\1", text)
        text = _EXCEL_ESCAPED.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    if text and (text[0].isspace() or text[-1].isspace()):
        return f'<t xml:space="preserve">{text}</t>'
    return f"<t>{text}</t>"


def excel_serial(value: dt.date) -> int | float:
    """A date (or date and time) as Excel's serial number, 1900 date system."""
    if isinstance(value, dt.datetime):
        day = value.date()
        fraction = (value - dt.datetime.combine(day, dt.time(0), value.tzinfo)).total_seconds()
        return excel_serial(day) + fraction / 86_400
    days = (value - _EPOCH).days
    # Excel counts a 29 February 1900 that never was; before it, its serials are one less.
    return days - 1 if value < dt.date(1900, 3, 1) else days


def splice(workbook: Path, target: Path, rows: Mapping[str, Rows],
           edits: Mapping[str, Callable[[bytes], bytes]] | None = None,
           last: Mapping[str, Callable[[bytes, dict[str, str]], bytes]] | None = None) -> None:
    """Copy the zip XlsxWriter wrote to `target`, with each sheet part named in
    `rows` ("xl/worksheets/sheet2.xml") given its rows after its header row, and each part
    named in `edits` changed by its function. The parts named in `last` are written after all
    the others, changed by their function, which is also given every other part's sha256 (part
    name -> hex digest): a part can record a digest of the rest.

    Compression level 1: the table sheets are most of a big summary, and level 1 compresses
    them in under half the time of zlib's default for files about 30% larger (26 MB of
    KPIs XML: 95 ms and 2.9 MB against 226 ms and 2.1 MB)."""
    digests: dict[str, str] = {}
    with zipfile.ZipFile(workbook) as source, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        held = []
        for info in source.infolist():
            if last and info.filename in last:
                held.append(info)
                continue
            data = source.read(info)
            if edits and info.filename in edits:
                data = edits[info.filename](data)
            added = rows.get(info.filename)
            if added is None or not added.count:
                out.writestr(info, data)
                digests[info.filename] = hashlib.sha256(data).hexdigest()
                continue
            head, tail = _cut(data.decode("utf-8"), added)
            size = added.data.seek(0, 2)
            added.data.seek(0)
            info.file_size = len(head) + size + len(tail)  # lets zipfile choose ZIP64 if big
            info.compress_type = zipfile.ZIP_DEFLATED
            # (zipfile's own name for it, public as compress_level from Python 3.13)
            info._compresslevel = 1  # type: ignore[attr-defined]
            digest = hashlib.sha256(head)
            with out.open(info, "w") as sheet:
                sheet.write(head)
                while chunk := added.data.read(1 << 20):
                    sheet.write(chunk)
                    digest.update(chunk)
                sheet.write(tail)
            digest.update(tail)
            digests[info.filename] = digest.hexdigest()
        for info in held:
            assert last is not None
            out.writestr(info, last[info.filename](source.read(info), digests))


def _cut(xml: str, added: Rows) -> tuple[bytes, bytes]:
    """The sheet XML before and after the point the rows go in (the end of the header row),
    with its <dimension> stretched to cover them."""
    start = xml.index(f'<row r="{added.after}"')
    point = xml.index("</row>", start) + len("</row>")
    last = added.after + added.count

    def stretch(match: re.Match[str]) -> str:
        return f'<dimension ref="{match[1]}:{match[2]}{max(int(match[3]), last)}"/>'

    head = re.sub(r'<dimension ref="([A-Z]+[0-9]+):([A-Z]+)([0-9]+)"/>', stretch, xml[:point],
                  count=1)
    return head.encode("utf-8"), xml[point:].encode("utf-8")
