"""Hart District Council Community Services service plan 2023/24: transcription of seed
000_58ec4c5a12011dc4.txt.

The document is Hart District Council's one-year service plan for Community Services (Housing
Solutions, Community Partnerships and Projects, Housing Strategy and Development, Private Sector
Housing, Countryside, and Community Safety including Parking), Version 1, to be considered by the
Overview & Scrutiny Committee on 14 March 2023. It holds a service overview, a staffing section
whose organogram did not survive the text export, a table of 31 numbered service priorities
(each linked to the Corporate Plan themes People / Place / Planet, with expected outcomes and
target completion dates; several priorities have more than one outcome row, some continuing
across page breaks), and a table of 13 KPIs with annual targets only (no quarterly actuals, no
multi-year figures). There are no risks, projects, contracts or budget figures. Judgement calls:
two cells that pair several outcomes with several dates in one table row (priority 4, and the
third row of priority 21) are split into one row per outcome/date; several Corporate Plan themes
in one cell are joined with "; "; HTML tags and list bullets are stripped, with paragraphs and
list items separated by "\\n"; KPI polarity/measure/unit are my reading of each indicator.
"""

from datetime import date  # noqa: F401  (no full day-month-year date in this document)

SEED = "000_58ec4c5a12011dc4.txt"

PLAN = {
    "Plan": {
        "Council": "Hart District Council",
        "Service": "Community Services",
        "Plan Year": "2023/24",
        "Version": "Version 1",
    },
    "Priorities": [
        {
            "Ref": "1",
            "Priority": "Development of revised Supporting Communities Plan for 2023-2025",
            "Corporate Theme": "People",
            "Outcome": "Gain approval at Cabinet",
            "Target Date": "September 2023",
        },
        {
            "Ref": "2",
            "Priority": (
                "Delivery of the Supporting Communities Plan via the Here for Hart programme"
            ),
            "Corporate Theme": "People",
            "Outcome": (
                "Delivery against action plan set out in Supporting Communities Plan 2023-2025"
            ),
            "Target Date": "March 2024 and ongoing",
        },
        {
            "Ref": "3",
            "Priority": (
                "Monitoring and reporting on the funded Service Level Agreements (SLA's) with "
                "key agencies"
            ),
            "Corporate Theme": "People",
            "Outcome": (
                "Delivery against set outcomes and value for money achieved via SLA's:\n"
                "Citizens Advice,\n"
                "Hart Voluntary Action,\n"
                "Fleet Phoenix,\n"
                "Inclusion Hampshire"
            ),
            "Target Date": "March 2024",
        },
        {
            "Ref": "4",
            "Priority": "Delivering the Refugee Workstream",
            "Corporate Theme": "People",
            "Outcome": "Delivering the LAHF homes",
            "Target Date": "November 2023",
        },
        {
            "Ref": "4",
            "Priority": "Delivering the Refugee Workstream",
            "Corporate Theme": "People",
            "Outcome": "Prevention of homelessness due to breakdown in hosting arrangements",
            "Target Date": "March 2024",
        },
        {
            "Ref": "5",
            "Priority": "Delivery of the Armed Forces Covenant Duty",
            "Corporate Theme": "People",
            "Outcome": (
                "Delivery of activities in line with Armed Forces Covenant Duty\n"
                "Deliver Health & Wellbeing events at Bases and in community locations.\n"
                "Support veterans and armed forces families with employment signposting\n"
                "Gain Silver' Employer Recognition Award'"
            ),
            "Target Date": "March 2024",
        },
        {
            "Ref": "6",
            "Priority": (
                "Contribute to the delivery of the North Hampshire Community Safety Partnership "
                "(CSP) Partnership Plan"
            ),
            "Corporate Theme": "Place; People",
            "Outcome": (
                "Delivery of initiatives in support of key objectives of the CSP Plan\n"
                "Promotion of crime prevention and safety initiatives through project work\n"
                "Joint work with the Police on ABC's and CPN's"
            ),
            "Target Date": "March 2024",
        },
        {
            "Ref": "7",
            "Priority": "Review Allocations Policy",
            "Corporate Theme": "People",
            "Outcome": (
                "Full review of allocations Policy to ensure compliance with all new legislation\n"
                "Take revised Policy (if change is needed) to Cabinet for approval"
            ),
            "Target Date": "March 2024",
        },
        {
            "Ref": "8",
            "Priority": "Review Homelessness Out of Hours Provision",
            "Corporate Theme": "People",
            "Outcome": (
                "Homelessness Out of Office Hours or due Office Closure is reportable and "
                "actioned\n"
                "Fair remuneration for staff involved in delivering the out of hours service\n"
                "Good value for money service in place"
            ),
            "Target Date": "September 2023",
        },
        {
            "Ref": "9",
            "Priority": (
                "Ensure we have an active private rented sector, engaging with landlords and "
                "hosting landlord events. Delivery of landlord support and tenancy sustainment "
                "services"
            ),
            "Corporate Theme": "Place",
            "Outcome": "Annual landlord event and bi-annual landlord newsletter",
            "Target Date": "March 2024 and onwards",
        },
        {
            "Ref": "10",
            "Priority": "Produce an Annual Community Services Update",
            "Corporate Theme": "Planet; People; Place",
            "Outcome": (
                "Publication of an annual update and associated promotion / communication on "
                "key outputs"
            ),
            "Target Date": "July 2023",
        },
        {
            "Ref": "11",
            "Priority": "Establish processes and documentation for First Homes",
            "Corporate Theme": "Place",
            "Outcome": "Setting up a system to process and monitor first homes in the district",
            "Target Date": "March 2024",
        },
        {
            "Ref": "12",
            "Priority": (
                "Review the requirements for and establish a new vehicle for recording shared "
                "ownership"
            ),
            "Corporate Theme": "Place",
            "Outcome": (
                "Review options for the recording of shared ownership need and demand following "
                "the closure of the Government agency. Set up a system to record and advertise "
                "shared ownership properties for sale within the district."
            ),
            "Target Date": "December 2023",
        },
        {
            "Ref": "13",
            "Priority": "Delivery of Disabled Facility Grant service",
            "Corporate Theme": "Place",
            "Outcome": (
                "Enabling residents to remain in independent living accommodation (80 DFGs per "
                "year) Provision of discretionary Prevention Grants, focused on providing quick "
                "solutions to those in urgent need Promotion of prevention grants"
            ),
            "Target Date": "March 2024",
        },
        {
            "Ref": "14",
            "Priority": (
                "Review private sector renewal policy in relation to DFG recharges and homeowner "
                "loan provision"
            ),
            "Corporate Theme": "Place",
            "Outcome": (
                "Benchmark against best practice Explore opportunities for increasing return"
            ),
            "Target Date": "March 2024",
        },
        {
            "Ref": "15",
            "Priority": "Support the delivery of the climate change action plan",
            "Corporate Theme": "Planet",
            "Outcome": "Participate in the officer working group",
            "Target Date": "March 2024",
        },
        {
            "Ref": "16",
            "Priority": "Identify biodiversity and climate change offsetting opportunities",
            "Corporate Theme": "Planet",
            "Outcome": (
                "Submit a costed plan to Cabinet for the delivery of offsetting “pilot” projects "
                "on the ground"
            ),
            "Target Date": "August 2024",
        },
        {
            "Ref": "16",
            "Priority": "Identify biodiversity and climate change offsetting opportunities",
            "Corporate Theme": "Planet",
            "Outcome": (
                "Submit to Cabinet for approval of the “model” for project and financial delivery"
            ),
            "Target Date": "January 2024",
        },
        {
            "Ref": "16",
            "Priority": "Identify biodiversity and climate change offsetting opportunities",
            "Corporate Theme": "Planet",
            "Outcome": "Deliver “Phase 2” of the offsetting model",
            "Target Date": "March 2024",
        },
        {
            "Ref": "16",
            "Priority": "Identify biodiversity and climate change offsetting opportunities",
            "Corporate Theme": "Planet",
            "Outcome": (
                "Complete the delivery of “pilot” projects (delivery of the physical works on site)"
            ),
            "Target Date": "Sep 2024 to March 2026",
        },
        {
            "Ref": "17",
            "Priority": "Tree Strategy",
            "Corporate Theme": "Planet; Place",
            "Outcome": (
                "Produce a Tree Strategy that will benefit sustainability, global warming, carbon "
                "and biodiversity"
            ),
            "Target Date": "March 2024",
        },
        {
            "Ref": "17",
            "Priority": "Tree Strategy",
            "Corporate Theme": "Planet; Place",
            "Outcome": (
                "Complete a Tree Planting project as an example of good practice and to support "
                "biodiversity and carbon offsetting strategy"
            ),
            "Target Date": "March 2024 to 2025",
        },
        {
            "Ref": "18",
            "Priority": "Reduce Operational Carbon Emissions",
            "Corporate Theme": "Planet",
            "Outcome": "Instal electric vehicle (EV) charging points at Civic Offices",
            "Target Date": "March 2023",
        },
        {
            "Ref": "19",
            "Priority": "Green Grid Strategy",
            "Corporate Theme": "Planet; People; Place",
            "Outcome": "Production of Local Walking and Cycling Strategy",
            "Target Date": "September 2023",
        },
        {
            "Ref": "19",
            "Priority": "Green Grid Strategy",
            "Corporate Theme": "Planet; People; Place",
            "Outcome": "Identify opportunities for Green Networks in Hart with key partners",
            "Target Date": "July 2023",
        },
        {
            "Ref": "19",
            "Priority": "Green Grid Strategy",
            "Corporate Theme": "Planet; People; Place",
            "Outcome": "Stakeholder consultation, Completion of Strategy and Cabinet approval.",
            "Target Date": "June 2024",
        },
        {
            "Ref": "19",
            "Priority": "Green Grid Strategy",
            "Corporate Theme": "Planet; People; Place",
            "Outcome": 'Identification of "Phase 2" Green Corridor with costed plan',
            "Target Date": "September 2024",
        },
        {
            "Ref": "20",
            "Priority": "Delivery of Hart Green Grid East",
            "Corporate Theme": "Planet; People; Place",
            "Outcome": "Installation of signage through to Hartland Park.",
            "Target Date": "September 2023",
        },
        {
            "Ref": "20",
            "Priority": "Delivery of Hart Green Grid East",
            "Corporate Theme": "Planet; People; Place",
            "Outcome": (
                "Working with HCC and St Edwards on provision of temporary crossing of Bramshot "
                "Lane"
            ),
            "Target Date": "September 2023",
        },
        {
            "Ref": "20",
            "Priority": "Delivery of Hart Green Grid East",
            "Corporate Theme": "Planet; People; Place",
            "Outcome": (
                "HCC to develop: A3013 Cove Road crossing; Southwood Lane, cattle grid bypass "
                "improvements; pavement and drainage improvements"
            ),
            "Target Date": "September 2024",
        },
        {
            "Ref": "21",
            "Priority": "Delivery of (Phase 2) Ecological Mitigation works at Fleet Pond",
            "Corporate Theme": "Planet",
            "Outcome": "Approve updated project plan with proposed financial strategy",
            "Target Date": "May 2023",
        },
        {
            "Ref": "21",
            "Priority": "Delivery of (Phase 2) Ecological Mitigation works at Fleet Pond",
            "Corporate Theme": "Planet",
            "Outcome": "Tender Phase 2 to develop a costed strategy for approval",
            "Target Date": "June 2023",
        },
        {
            "Ref": "21",
            "Priority": "Delivery of (Phase 2) Ecological Mitigation works at Fleet Pond",
            "Corporate Theme": "Planet",
            "Outcome": "Costed Strategy Completed",
            "Target Date": "Feb 2024",
        },
        {
            "Ref": "21",
            "Priority": "Delivery of (Phase 2) Ecological Mitigation works at Fleet Pond",
            "Corporate Theme": "Planet",
            "Outcome": "Draft Presented to O&S",
            "Target Date": "Mar 2024",
        },
        {
            "Ref": "21",
            "Priority": "Delivery of (Phase 2) Ecological Mitigation works at Fleet Pond",
            "Corporate Theme": "Planet",
            "Outcome": "Cabinet approval",
            "Target Date": "Apr 2024",
        },
        {
            "Ref": "22",
            "Priority": "Delivery of agreed works at Edenbrook Country Park",
            "Corporate Theme": "Place",
            "Outcome": "Review and agree programme for delivery of works",
            "Target Date": "March 2024",
        },
        {
            "Ref": "23",
            "Priority": "SANGs Adoption",
            "Corporate Theme": "Place",
            "Outcome": (
                "Progress adoptions at the following sites:\n"
                "Moulsham Lane\n"
                "Poulters Meadow\n"
                "Hawley Park Farm\n"
                "Edenbrook extension (Grove Farm)"
            ),
            "Target Date": "March 2024 and ongoing",
        },
        {
            "Ref": "24",
            "Priority": "Review of concession opportunities",
            "Corporate Theme": "People",
            "Outcome": "Agree new strategy for delivery at Project Board",
            "Target Date": "July 2023",
        },
        {
            "Ref": "24",
            "Priority": "Review of concession opportunities",
            "Corporate Theme": "People",
            "Outcome": "Concessions to be operational",
            "Target Date": "March 2024",
        },
        {
            "Ref": "25",
            "Priority": "Closed Cemeteries",
            "Corporate Theme": "Place",
            "Outcome": "Minimum standard of maintenance that is Biodiversity and Carbon Friendly",
            "Target Date": "July 2023",
        },
        {
            "Ref": "25",
            "Priority": "Closed Cemeteries",
            "Corporate Theme": "Place",
            "Outcome": "Legal process to hand areas over to Parishes considered with options",
            "Target Date": "July 2023",
        },
        {
            "Ref": "26",
            "Priority": "Countryside Vision",
            "Corporate Theme": "Planet; People; Place",
            "Outcome": (
                "Aspirations and priorities for the future of the countryside service to deliver "
                "the best service possible to our customers and to enhance and protect "
                "biodiversity"
            ),
            "Target Date": "Nov 2023",
        },
        {
            "Ref": "27",
            "Priority": "Grounds & Street Care Audit",
            "Corporate Theme": "Place",
            "Outcome": (
                "Mapping Grounds Maintenance areas to develop a schedule of rates with "
                "consideration biodiversity and carbon footprint considered"
            ),
            "Target Date": "August 2023",
        },
        {
            "Ref": "27",
            "Priority": "Grounds & Street Care Audit",
            "Corporate Theme": "Place",
            "Outcome": (
                "Investigate options in the delivery of contracted services for consideration"
            ),
            "Target Date": "August 2024",
        },
        {
            "Ref": "27",
            "Priority": "Grounds & Street Care Audit",
            "Corporate Theme": "Place",
            "Outcome": (
                "Investigate options of carbon friendly fuels and electrification of vehicles "
                "and equipment."
            ),
            "Target Date": "March 2024",
        },
        {
            "Ref": "27",
            "Priority": "Grounds & Street Care Audit",
            "Corporate Theme": "Place",
            "Outcome": "Investigate a digital recording system for trees and site H&S",
            "Target Date": "June 2023",
        },
        {
            "Ref": "28",
            "Priority": "Countryside Policy review",
            "Corporate Theme": "Planet; People; Place",
            "Outcome": (
                "Review all Policies relating to open spaces and ecology and identify any gaps. "
                "Proposals for filling gaps in policy will be prioritised and brought to Project "
                "Board for approval"
            ),
            "Target Date": "March 2023 to 2025",
        },
        {
            "Ref": "29",
            "Priority": "Car Park Maintenance",
            "Corporate Theme": "Place",
            "Outcome": "Develop and implement car park planned maintenance programme",
            "Target Date": "September 2023",
        },
        {
            "Ref": "30",
            "Priority": "Litter Enforcement",
            "Corporate Theme": "Place",
            "Outcome": (
                "Investigate viability of bringing Litter Enforcement service inhouse and "
                "produce options paper for consideration Consider options for enhancing fly "
                "tipping prevention and enforcement"
            ),
            "Target Date": "November 2023",
        },
        {
            "Ref": "31",
            "Priority": "Review of CCTV",
            "Corporate Theme": "People; Place",
            "Outcome": (
                "Following the transfer of the service to Runnymede, a review of camera "
                "provision across the district, including placement, quality and support of "
                "parish council CCTV"
            ),
            "Target Date": "November 2023",
        },
    ],
    "KPIs": [
        {
            "Ref": "1",
            "Indicator": "Number of Households given advice to across the quarter",
            "Measure": "Info only",
            "Unit": "Number",
            "Annual Target": "INFO ONLY",
        },
        {
            "Ref": "2",
            "Indicator": "Number of households prevented or relived from becoming homeless",
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "Number",
            "Annual Target": "50% of all formal presentations",
        },
        {
            "Ref": "3",
            "Indicator": "Number of families in B&B for more than 6 weeks",
            "Polarity": "Lower is better",
            "Measure": "Snapshot",
            "Unit": "Number",
            "Annual Target": "zero",
        },
        {
            "Ref": "4",
            "Indicator": "Number housed in to the PRS (cumulative)",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 30,
        },
        {
            "Ref": "5",
            "Indicator": "Number of gross affordable homes delivered (cumulative)",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 100,
        },
        {
            "Ref": "6",
            "Indicator": "% Disabled Facilities Grant spent against budget",
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "%",
            "Annual Target": 1.0,
        },
        {
            "Ref": "7",
            "Indicator": "No. of DFGs and Prevention Grants completed",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 80,
        },
        {
            "Ref": "8",
            "Indicator": (
                "Number of gypsy / traveller illegal encampments (all land, not just Hart land)"
            ),
            "Polarity": "Lower is better",
            "Measure": "Info only",
            "Unit": "Number",
            "Annual Target": "INFO ONLY",
        },
        {
            "Ref": "9",
            "Indicator": "Community Trigger reviews to be carried out",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 1,
        },
        {
            "Ref": "10",
            "Indicator": (
                "Community Events attended to promote service accessibility, across Community"
            ),
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 6,
        },
        {
            "Ref": "11",
            "Indicator": 'Number of "Green Flags Awards" held',
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "Number",
            "Annual Target": 4,
        },
        {
            "Ref": "12",
            "Indicator": "% Countryside major sites with current Management Plan",
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "%",
            "Annual Target": 0.9,
        },
        {
            "Ref": "13",
            "Indicator": "Number of Service requests for Grounds and Street Cleansing Services",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 1800,
        },
    ],
    "KPI Years": [],
    "Risks": [],
    "Projects": [],
    "Contracts": [],
    "Budget": [],
    "Versions": [
        {
            "Version": "Version 1",
            "Changes": (
                "Version to be considered by Overview & Scrutiny Committee on 14 March 2023"
            ),
        },
    ],
}

# Counted from the document, independently of PLAN (tests compare them with the workbook).
COUNTS = {
    "priorities": 31,  # distinct priority Refs (numbered 1-31)
    "outcomes": 50,  # 47 table rows, plus 1 extra for priority 4 and 2 extra for priority 21
    "kpis": 13,
    "kpi_years": 0,
    "risks": 0,
    "projects": 0,
    "milestones": 0,
    "contracts": 0,
    "budget_years": 0,
    "versions": 1,
}

# Things in the document the workbook cannot carry, and judgement calls worth a reviewer's look.
NOTES = [
    "The 'Service Overview' paragraph (six teams; funded from the General Fund, Homelessness "
    "Prevention Funding, Better Care Fund and small pots of bid funding) has no Plan field and "
    "is not carried. The Resourcing section's staffing structure and the organogram were images "
    "that did not survive the text export, so no FTE or Budget rows can be given.",
    "The plan says priorities are 'over and above day to day service delivery' and are monitored "
    "through the quarterly Overview and Scrutiny Service Panel; no Lead, Status, % Complete or "
    "Update is given for any priority, so those columns are omitted.",
    "Priority 4's single table row pairs two outcomes with two dates ('Delivering the LAHF homes "
    "Prevention of homelessness due to breakdown in hosting arrangements' / 'November 2023 March "
    "2024'); split into two rows (LAHF homes -> November 2023; hosting breakdown -> March 2024).",
    "Priority 21's third row ('Costed Strategy Completed Draft Presented to O&S Cabinet approval' "
    "/ 'Feb 2024 Mar 2024 Apr 2024') is split into three rows, pairing each step with its date in "
    "order. Without the splits for priorities 4 and 21 there would be 47 outcome rows, not 50.",
    "Other outcome cells that run several outcomes together with a single date (priorities 13, "
    "14 and 30, whose text lost its line breaks in the export) are kept as one row with the text "
    "as exported. Outcomes written as <p> paragraphs (priorities 5-8) or <ul> bullet lists "
    "(priorities 3 and 23) are kept as one row with the paragraphs/items separated by newlines, "
    "tags and bullets stripped.",
    "Corporate Theme is the 'Link to Corporate Plan' column; where a cell names several themes "
    "(e.g. 'Planet People Place') they are joined with '; ' in the order written.",
    "Target dates are all month/year or longer text and are kept as strings, with the document's "
    "wording: 'Nov 2023', 'Sep 2024 to March 2026', 'March 2023 to 2025'. Priority 18's 'March "
    "2023' falls before the plan year but is kept as written. Priority 16's first outcome "
    "(August 2024) is listed before its later rows with earlier dates; the document's order is "
    "kept.",
    "Typos kept as written: 'relived' (KPI 2), 'Gain Silver' Employer Recognition Award'' "
    "(priority 5), 'Instal' (priority 18), 'with consideration biodiversity' (priority 27).",
    "KPIs give annual targets only (the document's <i> italics stripped); no quarterly "
    "targets, actuals, previous-year figures, leads or themes, and no multi-year data, so KPI "
    "Years is empty. Polarity, Measure and Unit are my reading of each indicator.",
    "KPI 2: the indicator is a number but the target is '50% of all formal presentations' "
    "(kept as a string); Unit given as Number, Measure as Snapshot (a proportion each period). "
    "A reviewer may prefer Unit '%'.",
    "KPI 1 (households given advice) and KPI 8 (illegal encampments) are INFO ONLY, so Measure is "
    "'Info only'. KPI 1's polarity is omitted as unknowable; KPI 8 is read as Lower is better.",
    "KPI 9 (Community Trigger reviews, target 1) and KPI 13 (service requests for grounds and "
    "street cleansing, target 1800) are demand-led counts, so Polarity is omitted as unknowable. "
    "Along with KPIs 7 and 10, these are annual-total counts not labelled cumulative, and are "
    "read as Cumulative.",
    "KPI 6 target '100%' -> 1.0 and KPI 12 target '90%' -> 0.9 (fractions, Unit '%'). KPI 11 "
    "(Green Flag Awards held) is read as a Snapshot count.",
    "Version table: 'Version 1' with the note 'Version to be considered by Overview & Scrutiny "
    "Committee on 14 March 2023' goes into Changes. 14 March 2023 is the committee date, not "
    "the version's date, so Date is omitted. No Directorate, Head of Service, Cabinet Member, "
    "risks, projects, contracts or budget are in the document.",
]
