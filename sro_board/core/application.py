"""The Flask class of the app: static files keep one address in every language."""

from urllib.parse import urlsplit, urlunsplit

from flask import Flask, has_request_context, request

from .addresses import BASE_KEY, PREFIX

# Endpoints whose addresses are the same in both languages (no /fr prefix).
UNPREFIXED_ENDPOINTS = frozenset({"static"})


class App(Flask):
    """Flask, with url_for leaving /fr off the endpoints that have no language."""

    def url_for(self, endpoint: str, /, **values) -> str:
        """As Flask's; on a French page, static files still at /static/... (one cached copy)."""
        url = super().url_for(endpoint, **values)
        if endpoint not in UNPREFIXED_ENDPOINTS or not has_request_context():
            return url
        base = request.environ.get(BASE_KEY)
        if base is None or request.script_root != base + PREFIX:
            return url
        parts = urlsplit(url)
        if not parts.path.startswith(base + PREFIX + "/"):
            return url
        return urlunsplit(parts._replace(path=base + parts.path[len(base + PREFIX) :]))
