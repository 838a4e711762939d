"""Logging in and out, changing one's password, and administering staff accounts."""

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.auth.models import User
from sro_board.auth.roles import Role
from sro_board.core.extensions import db
from tests.board.applying import outbox
from tests.factories import (
    PASSWORD,
    audit_actions,
    count_rows,
    fresh_app,
    login,
    make_user,
    next_code,
)
from tests.pages import load_form, text

WRONG_LOGIN = "The email or password is not correct."


def user_row(email: str) -> User:
    """A user freshly read from the database."""
    db.session.expire_all()
    return db.session.scalars(sa.select(User).where(User.email == email)).one()


def post_login(client, email: str, password: str, next_: str | None = None):
    """Submit the login form, and the code step for a user with two-step login."""
    path = f"/login?next={next_}" if next_ else "/login"
    response = client.post(path, data={"email": email, "password": password})
    if response.location == "/login/code":
        user = db.session.scalars(sa.select(User).where(User.email == email.lower())).one()
        response = client.post("/login/code", data={"code": next_code(user)})
    return response


# logging in and out


def test_working_group_member_lands_on_the_dashboard(client, users):
    response = post_login(client, users["member"].email, PASSWORD)
    assert response.location == "/staff/"


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_role_lands_on_a_page_it_may_see(client, users, role):
    response = post_login(client, users[role].email, PASSWORD)
    assert response.status_code == 302
    assert client.get(response.location).status_code == 200


@pytest.mark.parametrize(
    ("role", "landing"),
    [
        ("member", "/staff/"),
        ("chair", "/staff/"),
        ("admin", "/staff/board/"),
        ("reviewer", "/staff/reviews"),
        ("board_member", "/board/home"),
        ("board_chair", "/board/home"),
    ],
)
def test_each_role_lands_on_its_own_work(client, users, role, landing):
    assert post_login(client, users[role].email, PASSWORD).location == landing
    assert client.get("/login").location == landing  # already logged in


@pytest.mark.parametrize("role", ["reviewer", "admin"])
def test_a_safe_next_page_wins_over_the_landing_page(client, users, role):
    response = post_login(client, users[role].email, PASSWORD, next_="/account/password")
    assert response.location == "/account/password"


def test_an_unsafe_next_page_falls_back_to_the_roles_landing_page(client, users):
    response = post_login(client, users["reviewer"].email, PASSWORD, next_="//evil.example/x")
    assert response.location == "/staff/reviews"


def test_login_follows_a_local_next_page(client, users):
    response = post_login(client, users["chair"].email, PASSWORD, next_="/staff/audit")
    assert response.location == "/staff/audit"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example"])
def test_login_ignores_a_next_page_on_another_site(client, users, target):
    response = post_login(client, users["member"].email, PASSWORD, next_=target)
    assert response.location == "/staff/"


def test_email_is_matched_without_regard_to_case(client, users):
    response = post_login(client, users["member"].email.upper(), PASSWORD)
    assert response.location == "/staff/"


def test_wrong_password_and_unknown_email_get_the_same_message(client, users):
    wrong_password = text(post_login(client, users["member"].email, "not-the-password"))
    unknown_email = text(post_login(client, "nobody@example.org", PASSWORD))
    assert WRONG_LOGIN in wrong_password
    assert WRONG_LOGIN in unknown_email
    assert client.get("/staff/").status_code == 302


def test_deactivated_account_cannot_log_in(client, users):
    user = users["member"]
    user.active = False
    db.session.commit()
    response = post_login(client, user.email, PASSWORD)
    assert response.status_code == 200
    assert WRONG_LOGIN in text(response)


def test_deactivating_an_account_ends_its_session(client, users):
    login(client, users["member"])
    users["member"].active = False
    db.session.commit()
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response.location.startswith("/login")


def test_logout_ends_the_session(client, users):
    login(client, users["member"])
    response = client.post("/logout")
    assert response.location == "/"
    assert client.get("/staff/").status_code == 302


def test_login_is_rate_limited_with_a_clear_page():
    with fresh_app(LOGIN_RATE_LIMIT="2 per minute") as app:
        user = make_user(["member"])
        client = app.test_client()
        for _ in range(2):
            assert post_login(client, "nobody@example.org", "wrong").status_code == 200
        response = post_login(client, user.email, PASSWORD)
        assert response.status_code == 429
        assert "Too many attempts" in text(response)
        assert response.headers["Retry-After"] == "60"
        assert client.get("/staff/").status_code == 302  # not logged in


def test_passwords_are_stored_with_a_strong_hash(app, monkeypatch):
    monkeypatch.undo()  # the real hashing, not the quick one the other tests use
    user = make_user(["member"])
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


# changing one's password


def change_password(client, current: str, new: str, confirm: str | None = None):
    """Submit the change-password form."""
    data = {"current_password": current, "new_password": new, "confirm": confirm or new}
    return client.post("/account/password", data=data)


def test_change_password(client, users):
    user = login(client, users["member"])
    response = change_password(client, PASSWORD, "a-brand-new-passphrase")
    assert response.status_code == 302
    assert user_row(user.email).check_password("a-brand-new-passphrase")
    assert audit_actions()[-1] == "user.password_changed"


@pytest.mark.parametrize(
    ("current", "new", "confirm", "message"),
    [
        ("not-my-password", "a-brand-new-passphrase", None, "The current password is not correct."),
        (PASSWORD, "short", None, "Field must be between 15 and 128 characters long."),
        (PASSWORD, "a-brand-new-passphrase", "a-different-one!", "The passwords differ."),
    ],
    ids=["wrong current", "too short", "mismatch"],
)
def test_bad_password_change_is_refused(client, users, current, new, confirm, message):
    user = login(client, users["member"])
    before = user_row(user.email).password_hash
    audit_before = count_rows(AuditEntry)
    response = change_password(client, current, new, confirm)
    assert response.status_code == 200
    assert message in text(response)
    assert user_row(user.email).password_hash == before
    assert count_rows(AuditEntry) == audit_before


# user administration


def new_user_form(**changes) -> dict:
    """A valid form inviting a new staff member."""
    return {"name": "Jordan Lee", "email": "jordan.lee@example.org", "roles": ["member"]} | changes


def test_admin_invites_an_account(client, users):
    login(client, users["admin"])
    response = client.post("/staff/users/new", data=new_user_form())
    assert response.location == "/staff/users"
    user = user_row("jordan.lee@example.org")
    assert user.roles == {Role.MEMBER}
    assert not user.has_password  # the invitee chooses it
    assert audit_actions()[-2:] == ["user.created", "user.invited"]
    (email,) = outbox()
    assert email.recipient == "jordan.lee@example.org"
    assert "/invitation/" in email.body
    assert "Jordan Lee" in text(client.get("/staff/users"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "MEMBER@example.org"}, "An account with that email already exists."),
        ({"roles": []}, "Choose at least one role."),
        ({"email": "not-an-email"}, "Invalid email address."),
        ({"name": ""}, "This field is required."),
    ],
    ids=["duplicate email", "no roles", "bad email", "no name"],
)
def test_bad_new_account_is_refused(client, users, changes, message):
    login(client, users["admin"])
    before = count_rows(User), count_rows(AuditEntry)
    response = client.post("/staff/users/new", data=new_user_form(**changes))
    assert response.status_code == 200
    assert message in text(response)
    assert (count_rows(User), count_rows(AuditEntry)) == before


def test_admin_changes_roles_and_deactivates_an_account(client, users):
    login(client, users["admin"])
    member = users["member"]
    form = load_form(client, f"/staff/users/{member.id}")
    assert form["roles"] == ["member"]
    form = form | {"roles": ["chair", "member"]}
    del form["active"]
    response = client.post(f"/staff/users/{member.id}", data=form)
    assert response.location == "/staff/users"
    changed = user_row(member.email)
    assert changed.roles == {Role.CHAIR, Role.MEMBER}
    assert not changed.active
    assert audit_actions()[-1] == "user.updated"


@pytest.mark.parametrize(
    ("who", "changes", "message"),
    [
        ("member", {"email": ["chair@example.org"]}, "Another account already uses that email."),
        ("member", {"roles": []}, "Choose at least one role."),
        ("admin", {"active": []}, "You cannot deactivate yourself"),
        ("admin", {"roles": ["chair"]}, "remove your own admin role"),
    ],
    ids=["duplicate email", "no roles", "deactivate self", "drop own admin role"],
)
def test_bad_account_change_is_refused(client, users, who, changes, message):
    login(client, users["admin"])
    target = users[who]
    before = (target.email, sorted(target.roles), target.active)
    form = load_form(client, f"/staff/users/{target.id}")
    form = {k: v for k, v in (form | changes).items() if v != []}
    audit_before = count_rows(AuditEntry)
    response = client.post(f"/staff/users/{target.id}", data=form)
    assert response.status_code == 200
    assert message in text(response)
    after = user_row(target.email)
    assert (after.email, sorted(after.roles), after.active) == before
    assert count_rows(AuditEntry) == audit_before


def test_unknown_account_is_404(client, users):
    login(client, users["admin"])
    assert client.get("/staff/users/9999").status_code == 404


# the command line


def test_cli_creates_an_account_prompting_for_the_password(runner):
    result = runner.invoke(
        args=["users", "create", "--email", "Sam@Example.org", "--name", "Sam", "--role", "chair"],
        input="a-long-cli-password\na-long-cli-password\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created sam@example.org (chair)." in result.output
    user = user_row("sam@example.org")
    assert user.check_password("a-long-cli-password")
    assert user.roles == {Role.CHAIR}


def test_cli_refuses_a_duplicate_account(runner, users):
    result = runner.invoke(
        args=["users", "create", "--email", users["member"].email, "--name", "X"]
        + ["--role", "member", "--password", "a-long-cli-password"],
    )
    assert result.exit_code != 0
    assert "An account with that email already exists." in result.output
    assert count_rows(User) == len(users)


@pytest.mark.parametrize("email", ["not-an-email", "two@@example.org", "spaces in@example.org"])
def test_cli_refuses_a_malformed_email(runner, users, email):
    result = runner.invoke(
        args=["users", "create", "--email", email, "--name", "X"]
        + ["--role", "member", "--password", "a-long-cli-password"],
    )
    assert result.exit_code != 0
    assert "Enter a valid email address" in result.output
    assert count_rows(User) == len(users)


def test_cli_lists_accounts(runner, users):
    users["reviewer"].active = False
    db.session.commit()
    result = runner.invoke(args=["users", "list"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == len(users)
    assert "reviewer@example.org\tTest Person\treviewer\tdeactivated" in lines
