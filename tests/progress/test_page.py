"""The /progress page and the home page's small chart: the SVG and its table say the same."""

import re
import xml.etree.ElementTree as ET

from sro_board.core.clock import clock_set_to
from sro_board.core.extensions import db
from sro_board.recommendations.models import Recommendation
from tests.factories import make_user
from tests.progress.test_history import at, known_history
from tests.recommendations.factories import draft

SVG = "{http://www.w3.org/2000/svg}"
NOW = "2027-01-01 02:30"


def page(client, path: str = "/progress") -> str:
    """The page's HTML at a fixed moment (31 December 2026, evening, in Edmonton)."""
    with clock_set_to(at(NOW)):
        response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def chart(html: str, prefix: str = "progress") -> ET.Element:
    """The chart's <svg>, parsed as XML (it must be well formed)."""
    found = re.search(rf'<svg class="progress-chart".*?id="{prefix}-title".*?</svg>', html, re.S)
    assert found, prefix
    source = found.group(0).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return ET.fromstring(source)  # noqa: S314 - the app's own page


def table_rows(html: str) -> dict[str, dict[str, int]]:
    """{month: {status or "planned"/"done": number}} from the table."""
    rows = {}
    for month, cells in re.findall(r'<tr data-month="([\d-]+)">(.*?)</tr>', html, re.S):
        row = {s: int(n) for s, n in re.findall(r'<td data-status="(\w+)">(\d+)</td>', cells)}
        row["planned"] = int(re.search(r"<td data-planned>(\d+)</td>", cells).group(1))
        row["done"] = int(re.search(r"<td data-done>(\d+)</td>", cells).group(1))
        rows[month] = row
    return rows


def svg_rows(svg: ET.Element) -> tuple[dict[str, dict[str, int]], list[int], list[int]]:
    """The same numbers, read from the drawing's bars and markers."""
    rows: dict[str, dict[str, int]] = {}
    months = []
    for rect in svg.iter(f"{SVG}rect"):
        if rect.get("data-month"):
            month = rect.get("data-month")
            rows.setdefault(month, {})[rect.get("data-status")] = int(rect.get("data-count"))
            if month not in months:
                months.append(month)
    planned = [int(r.get("data-planned")) for r in svg.iter(f"{SVG}rect") if r.get("data-planned")]
    done = [int(c.get("data-done")) for c in svg.iter(f"{SVG}circle") if c.get("data-done")]
    return rows, planned, done


def test_the_chart_and_its_table_say_the_same(app, client, users):
    known_history(users)
    html = page(client)
    table = table_rows(html)
    bars, planned, done = svg_rows(chart(html))
    assert list(table) == ["2026-10-01", "2026-11-01", "2026-12-01"]
    for month, row in table.items():
        drawn = {s: n for s, n in row.items() if n and s not in ("planned", "done")}
        assert bars.get(month, {}) == drawn
    assert planned == [row["planned"] for row in table.values()]
    assert done == [row["done"] for row in table.values()]
    assert table["2026-12-01"] == {
        "not_started": 1,
        "planning": 0,
        "in_progress": 0,
        "implemented": 1,
        "ongoing": 0,
        "deferred": 1,
        "will_not_proceed": 0,
        "planned": 2,
        "done": 1,
    }


def test_the_chart_is_an_image_with_a_title_a_description_and_a_table(app, client, users):
    known_history(users)
    html = page(client)
    svg = chart(html)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "progress-title progress-desc"
    assert svg.find(f"{SVG}title").text
    assert "1 of 3 done" in svg.find(f"{SVG}desc").text
    # Not colour alone: every status has its own pattern, named in the legend.
    patterns = {p.get("id") for p in svg.iter(f"{SVG}pattern")}
    assert len(patterns) == 7
    assert "<caption" in html
    assert html.count('scope="col"') == 11
    assert html.count('scope="row"') == 3
    assert "Baseline plan: due to be done" in html


def test_the_page_is_in_french_too(app, client, users):
    known_history(users)
    html = page(client, "/fr/progress")
    assert '<html lang="fr"' in html
    assert "décembre 2026" in html
    assert '<th scope="col">Mise en œuvre</th>' in html


def test_the_home_page_shows_the_chart_small_with_a_link(app, client, users):
    known_history(users)
    html = page(client, "/")
    svg = chart(html, "progress-home")
    assert svg.get("viewBox") == "0 0 480 240"
    assert 'href="/progress"' in html


def test_a_pending_update_never_moves_the_chart(app, client, users):
    known_history(users)
    before = page(client)
    rec = db.session.scalar(db.select(Recommendation).where(Recommendation.code == "R-03"))
    member = make_user(["member"], email="chart-member@example.org")
    with clock_set_to(at("2026-12-20 12:00")):
        draft(rec, member, public_note="Soon.", status="planning")
    assert page(client) == before


def test_the_page_is_a_cached_public_page(app):
    assert app.view_functions["progress.page"].public_page == "page"
