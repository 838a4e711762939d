"""Server-side records of staff sessions: each logged-in browser, its last request, its end.

The cookie holds a random key (session["sid"]); the table keeps its sha256, when the session
began, when it was last used (written at most once a minute) and a browser summary. A session
is alive while its row is not ended, within SESSION_IDLE_MINUTES of its last use and
SESSION_MAX_HOURS of its start; rows no longer alive are deleted at the user's next login.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app, request, session
from ua_parser import parse

from ..core.clock import now_utc
from ..core.extensions import db
from .models import User, UserSession

KEY = "sid"  # the session cookie's entry holding the record's key


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("ascii")).hexdigest()


def browser_summary(user_agent: str) -> str:
    """ "Firefox on Linux" from a User-Agent header; "Unknown browser" if it says nothing."""
    parsed = parse(user_agent[:512]) if user_agent else None
    agent = parsed.user_agent.family if parsed and parsed.user_agent else None
    system = parsed.os.family if parsed and parsed.os else None
    if agent and system:
        return f"{agent} on {system}"[:80]
    return (agent or system or "Unknown browser")[:80]


def _alive_since(now: datetime) -> tuple[datetime, datetime]:
    config = current_app.config
    return (
        now - timedelta(hours=config["SESSION_MAX_HOURS"]),
        now - timedelta(minutes=config["SESSION_IDLE_MINUTES"]),
    )


def _alive(now: datetime):
    started_after, seen_after = _alive_since(now)
    return sa.and_(
        UserSession.ended_at.is_(None),
        UserSession.created_at > started_after,
        UserSession.last_seen_at > seen_after,
    )


def open_record(user: User) -> UserSession:
    """A record for a session starting now; its key goes into the cookie (the caller commits)."""
    now = now_utc()
    db.session.execute(
        sa.delete(UserSession).where(UserSession.user_id == user.id, sa.not_(_alive(now)))
    )
    key = secrets.token_urlsafe(32)
    record = UserSession(
        user_id=user.id,
        key_hash=_hash(key),
        created_at=now,
        last_seen_at=now,
        browser=browser_summary(request.headers.get("User-Agent", "")),
    )
    db.session.add(record)
    db.session.flush()
    session[KEY] = key
    return record


def current_record(user: User) -> UserSession | None:
    """This request's session record, if it belongs to the user and has not ended."""
    key = session.get(KEY)
    if not isinstance(key, str):
        return None
    return db.session.scalar(
        sa.select(UserSession).where(
            UserSession.key_hash == _hash(key),
            UserSession.user_id == user.id,
            UserSession.ended_at.is_(None),
        )
    )


def touch(record: UserSession) -> None:
    """Note a request now, in its own short transaction (GET pages commit nothing)."""
    now = now_utc()
    with db.engine.begin() as connection:
        connection.execute(
            sa.update(UserSession).where(UserSession.id == record.id).values(last_seen_at=now)
        )
    record.last_seen_at = now


def active_records(user: User) -> list[UserSession]:
    """The user's live sessions, the most recently used first."""
    return list(
        db.session.scalars(
            sa.select(UserSession)
            .where(UserSession.user_id == user.id, _alive(now_utc()))
            .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
        )
    )


def end_records(user: User, *, keep: int | None = None, only: int | None = None) -> int:
    """End the user's open sessions (all, all but `keep`, or just `only`); returns how many."""
    query = sa.update(UserSession).where(
        UserSession.user_id == user.id, UserSession.ended_at.is_(None)
    )
    if keep is not None:
        query = query.where(UserSession.id != keep)
    if only is not None:
        query = query.where(UserSession.id == only)
    return db.session.execute(query.values(ended_at=now_utc())).rowcount


def revive_current(user: User) -> None:
    """Keep this request's session after end_records ended them all (the user's own change)."""
    key = session.get(KEY)
    record = None
    if isinstance(key, str):
        record = db.session.scalar(
            sa.select(UserSession).where(
                UserSession.key_hash == _hash(key), UserSession.user_id == user.id
            )
        )
    if record is None:
        open_record(user)
    else:
        record.ended_at = None
        db.session.flush()
