"""The council summary workbook and CSV export of a Consolidation.

Which sheets, in which order, which columns are coloured or formatted, and the charts: the
layout of what the performance team and finance read. The writing itself is summary_book's.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from xl_plans import consolidate as c
from xl_plans.cellwrite import csv_safe
from xl_plans.files import SUMMARY_MARK
from xl_plans.model import Unit
from xl_plans.saving import SaveError, default_mode, replaceable, signals_held
from xl_plans.status_sheet import NUMBER_FORMATS
from xl_plans.summary_book import Book, FormatsBy, HeatMap, StackedBar, Table, write_book

# Pence shown: whole pounds would show rows that do not add up to the Total shown under them.
MONEY = '"£"#,##0.00'
# A KPI's figures in its unit's format, as on a plan's Status sheet; a Yes/No figure (1 or 0)
# reads Yes or No, as the Status sheet shows it, and stays a number for the CSVs.
KPI_FIGURES = FormatsBy(
    key="Unit",
    columns=("Annual Target", "Q1", "Q2", "Q3", "Q4", "Actual", "Expected", "Forecast"),
    formats={**{unit.value: fmt for unit, fmt in NUMBER_FORMATS.items()},
             Unit.YES_NO.value: '"Yes";"Yes";"No"'})
FORMATS = {"Gross Budget": MONEY, "Net Budget": MONEY, "Value": MONEY, "FTE": "0.00",
           "% Complete": "0%"}
NOTES = {
    "Summary": "One row per service. Overdue and due counts are priority outcome rows and "
               "project milestones. Figures are traced to their cells on the other sheets.",
    "KPIs": "Every indicator; File, Sheet and Cell give the actual used. Figures are numbers "
            "(a percentage as a fraction); words and bands typed instead are in Figures as "
            "typed.",
    "Exceptions": "Red; Amber and worsening; Amber or Red two quarters running.",
    "Risks": "All risks, highest residual score first; the heat map counts open risks.",
    "Priorities": "Priority outcomes and project milestones overdue or due this quarter. Due "
                  "is the day scored against (a month's or quarter's last); Due as typed, "
                  "what was typed if not a date.",
    "Contracts": "Contracts expiring within the policy horizons, expired, or past review. "
                 "Value and dates are as read; the columns as typed hold the text typed (if "
                 "any).",
    "Budget": "Gross and net budget and FTE for the plan year; Cell is the Net Budget cell. "
              "A figure blank, in words (TBC) or typed as a percentage is left blank and out "
              "of the totals.",
    "Budget by Directorate": "The Budget sheet added up by directorate; the totals are the "
                             "same. Figures left out names the blank ones.",
    "Data Quality": "Every file found: whether it was used, and why not.",
}
COLOURED = {
    "KPIs": ("RAG", "Forecast RAG"), "Exceptions": ("RAG", "Previous RAG"),
    "Risks": ("Inherent Band", "Residual Band"), "Priorities": ("RAG",),
    "Summary": ("Risk band",),
}
TOTALS = {"Budget": ("Gross Budget", "Net Budget", "FTE"),
          "Budget by Directorate": ("Services", "Gross Budget", "Net Budget", "FTE")}
# Column widths in characters, where a column's header (its longest word: headers wrap) is no
# guide. Every printed column wraps, so these are what reads well on paper rather than the
# longest text: the tables must print at a readable size (summary_book.PRINTED_POINTS). Figure
# columns are widened to their widest figure as written (summary_book._fitted_widths).
WIDE = {"Indicator": 24, "Reason": 26, "Comment": 26, "Corrective Action": 24, "Risk": 26,
        "Priority or Project": 24, "Outcome or Milestone": 28, "Contract": 22, "Supplier": 16,
        "Why listed": 16, "Service": 18, "Value as typed": 14, "Extension": 14,
        "Figures as typed": 12, "Due as typed": 12, "End Date as typed": 12,
        "Review Date as typed": 12,
        "No budget line": 20, "Figures left out": 30, "Council": 16, "Directorate": 16,
        "Vs previous quarter": 16, "Vs same quarter last year": 16, "Owner": 12,
        "Polarity": 9, "Measure": 11, "Due": 12, "End Date": 12, "Review Date": 12,
        "State": 12, "Code": 14, "Validation": 12,
        # a file's name is the key of Data Quality: whole on one line, not split mid-name
        "File": 40,
        # ratings and bands: "No target", "Very High" on one line
        "RAG": 10, "Previous RAG": 10, "Forecast RAG": 10, "Risk band": 10,
        "Inherent Band": 11, "Residual Band": 11, "Kind": 10, "Timing": 10,
        # the heat map's columns: "Likelihood 5" beside five impacts of one width
        "Status": 14, "Matrix": 11, "Inherent Score": 11, "Residual Likelihood": 11,
        "Residual Impact": 11}
# Where each row's figures came from: on screen and in the CSVs, not on paper (they end every
# table that has them).
UNPRINTED = ("File", "Sheet", "Cell")


def summary_book(result: c.Consolidation) -> Book:
    year = f" {result.year}" if result.year else ""
    used = len(result.used)
    subtitle = (f"{result.quarter.value}{year} · as of {result.built:%d/%m/%Y} · "
                f"{used} plan file{'s' if used != 1 else ''} used, "
                f"{len(result.results) - used} not used (see Data Quality)")
    tables = []
    for name, columns in c.COLUMNS.items():
        tables.append(Table(
            sheet=name, title=name, columns=columns, rows=result.rows(name),
            coloured=COLOURED.get(name, ()),
            formats={k: v for k, v in FORMATS.items() if k in columns},
            formats_by=KPI_FIGURES if KPI_FIGURES.key in columns else None,
            widths={k: v for k, v in WIDE.items() if k in columns},
            total_row=TOTALS.get(name, ()),
            note=NOTES.get(name, ""),
            unprinted=UNPRINTED,
        ))
    risk_columns = c.COLUMNS["Risks"]
    heat_maps = [
        HeatMap(sheet="Risks", title=f"Council heat map ({name} matrix): open risks",
                counts={(li + 1, ii + 1): n for li, row in enumerate(total.counts)
                        for ii, n in enumerate(row)},
                bands={(li + 1, ii + 1): band for li, row in enumerate(total.bands)
                       for ii, band in enumerate(row)},
                size=len(total.counts),
                left=risk_columns.index("Status") if "Status" in risk_columns else 0)
        for name, total in sorted(result.heat_maps.items())
    ]
    bars = [sum(r.summary.get(rag) or 0 for rag in c.RAG_COLUMNS) for r in result.used]
    chart = StackedBar(sheet="Summary", title="KPI RAG by service", table="Summary",
                       category="Service", series=c.RAG_COLUMNS, longest=max(bars, default=0))
    return Book(title="Council service plans", subtitle=subtitle, built=result.built,
                tables=tables, heat_maps=heat_maps, charts=[chart], mark=SUMMARY_MARK)


def write_summary(result: c.Consolidation, target: Path, *, overwrite: bool = False,
                  with_it: Callable[[], object] | None = None) -> Path:
    """Write the summary workbook; `with_it` (the CSV export's publish) runs as it is moved
    into place, so a stop never separates the two (saving.atomic_save)."""
    return write_book(summary_book(result), target, overwrite=overwrite, with_it=with_it)


def csv_paths(folder: Path) -> dict[str, Path]:
    """Where write_csvs puts each table: kpis.csv, data_quality.csv, ..."""
    return {name: folder / f"{name.lower().replace(' ', '_')}.csv" for name in c.COLUMNS}


def check_csv_folder(folder: Path) -> None:
    """Refuse (SaveError) a folder write_csvs could not fill without writing over someone's
    file: called before a long consolidation, and again by write_csvs. An earlier export is
    replaced only as any saved file is (saving.replaceable): never a read-only one (signed
    off, say) or one with other names (hard links), whose copies would silently part."""
    if folder.exists() and not folder.is_dir():
        raise SaveError(f"{folder} is a file, not a folder: choose a folder for the CSVs.")
    for name, path in csv_paths(folder).items():
        if (path.exists() or path.is_symlink()) and not c.is_export(path, c.COLUMNS[name]):
            raise SaveError(f"{path} already exists and is not an xl_plans export of that table: "
                            "choose another folder for the CSVs (nothing was written there).")
        if path.exists():
            try:
                replaceable(path)
            except SaveError as exc:
                raise SaveError(f"In the CSV folder {folder}: {exc} Nothing was written; "
                                "choose another folder for the CSVs.") from None


def write_csvs(result: c.Consolidation, folder: Path) -> list[Path]:
    """One CSV per table, same columns as the sheets; no field can run as a formula. An earlier
    export is replaced, never anything else (check_csv_folder). Every file is written beside
    its target first and only then are they all moved into place, so a full disk, a refusal or
    Ctrl-C leaves the last export whole and never half of one run beside half of another."""
    export = prepare_csvs(result, folder)
    try:
        return export.publish()
    finally:
        export.discard()


@dataclass
class CsvExport:
    """The CSVs of one run, written beside the files they replace: `publish` moves them all
    into place, `discard` removes any not moved (a run stopped before publishing)."""

    moves: list[tuple[Path, Path]]  # temporary file -> the file it replaces
    paths: list[Path]  # the CSVs, as named

    def publish(self) -> list[Path]:
        with signals_held():  # a handful of renames: Ctrl-C waits for the last, never splits
            for temp, real in self.moves:
                os.replace(temp, real)
        self.moves = []
        return self.paths

    def discard(self) -> None:
        for temp, _ in self.moves:
            temp.unlink(missing_ok=True)
        self.moves = []


def prepare_csvs(result: c.Consolidation, folder: Path) -> CsvExport:
    """Write every table's CSV beside its target (replacing nothing yet): see write_csvs."""
    check_csv_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    export = CsvExport([], [])
    try:
        for name, path in csv_paths(folder).items():
            real = replaceable(path) if path.exists() else path  # through a link, to its file
            temp = tempfile.NamedTemporaryFile(  # noqa: SIM115  (closed below)
                "w", dir=real.parent, prefix=".~xl_plans-", suffix=".csv", delete=False,
                newline="", encoding="utf-8-sig")
            export.moves.append((Path(temp.name), real))
            with temp:
                writer = csv.writer(temp)
                writer.writerow(c.COLUMNS[name])
                for row in result.rows(name):
                    writer.writerow(["" if v is None else csv_safe(v) for v in row])
            os.chmod(temp.name, default_mode())  # readable as any new file (not private)
            export.paths.append(path)
    except BaseException:
        export.discard()
        raise
    return export
