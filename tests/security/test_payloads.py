"""Classic payloads are stored as text and shown escaped, never raw (every form: the route sweep).

ASVS 5.0: 1.2.1 (context-aware output encoding), 3.2.2 (text shown as text), 1.2.4 (SQL is
parameterised), 2.2.1 (over-long and odd input refused or stored safely), 1.3.11 (no header or
mail-header injection through a form value).
"""

import sqlalchemy as sa

from sro_board.board.models import Application
from sro_board.contact.models import ContactMessage
from sro_board.core.extensions import db
from tests.board.applying import PARENT, apply, open_intake
from tests.factories import login, make_rec, make_user
from tests.pages import load_form
from tests.security.payloads import (
    ATTRIBUTE_BREAK,
    EMOJI,
    HEADER_INJECTION,
    RTL,
    SQL,
    XSS,
    assert_escaped,
    assert_no_injected_header,
)


def escaped(payload: str) -> str:
    """The payload as Jinja writes it into HTML."""
    from markupsafe import escape

    return str(escape(payload))


def test_an_applicants_words_are_stored_as_typed_and_shown_escaped(app, client):
    intake = open_intake()
    answers = {"name": ATTRIBUTE_BREAK, "motivation": XSS, "perspectives": SQL + " " + RTL}
    assert apply(client, intake, PARENT, **answers).status_code == 201
    application = db.session.scalar(sa.select(Application))
    assert application.name == ATTRIBUTE_BREAK  # stored as typed, not mangled
    login(client, make_user(["admin"]))
    body = client.get(f"/staff/board/applications/{application.id}").get_data(as_text=True)
    for value in answers.values():
        assert escaped(value) in body
    assert_escaped(body, "application detail")


def test_a_contact_message_is_shown_escaped_in_the_inbox(app, client):
    message = f"{XSS} {EMOJI} {RTL}"
    client.post("/contact", data={"topic": "question", "message": message})
    login(client, make_user(["chair"]))
    stored = db.session.scalar(sa.select(ContactMessage))
    for page in ("/staff/inbox", f"/staff/inbox/{stored.id}"):
        body = client.get(page).get_data(as_text=True)
        assert_escaped(body, page)
    assert escaped(message) in client.get(f"/staff/inbox/{stored.id}").get_data(as_text=True)


def test_a_public_note_is_shown_escaped_on_the_public_page_and_in_the_audit_log(app, client):
    rec = make_rec("R-01")
    login(client, make_user(["chair"]))
    form = load_form(client, f"/staff/recommendations/{rec.code}/edit")
    form |= {"progress": ["20"], "public_note": [ATTRIBUTE_BREAK], "title": [XSS]}
    assert client.post(f"/staff/recommendations/{rec.code}/edit", data=form).status_code == 302
    public = client.get(f"/recommendations/{rec.code}").get_data(as_text=True)
    assert escaped(ATTRIBUTE_BREAK) in public
    assert escaped(XSS) in public
    for page in (f"/recommendations/{rec.code}", "/recommendations", "/staff/audit"):
        assert_escaped(client.get(page).get_data(as_text=True), page)


def test_header_injection_in_a_status_link_request_adds_no_header(app, client):
    response = client.post(
        "/advisory-board/new-status-link", data={"email": "a@example.net" + HEADER_INJECTION}
    )
    assert_no_injected_header(response, "new status link")
    assert "x=1" not in response.headers.get("Set-Cookie", "")
