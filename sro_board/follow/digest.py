"""The weekly digest: each weekly follower, once a week from Monday 07:00 (the service's time).

The worker runs `send_digests` every hour; a follower is due when their last digest is before
this week's Monday 07:00 (America/Edmonton, by the app's clock), so a run at any hour, a missed
run or a second worker sends each digest at most once a week. An empty week sends nothing.
"""

from datetime import datetime, time, timedelta

import sqlalchemy as sa

from ..core.clock import local_zone, now_utc
from ..core.extensions import db
from ..core.urls import public_url
from ..mail.services import queue_email
from ..recommendations.enums import UpdateState
from ..recommendations.fields import FIELD_LABELS
from ..recommendations.models import Recommendation, Update
from .fanout import public_changes
from .links import new_link
from .models import Follower, Frequency, LinkPurpose, ScopeKind
from .services import list_headers

DIGEST_TIME = time(7, 0)
LIMIT = 200  # updates listed in one digest at most


def week_start(moment: datetime) -> datetime:
    """The last Monday 07:00 (local) at or before moment, in UTC."""
    local = moment.astimezone(local_zone())
    monday = local.date() - timedelta(days=local.weekday())
    start = datetime.combine(monday, DIGEST_TIME, tzinfo=local_zone())
    if start > local:
        start -= timedelta(days=7)
        start = datetime.combine(start.date(), DIGEST_TIME, tzinfo=local_zone())
    return start.astimezone(moment.tzinfo)


def updates_for(follower: Follower, since: datetime, until: datetime) -> list[Update]:
    """Updates published in (since, until] that the follower's scope covers, oldest first."""
    query = (
        sa.select(Update)
        .join(Update.recommendation)
        .where(
            Update.state == UpdateState.APPROVED,
            Update.decided_at > since,
            Update.decided_at <= until,
        )
        .order_by(Update.decided_at, Update.id)
        .limit(LIMIT)
    )
    if follower.kind is ScopeKind.THEME:
        query = query.where(Recommendation.theme == follower.theme)
    elif follower.kind is ScopeKind.RECOMMENDATION:
        query = query.where(Update.recommendation_id == follower.recommendation_id)
    return list(db.session.scalars(query))


def due_followers(start: datetime) -> sa.Select:
    """Confirmed weekly followers whose last digest is before this week's start."""
    return (
        sa.select(Follower)
        .where(
            Follower.frequency == Frequency.WEEKLY,
            Follower.confirmed_at.is_not(None),
            sa.or_(Follower.last_digest_at.is_(None), Follower.last_digest_at < start),
        )
        .order_by(Follower.id)
        .limit(500)
    )


def send_digests() -> int:
    """Queue this week's digest for every weekly follower due one; returns how many."""
    moment = now_utc()
    start = week_start(moment)
    sent = 0
    while followers := list(db.session.scalars(due_followers(start))):
        for follower in followers:
            since = follower.last_digest_at or follower.confirmed_at
            updates = updates_for(follower, since, moment)
            follower.last_digest_at = moment
            if not updates:
                continue
            token = new_link(follower, LinkPurpose.MANAGE)
            language = follower.language
            queue_email(
                follower.address,
                "follow_digest",
                language=language,
                headers=list_headers(token, language),
                follower=follower,
                updates=[(u, public_changes(u)) for u in updates],
                field_labels=FIELD_LABELS,
                page_url=lambda code, lang=language: public_url(
                    "recommendations.public_detail", _language=lang, code=code
                ),
                manage_url=public_url("follow.manage", _language=language, token=token),
                unsubscribe_url=public_url("follow.unsubscribe", _language=language, token=token),
            )
            sent += 1
        db.session.commit()
    return sent
