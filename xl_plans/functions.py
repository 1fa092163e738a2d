"""The scoring rules as plain functions of cell values, for Excel functions (UDFs).

Each takes what a worksheet cell holds (a number, text such as "29.3%" or "Lower is better", a
date, or None for a blank) and returns text or a number for a cell. They call the same rules
as the Status sheet (kpi.py, risk.py, progress.py), so a formula in a workbook can never
disagree with the dashboard. A value that cannot be used raises ValueError with a plain message
(the UDF layer shows it in the cell).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, TypeVar

from xl_plans import kpi, progress, risk
from xl_plans.model import Measure, Num, NumKind, Polarity, Rag, Status, Unit
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


def _percent(typed: Any, value: float | None, policy: Policy) -> float | None:
    """A % figure read as the scoring rules read it (policy.as_fraction)."""
    if value is None:
        return None
    num = parse_num(typed) if isinstance(typed, str) else Num(kind=NumKind.NUMBER, value=value)
    return as_fraction(num, policy)[0]


def _whole(value: Any, what: str) -> int:
    number = _number(value, what)
    if number is None or not float(number).is_integer():
        raise ValueError(f"{what} must be a whole number, not {value!r}")
    return int(number)


def _date(value: Any, what: str) -> dt.date:
    when = parse_when(value)
    if when.end is None:
        raise ValueError(f"{what} must be a date, not {value!r}")
    return when.end


# --------------------------------------------------------------------------- KPIs


def kpi_rag(actual: Any, expected: Any, polarity: Any = None, tolerance: Any = None,
            unit: Any = None, policy: Policy | None = None) -> str:
    """"Green", "Amber", "Red", "No data" (no actual) or "No target" (no expected value).

    `tolerance` is a fraction (0.1) or a percentage (10%); blank uses the policy's. With unit
    "Yes/No" the target is met or not. A Target band is the expected value plus or minus the
    tolerance."""
    policy = policy or default_policy()
    polarity_read = _choice(Polarity, polarity, "polarity", Polarity.HIGHER)
    unit_read = None if unit is None else _choice(Unit, unit, "unit")
    actual_value = _number(actual, "actual")
    expected_value = _number(expected, "expected")
    if unit_read is Unit.PERCENT:  # the Status sheet's rule: a plain 29.3 in a % KPI is 29.3%
        actual_value = _percent(actual, actual_value, policy)
        expected_value = _percent(expected, expected_value, policy)
    if actual_value is None:
        return Rag.NO_DATA.value
    if expected_value is None:
        return Rag.NO_TARGET.value
    if unit_read is Unit.YES_NO:
        return kpi.rate_yes_no(actual_value, expected_value).value
    own = kpi.own_tolerance(parse_num(tolerance), policy)
    relative = own if own is not None else policy.kpi.tolerance
    return kpi.rate(actual_value, expected_value, polarity_read, relative,
                    kpi.zero_tolerance(policy, unit_read)).value


def kpi_expected(annual_target: Any, quarter: Any, measure: Any = "Cumulative",
                 quarter_target: Any = None) -> float | None:
    """The value expected by the end of a quarter (1-4 or "Q2"): the quarter's profile target
    if given, else a cumulative measure's annual target pro rata, else the annual target."""
    number = kpi.quarter_number(quarter if isinstance(quarter, str) else
                                _whole(quarter, "quarter"))
    return kpi.expected_to_date(_choice(Measure, measure, "measure"), number,
                                _number(annual_target, "annual target"),
                                _number(quarter_target, "quarter target"))


def kpi_direction(current: Any, earlier: Any, polarity: Any = None) -> str:
    """"Improving", "Worsening", "No change" or "Not available", read through the polarity
    (Higher or Lower is better; a Target band needs its band, on the Status sheet)."""
    polarity_read = _choice(Polarity, polarity, "polarity", Polarity.HIGHER)
    if polarity_read is Polarity.BAND:
        raise ValueError("direction for a Target band needs the band: use the Status sheet")
    return kpi.direction(_number(current, "current"), _number(earlier, "earlier"),
                         polarity_read).value


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


def expected_progress(start: Any, due: Any, today: Any) -> float:
    """Linear expected progress (0 to 1) from `start` to `due` on `today`."""
    return progress.expected_progress(_date(start, "start"), _date(due, "due"),
                                      _date(today, "today"))


def progress_rag(percent_complete: Any, expected: Any, status: Any = None,
                 policy: Policy | None = None) -> str:
    """The worse of the status's RAG and % complete against expected progress."""
    policy = policy or default_policy()
    status_read = None if status is None else _choice(Status, status, "status")
    percent, _ = as_fraction(parse_num(percent_complete), policy)
    wanted, _ = as_fraction(parse_num(expected), policy)
    if status_read is Status.COMPLETE:
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
