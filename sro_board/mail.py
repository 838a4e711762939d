"""Email: queued in the outbox table with the change that causes it, delivered after commit.

MAIL_BACKEND=smtp sends through MAIL_SERVER:MAIL_PORT; MAIL_BACKEND=outbox (the demo default)
only keeps the messages for the admin outbox page. A failed delivery stays undelivered and is
retried by `flask board send-mail`.
"""

import logging
import smtplib
from email.message import EmailMessage

import sqlalchemy as sa
from flask import Flask, current_app, g, render_template

from .board.models import OutboxEmail
from .extensions import db

log = logging.getLogger(__name__)


def queue_email(recipient: str, template: str, application_id: int | None = None, **context):
    """Render templates/email/<template>.txt (first line 'Subject: ...') and queue it."""
    text = render_template(f"email/{template}.txt", **context)
    first, _, body = text.partition("\n")
    subject = first.removeprefix("Subject:").strip()
    email = OutboxEmail(
        recipient=recipient,
        subject=subject,
        body=body.lstrip("\n"),
        application_id=application_id,
    )
    db.session.add(email)
    g.mail_queued = True
    return email


def deliver_pending() -> int:
    """Send every undelivered email (SMTP backend); returns how many were sent."""
    if current_app.config["MAIL_BACKEND"] != "smtp":
        return 0
    pending = db.session.scalars(
        sa.select(OutboxEmail).where(OutboxEmail.delivered.is_(False)).order_by(OutboxEmail.id)
    ).all()
    sent = 0
    for email in pending:
        try:
            _send(email)
        except (OSError, smtplib.SMTPException) as error:
            log.warning("email %s not delivered: %s", email.id, type(error).__name__)
            continue
        email.delivered = True
        db.session.commit()
        sent += 1
    return sent


def _send(email: OutboxEmail) -> None:
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = email.recipient
    message["Subject"] = email.subject
    message.set_content(email.body)
    smtp_class = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    with smtp_class(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)


def register(app: Flask) -> None:
    """Deliver queued email after each request that queued some (after the view committed)."""

    @app.after_request
    def _deliver(response):
        if g.pop("mail_queued", False) and response.status_code < 400:
            deliver_pending()
        return response
