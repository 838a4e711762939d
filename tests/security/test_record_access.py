"""Record-level access, tried by walking ids and tokens.

ASVS 5.0: V8.2.2 (data-specific access: one applicant's status or consent link never opens
another's; a reviewer never opens an application they are not assigned to, that is not in
review, or that they declared a conflict on), V8.2.1 (staff ids walked by a role without the
permission), V8.3.1 (the checks are on the server, for GET and POST alike).
"""

import pytest
import sqlalchemy as sa

from sro_board.board.enums import Category
from sro_board.board.models import Application
from sro_board.board.review_models import ConflictDeclaration, Score
from sro_board.board.stages import Stage
from sro_board.core.extensions import db
from tests.board.applying import link_path, open_intake, outbox, submit
from tests.board.factories import add_criteria, assign, make_application, make_intake
from tests.factories import count_rows, login
from tests.pages import text
from tests.security.accounts import isolated_requests  # noqa: F401 - a fresh g per request

EXPORT_REASON = {"category": "applicant_request", "reason": "Asked by email."}

pytestmark = pytest.mark.usefixtures("app", "isolated_requests")


def mutations(token: str) -> list[str]:
    """Tokens an attacker might try from a real one: a changed character, case, truncation."""
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    return [flipped, token.swapcase(), token[:-1], token + "A", token[1:] + token[0]]


def test_each_status_link_opens_only_its_own_application(client):
    intake = open_intake()
    submitted = [submit(intake) for _ in range(3)]
    references = [s.application.reference for s in submitted]
    for own in submitted:
        page = text(client.get(f"/advisory-board/status/{own.status_token}"))
        assert own.application.reference in page
        for other in set(references) - {own.application.reference}:
            assert other not in page
        for guess in mutations(own.status_token):
            response = client.get(f"/advisory-board/status/{guess}")
            assert response.status_code == 404, guess
            assert not any(r in text(response) for r in references)


def test_a_status_link_cannot_change_another_application(client):
    intake = open_intake()
    mine, theirs = submit(intake), submit(intake)
    before = theirs.application.email
    for guess in mutations(theirs.status_token):
        response = client.post(
            f"/advisory-board/status/{guess}/contact",
            data={"email": "attacker@example.net", "phone": ""},
        )
        assert response.status_code == 404
        withdraw = client.post(f"/advisory-board/status/{guess}/withdraw", data={"confirm": "y"})
        assert withdraw.status_code == 404
    db.session.expire_all()
    assert db.session.get(Application, theirs.application.id).email == before
    assert db.session.get(Application, theirs.application.id).stage is not Stage.WITHDRAWN
    assert mine.status_token != theirs.status_token


def test_each_consent_link_opens_only_its_own_request(client):
    intake = open_intake()
    students = [submit(intake, Category.STUDENT) for _ in range(2)]
    paths = [
        link_path(outbox(s.application.guardian.guardian_email)[-1].body, "consent")
        for s in students
    ]
    for path, student in zip(paths, students, strict=True):
        assert client.get(path).status_code == 200
        token = path.rsplit("/", 1)[1]
        for guess in mutations(token):
            assert client.get(f"/advisory-board/consent/{guess}").status_code == 404
        other = next(s for s in students if s is not student)
        assert other.application.reference not in text(client.get(path))


@pytest.fixture
def review_world(users):
    """Two intakes; the reviewer is assigned to the first only; applications in every state."""
    reviewer = users["reviewer"]
    mine, other = make_intake(), make_intake("Another intake")
    add_criteria(mine, 1)
    add_criteria(other, 1)
    assign(mine, reviewer)
    visible = make_application(mine, stage=Stage.IN_REVIEW)
    conflicted = make_application(mine, stage=Stage.IN_REVIEW)
    not_in_review = make_application(mine, stage=Stage.ELIGIBLE)
    not_assigned = make_application(other, stage=Stage.IN_REVIEW)
    db.session.add(
        ConflictDeclaration(
            application_id=conflicted.id, reviewer_id=reviewer.id, has_conflict=True
        )
    )
    db.session.commit()
    return {
        "reviewer": reviewer,
        "visible": visible.id,
        "hidden": [conflicted.id, not_in_review.id, not_assigned.id],
    }


def test_a_reviewer_walking_ids_reaches_only_assigned_unconflicted_applications(
    client, review_world
):
    login(client, review_world["reviewer"])
    top = db.session.scalar(sa.select(sa.func.max(Application.id)))
    opened = []
    for application_id in range(1, top + 4):
        for path in (
            f"/staff/reviews/{application_id}/conflict",
            f"/staff/reviews/{application_id}",
        ):
            status = client.get(path).status_code
            assert status in (200, 302, 404), (path, status)
            if status != 404:
                opened.append(application_id)
    assert set(opened) == {review_world["visible"]}


def test_a_reviewer_cannot_post_to_hidden_applications(client, review_world):
    login(client, review_world["reviewer"])
    before = (count_rows(ConflictDeclaration), count_rows(Score))
    for application_id in review_world["hidden"]:
        no_conflict = client.post(
            f"/staff/reviews/{application_id}/conflict", data={"has_conflict": "no"}
        )
        assert no_conflict.status_code == 404
        scores = client.post(f"/staff/reviews/{application_id}", data={"score_1": "5"})
        assert scores.status_code == 404
    assert (count_rows(ConflictDeclaration), count_rows(Score)) == before


def test_a_conflict_declared_now_closes_the_application_at_once(client, review_world):
    login(client, review_world["reviewer"])
    visible = review_world["visible"]
    assert client.get(f"/staff/reviews/{visible}/conflict").status_code == 200
    client.post(f"/staff/reviews/{visible}/conflict", data={"has_conflict": "yes"})
    assert client.get(f"/staff/reviews/{visible}").status_code == 404
    assert client.get(f"/staff/reviews/{visible}/conflict").status_code == 404


@pytest.mark.parametrize("role", ["chair", "member", "reviewer", "board_member"])
def test_staff_without_the_permission_walking_user_ids_get_403(client, users, role):
    login(client, users[role])
    for user_id in range(1, len(users) + 3):
        assert client.get(f"/staff/users/{user_id}").status_code == 403
        assert client.post(f"/staff/users/{user_id}/end-sessions").status_code == 403


@pytest.mark.parametrize("role", ["member", "reviewer", "board_member"])
def test_staff_without_the_permission_walking_application_ids_get_403(client, users, role):
    intake = make_intake()
    ids = [make_application(intake).id for _ in range(3)]
    login(client, users[role])
    for application_id in [*ids, max(ids) + 1]:
        assert client.get(f"/staff/board/applications/{application_id}").status_code == 403
        export = client.post(
            f"/staff/board/applications/{application_id}/export/json", data=EXPORT_REASON
        )
        assert export.status_code == 403
