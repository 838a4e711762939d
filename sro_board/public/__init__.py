"""Public pages: home with the progress picture, about the review."""

from .views import bp

__all__ = ["bp"]
