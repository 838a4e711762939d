"""Eligibility rules per category: who may hold a seat, and the reason given when not."""

import pytest

from sro_board.board.eligibility import (
    REASONS,
    SCHOOL_BASED_ROLES,
    STAFF_ROLES,
    ineligibility_reason,
    staff_role_label,
)
from sro_board.board.enums import AgeRange, Category, GradeBand, SchoolBoard
from sro_board.board.models import Application
from sro_board.board.stages import Stage
from tests.board.applying import applications, open_intake, submit


def student(grade: int | None = 9, board: SchoolBoard = SchoolBoard.CBE) -> Application:
    """A student's application, not stored."""
    return Application(
        category=Category.STUDENT, student_grade=grade, school_board=board, school="A school"
    )


@pytest.mark.parametrize("grade", range(7, 13))
@pytest.mark.parametrize("board", sorted(set(SchoolBoard) - {SchoolBoard.OTHER}))
def test_students_in_grades_7_to_12_at_a_listed_board_are_eligible(grade, board):
    assert ineligibility_reason(student(grade, board)) is None


@pytest.mark.parametrize("grade", [None, 1, 4, 5, 6, 13])
def test_students_outside_grades_7_to_12_are_not(grade):
    assert ineligibility_reason(student(grade)) == REASONS["student_grade"]


def test_students_at_another_board_are_not():
    assert ineligibility_reason(student(board=SchoolBoard.OTHER)) == REASONS["student_board"]


@pytest.mark.parametrize("band", list(GradeBand))
def test_parents_of_a_current_student_are_eligible(band):
    parent = Application(category=Category.PARENT, child_grade_band=band, school="A school")
    assert ineligibility_reason(parent) is None


def test_parents_without_a_child_in_school_are_not():
    parent = Application(category=Category.PARENT, child_grade_band=None)
    assert ineligibility_reason(parent) == REASONS["parent_child"]


@pytest.mark.parametrize("role", sorted(SCHOOL_BASED_ROLES))
def test_staff_working_at_a_school_are_eligible(role):
    staff = Application(category=Category.STAFF, staff_role=role, school="Coaldale Central")
    assert ineligibility_reason(staff) is None


@pytest.mark.parametrize(
    ("role", "school"),
    [("not_at_school", "Head office"), ("teacher", "  "), (None, "A school"), ("chef", "X")],
    ids=["central-office", "no-school", "no-role", "unknown-role"],
)
def test_staff_not_working_at_a_school_are_not(role, school):
    staff = Application(category=Category.STAFF, staff_role=role, school=school)
    assert ineligibility_reason(staff) == REASONS["staff_school"]


def test_every_category_has_a_rule():
    for category in Category:
        assert ineligibility_reason(Application(category=category)) is not None


def test_staff_role_labels():
    assert staff_role_label("teacher") == "Teacher"
    assert staff_role_label("something-else") == "something-else"
    assert staff_role_label(None) == "—"
    assert set(STAFF_ROLES) - SCHOOL_BASED_ROLES == {"not_at_school"}


def test_the_rules_decide_the_first_stage(app):
    intake = open_intake()
    submit(intake, Category.STUDENT, student_grade=6, age_range=AgeRange.AGE_18_PLUS)
    submit(intake, Category.PARENT)
    young, parent = applications()
    assert young.stage is Stage.INELIGIBLE
    assert young.eligibility_reason == REASONS["student_grade"]
    assert parent.stage is Stage.ELIGIBLE
    assert parent.eligibility_reason == ""
