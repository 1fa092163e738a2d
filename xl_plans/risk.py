"""Risk scoring: likelihood x impact, the band from the council's matrix, risk appetite,
overdue reviews and the service heat map.

Rules (DESIGN.md, "Scoring conventions"; numbers from the policy):
- Score = likelihood x impact, each a whole number from 1 to the matrix size. The matrix is
  the one the Plan sheet names (Risk Matrix), else the policy's default.
- Band: the lowest band whose max is at least the score; or, when the policy gives a band per
  cell, the band of the (likelihood, impact) cell.
- Above appetite: the residual (current) score is above the matrix's appetite.
- Review overdue: an open risk whose review date (the end of the period typed: "2019" is
  31 December 2019) is before today.
- The heat map counts open risks by residual likelihood and impact.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from xl_plans.model import Band, Num, NumKind, Risk, RiskStatus, WhenKind
from xl_plans.policy import BAND_ORDER, MatrixPolicy
from xl_plans.values import day

SCORES = ("inherent", "residual", "target")


class Score(BaseModel):
    """One of a risk's scores (inherent, residual or target); None where it cannot be scored."""

    model_config = ConfigDict(frozen=True)

    likelihood: int | None = None
    impact: int | None = None
    score: int | None = None
    band: Band | None = None
    problem: str | None = None  # why there is no score, when part of one was given
    cells: dict[str, str] = {}  # "likelihood" / "impact" -> "Risks!H5"


class ScoredRisk(BaseModel):
    """One risk's status. `residual` is the current score: it drives appetite and the map."""

    model_config = ConfigDict(frozen=True)

    ref: str | None
    risk: str | None
    owner: str | None
    open: bool
    inherent: Score
    residual: Score
    target: Score
    above_appetite: bool
    review_date: str | None  # as typed, or the date
    review_overdue: bool
    reason: str


class HeatMap(BaseModel):
    """Open risks counted by residual likelihood and impact: counts[likelihood-1][impact-1]."""

    model_config = ConfigDict(frozen=True)

    matrix: str
    size: int
    counts: list[list[int]]
    bands: list[list[Band]]  # the band of each cell, laid out like counts
    unscored: int  # open risks with no residual score


def risk_score(likelihood: int, impact: int) -> int:
    """Likelihood x impact. Both are whole numbers of 1 or more."""
    for name, value in (("likelihood", likelihood), ("impact", impact)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a whole number of 1 or more, not {value!r}")
    return likelihood * impact


def band_of_score(score: int, matrix: MatrixPolicy) -> Band:
    """The lowest band whose max reaches the score."""
    if score < 1 or score > matrix.top_score:
        raise ValueError(f"a score on a {matrix.name} matrix is 1 to {matrix.top_score}, "
                         f"not {score}")
    for limit in matrix.bands:  # (a loop, not next() over a generator: this is hot)
        if score <= limit.max:
            return limit.band
    raise AssertionError("the policy's top band reaches the top score")  # policy checks it


def risk_band(likelihood: int, impact: int, matrix: MatrixPolicy) -> Band:
    """The band of a cell: from the policy's cell grid if it has one, else by score."""
    for name, value in (("likelihood", likelihood), ("impact", impact)):
        if not 1 <= value <= matrix.size:
            raise ValueError(f"{name} on a {matrix.name} matrix is 1 to {matrix.size}, "
                             f"not {value}")
    if matrix.cells is not None:
        return matrix.cells[likelihood - 1][impact - 1]
    return band_of_score(risk_score(likelihood, impact), matrix)


def band_grid(matrix: MatrixPolicy) -> list[list[Band]]:
    """Every cell's band: grid[likelihood-1][impact-1]."""
    return [[risk_band(li, im, matrix) for im in range(1, matrix.size + 1)]
            for li in range(1, matrix.size + 1)]


def above_appetite(score: int, matrix: MatrixPolicy) -> bool:
    return score > matrix.appetite


# --------------------------------------------------------------------------- one risk


_AXES = {which: (("likelihood", f"{which}_likelihood"), ("impact", f"{which}_impact"))
         for which in SCORES}


def score(risk: Risk, which: str, matrix: MatrixPolicy) -> Score:
    """A risk's inherent, residual or target score on the matrix."""
    (_, likelihood_field), (_, impact_field) = axes = _AXES[which]
    likelihood_num: Num = getattr(risk, likelihood_field)
    impact_num: Num = getattr(risk, impact_field)
    source = risk.source
    cells = {}
    if source is not None:
        for axis, name in axes:
            cell = source.cell(name)
            if cell is not None:
                cells[axis] = cell
    if likelihood_num.kind is NumKind.BLANK and impact_num.kind is NumKind.BLANK:
        return Score(cells=cells)
    values = []
    for name, num in (("likelihood", likelihood_num), ("impact", impact_num)):
        value, problem = _scale_point(num, name, which, matrix)
        if problem is not None:
            return Score(problem=problem, cells=cells)
        values.append(value)
    likelihood, impact = values
    assert likelihood is not None and impact is not None
    return Score(likelihood=likelihood, impact=impact, score=risk_score(likelihood, impact),
                 band=risk_band(likelihood, impact, matrix), cells=cells)


def _scale_point(num: Num, name: str, which: str, matrix: MatrixPolicy) -> tuple[int | None,
                                                                                 str | None]:
    label = f"{which} {name}"
    if num.kind is NumKind.BLANK:
        return None, f"{label} is blank"
    if num.kind is not NumKind.NUMBER or num.value is None:
        return None, f"{label} is {num.text!r}, not a number"
    if not float(num.value).is_integer():
        return None, f"{label} {num.value:g} is not a whole number"
    value = int(num.value)
    if not 1 <= value <= matrix.size:
        return None, f"{label} {value} is outside the {matrix.name} matrix (1 to {matrix.size})"
    return value, None


def scored_risk(risk: Risk, matrix: MatrixPolicy, today: dt.date) -> ScoredRisk:
    """A risk's three scores, bands, appetite and review status as of `today`."""
    scores = {which: score(risk, which, matrix) for which in SCORES}
    residual = scores["residual"]
    is_open = risk.status is not RiskStatus.CLOSED
    over = is_open and residual.score is not None and above_appetite(residual.score, matrix)
    review = risk.review_date
    overdue = (is_open and review.end is not None and review.end < today
               and review.kind in (WhenKind.DATE, WhenKind.PERIOD))
    review_text = review.text or (day(review.start) if review.start else None)

    parts = []
    if residual.score is not None:
        parts.append(f"residual {residual.likelihood} x {residual.impact} = {residual.score}: "
                     f"{residual.band} on the {matrix.name} matrix")
        if is_open:
            parts.append(f"above appetite ({matrix.appetite})" if over
                         else f"within appetite ({matrix.appetite})")
    else:
        parts.append(f"not scored: {residual.problem or 'residual likelihood and impact blank'}")
    for which in ("inherent", "target"):
        if scores[which].problem:
            parts.append(f"{which} not scored: {scores[which].problem}")
    if not is_open:
        parts.append("closed")
    elif overdue:
        parts.append(f"review date {review_text} has passed")
    elif review.kind not in (WhenKind.DATE, WhenKind.PERIOD):
        parts.append("no review date" if review.kind is WhenKind.BLANK
                     else f"review date {review.text!r} is not a date")
    return ScoredRisk(
        ref=risk.ref, risk=risk.risk, owner=risk.owner, open=is_open, **scores,
        above_appetite=over, review_date=review_text, review_overdue=overdue,
        reason="; ".join(parts))


def score_risks(risks: tuple[Risk, ...] | list[Risk], matrix: MatrixPolicy,
                today: dt.date) -> list[ScoredRisk]:
    return [scored_risk(risk, matrix, today) for risk in risks]


def heat_map(scored: list[ScoredRisk], matrix: MatrixPolicy) -> HeatMap:
    """Open risks counted per (residual likelihood, impact) cell."""
    counts = [[0] * matrix.size for _ in range(matrix.size)]
    unscored = 0
    for risk in scored:
        if not risk.open:
            continue
        residual = risk.residual
        if residual.likelihood is None or residual.impact is None:
            unscored += 1
            continue
        counts[residual.likelihood - 1][residual.impact - 1] += 1
    return HeatMap(matrix=matrix.name, size=matrix.size, counts=counts,
                   bands=band_grid(matrix), unscored=unscored)


def band_counts(scored: list[ScoredRisk]) -> dict[str, int]:
    """Open risks per residual band, lowest band first, including zeros."""
    counts = {band.value: 0 for band in BAND_ORDER}
    for risk in scored:
        if risk.open and risk.residual.band is not None:
            counts[risk.residual.band.value] += 1
    return counts

