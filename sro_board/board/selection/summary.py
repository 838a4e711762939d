"""The selection view of an intake: seats, ranked candidates, aggregate self-identification.

Self-identification is shown only in aggregate. Any count under SUPPRESS_BELOW (zero
included) is shown as "fewer than 5"; when exactly one count of a question is hidden, the
next smallest is hidden too, so it cannot be worked out from the group's total.
"""

import statistics
from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa

from ...core.extensions import db
from ..enums import SELF_ID_QUESTIONS, Category, SelfIdAnswer
from ..labels import SELF_ID_WORDING
from ..models import Application, Intake, SelfIdentification, StageEvent
from ..review.results import reviewer_means
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
    """One application in the ranking, with its reviewers' weighted means."""

    application_id: int
    reference: str
    name: str | None
    stage: Stage
    means: list[float]

    @property
    def reviews(self) -> int:
        """How many reviewers scored it."""
        return len(self.means)

    @property
    def mean(self) -> float | None:
        """Mean of the reviewers' weighted means."""
        return statistics.fmean(self.means) if self.means else None

    @property
    def spread(self) -> float | None:
        """Standard deviation across reviewers (None with fewer than two)."""
        return statistics.pstdev(self.means) if len(self.means) > 1 else None

    @property
    def low(self) -> float | None:
        """Lowest reviewer mean."""
        return min(self.means) if self.means else None

    @property
    def high(self) -> float | None:
        """Highest reviewer mean."""
        return max(self.means) if self.means else None


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
    ranked: dict[Category, list[Candidate]]
    stage_counts: dict[Category, Counter]
    groups: list[GroupTable]
    purged: int


def build_selection(intake: Intake) -> Selection:
    """Gather the selection view of an intake in a fixed number of queries."""
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
    return Selection(
        intake, seats, _ranked(intake), stage_counts, _self_id_groups(intake), purged or 0
    )


def _ranked(intake: Intake) -> dict[Category, list[Candidate]]:
    means = reviewer_means(intake.id)
    rows = db.session.execute(
        sa.select(
            Application.id,
            Application.reference,
            Application.name,
            Application.stage,
            Application.category,
        ).where(Application.intake_id == intake.id, Application.stage.in_(CANDIDATE_STAGES))
    ).all()
    ranked: dict[Category, list[Candidate]] = {c: [] for c in Category}
    for app_id, reference, name, stage, category in rows:
        ranked[category].append(Candidate(app_id, reference, name, stage, means.get(app_id, [])))
    for candidates in ranked.values():
        candidates.sort(key=lambda c: (c.mean is None, -(c.mean or 0), -c.reviews, c.reference))
    return ranked


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
