"""Read-side queries: summaries for the home page, the dashboard, timelines, pending updates."""

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from ..auth.models import User, UserRole
from ..auth.permissions import APPROVERS, WORKING_GROUP
from ..core.extensions import db
from ..core.pagination import KeysetPage, keyset
from .enums import (
    CLOSED_STATUSES,
    Feasibility,
    ImplementationStatus,
    ScheduleState,
    Theme,
    UpdateState,
)
from .models import Recommendation, Update
from .schedule import schedule_filter


@dataclass
class Summary:
    """Counts and averages for the progress picture."""

    total: int
    by_status: list[tuple[ImplementationStatus, int]]
    by_feasibility: list[tuple[Feasibility, int]]
    by_theme: list[tuple[Theme, int, int]]  # theme, count, average progress


def summary() -> Summary:
    """Overall progress: counts by status and feasibility, average progress by theme."""
    status_counts = dict(
        db.session.execute(
            sa.select(Recommendation.status, sa.func.count()).group_by(Recommendation.status)
        ).all()
    )
    feasibility_counts = dict(
        db.session.execute(
            sa.select(Recommendation.feasibility, sa.func.count()).group_by(
                Recommendation.feasibility
            )
        ).all()
    )
    theme_rows = {
        theme: (count, round(avg or 0))
        for theme, count, avg in db.session.execute(
            sa.select(
                Recommendation.theme, sa.func.count(), sa.func.avg(Recommendation.progress)
            ).group_by(Recommendation.theme)
        )
    }
    return Summary(
        total=sum(status_counts.values()),
        by_status=[(s, status_counts.get(s, 0)) for s in ImplementationStatus],
        by_feasibility=[(f, feasibility_counts.get(f, 0)) for f in Feasibility],
        by_theme=[(t, *theme_rows.get(t, (0, 0))) for t in Theme],
    )


def latest_public_updates(limit: int = 6) -> list[Update]:
    """The most recent approved updates that carry a public note."""
    return list(
        db.session.scalars(
            sa.select(Update)
            .join(Update.recommendation)
            .options(sa.orm.contains_eager(Update.recommendation))
            .where(Update.state == UpdateState.APPROVED, Update.public_note != "")
            .order_by(Update.decided_at.desc(), Update.id.desc())
            .limit(limit)
        )
    )


DASHBOARD_SECTIONS = ("pending", "mine", "overdue", "stale")


def dashboard_queries(user: User, today: date, stale_before: datetime) -> dict[str, sa.Select]:
    """The dashboard's lists, by DASHBOARD_SECTIONS name; stale: still open, no public update
    since stale_before."""
    # The dashboard's tables show none of the lead or reports that the model loads eagerly.
    base = (
        sa.select(Recommendation)
        .options(
            sa.orm.lazyload(Recommendation.lead_user), sa.orm.lazyload(Recommendation.report_rows)
        )
        .order_by(Recommendation.code)
    )
    # Closed recommendations (implemented, ongoing, will not proceed) need no fresh updates.
    stale = base.where(
        Recommendation.status.not_in(CLOSED_STATUSES),
        sa.or_(
            Recommendation.last_public_update_at.is_(None),
            Recommendation.last_public_update_at < stale_before,
        ),
    )
    return {
        "pending": pending_updates_for(user),
        "mine": base.where(Recommendation.lead_user_id == user.id),
        "overdue": base.where(schedule_filter(ScheduleState.OVERDUE, today)),
        "stale": stale,
    }


def pending_updates_for(user: User) -> sa.Select:
    """Updates awaiting approval, oldest first: all of them for an approver, else one's own."""
    query = (
        sa.select(Update)
        .join(Update.recommendation)
        .options(
            # Lists of pending updates show the recommendation's code and title, not its lead
            # or reports, and the author's name, not their roles.
            sa.orm.contains_eager(Update.recommendation).options(
                sa.orm.lazyload(Recommendation.lead_user),
                sa.orm.lazyload(Recommendation.report_rows),
            ),
            sa.orm.joinedload(Update.author).lazyload(User.role_rows),
            sa.orm.joinedload(Update.decided_by).lazyload(User.role_rows),
        )
        .where(Update.state == UpdateState.PENDING)
        .order_by(Update.created_at, Update.id)
    )
    if not user.has_role(*APPROVERS):
        query = query.where(Update.author_id == user.id)
    return query


def public_timeline(rec: Recommendation) -> KeysetPage:
    """A page of one recommendation's approved updates, newest first ("older" pages on)."""
    return keyset(
        sa.select(Update).where(
            Update.recommendation_id == rec.id, Update.state == UpdateState.APPROVED
        ),
        Update.decided_at,
        Update.id,
    )


def all_updates(rec: Recommendation) -> KeysetPage:
    """A page of every update of one recommendation, drafts and rejected ones, newest first."""
    return keyset(
        sa.select(Update).where(Update.recommendation_id == rec.id), Update.created_at, Update.id
    )


def pending_count(rec: Recommendation) -> int:
    """How many updates of one recommendation wait for a decision."""
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Update)
        .where(Update.recommendation_id == rec.id, Update.state == UpdateState.PENDING)
    )


def status_reason(rec: Recommendation) -> tuple[str, str] | None:
    """The public reason for a status that needs one: the note (English, French) that set it."""
    if not rec.status.needs_public_rationale:
        return None
    return db.session.execute(
        sa.select(Update.public_note, Update.public_note_fr)
        .where(
            Update.recommendation_id == rec.id,
            Update.state == UpdateState.APPROVED,
            Update.new_status == rec.status.value,
        )
        .order_by(Update.decided_at.desc(), Update.id.desc())
        .limit(1)
    ).first()


def find_by_code(code: str) -> Recommendation:
    """The recommendation with this code, or 404."""
    return db.first_or_404(sa.select(Recommendation).where(Recommendation.code == code))


def lead_candidates() -> list[User]:
    """Who may be named as a lead: active working-group staff, and anyone already named."""
    in_working_group = sa.and_(
        User.active,
        User.id.in_(sa.select(UserRole.user_id).where(UserRole.role.in_(WORKING_GROUP))),
    )
    named = User.id.in_(sa.select(Recommendation.lead_user_id))
    return list(
        db.session.scalars(
            sa.select(User).where(sa.or_(in_working_group, named)).order_by(User.name)
        )
    )
