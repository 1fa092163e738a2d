"""Every service's plan into one council-wide picture, with the provenance of every row.

`consolidate(paths, quarter)` reads every plan (folders recursively), validates and scores each
with the same functions as `xl-plans validate` and `xl-plans status`, and gathers tidy tables:
Summary, KPIs, Exceptions, Risks, Priorities, Contracts, Budget and Data Quality. One bad file
never stops the batch: it becomes a Data Quality row with its code and reason. Plans are
processed in parallel (one process per core); the result does not depend on the order they
finish in.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
import math
import os
import pickle
import signal
import tempfile
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import pandas as pd

from xl_plans.errors import WorkbookError
from xl_plans.files import SUMMARY_SKIPPED, Skipped, find_plans
from xl_plans.kpi import Direction, KpiStatus, figures_as_read, kpi_status, quarter_number
from xl_plans.model import (
    BudgetLine,
    Num,
    NumKind,
    Plan,
    Quarter,
    Rag,
    When,
    WhenKind,
    as_cell,
)
from xl_plans.policy import Policy, default_policy
from xl_plans.progress import ItemStatus, Timing
from xl_plans.reader import read_workbook
from xl_plans.status import PlanStatus, plan_status
from xl_plans.validation import Report, validate
from xl_plans.validation.budget import plan_year_line
from xl_plans.values import fy_label, fy_start_year, normalise_key

# Plans per task sent to a worker process: large enough that pickling is not the cost.
CHUNK = 8
# Below this many files the pool costs more than it saves.
PARALLEL_FROM = 12


class FileState(StrEnum):
    CONSOLIDATED = "Consolidated"  # read and valid (warnings and queries allowed)
    INVALID = "Consolidated with errors"  # read, but validation found errors
    UNREADABLE = "Unreadable"
    NOT_A_PLAN = "Not a plan"  # a workbook with none of a plan's sheets: no service to show
    SKIPPED = "Skipped"  # an Excel lock file
    IGNORED = "Ignored"  # a council summary xl_plans wrote: not a plan, and not a problem
    OTHER_YEAR = "Other year"
    YEAR_UNKNOWN = "Year unknown"  # its Plan Year cannot be read: it may be another year's
    DUPLICATE = "Duplicate service"
    FAILED = "Failed"  # xl_plans itself failed on the file: a bug to report

    @property
    def used(self) -> bool:
        return self in (FileState.CONSOLIDATED, FileState.INVALID)


RAG_COLUMNS = tuple(rag.value for rag in Rag)
SUMMARY_COLUMNS = (
    "Service", "Directorate", "Council", "Plan Year", "KPIs", *RAG_COLUMNS,
    "Overdue outcomes and milestones", "Due this quarter", "Highest residual risk", "Risk band",
    "Risk ref", "Risks above appetite", "Contracts needing action", "Gross Budget", "Net Budget",
    "FTE", "Validation", "File",
)
# Figure and date columns hold numbers and dates only, so that Power BI and pandas read each
# column as one type; what an officer typed in words ("TBC", "-", "Q1 2022/23", "March 2024")
# is beside them in an "as typed" column.
KPI_COLUMNS = (
    "Service", "Directorate", "Ref", "Indicator", "Polarity", "Measure", "Unit",
    "Annual Target", "Q1", "Q2", "Q3", "Q4", "Figures as typed", "Actual", "Expected", "RAG",
    "Reason",
    "Vs previous quarter", "Vs same quarter last year", "Forecast", "Forecast RAG", "Comment",
    "Corrective Action", "File", "Sheet", "Cell",
)
EXCEPTION_COLUMNS = (
    "Service", "Ref", "Indicator", "RAG", "Previous RAG", "Why listed", "Reason", "Comment",
    "Corrective Action", "File", "Sheet", "Cell",
)
RISK_COLUMNS = (
    "Service", "Ref", "Risk", "Owner", "Status", "Matrix", "Inherent Score", "Inherent Band",
    "Residual Likelihood", "Residual Impact", "Residual Score", "Residual Band",
    "Above Appetite", "Target Score", "Review Date", "Review Date as typed", "Review Overdue",
    "Reason", "File", "Sheet", "Cell",
)
PRIORITY_COLUMNS = (
    "Service", "Kind", "Ref", "Priority or Project", "Outcome or Milestone", "Due",
    "Due as typed", "Status", "% Complete", "Timing", "RAG", "Reason", "File", "Sheet", "Cell",
)
CONTRACT_COLUMNS = (
    "Service", "Ref", "Contract", "Supplier", "Value", "Value as typed", "Value Basis",
    "End Date", "End Date as typed", "State", "Review Date", "Review Date as typed",
    "Review Passed", "Extension", "Reason", "File", "Sheet", "Cell",
)
BUDGET_COLUMNS = (
    "Directorate", "Service", "Year", "Gross Budget", "Net Budget", "FTE", "File", "Sheet",
    "Cell",
)
DIRECTORATE_COLUMNS = (
    "Directorate", "Services", "Gross Budget", "Net Budget", "FTE", "No budget line",
    "Figures left out",
)
NO_DIRECTORATE = "(not given)"
QUALITY_COLUMNS = (
    "File", "State", "Service", "Plan Year", "Errors", "Warnings", "Queries", "Code", "Reason",
)


COLUMNS: dict[str, tuple[str, ...]] = {
    "Summary": SUMMARY_COLUMNS, "KPIs": KPI_COLUMNS, "Exceptions": EXCEPTION_COLUMNS,
    "Risks": RISK_COLUMNS, "Priorities": PRIORITY_COLUMNS, "Contracts": CONTRACT_COLUMNS,
    "Budget": BUDGET_COLUMNS, "Budget by Directorate": DIRECTORATE_COLUMNS,
    "Data Quality": QUALITY_COLUMNS,
}
# Tables with a row per indicator, risk or item: kept on disk while a batch runs, so memory
# does not grow with the number of plans. The others have a row per plan.
SPILLED = ("KPIs", "Exceptions", "Risks", "Priorities", "Contracts")
Row = tuple[Any, ...]


class Spill:
    """Rows of one table, in arrival order, in an anonymous temporary file (gone when closed
    or collected, whatever happens)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115  (closed by close())
        self.count = 0

    def add(self, key: str, rows: list[Row]) -> None:
        pickle.dump((key, rows), self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += len(rows)

    def rows(self, keys: set[str]) -> Iterator[Row]:
        """The rows added under any of `keys`, in the order they were added."""
        self._file.seek(0)
        while True:
            try:
                key, rows = pickle.load(self._file)
            except EOFError:
                return
            if key in keys:
                yield from rows

    def close(self) -> None:
        self._file.close()


@dataclass(frozen=True)
class Job:
    """What every plan is scored against: the same for the whole batch."""

    quarter: int
    policy: Policy
    today: dt.date
    root: str | None = None  # the folder file names are shown from (see shown_name)


@dataclass
class PlanResult:
    """One file's contribution: plain data, cheap to send back from a worker process."""

    file: str
    state: FileState
    code: str = ""
    reason: str = ""
    service: str | None = None
    council: str | None = None
    directorate: str | None = None
    year: str | None = None
    counts: dict[str, int] = field(default_factory=dict)  # errors, warnings, queries
    summary: dict[str, Any] = field(default_factory=dict)  # the plan's Summary row
    heat: tuple[str, list[list[int]], list[list[str]]] | None = None  # matrix, counts, bands
    rows: dict[str, list[Row]] = field(default_factory=dict)  # table -> rows, in COLUMNS order


@dataclass
class HeatMapTotal:
    matrix: str  # "4x4"
    counts: list[list[int]]  # [likelihood - 1][impact - 1]
    bands: list[list[str]]


@dataclass
class Consolidation:
    """A batch's outcome. Tables come as rows (`rows(name)`, streamed from disk for the big
    ones) or as DataFrames (`table(name)`, `tables`), always in the same, deterministic order."""

    quarter: Quarter
    year: str | None
    built: dt.date
    results: list[PlanResult]
    heat_maps: dict[str, HeatMapTotal]  # matrix name -> the council's heat map
    missing_services: list[str] = field(default_factory=list)
    spills: dict[str, list[Spill]] = field(default_factory=dict, repr=False)
    root: str | None = None  # the folder file names are shown from (shown_name)

    @property
    def used(self) -> list[PlanResult]:
        return [r for r in self.results if r.state.used]

    @property
    def problems(self) -> list[PlanResult]:
        """Files that were not consolidated cleanly (and services expected but missing)."""
        return [r for r in self.results
                if r.state not in (FileState.CONSOLIDATED, FileState.IGNORED)]

    @property
    def complete(self) -> bool:
        return not self.problems and not self.missing_services

    def rows(self, name: str) -> Iterator[Row]:
        """A table's rows in COLUMNS[name] order."""
        if name == "KPIs":  # (the one spilled table naming directorates)
            shown = _shown_directorate(self.used)
            for row in self._spilled(name):
                yield (row[0], shown(row[1]), *row[2:])
        elif name in self.spills:
            yield from self._spilled(name)
        elif name == "Summary":
            shown = _shown_directorate(self.used)
            for r in self.used:
                values = {**r.summary, "Directorate": shown(r.directorate),
                          "Plan Year": year_shown(r.year)}
                yield tuple(values.get(c) for c in SUMMARY_COLUMNS)
        elif name == "Budget":
            # Each directorate shown and ordered as Budget by Directorate groups it ("place"
            # is "Place"), so filtering this sheet on one gives that sheet's figure.
            shown = _shown_directorate(self.used)
            rows = [(shown(row[0]), row[1], year_shown(row[2]), *row[3:])
                    for r in self.used for row in r.rows.get("Budget", [])]
            yield from sorted(rows, key=lambda row: (row[0].casefold(),
                                                     (row[1] or "").casefold()))
        elif name == "Budget by Directorate":
            yield from _directorate_rows(self.used)
        elif name == "Data Quality":
            yield from _quality_rows(self.results, self.missing_services, self.root)
        else:
            raise KeyError(name)

    def _spilled(self, name: str) -> Iterator[Row]:
        keys = {r.file for r in self.used}
        for spill in self.spills[name]:
            yield from spill.rows(keys)

    def table(self, name: str) -> pd.DataFrame:
        frame = pd.DataFrame(list(self.rows(name)), columns=list(COLUMNS[name]), dtype=object)
        return frame.where(frame.notna(), None)

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: self.table(name) for name in COLUMNS}

    def close(self) -> None:
        for spills in self.spills.values():
            for spill in spills:
                spill.close()


def consolidate(
    paths: Iterable[str | Path],
    quarter: Quarter | int | str,
    *,
    year: str | None = None,
    policy: Policy | None = None,
    today: dt.date | None = None,
    services: Iterable[str] = (),
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Consolidation:
    """Consolidate the plans found in `paths` for `quarter` of `year` (by default the year
    most plans are for). `services` lists the services expected, to report any missing.
    `progress(done, total)` is called as files finish."""
    # (names shown from one root)
    found = find_plans((Path(p).absolute() for p in paths), set_aside=export_skipped)
    files = sorted(found.files, key=str)  # the order of every table's rows
    root = common_root([*files, *(s.path for s in found.skipped)])
    job = Job(quarter_number(quarter), policy or default_policy(), today or dt.date.today(),
              root)
    spills: dict[str, list[Spill]] = {name: [] for name in SPILLED}
    risk_buckets: dict[int, Spill] = {}  # residual score (-1: none) -> its rows
    results = []
    # Closed as soon as the loop ends, however it ends: stopped part way (Ctrl-C), the batch's
    # worker processes are shut down then, not when the traceback holding it is freed.
    with contextlib.closing(_process_all(files, job, workers, progress)) as processed:
        for result in processed:
            _spill(result, spills, risk_buckets)
            results.append(result)
    spills["Risks"] = [risk_buckets[score] for score in sorted(risk_buckets, reverse=True)]
    results += [PlanResult(str(s.path), FileState.IGNORED if s.code in _OURS
                           else FileState.SKIPPED, s.code, s.reason) for s in found.skipped]
    chosen_year = year or _usual_year(results)
    _mark_other_years(results, chosen_year, root)
    _mark_duplicates(results, root)
    results.sort(key=lambda r: r.file)
    used = [r for r in results if r.state.used]
    return Consolidation(
        quarter=Quarter(f"Q{job.quarter}"), year=chosen_year, built=job.today, results=results,
        heat_maps=_heat_maps(used), missing_services=_missing(services, used), spills=spills,
        root=root,
    )


EXPORT_SKIPPED = "export-skipped"
NOT_A_PLAN = "not-a-plan"
def _without(columns: tuple[str, ...], *left_out: str) -> tuple[str, ...]:
    return tuple(c for c in columns if c not in left_out)


# Headers a table's CSV had in earlier releases: their exports are ours too, to replace and to
# skip (a column added must not make last quarter's export "someone else's file").
EARLIER_HEADERS: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {
    # Status added 2026-11; 2026-12, dates as dates and the typed text apart
    RISK_COLUMNS: (_without(RISK_COLUMNS, "Status", "Review Date as typed"),
                   _without(RISK_COLUMNS, "Review Date as typed")),
    # 2026-12: the number and the text typed apart (Value, then the figures and dates); the
    # budget figures left out named; the overdue count named for what it counts
    CONTRACT_COLUMNS: (
        _without(CONTRACT_COLUMNS, "Value as typed", "End Date as typed", "Review Date as typed"),
        _without(CONTRACT_COLUMNS, "End Date as typed", "Review Date as typed")),
    KPI_COLUMNS: (_without(KPI_COLUMNS, "Figures as typed"),),
    PRIORITY_COLUMNS: (_without(PRIORITY_COLUMNS, "Due as typed"),),
    DIRECTORATE_COLUMNS: (DIRECTORATE_COLUMNS[:-1],),
    SUMMARY_COLUMNS: (tuple("Overdue priorities" if c == "Overdue outcomes and milestones"
                            else c for c in SUMMARY_COLUMNS),),
}


def export_skipped(path: Path) -> Skipped | None:
    """An earlier CSV export left among the plans is ours, not a plan (nor a problem): for
    files.find_plans to set aside."""
    if path.suffix.lower() == ".csv" and is_export(path):
        return Skipped(path, EXPORT_SKIPPED,
                       f"{path.name}: a CSV export of a council summary, not a plan.")
    return None


# Files xl_plans wrote itself, set aside as Ignored (not a problem) rather than Skipped.
_OURS = (SUMMARY_SKIPPED, EXPORT_SKIPPED)


def is_export(path: Path, columns: tuple[str, ...] | None = None) -> bool:
    """A CSV that council_summary.write_csvs wrote (of the table with `columns`, or of any):
    its first row is exactly a table's header. Only a regular file is opened (a pipe would
    hang)."""
    if path.is_symlink() or not path.is_file():
        return False
    try:
        with path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
            header = tuple(next(csv.reader(handle), ()))
    except (OSError, csv.Error):
        return False
    if columns is not None:
        return header == columns or header in EARLIER_HEADERS.get(columns, ())
    return header in COLUMNS.values() or any(header in h for h in EARLIER_HEADERS.values())


_RESIDUAL = RISK_COLUMNS.index("Residual Score")


def _spill(result: PlanResult, spills: dict[str, list[Spill]],
           risk_buckets: dict[int, Spill]) -> None:
    """Move a result's big tables to disk. Risks go into one file per residual score, so
    reading the files highest score first gives them sorted, in file order within a score."""
    for name in SPILLED:
        rows = result.rows.pop(name, [])
        if not rows:
            continue
        if name == "Risks":
            by_score: dict[int, list[Row]] = {}
            for row in rows:
                score = row[_RESIDUAL]
                by_score.setdefault(-1 if score is None else score, []).append(row)
            for score, group in by_score.items():
                risk_buckets.setdefault(score, Spill()).add(result.file, group)
        else:
            if not spills[name]:
                spills[name].append(Spill())
            spills[name][0].add(result.file, rows)


# --------------------------------------------------------------------------- the batch


def _process_all(files: list[Path], job: Job, workers: int | None,
                 progress: Callable[[int, int], None] | None) -> Generator[PlanResult]:
    total = len(files)
    workers = workers or os.cpu_count() or 1
    if workers == 1 or total < PARALLEL_FROM:
        results: Iterable[PlanResult] = (process_file(path, job) for path in files)
        for done, result in enumerate(results, start=1):
            if progress:
                progress(done, total)
            yield result
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start)
    try:
        jobs = [job] * total
        for done, result in enumerate(pool.map(_process_in_worker, files, jobs,
                                               chunksize=CHUNK), start=1):
            if progress:
                progress(done, total)
            yield result
    except BaseException:
        # Stopped (Ctrl-C, SIGTERM, a fault): the plans not yet started are dropped, not
        # waited for; each worker finishes the chunk in hand (CHUNK plans at most) and goes.
        pool.shutdown(cancel_futures=True)
        raise
    pool.shutdown()


def _worker_start() -> None:
    """A pool worker reads, validates and scores plan after plan. Each plan makes some hundred
    thousand objects, and reference counting frees every one of them (a test checks that a plan,
    with formulas and error cells or without, leaves no reference cycles). Python's cycle
    collector, run after every 700 new containers by default, took about 15% of a worker's time
    finding nothing (31 to 26 ms a plan, measured), so in our own workers it runs far less often.
    The objects from before the fork are frozen, so they are never scanned. Files that cannot be
    read are the exception: olefile and a parser stopped by an error leave cycles, so they are
    collected at once (_process_in_worker)."""
    gc.freeze()
    gc.set_threshold(*WORKER_GC)
    # Ctrl-C reaches every process of the terminal's group: the parent decides what stops
    # (_process_all); a worker interrupted mid-plan would only report a failure and go on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


WORKER_GC = (50_000, 20, 20)


def _process_in_worker(path: Path, job: Job) -> PlanResult:
    """process_file in a pool worker, collecting what an unreadable file leaves behind (a few
    dozen objects in cycles each; a batch may hold thousands of such files)."""
    result = process_file(path, job)
    if result.state in (FileState.UNREADABLE, FileState.FAILED):
        gc.collect()
    return result


def process_file(path: Path, job: Job) -> PlanResult:
    """Read, validate and score one plan. Never raises: a file that fails is a result too."""
    try:
        read = read_workbook(path)
    except WorkbookError as exc:
        return PlanResult(str(path), FileState.UNREADABLE, exc.code, exc.message)
    except Exception as exc:  # a fault of ours must not stop the batch: report it plainly
        return PlanResult(str(path), FileState.FAILED, "internal-error",
                          f"{path.name}: xl_plans failed reading it ({type(exc).__name__}: "
                          f"{exc}). Please report this with the file.")
    try:
        status = plan_status(read.plan, job.quarter, job.policy, job.today)
        report = validate(read, as_of=job.today, policy=job.policy, kpis_scored=status.kpis)
        if not report.usable:  # (a budget workbook in the folder is not a service)
            reason = next(i.message for i in report.errors if i.code == NOT_A_PLAN)
            return PlanResult(str(path), FileState.NOT_A_PLAN, NOT_A_PLAN,
                              f"{path.name}: {reason}")
        return _result(read.plan, report, status, job)
    except Exception as exc:
        return PlanResult(str(path), FileState.FAILED, "internal-error",
                          f"{path.name}: xl_plans failed scoring it ({type(exc).__name__}: "
                          f"{exc}). Please report this with the file.")


def _result(plan: Plan, report: Report, status: PlanStatus, job: Job) -> PlanResult:
    details = plan.details
    service = details.service or Path(plan.file or "").stem
    counts = {"errors": len(report.errors), "warnings": len(report.warnings),
              "queries": len(report.queries)}
    state = FileState.CONSOLIDATED if report.valid else FileState.INVALID
    reason = _reason(report)
    # A valid plan whose figures a warning changes (no budget line for the year, a figure
    # left out) is coded too, so that Data Quality can be filtered to every file whose
    # figures the totals do not fully hold.
    code = "invalid-plan" if not report.valid else next(
        (i.code for i in report.warnings if i.code in FIGURE_WARNINGS), "")
    reported = details.reporting_quarter
    if reported is not None and reported.number < job.quarter:
        # Scored for a later quarter than the plan reports: its figures may not be in yet.
        code = code or "quarter-not-reported"
        reason = "; ".join(filter(None, [
            f"The plan reports {reported.value} (its Reporting Quarter), not Q{job.quarter}: "
            f"its Q{job.quarter} figures may not be filled in yet", reason]))
    file = shown_name(plan.file, job.root)
    rows = {
        "KPIs": _kpi_rows(plan, status, service, details.directorate, file, job.policy),
        "Exceptions": _exception_rows(plan, status, job, service, file),
        "Risks": _risk_rows(plan, status, service, file),
        "Priorities": _priority_rows(plan, status, service, file),
        "Contracts": _contract_rows(plan, status, service, file),
        "Budget": _budget_rows(plan, service, file),
    }
    budget = rows["Budget"][0] if rows["Budget"] else {}
    worst = _highest_risk([row for row, scored in zip(rows["Risks"], status.risks, strict=True)
                           if scored.open])
    tuples = {name: [tuple(map(row.get, COLUMNS[name])) for row in table]
              for name, table in rows.items()}
    summary = {
        "Service": service, "Directorate": details.directorate, "Council": details.council,
        "Plan Year": details.plan_year, "KPIs": len(plan.kpis),
        **{rag: status.kpi_counts.get(rag, 0) for rag in RAG_COLUMNS},
        "Overdue outcomes and milestones": status.priority_counts.get(Timing.OVERDUE.value, 0)
        + status.milestone_counts.get(Timing.OVERDUE.value, 0),
        "Due this quarter": sum(1 for i in (*status.priorities, *status.milestones)
                                if _listed_as(i) == Timing.DUE_THIS_QUARTER.value),
        "Highest residual risk": worst.get("Residual Score"),
        "Risk band": worst.get("Residual Band"), "Risk ref": worst.get("Ref"),
        "Risks above appetite": status.risks_above_appetite,
        "Contracts needing action": status.contracts_needing_action,
        "Gross Budget": budget.get("Gross Budget"), "Net Budget": budget.get("Net Budget"),
        "FTE": budget.get("FTE"),
        "Validation": "Valid" if report.valid else f"{counts['errors']} error(s)",
        "File": file,
    }
    return PlanResult(
        str(plan.file), state, code, reason,
        service=service, council=details.council, directorate=details.directorate,
        year=details.plan_year, counts=counts, summary=summary, rows=tuples,
        # A plan with no risk register adds no matrix: its default matrix (5x5) drew an empty
        # council heat map beside the 4x4 one every risk was on.
        heat=(status.heat_map.matrix, status.heat_map.counts,
              [[band.value for band in row] for row in status.heat_map.bands])
        if plan.risks else None,
    )


# Warnings that change the summary's figures or put them in doubt, so they are the Data
# Quality reason (and code) of a plan with no errors: finance must see there why a service's
# budget is not in the totals, that a service's plan is empty, or that it may be last year's.
FIGURE_WARNINGS = ("budget-year-missing", "budget-figure-missing", "budget-figure-unlikely",
                   "plan-empty", "reporting-quarter-other-year")
REASONS_SHOWN = 3


def _reason(report: Report) -> str:
    """The errors (or, in a plan with none, the warnings that change its figures) that a Data
    Quality row names: the first few, and how many more validating the plan lists."""
    issues = report.errors or [i for i in report.warnings if i.code in FIGURE_WARNINGS]
    shown = [f"{i.location}: {i.message}" if i.location else i.message
             for i in issues[:REASONS_SHOWN]]
    text = "; ".join(message.rstrip(".") for message in shown)
    more = len(issues) - REASONS_SHOWN
    if more > 0:
        text += f"; and {more} more (validate the plan to see them all)"
    return text + "." if text else ""


# --------------------------------------------------------------------------- rows per plan


def _where(file: str, cell: str | None) -> dict[str, Any]:
    """Provenance columns from the file's shown name and "KPIs!N7"."""
    sheet, _, address = (cell or "").partition("!")
    return {"File": file, "Sheet": sheet or None, "Cell": address or None}


def shown_name(file: str | None, root: str | None) -> str:
    """A file as the summary names it: its path from the folder all the files were found in
    ("Housing/plan.xlsx"), so two plan.xlsx in two services' folders are told apart."""
    path = Path(file or "")
    if root is not None:
        try:
            return str(path.absolute().relative_to(root))
        except ValueError:
            pass
    return path.name


def common_root(paths: Iterable[Path]) -> str | None:
    """The deepest folder holding every file found (None when there is none: other drives)."""
    try:
        return os.path.commonpath([str(path.absolute().parent) for path in paths]) or None
    except ValueError:  # no files, or (on Windows) files on different drives
        return None


_FIGURES = ("annual_target", "q1", "q2", "q3", "q4")
_FIGURE_LABELS = dict(zip(_FIGURES, ("Annual Target", "Q1", "Q2", "Q3", "Q4"), strict=True))


def _kpi_rows(plan: Plan, status: PlanStatus, service: str, directorate: str | None,
              file: str, policy: Policy) -> list[dict[str, Any]]:
    rows = []
    for kpi, scored in zip(plan.kpis, status.kpis, strict=True):
        # The figures as the RAG read them, in the unit it read them in (97 typed in a % KPI
        # is 97%; a % sign on a blank-unit KPI's target makes it a % KPI): one scale beside
        # Actual and Expected, formatted by Unit. Words typed instead go to Figures as typed.
        read = figures_as_read(kpi, _FIGURES, policy)
        figures = dict(zip(_FIGURES, read, strict=True))
        # Words and bands as typed ("INFO ONLY", "95% to 105%", "-"), beside the numbers.
        typed = [f"{label}: {as_cell(getattr(kpi, name))}"
                 for name, label in _FIGURE_LABELS.items()
                 if figures[name] is None and isinstance(as_cell(getattr(kpi, name)), str)]
        rows.append({
            "Service": service, "Directorate": directorate, "Ref": kpi.ref,
            "Indicator": kpi.indicator, "Polarity": as_cell(kpi.polarity),
            "Measure": as_cell(kpi.measure),
            "Unit": as_cell(scored.unit), "Annual Target": figures["annual_target"],
            "Q1": figures["q1"], "Q2": figures["q2"], "Q3": figures["q3"], "Q4": figures["q4"],
            "Figures as typed": "; ".join(typed) or None, "Actual": scored.actual,
            "Expected": scored.expected, "RAG": scored.rag.value,
            "Reason": scored.reason, "Vs previous quarter": scored.vs_previous.text,
            "Vs same quarter last year": scored.vs_last_year.text,
            "Forecast": scored.forecast,
            "Forecast RAG": scored.forecast_rag.value if scored.forecast_rag else None,
            "Comment": kpi.comment, "Corrective Action": kpi.corrective_action,
            **_where(file, scored.cells.get("actual") or _first_cell(scored)),
        })
    return rows


def _first_cell(scored: KpiStatus) -> str | None:
    return next(iter(scored.cells.values()), None)


def _exception_rows(plan: Plan, status: PlanStatus, job: Job, service: str,
                    file: str) -> list[dict[str, Any]]:
    """Red; Amber and worsening; missed (Amber or Red) this quarter and the one before."""
    missed = {Rag.RED, Rag.AMBER}
    rows = []
    for kpi, scored in zip(plan.kpis, status.kpis, strict=True):
        # The previous quarter matters only for an indicator off target now.
        previous = kpi_status(kpi, job.quarter - 1, job.policy) \
            if job.quarter > 1 and scored.rag in missed else None
        why = []
        if scored.rag is Rag.RED:
            why.append("Red")
        if scored.rag is Rag.AMBER and scored.vs_previous.direction is Direction.WORSENING:
            why.append("Amber and worsening")
        if scored.rag in missed and previous is not None and previous.rag in missed:
            why.append("Missed two quarters running")
        if why:
            rows.append({
                "Service": service, "Ref": kpi.ref, "Indicator": kpi.indicator,
                "RAG": scored.rag.value, "Previous RAG": previous.rag.value if previous else None,
                "Why listed": "; ".join(why), "Reason": scored.reason, "Comment": kpi.comment,
                "Corrective Action": kpi.corrective_action,
                **_where(file, scored.cells.get("actual") or _first_cell(scored)),
            })
    return rows


def _date(when: When) -> dt.date | None:
    """A date column's cell: the day the scoring went by (a month's or a quarter's last day,
    a range's end), so the column sorts, filters and loads as dates; None for words."""
    return when.end


def _as_typed(when: When) -> str | None:
    """What was typed in a date cell, beside _date's day, when it was not a plain date: "March
    2024", "Q1 2022/23", "March 2024 and ongoing", "TBC"."""
    return when.text if when.kind is not WhenKind.DATE else None


def _risk_rows(plan: Plan, status: PlanStatus, service: str,
               file: str) -> list[dict[str, Any]]:
    rows = []
    for risk, scored in zip(plan.risks, status.risks, strict=True):
        residual = scored.residual
        rows.append({
            "Service": service, "Ref": scored.ref, "Risk": scored.risk, "Owner": scored.owner,
            "Status": "Open" if scored.open else "Closed", "Matrix": status.risk_matrix.name,
            "Inherent Score": scored.inherent.score,
            "Inherent Band": _band(scored.inherent.band),
            "Residual Likelihood": residual.likelihood, "Residual Impact": residual.impact,
            "Residual Score": residual.score, "Residual Band": _band(residual.band),
            "Above Appetite": "Yes" if scored.above_appetite else "No",
            "Target Score": scored.target.score, "Review Date": _date(risk.review_date),
            "Review Date as typed": _as_typed(risk.review_date),
            "Review Overdue": "Yes" if scored.review_overdue else "No",
            "Reason": scored.reason,
            **_where(file, residual.cells.get("likelihood")),
        })
    return rows


def _band(band: Any) -> str | None:
    return band.value if band is not None else None


def _highest_risk(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The open risk with the highest residual score (the first of equals)."""
    scored = [r for r in rows if r["Residual Score"] is not None]
    return max(scored, key=lambda r: r["Residual Score"], default={})


def _listed_as(item: ItemStatus) -> str | None:
    """How an item shows on the Priorities sheet (and is counted on Summary): overdue, or due
    this quarter and not yet done; None when it is neither."""
    if item.timing is Timing.OVERDUE:
        return Timing.OVERDUE.value
    if item.due_in_quarter and item.timing not in (Timing.COMPLETE, Timing.CANCELLED):
        return Timing.DUE_THIS_QUARTER.value
    return None


def _priority_rows(plan: Plan, status: PlanStatus, service: str,
                   file: str) -> list[dict[str, Any]]:
    """Priority outcomes and project milestones overdue or due this quarter."""
    rows = []
    dues = [*(p.target_date for p in plan.priorities), *(m.due for m in plan.milestones)]
    for item, due in zip((*status.priorities, *status.milestones), dues, strict=True):
        timing = _listed_as(item)
        if timing is None:
            continue
        rows.append({
            "Service": service, "Kind": item.kind.title(), "Ref": item.ref,
            "Priority or Project": item.title, "Outcome or Milestone": item.item,
            "Due": _date(due), "Due as typed": _as_typed(due), "Status": as_cell(item.status),
            "% Complete": item.percent_complete, "Timing": timing,
            "RAG": item.rag.value if item.rag else None, "Reason": item.reason,
            **_where(file, item.cells.get("due") or next(iter(item.cells.values()), None)),
        })
    return rows


def _contract_rows(plan: Plan, status: PlanStatus, service: str,
                   file: str) -> list[dict[str, Any]]:
    rows = []
    for contract, scored in zip(plan.contracts, status.contracts, strict=True):
        if not scored.needs_action:
            continue
        rows.append({
            "Service": service, "Ref": scored.ref, "Contract": scored.contract,
            "Supplier": scored.supplier, "Value": _figure(contract.value),
            "Value as typed": contract.value.text, "Value Basis": as_cell(contract.value_basis),
            "End Date": _date(contract.end_date),
            "End Date as typed": _as_typed(contract.end_date), "State": scored.state.value,
            "Review Date": _date(contract.review_date),
            "Review Date as typed": _as_typed(contract.review_date),
            "Review Passed": "Yes" if scored.review_passed else "No",
            "Extension": scored.extension, "Reason": scored.reason,
            **_where(file, scored.cells.get("end") or next(iter(scored.cells.values()), None)),
        })
    return rows


def _budget_rows(plan: Plan, service: str, file: str) -> list[dict[str, Any]]:
    """The budget line for the plan's own year; none when no line is for that year
    (validation's budget-year-missing: another year's figures would not tie back)."""
    line = _budget_line(plan)
    if line is None:
        return []
    cell = line.source.cell("net_budget") if line.source else None
    return [{
        "Directorate": plan.details.directorate, "Service": service, "Year": line.year,
        "Gross Budget": _figure(line.gross_budget), "Net Budget": _figure(line.net_budget),
        "FTE": _figure(line.fte), **_where(file, cell),
    }]


def _budget_line(plan: Plan) -> BudgetLine | None:
    return plan_year_line(plan.budget, fy_start_year(plan.details.plan_year))


def _figure(num: Num) -> float | None:
    """An amount of money or staff as a number to add up: None for words ("TBC") and for a
    percentage, which is not an amount (5% in Net Budget would total as 5p; validation's
    budget-figure-unlikely names the cell)."""
    return num.value if num.kind is NumKind.NUMBER and not num.percent else None


# --------------------------------------------------------------------------- the batch view


def _usual_year(results: list[PlanResult]) -> str | None:
    """The plan year most plans are for; ties go to the later year."""
    years = Counter(_year_key(r.year) for r in results
                    if r.state.used and fy_start_year(r.year) is not None)
    if not years:
        return None
    key = max(years, key=lambda y: (years[y], y))
    return year_shown(next(r.year for r in results if r.year and _year_key(r.year) == key))


def _year_key(year: str | None) -> str:
    start = fy_start_year(year)
    return str(start) if start is not None else normalise_key(year or "")


def _mark_other_years(results: list[PlanResult], year: str | None, root: str | None) -> None:
    """Plans for another year are left out, and so are plans whose year cannot be read: they
    may be another year's, and years are never mixed (the plan's own errors say why). With no
    year asked for and none readable in any plan, there is no year to keep to: every plan is
    used (each with its errors)."""
    if year is None:
        return
    wanted = _year_key(year)
    for result in results:
        if not result.state.used:
            continue
        name = shown_name(result.file, root)
        if fy_start_year(result.year) is None:
            result.state = FileState.YEAR_UNKNOWN
            result.code = "year-unknown"
            typed = f"Plan Year {result.year!r} is not a financial year" if result.year \
                else "Plan Year is blank"
            result.reason = (f"{name}: {typed}, so it may not be a plan for {year}: left out "
                             "so years are not mixed. "
                             + (result.reason or "")).strip()
        elif _year_key(result.year) != wanted:
            result.state = FileState.OTHER_YEAR
            result.code = "other-year"
            result.reason = (f"{name}: this plan is for {result.year}, not {year}: left out so "
                             "years are not mixed.")


def _mark_duplicates(results: list[PlanResult], root: str | None) -> None:
    """A second plan for the same service is left out (listed, never added twice to the
    totals). Plans of two councils are not duplicates, but a plan with Council blank is the
    same service as any council's (a batch is one council's plans). The plan kept is the
    first valid one naming its council in file order, else the first valid one, else the
    first."""
    kept: dict[str, list[PlanResult]] = {}  # service -> the plans kept for it
    # Valid plans first, and plans naming their council before those that do not, so that a
    # plan with Council blank is the copy left out, never two councils' plans for its sake.
    order = sorted((r for r in results if r.state.used),
                   key=lambda r: (r.state is not FileState.CONSOLIDATED, not r.council, r.file))
    for result in order:
        council = normalise_key(result.council or "")
        same = kept.setdefault(normalise_key(result.service or ""), [])
        first = next((k for k in same if not council or not k.council
                      or normalise_key(k.council) == council), None)
        if first is None:
            same.append(result)
            continue
        result.state = FileState.DUPLICATE
        result.code = "duplicate-service"
        result.reason = (f"{shown_name(result.file, root)}: a second plan for "
                         f"{result.service}: {shown_name(first.file, root)} is used; remove "
                         "one of them.")


def _missing(services: Iterable[str], used: list[PlanResult]) -> list[str]:
    have = {normalise_key(r.service or "") for r in used}
    return [s for s in services if normalise_key(s) not in have]


def _quality_rows(results: list[PlanResult], missing: list[str],
                  root: str | None) -> Iterator[Row]:
    for r in results:
        yield (shown_name(r.file, root), r.state.value, r.service, year_shown(r.year),
               r.counts.get("errors"),
               r.counts.get("warnings"), r.counts.get("queries"), r.code or None,
               r.reason or None)
    for service in missing:
        yield (None, "Missing", service, None, None, None, None, "missing-plan",
               f"No plan was found for {service}.")


_FIGURES_AT = tuple(BUDGET_COLUMNS.index(c) for c in ("Gross Budget", "Net Budget", "FTE"))


def _directorate_rows(used: list[PlanResult]) -> Iterator[Row]:
    """Each directorate's services and the sum of their Budget rows, so the directorates add up
    to the Budget sheet's Total; services with no line for the plan year are named, and so
    are figures that line leaves out (blank, "TBC", a percentage: not in the totals)."""
    groups: dict[str, list[PlanResult]] = {}
    shown = _shown_directorate(used)
    for result in used:
        groups.setdefault(shown(result.directorate), []).append(result)
    for directorate in sorted(groups, key=str.casefold):
        results = groups[directorate]
        lines = [row for r in results for row in r.rows.get("Budget", [])]
        missing = sorted(r.service or shown_name(r.file, None) for r in results
                         if not r.rows.get("Budget"))
        left_out = []
        for row in sorted(lines, key=lambda row: (row[1] or "").casefold()):
            blank = [BUDGET_COLUMNS[col] for col in _FIGURES_AT if row[col] is None]
            if blank:
                left_out.append(f"{row[1]}: {', '.join(blank)}")
        yield (directorate, len(results), *(_sum(row[col] for row in lines)
                                            for col in _FIGURES_AT),
               "; ".join(missing) or None, "; ".join(left_out) or None)


def _shown_directorate(used: list[PlanResult]) -> Callable[[str | None], str]:
    """How every sheet shows a plan's directorate: one name for each (by normalise_key,
    "Community services" is "Community Services"), its commonest spelling, the first in file
    order of equals; NO_DIRECTORATE when blank. Filtered on one name, every sheet agrees."""
    spellings: dict[str, Counter[str]] = {}
    for result in used:
        if result.directorate:
            spellings.setdefault(normalise_key(result.directorate), Counter())[
                result.directorate] += 1
    names = {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}

    def shown(directorate: str | None) -> str:
        return names.get(normalise_key(directorate), directorate) if directorate \
            else NO_DIRECTORATE

    return shown


def year_shown(year: str | None) -> str | None:
    """A financial year as the summary shows it, 2023/24 however it was typed ("23/24",
    "2023-24"); as typed when it cannot be read."""
    start = fy_start_year(year)
    return fy_label(start) if start is not None else year


def _sum(values: Iterable[Any]) -> float | None:
    """The numbers among `values` added up (None when there are none), without float dust."""
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    return round(math.fsum(numbers), 6) if numbers else None


def _heat_maps(used: list[PlanResult]) -> dict[str, HeatMapTotal]:
    """Council heat maps: open risks by residual likelihood and impact, one per matrix."""
    maps: dict[str, HeatMapTotal] = {}
    for result in used:
        if result.heat is None:
            continue
        matrix, counts, bands = result.heat
        size = len(counts)
        total = maps.setdefault(matrix, HeatMapTotal(matrix,
                                                     [[0] * size for _ in range(size)], bands))
        for li, row in enumerate(counts):
            for ii, n in enumerate(row):
                total.counts[li][ii] += n
    return maps
