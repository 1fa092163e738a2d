"""What every check sees: the plan, how it was read, the plan's dates, and how to make an Issue.

Checks are generators over a Context that yield Issues (frictionless-style: a check never
raises for bad data). The Context knows where each value came from, so a check names a row and
a field and gets the sheet, cell and value as typed for free.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from xl_plans import schema
from xl_plans.cells import address, parse_address
from xl_plans.cellwrite import plain
from xl_plans.kpi import KpiStatus, kpi_status
from xl_plans.model import BLANK_NUM, Kpi, Num, NumKind, Plan, Polarity, Row
from xl_plans.policy import Policy, default_policy
from xl_plans.reader import PlanRead
from xl_plans.validation.codes import CODES
from xl_plans.validation.report import Issue, json_value
from xl_plans.values import fy_start_year, quarter_span


@dataclass
class Context:
    plan: Plan
    read: PlanRead | None = None  # None when validating a Plan built in code
    as_of: dt.date | None = None
    file: str | None = None
    policy: Policy = field(default_factory=default_policy)
    # The plan's KPIs already scored by `policy` for its reporting quarter (see kpi_statuses).
    kpis_scored: Sequence[KpiStatus] | None = None
    fy_start: int | None = field(init=False)
    quarter: int | None = field(init=False)  # the reporting quarter, 1..4
    matrix_size: int = field(init=False)
    _statuses: Sequence[KpiStatus] | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        details = self.plan.details
        self.fy_start = fy_start_year(details.plan_year)
        self.quarter = details.reporting_quarter.number if details.reporting_quarter else None
        # The Plan sheet's Risk Matrix ("4x4" is 4 by 4), else the policy's default matrix.
        self.matrix_size = int(details.risk_matrix.value.split("x")[0]) \
            if details.risk_matrix else self.policy.matrix().size
        if self.as_of is None:
            self.as_of = self.plan_date()

    def plan_date(self) -> dt.date:
        """The date the plan speaks for: the last day of its reporting quarter, else the first
        day of its plan year, else today. Judging "passed" against it makes a file's report
        the same whenever it is run (pass as_of to judge against another day)."""
        if self.fy_start is not None:
            if self.quarter is not None:
                return self.quarter_span(self.quarter)[1]
            return self.quarter_span(1)[0]
        return dt.date.today()

    def kpi_statuses(self) -> Sequence[KpiStatus]:
        """Every KPI's status for the reporting quarter, in sheet order, by the scoring
        module's own rules: the ones the caller already worked out when it passed them
        (consolidation scores each plan anyway), else worked out here."""
        assert self.quarter is not None
        if self._statuses is None:  # (several checks ask: scored once)
            self._statuses = self._kpi_statuses(self.quarter)
        return self._statuses

    def _kpi_statuses(self, quarter: int) -> Sequence[KpiStatus]:
        scored, kpis = self.kpis_scored, self.plan.kpis
        # Used only when they are plainly these KPIs, in order, for this quarter: a KPI is
        # known by its ref and indicator, so not when two rows share both (duplicate rows).
        # (That they were scored by this policy is the caller's word: see validate.)
        keys = [(kpi.ref, kpi.indicator) for kpi in kpis]
        if scored is not None and len(set(keys)) == len(keys) \
                and [(status.ref, status.indicator) for status in scored] == keys \
                and all(status.quarter.number == quarter for status in scored):
            return scored
        return [kpi_status(kpi, quarter, self.policy) for kpi in kpis]

    def reads_as_band(self, kpi: Kpi, field_name: str) -> bool:
        """Whether the scoring reads a KPI's target typed as text ("5-10", "95% to 105%") as a
        target band, were the KPI's Polarity Target band. Asked of the scoring itself, so
        validation and the Status sheet keep one rule for what a band is: the reporting
        quarter's status when that scored this very cell, else the status of the KPI with this
        target as its only one (one KPI scored again: text targets are few)."""
        num: Num = getattr(kpi, field_name)
        if num.kind is not NumKind.TEXT:
            return False
        cell = kpi.source.cell(field_name) if kpi.source is not None else None
        if kpi.polarity is Polarity.BAND and cell is not None and self.quarter is not None:
            index = next((n for n, each in enumerate(self.plan.kpis) if each is kpi), None)
            status = self.kpi_statuses()[index] if index is not None else None
            if status is not None and status.cells.get("target") == cell:
                return status.band is not None
        targets = {f"q{q}_target": BLANK_NUM for q in (1, 2, 3, 4)}
        alone = kpi.model_copy(update={**targets, "annual_target": num,
                                       "polarity": Polarity.BAND})
        return kpi_status(alone, 1, self.policy).band is not None

    def quarter_span(self, quarter: int) -> tuple[dt.date, dt.date]:
        assert self.fy_start is not None
        return quarter_span(quarter, self.fy_start, self.policy.year.fy_start_month)

    # ------------------------------------------------------------------ where things are

    def sheet_name(self, spec: schema.Sheet) -> str:
        """The workbook's name for a contract sheet (it may be a synonym)."""
        return self.plan.sheets.get(spec.section) or spec.name

    def plan_sheet_name(self) -> str:
        return (self.read.plan_sheet if self.read else None) or schema.PLAN_SHEET

    def rows(self) -> Iterator[tuple[schema.Sheet, Row]]:
        for spec in schema.SHEETS:
            for row in getattr(self.plan, spec.section):
                yield spec, row

    # ------------------------------------------------------------------ making issues

    def issue(self, code: str, message: str, *, sheet: str | None = None,
              cell: str | None = None, row: int | None = None, field_name: str | None = None,
              value: Any = None, hint: str | None = None) -> Issue:
        entry = CODES[code]
        return Issue(code=code, severity=entry.severity, file=self.file, sheet=sheet, cell=cell,
                     row=row, field=field_name, value=json_value(value), message=message,
                     hint=entry.hint if hint is None else hint)

    def at(self, code: str, spec: schema.Sheet, row: Row, field_name: str, message: str,
           hint: str | None = None, value: Any = ...) -> Issue:
        """An issue about one field of one row: sheet, cell and value as typed come from the
        row's source (or from the model, for a Plan built in code)."""
        source = row.source
        if value is ...:
            value = source.raw.get(field_name) if source is not None \
                else plain(getattr(row, field_name, None))
        return self.issue(
            code, message,
            sheet=source.sheet if source is not None else self.sheet_name(spec),
            cell=source.cells.get(field_name) if source is not None else None,
            row=source.row if source is not None else None,
            field_name=field_name, value=value, hint=hint,
        )

    def at_detail(self, code: str, field_name: str, message: str,
                  hint: str | None = None) -> Issue:
        """An issue about a Plan sheet value."""
        source = self.plan.details.source
        cell = source.cells.get(field_name) if source is not None else None
        value = source.raw.get(field_name) if source is not None else \
            plain(getattr(self.plan.details, field_name, None))
        return self.issue(code, message, sheet=self.plan_sheet_name(), cell=cell,
                          row=parse_address(cell)[0] + 1 if cell else None,
                          field_name=field_name, value=value, hint=hint)

    def at_grid(self, code: str, sheet: str, row0: int, col0: int, message: str,
                hint: str | None = None, value: Any = None,
                field_name: str | None = None) -> Issue:
        """An issue about a cell found by position (0-based), e.g. a header cell."""
        return self.issue(code, message, sheet=sheet, cell=address(row0, col0), row=row0 + 1,
                          field_name=field_name, value=value, hint=hint)


# ---------------------------------------------------------------------- describing rows

_NOUNS = {
    "priorities": "priority",
    "kpis": "KPI",
    "kpi_years": "KPI Years row",
    "risks": "risk",
    "milestones": "project",
    "contracts": "contract",
    "budget": "budget year",
    "versions": "version",
}


def describe(spec: schema.Sheet, row: Row) -> str:
    """How a message names a row: "KPI CP3", "risk R2", "budget year 2023/24"."""
    noun = _NOUNS.get(spec.section, "row")
    key = getattr(row, "ref", None) or getattr(row, "year", None) or getattr(row, "version", None)
    if spec.section == "kpi_years":
        key = " ".join(str(k) for k in (getattr(row, "ref", None), getattr(row, "year", None))
                       if k)
    if spec.section == "milestones":
        key = getattr(row, "ref", None) or getattr(row, "project", None)
    if key:
        key = str(key)
        # "KPI 2A" is already named: not "KPI KPI 2A"
        return key if key.casefold().startswith(noun.casefold() + " ") else f"{noun} {key}"
    return f"the {noun} on row {row.source.row}" if row.source is not None else f"a {noun}"


def quote(value: Any, limit: int = 60) -> str:
    """A typed value for a message: 'Higer', cut if long."""
    text = str(json_value(value))
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def cap(text: str) -> str:
    """First letter up, the rest as written ("KPI CP3" stays "KPI CP3")."""
    return text[:1].upper() + text[1:]
