"""Demo reviews: a rubric, reviewers, blind scores and a few decisions for the sample intake.

Everything goes through the same services as the app (blind view, conflict declaration,
scores, stage moves). A second reviewer, who cannot log in, scores too, so the selection
view shows a spread; plenty of applications are left unscored and undecided for the demo.
"""

import random
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from ..auth.models import User
from ..auth.roles import Role
from ..auth.services import create_user
from ..board.enums import Category
from ..board.intakes.rubric import add_criterion
from ..board.intakes.services import assign_reviewer, start_review
from ..board.models import Application, Intake
from ..board.review.services import blind_application, declare_conflict, reviewer_queue, save_scores
from ..board.review_models import RubricCriterion
from ..board.selection.services import move_application
from ..board.selection.summary import build_selection
from ..board.stages import Stage
from ..core.clock import clock_set_to, now_utc
from ..core.extensions import db

CRITERIA = [
    ("Lived experience and perspective", "What the applicant's experience adds to the board.", 3),
    ("Connection to school communities", "Ties to students, families or staff they can reach.", 2),
    ("Collaboration and respect", "Working with people who see things differently.", 2),
    ("Commitment and availability", "Time for meetings and reading between them.", 1),
]
SECOND_REVIEWER = ("second.reviewer@example.org", "Sky Second-Reviewer (demo, cannot log in)")


@dataclass(frozen=True)
class ReviewSample:
    """What the review sample created."""

    counts: dict[str, int]


def _second_reviewer() -> User:
    email, name = SECOND_REVIEWER
    password = secrets.token_urlsafe(24)  # never shown: the account only holds sample scores
    return create_user(None, email=email, name=name, roles={Role.REVIEWER}, password=password)


def load_board_reviews(intake: Intake, reviewer: User, admin: User) -> ReviewSample:
    """Add the rubric, reviews and a few decisions to the sample intake (caller commits)."""
    rng = random.Random(2029)  # noqa: S311 - repeatable demo data, not a secret
    now = now_utc()
    second = _second_reviewer()
    with clock_set_to(now - timedelta(days=4)):
        for name, description, weight in CRITERIA:
            add_criterion(admin, intake, name, description, weight)
        assign_reviewer(admin, intake, reviewer)
        assign_reviewer(admin, intake, second)
        in_review = start_review(admin, intake)
    scored = 0
    for index, row in enumerate(reviewer_queue(reviewer)):
        with clock_set_to(now - timedelta(days=3, hours=index)):
            scored += _review(rng, reviewer, row.application_id, index, leave_every=3)
            _review(rng, second, row.application_id, index + 1, leave_every=4)
    second.active = False  # the account exists only to hold sample scores
    decided = _decide(admin, intake, now)
    return ReviewSample(
        counts={
            "applications in review": in_review,
            "sample reviews": scored,
            "board members": decided,
        }
    )


def _review(
    rng: random.Random, user: User, application_id: int, index: int, leave_every: int
) -> int:
    """Declare and score one application; some are left for the demo, one is a conflict."""
    if index % leave_every == 0:
        return 0
    blind = blind_application(user, application_id)
    if blind is None:
        return 0
    if index == 7:
        declare_conflict(user, blind, True)
        return 0
    declare_conflict(user, blind, False)
    criteria = _criteria(blind.intake_id)
    entries = {
        criterion_id: (rng.choice([2, 3, 3, 4, 4, 4, 5, 5]), rng.choice(COMMENTS))
        for criterion_id in criteria
    }
    save_scores(user, blind, entries)
    return 1


def _criteria(intake_id: int) -> list[int]:
    """The ids of an intake's criteria."""
    return list(
        db.session.scalars(
            sa.select(RubricCriterion.id).where(RubricCriterion.intake_id == intake_id)
        )
    )


def _decide(admin: User, intake: Intake, now: datetime) -> int:
    """Shortlist the two best of each category; invite, offer and accept a few."""
    ranked = build_selection(intake).ranked
    members = 0
    with clock_set_to(now - timedelta(days=2)):
        for category in Category:
            best = [c for c in ranked[category] if c.mean is not None][:2]
            for candidate in best:
                application = _get(candidate.application_id)
                move_application(admin, application, Stage.SHORTLISTED, "Among the top scores.")
    with clock_set_to(now - timedelta(days=1)):
        for category in Category:
            best = [c for c in ranked[category] if c.mean is not None][:2]
            if not best:
                continue
            first = _get(best[0].application_id)
            move_application(admin, first, Stage.OFFERED, "Top of the ranking; seat offered.")
            move_application(admin, first, Stage.ACCEPTED, "Accepted by email.")
            members += 1
            if len(best) > 1:
                move_application(
                    admin,
                    _get(best[1].application_id),
                    Stage.INTERVIEW,
                    "A conversation before deciding.",
                    interview_at=now + timedelta(days=5, hours=2),
                    interview_format="Video call",
                )
    return members


def _get(application_id: int) -> Application:
    return db.session.get(Application, application_id)


COMMENTS = [
    "Brings a perspective the board is missing.",
    "Clear about what they would contribute.",
    "Strong ties to families at several schools.",
    "Thoughtful about how students experience safety.",
    "Limited availability, but very engaged.",
    "",
]
