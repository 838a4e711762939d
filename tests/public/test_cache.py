"""Cached public pages: nothing staff-only or personal is ever kept, and a change shows at once."""

import re

import pytest
import sqlalchemy as sa

from sro_board.auth.models import User
from sro_board.auth.roles import Role
from sro_board.board.models import Intake
from sro_board.board.selection.members import make_member
from sro_board.core.extensions import cache, db
from sro_board.core.pagecache import CSRF_SLOT, Entry
from sro_board.core.settings import SAMPLE_DATA, SiteFlag
from sro_board.recommendations.definitions import update_definition
from sro_board.recommendations.models import StatusDefinition
from sro_board.recommendations.queries import find_by_code
from sro_board.recommendations.services import approve_update, propose_update
from tests.board.factories import make_application, make_intake
from tests.public.conftest import add_recommendation, add_staff, log_in, start_app, stop_app

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
]
# Strings that only staff may see: none may enter the cache or an anonymous response.
MARKERS = {
    "staff user's name": "Staffname-Kq71",
    "internal note": "INTERNAL-NOTE-Kq72",
    "draft's public note": "DRAFT-NOTE-Kq73",
    "draft's title": "DRAFT-TITLE-Kq74",
    "applicant's name": "Applicant-Kq75",
}
STAFF_EMAIL = "member@example.org"


@pytest.fixture
def marked_data(app):
    """A published recommendation with an internal note, a pending draft, an applicant, a
    staff member whose name shows in the staff bar, and an open intake."""
    with app.app_context():
        staff = add_staff(MARKERS["staff user's name"], email=STAFF_EMAIL)
        rec = add_recommendation("R-01")
        propose_update(
            rec,
            None,
            {"progress": 20},
            public_note="Started.",
            internal_note=MARKERS["internal note"],
            based_on_version=rec.version,
        )
        db.session.commit()
        propose_update(
            rec,
            staff,
            {"title": MARKERS["draft's title"]},
            public_note=MARKERS["draft's public note"],
            internal_note="",
            based_on_version=rec.version,
        )
        db.session.commit()
        make_application(make_intake(), name=MARKERS["applicant's name"])


def stored_pages(app) -> list[bytes]:
    """The bytes of every page the cache backend holds."""
    with app.app_context():
        backend = cache.cache
        values = [backend.get(key) for key in list(backend._cache)]
    return [value.body for value in values if isinstance(value, Entry)]


def forget_everything(app) -> None:
    """Empty the cache and the app's own copies: the next request renders afresh."""
    with app.app_context():
        cache.clear()
    app.extensions["public_pages"].clear()


def leaks(body: bytes) -> list[str]:
    """The markers found in a page."""
    return [what for what, marker in MARKERS.items() if marker.encode() in body]


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


@pytest.mark.usefixtures("marked_data")
def test_validators_and_conditional_requests(app):
    client = app.test_client()
    first = client.get("/recommendations")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert first.headers["Cache-Control"] == "public, no-cache"
    assert first.headers["Vary"] == "Cookie"
    for headers in ({"If-None-Match": etag}, {"If-Modified-Since": modified}):
        again = client.get("/recommendations", headers=headers)
        assert again.status_code == 304, headers
        assert again.data == b""
        assert again.headers["ETag"] == etag
    assert client.get("/recommendations", headers={"If-None-Match": '"other"'}).status_code == 200
    with app.app_context():
        add_recommendation("R-02")
    changed = client.get("/recommendations", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert b"R-02" in changed.data


def test_the_application_form_is_kept_without_anyone_s_csrf_token():
    app = start_app(WTF_CSRF_ENABLED=True)
    try:
        with app.app_context():
            make_intake()
        one, two = app.test_client(), app.test_client()
        page_one, page_two = one.get("/advisory-board/apply"), two.get("/advisory-board/apply")
        token_one, token_two = csrf_token(page_one.data), csrf_token(page_two.data)
        assert token_one != token_two
        assert CSRF_SLOT not in (token_one, token_two)
        assert page_two.headers["Cache-Control"] == "no-store"
        assert "ETag" not in page_two.headers
        pages = stored_pages(app)
        assert len(pages) == 1
        assert CSRF_SLOT.encode() in pages[0]
        assert token_one.encode() not in pages[0]
        # Each reader's token is their own: it passes for them, and only for them.
        intake = re.search(rb'name="intake" type="hidden" value="(\d+)"', page_one.data).group(1)
        for reader, token, status in (
            (one, token_one, 200),
            (two, token_two, 200),  # the second page came from the cache, with its own token
            (one, token_two, 400),
            (two, token_one, 400),
        ):
            sent = reader.post(
                "/advisory-board/apply", data={"csrf_token": token, "intake": intake}
            )
            assert sent.status_code == status, token
    finally:
        stop_app(app)


def csrf_token(page: bytes) -> str:
    """The value of the form's csrf_token field."""
    return re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1).decode()


@pytest.mark.usefixtures("marked_data")
def test_a_cached_answer_has_the_fresh_render_s_headers_and_its_own_request_id(app):
    client = app.test_client()
    fresh = client.get("/status-definitions")
    cached = client.get("/status-definitions", headers={"X-Request-ID": "reader-chosen-id-1"})
    assert cached.data == fresh.data
    for name in ("Content-Security-Policy", "X-Frame-Options", "ETag", "Last-Modified", "Vary"):
        assert cached.headers[name] == fresh.headers[name], name
    assert cached.headers["Content-Length"] == str(len(fresh.data))
    assert cached.headers["X-Request-ID"] == "reader-chosen-id-1"
    assert (
        client.get("/status-definitions").headers["X-Request-ID"] != fresh.headers["X-Request-ID"]
    )
    assert "Set-Cookie" not in cached.headers
    assert client.head("/status-definitions").data == b""


def test_without_a_shared_cache_no_page_is_kept():
    """The null cache (tests, production without Redis) keeps nothing, not even per worker."""
    app = start_app(CACHE_TYPE="NullCache")
    try:
        with app.app_context():
            add_recommendation("R-01")
        client = app.test_client()
        before = client.get("/recommendations")
        assert "ETag" not in before.headers
        with app.app_context():
            add_recommendation("R-02", title="Added later")
        assert b"Added later" in client.get("/recommendations").data
        assert not app.extensions["public_pages"]
    finally:
        stop_app(app)
