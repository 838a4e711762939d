"""Read-side queries: public lists, attendance as the public may see it, packs, sections."""

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from ..auth.models import User, UserRole
from ..auth.permissions import WORKING_GROUP
from ..board.models import BoardMember
from ..core.clock import as_local, now_utc
from ..core.extensions import db
from ..core.pagination import Page, paginate
from ..recommendations.enums import UpdateState
from ..recommendations.models import Recommendation, Update
from .enums import (
    PUBLIC_STATES,
    TOOK_PLACE,
    ActionStatus,
    Body,
    MeetingState,
    Outcome,
    Presence,
)
from .models import ActionItem, AgendaItem, Attendance, Decision, Meeting

UPCOMING_LIMIT = 20


def public_meetings(body: Body | None) -> sa.Select:
    """Meetings the public may see (any announced one, public or closed), of one body or all."""
    query = sa.select(Meeting).where(Meeting.state.in_(PUBLIC_STATES))
    return query.where(Meeting.body == body) if body else query


def upcoming(body: Body | None) -> list[Meeting]:
    """The next announced meetings, soonest first (bounded)."""
    query = public_meetings(body).where(Meeting.starts_at >= now_utc())
    return list(
        db.session.scalars(query.order_by(Meeting.starts_at, Meeting.id).limit(UPCOMING_LIMIT))
    )


def past(body: Body | None) -> Page:
    """Meetings that have started, newest first, a page at a time."""
    query = public_meetings(body).where(Meeting.starts_at < now_utc())
    return paginate(query.order_by(Meeting.starts_at.desc(), Meeting.id.desc()))


def public_meeting(meeting_id: int) -> Meeting | None:
    """A meeting the public may see, with its agenda, minutes and attendance loaded."""
    return db.session.scalar(
        public_meetings(None)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.items).selectinload(AgendaItem.recommendations),
            selectinload(Meeting.decisions),
            selectinload(Meeting.attendance),
            selectinload(Meeting.actions),
        )
    )


@dataclass
class PublicAttendance:
    """Who attended, as the public sees it: consented names, and counts for everyone else."""

    names: dict[Presence, list[str]] = field(default_factory=dict)
    others: dict[Presence, int] = field(default_factory=dict)


def public_name(member: BoardMember | None, user: User | None) -> str | None:
    """A name the public may see: a member on the consented roster, or a staff member."""
    if member is not None:
        return member.roster_name
    return user.name if user is not None else None


def public_attendance(rows: list[Attendance]) -> PublicAttendance:
    """Attendance for the public page: names only where consented, otherwise counts."""
    shown = PublicAttendance({p: [] for p in Presence}, dict.fromkeys(Presence, 0))
    for row in rows:
        name = public_name(row.board_member, row.user)
        if name:
            shown.names[row.presence].append(name)
        else:
            shown.others[row.presence] += 1
    for names in shown.names.values():
        names.sort()
    return shown


def latest_notes(recommendation_ids: set[int]) -> dict[int, Update]:
    """Each recommendation's latest approved update with a public note (one query)."""
    if not recommendation_ids:
        return {}
    newest = (
        sa.select(Update.recommendation_id, sa.func.max(Update.decided_at).label("at"))
        .where(
            Update.recommendation_id.in_(recommendation_ids),
            Update.state == UpdateState.APPROVED,
            Update.public_note != "",
        )
        .group_by(Update.recommendation_id)
        .subquery()
    )
    rows = db.session.scalars(
        sa.select(Update)
        .join(
            newest,
            sa.and_(
                Update.recommendation_id == newest.c.recommendation_id,
                Update.decided_at == newest.c.at,
            ),
        )
        .where(Update.state == UpdateState.APPROVED, Update.public_note != "")
        .order_by(Update.id)
    )
    return {update.recommendation_id: update for update in rows}


def discussed(rec: Recommendation) -> dict:
    """The public meetings that discussed a recommendation, and their published decisions."""
    items = list(
        db.session.scalars(
            sa.select(AgendaItem)
            .join(AgendaItem.meeting)
            .where(
                AgendaItem.recommendations.any(Recommendation.id == rec.id),
                Meeting.state.in_(PUBLIC_STATES),
                Meeting.is_public.is_(True),
            )
            .options(sa.orm.contains_eager(AgendaItem.meeting))
            .order_by(Meeting.starts_at.desc(), AgendaItem.position)
            .limit(50)
        )
    )
    published = [i.id for i in items if i.meeting.state == MeetingState.PUBLISHED]
    decisions: dict[int, list[Decision]] = {}
    if published:
        for decision in db.session.scalars(
            sa.select(Decision).where(Decision.item_id.in_(published)).order_by(Decision.id)
        ):
            decisions.setdefault(decision.item_id, []).append(decision)
    return {"items": items, "decisions": decisions}


def board_home(user: User) -> dict:
    """The board's next meetings (with their packs) and the user's open action items."""
    meetings = list(
        db.session.scalars(
            public_meetings(Body.ADVISORY_BOARD)
            .where(Meeting.starts_at >= now_utc())
            .order_by(Meeting.starts_at)
            .limit(5)
        )
    )
    actions = list(
        db.session.scalars(
            sa.select(ActionItem)
            .where(_owned_by(user), ActionItem.status == ActionStatus.OPEN)
            .order_by(ActionItem.due_date, ActionItem.id)
            .limit(20)
        )
    )
    return {"meetings": meetings, "actions": actions}


def _owned_by(user: User) -> sa.ColumnElement[bool]:
    """Action items given to the user's account, or to their seat on the board."""
    seats = sa.select(BoardMember.id).where(BoardMember.user_id == user.id)
    return sa.or_(ActionItem.owner_user_id == user.id, ActionItem.owner_board_member_id.in_(seats))


def board_members_on(day: date) -> list[BoardMember]:
    """The board's members whose term includes the day."""
    return list(
        db.session.scalars(
            sa.select(BoardMember)
            .where(BoardMember.term_start <= day, BoardMember.term_end >= day)
            .order_by(BoardMember.full_name, BoardMember.id)
            .limit(100)
        )
    )


def working_group() -> list[User]:
    """The working group's active members."""
    return list(
        db.session.scalars(
            sa.select(User)
            .where(
                User.active.is_(True),
                User.id.in_(sa.select(UserRole.user_id).where(UserRole.role.in_(WORKING_GROUP))),
            )
            .order_by(User.name, User.id)
            .limit(200)
        )
    )


def staff_meetings(bodies: list[Body]) -> Page:
    """Every meeting of the bodies a user manages, newest first."""
    return paginate(
        sa.select(Meeting)
        .where(Meeting.body.in_(bodies))
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    )


def candidates(meeting: Meeting) -> tuple[list[BoardMember], list[User]]:
    """Who may be listed at a meeting: the board's members on its day (for the board's
    meetings) and the working group's staff."""
    day = as_local(meeting.starts_at).date()
    members = board_members_on(day) if meeting.body == Body.ADVISORY_BOARD else []
    return members, working_group()


def owners(meeting: Meeting) -> list[tuple[str, str]]:
    """Choices for an action item's owner: "m-<id>" board members, "u-<id>" staff."""
    members, users = candidates(meeting)
    return (
        [("", _("Choose an owner"))]
        + [(f"m-{m.id}", _("%(name)s (board member)", name=m.full_name)) for m in members]
        + [(f"u-{u.id}", u.name) for u in users]
    )


def carried_board_decisions(limit: int = 50) -> list[Decision]:
    """Motions the advisory board carried at meetings it has held, newest first."""
    return list(db.session.scalars(_carried_board_decisions().limit(limit)))


def carried_board_decision(decision_id: int) -> Decision | None:
    """The decision, if it is a motion the advisory board carried at a meeting it held."""
    return db.session.scalar(_carried_board_decisions().where(Decision.id == decision_id))


def _carried_board_decisions() -> sa.Select:
    return (
        sa.select(Decision)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .options(sa.orm.contains_eager(Decision.meeting))
        .where(
            Meeting.body == Body.ADVISORY_BOARD,
            Meeting.state.in_(TOOK_PLACE),
            Decision.outcome == Outcome.CARRIED,
            Decision.approves_meeting_id.is_(None),
        )
        .order_by(Meeting.starts_at.desc(), Decision.id.desc())
    )
