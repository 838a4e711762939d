"""Flask-Login wiring: load users, where to send anonymous visitors."""

from ..extensions import db, login_manager
from .models import User

login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to see that page."
login_manager.session_protection = "strong"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Return the active user for a session, or None."""
    if not user_id.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    return user if user and user.active else None
