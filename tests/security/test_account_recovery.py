"""Invitations and password resets by emailed single-use links; no account enumeration.

ASVS 5.0: V6.4.1 (activation links random, short-lived, single-use; never the long-term
password), V6.4.3 (a reset does not bypass two-step login), V6.4.6 (an admin starts an
invitation but never chooses or learns the password), V6.3.8 (login and reset answers are the
same for known and unknown addresses, in status, page and time), V6.3.7 (the user is emailed
after a reset), V11.5.1 (256-bit tokens from the secrets module; only their hash is stored).
"""

import re
import statistics
import time
from datetime import timedelta

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from sro_board.auth import passwords
from sro_board.auth.models import AccountToken, User
from sro_board.auth.roles import Role
from sro_board.auth.services import create_user
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from sro_board.mail.models import OutboxEmail
from tests.board.applying import outbox
from tests.factories import PASSWORD, login, make_user, next_code
from tests.pages import text
from tests.security.accounts import isolated_requests  # noqa: F401 - a fresh g per request

pytestmark = pytest.mark.usefixtures("app", "isolated_requests")
NEW = "a-fresh-long-passphrase"
LINK = re.compile(r"https?://[^/\s]+(/(?:invitation|password-reset)/[A-Za-z0-9_-]{43})")


def emailed_path(recipient: str) -> str:
    """The path of the link in the newest email to recipient."""
    return LINK.search(outbox(recipient)[-1].body).group(1)


def set_password(client, path: str, password: str = NEW):
    """Submit the set-password form of an emailed link."""
    return client.post(path, data={"new_password": password, "confirm": password})


def invite(client, email: str = "new.person@example.org", roles=("member",)):
    """An admin invites someone; returns the emailed link's path."""
    login(client, make_user(["admin"], email="the.admin@example.org"))
    data = {"name": "New Person", "email": email, "roles": list(roles)}
    assert client.post("/staff/users/new", data=data).status_code == 302
    client.post("/logout")
    return emailed_path(email)


def test_an_invitee_sets_their_own_password_once(client):
    path = invite(client)
    user = db.session.scalar(sa.select(User).where(User.email == "new.person@example.org"))
    assert not user.has_password
    assert "New Person" in text(client.get(path))
    assert set_password(client, path).location == "/login"
    login(client, user, password=NEW)
    client.post("/logout")
    assert client.get(path).status_code == 404  # used
    assert set_password(client, path, "another-long-passphrase").status_code == 404


def test_an_invited_admin_sets_up_two_step_login_at_first_login(client):
    path = invite(client, "new.chair@example.org", roles=("chair",))
    set_password(client, path)
    client.post("/login", data={"email": "new.chair@example.org", "password": NEW})
    assert client.get("/staff/").location == "/account/mfa/setup"


def test_an_invitation_expires_after_48_hours(client):
    path = invite(client)
    with clock_set_to(now_utc() + timedelta(hours=47, minutes=59)):
        assert client.get(path).status_code == 200
    with clock_set_to(now_utc() + timedelta(hours=48, minutes=1)):
        assert client.get(path).status_code == 404


def test_a_new_invitation_spends_the_old_link(client):
    old = invite(client)
    user = db.session.scalar(sa.select(User).where(User.email == "new.person@example.org"))
    login(client, db.session.scalar(sa.select(User).where(User.email == "the.admin@example.org")))
    assert client.post(f"/staff/users/{user.id}/invitation").status_code == 302
    assert client.get(old).status_code == 404
    assert client.get(emailed_path(user.email)).status_code == 200


def test_the_admin_never_sees_or_chooses_the_password(client):
    login(client, make_user(["admin"]))
    form = text(client.get("/staff/users/new"))
    assert 'type="password"' not in form


def test_only_the_hash_of_a_link_is_stored(client):
    path = invite(client)
    token = path.rsplit("/", 1)[1]
    stored = db.session.scalars(sa.select(AccountToken.token_hash)).all()
    assert len(stored) == 1
    assert token not in stored[0]
    assert len(token) == 43  # 32 random bytes


def test_guessed_or_mangled_links_do_not_work(client):
    path = invite(client)
    token = path.rsplit("/", 1)[1]
    for wrong in (token[:-1] + ("A" if token[-1] != "A" else "B"), token[:-1], "x" * 43):
        assert client.get(f"/invitation/{wrong}").status_code == 404
    reset_path = path.replace("/invitation/", "/password-reset/")
    assert client.get(reset_path).status_code == 404  # an invitation is not a reset link


def request_reset(client, email: str):
    """Ask for a reset link."""
    return client.post("/password-reset", data={"email": email})


def test_a_reset_link_works_once_within_an_hour(client):
    user = make_user(["member"])
    request_reset(client, user.email)
    path = emailed_path(user.email)
    with clock_set_to(now_utc() + timedelta(minutes=61)):
        assert client.get(path).status_code == 404
    assert set_password(client, path).location == "/login"
    assert set_password(client, path, "yet-another-passphrase").status_code == 404
    login(client, user, password=NEW)
    notice = outbox(user.email)[-1]
    assert "reset" in notice.body
    assert NEW not in notice.body


def test_a_reset_keeps_two_step_login(client):
    user = make_user(["admin"])
    request_reset(client, user.email)
    set_password(client, emailed_path(user.email))
    response = client.post("/login", data={"email": user.email, "password": NEW})
    assert response.location == "/login/code"
    assert client.get("/staff/").status_code == 302
    assert client.post("/login/code", data={"code": next_code(user)}).status_code == 302


def test_the_reset_answer_is_the_same_for_known_and_unknown_addresses(client):
    user = make_user(["member"])
    known = request_reset(client, user.email)
    known_page = text(client.get(known.location))
    unknown = request_reset(client, "nobody.at.all@example.org")
    unknown_page = text(client.get(unknown.location))
    assert (known.status_code, known.location) == (unknown.status_code, unknown.location)
    assert known_page == unknown_page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutboxEmail)) == 1


class CountingHasher(PasswordHasher):
    """argon2id that records the cost parameters of every hash it verifies."""

    def __init__(self) -> None:
        super().__init__(time_cost=2, memory_cost=64, parallelism=1)
        self.verified: list[str] = []

    def verify(self, hash, password):  # noqa: A002 - argon2-cffi's own parameter name
        """Record the hash's parameters, then verify."""
        self.verified.append(hash.split("$")[3])
        return super().verify(hash, password)


def test_a_wrong_login_does_the_same_work_for_known_and_unknown_addresses(client, monkeypatch):
    counting = CountingHasher()
    monkeypatch.setattr(passwords, "hasher", counting)
    user = make_user(["member"])
    invited = create_user(
        None, email="invited@example.org", name="Invited", roles={Role.MEMBER}, password=None
    )
    db.session.commit()
    work = {}
    for email in (user.email, "nobody@example.org", invited.email):
        counting.verified.clear()
        response = client.post("/login", data={"email": email, "password": "wrong-password!!"})
        work[email] = (response.status_code, list(counting.verified))
    assert len(set(map(str, work.values()))) == 1, work
    assert work[user.email] == (200, ["m=64,t=2,p=1"])


def _median_seconds(send, times: int = 7) -> float:
    durations = []
    for _ in range(times):
        start = time.perf_counter()
        send()
        durations.append(time.perf_counter() - start)
    return statistics.median(durations)


def test_a_reset_request_takes_about_the_same_time_for_unknown_addresses(client):
    user = make_user(["member"])
    known = _median_seconds(lambda: request_reset(client, user.email))
    unknown = _median_seconds(lambda: request_reset(client, "nobody@example.org"))
    assert abs(known - unknown) < 0.25, (known, unknown)


def test_the_old_password_stops_working_after_a_reset(client):
    user = make_user(["member"])
    request_reset(client, user.email)
    set_password(client, emailed_path(user.email))
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 200


def test_reset_requests_are_limited_per_address_whoever_sends_them(app):
    user = make_user(["member"])
    for n in range(5):
        sender = app.test_client()
        sender.environ_base["REMOTE_ADDR"] = f"10.9.0.{n + 1}"  # a different address each time
        assert request_reset(sender, user.email).status_code == 302
    late = app.test_client()
    late.environ_base["REMOTE_ADDR"] = "10.9.1.1"
    assert request_reset(late, user.email).status_code == 429
    assert request_reset(late, "nobody@example.org").status_code == 302
    emails = db.session.scalar(sa.select(sa.func.count()).select_from(OutboxEmail))
    assert emails == 5  # five reset links, none for the refused request
