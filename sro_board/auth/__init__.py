"""Staff accounts, roles, login, MFA, emailed links and user administration."""

from . import views, views_account, views_users  # noqa: F401 - routes on bp
from .blueprint import bp

__all__ = ["bp"]
