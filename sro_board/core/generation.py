"""The public generation: a counter raised after every commit that changed a public table.

The cached public pages (pagecache.py) are keyed by it, so a page rendered before a change is
never served after it. Features name the tables their public pages read (watch); any commit
that inserts, updates or deletes one of their rows, through the ORM or a bulk statement, raises
the counter once after the commit. The counter lives in the cache backend (Redis INCR in
production), so every worker sees the change on its very next request.
"""

import logging
from datetime import UTC, datetime

import sqlalchemy as sa
from flask import current_app
from redis.exceptions import RedisError
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from . import changefeed
from .clock import now_utc
from .extensions import cache

log = logging.getLogger(__name__)
GENERATION = "public:generation"
CHANGED_AT = "public:changed_at"
_PENDING = "public_changed"
_watched: set[str] = set()
# The cache backend being away must not take the pages down: it is only a cache.
CACHE_ERRORS = (RedisError, OSError)


def watch(*models: type) -> None:
    """Count changes to these models' tables as public changes."""
    _watched.update(model.__table__.name for model in models)


def mark_changed(session: Session) -> None:
    """Raise the generation after this session's next commit (for changes not in a table)."""
    session.info[_PENDING] = True


def current(store=None) -> tuple[int, datetime | None]:
    """The generation and the time it was last raised (None before the first change), from
    the given cache backend (the app's by default): one round trip."""
    generation, changed_at = (store or cache.cache).get_many(GENERATION, CHANGED_AT)
    stamp = datetime.fromtimestamp(changed_at, UTC) if changed_at else None
    return int(generation or 0), stamp


def bump() -> None:
    """Raise the generation (atomic INCR on Redis, announced to every worker) and note when."""
    try:
        feed = changefeed.of(current_app)
        if feed is not None:
            feed.raise_generation(GENERATION)
        else:
            cache.cache.inc(GENERATION)
        cache.set(CHANGED_AT, now_utc().timestamp(), timeout=0)
    except CACHE_ERRORS:
        log.warning("public page cache: could not raise the generation", exc_info=True)


def _touches_watched(session: Session) -> bool:
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__table__", None)
        if table is not None and table.name in _watched:
            return True
    return False


@sa.event.listens_for(Session, "before_flush")
def _note_flush(session: Session, flush_context: UOWTransaction, instances) -> None:
    if _watched and _touches_watched(session):
        mark_changed(session)


@sa.event.listens_for(Session, "do_orm_execute")
def _note_bulk(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if table is not None and getattr(table, "name", None) in _watched:
        mark_changed(state.session)


@sa.event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.info.pop(_PENDING, False):
        bump()


@sa.event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous_transaction) -> None:
    if not session.in_transaction():
        session.info.pop(_PENDING, None)
