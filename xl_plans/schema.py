"""The plan workbook contract: sheets, headers, synonyms, formats and dropdown lists.

One declaration drives the template, the reader, the validator and the writers (DESIGN.md).
Nothing else in xl_plans names a sheet, a header or a cell position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum, StrEnum

from pydantic import BaseModel

from xl_plans import cellwrite
from xl_plans import model as m

TEMPLATE_VERSION = "1.1"
# What each template version changed, for the template-outdated warning of a plan made from
# an earlier one: what the officer gains by moving the plan into a new template.
TEMPLATE_CHANGES = {
    "1.1": "a month typed into a date column (March 2025) is kept as the month, not its first "
           "day; each column says what it means when selected; risk scores take only 1 to 5",
}


class Kind(StrEnum):
    """How a column's cells are read and formatted."""

    TEXT = "text"
    NUMBER = "number"  # a Num: number-like, text kept
    PERCENT = "percent"  # a Num shown as a percentage
    MONEY = "money"  # a Num shown in pounds
    WHEN = "when"  # a When: date or period, text kept
    CHOICE = "choice"  # one of an enum's values, offered as a dropdown


NUMBER_FORMATS: dict[Kind, str] = {
    Kind.TEXT: "@",
    Kind.NUMBER: "General",
    Kind.PERCENT: "0.0%",
    Kind.MONEY: '"£"#,##0',
    # General, not a date format: Excel then picks the format from what is typed, and the
    # reader needs it. "March 2025" typed into a General cell gets "mmm-yy", read as the whole
    # month; typed into a dd/mm/yyyy cell it became 01/03/2025, a deadline a month early. And
    # "2019" stays the year 2019, not the day 11/07/1905.
    Kind.WHEN: "General",
    Kind.CHOICE: "@",
}
# How a date xl_plans itself writes into a date column is shown (as every writer shows one).
DATE_FORMAT = cellwrite.DATE_FORMAT


@dataclass(frozen=True)
class Column:
    field: str  # the model attribute
    header: str  # the canonical header the template writes
    kind: Kind = Kind.TEXT
    synonyms: tuple[str, ...] = ()
    required: bool = False
    width: int = 14
    choices: type[Enum] | None = None
    help: str = ""
    number_format: str | None = None  # overrides the kind's format

    @property
    def format(self) -> str:
        return self.number_format or NUMBER_FORMATS[self.kind]


@dataclass(frozen=True)
class Sheet:
    name: str
    section: str  # the Plan attribute it fills
    model: type[BaseModel]
    columns: tuple[Column, ...]
    synonyms: tuple[str, ...] = ()
    required: bool = False
    help: str = ""
    # Columns whose vertically merged cells apply to every row they span (a priority's Ref
    # merged over its outcomes); other merged cells are read once, at their top-left cell.
    # The ones after the Ref are also what a row left blank shares with an earlier row of the
    # same Ref (a priority's title typed on its first outcome only, as seed 000 does).
    key_fields: tuple[str, ...] = field(default=())

    def column(self, field_name: str) -> Column:
        for column in self.columns:
            if column.field == field_name:
                return column
        raise KeyError(field_name)


def _c(
    field_name: str, header: str, kind: Kind = Kind.TEXT, *synonyms: str, **kw: object
) -> Column:
    return Column(field_name, header, kind, tuple(synonyms), **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the Plan sheet

PLAN_SHEET = "Plan"
PLAN_SYNONYMS = ("Plan Details", "Details", "Cover", "Service Plan", "About")
PLAN_HEADERS = ("Field", "Value")
PLAN_FIELDS: tuple[Column, ...] = (
    _c("council", "Council", Kind.TEXT, "Authority", "Council Name", width=40),
    _c("service", "Service", Kind.TEXT, "Service Name", "Service Area", "Department",
       required=True),
    _c("directorate", "Directorate", Kind.TEXT, "Division", "Directorate Name"),
    _c("head_of_service", "Head of Service", Kind.TEXT, "Manager of Service",
       "Managers of Service", "Service Manager", "Head of Service Name", "Director"),
    _c("cabinet_member", "Cabinet Member", Kind.TEXT, "Portfolio Holder", "Lead Member",
       "Cabinet Members"),
    _c("plan_year", "Plan Year", Kind.TEXT, "Year", "Financial Year", required=True,
       help="The financial year the plan covers, e.g. 2024/25."),
    _c("plan_period", "Plan Period", Kind.TEXT, "Period", "Plan Years",
       help="For a plan over several years, e.g. 2022-2025."),
    _c("reporting_quarter", "Reporting Quarter", Kind.CHOICE, "Quarter", "Current Quarter",
       "Reporting Period", choices=m.Quarter,
       help="Q1, Q2, Q3 or Q4: the latest quarter with actuals filled in."),
    _c("version", "Version", Kind.TEXT, "Version Number", "Plan Version"),
    _c("risk_matrix", "Risk Matrix", Kind.CHOICE, "Matrix", "Risk Scale", choices=m.RiskMatrix,
       help="4x4 or 5x5: the scale your risk scores use."),
    _c("template_version", "Template Version", Kind.TEXT, help="Filled in by xl_plans."),
)

# --------------------------------------------------------------------------- the data sheets

_QUARTERS = (1, 2, 3, 4)

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "Priorities", "priorities", m.Priority, required=True,
        synonyms=("Service Priorities", "Priority", "Outcomes", "Service Priority"),
        key_fields=("ref", "priority", "theme"),
        help="One row per outcome. A priority with several outcomes or dates takes several "
        "rows with the same Ref; its Priority and Corporate Theme may be left blank after the "
        "first.",
        columns=(
            _c("ref", "Ref", Kind.TEXT, "Reference", "No", "Number", "Priority Ref", "ID",
               required=True, width=8),
            _c("priority", "Priority", Kind.TEXT, "Service Priority", "Priority Title",
               "Objective", "Key Task", "Action", required=True, width=45),
            _c("theme", "Corporate Theme", Kind.TEXT, "Link to Corporate Plan", "Theme",
               "Corporate Priority", "Corporate Plan Link", "Links to Corporate Plan",
               width=20),
            _c("outcome", "Outcome", Kind.TEXT, "Expected Outcome", "Expected Outcomes",
               "Outcomes", "Success Measure", "Deliverable", width=45),
            _c("target_date", "Target Date", Kind.WHEN, "Target Completion Date",
               "Completion Date", "Due Date", "Deadline", "Date", "Timescale", width=16,
               help="When the outcome is due. A date (31/03/2025), a month (March 2025: its last "
                    "day), a quarter (Q3 2024/25) or 'March 2025 and ongoing'."),
            _c("lead", "Lead", Kind.TEXT, "Lead Officer", "Responsible Officer", "Owner",
               width=18),
            _c("status", "Status", Kind.CHOICE, "Progress Status", "RAG Status",
               choices=m.Status, width=14,
               help="Where the outcome stands. An outcome past its date and not Complete is Red "
                    "whatever its status."),
            _c("percent_complete", "% Complete", Kind.PERCENT, "Percent Complete",
               "Percentage Complete", "Progress %", "Complete %", width=12,
               help="How much is done, 0% to 100%: compared with the time gone to the Target Date "
                    "(behind is Amber, far behind Red); 100% is complete."),
            _c("update", "Update", Kind.TEXT, "Progress Update", "Comment", "Comments",
               "Progress", "Commentary", width=45),
        ),
    ),
    Sheet(
        "KPIs", "kpis", m.Kpi, required=True,
        synonyms=("KPI", "Performance Indicators", "Indicators", "PIs", "Performance",
                  "Key Performance Indicators"),
        help="One row per indicator. Targets and actuals are numbers; a % is typed as 85%. "
        "Quarter targets are an optional profile; leave a quarter blank when there is no data.",
        columns=(
            _c("ref", "Ref", Kind.TEXT, "KPI", "KPI Ref", "PI Ref", "Reference", "Code", "ID",
               "No", required=True, width=8),
            _c("indicator", "Indicator", Kind.TEXT, "Description", "KPI Description",
               "Key Performance Indicator (KPI) description", "Performance Indicator",
               "Measure Description", "Indicator Name", "KPI Name", required=True, width=45),
            _c("theme", "Corporate Theme", Kind.TEXT, "Theme", "Link to Corporate Plan",
               "Corporate Priority", width=18),
            _c("lead", "Lead", Kind.TEXT, "Lead Officer", "Responsible Officer", "Owner",
               width=16),
            _c("polarity", "Polarity", Kind.CHOICE, "Good Performance Is", "Direction",
               "Better Is", choices=m.Polarity, width=16,
               help="Higher is better (e.g. % collected), Lower is better (e.g. days to decide), "
                    "or Target band (within a range such as 95% to 105%). Blank: higher is "
                    "better."),
            _c("measure", "Measure", Kind.CHOICE, "Measure Type", "Type", "Calculation",
               choices=m.Measure, width=13,
               help="Cumulative: the year so far, judged against the target pro rata (Q2: half). "
                    "Snapshot: each quarter's own figure against the target. Annual: judged at Q4. "
                    "Info only: not rated."),
            _c("unit", "Unit", Kind.CHOICE, "Units", "Unit of Measure", choices=m.Unit,
               width=9,
               help='%, Number, £ or Yes/No. Type percentages with a % sign: 85%.'),
            _c("annual_target", "Annual Target", Kind.NUMBER, "Target", "Year Target",
               "Annual Target 2024/25", "Full Year Target", required=True, width=14,
               help="The year's target: 85%, 120, £25, Yes; a band as 95% to 105%. 'INFO ONLY' for "
                    "an indicator that is not rated."),
            _c("tolerance", "Tolerance %", Kind.PERCENT, "Tolerance", "Amber Tolerance",
               width=11,
               help="How far short of the target is still Amber, as a share of it: 10% on a 50% "
                    "target is Amber down to 45%. Blank: the council's policy."),
            *(_c(f"q{q}_target", f"Q{q} Target", Kind.NUMBER, f"Target Q{q}",
                 f"Quarter {q} Target", width=11) for q in _QUARTERS),
            *(_c(f"q{q}", f"Q{q}", Kind.NUMBER, f"Q{q} Actual", f"Actual Q{q}",
                 f"Quarter {q}", f"Quarter {q} Actual", width=11) for q in _QUARTERS),
            *(_c(f"last_year_q{q}", f"Last Year Q{q}", Kind.NUMBER, f"Q{q} Last Year",
                 f"Previous Year Q{q}", f"LY Q{q}", width=13) for q in _QUARTERS),
            _c("comment", "Comment", Kind.TEXT, "Comments", "Commentary", "Performance Comment",
               "Update", width=40,
               help="Why the figures are what they are; needed for a Red indicator or a blank "
                    "quarter."),
            _c("corrective_action", "Corrective Action", Kind.TEXT, "Action",
               "Actions", "Remedial Action", "Improvement Action", width=40,
               help='What will bring a Red or Amber indicator back on track, by whom and when.'),
        ),
    ),
    Sheet(
        "KPI Years", "kpi_years", m.KpiYear,
        synonyms=("KPI History", "Multi-year Targets", "KPI Targets", "Multi Year", "Outturns"),
        help="Targets and outturns of other years for multi-year plans: one row per indicator "
        "per year. The Ref is the indicator's Ref on the KPIs sheet.",
        columns=(
            _c("ref", "Ref", Kind.TEXT, "KPI", "KPI Ref", required=True, width=8),
            _c("year", "Year", Kind.TEXT, "Financial Year", "Plan Year", required=True,
               width=10),
            _c("target", "Target", Kind.NUMBER, "Year Target", width=14),
            _c("outturn", "Outturn", Kind.NUMBER, "Actual", "Result", width=14),
            _c("benchmark", "Benchmark", Kind.NUMBER, "Top Quartile", "Comparator", width=14),
            _c("comment", "Comment", Kind.TEXT, "Comments", "Note", width=40),
        ),
    ),
    Sheet(
        "Risks", "risks", m.Risk, required=True,
        synonyms=("Risk Register", "Risk", "Risk Management", "Service Risks"),
        help="Score likelihood and impact on your council's matrix (see Risk Matrix on the "
        "Plan sheet).",
        columns=(
            _c("ref", "Ref", Kind.TEXT, "Risk Ref", "Reference", "ID", "No", required=True,
               width=8),
            _c("risk", "Risk", Kind.TEXT, "Risk Description", "Description", "Risk Title",
               required=True, width=45),
            _c("category", "Category", Kind.TEXT, "Risk Category", "Type", width=14),
            _c("owner", "Owner", Kind.TEXT, "Risk Owner", "Lead", width=16),
            _c("inherent_likelihood", "Inherent Likelihood", Kind.NUMBER,
               "Inherent Likelihood Score", "Gross Likelihood", width=11,
               help="Likelihood before any controls: 1 (rare) to 4 or 5 (almost certain), on the "
                    "Risk Matrix of the Plan sheet."),
            _c("inherent_impact", "Inherent Impact", Kind.NUMBER, "Inherent Impact Score",
               "Gross Impact", width=11,
               help="Impact before any controls: 1 (minor) to 4 or 5 (critical), on the Risk "
                    "Matrix of the Plan sheet."),
            _c("controls", "Controls", Kind.TEXT, "Existing Controls", "Mitigation",
               "Mitigating Actions", "Controls in Place", width=40),
            _c("residual_likelihood", "Residual Likelihood", Kind.NUMBER,
               "Residual Likelihood Score", "Net Likelihood", "Likelihood", "Current Likelihood",
               required=True, width=11,
               help="Likelihood with today's controls, 1 to 4 or 5: the risk is scored, banded and "
                    "judged against appetite on this and Residual Impact."),
            _c("residual_impact", "Residual Impact", Kind.NUMBER, "Residual Impact Score",
               "Net Impact", "Impact", "Current Impact", required=True, width=11,
               help="Impact with today's controls, 1 to 4 or 5: with Residual Likelihood, the "
                    "risk's score."),
            _c("target_likelihood", "Target Likelihood", Kind.NUMBER, "Target Likelihood Score",
               width=11,
               help='Likelihood aimed for once further actions are taken, 1 to 4 or 5.'),
            _c("target_impact", "Target Impact", Kind.NUMBER, "Target Impact Score", width=11,
               help='Impact aimed for once further actions are taken, 1 to 4 or 5.'),
            _c("review_date", "Review Date", Kind.WHEN, "Next Review", "Review", width=13,
               help="When the risk is next reviewed; a date passed is flagged. A date "
                    "(31/03/2025), a month (March 2025: its last day), a quarter (Q3 2024/25) or "
                    "'March 2025 and ongoing'."),
            _c("status", "Status", Kind.CHOICE, "Risk Status", choices=m.RiskStatus, width=10),
        ),
    ),
    Sheet(
        "Projects", "milestones", m.Milestone,
        synonyms=("Milestones", "Project Milestones", "Project", "Project Management"),
        key_fields=("ref", "project", "outcome", "manager", "sponsor"),
        help="One row per milestone; a project with several milestones takes several rows "
        "with the same Ref (its Project, Outcome, Manager and Sponsor may be left blank after "
        "the first). Due may be a date or a quarter such as Q3 2024/25.",
        columns=(
            _c("ref", "Ref", Kind.TEXT, "Project Ref", "Reference", "ID", width=8),
            _c("project", "Project", Kind.TEXT, "Project Title", "Project Name", required=True,
               width=35),
            _c("outcome", "Outcome", Kind.TEXT, "Proposed Outcome", "Expected Outcome",
               width=35),
            _c("manager", "Manager", Kind.TEXT, "Project Manager", width=18),
            _c("sponsor", "Sponsor", Kind.TEXT, "Project Sponsor", width=18),
            _c("milestone", "Milestone", Kind.TEXT, "Milestones", "Milestone Description",
               required=True, width=40),
            _c("due", "Due", Kind.WHEN, "Due Date", "Milestone Date", "Target Date", "When",
               required=True, width=14,
               help="When the milestone is due. A date (31/03/2025), a month (March 2025: its last "
                    "day), a quarter (Q3 2024/25) or 'March 2025 and ongoing'."),
            _c("status", "Status", Kind.CHOICE, "Milestone Status", choices=m.Status, width=14),
        ),
    ),
    Sheet(
        "Contracts", "contracts", m.Contract,
        synonyms=("Contract Register", "Contract", "Contracts Register"),
        columns=(
            _c("ref", "Ref", Kind.TEXT, "Contract Ref", "Reference", "ID", width=8),
            _c("contract", "Contract", Kind.TEXT, "Title of Agreement", "Contract Title",
               "Contract Name", "Title", required=True, width=35),
            _c("supplier", "Supplier", Kind.TEXT, "Supplier Name", "Contractor", "Provider",
               width=25),
            _c("description", "Description", Kind.TEXT,
               "Description of the goods and / or services being provided", "Services",
               width=40),
            _c("contact", "Contact", Kind.TEXT, "Service Contact", "Contract Manager",
               "Officer", width=18),
            _c("value", "Value", Kind.MONEY, "Contract Sum", "Contract Sum £", "Contract Value",
               "Annual Value", "Value £", width=14,
               help="The contract's value in pounds (£250,000); say whether a year's or the whole "
                    "contract's in Value Basis."),
            _c("value_basis", "Value Basis", Kind.CHOICE, "Basis", choices=m.ValueBasis,
               width=11),
            _c("start_date", "Start Date", Kind.WHEN, "Start", "Commenced", width=13),
            _c("end_date", "End Date", Kind.WHEN, "End", "Expiry Date", "Expiry", required=True,
               width=13,
               help="When the contract ends: flagged 12 and 6 months before. A date (31/03/2025), "
                    "a month (March 2025: its last day), a quarter (Q3 2024/25) or 'March 2025 and "
                    "ongoing'."),
            _c("review_date", "Review Date", Kind.WHEN, "Review", width=13),
            _c("extension_option", "Extension Option", Kind.TEXT,
               "Option to extend and length of extension", "Option to Extend", "Extension",
               width=30,
               help="Whether the contract can be extended and for how long, e.g. 'Yes, 2 x 12 "
                    "months' or 'No'."),
        ),
    ),
    Sheet(
        "Budget", "budget", m.BudgetLine,
        synonyms=("Budgets", "Finance", "Resources", "Budget and Staff"),
        help="One row per financial year: gross and net budget in pounds, staff in FTE.",
        columns=(
            _c("year", "Year", Kind.TEXT, "Financial Year", "Budget Year", required=True,
               width=10),
            _c("gross_budget", "Gross Budget", Kind.MONEY, "Gross", "Gross Expenditure",
               "Gross Budget £", width=15,
               help="The year's gross expenditure budget in pounds."),
            _c("net_budget", "Net Budget", Kind.MONEY, "Net", "Net Expenditure", "Net Budget £",
               width=15,
               help="The year's net budget in pounds (gross less income): what the council summary "
                    "totals."),
            _c("fte", "FTE", Kind.NUMBER, "Staff FTE", "Staff", "Staff Resources", width=9,
               number_format="0.00",
               help='Staff in full-time equivalents, e.g. 24.5.'),
            _c("comment", "Comment", Kind.TEXT, "Comments", "Note", "Notes", width=45),
        ),
    ),
    Sheet(
        "Versions", "versions", m.VersionEntry,
        synonyms=("Version Control", "Version History", "Change Log"),
        columns=(
            _c("version", "Version", Kind.TEXT, "Version No", "Version Number", required=True,
               width=10),
            _c("date", "Date", Kind.WHEN, "Version Date", width=13),
            _c("author", "Author", Kind.TEXT, "Updated By", "Owner", width=18),
            _c("changes", "Changes", Kind.TEXT, "Summary of Changes", "Details", "Description",
               "Amendments", width=50),
        ),
    ),
)

SHEETS_BY_NAME: dict[str, Sheet] = {sheet.name: sheet for sheet in SHEETS}

# Sheets the tool writes and never reads as input.
STATUS_SHEET = "Status"
CHECKS_SHEET = "Checks"
GUIDANCE_SHEET = "Guidance"
OUTPUT_SHEETS = (STATUS_SHEET, CHECKS_SHEET, GUIDANCE_SHEET)
GUIDANCE_TITLE = "How to fill in this service plan"
# The Checks sheet's columns: one row per validation issue, the Cell linking to the cell.
CHECKS_HEADERS = ("Severity", "Cell", "Code", "Column", "Value", "Problem", "What to do")

# How xl_plans knows a sheet it wrote earlier (replaced when it writes again) from an officer's
# own sheet of the same name (never replaced): the top rows it has written in every release,
# cell by cell from A1, as patterns the cell's text must match in full. A prefix of A1 alone
# was too weak: an officer's own "Status: draft for CMT", or "Severity" heading a checklist,
# was taken for ours and cleared.
TOOL_SHEET_MARKS: dict[str, tuple[tuple[str, ...], ...]] = {
    # A1 "Status: Housing 2024/25, Q2"; A2 "[Council. ]Computed [from plan.xlsx ]as of ... by
    # xl_plans 0.1.0. Do not edit: compute it again instead." (status_sheet._title)
    STATUS_SHEET: ((r"Status: .+, Q[1-4]",),
                   (r".*Computed .+ by xl_plans \S+\. Do not edit: compute it again instead\.",)),
    CHECKS_SHEET: (tuple(re.escape(header) for header in CHECKS_HEADERS),),  # the header row
    GUIDANCE_SHEET: ((re.escape(GUIDANCE_TITLE),),),
}
TOOL_MARK_ROWS = max(len(rows) for rows in TOOL_SHEET_MARKS.values())
TOOL_MARK_COLUMNS = max(len(row) for rows in TOOL_SHEET_MARKS.values() for row in rows)


def written_by_tool(sheet_name: str, top: list[list[object]]) -> bool:
    """Was this sheet (one of the names xl_plans writes) written by xl_plans? `top` is the
    sheet's first rows as read: rows of values from A1 (TOOL_MARK_ROWS rows of
    TOOL_MARK_COLUMNS cells are enough)."""
    mark = TOOL_SHEET_MARKS.get(sheet_name)
    if mark is None:
        return False

    def text(row: int, col: int) -> object:
        cells = top[row] if row < len(top) else ()
        return cells[col] if col < len(cells) else None

    return all(isinstance(value := text(row, col), str)
               and re.fullmatch(pattern, value, re.DOTALL) is not None
               for row, patterns in enumerate(mark) for col, pattern in enumerate(patterns))


def not_ours_message(sheet_name: str) -> str:
    return (f"The workbook already has a sheet named '{sheet_name}' that xl_plans did not "
            f"write, and it would be replaced: rename that sheet, then try again.")


# A risk's scores: whole numbers on the plan's matrix (the template's input check, validation).
RISK_SCORE_FIELDS = ("inherent_likelihood", "inherent_impact", "residual_likelihood",
                     "residual_impact", "target_likelihood", "target_impact")

# The settings sheet of a council summary workbook, read by the ribbon's Consolidate button:
# rows of Field | Value like the Plan sheet. The tool creates it, the officer fills it in.
SETTINGS_SHEET = "xl_plans settings"
SETTINGS_HEADERS = ("Field", "Value", "Notes")
SETTINGS_FIELDS: tuple[Column, ...] = (
    Column("folder", "Folder", help="The folder holding the service plans (subfolders too). "
           "A relative folder is taken from this workbook's folder.", required=True, width=60),
    Column("quarter", "Quarter", Kind.CHOICE, ("Reporting Quarter",), choices=m.Quarter,
           required=True, help="The quarter to report: Q1, Q2, Q3 or Q4."),
    Column("year", "Year", Kind.TEXT, ("Plan Year",),
           help="The plan year, e.g. 2024/25. Blank: the year most plans are for."),
    Column("services", "Services", Kind.TEXT, ("Expected Services",),
           help="Optional: the services expected, separated by semicolons or line breaks, "
           "to list any with no plan."),
)

# How far down a sheet the reader looks for the header row, and how many rows the template
# formats and offers dropdowns on.
HEADER_SEARCH_ROWS = 30
TEMPLATE_ROWS = 500

# --------------------------------------------------------------------------- dropdown synonyms

# Words officers use for dropdown values, keyed as values.normalise_key() keys them.
CHOICE_SYNONYMS: dict[type[Enum], dict[str, Enum]] = {
    m.Polarity: {
        **dict.fromkeys(("higher", "high", "up", "increase", "biggerisbetter", "higherbetter",
                         "maximise", "more"), m.Polarity.HIGHER),
        **dict.fromkeys(("lower", "low", "down", "decrease", "smallerisbetter", "lowerbetter",
                         "minimise", "less", "fewer"), m.Polarity.LOWER),
        **dict.fromkeys(("band", "range", "targetrange", "withinband", "withinrange"),
                        m.Polarity.BAND),
    },
    m.Measure: {
        **dict.fromkeys(("cumulative", "ytd", "yeartodate", "cum"), m.Measure.CUMULATIVE),
        **dict.fromkeys(("snapshot", "pointintime", "quarterly", "inquarter", "rate"),
                        m.Measure.SNAPSHOT),
        **dict.fromkeys(("annual", "yearly", "yearend", "annually"), m.Measure.ANNUAL),
        **dict.fromkeys(("infoonly", "information", "informationonly", "info",
                         "forinformation"), m.Measure.INFO_ONLY),
    },
    m.Unit: {
        **dict.fromkeys(("number", "no", "count", "numeric", "n"), m.Unit.NUMBER),
        **dict.fromkeys(("pct", "percent", "percentage"), m.Unit.PERCENT),
        **dict.fromkeys(("gbp", "pounds", "money", "cost", "gbppounds"), m.Unit.MONEY),
        **dict.fromkeys(("yesno", "yn", "boolean"), m.Unit.YES_NO),
    },
    m.Status: {
        **dict.fromkeys(("notyetstarted", "notstarted", "planned", "tostart"),
                        m.Status.NOT_STARTED),
        # ("On-going", as seed 002 has it: work under way, the plan's on-track state)
        **dict.fromkeys(("ontrack", "green", "ontarget", "inprogress", "progressing",
                         "g", "ongoing"), m.Status.ON_TRACK),
        **dict.fromkeys(("atrisk", "amber", "slipping", "someslippage", "a"), m.Status.AT_RISK),
        **dict.fromkeys(("offtrack", "red", "delayed", "behind", "behindschedule", "r"),
                        m.Status.OFF_TRACK),
        **dict.fromkeys(("complete", "completed", "done", "achieved", "finished", "delivered"),
                        m.Status.COMPLETE),
        **dict.fromkeys(("onhold", "paused", "deferred", "postponed"), m.Status.ON_HOLD),
        **dict.fromkeys(("cancelled", "canceled", "withdrawn", "abandoned"),
                        m.Status.CANCELLED),
    },
    m.RiskStatus: {
        **dict.fromkeys(("open", "live", "active", "current", "ongoing"), m.RiskStatus.OPEN),
        **dict.fromkeys(("closed", "retired", "archived"), m.RiskStatus.CLOSED),
    },
    m.ValueBasis: {
        **dict.fromkeys(("annual", "perannum", "pa", "peryear", "yearly"), m.ValueBasis.ANNUAL),
        **dict.fromkeys(("total", "contractsum", "whole", "wholelife", "lifetime", "oneoff"),
                        m.ValueBasis.TOTAL),
    },
    m.Quarter: {
        **{f"quarter{q}": m.Quarter(f"Q{q}") for q in _QUARTERS},
        **{str(q): m.Quarter(f"Q{q}") for q in _QUARTERS},
    },
    m.RiskMatrix: {
        **dict.fromkeys(("4by4", "44", "4", "four"), m.RiskMatrix.FOUR),
        **dict.fromkeys(("5by5", "55", "5", "five"), m.RiskMatrix.FIVE),
    },
}


def choice_labels(enum: type[Enum]) -> list[str]:
    """The dropdown list for an enum, in declaration order."""
    return [str(member.value) for member in enum]
