"""Each person's choices (audited), the events digests tell of, and the reviewer's email."""

import logging
from typing import Any

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _

from ..audit.services import record
from ..auth.models import User
from ..board.models import Application, Intake
from ..board.review.access import reviewable_by
from ..core.extensions import db
from ..core.urls import public_url
from ..mail.models import OutboxEmail
from ..mail.services import queue_email
from .kinds import Kind, kinds_for
from .models import NoticeEvent, NoticePreference

log = logging.getLogger(__name__)
# The template of the digest about failed email: its own failure is never told (no loop).
FAILED_TEMPLATE = f"notice_{Kind.EMAIL_FAILED.value}"


class NoticeError(ValueError):
    """A refused change of one's choices; the message is shown."""


def choices(user: User) -> dict[Kind, bool]:
    """The user's choice for each kind that applies to them (on unless switched off)."""
    stored = dict(
        db.session.execute(
            sa.select(NoticePreference.kind, NoticePreference.enabled).where(
                NoticePreference.user_id == user.id
            )
        ).all()
    )
    return {kind: stored.get(kind.value, True) for kind in kinds_for(user)}


def wants(user: User, kind: Kind) -> bool:
    """True when the kind applies to the user and they have not switched it off."""
    return choices(user).get(kind, False)


def set_choices(user: User, wanted: dict[str, bool]) -> bool:
    """Save one's own choices for the kinds that apply (audited); True when something changed."""
    before = choices(user)
    if not before:
        raise NoticeError(_("No staff notifications apply to your roles."))
    after = {kind: bool(wanted.get(kind.value, False)) for kind in before}
    if after == before:
        return False
    for kind, enabled in after.items():
        row = db.session.get(NoticePreference, (user.id, kind.value))
        if row is None:
            db.session.add(NoticePreference(user_id=user.id, kind=kind.value, enabled=enabled))
        elif row.enabled != enabled:
            row.enabled = enabled
    record(
        user,
        "user.notices_changed",
        "user",
        user.id,
        "Changed own staff notifications",
        before={kind.value: on for kind, on in before.items()},
        after={kind.value: on for kind, on in after.items()},
    )
    db.session.flush()
    return True


# Events the digests tell of ---------------------------------------------------------------


def add_event(kind: str, key: str, **detail: Any) -> bool:
    """Note an event once (a second one with the same kind and key is ignored); True if new."""
    exists = sa.select(NoticeEvent.id).where(NoticeEvent.kind == kind, NoticeEvent.key == key)
    if db.session.scalar(exists) is not None:
        return False
    try:
        with db.session.begin_nested():
            db.session.add(NoticeEvent(kind=kind, key=key, detail=detail))
    except sa.exc.IntegrityError:  # another worker noted it meanwhile
        return False
    return True


def note_dead_email(email: OutboxEmail) -> None:
    """An email was given up on: tell the admins in their next digest (never of this digest)."""
    if email.template == FAILED_TEMPLATE:
        return
    moment = email.finished_at.timestamp() if email.finished_at else 0
    key = f"{email.id}:{email.attempts}:{int(moment)}"
    detail = {"template": email.template}
    db.session.add(NoticeEvent(kind=Kind.EMAIL_FAILED.value, key=key, detail=detail))


# Reviewer assigned --------------------------------------------------------------------------


def footer_link(language: str) -> str:
    """The settings page, in the email's language (each email's footer links to it)."""
    return public_url("notices.settings", _language=language)


def tell_reviewer(intake: Intake, user: User) -> bool:
    """Queue the reviewer's email about their assignment, in the assigning transaction.

    The outbox row commits with the assignment (a rolled-back one sends nothing) and the
    worker delivers it; the email names the intake and how many applications wait in the
    reviewer's queue, never an applicant. True if queued.
    """
    if not user.active or not wants(user, Kind.REVIEWER_ASSIGNED):
        return False
    language = user.email_language()
    waiting = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Application)
        .where(Application.intake_id == intake.id, reviewable_by(user))
    )
    with force_locale(language):
        title = intake.public("title")
    queue_email(
        user.email,
        f"notice_{Kind.REVIEWER_ASSIGNED.value}",
        language=language,
        name=user.name,
        intake_title=title,
        waiting=waiting or 0,
        link=public_url("board.review_queue", _language=language),
        settings_link=footer_link(language),
    )
    return True
