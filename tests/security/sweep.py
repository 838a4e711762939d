"""The checks the route sweep (test_route_sweep.py) runs on each row of the access matrix.

Each check starts from the same database: it runs in a savepoint rolled back at its end, in its
own app context (a fresh `g`) with a fresh client and fresh rate limits.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

from flask import Flask
from flask.testing import FlaskClient
from flask_wtf.csrf import generate_csrf

from sro_board.core.extensions import csrf, db, limiter
from tests.factories import login, make_user
from tests.security.access import ANONYMOUS
from tests.security.forms import FREE_TEXT, fields_posted_to
from tests.security.fuzzing import (
    FUZZ_ROLES,
    check_edge_values,
    check_hostile_input,
    limits_out_of_reach,
)
from tests.security.headers import INLINE, check_headers, is_private_path
from tests.security.payloads import (
    PAYLOADS,
    assert_escaped,
    assert_no_injected_header,
    display_pages,
)
from tests.security.routes import ROLES, RULES, allowed_role, endpoint_of, prepare, snapshot

CSRF_TOKENS = ["missing", "garbage", "another session's"]
# The sweep's files, by the blueprint of each row's endpoint (loadfile spreads them over workers).
GROUPS = {
    "tracker": {"recommendations", "contact", "public"},
    "board": {"board"},
    "meetings": {"meetings"},
    "accounts": set(),  # the rest: auth, admin, ops, static
}


def group(name: str) -> list[str]:
    """The rows of the access matrix whose blueprint is in the named group, sorted."""
    named = set().union(*GROUPS.values())
    return sorted(
        key
        for key in RULES
        if (blueprint := endpoint_of(key).split(".")[0]) in GROUPS[name]
        or (name == "accounts" and blueprint not in named)
    )


def csrf_exempt_endpoints(app: Flask) -> set[str]:
    """The endpoints whose views are marked @csrf.exempt (each package marks its own)."""
    return {
        endpoint
        for endpoint, view in app.view_functions.items()
        if f"{view.__module__}.{view.__name__}" in csrf._exempt_views
    }


def sweep_route(app: Flask, key: str, caplog) -> None:
    """Every check of one row, each from the same database."""
    check_access_headers_and_safe_get(app, key)
    if RULES[key].method == "POST":
        # Browsers send CSP reports bare, and mail clients the one-click unsubscribe.
        if endpoint_of(key) not in csrf_exempt_endpoints(app):
            check_csrf(app, key, caplog)
        with undone(app) as client:
            check_payloads(client, key)
    limits_out_of_reach(app)
    for role in FUZZ_ROLES:
        with undone(app) as client:
            check_hostile_input(client, key, role)
    with undone(app) as client:
        check_edge_values(client, key)


@contextmanager
def undone(app: Flask) -> Iterator[FlaskClient]:
    """A fresh client in a fresh app context; what it changes is rolled back at the end."""
    savepoint = db.session.get_bind().begin_nested()
    try:
        with app.app_context():
            limiter.reset()
            yield app.test_client()
    finally:
        savepoint.rollback()


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and urlsplit(response.location).path == "/login"


def check_access_headers_and_safe_get(app: Flask, key: str) -> None:
    """As every role and as nobody: the access the row allows, the security headers, and for a
    GET no change to the database."""
    access = RULES[key]
    for role in ROLES:
        with undone(app) as client:
            sample = prepare(client, key, role)
            before = snapshot() if sample.method == "GET" else None
            response = client.open(sample.path, method=sample.method, data=sample.data)
            response.close()
            status = response.status_code
            where = f"{sample.method} {sample.path} as {role}"
            deliberate = status == 503 and "Retry-After" in response.headers  # e.g. /readyz
            assert status < 500 or deliberate, f"{where}: {status}"
            if role in access.allowed:
                assert status not in (401, 403), f"{where}: refused"
                assert not _is_login_redirect(response), f"{where}: sent to login"
            elif role == ANONYMOUS:
                assert _is_login_redirect(response), f"{where}: let the public in: {status}"
                assert parse_qs(urlsplit(response.location).query)["next"] == [sample.path]
            else:
                assert status == 403, f"{where}: let in: {status}"
            if role in (ANONYMOUS, "admin"):
                check_headers(response, private=role != ANONYMOUS or is_private_path(sample.path))
                if response.mimetype == "text/html":  # what the CSP would block, as served
                    assert not INLINE.search(response.get_data(as_text=True)), where
            if before is not None and role in (ANONYMOUS, allowed_role(key)):
                db.session.rollback()
                assert snapshot() == before, f"{where} changed the database"


def another_sessions_token(app: Flask) -> str:
    """A well-formed CSRF token that belongs to some other browser's session."""
    with app.test_request_context():
        return generate_csrf()


def check_csrf(app: Flask, key: str, caplog) -> None:
    """A POST with a missing, garbage or another session's token: 400, logged, nothing changed."""
    role = allowed_role(key)
    for token in CSRF_TOKENS:
        with undone(app) as client:
            sample = prepare(client, key, role)  # logged in (if staff) with CSRF off
            data = dict(sample.data)
            if token == "garbage":
                data["csrf_token"] = "IjAwMDAi.forged.signature"
            elif token == "another session's":
                data["csrf_token"] = another_sessions_token(app)
            before = snapshot()
            caplog.clear()
            app.config["WTF_CSRF_ENABLED"] = True
            try:
                with caplog.at_level(logging.INFO, logger="sro_board.security"):
                    response = client.post(sample.path, data=data)
            finally:
                app.config["WTF_CSRF_ENABLED"] = False
            where = f"POST {sample.path} as {role}, {token} token"
            assert response.status_code == 400, f"{where}: {response.status_code}"
            assert "form expired" in response.get_data(as_text=True), where
            assert snapshot() == before, where
            events = [r for r in caplog.records if getattr(r, "event", None) == "csrf.refused"]
            assert len(events) == 1, where


def check_payloads(client, key: str) -> None:
    """Every classic payload in every free-text field of the row's form: stored as text, no
    injected header, and shown escaped on the reply and on every page that shows stored text."""
    sample = prepare(client, key, allowed_role(key))
    fields = fields_posted_to(client, sample.path)
    text_fields = [name for name, f in fields.items() if f.kind in FREE_TEXT]
    for name, payload in PAYLOADS.items():
        data = dict(sample.data) | dict.fromkeys(text_fields, payload)
        response = client.post(sample.path, data=data)
        where = f"POST {sample.path} ({name})"
        assert response.status_code < 500, where
        assert_no_injected_header(response, where)
        assert_escaped(response.get_data(as_text=True), where)
        db.session.rollback()
    crawler = client.application.test_client()
    login(crawler, make_user(["admin"], email="payload.reader@example.org"))
    for page in display_pages():
        response = crawler.get(page)
        assert response.status_code < 500, page
        assert_escaped(response.get_data(as_text=True), page)
