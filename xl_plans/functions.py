"""The scoring rules as plain functions of cell values, for Excel functions (UDFs).

Each takes what a worksheet cell holds (a number, text such as "29.3%" or "Lower is better", a
date, or None for a blank) and returns text or a number for a cell. They do not restate the
scoring rules: the KPI functions build the KPI row those cells make and score it with the
Status sheet's own kpi.kpi_status, and the progress functions go through progress.py's
priority rules, so a formula in a workbook can never disagree with the dashboard (a % sign
on a target makes a % indicator, text in an actual is "No data", "INFO ONLY" is "Info only",
just as there). A value that cannot be used at all (a polarity that is not one, a start that
is not a date) raises ValueError with a plain message (the UDF layer shows it in the cell).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, TypeVar

from xl_plans import kpi, progress, risk
from xl_plans.model import Kpi, Measure, NumKind, Polarity, Priority, Rag, Status, Unit, WhenKind
from xl_plans.policy import MatrixPolicy, Policy, as_fraction, default_policy
from xl_plans.schema import CHOICE_SYNONYMS
from xl_plans.values import parse_choice, parse_num, parse_when

E = TypeVar("E", bound=Enum)


def _choice(enum: type[E], value: Any, what: str, default: E | None = None) -> E:
    if value is None and default is not None:
        return default
    synonyms: dict[str, E] = CHOICE_SYNONYMS.get(enum, {})  # type: ignore[assignment]
    found = parse_choice(enum, value, synonyms)
    if found is None:
        allowed = ", ".join(str(member.value) for member in enum)
        raise ValueError(f"{what} must be one of {allowed}, not {value!r}")
    return found


def _number(value: Any, what: str) -> float | None:
    """A cell's number, read as the reader reads it; None for blank, "-", "TBC"."""
    num = parse_num(value)
    if num.kind is NumKind.NUMBER:
        return num.value
    if num.kind is NumKind.TEXT:
        raise ValueError(f"{what} must be a number, not {value!r}")
    return None


def _whole(value: Any, what: str) -> int:
    number = _number(value, what)
    if number is None or not float(number).is_integer():
        raise ValueError(f"{what} must be a whole number, not {value!r}")
    return int(number)


def _date(value: Any, what: str) -> dt.date:
    """A day; a period typed ("March 2024") is its last day, as a deadline is read."""
    when = parse_when(value)
    if when.end is None:
        raise ValueError(f"{what} must be a date, not {value!r}")
    return when.end


def _start(value: Any, policy: Policy) -> dt.date:
    """The day a span of work starts: a plan year ("2023/24") on the first day of its
    financial year, as the Status sheet reads the Plan Year; any other period typed ("April
    2023", "Q1 2023/24") on its first day, not its last."""
    if isinstance(value, str) and not value.strip().isdigit() and \
            (plan_start := progress.ReportingPeriod.of(value, None, policy).plan_start):
        return plan_start
    when = parse_when(value)
    if when.start is None:
        raise ValueError(f"start must be a date, not {value!r}")
    return when.start


def _kpi(polarity: Any, unit: Any, measure: Measure, **cells: Any) -> Kpi:
    """The KPIs-sheet row these cells make, read as the reader reads a row (a blank polarity
    or unit stays blank: the Status sheet then assumes higher is better, and takes a % sign on
    a target to mean a % indicator)."""
    return Kpi(polarity=None if polarity is None else _choice(Polarity, polarity, "polarity"),
               unit=None if unit is None else _choice(Unit, unit, "unit"), measure=measure,
               **{field: parse_num(value) for field, value in cells.items()})


# --------------------------------------------------------------------------- KPIs


def kpi_rag(actual: Any, expected: Any, polarity: Any = None, tolerance: Any = None,
            unit: Any = None, policy: Policy | None = None) -> str:
    """"Green", "Amber", "Red", "No data" (no figure: blank, "-", "awaiting data"), "No target"
    (no usable expected value: blank, "TBC", text) or "Info only" ("INFO ONLY").

    Exactly the Status sheet's RAG for a snapshot KPI with these cells as its figure, target,
    Polarity, Tolerance % and Unit. `tolerance` is a fraction (0.1) or a percentage (10%, 10);
    blank uses the policy's. A blank unit with a target typed "90%" is a % indicator (80 is
    read as 80%). With unit "Yes/No" the target is met or not. A Target band is the expected
    value plus or minus the tolerance, or a range typed as "95% to 105%"."""
    row = _kpi(polarity, unit, Measure.SNAPSHOT, q1=actual, annual_target=expected,
               tolerance=tolerance)
    return kpi.kpi_status(row, 1, policy or default_policy()).rag.value


def kpi_expected(annual_target: Any, quarter: Any, measure: Any = "Cumulative",
                 quarter_target: Any = None, unit: Any = None,
                 policy: Policy | None = None) -> float | None:
    """The value expected by the end of a quarter (1-4 or "Q2"), as the Status sheet works it
    out: the quarter's profile target if given, else a cumulative measure's annual target pro
    rata, else the annual target. Blank when there is no usable target. A blank measure is a
    snapshot (as on the Status sheet). A % indicator's value is a fraction: with unit "%", or a
    target typed with a % sign, 98 is read as 98% (0.98)."""
    number = kpi.quarter_number(quarter if isinstance(quarter, str) else
                                _whole(quarter, "quarter"))
    measure_read = _choice(Measure, measure, "measure", Measure.SNAPSHOT)
    row = _kpi(None, unit, measure_read, annual_target=annual_target,
               **{f"q{number}_target": quarter_target})
    return kpi.kpi_status(row, number, policy or default_policy()).expected


def kpi_direction(current: Any, earlier: Any, polarity: Any = None, unit: Any = None,
                  target: Any = None, policy: Policy | None = None) -> str:
    """"Improving", "Worsening", "No change" or "Not available": the Status sheet's direction
    of travel for a snapshot KPI with these figures this quarter and before, read through the
    polarity. A % indicator (unit "%", or a target typed with a % sign) reads its figures on
    one scale, as the Status sheet does: 75 typed last quarter is 75%, so 0.8 (80%) is better.
    A Target band is judged by nearness to its band, so it needs its target."""
    row = _kpi(polarity, unit, Measure.SNAPSHOT, q2=current, q1=earlier, annual_target=target)
    if row.polarity is Polarity.BAND and row.annual_target.kind is NumKind.BLANK:
        raise ValueError("direction for a Target band needs its target (the band), "
                         "as the 5th argument")
    return kpi.kpi_status(row, 2, policy or default_policy()).vs_previous.direction.value


# --------------------------------------------------------------------------- risks


def risk_score(likelihood: Any, impact: Any) -> int:
    """Likelihood x impact."""
    return risk.risk_score(_whole(likelihood, "likelihood"), _whole(impact, "impact"))


def _matrix(matrix: Any, policy: Policy | None) -> MatrixPolicy:
    try:
        return (policy or default_policy()).matrix(None if matrix is None else str(matrix))
    except KeyError as exc:
        raise ValueError(exc.args[0]) from None


def risk_band(score: Any, matrix: Any = None, policy: Policy | None = None) -> str:
    """The band of a score on the matrix ("4x4", "5x5"; blank: the policy's default)."""
    return risk.band_of_score(_whole(score, "score"), _matrix(matrix, policy)).value


def risk_cell_band(likelihood: Any, impact: Any, matrix: Any = None,
                   policy: Policy | None = None) -> str:
    """The band of a matrix cell: the policy's band per cell if it has them, else by score."""
    return risk.risk_band(_whole(likelihood, "likelihood"), _whole(impact, "impact"),
                          _matrix(matrix, policy)).value


# --------------------------------------------------------------------------- progress


def expected_progress(start: Any, due: Any, today: Any,
                      policy: Policy | None = None) -> float | None:
    """Linear expected progress (0 to 1) from `start` to `due` on `today`, as the Status sheet
    works out a priority's: `start` is the plan's start (a plan year such as "2023/24" starts
    on the first day of its financial year; "April 2023" or "Q1 2023/24" on their first day),
    a due date typed as a period is its last day, and a due range ("Sep 2023 to March 2024")
    expects nothing before its own start. Blank when the Status sheet expects no progress (an
    "and ongoing" date that has passed)."""
    policy = policy or default_policy()
    begins = _start(start, policy)
    fy_month = policy.year.fy_start_month
    fy = begins.year if begins.month >= fy_month else begins.year - 1  # for a bare "Q3"
    due_read = parse_when(due, fy_start=fy)
    if due_read.end is None or due_read.kind is WhenKind.ONGOING:
        raise ValueError(f"due must be a date, not {due!r}")
    period = progress.ReportingPeriod(plan_start=begins, quarter_start=None, quarter_end=None)
    item = progress.priority_status(Priority(target_date=due_read), period, policy,
                                    _date(today, "today"))
    return item.expected_progress


def progress_rag(percent_complete: Any, expected: Any, status: Any = None,
                 policy: Policy | None = None) -> str:
    """The Status sheet's RAG of a priority that is not overdue: Green when complete (by its
    status or 100% complete); else the worse of its status's RAG and % complete against the
    expected progress; "No data" with nothing to rate. A cancelled item is not rated: the
    result is "Cancelled", as the Status sheet shows it."""
    policy = policy or default_policy()
    status_read = None if status is None else _choice(Status, status, "status")
    percent, _ = as_fraction(parse_num(percent_complete), policy)
    wanted, _ = as_fraction(parse_num(expected), policy)
    complete = percent is not None and percent >= 1 - 1e-9  # as progress.item_status
    no_period = progress.ReportingPeriod(None, None, None)
    when = progress.timing(parse_when(None), status_read, complete, dt.date.today(), no_period)
    if when is progress.Timing.CANCELLED:
        return when.value
    if when is progress.Timing.COMPLETE:
        return Rag.GREEN.value
    found = progress.delivery_rag(status_read, percent, wanted, policy)
    return (found or Rag.NO_DATA).value


def contract_expiry(end_date: Any, today: Any, policy: Policy | None = None) -> str:
    """"Expired", "Expires within 6 months" (per the policy's horizons), "Active", "Ongoing" or
    "No end date"."""
    policy = policy or default_policy()
    state, months = progress.expiry(parse_when(end_date), _date(today, "today"),
                                    policy.contracts.expiring_months)
    if months is not None:
        return f"Expires within {months} months"
    return state.value
