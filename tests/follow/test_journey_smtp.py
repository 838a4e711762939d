"""The follow journey through a real SMTP server on loopback, with CSRF on, as a browser does.

Subscribe with the form, confirm with the emailed link (a GET shows a button, the POST
confirms), a chair approves an update on the staff page, the follower receives it with the RFC
8058 headers, unsubscribes with a raw one-click POST (no cookie, no CSRF token), and the next
publish sends nothing. The address never shows in a log line or a URL.
"""

import logging
import re

import sqlalchemy as sa

from sro_board.core.extensions import db
from sro_board.follow.models import Follower
from sro_board.recommendations.services import propose_update
from tests.board.applying import (  # noqa: F401 - fixtures: app_mailing_the_mailbox, loopback_mailbox
    app_mailing_the_mailbox,
    loopback_mailbox,
)
from tests.factories import login, make_rec, make_user
from tests.follow.helpers import ADDRESS, link
from tests.pages import form_fields, load_form, text

ONE_CLICK = "List-Unsubscribe=One-Click"


def draft(rec, member, note: str):
    """A member's draft update (waits for a chair)."""
    update = propose_update(
        rec,
        member,
        {"progress": rec.progress + 10},
        public_note=note,
        internal_note="INTERNAL-ONLY budget talk",
        based_on_version=rec.version,
    )
    db.session.commit()
    return update


def approve_on_staff_page(client, update) -> None:
    """The chair presses Approve on the approval queue."""
    response = client.post(
        f"/staff/updates/{update.id}/approve", data=form_fields(text(client.get("/staff/updates")))
    )
    assert response.status_code == 302, text(response)


def test_follow_confirm_receive_and_one_click_unsubscribe(app, mailbox, caplog):
    caplog.set_level(logging.DEBUG)
    app.config["WTF_CSRF_ENABLED"] = True
    rec = make_rec()
    member = make_user(["member"], email="member@example.org")
    chair = make_user(["chair"], email="chair@example.org")
    reader = app.test_client()
    urls = []

    # Subscribe: the button on the recommendation's page leads to the form with its notice.
    page = text(reader.get("/recommendations/R-01"))
    assert 'action="/follow"' in page
    assert 'value="R-01"' in page
    form = load_form(reader, "/follow?recommendation=R-01")
    assert form["scope"] == ["recommendation:R-01"]
    response = reader.post("/follow", data=form | {"email": [ADDRESS], "frequency": ["instant"]})
    assert response.status_code == 302
    urls.append(response.location)
    assert "Check your email" in text(reader.get(response.location))

    # Confirm: the GET only shows the button; the POST (with its CSRF token) confirms.
    body = mailbox.body(ADDRESS)
    confirm_path = link(body, "confirm")
    urls.append(confirm_path)
    page = reader.get(confirm_path)
    assert page.status_code == 200
    assert "Confirm" in text(page)
    assert db.session.scalar(sa.select(Follower.confirmed_at)) is None
    response = reader.post(confirm_path, data=form_fields(text(page)))
    assert response.status_code == 200
    assert "You are following" in text(response)

    # A chair approves an update on the staff page (the login helper posts without a CSRF
    # token, as staff tests do): the follower receives it.
    app.config["WTF_CSRF_ENABLED"] = False
    staff = app.test_client()
    update = draft(rec, member, "Training started in two schools.")
    login(staff, chair)
    approve_on_staff_page(staff, update)
    app.config["WTF_CSRF_ENABLED"] = True
    received = mailbox.to(ADDRESS)
    assert len(received) == 2
    message = received[-1]
    content = message.get_content()
    assert "Training started in two schools." in content
    assert "INTERNAL-ONLY" not in content
    unsubscribe_url = re.fullmatch(r"<(.+)>", message["List-Unsubscribe"]).group(1)
    assert message["List-Unsubscribe-Post"] == ONE_CLICK
    assert link(content, "unsubscribe") in unsubscribe_url
    assert link(content, "manage")
    urls += [unsubscribe_url, link(content, "manage")]

    # One click: a raw POST from the mail provider, no cookie, no CSRF token.
    provider = app.test_client(use_cookies=False)
    response = provider.post(
        unsubscribe_url,
        data=ONE_CLICK,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Follower)) == 0

    # The next publish sends nothing to the former follower.
    update = draft(rec, member, "Training finished.")
    app.config["WTF_CSRF_ENABLED"] = False
    approve_on_staff_page(staff, update)
    assert len(mailbox.to(ADDRESS)) == 2

    # The app's log lines (not the loopback SMTP server's own debug log of what it received).
    app_lines = [r.getMessage() for r in caplog.records if not r.name.startswith("mail.log")]
    assert app_lines
    assert not any(ADDRESS in line for line in app_lines)
    assert all(ADDRESS not in url and "parent.follower" not in url for url in urls)
