"""Advisory-board vocabularies: seat categories, school boards, ages, grades, answers."""

import enum

from flask_babel import lazy_gettext as _l

CATEGORY_LABELS = {
    "parent": _l("Parent or guardian"),
    "student": _l("Student"),
    "staff": _l("School staff"),
}
SCHOOL_BOARD_LABELS = {
    "cbe": _l("Calgary Board of Education"),
    "ccsd": _l("Calgary Catholic School District"),
    "palliser": _l("Palliser School District"),
    "francosud": _l("FrancoSud"),  # a name: the same in both languages
    "other": _l("Other"),
}


class Category(enum.StrEnum):
    """Seat categories on the advisory board."""

    PARENT = "parent"
    STUDENT = "student"
    STAFF = "staff"

    @property
    def label(self) -> str:
        """Human-readable name."""
        return str(CATEGORY_LABELS[self.value])


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
        return str(SCHOOL_BOARD_LABELS[self.value])


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


# The voluntary self-identification questions, by their column in SelfIdentification.
SELF_ID_QUESTIONS = ("racialized", "indigenous", "lgbtq", "disability", "newcomer")


class SelfIdAnswer(enum.StrEnum):
    """An answer to one voluntary self-identification question."""

    YES = "yes"
    NO = "no"
    PREFER_NOT = "prefer_not"
