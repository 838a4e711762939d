"""Who may manage which body's meetings (the record-level rule under MANAGE_MEETINGS)."""

from ..auth.roles import Role
from .enums import Body

# The advisory board's meetings are run by its chair; the working group's by its chair.
MANAGERS: dict[Body, frozenset[Role]] = {
    Body.ADVISORY_BOARD: frozenset({Role.ADMIN, Role.BOARD_CHAIR}),
    Body.WORKING_GROUP: frozenset({Role.ADMIN, Role.CHAIR}),
}


def may_manage(user, body: Body) -> bool:
    """True if the user may create and run this body's meetings."""
    return bool(user.is_authenticated and user.has_role(*MANAGERS[body]))


def bodies_of(user) -> list[Body]:
    """The bodies whose meetings the user may manage."""
    return [body for body in Body if may_manage(user, body)]
