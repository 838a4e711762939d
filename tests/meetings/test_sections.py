"""The meetings' sections on lower packages' pages: the board home and a recommendation."""

from flask import render_template_string

from sro_board.core.extensions import db
from sro_board.core.sections import sections_for
from sro_board.meetings import services
from sro_board.meetings import services_minutes as minutes
from tests.factories import make_user
from tests.meetings.factories import held_meeting, make_meeting, members
from tests.oversight.factories import give_term

PAGE = (
    '{% for section in sections("board.home", user=user) %}'
    "{% include section.template %}{% endfor %}"
)


def test_the_board_home_shows_upcoming_meetings_and_ones_own_action_items(app):
    user, other = make_user(["board_member"]), make_user(["member"], email="other@example.org")
    coming = make_meeting(days=20)
    services.publish_agenda(None, coming)
    make_meeting(days=25, title="Still a draft")
    held = held_meeting()
    base = {
        "description_fr": "",
        "owner_board_member_id": None,
        "due_date": None,
        "recommendation_id": None,
    }
    minutes.add_action(None, held, base | {"description": "Mine to do", "owner_user_id": user.id})
    minutes.add_action(None, held, base | {"description": "Not mine", "owner_user_id": other.id})
    db.session.commit()
    with app.test_request_context():
        values = sections_for("board.home", user=user)[-1].values
        html = render_template_string(PAGE, user=user)
    assert values["meetings"] == [coming]
    assert [a.description for a in values["actions"]] == ["Mine to do"]
    assert f"/meetings/{coming.id}/pack" in html
    assert "Mine to do" in html
    assert "Not mine" not in html
    assert "Still a draft" not in html


def test_the_board_home_shows_action_items_given_to_ones_seat_on_the_board(app):
    user = make_user(["board_member"])
    seat = give_term(user)
    other_seat = members()[0]
    held = held_meeting()
    base = {"description_fr": "", "owner_user_id": None, "due_date": None}
    for description, owner in (("For my seat", seat.id), ("For another seat", other_seat.id)):
        minutes.add_action(
            None,
            held,
            base
            | {
                "description": description,
                "owner_board_member_id": owner,
                "recommendation_id": None,
            },
        )
    db.session.commit()
    with app.test_request_context():
        values = sections_for("board.home", user=user)[-1].values
    assert [a.description for a in values["actions"]] == ["For my seat"]
