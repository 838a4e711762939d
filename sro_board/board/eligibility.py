"""Who may hold a seat: the eligibility rules of each category, in one place.

An ineligible application is kept with the reason these rules give (stored in English, shown in
the reader's language); an admin may override it.
"""

from collections.abc import Callable

from flask_babel import lazy_gettext as _l

from .bilingual import N_
from .enums import Category, SchoolBoard
from .models import Application

STUDENT_GRADES = range(7, 13)
# Boards whose students may hold a student seat (every board on the form except "Other").
LISTED_BOARDS = frozenset(SchoolBoard) - {SchoolBoard.OTHER}

# Staff roles offered on the form (value stored in Application.staff_role -> label).
STAFF_ROLES = {
    "teacher": _l("Teacher"),
    "school_leader": _l("Principal or assistant principal"),
    "student_support": _l("Counsellor, psychologist, social worker or other student support"),
    "educational_assistant": _l("Educational assistant"),
    "support_staff": _l("Office, library, custodial or other support staff at a school"),
    "other_at_school": _l("Another role at a school"),
    "not_at_school": _l(
        "I work for a school board, but not at a school (for example, central office)"
    ),
}
SCHOOL_BASED_ROLES = frozenset(STAFF_ROLES) - {"not_at_school"}

# Said up front on the application form, so that nobody applies for a seat they cannot hold.
STUDENT_RULE = _l(
    "Student seats are for students in grades 7 to 12 at a school of the Calgary Board of "
    "Education, the Calgary Catholic School District, Palliser School District or FrancoSud."
)
REASONS = {
    "student_grade": N_("Student seats are for students in grades 7 to 12."),
    "student_board": N_(
        "Student seats are for students at a school of the Calgary Board of Education, the "
        "Calgary Catholic School District, Palliser School District or FrancoSud."
    ),
    "parent_child": N_(
        "Parent and guardian seats are for parents or guardians of a child now in school "
        "(kindergarten to grade 12)."
    ),
    "staff_school": N_("School staff seats are for people who work at a school."),
}


def _student(application: Application) -> str | None:
    if application.student_grade not in STUDENT_GRADES:
        return REASONS["student_grade"]
    if application.school_board not in LISTED_BOARDS:
        return REASONS["student_board"]
    return None


def _parent(application: Application) -> str | None:
    return None if application.child_grade_band else REASONS["parent_child"]


def _staff(application: Application) -> str | None:
    at_school = application.staff_role in SCHOOL_BASED_ROLES and (application.school or "").strip()
    return None if at_school else REASONS["staff_school"]


RULES: dict[Category, Callable[[Application], str | None]] = {
    Category.STUDENT: _student,
    Category.PARENT: _parent,
    Category.STAFF: _staff,
}


def ineligibility_reason(application: Application) -> str | None:
    """Why the application does not meet its category's rules, or None when it does."""
    return RULES[application.category](application)


def staff_role_label(value: str | None) -> str:
    """The words for a stored staff role (unknown values shown as they are)."""
    return str(STAFF_ROLES.get(value or "", value or "—"))
