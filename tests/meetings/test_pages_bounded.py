"""The meetings' lists show a page at a time, with links to the next page that keep the filter."""

import re
from html import unescape

from sro_board.meetings.enums import Body
from tests.factories import login, make_user
from tests.meetings.factories import held_meeting


def next_link(page: str) -> str | None:
    """The href of the page's rel=next link."""
    found = re.search(r'<a href="([^"]+)" rel="next">', page)
    return unescape(found.group(1)) if found else None


def test_past_meetings_and_the_staff_list_are_paged(client, app):
    app.config["PAGE_SIZE"] = 3
    for n in range(7):
        held_meeting(Body.ADVISORY_BOARD, days_ago=2 + n)
    seen = 0
    path = "/meetings?body=advisory-board"
    while path:
        page = client.get(path).get_data(as_text=True)
        shown = page.count('<p class="meta">Advisory board ·')
        assert shown <= 3
        seen += shown
        path = next_link(page)
        assert path is None or "body=advisory-board" in path
    assert seen == 7
    login(client, make_user(["admin"]))
    staff = client.get("/staff/meetings").get_data(as_text=True)
    assert staff.count("/staff/meetings/") - staff.count("/staff/meetings/new") == 3
    assert next_link(staff)
