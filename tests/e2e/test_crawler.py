"""Every GET route of app.url_map, as nobody and as every role, checked in Chromium: the
expected status, axe-core (WCAG 2.1 A/AA + best practices) with 0 violations, the Nu HTML
Checker with 0 errors (all pages in one call), no console errors, no failed requests, no
request to any host but the app's own, and no sideways scrolling on a 390px phone. Each
distinct page (CSRF tokens aside) is loaded in the browser once: a visit whose HTML is that of
a page already checked stops after its status.
"""

import hashlib
import re
import time
from urllib.parse import urlsplit

from tests.e2e.environment import require_axe, require_java, skip_module_without_playwright

skip_module_without_playwright()

from tests.e2e.crawl import (  # noqa: E402
    PHONE,
    ROLES,
    TOO_WIDE_FOR_PHONES,
    account_parameters,
    board_parameters,
    plan,
    stale_exemptions,
)
from tests.e2e.pages import axe_violations, describe_violations, preload_axe  # noqa: E402
from tests.e2e.validate import vnu_errors  # noqa: E402
from tests.e2e.watch import BrowserWatch  # noqa: E402

# CSRF tokens differ per session; two pages that differ only there are the same markup.
TOKEN = re.compile(r'value="[A-Za-z0-9._-]{40,}"')
STATUS = {"ok": 200, "forbidden": 403, "login": 200}


def page_key(html: str) -> str:
    """What tells two pages apart (CSRF tokens aside): each distinct page is checked once."""
    return hashlib.sha256(TOKEN.sub('value="token"', html).encode()).hexdigest()


def roles_of_users(live_server) -> dict[str, set[str]]:
    """The role names each crawler account holds, read from the database."""
    from sro_board.auth.services import find_by_email

    with live_server.app.app_context():
        roles = {
            role: set(find_by_email(email).roles)
            for role, email in live_server.users.items()
            if role in ROLES
        }
    roles["anonymous"] = set()
    return roles


def too_wide_for_a_phone(page, desktop: dict) -> int | None:
    """The page's width at 390px when it is wider than that (it would scroll sideways)."""
    page.set_viewport_size(PHONE)
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
    finally:
        page.set_viewport_size(desktop)
    return width if width > PHONE["width"] else None


def check_outcome(visit, status: int, final_url: str) -> str | None:
    """None when the response is what the role should get, else what went wrong."""
    final_path = urlsplit(final_url).path
    if visit.expect == "login" and final_path != "/login":
        return f"expected the login page, got {final_path} ({status})"
    if status != STATUS[visit.expect]:
        return f"expected {STATUS[visit.expect]} ({visit.expect}), got {status} at {final_path}"
    return None


def test_every_get_route_as_every_role(
    browser, browser_context_args, logged_in_state, live_server, smtp_server, tmp_path
):
    """Crawl, check each page, validate all HTML in one vnu call, report everything at once."""
    require_java()
    require_axe()
    started = time.monotonic()
    tokens = board_parameters(live_server.app, smtp_server)
    tokens |= account_parameters(live_server.app, smtp_server)
    visits, unvisited = plan(live_server.app, roles_of_users(live_server), tokens)
    problems: list[str] = [f"not visited and not exempt: {u}" for u in unvisited]
    problems += [f"exempt, no such endpoint: {name}" for name in stale_exemptions(live_server.app)]
    seen: dict[str, str] = {}
    html_files = []
    axe_report: list[str] = []
    counts = dict.fromkeys(ROLES, 0)
    too_wide: dict[str, str] = {}
    fits: set[str] = set()

    for role in ROLES:
        # Each role logged in through the login form (once per role for the whole suite).
        state = None if role == "anonymous" else logged_in_state(role)
        context = browser.new_context(**browser_context_args, storage_state=state)
        preload_axe(context)
        watch = BrowserWatch(live_server.url)
        watch.attach(context)
        page = context.new_page()
        for visit in visits[role]:
            where = f"{role} GET {visit.path} ({visit.endpoint})"
            # The request API shares the context's cookies and tells HTML from downloads.
            probe = context.request.get(visit.path)
            counts[role] += 1
            if wrong := check_outcome(visit, probe.status, probe.url):
                problems.append(f"{where}: {wrong}")
                continue
            if not probe.headers.get("content-type", "").startswith("text/html"):
                continue
            if page_key(probe.text()) in seen:
                continue  # this very page was loaded and checked in the browser already
            if visit.expect == "forbidden":
                watch.expected_status[live_server.url + visit.path] = 403
            response = page.goto(visit.path)
            if wrong := check_outcome(visit, response.status, response.url):
                problems.append(f"{where} in the browser: {wrong}")
            html = response.text()
            key = page_key(html)
            if key not in seen:
                seen[key] = where
                name = f"{len(seen):03d}-{role}-{visit.endpoint.replace('.', '-')}.html"
                (tmp_path / name).write_text(html, encoding="utf-8")
                html_files.append(tmp_path / name)
                if violations := axe_violations(page):
                    axe_report.append(f"{where}:\n{describe_violations(violations)}")
                if width := too_wide_for_a_phone(page, browser_context_args["viewport"]):
                    too_wide.setdefault(visit.endpoint, f"{where}: {width}px wide at 390")
                else:
                    fits.add(visit.endpoint)
            watch.settle(page)
            problems += [f"{where}: {p}" for p in watch.take_problems()]
        problems += [f"{role}: {p}" for p in watch.never_loaded()]
        context.close()

    html_errors = vnu_errors(html_files)
    endpoints = {v.endpoint for v in visits["anonymous"]}
    print(
        f"\ncrawler: {len(endpoints)} GET routes x {len(ROLES)} roles = "
        f"{sum(counts.values())} visits ({counts}); {len(seen)} distinct pages checked with "
        f"axe-core and vnu: {sum(r.count(chr(10)) for r in axe_report)} axe violations, "
        f"{len(html_errors)} HTML errors; {time.monotonic() - started:.0f} s"
    )
    for endpoint, what in too_wide.items():
        if endpoint in TOO_WIDE_FOR_PHONES:
            print(f"known, not fixed yet: {what} ({TOO_WIDE_FOR_PHONES[endpoint]})")
        else:
            problems.append(f"scrolls sideways on a phone (WCAG 1.4.10): {what}")
    for endpoint in sorted(set(TOO_WIDE_FOR_PHONES) - set(too_wide)):
        if endpoint in fits:
            print(f"{endpoint} now fits a phone: take it off TOO_WIDE_FOR_PHONES")
    vnu_report = ["Nu HTML Checker errors:", *html_errors] if html_errors else []
    report = problems + axe_report + vnu_report
    assert not report, "\n".join(report)
