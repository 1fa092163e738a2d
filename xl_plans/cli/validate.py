"""`xl-plans validate PLAN...`: every problem in each plan, with its cell; a table or JSON,
and optionally a copy of the plan with a Checks sheet linking to the cells."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from xl_plans.checks_sheet import write_checks_copy
from xl_plans.cli.app import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_UNUSABLE,
    as_of_option,
    friendly_errors,
    load_policy_option,
    main,
    policy_option,
    say,
    say_json,
)
from xl_plans.consolidate import common_root, export_skipped, shown_name
from xl_plans.files import find_plans
from xl_plans.validation import Report, validate

HEADERS = ("File", "Cell", "Severity", "Code", "Message")


@main.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="Print the reports as JSON: a list with one report per file, exactly as "
                   "the library's Report.to_dict().")
@click.option("--checks-sheet", "checks_sheet", type=click.Path(path_type=Path),
              help="Write a copy of the plan (one plan only) with a Checks sheet linking to "
                   "each problem cell, and the cells highlighted. The plan is never changed.")
@as_of_option("The day review dates are judged against",
              "the end of the plan's reporting quarter, else the start of its plan year")
@policy_option
@friendly_errors
def validate_command(paths: tuple[Path, ...], as_json: bool, checks_sheet: Path | None,
                     as_of: dt.date | None, policy_file: Path | None) -> None:
    """Check plan workbooks (files or folders) and list every problem with its cell.

    Exit code 0: no errors (warnings and queries allowed); 1: errors found; 2: a file could
    not be read as a plan, or the command was used wrongly.
    """
    policy = load_policy_option(policy_file)
    found = find_plans(paths, set_aside=export_skipped)  # an earlier export is not a plan
    for skipped in found.skipped:
        say(f"Skipped {skipped.path}: [{skipped.code}] {skipped.reason}", err=True)
    if not found.files:
        raise click.UsageError("No plan workbooks to check.")
    if checks_sheet is not None and len(found.files) != 1:
        raise click.BadParameter(f"a Checks copy is made for one plan; {len(found.files)} were "
                                 "given", param_hint="--checks-sheet")
    if checks_sheet is not None:  # now, not after the whole report has been printed
        check_copy_name(found.files[0], checks_sheet)
    reports = [validate(path, as_of=as_of, policy=policy) for path in found.files]
    if as_json:
        say_json(json.dumps([report.to_dict() for report in reports], indent=2,
                              ensure_ascii=False))
    else:
        say(issue_table(reports, common_root(found.files)))
        say(summary_line(reports))
    if checks_sheet is not None and not reports[0].usable:
        say(f"No Checks copy written: {found.files[0].name} is not a readable plan.",
                   err=True)
    elif checks_sheet is not None:
        copy = write_checks_copy(found.files[0], checks_sheet, reports[0])
        say(f"Wrote {copy.path}: a copy of {found.files[0].name} with a Checks sheet.",
                   err=as_json)
        for note in copy.dropped:
            say(f"Note: the copy may lack what openpyxl cannot keep: {note}", err=True)
    sys.exit(exit_code(reports))


def exit_code(reports: list[Report]) -> int:
    if any(not report.usable for report in reports):
        return EXIT_UNUSABLE
    return EXIT_OK if all(report.valid for report in reports) else EXIT_PROBLEMS


def check_copy_name(plan: Path, copy: Path) -> None:
    """Refuse a Checks copy name write_checks_copy would refuse, before any checking is done
    (its own rules: a new file, of the plan's kind, in a folder that exists)."""
    wanted = ".xlsm" if plan.suffix.lower() == ".xlsm" else ".xlsx"
    if copy.exists() and copy.resolve() == plan.resolve():
        problem = "it is the plan itself: the Checks copy must be a new file"
    elif copy.suffix.lower() != wanted:
        problem = f"name it {copy.stem}{wanted}, a copy of {plan.name} must be {wanted}"
    elif copy.exists():
        problem = "it already exists: choose another name, or remove it first"
    elif not copy.parent.is_dir():
        problem = f"the folder {copy.parent} does not exist"
    else:
        return
    raise click.BadParameter(f"{copy}: {problem}. Nothing was checked or written.",
                             param_hint="--checks-sheet")


def issue_table(reports: list[Report], root: str | None = None) -> str:
    """The issues as an aligned table: file (its path from `root`, the folder searched),
    cell, severity, code and message (which quotes the value as typed), and under the message
    what to do."""
    issues = [(shown_name(report.file, root), issue) for report in reports
              for issue in report.issues]
    if not issues:
        return "No problems found."
    rows = [(name, issue.location or "-", issue.severity.value, issue.code, issue.message)
            for name, issue in issues]
    widths = [max(len(row[i]) for row in [HEADERS, *rows]) for i in range(len(HEADERS) - 1)]
    under = " " * (sum(widths) + 2 * len(widths))  # the Message column's start

    def line(row: tuple[str, ...]) -> str:
        return "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths,
                                                                      strict=False)), row[-1]])

    lines = [line(HEADERS)]
    for row, (_, issue) in zip(rows, issues, strict=True):
        lines.append(line(row))
        if issue.hint:
            lines.append(f"{under}What to do: {issue.hint}")
    return "\n".join(lines)


def summary_line(reports: list[Report]) -> str:
    """"2 plans checked: 1 valid, 1 with errors, 0 unreadable; 3 errors, 5 warnings, 1 query."""
    usable = [report for report in reports if report.usable]
    valid = sum(report.valid for report in usable)
    totals = {key: sum(report.stats.get(key, 0) for report in reports)
              for key in ("error", "warning", "query")}
    words = {"error": "errors", "warning": "warnings", "query": "queries"}
    counts = ", ".join(f"{n} {key if n == 1 else words[key]}" for key, n in totals.items())
    plans = "plan" if len(reports) == 1 else "plans"
    return (f"{len(reports)} {plans} checked: {valid} valid, {len(usable) - valid} with errors, "
            f"{len(reports) - len(usable)} unusable; {counts}.")
