"""iCalendar (RFC 5545) for public meetings: a feed per body and one file per meeting.

Written by the `icalendar` library: a VTIMEZONE for the service's zone, times in that zone
with their TZID, a stable UID per meeting, and a SEQUENCE raised whenever the meeting changes
in a way a subscribed calendar should pick up. Closed and draft meetings are never in them.
"""

from datetime import datetime, timedelta
from urllib.parse import urlsplit

import icalendar
from flask import current_app
from flask_babel import gettext as _

from ..core.clock import as_local, now_utc
from ..core.urls import public_url
from .models import Meeting

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//sro-board//Meetings//EN"


def uid(meeting: Meeting) -> str:
    """The meeting's UID: the same in every download and feed, for as long as it exists."""
    host = urlsplit(current_app.config["PUBLIC_BASE_URL"]).hostname or "sro-board"
    return f"meeting-{meeting.id}@{host}"


def event(meeting: Meeting, stamp: datetime) -> icalendar.Event:
    """One VEVENT for a public meeting, in the language of the request."""
    item = icalendar.Event()
    item.add("uid", uid(meeting))
    item.add("dtstamp", stamp)
    item.add("sequence", meeting.sequence)
    item.add("dtstart", as_local(meeting.starts_at))
    item.add("dtend", as_local(meeting.ends_at))
    item.add("summary", f"{meeting.body.label}: {meeting.public('title')}")
    where = [meeting.public("place"), meeting.online]
    if any(where):
        item.add("location", " — ".join(part for part in where if part))
    agenda = [f"{n}. {i.public('title')}" for n, i in enumerate(meeting.items, start=1)]
    item.add("description", "\n".join([_("Agenda:"), *agenda]) if agenda else "")
    item.add("url", public_url("meetings.public_detail", meeting_id=meeting.id))
    item.add("status", "CONFIRMED")
    item.add("class", "PUBLIC")
    return item


def calendar(meetings: list[Meeting], name: str) -> bytes:
    """A calendar of these meetings, with the VTIMEZONE their times refer to."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = now_utc()
    for meeting in meetings:
        cal.add_component(event(meeting, stamp))
    if meetings:
        first = min(as_local(m.starts_at) for m in meetings)
        last = max(as_local(m.ends_at) for m in meetings)
        cal.add_missing_timezones(
            first_date=first.date() - timedelta(days=366),
            last_date=last.date() + timedelta(days=366),
        )
    return cal.to_ical()
