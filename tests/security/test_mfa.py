"""Two-step login with TOTP: required for admins and chairs, one-time codes, re-authentication.

ASVS 5.0: V6.3.3 (MFA for the privileged roles; optional elsewhere, documented), V6.5.1 (each
TOTP and recovery code works once), V6.5.2 (recovery codes stored as argon2id hashes), V6.5.3
(secrets from a CSPRNG), V6.5.4 (recovery codes of 20+ bits), V6.5.5 (a TOTP lives 30 s),
V6.5.6 (a lost factor can be revoked by an admin), V6.5.8 (server time), V7.5.1
(re-authentication before changing password or MFA), V6.4.4 (reset only by an admin, then a
new enrolment).
"""

import base64
import re
from datetime import timedelta

import pyotp
import pytest
import sqlalchemy as sa

from sro_board.auth.mfa import PERIOD, code_at, current_code, new_secret, step_at
from sro_board.auth.models import RecoveryCode, User
from sro_board.auth.roles import Role
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from tests.factories import (
    PASSWORD,
    RECOVERY_CODES,
    audit_actions,
    enrol,
    login,
    make_user,
    next_code,
)
from tests.pages import text
from tests.security.accounts import isolated_requests  # noqa: F401 - a fresh g per request

pytestmark = pytest.mark.usefixtures("app", "isolated_requests")


def fresh(user) -> User:
    """The user row as stored now."""
    db.session.expire_all()
    return db.session.get(User, user.id)


def password_step(client, user):
    """Post the password; return the response."""
    return client.post("/login", data={"email": user.email, "password": PASSWORD})


def test_an_admin_without_mfa_is_sent_to_set_it_up_before_anything_else(client):
    admin = make_user(["member"], email="new.admin@example.org")
    admin.set_roles({Role.ADMIN})  # made an admin directly: not enrolled yet
    db.session.commit()
    assert password_step(client, admin).status_code == 302
    for path in ("/staff/", "/staff/users", "/", "/account/password", "/staff/audit"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.location == "/account/mfa/setup", path
    assert client.get("/account/mfa/setup").status_code == 200


def test_enrolment_without_javascript_then_login_needs_a_code(client):
    user = make_user(["member"])
    login(client, user)
    page = text(client.get("/account/mfa/setup"))
    assert "<script" not in page
    assert client.post("/account/mfa/start").status_code == 302
    page = text(client.get("/account/mfa/setup"))
    secret = fresh(user).totp_secret
    assert secret in page
    assert "otpauth://totp/" in page
    assert f"secret={secret}" in page
    assert '<svg role="img" aria-label="QR code to scan"' in page
    assert "<script" not in page
    wrong = client.post("/account/mfa/setup", data={"code": "000000"})
    assert wrong.status_code == 400
    assert not fresh(user).mfa_enabled
    response = client.post("/account/mfa/setup", data={"code": current_code(secret)})
    assert response.status_code == 200
    codes = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", text(response))
    assert len(codes) == 10
    assert fresh(user).mfa_enabled
    assert "user.mfa_enabled" in audit_actions()
    client.post("/logout")
    response = password_step(client, user)
    assert response.location == "/login/code"
    assert client.get("/staff/").status_code == 302  # not logged in by the password alone
    with clock_set_to(now_utc() + timedelta(seconds=PERIOD)):
        assert client.post("/login/code", data={"code": current_code(secret)}).status_code == 302
        assert client.get("/staff/").status_code == 200


def test_a_totp_code_works_once(client):
    user = make_user(["chair", "member"])
    assert password_step(client, user).location == "/login/code"
    code = next_code(user)
    assert client.post("/login/code", data={"code": code}).status_code == 302
    client.post("/logout")
    password_step(client, user)
    replay = client.post("/login/code", data={"code": code})
    assert replay.status_code == 200
    assert "already used" in text(replay)


def test_a_code_from_the_previous_30_seconds_is_refused(client):
    user = make_user(["chair"])
    password_step(client, user)
    with clock_set_to(now_utc()):  # the step cannot turn during the test
        step = step_at(now_utc())
        for other_step in (step - 1, step + 1):
            code = code_at(fresh(user).totp_secret, other_step)
            assert client.post("/login/code", data={"code": code}).status_code == 200
        assert client.get("/staff/").status_code == 302


def test_a_recovery_code_works_once_and_is_stored_hashed(client):
    user = make_user(["admin"])
    code = RECOVERY_CODES[user.email][0]
    hashes = db.session.scalars(
        sa.select(RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id)
    ).all()
    assert len(hashes) == 10
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert not any(code.replace("-", "") in h for h in hashes)
    password_step(client, user)
    assert client.post("/login/code", data={"code": code.upper()}).status_code == 302
    client.post("/logout")
    password_step(client, user)
    assert client.post("/login/code", data={"code": code}).status_code == 200


def test_secrets_and_recovery_codes_are_random_and_long_enough():
    seen = {new_secret() for _ in range(20)}
    assert len(seen) == 20
    assert all(len(base64.b32decode(secret)) == 20 for secret in seen)  # 160 bits
    codes = RECOVERY_CODES[make_user(["chair"]).email]
    assert len(set(codes)) == 10
    assert all(len(c.replace("-", "")) == 10 for c in codes)  # 10 of 31 symbols: ~49 bits


def test_sensitive_changes_need_a_fresh_password_and_code(client):
    user = make_user(["chair"])
    login(client, user)
    later = now_utc() + timedelta(minutes=11)
    with clock_set_to(later):
        response = client.get("/account/password")
        assert response.location == "/account/confirm?next=/account/password"
        response = client.post("/account/mfa/recovery-codes")
        assert response.location.startswith("/account/confirm")
        page = text(client.get("/account/confirm"))
        assert 'name="password"' in page
        assert 'name="code"' in page
        bad = client.post(
            "/account/confirm?next=/account/password",
            data={"password": PASSWORD, "code": "000000"},
        )
        assert bad.status_code == 200
        good = client.post(
            "/account/confirm?next=/account/password",
            data={"password": PASSWORD, "code": next_code(user)},
        )
        assert good.location == "/account/password"
        assert client.get("/account/password").status_code == 200


def test_admins_and_chairs_cannot_turn_mfa_off_others_can(client):
    chair = make_user(["chair"])
    login(client, chair)
    client.post("/account/mfa/off")
    assert fresh(chair).mfa_enabled
    client.post("/logout")
    member = make_user(["member"])
    enrol(member)
    db.session.commit()
    login(client, member)
    client.post("/account/mfa/off")
    assert not fresh(member).mfa_enabled
    assert "user.mfa_disabled" in audit_actions()


def test_an_admin_resets_a_lost_factor_and_the_user_enrols_again(client):
    admin, chair = make_user(["admin"]), make_user(["chair"])
    login(client, admin)
    assert client.post(f"/staff/users/{chair.id}/reset-mfa").status_code == 302
    assert not fresh(chair).mfa_enabled
    assert fresh(chair).recovery_codes == []
    assert "user.mfa_reset" in audit_actions()
    other = client.application.test_client()
    assert password_step(other, chair).location == "/staff/"  # no code step any more
    assert other.get("/staff/").location == "/account/mfa/setup"


def test_demo_command_prints_a_code_for_demo_accounts_only(runner):
    from sro_board.sample.loader import DEMO_TOTP_SECRETS, load_sample_data

    load_sample_data()
    db.session.commit()
    result = runner.invoke(args=["sample", "totp", "admin@example.org"])
    assert result.exit_code == 0
    assert result.output.strip() == current_code(DEMO_TOTP_SECRETS["admin@example.org"])
    for email in ("member@example.org", "nobody@example.org"):
        refused = runner.invoke(args=["sample", "totp", email])
        assert refused.exit_code != 0
        assert "demo accounts" in refused.output
    admin = db.session.scalar(sa.select(User).where(User.email == "admin@example.org"))
    admin.totp_secret = pyotp.random_base32()  # a real admin reusing the address
    db.session.commit()
    assert runner.invoke(args=["sample", "totp", "admin@example.org"]).exit_code != 0


def test_sample_logins_tell_how_to_log_in_as_each_demo_account(runner):
    from sro_board.sample.loader import DEMO_PASSWORD, DEMO_TOTP_SECRETS

    output = runner.invoke(args=["sample", "logins"]).output
    assert DEMO_PASSWORD in output
    for secret in DEMO_TOTP_SECRETS.values():
        assert secret in output
    assert "flask sample totp admin@example.org" in output
