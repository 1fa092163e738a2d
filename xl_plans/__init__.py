"""xl_plans: validate, score and consolidate council service plans kept in Excel workbooks."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xl_plans.errors import WorkbookError
    from xl_plans.model import Plan
    from xl_plans.reader import read_plan, read_workbook

__version__ = "0.1.0"

__all__ = ["Plan", "WorkbookError", "__version__", "read_plan", "read_workbook"]

# Loaded when first used, not with the package: the command's launcher (launch.py) must set its
# Ctrl-C handler before pandas, pydantic and calamine load.
_WHERE = {"Plan": "xl_plans.model", "WorkbookError": "xl_plans.errors",
          "read_plan": "xl_plans.reader", "read_workbook": "xl_plans.reader"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'xl_plans' has no attribute {name!r}")
