"""Status links expire; a new contact email is confirmed by a link sent to it; the receipt's link
is never kept in the session cookie (issue 11, L2)."""

import base64
import re
import zlib
from datetime import timedelta

import pytest

from sro_board.board.models import Application
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from tests.board.applying import PARENT, applications, apply, open_intake, outbox
from tests.pages import text

STATUS = re.compile(r'href="(/advisory-board/status/[A-Za-z0-9_-]{43})"')
CONFIRM = re.compile(r"/advisory-board/confirm-email/[A-Za-z0-9_-]{43}")
NEW = "priya.new@example.net"


@pytest.fixture
def status_path(client) -> str:
    """A parent applies; the status link from the confirmation (the answer to the POST)."""
    response = apply(client, open_intake(), PARENT)
    assert response.status_code == 201
    return STATUS.search(text(response)).group(1)


def _session_cookie_text(client) -> str:
    cookie = client.get_cookie("session")
    if cookie is None:
        return ""
    payload = cookie.value.split(".")[0 if not cookie.value.startswith(".") else 1]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return (zlib.decompress(raw) if cookie.value.startswith(".") else raw).decode()


def test_the_status_token_never_reaches_the_session_cookie(client, status_path):
    token = status_path.rsplit("/", 1)[1]
    assert token not in _session_cookie_text(client)
    # The confirmation page reached afterwards shows no link either.
    assert "/advisory-board/status/" not in text(client.get("/advisory-board/applied"))


def test_a_status_link_expires_and_a_new_one_can_be_asked_for(app, client, status_path):
    days = app.config["STATUS_LINK_DAYS"]
    with clock_set_to(now_utc() + timedelta(days=days - 1)):
        assert client.get(status_path).status_code == 200
    with clock_set_to(now_utc() + timedelta(days=days + 1)):
        expired = client.get(status_path)
        assert expired.status_code == 410
        assert "This status link has expired" in text(expired)
        assert 'href="/advisory-board/new-status-link"' in text(expired)
        withdraw = client.post(status_path + "/withdraw", data={"confirm": "y"})
        assert withdraw.status_code == 410
        assert applications()[0].stage.value == "eligible"
        client.post("/advisory-board/new-status-link", data={"email": PARENT["email"]})
        fresh = re.search(r"/advisory-board/status/[A-Za-z0-9_-]{43}", outbox()[-1].body)
        assert client.get(fresh.group(0)).status_code == 200


def test_a_new_email_changes_only_once_its_link_is_followed(client, status_path):
    response = client.post(status_path + "/contact", data={"email": NEW, "phone": ""})
    assert response.status_code == 302
    assert applications()[0].email == PARENT["email"]
    (confirm,) = outbox(NEW)
    assert "Confirm your new email" in confirm.subject
    notices = [m.subject for m in outbox(PARENT["email"])]
    assert any("new email address was asked for" in s for s in notices)
    assert NEW not in outbox(PARENT["email"])[-1].body
    path = CONFIRM.search(confirm.body).group(0)
    assert client.get(path).status_code == 200  # a page with a button: GET changes nothing
    assert applications()[0].email == PARENT["email"]
    done = client.post(path)
    assert "Your new email address is confirmed" in text(done)
    assert applications()[0].email == NEW
    assert applications()[0].pending_email is None
    assert "does not work" in text(client.post(path))  # used once


def test_an_email_change_link_expires(app, client, status_path):
    client.post(status_path + "/contact", data={"email": NEW, "phone": ""})
    path = CONFIRM.search(outbox(NEW)[0].body).group(0)
    hours = app.config["EMAIL_CHANGE_HOURS"]
    with clock_set_to(now_utc() + timedelta(hours=hours, minutes=1)):
        response = client.post(path)
    assert response.status_code == 404
    assert "does not work" in text(response)
    db.session.expire_all()
    assert db.session.get(Application, applications()[0].id).email == PARENT["email"]
