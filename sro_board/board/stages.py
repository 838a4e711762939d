"""Application stages: the Stage enum and every rule about moving between stages.

The moves themselves are made by transitions.move_to, the one function that changes a stage.
"""

import enum


class Stage(enum.StrEnum):
    """Where an application stands."""

    SUBMITTED = "submitted"
    AWAITING_GUARDIAN = "awaiting_guardian_consent"
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    IN_REVIEW = "in_review"
    SHORTLISTED = "shortlisted"
    INTERVIEW = "interview"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WAITLISTED = "waitlisted"
    NOT_SELECTED = "not_selected"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


S = Stage
# Allowed stage moves, in one place. Withdrawal is allowed from every open stage.
STAGE_TRANSITIONS: dict[Stage, frozenset[Stage]] = {
    S.SUBMITTED: frozenset({S.AWAITING_GUARDIAN, S.ELIGIBLE, S.INELIGIBLE, S.WITHDRAWN}),
    S.AWAITING_GUARDIAN: frozenset({S.ELIGIBLE, S.INELIGIBLE, S.EXPIRED, S.WITHDRAWN}),
    S.ELIGIBLE: frozenset({S.IN_REVIEW, S.INELIGIBLE, S.WITHDRAWN}),
    # An admin's override of a minor's ineligibility asks their guardian first.
    S.INELIGIBLE: frozenset({S.ELIGIBLE, S.AWAITING_GUARDIAN, S.WITHDRAWN}),
    S.IN_REVIEW: frozenset({S.SHORTLISTED, S.WAITLISTED, S.NOT_SELECTED, S.WITHDRAWN}),
    S.SHORTLISTED: frozenset({S.INTERVIEW, S.OFFERED, S.WAITLISTED, S.NOT_SELECTED, S.WITHDRAWN}),
    S.INTERVIEW: frozenset({S.OFFERED, S.WAITLISTED, S.NOT_SELECTED, S.WITHDRAWN}),
    S.WAITLISTED: frozenset({S.OFFERED, S.NOT_SELECTED, S.WITHDRAWN}),
    S.OFFERED: frozenset({S.ACCEPTED, S.DECLINED, S.WITHDRAWN}),
    S.ACCEPTED: frozenset(),
    S.DECLINED: frozenset(),
    S.NOT_SELECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.EXPIRED: frozenset(),
}
# Stages with no way onward: the decision date starts the retention clock.
FINAL_STAGES = frozenset(stage for stage, onward in STAGE_TRANSITIONS.items() if not onward) | {
    S.INELIGIBLE
}
# Outcomes after which personal data is purged once the retention period has passed.
PURGEABLE_STAGES = frozenset({S.NOT_SELECTED, S.WITHDRAWN, S.EXPIRED, S.INELIGIBLE, S.DECLINED})
# The applicant's email on entering each stage (template name under templates/email/): every
# stage the status page can show. The submission's own moves send the one "received" email
# instead, and a guardian's consent sends "guardian_confirmed" (move_to's template argument).
APPLICANT_EMAILS: dict[Stage, str] = {
    S.AWAITING_GUARDIAN: "awaiting_guardian",
    S.ELIGIBLE: "eligible",
    S.INELIGIBLE: "ineligible",
    S.IN_REVIEW: "in_review",
    S.SHORTLISTED: "shortlisted",
    S.INTERVIEW: "interview",
    S.OFFERED: "offer",
    S.ACCEPTED: "decision",
    S.DECLINED: "decision",
    S.NOT_SELECTED: "decision",
    S.WAITLISTED: "decision",
    S.WITHDRAWN: "withdrawn",
    S.EXPIRED: "expired",
}


def stage_move_allowed(old: Stage, new: Stage) -> bool:
    """True if an application may go from old to new."""
    return new in STAGE_TRANSITIONS[old]
