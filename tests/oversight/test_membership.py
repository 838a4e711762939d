"""Board members' accounts: invited on acceptance, chairs, and access that ends by itself."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.auth.models import User
from sro_board.auth.roles import Role
from sro_board.auth.services import AccountError, create_user, update_user
from sro_board.board.enums import Category
from sro_board.board.errors import BoardError
from sro_board.board.models import BoardMember
from sro_board.board.selection.members import public_roster
from sro_board.board.selection.membership import end_terms, record_resignation, set_board_chair
from sro_board.board.selection.services import move_application
from sro_board.board.stages import Stage
from sro_board.core.clock import clock_set_to, now_utc, today_local
from sro_board.core.extensions import db
from sro_board.mail.models import OutboxEmail
from tests.board.applying import outbox
from tests.board.factories import make_application, make_intake
from tests.factories import PASSWORD, count_rows, login, make_user
from tests.oversight.factories import board_user, give_term


def test_accepting_an_offer_invites_the_member_with_the_board_member_role(app, users):
    application = make_application(make_intake(), Category.PARENT, Stage.OFFERED, language="fr")
    move_application(users["admin"], application, Stage.ACCEPTED, "Accepted by email.")
    db.session.commit()
    member = db.session.scalars(sa.select(BoardMember)).one()
    user = db.session.get(User, member.user_id)
    assert user.email == application.email
    assert user.roles == {Role.BOARD_MEMBER}
    assert not user.has_password  # waits for the invitation to be accepted
    assert user.language == "fr"
    assert db.session.scalar(sa.select(OutboxEmail).where(OutboxEmail.template == "invitation"))
    (email,) = [
        m for m in outbox(application.email) if m.subject.startswith("Votre compte au Conseil")
    ]
    assert "Bienvenue au Conseil consultatif" in email.body
    assert db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "user.invited"))


def test_an_offer_to_someone_with_a_staff_account_is_refused(app, users):
    application = make_application(make_intake(), Category.STAFF, Stage.OFFERED)
    make_user(["member"], email=application.email)
    with pytest.raises(BoardError, match="holds a staff role"):
        move_application(users["admin"], application, Stage.ACCEPTED, "Accepted.")
    db.session.rollback()
    assert count_rows(BoardMember) == 0


@pytest.mark.parametrize("staff_role", ["admin", "chair", "member", "reviewer"])
def test_board_roles_and_service_roles_never_meet(app, users, staff_role):
    with pytest.raises(AccountError, match="independent"):
        create_user(
            None,
            email="both@example.org",
            name="Both",
            roles={Role(staff_role), Role.BOARD_MEMBER},
            password=None,
        )
    member = board_user(email="member2@example.org")
    with pytest.raises(AccountError, match="independent"):
        update_user(
            users["admin"],
            member,
            name=member.name,
            email=member.email,
            roles={Role.BOARD_MEMBER, Role(staff_role)},
            active=True,
        )


def test_two_board_chairs_at_most(app):
    admin = make_user(["admin"])
    first, second, third = (
        give_term(board_user(email=f"m{n}@example.org", term=False)) for n in (1, 2, 3)
    )
    set_board_chair(admin, first, True)
    set_board_chair(admin, second, True)
    db.session.commit()
    with pytest.raises(BoardError, match="already has 2 chairs"):
        set_board_chair(admin, third, True)
    db.session.rollback()
    set_board_chair(admin, first, False)
    set_board_chair(admin, third, True)
    db.session.commit()
    assert Role.BOARD_CHAIR in third.user.roles
    assert Role.BOARD_CHAIR not in first.user.roles
    actions = db.session.scalars(
        sa.select(AuditEntry.action)
        .where(AuditEntry.action.like("board.chair%"))
        .order_by(AuditEntry.id)
    )
    assert list(actions) == [
        "board.chair_set",
        "board.chair_set",
        "board.chair_unset",
        "board.chair_set",
    ]


def test_a_member_without_an_account_cannot_be_chair(app, users):
    member = give_term(board_user(email="x@example.org", term=False))
    member.user_id = None
    db.session.commit()
    db.session.refresh(member)
    with pytest.raises(BoardError, match="active account"):
        set_board_chair(users["admin"], member, True)


def test_access_ends_by_itself_when_the_term_ends(app, client):
    user = board_user(email="ending@example.org", term=False)
    give_term(user, end=today_local())
    login(client, user)
    assert client.get("/board/home").status_code == 200
    # A fresh app context per request, as in production (the test's context keeps g's user).
    with clock_set_to(now_utc() + timedelta(days=2)), app.app_context():
        response = client.get("/board/home")
        assert response.status_code == 302  # the session no longer works
        assert "/login" in response.location
        refused = client.post("/login", data={"email": user.email, "password": PASSWORD})
        assert refused.status_code == 200  # the login form again: not logged in
        assert client.get("/board/home").status_code == 302


def test_end_terms_deactivates_and_audits(app, runner):
    ended = board_user(email="ended@example.org", term=False)
    give_term(
        ended, start=today_local() - timedelta(days=400), end=today_local() - timedelta(days=1)
    )
    serving = board_user(email="serving@example.org")
    result = runner.invoke(args=["board", "end-terms"])
    assert result.exit_code == 0, result.output
    assert "1" in result.output
    db.session.expire_all()
    assert not db.session.get(User, ended.id).active
    assert db.session.get(User, serving.id).active
    entry = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "board.member_access_ended")
    ).one()
    assert entry.entity_id == str(ended.id)
    assert end_terms() == 0  # nothing left to end


def test_a_resignation_takes_the_member_off_the_roster_and_ends_access(app, users, client):
    user = board_user(email="leaving@example.org", name="Leaving Member")
    member = db.session.scalars(sa.select(BoardMember).where(BoardMember.user_id == user.id)).one()
    assert "Leaving Member" in public_roster()[Category.PARENT]
    record_resignation(users["admin"], member, today_local(), "Moved to another city.")
    db.session.commit()
    assert "Leaving Member" not in public_roster()[Category.PARENT]
    assert not db.session.get(User, user.id).active
    entry = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "board.member_resigned")
    ).one()
    assert "Moved" not in entry.summary  # the reason stays internal
    assert "Leaving Member" not in client.get("/advisory-board/members").get_data(as_text=True)


@pytest.mark.parametrize(
    ("days", "reason", "message"),
    [
        (1, "Moved.", "on or after"),
        (-400, "Moved.", "within the member's term"),
        (0, " ", "reason"),
    ],
    ids=["future", "before-term", "no-reason"],
)
def test_bad_resignations_are_refused(app, users, days, reason, message):
    user = board_user(email="r@example.org")
    member = db.session.scalars(sa.select(BoardMember).where(BoardMember.user_id == user.id)).one()
    with pytest.raises(BoardError, match=message):
        record_resignation(users["admin"], member, today_local() + timedelta(days=days), reason)
    db.session.rollback()
    assert db.session.get(BoardMember, member.id).resigned_on is None


def test_staff_record_a_resignation_and_choose_a_chair_from_the_members_page(client, users):
    member = give_term(board_user(email="page@example.org", name="Page Member", term=False))
    login(client, users["admin"])
    page = client.get("/staff/board/members").get_data(as_text=True)
    assert "Make board chair" in page
    assert (
        client.post(f"/staff/board/members/{member.id}/chair", data={"chair": "yes"}).status_code
        == 302
    )
    assert Role.BOARD_CHAIR in db.session.get(User, member.user_id).roles
    bad = client.post(
        f"/staff/board/members/{member.id}/resignation", data={"resigned_on": "", "reason": ""}
    )
    assert bad.status_code == 302
    assert db.session.get(BoardMember, member.id).resigned_on is None
    client.post(
        f"/staff/board/members/{member.id}/resignation",
        data={"resigned_on": today_local().isoformat(), "reason": "Personal reasons."},
    )
    assert db.session.get(BoardMember, member.id).resigned_on == today_local()


BOARD_STAFF_PAGES = [
    "/staff/board/",
    "/staff/board/members",
    "/staff/",
    "/staff/recommendations",
    "/staff/updates",
    "/staff/audit",
]


@pytest.mark.parametrize("role", ["board_member", "board_chair"])
@pytest.mark.parametrize("path", BOARD_STAFF_PAGES)
def test_board_members_never_see_applicants_or_internal_notes(client, users, role, path):
    login(client, users[role])
    assert client.get(path).status_code == 403
