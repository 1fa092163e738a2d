"""`xl-plans consolidate`: every service's plan into one council summary workbook."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from xl_plans.cli.app import (
    EXIT_OK,
    EXIT_PROBLEMS,
    as_of_option,
    friendly_errors,
    main,
    policy_option,
    say,
)
from xl_plans.cli.app import load_policy_option as _policy
from xl_plans.consolidate import PlanResult, shown_name
from xl_plans.consolidate import consolidate as run_consolidation
from xl_plans.council_summary import check_csv_folder, prepare_csvs, write_summary
from xl_plans.files import is_command_line_summary, is_summary_file, summary_changed
from xl_plans.inplace import backup
from xl_plans.values import (
    ambiguous_year,
    clean_text,
    fy_label,
    fy_start_year,
    normalise_key,
)


class FinancialYear(click.ParamType):
    """A financial year as councils write it (2023/24, 2023-24, 23/24, 2023/2024), given back
    as 2023/24: the form every title and message shows. A bare 2023 is refused: it could mean
    2022/23 or 2023/24."""

    name = "year"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        text = str(value).strip()
        if (both := ambiguous_year(text)) is not None:
            read, other = both
            self.fail(f"{text} could mean {other} or {read}: write the one you mean", param,
                      ctx)
        start = fy_start_year(text)
        if start is None:
            self.fail(f"{value!r} is not a financial year: write it as 2023/24", param, ctx)
        return fy_label(start)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--quarter", required=True,
              type=click.Choice(["Q1", "Q2", "Q3", "Q4"], case_sensitive=False),
              help="The reporting quarter to score.")
@click.option("--year", type=FinancialYear(),
              help="The plan year (e.g. 2023/24). Plans for other years are listed on Data "
                   "Quality, not mixed in. Default: the year most plans are for.")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="The summary workbook (.xlsx). An earlier xl_plans summary of that name is "
                   "replaced (a copy is kept in .xl_plans-backups if it was changed since it "
                   "was written); any other existing file is never overwritten.")
@click.option("--csv-dir", type=click.Path(path_type=Path),
              help="Also write one CSV per table into this folder (for Power BI and others).")
@click.option("--services", "services_file", type=click.Path(path_type=Path, exists=True),
              help="A text file listing the services expected, one per line: any without a "
                   "plan are listed on Data Quality.")
@as_of_option("The day that decides what is overdue or expiring", "today")
@policy_option
@click.option("--workers", type=click.IntRange(1, 64),
              help="Processes to use. Default: one per core.")
@friendly_errors
def consolidate(paths: tuple[Path, ...], quarter: str, year: str | None, output: Path,
                csv_dir: Path | None, services_file: Path | None, as_of: dt.date | None,
                policy_file: Path | None, workers: int | None) -> None:
    """Consolidate plans (files or folders, searched recursively) into one council summary.

    Exit code 0: every file consolidated cleanly; 1: the summary was written, but some files
    were unreadable, invalid, skipped, duplicates or for another year (see Data Quality);
    2: nothing could be done.
    """
    if output.suffix.lower() != ".xlsx":
        raise click.BadParameter("the summary must be an .xlsx file", param_hint="--output")
    # A mistyped folder is a usage error, not an empty council summary with a warning.
    refuse_missing(paths)
    if output.exists() and not is_command_line_summary(output):
        what = ("is a council summary drawn in Excel (its settings sheet, and any sheets of "
                "your own, would be lost)") if is_summary_file(output) else \
            "is not an xl_plans summary"
        raise click.ClickException(f"{output.name} already exists and {what}: choose another "
                                   "name.")
    if csv_dir is not None:
        check_csv_folder(csv_dir)  # now, not after every plan has been read
    policy = _policy(policy_file)
    services = _lines(services_file) if services_file else []
    bar = tqdm(desc="Plans", unit="plan", disable=not sys.stderr.isatty(), leave=False)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.update(done - bar.n)

    result = run_consolidation(paths, quarter.upper(), year=year, policy=policy,
                               today=as_of, services=services,
                               workers=workers, progress=progress)
    bar.close()
    if not result.results:
        raise click.ClickException("No plan files (.xlsx, .xlsm) were found in "
                                   + ", ".join(str(p) for p in paths) + ".")
    # The CSVs are written first and moved into place with the workbook, so a run that fails
    # or is stopped part way leaves the last summary and export as they were, never one new
    # beside the other old (council_summary.write_csvs, saving.atomic_save).
    export = prepare_csvs(result, csv_dir) if csv_dir is not None else None
    try:
        # An earlier summary is replaced as it was written; one changed since (saved in Excel,
        # notes added) is copied aside first: the officer's edits are never lost.
        kept = backup(output) if output.exists() and summary_changed(output) else None
        write_summary(result, output, overwrite=True,
                      with_it=export.publish if export is not None else None)
    finally:
        if export is not None:
            export.discard()
    used = len(result.used)
    if kept is not None:
        say(f"The earlier {output.name} is not as xl_plans wrote it (changed since, or "
                   f"written by an earlier release): a copy is kept as {kept}.")
    say(f"Wrote {output}: {result.quarter.value} {result.year or ''}, {used} plan(s) "
               f"consolidated.")
    for problem in result.problems:
        say(f"  {problem_line(problem, result.root)}")
    for service in result.missing_services:
        say(f"  Missing: no plan for {service}")
    sys.exit(EXIT_OK if result.complete else EXIT_PROBLEMS)


def refuse_missing(paths: tuple[Path, ...]) -> None:
    """Stop (exit 2, nothing written) when a file or folder named does not exist: a typing
    slip, not a bad file. (A link to nothing or in a loop does exist: it is a bad file, listed
    with its reason while the batch carries on.)"""
    missing = [str(path) for path in paths if not os.path.lexists(path)]
    if missing:
        raise click.ClickException(f"No such file or folder: {', '.join(missing)}. Nothing "
                                   "was read or written.")


def problem_line(problem: PlanResult, root: str | None) -> str:
    """"Invalid: Housing/plan.xlsx: Budget!A3: ...": the file named as on Data Quality. Some
    reasons start with the file's name already; it is not said twice."""
    name = shown_name(problem.file, root)
    reason = problem.reason
    for said in (f"{name}: ", f"{Path(problem.file).name}: "):
        reason = reason.removeprefix(said)
    return f"{problem.state.value}: {name}" + (f": {reason}" if reason else "")


def _lines(path: Path) -> list[str]:
    """The services listed in a text file saved by Notepad or Excel, each once: UTF-8 (with or
    without its mark), UTF-16 with its mark (Notepad's and Excel's "Unicode"), else Windows'
    own encoding. Anything else (NUL bytes: not text) is refused, never read as junk names."""
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise click.BadParameter(f"{path.name} is not a text file of service names: save it "
                                 "from Notepad as Text, one service per line",
                                 param_hint="--services")
    services: dict[str, str] = {}  # (a service listed twice is missing once)
    for line in text.splitlines():
        name = clean_text(line)
        if name:
            services.setdefault(normalise_key(name), name)
    return list(services.values())
