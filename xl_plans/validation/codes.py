"""The closed catalogue of issue codes: what each means, how severe it is, and an example.

Codes are stable: tools and officers' notes refer to them. Add a code here before any check
raises it (an Issue with an unknown code is refused), and regenerate docs/issue-codes.md
(`python -m xl_plans.validation.docs`). The file-level codes are the reader's own
(errors.FILE_PROBLEMS): a file that cannot be read is reported with the reader's code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from xl_plans.errors import FILE_PROBLEMS


class Severity(StrEnum):
    ERROR = "error"  # must be fixed before the plan goes to committee or finance
    WARNING = "warning"  # should be fixed
    QUERY = "query"  # must be explained in a comment


SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.QUERY: 2}


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    group: str  # where the docs list it
    title: str
    when: str  # what raises it
    example: str  # a case that raises it, and the message an officer sees
    hint: str  # the default advice; a check may give a more specific one


_FILE_EXAMPLES = {
    "file-not-found": "`xl-plans validate Housing.xlsx` where there is no such file.",
    "not-a-file": "A folder named `Housing.xlsx`.",
    "file-unreadable": "A plan on a share the user has no permission to read.",
    "file-empty": "A 0-byte `Housing.xlsx` left by a failed copy.",
    "lock-file": "`~$Housing.xlsx`, which Excel writes while someone has Housing.xlsx open.",
    "legacy-xls": "A `.xls` workbook from Excel 2003, or one renamed `.xlsx`.",
    "encrypted": "A plan saved with File > Info > Protect Workbook > Encrypt with Password.",
    "xlsb-not-supported": "`Housing.xlsb` (Excel binary workbook).",
    "ods-not-supported": "A plan saved from LibreOffice as `.ods`, or renamed `.xlsx`.",
    "word-document": "A Word document renamed `Housing.xlsx`.",
    "text-not-workbook": "A CSV export or a web page saved with an `.xlsx` name.",
    "not-a-workbook": "A zip archive or an image with an `.xlsx` name.",
    "corrupt-workbook": "A workbook truncated by an interrupted download, or failing its CRC.",
    "unsafe-workbook": "A part declaring XML entities (billion laughs, external entities), a "
    "part named `../../evil`, or a 400 KB file that inflates to gigabytes.",
    "too-large": "A sheet with a million rows, or parts inflating past 256 MB.",
}

FILE_CODES: dict[str, Code] = {
    code: Code(code, Severity.ERROR, "The file", what[0].upper() + what[1:].rstrip("."),
               "The file cannot be read as a plan workbook, so nothing else is checked.",
               _FILE_EXAMPLES.get(code, ""), todo)  # a test requires every example
    for code, (what, todo) in FILE_PROBLEMS.items()
}

E, W, Q = Severity.ERROR, Severity.WARNING, Severity.QUERY

_CHECKS: tuple[Code, ...] = (
    # ------------------------------------------------------------------ the workbook
    Code("not-a-plan", E, "The workbook", "Not a service plan",
         "The workbook opens but has none of a plan's sheets (Plan, Priorities, KPIs, Risks, "
         "...): probably the wrong file.",
         "A budget monitoring workbook with sheets `Summary` and `Detail`.",
         "Check you picked the plan; a new plan starts from the template (xl-plans new)."),
    Code("sheet-missing", E, "The workbook", "Required sheet missing",
         "A sheet every plan must have (Plan, Priorities, KPIs, Risks) is not found under its "
         "name or a known synonym. The message lists the sheets found and the closest name.",
         "Sheets `Plan, Priorities, KPI's 2024, Risks`: \"There is no KPIs sheet; the sheets "
         "are Plan, Priorities, KPI's 2024, Risks. Is it KPI's 2024?\"",
         "Rename the sheet to its template name, or add it from the template."),
    Code("plan-empty", W, "The workbook", "Nothing in the plan yet",
         "The plan's sheets are there but hold no priorities, KPIs, risks, project milestones "
         "or contracts: it has not been filled in, and a council summary would list the "
         "service with no indicators, risks or deadlines.",
         "A new template with only the Plan sheet and a Budget line filled in.",
         "Fill in the service's priorities, KPIs and risks, one row each."),
    Code("sheet-hidden", W, "The workbook", "Plan sheet hidden",
         "A plan sheet is hidden: its rows are read and reported, but officers and reviewers "
         "may not see them.",
         "The Risks sheet hidden with Format > Hide.",
         "Unhide it (right-click a sheet tab > Unhide) so reviewers see what is reported."),
    Code("header-row-missing", E, "The workbook", "No header row",
         "A plan sheet has no row, in its first 30, holding at least two of its column headers, "
         "so none of its rows can be read.",
         "A KPIs sheet whose headers were deleted, or typed in row 40.",
         "Restore the header row from the template (Ref, Indicator, ...) above the data."),
    Code("column-missing", E, "The workbook", "Required column missing",
         "A column the sheet must have is not found under its header or a synonym. The "
         "message suggests the closest header present.",
         "KPIs with a header `Anual Trgt`: \"The KPIs sheet has no Annual Target column; is it "
         "'Anual Trgt' (column H)?\"",
         "Rename the header to the template's, or add the column."),
    Code("column-unrecognised", W, "The workbook", "Header close to a known column",
         "A header is not recognised but is close to a column the sheet lacks, so its values "
         "are kept as an extra column and not used.",
         "`Polarty` on the KPIs sheet, which has no Polarity column.",
         "Rename the header to the template's."),
    Code("column-duplicated", W, "The workbook", "Column appears twice",
         "Two headers mean the same column; the first is read and the other ignored.",
         "KPIs with both `Target` and `Annual Target` (a synonym).",
         "Delete or rename one of the two columns."),
    Code("column-unnamed", W, "The workbook", "Data under no header",
         "Cells hold data in a column with no header, which is not read.",
         "Notes typed in column X, right of the last header.",
         "Give the column a header (it is kept as an extra column) or move the notes."),
    Code("merged-cells", W, "The workbook", "Merged cells in the data",
         "Cells are merged in a sheet's data area other than a Ref or title merged down "
         "over its rows: only the merge's first cell is read, so the others look blank.",
         "Q1:Q2 merged across on a KPI row: Q2 is read as blank.",
         "Unmerge the cells (Home > Merge & Center > Unmerge) and fill each one."),
    # ------------------------------------------------------------------ the Plan sheet
    Code("plan-detail-missing", E, "The Plan sheet", "Service or plan year missing",
         "The Plan sheet does not say which service or which year the plan is for, so the "
         "plan cannot be consolidated or dated. When Plan Year is blank, the message counts "
         "the date cells holding a quarter without its year (`Q3`), which cannot be placed "
         "until it is filled in.",
         "Plan Year left blank.",
         "Fill in Service and Plan Year (e.g. 2024/25) on the Plan sheet."),
    Code("plan-year-unreadable", E, "The Plan sheet", "Plan year not a financial year",
         "The plan year is not a financial year such as 2024/25, so quarters and dates cannot "
         "be placed in it. The message counts the date cells holding a quarter without its "
         "year (`Q3`), which cannot be placed until the plan year is corrected.",
         "Plan Year `Next year` or `2024/26`.",
         "Type the financial year as 2024/25."),
    Code("plan-year-ambiguous", W, "The Plan sheet", "Plan year typed as one year",
         "The plan year is typed as one calendar year (`2023`): it is read as the financial "
         "year starting then (2023/24), but councils also name a year by its end (\"Budget "
         "2023\" is 2022/23), and every quarter and date of the plan is placed by it.",
         "Plan Year `2023`: \"Plan Year '2023' could mean 2022/23 or 2023/24: read as "
         "2023/24; write it as 2023/24.\"",
         "Type the financial year in full: 2023/24, or 2022/23 if that is the year meant."),
    Code("reporting-quarter-missing", W, "The Plan sheet", "Reporting quarter not set",
         "KPI actuals are filled in but the Plan sheet does not say which quarter is being "
         "reported, so the latest quarter is guessed.",
         "Q1 actuals typed, Reporting Quarter blank.",
         "Choose the Reporting Quarter on the Plan sheet (Q1 to Q4)."),
    Code("reporting-quarter-other-year", W, "The Plan sheet", "Reporting quarter of another year",
         "The Reporting Quarter is typed with a financial year (`Q1 2023/24`) that is not the "
         "plan's year: the quarter is read, but the plan may be last year's copy with its "
         "Plan Year or its quarter not yet changed.",
         "Reporting Quarter `Q4 2022/23` in a 2023/24 plan: \"Reporting Quarter 'Q4 2022/23' "
         "is a quarter of 2022/23, but the Plan Year is 2023/24.\"",
         "Choose the quarter being reported from the dropdown (Q1 to Q4), and check the Plan "
         "Year."),
    Code("template-outdated", W, "The Plan sheet", "Older template",
         "The workbook was made from an older version of the plan template (its Template "
         "Version is older than this xl_plans's), so columns may be missing or named "
         "differently.",
         "Template Version `0.9` when the current template is 1.0.",
         "Copy the plan into a new template (xl-plans new) when convenient."),
    # ------------------------------------------------------------------ cells
    Code("formula-uncalculated", E, "Cells", "Formula never calculated",
         "A cell holds a formula with no calculated value: the file was saved by a tool "
         "that does not calculate, so its value is unknown (not blank).",
         "`=SUM(N2:N5)` in Q1, written by a script and never opened in Excel.",
         "Open the workbook in Excel, let it calculate (F9) and save it."),
    Code("error-cell", E, "Cells", "Error value in a cell",
         "A cell shows an Excel error (#DIV/0!, #REF!, #N/A, #VALUE!): it is never treated "
         "as blank.",
         "Q2 `=Q2_done/Q2_total` giving #DIV/0! because the total is 0.",
         "Fix the formula or its inputs, or clear the cell and explain in the Comment."),
    Code("choice-unknown", E, "Cells", "Value not in the dropdown list",
         "A dropdown cell holds a value that is not one of the allowed ones (nor a known "
         "synonym), so it is not used.",
         "Polarity `Higer`: \"Polarity 'Higer' is not an allowed value (Higher is better, "
         "Lower is better, Target band).\"",
         "Choose a value from the cell's dropdown."),
    Code("not-a-number", E, "Cells", "Text where a number is needed",
         "A cell that must hold a number (this year's actuals, a tolerance, a risk score, a "
         "budget, a contract value) holds text that cannot be read as one, or a date (Excel "
         "turns `1/2` or `5-10` typed in a General cell into one).",
         "Q2 actual `about 40`, or likelihood `High`.",
         "Type a number (40, 85%, £1,200); leave it blank and explain in the Comment if there "
         "is no figure."),
    Code("figure-as-words", W, "Cells", "Target or past figure written as words",
         "A KPI target, a last-year figure or a KPI Years figure is text that is not a "
         "number (or a date Excel made of what was typed): the words are kept, but the "
         "indicator cannot be scored or compared with them. A range (`5-10`, `95% to 105%`) "
         "as the target of a Target band KPI is a band, scored as one, and not raised; on "
         "another KPI the hint suggests Polarity Target band.",
         "Annual Target `50% of all formal presentations`, or a 2006/07 outturn `New "
         "Indicator`.",
         "Type the figure as a number (50%, 260) and put the words in the Comment."),
    Code("date-unreadable", W, "Cells", "Text where a date is needed",
         "A date cell holds text that cannot be read as a date or period, so it cannot be "
         "checked for being overdue or passed. (A quarter typed without its year, `Q3`, "
         "while the Plan Year is blank or unreadable is not raised here: the Plan Year's "
         "issue counts such cells.)",
         "Target Date `Spring / Summer 08` or `When funding allows`.",
         "Type a date (31/03/2025), a month (March 2025) or a quarter (Q3 2024/25)."),
    Code("value-missing", W, "Cells", "Required value blank",
         "A row leaves blank a value its sheet requires (a Ref, an indicator's name, a "
         "milestone's due date, a contract's end date).",
         "A KPI row with no Ref.",
         "Fill it in, or delete the row if it is not needed."),
    # ------------------------------------------------------------------ rows
    Code("duplicate-ref", E, "Rows", "Ref used twice",
         "Two rows have the same Ref where each must be unique (KPIs, risks, contracts, "
         "budget years, a KPI's year), or one Ref names two different priorities or projects.",
         "Two KPIs both `CP3`.",
         "Give each row its own Ref."),
    Code("kpi-ref-unknown", W, "Rows", "KPI Years row for an unknown KPI",
         "A row of the KPI Years sheet has a Ref that is not on the KPIs sheet.",
         "KPI Years row `HN02` when the KPIs are HN01, HN03 and HN10.",
         "Correct the Ref, or add the indicator to the KPIs sheet."),
    # ------------------------------------------------------------------ KPIs
    Code("kpi-target-missing", W, "KPIs", "KPI without a target",
         "An indicator that is not Info only has no target (blank, N/A or TBC), so it cannot "
         "be scored.",
         "Annual Target `TBC` on a Cumulative KPI.",
         "Type the target, or set Measure to Info only if the indicator is reported for "
         "information."),
    Code("kpi-rule-missing", W, "KPIs", "KPI scored on an assumed rule",
         "An indicator with a target leaves Polarity or Measure blank, so it is scored on an "
         "assumption (higher is better; a snapshot) that can turn a Red figure Green.",
         "Missed bin collections, 60 against a target of 50, with Polarity blank: rated "
         "Green.",
         "Choose the Polarity (Higher is better, Lower is better, Target band) and the Measure "
         "(Cumulative, Snapshot, Annual, Info only)."),
    Code("percent-over-100", W, "KPIs", "Percentage over 100%",
         "A % Complete or Tolerance % over 100%, or an indicator's figure over 100% typed "
         "without its % sign, so its scale may have been guessed wrong: a plain number above "
         "the policy's `plain_number_above` (1.5 by default) is read as a percentage number "
         "(85 as 85%), so 150 is 150% and 1.2 is 120%. An indicator's figure typed with its "
         "sign (112% spent against budget) says what it means and is not raised.",
         "% Complete `150`, or a % KPI's Q1 `1.2` meant as 1.2%.",
         "Type the percentage with its sign (15%, 1.2%) or correct it."),
    Code("percent-scale-mixed", W, "KPIs", "Percentages typed two ways",
         "One percentage column, or one % indicator's figures, mix fractions (0.85, which "
         "Excel shows as 85%) with plain percentage numbers (85): both are read as 85%, but "
         "a figure such as 1.2 is then ambiguous, so type them one way.",
         "A % KPI's Annual Target `0.9` and its Q1 `85`.",
         "Type every percentage with its sign: 85%."),
    Code("percent-on-non-percent-kpi", W, "KPIs", "Percentage in a KPI that is not a %",
         "A KPI figure (a target, an actual, last year's or a KPI Years figure) is typed with "
         "a % sign but the indicator's Unit is Number, £ or Yes/No: it is read as a fraction "
         "(90% as 0.9) and scored against the other figures on the wrong scale.",
         "Unit `Number`, Annual Target `90%`, Q1 `85`: \"Annual Target of KPI B is typed as "
         "a percentage ('90%') but the indicator's Unit is Number, so it is read as 0.9.\"",
         "Set the Unit to % if the indicator is a percentage; otherwise type the figure "
         "without the % sign."),
    Code("yes-no-on-figure-kpi", W, "KPIs", "Yes or No as a figure of a KPI that is not Yes/No",
         "A KPI figure (a target, an actual, last year's or a KPI Years figure) is Yes or No but "
         "the indicator's Unit is not Yes/No: it is read as 1 or 0, so \"Yes\" in a % "
         "indicator is 100%.",
         "Unit `%`, Q1 `Yes`: \"Q1 of KPI K16 is 'Yes', read as 1, but its Unit is %: Yes and "
         "No are figures only of a Yes/No indicator.\"",
         "Set the Unit to Yes/No if the indicator is met or not; otherwise type the figure."),
    Code("actual-missing", W, "KPIs", "No figure for the reporting quarter",
         "An indicator that is due has no actual for the reporting quarter, so it is "
         "reported as No data (never Red), and neither its Comment nor its Corrective Action "
         "says why. Once either is filled in, the gap is explained and not raised.",
         "Missed bin collections with Q1 blank and the Comment blank, when the contractor "
         "withheld the data.",
         "Fill in the figure, or say in the Comment why there is none."),
    Code("cumulative-decreases", W, "KPIs", "Cumulative actual goes down",
         "A Cumulative indicator's year-to-date actual is lower than an earlier quarter's, "
         "which a running total cannot be.",
         "Q1 `120`, Q2 `95` for visits year to date.",
         "Check the figures are year-to-date totals, not the quarter's own; correct them or "
         "explain in the Comment."),
    Code("cumulative-profile", W, "KPIs", "Quarter targets not year to date",
         "A Cumulative indicator's quarter targets fall from one quarter to the next, or its "
         "Q4 target is not its annual target: a cumulative measure's quarter targets are "
         "year-to-date totals, so each quarter's figure would be compared with the wrong "
         "amount.",
         "Annual Target `100` with Q1 to Q4 targets `25`, `25`, `25`, `25`.",
         "Type each quarter's target as the total expected by then (25, 50, 75, 100), or set "
         "Measure to Snapshot if each quarter stands alone."),
    Code("actual-after-reporting-quarter", W, "KPIs", "Actual beyond the reporting quarter",
         "An actual is filled in for a quarter after the plan's Reporting Quarter, so it is "
         "not used.",
         "Reporting Quarter Q1 and a Q2 actual typed.",
         "Move the figure to the right quarter, or update the Reporting Quarter on the Plan "
         "sheet."),
    Code("red-kpi-unexplained", Q, "KPIs", "Red KPI without explanation",
         "An indicator is Red for the reporting quarter and has neither a Comment nor a "
         "Corrective Action.",
         "Calls answered 62% against a 90% target, Comment blank.",
         "Say why in the Comment and what is being done in Corrective Action."),
    # ------------------------------------------------------------------ risks
    Code("score-outside-matrix", E, "Risks", "Likelihood or impact off the matrix",
         "A likelihood or impact is not a whole number on the plan's risk matrix (1-5 for "
         "5x5, 1-4 for 4x4; Risk Matrix on the Plan sheet).",
         "Residual Impact `5` on a 4x4 matrix, or likelihood `2.5`.",
         "Score from 1 to the matrix size, or set Risk Matrix on the Plan sheet."),
    Code("risk-matrix-missing", W, "Risks", "Risk matrix not named",
         "Risks are scored but Risk Matrix on the Plan sheet is blank, so they are banded on "
         "the policy's default matrix: a 4x4 register read as 5x5 shows a 16 as High, not "
         "Very High, and most risks within appetite.",
         "A plan made with New plan, risks scored 1-4, Risk Matrix left blank.",
         "Choose the matrix the risks are scored on (4x4 or 5x5) on the Plan sheet."),
    # ------------------------------------------------------------------ budget
    Code("budget-year-missing", W, "Budget", "No budget line for the plan year",
         "The Budget sheet has no line for the plan's own year, so the council summary shows "
         "no budget or FTE for the service (a line for another year is never used instead).",
         "A 2023/24 plan whose Budget sheet has lines for 2022/23 and 2024/25 only.",
         "Add a line for the plan year with its gross and net budget and FTE."),
    Code("budget-year-unreadable", W, "Budget", "Budget year not a financial year",
         "A Budget line's Year is not a financial year such as 2024/25, so it cannot be "
         "matched to the plan year.",
         "Year `This year` on the Budget sheet.",
         "Type the financial year as 2024/25."),
    Code("budget-year-ambiguous", W, "Budget", "Budget year typed as one year",
         "A Budget line's Year is one calendar year (`2024`): it is read as the financial year "
         "starting then (2024/25) and matched to the plan year so, but a council naming its "
         "budgets by the year they end means 2023/24, and the summary would total the wrong "
         "year's figures.",
         "Year `2024` on the Budget sheet: \"Year '2024' on the Budget sheet could mean "
         "2023/24 or 2024/25: read as 2024/25; write it as 2024/25.\"",
         "Type the financial year in full: 2024/25, or 2023/24 if those are that year's "
         "figures."),
    Code("budget-figure-missing", W, "Budget", "Plan year's budget figure not given",
         "The plan year's Budget line leaves the gross budget, net budget or FTE blank, N/A "
         "or TBC: the council summary's totals for the council and the directorate leave this "
         "service's figure out.",
         "Net Budget `TBC` on the 2024/25 line.",
         "Type the figure from the ledger or establishment; if it is not known yet, say so in "
         "the Comment and tell finance, who tie the totals back."),
    Code("budget-figure-unlikely", W, "Budget", "Budget figure unlikely",
         "A gross budget or FTE below zero, or a budget or FTE typed as a percentage: the "
         "figure is totalled as it stands on the council summary, which finance ties back to "
         "the ledger. A net budget may be below zero (income above spending) and is not "
         "questioned.",
         "Gross Budget `-1,250,000` (a sign slipped in), or FTE `12%`.",
         "Type the gross budget and FTE as they stand in the ledger and establishment: "
         "£1,250,000, 24.5."),
    # ------------------------------------------------------------------ delivery
    Code("progress-status-conflict", W, "Rows", "Status and % Complete disagree",
         "A priority outcome's Status is Complete while its % Complete is under 100%, or its % "
         "Complete is 100% while its Status says otherwise (On track, At risk ...). Either way "
         "it is scored as complete, which the committee may read as premature.",
         "Status `On track` with % Complete `100%`: \"% Complete of priority P1 ('Local plan "
         "adopted') is 100% but its Status is On track: it is scored as complete.\"",
         "Make the two agree: Status Complete with 100%, or the share actually done."),
    # ------------------------------------------------------------------ dates
    Code("date-out-of-range", W, "Dates", "Date far from the plan year",
         "A target or due date is more than 2 years before the plan year starts or 5 years "
         "after it ends: usually a mistyped year.",
         "Target Date `31/03/2204` in a 2023/24 plan.",
         "Check the year."),
    Code("contract-dates-reversed", E, "Dates", "Contract ends before it starts",
         "A contract's End Date is before its Start Date.",
         "Start `01/04/2024`, End `31/03/2023`.",
         "Correct the dates (often the years are swapped)."),
    Code("review-date-passed", W, "Dates", "Review date passed",
         "An open risk's or a running contract's Review Date has passed (as of the end of "
         "the reporting quarter, or the start of the plan year when none is set).",
         "Contract review `Summer 2021` in a 2022/23 plan.",
         "Review it and set the next review date."),
)

CHECK_CODES: dict[str, Code] = {code.code: code for code in _CHECKS}
CODES: dict[str, Code] = {**FILE_CODES, **CHECK_CODES}
assert len(CODES) == len(FILE_CODES) + len(_CHECKS), "issue codes must be unique"
