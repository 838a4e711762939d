"""Eligibility is decided before a guardian is contacted; the form offers what the rules accept."""

import html
import re

import pytest

from sro_board.board.eligibility import REASONS
from sro_board.board.enums import AgeRange, Category
from sro_board.board.errors import BoardError
from sro_board.board.models import Application, GuardianConsent
from sro_board.board.selection.services import move_application
from sro_board.board.stages import Stage
from sro_board.core.extensions import db
from sro_board.mail.models import OutboxEmail
from tests.board.applying import (  # noqa: F401 - fixtures: app_mailing_the_mailbox, loopback_mailbox
    STUDENT_15,
    app_mailing_the_mailbox,
    applications,
    apply,
    link_path,
    loopback_mailbox,
    open_intake,
    outbox,
    smtp_server,
    smtp_settings,
    submit,
)
from tests.board.factories import make_application, make_guardian, make_intake
from tests.factories import count_rows, login
from tests.pages import text

GUARDIAN = STUDENT_15["guardian_email"]
STUDENT = STUDENT_15["email"]
OTHER_BOARD = STUDENT_15 | {"school_board": "other", "school": "Westside Academy"}


def test_the_grade_list_offers_only_grades_7_to_12(client):
    open_intake()
    page = text(client.get("/advisory-board/apply"))
    select = page.split('id="student_grade"')[1].split("</select>")[0]
    assert re.findall(r'<option value="(\d+)"', select) == [str(g) for g in range(7, 13)]


def test_the_form_says_up_front_who_may_hold_a_student_seat(client):
    open_intake()
    page = html.unescape(text(client.get("/advisory-board/apply")))
    students = page.split('id="student-heading"')[1].split("</section>")[0]
    assert "Student seats are for students in grades 7 to 12" in students
    for board in (
        "Calgary Board of Education",
        "Calgary Catholic School District",
        "Palliser School District",
        "FrancoSud",
    ):
        assert board in students


@pytest.mark.parametrize("grade", ["4", "5", "6"])
def test_a_grade_the_rules_refuse_is_not_accepted_and_nobody_is_emailed(client, mailbox, grade):
    response = apply(client, open_intake(), STUDENT_15, student_grade=grade)
    assert response.status_code == 200
    assert "Not a valid choice" in text(response)
    assert count_rows(Application) == 0
    assert mailbox.messages == []


def test_an_ineligible_minor_is_told_at_once_and_the_guardian_never_hears(client, mailbox):
    response = apply(client, open_intake(), OTHER_BOARD)
    assert response.status_code == 201
    (application,) = applications()
    assert application.stage is Stage.INELIGIBLE
    assert application.eligibility_reason == REASONS["student_board"]
    assert [e.to_stage for e in application.events] == [Stage.SUBMITTED, Stage.INELIGIBLE]

    # Nobody emails the guardian, now or later.
    assert mailbox.to(GUARDIAN) == []
    assert outbox(GUARDIAN) == []
    assert application.guardian.token_hash is None
    assert application.guardian.expires_at is None

    # The confirmation page and the one email give the reason, and no guardian step.
    page = html.unescape(text(response))
    assert "not eligible" in page
    assert REASONS["student_board"] in page
    assert "emailed your parent or guardian" not in page
    assert [m["X-Envelope-To"] for m in mailbox.messages] == [STUDENT]
    body = mailbox.body(STUDENT)
    assert REASONS["student_board"] in body
    assert "parent or guardian a link" not in body

    # The status page says so too.
    status = html.unescape(text(client.get(link_path(body, "status"))))
    assert "Where it stands: Not eligible" in status
    assert REASONS["student_board"] in status
    assert "Send the link again" not in status


def test_an_eligible_minor_waits_for_the_guardian_after_the_rules(client, mailbox):
    apply(client, open_intake(), STUDENT_15)
    (application,) = applications()
    assert application.stage is Stage.AWAITING_GUARDIAN
    assert application.events[-1].reason.startswith("Meets the eligibility rules")
    assert len(mailbox.to(GUARDIAN)) == 1


def test_after_consent_the_guardian_reads_the_truth(client, mailbox):
    apply(client, open_intake(), STUDENT_15)
    consent = link_path(mailbox.body(GUARDIAN), "consent")
    response = client.post(consent, data={"agree": "y", "confirm": "Give consent"})
    assert "now goes ahead" in text(client.get(response.location))
    assert applications()[0].stage is Stage.ELIGIBLE


def test_the_service_decides_before_the_guardian_step(app):
    submitted = submit(open_intake(), Category.STUDENT, student_grade=5)
    assert submitted.application.stage is Stage.INELIGIBLE
    assert submitted.application.eligibility_reason == REASONS["student_grade"]
    assert count_rows(OutboxEmail) == 1  # the applicant's, none to the guardian


# An admin's override of an ineligible minor: only then is the guardian asked ---------------------


def _post_move(client, application, **data):
    return client.post(f"/staff/board/applications/{application.id}/move", data=data)


def test_an_admin_override_of_a_minor_asks_the_guardian_first(client, users, mailbox):
    apply(client, open_intake(), OTHER_BOARD)
    (application,) = applications()
    login(client, users["admin"])
    page = text(client.get(f"/staff/board/applications/{application.id}"))
    assert 'value="awaiting_guardian_consent"' in page
    assert "not asked: the application was not eligible" in page

    refused = _post_move(client, application, stage="eligible", reason="Charter school.")
    assert refused.status_code == 400
    assert "Awaiting guardian consent" in html.unescape(text(refused))
    assert mailbox.to(GUARDIAN) == []

    moved = _post_move(
        client,
        application,
        stage="awaiting_guardian_consent",
        reason="Charter school in Calgary.",
        category="approved_exception",
    )
    assert moved.status_code == 302
    application = applications()[0]
    assert application.stage is Stage.AWAITING_GUARDIAN
    assert application.override_reason == "Charter school in Calgary."
    assert application.decided_at is None
    consent = link_path(mailbox.body(GUARDIAN), "consent")

    client.post("/logout")
    client.post(consent, data={"agree": "y", "confirm": "Give consent"})
    assert applications()[0].stage is Stage.ELIGIBLE


def test_only_a_minor_with_a_guardian_can_be_sent_to_consent(app, users):
    intake = make_intake()
    adult = make_application(
        intake, Category.STUDENT, Stage.INELIGIBLE, age_range=AgeRange.AGE_18_PLUS
    )
    parent = make_application(intake, Category.PARENT, Stage.INELIGIBLE)
    for application in (adult, parent):
        with pytest.raises(BoardError, match="under 18"):
            move_application(users["admin"], application, Stage.AWAITING_GUARDIAN, "Why not.")
        db.session.rollback()
    consented = make_application(
        intake, Category.STUDENT, Stage.INELIGIBLE, age_range=AgeRange.AGE_14_15
    )
    make_guardian(consented, confirmed=True)
    with pytest.raises(BoardError, match="already"):
        move_application(users["admin"], consented, Stage.AWAITING_GUARDIAN, "Again.")
    db.session.rollback()
    assert count_rows(GuardianConsent) == 1
