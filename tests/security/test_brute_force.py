"""Brute force: per-account back-off in the database, per-address limits in shared storage.

ASVS 5.0: V6.1.1 (documented in docs/accounts.md), V6.3.1 (credential stuffing and brute
force slowed down, no malicious lockout, the code step included), V2.4.1 (anti-automation),
V6.3.8 (a throttled unknown address looks like a throttled known one).
"""

import os
import uuid
from datetime import timedelta

import pytest
import redis

from sro_board import create_app
from sro_board.auth.models import LoginThrottle
from sro_board.auth.throttle import throttle_key
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from tests.factories import PASSWORD, count_rows, fresh_app, login, make_user, next_code
from tests.pages import text
from tests.security.accounts import isolated_requests  # noqa: F401 - a fresh g per request

pytestmark = pytest.mark.usefixtures("app", "isolated_requests")
WRONG = "not-the-password!!"


def attempt(client, email: str, password: str = WRONG):
    """One login attempt from the client's address."""
    return client.post("/login", data={"email": email, "password": password})


def test_after_five_failures_the_account_waits_even_with_the_right_password(client):
    user = make_user(["member"])
    for _ in range(5):
        assert attempt(client, user.email).status_code == 200
    response = attempt(client, user.email, PASSWORD)
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 30
    assert "Too many attempts" in text(response)
    assert client.get("/staff/").status_code == 302  # not logged in
    with clock_set_to(now_utc() + timedelta(seconds=31)):
        login(client, user)  # the window passed: the right password works again
    assert db.session.get(LoginThrottle, throttle_key(user.email)) is None  # count cleared


@pytest.fixture
def generous_address_limit(app, monkeypatch):
    """Lift the per-address limit, to see the per-account back-off alone."""
    monkeypatch.setitem(app.config, "LOGIN_RATE_LIMIT", "1000 per minute")


@pytest.mark.usefixtures("generous_address_limit")
def test_the_wait_doubles_and_is_capped_never_permanent(client, app):
    user = make_user(["member"])
    moment = now_utc()
    waits = []
    for _ in range(20):
        with clock_set_to(moment):
            response = attempt(client, user.email)
            if response.status_code == 429:
                waits.append(int(response.headers["Retry-After"]))
                moment += timedelta(seconds=waits[-1] + 1)
                continue
    assert waits[:6] == [30, 60, 120, 240, 480, 900]
    assert max(waits) == app.config["LOGIN_BACKOFF_MAX_SECONDS"] == 900
    with clock_set_to(moment + timedelta(seconds=901)):
        login(client, user)


@pytest.mark.usefixtures("generous_address_limit")
def test_a_throttled_unknown_address_answers_like_a_known_one(client):
    user = make_user(["member"])
    answers = {}
    for email in (user.email, "nobody.here@example.org"):
        for _ in range(5):
            attempt(client, email)
        response = attempt(client, email)
        page = text(response).replace(email, "EMAIL")
        answers[email] = (response.status_code, response.headers["Retry-After"], page)
    known, unknown = answers.values()
    assert known == unknown


def test_another_account_is_not_affected(client):
    victim, other = make_user(["member"]), make_user(["reviewer"])
    for _ in range(6):
        attempt(client, victim.email)
    login(client, other)


def test_wrong_codes_count_and_the_code_step_is_throttled(client):
    user = make_user(["chair"])
    assert attempt(client, user.email, PASSWORD).location == "/login/code"
    for _ in range(5):
        assert client.post("/login/code", data={"code": "000000"}).status_code == 200
    response = client.post("/login/code", data={"code": next_code(user)})
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert client.get("/staff/").status_code == 302


def test_the_right_password_alone_does_not_reset_the_count(client):
    user = make_user(["chair"])
    for _ in range(4):
        attempt(client, user.email)
    assert attempt(client, user.email, PASSWORD).location == "/login/code"
    assert db.session.get(LoginThrottle, throttle_key(user.email)).failures == 4
    client.post("/login/code", data={"code": "000000"})
    assert attempt(client, user.email, PASSWORD).status_code == 429


def test_the_table_holds_no_email_address(client):
    attempt(client, "someone.private@example.org")
    row = db.session.query(LoginThrottle).one()
    assert "example" not in row.key
    assert len(row.key) == 64


def test_one_address_is_limited_across_many_accounts():
    with fresh_app(LOGIN_RATE_LIMIT="3 per minute") as app:
        client = app.test_client()
        for n in range(3):
            assert attempt(client, f"guess{n}@example.org").status_code == 200
        response = attempt(client, "guess9@example.org")
        assert response.status_code == 429
        assert response.headers["Retry-After"]


def two_workers(url: str, **settings) -> list:
    """Two apps on one database file, as two gunicorn workers; the schema made by the first."""
    workers = [create_app("testing", SQLALCHEMY_DATABASE_URI=url, **settings) for _ in range(2)]
    with workers[0].app_context():
        db.create_all()
    return workers


def close(workers: list) -> None:
    """Dispose of the workers' connections."""
    for worker in workers:
        with worker.app_context():
            db.engine.dispose()


def test_the_account_count_holds_across_workers(tmp_path):
    """Two apps (as two gunicorn workers) on one database share the per-account count."""
    workers = two_workers(f"sqlite:///{tmp_path / 'shared.db'}")
    with workers[0].app_context():
        email = make_user(["member"]).email
    for n in range(5):
        with workers[n % 2].app_context():
            assert attempt(workers[n % 2].test_client(), email).status_code == 200
    with workers[1].app_context():
        assert attempt(workers[1].test_client(), email, PASSWORD).status_code == 429
        assert count_rows(LoginThrottle) == 1
    close(workers)


def _redis_url() -> str | None:
    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise
        return None
    return url


def test_the_address_limit_holds_across_workers_with_redis(tmp_path):
    """Two apps sharing the real Redis at 127.0.0.1:6379 count one address's attempts together."""
    url = _redis_url()
    if url is None:
        pytest.skip("no Redis on 127.0.0.1:6379 (CI always has one)")
    prefix = f"sro-test-{uuid.uuid4().hex}"
    workers = two_workers(
        f"sqlite:///{tmp_path / 'shared.db'}",
        RATELIMIT_STORAGE_URI=url,
        RATELIMIT_KEY_PREFIX=prefix,
        LOGIN_RATE_LIMIT="4 per minute",
    )
    statuses = []
    for n in range(5):
        with workers[n % 2].app_context():
            response = attempt(workers[n % 2].test_client(), f"x{n}@example.org")
            statuses.append((response.status_code, response.headers.get("Retry-After")))
    close(workers)
    store = redis.Redis.from_url(url)
    keys = store.keys(f"*{prefix}*")
    assert keys  # the counts were in Redis, not in either worker
    store.delete(*keys)
    assert [s for s, _ in statuses] == [200, 200, 200, 200, 429]
    assert statuses[-1][1] == "60"
