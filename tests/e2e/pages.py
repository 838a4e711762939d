"""What the journeys and the crawler do on a page: log in, run axe, read the focused element."""

import re
import time
import weakref

from playwright.sync_api import BrowserContext, Page, expect

from sro_board.sample.loader import DEMO_PASSWORD
from tests.e2e.environment import require_axe

# WCAG 2.1 A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

AXE_RUN = """async (tags) => {
  // resultTypes: only violations are reported, so axe need not gather every passing node.
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
  });
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


def authenticator_code(email: str) -> str:
    """The 6-digit code an authenticator app shows now for a demo account's published secret.

    A code works once and only in its own 30 s step, so near the end of a step this waits for
    the next one rather than race it.
    """
    from sro_board.auth.mfa import current_code
    from sro_board.sample import loader

    secret = getattr(loader, "DEMO_TOTP_SECRETS", {}).get(email)
    assert secret, f"{email} asks for a code but has no published demo secret"
    into_step = time.time() % 30
    if into_step > 26:
        time.sleep(30.5 - into_step)
    return current_code(secret)


def log_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the staff login form as a person would, with the two-step code if asked.

    Logging out ends every session of the account, and an account with two-step login can log
    in once per 30 s: tests share one login per role (conftest.logged_in_state) and never log out.
    """
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    logged_in = page.get_by_role("button", name=re.compile(r"^Log out"))
    code_step = page.get_by_role("heading", level=1, name="Enter your code")
    expect(logged_in.or_(code_step)).to_be_visible()
    if code_step.is_visible():
        page.get_by_label("Code", exact=True).fill(authenticator_code(email))
        page.get_by_role("button", name="Continue").click()
    expect(logged_in).to_be_visible()


# The app's Content-Security-Policy (script-src 'self') refuses the inline script that
# page.add_script_tag(path=...) writes. So the test adds axe as a same-origin script URL that
# Playwright answers itself from tools/browser: the request never reaches the app, and the
# page's CSP stays on (a violation by the app still shows up as a console error).
AXE_URL = "/__browser-tests__/axe.min.js"
_routed: "weakref.WeakSet" = weakref.WeakSet()
# Contexts whose every new document gets axe as an init script (the crawls): sent to the
# browser once, not 500 KB through Playwright for each page. Init scripts run outside the
# page's CSP, which stays on for the page's own scripts.
_preloaded: "weakref.WeakSet" = weakref.WeakSet()


def preload_axe(context: BrowserContext) -> None:
    """Give every page the context opens from now on axe-core, before its own scripts."""
    context.add_init_script(path=str(require_axe()))
    _preloaded.add(context)


def axe_violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA and best-practice violations on the current page."""
    if page.context not in _preloaded:
        if page not in _routed:
            axe = str(require_axe())
            page.route(
                f"**{AXE_URL}",
                lambda route: route.fulfill(
                    path=axe, content_type="text/javascript; charset=utf-8"
                ),
            )
            _routed.add(page)
        page.add_script_tag(url=AXE_URL)
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
