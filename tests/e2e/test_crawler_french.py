"""The crawl of test_crawler.py, at the French address of every page (/fr/...), as nobody and as
every role: the expected status, <html lang="fr">, the switch back to English, axe-core with 0
violations, the Nu HTML Checker with 0 errors, no console errors or failed requests, and no
sideways scrolling on a 390px phone (French words run longer than English ones).
"""

import time
from urllib.parse import urlsplit

import pytest

from tests.e2e.environment import require_axe, require_java, skip_module_without_playwright

skip_module_without_playwright()

from tests.e2e import crawl  # noqa: E402
from tests.e2e.crawl import (  # noqa: E402
    ROLES,
    TOO_WIDE_FOR_PHONES,
    account_parameters,
    board_parameters,
    plan,
)
from tests.e2e.pages import axe_violations, describe_violations, preload_axe  # noqa: E402
from tests.e2e.test_crawler import (  # noqa: E402
    STATUS,
    page_key,
    roles_of_users,
    too_wide_for_a_phone,
)
from tests.e2e.validate import vnu_errors  # noqa: E402
from tests.e2e.watch import BrowserWatch  # noqa: E402

FRENCH = "/fr"


@pytest.fixture
def own_crawler_people(monkeypatch):
    """The English crawl makes its applicant and invitation with these addresses: another
    application or invitation for the same address would be refused, so this crawl has its own."""
    for name in ("CRAWLER_STUDENT", "CRAWLER_GUARDIAN", "CRAWLER_NEW_EMAIL", "INVITED"):
        monkeypatch.setattr(crawl, name, getattr(crawl, name).replace("crawler.", "crawler.fr."))


def french_outcome(visit, status: int, final_url: str) -> str | None:
    """None when the French response is what the role should get, else what went wrong."""
    final_path = urlsplit(final_url).path
    if visit.expect == "login" and final_path != FRENCH + "/login":
        return f"expected the French login page, got {final_path} ({status})"
    if status != STATUS[visit.expect]:
        return f"expected {STATUS[visit.expect]} ({visit.expect}), got {status} at {final_path}"
    if not final_path.startswith(FRENCH + "/"):
        return f"left the French pages for {final_path}"
    return None


LANGUAGE_STATE = """() => ({
    lang: document.documentElement.lang,
    switchTo: [...document.querySelectorAll('a.language-switch')]
        .map(a => a.lang + ' ' + a.textContent.trim()),
})"""


@pytest.mark.usefixtures("own_crawler_people")
def test_every_get_route_in_french_as_every_role(
    browser, browser_context_args, logged_in_state, live_server, smtp_server, tmp_path
):
    """Crawl the French addresses, check each page, validate all HTML in one vnu call."""
    require_java()
    require_axe()
    started = time.monotonic()
    tokens = board_parameters(live_server.app, smtp_server)
    tokens |= account_parameters(live_server.app, smtp_server)
    visits, _unvisited = plan(live_server.app, roles_of_users(live_server), tokens)
    problems: list[str] = []
    seen: dict[str, str] = {}
    html_files = []
    axe_report: list[str] = []
    counts = dict.fromkeys(ROLES, 0)
    too_wide: dict[str, str] = {}

    for role in ROLES:
        state = None if role == "anonymous" else logged_in_state(role)
        context = browser.new_context(**browser_context_args, storage_state=state)
        preload_axe(context)
        watch = BrowserWatch(live_server.url)
        watch.attach(context)
        page = context.new_page()
        for visit in visits[role]:
            if visit.endpoint == "static":
                continue  # files have one address in every language
            path = FRENCH + visit.path
            where = f"{role} GET {path} ({visit.endpoint})"
            probe = context.request.get(path)
            counts[role] += 1
            if wrong := french_outcome(visit, probe.status, probe.url):
                problems.append(f"{where}: {wrong}")
                continue
            if not probe.headers.get("content-type", "").startswith("text/html"):
                continue
            if page_key(probe.text()) in seen:
                continue  # this very page was loaded and checked in the browser already
            if visit.expect == "forbidden":
                watch.expected_status[live_server.url + path] = 403
            response = page.goto(path)
            if wrong := french_outcome(visit, response.status, response.url):
                problems.append(f"{where} in the browser: {wrong}")
            language = page.evaluate(LANGUAGE_STATE)
            if language["lang"] != "fr":
                problems.append(f"{where}: <html lang={language['lang']!r}>, not fr")
            if language["switchTo"] != ["en English"]:
                problems.append(f"{where}: language switch {language['switchTo']}")
            html = response.text()
            key = page_key(html)
            if key not in seen:
                seen[key] = where
                name = f"{len(seen):03d}-fr-{role}-{visit.endpoint.replace('.', '-')}.html"
                (tmp_path / name).write_text(html, encoding="utf-8")
                html_files.append(tmp_path / name)
                if violations := axe_violations(page):
                    axe_report.append(f"{where}:\n{describe_violations(violations)}")
                if width := too_wide_for_a_phone(page, browser_context_args["viewport"]):
                    too_wide.setdefault(visit.endpoint, f"{where}: {width}px wide at 390")
            watch.settle(page)
            problems += [f"{where}: {p}" for p in watch.take_problems()]
        problems += [f"{role}: {p}" for p in watch.never_loaded()]
        context.close()

    html_errors = vnu_errors(html_files)
    print(
        f"\nFrench crawl: {sum(counts.values())} visits ({counts}); {len(seen)} distinct French "
        f"pages checked with axe-core and vnu: {sum(r.count(chr(10)) for r in axe_report)} axe "
        f"violations, {len(html_errors)} HTML errors, {len(too_wide)} too wide at 390px; "
        f"{time.monotonic() - started:.0f} s"
    )
    for endpoint, what in too_wide.items():
        if endpoint not in TOO_WIDE_FOR_PHONES:
            problems.append(f"scrolls sideways on a phone (WCAG 1.4.10): {what}")
    vnu_report = ["Nu HTML Checker errors:", *html_errors] if html_errors else []
    report = problems + axe_report + vnu_report
    assert not report, "\n".join(report)
