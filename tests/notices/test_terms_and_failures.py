"""Terms ending or ended, and email given up on: daily digests to the admins, each told once."""

from datetime import timedelta

import sqlalchemy as sa
from aiosmtpd.controller import Controller

from sro_board.core.clock import clock_set_to, today_local
from sro_board.core.extensions import db
from sro_board.mail.models import EmailState, OutboxEmail
from sro_board.mail.services import queue_email
from sro_board.notices.kinds import Kind
from sro_board.notices.models import NoticeEvent
from sro_board.notices.services import set_choices
from tests.board.applying import free_port
from tests.factories import make_user
from tests.notices.helpers import NEXT_MORNING, SEVEN, link, run_at, sent_to
from tests.oversight.factories import board_user, give_term


def test_admins_are_told_once_of_terms_ending_within_30_days_and_of_terms_ended(app):
    with clock_set_to(SEVEN):
        admin = make_user(["admin"], email="admin@example.org")
        chair = make_user(["chair"], email="chair@example.org")
        today = today_local()
        ending = board_user(email="ending@example.org", name="Erin Ending", term=False)
        give_term(ending, end=today + timedelta(days=20))
        ended = board_user(email="ended@example.org", name="Eddie Ended", term=False)
        give_term(ended, start=today - timedelta(days=400), end=today - timedelta(days=3))
        later = board_user(email="later@example.org", name="Lee Later", term=False)
        give_term(later, end=today + timedelta(days=32))
        resigned = board_user(email="gone@example.org", name="Gil Gone", term=False)
        give_term(resigned, end=today + timedelta(days=10), resigned_on=today)
    assert run_at(SEVEN) == 1
    (message,) = sent_to(admin.email)
    assert message.subject == "Board members' terms ending or ended"
    ending_part, ended_part = message.body.split("These terms have ended:")
    assert "These terms end within 30 days:\n- Erin Ending, on 22 December 2026" in ending_part
    assert "- Eddie Ended, on 29 November 2026" in ended_part
    assert "Lee Later" not in message.body  # 32 days away: not yet
    assert "Gil Gone" not in message.body  # staff recorded the resignation themselves
    assert link("/staff/board/members") in message.body
    assert sent_to(chair.email) == []  # terms are the admins' business

    assert run_at(NEXT_MORNING) == 0  # nothing new (Lee's term is 31 days away): not told again
    # A day later Lee's term is within 30 days: told once, alone.
    with clock_set_to(NEXT_MORNING + timedelta(days=1)):
        assert run_at(NEXT_MORNING + timedelta(days=1)) == 1
    assert "Lee Later" in sent_to(admin.email)[-1].body
    assert "Erin Ending" not in sent_to(admin.email)[-1].body


def test_terms_switched_off_are_not_sent(app):
    with clock_set_to(SEVEN):
        admin = make_user(["admin"], email="admin@example.org")
        member = board_user(email="ending@example.org", term=False)
        give_term(member, end=today_local() + timedelta(days=5))
        set_choices(admin, {Kind.DRAFTS_WAITING.value: True, Kind.EMAIL_FAILED.value: True})
        db.session.commit()
    assert run_at(SEVEN) == 0
    assert sent_to(admin.email) == []


class RefusingEveryone:
    """An SMTP server that has no such mailbox, for anyone."""

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        """Refuse the recipient for good (5xx)."""
        return "550 No such mailbox"


def kill_one_email(app, template="account_changed", recipient="gone@example.net") -> None:
    """Send one email to a server that refuses it for good: it is given up on (dead)."""
    controller = Controller(RefusingEveryone(), hostname="127.0.0.1", port=free_port())
    controller.start()
    backend = {k: app.config[k] for k in ("MAIL_BACKEND", "MAIL_SERVER", "MAIL_PORT")}
    try:
        app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
        queue_email(recipient, template, name="Gone", change="A change.")
        db.session.commit()
    finally:
        controller.stop()
        app.config.update(backend)


def test_admins_get_the_count_and_kinds_of_dead_email_never_an_address(app):
    with clock_set_to(SEVEN):
        admin = make_user(["admin"], email="admin@example.org")
        kill_one_email(app)
        kill_one_email(app)
    assert (
        db.session.scalar(sa.select(sa.func.count()).where(OutboxEmail.state == EmailState.DEAD))
        == 2
    )
    assert run_at(SEVEN) == 1
    (message,) = sent_to(admin.email)
    assert message.subject == "2 emails could not be sent"
    assert "- account changed: 2" in message.body  # as the outbox page names the kind
    assert link("/staff/email?state=dead") in message.body
    assert "gone@example.net" not in message.body + message.subject
    assert run_at(NEXT_MORNING) == 0  # told once


def test_a_failed_notice_about_failures_never_notifies_again(app):
    with clock_set_to(SEVEN):
        admin = make_user(["admin"], email="admin@example.org")
        kill_one_email(app)
    # The digest about it is refused too (the admin's mailbox is gone).
    controller = Controller(RefusingEveryone(), hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
        assert run_at(SEVEN) == 1
    finally:
        controller.stop()
    app.config.update(MAIL_BACKEND="memory")
    dead = db.session.scalars(
        sa.select(OutboxEmail.template).where(OutboxEmail.state == EmailState.DEAD)
    ).all()
    assert sorted(dead) == ["account_changed", "notice_email_failed"]
    events = db.session.scalars(sa.select(NoticeEvent.detail)).all()
    assert events == [{"template": "account_changed"}]  # the notice's own death is not one
    assert run_at(NEXT_MORNING) == 0
    assert sent_to(admin.email) == []


def test_a_dead_notice_of_another_kind_is_told(app):
    with clock_set_to(SEVEN):
        admin = make_user(["admin"], email="admin@example.org")
        kill_one_email(app, template="notice_drafts_waiting", recipient="chair@example.net")
    assert run_at(SEVEN) == 1
    assert "- notice drafts waiting: 1" in sent_to(admin.email)[0].body


def test_failures_switched_off_are_not_sent_and_the_digest_speaks_french(app):
    with clock_set_to(SEVEN):
        quiet = make_user(["admin"], email="quiet@example.org")
        french = make_user(["admin"], email="french@example.org", name="Dominique")
        french.language = "fr"
        set_choices(quiet, {Kind.DRAFTS_WAITING.value: True, Kind.TERMS.value: True})
        db.session.commit()
        kill_one_email(app)
    assert run_at(SEVEN) == 1
    assert sent_to(quiet.email) == []
    (message,) = sent_to(french.email)
    assert message.subject == "1 courriel n'a pas pu être envoyé"
    assert "Bonjour Dominique," in message.body
    assert link("/fr/staff/email?state=dead") in message.body
