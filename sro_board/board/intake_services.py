"""Intake administration: intakes and seats, reviewers, rubric criteria, stage moves by staff."""

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from ..audit.services import record
from ..auth.models import User, UserRole
from ..auth.roles import Role
from ..extensions import db
from ..timeutil import now_utc
from .models import (
    Application,
    Intake,
    IntakeSeat,
    ReviewerAssignment,
    RubricCriterion,
    Score,
)
from .stages import Category, Stage, stage_move_allowed
from .transitions import BoardError, move_to

INTAKE_FIELDS = (
    "title",
    "opens_at",
    "closes_at",
    "term_months",
    "notice_purpose",
    "notice_authority",
    "notice_contact_title",
    "notice_contact_email",
    "notice_contact_phone",
)
INTERVIEW_FORMATS = ("In person", "Video call", "Phone call")


@dataclass
class IntakeValues:
    """What an admin enters for an intake (date-times aware, in UTC)."""

    title: str
    opens_at: datetime
    closes_at: datetime
    term_months: int
    seats: dict[Category, int]
    notice_purpose: str
    notice_authority: str
    notice_contact_title: str
    notice_contact_email: str
    notice_contact_phone: str


def _snapshot(intake: Intake) -> dict:
    values = {name: getattr(intake, name) for name in INTAKE_FIELDS}
    values["opens_at"] = values["opens_at"].isoformat() if values["opens_at"] else None
    values["closes_at"] = values["closes_at"].isoformat() if values["closes_at"] else None
    values["seats"] = {seat.category.value: seat.seats for seat in intake.seats}
    return values


def _apply(intake: Intake, values: IntakeValues) -> None:
    if values.closes_at <= values.opens_at:
        raise BoardError("The intake must close after it opens.")
    for name in INTAKE_FIELDS:
        value = getattr(values, name)
        setattr(intake, name, value.strip() if isinstance(value, str) else value)
    by_category = {seat.category: seat for seat in intake.seats}
    for category in Category:
        count = values.seats.get(category, 0)
        if category in by_category:
            by_category[category].seats = count
        else:
            intake.seats.append(IntakeSeat(category=category, seats=count))


def create_intake(actor: User, values: IntakeValues) -> Intake:
    """Add an intake with its seats and collection notice."""
    intake = Intake()
    _apply(intake, values)
    db.session.add(intake)
    db.session.flush()
    record(
        actor,
        "intake.create",
        "intake",
        intake.id,
        f"Intake added: {intake.title}",
        after=_snapshot(intake),
    )
    return intake


def update_intake(actor: User, intake: Intake, values: IntakeValues) -> Intake:
    """Change an intake's window, seats, term or notice."""
    before = _snapshot(intake)
    _apply(intake, values)
    db.session.flush()
    after = _snapshot(intake)
    changed = {k for k in after if after[k] != before[k]}
    record(
        actor,
        "intake.update",
        "intake",
        intake.id,
        f"Intake changed: {intake.title}",
        before={k: before[k] for k in changed},
        after={k: after[k] for k in changed},
    )
    return intake


def intake_is_open(intake: Intake, moment: datetime | None = None) -> bool:
    """True while the intake accepts applications."""
    moment = moment or now_utc()
    return _aware(intake.opens_at) <= moment < _aware(intake.closes_at)


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; they are UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# Reviewers ----------------------------------------------------------------------------------


def reviewer_candidates(intake: Intake) -> list[User]:
    """Active reviewers not yet assigned to the intake."""
    assigned = sa.select(ReviewerAssignment.user_id).where(
        ReviewerAssignment.intake_id == intake.id
    )
    return list(
        db.session.scalars(
            sa.select(User)
            .join(UserRole)
            .where(UserRole.role == Role.REVIEWER, User.active.is_(True))
            .where(User.id.not_in(assigned))
            .order_by(User.name)
        ).unique()
    )


def assign_reviewer(actor: User, intake: Intake, reviewer: User) -> ReviewerAssignment:
    """Let a reviewer review the intake's applications."""
    if not reviewer.active or not reviewer.has_role(Role.REVIEWER):
        raise BoardError("Only active staff with the reviewer role can be assigned.")
    if db.session.get(ReviewerAssignment, (intake.id, reviewer.id)):
        raise BoardError(f"{reviewer.name} is already a reviewer of this intake.")
    assignment = ReviewerAssignment(intake_id=intake.id, user_id=reviewer.id)
    db.session.add(assignment)
    record(
        actor,
        "intake.reviewer_assign",
        "intake",
        intake.id,
        f"Reviewer assigned to intake {intake.id}: {reviewer.name}",
        after={"reviewer_id": reviewer.id},
    )
    db.session.flush()
    return assignment


def unassign_reviewer(actor: User, intake: Intake, reviewer_id: int) -> None:
    """Remove a reviewer from the intake; scores already given are kept."""
    assignment = db.session.get(ReviewerAssignment, (intake.id, reviewer_id))
    if assignment is None:
        raise BoardError("That person is not a reviewer of this intake.")
    name = assignment.user.name
    db.session.delete(assignment)
    record(
        actor,
        "intake.reviewer_unassign",
        "intake",
        intake.id,
        f"Reviewer removed from intake {intake.id}: {name}",
        before={"reviewer_id": reviewer_id},
    )
    db.session.flush()


# Rubric -------------------------------------------------------------------------------------


def _criterion_values(criterion: RubricCriterion) -> dict:
    return {
        "name": criterion.name,
        "description": criterion.description,
        "weight": criterion.weight,
        "position": criterion.position,
    }


def add_criterion(
    actor: User, intake: Intake, name: str, description: str, weight: int
) -> RubricCriterion:
    """Add a weighted criterion at the end of the intake's rubric."""
    _check_weight(weight)
    position = 1 + max((c.position for c in intake.criteria), default=0)
    criterion = RubricCriterion(
        name=name.strip(), description=description.strip(), weight=weight, position=position
    )
    intake.criteria.append(criterion)
    db.session.flush()
    record(
        actor,
        "rubric.add",
        "intake",
        intake.id,
        f"Criterion added: {criterion.name}",
        after=_criterion_values(criterion),
    )
    return criterion


def update_criterion(
    actor: User, criterion: RubricCriterion, name: str, description: str, weight: int
) -> RubricCriterion:
    """Rename or reweight a criterion (the ranking is recomputed from the new weight)."""
    _check_weight(weight)
    before = _criterion_values(criterion)
    criterion.name, criterion.description, criterion.weight = (
        name.strip(),
        description.strip(),
        weight,
    )
    db.session.flush()
    record(
        actor,
        "rubric.update",
        "intake",
        criterion.intake_id,
        f"Criterion changed: {criterion.name}",
        before=before,
        after=_criterion_values(criterion),
    )
    return criterion


def delete_criterion(actor: User, criterion: RubricCriterion) -> None:
    """Remove a criterion nobody has scored yet."""
    scored = db.session.scalar(
        sa.select(sa.func.count()).select_from(Score).where(Score.criterion_id == criterion.id)
    )
    if scored:
        raise BoardError(
            f"“{criterion.name}” already has {scored} score{'' if scored == 1 else 's'}; "
            "it can be renamed or reweighted but not removed."
        )
    record(
        actor,
        "rubric.delete",
        "intake",
        criterion.intake_id,
        f"Criterion removed: {criterion.name}",
        before=_criterion_values(criterion),
    )
    db.session.delete(criterion)
    db.session.flush()


def _check_weight(weight: int) -> None:
    if not 1 <= weight <= 10:
        raise BoardError("A weight is a whole number from 1 to 10.")


# Stage moves by staff -----------------------------------------------------------------------


def move_application(
    actor: User,
    application: Application,
    new_stage: Stage,
    reason: str,
    interview_at: datetime | None = None,
    interview_format: str | None = None,
):
    """An admin's stage move: checks the admin's own rules, then calls move_to."""
    reason = (reason or "").strip()
    if not reason:
        raise BoardError("Give a reason for the move; it is kept in the application's history.")
    if application.purged_at is not None:
        raise BoardError("This application's personal data was deleted; it cannot move.")
    if new_stage is Stage.ELIGIBLE and _awaits_guardian(application):
        raise BoardError(
            "A student under 18 becomes eligible only once their guardian has confirmed consent."
        )
    if new_stage is Stage.INTERVIEW:
        if interview_at is None or not interview_format:
            raise BoardError("An interview needs a date and time and a format.")
        if interview_format not in INTERVIEW_FORMATS:
            raise BoardError("Choose one of the interview formats.")
        if _aware(interview_at) <= now_utc():
            raise BoardError("The interview date and time must be in the future.")
    old = application.stage
    if not stage_move_allowed(old, new_stage):
        move_to(application, new_stage, actor, reason)  # raises BoardError with the message
    if new_stage is Stage.INTERVIEW:
        # Set before move_to so the interview email carries the date and format.
        application.interview_at = interview_at
        application.interview_format = interview_format
    event = move_to(application, new_stage, actor, reason)
    if old is Stage.INELIGIBLE and new_stage is Stage.ELIGIBLE:
        application.override_reason = reason
    elif new_stage is Stage.INELIGIBLE:
        application.eligibility_reason = reason
    if new_stage is Stage.ACCEPTED:
        from .members import make_member

        make_member(actor, application)
    db.session.flush()
    return event


def _awaits_guardian(application: Application) -> bool:
    """True for a minor student whose guardian has not confirmed consent."""
    if application.category is not Category.STUDENT:
        return False
    if application.age_range is None or not application.age_range.is_minor:
        return False
    guardian = application.guardian
    return guardian is None or guardian.confirmed_at is None


def start_review(actor: User, intake: Intake) -> int:
    """Move every eligible application of the intake into review; returns how many moved."""
    ready = db.session.scalars(
        sa.select(Application)
        .where(Application.intake_id == intake.id, Application.stage == Stage.ELIGIBLE)
        .order_by(Application.id)
    ).all()
    for application in ready:
        move_to(application, Stage.IN_REVIEW, actor, "Review started for the intake.")
    return len(ready)
