"""CSRF on every state-changing request, no state change on GET, local redirects, body limit.

ASVS 5.0: 3.5.1 (anti-forgery tokens), 3.5.3 (sensitive functions not on safe methods),
3.7.2 (redirects only to this site), 15.2.2 (request body limit against resource exhaustion),
16.3.3 (CSRF failures logged).
"""

import logging
from urllib.parse import urlsplit

import pytest
from flask_wtf.csrf import generate_csrf

from sro_board.core.extensions import db
from sro_board.security import CSRF_EXEMPT_ENDPOINTS
from tests.factories import PASSWORD, make_user
from tests.security.access import ANONYMOUS
from tests.security.routes import RULES, allowed_role, endpoint_of, prepare, snapshot
from tests.security.shared_app import emptied_app, module_app  # noqa: F401 - fixtures

# Browsers send CSP reports without a token (tests/security/test_csp_reports.py).
POSTS = sorted(
    key
    for key, access in RULES.items()
    if access.method == "POST" and endpoint_of(key) not in CSRF_EXEMPT_ENDPOINTS
)
GETS = sorted(key for key, access in RULES.items() if access.method == "GET")


def another_sessions_token(app) -> str:
    """A well-formed CSRF token that belongs to some other browser's session."""
    with app.test_request_context():
        return generate_csrf()


@pytest.mark.parametrize("token", ["missing", "garbage", "another session's"])
@pytest.mark.parametrize("key", POSTS)
def test_every_post_refuses_a_missing_or_forged_token_and_changes_nothing(
    app, client, key, token, caplog
):
    role = allowed_role(key)
    sample = prepare(client, key, role)  # logged in (if staff) with CSRF off, as a browser would
    data = dict(sample.data)
    if token == "garbage":
        data["csrf_token"] = "IjAwMDAi.forged.signature"
    elif token == "another session's":
        data["csrf_token"] = another_sessions_token(app)
    before = snapshot()
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        with caplog.at_level(logging.INFO, logger="sro_board.security"):
            response = client.post(sample.path, data=data)
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert response.status_code == 400, f"POST {sample.path} as {role}: {response.status_code}"
    assert "form expired" in response.get_data(as_text=True)
    assert snapshot() == before
    events = [r for r in caplog.records if getattr(r, "event", None) == "csrf.refused"]
    assert len(events) == 1


def test_a_valid_token_is_accepted(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        client.get("/contact")
        with client.session_transaction() as session:
            assert "csrf_token" in session
        page = client.get("/contact").get_data(as_text=True)
        token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
        data = {"topic": "question", "message": "When is the next report?", "csrf_token": token}
        response = client.post("/contact", data=data)
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert response.status_code == 302


@pytest.mark.parametrize("role", [ANONYMOUS, "allowed"])
@pytest.mark.parametrize("key", GETS)
def test_no_get_changes_anything(app, client, key, role):
    role = allowed_role(key) if role == "allowed" else role
    sample = prepare(client, key, role)
    before = snapshot()
    response = client.get(sample.path)
    response.close()
    assert response.status_code < 500 or response.status_code == 503
    db.session.rollback()
    assert snapshot() == before, f"GET {sample.path} as {role} changed the database"


HOSTILE_NEXT = [
    "//evil.example",
    "///evil.example",
    "https://evil.example",
    "http:evil.example",
    "https:/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\r\n/evil.example",
    " //evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
]


def is_local(location: str) -> bool:
    """A Location a browser resolves to this site: a path, no scheme, host or backslash."""
    if any(c in location for c in "\\\t\r\n ") or location.startswith("//"):
        return False
    parts = urlsplit(location)
    return not parts.scheme and not parts.netloc and location.startswith("/")


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_login_never_redirects_to_another_site(app, client, target):
    user = make_user(["member"])
    response = client.post(
        "/login", query_string={"next": target}, data={"email": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert is_local(response.location), response.location


def test_login_follows_a_local_next(app, client):
    user = make_user(["member"])
    response = client.post(
        "/login",
        query_string={"next": "/staff/recommendations?sort=title"},
        data={"email": user.email, "password": PASSWORD},
    )
    assert response.location == "/staff/recommendations?sort=title"


@pytest.mark.parametrize("path", ["/contact", "/advisory-board/apply", "/login"])
def test_a_body_over_the_limit_is_refused_with_413(app, client, path):
    limit = app.config["MAX_CONTENT_LENGTH"]
    before = snapshot()
    response = client.post(path, data={"message": "x" * (limit + 1)})
    assert response.status_code == 413
    assert snapshot() == before


def test_a_body_within_the_limit_is_read(app, client):
    response = client.post("/contact", data={"topic": "question", "message": "Hello there."})
    assert response.status_code == 302
