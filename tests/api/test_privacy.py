"""Marker strings in every kind of non-public row never appear in any API answer or bulk file.

The markers sit in an internal note, a pending (draft) update, a rejected update's decision
note, a closed meeting, a draft meeting, a draft assessment, an approver's name and an
applicant; each API operation (both languages) and each bulk file is read and searched.
"""

import pytest

from sro_board.core.extensions import db
from sro_board.meetings import services as meeting_services
from sro_board.meetings.enums import Body
from sro_board.recommendations.services import reject_update
from tests.api.requests import every_api_path
from tests.board.factories import make_application, make_intake
from tests.factories import make_rec, make_user
from tests.meetings.factories import make_meeting, published_meeting
from tests.oversight.factories import approved, board_user, drafted
from tests.recommendations.factories import draft, publish

MARKERS = {
    "internal": "ZZINTERNALNOTEZZ",
    "pending": "ZZPENDINGUPDATEZZ",
    "decision": "ZZDECISIONNOTEZZ",
    "closed": "ZZCLOSEDMEETINGZZ",
    "draft_meeting": "ZZDRAFTMEETINGZZ",
    "assessment": "ZZDRAFTASSESSMENTZZ",
    "staff": "ZZSTAFFNAMEZZ",
    "applicant": "ZZAPPLICANTZZ",
}


@pytest.fixture
def secrets(app):
    """Public data beside non-public rows that carry the markers."""
    rec = make_rec("R-01")
    make_rec("R-02")
    publish(
        rec, public_note="Published for everyone.", internal_note=MARKERS["internal"], progress=10
    )
    member = make_user(["member"], email="member@example.org", name=MARKERS["staff"])
    draft(rec, member, public_note=MARKERS["pending"], progress=40)
    rejected = draft(rec, member, public_note="Rejected later.", progress=50)
    reject_update(rejected, make_user(["chair"], name=MARKERS["staff"]), MARKERS["decision"])
    published_meeting(codes=["R-01"])
    closed = make_meeting(Body.WORKING_GROUP, days=20, title=MARKERS["closed"], is_public=False)
    meeting_services.publish_agenda(None, closed)
    make_meeting(Body.ADVISORY_BOARD, days=25, title=MARKERS["draft_meeting"])
    drafter = board_user(name=MARKERS["staff"], email="drafter@example.org")
    chair = board_user("board_chair", name="Chair " + MARKERS["staff"], email="bc@example.org")
    approved(rec, drafter, chair, commentary="The board's published view.")
    drafted(make_rec("R-03"), drafter, commentary=MARKERS["assessment"])
    make_application(make_intake(), name=MARKERS["applicant"], email="zzapplicant@example.net")
    db.session.commit()
    return {"closed_id": closed.id}


def test_no_marker_in_any_answer_or_file(client, secrets):
    paths = every_api_path(client, extra_meetings=[secrets["closed_id"]])
    assert len(paths) > 30
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.get_data(as_text=True)
        for kind, marker in MARKERS.items():
            assert marker not in body, f"{kind} marker in {path}"
        assert "@example" not in body, f"an email address in {path}"


def test_the_public_rows_are_there(client, secrets):
    detail = client.get("/api/v1/recommendations/R-01").get_json()["data"]
    notes = [e["public_note"] for e in detail["timeline"]]
    assert notes == ["Published for everyone.", "Recommendation added to the tracker."]
    assert detail["assessments"][0]["commentary"] == "The board's published view."
    closed = client.get(f"/api/v1/meetings/{secrets['closed_id']}").get_json()["data"]
    assert closed["closed"] is True
    shown = {k: v for k, v in closed.items() if v is not None and k != "links"}
    assert set(shown) == {"id", "body", "starts_at", "closed"}


def test_a_draft_meeting_is_not_found(client, secrets):
    listed = client.get("/api/v1/meetings?per_page=100").get_json()["data"]
    ids = {m["id"] for m in listed}
    for meeting_id in range(1, max(ids) + 3):
        if meeting_id not in ids:
            assert client.get(f"/api/v1/meetings/{meeting_id}").status_code == 404
