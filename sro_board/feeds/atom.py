"""Atom (RFC 4287) pieces: permanent tag: ids, RFC 3339 dates, and the feed and its entries."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from flask import current_app

CONTENT_TYPE = "application/atom+xml; charset=utf-8"
# The tag: URIs' date (RFC 4151): the year the tracker went public, fixed for ever, so an id
# never changes when the site moves or the request comes through another host name.
TAG_DATE = "2024"
# Feeds are bounded: the latest entries only (readers keep what they have seen).
LATEST = 50
# The date of a feed with no entry yet (an empty theme): the tracker's start, fixed.
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


def tag(specific: str, language: str) -> str:
    """A permanent id: tag:<the service's host>,2024:<language>/<what it names>."""
    host = urlsplit(current_app.config["PUBLIC_BASE_URL"]).hostname or "sro-board"
    return f"tag:{host},{TAG_DATE}:{language}/{specific}"


def rfc3339(moment: datetime) -> str:
    """An RFC 3339 date-time in UTC, to the second (2026-11-30T16:52:34Z)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Entry:
    """One entry: its permanent id, title, date, the public page it reports, its HTML."""

    id: str
    title: str
    updated: datetime
    link: str
    html: str


@dataclass
class Feed:
    """A feed: its id, title, the page it follows (alternate), its own address and entries."""

    id: str
    title: str
    subtitle: str
    link: str
    self_link: str
    language: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def updated(self) -> datetime:
        """The newest entry's date (the epoch for an empty feed)."""
        return max((entry.updated for entry in self.entries), default=EPOCH)
