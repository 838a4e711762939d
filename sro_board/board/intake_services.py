"""Intake administration: intakes and seats, reviewers, rubric criteria."""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from ..audit.services import record
from ..auth.models import User
from ..core.extensions import db
from .enums import Category
from .errors import BoardError
from .models import (
    Intake,
    IntakeSeat,
    ReviewerAssignment,
    RubricCriterion,
    Score,
)
from .review.access import assignment_refusal

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


# Reviewers ----------------------------------------------------------------------------------


def assign_reviewer(actor: User, intake: Intake, reviewer: User) -> ReviewerAssignment:
    """Let a reviewer review the intake's applications."""
    if refusal := assignment_refusal(reviewer, intake):
        raise BoardError(refusal)
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
