"""Access decorators for views: one mechanism, permission_required(Action.X)."""

from collections.abc import Callable
from functools import wraps

from flask import abort, current_app, redirect, request, session, url_for
from flask_login import current_user

from ..core.clock import now_utc
from ..core.http import wants_json
from .permissions import Action, can


def _to_login():
    if wants_json():
        abort(401)
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def permission_required(action: Action) -> Callable:
    """Let in logged-in users whose roles allow the action; others go to login or get 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return _to_login()
            if not can(action):
                abort(403)  # the error page logs the refusal (security.events.log_refusal)
            return view(*args, **kwargs)

        # Read by the permission tests and the browser suite's crawler (tests/e2e/crawl.py).
        wrapped.required_action = action
        return wrapped

    return decorator


login_required = permission_required(Action.USE_OWN_ACCOUNT)


def recently_authenticated() -> bool:
    """True when the user gave their password (and code) within REAUTH_MINUTES."""
    confirmed = session.get("reauth_at", 0)
    window = current_app.config["REAUTH_MINUTES"] * 60
    return now_utc().timestamp() - confirmed <= window


def reauth_required(view: Callable) -> Callable:
    """Ask for the password (and code) again unless given recently; use under a permission."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not recently_authenticated():
            if wants_json():
                abort(401)
            return redirect(url_for("auth.reauth", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapped
