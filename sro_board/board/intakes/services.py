"""Intakes: their windows, seats and notice, which one is open, its reviewers, starting review."""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask_babel import gettext as _

from ...audit.services import record
from ...auth.models import User
from ...core.clock import now_utc
from ...core.extensions import db
from ..bilingual import N_
from ..enums import Category
from ..errors import BoardError
from ..models import Application, Intake, IntakeSeat
from ..review.access import assignment_refusal
from ..review_models import ReviewerAssignment
from ..signals import reviewer_assigned
from ..stages import Stage
from ..transitions import move_to

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
    "title_fr",
    "notice_purpose_fr",
    "notice_authority_fr",
    "notice_contact_title_fr",
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
    # The public text in French (optional: empty shows the English, marked untranslated).
    title_fr: str = ""
    notice_purpose_fr: str = ""
    notice_authority_fr: str = ""
    notice_contact_title_fr: str = ""


def _snapshot(intake: Intake) -> dict:
    values = {name: getattr(intake, name) for name in INTAKE_FIELDS}
    values["opens_at"] = values["opens_at"].isoformat() if values["opens_at"] else None
    values["closes_at"] = values["closes_at"].isoformat() if values["closes_at"] else None
    values["seats"] = {seat.category.value: seat.seats for seat in intake.seats}
    return values


def _apply(intake: Intake, values: IntakeValues) -> None:
    if values.closes_at <= values.opens_at:
        raise BoardError(_("The intake must close after it opens."))
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


def open_intake(moment: datetime | None = None) -> Intake | None:
    """The intake taking applications now (the one closing soonest, if several are)."""
    moment = moment or now_utc()
    return db.session.scalar(
        sa.select(Intake)
        .where(Intake.opens_at <= moment, Intake.closes_at > moment)
        .order_by(Intake.closes_at, Intake.id)
        .limit(1)
    )


def next_intake(moment: datetime | None = None) -> Intake | None:
    """The next intake to open, if one is planned."""
    moment = moment or now_utc()
    return db.session.scalar(
        sa.select(Intake).where(Intake.opens_at > moment).order_by(Intake.opens_at).limit(1)
    )


def is_open(intake: Intake, moment: datetime | None = None) -> bool:
    """True while the intake accepts applications."""
    moment = moment or now_utc()
    return intake.opens_at <= moment < intake.closes_at


def start_review(actor: User, intake: Intake) -> int:
    """Move every eligible application of the intake into review; returns how many moved."""
    ready = db.session.scalars(
        sa.select(Application)
        .where(Application.intake_id == intake.id, Application.stage == Stage.ELIGIBLE)
        .order_by(Application.id)
    ).all()
    for application in ready:
        move_to(application, Stage.IN_REVIEW, actor, N_("Review started for the intake."))
    return len(ready)


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
    reviewer_assigned.send(intake, reviewer=reviewer)
    return assignment


def unassign_reviewer(actor: User, intake: Intake, reviewer_id: int) -> None:
    """Remove a reviewer from the intake; scores already given are kept."""
    assignment = db.session.get(ReviewerAssignment, (intake.id, reviewer_id))
    if assignment is None:
        raise BoardError(_("That person is not a reviewer of this intake."))
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
