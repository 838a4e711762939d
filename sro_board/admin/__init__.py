"""Administration pages over the lower layers: the audit log and email delivery."""

from flask import Flask

from . import views  # noqa: F401 - routes
from .blueprint import bp


def init_app(app: Flask) -> None:
    """Mount the administration pages."""
    app.register_blueprint(bp)
