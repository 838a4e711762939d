"""Messages sent through the contact form."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ..core.clock import now_utc
from ..core.database import str_enum
from ..core.extensions import db


class Topic(enum.StrEnum):
    """What the message is about."""

    QUESTION = "question"
    COMMENT = "comment"
    CONCERN = "concern"
    SUGGESTION = "suggestion"


class MessageState(enum.StrEnum):
    """Where a message stands in the inbox."""

    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"


MESSAGE_TRANSITIONS = {
    MessageState.OPEN: frozenset({MessageState.ANSWERED, MessageState.CLOSED}),
    MessageState.ANSWERED: frozenset({MessageState.OPEN, MessageState.CLOSED}),
    MessageState.CLOSED: frozenset({MessageState.OPEN}),
}


class ContactMessage(db.Model):
    """A question, comment, concern or suggestion from the public."""

    __tablename__ = "contact_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    topic: Mapped[Topic] = mapped_column(str_enum(Topic))
    message: Mapped[str] = mapped_column(sa.Text)
    name: Mapped[str] = mapped_column(sa.String(120), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    # The language of the page it was sent from ("en" or "fr"): a reply is written in it.
    language: Mapped[str] = mapped_column(sa.String(2), default="en", server_default="en")
    state: Mapped[MessageState] = mapped_column(
        str_enum(MessageState), default=MessageState.OPEN, index=True
    )

    __table_args__ = (sa.Index("ix_contact_message_inbox", "state", "created_at", "id"),)
