"""Words the tracker's scale data is made of: titles, units and notes."""

VERBS = ["Clarify", "Publish", "Review", "Train", "Measure", "Share", "Co-design", "Report on"]
OBJECTS = [
    "the role of officers in schools",
    "how students can raise concerns",
    "the data collected on school incidents",
    "hiring criteria for school resource officers",
    "the complaint process for families",
    "supports for Indigenous students",
    "restorative practices with school staff",
    "the annual public progress report",
]
UNITS = ["Youth Education Unit", "School Resource Officer Program", "Equity Office", "Analytics"]
PUBLIC_NOTES = [
    "Another step of the plan was completed this month.",
    "Met with school board partners to agree on next steps.",
    "Draft guidance shared with the advisory board for comment.",
    "Training sessions delivered to officers and school staff.",
    "Data for the last term collected and checked.",
    "Public summary of the work so far posted.",
    "",
]
INTERNAL_NOTES = ["Figures from the monthly check-in.", "Waiting on the board's data team.", ""]
RATIONALE = "The working group's assessment of cost, legal authority and the partners' views."
