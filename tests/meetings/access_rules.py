"""Who may use each meetings endpoint (merged into the route x role matrix by routes.py).

The staff rows use working-group meetings: the record-level rule lets its chair and admin in,
and refuses the board chair (403), who runs the advisory board's meetings instead.
"""

from sro_board.core.extensions import db
from sro_board.meetings import services, services_minutes
from sro_board.meetings.enums import Body
from tests.meetings.factories import held_meeting, make_meeting
from tests.security.access import EVERYONE, Access

MANAGERS = frozenset({"admin", "chair", "board_chair"})
GROUP_MANAGERS = frozenset({"admin", "chair"})


def a_draft(users: dict) -> dict:
    """A working group's draft meeting with two agenda items."""
    meeting = make_meeting(Body.WORKING_GROUP, days=30)
    second = services_minutes.add_item(
        None,
        meeting,
        {"title": "Second", "title_fr": "", "presenter": "", "minutes_allowed": None},
        [],
    )
    db.session.commit()
    return {"meeting_id": meeting.id, "item_id": second.id}


def a_held_meeting(users: dict) -> dict:
    """A working group's meeting, held, with an action item owned by a staff member."""
    meeting = held_meeting(Body.WORKING_GROUP)
    action = services_minutes.add_action(
        None,
        meeting,
        {
            "description": "Send the report.",
            "description_fr": "",
            "owner_board_member_id": None,
            "owner_user_id": users["admin"].id,
            "due_date": None,
            "recommendation_id": None,
        },
    )
    db.session.commit()
    return {"meeting_id": meeting.id, "item_id": meeting.items[0].id, "action_id": action.id}


def an_announced_meeting(users: dict) -> dict:
    """A public board meeting whose agenda is published."""
    meeting = make_meeting(Body.ADVISORY_BOARD, days=30)
    services.publish_agenda(None, meeting)
    db.session.commit()
    return {"meeting_id": meeting.id}


MEETING_FORM = {
    "body": "working_group",
    "title": "Working group, December",
    "day": "2099-12-01",
    "time": "18:30",
    "duration_minutes": "90",
    "is_public": "y",
}
STAFF = "/staff/meetings/{meeting_id}"

MEETINGS_ACCESS: dict[str, Access] = {
    "meetings.public_list": Access("/meetings", EVERYONE),
    "meetings.public_detail": Access(
        "/meetings/{meeting_id}", EVERYONE, setup=an_announced_meeting
    ),
    "meetings.pack": Access("/meetings/{meeting_id}/pack", EVERYONE, setup=an_announced_meeting),
    "meetings.feed": Access("/meetings/advisory-board.ics", EVERYONE),
    "meetings.meeting_ics": Access(
        "/meetings/{meeting_id}.ics", EVERYONE, setup=an_announced_meeting
    ),
    "meetings.staff_list": Access("/staff/meetings", MANAGERS),
    "meetings.new": Access("/staff/meetings/new", MANAGERS),
    "meetings.new POST": Access("/staff/meetings/new", MANAGERS, method="POST", data=MEETING_FORM),
    "meetings.staff_detail": Access(STAFF, GROUP_MANAGERS, setup=a_draft),
    "meetings.edit": Access(f"{STAFF}/edit", GROUP_MANAGERS, setup=a_draft),
    "meetings.edit POST": Access(
        f"{STAFF}/edit", GROUP_MANAGERS, method="POST", data=MEETING_FORM, setup=a_draft
    ),
    "meetings.add_item": Access(
        f"{STAFF}/items", GROUP_MANAGERS, method="POST", data={"title": "More"}, setup=a_draft
    ),
    "meetings.edit_item": Access(f"{STAFF}/items/{{item_id}}", GROUP_MANAGERS, setup=a_draft),
    "meetings.edit_item POST": Access(
        f"{STAFF}/items/{{item_id}}",
        GROUP_MANAGERS,
        method="POST",
        data={"title": "Renamed", "codes": ""},
        setup=a_draft,
    ),
    "meetings.move_item": Access(
        f"{STAFF}/items/{{item_id}}/move",
        GROUP_MANAGERS,
        method="POST",
        data={"step": "-1"},
        setup=a_draft,
    ),
    "meetings.publish_agenda": Access(
        f"{STAFF}/publish-agenda", GROUP_MANAGERS, method="POST", setup=a_draft
    ),
    "meetings.mark_held": Access(f"{STAFF}/held", GROUP_MANAGERS, method="POST", setup=a_draft),
    "meetings.attendance": Access(f"{STAFF}/attendance", GROUP_MANAGERS, setup=a_held_meeting),
    "meetings.attendance POST": Access(
        f"{STAFF}/attendance", GROUP_MANAGERS, method="POST", setup=a_held_meeting
    ),
    "meetings.summary": Access(
        f"{STAFF}/items/{{item_id}}/summary",
        GROUP_MANAGERS,
        method="POST",
        data={"summary": "We talked."},
        setup=a_held_meeting,
    ),
    "meetings.add_decision": Access(
        f"{STAFF}/items/{{item_id}}/decisions",
        GROUP_MANAGERS,
        method="POST",
        data={"motion": "That we act.", "outcome": "carried", "votes_for": "4"},
        setup=a_held_meeting,
    ),
    "meetings.add_action": Access(
        f"{STAFF}/actions",
        GROUP_MANAGERS,
        method="POST",
        data={"description": "Write it.", "owner": ""},
        setup=a_held_meeting,
    ),
    "meetings.action_status": Access(
        f"{STAFF}/actions/{{action_id}}",
        GROUP_MANAGERS,
        method="POST",
        data={"status": "done"},
        setup=a_held_meeting,
    ),
    "meetings.minutes_drafted": Access(
        f"{STAFF}/minutes-drafted", GROUP_MANAGERS, method="POST", setup=a_held_meeting
    ),
    "meetings.approve": Access(
        f"{STAFF}/approve", GROUP_MANAGERS, method="POST", data={"at": "1"}, setup=a_held_meeting
    ),
    "meetings.publish": Access(f"{STAFF}/publish", GROUP_MANAGERS, method="POST", setup=a_draft),
}
