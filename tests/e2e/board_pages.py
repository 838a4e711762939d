"""The advisory board as applicants see it: the application form, filled in by label."""

import re
from dataclasses import dataclass, field

from playwright.sync_api import Page, expect

STATUS_LINK = re.compile(r"https?://[^\s]+/advisory-board/status/[A-Za-z0-9_-]{43}")
CONSENT_LINK = re.compile(r"https?://[^\s]+/advisory-board/consent/[A-Za-z0-9_-]{43}")
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


def fill_application(page: Page, who: Applicant) -> None:
    """Answer the application form as this applicant would, by the labels they read."""
    group(page, "Which seat are you applying for?").get_by_label(who.seat, exact=True).check()
    page.get_by_label("Your full name").fill(who.name)
    page.get_by_label("Your email address").fill(who.email)
    group(page, "School board").get_by_label(who.school_board, exact=True).check()
    page.get_by_label("School", exact=True).fill(who.school)
    for legend, choice in who.radios.items():
        group(page, legend).get_by_label(choice, exact=True).check()
    for label, choice in who.selects.items():
        page.get_by_label(label, exact=True).select_option(label=choice)
    for label, text in who.texts.items():
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_label("Why do you want to join the advisory board?").fill(who.motivation)
    page.get_by_label("What perspectives and lived experience would you bring?").fill(
        who.perspectives
    )
    page.get_by_label("When are you available for meetings?").fill(who.availability)
    if who.on_roster:
        page.get_by_label(re.compile("^If I am selected, my name may appear")).check()
    page.get_by_label(re.compile("^I have read the collection notice")).check()


def apply(page: Page, who: Applicant) -> str:
    """From the home page to a sent application; returns the reference shown."""
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Join the advisory board"
    ).click()
    page.get_by_role("link", name="Apply now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Apply to join the advisory board")
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
