"""A tracker and meetings to read in the feeds, with marker strings the public must never see."""

import xml.etree.ElementTree as ET

from sro_board.core.extensions import db
from sro_board.meetings import services
from sro_board.meetings.enums import Body
from sro_board.meetings.services_minutes import add_item
from sro_board.recommendations.services import propose_update, reject_update
from tests.factories import make_rec, make_user
from tests.meetings.factories import item_values, make_meeting, published_meeting
from tests.recommendations.factories import publish as publish_now

ATOM = "{http://www.w3.org/2005/Atom}"
PUBLIC_NOTE = "Training plan drafted with schools."
PENDING_MARKER = "Pending-marker-7d1f: not approved yet"
REJECTED_MARKER = "Rejected-marker-9a2c: turned down"
INTERNAL_MARKER = "Internal-marker-4b8e: staff only"
DECISION_MARKER = "Decision-marker-1e5f: why it was rejected"
APPROVER_NAME = "Zebulon Approverson"
AUTHOR_NAME = "Philippa Draftwright"
CLOSED_MARKER = "Closed-marker-6c3a: confidential matter"
LEAD_EMAIL = "lead-marker-2b7d@example.org"  # a staff-only field's value (lead_user)
MARKERS = (
    PENDING_MARKER,
    REJECTED_MARKER,
    INTERNAL_MARKER,
    DECISION_MARKER,
    APPROVER_NAME,
    AUTHOR_NAME,
    CLOSED_MARKER,
    LEAD_EMAIL,
)
FEEDS = (
    "/feed.atom",
    "/recommendations/R-01/feed.atom",
    "/themes/role/feed.atom",
    "/themes/training_hiring/feed.atom",
    "/meetings/feed.atom",
)
ALL_FEEDS = FEEDS + tuple(f"/fr{path}" for path in FEEDS)


def publish(rec, note: str = PUBLIC_NOTE, **changes):
    """An update published at once (the command line's rights), with the internal marker."""
    return publish_now(rec, public_note=note, internal_note=INTERNAL_MARKER, **changes)


def tracker() -> dict:
    """Two recommendations in two themes, published, pending and rejected updates, and
    meetings: one with published minutes, one closed with a published agenda."""
    first = make_rec("R-01", title="Clear role for officers", title_fr="Rôle clair des agents")
    second = make_rec("R-02", theme="training_hiring")
    publish(first, status="planning")
    make_user(["member"], email=LEAD_EMAIL, name="Lead Person")
    publish(first, lead_user=LEAD_EMAIL)
    publish(second, status="in_progress", progress=20)
    author = make_user(["member"], email="feed-author@example.org", name=AUTHOR_NAME)
    approver = make_user(["chair"], email="feed-approver@example.org", name=APPROVER_NAME)
    pending = propose_update(
        first,
        author,
        {"progress": 30},
        public_note=PENDING_MARKER,
        internal_note=INTERNAL_MARKER,
        based_on_version=first.version,
    )
    rejected = propose_update(
        second,
        author,
        {"progress": 40},
        public_note=REJECTED_MARKER,
        internal_note=INTERNAL_MARKER,
        based_on_version=second.version,
    )
    db.session.commit()
    reject_update(rejected, approver, DECISION_MARKER)
    db.session.commit()
    closed = make_meeting(Body.WORKING_GROUP, days=20, title=CLOSED_MARKER, is_public=False)
    add_item(None, closed, item_values(CLOSED_MARKER), [])
    services.publish_agenda(None, closed)
    db.session.commit()
    minutes, later = published_meeting(codes=("R-01",))
    return {"first": first, "second": second, "pending": pending, "minutes": minutes}


def parse(response) -> ET.Element:
    """The response's Atom document (which must be served as Atom)."""
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.get_data())  # noqa: S314 - the app's own response
