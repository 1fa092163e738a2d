"""Hart District Council Community & Partnerships service plan 2008/09: transcription of seed
002_a680f01d54547714.txt.

A DRAFT single-year service plan for Community and Partnerships (community safety, CCTV and
community/partnership work). It holds a mission statement, links to the Corporate Plan and
strategies, a service planning checklist, 2007/08 and 2008/09 revenue budgets and FTE, a
multi-year KPI table (2006/07 outturn and top quartile, 2007/08 target and projected outturn,
2008/09 and 2009/10 targets) and nine tasks/projects (A-I) with timescales. There is no service
priorities table, no risk register (the Red/Amber project risk summary table is empty), no
contracts and no version table. Judgement calls: KPIs with lettered sub-measures (KPI 2 A-E,
KPI 3 A-D) become one KPI row per measure with refs "KPI 2A".."KPI 3D"; the unlabelled second
line of KPI 5 becomes "KPI 5.2"; the 2008/09 target is each KPI's Annual Target and every year's
figures go to KPI Years (top quartile as Benchmark, projected outturn as Outturn with Comment
"projected"); figures with words ("14 R (2)", "260 Visits") are kept as strings; each task's
Timescale/Milestones cell is split into one Projects row per milestone/date.
"""

from datetime import date  # noqa: F401  (no full day-month-year date in the document)

SEED = "002_a680f01d54547714.txt"

_KPI2 = (
    "Sub-measure of KPI 2 'Domestic Violence actions and reports captured.', which the "
    "document marks 'New Indicator' in every year column (2006/07 outturn, 2006/07 top "
    "quartile, 2007/08 target, 2007/08 projected outturn, 2008/09 and 2009/10 targets)."
)

PLAN = {
    "Plan": {
        "Council": "Hart District Council",
        "Service": "Community and Partnerships",
        "Head of Service": (
            "Caroline Ryan – Community Safety Manager; "
            "Lesley Trusler – Community & Partnerships Manager"
        ),
        "Cabinet Member": "Cllr Stephen Gorys",
        "Plan Year": "2008/09",
        "Version": "DRAFT",
    },
    "Priorities": [],
    "KPIs": [
        {
            "Ref": "KPI 1",
            "Indicator": "Reduce British Crime Survey by 15% by 2008",
            "Corporate Theme": "Community Safety",
            "Polarity": "Higher is better",
            "Measure": "Annual",
            "Unit": "%",
            "Annual Target": 0.05,
        },
        {
            "Ref": "KPI 2A",
            "Indicator": "Sanctuary Scheme referrals / Users",
            "Corporate Theme": "Community Safety",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": "14 R (4)",
            "Comment": _KPI2,
        },
        {
            "Ref": "KPI 2B",
            "Indicator": "Perpetrator Programme referrals and attendees.",
            "Corporate Theme": "Community Safety",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": "40 R 27 A",
            "Comment": _KPI2,
        },
        {
            "Ref": "KPI 2C",
            "Indicator": "% of Perpetrator Programme attendees who do not re-offend.",
            "Corporate Theme": "Community Safety",
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "%",
            "Annual Target": 0.9,
            "Comment": _KPI2,
        },
        {
            "Ref": "KPI 2D",
            "Indicator": "Taking Steps (Domestic Violence . Victims) Drop in – visits.",
            "Corporate Theme": "Community Safety",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": "260 Visits",
            "Comment": _KPI2,
        },
        {
            "Ref": "KPI 2E",
            "Indicator": (
                "Healthy and Unhealthy relationships (Programme run Yr 9 – schools)."
            ),
            "Corporate Theme": "Community Safety",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": "4 Schools Max",
            "Comment": _KPI2,
        },
        {
            "Ref": "KPI 3A",
            "Indicator": (
                "Increase public re-assurance and reduce the fear of crime. Measures:-"
            ),
            "Corporate Theme": "Community Safety",
            "Polarity": "Higher is better",
            "Measure": "Annual",
            "Unit": "%",
            "Annual Target": "2% reduction",
        },
        {
            "Ref": "KPI 3B",
            "Indicator": "Anti Social Behaviour / Victim Support surgeries held.",
            "Corporate Theme": "Community Safety",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 30,
        },
        {
            "Ref": "KPI 3C",
            "Indicator": "Number of Crime Reduction and Environment (CREW)weeks held.",
            "Corporate Theme": "Community Safety",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": "4 + (mini crews considered)",
        },
        {
            "Ref": "KPI 3D",
            "Indicator": "Warden Patrols undertaken.",
            "Corporate Theme": "Community Safety",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 600,
        },
        {
            "Ref": "KPI 4",
            "Indicator": (
                "Total number of arrests and warnings directly attributable to CCTV"
            ),
            "Corporate Theme": "CCTV",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": "130 Arrests 320 Warnings",
        },
        {
            "Ref": "KPI 5",
            "Indicator": "Total Hart Neighbourhood Centre Enquiries / Surgeries",
            "Corporate Theme": "Community",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 2200,
        },
        {
            "Ref": "KPI 5.2",
            "Indicator": "Number of agencies / groups /organisations using facility",
            "Corporate Theme": "Community",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 20,
        },
        {
            "Ref": "KPI 6",
            "Indicator": "Number of Community Events / Road shows",
            "Corporate Theme": "Community",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 3,
        },
        {
            "Ref": "KPI 7",
            "Indicator": (
                "Number of Parish Plans adopted by Local Strategic Partnership and linked "
                "to Local Development Framework"
            ),
            "Corporate Theme": "Community",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 2,
        },
        {
            "Ref": "KPI 8",
            "Indicator": "% of grant budget allocated.",
            "Corporate Theme": "Community",
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "%",
            "Annual Target": 1.0,
        },
    ],
    "KPI Years": [
        # KPI 1
        {"Ref": "KPI 1", "Year": "2006/07", "Outturn": "2% reduction", "Benchmark": "Yes"},
        {
            "Ref": "KPI 1",
            "Year": "2007/08",
            "Target": "13% 5% per annum",
            "Outturn": 0.04,
            "Comment": "projected",
        },
        {"Ref": "KPI 1", "Year": "2008/09", "Target": 0.05},
        {"Ref": "KPI 1", "Year": "2009/10", "Target": 0.06},
        # KPI 2A
        {"Ref": "KPI 2A", "Year": "2007/08", "Outturn": "14 R (2)", "Comment": "projected"},
        {"Ref": "KPI 2A", "Year": "2008/09", "Target": "14 R (4)"},
        {"Ref": "KPI 2A", "Year": "2009/10", "Target": "16R (6)"},
        # KPI 2B
        {"Ref": "KPI 2B", "Year": "2007/08", "Outturn": "43 R 27 A", "Comment": "projected"},
        {"Ref": "KPI 2B", "Year": "2008/09", "Target": "40 R 27 A"},
        {"Ref": "KPI 2B", "Year": "2009/10", "Target": "40 R 27 A"},
        # KPI 2C
        {"Ref": "KPI 2C", "Year": "2007/08", "Outturn": 0.89, "Comment": "projected"},
        {"Ref": "KPI 2C", "Year": "2008/09", "Target": 0.9},
        {"Ref": "KPI 2C", "Year": "2009/10", "Target": 0.92},
        # KPI 2D
        {
            "Ref": "KPI 2D",
            "Year": "2006/07",
            "Outturn": "New Footfall Indicator",
            "Benchmark": "New Footfall Indicator.",
        },
        {"Ref": "KPI 2D", "Year": "2007/08", "Outturn": "260 Visits", "Comment": "projected"},
        {"Ref": "KPI 2D", "Year": "2008/09", "Target": "260 Visits"},
        {"Ref": "KPI 2D", "Year": "2009/10", "Target": "260 Visits"},
        # KPI 2E
        {
            "Ref": "KPI 2E",
            "Year": "2006/07",
            "Outturn": "New Indicator",
            "Benchmark": "New Indicator",
        },
        {
            "Ref": "KPI 2E",
            "Year": "2007/08",
            "Target": "3 Schools",
            "Outturn": 3,
            "Comment": "projected",
        },
        {"Ref": "KPI 2E", "Year": "2008/09", "Target": "4 Schools Max"},
        {"Ref": "KPI 2E", "Year": "2009/10", "Target": 4},
        # KPI 3A
        {
            "Ref": "KPI 3A",
            "Year": "2006/07",
            "Outturn": "Respect Figures show a significant reduction on 2006/07.",
            "Benchmark": "N/A",
        },
        {
            "Ref": "KPI 3A",
            "Year": "2007/08",
            "Outturn": "Strategic Assessment figures to be used as baseline. ( April )",
            "Comment": "projected",
        },
        {"Ref": "KPI 3A", "Year": "2008/09", "Target": "2% reduction"},
        {"Ref": "KPI 3A", "Year": "2009/10", "Target": "2% reduction"},
        # KPI 3B
        {"Ref": "KPI 3B", "Year": "2006/07", "Outturn": 36},
        {
            "Ref": "KPI 3B",
            "Year": "2007/08",
            "Target": 24,
            "Outturn": 26,
            "Comment": "projected",
        },
        {"Ref": "KPI 3B", "Year": "2008/09", "Target": 30},
        {"Ref": "KPI 3B", "Year": "2009/10", "Target": 30},
        # KPI 3C
        {"Ref": "KPI 3C", "Year": "2006/07", "Outturn": 4},
        {
            "Ref": "KPI 3C",
            "Year": "2007/08",
            "Target": 4,
            "Outturn": 4,
            "Comment": "projected",
        },
        {"Ref": "KPI 3C", "Year": "2008/09", "Target": "4 + (mini crews considered)"},
        {"Ref": "KPI 3C", "Year": "2009/10", "Target": "4 + (mini crews considered)"},
        # KPI 3D
        {"Ref": "KPI 3D", "Year": "2006/07", "Outturn": 500},
        {
            "Ref": "KPI 3D",
            "Year": "2007/08",
            "Target": 500,
            "Outturn": 880,
            "Comment": "projected",
        },
        {"Ref": "KPI 3D", "Year": "2008/09", "Target": 600},
        {"Ref": "KPI 3D", "Year": "2009/10", "Target": 650},
        # KPI 4
        {
            "Ref": "KPI 4",
            "Year": "2006/07",
            "Outturn": "98 Arrests 223 Warnings",
            "Benchmark": "Yes",
        },
        {
            "Ref": "KPI 4",
            "Year": "2007/08",
            "Target": "130 Arrests 320 Warnings.",
            "Outturn": "125 Arrests 200 Warnings",
            "Comment": "projected",
        },
        {"Ref": "KPI 4", "Year": "2008/09", "Target": "130 Arrests 320 Warnings"},
        {"Ref": "KPI 4", "Year": "2009/10", "Target": "125 Arrests 250 Warnings"},
        # KPI 5
        {"Ref": "KPI 5", "Year": "2006/07", "Outturn": "1037 Enquiries 110 Surgeries"},
        {
            "Ref": "KPI 5",
            "Year": "2007/08",
            "Target": 1500,
            "Outturn": 2100,
            "Comment": "projected",
        },
        {"Ref": "KPI 5", "Year": "2008/09", "Target": 2200},
        {"Ref": "KPI 5", "Year": "2009/10", "Target": 2300},
        # KPI 5.2
        {
            "Ref": "KPI 5.2",
            "Year": "2006/07",
            "Outturn": "New Indicator",
            "Benchmark": "New Indicator",
        },
        {
            "Ref": "KPI 5.2",
            "Year": "2007/08",
            "Target": "-",
            "Outturn": "-",
            "Comment": "projected",
        },
        {"Ref": "KPI 5.2", "Year": "2008/09", "Target": 20},
        {"Ref": "KPI 5.2", "Year": "2009/10", "Target": 25},
        # KPI 6
        {
            "Ref": "KPI 6",
            "Year": "2006/07",
            "Outturn": "New Indicator",
            "Benchmark": "New Indicator",
        },
        {"Ref": "KPI 6", "Year": "2008/09", "Target": 3},
        {"Ref": "KPI 6", "Year": "2009/10", "Target": 5},
        # KPI 7
        {
            "Ref": "KPI 7",
            "Year": "2006/07",
            "Outturn": "New Indicator",
            "Benchmark": "New Indicator",
        },
        {
            "Ref": "KPI 7",
            "Year": "2007/08",
            "Target": "-",
            "Outturn": "-",
            "Comment": "projected",
        },
        {"Ref": "KPI 7", "Year": "2008/09", "Target": 2},
        {"Ref": "KPI 7", "Year": "2009/10", "Target": 4},
        # KPI 8
        {
            "Ref": "KPI 8",
            "Year": "2006/07",
            "Outturn": "New Indicator",
            "Benchmark": "New Indicator",
        },
        {
            "Ref": "KPI 8",
            "Year": "2007/08",
            "Target": "-",
            "Outturn": "-",
            "Comment": "projected",
        },
        {"Ref": "KPI 8", "Year": "2008/09", "Target": 1.0},
        {"Ref": "KPI 8", "Year": "2009/10", "Target": 1.0},
    ],
    "Risks": [],
    "Projects": [
        {
            "Ref": "A",
            "Project": (
                "Performance Management Framework adoption (Safer and Stronger Communities) "
                "Assessment of Policing and Community Safety (APACS) and the Six Hallmarks."
            ),
            "Outcome": (
                "Draft Framework designed by the Home Office under the Crime & Disorder Act "
                "Review.\nImplement enhanced framework for Community Safety Partnership with "
                "support from a Partnership Analyst."
            ),
            "Milestone": (
                "Community Safety Partnership Adoption – Process devised to Audit Trail "
                "compliance."
            ),
            "Due": "Summer 08",
        },
        {
            "Ref": "B",
            "Project": "CCTV Development Plan",
            "Outcome": (
                "Review and Feasibility / partnering opportunities and system upgrade.\n"
                "(Also to include training options )"
            ),
            "Due": "Spring / Summer 08",
        },
        {
            "Ref": "B",
            "Project": "CCTV Development Plan",
            "Outcome": (
                "Review and Feasibility / partnering opportunities and system upgrade.\n"
                "(Also to include training options )"
            ),
            "Milestone": "Capital bid as appropriate for 09/10 Finance advised – Dec 07.",
            "Due": "Dec 07",
        },
        {
            "Ref": "C",
            "Project": "Review framework for Town Centre Management",
            "Outcome": "New framework for Town Centre Management",
            "Milestone": "Reported to Cabinet October - Budget process on-going.",
            "Due": "October",
        },
        {
            "Ref": "C",
            "Project": "Review framework for Town Centre Management",
            "Outcome": "New framework for Town Centre Management",
            "Milestone": "Jan T/C Management structure to Cabinet.",
            "Due": "Jan",
        },
        {
            "Ref": "D",
            "Project": "Community Safety Strategic Assessment and Action plan produced.",
            "Outcome": (
                "To produce a new action plan in line with the expectations of the new linked "
                "Strategic Assessment Process. Following the production of the 1st Strategic "
                "Assessment."
            ),
            "Milestone": "Strategic Assessment produced and action plan devised.",
            "Due": "April 2008",
        },
        {
            "Ref": "E",
            "Project": (
                "Partnership Strategy Toolkits completed, with findings linked to Improvement "
                "Planning."
            ),
            "Outcome": (
                "This Strategy has been designed to agree and recognise partner interaction "
                "across the authority. Toolkits must be completed for the key partnerships – "
                "these need to link with relevant improvement and action plans."
            ),
            "Due": "Spring 2008",
        },
        {
            "Ref": "E",
            "Project": (
                "Partnership Strategy Toolkits completed, with findings linked to Improvement "
                "Planning."
            ),
            "Outcome": (
                "This Strategy has been designed to agree and recognise partner interaction "
                "across the authority. Toolkits must be completed for the key partnerships – "
                "these need to link with relevant improvement and action plans."
            ),
            "Due": "March 2008 (links).",
        },
        {
            "Ref": "F",
            "Project": (
                "Local Strategic Partnership Sustainable Community Strategy Refresh and "
                "Partnership Structure re-visited."
            ),
            "Outcome": (
                "To produce a revised and agreed Strategy and to make the Local Strategic "
                "Partnership a dynamic delivery arm for the District.\n(Becoming the "
                "Partnership of Partnerships).\nChildren and Young Peoples Plan (CYPP) and "
                "Partnership established"
            ),
            "Milestone": "Commence consultation January 2008",
            "Due": "January 2008",
        },
        {
            "Ref": "F",
            "Project": (
                "Local Strategic Partnership Sustainable Community Strategy Refresh and "
                "Partnership Structure re-visited."
            ),
            "Outcome": (
                "To produce a revised and agreed Strategy and to make the Local Strategic "
                "Partnership a dynamic delivery arm for the District.\n(Becoming the "
                "Partnership of Partnerships).\nChildren and Young Peoples Plan (CYPP) and "
                "Partnership established"
            ),
            "Milestone": "Possible adoption March 2008",
            "Due": "March 2008",
        },
        {
            "Ref": "F",
            "Project": (
                "Local Strategic Partnership Sustainable Community Strategy Refresh and "
                "Partnership Structure re-visited."
            ),
            "Outcome": (
                "To produce a revised and agreed Strategy and to make the Local Strategic "
                "Partnership a dynamic delivery arm for the District.\n(Becoming the "
                "Partnership of Partnerships).\nChildren and Young Peoples Plan (CYPP) and "
                "Partnership established"
            ),
            "Due": "April 2008",
        },
        {
            "Ref": "G",
            "Project": (
                "To Champion Equality and Diversity issues in house and move the Authority "
                "forward"
            ),
            "Outcome": (
                "Agreed, deliverable position established and known to all. Programme devised. "
                "Established process to deliver Equality Impact Assessments for all new "
                "policies and strategies and devise a retrospective review programme"
            ),
            "Due": "March 2008",
        },
        {
            "Ref": "H",
            "Project": (
                "To take responsibility for Parish Plans co-ordination / support and guidance."
            ),
            "Outcome": (
                "Criteria and processes, agreed, established and in place, meetings undertaken."
            ),
            "Due": "Spring 2008",
        },
        {
            "Ref": "I",
            "Project": (
                "To work closely with Third Sector Partners to improve engagement and "
                "empowerment"
            ),
            "Outcome": (
                "To improve links and processes and to manage relationships between Services, "
                "organisations and Partners to enable pro-active service delivery and reduce "
                "duplication of effort. (Particularly in relation to key topics – such as "
                "Youth)."
            ),
            "Due": "On-going",
        },
    ],
    "Contracts": [],
    "Budget": [
        {
            "Year": "2007/08",
            "Gross Budget": 1142910,
            "Net Budget": 917430,
            "FTE": 15.2,
            "Comment": (
                "Gross budget including support service costs and capital charges.\n"
                "Net budget Including contributions to Hart Voluntary Action/Citizens Advice "
                "Bureau/Point etc.\n"
                "Staff: 15.2 FTE (1 vacant and 4.7 paid externally). + 3 co-located workers. "
                "10.5 FTE Hart DC funded (1 vacant post)."
            ),
        },
        {
            "Year": "2008/09",
            "Gross Budget": 1213090,
            "Net Budget": 922830,
            "FTE": 14.73,
        },
    ],
    "Versions": [],
}

# Counted from the document, independently of PLAN (tests compare them with the workbook).
COUNTS = {
    "priorities": 0,   # no service priorities table in the document
    "outcomes": 0,
    "kpis": 16,        # KPI 1; KPI 2 A-E (5); KPI 3 A-D (4); KPI 4; KPI 5 + its 2nd line; 6; 7; 8
    "kpi_years": 60,   # year columns with any figure, per KPI row
    "risks": 0,        # Red/Amber project risk summary table is empty
    "projects": 9,     # tasks A-I
    "milestones": 14,  # A1 B2 C2 D1 E2 F3 G1 H1 I1
    "contracts": 0,
    "budget_years": 2,  # 2007/08, 2008/09
    "versions": 0,
}

# Things in the document the workbook cannot carry, and judgement calls worth a reviewer's look.
NOTES = [
    "Council: the document says only 'Hart' / 'Hart DC'; Council given as 'Hart District "
    "Council'. Version 'DRAFT' is taken from the page headers. Two 'Managers of Service' are "
    "joined in Head of Service. No directorate, version table, quarter or risk matrix is given.",
    "`from datetime import date` is kept as the contract requires but carries `# noqa: F401`: "
    "the document has no full day-month-year date, so every date stays a string.",
    "No service priorities/outcomes table, so Priorities is empty. Not carried: the mission "
    "statement ('To work in partnership to deliver access to services, improve community "
    "cohesion and maintain community safety. ?', stray '?' in the seed), section 2 links to the "
    "Corporate Plan & MTFS 2007-2011 (three bullets) and the list of corporate/national "
    "strategies and legislation.",
    "Not carried: section 3 Service Planning Checklist – E&D impact assessment completed: Yes "
    "(action: Equality and diversity Corporate work; see Project Development Areas); VFM self "
    "assessment completed: Yes (Benchmarking, Capture Efficiency Savings, Partnership "
    "Opportunities; see Corporate VFM development work 2008/09); Operational Risk Register in "
    "place: Yes, monitored with 6 month reviews; staff involvement: week event summer 2007, "
    "service and improvement planning after re-structure.",
    "KPI refs follow the document's 'KPI n'. Sub-measures become one KPI row each: KPI 2 "
    "('Domestic Violence actions and reports captured.') -> 'KPI 2A'..'KPI 2E'; KPI 3 (no "
    "description of its own) -> 'KPI 3A'..'KPI 3D'. KPI 2's own row is 'New Indicator' in "
    "all six year columns; it has no KPI row of its own, and its text and 'New Indicator' "
    "values are kept in the Comment of KPI 2A-2E.",
    "KPI 3A reads 'Increase public re-assurance and reduce the fear of crime. Measures:-' and "
    "has its own figures; 3B-3D are the measures listed under it (they also have their own "
    "letters in the document).",
    "KPI 5 has an unlabelled second line, 'Number of agencies / groups /organisations using "
    "facility', given ref 'KPI 5.2'. In the seed that line is shifted one column to the right "
    "(description in the 2006/07 outturn column); it is read as aligned with the header "
    "(New Indicator, New Indicator, -, -, 20, 25), as KPI 7's row is.",
    "Corporate Theme holds the 'Core Service Activity' (Community Safety / CCTV / Community). "
    "The 'Links to Corporate Plan & Strategies' column is not carried: Community Safety – "
    "'Corporate Plan, Community Safety Strategy, Community Plan.'; CCTV – 'As above'; "
    "Community – 'As above + All Community Organisational Plans / Business Plans + LAA and "
    "Local Public Service Agreement 2'.",
    "Not carried (Community activity cell): 'Indicators for the Service will be further "
    "reviewed following the introduction of the National Indicator set and the agreement and "
    "adoption of linked targets for Hart through the Local Area Agreement (LAA) process. "
    "Development areas F-I projects are listed Below and as these projects are finalised and "
    "become daily process - further indicators may be introduced.'",
    "KPI Years: 2006/07 Outturn and Top Quartile (Benchmark), 2007/08 Target and projected "
    "Outturn (Comment 'projected'), 2008/09 and 2009/10 Targets; a year gets a row only when "
    "the document gives a figure for it (KPI 6 has nothing for 2007/08; KPI 2A-2C nothing for "
    "2006/07). Blank cells are omitted; '-' and 'New Indicator' are kept as written. The "
    "Top Quartile cell says 'Yes' for KPI 1 and KPI 4 (kept as Benchmark 'Yes').",
    "Figures with words or symbols stay strings as written: e.g. '13% 5% per annum', "
    "'14 R (2)', '16R (6)', '43 R 27 A', '260 Visits', '3 Schools', '4 Schools Max', "
    "'130 Arrests 320 Warnings.', '4 + (mini crews considered)'. The document does not define "
    "'R' and 'A' (they look like referrals and attendees; the bracket in KPI 2A possibly "
    "users). Clean percentages are fractions in % KPIs (KPI 1, 2C, 8).",
    "Polarity, Measure and Unit are my readings; none is stated. KPI 1 and 3A are read as "
    "'% reduction achieved' (Higher is better, Annual). Activity counts (2A, 2B, 2D, 2E, "
    "3B-3D, 4-7) are Higher is better and Cumulative, though 2B's 2008/09 target (40 R) is "
    "below its 2007/08 projection (43 R) and 2E's target says 'Max'.",
    "Projects: the Timescale/Milestones cell of each task is split into one row per "
    "milestone/date; where a part is only a timescale (B 'Spring / Summer 08', E 'Spring "
    "2008' and 'March 2008 (links).', F 'April 2008', G, H, I) the row has Due only. No "
    "statuses are stated (C's 'Reported to Cabinet October' is past tense, but no status is "
    "set). No managers are given.",
    "Not carried (Projects): each task's 'Links to Corporate Plan & Strategies' and its "
    "'Project Risk Register (Project Initiation Document) Completed?' cell: A 'L – M' No PID "
    "required; B 'M' Brief agreed PID to follow; C 'L' No PID required; D 'L' No PID "
    "required; E 'L' No PID required; F 'M' No PID required; G 'M' No PID required; H 'M' No "
    "PID required; I 'M' No PID required (Service Level Agreements in place). The Red/Amber "
    "risk summary table under section 6 is empty, so Risks is empty.",
    "Budget: section 4 is headed 'Revenue Budgets & Staff Resources (approved only)'. The "
    "2007/08 qualifiers (support service costs and capital charges; contributions to Hart "
    "Voluntary Action/CAB/Point; FTE breakdown incl. 10.5 FTE Hart DC funded) are in the "
    "2007/08 Comment; 2008/09 gives only the figures.",
]
