"""The outbox: every email the app queued, sent or tried to send."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ..core.clock import now_utc
from ..core.extensions import db


class OutboxEmail(db.Model):
    """One queued email; a feature that must find its emails again keeps its own link table."""

    __tablename__ = "outbox_email"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    recipient: Mapped[str] = mapped_column(sa.String(254))
    subject: Mapped[str] = mapped_column(sa.String(200))
    body: Mapped[str] = mapped_column(sa.Text)
    delivered: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (sa.Index("ix_outbox_email_created_id", "created_at", "id"),)
