"""Sefton Council Neighbourhoods and Investment Programmes service plan 2010/11:
transcription of seed 004_be9ce8462742b926.txt.

The document is a cabinet report to the Cabinet
Members for Regeneration (1 September 2010) and Communities (8 September 2010), by Alan Lunt,
Neighbourhoods & Investment Programmes Director. It asks them to approve the department's
'light touch' service plan for 2010-11 ("Service Plan March 2010 to March 2011", Communities
directorate). The plan has six departmental priorities, and the report says there are 24 actions
under them. Each action gives whether it is resourced, a deadline, and its outcomes/measures. Each
priority also says which priorities it links to and why it is a priority. There is no KPI table,
no risk register, no contracts, no budget figures (the report's capital/revenue implications
table is blank) and no version table. The judgement calls: one Priorities row per action (24
rows). Outcome holds the action and its outcomes ("Action: ...\nOutcomes: ..."). Target Date holds
the deadline. Update holds "Is it resourced?" and, on the first row of each priority, "Why are
they priorities?". Corporate Theme holds the numbers in the "Which Priority does it link to?"
column, as written. The seed is a PDF extraction in which several cells are split into column
fragments. Fragments are reassembled only where every piece is there and the order is
unambiguous. Otherwise the text is kept as the seed has it (tabs as spaces), and NOTES gives a
probable reading.
"""

from datetime import date  # noqa: F401  (template import; no full dates in this document)

SEED = "004_be9ce8462742b926.txt"

PLAN = {
    "Plan": {
        "Council": "Sefton Council",
        "Service": "Neighbourhoods and Investment Programmes",
        "Directorate": "Communities",
        "Head of Service": "Alan Lunt",
        "Cabinet Member": "Cabinet Member - Regeneration; Cabinet Member - Communities",
        "Plan Year": "2010/11",
    },
    "Priorities": [
        # ---- Priority 1 -------------------------------------------------------------------
        {
            "Ref": "1",
            "Priority": "Delivery of excellent, responsive and customer focussed services",
            "Corporate Theme": "1",
            "Outcome": (
                "Action: To deliver a customer focused approach to our services so that the "
                "customer is at the heart of everything we do. This will mean that we -\n"
                "- support our staff and give them all the skills they need in customer care "
                "to deliver services that our customers deserve and expect\n"
                "- commit to putting the right systems in place to make sure that the customer "
                "has a single point of contact and deal with all their issues in one go\n"
                "- Develop principles of customer contact — detailing how we respond to our "
                "customers, response rates etc\n"
                "- develop effective systems for recording customer contact\n"
                "Outcomes: Customers will receive a consistent level of service regardless of "
                "who they speak to within the department"
            ),
            "Target Date": "March 2010",
            "Update": (
                "Is it resourced? Yes\n"
                "Why are they priorities?\n"
                "Improving customer responsiveness is a key corporate project for Sefton\n"
                "As a 4 star authority we must strive to maintain excellent service delivery "
                "based upon what we know and understand of our communities\n"
                "Efficient use of resources is dependent upon knowing the demands of our "
                "customers and responding accordingly"
            ),
        },
        {
            "Ref": "1",
            "Priority": "Delivery of excellent, responsive and customer focussed services",
            "Corporate Theme": "1",
            "Outcome": (
                "Action: Ensure all staff are briefed to play a key role in delivering the "
                "Transformation Programme by recognising that we own it and by constantly "
                "challenging ourselves on ways to deliver better services for less or in more "
                "innovative ways to provide service improvements.\n"
                "Outcomes: Culture of positive challenge and not defensiveness within the "
                "department\n"
                "Staff feel part of the transformation agenda within the Council and can "
                "execute their roles within it\n"
                "Internal service reviews with focus on service improvement"
            ),
            "Target Date": "March 2010",
            "Update": "Is it resourced? Yes",
        },
        {
            "Ref": "1",
            "Priority": "Delivery of excellent, responsive and customer focussed services",
            "Corporate Theme": "1",
            "Outcome": (
                "Action: To recognise that addressing equalities and diversity is the only way "
                "to develop stronger communities and to design all of our services around the "
                "needs of individuals and communities and not one size fits all\n"
                "Outcomes: Better understanding of our communities and their individual needs\n"
                "Compliance with equalities legislation\n"
                "Improved service planning"
            ),
            "Target Date": "March 2010",
            "Update": "Is it resourced? Yes",
        },
        {
            "Ref": "1",
            "Priority": "Delivery of excellent, responsive and customer focussed services",
            "Corporate Theme": "1",
            "Outcome": (
                "Action: To maintain the strong relationships with our key partners and to "
                "contribute towards the development of our new area based governance "
                "structures as part of the Sefton Borough Partnership\n"
                "Outcomes: Effective partnerships with specific terms of reference and clarity "
                "of role\n"
                "Services with a stronger understanding of the local\n"
                "Better local accountability"
            ),
            "Target Date": "March 2010",
            "Update": "Is it resourced? Yes",
        },
        {
            "Ref": "1",
            "Priority": "Delivery of excellent, responsive and customer focussed services",
            "Corporate Theme": "1",
            "Outcome": (
                "Action: To actively implement corporate risk management processes and embed "
                "thes into our culture so that we all anticipate a plan for risks as part of "
                "our business. To ensure that we have an appropriate and costed asset "
                "management plan, accommodation strategy and the necessal ICT to operate an "
                "effective and efficient customer led service.\n"
                "Outcomes: Culture within the department that is not risk averse but risk "
                "aware\n"
                "Systems to allow rapid response to risk"
            ),
            "Target Date": "July 2010",
        },
        {
            "Ref": "1",
            "Priority": "Delivery of excellent, responsive and customer focussed services",
            "Corporate Theme": "1",
            "Outcome": (
                "Action: To have robust performance management systems in place which will "
                "highlight our areas of good and poor performance. To act on any issues that "
                "come up in a position and consistent way.\n"
                "Outcomes: Greater understanding within the department of levels of "
                "performance and expectation\n"
                "Staff with performance as a core role"
            ),
            "Target Date": "July 2010",
        },
        {
            "Ref": "1",
            "Priority": "Delivery of excellent, responsive and customer focussed services",
            "Corporate Theme": "1",
            "Outcome": (
                "Action: To empower our staff through positive leadership to effect changes to "
                "the way w work for the benefit of our community. To do this through a strong "
                "commitment to workforce development and by rewarding positive achievement and "
                "by investing in staff. To send out clear consistent messages about where we "
                "are going and how we need to get there.\n"
                "Outcomes: Department strong in leadership, coaching and mentoring\n"
                "Staff given the opportunity to develop and contribute to both the "
                "Department's and Council's development"
            ),
            "Target Date": "July 2010",
        },
        {
            "Ref": "1",
            "Priority": "Delivery of excellent, responsive and customer focussed services",
            "Corporate Theme": "1",
            "Outcome": (
                "Action: To communicate the priorities and actions within our plan to as wide "
                "an audience as possible:\n"
                "- to ensure that staff within the Department sign up to it and work across "
                "the Council to deliver them.\n"
                "- so that other parts of the Council and partners work with us to deliver "
                "these priorities\n"
                "- so that our residents, Parishes and businesses can have say in what needs "
                "to be done and can tell us if we need to change anything to make it work for "
                "them\n"
                "Outcomes: Engaged and aware staff\n"
                "Clearly defined priorities – efficient use of staff resources\n"
                "Better understanding of community needs"
            ),
            "Target Date": "June 2010",
            "Update": "Is it resourced? Yes",
        },
        # ---- Priority 2 -------------------------------------------------------------------
        {
            "Ref": "2",
            "Priority": (
                "To lead on the development and implementation of area management within the "
                "Council and key partner organisations."
            ),
            "Corporate Theme": "1,2,3,4,5,6",
            "Outcome": (
                "Action: 1. To get the area based governance structures right. Focussing on "
                "building up the Area Committees skills and knowledge to enable them to take "
                "on a larger influencing role over the next twelve months. This will also mean "
                "rationalising/incorporating some of the existing area based groups that exist "
                "such as Community Safety Area Partnerships, Business Village Partnerships "
                "within the area governance arrangements.\n"
                "Outcomes: Effective discussio f Area Committees completed area committees "
                "with relevant agenda and n items rvice responsiveness to Area Committees"
            ),
            "Target Date": "March 2011",
            "Update": (
                "Is it resourced? Yes – although there are vacancies within the team\n"
                "Why are they priorities?\n"
                "State of the Borough Core Evidence confirms that the need to address "
                "inequalities throughout Sefton is a key priority.\n"
                "Key workstream within the Governance Review\n"
                "Highlighted within the Comprehensive Area Assessment that we don't know and "
                "understand our communities well enough.\n"
                "Key corporate project for Sefton."
            ),
        },
        {
            "Ref": "2",
            "Priority": (
                "To lead on the development and implementation of area management within the "
                "Council and key partner organisations."
            ),
            "Corporate Theme": "1,2,3,4,5,6",
            "Outcome": (
                "Action: 2. Working within the public engagement model and with the "
                "Equalities Partnership to ensure that residents, Parishes and businesses can "
                "have their say about how services are designed and run and also continually "
                "feeding back to them on how we are doing and asking are we doing the right "
                "things and in the right ways.\n"
                "Outcomes: Better engagement of residents in Governance structures\n"
                "Strengthened links with CEN – awareness of needs of hard to reach groups"
            ),
            "Target Date": "March 2011",
            "Update": "Is it resourced? Yes",
        },
        {
            "Ref": "2",
            "Priority": (
                "To lead on the development and implementation of area management within the "
                "Council and key partner organisations."
            ),
            "Corporate Theme": "1,2,3,4,5,6",
            "Outcome": (
                "Action: 3. Working with service providers within and outside of the Council "
                "who deliver services that mean something to neighbourhoods and people within "
                "them. Helping services to work better together to reduce duplication, "
                "increase coordination and people's satisfaction with services. Encouraging "
                "services to take an area based view of what needs to be done according to "
                "need and to take on a patch management approach. To take the lead on "
                "developing Area Plans.\n"
                "Outcomes: Better service understanding\n"
                "Delivering service improvements\n"
                "Increased satisfaction levels with service delivery"
            ),
            "Target Date": "March 2011",
            "Update": "Is it resourced? Yes",
        },
        {
            "Ref": "2",
            "Priority": (
                "To lead on the development and implementation of area management within the "
                "Council and key partner organisations."
            ),
            "Corporate Theme": "1,2,3,4,5,6",
            "Outcome": (
                "Action: 4. As part of working with service providers start to undertake Total "
                "Place mapping at an area level to investigate how far we can take area "
                "management.\n"
                "Outcomes: Knowledge of resource investment in Sefon"
            ),
            "Target Date": "Ongoing",
            "Update": "Is it resourced? Yes",
        },
        {
            "Ref": "2",
            "Priority": (
                "To lead on the development and implementation of area management within the "
                "Council and key partner organisations."
            ),
            "Corporate Theme": "1,2,3,4,5,6",
            "Outcome": (
                "Action: 5. To continue with our interim area management arrangements and keep "
                "them focussed on meeting the needs of our elected members and residents.\n"
                "Outcomes: Increased responsiveness to needs of residents and Members\n"
                "To continue to support vulnerable residents in areas subject to major HMRI "
                "change,"
            ),
            "Target Date": "March 2011",
            "Update": "Is it resourced? Yes- although there are vacancies within the team",
        },
        # ---- Priority 3 -------------------------------------------------------------------
        {
            "Ref": "3",
            "Priority": "Delivering a range of high quality and affordable housing",
            "Corporate Theme": "1,3",
            "Outcome": (
                "Action: To measure the impact of the Housing Strategy and to make sure that "
                "actions arising from it are actioned by all partners.\n"
                "Outcomes: eliver the items in the Housing Strategy plan under it's 4 themes"
            ),
            "Target Date": "Ongoing",
            "Update": (
                "Is it resourced? Yes\n"
                "Why are they priorities?\n"
                "Housing Strategy\n"
                "HMRI Strategy\n"
                "Affordable Warmth strategy\n"
                "Homelessness legislation\n"
                "Strategic Housing Inspection"
            ),
        },
        {
            "Ref": "3",
            "Priority": "Delivering a range of high quality and affordable housing",
            "Corporate Theme": "1,3",
            "Outcome": (
                "Action: 2. To provide new life-time homes where people want to live and "
                "target those areas/properties/households most in need of housing renewal by "
                "tackling issues of low demand, and poor quality housing\n"
                "Outcomes: HMR –acquisition of properties in target areas of the Klondyke and "
                "Queens/Bedford Rd, through either CPO or voluntary means. demolition of 257 "
                "properties, and preparation of land for new house building.\n"
                "Delivery of Sefton Affordable Warmth Strategy, Reduction in households "
                "suffering from fuel poverty and excess winter deaths. Contribution towards "
                "NI 187, 186\n"
                "Assisting our housing partners to build 450 new homes on various sites , "
                "providing a range of types and tenure of dwellings\n"
                "Improved choices and opportunities for looked after children in our "
                "Corporate parenting role by helping to provide quality accommodation and "
                "support to find a job or enter training"
            ),
            "Target Date": "March 2011",
            "Update": "Is it resourced? Yes",
        },
        {
            "Ref": "3",
            "Priority": "Delivering a range of high quality and affordable housing",
            "Corporate Theme": "1,3",
            "Outcome": (
                "Action: To enable people to continue to live at home independently and "
                "improve their health\n"
                "Outcomes: Improve the conditions of HMOs, remove Category hazards from all "
                "homes occupied by vulnerable people and reducing the number of empty homes, "
                "by increasing the number of licensed HMOs, utilising our enforcement powers, "
                "and improving engagement with private landlords through a new Accreditation "
                "scheme\n"
                "Effective intervention towards mitigating the effect of the recession through "
                "participation in the Mortgage Rescue scheme\n"
                "Reduction in numbers of people who are homeless by provision of preventative "
                "services. Target for 2010/11 is 3.2 successful cases prevented per 1,000 "
                "households\n"
                "Improve the waiting times for the provision of major adaptations to 29 "
                "weeks., to assist keep vulnerable households living comfortably in their own "
                "homes\n"
                "Improved Management the Broad Lane Gypsy & Travellers Site, to ensure "
                "satisfactory provision of accommodation and facilities for residents"
            ),
            "Target Date": "March 2011",
        },
        {
            "Ref": "3",
            "Priority": "Delivering a range of high quality and affordable housing",
            "Corporate Theme": "1,3",
            "Outcome": (
                "Action: 3. To support the provision and survival of a range of locally based "
                "services which meet local peoples needs such as community centres, shopping "
                "parades and town centres.\n"
                "Outcomes: Working in partnership with CVS to deliver a coherent support "
                "mechanism for third sector organisations to maximise their delivery and "
                "support sustainability. Focus on business planning, infrastructure, financial "
                "stability and policy development and implementation.\n"
                "Build business confidence and support small local businesses to continue to "
                "trade within a challenging economic climate. Working with services and "
                "partners to provide an effective response to business needs\n"
                "Recognise the distinct, vital role Sefton's Town Centres play and to provide "
                "appropriate support in their development and function"
            ),
            "Target Date": "March 2011",
            "Update": "Is it resourced? Yes (until March 2011)",
        },
        # ---- Priority 4 -------------------------------------------------------------------
        {
            "Ref": "4",
            "Priority": "To ensure that the Council can reduce its energy consumption",
            "Corporate Theme": "1,4",
            "Outcome": (
                "Action: To deliver a range of measures in line with the Carbon Reduction "
                "Commitment to minimise costs to the Council for energy consumption\n"
                "Outcomes: complia and leg obligation Deliver implement resulting red actions "
                "agreed to ensure legal ince with CRC to avoid rigorous financial gal penalties "
                "that apply to this statutory on Strategic Energy Review by June 2010 and ent "
                "recommendations by March 2011, g in reduced utilities consumption costs from "
                "buildings by 3%"
            ),
            "Target Date": "March 2011",
            "Update": (
                "Is it resourced? Staff - Yes, but 2 vacancies. Carbon Trading at £500K to be "
                "agreed via Finance\n"
                "Why are they priorities?\n"
                "Climate Change Act 2008 – statutory requirement to reduce carbon emissions\n"
                "Sefton LAA target NI 188 (mitigation of climate change)\n"
                "Carbon Reduction Commitment – statutory requirement"
            ),
        },
        # ---- Priority 5 -------------------------------------------------------------------
        {
            "Ref": "5",
            "Priority": (
                "To ensure that all Area Based Grant and external funding programmes are "
                "managed appropriately and in accordance with Council and Sefton Borough "
                "Partnership priorities."
            ),
            "Corporate Theme": "1,2,3,4,5",
            "Outcome": (
                "Action: To ensure that adequate succession planning measures are put in place "
                "for post 2011 to mitigate risks of present levels of resource dropping of "
                "being discontinued\n"
                "Outcomes: the HMR I Clear iden by fixed te et agreement in place with the HCA "
                "and Programme sustained to completion etification of those services impacted "
                "upon funding; full risk assessments and succession action plans produced."
            ),
            "Target Date": "January 2011",
            "Update": (
                "Is it resourced? Yes- until March 2011\n"
                "Why are they priorities?\n"
                "Use of resources is a key line of enquiry under Audit\n"
                "Performance Management Framework is a key Corporate project\n"
                "Aligning resources to priorities is key part of Transformation agenda"
            ),
        },
        {
            "Ref": "5",
            "Priority": (
                "To ensure that all Area Based Grant and external funding programmes are "
                "managed appropriately and in accordance with Council and Sefton Borough "
                "Partnership priorities."
            ),
            "Corporate Theme": "1,2,3,4,5",
            "Outcome": (
                "Action: 2. To ensure that all activities funded have clear decision making "
                "processes and robust performance management and audit systems in place.\n"
                "Outcomes: Standardis performan activities Clear und funding pr erstanding of "
                "how ABG and external organized being used – what is with is spent and how it "
                "is delivered"
            ),
            "Target Date": "January 2011",
            "Update": "Is it resourced? Yes- Until March 2011",
        },
        {
            "Ref": "5",
            "Priority": (
                "To ensure that all Area Based Grant and external funding programmes are "
                "managed appropriately and in accordance with Council and Sefton Borough "
                "Partnership priorities."
            ),
            "Corporate Theme": "1,2,3,4,5",
            "Outcome": (
                "Action: 3. That a transparent and clear commissioning and prioritisation "
                "process is in place for any funding post 2011.\n"
                "Outcomes: Resources strategic p s are best used to deliver against"
            ),
            "Target Date": "December 2010",
            "Update": "Is it resourced? Yes- until March 2011",
        },
        # ---- Priority 6 -------------------------------------------------------------------
        {
            "Ref": "6",
            "Priority": (
                "To support the development of family based approaches to tackle deprivation "
                "and especially worklessness"
            ),
            "Corporate Theme": "1,2,3,4,5,6",
            "Outcome": (
                "Action: To utilise Working Neighbourhoods Fund to develop a pilot family "
                "based approach to address worklessness\n"
                "Outcomes: Testing alternative methods to tackling worklessness where "
                "traditional approaches have failed\n"
                "Better understanding of what approaches could be successful in long term "
                "interventions in relation to overcoming economic inequalities"
            ),
            "Target Date": "March 2011",
            "Update": (
                "Is it resourced? Yes – Until March 2011\n"
                "Why are they priorities?\n"
                "Despite significant levels of investment areas of deprivation have remained "
                "unchanged within Sefton\n"
                "Looked after Children is a corporate priority"
            ),
        },
        {
            "Ref": "6",
            "Priority": (
                "To support the development of family based approaches to tackle deprivation "
                "and especially worklessness"
            ),
            "Corporate Theme": "1,2,3,4,5,6",
            "Outcome": (
                "Action: To continue to participate in the Vulnerable Localities Initiative "
                "and bring an area management perspective to it\n"
                "Outcomes: Ensure consistency in approaches and sharing of good practice"
            ),
            "Target Date": "March 2011",
            "Update": "Is it resourced? Through existing resources",
        },
        {
            "Ref": "6",
            "Priority": (
                "To support the development of family based approaches to tackle deprivation "
                "and especially worklessness"
            ),
            "Corporate Theme": "1,2,3,4,5,6",
            "Outcome": (
                "Action: To actively contribute towards the corporate parenting role of the "
                "Council by thinking about how we can support looked after children when they "
                "leave our care.\n"
                "Outcomes: Extending the Department's involvement in wider approaches to "
                "improving outcomes for looked after children"
            ),
            "Target Date": "March 2011",
            "Update": "Is it resourced? Need to identify level of support required",
        },
    ],
    "KPIs": [],
    "KPI Years": [],
    "Risks": [],
    "Projects": [],
    "Contracts": [],
    "Budget": [],
    "Versions": [],
}

# Counted from the document, independently of PLAN (tests compare them with the workbook).
COUNTS = {
    "priorities": 6,  # report para 1.3 lists six key priorities; plan has six priority tables
    "outcomes": 24,  # report para 1.4: "24 actions"; 8 + 5 + 4 + 1 + 3 + 3 action rows
    "kpis": 0,  # no indicator table
    "kpi_years": 0,
    "risks": 0,  # report says a risk assessment was done, but none is reproduced
    "projects": 0,
    "milestones": 0,
    "contracts": 0,
    "budget_years": 0,  # capital/revenue implications table is blank
    "versions": 0,
}

# Things in the document the workbook cannot carry, and judgement calls worth a reviewer's look.
NOTES = [
    "Structure: the plan gives, for each priority, 'Which Priority does it link to?', the main "
    "actions for 2010-2011, 'Is it resourced?', 'Deadline' and 'What are the outcomes of doing "
    "the action? Any related measures for the outcome and how we're doing at the moment'. The "
    "Priorities sheet has no Action or Resourced column. Each action is one Priorities row: "
    "Outcome = 'Action: <action>\\nOutcomes: <outcomes/measures>', Target Date = Deadline, "
    "Update = 'Is it resourced? <answer>'. No progress, status or % complete is reported "
    "(it is a plan, not a monitoring report), so Status and % Complete are left empty.",
    "'Why are they priorities?' text has no column. It is put in the Update of the first row of "
    "each priority, under the heading 'Why are they priorities?'.",
    "Corporate Theme holds the 'Which Priority does it link to?' numbers as written "
    "('1', '1,2,3,4,5,6', '1,3', '1,4', '1,2,3,4,5'). The document does not say what the "
    "numbers refer to. They do not obviously match the cabinet report's corporate objectives "
    "1-8 (the energy priority links to '1,4', not 5 Environmental Sustainability). In the "
    "priority 1 table the '1' sits only on the first action row and could instead be the "
    "priority's own number. The link cell is blank on later action rows. The priority's value is "
    "repeated on every row, as the contract requires.",
    "Priority refs 1-6: the plan numbers priorities 2, 5 and 6 itself ('2. To lead on...', "
    "'5. To ensure...', '6. To support...'). Priorities 1, 3 and 4 are numbered by their "
    "position in the report's list (para 1.3) and the plan's order.",
    "Priority wording: taken from the plan's priority headings where they are legible (2, 5, 6). "
    "Priority 4's heading is split into column fragments in the seed ('To ensure that the "
    "Council can re onsumption duce its energ y'). The pieces were reassembled as 'To ensure "
    "that the Council can reduce its energy consumption'. Priority 1's heading is garbled in "
    "the seed ('To deliver excellent services that are responeeds of individuals, businesses "
    "and local contents.'), and priority 3's heading is missing. For those two, the report's "
    "para 1.3 wording is used ('Delivery of excellent, responsive and customer focussed "
    "services'; 'Delivering a range of high quality and affordable housing'). Para 1.3's names "
    "for the others: 'Development and implementation of Area Management arrangements across "
    "Sefton'; 'Reducing the Council's energy consumption'; 'Effective management of external "
    "funding in accordance with priorities established by the Sefton Borough Partnership'; "
    "'Supporting the development of family based approaches to tackling deprivation and "
    "worklessness.'",
    "Action count: the report says 24 actions. The 24 rows here count the risk/asset-management "
    "cell in priority 1 ('To actively implement corporate risk management processes ... To "
    "ensure that we have an appropriate and costed asset management plan ...') as one action, "
    "because it is one table row with one outcome set. They count the unnumbered housing row "
    "'To enable people to continue to live at home independently and improve their health' "
    "(between actions 2 and 3, own deadline and outcomes) as a separate action. Splitting the "
    "first and merging the second would also give 24.",
    "Priority 1 deadlines are 'March 2010' for the first four actions, before the plan year "
    "starts. They are kept as written.",
    "The 'Is it resourced?' cells for priority 1's risk management, performance management and "
    "staff empowerment actions hold only the stray fragments 'nd', '' and 'our' in the seed. "
    "These are treated as extraction debris and not transcribed. The housing action 'To enable "
    "people to continue to live at home...' has no resourced cell.",
    "Priority 2 action 5 and its resourcing ('Yes- although there are vacancies within the "
    "team') were reassembled from column-interleaved lines. The stray ', ,' after 'major HMRI "
    "change,' was dropped.",
    "Outcome cells garbled by PDF column splitting are kept as the seed has them (tabs as "
    "spaces). Probable readings follow. Priority 2 action 1: '[..]f Area Committees "
    "completed / Effective area committees with relevant agenda and discussion items / "
    "[..]rvice responsiveness to Area Committees'. Priority 3 action 1: '[D]eliver the items in "
    "the Housing Strategy plan under it's 4 themes'. Priority 4: '[..]red actions agreed to "
    "ensure legal compliance with CRC to avoid rigorous financial and legal penalties that "
    "apply to this statutory obligation / Deliver[..] on Strategic Energy Review by June 2010 "
    "and implement recommendations by March 2011, resulting in reduced utilities consumption "
    "costs from buildings by 3%'. Priority 5 action 1: '[..]et agreement in place with the HCA "
    "and the HMRI Programme sustained to completion / Clear identification of those services "
    "impacted upon by fixed te[rm] funding; full risk assessments and succession action plans "
    "produced.'. Priority 5 action 2: 'Standardis[ed] performan[ce ...] activities / Clear "
    "understanding of how ABG and external funding pr[..] being used ...' (partly lost). "
    "Priority 5 action 3: 'Resources are best used to deliver against strategic p[riorities]'.",
    "No KPI table. The outcomes cite measures and targets that are not transcribed as KPIs "
    "because the document gives them no indicator rows: NI 187 and NI 186 (housing), NI 188 "
    "(energy, 'Sefton LAA target'), homelessness prevention 'Target for 2010/11 is 3.2 "
    "successful cases prevented per 1,000 households', major adaptations waiting time of 29 "
    "weeks, demolition of 257 properties, 450 new homes, and a 3% reduction in utilities "
    "consumption costs from buildings. All of these stay in the Outcome text.",
    "Budget: the report's 'CAPITAL EXPENDITURE' / 'REVENUE IMPLICATIONS' table (2010/2011 to "
    "2013/2014) is blank. The Financial implications say there are none arising from the report "
    "and the plan's implications are in the approved departmental budgets 2010-2011. No budget "
    "rows. The only money figure is 'Carbon Trading at £500K to be agreed via Finance' (in the "
    "energy action's Update).",
    "Risks: the report says 'A risk assessment has been carried out as part of the Service "
    "Planning process' but reproduces no risk register, so there are no Risks rows.",
    "Report details not carried: it is a report to the Cabinet Member - Regeneration and the "
    "Cabinet Member - Communities (members not named), dated 1st September 2010 and 8th "
    "September 2010. Report of and contact officer: Alan Lunt, Neighbourhoods & Investment "
    "Programmes Director, 0151 934 4580. Wards affected: All. Not exempt/confidential. Not a "
    "key decision. Recommendation: approve the Departmental Service Plan for 2010-11. Plan "
    "titled 'Service Plan March 2010 to March 2011' (single year, so no Plan Period). 'Name of "
    "Service / Team: Neighbourhoods and Investment Programmes'. No version number or version "
    "table. The report calls the plan a 'draft'.",
    "Corporate objective monitoring table: all eight corporate objectives are marked with a "
    "tick (rendered '/' or '1' in the seed) in the Positive Impact column. They are 1 Creating a "
    "Learning Community, 2 Creating Safe Communities, 3 Jobs and Prosperity, 4 Improving Health "
    "and Well-Being, 5 Environmental Sustainability, 6 Creating Inclusive Communities, 7 "
    "Improving the Quality of Council Services and Strengthening local Democracy, and 8 "
    "Children and Young People.",
    "The department's constituent divisions (report para 1.2) are Neighbourhoods; Strategic "
    "Housing; Investment Programmes (including Housing Market Renewal); Corporate Energy; "
    "Private Sector housing; Homelessness; Home Improvements.",
    "The 'date' import is kept for the template but is unused, because the document has no "
    "full dates in any sheet cell (deadlines are month-year strings). It carries "
    "'# noqa: F401'.",
]
