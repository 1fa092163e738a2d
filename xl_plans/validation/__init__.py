"""Validation: every problem in a plan workbook, explained, and pointed at its cell.

    from xl_plans.validation import validate
    report = validate("Housing 2024-25.xlsx")
    for issue in report.issues:
        print(issue)          # Housing 2024-25.xlsx: KPIs!N7: [not-a-number] Q1 of KPI H3 ...

The codes are listed in codes.py and docs/issue-codes.md.
"""

from xl_plans.validation.codes import CODES, Code, Severity
from xl_plans.validation.report import Issue, Report
from xl_plans.validation.run import validate

__all__ = ["CODES", "Code", "Issue", "Report", "Severity", "validate"]
