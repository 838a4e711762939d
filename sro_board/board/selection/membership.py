"""Members' accounts: the invitation on an accepted offer, board chairs, resignation, term ends.

A member's access ends by itself: membership_usable (registered with auth) refuses the login
and every request of a member whose term ended or who resigned, and `flask board end-terms`
deactivates those accounts for good. Board roles and the service's roles never meet in one
account (independence_refusal, registered with auth): the board judges the service.
"""

from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from ...audit.services import record
from ...auth.links import invite_user
from ...auth.login import end_sessions
from ...auth.models import User, UserRole
from ...auth.roles import Role
from ...auth.services import AccountError
from ...core.clock import today_local
from ...core.extensions import db
from ..errors import BoardError
from ..models import Application, BoardMember

BOARD_ROLES = frozenset({Role.BOARD_MEMBER, Role.BOARD_CHAIR})
SERVICE_ROLES = frozenset(Role) - BOARD_ROLES
MAX_BOARD_CHAIRS = 2
REASON_MAX = 2000


def independence_refusal(user: User, added: frozenset[Role]) -> str | None:
    """Refuse an account both a board role and a service role, or a third board chair."""
    held = user.roles | added
    if held & BOARD_ROLES and held & SERVICE_ROLES:
        return _(
            "The advisory board is independent of the service: one account cannot hold a board "
            "role and a staff role. Remove the other role first."
        )
    if Role.BOARD_CHAIR in added and chair_count(other_than=user) >= MAX_BOARD_CHAIRS:
        return _("The board already has %(count)d chairs.", count=MAX_BOARD_CHAIRS)
    return None


def invite_member(actor: User, member: BoardMember, application: Application) -> None:
    """Give the new member an account with the board-member role (an emailed invitation)."""
    email = (application.email or "").strip().lower()
    if not email:
        return
    user = db.session.scalar(sa.select(User).where(User.email == email))
    if user is None:
        try:
            user = invite_user(
                actor,
                email=email,
                name=member.full_name,
                roles={Role.BOARD_MEMBER},
                language=application.language,
            )
        except AccountError as error:
            raise BoardError(str(error)) from error
    elif user.roles & SERVICE_ROLES:
        raise BoardError(
            _(
                "An account with this applicant's email holds a staff role; a board member "
                "cannot. Change that account first."
            )
        )
    else:  # a member's earlier term: the same account again
        user.set_roles(user.roles | {Role.BOARD_MEMBER})
        user.active = True
        record(actor, "user.roles_changed", "user", user.id, "Board member again (new term)")
    member.user_id = user.id


def membership_usable(user: User) -> bool:
    """False for a board member's account once every one of their terms ended or they resigned."""
    if not user.has_role(*BOARD_ROLES):
        return True
    terms = list(db.session.scalars(sa.select(BoardMember).where(BoardMember.user_id == user.id)))
    today = today_local()
    return not terms or any(term.serving_on(today) for term in terms)


def has_seat(user: User) -> bool:
    """True when the account belongs to a member serving today (a seat, not only a role)."""
    terms = db.session.scalars(sa.select(BoardMember).where(BoardMember.user_id == user.id))
    today = today_local()
    return any(term.serving_on(today) for term in terms)


def _end_access(actor: User | None, user: User, why: str) -> None:
    user.active = False
    end_sessions(user)
    record(
        actor,
        "board.member_access_ended",
        "user",
        user.id,
        why,
        before={"active": True},
        after={"active": False},
    )


def end_terms(actor: User | None = None) -> int:
    """Deactivate the accounts of members whose terms ended or who resigned; how many."""
    users = db.session.scalars(
        sa.select(User)
        .join(BoardMember, BoardMember.user_id == User.id)
        .where(User.active.is_(True))
        .distinct()
        .order_by(User.id)
    )
    ended = [user for user in users if not membership_usable(user)]
    for user in ended:
        _end_access(actor, user, "Board term ended")
    db.session.flush()
    return len(ended)


def chair_count(other_than: User | None = None) -> int:
    """How many active accounts hold the board-chair role (not counting other_than)."""
    query = (
        sa.select(sa.func.count())
        .select_from(User)
        .join(UserRole)
        .where(UserRole.role == Role.BOARD_CHAIR, User.active.is_(True))
    )
    if other_than is not None:
        query = query.where(User.id != other_than.id)
    return db.session.scalar(query) or 0


def set_board_chair(actor: User, member: BoardMember, chair: bool) -> None:
    """Make a serving member board chair (two at most), or no longer chair."""
    user = member.user
    if user is None or not user.active or not member.serving_on(today_local()):
        raise BoardError(_("Only a serving member with an active account can be board chair."))
    if chair == user.has_role(Role.BOARD_CHAIR):
        return
    if chair and chair_count(other_than=user) >= MAX_BOARD_CHAIRS:
        raise BoardError(
            _(
                "The board already has %(count)d chairs. Make one of them a member again first.",
                count=MAX_BOARD_CHAIRS,
            )
        )
    roles = user.roles | {Role.BOARD_CHAIR} if chair else user.roles - {Role.BOARD_CHAIR}
    before = sorted(user.roles)
    user.set_roles(roles)
    record(
        actor,
        "board.chair_set" if chair else "board.chair_unset",
        "board_member",
        member.id,
        "Made board chair" if chair else "No longer board chair",
        before={"roles": before},
        after={"roles": sorted(roles)},
    )


def record_resignation(actor: User, member: BoardMember, resigned_on: date, reason: str) -> None:
    """Record an early resignation: off the roster, and the account's access ends."""
    reason = reason.strip()
    if member.resigned_on is not None:
        raise BoardError(_("This member's resignation is already recorded."))
    if resigned_on > today_local():
        raise BoardError(_("Record a resignation on or after the day it takes effect."))
    if not member.term_start <= resigned_on <= member.term_end:
        raise BoardError(_("The resignation date must fall within the member's term."))
    if not reason or len(reason) > REASON_MAX:
        raise BoardError(_("Give the reason, in at most %(max)d characters.", max=REASON_MAX))
    member.resigned_on, member.resignation_reason = resigned_on, reason
    record(
        actor,
        "board.member_resigned",
        "board_member",
        member.id,
        f"Resignation recorded, effective {resigned_on.isoformat()}",
        after={"resigned_on": resigned_on.isoformat()},
    )
    if member.user is not None and member.user.active and not membership_usable(member.user):
        _end_access(actor, member.user, "Board member resigned")
    db.session.flush()


def chair_ids(members: list[BoardMember]) -> set[int]:
    """The ids of the members whose account holds the board-chair role."""
    return {m.id for m in members if m.user is not None and m.user.has_role(Role.BOARD_CHAIR)}
