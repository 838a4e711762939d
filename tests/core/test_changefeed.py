"""The change feed on a real Redis: a worker reads the public generation only when told."""

import os
import time
import uuid

import pytest
import redis

from sro_board.core.changefeed import ChangeFeed

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


class Counter:
    """A read() of the generation from Redis that counts its calls."""

    def __init__(self, key: str) -> None:
        self.store = redis.Redis.from_url(REDIS_URL)
        self.key, self.calls = key, 0

    def __call__(self) -> int:
        self.calls += 1
        return int(self.store.get(self.key) or 0)


@pytest.fixture
def prefix():
    """A key prefix of this test's own (the channel and the counter), deleted afterwards."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"needs Redis at {REDIS_URL}")
    name = f"sro-test-{uuid.uuid4().hex}:"
    yield name
    redis.Redis.from_url(REDIS_URL).delete(name + "generation")


def workers(prefix: str, revalidate: float = 60.0) -> tuple[ChangeFeed, ChangeFeed]:
    """Two workers' feeds on the same channel."""
    return ChangeFeed(REDIS_URL, prefix, revalidate), ChangeFeed(REDIS_URL, prefix, revalidate)


def kill_subscription(feed: ChangeFeed) -> None:
    """End the feed's subscription from the server's side, as a Redis restart would."""
    store = redis.Redis.from_url(REDIS_URL)
    name = feed.listener.get_connection_kwargs()["client_name"]
    ids = [c["id"] for c in store.client_list() if c["name"] == name]
    assert ids, "the feed's subscription is not connected"
    for client_id in ids:
        store.client_kill_filter(_id=client_id)


def test_a_hit_reads_redis_only_after_an_announcement(prefix):
    reader, writer = workers(prefix)
    read = Counter(prefix + "generation")
    assert [reader.generation(read) for _ in range(5)] == [0] * 5
    assert read.calls == 1  # once, after subscribing
    assert writer.raise_generation("generation") == 1
    assert reader.generation(read) == 1  # the very next hit knows
    assert read.calls == 2
    assert [reader.generation(read) for _ in range(5)] == [1] * 5
    assert read.calls == 2
    assert writer.raise_generation("generation") == 2
    assert writer.raise_generation("generation") == 3
    assert reader.generation(read) == 3
    assert read.calls == 3


def test_the_writer_also_learns_of_its_own_change(prefix):
    feed, _ = workers(prefix)
    read = Counter(prefix + "generation")
    assert feed.generation(read) == 0
    feed.raise_generation("generation")
    assert feed.generation(read) == 1


def test_it_reads_again_after_the_revalidation_interval(prefix):
    feed, _ = workers(prefix, revalidate=0.05)
    read = Counter(prefix + "generation")
    feed.generation(read)
    feed.generation(read)
    assert read.calls == 1
    # A change no announcement told of (written straight to Redis) is seen after the interval.
    redis.Redis.from_url(REDIS_URL).incr(prefix + "generation")
    time.sleep(0.06)
    assert feed.generation(read) == 1
    assert read.calls == 2


def test_a_dropped_subscription_never_answers_with_an_old_generation(prefix):
    reader, writer = workers(prefix)
    read = Counter(prefix + "generation")
    assert reader.generation(read) == 0
    kill_subscription(reader)
    writer.raise_generation("generation")  # announced to nobody
    assert reader.generation(read) == 1  # read, not remembered
    assert reader.generation(read) == 1  # subscribed again, and read after the confirmation
    calls = read.calls
    writer.raise_generation("generation")
    assert reader.generation(read) == 2
    assert read.calls == calls + 1


def test_without_redis_every_hit_reads(prefix):
    feed = ChangeFeed("redis://127.0.0.1:1/0", prefix)
    calls = []
    for value in (4, 5):
        assert feed.generation(lambda v=value: calls.append(v) or v) == value
    assert calls == [4, 5]
