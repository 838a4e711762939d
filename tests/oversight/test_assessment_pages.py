"""The board's pages and the public ones: drafting, approving, the assessment beside the report."""

import pytest
import sqlalchemy as sa
from flask import g

from sro_board.board.selection.membership import record_resignation
from sro_board.core import generation
from sro_board.core.clock import today_local
from sro_board.core.extensions import db
from sro_board.oversight.enums import AssessmentState, Rating
from sro_board.oversight.models import Assessment
from sro_board.recommendations.enums import ImplementationStatus
from tests.board.factories import count_queries
from tests.factories import count_rows, login, make_rec, make_user
from tests.oversight.factories import approved, board_user, drafted, give_term, submitted
from tests.pages import text

SECRETS = {
    "drafting member's name": "Drafter-Name-Zq41",
    "draft commentary": "DRAFT-COMMENTARY-Zq42",
    "submitted commentary": "SUBMITTED-COMMENTARY-Zq43",
    "chair's return note": "RETURN-NOTE-Zq44",
    "approving chair's name": "Chair-Name-Zq45",
    "resignation reason": "RESIGNATION-REASON-Zq46",
}


PUBLIC_PAGES = [
    "/",
    "/recommendations",
    "/recommendations/R-01",
    "/recommendations/R-02",
    "/recommendations/R-03",
    "/advisory-board/members",
    "/fr/recommendations/R-01",
    "/fr/",
]


@pytest.fixture
def board(app):
    member = board_user(
        email="drafter@example.org", name=SECRETS["drafting member's name"], roster=False
    )
    chair = board_user(
        "board_member",
        "board_chair",
        email="board-chair@example.org",
        name=SECRETS["approving chair's name"],
        roster=False,
    )
    return {"member": member, "chair": chair}


def _set_status(rec, status: ImplementationStatus) -> None:
    db.session.execute(
        sa.update(type(rec)).where(type(rec).id == rec.id).values(status=status, version=99)
    )
    db.session.commit()
    db.session.expire_all()


def test_a_member_drafts_and_submits_and_the_chair_approves_through_the_pages(app, board, client):
    rec = make_rec("R-01")
    login(client, board["member"])
    home = text(client.get("/board/home"))
    assert "Draft an assessment" in home
    form = {
        "rating": "partly_satisfied",
        "commentary": "Training has started. The policy is not written yet.",
        "commentary_fr": "La formation a commencé.",
        "assessed_on": today_local().isoformat(),
    }
    bad = client.post("/board/recommendations/R-01/assess", data=form | {"rating": "great"})
    assert bad.status_code == 400
    assert count_rows(Assessment) == 0
    response = client.post("/board/recommendations/R-01/assess", data=form)
    assert response.status_code == 302
    item = db.session.scalars(sa.select(Assessment)).one()
    page = client.get(response.location)
    assert "Submit to the board chair" in text(page)
    client.post(f"/board/assessments/{item.id}/submit", data={"version": item.version})
    db.session.expire_all()
    assert item.state is AssessmentState.SUBMITTED
    # Not public until the board chair approves it.
    assert "Training has started" not in text(app.test_client().get("/recommendations/R-01"))

    chair = app.test_client()
    g.pop("_login_user", None)  # the tests share one app context: forget the member's user
    login(chair, board["chair"])
    assert "Approve and publish" in text(chair.get(f"/board/assessments/{item.id}"))
    chair.post(f"/board/assessments/{item.id}/approve", data={"version": item.version})
    db.session.expire_all()
    assert item.state is AssessmentState.APPROVED
    assert "assessment" in generation._watched  # its changes clear the public page cache
    public = text(app.test_client().get("/recommendations/R-01"))
    assert "The advisory board's view" in public
    assert "Partly satisfied" in public
    assert "Training has started" in public
    assert "Assessed" in public
    assert rec.code in public


def test_a_stale_form_changes_nothing(board, client):
    item = drafted(make_rec("R-01"), board["member"])
    login(client, board["member"])
    form = {
        "rating": "satisfied",
        "commentary": "Changed.",
        "commentary_fr": "",
        "assessed_on": today_local().isoformat(),
        "version": str(item.version),
    }
    assert client.post(f"/board/assessments/{item.id}/edit", data=form).status_code == 302
    stale = client.post(f"/board/assessments/{item.id}/edit", data=form | {"commentary": "Late."})
    assert stale.status_code == 400
    assert "changed this assessment meanwhile" in text(stale)
    db.session.expire_all()
    assert db.session.get(Assessment, item.id).commentary == "Changed."


@pytest.mark.parametrize("role", ["admin", "chair", "member", "reviewer"])
def test_the_service_side_cannot_reach_any_assessment_route(board, client, role):
    item = submitted(make_rec("R-01"), board["member"])
    login(client, make_user([role], email=f"{role}-x@example.org"))
    for path in (
        "/board/home",
        f"/board/assessments/{item.id}",
        f"/board/assessments/{item.id}/edit",
        "/board/recommendations/R-01/assess",
    ):
        assert client.get(path).status_code == 403, path
    for step in ("submit", "approve", "return"):
        data = {"version": item.version, "note": "Hide it."}
        assert client.post(f"/board/assessments/{item.id}/{step}", data=data).status_code == 403
    db.session.expire_all()
    assert db.session.get(Assessment, item.id).state is AssessmentState.SUBMITTED


def test_the_public_page_says_plainly_where_the_board_and_service_disagree(app, board):
    rec = make_rec("R-01")
    approved(rec, board["member"], board["chair"], rating=Rating.NOT_SATISFIED)
    _set_status(rec, ImplementationStatus.IMPLEMENTED)
    page = text(app.test_client().get("/recommendations/R-01"))
    assert "The board and the service disagree." in page
    home = text(app.test_client().get("/"))
    assert "The advisory board's ratings" in home
    assert "Not satisfied: <strong>1</strong>" in home
    assert "The board disagrees with the service on 1 recommendation." in home


def test_history_keeps_earlier_assessments(app, board):
    rec = make_rec("R-01")
    approved(rec, board["member"], board["chair"], rating=Rating.TOO_EARLY, commentary="Early.")
    approved(rec, board["member"], board["chair"], rating=Rating.SATISFIED, commentary="Done.")
    page = text(app.test_client().get("/recommendations/R-01"))
    assert "The board's earlier assessments" in page
    assert page.index("Done.") < page.index("Early.")


def test_french_pages_show_the_french_commentary(app, board):
    rec = make_rec("R-01")
    item = approved(rec, board["member"], board["chair"], rating=Rating.SATISFIED)
    item.commentary_fr = "Le conseil est satisfait."
    db.session.commit()
    page = text(app.test_client().get("/fr/recommendations/R-01"))
    assert "Le conseil est satisfait." in page


def test_nothing_internal_reaches_a_public_page(app, board, users):
    rec, other = make_rec("R-01"), make_rec("R-02")
    approved(rec, board["member"], board["chair"], commentary="Published words.")
    drafted(other, board["member"], commentary=SECRETS["draft commentary"])
    third = make_rec("R-03")
    returned = submitted(third, board["member"], commentary=SECRETS["submitted commentary"])
    returned.return_note = SECRETS["chair's return note"]
    db.session.commit()
    leaving = give_term(board_user(email="leaving@example.org", term=False))
    record_resignation(users["admin"], leaving, today_local(), SECRETS["resignation reason"])
    db.session.commit()
    reader = app.test_client()
    for path in PUBLIC_PAGES:
        body = reader.get(path).get_data(as_text=True)
        leaked = [what for what, secret in SECRETS.items() if secret in body]
        assert not leaked, (path, leaked)
    assert "Published words." in reader.get("/recommendations/R-01").get_data(as_text=True)


def test_the_board_home_runs_the_same_queries_however_many_assessments(app, board, client):
    login(client, board["member"])

    def measure() -> int:
        g.pop("definition_names", None)  # loaded once per request (g is shared in tests)
        with count_queries() as statements:
            assert client.get("/board/home").status_code == 200
        return len(statements)

    approved(make_rec("R-01"), board["member"], board["chair"])
    drafted(make_rec("R-50"), board["member"])
    submitted(make_rec("R-51"), board["member"])
    small = measure()
    for n in range(2, 12):
        rec = make_rec(f"R-{n:02d}")
        approved(rec, board["member"], board["chair"])
        drafted(make_rec(f"R-{n + 20:02d}"), board["member"])
        submitted(make_rec(f"R-{n + 60:02d}"), board["member"])
    assert measure() == small


def test_the_board_home_carries_the_meetings_section(board, client):
    """The slot the meetings package fills: upcoming meetings and one's action items."""
    login(client, board["member"])
    page = text(client.get("/board/home"))
    assert "Upcoming meetings" in page
    assert page.index("Waiting for the board chair") < page.index("Upcoming meetings")
