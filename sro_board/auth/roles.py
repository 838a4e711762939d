"""Staff roles; what each may do is in permissions.py."""

import enum


class Role(enum.StrEnum):
    """A staff role; a user may hold several."""

    ADMIN = "admin"
    CHAIR = "chair"
    MEMBER = "member"
    REVIEWER = "reviewer"
    BOARD_MEMBER = "board_member"

    @property
    def label(self) -> str:
        """Human-readable name."""
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMIN: "Administrator",
    Role.CHAIR: "Working-group chair",
    Role.MEMBER: "Working-group member",
    Role.REVIEWER: "Board-selection reviewer",
    Role.BOARD_MEMBER: "Advisory-board member",
}

# Roles whose holders must use a second factor (TOTP) to log in; optional for the others.
MFA_REQUIRED_ROLES = (Role.ADMIN, Role.CHAIR)
