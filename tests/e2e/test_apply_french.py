"""Applying in French, as a francophone teacher does: from an English page through the
"Français" link (by keyboard), to the French form at /fr/advisory-board/apply, sent; the
confirmation page, the email and its status link are all in French.

The words the person reads are taken from the French catalog (the app's own translations of
the English texts), so this journey follows the catalog as it grows; form fields are found by
the label's French text where core owns it, else by their name.
"""

import re
from pathlib import Path

from babel.support import Translations

from tests.e2e.environment import skip_module_without_playwright

skip_module_without_playwright()

from playwright.sync_api import Page, expect  # noqa: E402

from tests.e2e.board_pages import RECEIVED, STATUS_LINK, link_in  # noqa: E402
from tests.e2e.pages import press_and_wait, tab_to  # noqa: E402

CATALOG = Translations.load(
    str(Path(__file__).resolve().parents[2] / "sro_board" / "translations"), ["fr"]
)
TEACHER_EMAIL = "nadia.gagnon@example.net"


def fr(english: str) -> str:
    """The French the app shows for this English text."""
    return CATALOG.gettext(english)


def translated(english: str) -> str:
    """fr(english), which must differ from it: the text is in the catalog, translated."""
    french = fr(english)
    assert french != english, f"not translated in the French catalog: {english!r}"
    return french


def expect_french(page: Page) -> None:
    """The page is a French page: its address and its <html lang>."""
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert "/fr/" in page.url, page.url


def fill_as_teacher(page: Page) -> None:
    """The teacher's answers: a FrancoSud school, the seat for school staff."""
    page.check('input[name="category"][value="staff"]')
    page.check('input[name="staff_role"][value="teacher"]')
    page.check('input[name="school_board"][value="francosud"]')
    page.fill('input[name="name"]', "Nadia Gagnon")
    page.fill('input[name="email"]', TEACHER_EMAIL)
    page.fill('input[name="school"]', "École Sainte-Marguerite-Bourgeoys")
    page.fill('textarea[name="motivation"]', "Je veux que les élèves francophones soient entendus.")
    page.fill('textarea[name="perspectives"]', "Enseignante en 9e année depuis douze ans.")
    page.fill('textarea[name="availability"]', "Le mercredi soir")
    page.check('input[name="consent_notice"]')


def test_a_teacher_applies_in_french(page: Page, smtp_server):
    page.goto("/about")
    # The switch is written in French and marked so; reached and followed by keyboard (a plain
    # link, no JavaScript needed), it keeps the page: the French about page, then home.
    switch = page.get_by_role("link", name="Français", exact=True)
    expect(switch).to_have_attribute("lang", "fr")
    tab_to(page, switch, "language switch")
    press_and_wait(page)
    expect_french(page)
    assert page.url.endswith("/fr/about"), page.url
    page.get_by_role("link", name=translated("Home"), exact=True).first.click()
    expect_french(page)
    nav = page.get_by_role("navigation", name=translated("Main"))
    nav.get_by_role("link", name=translated("Join the advisory board")).click()
    expect_french(page)
    page.get_by_role("link", name=translated("Apply now")).click()
    expect_french(page)
    assert re.search(r"/fr/advisory-board/apply$", page.url), page.url
    heading = translated("Apply to join the advisory board")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)

    # Sent empty first: the form comes back, still French, saying what is missing in French.
    page.get_by_role("button", name=translated("Send my application")).click()
    expect_french(page)
    expect(page.get_by_label(translated("Your full name"), exact=True)).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(page.locator("main")).to_contain_text(translated("Enter your name."))

    fill_as_teacher(page)
    page.get_by_role("button", name=translated("Send my application")).click()
    expect_french(page)
    thanks = translated("Thank you, we have your application")
    expect(page.get_by_role("heading", level=1)).to_have_text(thanks)
    reference = re.search(r"BRD-[A-Z0-9]{4}-[A-Z0-9]{4}", page.locator("main").inner_text())
    assert reference, "no reference on the confirmation page"

    # The email is in French, and its private link opens the French status page.
    email = smtp_server.wait_for(TEACHER_EMAIL)
    assert reference.group() in email["Subject"]
    assert RECEIVED not in email["Subject"], email["Subject"]
    status_url = link_in(email, STATUS_LINK)
    assert "/fr/advisory-board/status/" in status_url, status_url
    page.goto(status_url)
    expect_french(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        translated("Your application to the advisory board")
    )
