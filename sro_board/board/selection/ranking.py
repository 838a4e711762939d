"""The ranking of an intake's candidates per category, worked out in SQL and read a page at a time.

Each reviewer's scores make a weighted mean (the rubric's weights); a candidate's mean, lowest
and highest are taken over those reviewer means. One query ranks every category (a window
function) and returns only the rows of each category's current page.
"""

import math
from dataclasses import dataclass

import sqlalchemy as sa

from ...core.extensions import db
from ...core.pagination import Page, resolve_page
from ..enums import Category
from ..models import Application, Intake, RubricCriterion, Score
from ..stages import Stage

# Applications the admin chooses from (in review) or has chosen (shortlisted and beyond).
CANDIDATE_STAGES = (
    Stage.IN_REVIEW,
    Stage.SHORTLISTED,
    Stage.INTERVIEW,
    Stage.WAITLISTED,
    Stage.OFFERED,
    Stage.ACCEPTED,
)


@dataclass
class Candidate:
    """One application in the ranking, with its reviewers' weighted means summed up in SQL."""

    application_id: int
    reference: str
    name: str | None
    stage: Stage
    mean: float | None  # mean of the reviewers' weighted means
    reviews: int  # how many reviewers scored it
    low: float | None  # lowest reviewer mean
    high: float | None  # highest reviewer mean
    mean_of_squares: float | None = None

    @property
    def spread(self) -> float | None:
        """Standard deviation across reviewers (None with fewer than two)."""
        if self.reviews < 2 or self.mean is None or self.mean_of_squares is None:
            return None
        return math.sqrt(max(self.mean_of_squares - self.mean**2, 0.0))


def ranked_pages(
    intake: Intake, totals: dict[Category, int], from_request: bool = False
) -> dict[Category, Page]:
    """Each category's page of the ranking; totals: its candidates (counted by the caller).

    from_request reads each page number from the query string (`<category>_page`);
    otherwise every category is at its first page.
    """
    pages = {
        c: resolve_page(totals.get(c, 0), f"{c.value}_page", number=None if from_request else 1)
        for c in Category
    }
    for row in db.session.execute(ranking_query(intake, pages)):
        pages[row.category].items.append(Candidate(*row[:9]))
    return pages


def _reviewer_stats(intake: Intake) -> sa.Subquery:
    """Per application: mean, count, lowest, highest and mean square of reviewer means."""
    weighted = sa.cast(sa.func.sum(Score.score * RubricCriterion.weight), sa.Float)
    per_reviewer = (
        sa.select(
            Score.application_id.label("application_id"),
            (weighted / sa.func.sum(RubricCriterion.weight)).label("m"),
        )
        .join(RubricCriterion, RubricCriterion.id == Score.criterion_id)
        .where(RubricCriterion.intake_id == intake.id)
        .group_by(Score.application_id, Score.reviewer_id)
        .subquery()
    )
    m = per_reviewer.c.m
    return (
        sa.select(
            per_reviewer.c.application_id,
            sa.func.avg(m).label("mean"),
            sa.func.count().label("reviews"),
            sa.func.min(m).label("low"),
            sa.func.max(m).label("high"),
            sa.func.avg(m * m).label("squares"),
        )
        .group_by(per_reviewer.c.application_id)
        .subquery()
    )


def ranking_query(intake: Intake, pages: dict[Category, Page]) -> sa.Select:
    """The candidates on each category's page, best mean first (unscored last)."""
    stats = _reviewer_stats(intake)
    reviews = sa.func.coalesce(stats.c.reviews, 0)
    rank = sa.func.row_number().over(
        partition_by=Application.category,
        order_by=(
            stats.c.mean.is_(None),
            stats.c.mean.desc(),
            reviews.desc(),
            Application.reference,
        ),
    )
    # Only the sort keys go through the ranking's sort; the page's rows get the rest after.
    ranked = (
        sa.select(
            Application.id,
            Application.category,
            stats.c.mean,
            reviews.label("reviews"),
            stats.c.low,
            stats.c.high,
            stats.c.squares,
            rank.label("rank"),
        )
        .outerjoin(stats, stats.c.application_id == Application.id)
        .where(Application.intake_id == intake.id, Application.stage.in_(CANDIDATE_STAGES))
        .subquery()
    )
    on_page = [
        sa.and_(
            ranked.c.category == category,
            ranked.c.rank >= page.first_number,
            ranked.c.rank < page.first_number + page.per_page,
        )
        for category, page in pages.items()
    ]
    return (
        sa.select(
            ranked.c.id,
            Application.reference,
            Application.name,
            Application.stage,
            ranked.c.mean,
            ranked.c.reviews,
            ranked.c.low,
            ranked.c.high,
            ranked.c.squares,
            ranked.c.category,
        )
        .join(Application, Application.id == ranked.c.id)
        .where(sa.or_(*on_page))
        .order_by(ranked.c.category, ranked.c.rank)
    )
