"""Export, deletion and eligibility override need a fresh login and a reason (issue 11, M2, L6).

The reason's details stay out of the audit log (only a category and the reason's id), and are
emptied by `flask board purge` once REASON_RETENTION_DAYS have passed (app clock).

ASVS 5.0: 7.5.1 (re-authentication before sensitive actions), 14.2.4 (retention as documented).
"""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.auth.roles import Role
from sro_board.board.enums import Category
from sro_board.board.models import Application
from sro_board.board.privacy.models import StaffReason
from sro_board.board.stages import Stage
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from tests.board.factories import make_application, make_intake
from tests.board.signin import confirm_identity, sign_in, staff

GUARDIAN = "Ophelia Quartermain"
DETAILS = f"Asked by her mother {GUARDIAN} by phone on 3 March."


@pytest.fixture
def admin(app):
    """An admin (with two-step login)."""
    return staff({Role.ADMIN}, "boss@example.org", "Ada Admin")


def _audit(action: str) -> list[AuditEntry]:
    return list(db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == action)))


def _all_audit_text() -> str:
    rows = db.session.scalars(sa.select(AuditEntry)).all()
    return " ".join(f"{e.summary} {e.before} {e.after}" for e in rows)


def _later(minutes: int):
    return clock_set_to(now_utc() + timedelta(minutes=minutes))


@pytest.mark.parametrize("path", ["export/json", "export/csv", "delete"])
def test_a_stale_login_is_asked_to_confirm_first(client, admin, path):
    application = make_application(make_intake())
    sign_in(client, admin)
    url = f"/staff/board/applications/{application.id}/{path}"
    data = {"category": "applicant_request", "reason": "Asked.", "confirm": "y"}
    with _later(11):  # REAUTH_MINUTES is 10
        response = client.post(url, data=data)
    assert response.status_code == 302
    assert response.location.startswith("/account/confirm?next=")
    db.session.expire_all()
    assert db.session.get(Application, application.id).name is not None
    assert not _audit("application.export")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StaffReason)) == 0
    with _later(11):
        confirm_identity(client, admin, url)
        assert client.get(url).status_code == 200  # the page, with its reason form


def test_export_needs_a_reason_and_keeps_it_out_of_the_audit_log(client, admin):
    application = make_application(make_intake())
    sign_in(client, admin)
    url = f"/staff/board/applications/{application.id}/export/json"
    refused = client.post(url, data={"category": "", "reason": ""})
    assert refused.status_code == 400
    assert "Choose why" in refused.get_data(as_text=True)
    too_long = client.post(url, data={"category": "applicant_request", "reason": "x" * 501})
    assert too_long.status_code == 400
    assert not _audit("application.export")

    response = client.post(
        url, data={"category": "guardian_request", "reason": f"\u202e{DETAILS}\u202c"}
    )
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    (reason,) = db.session.scalars(sa.select(StaffReason)).all()
    assert reason.details == DETAILS  # bidi controls stripped
    assert reason.actor_id == admin.id
    (entry,) = _audit("application.export")
    assert entry.after == {
        "format": "json",
        "reason_category": "guardian_request",
        "reason_id": reason.id,
    }
    assert GUARDIAN not in _all_audit_text()
    page = client.get(f"/staff/board/applications/{application.id}").get_data(as_text=True)
    assert DETAILS in page  # shown to staff with the application, while it is kept


def test_deletion_reason_is_not_in_the_audit_log_or_the_history(client, admin):
    application = make_application(make_intake(), stage=Stage.IN_REVIEW)
    sign_in(client, admin)
    response = client.post(
        f"/staff/board/applications/{application.id}/delete",
        data={"category": "guardian_request", "reason": DETAILS, "confirm": "y"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    application = db.session.get(Application, application.id)
    assert application.purged_at is not None
    assert all(GUARDIAN not in e.reason for e in application.events)
    assert GUARDIAN not in _all_audit_text()
    (entry,) = _audit("application.purge")
    assert entry.after["reason_category"] == "guardian_request"


def test_an_override_needs_a_fresh_login_and_a_category(client, admin):
    application = make_application(
        make_intake(), Category.PARENT, Stage.INELIGIBLE, eligibility_reason="Not a parent."
    )
    sign_in(client, admin)
    url = f"/staff/board/applications/{application.id}/move"
    data = {"stage": "eligible", "reason": DETAILS}
    with _later(11):
        stale = client.post(url, data=data | {"category": "rules_misapplied"})
    assert stale.status_code == 400
    assert "confirm your password" in stale.get_data(as_text=True)
    no_category = client.post(url, data=data)
    assert no_category.status_code == 400
    assert "Choose why" in no_category.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Application, application.id).stage is Stage.INELIGIBLE

    done = client.post(url, data=data | {"category": "rules_misapplied"})
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(Application, application.id).stage is Stage.ELIGIBLE
    (entry,) = _audit("application.override")
    assert entry.after["reason_category"] == "rules_misapplied"
    assert GUARDIAN not in _all_audit_text()


def test_the_purge_empties_reason_details_after_their_retention(app, admin, runner):
    application = make_application(make_intake())
    db.session.add(
        StaffReason(
            action="export",
            category="applicant_request",
            details=DETAILS,
            application_id=application.id,
            actor_id=admin.id,
            created_at=now_utc() - timedelta(days=app.config["REASON_RETENTION_DAYS"] - 1),
        )
    )
    db.session.commit()
    assert "Emptied the details of 0 staff reason" in runner.invoke(args=["board", "purge"]).output
    with clock_set_to(now_utc() + timedelta(days=2)):
        dry = runner.invoke(args=["board", "purge", "--dry-run"]).output
        assert "Would empty the details of 1 staff reason" in dry
        db.session.expire_all()
        assert db.session.scalars(sa.select(StaffReason)).one().details == DETAILS
        result = runner.invoke(args=["board", "purge"])
    assert "Emptied the details of 1 staff reason" in result.output
    db.session.expire_all()
    reason = db.session.scalars(sa.select(StaffReason)).one()
    assert reason.details == ""
    assert reason.details_purged_at is not None
    assert reason.category.value == "applicant_request"
