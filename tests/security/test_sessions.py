"""Sessions: new at login, idle and absolute limits, ended on the server, safe cookies.

ASVS 5.0: V7.2.1 (sessions checked by the server), V7.2.4 (a new session at login), V7.3.1 (30
minutes idle), V7.3.2 (12 hours absolute), V7.4.1 (logout ends the session on the server: a
replayed cookie is refused), V7.4.2 (deactivation ends all sessions), V7.4.3 (password and MFA
changes end the other sessions), V7.4.4 (logout on every staff page), V7.4.5 (an admin ends a
user's sessions), V7.1.1 and V7.1.2 (documented in docs/accounts.md), V8.3.2 (a role change
applies at once), V3.3.1, V3.3.2, V3.3.3, V3.3.4 (cookie attributes, __Host- prefix).
"""

from datetime import timedelta

import pytest
from cryptography.fernet import Fernet

from sro_board import create_app
from sro_board.auth.models import User
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from tests.factories import PASSWORD, login, make_user, next_code
from tests.pages import text
from tests.security.accounts import isolated_requests  # noqa: F401 - a fresh g per request

pytestmark = pytest.mark.usefixtures("app", "isolated_requests")
COOKIE = "session"


def cookie_value(client) -> str:
    """The session cookie the browser holds now."""
    return client.get_cookie(COOKIE).value


def replay(client, value: str):
    """Put an old cookie back, as an attacker who copied it would, and ask for a staff page."""
    client.set_cookie(COOKIE, value)
    return client.get("/staff/")


def refused(response) -> bool:
    """True when the request was treated as not logged in."""
    return response.status_code == 302 and response.location.startswith("/login")


def test_a_copied_cookie_is_refused_after_logout(client):
    login(client, make_user(["member"]))
    stolen = cookie_value(client)
    assert client.get("/staff/").status_code == 200
    client.post("/logout")
    assert refused(replay(client, stolen))
    other = client.application.test_client()
    assert refused(replay(other, stolen))  # from another browser too


def test_logging_in_makes_a_new_session(client):
    user = make_user(["member"])
    with client.session_transaction() as session:
        session["planted"] = "by an attacker before the login"
    before = cookie_value(client)
    login(client, user)
    assert cookie_value(client) != before
    with client.session_transaction() as session:
        assert "planted" not in session


def test_logging_in_twice_leaves_the_first_cookie_valid_until_logout(client):
    user = make_user(["member"])
    login(client, user)
    first = cookie_value(client)
    second_browser = client.application.test_client()
    login(second_browser, user)
    assert replay(client, first).status_code == 200  # concurrent sessions are allowed
    second_browser.post("/logout")
    assert refused(replay(client, first))  # logout ends every session of the user


@pytest.mark.parametrize(
    ("minutes", "alive"), [(29, True), (31, False)], ids=["29 min idle", "31 min idle"]
)
def test_thirty_minutes_without_activity_end_the_session(client, minutes, alive):
    login(client, make_user(["member"]))
    with clock_set_to(now_utc() + timedelta(minutes=minutes)):
        response = client.get("/staff/")
    assert (response.status_code == 200) is alive
    if not alive:
        assert refused(response)
        assert "without activity" in text(client.get("/login"))


def test_twelve_hours_after_login_the_session_ends_even_when_active(client):
    login(client, make_user(["member"]))
    start = now_utc()
    for minutes in range(20, 12 * 60, 20):
        with clock_set_to(start + timedelta(minutes=minutes)):
            assert client.get("/staff/").status_code == 200, minutes
    with clock_set_to(start + timedelta(hours=12, minutes=1)):
        assert refused(client.get("/staff/"))


def test_a_password_change_ends_the_other_sessions_and_keeps_this_one(client):
    user = make_user(["member"])
    login(client, user)
    elsewhere = client.application.test_client()
    login(elsewhere, user)
    stolen = cookie_value(elsewhere)
    response = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": "a-new-long-passphrase",
            "confirm": "a-new-long-passphrase",
        },
    )
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200
    assert refused(replay(elsewhere, stolen))


def test_an_mfa_change_ends_the_other_sessions(client):
    user = make_user(["reviewer"])
    login(client, user)
    elsewhere = client.application.test_client()
    login(elsewhere, user)
    stolen = cookie_value(elsewhere)
    client.post("/account/mfa/start")
    db.session.expire_all()
    secret = db.session.get(User, user.id).totp_secret
    from sro_board.auth.mfa import current_code

    assert client.post("/account/mfa/setup", data={"code": current_code(secret)}).status_code == 200
    assert client.get("/account/mfa").status_code == 200
    assert refused(replay(elsewhere, stolen))


@pytest.mark.parametrize("change", ["roles", "deactivate", "email", "end sessions"])
def test_admin_changes_end_the_users_sessions(client, change):
    admin, member = make_user(["admin"]), make_user(["member"])
    victim = client.application.test_client()
    login(victim, member)
    stolen = cookie_value(victim)
    login(client, admin)
    form = {"name": member.name, "email": member.email, "roles": "member", "active": "y"}
    if change == "roles":
        form["roles"] = ["member", "chair"]
    elif change == "deactivate":
        del form["active"]
    elif change == "email":
        form["email"] = "moved@example.org"
    if change == "end sessions":
        response = client.post(f"/staff/users/{member.id}/end-sessions")
    else:
        response = client.post(f"/staff/users/{member.id}", data=form)
    assert response.status_code == 302
    assert refused(replay(victim, stolen))


def test_a_role_change_applies_at_once(client):
    admin, chair = make_user(["admin"]), make_user(["chair"])
    victim = client.application.test_client()
    login(victim, chair)
    assert victim.get("/staff/audit").status_code == 200
    login(client, admin)
    client.post(
        f"/staff/users/{chair.id}",
        data={"name": chair.name, "email": chair.email, "roles": "member", "active": "y"},
    )
    assert refused(victim.get("/staff/audit"))
    login(victim, chair)
    assert victim.get("/staff/audit").status_code == 403


def test_a_password_reset_ends_every_session(client):
    user = make_user(["member"])
    login(client, user)
    stolen = cookie_value(client)
    from sro_board.auth.links import issue_link
    from sro_board.auth.models import TokenPurpose

    token = issue_link(user, TokenPurpose.PASSWORD_RESET)
    db.session.commit()
    anyone = client.application.test_client()
    form = {"new_password": "reset-long-passphrase", "confirm": "reset-long-passphrase"}
    assert anyone.post(f"/password-reset/{token}", data=form).status_code == 302
    assert refused(replay(client, stolen))


def test_the_code_step_does_not_log_in_alone(client):
    user = make_user(["admin"])
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert refused(client.get("/staff/"))
    with clock_set_to(now_utc() + timedelta(minutes=6)):
        late = client.post("/login/code", data={"code": next_code(user)})
    assert late.status_code == 200
    assert "Log in again" in text(late)


def test_there_is_no_remember_me_and_logout_is_on_every_staff_page(client):
    assert "remember" not in text(client.get("/login")).lower()
    login(client, make_user(["admin"]))
    assert client.get_cookie("remember_token") is None
    for path in ("/staff/", "/staff/users", "/staff/audit", "/staff/board/", "/account/mfa"):
        assert 'action="/logout"' in text(client.get(path)), path


@pytest.mark.usefixtures("production_env")
def test_cookies_in_production_are_host_only_secure_httponly_lax(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'prod.db'}")
    monkeypatch.setenv("ENCRYPTION_KEYS", Fernet.generate_key().decode())
    app = create_app("production", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'prod.db'}")
    assert app.config["SESSION_COOKIE_NAME"] == "__Host-session"
    with app.app_context():
        db.create_all()
        response = app.test_client().get("/login")  # the form's CSRF token starts a session
        db.engine.dispose()
    cookie = next(v for k, v in response.headers.items() if k == "Set-Cookie")
    attributes = [part.strip() for part in cookie.split(";")]
    assert attributes[0].startswith("__Host-session=")
    assert {"Secure", "HttpOnly", "SameSite=Lax", "Path=/"} <= set(attributes)
    assert not any(a.lower().startswith(("domain", "expires", "max-age")) for a in attributes)
