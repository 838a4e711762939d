"""With the public page cache on: an approved assessment shows on the very next request, while
a draft or a submission changes nothing public and never enters the cache."""

import pytest

from sro_board.auth.models import User
from sro_board.core.extensions import db
from sro_board.oversight.models import Assessment
from sro_board.oversight.services import approve
from tests.oversight.factories import board_user, submitted
from tests.public.helpers import add_recommendation, start_app, stop_app, stored_pages

DRAFT_WORDS = "Board-draft-Wz51"


@pytest.fixture
def app():
    """The app with the in-process page cache on, no app context held (as in production)."""
    app = start_app()
    yield app
    stop_app(app)


def test_an_approved_assessment_shows_on_the_very_next_request(app):
    client = app.test_client()
    with app.app_context():
        rec = add_recommendation("R-01")
        member = board_user(email="m@example.org", roster=False)
        chair = board_user("board_member", "board_chair", email="c@example.org", roster=False)
        assessment_id = submitted(rec, member, commentary=DRAFT_WORDS).id
        chair_id = chair.id
    before = client.get("/recommendations/R-01").data
    assert client.get("/recommendations/R-01").data == before  # kept
    assert DRAFT_WORDS.encode() not in before
    home = client.get("/").data
    assert client.get("/").data == home  # kept
    assert b"0 recommendations of 1" in home
    assert all(DRAFT_WORDS.encode() not in page for page in stored_pages(app))
    with app.app_context():
        approve(db.session.get(User, chair_id), db.session.get(Assessment, assessment_id), None)
        db.session.commit()
    assert DRAFT_WORDS.encode() in client.get("/recommendations/R-01").data
    assert b"1 recommendation of 1" in client.get("/").data
