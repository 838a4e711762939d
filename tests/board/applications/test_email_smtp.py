"""Email through a real SMTP server on loopback, delivery failures, and no personal data in logs."""

import logging
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board import create_app
from sro_board.board.enums import Category
from sro_board.board.stages import Stage
from sro_board.board.transitions import move_to
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from sro_board.mail.models import EmailState, OutboxEmail
from tests.board.applying import (  # noqa: F401 - fixtures: app_mailing_the_mailbox, loopback_mailbox
    PARENT,
    PEOPLE,
    STUDENT_15,
    TEACHER,
    app_mailing_the_mailbox,
    apply,
    free_port,
    link_path,
    loopback_mailbox,
    open_intake,
    personal_values,
    smtp_server,
    smtp_settings,
    submit,
)
from tests.factories import fresh_app
from tests.pages import text


def undelivered() -> int:
    """Emails not sent (yet)."""
    db.session.expire_all()
    query = sa.select(sa.func.count()).where(OutboxEmail.state != EmailState.SENT)
    return db.session.scalar(query)


def test_the_confirmation_email_arrives_through_smtp(client, mailbox):
    apply(client, open_intake(), PARENT)
    (message,) = mailbox.messages
    assert message["To"] == PARENT["email"]
    assert message["X-Envelope-To"] == PARENT["email"]
    assert message["From"] == "SRO advisory board <no-reply@example.org>"
    reference = re.search(r"BRD-[A-Z0-9]{4}-[A-Z0-9]{4}", message["Subject"]).group(0)
    body = message.get_content()
    assert f"Your reference: {reference}" in body
    assert client.get(link_path(body, "status")).status_code == 200
    assert link_path(body, "status").startswith("/advisory-board/status/")
    assert "http://127.0.0.1:5000/advisory-board/status/" in body  # PUBLIC_BASE_URL
    assert undelivered() == 0


def test_non_ascii_names_survive_the_trip(client, mailbox):
    apply(client, open_intake(), PARENT, name="Zoë Nguyễn-Tremblay")
    assert "Hello Zoë Nguyễn-Tremblay," in mailbox.body(PARENT["email"])


STAGE_EMAILS = [
    ([Stage.IN_REVIEW, Stage.SHORTLISTED], "on the shortlist", "You are on the advisory board"),
    ([Stage.IN_REVIEW, Stage.SHORTLISTED, Stage.INTERVIEW], "Video call", "An invitation to talk"),
    ([Stage.IN_REVIEW, Stage.SHORTLISTED, Stage.OFFERED], "24 months", "An offer of a seat"),
    (
        [Stage.IN_REVIEW, Stage.SHORTLISTED, Stage.OFFERED, Stage.ACCEPTED],
        "Welcome!",
        "Welcome to the advisory board",
    ),
    (
        [Stage.IN_REVIEW, Stage.SHORTLISTED, Stage.OFFERED, Stage.DECLINED],
        "declined the offer",
        "We have recorded your answer",
    ),
    ([Stage.IN_REVIEW, Stage.WAITLISTED], "waiting list", "on the advisory board waiting list"),
    ([Stage.IN_REVIEW, Stage.NOT_SELECTED], "not able to offer you a seat", "The outcome of"),
]


@pytest.mark.parametrize(
    ("stages", "words", "subject"),
    STAGE_EMAILS,
    ids=[case[0][-1].value for case in STAGE_EMAILS],
)
def test_applicant_facing_stages_send_their_email(runner, mailbox, stages, words, subject):
    application = submit(open_intake(), Category.STAFF).application
    application.interview_at = now_utc()
    application.interview_format = "Video call"
    for stage in stages:
        move_to(application, stage, None, "Decided by the panel.")
    db.session.commit()
    result = runner.invoke(args=["mail", "send"])
    assert result.exit_code == 0, result.output
    assert "Sent" in result.output
    message = mailbox.to(application.email)[-1]
    assert subject in message["Subject"]
    assert application.reference in message["Subject"]
    assert words in message.get_content()
    assert "Decided by the panel." not in message.get_content()  # internal reasons stay inside
    assert undelivered() == 0


def test_an_smtp_failure_keeps_the_application_and_the_email_for_later(caplog):
    port = free_port()  # nothing listens here yet
    with fresh_app(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=port) as app:
        client, runner = app.test_client(), app.test_cli_runner()
        response = apply(client, open_intake(), PARENT)
        assert response.status_code == 201
        assert undelivered() == 1
        assert "not delivered (ConnectionRefusedError); retry in 60 s" in caplog.text

        early = runner.invoke(args=["mail", "send"])  # the back-off has not passed
        assert early.exit_code == 1
        assert "Sent 0 email(s)." in early.output
        assert "1 email(s) still wait" in early.output

        with smtp_server(port) as mailbox, clock_set_to(now_utc() + timedelta(seconds=61)):
            sent = runner.invoke(args=["mail", "send"])
            assert sent.exit_code == 0, sent.output
            assert "Sent 1 email(s)." in sent.output
            assert len(mailbox.to(PARENT["email"])) == 1
        assert undelivered() == 0


def test_an_unknown_mail_backend_is_refused_at_start():
    with pytest.raises(ValueError, match="MAIL_BACKEND must be one of smtp, console, memory"):
        create_app("testing", MAIL_BACKEND="outbox")


# Logs -----------------------------------------------------------------------------------------

# Loggers that are not the app's: aiosmtpd logs the SMTP conversation of the test server, and
# SQLAlchemy echoes statements with their parameters once the root logger is at DEBUG (it is
# silent at the default WARNING level, and the app never turns it on).
NOT_THE_APP = ("mail.log", "sqlalchemy")


def test_no_personal_data_reaches_a_log_line(app, caplog, client, mailbox):
    app.config["APPLY_RATE_LIMIT"] = "100 per hour"
    caplog.set_level(logging.DEBUG)
    intake = open_intake()

    # A parent, a 15-year-old whose guardian confirms, and a teacher apply.
    for person in PEOPLE.values():
        assert apply(client, intake, person).status_code == 201
    consent = link_path(mailbox.body(STUDENT_15["guardian_email"]), "consent")
    client.get(consent)
    client.post(consent, data={"agree": "y", "confirm": "Give consent"})
    client.get(consent)  # used

    # Bad input, a duplicate, the honeypot.
    apply(client, intake, PARENT, email="broken@")
    apply(client, intake, TEACHER | {"email": PARENT["email"]})
    apply(client, intake, PARENT, website="spam")

    # The teacher uses their status link: looks, changes details, withdraws.
    status = link_path(mailbox.body(TEACHER["email"]), "status")
    client.get(status)
    client.post(status + "/contact", data={"email": "m.lisgarde@example.com", "phone": "1"})
    client.post(status + "/contact", data={"email": TEACHER["email"], "phone": "403-555-0190"})
    client.post(status + "/withdraw", data={"confirm": "y"})
    client.post("/advisory-board/new-status-link", data={"email": PARENT["email"]})

    records = [r for r in caplog.records if not r.name.startswith(NOT_THE_APP)]
    assert any(r.name.startswith("sro_board") for r in records)
    logged = "\n".join(
        f"{r.getMessage()} {r.exc_text or ''} {sorted(map(str, vars(r).values()))}" for r in records
    ).lower()
    secrets_ = [v for p in PEOPLE.values() for v in personal_values(p)]
    secrets_ += ["403-555-0190", "m.lisgarde@example.com"]
    leaked = [value for value in secrets_ if value.lower() in logged]
    assert not leaked, leaked
    # Nor do private tokens.
    assert not re.search(r"/advisory-board/(status|consent)/[A-Za-z0-9_-]{43}", logged)
    assert "Thank you" in text(client.get("/advisory-board/applied"))
