"""Two workers share the cache in Redis: a change made through one shows at once on the other."""

import os
import uuid

import pytest
import redis
import sqlalchemy as sa

from sro_board import create_app
from sro_board.core import generation
from sro_board.core.extensions import db
from sro_board.recommendations.queries import find_by_code
from sro_board.recommendations.services import propose_update
from tests.public.helpers import add_recommendation, start_app, stop_app

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


@pytest.fixture
def workers(tmp_path):
    """Two apps, as two gunicorn workers: one database file, one Redis, their own memory."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"needs Redis at {REDIS_URL}")
    prefix = f"sro-test-{uuid.uuid4().hex}:"
    config = {
        "CACHE_TYPE": "RedisCache",
        "CACHE_REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'shared.db'}",
    }
    first = start_app(**config)
    second = create_app("testing", **config)  # on the schema the first one made
    yield first, second
    store = redis.Redis.from_url(REDIS_URL)
    for key in store.scan_iter(f"{prefix}*"):
        store.delete(key)
    stop_app(first)
    with second.app_context():
        db.engine.dispose()


def publish_through(app, note: str) -> None:
    """Publish a public note on R-01 in this worker."""
    with app.app_context():
        rec = find_by_code("R-01")
        propose_update(
            rec, None, {}, public_note=note, internal_note="", based_on_version=rec.version
        )
        db.session.commit()


def statements(app) -> list[str]:
    """A list that collects the SQL statements the app runs from now on."""
    seen: list[str] = []
    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def test_a_change_through_one_worker_shows_on_the_other_at_once(workers):
    first, second = workers
    with first.app_context():
        add_recommendation("R-01")
    one, two = first.test_client(), second.test_client()
    rendered = one.get("/recommendations/R-01")
    second_sql = statements(second)
    shared = two.get("/recommendations/R-01")
    assert second_sql == []  # the second worker answered from Redis, without the database
    assert shared.data == rendered.data
    assert shared.headers["ETag"] == rendered.headers["ETag"]
    store = redis.Redis.from_url(REDIS_URL)
    assert store.get(first.config["CACHE_KEY_PREFIX"] + generation.GENERATION) is not None
    publish_through(first, "Published through the first worker.")
    for reader in (two, one):
        assert b"Published through the first worker." in reader.get("/recommendations/R-01").data
    publish_through(second, "Then through the second.")
    for reader in (one, two):
        assert b"Then through the second." in reader.get("/recommendations/R-01").data


def test_with_redis_away_pages_are_rendered_and_changes_still_saved(tmp_path):
    """The cache is only a cache: no Redis (nothing listens on port 1), every page rendered."""
    app = start_app(
        CACHE_TYPE="RedisCache",
        CACHE_REDIS_URL="redis://127.0.0.1:1/0",
        CACHE_KEY_PREFIX=f"sro-test-{uuid.uuid4().hex}:",
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'away.db'}",
    )
    try:
        with app.app_context():
            add_recommendation("R-01")  # its commit raises the generation: it cannot, and says so
        reader = app.test_client()
        for _ in range(3):  # each time rendered afresh: nothing can be kept or looked up
            assert reader.get("/recommendations/R-01").status_code == 200
        publish_through(app, "Published while Redis is away.")
        assert b"Published while Redis is away." in reader.get("/recommendations/R-01").data
    finally:
        stop_app(app)
