"""Staff roles and what each may do."""

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

# Who may do what; views guard with role_required(*roles) using these groups.
WORKING_GROUP = (Role.ADMIN, Role.CHAIR, Role.MEMBER)
APPROVERS = (Role.ADMIN, Role.CHAIR)
AUDIT_READERS = (Role.ADMIN, Role.CHAIR)
INBOX_READERS = (Role.ADMIN, Role.CHAIR)
