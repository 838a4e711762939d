"""The applicant hears of every stage they can see, in plain words, once per move."""

import re
from datetime import timedelta

import pytest

from sro_board.board.enums import AgeRange, Category
from sro_board.board.labels import APPLICANT_STAGES
from sro_board.board.selection.forms import MOVED
from sro_board.board.stages import APPLICANT_EMAILS, STAGE_TRANSITIONS, Stage
from sro_board.board.transitions import move_to
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from tests.board.applying import STUDENT_15, apply, link_path, open_intake, outbox
from tests.board.factories import make_application, make_guardian, make_intake, now
from tests.factories import login
from tests.pages import text

# Words each stage's email must say (the status page's stage, in a sentence of its own).
SAYS = {
    Stage.AWAITING_GUARDIAN: "we have emailed your parent or guardian a link",
    Stage.ELIGIBLE: "meets the rules",
    Stage.INELIGIBLE: "does not meet the rules",
    Stage.IN_REVIEW: "a panel is now reading the applications",
    Stage.SHORTLISTED: "is on the shortlist",
    Stage.INTERVIEW: "We would like to meet you",
    Stage.OFFERED: "We are pleased to offer you",
    Stage.ACCEPTED: "Thank you for accepting a seat",
    Stage.DECLINED: "you declined the offer of a seat",
    Stage.WAITLISTED: "you are on the waiting list",
    Stage.NOT_SELECTED: "we are not able to offer you a seat",
    Stage.WITHDRAWN: "has been withdrawn",
    Stage.EXPIRED: "did not go ahead",
}
ALLOWED = [(old, new) for old, onward in STAGE_TRANSITIONS.items() for new in sorted(onward)]


def test_every_stage_the_status_page_shows_has_an_email():
    for stage in APPLICANT_STAGES:
        assert stage is Stage.SUBMITTED or stage in APPLICANT_EMAILS, stage
    assert set(SAYS) == set(APPLICANT_STAGES) - {Stage.SUBMITTED}


@pytest.mark.parametrize("move", ALLOWED, ids=lambda m: f"{m[0].value}->{m[1].value}")
def test_each_move_queues_exactly_one_email_in_plain_words(app, users, move):
    old, new = move
    application = make_application(
        make_intake(),
        Category.STUDENT,
        old,
        age_range=AgeRange.AGE_14_15,
        eligibility_reason="Student seats are for students in grades 7 to 12.",
        interview_at=now() + timedelta(days=3),
        interview_format="Video call",
    )
    make_guardian(application, confirmed=False)
    move_to(application, new, users["admin"], "A reason for the staff.")
    db.session.commit()

    (email,) = outbox(application.email)
    assert application.reference in email.subject
    body = re.sub(r"\s+", " ", email.body)
    assert SAYS[new] in body
    assert "A reason for the staff." not in body or new is Stage.INELIGIBLE
    # Written sentences, not stage keys.
    for key in ("_", "{{", "{%", "None"):
        assert key not in email.subject + body, (key, email.subject, body)


def test_withdrawal_says_who_withdrew(client, users):
    intake = open_intake()
    apply(client, intake, STUDENT_15)
    status = link_path(outbox(STUDENT_15["email"])[0].body, "status")
    client.post(status + "/withdraw", data={"confirm": "y"})
    assert "As you asked" in outbox(STUDENT_15["email"])[-1].body

    other = STUDENT_15 | {"email": "ama@example.net", "guardian_email": "kofi@example.net"}
    apply(client, intake, other)
    consent = link_path(outbox("kofi@example.net")[0].body, "consent")
    client.post(consent, data={"decline": "I do not give consent"})
    body = outbox("ama@example.net")[-1].body
    assert "Your parent or guardian did not give consent" in body


def test_an_admins_ineligible_decision_is_emailed_with_its_reason(client, users):
    application = make_application(make_intake(), stage=Stage.ELIGIBLE)
    login(client, users["admin"])
    client.post(
        f"/staff/board/applications/{application.id}/move",
        data={"stage": "ineligible", "reason": "Your child left the school in June."},
    )
    (email,) = outbox(application.email)
    assert "Your child left the school in June." in email.body
    assert "not eligible" in email.subject


def test_the_guardians_consent_sends_one_email_to_the_student(client):
    apply(client, open_intake(), STUDENT_15)
    before = len(outbox(STUDENT_15["email"]))
    consent = link_path(outbox(STUDENT_15["guardian_email"])[0].body, "consent")
    client.post(consent, data={"agree": "y", "confirm": "Give consent"})
    new = outbox(STUDENT_15["email"])[before:]
    assert len(new) == 1
    assert "gave consent" in new[0].subject
    assert "meets the rules" in new[0].body


def test_submission_sends_one_email_to_the_applicant(client):
    apply(client, open_intake(), STUDENT_15)
    assert len(outbox(STUDENT_15["email"])) == 1
    assert len(outbox(STUDENT_15["guardian_email"])) == 1


def test_expiry_is_emailed(app, client, runner):
    apply(client, open_intake(), STUDENT_15)
    with clock_set_to(now_utc() + timedelta(days=15)):
        runner.invoke(args=["board", "expire-consents"])
    email = outbox(STUDENT_15["email"])[-1]
    assert "did not go ahead" in email.body
    assert "within 14 days" in email.body


# The staff's message after a move: a written sentence per stage ----------------------------------


def test_every_stage_a_move_can_reach_has_a_staff_sentence():
    reachable = {new for onward in STAGE_TRANSITIONS.values() for new in onward}
    assert reachable <= set(MOVED)
    for stage, sentence in MOVED.items():
        # The whole message is one translatable text (issue 13), the reference a placeholder.
        sentence = str(sentence)
        assert sentence.startswith("Application %(reference)s ")
        assert sentence.endswith(" We emailed the applicant.")
        assert "_" not in sentence.replace("%(reference)s", ""), stage


def test_the_interview_move_reads_as_a_sentence(client, users):
    application = make_application(make_intake(), stage=Stage.SHORTLISTED)
    login(client, users["admin"])
    when = (now() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        f"/staff/board/applications/{application.id}/move",
        data={
            "stage": "interview",
            "reason": "Invite.",
            "interview_at": when,
            "interview_format": "Video call",
        },
        follow_redirects=True,
    )
    page = text(response)
    assert f"Application {application.reference} is invited to an interview." in page
    assert "is now interview" not in page
    assert "We emailed the applicant." in page
