"""What the journeys and the crawler do on a page: log in, run axe, read the focused element."""

import re

from playwright.sync_api import Page, expect

from sro_board.sample.loader import DEMO_PASSWORD
from tests.e2e.environment import require_axe

# WCAG 2.1 A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')),
  }));
}"""

FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 80),
    focusVisible: el.matches(':focus-visible'),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
    onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
      && rect.top < innerHeight && rect.left < innerWidth,
  };
}"""


def log_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the staff login form, as a person would."""
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name=re.compile(r"^Log out"))).to_be_visible()


def log_out(page: Page) -> None:
    """Press the log-out button in the staff bar."""
    page.get_by_role("button", name=re.compile(r"^Log out")).click()
    expect(page.get_by_role("link", name="Staff login")).to_be_visible()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA and best-practice violations on the current page.

    The script is injected by the test (page.add_script_tag); the app never serves it.
    """
    page.add_script_tag(path=str(require_axe()))
    return page.evaluate(AXE_RUN, AXE_TAGS)


def describe_violations(violations: list[dict]) -> str:
    """One line per violation and element."""
    return "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']} at {target}"
        for v in violations
        for target in v["targets"]
    )


def focus_state(page: Page) -> dict | None:
    """The focused element and whether its focus indicator is drawn."""
    return page.evaluate(FOCUS_STATE)


def assert_focus_visible(page: Page, step: str) -> dict:
    """The focused element shows a focus indicator (outline or ring) and is on screen."""
    state = focus_state(page)
    assert state is not None, f"{step}: nothing has the focus"
    drawn = (state["outlineStyle"] != "none" and state["outlineWidth"] >= 2) or (
        state["boxShadow"] not in ("", "none")
    )
    # The computed style is the focused state's: an outline or ring means one is drawn.
    assert drawn, f"{step}: focus is not visible on {state}"
    assert state["onScreen"], f"{step}: the focused element is off screen: {state}"
    return state


def is_focused(locator) -> bool:
    """True when the locator's element has the focus."""
    return locator.evaluate("el => el === document.activeElement")


def tab_to(page: Page, target, step: str, max_presses: int = 150, key: str = "Tab") -> int:
    """Press Tab until target has the focus, checking the focus is visible at every stop."""
    for presses in range(1, max_presses + 1):
        page.keyboard.press(key)
        assert_focus_visible(page, f"{step} ({key} {presses})")
        if is_focused(target):
            return presses
    raise AssertionError(f"{step}: {max_presses} presses of {key} never reached {target}")


def press_and_wait(page: Page, key: str = "Enter") -> None:
    """Press a key that submits or follows a link, and wait for the new page."""
    with page.expect_navigation():
        page.keyboard.press(key)
