"""Contact messages are deleted once CONTACT_RETENTION_DAYS have passed since they arrived."""

from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from ..audit.services import record
from ..core.clock import now_utc
from ..core.extensions import db
from .models import ContactMessage


def contact_cutoff(now: datetime | None = None) -> datetime:
    """Messages that arrived before this moment are past their retention period."""
    return (now or now_utc()) - timedelta(days=current_app.config["CONTACT_RETENTION_DAYS"])


def purge_messages(dry_run: bool = False, now: datetime | None = None) -> int:
    """Delete the messages past their retention period (flush only); returns how many."""
    old = ContactMessage.created_at < contact_cutoff(now)
    count = db.session.scalar(sa.select(sa.func.count()).select_from(ContactMessage).where(old))
    if count and not dry_run:
        db.session.execute(sa.delete(ContactMessage).where(old))
        days = current_app.config["CONTACT_RETENTION_DAYS"]
        record(
            None,
            "contact.purge",
            "contact_message",
            "",
            f"Deleted {count} contact message(s) older than {days} days",
            after={"count": count},
        )
        db.session.flush()
    return count or 0
