"""Screenshots of the main pages at desktop (1280) and phone (390) widths, for people to look at
and for the README; each page must fit its width without sideways scrolling (WCAG 1.4.10).

Written to screenshots/ (git-ignored). With E2E_UPDATE_DOCS_SCREENSHOTS=1 the desktop ones are
also copied to docs/screenshots/ (committed, shown in the README); off by default so a test run
does not change committed files.
"""

import os
import re
import shutil

import pytest

from tests.e2e.environment import DOCS_SCREENSHOTS, SCREENSHOTS, skip_module_without_playwright

skip_module_without_playwright()

from playwright.sync_api import Browser, expect  # noqa: E402

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGES = {
    "home": ("/", None, re.compile("progress at a glance")),
    "recommendation": ("/recommendations/R-01", None, re.compile("R-01")),
    "application-form": ("/advisory-board/apply", None, re.compile("Apply")),
    "working-group-dashboard": ("/staff/", "chair", re.compile("Working-group dashboard")),
}
OVERFLOW = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .filter(el => !el.closest('.visually-hidden, .skip-link, .hp'))
  .slice(0, 5)
  .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' +
       (el.textContent || '').trim().slice(0, 40))"""


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots(browser: Browser, browser_context_args, as_staff, watch, width):
    SCREENSHOTS.mkdir(exist_ok=True)
    context = browser.new_context(**browser_context_args | {"viewport": WIDTHS[width]})
    watch.attach(context)
    public = context.new_page()
    problems = []
    for name, (path, role, heading) in PAGES.items():
        page = as_staff(role, viewport=WIDTHS[width]) if role else public
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > WIDTHS[width]["width"]:
            problems.append(
                f"{name} at {width}: page is {scroll_width}px wide; too wide: "
                f"{page.evaluate(OVERFLOW)}"
            )
        target = SCREENSHOTS / f"{name}-{width}.png"
        page.screenshot(path=target, full_page=True)
        if width == "desktop" and os.environ.get("E2E_UPDATE_DOCS_SCREENSHOTS") == "1":
            DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, DOCS_SCREENSHOTS / target.name)
    watch.assert_clean()
    context.close()
    assert not problems, "\n".join(problems)
