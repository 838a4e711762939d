"""The board chair approves an assessment citing the motion the board carried at a meeting; the
public page says the board voted on it, and never shows a closed meeting's detail."""

import pytest
import sqlalchemy as sa
from flask import g

from sro_board.core.extensions import db
from sro_board.meetings import services_minutes as minutes
from sro_board.meetings.enums import Body
from sro_board.oversight.enums import AssessmentState
from sro_board.oversight.errors import AssessmentError
from sro_board.oversight.services import approve
from tests.factories import login, make_rec
from tests.meetings.factories import held_meeting
from tests.migration_runs import drop_everything, on_postgresql, on_sqlite, postgresql_only
from tests.oversight.factories import board_user, submitted
from tests.pages import text

MOTION = "That the board agree its assessment of R-01."


@pytest.fixture
def board(app):
    member = board_user(email="drafter@example.org", name="Drafting Member")
    chair = board_user("board_member", "board_chair", email="chair.b@example.org", name="B Chair")
    return {"member": member, "chair": chair, "rec": make_rec("R-01")}


def decision(body=Body.ADVISORY_BOARD, outcome="carried", is_public=True):
    """A motion with this outcome at a meeting of this body held 20 days ago."""
    meeting = held_meeting(body)
    if not is_public:
        db.session.execute(
            sa.update(type(meeting)).where(type(meeting).id == meeting.id).values(is_public=False)
        )
        db.session.expire_all()
    values = {"motion": MOTION, "motion_fr": "", "outcome": outcome}
    values |= {"votes_for": 6, "votes_against": 1, "votes_abstaining": 0}
    made = minutes.add_decision(None, meeting.items[0], values)
    db.session.commit()
    return made


def test_an_approval_cites_a_carried_motion_and_the_public_page_says_so(app, board):
    carried = decision()
    item = submitted(board["rec"], board["member"])
    approve(board["chair"], item, item.version, carried.id)
    db.session.commit()
    assert item.decision_id == carried.id
    public = text(app.test_client().get("/recommendations/R-01"))
    assert "Agreed by a vote of the board at its" in public
    assert f'href="/meetings/{carried.meeting_id}"' in public


@pytest.mark.parametrize(
    "kind",
    ["defeated", "working group", "approving minutes", "no such decision"],
)
def test_only_a_motion_the_board_carried_can_be_cited(app, board, kind):
    if kind == "defeated":
        cited = decision(outcome="defeated").id
    elif kind == "working group":
        cited = decision(Body.WORKING_GROUP).id
    elif kind == "approving minutes":
        cited = decision().id  # made to look like the approval of its own meeting's minutes
        db.session.execute(sa.text("UPDATE meeting_decision SET approves_meeting_id = meeting_id"))
        db.session.commit()
    else:
        cited = 999_999
    item = submitted(board["rec"], board["member"])
    with pytest.raises(AssessmentError, match="carried"):
        approve(board["chair"], item, item.version, cited)
    db.session.rollback()
    db.session.expire_all()
    assert item.state is AssessmentState.SUBMITTED
    assert item.decision_id is None


def test_a_closed_meetings_vote_is_said_without_its_detail(app, board):
    carried = decision(is_public=False)
    item = submitted(board["rec"], board["member"])
    approve(board["chair"], item, item.version, carried.id)
    db.session.commit()
    public = text(app.test_client().get("/recommendations/R-01"))
    assert "Agreed by a vote of the board at a closed meeting on" in public
    assert f"/meetings/{carried.meeting_id}" not in public
    assert MOTION not in public


def test_the_chair_chooses_the_motion_on_the_approval_form(app, board, client):
    carried = decision()
    decision(outcome="defeated")
    item = submitted(board["rec"], board["member"])
    g.pop("_login_user", None)
    login(client, board["chair"])
    page = text(client.get(f"/board/assessments/{item.id}"))
    assert page.count(MOTION) == 1  # the carried one is offered, the defeated one is not
    bad = client.post(
        f"/board/assessments/{item.id}/approve", data={"version": item.version, "decision": "x"}
    )
    assert bad.status_code == 302
    db.session.expire_all()
    assert item.state is AssessmentState.SUBMITTED
    client.post(
        f"/board/assessments/{item.id}/approve",
        data={"version": item.version, "decision": str(carried.id)},
    )
    db.session.expire_all()
    assert (item.state, item.decision_id) == (AssessmentState.APPROVED, carried.id)
    assert MOTION in text(client.get(f"/board/assessments/{item.id}"))


def round_trip(app) -> None:
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything()
    for target in ("0020_assessment_decisions", "0019_board_at_work", "head"):
        verb = "downgrade" if target == "0019_board_at_work" else "upgrade"
        result = runner.invoke(args=["db", verb, target])
        assert result.exit_code == 0, result.output
        with app.app_context():
            columns = {c["name"] for c in sa.inspect(db.engine).get_columns("assessment")}
            assert ("decision_id" in columns) is (verb == "upgrade")
            db.engine.dispose()


@pytest.mark.usefixtures("keep_logging")  # Alembic's logging setup would silence the app's
def test_0020_on_sqlite(tmp_path):
    on_sqlite(tmp_path, round_trip)


@pytest.mark.usefixtures("keep_logging")
@postgresql_only
def test_0020_on_postgresql():
    on_postgresql(round_trip)
