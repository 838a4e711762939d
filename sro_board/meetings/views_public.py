"""Public meeting pages: the list, a meeting, its printable pack, and iCalendar files.

What the public sees of a closed meeting: its body, date and time, and that it is closed;
never its title, place, agenda, attendance or minutes (they may name people or matters
discussed in confidence). Draft meetings are not public at all.
"""

from flask import Response, abort, render_template, request
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from ..core.clock import now_utc, today_local
from ..core.extensions import db
from ..core.pagecache import public_page
from ..recommendations.schedule import schedule_state
from .blueprint import bp
from .enums import BODY_SLUGS, SLUG_OF, MeetingState
from .ical import CONTENT_TYPE, calendar
from .models import Decision, Meeting
from .queries import (
    latest_notes,
    past,
    public_attendance,
    public_meeting,
    public_meetings,
    upcoming,
)


def shown(meeting_id: int) -> Meeting:
    """A meeting the public may see, or 404."""
    meeting = public_meeting(meeting_id)
    if meeting is None:
        abort(404)
    return meeting


@bp.get("/meetings")
@public_page()
def public_list():
    """Upcoming and past meetings, of one body or both."""
    slug = request.args.get("body", "")
    body = BODY_SLUGS.get(slug)
    return render_template(
        "meetings/public/list.html",
        body=body,
        slug=slug if body else "",
        slugs=SLUG_OF,
        upcoming=upcoming(body),
        page=past(body),
        now=now_utc(),
    )


@bp.get("/meetings/<int:meeting_id>")
@public_page()
def public_detail(meeting_id: int):
    """A meeting: its agenda; its minutes, decisions and attendance once published."""
    meeting = shown(meeting_id)
    published = meeting.state == MeetingState.PUBLISHED and meeting.is_public
    return render_template(
        "meetings/public/detail.html",
        meeting=meeting,
        published=published,
        attendance=public_attendance(meeting.attendance) if published else None,
        approvals=approvals(meeting),
        slugs=SLUG_OF,
    )


def approvals(meeting: Meeting) -> list[Decision]:
    """The decisions that approved this meeting's minutes (at a later meeting)."""
    return list(
        db.session.scalars(db.select(Decision).where(Decision.approves_meeting_id == meeting.id))
    )


@bp.get("/meetings/<int:meeting_id>/pack")
@public_page()
def pack(meeting_id: int):
    """A printable pack: the agenda and each linked recommendation's status and latest note."""
    meeting = shown(meeting_id)
    if not meeting.is_public:
        abort(404)
    recs = {r.id: r for item in meeting.items for r in item.recommendations}
    today = today_local()
    return render_template(
        "meetings/public/pack.html",
        meeting=meeting,
        notes=latest_notes(set(recs)),
        schedule={
            r.id: schedule_state(r.status, r.target_date, r.progress, today) for r in recs.values()
        },
    )


@bp.get("/meetings/<any('advisory-board', 'working-group'):slug>.ics")
@public_page()
def feed(slug: str):
    """The iCalendar feed of a body's public meetings (the latest 200, to come and past)."""
    body = BODY_SLUGS[slug]
    meetings = list(
        db.session.scalars(
            public_meetings(body)
            .where(Meeting.is_public.is_(True))
            .options(selectinload(Meeting.items))
            .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
            .limit(200)
        )
    )
    name = _("%(body)s meetings", body=body.label)
    return Response(calendar(meetings, name), headers={"Content-Type": CONTENT_TYPE})


@bp.get("/meetings/<int:meeting_id>.ics")
@public_page()
def meeting_ics(meeting_id: int):
    """One public meeting as an iCalendar file."""
    meeting = shown(meeting_id)
    if not meeting.is_public:
        abort(404)
    return Response(
        calendar([meeting], meeting.public("title")),
        headers={
            "Content-Type": CONTENT_TYPE,
            "Content-Disposition": f'attachment; filename="meeting-{meeting.id}.ics"',
        },
    )
