"""Instant emails for a published update, written by the worker in batches.

Publishing records a FanOut row in its own transaction and enqueues `follow.fan_out` after the
commit; a periodic sweep enqueues any row whose enqueue was lost. The task writes, 1,000
followers at a time, one secret link and one outbox email per address (bulk inserts), commits,
and enqueues the emails for delivery, 100 to a task. It resumes after the last follower written.
"""

import json
import logging
from datetime import timedelta

import sqlalchemy as sa
from flask import render_template
from flask_babel import force_locale

from ..core.clock import now_utc
from ..core.extensions import db
from ..core.urls import public_url
from ..mail.delivery import deliver
from ..mail.models import EmailState, OutboxEmail
from ..mail.queue import run_after_commit, task_queue
from ..recommendations.enums import UpdateState
from ..recommendations.fields import FIELD_LABELS, STAFF_ONLY_FIELDS
from ..recommendations.models import Update
from .links import new_token
from .models import FanOut, Follower, FollowLink, Frequency, LinkPurpose
from .scopes import concerning
from .services import list_headers

log = logging.getLogger(__name__)
BATCH = 1000
CLAIM_TIMEOUT = timedelta(minutes=10)
SWEEP_GRACE = timedelta(seconds=60)
TASK = "follow.fan_out"
# Emails are handed to the workers DELIVERY_CHUNK ids per task: one enqueue per email would
# cost more than writing it (a round trip to the queue each); every email is still claimed,
# sent and retried one by one (mail.delivery.deliver), and the mail sweep finds any left.
DELIVER_TASK = "follow.deliver"
DELIVERY_CHUNK = 100
# Stands for each email's own token in the text rendered once per language.
SLOT = "follow-token-slot"


def on_update_published(update: Update, **_extra) -> None:
    """Record the fan-out in the publish transaction; the worker runs it after the commit."""
    db.session.add(FanOut(update_id=update.id))
    run_after_commit(TASK, update.id)


def public_changes(update: Update) -> list[tuple[str, object, object]]:
    """(label, old, new) of each public field the update changed."""
    return [
        (field, change.get("old"), change.get("new"))
        for field, change in update.changes.items()
        if field in FIELD_LABELS and field not in STAFF_ONLY_FIELDS
    ]


def render_update(update: Update, language: str) -> tuple[str, str, dict[str, str]]:
    """Subject, body and headers of the instant email, with SLOT where the token goes."""
    with force_locale(language):
        text = render_template(
            "email/follow_update.txt",
            update=update,
            rec=update.recommendation,
            changes=public_changes(update),
            field_labels=FIELD_LABELS,
            page_url=public_url(
                "recommendations.public_detail", _language=language, code=update.recommendation.code
            ),
            manage_url=public_url("follow.manage", _language=language, token=SLOT),
            unsubscribe_url=public_url("follow.unsubscribe", _language=language, token=SLOT),
        )
    first, _, body = text.partition("\n")
    return first.removeprefix("Subject:").strip(), body.lstrip("\n"), list_headers(SLOT, language)


def _claim(update_id: int) -> FanOut | None:
    moment = now_utc()
    result = db.session.execute(
        sa.update(FanOut)
        .where(
            FanOut.update_id == update_id,
            FanOut.done_at.is_(None),
            sa.or_(FanOut.claimed_at.is_(None), FanOut.claimed_at < moment - CLAIM_TIMEOUT),
        )
        .values(claimed_at=moment)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return db.session.get(FanOut, update_id) if result.rowcount == 1 else None


def _batch(update: Update, after: int) -> list[tuple[int, str, str, str]]:
    """The next confirmed instant followers (one per address), as (id, hash, address, lang)."""
    first_per_address = (
        sa.select(sa.func.min(Follower.id))
        .where(
            Follower.confirmed_at.is_not(None),
            Follower.frequency == Frequency.INSTANT,
            concerning(update.recommendation),
        )
        .group_by(Follower.address_hash)
    )
    rows = db.session.execute(
        sa.select(Follower.id, Follower.address_hash, Follower.address, Follower.language)
        .where(Follower.id.in_(first_per_address), Follower.id > after)
        .order_by(Follower.id)
        .limit(BATCH)
    )
    return [tuple(row) for row in rows]


def fan_out(update_id: int) -> int:
    """Write the instant emails of one published update; returns how many were written."""
    record = _claim(update_id)
    if record is None:
        return 0
    update = db.session.get(Update, update_id)
    written = 0
    if update is not None and update.state is UpdateState.APPROVED:
        rendered = {}
        while batch := _batch(update, record.last_follower_id):
            moment = now_utc()
            links, emails = [], []
            for follower_id, hashed, address, language in batch:
                if language not in rendered:
                    rendered[language] = render_update(update, language)
                subject, body, headers = rendered[language]
                token, token_hash = new_token()
                links.append(
                    {
                        "token_hash": token_hash,
                        "follower_id": follower_id,
                        "purpose": LinkPurpose.MANAGE,
                        "created_at": moment,
                    }
                )
                emails.append(
                    {
                        "created_at": moment,
                        "template": "follow_update",
                        "recipient_hash": hashed,
                        "recipient": address,
                        "subject": subject,
                        "body": body.replace(SLOT, token),
                        "headers": json.dumps(headers).replace(SLOT, token),
                        "state": EmailState.QUEUED,
                        "attempts": 0,
                        "next_attempt_at": moment,
                    }
                )
            db.session.execute(sa.insert(FollowLink), links)
            ids = list(db.session.scalars(sa.insert(OutboxEmail).returning(OutboxEmail.id), emails))
            record.last_follower_id = batch[-1][0]
            db.session.commit()
            written += len(ids)
            queue = task_queue()
            for start in range(0, len(ids), DELIVERY_CHUNK):
                queue.enqueue_task(DELIVER_TASK, ids[start : start + DELIVERY_CHUNK])
    record.done_at = now_utc()
    db.session.commit()
    log.info("fan-out of update %s: %s email(s) written", update_id, written)
    return written


def deliver_chunk(email_ids: list[int]) -> int:
    """The worker's task: deliver each of these emails (claimed one by one); how many sent."""
    return sum(deliver(email_id) is EmailState.SENT for email_id in email_ids)


def sweep() -> int:
    """Enqueue fan-outs whose enqueue was lost or whose worker stopped; returns how many."""
    moment = now_utc()
    ids = list(
        db.session.scalars(
            sa.select(FanOut.update_id).where(
                FanOut.done_at.is_(None),
                sa.or_(
                    sa.and_(FanOut.claimed_at.is_(None), FanOut.created_at < moment - SWEEP_GRACE),
                    FanOut.claimed_at < moment - CLAIM_TIMEOUT,
                ),
            )
        )
    )
    queue = task_queue()
    for update_id in ids:
        queue.enqueue_task(TASK, update_id)
    return len(ids)


def purge_done(before) -> int:
    """Forget fan-outs finished before a moment."""
    result = db.session.execute(
        sa.delete(FanOut).where(FanOut.done_at < before),
        execution_options={"synchronize_session": False},
    )
    return result.rowcount or 0
