"""Whether a reviewer has scored every criterion of an application, kept on their declaration.

A reviewer's queue lists and counts their applications by this flag (to review, scored), so it
need not count scores row by row for thousands of applications. The services that change
scores, declarations or an intake's rubric call refresh_completion in the same transaction.
"""

import sqlalchemy as sa

from ...core.extensions import db
from ..models import Application
from ..review_models import ConflictDeclaration, RubricCriterion, Score

# Each count correlates with the enclosing statement explicitly: inside an UPDATE of
# conflict_declaration it would otherwise add that table to its own FROM and count every row.


def scored_count(application_id, reviewer_id) -> sa.ScalarSelect:
    """How many criteria of the application this reviewer has scored (a correlated count)."""
    return (
        sa.select(sa.func.count())
        .select_from(Score)
        .where(Score.application_id == application_id, Score.reviewer_id == reviewer_id)
        .correlate_except(Score)
        .scalar_subquery()
    )


def criteria_count(intake_id) -> sa.ScalarSelect:
    """How many criteria the intake's rubric has (a correlated count)."""
    return (
        sa.select(sa.func.count())
        .select_from(RubricCriterion)
        .where(RubricCriterion.intake_id == intake_id)
        .correlate_except(RubricCriterion)
        .scalar_subquery()
    )


def completion_rule() -> sa.ColumnElement[bool]:
    """For a declaration row: no conflict, a rubric, and a score on every criterion."""
    intake_id = (
        sa.select(Application.intake_id)
        .where(Application.id == ConflictDeclaration.application_id)
        .correlate_except(Application)
        .scalar_subquery()
    )
    criteria = criteria_count(intake_id)
    scored = scored_count(ConflictDeclaration.application_id, ConflictDeclaration.reviewer_id)
    return sa.and_(sa.not_(ConflictDeclaration.has_conflict), criteria > 0, scored >= criteria)


def refresh_completion(condition: sa.ColumnElement[bool]) -> None:
    """Work out the flag again for the declarations matching condition (flush only)."""
    db.session.flush()
    db.session.execute(
        sa.update(ConflictDeclaration)
        .where(condition)
        .values(scores_complete=sa.case((completion_rule(), True), else_=False))
        .execution_options(synchronize_session="fetch")
    )


def refresh_application_completion(application_id: int, reviewer_id: int) -> None:
    """After one reviewer's scores or declaration on one application changed."""
    refresh_completion(
        sa.and_(
            ConflictDeclaration.application_id == application_id,
            ConflictDeclaration.reviewer_id == reviewer_id,
        )
    )


def refresh_intake_completion(intake_id: int) -> None:
    """After the intake's rubric gained or lost a criterion."""
    in_intake = sa.select(Application.id).where(Application.intake_id == intake_id)
    refresh_completion(ConflictDeclaration.application_id.in_(in_intake))
