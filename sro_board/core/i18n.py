"""Languages: English and French, the locale of each request, and the translation helpers.

Strings are marked with flask_babel's gettext as `_` (lazy_gettext as `_l` at import time,
for form labels and enum labels); templates use `{{ _("...") }}` or `{% trans %}`.
"""

from flask import Flask, g, has_app_context, has_request_context, request
from flask_babel import get_locale, get_translations, refresh

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
    app.jinja_env.install_gettext_callables(
        gettext=lambda text: translations().ugettext(text),
        ngettext=lambda singular, plural, n: translations().ungettext(singular, plural, n),
        pgettext=lambda context, text: translations().upgettext(context, text),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
        newstyle=True,
    )


def translations():
    """The current language's catalog, looked up once per request and language.

    Flask-Babel finds it again for every string a template translates (about 18 µs each, 10 ms
    on a page of 500 strings); this keeps it beside Flask-Babel's own locale in `g` and finds
    it again only when that locale object changes (a new request, refresh(), force_locale()).
    """
    context = g.get("_flask_babel") if has_app_context() else None
    if context is not None:
        known = getattr(context, "sro_translations", None)
        locale = getattr(context, "babel_locale", None)
        if known is not None and locale is not None and known[0] is locale:
            return known[1]
    found = get_translations()
    context = g.get("_flask_babel") if has_app_context() else None
    if context is not None:
        context.sro_translations = (getattr(context, "babel_locale", None), found)
    return found
