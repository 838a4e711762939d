"""L6: `flask board purge` deletes the records of sent and dead emails after MAIL_RETENTION_DAYS."""

from datetime import timedelta

import sqlalchemy as sa

from sro_board.board.models import ApplicationEmail
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from sro_board.mail.models import EmailState, OutboxEmail
from sro_board.mail.services import queue_email
from tests.board.factories import make_application, make_intake


def email_at(days_ago: int, state: EmailState) -> int:
    """An email queued (and delivered at once, memory backend) days ago, left in state."""
    with clock_set_to(now_utc() - timedelta(days=days_ago)):
        email = queue_email("x@example.net", "account_changed", name="X", change="Y")
        db.session.commit()
        assert email.state is EmailState.SENT
        if state is not EmailState.SENT:
            email.state = state  # an update: the worker is not told again
            db.session.commit()
    return email.id


def left() -> set[int]:
    """The ids of the emails left."""
    db.session.expire_all()
    return set(db.session.scalars(sa.select(OutboxEmail.id)))


def test_purge_deletes_old_sent_and_dead_email_records_only(app, runner):
    app.config["MAIL_RETENTION_DAYS"] = 30
    old_sent = email_at(31, EmailState.SENT)
    application = make_application(make_intake())
    db.session.add(ApplicationEmail(application_id=application.id, email_id=old_sent))
    email_at(45, EmailState.DEAD)
    recent = email_at(29, EmailState.SENT)  # within the period
    waiting = email_at(60, EmailState.QUEUED)  # still waiting: never deleted
    db.session.commit()
    everything = left()

    dry = runner.invoke(args=["board", "purge", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "Would delete 2 record(s) of emails sent or given up on more than 30 days ago" in (
        dry.output
    )
    assert left() == everything

    done = runner.invoke(args=["board", "purge"])
    assert done.exit_code == 0, done.output
    assert "Deleted 2 record(s) of emails" in done.output
    assert left() == {recent, waiting}
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ApplicationEmail)) == 0
    again = runner.invoke(args=["board", "purge"])
    assert "Deleted 0 record(s) of emails" in again.output
