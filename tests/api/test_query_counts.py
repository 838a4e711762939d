"""The API's lists and items run as many statements with ten times the data."""

import pytest

from sro_board.core.extensions import db
from sro_board.recommendations.models import Recommendation
from tests.board.factories import count_queries
from tests.factories import make_rec, make_user
from tests.meetings.factories import published_meeting
from tests.oversight.factories import approved, board_user
from tests.recommendations.factories import publish

PATHS = [
    "/api/v1/recommendations?per_page=100",
    "/api/v1/recommendations?status=in_progress&sort=updated",
    "/api/v1/recommendations/R-001",
    "/api/v1/recommendations/R-001/timeline?per_page=100",
    "/api/v1/meetings?per_page=100",
    "/api/v1/aggregates",
    "/api/v1/progress",
    "/api/v1/themes",
    "/api/v1/status-definitions",
]


def grow(start: int, count: int, drafter, chair) -> None:
    """count more recommendations, each with milestones, evidence, updates and an assessment;
    and one more published meeting (with the meeting that approved its minutes)."""
    for n in range(start, start + count):
        rec = make_rec(
            f"R-{n:03d}",
            milestones=[{"title": f"Step {n}", "due_date": "2030-01-01", "done": False}],
            evidence=[{"title": f"Link {n}", "url": f"https://example.org/{n}"}],
        )
        publish(rec, public_note=f"Going {n}.", status="in_progress", progress=n % 100)
        approved(rec, drafter, chair, commentary=f"View {n}.")
    first = db.session.scalar(db.select(Recommendation).filter_by(code="R-001"))
    for n in range(count):
        publish(first, public_note=f"Again {start + n}.", progress=(start + n) % 100)
    published_meeting(codes=["R-001"])


def measure(client, path: str) -> int:
    with client.application.app_context(), count_queries() as statements:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(statements)


@pytest.fixture
def measured(app, client):
    """Statements per path with 3 recommendations, and again with 30."""
    make_user(["chair"])
    drafter = board_user(email="drafter@example.org")
    chair = board_user("board_chair", email="board-chair@example.org")
    grow(1, 3, drafter, chair)
    small = {path: measure(client, path) for path in PATHS}
    grow(4, 27, drafter, chair)
    large = {path: measure(client, path) for path in PATHS}
    return small, large


def test_statements_do_not_grow_with_the_data(measured):
    small, large = measured
    assert large == small, (small, large)
    assert max(small.values()) <= 12, small
