"""Cached public pages: nothing staff-only or personal is ever kept, and a change shows at once."""

import pytest
import sqlalchemy as sa

from sro_board.auth.models import User
from sro_board.auth.roles import Role
from sro_board.board.models import Intake
from sro_board.board.selection.members import make_member
from sro_board.core.extensions import db
from sro_board.core.settings import SAMPLE_DATA, SiteFlag
from sro_board.recommendations.definitions import update_definition
from sro_board.recommendations.models import StatusDefinition
from sro_board.recommendations.queries import find_by_code
from sro_board.recommendations.services import approve_update, propose_update
from tests.board.factories import make_application
from tests.public.helpers import (
    MARKERS,
    STAFF_EMAIL,
    add_recommendation,
    add_staff,
    forget_everything,
    leaks,
    log_in,
    stored_pages,
)

PUBLIC_PAGES = [
    "/",
    "/recommendations",
    "/recommendations?sort=updated&q=R-0",
    "/recommendations/R-01",
    "/status-definitions",
    "/about",
    "/advisory-board",
    "/advisory-board/apply",
    "/advisory-board/members",
    "/meetings",
    "/progress",
]


@pytest.mark.usefixtures("marked_data")
@pytest.mark.parametrize("staff_first", [True, False], ids=["staff-first", "anonymous-first"])
def test_no_marker_enters_the_cache_or_an_anonymous_page(app, staff_first):
    staff, anonymous = app.test_client(), app.test_client()
    log_in(staff, STAFF_EMAIL)
    readers = [staff, anonymous] if staff_first else [anonymous, staff]
    for _round in range(2):
        for path in PUBLIC_PAGES:
            for reader in readers:
                response = reader.get(path)
                assert response.status_code == 200, path
                if reader is anonymous:
                    assert not leaks(response.data), path
    # The check means something: staff pages carry the markers, and pages were kept.
    assert leaks(staff.get("/").data) == ["staff user's name"]
    assert MARKERS["internal note"].encode() in staff.get("/staff/recommendations/R-01").data
    pages = stored_pages(app)
    assert len(pages) == len(PUBLIC_PAGES)
    assert all(not leaks(page) for page in pages)
    assert all(b"Staff login" in page for page in pages)
    assert all(b"Log out" not in page for page in pages)


@pytest.mark.usefixtures("marked_data")
def test_a_logged_in_reader_never_gets_the_cached_page(app):
    anonymous, staff = app.test_client(), app.test_client()
    for path in PUBLIC_PAGES:
        assert anonymous.get(path).status_code == 200
    log_in(staff, STAFF_EMAIL)
    for path in PUBLIC_PAGES:
        response = staff.get(path)
        assert b"Log out (Staffname-Kq71)" in response.data, path
        assert b"Staff login" not in response.data, path
        assert response.headers["Cache-Control"] == "no-store", path
        assert "ETag" not in response.headers, path
    staff.post("/logout")
    assert b"Staff login" in staff.get("/").data


@pytest.mark.usefixtures("marked_data")
def test_cached_bytes_equal_a_fresh_render(app):
    client = app.test_client()
    for path in PUBLIC_PAGES:
        first = client.get(path).data
        cached = client.get(path).data
        assert cached in stored_pages(app), path
        forget_everything(app)
        assert cached == first == client.get(path).data, path
    assert len(stored_pages(app)) == 1  # the last page, rendered again and kept


@pytest.mark.usefixtures("marked_data")
def test_a_page_with_a_flashed_message_is_never_kept(app):
    client = app.test_client()
    with client.session_transaction() as session:
        session["_flashes"] = [("info", "A message for this reader only.")]
    assert b"A message for this reader only." in client.get("/").data
    assert not stored_pages(app)
    assert b"A message for this reader only." not in client.get("/").data  # shown once
    assert len(stored_pages(app)) == 1


@pytest.mark.usefixtures("marked_data")
def test_query_string_is_normalised_and_kept_apart(app):
    with app.app_context():
        add_recommendation("R-02", title="Second one")
    client = app.test_client()
    one = client.get("/recommendations?q=R-0&sort=updated").data
    same = client.get("/recommendations?sort=updated&q=R-0").data
    other = client.get("/recommendations?q=R-02").data
    assert one == same
    assert b"Second one" in other
    assert b"Recommendation R-01" not in other
    assert len(stored_pages(app)) == 2


@pytest.mark.usefixtures("marked_data")
def test_an_approval_shows_on_the_very_next_request(app):
    client = app.test_client()
    before = client.get("/recommendations/R-01").data
    assert client.get("/recommendations/R-01").data == before  # kept
    with app.app_context():
        rec = find_by_code("R-01")
        author = db.session.scalars(sa.select(User).where(User.email == STAFF_EMAIL)).one()
        update = propose_update(
            rec,
            author,
            {"progress": 55},
            public_note="Approved at last.",
            internal_note="",
            based_on_version=rec.version,
        )
        db.session.commit()
        update_id = update.id
    assert client.get("/recommendations/R-01").data == before  # a draft changes nothing public
    with app.app_context():
        chair = add_staff("Chair", email="chair@example.org", roles=[Role.CHAIR])
        approve_update(db.session.get(type(update), update_id), chair)
        db.session.commit()
    after = client.get("/recommendations/R-01").data
    assert b"Approved at last." in after
    assert b"55%" in after
    assert b"Approved at last." in client.get("/").data


@pytest.mark.usefixtures("marked_data")
def test_a_rolled_back_change_keeps_the_page(app):
    client = app.test_client()
    before = client.get("/recommendations/R-01").data
    with app.app_context():
        find_by_code("R-01").title = "Rolled back"
        db.session.flush()
        db.session.rollback()
        db.session.commit()  # an empty commit after the rollback
    assert client.get("/recommendations/R-01").data == before
    assert len(stored_pages(app)) == 1


@pytest.mark.usefixtures("marked_data")
def test_definition_intake_roster_and_settings_changes_show_at_once(app):
    client = app.test_client()
    for path in ("/status-definitions", "/advisory-board", "/advisory-board/members", "/about"):
        client.get(path)
    with app.app_context():
        author = db.session.scalars(sa.select(User)).first()
        definition = db.session.scalars(sa.select(StatusDefinition)).first()
        update_definition(author, definition, "Renamed-Kq80", "A meaning.", "Criteria.")
        db.session.commit()
    assert b"Renamed-Kq80" in client.get("/status-definitions").data
    with app.app_context():
        db.session.scalars(sa.select(Intake)).one().title = "Retitled intake Kq81"
        db.session.commit()
    assert b"Retitled intake Kq81" in client.get("/advisory-board").data
    with app.app_context():
        intake = db.session.scalars(sa.select(Intake)).one()
        make_member(None, make_application(intake, name="Rostered Kq82", consent_roster=True))
        db.session.commit()
    assert b"Rostered Kq82" in client.get("/advisory-board/members").data
    assert b"Sample data." not in client.get("/about").data
    with app.app_context():
        db.session.add(SiteFlag(key=SAMPLE_DATA))
        db.session.commit()
    assert b"Sample data." in client.get("/about").data
