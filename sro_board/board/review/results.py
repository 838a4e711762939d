"""The reviews as the admin and chair read them: each reviewer's scores and weighted means."""

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

import sqlalchemy as sa

from ...auth.models import User
from ...core.extensions import db
from ..models import Application
from ..review_models import ConflictDeclaration, RubricCriterion, Score


def reviewer_means(
    intake_id: int, application_ids: Collection[int] | None = None
) -> dict[int, list[float]]:
    """Each reviewer's weighted mean score per application of the intake (one query).

    Given application_ids (a page of them), only those applications' scores are read.
    """
    query = (
        sa.select(
            Score.application_id,
            sa.func.sum(Score.score * RubricCriterion.weight),
            sa.func.sum(RubricCriterion.weight),
        )
        .join(RubricCriterion, RubricCriterion.id == Score.criterion_id)
        .where(RubricCriterion.intake_id == intake_id)
        .group_by(Score.application_id, Score.reviewer_id)
    )
    if application_ids is not None:
        query = query.where(Score.application_id.in_(list(application_ids)))
    rows = db.session.execute(query).all()
    means: dict[int, list[float]] = defaultdict(list)
    for application_id, weighted, weights in rows:
        means[application_id].append(float(weighted) / float(weights))
    return dict(means)


@dataclass
class ReviewerReview:
    """One reviewer's assessment of an application, for the admin and chair."""

    reviewer: User
    scores: list[Score]
    weighted_mean: float | None


def reviews_of(
    application: Application,
) -> tuple[list[ReviewerReview], list[tuple[User, ConflictDeclaration]]]:
    """Every reviewer's scores of an application, and who declared what about conflicts."""
    scores = db.session.scalars(
        sa.select(Score)
        .join(RubricCriterion, RubricCriterion.id == Score.criterion_id)
        .where(Score.application_id == application.id)
        .order_by(Score.reviewer_id, RubricCriterion.position)
    ).all()
    declarations = db.session.scalars(
        sa.select(ConflictDeclaration)
        .where(ConflictDeclaration.application_id == application.id)
        .order_by(ConflictDeclaration.declared_at)
    ).all()
    criteria = {c.id: c for c in application.intake.criteria}
    by_reviewer: dict[int, list[Score]] = defaultdict(list)
    for score in scores:
        by_reviewer[score.reviewer_id].append(score)
    users = _users(set(by_reviewer) | {d.reviewer_id for d in declarations})
    reviews = []
    for reviewer_id, items in by_reviewer.items():
        weights = sum(criteria[s.criterion_id].weight for s in items)
        total = sum(s.score * criteria[s.criterion_id].weight for s in items)
        reviews.append(ReviewerReview(users[reviewer_id], items, total / weights))
    return reviews, [(users[d.reviewer_id], d) for d in declarations]


def _users(ids: set[int]) -> dict[int, User]:
    if not ids:
        return {}
    return {u.id: u for u in db.session.scalars(sa.select(User).where(User.id.in_(ids)))}
