"""`xl-plans new` (a blank plan from the template) and `xl-plans summary` (what plans hold)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from xl_plans.cli.app import (
    EXIT_OK,
    EXIT_PROBLEMS,
    NotAPlan,
    friendly_errors,
    main,
    read_plan_for_command,
    say,
)
from xl_plans.cli.consolidate import FinancialYear, refuse_missing
from xl_plans.consolidate import common_root, export_skipped, shown_name
from xl_plans.errors import WorkbookError
from xl_plans.files import find_plans
from xl_plans.summary import plan_summary, summary_table
from xl_plans.template import new_template, save_workbook


@main.command()
@click.option("--service", required=True, help='The service the plan is for, e.g. "Housing".')
@click.option("--year", required=True, type=FinancialYear(),
              help="The plan year, e.g. 2024/25.")
@click.option("--council", help="The council's name.")
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path),
              help="The workbook to create (.xlsx). An existing file is never overwritten.")
@friendly_errors
def new(service: str, year: str, council: str | None, output: Path) -> None:
    """Create a blank service plan workbook from the template."""
    if output.suffix.lower() != ".xlsx":
        raise click.BadParameter("the new plan must be an .xlsx file", param_hint="--output")
    service = service.strip()
    if not service:
        raise click.BadParameter("give the service's name", param_hint="--service")
    save_workbook(new_template(service, year, council), output)
    say(f"Created {output}: a blank {year} plan for {service}.")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@friendly_errors
def summary(paths: tuple[Path, ...]) -> None:
    """Read plans (files or folders) and list what each holds."""
    refuse_missing(paths)
    found = find_plans(paths, set_aside=export_skipped)  # an earlier export is not a plan
    for skipped in found.skipped:
        say(f"Skipped {skipped.path}: [{skipped.code}] {skipped.reason}", err=True)
    if not found.files:
        raise click.ClickException("No plan workbooks (.xlsx, .xlsm) were found in "
                                   + ", ".join(str(p) for p in paths) + ".")
    root = common_root(found.files)  # files named from the folder searched, as consolidate does
    rows, problems = [], 0
    for item in found.files:
        name = shown_name(str(item), root)
        try:
            rows.append({**plan_summary(read_plan_for_command(item)), "File": name})
        except WorkbookError as exc:
            problems += 1
            say(f"[{exc.code}] {name}: {exc.problem} {exc.hint}", err=True)
        except NotAPlan as exc:
            problems += 1
            say(str(exc).replace(f" {item.name}: ", f" {name}: ", 1), err=True)
        except Exception as exc:  # a fault of ours: said plainly, and the others still listed
            problems += 1
            say(f"[internal-error] {name}: xl_plans failed reading it "
                       f"({type(exc).__name__}: {exc}). Please report this with the file.",
                       err=True)
    say(summary_table(rows))
    say(f"{len(rows)} plan(s) read, {problems} unreadable or not plans, "
               f"{len(found.skipped)} skipped.")
    sys.exit(EXIT_PROBLEMS if problems else EXIT_OK)
