"""Staff roles; what each may do is in permissions.py."""

import enum

from flask_babel import lazy_gettext as _l


class Role(enum.StrEnum):
    """A staff role; a user may hold several."""

    ADMIN = "admin"
    CHAIR = "chair"
    MEMBER = "member"
    REVIEWER = "reviewer"
    BOARD_MEMBER = "board_member"
    BOARD_CHAIR = "board_chair"

    @property
    def label(self) -> str:
        """Human-readable name (in the language of the page)."""
        return str(ROLE_LABELS[self])


ROLE_LABELS = {
    Role.ADMIN: _l("Administrator"),
    Role.CHAIR: _l("Working-group chair"),
    Role.MEMBER: _l("Working-group member"),
    Role.REVIEWER: _l("Board-selection reviewer"),
    Role.BOARD_MEMBER: _l("Advisory-board member"),
    Role.BOARD_CHAIR: _l("Advisory-board chair"),
}

# Roles whose holders must use a second factor (TOTP) to log in; optional for the others.
MFA_REQUIRED_ROLES = (Role.ADMIN, Role.CHAIR)
