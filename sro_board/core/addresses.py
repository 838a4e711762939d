"""The language of a request from its address: /fr/... is French, any other path English.

The outermost WSGI layer. For /fr/... it moves /fr from PATH_INFO into SCRIPT_NAME and sets
environ[ENVIRON_KEY] = "fr": views, url_for and the page cache see the same paths in both
languages, and every link built in a French page starts with /fr. An unprefixed GET of a page
goes to its /fr address when the `lang` cookie says French, or, without the cookie, when the
browser's Accept-Language prefers French. GET /language/<code>?next=<path> remembers a choice
in that cookie (the language code only: nothing personal) and goes to the page in it.
"""

from collections.abc import Callable, Iterable
from urllib.parse import parse_qsl, quote

from babel import negotiate_locale
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import dump_cookie, parse_accept_header, parse_cookie

from .i18n import DEFAULT_LANGUAGE, ENVIRON_KEY, LANGUAGES

PREFIX = "/fr"
COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600
SWITCH_PATH = "/language/"
# SCRIPT_NAME as it came, before /fr was moved into it (where the site itself is mounted).
BASE_KEY = "sro_board.base_script_name"
# Never sent to another language's address: files, the switch, machines' endpoints.
NOT_REDIRECTED = ("/static/", SWITCH_PATH, "/csp-report", "/healthz", "/readyz")
VARY = ("Accept-Language", "Cookie")
SAFE_PATH = "/:@!$&'()*+,;=-._~%"


def guess(environ: dict) -> str:
    """The remembered choice (the cookie), else the browser's preference, else English."""
    chosen = parse_cookie(environ).get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    accepted = parse_accept_header(environ.get("HTTP_ACCEPT_LANGUAGE"), LanguageAccept)
    preferred = [value for value, quality in accepted if quality > 0]
    return negotiate_locale(preferred, LANGUAGES, sep="-", aliases=None) or DEFAULT_LANGUAGE


def local_path(value: str | None) -> str | None:
    """A path on this site (with its query), without a language prefix; None if not local."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return None
    if any(ord(char) < 32 or char == "\\" for char in value):
        return None
    if value == PREFIX or value.startswith((PREFIX + "/", PREFIX + "?")):
        value = value[len(PREFIX) :] or "/"
        if value.startswith("?"):
            value = "/" + value
    return value


def address(environ: dict, language: str, path: str, query: str = "") -> str:
    """The site-relative address of path (a WSGI PATH_INFO) in language."""
    prefix = PREFIX if language == "fr" else ""
    location = environ.get(BASE_KEY, "") + prefix + quote(path.encode("latin-1"), safe=SAFE_PATH)
    return f"{location}?{query}" if query else location


def _redirect(start_response: Callable, status: str, location: str, *headers) -> list[bytes]:
    start_response(
        status,
        [
            ("Location", location),
            ("Cache-Control", "private, no-store"),
            ("Vary", ", ".join(VARY)),
            ("Content-Length", "0"),
            *headers,
        ],
    )
    return []


def _with_vary(start_response: Callable) -> Callable:
    """start_response that adds Vary: Accept-Language, Cookie to HTML responses (and to 304s,
    which stand for a page and must vary as it does)."""

    def start(status: str, headers: list, exc_info=None):
        content_type = next((v for n, v in headers if n.lower() == "content-type"), "")
        media_type = content_type.partition(";")[0].strip().lower()  # each response: cheap
        if media_type == "text/html" or status.startswith("304"):
            varied = [v.strip() for n, vs in headers if n.lower() == "vary" for v in vs.split(",")]
            merged = [v for v in varied if v] + [v for v in VARY if v not in varied]
            headers = [(n, v) for n, v in headers if n.lower() != "vary"]
            headers.append(("Vary", ", ".join(merged)))
        return start_response(status, headers, exc_info)

    return start


def keep_address(app, prefix: str) -> None:
    """Never redirect GETs under prefix to the guessed language (machine-read addresses)."""
    app.config.setdefault("ADDRESSES_KEPT", []).append(prefix)


class LanguageByAddress:
    """Set the request's language from its address; redirect to the guessed one."""

    def __init__(self, wsgi_app: Callable, secure_cookie: bool, kept: tuple[str, ...] = ()) -> None:
        self.wsgi_app, self.secure_cookie = wsgi_app, secure_cookie
        self.not_redirected = NOT_REDIRECTED + kept

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        """Route the request to its language, or answer with a redirect."""
        base = environ.get("SCRIPT_NAME", "")
        path = environ.get("PATH_INFO", "") or "/"
        query = environ.get("QUERY_STRING", "")
        environ[BASE_KEY] = base
        if path == PREFIX:
            return _redirect(
                start_response, "308 Permanent Redirect", address(environ, "fr", "/", query)
            )
        if path.startswith(PREFIX + "/"):
            environ["SCRIPT_NAME"] = base + PREFIX
            environ["PATH_INFO"] = path = path[len(PREFIX) :]
            environ[ENVIRON_KEY] = "fr"
        else:
            environ[ENVIRON_KEY] = DEFAULT_LANGUAGE
        if path.startswith(SWITCH_PATH):
            return self._switch(environ, start_response, path[len(SWITCH_PATH) :])
        if environ[ENVIRON_KEY] == "fr":
            return self.wsgi_app(environ, start_response)
        if (
            environ.get("REQUEST_METHOD") in ("GET", "HEAD")
            and not path.startswith(self.not_redirected)
            and guess(environ) == "fr"
        ):
            return _redirect(start_response, "302 Found", address(environ, "fr", path, query))
        return self.wsgi_app(environ, _with_vary(start_response))

    def _switch(self, environ: dict, start_response: Callable, code: str) -> list[bytes]:
        """GET /language/<code>?next=<path>: remember the choice and show the page in it."""
        if code not in LANGUAGES or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            body = b"Not found. Page introuvable."
            headers = [("Content-Type", "text/plain; charset=utf-8")]
            start_response("404 Not Found", [*headers, ("Content-Length", str(len(body)))])
            return [body]
        args = dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True))
        target = quote(local_path(args.get("next")) or "/", safe=SAFE_PATH + "?#")
        location = environ[BASE_KEY] + (PREFIX if code == "fr" else "") + target
        cookie = dump_cookie(
            COOKIE,
            code,
            max_age=COOKIE_MAX_AGE,
            path="/",
            secure=self.secure_cookie,
            httponly=True,
            samesite="Lax",
        )
        return _redirect(start_response, "303 See Other", location, ("Set-Cookie", cookie))
