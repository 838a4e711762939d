"""A WSGI middleware that answers anonymous readers from this worker's cached public pages.

Before Flask builds a request, a GET or HEAD without a session cookie whose page this worker
holds (pagestore.local) costs one read of the public generation from the shared backend; when
it matches, the kept bytes and headers go out as they were rendered. Anything else (a cookie,
a page this worker has not served yet, the backend away) goes to Flask, where pagecache.py
does the rest. A form page gets a new session with its own CSRF token, made as Flask-WTF
makes one, in a cookie signed and set as Flask's session interface sets it.
"""

import secrets
import time
from collections.abc import Callable, Iterable

from flask import Flask
from itsdangerous import URLSafeTimedSerializer
from werkzeug.http import dump_cookie

from . import changefeed, generation
from .fastsign import fast_dumps
from .pagecache import CSRF_SLOT, not_modified
from .pagestore import Entry, backend, local, page_key, recall

# Called for each answered request with (environ, status code, seconds taken, route pattern);
# logs it and returns the response's own headers (its request id).
Answered = Callable[[dict, int, float, str], list[tuple[str, str]]]


class CachedPages:
    """Answer from the cache before the wrapped WSGI app when the page is fresh here."""

    def __init__(self, app: Flask, wsgi_app: Callable, answered: Answered) -> None:
        self.app, self.wsgi_app, self.answered = app, wsgi_app, answered
        self.feed = changefeed.of(app)
        self.cookie = app.config["SESSION_COOKIE_NAME"] + "="
        self.csrf = app.config.get("WTF_CSRF_ENABLED", True)
        self.csrf_field = app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
        secret = app.config.get("WTF_CSRF_SECRET_KEY") or app.secret_key
        # Each form page mints a token and signs a session: the same bytes as Flask-WTF and
        # Flask's session interface make, at a fraction of the cost (fastsign.py).
        self.csrf_dumps = fast_dumps(URLSafeTimedSerializer(secret, salt="wtf-csrf-token"))
        sessions = app.session_interface
        self.session_dumps = fast_dumps(sessions.get_signing_serializer(app))
        self.slot = CSRF_SLOT.encode()
        self.split: tuple[bytes, list[bytes]] = (b"", [])  # the last form page, cut at its slot
        self.session_cookie = {
            "key": sessions.get_cookie_name(app),
            "domain": sessions.get_cookie_domain(app),
            "path": sessions.get_cookie_path(app),
            "secure": sessions.get_cookie_secure(app),
            "httponly": sessions.get_cookie_httponly(app),
            "samesite": sessions.get_cookie_samesite(app),
            "partitioned": sessions.get_cookie_partitioned(app),
        }

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        """Serve the kept page, or pass the request on."""
        started = time.perf_counter()
        entry = self._fresh(environ)
        if entry is None:
            return self.wsgi_app(environ, start_response)
        if entry.csrf:
            status, (body, headers) = 200, self._with_own_token(entry)
        elif not_modified(entry, environ):
            status, headers, body = 304, entry.not_modified_headers(), b""
        else:
            status, body, headers = 200, entry.body, entry.headers
        if status == 200:
            headers = [*headers, ("Content-Length", str(len(body)))]
        extra = self.answered(environ, status, time.perf_counter() - started, entry.route)
        start_response("304 Not Modified" if status == 304 else "200 OK", [*headers, *extra])
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def _fresh(self, environ: dict) -> Entry | None:
        if environ["REQUEST_METHOD"] not in ("GET", "HEAD"):
            return None
        if self.cookie in environ.get("HTTP_COOKIE", ""):
            return None  # perhaps logged in: Flask decides
        key = page_key(self.app, environ)
        if key not in local(self.app):
            return None  # not served here yet
        try:
            current = self._generation()
        except generation.CACHE_ERRORS:
            return None
        return recall(self.app, key, current)

    def _generation(self) -> int:
        """The public generation: from the change feed (Redis) or one read of the backend."""
        store = backend(self.app)
        if self.feed is None:
            return generation.current(store)[0]
        return self.feed.generation(lambda: generation.current(store)[0])

    def _with_own_token(self, entry: Entry) -> tuple[bytes, list[tuple[str, str]]]:
        """The form page with a new session holding this reader's own CSRF token."""
        if not self.csrf:
            return entry.body, entry.headers
        raw = secrets.token_hex(20)
        value = self.session_dumps({self.csrf_field: raw})
        cookie = dump_cookie(value=value, **self.session_cookie)
        body = self.csrf_dumps(raw).encode().join(self._parts(entry.body))
        return body, [*entry.headers, ("Set-Cookie", cookie), ("Vary", "Cookie")]

    def _parts(self, body: bytes) -> list[bytes]:
        """The page's bytes around its token slots (kept for the page served last)."""
        split = self.split  # read once: another thread may replace it meanwhile
        if split[0] is not body:
            split = self.split = (body, body.split(self.slot))
        return split[1]
