"""One's own sessions: listed with start, last use and browser; any one or all others ended.

ASVS 5.0: 7.5.2 (users can view and, having confirmed their password, terminate any or all
of their active sessions), 7.4.1
(an ended session's cookie is refused by the server), 16.3.1 (ending is logged and audited).
"""

import logging
from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.auth.models import UserSession
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from tests.factories import PASSWORD, login, make_user
from tests.security.accounts import isolated_requests  # noqa: F401 - a fresh g per request

pytestmark = pytest.mark.usefixtures("app", "isolated_requests")
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
EDGE = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0"
)


def browser(app, user_agent: str):
    """A test client that sends this User-Agent with every request."""
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = user_agent
    return client


def logged_in(response) -> bool:
    """True when a staff page was served, False when the request went to the login page."""
    if response.status_code == 302 and response.location.startswith("/login"):
        return False
    assert response.status_code == 200, response.status_code
    return True


def session_ids(user) -> list[int]:
    """The ids of the user's session records, oldest first."""
    return list(
        db.session.scalars(
            sa.select(UserSession.id).where(UserSession.user_id == user.id).order_by("id")
        )
    )


def page(client) -> str:
    """The sessions page as text."""
    response = client.get("/account/sessions")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_page_lists_ones_own_sessions_and_marks_this_one(app):
    user = make_user(["member"])
    laptop, phone = browser(app, FIREFOX), browser(app, IPHONE)
    login(laptop, user)
    login(phone, user)
    login(browser(app, EDGE), make_user(["chair"]))  # someone else's session
    html = page(laptop)
    assert "Firefox on Linux <strong>(this session)</strong>" in html
    assert "Mobile Safari on iOS" in html
    assert "Edge on Windows" not in html
    assert html.count("End session") == 1  # the phone's; this one says "log out"
    assert "End this session (log out)" in html
    assert "End all other sessions" in html
    assert "(this session)" in page(phone).split("Mobile Safari on iOS")[1].split("</th>")[0]


def test_last_use_is_recorded_and_shown(app):
    user = make_user(["member"])
    laptop = browser(app, FIREFOX)
    login(laptop, user)
    started = db.session.scalar(sa.select(UserSession.last_seen_at))
    later = now_utc() + timedelta(minutes=5)
    with clock_set_to(later):
        assert logged_in(laptop.get("/staff/"))
    db.session.expire_all()
    row = db.session.scalar(sa.select(UserSession))
    assert row.last_seen_at > started
    assert abs((row.last_seen_at - later).total_seconds()) < 1
    assert row.created_at < row.last_seen_at


def test_ending_another_session_logs_that_browser_out_and_keeps_this_one(app, caplog):
    caplog.set_level(logging.INFO, logger="sro_board.security")
    user = make_user(["member"])
    laptop, phone = browser(app, FIREFOX), browser(app, IPHONE)
    login(laptop, user)
    login(phone, user)
    _laptop_id, phone_id = session_ids(user)
    response = laptop.post(f"/account/sessions/{phone_id}/end")
    assert response.status_code == 302
    assert response.location == "/account/sessions"
    assert not logged_in(phone.get("/staff/"))
    assert logged_in(laptop.get("/staff/"))
    assert "Mobile Safari on iOS" not in page(laptop)
    entry = db.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry.action == "user.session_ended"
    assert entry.actor_id == user.id
    assert "session.ended" in [getattr(r, "event", None) for r in caplog.records]


def test_ending_all_other_sessions_keeps_only_this_one(app):
    user = make_user(["member"])
    laptop, phone, desktop = browser(app, FIREFOX), browser(app, IPHONE), browser(app, EDGE)
    for client in (laptop, phone, desktop):
        login(client, user)
    assert laptop.post("/account/sessions/end-others").status_code == 302
    assert not logged_in(phone.get("/staff/"))
    assert not logged_in(desktop.get("/staff/"))
    assert logged_in(laptop.get("/staff/"))
    html = page(laptop)
    assert "End session" not in html
    assert "End all other sessions" not in html
    actions = list(db.session.scalars(sa.select(AuditEntry.action)))
    assert actions.count("user.other_sessions_ended") == 1


def test_ending_this_session_logs_out_here_only(app):
    user = make_user(["member"])
    laptop, phone = browser(app, FIREFOX), browser(app, IPHONE)
    login(laptop, user)
    login(phone, user)
    laptop_id, _phone_id = session_ids(user)
    response = laptop.post(f"/account/sessions/{laptop_id}/end")
    assert response.location == "/login"
    assert not logged_in(laptop.get("/staff/"))
    assert logged_in(phone.get("/staff/"))


def test_nobody_ends_someone_elses_session(app):
    owner, other = make_user(["member"]), make_user(["chair"])
    victim, attacker = browser(app, FIREFOX), browser(app, EDGE)
    login(victim, owner)
    login(attacker, other)
    (victim_session,) = session_ids(owner)
    audited = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry))
    response = attacker.post(f"/account/sessions/{victim_session}/end", follow_redirects=True)
    assert "That session has already ended." in response.get_data(as_text=True)
    assert logged_in(victim.get("/staff/"))
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) == audited


def test_a_cookie_without_a_live_record_is_refused(app):
    user = make_user(["member"])
    laptop = browser(app, FIREFOX)
    login(laptop, user)
    db.session.execute(sa.update(UserSession).values(ended_at=now_utc()))
    db.session.commit()
    assert not logged_in(laptop.get("/staff/"))


def test_logging_out_ends_every_record(app):
    user = make_user(["member"])
    laptop, phone = browser(app, FIREFOX), browser(app, IPHONE)
    login(laptop, user)
    login(phone, user)
    laptop.post("/logout")
    db.session.expire_all()
    ended = db.session.scalars(sa.select(UserSession.ended_at)).all()
    assert len(ended) == 2
    assert all(ended)
    login(laptop, user)  # a new login clears the rows no longer alive
    assert len(session_ids(user)) == 1


def test_ending_a_session_needs_a_recent_confirmation(app):
    user = make_user(["member"])
    laptop, phone = browser(app, FIREFOX), browser(app, IPHONE)
    login(laptop, user)
    login(phone, user)
    _laptop_id, phone_id = session_ids(user)
    later = now_utc() + timedelta(minutes=app.config["REAUTH_MINUTES"] + 1)
    with clock_set_to(later):
        for path in (f"/account/sessions/{phone_id}/end", "/account/sessions/end-others"):
            response = laptop.post(path)
            assert response.status_code == 302
            assert response.location == "/account/confirm?next=/account/sessions"
        assert logged_in(phone.get("/staff/"))
        laptop.post("/account/confirm?next=/account/sessions", data={"password": PASSWORD})
        assert laptop.post(f"/account/sessions/{phone_id}/end").status_code == 302
        assert not logged_in(phone.get("/staff/"))
