"""Delivering queued email in the worker: claim one row, send it, record the outcome.

A worker claims an email with one conditional UPDATE (state queued -> sending); the database
lets only one of two workers change the row, so a message is never sent twice. A failure is
retried with exponential back-off (MAIL_RETRY_SECONDS, doubling) until MAIL_MAX_ATTEMPTS,
then the email is dead: kept (encrypted) for an admin to retry. A sent email keeps no
recipient, subject or body. Log lines name the email id and the kind of error only.
"""

import json
import logging
import smtplib
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from ..core.clock import now_utc
from ..core.extensions import db
from . import backends
from .models import EmailState, OutboxEmail
from .queue import task_queue
from .signals import email_given_up

log = logging.getLogger(__name__)
# The sweep leaves alone what was due only moments ago: its enqueue is normally on its way.
SWEEP_GRACE_SECONDS = 30


def claim(email_id: int) -> bool:
    """Take the email for this worker if it is queued and due; True when this worker has it."""
    moment = now_utc()
    result = db.session.execute(
        sa.update(OutboxEmail)
        .where(
            OutboxEmail.id == email_id,
            OutboxEmail.state == EmailState.QUEUED,
            OutboxEmail.next_attempt_at <= moment,
        )
        .values(state=EmailState.SENDING, claimed_at=moment, attempts=OutboxEmail.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def deliver(email_id: int) -> EmailState | None:
    """Deliver one email if this worker can claim it; its new state, or None if not claimed."""
    if not claim(email_id):
        return None
    email = db.session.get(OutboxEmail, email_id)
    headers = tuple(json.loads(email.headers).items()) if email.headers else ()
    message = backends.Message(email.id, email.recipient, email.subject, email.body, headers)
    try:
        backends.send(message)
    except smtplib.SMTPRecipientsRefused as error:  # 5xx: the address will never take it
        code = min(code for code, _ in error.recipients.values())
        return _failed(email, f"SMTP {code}", permanent=code >= 500)
    except smtplib.SMTPResponseException as error:
        return _failed(email, f"SMTP {error.smtp_code}", permanent=error.smtp_code >= 500)
    except (OSError, smtplib.SMTPException) as error:
        return _failed(email, type(error).__name__)
    email.state = EmailState.SENT
    email.finished_at = now_utc()
    email.recipient = email.subject = email.body = email.headers = None
    email.last_error = None
    db.session.commit()
    log.info("email %s sent (attempt %s)", email_id, email.attempts)
    return EmailState.SENT


def _failed(email: OutboxEmail, kind: str, permanent: bool = False) -> EmailState:
    config = current_app.config
    email.last_error = kind[:60]
    if permanent or email.attempts >= config["MAIL_MAX_ATTEMPTS"]:
        email.state = EmailState.DEAD
        email.finished_at = now_utc()
        email_given_up.send(email)
        db.session.commit()
        log.warning("email %s dead after %s attempt(s): %s", email.id, email.attempts, kind)
        return EmailState.DEAD
    delay = config["MAIL_RETRY_SECONDS"] * 2 ** (email.attempts - 1)
    email.state = EmailState.QUEUED
    email.next_attempt_at = now_utc() + timedelta(seconds=delay)
    db.session.commit()
    log.warning("email %s not delivered (%s); retry in %s s", email.id, kind, delay)
    task_queue().enqueue(email.id, delay=delay)
    return EmailState.QUEUED


def release_stale_claims() -> int:
    """Put back emails whose worker stopped while sending (claimed too long ago)."""
    stale = now_utc() - timedelta(seconds=current_app.config["MAIL_CLAIM_TIMEOUT_SECONDS"])
    result = db.session.execute(
        sa.update(OutboxEmail)
        .where(OutboxEmail.state == EmailState.SENDING, OutboxEmail.claimed_at < stale)
        .values(state=EmailState.QUEUED)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount or 0


def due(grace_seconds: int = 0, limit: int = 500) -> list[int]:
    """Ids of queued emails due for grace_seconds already, oldest first."""
    moment = now_utc() - timedelta(seconds=grace_seconds)
    return list(
        db.session.scalars(
            sa.select(OutboxEmail.id)
            .where(OutboxEmail.state == EmailState.QUEUED, OutboxEmail.next_attempt_at <= moment)
            .order_by(OutboxEmail.next_attempt_at, OutboxEmail.id)
            .limit(limit)
        )
    )


def sweep() -> int:
    """The worker's periodic pass: release stale claims, enqueue every due email again."""
    release_stale_claims()
    ids = due(grace_seconds=SWEEP_GRACE_SECONDS)
    queue = task_queue()
    for email_id in ids:
        queue.enqueue(email_id)
    return len(ids)


def deliver_due() -> int:
    """Deliver every due email in this process (`flask mail send`); returns how many were sent."""
    return sum(deliver(email_id) is EmailState.SENT for email_id in due())


def waiting() -> int:
    """How many emails are queued or being sent."""
    query = sa.select(sa.func.count()).where(
        OutboxEmail.state.in_([EmailState.QUEUED, EmailState.SENDING])
    )
    return db.session.scalar(query) or 0
