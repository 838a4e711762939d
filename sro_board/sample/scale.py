"""`flask sample scale`: the sample database grown to a real service's scale, in bulk.

The counts are totals: the sample data is loaded first (through the services) if it is not
there, and only what is missing is added, so running the command again adds nothing. Rows go
in through bulk inserts (sample/bulk.py); nothing here goes through the services, which would
take hours at this scale.
"""

import random
from dataclasses import dataclass, replace
from datetime import timedelta

import sqlalchemy as sa

from ..audit.models import AuditEntry
from ..auth.models import User
from ..board.models import Application, Intake, StageEvent
from ..board.review.aggregates import refresh_scores
from ..board.review_models import ConflictDeclaration, RubricCriterion, Score
from ..core.clock import now_utc
from ..core.extensions import db
from ..recommendations.enums import UpdateState
from ..recommendations.models import Evidence, Milestone, Recommendation, Update
from .bulk import BulkWriter, Quota, count, next_id, reset_sequences
from .reviews import SECOND_REVIEWER
from .scale_board import ApplicationWriter, is_reviewed, plan_applications
from .scale_intakes import add_past_intakes, add_reviews, open_intake_slot
from .scale_tracker import Staff, load_tracker


@dataclass(frozen=True)
class ScaleCounts:
    """Totals asked for; None means in proportion to the others."""

    recommendations: int = 1000
    updates: int = 100_000
    applications: int = 50_000
    intakes: int = 5
    reviews: int | None = None  # default: one per two applications
    audit: int | None = None  # default: one per update, application and review added


@dataclass
class AuditQuotas:
    """Which audit entries to write: the main one per thing added, then extra ones."""

    primary: Quota
    extra: Quota


@dataclass
class Plan:
    """What is missing, worked out before anything is written."""

    existing_recommendations: int
    new_recommendations: int
    new_updates: int
    new_intakes: int
    new_reviews: int
    audit: AuditQuotas


def _user(email: str) -> User:
    user = db.session.scalar(sa.select(User).where(User.email == email))
    if user is None:
        raise RuntimeError(f"the sample data has no {email}; load it with `flask sample load`")
    return user


def _approved_updates() -> int:
    query = sa.select(sa.func.count()).where(Update.state == UpdateState.APPROVED)
    return db.session.scalar(query) or 0


def scale_up(counts: ScaleCounts, seed: int = 12) -> dict[str, int]:
    """Grow the sample database to the counts (caller commits); returns what was added."""
    rng = random.Random(seed)  # noqa: S311 - repeatable sample data, not a secret
    now = now_utc()
    staff = Staff(*(_user(f"{r}@example.org") for r in ("admin", "chair", "member")))
    reviewers = [_user("reviewer@example.org"), _user(SECOND_REVIEWER[0])]
    recs = count(Recommendation.__table__)
    new_recs = max(counts.recommendations - recs, 0)
    new_updates = max(counts.updates - _approved_updates(), 0) if new_recs else 0
    open_slot = open_intake_slot()
    if open_slot:  # the open intake's applications are dated up to its review, 4 days ago
        open_slot.closes_at = min(open_slot.closes_at, now - timedelta(days=5))
    new_intakes = max(counts.intakes - count(Intake.__table__), 0)
    slots_count = new_intakes + (1 if open_slot else 0)
    new_apps = max(counts.applications - count(Application.__table__), 0) if slots_count else 0
    planned = plan_applications(rng, new_apps, slots_count)
    if open_slot is None:  # no open intake: every application goes to a past one
        planned = [replace(p, intake=p.intake + 1) for p in planned]
    reviewable = sum(1 for p in planned if is_reviewed(p.path)) * len(reviewers)
    wanted_reviews = counts.reviews if counts.reviews is not None else counts.applications // 2
    reviews_so_far = count(ConflictDeclaration.__table__)
    new_reviews = min(max(wanted_reviews - reviews_so_far, 0), reviewable)
    primary = new_updates + new_apps + new_reviews
    extra = new_updates + sum(len(p.path) for p in planned)
    audit_total = (
        counts.audit if counts.audit is not None else count(AuditEntry.__table__) + primary
    )
    new_audit = max(audit_total - count(AuditEntry.__table__), 0)
    plan = Plan(
        recs,
        new_recs,
        new_updates,
        new_intakes,
        new_reviews,
        AuditQuotas(Quota(new_audit, primary), Quota(new_audit - primary, extra)),
    )
    writer = BulkWriter()
    before = open_slot.opens_at if open_slot else now
    slots = add_past_intakes(writer, new_intakes, before, reviewers)
    slots = ([open_slot] if open_slot else []) + slots
    load_tracker(writer, rng, now, staff, plan)
    reviewed = _applications(writer, rng, planned, slots, staff.admin, plan.audit)
    added_reviews = add_reviews(writer, rng, reviewed, reviewers, new_reviews, plan.audit)
    writer.flush()
    # The scores went in without the review services: store the results they would have.
    refresh_scores(Application.id.in_(sa.select(Score.application_id)))
    tables = [Recommendation, Update, Milestone, Evidence, Intake, RubricCriterion]
    reset_sequences([m.__table__ for m in [*tables, Application, StageEvent, AuditEntry]])
    added = dict(writer.counts)
    return {
        "recommendations": added.get("recommendation", 0),
        "approved updates": new_updates,
        "intakes": new_intakes,
        "applications": added.get("application", 0),
        "stage events": added.get("stage_event", 0),
        "reviews": added_reviews,
        "scores": added.get("score", 0),
        "audit entries": added.get("audit_entry", 0),
    }


def _applications(writer, rng, planned, slots, admin: User, audit) -> list:
    """Queue the planned applications; returns (id, intake slot) of those that were reviewed."""
    applications = ApplicationWriter(writer, rng, admin.id, admin.email)
    first_id = next_id(Application.__table__)
    reviewed = []
    for n, planned_one in enumerate(planned):
        slot = slots[planned_one.intake]
        window = (slot.id, slot.opens_at, slot.closes_at)
        applications.write(first_id + n, first_id + n, planned_one, window, audit)
        if is_reviewed(planned_one.path):
            reviewed.append((first_id + n, slot))
    return reviewed
