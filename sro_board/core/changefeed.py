"""The public generation announced on a Redis channel, so a worker need not ask on each hit.

With Redis as the cache backend, generation.bump() raises the counter and publishes on a
channel in one MULTI/EXEC. Each worker holds one subscription; a cached answer polls it
without blocking (no round trip) and reads the counter from Redis only when something was
announced, when the subscription is new, or every REVALIDATE_SECONDS at the latest: the bound
on what a lost announcement (a subscription dropped without notice) could cost. While the
subscription is not up, or another thread is polling it, the worker reads the counter as
before: the answer is never older than that read would give.
"""

import contextlib
import threading
import time
from collections.abc import Callable

import redis
from flask import Flask
from redis.backoff import NoBackoff
from redis.retry import Retry

EXTENSION = "public_changefeed"
CHANNEL = "public:changed"
REVALIDATE_SECONDS = 1.0
SUBSCRIBE_TIMEOUT = 1.0


class ChangeFeed:
    """One worker's subscription to the announcements of a new public generation."""

    def __init__(self, url: str, prefix: str, revalidate: float = REVALIDATE_SECONDS) -> None:
        # Both connect on first use, in the worker that uses them (never in a master before a
        # fork). The listener never retries on its own: redis-py would reconnect and subscribe
        # again in silence, losing what was announced meanwhile; a failure here drops the
        # subscription instead, and the next hit reads the counter and subscribes afresh.
        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=1)
        self.listener = redis.Redis.from_url(
            url,
            socket_timeout=2,
            socket_connect_timeout=1,
            health_check_interval=30,
            retry=Retry(NoBackoff(), 0),
            client_name=(prefix + "changefeed").replace(" ", "-"),
        )
        self.prefix, self.channel = prefix, prefix + CHANNEL
        self.revalidate = revalidate
        self._pubsub: redis.client.PubSub | None = None
        self._known: int | None = None
        self._read_at = 0.0
        self._lock = threading.Lock()

    def raise_generation(self, name: str) -> int:
        """INCR the counter `name` (under the cache's key prefix) and announce it, both or
        neither (MULTI/EXEC)."""
        with self.client.pipeline(transaction=True) as pipe:
            pipe.incr(self.prefix + name)
            pipe.publish(self.channel, b"")
            value, _listeners = pipe.execute()
        return int(value)

    def generation(self, read: Callable[[], int]) -> int:
        """The current generation: known from the subscription, else read() from Redis."""
        if not self._lock.acquire(blocking=False):
            return read()
        try:
            return self._generation(read)
        except (redis.RedisError, OSError):
            self.close()
            return read()  # raises in turn if Redis is away: the caller falls back to Flask
        finally:
            self._lock.release()

    def _generation(self, read: Callable[[], int]) -> int:
        if self._pubsub is None:
            self._subscribe()
        if self._announced():
            self._known = None
        now = time.monotonic()
        if self._known is None or now - self._read_at >= self.revalidate:
            # Read after the subscription is confirmed and the announcements drained: a change
            # after this read is announced to us.
            self._known, self._read_at = read(), now
        return self._known

    def _subscribe(self) -> None:
        pubsub = self.listener.pubsub()
        pubsub.subscribe(self.channel)
        deadline = time.monotonic() + SUBSCRIBE_TIMEOUT
        while time.monotonic() < deadline:
            message = pubsub.get_message(timeout=deadline - time.monotonic())
            if message is not None and message["type"] == "subscribe":
                self._pubsub, self._known = pubsub, None
                return
        pubsub.close()
        raise redis.TimeoutError("no confirmation of the subscription")

    def _announced(self) -> bool:
        """True when anything arrived since the last poll (no blocking): an announcement."""
        announced = False
        while self._pubsub.get_message(timeout=0.0) is not None:
            announced = True
        return announced

    def close(self) -> None:
        """Drop the subscription (the next call subscribes again)."""
        pubsub, self._pubsub, self._known = self._pubsub, None, None
        if pubsub is not None:
            with contextlib.suppress(redis.RedisError, OSError):
                pubsub.close()


def register(app: Flask) -> None:
    """Give the app a change feed when its cache backend is Redis."""
    if app.config.get("CACHE_TYPE") in ("RedisCache", "redis") and app.config.get(
        "CACHE_REDIS_URL"
    ):
        app.extensions[EXTENSION] = ChangeFeed(
            app.config["CACHE_REDIS_URL"], app.config.get("CACHE_KEY_PREFIX", "")
        )


def of(app: Flask) -> ChangeFeed | None:
    """The app's change feed, or None (no Redis: each hit reads the in-process counter)."""
    return app.extensions.get(EXTENSION)
