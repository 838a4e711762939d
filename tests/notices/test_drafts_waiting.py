"""Drafts waiting: a daily digest to approvers (chairs and admins) and to the board chair."""

from datetime import UTC, datetime

import sqlalchemy as sa

from sro_board.core.clock import clock_set_to
from sro_board.core.extensions import db
from sro_board.mail.queue import task_queue
from sro_board.notices.kinds import Kind
from sro_board.notices.models import NoticeSent
from sro_board.notices.services import set_choices
from sro_board.recommendations.enums import UpdateState
from sro_board.recommendations.models import Update
from tests.factories import make_rec, make_user
from tests.notices.helpers import (
    AFTERNOON,
    DAWN,
    EVENING,
    EVENING_BEFORE,
    NEXT_MORNING,
    SEVEN,
    link,
    run_at,
    sent_to,
)
from tests.oversight.factories import board_user, submitted
from tests.recommendations.factories import draft


def a_pending_update(code="R-07"):
    """A member's draft update of a new recommendation, waiting for approval."""
    member = make_user(["member"], email=f"member-{code.lower()}@example.org")
    rec = make_rec(code, title="Train every school's staff")
    return draft(rec, member, public_note="Planning has started.", status="planning")


def test_a_chair_and_an_admin_are_told_once_a_day_from_seven_in_edmonton(app):
    with clock_set_to(EVENING_BEFORE):
        chair = make_user(["chair"], email="chair@example.org", name="Casey Chair")
        admin = make_user(["admin"], email="admin@example.org", name="Ada Admin")
        a_pending_update()
    # 02:30 UTC on 2 December is still 1 December in Edmonton, after 7 a.m.: sent for that day.
    assert run_at(EVENING_BEFORE) == 2
    (message,) = sent_to(chair.email)
    assert message.subject == "Waiting for your approval"
    assert "Hello Casey Chair," in message.body
    assert "1 update waits for your approval:" in message.body
    assert "- R-07 Train every school's staff (1 December 2026)" in message.body
    assert link("/staff/updates") in message.body
    assert "Choose which notifications you get: " + link("/account/notifications") in message.body
    assert "assessment" not in message.body  # a chair approves no assessments
    assert len(sent_to(admin.email)) == 1

    assert run_at(DAWN) == 0  # 06:30 on 2 December: too early
    assert run_at(SEVEN) == 2  # 07:00: the day's digest
    assert run_at(SEVEN) == 0  # a second pass (another worker, a restart): not again
    assert run_at(AFTERNOON) == 0  # 23:30 UTC: 16:30 the same day
    assert run_at(EVENING) == 0  # 02:30 UTC on 3 December: still 2 December here
    assert len(sent_to(chair.email)) == 2
    days = db.session.scalars(
        sa.select(NoticeSent.day).where(NoticeSent.user_id == chair.id).order_by(NoticeSent.day)
    ).all()
    assert [d.isoformat() for d in days] == ["2026-12-01", "2026-12-02"]
    assert run_at(NEXT_MORNING) == 2
    assert len(sent_to(chair.email)) == 3


def test_a_missed_hour_is_caught_up_later_the_same_day(app):
    with clock_set_to(SEVEN):
        chair = make_user(["chair"], email="chair@example.org")
        a_pending_update()
    assert run_at(AFTERNOON) == 1  # the worker was down from 07:00 to 16:30
    assert len(sent_to(chair.email)) == 1


def test_summer_time_moves_seven_oclock_to_13_utc(app):
    with clock_set_to(datetime(2027, 7, 6, 12, 0, tzinfo=UTC)):
        chair = make_user(["chair"], email="chair@example.org")
        a_pending_update()
    assert run_at(datetime(2027, 7, 6, 12, 59, tzinfo=UTC)) == 0  # 06:59 MDT
    assert run_at(datetime(2027, 7, 6, 13, 0, tzinfo=UTC)) == 1  # 07:00 MDT
    assert len(sent_to(chair.email)) == 1


def test_nothing_waiting_sends_nothing(app):
    with clock_set_to(SEVEN):
        chair = make_user(["chair"], email="chair@example.org")
        admin = make_user(["admin"], email="admin@example.org")
    assert run_at(SEVEN) == 0
    assert sent_to(chair.email) == sent_to(admin.email) == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(NoticeSent)) == 0


def test_switched_off_it_is_not_sent(app):
    with clock_set_to(SEVEN):
        chair = make_user(["chair"], email="chair@example.org")
        admin = make_user(["admin"], email="admin@example.org")
        a_pending_update()
        set_choices(chair, {Kind.DRAFTS_WAITING.value: False})
        db.session.commit()
    assert run_at(SEVEN) == 1
    assert sent_to(chair.email) == []
    assert len(sent_to(admin.email)) == 1


def test_the_digest_is_in_the_persons_language(app):
    with clock_set_to(SEVEN):
        chair = make_user(["chair"], email="chair@example.org", name="Claude")
        chair.language = "fr"
        db.session.commit()
        a_pending_update()
    run_at(SEVEN)
    (message,) = sent_to(chair.email)
    assert message.subject == "En attente de votre approbation"
    assert "Bonjour Claude," in message.body
    assert link("/fr/staff/updates") in message.body
    assert link("/fr/account/notifications") in message.body
    assert "2 décembre 2026" in message.body


def test_an_update_the_approver_may_not_approve_is_not_listed(app):
    with clock_set_to(SEVEN):
        chair = make_user(["chair"], email="chair@example.org")
        rec = make_rec("R-09")
        # The chair's own update closing a recommendation needs another person's sign-off.
        closing = {"status": {"old": "in_progress", "new": "implemented"}}
        db.session.add(
            Update(
                recommendation_id=rec.id,
                author_id=chair.id,
                state=UpdateState.PENDING,
                changes=closing,
                based_on_version=rec.version,
            )
        )
        db.session.commit()
    assert run_at(SEVEN) == 0
    assert sent_to(chair.email) == []


def test_the_board_chair_is_told_of_submitted_assessments(app):
    with clock_set_to(SEVEN):
        board_chair = board_user("board_chair", email="bchair@example.org", name="Bo Chair")
        drafter = board_user("board_member", email="bmember@example.org", name="Mo Member")
        rec = make_rec("R-11", title="Publish the review")
        submitted(rec, drafter)
    assert run_at(SEVEN) == 1
    (message,) = sent_to(board_chair.email)
    assert "1 assessment waits for your approval:" in message.body
    assert "- R-11 Publish the review (2 December 2026)" in message.body
    assert link("/board/home") in message.body
    assert "update" not in message.body.split("--")[0]
    assert sent_to(drafter.email) == []  # a board member approves nothing


def test_the_command_sends_what_is_due(app, runner):
    with clock_set_to(SEVEN):
        chair = make_user(["chair"], email="chair@example.org")
        a_pending_update()
        result = runner.invoke(args=["notices", "send"])
    assert result.exit_code == 0, result.output
    assert "Queued 1 digest(s)." in result.output
    assert len(sent_to(chair.email)) == 1


def test_the_worker_runs_the_digests_every_hour_at_minute_5(app):
    huey = task_queue().huey
    names = {
        hour: [t.name for t in huey.read_periodic(datetime(2026, 12, 2, hour, 5))]
        for hour in range(24)
    }
    assert all("notices.digests" in found for found in names.values())
    assert "notices.digests" not in [t.name for t in huey.read_periodic(SEVEN)]  # 14:00
    with clock_set_to(SEVEN):
        chair = make_user(["chair"], email="chair@example.org")
        a_pending_update()
    (task,) = [
        t for t in huey.read_periodic(datetime(2026, 12, 2, 14, 5)) if t.name == "notices.digests"
    ]
    with clock_set_to(SEVEN):
        huey.execute(task)  # as the worker does, in an app context of its own
    assert len(sent_to(chair.email)) == 1
