"""The selection view of an intake: seats, ranked candidates, aggregate self-identification.

Self-identification is shown only in aggregate. Any count under SUPPRESS_BELOW (zero
included) is shown as "fewer than 5"; when exactly one count of a question is hidden, the
next smallest is hidden too, so it cannot be worked out from the group's total.
"""

from collections import Counter, OrderedDict
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from ...core.extensions import db
from ...core.pagination import Page
from ..bilingual import N_
from ..enums import SELF_ID_QUESTIONS, Category, SelfIdAnswer
from ..labels import SELF_ID_WORDING
from ..models import Application, Intake, SelfIdentification, StageEvent
from ..stages import Stage
from .ranking import CANDIDATE_STAGES, Candidate, ranked_pages

SUPPRESS_BELOW = 5
SELF_ID_KEPT = "sro_board.selection_self_id"  # app.extensions key: intake id -> (stamp, tables)
KEPT_INTAKES = 16
SELECTED_STAGES = frozenset({Stage.OFFERED, Stage.ACCEPTED})
# Question -> its short label in the aggregate tables.
SELF_ID_LABELS = {question: SELF_ID_WORDING[question][0] for question in SELF_ID_QUESTIONS}
ANSWER_COLUMNS = (N_("Yes"), N_("No"), N_("Prefer not to say"), N_("Not answered"))
_ANSWER_INDEX = {SelfIdAnswer.YES: 0, SelfIdAnswer.NO: 1, SelfIdAnswer.PREFER_NOT: 2, None: 3}


@dataclass(frozen=True)
class Cell:
    """A count as published: the number, or "fewer than 5" when it is suppressed."""

    value: int
    hidden: bool

    def __str__(self) -> str:
        return _("fewer than %(num)d", num=SUPPRESS_BELOW) if self.hidden else str(self.value)


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
    stamp = changes_stamp(intake)
    purged = stamp[-1]
    totals = {c: sum(stage_counts[c][s] for s in CANDIDATE_STAGES) for c in Category}
    pages = ranked_pages(intake, totals, from_request)
    ranked = {c: page.items for c, page in pages.items()}
    groups = _kept_groups(intake, stamp)
    return Selection(intake, seats, ranked, pages, stage_counts, groups, purged)


def changes_stamp(intake: Intake) -> tuple:
    """What moves whenever the self-identification tables of an intake could change, and its
    purged applications last: the newest application, stage move and self-identification (every
    submission and stage change writes them; none is ever removed), each with values a rolled-back
    row reusing its id would not repeat (a random reference, the move's time, fresh ciphertext),
    and the intake's purged count. Each is one read at the end of an index."""

    def newest(*columns) -> list:
        table = columns[0].table
        return [
            sa.select(column).order_by(table.c.id.desc()).limit(1).scalar_subquery()
            for column in columns
        ]

    raw = [sa.type_coerce(getattr(SelfIdentification, q), sa.Text) for q in SELF_ID_QUESTIONS]
    purged = (
        sa.select(sa.func.count())
        .select_from(Application)
        .where(Application.intake_id == intake.id, Application.purged_at.is_not(None))
        .scalar_subquery()
    )
    stamp = sa.select(
        *newest(Application.__table__.c.id, Application.__table__.c.reference),
        *newest(*(StageEvent.__table__.c[n] for n in ("id", "application_id", "to_stage", "at"))),
        *newest(SelfIdentification.__table__.c.id, sa.func.coalesce(*raw, "")),
        purged,
    )
    return tuple(db.session.execute(stamp).one())


def _kept_groups(intake: Intake, stamp: tuple) -> list["GroupTable"]:
    """The self-identification tables, kept in this worker's memory (never in a shared cache)
    until the intake's stamp moves: decrypting every answer takes most of a page's time.

    The stamp is read before the tables, so tables kept under a stamp are never older than it.
    """
    kept: OrderedDict = current_app.extensions.setdefault(SELF_ID_KEPT, OrderedDict())
    found = kept.get(intake.id)
    if found is not None and found[0] == stamp:
        return found[1]
    groups = _self_id_groups(intake)
    kept[intake.id] = (stamp, groups)
    kept.move_to_end(intake.id)
    while len(kept) > KEPT_INTAKES:
        kept.popitem(last=False)
    return groups


def _self_id_groups(intake: Intake) -> list[GroupTable]:
    """Each group's size by SQL; the answers (encrypted at rest) decrypted and counted in
    Python, only for the applications that gave any."""
    ever_shortlisted = (
        sa.exists()
        .where(StageEvent.application_id == Application.id)
        .where(StageEvent.to_stage == Stage.SHORTLISTED)
    )
    groups = {
        N_("Applicants"): sa.true(),
        N_("Shortlist (ever shortlisted)"): ever_shortlisted,
        N_("Selection (offered or accepted)"): Application.stage.in_(SELECTED_STAGES),
    }
    kept = sa.and_(Application.intake_id == intake.id, Application.purged_at.is_(None))
    totals = db.session.execute(
        sa.select(*(sa.func.count(sa.case((member, 1))) for member in groups.values())).where(kept)
    ).one()
    answers = [getattr(SelfIdentification, name) for name in SELF_ID_QUESTIONS]
    rows = db.session.execute(
        sa.select(Application.stage, ever_shortlisted, *answers)
        .join(SelfIdentification, SelfIdentification.application_id == Application.id)
        .where(kept)
    ).all()
    members = {
        N_("Applicants"): rows,
        N_("Shortlist (ever shortlisted)"): [r for r in rows if r[1]],
        N_("Selection (offered or accepted)"): [r for r in rows if r[0] in SELECTED_STAGES],
    }
    return [
        _table(label, total, members[label]) for label, total in zip(groups, totals, strict=True)
    ]


def _table(label: str, total: int, answered: list) -> GroupTable:
    """A group of `total` people; `answered` holds the rows of those who gave any answer."""
    table = GroupTable(label, suppress([total], total)[0])
    for index, question in enumerate(SELF_ID_QUESTIONS):
        counts = [0] * len(ANSWER_COLUMNS)
        for row in answered:
            counts[_ANSWER_INDEX[row[2 + index]]] += 1
        counts[_ANSWER_INDEX[None]] += total - len(answered)  # no self-identification at all
        table.rows[question] = suppress(counts, total)
    return table
