"""Delivery of priorities, project milestones and contracts: what is overdue, due this quarter,
complete or expiring, with a RAG and a reason for each.

Rules (DESIGN.md, "Scoring conventions"; numbers from the policy):
- Timing: Complete when the status says so (or 100% complete); Cancelled likewise; Overdue when
  the target date (the last day of the period typed: "March 2024" is 31 March 2024) is before
  today and the item is not complete; Due this quarter when it falls in the reporting quarter;
  else Not yet due. "March 2024 and ongoing" is a continuing commitment: after March 2024 it is
  Ongoing, never Overdue. No date: blank, "TBC" or text that is not a date.
- RAG: an overdue item is Red. Otherwise the worse of its status (Off track Red; At risk and
  On hold Amber; On track Green) and its progress: % complete against linear expected progress
  from the start of the plan year to the target date, Amber when behind by more than
  `progress.amber_behind`, Red beyond `progress.red_behind`. "Not started" is 0% complete.
  A milestone has no % complete: its RAG is its status's, and "Not started" is Green until
  the quarter it is due in, Amber in that quarter.
  Complete is Green; Cancelled has no RAG; nothing to go on is No data.
- Projects: a project's RAG is its worst milestone's.
- Contracts: Expired when the end date has passed; Expiring within each horizon of
  `contracts.expiring_months` (6 and 12 months); review date passed; whether the Extension
  Option column offers an extension.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict

from xl_plans.kpi import RAG_RANK, worse
from xl_plans.model import Contract, Milestone, Priority, Rag, Row, Status, When, WhenKind
from xl_plans.policy import Policy, as_fraction
from xl_plans.values import day, fy_start_year, quarter_span

STATUS_RAG = {  # a delivery status's own RAG
    Status.OFF_TRACK: Rag.RED,
    Status.AT_RISK: Rag.AMBER,
    Status.ON_HOLD: Rag.AMBER,
    Status.ON_TRACK: Rag.GREEN,
}
_DATED = (WhenKind.DATE, WhenKind.PERIOD)


class Timing(StrEnum):
    COMPLETE = "Complete"
    OVERDUE = "Overdue"
    DUE_THIS_QUARTER = "Due this quarter"
    NOT_YET_DUE = "Not yet due"
    ONGOING = "Ongoing"
    NO_DATE = "No date"
    CANCELLED = "Cancelled"


@dataclass(frozen=True)
class ReportingPeriod:
    """The plan year's first day and the reporting quarter's first and last days."""

    plan_start: dt.date | None
    quarter_start: dt.date | None
    quarter_end: dt.date | None

    @classmethod
    def of(cls, plan_year: str | None, quarter: int | None, policy: Policy) -> ReportingPeriod:
        fy = fy_start_year(plan_year)
        if fy is None:
            return cls(None, None, None)
        month = policy.year.fy_start_month
        start = dt.date(fy, month, 1)
        if quarter is None:
            return cls(start, None, None)
        first, last = quarter_span(quarter, fy, month)
        return cls(start, first, last)


class ItemStatus(BaseModel):
    """A priority outcome or a project milestone, as of a date."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["priority", "milestone"]
    ref: str | None
    title: str | None  # the priority or the project
    item: str | None  # the outcome or the milestone
    due: dt.date | None
    due_text: str | None
    status: Status | None
    percent_complete: float | None = None
    expected_progress: float | None = None
    timing: Timing
    due_in_quarter: bool  # due in the reporting quarter, whatever its timing
    rag: Rag | None
    reason: str
    cells: dict[str, str] = {}


class ProjectStatus(BaseModel):
    model_config = ConfigDict(frozen=True)

    ref: str | None
    project: str | None
    milestones: int
    complete: int
    overdue: int
    due_in_quarter: int
    next_due: dt.date | None
    rag: Rag | None  # the worst of its milestones'


# --------------------------------------------------------------------------- the core rules


def expected_progress(start: dt.date, due: dt.date, today: dt.date) -> float:
    """Linear expected progress from `start` to `due`, 0 to 1."""
    if due <= start:
        return 1.0 if today >= due else 0.0
    return min(1.0, max(0.0, (today - start).days / (due - start).days))


def progress_rag(percent_complete: float, expected: float, policy: Policy) -> Rag:
    """Green unless % complete is behind the expected progress by more than the policy allows."""
    behind = expected - percent_complete
    if behind > policy.progress.red_behind + 1e-9:
        return Rag.RED
    if behind > policy.progress.amber_behind + 1e-9:
        return Rag.AMBER
    return Rag.GREEN


def delivery_rag(status: Status | None, percent: float | None, expected: float | None,
                 policy: Policy) -> Rag | None:
    """The worse of the status's RAG and % complete against expected progress; "Not started"
    counts as 0% complete; None when there is nothing to rate."""
    if status is Status.NOT_STARTED and percent is None:
        percent = 0.0
    ratings = [STATUS_RAG[status]] if status is not None and status in STATUS_RAG else []
    if percent is not None and expected is not None:
        ratings.append(progress_rag(percent, expected, policy))
    if not ratings:
        return None
    found = ratings[0]
    for other in ratings[1:]:
        found = worse(found, other)
    return found


def timing(due: When, status: Status | None, complete: bool, today: dt.date,
           period: ReportingPeriod) -> Timing:
    if status is Status.CANCELLED:
        return Timing.CANCELLED
    if status is Status.COMPLETE or complete:
        return Timing.COMPLETE
    if due.kind is WhenKind.ONGOING:
        return Timing.ONGOING
    if due.kind not in _DATED or due.end is None:
        return Timing.NO_DATE
    if due.end < today:
        return Timing.ONGOING if due.ongoing else Timing.OVERDUE
    if period.quarter_start and period.quarter_end and \
            period.quarter_start <= due.end <= period.quarter_end:
        return Timing.DUE_THIS_QUARTER
    return Timing.NOT_YET_DUE


def _points(behind: float, policy: Policy) -> str:
    """How far behind, in percentage points, with a decimal where a whole number would sit on
    the other side of a threshold from the true gap ("10 points behind: Amber", when Amber is
    more than 10 behind, was 10.47)."""
    thresholds = (policy.progress.amber_behind, policy.progress.red_behind)
    for places in range(4):
        text = f"{behind * 100:.{places}f}"
        if all((float(text) / 100 > t + 1e-9) == (behind > t + 1e-9) for t in thresholds):
            return text
    return text


def _percent(fraction: float, places: int = 0) -> str:
    return f"{fraction * 100:.{places}f}%"


# --------------------------------------------------------------------------- items


def is_complete(percent: float | None) -> bool:
    """A % Complete (as a fraction) that makes an item complete: 100% (or more)."""
    return percent is not None and percent >= 1 - 1e-9


def item_status(row: Row, kind: Literal["priority", "milestone"], due: When,
                status: Status | None, percent: float | None, titles: tuple[str | None, ...],
                period: ReportingPeriod, policy: Policy, today: dt.date,
                notes: list[str] | None = None) -> ItemStatus:
    """The timing, RAG and reason of one priority outcome or milestone."""
    complete = is_complete(percent)
    when = timing(due, status, complete, today, period)
    due_text = due.text or (day(due.end) if due.end else None)
    expected = None
    # A milestone has no % Complete: its RAG comes from its status and its date. (Scored as 0%
    # against progress from the plan year's start, a milestone due next year and rightly "Not
    # started" was Red, and made its whole project Red.)
    if kind == "priority" and \
            when in (Timing.OVERDUE, Timing.DUE_THIS_QUARTER, Timing.NOT_YET_DUE) and \
            period.plan_start is not None and due.end is not None:
        # From the plan's start, or from a later start the officer wrote ("Sep 2024 to March
        # 2026": nothing is expected before September 2024).
        begins = due.start if due.is_range and due.start and due.start > period.plan_start \
            else period.plan_start
        expected = expected_progress(begins, due.end, today)

    rag: Rag | None
    parts: list[str] = []
    if when is Timing.CANCELLED:
        rag, parts = None, ["cancelled: not rated"]
    elif when is Timing.COMPLETE:
        rag = Rag.GREEN
        parts = ["complete" if status is Status.COMPLETE else "100% complete"]
    elif when is Timing.OVERDUE:
        rag = Rag.RED
        shown = f", status {status.value}" if status else ""
        parts = [f"overdue: due {due_text} ({day(due.end)}) and not complete{shown}"
                 if due.end and due.text else f"overdue: due {due_text} and not complete{shown}"]
    else:
        rag, parts = _rate(status, percent, expected, when, due, today, policy)
    ref, title, item = titles
    cells = {}
    if row.source is not None:
        for role, field in (("due", "target_date" if kind == "priority" else "due"),
                            ("status", "status"), ("percent_complete", "percent_complete")):
            if (cell := row.source.cell(field)) is not None:
                cells[role] = cell
    verdict = f": {rag.value}" if rag is not None and when not in (Timing.COMPLETE,
                                                                   Timing.OVERDUE) else ""
    in_quarter = (due.kind in _DATED and due.end is not None and period.quarter_start is not None
                  and period.quarter_end is not None
                  and period.quarter_start <= due.end <= period.quarter_end)
    return ItemStatus(kind=kind, ref=ref, title=title, item=item, due=due.end,
                      due_text=due_text, status=status, percent_complete=percent,
                      expected_progress=expected, timing=when, due_in_quarter=in_quarter, rag=rag,
                      reason="; ".join([*parts[:-1], parts[-1] + verdict, *(notes or [])]),
                      cells=cells)


def _rate(status: Status | None, percent: float | None, expected: float | None, when: Timing,
          due: When, today: dt.date, policy: Policy) -> tuple[Rag, list[str]]:
    parts: list[str] = []
    if when is Timing.ONGOING:
        parts.append(f"ongoing since {day(due.end)}" if due.end is not None else "ongoing")
    elif when is Timing.NO_DATE:
        parts.append("no target date" if due.kind is WhenKind.BLANK
                     else f"target date {due.text!r} is not a date")
    if status is not None and (status in STATUS_RAG or status is Status.NOT_STARTED):
        parts.append(f"status {status.value}")
    rag = delivery_rag(status, percent, expected, policy)
    if rag is None and status is Status.NOT_STARTED and expected is None:
        # Not started, with no % or expected progress to weigh (a milestone): fine until the
        # quarter it is due in, a concern in that quarter (overdue is Red, above).
        if when is Timing.NOT_YET_DUE:
            return Rag.GREEN, [*parts, "not yet due"]
        if when is Timing.DUE_THIS_QUARTER:
            return Rag.AMBER, [*parts, "due this quarter and not started"]
    shown = 0.0 if percent is None and status is Status.NOT_STARTED else percent
    if shown is not None and expected is not None:
        behind = expected - shown
        points = _points(behind, policy)
        # The figures to the gap's decimals, so the gap is their difference as shown.
        places = len(points.partition(".")[2]) if behind > 0.005 else 0
        gap = (f", {points} points behind" if behind > 0.005
               else "" if abs(behind) <= 0.005 else ", ahead")
        parts.append(f"{_percent(shown, places)} complete, {_percent(expected, places)} "
                     f"expected by {day(today)}{gap}")
    elif shown is not None:
        parts.append(f"{_percent(shown)} complete")
    if rag is None:
        parts.append("no status or progress to rate")
        return Rag.NO_DATA, parts
    return rag, parts


def priority_status(priority: Priority, period: ReportingPeriod, policy: Policy,
                    today: dt.date) -> ItemStatus:
    percent, rescaled = as_fraction(priority.percent_complete, policy)
    notes = []
    if rescaled and percent is not None:
        notes.append(f"% Complete {percent * 100:g} read as {percent * 100:g}%")
    return item_status(priority, "priority", priority.target_date, priority.status, percent,
                       (priority.ref, priority.priority, priority.outcome), period, policy,
                       today, notes)


def milestone_status(milestone: Milestone, period: ReportingPeriod, policy: Policy,
                     today: dt.date) -> ItemStatus:
    return item_status(milestone, "milestone", milestone.due, milestone.status, None,
                       (milestone.ref, milestone.project, milestone.milestone), period, policy,
                       today)


def project_statuses(milestones: list[ItemStatus]) -> list[ProjectStatus]:
    """Milestones grouped by project (Ref, else name), in sheet order."""
    groups: dict[str, list[ItemStatus]] = {}
    for item in milestones:
        groups.setdefault(item.ref or item.title or "", []).append(item)
    projects = []
    for items in groups.values():
        rated = [i.rag for i in items if i.rag in RAG_RANK]
        rag = None
        for found in rated:
            rag = found if rag is None else worse(rag, found)
        if rag is None and any(i.rag is Rag.NO_DATA for i in items):
            rag = Rag.NO_DATA
        pending = [i.due for i in items if i.due and i.timing not in (Timing.COMPLETE,
                                                                      Timing.CANCELLED)]
        projects.append(ProjectStatus(
            ref=items[0].ref, project=items[0].title, milestones=len(items),
            complete=sum(i.timing is Timing.COMPLETE for i in items),
            overdue=sum(i.timing is Timing.OVERDUE for i in items),
            due_in_quarter=sum(i.due_in_quarter for i in items),
            next_due=min(pending, default=None), rag=rag))
    return projects


def timing_counts(items: list[ItemStatus]) -> dict[str, int]:
    counts = {t.value: 0 for t in Timing}
    for item in items:
        counts[item.timing.value] += 1
    return counts


# --------------------------------------------------------------------------- contracts


class ContractState(StrEnum):
    EXPIRED = "Expired"
    EXPIRING = "Expiring"
    ACTIVE = "Active"
    ONGOING = "Ongoing"
    NO_END_DATE = "No end date"


class ContractStatus(BaseModel):
    model_config = ConfigDict(frozen=True)

    ref: str | None
    contract: str | None
    supplier: str | None
    end_date: str | None  # as typed, or the date
    ends: dt.date | None
    state: ContractState
    expires_within_months: int | None = None
    review_date: str | None
    review_passed: bool
    extension: str | None
    extension_available: bool | None
    needs_action: bool
    reason: str
    cells: dict[str, str] = {}


# What an Extension Option cell says, tried in this order. Registers word it many ways; the
# phrases in tests/test_progress.py (EXTENSIONS) are the cases these rules are held to.
# 1. Nothing either way: "TBC", "Unknown", "Break clause at 3 years", "Rolling contract",
#    "Renewal due 2025", "Extension unlikely".
_UNKNOWN = re.compile(r"^\W*(tbc|tba|tbd|unknown|not\s+known|n/?k|\?+|don'?t\s+know)\W*$"
                      r"|\b(break\s+clause|rolling|under\s+review|subject\s+to\s+review|unlikely"
                      r"|(renewal|review)\s+due)\b", re.IGNORECASE)
# 2. Yes, first of all: "Yes - but not recommended".
_YES = re.compile(r"^\W*(yes|y)\b", re.IGNORECASE)
# 3. Some left: "1 year extension used, 1 remaining", "one more available".
_REMAINING = re.compile(r"\b(\d+|one|two|three)\s+(more\s+|further\s+)?(remaining|left|available)"
                        r"\b|\bone\s+more\s+available\b", re.IGNORECASE)
# 4. Set aside before looking for a refusal: a "not" that keeps the option open ("not yet
#    exercised", "has not been taken up"), and a "no" about the contract's term, not its option
#    ("No end date set, reviewed annually" refuses nothing: a rolling agreement).
_STILL_OPEN = re.compile(r"\b(has|have)?\s*not\s+(yet\s+)?(been\s+)?(used|exercised|taken(\s+up)?"
                         r"|agreed|triggered|invoked)\b", re.IGNORECASE)
_TERM_ONLY = re.compile(r"\bno\s+(fixed\s+|set\s+)?(end|expiry|termination)\s+date(\s+set)?\b"
                        r"|\bno\s+fixed\s+term\b", re.IGNORECASE)
# 5. A refusal: any other negation ("No", "N/A", "Cannot extend", "Extension not possible",
#    "Non-renewable"), the options used up ("Extensions exhausted", "Option exercised",
#    "Final extension taken", "Extended"), a fixed term, or a new contract ("Re-tender").
_REFUSES = re.compile(
    r"^\W*$|^\W*(no|n|none|nil|n/?a|not\s+applicable|0)\b"
    r"|[:?\-–]\s*(no|n|none|nil|n/?a)\b"
    r"|\b(no|not|none|nil|without|cannot|can't|unable|non-?|no\s+longer)\b"
    r"|\b(exhausted|utili[sz]ed|expired|ended|final)\b"
    r"|\b(extensions?|options?)(\s+\w+){0,3}\s+(used|exercised|taken)\b"
    r"|^\s*extended\b|\bfixed\s+term\b"
    r"|\bnew\s+(contract|agreement|framework|tender|procurement)\b|\bre-?(tender|procure)",
    re.IGNORECASE)
# 6. An offer: "Can be extended by two further years", "Option to extend", "Annual renewal",
#    "Yes", and periods as registers write them: "2 x 12 months", "+1 +1", "Up to 24 months".
_OFFERS = re.compile(r"\b(extend\w*|extension\w*|option\w*|renew\w*|yes|y)\b|\d\s*[x×]\s*\d"
                     r"|\+\s*[1-9]|\bplus\s+\d|\bfurther\s+\w+\s+(months?|years?)\b"
                     r"|^\W*(up\s+to\s+)?\d+\s*(months?|years?|yrs?|m)\b", re.IGNORECASE)


def extension_available(text: str | None) -> bool | None:
    """Does the Extension Option text offer an extension? None when it says neither."""
    if text is None or not text.strip() or _UNKNOWN.search(text):
        return None
    if _YES.search(text) or _REMAINING.search(text):
        return True
    rest = _TERM_ONLY.sub(" ", text)
    if rest != text and not re.search(r"\w", rest):  # only the term: "No end date"
        return None
    if _REFUSES.search(_STILL_OPEN.sub(" ", rest)):
        return False
    return True if _OFFERS.search(rest) else None


def expiry(end: When, today: dt.date, horizons: tuple[int, ...]) -> tuple[ContractState,
                                                                           int | None]:
    """A contract's state by its end date, and the nearest horizon (months) it falls within."""
    if end.kind is WhenKind.ONGOING:
        return ContractState.ONGOING, None
    if end.kind not in _DATED or end.end is None:
        return ContractState.NO_END_DATE, None
    if end.end < today:
        return (ContractState.ONGOING if end.ongoing else ContractState.EXPIRED), None
    for months in horizons:
        if end.end <= months_after(today, months):
            return ContractState.EXPIRING, months
    return ContractState.ACTIVE, None


@functools.lru_cache(maxsize=64)
def months_after(today: dt.date, months: int) -> dt.date:
    """The same day `months` later (31 Aug + 6 months is 28 or 29 Feb). Cached: every contract
    of a batch asks it of the same day."""
    return today + relativedelta(months=months)


def contract_status(contract: Contract, policy: Policy, today: dt.date) -> ContractStatus:
    end = contract.end_date
    state, within = expiry(end, today, policy.contracts.expiring_months)
    end_text = end.text or (day(end.end) if end.end else None)
    review = contract.review_date
    review_passed = review.kind in _DATED and review.end is not None and review.end < today
    review_text = review.text or (day(review.end) if review.end else None)
    offered = extension_available(contract.extension_option)

    parts = []
    if state is ContractState.EXPIRED:
        parts.append(f"ended {end_text}" + (f" ({day(end.end)})" if end.end and end.text
                                             else ""))
    elif state is ContractState.EXPIRING:
        assert end.end is not None
        parts.append(f"ends {day(end.end)}: within {within} months")
    elif state is ContractState.ACTIVE:
        assert end.end is not None
        parts.append(f"ends {day(end.end)}")
    elif state is ContractState.ONGOING:
        plain = end.kind is WhenKind.ONGOING and (end.text or "").strip().lower() == "ongoing"
        parts.append("ongoing: no end date" if plain or not end_text
                     else f"ongoing ({end_text})")
    else:
        parts.append("no end date" if end.kind is WhenKind.BLANK
                     else f"end date {end.text!r} is not a date")
    if review_passed:
        parts.append(f"review date {review_text} has passed")
    if offered is True:
        parts.append(f"extension available ({contract.extension_option})")
    elif offered is False:
        parts.append(f"no extension ({contract.extension_option})")
    cells = {}
    if contract.source is not None:
        for role, field in (("end", "end_date"), ("review", "review_date"),
                            ("extension", "extension_option")):
            if (cell := contract.source.cell(field)) is not None:
                cells[role] = cell
    return ContractStatus(
        ref=contract.ref, contract=contract.contract, supplier=contract.supplier,
        end_date=end_text, ends=end.end, state=state, expires_within_months=within,
        review_date=review_text, review_passed=review_passed,
        extension=contract.extension_option, extension_available=offered,
        needs_action=state in (ContractState.EXPIRED, ContractState.EXPIRING) or review_passed,
        reason="; ".join(parts), cells=cells)

