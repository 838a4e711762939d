"""Meetings for the tests, made through the services (one per life stage)."""

from datetime import timedelta

from sro_board.board.enums import Category
from sro_board.board.models import BoardMember
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from sro_board.meetings import services
from sro_board.meetings import services_minutes as minutes
from sro_board.meetings.enums import Body, Presence
from sro_board.meetings.models import Meeting

# A board member who did not consent to the public roster: never named publicly.
HIDDEN_NAME = "Quintessa Hollowbrook"
ROSTER_NAME = "Ravi P."


def values(days: float = 30, **changes) -> dict:
    """A meeting's details, starting `days` from now."""
    return {
        "title": "Spring meeting",
        "title_fr": "Réunion du printemps",
        "starts_at": now_utc().replace(microsecond=0) + timedelta(days=days),
        "duration_minutes": 90,
        "place": "Room 101, 1 Main Street",
        "place_fr": "Salle 101, 1 rue Main",
        "online": "",
        "is_public": True,
    } | changes


def item_values(title: str = "Progress on training") -> dict:
    """An agenda item's details."""
    return {"title": title, "title_fr": "", "presenter": "Chair", "minutes_allowed": 20}


def make_meeting(body: Body = Body.ADVISORY_BOARD, days: float = 30, codes=(), **changes):
    """A draft meeting with one agenda item (linked to these recommendation codes)."""
    meeting = services.create_meeting(None, body, values(days, **changes))
    minutes.add_item(None, meeting, item_values(), list(codes))
    db.session.commit()
    return meeting


def members() -> tuple[BoardMember, BoardMember]:
    """Two board members in term: one on the public roster, one not."""
    today = now_utc().date()
    shown = BoardMember(
        category=Category.PARENT,
        full_name="Ravi Patel",
        roster_name=ROSTER_NAME,
        term_start=today - timedelta(days=400),
        term_end=today + timedelta(days=400),
    )
    hidden = BoardMember(
        category=Category.STUDENT,
        full_name=HIDDEN_NAME,
        roster_name=None,
        term_start=today - timedelta(days=400),
        term_end=today + timedelta(days=400),
    )
    db.session.add_all([shown, hidden])
    db.session.flush()
    return shown, hidden


def held_meeting(body: Body = Body.ADVISORY_BOARD, days_ago: float = 20, codes=()) -> Meeting:
    """A public meeting that was announced in time and held `days_ago` days ago."""
    with clock_set_to(now_utc() - timedelta(days=days_ago + 10)):
        meeting = make_meeting(body, days=10, codes=codes)
        services.publish_agenda(None, meeting)
    services.mark_held(None, meeting)
    db.session.commit()
    return meeting


def drafted_meeting(days_ago: float = 20, codes=()) -> Meeting:
    """A held board meeting with attendance, a summary and a decision: minutes drafted."""
    meeting = held_meeting(days_ago=days_ago, codes=codes)
    shown, hidden = members()
    minutes.record_attendance(
        None, meeting, {shown.id: Presence.PRESENT, hidden.id: Presence.PRESENT}, {}
    )
    item = meeting.items[0]
    minutes.write_summary(None, item, "The board heard about training.", "")
    minutes.add_decision(
        None,
        item,
        {
            "motion": "That the board ask for a training report.",
            "motion_fr": "",
            "outcome": "carried",
            "votes_for": 5,
            "votes_against": 1,
            "votes_abstaining": 0,
        },
    )
    services.draft_minutes(None, meeting)
    db.session.commit()
    return meeting


def published_meeting(codes=()) -> tuple[Meeting, Meeting]:
    """A meeting whose minutes were approved at a later meeting and published; and that one."""
    meeting = drafted_meeting(days_ago=40, codes=codes)
    later = held_meeting(days_ago=5)
    services.approve_minutes(
        None, meeting, later, {"votes_for": 6, "votes_against": 0, "votes_abstaining": 0}
    )
    services.publish_minutes(None, meeting)
    db.session.commit()
    return meeting, later
