"""One account is never both a reviewer and an admin or chair of the same intake (issue 11, M2).

ASVS 5.0: 8.2.2 (data-specific access: blind review stays blind).
"""

from datetime import timedelta

import pytest

from sro_board.auth.models import User
from sro_board.auth.roles import Role
from sro_board.auth.services import AccountError, update_user
from sro_board.board.enums import Category
from sro_board.board.errors import BoardError
from sro_board.board.intakes.services import assign_reviewer
from sro_board.board.review.access import (
    assignment_refusal,
    can_be_assigned,
    reviewer_candidates,
)
from sro_board.board.stages import Stage
from sro_board.core.extensions import db
from tests.board.factories import assign, make_application, make_intake, now
from tests.board.signin import confirm_identity, sign_in, staff


@pytest.fixture
def people(app):
    """An admin, a plain reviewer, and a reviewer who is also an admin (or a chair)."""
    return {
        "admin": staff({Role.ADMIN}, "boss@example.org", "Ada Admin"),
        "reviewer": staff({Role.REVIEWER}, "rev@example.org", "Rae Reviewer"),
        "admin_reviewer": staff({Role.ADMIN, Role.REVIEWER}, "ar@example.org", "Avery Both"),
        "chair_reviewer": staff({Role.CHAIR, Role.REVIEWER}, "cr@example.org", "Cass Both"),
    }


@pytest.mark.parametrize("who", ["admin_reviewer", "chair_reviewer"])
def test_an_admin_or_chair_cannot_be_assigned_as_reviewer(people, who):
    intake = make_intake()
    assert not can_be_assigned(people[who], intake)
    assert "cannot review blind" in assignment_refusal(people[who], intake)
    assert reviewer_candidates(intake) == [people["reviewer"]]
    with pytest.raises(BoardError, match="cannot review blind"):
        assign_reviewer(people["admin"], intake, people[who])


def test_the_assign_page_does_not_offer_an_admin(client, people):
    intake = make_intake()
    sign_in(client, people["admin"])
    page = client.get(f"/staff/board/intakes/{intake.id}").get_data(as_text=True)
    assert "Rae Reviewer" in page
    assert "Avery Both" not in page
    response = client.post(
        f"/staff/board/intakes/{intake.id}/reviewers",
        data={"reviewer": str(people["admin_reviewer"].id)},
    )
    assert response.status_code in (302, 400)
    assert not intake.reviewers


def _give(actor: User, user: User, *roles: Role) -> None:
    update_user(
        actor, user, name=user.name, email=user.email, roles=user.roles | set(roles), active=True
    )


@pytest.mark.parametrize("role", [Role.ADMIN, Role.CHAIR])
def test_a_reviewer_of_an_intake_in_selection_cannot_become_admin_or_chair(people, role):
    intake = make_intake("Spring intake", closes_at=now() - timedelta(days=1))
    make_application(intake, Category.PARENT, Stage.IN_REVIEW)
    assign(intake, people["reviewer"])
    with pytest.raises(AccountError, match="“Spring intake”, still in selection"):
        _give(people["admin"], people["reviewer"], role)
    db.session.rollback()
    assert db.session.get(User, people["reviewer"].id).roles == {Role.REVIEWER}
    # Other roles stay possible.
    _give(people["admin"], people["reviewer"], Role.MEMBER)


def test_an_intake_still_taking_applications_counts_as_in_selection(people):
    assign(make_intake("Open intake"), people["reviewer"])
    with pytest.raises(AccountError, match="still in selection"):
        _give(people["admin"], people["reviewer"], Role.ADMIN)


def test_once_every_application_is_decided_the_role_may_be_given(people):
    intake = make_intake("Done intake", closes_at=now() - timedelta(days=1))
    make_application(intake, Category.PARENT, Stage.ACCEPTED)
    make_application(intake, Category.STAFF, Stage.NOT_SELECTED)
    assign(intake, people["reviewer"])
    _give(people["admin"], people["reviewer"], Role.ADMIN)
    db.session.commit()
    assert Role.ADMIN in db.session.get(User, people["reviewer"].id).roles


def test_the_users_page_refuses_it_with_the_reason(client, people):
    assign(make_intake("Open intake"), people["reviewer"])
    sign_in(client, people["admin"])
    user = people["reviewer"]
    confirm_identity(client, people["admin"])
    response = client.post(
        f"/staff/users/{user.id}",
        data={"name": user.name, "email": user.email, "roles": ["reviewer", "chair"]}
        | {"active": "y"},
    )
    assert response.status_code == 200
    assert "still in selection" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, user.id).roles == {Role.REVIEWER}
