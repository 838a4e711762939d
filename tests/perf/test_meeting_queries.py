"""The meetings' list and pages run the same statements with 2 meetings or 20 (no N+1)."""

from sro_board.core.extensions import db
from sro_board.meetings import services
from sro_board.meetings.enums import Body
from tests.board.factories import count_queries
from tests.factories import login, make_rec, make_user
from tests.meetings.factories import held_meeting, make_meeting, published_meeting

PUBLIC = ["/meetings", "/meetings?body=advisory-board", "/meetings/advisory-board.ics"]


def more_meetings(count: int) -> None:
    """count announced meetings to come and count held ones, linked to R-01."""
    for n in range(count):
        meeting = make_meeting(Body.ADVISORY_BOARD, days=10 + n, codes=["R-01"])
        services.publish_agenda(None, meeting)
        held_meeting(Body.ADVISORY_BOARD, days_ago=3 + n, codes=["R-01"])
    db.session.commit()


def statements(client, path: str) -> int:
    """How many statements one request for path runs."""
    with count_queries() as run:
        assert client.get(path).status_code == 200
    return len(run)


def test_meeting_lists_do_not_grow_with_the_data(client, app):
    make_rec("R-01")
    published_meeting(codes=["R-01"])
    more_meetings(1)
    login(client, make_user(["admin"]))
    paths = [*PUBLIC, "/staff/meetings", "/recommendations/R-01"]
    for path in paths:  # once first: the labels' cache and the like are loaded
        statements(client, path)
    before = {path: statements(client, path) for path in paths}
    more_meetings(10)
    after = {path: statements(client, path) for path in paths}
    assert after == before
