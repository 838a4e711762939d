"""Meetings of the advisory board and of the working group: agendas, minutes, decisions."""

from flask import Flask

from ..core import generation
from ..core.sections import add_section
from . import views_minutes, views_public, views_staff  # noqa: F401 - routes
from .blueprint import bp
from .models import ActionItem, AgendaItem, Attendance, Decision, Meeting
from .queries import board_home, discussed

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Mount the meetings' pages and add their sections to the recommendation and board pages."""
    app.register_blueprint(bp)
    # Every table the public pages read: a change to any of them is a public change.
    generation.watch(Meeting, AgendaItem, Attendance, Decision, ActionItem)
    add_section(
        app,
        "recommendation.public",
        "meetings/sections/recommendation.html",
        lambda rec, **_context: discussed(rec),
    )
    add_section(
        app,
        "board.home",
        "meetings/sections/board_home.html",
        lambda user, **_context: board_home(user),
    )
