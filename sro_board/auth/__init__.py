"""Staff accounts, roles, login, MFA, emailed links and user administration."""

from flask import Flask

from . import (  # noqa: F401 - routes on bp
    views,
    views_account,
    views_language,
    views_sessions,
    views_users,
)
from .blueprint import bp
from .cli import users_cli
from .permissions import Action, can
from .roles import Role

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Mount the accounts pages; templates get Role, Action and can(); add `flask users`."""
    app.register_blueprint(bp)
    app.jinja_env.globals.update(Role=Role, Action=Action, can=can)
    app.cli.add_command(users_cli)
