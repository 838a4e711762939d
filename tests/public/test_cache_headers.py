"""Cached public pages: validators, 304s, the form's own CSRF token, headers, the null cache."""

import re

import pytest

from sro_board.core.pagecache import CSRF_SLOT
from tests.board.factories import make_intake
from tests.public.helpers import add_recommendation, start_app, stop_app, stored_pages


@pytest.mark.usefixtures("marked_data")
def test_validators_and_conditional_requests(app):
    client = app.test_client()
    first = client.get("/recommendations")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert first.headers["Cache-Control"] == "public, no-cache"
    # English pages also vary on the language guess (a French reader is sent to /fr/...).
    assert first.headers["Vary"] == "Cookie, Accept-Language"
    for headers in ({"If-None-Match": etag}, {"If-Modified-Since": modified}):
        again = client.get("/recommendations", headers=headers)
        assert again.status_code == 304, headers
        assert again.data == b""
        assert again.headers["ETag"] == etag
        assert again.headers["Vary"] == "Cookie, Accept-Language"
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
