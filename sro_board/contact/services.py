"""Storing contact messages and moving them through the inbox."""

from flask_babel import gettext as _

from ..audit.services import record
from ..auth.models import User
from ..core.extensions import db
from .labels import STATE_WORDS
from .models import MESSAGE_TRANSITIONS, ContactMessage, MessageState, Topic


class InboxError(ValueError):
    """A refused inbox change."""


LANGUAGES = ("en", "fr")


def submit_message(
    topic: str, message: str, name: str, email: str, language: str = "en"
) -> ContactMessage:
    """Store a message from the public, with the language of the page it was sent from."""
    msg = ContactMessage(
        topic=Topic(topic),
        message=message.strip(),
        name=name.strip(),
        email=email.strip(),
        language=language if language in LANGUAGES else "en",
    )
    db.session.add(msg)
    db.session.flush()
    return msg


def change_state(actor: User, msg: ContactMessage, new_state: MessageState) -> None:
    """Move a message to another inbox state (audited, without its content)."""
    if new_state not in MESSAGE_TRANSITIONS[msg.state]:
        raise InboxError(
            _(
                "A message that is %(state)s cannot be marked %(new_state)s.",
                state=STATE_WORDS[msg.state],
                new_state=STATE_WORDS[new_state],
            )
        )
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
