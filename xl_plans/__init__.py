"""xl_plans: validate, score and consolidate council service plans kept in Excel workbooks."""

from xl_plans.errors import WorkbookError
from xl_plans.model import Plan
from xl_plans.reader import read_plan, read_workbook

__version__ = "0.1.0"

__all__ = ["Plan", "WorkbookError", "__version__", "read_plan", "read_workbook"]
