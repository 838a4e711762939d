"""The recommendation tracker: public pages and the working group's pages."""

from . import views_public, views_staff, views_updates  # noqa: F401 - routes
from .blueprint import bp

__all__ = ["bp"]
