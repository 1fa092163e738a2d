"""The scoring policy: tolerances, the financial year, risk matrices and bands, thresholds.

One versioned TOML file holds every rule that differs between councils. The defaults ship with
the package (policy_default.toml, read by `default_policy()`); a council's own file
(`load_policy(path)`) needs only the settings it changes and is laid over the defaults. A file
that cannot be used raises PolicyError naming the file and the setting.

This module also holds the one rule for reading percentages (`as_fraction`), because how a
plain 29.3 in a % column is read is a council convention, set in the policy.
"""

from __future__ import annotations

import functools
import itertools
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import tomli_w
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from xl_plans.model import Band, Num, NumKind, RiskMatrix

POLICY_VERSION = 1
DEFAULT_FILE = "policy_default.toml"

# Band order, lowest first: bands must rise with the score.
BAND_ORDER: tuple[Band, ...] = tuple(Band)


class PolicyError(Exception):
    """A policy file that cannot be used. `code` is stable; `key` names the setting, if any."""

    def __init__(self, code: str, path: str | Path, problem: str, key: str | None = None) -> None:
        self.code = code
        self.path = str(path)
        self.key = key
        self.problem = problem
        where = f"setting {key}: " if key else ""
        super().__init__(f"{Path(self.path).name}: {where}{problem}")

    @property
    def message(self) -> str:
        return str(self)


def _not_true_or_false(kind: str) -> BeforeValidator:
    """TOML's true and false are not numbers, though Python counts them as 1 and 0: read as
    numbers, `tolerance = true` would be 100% and `fy_start_month = true` January."""

    def check(value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError(f"must be {kind}, not {str(value).lower()}")
        return value

    return BeforeValidator(check)


# Numbers as settings: whole (a month, a quarter, a size) or any number (a fraction); a TOML
# integer is a number too (tolerance = 0), and true and false are neither.
Whole = Annotated[int, _not_true_or_false("a whole number, such as 4")]
Number = Annotated[float, _not_true_or_false("a number, such as 0.1")]


class _Rules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class YearRules(_Rules):
    fy_start_month: Whole = Field(ge=1, le=12)


class PercentRules(_Rules):
    plain_number_above: Number = Field(gt=0)


class KpiRules(_Rules):
    tolerance: Number = Field(ge=0, le=1)
    zero_target_tolerance: Number = Field(ge=0)
    annual_due_quarter: Whole = Field(ge=1, le=4)


class ProgressRules(_Rules):
    amber_behind: Number = Field(ge=0, le=1)
    red_behind: Number = Field(ge=0, le=1)

    @model_validator(mode="after")
    def _red_beyond_amber(self) -> ProgressRules:
        if self.red_behind < self.amber_behind:
            raise ValueError("red_behind must be at least amber_behind")
        return self


class ContractRules(_Rules):
    expiring_months: tuple[Whole, ...] = Field(min_length=1)

    @field_validator("expiring_months")
    @classmethod
    def _rising(cls, months: tuple[int, ...]) -> tuple[int, ...]:
        if any(m < 1 for m in months) or list(months) != sorted(set(months)):
            raise ValueError("must be whole numbers of months, 1 or more, each larger than the "
                             "one before, e.g. [6, 12]")
        return months


class BandLimit(_Rules):
    band: Band
    max: Whole = Field(ge=1)


class MatrixPolicy(_Rules):
    """One risk matrix: scores 1..size for likelihood and impact, bands by score or by cell."""

    size: Whole = Field(ge=2, le=10)
    appetite: Whole = Field(ge=1)
    bands: tuple[BandLimit, ...] = Field(min_length=1)
    # cells[likelihood - 1][impact - 1]; when given it is used instead of `bands`.
    cells: tuple[tuple[Band, ...], ...] | None = None

    @field_validator("bands")
    @classmethod
    def _bands_rise(cls, bands: tuple[BandLimit, ...]) -> tuple[BandLimit, ...]:
        for lower, upper in itertools.pairwise(bands):
            if BAND_ORDER.index(upper.band) <= BAND_ORDER.index(lower.band):
                raise ValueError(f"bands must be listed lowest first ({', '.join(BAND_ORDER)}); "
                                 f"{upper.band} comes after {lower.band}")
            if upper.max <= lower.max:
                raise ValueError(f"each band's max must be above the one before; {upper.band} "
                                 f"max {upper.max} is not above {lower.band} max {lower.max}")
        return bands

    @model_validator(mode="after")
    def _fits_size(self) -> MatrixPolicy:
        top = self.size * self.size
        if self.bands[-1].max < top:
            raise ValueError(f"the highest band ({self.bands[-1].band}, max {self.bands[-1].max}) "
                             f"must reach the highest score on a {self.size}x{self.size} matrix, "
                             f"{top}")
        if self.appetite > top:
            raise ValueError(f"appetite {self.appetite} is above the highest score, {top}")
        if self.cells is not None:
            _check_cells(self.cells, self.size)
        return self

    @property
    def name(self) -> str:
        return f"{self.size}x{self.size}"

    @property
    def top_score(self) -> int:
        return self.size * self.size


def _check_cells(cells: tuple[tuple[Band, ...], ...], size: int) -> None:
    if len(cells) != size or any(len(row) != size for row in cells):
        raise ValueError(f"cells must have {size} rows (likelihood 1 to {size}) of {size} bands "
                         f"(impact 1 to {size})")
    rank = [[BAND_ORDER.index(band) for band in row] for row in cells]
    for li in range(size):
        for im in range(size):
            if li + 1 < size and rank[li + 1][im] < rank[li][im]:
                raise ValueError(f"cells: likelihood {li + 2}, impact {im + 1} is in a lower band "
                                 f"than likelihood {li + 1}; bands must not fall as likelihood "
                                 "rises")
            if im + 1 < size and rank[li][im + 1] < rank[li][im]:
                raise ValueError(f"cells: likelihood {li + 1}, impact {im + 2} is in a lower band "
                                 f"than impact {im + 1}; bands must not fall as impact rises")


class RiskRules(_Rules):
    default_matrix: str
    matrices: dict[str, MatrixPolicy]

    @model_validator(mode="after")
    def _names(self) -> RiskRules:
        for name, matrix in self.matrices.items():
            if name != matrix.name:
                raise ValueError(f"matrix {name!r} has size {matrix.size}: name it "
                                 f"{matrix.name!r}")
        if self.default_matrix not in self.matrices:
            raise ValueError(f"default_matrix {self.default_matrix!r} is not one of the "
                             f"matrices ({', '.join(self.matrices)})")
        return self


class Policy(_Rules):
    """The scoring rules in force. Frozen: pass it around freely. Every value comes from a
    TOML file laid over policy_default.toml, the one place the defaults are written."""

    version: Whole
    name: str
    year: YearRules
    percentages: PercentRules
    kpi: KpiRules
    progress: ProgressRules
    contracts: ContractRules
    risk: RiskRules

    def matrix(self, name: RiskMatrix | str | None = None) -> MatrixPolicy:
        """The named matrix ("4x4", "5x5"), or the default one when the plan names none."""
        key = str(name.value if isinstance(name, RiskMatrix) else name or self.risk.default_matrix)
        if key not in self.risk.matrices:
            raise KeyError(f"the policy has no {key} risk matrix")
        return self.risk.matrices[key]


# --------------------------------------------------------------------------- loading


def default_text() -> str:
    """The shipped default policy file, comments and all."""
    return resources.files("xl_plans").joinpath(DEFAULT_FILE).read_text(encoding="utf-8")


@functools.cache
def default_policy() -> Policy:
    return _build(tomllib.loads(default_text()), DEFAULT_FILE)


def load_policy(path: str | Path | None = None) -> Policy:
    """The policy in force: the defaults, with a council's file (if given) laid over them."""
    if path is None:
        return default_policy()
    path = Path(path)
    if not path.is_file():  # (a folder or a pipe is never opened: a pipe would hang)
        raise PolicyError("policy-not-found", path,
                          "this is not a file: give the policy's .toml file." if path.exists()
                          else "the policy file does not exist.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError("policy-unreadable", path, f"cannot read it ({exc}).") from None
    try:
        council = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError("policy-not-toml", path, f"is not valid TOML: {exc}.") from None
    version = council.get("version", POLICY_VERSION)
    if version != POLICY_VERSION:
        raise PolicyError("policy-version", path,
                          f"is written for policy format {version!r}; this xl_plans reads format "
                          f"{POLICY_VERSION}.", key="version")
    defaults = tomllib.loads(default_text())
    merged = _merge(defaults, council)
    if merged.get("name") == defaults["name"] and merged != defaults:
        # A council file that changes a rule but keeps the defaults' name (as `policy show`
        # writes it) must not say "xl_plans defaults" beside ratings the defaults would not
        # give: it is named by its file.
        merged["name"] = f"{path.name} (over the xl_plans defaults)"
    return _build(merged, path)


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """`over` laid on `base`: tables merge key by key; any other value (lists too) replaces."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _build(data: dict[str, Any], path: str | Path) -> Policy:
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(part + 1) if isinstance(part, int) else str(part)
                       for part in error["loc"]) or None
        raise PolicyError("policy-invalid", path, _plain(error), key=key) from None


def _plain(error: Any) -> str:
    """A pydantic error as a sentence for the person editing the file."""
    kind = error["type"]
    if kind == "extra_forbidden":
        return "is not a policy setting (check its spelling and the table it is in)."
    if kind == "missing":
        return "is missing."
    message = str(error["msg"]).removeprefix("Value error, ")
    got = error.get("input")
    shown = ("" if isinstance(got, dict | list | bool) or got is None  # (a bool: said above)
             else f" (got {got!r})")
    return f"{message[0].lower()}{message[1:]}{shown}."


def policy_toml(policy: Policy) -> str:
    """The policy as a TOML file that `load_policy` reads back to the same policy."""
    data = policy.model_dump(mode="json", exclude_none=True)
    return tomli_w.dumps(data)


# --------------------------------------------------------------------------- percentages


def as_fraction(num: Num, policy: Policy) -> tuple[float | None, bool]:
    """THE rule for reading a percentage figure: (value as a fraction, was it rescaled).

    Excel keeps 29.3% as 0.293 and "29.3%" typed as text reads as 0.293: both are kept. A plain
    number above `percentages.plain_number_above` (1.5) with no % sign is a percentage number
    an officer typed into a % column, 29.3 meaning 29.3%: it is divided by 100, and callers say
    so in their explanation. Not a number -> (None, False).
    """
    if num.kind is not NumKind.NUMBER or num.value is None:
        return None, False
    if not num.percent and abs(num.value) > policy.percentages.plain_number_above:
        return num.value / 100, True
    return num.value, False
