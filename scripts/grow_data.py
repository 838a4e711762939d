"""Grow a database that holds the sample data to a real service's scale, by bulk inserts.

Usage (never against production data; it refuses ProductionConfig):
    DATABASE_URL=sqlite:////tmp/scale.db .venv/bin/flask db upgrade
    DATABASE_URL=sqlite:////tmp/scale.db .venv/bin/flask sample load
    DATABASE_URL=sqlite:////tmp/scale.db .venv/bin/python scripts/grow_data.py --scale 1

--scale 1 adds 1,000 recommendations, 100,000 approved updates, 50,000 applications to the
first intake (with scores from its reviewers), 50,000 audit entries, 2,000 contact messages
and 5,000 emails; --scale 0.1 a tenth of each. Rows go in through the models' tables (Core
executemany), so the column types (UTC times, enums, encryption) apply as in the app.
"""

import argparse
import os
import sys
from datetime import timedelta
from itertools import islice

import sqlalchemy as sa

from sro_board import create_app
from sro_board.audit.models import AuditEntry
from sro_board.auth.models import User, UserRole
from sro_board.auth.roles import Role
from sro_board.board.enums import Category
from sro_board.board.models import Application, Intake, ReviewerAssignment, RubricCriterion, Score
from sro_board.board.stages import Stage
from sro_board.contact.models import ContactMessage, MessageState, Topic
from sro_board.core.clock import now_utc, today_local
from sro_board.core.extensions import db
from sro_board.mail.models import OutboxEmail
from sro_board.recommendations.enums import ImplementationStatus, Theme, UpdateState
from sro_board.recommendations.models import Recommendation, RecommendationReport, Update

BATCH = 5000
STAGES = [Stage.ELIGIBLE, Stage.IN_REVIEW, Stage.IN_REVIEW, Stage.SHORTLISTED, Stage.DECLINED]


def insert(model, rows) -> int:
    """Insert rows (an iterable of dicts) in batches; how many went in."""
    rows, count = iter(rows), 0
    while batch := list(islice(rows, BATCH)):
        db.session.execute(model.__table__.insert(), batch)
        count += len(batch)
    return count


def grow_tracker(recs: int, updates: int, author_id: int) -> None:
    """Recommendations R-1001... and approved updates spread over them, newest last."""
    start, today, now = 1001, today_local(), now_utc()
    before = db.session.scalar(sa.select(sa.func.max(Recommendation.id))) or 0
    insert(
        Recommendation,
        (
            {
                "code": f"R-{n}",
                "title": f"Scaled recommendation {n}",
                "description": "A recommendation added to measure the app at scale. " * 3,
                "theme": list(Theme)[n % len(Theme)],
                "lead_unit": "Youth Education Unit",
                "lead_user_id": author_id if n % 3 == 0 else None,
                "target_date": today + timedelta(days=(n % 9 - 3) * 45),
                "baseline_target_date": today,
                "baseline_recorded_at": now,
                "status": list(ImplementationStatus)[n % len(ImplementationStatus)],
                "progress": n % 101,
                "last_public_update_at": now - timedelta(days=n % 120),
                "version": 1,
                "feasibility_rationale": "",
                "progress_from_milestones": False,
            }
            for n in range(start, start + recs)
        ),
    )
    ids = list(db.session.scalars(sa.select(Recommendation.id).where(Recommendation.id > before)))
    insert(RecommendationReport, ({"recommendation_id": i, "report": "final"} for i in ids))
    insert(
        Update,
        (
            {
                "recommendation_id": ids[n % len(ids)],
                "author_id": author_id,
                "created_at": now - timedelta(minutes=updates - n),
                "decided_at": now - timedelta(minutes=updates - n),
                "decided_by_id": author_id,
                "state": UpdateState.APPROVED,
                "changes": {"progress": {"old": n % 100, "new": (n + 1) % 100}},
                "public_note": f"Step {n}: the work went on as planned and was checked."
                if n % 2
                else "",
                "internal_note": "",
                "decision_note": "",
                "based_on_version": 1,
                "resulting_version": 2,
            }
            for n in range(updates)
        ),
    )


def grow_board(applications: int) -> None:
    """Applications to the first intake, a fifth of them scored by each of its reviewers."""
    intake = db.session.scalars(sa.select(Intake).order_by(Intake.id)).first()
    reviewers = list(
        db.session.scalars(sa.select(UserRole.user_id).where(UserRole.role == Role.REVIEWER))
    )
    for user_id in reviewers:
        if db.session.get(ReviewerAssignment, (intake.id, user_id)) is None:
            db.session.add(ReviewerAssignment(intake_id=intake.id, user_id=user_id))
    now, first = now_utc(), db.session.scalar(sa.select(sa.func.max(Application.id))) or 0
    insert(
        Application,
        (
            {
                "intake_id": intake.id,
                "reference": f"SCL-{n:07d}",
                "category": list(Category)[n % len(Category)],
                "stage": STAGES[n % len(STAGES)],
                "created_at": now - timedelta(seconds=applications - n),
                "version": 1,
                "name": f"Scaled Applicant {n}",
                "email": f"scaled{n}@example.org",
                "motivation": "I want to help. " * 10,
                "consent_notice": True,
                "consent_roster": False,
                "consent_full_name": False,
                "eligibility_reason": "",
                "override_reason": "",
            }
            for n in range(applications)
        ),
    )
    app_ids = db.session.scalars(
        sa.select(Application.id).where(
            Application.id > first, Application.stage == Stage.IN_REVIEW
        )
    ).all()
    criteria = db.session.scalars(
        sa.select(RubricCriterion.id).where(RubricCriterion.intake_id == intake.id)
    ).all()
    insert(
        Score,
        (
            {
                "application_id": a,
                "reviewer_id": r,
                "criterion_id": c,
                "score": 1 + (a + r + c) % 5,
                "comment": "",
                "scored_at": now,
            }
            for a in app_ids[: len(app_ids) // 2]
            for r in reviewers
            for c in criteria
        ),
    )


def grow_staff_lists(audit: int, messages: int, emails: int) -> None:
    """Audit entries, contact messages and outbox emails, newest last."""
    now = now_utc()
    insert(
        AuditEntry,
        (
            {
                "created_at": now - timedelta(seconds=audit - n),
                "actor_label": "system (command line)",
                "action": "recommendation.update",
                "entity_type": "recommendation",
                "entity_id": str(n % 1000),
                "summary": f"Scaled entry {n}",
                "before": {"progress": n % 100},
                "after": {"progress": (n + 1) % 100},
            }
            for n in range(audit)
        ),
    )
    insert(
        ContactMessage,
        (
            {
                "created_at": now - timedelta(minutes=messages - n),
                "topic": list(Topic)[n % len(Topic)],
                "message": f"Scaled message {n}. " * 5,
                "name": "",
                "email": "",
                "state": MessageState.OPEN,
            }
            for n in range(messages)
        ),
    )
    insert(
        OutboxEmail,
        (
            {
                "created_at": now - timedelta(minutes=emails - n),
                "recipient": f"scaled{n}@example.org",
                "subject": f"Scaled email {n}",
                "body": "Hello. " * 40,
                "delivered": True,
            }
            for n in range(emails)
        ),
    )


def main() -> int:
    """Parse the scale, then grow the database named by DATABASE_URL."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    scale = parser.parse_args().scale
    if os.environ.get("SRO_BOARD_CONFIG", "development") == "production":
        print("Refused under the production configuration.", file=sys.stderr)
        return 1
    app = create_app()
    with app.app_context():
        author = db.session.scalar(sa.select(User.id).where(User.email == "chair@example.org"))
        if author is None:
            print("Load the sample data first (flask sample load).", file=sys.stderr)
            return 1
        grow_tracker(int(1000 * scale), int(100_000 * scale), author)
        grow_board(int(50_000 * scale))
        grow_staff_lists(int(50_000 * scale), int(2000 * scale), int(5000 * scale))
        db.session.commit()
    print(f"Grown at scale {scale}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
