"""Three Rivers District Council Housing Services service plan 2022-2025: transcription of seed
003_485fb136ae13c5e5.txt.

The document is Three Rivers District Council's three-year Housing Services service plan
(2022-2025), drafted in autumn 2021 (version control V1-V6, 08/10/2021 to 07/02/2022). It holds a
service overview, a table of the service's contribution to four corporate themes, four
performance indicators (three corporate KPIs and one service PI) with the 2020/21 actual and
targets for 2021/22 to 2024/25, four projects with milestones by quarter of 2022/23 and then by
year (2023/24, 2024/25), a contract register of seven agreements, a risk register of seven risks
with residual likelihood/impact scores on a 4x4 matrix, and a version control table. There is no
budget or FTE information. Judgement calls: each corporate theme is one priority (refs P1-P4
invented) whose Priority text is the theme's corporate objectives and whose outcomes are the
service's listed contributions; the 2022/23 target is the KPIs' Annual Target and every year's
figure goes into KPI Years (2020/21 as Outturn, later years as Target); risks have no refs in
the document so R1-R7 were assigned; the plan Version is taken from the last row of the version
control table.
"""

from datetime import date

SEED = "003_485fb136ae13c5e5.txt"

PLAN = {
    "Plan": {
        "Council": "Three Rivers District Council",
        "Service": "Housing Services",
        "Directorate": "Community & Environmental Services",
        "Plan Year": "2022/23",
        "Plan Period": "2022-2025",
        "Version": "V6",
        "Risk Matrix": "4x4",
    },
    "Priorities": [
        {
            "Ref": "P1",
            "Priority": (
                "We will work on a local plan to deliver sufficient housing and adopt that plan "
                "by 2025\n"
                "Through our joint ventures and partnerships we will take all available "
                "practicable action to increase the supply of affordable homes in the district\n"
                "We will seek to maintain the number of Green Flag accredited parks and open "
                "spaces\n"
                "We will work towards reducing inequalities, prevent homelessness and encourage "
                "healthy lifestyles\n"
                "We will continue to work with partners to tackle crime and anti-social "
                "behaviour and secure investment in priority interventions"
            ),
            "Corporate Theme": "Housing and Thriving Communities",
            "Outcome": (
                "The Housing, Homelessness and Rough Sleeping Strategy 2017-22 has the following "
                "objectives: 1. Prevent and relieve homelessness, 2. Increase the supply of "
                "accommodation including temporary accommodation, 3. Improve the standard of "
                "housing across the district"
            ),
        },
        {
            "Ref": "P1",
            "Priority": (
                "We will work on a local plan to deliver sufficient housing and adopt that plan "
                "by 2025\n"
                "Through our joint ventures and partnerships we will take all available "
                "practicable action to increase the supply of affordable homes in the district\n"
                "We will seek to maintain the number of Green Flag accredited parks and open "
                "spaces\n"
                "We will work towards reducing inequalities, prevent homelessness and encourage "
                "healthy lifestyles\n"
                "We will continue to work with partners to tackle crime and anti-social "
                "behaviour and secure investment in priority interventions"
            ),
            "Corporate Theme": "Housing and Thriving Communities",
            "Outcome": "Continue to host the quarterly Homelessness Forum with partners",
        },
        {
            "Ref": "P1",
            "Priority": (
                "We will work on a local plan to deliver sufficient housing and adopt that plan "
                "by 2025\n"
                "Through our joint ventures and partnerships we will take all available "
                "practicable action to increase the supply of affordable homes in the district\n"
                "We will seek to maintain the number of Green Flag accredited parks and open "
                "spaces\n"
                "We will work towards reducing inequalities, prevent homelessness and encourage "
                "healthy lifestyles\n"
                "We will continue to work with partners to tackle crime and anti-social "
                "behaviour and secure investment in priority interventions"
            ),
            "Corporate Theme": "Housing and Thriving Communities",
            "Outcome": "Housing team attendance at the Anti-Social Behaviour Action Group meeting",
        },
        {
            "Ref": "P2",
            "Priority": (
                "We will deliver the Climate Emergency and sustainability Strategy and action "
                "plan\n"
                "We will continue to improve the energy efficiency of the council's buildings and "
                "local housing.\n"
                "We will deliver and implement a Cycling and Walking Strategy\n"
                "We will seek to maintain our position as one of the highest recycling "
                "authorities in Hertfordshire and England."
            ),
            "Corporate Theme": "Sustainable Environment",
            "Outcome": (
                "Refer customers for Green Homes Grants where applicable. Promote and encourage "
                "landlords to improve energy rating of their properties"
            ),
        },
        {
            "Ref": "P2",
            "Priority": (
                "We will deliver the Climate Emergency and sustainability Strategy and action "
                "plan\n"
                "We will continue to improve the energy efficiency of the council's buildings and "
                "local housing.\n"
                "We will deliver and implement a Cycling and Walking Strategy\n"
                "We will seek to maintain our position as one of the highest recycling "
                "authorities in Hertfordshire and England."
            ),
            "Corporate Theme": "Sustainable Environment",
            "Outcome": (
                "Explore the possibility of using the Green Homes Grant to improve the overall "
                "standard and energy efficiency of Council owned temporary accommodation "
                "properties."
            ),
        },
        {
            "Ref": "P3",
            "Priority": (
                "We will produce an Economic Strategy and implement the associated action plan.\n"
                "We will continue to participate in the Hertfordshire Growth Board and South West "
                "Herts Partnership and engage the Hertfordshire Local Enterprise Partnership to "
                "support the economy\n"
                "Three Rivers will be recognised as a great place to do business\n"
                "We will continue to improve our relationship with the local business community\n"
                "We will continue to support Visit Herts and promote Three Rivers as the home of "
                "the internationally significant Warner Bros Studios"
            ),
            "Corporate Theme": "Successful Economy",
            "Outcome": (
                "Following ongoing contribution, explore any housing solutions provided by the "
                "Hertfordshire Growth Board that would be of economic benefit to the Council."
            ),
        },
        {
            "Ref": "P4",
            "Priority": (
                "We will generate enough income to continue to provide services for the district\n"
                "We will develop and deliver an improved Property Investment Strategy to maximise "
                "income from our assets and support the Commercial Strategy\n"
                "We will progress our Customer Experience Strategy that provides a range of "
                "contact channels for customers and sets out corporate expectations of how they "
                "should be treated\n"
                "We will produce an Organisational Development Strategy to support the Council in "
                "delivering its priorities and objectives."
            ),
            "Corporate Theme": "High Performing, Financially Independent Council",
            "Outcome": "Involvement in Customer Experience Strategy and new ways of working.",
        },
    ],
    "KPIs": [
        {
            "Ref": "HN01",
            "Indicator": (
                "Maximum number of households living in temporary accommodation on the last day "
                "of the quarter (snapshot)"
            ),
            "Lead": "Head of Housing Services",
            "Polarity": "Lower is better",
            "Measure": "Snapshot",
            "Unit": "Number",
            "Annual Target": 75,
            "Comment": "Key Performance Indicator (KPI) supporting the Corporate Framework.",
        },
        {
            "Ref": "HN03",
            "Indicator": (
                "Maximum number of households in temporary accommodation throughout the year"
            ),
            "Lead": "Head of Housing Services",
            "Polarity": "Lower is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 160,
            "Comment": "Key Performance Indicator (KPI) supporting the Corporate Framework.",
        },
        {
            "Ref": "HN10",
            "Indicator": "Number of households prevented or relieved from homelessness",
            "Lead": "Head of Housing Services",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 190,
            "Comment": "Key Performance Indicator (KPI) supporting the Corporate Framework.",
        },
        {
            "Ref": "HN06",
            "Indicator": (
                "Promote access to private sector lettings in order to prevent and relieve "
                "homelessness"
            ),
            "Lead": "Head of Housing Services",
            "Polarity": "Higher is better",
            "Measure": "Cumulative",
            "Unit": "Number",
            "Annual Target": 24,
            "Comment": "Service Performance Indicator (PI).",
        },
    ],
    "KPI Years": [
        {"Ref": "HN01", "Year": "2020/21", "Outturn": 57, "Comment": "Actual"},
        {"Ref": "HN01", "Year": "2021/22", "Target": 70, "Comment": "Current year"},
        {"Ref": "HN01", "Year": "2022/23", "Target": 75, "Comment": "Next Year"},
        {"Ref": "HN01", "Year": "2023/24", "Target": 75},
        {"Ref": "HN01", "Year": "2024/25", "Target": 75},
        {"Ref": "HN03", "Year": "2020/21", "Outturn": 145, "Comment": "Actual"},
        {"Ref": "HN03", "Year": "2021/22", "Target": 160, "Comment": "Current year"},
        {"Ref": "HN03", "Year": "2022/23", "Target": 160, "Comment": "Next Year"},
        {"Ref": "HN03", "Year": "2023/24", "Target": 165},
        {"Ref": "HN03", "Year": "2024/25", "Target": 165},
        {"Ref": "HN10", "Year": "2020/21", "Outturn": 190, "Comment": "Actual"},
        {"Ref": "HN10", "Year": "2021/22", "Target": 180, "Comment": "Current year"},
        {"Ref": "HN10", "Year": "2022/23", "Target": 190, "Comment": "Next Year"},
        {"Ref": "HN10", "Year": "2023/24", "Target": 190},
        {"Ref": "HN10", "Year": "2024/25", "Target": 200},
        {"Ref": "HN06", "Year": "2020/21", "Outturn": 32, "Comment": "Actual"},
        {"Ref": "HN06", "Year": "2021/22", "Target": 24, "Comment": "Current year"},
        {"Ref": "HN06", "Year": "2022/23", "Target": 24, "Comment": "Next Year"},
        {"Ref": "HN06", "Year": "2023/24", "Target": 28},
        {"Ref": "HN06", "Year": "2024/25", "Target": 28},
    ],
    "Risks": [
        {"Ref": "R1", "Risk": "Insufficient staff", "Residual Likelihood": 2,
         "Residual Impact": 2},
        {"Ref": "R2", "Risk": "Total failure of ICT systems", "Residual Likelihood": 2,
         "Residual Impact": 2},
        {"Ref": "R3", "Risk": "Loss of accommodation", "Residual Likelihood": 2,
         "Residual Impact": 2},
        {"Ref": "R4", "Risk": "Fraudulent activity", "Residual Likelihood": 2,
         "Residual Impact": 2},
        {"Ref": "R5", "Risk": "Loss or insufficient temporary accommodation",
         "Residual Likelihood": 2, "Residual Impact": 2},
        {"Ref": "R6", "Risk": "Failure to provide out of hours emergency provision",
         "Residual Likelihood": 2, "Residual Impact": 2},
        {"Ref": "R7", "Risk": "Legal challenge to contracting out of homeless reviews",
         "Residual Likelihood": 2, "Residual Impact": 1},
    ],
    "Projects": [
        # PR1: no Quarter 1, Quarter 4 or 2024/25 milestone in the document.
        {
            "Ref": "PR1",
            "Project": (
                "Develop pathways for different client groups e.g. people with drug, alcohol or "
                "mental health issues"
            ),
            "Outcome": "Client groups are dealt with in a planned way rather than at crisis",
            "Manager": "Housing Options Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Draft pathways to be considered by Homeless Forum",
            "Due": "Q2 2022/23",
        },
        {
            "Ref": "PR1",
            "Project": (
                "Develop pathways for different client groups e.g. people with drug, alcohol or "
                "mental health issues"
            ),
            "Outcome": "Client groups are dealt with in a planned way rather than at crisis",
            "Manager": "Housing Options Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Pathways agreed by all partners",
            "Due": "Q3 2022/23",
        },
        {
            "Ref": "PR1",
            "Project": (
                "Develop pathways for different client groups e.g. people with drug, alcohol or "
                "mental health issues"
            ),
            "Outcome": "Client groups are dealt with in a planned way rather than at crisis",
            "Manager": "Housing Options Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Project complete and awareness sessions delivered for all partners",
            "Due": "2023/24",
        },
        # PR2: no Quarter 4, 2023/24 or 2024/25 milestone in the document.
        {
            "Ref": "PR2",
            "Project": "Develop the service offer for Severe Weather Emergency Provision (SWEP)",
            "Outcome": "Clear pathway for customers and efficient use of resources for the Council",
            "Manager": "Housing Options Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Review offer for customers",
            "Due": "Q1 2022/23",
        },
        {
            "Ref": "PR2",
            "Project": "Develop the service offer for Severe Weather Emergency Provision (SWEP)",
            "Outcome": "Clear pathway for customers and efficient use of resources for the Council",
            "Manager": "Housing Options Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Develop pathway",
            "Due": "Q2 2022/23",
        },
        {
            "Ref": "PR2",
            "Project": "Develop the service offer for Severe Weather Emergency Provision (SWEP)",
            "Outcome": "Clear pathway for customers and efficient use of resources for the Council",
            "Manager": "Housing Options Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Pathway in place in time for winter months",
            "Due": "Q3 2022/23",
        },
        # PR3: no Quarter 3 or 2024/25 milestone in the document.
        {
            "Ref": "PR3",
            "Project": "Review the Rent Deposit Guarantee Scheme (RDGS)",
            "Outcome": "Improved scheme and more properties sourced",
            "Manager": "Housing Supply Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Review existing scheme",
            "Due": "Q1 2022/23",
        },
        {
            "Ref": "PR3",
            "Project": "Review the Rent Deposit Guarantee Scheme (RDGS)",
            "Outcome": "Improved scheme and more properties sourced",
            "Manager": "Housing Supply Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Research alternative options",
            "Due": "Q2 2022/23",
        },
        {
            "Ref": "PR3",
            "Project": "Review the Rent Deposit Guarantee Scheme (RDGS)",
            "Outcome": "Improved scheme and more properties sourced",
            "Manager": "Housing Supply Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Propose and agree new RDGS",
            "Due": "Q4 2022/23",
        },
        {
            "Ref": "PR3",
            "Project": "Review the Rent Deposit Guarantee Scheme (RDGS)",
            "Outcome": "Improved scheme and more properties sourced",
            "Manager": "Housing Supply Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Launch new scheme",
            "Due": "2023/24",
        },
        # PR4: a milestone in every column.
        {
            "Ref": "PR4",
            "Project": (
                "Develop protocol with social housing landlords regarding housing conditions"
            ),
            "Outcome": "Improved relationship and pathways meaning better outcome for customers",
            "Manager": "Residential Environmental Health Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Reviewing existing arrangements & contacts",
            "Due": "Q1 2022/23",
        },
        {
            "Ref": "PR4",
            "Project": (
                "Develop protocol with social housing landlords regarding housing conditions"
            ),
            "Outcome": "Improved relationship and pathways meaning better outcome for customers",
            "Manager": "Residential Environmental Health Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Contact landlords with largest Stock",
            "Due": "Q2 2022/23",
        },
        {
            "Ref": "PR4",
            "Project": (
                "Develop protocol with social housing landlords regarding housing conditions"
            ),
            "Outcome": "Improved relationship and pathways meaning better outcome for customers",
            "Manager": "Residential Environmental Health Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Enter discussions with landlords",
            "Due": "Q3 2022/23",
        },
        {
            "Ref": "PR4",
            "Project": (
                "Develop protocol with social housing landlords regarding housing conditions"
            ),
            "Outcome": "Improved relationship and pathways meaning better outcome for customers",
            "Manager": "Residential Environmental Health Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Agree a protocol",
            "Due": "Q4 2022/23",
        },
        {
            "Ref": "PR4",
            "Project": (
                "Develop protocol with social housing landlords regarding housing conditions"
            ),
            "Outcome": "Improved relationship and pathways meaning better outcome for customers",
            "Manager": "Residential Environmental Health Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Enshrine protocol into procedures",
            "Due": "2023/24",
        },
        {
            "Ref": "PR4",
            "Project": (
                "Develop protocol with social housing landlords regarding housing conditions"
            ),
            "Outcome": "Improved relationship and pathways meaning better outcome for customers",
            "Manager": "Residential Environmental Health Manager",
            "Sponsor": "Head of Housing Services",
            "Milestone": "Evaluate how protocol is working",
            "Due": "2024/25",
        },
    ],
    "Contracts": [
        {
            "Ref": "C1",
            "Contract": "Homelessness Reviews",
            "Supplier": "Homelessness Reviews Framework",
            "Description": (
                "Homelessness reviews (s.202 decisions)\nService area: Housing Services"
            ),
            "Contact": "Kimberley Grout",
            "Value": "N/A",
            "Start Date": "March 2018",
            "End Date": "March 2022",
            "Review Date": "Summer 2021",
            "Extension Option": "New framework required",
        },
        {
            "Ref": "C2",
            "Contract": "Homelessness Out of Hours Service",
            "Supplier": "Hertsmere Borough Council",
            "Description": (
                "Out of hours homelessness emergencies\nService area: Housing Services"
            ),
            "Contact": "Kimberley Grout",
            "Value": "£3,500 per annum",
            "Value Basis": "Annual",
            "Start Date": date(2014, 4, 1),
            "End Date": "Ongoing",
            "Review Date": "2019",
            "Extension Option": "New contract required",
        },
        {
            "Ref": "C3",
            "Contract": "Housing Cloud Software – G-Cloud Framework",
            "Supplier": "Home Connections",
            "Description": (
                "Computer service for housing register, allocations, housing advice and "
                "homelessness\nService area: Housing Services"
            ),
            "Contact": "Kimberley Grout",
            "Value": 35200,
            "Value Basis": "Total",
            "Start Date": date(2021, 11, 29),
            "End Date": date(2024, 11, 29),
            "Review Date": "2024",
            "Extension Option": "Can be extended by two further years",
        },
        {
            "Ref": "C4",
            "Contract": "Noise App and Website",
            "Supplier": "RH Environmental",
            "Description": (
                "Smartphone app and website for reporting and recording noise nuisance\n"
                "Service area: Housing Services"
            ),
            "Contact": "Residential Environmental Health Mgr",
            "Value": "£636 per annum",
            "Value Basis": "Annual",
            "Start Date": date(2015, 8, 13),
            "End Date": "Ongoing, annual review",
            "Review Date": "2022",
            "Extension Option": "Annual review and renewal",
        },
        {
            "Ref": "C5",
            "Contract": "Management Agreement for Temporary Accommodation",
            "Supplier": "Watford Community Housing",
            "Description": (
                "Management agreement for Lincoln Drive (temporary accommodation)\n"
                "Service area: Housing Services"
            ),
            "Contact": "Kimberley Grout",
            "Value": "£63,746 per annum",
            "Value Basis": "Annual",
            "Start Date": date(2018, 7, 11),
            "End Date": "Ongoing",
            "Review Date": "N/A",
            "Extension Option": "No end date set, reviewed annually",
        },
        {
            "Ref": "C6",
            "Contract": "Management Agreement for Temporary Accommodation",
            "Supplier": "Watford Community Housing",
            "Description": (
                "Management agreement for 15 Bury Lane (temporary accommodation)\n"
                "Service area: Housing Services"
            ),
            "Contact": "Kimberley Grout",
            "Value": "£45,724 per annum",
            "Value Basis": "Annual",
            "Start Date": date(2019, 9, 2),
            "End Date": date(2025, 9, 2),
            "Review Date": "2025",
            "Extension Option": "New agreement will be needed",
        },
        {
            "Ref": "C7",
            "Contract": "Management Agreement for Temporary Accommodation",
            "Supplier": "Watford Community Housing",
            "Description": (
                "Management agreement for Jack Prescott Place and Spellen Place (temporary "
                "accommodation)\nService area: Housing Services"
            ),
            "Contact": "Kimberley Grout",
            "Value": "£44,830 per annum",
            "Value Basis": "Annual",
            "Start Date": date(2020, 12, 23),
            "End Date": date(2025, 12, 23),
            "Review Date": "2025",
            "Extension Option": "Option to extend for a further 5 years if both parties agree",
        },
    ],
    "Budget": [],
    "Versions": [
        {"Version": "V1", "Date": date(2021, 10, 8), "Author": "KG",
         "Changes": "2022-25 service plan first draft"},
        {"Version": "V2", "Date": date(2021, 10, 14), "Author": "KG",
         "Changes": "Updated following comments from managers"},
        {"Version": "V3", "Date": date(2021, 10, 20), "Author": "KG",
         "Changes": "Updated to include safeguarding information"},
        {"Version": "V4", "Date": date(2021, 11, 2), "Author": "KG",
         "Changes": "Updated to include structure chart"},
        {"Version": "V5", "Date": date(2021, 11, 9), "Author": "KG",
         "Changes": "Removal of project for 2023/24 relating to PID application"},
        {"Version": "V6", "Date": date(2022, 2, 7), "Author": "KG",
         "Changes": (
             "Update to contract register. Wording altered in section 1.1 following Committee "
             "comments"
         )},
    ],
}

# Counted from the document, independently of PLAN (tests compare them with the workbook).
COUNTS = {
    "priorities": 4,   # four corporate themes in the 2.1.1 table
    "outcomes": 7,     # service contributions: 3 + 2 + 1 + 1
    "kpis": 4,         # HN01, HN03, HN10 (KPIs) + HN06 (service PI)
    "kpi_years": 20,   # 4 indicators x 5 years (2020/21 actual, 2021/22-2024/25 targets)
    "risks": 7,
    "projects": 4,
    "milestones": 16,  # 3 + 3 + 4 + 6 filled milestone cells
    "contracts": 7,
    "budget_years": 0,
    "versions": 6,
}

# Things in the document the workbook cannot carry, and judgement calls worth a reviewer's look.
NOTES = [
    "Priorities: the document gives no refs; P1-P4 were assigned to the four corporate themes "
    "(Housing and Thriving Communities; Sustainable Environment; Successful Economy; High "
    "Performing, Financially Independent Council). Priority holds the theme's 'Corporate "
    "Objectives' (one per line, bullet glyphs and HTML list markup removed); each 'Service "
    "contribution to the Corporate Themes' item is one Outcome row. No target dates, leads or "
    "statuses are given for them.",
    "P4's second corporate objective wraps across a table row in the seed ('...improved Property "
    "Investment Strategy' / 'to maximise income from our assets and support the Commercial "
    "Strategy'); it was rejoined into one objective.",
    "Plan: no Head of Service or Cabinet Member is named. The 'Head of Housing Services' is "
    "referred to only by title (also Corporate Lead for Safeguarding and responsible for the PI "
    "data). Kimberley Grout is the service contact on most contracts and 'KG' made every version, "
    "but the document does not say she is Head of Service, so it was not filled in.",
    "Plan: Directorate taken from 'Housing Services is part of the Director of Community & "
    "Environmental Services Directorate'. Version 'V6' is the last row of the version control "
    "table (07/02/2022); the document has no version on its cover. The cover has 'HOUSING "
    "SERVICES SERVICE PLAN 2022 - 2025' (Plan Period written here as 2022-2025).",
    "KPIs: no quarterly profiles or in-year actuals; Annual Target is the 2022/23 target ('Next "
    "Year' in the document). Lead 'Head of Housing Services' comes from the statement that the "
    "Head of Housing Services is responsible for the source data, data entry and checking. "
    "HN01, HN03 and HN10 are listed as 'Key Performance Indicators (KPIs) supporting the Corporate "
    "Framework' and HN06 as a 'Service Performance Indicator (PI)': the workbook has no column for "
    "that, so it is in Comment. No corporate theme is given per indicator.",
    "KPIs: Polarity and Measure are readings: HN01 (snapshot of households in TA) and HN03 (TA) "
    "Lower is better; HN10 (preventions/reliefs) and HN06 (private sector lettings) Higher is "
    "better. HN01 is a Snapshot as its name says; HN03, HN10 and HN06 are treated as Cumulative "
    "counts through the year (HN03's 160 target vs HN01's 75 implies a count of households over "
    "the year).",
    "KPI Years: 2020/21 is an actual (Outturn); 2021/22 to 2024/25 are targets. Comments "
    "'Current year' and 'Next Year' are the document's column labels for 2021/22 and 2022/23.",
    "Risks: no refs in the document, R1-R7 assigned in order. Only residual likelihood, impact "
    "and score are given (no inherent/target scores, owners, controls, categories or review "
    "dates). Residual scores in the document: six risks 2x2=4 and 'Legal challenge to contracting "
    "out of homeless reviews' 2x1=2, i.e. 4,4,4,4,4,4,2 as expected. On the document's matrix a "
    "score of 4 at likelihood 2/impact 2 is 'Low 4' and 2 is 'Low 2'.",
    "Risk matrix (4x4): Impact 4 Catastrophic, 3 Critical, 2 Significant, 1 Marginal; "
    "Likelihood 4 Very Likely (>=80%), 3 Likely (21-79%), 2 Unlikely (6-20%), 1 Remote (<=5%). "
    "Score bands on the matrix: Low 1-4, Medium 6, High 8-9, Very High 12-16; the band labels "
    "cannot be carried by the workbook.",
    "Projects: no refs in the document, PR1-PR4 assigned. Milestones are laid out as Quarter 1-4 "
    "of 2022/23 then 2023/24 and 2024/25 columns; Due is 'Qn 2022/23' or the year. Empty cells "
    "were not turned into rows: PR1 has nothing for Q1, Q4 or 2024/25; PR2 nothing after Q3 "
    "2022/23; PR3 nothing for Q3 or 2024/25 (column position confirmed by the table's separator "
    "line). No statuses are given. Version V5 records the removal of a 2023/24 project "
    "relating to a PID application.",
    "Contracts: no refs, C1-C7 assigned. Every contract's service area is 'Housing Services' "
    "(appended to Description). The register header is 'Contract Sum £'; values with 'per annum' "
    "are Annual, £35,200 (Housing Cloud Software, 29/11/2021-29/11/2024) is taken as a Total "
    "contract sum, C1's 'N/A' has no basis. C7's cells wrap over two lines in the seed and were "
    "rejoined. Several review dates are already past at plan time (C1 'Summer 2021', C2 '2019'), "
    "and C1 ended March 2022 with 'New framework required'.",
    "Not carried: the introduction on monitoring (regular discussion, quarterly CMT PI monitoring, "
    "Committee reports, projects and policy registers; annual formal update), the service "
    "overview (Residential Environmental Health, Housing Options, Housing Supply; 4 Level 2 "
    "trained Designated Safeguarding Leads; Head of Housing Services is Corporate Lead for "
    "Safeguarding), the data-quality statement (Audit Commission's Standards for Better Data "
    "Quality) and the service structure chart (an image, headed 'Housing & Residential Service', "
    "numbered 1.3 in the text but 1.2 in the contents). No budget or FTE figures are given.",
]
