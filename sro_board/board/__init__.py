"""The advisory board: intakes, applications, blind review, selection and roster."""

from . import views_public, views_staff  # noqa: F401 - routes
from .blueprint import bp

__all__ = ["bp"]
