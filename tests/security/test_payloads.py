"""Classic payloads sent to every form are stored as text and shown escaped, never raw.

ASVS 5.0: 1.2.1 (context-aware output encoding), 3.2.2 (text shown as text), 1.2.4 (SQL is
parameterised), 2.2.1 (over-long and odd input refused or stored safely), 1.3.11 (no header or
mail-header injection through a form value).
"""

import pytest
import sqlalchemy as sa

from sro_board.board.models import Application, Intake
from sro_board.contact.models import ContactMessage
from sro_board.core.extensions import db
from sro_board.recommendations.models import Recommendation
from tests.board.applying import PARENT, apply, open_intake
from tests.factories import login, make_rec, make_user
from tests.pages import load_form
from tests.security.forms import FREE_TEXT, fields_posted_to
from tests.security.payloads import (
    ATTRIBUTE_BREAK,
    EMOJI,
    HEADER_INJECTION,
    MARKUP,
    PAYLOADS,
    RTL,
    SQL,
    XSS,
)
from tests.security.routes import RULES, allowed_role, prepare
from tests.security.shared_app import emptied_app, module_app  # noqa: F401 - fixtures

POSTS = sorted(key for key, access in RULES.items() if access.method == "POST")
STATIC_PAGES = [
    "/",
    "/recommendations",
    "/status-definitions",
    "/advisory-board",
    "/advisory-board/members",
    "/staff/",
    "/staff/recommendations",
    "/staff/updates",
    "/staff/inbox",
    "/staff/audit",
    "/staff/board/",
    "/staff/email",
    "/staff/board/members",
    "/staff/users",
]


def display_pages() -> list[str]:
    """Every page that shows stored text, for the records now in the database."""
    pages = list(STATIC_PAGES)
    for code in db.session.scalars(sa.select(Recommendation.code)):
        pages += [f"/recommendations/{code}", f"/staff/recommendations/{code}"]
    for (message_id,) in db.session.execute(sa.select(ContactMessage.id)):
        pages.append(f"/staff/inbox/{message_id}")
    for (intake_id,) in db.session.execute(sa.select(Intake.id)):
        base = f"/staff/board/intakes/{intake_id}"
        pages += [base, base + "/applications", base + "/selection", base + "/criteria"]
    for (application_id,) in db.session.execute(sa.select(Application.id)):
        pages.append(f"/staff/board/applications/{application_id}")
    return pages


def assert_escaped(body: str, where: str) -> None:
    """No markup payload appears raw."""
    for payload in MARKUP:
        assert payload not in body, f"{payload!r} raw in {where}"


def assert_no_injected_header(response, where: str) -> None:
    """A form value never becomes a header of its own."""
    for name, value in response.headers.items():
        assert "x=1" not in value or name == "Location", f"{name}: {value} in {where}"
        assert not {"\r", "\n"} & set(value), f"{name} in {where}"


@pytest.mark.parametrize("key", POSTS)
def test_every_form_takes_every_payload_and_shows_it_escaped(app, client, key):
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
