"""The open data API: read-only JSON under /api/v1, its OpenAPI document, bulk downloads."""

from flask import Flask

from ..core.addresses import keep_address
from . import bulk, views  # noqa: F401 - operations
from .http import register
from .pages import pages
from .registry import bp


def init_app(app: Flask) -> None:
    """Mount the API, its documentation and the open data page."""
    app.register_blueprint(bp)
    app.register_blueprint(pages)
    register(app)
    # Scripts and other sites' pages read it: a French browser gets the JSON, not a redirect.
    keep_address(app, "/api/")
