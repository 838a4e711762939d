"""Queueing email in the same transaction as the change that causes it."""

from flask import g, render_template

from ..core.extensions import db
from .models import OutboxEmail


def queue_email(recipient: str, template: str, **context) -> OutboxEmail:
    """Render templates/email/<template>.txt (first line 'Subject: ...') and queue it."""
    text = render_template(f"email/{template}.txt", **context)
    first, _, body = text.partition("\n")
    subject = first.removeprefix("Subject:").strip()
    email = OutboxEmail(recipient=recipient, subject=subject, body=body.lstrip("\n"))
    db.session.add(email)
    g.mail_queued = True
    return email
