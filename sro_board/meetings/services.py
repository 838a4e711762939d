"""A meeting's life: create, edit, publish the agenda, hold, draft, approve and publish minutes.

Each function checks the move, changes the rows, writes the audit entry and flushes; the view
commits once (core/commit.py). The tables are watched, so every commit raises the public
generation and the cached public pages clear.
"""

from datetime import timedelta
from typing import Any

from flask import current_app
from flask_babel import gettext as _

from ..audit.services import record
from ..core.clock import as_local, now_utc
from ..core.extensions import db
from .enums import TOOK_PLACE, Body, MeetingState, Outcome, move_allowed
from .errors import MeetingConflict, MeetingError
from .models import Decision, Meeting

MEETING_FIELDS = (
    "title",
    "title_fr",
    "starts_at",
    "duration_minutes",
    "place",
    "place_fr",
    "online",
    "is_public",
)


def audit(actor, meeting: Meeting, action: str, summary: str, **after: Any) -> None:
    """Record a change to a meeting in the audit log (never names or minutes' text)."""
    record(actor, f"meeting.{action}", "meeting", meeting.id, summary, after=after or None)


def check_version(meeting: Meeting, version: int | None) -> None:
    """Refuse a change made from a form opened before someone else's save."""
    if version is not None and version != meeting.version:
        raise MeetingConflict(
            _(
                "Someone else changed this meeting since you opened it. Nothing was saved;"
                " check the meeting and try again."
            )
        )


def move(actor, meeting: Meeting, new: MeetingState) -> None:
    """Move a meeting to its next state, or refuse."""
    if not move_allowed(meeting.state, new):
        raise MeetingError(
            _(
                "A meeting that is “%(old)s” cannot become “%(new)s”.",
                old=meeting.state.label,
                new=new.label,
            )
        )
    old = meeting.state
    meeting.state = new
    audit(
        actor,
        meeting,
        "state",
        f"Meeting #{meeting.id}: {old.value} -> {new.value}",
        state=new.value,
    )


def create_meeting(actor, body: Body, values: dict[str, Any]) -> Meeting:
    """Add a draft meeting."""
    meeting = Meeting(body=body, **{k: values[k] for k in MEETING_FIELDS})
    db.session.add(meeting)
    db.session.flush()
    audit(actor, meeting, "created", f"Meeting #{meeting.id} added ({body.value})", body=body.value)
    db.session.flush()
    return meeting


def note_agenda_change(meeting: Meeting) -> None:
    """After the agenda is published a change is dated publicly and calendars told."""
    if meeting.state != MeetingState.DRAFT:
        meeting.agenda_changed_at = now_utc()
    meeting.sequence += 1


def edit_meeting(actor, meeting: Meeting, values: dict[str, Any], version: int | None) -> None:
    """Change a meeting's details while its agenda is open."""
    check_version(meeting, version)
    if meeting.state not in (MeetingState.DRAFT, MeetingState.AGENDA_PUBLISHED):
        raise MeetingError(_("A meeting that has been held cannot be changed."))
    changed = [k for k in MEETING_FIELDS if getattr(meeting, k) != values[k]]
    if not changed:
        return
    if meeting.state != MeetingState.DRAFT and not values["is_public"] and meeting.is_public:
        raise MeetingError(_("A published public meeting cannot be made closed."))
    for key in changed:
        setattr(meeting, key, values[key])
    note_agenda_change(meeting)
    audit(actor, meeting, "edited", f"Meeting #{meeting.id} edited", fields=sorted(changed))
    db.session.flush()


def notice_days() -> int:
    """How many days ahead a public meeting's agenda must be published."""
    return current_app.config["MEETING_NOTICE_DAYS"]


def publish_agenda(
    actor, meeting: Meeting, late_reason: str = "", late_reason_fr: str = ""
) -> None:
    """Publish the agenda; a public meeting with less notice than required needs a reason."""
    if not meeting.items:
        raise MeetingError(_("Add at least one agenda item before publishing the agenda."))
    now = now_utc()
    late = meeting.is_public and meeting.starts_at < now + timedelta(days=notice_days())
    if late and not late_reason.strip():
        raise MeetingError(
            _(
                "Public meetings are announced at least %(days)s days ahead. To publish"
                " later, mark it as a late publication and give the reason.",
                days=notice_days(),
            )
        )
    move(actor, meeting, MeetingState.AGENDA_PUBLISHED)
    meeting.agenda_published_at = now
    meeting.late_reason = late_reason.strip() if late else ""
    meeting.late_reason_fr = late_reason_fr.strip() if late else ""
    meeting.sequence += 1
    db.session.flush()


def mark_held(actor, meeting: Meeting) -> None:
    """Record that the meeting took place (not before it started)."""
    if meeting.starts_at > now_utc():
        raise MeetingError(_("A meeting cannot be marked held before it starts."))
    move(actor, meeting, MeetingState.HELD)
    meeting.held_at = now_utc()
    db.session.flush()


def draft_minutes(actor, meeting: Meeting) -> None:
    """Mark the minutes drafted: attendance is recorded and every item has a summary."""
    if not meeting.attendance:
        raise MeetingError(_("Record the attendance before marking the minutes drafted."))
    if any(not item.summary.strip() for item in meeting.items):
        raise MeetingError(_("Write a summary for every agenda item first."))
    move(actor, meeting, MeetingState.MINUTES_DRAFTED)
    db.session.flush()


def later_meetings(meeting: Meeting) -> list[Meeting]:
    """Meetings of the same body, after this one, that took place: where minutes are approved."""
    return list(
        db.session.scalars(
            db.select(Meeting)
            .where(
                Meeting.body == meeting.body,
                Meeting.starts_at > meeting.starts_at,
                Meeting.state.in_(TOOK_PLACE),
            )
            .order_by(Meeting.starts_at)
            .limit(20)
        )
    )


def approve_minutes(actor, meeting: Meeting, at: Meeting, votes: dict[str, int | None]) -> Decision:
    """Approve the minutes by a decision recorded at a later meeting of the same body."""
    if at.body != meeting.body or at.starts_at <= meeting.starts_at or at.state not in TOOK_PLACE:
        raise MeetingError(
            _("Minutes are approved at a later meeting of the same body that has been held.")
        )
    move(actor, meeting, MeetingState.MINUTES_APPROVED)
    day = as_local(meeting.starts_at).date().isoformat()
    decision = Decision(
        meeting=at,
        motion=f"That the minutes of the meeting of {day} be approved.",
        motion_fr=f"Que le procès-verbal de la réunion du {day} soit approuvé.",
        outcome=Outcome.CARRIED,
        approves=meeting,
        **votes,
    )
    db.session.add(decision)
    db.session.flush()
    audit(
        actor,
        meeting,
        "minutes_approved",
        f"Meeting #{meeting.id} minutes approved at meeting #{at.id}",
        decision=decision.id,
        at=at.id,
    )
    db.session.flush()
    return decision


def publish_minutes(actor, meeting: Meeting) -> None:
    """Publish the approved minutes."""
    move(actor, meeting, MeetingState.PUBLISHED)
    meeting.minutes_published_at = now_utc()
    meeting.sequence += 1
    db.session.flush()
