"""The public contact form and the staff inbox (open -> answered -> closed -> open)."""

import pytest
import sqlalchemy as sa

from sro_board.contact.models import ContactMessage, MessageState
from sro_board.contact.services import submit_message
from sro_board.core.extensions import db
from tests.factories import audit_actions, count_rows, fresh_app, login, make_user
from tests.pages import text
from tests.shared_app import emptied_app, shared_app  # noqa: F401 - fixtures


def contact_form(**changes) -> dict:
    """A valid contact form."""
    return {
        "topic": "question",
        "message": "When will the next progress report be published?",
        "name": "Pat",
        "email": "pat@example.org",
    } | changes


def only_message() -> ContactMessage:
    """The one stored message."""
    db.session.expire_all()
    return db.session.scalars(sa.select(ContactMessage)).one()


def test_message_is_stored_and_the_sender_thanked(client):
    response = client.post("/contact", data=contact_form())
    assert response.location == "/contact/thanks"
    assert "Thank you, your message was sent" in text(client.get(response.location))
    msg = only_message()
    assert (msg.topic.value, msg.name, msg.email, msg.state) == (
        "question",
        "Pat",
        "pat@example.org",
        MessageState.OPEN,
    )


def test_name_and_email_are_optional(client):
    response = client.post("/contact", data=contact_form(name="", email=""))
    assert response.status_code == 302
    assert (only_message().name, only_message().email) == ("", "")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"message": ""}, "Your message: This field is required."),
        ({"message": "   "}, "Your message: This field is required."),
        ({"message": "Hi"}, "Field must be between 5 and 5000 characters long."),
        ({"message": "x" * 5001}, "Field must be between 5 and 5000 characters long."),
        ({"email": "not-an-email"}, "Enter an email address like name@example.com."),
        ({"topic": "complaint"}, "Not a valid choice."),
    ],
    ids=["empty", "blank", "too short", "too long", "bad email", "unknown topic"],
)
def test_bad_message_is_refused_with_a_message_and_nothing_stored(client, changes, message):
    response = client.post("/contact", data=contact_form(**changes))
    assert response.status_code == 200
    assert message in text(response)
    assert count_rows(ContactMessage) == 0


def test_honeypot_filled_in_stores_nothing_but_thanks_the_sender(client):
    response = client.post("/contact", data=contact_form(website="http://spam.example"))
    assert response.location == "/contact/thanks"
    assert count_rows(ContactMessage) == 0


def test_the_form_says_it_is_not_for_emergencies(client):
    assert "This form is not for emergencies." in text(client.get("/contact"))


def test_contact_form_is_rate_limited_with_a_clear_page():
    with fresh_app(CONTACT_RATE_LIMIT="2 per minute") as app:
        client = app.test_client()
        for _ in range(2):
            assert client.post("/contact", data=contact_form()).status_code == 302
        response = client.post("/contact", data=contact_form())
        assert response.status_code == 429
        assert "Too many attempts. Please wait a minute and try again." in text(response)
        assert count_rows(ContactMessage) == 2
        assert client.get("/contact").status_code == 200  # reading the form is not limited


# the inbox


@pytest.fixture
def message(app):
    """One open message."""
    msg = submit_message("concern", "Please explain how feedback is used.", "Sam", "sam@ex.org")
    db.session.commit()
    return msg


def mark(client, msg_id: int, state: str):
    """Submit the state form of a message."""
    return client.post(f"/staff/inbox/{msg_id}", data={"state": state})


def test_inbox_lists_open_messages_and_shows_the_sender(client, users, message):
    login(client, users["chair"])
    assert "Please explain how feedback is used." in text(client.get("/staff/inbox"))
    page = text(client.get(f"/staff/inbox/{message.id}"))
    assert "Sam" in page
    assert "sam@ex.org" in page


def test_message_goes_open_answered_closed_open(client, users, message):
    login(client, users["chair"])
    for state in ("answered", "closed", "open"):
        response = mark(client, message.id, state)
        assert response.location == "/staff/inbox"
        assert only_message().state.value == state
    assert audit_actions()[-3:] == ["contact.state_changed"] * 3


@pytest.mark.parametrize(
    ("path", "state", "refused"),
    [
        (["closed"], "answered", "A message that is closed cannot be marked answered."),
        ([], "open", "A message that is open cannot be marked open."),
        ([], "spam", "Not a valid choice."),
    ],
)
def test_disallowed_state_change_is_refused_with_a_message(
    client, users, message, path, state, refused
):
    login(client, users["admin"])
    for step in path:
        mark(client, message.id, step)
    before = only_message().state, len(audit_actions())
    response = mark(client, message.id, state)
    assert response.status_code == 200
    assert refused in text(response)
    assert (only_message().state, len(audit_actions())) == before


def test_inbox_filters_by_state(client, users, message):
    other = submit_message("comment", "Thanks for publishing this.", "", "")
    db.session.commit()
    login(client, users["chair"])
    mark(client, other.id, "closed")
    open_page = text(client.get("/staff/inbox"))
    closed_page = text(client.get("/staff/inbox?state=closed"))
    assert "Please explain" in open_page
    assert "Thanks for publishing" not in open_page
    assert "Thanks for publishing" in closed_page
    assert "Please explain" not in closed_page


def test_unknown_inbox_state_shows_open_messages_with_a_message(client, users, message):
    login(client, users["chair"])
    response = client.get("/staff/inbox?state=deleted")
    assert response.status_code == 200
    assert "Unknown state; showing open messages." in text(response)
    assert "Please explain" in text(response)


def test_unknown_message_is_404(client):
    login(client, make_user(["chair"]))
    assert client.get("/staff/inbox/999").status_code == 404
