"""Storing contact messages and moving them through the inbox."""

from ..audit.services import record
from ..auth.models import User
from ..core.extensions import db
from .models import MESSAGE_TRANSITIONS, ContactMessage, MessageState, Topic


class InboxError(ValueError):
    """A refused inbox change."""


def submit_message(topic: str, message: str, name: str, email: str) -> ContactMessage:
    """Store a message from the public."""
    msg = ContactMessage(
        topic=Topic(topic), message=message.strip(), name=name.strip(), email=email.strip()
    )
    db.session.add(msg)
    db.session.flush()
    return msg


def change_state(actor: User, msg: ContactMessage, new_state: MessageState) -> None:
    """Move a message to another inbox state (audited, without its content)."""
    if new_state not in MESSAGE_TRANSITIONS[msg.state]:
        raise InboxError(f"A message that is {msg.state} cannot be marked {new_state}.")
    old = msg.state
    msg.state = new_state
    record(
        actor,
        "contact.state_changed",
        "contact_message",
        msg.id,
        f"Message #{msg.id} marked {new_state}",
        before={"state": old},
        after={"state": new_state},
    )
    db.session.flush()
