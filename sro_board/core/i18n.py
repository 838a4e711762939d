"""Languages: English and French, the locale of each request, and the translation helpers.

Strings are marked with flask_babel's gettext as `_` (lazy_gettext as `_l` at import time,
for form labels and enum labels); templates use `{{ _("...") }}` or `{% trans %}`.
"""

from flask import Flask, has_app_context, has_request_context, request
from flask_babel import get_locale, refresh

from .extensions import babel

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
# Set by the language middleware from the path prefix (/fr/...); English without one.
ENVIRON_KEY = "sro_board.language"


def N_(message: str) -> str:
    """Mark a constant for extraction only: it stays English here and is translated with
    gettext(constant) where it is shown (Babel's default keywords include N_)."""
    return message


def request_language() -> str:
    """The language of this request's address ("en" or "fr"); English outside a request."""
    if not has_request_context():
        return DEFAULT_LANGUAGE
    language = request.environ.get(ENVIRON_KEY, DEFAULT_LANGUAGE)
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    """The language being written in ("en" or "fr"): the request's, or the one an email is
    rendered in (flask_babel.force_locale); English outside an app context."""
    if not has_app_context():
        return DEFAULT_LANGUAGE
    locale = get_locale()
    language = locale.language if locale is not None else DEFAULT_LANGUAGE
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def _forget_locale(_exc: BaseException | None = None) -> None:
    refresh()


def init_app(app: Flask) -> None:
    """Bind Flask-Babel with the request's language and the app's time zone."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", app.config.get("TIMEZONE", "UTC"))
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", "translations")
    babel.init_app(app, locale_selector=request_language)
    # {% trans %} blocks are trimmed (line breaks and indentation collapse to one space), as
    # babel.cfg extracts them: the msgid is the sentence, however the template wraps it.
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    # Flask-Babel keeps the locale in `g`, which outlives a request when an app context was
    # already pushed (tests, the CLI): each request starts and ends with its own.
    app.before_request_funcs.setdefault(None, []).insert(0, _forget_locale)
    app.teardown_request(_forget_locale)
    app.jinja_env.globals["current_language"] = current_language
