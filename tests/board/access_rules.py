"""Who may use each advisory-board endpoint (picked up by tests/test_access_matrix.py).

The applicant side comes first: every public page is open to everyone, with or without a login.
The staff side appends its rows to BOARD_ACCESS below that block.
"""

from sro_board.board.stages import Category
from tests.access import EVERYONE, Access
from tests.board.applying import PARENT, link_path, open_intake, outbox, submit

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
