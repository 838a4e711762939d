"""Security events say whom they were about, from which client, in which request.

ASVS 5.0: 16.2.1 (when, where, who, what: subject, client address and request id on each
event), 16.3.1 (failed logins attributable, for known and unknown addresses alike), 16.3.3
(a CSRF refusal carries its request's real id). Issue 11 L3.
"""

import logging
import re

import pytest

from tests.factories import PASSWORD, fresh_app, login, make_user

CLIENT = {"REMOTE_ADDR": "198.51.100.23"}


def events(caplog, name: str) -> list[logging.LogRecord]:
    """The captured records of one security event."""
    return [r for r in caplog.records if getattr(r, "event", None) == name]


def failed_login(client, email: str, **headers: str) -> logging.LogRecord:
    """POST a wrong password for email; return nothing (read the log)."""
    response = client.post(
        "/login",
        data={"email": email, "password": "Not " + PASSWORD},
        environ_base=CLIENT,
        headers=headers,
    )
    assert response.status_code == 200


@pytest.fixture
def security_log(caplog):
    """Capture the security events."""
    caplog.set_level(logging.INFO, logger="sro_board.security")
    return caplog


def test_a_failed_login_names_the_account_and_the_client(app, client, security_log):
    member = make_user(["member"], email="kai.attrib@example.org")
    failed_login(client, member.email)
    (record,) = events(security_log, "login.failed")
    assert record.subject == f"user:{member.id}"
    assert record.client == "198.51.100.23"
    assert re.fullmatch(r"[0-9a-f]{32}", record.request_id)


def test_an_unknown_address_is_named_by_a_keyed_hash_never_by_itself(app, client, security_log):
    for email in ("nobody@example.org", "NOBODY@Example.org", "someone.else@example.org"):
        failed_login(client, email)
    first, again, other = (r.subject for r in events(security_log, "login.failed"))
    assert re.fullmatch(r"email:[0-9a-f]{16}", first)
    assert again == first  # the same address, however typed, is the same subject
    assert other != first
    logged = " ".join(str(vars(r)) for r in security_log.records)
    assert "nobody" not in logged.lower()
    assert "someone.else" not in logged


def test_forwarded_for_counts_only_behind_a_trusted_proxy(security_log):
    spoofed = {"X-Forwarded-For": "203.0.113.99"}
    for proxies, expected in ((0, "198.51.100.23"), (1, "203.0.113.99")):
        with fresh_app(TRUSTED_PROXIES=proxies) as app:
            security_log.clear()
            failed_login(app.test_client(), "nobody@example.org", **spoofed)
            (record,) = events(security_log, "login.failed")
            assert record.client == expected, proxies


def test_a_csrf_refusal_carries_the_requests_real_id(security_log):
    with fresh_app(WTF_CSRF_ENABLED=True) as app:
        client = app.test_client()
        response = client.post("/contact", data={"message": "no token"}, environ_base=CLIENT)
        assert response.status_code == 400
        (record,) = events(security_log, "csrf.refused")
        assert record.request_id == response.headers["X-Request-ID"]
        assert re.fullmatch(r"[0-9a-f]{32}", record.request_id)
        assert record.client == "198.51.100.23"
        given = "trace-0123456789"
        security_log.clear()
        client.post("/contact", data={}, headers={"X-Request-ID": given})
        (record,) = events(security_log, "csrf.refused")
        assert record.request_id == given


def test_a_denied_page_names_the_logged_in_subject(app, client, security_log):

    member = login(client, make_user(["member"]))
    security_log.clear()
    assert client.get("/staff/users", environ_base=CLIENT).status_code == 403
    (record,) = events(security_log, "access.denied")
    assert record.subject == f"user:{member.id}"
    assert record.client == "198.51.100.23"
