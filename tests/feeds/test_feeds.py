"""What the feeds show (only what the public pages show), their ids, bounds, cache and links."""

from datetime import timedelta

import sqlalchemy as sa

from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from sro_board.feeds.atom import LATEST
from sro_board.recommendations.enums import UpdateState
from sro_board.recommendations.models import Update
from sro_board.recommendations.services import approve_update
from tests.board.factories import count_queries
from tests.factories import make_rec
from tests.feeds.helpers import (
    ALL_FEEDS,
    ATOM,
    CLOSED_MARKER,
    MARKERS,
    PUBLIC_NOTE,
    parse,
    publish,
    tracker,
)
from tests.public.helpers import start_app, stop_app


def ids(client, path: str) -> list[str]:
    """The feed's id and its entries' ids, in order."""
    feed = parse(client.get(path))
    return [feed.find(f"{ATOM}id").text] + [
        entry.find(f"{ATOM}id").text for entry in feed.findall(f"{ATOM}entry")
    ]


def test_no_feed_shows_what_the_public_pages_do_not(app, client):
    tracker()
    for path in ALL_FEEDS:
        body = client.get(path).get_data(as_text=True)
        for marker in MARKERS:
            assert marker not in body, (path, marker)


def test_feeds_show_the_public_note_and_the_public_changes(app, client):
    tracker()
    body = client.get("/recommendations/R-01/feed.atom").get_data(as_text=True)
    assert PUBLIC_NOTE in body
    assert "Implementation status:" in body
    assert "Planning" in body
    french = client.get("/fr/recommendations/R-01/feed.atom").get_data(as_text=True)
    assert "Rôle clair des agents" in french
    assert "Planification" in french


def test_a_pending_update_appears_once_approved(app, client, users):
    made = tracker()
    assert made["pending"].state is UpdateState.PENDING
    before = ids(client, "/feed.atom")
    approve_update(made["pending"], users["admin"])
    db.session.commit()
    after = ids(client, "/feed.atom")
    assert after[1].endswith(f"/update/{made['pending'].id}")
    assert after[2:] == before[1:]


def test_the_rejected_update_is_in_no_feed(app, client):
    tracker()
    rejected = db.session.scalar(sa.select(Update).where(Update.state == UpdateState.REJECTED))
    for path in ALL_FEEDS:
        assert f"/update/{rejected.id}<" not in client.get(path).get_data(as_text=True)


def test_the_theme_and_recommendation_feeds_hold_only_theirs(app, client):
    made = tracker()
    role = client.get("/themes/role/feed.atom").get_data(as_text=True)
    assert "R-01" in role
    assert "R-02" not in role
    one = parse(client.get("/recommendations/R-02/feed.atom"))
    assert {e.find(f"{ATOM}title").text.split(":")[0] for e in one.findall(f"{ATOM}entry")} == {
        "R-02"
    }
    assert made["second"].code == "R-02"


def test_unknown_theme_and_recommendation_are_404(app, client):
    assert client.get("/themes/nothing/feed.atom").status_code == 404
    assert client.get("/recommendations/NOPE/feed.atom").status_code == 404


def test_ids_are_stable_across_renders_hosts_and_publishes(app, client):
    made = tracker()
    for path in ALL_FEEDS:
        first = ids(client, path)
        assert ids(client, path) == first
        other = app.test_client()
        response = other.get(path, base_url="https://another-host.example")
        feed = parse(response)
        assert feed.find(f"{ATOM}id").text == first[0]
    before = ids(client, "/feed.atom")
    publish(made["second"], note="Another step.", progress=50)
    after = ids(client, "/feed.atom")
    assert after[0] == before[0]
    assert after[2:] == before[1:]
    assert all(value.startswith("tag:127.0.0.1,2024:en/") for value in after)
    assert ids(client, "/fr/feed.atom")[1].startswith("tag:127.0.0.1,2024:fr/")


def test_meetings_feed_shows_closed_meetings_as_closed_only(app, client):
    made = tracker()
    feed = client.get("/meetings/feed.atom").get_data(as_text=True)
    assert "Agenda: Working group: closed meeting" in feed
    assert CLOSED_MARKER not in feed
    assert f"/meeting/{made['minutes'].id}/minutes<" in feed
    assert "The board heard about training." in feed  # the published minutes' summary
    assert "Minutes:" in feed
    assert "Agenda:" in feed


def test_feeds_are_bounded_and_take_the_same_queries_for_more_data(app, client):
    rec = make_rec("R-01")
    publish(rec, status="planning")
    db.session.commit()
    client.get("/feed.atom")  # the labels' definitions are loaded once, then kept
    with count_queries() as few:
        client.get("/feed.atom")
    for n in range(LATEST + 5):
        with clock_set_to(now_utc() + timedelta(minutes=n + 1)):
            make_rec(f"R-{n + 2:02d}", theme="role")
    with count_queries() as many:
        body = client.get("/feed.atom").get_data(as_text=True)
    assert len(many) == len(few)
    assert body.count("<entry>") == LATEST
    with count_queries() as theme:
        client.get("/themes/role/feed.atom")
    assert len(theme) == len(few)


def test_pages_name_their_feeds_in_their_head(app, client):
    tracker()
    atom = 'rel="alternate" type="application/atom+xml"'
    cases = {
        "/": 'href="/feed.atom"',
        "/recommendations": 'href="/feed.atom"',
        "/recommendations?theme=role": 'href="/themes/role/feed.atom"',
        "/recommendations/R-01": 'href="/recommendations/R-01/feed.atom"',
        "/meetings": 'href="/meetings/feed.atom"',
        "/fr/": 'href="/fr/feed.atom"',
        "/fr/recommendations/R-01": 'href="/fr/recommendations/R-01/feed.atom"',
    }
    for path, href in cases.items():
        page = client.get(path).get_data(as_text=True)
        head = page.split("</head>")[0]
        assert atom in head, path
        assert href in head, path
    assert "application/atom+xml" not in client.get("/about").get_data(as_text=True)


def test_feeds_are_cached_as_public_pages_and_a_publish_shows_at_once():
    app = start_app()
    try:
        with app.app_context():
            rec = make_rec("R-01")
            client = app.test_client()
            first = client.get("/feed.atom")
            assert first.headers["Cache-Control"] == "public, no-cache"
            again = client.get("/feed.atom", headers={"If-None-Match": first.headers["ETag"]})
            assert again.status_code == 304
            publish(rec, note="Fresh news for the feed.", status="planning")
            fresh = client.get("/feed.atom")
            assert fresh.status_code == 200
            assert "Fresh news for the feed." in fresh.get_data(as_text=True)
            assert fresh.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    finally:
        stop_app(app)
