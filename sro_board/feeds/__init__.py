"""Atom feeds of public changes: updates, by recommendation and by theme; meetings.

Each feed shows what the matching public page shows, and is cached like it (public_page): a
publish raises the public generation, so the next reader gets the new entry. Pages name their
feeds in their <head> through the "head" slot of core/sections.py.
"""

from flask import Flask

from ..core.sections import add_section
from .atom import rfc3339
from .sections import head_section
from .views import bp

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Mount the feeds; name them in the head of the pages they follow."""
    app.register_blueprint(bp)
    add_section(app, "head", "feeds/_head.html", head_section)
    app.jinja_env.filters["rfc3339"] = rfc3339
