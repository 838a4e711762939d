"""The kinds of staff notification, who each one is for (by permission), and their words."""

import enum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ..auth.models import User, UserRole
from ..auth.permissions import PERMISSIONS, Action, can
from ..core.extensions import db


class Kind(enum.StrEnum):
    """A kind of staff notification; each person can switch each one off."""

    DRAFTS_WAITING = "drafts_waiting"
    REVIEWER_ASSIGNED = "reviewer_assigned"
    TERMS = "terms"
    EMAIL_FAILED = "email_failed"

    @property
    def label(self) -> str:
        """The kind in words, in the page's language."""
        return str(LABELS[self])

    @property
    def hint(self) -> str:
        """When the email comes, in the page's language."""
        return str(HINTS[self])


# Who a kind is for: whoever may take one of these actions (auth/permissions.py decides).
ACTIONS: dict[Kind, tuple[Action, ...]] = {
    Kind.DRAFTS_WAITING: (Action.APPROVE_UPDATES, Action.APPROVE_ASSESSMENTS),
    Kind.REVIEWER_ASSIGNED: (Action.REVIEW_APPLICATIONS,),
    Kind.TERMS: (Action.MANAGE_BOARD_MEMBERS,),
    Kind.EMAIL_FAILED: (Action.READ_OUTBOX,),
}

LABELS = {
    Kind.DRAFTS_WAITING: _l("Drafts waiting for my approval"),
    Kind.REVIEWER_ASSIGNED: _l("I am assigned to review an intake"),
    Kind.TERMS: _l("Board members' terms ending or ended"),
    Kind.EMAIL_FAILED: _l("Email the service gave up sending"),
}

HINTS = {
    Kind.DRAFTS_WAITING: _l(
        "One email a day, from 7 a.m., listing what waits for you; none when nothing waits."
    ),
    Kind.REVIEWER_ASSIGNED: _l("One email each time you are made a reviewer of an intake."),
    Kind.TERMS: _l(
        "One email a day, from 7 a.m., when a term ends within 30 days or has just ended."
    ),
    Kind.EMAIL_FAILED: _l(
        "One email a day, from 7 a.m., with how many emails were given up on, and which kinds."
    ),
}


def kinds_for(user: User) -> list[Kind]:
    """The kinds that apply to the user's roles, in a fixed order."""
    return [kind for kind in Kind if any(can(action, user) for action in ACTIONS[kind])]


def holders(kind: Kind) -> list[User]:
    """Active staff with a password whose roles the kind applies to, by id."""
    roles = set().union(*(PERMISSIONS[action] for action in ACTIONS[kind]))
    return list(
        db.session.scalars(
            sa.select(User)
            .where(
                User.active.is_(True),
                User.password_hash != "",
                User.id.in_(sa.select(UserRole.user_id).where(UserRole.role.in_(roles))),
            )
            .order_by(User.id)
        )
    )
