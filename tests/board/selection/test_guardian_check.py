"""Before an offer to a minor, staff record how the guardian was confirmed (issue 11, M5)."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.auth.roles import Role
from sro_board.board.checks import GuardianCheck
from sro_board.board.enums import AgeRange, Category
from sro_board.board.models import Application
from sro_board.board.stages import Stage
from sro_board.core.clock import today_local
from sro_board.core.extensions import db
from tests.board.factories import make_application, make_guardian, make_intake
from tests.board.signin import sign_in, staff


@pytest.fixture
def admin(app):
    """An admin."""
    return staff({Role.ADMIN}, "boss@example.org", "Ada Admin")


@pytest.fixture
def minor(app):
    """A shortlisted 15-year-old whose guardian consented by email."""
    application = make_application(
        make_intake(), Category.STUDENT, Stage.SHORTLISTED, age_range=AgeRange.AGE_14_15
    )
    make_guardian(application, confirmed=True)
    return application


def _offer(client, application):
    return client.post(
        f"/staff/board/applications/{application.id}/move",
        data={"stage": "offered", "reason": "Top of the shortlist."},
    )


def test_the_offer_to_a_minor_is_refused_until_the_guardian_is_confirmed(client, admin, minor):
    sign_in(client, admin)
    refused = _offer(client, minor)
    assert refused.status_code == 400
    assert "record how their parent or guardian was confirmed" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Application, minor.id).stage is Stage.SHORTLISTED

    recorded = client.post(
        f"/staff/board/applications/{minor.id}/guardian-check",
        data={
            "method": "phone_call",
            "confirmed_on": today_local().isoformat(),
            "note": "Called the number on the school's records.",
        },
    )
    assert recorded.status_code == 302
    check = db.session.scalars(sa.select(GuardianCheck)).one()
    assert (check.method.value, check.staff_id) == ("phone_call", admin.id)
    entry = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "application.guardian_check")
    ).one()
    assert "school's records" not in f"{entry.summary} {entry.after}"

    assert _offer(client, minor).status_code == 302
    db.session.expire_all()
    assert db.session.get(Application, minor.id).stage is Stage.OFFERED


def test_an_adult_needs_no_guardian_check(client, admin):
    adult = make_application(make_intake(), Category.PARENT, Stage.SHORTLISTED)
    sign_in(client, admin)
    assert _offer(client, adult).status_code == 302


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"method": "", "confirmed_on": "2027-01-01"}, "Choose how the guardian was confirmed"),
        ({"method": "email", "confirmed_on": "2027-01-01"}, "Not a valid choice"),
        ({"method": "phone_call", "confirmed_on": ""}, "Enter the date of the confirmation"),
        ({"method": "phone_call", "confirmed_on": "future"}, "cannot be in the future"),
        ({"method": "phone_call", "confirmed_on": "today", "note": "x" * 301}, "300"),
    ],
)
def test_a_bad_check_is_refused_with_a_message(client, admin, minor, data, message):
    if data["confirmed_on"] == "future":
        data["confirmed_on"] = (today_local() + timedelta(days=1)).isoformat()
    if data["confirmed_on"] == "today":
        data["confirmed_on"] = today_local().isoformat()
    sign_in(client, admin)
    response = client.post(f"/staff/board/applications/{minor.id}/guardian-check", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(GuardianCheck)) == 0


def test_the_collection_notice_says_so(client):
    make_intake()
    page = client.get("/advisory-board/apply").get_data(as_text=True)
    assert "before a student under 18 is offered a seat" in page
