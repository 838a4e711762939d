"""Flask-Login wiring and the life of a staff session.

A session's user id is "<user id>:<session_version>" (User.get_id). Logging out, a password
change or reset, an MFA change, a role change, deactivation and the admin's "end sessions"
raise the user's session_version, so every cookie issued before stops matching here: a copied
old cookie is refused by the server, not only forgotten by the browser. A session also ends
after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS after the login. There is
no remember-me cookie. Each session also has a server-side record (session_records.py), so a
user can see their sessions and end one of them: a cookie whose record ended is refused.
"""

from flask import current_app, flash, g, session
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_user

from ..core.clock import now_utc
from ..core.extensions import db, login_manager
from .account_checks import account_usable
from .models import User
from .session_records import current_record, end_records, open_record, revive_current, touch

login_manager.login_view = "auth.login"
login_manager.login_message = _l("Please log in to see that page.")
login_manager.localize_callback = str  # the lazy message, in the language of the request
login_manager.session_protection = "strong"

# Written at most once a minute, so most requests do not send a new cookie.
SEEN_RESOLUTION = 60


def _now() -> float:
    return now_utc().timestamp()


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The active user whose current session version this is, while the session is alive."""
    user_id, _sep, version = session_id.partition(":")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        session.clear()
        return None
    if not account_usable(user):  # e.g. a board member whose term ended
        session.clear()
        return None
    seen_before = session.get("seen_at")
    if not _session_alive():
        return None
    record = current_record(user)
    if record is None:  # ended from another browser, or a cookie from before the records
        session.clear()
        return None
    if session.get("seen_at") != seen_before:
        touch(record)
    return user


def _session_alive() -> bool:
    config, now = current_app.config, _now()
    auth_at, seen_at = session.get("auth_at"), session.get("seen_at")
    if not isinstance(auth_at, int | float) or not isinstance(seen_at, int | float):
        session.clear()
        return False
    if now - auth_at > config["SESSION_MAX_HOURS"] * 3600:
        message = _(
            "For your security you were logged out %(hours)d hours after you logged in. "
            "Please log in again.",
            hours=config["SESSION_MAX_HOURS"],
        )
    elif now - seen_at > config["SESSION_IDLE_MINUTES"] * 60:
        message = _(
            "For your security you were logged out after %(minutes)d minutes without activity. "
            "Please log in again.",
            minutes=config["SESSION_IDLE_MINUTES"],
        )
    else:
        if now - seen_at >= SEEN_RESOLUTION:
            session["seen_at"] = now
        return True
    session.clear()
    flash(message, "info")
    return False


def clear_session() -> None:
    """Empty the session, and forget the CSRF token cached for it in this request."""
    session.clear()
    g.pop("csrf_token", None)


def start_session(user: User) -> None:
    """A brand-new session for a user who just proved who they are (old contents dropped)."""
    clear_session()
    login_user(user)
    now = _now()
    session["auth_at"] = session["seen_at"] = session["reauth_at"] = now
    open_record(user)


def renew_session(user: User) -> None:
    """After the user's session_version was raised by their own change: keep this session."""
    kept = {
        key: session[key] for key in ("auth_at", "seen_at", "reauth_at", "sid") if key in session
    }
    clear_session()
    login_user(user)
    session.update(kept)
    revive_current(user)


def end_sessions(user: User) -> None:
    """End every session of the user, on every device (the caller commits)."""
    user.session_version += 1
    end_records(user)
