"""Followers (an address, encrypted, and what it follows), their secret links, pending fan-outs."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..core.clock import now_utc
from ..core.database import str_enum
from ..core.extensions import db
from ..recommendations.enums import Theme
from ..recommendations.models import Recommendation
from ..security.crypto import EncryptedText


class ScopeKind(enum.StrEnum):
    """What a follower hears about: everything, one theme, or one recommendation."""

    ALL = "all"
    THEME = "theme"
    RECOMMENDATION = "recommendation"


class Frequency(enum.StrEnum):
    """An email per update, or one a week listing them."""

    INSTANT = "instant"
    WEEKLY = "weekly"


class LinkPurpose(enum.StrEnum):
    """What a secret link in an email does."""

    CONFIRM = "confirm"
    MANAGE = "manage"


class Follower(db.Model):
    """One address following one scope; hears nothing until confirmed (double opt-in)."""

    __tablename__ = "follower"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    address: Mapped[str] = mapped_column(EncryptedText)
    # keyed_hash of the lower-cased address: how a follower is found again, never read back.
    address_hash: Mapped[str] = mapped_column(sa.String(64), index=True)
    # "all", "theme:<theme>" or "recommendation:<id>": one row per address and scope.
    scope: Mapped[str] = mapped_column(sa.String(40))
    kind: Mapped[ScopeKind] = mapped_column(str_enum(ScopeKind, length=16))
    theme: Mapped[Theme | None] = mapped_column(str_enum(Theme))
    recommendation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("recommendation.id", ondelete="CASCADE"), index=True
    )
    frequency: Mapped[Frequency] = mapped_column(str_enum(Frequency, length=10))
    language: Mapped[str] = mapped_column(sa.String(2), default="en")
    confirmed_at: Mapped[datetime | None]
    last_digest_at: Mapped[datetime | None]

    recommendation: Mapped[Recommendation | None] = relationship(lazy="joined")

    __table_args__ = (
        sa.UniqueConstraint("address_hash", "scope", name="uq_follower_address_scope"),
        sa.Index("ix_follower_fan_out", "frequency", "kind", "theme", "id"),
    )


class FollowLink(db.Model):
    """A secret link sent in one email: only the hash of its token is kept."""

    __tablename__ = "follow_link"

    token_hash: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    follower_id: Mapped[int] = mapped_column(
        sa.ForeignKey("follower.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[LinkPurpose] = mapped_column(str_enum(LinkPurpose, length=10))
    created_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)

    follower: Mapped[Follower] = relationship(lazy="joined")


class FanOut(db.Model):
    """An update whose instant emails are still to be written, recorded when it is published."""

    __tablename__ = "follow_fanout"

    update_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendation_update.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    claimed_at: Mapped[datetime | None]
    # Followers are written in id order; a resumed fan-out starts after this one.
    last_follower_id: Mapped[int] = mapped_column(default=0)
    done_at: Mapped[datetime | None] = mapped_column(index=True)
