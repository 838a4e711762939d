"""Who may review which application, and who may be assigned: the rules of review/access.py."""

import pytest
import sqlalchemy as sa

from sro_board.board.enums import Category
from sro_board.board.errors import BoardError
from sro_board.board.intakes.services import assign_reviewer
from sro_board.board.models import Application
from sro_board.board.review.access import (
    assignment_refusal,
    can_be_assigned,
    reviewable_by,
    reviewer_candidates,
)
from sro_board.board.review_models import ConflictDeclaration, ReviewerAssignment
from sro_board.board.stages import Stage
from sro_board.core.extensions import db
from tests.board.factories import assign, make_application, make_intake, now
from tests.factories import count_rows, make_user


@pytest.fixture
def people(app, users):
    """The demo roles, plus a second reviewer and a deactivated one."""
    second = make_user(["reviewer"], email="second.reviewer@example.org", name="Sam Second")
    gone = make_user(["reviewer"], email="gone.reviewer@example.org", name="Gale Gone")
    gone.active = False
    db.session.commit()
    return users | {"second": second, "gone": gone}


def test_only_active_reviewers_not_yet_assigned_can_be_assigned(people):
    intake = make_intake()
    assign(intake, people["reviewer"])
    assert not can_be_assigned(people["reviewer"], intake)
    assert "already a reviewer" in assignment_refusal(people["reviewer"], intake)
    assert can_be_assigned(people["second"], intake)
    assert assignment_refusal(people["second"], intake) is None
    for who in ("gone", "member", "chair", "admin"):
        assert not can_be_assigned(people[who], intake), who
        assert assignment_refusal(people[who], intake) == (
            "Only active staff with the reviewer role can be assigned."
        )


def test_the_candidates_list_is_the_same_rule(people):
    intake = make_intake()
    assign(intake, people["reviewer"])
    everyone = sorted(people.values(), key=lambda user: user.name)
    assert reviewer_candidates(intake) == [u for u in everyone if can_be_assigned(u, intake)]
    assert reviewer_candidates(intake) == [people["second"]]


@pytest.mark.parametrize("who", ["gone", "member", "reviewer"])
def test_assigning_someone_who_cannot_be_assigned_is_refused(people, who):
    intake = make_intake()
    assign(intake, people["reviewer"])
    with pytest.raises(BoardError, match=assignment_refusal(people[who], intake)):
        assign_reviewer(people["admin"], intake, people[who])
    db.session.rollback()
    assert count_rows(ReviewerAssignment) == 1


def test_reviewable_by_picks_assigned_unconflicted_applications_in_review(people):
    reviewer = people["reviewer"]
    mine, other = make_intake("Assigned"), make_intake("Not assigned")
    assign(mine, reviewer)
    assign(other, people["second"])
    visible = make_application(mine, Category.PARENT, Stage.IN_REVIEW)
    declared_no_conflict = make_application(mine, Category.STAFF, Stage.IN_REVIEW)
    hidden = {
        "eligible": make_application(mine, Category.PARENT, Stage.ELIGIBLE),
        "shortlisted": make_application(mine, Category.PARENT, Stage.SHORTLISTED),
        "other intake": make_application(other, Category.PARENT, Stage.IN_REVIEW),
        "conflict": make_application(mine, Category.STUDENT, Stage.IN_REVIEW),
        "purged": make_application(mine, Category.PARENT, Stage.IN_REVIEW),
    }
    for application, conflict in ((hidden["conflict"], True), (declared_no_conflict, False)):
        db.session.add(
            ConflictDeclaration(
                application_id=application.id, reviewer_id=reviewer.id, has_conflict=conflict
            )
        )
    hidden["purged"].purged_at = now()
    db.session.commit()

    def reviewable(user) -> set[int]:
        return set(db.session.scalars(sa.select(Application.id).where(reviewable_by(user))))

    assert reviewable(reviewer) == {visible.id, declared_no_conflict.id}
    assert reviewable(people["second"]) == {hidden["other intake"].id}
    assert reviewable(people["member"]) == set()
