"""Shared test fixtures: example workbooks and generated plan workbooks."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from xl_plans.template import save_workbook, tables_workbook

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "workbooks" / "examples"
sys.path.insert(0, str(EXAMPLES))  # the build script, importable as `build`

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")


@pytest.fixture(autouse=True)
def no_council_policy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The defaults, whatever policy file the machine running the tests has set up (the ribbon
    and the command line both look for one: excel_setup.policy_source)."""
    monkeypatch.delenv("XL_PLANS_POLICY", raising=False)
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


def example(name: str) -> Path:
    """An example workbook by its file stem, e.g. "three_rivers_housing_2022_25"."""
    return EXAMPLES / f"{name}.xlsx"


@pytest.fixture
def make_plan(tmp_path: Path) -> Callable[..., Path]:
    """Write a plan workbook from tables of cell values, keyed by sheet and header, exactly as
    given (mistakes included): make_plan({"Plan": {"Service": "Housing"},
    "KPIs": [{"Ref": "H1", "Q1": "85%"}]}) -> path. Unknown headers become extra columns."""

    def make(tables: dict[str, Any], name: str = "plan.xlsx") -> Path:
        path = tmp_path / name
        save_workbook(tables_workbook(tables), path, overwrite=True)
        return path

    return make


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under a folder and its bytes: to prove nothing was changed or left behind."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
