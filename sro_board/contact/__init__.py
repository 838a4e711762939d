"""The public contact form and the staff inbox that triages it."""

from .views import bp

__all__ = ["bp"]
