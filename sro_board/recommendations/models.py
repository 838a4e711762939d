"""The tracker's tables: recommendations, their reports, milestones, evidence and updates.

Public text is stored in English and French side by side (`title` / `title_fr`); an empty
French column means "not yet translated" and the French page shows the English.
"""

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..core.clock import now_utc
from ..core.database import str_enum
from ..core.extensions import db
from .enums import (
    DefinitionAxis,
    Feasibility,
    ImplementationStatus,
    SourceReport,
    Theme,
    UpdateState,
)


class Recommendation(db.Model):
    """One of the review's recommendations; its columns hold the published (approved) values."""

    __tablename__ = "recommendation"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(12), unique=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    title_fr: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    description: Mapped[str] = mapped_column(sa.Text)
    description_fr: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    theme: Mapped[Theme] = mapped_column(str_enum(Theme), index=True)
    lead_unit: Mapped[str] = mapped_column(sa.String(120))
    lead_user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"), index=True)
    target_date: Mapped[date]
    feasibility: Mapped[Feasibility] = mapped_column(
        str_enum(Feasibility), default=Feasibility.NOT_ASSESSED, index=True
    )
    feasibility_rationale: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[ImplementationStatus] = mapped_column(
        str_enum(ImplementationStatus), default=ImplementationStatus.NOT_STARTED, index=True
    )
    progress: Mapped[int] = mapped_column(default=0)
    progress_from_milestones: Mapped[bool] = mapped_column(default=False)
    # The baseline: the first commitment, never changed after creation.
    baseline_target_date: Mapped[date]
    baseline_recorded_at: Mapped[datetime] = mapped_column(default=now_utc)
    last_public_update_at: Mapped[datetime | None] = mapped_column(index=True)
    version: Mapped[int] = mapped_column(default=1)

    report_rows: Mapped[list["RecommendationReport"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="RecommendationReport.report"
    )
    lead_user: Mapped[User | None] = relationship(lazy="joined")
    milestones: Mapped[list["Milestone"]] = relationship(
        cascade="all, delete-orphan",
        order_by="(Milestone.due_date, Milestone.id)",
        back_populates="recommendation",
    )
    evidence: Mapped[list["Evidence"]] = relationship(
        cascade="all, delete-orphan", order_by="Evidence.id", back_populates="recommendation"
    )
    updates: Mapped[list["Update"]] = relationship(
        cascade="all, delete-orphan",
        order_by="Update.created_at.desc(), Update.id.desc()",
        back_populates="recommendation",
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        sa.CheckConstraint("progress >= 0 AND progress <= 100", name="progress_range"),
    )

    @property
    def reports(self) -> list[SourceReport]:
        """The source reports this recommendation comes from."""
        return [row.report for row in self.report_rows]


class RecommendationReport(db.Model):
    """Links a recommendation to a source report."""

    __tablename__ = "recommendation_report"

    recommendation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendation.id", ondelete="CASCADE"), primary_key=True
    )
    report: Mapped[SourceReport] = mapped_column(str_enum(SourceReport), primary_key=True)


class Milestone(db.Model):
    """A step towards implementing a recommendation."""

    __tablename__ = "milestone"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendation.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    title_fr: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    due_date: Mapped[date]
    done: Mapped[bool] = mapped_column(default=False)
    recommendation: Mapped[Recommendation] = relationship(back_populates="milestones")


class Evidence(db.Model):
    """A published link showing what was done."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendation.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    title_fr: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    url: Mapped[str] = mapped_column(sa.String(500))
    recommendation: Mapped[Recommendation] = relationship(back_populates="evidence")


class Update(db.Model):
    """A dated entry on a recommendation's timeline: the changes it makes and its notes."""

    __tablename__ = "recommendation_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendation.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    state: Mapped[UpdateState] = mapped_column(str_enum(UpdateState))
    # {field: {"old": value, "new": value}}; lists (milestones, evidence) as whole snapshots.
    changes: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # changes["status"]["new"] when the update changes the status, else None: kept apart (and
    # indexed) so the few status changes are found without reading every update's JSON.
    new_status: Mapped[str | None] = mapped_column(sa.String(32))
    public_note: Mapped[str] = mapped_column(sa.Text, default="")
    public_note_fr: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    internal_note: Mapped[str] = mapped_column(sa.Text, default="")
    based_on_version: Mapped[int]
    resulting_version: Mapped[int | None]
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(sa.Text, default="")

    recommendation: Mapped[Recommendation] = relationship(back_populates="updates")
    author: Mapped[User | None] = relationship(foreign_keys=[author_id], lazy="joined")
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id], lazy="joined")

    # Timelines are read newest first, a page at a time (keyset on time and id).
    __table_args__ = (
        sa.Index("ix_update_public_timeline", "recommendation_id", "state", "decided_at", "id"),
        sa.Index("ix_update_timeline", "recommendation_id", "created_at", "id"),
        sa.Index("ix_update_state_decided", "state", "decided_at", "id"),
        # Pending updates, oldest first (the dashboard and the approval queue).
        sa.Index("ix_update_state_created", "state", "created_at", "id"),
        # Published status changes (progress over time).
        sa.Index("ix_update_status_changes", "state", "new_status"),
    )


@sa.event.listens_for(Update, "before_insert")
def _keep_new_status(_mapper, _connection, update: Update) -> None:
    """new_status from changes, however the update was made (changes never change after)."""
    status = (update.changes or {}).get("status")
    update.new_status = status.get("new") if isinstance(status, dict) else None


class StatusDefinition(db.Model):
    """A published definition of one feasibility, status or schedule value."""

    __tablename__ = "status_definition"

    axis: Mapped[DefinitionAxis] = mapped_column(str_enum(DefinitionAxis), primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(sa.String(80))
    name_fr: Mapped[str] = mapped_column(sa.String(80), default="", server_default="")
    meaning: Mapped[str] = mapped_column(sa.Text)
    meaning_fr: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    entry_criteria: Mapped[str] = mapped_column(sa.Text)
    entry_criteria_fr: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
