"""Who may use each of the board's own endpoints (picked up by tests/security/routes.py).

Only the board: members draft, the board chair approves; nobody on the service's side (admin,
working-group chair or member, reviewer) gets in. Staff record resignations and choose chairs.
"""

from sro_board.core.clock import today_local
from tests.factories import make_rec
from tests.oversight.factories import board_user, give_term, submitted
from tests.security.access import Access

BOARD = frozenset({"board_member", "board_chair"})
MEMBERS = frozenset({"board_member"})
CHAIRS = frozenset({"board_chair"})
ADMIN = frozenset({"admin"})


def a_recommendation(users: dict) -> dict:
    """R-01, published, not yet assessed."""
    return {"code": make_rec("R-01").code}


def a_submitted_assessment(users: dict) -> dict:
    """R-01's assessment, drafted by another member and waiting for the board chair."""
    drafter = board_user(email="drafter@example.org", name="Drafting Member")
    assessment = submitted(make_rec("R-01"), drafter)
    return {"assessment_id": assessment.id, "version": assessment.version}


def a_serving_member(users: dict) -> dict:
    """A serving member with an active account."""
    member = give_term(board_user(email="serving@example.org", term=False))
    return {"member_id": member.id, "today": today_local().isoformat()}


def _draft_form() -> dict:
    return {
        "rating": "partly_satisfied",
        "commentary": "Some steps are done. Others are late.",
        "commentary_fr": "",
        "assessed_on": "2026-01-15",
    }


OVERSIGHT_ACCESS: dict[str, Access] = {
    "oversight.home": Access("/board/home", BOARD),
    "oversight.new_assessment": Access(
        "/board/recommendations/{code}/assess", MEMBERS, setup=a_recommendation
    ),
    "oversight.new_assessment POST": Access(
        "/board/recommendations/{code}/assess",
        MEMBERS,
        method="POST",
        data=_draft_form(),
        setup=a_recommendation,
    ),
    "oversight.assessment": Access(
        "/board/assessments/{assessment_id}", BOARD, setup=a_submitted_assessment
    ),
    "oversight.edit_assessment": Access(
        "/board/assessments/{assessment_id}/edit", MEMBERS, setup=a_submitted_assessment
    ),
    "oversight.edit_assessment POST": Access(
        "/board/assessments/{assessment_id}/edit",
        MEMBERS,
        method="POST",
        data=_draft_form() | {"version": "{version}"},
        setup=a_submitted_assessment,
    ),
    "oversight.submit_assessment": Access(
        "/board/assessments/{assessment_id}/submit",
        MEMBERS,
        method="POST",
        data={"version": "{version}"},
        setup=a_submitted_assessment,
    ),
    "oversight.approve_assessment": Access(
        "/board/assessments/{assessment_id}/approve",
        CHAIRS,
        method="POST",
        data={"version": "{version}"},
        setup=a_submitted_assessment,
    ),
    "oversight.return_assessment": Access(
        "/board/assessments/{assessment_id}/return",
        CHAIRS,
        method="POST",
        data={"note": "Please add the dates.", "version": "{version}"},
        setup=a_submitted_assessment,
    ),
    "board.record_member_resignation": Access(
        "/staff/board/members/{member_id}/resignation",
        ADMIN,
        method="POST",
        data={"resigned_on": "{today}", "reason": "Moved away."},
        setup=a_serving_member,
    ),
    "board.set_member_chair": Access(
        "/staff/board/members/{member_id}/chair",
        ADMIN,
        method="POST",
        data={"chair": "yes"},
        setup=a_serving_member,
    ),
}
