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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from flask import Flask, Response, current_app, g, request, session
from flask_wtf.csrf import generate_csrf

from . import generation
from .clock import now_utc, today_local
from .extensions import cache

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
    body: bytes
    mimetype: str
    etag: str
    changed_at: datetime | None


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
        raw_generation, raw_changed_at, entry = cache.get_many(
            generation.GENERATION, generation.CHANGED_AT, key
        )
    except generation.CACHE_ERRORS:
        log.warning("public page cache unavailable", exc_info=True)
        return None
    current, changed_at = generation.read([raw_generation, raw_changed_at])
    if isinstance(entry, Entry) and entry.generation == current:
        g.public_page = (rule, None, entry)
        return Response(entry.body, mimetype=entry.mimetype)
    g.public_page = (rule, key, Entry(current, b"", "", "", changed_at))
    if rule.csrf and current_app.config.get("WTF_CSRF_ENABLED", True):
        g.csrf_token = CSRF_SLOT  # the form renders the slot, not this visitor's token
    return None


def _store(key: str, entry: Entry, response: Response) -> None:
    entry.body = response.get_data()
    entry.mimetype = response.mimetype
    entry.etag = hashlib.blake2b(entry.body, digest_size=16).hexdigest()
    if entry.changed_at is None:
        entry.changed_at = now_utc()
    try:
        cache.set(key, entry, timeout=current_app.config["PUBLIC_CACHE_SECONDS"])
    except generation.CACHE_ERRORS:
        log.warning("public page cache unavailable", exc_info=True)


def finish(response: Response) -> Response:
    """After the view: keep a fresh anonymous 200, then set validators and answer 304s."""
    rule, key, entry = g.pop("public_page", (None, None, None))
    if rule is None:
        return response
    if key is not None:
        if response.status_code != 200 or session.modified or not anonymous():
            return response
        _store(key, entry, response)
    if rule.csrf:
        return _fill_csrf(response)
    response.set_etag(entry.etag)
    response.last_modified = entry.changed_at
    response.headers["Cache-Control"] = PUBLIC_CACHE_CONTROL
    response.vary.add("Cookie")
    return response.make_conditional(request)


def _fill_csrf(response: Response) -> Response:
    """Put this visitor's own CSRF token in the slot; the page stays private (no-store)."""
    if g.get("csrf_token") == CSRF_SLOT:
        del g.csrf_token
    if current_app.config.get("WTF_CSRF_ENABLED", True):
        body = response.get_data().replace(CSRF_SLOT.encode(), generate_csrf().encode())
        response.set_data(body)
    response.headers["Cache-Control"] = "no-store"
    return response


def register(app: Flask) -> None:
    """Serve public pages from the cache before other hooks run; keep and validate after."""
    app.config.setdefault("PUBLIC_CACHE_SECONDS", 60)
    app.before_request(serve_cached)
    app.after_request(finish)
