"""Meetings' public pages through the page cache: a change shows at once, and nothing
private (closed meetings' details, drafts, unconsented or full names) ever reaches them."""

from datetime import timedelta

import pytest

from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from sro_board.meetings import services
from sro_board.meetings import services_minutes as minutes
from sro_board.meetings.enums import Body
from sro_board.meetings.models import Meeting
from tests.meetings.factories import (
    HIDDEN_NAME,
    item_values,
    make_meeting,
    published_meeting,
)
from tests.public.helpers import add_recommendation, start_app, stop_app

MARKERS = {
    "closed meeting's title": "CLOSED-TITLE-Mt81",
    "closed meeting's item": "CLOSED-ITEM-Mt82",
    "closed meeting's place": "CLOSED-PLACE-Mt83",
    "draft meeting's title": "DRAFT-TITLE-Mt84",
    "unconsented member": HIDDEN_NAME,
    "consented member's full name": "Ravi Patel",
}


@pytest.fixture
def app():
    """An app with the public page cache on, each request in its own app context."""
    app = start_app()
    yield app
    stop_app(app)


def add_data(app) -> dict:
    """A published meeting, a closed announced one, and a draft, all linked to R-01."""
    with app.app_context():
        add_recommendation("R-01")
        meeting, _later = published_meeting(codes=["R-01"])
        closed = make_meeting(
            Body.ADVISORY_BOARD,
            days=3,
            codes=["R-01"],
            is_public=False,
            title=MARKERS["closed meeting's title"],
            place=MARKERS["closed meeting's place"],
        )
        minutes.add_item(None, closed, item_values(MARKERS["closed meeting's item"]), ["R-01"])
        services.publish_agenda(None, closed)
        with clock_set_to(now_utc() + timedelta(days=4)):
            services.mark_held(None, closed)
        make_meeting(Body.ADVISORY_BOARD, codes=["R-01"], title=MARKERS["draft meeting's title"])
        db.session.commit()
        return {"published": meeting.id, "closed": closed.id}


def test_nothing_private_reaches_a_public_page(app):
    ids = add_data(app)
    client = app.test_client()
    paths = [
        "/meetings",
        "/meetings?body=advisory-board",
        f"/meetings/{ids['published']}",
        f"/meetings/{ids['published']}/pack",
        f"/meetings/{ids['published']}.ics",
        f"/meetings/{ids['closed']}",
        "/meetings/advisory-board.ics",
        "/recommendations/R-01",
        "/fr/meetings",
        f"/fr/meetings/{ids['published']}",
    ]
    for _twice in range(2):  # rendered, then from the cache
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            found = [what for what, m in MARKERS.items() if m.encode() in response.data]
            assert not found, (path, found)
    assert b"Ravi P." in client.get(f"/meetings/{ids['published']}").data  # consented


def test_a_change_clears_the_cached_page(app):
    ids = add_data(app)
    client = app.test_client()
    path = f"/meetings/{ids['published']}"
    assert b"Renamed item" not in client.get(path).data
    assert b"Renamed item" not in client.get(path).data  # now cached
    with app.app_context():
        meeting = db.session.get(Meeting, ids["published"])
        meeting.items[0].title = "Renamed item"  # a direct change: the table is watched
        db.session.commit()
    assert b"Renamed item" in client.get(path).data
