"""A guardian's consent for a student under 18: emailed through real SMTP, single-use, expiring."""

from datetime import UTC, timedelta

import pytest
import sqlalchemy as sa

from sro_board.board.applications import views_links as views_public
from sro_board.board.applications.guardian import expire_overdue_consents
from sro_board.board.models import Application, GuardianConsent
from sro_board.board.stages import Stage
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from sro_board.mail.models import EmailState, OutboxEmail
from tests.board.applying import (  # noqa: F401 - fixtures: app_mailing_the_mailbox, loopback_mailbox
    PARENT,
    STUDENT_15,
    app_mailing_the_mailbox,
    applications,
    apply,
    link_path,
    loopback_mailbox,
    open_intake,
    smtp_server,
    smtp_settings,
)
from tests.factories import count_rows, fresh_app
from tests.pages import text

GUARDIAN = STUDENT_15["guardian_email"]
STUDENT = STUDENT_15["email"]


@pytest.fixture
def consent_path(client, mailbox) -> str:
    """A 15-year-old applies; the path of the link their guardian received."""
    assert apply(client, open_intake(), STUDENT_15).status_code == 201
    return link_path(mailbox.body(GUARDIAN), "consent")


def the_application() -> Application:
    """The only application, freshly read."""
    (application,) = applications()
    return application


def test_a_fifteen_year_old_applies_and_the_guardian_confirms(client, mailbox):
    intake = open_intake()
    assert apply(client, intake, STUDENT_15).status_code == 201
    application = the_application()
    assert application.stage is Stage.AWAITING_GUARDIAN

    # The student got their confirmation, the guardian the request, both through SMTP.
    assert "/advisory-board/status/" in mailbox.body(STUDENT)
    request = mailbox.to(GUARDIAN)[0]
    assert request["Subject"].startswith("Please confirm consent")
    assert request["From"] == "SRO advisory board <no-reply@example.org>"
    body = request.get_content()
    assert "Hello Dana Osterbrook" in body
    assert "Kai Osterbrook has applied" in body
    path = link_path(body, "consent")
    assert set(db.session.scalars(sa.select(OutboxEmail.state))) == {EmailState.SENT}

    # The student's status page says what they are waiting for.
    status = text(client.get(link_path(mailbox.body(STUDENT, 0), "status")))
    assert "Waiting for your parent or guardian" in status

    page = text(client.get(path))
    assert "Do you agree to this student's application?" in page
    assert "Kai Osterbrook" in page
    assert "Collection notice" in page
    assert 'name="full_name"' in page  # the student asked for their full name on the roster

    response = client.post(path, data={"agree": "y", "full_name": "y", "confirm": "Give consent"})
    assert response.status_code == 302
    assert response.location == "/advisory-board/consent/done"
    assert "Thank you for giving consent" in text(client.get(response.location))

    application = the_application()
    assert application.stage is Stage.ELIGIBLE
    assert application.guardian.confirmed_at is not None
    assert application.guardian.consent_full_name
    assert [e.to_stage for e in application.events] == [
        Stage.SUBMITTED,
        Stage.AWAITING_GUARDIAN,
        Stage.ELIGIBLE,
    ]
    assert "has confirmed that they agree" in mailbox.body(STUDENT)

    # The link works once.
    used = client.get(path)
    assert used.status_code == 410
    assert "Consent was already given" in text(used)
    again = client.post(path, data={"agree": "y", "confirm": "Give consent"})
    assert again.status_code == 410
    assert len(the_application().events) == 3


def test_consent_needs_the_box_ticked(client, consent_path):
    response = client.post(consent_path, data={"confirm": "Give consent"})
    assert response.status_code == 200
    assert "Tick the box to give your consent." in text(response)
    assert 'href="#agree"' in text(response)
    assert the_application().stage is Stage.AWAITING_GUARDIAN
    assert the_application().guardian.confirmed_at is None


def test_full_name_needs_the_student_and_the_guardian(client, mailbox):
    apply(client, open_intake(), STUDENT_15, consent_full_name=None)
    path = link_path(mailbox.body(GUARDIAN), "consent")
    assert 'name="full_name"' not in text(client.get(path))
    client.post(path, data={"agree": "y", "full_name": "y", "confirm": "Give consent"})
    assert not the_application().guardian.consent_full_name


def test_the_guardian_may_refuse(client, mailbox, consent_path):
    response = client.post(consent_path, data={"decline": "I do not give consent"})
    assert response.status_code == 302
    assert "you did not give consent" in text(client.get(response.location))
    application = the_application()
    assert application.stage is Stage.WITHDRAWN
    assert application.guardian.confirmed_at is None
    assert application.events[-1].reason == "A parent or guardian did not give consent."
    closed = client.get(consent_path)
    assert closed.status_code == 410
    assert "no longer waiting for consent" in text(closed)


def test_an_expired_link_is_refused_and_the_application_expires(app, client, runner, consent_path):
    later = now_utc() + timedelta(days=app.config["GUARDIAN_CONSENT_DAYS"], minutes=1)
    with clock_set_to(later):
        page = client.get(consent_path)
        assert page.status_code == 410
        assert "This consent link has expired" in text(page)
        refused = client.post(consent_path, data={"agree": "y", "confirm": "Give consent"})
        assert refused.status_code == 410
        assert the_application().stage is Stage.AWAITING_GUARDIAN

        result = runner.invoke(args=["board", "expire-consents"])
        assert result.exit_code == 0, result.output
        assert "Expired 1 application(s)" in result.output
        application = the_application()
        assert application.stage is Stage.EXPIRED
        assert "No parent or guardian consent within 14 days." in application.events[-1].reason
        assert "This consent link has expired" in text(client.get(consent_path))

        again = runner.invoke(args=["board", "expire-consents"])
        assert "nothing expired" in again.output


def test_expiry_leaves_consents_that_are_still_in_time(client, consent_path):
    assert expire_overdue_consents(now_utc() + timedelta(days=13)) == []
    assert the_application().stage is Stage.AWAITING_GUARDIAN


def test_the_expiry_period_is_configurable(mailbox):
    with fresh_app(GUARDIAN_CONSENT_DAYS=3, **smtp_settings(mailbox)) as app:
        client = app.test_client()
        apply(client, open_intake(), STUDENT_15)
        expires = db.session.scalar(sa.select(GuardianConsent.expires_at))
        expires = expires if expires.tzinfo else expires.replace(tzinfo=UTC)
        assert abs(expires - (now_utc() + timedelta(days=3))) < timedelta(minutes=1)
        assert "They have 3 days" in mailbox.body(STUDENT)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token[:-1],
        lambda token: token + "x",
        lambda token: "not-a-token",
        lambda token: token.upper(),
    ],
    ids=["one-character-changed", "shortened", "lengthened", "made-up", "case-changed"],
)
def test_a_tampered_link_is_refused(client, consent_path, tamper):
    token = consent_path.rsplit("/", 1)[1]
    bad = f"/advisory-board/consent/{tamper(token)}"
    for response in (client.get(bad), client.post(bad, data={"agree": "y", "confirm": "Give"})):
        assert response.status_code == 404
        assert "This link does not work" in text(response)
    assert the_application().stage is Stage.AWAITING_GUARDIAN
    assert the_application().guardian.confirmed_at is None


def test_the_token_itself_is_not_stored(client, consent_path):
    token = consent_path.rsplit("/", 1)[1]
    consent = the_application().guardian
    assert token not in (consent.token_hash, consent.guardian_email, consent.guardian_name)
    assert len(consent.token_hash) == 64


def test_the_student_can_send_the_link_again_to_a_corrected_address(client, mailbox):
    apply(client, open_intake(), STUDENT_15, guardian_email="dana.osterbrok@example.net")
    old_path = link_path(mailbox.body("dana.osterbrok@example.net"), "consent")
    status_path = link_path(mailbox.body(STUDENT), "status")
    assert "Send the link again" in text(client.get(status_path))

    response = client.post(status_path + "/guardian", data={"guardian_email": GUARDIAN})
    assert response.status_code == 302
    assert "We sent your parent or guardian a new link" in text(client.get(status_path))
    new_path = link_path(mailbox.body(GUARDIAN), "consent")
    assert new_path != old_path
    assert client.get(old_path).status_code == 404
    assert client.get(new_path).status_code == 200
    assert the_application().guardian.guardian_email == GUARDIAN


def test_resending_to_the_students_own_address_is_refused(client, mailbox):
    apply(client, open_intake(), STUDENT_15)
    status_path = link_path(mailbox.body(STUDENT), "status")
    response = client.post(status_path + "/guardian", data={"guardian_email": STUDENT})
    assert response.status_code == 200
    assert "own email address" in text(response)
    assert len(mailbox.to(STUDENT)) == 1


def test_only_students_under_18_are_asked_for_consent(client, mailbox):
    apply(client, open_intake(), PARENT)
    assert count_rows(GuardianConsent) == 0
    assert [m["X-Envelope-To"] for m in mailbox.messages] == [PARENT["email"]]


def test_two_answers_at_the_same_moment_keep_the_first(client, consent_path, monkeypatch):
    real = views_public.confirm_guardian_consent

    def at_the_same_moment(consent, full_name):
        db.session.execute(
            sa.update(Application)
            .values(version=Application.version + 1)
            .execution_options(synchronize_session=False)
        )
        return real(consent, full_name)

    monkeypatch.setattr(views_public, "confirm_guardian_consent", at_the_same_moment)
    response = client.post(consent_path, data={"agree": "y", "confirm": "Give consent"})
    assert response.status_code == 302
    assert response.location == consent_path
    assert the_application().stage is Stage.AWAITING_GUARDIAN
