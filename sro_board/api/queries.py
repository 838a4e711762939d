"""What the API reads: the public rows only, loaded in a fixed number of statements per page."""

from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import lazyload, selectinload

from ..core.extensions import db
from ..core.pagination import row_count
from ..meetings.enums import PUBLIC_STATES, Body, MeetingState
from ..meetings.models import ActionItem, AgendaItem, Attendance, Decision, Meeting
from ..oversight.enums import AssessmentState
from ..oversight.models import Assessment
from ..recommendations.enums import UpdateState
from ..recommendations.models import Recommendation, StatusDefinition, Update

TIMELINE_IN_DETAIL = 10


@dataclass
class Slice:
    """One page of rows and the total they come from."""

    items: list
    total: int


def page_of(query: sa.Select, page: int, per_page: int) -> Slice:
    """A page of an ordered select (a count and a LIMIT/OFFSET), never more than per_page."""
    rows = db.session.scalars(query.limit(per_page).offset((page - 1) * per_page)).unique()
    return Slice(list(rows), row_count(query))


def without_staff(query: sa.Select) -> sa.Select:
    """Recommendations without their lead staff member (never published) joined in."""
    return query.options(
        lazyload(Recommendation.lead_user), selectinload(Recommendation.report_rows)
    )


def recommendation(code: str) -> Recommendation | None:
    """A recommendation with its milestones and evidence, or None."""
    return db.session.scalar(
        without_staff(sa.select(Recommendation))
        .where(Recommendation.code == code)
        .options(selectinload(Recommendation.milestones), selectinload(Recommendation.evidence))
    )


def approved_updates(rec_id: int | None = None) -> sa.Select:
    """Approved updates (the public timeline), newest first; of one recommendation if given."""
    query = (
        sa.select(Update)
        .options(lazyload(Update.author), lazyload(Update.decided_by))
        .where(Update.state == UpdateState.APPROVED)
        .order_by(Update.decided_at.desc(), Update.id.desc())
    )
    return query.where(Update.recommendation_id == rec_id) if rec_id is not None else query


def approved_assessments() -> sa.Select:
    """The board's approved assessments, newest first, with the decision that agreed them."""
    return (
        sa.select(Assessment)
        .options(
            lazyload(Assessment.drafted_by),
            lazyload(Assessment.approved_by),
            lazyload(Assessment.recommendation),
            sa.orm.joinedload(Assessment.decision).joinedload(Decision.meeting),
        )
        .where(Assessment.state == AssessmentState.APPROVED)
        .order_by(Assessment.approved_at.desc(), Assessment.id.desc())
    )


def assessments_of(rec_id: int) -> list[Assessment]:
    """One recommendation's approved assessments, newest (the current one) first."""
    return list(
        db.session.scalars(approved_assessments().where(Assessment.recommendation_id == rec_id))
    )


def definitions() -> list[StatusDefinition]:
    """Every published definition, by axis and position."""
    return list(
        db.session.scalars(
            sa.select(StatusDefinition).order_by(StatusDefinition.axis, StatusDefinition.position)
        )
    )


def meetings(body: Body | None = None) -> sa.Select:
    """The meetings the public may see (never a draft), newest first."""
    query = sa.select(Meeting).where(Meeting.state.in_(PUBLIC_STATES))
    if body is not None:
        query = query.where(Meeting.body == body)
    return query.order_by(Meeting.starts_at.desc(), Meeting.id.desc())


def meeting(meeting_id: int) -> Meeting | None:
    """A meeting the public may see, with its agenda and minutes loaded, or None."""
    return db.session.scalar(
        sa.select(Meeting)
        .where(Meeting.id == meeting_id, Meeting.state.in_(PUBLIC_STATES))
        .options(
            selectinload(Meeting.items).selectinload(AgendaItem.recommendations),
            selectinload(Meeting.decisions),
            selectinload(Meeting.attendance).options(
                lazyload(Attendance.board_member), lazyload(Attendance.user)
            ),
            selectinload(Meeting.actions).options(
                lazyload(ActionItem.owner_board_member), lazyload(ActionItem.owner_user)
            ),
        )
    )


def approvals_of(meeting_ids: list[int]) -> dict[int, list[Decision]]:
    """The decisions that approved these meetings' minutes, by approved meeting."""
    found: dict[int, list[Decision]] = defaultdict(list)
    if meeting_ids:
        for decision in db.session.scalars(
            sa.select(Decision)
            .options(selectinload(Decision.meeting))
            .where(Decision.approves_meeting_id.in_(meeting_ids))
        ):
            found[decision.approves_meeting_id].append(decision)
    return found


def published_minutes() -> sa.Select:
    """Public meetings whose minutes are published (their decisions are open data)."""
    return sa.select(Meeting.id).where(
        Meeting.state == MeetingState.PUBLISHED, Meeting.is_public.is_(True)
    )
