"""Board data for the staff-side tests, made directly with the models."""

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import g

from sro_board.board.enums import AgeRange, Category, GradeBand, SchoolBoard, SelfIdAnswer
from sro_board.board.models import (
    Application,
    GuardianConsent,
    Intake,
    IntakeSeat,
    SelfIdentification,
)
from sro_board.board.review.aggregates import refresh_application
from sro_board.board.review.completion import completion_rule, refresh_application_completion
from sro_board.board.review_models import (
    ConflictDeclaration,
    ReviewerAssignment,
    RubricCriterion,
    Score,
)
from sro_board.board.stages import Stage
from sro_board.core.clock import now_utc
from sro_board.core.extensions import db
from tests.database import is_savepoint

_numbers = itertools.count(1)

# Personal details every test applicant gets; blind pages must never show any of them.
PERSONAL = {
    "name": "Zelda Quartermain",
    "phone": "403-555-0199",
    "school": "Juniper Heights School",
    "accommodations": "Wheelchair access and ASL interpretation",
    "heard_about": "A poster at the library",
}
GUARDIAN_NAME = "Ophelia Quartermain"


def now() -> datetime:
    """The current time in UTC."""
    return now_utc()


def make_intake(title: str = "2027 intake", seats: int = 4, **values) -> Intake:
    """An intake open now, with the same number of seats in each category."""
    intake = Intake(
        title=title,
        opens_at=values.pop("opens_at", now() - timedelta(days=10)),
        closes_at=values.pop("closes_at", now() + timedelta(days=10)),
        term_months=values.pop("term_months", 24),
        notice_purpose="To choose the advisory board's members.",
        notice_authority="Protection of Privacy Act, section 4(c).",
        notice_contact_title="Advisory board coordinator",
        notice_contact_email="board@example.org",
        notice_contact_phone="403-555-0100",
        **values,
    )
    intake.seats = [IntakeSeat(category=c, seats=seats) for c in Category]
    db.session.add(intake)
    db.session.commit()
    return intake


def make_application(
    intake: Intake,
    category: Category = Category.PARENT,
    stage: Stage = Stage.IN_REVIEW,
    **values,
) -> Application:
    """An application with every personal field filled in (stage set directly)."""
    n = next(_numbers)
    fields = {
        "name": f"{PERSONAL['name']} {n}",
        "email": f"applicant{n}@example.net",
        "phone": PERSONAL["phone"],
        "school_board": SchoolBoard.CBE,
        "school": PERSONAL["school"],
        "motivation": f"I want to help schools feel safe for every student ({n}).",
        "perspectives": "Parent of two children in junior high.",
        "availability": "Weekday evenings.",
        "accommodations": PERSONAL["accommodations"],
        "heard_about": PERSONAL["heard_about"],
        "consent_notice": True,
    }
    if category is Category.STUDENT:
        fields |= {"student_grade": 10, "age_range": AgeRange.AGE_16_17}
    elif category is Category.PARENT:
        fields |= {"child_grade_band": GradeBand.JUNIOR_HIGH}
    else:
        fields |= {"staff_role": "teacher"}
    application = Application(
        intake_id=intake.id,
        reference=f"T{n:07d}",
        category=category,
        stage=stage,
        **(fields | values),
    )
    db.session.add(application)
    db.session.commit()
    return application


def make_guardian(application: Application, confirmed: bool = True, full_name: bool = False):
    """A guardian's consent record for a student's application."""
    consent = GuardianConsent(
        application_id=application.id,
        guardian_name=GUARDIAN_NAME,
        guardian_email=f"guardian-of-{application.reference.lower()}@example.net",
        expires_at=now() + timedelta(days=14),
        confirmed_at=now() if confirmed else None,
        consent_full_name=full_name,
    )
    db.session.add(consent)
    db.session.commit()
    return consent


def make_self_id(application: Application, **answers) -> SelfIdentification:
    """Self-identification answers (yes to being racialized unless told otherwise)."""
    values = {"racialized": SelfIdAnswer.YES} | answers
    row = SelfIdentification(application_id=application.id, **values)
    db.session.add(row)
    db.session.commit()
    return row


def add_criteria(intake: Intake, *weights: int) -> list[RubricCriterion]:
    """Rubric criteria with the given weights."""
    criteria = [
        RubricCriterion(intake_id=intake.id, position=i, name=f"Criterion {i}", weight=w)
        for i, w in enumerate(weights, start=1)
    ]
    db.session.add_all(criteria)
    db.session.commit()
    return criteria


def assign(intake: Intake, user) -> None:
    """Assign a reviewer to an intake."""
    db.session.add(ReviewerAssignment(intake_id=intake.id, user_id=user.id))
    db.session.commit()


def score(application: Application, reviewer, criteria, values, comment: str = "") -> None:
    """Record a reviewer's no-conflict declaration and scores (and the stored results and
    completion, as save_scores does)."""
    db.session.add(
        ConflictDeclaration(
            application_id=application.id, reviewer_id=reviewer.id, has_conflict=False
        )
    )
    for criterion, value in zip(criteria, values, strict=True):
        db.session.add(
            Score(
                application_id=application.id,
                reviewer_id=reviewer.id,
                criterion_id=criterion.id,
                score=value,
                comment=comment,
            )
        )
    refresh_application(application.id)
    refresh_application_completion(application.id, reviewer.id)
    db.session.commit()


@contextmanager
def count_queries() -> Iterator[list[str]]:
    """Collect the SQL statements run inside the block (starting from an expired session).

    Tests share the request's session and `g` (one app context), so what earlier requests
    loaded or cached is dropped first: each measured request then loads what it needs.
    """
    db.session.expire_all()
    g.pop("sample_flag", None)
    statements: list[str] = []

    def listener(conn, cursor, statement, parameters, context, executemany):
        if not is_savepoint(statement):
            statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield statements
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", listener)


def completion_disagreements() -> int:
    """Declarations whose stored completion differs from the rule worked out from the scores."""
    rule = sa.case((completion_rule(), True), else_=False)
    query = sa.select(sa.func.count()).where(ConflictDeclaration.scores_complete != rule)
    return db.session.scalar(query)
