"""Rules a feature adds to role changes: a feature that knows why a role may not be given says so.

Roles belong to auth, but whether a person may hold one can depend on a feature's records (the
board: a reviewer of an intake still in selection may not become an admin or chair). Features
register a check here, so auth knows nothing of them.
"""

from collections.abc import Callable

from flask import Flask, current_app

from .models import User
from .roles import Role

# (user, roles being added) -> why they may not be given, or None.
RoleCheck = Callable[[User, frozenset[Role]], str | None]
EXTENSION = "sro_board.auth.role_checks"


def register_role_check(app: Flask, check: RoleCheck) -> None:
    """Let a feature refuse giving certain roles to certain users."""
    app.extensions.setdefault(EXTENSION, []).append(check)


def role_refusal(user: User, added: frozenset[Role]) -> str | None:
    """Why the added roles may not be given to the user, or None when they may."""
    if not added:
        return None
    for check in current_app.extensions.get(EXTENSION, ()):
        if refusal := check(user, added):
            return refusal
    return None
