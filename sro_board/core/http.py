"""HTTP helpers: what the client wants back, and responses no one may keep."""

from collections.abc import Callable
from functools import wraps

from flask import make_response, request


def wants_json() -> bool:
    """True when the client prefers JSON over HTML."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return (
        best == "application/json"
        and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    )


def private(view: Callable) -> Callable:
    """Never cached, no referrer sent: for pages reached by a secret link."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    return wrapped
