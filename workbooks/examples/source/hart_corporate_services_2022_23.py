"""Hart District Council Corporate Services service plan 2022/23: transcription of seed
001_47c19b2474671806.txt.

The document is Hart District Council's Service Plans 2022/23 introduction (vision, themes and
HART values) followed by the Corporate Services service plan: a service overview, a table of 19
service priorities (link to corporate plan, expected outcomes, update on 12.08.22), a pointer to
a separate risk assessment (no risks in the document), and the Performance indicator report
2022/23 Quarter 1 with 13 indicators (CP1-CP13), a table cross-referencing four waste indicators
to ET06-ET09, and a version control line (11 August 2022, V0.1). Judgement calls: priorities
with several listed expected outcomes take one row per outcome (priority 1 split into 3,
priorities 2, 4 and 5 into 2 each); the date at the start of an update is read as that
priority's Target Date (the update text is kept whole); Q1 "last year" figures quoted in the CP6
and CP7 comments fill Last Year Q1; the seven services "contract managed by the Corporate Team"
are the Contracts rows.
"""

from datetime import date

SEED = "001_47c19b2474671806.txt"

_P1 = "Delivery of the council's response to Covid-19 pandemic"
_P1_THEME = (
    "Ensure that the Council meets its statutory obligations under the Civil Contingencies Act.\n"
    "Support for our town and village centres\n"
    "Support the local economy\n"
    "Support our residents"
)
_P2 = "New Ways of Working – Policy Support"
_P2_UPDATE = (
    "31 st August 2022 – drafts being prepared but not yet completed. Confirmed policy in place "
    "for the last year and has monitored"
)
_P4 = "Implementation and regular review of the Commercialisation Strategy"
_P4_THEME = (
    "Maximising income opportunities, and identifying new opportunities for income generation"
)
_P4_UPDATE = (
    "The board meets regularly and has reviewed two opportunities to date but they didn't meet "
    "the necessary criteria."
)
_P5 = (
    "Manage changes within the 5 Councils Partnership arrangement\n"
    "IT\n"
    "Land Charges\n"
    "Revs and Bens\n"
    "Front reception"
)
_P5_UPDATE = (
    "Regular attendance at the Board meetings ensures that issues are resolved and agreed in a "
    "timely matter. The Mendip exit is progressing well, and the Finance team are in a positive "
    "position to deliver the new service"
)
_EEC = "An efficient and effective Council"
_SERCO = (
    "This is subject to a contractual dispute with Serco – they are not providing the data and "
    "are disputing the definition of ‘missed bin’ Legal advice is being sought"
)
_CONTRACT_DESC = "A range of services are contract managed by the Corporate Team"

PLAN = {
    "Plan": {
        "Council": "Hart District Council",
        "Service": "Corporate Services",
        "Plan Year": "2022/23",
        "Reporting Quarter": "Q1",
        "Version": "V0.1",
    },
    "Priorities": [
        {
            "Ref": "1",
            "Priority": _P1,
            "Corporate Theme": _P1_THEME,
            "Outcome": "Policy and payment of Business Rates Grants",
            "Update": (
                "Policy & payment of Business Rates Grants: In December 21, the government "
                "announced two further business rates schemes in response to the Omicron Covid "
                "variant, with funding and guidance provided to councils mid-January 22. This "
                "resulted in the council delivering a further round of Additional Restrictions "
                "Grants (ARG6) to businesses, as well as the new Omicron Hospitality and Leisure "
                "business grant scheme. Payments for both schemes were complete by 31 st March "
                "22. Reconciliation and post payment assurance had to be undertaken for each "
                "scheme administered.\n"
                "COVID Additional Relief Fund\n"
                "The CARF scheme is up and running. Letters went out to all eligible businesses a "
                "couple of weeks ago and these will all be auto awarded with the discount unless "
                "they opt out. There is also an application form on the website for those who "
                "wish to apply themselves. The scheme will be fully delivered by the end of "
                "September as per the guidance."
            ),
        },
        {
            "Ref": "1",
            "Priority": _P1,
            "Corporate Theme": _P1_THEME,
            "Outcome": "Administration of Test and Trace Isolation payments",
            "Update": (
                "Administration of Test and Trace Isolation payments:\n"
                "The council delivered test and trace support payments from 1st October 2020 to "
                "30th April 2022. This resulted in 515 payments to successful applicants. Full "
                "reconciliation has now been provided to the UKHSA."
            ),
        },
        {
            "Ref": "1",
            "Priority": _P1,
            "Corporate Theme": _P1_THEME,
            "Outcome": "Post Payments Assurance Testing",
            "Update": (
                "Post Payments Assurance testing\n"
                "Post payment Assurance has now been completed on all 9 'main' business rates "
                "grant schemes. PPAS on the Additional Restrictions Grants are still outstanding. "
                "This will cover all ARG schemes from December 20 to March 22 totalling £2.9m "
                "across 1969 grants paid. This will commence as soon as BEIS provide the sample, "
                "they require from the grants paid. This exercise will be complete by November "
                "22."
            ),
        },
        {
            "Ref": "2",
            "Priority": _P2,
            "Corporate Theme": "Updating HR policies to reflect new ways of working",
            "Outcome": "Travel and Expenses Policy",
            "Target Date": "31 st August 2022",
            "Update": _P2_UPDATE,
        },
        {
            "Ref": "2",
            "Priority": _P2,
            "Corporate Theme": "Updating HR policies to reflect new ways of working",
            "Outcome": "Car Allowance policy",
            "Target Date": "31 st August 2022",
            "Update": _P2_UPDATE,
        },
        {
            "Ref": "3",
            "Priority": (
                "Produce updated Medium Term Financial Strategy for Cabinet, predicated on the "
                "priorities within the Corporate Plan and reflecting current understanding of "
                "local government finance"
            ),
            "Corporate Theme": (
                "Ensuring our Medium-Term Financial Strategy is focused on strategic priorities. "
                "Stable Financial Sustainability."
            ),
            "Outcome": (
                "The Council's financial resources and commitments are aligned with its "
                "strategic priorities"
            ),
            "Update": (
                "The updated Medium Term Financial Strategy will be presented as follows: O&S "
                "September & Cabinet October\n"
                "The strategy will also be updated to contain a 10-year outlook in addition to "
                "the current 3-5-year outlook. An all-member briefing took place prior to the "
                "full budget being agreed. Initial work will look at overall financial "
                "resilience and the role and impact of both reserves and income levels for the "
                "organisation\n"
                "Concerns raised about Everyone Active income – commissioned external consultant "
                "to review the open book process – to be brought back in Mid September\n"
                "Question about price rises – Contract limits cap of RPI but they are required to "
                "provide the information for our consideration and benchmark against others in "
                "the area."
            ),
        },
        {
            "Ref": "4",
            "Priority": _P4,
            "Corporate Theme": _P4_THEME,
            "Outcome": (
                "Investment in one further commercial property (£10m indicative budget in "
                "capital programme)"
            ),
            "Update": _P4_UPDATE,
        },
        {
            "Ref": "4",
            "Priority": _P4,
            "Corporate Theme": _P4_THEME,
            "Outcome": "Complete rent review of all existing properties and leases",
            "Update": _P4_UPDATE,
        },
        {
            "Ref": "5",
            "Priority": _P5,
            "Corporate Theme": "Continuing to work closely with partners to deliver joint services",
            "Outcome": "To seek confirmation and report to Cabinet on future of IT contract",
            "Update": _P5_UPDATE,
        },
        {
            "Ref": "5",
            "Priority": _P5,
            "Corporate Theme": "Continuing to work closely with partners to deliver joint services",
            "Outcome": (
                "To seek confirmation and report to Cabinet on future of existing services "
                "following exit of Mendip."
            ),
            "Update": _P5_UPDATE,
        },
        {
            "Ref": "6",
            "Priority": "Implement the report writing software for all committees.",
            "Corporate Theme": "To realise our ambitions to deliver more for less",
            "Outcome": (
                "The Council makes full use of technology to improve the way it delivers "
                "Committee Services"
            ),
            "Status": "Complete",
            "Update": "This is now in place, but additional refresher training will be required.",
        },
        {
            "Ref": "7",
            "Priority": "Review and replacement of the telephony system",
            "Corporate Theme": "To realise our ambitions to deliver more for less",
            "Outcome": (
                "The Council controls its overhead costs for direct dial telephony whilst "
                "expanding the flexibility for staff via a non desk-based solution"
            ),
            "Target Date": "30 th June 2022",
            "Update": (
                "30 th June 2022 Work progressing. Infrastructure changes implemented. Under "
                "pilot user testing\n"
                "Revised date for completion 31 December 2022."
            ),
        },
        {
            "Ref": "8",
            "Priority": "Implementation of new website",
            "Corporate Theme": _EEC,
            "Outcome": "To provide quality information and services to residents",
            "Target Date": date(2022, 11, 30),
            "Update": (
                "30 November 2022 The new homepage and secondary page designs have been received "
                "and are subject to testing with internal/ external users. Website back-end "
                "development by contractor is ramping up during August. Loading of content onto "
                "the development site has started. However, we were unsuccessful with the "
                "recruitment of a website project officer. From next week, we do not have anyone "
                "working full time on the project which will result in November launch being "
                "pushed back. This risk was included in the contingency plan as the Project can "
                "still be delivered by March 2023."
            ),
        },
        {
            "Ref": "9",
            "Priority": "Implementation of cyber security plan",
            "Corporate Theme": _EEC,
            "Outcome": "Full implementation of Government department approved cyber security plan",
            "Target Date": date(2022, 9, 30),
            "Update": (
                "30 September 2022. New backup as required now completed. Updated Password "
                "Policy drafted and ready for implementation.\n"
                "Two factor authentication across all devices being rolled out.\n"
                "Need to review timeline for an all member briefing"
            ),
        },
        {
            "Ref": "10",
            "Priority": (
                "Achievement of accreditation of both Bronze Armed Forces Covenant and the Armed "
                "Forces Employer Recognition Scheme"
            ),
            "Corporate Theme": "Continuing to work closely with partners to deliver joint services",
            "Outcome": (
                "Become member of the AFERS and gain Bronze stage in the Armed Forces Covenant"
            ),
            "Update": (
                "Guy Clayton and Cllr Dorn are meeting later this week for a catch-up. But next "
                "step is moving to Silver on the AFC system as well as improving connectivity "
                "(milcov@hart email) and presence through attendance at various events. Guy is "
                "also setting up direct meetings with specific site military officers."
            ),
        },
        {
            "Ref": "11",
            "Priority": (
                "To support the Climate Change agenda to deliver the Net Zero carbon action plan"
            ),
            "Corporate Theme": _EEC,
            "Outcome": "Delivery of Climate change action plan",
            "Target Date": "31 st March 2023",
            "Update": (
                "31 st March 2023 – being developed and monitored by the Climate Change Working "
                "Presentation to July Council and the Carbon Pathway Plan has been agreed."
            ),
        },
        {
            "Ref": "12",
            "Priority": "Deliver Tier 2 Savings",
            "Corporate Theme": _EEC,
            "Outcome": "Achieve 100% of Tier 2 savings in 2022-23 onwards",
            "Status": "On track",
            "Update": "All tier 2 savings on target for 100% achievement",
        },
        {
            "Ref": "13",
            "Priority": "Identify Tier 3 Savings, supporting business cases and decision making",
            "Corporate Theme": _EEC,
            "Outcome": "Increase financial sustainability for the authority.",
            "Update": (
                "The Chief Finance Officer has shifted focus from savings to income generation "
                "and greater efficiency within the budgets we have. Currently there are no plans "
                "to include Tier 3 savings"
            ),
        },
        {
            "Ref": "14",
            "Priority": "Upgrade the network and improve Wi-Fi access across the Council",
            "Corporate Theme": _EEC,
            "Outcome": "Provide end user with more capacity and quicker speeds",
            "Target Date": date(2023, 3, 31),
            "Status": "On track",
            "Update": "31 March 2023\nOn track to be delivered early Autumn 2022.",
        },
        {
            "Ref": "15",
            "Priority": (
                "Create data map for Hart, consider data maturity and define data strategy"
            ),
            "Corporate Theme": _EEC,
            "Outcome": "To transform decision making and how we deliver services",
            "Update": (
                "Awaiting the outcome of the UKSPF as we have included this in our bid process."
            ),
        },
        {
            "Ref": "16",
            "Priority": "Deliver Corporate re-organisation",
            "Corporate Theme": _EEC,
            "Outcome": "To transform decision making and how we deliver services",
            "Target Date": date(2022, 9, 30),
            "Update": (
                "30 September 2022 New arrangements in place and recruitment to vacant posts "
                "underway"
            ),
        },
        {
            "Ref": "17",
            "Priority": "Deliver Elections",
            "Corporate Theme": _EEC,
            "Outcome": "Smooth, efficient, safe, and legal election",
            "Status": "Complete",
            "Update": (
                "2022 Elections delivered – looking at options to recruit a new elections manager"
            ),
        },
        {
            "Ref": "18",
            "Priority": "Plan and implement voter ID for May 2023",
            "Corporate Theme": _EEC,
            "Outcome": "Smooth, efficient, safe, and legal election",
            "Target Date": date(2023, 3, 31),
            "Update": "31 March 2023 Awaiting final regulations from Government.",
        },
        {
            "Ref": "19",
            "Priority": (
                "Delivery amended Corporate Training plan (procurement, finance, and HR)"
            ),
            "Corporate Theme": _EEC,
            "Outcome": "Good governance and compliance",
            "Target Date": date(2023, 3, 31),
            "Update": "31 March 2023",
        },
    ],
    "KPIs": [
        {
            "Ref": "CP1",
            "Indicator": "Percentage of the Audit Plan completed during the year",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "%",
            "Annual Target": 1.0,
            "Q1": 0.1,
            "Comment": (
                "Year to date figures, values are cumulative (higher is better)\n"
                "Broadly on track for 22/23 2 out of 13 Audits have started. Progress updates "
                "are provided at Audit Committee"
            ),
        },
        {
            "Ref": "CP2",
            "Indicator": "Percentage of high-risk audit recommendations implemented",
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "%",
            "Annual Target": 1.0,
            "Q1": 1.0,
            "Comment": (
                "Typically, the number of high-risk audit recommendations are low so the "
                "percentage changes can vary significantly. This will be explained in the "
                "comment section (higher is better)\n"
                "No high-risk recommendations currently requiring action"
            ),
        },
        {
            "Ref": "CP3",
            "Indicator": "Quality of customer service call handling",
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "%",
            "Annual Target": 0.9,
            "Q1": 0.98,
            "Comment": (
                "This indicator is measured from the scoring of a recorded call against quality "
                "standards from a monitoring sample (higher is better)\n"
                "No sampled call scored lower than 90% in June"
            ),
        },
        {
            "Ref": "CP4",
            "Indicator": "Implementation of savings schemes targets to meet MTFS requirements",
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "Yes/No",
            "Annual Target": "Yes",
            "Q1": "No",
            "Comment": (
                "This indicator will be measured on whether the savings targets have been met "
                "and typically result in the delivery of a balanced budget in Q3 (yes or no)\n"
                "Balanced budget for 2023/24 to be set in Q3"
            ),
        },
        {
            "Ref": "CP5",
            "Indicator": (
                "Percentage of telephone calls answered by the Contact Centre in 30 seconds"
            ),
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "%",
            "Annual Target": 0.7,
            "Q1": 0.83,
            "Comment": (
                "Percentage value given is as at end of the quarter (higher is better)\n"
                "Performance dipped first few days around the bank holiday in June (1 st , 6 th , "
                "7 th , 8 th) All other days exceeded target"
            ),
        },
        {
            "Ref": "CP6",
            "Indicator": "Percentage of Non-domestic Rates Collected",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "%",
            "Annual Target": 0.98,
            "Q1": 0.293,
            "Last Year Q1": 0.2,
            "Comment": (
                "Year to date figures, values are cumulative (higher is better)\n"
                "Improvement over 20% at same time last year"
            ),
        },
        {
            "Ref": "CP7",
            "Indicator": "Percentage of Council Tax collected",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "%",
            "Annual Target": 0.98,
            "Q1": 0.295,
            "Last Year Q1": 0.287,
            "Comment": (
                "Year to date figures, values are cumulative (higher is better)\n"
                "Improvement over 28.7% at same time last year"
            ),
        },
        {
            "Ref": "CP8",
            "Indicator": "Percentage uptime of key systems",
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "%",
            "Annual Target": 0.99,
            "Q1": 1.0,
            "Comment": (
                "Percentage value given is for the quarter and rounded to one decimal place "
                "(higher is better)\n"
                "No major system outage in period outside of planned downtime for changes."
            ),
        },
        {
            "Ref": "CP9",
            "Indicator": "Percentage of uptime of Hart's website",
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "%",
            "Annual Target": 0.98,
            "Q1": 1.0,
            "Comment": (
                "Percentage value given is for the quarter and rounded to one decimal place "
                "(higher is better)\n"
                "Exceeded 99.99% uptime over the quarter, 2.58 minute outage in May was only one "
                "recorded."
            ),
        },
        {
            "Ref": "CP10",
            "Indicator": "Number of missed collections excluding garden waste (per 100,000)",
            "Polarity": "Lower is better",
            "Measure": "Snapshot",
            "Unit": "Number",
            "Annual Target": 40,
            "Comment": (
                "Target aims to miss no more than 40 bins per 100,000 collected for all bin "
                "collections except garden . A missed collection is where a round has taken "
                "place and a bin (or bins) has been missed, this excludes any mutually "
                "pre-agreed suspension of service, usually applied where events are beyond the "
                "control of either the authorities' or their contractor. (lower is better)\n"
                "No Q1 figure (cell blank): " + _SERCO
            ),
        },
        {
            "Ref": "CP11",
            "Indicator": "Number of missed garden waste collections (per 100,000)",
            "Polarity": "Lower is better",
            "Measure": "Snapshot",
            "Unit": "Number",
            "Annual Target": 250,
            "Comment": (
                "Target aims to miss no more than 250 bins per 100,000 collected for garden "
                "waste services. A missed collection is where a round has taken place and a bin "
                "(or bins) has been missed, this excludes any mutually pre-agreed suspension of "
                "service, usually applied where events are beyond the control of either the "
                "authorities' or their contractor. (lower is better)\n"
                "No Q1 figure (cell blank): " + _SERCO
            ),
        },
        {
            "Ref": "CP12",
            "Indicator": "Overall cost of waste per household",
            "Polarity": "Lower is better",
            "Measure": "Annual",
            "Unit": "£",
            "Annual Target": 25,
            "Q1": "-",
            "Comment": (
                "Set annually based on the number of households served and reported in Q4. "
                "Calculated as net cost of HAWCLT,HAWCOM, HAWSTE for the 21/22 budget divided by "
                "the Council Tax Stock of properties produced by the VOA (lower is better)\n"
                "Reported annually"
            ),
        },
        {
            "Ref": "CP13",
            "Indicator": "Total recycling rate",
            "Polarity": "Higher is better",
            "Measure": "Snapshot",
            "Unit": "%",
            "Annual Target": 0.46,
            "Comment": (
                "Percentage value given is for the quarter (higher is better)\n"
                "No Q1 figure (cell blank): " + _SERCO
            ),
        },
    ],
    "Contracts": [
        {"Ref": "C1", "Contract": "Legal Services", "Description": _CONTRACT_DESC},
        {"Ref": "C2", "Contract": "Leisure Services", "Description": _CONTRACT_DESC},
        {"Ref": "C3", "Contract": "Revenues and Benefit Services", "Description": _CONTRACT_DESC},
        {"Ref": "C4", "Contract": "Internal Audit", "Description": _CONTRACT_DESC},
        {
            "Ref": "C5",
            "Contract": "Waste",
            "Supplier": "Serco",
            "Description": (
                _CONTRACT_DESC + "\nSubject to a contractual dispute with Serco over missed bin "
                "data (indicators CP10, CP11, CP13)"
            ),
        },
        {"Ref": "C6", "Contract": "Exchequer Services", "Description": _CONTRACT_DESC},
        {"Ref": "C7", "Contract": "Contact Centre", "Description": _CONTRACT_DESC},
    ],
    "Versions": [
        {"Version": "V0.1", "Date": date(2022, 8, 11)},
    ],
}

# Counted from the document, independently of PLAN (tests compare them with the workbook).
COUNTS = {
    "priorities": 19,
    "outcomes": 24,
    "kpis": 13,
    "kpi_years": 0,
    "risks": 0,
    "projects": 0,
    "milestones": 0,
    "contracts": 7,
    "budget_years": 0,
    "versions": 1,
}

# Things in the document the workbook cannot carry, and judgement calls worth a reviewer's look.
NOTES = [
    "Priority updates are headed 'Update on 12.08.22'; the workbook has no column for the update "
    "date.",
    "Several outcomes in one cell are split into rows with the same Ref: priority 1 (3 outcomes), "
    "2, 4 and 5 (2 each), so 19 priorities give 24 rows. Priority 1's update is split by its "
    "own sub-headings; its 'COVID Additional Relief Fund' paragraph (no matching outcome) is put "
    "with the Business Rates Grants row. Updates of priorities 2, 4 and 5 are not split by "
    "outcome and are repeated on each row.",
    "Many updates start with a date that looks like a target date (e.g. '30 November 2022 The "
    "new homepage...'); it is used as Target Date and the update text is kept whole. Dates "
    "written with a spaced ordinal ('31 st August 2022', '30 th June 2022', '31 st March 2023') "
    "stay strings. Priority 7 has a revised completion date of 31 December 2022 (kept in "
    "Update). Priority 17's '2022 Elections delivered' is not read as a target date.",
    "Statuses are set only where the update states them: 6 'This is now in place' -> Complete; "
    "12 'on target for 100% achievement' -> On track; 14 'On track to be delivered' -> On track; "
    "17 '2022 Elections delivered' -> Complete.",
    "Text cells that flowed across page breaks (repeated table headers) are re-joined: "
    "priority 14's Priority ends 'access across the Council', its Outcome 'quicker speeds' and "
    "its Update '2022.'; priority 6's Outcome ends 'Services'.",
    "Each KPI's explanatory note (which states cumulative/quarterly basis and polarity) is kept "
    "as the first paragraph of Comment, followed by the Q1 comment; the workbook has no note "
    "column. The report has only Q1 figures; Q2-Q4 cells are blank.",
    "CP2, CP3, CP5, CP8, CP9, CP10, CP11 and CP13 have a 'Target' (compared with each quarter); "
    "CP1, CP4, CP6, CP7 and CP12 have an 'Annual Target'. Both go into Annual Target.",
    "CP6 and CP7 Last Year Q1 (20% and 28.7%) are taken from the comments 'Improvement over ... "
    "at same time last year'.",
    "CP10, CP11 and CP13 have blank Q1 cells because of the contractual dispute with Serco (data "
    "not provided, definition of 'missed bin' disputed, legal advice sought); Q1 omitted. The "
    "document repeats the same 'missed bin' comment for CP13, the recycling rate.",
    "CP12's Q1 cell holds '-' (reported annually, in Q4); kept as the string '-'. Its Annual "
    "Target '£25' is stored as 25 with Unit £. Its note has a hyperlink '[VOA](#)', kept as "
    "'VOA'. The CP12 table has no Comment header but carries 'Reported annually'.",
    "CP4 is Yes/No (Q1 'No', Annual Target 'Yes'); Measure read as Snapshot (reported each "
    "quarter, balanced budget set in Q3) and Polarity as Higher is better (Yes is the target).",
    "A table after CP13 maps the waste indicators to ET codes with blank Annual Targets: ET06 = "
    "CP10, ET07 = CP11, ET08 = CP12, ET09 = CP13. Not added as KPI rows (they duplicate "
    "CP10-CP13).",
    "No risks: the document says 'See separate draft risk assessment attachment' (reviewed at a "
    "minimum quarterly, feeding the Corporate Risk Register reported to Overview & Scrutiny).",
    "No Head of Service is named: the Head of Corporate Services left in May 2022, with "
    "recruitment interviews on 23 August 2022. No Directorate, Cabinet Member, budget or FTE in "
    "the document.",
    "Contracts C1-C7 are the services listed as 'contract managed by the Corporate Team' (no "
    "values or dates given). Serco as Waste supplier is taken from the CP10/CP11/CP13 comments. "
    "Everyone Active (priority 3 update: income, open book, RPI cap) is probably the leisure "
    "contractor but the document does not say so; not filled in.",
    "Service overview functions (Audit and Performance, Communications, Business Grants "
    "Payments, Website, Test and Trace payments, Elections and Electoral Registration, Corporate "
    "Strategy and Policy, Committee Services, Commercialisation, IT, Digitalisation and Change, "
    "Contracts and Procurement and GDPR, Finance, Project Board, Payroll and Human Resources), "
    "the council's vision themes and HART values have no sheet.",
    "Versions: 'Version Control 11 August 2022 V0.1'; no author or changes given.",
]
