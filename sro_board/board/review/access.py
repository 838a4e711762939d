"""Who may review which application, and who may be made a reviewer: the one place that says so.

docs/permissions.md points here. A reviewer reviews an application only while it is in review
and its personal data is kept, of an intake they are assigned to, and never one they declared
a conflict of interest on. Only active staff with the reviewer role can be assigned to an intake,
and never an admin or chair: they see applicants' names, so their review would not be blind.
The other way round, an admin or chair role is refused to a reviewer of an intake still in
selection (role_refusal, registered with auth). Views guard the reviewer's pages with
Action.REVIEW_APPLICATIONS; these rules choose the rows.
"""

import sqlalchemy as sa
from flask_babel import gettext as _

from ...auth.models import User, UserRole
from ...auth.roles import Role
from ...core.clock import now_utc
from ...core.extensions import db
from ..models import Application, Intake
from ..review_models import ConflictDeclaration, ReviewerAssignment
from ..stages import STAGE_TRANSITIONS, Stage

# Reviewers see and score applications while they are in review.
REVIEWABLE_STAGES = frozenset({Stage.IN_REVIEW})
# Roles that see applicants' names: never a reviewer of an intake still in selection.
SEEING_ROLES = frozenset({Role.ADMIN, Role.CHAIR})
OPEN_STAGES = frozenset(stage for stage, onward in STAGE_TRANSITIONS.items() if onward)


def reviewable_by(user: User) -> sa.ColumnElement[bool]:
    """The applications the user may review, as a condition on Application (for any query)."""
    # Uncorrelated IN lists: worked out once per query, not once per application.
    assigned = Application.intake_id.in_(
        sa.select(ReviewerAssignment.intake_id).where(ReviewerAssignment.user_id == user.id)
    )
    conflicted = Application.id.in_(
        sa.select(ConflictDeclaration.application_id).where(
            ConflictDeclaration.reviewer_id == user.id,
            # "= true", not "IS true": an index condition (ix_conflict_declaration_conflicts).
            ConflictDeclaration.has_conflict == sa.true(),
        )
    )
    return sa.and_(
        Application.stage.in_(REVIEWABLE_STAGES),
        Application.purged_at.is_(None),
        assigned,
        ~conflicted,
    )


def assignment_refusal(user: User, intake: Intake) -> str | None:
    """Why the user cannot be made a reviewer of the intake, or None when they can."""
    if not user.active or not user.has_role(Role.REVIEWER):
        return _("Only active staff with the reviewer role can be assigned.")
    if user.has_role(*SEEING_ROLES):
        return _(
            "%(name)s is an admin or chair and sees applicants' names, so cannot review "
            "blind. Choose another reviewer, or remove that role first.",
            name=user.name,
        )
    if db.session.get(ReviewerAssignment, (intake.id, user.id)):
        return _("%(name)s is already a reviewer of this intake.", name=user.name)
    return None


def can_be_assigned(user: User, intake: Intake) -> bool:
    """True if the user may be made a reviewer of the intake."""
    return assignment_refusal(user, intake) is None


def reviewer_candidates(intake: Intake) -> list[User]:
    """Everyone who can_be_assigned to the intake (active reviewers not yet assigned), by name."""
    assigned = sa.select(ReviewerAssignment.user_id).where(
        ReviewerAssignment.intake_id == intake.id
    )
    return list(
        db.session.scalars(
            sa.select(User)
            .join(UserRole)
            .where(UserRole.role == Role.REVIEWER, User.active.is_(True))
            .where(User.id.not_in(assigned))
            .where(~User.role_rows.any(UserRole.role.in_(SEEING_ROLES)))
            .order_by(User.name)
        ).unique()
    )


def intakes_in_selection_reviewed_by(user: User) -> list[Intake]:
    """The intakes the user reviews that are still open or have an application not decided."""
    undecided = (
        sa.exists()
        .where(
            Application.intake_id == Intake.id,
            Application.stage.in_(OPEN_STAGES),
            Application.purged_at.is_(None),
        )
        .correlate(Intake)
    )
    return list(
        db.session.scalars(
            sa.select(Intake)
            .join(ReviewerAssignment, ReviewerAssignment.intake_id == Intake.id)
            .where(ReviewerAssignment.user_id == user.id)
            .where(sa.or_(Intake.closes_at > now_utc(), undecided))
            .order_by(Intake.id)
        )
    )


def role_refusal(user: User, added: frozenset[Role]) -> str | None:
    """Refuse an admin or chair role to a reviewer of an intake still in selection."""
    if not added & SEEING_ROLES or user.id is None:
        return None
    if intakes := intakes_in_selection_reviewed_by(user):
        titles = ", ".join(f"“{intake.title}”" for intake in intakes)
        return _(
            "%(name)s reviews %(titles)s, still in selection; an admin or chair sees "
            "applicants' names. Remove them from its reviewers first, or wait until every "
            "application there is decided.",
            name=user.name,
            titles=titles,
        )
    return None
