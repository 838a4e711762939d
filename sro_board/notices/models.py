"""Staff notifications: each person's choices, the digests sent, the events still to tell."""

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ..core.clock import now_utc
from ..core.extensions import db


class NoticePreference(db.Model):
    """One person's choice for one kind of notification; no row means on."""

    __tablename__ = "notice_preference"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(sa.String(30), primary_key=True)
    enabled: Mapped[bool]
    changed_at: Mapped[datetime] = mapped_column(default=now_utc)


class NoticeSent(db.Model):
    """A daily digest sent to one person: at most one per kind and local day (the unique key)."""

    __tablename__ = "notice_sent"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(sa.String(30))
    day: Mapped[date]  # the day in the service's time zone
    sent_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    # The newest NoticeEvent the digest told of (digests of events: terms, failed email).
    last_event_id: Mapped[int | None]

    __table_args__ = (
        sa.UniqueConstraint("user_id", "kind", "day", name="uq_notice_sent_user_kind_day"),
    )


class NoticeEvent(db.Model):
    """Something to tell in the next digests (a term ending or ended, an email given up on).

    Never personal data beyond what the recipients' pages show: a member's id (the name is
    read when the digest is written), an email's template name, never its address.
    """

    __tablename__ = "notice_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(30))
    # What makes the event one of a kind (a member and date, an email and when it died).
    key: Mapped[str] = mapped_column(sa.String(80))
    created_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)

    __table_args__ = (sa.UniqueConstraint("kind", "key", name="uq_notice_event_kind_key"),)
