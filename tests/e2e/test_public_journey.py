"""Journey 1: a member of the public reads the progress picture and its text equivalent, filters
the list by theme and status, opens a recommendation and reads its timeline."""

import re

import sqlalchemy as sa

from tests.e2e.environment import skip_module_without_playwright

skip_module_without_playwright()

from playwright.sync_api import Page, expect  # noqa: E402


def _database(live_server, query):
    from sro_board.core.extensions import db

    with live_server.app.app_context():
        try:
            return query(db.session)
        finally:
            db.session.remove()


def _a_theme_and_status_with_results(session):
    """The theme and status labels shared by the most recommendations, and their codes."""
    from sro_board.recommendations.labels import label
    from sro_board.recommendations.models import Recommendation

    theme, status, _count = session.execute(
        sa.select(Recommendation.theme, Recommendation.status, sa.func.count())
        .group_by(Recommendation.theme, Recommendation.status)
        .order_by(sa.func.count().desc(), Recommendation.theme, Recommendation.status)
        .limit(1)
    ).one()
    codes = session.scalars(
        sa.select(Recommendation.code)
        .where(Recommendation.theme == theme, Recommendation.status == status)
        .order_by(Recommendation.code)
    ).all()
    return str(theme.label), str(label("implementation", status)), codes


def _public_notes(session, code):
    from sro_board.recommendations.enums import UpdateState
    from sro_board.recommendations.models import Recommendation, Update

    return session.scalars(
        sa.select(Update.public_note)
        .join(Recommendation, Update.recommendation_id == Recommendation.id)
        .where(Recommendation.code == code, Update.state == UpdateState.APPROVED)
    ).all()


def test_public_reads_progress_filters_and_follows_a_timeline(page: Page, live_server):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("progress at a glance"))

    # The picture: one bar, named by its heading, whose parts match the legend beside it.
    heading = page.get_by_role("heading", name=re.compile(r"^Implementation status of all \d+"))
    total = int(re.search(r"\d+", heading.inner_text()).group())
    picture = page.get_by_role("img", name=heading.inner_text())
    expect(picture).to_be_visible()
    section = page.get_by_role("region", name=re.compile("Implementation status"))
    legend = [
        (m.group(1), int(m.group(2)))
        for m in (
            re.fullmatch(r"(.+): (\d+)", item.strip())
            for item in section.get_by_role("listitem").all_inner_texts()
        )
    ]
    assert sum(n for _, n in legend) == total, legend
    widths = [
        float(w)
        for w in picture.locator("rect").evaluate_all("rs => rs.map(r => r.getAttribute('width'))")
    ]
    shown = [n for _, n in legend if n]
    assert len(widths) == len(shown), (widths, legend)
    for width, count in zip(widths, shown, strict=True):
        assert abs(width - 100 * count / total) < 0.01, (width, count, total)

    # The same figures as a table, by theme.
    by_theme = page.get_by_role("table", name="Average progress by theme")
    expect(by_theme.get_by_role("columnheader", name="Average progress")).to_be_visible()
    expect(by_theme.get_by_role("row")).not_to_have_count(0)

    # Filter the list by theme and status.
    theme, status, codes = _database(live_server, _a_theme_and_status_with_results)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Recommendations").click()
    expect(page.get_by_role("heading", level=1, name="Recommendations")).to_be_visible()
    page.get_by_label("Theme").select_option(label=theme)
    page.get_by_label("Status", exact=True).select_option(label=status)
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("status")).to_have_text(
        f"{len(codes)} recommendation{'' if len(codes) == 1 else 's'} shown."
    )
    expect(page).to_have_url(re.compile(r"/recommendations\?.*theme=.+&status=.+"))
    table = page.get_by_role("table", name="Recommendations matching the filters")
    rows = table.get_by_role("row").filter(has=page.get_by_role("rowheader"))
    expect(rows).to_have_count(len(codes))
    for row, code in zip(rows.all(), codes, strict=True):
        expect(row.get_by_role("cell").first).to_have_text(code)
        expect(row).to_contain_text(theme)
        expect(row).to_contain_text(status)

    # Open the first one and read its timeline.
    first = rows.first.get_by_role("link")
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{codes[0]} {title}")
    expect(page).to_have_title(re.compile(re.escape(codes[0])))
    timeline = page.get_by_role("list", name="Timeline")
    notes = _database(live_server, lambda session: _public_notes(session, codes[0]))
    entries = timeline.locator(":scope > li")
    expect(entries).to_have_count(len(notes))
    for note in filter(None, notes):
        expect(timeline).to_contain_text(note)
    expect(entries.first.locator("time")).to_have_attribute("datetime", re.compile(r"^\d{4}-"))
