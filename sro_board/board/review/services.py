"""Blind review: what a reviewer sees, their queue, conflict declarations, rubric scores.

Which applications a reviewer may review is access.reviewable_by's to say.

Reviewers read applications through BlindApplication only: its query selects the columns a
reviewer may see and nothing else, so a name, email, phone, school, guardian, accommodation
or self-identification answer cannot reach a reviewer's page by mistake. Accommodations are
hidden because they can reveal a disability (and are irrelevant to merit).
"""

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from ...audit.services import record
from ...auth.models import User
from ...core.clock import now_utc
from ...core.extensions import db
from ..enums import AgeRange, Category, GradeBand, SchoolBoard
from ..errors import BoardError
from ..models import Application, Intake
from ..review_models import ConflictDeclaration, RubricCriterion, Score
from .access import reviewable_by
from .aggregates import refresh_application
from .completion import refresh_application_completion, scored_count

COMMENT_MAX = 2000


@dataclass(frozen=True)
class BlindApplication:
    """The part of an application a reviewer may see."""

    id: int
    intake_id: int
    category: Category
    student_grade: int | None
    age_range: AgeRange | None
    child_grade_band: GradeBand | None
    staff_role: str | None
    school_board: SchoolBoard | None
    motivation: str | None
    perspectives: str | None
    availability: str | None


BLIND_COLUMNS = tuple(getattr(Application, name) for name in BlindApplication.__annotations__)


def blind_application(reviewer: User, application_id: int) -> BlindApplication | None:
    """The blind view of an application the reviewer may review, else None (a 404)."""
    row = db.session.execute(
        sa.select(*BLIND_COLUMNS).where(Application.id == application_id, reviewable_by(reviewer))
    ).first()
    return BlindApplication(*row) if row else None


def declaration_of(reviewer: User, application_id: int) -> ConflictDeclaration | None:
    """The reviewer's conflict declaration on the application, if made."""
    return db.session.get(ConflictDeclaration, (application_id, reviewer.id))


@dataclass(frozen=True)
class QueueRow:
    """One line of a reviewer's queue."""

    application_id: int
    intake_title: str
    category: Category
    declared: bool
    scored: int
    criteria: int

    @property
    def complete(self) -> bool:
        """True when every criterion has the reviewer's score."""
        return self.declared and self.criteria > 0 and self.scored >= self.criteria


def reviewer_queue(reviewer: User) -> list[QueueRow]:
    """Applications in review the reviewer may see, with their progress (one query)."""
    return [QueueRow(*row[:6]) for row in db.session.execute(queue_query(reviewer))]


def stored_complete() -> sa.ColumnElement[bool]:
    """QueueRow.complete as stored on the declaration (false without one)."""
    return ConflictDeclaration.scores_complete.is_(True)


def queue_query(reviewer: User, complete: bool | None = None) -> sa.Select:
    """The reviewer's queue as a select of QueueRow values; optionally only (in)complete ones."""
    query = queue_columns(reviewer).where(reviewable_by(reviewer))
    is_complete = stored_complete()
    if complete is True:
        query = query.where(is_complete)
    elif complete is False:
        query = query.where(sa.not_(is_complete))
    return query.order_by(Intake.opens_at.desc(), Application.id)


def queue_columns(reviewer: User) -> sa.Select:
    """QueueRow's values for applications (and the stored flag), unfiltered: callers choose."""
    declared = ConflictDeclaration.reviewer_id.is_not(None)
    # Scores need a declaration first (save_scores): only declared rows count theirs.
    scored = sa.case((declared, scored_count(Application.id, reviewer.id)), else_=0)
    # Criteria per intake: a few rows, counted once per query (joined), not once per row.
    rubric = (
        sa.select(RubricCriterion.intake_id, sa.func.count().label("size"))
        .group_by(RubricCriterion.intake_id)
        .subquery()
    )
    criteria = sa.func.coalesce(rubric.c.size, 0)
    is_complete = stored_complete()
    return (
        sa.select(
            Application.id,
            Intake.title,
            Application.category,
            declared,
            scored,
            criteria,
            is_complete.label("complete"),
        )
        .join(Intake, Intake.id == Application.intake_id)
        .outerjoin(rubric, rubric.c.intake_id == Application.intake_id)
        .outerjoin(ConflictDeclaration, own_declaration(reviewer))
    )


def own_declaration(reviewer: User) -> sa.ColumnElement[bool]:
    """Joins an application to the reviewer's own declaration on it."""
    return sa.and_(
        ConflictDeclaration.application_id == Application.id,
        ConflictDeclaration.reviewer_id == reviewer.id,
    )


def declare_conflict(
    reviewer: User, blind: BlindApplication, has_conflict: bool
) -> ConflictDeclaration:
    """Record the reviewer's declaration; a conflict excludes them and drops their scores."""
    declaration = declaration_of(reviewer, blind.id)
    if declaration is not None and declaration.has_conflict:
        raise BoardError(_("You have declared a conflict on this application."))
    if declaration is not None and not has_conflict:
        raise BoardError(_("You have already declared no conflict on this application."))
    if declaration is None:
        declaration = ConflictDeclaration(
            application_id=blind.id, reviewer_id=reviewer.id, has_conflict=has_conflict
        )
        db.session.add(declaration)
    else:
        declaration.has_conflict = True
        declaration.declared_at = now_utc()
    dropped = 0
    if has_conflict:
        dropped = db.session.execute(
            sa.delete(Score).where(
                Score.application_id == blind.id, Score.reviewer_id == reviewer.id
            )
        ).rowcount
        refresh_application(blind.id)
    refresh_application_completion(blind.id, reviewer.id)
    record(
        reviewer,
        "review.conflict",
        "application",
        blind.id,
        f"Application {blind.id}: reviewer declared "
        + ("a conflict of interest" if has_conflict else "no conflict of interest"),
        after={"has_conflict": has_conflict, "scores_removed": dropped},
    )
    db.session.flush()
    return declaration


def my_scores(reviewer: User, application_id: int) -> dict[int, Score]:
    """The reviewer's scores of one application, by criterion id."""
    scores = db.session.scalars(
        sa.select(Score).where(
            Score.application_id == application_id, Score.reviewer_id == reviewer.id
        )
    )
    return {score.criterion_id: score for score in scores}


def save_scores(
    reviewer: User, blind: BlindApplication, entries: dict[int, tuple[int, str]]
) -> list[Score]:
    """Save the reviewer's score (1 to 5) and comment on every criterion of the rubric."""
    declaration = declaration_of(reviewer, blind.id)
    if declaration is None or declaration.has_conflict:
        raise BoardError(_("Declare whether you have a conflict of interest before scoring."))
    criteria = db.session.scalars(
        sa.select(RubricCriterion).where(RubricCriterion.intake_id == blind.intake_id)
    ).all()
    if not criteria:
        raise BoardError(_("This intake has no rubric yet; an administrator must add criteria."))
    wanted = {c.id for c in criteria}
    if set(entries) != wanted:
        raise BoardError(_("Score every criterion of the rubric."))
    existing = my_scores(reviewer, blind.id)
    saved = []
    for criterion_id, (value, comment) in entries.items():
        if not 1 <= int(value) <= 5:
            raise BoardError(_("Scores are whole numbers from 1 to 5."))
        comment = (comment or "").strip()[:COMMENT_MAX]
        score = existing.get(criterion_id)
        if score is None:
            score = Score(
                application_id=blind.id, reviewer_id=reviewer.id, criterion_id=criterion_id
            )
            db.session.add(score)
        score.score, score.comment, score.scored_at = int(value), comment, now_utc()
        saved.append(score)
    db.session.flush()
    refresh_application(blind.id)
    refresh_application_completion(blind.id, reviewer.id)
    record(
        reviewer,
        "review.score",
        "application",
        blind.id,
        f"Application {blind.id}: reviewer scored {len(saved)} criteria",
        before={str(k): s.score for k, s in existing.items()} or None,
        after={str(k): int(v) for k, (v, _c) in entries.items()},
    )
    db.session.flush()
    return saved
