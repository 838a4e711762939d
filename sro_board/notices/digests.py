"""The daily digests: written in the worker, once per person, kind and local day, from 7 a.m.

The worker runs send_digests every hour (and `flask notices send` runs it by hand). Before
SEND_HOUR in the service's time zone it only notes events; from then on it sends each person
who has not had that kind's digest today and for whom something waits, and records it
(NoticeSent, unique per person, kind and day), so a second run, a restarted worker or a
missed hour never sends one twice, and a later run the same day catches up.
"""

import logging
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask_babel import force_locale

from ..admin.labels import template_label
from ..auth.models import User
from ..auth.permissions import Action, can
from ..board.models import BoardMember
from ..core.clock import local_zone, now_utc
from ..core.extensions import db
from ..core.urls import public_url
from ..mail.services import queue_email
from ..oversight.access import approval_refusal
from ..oversight.enums import AssessmentState
from ..oversight.models import Assessment
from ..recommendations.models import Recommendation
from ..recommendations.queries import pending_updates_for
from ..recommendations.rules import approval_blocker
from .kinds import Kind, holders
from .models import NoticeEvent, NoticeSent
from .services import add_event, footer_link, wants

log = logging.getLogger(__name__)
SEND_HOUR = 7  # local time: no digest is sent before 7 a.m.
TERM_WARNING_DAYS = 30  # a term ending within this many days is told once
ENDED_LOOKBACK_DAYS = 30  # a term that ended this recently is told once
FIRST_DIGEST_DAYS = 7  # a person's first digest of events looks back this far
KEEP_DAYS = 90  # events and digest records older than this are deleted
LIST_LIMIT = 20  # items listed in one digest; the count says how many in all
TERM_ENDING, TERM_ENDED = "term_ending", "term_ended"


def _title(rec: Recommendation, language: str) -> str:
    return (rec.title_fr or rec.title) if language == "fr" else rec.title


def drafts_waiting(user: User, language: str, _moment: datetime) -> dict[str, Any] | None:
    """Updates the user may approve and assessments the board chair may approve, or None."""
    updates: list = []
    if can(Action.APPROVE_UPDATES, user):
        pending = db.session.scalars(pending_updates_for(user)).unique()
        updates = [u for u in pending if approval_blocker(u, user) is None]
    assessments: list = []
    if can(Action.APPROVE_ASSESSMENTS, user):
        submitted = db.session.scalars(
            sa.select(Assessment)
            .where(Assessment.state == AssessmentState.SUBMITTED)
            .order_by(Assessment.submitted_at, Assessment.id)
        )
        assessments = [a for a in submitted if approval_refusal(user, a) is None]
    if not updates and not assessments:
        return None
    return {
        "updates": [
            (u.recommendation.code, _title(u.recommendation, language), u.created_at)
            for u in updates[:LIST_LIMIT]
        ],
        "update_count": len(updates),
        "updates_link": public_url("recommendations.pending_updates", _language=language),
        "assessments": [
            (a.recommendation.code, _title(a.recommendation, language), a.submitted_at)
            for a in assessments[:LIST_LIMIT]
        ],
        "assessment_count": len(assessments),
        "assessments_link": public_url("oversight.home", _language=language),
    }


def _events_since(user: User, kind: Kind, kinds: tuple[str, ...], moment: datetime) -> list:
    """The events of these kinds that no earlier digest of this kind told the user of."""
    last = db.session.scalar(
        sa.select(sa.func.max(NoticeSent.last_event_id)).where(
            NoticeSent.user_id == user.id, NoticeSent.kind == kind.value
        )
    )
    if db.session.get_bind().dialect.name == "postgresql":
        # The digest remembers the newest event id it told of: wait for the transactions
        # adding events (they hold lower ids) so that none commits below it afterwards.
        # Until this transaction ends; SQLite has one writer at a time already.
        db.session.execute(sa.text("LOCK TABLE notice_event IN SHARE MODE"))
    query = sa.select(NoticeEvent).where(NoticeEvent.kind.in_(kinds)).order_by(NoticeEvent.id)
    if last is None:
        query = query.where(NoticeEvent.created_at >= moment - timedelta(days=FIRST_DIGEST_DAYS))
    else:
        query = query.where(NoticeEvent.id > last)
    return list(db.session.scalars(query))


def terms(user: User, language: str, moment: datetime) -> dict[str, Any] | None:
    """Board members' terms that began to end within 30 days, or ended, since the last digest."""
    events = _events_since(user, Kind.TERMS, (TERM_ENDING, TERM_ENDED), moment)
    ids = {event.detail.get("member_id") for event in events}
    members = {
        m.id: m for m in db.session.scalars(sa.select(BoardMember).where(BoardMember.id.in_(ids)))
    }
    ending, ended = [], []
    for event in events:
        member = members.get(event.detail.get("member_id"))
        if member is None:
            continue
        row = (member.full_name, date.fromisoformat(event.detail["term_end"]))
        (ending if event.kind == TERM_ENDING else ended).append(row)
    if not ending and not ended:
        return None
    return {
        "ending": ending,
        "ended": ended,
        "link": public_url("board.members", _language=language),
        "last_event_id": events[-1].id,
    }


def email_failed(user: User, language: str, moment: datetime) -> dict[str, Any] | None:
    """How many emails were given up on since the last digest, by kind as the outbox names it."""
    events = _events_since(user, Kind.EMAIL_FAILED, (Kind.EMAIL_FAILED.value,), moment)
    if not events:
        return None
    by_template = Counter(template_label(str(event.detail.get("template", ""))) for event in events)
    return {
        "count": len(events),
        "templates": sorted(by_template.items()),
        "link": public_url("admin.outbox", _language=language, state="dead"),
        "last_event_id": events[-1].id,
    }


DIGESTS: dict[Kind, Callable[[User, str, datetime], dict[str, Any] | None]] = {
    Kind.DRAFTS_WAITING: drafts_waiting,
    Kind.TERMS: terms,
    Kind.EMAIL_FAILED: email_failed,
}


def note_terms(today: date) -> int:
    """Note each term that ends within 30 days, or ended in the last 30, once; how many new."""
    members = db.session.scalars(
        sa.select(BoardMember)
        .where(
            BoardMember.resigned_on.is_(None),
            BoardMember.term_end >= today - timedelta(days=ENDED_LOOKBACK_DAYS),
            BoardMember.term_end <= today + timedelta(days=TERM_WARNING_DAYS),
        )
        .order_by(BoardMember.term_end, BoardMember.id)
    ).all()
    new = 0
    for member in members:
        kind = TERM_ENDED if member.term_end < today else TERM_ENDING
        key = f"{member.id}:{member.term_end.isoformat()}"
        new += add_event(kind, key, member_id=member.id, term_end=member.term_end.isoformat())
    return new


def purge_old(moment: datetime) -> None:
    """Forget events and digest records older than KEEP_DAYS."""
    before = moment - timedelta(days=KEEP_DAYS)
    for column in (NoticeEvent.created_at, NoticeSent.sent_at):
        db.session.execute(
            sa.delete(column.class_).where(column < before),
            execution_options={"synchronize_session": False},
        )


def _sent_on(user: User, kind: Kind, day: date) -> bool:
    query = sa.select(NoticeSent.id).where(
        NoticeSent.user_id == user.id, NoticeSent.kind == kind.value, NoticeSent.day == day
    )
    return db.session.scalar(query) is not None


def _send_one(user: User, kind: Kind, day: date, moment: datetime) -> bool:
    """Write one person's digest of one kind, with its record, and commit; True if sent."""
    if _sent_on(user, kind, day) or not wants(user, kind):
        return False
    language = user.email_language()
    with force_locale(language):
        content = DIGESTS[kind](user, language, moment)
    if content is None:
        return False
    sent = NoticeSent(
        user_id=user.id,
        kind=kind.value,
        day=day,
        sent_at=moment,
        last_event_id=content.pop("last_event_id", None),
    )
    try:
        with db.session.begin_nested():
            db.session.add(sent)
    except sa.exc.IntegrityError:  # another worker sent it meanwhile
        return False
    queue_email(
        user.email,
        f"notice_{kind.value}",
        language=language,
        name=user.name,
        settings_link=footer_link(language),
        **content,
    )
    db.session.commit()
    return True


def send_digests() -> int:
    """Note the day's events; from SEND_HOUR local, send each due digest once; how many sent."""
    moment = now_utc()
    local = moment.astimezone(local_zone())
    note_terms(local.date())
    purge_old(moment)
    db.session.commit()
    if local.hour < SEND_HOUR:
        return 0
    sent = 0
    for kind in DIGESTS:
        for user in holders(kind):
            sent += _send_one(user, kind, local.date(), moment)
    db.session.commit()  # ends the last read (and its lock on the events)
    if sent:
        log.info("notices: %s digest(s) queued", sent)
    return sent
