"""Intake administration: intakes and seats, reviewers, rubric, applications list, outbox."""

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.board.enums import Category
from sro_board.board.models import ApplicationEmail, Intake
from sro_board.board.review_models import ReviewerAssignment, RubricCriterion
from sro_board.board.stages import Stage
from sro_board.core.extensions import db
from sro_board.mail.models import OutboxEmail
from tests.board.factories import (
    add_criteria,
    assign,
    count_queries,
    make_application,
    make_intake,
    score,
)
from tests.factories import count_rows, login, make_user

INTAKE_FORM = {
    "title": "Spring 2027 intake",
    "opens_at": "2027-03-01T09:00",
    "closes_at": "2027-04-01T17:00",
    "seats_parent": "5",
    "seats_student": "4",
    "seats_staff": "3",
    "term_months": "24",
    "notice_purpose": "To recruit the advisory board.",
    "notice_authority": "Protection of Privacy Act.",
    "notice_contact_title": "Board coordinator",
    "notice_contact_email": "board@example.org",
    "notice_contact_phone": "403-555-0100",
}


def _audit(action: str) -> list[AuditEntry]:
    return db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == action)).all()


def test_admin_creates_an_intake_with_seats_and_notice(client, users):
    login(client, users["admin"])
    assert client.get("/staff/board/intakes/new").status_code == 200
    response = client.post("/staff/board/intakes/new", data=INTAKE_FORM)
    assert response.status_code == 302
    intake = db.session.scalars(sa.select(Intake)).one()
    assert intake.title == "Spring 2027 intake"
    assert {s.category: s.seats for s in intake.seats} == {
        Category.PARENT: 5,
        Category.STUDENT: 4,
        Category.STAFF: 3,
    }
    # 09:00 in Calgary (MST, UTC-7) is 16:00 UTC.
    assert intake.opens_at.hour == 16
    assert intake.notice_contact_email == "board@example.org"
    assert _audit("intake.create")[0].actor_id == users["admin"].id
    page = client.get(response.location).get_data(as_text=True)
    assert "Spring 2027 intake" in page
    assert "1 March 2027, 09:00" in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "This field is required"),
        ({"closes_at": "2027-02-01T09:00"}, "must be after the opening"),
        ({"opens_at": "tomorrow"}, "Not a valid datetime value"),
        ({"seats_student": "-1"}, "Number must be between 0 and 50"),
        ({"seats_staff": "three"}, "Not a valid integer value"),
        ({"term_months": "0"}, "Number must be between 1 and 60"),
        ({"notice_contact_email": "not-an-email"}, "Enter a valid email address"),
        ({"notice_authority": ""}, "This field is required"),
        ({"title": "x" * 201}, "Field cannot be longer than 200 characters"),
    ],
)
def test_bad_intake_input_gets_a_clear_message_and_saves_nothing(client, users, change, message):
    login(client, users["admin"])
    response = client.post("/staff/board/intakes/new", data=INTAKE_FORM | change)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Please fix the following" in page
    assert message in page
    assert count_rows(Intake) == 0


def test_admin_edits_an_intake_and_the_change_is_audited(client, users):
    intake = make_intake(seats=2)
    login(client, users["admin"])
    page = client.get(f"/staff/board/intakes/{intake.id}/edit").get_data(as_text=True)
    assert 'value="2027 intake"' in page
    response = client.post(
        f"/staff/board/intakes/{intake.id}/edit", data=INTAKE_FORM | {"seats_parent": "7"}
    )
    assert response.status_code == 302
    intake = db.session.get(Intake, intake.id)
    assert {s.category: s.seats for s in intake.seats}[Category.PARENT] == 7
    entry = _audit("intake.update")[0]
    assert entry.before["seats"]["parent"] == 2
    assert entry.after["seats"]["parent"] == 7


def test_the_chair_sees_intakes_but_cannot_change_them(client, users):
    intake = make_intake()
    login(client, users["chair"])
    assert client.get("/staff/board/").status_code == 200
    page = client.get(f"/staff/board/intakes/{intake.id}").get_data(as_text=True)
    assert "Edit the intake" not in page
    assert client.get(f"/staff/board/intakes/{intake.id}/edit").status_code == 403
    assert client.post("/staff/board/intakes/new", data=INTAKE_FORM).status_code == 403


def test_admin_assigns_and_removes_a_reviewer(client, users):
    intake = make_intake()
    reviewer = users["reviewer"]
    login(client, users["admin"])
    page = client.get(f"/staff/board/intakes/{intake.id}").get_data(as_text=True)
    assert f'<option value="{reviewer.id}">' in page
    response = client.post(
        f"/staff/board/intakes/{intake.id}/reviewers", data={"reviewer": str(reviewer.id)}
    )
    assert response.status_code == 302
    assert db.session.get(ReviewerAssignment, (intake.id, reviewer.id))
    assert _audit("intake.reviewer_assign")
    client.post(f"/staff/board/intakes/{intake.id}/reviewers/{reviewer.id}/remove")
    assert count_rows(ReviewerAssignment) == 0
    assert _audit("intake.reviewer_unassign")


def test_only_reviewers_can_be_assigned(client, users):
    intake = make_intake()
    login(client, users["admin"])
    response = client.post(
        f"/staff/board/intakes/{intake.id}/reviewers",
        data={"reviewer": str(users["member"].id)},
        follow_redirects=True,
    )
    assert "Choose a reviewer from the list" in response.get_data(as_text=True)
    assert count_rows(ReviewerAssignment) == 0


def test_admin_builds_the_rubric(client, users):
    intake = make_intake()
    login(client, users["admin"])
    response = client.post(
        f"/staff/board/intakes/{intake.id}/criteria",
        data={"name": "Lived experience", "description": "What they bring.", "weight": "3"},
    )
    assert response.status_code == 302
    criterion = db.session.scalars(sa.select(RubricCriterion)).one()
    assert (criterion.name, criterion.weight) == ("Lived experience", 3)
    response = client.post(
        f"/staff/board/criteria/{criterion.id}/edit",
        data={"name": "Lived experience", "description": "", "weight": "5"},
    )
    assert response.status_code == 302
    assert db.session.get(RubricCriterion, criterion.id).weight == 5
    client.post(f"/staff/board/criteria/{criterion.id}/delete")
    assert count_rows(RubricCriterion) == 0
    assert [len(_audit(a)) for a in ("rubric.add", "rubric.update", "rubric.delete")] == [1, 1, 1]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "weight": "2"}, "This field is required"),
        ({"name": "Fit", "weight": "11"}, "Number must be between 1 and 10"),
        ({"name": "Fit", "weight": ""}, "Enter a weight"),
    ],
)
def test_bad_criteria_are_refused(client, users, data, message):
    intake = make_intake()
    login(client, users["admin"])
    response = client.post(f"/staff/board/intakes/{intake.id}/criteria", data=data)
    assert message in response.get_data(as_text=True)
    assert count_rows(RubricCriterion) == 0


def test_a_scored_criterion_cannot_be_removed(client, users):
    intake = make_intake()
    (criterion,) = add_criteria(intake, 2)
    application = make_application(intake)
    score(application, users["reviewer"], [criterion], [4])
    login(client, users["admin"])
    response = client.post(f"/staff/board/criteria/{criterion.id}/delete", follow_redirects=True)
    assert "already has 1 score" in response.get_data(as_text=True)
    assert count_rows(RubricCriterion) == 1


def test_applications_list_filters_by_stage_and_category(client, users):
    intake = make_intake()
    shortlisted = make_application(intake, Category.STUDENT, Stage.SHORTLISTED)
    in_review = make_application(intake, Category.PARENT, Stage.IN_REVIEW)
    login(client, users["chair"])
    page = client.get(f"/staff/board/intakes/{intake.id}/applications").get_data(as_text=True)
    assert shortlisted.reference in page
    assert in_review.reference in page
    page = client.get(f"/staff/board/intakes/{intake.id}/applications?stage=shortlisted").get_data(
        as_text=True
    )
    assert shortlisted.reference in page
    assert in_review.reference not in page
    page = client.get(
        f"/staff/board/intakes/{intake.id}/applications?category=parent&stage=nonsense"
    ).get_data(as_text=True)
    assert in_review.reference in page
    assert shortlisted.reference not in page


def _fill(intake, reviewers, criteria, count):
    for n in range(count):
        application = make_application(intake, list(Category)[n % 3], Stage.IN_REVIEW)
        for reviewer in reviewers:
            score(application, reviewer, criteria, [3, 4])


def test_applications_list_runs_a_fixed_number_of_queries(client, users):
    intake = make_intake()
    criteria = add_criteria(intake, 1, 2)
    reviewers = [users["reviewer"], make_user(["reviewer"], email="r2@example.org")]
    url = f"/staff/board/intakes/{intake.id}/applications"
    login(client, users["admin"])
    _fill(intake, reviewers, criteria, 3)
    with count_queries() as few:
        assert client.get(url).status_code == 200
    _fill(intake, reviewers, criteria, 30)
    with count_queries() as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_outbox_shows_delivery_status_only(client, users):
    application = make_application(make_intake())
    email = OutboxEmail(
        template="received",
        recipient_hash="0" * 64,
        recipient=application.email,
        subject="Your application was received",
        body="Thank you: https://example.org/advisory-board/status/secret",
    )
    db.session.add(ApplicationEmail(application=application, email=email))
    db.session.commit()  # delivered (memory backend), so its content is gone
    login(client, users["admin"])
    page = client.get("/staff/email").get_data(as_text=True)
    assert "received" in page
    assert "sent" in page
    for private in (application.email, "Your application was received", "status/secret"):
        assert private not in page
    # The board links its own emails to the application (mail knows nothing of the board).
    assert page.count(f'href="/staff/board/applications/{application.id}"') == 1
    past_the_end = client.get("/staff/email?page=9")
    assert past_the_end.status_code == 200
    assert "That page number does not exist, so the first page is shown." in past_the_end.get_data(
        as_text=True
    )
    assert client.get("/staff/email?state=nonsense").status_code == 404


def test_staff_nav_shows_the_board_to_admin_and_reviews_to_reviewers(client, users):
    login(client, users["admin"])
    page = client.get("/staff/board/").get_data(as_text=True)
    assert "Advisory board</a>" in page
    assert "Reviews</a>" not in page
    client.post("/logout")
    login(client, users["reviewer"])
    page = client.get("/staff/reviews").get_data(as_text=True)
    assert "Reviews</a>" in page
    assert "Advisory board</a>" not in page


def test_reviewer_assignment_is_listed_by_name(client, users):
    intake = make_intake()
    assign(intake, users["reviewer"])
    login(client, users["admin"])
    page = client.get(f"/staff/board/intakes/{intake.id}").get_data(as_text=True)
    assert users["reviewer"].name in page
