"""The board's own assessments of the recommendations (each approved one is kept: the history)."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..board.bilingual import Bilingual
from ..core.clock import now_utc
from ..core.database import str_enum
from ..core.extensions import db
from ..meetings.models import Decision
from ..recommendations.models import Recommendation
from .enums import AssessmentState, Rating


class Assessment(Bilingual, db.Model):
    """One assessment of one recommendation: a board member drafts it, the board chair approves."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(sa.ForeignKey("recommendation.id"))
    rating: Mapped[Rating] = mapped_column(str_enum(Rating, 30))
    # Public once approved, English and French side by side (empty French: not yet translated).
    commentary: Mapped[str] = mapped_column(sa.Text)
    commentary_fr: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    assessed_on: Mapped[date]
    state: Mapped[AssessmentState] = mapped_column(str_enum(AssessmentState, 20), index=True)
    drafted_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    approved_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    submitted_at: Mapped[datetime | None]
    approved_at: Mapped[datetime | None]
    # The board chair's note when returning a draft (for the board only, never public).
    return_note: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    # The motion the board carried at a meeting to agree it, when it was put to the board.
    decision_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("meeting_decision.id", name="fk_assessment_decision_id_meeting_decision")
    )
    version: Mapped[int] = mapped_column(default=1)

    recommendation: Mapped[Recommendation] = relationship(lazy="joined")
    drafted_by: Mapped[User] = relationship(foreign_keys=[drafted_by_id], lazy="joined")
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id], lazy="joined")
    decision: Mapped[Decision | None] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # A recommendation's approved assessments, newest first (the current one and history).
        sa.Index("ix_assessment_recommendation", "recommendation_id", "state", "approved_at"),
    )
