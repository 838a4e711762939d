"""The private status link: the stage in plain words, contact changes, withdrawal, a lost link."""

import re

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.board.applications import views_links as views_public
from sro_board.board.enums import Category
from sro_board.board.labels import APPLICANT_STAGES
from sro_board.board.models import Application
from sro_board.board.stages import Stage
from sro_board.board.transitions import move_to
from sro_board.core.clock import now_utc
from sro_board.core.extensions import db
from sro_board.security.tokens import hash_token
from tests.board.applying import PARENT, TEACHER, applications, apply, open_intake, outbox, submit
from tests.factories import count_rows
from tests.pages import text


@pytest.fixture
def intake(app):
    """An open intake."""
    return open_intake()


@pytest.fixture
def status_path(client, intake) -> str:
    """A parent applies through the form; the status link from the confirmation page."""
    page = text(apply(client, intake, PARENT))
    return re.search(r'href="(/advisory-board/status/[A-Za-z0-9_-]{43})"', page).group(1)


def the_application() -> Application:
    """The parent's application, freshly read."""
    return applications()[0]


def test_the_status_page_shows_the_stage_in_plain_words(client, status_path):
    page = text(client.get(status_path))
    application = the_application()
    assert application.reference in page
    assert "Where it stands: Received and eligible" in page
    assert "Parent or guardian" in page
    assert "Withdraw your application" in page
    # The link in the email is the same as on the confirmation page.
    assert status_path in outbox(PARENT["email"])[0].body


def test_every_stage_has_plain_words(client, intake):
    submitted = submit(intake)
    path = f"/advisory-board/status/{submitted.status_token}"
    application = submitted.application
    application.interview_at = now_utc()
    application.interview_format = "Video call"
    for stage in (Stage.IN_REVIEW, Stage.SHORTLISTED, Stage.INTERVIEW, Stage.OFFERED):
        move_to(application, stage, None)
        db.session.commit()
        page = text(client.get(path))
        assert f"Where it stands: {APPLICANT_STAGES[stage][0]}" in page
        assert ("Video call" in page) is (stage is Stage.INTERVIEW)


def test_an_ineligible_applicant_sees_why(client, intake):
    submitted = submit(intake, Category.STAFF, staff_role="not_at_school")
    page = text(client.get(f"/advisory-board/status/{submitted.status_token}"))
    assert "Where it stands: Not eligible" in page
    assert "School staff seats are for people who work at a school." in page


def test_another_applications_data_is_never_shown(client, intake, status_path):
    other = submit(
        intake,
        Category.STAFF,
        name="Quincy Other-Person",
        email="quincy.other@example.net",
        phone="780-555-0111",
    )
    page = text(client.get(status_path))
    for value in (
        "Quincy",
        "quincy.other@example.net",
        "780-555-0111",
        other.application.reference,
    ):
        assert value not in page
    theirs = text(client.get(f"/advisory-board/status/{other.status_token}"))
    for value in (PARENT["email"], PARENT["phone"], the_application().reference):
        assert value not in theirs


@pytest.mark.parametrize(
    "token",
    ["x" * 43, "short", "a" * 44, "' OR 1=1 --"],
    ids=["unknown", "short", "long", "injection"],
)
def test_an_unknown_link_shows_a_clear_page(client, status_path, token):
    response = client.get(f"/advisory-board/status/{token}")
    assert response.status_code == 404
    assert "This link does not work" in text(response)
    for action in ("contact", "withdraw", "guardian"):
        posted = client.post(f"/advisory-board/status/{token}/{action}", data={"confirm": "y"})
        assert posted.status_code == 404
    assert the_application().stage is Stage.ELIGIBLE


def test_only_a_hash_of_the_token_is_stored(client, status_path):
    token = status_path.rsplit("/", 1)[1]
    application = the_application()
    assert application.status_token_hash == hash_token(token)
    row = db.session.execute(sa.select(Application.__table__)).one()
    assert token not in repr(tuple(row))


def test_private_pages_are_not_cached_and_send_no_referrer(client, status_path):
    for path in (status_path, "/advisory-board/applied"):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["Referrer-Policy"] == "no-referrer"


def test_a_purged_application_link_no_longer_works(client, status_path):
    application = the_application()
    application.purged_at = now_utc()
    db.session.commit()
    assert client.get(status_path).status_code == 404


# Contact details ----------------------------------------------------------------------------------


def test_the_applicant_changes_email_and_phone(client, status_path):
    response = client.post(
        status_path + "/contact", data={"email": " New.Address@Example.net ", "phone": ""}
    )
    assert response.status_code == 302
    assert response.location == status_path
    page = text(client.get(status_path))
    assert "We emailed a link to the new address" in page
    application = the_application()
    assert application.email == PARENT["email"]  # until the new address confirms
    assert application.phone is None
    (confirm,) = outbox("new.address@example.net")
    client.post(re.search(r"/advisory-board/confirm-email/[\w-]{43}", confirm.body).group(0))
    assert the_application().email == "new.address@example.net"
    # Both addresses are told, without the new values in the notice.
    for address in (PARENT["email"], "new.address@example.net"):
        *_, notice = [m for m in outbox(address) if "contact details changed" in m.subject]
        assert "The email on advisory board application" in notice.body
        assert "new.address" not in notice.body
    entries = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "application.contact")
    ).all()
    assert [e.after for e in entries] == [{"changed": ["phone"]}, {"changed": ["email"]}]
    assert all("new.address" not in e.summary for e in entries)


def test_saving_unchanged_details_changes_nothing(client, status_path):
    emails = len(outbox())
    client.post(status_path + "/contact", data=PARENT)
    assert "Nothing changed." in text(client.get(status_path))
    assert len(outbox()) == emails


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "", "phone": ""}, "Enter your email address."),
        ({"email": "no-at-sign", "phone": ""}, "Enter an email address like"),
        ({"email": PARENT["email"], "phone": "ring ring"}, "Enter a phone number"),
    ],
    ids=["no-email", "bad-email", "bad-phone"],
)
def test_bad_contact_details_are_explained_and_not_saved(client, status_path, data, message):
    response = client.post(status_path + "/contact", data=data)
    assert response.status_code == 200
    assert message in text(response)
    assert "Please fix the following" in text(response)
    application = the_application()
    assert application.email == PARENT["email"]
    assert application.phone == PARENT["phone"]


def test_an_address_used_by_another_application_is_refused_without_details(
    client, intake, status_path
):
    other = submit(intake, Category.STAFF, name="Quincy Other-Person")
    response = client.post(
        status_path + "/contact", data={"email": other.application.email, "phone": ""}
    )
    page = text(response)
    assert "This email address cannot be used for this application." in page
    assert "Quincy" not in page
    assert other.application.reference not in page
    assert the_application().email == PARENT["email"]


# Withdrawal -----------------------------------------------------------------------------------


def test_withdrawing_needs_a_confirmation(client, status_path):
    response = client.post(status_path + "/withdraw", data={})
    assert response.status_code == 200
    assert "Tick the box to confirm that you want to withdraw." in text(response)
    assert the_application().stage is Stage.ELIGIBLE


def test_the_applicant_withdraws(client, status_path):
    response = client.post(status_path + "/withdraw", data={"confirm": "y"})
    assert response.status_code == 302
    page = text(client.get(status_path))
    assert "Your application was withdrawn." in page
    assert "Where it stands: Withdrawn" in page
    assert "Withdraw my application" not in page
    assert "can no longer be changed" in page
    application = the_application()
    assert application.stage is Stage.WITHDRAWN
    assert application.decided_at is not None
    assert application.events[-1].reason == "Withdrawn by the applicant."
    assert application.events[-1].actor_id is None

    # Nothing more can change.
    again = client.post(status_path + "/withdraw", data={"confirm": "y"})
    assert "cannot move to withdrawn" in text(again)
    refused = client.post(status_path + "/contact", data={"email": "x@example.net"})
    assert "cannot change" in text(refused)
    assert the_application().email == PARENT["email"]


# A lost link ----------------------------------------------------------------------------------


def test_a_lost_link_is_replaced_by_email(client, intake, status_path):
    page = text(client.get("/advisory-board/new-status-link"))
    assert "Get a new status link" in page
    response = client.post(
        "/advisory-board/new-status-link", data={"email": PARENT["email"].upper()}
    )
    assert response.status_code == 302
    assert "If an application was made with that address" in text(client.get(response.location))
    (notice,) = [m for m in outbox(PARENT["email"]) if "new advisory board status" in m.subject]
    new_path = re.search(r"/advisory-board/status/[A-Za-z0-9_-]{43}", notice.body).group(0)
    assert client.get(status_path).status_code == 404
    assert client.get(new_path).status_code == 200


def test_asking_for_a_link_reveals_nothing_about_an_address(client, intake, status_path):
    known = client.post("/advisory-board/new-status-link", data={"email": PARENT["email"]})
    known_page = text(client.get(known.location))
    unknown = client.post("/advisory-board/new-status-link", data={"email": "who@example.net"})
    assert known.status_code == unknown.status_code == 302
    assert known.location == unknown.location
    assert known_page == text(client.get(unknown.location))
    (reply,) = outbox("who@example.net")  # the same work for both: one email each
    assert "no application was made with it" in reply.body
    assert "/advisory-board/status/" not in reply.body


def test_a_lost_link_request_needs_an_email_address(client):
    response = client.post("/advisory-board/new-status-link", data={"email": "nope"})
    assert "Enter an email address like" in text(response)
    assert count_rows(Application) == 0


def test_teacher_status_page(client, intake):
    page = text(apply(client, intake, TEACHER))
    path = re.search(r'href="(/advisory-board/status/[^"]+)"', page).group(1)
    assert "School staff" in text(client.get(path))


def bump_version_behind_the_sessions_back(application: Application) -> None:
    """Someone else changed the application since this request read it."""
    db.session.execute(
        sa.update(Application)
        .where(Application.id == application.id)
        .values(version=Application.version + 1)
        .execution_options(synchronize_session=False)
    )


@pytest.mark.parametrize(
    ("action", "data", "service"),
    [
        ("withdraw", {"confirm": "y"}, "withdraw"),
        ("contact", {"email": "new.address@example.net"}, "update_contact"),
    ],
)
def test_a_change_made_meanwhile_is_reported_not_overwritten(
    client, status_path, monkeypatch, action, data, service
):
    real = getattr(views_public, service)

    def at_the_same_moment(application, *args):
        bump_version_behind_the_sessions_back(application)
        return real(application, *args)

    monkeypatch.setattr(views_public, service, at_the_same_moment)
    response = client.post(f"{status_path}/{action}", data=data)
    assert response.status_code == 302
    assert "changed while this page was open" in text(client.get(status_path))
    application = the_application()
    assert application.stage is Stage.ELIGIBLE
    assert application.email == PARENT["email"]
