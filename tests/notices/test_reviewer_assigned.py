"""Reviewer assigned: one email to the reviewer, by the worker once the assignment commits."""

from sro_board.board.intakes.services import assign_reviewer
from sro_board.board.stages import Stage
from sro_board.core.extensions import db
from sro_board.notices.kinds import Kind
from sro_board.notices.services import set_choices
from tests.board.applying import smtp_server, smtp_settings
from tests.board.factories import PERSONAL, make_application, make_intake
from tests.factories import login, make_user
from tests.notices.helpers import link, sent_to


def an_intake_in_review():
    """An intake with two applications in review and one still being checked."""
    intake = make_intake("2027 intake", title_fr="Recrutement 2027")
    make_application(intake)
    make_application(intake)
    make_application(intake, stage=Stage.SUBMITTED)
    return intake


def test_the_reviewer_gets_one_email_with_no_applicant_data(app, client):
    admin = make_user(["admin"], email="admin@example.org")
    reviewer = make_user(["reviewer"], email="reviewer@example.org", name="Rae Reviewer")
    intake = an_intake_in_review()
    login(client, admin)
    response = client.post(
        f"/staff/board/intakes/{intake.id}/reviewers", data={"reviewer": str(reviewer.id)}
    )
    assert response.status_code == 302
    (message,) = sent_to(reviewer.email)
    assert message.subject == "You are a reviewer of the intake 2027 intake"
    assert "Hello Rae Reviewer," in message.body
    assert "2 applications wait in your review queue now." in message.body
    assert link("/staff/reviews") in message.body
    assert link("/account/notifications") in message.body
    for value in PERSONAL.values():
        assert value not in message.body
    assert "applicant" not in message.body.lower().replace("applications", "")
    assert sent_to(admin.email) == []


def test_nothing_is_sent_when_the_assignment_is_rolled_back(app):
    admin = make_user(["admin"], email="admin@example.org")
    reviewer = make_user(["reviewer"], email="reviewer@example.org")
    intake = an_intake_in_review()
    assign_reviewer(admin, intake, reviewer)
    db.session.rollback()
    db.session.commit()
    assert sent_to(reviewer.email) == []


def test_switched_off_the_reviewer_gets_nothing(app):
    admin = make_user(["admin"], email="admin@example.org")
    reviewer = make_user(["reviewer"], email="reviewer@example.org")
    set_choices(reviewer, {Kind.REVIEWER_ASSIGNED.value: False})
    db.session.commit()
    assign_reviewer(admin, an_intake_in_review(), reviewer)
    db.session.commit()
    assert sent_to(reviewer.email) == []


def test_in_french_through_a_real_smtp_server(app):
    admin = make_user(["admin"], email="admin@example.org")
    reviewer = make_user(["reviewer"], email="reviewer@example.org", name="Rémi")
    reviewer.language = "fr"
    db.session.commit()
    intake = an_intake_in_review()
    with smtp_server() as mailbox:
        app.config.update(smtp_settings(mailbox))
        assign_reviewer(admin, intake, reviewer)
        db.session.commit()
        body = mailbox.body("reviewer@example.org")
        (message,) = mailbox.to("reviewer@example.org")
    assert message["Subject"] == "Vous évaluez les candidatures de Recrutement 2027"
    assert "Bonjour Rémi," in body
    assert link("/fr/staff/reviews") in body
    assert link("/fr/account/notifications") in body
