"""Queueing email in the same transaction as the change that causes it; retry; retention."""

import json
from contextlib import nullcontext
from datetime import datetime

import sqlalchemy as sa
from flask import render_template
from flask_babel import force_locale

from ..core.clock import now_utc
from ..core.extensions import db
from ..security.crypto import keyed_hash
from .models import EmailState, OutboxEmail
from .queue import enqueue_after_commit


def recipient_hash(address: str) -> str:
    """The keyed hash stored in place of an address (lower-cased, trimmed)."""
    return keyed_hash(address.strip().lower())


def queue_email(
    recipient: str,
    template: str,
    *,
    language: str | None = None,
    headers: dict[str, str] | None = None,
    **context,
) -> OutboxEmail:
    """Render email/<template>.txt ('Subject: ...' first) into a row; enqueued at the commit.

    The email is written in `language` ("en" or "fr") when given, else in the request's.
    The first line's "Subject:" is a marker, never translated; what follows it is the subject.
    `headers` are extra headers (List-Unsubscribe), encrypted with the body until it is sent.
    """
    with force_locale(language) if language else nullcontext():
        text = render_template(f"email/{template}.txt", **context)
    first, _, body = text.partition("\n")
    email = OutboxEmail(
        template=template,
        recipient_hash=recipient_hash(recipient),
        recipient=recipient,
        subject=first.removeprefix("Subject:").strip(),
        body=body.lstrip("\n"),
        headers=json.dumps(headers) if headers else None,
        next_attempt_at=now_utc(),
    )
    db.session.add(email)
    return email


def requeue(email: OutboxEmail) -> None:
    """Put a dead email back in the queue for a fresh round of attempts (the caller audits)."""
    if email.state is not EmailState.DEAD:
        raise ValueError("only an email that was given up on can be retried")
    email.state = EmailState.QUEUED
    email.attempts = 0
    email.next_attempt_at = now_utc()
    email.finished_at = None
    email.claimed_at = None
    db.session.flush()
    enqueue_after_commit(email.id)


def _finished_before(before: datetime) -> tuple:
    return (
        OutboxEmail.state.in_([EmailState.SENT, EmailState.DEAD]),
        OutboxEmail.finished_at < before,
    )


def purge_finished(before: datetime, dry_run: bool = False) -> int:
    """Delete (or count) sent and dead emails finished before a moment; returns how many."""
    if dry_run:
        query = sa.select(sa.func.count()).select_from(OutboxEmail)
        return db.session.scalar(query.where(*_finished_before(before))) or 0
    result = db.session.execute(
        sa.delete(OutboxEmail).where(*_finished_before(before)),
        execution_options={"synchronize_session": False},
    )
    return result.rowcount or 0
