"""The board's words for stored values: stages and vocabularies, for applicants and staff."""

from flask_babel import lazy_gettext as _l

from .bilingual import N_, stored_words
from .eligibility import STUDENT_GRADES as ELIGIBLE_GRADES
from .eligibility import staff_role_label
from .enums import AgeRange, GradeBand, SchoolBoard, SelfIdAnswer
from .stages import Stage

# Stage -> (short name, what it means for the applicant).
APPLICANT_STAGES: dict[Stage, tuple[str, str]] = {
    Stage.SUBMITTED: (_l("Received"), _l("We have your application.")),
    Stage.AWAITING_GUARDIAN: (
        _l("Waiting for your parent or guardian"),
        _l(
            "We emailed your parent or guardian a link to confirm that they agree. "
            "Your application goes ahead once they do."
        ),
    ),
    Stage.ELIGIBLE: (
        _l("Received and eligible"),
        _l(
            "Your application meets the rules for your seat category. "
            "It will be reviewed after the intake closes."
        ),
    ),
    Stage.INELIGIBLE: (
        _l("Not eligible"),
        _l(
            "Your application does not meet the rules for your seat category. "
            "If you think this is a mistake, contact us using the details below."
        ),
    ),
    Stage.IN_REVIEW: (_l("Being reviewed"), _l("A panel is reading the applications.")),
    Stage.SHORTLISTED: (
        _l("Shortlisted"),
        _l("You are on the shortlist. We will contact you by email."),
    ),
    Stage.INTERVIEW: (_l("Invited to a conversation"), _l("We would like to meet you.")),
    Stage.OFFERED: (
        _l("Offered a seat"),
        _l("We have offered you a seat on the board; see your email."),
    ),
    Stage.ACCEPTED: (_l("Accepted"), _l("Welcome to the advisory board.")),
    Stage.DECLINED: (_l("Offer declined"), _l("You declined the offer of a seat.")),
    Stage.WAITLISTED: (
        _l("On the waiting list"),
        _l("If a seat becomes free, we may offer it to you."),
    ),
    Stage.NOT_SELECTED: (
        _l("Not selected this time"),
        _l("Thank you for applying. We could not offer you a seat in this intake."),
    ),
    Stage.WITHDRAWN: (_l("Withdrawn"), _l("This application was withdrawn.")),
    Stage.EXPIRED: (
        _l("Expired"),
        _l(
            "A parent or guardian did not confirm their consent in time, so the application "
            "did not go ahead. You are welcome to apply again in a future intake."
        ),
    ),
}

AGE_RANGES = {
    AgeRange.UNDER_14: _l("Under 14"),
    AgeRange.AGE_14_15: _l("14 or 15"),
    AgeRange.AGE_16_17: _l("16 or 17"),
    AgeRange.AGE_18_PLUS: _l("18 or older"),
}
GRADE_BANDS = {
    GradeBand.ELEMENTARY: _l("Kindergarten to grade 6"),
    GradeBand.JUNIOR_HIGH: _l("Grades 7 to 9"),
    GradeBand.SENIOR_HIGH: _l("Grades 10 to 12"),
}
# The parent's "no child in school now" answer (stored as no grade band: not eligible).
NO_CHILD_IN_SCHOOL = "none"
SELF_ID_ANSWERS = {
    SelfIdAnswer.YES: _l("Yes"),
    SelfIdAnswer.NO: _l("No"),
    SelfIdAnswer.PREFER_NOT: _l("Prefer not to say"),
}
# Question -> (short label used in aggregates, the question as asked).
SELF_ID_WORDING = {
    "racialized": (
        _l("Racialized"),
        _l("Do you identify as a racialized person (a person of colour who is not Indigenous)?"),
    ),
    "indigenous": (_l("Indigenous"), _l("Are you First Nations, Métis or Inuit?")),
    "lgbtq": (
        _l("2SLGBTQ+"),
        _l(
            "Do you identify as Two-Spirit, lesbian, gay, bisexual, transgender, queer, "
            "or another sexual or gender minority (2SLGBTQ+)?"
        ),
    ),
    "disability": (_l("Disability"), _l("Do you identify as a person with a disability?")),
    "newcomer": (
        _l("Newcomer to Canada"),
        _l("Are you a newcomer to Canada (you came to live here in the last five years)?"),
    ),
}
# Stored in English (the answer is data), shown in the reader's language.
HEARD_ABOUT = [
    N_("My school or school board"),
    N_("A teacher or school staff member"),
    N_("A friend or family member"),
    N_("Social media"),
    N_("News (newspaper, radio, TV)"),
    N_("A community organization"),
    N_("The police service"),
    N_("Another way"),
]
# Only the grades the eligibility rules accept are offered.
STUDENT_GRADES = {grade: _l("Grade %(num)d", num=grade) for grade in ELIGIBLE_GRADES}
# A stage's name on the staff pages.
STAGE_LABELS = {
    Stage.SUBMITTED: _l("Submitted"),
    Stage.AWAITING_GUARDIAN: _l("Awaiting guardian consent"),
    Stage.ELIGIBLE: _l("Eligible"),
    Stage.INELIGIBLE: _l("Ineligible"),
    Stage.IN_REVIEW: _l("In review"),
    Stage.SHORTLISTED: _l("Shortlisted"),
    Stage.INTERVIEW: _l("Interview"),
    Stage.OFFERED: _l("Offered"),
    Stage.ACCEPTED: _l("Accepted"),
    Stage.DECLINED: _l("Declined"),
    Stage.WAITLISTED: _l("Waitlisted"),
    Stage.NOT_SELECTED: _l("Not selected"),
    Stage.WITHDRAWN: _l("Withdrawn"),
    Stage.EXPIRED: _l("Expired"),
}


def stage_label(stage: Stage) -> str:
    """A stage as words."""
    return str(STAGE_LABELS[stage])


class BoardLabels:
    """Words for stored values, for the board's staff templates."""

    stage = staticmethod(stage_label)
    words = staticmethod(stored_words)
    staff_role = staticmethod(staff_role_label)

    @staticmethod
    def age(value: AgeRange | None) -> str:
        """An age range as words."""
        return str(AGE_RANGES.get(value, "—")) if value else "—"

    @staticmethod
    def grade_band(value: GradeBand | None) -> str:
        """A child's grade band as words."""
        return str(GRADE_BANDS.get(value, "—")) if value else "—"

    @staticmethod
    def school_board(value: SchoolBoard | None) -> str:
        """A school board's full name."""
        return value.label if value else "—"
