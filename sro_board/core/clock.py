"""Time helpers: store UTC, show and reason in the service's local time zone."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app

# Set only by the sample-data loader, to write a history with past dates.
_frozen_now: ContextVar[datetime | None] = ContextVar("frozen_now", default=None)


def now_utc() -> datetime:
    """Return the current time, timezone-aware, in UTC."""
    return _frozen_now.get() or datetime.now(UTC)


@contextmanager
def clock_set_to(moment: datetime) -> Iterator[None]:
    """Make now_utc() return a fixed moment inside the block."""
    token = _frozen_now.set(moment)
    try:
        yield
    finally:
        _frozen_now.reset(token)


def local_zone() -> ZoneInfo:
    """Return the configured local time zone."""
    return ZoneInfo(current_app.config["TIMEZONE"])


def today_local() -> date:
    """Return today's date in the service's time zone, by the app's clock."""
    return now_utc().astimezone(local_zone()).date()


def as_local(value: datetime) -> datetime:
    """Convert an aware datetime (stored ones read back as UTC) to local time."""
    if value.tzinfo is None:
        raise ValueError("a naive datetime has no time zone to convert from")
    return value.astimezone(local_zone())
