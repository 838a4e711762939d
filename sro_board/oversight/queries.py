"""What the pages read: the current assessment of each recommendation, its history, the totals."""

from dataclasses import dataclass

import sqlalchemy as sa

from ..auth.models import User
from ..core.extensions import db
from ..core.pagination import Page, paginate
from ..meetings.models import Decision
from ..recommendations.enums import ImplementationStatus
from ..recommendations.models import Recommendation
from .enums import DOUBTING_RATINGS, OPEN_STATES, AssessmentState, Rating
from .models import Assessment

HISTORY_LIMIT = 10
# At most one open assessment per recommendation, so these lists stay short; bounded anyway.
OPEN_LIMIT = 100
DONE = (ImplementationStatus.IMPLEMENTED, ImplementationStatus.ONGOING)


def current_ids() -> sa.Select:
    """The id of each recommendation's current assessment: its latest approved one."""
    ranked = (
        sa.select(
            Assessment.id,
            sa.func.row_number()
            .over(
                partition_by=Assessment.recommendation_id,
                order_by=(Assessment.approved_at.desc(), Assessment.id.desc()),
            )
            .label("rank"),
        )
        .where(Assessment.state == AssessmentState.APPROVED)
        .subquery()
    )
    return sa.select(ranked.c.id).where(ranked.c.rank == 1)


def approved_of(recommendation_id: int) -> list[Assessment]:
    """A recommendation's approved assessments, newest first (the first is the current one)."""
    return list(
        db.session.scalars(
            sa.select(Assessment)
            .options(sa.orm.joinedload(Assessment.decision).joinedload(Decision.meeting))
            .where(
                Assessment.recommendation_id == recommendation_id,
                Assessment.state == AssessmentState.APPROVED,
            )
            .order_by(Assessment.approved_at.desc(), Assessment.id.desc())
            .limit(HISTORY_LIMIT)
        )
    )


@dataclass(frozen=True)
class RatingSummary:
    """The board's ratings at a glance: how many of each, how many assessed, disagreements."""

    by_rating: list[tuple[str, int]]
    assessed: int
    total: int
    disagreements: int


def rating_summary() -> RatingSummary:
    """Counts per rating of the current assessments, and where the board and service disagree."""
    current = Assessment.id.in_(current_ids())
    counts = dict(
        db.session.execute(
            sa.select(Assessment.rating, sa.func.count()).where(current).group_by(Assessment.rating)
        ).all()
    )
    disagreements = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Assessment)
        .join(Recommendation, Recommendation.id == Assessment.recommendation_id)
        .where(current, Assessment.rating.in_(DOUBTING_RATINGS), Recommendation.status.in_(DONE))
    )
    total = db.session.scalar(sa.select(sa.func.count()).select_from(Recommendation))
    by_rating = [(rating.value, counts.get(rating, 0)) for rating in Rating]
    return RatingSummary(by_rating, sum(counts.values()), total or 0, disagreements or 0)


def disagreeing(limit: int = 10) -> list[Assessment]:
    """Current assessments that disagree with a service that says the work is done."""
    return list(
        db.session.scalars(
            sa.select(Assessment)
            .join(Recommendation, Recommendation.id == Assessment.recommendation_id)
            .where(
                Assessment.id.in_(current_ids()),
                Assessment.rating.in_(DOUBTING_RATINGS),
                Recommendation.status.in_(DONE),
            )
            .order_by(Recommendation.code)
            .limit(limit)
        )
    )


@dataclass(frozen=True)
class HomeLists:
    """A board member's work: their own drafts, those awaiting the chair, every recommendation."""

    mine: list[Assessment]
    awaiting: list[Assessment]
    recommendations: Page
    current: dict[int, Assessment]
    open: dict[int, Assessment]


def home_lists(user: User) -> HomeLists:
    """The board home's lists (bounded: the recommendations come a page at a time)."""
    mine = db.session.scalars(
        sa.select(Assessment)
        .where(
            Assessment.drafted_by_id == user.id,
            Assessment.state.in_((AssessmentState.DRAFT, AssessmentState.RETURNED)),
        )
        .order_by(Assessment.id)
        .limit(OPEN_LIMIT)
    )
    awaiting = db.session.scalars(
        sa.select(Assessment)
        .where(Assessment.state == AssessmentState.SUBMITTED)
        .order_by(Assessment.submitted_at, Assessment.id)
        .limit(OPEN_LIMIT)
    )
    page = paginate(sa.select(Recommendation).order_by(Recommendation.code))
    ids = [rec.id for rec in page.items]
    current = db.session.scalars(
        sa.select(Assessment).where(
            Assessment.id.in_(current_ids()), Assessment.recommendation_id.in_(ids)
        )
    )
    open_ = db.session.scalars(
        sa.select(Assessment).where(
            Assessment.state.in_(OPEN_STATES), Assessment.recommendation_id.in_(ids)
        )
    )
    return HomeLists(
        list(mine),
        list(awaiting),
        page,
        {a.recommendation_id: a for a in current},
        {a.recommendation_id: a for a in open_},
    )
