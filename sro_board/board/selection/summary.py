"""The selection view of an intake: seats, ranked candidates, aggregate self-identification.

Self-identification is shown only in aggregate. Any count under SUPPRESS_BELOW (zero
included) is shown as "fewer than 5"; when exactly one count of a question is hidden, the
next smallest is hidden too, so it cannot be worked out from the group's total.
"""

import math
from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa

from ...core.extensions import db
from ...core.pagination import Page, paginate
from ..enums import SELF_ID_QUESTIONS, Category, SelfIdAnswer
from ..labels import SELF_ID_WORDING
from ..models import Application, Intake, RubricCriterion, Score, SelfIdentification, StageEvent
from ..stages import Stage

SUPPRESS_BELOW = 5
# Applications the admin chooses from (in review) or has chosen (shortlisted and beyond).
CANDIDATE_STAGES = (
    Stage.IN_REVIEW,
    Stage.SHORTLISTED,
    Stage.INTERVIEW,
    Stage.WAITLISTED,
    Stage.OFFERED,
    Stage.ACCEPTED,
)
SELECTED_STAGES = frozenset({Stage.OFFERED, Stage.ACCEPTED})
# Question -> its short label in the aggregate tables.
SELF_ID_LABELS = {question: SELF_ID_WORDING[question][0] for question in SELF_ID_QUESTIONS}
ANSWER_COLUMNS = ("Yes", "No", "Prefer not to say", "Not answered")
_ANSWER_INDEX = {SelfIdAnswer.YES: 0, SelfIdAnswer.NO: 1, SelfIdAnswer.PREFER_NOT: 2, None: 3}


@dataclass(frozen=True)
class Cell:
    """A count as published: the number, or "fewer than 5" when it is suppressed."""

    value: int
    hidden: bool

    def __str__(self) -> str:
        return f"fewer than {SUPPRESS_BELOW}" if self.hidden else str(self.value)


def suppress(counts: list[int], total: int) -> list[Cell]:
    """Hide counts under 5, and a second count when one hidden count could be worked out."""
    if total < SUPPRESS_BELOW:
        return [Cell(c, True) for c in counts]
    hidden = {i for i, c in enumerate(counts) if c < SUPPRESS_BELOW}
    if len(hidden) == 1:
        shown = sorted((c, i) for i, c in enumerate(counts) if i not in hidden)
        if shown:
            hidden.add(shown[0][1])
    return [Cell(c, i in hidden) for i, c in enumerate(counts)]


@dataclass
class SeatLine:
    """Seats of one category: available, accepted, offers still open."""

    category: Category
    seats: int
    accepted: int
    offered: int

    @property
    def to_fill(self) -> int:
        """Seats neither accepted nor on offer."""
        return max(self.seats - self.accepted - self.offered, 0)


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


@dataclass
class GroupTable:
    """Aggregate self-identification of one group (applicants, shortlist, selection)."""

    label: str
    total: Cell
    rows: dict[str, list[Cell]] = field(default_factory=dict)


@dataclass
class Selection:
    """Everything the selection page shows."""

    intake: Intake
    seats: list[SeatLine]
    ranked: dict[Category, list[Candidate]]  # one page of each category's ranking
    pages: dict[Category, Page]
    stage_counts: dict[Category, Counter]
    groups: list[GroupTable]
    purged: int


def build_selection(intake: Intake, from_request: bool = False) -> Selection:
    """Gather the selection view of an intake in a fixed number of queries.

    Each category's ranking is paged: from_request reads the page numbers from the query
    string (`<category>_page`); otherwise every ranking is at its first page.
    """
    stage_counts: dict[Category, Counter] = {c: Counter() for c in Category}
    for category, stage, count in db.session.execute(
        sa.select(Application.category, Application.stage, sa.func.count())
        .where(Application.intake_id == intake.id)
        .group_by(Application.category, Application.stage)
    ):
        stage_counts[category][stage] = count
    seats_by = {seat.category: seat.seats for seat in intake.seats}
    seats = [
        SeatLine(
            c,
            seats_by.get(c, 0),
            stage_counts[c][Stage.ACCEPTED],
            stage_counts[c][Stage.OFFERED],
        )
        for c in Category
    ]
    purged = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Application)
        .where(Application.intake_id == intake.id, Application.purged_at.is_not(None))
    )
    pages = {
        c: paginate(
            ranking_query(intake, c),
            f"{c.value}_page",
            scalars=False,
            number=None if from_request else 1,
        )
        for c in Category
    }
    ranked = {c: [Candidate(*row) for row in page.items] for c, page in pages.items()}
    return Selection(
        intake, seats, ranked, pages, stage_counts, _self_id_groups(intake), purged or 0
    )


def ranking_query(intake: Intake, category: Category) -> sa.Select:
    """Candidates of one category, best mean first (unscored last), as Candidate values.

    Each reviewer's scores make a weighted mean (the rubric's weights); a candidate's mean,
    lowest and highest are taken over those, all in SQL so that only one page is read.
    """
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
    stats = (
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
    reviews = sa.func.coalesce(stats.c.reviews, 0)
    return (
        sa.select(
            Application.id,
            Application.reference,
            Application.name,
            Application.stage,
            stats.c.mean,
            reviews,
            stats.c.low,
            stats.c.high,
            stats.c.squares,
        )
        .outerjoin(stats, stats.c.application_id == Application.id)
        .where(
            Application.intake_id == intake.id,
            Application.category == category,
            Application.stage.in_(CANDIDATE_STAGES),
        )
        .order_by(
            stats.c.mean.is_(None), stats.c.mean.desc(), reviews.desc(), Application.reference
        )
    )


def _self_id_groups(intake: Intake) -> list[GroupTable]:
    ever_shortlisted = (
        sa.exists()
        .where(StageEvent.application_id == Application.id)
        .where(StageEvent.to_stage == Stage.SHORTLISTED)
    )
    answers = [getattr(SelfIdentification, name) for name in SELF_ID_QUESTIONS]
    rows = db.session.execute(
        sa.select(Application.stage, ever_shortlisted, *answers)
        .outerjoin(SelfIdentification, SelfIdentification.application_id == Application.id)
        .where(Application.intake_id == intake.id, Application.purged_at.is_(None))
    ).all()
    groups = {
        "Applicants": rows,
        "Shortlist (ever shortlisted)": [r for r in rows if r[1]],
        "Selection (offered or accepted)": [r for r in rows if r[0] in SELECTED_STAGES],
    }
    return [_table(label, members) for label, members in groups.items()]


def _table(label: str, rows: list) -> GroupTable:
    total = len(rows)
    table = GroupTable(label, suppress([total], total)[0])
    for index, question in enumerate(SELF_ID_QUESTIONS):
        counts = [0] * len(ANSWER_COLUMNS)
        for row in rows:
            counts[_ANSWER_INDEX[row[2 + index]]] += 1
        table.rows[question] = suppress(counts, total)
    return table
