"""The limit on applications per client address: only accepted applications count."""

import html
import re

import pytest

from sro_board.board.applications.limit import wait_words
from sro_board.board.models import Application
from sro_board.core.extensions import limiter
from sro_board.mail.models import OutboxEmail
from tests.board.applying import PARENT, STUDENT_15, TEACHER, open_intake
from tests.factories import count_rows
from tests.pages import form_fields, text

SCHOOL = {"REMOTE_ADDR": "198.51.100.7"}


def send(client, intake, answers, **changes):
    """Post the form from the school's one address."""
    data = {"intake": str(intake.id)} | answers | changes
    return client.post(
        "/advisory-board/apply",
        data={k: v for k, v in data.items() if v is not None},
        environ_overrides=SCHOOL,
    )


def test_a_classroom_of_30_on_one_address_can_all_apply_with_the_default_limit(client):
    intake = open_intake()
    for n in range(30):
        student = STUDENT_15 | {
            "email": f"student{n}@example.net",
            "guardian_email": f"guardian{n}@example.net",
        }
        assert send(client, intake, student, name="").status_code == 200  # a typo first
        assert send(client, intake, student).status_code == 201, f"student {n} was refused"
    assert count_rows(Application) == 30


def test_forms_with_mistakes_never_count_toward_the_limit(app, client):
    app.config["APPLY_RATE_LIMIT"] = "2 per hour"
    intake = open_intake()
    for _ in range(6):
        assert send(client, intake, PARENT, email="priya@").status_code == 200
    assert send(client, intake, PARENT).status_code == 201
    # A refused duplicate is not an accepted application either.
    assert send(client, intake, TEACHER, email=PARENT["email"]).status_code == 200
    assert send(client, intake, TEACHER).status_code == 201
    assert count_rows(Application) == 2


def test_over_the_limit_the_form_keeps_what_was_typed_and_states_the_real_wait(app, client):
    app.config["APPLY_RATE_LIMIT"] = "2 per hour"
    intake = open_intake()
    send(client, intake, PARENT)
    send(client, intake, TEACHER)
    emails = count_rows(OutboxEmail)

    response = send(client, intake, STUDENT_15)
    assert response.status_code == 429
    wait = int(response.headers["Retry-After"])
    assert 3500 < wait <= 3600
    assert response.headers["Cache-Control"] == "no-store"  # the typed answers are not cached
    page = html.unescape(text(response))
    assert f"Please wait {wait_words(wait)}, then send the form again." in page
    assert wait_words(wait) == "about 60 minutes"
    assert "Please wait a minute" not in page
    fields = form_fields(page)
    for name in ("name", "email", "school", "guardian_name", "guardian_email"):
        assert fields[name] == [STUDENT_15[name]]
    assert fields["age_range"] == ["14_15"]
    assert [v.strip() for v in fields["motivation"]] == [STUDENT_15["motivation"]]
    assert count_rows(Application) == 2
    assert count_rows(OutboxEmail) == emails

    # A form with a mistake still gets its own message, not the wait.
    mistake = send(client, intake, STUDENT_15, name="")
    assert mistake.status_code == 200
    assert "Enter your name." in text(mistake)
    # Another address is not affected.
    other = client.post(
        "/advisory-board/apply",
        data={"intake": str(intake.id)} | STUDENT_15,
        environ_overrides={"REMOTE_ADDR": "192.0.2.9"},
    )
    assert other.status_code == 201


def test_the_limit_is_not_kept_with_personal_data(app, client):
    """The limiter's storage holds counters keyed by address, never what was typed."""
    app.config["APPLY_RATE_LIMIT"] = "1 per hour"
    intake = open_intake()
    send(client, intake, PARENT)
    assert send(client, intake, TEACHER).status_code == 429
    stored = repr(vars(limiter.storage))
    for value in (TEACHER["name"], TEACHER["email"], PARENT["name"], PARENT["email"]):
        assert value not in stored
    assert "198.51.100.7" in stored


def test_the_honeypot_still_pretends_success_at_the_limit(app, client):
    app.config["APPLY_RATE_LIMIT"] = "1 per hour"
    intake = open_intake()
    send(client, intake, PARENT)
    response = send(client, intake, TEACHER, website="http://spam.example")
    assert response.status_code == 201
    assert count_rows(Application) == 1


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1, "about a minute"),
        (60, "about a minute"),
        (61, "about 2 minutes"),
        (12 * 60 - 5, "about 12 minutes"),
        (3600, "about 60 minutes"),
        (89 * 60, "about 89 minutes"),
        (90 * 60, "about 2 hours"),
        (5 * 3600 - 30, "about 5 hours"),
    ],
)
def test_wait_words(seconds, words):
    assert wait_words(seconds) == words


def test_the_page_says_who_the_limit_is_for(app, client):
    app.config["APPLY_RATE_LIMIT"] = "1 per hour"
    intake = open_intake()
    send(client, intake, PARENT)
    page = text(send(client, intake, TEACHER))
    assert re.search(r"<title>Please wait: Apply to the advisory board", page)
    assert "from your network" in page
