"""`flask sample load` leaves no email waiting: `make run` prints only the email of what you do."""

import sqlalchemy as sa

from sro_board.core.extensions import db
from sro_board.mail.models import EmailState, OutboxEmail
from tests.board.applying import outbox


def test_the_sample_history_email_counts_as_sent_and_keeps_no_content(app, runner):
    result = runner.invoke(args=["sample", "load"])
    assert result.exit_code == 0, result.output
    emails = db.session.scalars(sa.select(OutboxEmail)).all()
    assert emails, "the sample's applicants were emailed at each stage"
    assert {e.state for e in emails} == {EmailState.SENT}
    assert all(e.recipient is None and e.subject is None and e.body is None for e in emails)
    assert outbox() == []  # nothing was handed to the delivery backend either
