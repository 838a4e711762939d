"""The advisory board: intakes, applications, blind review, selection and roster."""

from flask import Flask

from ..mail.about import register_finder
from .applications import views, views_consent, views_status  # noqa: F401 - routes
from .blueprint import bp
from .cli import board_cli
from .emails import applications_of
from .intakes import views as intakes_views  # noqa: F401 - routes
from .privacy import views as privacy_views  # noqa: F401 - routes
from .review import views as review_views  # noqa: F401 - routes
from .selection import views as selection_views  # noqa: F401 - routes

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Mount the board's pages; the outbox links emails to applications; `flask board`."""
    app.register_blueprint(bp)
    register_finder(app, applications_of)
    app.cli.add_command(board_cli)
