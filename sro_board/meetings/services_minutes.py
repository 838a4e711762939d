"""A meeting's agenda items and minutes: items, their order and links, attendance,
summaries, decisions and action items."""

from typing import Any

from flask_babel import gettext as _

from ..core.extensions import db
from ..recommendations.models import Recommendation
from .enums import AGENDA_OPEN, MINUTES_OPEN, ActionStatus, Outcome, Presence
from .errors import MeetingError
from .models import ActionItem, AgendaItem, Attendance, Decision, Meeting
from .services import audit, note_agenda_change

ITEM_FIELDS = ("title", "title_fr", "presenter", "minutes_allowed")


def agenda_open(meeting: Meeting) -> None:
    """Refuse agenda changes once the meeting was held."""
    if meeting.state not in AGENDA_OPEN:
        raise MeetingError(_("The agenda of a meeting that has been held cannot be changed."))


def minutes_open(meeting: Meeting) -> None:
    """Refuse minutes' changes before the meeting is held or after they are approved."""
    if meeting.state not in MINUTES_OPEN:
        raise MeetingError(
            _("Minutes can be written only after the meeting is held and until they are approved.")
        )


def recommendations_by_code(codes: list[str]) -> list[Recommendation]:
    """The recommendations with these codes, or a refusal naming the unknown ones."""
    wanted = sorted({c.strip().upper() for c in codes if c.strip()})
    if not wanted:
        return []
    found = list(
        db.session.scalars(db.select(Recommendation).where(Recommendation.code.in_(wanted)))
    )
    unknown = sorted(set(wanted) - {r.code for r in found})
    if unknown:
        raise MeetingError(_("No recommendation has the code %(codes)s.", codes=", ".join(unknown)))
    return found


def add_item(actor, meeting: Meeting, values: dict[str, Any], codes: list[str]) -> AgendaItem:
    """Add an item at the end of the agenda."""
    agenda_open(meeting)
    item = AgendaItem(
        position=len(meeting.items) + 1,
        recommendations=recommendations_by_code(codes),
        **{k: values[k] for k in ITEM_FIELDS},
    )
    meeting.items.append(item)
    note_agenda_change(meeting)
    db.session.flush()
    audit(actor, meeting, "item_added", f"Meeting #{meeting.id}: agenda item #{item.id} added")
    return item


def edit_item(actor, item: AgendaItem, values: dict[str, Any], codes: list[str]) -> None:
    """Change an item's title, presenter, time or linked recommendations."""
    meeting = item.meeting
    agenda_open(meeting)
    item.recommendations = recommendations_by_code(codes)
    for key in ITEM_FIELDS:
        setattr(item, key, values[key])
    note_agenda_change(meeting)
    audit(actor, meeting, "item_edited", f"Meeting #{meeting.id}: agenda item #{item.id} edited")
    db.session.flush()


def move_item(actor, item: AgendaItem, step: int) -> None:
    """Move an item one place up (-1) or down (+1)."""
    meeting = item.meeting
    agenda_open(meeting)
    items = list(meeting.items)
    index = items.index(item)
    other = index + step
    if step not in (-1, 1) or not 0 <= other < len(items):
        raise MeetingError(_("That item cannot move further."))
    items[index], items[other] = items[other], items[index]
    for position, each in enumerate(items, start=1):
        each.position = position
    meeting.items[:] = items  # the loaded list in the new order too
    note_agenda_change(meeting)
    audit(actor, meeting, "item_moved", f"Meeting #{meeting.id}: agenda item #{item.id} moved")
    db.session.flush()


def record_attendance(
    actor, meeting: Meeting, members: dict[int, Presence], users: dict[int, Presence]
) -> None:
    """Replace the meeting's attendance with these board members and staff users."""
    minutes_open(meeting)
    meeting.attendance.clear()
    db.session.flush()
    for member_id, presence in sorted(members.items()):
        meeting.attendance.append(Attendance(board_member_id=member_id, presence=presence))
    for user_id, presence in sorted(users.items()):
        meeting.attendance.append(Attendance(user_id=user_id, presence=presence))
    counts = {p.value: 0 for p in Presence}
    for presence in (*members.values(), *users.values()):
        counts[presence.value] += 1
    audit(actor, meeting, "attendance", f"Meeting #{meeting.id}: attendance recorded", **counts)
    db.session.flush()


def write_summary(actor, item: AgendaItem, summary: str, summary_fr: str) -> None:
    """Write an item's minutes."""
    minutes_open(item.meeting)
    item.summary, item.summary_fr = summary.strip(), summary_fr.strip()
    audit(actor, item.meeting, "summary", f"Meeting #{item.meeting_id}: minutes of item #{item.id}")
    db.session.flush()


def add_decision(actor, item: AgendaItem, values: dict[str, Any]) -> Decision:
    """Record a motion on an item, its outcome and any votes."""
    minutes_open(item.meeting)
    decision = Decision(
        meeting=item.meeting,
        item=item,
        outcome=Outcome(values["outcome"]),
        **{
            k: values[k]
            for k in ("motion", "motion_fr", "votes_for", "votes_against", "votes_abstaining")
        },
    )
    db.session.add(decision)
    db.session.flush()
    audit(
        actor,
        item.meeting,
        "decision",
        f"Meeting #{item.meeting_id}: decision #{decision.id} ({decision.outcome.value})",
        outcome=decision.outcome.value,
    )
    return decision


def add_action(actor, meeting: Meeting, values: dict[str, Any]) -> ActionItem:
    """Record an action item with its owner, due date and recommendation."""
    minutes_open(meeting)
    if (values["owner_board_member_id"] is None) == (values["owner_user_id"] is None):
        raise MeetingError(_("Choose one owner: a board member or a staff member."))
    action = ActionItem(**values)
    meeting.actions.append(action)
    db.session.flush()
    audit(actor, meeting, "action_added", f"Meeting #{meeting.id}: action item #{action.id}")
    return action


def set_action_status(actor, action: ActionItem, status: ActionStatus) -> None:
    """Mark an action item open, done or dropped."""
    if action.status == status:
        return
    old = action.status
    action.status = status
    audit(
        actor,
        action.meeting,
        "action_status",
        f"Action item #{action.id}: {old.value} -> {status.value}",
        action_item=action.id,
        status=status.value,
    )
    db.session.flush()
