"""Journey 5: forms completed with the keyboard alone (contact, edit, application), with a
visible focus at every stop, errors announced in a role=alert summary that takes the focus, each
error linked to its field."""

import re

import pytest
import sqlalchemy as sa

from tests.e2e.environment import skip_module_without_playwright

skip_module_without_playwright()

from playwright.sync_api import Page, expect  # noqa: E402

from tests.e2e.board_pages import RECEIVED, group  # noqa: E402
from tests.e2e.pages import (  # noqa: E402
    assert_focus_visible,
    log_in,
    press_and_wait,
    tab_to,
)


def _skip_to_main(page: Page) -> None:
    """The first Tab reaches the skip link; Enter moves the focus to the main content."""
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    assert_focus_visible(page, "skip link")
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()


def _error_summary_leads_to(page: Page, errors: dict[str, str]) -> None:
    """The summary is an alert with the focus, and each link in it moves the focus to its field."""
    summary = page.get_by_role("alert")
    expect(summary).to_have_accessible_name("Please fix the following")
    expect(summary).to_be_focused()
    assert_focus_visible(page, "error summary")
    for label, message in errors.items():
        link = summary.get_by_role("link", name=f"{label}: {message}")
        tab_to(page, link, f"error link for {label}", max_presses=len(errors) + 1)
        field = page.get_by_label(label, exact=True)
        page.keyboard.press("Enter")
        expect(field).to_be_focused()
        assert_focus_visible(page, f"{label} after following its error link")
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(re.compile(re.escape(f"Error: {message}")))
        # Back to the summary for the next link, as a keyboard user would.
        tab_to(page, summary.get_by_role("link").first, "back to the summary", key="Shift+Tab")
        page.keyboard.press("Shift+Tab")


def test_contact_form_by_keyboard(page: Page):
    page.goto("/contact")
    _skip_to_main(page)
    topic = page.get_by_label("What is it about?")
    tab_to(page, topic, "topic")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(topic).to_have_value("concern")
    message = page.get_by_label("Your message")
    tab_to(page, message, "message", max_presses=1)
    page.keyboard.type("Hi")  # too short: at least 5 characters
    email = page.get_by_label("Your email (optional)")
    tab_to(page, email, "email", max_presses=2)
    page.keyboard.type("not-an-email")
    send = page.get_by_role("button", name="Send message")
    tab_to(page, send, "send button", max_presses=1)
    press_and_wait(page)

    _error_summary_leads_to(
        page,
        {
            "Your message": "Field must be between 5 and 5000 characters long.",
            "Your email (optional)": "Enter an email address like name@example.com.",
        },
    )
    # What was typed is kept; fix it with the keyboard and send.
    expect(topic).to_have_value("concern")
    tab_to(page, message, "message again")
    page.keyboard.press("End")
    page.keyboard.type(", when is the next public progress report?")
    tab_to(page, email, "email again", max_presses=2)
    page.keyboard.press("Control+A")
    page.keyboard.type("parent@example.org")
    tab_to(page, send, "send button again", max_presses=1)
    press_and_wait(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your message was sent")


def _a_recommendation_without_drafts(live_server) -> tuple[str, str]:
    from sro_board.core.extensions import db
    from sro_board.recommendations.enums import UpdateState
    from sro_board.recommendations.models import Recommendation, Update

    with live_server.app.app_context():
        pending = sa.select(Update.recommendation_id).where(Update.state == UpdateState.PENDING)
        rec = db.session.scalars(
            sa.select(Recommendation)
            .where(Recommendation.id.not_in(pending))
            .order_by(Recommendation.code)
        ).first()
        found = (rec.code, rec.title)
        db.session.remove()
    return found


def test_edit_form_by_keyboard(page: Page, live_server):
    code, title = _a_recommendation_without_drafts(live_server)
    log_in(page, live_server.users["member"])
    page.goto(f"/staff/recommendations/{code}/edit")
    _skip_to_main(page)

    title_field = page.get_by_label("Title (English)", exact=True)
    tab_to(page, title_field, "title")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    progress = page.get_by_label("Progress (%)")
    tab_to(page, progress, "progress")
    page.keyboard.press("Control+A")
    page.keyboard.type("150")
    note = page.get_by_label("Public note (English)")
    tab_to(page, note, "public note")
    page.keyboard.type("Progress checked with the keyboard-only journey.")
    save = page.get_by_role("button", name="Save draft for approval")
    tab_to(page, save, "save button")
    press_and_wait(page)

    _error_summary_leads_to(
        page,
        {
            "Title (English)": "This field is required.",
            "Progress (%)": "Number must be between 0 and 100.",
        },
    )
    tab_to(page, title_field, "title again")
    page.keyboard.type(title)
    tab_to(page, progress, "progress again")
    page.keyboard.press("Control+A")
    page.keyboard.type("40")
    expect(note).to_have_value("Progress checked with the keyboard-only journey.")
    tab_to(page, save, "save button again")
    press_and_wait(page)
    expect(page.get_by_role("status")).to_contain_text("saved as a draft")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{code} {title}")
    expect(page.get_by_role("alert")).to_have_count(0)


def test_application_form_by_keyboard(page: Page, smtp_server):
    """A parent completes the whole application by keyboard: radios by Space and arrows.

    From the top of the page through the menus (see the skip-link test below for why).
    """
    page.goto("/advisory-board/apply")

    def choose(legend: str, choice: str, arrows: int = 0) -> None:
        # Tab reaches a radio group once (its first radio when none is chosen); arrows move on.
        tab_to(page, group(page, legend).get_by_role("radio").first, legend)
        page.keyboard.press("Space")
        for _ in range(arrows):
            page.keyboard.press("ArrowDown")
        expect(group(page, legend).get_by_label(choice, exact=True)).to_be_checked()

    def type_into(label: str, text: str) -> None:
        tab_to(page, page.get_by_label(label, exact=True), label)
        page.keyboard.type(text)

    choose("Which seat are you applying for?", "Parent or guardian")
    type_into("Your full name", "Amara Bashir")
    type_into("Your email address", "amara.bashir@example")  # no dot in the domain
    choose("School board", "Calgary Catholic School District", arrows=1)
    # The school is left empty, the child's grade unanswered, the notice not agreed to.
    type_into("Why do you want to join the advisory board?", "To help families be heard.")
    type_into("What perspectives and lived experience would you bring?", "Parent of two; Somali.")
    type_into("When are you available for meetings?", "Tuesday evenings")
    send = page.get_by_role("button", name="Send my application")
    tab_to(page, send, "send")
    press_and_wait(page)

    summary = page.get_by_role("alert")
    expect(summary).to_have_accessible_name("Please fix the following")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(
        [
            "Your email address: Enter an email address like name@example.com.",
            "School: Enter the name of the school.",
            "Your child's grade: Choose your child's grade.",
            re.compile(r"^I have read the collection notice .*: Agree to the collection notice"),
        ]
    )
    # Each link points at its question, which carries the error in its description.
    for link in summary.get_by_role("link").all():
        target = page.locator(link.get_attribute("href"))
        expect(target).to_have_count(1)
        expect(target).to_have_accessible_description(re.compile("Error: "))
    # Follow the first; fix the answers, by keyboard.
    tab_to(page, summary.get_by_role("link").nth(0), "first error link", max_presses=1)
    page.keyboard.press("Enter")
    email = page.get_by_label("Your email address")
    expect(email).to_be_focused()
    expect(email).to_have_accessible_description(re.compile("Error: Enter an email address"))
    page.keyboard.press("Control+A")
    page.keyboard.type("amara.bashir@example.net")
    type_into("School", "Bishop McNally High School")
    # Tab reaches the unanswered radio group at its first choice.
    choose("Your child's grade", "Grades 10 to 12", arrows=2)
    notice = page.get_by_label(re.compile("^I have read the collection notice"))
    tab_to(page, notice, "collection notice")
    page.keyboard.press("Space")
    expect(notice).to_be_checked()
    tab_to(page, send, "send again")
    press_and_wait(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your application")
    smtp_server.wait_for("amara.bashir@example.net", RECEIVED)


@pytest.mark.parametrize(
    "form",
    [
        "contact",
        "application",
    ],
)
def test_error_summary_takes_the_focus_after_the_skip_link(page: Page, form):
    """A keyboard user who skipped the menus and sent the form empty lands on the errors."""
    page.goto({"contact": "/contact", "application": "/advisory-board/apply"}[form])
    _skip_to_main(page)
    button = page.get_by_role("button", name=re.compile("^Send"))
    tab_to(page, button, "send button", max_presses=200)
    press_and_wait(page)
    expect(page.get_by_role("alert")).to_be_focused()
