"""Public pages: home with the progress picture, about the review."""

from flask import Flask

from .views import bp

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Mount the home and about pages."""
    app.register_blueprint(bp)
