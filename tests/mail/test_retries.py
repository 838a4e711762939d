"""Failed deliveries: back-off, the dead letter after MAIL_MAX_ATTEMPTS, the admin's retry."""

from datetime import timedelta

import sqlalchemy as sa
from aiosmtpd.controller import Controller

from sro_board.audit.models import AuditEntry
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from sro_board.mail.delivery import claim, deliver_due
from sro_board.mail.models import EmailState, OutboxEmail
from sro_board.mail.services import queue_email
from tests.board.applying import free_port, smtp_server


def one_email() -> OutboxEmail:
    """The only email, freshly read."""
    db.session.expire_all()
    return db.session.scalars(sa.select(OutboxEmail)).one()


def test_failures_back_off_then_the_email_is_dead_and_an_admin_retries_it(app, admin_client):
    port = free_port()  # nothing listens: every attempt fails
    app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    app.config.update(MAIL_MAX_ATTEMPTS=3, MAIL_RETRY_SECONDS=60)
    start = now_utc()
    with clock_set_to(start):
        queue_email("someone@example.net", "account_changed", name="Someone", change="A change.")
        db.session.commit()  # attempt 1, at once
    email = one_email()
    assert (email.state, email.attempts, email.last_error) == (
        EmailState.QUEUED,
        1,
        "ConnectionRefusedError",
    )
    assert email.next_attempt_at == start + timedelta(seconds=60)
    with clock_set_to(start + timedelta(seconds=59)):
        assert deliver_due() == 0
        assert one_email().attempts == 1  # not due yet
    with clock_set_to(start + timedelta(seconds=60)):
        deliver_due()  # attempt 2; the next waits twice as long
    assert one_email().next_attempt_at == start + timedelta(seconds=60 + 120)
    with clock_set_to(start + timedelta(seconds=180)):
        deliver_due()  # attempt 3 of 3
    email = one_email()
    assert (email.state, email.attempts) == (EmailState.DEAD, 3)
    assert email.body is not None  # kept, encrypted, for a retry

    page = admin_client.get("/staff/email?state=dead").get_data(as_text=True)
    assert "account changed" in page
    assert "ConnectionRefusedError" in page
    assert f'action="/staff/email/{email.id}/retry"' in page
    assert "someone@example.net" not in page
    assert "A change." not in page

    with smtp_server(port) as mailbox:
        response = admin_client.post(f"/staff/email/{email.id}/retry")
        assert response.status_code == 302
        assert len(mailbox.to("someone@example.net")) == 1  # queued again, and sent
    email = one_email()
    assert (email.state, email.attempts, email.body) == (EmailState.SENT, 1, None)
    entry = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "email.retry")
    ).one()
    assert entry.entity_id == str(email.id)
    assert entry.before == {"state": "dead", "attempts": 3}
    # Only a dead email can be retried: a second press says so and changes nothing.
    again = admin_client.post(f"/staff/email/{email.id}/retry", follow_redirects=True)
    assert "only a dead one can be retried" in again.get_data(as_text=True)
    assert one_email().state is EmailState.SENT


class RefusingEveryone:
    """An SMTP server that has no such mailbox, for anyone."""

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        """Refuse the recipient for good (5xx)."""
        return "550 No such mailbox"


def test_a_permanent_refusal_makes_the_email_dead_at_once(app):
    controller = Controller(RefusingEveryone(), hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
        queue_email("gone@example.net", "account_changed", name="Gone", change="A change.")
        db.session.commit()
    finally:
        controller.stop()
    email = one_email()
    assert (email.state, email.attempts, email.last_error) == (EmailState.DEAD, 1, "SMTP 550")


def test_only_one_claim_of_an_email_succeeds(app):
    app.config["TASK_QUEUE_URL"] = "immediate"
    email = queue_email("x@example.net", "account_changed", name="X", change="Y")
    email.state = EmailState.DEAD  # written without delivery
    db.session.commit()
    email.state = EmailState.QUEUED
    db.session.commit()  # an update: nothing enqueued
    assert claim(email.id) is True
    assert claim(email.id) is False
    assert one_email().state is EmailState.SENDING
