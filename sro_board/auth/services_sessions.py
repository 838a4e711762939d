"""A user ends their own sessions: one of them, or all but the current one; each audited."""

from flask_babel import gettext as _

from ..audit.services import record
from ..core.extensions import db
from ..security.events import security_event
from .models import User, UserSession
from .services import AccountError
from .session_records import end_records


def end_own_session(user: User, session_id: int) -> None:
    """End one of the user's own sessions (this one too: the view then logs out here)."""
    row = db.session.get(UserSession, session_id)
    if row is None or row.user_id != user.id or not end_records(user, only=session_id):
        raise AccountError(_("That session has already ended."))
    record(
        user,
        "user.session_ended",
        "user",
        user.id,
        f"Ended own session {session_id} ({row.browser})",
        after={"session": session_id},
    )
    security_event("session.ended", user_id=user.id, session=session_id)
    db.session.flush()


def end_other_sessions(user: User, current_id: int) -> int:
    """End every session of the user but this one; returns how many ended."""
    count = end_records(user, keep=current_id)
    record(
        user,
        "user.other_sessions_ended",
        "user",
        user.id,
        f"Ended own other sessions ({count})",
        after={"ended": count, "kept": current_id},
    )
    security_event("session.others_ended", user_id=user.id, values=count)
    db.session.flush()
    return count
