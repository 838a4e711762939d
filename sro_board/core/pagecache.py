"""Cached public pages for anonymous readers, with validators a reverse proxy or CDN can use.

A view opts in with @public_page. An anonymous GET (no session cookie, or one without a login
or flashed messages) is answered from the cache before anything else runs: no session write,
no database. A miss renders as usual and keeps the 200 response's bytes under a key made of
the language, today's date (schedules change at midnight), the path, the sorted query string
and the public generation (generation.py); a change to anything public raises the generation,
so the next request renders afresh. Logged-in readers never get, nor fill, a cached page.

Cache-Control is `public, no-cache` with an ETag (a hash of the bytes) and Last-Modified (the
last public change): a proxy may keep the page but asks each time, and gets a cheap 304 until
something public changes, so a publish shows at once everywhere.

A page with a form (csrf=True) is kept with a placeholder for the CSRF token, which is tied
to the visitor's session; each response gets the visitor's own token, and stays private.
"""

import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from flask import Flask, Response, current_app, g, request, session
from flask_wtf.csrf import generate_csrf
from werkzeug.http import http_date, quote_etag

from . import generation
from .clock import now_utc, today_local
from .extensions import cache, limiter

log = logging.getLogger(__name__)
CSRF_SLOT = "csrf-token-slot-filled-per-visitor"
PUBLIC_CACHE_CONTROL = "public, no-cache"


@dataclass(frozen=True)
class PageRule:
    """How a view's page is cached: whether its query string matters, whether it has a form."""

    query: bool = False
    csrf: bool = False


def public_page(query: bool = False, csrf: bool = False) -> Callable:
    """Mark a view's anonymous GETs as cacheable (query: its query string changes the page)."""

    def mark(view: Callable) -> Callable:
        view.public_page = PageRule(query=query, csrf=csrf)
        return view

    return mark


@dataclass
class Entry:
    """A cached page: the generation it was rendered at, its bytes and validators."""

    generation: int
    body: bytes = b""
    mimetype: str = ""
    etag: str = ""
    changed_at: datetime | None = None

    def headers(self) -> dict[str, str]:
        """The validators and caching headers of a public response of this page."""
        return {
            "ETag": quote_etag(self.etag),
            "Last-Modified": http_date(self.changed_at),
            "Cache-Control": PUBLIC_CACHE_CONTROL,
            "Vary": "Cookie",
        }


LOCAL_ENTRIES = 64


def _local() -> OrderedDict[str, tuple[Entry, float]]:
    """This app's copies of the entries it served last, each until it expires: a hit then
    reads only the generation from the shared backend, not the whole page."""
    return current_app.extensions["public_pages"]


def _recall(key: str, current: int) -> Entry | None:
    entry, expires = _local().get(key, (None, 0.0))
    if entry is None or entry.generation != current or expires < time.monotonic():
        return None
    return entry


def _remember(key: str, entry: Entry) -> None:
    local = _local()
    local[key] = (entry, time.monotonic() + current_app.config["PUBLIC_CACHE_SECONDS"])
    local.move_to_end(key)
    while len(local) > LOCAL_ENTRIES:
        local.popitem(last=False)


def language() -> str:
    """The page's language, from the path (English until French pages exist)."""
    return "fr" if request.path.startswith("/fr/") else "en"


def page_key(rule: PageRule) -> str:
    """The cache key: language, today, path and (when it matters) the sorted query string."""
    query = urlencode(sorted(request.args.items(multi=True))) if rule.query else ""
    raw = f"{language()}|{today_local().isoformat()}|{request.path}|{query}"
    return "page:" + hashlib.blake2b(raw.encode(), digest_size=20).hexdigest()


def anonymous() -> bool:
    """True when the request shows no login and carries no flashed message."""
    if current_app.config["SESSION_COOKIE_NAME"] not in request.cookies:
        return True
    return "_user_id" not in session and "_flashes" not in session


def _rule() -> PageRule | None:
    if request.method not in ("GET", "HEAD"):
        return None
    view = current_app.view_functions.get(request.endpoint)
    return getattr(view, "public_page", None)


def serve_cached() -> Response | None:
    """Before the view: answer an anonymous GET of a public page from the cache when fresh."""
    rule = _rule()
    if rule is None or not anonymous():
        return None
    key = page_key(rule)
    try:
        current, changed_at = generation.current()
        entry = _recall(key, current)
        if entry is None:
            entry = cache.get(key)
            if isinstance(entry, Entry) and entry.generation == current:
                _remember(key, entry)
    except generation.CACHE_ERRORS:
        log.warning("public page cache unavailable", exc_info=True)
        return None
    if isinstance(entry, Entry) and entry.generation == current:
        g.public_page = (rule, None, entry)
        if rule.csrf:
            return Response(entry.body, mimetype=entry.mimetype)
        if _not_modified(entry):
            return Response(status=304, headers=entry.headers())
        return Response(entry.body, mimetype=entry.mimetype, headers=entry.headers())
    g.public_page = (rule, key, Entry(current, changed_at=changed_at))
    if rule.csrf and current_app.config.get("WTF_CSRF_ENABLED", True):
        g.csrf_token = CSRF_SLOT  # the form renders the slot, not this visitor's token
    return None


def _not_modified(entry: Entry) -> bool:
    """True when the client's copy is this page (If-None-Match, else If-Modified-Since)."""
    if "If-None-Match" in request.headers:
        return request.if_none_match.contains_weak(entry.etag)
    since = request.if_modified_since
    return since is not None and entry.changed_at.replace(microsecond=0) <= since


def _store(key: str, entry: Entry, response: Response) -> None:
    entry.body = response.get_data()
    entry.mimetype = response.mimetype
    entry.etag = hashlib.blake2b(entry.body, digest_size=16).hexdigest()
    entry.changed_at = entry.changed_at or now_utc()
    try:
        cache.set(key, entry, timeout=current_app.config["PUBLIC_CACHE_SECONDS"])
    except generation.CACHE_ERRORS:
        log.warning("public page cache unavailable", exc_info=True)
    _remember(key, entry)


def finish(response: Response) -> Response:
    """After the view: keep a fresh anonymous 200; give public pages their validators."""
    rule, key, entry = g.pop("public_page", (None, None, None))
    if rule is None:
        return response
    if rule.csrf:
        if key is not None and _may_keep(response):
            _store(key, entry, response)
        return _fill_csrf(response)
    if key is None or not _may_keep(response):
        return response  # a hit has its headers; a page that may not be kept has none
    _store(key, entry, response)
    if _not_modified(entry):
        return Response(status=304, headers=entry.headers())
    response.headers.update(entry.headers())
    return response


def _may_keep(response: Response) -> bool:
    """A 200 for an anonymous reader that left the session as it was."""
    return response.status_code == 200 and not session.modified and anonymous()


def _fill_csrf(response: Response) -> Response:
    """Put this visitor's own CSRF token in the slot; the page stays private (no-store)."""
    if g.get("csrf_token") == CSRF_SLOT:
        del g.csrf_token
    if current_app.config.get("WTF_CSRF_ENABLED", True):
        body = response.get_data().replace(CSRF_SLOT.encode(), generate_csrf().encode())
        response.set_data(body)
    response.headers["Cache-Control"] = "no-store"
    return response


@limiter.request_filter
def _public_get() -> bool:
    """True for a GET of a public page: rate limits never apply to reading them."""
    return _rule() is not None


def register(app: Flask) -> None:
    """Answer from the cache before any other hook (call last); keep and validate after."""
    app.config.setdefault("PUBLIC_CACHE_SECONDS", 60)
    app.extensions["public_pages"] = OrderedDict()
    app.before_request_funcs.setdefault(None, []).insert(0, serve_cached)
    app.after_request(finish)  # the last registered runs first
