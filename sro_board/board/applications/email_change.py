"""A new contact email, confirmed by a link sent to it before it replaces the old one.

Until the applicant follows the link (within EMAIL_CHANGE_HOURS), the application keeps its old
address; the old address is told that a change was asked for. Only the link's hash is stored.
"""

from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from ...audit.actors import SystemActor
from ...audit.services import record
from ...core.clock import now_utc
from ...core.extensions import db
from ...security.tokens import new_token, token_hash_or_none
from ..emails import email_about, page_url
from ..errors import BoardError, DuplicateApplication
from ..models import Application
from ..stages import STAGE_TRANSITIONS
from .services import DUPLICATE_CONTACT_MESSAGE, email_taken

EMAIL_PENDING = "email_pending"  # in update_contact's answer: a new email waits for its link


def request_email_change(application: Application, new_email: str) -> None:
    """Keep the new address aside and email it a confirmation link; tell the old address."""
    token, application.pending_email_token_hash = new_token()
    application.pending_email = new_email
    hours = current_app.config["EMAIL_CHANGE_HOURS"]
    application.pending_email_expires_at = now_utc() + timedelta(hours=hours)
    record(
        SystemActor.STATUS_LINK,
        "application.email_change_requested",
        "application",
        application.reference,
        f"{application.reference}: applicant asked to change the email; link sent to it",
    )
    email_about(
        application,
        new_email,
        "confirm_email",
        confirm_url=page_url(application.language, "board.confirm_email", token=token),
        hours=hours,
    )
    email_about(application, application.email, "email_change_requested")


def find_email_change(token: str) -> Application | None:
    """The application with a pending email change for this link, while the link works."""
    token_hash = token_hash_or_none(token)
    if token_hash is None:
        return None
    return db.session.scalar(
        sa.select(Application).where(
            Application.pending_email_token_hash == token_hash,
            Application.pending_email_expires_at > now_utc(),
            Application.purged_at.is_(None),
        )
    )


def confirm_email_change(application: Application) -> None:
    """The new address followed its link: it becomes the application's email."""
    new_email, old_email = application.pending_email, application.email
    application.pending_email = None
    application.pending_email_token_hash = None
    application.pending_email_expires_at = None
    if not STAGE_TRANSITIONS[application.stage]:
        raise BoardError(_("This application is closed, so its contact details cannot change."))
    if email_taken(application.intake_id, new_email, exclude_id=application.id):
        raise DuplicateApplication(str(DUPLICATE_CONTACT_MESSAGE))
    application.email = new_email
    record(
        SystemActor.STATUS_LINK,
        "application.contact",
        "application",
        application.reference,
        f"{application.reference}: applicant confirmed a new email",
        after={"changed": ["email"]},
    )
    for recipient in dict.fromkeys([old_email, new_email]):
        email_about(application, recipient, "contact_updated", changed=["email"])
    db.session.flush()
