"""Advisory-board vocabularies and the application stages with their allowed moves."""

import enum


class Category(enum.StrEnum):
    """Seat categories on the advisory board."""

    PARENT = "parent"
    STUDENT = "student"
    STAFF = "staff"

    @property
    def label(self) -> str:
        """Human-readable name."""
        return {"parent": "Parent or guardian", "student": "Student", "staff": "School staff"}[
            self.value
        ]


class SchoolBoard(enum.StrEnum):
    """School boards an applicant may belong to."""

    CBE = "cbe"
    CCSD = "ccsd"
    PALLISER = "palliser"
    FRANCOSUD = "francosud"
    OTHER = "other"

    @property
    def label(self) -> str:
        """Full name."""
        return {
            "cbe": "Calgary Board of Education",
            "ccsd": "Calgary Catholic School District",
            "palliser": "Palliser School District",
            "francosud": "FrancoSud",
            "other": "Other",
        }[self.value]


class AgeRange(enum.StrEnum):
    """Student age ranges (under 18 needs a guardian's consent)."""

    UNDER_14 = "under_14"
    AGE_14_15 = "14_15"
    AGE_16_17 = "16_17"
    AGE_18_PLUS = "18_plus"

    @property
    def is_minor(self) -> bool:
        """True for ages under 18."""
        return self is not AgeRange.AGE_18_PLUS


class GradeBand(enum.StrEnum):
    """A parent's child's grade band."""

    ELEMENTARY = "elementary"
    JUNIOR_HIGH = "junior_high"
    SENIOR_HIGH = "senior_high"


class SelfIdAnswer(enum.StrEnum):
    """An answer to one voluntary self-identification question."""

    YES = "yes"
    NO = "no"
    PREFER_NOT = "prefer_not"


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
