"""Meetings' tables: the meeting, its agenda items, attendance, decisions and action items.

Public text is stored in English and French side by side (`title` / `title_fr`). Times are
stored in UTC and shown in the service's time zone (America/Edmonton).
"""

from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..board.bilingual import Bilingual
from ..board.models import BoardMember
from ..core.clock import now_utc
from ..core.database import str_enum
from ..core.extensions import db
from ..recommendations.models import Recommendation
from .enums import ActionStatus, Body, MeetingState, Outcome, Presence

agenda_item_recommendation = sa.Table(
    "agenda_item_recommendation",
    db.metadata,
    sa.Column(
        "agenda_item_id",
        sa.ForeignKey("agenda_item.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "recommendation_id",
        sa.ForeignKey("recommendation.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Meeting(Bilingual, db.Model):
    """A meeting of the advisory board or of the working group."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[Body] = mapped_column(str_enum(Body), index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    title_fr: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    starts_at: Mapped[datetime] = mapped_column(index=True)
    duration_minutes: Mapped[int] = mapped_column(default=120)
    place: Mapped[str] = mapped_column(sa.String(300), default="", server_default="")
    place_fr: Mapped[str] = mapped_column(sa.String(300), default="", server_default="")
    online: Mapped[str] = mapped_column(sa.String(500), default="", server_default="")
    is_public: Mapped[bool] = mapped_column(default=True)
    state: Mapped[MeetingState] = mapped_column(
        str_enum(MeetingState), default=MeetingState.DRAFT, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    agenda_published_at: Mapped[datetime | None]
    # Published with less notice than MEETING_NOTICE_DAYS: why (shown publicly).
    late_reason: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    late_reason_fr: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    # The last change to the agenda after it was published ("changed on <date>").
    agenda_changed_at: Mapped[datetime | None]
    held_at: Mapped[datetime | None]
    minutes_published_at: Mapped[datetime | None]
    # iCalendar SEQUENCE: raised on every change a subscribed calendar should pick up.
    sequence: Mapped[int] = mapped_column(default=0, server_default="0")
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    items: Mapped[list["AgendaItem"]] = relationship(
        cascade="all, delete-orphan",
        order_by="AgendaItem.position",
        back_populates="meeting",
    )
    attendance: Mapped[list["Attendance"]] = relationship(
        cascade="all, delete-orphan", order_by="Attendance.id", back_populates="meeting"
    )
    decisions: Mapped[list["Decision"]] = relationship(
        cascade="all, delete-orphan",
        order_by="Decision.id",
        back_populates="meeting",
        foreign_keys="Decision.meeting_id",
    )
    actions: Mapped[list["ActionItem"]] = relationship(
        cascade="all, delete-orphan", order_by="ActionItem.id", back_populates="meeting"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        sa.CheckConstraint("duration_minutes > 0", name="duration_positive"),
        sa.Index("ix_meeting_public_list", "is_public", "state", "starts_at"),
    )

    @property
    def ends_at(self) -> datetime:
        """When the meeting is planned to end."""
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class AgendaItem(Bilingual, db.Model):
    """One item of a meeting's agenda, in order, with its minutes."""

    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(200))
    title_fr: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    presenter: Mapped[str] = mapped_column(sa.String(120), default="", server_default="")
    minutes_allowed: Mapped[int | None]
    summary: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    summary_fr: Mapped[str] = mapped_column(sa.Text, default="", server_default="")

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    recommendations: Mapped[list[Recommendation]] = relationship(
        secondary=agenda_item_recommendation, order_by=Recommendation.code
    )


class Attendance(db.Model):
    """Whether a board member or a staff member attended a meeting."""

    __tablename__ = "meeting_attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    board_member_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("board_member.id", ondelete="CASCADE")
    )
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    presence: Mapped[Presence] = mapped_column(str_enum(Presence))

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    board_member: Mapped[BoardMember | None] = relationship(lazy="joined")
    user: Mapped[User | None] = relationship(lazy="joined")

    __table_args__ = (
        sa.UniqueConstraint("meeting_id", "board_member_id", name="uq_attendance_member"),
        sa.UniqueConstraint("meeting_id", "user_id", name="uq_attendance_user"),
        sa.CheckConstraint(
            "(board_member_id IS NULL) <> (user_id IS NULL)", name="attendance_one_person"
        ),
    )


class Decision(Bilingual, db.Model):
    """A motion put at a meeting and its outcome (on an agenda item, or approving minutes)."""

    __tablename__ = "meeting_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    motion: Mapped[str] = mapped_column(sa.Text)
    motion_fr: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    outcome: Mapped[Outcome] = mapped_column(str_enum(Outcome))
    votes_for: Mapped[int | None]
    votes_against: Mapped[int | None]
    votes_abstaining: Mapped[int | None]
    # Set when this decision approved an earlier meeting's minutes.
    approves_meeting_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("meeting.id", ondelete="CASCADE"), unique=True
    )

    meeting: Mapped[Meeting] = relationship(back_populates="decisions", foreign_keys=[meeting_id])
    item: Mapped[AgendaItem | None] = relationship()
    approves: Mapped[Meeting | None] = relationship(foreign_keys=[approves_meeting_id])

    __table_args__ = (
        sa.CheckConstraint(
            "coalesce(votes_for, 0) >= 0 AND coalesce(votes_against, 0) >= 0"
            " AND coalesce(votes_abstaining, 0) >= 0",
            name="votes_not_negative",
        ),
    )


class ActionItem(Bilingual, db.Model):
    """Something a board member or staff member agreed to do, by a date."""

    __tablename__ = "action_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(sa.Text)
    description_fr: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    owner_board_member_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("board_member.id", ondelete="SET NULL"), index=True
    )
    owner_user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    due_date: Mapped[date | None]
    recommendation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("recommendation.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[ActionStatus] = mapped_column(
        str_enum(ActionStatus), default=ActionStatus.OPEN, index=True
    )

    meeting: Mapped[Meeting] = relationship(back_populates="actions")
    owner_board_member: Mapped[BoardMember | None] = relationship(lazy="joined")
    owner_user: Mapped[User | None] = relationship(lazy="joined")
    recommendation: Mapped[Recommendation | None] = relationship(lazy="joined")
