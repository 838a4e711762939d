"""The outbox: each email the app queued, with its delivery state; its content only in flight."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ..core.clock import now_utc
from ..core.database import str_enum
from ..core.extensions import db
from ..security.crypto import EncryptedText


class EmailState(enum.StrEnum):
    """Where an email is: waiting, being sent by one worker, sent, or given up on."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    DEAD = "dead"


class OutboxEmail(db.Model):
    """One queued email: its content encrypted while it waits, erased once it is sent."""

    # What stays says only what operations need: a keyed hash of the address, the template,
    # the state, the attempts and the times. A feature that must find its emails again keeps
    # its own link table.

    __tablename__ = "outbox_email"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    template: Mapped[str] = mapped_column(sa.String(60))
    # HMAC-SHA256 of the lower-cased address (security.crypto.keyed_hash); never the address.
    recipient_hash: Mapped[str] = mapped_column(sa.String(64), index=True)
    recipient: Mapped[str | None] = mapped_column(EncryptedText)
    subject: Mapped[str | None] = mapped_column(EncryptedText)
    body: Mapped[str | None] = mapped_column(EncryptedText)
    # Extra headers as JSON ({"List-Unsubscribe": ...}): they may hold a secret link.
    headers: Mapped[str | None] = mapped_column(EncryptedText)
    state: Mapped[EmailState] = mapped_column(
        str_enum(EmailState, length=10),
        default=EmailState.QUEUED,
        index=True,
    )
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=now_utc)
    claimed_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None] = mapped_column(index=True)  # sent, or dead
    # The last failure's kind (an exception class name or an SMTP code); never its text.
    last_error: Mapped[str | None] = mapped_column(sa.String(60))

    __table_args__ = (sa.Index("ix_outbox_email_created_id", "created_at", "id"),)
