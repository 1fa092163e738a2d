"""KPI scoring for a reporting quarter: expected value to date, RAG, direction of travel, a
year-end forecast, and a one-line reason a scrutiny member can check against the cells.

The rules (DESIGN.md, "Scoring conventions"; numbers from the policy):
- Expected to date: a cumulative measure is compared with the quarter's profile target if
  there is one, else the annual target pro rata (Q1 = a quarter of it). A snapshot is compared
  with the quarter's target, else the annual target. An annual measure is "Not due" before
  `kpi.annual_due_quarter` (Q4). An "Info only" measure or target has no RAG.
- RAG: Green meets the expected value; Amber misses it by no more than the tolerance (the
  KPI's own Tolerance %, else `kpi.tolerance`), relative to the expected value, or absolute
  (`kpi.zero_target_tolerance`) where that is zero; Red misses it by more. Polarity says which
  way is a miss. A Target band is met inside the band (a range typed as "95% to 105%", or a
  single value plus or minus the tolerance); Amber is within the tolerance outside it. A Yes/No
  target is met or not: Green or Red.
- A missing figure is "No data", never Red; a figure with no usable target ("TBC", text) is
  "No target".
- Direction of travel is separate from RAG: against the previous quarter and the same quarter
  last year, read through the polarity (a fall is an improvement when lower is better). A
  cumulative measure grows every quarter, so against the previous quarter it compares how far
  ahead of or behind its expected value it is (for a Target band, how far outside the band
  expected by then, as a share of it).
- A cumulative measure's year-end forecast continues its performance against profile (or a
  straight line when there is no profile). A % indicator's forecast stops at 100% unless its
  target or figure is already above it: a rate such as a collection rate cannot pass 100%.
- Reasons name the edge a figure was compared with ("Red (more than 10% below expected: under
  44.1%)"): the tolerance is a share of the expected value, not percentage points.
"""

from __future__ import annotations

import math
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from xl_plans.model import EXCEL_ERRORS, Kpi, Measure, Num, NumKind, Polarity, Quarter, Rag, Unit
from xl_plans.policy import Policy, as_fraction, default_policy
from xl_plans.values import parse_num

# Worst first: used to order and to pick the worse of two ratings.
RAG_RANK = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2}
_EPSILON = 1e-9  # figures equal to 9 significant digits are equal (0.1 * 3 == 0.3)


class Direction(StrEnum):
    IMPROVING = "Improving"
    WORSENING = "Worsening"
    NO_CHANGE = "No change"
    NOT_AVAILABLE = "Not available"


class Trend(BaseModel):
    """Direction of travel against one earlier figure."""

    model_config = ConfigDict(frozen=True)

    direction: Direction
    compared_with: float | None = None  # the earlier figure (as a fraction for a % KPI)
    text: str


class KpiStatus(BaseModel):
    """One KPI's status for a reporting quarter. Figures of a % KPI are fractions (0.293)."""

    model_config = ConfigDict(frozen=True)

    ref: str | None
    indicator: str | None
    quarter: Quarter
    polarity: Polarity | None
    measure: Measure | None
    unit: Unit | None
    actual: float | None
    expected: float | None  # for a target band, its middle
    band: tuple[float, float] | None = None  # a target band's low and high ends
    tolerance: float  # the relative tolerance applied
    rag: Rag
    reason: str
    vs_previous: Trend
    vs_last_year: Trend
    forecast: float | None = None
    forecast_rag: Rag | None = None
    cells: dict[str, str] = {}  # what was used -> "KPIs!M5"


def quarter_number(quarter: Quarter | int | str) -> int:
    """1..4 from Quarter.Q2, 2 or "Q2"."""
    if isinstance(quarter, Quarter):
        return quarter.number
    if isinstance(quarter, str):
        return Quarter(quarter.strip().upper()).number
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"a quarter is 1 to 4, not {quarter!r}")
    return quarter


# --------------------------------------------------------------------------- the core rules


def zero_tolerance(policy: Policy, unit: Unit | None) -> float:
    """How far from a zero target is still Amber: the policy's number of units, where a unit of
    a % indicator is one percentage point (its figures are fractions: 1% is 0.01)."""
    units = policy.kpi.zero_target_tolerance
    return units / 100 if unit is Unit.PERCENT else units


def own_tolerance(num: Num, policy: Policy) -> float | None:
    """A KPI's own Tolerance %, as a fraction; None when it has none. A plain number of 1 or
    more is percentage points (1 means 1%): a tolerance of 100% would make every figure Amber."""
    value, _ = as_fraction(num, policy)
    if value is None or value < 0:
        return None
    if not num.percent and value >= 1:
        return value / 100
    return value


def margin(expected: float, tolerance: float, zero_tolerance: float) -> float:
    """How far a figure may miss `expected` and still be Amber."""
    if abs(expected) < _EPSILON:
        return zero_tolerance
    return tolerance * abs(expected)


def rate(actual: float, expected: float, polarity: Polarity, tolerance: float,
         zero_tolerance: float) -> Rag:
    """Green, Amber or Red for a figure against its expected value (Higher / Lower is better).
    For a Target band use `rate_band`."""
    if polarity is Polarity.BAND:
        return rate_band(actual, expected, expected, tolerance, zero_tolerance)
    slack = margin(expected, tolerance, zero_tolerance)
    eps = _EPSILON * max(1.0, abs(expected))
    shortfall = expected - actual if polarity is Polarity.HIGHER else actual - expected
    if shortfall <= eps:
        return Rag.GREEN
    if shortfall <= slack + eps:
        return Rag.AMBER
    return Rag.RED


def band_edges(low: float, high: float, tolerance: float,
               zero_tolerance: float) -> tuple[float, float, float, float]:
    """(amber low, green low, green high, amber high) for a target band. A single value
    (low == high) is widened by the tolerance to make the green band."""
    if math.isclose(low, high):
        slack = margin(low, tolerance, zero_tolerance)
        return low - 2 * slack, low - slack, low + slack, low + 2 * slack
    return (low - margin(low, tolerance, zero_tolerance), low, high,
            high + margin(high, tolerance, zero_tolerance))


def rate_band(actual: float, low: float, high: float, tolerance: float,
              zero_tolerance: float) -> Rag:
    amber_low, green_low, green_high, amber_high = band_edges(low, high, tolerance,
                                                              zero_tolerance)
    eps = _EPSILON * max(1.0, abs(low), abs(high))
    if green_low - eps <= actual <= green_high + eps:
        return Rag.GREEN
    if amber_low - eps <= actual <= amber_high + eps:
        return Rag.AMBER
    return Rag.RED


def rate_yes_no(actual: float, expected: float) -> Rag:
    return Rag.GREEN if _yes(actual) == _yes(expected) else Rag.RED


def expected_to_date(measure: Measure, quarter: int, annual: float | None,
                     profile: float | None) -> float | None:
    """The value expected by the end of `quarter`: the quarter's profile target if given;
    else a cumulative measure's annual target pro rata, or the annual target itself."""
    if profile is not None:
        return profile
    if annual is None:
        return None
    if measure is Measure.CUMULATIVE:
        return annual * quarter / 4
    return annual


def direction(current: float | None, earlier: float | None, polarity: Polarity,
              band: tuple[float, float] | None = None) -> Direction:
    """Is `current` better than `earlier`, read through the polarity? For a Target band,
    better is nearer the band (`band`, low and high)."""
    if current is None or earlier is None:
        return Direction.NOT_AVAILABLE
    if polarity is Polarity.BAND:
        if band is None:
            return Direction.NOT_AVAILABLE
        current, earlier = -_distance(current, band), -_distance(earlier, band)
    elif polarity is Polarity.LOWER:
        current, earlier = -current, -earlier
    if math.isclose(current, earlier, rel_tol=_EPSILON, abs_tol=_EPSILON):
        return Direction.NO_CHANGE
    return Direction.IMPROVING if current > earlier else Direction.WORSENING


def _distance(value: float, band: tuple[float, float]) -> float:
    return abs(_signed_distance(value, band))


def _signed_distance(value: float, band: tuple[float, float]) -> float:
    """How far above (+) or below (-) the band; 0 inside it."""
    return value - band[1] if value > band[1] else min(value - band[0], 0.0)


def _yes(value: float) -> bool:
    return value >= 0.5


def worse(a: Rag, b: Rag) -> Rag:
    """The worse of two Green/Amber/Red ratings."""
    return a if RAG_RANK[a] <= RAG_RANK[b] else b


# --------------------------------------------------------------------------- explaining


def format_value(value: float | None, unit: Unit | None, places: int = 2) -> str:
    """A figure as a person reads it: 29.3%, £3,500, 1,234, Yes (to `places` decimals)."""
    if value is None:
        return "blank"
    if unit is Unit.PERCENT:
        return f"{_trim(value * 100, places=places)}%"
    if unit is Unit.YES_NO:
        return "Yes" if _yes(value) else "No"
    if unit is Unit.MONEY:  # whole pounds, or pence and any further places asked for
        pounds, _, pence = f"{abs(value):,.{places}f}".partition(".")
        pence = pence[:2] + pence[2:].rstrip("0")  # £250.25, not £250.250
        text = pounds if not pence.strip("0") else f"{pounds}.{pence}"
        return f"-£{text}" if value < 0 else f"£{text}"
    return _trim(value, thousands=True, places=places)


def _trim(value: float, thousands: bool = False, places: int = 2) -> str:
    text = f"{value:,.{places}f}" if thousands else f"{value:.{places}f}"
    text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def places_apart(value: float, compared: list[float], unit: Unit | None, least: int = 2) -> int:
    """Decimal places (`least` at least) that show `value` apart from each figure it was
    compared with, unless they are equal: "85% vs 85% target: Red" hid an actual of 84.995%."""
    for places in range(least, max(least, 6) + 1):
        if all(math.isclose(value, other, rel_tol=0, abs_tol=1e-12)
               or format_value(value, unit, places) != format_value(other, unit, places)
               for other in compared):
            return places
    return max(least, 6)


_EDGE_PLACES = 4  # at most this many decimals to show an edge exactly


def _exact_places(value: float, unit: Unit | None, least: int = 2) -> int:
    """The fewest decimals (`least` at least) that show `value` exactly, up to four."""
    scaled = value * 100 if unit is Unit.PERCENT else value
    most = max(least, _EDGE_PLACES)
    return next((places for places in range(least, most + 1)
                 if math.isclose(round(scaled, places), scaled, rel_tol=_EPSILON,
                                 abs_tol=1e-12)), most)


def format_edge(value: float, unit: Unit | None, places: int = 2) -> str:
    """An edge a figure was compared with (a band's end, where Amber ends), shown exactly when
    up to four decimals can, and never to fewer places than the figure (`places`).

    Rounded to two places, the band 0.675 to 0.825 showed as "0.68 to 0.82" (0.825 is 0.82499..
    as a float): lopsided, and not the band. Shown to no fewer places than a figure that
    `places_apart` shows apart from it, a figure inside never looks outside the edges shown,
    nor one outside inside: rounding keeps order."""
    return format_value(value, unit, _exact_places(value, unit, places))


def _percent(fraction: float) -> str:
    return f"{_trim(fraction * 100)}%"


def _quoted(num: Num) -> str:
    return f"'{num.text}'" if num.text is not None else "blank"


# --------------------------------------------------------------------------- one KPI

_RANGE = re.compile(r"^\s*(?:between\s+)?(.+?)\s*(?:\bto\b|\band\b|–|—|-)\s*(.+?)\s*$", re.I)


class _Reading:
    """A KPI's figures read once each way, with notes on how (percent numbers rescaled)."""

    def __init__(self, kpi: Kpi, policy: Policy) -> None:
        self.kpi = kpi
        self.policy = policy
        self.notes: list[str] = []
        self.percent = kpi.unit is Unit.PERCENT or (
            kpi.unit is None and (kpi.annual_target.percent or any(
                kpi.quarter_target(q).percent for q in (1, 2, 3, 4))))
        self.unit = Unit.PERCENT if self.percent else kpi.unit
        self.yes_no = kpi.unit is Unit.YES_NO

    def value(self, field: str, label: str) -> float | None:
        num: Num = getattr(self.kpi, field)
        if num.kind is not NumKind.NUMBER:
            return None
        if not self.percent:
            return num.value
        value, rescaled = as_fraction(num, self.policy)
        if rescaled and value is not None:
            self.notes.append(f"{label} {_trim(value * 100)} read as {_percent(value)}")
        return value

    def band(self, field: str, label: str) -> tuple[float, float] | None:
        """A Target band KPI's target: one value, or a range typed as "95% to 105%"."""
        num: Num = getattr(self.kpi, field)
        if num.kind is NumKind.NUMBER:
            value = self.value(field, label)
            return None if value is None else (value, value)
        match = _RANGE.match(num.text or "") if num.kind is NumKind.TEXT else None
        if match is None:
            return None
        low, high = parse_num(match[1]), parse_num(match[2])
        if low.kind is not NumKind.NUMBER or high.kind is not NumKind.NUMBER:
            return None
        if high.percent and not low.percent and low.value is not None:
            # "95-105%": the one % sign covers both ends
            low = Num(kind=NumKind.NUMBER, value=low.value / 100, text=match[1], percent=True)
        read = [as_fraction(n, self.policy) if self.percent else (n.value, False)
                for n in (low, high)]
        ends = [value for value, _ in read]
        if ends[0] is None or ends[1] is None or ends[0] > ends[1]:
            return None
        if any(rescaled for _, rescaled in read):
            self.notes.append(f"{label} {num.text!r} read as {_percent(ends[0])} to "
                              f"{_percent(ends[1])}")
        return ends[0], ends[1]

    def cell(self, field: str) -> str | None:
        source = self.kpi.source
        return source.cell(field) if source is not None else None


class _Target:
    """What a KPI's figure is compared with this quarter, and how to say so."""

    def __init__(self, reading: _Reading, q: int, polarity: Polarity, measure: Measure) -> None:
        kpi = reading.kpi
        profile = kpi.quarter_target(q)
        self.is_profile = profile.kind is NumKind.NUMBER or (
            profile.kind is NumKind.TEXT and polarity is Polarity.BAND)
        self.field = f"q{q}_target" if self.is_profile else "annual_target"
        self.num: Num = getattr(kpi, self.field)
        self.band: tuple[float, float] | None = None
        self.expected: float | None = None
        # A Yes/No is met or not at any time: never pro rata.
        rule = Measure.SNAPSHOT if reading.yes_no else measure
        if polarity is Polarity.BAND:
            label = f"Q{q} target" if self.is_profile else "target"
            band = reading.band(self.field, label)
            if band is not None:
                self.band = (expected_to_date(rule, q, band[0], None) or 0.0,
                             expected_to_date(rule, q, band[1], None) or 0.0) \
                    if not self.is_profile else band
                self.expected = (self.band[0] + self.band[1]) / 2
        else:
            value = reading.value(self.field, f"Q{q} target" if self.is_profile else "target")
            if value is not None:
                self.expected = (value if self.is_profile
                                 else expected_to_date(rule, q, value, None))
        self.text = self._text(reading, q, polarity, measure)

    def _text(self, reading: _Reading, q: int, polarity: Polarity, measure: Measure) -> str:
        """What the expected value is: "expected by Q1 (98% annual, cumulative)"."""
        qualifiers = {Polarity.LOWER: ["lower is better"], Polarity.BAND: ["target band"]}.get(
            polarity, [])
        if reading.yes_no:
            return f"{f'Q{q} target' if self.is_profile else 'target'} (Yes/No)"
        kind = {Measure.CUMULATIVE: "cumulative", Measure.ANNUAL: "annual measure"}.get(
            measure, "snapshot")
        if self.is_profile:
            return f"Q{q} profile target ({', '.join([kind, *qualifiers])})"
        if measure is Measure.CUMULATIVE and q < 4:
            annual = (self.num.text if polarity is Polarity.BAND and self.num.text
                      else format_value(reading.value(self.field, "target"), reading.unit))
            return f"expected by Q{q} ({', '.join([f'{annual} annual', kind, *qualifiers])})"
        return f"{'annual target' if measure is not Measure.SNAPSHOT else 'target'} " \
               f"({', '.join([kind, *qualifiers])})"

    def shown(self, unit: Unit | None, places: int = 2) -> str:
        if self.band is not None and not math.isclose(*self.band):
            return f"{format_edge(self.band[0], unit, places)} to " \
                   f"{format_edge(self.band[1], unit, places)}"
        return format_value(self.expected, unit, places)


def figures_as_read(kpi: Kpi, fields: tuple[str, ...], policy: Policy) -> list[float | None]:
    """The KPI's figures (annual_target, q1, ...) as its scoring reads them: a % indicator's on
    one scale, as fractions (97 typed in a % KPI is 0.97); None where a cell holds no number."""
    reading = _Reading(kpi, policy)
    return [reading.value(field, field) for field in fields]


def kpi_status(kpi: Kpi, quarter: Quarter | int | str, policy: Policy | None = None) -> KpiStatus:
    """A KPI's RAG, direction of travel, forecast and reason for the reporting quarter."""
    policy = policy or default_policy()
    q = quarter_number(quarter)
    reading = _Reading(kpi, policy)
    polarity = kpi.polarity or Polarity.HIGHER
    measure = kpi.measure or Measure.SNAPSHOT
    assumed = []
    if kpi.polarity is None:
        assumed.append("polarity not set: higher is better assumed")
    if kpi.measure is None:
        assumed.append("measure not set: read as a snapshot")

    actual = reading.value(f"q{q}", f"Q{q}")
    target = _Target(reading, q, polarity, measure)
    tolerance, own = _tolerance(kpi, policy)
    rag, reason = _rag_and_reason(kpi, reading, q, polarity, measure, actual, target,
                                  tolerance, own, policy)
    # The reason explains the RAG: only how this quarter's figure and target were read, not the
    # figures read below for the comparisons and forecast (but it says when the forecast is
    # capped at 100%).
    rag_notes = list(reading.notes)

    cells: dict[str, str] = {}
    used = {"actual": f"q{q}", "target": target.field}
    if rag in RAG_RANK and kpi.tolerance.kind is NumKind.NUMBER:
        used["tolerance"] = "tolerance"
    for role, field in used.items():
        if (cell := reading.cell(field)) is not None:
            cells[role] = cell
    vs_previous = _vs_previous(kpi, reading, q, polarity, measure, actual, target, cells)
    vs_last_year = _vs_last_year(reading, q, polarity, actual, target.band, cells)
    forecast, forecast_rag, capped = _forecast(reading, q, polarity, measure, actual, tolerance,
                                               policy)

    notes = [*rag_notes, *assumed]
    compared = rag not in (Rag.INFO_ONLY, Rag.NOT_DUE, Rag.NO_DATA, Rag.NO_TARGET)
    if notes and rag not in (Rag.INFO_ONLY, Rag.NOT_DUE, Rag.NO_DATA):  # nothing was compared
        reason = f"{reason}; {'; '.join(dict.fromkeys(notes))}"
    if capped is not None and compared:  # (the forecast shown beside it is not its pace)
        reason = f"{reason}; {capped}"
    return KpiStatus(
        ref=kpi.ref, indicator=kpi.indicator, quarter=Quarter(f"Q{q}"), polarity=kpi.polarity,
        measure=kpi.measure, unit=reading.unit, actual=actual, expected=target.expected,
        band=target.band, tolerance=tolerance, rag=rag, reason=reason, vs_previous=vs_previous,
        vs_last_year=vs_last_year, forecast=forecast, forecast_rag=forecast_rag, cells=cells)


def _tolerance(kpi: Kpi, policy: Policy) -> tuple[float, bool]:
    """The relative tolerance, and whether it is the KPI's own (else the policy's)."""
    own = own_tolerance(kpi.tolerance, policy)
    if own is not None:
        return own, True
    return policy.kpi.tolerance, False


def _rag_and_reason(kpi: Kpi, reading: _Reading, q: int, polarity: Polarity, measure: Measure,
                    actual: float | None, target: _Target, tolerance: float, own: bool,
                    policy: Policy) -> tuple[Rag, str]:
    unit = reading.unit
    shown = "" if actual is None else f"Q{q} {format_value(actual, unit)}; "
    if measure is Measure.INFO_ONLY or NumKind.INFO_ONLY in (kpi.annual_target.kind,
                                                             target.num.kind):
        return Rag.INFO_ONLY, f"{shown}Info only: reported for information, no target"
    due = policy.kpi.annual_due_quarter
    if measure is Measure.ANNUAL and q < due:
        return Rag.NOT_DUE, f"Annual measure, reported in Q{due}: not due at Q{q}"
    if actual is None:
        return Rag.NO_DATA, _no_figure(kpi.actual(q), q)
    if target.expected is None:
        what = "profile target" if target.is_profile else "target"
        if target.num.kind is NumKind.BLANK:
            problem = "no target set"
        elif target.num.kind is NumKind.TEXT:
            problem = f"{what} is text ({_quoted(target.num)})"
        else:
            problem = f"{what} is {_quoted(target.num)}"
        return Rag.NO_TARGET, f"{shown}{problem}: no RAG"

    expected = target.expected
    zero = zero_tolerance(policy, unit)
    if polarity is Polarity.BAND and target.band is not None:
        edges: tuple[float, ...] = band_edges(*target.band, tolerance, zero)
    else:  # where Amber ends: "90 vs 100: Red (more than 10% below)" hid 89.996
        slack = margin(expected, tolerance, zero)
        edges = (expected - slack if polarity is Polarity.HIGHER else expected + slack,)
    # Enough decimals that the figures named show the miss the RAG is for, and the figure to
    # as many as the edges it is compared with ("0.826 ... outside 0.675 to 0.825", not 0.83).
    least = max(_exact_places(edge, unit) for edge in [*(target.band or ()), *edges])
    places = places_apart(actual, [expected, *(target.band or ()), *edges], unit, least)
    head = (f"{format_value(actual, unit, places)} vs {target.shown(unit, places)} "
            f"{target.text}")
    if reading.yes_no:
        rag = rate_yes_no(actual, expected)
        return rag, f"{head}: {'Green' if rag is Rag.GREEN else 'Red (target not met)'}"
    # The tolerance is a share of the expected value, not percentage points: "44% vs 49%: Red
    # (more than 10% below)" read as 5 points inside 10. So each verdict names the edge itself.
    tolerated = f"{'its own' if own else 'the'} {_percent(tolerance)} tolerance"
    if polarity is Polarity.BAND:
        assert target.band is not None
        rag = rate_band(actual, *target.band, tolerance, zero)
        amber_low, green_low, green_high, amber_high = edges

        def span(low: float, high: float) -> str:
            return f"{format_edge(low, unit, places)} to {format_edge(high, unit, places)}"

        inside, outer = span(green_low, green_high), span(amber_low, amber_high)
        verdict = {Rag.GREEN: f"Green (inside {inside})",
                   Rag.AMBER: f"Amber (outside {inside}, inside {outer} with {tolerated})",
                   Rag.RED: f"Red (outside {outer}: {inside} widened by {tolerated})"}[rag]
        return rag, f"{head}: {verdict}"
    rag = rate(actual, expected, polarity, tolerance, zero)
    side = "below" if polarity is Polarity.HIGHER else "above"
    if abs(expected) < _EPSILON:  # a zero target: the tolerance is absolute, itself the edge
        amount = format_value(zero, unit)
        verdict = {Rag.GREEN: "Green",
                   Rag.AMBER: f"Amber ({side} a zero target, within {amount})",
                   Rag.RED: f"Red (more than {amount} {side} a zero target)"}[rag]
    else:
        edge = format_edge(edges[0], unit, places)
        kept, past = ("or more", "under") if polarity is Polarity.HIGHER else ("or less", "over")
        whose = "; its own tolerance" if own else ""
        verdict = {Rag.GREEN: "Green",
                   Rag.AMBER: f"Amber ({side}, within {_percent(tolerance)} of expected: "
                              f"{edge} {kept}{whose})",
                   Rag.RED: f"Red (more than {_percent(tolerance)} {side} expected: "
                            f"{past} {edge}{whose})"}[rag]
    return rag, f"{head}: {verdict}"


def _no_figure(num: Num, q: int) -> str:
    if num.kind is NumKind.BLANK:
        return f"No Q{q} figure (the cell is blank)"
    if num.kind is NumKind.TEXT and num.text in EXCEL_ERRORS:
        return f"No Q{q} figure: Q{q} shows the error {num.text}"
    if num.kind is NumKind.TEXT:
        return f"No Q{q} figure: Q{q} is text ({_quoted(num)}), not a number"
    return f"No Q{q} figure (Q{q} is {_quoted(num)})"


# --------------------------------------------------------------------------- travel, forecast


def _vs_previous(kpi: Kpi, reading: _Reading, q: int, polarity: Polarity, measure: Measure,
                 actual: float | None, target: _Target, cells: dict[str, str]) -> Trend:
    if measure is Measure.ANNUAL:
        return Trend(direction=Direction.NOT_AVAILABLE,
                     text="annual measure: compared with last year only")
    if measure is Measure.CUMULATIVE and not reading.yes_no:
        return _vs_previous_cumulative(kpi, reading, q, polarity, actual, target, cells)
    field, label = (f"q{q - 1}", f"Q{q - 1}") if q > 1 else ("last_year_q4", "Q4 last year")
    earlier = reading.value(field, label)
    if earlier is not None and (cell := reading.cell(field)) is not None:
        cells["previous"] = cell
    return _trend(actual, earlier, polarity, target.band, label, reading.unit)


def _vs_previous_cumulative(kpi: Kpi, reading: _Reading, q: int, polarity: Polarity,
                            actual: float | None, target: _Target,
                            cells: dict[str, str]) -> Trend:
    """A cumulative figure rises every quarter: compare its share of the expected value, or
    for a Target band how far outside the band expected by then, as a share of it."""
    if q == 1:
        return Trend(direction=Direction.NOT_AVAILABLE,
                     text="first quarter of a cumulative measure")
    earlier = reading.value(f"q{q - 1}", f"Q{q - 1}")
    previous = _Target(reading, q - 1, polarity, kpi.measure or Measure.CUMULATIVE)
    expected, before = target.expected, previous.expected
    # Name what is missing: one text for all three, "no Q1 figure or expected value", was said
    # when Q1 was filled in and this quarter's figure was the blank one.
    missing = (f"no Q{q} figure" if actual is None
               else f"no Q{q - 1} figure" if earlier is None
               else f"no expected value for Q{q}" if expected is None
               else f"no expected value for Q{q - 1}" if before is None else None)
    if missing is not None:
        return Trend(direction=Direction.NOT_AVAILABLE, compared_with=earlier,
                     text=f"{missing} to compare")
    assert actual is not None and earlier is not None
    assert expected is not None and before is not None
    if abs(expected) < _EPSILON or abs(before) < _EPSILON:  # (no share of nothing)
        when = f"Q{q - 1}" if abs(before) < _EPSILON else f"Q{q}"
        return Trend(direction=Direction.NOT_AVAILABLE, compared_with=earlier,
                     text=f"nothing was expected by {when}: no share of it to compare")
    if (cell := reading.cell(f"q{q - 1}")) is not None:
        cells["previous"] = cell
    if polarity is Polarity.BAND:  # (an expected value means a band was read)
        # Better is nearer the band, as for a snapshot; the band grows every quarter, so the
        # distance is a share of what was expected by each quarter.
        assert target.band is not None and previous.band is not None
        now, then = (_signed_distance(actual, target.band) / expected,
                     _signed_distance(earlier, previous.band) / before)
        found = direction(abs(now), abs(then), Polarity.LOWER)
        return Trend(direction=found, compared_with=earlier,
                     text=f"{found.value.lower()}: {_off_band(now)} to date, "
                          f"{_off_band(then, 'it')} at Q{q - 1}")
    now, then = actual / expected, earlier / before
    found = direction(now, then, Polarity.LOWER if polarity is Polarity.LOWER
                      else Polarity.HIGHER)
    return Trend(direction=found, compared_with=earlier,
                 text=f"{found.value.lower()}: {_percent(now)} of expected to date, "
                      f"{_percent(then)} at Q{q - 1}")


def _off_band(share: float, band: str = "the band") -> str:
    """ "above the band by 10% of expected", "inside it" """
    if math.isclose(share, 0.0, abs_tol=_EPSILON):
        return f"inside {band}"
    return f"{'above' if share > 0 else 'below'} {band} by {_percent(abs(share))} of expected"


def _vs_last_year(reading: _Reading, q: int, polarity: Polarity, actual: float | None,
                  band: tuple[float, float] | None, cells: dict[str, str]) -> Trend:
    field = f"last_year_q{q}"
    earlier = reading.value(field, f"Q{q} last year")
    if earlier is not None and (cell := reading.cell(field)) is not None:
        cells["last_year"] = cell
    return _trend(actual, earlier, polarity, band, f"Q{q} last year", reading.unit)


def _trend(actual: float | None, earlier: float | None, polarity: Polarity,
           band: tuple[float, float] | None, label: str, unit: Unit | None) -> Trend:
    found = direction(actual, earlier, polarity, band)
    if actual is None:
        text = "no figure this quarter"
    elif earlier is None:
        text = f"no {label} figure"
    elif found is Direction.NOT_AVAILABLE:
        text = f"{label} {format_value(earlier, unit)}; no target band to judge by"
    else:
        text = f"{found.value.lower()} on {label} ({format_value(earlier, unit)})"
    return Trend(direction=found, compared_with=earlier, text=text)


def _forecast(reading: _Reading, q: int, polarity: Polarity, measure: Measure,
              actual: float | None, tolerance: float,
              policy: Policy) -> tuple[float | None, Rag | None, str | None]:
    """A cumulative measure's year end: its performance against profile carried on, or a
    straight line from the start of the year when there is no profile; its RAG against the
    year's target; and a note for the reason when the forecast is capped."""
    if measure is not Measure.CUMULATIVE or reading.yes_no or actual is None \
            or polarity is Polarity.BAND:
        return None, None, None
    year = reading.value("annual_target", "target")
    if year is None:
        year = reading.value("q4_target", "Q4 target")
    profile = reading.value(f"q{q}_target", f"Q{q} target")
    if profile is not None and abs(profile) <= _EPSILON and abs(actual) <= _EPSILON \
            and year is not None and abs(year) > _EPSILON:
        return None, None, None  # nothing expected and nothing done yet: no pace to carry on
    if profile is not None and year is not None and abs(profile) > _EPSILON:
        forecast = actual / profile * year
    else:
        forecast = actual * 4 / q
    note = None
    # A rate cannot pass 100%: 29.3% collected by Q1 is not 117.2% by March. Unless the KPI's
    # target or figure is already above 100%, when more than 100% means something for it.
    if reading.percent and forecast > 1 + _EPSILON \
            and all(value is None or value <= 1 + _EPSILON for value in (year, profile, actual)):
        note = (f"year-end forecast capped at 100% ({format_value(forecast, reading.unit)} "
                f"at this pace)")
        forecast = 1.0
    if year is None:
        return forecast, None, note
    return forecast, rate(forecast, year, polarity, tolerance,
                          zero_tolerance(policy, reading.unit)), note


def rag_counts(statuses: list[KpiStatus]) -> dict[str, int]:
    """How many KPIs have each RAG, in Rag order, including zeros."""
    counts = {rag.value: 0 for rag in Rag}
    for status in statuses:
        counts[status.rag.value] += 1
    return counts
