"""Recording why a sensitive action was taken, and forgetting the details when their time is up.

The audit log is kept for ever and never changes, so it gets only the action, the category and
the reason's id; the free text (which can name a guardian or quote an email) is stored here and
emptied once REASON_RETENTION_DAYS have passed (`flask board purge`).
"""

from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from ...auth.models import User
from ...core.clock import now_utc
from ...core.extensions import db
from ...security.inputs import strip_bidi
from ..errors import BoardError
from ..models import Application
from .models import CATEGORIES, ReasonCategory, SensitiveAction, StaffReason

DETAILS_MAX = 500


def record_reason(
    actor: User, application: Application, action: SensitiveAction, category: str, details: str
) -> StaffReason:
    """Check and store the reason for an action on an application (flushed, not committed)."""
    try:
        chosen = ReasonCategory(category)
    except ValueError:
        chosen = None
    if chosen not in CATEGORIES[action]:
        raise BoardError(_("Choose why, from the list."))
    text = str(strip_bidi(details or "")).strip()
    if not text:
        raise BoardError(_("Record the details of the request or the decision."))
    if len(text) > DETAILS_MAX:
        raise BoardError(_("Keep the details under %(max)d characters.", max=DETAILS_MAX))
    reason = StaffReason(
        action=action,
        category=chosen,
        details=text,
        application_id=application.id,
        actor_id=actor.id,
        created_at=now_utc(),
    )
    db.session.add(reason)
    db.session.flush()
    return reason


def audit_fields(reason: StaffReason) -> dict[str, object]:
    """What the audit log keeps of a reason: its category and id, never its details."""
    return {"reason_category": reason.category.value, "reason_id": reason.id}


def reasons_for(application: Application) -> list[StaffReason]:
    """The recorded reasons about one application, oldest first (for its staff page)."""
    return list(
        db.session.scalars(
            sa.select(StaffReason)
            .where(StaffReason.application_id == application.id)
            .order_by(StaffReason.id)
        )
    )


def reason_cutoff(now: datetime | None = None) -> datetime:
    """Reasons recorded before this moment are past their retention period."""
    return (now or now_utc()) - timedelta(days=current_app.config["REASON_RETENTION_DAYS"])


def purge_reasons(dry_run: bool = False, now: datetime | None = None) -> int:
    """Empty the details of reasons past their retention period; returns how many."""
    due = (
        StaffReason.created_at < reason_cutoff(now),
        StaffReason.details_purged_at.is_(None),
    )
    count = db.session.scalar(sa.select(sa.func.count()).select_from(StaffReason).where(*due))
    if count and not dry_run:
        db.session.execute(
            sa.update(StaffReason).where(*due).values(details="", details_purged_at=now_utc()),
            execution_options={"synchronize_session": False},
        )
    return count or 0
