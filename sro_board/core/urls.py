"""Absolute links for email and the command line."""

from urllib.parse import urlsplit

from flask import current_app

from .addresses import PREFIX
from .i18n import current_language


def public_url(endpoint: str, _language: str | None = None, **values) -> str:
    """An absolute link under PUBLIC_BASE_URL (works in requests and on the command line), to
    the page in _language: by default the language being written in (the request's, or the
    email's under flask_babel.force_locale), French under /fr."""
    base = urlsplit(current_app.config["PUBLIC_BASE_URL"].rstrip("/"))
    language = _language or current_language()
    script_name = base.path + (PREFIX if language == "fr" else "")
    adapter = current_app.url_map.bind(
        base.netloc, script_name=script_name or "/", url_scheme=base.scheme or "https"
    )
    return adapter.build(endpoint, values, force_external=True)
