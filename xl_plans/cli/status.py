"""`xl-plans status` (a plan's Status sheet and JSON) and `xl-plans policy show`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import click

from xl_plans.cli.app import (
    as_of_option,
    friendly_errors,
    main,
    policy_option,
    read_plan_for_command,
    say,
    say_json,
)
from xl_plans.cli.app import load_policy_option as _policy
from xl_plans.excel_setup import policy_source
from xl_plans.files import is_summary_file, summary_message
from xl_plans.model import Plan
from xl_plans.policy import default_text, policy_toml
from xl_plans.reader import read_plan
from xl_plans.saving import Fingerprint, SaveError
from xl_plans.status import PlanStatus, plan_status
from xl_plans.status_sheet import write_status_file, write_status_in_place


@main.command()
@click.argument("plan_path", metavar="PLAN", type=click.Path(path_type=Path))
@click.option("--quarter", type=click.Choice(["Q1", "Q2", "Q3", "Q4"], case_sensitive=False),
              help="The reporting quarter. Default: the plan's Reporting Quarter.")
@as_of_option("The day that decides what is overdue or expiring", "today")
@policy_option
@click.option("--json", "as_json", is_flag=True,
              help="Print the status as JSON (shape: xl_plans/status.py). No workbook is "
                   "written unless -o or --in-place is given too.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help='The workbook to write. Default: "<plan> - Status Q1.xlsx" next to the '
                   "plan. An existing file is never overwritten.")
@click.option("--in-place", is_flag=True,
              help="Add the Status sheet to the plan itself: refused if the plan holds "
                   "anything that would be lost; a backup is kept in .xl_plans-backups.")
@friendly_errors
def status(plan_path: Path, quarter: str | None, as_of: dt.date | None,
           policy_file: Path | None, as_json: bool, output: Path | None,
           in_place: bool) -> None:
    """Score a plan for a quarter: KPI RAG, risks, overdue items, contracts; write a Status
    sheet."""
    if in_place and output is not None:
        raise click.UsageError("give either --in-place or -o/--output, not both")
    policy = _policy(policy_file)
    try:  # taken before reading, so a save by someone else in between is noticed
        fingerprint: Fingerprint | None = Fingerprint.of(plan_path)
    except OSError:
        fingerprint = None  # read_plan says what is wrong with the file
    if is_summary_file(plan_path):
        raise click.UsageError(summary_message(plan_path))
    plan = read_plan_for_command(plan_path)
    chosen = quarter or plan.details.reporting_quarter
    if chosen is None:
        raise click.UsageError(f"{plan_path.name} has no Reporting Quarter on its Plan sheet: "
                               "give --quarter Q1, Q2, Q3 or Q4")
    today = as_of or dt.date.today()
    result = plan_status(plan, str(chosen).upper(), policy, today)

    if as_json:
        say_json(result.model_dump_json(indent=2))
    if in_place:
        assert fingerprint is not None
        written = write_status_in_place(result, plan_path, fingerprint,
                                        verify=_same_plan(plan))
        say(f"Added the Status sheet to {plan_path} (backup: {written.backup}).",
                   err=as_json)
    elif output is not None or not as_json:
        target = write_status_file(result, plan_path, output)
        say(f"Wrote {target}.", err=as_json)
    say(summary_line(result), err=as_json)


def _same_plan(plan: Plan) -> Callable[[Path], None]:
    """A check on the file about to replace the plan: it must read back as the same plan."""

    def verify(written: Path) -> None:
        if read_plan(written).content() != plan.content():
            raise SaveError(f"Writing the Status sheet would change what "
                            f"{Path(plan.file or 'the plan').name} says; nothing was written.")

    return verify


def summary_line(result: PlanStatus) -> str:
    kpis = ", ".join(f"{n} {rag}" for rag, n in result.kpi_counts.items() if n) or "none"
    overdue = (result.priority_counts["Overdue"], result.milestone_counts["Overdue"])
    return (f"{result.service or 'Plan'} {result.quarter.value}: KPIs {kpis}; "
            f"{len(result.risks)} risk(s), {result.risks_above_appetite} above appetite, "
            f"{result.risk_reviews_overdue} review(s) overdue; overdue: {overdue[0]} priority "
            f"outcome(s), {overdue[1]} milestone(s); {result.contracts_needing_action} "
            f"contract(s) need action.")


@main.group()
def policy() -> None:
    """The scoring policy: tolerances, risk matrices, thresholds."""


@policy.command("show")
@policy_option
@friendly_errors
def policy_show(policy_file: Path | None) -> None:
    """Print the policy in force as TOML: the defaults, or your file laid over them (with no
    --policy, the file the Excel ribbon uses, if there is one)."""
    source = policy_file or policy_source().path
    if source is None:
        say(default_text(), nl=False)
        return
    in_force = _policy(policy_file)
    say(f"# The policy in force: {source} laid over the xl_plans defaults.")
    say(policy_toml(in_force), nl=False)
