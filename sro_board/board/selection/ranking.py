"""The ranking of an intake's candidates per category, worked out in SQL and read a page at a time.

Each reviewer's scores make a weighted mean (the rubric's weights); a candidate's mean, lowest
and highest are taken over those reviewer means, kept on the application by the review services
(review/aggregates.py). One query returns only the rows of each category's current page.
"""

import math
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app

from ...core.extensions import db
from ...core.pagination import Page, page_size, resolve_page
from ..enums import Category
from ..models import Application, Intake
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
    # A shortlist a page at a time: a category has a few seats, and its page a row per candidate.
    per_page = min(page_size(), current_app.config["SHORTLIST_PAGE_SIZE"])
    pages = {
        c: resolve_page(
            totals.get(c, 0), f"{c.value}_page", per_page, number=None if from_request else 1
        )
        for c in Category
    }
    for row in db.session.execute(ranking_query(intake, pages)):
        pages[row.category].items.append(Candidate(*row[:9]))
    return pages


def ranking_query(intake: Intake, pages: dict[Category, Page]) -> sa.CompoundSelect:
    """The candidates on each category's page, best mean first (unscored last).

    Each category's page is read in the order of ix_application_ranking (mean, then reviews,
    backwards), so a page costs about its own rows, not the whole category.
    """
    mean = sa.case((Application.review_count > 0, Application.score_mean)).label("mean")
    order = (Application.score_mean.desc(), Application.review_count.desc(), Application.reference)
    parts = []
    for category, page in pages.items():
        on_page = (
            sa.select(
                Application.id,
                Application.reference,
                Application.name,
                Application.stage,
                mean,
                Application.review_count.label("reviews"),
                Application.score_low.label("low"),
                Application.score_high.label("high"),
                Application.score_squares.label("squares"),
                Application.category,
                Application.score_mean,
            )
            .where(
                Application.intake_id == intake.id,
                Application.category == category,
                Application.stage.in_(CANDIDATE_STAGES),
            )
            .order_by(*order)
            .limit(page.per_page)
            .offset(page.first_number - 1)
            .subquery()
        )
        rank = sa.func.row_number().over(
            order_by=(on_page.c.score_mean.desc(), on_page.c.reviews.desc(), on_page.c.reference)
        )
        parts.append(sa.select(*list(on_page.c)[:10], rank.label("rank")))
    ranked = sa.union_all(*parts).subquery()
    return sa.select(ranked).order_by(ranked.c.category, ranked.c.rank)
