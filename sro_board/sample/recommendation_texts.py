"""Sample recommendation texts and histories for the SRO board demo (invented data)."""

RECOMMENDATIONS: list[dict] = [
    {
        "code": "R-01",
        "title": "Publish a plain-language description of the SRO role",
        "description": (
            "Prepare a short, plain-language description of what School Resource Officers do and "
            "do not do in schools. Share it with students, families and staff through school "
            "boards and the service's website, and review it each year so it stays accurate."
        ),
        "theme": "role",
        "reports": ["argyle", "teachers", "final"],
        "lead_unit": "Youth Education Unit",
        "target_months": 6,
        "feasibility": "feasible",
        "rationale": "",
        "status": "implemented",
        "progress": 100,
        "milestones": [
            ("Draft role description with school board partners", 2, True),
            ("Test wording with a student focus group", 4, True),
            ("Publish description online and in schools", 6, True),
        ],
        "evidence": [
            ("SRO role description (plain language)", "https://example.org/sro/role-description"),
            (
                "Summary of student feedback on the draft wording",
                "https://example.org/sro/role-description-feedback",
            ),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 10},
                "public_note": (
                    "The working group confirmed this recommendation is feasible and began "
                    "drafting a role description."
                ),
                "internal_note": (
                    "Drafting assigned to the Youth Education Unit with communications support; no "
                    "new budget required."
                ),
            },
            {
                "changes": {"status": "in_progress", "progress": 60},
                "public_note": (
                    "A draft description was shared with school board partners and a student group "
                    "for comment."
                ),
                "internal_note": (
                    "Feedback window set at three weeks to fit around the report card period."
                ),
            },
            {
                "changes": {"status": "implemented", "progress": 100},
                "public_note": (
                    "The plain-language role description is now published online and has been "
                    "shared with schools."
                ),
                "internal_note": (
                    "Annual review reminder added to the unit's planning calendar for each August."
                ),
            },
        ],
    },
    {
        "code": "R-02",
        "title": "Sign written role agreements with each partner school board",
        "description": (
            "Develop written agreements with the Calgary Board of Education, the Calgary Catholic "
            "School District, Palliser School District and FrancoSud that set out the SRO role, "
            "expectations and contacts. Each agreement should describe how concerns are raised and "
            "resolved. Agreements should be reviewed jointly at least every two years."
        ),
        "theme": "role",
        "reports": ["roundtable", "teachers", "final"],
        "lead_unit": "Strategic Services",
        "target_months": 18,
        "feasibility": "feasible",
        "rationale": "",
        "status": "in_progress",
        "progress": 45,
        "milestones": [
            ("Agree on a common agreement template", 4, True),
            ("Complete agreements with two school boards", 12, False),
            ("Complete agreements with the remaining school boards", 18, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 10},
                "public_note": (
                    "Work began with school board partners on a shared template for role "
                    "agreements."
                ),
                "internal_note": (
                    "Legal review of the template requested; estimated four weeks of counsel time."
                ),
            },
            {
                "changes": {"status": "in_progress", "progress": 30},
                "public_note": (
                    "A common template was agreed and discussions with each school board are under "
                    "way."
                ),
                "internal_note": (
                    "Monthly meetings scheduled with each board; FrancoSud sessions need "
                    "French-language support."
                ),
            },
            {
                "changes": {"progress": 45},
                "public_note": "Draft agreements with two school boards are in final review.",
                "internal_note": (
                    "Signing depends on board meeting calendars; target dates may move by about a "
                    "month."
                ),
            },
        ],
    },
    {
        "code": "R-03",
        "title": "Limit SRO involvement in routine school discipline",
        "description": (
            "Make clear that school staff, not officers, handle routine student discipline. "
            "Officers should become involved only where there is a safety risk or a possible "
            "offence. Provide guidance to school administrators so the line between discipline and "
            "police matters is applied consistently."
        ),
        "theme": "role",
        "reports": ["elementary", "junior_senior", "final"],
        "lead_unit": "Youth Education Unit",
        "target_months": 12,
        "feasibility": "feasible_modified",
        "rationale": (
            "Officers will still attend when there is an immediate safety concern, so the guidance "
            "sets out limited exceptions rather than a complete separation from school discipline."
        ),
        "status": "in_progress",
        "progress": 55,
        "milestones": [
            ("Draft discipline guidance with school boards", 5, True),
            ("Brief school administrators", 9, True),
            ("Review the first term of use", 12, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "under_assessment", "status": "planning", "progress": 5},
                "public_note": (
                    "The working group started assessing how to separate school discipline from "
                    "police involvement."
                ),
                "internal_note": (
                    "Assessment needs input from legal counsel and each school board's student "
                    "services lead."
                ),
            },
            {
                "changes": {
                    "feasibility": "feasible_modified",
                    "rationale": (
                        "Officers will still attend when there is an immediate safety concern, so "
                        "the guidance sets out limited exceptions rather than a complete "
                        "separation from school discipline."
                    ),
                    "status": "in_progress",
                    "progress": 35,
                },
                "public_note": (
                    "The recommendation will proceed with defined exceptions for immediate safety "
                    "concerns."
                ),
                "internal_note": (
                    "Guidance drafting estimated at about 40 staff hours within existing unit "
                    "workload."
                ),
            },
            {
                "changes": {"progress": 55},
                "public_note": (
                    "Guidance has been shared with school administrators and is now in use."
                ),
                "internal_note": (
                    "Briefings delivered at regular principals' meetings to avoid extra scheduling."
                ),
            },
        ],
    },
    {
        "code": "R-04",
        "title": "Protect officer time for relationship building with students",
        "description": (
            "Set aside regular, scheduled time for each SRO to spend on informal contact with "
            "students, such as lunch-hour activities, clubs and school events. Track this time so "
            "that reactive calls do not crowd it out, and adjust school assignments if the target "
            "cannot be met."
        ),
        "theme": "role",
        "reports": ["argyle", "elementary", "final"],
        "lead_unit": "Youth Education Unit",
        "target_months": 12,
        "feasibility": "feasible",
        "rationale": "",
        "status": "in_progress",
        "progress": 50,
        "milestones": [
            ("Set a weekly relationship-building time target", 3, True),
            ("Add time tracking to officer activity logs", 6, True),
            ("Review the first school term of results", 12, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 20},
                "public_note": (
                    "A weekly time target for relationship building has been set for all SROs."
                ),
                "internal_note": (
                    "Target set at roughly 30 percent of scheduled school hours; to be revisited "
                    "after one term."
                ),
            },
            {
                "changes": {"progress": 50},
                "public_note": (
                    "Officers are now recording relationship-building time so progress can be "
                    "measured."
                ),
                "internal_note": (
                    "Activity log change made by Data and Analytics at no additional licence cost."
                ),
            },
        ],
    },
    {
        "code": "R-05",
        "title": "Review SRO uniform and equipment options for school settings",
        "description": (
            "Examine whether a less formal uniform or changes to visible equipment would make "
            "officers more approachable in schools while keeping everyone safe. Gather views from "
            "students, staff and officers before any change, and report the outcome publicly."
        ),
        "theme": "role",
        "reports": ["junior_senior", "roundtable", "final"],
        "lead_unit": "Strategic Services",
        "target_months": 24,
        "feasibility": "feasible_modified",
        "rationale": (
            "Officer safety requirements limit changes to equipment, so the work will focus on a "
            "pilot of a modified uniform rather than removing equipment."
        ),
        "status": "deferred",
        "progress": 15,
        "milestones": [
            ("Gather student and officer views on uniforms", 6, True),
            ("Select pilot schools", 14, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "under_assessment", "status": "planning", "progress": 5},
                "public_note": (
                    "The working group began reviewing uniform and equipment options for SROs."
                ),
                "internal_note": (
                    "Occupational health and safety advice requested before options are "
                    "shortlisted."
                ),
            },
            {
                "changes": {
                    "feasibility": "feasible_modified",
                    "rationale": (
                        "Officer safety requirements limit changes to equipment, so the work will "
                        "focus on a pilot of a modified uniform rather than removing equipment."
                    ),
                    "progress": 15,
                },
                "public_note": (
                    "A limited pilot of a modified uniform was identified as the workable option."
                ),
                "internal_note": "Pilot uniform costs need approval in the next budget cycle.",
            },
            {
                "changes": {"status": "deferred"},
                "public_note": "The uniform pilot has been deferred until the next budget year.",
                "internal_note": (
                    "Procurement lead times mean the pilot could not start before the school year "
                    "ends."
                ),
            },
        ],
    },
    {
        "code": "R-06",
        "title": "Continue lockdown drill practice with a supportive approach",
        "description": (
            "Keep supporting schools to practise lockdown drills so that students and staff know "
            "how to respond to threats. Plan drills with school staff so they are calm, "
            "age-appropriate and considerate of students who may find them distressing, and "
            "debrief with staff afterwards."
        ),
        "theme": "role",
        "reports": ["teachers", "final"],
        "lead_unit": "Youth Education Unit",
        "target_months": 6,
        "feasibility": "feasible",
        "rationale": "",
        "status": "ongoing",
        "progress": 100,
        "milestones": [
            ("Update drill guidance with trauma-informed practices", 3, True),
            ("Introduce a staff debrief checklist", 5, True),
        ],
        "evidence": [
            (
                "Lockdown drill guidance for schools",
                "https://example.org/sro/lockdown-drill-guidance",
            ),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 40},
                "public_note": (
                    "Lockdown drill guidance is being updated with input from school staff."
                ),
                "internal_note": (
                    "Update prepared by two SROs with prior trauma-informed training; no overtime "
                    "required."
                ),
            },
            {
                "changes": {"status": "ongoing", "progress": 100},
                "public_note": (
                    "Updated drill guidance is in use and drills continue throughout the school "
                    "year."
                ),
                "internal_note": (
                    "Drill scheduling is coordinated with school boards each September to spread "
                    "workload."
                ),
            },
        ],
    },
    {
        "code": "R-07",
        "title": "Clarify when schools should contact the SRO or call 9-1-1",
        "description": (
            "Create a simple guide for school staff that explains which situations call for the "
            "SRO, which call for patrol or 9-1-1, and which are best handled by school or "
            "community supports. Include examples that reflect common situations in elementary, "
            "junior high and high schools."
        ),
        "theme": "role",
        "reports": ["teachers", "roundtable", "final"],
        "lead_unit": "Youth Education Unit",
        "target_months": 12,
        "feasibility": "feasible",
        "rationale": "",
        "status": "planning",
        "progress": 15,
        "milestones": [
            ("Collect common scenarios from school staff", 8, True),
            ("Draft the staff guide", 11, False),
            ("Distribute the guide to all partner schools", 12, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 5},
                "public_note": (
                    "The working group confirmed this guide is feasible and started planning."
                ),
                "internal_note": (
                    "Work will follow the discipline guidance under R-03 to keep messages "
                    "consistent."
                ),
            },
            {
                "changes": {"progress": 15},
                "public_note": (
                    "Common scenarios have been collected from school staff to shape the guide."
                ),
                "internal_note": (
                    "Scenario collection used an existing staff survey tool at no new cost."
                ),
            },
        ],
    },
    {
        "code": "R-08",
        "title": "Consider consistent officer assignment across feeder schools",
        "description": (
            "Explore assigning the same officer to a group of elementary, junior high and high "
            "schools that share students. This could help students build trust with a familiar "
            "officer over several years. Assess the effects on workload and coverage before "
            "deciding."
        ),
        "theme": "role",
        "reports": ["elementary", "final"],
        "lead_unit": "Strategic Services",
        "target_months": 30,
        "feasibility": "under_assessment",
        "rationale": "",
        "status": "not_started",
        "progress": 0,
        "milestones": [
            ("Complete workload and coverage analysis", 14, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "under_assessment"},
                "public_note": (
                    "The working group is assessing the workload and coverage effects of this "
                    "approach."
                ),
                "internal_note": (
                    "Deployment modelling requested from Data and Analytics after current "
                    "priorities."
                ),
            },
        ],
    },
    {
        "code": "R-09",
        "title": "Require anti-racism and equity training before SRO assignment",
        "description": (
            "Require all officers to complete training in anti-racism, equity, diversity and "
            "inclusion before they start as an SRO. The training should be developed or reviewed "
            "with community partners and include content on the experiences of racialized "
            "students. Completion should be tracked and reported."
        ),
        "theme": "training_hiring",
        "reports": ["argyle", "junior_senior", "final"],
        "lead_unit": "Training Section",
        "target_months": 9,
        "feasibility": "feasible",
        "rationale": "",
        "status": "implemented",
        "progress": 100,
        "milestones": [
            ("Review existing training content with community partners", 3, True),
            ("Deliver training to current SROs", 7, True),
            ("Add training to SRO selection requirements", 9, True),
        ],
        "evidence": [
            ("SRO training requirements summary", "https://example.org/sro/training-requirements"),
            ("Training completion figures", "https://example.org/sro/training-completion"),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 30},
                "public_note": "Training content is being reviewed with community partners.",
                "internal_note": (
                    "Course delivery fits within the Training Section's existing budget for the "
                    "year."
                ),
            },
            {
                "changes": {"progress": 75},
                "public_note": "Current SROs have completed the updated training.",
                "internal_note": (
                    "Sessions were held on non-instructional school days to avoid coverage gaps."
                ),
            },
            {
                "changes": {"status": "implemented", "progress": 100},
                "public_note": (
                    "The training is now required before any officer begins an SRO assignment."
                ),
                "internal_note": (
                    "Human Resources updated the job posting template to include the requirement."
                ),
            },
        ],
    },
    {
        "code": "R-10",
        "title": "Provide trauma-informed practice training for all SROs",
        "description": (
            "Train SROs to recognise how trauma can affect young people's behaviour and to respond "
            "in ways that reduce harm. Include practical scenarios set in schools, and offer "
            "refresher sessions so that skills are maintained."
        ),
        "theme": "training_hiring",
        "reports": ["junior_senior", "teachers", "final"],
        "lead_unit": "Training Section",
        "target_months": 15,
        "feasibility": "feasible",
        "rationale": "",
        "status": "in_progress",
        "progress": 40,
        "milestones": [
            ("Select a training provider", 5, True),
            ("Deliver training to the first cohort", 10, False),
            ("Deliver training to the second cohort", 15, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 10},
                "public_note": (
                    "The working group approved this training and began selecting a provider."
                ),
                "internal_note": (
                    "Procurement will follow the standard professional services process."
                ),
            },
            {
                "changes": {"status": "in_progress", "progress": 40},
                "public_note": (
                    "A training provider has been selected and the first sessions are scheduled."
                ),
                "internal_note": "First cohort limited to 12 officers to maintain school coverage.",
            },
        ],
    },
    {
        "code": "R-11",
        "title": "Offer job shadowing for officers new to the SRO role",
        "description": (
            "Give newly assigned SROs time to shadow experienced officers and school staff before "
            "working on their own. Shadowing should include time with school counsellors and other "
            "student support staff, and completion should be recorded as part of onboarding."
        ),
        "theme": "training_hiring",
        "reports": ["argyle", "final"],
        "lead_unit": "Youth Education Unit",
        "target_months": 6,
        "feasibility": "feasible",
        "rationale": "",
        "status": "implemented",
        "progress": 100,
        "milestones": [
            ("Design a shadowing schedule", 2, True),
            ("Arrange placements with school support staff", 4, True),
            ("Add shadowing to the onboarding checklist", 6, True),
        ],
        "evidence": [
            ("SRO onboarding checklist", "https://example.org/sro/onboarding-checklist"),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 50},
                "public_note": "A job shadowing schedule has been designed for new SROs.",
                "internal_note": (
                    "Shadowing adds two weeks to onboarding and is covered by existing staffing."
                ),
            },
            {
                "changes": {"status": "implemented", "progress": 100},
                "public_note": (
                    "All new SROs now complete job shadowing before working independently."
                ),
                "internal_note": (
                    "Placement arrangements are renewed with school boards at the start of each "
                    "year."
                ),
            },
        ],
    },
    {
        "code": "R-12",
        "title": "Establish a mentoring program for SROs",
        "description": (
            "Pair each new SRO with an experienced mentor for at least their first school year. "
            "Mentors should receive guidance on their role and meet regularly with the officers "
            "they support. Gather feedback each year to improve the program."
        ),
        "theme": "training_hiring",
        "reports": ["argyle", "final"],
        "lead_unit": "Youth Education Unit",
        "target_months": 9,
        "feasibility": "feasible",
        "rationale": "",
        "status": "ongoing",
        "progress": 100,
        "milestones": [
            ("Recruit and brief mentors", 4, True),
            ("Match new SROs with mentors", 6, True),
            ("Collect the first round of mentoring feedback", 9, True),
        ],
        "evidence": [
            ("Mentoring program overview", "https://example.org/sro/mentoring-overview"),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 15},
                "public_note": "Planning began for a mentoring program for new SROs.",
                "internal_note": (
                    "Mentor role to be recognised in performance plans rather than through extra "
                    "pay."
                ),
            },
            {
                "changes": {"status": "in_progress", "progress": 60},
                "public_note": "Mentors have been recruited and matched with new SROs.",
                "internal_note": "Six experienced officers volunteered as mentors for this intake.",
            },
            {
                "changes": {"status": "ongoing", "progress": 100},
                "public_note": (
                    "The mentoring program is running and will continue with each new group of "
                    "SROs."
                ),
                "internal_note": "Feedback survey to be repeated at the end of each school year.",
            },
        ],
    },
    {
        "code": "R-13",
        "title": "Publish hiring criteria that emphasise work with young people",
        "description": (
            "Set out clear selection criteria for SROs that emphasise experience and aptitude for "
            "working with young people, communication skills and cultural awareness. Publish the "
            "criteria so that schools and families understand how officers are chosen."
        ),
        "theme": "training_hiring",
        "reports": ["argyle", "roundtable", "final"],
        "lead_unit": "Human Resources",
        "target_months": 6,
        "feasibility": "feasible",
        "rationale": "",
        "status": "implemented",
        "progress": 100,
        "milestones": [
            ("Draft updated selection criteria", 2, True),
            ("Publish the criteria", 5, True),
        ],
        "evidence": [
            ("SRO selection criteria", "https://example.org/sro/selection-criteria"),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 40},
                "public_note": "Updated selection criteria for SROs are being drafted.",
                "internal_note": (
                    "Criteria reviewed by the Equity, Diversity and Inclusion Office before "
                    "approval."
                ),
            },
            {
                "changes": {"status": "implemented", "progress": 100},
                "public_note": "The SRO selection criteria are now published and used in hiring.",
                "internal_note": "Next SRO posting is scheduled for the spring intake.",
            },
        ],
    },
    {
        "code": "R-14",
        "title": "Include community members on SRO selection panels",
        "description": (
            "Invite community members, and where appropriate school staff, to take part in SRO "
            "selection. Give participants an orientation and clear confidentiality expectations. "
            "Report on how community input shaped selection decisions."
        ),
        "theme": "training_hiring",
        "reports": ["junior_senior", "roundtable", "final"],
        "lead_unit": "Human Resources",
        "target_months": 15,
        "feasibility": "feasible_modified",
        "rationale": (
            "Hiring decisions must remain with the service under employment rules, so community "
            "members will take part in interviews and give advice rather than vote on selections."
        ),
        "status": "in_progress",
        "progress": 35,
        "milestones": [
            ("Define the community panel member role", 6, True),
            ("Recruit and orient panel members", 11, False),
            ("Hold the first selection with community panel members", 15, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "under_assessment"},
                "public_note": (
                    "The working group is reviewing how community members can take part in "
                    "selection."
                ),
                "internal_note": (
                    "Labour relations staff asked to confirm any constraints under the collective "
                    "agreement."
                ),
            },
            {
                "changes": {
                    "feasibility": "feasible_modified",
                    "rationale": (
                        "Hiring decisions must remain with the service under employment rules, so "
                        "community members will take part in interviews and give advice rather "
                        "than vote on selections."
                    ),
                    "status": "in_progress",
                    "progress": 35,
                },
                "public_note": (
                    "Community members will join selection interviews in an advisory role."
                ),
                "internal_note": (
                    "Orientation to be delivered by Human Resources; honoraria need budget "
                    "approval."
                ),
            },
        ],
    },
    {
        "code": "R-15",
        "title": "Set a minimum three-year term for SRO assignments",
        "description": (
            "Keep officers in the SRO role for at least three years so that they can build lasting "
            "relationships with schools. Plan transfers and promotions so they do not interrupt "
            "school assignments partway through a year."
        ),
        "theme": "training_hiring",
        "reports": ["argyle", "teachers", "final"],
        "lead_unit": "Human Resources",
        "target_months": 12,
        "feasibility": "not_feasible",
        "rationale": (
            "A guaranteed minimum term conflicts with transfer and promotion rules that apply to "
            "all officers. The service will instead avoid moving SROs during the school year where "
            "possible."
        ),
        "status": "will_not_proceed",
        "progress": 0,
        "milestones": [],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "under_assessment"},
                "public_note": (
                    "The working group is assessing whether a minimum SRO term is possible."
                ),
                "internal_note": (
                    "Review of transfer and promotion policy requested from Human Resources."
                ),
            },
            {
                "changes": {
                    "feasibility": "not_feasible",
                    "rationale": (
                        "A guaranteed minimum term conflicts with transfer and promotion rules "
                        "that apply to all officers. The service will instead avoid moving SROs "
                        "during the school year where possible."
                    ),
                    "status": "will_not_proceed",
                },
                "public_note": (
                    "The service will not set a minimum term but will aim to avoid moving SROs "
                    "mid-year."
                ),
                "internal_note": (
                    "Mid-year move avoidance added to the annual transfer planning checklist."
                ),
            },
        ],
    },
    {
        "code": "R-16",
        "title": "Add annual refresher training on youth development",
        "description": (
            "Provide yearly refresher training for SROs on adolescent development, mental health, "
            "disability and neurodiversity, and 2SLGBTQ+ inclusion. Use feedback from students and "
            "staff to choose the topics each year."
        ),
        "theme": "training_hiring",
        "reports": ["junior_senior", "teachers", "final"],
        "lead_unit": "Training Section",
        "target_months": 18,
        "feasibility": "feasible",
        "rationale": "",
        "status": "planning",
        "progress": 10,
        "milestones": [
            ("Choose the first year's refresher topics", 11, False),
            ("Deliver the first refresher session", 18, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 10},
                "public_note": "Planning has started for annual refresher training for SROs.",
                "internal_note": (
                    "Sessions to be scheduled in summer months when school demand is low."
                ),
            },
        ],
    },
    {
        "code": "R-17",
        "title": "Publish an annual public report on the SRO program",
        "description": (
            "Publish a yearly report that describes SRO activities, training, feedback received "
            "and progress on the review's recommendations. Write it in plain language, make it "
            "easy to find online and invite public comment on each report."
        ),
        "theme": "transparency",
        "reports": ["argyle", "roundtable", "final"],
        "lead_unit": "Corporate Communications",
        "target_months": 14,
        "feasibility": "feasible",
        "rationale": "",
        "status": "in_progress",
        "progress": 40,
        "milestones": [
            ("Agree on report contents and measures", 6, True),
            ("Collect the first year's data", 12, False),
            ("Publish the first annual report", 14, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 10},
                "public_note": "Work began on the content and format of an annual SRO report.",
                "internal_note": (
                    "Report design will reuse the existing annual report template to limit costs."
                ),
            },
            {
                "changes": {"status": "in_progress", "progress": 40},
                "public_note": "Report contents have been agreed and data collection is under way.",
                "internal_note": (
                    "Data and Analytics to provide figures two months before the publication date."
                ),
            },
        ],
    },
    {
        "code": "R-18",
        "title": "Offer SRO information in multiple languages",
        "description": (
            "Make key information about the SRO program available in French and in the languages "
            "most spoken by families in partner schools. Work with school boards and community "
            "organisations to check that translations are clear and culturally appropriate."
        ),
        "theme": "transparency",
        "reports": ["elementary", "junior_senior", "final"],
        "lead_unit": "Corporate Communications",
        "target_months": 15,
        "feasibility": "feasible_modified",
        "rationale": (
            "Translating every document into many languages is not sustainable, so core materials "
            "will be translated into French and the languages school boards identify as most "
            "needed."
        ),
        "status": "in_progress",
        "progress": 45,
        "milestones": [
            ("Identify priority languages with school boards", 5, True),
            ("Translate core materials", 12, False),
            ("Community review of translations", 15, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {
                    "feasibility": "feasible_modified",
                    "rationale": (
                        "Translating every document into many languages is not sustainable, so "
                        "core materials will be translated into French and the languages school "
                        "boards identify as most needed."
                    ),
                    "status": "planning",
                    "progress": 10,
                },
                "public_note": (
                    "Core SRO materials will be translated into French and other priority "
                    "languages."
                ),
                "internal_note": (
                    "This year's translation budget covers a limited number of languages."
                ),
            },
            {
                "changes": {"status": "in_progress", "progress": 45},
                "public_note": (
                    "Priority languages have been chosen and translation of core materials has "
                    "begun."
                ),
                "internal_note": "French terminology review coordinated with FrancoSud.",
            },
        ],
    },
    {
        "code": "R-19",
        "title": "Publish progress on the review's recommendations online",
        "description": (
            "Maintain a public web page that shows the status of each recommendation, who is "
            "responsible and when it was last updated. Explain what each status means and keep a "
            "record of changes over time."
        ),
        "theme": "transparency",
        "reports": ["roundtable", "final"],
        "lead_unit": "Corporate Communications",
        "target_months": 6,
        "feasibility": "feasible",
        "rationale": "",
        "status": "implemented",
        "progress": 100,
        "milestones": [
            ("Define public status categories", 2, True),
            ("Launch the public progress page", 5, True),
        ],
        "evidence": [
            ("Recommendation progress page", "https://example.org/sro/progress"),
            ("Status definitions", "https://example.org/sro/progress/status-definitions"),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 50},
                "public_note": (
                    "Work is under way on a public page to report progress on each recommendation."
                ),
                "internal_note": (
                    "Page built on the existing website platform; no new licence needed."
                ),
            },
            {
                "changes": {"status": "implemented", "progress": 100},
                "public_note": (
                    "The public progress page is live and will be updated as work continues."
                ),
                "internal_note": (
                    "Corporate Communications will update the page after each working group "
                    "meeting."
                ),
            },
        ],
    },
    {
        "code": "R-20",
        "title": "Share SRO contact details with each school community",
        "description": (
            "Make sure students, families and staff know who their school's SRO is, when they are "
            "usually at the school and how to reach them. Update this information whenever "
            "assignments change."
        ),
        "theme": "transparency",
        "reports": ["elementary", "teachers", "final"],
        "lead_unit": "Youth Education Unit",
        "target_months": 6,
        "feasibility": "feasible",
        "rationale": "",
        "status": "ongoing",
        "progress": 100,
        "milestones": [
            ("Create a standard contact card for schools", 3, True),
            ("Distribute contact details at the start of the school year", 6, True),
        ],
        "evidence": [
            ("Sample SRO contact card", "https://example.org/sro/contact-card"),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 50},
                "public_note": "A standard contact card for each school's SRO has been created.",
                "internal_note": "Cards printed within the unit's existing supplies budget.",
            },
            {
                "changes": {"status": "ongoing", "progress": 100},
                "public_note": (
                    "Contact details are shared with every partner school and refreshed when "
                    "assignments change."
                ),
                "internal_note": (
                    "The unit administrator updates cards within one week of any reassignment."
                ),
            },
        ],
    },
    {
        "code": "R-21",
        "title": "Create youth-friendly material on interactions with officers",
        "description": (
            "Develop age-appropriate material that explains what students can expect when speaking "
            "with an SRO, including their rights and who they can talk to if they have concerns. "
            "Co-design the material with students."
        ),
        "theme": "transparency",
        "reports": ["elementary", "junior_senior", "final"],
        "lead_unit": "Community Engagement",
        "target_months": 16,
        "feasibility": "feasible",
        "rationale": "",
        "status": "planning",
        "progress": 10,
        "milestones": [
            ("Recruit a student co-design group", 11, False),
            ("Draft the materials", 14, False),
            ("Release the materials to schools", 16, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 10},
                "public_note": (
                    "Planning is under way to co-design youth-friendly material with students."
                ),
                "internal_note": (
                    "Co-design sessions to avoid exam periods; student honoraria under review."
                ),
            },
        ],
    },
    {
        "code": "R-22",
        "title": "Inform parents when an SRO speaks formally with their child",
        "description": (
            "Set a clear practice for letting parents or guardians know when an SRO has a formal "
            "conversation with their child at school. Explain the practice to families and "
            "describe any situations where notice may be delayed."
        ),
        "theme": "transparency",
        "reports": ["junior_senior", "roundtable", "final"],
        "lead_unit": "Youth Education Unit",
        "target_months": 12,
        "feasibility": "feasible_modified",
        "rationale": (
            "Notice will follow existing legal requirements and may be delayed where informing a "
            "parent could put a student at risk."
        ),
        "status": "in_progress",
        "progress": 30,
        "milestones": [
            ("Confirm legal requirements", 6, True),
            ("Draft the notification practice", 10, False),
            ("Share the practice with families", 12, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "under_assessment", "status": "planning", "progress": 5},
                "public_note": (
                    "The working group is reviewing how parent notification can be handled "
                    "consistently."
                ),
                "internal_note": "Legal review required before any practice is adopted.",
            },
            {
                "changes": {
                    "feasibility": "feasible_modified",
                    "rationale": (
                        "Notice will follow existing legal requirements and may be delayed where "
                        "informing a parent could put a student at risk."
                    ),
                    "status": "in_progress",
                    "progress": 30,
                },
                "public_note": (
                    "A notification practice with limited safety exceptions is being drafted."
                ),
                "internal_note": "Drafting coordinated with school board student services leads.",
            },
        ],
    },
    {
        "code": "R-23",
        "title": "Publish the topics and materials used in school presentations",
        "description": (
            "Post the list of presentation topics SROs offer, such as bullying, consent and drug "
            "awareness, with a short summary of each. This helps teachers and families know what "
            "to expect and give feedback."
        ),
        "theme": "transparency",
        "reports": ["teachers", "final"],
        "lead_unit": "Youth Education Unit",
        "target_months": 9,
        "feasibility": "feasible",
        "rationale": "",
        "status": "in_progress",
        "progress": 70,
        "milestones": [
            ("Compile the current presentation list", 3, True),
            ("Write public summaries", 7, True),
            ("Publish the summaries online", 9, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 30},
                "public_note": (
                    "The current list of SRO presentations is being compiled for publication."
                ),
                "internal_note": (
                    "Presentation owners asked to submit summaries by the end of term."
                ),
            },
            {
                "changes": {"progress": 70},
                "public_note": (
                    "Public summaries of each presentation have been written and are being "
                    "reviewed."
                ),
                "internal_note": (
                    "Communications review delayed by two weeks due to competing priorities."
                ),
            },
        ],
    },
    {
        "code": "R-24",
        "title": "Publish role agreements between the service and school boards",
        "description": (
            "Once role agreements with school boards are signed, publish them or a plain-language "
            "summary. This lets families see the commitments made by the service and by each "
            "school board."
        ),
        "theme": "transparency",
        "reports": ["roundtable", "final"],
        "lead_unit": "Strategic Services",
        "target_months": 20,
        "feasibility": "feasible",
        "rationale": "",
        "status": "planning",
        "progress": 10,
        "milestones": [
            ("Agree the publication approach with school boards", 12, False),
            ("Publish agreements or summaries", 20, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 10},
                "public_note": (
                    "Publication will follow the signing of role agreements with school boards."
                ),
                "internal_note": "Timeline is linked to R-02 and will move with it.",
            },
        ],
    },
    {
        "code": "R-25",
        "title": "Co-design school presentations with students and partners",
        "description": (
            "Work with students, teachers and community organisations to update SRO presentations "
            "on topics such as bullying, consent and drug awareness. Test new versions in a small "
            "number of schools before wider use."
        ),
        "theme": "community",
        "reports": ["junior_senior", "teachers", "final"],
        "lead_unit": "Youth Education Unit",
        "target_months": 18,
        "feasibility": "feasible",
        "rationale": "",
        "status": "in_progress",
        "progress": 35,
        "milestones": [
            ("Form a co-design group", 6, True),
            ("Revise the first two presentations", 12, False),
            ("Pilot the revised presentations", 18, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 10},
                "public_note": "Planning began for co-designing SRO presentations.",
                "internal_note": "Community partner time supported through existing grant funding.",
            },
            {
                "changes": {"status": "in_progress", "progress": 35},
                "public_note": (
                    "A co-design group has been formed and work on the first presentations is "
                    "under way."
                ),
                "internal_note": "The group meets every three weeks after school hours.",
            },
        ],
    },
    {
        "code": "R-26",
        "title": "Hold regular student voice sessions",
        "description": (
            "Give students regular opportunities to share their views on the SRO program, with a "
            "focus on students whose voices are less often heard. Sessions should be led by "
            "facilitators students trust, and results should be shared back with participants."
        ),
        "theme": "community",
        "reports": ["elementary", "junior_senior", "final"],
        "lead_unit": "Community Engagement",
        "target_months": 9,
        "feasibility": "feasible",
        "rationale": "",
        "status": "ongoing",
        "progress": 100,
        "milestones": [
            ("Design the session format with partner facilitators", 3, True),
            ("Hold the first round of sessions", 7, True),
            ("Report back to participating students", 9, True),
        ],
        "evidence": [
            (
                "Student voice sessions: what we heard",
                "https://example.org/sro/student-voice-summary",
            ),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 40},
                "public_note": (
                    "The format for student voice sessions has been designed with partner "
                    "facilitators."
                ),
                "internal_note": (
                    "Facilitation contract covers two rounds of sessions per school year."
                ),
            },
            {
                "changes": {"status": "ongoing", "progress": 100},
                "public_note": (
                    "Student voice sessions are now held each term and results are shared with "
                    "participants."
                ),
                "internal_note": "Sessions are scheduled with school boards to avoid exam periods.",
            },
        ],
    },
    {
        "code": "R-27",
        "title": "Build partnerships with organisations serving diverse youth",
        "description": (
            "Develop working relationships with community organisations that serve racialized "
            "youth, 2SLGBTQ+ youth and youth with disabilities. Use these partnerships to improve "
            "training, presentations and referrals."
        ),
        "theme": "community",
        "reports": ["junior_senior", "roundtable", "final"],
        "lead_unit": "Equity, Diversity and Inclusion Office",
        "target_months": 18,
        "feasibility": "feasible",
        "rationale": "",
        "status": "in_progress",
        "progress": 40,
        "milestones": [
            ("Map existing community partners", 4, True),
            ("Hold partner introduction meetings", 9, True),
            ("Agree joint activities for the school year", 18, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 20},
                "public_note": "Existing and potential community partners have been identified.",
                "internal_note": (
                    "Partner mapping used contacts already held by the Equity, Diversity and "
                    "Inclusion Office."
                ),
            },
            {
                "changes": {"progress": 40},
                "public_note": (
                    "Introductory meetings have been held with several community organisations."
                ),
                "internal_note": (
                    "Follow-up meetings paused over the winter break and resumed in January."
                ),
            },
        ],
    },
    {
        "code": "R-28",
        "title": "Hold information sessions for families",
        "description": (
            "Offer in-person and online sessions where families can learn about the SRO program, "
            "ask questions and give feedback. Hold sessions at times and places that suit working "
            "parents, and offer interpretation when requested."
        ),
        "theme": "community",
        "reports": ["elementary", "roundtable", "final"],
        "lead_unit": "Community Engagement",
        "target_months": 14,
        "feasibility": "feasible",
        "rationale": "",
        "status": "planning",
        "progress": 15,
        "milestones": [
            ("Select session locations with school boards", 10, True),
            ("Hold the first family sessions", 14, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 5},
                "public_note": (
                    "Planning started for family information sessions about the SRO program."
                ),
                "internal_note": (
                    "Interpretation costs to be shared with school boards where possible."
                ),
            },
            {
                "changes": {"progress": 15},
                "public_note": "Session locations have been chosen with school board partners.",
                "internal_note": (
                    "Evening sessions will need overtime approval for attending officers."
                ),
            },
        ],
    },
    {
        "code": "R-29",
        "title": "Fund community youth workers to co-deliver SRO activities",
        "description": (
            "Provide funding for community-based youth workers to work alongside SROs in schools. "
            "Youth workers would co-deliver presentations and help connect students with supports."
        ),
        "theme": "community",
        "reports": ["junior_senior", "final"],
        "lead_unit": "Strategic Services",
        "target_months": 24,
        "feasibility": "not_feasible",
        "rationale": (
            "The service cannot fund positions in outside organisations from its operating budget. "
            "The idea has been shared with municipal and school board partners for their "
            "consideration."
        ),
        "status": "will_not_proceed",
        "progress": 0,
        "milestones": [],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "under_assessment"},
                "public_note": (
                    "The working group is reviewing funding options for community youth workers."
                ),
                "internal_note": (
                    "Finance asked to confirm whether grants to outside agencies are permitted."
                ),
            },
            {
                "changes": {
                    "feasibility": "not_feasible",
                    "rationale": (
                        "The service cannot fund positions in outside organisations from its "
                        "operating budget. The idea has been shared with municipal and school "
                        "board partners for their consideration."
                    ),
                    "status": "will_not_proceed",
                },
                "public_note": (
                    "This recommendation will not proceed as written; the idea has been referred "
                    "to partners."
                ),
                "internal_note": (
                    "Referral letters sent to municipal social programs and school board partners."
                ),
            },
        ],
    },
    {
        "code": "R-30",
        "title": "Offer positive, non-enforcement activities in elementary schools",
        "description": (
            "Support SROs to take part in activities such as reading programs, sports and school "
            "events in elementary schools. These activities help younger students see officers as "
            "approachable helpers."
        ),
        "theme": "community",
        "reports": ["elementary", "final"],
        "lead_unit": "Youth Education Unit",
        "target_months": 9,
        "feasibility": "feasible",
        "rationale": "",
        "status": "ongoing",
        "progress": 100,
        "milestones": [
            ("Create a list of suggested activities", 3, True),
            ("Share the activity list with elementary schools", 5, True),
        ],
        "evidence": [
            ("Elementary school activity options", "https://example.org/sro/elementary-activities"),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 40},
                "public_note": (
                    "A list of suggested activities for elementary schools has been prepared."
                ),
                "internal_note": (
                    "Activities count toward protected relationship-building time under R-04."
                ),
            },
            {
                "changes": {"status": "ongoing", "progress": 100},
                "public_note": (
                    "SROs now take part in regular activities at elementary schools that request "
                    "them."
                ),
                "internal_note": (
                    "Participation is recorded in activity logs for the annual report."
                ),
            },
        ],
    },
    {
        "code": "R-31",
        "title": "Plan with rural and francophone school communities",
        "description": (
            "Work with Palliser School District and FrancoSud to understand the needs of rural and "
            "francophone school communities. Adapt SRO services and communication to reflect those "
            "needs."
        ),
        "theme": "community",
        "reports": ["roundtable", "final"],
        "lead_unit": "Community Engagement",
        "target_months": 24,
        "feasibility": "feasible",
        "rationale": "",
        "status": "not_started",
        "progress": 0,
        "milestones": [
            ("Hold planning meetings with both school districts", 15, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible"},
                "public_note": (
                    "This recommendation is feasible; work will begin in the next planning cycle."
                ),
                "internal_note": (
                    "Start set for the next cycle so that French-speaking staff can be assigned."
                ),
            },
        ],
    },
    {
        "code": "R-32",
        "title": "Create referral pathways to community supports",
        "description": (
            "Set up clear ways for SROs to connect students and families with mental health, "
            "addiction and social supports. Agree referral steps with school staff and service "
            "providers so that students are not passed between agencies."
        ),
        "theme": "community",
        "reports": ["teachers", "roundtable", "final"],
        "lead_unit": "Community Engagement",
        "target_months": 20,
        "feasibility": "feasible_modified",
        "rationale": (
            "Referral pathways will first be tested in two areas of the city before being "
            "extended, so that capacity at community agencies can be confirmed."
        ),
        "status": "in_progress",
        "progress": 30,
        "milestones": [
            ("Choose two pilot areas", 6, True),
            ("Agree referral steps with providers", 12, False),
            ("Review pilot results", 20, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {
                    "feasibility": "feasible_modified",
                    "rationale": (
                        "Referral pathways will first be tested in two areas of the city before "
                        "being extended, so that capacity at community agencies can be confirmed."
                    ),
                    "status": "planning",
                    "progress": 10,
                },
                "public_note": "Referral pathways will be piloted in two areas before wider use.",
                "internal_note": (
                    "Community agency capacity is the main constraint; no new police budget needed."
                ),
            },
            {
                "changes": {"status": "in_progress", "progress": 30},
                "public_note": (
                    "Pilot areas have been chosen and discussions with service providers are under "
                    "way."
                ),
                "internal_note": (
                    "Information-sharing terms with providers need privacy review before referrals "
                    "begin."
                ),
            },
        ],
    },
    {
        "code": "R-33",
        "title": "Collect data on SRO interactions with students",
        "description": (
            "Record information on SRO interactions with students, including the type of "
            "interaction and its outcome. Collect demographic information only on a voluntary "
            "basis and in line with privacy law, so that differences in outcomes across groups can "
            "be identified."
        ),
        "theme": "data_evaluation",
        "reports": ["argyle", "junior_senior", "final"],
        "lead_unit": "Data and Analytics",
        "target_months": 24,
        "feasibility": "feasible_modified",
        "rationale": (
            "Demographic information will be collected only on a voluntary basis and after a "
            "privacy impact assessment, so some fields will be limited."
        ),
        "status": "in_progress",
        "progress": 25,
        "milestones": [
            ("Complete the privacy impact assessment", 8, True),
            ("Define data fields", 12, False),
            ("Begin data collection", 18, False),
            ("Complete the first data quality review", 24, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "under_assessment", "status": "planning", "progress": 5},
                "public_note": (
                    "The working group is assessing how to collect interaction data in line with "
                    "privacy law."
                ),
                "internal_note": "Depends on the privacy impact assessment under R-34.",
            },
            {
                "changes": {
                    "feasibility": "feasible_modified",
                    "rationale": (
                        "Demographic information will be collected only on a voluntary basis and "
                        "after a privacy impact assessment, so some fields will be limited."
                    ),
                    "status": "in_progress",
                    "progress": 25,
                },
                "public_note": (
                    "Interaction data will be collected, with demographic information gathered "
                    "voluntarily."
                ),
                "internal_note": (
                    "Records system change needs a vendor quote and is planned for the next "
                    "release window."
                ),
            },
        ],
    },
    {
        "code": "R-34",
        "title": "Complete a privacy impact assessment for SRO data",
        "description": (
            "Before new data collection starts, complete a privacy impact assessment covering what "
            "information is collected, who can see it and how long it is kept. Share a summary "
            "with the public."
        ),
        "theme": "data_evaluation",
        "reports": ["final"],
        "lead_unit": "Data and Analytics",
        "target_months": 8,
        "feasibility": "feasible",
        "rationale": "",
        "status": "implemented",
        "progress": 100,
        "milestones": [
            ("Draft the privacy impact assessment", 4, True),
            ("Submit for privacy review", 6, True),
            ("Publish a public summary", 8, True),
        ],
        "evidence": [
            (
                "Privacy impact assessment summary",
                "https://example.org/sro/privacy-assessment-summary",
            ),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 40},
                "public_note": "A privacy impact assessment for SRO data has been drafted.",
                "internal_note": (
                    "Prepared with the service's privacy officer within existing workload."
                ),
            },
            {
                "changes": {"progress": 80},
                "public_note": "The privacy impact assessment has been submitted for review.",
                "internal_note": "Reviewer comments expected within six weeks.",
            },
            {
                "changes": {"status": "implemented", "progress": 100},
                "public_note": (
                    "The privacy impact assessment is complete and a public summary is available."
                ),
                "internal_note": "The assessment will be revisited if data fields change.",
            },
        ],
    },
    {
        "code": "R-35",
        "title": "Commission an independent evaluation every three years",
        "description": (
            "Arrange for an independent organisation to evaluate the SRO program at regular "
            "intervals, using an anti-racism equity lens. Publish each evaluation together with "
            "the service's response."
        ),
        "theme": "data_evaluation",
        "reports": ["argyle", "final"],
        "lead_unit": "Strategic Services",
        "target_months": 36,
        "feasibility": "feasible",
        "rationale": "",
        "status": "planning",
        "progress": 10,
        "milestones": [
            ("Draft the evaluation scope", 12, False),
            ("Issue a request for proposals", 24, False),
            ("Begin the evaluation", 30, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 10},
                "public_note": "Planning has started for the next independent evaluation.",
                "internal_note": (
                    "Evaluation cost to be included in the budget request two years out."
                ),
            },
        ],
    },
    {
        "code": "R-36",
        "title": "Define outcome measures for the SRO program",
        "description": (
            "Agree on a small set of measures that show whether the program is meeting its goals, "
            "such as students' sense of safety and trust. Involve students, staff and community "
            "partners in choosing the measures."
        ),
        "theme": "data_evaluation",
        "reports": ["argyle", "teachers", "final"],
        "lead_unit": "Data and Analytics",
        "target_months": 12,
        "feasibility": "feasible",
        "rationale": "",
        "status": "in_progress",
        "progress": 60,
        "milestones": [
            ("Hold measure selection workshops", 6, True),
            ("Draft the measure set", 9, True),
            ("Confirm measures with the advisory board", 12, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 25},
                "public_note": "Workshops were held to choose outcome measures for the program.",
                "internal_note": "Workshops held online to reduce venue costs.",
            },
            {
                "changes": {"progress": 60},
                "public_note": "A draft set of outcome measures has been prepared.",
                "internal_note": "Final confirmation awaits the first advisory board meeting.",
            },
        ],
    },
    {
        "code": "R-37",
        "title": "Survey students and teachers about the program each year",
        "description": (
            "Run a short annual survey of students and teachers about their experiences with SROs. "
            "Use consistent questions each year so that changes over time can be seen, and report "
            "the results publicly."
        ),
        "theme": "data_evaluation",
        "reports": ["junior_senior", "teachers", "final"],
        "lead_unit": "Data and Analytics",
        "target_months": 15,
        "feasibility": "feasible",
        "rationale": "",
        "status": "deferred",
        "progress": 20,
        "milestones": [
            ("Draft survey questions", 6, True),
            ("Agree survey timing with school boards", 12, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 10},
                "public_note": "Planning began for an annual student and teacher survey.",
                "internal_note": "The service already holds a licence for a suitable survey tool.",
            },
            {
                "changes": {"status": "in_progress", "progress": 20},
                "public_note": "Draft survey questions have been prepared.",
                "internal_note": (
                    "Questions reviewed by the Equity, Diversity and Inclusion Office."
                ),
            },
            {
                "changes": {"status": "deferred"},
                "public_note": (
                    "The first survey has been deferred to next school year to fit school board "
                    "survey schedules."
                ),
                "internal_note": (
                    "School boards limit the number of surveys each year; the next slot is in the "
                    "autumn."
                ),
            },
        ],
    },
    {
        "code": "R-38",
        "title": "Track drills and presentations in one system",
        "description": (
            "Record all lockdown drills and school presentations delivered by SROs in a single "
            "system. This makes it easier to report on activity and to spot schools that are not "
            "being served."
        ),
        "theme": "data_evaluation",
        "reports": ["teachers", "final"],
        "lead_unit": "Data and Analytics",
        "target_months": 6,
        "feasibility": "feasible",
        "rationale": "",
        "status": "implemented",
        "progress": 100,
        "milestones": [
            ("Configure an activity tracking form", 3, True),
            ("Train SROs on recording activities", 5, True),
        ],
        "evidence": [
            ("Activity tracking summary", "https://example.org/sro/activity-tracking"),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "in_progress", "progress": 50},
                "public_note": "An activity tracking form has been configured for SROs.",
                "internal_note": "Built in the existing records platform at no additional cost.",
            },
            {
                "changes": {"status": "implemented", "progress": 100},
                "public_note": "All drills and presentations are now recorded in one system.",
                "internal_note": "Monthly data quality checks assigned to the unit administrator.",
            },
        ],
    },
    {
        "code": "R-39",
        "title": "Publish interaction data for each individual school",
        "description": (
            "Publish SRO interaction data broken down by individual school, including demographic "
            "details. This would let each school community see patterns in its own school."
        ),
        "theme": "data_evaluation",
        "reports": ["junior_senior", "final"],
        "lead_unit": "Data and Analytics",
        "target_months": 24,
        "feasibility": "not_feasible",
        "rationale": (
            "Counts for a single school are often small enough to identify students, which privacy "
            "law does not allow. Data will instead be reported by area and by school level."
        ),
        "status": "will_not_proceed",
        "progress": 0,
        "milestones": [],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "under_assessment"},
                "public_note": (
                    "The working group is assessing whether school-level data can be published "
                    "safely."
                ),
                "internal_note": "Privacy officer consulted on small-number suppression rules.",
            },
            {
                "changes": {
                    "feasibility": "not_feasible",
                    "rationale": (
                        "Counts for a single school are often small enough to identify students, "
                        "which privacy law does not allow. Data will instead be reported by area "
                        "and by school level."
                    ),
                    "status": "will_not_proceed",
                },
                "public_note": (
                    "School-level data will not be published; area-level data will be reported "
                    "instead."
                ),
                "internal_note": (
                    "Area-level reporting added to the scope of the annual report under R-17."
                ),
            },
        ],
    },
    {
        "code": "R-40",
        "title": "Establish an external SRO advisory board",
        "description": (
            "Form an external advisory board of parents, students and school staff to advise the "
            "service on the SRO program. Publish the board's terms of reference, membership "
            "categories and meeting summaries."
        ),
        "theme": "advisory_accountability",
        "reports": ["argyle", "roundtable", "final"],
        "lead_unit": "Strategic Services",
        "target_months": 12,
        "feasibility": "feasible",
        "rationale": "",
        "status": "in_progress",
        "progress": 55,
        "milestones": [
            ("Approve terms of reference", 5, True),
            ("Open applications for members", 8, True),
            ("Hold the first meeting", 12, False),
        ],
        "evidence": [
            (
                "Advisory board terms of reference",
                "https://example.org/sro/advisory-board/terms-of-reference",
            ),
        ],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 15},
                "public_note": (
                    "Terms of reference for an external advisory board are being drafted."
                ),
                "internal_note": (
                    "Secretariat support will come from Strategic Services within existing "
                    "staffing."
                ),
            },
            {
                "changes": {"status": "in_progress", "progress": 40},
                "public_note": (
                    "Terms of reference were approved and applications for members are open."
                ),
                "internal_note": (
                    "Application period extended by two weeks to reach more school communities."
                ),
            },
            {
                "changes": {"progress": 55},
                "public_note": (
                    "Applications are being reviewed and the first meeting is being planned."
                ),
                "internal_note": "Selection meetings scheduled around school board holidays.",
            },
        ],
    },
    {
        "code": "R-41",
        "title": "Include students as full members of the advisory board",
        "description": (
            "Reserve seats on the advisory board for junior and senior high students and support "
            "them to take part fully. Offer flexible meeting times, an orientation and recognition "
            "for their time."
        ),
        "theme": "advisory_accountability",
        "reports": ["junior_senior", "roundtable", "final"],
        "lead_unit": "Community Engagement",
        "target_months": 14,
        "feasibility": "feasible",
        "rationale": "",
        "status": "planning",
        "progress": 15,
        "milestones": [
            ("Confirm student seats in the terms of reference", 5, True),
            ("Design a student orientation", 12, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "feasible", "status": "planning", "progress": 15},
                "public_note": (
                    "Student seats have been included in the advisory board's terms of reference."
                ),
                "internal_note": (
                    "Form of recognition for students (honoraria or volunteer hours) still to be "
                    "confirmed."
                ),
            },
        ],
    },
    {
        "code": "R-42",
        "title": "Create a feedback and complaint channel for students and parents",
        "description": (
            "Provide a simple, accessible way for students and parents to raise concerns or give "
            "feedback about the SRO program, with online and in-person options. Explain how "
            "concerns are handled and how long responses usually take."
        ),
        "theme": "advisory_accountability",
        "reports": ["elementary", "junior_senior", "final"],
        "lead_unit": "Professional Standards Section",
        "target_months": 12,
        "feasibility": "feasible_modified",
        "rationale": (
            "Complaints about officer conduct must still follow the legislated police complaint "
            "process, so the new channel will accept feedback and help people file formal "
            "complaints when needed."
        ),
        "status": "in_progress",
        "progress": 50,
        "milestones": [
            ("Design the feedback form and process", 5, True),
            ("Test the form with students and parents", 9, True),
            ("Launch the feedback channel", 12, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {
                    "feasibility": "feasible_modified",
                    "rationale": (
                        "Complaints about officer conduct must still follow the legislated police "
                        "complaint process, so the new channel will accept feedback and help "
                        "people file formal complaints when needed."
                    ),
                    "status": "planning",
                    "progress": 10,
                },
                "public_note": (
                    "A feedback channel will be created alongside the existing formal complaint "
                    "process."
                ),
                "internal_note": (
                    "Form to be hosted on the existing public website; routing rules still to be "
                    "agreed."
                ),
            },
            {
                "changes": {"status": "in_progress", "progress": 50},
                "public_note": (
                    "The feedback form has been tested with students and parents and is being "
                    "refined."
                ),
                "internal_note": (
                    "A ten-business-day response target is proposed; staffing still to be "
                    "confirmed."
                ),
            },
        ],
    },
    {
        "code": "R-43",
        "title": "Have the advisory board review the annual report before release",
        "description": (
            "Give the advisory board a chance to review and comment on each annual SRO report "
            "before it is published. Include a summary of the board's comments in the published "
            "report."
        ),
        "theme": "advisory_accountability",
        "reports": ["roundtable", "final"],
        "lead_unit": "Strategic Services",
        "target_months": 18,
        "feasibility": "not_assessed",
        "rationale": "",
        "status": "not_started",
        "progress": 0,
        "milestones": [],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "not_assessed", "status": "not_started"},
                "public_note": (
                    "This recommendation will be assessed once the advisory board is in place."
                ),
                "internal_note": (
                    "Queued for the first working group meeting after the board is formed."
                ),
            },
        ],
    },
    {
        "code": "R-44",
        "title": "Respond publicly to advisory board advice",
        "description": (
            "Publish the service's response to each piece of formal advice from the advisory board "
            "within a set time. Explain which advice will be acted on and, where it will not, "
            "explain why."
        ),
        "theme": "advisory_accountability",
        "reports": ["roundtable", "final"],
        "lead_unit": "Strategic Services",
        "target_months": 20,
        "feasibility": "not_assessed",
        "rationale": "",
        "status": "not_started",
        "progress": 0,
        "milestones": [],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "not_assessed", "status": "not_started"},
                "public_note": (
                    "Assessment of this recommendation is scheduled for a later working group "
                    "cycle."
                ),
                "internal_note": "To be assessed together with R-40 and R-43.",
            },
        ],
    },
    {
        "code": "R-45",
        "title": "Involve the advisory board in reviewing SRO selection practices",
        "description": (
            "Ask the advisory board to review SRO selection criteria and practices each year and "
            "suggest improvements. Report publicly on how the suggestions were considered."
        ),
        "theme": "advisory_accountability",
        "reports": ["roundtable", "final"],
        "lead_unit": "Human Resources",
        "target_months": 24,
        "feasibility": "under_assessment",
        "rationale": "",
        "status": "planning",
        "progress": 5,
        "milestones": [
            ("Confirm scope with Human Resources", 12, False),
        ],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "under_assessment", "status": "planning", "progress": 5},
                "public_note": (
                    "The working group is assessing how the advisory board could review selection "
                    "practices."
                ),
                "internal_note": (
                    "Human Resources reviewing confidentiality requirements for personnel "
                    "processes."
                ),
            },
        ],
    },
    {
        "code": "R-46",
        "title": "Review the SRO program model after the first implementation cycle",
        "description": (
            "After the first full cycle of implementation, review whether the program's structure, "
            "size and deployment still meet the needs identified in the review. Involve the "
            "advisory board and school boards in that work."
        ),
        "theme": "advisory_accountability",
        "reports": ["final"],
        "lead_unit": "Strategic Services",
        "target_months": 36,
        "feasibility": "under_assessment",
        "rationale": "",
        "status": "deferred",
        "progress": 0,
        "milestones": [],
        "evidence": [],
        "updates": [
            {
                "changes": {"feasibility": "under_assessment"},
                "public_note": (
                    "The working group has begun considering the scope and timing of a program "
                    "model review."
                ),
                "internal_note": "Scope depends on outcome measures being in place under R-36.",
            },
            {
                "changes": {"status": "deferred"},
                "public_note": (
                    "The program model review has been deferred until outcome data from the first "
                    "cycle is available."
                ),
                "internal_note": (
                    "Timing to be revisited at the working group's annual planning session."
                ),
            },
        ],
    },
]
