"""The public contact form and the staff inbox that triages it."""

from flask import Flask

from .cli import contact_cli
from .views import bp

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Mount the contact form and the inbox; add `flask contact purge`."""
    app.register_blueprint(bp)
    app.cli.add_command(contact_cli)
