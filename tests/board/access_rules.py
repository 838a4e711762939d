"""Who may use each advisory-board endpoint (picked up by tests/security/test_access_matrix.py).

The applicant side comes first: every public page is open to everyone, with or without a login.
The staff side appends its rows to BOARD_ACCESS below that block.
"""

import re

from sro_board.board.applications.email_change import request_email_change
from sro_board.board.enums import Category
from sro_board.core.extensions import db
from tests.board.applying import PARENT, link_path, open_intake, outbox, submit
from tests.security.access import EVERYONE, Access

# Applicant side (public) ---------------------------------------------------------------------


def an_open_intake(users: dict) -> dict:
    """An intake taking applications."""
    return {"intake_id": open_intake().id}


def a_status_link(users: dict) -> dict:
    """A parent's application and its private status token."""
    return {"token": submit(open_intake()).status_token}


def a_minor_status_link(users: dict) -> dict:
    """A 15-year-old's application waiting for their guardian."""
    return {"token": submit(open_intake(), Category.STUDENT).status_token}


def a_consent_link(users: dict) -> dict:
    """A guardian's consent token, read from the email that was queued."""
    submitted = submit(open_intake(), Category.STUDENT)
    guardian_email = submitted.application.guardian.guardian_email
    return {"path": link_path(outbox(guardian_email)[-1].body, "consent")}


def an_email_change_link(users: dict) -> dict:
    """The link that confirms a new contact email, read from the email sent to it."""
    application = submit(open_intake()).application
    request_email_change(application, "new.address@example.net")
    db.session.commit()
    body = outbox("new.address@example.net")[-1].body
    return {"path": re.search(r"/advisory-board/confirm-email/\S+", body).group(0)}


BOARD_ACCESS: dict[str, Access] = {
    "board.join": Access("/advisory-board", EVERYONE),
    "board.apply": Access("/advisory-board/apply", EVERYONE, setup=an_open_intake),
    "board.apply POST": Access(
        "/advisory-board/apply",
        EVERYONE,
        method="POST",
        data={"intake": "{intake_id}"} | PARENT,
        setup=an_open_intake,
    ),
    "board.applied": Access("/advisory-board/applied", EVERYONE),
    "board.status": Access("/advisory-board/status/{token}", EVERYONE, setup=a_status_link),
    "board.update_contact_details": Access(
        "/advisory-board/status/{token}/contact",
        EVERYONE,
        method="POST",
        data={"email": "new.address@example.net", "phone": ""},
        setup=a_status_link,
    ),
    "board.withdraw_application": Access(
        "/advisory-board/status/{token}/withdraw",
        EVERYONE,
        method="POST",
        data={"confirm": "y"},
        setup=a_status_link,
    ),
    "board.resend_guardian": Access(
        "/advisory-board/status/{token}/guardian",
        EVERYONE,
        method="POST",
        data={"guardian_email": "other.guardian@example.net"},
        setup=a_minor_status_link,
    ),
    "board.lost_link": Access("/advisory-board/new-status-link", EVERYONE),
    "board.lost_link POST": Access(
        "/advisory-board/new-status-link",
        EVERYONE,
        method="POST",
        data={"email": "someone@example.net"},
    ),
    "board.consent": Access("{path}", EVERYONE, setup=a_consent_link),
    "board.confirm_email": Access("{path}", EVERYONE, setup=an_email_change_link),
    "board.consent POST": Access(
        "{path}",
        EVERYONE,
        method="POST",
        data={"agree": "y", "confirm": "Give consent"},
        setup=a_consent_link,
    ),
    "board.consent_done": Access("/advisory-board/consent/done", EVERYONE),
}

# Staff side ----------------------------------------------------------------------------------
# The staff side: admin and chair see the board's pages, the admin changes things, reviewers
# reach only their own queue. Record-level checks (assignment, conflicts) are tested in
# test_review_blind.py; here each reviewer row is set up so the demo reviewer may pass.

BOARD_STAFF = frozenset({"admin", "chair"})
BOARD_ADMIN = frozenset({"admin"})
REVIEWERS = frozenset({"reviewer"})
INTAKE_FORM = {
    "title": "Access matrix intake",
    "opens_at": "2027-03-01T09:00",
    "closes_at": "2027-04-01T17:00",
    "seats_parent": "3",
    "seats_student": "3",
    "seats_staff": "3",
    "term_months": "24",
    "notice_purpose": "To recruit the advisory board.",
    "notice_authority": "Protection of Privacy Act.",
    "notice_contact_title": "Board coordinator",
    "notice_contact_email": "board@example.org",
    "notice_contact_phone": "403-555-0100",
}


def an_intake(users: dict) -> dict:
    """An intake with a scored criterion, the demo reviewer assigned, and one application."""
    from sro_board.board.stages import Stage
    from tests.board import factories

    intake = factories.make_intake()
    criteria = factories.add_criteria(intake, 2)
    factories.assign(intake, users["reviewer"])
    application = factories.make_application(intake, stage=Stage.IN_REVIEW)
    return {
        "intake_id": intake.id,
        "criterion_id": criteria[0].id,
        "application_id": application.id,
        "reviewer_id": users["reviewer"].id,
    }


def a_declared_review(users: dict) -> dict:
    """An application in review that the demo reviewer declared no conflict on."""
    from sro_board.board.review_models import ConflictDeclaration
    from sro_board.core.extensions import db

    ids = an_intake(users)
    db.session.add(
        ConflictDeclaration(
            application_id=ids["application_id"],
            reviewer_id=users["reviewer"].id,
            has_conflict=False,
        )
    )
    db.session.commit()
    return ids


_INTAKE = "/staff/board/intakes/{intake_id}"
_APPLICATION = "/staff/board/applications/{application_id}"
_CRITERION = "/staff/board/criteria/{criterion_id}"
_CRITERION_FORM = {"name": "Lived experience", "description": "", "weight": "2"}

BOARD_ACCESS |= {
    "board.roster": Access("/advisory-board/members", EVERYONE),
    "board.intakes": Access("/staff/board/", BOARD_STAFF),
    "board.intake_new": Access("/staff/board/intakes/new", BOARD_ADMIN),
    "board.intake_new POST": Access(
        "/staff/board/intakes/new", BOARD_ADMIN, method="POST", data=INTAKE_FORM
    ),
    "board.intake_detail": Access(_INTAKE, BOARD_STAFF, setup=an_intake),
    "board.intake_edit": Access(_INTAKE + "/edit", BOARD_ADMIN, setup=an_intake),
    "board.intake_edit POST": Access(
        _INTAKE + "/edit", BOARD_ADMIN, method="POST", data=INTAKE_FORM, setup=an_intake
    ),
    "board.reviewer_assign": Access(
        _INTAKE + "/reviewers",
        BOARD_ADMIN,
        method="POST",
        data={"reviewer": "{reviewer_id}"},
        setup=an_intake,
    ),
    "board.reviewer_remove": Access(
        _INTAKE + "/reviewers/{reviewer_id}/remove", BOARD_ADMIN, method="POST", setup=an_intake
    ),
    "board.start_review_all": Access(
        _INTAKE + "/start-review", BOARD_ADMIN, method="POST", setup=an_intake
    ),
    "board.criteria": Access(_INTAKE + "/criteria", BOARD_ADMIN, setup=an_intake),
    "board.criteria POST": Access(
        _INTAKE + "/criteria", BOARD_ADMIN, method="POST", data=_CRITERION_FORM, setup=an_intake
    ),
    "board.criterion_edit": Access(_CRITERION + "/edit", BOARD_ADMIN, setup=an_intake),
    "board.criterion_edit POST": Access(
        _CRITERION + "/edit", BOARD_ADMIN, method="POST", data=_CRITERION_FORM, setup=an_intake
    ),
    "board.criterion_delete": Access(
        _CRITERION + "/delete", BOARD_ADMIN, method="POST", setup=an_intake
    ),
    "board.applications": Access(_INTAKE + "/applications", BOARD_STAFF, setup=an_intake),
    "board.applications POST": Access(
        _INTAKE + "/applications",
        BOARD_STAFF,
        method="POST",
        data={"name": "Zelda"},
        setup=an_intake,
    ),
    "board.selection": Access(_INTAKE + "/selection", BOARD_STAFF, setup=an_intake),
    "board.application_detail": Access(_APPLICATION, BOARD_STAFF, setup=an_intake),
    "board.application_move": Access(
        _APPLICATION + "/move",
        BOARD_ADMIN,
        method="POST",
        data={"stage": "shortlisted", "reason": "Strong scores."},
        setup=an_intake,
    ),
    "board.application_export": Access(
        _APPLICATION + "/export/json",
        BOARD_ADMIN,
        method="POST",
        data={"category": "applicant_request", "reason": "Asked by email."},
        setup=an_intake,
    ),
    "board.application_export GET": Access(
        _APPLICATION + "/export/json", BOARD_ADMIN, setup=an_intake
    ),
    "board.guardian_check": Access(
        _APPLICATION + "/guardian-check",
        BOARD_ADMIN,
        method="POST",
        data={"method": "phone_call", "confirmed_on": "2020-01-01"},
        setup=an_intake,
    ),
    "board.application_delete": Access(_APPLICATION + "/delete", BOARD_ADMIN, setup=an_intake),
    "board.application_delete POST": Access(
        _APPLICATION + "/delete",
        BOARD_ADMIN,
        method="POST",
        data={"category": "applicant_request", "reason": "Request received.", "confirm": "y"},
        setup=an_intake,
    ),
    "board.members": Access("/staff/board/members", BOARD_STAFF),
    "board.review_queue": Access("/staff/reviews", REVIEWERS),
    "board.review_conflict": Access(
        "/staff/reviews/{application_id}/conflict", REVIEWERS, setup=an_intake
    ),
    "board.review_conflict POST": Access(
        "/staff/reviews/{application_id}/conflict",
        REVIEWERS,
        method="POST",
        data={"has_conflict": "no"},
        setup=an_intake,
    ),
    "board.review": Access("/staff/reviews/{application_id}", REVIEWERS, setup=a_declared_review),
    "board.review POST": Access(
        "/staff/reviews/{application_id}",
        REVIEWERS,
        method="POST",
        data={"score_1": "4", "comment_1": ""},
        setup=a_declared_review,
    ),
}
