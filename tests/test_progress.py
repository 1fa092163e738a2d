"""Priorities, milestones, projects and contracts: overdue, due, complete, expiring."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import example
from hypothesis import given
from hypothesis import strategies as st

from xl_plans.model import Rag
from xl_plans.policy import default_policy
from xl_plans.progress import (
    ContractState,
    ReportingPeriod,
    Timing,
    contract_status,
    day,
    expected_progress,
    extension_available,
    milestone_status,
    months_after,
    priority_status,
    project_statuses,
    timing_counts,
)
from xl_plans.reader import plan_from_tables, read_plan

POLICY = default_policy()
# Plan year 2023/24, reporting Q2 (July to September 2023), as of 15 August 2023.
PERIOD = ReportingPeriod.of("2023/24", 2, POLICY)
TODAY = dt.date(2023, 8, 15)


def priority(**typed: Any):  # type: ignore[no-untyped-def]
    row = {"Ref": "P1", "Priority": "A priority", "Outcome": "An outcome"}
    row.update({header.replace("_", " "): value for header, value in typed.items()})
    plan = plan_from_tables({"Plan": {"Plan Year": "2023/24"}, "Priorities": [row]})
    return plan.priorities[0]


def test_reporting_period() -> None:
    assert ReportingPeriod(dt.date(2023, 4, 1), dt.date(2023, 7, 1),
                                     dt.date(2023, 9, 30)) == PERIOD
    assert ReportingPeriod.of(None, 2, POLICY) == ReportingPeriod(None, None, None)


PRIORITIES = [
    # (priority as typed, timing, due in Q2, RAG, reason)
    (dict(Target_Date=dt.date(2023, 6, 30), Status="On track"), Timing.OVERDUE, False, Rag.RED,
     "overdue: due 30 Jun 2023 and not complete, status On track"),
    (dict(Target_Date="31 st August 2022"), Timing.OVERDUE, False, Rag.RED,
     "overdue: due 31 st August 2022 (31 Aug 2022) and not complete"),
    (dict(Target_Date=dt.date(2023, 6, 30), Status="Complete"), Timing.COMPLETE, False,
     Rag.GREEN, "complete"),
    (dict(Target_Date=dt.date(2023, 6, 30), Status="Cancelled"), Timing.CANCELLED, False, None,
     "cancelled: not rated"),
    (dict(Target_Date="September 2023", Status="On track"), Timing.DUE_THIS_QUARTER, True,
     Rag.GREEN, "status On track: Green"),
    (dict(Target_Date="Q2 2023/24", Status="At risk"), Timing.DUE_THIS_QUARTER, True, Rag.AMBER,
     "status At risk: Amber"),
    (dict(Target_Date="March 2024", Status="Off track"), Timing.NOT_YET_DUE, False, Rag.RED,
     "status Off track: Red"),
    (dict(Target_Date="March 2024", Status="On hold"), Timing.NOT_YET_DUE, False, Rag.AMBER,
     "status On hold: Amber"),
    (dict(Target_Date="March 2024"), Timing.NOT_YET_DUE, False, Rag.NO_DATA,
     "no status or progress to rate: No data"),
    # % complete against linear expected progress from 1 April 2023: by 15 August, 136 of the
    # 365 days to 31 March 2024 have passed, 37% expected.
    (dict(Target_Date="March 2024", **{"% Complete": 0.35}), Timing.NOT_YET_DUE, False,
     Rag.GREEN, "35% complete, 37% expected by 15 Aug 2023, 2 points behind: Green"),
    (dict(Target_Date="March 2024", Status="On track", **{"% Complete": "20%"}),
     Timing.NOT_YET_DUE, False, Rag.AMBER,
     "status On track; 20% complete, 37% expected by 15 Aug 2023, 17 points behind: Amber"),
    (dict(Target_Date="March 2024", **{"% Complete": 10}), Timing.NOT_YET_DUE, False, Rag.RED,
     "10% complete, 37% expected by 15 Aug 2023, 27 points behind: Red; % Complete 10 read as "
     "10%"),
    (dict(Target_Date="March 2024", Status="Not started"), Timing.NOT_YET_DUE, False, Rag.RED,
     "status Not started; 0% complete, 37% expected by 15 Aug 2023, 37 points behind: Red"),
    (dict(Target_Date="March 2024", **{"% Complete": 0.6}), Timing.NOT_YET_DUE, False,
     Rag.GREEN, "60% complete, 37% expected by 15 Aug 2023, ahead: Green"),
    (dict(Target_Date="March 2024", **{"% Complete": 1}), Timing.COMPLETE, False, Rag.GREEN,
     "100% complete"),
    # A range names when the work starts: nothing is expected before it, then progress is
    # linear from it (from 1 June: 75 of the 304 days to 31 March 2024, 25%).
    (dict(Target_Date="Sep 2023 to March 2025", Status="Not started"), Timing.NOT_YET_DUE,
     False, Rag.GREEN, "status Not started; 0% complete, 0% expected by 15 Aug 2023: Green"),
    (dict(Target_Date="June 2023 to March 2024", **{"% Complete": 0.1}), Timing.NOT_YET_DUE,
     False, Rag.AMBER, "10% complete, 25% expected by 15 Aug 2023, 15 points behind: Amber"),
    (dict(Target_Date="Jan 2023 to March 2024", **{"% Complete": 0.1}), Timing.NOT_YET_DUE,
     False, Rag.RED, "10% complete, 37% expected by 15 Aug 2023, 27 points behind: Red"),
    # Ongoing commitments are never overdue once their date has passed.
    (dict(Target_Date="March 2023 and ongoing", Status="On track"), Timing.ONGOING, False,
     Rag.GREEN, "ongoing since 31 Mar 2023; status On track: Green"),
    (dict(Target_Date="September 2023 and ongoing"), Timing.DUE_THIS_QUARTER, True,
     Rag.NO_DATA, "no status or progress to rate: No data"),
    (dict(Target_Date="Ongoing", Status="At risk"), Timing.ONGOING, False, Rag.AMBER,
     "ongoing; status At risk: Amber"),
    # No date.
    (dict(Status="On track"), Timing.NO_DATE, False, Rag.GREEN,
     "no target date; status On track: Green"),
    (dict(Target_Date="TBC"), Timing.NO_DATE, False, Rag.NO_DATA,
     "target date 'TBC' is not a date; no status or progress to rate: No data"),
]


@pytest.mark.parametrize(("typed", "timing", "in_quarter", "rag", "reason"), PRIORITIES)
def test_priority_timing_rag_and_reason(typed: dict[str, Any], timing: Timing,
                                        in_quarter: bool, rag: Rag | None, reason: str) -> None:
    status = priority_status(priority(**typed), PERIOD, POLICY, TODAY)
    assert (status.timing, status.due_in_quarter, status.rag, status.reason) == (
        timing, in_quarter, rag, reason)


@pytest.mark.parametrize(("done", "reason"), [
    # 15 Nov 2023: 228 of 365 days, 62.47% expected. Amber is more than 10 points behind and
    # Red more than 25: a whole number that rounds onto a threshold gets a decimal.
    # (the figures to the gap's decimals: their difference as shown is the gap)
    ("52%", "52.0% complete, 62.5% expected by 15 Nov 2023, 10.5 points behind: Amber"),
    ("37%", "37.0% complete, 62.5% expected by 15 Nov 2023, 25.5 points behind: Red"),
    ("40%", "40% complete, 62% expected by 15 Nov 2023, 22 points behind: Amber"),
    ("62.47%", "62% complete, 62% expected by 15 Nov 2023: Green"),
])
def test_the_gap_shown_is_on_the_same_side_of_the_threshold_as_the_rag(done: str,
                                                                      reason: str) -> None:
    period = ReportingPeriod.of("2023/24", 3, POLICY)
    found = priority_status(priority(Target_Date="March 2024", **{"% Complete": done}), period,
                            POLICY, dt.date(2023, 11, 15))
    assert found.reason == reason


EXPECTED = [
    (dt.date(2023, 4, 1), dt.date(2024, 3, 31), dt.date(2023, 4, 1), 0.0),
    (dt.date(2023, 4, 1), dt.date(2024, 3, 31), dt.date(2024, 3, 31), 1.0),
    (dt.date(2023, 4, 1), dt.date(2023, 5, 1), dt.date(2023, 4, 16), 0.5),
    (dt.date(2023, 4, 1), dt.date(2023, 5, 1), dt.date(2025, 1, 1), 1.0),
    (dt.date(2023, 4, 1), dt.date(2023, 5, 1), dt.date(2022, 1, 1), 0.0),
    (dt.date(2023, 4, 1), dt.date(2023, 3, 1), dt.date(2023, 2, 1), 0.0),  # due before start
    (dt.date(2023, 4, 1), dt.date(2023, 3, 1), dt.date(2023, 4, 1), 1.0),
]


@pytest.mark.parametrize(("start", "due", "today", "expected"), EXPECTED)
def test_expected_progress(start: dt.date, due: dt.date, today: dt.date,
                           expected: float) -> None:
    assert expected_progress(start, due, today) == pytest.approx(expected)


@given(st.dates(), st.dates(), st.dates(), st.dates())
def test_expected_progress_never_falls_as_time_passes(start: dt.date, due: dt.date,
                                                      a: dt.date, b: dt.date) -> None:
    early, late = sorted((a, b))
    assert 0 <= expected_progress(start, due, early) <= expected_progress(start, due, late) <= 1


def test_milestones_and_projects_of_three_rivers() -> None:
    plan = read_plan(example("three_rivers_housing_2022_25"))
    period = ReportingPeriod.of(plan.details.plan_year, 2, POLICY)
    milestones = [milestone_status(m, period, POLICY, dt.date(2022, 8, 15))
                  for m in plan.milestones]
    counts = timing_counts(milestones)
    # Q1 2022/23 milestones have passed undone; four fall in Q2; the rest are later.
    assert (counts["Overdue"], counts["Due this quarter"], counts["Not yet due"]) == (3, 4, 9)
    projects = {p.ref: p for p in project_statuses(milestones)}
    assert {ref: (p.milestones, p.overdue, p.due_in_quarter, p.rag)
            for ref, p in projects.items()} == {
        "PR1": (3, 0, 1, Rag.NO_DATA),
        "PR2": (3, 1, 1, Rag.RED),
        "PR3": (4, 1, 1, Rag.RED),
        "PR4": (6, 1, 1, Rag.RED),
    }
    assert projects["PR2"].next_due == dt.date(2022, 6, 30)
    first = milestones[3]
    assert first.reason == "overdue: due Q1 2022/23 (30 Jun 2022) and not complete"
    assert first.cells == {"due": "Projects!G5", "status": "Projects!H5"}


def test_completed_milestones_are_not_counted_overdue() -> None:
    plan = plan_from_tables({"Plan": {"Plan Year": "2023/24"}, "Projects": [
        {"Ref": "X", "Project": "X", "Milestone": "a", "Due": "Q1 2023/24", "Status": "Complete"},
        {"Ref": "X", "Project": "X", "Milestone": "b", "Due": "Q1 2023/24"},
        {"Ref": "X", "Project": "X", "Milestone": "c", "Due": "Q4 2023/24",
         "Status": "On track"}]})
    milestones = [milestone_status(m, PERIOD, POLICY, TODAY) for m in plan.milestones]
    assert [m.timing for m in milestones] == [Timing.COMPLETE, Timing.OVERDUE,
                                              Timing.NOT_YET_DUE]
    (project,) = project_statuses(milestones)
    assert (project.complete, project.overdue, project.rag, project.next_due) == (
        1, 1, Rag.RED, dt.date(2023, 6, 30))


MILESTONES = [
    # A milestone has no % Complete: "Not started" is weighed by its date alone. (Scored as 0%
    # against progress from 1 April, the 2024/25 one was Red at Q2 2023/24.)
    ("Q4 2024/25", "Not started", Timing.NOT_YET_DUE, Rag.GREEN,
     "status Not started; not yet due: Green"),
    ("March 2024", "Not started", Timing.NOT_YET_DUE, Rag.GREEN,
     "status Not started; not yet due: Green"),
    ("September 2023", "Not started", Timing.DUE_THIS_QUARTER, Rag.AMBER,
     "status Not started; due this quarter and not started: Amber"),
    ("June 2023", "Not started", Timing.OVERDUE, Rag.RED,
     "overdue: due June 2023 (30 Jun 2023) and not complete, status Not started"),
    ("March 2024", "At risk", Timing.NOT_YET_DUE, Rag.AMBER, "status At risk: Amber"),
    ("March 2024", None, Timing.NOT_YET_DUE, Rag.NO_DATA,
     "no status or progress to rate: No data"),
]


@pytest.mark.parametrize(("due", "state", "timing", "rag", "reason"), MILESTONES)
def test_milestone_rag_comes_from_its_status_and_date(due: str, state: str | None,
                                                      timing: Timing, rag: Rag,
                                                      reason: str) -> None:
    row = {"Ref": "X", "Project": "X", "Milestone": "m", "Due": due}
    if state is not None:
        row["Status"] = state
    plan = plan_from_tables({"Plan": {"Plan Year": "2023/24"}, "Projects": [row]})
    found = milestone_status(plan.milestones[0], PERIOD, POLICY, TODAY)
    assert (found.timing, found.rag, found.reason) == (timing, rag, reason)


def test_a_project_on_schedule_is_not_red_for_milestones_not_yet_started() -> None:
    """Three Rivers' protocol project at Q3 2022/23: done, done, on track, and two milestones
    for later years rightly not started."""
    rows = [("Q1 2022/23", "Complete"), ("Q2 2022/23", "Complete"), ("Q4 2022/23", "On track"),
            ("2023/24", "Not started"), ("2024/25", "Not started")]
    plan = plan_from_tables({"Plan": {"Plan Year": "2022/23"}, "Projects": [
        {"Ref": "PR4", "Project": "Protocol", "Milestone": f"m{n}", "Due": due, "Status": state}
        for n, (due, state) in enumerate(rows)]})
    period = ReportingPeriod.of("2022/23", 3, POLICY)
    milestones = [milestone_status(m, period, POLICY, dt.date(2022, 11, 15))
                  for m in plan.milestones]
    (project,) = project_statuses(milestones)
    assert [m.rag for m in milestones] == [Rag.GREEN, Rag.GREEN, Rag.GREEN, Rag.GREEN,
                                           Rag.GREEN]
    assert project.rag is Rag.GREEN


# --------------------------------------------------------------------------- contracts


def contract(**typed: Any):  # type: ignore[no-untyped-def]
    row = {"Ref": "C1", "Contract": "A contract"}
    row.update({header.replace("_", " "): value for header, value in typed.items()})
    return plan_from_tables({"Contracts": [row]}).contracts[0]


CONTRACTS = [
    # (contract as typed, state, within months, review passed, needs action)
    (dict(End_Date=dt.date(2023, 8, 14)), ContractState.EXPIRED, None, False, True),
    (dict(End_Date=dt.date(2023, 8, 15)), ContractState.EXPIRING, 6, False, True),
    (dict(End_Date=dt.date(2024, 2, 15)), ContractState.EXPIRING, 6, False, True),
    (dict(End_Date=dt.date(2024, 2, 16)), ContractState.EXPIRING, 12, False, True),
    (dict(End_Date=dt.date(2024, 8, 15)), ContractState.EXPIRING, 12, False, True),
    (dict(End_Date=dt.date(2024, 8, 16)), ContractState.ACTIVE, None, False, False),
    (dict(End_Date="March 2022"), ContractState.EXPIRED, None, False, True),
    (dict(End_Date="Ongoing"), ContractState.ONGOING, None, False, False),
    (dict(End_Date="Ongoing, annual review"), ContractState.ONGOING, None, False, False),
    (dict(End_Date="March 2023 and ongoing"), ContractState.ONGOING, None, False, False),
    (dict(End_Date="TBC"), ContractState.NO_END_DATE, None, False, False),
    (dict(), ContractState.NO_END_DATE, None, False, False),
    (dict(End_Date=dt.date(2026, 1, 1), Review_Date="2019"), ContractState.ACTIVE, None, True,
     True),
    (dict(End_Date="Ongoing", Review_Date="Summer 2023"), ContractState.ONGOING, None, False,
     False),  # summer ends 31 August
    (dict(End_Date="Ongoing", Review_Date="N/A"), ContractState.ONGOING, None, False, False),
]


@pytest.mark.parametrize(("typed", "state", "within", "review_passed", "action"), CONTRACTS)
def test_contract_expiry_and_review(typed: dict[str, Any], state: ContractState,
                                    within: int | None, review_passed: bool,
                                    action: bool) -> None:
    status = contract_status(contract(**typed), POLICY, TODAY)
    assert (status.state, status.expires_within_months, status.review_passed,
            status.needs_action) == (state, within, review_passed, action)


# Extension Option cells as contract registers word them, with what they say: True an extension
# is on offer, False none is (refused, used up, or a new contract), None it says neither.
EXTENSIONS = [
    ("Can be extended by two further years", True),
    ("Option to extend for a further 5 years if both parties agree", True),
    ("Annual review and renewal", True),
    ("Yes", True),
    ("New framework required", False),
    ("New contract required", False),
    ("New agreement will be needed", False),
    # a "No" about the contract's term, not its option (Three Rivers Contracts!K6, seed 003):
    # a rolling agreement, reviewed; neither offered nor refused
    ("No end date set, reviewed annually", None), ("No end date", None),
    ("No fixed end date, annual review", None), ("No expiry date", None), ("No fixed term", None),
    ("Annual review", None), ("Rolling, reviewed annually", None),
    ("No end date; option to extend 1 year", True), ("No end date - no extension", False),
    ("Not extendable", False),
    ("Reviewed annually", None),
    ("Option to extend for a further 12 months (not yet exercised)", True),
    (None, None),
    ("  ", None),
    ("1 year + 1 year", True), ("Up to 24 months", True),
    ("Option to extend by 2 years – not used", True),
    ("Option to extend by 2 years - not used", True),
    ("No – contract ends", False), ("No - contract ends", False), ("No, contract ends", False),
    ("No. Contract ends March 2025", False),
    ("Extension not possible", False), ("Extensions not permitted", False),
    ("Yes (12 months)", True), ("Yes - 12 months", True), ("Y", True), ("N", False),
    ("Break clause at 3 years", None), ("Rolling contract", None), ("TBC", None), ("tbc", None),
    ("n/a", False), ("N/A - framework call-off", False),
    ("Renewal due 2025", None), ("Re-tender due 2025", False),
    ("Contract can be extended for a period or periods of up to 2 years", True),
    ("None remaining", False), ("Final extension taken", False),
    ("Final extension period", False), ("All extensions used", False),
    ("Extensions exhausted", False), ("Extension options fully utilised", False),
    ("Extended to 31/03/2025 (final)", False),
    ("Extension taken to March 2025", False),
    ("1 year extension used, 1 remaining", True),
    ("2 + 2", True), ("3+1+1", True), ("(2+1+1)", True), ("2yrs +1 +1", True),
    ("12 months", True), ("Up to 2 x 12 months", True),
    ("Extendable by mutual agreement", True), ("Extendible for 1 year", True),
    ("Not applicable", False), ("Nil", False), ("None.", False), ("No option", False),
    ("no", False), ("NO", False), ("No extension", False),
    ("There is no option to extend", False),
    ("No provision to extend", False), ("No provision for extension", False),
    ("Option to extend not available", False),
    ("Not able to extend", False), ("Unable to extend", False),
    ("Cannot extend", False), ("Can't extend", False),
    ("Does not allow extension", False), ("No further extension permitted", False),
    ("Extension not yet agreed", True),
    ("Option to extend has not been exercised", True),
    ("Option not taken up", True),
    ("Option to extend – not taken", True),
    ("Options: none", False), ("Extension: N/A", False), ("Extension option: No", False),
    ("Extension: Yes", True), ("Option to extend: Yes, 1 year", True),
    ("Subject to review", None), ("Under review", None), ("Annual", None),
    ("Automatic annual renewal", True), ("Auto-renews annually", True),
    ("Framework – call-off", None), ("Ongoing", None), ("Spot purchase", None),
    ("Awaiting procurement of new contract", False),
    ("Retender in progress", False), ("Re-procurement underway", False),
    ("Will be re-procured", False), ("Exit strategy required", None),
    ("Extension granted until 31/03/2025", True),
    ("Not known", None), ("Unknown", None), ("?", None), ("Don't know", None),
    ("Potential extension 1 year", True),
    ("Extended", False), ("Already extended once; one more available", True),
    ("Yes - but not recommended", True),
    ("No - but could be novated", False),
    ("Not extendable beyond 2026", False),
    ("Extension to be negotiated", True),
    ("Contract ends - new tender", False),
    ("2 x 1 year", True), ("2x1yr", True), ("3 x 6 months", True),
    ("Plus 1 year", True), ("+12 months", True), ("+ 2 years", True),
    ("Option to extend up to 2 years (1+1)", True),
    ("No option to extend – new procurement", False),
    ("Extension not available", False),
    ("No; expires", False), ("None available", False),
    ("Not renewable", False), ("Non-renewable", False), ("Non-extendable", False),
    ("Non extendable", False),
    ("Option to extend 1 year; not exercised", True),
    ("Option to extend 1 year: not exercised", True),
    ("Option to extend exercised", False), ("Option exercised", False),
    ("Extension period 1 of 2 taken", True),
    ("Contract term 3 years", None),
    ("Fixed term", False), ("Fixed term - no extension", False),
    ("Further 12 months", True), ("A further 12 months available", True),
    ("Further extension unlikely", None),
    ("Extension unlikely", None),
    ("24 months + 12 months + 12 months", True),
    ("12m + 12m", True), ("36m+12m+12m", True),
    ("-", False), ("—", False), ("–", False), ("N/K", None), ("x", None),
    ("0", False), ("0 months", False), ("None (final year)", False),
    ("None - final year", False),
]


@pytest.mark.parametrize(("text", "available"), EXTENSIONS)
def test_extension_option(text: str | None, available: bool | None) -> None:
    assert extension_available(text) is available


def test_golden_three_rivers_contracts() -> None:
    plan = read_plan(example("three_rivers_housing_2022_25"))
    statuses = [contract_status(c, POLICY, dt.date(2024, 7, 1)) for c in plan.contracts]
    assert [(s.ref, s.state, s.expires_within_months, s.review_passed) for s in statuses] == [
        ("C1", ContractState.EXPIRED, None, True),  # ended March 2022; review Summer 2021
        ("C2", ContractState.ONGOING, None, True),  # review 2019
        ("C3", ContractState.EXPIRING, 6, False),  # 29 Nov 2024
        ("C4", ContractState.ONGOING, None, True),  # review 2022
        ("C5", ContractState.ONGOING, None, False),  # review N/A
        ("C6", ContractState.ACTIVE, None, False),  # 2 Sep 2025
        ("C7", ContractState.ACTIVE, None, False),  # 23 Dec 2025
    ]
    c3 = statuses[2]
    assert c3.reason == ("ends 29 Nov 2024: within 6 months; extension available (Can be "
                         "extended by two further years)")
    assert c3.cells == {"end": "Contracts!I4", "review": "Contracts!J4",
                        "extension": "Contracts!K4"}
    assert statuses[0].reason == ("ended March 2022 (31 Mar 2022); review date Summer 2021 has "
                                  "passed; no extension (New framework required)")
    # C5's "No end date set, reviewed annually" refuses nothing: no word on an extension
    assert (statuses[4].extension_available, statuses[4].reason) == (None, "ongoing: no end date")


@pytest.mark.parametrize(("date", "shown"), [
    (dt.date(2022, 3, 31), "31 Mar 2022"), (dt.date(2024, 1, 1), "1 Jan 2024"),
    (dt.date(2023, 9, 9), "9 Sep 2023"), (dt.date(2025, 12, 25), "25 Dec 2025"),
])
def test_a_day_is_shown_in_english(date: dt.date, shown: str) -> None:
    assert day(date) == shown


@pytest.mark.parametrize(("today", "months", "then"), [
    (dt.date(2023, 8, 31), 6, dt.date(2024, 2, 29)),  # leap year: the month's last day
    (dt.date(2022, 8, 31), 6, dt.date(2023, 2, 28)),
    (dt.date(2023, 10, 15), 12, dt.date(2024, 10, 15)),
    (dt.date(2023, 12, 31), 3, dt.date(2024, 3, 31)),
])
def test_months_after_keeps_the_day_or_the_months_end(today: dt.date, months: int,
                                                     then: dt.date) -> None:
    assert months_after(today, months) == then
