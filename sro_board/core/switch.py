"""The language switch link and the hreflang alternates of the page being rendered."""

from urllib.parse import quote, urlencode

from flask import Flask, current_app, request

from .addresses import BASE_KEY, PREFIX, SAFE_PATH, SWITCH_PATH
from .i18n import current_language

# Each language's name in itself: the switch link is written in the language it leads to.
NAMES = {"en": "English", "fr": "Français"}


def _here() -> str:
    """This page's path and query, without the language prefix."""
    path = quote(request.path, safe=SAFE_PATH)
    query = request.query_string.decode("latin-1")
    return f"{path}?{query}" if query else path


def language_switch() -> dict[str, str]:
    """The other language: its code, its name (in itself) and the link that switches to it."""
    code = "en" if current_language() == "fr" else "fr"
    base = request.environ.get(BASE_KEY, "")
    href = f"{base}{SWITCH_PATH}{code}?{urlencode({'next': _here()})}"
    return {"code": code, "name": NAMES[code], "href": href}


def alternates() -> list[tuple[str, str]]:
    """(hreflang, absolute address) of this page in each language, and x-default (English,
    which sends a French reader on). From PUBLIC_BASE_URL, never the request's Host: the
    page may be cached and served to everyone."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    english = base + _here()
    return [("en", english), ("fr", base + PREFIX + _here()), ("x-default", english)]


def register(app: Flask) -> None:
    """Make the switch and the alternates available to templates."""
    app.jinja_env.globals["language_switch"] = language_switch
    app.jinja_env.globals["language_alternates"] = alternates
