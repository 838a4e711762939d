"""Who may take each step of the board's assessment: the one place that says so.

Views are guarded by Action.DRAFT_ASSESSMENTS and Action.APPROVE_ASSESSMENTS (auth/permissions);
the services ask these rules as well, so the rule holds whatever calls them. Only the board acts:
an account holding any role on the service's side (administrator, working-group chair or member,
reviewer) is refused, even if it somehow also held a board role; so is an account given a board
role without a seat on the board (a serving BoardMember linked to it), so staff cannot make a
stand-in board account. A board chair may not approve their own draft while another active
board chair can; a board with a single chair lets that chair approve their own draft (recorded
in the audit log like every approval).
"""

from flask_babel import gettext as _

from ..auth.models import User
from ..auth.roles import Role
from ..board.selection.membership import SERVICE_ROLES, chair_count, has_seat
from .enums import AssessmentState
from .models import Assessment


def _board_only(actor: User, role: Role) -> bool:
    serving = actor.active and actor.has_role(role) and not actor.roles & SERVICE_ROLES
    return serving and has_seat(actor)


def drafting_refusal(actor: User) -> str | None:
    """Why the actor may not draft or edit an assessment, or None when they may."""
    if not _board_only(actor, Role.BOARD_MEMBER):
        return _("Only advisory-board members draft the board's assessments.")
    return None


def approval_refusal(actor: User, assessment: Assessment) -> str | None:
    """Why the actor may not approve or return this assessment, or None when they may."""
    if not _board_only(actor, Role.BOARD_CHAIR):
        return _("Only the advisory-board chair approves the board's assessments.")
    if assessment.state is not AssessmentState.SUBMITTED:
        return _("Only a submitted assessment can be approved or returned.")
    if assessment.drafted_by_id == actor.id and chair_count(other_than=actor) > 0:
        return _("You drafted this assessment: the other board chair approves it.")
    return None
