"""What validation finds: an Issue per problem, and a Report per workbook.

Modelled on frictionless-py's error model: every Issue has a stable kebab-case `code` from the
closed catalogue in codes.py, a severity, and its position (file, sheet, cell, field) so that
nothing is located by a DataFrame index an officer cannot find. A Report is always returned,
never an exception: an unreadable file is a Report holding one error that says why.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from xl_plans.cells import ErrorValue, Uncalculated
from xl_plans.validation.codes import CODES, FILE_CODES, Severity


class Issue(BaseModel):
    """One problem, where it is, and what to do about it."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None  # "F12"; None when the problem is a whole sheet or column
    row: int | None = None  # the sheet's row number, 1-based
    field: str | None = None  # the model field, e.g. "q2"
    value: Any = None  # the cell's value as typed (JSON-friendly)
    message: str
    hint: str = ""

    @field_validator("code")
    @classmethod
    def _known_code(cls, code: str) -> str:
        if code not in CODES:
            raise ValueError(f"{code!r} is not in the issue catalogue (validation/codes.py)")
        return code

    @property
    def location(self) -> str:
        """"KPIs!F12", "KPIs" or "" (a problem with the file as a whole)."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""

    def __str__(self) -> str:
        where = ": ".join(p for p in (Path(self.file).name if self.file else "",
                                      self.location) if p)
        return f"{where}: [{self.code}] {self.message}" if where else \
            f"[{self.code}] {self.message}"


def json_value(raw: Any) -> Any:
    """A cell value as JSON can carry it, keeping what was typed: "#DIV/0!", "=SUM(B2:B5)",
    dates as ISO text."""
    if isinstance(raw, ErrorValue | Uncalculated):
        return str(raw)
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time(0) else raw.isoformat()
    if isinstance(raw, dt.date | dt.time):
        return raw.isoformat()
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if raw is None or isinstance(raw, str | int | float | bool):
        return raw
    return str(raw)


class Report(BaseModel):
    """Everything validation found in one workbook (or one Plan)."""

    model_config = ConfigDict(frozen=True)

    file: str | None = None
    as_of: dt.date | None = None  # the date "passed" is judged against
    issues: tuple[Issue, ...] = ()
    stats: dict[str, int] = Field(default_factory=dict)
    valid: bool = True

    @classmethod
    def of(cls, file: str | None, issues: list[Issue], as_of: dt.date | None = None) -> Report:
        counts = Counter(issue.severity.value for issue in issues)
        stats = {severity.value: counts.get(severity.value, 0) for severity in Severity}
        return cls(file=file, as_of=as_of, issues=tuple(issues), stats=stats,
                   valid=stats[Severity.ERROR.value] == 0)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.WARNING]

    @property
    def queries(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.QUERY]

    @property
    def readable(self) -> bool:
        """False when the file could not be read as a workbook at all."""
        return not any(issue.code in FILE_CODES for issue in self.issues)

    @property
    def usable(self) -> bool:
        """False when the file is not a readable plan at all (a file code, or not-a-plan)."""
        return self.readable and not any(issue.code == "not-a-plan" for issue in self.issues)

    def codes(self) -> list[str]:
        return [issue.code for issue in self.issues]

    def flatten(self, fields: list[str]) -> list[list[Any]]:
        """The issues as plain lists, e.g. flatten(["code", "cell"]) -> [["duplicate-ref", "A5"]];
        "location" gives "KPIs!A5"."""
        return [[getattr(issue, name) for name in fields] for issue in self.issues]

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (what `xl-plans validate --json` prints)."""
        return self.model_dump(mode="json")

    def summary(self) -> str:
        """"3 errors, 1 warning, no queries"."""
        parts = []
        for severity in Severity:
            n = self.stats.get(severity.value, 0)
            word = severity.value if n == 1 else f"{severity.value}s"
            word = word.replace("querys", "queries")
            parts.append(f"{n or 'no'} {word}")
        return ", ".join(parts)
