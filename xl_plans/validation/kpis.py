"""Checks of indicators: targets, percentages, running totals, quarters, and Red KPIs that
nobody has explained.

The Red KPI check uses the scoring module's own RAG (kpi.kpi_status, via Context), so validation
and the Status sheet can never disagree about which KPIs are Red. Percentages are read by the
policy's one rule (policy.as_fraction).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from xl_plans import schema
from xl_plans.model import Kpi, Measure, Num, NumKind, Polarity, Rag, Row, Unit
from xl_plans.policy import as_fraction
from xl_plans.validation.context import Context, describe, quote
from xl_plans.validation.report import Issue
from xl_plans.values import is_yes_no

KPIS = schema.SHEETS_BY_NAME["KPIs"]
KPI_YEARS = schema.SHEETS_BY_NAME["KPI Years"]
QUARTERS = (1, 2, 3, 4)
_EPSILON = 1e-9

# The figures of a % indicator, all on one scale.
PERCENT_KPI_FIELDS = (
    "annual_target", *(f"q{q}_target" for q in QUARTERS), *(f"q{q}" for q in QUARTERS),
    *(f"last_year_q{q}" for q in QUARTERS),
)
PERCENT_KPI_YEAR_FIELDS = ("target", "outturn", "benchmark")


def check_targets(ctx: Context) -> Iterator[Issue]:
    """A scored KPI with no target. Not when the sheet has no Annual Target column: then every
    target reads blank, and column-missing already says why (one error, not one per KPI)."""
    if ctx.read is not None and "annual_target" not in ctx.read.found[KPIS.name].columns:
        return
    for kpi in ctx.plan.kpis:
        if kpi.measure is Measure.INFO_ONLY or kpi.annual_target.kind is NumKind.INFO_ONLY:
            continue
        target = kpi.annual_target
        if target.kind is NumKind.TEXT:
            continue  # words (or an error cell) are reported by the cell checks
        if _has_target(kpi):  # (a quarterly profile is a target)
            continue
        typed = "blank" if target.kind is NumKind.BLANK else quote(target.text)
        yield ctx.at("kpi-target-missing", KPIS, kpi, "annual_target",
                     f"{describe(KPIS, kpi)} has no target (Annual Target is {typed}), so it "
                     "cannot be scored.")


# What kpi.kpi_status assumes when a rule is left blank: said in its reason, and here.
_ASSUMED = {"polarity": "higher is better", "measure": "a snapshot"}
_CHOICES = {"polarity": Polarity, "measure": Measure}


def check_scoring_rules(ctx: Context) -> Iterator[Issue]:
    """A scored KPI with Polarity or Measure blank is rated on an assumption: 60 missed bins
    against a target of 50 is Green when higher is assumed better. (A value that is not one of
    the choices is reported by the cell checks; a Yes/No KPI needs no polarity.)"""
    read = ctx.read.found[KPIS.name].columns if ctx.read is not None else None
    for kpi in ctx.plan.kpis:
        if kpi.measure is Measure.INFO_ONLY or not _has_target(kpi):
            continue
        for name in ("polarity", "measure"):
            if getattr(kpi, name) is not None or (read is not None and name not in read):
                continue
            if name == "polarity" and kpi.unit is Unit.YES_NO:
                continue
            typed = kpi.source.raw.get(name) if kpi.source is not None else None
            if typed is not None and str(typed).strip():
                continue  # not one of the choices: choice-unknown says so
            header = KPIS.column(name).header
            yield ctx.at("kpi-rule-missing", KPIS, kpi, name,
                         f"{header} is blank for {describe(KPIS, kpi)}: it is scored as "
                         f"{_ASSUMED[name]}, which may not be what the figures mean.",
                         hint=f"Choose the {header}: "
                              f"{', '.join(schema.choice_labels(_CHOICES[name]))}.")


def _has_target(kpi: Kpi) -> bool:
    return kpi.annual_target.kind is NumKind.NUMBER or any(
        kpi.quarter_target(q).kind is NumKind.NUMBER for q in QUARTERS)


def check_quarters(ctx: Context) -> Iterator[Issue]:
    """Running totals that fall, quarter targets that are not running totals, and actuals
    beyond the reporting quarter."""
    for kpi in ctx.plan.kpis:
        if kpi.measure is Measure.CUMULATIVE:
            for prefix, label in (("q", ""), ("last_year_q", "last year's ")):
                yield from _falls(ctx, kpi, prefix, label)
            if kpi.polarity is not Polarity.BAND:
                yield from _profile(ctx, kpi)
        if ctx.quarter is None:
            continue
        for q in QUARTERS[ctx.quarter:]:
            actual = kpi.actual(q)
            if actual.kind in (NumKind.NUMBER, NumKind.TEXT):
                yield ctx.at("actual-after-reporting-quarter", KPIS, kpi, f"q{q}",
                             f"{describe(KPIS, kpi)} has a Q{q} actual, but the plan reports "
                             f"Q{ctx.quarter}.")


def _falls(ctx: Context, kpi: Kpi, prefix: str, label: str) -> Iterator[Issue]:
    last: tuple[int, float] | None = None
    for q in QUARTERS:
        num: Num = getattr(kpi, f"{prefix}{q}")
        if num.kind is not NumKind.NUMBER or num.value is None:
            continue
        if last is not None and num.value < last[1] - _EPSILON * max(1.0, abs(last[1])):
            yield ctx.at("cumulative-decreases", KPIS, kpi, f"{prefix}{q}",
                         f"{describe(KPIS, kpi)} is cumulative but {label}Q{q} "
                         f"({quote(_typed(kpi, f'{prefix}{q}', num))}) is below {label}"
                         f"Q{last[0]} ({quote(_typed(kpi, f'{prefix}{last[0]}', None))}).")
        last = (q, num.value)


def _profile(ctx: Context, kpi: Kpi) -> Iterator[Issue]:
    """A cumulative measure's quarter targets are year to date: they never fall and Q4's is
    the annual target. Targets typed per quarter (25, 25, 25, 25 for 100 a year) would score
    Q4's 80 Green against 25: said once, at the first target that shows it."""
    percent = kpi.unit is Unit.PERCENT

    def figure(num: Num) -> float | None:  # a % KPI's on one scale (policy.as_fraction)
        if num.kind is not NumKind.NUMBER:
            return None
        return as_fraction(num, ctx.policy)[0] if percent else num.value

    read = {q: figure(kpi.quarter_target(q)) for q in QUARTERS}
    annual = figure(kpi.annual_target)
    described = describe(KPIS, kpi)
    earlier: tuple[int, float] | None = None
    for q, value in read.items():
        if value is None:
            continue
        if earlier is not None and value < earlier[1] - _EPSILON * max(1.0, abs(earlier[1])):
            yield ctx.at("cumulative-profile", KPIS, kpi, f"q{q}_target",
                         f"{described} is cumulative but its Q{q} target "
                         f"({quote(_typed(kpi, f'q{q}_target', None))}) is below its "
                         f"Q{earlier[0]} target: quarter targets of a cumulative measure are "
                         "year to date.")
            return
        earlier = (q, value)
    four = read.get(4)
    if four is not None and annual is not None \
            and abs(four - annual) > _EPSILON * max(1.0, abs(annual)):
        yield ctx.at("cumulative-profile", KPIS, kpi, "q4_target",
                     f"{described} is cumulative but its Q4 target "
                     f"({quote(_typed(kpi, 'q4_target', None))}) is not its annual target "
                     f"({quote(_typed(kpi, 'annual_target', None))}): quarter targets of a "
                     "cumulative measure are year to date, reaching the annual target in Q4.")


def _typed(row: Row, field_name: str, num: Num | None) -> object:
    if row.source is not None and field_name in row.source.raw:
        return row.source.raw[field_name]
    num = num or getattr(row, field_name)
    return num.text if num.text is not None else num.value


def check_reported(ctx: Context) -> Iterator[Issue]:
    """By the scoring module's RAG for the reporting quarter: a due KPI with no figure and no
    word on why is a warning; a Red KPI with neither Comment nor Corrective Action is a query
    (the committee will ask why, so the plan must say). Either way, a Comment or Corrective
    Action is the explanation asked for: no data while a contractor withholds it is normal
    practice in the seeds (Hart CP10, CP11, CP13), not a slip."""
    if ctx.quarter is None:
        return
    for kpi, status in zip(ctx.plan.kpis, ctx.kpi_statuses(), strict=True):
        actual = kpi.actual(ctx.quarter)
        explained = bool(kpi.comment or kpi.corrective_action)
        if status.rag is Rag.NO_DATA and actual.kind is not NumKind.TEXT \
                and not explained:  # (text: not-a-number)
            typed = "" if actual.kind is NumKind.BLANK else f" ({quote(actual.text)})"
            yield ctx.at("actual-missing", KPIS, kpi, f"q{ctx.quarter}",
                         f"{describe(KPIS, kpi)} has no Q{ctx.quarter} figure{typed}, so it is "
                         "reported as No data.")
        if status.rag is not Rag.RED or explained:
            continue
        where = "comment" if kpi.source is None or "comment" in kpi.source.cells \
            else f"q{ctx.quarter}"
        yield ctx.at("red-kpi-unexplained", KPIS, kpi, where,
                     f"{describe(KPIS, kpi)} is Red at Q{ctx.quarter} ({status.reason}) but "
                     "has no Comment or Corrective Action.")


# ---------------------------------------------------------------------- percentages

# Units whose figures are not percentages: a % typed in them is read as a fraction (90% as
# 0.9) and scored against plain figures, silently, unless said.
_NOT_PERCENT = (Unit.NUMBER, Unit.MONEY, Unit.YES_NO)


def check_percent_units(ctx: Context) -> Iterator[Issue]:
    """A figure typed with a % sign on a KPI whose Unit is Number, £ or Yes/No: "90%" is read
    as 0.9, so a target of 90% makes 85 Green and an actual of 85% is 0.85 against 90. A
    slip in the Unit (chosen from the dropdown) or in the figure: either way it is said."""
    for spec, row, name, num, unit in _kpi_figures(ctx, lambda unit: unit in _NOT_PERCENT):
        if num.kind is not NumKind.NUMBER or not num.percent or num.value is None:
            continue
        assert unit is not None
        yield ctx.at("percent-on-non-percent-kpi", spec, row, name,
                     f"{spec.column(name).header} of {describe(spec, row)} is typed as a "
                     f"percentage ({quote(_typed(row, name, num))}) but the indicator's Unit "
                     f"is {unit.value}, so it is read as {num.value:g}.",
                     hint="Set the Unit to % if the indicator is a percentage; otherwise "
                          "type the figure without the % sign.")


def check_yes_no_words(ctx: Context) -> Iterator[Issue]:
    """Yes or No typed as a figure of an indicator whose Unit is not Yes/No: read as 1 or 0,
    a "Yes" in a % indicator's Q1 is 100% and Green, silently; a benchmark of "Yes" (seed 002's
    "Top Quartile: Yes") is 100% too."""
    for spec, row, name, num, unit in _kpi_figures(ctx, lambda unit: unit is not Unit.YES_NO):
        if not is_yes_no(num):
            continue
        what = f"its Unit is {unit.value}" if unit is not None else "its Unit is blank"
        yield ctx.at("yes-no-on-figure-kpi", spec, row, name,
                     f"{spec.column(name).header} of {describe(spec, row)} is "
                     f"{quote(_typed(row, name, num))}, read as {num.value:g}, but {what}: "
                     "Yes and No are figures only of a Yes/No indicator.",
                     hint="Set the Unit to Yes/No if the indicator is met or not; otherwise "
                          "type the figure (85%, 260), or leave it blank and say why in the "
                          "Comment.")


def _kpi_figures(ctx: Context, units: Callable[[Unit | None], bool]
                 ) -> Iterator[tuple[schema.Sheet, Row, str, Num, Unit | None]]:
    """Every figure (targets, actuals, last year's, its KPI Years rows') of each KPI whose
    Unit `units` accepts: (sheet, row, field, figure, the KPI's Unit)."""
    kept = {_ref_key(kpi): kpi.unit for kpi in ctx.plan.kpis if units(kpi.unit)}
    for kpi in ctx.plan.kpis:
        if units(kpi.unit):
            for name in PERCENT_KPI_FIELDS:
                yield KPIS, kpi, name, getattr(kpi, name), kpi.unit
    for row in ctx.plan.kpi_years:
        key = _ref_key(row)
        if key in kept:
            for name in PERCENT_KPI_YEAR_FIELDS:
                yield KPI_YEARS, row, name, getattr(row, name), kept[key]


@dataclass(frozen=True, slots=True)
class _Figure:
    spec: schema.Sheet
    row: Row
    field: str
    num: Num
    fraction: float  # as the policy reads it
    rescaled: bool  # a plain number read as a percentage number (85 -> 85%)
    groups: tuple[tuple[str, ...], ...]  # the columns / indicator it is compared within

    @property
    def of_kpi(self) -> bool:
        """An indicator's figure (a target, an actual, a KPI Years figure)."""
        return any(group[0] == "kpi" for group in self.groups)

    # What a message says of it (most figures need no message: worked out when one does).
    @property
    def label(self) -> str:
        return f"{self.spec.column(self.field).header} of {describe(self.spec, self.row)}"

    @property
    def typed(self) -> str:
        return quote(_typed(self.row, self.field, self.num))

    @property
    def shown(self) -> str:
        return f"{self.fraction * 100:.4g}%"

    @property
    def is_fraction(self) -> bool:
        """Typed as Excel keeps a percentage (0.85), not as a number of percent (85)."""
        return not self.num.percent and not self.rescaled and self.num.value != 0


def check_percentages(ctx: Context) -> Iterator[Issue]:
    figures = list(_figures(ctx))
    fractions: dict[tuple[str, ...], _Figure] = {}
    for figure in figures:
        if figure.is_fraction:
            for group in figure.groups:
                fractions.setdefault(group, figure)
    for figure in figures:
        # An indicator's figure over 100% is asked about only when its scale was guessed (a
        # plain 1.2 or 150): typed with its sign it says what it means, and spend against
        # budget or collection above profile is over 100% on purpose. % Complete or a
        # Tolerance % over 100% means nothing, however typed.
        if figure.fraction > 1 + _EPSILON and not (figure.num.percent and figure.of_kpi):
            yield ctx.at("percent-over-100", figure.spec, figure.row, figure.field,
                         f"{figure.label} is {figure.typed}, read as {figure.shown}, which is "
                         "over 100%.")
        elif figure.rescaled:
            other = next((fractions[g] for g in figure.groups if g in fractions), None)
            if other is not None:
                yield ctx.at("percent-scale-mixed", figure.spec, figure.row, figure.field,
                             f"{figure.label} is {figure.typed} (read as {figure.shown}) but "
                             f"{other.spec.column(other.field).header} of "
                             f"{describe(other.spec, other.row)} is the fraction "
                             f"{quote(_typed(other.row, other.field, other.num))}: percentages "
                             "are typed two ways.")


def _figures(ctx: Context) -> Iterator[_Figure]:
    """Every number read as a percentage, with the groups it must agree with: its column, and
    (for a % indicator) the indicator's other figures, its KPI Years rows included."""
    percent_refs: dict[str, str] = {}
    for kpi in ctx.plan.kpis:
        key = _ref_key(kpi)
        if kpi.unit is Unit.PERCENT:
            percent_refs[key] = key
            for name in PERCENT_KPI_FIELDS:
                yield from _figure(ctx, KPIS, kpi, name,
                                   (("col", KPIS.name, name), ("kpi", key)))
    for row in ctx.plan.kpi_years:
        key = _ref_key(row)
        if key in percent_refs:
            for name in PERCENT_KPI_YEAR_FIELDS:
                yield from _figure(ctx, KPI_YEARS, row, name,
                                   (("col", KPI_YEARS.name, name), ("kpi", key)))
    by_section: dict[str, list[schema.Column]] = defaultdict(list)
    for spec in schema.SHEETS:
        for column in spec.columns:
            if column.kind is schema.Kind.PERCENT:
                by_section[spec.section].append(column)
    for spec in schema.SHEETS:
        for column in by_section.get(spec.section, ()):
            for row in getattr(ctx.plan, spec.section):
                yield from _figure(ctx, spec, row, column.field,
                                   (("col", spec.name, column.field),))


def _figure(ctx: Context, spec: schema.Sheet, row: Row, field_name: str,
            groups: tuple[tuple[str, ...], ...]) -> Iterator[_Figure]:
    num: Num = getattr(row, field_name)
    if num.kind is not NumKind.NUMBER or num.value is None:
        return
    fraction, rescaled = as_fraction(num, ctx.policy)
    if fraction is None:
        return
    yield _Figure(spec, row, field_name, num, fraction, rescaled, groups)


def _ref_key(row: Row) -> str:
    ref = getattr(row, "ref", None)
    if ref:
        return " ".join(str(ref).split()).casefold()
    return f"row {row.source.row}" if row.source is not None else f"id {id(row)}"
