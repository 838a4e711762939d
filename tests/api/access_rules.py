"""Who may use each open data endpoint: everyone (merged into the route x role matrix)."""

from sro_board.api.registry import OPERATIONS
from sro_board.core.extensions import db
from sro_board.meetings import services
from sro_board.meetings.enums import Body
from tests.factories import make_rec
from tests.meetings.factories import make_meeting
from tests.security.access import EVERYONE, Access


def a_recommendation_and_a_meeting(users: dict) -> dict:
    """R-01 and an announced public meeting."""
    make_rec("R-01")
    meeting = make_meeting(Body.ADVISORY_BOARD, days=30)
    services.publish_agenda(None, meeting)
    db.session.commit()
    return {"code": "R-01", "meeting_id": meeting.id}


API_ACCESS: dict[str, Access] = {
    f"api.{op.endpoint}": Access(
        op.path, EVERYONE, setup=a_recommendation_and_a_meeting if "{" in op.path else None
    )
    for op in OPERATIONS
} | {
    "open_data.open_data": Access("/open-data", EVERYONE),
    "open_data.api_docs": Access("/open-data/api", EVERYONE),
}
