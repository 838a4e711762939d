"""The iCalendar feed and files: valid RFC 5545 read by two parsers, times across DST."""

from datetime import UTC, datetime, timedelta

import icalendar
from ical.calendar_stream import IcsCalendarStream

from sro_board.core.clock import local_zone, today_local
from sro_board.core.extensions import db
from sro_board.meetings import services
from sro_board.meetings import services_minutes as minutes
from sro_board.meetings.enums import Body
from tests.meetings.factories import item_values, make_meeting, values


def announced(year: int, month: int, title: str, body: Body = Body.ADVISORY_BOARD):
    """A public meeting at 18:30 Edmonton time on the 15th of a month, agenda published."""
    starts = datetime(year, month, 15, 18, 30, tzinfo=local_zone()).astimezone(UTC)
    meeting = services.create_meeting(None, body, values(title=title) | {"starts_at": starts})
    minutes.add_item(None, meeting, item_values("Budget"), [])
    services.publish_agenda(None, meeting)
    db.session.commit()
    return meeting


def test_the_feed_is_valid_and_keeps_local_times_across_dst(client, app):
    year = today_local().year + 1
    winter = announced(year, 1, "Winter meeting")
    summer = announced(year, 7, "Summer meeting")
    make_meeting(Body.ADVISORY_BOARD, is_public=False, title="Closed one")  # draft, closed
    response = client.get("/meetings/advisory-board.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.get_data(as_text=True)
    assert "Closed one" not in text

    cal = icalendar.Calendar.from_ical(text)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["America/Edmonton"]
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"Advisory board: Winter meeting", "Advisory board: Summer meeting"}
    for meeting, offset in ((winter, -7), (summer, -6)):
        event = events[f"Advisory board: {meeting.title}"]
        start = event.decoded("DTSTART")
        assert start.utcoffset() == timedelta(hours=offset)
        assert (start.hour, start.minute) == (18, 30)
        assert start == meeting.starts_at
        assert event.decoded("DTEND") - start == timedelta(minutes=90)
        assert str(event["UID"]).startswith(f"meeting-{meeting.id}@")
        assert "DTSTAMP" in event
        assert event["DTSTART"].params["TZID"] == "America/Edmonton"

    second = IcsCalendarStream.calendar_from_ics(text)
    parsed = {e.summary: e for e in second.events}
    assert parsed["Advisory board: Winter meeting"].dtstart == winter.starts_at
    assert parsed["Advisory board: Summer meeting"].dtstart == summer.starts_at
    assert parsed["Advisory board: Summer meeting"].dtstart.utcoffset() == timedelta(hours=-6)
    assert {tz.tz_id for tz in second.timezones} == {"America/Edmonton"}


def test_a_change_raises_the_sequence_and_keeps_the_uid(client, app):
    meeting = announced(today_local().year + 1, 3, "Spring")
    before = icalendar.Calendar.from_ical(client.get(f"/meetings/{meeting.id}.ics").data)
    minutes.add_item(None, meeting, item_values("Added later"), [])
    db.session.commit()
    response = client.get(f"/meetings/{meeting.id}.ics")
    assert "attachment" in response.headers["Content-Disposition"]
    after = icalendar.Calendar.from_ical(response.data)
    old, new = before.walk("VEVENT")[0], after.walk("VEVENT")[0]
    assert new["UID"] == old["UID"]
    assert int(new["SEQUENCE"]) > int(old["SEQUENCE"])
    assert "Added later" in str(new["DESCRIPTION"])
    IcsCalendarStream.calendar_from_ics(response.get_data(as_text=True))


def test_the_french_feed_has_the_french_titles(client, app):
    announced(today_local().year + 1, 5, "Spring meeting")
    text = client.get("/fr/meetings/advisory-board.ics").get_data(as_text=True)
    assert "Réunion du printemps" in icalendar.Calendar.from_ical(text).walk("VEVENT")[0]["SUMMARY"]


def test_an_unknown_body_is_not_found(client, app):
    assert client.get("/meetings/nobody.ics").status_code == 404
