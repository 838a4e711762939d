"""The board's words for stored values: stages and vocabularies, for applicants and staff."""

from .eligibility import STUDENT_GRADES as ELIGIBLE_GRADES
from .eligibility import staff_role_label
from .enums import AgeRange, GradeBand, SchoolBoard, SelfIdAnswer
from .stages import Stage

# Stage -> (short name, what it means for the applicant).
APPLICANT_STAGES: dict[Stage, tuple[str, str]] = {
    Stage.SUBMITTED: ("Received", "We have your application."),
    Stage.AWAITING_GUARDIAN: (
        "Waiting for your parent or guardian",
        "We emailed your parent or guardian a link to confirm that they agree. "
        "Your application goes ahead once they do.",
    ),
    Stage.ELIGIBLE: (
        "Received and eligible",
        "Your application meets the rules for your seat category. "
        "It will be reviewed after the intake closes.",
    ),
    Stage.INELIGIBLE: (
        "Not eligible",
        "Your application does not meet the rules for your seat category. "
        "If you think this is a mistake, contact us using the details below.",
    ),
    Stage.IN_REVIEW: ("Being reviewed", "A panel is reading the applications."),
    Stage.SHORTLISTED: ("Shortlisted", "You are on the shortlist. We will contact you by email."),
    Stage.INTERVIEW: ("Invited to a conversation", "We would like to meet you."),
    Stage.OFFERED: ("Offered a seat", "We have offered you a seat on the board; see your email."),
    Stage.ACCEPTED: ("Accepted", "Welcome to the advisory board."),
    Stage.DECLINED: ("Offer declined", "You declined the offer of a seat."),
    Stage.WAITLISTED: (
        "On the waiting list",
        "If a seat becomes free, we may offer it to you.",
    ),
    Stage.NOT_SELECTED: (
        "Not selected this time",
        "Thank you for applying. We could not offer you a seat in this intake.",
    ),
    Stage.WITHDRAWN: ("Withdrawn", "This application was withdrawn."),
    Stage.EXPIRED: (
        "Expired",
        "A parent or guardian did not confirm their consent in time, so the application "
        "did not go ahead. You are welcome to apply again in a future intake.",
    ),
}

AGE_RANGES = {
    AgeRange.UNDER_14: "Under 14",
    AgeRange.AGE_14_15: "14 or 15",
    AgeRange.AGE_16_17: "16 or 17",
    AgeRange.AGE_18_PLUS: "18 or older",
}
GRADE_BANDS = {
    GradeBand.ELEMENTARY: "Kindergarten to grade 6",
    GradeBand.JUNIOR_HIGH: "Grades 7 to 9",
    GradeBand.SENIOR_HIGH: "Grades 10 to 12",
}
# The parent's "no child in school now" answer (stored as no grade band: not eligible).
NO_CHILD_IN_SCHOOL = "none"
SELF_ID_ANSWERS = {
    SelfIdAnswer.YES: "Yes",
    SelfIdAnswer.NO: "No",
    SelfIdAnswer.PREFER_NOT: "Prefer not to say",
}
# Question -> (short label used in aggregates, the question as asked).
SELF_ID_WORDING = {
    "racialized": (
        "Racialized",
        "Do you identify as a racialized person (a person of colour who is not Indigenous)?",
    ),
    "indigenous": ("Indigenous", "Are you First Nations, Métis or Inuit?"),
    "lgbtq": (
        "2SLGBTQ+",
        "Do you identify as Two-Spirit, lesbian, gay, bisexual, transgender, queer, "
        "or another sexual or gender minority (2SLGBTQ+)?",
    ),
    "disability": ("Disability", "Do you identify as a person with a disability?"),
    "newcomer": (
        "Newcomer to Canada",
        "Are you a newcomer to Canada (you came to live here in the last five years)?",
    ),
}
HEARD_ABOUT = [
    "My school or school board",
    "A teacher or school staff member",
    "A friend or family member",
    "Social media",
    "News (newspaper, radio, TV)",
    "A community organization",
    "The police service",
    "Another way",
]
# Only the grades the eligibility rules accept are offered.
STUDENT_GRADES = {grade: f"Grade {grade}" for grade in ELIGIBLE_GRADES}


def stage_label(stage: Stage) -> str:
    """A stage as words."""
    return stage.value.replace("_", " ").capitalize()


class BoardLabels:
    """Words for stored values, for the board's staff templates."""

    stage = staticmethod(stage_label)
    staff_role = staticmethod(staff_role_label)

    @staticmethod
    def age(value: AgeRange | None) -> str:
        """An age range as words."""
        return AGE_RANGES.get(value, "—") if value else "—"

    @staticmethod
    def grade_band(value: GradeBand | None) -> str:
        """A child's grade band as words."""
        return GRADE_BANDS.get(value, "—") if value else "—"

    @staticmethod
    def school_board(value: SchoolBoard | None) -> str:
        """A school board's full name."""
        return value.label if value else "—"
