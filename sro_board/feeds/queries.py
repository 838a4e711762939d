"""What the feeds read, bounded and in a fixed number of queries: published updates, meetings."""

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager, lazyload, selectinload

from ..core.extensions import db
from ..meetings.enums import PUBLIC_STATES
from ..meetings.models import AgendaItem, Meeting
from ..recommendations.enums import Theme, UpdateState
from ..recommendations.models import Recommendation, Update
from .atom import LATEST


def published_updates(
    *, recommendation_id: int | None = None, theme: Theme | None = None, limit: int = LATEST
) -> list[Update]:
    """The latest approved updates (of one recommendation or theme), newest first; one query.

    Only the update's public columns are read by the feed; its author and approver are not
    loaded at all."""
    query = (
        sa.select(Update)
        .join(Update.recommendation)
        .options(
            contains_eager(Update.recommendation).options(
                lazyload(Recommendation.lead_user), lazyload(Recommendation.report_rows)
            ),
            lazyload(Update.author),
            lazyload(Update.decided_by),
        )
        .where(Update.state == UpdateState.APPROVED, Update.decided_at.is_not(None))
        .order_by(Update.decided_at.desc(), Update.id.desc())
        .limit(limit)
    )
    if recommendation_id is not None:
        query = query.where(Update.recommendation_id == recommendation_id)
    if theme is not None:
        query = query.where(Recommendation.theme == theme)
    return list(db.session.scalars(query))


def announced_meetings(limit: int = LATEST) -> list[Meeting]:
    """The meetings whose agenda was published, latest news first, with what the public page
    shows of them loaded (agenda, its recommendations, decisions): four queries."""
    latest = sa.func.coalesce(
        Meeting.minutes_published_at, Meeting.agenda_changed_at, Meeting.agenda_published_at
    )
    return list(
        db.session.scalars(
            sa.select(Meeting)
            .where(Meeting.state.in_(PUBLIC_STATES), Meeting.agenda_published_at.is_not(None))
            .options(
                selectinload(Meeting.items).selectinload(AgendaItem.recommendations),
                selectinload(Meeting.decisions),
            )
            .order_by(latest.desc(), Meeting.id.desc())
            .limit(limit)
        )
    )
