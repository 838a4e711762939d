"""Stage moves: every allowed move works and is recorded; every other move is refused."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.board.enums import AgeRange, Category
from sro_board.board.errors import BoardError
from sro_board.board.models import Application, BoardMember, StageEvent
from sro_board.board.selection.services import move_application
from sro_board.board.stages import APPLICANT_EMAILS, FINAL_STAGES, STAGE_TRANSITIONS, Stage
from sro_board.board.transitions import move_to
from sro_board.core.extensions import db
from sro_board.mail.models import OutboxEmail
from tests.board.applying import outbox
from tests.board.factories import make_application, make_guardian, make_intake, now
from tests.factories import count_rows, login

ALLOWED = [(old, new) for old, onward in STAGE_TRANSITIONS.items() for new in sorted(onward)]
REFUSED = [
    (old, new)
    for old in Stage
    for new in Stage
    if new not in STAGE_TRANSITIONS[old] and new is not old
]


def _id(pair) -> str:
    return f"{pair[0].value}->{pair[1].value}"


@pytest.mark.parametrize("move", ALLOWED, ids=_id)
def test_every_allowed_move_is_made_and_recorded(app, users, move):
    old, new = move
    admin = users["admin"]
    application = make_application(make_intake(), stage=old)
    event = move_to(application, new, admin, "Reason for the test")
    db.session.commit()

    application = db.session.get(Application, application.id)
    assert application.stage is new
    assert (event.from_stage, event.to_stage, event.actor_id) == (old, new, admin.id)
    assert event.reason == "Reason for the test"
    assert event.at is not None
    assert (application.decided_at is not None) == (new in FINAL_STAGES)
    entry = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "application.stage")
    ).one()
    assert entry.actor_id == admin.id
    assert entry.entity_id == application.reference
    assert entry.after == {"stage": new.value, "reason_recorded": True}
    emails = count_rows(OutboxEmail)
    assert emails == (1 if new in APPLICANT_EMAILS else 0)


@pytest.mark.parametrize("move", REFUSED, ids=_id)
def test_every_other_move_is_refused_with_a_message(app, users, move):
    old, new = move
    application = make_application(make_intake(), stage=old)
    with pytest.raises(BoardError, match="cannot move to"):
        move_to(application, new, users["admin"], "Not allowed")
    db.session.rollback()
    assert db.session.get(Application, application.id).stage is old
    assert count_rows(StageEvent) == 0
    assert not db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "application.stage")
    ).all()


def _post_move(client, application, **data):
    return client.post(f"/staff/board/applications/{application.id}/move", data=data)


def test_admin_moves_through_the_page_with_a_reason(client, users):
    application = make_application(make_intake(), stage=Stage.IN_REVIEW)
    login(client, users["admin"])
    response = _post_move(client, application, stage="shortlisted", reason="Strong scores.")
    assert response.status_code == 302
    application = db.session.get(Application, application.id)
    assert application.stage is Stage.SHORTLISTED
    assert application.events[-1].reason == "Strong scores."
    assert application.events[-1].actor_id == users["admin"].id
    page = client.get(f"/staff/board/applications/{application.id}").get_data(as_text=True)
    assert "Strong scores." in page
    assert users["admin"].name in page


def test_a_move_without_a_reason_is_refused_and_nothing_changes(client, users):
    application = make_application(make_intake(), stage=Stage.IN_REVIEW)
    login(client, users["admin"])
    response = _post_move(client, application, stage="shortlisted", reason="  ")
    assert response.status_code == 400
    assert "Give a reason for the move" in response.get_data(as_text=True)
    assert db.session.get(Application, application.id).stage is Stage.IN_REVIEW
    assert count_rows(StageEvent) == 0


def test_a_move_the_rules_refuse_is_not_offered_and_refused(client, users):
    application = make_application(make_intake(), stage=Stage.IN_REVIEW)
    login(client, users["admin"])
    response = _post_move(client, application, stage="accepted", reason="Skip ahead.")
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)
    with pytest.raises(BoardError, match="in review cannot move to accepted"):
        move_application(users["admin"], application, Stage.ACCEPTED, "Skip ahead.")
    db.session.rollback()
    assert db.session.get(Application, application.id).stage is Stage.IN_REVIEW


def test_interview_records_date_time_and_format(client, users):
    application = make_application(make_intake(), stage=Stage.SHORTLISTED)
    login(client, users["admin"])
    when = (now() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    response = _post_move(
        client,
        application,
        stage="interview",
        reason="Invite to interview.",
        interview_at=when,
        interview_format="Video call",
    )
    assert response.status_code == 302
    application = db.session.get(Application, application.id)
    assert application.stage is Stage.INTERVIEW
    assert application.interview_format == "Video call"
    assert application.interview_at is not None
    (email,) = outbox()
    assert "Video call" in email.body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter the interview"),
        ({"interview_format": "Video call"}, "Enter the interview"),
        ({"interview_at": "2099-01-01T10:00"}, "Choose the interview"),
        ({"interview_at": "2001-01-01T10:00", "interview_format": "Phone call"}, "future"),
        ({"interview_at": "2099-01-01T10:00", "interview_format": "Carrier pigeon"}, "valid"),
        ({"interview_at": "not a date", "interview_format": "Phone call"}, "Not a valid"),
    ],
)
def test_an_interview_needs_a_future_date_and_a_known_format(client, users, data, message):
    application = make_application(make_intake(), stage=Stage.SHORTLISTED)
    login(client, users["admin"])
    response = _post_move(client, application, stage="interview", reason="Invite.", **data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    application = db.session.get(Application, application.id)
    assert application.stage is Stage.SHORTLISTED
    assert application.interview_at is None
    assert count_rows(OutboxEmail) == 0


def test_eligibility_override_records_its_reason(client, users):
    application = make_application(
        make_intake(), stage=Stage.INELIGIBLE, eligibility_reason="Grade 6."
    )
    login(client, users["admin"])
    response = _post_move(
        client,
        application,
        stage="eligible",
        reason="Starts grade 7 in September.",
        category="rules_misapplied",
    )
    assert response.status_code == 302
    application = db.session.get(Application, application.id)
    assert application.stage is Stage.ELIGIBLE
    assert application.override_reason == "Starts grade 7 in September."
    assert application.decided_at is None


def test_a_minor_awaiting_guardian_consent_cannot_be_made_eligible(app, users):
    application = make_application(
        make_intake(),
        category=Category.STUDENT,
        stage=Stage.AWAITING_GUARDIAN,
        age_range=AgeRange.AGE_14_15,
    )
    make_guardian(application, confirmed=False)
    with pytest.raises(BoardError, match="guardian has confirmed"):
        move_application(users["admin"], application, Stage.ELIGIBLE, "Looks fine.")
    db.session.rollback()
    make_guardian_confirmed = db.session.get(Application, application.id).guardian
    make_guardian_confirmed.confirmed_at = now()
    db.session.commit()
    move_application(users["admin"], application, Stage.ELIGIBLE, "Guardian confirmed.")
    assert application.stage is Stage.ELIGIBLE


def test_accepting_an_offer_makes_a_board_member(app, users):
    application = make_application(make_intake(term_months=12), stage=Stage.OFFERED)
    move_application(users["admin"], application, Stage.ACCEPTED, "Accepted by phone.")
    db.session.commit()
    member = db.session.scalars(sa.select(BoardMember)).one()
    assert member.application_id == application.id
    assert (member.term_end - member.term_start).days in range(360, 366)


def test_only_the_admin_moves_applications(client, users):
    application = make_application(make_intake(), stage=Stage.IN_REVIEW)
    login(client, users["chair"])
    response = _post_move(client, application, stage="shortlisted", reason="Chair says so.")
    assert response.status_code == 403
    assert db.session.get(Application, application.id).stage is Stage.IN_REVIEW


def test_start_review_moves_every_eligible_application(client, users):
    intake = make_intake()
    eligible = [make_application(intake, stage=Stage.ELIGIBLE) for _ in range(3)]
    waiting = make_application(intake, stage=Stage.SUBMITTED)
    login(client, users["admin"])
    response = client.post(f"/staff/board/intakes/{intake.id}/start-review")
    assert response.status_code == 302
    for application in eligible:
        assert db.session.get(Application, application.id).stage is Stage.IN_REVIEW
    assert db.session.get(Application, waiting.id).stage is Stage.SUBMITTED
    assert count_rows(StageEvent) == 3
