"""The public contact form and the staff inbox that triages it."""

from flask import Flask

from .views import bp

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Mount the contact form and the inbox."""
    app.register_blueprint(bp)
