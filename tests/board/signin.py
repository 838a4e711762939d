"""Staff logins for the board's tests, through the real login and confirmation forms."""

from urllib.parse import urlsplit

from sro_board.auth.mfa import new_recovery_codes
from sro_board.auth.models import User
from sro_board.auth.roles import Role
from sro_board.auth.services import create_user
from sro_board.auth.services_mfa import enrol_with_secret
from sro_board.core.extensions import db

STAFF_PASSWORD = "a-long-staff-passphrase-for-tests"  # noqa: S105


def staff(roles: set[Role], email: str, name: str) -> User:
    """A committed staff account with the test password (and two-step login when required)."""
    user = create_user(None, email=email, name=name, roles=roles, password=STAFF_PASSWORD)
    if user.mfa_required:
        enrol_with_secret(user, "JBSWY3DPEHPK3PXP")
    db.session.commit()
    return user


def _code(user: User) -> str:
    """A fresh recovery code: accepted once, whatever the TOTP step."""
    user = db.session.get(User, user.id)
    code = new_recovery_codes(user)[0]
    db.session.commit()
    return code


def sign_in(client, user: User) -> None:
    """Log in through /login (and /login/code)."""
    user.set_password(STAFF_PASSWORD)
    db.session.commit()
    response = client.post("/login", data={"email": user.email, "password": STAFF_PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    if urlsplit(response.location).path == "/login/code":
        response = client.post("/login/code", data={"code": _code(user)})
        assert response.status_code == 302, response.get_data(as_text=True)


def confirm_identity(client, user: User, next_path: str = "/") -> None:
    """Give the password (and a code) again on /account/confirm."""
    data = {"password": STAFF_PASSWORD}
    if user.mfa_enabled:
        data["code"] = _code(user)
    response = client.post(f"/account/confirm?next={next_path}", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
