"""Languages: English and French, the locale of each request, and the translation helpers.

Strings are marked with flask_babel's gettext as `_` (lazy_gettext as `_l` at import time,
for form labels and enum labels); templates use `{{ _("...") }}` or `{% trans %}`.
"""

from flask import Flask, has_request_context, request

from .extensions import babel

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
# Set by the language middleware from the path prefix (/fr/...); English without one.
ENVIRON_KEY = "sro_board.language"


def current_language() -> str:
    """The language of this request ("en" or "fr"); English outside a request."""
    if not has_request_context():
        return DEFAULT_LANGUAGE
    language = request.environ.get(ENVIRON_KEY, DEFAULT_LANGUAGE)
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def init_app(app: Flask) -> None:
    """Bind Flask-Babel with the request's language and the app's time zone."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", app.config.get("TIMEZONE", "UTC"))
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", "translations")
    babel.init_app(app, locale_selector=current_language)
    app.jinja_env.globals["current_language"] = current_language
