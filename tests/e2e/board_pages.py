"""The advisory board as applicants see it: the application form, filled in by label."""

import re
from dataclasses import dataclass, field

from playwright.sync_api import Page, expect

STATUS_LINK = re.compile(r"https?://[^\s]+/advisory-board/status/[A-Za-z0-9_-]{43}")
CONSENT_LINK = re.compile(r"https?://[^/\s]+/advisory-board/consent/[A-Za-z0-9_-]{43}")  # English
RECEIVED = "We received your advisory board application"


@dataclass
class Applicant:
    """One person applying, with the answers they give."""

    seat: str
    name: str
    email: str
    school_board: str
    school: str
    motivation: str
    perspectives: str
    availability: str
    # Answers of the seat's own section: (group legend, choice) for radios, label -> value.
    radios: dict[str, str] = field(default_factory=dict)
    selects: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    on_roster: bool = True


def group(page: Page, legend: str):
    """A fieldset (role group) by the start of its legend."""
    return page.get_by_role("group", name=re.compile("^" + re.escape(legend)))


def typed_answers(who: Applicant) -> dict[str, str]:
    """What the applicant types, by the label of each text box."""
    return {
        "Your full name": who.name,
        "Your email address": who.email,
        "School": who.school,
        **who.texts,
        "Why do you want to join the advisory board?": who.motivation,
        "What perspectives and lived experience would you bring?": who.perspectives,
        "When are you available for meetings?": who.availability,
    }


ROSTER = re.compile("^If I am selected, my name may appear")
NOTICE = re.compile("^I have read the collection notice")


def fill_application(page: Page, who: Applicant) -> None:
    """Answer the application form as this applicant would, by the labels they read."""
    group(page, "Which seat are you applying for?").get_by_label(who.seat, exact=True).check()
    group(page, "School board").get_by_label(who.school_board, exact=True).check()
    for legend, choice in who.radios.items():
        group(page, legend).get_by_label(choice, exact=True).check()
    for label, choice in who.selects.items():
        page.get_by_label(label, exact=True).select_option(label=choice)
    for label, text in typed_answers(who).items():
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_label(ROSTER).set_checked(who.on_roster)
    page.get_by_label(NOTICE).check()


def expect_as_typed(page: Page, who: Applicant, emptied: str | None = None) -> None:
    """The form holds every answer fill_application gave (but the box labelled emptied, which
    the applicant emptied): it came back as the applicant left it."""
    seat = group(page, "Which seat are you applying for?").get_by_label(who.seat, exact=True)
    expect(seat).to_be_checked()
    expect(group(page, "School board").get_by_label(who.school_board, exact=True)).to_be_checked()
    for legend, choice in who.radios.items():
        expect(group(page, legend).get_by_label(choice, exact=True)).to_be_checked()
    for label, choice in who.selects.items():
        chosen = page.get_by_label(label, exact=True).locator("option:checked")
        expect(chosen).to_have_text(choice)
    for label, text in typed_answers(who).items():
        expect(page.get_by_label(label, exact=True)).to_have_value("" if label == emptied else text)
    expect(page.get_by_label(ROSTER)).to_be_checked(checked=who.on_roster)
    expect(page.get_by_label(NOTICE)).to_be_checked()


def open_application_form(page: Page) -> None:
    """From the home page to the application form, by the links a person follows."""
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Join the advisory board"
    ).click()
    page.get_by_role("link", name="Apply now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Apply to join the advisory board")


def apply(page: Page, who: Applicant) -> str:
    """From the home page to a sent application; returns the reference shown."""
    open_application_form(page)
    fill_application(page, who)
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your application")
    reference = re.search(r"BRD-[A-Z0-9]{4}-[A-Z0-9]{4}", page.locator("main").inner_text())
    assert reference, "no reference on the confirmation page"
    return reference.group()


def link_in(message, pattern: re.Pattern) -> str:
    """The one link of that kind in an email's text."""
    links = pattern.findall(message.get_content())
    assert len(links) == 1, f"expected one link in {message['Subject']!r}, found {links}"
    return links[0]
