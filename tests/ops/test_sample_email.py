"""`flask sample load` leaves no email waiting: `make run` prints only the email of what you do,
and its worker has no fan-out of the sample's past updates to go through."""

import sqlalchemy as sa

from sro_board.core.extensions import db
from sro_board.follow import fanout
from sro_board.follow.models import FanOut
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


def test_the_sample_history_leaves_no_fan_out_to_do(app, runner):
    result = runner.invoke(args=["sample", "load"])
    assert result.exit_code == 0, result.output
    fan_outs = db.session.scalars(sa.select(FanOut)).all()
    assert fan_outs, "each approved sample update recorded its fan-out"
    assert all(f.done_at == f.created_at for f in fan_outs)
    assert fanout.fan_out(fan_outs[0].update_id) == 0  # the worker's task finds nothing to do
