"""What the page cache keeps: entries, their keys, and each worker's copies of recent ones.

Keys and lookups work on the WSGI environ and the app, not Flask's request, so that the
middleware (pageserve.py) can answer before Flask builds a request.
"""

import hashlib
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import parse_qsl, urlencode
from zoneinfo import ZoneInfo

from flask import Flask

from .clock import now_utc
from .extensions import cache
from .i18n import DEFAULT_LANGUAGE, ENVIRON_KEY

LOCAL_ENTRIES = 64
# Headers that belong to one response, never to the page: not kept with it.
PER_RESPONSE = frozenset({"content-length", "date", "set-cookie", "x-request-id", "retry-after"})
PER_RESPONSE_PREFIXES = ("x-ratelimit", "ratelimit")


@dataclass
class Entry:
    """A cached page: the generation it was rendered at, its bytes and its headers."""

    generation: int
    changed_at: datetime | None = None
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    etag: str = ""
    csrf: bool = False  # a form: each response gets the reader's own token (never as is)
    route: str = ""  # the route pattern, for the request log (never the path)

    def keep_headers(self, headers) -> None:
        """Keep the response's headers, less those that belong to one response only."""
        self.headers = [
            (name, value)
            for name, value in headers
            if name.lower() not in PER_RESPONSE
            and not name.lower().startswith(PER_RESPONSE_PREFIXES)
        ]

    def not_modified_headers(self) -> list[tuple[str, str]]:
        """The headers of a 304 for this page: its validators and caching rules, no body's."""
        return [(n, v) for n, v in self.headers if n.lower() not in ("content-type",)]


def digest(body: bytes) -> str:
    """The entity tag of a page's bytes."""
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def page_key(app: Flask, environ: dict) -> str:
    """Language, today (schedules change at midnight), path and the sorted query string.

    The language is the one the address middleware (addresses.py) set: it has already moved
    /fr out of PATH_INFO, so /fr/x and /x have the same path here and differ by language.
    """
    path = environ.get("PATH_INFO", "/")
    language = environ.get(ENVIRON_KEY, DEFAULT_LANGUAGE)
    query = urlencode(sorted(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)))
    today = now_utc().astimezone(ZoneInfo(app.config["TIMEZONE"])).date().isoformat()
    raw = f"{language}|{today}|{path}|{query}"
    return "page:" + hashlib.blake2b(raw.encode("utf-8", "replace"), digest_size=20).hexdigest()


def backend(app: Flask):
    """The app's cache backend (Redis, in-process or null), usable without an app context."""
    return app.extensions["cache"][cache]


def local(app: Flask) -> OrderedDict:
    """This worker's copies of the entries it served last, each until it expires: a hit then
    reads only the generation from the shared backend, not the whole page."""
    return app.extensions["public_pages"]


def recall(app: Flask, key: str, current: int) -> Entry | None:
    """This worker's copy of the page, if it is of the current generation and not expired."""
    entry, expires = local(app).get(key, (None, 0.0))
    if entry is None or entry.generation != current or expires < time.monotonic():
        return None
    return entry


def remember(app: Flask, key: str, entry: Entry) -> None:
    """Keep a copy of the entry in this worker, for the cache's lifetime."""
    copies = local(app)
    copies[key] = (entry, time.monotonic() + app.config["PUBLIC_CACHE_SECONDS"])
    copies.move_to_end(key)
    while len(copies) > LOCAL_ENTRIES:
        copies.popitem(last=False)
