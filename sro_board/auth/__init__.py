"""Staff accounts, roles, login and user administration."""

from .views import bp

__all__ = ["bp"]
