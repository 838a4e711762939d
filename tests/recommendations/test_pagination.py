"""The tracker's lists and timelines come a page at a time; filters and sorting survive paging."""

import re
from html import unescape

import pytest

from sro_board.core.pagination import BAD_PAGE, BAD_POSITION
from tests.factories import login, make_rec
from tests.pages import text
from tests.recommendations.factories import draft, publish, publish_closing


def codes_on(page: str) -> list[str]:
    """Recommendation codes in the list's first column, in order."""
    return re.findall(r"<td>(R-\d+)</td>", page)


def link(page: str, rel: str) -> str | None:
    """The href of the page's rel=next or rel=prev link."""
    found = re.search(rf'<a href="([^"]+)" rel="{rel}">', page)
    return unescape(found.group(1)) if found else None


def notes_on(page: str) -> list[str]:
    """Public notes of the timeline entries shown, in order."""
    return re.findall(r"<p>(Note \d+)</p>", page)


@pytest.fixture
def small_pages(app):
    """Three rows a page."""
    app.config["PAGE_SIZE"] = 3


@pytest.fixture
def seven(app, small_pages):
    """R-01 to R-07: odd ones about the role, even ones about community."""
    for n in range(1, 8):
        make_rec(f"R-{n:02d}", theme="role" if n % 2 else "community")


@pytest.mark.usefixtures("seven")
def test_the_public_list_is_paged_with_links_both_ways(client):
    first = text(client.get("/recommendations"))
    assert codes_on(first) == ["R-01", "R-02", "R-03"]
    assert "Page 1 of 3" in first
    assert "7 recommendations match; 1 to 3 are shown." in first
    assert link(first, "prev") is None
    second = text(client.get(link(first, "next")))
    assert codes_on(second) == ["R-04", "R-05", "R-06"]
    assert "Page 2 of 3" in second
    assert codes_on(text(client.get(link(second, "prev")))) == ["R-01", "R-02", "R-03"]
    third = text(client.get(link(second, "next")))
    assert codes_on(third) == ["R-07"]
    assert link(third, "next") is None
    assert 'aria-label="Recommendations: pages"' in third


@pytest.mark.usefixtures("seven")
def test_filters_and_sorting_are_kept_across_pages(client, users):
    first = text(client.get("/recommendations?theme=role"))
    assert codes_on(first) == ["R-01", "R-03", "R-05"]
    assert "theme=role" in link(first, "next")
    assert codes_on(text(client.get(link(first, "next")))) == ["R-07"]
    login(client, users["member"])
    staff = text(client.get("/staff/recommendations?sort=title&theme=community"))
    assert codes_on(staff) == ["R-02", "R-04", "R-06"]
    assert codes_on(text(client.get("/staff/recommendations?sort=title"))) == [
        "R-01",
        "R-02",
        "R-03",
    ]
    next_page = link(text(client.get("/staff/recommendations?sort=code&theme=role")), "next")
    assert "sort=code" in next_page
    assert "theme=role" in next_page


@pytest.mark.usefixtures("seven")
@pytest.mark.parametrize("value", ["0", "-1", "two", "4", "99999999999999", "1e3", "%00"])
def test_a_page_that_does_not_exist_shows_the_first_with_a_message(client, value):
    response = client.get(f"/recommendations?page={value}")
    assert response.status_code == 200
    page = text(response)
    assert BAD_PAGE in page
    assert codes_on(page) == ["R-01", "R-02", "R-03"]


@pytest.mark.usefixtures("seven")
def test_odd_query_string_names_do_not_break_the_page_links(client):
    odd = "_external=1&_scheme=javascript&_anchor=x&_method=POST&endpoint=x&values=y"
    response = client.get(f"/recommendations?{odd}&theme=role")
    assert response.status_code == 200
    next_page = link(text(response), "next")
    assert next_page.startswith("/recommendations?")
    assert "theme=role" in next_page
    assert "_scheme=javascript" in next_page  # kept as it came, harmless in a query string


def test_a_route_value_in_the_query_string_does_not_break_the_timeline(client, timeline):
    response = client.get("/recommendations/R-01?code=R-99&older=")
    assert response.status_code == 200
    assert link(text(response), "next").startswith("/recommendations/R-01?")


@pytest.fixture
def timeline(small_pages):
    """R-01 with seven published updates, Note 1 (oldest) to Note 7 (newest)."""
    rec = make_rec("R-01")
    for n in range(1, 8):
        publish(rec, public_note=f"Note {n}", progress=n * 10)
    return rec


def test_the_public_timeline_is_newest_first_with_older_pages(client, timeline):
    first = text(client.get("/recommendations/R-01"))
    assert notes_on(first) == ["Note 7", "Note 6", "Note 5"]
    assert "Older updates" in first
    assert "Newer updates" not in first
    second = text(client.get(link(first, "next")))
    assert notes_on(second) == ["Note 4", "Note 3", "Note 2"]
    third = text(client.get(link(second, "next")))
    assert notes_on(third) == ["Note 1"]
    assert link(third, "next") is None
    assert notes_on(text(client.get(link(third, "prev")))) == ["Note 4", "Note 3", "Note 2"]
    assert notes_on(text(client.get(link(second, "prev")))) == ["Note 7", "Note 6", "Note 5"]


def test_an_older_page_stays_put_when_updates_are_published_meanwhile(client, timeline):
    first = text(client.get("/recommendations/R-01"))
    older = link(first, "next")
    publish(timeline, public_note="Note 8", progress=90)
    publish(timeline, public_note="Note 9", progress=95)
    assert notes_on(text(client.get(older))) == ["Note 4", "Note 3", "Note 2"]
    assert notes_on(text(client.get("/recommendations/R-01"))) == ["Note 9", "Note 8", "Note 7"]


def test_the_staff_timeline_is_paged_too(client, users, timeline):
    login(client, users["member"])
    first = text(client.get("/staff/recommendations/R-01"))
    assert first.count('id="update-') == 3
    second = text(client.get(link(first, "next")))
    assert second.count('id="update-') == 3
    assert "Note 4" in second
    assert "Note 5" not in second


@pytest.mark.parametrize("value", ["garbage", "1.x", "99999999999999999999999.1", "-5", ""])
def test_an_unreadable_position_shows_the_newest_with_a_message(client, timeline, value):
    response = client.get(f"/recommendations/R-01?older={value}")
    assert response.status_code == 200
    page = text(response)
    assert notes_on(page) == ["Note 7", "Note 6", "Note 5"]
    assert (BAD_POSITION in page) == (value != "")


def test_the_reason_for_not_proceeding_is_shown_even_when_its_update_is_on_an_older_page(
    client, small_pages
):
    rec = make_rec("R-01")
    publish_closing(rec, public_note="No budget this decade.", status="will_not_proceed")
    for n in range(1, 6):
        publish(rec, public_note=f"Note {n}")
    page = text(client.get("/recommendations/R-01"))
    assert "No budget this decade." in page
    assert notes_on(page) == ["Note 5", "Note 4", "Note 3"]


def test_links_to_a_draft_open_the_timeline_at_it_however_many_updates_came_after(
    client, users, small_pages
):
    rec = make_rec("R-01")
    waiting = draft(rec, users["member"], public_note="Please check me", progress=40)
    for n in range(1, 6):
        publish(rec, public_note=f"Note {n}")
    login(client, users["chair"])
    for listing in ("/staff/updates", "/staff/"):
        href = re.search(
            r'href="(/staff/recommendations/R-01\?older=[^"]+)"', text(client.get(listing))
        )
        page = text(client.get(unescape(href.group(1)).split("#")[0]))
        assert f'id="update-{waiting.id}"' in page
        assert f'id="reason-{waiting.id}"' in page  # the reject form is there
        assert link(page, "prev") is not None  # and the newer updates a link away
