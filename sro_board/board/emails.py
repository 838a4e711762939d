"""Email about an application, linked to it so that access requests and the purge find it."""

import sqlalchemy as sa
from flask import url_for

from ..core.extensions import db
from ..mail.models import OutboxEmail
from ..mail.services import queue_email
from .models import Application, ApplicationEmail


def email_about(application: Application, recipient: str, template: str, **context) -> OutboxEmail:
    """Queue templates/email/<template>.txt to recipient, about (and with) the application."""
    email = queue_email(recipient, template, application=application, **context)
    db.session.add(ApplicationEmail(application=application, email=email))
    return email


def applications_of(email_ids: list[int]) -> dict[int, tuple[str, str]]:
    """For the outbox page: the application each email is about, with its staff page."""
    rows = db.session.execute(
        sa.select(ApplicationEmail.email_id, ApplicationEmail.application_id).where(
            ApplicationEmail.email_id.in_(email_ids)
        )
    )
    return {
        email_id: ("application", url_for("board.application_detail", application_id=app_id))
        for email_id, app_id in rows
    }
