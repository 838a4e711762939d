"""A meeting's life through the services: each move, each refusal, each audit entry."""

from datetime import timedelta

import pytest

from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from sro_board.meetings import services
from sro_board.meetings import services_minutes as minutes
from sro_board.meetings.enums import TRANSITIONS, ActionStatus, Body, MeetingState, Outcome
from sro_board.meetings.errors import MeetingConflict, MeetingError
from sro_board.meetings.models import Decision
from tests.factories import audit_actions, make_rec, make_user
from tests.meetings.factories import (
    drafted_meeting,
    held_meeting,
    item_values,
    make_meeting,
    published_meeting,
    values,
)


def test_each_state_moves_only_forward_one_step():
    order = list(MeetingState)
    for state, allowed in TRANSITIONS.items():
        following = order[order.index(state) + 1 : order.index(state) + 2]
        assert allowed == frozenset(following)


def test_publishing_with_enough_notice(app):
    meeting = make_meeting(days=8)
    services.publish_agenda(None, meeting)
    assert meeting.state == MeetingState.AGENDA_PUBLISHED
    assert meeting.agenda_published_at is not None
    assert meeting.late_reason == ""
    assert "meeting.state" in audit_actions()


def test_publishing_late_is_refused_without_a_reason(app):
    meeting = make_meeting(days=3)
    with pytest.raises(MeetingError, match="at least 7 days ahead"):
        services.publish_agenda(None, meeting)
    assert meeting.state == MeetingState.DRAFT


def test_publishing_late_with_a_reason_is_shown_as_late(app):
    meeting = make_meeting(days=3)
    services.publish_agenda(None, meeting, "The room changed.", "La salle a changé.")
    assert meeting.state == MeetingState.AGENDA_PUBLISHED
    assert meeting.late_reason == "The room changed."


def test_the_notice_is_configurable(app):
    app.config["MEETING_NOTICE_DAYS"] = 2
    meeting = make_meeting(days=3)
    services.publish_agenda(None, meeting)
    assert meeting.late_reason == ""


def test_a_closed_meeting_needs_no_notice(app):
    meeting = make_meeting(days=1, is_public=False)
    services.publish_agenda(None, meeting)
    assert meeting.state == MeetingState.AGENDA_PUBLISHED


def test_an_empty_agenda_is_not_published(app):
    meeting = services.create_meeting(None, Body.WORKING_GROUP, values(30))
    with pytest.raises(MeetingError, match="at least one agenda item"):
        services.publish_agenda(None, meeting)


def test_a_change_after_publishing_is_dated_and_raises_the_sequence(app):
    meeting = make_meeting(days=30)
    minutes.add_item(None, meeting, item_values("Second"), [])
    assert meeting.agenda_changed_at is None  # still a draft
    services.publish_agenda(None, meeting)
    sequence = meeting.sequence
    minutes.add_item(None, meeting, item_values("Third"), [])
    assert meeting.agenda_changed_at is not None
    assert meeting.sequence == sequence + 1


def test_items_move_up_and_down(app):
    meeting = make_meeting()
    second = minutes.add_item(None, meeting, item_values("Second"), [])
    minutes.move_item(None, second, -1)
    assert [i.title for i in meeting.items] == ["Second", "Progress on training"]
    with pytest.raises(MeetingError):
        minutes.move_item(None, second, -1)


def test_items_link_recommendations_by_code(app):
    make_rec("R-01")
    meeting = make_meeting()
    minutes.edit_item(None, meeting.items[0], item_values(), [" r-01 "])
    assert [r.code for r in meeting.items[0].recommendations] == ["R-01"]
    with pytest.raises(MeetingError, match="R-99"):
        minutes.edit_item(None, meeting.items[0], item_values(), ["R-01", "R-99"])


def test_an_edit_from_an_old_form_is_a_conflict(app):
    meeting = make_meeting()
    old = meeting.version
    services.edit_meeting(None, meeting, values(31), old)
    db.session.commit()
    with pytest.raises(MeetingConflict):
        services.edit_meeting(None, meeting, values(32), old)


def test_a_meeting_is_not_held_before_it_starts(app):
    meeting = make_meeting(days=10)
    services.publish_agenda(None, meeting)
    with pytest.raises(MeetingError, match="before it starts"):
        services.mark_held(None, meeting)


def test_a_draft_cannot_be_held_or_published(app):
    meeting = make_meeting(days=-1)
    with pytest.raises(MeetingError):
        services.mark_held(None, meeting)
    with pytest.raises(MeetingError):
        services.publish_minutes(None, meeting)


def test_the_agenda_closes_when_the_meeting_is_held(app):
    meeting = held_meeting()
    with pytest.raises(MeetingError, match="held"):
        minutes.add_item(None, meeting, item_values(), [])
    with pytest.raises(MeetingError):
        services.edit_meeting(None, meeting, values(-20), None)


def test_minutes_need_attendance_and_summaries(app):
    meeting = held_meeting()
    with pytest.raises(MeetingError, match="attendance"):
        services.draft_minutes(None, meeting)


def test_minutes_are_not_written_before_the_meeting(app):
    meeting = make_meeting()
    with pytest.raises(MeetingError, match="after the meeting is held"):
        minutes.write_summary(None, meeting.items[0], "Too early.", "")


def test_approval_is_a_decision_at_a_later_meeting(app):
    meeting = drafted_meeting(days_ago=40)
    later = held_meeting(days_ago=5)
    decision = services.approve_minutes(None, meeting, later, {"votes_for": 5})
    assert meeting.state == MeetingState.MINUTES_APPROVED
    assert decision.meeting is later
    assert decision.approves is meeting
    assert decision.outcome == Outcome.CARRIED
    assert decision.votes_for == 5
    assert "meeting.minutes_approved" in audit_actions()


def test_approval_at_an_earlier_or_other_body_or_unheld_meeting_is_refused(app):
    meeting = drafted_meeting(days_ago=10)
    earlier = held_meeting(days_ago=30)
    other_body = held_meeting(Body.WORKING_GROUP, days_ago=2)
    upcoming = make_meeting(days=20)
    for at in (earlier, other_body, upcoming, meeting):
        with pytest.raises(MeetingError, match="later meeting"):
            services.approve_minutes(None, meeting, at, {})
    assert meeting.state == MeetingState.MINUTES_DRAFTED
    assert db.session.scalar(db.select(db.func.count()).select_from(Decision)) == 1


def test_published_minutes_are_locked(app):
    meeting, _later = published_meeting()
    assert meeting.state == MeetingState.PUBLISHED
    assert meeting.minutes_published_at
    with pytest.raises(MeetingError):
        minutes.write_summary(None, meeting.items[0], "Rewritten.", "")
    with pytest.raises(MeetingError):
        services.publish_minutes(None, meeting)


def test_action_items_have_one_owner_and_a_status(app):
    meeting = held_meeting()
    base = {
        "description": "Send the report.",
        "description_fr": "",
        "due_date": None,
        "recommendation_id": None,
    }
    with pytest.raises(MeetingError, match="one owner"):
        minutes.add_action(
            None, meeting, base | {"owner_board_member_id": None, "owner_user_id": None}
        )
    user = make_user(["member"])
    action = minutes.add_action(
        None, meeting, base | {"owner_board_member_id": None, "owner_user_id": user.id}
    )
    minutes.set_action_status(None, action, ActionStatus.DONE)
    assert action.status == ActionStatus.DONE
    assert "meeting.action_status" in audit_actions()


def test_the_clock_decides_lateness(app):
    meeting = make_meeting(days=10)
    with clock_set_to(now_utc() + timedelta(days=4)), pytest.raises(MeetingError):
        services.publish_agenda(None, meeting)
