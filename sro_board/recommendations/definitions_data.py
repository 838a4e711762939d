"""Default published status definitions; admins edit the stored copies."""

# (axis, key, name, meaning, entry criteria)
DEFAULT_DEFINITIONS: list[tuple[str, str, str, str, str]] = [
    (
        "feasibility",
        "not_assessed",
        "Not yet assessed",
        "The working group has not started assessing this recommendation.",
        "Every recommendation starts here.",
    ),
    (
        "feasibility",
        "under_assessment",
        "Under assessment",
        "The working group is studying what implementing it would take.",
        "An assessment lead is named and the work is scheduled.",
    ),
    (
        "feasibility",
        "feasible",
        "Feasible",
        "The working group has decided it can be implemented as written.",
        "The working group has reviewed costs, legal limits and partners' views and agreed.",
    ),
    (
        "feasibility",
        "feasible_modified",
        "Feasible with modifications",
        "It can be implemented, but not exactly as written.",
        "A published rationale explains what changes and why.",
    ),
    (
        "feasibility",
        "not_feasible",
        "Not feasible",
        "The working group has decided it cannot be implemented.",
        "A published rationale explains why.",
    ),
    (
        "implementation",
        "not_started",
        "Not started",
        "No implementation work has begun.",
        "The starting status of every recommendation.",
    ),
    (
        "implementation",
        "planning",
        "Planning",
        "A plan, lead and target date are being set.",
        "A responsible lead is named.",
    ),
    (
        "implementation",
        "in_progress",
        "In progress",
        "Work is under way.",
        "A plan with a target date exists and at least one step has begun.",
    ),
    (
        "implementation",
        "implemented",
        "Implemented",
        "The recommendation has been put in place.",
        "At least one piece of evidence is published and a second person (the chair or an "
        "administrator) has signed off.",
    ),
    (
        "implementation",
        "ongoing",
        "Ongoing (embedded in practice)",
        "It is now part of regular practice and continues.",
        "Evidence shows the practice continues beyond a one-time change, and a second person "
        "(the chair or an administrator) has signed off.",
    ),
    (
        "implementation",
        "deferred",
        "Deferred",
        "Work is paused and will resume later.",
        "A public note says why and when it will be reconsidered.",
    ),
    (
        "implementation",
        "will_not_proceed",
        "Will not proceed",
        "The service has decided not to implement it.",
        "A public note gives the reason, and a second person (the chair or an administrator) "
        "has signed off.",
    ),
    (
        "schedule",
        "on_track",
        "On track",
        "Expected to be done by its target date.",
        "The target date is more than 90 days away, or progress is at least 75%.",
    ),
    (
        "schedule",
        "at_risk",
        "At risk",
        "May miss its target date.",
        "The target date is within 90 days and progress is below 75%, or work is deferred.",
    ),
    (
        "schedule",
        "overdue",
        "Overdue",
        "The target date has passed and the work is not complete.",
        "Today is after the target date and the status is not implemented, ongoing or "
        "will not proceed.",
    ),
    (
        "schedule",
        "closed",
        "Closed",
        "A schedule no longer applies.",
        "The status is implemented, ongoing or will not proceed.",
    ),
]
