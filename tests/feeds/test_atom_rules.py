"""Every feed, in English and French, against RFC 4287: one test per rule, on the real responses
(parsed with ElementTree), and feedparser reads each with no error."""

import re
from datetime import datetime
from urllib.parse import urlsplit

import feedparser
import pytest

from tests.feeds.helpers import ALL_FEEDS, ATOM, parse, tracker

# RFC 3339 section 5.6 date-time (upper-case T and Z, as RFC 4287 section 3.3 asks).
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
# RFC 4151 tagURI: tag:<authority>,<date>:<specific>
TAG_URI = re.compile(r"^tag:[A-Za-z0-9.-]+(@[A-Za-z0-9.-]+)?,\d{4}(-\d{2}(-\d{2})?)?:\S+$")


@pytest.fixture
def feeds(app, client):
    """Every feed's document, by path, on the tracker with its meetings."""
    tracker()
    return {path: parse(client.get(path)) for path in ALL_FEEDS}


def children(element, name: str) -> list:
    """The element's Atom children of that name."""
    return element.findall(f"{ATOM}{name}")


def entries(feed):
    """A feed's entries."""
    return children(feed, "entry")


def test_every_feed_has_entries_to_check(feeds):
    for path, feed in feeds.items():
        assert entries(feed), path


def test_feedparser_reads_every_feed_without_error(app, client):
    tracker()
    for path in ALL_FEEDS:
        parsed = feedparser.parse(client.get(path).get_data())
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10", path
        assert parsed.entries, path


# 4.1.1 atom:feed


def test_feed_has_exactly_one_id(feeds):
    for path, feed in feeds.items():
        assert len(children(feed, "id")) == 1, path


def test_feed_has_exactly_one_title(feeds):
    for path, feed in feeds.items():
        titles = children(feed, "title")
        assert len(titles) == 1, path
        assert titles[0].text.strip(), path


def test_feed_has_exactly_one_updated(feeds):
    for path, feed in feeds.items():
        assert len(children(feed, "updated")) == 1, path


def test_feed_has_an_author_unless_every_entry_has_one(feeds):
    for path, feed in feeds.items():
        if not all(children(entry, "author") for entry in entries(feed)):
            authors = children(feed, "author")
            assert authors, path
            assert all(author.find(f"{ATOM}name").text.strip() for author in authors), path


def test_feed_has_one_self_link_to_itself(feeds):
    for path, feed in feeds.items():
        selves = [link for link in children(feed, "link") if link.get("rel") == "self"]
        assert len(selves) == 1, path
        assert urlsplit(selves[0].get("href")).path == path


def test_feed_and_entries_have_at_most_one_alternate_per_type_and_language(feeds):
    for path, feed in feeds.items():
        for element in (feed, *entries(feed)):
            alternates = [
                (link.get("type"), link.get("hreflang"))
                for link in children(element, "link")
                if link.get("rel", "alternate") == "alternate"
            ]
            assert len(alternates) == len(set(alternates)), path


def test_links_have_an_href(feeds):
    for path, feed in feeds.items():
        for element in (feed, *entries(feed)):
            assert all(link.get("href") for link in children(element, "link")), path


# 4.1.2 atom:entry


def test_entry_has_exactly_one_id(feeds):
    for path, feed in feeds.items():
        assert all(len(children(entry, "id")) == 1 for entry in entries(feed)), path


def test_entry_has_exactly_one_title(feeds):
    for path, feed in feeds.items():
        for entry in entries(feed):
            titles = children(entry, "title")
            assert len(titles) == 1, path
            assert titles[0].text.strip(), path


def test_entry_has_exactly_one_updated(feeds):
    for path, feed in feeds.items():
        assert all(len(children(entry, "updated")) == 1 for entry in entries(feed)), path


def test_entry_has_an_author_or_the_feeds(feeds):
    for path, feed in feeds.items():
        for entry in entries(feed):
            assert children(entry, "author") or children(feed, "author"), path


def test_entry_has_content_or_an_alternate_link(feeds):
    for path, feed in feeds.items():
        for entry in entries(feed):
            alternate = [
                link
                for link in children(entry, "link")
                if link.get("rel", "alternate") == "alternate"
            ]
            assert children(entry, "content") or alternate, path


def test_entry_has_a_summary_where_content_has_src_or_is_not_text(feeds):
    for path, feed in feeds.items():
        for entry in entries(feed):
            for content in children(entry, "content"):
                kind = content.get("type", "text")
                textual = kind in ("text", "html", "xhtml") or (
                    kind.startswith("text/") or kind.endswith(("/xml", "+xml"))
                )
                if content.get("src") is not None or not textual:
                    assert children(entry, "summary"), path


def test_entry_ids_are_unique_in_a_feed(feeds):
    for path, feed in feeds.items():
        ids = [entry.find(f"{ATOM}id").text for entry in entries(feed)]
        assert len(ids) == len(set(ids)), path


# 4.2.6 atom:id, 3.3 dates


def test_ids_are_absolute_iris(feeds):
    for path, feed in feeds.items():
        for element in (feed, *entries(feed)):
            value = element.find(f"{ATOM}id").text
            assert value == value.strip(), path
            assert not re.search(r"\s", value), path
            assert urlsplit(value).scheme, path
            assert TAG_URI.match(value), value


def test_dates_are_rfc_3339(feeds):
    for path, feed in feeds.items():
        for element in (feed, *entries(feed)):
            for name in ("updated", "published"):
                for date in children(element, name):
                    assert DATE_TIME.match(date.text), (path, date.text)
                    datetime.fromisoformat(date.text.replace("Z", "+00:00"))


def test_feed_updated_is_its_newest_entry(feeds):
    for path, feed in feeds.items():
        newest = max(entry.find(f"{ATOM}updated").text for entry in entries(feed))
        assert feed.find(f"{ATOM}updated").text == newest, path


def test_feed_says_its_language(feeds):
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for path, feed in feeds.items():
        assert feed.get(lang) == ("fr" if path.startswith("/fr/") else "en"), path
