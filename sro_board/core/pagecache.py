"""Cached public pages for anonymous readers, with validators a reverse proxy or CDN can use.

A view opts in with @public_page. An anonymous GET (no session cookie, or one without a login
or flashed messages) of such a page is answered from the cache: by the WSGI middleware
(pageserve.py) before Flask runs when this worker has a copy, otherwise by the first
before_request hook. A miss renders as usual; a 200 for an anonymous reader that left the
session untouched is kept with its headers under a key of language, today's date, path and
sorted query string (pagestore.py), tagged with the public generation (generation.py). Any
public change raises the generation, so the next request renders afresh. Logged-in readers
never get, nor fill, a cached page.

Cache-Control is `public, no-cache` with an ETag (a hash of the bytes) and Last-Modified (the
last public change): a proxy or CDN may keep the page but asks each time, and gets a cheap 304
until something public changes, so a publish shows at once everywhere; `max-age` would let it
serve the old page for that long after an approval.

A page with a form (csrf=True) is kept with a placeholder for the CSRF token, which is tied
to the reader's session: each response gets the reader's own token, and stays private.
"""

import logging
from collections import OrderedDict
from collections.abc import Callable

from flask import Flask, Response, current_app, g, request, session
from flask_wtf.csrf import generate_csrf
from werkzeug.http import http_date, quote_etag

from . import changefeed, generation
from .clock import now_utc
from .extensions import limiter
from .pagestore import Entry, backend, digest, page_key, recall, remember

log = logging.getLogger(__name__)
CSRF_SLOT = "csrf-token-slot-filled-per-visitor"
PUBLIC_CACHE_CONTROL = "public, no-cache"


def public_page(csrf: bool = False) -> Callable:
    """Mark a view's anonymous GETs as cacheable (csrf: the page holds a form)."""

    def mark(view: Callable) -> Callable:
        view.public_page = "csrf" if csrf else "page"
        return view

    return mark


def anonymous() -> bool:
    """True when the request shows no login and carries no flashed message."""
    if current_app.config["SESSION_COOKIE_NAME"] not in request.cookies:
        return True
    return "_user_id" not in session and "_flashes" not in session


def _marked() -> str | None:
    if request.method not in ("GET", "HEAD"):
        return None
    view = current_app.view_functions.get(request.endpoint)
    return getattr(view, "public_page", None)


def not_modified(entry: Entry, environ: dict) -> bool:
    """True when the client's copy is this page (If-None-Match, else If-Modified-Since)."""
    tags = environ.get("HTTP_IF_NONE_MATCH")
    if tags is not None:
        return tags.strip() == "*" or quote_etag(entry.etag) in tags
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    return since is not None and since.strip() == http_date(entry.changed_at)


def _lookup(app: Flask, key: str) -> tuple[Entry | None, Entry]:
    """The fresh entry for key (or None), and a new one of the current generation."""
    store = backend(app)
    current, changed_at = generation.current(store)
    entry = recall(app, key, current)
    if entry is None:
        entry = store.get(key)
        if not isinstance(entry, Entry) or entry.generation != current:
            entry = None
        else:
            remember(app, key, entry)
    return entry, Entry(current, changed_at=changed_at)


def serve_cached() -> Response | None:
    """The first before_request hook: answer an anonymous reader from the cache when fresh."""
    marked = _marked()
    if marked is None or not anonymous():
        return None
    app, key = current_app._get_current_object(), page_key(current_app, request.environ)
    try:
        entry, fresh = _lookup(app, key)
    except generation.CACHE_ERRORS:
        log.warning("public page cache unavailable", exc_info=True)
        return None
    if entry is not None:
        g.public_page = (entry, None)
        if not entry.csrf and not_modified(entry, request.environ):
            return Response(status=304, headers=entry.not_modified_headers())
        return Response(entry.body, headers=entry.headers)
    fresh.csrf = marked == "csrf"
    g.public_page = (fresh, key)
    if fresh.csrf and current_app.config.get("WTF_CSRF_ENABLED", True):
        g.csrf_token = CSRF_SLOT  # the form renders the slot, not this reader's token
    return None


def finish(response: Response) -> Response:
    """The last after_request hook: keep a fresh anonymous 200 with its headers."""
    entry, key = g.pop("public_page", (None, None))
    if entry is None:
        return response
    if key is not None and response.status_code == 200 and not session.modified and anonymous():
        _keep(key, entry, response)
        if not entry.csrf and not_modified(entry, request.environ):
            return Response(status=304, headers=entry.not_modified_headers())
    return _fill_csrf(response) if entry.csrf else response


def _keep(key: str, entry: Entry, response: Response) -> None:
    entry.body = response.get_data()
    entry.etag = digest(entry.body)
    entry.changed_at = entry.changed_at or now_utc().replace(microsecond=0)
    if not entry.csrf:
        response.headers.update(
            {
                "ETag": quote_etag(entry.etag),
                "Last-Modified": http_date(entry.changed_at),
                "Cache-Control": PUBLIC_CACHE_CONTROL,
                "Vary": "Cookie",
            }
        )
    entry.keep_headers(response.headers.items())
    entry.route = request.url_rule.rule if request.url_rule else ""
    app = current_app._get_current_object()
    try:
        backend(app).set(key, entry, timeout=app.config["PUBLIC_CACHE_SECONDS"])
    except generation.CACHE_ERRORS:
        log.warning("public page cache unavailable", exc_info=True)
    remember(app, key, entry)


def _fill_csrf(response: Response) -> Response:
    """Put this reader's own CSRF token in the slot; the page stays private (no-store)."""
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
    return _marked() is not None


def enabled(app: Flask) -> bool:
    """False with the null cache (tests, production without Redis): no page is kept at all."""
    return app.config.get("CACHE_TYPE") not in (None, "NullCache", "null")


def register(app: Flask) -> None:
    """Call last: the first before_request hook, the last after_request hook."""
    app.config.setdefault("PUBLIC_CACHE_SECONDS", 60)
    app.extensions["public_pages"] = OrderedDict()
    if not enabled(app):
        return
    changefeed.register(app)
    app.before_request_funcs.setdefault(None, []).insert(0, serve_cached)
    app.after_request_funcs.setdefault(None, []).insert(0, finish)  # they run in reverse
