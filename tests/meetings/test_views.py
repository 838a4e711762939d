"""Meeting pages: staff steps through the forms, public pages, and what never goes public."""

from datetime import timedelta

from sro_board.core.clock import as_local, now_utc
from sro_board.core.extensions import db
from sro_board.meetings import services
from sro_board.meetings.enums import Body, MeetingState
from sro_board.meetings.models import Meeting
from tests.factories import login, make_rec, make_user
from tests.meetings.factories import (
    HIDDEN_NAME,
    ROSTER_NAME,
    drafted_meeting,
    held_meeting,
    make_meeting,
    published_meeting,
)
from tests.recommendations.factories import publish


def form_for(days: float, **changes) -> dict:
    """The meeting form's fields for a start `days` from now."""
    local = as_local(now_utc() + timedelta(days=days))
    return {
        "body": "working_group",
        "title": "Working group, December",
        "title_fr": "",
        "day": local.date().isoformat(),
        "time": "18:30",
        "duration_minutes": "90",
        "place": "Room 2",
        "place_fr": "",
        "online": "",
        "is_public": "y",
    } | changes


def test_a_chair_runs_a_working_group_meeting_through_the_forms(client, app):
    make_rec("R-01")
    login(client, make_user(["chair"]))
    response = client.post("/staff/meetings/new", data=form_for(3))
    assert response.status_code == 302
    meeting = db.session.scalar(db.select(Meeting))
    assert meeting.body == Body.WORKING_GROUP
    assert as_local(meeting.starts_at).strftime("%H:%M") == "18:30"
    url = f"/staff/meetings/{meeting.id}"
    client.post(f"{url}/items", data={"title": "Training", "codes": "R-01"})
    client.post(f"{url}/items", data={"title": "Other business"})
    client.post(f"{url}/items/{meeting.items[1].id}/move", data={"step": "-1"})
    db.session.expire_all()
    assert [i.title for i in meeting.items] == ["Other business", "Training"]
    page = client.post(f"{url}/publish-agenda", data={}, follow_redirects=True)
    assert "at least 7 days ahead" in page.get_data(as_text=True)
    db.session.expire_all()
    assert meeting.state == MeetingState.DRAFT
    client.post(f"{url}/publish-agenda", data={"late": "y", "late_reason": "A new date."})
    db.session.expire_all()
    assert meeting.state == MeetingState.AGENDA_PUBLISHED
    public = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "A new date." in public
    assert "R-01" in public


def test_bodies_are_kept_apart(client, app):
    board = make_meeting(Body.ADVISORY_BOARD)
    group = make_meeting(Body.WORKING_GROUP)
    login(client, make_user(["chair"]))
    assert client.get(f"/staff/meetings/{board.id}").status_code == 403
    assert client.get(f"/staff/meetings/{group.id}").status_code == 200
    listed = client.get("/staff/meetings").get_data(as_text=True)
    assert listed.count("Spring meeting") == 1
    assert (
        client.post("/staff/meetings/new", data=form_for(30, body="advisory_board")).status_code
        == 200
    )
    client.post("/logout")
    login(client, make_user(["board_chair"]))
    assert client.get(f"/staff/meetings/{board.id}").status_code == 200
    assert client.get(f"/staff/meetings/{group.id}").status_code == 403


def test_drafts_are_not_public(client, app):
    meeting = make_meeting()
    assert client.get(f"/meetings/{meeting.id}").status_code == 404
    assert "Spring meeting" not in client.get("/meetings").get_data(as_text=True)
    assert client.get(f"/meetings/{meeting.id}.ics").status_code == 404


def test_published_minutes_name_only_consenting_members(client, app):
    meeting, _later = published_meeting()
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "The board heard about training." in page
    assert "That the board ask for a training report." in page
    assert "For: 5. Against: 1. Abstaining: 0." in page
    assert ROSTER_NAME in page
    assert "1 other member" in page
    assert HIDDEN_NAME not in page
    assert "Ravi Patel" not in page  # the full name is not the consented roster name
    assert "approved at the meeting of" in page


def test_minutes_stay_private_until_published(client, app):
    meeting = drafted_meeting()
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "The board heard about training." not in page
    assert ROSTER_NAME not in page
    assert "will be posted here once they are approved" in page


def test_a_closed_meeting_shows_only_that_it_is_closed(client, app):
    meeting = make_meeting(is_public=False, title="Confidential staffing matter", days=2)
    services.publish_agenda(None, meeting)
    db.session.commit()
    for path in ("/meetings", f"/meetings/{meeting.id}"):
        page = client.get(path).get_data(as_text=True)
        assert "Closed meeting" in page
        assert "Confidential staffing matter" not in page
        assert "Room 101" not in page
        assert "Progress on training" not in page
    assert client.get(f"/meetings/{meeting.id}/pack").status_code == 404
    assert client.get(f"/meetings/{meeting.id}.ics").status_code == 404
    assert "Confidential" not in client.get("/meetings/advisory-board.ics").get_data(as_text=True)


def test_the_pack_shows_each_recommendation_with_its_latest_note(client, app):
    rec = make_rec("R-01")
    publish(rec, public_note="Training began.", progress=40)
    db.session.commit()
    meeting = held_meeting(codes=["R-01"])
    page = client.get(f"/meetings/{meeting.id}/pack").get_data(as_text=True)
    assert "Training began." in page
    assert "css/print.css" in page
    assert 'media="print"' in page


def test_the_recommendation_page_lists_its_meetings_and_decisions(client, app):
    make_rec("R-01")
    meeting, _later = published_meeting(codes=["R-01"])
    page = client.get("/recommendations/R-01").get_data(as_text=True)
    assert f"/meetings/{meeting.id}" in page
    assert "That the board ask for a training report." in page


def test_the_list_filters_by_body_and_pages(client, app):
    make_meeting(Body.WORKING_GROUP)
    held_meeting(Body.ADVISORY_BOARD)
    page = client.get("/meetings?body=working-group").get_data(as_text=True)
    assert "Working group" in page
    assert client.get("/meetings?body=nonsense&page=abc").status_code == 200


def test_bad_input_changes_nothing(client, app):
    meeting = held_meeting()
    login(client, make_user(["admin"]))
    url = f"/staff/meetings/{meeting.id}"
    assert client.post(f"{url}/approve", data={"at": "999"}).status_code == 302
    assert client.post(f"{url}/items/999/summary", data={"summary": "x"}).status_code == 404
    client.post(f"{url}/items/{meeting.items[0].id}/decisions", data={"motion": "", "outcome": "x"})
    db.session.expire_all()
    assert meeting.decisions == []
    assert client.get("/staff/meetings/999").status_code == 404


def test_every_staff_page_of_a_meeting_renders_at_each_stage(client, app):
    login(client, make_user(["admin"]))
    meeting, later = published_meeting()
    for each in (make_meeting(), held_meeting(), drafted_meeting(days_ago=3), meeting, later):
        url = f"/staff/meetings/{each.id}"
        for path in (url, f"{url}/edit", f"{url}/attendance", f"{url}/items/{each.items[0].id}"):
            assert client.get(path).status_code == 200, path


def test_an_edit_from_an_out_of_date_form_saves_nothing(client, app):
    meeting = make_meeting(Body.WORKING_GROUP)
    login(client, make_user(["chair"]))
    old = str(meeting.version)
    first = form_for(40, title="First save", version=old)
    del first["body"]  # the edit form does not show it
    assert client.post(f"/staff/meetings/{meeting.id}/edit", data=first).status_code == 302
    second = form_for(41, title="Second save", version=old)
    page = client.post(f"/staff/meetings/{meeting.id}/edit", data=second)
    assert page.status_code == 200
    assert "Someone else changed this meeting" in page.get_data(as_text=True)
    db.session.expire_all()
    assert meeting.title == "First save"
