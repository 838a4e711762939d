"""Replies to a contact message are written in its sender's language, starting with the subject."""

from urllib.parse import quote

from flask_babel import force_locale
from flask_babel import gettext as _

from .labels import TOPIC_LABELS
from .models import ContactMessage


def reply_subject(msg: ContactMessage) -> str:
    """The subject of a reply, in the language of the page the message was sent from."""
    with force_locale(msg.language):
        return _(
            "Your message to the SRO review team: %(topic)s",
            topic=str(TOPIC_LABELS[msg.topic]).lower(),
        )


def reply_link(msg: ContactMessage) -> str:
    """A mailto: link that opens a reply to the sender in their language."""
    return f"mailto:{quote(msg.email, safe='@')}?subject={quote(reply_subject(msg))}"
