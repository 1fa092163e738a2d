"""What a service plan holds: pydantic models of a plan, its rows and the values in them.

This module imports nothing else of ours (see DESIGN.md, "Layers"). Values that officers type
tolerantly (targets, actuals, dates) are kept twice: the text exactly as typed, and what it was
read as, so nothing an officer wrote is lost and every number can be explained.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from enum import Enum, StrEnum
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field


class Polarity(StrEnum):
    HIGHER = "Higher is better"
    LOWER = "Lower is better"
    BAND = "Target band"


class Measure(StrEnum):
    CUMULATIVE = "Cumulative"
    SNAPSHOT = "Snapshot"
    ANNUAL = "Annual"
    INFO_ONLY = "Info only"


class Unit(StrEnum):
    NUMBER = "Number"
    PERCENT = "%"
    MONEY = "£"
    YES_NO = "Yes/No"


class Status(StrEnum):
    """Delivery status of a priority outcome or a project milestone."""

    NOT_STARTED = "Not started"
    ON_TRACK = "On track"
    AT_RISK = "At risk"
    OFF_TRACK = "Off track"
    COMPLETE = "Complete"
    ON_HOLD = "On hold"
    CANCELLED = "Cancelled"


class RiskStatus(StrEnum):
    OPEN = "Open"
    CLOSED = "Closed"


class ValueBasis(StrEnum):
    ANNUAL = "Annual"
    TOTAL = "Total"


class Quarter(StrEnum):
    Q1 = "Q1"
    Q2 = "Q2"
    Q3 = "Q3"
    Q4 = "Q4"

    @property
    def number(self) -> int:
        return int(self.value[1])


class RiskMatrix(StrEnum):
    FOUR = "4x4"
    FIVE = "5x5"


class Rag(StrEnum):
    GREEN = "Green"
    AMBER = "Amber"
    RED = "Red"
    NO_DATA = "No data"
    NOT_DUE = "Not due"
    INFO_ONLY = "Info only"
    NO_TARGET = "No target"  # a figure, but no usable target ("TBC", text): nothing to rate


class Band(StrEnum):
    LOW = "Low"
    MEDIUM = "Medium"
    HIGH = "High"
    VERY_HIGH = "Very High"


# --------------------------------------------------------------------------- values


class NumKind(StrEnum):
    """What a number-like cell was read as."""

    NUMBER = "number"  # a value: 12, "1,234", "£3,500 per annum", "29.3%", "zero"
    BLANK = "blank"
    NOT_APPLICABLE = "not-applicable"  # "N/A", "-", "n/a"
    TO_BE_CONFIRMED = "to-be-confirmed"  # "TBC", "TBA"
    INFO_ONLY = "info-only"  # "INFO ONLY": an indicator reported for information
    TEXT = "text"  # words that are not a number: "50% of all formal presentations"


class Num(BaseModel):
    """A number-like cell: the text as typed (None when the cell held a real number) and its value.

    `percent` is True when the text carried a % sign; `value` is then a fraction (29.3% -> 0.293),
    as Excel stores a percentage.
    """

    model_config = ConfigDict(frozen=True)

    kind: NumKind = NumKind.BLANK
    value: float | None = None
    text: str | None = None
    percent: bool = False


class WhenKind(StrEnum):
    """What a date-like cell was read as."""

    DATE = "date"  # a day: a date cell, "01/04/2024", "31 st March 2023"
    PERIOD = "period"  # a span: "March 2024", "Q3 2023/24", "Summer 2021", "2023/24"
    ONGOING = "ongoing"  # "Ongoing": no end date
    BLANK = "blank"
    NOT_APPLICABLE = "not-applicable"
    TO_BE_CONFIRMED = "to-be-confirmed"
    TEXT = "text"  # words that are not a date


class When(BaseModel):
    """A date-like cell: the text as typed (None for a real date cell) and the span it means.

    `end` is the deadline (the last day of the period named); `start` its first day. "March 2024
    and ongoing" is the period March 2024 with `ongoing` set. `is_range`: written from a start
    to an end ("Sep 2024 to March 2026"), so the work is planned to begin at `start` (the start
    of "March 2024" is only where that month begins).
    """

    model_config = ConfigDict(frozen=True)

    kind: WhenKind = WhenKind.BLANK
    start: dt.date | None = None
    end: dt.date | None = None
    ongoing: bool = False
    text: str | None = None
    is_range: bool = False

    @property
    def due(self) -> dt.date | None:
        return self.end


# Excel's error literals (what Office.js sends and xlwings' err_to_str gives; the reader keeps
# an error cell as its literal, e.g. a Num of kind TEXT "#DIV/0!").
EXCEL_ERRORS = frozenset({
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
    "#SPILL!", "#CONNECT!", "#BLOCKED!", "#UNKNOWN!", "#FIELD!", "#CALC!", "#BUSY!",
    "#EXTERNAL!", "#PYTHON!", "#DATA!",
})

BLANK_NUM = Num()
BLANK_WHEN = When()


def as_cell(value: Any) -> Any:
    """The cell value for a model value, as an officer typed it: the text as typed wins, else
    the number or date; an enum is its label."""
    if isinstance(value, Num):
        if value.text is not None:
            return value.text
        return value.value if value.kind is NumKind.NUMBER else None
    if isinstance(value, When):
        if value.text is not None:
            return value.text
        return value.start if value.kind is WhenKind.DATE else None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


# --------------------------------------------------------------------------- rows


M = TypeVar("M", bound=BaseModel)


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """`cls(**values)` for values already of the model's field types, as the reader makes
    them: no validation runs. What pydantic's model_construct does, without its per-field
    Python loop: 1.4 µs a KPI row against 2.9 µs validated and 5.6 µs by model_construct, and a
    plan has about a thousand rows. Fields not given take their defaults."""
    defaults, factories = _DEFAULTS.get(cls) or _defaults_of(cls)
    fields = defaults | values  # in the model's field order, as pydantic keeps them
    if len(fields) != len(defaults):
        raise TypeError(f"{cls.__name__} has no field {sorted(values.keys() - defaults)}")
    for name, factory in factories:
        if name not in values:
            fields[name] = factory()
    instance = object.__new__(cls)
    _set = object.__setattr__  # (the models are frozen)
    _set(instance, "__dict__", fields)
    _set(instance, "__pydantic_fields_set__", set(values))
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


def _defaults_of(cls: type[BaseModel]) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    # Only plain models qualify: required fields, extra fields, private attributes or a
    # post-init hook need pydantic's own construction.
    fields = cls.model_fields
    if any(field.is_required() for field in fields.values()) \
            or cls.model_config.get("extra") == "allow" or cls.__private_attributes__ \
            or cls.__pydantic_post_init__:
        raise TypeError(f"{cls.__name__} cannot be built by trusted()")
    defaults = {name: field.default for name, field in fields.items()}
    factories = [(name, field.default_factory) for name, field in fields.items()
                 if field.default_factory is not None]
    _DEFAULTS[cls] = defaults, factories
    return defaults, factories


_DEFAULTS: dict[type[BaseModel], tuple[dict[str, Any], list[tuple[str, Any]]]] = {}


def column_letter(index: int) -> str:
    """0-based column index -> letters (0 -> A, 27 -> AB)."""
    if index < len(_LETTERS):
        return _LETTERS[index]
    return _letters(index)


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_LETTERS = tuple(_letters(i) for i in range(702))  # A to ZZ: addresses are asked for a lot
_LETTERS_KNOWN = len(_LETTERS)


class Source:
    """Where a row came from: its sheet, row number, and the cell and raw value of every field.

    `cells` (field -> "B12") and `raw` (field -> the cell's value as read) are read-only
    mappings. A table row keeps only its sheet's shared column map and the row's values, and
    works the addresses out when asked: a plan has thousands of cells and most are never
    pointed at.
    """

    __slots__ = ("_columns", "_overrides", "_values", "file", "row", "sheet")

    def __init__(self, sheet: str, row: int, cells: Mapping[str, str] | None = None,
                 raw: Mapping[str, Any] | None = None, file: str | None = None) -> None:
        self.file, self.sheet, self.row = file, sheet, row
        # Explicit cells and values: columns are (address, value) pairs per field.
        self._columns: Mapping[str, int] | None = None
        self._values: Any = (dict(cells or {}), dict(raw or {}))
        self._overrides: Mapping[int, Any] = {}

    @classmethod
    def table_row(cls, sheet: str, row: int, columns: Mapping[str, int], values: list[Any],
                  overrides: Mapping[int, Any], file: str | None = None) -> Source:
        """A row of a table: `columns` (field -> 0-based column, shared by the sheet's rows),
        the row's cell values, and values that stand in for some cells (merged cells)."""
        source = cls.__new__(cls)
        source.file, source.sheet, source.row = file, sheet, row
        source._columns, source._values, source._overrides = columns, values, overrides
        return source

    @property
    def cells(self) -> Mapping[str, str]:
        if self._columns is None:
            return MappingProxyType(self._values[0])
        return _FieldView(self._columns, self._address)

    @property
    def raw(self) -> Mapping[str, Any]:
        if self._columns is None:
            return MappingProxyType(self._values[1])
        return _FieldView(self._columns, self._value)

    def _address(self, col: int) -> str:
        return f"{column_letter(col)}{self.row}"

    def cell(self, field: str) -> str | None:
        """The address of a field's cell, e.g. "KPIs!F12"."""
        if self._columns is None:
            address = self._values[0].get(field)
            return f"{self.sheet}!{address}" if address else None
        col = self._columns.get(field)  # (not through `cells`: this is asked for a lot)
        if col is None:
            return None
        return f"{self.sheet}!{_LETTERS[col] if col < _LETTERS_KNOWN else _letters(col)}{self.row}"

    def values_of(self, fields: Sequence[str]) -> list[Any]:
        """The raw values of these fields' cells, in one call (None where a field has none):
        what `raw.get(field)` gives for each, for checks that visit every cell."""
        if self._columns is None:
            raw = self._values[1]
            return [raw.get(field) for field in fields]
        columns, values, overrides = self._columns, self._values, self._overrides
        width = len(values)
        found: list[Any] = []
        for field in fields:
            col = columns.get(field)
            if col is None:
                found.append(None)
            elif col in overrides:
                found.append(overrides[col])
            else:
                found.append(values[col] if col < width else None)
        return found

    def _value(self, col: int) -> Any:
        if col in self._overrides:
            return self._overrides[col]
        return self._values[col] if col < len(self._values) else None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Source):
            return NotImplemented
        return (self.file, self.sheet, self.row, dict(self.cells), dict(self.raw)) == (
            other.file, other.sheet, other.row, dict(other.cells), dict(other.raw))

    def __hash__(self) -> int:
        return hash((self.file, self.sheet, self.row))

    def __repr__(self) -> str:
        return f"Source({self.file!r}, {self.sheet!r}, row {self.row})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Source, (self.sheet, self.row, dict(self.cells), dict(self.raw), self.file))


class _FieldView(Mapping[str, Any]):
    """A table row's fields seen through its sheet's column map: `pick(column)` gives what a
    field shows (its address, or its cell's value)."""

    __slots__ = ("_columns", "_pick")

    def __init__(self, columns: Mapping[str, int], pick: Callable[[int], Any]) -> None:
        self._columns, self._pick = columns, pick

    def __getitem__(self, field: str) -> Any:
        return self._pick(self._columns[field])

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)

    def __contains__(self, field: object) -> bool:
        return field in self._columns

    def get(self, field: str, default: Any = None) -> Any:
        # Mapping's own get goes through __getitem__ and an exception: this is hot.
        col = self._columns.get(field)
        return default if col is None else self._pick(col)


class Row(BaseModel):
    """A data row of a plan sheet. `extra` keeps columns the template does not know."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    extra: dict[str, Any] = Field(default_factory=dict)
    # Provenance is not content: excluded from dumps so equal plans compare equal.
    source: Source | None = Field(default=None, exclude=True, repr=False)


class PlanDetails(BaseModel):
    """The Plan sheet: who the plan belongs to and which period it reports."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    council: str | None = None
    service: str | None = None
    directorate: str | None = None
    head_of_service: str | None = None
    cabinet_member: str | None = None
    plan_year: str | None = None  # "2023/24" as typed
    plan_period: str | None = None  # "2022-2025" for multi-year plans
    reporting_quarter: Quarter | None = None
    version: str | None = None
    risk_matrix: RiskMatrix | None = None
    template_version: str | None = None
    extra: dict[str, Any] = Field(default_factory=dict)
    source: Source | None = Field(default=None, exclude=True, repr=False)


class Priority(Row):
    """One outcome of a service priority; several outcomes of one priority share its Ref."""

    ref: str | None = None
    priority: str | None = None
    theme: str | None = None
    outcome: str | None = None
    target_date: When = BLANK_WHEN
    lead: str | None = None
    status: Status | None = None
    percent_complete: Num = BLANK_NUM
    update: str | None = None


class Kpi(Row):
    ref: str | None = None
    indicator: str | None = None
    theme: str | None = None
    lead: str | None = None
    polarity: Polarity | None = None
    measure: Measure | None = None
    unit: Unit | None = None
    annual_target: Num = BLANK_NUM
    tolerance: Num = BLANK_NUM
    q1_target: Num = BLANK_NUM
    q2_target: Num = BLANK_NUM
    q3_target: Num = BLANK_NUM
    q4_target: Num = BLANK_NUM
    q1: Num = BLANK_NUM
    q2: Num = BLANK_NUM
    q3: Num = BLANK_NUM
    q4: Num = BLANK_NUM
    last_year_q1: Num = BLANK_NUM
    last_year_q2: Num = BLANK_NUM
    last_year_q3: Num = BLANK_NUM
    last_year_q4: Num = BLANK_NUM
    comment: str | None = None
    corrective_action: str | None = None

    def actual(self, quarter: int) -> Num:
        """Actual for quarter 1..4 of the plan year."""
        return getattr(self, f"q{quarter}")

    def quarter_target(self, quarter: int) -> Num:
        return getattr(self, f"q{quarter}_target")


class KpiYear(Row):
    """A KPI's target and outturn for one year of a multi-year plan (the KPI Years sheet)."""

    ref: str | None = None
    year: str | None = None
    target: Num = BLANK_NUM
    outturn: Num = BLANK_NUM
    benchmark: Num = BLANK_NUM
    comment: str | None = None


class Risk(Row):
    ref: str | None = None
    risk: str | None = None
    category: str | None = None
    owner: str | None = None
    inherent_likelihood: Num = BLANK_NUM
    inherent_impact: Num = BLANK_NUM
    controls: str | None = None
    residual_likelihood: Num = BLANK_NUM
    residual_impact: Num = BLANK_NUM
    target_likelihood: Num = BLANK_NUM
    target_impact: Num = BLANK_NUM
    review_date: When = BLANK_WHEN
    status: RiskStatus | None = None


class Milestone(Row):
    """One milestone of a project (the Projects sheet has a row per milestone)."""

    ref: str | None = None
    project: str | None = None
    outcome: str | None = None
    manager: str | None = None
    sponsor: str | None = None
    milestone: str | None = None
    due: When = BLANK_WHEN
    status: Status | None = None


class Contract(Row):
    ref: str | None = None
    contract: str | None = None
    supplier: str | None = None
    description: str | None = None
    contact: str | None = None
    value: Num = BLANK_NUM
    value_basis: ValueBasis | None = None
    start_date: When = BLANK_WHEN
    end_date: When = BLANK_WHEN
    review_date: When = BLANK_WHEN
    extension_option: str | None = None


class BudgetLine(Row):
    year: str | None = None
    gross_budget: Num = BLANK_NUM
    net_budget: Num = BLANK_NUM
    fte: Num = BLANK_NUM
    comment: str | None = None


class VersionEntry(Row):
    version: str | None = None
    date: When = BLANK_WHEN
    author: str | None = None
    changes: str | None = None


class Plan(BaseModel):
    """A whole service plan. `file` and `sheets` say where it was read from (not content)."""

    model_config = ConfigDict(frozen=True)

    details: PlanDetails = Field(default_factory=PlanDetails)
    priorities: tuple[Priority, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    kpi_years: tuple[KpiYear, ...] = ()
    risks: tuple[Risk, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    contracts: tuple[Contract, ...] = ()
    budget: tuple[BudgetLine, ...] = ()
    versions: tuple[VersionEntry, ...] = ()
    file: str | None = Field(default=None, exclude=True)
    sheets: dict[str, str | None] = Field(default_factory=dict, exclude=True)  # section -> sheet

    def content(self) -> dict[str, Any]:
        """The plan's data without provenance: equal for plans that say the same thing."""
        return self.model_dump(mode="json")

    @property
    def priority_refs(self) -> list[str]:
        """Distinct priority Refs in sheet order."""
        return list(dict.fromkeys(p.ref for p in self.priorities if p.ref))

    @property
    def project_names(self) -> list[str]:
        return list(dict.fromkeys(m.project or m.ref or "" for m in self.milestones))
