"""The assessment's steps and every refusal: only the board drafts and approves; all audited."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.core.clock import today_local
from sro_board.core.extensions import db
from sro_board.oversight.enums import AssessmentState, Rating, disagrees
from sro_board.oversight.errors import AssessmentError, ChangedMeanwhile
from sro_board.oversight.models import Assessment
from sro_board.oversight.queries import approved_of, rating_summary
from sro_board.oversight.services import (
    approve,
    edit_draft,
    return_draft,
    start_draft,
    submit,
)
from tests.factories import count_rows, make_rec, make_user
from tests.oversight.factories import (
    a_draft,
    approved,
    board_user,
    drafted,
    give_term,
    submitted,
)

SERVICE_SIDE = ["admin", "chair", "member", "reviewer"]


def actions(entity_id) -> list[str]:
    return list(
        db.session.scalars(
            sa.select(AuditEntry.action)
            .where(AuditEntry.entity_type == "assessment", AuditEntry.entity_id == str(entity_id))
            .order_by(AuditEntry.id)
        )
    )


@pytest.fixture
def board(app):
    member = board_user(email="board-member@example.org", name="Member One")
    chair = board_user("board_member", "board_chair", email="board-chair@example.org", name="Chair")
    return {"member": member, "chair": chair, "rec": make_rec("R-01")}


def test_a_member_drafts_submits_and_the_chair_approves(board):
    draft = drafted(board["rec"], board["member"], Rating.PARTLY_SATISFIED, "Half done.")
    assert draft.state is AssessmentState.DRAFT
    submit(board["member"], draft, draft.version)
    db.session.commit()
    approve(board["chair"], draft, draft.version)
    db.session.commit()
    assert draft.state is AssessmentState.APPROVED
    assert draft.approved_by_id == board["chair"].id
    assert draft.approved_at is not None
    assert actions(draft.id) == [
        "assessment.drafted",
        "assessment.submitted",
        "assessment.approved",
    ]
    assert approved_of(board["rec"].id) == [draft]


def test_each_approved_assessment_is_kept_and_the_latest_is_current(board):
    first = approved(board["rec"], board["member"], board["chair"], rating=Rating.TOO_EARLY)
    second = approved(board["rec"], board["member"], board["chair"], rating=Rating.SATISFIED)
    assert approved_of(board["rec"].id) == [second, first]
    summary = rating_summary()
    assert dict(summary.by_rating)["satisfied"] == 1
    assert dict(summary.by_rating)["too_early"] == 0
    assert summary.assessed == 1
    assert summary.total == 1


def test_an_approved_assessment_never_changes(board):
    done = approved(board["rec"], board["member"], board["chair"])
    with pytest.raises(AssessmentError):
        edit_draft(board["member"], done, a_draft(Rating.SATISFIED), done.version)
    with pytest.raises(AssessmentError):
        submit(board["member"], done, done.version)
    with pytest.raises(AssessmentError):
        approve(board["chair"], done, done.version)
    with pytest.raises(AssessmentError):
        return_draft(board["chair"], done, "Change it.", done.version)


@pytest.mark.parametrize("role", SERVICE_SIDE)
def test_nobody_on_the_service_side_can_draft(board, role):
    staff = make_user([role])
    with pytest.raises(AssessmentError, match="Only advisory-board members"):
        start_draft(staff, board["rec"], a_draft())
    db.session.rollback()
    assert count_rows(Assessment) == 0


@pytest.mark.parametrize("role", SERVICE_SIDE)
def test_nobody_on_the_service_side_can_edit_submit_approve_or_return(board, role):
    staff = make_user([role])
    draft = drafted(board["rec"], board["member"])
    with pytest.raises(AssessmentError):
        edit_draft(staff, draft, a_draft(Rating.SATISFIED), draft.version)
    with pytest.raises(AssessmentError):
        submit(staff, draft, draft.version)
    db.session.rollback()
    submit(board["member"], draft, draft.version)
    db.session.commit()
    with pytest.raises(AssessmentError, match="Only the advisory-board chair"):
        approve(staff, draft, draft.version)
    with pytest.raises(AssessmentError, match="Only the advisory-board chair"):
        return_draft(staff, draft, "Hide this.", draft.version)
    db.session.rollback()
    assert db.session.get(Assessment, draft.id).state is AssessmentState.SUBMITTED


def test_a_member_cannot_approve_and_a_chair_without_member_role_cannot_draft(board):
    draft = submitted(board["rec"], board["member"])
    other = board_user(email="other@example.org")
    with pytest.raises(AssessmentError):
        approve(other, draft, draft.version)
    chair_only = board_user("board_chair", email="chair-only@example.org")
    with pytest.raises(AssessmentError):
        start_draft(chair_only, make_rec("R-02"), a_draft())


def test_only_the_drafter_edits_or_submits(board):
    draft = drafted(board["rec"], board["member"])
    other = board_user(email="other@example.org")
    with pytest.raises(AssessmentError, match="Only the member who drafted"):
        edit_draft(other, draft, a_draft(Rating.SATISFIED), draft.version)
    with pytest.raises(AssessmentError, match="Only the member who drafted"):
        submit(other, draft, draft.version)


def test_a_chair_may_not_approve_their_own_draft_while_another_chair_can(board):
    own = submitted(board["rec"], board["chair"])
    second = board_user("board_member", "board_chair", email="chair2@example.org")
    with pytest.raises(AssessmentError, match="the other board chair approves"):
        approve(board["chair"], own, own.version)
    db.session.rollback()
    approve(second, own, own.version)
    db.session.commit()
    assert own.state is AssessmentState.APPROVED


def test_a_single_chair_may_approve_their_own_draft(board):
    own = submitted(board["rec"], board["chair"])
    approve(board["chair"], own, own.version)
    db.session.commit()
    assert own.approved_by_id == board["chair"].id


def test_return_needs_a_note_and_the_drafter_may_edit_and_resubmit(board):
    draft = submitted(board["rec"], board["member"])
    with pytest.raises(AssessmentError, match="Say what should change"):
        return_draft(board["chair"], draft, "  ", draft.version)
    db.session.rollback()
    return_draft(board["chair"], draft, "Add the dates.", draft.version)
    db.session.commit()
    assert draft.state is AssessmentState.RETURNED
    edit_draft(board["member"], draft, a_draft(Rating.SATISFIED, "Now with dates."), draft.version)
    submit(board["member"], draft, draft.version)
    db.session.commit()
    assert draft.state is AssessmentState.SUBMITTED
    assert draft.rating is Rating.SATISFIED
    assert actions(draft.id)[-3:] == [
        "assessment.returned",
        "assessment.edited",
        "assessment.submitted",
    ]


def test_a_stale_version_is_refused(board):
    draft = drafted(board["rec"], board["member"])
    stale = draft.version
    edit_draft(board["member"], draft, a_draft(Rating.SATISFIED, "First change."), stale)
    db.session.commit()
    with pytest.raises(ChangedMeanwhile):
        edit_draft(board["member"], draft, a_draft(Rating.TOO_EARLY, "Second."), stale)
    db.session.rollback()
    assert db.session.get(Assessment, draft.id).commentary == "First change."


def test_one_open_assessment_per_recommendation(board):
    drafted(board["rec"], board["member"])
    other = board_user(email="other@example.org")
    with pytest.raises(AssessmentError, match="already being prepared"):
        start_draft(other, board["rec"], a_draft())


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (lambda: a_draft(commentary="   "), "commentary in English"),
        (lambda: a_draft(commentary="x" * 4001), "under 4000"),
        (lambda: a_draft(on=today_local() + timedelta(days=1)), "future"),
    ],
    ids=["empty", "long", "future"],
)
def test_bad_drafts_are_refused_and_nothing_is_saved(board, draft, message):
    with pytest.raises(AssessmentError, match=message):
        start_draft(board["member"], board["rec"], draft())
    db.session.rollback()
    assert count_rows(Assessment) == 0


def test_disagreement_is_a_done_status_and_a_doubting_rating():
    assert disagrees("implemented", Rating.NOT_SATISFIED)
    assert disagrees("ongoing", Rating.PARTLY_SATISFIED)
    assert not disagrees("implemented", Rating.SATISFIED)
    assert not disagrees("in_progress", Rating.NOT_SATISFIED)
    assert not disagrees("implemented", None)


def test_a_board_role_without_a_seat_is_not_enough(board):
    """Staff cannot make a stand-in board account: drafting and approving need a serving seat."""
    seatless = board_user("board_member", email="seatless@example.org", term=False)
    with pytest.raises(AssessmentError, match="Only advisory-board members"):
        start_draft(seatless, board["rec"], a_draft())
    seatless_chair = board_user("board_chair", email="seatless-chair@example.org", term=False)
    draft = submitted(board["rec"], board["member"])
    with pytest.raises(AssessmentError, match="Only the advisory-board chair"):
        approve(seatless_chair, draft, draft.version)


def test_a_member_whose_term_ended_cannot_draft(board):
    ended = board_user("board_member", email="ended@example.org", term=False)
    give_term(
        ended, start=today_local() - timedelta(days=400), end=today_local() - timedelta(days=1)
    )
    with pytest.raises(AssessmentError):
        start_draft(ended, board["rec"], a_draft())
