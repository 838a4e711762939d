"""Review tables: reviewers assigned to an intake, conflict declarations, the rubric, scores."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..core.clock import now_utc
from ..core.extensions import db


class ReviewerAssignment(db.Model):
    """A reviewer assigned to an intake."""

    __tablename__ = "reviewer_assignment"

    intake_id: Mapped[int] = mapped_column(
        sa.ForeignKey("intake.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), primary_key=True)
    user: Mapped[User] = relationship(lazy="joined")


class ConflictDeclaration(db.Model):
    """A reviewer's declaration about one application; a conflict excludes them from it."""

    __tablename__ = "conflict_declaration"

    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), primary_key=True
    )
    reviewer_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), primary_key=True)
    has_conflict: Mapped[bool]
    declared_at: Mapped[datetime] = mapped_column(default=now_utc)
    # No conflict and every criterion scored (review/completion.py keeps it with the scores).
    scores_complete: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    # A reviewer's own declarations, for their queue (the primary key starts with the application).
    __table_args__ = (
        sa.Index("ix_conflict_declaration_reviewer", "reviewer_id", "application_id"),
        # Their conflicts, which every queue query leaves out (review/access.py).
        sa.Index(
            "ix_conflict_declaration_conflicts", "reviewer_id", "has_conflict", "application_id"
        ),
    )


class RubricCriterion(db.Model):
    """A weighted criterion that reviewers score from 1 to 5."""

    __tablename__ = "rubric_criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    intake_id: Mapped[int] = mapped_column(
        sa.ForeignKey("intake.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(sa.String(120))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    weight: Mapped[int] = mapped_column(default=1)

    __table_args__ = (sa.CheckConstraint("weight >= 1 AND weight <= 10", name="weight_range"),)


class Score(db.Model):
    """One reviewer's score of one application on one criterion."""

    __tablename__ = "score"

    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), primary_key=True
    )
    reviewer_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), primary_key=True)
    criterion_id: Mapped[int] = mapped_column(
        sa.ForeignKey("rubric_criterion.id", ondelete="CASCADE"), primary_key=True
    )
    score: Mapped[int]
    comment: Mapped[str] = mapped_column(sa.Text, default="")
    scored_at: Mapped[datetime] = mapped_column(default=now_utc)

    __table_args__ = (sa.CheckConstraint("score >= 1 AND score <= 5", name="score_range"),)
