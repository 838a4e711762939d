"""The append-only audit log."""

from .views import bp

__all__ = ["bp"]
