"""Blind review: reviewers see no personal data, declare conflicts first, score the rubric."""

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.board.enums import AgeRange, Category, SelfIdAnswer
from sro_board.board.review_models import ConflictDeclaration, Score
from sro_board.board.stages import Stage
from sro_board.core.extensions import db
from tests.board.factories import (
    GUARDIAN_NAME,
    PERSONAL,
    add_criteria,
    assign,
    count_queries,
    make_application,
    make_guardian,
    make_intake,
    make_self_id,
    score,
)
from tests.factories import count_rows, login, make_user

SELF_ID_WORDS = ("Racialized", "Indigenous", "2SLGBTQ+", "Newcomer", "Disability")


@pytest.fixture
def setup(app, users):
    """An intake with a two-criterion rubric, the demo reviewer assigned, a minor's application."""
    intake = make_intake()
    criteria = add_criteria(intake, 1, 3)
    assign(intake, users["reviewer"])
    application = make_application(
        intake, Category.STUDENT, Stage.IN_REVIEW, age_range=AgeRange.AGE_14_15
    )
    make_guardian(application)
    make_self_id(
        application,
        indigenous=SelfIdAnswer.YES,
        lgbtq=SelfIdAnswer.YES,
        disability=SelfIdAnswer.YES,
        newcomer=SelfIdAnswer.YES,
    )
    return {"intake": intake, "criteria": criteria, "application": application}


def personal_values(application) -> list[str]:
    """Every personal value of the application that a reviewer must never see."""
    return [
        application.name,
        application.name.split()[0],
        application.email,
        application.reference,
        PERSONAL["phone"],
        PERSONAL["school"],
        PERSONAL["accommodations"],
        PERSONAL["heard_about"],
        GUARDIAN_NAME,
        application.guardian.guardian_email,
    ]


def assert_blind(page: str, application) -> None:
    """The page holds no personal data and no self-identification."""
    for value in personal_values(application):
        assert value not in page, value
    for word in SELF_ID_WORDS:
        assert word not in page, word


def _declare(client, application, answer="no"):
    return client.post(f"/staff/reviews/{application.id}/conflict", data={"has_conflict": answer})


def _scores(criteria, values, comment="Clear and thoughtful."):
    data = {}
    for criterion, value in zip(criteria, values, strict=True):
        data[f"score_{criterion.id}"] = str(value)
        data[f"comment_{criterion.id}"] = comment
    return data


def test_every_reviewer_page_is_blind(client, users, setup):
    application, criteria = setup["application"], setup["criteria"]
    login(client, users["reviewer"])
    pages = [client.get("/staff/reviews")]
    pages.append(client.get(f"/staff/reviews/{application.id}/conflict"))
    pages.append(_declare(client, application, "maybe"))
    pages.append(_declare(client, application, "no"))
    pages.append(client.get(f"/staff/reviews/{application.id}"))
    pages.append(client.post(f"/staff/reviews/{application.id}", data={}))
    pages.append(client.post(f"/staff/reviews/{application.id}", data=_scores(criteria, [4, 5])))
    pages.append(client.get("/staff/reviews"))
    for response in pages:
        assert response.status_code in (200, 302, 400)
        assert_blind(response.get_data(as_text=True), application)
    review_page = pages[4].get_data(as_text=True)
    assert application.motivation in review_page
    assert application.perspectives in review_page
    assert "Grade" in review_page
    assert "14 or 15" in review_page


def test_admin_and_chair_see_everything_but_self_identification(client, users, setup):
    application = setup["application"]
    for role in ("admin", "chair"):
        login(client, users[role])
        page = client.get(f"/staff/board/applications/{application.id}").get_data(as_text=True)
        for value in (application.name, application.email, PERSONAL["accommodations"]):
            assert value in page
        assert GUARDIAN_NAME in page
        assert "Racialized" not in page
        client.post("/logout")


def test_the_reviewer_must_declare_before_seeing_the_scoring_form(client, users, setup):
    application = setup["application"]
    login(client, users["reviewer"])
    response = client.get(f"/staff/reviews/{application.id}")
    assert response.status_code == 302
    assert response.location.endswith(f"/staff/reviews/{application.id}/conflict")
    response = client.post(
        f"/staff/reviews/{application.id}", data=_scores(setup["criteria"], [3, 3])
    )
    assert response.status_code == 302
    assert count_rows(Score) == 0


def test_no_declaration_is_made_without_an_answer(client, users, setup):
    application = setup["application"]
    login(client, users["reviewer"])
    response = _declare(client, application, "")
    assert response.status_code == 400
    assert "Choose yes or no" in response.get_data(as_text=True)
    assert count_rows(ConflictDeclaration) == 0


def test_a_conflict_excludes_the_reviewer(client, users, setup):
    application = setup["application"]
    login(client, users["reviewer"])
    response = _declare(client, application, "yes")
    assert response.status_code == 302
    declaration = db.session.get(ConflictDeclaration, (application.id, users["reviewer"].id))
    assert declaration.has_conflict
    assert client.get(f"/staff/reviews/{application.id}").status_code == 404
    assert client.get(f"/staff/reviews/{application.id}/conflict").status_code == 404
    queue = client.get("/staff/reviews").get_data(as_text=True)
    assert f"Application {application.id}<" not in queue
    entry = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "review.conflict")
    ).one()
    assert entry.after["has_conflict"] is True


def test_a_conflict_found_later_removes_the_scores(client, users, setup):
    application, criteria = setup["application"], setup["criteria"]
    login(client, users["reviewer"])
    _declare(client, application, "no")
    client.post(f"/staff/reviews/{application.id}", data=_scores(criteria, [2, 2]))
    assert count_rows(Score) == 2
    assert _declare(client, application, "yes").status_code == 302
    assert count_rows(Score) == 0
    assert client.get(f"/staff/reviews/{application.id}").status_code == 404


def test_scores_are_saved_changed_and_audited(client, users, setup):
    application, criteria = setup["application"], setup["criteria"]
    login(client, users["reviewer"])
    _declare(client, application, "no")
    response = client.post(f"/staff/reviews/{application.id}", data=_scores(criteria, [4, 5]))
    assert response.status_code == 302
    scores = db.session.scalars(sa.select(Score).order_by(Score.criterion_id)).all()
    assert [s.score for s in scores] == [4, 5]
    assert scores[0].comment == "Clear and thoughtful."
    client.post(f"/staff/reviews/{application.id}", data=_scores(criteria, [3, 5], ""))
    db.session.expire_all()
    assert sorted(s.score for s in db.session.scalars(sa.select(Score))) == [3, 5]
    page = client.get(f"/staff/reviews/{application.id}").get_data(as_text=True)
    assert f'<input checked id="score_{criteria[0].id}-2"' in page
    entries = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "review.score")
    ).all()
    assert len(entries) == 2


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({0: "6"}, "Not a valid choice"),
        ({0: "0"}, "Not a valid choice"),
        ({0: "three"}, "Not a valid choice"),
        ({0: None}, "from 1 to 5"),
    ],
)
def test_bad_scores_are_refused_and_nothing_is_saved(client, users, setup, values, message):
    application, criteria = setup["application"], setup["criteria"]
    login(client, users["reviewer"])
    _declare(client, application, "no")
    data = _scores(criteria, [4, 4])
    for index, value in values.items():
        key = f"score_{criteria[index].id}"
        if value is None:
            del data[key]
        else:
            data[key] = value
    response = client.post(f"/staff/reviews/{application.id}", data=data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Please fix the following" in page
    assert message in page
    assert count_rows(Score) == 0


def test_an_overlong_comment_is_refused(client, users, setup):
    application, criteria = setup["application"], setup["criteria"]
    login(client, users["reviewer"])
    _declare(client, application, "no")
    response = client.post(
        f"/staff/reviews/{application.id}", data=_scores(criteria, [4, 4], "x" * 2001)
    )
    assert response.status_code == 400
    assert count_rows(Score) == 0


def test_a_reviewer_sees_only_assigned_intakes_in_review(client, users, setup):
    other_intake = make_intake("Another intake")
    elsewhere = make_application(other_intake, stage=Stage.IN_REVIEW)
    not_yet = make_application(setup["intake"], stage=Stage.ELIGIBLE)
    login(client, users["reviewer"])
    for application in (elsewhere, not_yet):
        assert client.get(f"/staff/reviews/{application.id}").status_code == 404
        assert client.get(f"/staff/reviews/{application.id}/conflict").status_code == 404
        assert _declare(client, application).status_code == 404
    assert client.get("/staff/reviews/999999").status_code == 404
    queue = client.get("/staff/reviews").get_data(as_text=True)
    assert f"Application {setup['application'].id}" in queue
    assert f"Application {elsewhere.id}<" not in queue
    assert f"Application {not_yet.id}<" not in queue


def test_a_second_reviewer_is_not_affected_by_the_first_ones_conflict(client, users, setup):
    application = setup["application"]
    second = make_user(["reviewer"], email="second-reviewer@example.org")
    assign(setup["intake"], second)
    login(client, users["reviewer"])
    _declare(client, application, "yes")
    client.post("/logout")
    login(client, second)
    assert client.get(f"/staff/reviews/{application.id}/conflict").status_code == 200


def test_reviewer_queue_runs_a_fixed_number_of_queries(client, users, setup):
    intake, criteria = setup["intake"], setup["criteria"]
    reviewer = users["reviewer"]

    def add(count):
        for n in range(count):
            application = make_application(intake, list(Category)[n % 3], Stage.IN_REVIEW)
            if n % 2:
                score(application, reviewer, criteria, [3, 4])

    login(client, reviewer)
    add(3)
    with count_queries() as few:
        assert client.get("/staff/reviews").status_code == 200
    add(30)
    with count_queries() as many:
        assert client.get("/staff/reviews").status_code == 200
    assert len(many) == len(few)
