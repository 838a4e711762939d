"""An applicant's rights: export of everything held (audited) and deletion on request."""

import csv
import io
import json

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.board.enums import AgeRange, Category, SelfIdAnswer
from sro_board.board.models import Application, GuardianConsent, SelfIdentification
from sro_board.board.stages import Stage
from sro_board.core.extensions import db
from tests.board.factories import (
    GUARDIAN_NAME,
    add_criteria,
    make_application,
    make_guardian,
    make_intake,
    make_self_id,
    score,
)
from tests.factories import count_rows, login


@pytest.fixture
def applicant(app, users):
    """A minor's application with a guardian, self-identification and a review."""
    intake = make_intake()
    (criterion,) = add_criteria(intake, 1)
    application = make_application(
        intake, Category.STUDENT, Stage.SHORTLISTED, age_range=AgeRange.AGE_14_15
    )
    make_guardian(application)
    make_self_id(application, newcomer=SelfIdAnswer.PREFER_NOT)
    score(application, users["reviewer"], [criterion], [5], comment="Insightful.")
    return application


def _audit(action):
    return db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == action)).all()


def test_json_export_holds_everything_and_is_audited(client, users, applicant):
    login(client, users["admin"])
    response = client.post(
        f"/staff/board/applications/{applicant.id}/export/json",
        data={"category": "applicant_request", "reason": "Asked by email."},
    )
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    assert applicant.reference in response.headers["Content-Disposition"]
    assert applicant.email not in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    assert data["application"]["name"] == applicant.name
    assert data["application"]["email"] == applicant.email
    assert data["application"]["accommodations"] == applicant.accommodations
    assert data["guardian"]["guardian_name"] == GUARDIAN_NAME
    assert data["self_identification"] == {
        "racialized": "yes",
        "indigenous": None,
        "lgbtq": None,
        "disability": None,
        "newcomer": "prefer_not",
    }
    assert data["review_scores"] == [
        {"criterion": "Criterion 1", "score": 5, "comment": "Insightful."}
    ]
    assert users["reviewer"].name not in response.get_data(as_text=True)
    assert "status_token_hash" not in data["application"]
    (entry,) = _audit("application.export")
    assert entry.actor_id == users["admin"].id
    assert entry.entity_id == applicant.reference
    assert applicant.name not in entry.summary


def test_csv_export_has_one_value_per_line(client, users, applicant):
    login(client, users["admin"])
    response = client.post(
        f"/staff/board/applications/{applicant.id}/export/csv",
        data={"category": "applicant_request", "reason": "Asked by email."},
    )
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["section", "item", "field", "value"]
    assert ["application", "1", "email", applicant.email] in rows
    assert ["guardian", "1", "guardian_name", GUARDIAN_NAME] in rows
    assert ["self_identification", "1", "racialized", "yes"] in rows
    assert len(_audit("application.export")) == 1


def test_export_needs_a_known_format(client, users, applicant):
    login(client, users["admin"])
    response = client.post(f"/staff/board/applications/{applicant.id}/export/xml")
    assert response.status_code == 302
    assert not _audit("application.export")


def test_only_the_admin_exports(client, users, applicant):
    for role in ("chair", "reviewer", "member"):
        login(client, users[role])
        response = client.post(
            f"/staff/board/applications/{applicant.id}/export/json",
            data={"category": "applicant_request", "reason": "Asked by email."},
        )
        assert response.status_code == 403
        client.post("/logout")
    assert not _audit("application.export")


def test_delete_on_request_withdraws_and_purges_with_a_reason(client, users, applicant):
    login(client, users["admin"])
    assert client.get(f"/staff/board/applications/{applicant.id}/delete").status_code == 200
    response = client.post(
        f"/staff/board/applications/{applicant.id}/delete",
        data={
            "category": "applicant_request",
            "reason": "Request received by email on 3 March.",
            "confirm": "y",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    application = db.session.get(Application, applicant.id)
    assert application.stage is Stage.WITHDRAWN
    assert application.purged_at is not None
    assert application.name is None
    assert application.email is None
    assert count_rows(SelfIdentification) == 0
    assert count_rows(GuardianConsent) == 0
    (entry,) = _audit("application.purge")
    assert entry.actor_id == users["admin"].id
    assert entry.after["reason"] == "on request (the applicant asked)"
    assert "3 March" not in str(entry.after)
    page = client.get(response.location).get_data(as_text=True)
    assert "personal data of this application was deleted" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"category": "applicant_request", "reason": "", "confirm": "y"}, "Record the request"),
        (
            {"category": "applicant_request", "reason": "Asked by phone."},
            "Confirm that the data is to be deleted",
        ),
    ],
)
def test_delete_needs_a_reason_and_a_confirmation(client, users, applicant, data, message):
    login(client, users["admin"])
    response = client.post(f"/staff/board/applications/{applicant.id}/delete", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Application, applicant.id).name is not None
    assert count_rows(SelfIdentification) == 1


def test_a_member_is_not_deleted_this_way(client, users):
    application = make_application(make_intake(), stage=Stage.ACCEPTED)
    login(client, users["admin"])
    response = client.post(
        f"/staff/board/applications/{application.id}/delete",
        data={"category": "applicant_request", "reason": "Asked.", "confirm": "y"},
    )
    assert response.status_code == 400
    assert "board member" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Application, application.id).name is not None


def test_deleting_twice_is_refused(client, users, applicant):
    login(client, users["admin"])
    url = f"/staff/board/applications/{applicant.id}/delete"
    client.post(url, data={"category": "applicant_request", "reason": "Asked.", "confirm": "y"})
    response = client.post(
        url, data={"category": "applicant_request", "reason": "Asked again.", "confirm": "y"}
    )
    assert response.status_code == 400
    assert "already deleted" in response.get_data(as_text=True)
    assert len(_audit("application.purge")) == 1
