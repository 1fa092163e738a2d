"""The ids of the buttons on the "Service Plans" ribbon tab: the one list both sides agree on.

Excel passes a clicked button's id (`control.Id`, from `macros/customUI.xml`) to
`xl_plans.excel.run(action_id)`, which looks the id up here and calls the matching action.
tests/test_addin.py checks that the ribbon's buttons and this list are the same set, so a button
without a Python action (or an action without a button) cannot be released.
"""

from __future__ import annotations

from enum import StrEnum


class RibbonAction(StrEnum):
    """One ribbon button; the value is the button's `id` in customUI.xml."""

    NEW_PLAN = "new_plan"
    VALIDATE = "validate"
    UPDATE_STATUS = "update_status"
    CONSOLIDATE = "consolidate"
    CHECK_SETUP = "check_setup"
    HELP = "help"
