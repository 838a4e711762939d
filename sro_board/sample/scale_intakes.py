"""Scale data for intakes and reviews: past intakes with seats, rubrics and reviewers; scores."""

import random
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa

from ..audit.models import AuditEntry
from ..auth.models import User
from ..board.models import Intake, IntakeSeat
from ..board.review_models import ConflictDeclaration, ReviewerAssignment, RubricCriterion, Score
from ..core.extensions import db
from .applicants import SEATS, intake_values
from .bulk import BulkWriter, Quota, next_id
from .reviews import COMMENTS, CRITERIA

# Past intakes open every half year, going back from the sample's open intake.
INTAKE_EVERY_DAYS = 182
INTAKE_OPEN_DAYS = 30


@dataclass
class IntakeSlot:
    """An intake the scale data writes into: id, the window applications are dated in, criteria."""

    id: int
    opens_at: datetime
    closes_at: datetime
    criteria: list[int] = field(default_factory=list)


def open_intake_slot() -> IntakeSlot | None:
    """The latest intake (the sample's open one) with its criteria, or None."""
    intake = db.session.scalar(sa.select(Intake).order_by(Intake.opens_at.desc()).limit(1))
    if intake is None:
        return None
    criteria = db.session.scalars(
        sa.select(RubricCriterion.id).where(RubricCriterion.intake_id == intake.id)
    )
    return IntakeSlot(intake.id, intake.opens_at, intake.closes_at, list(criteria))


def add_past_intakes(
    writer: BulkWriter, how_many: int, before: datetime, reviewers: list[User]
) -> list[IntakeSlot]:
    """Queue `how_many` closed intakes, each with seats, the rubric and the reviewers."""
    intake_id, criterion_id = next_id(Intake.__table__), next_id(RubricCriterion.__table__)
    slots = []
    for k in range(how_many):
        opens = before - timedelta(days=INTAKE_EVERY_DAYS * (k + 1))
        closes = opens + timedelta(days=INTAKE_OPEN_DAYS)
        row = asdict(intake_values(opens, closes))
        del row["seats"]
        row |= {"id": intake_id, "title": f"Advisory board: intake of {opens:%B %Y}"}
        writer.add(Intake.__table__, row | {"created_at": opens - timedelta(days=3)})
        for category, seats in SEATS.items():
            writer.add(
                IntakeSeat.__table__, {"intake_id": intake_id, "category": category, "seats": seats}
            )
        slot = IntakeSlot(intake_id, opens, closes)
        for position, (name, description, weight) in enumerate(CRITERIA):
            writer.add(
                RubricCriterion.__table__,
                {
                    "id": criterion_id,
                    "intake_id": intake_id,
                    "position": position,
                    "name": name,
                    "description": description,
                    "weight": weight,
                },
            )
            slot.criteria.append(criterion_id)
            criterion_id += 1
        for reviewer in reviewers:
            writer.add(
                ReviewerAssignment.__table__, {"intake_id": intake_id, "user_id": reviewer.id}
            )
        slots.append(slot)
        intake_id += 1
    return slots


def add_reviews(
    writer: BulkWriter,
    rng: random.Random,
    reviewed: list[tuple[int, IntakeSlot]],
    reviewers: list[User],
    wanted: int,
    audit,
) -> int:
    """Queue `wanted` reviews (a declaration and scores) spread over the reviewed applications."""
    quota = Quota(wanted, len(reviewed) * len(reviewers))
    done = 0
    for reviewer in reviewers:
        for application_id, slot in reviewed:
            if not quota.take():
                continue
            at = slot.closes_at + timedelta(days=2, minutes=done % 5000)
            conflict = rng.random() < 0.02 or not slot.criteria
            writer.add(
                ConflictDeclaration.__table__,
                {
                    "application_id": application_id,
                    "reviewer_id": reviewer.id,
                    "has_conflict": conflict,
                    "declared_at": at,
                    "scores_complete": not conflict,  # a score on every criterion follows
                },
            )
            done += 1
            if not conflict:
                _scores(writer, rng, application_id, reviewer, slot, at)
            if audit.primary.take():
                _audit(writer, reviewer, application_id, at, conflict)
    return done


def _scores(writer, rng, application_id: int, reviewer: User, slot: IntakeSlot, at) -> None:
    for criterion_id in slot.criteria:
        writer.add(
            Score.__table__,
            {
                "application_id": application_id,
                "reviewer_id": reviewer.id,
                "criterion_id": criterion_id,
                "score": rng.choice([2, 3, 3, 4, 4, 4, 5, 5]),
                "comment": rng.choice(COMMENTS),
                "scored_at": at,
            },
        )


def _audit(writer, reviewer: User, application_id: int, at: datetime, conflict: bool) -> None:
    summary = (
        f"Application {application_id}: reviewer declared a conflict of interest"
        if conflict
        else f"Application {application_id}: reviewer scored {len(CRITERIA)} criteria"
    )
    writer.add(
        AuditEntry.__table__,
        {
            "created_at": at,
            "actor_id": reviewer.id,
            "actor_label": reviewer.email,
            "system_actor": None,
            "action": "review.conflict" if conflict else "review.score",
            "entity_type": "application",
            "entity_id": str(application_id),
            "summary": summary,
            "before": None,
            "after": {"has_conflict": conflict},
        },
    )
