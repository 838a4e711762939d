"""Administration changes over the lower layers: retrying a dead email, audited."""

from flask_babel import gettext as _

from ..audit.services import record
from ..auth.models import User
from ..mail.models import OutboxEmail
from ..mail.services import requeue
from .labels import STATE_WORDS


class AdminError(ValueError):
    """A refused administration change, with a message for the admin."""


def retry_email(actor: User, email: OutboxEmail) -> None:
    """Queue a dead email again for a fresh round of attempts."""
    attempts = email.attempts
    try:
        requeue(email)
    except ValueError:
        raise AdminError(
            _(
                "Email %(id)d is %(state)s; only a dead one can be retried.",
                id=email.id,
                state=STATE_WORDS[email.state],
            )
        ) from None
    record(
        actor,
        "email.retry",
        "email",
        email.id,
        f"Email {email.id} ({email.template}) queued again after {attempts} failed attempt(s)",
        before={"state": "dead", "attempts": attempts},
        after={"state": email.state.value},
    )
