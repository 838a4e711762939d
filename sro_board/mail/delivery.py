"""Delivering queued email over SMTP, after the request that queued it has committed."""

import logging
import smtplib
from email.message import EmailMessage

import sqlalchemy as sa
from flask import Flask, Response, current_app, g

from ..core.extensions import db
from .models import OutboxEmail

log = logging.getLogger(__name__)


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


def undelivered() -> int:
    """How many emails wait for delivery."""
    query = sa.select(sa.func.count()).where(OutboxEmail.delivered.is_(False))
    return db.session.scalar(query) or 0


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


def deliver_after_response() -> None:
    """Deliver this request's email once the response has gone (equal response times)."""
    g.mail_after_response = True


def register(app: Flask) -> None:
    """The one delivery hook: after each request that queued email (the view has committed)."""

    @app.after_request
    def _deliver(response: Response) -> Response:
        queued = g.pop("mail_queued", False)
        later = g.pop("mail_after_response", False)
        if not queued or response.status_code >= 400:
            return response
        if later:
            app_object = current_app._get_current_object()

            def _deliver_later() -> None:
                with app_object.app_context():
                    deliver_pending()

            response.call_on_close(_deliver_later)
        else:
            deliver_pending()
        return response
